package messages

import (
	"fmt"
	"slices"
)

// Table is a table of codes as data: each code's name, category,
// retryability, suggested HTTP status and count parameter, and the
// categories that codes outside the table fall into. The Huiyan table,
// [Huiyan], is one such value; loading, linting, exporting, serving and
// counting read a Table, so that another table of codes is data too, not
// a copy of the code that serves one.
//
// A Table is immutable once made, and safe for concurrent use.
type Table struct {
	name       string
	entries    []Entry
	categories []CategoryInfo
	index      []int16 // code → position in entries plus one; 0 for a code not in the table
}

// Entry is one code of a table.
type Entry struct {
	Code int
	Name string // its constant's name, such as "FaceTooClose"
	// Category is the position of its category in the table's
	// Categories.
	Category int
	// Retryable is true when the end user can simply try the same step
	// again, possibly after adjusting the light, the distance or the
	// phone, and succeed.
	Retryable bool
	// Status is the HTTP status a backend is suggested to answer with
	// when it reports the code to its client.
	Status int
	// Param is the count parameter of a code whose texts state a number
	// of one deployment; its Name is "" for a code without one.
	Param Param
	// Billed is true for a result the verification service charges for.
	Billed bool
}

// CategoryInfo is one category of a table: the step of the verification
// flow that failed.
type CategoryInfo struct {
	Key  string // as locale files spell it: "liveness" for [category.liveness]
	Name string // its constant's name, such as "Liveness"
	// Ranges are the codes of the category, From to To inclusive: a code
	// that is not in the table belongs to the first category whose range
	// holds it, and to the first category when none does.
	Ranges []Range
	// Status is the HTTP status suggested for a code of the category
	// that is not in the table.
	Status int
}

// Range is the codes From to To, inclusive.
type Range struct{ From, To int }

// maxTableCode bounds the codes of a table, which index a slice.
const maxTableCode = 1 << 15

// NewTable returns the table of entries, sorted by code, and categories,
// the first of which takes the codes outside every range. It panics when
// the entries are not sorted, a code repeats or is outside 0 to 32767, or
// an entry names no category: a table is written once, in code, and a test
// makes it.
func NewTable(name string, categories []CategoryInfo, entries []Entry) *Table {
	t := &Table{name: name, entries: slices.Clone(entries), categories: slices.Clone(categories)}
	if len(categories) == 0 || len(entries) == 0 {
		panic("messages: a table needs categories and entries")
	}
	for i, e := range entries {
		switch {
		case e.Code < 0 || i > 0 && e.Code <= entries[i-1].Code:
			panic(fmt.Sprintf("messages: table %s: code %d is negative, repeated or out of order", name, e.Code))
		case e.Code >= maxTableCode:
			panic(fmt.Sprintf("messages: table %s: code %d is outside 0 to %d", name, e.Code, maxTableCode-1))
		case e.Category < 0 || e.Category >= len(categories):
			panic(fmt.Sprintf("messages: table %s: code %d has no category %d", name, e.Code, e.Category))
		}
	}
	t.index = make([]int16, entries[len(entries)-1].Code+1)
	for i, e := range entries {
		t.index[e.Code] = int16(i + 1)
	}
	return t
}

// Name returns the table's name, such as "huiyan": what JSON output and
// metrics call it.
func (t *Table) Name() string { return t.name }

// Entries returns the codes of the table, in ascending order. The slice is
// the table's own: do not change it.
func (t *Table) Entries() []Entry { return t.entries }

// Categories returns the categories of the table. The slice is the
// table's own: do not change it.
func (t *Table) Categories() []CategoryInfo { return t.categories }

// Index returns the position of code in Entries, or -1 for a code that is
// not in the table: an index into tables of one entry per code.
func (t *Table) Index(code int) int {
	if uint(code) < uint(len(t.index)) {
		return int(t.index[code]) - 1
	}
	return -1
}

// Lookup returns the entry of code, and false for a code not in the
// table.
func (t *Table) Lookup(code int) (*Entry, bool) {
	if i := t.Index(code); i >= 0 {
		return &t.entries[i], true
	}
	return nil, false
}

// CategoryOf returns the position in Categories of code's category: its
// entry's, or for a code not in the table the first category whose range
// holds it, else the first category.
func (t *Table) CategoryOf(code int) int {
	if e, ok := t.Lookup(code); ok {
		return e.Category
	}
	for i, c := range t.categories {
		for _, r := range c.Ranges {
			if code >= r.From && code <= r.To {
				return i
			}
		}
	}
	return 0
}

// ParseCategory returns the position of the category whose Key is key.
func (t *Table) ParseCategory(key string) (int, bool) {
	i := slices.IndexFunc(t.categories, func(c CategoryInfo) bool { return c.Key == key })
	return i, i >= 0
}

// Status returns the HTTP status suggested for code: its entry's, or its
// category's for a code not in the table.
func (t *Table) Status(code int) int {
	if e, ok := t.Lookup(code); ok {
		return e.Status
	}
	return t.categories[t.CategoryOf(code)].Status
}

// TableCode is the type of a code of some table: [Code] for the Huiyan
// table, faceid.Code for the FaceID table. Functions that serve any
// table's codes, such as huiyan.LocalizeWith, take a TableCode, so that a
// code keeps its table's type from the caller to the answer and one
// table's code cannot be passed for another's.
type TableCode interface {
	~int
	// Table returns the table of the code's type.
	Table() *Table
	// String returns the name of the code's constant, such as
	// "FaceTooClose", and a name that shows the number for a code not in
	// the table.
	String() string
}
