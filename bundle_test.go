package huiyan

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

type seedRow struct {
	code                  messages.Code
	title, detail, remedy string
}

// readSeed parses testdata/huiyan-error-codes.md, a copy of the Huiyan
// error table.
func readSeed(t *testing.T) []seedRow {
	t.Helper()
	f, err := os.Open("testdata/huiyan-error-codes.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []seedRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(strings.Trim(strings.TrimSpace(sc.Text()), "|"), "|")
		if len(cells) != 4 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		n, err := strconv.Atoi(cells[0])
		if err != nil {
			continue
		}
		rows = append(rows, seedRow{messages.Code(n), cells[1], cells[2], cells[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestSeedVerbatim proves that zh-CN, rendered with the default
// parameters, is the Huiyan error table to the letter, and that the
// catalogue has exactly the table's codes.
func TestSeedVerbatim(t *testing.T) {
	rows := readSeed(t)
	if len(rows) != 73 {
		t.Fatalf("the seed has %d codes, want 73", len(rows))
	}
	var codes []messages.Code
	for _, r := range rows {
		codes = append(codes, r.code)
		m := Localize(r.code, "zh-CN")
		if !m.Known || m.Lang != "zh-CN" {
			t.Errorf("code %d: Known, Lang = %v, %q", r.code, m.Known, m.Lang)
		}
		for _, f := range []struct{ name, got, want string }{
			{"title", m.Title, r.title}, {"detail", m.Detail, r.detail}, {"remedy", m.Remedy, r.remedy},
		} {
			if f.got != f.want {
				t.Errorf("code %d %s = %q, want the seed's %q", r.code, f.name, f.got, f.want)
			}
		}
	}
	if !slices.Equal(codes, messages.All()) {
		t.Errorf("seed codes %v\ncatalogue %v", codes, messages.All())
	}
	// Where the table's 错误描述 already speaks plainly to the end user,
	// the user text starts with it, saying 身份证号码 as every user text
	// does; a next step may follow.
	for _, r := range rows {
		switch r.code {
		case 502, 703:
			want := strings.Replace(r.title, "身份证号", "身份证号码", 1)
			if got := Localize(r.code, "zh-CN").User; !strings.HasPrefix(got, want) {
				t.Errorf("code %d user = %q, want it to start with the seed's %q", r.code, got, want)
			}
		}
	}
}

// TestPlainUserTexts checks the user texts for which the table's 错误描述
// is operator wording: each locale says in plain words what happened and
// what to do next. 701 asks the reader to check the number, then sends
// them where the table does, to the office that registered it: a
// household registration office in zh-CN and en-US, and the office that
// issued the document in zh-TW and zh-HK, whose readers mostly hold a
// residence permit, not a household registration.
func TestPlainUserTexts(t *testing.T) {
	jargon := []string{"认证人", "库中", "用户注册", "重新操作", "匹配错误", "戶籍"}
	tests := []struct {
		name string
		code messages.Code
		lang string
		next string // the next step the text must give
	}{
		{"501 zh-CN", 501, "zh-CN", "请重新上传本人身份证"},
		{"501 en-US", 501, "en-US", "Please upload your own ID card."},
		{"501 zh-TW", 501, "zh-TW", "請重新上傳本人身分證"},
		{"501 zh-HK", 501, "zh-HK", "請重新上載本人身份證"},
		{"701 zh-CN", 701, "zh-CN", "请核对号码后重试；如号码无误，请到户籍所在地派出所核实"},
		{"701 en-US", 701, "en-US", "Check it, or have your household registration office verify it."},
		{"701 zh-TW", 701, "zh-TW", "請確認號碼後再試一次；如號碼無誤，請向證件上的簽發機關查詢"},
		{"701 zh-HK", 701, "zh-HK", "請核對號碼後重試；如號碼無誤，請向證件上的簽發機關查詢"},
		{"705 zh-CN", 705, "zh-CN", "请核对后重试"},
		{"705 en-US", 705, "en-US", "Please check and try again."},
		{"705 zh-TW", 705, "zh-TW", "請確認後再試一次"},
		{"705 zh-HK", 705, "zh-HK", "請核對後重試"},
		// 827 gives the way out of 825, whose photo cannot be had either.
		{"827 zh-CN", 827, "zh-CN", "请联系客服，了解其他认证方式"},
		{"827 en-US", 827, "en-US", "Please contact customer support for other ways to verify."},
		{"827 zh-TW", 827, "zh-TW", "請聯絡客服，了解其他認證方式"},
		{"827 zh-HK", 827, "zh-HK", "請聯絡客戶服務，查詢其他認證方式"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Localize(tt.code, tt.lang)
			if m.Lang != tt.lang {
				t.Fatalf("served by %s", m.Lang)
			}
			if !strings.HasSuffix(m.User, tt.next) {
				t.Errorf("user = %q, want it to end with the next step %q", m.User, tt.next)
			}
			if tt.code == 827 && !strings.HasSuffix(Localize(825, tt.lang).User, tt.next) {
				t.Errorf("827 and 825 give different ways out")
			}
			for _, j := range jargon {
				if strings.Contains(m.User, j) {
					t.Errorf("user = %q has the operator wording %q", m.User, j)
				}
			}
			if m.User == m.Title {
				t.Errorf("user text is the operator title %q", m.Title)
			}
		})
	}
}

// TestShippedLocalesComplete checks that every shipped locale has every
// code, with its own text for every field zh-CN has.
func TestShippedLocalesComplete(t *testing.T) {
	b := Default()
	if got := b.Locales(); !slices.Equal(got, []string{"zh-CN", "en-US", "zh-HK", "zh-TW"}) {
		t.Errorf("Locales() = %v", got)
	}
	zh := b.locales[0]
	for _, l := range b.locales {
		if !l.complete {
			t.Errorf("%s is not complete", l.name)
		}
		for row, c := range messages.All() {
			for f := range load.NumFields {
				if zh.rows[row].own[f] != nil && l.rows[row].own[f] == nil {
					t.Errorf("%s: code %d has no %s text of its own", l.name, c, load.FieldNames[f])
				}
			}
		}
		for c := range l.cats {
			for f := range load.NumFields {
				if l.cats[c][f] == nil {
					t.Errorf("%s: category %s has no %s text of its own", l.name, messages.Category(c), load.FieldNames[f])
				}
			}
		}
	}
}

// TestParametersRenderAsGoI18n checks the rendering of LocalizeWith
// against go-i18n's Localizer for every code with a parameter.
func TestParametersRenderAsGoI18n(t *testing.T) {
	ib := i18n.NewBundle(load.CanonicalTag)
	ib.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, lang := range Default().Locales() { // the Huiyan table's files: another table's IDs would collide
		if _, err := ib.LoadMessageFileFS(locales.FS, lang+".toml"); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range Default().Locales() {
		lz := i18n.NewLocalizer(ib, lang)
		for _, c := range messages.All() {
			p, ok := c.Param()
			if !ok {
				continue
			}
			for _, n := range []int{0, 1, 2, 3, 5, 11, 21, 100, 101, 1000, 1001} {
				m := LocalizeWith(Default(), c, lang, map[string]int{p.Name: n})
				for f, got := range map[string]string{"user": m.User, "title": m.Title, "detail": m.Detail, "remedy": m.Remedy} {
					// go-i18n reports a missing plural form with the text
					// of the form other: the text is what counts.
					want, _ := lz.Localize(&i18n.LocalizeConfig{
						MessageID:    fmt.Sprintf("%d.%s", c, f),
						TemplateData: map[string]any{p.Name: n},
						PluralCount:  n,
					})
					if got != want {
						t.Errorf("%s %d %s with %s=%d: huiyan %q, go-i18n %q", lang, c, f, p.Name, n, got, want)
					}
				}
			}
		}
	}
}

// TestLoadErrors checks that each kind of bad locale file fails to load
// with an error that names the file, the line and the problem.
func TestLoadErrors(t *testing.T) {
	zh := string(shippedFS(t)["zh-CN.toml"].Data)
	tests := []struct {
		name  string
		files map[string]string // replaces the shipped files; "" removes one
		want  string
	}{
		{"TOML syntax", map[string]string{"en-US.toml": "[655]\nuser = \"unterminated\ntitle = \"x\"\n"},
			"huiyan: en-US.toml:2: invalid TOML"},
		{"TOML syntax at end", map[string]string{"en-US.toml": "[655]\nuser = \"x\"\ntitle = \"unterminated"},
			"huiyan: en-US.toml:3: invalid TOML"},
		{"unknown code", map[string]string{"en-US.toml": "[655]\nuser = \"x\"\n\n[999]\nuser = \"y\"\n"},
			"huiyan: en-US.toml:4: code 999 is not in the catalogue"},
		{"code not a number", map[string]string{"en-US.toml": "[liveness]\nuser = \"x\"\n"},
			"huiyan: en-US.toml:1: unexpected key \"liveness\""},
		{"padded code", map[string]string{"en-US.toml": "[0655]\nuser = \"x\"\n"},
			"huiyan: en-US.toml:1: unexpected key \"0655\""},
		{"unknown field", map[string]string{"en-US.toml": "[655]\nuser = \"x\"\nusr = \"y\"\n"},
			"huiyan: en-US.toml:3: unknown field \"usr\" in code 655"},
		{"unknown category", map[string]string{"en-US.toml": "[category.face]\nuser = \"x\"\n"},
			"huiyan: en-US.toml:1: unknown category \"face\""},
		{"duplicate message ID", map[string]string{"en-US.toml": "\"655.user\" = \"x\"\n\n[655]\nuser = \"y\"\n"},
			"is defined twice (first on line"},
		{"reserved key mixed in", map[string]string{"en-US.toml": "[655]\ndescription = \"face\"\nuser = \"y\"\n"},
			"huiyan: en-US.toml:1: [655] mixes go-i18n's reserved keys (description) with texts (user)"},
		{"reserved key not allowed", map[string]string{"en-US.toml": "[655.user]\nid = \"x\"\nother = \"y\"\n"},
			"huiyan: en-US.toml:2: 655.user: key \"id\" is not allowed"},
		{"plural table without other", map[string]string{"en-US.toml": "[305.detail]\none = \"{{.Minutes}} minute\"\n"},
			"huiyan: en-US.toml:1: 305.detail: a table of plural forms needs the form other"},
		{"plural forms without a count", map[string]string{"en-US.toml": "[655.user]\none = \"a\"\nother = \"b\"\n"},
			"huiyan: en-US.toml:1: 655.user: plural forms need a count, and code 655 has none"},
		{"not a string", map[string]string{"en-US.toml": "[655]\nuser = 5\n"},
			"huiyan: en-US.toml:2: 655.user: want a string or a table, not a TOML integer"},
		{"template does not parse", map[string]string{"en-US.toml": "[305]\nuser = \"wait {{.Minutes\"\n"},
			"huiyan: en-US.toml:2: 305.user: template does not parse"},
		{"template parameter the code lacks", map[string]string{"en-US.toml": "[305]\n\nuser = \"wait {{.Seconds}}\"\n"},
			"huiyan: en-US.toml:3: 305.user: {{.Seconds}} is not a parameter of code 305 (it has Code, Minutes)"},
		{"template that does more than insert", map[string]string{"en-US.toml": "[305]\nuser = \"{{if .Minutes}}soon{{end}}\"\n"},
			"huiyan: en-US.toml:2: 305.user: {{if .Minutes}}soon{{end}}: a text may only insert parameters, such as {{.Minutes}}"},
		{"template that defines templates", map[string]string{"en-US.toml": "[655]\nuser = \"{{define \\\"x\\\"}}y{{end}}Move back.\"\n"},
			"huiyan: en-US.toml:2: 655.user: {{define}}: a text may only insert parameters"},
		{"template that renders empty", map[string]string{"en-US.toml": "[655]\nuser = \"{{/* nothing */}}\"\n"},
			"huiyan: en-US.toml:2: 655.user: the text renders empty"},
		{"category title without the code", map[string]string{"en-US.toml": "[category.sms]\ntitle = \"SMS error\"\n"},
			"huiyan: en-US.toml:2: category.sms.title: the title of a category must show the code"},
		{"two files for one locale", map[string]string{"en_US.toml": "[655]\nuser = \"x\"\n"},
			"locale en-US is also defined by"},
		{"canonical locale missing", map[string]string{"zh-CN.toml": ""},
			"huiyan: zh-CN.toml: the canonical locale zh-CN is missing"},
		{"canonical locale lacks a text", map[string]string{"zh-CN.toml": strings.Replace(zh, "[655]\nuser = ", "[655]\n# user = ", 1)},
			": code 655 (FaceTooClose) has no user text"},
		{"canonical locale lacks a category", map[string]string{"zh-CN.toml": strings.Replace(zh, "[category.sms]", "[category_sms]", 1)},
			"huiyan: zh-CN.toml:"},
		{"no plural rules for the language", map[string]string{"tlh.toml": "[655]\nuser = \"x\"\n"},
			"huiyan: tlh.toml:1: locale tlh cannot be loaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := shippedFS(t)
			for name, data := range tt.files {
				if data == "" {
					delete(m, name)
				} else {
					m[name] = &fstest.MapFile{Data: []byte(data)}
				}
			}
			b, err := NewBundle(m)
			if err == nil {
				t.Fatalf("NewBundle succeeded, want an error containing %q", tt.want)
			}
			if b != nil {
				t.Error("NewBundle returned a bundle with its error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.File == "" {
				t.Errorf("error %v is not a *FileError with a file", err)
			}
		})
	}
}

func TestLoadErrorUnwrapsTOML(t *testing.T) {
	_, err := NewBundle(fstest.MapFS{"zh-CN.toml": {Data: []byte("[655\n")}})
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v does not wrap a toml.ParseError", err)
	}
}

func TestLoadErrorNilFS(t *testing.T) {
	_, err := NewBundle(locales.FS, nil)
	if err == nil || !strings.Contains(err.Error(), "huiyan: fsys[1]: nil file system") {
		t.Errorf("error = %v", err)
	}
}

func TestLoadErrorDirectory(t *testing.T) {
	_, err := NewBundle(os.DirFS("testdata/no-such-directory"))
	if err == nil || !strings.Contains(err.Error(), "cannot read the locale directory") {
		t.Errorf("error = %v", err)
	}
}

// TestLayers checks that a later file system changes single messages of
// an earlier one and adds locales.
func TestLayers(t *testing.T) {
	deploy := fstest.MapFS{
		"en-US.toml": {Data: []byte("[604]\nuser = \"Please try again in better light.\"\n")},
		"ja-JP.toml": {Data: []byte("[604]\nuser = \"明るい場所でもう一度お試しください。\"\n")},
	}
	b, err := NewBundle(locales.FS, deploy)
	if err != nil {
		t.Fatal(err)
	}
	m := b.Localize(messages.SimilarityTooLow, "en")
	if m.User != "Please try again in better light." {
		t.Errorf("User = %q, want the deployment's text", m.User)
	}
	if m.Title != Localize(messages.SimilarityTooLow, "en").Title {
		t.Errorf("Title = %q, want the shipped one", m.Title)
	}
	if got := b.Localize(messages.SimilarityTooLow, "ja").Lang; got != "ja-JP" {
		t.Errorf("ja served by %q, want ja-JP", got)
	}
}

// TestUniformIdentity checks the shipped layer that answers every failed
// identity check alike, in every shipped locale, while the operator texts
// still tell the five apart. 704 (no photo on record) is among them: it
// would tell a caller that the identity exists.
func TestUniformIdentity(t *testing.T) {
	b, err := NewBundle(locales.FS, locales.UniformIdentity)
	if err != nil {
		t.Fatal(err)
	}
	var codes []messages.Code
	for _, c := range locales.UniformIdentityCodes() {
		codes = append(codes, messages.Code(c))
	}
	for _, l := range Default().Locales() {
		t.Run(l, func(t *testing.T) {
			first := b.Localize(codes[0], l)
			if first.Lang != l {
				t.Errorf("%d in %s is served by %s: the layer lacks the locale", codes[0], l, first.Lang)
			}
			operator := map[[2]string]bool{}
			for _, c := range codes {
				m, shipped := b.Localize(c, l), Default().Localize(c, l)
				if m.User != first.User {
					t.Errorf("%d: user %q, want the same as %d's %q", c, m.User, codes[0], first.User)
				}
				if m.Title != shipped.Title || m.Detail != shipped.Detail {
					t.Errorf("%d: the layer changed the operator texts", c)
				}
				operator[[2]string{m.Title, m.Detail}] = true
			}
			if len(operator) != len(codes) {
				t.Errorf("operator texts %v: want the %d told apart", operator, len(codes))
			}
			for _, c := range messages.All() {
				if !slices.Contains(codes, c) && b.Localize(c, l).User != Default().Localize(c, l).User {
					t.Errorf("%d: the layer changed the user text of a code outside the identity check", c)
				}
			}
		})
	}
}

// TestStrayFiles checks that a *.toml not named for a locale is skipped
// and never stops a load (package lint tests its warning); two files for
// one locale still do.
func TestStrayFiles(t *testing.T) {
	stray := fstest.MapFS{
		"backup.toml":       {Data: []byte("[655]\nuser = \"old\"\n")},
		"en-US.bak.toml":    {Data: []byte("not TOML at all")},
		"en-US (copy).toml": {Data: []byte("[655]\nuser = \"copy\"\n")},
		"und.toml":          {Data: []byte("[655]\nuser = \"und\"\n")},
		"x-private.toml":    {Data: []byte("")},
		"en-US.toml":        {Data: []byte("[655]\nuser = \"The override.\"\n")},
	}
	b, err := NewBundle(locales.FS, stray)
	if err != nil {
		t.Fatalf("NewBundle: %v", err)
	}
	if got := b.Localize(messages.FaceTooClose, "en").User; got != "The override." {
		t.Errorf("User = %q, want the override", got)
	}
	twice := fstest.MapFS{
		"en-US.toml": {Data: []byte("[655]\nuser = \"a\"\n")},
		"en-us.toml": {Data: []byte("[655]\nuser = \"b\"\n")},
	}
	if _, err := NewBundle(locales.FS, twice); err == nil || !strings.Contains(err.Error(), "locale en-US is also defined by en-US.toml") {
		t.Errorf("two files for en-US: %v", err)
	}
}

// TestFileSizeBound checks that a file over load.MaxFileSize is refused by
// name and bound, and one at the bound is read.
func TestFileSizeBound(t *testing.T) {
	pad := func(n int) []byte {
		data := []byte("[655]\nuser = \"x\"\n")
		return append(data, bytes.Repeat([]byte("#"), n-len(data))...)
	}
	if _, err := NewBundle(locales.FS, fstest.MapFS{"en-US.toml": {Data: pad(load.MaxFileSize)}}); err != nil {
		t.Errorf("a file of load.MaxFileSize bytes: %v", err)
	}
	_, err := NewBundle(locales.FS, fstest.MapFS{"en-US.toml": {Data: pad(3 << 20)}})
	want := "huiyan: en-US.toml: the file is 3145728 bytes, over the bound of 1048576 bytes (1 MiB) for a locale file"
	if err == nil || err.Error() != want {
		t.Errorf("a 3 MiB file: %v, want %q", err, want)
	}
}

// TestDefaultFirstUse calls each package-level entry point first, before
// anything has built the default bundle: each builds it once, and every
// later call serves that same bundle.
func TestDefaultFirstUse(t *testing.T) {
	tests := []struct {
		name string
		call func() string // a user text, or "" for a nil Default
	}{
		{"Default", func() string {
			if b := Default(); b != nil {
				return b.Localize(messages.SimilarityTooLow, "en").User
			}
			return ""
		}},
		{"Localize", func() string { return Localize(messages.SimilarityTooLow, "en").User }},
	}
	built := Default()
	t.Cleanup(func() { defaultPtr.Store(built) })
	want := built.Localize(messages.SimilarityTooLow, "en").User
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defaultPtr.Store(nil)
			if got := tt.call(); got != want {
				t.Fatalf("first call: User %q, want %q", got, want)
			}
			first := defaultPtr.Load()
			if first == nil || Default() != first || Default() != first {
				t.Fatal("later calls do not serve the bundle the first call built")
			}
		})
	}
}
