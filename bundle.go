package huiyan

import (
	"io/fs"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/internal/valuecache"
	"github.com/huiyan-i18n/huiyan/messages"
)

// english is the tag of the locale that serves a reader whose language no
// locale serves (rule 4 of the fallback rules), and the language of the
// operator texts in [Error].
const english = "en-US"

// Bundle is a validated catalogue of locales, ready to answer Localize.
//
// Everything that does not depend on the call is computed when the bundle
// is built: every message rendered with its default parameters in every
// locale. Its catalogue never changes, and a Bundle is safe for concurrent
// use: the language values it has resolved are kept in a bounded cache.
type Bundle struct {
	locales []*locale       // [0] is the canonical zh-CN
	table   *messages.Table // its codes: a code's row is its Index
	en      int             // index of en-US, or -1
	own     []*chain        // by locale: the chain of a value it serves alone
	cache   *valuecache.Cache[*chain]

	// tables are the bundles of every table of load.Tables, by position:
	// [0] is b itself; nil for a table whose texts no layer has, which
	// the embedded files serve (embeddedTable).
	tables []*Bundle
}

// locale is one language of a bundle: what it is, for matching, and its
// texts.
type locale struct {
	name    string // BCP 47, as Message.Lang reports it
	tag     language.Tag
	base    language.Base
	script  language.Script // explicit or likely
	region  language.Region // explicit or likely
	chinese bool
	primary bool // the region is the likely one for the language and script

	// complete is true when the locale has every text zh-CN has: no
	// fallback chain goes past it.
	complete bool

	msgs []Message                    // by row of Bundle.table: rendered with the default parameters
	rows []localeRow                  // by row of Bundle.table
	cats [][load.NumFields]*load.Body // by category: the locale's own texts, nil where it lacks one
}

// localeRow is what a locale has of one code, beside its message (which
// holds the locale's own texts, and zh-CN's where it lacks one).
type localeRow struct {
	// has has bit f set when the locale has its own text for field f.
	has uint8
	// own are the locale's own texts that insert parameters or have
	// plural forms, which LocalizeWith renders again; nil for the others,
	// which msg holds as they are.
	own [load.NumFields]*load.Body
	// lacks has bit f set when the locale lacks field f and zh-CN has it:
	// a longer fallback chain may serve it from another locale first.
	lacks uint8
}

// The default bundle, built on first use. A load of an atomic pointer is
// all that a call of the package-level functions pays once it is built.
var (
	defaultPtr atomic.Pointer[Bundle]
	defaultMu  sync.Mutex
)

// Default returns the bundle of the embedded locales (package locales).
// It is built on first use, and the texts of a table other than the
// Huiyan table when a code of that table is first localized.
func Default() *Bundle {
	if b := defaultPtr.Load(); b != nil {
		return b
	}
	return buildDefault()
}

// buildDefault builds the default bundle, once.
func buildDefault() *Bundle {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	if b := defaultPtr.Load(); b != nil {
		return b
	}
	var ps load.Problems
	b, err := bundleOf(load.Read(load.Layers(nil), &ps, load.Tables[0]), ps, load.Tables[:1])
	if err != nil {
		panic(err) // the embedded files load: the tests say so
	}
	defaultPtr.Store(b)
	return b
}

// embeddedTables are the bundles of the embedded files of each table of
// load.Tables, built on first use: they serve a table whose texts the
// layers of a bundle do not have.
var embeddedTables = func() []func() *Bundle {
	fns := make([]func() *Bundle, len(load.Tables))
	for i, tbl := range load.Tables {
		fns[i] = sync.OnceValue(func() *Bundle {
			var ps load.Problems
			b, err := bundleOf(load.Read(load.Layers(nil), &ps, tbl), ps, []*messages.Table{tbl})
			if err != nil {
				panic(err) // the embedded files load: the tests say so
			}
			return b
		})
	}
	return fns
}()

// forTable returns the bundle of b that serves the codes of tbl, and nil
// for a table that is not one of load.Tables.
func (b *Bundle) forTable(tbl *messages.Table) *Bundle {
	if tbl == b.table {
		return b
	}
	for i, t := range load.Tables {
		if t == tbl {
			if tb := b.tables[i]; tb != nil {
				return tb
			}
			return embeddedTables[i]()
		}
	}
	return nil
}

// NewBundle loads the locale files (*.toml) at the root of each fsys, in
// order: a message in a later fsys replaces the same message in an earlier
// one, so a deployment can change one text without copying a whole file:
//
//	b, err := huiyan.NewBundle(locales.FS, huiyan.Dir("/etc/huiyan/locales"))
//
// With no fsys, it loads the embedded locales. A file is named for its
// locale's BCP 47 tag (en-US.toml); zh-CN.toml is required. The files of
// the FaceID table are named faceid.en-US.toml and so on; when no fsys has
// one, the embedded files serve that table.
//
// When any file is invalid, NewBundle returns no bundle and an error that
// joins one [*FileError] per problem, each naming the file and the line.
func NewBundle(fsys ...fs.FS) (*Bundle, error) {
	var ps load.Problems
	srcs := load.Read(load.Layers(fsys), &ps)
	return bundleOf(srcs, ps, load.Tables)
}

// Dir returns the locale files of a directory, for [NewBundle]: the files
// whose names end in .toml, except hidden ones (a name that starts with
// "."), and names that start with "#" or "~". Unlike os.DirFS, errors name
// the files by their path in dir.
func Dir(dir string) fs.FS { return load.Dir(dir) }

// Locales returns the BCP 47 tags of the bundle's locales, the canonical
// one first and the others sorted: the locales of the Huiyan table, which
// [Bundle.Match] chooses among. A locale that only another table's files
// define (a deployment's faceid.ja-JP.toml without a ja-JP.toml) serves
// that table's codes by the same rules, and is not listed.
func (b *Bundle) Locales() []string {
	names := make([]string, len(b.locales))
	for i, l := range b.locales {
		names[i] = l.name
	}
	return names
}
