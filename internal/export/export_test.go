package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

func TestCell(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Please try again.", "Please try again."},
		{"empty", "", ""},
		{"formula", "=1+1", "'=1+1"},
		{"plus", "+1", "'+1"},
		{"minus", "-1", "'-1"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"inside is fine", "a=b", "a=b"},
		{"Chinese", "请重试", "请重试"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cell(tt.in); got != tt.want {
				t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestJSON checks the shapes export writes: one line, HTML characters as
// they are, and the locales of a side-by-side export in the bundle's
// order.
func TestJSON(t *testing.T) {
	b := huiyan.Default()
	var buf bytes.Buffer
	if err := JSON(&buf, NewCatalogue[messages.Code](b, "en")); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.HasPrefix(s, `{"table":"huiyan","lang":"en-US","messages":[{"table":"huiyan","code":0,"name":"Success",`) || strings.Count(s, "\n") != 1 {
		t.Errorf("catalogue: %.80s", s)
	}
	buf.Reset()
	if err := JSON(&buf, huiyan.Message{Code: 1, User: "<b>&</b>"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"user":"<b>&</b>"`) {
		t.Errorf("HTML characters escaped: %s", buf.String())
	}
	c := NewCompared(b, messages.FaceTooClose)
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, l := range b.Locales() {
		i := bytes.Index(data, []byte(`"`+l+`":{`))
		if i <= last {
			t.Errorf("locale %s out of order in %s", l, data)
		}
		last = i
	}
}

// TestLookupAll checks what lookup -lang all prints: the code's table
// first, then the code in every locale as a side-by-side row has it.
func TestLookupAll(t *testing.T) {
	b := huiyan.Default()
	tests := []struct {
		name string
		got  LookupAll
		row  Compared
		want string
	}{
		{"Huiyan 302", NewLookupAll(b, messages.Code(302)), NewCompared(b, messages.Code(302)), `{"table":"huiyan","code":302,"name":"SMSRateLimited",`},
		{"FaceID 302", NewLookupAll(b, faceid.IDCardExpired), NewCompared(b, faceid.IDCardExpired), `{"table":"faceid","code":302,"name":"IDCardExpired",`},
		{"FaceID 2016, billed", NewLookupAll(b, faceid.SimilarityTooLow), NewCompared(b, faceid.SimilarityTooLow), `{"table":"faceid","code":2016,"name":"SimilarityTooLow","category":"image_comparison","billed":true,`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, row bytes.Buffer
			if err := JSON(&got, tt.got); err != nil {
				t.Fatal(err)
			}
			if err := JSON(&row, tt.row); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(got.String(), tt.want) {
				t.Errorf("%.120s, want it to start %s", got.String(), tt.want)
			}
			if rest, ok := strings.CutPrefix(got.String(), `{"table":"`+tt.got.Table+`",`); !ok || "{"+rest != row.String() {
				t.Errorf("%.120s is not the side-by-side row %.120s with its table", got.String(), row.String())
			}
		})
	}
}

// bundleWithTexts returns the shipped bundle with en-US's 655 user and
// title texts replaced.
func bundleWithTexts(t *testing.T, user, title string) *huiyan.Bundle {
	t.Helper()
	toml := fmt.Sprintf("[655]\nuser = %q\ntitle = %q\n", user, title)
	b, err := huiyan.NewBundle(locales.FS, fstest.MapFS{"en-US.toml": {Data: []byte(toml)}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCSV checks the CSV a spreadsheet opens: a byte order mark, CRLF, a
// header, a row per code in the catalogue's order with the texts Localize
// gives, and formulas written as text.
func TestCSV(t *testing.T) {
	b := bundleWithTexts(t, "=HYPERLINK(\"x\")", "Too close, \"really\"")
	tests := []struct {
		name, lang string
		header     []string
		row655     func() []string
	}{
		{"one language", "en", []string{"code", "name", "category", "known", "lang", "user", "title", "detail", "remedy"}, func() []string {
			m := b.Localize(messages.FaceTooClose, "en")
			return []string{"655", "FaceTooClose", "liveness", "true", "en-US", "'" + m.User, m.Title, m.Detail, m.Remedy}
		}},
		{"every locale", All, sideBySideHeader(b, "code", "name", "category"), func() []string {
			row := []string{"655", "FaceTooClose", "liveness"}
			for _, l := range b.Locales() {
				m := b.Localize(messages.FaceTooClose, l)
				row = append(row, Cell(m.User), m.Title, m.Detail, m.Remedy)
			}
			return row
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := CSV[messages.Code](&buf, b, tt.lang); err != nil {
				t.Fatal(err)
			}
			s, ok := strings.CutPrefix(buf.String(), "\uFEFF")
			if !ok || !strings.HasSuffix(s, "\r\n") || strings.Count(s, "\r\n") != strings.Count(s, "\n") {
				t.Errorf("want a byte order mark and CRLF line ends: %.80q", buf.String())
			}
			rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1+len(messages.All()) || !slices.Equal(rows[0], tt.header) {
				t.Fatalf("%d rows, header %q; want %d rows, header %q", len(rows), rows[0], 1+len(messages.All()), tt.header)
			}
			i := 1 + messages.FaceTooClose.Index()
			if want := tt.row655(); !slices.Equal(rows[i], want) {
				t.Errorf("row of 655:\n%q\nwant:\n%q", rows[i], want)
			}
			if rows[1][0] != "0" || rows[len(rows)-1][0] != strconv.Itoa(int(messages.All()[len(messages.All())-1])) {
				t.Errorf("first and last codes %s, %s", rows[1][0], rows[len(rows)-1][0])
			}
		})
	}
}

// TestMarkdown checks the GitHub table: a header, its separator once, a
// row per code, and the characters that would end a cell escaped.
func TestMarkdown(t *testing.T) {
	b := bundleWithTexts(t, "Move back | a little.", "Too close\nto the screen")
	m := b.Localize(messages.FaceTooClose, "en")
	tests := []struct {
		name, lang string
		header     []string
		row655     string
	}{
		{"one language", "en", []string{"code", "name", "category", "user", "title", "detail", "remedy"},
			"| 655 | FaceTooClose | liveness | Move back \\| a little. | Too close<br>to the screen | " + m.Detail + " | " + m.Remedy + " |"},
		{"every locale", All, sideBySideHeader(b, "code", "name", "category"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown[messages.Code](&buf, b, tt.lang); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if len(lines) != 2+len(messages.All()) {
				t.Fatalf("%d lines, want %d", len(lines), 2+len(messages.All()))
			}
			if want := "| " + strings.Join(tt.header, " | ") + " |"; lines[0] != want {
				t.Errorf("header %q, want %q", lines[0], want)
			}
			if want := "|" + strings.Repeat(" --- |", len(tt.header)); lines[1] != want {
				t.Errorf("separator %q, want %q", lines[1], want)
			}
			for _, l := range lines[2:] {
				if strings.Contains(l, "---") {
					t.Errorf("a separator among the rows: %q", l)
				}
			}
			row := lines[2+messages.FaceTooClose.Index()]
			if tt.row655 != "" && row != tt.row655 {
				t.Errorf("row of 655:\n%q\nwant:\n%q", row, tt.row655)
			}
			if !strings.HasPrefix(row, "| 655 | FaceTooClose | liveness | ") {
				t.Errorf("row of 655: %q", row)
			}
		})
	}
}

// sideBySideHeader returns the header of an export of every locale of b.
func sideBySideHeader(b *huiyan.Bundle, first ...string) []string {
	h := first
	for _, l := range b.Locales() {
		for _, f := range []string{"user", "title", "detail", "remedy"} {
			h = append(h, f+" ("+l+")")
		}
	}
	return h
}

// TestSideBySide checks every code in every locale, zh-CN first, each
// text with the locale that served it.
func TestSideBySide(t *testing.T) {
	b := bundleWithTexts(t, "Move back.", "Too close")
	s := NewSideBySide[messages.Code](b)
	if !slices.Equal(s.Langs, b.Locales()) || s.Langs[0] != "zh-CN" {
		t.Errorf("Langs = %q, want %q", s.Langs, b.Locales())
	}
	if len(s.Messages) != len(messages.All()) {
		t.Fatalf("%d messages, want %d", len(s.Messages), len(messages.All()))
	}
	c := s.Messages[messages.FaceTooClose.Index()]
	if c.Code != 655 || c.Name != "FaceTooClose" || c.Category != "liveness" || len(c.Texts) != len(s.Langs) {
		t.Errorf("655 = %+v", c)
	}
	for i, lt := range c.Texts {
		m := b.Localize(messages.FaceTooClose, s.Langs[i])
		if want := (LocaleTexts{s.Langs[i], Text{m.Lang, m.User, m.Title, m.Detail, m.Remedy}}); lt != want {
			t.Errorf("texts %d = %+v, want %+v", i, lt, want)
		}
	}
	cat := NewCatalogue[messages.Code](b, "en-GB")
	if cat.Lang != "en-US" || len(cat.Messages) != len(messages.All()) || cat.Messages[messages.FaceTooClose.Index()].User != "Move back." {
		t.Errorf("catalogue for en-GB: %s, %d messages", cat.Lang, len(cat.Messages))
	}
}

// TestFaceIDExports checks the exports of the FaceID table: its name, its
// codes, and the billed column and member that only a table with billing
// has.
func TestFaceIDExports(t *testing.T) {
	b := huiyan.Default()
	c := NewCatalogue[faceid.Code](b, "en")
	if c.Table != "faceid" || len(c.Messages) != len(faceid.Table.Entries()) || c.Messages[0].Code != faceid.Success {
		t.Errorf("catalogue: table %q, %d messages", c.Table, len(c.Messages))
	}
	sb := NewSideBySide[faceid.Code](b)
	if sb.Table != "faceid" || len(sb.Messages) != len(faceid.Table.Entries()) {
		t.Errorf("side by side: table %q, %d messages", sb.Table, len(sb.Messages))
	}
	for _, m := range sb.Messages {
		if m.Billed != faceid.Code(m.Code).Billed() {
			t.Errorf("%d: billed %v", m.Code, m.Billed)
		}
	}
	var buf bytes.Buffer
	if err := CSV[faceid.Code](&buf, b, "en-US"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0][:5], []string{"code", "name", "category", "billed", "known"}) {
		t.Errorf("header %q", rows[0])
	}
	for _, row := range rows[1:] {
		n, _ := strconv.Atoi(row[0])
		if row[3] != strconv.FormatBool(faceid.Code(n).Billed()) {
			t.Errorf("row %q: billed %q", row[0], row[3])
		}
	}
	buf.Reset()
	if err := CSV[messages.Code](&buf, b, "en-US"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.SplitN(buf.String(), "\n", 2)[0], "billed") {
		t.Error("the Huiyan table, which says nothing of billing, has a billed column")
	}
}
