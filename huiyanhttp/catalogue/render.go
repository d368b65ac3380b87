package catalogue

import (
	"bytes"
	"net/http"
	"strings"
)

// htmlType is the media type of the pages.
const htmlType = "text/html; charset=utf-8"

// serveCached answers with the page of k, rendering it with build when
// it is not kept yet. A page is rendered and compressed once per
// catalogue, language and query, and served from memory after that, with
// its ETag.
func (h *handler) serveCached(w http.ResponseWriter, r *http.Request, s *snapshot, k pageKey, build func() *view) {
	p, ok := s.pages.get(k)
	if !ok {
		v := build()
		body, err := execute(v)
		if err != nil {
			h.log.Error("huiyan: catalogue: cannot render the page", "path", r.URL.Path, "err", err)
			h.serveStatus(w, r, s, v.query, http.StatusInternalServerError, func(l *labels) (string, string) { return l.FailedHeading, l.Failed })
			return
		}
		p = page{entity: newEntity(body), contentLanguage: v.contentLanguage}
		if p.size(k) <= maxPageBytes/4 {
			// Compressed once, when kept, and served so after.
			p.entity = p.entity.compressed()
			s.pages.put(k, p)
		}
	}
	serveEntity(w, r, p.entity, htmlType, p.contentLanguage)
}

// serveStatus answers with a page in the page's own layout and language
// that says what went wrong, with a way back to the list. Such pages are
// not kept: each is small.
func (h *handler) serveStatus(w http.ResponseWriter, r *http.Request, s *snapshot, q query, status int, say func(*labels) (heading, text string)) {
	v := newView(s, q, "")
	v.setRoot(rootFor(r))
	v.Status = status
	v.Heading, v.Error = say(v.L)
	v.Title = v.Heading + " · " + v.Brand
	body, err := execute(v)
	hd := w.Header()
	if err != nil {
		h.log.Error("huiyan: catalogue: cannot render the page", "path", r.URL.Path, "err", err)
		hd.Set("Content-Type", "text/plain; charset=utf-8")
		body, status = []byte(v.L.Failed+"\n"), http.StatusInternalServerError
	} else {
		hd.Set("Content-Type", htmlType)
	}
	hd.Set("Content-Language", v.Lang)
	hd.Set("Cache-Control", "no-store")
	hd.Add("Vary", "Accept-Language")
	w.WriteHeader(status)
	w.Write(body)
}

// execute renders v, in a slice that holds no more than its length:
// the page cache counts what it holds.
func execute(v *view) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := pages().ExecuteTemplate(&buf, "page", v); err != nil {
		return nil, err
	}
	return exact(buf.Bytes()), nil
}

// notFound answers 404 for a path the catalogue has no page for: under
// /api/, as a problem; elsewhere, as a page.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeProblem(w, http.StatusNotFound, "There is no such resource: the API has /api/codes and /api/codes/{code}.")
		return
	}
	s := h.snapshot()
	h.serveStatus(w, r, s, h.pageQuery(r, s), http.StatusNotFound, func(l *labels) (string, string) { return l.NotFoundHeading, l.NotFound })
}

// methodNotAllowed answers 405 for a request that is not GET or HEAD, and
// says which methods are.
func (h *handler) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeProblem(w, http.StatusMethodNotAllowed, "The API is read-only: GET or HEAD.")
		return
	}
	s := h.snapshot()
	h.serveStatus(w, r, s, h.pageQuery(r, s), http.StatusMethodNotAllowed, func(l *labels) (string, string) { return l.MethodHeading, l.Method })
}

// maxDepth bounds how many "../" the links of a page repeat: no page of
// the catalogue is deeper, and a path of thousands of segments must not
// make a page of megabytes.
const maxDepth = 8

// rootFor returns the way from the request's page back to the mount
// point: relative, as for every page, unless the path is deeper than
// maxDepth; then the mount point's absolute path, as the client sent it,
// or "./" when that cannot be told.
func rootFor(r *http.Request) string {
	p := r.URL.EscapedPath()
	if root := rootOf(p); len(root) <= len("../")*maxDepth {
		return root
	}
	prefix, ok := strings.CutSuffix(requestPath(r), strings.TrimPrefix(p, "/"))
	if !ok || !strings.HasPrefix(prefix, "/") || strings.HasPrefix(prefix, "//") || !strings.HasSuffix(prefix, "/") {
		return "./"
	}
	return prefix
}
