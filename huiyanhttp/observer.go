package huiyanhttp

import (
	"strconv"

	"github.com/huiyan-i18n/huiyan/messages"
)

// Result is one answer that huiyanhttp wrote for a result code: what
// metrics count. It holds no user data; every field is bounded.
type Result struct {
	Code     string // the decimal code, "655"; "other" for a code outside the catalogue
	Name     string // the code's constant, "FaceTooClose"; "Unknown" outside the catalogue
	Category string // "liveness", as locale files spell categories
	Status   int    // the HTTP status written
	Lang     string // Content-Language: the locale of the user text
}

// Observer is told of every result that huiyanhttp answers.
type Observer interface{ ObserveResult(Result) }

// WithObserver adds o to the observers that [WriteResult] and
// [WriteProblem] tell of each answer, success included, once the answer is
// written, from the handler's goroutine: ObserveResult must be safe for
// concurrent use, and quick. Several observers may be given; a nil one is
// ignored. A code outside the catalogue is observed as Code "other" and
// Name "Unknown" with its category, so that the values of a metric's
// labels stay bounded whatever Huiyan returns. Observing allocates
// nothing: the values are computed once.
func WithObserver(o Observer) Option {
	return func(c *config) {
		if o != nil {
			c.observers = append(c.observers[:len(c.observers):len(c.observers)], o)
		}
	}
}

// labels are the values of a Result that depend on the code alone.
type labels struct{ code, name, category string }

// knownLabels are the labels of the catalogue's codes, by Code.Index;
// otherLabels those of the codes outside it, by category.
var knownLabels, otherLabels = func() ([]labels, []labels) {
	known := make([]labels, len(messages.All()))
	for i, c := range messages.All() {
		known[i] = labels{strconv.Itoa(int(c)), c.String(), c.Category().String()}
	}
	cats := messages.Categories()
	other := make([]labels, len(cats))
	for _, c := range cats {
		other[c] = labels{"other", "Unknown", c.String()}
	}
	return known, other
}()

// labelsOf returns the labels of code.
func labelsOf(code messages.Code) labels {
	if i := code.Index(); i >= 0 {
		return knownLabels[i]
	}
	return otherLabels[code.Category()]
}

// observe tells the observers of s of an answer.
func (s *state) observe(code messages.Code, status int, lang string) {
	if len(s.observers) == 0 {
		return
	}
	l := labelsOf(code)
	res := Result{Code: l.code, Name: l.name, Category: l.category, Status: status, Lang: lang}
	for _, o := range s.observers {
		o.ObserveResult(res)
	}
}
