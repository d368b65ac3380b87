package huiyan

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/tomlpos"
	"github.com/huiyan-i18n/huiyan/messages"
)

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

// localeFile is one parsed locale file.
type localeFile struct {
	name  string
	tag   language.Tag
	texts []*text // in the order of their lines
}

// text is one message of a locale file: one field of a code or category.
type text struct {
	id       string // the go-i18n message ID: "655.user", "category.liveness.title"
	code     messages.Code
	category messages.Category
	isCat    bool
	field    field
	msg      *i18n.Message
	forms    [numForms]string             // msg's forms, by plural.Form
	tmpl     [numForms]*template.Template // nil for forms without actions
	simple   [numForms][]segment          // tmpl as segments, when it is simple
	params   []string                     // template fields used, sorted
	file     string
	line     int
}

// plural reports whether the text has forms other than "other".
func (t *text) plural() bool {
	for f, s := range t.forms {
		if f != int(plural.Other) && s != "" {
			return true
		}
	}
	return false
}

// empty reports whether the text has no form at all.
func (t *text) empty() bool { return t.forms == [numForms]string{} }

// reserved lists go-i18n's reserved keys: a TOML table with one of them
// (and a string value) is a message, not a group of messages.
var reserved = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

// allowedReserved are the reserved keys a text's table may have: plural
// forms, and the notes that goi18n writes for translators.
var allowedReserved = []string{"zero", "one", "two", "few", "many", "other", "description", "hash"}

func isReserved(k string, v any) bool {
	lk := strings.ToLower(k)
	if !slices.Contains(reserved, lk) {
		return false
	}
	_, isString := v.(string)
	return lk == "translation" || isString
}

// parseFile parses one locale file. It reports every problem it finds and
// returns nil when the file cannot be used at all.
func parseFile(name string, data []byte, ps *problems) *localeFile {
	base := strings.TrimSuffix(path.Base(name), ".toml")
	tag, err := language.Parse(base)
	if err != nil || base == "" {
		ps.add(true, name, 0, err, fmt.Sprintf("file name %q is not a language tag: name locale files like zh-CN.toml or en-US.toml", path.Base(name)))
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		line, msg := 0, err.Error()
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The decoder's line can point past a line that lacks its
			// closing quote; its byte offset does not.
			line = 1 + bytes.Count(data[:min(pe.Position.Start, len(data))], []byte("\n"))
			msg = pe.Message
		}
		ps.add(true, name, line, err, "invalid TOML: "+msg)
		return nil
	}
	p := &fileParser{
		file:  &localeFile{name: name, tag: tag},
		lines: tomlpos.Lines(data),
		seen:  make(map[string]*text),
		ps:    ps,
	}
	p.walk(nil, raw)
	slices.SortStableFunc(p.file.texts, func(a, b *text) int { return a.line - b.line })
	return p.file
}

type fileParser struct {
	file  *localeFile
	lines map[string]int
	seen  map[string]*text
	ps    *problems
}

// line returns the line of path, or of its nearest parent that has one.
func (p *fileParser) line(path []string) int {
	for i := len(path); i > 0; i-- {
		if l, ok := p.lines[strings.Join(path[:i], tomlpos.Sep)]; ok {
			return l
		}
	}
	return 0
}

func (p *fileParser) fail(path []string, format string, args ...any) {
	p.ps.add(true, p.file.name, p.line(path), nil, fmt.Sprintf(format, args...))
}

// prefix returns the first n parts of path: the key of a code or category
// table, to report a problem with the table where its header stands.
func prefix(path []string, n int) []string { return path[:min(n, len(path))] }

// walk flattens the document into message IDs exactly as go-i18n does, so
// that a file means the same to goi18n and to huiyan.
func (p *fileParser) walk(path []string, v any) {
	switch v := v.(type) {
	case string:
		p.add(path, &i18n.Message{Other: v}, nil)
	case map[string]any:
		var res, plain []string
		for k, kv := range v {
			if isReserved(k, kv) {
				res = append(res, k)
			} else {
				plain = append(plain, k)
			}
		}
		switch {
		case len(res) > 0 && len(plain) > 0:
			slices.Sort(res)
			slices.Sort(plain)
			p.fail(path, "[%s] mixes plural forms or notes (%s) with other keys (%s)", strings.Join(path, "."), strings.Join(res, ", "), strings.Join(plain, ", "))
		case len(res) > 0:
			m, err := i18n.NewMessage(v)
			if err != nil {
				p.fail(path, "%s: %v", strings.Join(path, "."), err)
				return
			}
			p.add(path, m, res)
		default:
			for _, k := range plain {
				p.walk(append(slices.Clip(path), k), v[k])
			}
		}
	default:
		p.fail(path, "%s: want a string or a table, not a TOML %s", strings.Join(path, "."), tomlType(v))
	}
}

func tomlType(v any) string {
	switch v.(type) {
	case []any, []map[string]any:
		return "array"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	}
	return "date or time"
}

// add checks one message and adds it to the file.
func (p *fileParser) add(path []string, m *i18n.Message, keys []string) {
	id := strings.Join(path, ".")
	m.ID = id
	t := &text{id: id, msg: m, file: p.file.name, line: p.line(path)}
	if !p.identify(t, path) {
		return
	}
	for _, k := range keys {
		if !slices.Contains(allowedReserved, strings.ToLower(k)) {
			p.fail(path, "%s: key %q is not allowed; a text is a string or a table of plural forms (one, other, ...)", id, k)
			return
		}
	}
	if first, ok := p.seen[id]; ok {
		p.fail(path, "%s is defined twice (first on line %d)", id, first.line)
		return
	}
	p.seen[id] = t
	t.forms = [numForms]string{
		plural.Other: m.Other, plural.Zero: m.Zero, plural.One: m.One,
		plural.Two: m.Two, plural.Few: m.Few, plural.Many: m.Many,
	}
	if keys != nil && m.Other == "" {
		p.fail(path, "%s: a table of plural forms needs the form other", id)
		return
	}
	if t.plural() {
		if _, ok := t.code.Param(); !ok || t.isCat {
			p.fail(path, "%s: plural forms need a count, and %s has none", id, subject(t))
			return
		}
	}
	if !p.compile(t, path) {
		return
	}
	p.file.texts = append(p.file.texts, t)
}

// identify reads the code or category and the field from a message's path.
func (p *fileParser) identify(t *text, path []string) bool {
	parts := strings.Split(t.id, ".")
	var fieldName string
	switch {
	case len(parts) == 3 && parts[0] == categoryKey:
		c, ok := messages.ParseCategory(parts[1])
		if !ok {
			p.fail(prefix(path, 2), "unknown category %q; the categories are %s", parts[1], categoryList())
			return false
		}
		t.category, t.isCat, fieldName = c, true, parts[2]
	case len(parts) == 2:
		n, err := strconv.Atoi(parts[0])
		if err != nil || strconv.Itoa(n) != parts[0] {
			p.fail(prefix(path, 1), "unexpected key %q: want a code table such as [655] or a category table such as [category.liveness]", parts[0])
			return false
		}
		if t.code = messages.Code(n); !t.code.Known() {
			p.fail(prefix(path, 1), "code %d is not in the catalogue", n)
			return false
		}
		fieldName = parts[1]
	default:
		p.fail(path, "unexpected message %q: want a code table such as [655] with user, title, detail and remedy, or a category table such as [category.liveness]", t.id)
		return false
	}
	f, ok := parseField(fieldName)
	if !ok {
		p.fail(path, "unknown field %q in %s; the fields are user, title, detail and remedy", fieldName, subject(t))
		return false
	}
	t.field = f
	return true
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

// compile parses the text's templates, as go-i18n would, and checks the
// fields they use.
func (p *fileParser) compile(t *text, path []string) bool {
	allowed := allowedParams(t)
	for f, src := range t.forms {
		if !strings.Contains(src, "{{") {
			continue
		}
		tm, err := template.New(t.id).Option("missingkey=default").Parse(src)
		if err != nil {
			p.ps.add(true, p.file.name, t.line, err, fmt.Sprintf("%s: template does not parse: %v", t.id, strings.TrimPrefix(err.Error(), "template: ")))
			return false
		}
		t.tmpl[f] = tm
		t.simple[f] = segments(tm.Root)
		for _, name := range templateFields(tm.Root) {
			if !slices.Contains(allowed, name) {
				p.fail(path, "%s: {{.%s}} is not a parameter of %s (it has %s)", t.id, name, subject(t), strings.Join(allowed, ", "))
				return false
			}
			if !slices.Contains(t.params, name) {
				t.params = append(t.params, name)
			}
		}
	}
	slices.Sort(t.params)
	if err := checkExec(t); err != nil {
		p.ps.add(true, p.file.name, t.line, err, fmt.Sprintf("%s: template fails: %v", t.id, strings.TrimPrefix(err.Error(), "template: ")))
		return false
	}
	return true
}

// templateFields returns the names of the data fields a template reads
// ({{.Minutes}}, {{$.Minutes}}, {{with .Minutes}}...).
func templateFields(n parse.Node) []string {
	var names []string
	var visit func(parse.Node)
	visit = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				visit(c)
			}
		case *parse.ActionNode:
			visit(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				visit(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				visit(a)
			}
		case *parse.FieldNode:
			names = append(names, n.Ident[0])
		case *parse.VariableNode:
			if len(n.Ident) > 1 && n.Ident[0] == "$" {
				names = append(names, n.Ident[1])
			}
		case *parse.ChainNode:
			visit(n.Node)
		case *parse.IfNode:
			visit(n.Pipe)
			visit(n.List)
			visit(n.ElseList)
		case *parse.RangeNode:
			visit(n.Pipe)
			visit(n.List)
			visit(n.ElseList)
		case *parse.WithNode:
			visit(n.Pipe)
			visit(n.List)
			visit(n.ElseList)
		case *parse.TemplateNode:
			visit(n.Pipe)
		}
	}
	visit(n)
	return names
}
