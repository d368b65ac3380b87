package huiyan

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"

	"github.com/huiyan-i18n/huiyan/messages"
)

// The text model: a locale file holds texts, one per field of a code or
// category, each a go-i18n message with its plural forms and, for those
// that insert parameters, their templates as segments.

// field is one of the four texts of a code.
type field int

const (
	fieldUser field = iota
	fieldTitle
	fieldDetail
	fieldRemedy
	numFields
)

var fieldNames = [numFields]string{"user", "title", "detail", "remedy"}

func parseField(s string) (field, bool) {
	i := slices.Index(fieldNames[:], s)
	return field(i), i >= 0
}

// categoryKey is the top-level table that holds the category texts.
const categoryKey = "category"

// codeParam is the template field every text may use.
const codeParam = "Code"

// numForms is the number of CLDR plural forms; a text's forms are indexed
// by golang.org/x/text/feature/plural.Form (Other is 0).
const numForms = 6

// text is one message of a locale file: one field of a code or category.
type text struct {
	id       string // the go-i18n message ID: "655.user", "category.liveness.title"
	code     messages.Code
	category messages.Category
	isCat    bool
	field    field
	msg      *i18n.Message
	body

	// Where the text is, for problems: its key's path in the file, and
	// each plural form's key as the file spells it.
	file     string
	path     []string
	formKeys [numForms]string
	lines    *lineIndex
}

// body is what rendering a text needs: all that a built bundle keeps of a
// text that inserts parameters.
type body struct {
	forms  [numForms]string    // the forms, by plural.Form
	segs   [numForms][]segment // each form's template; nil for plain text
	params []string            // template fields used, sorted
}

// plural reports whether the text has forms other than "other".
func (t *body) plural() bool {
	for f, s := range t.forms {
		if f != int(plural.Other) && s != "" {
			return true
		}
	}
	return false
}

// line returns the line of the text's key.
func (t *text) line() int { return t.lines.line(t.path) }

// tableLine returns the line of the table of the text's code or category.
func (t *text) tableLine() int { return t.lines.line(t.path[:len(t.path)-1]) }

// lineOf returns the line of form f: of its key in a table of plural
// forms, else of the text.
func (t *text) lineOf(f int) int {
	if k := t.formKeys[f]; k != "" {
		return t.lines.line(append(slices.Clip(t.path), k))
	}
	return t.line()
}

// formIndex returns the plural.Form of a plural table's key.
func formIndex(key string) (int, bool) {
	i := slices.Index(formNames[:], strings.ToLower(key))
	return i, i >= 0
}

// empty reports whether the text has no form at all.
func (t *body) empty() bool { return t.forms == [numForms]string{} }

var formNames = [numForms]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

func textID(code messages.Code, f field) string {
	return strconv.Itoa(int(code)) + "." + fieldNames[f]
}

func categoryID(c messages.Category, f field) string {
	return categoryKey + "." + c.String() + "." + fieldNames[f]
}

func subject(t *text) string {
	if t.isCat {
		return "category " + t.category.String()
	}
	return "code " + strconv.Itoa(int(t.code))
}

func categoryList() string {
	var names []string
	for _, c := range messages.Categories() {
		names = append(names, c.String())
	}
	return strings.Join(names, ", ")
}

// allowedParams returns the template fields a text may use.
func allowedParams(t *text) []string {
	if p, ok := t.code.Param(); ok && !t.isCat {
		return []string{codeParam, p.Name}
	}
	return []string{codeParam}
}
