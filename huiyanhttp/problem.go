package huiyanhttp

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The headers of every problem. Responses share these slices, which is
// safe: net/http only reads header values, and an append to one copies
// it, its capacity being its length.
var (
	problemContentType = []string{"application/problem+json"}
	noStore            = []string{"no-store"}
	nosniff            = []string{"nosniff"}
)

// problem is an RFC 9457 problem details object; the field order is the
// key order.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Table     string `json:"table"`
	Code      int    `json:"code"`
	Name      string `json:"name"`
	Category  string `json:"category"`
	Retryable bool   `json:"retryable"`
}

// success is the answer for a success code, in the shape of a problem
// without a type: a client reads title and code whatever the outcome.
type success struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Table  string `json:"table"`
	Code   int    `json:"code"`
	Name   string `json:"name"`
}

// isSuccess reports whether code of tbl is a success, answered with 200:
// 0 in either table.
func isSuccess(tbl *messages.Table, code int) bool { return tbl.Status(code) == http.StatusOK }

// body returns the answer for m, the message of code of tbl, whose Go
// type is t, as JSON, with a final newline: the success answer for a
// success code, else the problem.
func body(c *config, t codeType, tbl *messages.Table, code int, m message) []byte {
	var data []byte
	// A struct of strings, ints and a bool always marshals.
	if isSuccess(tbl, code) {
		data, _ = json.Marshal(success{Title: m.User, Status: http.StatusOK, Table: tbl.Name(), Code: code, Name: m.Name})
	} else {
		e, known := tbl.Lookup(code)
		data, _ = json.Marshal(problem{
			Type:      typeOf(c, t, tbl, code),
			Title:     m.User,
			Status:    tbl.Status(code),
			Table:     tbl.Name(),
			Code:      code,
			Name:      m.Name,
			Category:  tbl.Categories()[tbl.CategoryOf(code)].Key,
			Retryable: known && e.Retryable,
		})
	}
	return append(data, '\n')
}

// bodies are the answers of one bundle's known codes, rendered with the
// deployment's parameters, and the Content-Language of each locale.
type bodies struct {
	b     *huiyan.Bundle
	names []string   // the locales
	langs [][]string // Content-Language, by locale

	// tables are the answers of each table of load.Tables, by position:
	// the default table's are rendered with the bodies, another's when
	// a code of it is first answered, under mu.
	tables []atomic.Pointer[answers]
	mu     sync.Mutex
}

// answers are the replies of one table's codes, by locale and code:
// [locale*ncodes+row], for the locale that served the user text, row the
// code's position in the table.
type answers struct {
	ncodes  int
	replies []reply
}

// reply is an answer to write.
type reply struct {
	body   []byte
	status int
	lang   []string // Content-Language: the locale of the user text, shared
}

func newBodies(b *huiyan.Bundle, c *config) *bodies {
	bs := &bodies{b: b, names: b.Locales(), tables: make([]atomic.Pointer[answers], len(load.Tables))}
	bs.langs = make([][]string, len(bs.names))
	for li, name := range bs.names {
		bs.langs[li] = []string{name}
	}
	bs.tables[0].Store(bs.render(c, typed[messages.Code]{}, load.Tables[0]))
	return bs
}

// render returns the answers of the codes of tbl, whose Go type is t.
func (bs *bodies) render(c *config, t codeType, tbl *messages.Table) *answers {
	entries := tbl.Entries()
	a := &answers{ncodes: len(entries), replies: make([]reply, len(bs.names)*len(entries))}
	for _, name := range bs.names {
		for row, e := range entries {
			// The user text is the own text of the locale that served
			// it, m.Lang: it is the same for every language value that
			// this locale serves.
			m := localize(c, t, bs.b, tbl, e.Code, name)
			if li := bs.locale(m.Lang); li >= 0 {
				a.replies[li*len(entries)+row] = bs.reply(c, t, tbl, e.Code, m)
			}
		}
	}
	return a
}

// renderOnce returns the answers of the table at position ti of
// load.Tables, whose Go type is t, rendering them unless another call
// did.
func (bs *bodies) renderOnce(c *config, t codeType, ti int) *answers {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if a := bs.tables[ti].Load(); a != nil {
		return a
	}
	a := bs.render(c, t, load.Tables[ti])
	bs.tables[ti].Store(a)
	return a
}

// locale returns the index of the locale name, or -1.
func (bs *bodies) locale(name string) int {
	for i, n := range bs.names {
		if n == name {
			return i
		}
	}
	return -1
}

// answer returns the reply for code of tbl, whose Go type is t, in the
// language value lang: rendered before for a code of a table that the
// bundle serves, rendered now for another.
func (bs *bodies) answer(c *config, t codeType, tbl *messages.Table, code int, lang string) reply {
	if row := tbl.Index(code); row >= 0 {
		if ti := tableIndex(tbl); ti >= 0 {
			a := bs.tables[ti].Load()
			if a == nil {
				a = bs.renderOnce(c, t, ti)
			}
			// The locale of the user text, the same with parameters:
			// the default table's by Bundle.Localize, whose common path
			// reads a precomputed message.
			var served string
			if ti == 0 {
				served = bs.b.Localize(messages.Code(code), lang).Lang
			} else {
				served = t.message(bs.b, code, lang, nil).Lang
			}
			if li := bs.locale(served); li >= 0 {
				return a.replies[li*a.ncodes+row]
			}
		}
	}
	return bs.reply(c, t, tbl, code, localize(c, t, bs.b, tbl, code, lang))
}

// reply returns the reply of m, the message of code of tbl, whose Go type
// is t.
func (bs *bodies) reply(c *config, t codeType, tbl *messages.Table, code int, m message) reply {
	rp := reply{body: body(c, t, tbl, code, m), status: tbl.Status(code)}
	if li := bs.locale(m.Lang); li >= 0 {
		rp.lang = bs.langs[li]
	} else {
		rp.lang = []string{m.Lang}
	}
	return rp
}

// WriteProblem writes the answer for code, as [WriteResult] does with no
// fields of the service's own: for a failure, an RFC 9457 problem; for a
// success (0 in either table), the success answer, so that a handler that
// passes on any code it got from Tencent never leaves a response empty.
// It returns the error of writing the body, if any.
func WriteProblem[C messages.TableCode](w http.ResponseWriter, r *http.Request, code C) error {
	return writeResult(w, r, typed[C]{}, int(code), nil)
}

// requestContext returns what the Middleware kept in r's context.
func requestContext(r *http.Request) (*request, bool) {
	if r == nil {
		return nil, false
	}
	return fromContext(r.Context())
}

func ctxOf(r *http.Request) context.Context {
	if r == nil {
		return context.Background()
	}
	return r.Context()
}

// logProblem reports a problem with the operator texts of code of tbl,
// whose Go type is t; lang is the Content-Language sent, and grouped is
// true for a member of the identity group answered as identityCode (see
// [WithUniformIdentity]). The level is Warn for a 5xx status or a code of
// its table's first category (the Huiyan table's general codes, FaceID's
// system codes: calls, tokens and quotas, which the operator may have to
// fix), and Info for the rest.
func (s *state) logProblem(ctx context.Context, b *huiyan.Bundle, t codeType, tbl *messages.Table, code int, grouped bool, status int, lang string) {
	l := s.logger
	if l == nil {
		l = slog.Default()
	}
	level := slog.LevelInfo
	if status >= 500 || tbl.CategoryOf(code) == 0 {
		level = slog.LevelWarn
	}
	if !l.Enabled(ctx, level) {
		return
	}
	m := slog.Attr{Key: "huiyan", Value: t.logValue(b, code, s.opLang, s.params)}
	if grouped {
		l.LogAttrs(ctx, level, "huiyanhttp: problem",
			slog.Int("status", status),
			slog.String("user_lang", lang),
			slog.String("answered_table", identityTable.Name()),
			slog.Int("answered_code", identityCode),
			m)
		return
	}
	l.LogAttrs(ctx, level, "huiyanhttp: problem",
		slog.Int("status", status),
		slog.String("user_lang", lang),
		m)
}
