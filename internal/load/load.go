package load

import "github.com/huiyan-i18n/huiyan/messages"

// Loaded is what the steps before building found.
type Loaded struct {
	Files    []*ParsedFile // every layer's, in the order read
	Locales  []*Locale     // the canonical one first
	Problems Problems
}

// Load reads, parses, merges and checks layers of locale files.
func Load(tbl *messages.Table, layers []Layer) *Loaded {
	var ps Problems
	return LoadSources(tbl, Read(layers, &ps, tbl), ps)
}

// LoadSources parses, merges and checks the files of table tbl of layers
// already read, with the problems that reading them found.
func LoadSources(tbl *messages.Table, srcs []Source, ps Problems) *Loaded {
	l := &Loaded{Problems: ps}
	srcs = OfTable(tbl, srcs)
	l.Files = parseAll(tbl, srcs, &l.Problems)
	l.Locales = merge(tbl, l.Files)
	check(tbl, l.Files, l.Locales, srcs[0].Prefix, &l.Problems)
	l.Problems = l.Problems.Sorted()
	return l
}

// OfTable returns the files of table tbl of srcs.
func OfTable(tbl *messages.Table, srcs []Source) []Source {
	out := make([]Source, len(srcs))
	for i, src := range srcs {
		out[i].Prefix = src.Prefix
		for _, f := range src.Files {
			if f.Table == tbl {
				out[i].Files = append(out[i].Files, f)
			}
		}
	}
	return out
}

// HasFiles reports whether any layer of srcs has a file of table tbl.
func HasFiles(tbl *messages.Table, srcs []Source) bool {
	for _, src := range srcs {
		for _, f := range src.Files {
			if f.Table == tbl {
				return true
			}
		}
	}
	return false
}
