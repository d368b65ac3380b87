package huiyan

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/locales"
)

// shippedFS returns the shipped locale files as a MapFS that a test can
// change.
func shippedFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(locales.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(locales.FS, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: data}
	}
	return m
}

// bundleWith builds a bundle of the shipped locales plus extra files, an
// empty content removing a shipped file.
func bundleWith(t testing.TB, extra map[string]string) *Bundle {
	t.Helper()
	m := shippedFS(t)
	for name, data := range extra {
		if data == "" {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	b, err := NewBundle(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// realisticHeaders returns n distinct Accept-Language headers such as
// browsers send: 1 to 6 entries, tags with and without region and script,
// and q-values written in one, two or three decimals. The set is the same
// on every run. Cycling through more headers than the language cache
// holds, nearly every call resolves its value anew.
func realisticHeaders(n int) []string {
	rng := rand.New(rand.NewPCG(21, 2026))
	langs := []string{"zh", "en", "ja", "ko", "fr", "de", "es", "pt", "ru", "it", "ar", "th", "vi", "id", "ms", "nl", "tr", "pl", "yue", "he", "hi"}
	regions := map[string][]string{
		"zh": {"CN", "TW", "HK", "MO", "SG"}, "en": {"US", "GB", "AU", "CA", "IN", "SG", "NZ"},
		"ja": {"JP"}, "ko": {"KR"}, "fr": {"FR", "CA", "BE", "CH"}, "de": {"DE", "AT", "CH"},
		"es": {"ES", "MX", "AR", "US", "419"}, "pt": {"BR", "PT", "AO"}, "ru": {"RU", "UA"},
		"it": {"IT"}, "ar": {"SA", "EG", "AE"}, "yue": {"HK"},
	}
	scripts := map[string][]string{"zh": {"Hans", "Hant"}, "sr": {"Latn", "Cyrl"}, "yue": {"Hant"}}
	tag := func() string {
		l := langs[rng.IntN(len(langs))]
		if rng.IntN(4) == 0 {
			l = langs[rng.IntN(3)] // zh, en and ja are the most common
		}
		t := l
		if ss := scripts[l]; ss != nil && rng.IntN(3) == 0 {
			t += "-" + ss[rng.IntN(len(ss))]
		}
		if rs := regions[l]; rs != nil && rng.IntN(3) != 0 {
			t += "-" + rs[rng.IntN(len(rs))]
		}
		if rng.IntN(8) == 0 {
			t = strings.ToLower(t)
		}
		return t
	}
	seen := make(map[string]bool, n)
	hs := make([]string, 0, n)
	for len(hs) < n {
		entries := 1 + rng.IntN(6)
		var sb strings.Builder
		q := 1000
		for i := range entries {
			if i > 0 {
				sb.WriteByte(',')
				if rng.IntN(2) == 0 {
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(tag())
			if i == 0 {
				continue
			}
			q -= 1 + rng.IntN(250)
			q = max(q, 1)
			switch rng.IntN(3) {
			case 0:
				fmt.Fprintf(&sb, ";q=0.%d", (q+50)/100%10)
			case 1:
				fmt.Fprintf(&sb, ";q=0.%02d", (q+5)/10%100)
			default:
				fmt.Fprintf(&sb, ";q=0.%03d", q%1000)
			}
		}
		if h := sb.String(); !seen[h] {
			seen[h] = true
			hs = append(hs, h)
		}
	}
	return hs
}
