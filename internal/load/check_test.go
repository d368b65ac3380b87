package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/messages"
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

// TestGoI18nAcceptsKnown checks what goI18nAccepts takes for granted
// without asking: go-i18n loads messages of the languages of knownRules,
// in any region and script.
func TestGoI18nAcceptsKnown(t *testing.T) {
	for _, s := range []string{"zh", "zh-CN", "zh-Hant-TW", "zh-HK", "en", "en-US", "en-GB", "en-150"} {
		tag := language.MustParse(s)
		if err := i18n.NewBundle(CanonicalTag).AddMessages(tag); err != nil {
			t.Errorf("go-i18n refuses %s: %v", tag, err)
		}
		if b, _ := tag.Base(); !slices.Contains(knownRules, b) {
			t.Errorf("%s is not of a known language", tag)
		}
	}
}

// TestIndexBidiControl checks the search for bidirectional controls
// against reading the text rune by rune, on the shipped texts and on texts
// with a control, or a neighbour of one, first, last and after other
// characters that begin with the same byte.
func TestIndexBidiControl(t *testing.T) {
	texts := []string{
		"", "a", "\u202a", "\u202e", "\u2066", "\u2069",
		"\u2029\u202f\u2065\u206a", "a\u2026b\u201c\u202ec", "文字\u2067", "\u2014\u2069",
		"\xe2", "a\xe2\x80", "\xe2\u202b",
	}
	for _, f := range Load(messages.Huiyan, Layers(nil)).Files {
		for _, tx := range f.Texts {
			texts = append(texts, tx.Forms[:]...)
		}
	}
	for _, s := range texts {
		if got, want := indexBidiControl(s), strings.IndexFunc(s, isBidiControl); got != want {
			t.Errorf("indexBidiControl(%+q) = %d, want %d", s, got, want)
		}
	}
}
