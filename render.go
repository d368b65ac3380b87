package huiyan

import (
	"math"
	"strconv"
	"strings"
	"text/template/parse"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
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

// values are what a text is rendered with: the code, and the code's
// count parameter if it has one.
type values struct {
	code  int
	name  string // the count parameter's name, or ""
	count int
}

func (p values) value(name string) int {
	if name == p.name {
		return p.count
	}
	return p.code
}

// render returns the text rendered with p, in the plural form that tag,
// its locale's, uses for p.count; a form the text lacks falls back to
// other, as in go-i18n.
func (t *body) render(tag language.Tag, p values) string {
	form := plural.Other
	if t.plural() {
		form = plural.Cardinal.MatchPlural(tag, abs(p.count), 0, 0, 0, 0)
	}
	if int(form) >= numForms || t.forms[form] == "" {
		form = plural.Other
	}
	return t.renderForm(form, p)
}

// renderForm returns plural form f of the text rendered with p.
func (t *body) renderForm(form plural.Form, p values) string {
	segs := t.segs[form]
	if segs == nil {
		return t.forms[form]
	}
	var sb strings.Builder
	sb.Grow(len(t.forms[form]))
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
