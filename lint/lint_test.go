package lint

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestLintAdvice checks the advice for a translator about one deployment's
// text: each problem, where it stands, in order.
func TestLintAdvice(t *testing.T) {
	zh659 := "光线太暗，请到光线充足的地方重试"
	tests := []struct {
		name, file, data string
		want             []string // the problems, without "huiyan: "
	}{
		{"translated", "fr-FR.toml", "[659]\nuser = \"Trouvez plus de lumière.\"\n", nil},
		{"left in Chinese", "fr-FR.toml", "# fr\n[659]\nuser = \"" + zh659 + "\"\n", []string{
			"fr-FR.toml:3: 659.user: Chinese characters or punctuation left in fr-FR: \"" + zh659 + "\"",
			"fr-FR.toml:3: 659.user is the same as zh-CN's: not translated?"}},
		{"a full-width full stop", "fr-FR.toml", "[659]\nuser = \"Trouvez plus de lumière。\"\n", []string{
			"fr-FR.toml:2: 659.user: Chinese characters or punctuation left in fr-FR: \"Trouvez plus de lumière。\""}},
		{"Japanese keeps its kanji", "ja-JP.toml", "[659]\nuser = \"明るい場所で撮り直してください。\"\n", nil},
		{"another parameter than zh-CN's", "fr-FR.toml", "[305.user]\none = \"Code expiré.\"\nother = \"Code expiré.\"\n", []string{
			"fr-FR.toml:1: 305.user uses no parameter, but zh-CN's uses {{.Minutes}}"}},
		{"a plural form French needs", "fr-FR.toml", "[305.user]\nother = \"Code expiré après {{.Minutes}} minutes.\"\n", []string{
			"fr-FR.toml:1: 305.user uses the count {{.Minutes}} and lacks the plural form one, which fr-FR needs"}},
		{"every plural form French needs", "fr-FR.toml", "[305.user]\none = \"Code expiré après {{.Minutes}} minute.\"\nother = \"Code expiré après {{.Minutes}} minutes.\"\n", nil},
		{"white space around", "fr-FR.toml", "[659]\ntitle = \"Trop sombre\"\nuser = \" Trouvez plus de lumière.\"\n", []string{
			"fr-FR.toml:3: 659.user has leading or trailing white space"}},
		{"white space in a plural form", "fr-FR.toml", "[305.user]\none = \"Code expiré après {{.Minutes}} minute. \"\nother = \"Code expiré après {{.Minutes}} minutes.\"\n", []string{
			"fr-FR.toml:2: 305.user (one) has leading or trailing white space"}},
		{"an internal term", "fr-FR.toml", "[659]\nuser = \"Erreur du SDK.\"\n", []string{
			"fr-FR.toml:2: 659.user shows the end user the internal term \"SDK\""}},
		{"an internal term in an operator's text", "fr-FR.toml", "[659]\ntitle = \"Erreur du SDK\"\n", nil},
		{"an empty text", "fr-FR.toml", "[659]\nuser = \"Trouvez plus de lumière.\"\ntitle = \"\"\n", []string{
			"fr-FR.toml:3: 659.title is empty"}},
		{"a toast of 100 characters", "fr-FR.toml", "[659]\nuser = \"" + strings.Repeat("a", 100) + "\"\n", nil},
		{"a toast of 101 characters", "fr-FR.toml", "[659]\nuser = \"" + strings.Repeat("a", 101) + "\"\n", []string{
			"fr-FR.toml:2: 659.user is 101 characters long; a toast on a small phone shows about 100"}},
		{"a Japanese toast of 41 characters", "ja-JP.toml", "[659]\nuser = \"" + strings.Repeat("暗", 41) + "\"\n", []string{
			"ja-JP.toml:2: 659.user is 41 characters long; a toast on a small phone shows about 40"}},
		{"a limit in digits first", "fr-FR.toml", "[303]\nuser = \"10 codes par jour au plus.\"\n", []string{
			"fr-FR.toml:2: 303.user states the limit DailyLimit, which helps someone abusing the service; keep it in the operator texts"}},
		{"a category's text may speak of digits", "fr-FR.toml", "[category.sms]\nuser = \"Erreur 3.\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Lint(locales.FS, fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
			var got []string
			for _, p := range r.Problems {
				got = append(got, strings.TrimPrefix(p.Error(), "huiyan: "))
				if !p.Advice {
					t.Errorf("%v stops loading, want advice", p)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestLintLocales checks how complete Lint finds each locale: the codes
// with every text zh-CN has (zh-CN itself needs a user text and a title),
// and for a deployment's partial locale, what it lacks and where each
// missing text belongs.
func TestLintLocales(t *testing.T) {
	zh, err := fs.ReadFile(locales.FS, "zh-CN.toml")
	if err != nil {
		t.Fatal(err)
	}
	en, err := fs.ReadFile(locales.FS, "en-US.toml")
	if err != nil {
		t.Fatal(err)
	}
	zhWithout659Title := strings.Replace(string(zh), "title = \"光线太暗\"\n", "", 1)
	line659 := 1 + strings.Count(string(zh[:strings.Index(string(zh), "\n[659]\n")+1]), "\n")
	codes := len(messages.All())
	fr := "[659]\nuser = \"Trouvez plus de lumière.\"\ntitle = \"Trop sombre\"\n\n[305.user]\none = \"Code expiré après {{.Minutes}} minute.\"\nother = \"Code expiré après {{.Minutes}} minutes.\"\n"
	type status struct {
		lang              string
		complete          int
		partial           bool
		missing           int
		first, last, also string // in Missing; also: the first code that lacks some texts
	}
	tests := []struct {
		name     string
		fsys     []fs.FS
		want     []status
		problems []string
	}{
		{"shipped", []fs.FS{locales.FS}, []status{{lang: "zh-CN", complete: codes}, {lang: "en-US", complete: codes}, {lang: "zh-HK", complete: codes}, {lang: "zh-TW", complete: codes}}, nil},
		{"a deployment's partial locale", []fs.FS{locales.FS, fstest.MapFS{"fr-FR.toml": {Data: []byte(fr)}}},
			[]status{{lang: "zh-CN", complete: codes}, {lang: "en-US", complete: codes}, {lang: "fr-FR", complete: 1, partial: true,
				missing: codes - 1 + len(messages.Categories()), // every code but 659, every category
				first:   "fr-FR.toml:1: code 606 (IDPhotoFetchFailed) is missing",
				also:    "fr-FR.toml:5: code 305 (SMSCodeExpired) lacks title, detail, which zh-CN has",
				last:    "fr-FR.toml:5: category wechat_real_name lacks user, title, detail, remedy, which zh-CN has"},
				{lang: "zh-HK", complete: codes}, {lang: "zh-TW", complete: codes}},
			nil},
		{"a code's texts on the same line of two layers' files", []fs.FS{locales.FS,
			fstest.MapFS{"fr-FR.toml": {Data: []byte("# A\n[305.user]\none = \"Code expiré après {{.Minutes}} minute.\"\nother = \"Code expiré après {{.Minutes}} minutes.\"\n")}},
			fstest.MapFS{"fr-FR.toml": {Data: []byte("[305]\ntitle = \"Code expiré\"\n\n[659]\nuser = \"Trouvez plus de lumière.\"\n")}}},
			[]status{{lang: "zh-CN", complete: codes}, {lang: "en-US", complete: codes}, {lang: "fr-FR", partial: true,
				missing: codes + len(messages.Categories()),
				first:   "fr-FR.toml:2: code 0 (Success) is missing",
				also:    "fr-FR.toml:2: code 305 (SMSCodeExpired) lacks detail, which zh-CN has",
				last:    "fr-FR.toml:4: category wechat_real_name lacks user, title, detail, remedy, which zh-CN has"},
				{lang: "zh-HK", complete: codes}, {lang: "zh-TW", complete: codes}},
			nil},
		{"a deployment's complete locale", []fs.FS{locales.FS, fstest.MapFS{"fr-FR.toml": {Data: en}}},
			[]status{{lang: "zh-CN", complete: codes}, {lang: "en-US", complete: codes}, {lang: "fr-FR", complete: codes}, {lang: "zh-HK", complete: codes}, {lang: "zh-TW", complete: codes}}, nil},
		{"zh-CN without a title", []fs.FS{fstest.MapFS{"zh-CN.toml": {Data: []byte(zhWithout659Title)}}},
			[]status{{lang: "zh-CN", complete: codes - 1}}, []string{fmt.Sprintf("zh-CN.toml:%d: code 659 (LightTooDim) has no title text", line659)}},
		{"no zh-CN", []fs.FS{fstest.MapFS{"en-US.toml": {Data: en}}}, nil,
			[]string{"zh-CN.toml: the canonical locale zh-CN is missing: every code needs its texts there"}},
		{"a broken zh-CN is not missing too", []fs.FS{fstest.MapFS{"zh-CN.toml": {Data: []byte("[655]\nuser = \"x\n")}}}, nil,
			[]string{"zh-CN.toml:2: invalid TOML: strings cannot contain newlines"}},
		{"no zh-CN and a broken en-US", []fs.FS{fstest.MapFS{"en-US.toml": {Data: []byte("[655]\nuser = \"x\n")}}}, nil,
			[]string{"en-US.toml:2: invalid TOML: strings cannot contain newlines", "zh-CN.toml: the canonical locale zh-CN is missing: every code needs its texts there"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Lint(tt.fsys...)
			var got []status
			for _, l := range r.Locales {
				if l.Codes != codes {
					t.Errorf("%s: Codes = %d, want %d", l.Lang, l.Codes, codes)
				}
				s := status{lang: l.Lang, complete: l.Complete, partial: l.Partial, missing: len(l.Missing)}
				for i, p := range l.Missing {
					e := strings.TrimPrefix(p.Error(), "huiyan: ")
					switch {
					case i == 0:
						s.first = e
					case i == len(l.Missing)-1:
						s.last = e
					case s.also == "" && strings.Contains(e, " lacks ") && strings.HasPrefix(p.Msg, "code "):
						s.also = e
					}
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Locales:\n%+v\nwant:\n%+v", got, tt.want)
			}
			var problems []string
			for _, p := range r.Problems {
				problems = append(problems, strings.TrimPrefix(p.Error(), "huiyan: "))
			}
			if !slices.Equal(problems, tt.problems) {
				t.Errorf("Problems:\n%q\nwant:\n%q", problems, tt.problems)
			}
		})
	}
}

// TestLintPlacesMissingTexts checks where a partial locale's missing texts
// belong: next to the nearest code it has, the first code of the catalogue
// too; a category's with the category's first text; else after the last
// text of its file.
func TestLintPlacesMissingTexts(t *testing.T) {
	layer := func(data string) fs.FS { return fstest.MapFS{"fr-FR.toml": {Data: []byte(data)}} }
	tests := []struct {
		name   string
		layers []fs.FS
		about  string // the start of the message
		want   string
	}{
		{"next to code 0", []fs.FS{layer("# fr\n\n[0]\nuser = \"Réussi.\"\ntitle = \"Réussi\"\n")},
			"code 1 ", "fr-FR.toml:3: code 1 (MissingParameter) is missing"},
		{"with the category's text", []fs.FS{layer("[659]\nuser = \"Trouvez plus de lumière.\"\ntitle = \"Trop sombre\"\n\n[category.sms]\nuser = \"Erreur SMS.\"\n\n[660]\nuser = \"Trop de lumière.\"\n")},
			"category sms ", "fr-FR.toml:5: category sms lacks title, detail, remedy, which zh-CN has"},
		{"after the file's last text", []fs.FS{layer("[659]\nuser = \"Trouvez plus de lumière.\"\ntitle = \"Trop sombre\"\n\n[category.sms]\nuser = \"Erreur SMS.\"\n\n[660]\nuser = \"Trop de lumière.\"\n")},
			"category liveness ", "fr-FR.toml:8: category liveness lacks user, title, detail, remedy, which zh-CN has"},
		{"with the category's first text of two layers", []fs.FS{layer("[category.sms]\nuser = \"Erreur SMS.\"\n"), layer("\n\n\n[category.sms]\ntitle = \"Erreur SMS {{.Code}}\"\n")},
			"category sms ", "fr-FR.toml:1: category sms lacks detail, remedy, which zh-CN has"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Lint(append([]fs.FS{locales.FS}, tt.layers...)...)
			i := slices.IndexFunc(r.Locales, func(l LocaleStatus) bool { return l.Lang == "fr-FR" })
			if i < 0 {
				t.Fatalf("no fr-FR in %+v", r.Locales)
			}
			var got []string
			for _, p := range r.Locales[i].Missing {
				if strings.HasPrefix(p.Msg, tt.about) {
					got = append(got, strings.TrimPrefix(p.Error(), "huiyan: "))
				}
			}
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("missing %q: %q, want %q", tt.about, got, tt.want)
			}
		})
	}
}

// TestLintNamesShippedFiles checks that a problem in a shipped file names
// it as the repository does, under locales/, and a deployment's file as
// given.
func TestLintNamesShippedFiles(t *testing.T) {
	zh := "[305]\nuser = \"验证码已过期，请重新获取验证码\"\ntitle = \"验证码过期\"\n"
	r := Lint(locales.FS, fstest.MapFS{"zh-CN.toml": {Data: []byte(zh)}})
	var shipped, deployed int
	for _, p := range r.Problems {
		switch {
		case strings.HasPrefix(p.File, "locales/") && strings.Contains(p.Msg, "305.user uses {{.Minutes}}, but zh-CN's uses no parameter"):
			shipped++
		case p.File == "zh-CN.toml":
			deployed++
		}
	}
	if shipped != len(huiyan.Default().Locales())-1 || deployed != 0 {
		t.Errorf("problems %v: want one in each shipped file other than zh-CN's, under locales/", r.Problems)
	}
}
