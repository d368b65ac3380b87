package catalogue

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// counted is what a page shows of the counts: those of its window, or
// why there are none.
type counted struct {
	on bool // the handler counts: WithPrometheus
	countState
}

// countsFor returns the counts of q's window, or nothing without
// WithPrometheus. It waits for Prometheus no longer than the counter's
// wait.
func (h *handler) countsFor(r *http.Request, q query) counted {
	if h.counts == nil {
		return counted{}
	}
	return counted{on: true, countState: h.counts.get(r.Context(), q.window)}
}

// keyed returns k for a page with these counts: a page is rendered anew
// for each answer of Prometheus, and when it stops answering.
func (c counted) keyed(k pageKey, q query) pageKey {
	if c.on {
		k.window, k.byCount = q.window.Param, q.byCount
		k.countsAt, k.countsErr, k.stale = c.at.UnixNano(), c.counts == nil, c.stale
	}
	return k
}

// tally is the counts of one table of codes over a window: each code's,
// and their total, of which each code has its share.
type tally struct {
	byCode map[int]int64
	total  int64
}

func newTally(counts map[int]int64, t *table) tally {
	ty := tally{byCode: counts}
	for _, e := range t.Entries() {
		ty.total += counts[e.Code]
	}
	return ty
}

// share returns n's share of the total, as the page writes it: "" for
// none, "<0.1%" for a share that would round to nothing.
func (t tally) share(n int64) string {
	if n <= 0 || t.total <= 0 {
		return ""
	}
	p := 100 * float64(n) / float64(t.total)
	switch {
	case p < 0.05:
		return "<0.1%"
	case p > 99.95 && n < t.total:
		return ">99.9%"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

// grouped writes n with a comma between thousands, as the page's
// languages all do.
func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	lead := len(s) % 3
	if lead == 0 {
		lead = 3
	}
	out := s[:lead]
	for i := lead; i < len(s); i += 3 {
		out += "," + s[i:i+3]
	}
	return out
}

// usesView is the counts' part of a page: its controls, the total and
// what it says when the counts are not fresh.
type usesView struct {
	W           *countWords
	Window      string // the window's words
	Windows     []option
	Sorts       []option // on the list only; the current one is the order applied
	Total       string   // the results of the window, of every code, and when they were asked
	Unavailable bool
	Stale       string // the warning that the counts are the last Prometheus gave
}

// asOf writes when counts were asked.
func asOf(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// addCounts puts the counts on v's cards, with the controls to choose the
// window and, on the list, the order; with q.byCount, the most frequent
// code comes first.
func (v *view) addCounts(c counted, q query, list bool) {
	if !c.on {
		return
	}
	w := countWordsFor(v.L)
	wi := slices.Index(windows, q.window)
	u := &usesView{W: w, Window: w.Windows[wi], Unavailable: c.counts == nil}
	for i, win := range windows {
		u.Windows = append(u.Windows, option{Value: win.Param, Label: w.Windows[i], Href: v.countsHref(win, q.byCount), Current: win == q.window})
	}
	sorted := q.byCount && c.counts != nil // what the list is, not what was asked
	if list {
		u.Sorts = []option{
			{Value: "code", Label: w.ByCode, Href: v.countsHref(q.window, false), Current: !sorted},
			{Value: "count", Label: w.ByCount, Href: v.countsHref(q.window, true), Current: sorted},
		}
	}
	tallies := make(map[string]tally, len(tables))
	for _, t := range q.searched() {
		tallies[t.Name()] = newTally(c.counts[t.Name()], t)
	}
	if c.counts != nil {
		u.Total = fmt.Sprintf(w.Total[wi], grouped(tallies[q.table.Name()].total)) + " · " + fmt.Sprintf(w.AsOf, asOf(c.at))
	}
	if c.stale {
		u.Stale = fmt.Sprintf(w.Stale, asOf(c.at))
	}
	v.Uses = u
	v.keepCountParams(q)
	v.countCards(c, q, tallies, w, wi, sorted)
}

// keepCountParams has the search and the language switch keep the window
// and the order, as the table switch does.
func (v *view) keepCountParams(q query) {
	if q.window != defaultWindow {
		v.Hidden = append(v.Hidden, field{"window", q.window.Param})
		for i := range v.Langs {
			v.Langs[i].Href = withParam(v.Langs[i].Href, "window", q.window.Param)
		}
	}
	if q.byCount {
		v.Hidden = append(v.Hidden, field{"sort", "count"})
		for i := range v.Langs {
			v.Langs[i].Href = withParam(v.Langs[i].Href, "sort", "count")
		}
	}
}

// countCards puts each known code's count and share on its card, and with
// sorted, orders the cards by count within their table.
func (v *view) countCards(c counted, q query, tallies map[string]tally, w *countWords, wi int, sorted bool) {
	for i := range v.Cards {
		cd := &v.Cards[i]
		if q.window != defaultWindow {
			cd.Href = withParam(cd.Href, "window", q.window.Param)
		}
		if c.counts == nil || !cd.Known {
			continue
		}
		t := tallies[cd.Table]
		n := t.byCode[cd.Code]
		cd.HasUses, cd.Uses, cd.UsesNum, cd.Share = true, n, grouped(n), t.share(n)
		cd.UsesText = fmt.Sprintf(w.In[wi], cd.UsesNum)
		if cd.Share != "" {
			cd.UsesText += fmt.Sprintf(w.ShareOf, cd.Share)
		}
	}
	if sorted {
		// A search's cards stay with their table's, the shown table's
		// first: a count is a share of its table's total.
		order := q.searched()
		rank := func(c card) int { return slices.IndexFunc(order, func(t *table) bool { return t.Name() == c.Table }) }
		slices.SortStableFunc(v.Cards, func(a, b card) int {
			return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(b.Uses, a.Uses))
		})
	}
}

// countsHref returns the link to the same page counted over win, in the
// order byCount asks for, keeping the language, the search, the filter
// and the view.
func (v *view) countsHref(win window, byCount bool) string {
	q := v.query
	keep := join(q.langQuery(), q.table.param())
	if q.text != "" {
		keep = join(keep, "q="+url.QueryEscape(q.text))
	}
	if q.hasCat {
		keep = join(keep, "cat="+url.QueryEscape(q.catKey()))
	}
	q.window, q.byCount = win, byCount
	return "?" + join(keep, q.viewParam(), q.countsParams())
}

// countsParams returns the parameters that keep the counts' window and
// order in links, when they are not the defaults.
func (q query) countsParams() string {
	var win, sort string
	if q.window != defaultWindow {
		win = "window=" + q.window.Param
	}
	if q.byCount {
		sort = "sort=count"
	}
	return join(win, sort)
}

// withParam returns the link href with the parameter k=val added.
func withParam(href, k, val string) string {
	sep := "?"
	if u, err := url.Parse(href); err == nil && u.RawQuery != "" {
		sep = "&"
	}
	return href + sep + k + "=" + url.QueryEscape(val)
}
