// Package export writes a bundle's catalogue for people and programs: as
// JSON, CSV and Markdown, in one language or every locale side by side.
// huiyan export prints what it writes, and the operator API serves the
// same bytes.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// All is the language value that puts every locale side by side.
const All = "all"

// JSON writes v compact on one line, with Chinese and punctuation as they
// are: for programs (pipe it to jq to read it).
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Codes returns every code of C's table, in ascending order.
func Codes[C messages.TableCode]() []C {
	var zero C
	entries := zero.Table().Entries()
	codes := make([]C, len(entries))
	for i, e := range entries {
		codes[i] = C(e.Code)
	}
	return codes
}

// Catalogue is every code of a table in one language.
type Catalogue[C messages.TableCode] struct {
	Table    string                `json:"table"` // "huiyan" or "faceid"
	Lang     string                `json:"lang"`  // the locale that lang matched
	Messages []huiyan.MessageOf[C] `json:"messages"`
}

// NewCatalogue returns every code of C's table, in ascending order,
// localized for lang.
func NewCatalogue[C messages.TableCode](b *huiyan.Bundle, lang string) Catalogue[C] {
	codes := Codes[C]()
	var zero C
	out := Catalogue[C]{Table: zero.Table().Name(), Lang: b.Match(lang), Messages: make([]huiyan.MessageOf[C], len(codes))}
	for i, c := range codes {
		out.Messages[i] = huiyan.LocalizeWith(b, c, lang, nil)
	}
	return out
}

// SideBySide is every code of a table in every locale.
type SideBySide struct {
	Table    string     `json:"table"` // "huiyan" or "faceid"
	Langs    []string   `json:"langs"` // the locales, zh-CN first
	Messages []Compared `json:"messages"`
}

// Compared is one code in every locale.
type Compared struct {
	Code     int    `json:"code"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Billed   bool   `json:"billed,omitempty"` // Tencent bills the result
	Texts    Texts  `json:"texts"`
}

// Texts are the texts of a code in each locale. They marshal as an object
// whose keys keep the bundle's order of locales, zh-CN first: a map's keys
// would come out sorted, en-US before zh-CN.
type Texts []LocaleTexts

// LocaleTexts are a code's texts in one locale.
type LocaleTexts struct {
	Locale string
	Text   Text
}

// Text is a message's texts in one locale; Lang names the locale that
// served User, which differs from the locale where it lacks the text.
type Text struct {
	Lang   string `json:"lang"`
	User   string `json:"user"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Remedy string `json:"remedy"`
}

// NewSideBySide returns every code of C's table in every locale of b.
func NewSideBySide[C messages.TableCode](b *huiyan.Bundle) SideBySide {
	var zero C
	out := SideBySide{Table: zero.Table().Name(), Langs: b.Locales()}
	for _, c := range Codes[C]() {
		out.Messages = append(out.Messages, NewCompared(b, c))
	}
	return out
}

// NewCompared returns code c in every locale of b.
func NewCompared[C messages.TableCode](b *huiyan.Bundle, c C) Compared {
	tbl := c.Table()
	e, known := tbl.Lookup(int(c))
	jc := Compared{Code: int(c), Name: c.String(), Category: Category(c), Billed: known && e.Billed}
	for _, l := range b.Locales() {
		m := huiyan.LocalizeWith(b, c, l, nil)
		jc.Texts = append(jc.Texts, LocaleTexts{l, Text{m.Lang, m.User, m.Title, m.Detail, m.Remedy}})
	}
	return jc
}

// LookupAll is one code in every locale, with its table: what huiyan
// lookup CODE -lang all -format json prints, and the operator API
// answers. A row of a [SideBySide] is a [Compared] alone, since the
// catalogue names its table once.
type LookupAll struct {
	Table string `json:"table"` // "huiyan" or "faceid"
	Compared
}

// NewLookupAll returns code c in every locale of b, with its table.
func NewLookupAll[C messages.TableCode](b *huiyan.Bundle, c C) LookupAll {
	return LookupAll{Table: c.Table().Name(), Compared: NewCompared(b, c)}
}

// MarshalJSON writes the texts as an object, in the order of the locales.
func (ts Texts) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, t := range ts {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(t.Locale); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(t.Text); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// column is a column of a CSV or Markdown export: its header, and its
// value in the message of a code for lang.
type column[C messages.TableCode] struct {
	header string
	lang   string
	value  func(huiyan.MessageOf[C]) string
}

// Category returns the key of c's category in its table, as locale files
// spell it.
func Category[C messages.TableCode](c C) string {
	tbl := c.Table()
	return tbl.Categories()[tbl.CategoryOf(int(c))].Key
}

// columns returns the columns of a CSV (meta) or Markdown export. For one
// language: the code, known and lang when meta, and the texts. For All:
// the code, and the texts of each locale of b, headed "user (en-US)".
func columns[C messages.TableCode](b *huiyan.Bundle, lang string, meta bool) []column[C] {
	all := lang == All
	codeLang := lang // any language: these columns show the code alone
	if all {
		codeLang = "zh-CN"
	}
	cols := []column[C]{
		{"code", codeLang, func(m huiyan.MessageOf[C]) string { return strconv.Itoa(int(m.Code)) }},
		{"name", codeLang, func(m huiyan.MessageOf[C]) string { return m.Code.String() }},
		{"category", codeLang, func(m huiyan.MessageOf[C]) string { return Category(m.Code) }},
	}
	var zero C
	if billing(zero.Table()) {
		cols = append(cols, column[C]{"billed", codeLang, func(m huiyan.MessageOf[C]) string {
			e, ok := m.Code.Table().Lookup(int(m.Code))
			return strconv.FormatBool(ok && e.Billed)
		}})
	}
	texts := func(lang, suffix string) []column[C] {
		return []column[C]{
			{"user" + suffix, lang, func(m huiyan.MessageOf[C]) string { return m.User }},
			{"title" + suffix, lang, func(m huiyan.MessageOf[C]) string { return m.Title }},
			{"detail" + suffix, lang, func(m huiyan.MessageOf[C]) string { return m.Detail }},
			{"remedy" + suffix, lang, func(m huiyan.MessageOf[C]) string { return m.Remedy }},
		}
	}
	if all {
		for _, l := range b.Locales() {
			cols = append(cols, texts(l, " ("+l+")")...)
		}
		return cols
	}
	if meta {
		cols = append(cols,
			column[C]{"known", lang, func(m huiyan.MessageOf[C]) string { return strconv.FormatBool(m.Known) }},
			column[C]{"lang", lang, func(m huiyan.MessageOf[C]) string { return m.Lang }},
		)
	}
	return append(cols, texts(lang, "")...)
}

// billing reports whether tbl says which results are billed: the FaceID
// table does, the Huiyan table's documentation does not.
func billing(tbl *messages.Table) bool {
	for _, e := range tbl.Entries() {
		if e.Billed {
			return true
		}
	}
	return false
}

// table returns the header and a row per code of C's table.
func table[C messages.TableCode](b *huiyan.Bundle, cols []column[C]) [][]string {
	codes := Codes[C]()
	rows := make([][]string, 1, 1+len(codes))
	for _, col := range cols {
		rows[0] = append(rows[0], col.header)
	}
	for _, c := range codes {
		row := make([]string, len(cols))
		for i, col := range cols {
			row[i] = col.value(huiyan.LocalizeWith(b, c, col.lang, nil))
		}
		rows = append(rows, row)
	}
	return rows
}

// CSV writes the codes of C's table in lang, or with [All] every locale side by
// side, as RFC 4180 CSV that spreadsheets open as it is: Excel takes a file
// for UTF-8 only after a byte order mark, and expects CRLF. A cell that a
// spreadsheet would run as a formula is written as text (see [Cell]).
func CSV[C messages.TableCode](w io.Writer, b *huiyan.Bundle, lang string) error {
	rows := table(b, columns[C](b, lang, true))
	for _, row := range rows {
		for i := range row {
			row[i] = Cell(row[i])
		}
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw.WriteAll(rows)
}

// Cell returns s as a CSV cell that no spreadsheet runs as a formula: a
// text that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, as OWASP's guidance on CSV injection says. Locale
// texts come from deployments' override files, which a spreadsheet user
// did not write.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// markdownCell escapes a text for a cell of a GitHub table, which ends at
// a | and at the end of the line.
var markdownCell = strings.NewReplacer("|", `\|`, "\r\n", "<br>", "\n", "<br>", "\r", "<br>")

// Markdown writes the codes of C's table in lang, or with [All] every locale side
// by side, as a GitHub-flavoured Markdown table.
func Markdown[C messages.TableCode](w io.Writer, b *huiyan.Bundle, lang string) error {
	var sb strings.Builder
	for i, row := range table(b, columns[C](b, lang, false)) {
		sb.WriteString("|")
		for _, cell := range row {
			sb.WriteString(" " + markdownCell.Replace(cell) + " |")
		}
		sb.WriteString("\n")
		if i == 0 {
			sb.WriteString("|" + strings.Repeat(" --- |", len(row)) + "\n")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
