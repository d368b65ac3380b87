package huiyanhttp

import (
	"context"
	"log/slog"
	"maps"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Option configures [Middleware].
type Option func(*config)

// operatorLang is the language of the operator texts in logs unless
// [WithOperatorLanguage] says otherwise.
const operatorLang = "en-US"

type config struct {
	typeBase string         // "" for the anchors of the documentation of the codes' packages
	logger   *slog.Logger   // nil for slog.Default() at the time of logging
	opLang   string         // the operator's language
	params   map[string]int // the deployment's parameters; nil for the defaults

	// uniform are the user texts of the identity group by locale, with
	// WithUniformIdentity; nil without.
	uniform map[string]string

	observers []Observer // told of each answer
}

// WithTypeBase makes a problem's type the URI base followed by the
// decimal code, such as https://ops.example.com/huiyan/codes/655 for base
// "https://ops.example.com/huiyan/codes/": a page of the operators' own,
// such as package catalogue serves. A code of a table other than the
// Huiyan table has the table's name in the query parameter table, as the
// catalogue's pages take it, so that the two tables' 302 have two types:
// https://ops.example.com/huiyan/codes/302?table=faceid (&table=faceid
// after a base that has a query already). The base is used as given; an
// empty one keeps the default, a link to the code's constant in the
// documentation of its package (messages or faceid).
func WithTypeBase(base string) Option {
	return func(c *config) { c.typeBase = base }
}

// WithLogger sets the logger that [WriteResult] reports each problem to,
// with the operator's texts; the default is [slog.Default]. A logger whose
// handler discards, slog.New(slog.DiscardHandler), turns the reports off.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}

// WithOperatorLanguage sets the language of the operator texts in the log,
// whatever the end user's language; the default is en-US. It is resolved
// by the Source's fallback rules, as any language value is.
func WithOperatorLanguage(lang string) Option {
	return func(c *config) {
		if lang != "" {
			c.opLang = lang
		}
	}
}

// WithParams sets the deployment's values of the count parameters that
// some texts state (see [messages.Code.Param]), such as {"Minutes": 5}
// for SMS codes valid for 5 minutes, for problems, logs and [Localize],
// of either table.
func WithParams(params map[string]int) Option {
	return func(c *config) { c.params = maps.Clone(params) }
}

// state is what one Middleware serves with.
type state struct {
	loc huiyan.Source
	config

	bodies atomic.Pointer[bodies] // for the Source's current bundle
	mu     sync.Mutex             // serializes rebuilding bodies
}

func newState(loc huiyan.Source, opts []Option) *state {
	if loc == nil {
		loc = huiyan.Default()
	}
	s := &state{loc: loc, config: config{opLang: operatorLang}}
	for _, o := range opts {
		o(&s.config)
	}
	s.bodiesFor(loc.Bundle())
	return s
}

// bodiesFor returns the problem bodies of b, built once per bundle: a
// Watcher's bundle changes when it reloads.
func (s *state) bodiesFor(b *huiyan.Bundle) *bodies {
	if bs := s.bodies.Load(); bs != nil && bs.b == b {
		return bs
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if bs := s.bodies.Load(); bs != nil && bs.b == b {
		return bs
	}
	bs := newBodies(b, &s.config)
	s.bodies.Store(bs)
	return bs
}

// defaultState serves requests that did not pass through a Middleware.
var defaultState = sync.OnceValue(func() *state { return newState(nil, nil) })

// request is what the Middleware keeps in a request's context.
type request struct {
	s    *state
	lang string
	src  source
}

type contextKey struct{}

// carrier is a request's context with what the Middleware keeps:
// one allocation where context.WithValue and the request would be two.
type carrier struct {
	context.Context
	rq request
}

// Value returns the request for contextKey, and what the parent context
// holds for any other key.
func (c *carrier) Value(key any) any {
	if _, ok := key.(contextKey); ok {
		return &c.rq
	}
	return c.Context.Value(key)
}

// Middleware returns a middleware that resolves the language of each
// request once (see [Language]) and keeps it, with loc and the options, in
// the request's context, for [WriteResult], [WriteProblem] and [Localize]:
//
//	mux := http.NewServeMux()
//	mux.HandleFunc("GET /api/verify/result", result)
//	http.ListenAndServe(addr, huiyanhttp.Middleware(w)(mux))
//
// loc is a [*huiyan.Bundle] or a [*huiyan.Watcher]; nil means
// [huiyan.Default].
func Middleware(loc huiyan.Source, opts ...Option) func(http.Handler) http.Handler {
	s := newState(loc, opts)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := &carrier{Context: r.Context(), rq: request{s: s}}
			ctx.rq.lang, ctx.rq.src = choose(r)
			// r.WithContext copies the request, as it must: the
			// handler may keep r, and so the copy, past its return.
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// fromContext returns what the Middleware kept in ctx, and false when it
// kept nothing.
func fromContext(ctx context.Context) (*request, bool) {
	if ctx == nil {
		return nil, false
	}
	if c, ok := ctx.(*carrier); ok {
		return &c.rq, true // the Middleware's own context, as handlers pass it on
	}
	rq, ok := ctx.Value(contextKey{}).(*request)
	return rq, ok
}

// Localize returns the message for code, of either table, in the
// language of the request whose context ctx is, from the Source of the
// [Middleware] that served it, with its parameters. Without a Middleware
// it returns huiyan.Default()'s message in the default language.
//
//	m := huiyanhttp.Localize(r.Context(), faceid.LightTooDim)
//
// The message holds the operator texts too: give the end user User only.
// With [WithUniformIdentity], User and Lang of a member of the identity
// group are those of the group's answer, and the rest is the member's own.
func Localize[C messages.TableCode](ctx context.Context, code C) huiyan.MessageOf[C] {
	rq, ok := fromContext(ctx)
	if !ok {
		return huiyan.LocalizeWith(nil, code, "", nil)
	}
	c := &rq.s.config
	b := rq.s.loc.Bundle()
	m := huiyan.LocalizeWith(b, code, rq.lang, c.params)
	if c.uniform != nil && member(code.Table(), int(code)) {
		g := localize(c, identityType, b, identityTable, identityCode, rq.lang)
		m.User, m.Lang = g.User, g.Lang
	}
	return m
}
