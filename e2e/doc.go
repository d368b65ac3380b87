// Package e2e holds the tests that drive real programs: the operator page
// in a headless Chromium, and the example backend scraped by Prometheus,
// both found on PATH. It is a module of its own so that the library's
// module graph does not carry their dependencies; the tests skip when the
// programs are missing, and fail when CI is set. After the run, a line
// names each test that skipped, and why: go test shows it in this
// directory, with -v, and, run over packages (go test work), on the
// terminal, since it drops what a passing package prints.
package e2e
