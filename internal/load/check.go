package load

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/messages"
)

// The fourth step of loading: what must hold of the merged locales, and
// of every text, for a bundle to be built. Each failure is a problem that
// stops the load, naming the file and the line.

// check checks the parsed files and the locales merged from them. dir is
// the first layer's prefix, where the canonical file is expected.
func check(tbl *messages.Table, files []*ParsedFile, ms []*Locale, dir string, ps *Problems) {
	for _, f := range files {
		for _, t := range f.Texts {
			checkText(t, ps)
		}
	}
	checkCanonical(tbl, ms, files, dir, ps)
	checkCategoryTitles(tbl, ms, ps)
	checkPluralRules(ms, ps)
}

// MaxTextSize is the size of the longest text that loads, in bytes: the
// longest shipped text is under 400, and no message a person reads in a
// toast or an operator page is longer than a few hundred characters.
const MaxTextSize = 4096

// checkText refuses what no text of a catalogue has and a page cannot
// show safely: a text longer than MaxTextSize, and the Unicode controls
// that reorder text (U+202A-U+202E, U+2066-U+2069), with which a text
// shows "gnp.exe" as "exe.png".
func checkText(t *Text, ps *Problems) {
	for f, s := range t.Forms {
		if len(s) > MaxTextSize {
			ps.Add(true, t.File, t.LineOf(f), nil, fmt.Sprintf("%s is %d bytes long, over the bound of %d bytes for a text", t.ID, len(s), MaxTextSize))
		}
		if i := indexBidiControl(s); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			ps.Add(true, t.File, t.LineOf(f), nil, fmt.Sprintf("%s has the bidirectional control U+%04X, which makes text show in another order than it reads; remove it", t.ID, r))
		}
	}
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate control.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// indexBidiControl returns the offset of the first bidirectional control
// in s, or -1. Every one is encoded with the lead byte 0xE2 (U+2000 to
// U+2FFF), which few texts have: searching for that byte skips the rest
// of a text for a quarter of the instructions of decoding it rune by
// rune.
func indexBidiControl(s string) int {
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(s[i:], 0xe2)
		if j < 0 {
			return -1
		}
		i += j
		if r, _ := utf8.DecodeRuneInString(s[i:]); isBidiControl(r) {
			return i
		}
	}
	return -1
}

// checkCanonical reports what the canonical locale lacks: the user and
// title texts of every code, and every category text.
func checkCanonical(tbl *messages.Table, ms []*Locale, files []*ParsedFile, dir string, ps *Problems) {
	if len(ms) == 0 || ms[0].Tag != CanonicalTag {
		broken := slices.ContainsFunc(files, func(f *ParsedFile) bool { return f.broken && f.Tag == CanonicalTag })
		if !broken {
			ps.Add(true, dir+FileName(tbl, Canonical), 0, nil, "the canonical locale "+Canonical+OfTableName(tbl)+" is missing: every code needs its texts there")
		}
		return
	}
	zh := ms[0]
	for _, e := range tbl.Entries() {
		for _, f := range []Field{FieldUser, FieldTitle} {
			if zh.Texts[TextID(e.Code, f)] == nil {
				file, line := zh.PlaceOfCode(e.Code)
				ps.Add(true, file, line, nil, fmt.Sprintf("code %d (%s) has no %s text", e.Code, e.Name, FieldNames[f]))
			}
		}
	}
	for c, cat := range tbl.Categories() {
		if missing := zh.MissingCategoryFields(c, nil); len(missing) > 0 {
			file, line := zh.PlaceOfCategory(c)
			ps.Add(true, file, line, nil, fmt.Sprintf("category %s has no %s text", cat.Key, strings.Join(missing, ", ")))
		}
	}
}

// checkCategoryTitles reports a category title without the code: the
// title is all that tells an operator which unknown code arrived.
func checkCategoryTitles(tbl *messages.Table, ms []*Locale, ps *Problems) {
	for _, m := range ms {
		for c := range tbl.Categories() {
			t := m.Texts[CategoryID(tbl, c, FieldTitle)]
			if t != nil && !slices.Contains(t.Params, CodeParam) {
				ps.Add(true, t.File, t.Line(), nil, t.ID+": the title of a category must show the code, {{.Code}}")
			}
		}
	}
}

// checkPluralRules reports the locales go-i18n refuses to load: those of
// a language it knows no plural rules for. huiyan would serve them, but a
// file must mean the same to go-i18n and goi18n.
func checkPluralRules(ms []*Locale, ps *Problems) {
	for _, m := range ms {
		if err := goI18nAccepts(m.Tag); err != nil {
			ps.Add(true, m.File, 1, err, fmt.Sprintf("locale %s cannot be loaded: %v", m.Tag, err))
		}
	}
}

// goI18nAccepts asks go-i18n whether it loads messages of tag: whether it
// has plural rules for it. go-i18n looks a tag's rules up by the tag, its
// parents, then its language: when it has the language's, it has the
// tag's, and it is asked for the language alone. So a build asks once per
// language, not once per locale: each tag added to go-i18n's bundle
// rebuilds its matcher of every tag, and asking for 300 locales took a
// second.
func goI18nAccepts(tag language.Tag) error {
	base, conf := tag.Base()
	if conf != language.Exact {
		return goI18nAcceptsTag(tag)
	}
	if slices.Contains(knownRules, base) {
		// Asking go-i18n builds every language's plural rules: a start-up
		// of huiyan lookup -lang en-US would pay for it.
		return nil
	}
	if lang := language.Make(base.String()); lang != tag && goI18nAcceptsTag(lang) == nil {
		return nil
	}
	return goI18nAcceptsTag(tag)
}

// knownRules are the languages of the shipped locales, whose plural rules
// go-i18n has (TestGoI18nAcceptsKnown): it is not asked for them.
var knownRules = []language.Base{language.MustParseBase("zh"), language.MustParseBase("en")}

// goI18nAcceptsTag asks go-i18n whether it loads messages of tag, once
// per tag and process: a go-i18n Bundle builds the plural rules of every
// language, half of a build's work were it asked every time
// (docs/performance.md, "Building").
func goI18nAcceptsTag(tag language.Tag) error {
	if err, ok := goI18nVerdicts.Load(tag); ok {
		return err.(verdict).err
	}
	goI18nChecker.Lock()
	defer goI18nChecker.Unlock()
	if goI18nChecker.b == nil {
		// One go-i18n bundle asks for every tag: making one builds the
		// plural rules anew, and adding no messages to it changes
		// nothing but the tags it has checked.
		goI18nChecker.b = i18n.NewBundle(CanonicalTag)
	}
	err := goI18nChecker.b.AddMessages(tag)
	goI18nVerdicts.Store(tag, verdict{err})
	return err
}

var (
	goI18nVerdicts sync.Map // language.Tag → verdict
	goI18nChecker  struct {
		sync.Mutex
		b *i18n.Bundle
	}
)

type verdict struct{ err error }

// Canonical is the tag of the canonical locale: every code must have its
// user and title texts there, and every text another locale lacks is
// taken from it.
const Canonical = "zh-CN"

var CanonicalTag = language.MustParse(Canonical)

// OfTableName returns " of table NAME" for a table other than the default,
// for problems that name the table of a file, and "" for the default.
func OfTableName(tbl *messages.Table) string {
	if tbl == Tables[0] {
		return ""
	}
	return " of table " + tbl.Name()
}
