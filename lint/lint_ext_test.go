package lint

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/locales"
)

// TestLintPlacesEveryProblem checks that every problem Lint reports has a
// line, that a missing code names the table of its nearest neighbour, and
// that advice and errors are told apart.
func TestLintPlacesEveryProblem(t *testing.T) {
	en, err := fs.ReadFile(locales.FS, "en-US.toml")
	if err != nil {
		t.Fatal(err)
	}
	// en-US without the table of 655, in a complete catalogue.
	start := strings.Index(string(en), "\n[655]")
	end := start + 1 + strings.Index(string(en[start+1:]), "\n[")
	without655 := string(en[:start]) + string(en[end:])
	zh, _ := fs.ReadFile(locales.FS, "zh-CN.toml")
	line654 := 1 + strings.Count(without655[:strings.Index(without655, "[654]")], "\n")

	r := Lint(fstest.MapFS{"zh-CN.toml": {Data: zh}, "en-US.toml": {Data: []byte(without655)}})
	want := fmt.Sprintf("en-US.toml:%d: code 655 (FaceTooClose) is missing", line654)
	if len(r.Problems) != 1 || !r.Problems[0].Advice || strings.TrimPrefix(r.Problems[0].Error(), "huiyan: ") != want {
		t.Errorf("Problems = %v, want the advice %q", r.Problems, want)
	}

	// A deployment's partial locale: what it lacks is not a problem.
	r = Lint(locales.FS, fstest.MapFS{"fr-FR.toml": {Data: []byte("# French\n\n[659]\nuser = \"Trouvez plus de lumière.\"\n")}})
	i := slices.IndexFunc(r.Locales, func(l LocaleStatus) bool { return l.Lang == "fr-FR" })
	if i < 0 {
		t.Fatalf("no status for fr-FR: %+v", r.Locales)
	}
	fr := r.Locales[i]
	if len(r.Problems) != 0 || !fr.Partial || fr.Lang != "fr-FR" || len(fr.Missing) == 0 {
		t.Fatalf("partial locale: Problems %v, status %+v", r.Problems, fr)
	}
	for _, p := range fr.Missing {
		if p.Line != 3 || !p.Advice {
			t.Errorf("missing text placed at line %d (advice %v), want the table of 659, line 3: %v", p.Line, p.Advice, p)
		}
	}

	// An empty file: line 1. An error stops loading: not advice.
	r = Lint(fstest.MapFS{"zh-CN.toml": {Data: nil}})
	for _, p := range r.Problems {
		if p.Line != 1 || p.Advice {
			t.Errorf("empty zh-CN.toml: %v at line %d, advice %v; want line 1, an error", p, p.Line, p.Advice)
		}
	}
	if len(r.Problems) == 0 {
		t.Error("empty zh-CN.toml: no problem")
	}
}

// TestLintUserTexts checks the rules for texts shown to the end user: a
// toast's length, and no limit a caller could abuse.
func TestLintUserTexts(t *testing.T) {
	long := strings.Repeat("Please move back. ", 6)
	tests := []struct {
		name, file, data string
		want             string // "" for no problem
	}{
		{"short enough", "en-US.toml", "[655]\nuser = \"Please move back a little.\"\n", ""},
		{"too long", "en-US.toml", "[655]\nuser = \"" + long + "\"\n", "655.user is 108 characters long; a toast on a small phone shows about 100"},
		{"Chinese counts runes", "zh-HK.toml", "[655]\nuser = \"" + strings.Repeat("請離遠一點", 9) + "\"\n", "655.user is 45 characters long; a toast on a small phone shows about 40"},
		{"rendered with the default", "en-US.toml", "[12]\nuser = \"{{.Hours}}" + strings.Repeat("!", 95) + "\"\n", ""},
		{"every plural form counts", "en-US.toml", "[12.user]\none = \"{{.Hours}} hour" + strings.Repeat("!", 95) + "\"\nother = \"{{.Hours}} hours\"\n", "12.user (one) is 101 characters long"},
		{"a category's text", "en-US.toml", "[category.liveness]\nuser = \"" + long + "\"\n", "category.liveness.user is 108 characters long"},
		{"a limit as a parameter", "en-US.toml", "[303.user]\none = \"At most {{.DailyLimit}} code a day.\"\nother = \"At most {{.DailyLimit}} codes a day.\"\n", "303.user (other) states the limit DailyLimit"},
		{"a limit in digits", "en-US.toml", "[303]\nuser = \"At most 10 codes a day.\"\n", "303.user states the limit DailyLimit"},
		{"a limit in full-width digits", "zh-CN.toml", "[303]\nuser = \"每天最多１０次\"\n", "303.user states the limit DailyLimit"},
		{"no limit", "en-US.toml", "[303]\nuser = \"Please try again tomorrow.\"\n", ""},
		{"a number that is no limit", "en-US.toml", "[302]\nuser = \"Please wait {{.Seconds}} seconds.\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Lint(locales.FS, fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
			var got []string
			for _, p := range r.Problems {
				if strings.Contains(p.Msg, "characters long") || strings.Contains(p.Msg, "states the limit") {
					got = append(got, p.Msg)
					if !p.Advice || p.Line < 2 {
						t.Errorf("%v: advice %v, line %d; want advice at the text's line", p, p.Advice, p.Line)
					}
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("problems %q, want none", got)
			case tt.want != "" && !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, tt.want) }):
				t.Errorf("problems %q, want one starting %q", got, tt.want)
			}
		})
	}
}

// TestStrayFilesWarn checks that a *.toml not named for a locale is
// skipped with a warning, never an error.
func TestStrayFilesWarn(t *testing.T) {
	stray := fstest.MapFS{
		"backup.toml":       {Data: []byte("[655]\nuser = \"old\"\n")},
		"en-US.bak.toml":    {Data: []byte("not TOML at all")},
		"en-US (copy).toml": {Data: []byte("[655]\nuser = \"copy\"\n")},
		"und.toml":          {Data: []byte("[655]\nuser = \"und\"\n")},
		"x-private.toml":    {Data: []byte("")},
		"en-US.toml":        {Data: []byte("[655]\nuser = \"The override.\"\n")},
	}
	var skipped []string
	for _, p := range Lint(locales.FS, stray).Problems {
		if !p.Advice {
			t.Errorf("Lint: an error for a stray file: %v", p)
		}
		if strings.Contains(p.Msg, "skipped") {
			skipped = append(skipped, p.File)
		}
	}
	want := []string{"backup.toml", "en-US (copy).toml", "en-US.bak.toml", "und.toml", "x-private.toml"}
	if !slices.Equal(skipped, want) {
		t.Errorf("Lint skipped %q, want %q", skipped, want)
	}

}

// TestShippedLayersClean checks that the shipped files, and the uniform
// identity layer over them, draw no problem at all.
func TestShippedLayersClean(t *testing.T) {
	for name, r := range map[string]*Report{"shipped": Lint(), "uniform identity": Lint(locales.FS, locales.UniformIdentity)} {
		if len(r.Problems) != 0 {
			t.Errorf("%s: %v", name, r.Problems)
		}
	}
}

// TestLintTable checks that LintTable lints one table's files: the shipped
// FaceID files are clean and complete, and an untranslated FaceID text is
// found in its file, not in the Huiyan table's.
func TestLintTable(t *testing.T) {
	r := LintTable(faceid.Table)
	if len(r.Problems) != 0 || len(r.Locales) != 4 {
		t.Fatalf("problems %v, locales %v", r.Problems, r.Locales)
	}
	for _, l := range r.Locales {
		if l.Complete != len(faceid.Table.Entries()) || l.Codes != len(faceid.Table.Entries()) {
			t.Errorf("%s: %d/%d complete", l.Lang, l.Complete, l.Codes)
		}
	}
	zh, err := fs.ReadFile(locales.FS, "faceid.zh-CN.toml")
	if err != nil {
		t.Fatal(err)
	}
	untranslated := fstest.MapFS{"faceid.en-US.toml": {Data: []byte("[2016]\nuser = \"无法判断为同一人\"\n")}}
	r = LintTable(faceid.Table, fstest.MapFS{"faceid.zh-CN.toml": {Data: zh}}, untranslated)
	found := false
	for _, p := range r.Problems {
		found = found || strings.HasPrefix(p.Error(), "huiyan: faceid.en-US.toml:2: ") && p.Advice
	}
	if !found {
		t.Errorf("no advice on faceid.en-US.toml:2 in %v", r.Problems)
	}
	if r := Lint(untranslated); slices.ContainsFunc(r.Problems, func(p *Problem) bool { return strings.Contains(p.File, "faceid") }) {
		t.Errorf("Lint of the Huiyan table read a FaceID file: %v", r.Problems)
	}
}
