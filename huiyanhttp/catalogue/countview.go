package catalogue

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/huiyan-i18n/huiyan/messages"
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
// and their total, of which each code has its share. The catalogue has
// one table, messages.All; another would have a tally of its own.
type tally struct {
	byCode map[messages.Code]int64
	total  int64
}

func newTally(counts map[messages.Code]int64, codes []messages.Code) tally {
	t := tally{byCode: counts}
	for _, c := range codes {
		t.total += counts[c]
	}
	return t
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
	t := newTally(c.counts, messages.All())
	if c.counts != nil {
		u.Total = fmt.Sprintf(w.Total[wi], grouped(t.total)) + " · " + fmt.Sprintf(w.AsOf, asOf(c.at))
	}
	if c.stale {
		u.Stale = fmt.Sprintf(w.Stale, asOf(c.at))
	}
	v.Uses = u
	// The search and the language switch keep the window and the order.
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
	for i := range v.Cards {
		cd := &v.Cards[i]
		if q.window != defaultWindow {
			cd.Href = withParam(cd.Href, "window", q.window.Param)
		}
		if c.counts == nil || !cd.Known {
			continue
		}
		n := t.byCode[messages.Code(cd.Code)]
		cd.HasUses, cd.Uses, cd.UsesNum, cd.Share = true, n, grouped(n), t.share(n)
		cd.UsesText = fmt.Sprintf(w.In[wi], cd.UsesNum)
		if cd.Share != "" {
			cd.UsesText += fmt.Sprintf(w.ShareOf, cd.Share)
		}
	}
	if sorted {
		slices.SortStableFunc(v.Cards, func(a, b card) int { return cmp.Compare(b.Uses, a.Uses) })
	}
}

// countsHref returns the link to the same page counted over win, in the
// order byCount asks for, keeping the language, the search, the filter
// and the view.
func (v *view) countsHref(win window, byCount bool) string {
	keep := v.query.langQuery()
	add := func(k, val string) {
		if keep != "" {
			keep += "&"
		}
		keep += k + "=" + url.QueryEscape(val)
	}
	if v.query.text != "" {
		add("q", v.query.text)
	}
	if v.query.hasCat {
		add("cat", v.query.cat.String())
	}
	if v.query.compact {
		add("view", "compact")
	}
	if win != defaultWindow {
		add("window", win.Param)
	}
	if byCount {
		add("sort", "count")
	}
	return "?" + keep
}

// withParam returns the link href with the parameter k=val added.
func withParam(href, k, val string) string {
	sep := "?"
	if u, err := url.Parse(href); err == nil && u.RawQuery != "" {
		sep = "&"
	}
	return href + sep + k + "=" + url.QueryEscape(val)
}
