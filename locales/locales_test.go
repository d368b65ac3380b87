package locales

import (
	"io/fs"
	"slices"
	"testing"
)

// TestFiles checks what each file system holds: the shipped locales at
// the root of FS, and the same locales in UniformIdentity, so that every
// shipped locale answers failed identity checks alike.
func TestFiles(t *testing.T) {
	want := []string{"en-US.toml", "zh-CN.toml", "zh-HK.toml", "zh-TW.toml"}
	for name, fsys := range map[string]fs.FS{"FS": FS, "UniformIdentity": UniformIdentity} {
		got, err := fs.Glob(fsys, "*.toml")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s holds %v, want %v", name, got, want)
		}
	}
}
