package huiyan_test

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/BurntSushi/toml"
	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// TestCallgrind runs one call many times, for scripts/callgrind to count
// its instructions under valgrind: HUIYAN_CALLGRIND names what is called
// ("trace" or "tracemap" for passes over the realistic trace of
// trace_test.go, answered by Localize or by the floor's map; "localize" or
// "map" for one language value, HUIYAN_CALLGRIND_LANG;
// "cold" or "xtext" for the headers of RealisticHeaders in turn; "build"
// or "goi18nload" to build the default bundle, or load its files into
// go-i18n, which scripts/callgrind counts in the whole process) and
// HUIYAN_CALLGRIND_N how many calls. Without them the test does nothing.
func TestCallgrind(t *testing.T) {
	what := os.Getenv("HUIYAN_CALLGRIND")
	if what == "" {
		t.Skip("for scripts/callgrind")
	}
	lang := os.Getenv("HUIYAN_CALLGRIND_LANG")
	n, err := strconv.Atoi(os.Getenv("HUIYAN_CALLGRIND_N"))
	if err != nil || n < 1 {
		t.Fatalf("HUIYAN_CALLGRIND_N: %v", err)
	}
	huiyan.Default() // built before counting
	switch what {
	case "trace", "tracemap":
		// n passes over the realistic trace, after two that warm it.
		trace := realisticTrace()
		b := huiyan.Default()
		runTrace(b, trace)
		runTrace(b, trace)
		if what == "trace" {
			callgrindTrace(b, trace, n)
		} else {
			callgrindTraceFloor(traceFloor(b, trace), trace, n)
		}
		return
	case "cold":
		callgrindCold(huiyan.RealisticHeaders(10000), n)
		return
	case "build":
		for range n {
			mustBundle()
		}
		return
	case "goi18nload":
		for range n {
			goI18nBundles(t)
		}
		return
	case "xtext":
		var tags []language.Tag
		for _, l := range huiyan.Default().Locales() {
			tags = append(tags, language.MustParse(l))
		}
		callgrindXText(language.NewMatcher(tags), huiyan.RealisticHeaders(10000), n)
		return
	}
	want := huiyan.Localize(messages.SimilarityTooLow, lang)
	switch what {
	case "localize":
		callgrindLocalize(lang, n)
	case "map":
		// The floor: a map from the language value to the message.
		m := mapFloor(huiyan.Default(), lang)
		callgrindMap(m, lang, n)
	default:
		t.Fatalf("HUIYAN_CALLGRIND=%q", what)
	}
	if sink != want {
		t.Fatalf("got %+v, want %+v", sink, want)
	}
}

//go:noinline
func callgrindLocalize(lang string, n int) {
	for range n {
		sink = huiyan.Localize(messages.SimilarityTooLow, lang)
	}
}

//go:noinline
func callgrindMap(m map[string]huiyan.Message, lang string, n int) {
	for range n {
		sink = m[lang]
	}
}

//go:noinline
func callgrindCold(headers []string, n int) {
	for i := range n {
		sink = huiyan.Localize(messages.SimilarityTooLow, headers[i%len(headers)])
	}
}

//go:noinline
func callgrindXText(m language.Matcher, headers []string, n int) {
	for i := range n {
		prefs, _, _ := language.ParseAcceptLanguage(headers[i%len(headers)])
		sinkTag, _, _ = m.Match(prefs...)
	}
}

//go:noinline
func callgrindTrace(b *huiyan.Bundle, trace []request, n int) {
	for range n {
		runTrace(b, trace)
	}
}

//go:noinline
func callgrindTraceFloor(m map[traceKey]huiyan.Message, trace []request, n int) {
	for range n {
		runTraceFloor(m, trace)
	}
}

// goI18nBundles loads the shipped locale files into plain go-i18n
// bundles, one per table (their message IDs collide: both tables have a
// 302), keyed by the table's file prefix: "" for zh-CN.toml and the other
// files of the Huiyan table, "faceid" for faceid.zh-CN.toml and the rest.
func goI18nBundles(tb testing.TB) map[string]*i18n.Bundle {
	entries, err := fs.ReadDir(locales.FS, ".")
	if err != nil {
		tb.Fatal(err)
	}
	bundles := make(map[string]*i18n.Bundle)
	for _, e := range entries {
		table, _, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".toml"), ".")
		if !ok {
			table = ""
		}
		ib := bundles[table]
		if ib == nil {
			ib = i18n.NewBundle(language.MustParse("zh-CN"))
			ib.RegisterUnmarshalFunc("toml", toml.Unmarshal)
			bundles[table] = ib
		}
		if _, err := ib.LoadMessageFileFS(locales.FS, e.Name()); err != nil {
			tb.Fatal(err)
		}
	}
	return bundles
}
