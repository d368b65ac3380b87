package lint_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/lint"
	"github.com/huiyan-i18n/huiyan/locales"
)

// TestLintWarnsOnMainlandWordInZhHK checks that lint tells the Hong Kong
// translator of a mainland word planted in an operator text of the
// shipped zh-HK.toml, at the line of the text, and that the shipped files
// themselves draw no such warning.
func TestLintWarnsOnMainlandWordInZhHK(t *testing.T) {
	shipped := fstest.MapFS{}
	names, err := fs.Glob(locales.FS, "*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("shipped locale files: %v, %v", names, err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		shipped[name] = &fstest.MapFile{Data: data}
	}
	zhHK := string(shipped["zh-HK.toml"].Data)
	// An operator text: the first detail of the file.
	const key = "\ndetail = \""
	at := strings.Index(zhHK, key)
	if at < 0 {
		t.Fatal("zh-HK.toml has no detail text")
	}
	line := strings.Count(zhHK[:at+1], "\n") + 1

	regional := func(fsys fs.FS) []*lint.Problem {
		var ps []*lint.Problem
		for _, p := range lint.Lint(fsys).Problems {
			if p.File == "zh-HK.toml" && strings.Contains(p.Msg, " usage; ") {
				ps = append(ps, p)
			}
		}
		return ps
	}
	for _, p := range regional(shipped) {
		t.Errorf("shipped zh-HK.toml: %v", p)
	}

	for _, word := range []string{"拉取", "截幀", "登入態", "包名"} {
		t.Run(word, func(t *testing.T) {
			planted := fstest.MapFS{}
			for name, f := range shipped {
				planted[name] = f
			}
			data := zhHK[:at+len(key)] + word + zhHK[at+len(key):]
			planted["zh-HK.toml"] = &fstest.MapFile{Data: []byte(data)}
			want := word + " is mainland usage; Hong Kong writes "
			ps := regional(planted)
			if len(ps) != 1 || ps[0].Line != line || !ps[0].Advice || !strings.Contains(ps[0].Msg, want) {
				t.Fatalf("regional warnings of zh-HK.toml: %v; want one, advice, at line %d, saying %q", ps, line, want)
			}
		})
	}
}
