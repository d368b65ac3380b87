package load

// Loaded is what the steps before building found.
type Loaded struct {
	Files    []*ParsedFile // every layer's, in the order read
	Locales  []*Locale     // the canonical one first
	Problems Problems
}

// Load reads, parses, merges and checks layers of locale files.
func Load(layers []Layer) *Loaded {
	var ps Problems
	return LoadSources(Read(layers, &ps), ps)
}

// LoadSources parses, merges and checks the files of layers already
// read, with the problems that reading them found.
func LoadSources(srcs []Source, ps Problems) *Loaded {
	l := &Loaded{Problems: ps}
	l.Files = parseAll(srcs, &l.Problems)
	l.Locales = merge(l.Files)
	check(l.Files, l.Locales, srcs[0].Prefix, &l.Problems)
	l.Problems = l.Problems.Sorted()
	return l
}
