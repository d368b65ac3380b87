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

// Catalogue is every code of a bundle in one language.
type Catalogue struct {
	Lang     string           `json:"lang"` // the locale that lang matched
	Messages []huiyan.Message `json:"messages"`
}

// NewCatalogue returns every code of the catalogue, in ascending order,
// localized for lang.
func NewCatalogue(b *huiyan.Bundle, lang string) Catalogue {
	codes := messages.All()
	out := Catalogue{Lang: b.Match(lang), Messages: make([]huiyan.Message, len(codes))}
	for i, c := range codes {
		out.Messages[i] = b.Localize(c, lang)
	}
	return out
}

// SideBySide is every code of a bundle in every locale.
type SideBySide struct {
	Langs    []string   `json:"langs"` // the locales, zh-CN first
	Messages []Compared `json:"messages"`
}

// Compared is one code in every locale.
type Compared struct {
	Code     int    `json:"code"`
	Name     string `json:"name"`
	Category string `json:"category"`
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

// NewSideBySide returns every code of the catalogue in every locale of b.
func NewSideBySide(b *huiyan.Bundle) SideBySide {
	out := SideBySide{Langs: b.Locales()}
	for _, c := range messages.All() {
		out.Messages = append(out.Messages, NewCompared(b, c))
	}
	return out
}

// NewCompared returns code c in every locale of b.
func NewCompared(b *huiyan.Bundle, c messages.Code) Compared {
	jc := Compared{Code: int(c), Name: c.String(), Category: c.Category().String()}
	for _, l := range b.Locales() {
		m := b.Localize(c, l)
		jc.Texts = append(jc.Texts, LocaleTexts{l, Text{m.Lang, m.User, m.Title, m.Detail, m.Remedy}})
	}
	return jc
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
type column struct {
	header string
	lang   string
	value  func(huiyan.Message) string
}

// columns returns the columns of a CSV (meta) or Markdown export. For one
// language: the code, known and lang when meta, and the texts. For All:
// the code, and the texts of each locale of b, headed "user (en-US)".
func columns(b *huiyan.Bundle, lang string, meta bool) []column {
	all := lang == All
	codeLang := lang // any language: these columns show the code alone
	if all {
		codeLang = "zh-CN"
	}
	cols := []column{
		{"code", codeLang, func(m huiyan.Message) string { return strconv.Itoa(int(m.Code)) }},
		{"name", codeLang, func(m huiyan.Message) string { return m.Code.String() }},
		{"category", codeLang, func(m huiyan.Message) string { return m.Code.Category().String() }},
	}
	texts := func(lang, suffix string) []column {
		return []column{
			{"user" + suffix, lang, func(m huiyan.Message) string { return m.User }},
			{"title" + suffix, lang, func(m huiyan.Message) string { return m.Title }},
			{"detail" + suffix, lang, func(m huiyan.Message) string { return m.Detail }},
			{"remedy" + suffix, lang, func(m huiyan.Message) string { return m.Remedy }},
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
			column{"known", lang, func(m huiyan.Message) string { return strconv.FormatBool(m.Known) }},
			column{"lang", lang, func(m huiyan.Message) string { return m.Lang }},
		)
	}
	return append(cols, texts(lang, "")...)
}

// table returns the header and a row per code of the catalogue.
func table(b *huiyan.Bundle, cols []column) [][]string {
	codes := messages.All()
	rows := make([][]string, 1, 1+len(codes))
	for _, col := range cols {
		rows[0] = append(rows[0], col.header)
	}
	for _, c := range codes {
		row := make([]string, len(cols))
		for i, col := range cols {
			row[i] = col.value(b.Localize(c, col.lang))
		}
		rows = append(rows, row)
	}
	return rows
}

// CSV writes the catalogue in lang, or with [All] every locale side by
// side, as RFC 4180 CSV that spreadsheets open as it is: Excel takes a file
// for UTF-8 only after a byte order mark, and expects CRLF. A cell that a
// spreadsheet would run as a formula is written as text (see [Cell]).
func CSV(w io.Writer, b *huiyan.Bundle, lang string) error {
	rows := table(b, columns(b, lang, true))
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

// Markdown writes the catalogue in lang, or with [All] every locale side
// by side, as a GitHub-flavoured Markdown table.
func Markdown(w io.Writer, b *huiyan.Bundle, lang string) error {
	var sb strings.Builder
	for i, row := range table(b, columns(b, lang, false)) {
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
