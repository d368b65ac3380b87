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
// When l has an Err method that returns a fault, as a [*huiyan.Watcher] does while a bad
// edit stands, the page shows it, naming the file and the line. A nil l serves
// the embedded catalogue, [huiyan.Default].
//
// The handler has no authentication; on a loopback server, wrap it in
// [AllowHosts] (see the package's Security section).
func New(l huiyan.Source, opts ...Option) http.Handler {
	if l == nil {
		l = huiyan.Default()
	}
	h := &handler{l: l, log: slog.Default()}
	for _, o := range opts {
		o(h)
	}
	if h.counts != nil {
		h.counts.log = h.log
		if h.counts.err != nil {
			h.log.Error("huiyan: catalogue: no counts", "err", h.counts.err)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", h.get(h.index))
	mux.HandleFunc("/codes/{code}", h.get(h.codePage))
	mux.HandleFunc("/api/codes", h.get(h.apiList))
	mux.HandleFunc("/api/codes/{code}", h.get(h.apiCode))
	mux.HandleFunc("/static/{file}", h.get(h.serveAsset))
	mux.HandleFunc("/", h.notFound)
	h.mux = mux
	return h
}

// get answers requests other than GET and HEAD with 405 Method Not
// Allowed, in the page's layout, and passes the others to f.
func (h *handler) get(f http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.methodNotAllowed(w, r)
			return
		}
		f(w, r)
	}
}

// handler serves one Source.
type handler struct {
	l      huiyan.Source
	log    *slog.Logger
	mux    *http.ServeMux
	counts *counter // nil without WithPrometheus

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
		if u.RawPath != "" {
			u.RawPath = "/" + u.RawPath
		}
		r2.URL = &u
		r = r2
	}
	if unclean(r.URL.Path) {
		// No link of the page has such a path; net/http's mux would
		// redirect it, echoing the request in an HTML body.
		h.notFound(w, r)
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
// being served, and the fault that stands.
func (h *handler) snapshot() *snapshot {
	b, fault := h.l.Bundle(), faultOf(h.l)
	if s := h.current.Load(); s != nil && s.bundle == b && sameFault(s, fault) {
		return s
	}
	s := newSnapshot(b, fault)
	h.current.Store(s)
	return s
}

// sameFault reports whether fault is the one s was taken with. Errors
// are compared by their text, since an error value need not be
// comparable; a fault is rare and short-lived.
func sameFault(s *snapshot, fault error) bool {
	if fault == nil || s.fault == nil {
		return fault == s.fault
	}
	return fault.Error() == s.faultText
}

// faultOf returns the fault that keeps a Source's files from serving: a
// Watcher's, nil for a Bundle.
func faultOf(src huiyan.Source) error {
	if w, ok := src.(interface{ Err() error }); ok {
		return w.Err()
	}
	return nil
}
