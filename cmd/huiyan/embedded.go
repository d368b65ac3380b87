package main

import (
	"io/fs"
	"slices"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/locales"
)

// lookupBundle returns the bundle that lookup reads lang from. For the
// embedded locales and a lang that is one of their tags, as written, it
// builds only the locales that can serve it: lang's own, en-US and zh-CN
// (zh-CN alone for zh-CN, which is complete), whose chain is lang's in the
// whole bundle, since a locale that matches a tag exactly outscores every
// other. A command that prints one message does not decode every file
// (TestLookupBundle checks that it prints the same).
func lookupBundle(dir, lang string) (*huiyan.Bundle, error) {
	name := lang + ".toml"
	if dir != "" || lang == export.All {
		return bundle(dir)
	}
	if _, err := fs.Stat(locales.FS, name); err != nil {
		return bundle(dir)
	}
	names := []string{canonical + ".toml"}
	if lang != canonical {
		names = append(names, name, "en-US.toml")
	}
	return huiyan.NewBundle(only{locales.FS, names})
}

// canonical is the locale that -lang means by default, and that every
// chain ends with.
const canonical = "zh-CN"

// only is the files names at the root of fsys.
type only struct {
	fsys  fs.FS
	names []string
}

// Open opens a file of the set, or the root.
func (o only) Open(name string) (fs.File, error) {
	if name != "." && !slices.Contains(o.names, name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.fsys.Open(name)
}

// ReadDir lists the files of the set at the root.
func (o only) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(o.fsys, name)
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return !slices.Contains(o.names, e.Name()) }), err
}
