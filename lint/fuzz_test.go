package lint_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/lint"
	"github.com/huiyan-i18n/huiyan/locales"
)

// FuzzLint checks that any content of a locale file lints without a
// panic, that Lint's errors are exactly why huiyan.NewBundle fails, and
// that every problem names its file.
func FuzzLint(f *testing.F) {
	en, err := locales.FS.ReadFile("en-US.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range [][]byte{
		en, nil,
		[]byte("[655]\nuser = \"Move back a little.\"\n"),
		[]byte("[305.detail]\none = \"{{.Minutes}} minute\"\nother = \"{{.Minutes}} minutes\"\n"),
		[]byte("[655]\nuser = \"a\"\nuser = \"b\"\n"),
		[]byte("[655\nuser = \"x\n"),
		[]byte("[655]\nuser = \" 拉取 \"\n"),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"en-US.toml", "zh-HK.toml"} {
			layer := fstest.MapFS{name: {Data: data}}
			r := lint.Lint(locales.FS, layer)
			_, err := huiyan.NewBundle(locales.FS, layer)
			fatal := slices.ContainsFunc(r.Problems, func(p *lint.Problem) bool { return !p.Advice })
			if fatal != (err != nil) {
				t.Fatalf("%s: Lint finds an error: %v; NewBundle fails: %v\nfile: %q", name, fatal, err, data[:min(len(data), 200)])
			}
			for _, p := range r.Problems {
				if p.File == "" || p.Msg == "" {
					t.Fatalf("%s: a problem without its file or message: %+v", name, p)
				}
			}
		}
	})
}
