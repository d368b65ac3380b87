package huiyantc

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/huiyan-i18n/huiyan"
)

// TestLocaleFiles checks the embedded files: one per locale of package
// huiyan, each with a title and a remedy for every code of the table and
// for the two tables that are not codes, and nothing else.
func TestLocaleFiles(t *testing.T) {
	ts, err := loadTexts(localeFiles, "locales")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range ts {
		names = append(names, name)
	}
	slices.Sort(names)
	want := slices.Sorted(slices.Values(huiyan.Default().Locales()))
	if !slices.Equal(names, want) {
		t.Fatalf("locale files %v, want one for each of huiyan's locales %v", names, want)
	}
	keys := []string{noCode, unlisted}
	for _, c := range sdkCodes {
		keys = append(keys, c.code)
	}
	for name, m := range ts {
		for _, k := range keys {
			e, ok := m[k]
			switch {
			case !ok:
				t.Errorf("%s: no texts for %q", name, k)
			case e.Title == "" || e.Remedy == "":
				t.Errorf("%s: %q lacks a title or a remedy", name, k)
			case strings.TrimSpace(e.Title) != e.Title || strings.TrimSpace(e.Remedy) != e.Remedy:
				t.Errorf("%s: %q has spaces around its texts", name, k)
			}
		}
		if len(m) != len(keys) {
			t.Errorf("%s: %d tables, want %d: one per code", name, len(m), len(keys))
		}
	}
	// English is English, but for the name of the E证通 service.
	for k, e := range ts["en-US"] {
		for _, r := range strings.ReplaceAll(e.Title+e.Remedy, "E证通", "") {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("en-US: %q is not all English: %q", k, e.Title+" "+e.Remedy)
				break
			}
		}
	}
}

// TestLoadTextsFaults checks that a broken locale file is an error that
// names it.
func TestLoadTextsFaults(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not TOML", "[\"A\"]\ntitle = \n", "huiyantc: toml: line 2"},
		{"an unknown key", "[\"A\"]\ntitle = \"t\"\ndetail = \"d\"\n", "huiyantc: locales/en-US.toml: unknown key A.detail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"locales/en-US.toml": {Data: []byte(tt.data)}}
			_, err := loadTexts(fsys, "locales")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("loadTexts: %v, want an error starting %q", err, tt.want)
			}
		})
	}
}
