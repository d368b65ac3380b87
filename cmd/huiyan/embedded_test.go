package main

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestLookupBundle checks that the bundle lookup builds for a tag of the
// embedded locales serves every code, known or not, as the whole default
// bundle does.
func TestLookupBundle(t *testing.T) {
	entries, err := fs.ReadDir(locales.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	codes := append(messages.All(), 699, 1, -5)
	for _, e := range entries {
		lang, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			b, err := lookupBundle("", lang)
			if err != nil {
				t.Fatal(err)
			}
			if b == huiyan.Default() {
				t.Fatal("lookup builds the whole default bundle")
			}
			for _, c := range codes {
				if got, want := b.Localize(c, lang), huiyan.Default().Localize(c, lang); got != want {
					t.Errorf("code %d: %+v, the default bundle says %+v", c, got, want)
				}
			}
		})
	}
	for _, lang := range []string{"en", "zh-cn", "zh-CN,en;q=0.5", "all", "xx"} {
		if b, err := lookupBundle("", lang); err != nil || b != huiyan.Default() {
			t.Errorf("lookupBundle(%q): %v; want the default bundle", lang, err)
		}
	}
}
