package huiyan

import (
	"errors"
	"io/fs"
	"math"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"text/template/parse"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The seed corpora are in testdata/fuzz; the seeds added here are the
// ones every run must pass whatever happens to those files.
//
// Some seeds are large (a 100 KB header, the shipped locale files), and
// FuzzLoad builds a bundle per input, in milliseconds. Minimizing a large
// new input one byte at a time then takes the whole default minimization
// time (60 s) while nothing is fuzzed, so run these targets with a bound:
//
//	go test -run '^$' -fuzz '^FuzzLoad$' -fuzzminimizetime 10x .

// FuzzLocalize checks the promises of Localize and LocalizeWith for any
// code and any language value, on the shipped locales.
func FuzzLocalize(f *testing.F) {
	for _, s := range []struct {
		code int
		lang string
	}{
		{604, "zh-CN,zh;q=0.9,en;q=0.8"},
		{655, "en-US,en;q=0.9"},
		{305, "zh_CN"},
		{10, "zh-HK,zh-Hant;q=0.9,en;q=0.8"},
		{699, "zh;q=NaN,en;q=1e999,fr;q=-1"},
		{655, "zh-CN;q=0.5000, en-US;q=0.4"},
		{655, `zh-CN;q=.5,en;q=1e-1,fr;q=,de;q="0.5",ja;q=2`},
		{655, "en-US;q=0.8;q=0.9"},
		{math.MinInt64, "\xff\x00"},
		{math.MaxInt64, ""},
		{-1, "*"},
	} {
		f.Add(s.code, s.lang)
	}
	b := Default()
	locs := b.Locales()
	all := messages.All()
	f.Fuzz(func(t *testing.T, code int, lang string) {
		c := messages.Code(code)
		m := b.Localize(c, lang)
		checkShipped(t, c, lang, m, locs)
		if again := b.Localize(c, lang); again != m {
			t.Fatalf("Localize(%d, %q) twice:\n%+v\n%+v", code, lang, m, again)
		}
		if pkg := Localize(c, lang); pkg != m {
			t.Fatalf("Localize(%d, %q) = %+v, Default().Localize = %+v", code, lang, pkg, m)
		}
		if !m.Known && !strings.Contains(m.Title, strconv.Itoa(code)) {
			t.Fatalf("Localize(%d, %q).Title = %q, want the code in it", code, lang, m.Title)
		}

		// Parameters from the input, on the code itself and on a known
		// code, which may have a parameter to render.
		v := code
		params := map[string]int{"Minutes": v, "Seconds": -v, "Quota": v, "Days": len(lang), "Hours": v, "DailyLimit": v, "Code": v}
		if w := LocalizeWith(b, c, lang, params); w.Lang != m.Lang {
			t.Fatalf("LocalizeWith(%d, %q).Lang = %q, Localize's %q", code, lang, w.Lang, m.Lang)
		} else {
			checkShipped(t, c, lang, w, locs)
		}
		kc := all[uint(code)%uint(len(all))]
		kw := LocalizeWith(b, kc, lang, params)
		checkShipped(t, kc, lang, kw, locs)
		if p, ok := kc.Param(); ok {
			n := strconv.Itoa(params[p.Name])
			if !strings.Contains(kw.User+kw.Title+kw.Detail+kw.Remedy, n) {
				t.Fatalf("LocalizeWith(%d, %q, %s=%s) = %+v, want %s in a text", kc, lang, p.Name, n, kw, n)
			}
		} else if kl := b.Localize(kc, lang); kw != kl {
			t.Fatalf("LocalizeWith(%d, %q) of a code without parameter = %+v, Localize = %+v", kc, lang, kw, kl)
		}
	})
}

// checkShipped checks a message of the shipped locales.
func checkShipped(t *testing.T, c messages.Code, lang string, m Message, locs []string) {
	t.Helper()
	if m.Code != c || m.Known != c.Known() {
		t.Fatalf("Localize(%d, %q): Code, Known = %d, %v; want %d, %v", c, lang, m.Code, m.Known, c, c.Known())
	}
	if !slices.Contains(locs, m.Lang) {
		t.Fatalf("Localize(%d, %q).Lang = %q, want one of %v", c, lang, m.Lang, locs)
	}
	if m.User == "" || m.Title == "" {
		t.Fatalf("Localize(%d, %q): empty User or Title: %+v", c, lang, m)
	}
	ids := []string{strconv.Itoa(int(c)) + ".user", load.CategoryID(messages.Huiyan, int(c.Category()), load.FieldUser)}
	for _, s := range []string{m.User, m.Title, m.Detail, m.Remedy} {
		if strings.Contains(s, "{{") || slices.Contains(ids, s) {
			t.Fatalf("Localize(%d, %q): a message ID or template for a text: %+v", c, lang, m)
		}
	}
}

// FuzzLoad checks that any content of a locale file either loads into a
// bundle that keeps every promise of Localize, or fails with file errors.
func FuzzLoad(f *testing.F) {
	en, err := locales.FS.ReadFile("en-US.toml")
	if err != nil {
		f.Fatal(err)
	}
	zh, err := locales.FS.ReadFile("zh-CN.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range [][]byte{
		en,
		zh,
		nil,
		[]byte("[655]\nuser = \"Move back a little.\"\n"),
		[]byte("[305.detail]\none = \"{{.Minutes}} minute\"\nother = \"{{.Minutes}} minutes\"\n"),
		[]byte("[655]\nuser = \"a\"\nuser = \"b\"\n"),
		[]byte("[305]\nuser = \"{{.Seconds}}\"\n"),
		[]byte("[655\nuser = \"x\n"),
	} {
		f.Add(s)
	}
	shipped := shippedFS(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		withEN := fstest.MapFS{"en-US.toml": {Data: data}}
		for name, file := range shipped {
			if name != "en-US.toml" {
				withEN[name] = file
			}
		}
		checkLoad(t, withEN, data)
		checkLoad(t, fstest.MapFS{"zh-CN.toml": {Data: data}}, data)
	})
}

// checkLoad checks NewBundle on fsys, whose one changed file is data.
func checkLoad(t *testing.T, fsys fstest.MapFS, data []byte) {
	t.Helper()
	b, err := newBundleNoPanic(t, fsys)
	// Lint reads every file with its lines, NewBundle only after a
	// problem: both must agree on whether the files load. Lint adds
	// advice to what loading finds.
	fatal := load.Load(messages.Huiyan, load.Layers([]fs.FS{fsys})).Problems.Err() != nil
	if fatal != (err != nil) {
		t.Fatalf("Lint finds an error: %v; NewBundle fails: %v\nfile: %q", fatal, err, clip(data))
	}
	if err != nil {
		if b != nil {
			t.Fatalf("NewBundle returned a bundle with the error %v", err)
		}
		joined, ok := err.(interface{ Unwrap() []error })
		if !ok {
			t.Fatalf("NewBundle error %T %v is not joined file errors", err, err)
		}
		for _, e := range joined.Unwrap() {
			var fe *FileError
			if !errors.As(e, &fe) || fe != e {
				t.Fatalf("NewBundle error %T %v is not a *FileError", e, e)
			}
			if !strings.HasPrefix(e.Error(), "huiyan: ") || fe.File == "" {
				t.Fatalf("NewBundle error %q does not start with \"huiyan: \" and a file", e.Error())
			}
		}
		return
	}
	if b == nil {
		t.Fatal("NewBundle returned neither a bundle nor an error")
	}
	if err := rendersAsGoI18n(load.Layers([]fs.FS{fsys})); err != nil {
		t.Fatalf("%v\nfile: %q", err, clip(data))
	}
	locs := b.Locales()
	codes := append(messages.All(), -1, 6, 506, 699, 904, 1000, math.MaxInt)
	for _, lang := range []string{"en-US", "zh-CN", "ja", ""} {
		for _, c := range codes {
			m := b.Localize(c, lang)
			if m.User == "" || m.Title == "" {
				t.Fatalf("Localize(%d, %q): empty User or Title: %+v\nfile: %q", c, lang, m, clip(data))
			}
			if !slices.Contains(locs, m.Lang) {
				t.Fatalf("Localize(%d, %q).Lang = %q, want one of %v\nfile: %q", c, lang, m.Lang, locs, clip(data))
			}
			for _, s := range []string{m.User, m.Title, m.Detail, m.Remedy} {
				if unrendered(s) {
					t.Fatalf("Localize(%d, %q): unrendered template %q\nfile: %q", c, lang, s, clip(data))
				}
			}
		}
	}
}

// newBundleNoPanic is NewBundle, with a panic reported as a failure of t
// alone, so that the other tests still run and report.
func newBundleNoPanic(t *testing.T, fsys fstest.MapFS) (b *Bundle, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("NewBundle panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return NewBundle(fsys)
}

// unrendered reports whether s is a template that was not executed. A text
// may print "{{" itself ({{"{{"}}): that is no template unless it parses
// as one with an action.
func unrendered(s string) bool {
	if !strings.Contains(s, "{{") {
		return false
	}
	tm, err := template.New("").Parse(s)
	if err != nil || tm.Root == nil {
		return false
	}
	return slices.ContainsFunc(tm.Root.Nodes, func(n parse.Node) bool { return n.Type() != parse.NodeText })
}

func clip(b []byte) []byte { return b[:min(len(b), 200)] }
