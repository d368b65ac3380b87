package catalogue

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Bounds of what a page reads of a request. Beyond them the rest is not
// read, so that no request makes a page, or the work to build it, larger
// than an ordinary one.
const (
	maxQuery  = 256  // the search text, in bytes: the input's maxlength
	maxLang   = 256  // the lang and ui parameters
	maxAccept = 1024 // the Accept-Language header
	maxBadCat = 32   // an unknown category, as the page names it
)

// query is what a page request asks for, normalized: every field is
// bounded, and those that reach a link are values the page chose.
type query struct {
	locale    string // the locale that serves the texts: a tag of the bundle
	langGiven bool   // the lang parameter chose it, and links keep it
	all       bool   // lang=all: every locale side by side
	ui        string // side by side, the locale of the page's own words
	text      string // the search, at most maxQuery bytes of valid UTF-8
	cat       messages.Category
	hasCat    bool
	badCat    string // a cat parameter that is no category, cut
	window    window // the window of the counts
	byCount   bool   // the list sorted by count
	compact   bool   // the list as a table, a row per code
}

// parseQuery reads a page request's parameters, each only up to its
// bound, and resolves the language to one of the bundle's locales.
func parseQuery(r *http.Request, s *snapshot) query {
	raw := r.URL.RawQuery
	var q query
	lang, given := param(raw, "lang", maxLang)
	q.all = lang == export.All
	switch {
	case q.all:
		ui, _ := param(raw, "ui", maxLang)
		if ui == "" {
			ui = acceptLanguage(r)
		}
		q.ui = s.bundle.Match(ui)
		q.locale = q.ui
	case given && lang != "":
		q.locale, q.langGiven = s.bundle.Match(lang), true
	default:
		q.locale = s.bundle.Match(acceptLanguage(r))
	}
	win, _ := param(raw, "window", 4)
	q.window = parseWindow(win)
	sort, _ := param(raw, "sort", 8)
	q.byCount = sort == "count"
	view, _ := param(raw, "view", 8)
	q.compact = view == "compact"
	q.text, _ = param(raw, "q", maxQuery)
	q.text = strings.Join(strings.Fields(q.text), " ")
	if cat, ok := param(raw, "cat", maxBadCat); cat != "" {
		q.cat, q.hasCat = messages.ParseCategory(cat)
		if !q.hasCat {
			q.badCat = cat
			if !ok {
				q.badCat += "…"
			}
		}
	}
	return q
}

// param returns the first value of key in a raw query string, unescaped
// and cut to max bytes of valid UTF-8, and whether it was whole. Only so
// much of the value is unescaped: a parameter of a megabyte costs what
// one of max bytes does. A value that does not unescape is absent.
func param(raw, key string, max int) (string, bool) {
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		k, v, _ := strings.Cut(part, "=")
		if k != key {
			continue
		}
		whole := true
		// An escaped byte takes three: 3*max escaped bytes hold max.
		if len(v) > 3*max {
			v, whole = v[:3*max], false
			if i := strings.LastIndexByte(v[len(v)-2:], '%'); i >= 0 {
				v = v[:len(v)-2+i] // an escape cut in two
			}
		}
		s, err := url.QueryUnescape(v)
		if err != nil {
			return "", false
		}
		if len(s) > max {
			s, whole = s[:max], false
		}
		// And a rune cut in two, or bytes that are no UTF-8.
		return strings.ToValidUTF8(s, ""), whole
	}
	return "", true
}

// acceptLanguage returns the request's Accept-Language, its fields joined
// when it has several, up to maxAccept bytes: a language list longer than
// that names no more locales than a bundle has.
func acceptLanguage(r *http.Request) string {
	var s string
	for i, f := range r.Header.Values("Accept-Language") {
		if i > 0 {
			s += ","
		}
		s += f[:min(len(f), max(0, maxAccept+1-len(s)))]
		if len(s) > maxAccept {
			// Whatever entry the cut ends in is not read.
			if i := strings.LastIndexByte(s, ','); i >= 0 {
				return s[:i]
			}
			return ""
		}
	}
	return s
}

// langValue returns the language value of an API request: the lang
// parameter, else its Accept-Language header.
func langValue(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l != "" {
		return l
	}
	return acceptLanguage(r)
}
