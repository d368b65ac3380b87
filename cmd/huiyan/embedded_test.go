package main

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestLookupBundle checks that the bundle lookup builds for a tag of the
// embedded locales serves every code, known or not, as the whole default
// bundle does.
func TestLookupBundle(t *testing.T) {
	t.Run("huiyan", testLookupBundle[messages.Code])
	t.Run("faceid", testLookupBundle[faceid.Code])
}

func testLookupBundle[C messages.TableCode](t *testing.T) {
	var zero C
	tbl := zero.Table()
	entries, err := fs.ReadDir(locales.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	codes := append(export.Codes[C](), 699, 1, -5, 1299, 2999)
	for _, e := range entries {
		lang, ok := strings.CutSuffix(e.Name(), ".toml")
		if tbl != load.Tables[0] {
			lang, ok = strings.CutPrefix(lang, tbl.Name()+".")
		}
		if !ok || strings.Contains(lang, ".") || e.Name() != load.FileName(tbl, lang) {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			b, err := lookupBundle("", lang, tbl)
			if err != nil {
				t.Fatal(err)
			}
			if b == huiyan.Default() {
				t.Fatal("lookup builds the whole default bundle")
			}
			for _, c := range codes {
				if got, want := huiyan.LocalizeWith(b, c, lang, nil), huiyan.LocalizeWith(nil, c, lang, nil); got != want {
					t.Errorf("code %d: %+v, the default bundle says %+v", c, got, want)
				}
			}
		})
	}
	for _, lang := range []string{"en", "zh-cn", "zh-CN,en;q=0.5", "all", "xx"} {
		if b, err := lookupBundle("", lang, tbl); err != nil || b != huiyan.Default() {
			t.Errorf("lookupBundle(%q): %v; want the default bundle", lang, err)
		}
	}
}
