package load

import (
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// BenchmarkGoI18nVerdicts shows what keeping go-i18n's verdict on a
// locale's plural rules buys a build: asking go-i18n builds the plural
// rules of every language.
func BenchmarkGoI18nVerdicts(b *testing.B) {
	tags := []language.Tag{CanonicalTag, language.MustParse("en-US"), language.MustParse("zh-HK"), language.MustParse("zh-TW")}
	b.Run("kept", func(b *testing.B) {
		for b.Loop() {
			for _, tag := range tags {
				goI18nAccepts(tag)
			}
		}
	})
	b.Run("asked each time", func(b *testing.B) {
		for b.Loop() {
			for _, tag := range tags {
				goI18nVerdicts.Clear()
				goI18nChecker.Lock()
				goI18nChecker.b = nil // a new go-i18n bundle for each
				goI18nChecker.Unlock()
				goI18nAccepts(tag)
			}
		}
	})
}

func TestGoI18nVerdicts(t *testing.T) {
	for _, tt := range []struct {
		tag string
		ok  bool
	}{{"zh-CN", true}, {"en-US", true}, {"ja-JP", true}, {"old", false}} {
		for range 2 { // asked, then kept
			if err := goI18nAccepts(language.MustParse(tt.tag)); (err == nil) != tt.ok {
				t.Errorf("goI18nAccepts(%s) = %v, want ok %v", tt.tag, err, tt.ok)
			}
		}
	}
}

// TestGoI18nAcceptsCanonical checks what goI18nAccepts takes for granted
// without asking: go-i18n loads messages of the canonical locale.
func TestGoI18nAcceptsCanonical(t *testing.T) {
	if err := i18n.NewBundle(CanonicalTag).AddMessages(CanonicalTag); err != nil {
		t.Fatalf("go-i18n refuses %s: %v", Canonical, err)
	}
}
