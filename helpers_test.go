package huiyan

import (
	"io/fs"
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
