package huiyanhttp

import (
	"strconv"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Result is one answer that huiyanhttp wrote for a result code: what
// metrics count. It holds no user data; every field is bounded.
type Result struct {
	Table    string // the code's table: "huiyan" or "faceid"
	Code     string // the decimal code, "655"; "other" for a code outside its table
	Name     string // the code's constant, "FaceTooClose"; "Unknown" outside its table
	Category string // "liveness", as locale files spell categories
	// Billed is true for a result that Tencent bills (the FaceID
	// table's 0, 1002, 2006 and 2016), so that metrics can show what
	// failures cost.
	Billed bool
	Status int    // the HTTP status written
	Lang   string // Content-Language: the locale of the user text
}

// Observer is told of every result that huiyanhttp answers.
type Observer interface{ ObserveResult(Result) }

// WithObserver adds o to the observers that [WriteResult] and
// [WriteProblem] tell of each answer, success included, once the answer is
// written, from the handler's goroutine: ObserveResult must be safe for
// concurrent use, and quick. Several observers may be given; a nil one is
// ignored. A code outside its table is observed as Code "other" and Name
// "Unknown" with its table and category, so that the values of a metric's
// labels stay bounded whatever Tencent returns. Observing allocates
// nothing: the values are computed once.
func WithObserver(o Observer) Option {
	return func(c *config) {
		if o != nil {
			c.observers = append(c.observers[:len(c.observers):len(c.observers)], o)
		}
	}
}

// labels are the values of a Result that depend on the code alone.
type labels struct {
	table, code, name, category string
	billed                      bool
}

// tableLabels are the labels of the tables of load.Tables, by position:
// known those of each code of the table, by its row, and other those of
// the codes outside it, by category.
var tableLabels = func() []struct{ known, other []labels } {
	all := make([]struct{ known, other []labels }, len(load.Tables))
	for i, tbl := range load.Tables {
		cats := tbl.Categories()
		for _, e := range tbl.Entries() {
			all[i].known = append(all[i].known, labels{tbl.Name(), strconv.Itoa(e.Code), e.Name, cats[e.Category].Key, e.Billed})
		}
		for _, c := range cats {
			all[i].other = append(all[i].other, labels{tbl.Name(), "other", "Unknown", c.Key, false})
		}
	}
	return all
}()

// labelsOf returns the labels of code of tbl. A table that no Bundle
// serves has its codes folded as codes outside it.
func labelsOf(tbl *messages.Table, code int) labels {
	ti := tableIndex(tbl)
	if ti < 0 {
		return labels{tbl.Name(), "other", "Unknown", tbl.Categories()[tbl.CategoryOf(code)].Key, false}
	}
	if row := tbl.Index(code); row >= 0 {
		return tableLabels[ti].known[row]
	}
	return tableLabels[ti].other[tbl.CategoryOf(code)]
}

// observe tells the observers of s of an answer.
func (s *state) observe(tbl *messages.Table, code int, status int, lang string) {
	if len(s.observers) == 0 {
		return
	}
	l := labelsOf(tbl, code)
	res := Result{Table: l.table, Code: l.code, Name: l.name, Category: l.category, Billed: l.billed, Status: status, Lang: lang}
	for _, o := range s.observers {
		o.ObserveResult(res)
	}
}
