package e2e

import (
	"context"
	"flag"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue"
	"github.com/huiyan-i18n/huiyan/messages"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the browser test's screenshots to docs/ of the repository, and those of the tables to e2e/screenshots")

// browserPath returns the path of a Chromium or Chrome. With none, the
// test is skipped, unless CI is set: there a browser is required.
func browserPath(t *testing.T) string {
	t.Helper()
	return programPath(t, "chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
}

// programPath returns the path of the first of names found on PATH, a
// program that Debian's package pkg installs. With none, the test is
// skipped, unless CI is set: there the program is required.
func programPath(t *testing.T, pkg string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no "+names[0]+" found on PATH", "install the Debian package "+pkg)
	return ""
}

// patience bounds one step in the browser; the machines that run the
// tests are shared and slow at times.
const patience = 90 * time.Second

// browser is a headless Chromium on a page of the catalogue.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string // the catalogue's URL, ending in a slash
}

// newBrowser starts a headless Chromium for the test, with a profile of
// its own, and stops it when the test ends.
func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	profile, err := os.MkdirTemp("", "huiyan-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath(t)),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	// The first action starts the browser, which lives as long as ctx:
	// it runs without a timeout, and later steps with one.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return &browser{t: t, ctx: ctx, base: base}
}

// do runs browser actions, failing the test on an error.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// navigate runs actions that load a page, such as a click on a link, and
// waits for the page.
func (b *browser) navigate(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, actions...)
	if err != nil {
		b.t.Fatal(err)
	}
	if res.Status != http.StatusOK {
		b.t.Fatalf("%s: status %d", res.URL, res.Status)
	}
}

// open loads the page at path, relative to the catalogue.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base + path))
}

// eval returns the value of a JavaScript expression on the page.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// shown returns the text the page displays in the first element that
// selector matches, or "" when none does: its innerText, which leaves out
// what is hidden.
func (b *browser) shown(selector string) string {
	b.t.Helper()
	return eval[string](b, `(e => e ? e.innerText.trim() : "")(document.querySelector(`+jsString(selector)+`))`)
}

// shownAll returns the displayed text of every element selector matches.
func (b *browser) shownAll(selector string) []string {
	b.t.Helper()
	return eval[[]string](b, `Array.from(document.querySelectorAll(`+jsString(selector)+`), e => e.innerText.trim())`)
}

// cards returns the codes of the Huiyan table's cards that the page
// displays, in order: their ids are the codes alone.
func (b *browser) cards() []int {
	b.t.Helper()
	return eval[[]int](b, `Array.from(document.querySelectorAll("article.card")).filter(e => e.getClientRects().length > 0 && /^-?[0-9]+$/.test(e.id)).map(e => Number(e.id))`)
}

// cardIDs returns the ids of the cards the page displays, of any table:
// "302" for a Huiyan code, "faceid-302" for a FaceID code.
func (b *browser) cardIDs() []string {
	b.t.Helper()
	return eval[[]string](b, `Array.from(document.querySelectorAll("article.card")).filter(e => e.getClientRects().length > 0).map(e => e.id)`)
}

// search types text into the search box and presses Enter.
func (b *browser) search(text string) {
	b.t.Helper()
	// The box is emptied by script: SetValue cannot set an empty value.
	eval[string](b, `document.querySelector('input[name="q"]').value = ""`)
	b.navigate(chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), text+kb.Enter))
}

// location returns the page's URL, relative to the catalogue.
func (b *browser) location() string {
	b.t.Helper()
	loc := eval[string](b, `location.href`)
	rel, ok := strings.CutPrefix(loc, b.base)
	if !ok {
		b.t.Fatalf("the page %s is outside the catalogue %s", loc, b.base)
	}
	return rel
}

// screenshot saves the viewport as a PNG in the test's artifacts, and
// with -update-screenshots in docs/ of the repository, where the
// documentation shows it.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	b.capture(filepath.Join("..", "docs"), name)
}

// capture saves the viewport as a PNG in the test's artifacts, and with
// -update-screenshots in dir.
func (b *browser) capture(dir, name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	dirs := []string{b.t.ArtifactDir()}
	if *updateScreenshots {
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, png, 0o644); err != nil {
			b.t.Fatal(err)
		}
		b.t.Logf("screenshot: %s", file)
	}
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`, "<", `\x3c`)
	return `"` + r.Replace(s) + `"`
}

// Markup that a deployment's file or a search could hold.
const (
	scriptText = `<script>alert(1)</script>`
	imgText    = `"><img src=x onerror=alert(1)>`
)

// writeAtomically writes a locale file as a careful editor does.
func writeAtomically(t *testing.T, file, content string) {
	t.Helper()
	if err := os.WriteFile(file+".tmp", []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(file+".tmp", file); err != nil {
		t.Fatal(err)
	}
}

// overrides is a deployment's en-US file: a user text for 659, and
// markup in the texts of 605.
func overrides(user659 string) string {
	return "[605]\nuser = '" + scriptText + "'\ntitle = '" + imgText + "'\n\n[659]\nuser = \"" + user659 + "\"\n"
}

// TestBrowser drives a headless Chromium through the page as an operator
// would, and checks what it displays.
func TestBrowser(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	file := filepath.Join(dir, "en-US.toml")
	writeAtomically(t, file, overrides("It is too dark here (first text)."))
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{Interval: 100 * time.Millisecond, OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	bundle := w.Bundle()

	// The watched catalogue under a prefix, as a service mounts it; the
	// shipped one at the root, for the screenshots.
	mux := http.NewServeMux()
	mux.Handle("/ops/huiyan/", http.StripPrefix("/ops/huiyan", catalogue.New(w)))
	mux.Handle("/", catalogue.New(huiyan.Default()))
	// And with counts, as a fleet's Prometheus gives them.
	prom := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(fleetCounts))
	}))
	defer prom.Close()
	mux.Handle("/counted/", http.StripPrefix("/counted", catalogue.New(huiyan.Default(), catalogue.WithPrometheus(prom.URL))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	b := newBrowser(t, srv.URL+"/ops/huiyan/")

	t.Run("list", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		if got := eval[string](b, `document.documentElement.lang`); got != "en-US" {
			t.Errorf("<html lang=%q>", got)
		}
		if got, want := b.cards(), ints(messages.All()); !slices.Equal(got, want) {
			t.Errorf("cards %v, want every code %v", got, want)
		}
		m := bundle.Localize(messages.SimilarityTooLow, "en-US")
		for sel, want := range map[string]string{
			`[id="604"] h2.title`:  m.Title,
			`[id="604"] dd.user`:   m.User,
			`[id="604"] dd.detail`: m.Detail,
			`[id="604"] .badge`:    "Liveness",
		} {
			if got := b.shown(sel); got != want {
				t.Errorf("%s shows %q, want %q", sel, got, want)
			}
		}
		// The style sheet applies, under the prefix and the policy.
		if got := eval[string](b, `getComputedStyle(document.querySelector(".bar")).position`); got != "sticky" {
			t.Errorf("the bar's position is %q: the style sheet did not load", got)
		}
	})

	t.Run("search for a code", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		b.search("655")
		if got := b.cards(); !slices.Equal(got, []int{655}) {
			t.Errorf("cards %v, want [655]", got)
		}
		// A search is of both tables: each card names its table.
		if got, want := b.shown(`[id="655"] h2.title`), "Huiyan "+bundle.Localize(655, "en-US").Title; got != want {
			t.Errorf("655 shows %q, want %q", got, want)
		}
		if got := eval[string](b, `document.querySelector('input[name="q"]').value`); got != "655" {
			t.Errorf("the search box holds %q after the search", got)
		}
	})

	t.Run("search for words", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		title := bundle.Localize(messages.LightTooDim, "en-US").Title
		b.search(strings.ToLower(title))
		got := b.cards()
		if !slices.Contains(got, int(messages.LightTooDim)) || len(got) >= len(messages.All()) {
			t.Errorf("searching %q shows %v", title, got)
		}
		for _, mark := range b.shownAll(`[id="659"] mark`) {
			if !strings.Contains(strings.ToLower(title), strings.ToLower(mark)) {
				t.Errorf("marked %q, which is not a searched word", mark)
			}
		}
		if len(b.shownAll(`[id="659"] mark`)) == 0 {
			t.Error("no searched word is marked")
		}
	})

	t.Run("search in another language", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		b.search(bundle.Localize(messages.LightTooDim, "zh-CN").Title)
		if got := b.cards(); !slices.Contains(got, int(messages.LightTooDim)) {
			t.Errorf("searching the Chinese title shows %v", got)
		}
		if got, want := b.shown(`[id="659"] h2.title`), "Huiyan "+bundle.Localize(messages.LightTooDim, "en-US").Title; got != want {
			t.Errorf("659 shows %q, want the English %q", got, want)
		}
	})

	t.Run("filter a category", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		b.navigate(chromedp.SetValue(chromedp.CSS(`select[name="cat"]`), "sms"), chromedp.Click(chromedp.CSS(`form.search button`)))
		if got, want := b.cards(), codesOf(messages.SMS); !slices.Equal(got, want) {
			t.Errorf("cards %v, want the SMS codes %v", got, want)
		}
		for _, badge := range b.shownAll(`article.card .badge`) {
			if want := "SMS"; badge != want {
				t.Errorf("badge %q, want %q", badge, want)
			}
		}
	})

	t.Run("switch language", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US&cat=sms")
		b.navigate(chromedp.Click(chromedp.CSS(`nav.langs a[hreflang="zh-CN"]`)))
		if got := eval[string](b, `document.documentElement.lang`); got != "zh-CN" {
			t.Errorf("<html lang=%q>", got)
		}
		if got, want := b.cards(), codesOf(messages.SMS); !slices.Equal(got, want) {
			t.Errorf("the switch lost the filter: cards %v", got)
		}
		m := bundle.Localize(messages.SMSCodeExpired, "zh-CN")
		if got := b.shown(`[id="305"] h2.title`); got != m.Title {
			t.Errorf("305 shows %q, want %q", got, m.Title)
		}
		if got, want := b.shown(`form.search button`), "搜索"; got != want {
			t.Errorf("the button says %q, want %q", got, want)
		}

		b.navigate(chromedp.Click(chromedp.CSS(`nav.langs a:last-child`)))
		if got, want := b.shownAll(`[id="305"] .cmp thead th`), bundle.Locales(); !slices.Equal(got, want) {
			t.Errorf("side by side shows the locales %v, want %v", got, want)
		}
		users := b.shownAll(`[id="305"] tr.user td .txt`)
		for i, l := range bundle.Locales() {
			if want := bundle.Localize(messages.SMSCodeExpired, l).User; i >= len(users) || !strings.HasPrefix(users[i], want) {
				t.Errorf("side by side, %s shows %q, want %q", l, users, want)
			}
		}
	})

	t.Run("follow a code's link", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		b.navigate(chromedp.Click(chromedp.CSS(`[id="655"] .links a`)))
		if got := b.location(); got != "codes/655?lang=en-US" {
			t.Errorf("the link leads to %q", got)
		}
		m := bundle.Localize(655, "en-US")
		if got := b.shown(`h1.title`); got != m.Title {
			t.Errorf("the code's page shows %q, want %q", got, m.Title)
		}
		if got := b.cards(); !slices.Equal(got, []int{655}) {
			t.Errorf("the code's page shows cards %v", got)
		}
		b.navigate(chromedp.Click(chromedp.CSS(`.crumbs a`)))
		if got := b.location(); got != "?lang=en-US#655" {
			t.Errorf("back leads to %q", got)
		}
		if got := eval[string](b, `(document.querySelector(":target") || {}).id || ""`); got != "655" {
			t.Errorf("the list shows %q as its target, want 655", got)
		}
	})

	t.Run("markup is text", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		if got := b.shown(`[id="605"] dd.user`); got != scriptText {
			t.Errorf("605 shows %q, want %q", got, scriptText)
		}
		if got := b.shown(`[id="605"] h2.title`); got != imgText {
			t.Errorf("605 shows %q, want %q", got, imgText)
		}
		for _, q := range []string{scriptText, imgText} {
			b.search(q)
			if got := eval[string](b, `document.querySelector('input[name="q"]').value`); got != q {
				t.Errorf("the search box holds %q, want %q", got, q)
			}
			if got := b.cards(); !slices.Contains(got, 605) {
				t.Errorf("searching %q shows %v, want 605", q, got)
			}
		}
		if n := eval[int](b, `document.querySelectorAll("script, [onerror], img:not(.brand img)").length`); n != 0 {
			t.Errorf("the page has %d elements made of the texts", n)
		}
	})

	t.Run("a watched edit shows on reload", func(t *testing.T) {
		b.t = t
		const edited = "It is too dark here (edited text)."
		b.open("?lang=en-US")
		if got := b.shown(`[id="659"] dd.user`); got != "It is too dark here (first text)." {
			t.Fatalf("659 shows %q before the edit", got)
		}
		writeAtomically(t, file, overrides(edited))
		b.until("659 shows the edit", func() bool { return b.shown(`[id="659"] dd.user`) == edited })
	})

	t.Run("a bad edit shows its fault", func(t *testing.T) {
		b.t = t
		writeAtomically(t, file, overrides("It is too dark here (edited text).")+"usr = \"typo\"\n")
		want := file + ":7"
		b.until("the banner names "+want, func() bool { return strings.Contains(b.shown(`.fault`), want) })
		if got := b.shown(`[id="659"] dd.user`); got != "It is too dark here (edited text)." {
			t.Errorf("under the fault, 659 shows %q, want the previous text", got)
		}
		if src, err := axeSource(); err == nil {
			b.checkAxe("the fault banner", src)
			b.open("codes/655?lang=zh-CN")
			b.checkAxe("the fault banner on a code's page", src)
		} else if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is missing and CI is set: %v", err)
		}
		writeAtomically(t, file, overrides("It is too dark here (fixed)."))
		b.until("the banner goes", func() bool { return b.shown(`.fault`) == "" })
	})

	// The shipped catalogue at the root, from here on.
	b.base = srv.URL + "/"

	t.Run("switch tables by keyboard", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		b.tabTo(`nav.tables a.tab-faceid`)
		b.navigate(chromedp.KeyEvent(kb.Enter))
		if got := b.location(); got != "?lang=en-US&table=faceid" {
			t.Errorf("the FaceID tab leads to %q", got)
		}
		if got, want := b.shown("h1"), "FaceID result codes"; got != want {
			t.Errorf("the heading says %q, want %q", got, want)
		}
		current := `Array.from(document.querySelectorAll("nav.tables a"), a => a.className + " " + (a.getAttribute("aria-current") || "-"))`
		if got, want := eval[[]string](b, current), []string{"tab tab-huiyan -", "tab tab-faceid page"}; !slices.Equal(got, want) {
			t.Errorf("the tabs %q, want %q", got, want)
		}
		if got, want := b.cardIDs(), faceIDs(faceid.All()...); !slices.Equal(got, want) {
			t.Errorf("cards %v, want every FaceID code", got)
		}
		m := huiyan.LocalizeWith(bundle, faceid.IDCardExpired, "en-US", nil)
		if got := b.shown(`[id="faceid-302"] h2.title`); got != m.Title {
			t.Errorf("FaceID 302 shows %q, want %q", got, m.Title)
		}
		if got := b.shown(`[id="faceid-1203"] .badge`); got != "Liveness: actions" {
			t.Errorf("FaceID 1203's section is %q", got)
		}
		// And back, from the top of the new page.
		b.tabTo(`nav.tables a.tab-huiyan`)
		b.navigate(chromedp.KeyEvent(kb.Enter))
		if got := b.location(); got != "?lang=en-US" {
			t.Errorf("the Huiyan tab leads to %q", got)
		}
		if got, want := b.cards(), ints(messages.All()); !slices.Equal(got, want) || len(b.cardIDs()) != len(want) {
			t.Errorf("cards %v, want every Huiyan code", b.cardIDs())
		}
		if got, want := eval[[]string](b, current), []string{"tab tab-huiyan page", "tab tab-faceid -"}; !slices.Equal(got, want) {
			t.Errorf("the tabs %q, want %q", got, want)
		}
	})

	t.Run("search 302, in both tables", func(t *testing.T) {
		b.t = t
		huiyan302 := bundle.Localize(302, "zh-CN").Title
		face302 := huiyan.LocalizeWith(bundle, faceid.IDCardExpired, "zh-CN", nil).Title
		for _, tt := range []struct {
			from, first, second string
		}{
			{"?lang=zh-CN", "302", "faceid-302"},
			{"?lang=zh-CN&table=faceid", "faceid-302", "302"},
		} {
			b.open(tt.from)
			b.search("302")
			ids := b.cardIDs()
			first, second := slices.Index(ids, tt.first), slices.Index(ids, tt.second)
			if first < 0 || second < 0 || first > second {
				t.Errorf("from %s, the cards %v: want %s, then %s", tt.from, ids, tt.first, tt.second)
			}
			for sel, want := range map[string]string{
				`[id="302"] h2.title`:        "慧眼 " + huiyan302,
				`[id="faceid-302"] h2.title`: "人脸核身 " + face302,
				`[id="302"] .badge`:          "短信验证",
				`[id="faceid-302"] .badge`:   "身份证",
			} {
				if got := b.shown(sel); got != want {
					t.Errorf("from %s, %s shows %q, want %q", tt.from, sel, got, want)
				}
			}
			if got := b.shown(".count"); !strings.Contains(got, "慧眼错误码：1 个") || !strings.Contains(got, "人脸核身返回码：") {
				t.Errorf("from %s, the count says %q", tt.from, got)
			}
		}
		if got := b.location(); got != "?q=302&cat=&lang=zh-CN&table=faceid" {
			t.Errorf("the search from the FaceID table is at %q", got)
		}
		b.navigate(chromedp.Click(chromedp.CSS(`[id="302"] .links a`)))
		if got := b.location(); got != "codes/302?lang=zh-CN" {
			t.Errorf("the Huiyan 302 card leads to %q", got)
		}
		if got := b.shown(".note.also"); !strings.Contains(got, face302) {
			t.Errorf("Huiyan 302's page says %q, not what FaceID's 302 is", got)
		}
	})

	t.Run("the billed flag", func(t *testing.T) {
		b.t = t
		type flag struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		b.open("?lang=en-US&table=faceid")
		flags := eval[[]flag](b, `Array.from(document.querySelectorAll("article.card"), a => ({id: a.id, text: (a.querySelector(".tag.bill") || {innerText: ""}).innerText}))`)
		if len(flags) != len(faceid.All()) {
			t.Fatalf("%d cards, want %d", len(flags), len(faceid.All()))
		}
		for i, c := range faceid.All() {
			want := "not billed"
			if c.Billed() {
				want = "billed"
			}
			if flags[i].Text != want {
				t.Errorf("%s says %q, want %q", flags[i].ID, flags[i].Text, want)
			}
		}
		b.open("?lang=zh-CN&table=faceid&view=compact")
		for code, want := range map[string]string{"2016": "是", "1002": "是", "302": "否"} {
			if got := b.shown(`tr[id="faceid-` + code + `"] td.c-billed`); got != want {
				t.Errorf("%s's row says %q, want %q", code, got, want)
			}
		}
		if got := b.shown(`table.codes th.c-billed`); got != "是否收费" {
			t.Errorf("the column is %q", got)
		}
		b.open("?lang=en-US")
		if n := eval[int](b, `document.querySelectorAll(".bill, .c-billed").length`); n != 0 {
			t.Errorf("the Huiyan table has %d billed flags", n)
		}
	})

	t.Run("side by side keeps the page's language", func(t *testing.T) {
		b.t = t
		// The browser asks for English; the page is in Traditional Chinese.
		b.open("?lang=zh-TW&cat=sms")
		b.navigate(chromedp.Click(chromedp.CSS(`nav.langs a:last-child`)))
		if got := eval[string](b, `document.documentElement.lang`); got != "zh-TW" {
			t.Errorf("side by side from zh-TW: <html lang=%q>", got)
		}
		if got, want := b.shown(`form.search button`), "搜尋"; got != want {
			t.Errorf("side by side from zh-TW: the button says %q, want %q", got, want)
		}
		if got, want := b.cards(), codesOf(messages.SMS); !slices.Equal(got, want) {
			t.Errorf("side by side lost the filter: cards %v", got)
		}
		if n := eval[int](b, `document.querySelectorAll("article.card h2").length`); n != len(codesOf(messages.SMS)) {
			t.Errorf("side by side has %d card headings for %d cards", n, len(codesOf(messages.SMS)))
		}
	})

	t.Run("side by side lines up", func(t *testing.T) {
		b.t = t
		b.do(chromedp.EmulateViewport(1280, 800))
		defer b.do(chromedp.EmulateViewport(1280, 900))
		b.open("?lang=all&ui=en-US")
		type field struct {
			Code  string    `json:"code"`
			Field string    `json:"field"`
			Tops  []float64 `json:"tops"`
			Lefts []float64 `json:"lefts"`
		}
		fields := eval[[]field](b, `Array.from(document.querySelectorAll("article.card")).flatMap(a =>
			Array.from(a.querySelectorAll(".cmp tbody tr"), tr => ({code: a.id, field: tr.className,
				tops: Array.from(tr.querySelectorAll("td"), e => e.getBoundingClientRect().top + scrollY),
				lefts: Array.from(tr.querySelectorAll("td"), e => e.getBoundingClientRect().left)})))`)
		first := map[string]string{}
		for _, f := range fields {
			if _, ok := first[f.Code]; !ok {
				first[f.Code] = f.Field
			}
			if len(f.Tops) != len(bundle.Locales()) {
				t.Fatalf("%s %s: %d cells for %d locales", f.Code, f.Field, len(f.Tops), len(bundle.Locales()))
			}
			for i := range f.Tops {
				if math.Abs(f.Tops[i]-f.Tops[0]) > 0.5 {
					t.Errorf("%s: the %s of %s is at y=%.0f, of %s at y=%.0f", f.Code, f.Field, bundle.Locales()[i], f.Tops[i], bundle.Locales()[0], f.Tops[0])
				}
				if i > 0 && f.Lefts[i] <= f.Lefts[i-1]+100 {
					t.Errorf("%s %s: the locales are not side by side: x %v", f.Code, f.Field, f.Lefts)
				}
			}
		}
		if len(first) != len(messages.All()) {
			t.Errorf("fields of %d codes measured, want %d", len(first), len(messages.All()))
		}
		for code, f := range first {
			if f != "title" {
				t.Errorf("%s: the first field is %s, not the title", code, f)
			}
		}
		t.Logf("%d fields of %d codes measured: each on one row across %d locales", len(fields), len(first), len(bundle.Locales()))
	})

	t.Run("compact view", func(t *testing.T) {
		b.t = t
		b.do(chromedp.EmulateViewport(1280, 800))
		defer b.do(chromedp.EmulateViewport(1280, 900))
		b.open("?lang=en-US")
		b.navigate(chromedp.Click(chromedp.CSS(`nav.views a:last-child`)))
		if got := b.location(); got != "?lang=en-US&view=compact" {
			t.Errorf("the compact view is at %q", got)
		}
		rows := eval[[]int](b, `Array.from(document.querySelectorAll("table.codes tbody tr"), e => Number(e.id))`)
		if !slices.Equal(rows, ints(messages.All())) {
			t.Errorf("rows %v, want every code", rows)
		}
		if n := len(b.cards()); n != 0 {
			t.Errorf("%d cards in the compact view", n)
		}
		m := bundle.Localize(messages.FaceTooClose, "en-US")
		if got, want := b.shownAll(`tr[id="655"] td`), []string{"655", "FaceTooClose", "Liveness", m.Title}; !slices.Equal(got, want) {
			t.Errorf("655's row shows %q, want %q", got, want)
		}
		seen := eval[int](b, `Array.from(document.querySelectorAll("table.codes tbody tr")).filter(e => e.getBoundingClientRect().bottom <= innerHeight).length`)
		t.Logf("the compact view shows %d codes on a 1280x800 screen", seen)
		if seen < 15 {
			t.Errorf("the compact view shows %d codes on a 1280x800 screen, want 15 or more", seen)
		}
		b.navigate(chromedp.Click(chromedp.CSS(`nav.langs a[hreflang="zh-CN"]`)))
		if got := b.location(); got != "?lang=zh-CN&view=compact" {
			t.Errorf("switching language leads to %q, out of the compact view", got)
		}
		b.navigate(chromedp.Click(chromedp.CSS(`tr[id="655"] .c-code a`)))
		if got := b.location(); got != "codes/655?lang=zh-CN" {
			t.Errorf("655's row leads to %q", got)
		}
		if got, want := b.shown(`h1.title`), bundle.Localize(655, "zh-CN").Title; got != want {
			t.Errorf("655's page shows %q, want %q", got, want)
		}
	})

	t.Run("errors are pages", func(t *testing.T) {
		b.t = t
		for _, path := range []string{"nope?lang=zh-CN", "codes/abc?lang=zh-CN", "codes/99999999999999999999?lang=zh-CN"} {
			b.open(path)
			if got := eval[string](b, `document.documentElement.lang`); got != "zh-CN" {
				t.Errorf("%s: <html lang=%q>", path, got)
			}
			if b.shown("h1") == "" || b.shown(".error") == "" {
				t.Errorf("%s: no heading or no message", path)
			}
			b.navigate(chromedp.Click(chromedp.CSS(`main .crumbs a`)))
			if got := b.location(); got != "?lang=zh-CN" {
				t.Errorf("%s: the way back leads to %q", path, got)
			}
		}
		b.navigate(chromedp.Navigate(b.base + "codes/0655?lang=en-US"))
		if got := b.location(); got != "codes/655?lang=en-US" {
			t.Errorf("codes/0655 leads to %q, want codes/655?lang=en-US", got)
		}
	})

	t.Run("focus is visible", func(t *testing.T) {
		b.t = t
		b.open("?lang=en-US")
		type focused struct {
			Name    string  `json:"name"`
			Outline string  `json:"outline"`
			Width   float64 `json:"width"`
			Clip    string  `json:"clip"`
		}
		// The skip link, the name, the languages, the box, the filter and
		// the button, then the first card's links.
		for i := range 12 {
			b.do(chromedp.KeyEvent(kb.Tab))
			f := eval[focused](b, `(e => {
				const s = getComputedStyle(e);
				let clip = "";
				for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
					if (getComputedStyle(p).overflow !== "visible") clip = p.tagName + "." + p.className;
				}
				return {name: e.tagName + " " + (e.getAttribute("href") || e.getAttribute("name") || ""),
					outline: s.outlineStyle, width: parseFloat(s.outlineWidth), clip};
			})(document.activeElement)`)
			if f.Outline == "none" || f.Width < 2 {
				t.Errorf("tab %d: %s has no visible focus: outline %s %vpx", i+1, f.Name, f.Outline, f.Width)
			}
			if f.Clip != "" {
				t.Errorf("tab %d: %s: its focus ring is clipped by %s", i+1, f.Name, f.Clip)
			}
		}
	})

	t.Run("phone", func(t *testing.T) {
		b.t = t
		defer b.do(chromedp.EmulateViewport(1280, 900))
		b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
		for _, path := range []string{"?lang=zh-CN", "?lang=en-US", "?lang=all&ui=zh-TW"} {
			b.open(path)
			b.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 3000)`))
			// Every element that stays in view while scrolling.
			h := eval[float64](b, `Array.from(document.querySelectorAll("body *")).filter(e => ["sticky", "fixed"].includes(getComputedStyle(e).position)).reduce((h, e) => h + e.getBoundingClientRect().height, 0)`)
			t.Logf("%s: on a 390x844 phone, the header that stays takes %.0fpx, %.1f%% of the screen", path, h, 100*h/844)
			if h > 0.15*844 {
				t.Errorf("%s: the header that stays takes %.0fpx of 844, over 15%%", path, h)
			}
			if got := eval[int](b, `document.documentElement.scrollWidth`); got > 390 {
				t.Errorf("%s: on a phone the page is %dpx wide: it scrolls sideways", path, got)
			}
		}
		for _, path := range []string{"?lang=zh-CN", "?lang=zh-CN&view=compact", "?lang=all&ui=zh-CN", "?lang=all&ui=zh-CN&view=compact"} {
			b.open(path)
			t.Logf("%s: on a 390x844 phone, the page is %dpx tall", path, eval[int](b, `document.documentElement.scrollHeight`))
		}
	})

	t.Run("the controls fit a phone", func(t *testing.T) {
		b.t = t
		defer b.do(chromedp.EmulateViewport(1280, 900))
		type fit struct {
			Text string  `json:"text"`
			Need float64 `json:"need"`
			Room float64 `json:"room"`
		}
		for _, width := range []int64{320, 390} {
			b.do(chromedp.EmulateViewport(width, 720, chromedp.EmulateMobile, chromedp.EmulateTouch))
			for _, l := range bundle.Locales() {
				for _, path := range []string{"?lang=" + l, "counted/?lang=" + l + "&view=compact", "?lang=" + l + "&table=faceid", "?lang=" + l + "&q=302&view=compact"} {
					b.open(path)
					// The placeholder, and every category the filter can
					// show, measured in the control's font against the
					// room inside it (a select's arrow takes 24px).
					fits := eval[[]fit](b, `(() => {
						const c = document.createElement("canvas").getContext("2d");
						const fit = (e, text, arrow) => {
							const s = getComputedStyle(e);
							c.font = s.fontWeight + " " + s.fontSize + " " + s.fontFamily;
							return {text, need: c.measureText(text).width,
								room: e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - arrow};
						};
						const input = document.querySelector('input[name="q"]');
						const sel = document.querySelector('select[name="cat"]');
						return [fit(input, input.placeholder, 0), ...Array.from(sel.options, o => fit(sel, o.text, 24))];
					})()`)
					for _, f := range fits {
						if f.Need > f.Room {
							t.Errorf("%dpx, %s: %q needs %.0fpx, the control has %.0fpx", width, path, f.Text, f.Need, f.Room)
						}
					}
					if got := eval[int64](b, `document.documentElement.scrollWidth`); got > width {
						t.Errorf("%dpx, %s: the page is %dpx wide: it scrolls sideways", width, path, got)
					}
				}
			}
		}
	})

	t.Run("axe-core", func(t *testing.T) {
		b.t = t
		src := axeScript(t)
		states := map[string]string{
			"a filtered list":            "?lang=en-US&cat=liveness",
			"a search":                   "?lang=en-US&q=face+light",
			"an empty search":            "?lang=en-US&q=zzzzqqqq",
			"an unknown category":        "?lang=en-US&cat=LIVENESS",
			"side by side":               "?lang=all&ui=zh-TW",
			"a code's page":              "codes/655?lang=en-US",
			"a code's page side by side": "codes/655?lang=all&ui=zh-CN",
			"an unknown code":            "codes/699?lang=zh-CN",
			"not a code":                 "codes/abc?lang=zh-TW",
			"no such page":               "nope?lang=en-US",
			"the compact list":           "?lang=en-US&view=compact",
			"compact side by side":       "?lang=all&ui=zh-CN&view=compact&cat=sms",
			"compact with counts":        "counted/?lang=zh-TW&view=compact&sort=count",
			"side by side with counts":   "counted/?lang=all&ui=en-US&cat=liveness",
			"the FaceID table":           "?lang=en-US&table=faceid",
			"a FaceID section, zh-TW":    "?lang=zh-TW&table=faceid&cat=liveness_action",
			"FaceID compact":             "?lang=zh-CN&table=faceid&view=compact",
			"FaceID side by side":        "?lang=all&ui=en-US&table=faceid&cat=id_card",
			"a FaceID code's page":       "codes/302?lang=zh-CN&table=faceid",
			"a FaceID code not in it":    "codes/1299?lang=en-US&table=faceid",
			"a search in both tables":    "?lang=en-US&q=302",
			"a search in both, compact":  "?lang=zh-HK&q=302&view=compact",
			"no such table":              "?lang=en-US&table=nope",
			"FaceID with counts":         "counted/?lang=en-US&table=faceid&view=compact&sort=count",
		}
		for _, l := range bundle.Locales() {
			states["the list in "+l] = "?lang=" + l
		}
		for _, scheme := range []string{"light", "dark"} {
			b.do(colorScheme(scheme))
			for state, path := range states {
				if scheme == "dark" && strings.HasPrefix(state, "the list in zh-") {
					continue // the same colours as in en-US
				}
				b.open(path)
				b.checkAxe(scheme+", "+state, src)
			}
		}
		b.do(colorScheme("light"))
		defer b.do(chromedp.EmulateViewport(1280, 900))
		b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
		for _, path := range []string{"?lang=zh-CN&cat=liveness", "?lang=all&ui=en-US&cat=sms", "codes/655?lang=zh-TW", "counted/?lang=en-US&view=compact", "counted/?lang=zh-CN&cat=liveness",
			"?lang=zh-CN&table=faceid", "counted/?lang=zh-TW&table=faceid&view=compact", "?lang=en-US&q=302&view=compact", "codes/302?lang=en-US&table=faceid"} {
			b.open(path)
			b.checkAxe("phone, "+path, src)
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		b.t = t
		b.do(chromedp.EmulateViewport(1280, 800))
		b.open("counted/?lang=en-US&view=compact&sort=count")
		b.screenshot("operator-page.png")
		b.do(colorScheme("dark"))
		b.open("counted/?lang=all&ui=en-US&cat=liveness")
		b.screenshot("operator-page-dark.png")
		b.do(colorScheme("light"))
		b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
		b.open("counted/?lang=zh-CN&cat=liveness")
		b.screenshot("operator-page-phone.png")
		b.open("counted/?lang=all&ui=zh-CN&q=655")
		b.screenshot("operator-page-phone-side.png")
	})

	t.Run("screenshots of the tables", func(t *testing.T) {
		b.t = t
		defer b.do(chromedp.EmulateViewport(1280, 900))
		shots := []struct {
			width, height int64
			path, name    string
		}{
			{1280, 800, "counted/?lang=en-US&table=faceid&view=compact&sort=count", "faceid-compact-counted.png"},
			{1280, 800, "counted/?lang=zh-CN&table=faceid", "faceid-zh-CN.png"},
			{1280, 800, "?lang=en-US&q=302", "search-302.png"},
			{390, 844, "counted/?lang=zh-CN&table=faceid", "faceid-phone-390.png"},
			{390, 844, "?lang=zh-CN&q=302", "search-302-phone-390.png"},
			{320, 640, "counted/?lang=en-US&table=faceid&view=compact&sort=count", "faceid-compact-phone-320.png"},
			{320, 640, "?lang=zh-TW&q=302&view=compact", "search-302-compact-phone-320.png"},
		}
		for _, s := range shots {
			if s.width < 1000 {
				b.do(chromedp.EmulateViewport(s.width, s.height, chromedp.EmulateMobile, chromedp.EmulateTouch))
			} else {
				b.do(chromedp.EmulateViewport(s.width, s.height))
			}
			b.open(s.path)
			if got := eval[int64](b, `document.documentElement.scrollWidth`); got > s.width {
				t.Errorf("%dpx, %s: the page is %dpx wide", s.width, s.path, got)
			}
			b.capture("screenshots", s.name)
		}
	})
	t.Logf("the browser test took %v", time.Since(start).Round(time.Millisecond))
}

// until reloads the page until ok, for up to patience.
func (b *browser) until(what string, ok func() bool) {
	b.t.Helper()
	deadline := time.Now().Add(patience)
	for {
		b.do(chromedp.Reload())
		if ok() {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("after %v: not yet: %s", patience, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func ints(codes []messages.Code) []int {
	out := make([]int, len(codes))
	for i, c := range codes {
		out[i] = int(c)
	}
	return out
}

func codesOf(cat messages.Category) []int {
	var out []int
	for _, c := range messages.All() {
		if c.Category() == cat {
			out = append(out, int(c))
		}
	}
	return out
}

// fleetCounts is what a fleet's Prometheus answers for a day, by table:
// most verifications succeed, and a few codes make most of the failures.
// The Huiyan table's series are as huiyanprom counted them before it had
// the table label, and the FaceID table's with it.
const fleetCounts = `{"status":"success","data":{"resultType":"vector","result":[
{"metric":{"code":"0"},"value":[1,"18234"]},{"metric":{"code":"655"},"value":[1,"1342"]},
{"metric":{"code":"656"},"value":[1,"877"]},{"metric":{"code":"659"},"value":[1,"611"]},
{"metric":{"code":"604"},"value":[1,"402"]},{"metric":{"code":"658"},"value":[1,"233"]},
{"metric":{"code":"601"},"value":[1,"97"]},{"metric":{"code":"660"},"value":[1,"41"]},
{"metric":{"code":"13"},"value":[1,"12"]},{"metric":{"code":"305"},"value":[1,"8"]},
{"metric":{"code":"1"},"value":[1,"3"]},{"metric":{"code":"703"},"value":[1,"2"]},
{"metric":{"table":"faceid","code":"0"},"value":[1,"15230"]},{"metric":{"table":"faceid","code":"1203"},"value":[1,"508"]},
{"metric":{"table":"faceid","code":"1002"},"value":[1,"412"]},{"metric":{"table":"faceid","code":"2016"},"value":[1,"311"]},
{"metric":{"table":"faceid","code":"1004"},"value":[1,"126"]},{"metric":{"table":"faceid","code":"302"},"value":[1,"97"]},
{"metric":{"table":"faceid","code":"2006"},"value":[1,"44"]},{"metric":{"table":"faceid","code":"17"},"value":[1,"9"]}]}}`

// faceIDs returns the ids of the cards of FaceID codes.
func faceIDs(codes ...faceid.Code) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = "faceid-" + strconv.Itoa(int(c))
	}
	return out
}

// tabTo presses Tab until the element selector matches has the focus, as
// a keyboard user moves through the page, and checks that its focus
// shows.
func (b *browser) tabTo(selector string) {
	b.t.Helper()
	for range 40 {
		b.do(chromedp.KeyEvent(kb.Tab))
		if eval[bool](b, `document.activeElement.matches(`+jsString(selector)+`)`) {
			if o := eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
				b.t.Errorf("%s has the focus, and no outline shows it", selector)
			}
			return
		}
	}
	b.t.Fatalf("40 presses of Tab do not reach %s", selector)
}
