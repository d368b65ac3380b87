package load

import (
	"math"
	"strconv"
	"strings"
	"text/template/parse"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/messages"
)

// A text's templates are parsed with text/template, as go-i18n does, and
// may only insert parameters: they are kept as segments, which render
// faster than executing a template, and cannot fail.

// segment is literal text followed by the value of a parameter, if any.
type segment struct {
	lit   string
	param string
}

// segments returns the template as segments; for a template that does
// more than insert fields, it returns nil and the first action that does.
func segments(root *parse.ListNode) ([]segment, string) {
	var segs []segment
	lit := ""
	for _, n := range root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			lit += string(n.Text)
		case *parse.ActionNode:
			f, ok := plainField(n.Pipe)
			if !ok {
				return nil, n.String()
			}
			segs = append(segs, segment{lit: lit, param: f})
			lit = ""
		default:
			return nil, n.String()
		}
	}
	return append(segs, segment{lit: lit}), ""
}

// plainField returns the field of a pipeline that is just {{.Field}}.
func plainField(p *parse.PipeNode) (string, bool) {
	if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// Values are what a text is rendered with: the code, and the code's
// count parameter if it has one.
type Values struct {
	Code  int
	Name  string // the count parameter's name, or ""
	Count int
}

func (p Values) value(name string) int {
	if name == p.Name {
		return p.Count
	}
	return p.Code
}

// Render returns the text rendered with p, in the plural form that tag,
// its locale's, uses for p.count; a form the text lacks falls back to
// other, as in go-i18n.
func (t *Body) Render(tag language.Tag, p Values) string {
	form := plural.Other
	if t.Plural() {
		form = plural.Cardinal.MatchPlural(tag, abs(p.Count), 0, 0, 0, 0)
	}
	if int(form) >= NumForms || t.Forms[form] == "" {
		form = plural.Other
	}
	return t.RenderForm(form, p)
}

// RenderForm returns plural form f of the text rendered with p.
func (t *Body) RenderForm(form plural.Form, p Values) string {
	if t.segs == nil || t.segs[form] == nil {
		return t.Forms[form]
	}
	segs := t.segs[form]
	var sb strings.Builder
	sb.Grow(len(t.Forms[form]))
	var num [20]byte
	for _, seg := range segs {
		sb.WriteString(seg.lit)
		if seg.param != "" {
			sb.Write(strconv.AppendInt(num[:0], int64(p.value(seg.param)), 10))
		}
	}
	return sb.String()
}

// abs returns |n|, which CLDR plural rules read, saturating at MaxInt.
func abs(n int) int {
	switch {
	case n == math.MinInt:
		return math.MaxInt
	case n < 0:
		return -n
	}
	return n
}

// Defaults returns the values a code's texts are rendered with when the
// caller gives none: the code, and the count the Huiyan documentation
// states.
func Defaults(tbl *messages.Table, code int) Values {
	v := Values{Code: code}
	if e, ok := tbl.Lookup(code); ok && e.Param.Name != "" {
		v.Name, v.Count = e.Param.Name, e.Param.Default
	}
	return v
}
