package huiyanhttp

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// defaultTypeBase is where a problem's type points by default: the
// documentation of package messages, at the code's constant.
const defaultTypeBase = "https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#"

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
	Code      int    `json:"code"`
	Name      string `json:"name"`
	Category  string `json:"category"`
	Retryable bool   `json:"retryable"`
}

// success is the answer for code 0, in the shape of a problem without a
// type: a client reads title and code whatever the outcome.
type success struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Code   int    `json:"code"`
	Name   string `json:"name"`
}

// body returns the answer for m as JSON, with a final newline: the
// success answer for code 0, else the problem.
func (c *config) body(m huiyan.Message) []byte {
	var data []byte
	// A struct of strings, ints and a bool always marshals.
	if m.Code == messages.Success {
		data, _ = json.Marshal(success{Title: m.User, Status: m.Code.HTTPStatus(), Code: int(m.Code), Name: m.Code.String()})
	} else {
		data, _ = json.Marshal(c.problem(m))
	}
	return append(data, '\n')
}

// problem returns the problem for m.
func (c *config) problem(m huiyan.Message) problem {
	return problem{
		Type:      c.typeOf(m.Code),
		Title:     m.User,
		Status:    m.Code.HTTPStatus(),
		Code:      int(m.Code),
		Name:      m.Code.String(),
		Category:  m.Code.Category().String(),
		Retryable: m.Code.Retryable(),
	}
}

// typeOf returns the type URI of code's problems.
func (c *config) typeOf(code messages.Code) string {
	switch {
	case c.typeBase != "":
		return c.typeBase + strconv.Itoa(int(code))
	case code.Known():
		return defaultTypeBase + code.String()
	}
	return defaultTypeBase + code.Category().Name()
}

// bodies are the answers of one bundle's known codes, rendered with the
// deployment's parameters, and the Content-Language of each locale.
type bodies struct {
	b      *huiyan.Bundle
	names  []string   // the locales
	langs  [][]string // Content-Language, by locale
	ncodes int
	// answers by locale and code: [locale*ncodes+Code.Index], for the
	// locale that served the user text.
	answers [][]byte
}

func newBodies(b *huiyan.Bundle, c *config) *bodies {
	codes := messages.All()
	bs := &bodies{b: b, names: b.Locales(), ncodes: len(codes)}
	bs.langs = make([][]string, len(bs.names))
	bs.answers = make([][]byte, len(bs.names)*len(codes))
	for li, name := range bs.names {
		bs.langs[li] = []string{name}
		for ci, code := range codes {
			// The user text is the own text of the locale that served
			// it, m.Lang: it is the same for every language value that
			// this locale serves.
			m := c.localize(b, code, name)
			if lj := bs.locale(m.Lang); lj >= 0 {
				bs.answers[lj*len(codes)+ci] = c.body(m)
			}
		}
	}
	return bs
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

// answer returns the body for code in the language value lang, and the
// locale that served its user text: precomputed for a code of the
// catalogue, rendered for another.
func (bs *bodies) answer(c *config, code messages.Code, lang string) ([]byte, string) {
	if row := code.Index(); row >= 0 {
		// The locale of the user text: the same with parameters.
		if li := bs.locale(bs.b.Localize(code, lang).Lang); li >= 0 {
			return bs.answers[li*bs.ncodes+row], bs.names[li]
		}
	}
	m := c.localize(bs.b, code, lang)
	return c.body(m), m.Lang
}

// WriteProblem writes the answer for code, as [WriteResult] does with no
// fields of the service's own: for a failure, an RFC 9457 problem; for
// code 0, the success answer, so that a handler that passes on any code it
// got from Huiyan never leaves a response empty. It returns the error of
// writing the body, if any.
func WriteProblem(w http.ResponseWriter, r *http.Request, code messages.Code) error {
	return WriteResult(w, r, code, nil)
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

// log reports a problem with the code's operator texts; lang is the
// Content-Language sent, and shown the code answered, which differs from
// code for a member of the identity group (see [WithUniformIdentity]).
func (s *state) log(ctx context.Context, b *huiyan.Bundle, code, shown messages.Code, status int, lang string) {
	l := s.logger
	if l == nil {
		l = slog.Default()
	}
	level := slog.LevelInfo
	if status >= 500 || code.Category() == messages.General {
		level = slog.LevelWarn
	}
	if !l.Enabled(ctx, level) {
		return
	}
	m := huiyan.LocalizeWith(b, code, s.opLang, s.params)
	if shown != code {
		l.LogAttrs(ctx, level, "huiyanhttp: problem",
			slog.Int("status", status),
			slog.String("user_lang", lang),
			slog.Int("answered_code", int(shown)),
			slog.Any("huiyan", m))
		return
	}
	l.LogAttrs(ctx, level, "huiyanhttp: problem",
		slog.Int("status", status),
		slog.String("user_lang", lang),
		slog.Any("huiyan", m))
}
