package huiyan

// Loading runs in steps, each in the file named for it:
//
//	read (read.go) → parse (parse.go) → merge (merge.go) → check (check.go) → build (build.go)
//
// NewBundle and a Watcher run them all; Lint runs the same steps but
// build, and adds its advice (lint.go). A problem found by any step names
// the file and the line; those that are not advice stop the build.

// loaded is what the steps before building found.
type loaded struct {
	files   []*localeFile   // every layer's, in the order read
	locales []*mergedLocale // the canonical one first
	ps      problems
}

// load reads, parses, merges and checks layers of locale files.
func load(layers []layer) *loaded {
	var ps problems
	return loadSources(read(layers, &ps), ps)
}

// loadSources parses, merges and checks the files of layers already
// read, with the problems that reading them found.
func loadSources(srcs []source, ps problems) *loaded {
	l := &loaded{ps: ps}
	l.files = parseAll(srcs, &l.ps)
	l.locales = merge(l.files)
	check(l.files, l.locales, srcs[0].prefix, &l.ps)
	l.ps = l.ps.sorted()
	return l
}

// bundle builds the bundle of what was loaded, or returns the problems
// that stop it, joined.
func (l *loaded) bundle() (*Bundle, error) {
	if err := l.ps.err(); err != nil {
		return nil, err
	}
	return build(l.locales), nil
}
