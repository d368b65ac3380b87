package load

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

// Field is one of the four texts of a code.
type Field int

const (
	FieldUser Field = iota
	FieldTitle
	FieldDetail
	FieldRemedy
	NumFields
)

var FieldNames = [NumFields]string{"user", "title", "detail", "remedy"}

func parseField(s string) (Field, bool) {
	i := slices.Index(FieldNames[:], s)
	return Field(i), i >= 0
}

// categoryKey is the top-level table that holds the category texts.
const categoryKey = "category"

// CodeParam is the template field every text may use.
const CodeParam = "Code"

// NumForms is the number of CLDR plural forms; a text's forms are indexed
// by golang.org/x/text/feature/plural.Form (Other is 0).
const NumForms = 6

// Text is one message of a locale file: one field of a code or category.
type Text struct {
	ID       string // the go-i18n message ID: "655.user", "category.liveness.title"
	Code     int    // the code of a code's text
	Category int    // the category of a category's text: its position in the table's Categories
	IsCat    bool
	Field    Field
	Msg      *i18n.Message
	Body

	// Where the text is, for problems: its key's path in the File, and
	// for a table of plural forms, each form's key as the File spells it.
	File     string
	Path     []string
	formKeys *[NumForms]string
	table    *messages.Table
	lines    *lineIndex
}

// Body is what rendering a text needs: all that a built bundle keeps of a
// text that inserts parameters.
type Body struct {
	Forms  [NumForms]string     // the forms, by plural.Form
	segs   *[NumForms][]segment // each form's template, nil for plain text; nil when every form is
	Params []string             // template fields used, sorted
}

// Plural reports whether the text has forms other than "other".
func (t *Body) Plural() bool {
	for f, s := range t.Forms {
		if f != int(plural.Other) && s != "" {
			return true
		}
	}
	return false
}

// Line returns the Line of the text's key.
func (t *Text) Line() int { return t.lines.line(t.Path) }

// TableLine returns the line of the table of the text's code or category.
func (t *Text) TableLine() int { return t.lines.line(t.Path[:len(t.Path)-1]) }

// LineOf returns the line of form f: of its key in a table of plural
// forms, else of the text.
func (t *Text) LineOf(f int) int {
	if t.formKeys != nil && t.formKeys[f] != "" {
		return t.lines.line(append(slices.Clip(t.Path), t.formKeys[f]))
	}
	return t.Line()
}

// formIndex returns the plural.Form of a plural table's key.
func formIndex(key string) (int, bool) {
	i := slices.Index(FormNames[:], strings.ToLower(key))
	return i, i >= 0
}

// Empty reports whether the text has no form at all.
func (t *Body) Empty() bool { return t.Forms == [NumForms]string{} }

var FormNames = [NumForms]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

// TextID returns the message ID of field f of code: "655.user".
func TextID(code int, f Field) string {
	return strconv.Itoa(int(code)) + "." + FieldNames[f]
}

// CategoryID returns the message ID of field f of category c of tbl:
// "category.liveness.user".
func CategoryID(tbl *messages.Table, c int, f Field) string {
	return categoryKey + "." + tbl.Categories()[c].Key + "." + FieldNames[f]
}

// subject names what t is a text of: "code 655", "category liveness".
func subject(t *Text) string {
	if t.IsCat {
		return "category " + t.table.Categories()[t.Category].Key
	}
	return "code " + strconv.Itoa(int(t.Code))
}

func categoryList(tbl *messages.Table) string {
	var names []string
	for _, c := range tbl.Categories() {
		names = append(names, c.Key)
	}
	return strings.Join(names, ", ")
}

// allowedParams returns the template fields a text may use.
func allowedParams(t *Text) []string {
	if p, ok := t.Param(); ok {
		return []string{CodeParam, p.Name}
	}
	return []string{CodeParam}
}

// Param returns the count parameter of t's code, and false for a code
// without one and for a category's text.
func (t *Text) Param() (messages.Param, bool) {
	if t.IsCat {
		return messages.Param{}, false
	}
	e, ok := t.table.Lookup(t.Code)
	if !ok || e.Param.Name == "" {
		return messages.Param{}, false
	}
	return e.Param, true
}

// Defaults returns the values t is rendered with when a caller gives
// none: its code's, or for a category's text a code outside the table.
func (t *Text) Defaults() Values {
	if t.IsCat {
		return Values{Code: 1234}
	}
	return Defaults(t.table, t.Code)
}
