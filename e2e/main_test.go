package e2e

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"testing"
)

// skipped holds a line for each test that skipped for want of a program
// or a file, for TestMain to name after the run.
var skipped struct {
	sync.Mutex
	lines []string
}

// missing stops a test for want of what it drives (what, such as "no
// chromium found"; remedy, such as "install the Debian package
// chromium"). With CI set, where every test must run, the test fails.
// Elsewhere it skips, and TestMain names it after the run.
func missing(t *testing.T, what, remedy string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s and CI is set: %s (.ci/run does)", what, remedy)
	}
	skipped.Lock()
	skipped.lines = append(skipped.lines, fmt.Sprintf("e2e: skipped %s: %s; %s to run it", t.Name(), what, remedy))
	skipped.Unlock()
	t.Skipf("%s: %s to run this test; with CI set, this is a failure", what, remedy)
}

// TestMain names each test that skipped, one line each, after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	skipped.Lock()
	lines := slices.Clone(skipped.lines)
	skipped.Unlock()
	report(lines)
	os.Exit(code)
}

// report writes lines to the output, which go test shows when run in this
// directory, with -v, and when the package fails. Run over packages (go
// test ./..., go test work) without -v, go test discards what a passing
// package wrote and prints "ok": a run without Chromium would pass as one
// that drove it. So when the output is not a terminal, the lines go to
// the terminal as well, if there is one; CI has none, and there a missing
// program fails the test instead.
func report(lines []string) {
	if len(lines) == 0 {
		return
	}
	out := []io.Writer{os.Stdout}
	if !testing.Verbose() && !isTerminal(os.Stdout) {
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			defer tty.Close()
			out = append(out, tty)
		}
	}
	for _, l := range lines {
		for _, w := range out {
			fmt.Fprintln(w, l)
		}
	}
}

// isTerminal reports whether f is a terminal, or another device, such as
// /dev/null, that the go command does not read.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
