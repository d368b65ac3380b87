package catalogue

import (
	"log/slog"
	"net/http"
	"path"
	"strings"
	"sync/atomic"

	"github.com/huiyan-i18n/huiyan"
)

// Option configures [New].
type Option func(*handler)

// WithLogger sets the logger for what goes wrong while serving, such as a
// page that fails to render; the default is [slog.Default]. The response
// says only that something went wrong.
func WithLogger(l *slog.Logger) Option {
	return func(h *handler) {
		if l != nil {
			h.log = l
		}
	}
}

// New returns a handler that serves the catalogue of l: the operator page
// at /, a page per code at /codes/{code}, and the JSON API at /api/codes
// and /api/codes/{code}. Mount it under any prefix with [http.StripPrefix];
// its links are relative, so they work wherever it is mounted:
//
//	mux.Handle("/huiyan/", http.StripPrefix("/huiyan", catalogue.New(w)))
//
// When l.Err() returns a fault, as a [*huiyan.Watcher]'s does while a bad
// edit stands, the page shows it, naming the file and the line. A nil l serves
// the embedded catalogue, [huiyan.Default].
func New(l huiyan.Localizer, opts ...Option) http.Handler {
	if l == nil {
		l = huiyan.Default()
	}
	h := &handler{l: l, log: slog.Default()}
	for _, o := range opts {
		o(h)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.index)
	mux.HandleFunc("GET /codes/{code}", h.codePage)
	mux.HandleFunc("GET /api/codes", h.apiList)
	mux.HandleFunc("GET /api/codes/{code}", h.apiCode)
	mux.HandleFunc("GET /static/{file}", serveAsset)
	h.mux = mux
	return h
}

// handler serves one Localizer.
type handler struct {
	l   huiyan.Localizer
	log *slog.Logger
	mux *http.ServeMux

	current atomic.Pointer[snapshot]
}

// ServeHTTP sets the headers every response carries and routes the
// request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", contentSecurityPolicy)
	hd.Set("Referrer-Policy", "no-referrer")
	if !strings.HasPrefix(r.URL.Path, "/") {
		if r.URL.Path == "" && !strings.HasSuffix(requestPath(r), "/") {
			// Mounted with http.StripPrefix("/huiyan", h) and asked
			// for /huiyan: the page's relative links need the slash.
			redirectToDir(w, r)
			return
		}
		// Mounted with http.StripPrefix("/huiyan/", h): the mux
		// would redirect to the path without the prefix.
		r2 := new(http.Request)
		*r2 = *r
		u := *r.URL
		u.Path = "/" + u.Path
		u.RawPath = ""
		r2.URL = &u
		r = r2
	}
	if unclean(r.URL.Path) {
		// No link of the page has such a path; net/http's mux would
		// redirect it, echoing the request in an HTML body.
		http.NotFound(w, r)
		return
	}
	h.mux.ServeHTTP(w, r)
}

// unclean reports whether a path has an empty, "." or ".." segment.
func unclean(p string) bool {
	if p == "/" {
		return false
	}
	c := path.Clean(p)
	if c != "/" && strings.HasSuffix(p, "/") {
		c += "/"
	}
	return c != p
}

// requestPath returns the path of the request as the client sent it,
// before any prefix was stripped.
func requestPath(r *http.Request) string {
	p := r.RequestURI
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	return p
}

// contentSecurityPolicy allows the page its own style sheet and icon and
// nothing else: no script, no frame, no form posted elsewhere.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// redirectToDir redirects a request for the mount point itself to the
// same path with a slash, relative to the request's own URL, since the
// prefix the handler is mounted under is not known.
func redirectToDir(w http.ResponseWriter, r *http.Request) {
	base := requestPath(r)
	if i := strings.LastIndex(base, "/"); i >= 0 {
		base = base[i+1:]
	}
	// "./" keeps a segment with a colon from reading as a scheme.
	target := "./"
	if base != "" {
		target += base + "/"
	}
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// snapshot returns what is computed once per catalogue for the catalogue
// being served.
func (h *handler) snapshot() *snapshot {
	b := h.l.Bundle()
	if s := h.current.Load(); s != nil && s.bundle == b {
		return s
	}
	s := newSnapshot(b)
	h.current.Store(s)
	return s
}

// fault returns the fault that stands in the locale files the Localizer
// watches, or nil.
func (h *handler) fault() error {
	return h.l.Err()
}

// langValue returns the language value of a request: the lang parameter,
// else its Accept-Language header.
func langValue(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l != "" {
		return l
	}
	return acceptLanguage(r)
}

// acceptLanguage returns the request's Accept-Language, its fields joined
// when it has several.
func acceptLanguage(r *http.Request) string {
	return strings.Join(r.Header.Values("Accept-Language"), ",")
}
