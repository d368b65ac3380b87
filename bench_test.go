package huiyan_test

import (
	"fmt"
	"io/fs"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The benchmarks compare Localize with go-i18n used the usual way, on the
// same locale files, and with a bare map lookup (the floor). scripts/bench
// runs them and prints the ratios.

const header = "zh-CN,zh;q=0.9,en;q=0.8"

var sink huiyan.Message

func BenchmarkLocalize(b *testing.B) {
	bundle := huiyan.Default()
	for _, bc := range []struct{ name, lang string }{
		{"tag", "en-US"},
		{"wechat", "zh_CN"},
		{"header", header},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = bundle.Localize(messages.SimilarityTooLow, bc.lang)
			}
		})
	}
	b.Run("partial_locale", func(b *testing.B) {
		// A deployment's ja-JP with one text: 655 comes from the reader's
		// next language, through the fallback chain.
		partial := mustBundle(locales.FS, fstest.MapFS{
			"ja-JP.toml": {Data: []byte("[659]\nuser = \"暗すぎます。\"\n")},
		})
		b.ReportAllocs()
		for b.Loop() {
			sink = partial.Localize(messages.FaceTooClose, "ja,en;q=0.8")
		}
	})
	b.Run("cold", func(b *testing.B) {
		headers := coldHeaders()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sink = bundle.Localize(messages.SimilarityTooLow, headers[i%len(headers)])
			i++
		}
	})
	b.Run("cold_realistic", func(b *testing.B) {
		headers := huiyan.RealisticHeaders(10000)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sink = bundle.Localize(messages.SimilarityTooLow, headers[i%len(headers)])
			i++
		}
	})
	b.Run("unknown_code", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = bundle.Localize(699, "en-US")
		}
	})
	b.Run("params", func(b *testing.B) {
		params := map[string]int{"Minutes": 5}
		b.ReportAllocs()
		for b.Loop() {
			sink = huiyan.LocalizeWith(bundle, messages.SMSCodeExpired, "en-US", params)
		}
	})
}

// coldHeaders returns more distinct headers than the language cache holds,
// so that nearly every call resolves its value anew.
func coldHeaders() []string {
	hs := make([]string, 1<<16)
	for i := range hs {
		hs[i] = fmt.Sprintf("zh-CN,zh;q=0.9,en;q=0.8,x-h%d", i)
	}
	return hs
}

// BenchmarkRetained reports the heap that a built bundle keeps, as
// retained-B/op: live bytes after a collection with the bundle, less
// before it. huiyan builds the default bundle; go-i18n loads the same
// files.
func BenchmarkRetained(b *testing.B) {
	for _, bc := range []struct {
		name  string
		build func() any
	}{
		{"huiyan", func() any { return mustBundle() }},
		{"goi18n", func() any { return goI18nBundles(b) }}, // a go-i18n bundle per table, as the IDs of two tables collide
	} {
		b.Run(bc.name, func(b *testing.B) {
			var retained uint64
			for b.Loop() {
				before := liveHeap()
				kept := bc.build()
				retained += liveHeap() - before
				runtime.KeepAlive(kept)
			}
			b.ReportMetric(float64(retained)/float64(b.N), "retained-B/op")
		})
	}
}

// liveHeap returns the bytes of live heap objects after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func BenchmarkNewBundle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := huiyan.NewBundle(); err != nil {
			b.Fatal(err)
		}
	}
}

// goI18nBundle loads the Huiyan table's shipped locale files into a plain
// go-i18n bundle.
func goI18nBundle(b testing.TB) *i18n.Bundle { return goI18nBundles(b)[""] }

// The texts of 604 that exist (the Huiyan table gives it no remedy):
// what huiyan's Localize returns in one call, and go-i18n in one Localize
// each. The user text alone is fields[:1].
var fields = []string{"604.user", "604.title", "604.detail"}

// localizeAll is what an application does with go-i18n: one Localize per
// text it shows.
func localizeAll(lz *i18n.Localizer, ids []string) (out [4]string) {
	for i, id := range ids {
		out[i], _ = lz.Localize(&i18n.LocalizeConfig{MessageID: id})
	}
	return out
}

var sinkTexts [4]string

func BenchmarkGoI18n(b *testing.B) {
	ib := goI18nBundle(b)
	for _, bc := range []struct{ name, lang string }{
		{"tag", "en-US"},
		{"wechat", "zh_CN"},
		{"header", header},
	} {
		for _, texts := range []struct {
			name string
			ids  []string
		}{{"user", fields[:1]}, {"all", fields}} {
			b.Run("per_request_"+texts.name+"_"+bc.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkTexts = localizeAll(i18n.NewLocalizer(ib, bc.lang), texts.ids)
				}
			})
		}
	}
	b.Run("reused_localizer", func(b *testing.B) {
		lz := i18n.NewLocalizer(ib, header)
		b.ReportAllocs()
		for b.Loop() {
			sinkTexts = localizeAll(lz, fields)
		}
	})
	b.Run("new_localizer_cold", func(b *testing.B) {
		headers := coldHeaders()
		b.ReportAllocs()
		i := 0
		var lz *i18n.Localizer
		for b.Loop() {
			lz = i18n.NewLocalizer(ib, headers[i%len(headers)])
			i++
		}
		_ = lz
	})
	b.Run("load_bundle", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			goI18nBundle(b)
		}
	})
	b.Run("template", func(b *testing.B) {
		lz := i18n.NewLocalizer(ib, "en-US")
		cfg := &i18n.LocalizeConfig{MessageID: "305.detail", TemplateData: map[string]any{"Minutes": 5}, PluralCount: 5}
		b.ReportAllocs()
		for b.Loop() {
			sinkTexts[0], _ = lz.Localize(cfg)
		}
	})
}

// BenchmarkXText is x/text's way to choose a language for a header:
// ParseAcceptLanguage, then a Matcher of the bundle's locales, on the
// headers of Localize/cold_realistic.
func BenchmarkXText(b *testing.B) {
	var tags []language.Tag
	for _, l := range huiyan.Default().Locales() {
		tags = append(tags, language.MustParse(l))
	}
	m := language.NewMatcher(tags)
	headers := huiyan.RealisticHeaders(10000)
	b.Run("cold_realistic", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			prefs, _, _ := language.ParseAcceptLanguage(headers[i%len(headers)])
			sinkTag, _, _ = m.Match(prefs...)
			i++
		}
	})
}

var sinkTag language.Tag

var sinkString string

// BenchmarkMapMessage is the floor of Localize: a map from the language
// value to the message, looked up as Localize/tag and Localize/header
// are.
func BenchmarkMapMessage(b *testing.B) {
	for _, bc := range []struct{ name, lang string }{
		{"tag", "en-US"},
		{"header", header},
	} {
		m := mapFloor(huiyan.Default(), bc.lang)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = m[bc.lang]
			}
		})
	}
}

// BenchmarkMapLookup is the floor: one lookup in a map of strings.
func BenchmarkMapLookup(b *testing.B) {
	m := map[string]string{}
	for _, lang := range huiyan.Default().Locales() {
		for _, c := range messages.All() {
			m[lang+"/"+fmt.Sprint(int(c))] = huiyan.Default().Localize(c, lang).User
		}
	}
	key := "en-US/604"
	b.ReportAllocs()
	for b.Loop() {
		sinkString = m[key]
	}
}

// BenchmarkNewBundleLocales builds bundles of many locales, each a copy
// of en-US under another region's tag, over the shipped files: the cost of
// a build grows with the locales, one by one.
func BenchmarkNewBundleLocales(b *testing.B) {
	en, err := fs.ReadFile(locales.FS, "en-US.toml")
	if err != nil {
		b.Fatal(err)
	}
	var regions []string
	for c1 := 'A'; c1 <= 'Z'; c1++ {
		for c2 := 'A'; c2 <= 'Z'; c2++ {
			r := string([]rune{c1, c2})
			if t, err := language.Parse("en-" + r); err == nil && t.String() == "en-"+r && r != "US" {
				regions = append(regions, r) // a region's tag as it is, none that x/text renames
			}
		}
	}
	for _, n := range []int{10, 100, 400} {
		layer := fstest.MapFS{}
		for _, r := range regions[:min(n, len(regions))] {
			layer["en-"+r+".toml"] = &fstest.MapFile{Data: en}
		}
		b.Run(fmt.Sprint(len(layer)), func(b *testing.B) {
			for b.Loop() {
				if _, err := huiyan.NewBundle(locales.FS, layer); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
