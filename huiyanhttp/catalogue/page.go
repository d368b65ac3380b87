package catalogue

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// view is what a page shows. Each page builds one and renders it once per
// catalogue; what a view holds comes from the catalogue and the
// normalized query, never from the request as it was sent.
type view struct {
	Lang    string // the <html lang>: the locale of the page's words
	Root    string // the mount point, relative to the page
	L       *labels
	Title   string
	Heading string // the <h1> of a page other than the list, whose own is the brand
	Style   string
	Icon    string
	Home    string // the list, in the page's language
	Action  string // where the search form goes
	Query   string
	Hidden  []field // the search form's hidden inputs: the language kept
	Cats    []option
	Langs   []option
	Faults  []fault
	More    int // faults left out
	Cards   []card
	Side    bool // every locale side by side
	Compact bool // the list as a table, a row per code
	Views   []option
	One     bool // the page of one code
	Count   string
	Filter  bool // a search or a filter is active
	Notes   []string
	Status  int
	Error   string
	Uses    *usesView // the counts' controls; nil without counts

	query           query
	locales         []string // the bundle's
	contentLanguage string
}

// field is a hidden input of the search form.
type field struct {
	Name, Value string
}

// option is an entry of the language switch or the category filter.
type option struct {
	Value, Label, Href string
	Current            bool
}

// fault is a problem of the watched locale files, as the banner shows it.
type fault struct {
	Pos, Msg string
}

// card is one code.
type card struct {
	Code      int
	Name      string
	Known     bool
	Retryable bool
	Category  string // as locale files spell it
	CatLabel  string
	CatHref   string
	Href      string
	Anchor    string
	JSON      string
	Texts     []texts
	Rows      []row // side by side: each field in every locale
	HasUses   bool  // the card shows how often the code was answered
	Uses      int64
	UsesNum   string // Uses, grouped by thousands
	Share     string // of the total of the window
	UsesText  string // the count, the window and the share, in words
}

// row is one field of a code side by side, in every locale.
type row struct {
	Label string
	Class string
	Cells []cell
}

// cell is a field in one locale.
type cell struct {
	Locale string
	Lang   string // the locale that served the text
	Text   []segment
	From   string // says which locale served it, when not Locale
}

// cardView is a card and the page it is on, for the card template.
type cardView struct {
	V *view
	C card
}

func pair(v *view, c card) cardView { return cardView{v, c} }

// texts are a code's texts in one locale, split for highlighting.
type texts struct {
	Locale   string
	UserLang string // the locale that served User
	Fallback string // says so, when it is not Locale
	User     []segment
	Title    []segment
	Detail   []segment
	Remedy   []segment
}

// maxFaults bounds the faults the banner lists.
const maxFaults = 20

// key returns the key of the page of q: the list, or the page of code
// when one is set.
func (q query) key(code int, one bool) pageKey {
	k := pageKey{code: code, one: one, locale: q.locale, langGiven: q.langGiven, all: q.all, text: q.text, cat: -1, badCat: q.badCat, compact: q.compact}
	if q.hasCat {
		k.cat = int(q.cat)
	}
	return k
}

// index serves the list of every code.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	q := parseQuery(r, s)
	c := h.countsFor(r, q)
	h.serveCached(w, r, s, c.keyed(q.key(0, false), q), func() *view {
		v := h.listView(s, q)
		v.addCounts(c, q, true)
		return v
	})
}

// listView returns the list of the codes q asks for.
func (h *handler) listView(s *snapshot, q query) *view {
	v := newView(s, q, "/")
	v.Filter = q.text != "" || q.hasCat
	if q.badCat != "" {
		v.Notes = append(v.Notes, fmt.Sprintf(v.L.UnknownCategory, q.badCat))
	}
	codes := matching(s, q)
	if code, err := strconv.Atoi(strings.TrimPrefix(q.text, "#")); err == nil && !messages.Code(code).Known() {
		if c := messages.Code(code); !q.hasCat || c.Category() == q.cat {
			codes = append([]messages.Code{c}, codes...)
		}
	}
	hl := highlighter(q.text)
	for _, c := range codes {
		v.Cards = append(v.Cards, v.card(s, c, hl))
	}
	total := len(messages.All())
	v.Count = fmt.Sprintf(v.L.Count, total)
	if v.Filter {
		v.Count = fmt.Sprintf(v.L.Matches, len(v.Cards), total)
	}
	return v
}

// codePage serves the page of one code. A code spelt otherwise than
// huiyan lookup prints it (0655, +655) is redirected to its page.
func (h *handler) codePage(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	q := parseQuery(r, s)
	q.text, q.hasCat, q.badCat = "", false, "" // the search box starts empty here
	q.compact = false                          // one code has one view
	raw := r.PathValue("code")
	code, err := messages.ParseCode(raw)
	switch {
	case errors.Is(err, strconv.ErrRange):
		h.serveStatus(w, r, s, q, http.StatusBadRequest, func(l *labels) (string, string) { return l.OutOfRangeHeading, l.OutOfRange })
		return
	case err != nil:
		h.serveStatus(w, r, s, q, http.StatusBadRequest, func(l *labels) (string, string) { return l.NotCodeHeading, l.NotCode })
		return
	case raw != strconv.Itoa(int(code)):
		// Relative to /codes/0655: the segment replaces the last one.
		target := strconv.Itoa(int(code))
		if lq := q.langQuery(); lq != "" {
			target += "?" + lq
		}
		w.Header().Set("Location", target)
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	c := h.countsFor(r, q)
	h.serveCached(w, r, s, c.keyed(q.key(int(code), true), q), func() *view {
		v := h.codeView(s, q, code)
		v.addCounts(c, q, false)
		return v
	})
}

// codeView returns the page of one code.
func (h *handler) codeView(s *snapshot, q query, code messages.Code) *view {
	v := newView(s, q, "/codes/")
	v.One = true
	c := v.card(s, code, nil)
	if !c.Known {
		v.Notes = append(v.Notes, fmt.Sprintf(v.L.UnknownNote, int(code)))
	}
	v.Heading = strconv.Itoa(c.Code) + " " + c.Name
	v.Title = v.Heading + " · " + v.Title
	v.Cards = []card{c}
	return v
}

// newView returns the parts every page has, for a page at path, which
// sets how far up the mount point is.
func newView(s *snapshot, q query, path string) *view {
	v := &view{
		Lang:    q.locale,
		L:       labelsFor(q.locale),
		Query:   q.text,
		Side:    q.all,
		Compact: q.compact,
		query:   q,
		locales: s.locales,
	}
	v.setRoot(rootOf(path))
	v.Title = v.L.Heading + " · " + q.locale
	v.contentLanguage = q.locale
	if q.all {
		v.Title = v.L.Heading + " · " + v.L.SideBySide
		v.contentLanguage = strings.Join(s.locales, ", ")
	}
	switch {
	case q.all:
		v.Hidden = []field{{"lang", export.All}, {"ui", q.ui}}
	case q.langGiven:
		v.Hidden = []field{{"lang", q.locale}}
	}
	if q.compact {
		v.Hidden = append(v.Hidden, field{"view", "compact"})
	}
	v.Views = []option{
		{Value: "full", Label: v.L.Full, Href: v.viewHref(false), Current: !q.compact},
		{Value: "compact", Label: v.L.Compact, Href: v.viewHref(true), Current: q.compact},
	}
	v.Cats = append(v.Cats, option{Value: "", Label: v.L.AllCategories, Current: !q.hasCat})
	for _, c := range messages.Categories() {
		v.Cats = append(v.Cats, option{Value: c.String(), Label: v.L.categoryName(c), Current: q.hasCat && c == q.cat})
	}
	for _, l := range s.locales {
		v.Langs = append(v.Langs, option{Value: l, Label: l, Href: v.switchHref(l), Current: !q.all && l == q.locale})
	}
	v.Langs = append(v.Langs, option{Value: export.All, Label: v.L.SideBySide, Href: v.switchHref(export.All), Current: q.all})
	v.Faults, v.More = faults(s.fault)
	return v
}

// setRoot sets the way back to the mount point, and the links made of
// it.
func (v *view) setRoot(root string) {
	v.Root = root
	v.Style = root + "static/style.css?v=" + assets()["style.css"].version
	v.Icon = root + "static/icon.svg?v=" + assets()["icon.svg"].version
	v.Action = root
	v.Home = v.listHref("")
}

// rootOf returns the way from the page at the escaped path p back to the
// mount point, as a relative URL: "./" from /, "../" from /codes/655. It
// counts the directories a browser resolves links against: a segment
// with %2F is one segment, an empty one is one, and dot segments, also
// escaped, are resolved as RFC 3986 does.
func rootOf(p string) string {
	segs := strings.Split(p, "/")
	if len(segs) < 2 {
		return "./"
	}
	depth := 0
	for _, seg := range segs[1 : len(segs)-1] {
		switch strings.ToLower(seg) {
		case ".", "%2e":
		case "..", ".%2e", "%2e.", "%2e%2e":
			depth = max(depth-1, 0)
		default:
			depth++
		}
	}
	if depth == 0 {
		return "./"
	}
	return strings.Repeat("../", depth)
}

// langQuery returns the query that keeps the page's language in its
// links: the locale that serves, not the value asked for, so that a lang
// no locale serves is not repeated; for side by side, the language of
// the page's own words too. Empty when Accept-Language chose.
func (q query) langQuery() string {
	switch {
	case q.all:
		return "lang=all&ui=" + url.QueryEscape(q.ui)
	case q.langGiven:
		return "lang=" + url.QueryEscape(q.locale)
	}
	return ""
}

// switchHref returns the link to the same page in another language,
// keeping the search and the filter.
func (v *view) switchHref(lang string) string {
	keep := "lang=" + url.QueryEscape(lang)
	if lang == export.All {
		keep += "&ui=" + url.QueryEscape(v.query.locale)
	}
	if v.query.text != "" {
		keep += "&q=" + url.QueryEscape(v.query.text)
	}
	if v.query.hasCat {
		keep += "&cat=" + v.query.cat.String()
	}
	if v.query.compact {
		keep += "&view=compact"
	}
	return "?" + keep
}

// viewHref returns the link to the same list, full or compact, keeping
// the language, the search, the filter and the counts' window and order.
func (v *view) viewHref(compact bool) string {
	q := v.query
	q.compact = compact
	w := &view{query: q}
	return w.countsHref(q.window, q.byCount)
}

// listHref returns the link to the list, filtered by cat when not empty,
// in the language the page is in.
func (v *view) listHref(cat string) string {
	keep := v.query.langQuery()
	add := func(p string) {
		if keep != "" {
			keep += "&"
		}
		keep += p
	}
	if cat != "" {
		add("cat=" + url.QueryEscape(cat))
	}
	if v.query.compact {
		add("view=compact")
	}
	if keep == "" {
		return v.Root
	}
	return v.Root + "?" + keep
}

// card returns the card of code c in the page's language, or in every
// locale side by side.
func (v *view) card(s *snapshot, c messages.Code, hl *regexp.Regexp) card {
	langQuery := v.query.langQuery()
	if langQuery != "" {
		langQuery = "?" + langQuery
	}
	code := strconv.Itoa(int(c))
	cd := card{
		Code:      int(c),
		Name:      c.String(),
		Known:     c.Known(),
		Retryable: c.Retryable(),
		Category:  c.Category().String(),
		CatLabel:  v.L.categoryName(c.Category()),
		CatHref:   v.listHref(c.Category().String()),
		Href:      v.Root + "codes/" + code + langQuery,
		Anchor:    v.Home + "#" + code,
		JSON:      v.Root + "api/codes/" + code + langQuery,
	}
	if !cd.Known {
		cd.Name = v.L.Unknown
	}
	locales := []string{v.query.locale}
	if v.query.all {
		locales = s.locales
	}
	for _, l := range locales {
		m := s.bundle.Localize(c, l)
		t := texts{
			Locale:   l,
			UserLang: m.Lang,
			User:     split(m.User, hl),
			Title:    split(m.Title, hl),
			Detail:   split(m.Detail, hl),
			Remedy:   split(m.Remedy, hl),
		}
		if m.Lang != l {
			t.Fallback = fmt.Sprintf(v.L.FallbackFrom, m.Lang)
		}
		cd.Texts = append(cd.Texts, t)
	}
	if v.query.all {
		cd.Rows = v.rows(cd.Texts)
	}
	return cd
}

// rows returns a code's texts side by side: a row per field, the title
// first, with a cell per locale, so that the same field of each locale
// is read across. A field no locale has is left out.
func (v *view) rows(ts []texts) []row {
	fields := []struct {
		label, class string
		text         func(texts) []segment
	}{
		{v.L.Title, "title", func(t texts) []segment { return t.Title }},
		{v.L.User, "user", func(t texts) []segment { return t.User }},
		{v.L.Detail, "detail", func(t texts) []segment { return t.Detail }},
		{v.L.Remedy, "remedy", func(t texts) []segment { return t.Remedy }},
	}
	var out []row
	for _, f := range fields {
		r := row{Label: f.label, Class: f.class}
		some := false
		for _, t := range ts {
			c := cell{Locale: t.Locale, Lang: t.Locale, Text: f.text(t)}
			if f.class == "user" {
				c.Lang, c.From = t.UserLang, t.Fallback
			}
			some = some || len(c.Text) > 0
			r.Cells = append(r.Cells, c)
		}
		if some {
			out = append(out, r)
		}
	}
	return out
}

// matching returns the codes whose texts, in any locale, hold every word
// of the search, in the category filtered.
func matching(s *snapshot, q query) []messages.Code {
	words := strings.Fields(strings.ToLower(q.text))
	var texts []string
	if len(words) > 0 {
		texts = s.search()
	}
	var out []messages.Code
codes:
	for i, c := range messages.All() {
		if q.hasCat && c.Category() != q.cat {
			continue
		}
		for _, w := range words {
			if !strings.Contains(texts[i], strings.TrimPrefix(w, "#")) {
				continue codes
			}
		}
		out = append(out, c)
	}
	return out
}

// faults returns the problems err holds, as the banner lists them, and
// how many were left out. An error that holds no [*huiyan.FileError] is
// listed by its text.
func faults(err error) ([]fault, int) {
	if err == nil {
		return nil, 0
	}
	var fes []*huiyan.FileError
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var fe *huiyan.FileError
		if errors.As(e, &fe) {
			fes = append(fes, fe)
		}
	}
	if len(fes) == 0 {
		return []fault{{Msg: strings.TrimPrefix(err.Error(), "huiyan: ")}}, 0
	}
	var out []fault
	for _, fe := range fes[:min(len(fes), maxFaults)] {
		pos := fe.File
		if fe.Line > 0 {
			pos += ":" + strconv.Itoa(fe.Line)
		}
		out = append(out, fault{Pos: pos, Msg: fe.Msg})
	}
	return out, len(fes) - len(out)
}
