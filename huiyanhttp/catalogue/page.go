package catalogue

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/export"
)

// view is what a page shows. Each page builds one and renders it once per
// catalogue; what a view holds comes from the catalogue and the
// normalized query, never from the request as it was sent.
type view struct {
	Lang    string // the <html lang>: the locale of the page's words
	Root    string // the mount point, relative to the page
	L       *labels
	Title   string
	Brand   string // the name of the table shown: the list's <h1>
	Heading string // the <h1> of a page other than the list, whose own is the brand
	Style   string
	Icon    string
	Home    string // the list, in the page's language
	Action  string // where the search form goes
	Query   string
	Hidden  []field // the search form's hidden inputs: the language kept
	Cats    []option
	Langs   []option
	Tables  []tableOption // the table switch
	Faults  []fault
	More    int // faults left out
	Cards   []card
	Mixed   bool // a search: the cards are of every table, each marked with its own
	Billing bool // the compact list has the column of whether a result is billed
	Side    bool // every locale side by side
	Compact bool // the list as a table, a row per code
	Views   []option
	One     bool // the page of one code
	Count   string
	Filter  bool // a search or a filter is active
	Notes   []string
	Also    []also // on a code's page: the same code in the other tables
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

// tableOption is an entry of the table switch.
type tableOption struct {
	Name, Label, About, Href string
	Current                  bool
}

// also is the same code in another table, which a code's page names:
// FaceID's 302 is an ID card that has expired, Huiyan's an SMS sent too
// often.
type also struct {
	Lead, Title, Lang, Href string
}

// fault is a problem of the watched locale files, as the banner shows it.
type fault struct {
	Pos, Msg string
}

// card is one code.
type card struct {
	Code       int
	Name       string
	Known      bool
	Retryable  bool
	Table      string // the table's name
	TableLabel string // in the page's words
	ShowTable  bool   // the card is on a search's list, of every table: it names its table
	ID         string // the id of its card on a list
	Billing    bool   // the table says whether the result is billed
	Billed     bool
	BilledTag  string // on the card, in words: billed or not
	BilledCell string // in the compact list: yes or no
	Category   string // as locale files spell it
	CatLabel   string
	CatHref    string
	Href       string
	Anchor     string
	JSON       string
	Texts      []texts
	Rows       []row // side by side: each field in every locale
	HasUses    bool  // the card shows how often the code was answered
	Uses       int64
	UsesNum    string // Uses, grouped by thousands
	Share      string // of the total of the window
	UsesText   string // the count, the window and the share, in words
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
	k := pageKey{code: code, one: one, table: q.table.Name(), locale: q.locale, langGiven: q.langGiven, all: q.all, text: q.text, cat: -1, badCat: q.badCat, compact: q.compact}
	if q.hasCat {
		k.cat = q.cat
	}
	return k
}

// index serves the list of a table's codes, or what a search finds in
// every table.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	q := h.pageQuery(r, s)
	if q.badTable {
		h.serveStatus(w, r, s, q, http.StatusBadRequest, notTable)
		return
	}
	c := h.countsFor(r, q)
	h.serveCached(w, r, s, c.keyed(q.key(0, false), q), func() *view {
		v := h.listView(s, q)
		v.addCounts(c, q, true)
		return v
	})
}

// notTable says that the table parameter names no table.
func notTable(l *labels) (string, string) { return l.NotTableHeading, l.NotTable }

// pageQuery reads a page request's parameters, as parseQuery does;
// without counts, the window and the order of the counts are the
// defaults, so that no two requests for the same page differ in them.
func (h *handler) pageQuery(r *http.Request, s *snapshot) query {
	q := parseQuery(r, s)
	if h.counts == nil {
		q.window, q.byCount = defaultWindow, false
	}
	return q
}

// listView returns the list of the codes q asks for: the codes of the
// table shown, or what a search finds, in every table, the shown table's
// first.
func (h *handler) listView(s *snapshot, q query) *view {
	v := newView(s, q, "/")
	v.Filter = q.text != "" || q.hasCat
	if q.badCat != "" {
		v.Notes = append(v.Notes, fmt.Sprintf(v.L.UnknownCategory, q.badCat))
	}
	searched := q.searched()
	v.Mixed = len(searched) > 1
	hl := highlighter(q.text)
	var counts []string
	for _, t := range searched {
		codes := matching(s, q, t)
		if t == q.table {
			codes = append(unknownSought(q, searched), codes...)
		}
		for _, c := range codes {
			v.Cards = append(v.Cards, v.card(s, t, c, hl))
		}
		counts = append(counts, fmt.Sprintf(v.L.MatchesIn, v.L.table(t).Name, len(codes), len(t.Entries())))
	}
	total := len(q.table.Entries())
	switch {
	case v.Mixed:
		v.Count = strings.Join(counts, " · ")
	case v.Filter:
		v.Count = fmt.Sprintf(v.L.Matches, len(v.Cards), total)
	default:
		v.Count = fmt.Sprintf(v.L.Count, total)
	}
	v.Billing = slices.ContainsFunc(v.Cards, func(c card) bool { return c.Billing })
	return v
}

// searched returns the tables a list shows, the shown table first: a
// search finds codes in every table, unless a category, which is one
// table's, narrows it to that table.
func (q query) searched() []*table {
	out := []*table{q.table}
	if q.text == "" || q.hasCat {
		return out
	}
	for _, t := range tables {
		if t != q.table {
			out = append(out, t)
		}
	}
	return out
}

// unknownSought returns the code that a search for a number names, when
// no table searched has it: the list shows it first, with its category's
// texts in the table shown, as its page does.
func unknownSought(q query, searched []*table) []int {
	code, err := strconv.Atoi(strings.TrimPrefix(q.text, "#"))
	if err != nil {
		return nil
	}
	for _, t := range searched {
		if t.Index(code) >= 0 {
			return nil
		}
	}
	if q.hasCat && q.table.CategoryOf(code) != q.cat {
		return nil
	}
	return []int{code}
}

// codePage serves the page of one code. A code spelt otherwise than
// huiyan lookup prints it (0655, +655) is redirected to its page.
func (h *handler) codePage(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	q := h.pageQuery(r, s)
	q.text, q.hasCat, q.badCat = "", false, "" // the search box starts empty here
	q.compact = false                          // one code has one view
	raw := r.PathValue("code")
	code, err := strconv.Atoi(raw)
	switch {
	case q.badTable:
		h.serveStatus(w, r, s, q, http.StatusBadRequest, notTable)
		return
	case errors.Is(err, strconv.ErrRange):
		h.serveStatus(w, r, s, q, http.StatusBadRequest, func(l *labels) (string, string) { return l.OutOfRangeHeading, l.OutOfRange })
		return
	case err != nil:
		h.serveStatus(w, r, s, q, http.StatusBadRequest, func(l *labels) (string, string) { return l.NotCodeHeading, l.NotCode })
		return
	case raw != strconv.Itoa(code):
		// Relative to /codes/0655: the segment replaces the last one.
		target := withQuery(strconv.Itoa(code), join(q.langQuery(), q.table.param()))
		w.Header().Set("Location", target)
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	c := h.countsFor(r, q)
	h.serveCached(w, r, s, c.keyed(q.key(code, true), q), func() *view {
		v := h.codeView(s, q, code)
		v.addCounts(c, q, false)
		return v
	})
}

// codeView returns the page of one code of the table shown, and names
// the same code in the other tables, so that a FaceID 302 is not read
// for a Huiyan one.
func (h *handler) codeView(s *snapshot, q query, code int) *view {
	v := newView(s, q, "/codes/")
	v.One = true
	c := v.card(s, q.table, code, nil)
	if !c.Known {
		v.Notes = append(v.Notes, fmt.Sprintf(v.L.UnknownNote, code))
	}
	for _, t := range tables {
		if t != q.table && t.Index(code) >= 0 {
			v.Also = append(v.Also, also{
				Lead:  fmt.Sprintf(v.L.Also, v.L.table(t).Name, code),
				Title: t.localize(s.bundle, code, q.locale).Title,
				Lang:  q.locale,
				Href:  v.codeHref(t, code),
			})
		}
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
	v.Brand = v.L.table(q.table).Name
	v.setRoot(rootOf(path))
	v.Title = v.Brand + " · " + q.locale
	v.contentLanguage = q.locale
	if q.all {
		v.Title = v.Brand + " · " + v.L.SideBySide
		v.contentLanguage = strings.Join(s.locales, ", ")
	}
	switch {
	case q.all:
		v.Hidden = []field{{"lang", export.All}, {"ui", q.ui}}
	case q.langGiven:
		v.Hidden = []field{{"lang", q.locale}}
	}
	if !q.table.isDefault() {
		v.Hidden = append(v.Hidden, field{"table", q.table.Name()})
	}
	if q.compact {
		v.Hidden = append(v.Hidden, field{"view", "compact"})
	}
	v.Views = []option{
		{Value: "full", Label: v.L.Full, Href: v.viewHref(false), Current: !q.compact},
		{Value: "compact", Label: v.L.Compact, Href: v.viewHref(true), Current: q.compact},
	}
	v.Cats = append(v.Cats, option{Value: "", Label: v.L.AllCategories, Current: !q.hasCat})
	for i, c := range q.table.Categories() {
		v.Cats = append(v.Cats, option{Value: c.Key, Label: v.L.categoryName(q.table, i), Current: q.hasCat && i == q.cat})
	}
	for _, l := range s.locales {
		v.Langs = append(v.Langs, option{Value: l, Label: l, Href: v.switchHref(l), Current: !q.all && l == q.locale})
	}
	v.Langs = append(v.Langs, option{Value: export.All, Label: v.L.SideBySide, Href: v.switchHref(export.All), Current: q.all})
	v.Faults, v.More = faults(s.fault)
	return v
}

// setRoot sets the way back to the mount point, and the links made of
// it: the table switch leads to the list of each table, in the page's
// language and view, and with its counts' window and order.
func (v *view) setRoot(root string) {
	v.Root = root
	v.Style = root + "static/style.css?v=" + assets()["style.css"].version
	v.Icon = root + "static/icon.svg?v=" + assets()["icon.svg"].version
	v.Action = root
	v.Home = v.listHref(v.query.table, "")
	v.Tables = v.Tables[:0]
	q := v.query
	for _, t := range tables {
		words := v.L.table(t)
		href := withQuery(root, join(q.langQuery(), t.param(), q.viewParam(), q.countsParams()))
		v.Tables = append(v.Tables, tableOption{Name: t.Name(), Label: words.Short, About: words.About, Href: href, Current: t == q.table && !q.badTable})
	}
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

// join returns the parts of a query that are not empty, joined with &.
func join(parts ...string) string {
	var out string
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += "&"
		}
		out += p
	}
	return out
}

// withQuery returns path with the query, when there is one.
func withQuery(path, query string) string {
	if query == "" {
		return path
	}
	return path + "?" + query
}

// viewParam returns the parameter that keeps the compact view in links.
func (q query) viewParam() string {
	if q.compact {
		return "view=compact"
	}
	return ""
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
// keeping the table, the search and the filter.
func (v *view) switchHref(lang string) string {
	keep := "lang=" + url.QueryEscape(lang)
	if lang == export.All {
		keep += "&ui=" + url.QueryEscape(v.query.locale)
	}
	keep = join(keep, v.query.table.param())
	if v.query.text != "" {
		keep += "&q=" + url.QueryEscape(v.query.text)
	}
	if v.query.hasCat {
		keep += "&cat=" + v.query.catKey()
	}
	return "?" + join(keep, v.query.viewParam())
}

// catKey returns the key of the category filtered, as locale files
// spell it.
func (q query) catKey() string { return q.table.Categories()[q.cat].Key }

// viewHref returns the link to the same list, full or compact, keeping
// the language, the search, the filter and the counts' window and order.
func (v *view) viewHref(compact bool) string {
	q := v.query
	q.compact = compact
	w := &view{query: q}
	return w.countsHref(q.window, q.byCount)
}

// listHref returns the link to the list of table t, filtered by cat
// when not empty, in the language and the view the page is in.
func (v *view) listHref(t *table, cat string) string {
	if cat != "" {
		cat = "cat=" + url.QueryEscape(cat)
	}
	return withQuery(v.Root, join(v.query.langQuery(), t.param(), cat, v.query.viewParam()))
}

// codeHref returns the link to the page of code of table t, in the
// language the page is in.
func (v *view) codeHref(t *table, code int) string {
	return withQuery(v.Root+"codes/"+strconv.Itoa(code), join(v.query.langQuery(), t.param()))
}

// card returns the card of code c of table t in the page's language, or
// in every locale side by side.
func (v *view) card(s *snapshot, t *table, c int, hl *regexp.Regexp) card {
	code := strconv.Itoa(c)
	cat := t.CategoryOf(c)
	cd := card{
		Code:       c,
		Name:       v.L.Unknown,
		Table:      t.Name(),
		TableLabel: v.L.table(t).Short,
		ShowTable:  v.Mixed,
		ID:         t.anchor(code),
		Category:   t.Categories()[cat].Key,
		CatLabel:   v.L.categoryName(t, cat),
		CatHref:    v.listHref(t, t.Categories()[cat].Key),
		Href:       v.codeHref(t, c),
		JSON:       withQuery(v.Root+"api/codes/"+code, join(v.query.langQuery(), t.param())),
	}
	cd.Anchor = v.listHref(t, "") + "#" + cd.ID
	if e, ok := t.Lookup(c); ok {
		cd.Known, cd.Name, cd.Retryable = true, e.Name, e.Retryable
		if t.billing {
			cd.Billing, cd.Billed = true, e.Billed
			cd.BilledTag, cd.BilledCell = v.L.BilledTag[0], v.L.No
			if e.Billed {
				cd.BilledTag, cd.BilledCell = v.L.BilledTag[1], v.L.Yes
			}
		}
	}
	locales := []string{v.query.locale}
	if v.query.all {
		locales = s.locales
	}
	for _, l := range locales {
		m := t.localize(s.bundle, c, l)
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

// matching returns the codes of table t whose texts, in any locale, hold
// every word of the search, in the category filtered, which is a
// category of t: searched does not search another table with one.
func matching(s *snapshot, q query, t *table) []int {
	words := strings.Fields(strings.ToLower(q.text))
	var texts []string
	if len(words) > 0 {
		texts = s.search(t)
	}
	var out []int
codes:
	for i, e := range t.Entries() {
		if q.hasCat && e.Category != q.cat {
			continue
		}
		for _, w := range words {
			if !strings.Contains(texts[i], strings.TrimPrefix(w, "#")) {
				continue codes
			}
		}
		out = append(out, e.Code)
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
