package huiyantc

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/huiyan-i18n/huiyan"
)

// localeFiles hold the operator texts of the SDK's error codes, one file
// per locale, named for its BCP 47 tag.
//
//go:embed locales/*.toml
var localeFiles embed.FS

// The tables of a locale file that are not codes: the texts for an error
// that has no code, and for a code that neither the table nor any code it
// refines is in.
const (
	noCode   = ""
	unlisted = "*"
)

// fallbackLang serves a language that no locale file is for.
const fallbackLang = "en-US"

// ErrorText is what an error code of the SDK means for the operator who
// runs the integration, in one language.
type ErrorText struct {
	Code string
	// Known is false for a code that is not in the table: its texts are
	// those of the code it refines ("FailedOperation" for
	// "FailedOperation.SomethingNew") or else of any code not listed.
	Known bool
	// Lang is the BCP 47 tag of the texts' locale, such as "en-US".
	Lang string
	// Title says what the code means; Remedy what the operator can do.
	Title  string
	Remedy string
}

// entry is one table of a locale file.
type entry struct {
	Title  string `toml:"title"`
	Remedy string `toml:"remedy"`
}

// texts are the locale files, by locale and code; read once, on first
// use.
var texts = sync.OnceValue(func() map[string]map[string]entry {
	ts, err := loadTexts(localeFiles, "locales")
	if err != nil {
		// The files are embedded and a test loads them: a fault here
		// is in the build, not in anything a program can change.
		panic(err)
	}
	return ts
})

// loadTexts reads the *.toml files of dir in fsys, by locale.
func loadTexts(fsys fs.FS, dir string) (map[string]map[string]entry, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	ts := make(map[string]map[string]entry, len(names))
	for _, name := range names {
		var m map[string]entry
		md, err := toml.DecodeFS(fsys, name, &m)
		if err != nil {
			return nil, fmt.Errorf("huiyantc: %w", err)
		}
		if keys := md.Undecoded(); len(keys) > 0 {
			return nil, fmt.Errorf("huiyantc: %s: unknown key %s", name, keys[0])
		}
		ts[strings.TrimSuffix(path.Base(name), ".toml")] = m
	}
	return ts, nil
}

// Describe returns the operator texts of code, an error code of the SDK
// such as "UnauthorizedOperation.Arrears", in the locale that serves lang
// by the fallback rules of package huiyan (huiyan.Default().Match): lang
// is what the operator's setting or a client sent, "en", "zh_TW" or a
// whole Accept-Language header. Code "" is an error that has no code, one
// not of the SDK's type. Describe never fails and never returns an empty
// Title.
func Describe(code, lang string) ErrorText {
	ts := texts()
	name := huiyan.Default().Match(lang)
	m, ok := ts[name]
	if !ok {
		name, m = fallbackLang, ts[fallbackLang]
	}
	t := ErrorText{Code: code, Lang: name}
	e, ok := m[code]
	t.Known = ok && code != noCode && code != unlisted
	for c := parent(code); !ok && c != ""; c = parent(c) {
		e, ok = m[c]
	}
	if !ok {
		e = m[unlisted]
	}
	t.Title, t.Remedy = e.Title, e.Remedy
	return t
}
