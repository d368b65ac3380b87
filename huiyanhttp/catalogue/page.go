package catalogue

import (
	"bytes"
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

// view is what a page shows.
type view struct {
	Lang   string // the <html lang>: the served locale, or the page's words' language
	Root   string // the mount point, relative to the page
	L      *labels
	Title  string
	Style  string
	Icon   string
	Action string // where the search form goes
	Query  string
	LangIn string // the lang parameter the search form keeps
	Cat    string // the category filtered, by its name in locale files
	Cats   []option
	Langs  []option
	Faults []fault
	More   int // faults left out
	Cards  []card
	Side   bool // every locale side by side
	One    bool // the page of one code
	Count  string
	Filter bool // a search or a filter is active
	Note   string
	Status int
	Error  string
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

// segment is a piece of text that a search did or did not match.
type segment struct {
	Text string
	Mark bool
}

// maxQuery bounds the search text: beyond it, the rest is not read.
const maxQuery = 256

// maxFaults bounds the faults the banner lists.
const maxFaults = 20

// query is what a page request asks for.
type query struct {
	lang   string // the language value: lang parameter or Accept-Language
	langIn string // the lang parameter
	all    bool   // lang=all
	text   string
	cat    messages.Category
	hasCat bool
}

func parseQuery(r *http.Request) query {
	v := r.URL.Query()
	// The page shows what it was asked as text: bytes that are no UTF-8
	// are dropped.
	q := query{langIn: strings.ToValidUTF8(v.Get("lang"), ""), text: strings.TrimSpace(v.Get("q"))}
	q.all = q.langIn == export.All
	if q.langIn != "" && !q.all {
		q.lang = q.langIn
	} else {
		q.lang = acceptLanguage(r)
	}
	if len(q.text) > maxQuery {
		q.text = q.text[:maxQuery]
	}
	q.text = strings.ToValidUTF8(q.text, "") // and a rune cut in two
	q.cat, q.hasCat = messages.ParseCategory(v.Get("cat"))
	return q
}

// index serves the list of every code.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	q := parseQuery(r)
	v := h.newView(r, s, q)
	v.Action = v.Root
	v.Filter = q.text != "" || q.hasCat
	codes := matching(s, q)
	if code, err := strconv.Atoi(strings.TrimPrefix(q.text, "#")); err == nil && !messages.Code(code).Known() {
		if c := messages.Code(code); !q.hasCat || c.Category() == q.cat {
			codes = append([]messages.Code{c}, codes...)
		}
	}
	hl := highlighter(q.text)
	for _, c := range codes {
		v.Cards = append(v.Cards, v.card(s, q, c, hl))
	}
	total := len(messages.All())
	v.Count = fmt.Sprintf(v.L.Count, total)
	if v.Filter {
		v.Count = fmt.Sprintf(v.L.Matches, len(v.Cards), total)
	}
	h.render(w, r, v)
}

// codePage serves the page of one code.
func (h *handler) codePage(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	q := parseQuery(r)
	q.text = "" // the search box starts empty here
	v := h.newView(r, s, q)
	v.Action = v.Root
	v.One = true
	code, ok := parseCode(r.PathValue("code"))
	if !ok {
		v.Status = http.StatusBadRequest
		v.Error = v.L.NotCode
		h.render(w, r, v)
		return
	}
	c := v.card(s, q, code, nil)
	if !c.Known {
		v.Note = fmt.Sprintf(v.L.UnknownNote, int(code))
	}
	v.Title = strconv.Itoa(c.Code) + " " + c.Name + " · " + v.Title
	v.Cards = []card{c}
	h.render(w, r, v)
}

// newView returns the parts every page has.
func (h *handler) newView(r *http.Request, s *snapshot, q query) *view {
	root := rootOf(r.URL.Path)
	served := s.bundle.Match(q.lang)
	v := &view{
		Lang:   served,
		Root:   root,
		L:      labelsFor(served),
		Style:  root + "static/style.css?v=" + assets()["style.css"].version,
		Icon:   root + "static/icon.svg?v=" + assets()["icon.svg"].version,
		Query:  q.text,
		LangIn: q.langIn,
		Side:   q.all,
	}
	if q.all {
		v.Lang = v.L.Lang
	}
	v.Title = v.L.Heading + " · " + served
	if q.all {
		v.Title = v.L.Heading + " · " + v.L.SideBySide
	}
	if q.hasCat {
		v.Cat = q.cat.String()
	}
	v.Cats = append(v.Cats, option{Value: "", Label: v.L.AllCategories, Current: !q.hasCat})
	for _, c := range messages.Categories() {
		v.Cats = append(v.Cats, option{Value: c.String(), Label: v.L.categoryName(c), Current: q.hasCat && c == q.cat})
	}
	for _, l := range s.locales {
		v.Langs = append(v.Langs, option{Value: l, Label: l, Href: switchHref(r, l), Current: !q.all && l == served})
	}
	v.Langs = append(v.Langs, option{Value: export.All, Label: v.L.SideBySide, Href: switchHref(r, export.All), Current: q.all})
	v.Faults, v.More = faults(h.fault())
	return v
}

// rootOf returns the way from the page at path p back to the mount
// point, as a relative URL: "./" from /, "../" from /codes/655.
func rootOf(p string) string {
	n := strings.Count(p, "/") - 1
	if n <= 0 {
		return "./"
	}
	return strings.Repeat("../", n)
}

// switchHref returns the link to the same page in another language,
// keeping the search and the filter.
func switchHref(r *http.Request, lang string) string {
	v := r.URL.Query()
	keep := url.Values{"lang": {lang}}
	for _, k := range []string{"q", "cat"} {
		if s := v.Get(k); s != "" {
			keep.Set(k, s)
		}
	}
	return "?" + keep.Encode()
}

// listHref returns the link to the list, filtered by cat when not empty,
// in the language the page is in.
func (v *view) listHref(cat string) string {
	keep := url.Values{}
	if v.LangIn != "" {
		keep.Set("lang", v.LangIn)
	}
	if cat != "" {
		keep.Set("cat", cat)
	}
	if len(keep) == 0 {
		return v.Root
	}
	return v.Root + "?" + keep.Encode()
}

// card returns the card of code c in the language of q, or in every
// locale side by side.
func (v *view) card(s *snapshot, q query, c messages.Code, hl *regexp.Regexp) card {
	langQuery := ""
	if v.LangIn != "" {
		langQuery = "?" + url.Values{"lang": {v.LangIn}}.Encode()
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
		Anchor:    v.listHref("") + "#" + code,
		JSON:      v.Root + "api/codes/" + code + langQuery,
	}
	if !cd.Known {
		cd.Name = v.L.Unknown
	}
	locales := []string{v.Lang}
	lang := q.lang
	if q.all {
		locales = s.locales
	}
	for _, l := range locales {
		if q.all {
			lang = l
		}
		m := s.bundle.Localize(c, lang)
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
	return cd
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

// highlighter returns what marks the words of a search in a text, or nil
// for no search.
func highlighter(text string) *regexp.Regexp {
	var alts []string
	for _, w := range strings.Fields(text) {
		if w = strings.TrimPrefix(w, "#"); w != "" {
			alts = append(alts, regexp.QuoteMeta(w))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	// The words are quoted and their length bounded by maxQuery: the
	// expression always compiles, and matches in linear time.
	re, err := regexp.Compile("(?i)" + strings.Join(alts, "|"))
	if err != nil {
		return nil
	}
	return re
}

// split cuts s into the pieces hl matches and those it does not.
func split(s string, hl *regexp.Regexp) []segment {
	if s == "" {
		return nil
	}
	if hl == nil {
		return []segment{{Text: s}}
	}
	var out []segment
	last := 0
	for _, m := range hl.FindAllStringIndex(s, -1) {
		if m[0] == m[1] {
			continue
		}
		if m[0] > last {
			out = append(out, segment{Text: s[last:m[0]]})
		}
		out = append(out, segment{Text: s[m[0]:m[1]], Mark: true})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, segment{Text: s[last:]})
	}
	return out
}

// faults returns the problems err joins, as the banner lists them, and
// how many were left out.
func faults(err error) ([]fault, int) {
	if err == nil {
		return nil, 0
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var out []fault
	for _, e := range errs {
		if len(out) == maxFaults {
			return out, len(errs) - maxFaults
		}
		var fe *huiyan.FileError
		if !errors.As(e, &fe) {
			out = append(out, fault{Msg: strings.TrimPrefix(e.Error(), "huiyan: ")})
			continue
		}
		out = append(out, fault{Pos: fe.Pos(), Msg: fe.Msg})
	}
	return out, 0
}

// render writes the page of v, or 304 Not Modified when the client has
// it already.
func (h *handler) render(w http.ResponseWriter, r *http.Request, v *view) {
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, "page", v); err != nil {
		h.log.Error("huiyan: catalogue: cannot render the page", "path", r.URL.Path, "err", err)
		buf.Reset()
		v.Status, v.Error, v.Cards, v.Note = http.StatusInternalServerError, v.L.Failed, nil, ""
		if err := pages().ExecuteTemplate(&buf, "page", v); err != nil {
			http.Error(w, v.L.Failed, http.StatusInternalServerError)
			return
		}
	}
	if v.Status != 0 {
		hd := w.Header()
		hd.Set("Content-Type", "text/html; charset=utf-8")
		hd.Set("Content-Language", v.Lang)
		hd.Set("Cache-Control", "no-store")
		w.WriteHeader(v.Status)
		w.Write(buf.Bytes())
		return
	}
	contentLanguage := v.Lang
	if v.Side {
		contentLanguage = strings.Join(v.langValues(), ", ")
	}
	serveEntity(w, r, newEntity(buf.Bytes()), "text/html; charset=utf-8", contentLanguage)
}

// langValues returns the locales of the language switch.
func (v *view) langValues() []string {
	var out []string
	for _, o := range v.Langs {
		if o.Value != export.All {
			out = append(out, o.Value)
		}
	}
	return out
}
