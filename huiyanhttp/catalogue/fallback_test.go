package catalogue

import (
	"html"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
)

// TestPageFallbackNote serves a locale that has the end user's text of
// one code only: a card whose text comes from another locale says so,
// and one whose text is the locale's own does not.
func TestPageFallbackNote(t *testing.T) {
	partial := fstest.MapFS{"fr-FR.toml": {Data: []byte("[655]\nuser = \"Reculez.\"\n")}}
	b, err := huiyan.NewBundle(locales.FS, partial)
	if err != nil {
		t.Fatal(err)
	}
	h := New(b)
	tests := []struct {
		name, target string
		note         bool
	}{
		{"the locale's own text", "/codes/655?lang=fr-FR", false},
		{"a text from another locale", "/codes/604?lang=fr-FR", true},
		{"a complete locale", "/codes/604?lang=en-US", false},
		{"side by side", "/codes/604?lang=all&ui=en-US", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := html.UnescapeString(body(t, get(t, h, tt.target)))
			if got := strings.Contains(page, `<small class="from">from `); got != tt.note {
				t.Errorf("a note of the locale the text is from: %v, want %v", got, tt.note)
			}
		})
	}
}
