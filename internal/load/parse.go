package load

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"

	"github.com/huiyan-i18n/huiyan/internal/tomlpos"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The second step of loading: parsing one locale file into texts, as
// go-i18n reads it, with the checks that go-i18n does not make.

// ParsedFile is one parsed locale file.
type ParsedFile struct {
	*File
	Texts  []*Text
	broken bool // the file does not parse: it has no texts
}

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

// parseAll parses the files of every layer, in parallel: decoding TOML is
// most of a load's time. The first file is parsed on the caller's
// goroutine, so that a load of one file, such as huiyan lookup's, starts
// none. It returns the files in the order read.
func parseAll(tbl *messages.Table, srcs []Source, ps *Problems) []*ParsedFile {
	var files []*ParsedFile
	for _, src := range srcs {
		for _, f := range src.Files {
			files = append(files, &ParsedFile{File: f})
		}
	}
	found := make([]Problems, len(files))
	var wg sync.WaitGroup
	for i := 1; i < len(files); i++ {
		wg.Go(func() { parseFile(tbl, files[i], &found[i]) })
	}
	if len(files) > 0 {
		parseFile(tbl, files[0], &found[0])
	}
	wg.Wait()
	for _, fps := range found {
		*ps = append(*ps, fps...)
	}
	return files
}

// parseFile parses one locale file, reporting every problem it finds; a
// file that does not decode is marked broken. The lines of its keys are
// found only when a problem or Lint asks for one.
func parseFile(tbl *messages.Table, lf *ParsedFile, ps *Problems) {
	// Decoded into an interface, the document is the decoder's own tree;
	// into a map, its top level would be copied.
	var doc any
	if _, err := toml.NewDecoder(bytes.NewReader(lf.Data)).Decode(&doc); err != nil {
		ps.Add(true, lf.Name, decodeErrorLine(lf.Data, err), err, "invalid TOML: "+decodeErrorText(err))
		lf.broken = true
		return
	}
	p := &fileParser{
		table: tbl,
		file:  lf,
		lines: &lineIndex{data: lf.Data},
		seen:  make(map[string]*Text),
		ps:    ps,
	}
	p.walk(nil, doc)
}

// decodeErrorLine returns the line of a TOML decoding error. The
// decoder's line can point past a line that lacks its closing quote; its
// byte offset does not. Some errors (bad UTF-8, control characters) come
// with no offset.
func decodeErrorLine(data []byte, err error) int {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return 0
	}
	line, start := pe.Position.Line, pe.Position.Start
	if strings.HasPrefix(pe.Message, "TOML files cannot contain control characters") {
		// Reported at the newline before the character, if at all.
		start = firstControl(data)
	}
	if start >= 0 && start <= len(data) {
		line = 1 + bytes.Count(data[:start], []byte("\n"))
	}
	return line
}

// decodeErrorText returns a decoding error's message without its
// position, which the problem states.
func decodeErrorText(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Message
	}
	return err.Error()
}

// firstControl returns the offset of the first control character TOML
// forbids, or -1.
func firstControl(data []byte) int {
	for i, c := range data {
		switch {
		case c == '\t' || c == '\n':
		case c == '\r' && i+1 < len(data) && data[i+1] == '\n':
		case c < 0x20 || c == 0x7f:
			return i
		}
	}
	return -1
}

type fileParser struct {
	table *messages.Table
	file  *ParsedFile
	lines *lineIndex
	seen  map[string]*Text
	ps    *Problems
}

// lineIndex finds the lines of a file's keys, reading the file for them
// the first time one is asked for: most loads report no problem and never
// ask.
type lineIndex struct {
	data  []byte
	once  sync.Once
	lines map[string]int // tomlpos.Lines
}

// line returns the line of the key at path, or of its nearest parent that
// has one; 0 when there is none.
func (x *lineIndex) line(path []string) int {
	x.once.Do(func() { x.lines = tomlpos.Lines(x.data) })
	for n := len(path); n > 0; n-- {
		if l, ok := x.lines[strings.Join(path[:n], tomlpos.Sep)]; ok {
			return l
		}
	}
	return 0
}

func (p *fileParser) fail(path []string, format string, args ...any) {
	p.ps.Add(true, p.file.Name, p.lines.line(path), nil, fmt.Sprintf(format, args...))
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
			p.fail(path, "[%s] mixes go-i18n's reserved keys (%s) with texts (%s); a code's table holds only user, title, detail and remedy", strings.Join(path, "."), strings.Join(res, ", "), strings.Join(plain, ", "))
		case len(res) > 0:
			m, err := i18n.NewMessage(v)
			if err != nil {
				p.fail(path, "%s: %v", strings.Join(path, "."), err)
				return
			}
			p.add(path, m, res)
		default:
			slices.Sort(plain) // a map has no order; a load has one
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
	t := &Text{ID: id, Msg: m, File: p.file.Name, Path: path, lines: p.lines, table: p.table}
	if !p.identify(t, path) {
		return
	}
	for _, k := range keys {
		if !slices.Contains(allowedReserved, strings.ToLower(k)) {
			p.fail(append(slices.Clip(path), k), "%s: key %q is not allowed; a text is a string or a table of plural forms (one, other, ...)", id, k)
			return
		}
		if f, ok := formIndex(k); ok {
			if t.formKeys == nil {
				t.formKeys = new([NumForms]string)
			}
			t.formKeys[f] = k
		}
	}
	if first, ok := p.seen[id]; ok {
		// Two paths for one ID: [655] user and "655.user".
		a, b := first.Line(), t.Line()
		p.ps.Add(true, p.file.Name, max(a, b), nil, fmt.Sprintf("%s is defined twice (first on line %d)", id, min(a, b)))
		return
	}
	p.seen[id] = t
	t.Forms = [NumForms]string{
		plural.Other: m.Other, plural.Zero: m.Zero, plural.One: m.One,
		plural.Two: m.Two, plural.Few: m.Few, plural.Many: m.Many,
	}
	if keys != nil && m.Other == "" {
		p.fail(path, "%s: a table of plural forms needs the form other", id)
		return
	}
	if t.Plural() {
		if _, ok := t.Param(); !ok {
			p.fail(path, "%s: plural forms need a count, and %s has none", id, subject(t))
			return
		}
	}
	if !p.compile(t) {
		return
	}
	p.file.Texts = append(p.file.Texts, t)
}

// identify reads the code or category and the field from a message's path.
func (p *fileParser) identify(t *Text, path []string) bool {
	parts := strings.Split(t.ID, ".")
	var fieldName string
	switch {
	case len(parts) == 3 && parts[0] == categoryKey:
		c, ok := p.table.ParseCategory(parts[1])
		if !ok {
			p.fail(prefix(path, 2), "unknown category %q; the categories are %s", parts[1], categoryList(p.table))
			return false
		}
		t.Category, t.IsCat, fieldName = c, true, parts[2]
	case len(parts) == 2:
		n, err := strconv.Atoi(parts[0])
		if err != nil || strconv.Itoa(n) != parts[0] {
			p.fail(prefix(path, 1), "unexpected key %q: want a code table such as [655] or a category table such as [category.liveness]", parts[0])
			return false
		}
		if t.Code = n; p.table.Index(n) < 0 {
			p.fail(prefix(path, 1), "code %d is not in the catalogue", n)
			return false
		}
		fieldName = parts[1]
	default:
		p.fail(path, "unexpected message %q: want a code table such as [655] with user, title, detail and remedy, or a category table such as [category.liveness]", t.ID)
		return false
	}
	f, ok := parseField(fieldName)
	if !ok {
		p.fail(path, "unknown field %q in %s; the fields are user, title, detail and remedy", fieldName, subject(t))
		return false
	}
	t.Field = f
	return true
}

// compile parses the text's templates with text/template, as go-i18n does,
// and checks them: a text may only insert its parameters ({{.Minutes}}), so
// that rendering can neither fail nor come out empty.
func (p *fileParser) compile(t *Text) bool {
	var allowed []string // found for the first template: most texts have none
	for f, src := range t.Forms {
		if !strings.Contains(src, "{{") {
			continue
		}
		if allowed == nil {
			allowed = allowedParams(t)
		}
		trees, err := parse.Parse(t.ID, src, "", "", templateBuiltins)
		if err != nil {
			p.ps.Add(true, p.file.Name, t.LineOf(f), err, fmt.Sprintf("%s: template does not parse: %s", t.ID, templateError(err)))
			return false
		}
		segs, action := segments(trees[t.ID].Root)
		if len(trees) > 1 {
			segs, action = nil, "{{define}}"
		}
		if segs == nil {
			p.ps.Add(true, p.file.Name, t.LineOf(f), nil, fmt.Sprintf("%s: %s: a text may only insert parameters, such as {{.%s}}", t.ID, action, allowed[len(allowed)-1]))
			return false
		}
		if len(segs) == 1 && segs[0].lit == "" {
			p.ps.Add(true, p.file.Name, t.LineOf(f), nil, fmt.Sprintf("%s: the text renders empty", t.ID))
			return false
		}
		if t.segs == nil {
			t.segs = new([NumForms][]segment)
		}
		t.segs[f] = segs
		for _, seg := range segs {
			switch {
			case seg.param == "" || slices.Contains(t.Params, seg.param):
			case !slices.Contains(allowed, seg.param):
				p.ps.Add(true, p.file.Name, t.LineOf(f), nil, fmt.Sprintf("%s: {{.%s}} is not a parameter of %s (it has %s)", t.ID, seg.param, subject(t), strings.Join(allowed, ", ")))
				return false
			default:
				t.Params = append(t.Params, seg.param)
			}
		}
	}
	slices.Sort(t.Params)
	return true
}

// templateBuiltins are the functions of text/template, which go-i18n
// executes texts with: parsed with the same parser, a text that calls one
// is well formed, and then refused for doing more than inserting.
var templateBuiltins = func() map[string]any {
	m := make(map[string]any)
	for _, name := range []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or",
		"print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"} {
		m[name] = true // parse asks only whether a name is non-nil
	}
	return m
}()

// templateErrorPrefix matches what text/template puts before its message:
// the template's name and position.
var templateErrorPrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^template: [^:]*:\d+(:\d+)?: `)
})

// templateError returns a template error without the template's name,
// which the caller states.
func templateError(err error) string {
	return templateErrorPrefix().ReplaceAllString(err.Error(), "")
}
