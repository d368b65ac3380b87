package huiyan

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Canonical is the tag of the canonical locale: every code must have its
// user and title texts there, and every text another locale lacks is
// taken from it.
const Canonical = "zh-CN"

// fallbackLocale serves a language value that names some language that no
// shipped locale serves.
const fallbackLocale = "en-US"

var canonicalTag = language.MustParse(Canonical)

// Bundle is a validated catalogue of locales, ready to answer Localize.
//
// Everything that does not depend on the call is computed when the bundle
// is built: every message rendered with its default parameters in every
// locale, every missing text resolved to the canonical one. A Bundle is
// immutable and safe for concurrent use.
type Bundle struct {
	locales  []*locale       // [0] is the canonical zh-CN
	rows     []int16         // code → row, -1 for unknown codes
	rowCodes []messages.Code // row → code
	msgs     []Message       // locale × row, rendered with default parameters
	en       int             // index of en-US, or -1
	cache    langCache
}

// locale is one language of a bundle.
type locale struct {
	name    string // BCP 47, as Message.Lang reports it
	tag     language.Tag
	base    language.Base
	script  language.Script // explicit or likely
	region  language.Region // explicit or likely
	chinese bool
	primary bool // the region is the likely one for the language and script

	texts [][numFields]*servedText // by row: where each text of a message came from
	cats  [][numFields]*servedText // by category
}

// servedText is the text a locale serves for one field, its own or the
// canonical locale's.
type servedText struct {
	*text
	locale int          // index of the locale the text belongs to
	tag    language.Tag // that locale's tag, for its plural rules
}

// layer is a set of locale files; a message in a later layer replaces the
// same message of an earlier one.
type layer struct {
	prefix string // prepended to file names in errors
	fsys   fs.FS
}

var defaultBundle = sync.OnceValue(func() *Bundle { return MustNewBundle() })

// Default returns the bundle of the embedded locales (package locales).
// It is built on first use.
func Default() *Bundle { return defaultBundle() }

// NewBundle loads the locale files (*.toml) at the root of each fsys, in
// order: a message in a later fsys replaces the same message in an earlier
// one, so a deployment can change one text without copying a whole file:
//
//	b, err := huiyan.NewBundle(locales.FS, os.DirFS("/etc/huiyan/locales"))
//
// With no fsys, it loads the embedded locales. A file is named for its
// locale's BCP 47 tag (en-US.toml); zh-CN.toml is required.
//
// When any file is invalid, NewBundle returns no bundle and an error that
// joins one [*FileError] per problem, each naming the file and the line.
func NewBundle(fsys ...fs.FS) (*Bundle, error) {
	b, ps, _ := load(layersOf(fsys), false)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return b, nil
}

// Dir returns the locale files of a directory, for [NewBundle] and
// [Lint]. Unlike os.DirFS, errors name the files by their path in dir:
//
//	b, err := huiyan.NewBundle(locales.FS, huiyan.Dir("/etc/huiyan/locales"))
func Dir(dir string) fs.FS { return namedFS{FS: os.DirFS(dir), name: dir} }

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

// MustNewBundle is like [NewBundle] but panics if the locales are invalid.
func MustNewBundle(fsys ...fs.FS) *Bundle {
	b, err := NewBundle(fsys...)
	if err != nil {
		panic(err)
	}
	return b
}

// Locales returns the BCP 47 tags of the bundle's locales, the canonical
// one first and the others sorted.
func (b *Bundle) Locales() []string {
	names := make([]string, len(b.locales))
	for i, l := range b.locales {
		names[i] = l.name
	}
	return names
}

// readLayers reads and parses every locale file of the layers.
// The tags of files that do not parse are added to broken. Files are
// parsed in parallel: decoding TOML is most of a bundle's build time.
func readLayers(layers []layer, ps *problems, broken *[]language.Tag) [][]*localeFile {
	type input struct {
		layer int
		name  string
		data  []byte
		file  *localeFile
		ps    problems
	}
	var inputs []*input
	for i, ly := range layers {
		if ly.fsys == nil {
			ps.add(true, "fsys["+strconv.Itoa(i)+"]", 0, nil, "nil file system given for locale files")
			continue
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
			continue
		}
		for _, e := range entries {
			if e.IsDir() || path.Ext(e.Name()) != ".toml" {
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
	}
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() { in.file = parseFile(in.name, in.data, &in.ps) })
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
			ps.add(true, in.name, 0, nil, fmt.Sprintf("locale %s is also defined by %s", f.tag, byTag[f.tag].name))
		default:
			byTag[f.tag] = in
			files[in.layer] = append(files[in.layer], f)
		}
	}
	return files
}

// mergedLocale is the texts of one locale over all layers.
type mergedLocale struct {
	tag   language.Tag
	file  string // the last file that defines the locale, for errors
	texts map[string]*text
}

func merge(files [][]*localeFile) []*mergedLocale {
	var out []*mergedLocale
	byTag := make(map[language.Tag]*mergedLocale)
	for _, layerFiles := range files {
		for _, f := range layerFiles {
			m := byTag[f.tag]
			if m == nil {
				m = &mergedLocale{tag: f.tag, texts: make(map[string]*text)}
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

func textID(code messages.Code, f field) string {
	return strconv.Itoa(int(code)) + "." + fieldNames[f]
}

func categoryID(c messages.Category, f field) string {
	return categoryKey + "." + c.String() + "." + fieldNames[f]
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
				ps.add(true, zh.file, 0, nil, fmt.Sprintf("code %d (%s) has no %s text", c, c, fieldNames[f]))
			}
		}
	}
	for _, c := range messages.Categories() {
		for f := range numFields {
			if zh.texts[categoryID(c, f)] == nil {
				ps.add(true, zh.file, 0, nil, fmt.Sprintf("category %s has no %s text", c, fieldNames[f]))
			}
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

// load builds a bundle from layers of locale files, and returns the
// problems and the locales it read. The bundle is nil when any problem is
// fatal. With lintTexts, it also checks each text as Lint does.
func load(layers []layer, lintTexts bool) (*Bundle, problems, []*mergedLocale) {
	var ps problems
	var broken []language.Tag
	files := readLayers(layers, &ps, &broken)
	if lintTexts {
		for _, layerFiles := range files {
			for _, f := range layerFiles {
				for _, t := range f.texts {
					lintText(t, &ps)
				}
			}
		}
	}
	ms := merge(files)
	checkCanonical(ms, layers[0].prefix, broken, &ps)
	if ps.err() != nil {
		return nil, ps.sorted(), ms
	}
	b, err := build(ms)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			ps = append(ps, problem{*fe, true})
		} else {
			ps.add(true, ms[0].file, 0, err, err.Error())
		}
		return nil, ps.sorted(), ms
	}
	return b, ps.sorted(), ms
}

// build renders every message of every locale through go-i18n.
func build(ms []*mergedLocale) (*Bundle, error) {
	codes := messages.All()
	b := &Bundle{en: -1, rowCodes: codes, msgs: make([]Message, len(ms)*len(codes))}
	b.cache.init()
	b.rows = make([]int16, codes[len(codes)-1]+1)
	for i := range b.rows {
		b.rows[i] = -1
	}
	for row, c := range codes {
		b.rows[c] = int16(row)
	}

	ib := i18n.NewBundle(canonicalTag)
	index := make(map[language.Tag]int, len(ms))
	for i, m := range ms {
		msgs := make([]*i18n.Message, 0, len(m.texts))
		for _, t := range m.texts {
			msgs = append(msgs, t.msg)
		}
		if err := ib.AddMessages(m.tag, msgs...); err != nil {
			return nil, &FileError{File: m.file, Msg: fmt.Sprintf("locale %s cannot be loaded: %v", m.tag, err), Err: err}
		}
		index[m.tag] = i
		b.locales = append(b.locales, newLocale(m.tag))
		if m.tag.String() == fallbackLocale {
			b.en = i
		}
	}

	serve := func(id string, tag language.Tag) *servedText {
		i := index[tag]
		t := ms[i].texts[id]
		if t == nil {
			return nil
		}
		return &servedText{text: t, locale: i, tag: tag}
	}
	for li, m := range ms {
		l := b.locales[li]
		lz := i18n.NewLocalizer(ib, m.tag.String())
		l.texts = make([][numFields]*servedText, len(codes))
		for row, c := range codes {
			msg := Message{Code: c, Known: true}
			data := map[string]any{codeParam: int(c)}
			var count any
			if p, ok := c.Param(); ok {
				data[p.Name] = p.Default
				count = p.Default
			}
			for f := range numFields {
				id := textID(c, f)
				s, served, err := lz.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
				var notFound *i18n.MessageNotFoundErr
				if err != nil && !errors.As(err, &notFound) && s == "" {
					t := ms[li].texts[id]
					return nil, &FileError{File: t.file, Line: t.line, Msg: fmt.Sprintf("%s: %v", id, err), Err: err}
				}
				if s == "" {
					continue
				}
				st := serve(id, served)
				if st == nil || st.locale != li && st.locale != 0 {
					return nil, fmt.Errorf("huiyan: go-i18n served %s from %s for locale %s", id, served, m.tag)
				}
				l.texts[row][f] = st
				msg.set(f, s)
				if f == fieldUser {
					msg.Lang = b.locales[st.locale].name
				}
			}
			b.msgs[li*len(codes)+row] = msg
		}
		l.cats = make([][numFields]*servedText, len(messages.Categories()))
		for _, c := range messages.Categories() {
			for f := range numFields {
				id := categoryID(c, f)
				st := serve(id, m.tag)
				if st == nil {
					st = serve(id, canonicalTag)
				}
				l.cats[c][f] = st
			}
		}
	}
	return b, nil
}

func newLocale(tag language.Tag) *locale {
	base, _, _ := tag.Raw()
	script, _ := tag.Script()
	region, _ := tag.Region()
	likely, _ := language.Make(base.String() + "-" + script.String()).Region()
	return &locale{
		name:    tag.String(),
		tag:     tag,
		base:    base,
		script:  script,
		region:  region,
		chinese: isChinese(base),
		primary: region == likely,
	}
}
