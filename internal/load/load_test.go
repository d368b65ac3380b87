package load

import (
	"embed"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestLoadProblems checks what stops the shipped locales with one file
// laid over them from loading, and where it is said to be: nothing for a
// file that is fine, else each problem with its file and line.
func TestLoadProblems(t *testing.T) {
	long := strings.Repeat("a", MaxTextSize)
	tests := []struct {
		name string
		file *string // en-US.toml laid over the shipped locales, if any
		want []string
	}{
		{"the shipped locales", nil, nil},
		{"an empty file", en(""), nil},
		{"a text of MaxTextSize bytes", en("[655]\nuser = \"" + long + "\"\n"), nil},
		{"a text over MaxTextSize bytes", en("[655]\nuser = \"" + long + "a\"\n"),
			[]string{"huiyan: en-US.toml:2: 655.user is 4097 bytes long, over the bound of 4096 bytes for a text"}},
		{"a bidirectional control first", en("[655]\nuser = \"\\u202ETOOLS\"\n"),
			[]string{"huiyan: en-US.toml:2: 655.user has the bidirectional control U+202E, which makes text show in another order than it reads; remove it"}},
		{"U+202A", en("[655]\nuser = \"a\\u202Ab\"\n"), []string{"huiyan: en-US.toml:2: 655.user has the bidirectional control U+202A, which makes text show in another order than it reads; remove it"}},
		{"U+2066", en("[655]\nuser = \"a\\u2066b\"\n"), []string{"huiyan: en-US.toml:2: 655.user has the bidirectional control U+2066, which makes text show in another order than it reads; remove it"}},
		{"U+2069", en("[655]\nuser = \"a\\u2069b\"\n"), []string{"huiyan: en-US.toml:2: 655.user has the bidirectional control U+2069, which makes text show in another order than it reads; remove it"}},
		{"the characters next to the controls", en("[655]\nuser = \"a\\u2029\\u202F\\u2065\\u206A\"\n"), nil},
		{"a control in a plural form, on its line", en("[305.detail]\none = \"\\u202E{{.Minutes}}\"\nother = \"{{.Minutes}}\"\n"),
			[]string{"huiyan: en-US.toml:2: 305.detail has the bidirectional control U+202E, which makes text show in another order than it reads; remove it"}},
		{"category title without the code", en("[category.sms]\ntitle = \"SMS error\"\n"),
			[]string{"huiyan: en-US.toml:2: category.sms.title: the title of a category must show the code, {{.Code}}"}},
		{"plural table without other", en("[305.detail]\none = \"{{.Minutes}} minute\"\n"),
			[]string{"huiyan: en-US.toml:1: 305.detail: a table of plural forms needs the form other"}},
		{"a template that does more than insert", en("[305]\nuser = \"{{if .Minutes}}soon{{end}}\"\n"),
			[]string{"huiyan: en-US.toml:2: 305.user: {{if .Minutes}}soon{{end}}: a text may only insert parameters, such as {{.Minutes}}"}},
		{"a template that renders empty", en("[655]\nuser = \"{{/* nothing */}}\"\n"),
			[]string{"huiyan: en-US.toml:2: 655.user: the text renders empty"}},
		{"a comment in a text", en("[655]\nuser = \"Move back.{{/* a note */}}\"\n"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := []fs.FS{locales.FS}
			if tt.file != nil {
				fsys = append(fsys, fstest.MapFS{"en-US.toml": {Data: []byte(*tt.file)}})
			}
			if got := problemStrings(Load(messages.Huiyan, Layers(fsys)).Problems); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestLoadCanonicalMissing checks that a load without the canonical
// locale says so, unless its file is there and broken: then the file's
// own problem says what is wrong.
func TestLoadCanonicalMissing(t *testing.T) {
	const missing = "huiyan: zh-CN.toml: the canonical locale zh-CN is missing: every code needs its texts there"
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"no canonical file", fstest.MapFS{"en-US.toml": {Data: []byte("[655]\nuser = \"x\"\n")}}, []string{missing}},
		{"a broken canonical file", fstest.MapFS{"zh-CN.toml": {Data: []byte("[655\n")}},
			[]string{"huiyan: zh-CN.toml:1: invalid TOML: expected '.' or ']' to end table name, but got '\\n' instead"}},
		{"another broken file", fstest.MapFS{"en-US.toml": {Data: []byte("[655\n")}},
			[]string{"huiyan: en-US.toml:1: invalid TOML: expected '.' or ']' to end table name, but got '\\n' instead", missing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemStrings(Load(messages.Huiyan, Layers([]fs.FS{tt.files})).Problems); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestLoadLanguageWithoutPluralRules checks that a locale of a language
// go-i18n has no plural rules for does not load, with a script or not.
func TestLoadLanguageWithoutPluralRules(t *testing.T) {
	for _, name := range []string{"tlh", "tlh-Latn"} {
		t.Run(name, func(t *testing.T) {
			ps := Load(messages.Huiyan, Layers([]fs.FS{locales.FS, fstest.MapFS{name + ".toml": {Data: []byte("[655]\nuser = \"x\"\n")}}})).Problems
			want := "huiyan: " + name + ".toml:1: locale " + name + " cannot be loaded"
			if got := problemStrings(ps); len(got) != 1 || !strings.HasPrefix(got[0], want) {
				t.Errorf("problems %q, want one starting %q", got, want)
			}
		})
	}
}

// TestGoI18nAskedPerLanguage checks that go-i18n is asked about the
// language of a tag it has rules for, not about each tag: each tag it is
// asked about costs a build time.
func TestGoI18nAskedPerLanguage(t *testing.T) {
	tests := []struct{ tag, asked, notAsked string }{
		{"sw-KE", "sw", "sw-KE"},
		{"sr-Latn-BA", "sr", "sr-Latn-BA"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if err := goI18nAccepts(language.MustParse(tt.tag)); err != nil {
				t.Fatal(err)
			}
			if _, ok := goI18nVerdicts.Load(language.MustParse(tt.asked)); !ok {
				t.Errorf("go-i18n was not asked about %s", tt.asked)
			}
			if _, ok := goI18nVerdicts.Load(language.MustParse(tt.notAsked)); ok {
				t.Errorf("go-i18n was asked about %s", tt.notAsked)
			}
		})
	}
}

// grownFS is a file system whose files have grown since they were
// listed: Stat reports the size they had.
type grownFS struct {
	fstest.MapFS
	size int64
}

type grownInfo struct {
	fs.FileInfo
	size int64
}

func (i grownInfo) Size() int64 { return i.size }

func (g grownFS) Stat(name string) (fs.FileInfo, error) {
	info, err := g.MapFS.Stat(name)
	if err != nil || info.IsDir() {
		return info, err
	}
	return grownInfo{info, g.size}, nil
}

// TestReadGrownFile checks that a file that grew after it was listed is
// read whole, up to the bound of a locale file, and refused past it.
func TestReadGrownFile(t *testing.T) {
	big := "[655]\nuser = \"" + strings.Repeat("a", MaxFileSize) + "\"\n"
	tests := []struct {
		name, data string
		want       []string
	}{
		{"grown, under the bound", "[655]\nuser = \"grown\"\n", nil},
		{"grown past the bound", big,
			[]string{"huiyan: en-US.toml: the file is 1048577 bytes, over the bound of 1048576 bytes (1 MiB) for a locale file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := grownFS{fstest.MapFS{"en-US.toml": {Data: []byte(tt.data)}}, 5}
			l := Load(messages.Huiyan, Layers([]fs.FS{locales.FS, g}))
			if got := problemStrings(l.Problems); !slices.Equal(got, tt.want) {
				t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.want == nil {
				if got := localeOf(t, l, "en-US").Texts["655.user"].Forms[plural.Other]; got != "grown" {
					t.Errorf("655.user = %q, want the grown file's", got)
				}
			}
		})
	}
}

// TestLayersPrefix checks the prefix that problems give the files of a
// layer: the shipped locales are named as in the repository.
func TestLayersPrefix(t *testing.T) {
	tests := []struct {
		name string
		fsys []fs.FS
		want string
	}{
		{"none: the shipped locales", nil, "locales/"},
		{"the shipped locales", []fs.FS{locales.FS}, "locales/"},
		{"another embedded file system", []fs.FS{embed.FS{}}, ""},
		{"a directory", []fs.FS{Dir("testdata/x/")}, "testdata/x/"},
		{"a map", []fs.FS{fstest.MapFS{}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Layers(tt.fsys)[0].Prefix; got != tt.want {
				t.Errorf("prefix %q, want %q", got, tt.want)
			}
		})
	}
}

// places loads a small canonical locale, which has the texts of codes 0,
// 4, 5 and 8 and of one category, and fr-FR with those of codes 0 and 3.
func places(t *testing.T) (zh, fr *Locale) {
	t.Helper()
	l := Load(messages.Huiyan, Layers([]fs.FS{fstest.MapFS{
		"zh-CN.toml": {Data: []byte(`[category.general]
user = "通用"
title = "通用 {{.Code}}"

[0]
user = "成功"
title = "成功"
detail = "正确返回"

[4]
title = "四"
user = "四"

[5]
title = "五"

[8]
user = "八"
`)},
		"fr-FR.toml": {Data: []byte("[0]\nuser = \"x\"\n\n[3]\nuser = \"y\"\n")},
	}}))
	return localeOf(t, l, "zh-CN"), localeOf(t, l, "fr-FR")
}

func localeOf(t *testing.T, l *Loaded, tag string) *Locale {
	t.Helper()
	for _, m := range l.Locales {
		if m.Tag.String() == tag {
			return m
		}
	}
	t.Fatalf("no locale %s", tag)
	return nil
}

// TestPlaceOfCode checks where a problem about a code's missing text
// points: to the code's table, else to the nearest code's (the one before
// on a tie), else to the first line of the file.
func TestPlaceOfCode(t *testing.T) {
	zh, fr := places(t)
	last := messages.Huiyan.Entries()[len(messages.Huiyan.Entries())-1].Code
	tests := []struct {
		name string
		m    *Locale
		code int
		line int
	}{
		{"its own table", zh, 4, 10},
		{"the first code, next to it", zh, 1, 5},
		{"a tie two codes away", zh, 2, 5},
		{"the code after", zh, 3, 10},
		{"a tie next to it", zh, 7, 14},
		{"the last code, far from the others", fr, last, 4},
		{"the first code of fr-FR", fr, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, line := tt.m.PlaceOfCode(tt.code)
			if file != tt.m.File || line != tt.line {
				t.Errorf("PlaceOfCode(%d) = %s:%d, want %s:%d", tt.code, file, line, tt.m.File, tt.line)
			}
		})
	}
	empty := &Locale{Table: messages.Huiyan, File: "ja-JP.toml", Texts: map[string]*Text{}}
	if file, line := empty.PlaceOfCode(655); file != "ja-JP.toml" || line != 1 {
		t.Errorf("PlaceOfCode in a locale without texts = %s:%d, want ja-JP.toml:1", file, line)
	}
}

// TestPlaceOfCategory checks where a problem about a category's missing
// text points: to the category's table, else to the table of the last
// text of the file.
func TestPlaceOfCategory(t *testing.T) {
	zh, fr := places(t)
	tests := []struct {
		name string
		m    *Locale
		cat  messages.Category
		line int
	}{
		{"its own table", zh, messages.General, 1},
		{"another category: after the last text", zh, messages.Liveness, 17},
		{"no category texts", fr, messages.General, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, line := tt.m.PlaceOfCategory(int(tt.cat))
			if file != tt.m.File || line != tt.line {
				t.Errorf("PlaceOfCategory(%d) = %s:%d, want %s:%d", tt.cat, file, line, tt.m.File, tt.line)
			}
		})
	}
}

// TestMissingFields checks the fields of a code a locale is said to
// lack: those zh-CN has, and for zh-CN the user and title texts.
func TestMissingFields(t *testing.T) {
	zh, fr := places(t)
	tests := []struct {
		name string
		m    *Locale
		code int
		want []string
	}{
		{"zh-CN, complete", zh, 0, nil},
		{"zh-CN, no detail is needed", zh, 4, nil},
		{"zh-CN, no user text", zh, 5, []string{"user"}},
		{"zh-CN, no text", zh, 7, []string{"user", "title"}},
		{"fr-FR, what zh-CN has", fr, 0, []string{"title", "detail"}},
		{"fr-FR, zh-CN has none", fr, 3, nil},
		{"fr-FR, no text", fr, 4, []string{"user", "title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.MissingFields(zh, tt.code); !slices.Equal(got, tt.want) {
				t.Errorf("MissingFields(%d) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

// TestMissingCategoryFields checks the fields of a category a locale is
// said to lack: those zh-CN has, or all that it does not have.
func TestMissingCategoryFields(t *testing.T) {
	zh, fr := places(t)
	tests := []struct {
		name string
		m    *Locale
		cat  messages.Category
		zh   *Locale
		want []string
	}{
		{"zh-CN, its own texts", zh, messages.General, nil, []string{"detail", "remedy"}},
		{"zh-CN, no texts", zh, messages.SMS, nil, []string{"user", "title", "detail", "remedy"}},
		{"fr-FR, what zh-CN has", fr, messages.General, zh, []string{"user", "title"}},
		{"fr-FR, zh-CN has none", fr, messages.SMS, zh, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.MissingCategoryFields(int(tt.cat), tt.zh); !slices.Equal(got, tt.want) {
				t.Errorf("MissingCategoryFields(%d) = %q, want %q", tt.cat, got, tt.want)
			}
		})
	}
}

// TestAnyText checks which text of a code stands for it: the first in its
// file, and on one line the first field.
func TestAnyText(t *testing.T) {
	l := Load(messages.Huiyan, Layers([]fs.FS{locales.FS, fstest.MapFS{
		"en-US.toml": {Data: []byte("[655]\ntitle = \"b\"\nuser = \"a\"\n\n[656]\n\n[659]\n")},
		"fr-FR.toml": {Data: []byte("655 = { title = \"b\", user = \"a\" }\n")},
	}}))
	tests := []struct {
		locale string
		code   int
		want   string // "" for none
	}{
		{"en-US", 655, "655.title"},
		{"fr-FR", 655, "655.user"},
		{"fr-FR", 656, ""},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			got := ""
			if txt := localeOf(t, l, tt.locale).AnyText(tt.code); txt != nil {
				got = txt.ID
			}
			if got != tt.want {
				t.Errorf("AnyText(%d) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

func en(s string) *string { return &s }

// problemStrings returns the problems as they are reported, in order.
func problemStrings(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

// TestRender checks a text rendered with its values: the plural form the
// locale's rules pick for the count, whatever its sign; other when the
// text lacks that form; and each parameter's value.
func TestRender(t *testing.T) {
	l := Load(messages.Huiyan, Layers([]fs.FS{locales.FS, fstest.MapFS{
		"en-GB.toml": {Data: []byte("[305.detail]\nother = \"{{.Code}}: {{.Minutes}} minutes\"\n")},
	}}))
	en := localeOf(t, l, "en-US").Texts["305.detail"]
	gb := localeOf(t, l, "en-GB").Texts["305.detail"]
	tests := []struct {
		name  string
		text  *Text
		count int
		want  string
	}{
		{"one", en, 1, "The SMS verification code is valid for 1 minute."},
		{"other", en, 10, "The SMS verification code is valid for 10 minutes."},
		{"zero is other in English", en, 0, "The SMS verification code is valid for 0 minutes."},
		{"a negative count takes its size's form", en, -1, "The SMS verification code is valid for -1 minute."},
		{"the smallest int", en, math.MinInt, "The SMS verification code is valid for " + strconv.Itoa(math.MinInt) + " minutes."},
		{"a form the text lacks falls back to other", gb, 1, "305: 1 minutes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Values{Code: 305, Name: "Minutes", Count: tt.count}
			if got := tt.text.Render(language.AmericanEnglish, v); got != tt.want {
				t.Errorf("Render(%d) = %q, want %q", tt.count, got, tt.want)
			}
		})
	}
	plain := localeOf(t, l, "en-US").Texts["655.user"]
	if got := plain.RenderForm(plural.Other, Values{Code: 655}); got == "" || got != plain.Forms[plural.Other] {
		t.Errorf("a plain text renders as %q, want %q", got, plain.Forms[plural.Other])
	}
}

// TestAbs checks the count that plural rules read.
func TestAbs(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{0, 0}, {1, 1}, {-1, 1}, {math.MaxInt, math.MaxInt}, {math.MinInt, math.MaxInt}} {
		if got := abs(tt.n); got != tt.want {
			t.Errorf("abs(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// TestDefaults checks the values a code's texts are rendered with when
// the caller gives none.
func TestDefaults(t *testing.T) {
	tests := []struct {
		code int
		want Values
	}{
		{305, Values{Code: 305, Name: "Minutes", Count: 10}},
		{655, Values{Code: 655}},
		{699, Values{Code: 699}},
	}
	for _, tt := range tests {
		if got := Defaults(messages.Huiyan, tt.code); got != tt.want {
			t.Errorf("Defaults(%d) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

// TestFormIndex checks the plural form of each key of a plural table.
func TestFormIndex(t *testing.T) {
	tests := []struct {
		key  string
		want int
		ok   bool
	}{
		{"other", int(plural.Other), true},
		{"one", int(plural.One), true},
		{"MANY", int(plural.Many), true},
		{"ones", -1, false},
	}
	for _, tt := range tests {
		if got, ok := formIndex(tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("formIndex(%q) = %d, %v; want %d, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

// TestWrittenScript checks the script a reader of a tag reads, and which
// languages read written Chinese.
func TestWrittenScript(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"zh", "Hans"},
		{"zh-TW", "Hant"},
		{"zh-MY", "Hans"},
		{"zh-Hant-MY", "Hant"},
		{"yue", "Hant"},
		{"yue-CN", "Hans"},
		{"nan-TW", "Hant"},
		{"hak-TW", "Hant"},
		{"en-US", "Latn"},
		{"sr-RS", "Cyrl"},
	}
	for _, tt := range tests {
		if got := WrittenScript(language.MustParse(tt.tag)).String(); got != tt.want {
			t.Errorf("WrittenScript(%s) = %s, want %s", tt.tag, got, tt.want)
		}
	}
	for _, tt := range []struct {
		lang string
		want bool
	}{{"zh", true}, {"yue", true}, {"wuu", true}, {"en", false}, {"ja", false}} {
		if got := IsChinese(language.MustParseBase(tt.lang)); got != tt.want {
			t.Errorf("IsChinese(%s) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}
