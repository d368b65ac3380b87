package huiyan

import (
	"io"
	"math"
	"strconv"
	"strings"
	"text/template/parse"

	"golang.org/x/text/feature/plural"
)

// A text's templates are parsed with text/template, as go-i18n does. Most
// are text with {{.Field}} actions; those are also kept as segments, which
// render an order of magnitude faster than executing the template.

// segment is literal text followed by the value of a parameter, if any.
type segment struct {
	lit   string
	param string
}

// segments returns the template as segments, or nil when it uses more
// than plain field actions.
func segments(root *parse.ListNode) []segment {
	var segs []segment
	lit := ""
	for _, n := range root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			lit += string(n.Text)
		case *parse.ActionNode:
			p := n.Pipe
			if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
				return nil
			}
			f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
			if !ok || len(f.Ident) != 1 {
				return nil
			}
			segs = append(segs, segment{lit: lit, param: f.Ident[0]})
			lit = ""
		default:
			return nil
		}
	}
	return append(segs, segment{lit: lit})
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

func (p values) data() map[string]int {
	d := map[string]int{codeParam: p.code}
	if p.name != "" {
		d[p.name] = p.count
	}
	return d
}

// defaultValues returns the default parameters of a text.
func defaultValues(t *text) values {
	p := values{code: int(t.code)}
	if cp, ok := t.code.Param(); ok && !t.isCat {
		p.name, p.count = cp.Name, cp.Default
	}
	return p
}

// render returns the text rendered with p, in the plural form its
// locale's language uses for p.count; a form the text lacks falls back to
// other, as in go-i18n. If the template fails, render returns def.
func (s *servedText) render(p values, def string) string {
	form := plural.Other
	if s.plural() {
		form = plural.Cardinal.MatchPlural(s.tag, abs(p.count), 0, 0, 0, 0)
	}
	if int(form) >= numForms || s.forms[form] == "" {
		form = plural.Other
	}
	if segs := s.simple[form]; segs != nil {
		var sb strings.Builder
		sb.Grow(len(s.forms[form]))
		var num [20]byte
		for _, seg := range segs {
			sb.WriteString(seg.lit)
			if seg.param != "" {
				sb.Write(strconv.AppendInt(num[:0], int64(p.value(seg.param)), 10))
			}
		}
		return sb.String()
	}
	t := s.tmpl[form]
	if t == nil {
		return s.forms[form]
	}
	var sb strings.Builder
	if err := t.Execute(&sb, p.data()); err != nil {
		return def
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

// checkExec executes a text's templates with its default parameters, so
// that a template that parses but cannot run fails at load.
func checkExec(t *text) error {
	data := defaultValues(t).data()
	for f, tm := range t.tmpl {
		if tm == nil || t.simple[f] != nil {
			continue
		}
		if err := tm.Execute(io.Discard, data); err != nil {
			return err
		}
	}
	return nil
}
