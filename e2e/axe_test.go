package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeFile is axe-core's script, as npm ci --prefix e2e installs it from
// package-lock.json.
var axeFile = filepath.Join("node_modules", "axe-core", "axe.min.js")

var axeSource = sync.OnceValues(func() (string, error) {
	data, err := os.ReadFile(axeFile)
	return string(data), err
})

// axeScript returns axe-core's script. Without it, the test is skipped,
// unless CI is set: there it is required.
func axeScript(t *testing.T) string {
	t.Helper()
	src, err := axeSource()
	if err == nil {
		return src
	}
	missing(t, fmt.Sprintf("axe-core is missing (%v)", err), "run npm ci --prefix e2e")
	return ""
}

// axeResult is what the test reads of axe.run's results.
type axeResult struct {
	Engine     string   `json:"engine"`
	Passes     int      `json:"passes"`
	Violations []string `json:"violations"`
}

// axeRun runs every rule of axe-core that is on by default (WCAG 2.0 to
// 2.2 A and AA, and best practices) over the page, and returns what it
// found, a line per element (at most 5 per rule). The script goes in
// through DevTools' Runtime.evaluate, which the page's
// Content-Security-Policy (no script at all) does not govern.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => ({
	engine: r.testEngine.name + " " + r.testEngine.version,
	passes: r.passes.length,
	violations: r.violations.flatMap(v => v.nodes.slice(0, 5).map(n =>
		v.id + " (" + v.impact + "): " + n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))),
}))`

// checkAxe runs axe-core over the page as it is, and fails the test for
// each violation.
func (b *browser) checkAxe(state, src string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](src+"\n;typeof axe === 'object'")); err != nil {
		b.t.Fatalf("%s: injecting axe-core: %v", state, err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: running axe-core: %v", state, err)
	}
	// A run that checked nothing would pass too: it must have checked.
	if r.Passes < 10 {
		b.t.Fatalf("%s: %s passed %d rules: it did not run over the page", state, r.Engine, r.Passes)
	}
	for _, v := range r.Violations {
		b.t.Errorf("%s: %s", state, v)
	}
	b.t.Logf("%s: %s: %d rules passed, %d violations", state, r.Engine, r.Passes, len(r.Violations))
}

// colorScheme emulates the system's light or dark mode.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}
