package catalogue

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/huiyan-i18n/huiyan/messages"
)

// counted is what a page shows of the counts: those of its window, or
// why there are none.
type counted struct {
	on     bool // the handler counts: WithPrometheus
	counts map[messages.Code]int64
	at     time.Time // when they were asked: a page is kept per answer
	err    error
}

// countsFor returns the counts of q's window, or nothing without
// WithPrometheus.
func (h *handler) countsFor(r *http.Request, q query) counted {
	if h.counts == nil {
		return counted{}
	}
	counts, at, err := h.counts.get(r.Context(), q.window)
	return counted{on: true, counts: counts, at: at, err: err}
}

// keyed returns k for a page with these counts: a page is rendered anew
// for each answer of Prometheus.
func (c counted) keyed(k pageKey, q query) pageKey {
	if c.on {
		k.window, k.byCount, k.countsAt, k.countsErr = q.window.Param, q.byCount, c.at.UnixNano(), c.err != nil
	}
	return k
}

// usesView is the counts' part of a page: its controls and what it says
// when there are no counts.
type usesView struct {
	W           *countWords
	Window      string // the window's words
	Windows     []option
	Sorts       []option // on the list only
	Unavailable bool
}

// addCounts puts the counts on v's cards, with the controls to choose the
// window and, on the list, the order; with q.byCount, the most frequent
// code comes first.
func (v *view) addCounts(c counted, q query, list bool) {
	if !c.on {
		return
	}
	w := countWordsFor(v.L)
	u := &usesView{W: w, Unavailable: c.err != nil}
	for i, win := range windows {
		if win == q.window {
			u.Window = w.Windows[i]
		}
		u.Windows = append(u.Windows, option{Value: win.Param, Label: w.Windows[i], Href: v.countsHref(win, q.byCount), Current: win == q.window})
	}
	if list {
		u.Sorts = []option{
			{Value: "code", Label: w.ByCode, Href: v.countsHref(q.window, false), Current: !q.byCount},
			{Value: "count", Label: w.ByCount, Href: v.countsHref(q.window, true), Current: q.byCount},
		}
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
	in := w.In[slices.Index(windows, q.window)]
	for i := range v.Cards {
		cd := &v.Cards[i]
		if q.window != defaultWindow {
			cd.Href = withParam(cd.Href, "window", q.window.Param)
		}
		if c.err != nil || !cd.Known {
			continue
		}
		n := c.counts[messages.Code(cd.Code)]
		cd.Uses, cd.UsesText, cd.HasUses = n, fmt.Sprintf(in, n), true
	}
	if q.byCount && c.err == nil {
		slices.SortStableFunc(v.Cards, func(a, b card) int { return cmp.Compare(b.Uses, a.Uses) })
	}
}

// countsHref returns the link to the same page counted over win, in the
// order byCount asks for, keeping the language, the search and the
// filter.
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
