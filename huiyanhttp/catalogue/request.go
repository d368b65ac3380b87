package catalogue

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/huiyan-i18n/huiyan/internal/export"
)

// Bounds of what a page reads of a request. Beyond them the rest is not
// read, so that no request makes a page, or the work to build it, larger
// than an ordinary one.
const (
	maxQuery  = 256  // the search text, in bytes: the input's maxlength
	maxLang   = 256  // the lang and ui parameters
	maxAccept = 1024 // the Accept-Language header
	maxBadCat = 32   // an unknown category, as the page names it
	maxTable  = 16   // the table parameter: longer names no table
)

// query is what a page request asks for, normalized: every field is
// bounded, and those that reach a link are values the page chose.
type query struct {
	table     *table // the table shown: tables[0] unless the table parameter names another
	badTable  bool   // the table parameter names no table
	locale    string // the locale that serves the texts: a tag of the bundle
	langGiven bool   // the lang parameter chose it, and links keep it
	all       bool   // lang=all: every locale side by side
	ui        string // side by side, the locale of the page's own words
	text      string // the search, at most maxQuery bytes of valid UTF-8
	cat       int    // the category, in table's Categories
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
	q := query{table: tables[0]}
	q.table, q.badTable = tableParam(raw)
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
		q.cat, q.hasCat = q.table.ParseCategory(cat)
		if !q.hasCat {
			q.badCat = cat
			if !ok {
				q.badCat += "…"
			}
		}
	}
	return q
}

// tableParam returns the table that a raw query names, and whether it
// names none: the default table when it has no table parameter, or an
// empty one. A value is a table's name exactly, or names none: one
// longer than maxTable is not unescaped, and it is never repeated (links
// name the table the page chose).
func tableParam(raw string) (*table, bool) {
	v, _ := rawParam(raw, "table")
	if len(v) > 3*maxTable {
		return tables[0], true
	}
	name, err := url.QueryUnescape(v)
	if err == nil && name == "" {
		return tables[0], false
	}
	if t := tableNamed(name); t != nil && err == nil {
		return t, false
	}
	return tables[0], true
}

// rawParam returns the first value of key in a raw query string, as it
// is escaped there, and whether the key is there.
func rawParam(raw, key string) (string, bool) {
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		if k, v, _ := strings.Cut(part, "="); k == key {
			return v, true
		}
	}
	return "", false
}

// param returns the first value of key in a raw query string, unescaped
// and cut to max bytes of valid UTF-8, and whether it was whole. Only so
// much of the value is unescaped: a parameter of a megabyte costs what
// one of max bytes does. A value that does not unescape is absent.
func param(raw, key string, max int) (string, bool) {
	v, ok := rawParam(raw, key)
	if !ok {
		return "", true
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
