package main

import (
	"io/fs"
	"slices"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// lookupBundle returns the bundle that lookup reads lang from. For the
// embedded locales and a lang that is one of their tags, as written, it
// builds only the locales that can serve it: lang's own, en-US and zh-CN
// (zh-CN alone for zh-CN, which is complete), whose chain is lang's in the
// whole bundle, since a locale that matches a tag exactly outscores every
// other. A command that prints one message does not decode every file
// (TestLookupBundle checks that it prints the same).
//
// For a table other than Huiyan's, the files are that table's, with the
// Huiyan table's zh-CN.toml, which every bundle has.
func lookupBundle(dir, lang string, tbl *messages.Table) (*huiyan.Bundle, error) {
	file := func(tag string) string { return load.FileName(tbl, tag) }
	if dir != "" || lang == export.All {
		return bundle(dir)
	}
	if _, err := fs.Stat(locales.FS, file(lang)); err != nil {
		return bundle(dir)
	}
	names := []string{file(canonical)}
	if lang != canonical {
		names = append(names, file(lang), file("en-US"))
	}
	if tbl != load.Tables[0] {
		names = append(names, load.FileName(load.Tables[0], canonical))
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
