package huiyan

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// layer is a set of locale files; a message in a later layer replaces the
// same message of an earlier one.
type layer struct {
	prefix string // prepended to file names in errors
	fsys   fs.FS
}

// Dir returns the locale files of a directory, for [NewBundle] and
// [Lint]: the files whose names end in .toml, except hidden ones (a name
// that starts with "."), and names that start with "#" or "~". Unlike
// os.DirFS, errors name the files by their path in dir:
//
//	b, err := huiyan.NewBundle(locales.FS, huiyan.Dir("/etc/huiyan/locales"))
func Dir(dir string) fs.FS { return namedFS{FS: os.DirFS(dir), name: dir} }

// isLocaleFile reports whether a directory entry is read as a locale
// file: a name that ends in .toml and starts with none of ".", "#" and
// "~", which editors, backups and Kubernetes give their own files (emacs's
// lock .#en-US.toml, a ConfigMap's ..data). Other names ending in ~ or
// .swp, .tmp and the like do not end in .toml. A file that is named as a
// locale file but cannot be read is reported, not skipped.
func isLocaleFile(e fs.DirEntry) bool {
	name := e.Name()
	return !e.IsDir() && path.Ext(name) == ".toml" && !strings.ContainsRune(".#~", rune(name[0]))
}

type namedFS struct {
	fs.FS
	name string
}

// layersOf names the file systems given to NewBundle and Lint; none means
// the embedded locales.
func layersOf(fsys []fs.FS) []layer {
	if len(fsys) == 0 {
		fsys = []fs.FS{locales.FS}
	}
	layers := make([]layer, len(fsys))
	for i, f := range fsys {
		layers[i].fsys = f
		switch f := f.(type) {
		case namedFS:
			layers[i].fsys, layers[i].prefix = f.FS, path.Clean(f.name)+"/"
		case embed.FS:
			if f == locales.FS {
				layers[i].prefix = "locales/"
			}
		}
	}
	return layers
}

// input is one locale file read from a layer, and what parsing it gave.
type input struct {
	layer int
	name  string
	data  []byte
	file  *localeFile
	ps    problems
}

// readLayers reads and parses every locale file of the layers.
// The tags of files that do not parse are added to broken. Files are
// parsed in parallel: decoding TOML is most of a bundle's build time.
func readLayers(layers []layer, ps *problems, broken *[]language.Tag, withLines bool) [][]*localeFile {
	var inputs []*input
	for i, ly := range layers {
		inputs = append(inputs, readLayer(i, ly, ps)...)
	}
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() { in.file = parseFile(in.name, in.data, &in.ps, withLines) })
	}
	wg.Wait()

	files := make([][]*localeFile, len(layers))
	byTag := make(map[language.Tag]*input)
	for _, in := range inputs {
		*ps = append(*ps, in.ps...)
		f := in.file
		switch {
		case f == nil:
		case f.broken:
			*broken = append(*broken, f.tag)
		case byTag[f.tag] != nil && byTag[f.tag].layer == in.layer:
			ps.add(true, in.name, 1, nil, fmt.Sprintf("locale %s is also defined by %s", f.tag, byTag[f.tag].name))
		default:
			byTag[f.tag] = in
			files[in.layer] = append(files[in.layer], f)
		}
	}
	return files
}

// readLayer reads the locale files of layer i.
func readLayer(i int, ly layer, ps *problems) []*input {
	if ly.fsys == nil {
		ps.add(true, "fsys["+strconv.Itoa(i)+"]", 0, nil, "nil file system given for locale files")
		return nil
	}
	entries, err := fs.ReadDir(ly.fsys, ".")
	if err != nil {
		dir := strings.TrimSuffix(ly.prefix, "/")
		if dir == "" {
			dir = "."
		}
		msg := err.Error()
		if pe, ok := err.(*fs.PathError); ok {
			msg = pe.Err.Error()
		}
		ps.add(true, dir, 0, err, "cannot read the locale directory: "+msg)
		return nil
	}
	var inputs []*input
	for _, e := range entries {
		if !isLocaleFile(e) {
			continue
		}
		name := ly.prefix + e.Name()
		data, err := fs.ReadFile(ly.fsys, e.Name())
		if err != nil {
			ps.add(true, name, 0, err, "cannot read: "+err.Error())
			continue
		}
		inputs = append(inputs, &input{layer: i, name: name, data: data})
	}
	return inputs
}

// mergedLocale is the texts of one locale over all layers.
type mergedLocale struct {
	tag   language.Tag
	file  string // the last file that defines the locale, for errors
	layer int    // the first layer that defines it
	texts map[string]*text
}

func merge(files [][]*localeFile) []*mergedLocale {
	var out []*mergedLocale
	byTag := make(map[language.Tag]*mergedLocale)
	for i, layerFiles := range files {
		for _, f := range layerFiles {
			m := byTag[f.tag]
			if m == nil {
				m = &mergedLocale{tag: f.tag, layer: i, texts: make(map[string]*text)}
				byTag[f.tag] = m
				out = append(out, m)
			}
			m.file = f.name
			for _, t := range f.texts {
				if !t.empty() {
					m.texts[t.id] = t
				}
			}
		}
	}
	// The canonical locale first, then by tag.
	slices.SortFunc(out, func(a, b *mergedLocale) int {
		if (a.tag == canonicalTag) != (b.tag == canonicalTag) {
			if a.tag == canonicalTag {
				return -1
			}
			return 1
		}
		return strings.Compare(a.tag.String(), b.tag.String())
	})
	return out
}

// checkCanonical reports what the canonical locale lacks. dir is where its
// file is expected; broken lists the locales whose files do not parse.
func checkCanonical(ms []*mergedLocale, dir string, broken []language.Tag, ps *problems) {
	if len(ms) == 0 || ms[0].tag != canonicalTag {
		if !slices.Contains(broken, canonicalTag) {
			ps.add(true, dir+Canonical+".toml", 0, nil, "the canonical locale "+Canonical+" is missing: every code needs its texts there")
		}
		return
	}
	zh := ms[0]
	for _, c := range messages.All() {
		for _, f := range []field{fieldUser, fieldTitle} {
			if zh.texts[textID(c, f)] == nil {
				file, line := zh.placeOfCode(c)
				ps.add(true, file, line, nil, fmt.Sprintf("code %d (%s) has no %s text", c, c, fieldNames[f]))
			}
		}
	}
	for _, c := range messages.Categories() {
		if missing := zh.missingCategoryFields(c, nil); len(missing) > 0 {
			file, line := zh.placeOfCategory(c)
			ps.add(true, file, line, nil, fmt.Sprintf("category %s has no %s text", c, strings.Join(missing, ", ")))
		}
	}
	for _, m := range ms {
		for _, c := range messages.Categories() {
			t := m.texts[categoryID(c, fieldTitle)]
			if t != nil && !slices.Contains(t.params, codeParam) {
				ps.add(true, t.file, t.line, nil, t.id+": the title of a category must show the code, {{.Code}}")
			}
		}
	}
}

// checkPluralRules reports the locales go-i18n refuses to load: those of
// a language it knows no plural rules for. huiyan would serve them, but a
// file must mean the same to go-i18n and goi18n.
func checkPluralRules(ms []*mergedLocale, ps *problems) {
	for _, m := range ms {
		if err := goI18nAccepts(m.tag); err != nil {
			ps.add(true, m.file, 1, err, fmt.Sprintf("locale %s cannot be loaded: %v", m.tag, err))
		}
	}
}

// goI18nAccepts asks go-i18n whether it loads messages of tag, once per
// tag and process.
func goI18nAccepts(tag language.Tag) error {
	if err, ok := goI18nVerdicts.Load(tag); ok {
		return err.(errorOrNil).err
	}
	err := i18n.NewBundle(canonicalTag).AddMessages(tag)
	goI18nVerdicts.Store(tag, errorOrNil{err})
	return err
}

var goI18nVerdicts sync.Map // language.Tag → errorOrNil

type errorOrNil struct{ err error }

// load builds a bundle from layers of locale files, and returns the
// problems and the locales it read. The bundle is nil when any problem is
// fatal. With lintTexts, it also checks each text as Lint does.
func load(layers []layer, lintTexts bool) (*Bundle, problems, []*mergedLocale) {
	if lintTexts {
		return loadFiles(layers, true, true)
	}
	// Lines are for problems: most loads have none, and skip finding them.
	b, ps, ms := loadFiles(layers, false, false)
	if ps.err() != nil {
		return loadFiles(layers, false, true)
	}
	return b, ps, ms
}

// loadFiles is load, finding the line of every text withLines.
func loadFiles(layers []layer, lintTexts, withLines bool) (*Bundle, problems, []*mergedLocale) {
	var ps problems
	var broken []language.Tag
	files := readLayers(layers, &ps, &broken, withLines)
	if lintTexts {
		for _, layerFiles := range files {
			for _, f := range layerFiles {
				for _, t := range f.texts {
					lintText(t, f.tag, &ps)
				}
			}
		}
	}
	ms := merge(files)
	checkCanonical(ms, layers[0].prefix, broken, &ps)
	checkPluralRules(ms, &ps)
	if ps.err() != nil {
		return nil, ps.sorted(), ms
	}
	return build(ms), ps.sorted(), ms
}
