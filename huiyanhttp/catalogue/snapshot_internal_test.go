package catalogue

import (
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

// TestCataloguesKeptBounded asks the API's catalogue for many language
// values: the short ones are kept, up to maxCached of them, and a value
// longer than maxCachedLang is served but not kept.
func TestCataloguesKeptBounded(t *testing.T) {
	tests := []struct {
		name  string
		langs []string
		kept  int
	}{
		{"one", []string{"en-US"}, 1},
		{"the same twice", []string{"en-US", "en-US"}, 1},
		{"exactly maxCachedLang bytes", []string{strings.Repeat("x", maxCachedLang)}, 1},
		{"longer than maxCachedLang", []string{strings.Repeat("x", maxCachedLang+1)}, 0},
		{"more than maxCached", manyLangs(maxCached + 10), maxCached},
		{"exactly maxCached", manyLangs(maxCached), maxCached},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSnapshot(huiyan.Default().Bundle(), nil)
			for _, l := range tt.langs {
				if e := s.catalogue(tables[0], l); len(e.body) == 0 || e.etag == "" {
					t.Fatalf("lang %.20q: an empty answer", l)
				}
			}
			if got := len(s.bodies); got != tt.kept {
				t.Errorf("%d catalogues kept, want %d", got, tt.kept)
			}
		})
	}
}

func manyLangs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "x-" + strings.Repeat("a", i%8) + string(rune('a'+i/8))
	}
	return out
}
