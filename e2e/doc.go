// Package e2e holds the tests that drive real programs: the operator page
// in a headless Chromium. It is a module of its own so that the library's
// module graph does not carry their dependencies; the tests skip with a
// message when the programs are missing, and fail when CI is set.
package e2e
