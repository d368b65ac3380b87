package catalogue

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/export"
)

// snapshot is what is computed once per catalogue: a Watcher's reload
// brings a new Bundle, and with it a new snapshot.
type snapshot struct {
	bundle  *huiyan.Bundle
	locales []string

	// fault is what the Source's Err returned when the snapshot was
	// taken, and faultText its text: a new fault makes a new snapshot,
	// since the pages show it.
	fault     error
	faultText string

	// pages are the rendered pages.
	pages *pageCache

	// searches are, for each table of tables, every code's texts in
	// every locale, lowercased, for the page's search box; built on the
	// first search.
	searches []func() []string

	// bodies holds the API's catalogues by table and language value.
	// Language values are whatever clients send, so it holds a bounded
	// number.
	mu     sync.Mutex
	bodies map[string]entity
}

// Bounds of the cache of catalogues: language values longer than
// maxCachedLang, or beyond maxCached of them, are served uncached.
const (
	maxCached     = 64
	maxCachedLang = 128
)

func newSnapshot(b *huiyan.Bundle, fault error) *snapshot {
	s := &snapshot{bundle: b, locales: b.Locales(), bodies: make(map[string]entity), pages: newPageCache()}
	if fault != nil {
		s.fault, s.faultText = fault, fault.Error()
	}
	for _, t := range tables {
		s.searches = append(s.searches, sync.OnceValue(func() []string { return s.searchTexts(t) }))
	}
	return s
}

// search returns what a search matches of each code of t, in the order
// of its entries.
func (s *snapshot) search(t *table) []string {
	return s.searches[slices.Index(tables, t)]()
}

// entity is a response body and its ETag; a page's also in gzip, with
// an ETag of its own.
type entity struct {
	body   []byte
	etag   string
	gz     []byte // nil when not compressed
	gzEtag string
}

// compressed returns e with its body compressed too, when that makes it
// smaller.
func (e entity) compressed() entity {
	if e.gz = gzipped(e.body); e.gz != nil {
		e.gzEtag = gzipTag(e.etag)
	}
	return e
}

// held returns the bytes e holds.
func (e entity) held() int { return cap(e.body) + cap(e.gz) }

func newEntity(body []byte) entity {
	sum := sha256.Sum256(body)
	return entity{body: body, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`}
}

// catalogue returns the JSON of huiyan export -table t -lang lang.
func (s *snapshot) catalogue(t *table, lang string) entity {
	return s.cached(t.Name()+" lang "+lang, len(lang), func() any { return t.catalogue(s.bundle, lang) })
}

// sideBySide returns the JSON of huiyan export -table t -lang all.
func (s *snapshot) sideBySide(t *table) entity {
	return s.cached(t.Name()+" "+export.All, 0, func() any { return t.sideBySide(s.bundle) })
}

// cached returns the JSON of v, kept under key when the language value
// in it, of langLen bytes, is short enough.
func (s *snapshot) cached(key string, langLen int, v func() any) entity {
	s.mu.Lock()
	e, ok := s.bodies[key]
	s.mu.Unlock()
	if ok {
		return e
	}
	var buf bytes.Buffer
	// The values are strings and ints; encoding them cannot fail.
	_ = export.JSON(&buf, v())
	e = newEntity(buf.Bytes())
	if langLen <= maxCachedLang {
		s.mu.Lock()
		if len(s.bodies) < maxCached {
			s.bodies[key] = e
		}
		s.mu.Unlock()
	}
	return e
}

// searchTexts returns, for each code of t, what a search matches: the
// code, its name and category, and its texts in every locale,
// lowercased.
func (s *snapshot) searchTexts(t *table) []string {
	out := make([]string, len(t.Entries()))
	for i, e := range t.Entries() {
		var sb strings.Builder
		sb.WriteString(strconv.Itoa(e.Code) + "\n" + e.Name + "\n" + t.Categories()[e.Category].Key + "\n")
		for _, l := range labelSets {
			sb.WriteString(l.categoryName(t, e.Category) + "\n")
		}
		for _, l := range s.locales {
			m := t.localize(s.bundle, e.Code, l)
			sb.WriteString(m.User + "\n" + m.Title + "\n" + m.Detail + "\n" + m.Remedy + "\n")
		}
		out[i] = strings.ToLower(sb.String())
	}
	return out
}

// serveEntity answers with e, or with 304 Not Modified when the request's
// If-None-Match names e's ETag. A client polls at the cost of a header.
// An entity that has a gzip coding is sent in it to a client that takes
// it, with that coding's ETag. A Range is not honoured: the answer is the
// whole body, which RFC 9110 allows, and says so by sending no
// Accept-Ranges.
func serveEntity(w http.ResponseWriter, r *http.Request, e entity, contentType, contentLanguage string) {
	hd := w.Header()
	body, etag, coding := e.body, e.etag, ""
	if e.gz != nil {
		hd.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			body, etag, coding = e.gz, e.gzEtag, "gzip"
		}
	}
	hd.Set("ETag", etag)
	hd.Set("Cache-Control", "no-cache")
	hd.Add("Vary", "Accept-Language")
	if contentLanguage != "" {
		hd.Set("Content-Language", contentLanguage)
	}
	if noneMatch(r, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if coding != "" {
		hd.Set("Content-Encoding", coding)
	}
	hd.Set("Content-Type", contentType)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// noneMatch reports whether the request's If-None-Match names etag, by
// the weak comparison RFC 9110 prescribes for it, or is "*".
func noneMatch(r *http.Request, etag string) bool {
	for _, field := range r.Header.Values("If-None-Match") {
		for t := range strings.SplitSeq(field, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == etag {
				return true
			}
		}
	}
	return false
}
