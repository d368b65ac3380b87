package huiyan

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestCompleteNeedsCategoryTexts checks that a locale with every code's
// texts but not every category's is not complete: a text it lacks comes
// from en-US for a reader who did not ask for Chinese, as for a code's.
func TestCompleteNeedsCategoryTexts(t *testing.T) {
	en, err := fs.ReadFile(locales.FS, "en-US.toml")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(en), "[category.liveness]")
	end := start + strings.Index(string(en[start:]), "\n\n")
	withoutLiveness := string(en[:start]) + string(en[end:])
	unknown := messages.Code(699) // a liveness failure the catalogue does not name
	tests := []struct {
		name, fr   string
		code       messages.Code
		wantLang   string
		wantPrefix string
	}{
		{"every text", string(en), unknown, "fr-FR", "Face verification was not completed."},
		{"lacks a category's texts", withoutLiveness, unknown, "en-US", "Face verification was not completed."},
		{"a code's text, its own", withoutLiveness, messages.FaceTooClose, "fr-FR", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bundleWith(t, map[string]string{"fr-FR.toml": tt.fr})
			m := b.Localize(tt.code, "fr-FR")
			if m.Lang != tt.wantLang || !strings.HasPrefix(m.User, tt.wantPrefix) {
				t.Errorf("Localize(%d, fr-FR) = %q in %s, want %s", tt.code, m.User, m.Lang, tt.wantLang)
			}
		})
	}
}
