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
	Code     messages.Code
	Category messages.Category
	IsCat    bool
	Field    Field
	Msg      *i18n.Message
	Body

	// Where the text is, for problems: its key's path in the File, and
	// each plural form's key as the File spells it.
	File     string
	Path     []string
	formKeys [NumForms]string
	lines    *lineIndex
}

// Body is what rendering a text needs: all that a built bundle keeps of a
// text that inserts parameters.
type Body struct {
	Forms  [NumForms]string    // the forms, by plural.Form
	segs   [NumForms][]segment // each form's template; nil for plain text
	Params []string            // template fields used, sorted
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
	if k := t.formKeys[f]; k != "" {
		return t.lines.line(append(slices.Clip(t.Path), k))
	}
	return t.Line()
}

// FormIndex returns the plural.Form of a plural table's key.
func FormIndex(key string) (int, bool) {
	i := slices.Index(FormNames[:], strings.ToLower(key))
	return i, i >= 0
}

// Empty reports whether the text has no form at all.
func (t *Body) Empty() bool { return t.Forms == [NumForms]string{} }

var FormNames = [NumForms]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

func TextID(code messages.Code, f Field) string {
	return strconv.Itoa(int(code)) + "." + FieldNames[f]
}

func CategoryID(c messages.Category, f Field) string {
	return categoryKey + "." + c.String() + "." + FieldNames[f]
}

func Subject(t *Text) string {
	if t.IsCat {
		return "category " + t.Category.String()
	}
	return "code " + strconv.Itoa(int(t.Code))
}

func categoryList() string {
	var names []string
	for _, c := range messages.Categories() {
		names = append(names, c.String())
	}
	return strings.Join(names, ", ")
}

// allowedParams returns the template fields a text may use.
func allowedParams(t *Text) []string {
	if p, ok := t.Code.Param(); ok && !t.IsCat {
		return []string{CodeParam, p.Name}
	}
	return []string{CodeParam}
}
