package huiyanhttp

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// ErrSuccess is what [WriteProblem] returns for code 0, without writing
// anything: success is no problem, and its answer is the service's own.
var ErrSuccess = errors.New("huiyanhttp: code 0 is success, not a problem; nothing was written")

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

// body returns the problem for m as JSON, with a final newline.
func (c *config) body(m huiyan.Message) []byte {
	// A struct of strings, ints and a bool always marshals.
	data, _ := json.Marshal(problem{
		Type:      c.typeOf(m.Code),
		Title:     m.User,
		Status:    m.Code.HTTPStatus(),
		Code:      int(m.Code),
		Name:      m.Code.String(),
		Category:  m.Code.Category().String(),
		Retryable: m.Code.Retryable(),
	})
	return append(data, '\n')
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

// bodies are the problems of one bundle's known codes, rendered with the
// deployment's parameters, and the Content-Language of each locale.
type bodies struct {
	b      *huiyan.Bundle
	names  []string   // the locales
	langs  [][]string // Content-Language, by locale
	ncodes int
	// problems by locale and code: [locale*ncodes+Code.Index], for the
	// locale that served the user text. nil for code 0.
	problems [][]byte
}

func newBodies(b *huiyan.Bundle, c *config) *bodies {
	codes := messages.All()
	bs := &bodies{b: b, names: b.Locales(), ncodes: len(codes)}
	bs.langs = make([][]string, len(bs.names))
	bs.problems = make([][]byte, len(bs.names)*len(codes))
	for li, name := range bs.names {
		bs.langs[li] = []string{name}
		for ci, code := range codes {
			if code == messages.Success {
				continue
			}
			// The user text is the own text of the locale that served
			// it, m.Lang: it is the same for every language value that
			// this locale serves.
			m := b.LocalizeWith(code, name, c.params)
			if lj := bs.locale(m.Lang); lj >= 0 {
				bs.problems[lj*len(codes)+ci] = c.body(m)
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

// problem returns the precomputed problem of a known code whose user
// text the locale lang served, or nil.
func (bs *bodies) problem(code messages.Code, lang string) []byte {
	row := code.Index()
	if row < 0 {
		return nil
	}
	li := bs.locale(lang)
	if li < 0 {
		return nil
	}
	return bs.problems[li*bs.ncodes+row]
}

// WriteProblem writes an RFC 9457 problem for code, in the language of r
// (see [Language]), with the Localizer and options of the [Middleware]
// that r passed through, or huiyan.Default() and the default options
// without one. Its status is code.HTTPStatus(); its headers are
// Content-Type application/problem+json, Content-Language the locale
// that the Localizer matched (huiyan.Localizer.Match), Vary naming
// Accept-Language and the other headers read to choose the language,
// Cache-Control no-store and X-Content-Type-Options nosniff; its body is:
//
//	{"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose",
//	 "title":"Your face is too close. Please hold the phone a little farther away and try again.",
//	 "status":422,"code":655,"name":"FaceTooClose","category":"liveness","retryable":true}
//
// on one line: type (see [WithTypeBase]), title the end user's text for
// code in their language, status, and the members code, name, category
// and retryable. There is no detail member: the user text, which says
// what happened and what to do next, is the title.
//
// Operator texts never appear in the response, and nothing of the
// request does. They go to the log: each problem is logged (see
// [WithLogger]) with the code's operator texts in the operator's
// language, at level Warn for a 5xx status or a code of the general
// category (request, signature, token and quota errors, which the
// operator may have to fix), and Info for the rest, which are the end
// user's to redo.
//
// Code 0 is success: WriteProblem writes nothing and returns
// [ErrSuccess]. Otherwise it returns the error of writing the body, if
// any.
func WriteProblem(w http.ResponseWriter, r *http.Request, code messages.Code) error {
	if code == messages.Success {
		return ErrSuccess
	}
	var rq request
	if p, ok := requestContext(r); ok {
		rq = *p
	} else {
		rq.s = defaultState()
		rq.lang, rq.src = choose(r)
	}
	s := rq.s
	b := s.loc.Bundle() // one catalogue for the whole response
	bs := s.bodiesFor(b)
	lang := b.Match(rq.lang)
	var body []byte
	if code.Known() {
		body = bs.problem(code, b.Localize(code, rq.lang).Lang)
	}
	if body == nil {
		// A code not in the catalogue: its texts are rendered anyway.
		body = s.body(b.LocalizeWith(code, rq.lang, s.params))
	}

	h := w.Header()
	delete(h, "Content-Length")
	h["Content-Type"] = problemContentType
	if li := bs.locale(lang); li >= 0 {
		h["Content-Language"] = bs.langs[li]
	} else {
		h.Set("Content-Language", lang)
	}
	if v := h["Vary"]; v != nil {
		h["Vary"] = append(v[:len(v):len(v)], vary[rq.src]...)
	} else {
		h["Vary"] = vary[rq.src]
	}
	h["Cache-Control"] = noStore
	h["X-Content-Type-Options"] = nosniff
	status := code.HTTPStatus()
	w.WriteHeader(status)
	_, err := w.Write(body)

	s.log(ctxOf(r), b, code, status, lang)
	return err
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

// log reports a problem with the code's operator texts.
func (s *state) log(ctx context.Context, b *huiyan.Bundle, code messages.Code, status int, lang string) {
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
	l.LogAttrs(ctx, level, "huiyanhttp: problem",
		slog.Int("status", status),
		slog.String("user_lang", lang),
		slog.Any("huiyan", b.LocalizeWith(code, s.opLang, s.params)))
}
