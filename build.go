package huiyan

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/internal/valuecache"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The last step of loading: a Bundle, with every message of every locale
// rendered, keeping of each text only what rendering it again needs.

// bundleOf loads the files of srcs, read with problems ps, and builds the
// bundle of tables (the default table first, and others that the files
// hold), or returns the problems that stop it, joined. A table other than
// the default whose files srcs lack is left to the embedded files.
func bundleOf(srcs []load.Source, ps load.Problems, tables []*messages.Table) (*Bundle, error) {
	b, _, err := loadBundle(srcs, ps, tables)
	return b, err
}

// loadBundle is bundleOf, which also returns every problem found, advice
// included.
func loadBundle(srcs []load.Source, ps load.Problems, tables []*messages.Table) (*Bundle, load.Problems, error) {
	loaded := make([]*load.Loaded, len(tables))
	var all load.Problems
	for i, tbl := range tables {
		if i > 0 && !load.HasFiles(tbl, srcs) {
			continue
		}
		loaded[i] = load.LoadSources(tbl, srcs, ps)
		ps = nil // reading's problems are reported once, with the first table's
		all = append(all, loaded[i].Problems...)
	}
	if err := fileErrors(all); err != nil {
		return nil, all, err
	}
	b := build(tables[0], loaded[0].Locales)
	b.tables = make([]*Bundle, len(load.Tables))
	b.tables[slices.Index(load.Tables, tables[0])] = b
	for i := 1; i < len(tables); i++ {
		if loaded[i] != nil {
			b.tables[slices.Index(load.Tables, tables[i])] = build(tables[i], loaded[i].Locales)
		}
	}
	return b, all, nil
}

// build makes a bundle of merged locales, the canonical one first: it
// renders every message of every locale with its default parameters.
func build(tbl *messages.Table, ms []*load.Locale) *Bundle {
	b := &Bundle{en: -1, table: tbl, cache: valuecache.New[*chain]()}
	for i, m := range ms {
		l := newLocale(m.Tag)
		if l.name == english {
			b.en = i
		}
		b.locales = append(b.locales, l)
		l.msgs, l.rows = renderRows(tbl, m, b.locales[0])
		l.cats = categoryTexts(tbl, m)
		l.complete = isComplete(l, b.locales[0])
		ls := []int{i}
		if i != 0 {
			ls = append(ls, 0)
		}
		b.own = append(b.own, &chain{first: l, msgs: l.msgs, ls: ls})
	}
	return b
}

// renderRows renders the codes in locale m. A text m lacks is zh-CN's
// (canon, which is m itself while it is being rendered).
func renderRows(tbl *messages.Table, m *load.Locale, canon *locale) ([]Message, []localeRow) {
	msgs := make([]Message, len(tbl.Entries()))
	rows := make([]localeRow, len(tbl.Entries()))
	name := m.Tag.String()
	for row, e := range tbl.Entries() {
		r, msg := &rows[row], &msgs[row]
		*msg = Message{Code: messages.Code(e.Code), Known: true}
		v := load.Defaults(tbl, e.Code)
		for f := range load.NumFields {
			t := m.Texts[load.TextID(e.Code, f)]
			if t != nil {
				r.has |= 1 << f
				if t.Params != nil || t.Plural() {
					r.own[f] = keep(t)
				}
				msg.set(f, t.Render(m.Tag, v))
				if f == load.FieldUser {
					msg.Lang = name
				}
				continue
			}
			if canon.rows == nil {
				continue // m is zh-CN: it has no text for f
			}
			if canon.rows[row].has&(1<<f) != 0 {
				r.lacks |= 1 << f
				msg.set(f, canon.msgs[row].get(f))
				if f == load.FieldUser {
					msg.Lang = canon.name
				}
			}
		}
	}
	return msgs, rows
}

// categoryTexts returns the category texts of locale m.
func categoryTexts(tbl *messages.Table, m *load.Locale) [][load.NumFields]*load.Body {
	cats := make([][load.NumFields]*load.Body, len(tbl.Categories()))
	for c := range tbl.Categories() {
		for f := range load.NumFields {
			if t := m.Texts[load.CategoryID(tbl, c, f)]; t != nil {
				cats[c][f] = keep(t)
			}
		}
	}
	return cats
}

// keep returns a copy of what rendering t needs, which holds nothing of
// its file.
func keep(t *load.Text) *load.Body {
	b := t.Body
	return &b
}

// isComplete reports whether l has every text of zh-CN (canon).
func isComplete(l, canon *locale) bool {
	for _, r := range l.rows {
		if r.lacks != 0 {
			return false
		}
	}
	for c, fs := range canon.cats {
		for f, t := range fs {
			if t != nil && l.cats[c][f] == nil {
				return false
			}
		}
	}
	return true
}

// newLocale returns the locale of tag, with the subtags that matching
// compares: explicit or likely script and region, and whether the region
// is the language's main one.
func newLocale(tag language.Tag) *locale {
	base, _, _ := tag.Raw()
	script := load.WrittenScript(tag)
	region, _ := tag.Region()
	likely, _ := language.Make(base.String() + "-" + script.String()).Region()
	return &locale{
		name:    tag.String(),
		tag:     tag,
		base:    base,
		script:  script,
		region:  region,
		chinese: load.IsChinese(base),
		primary: region == likely,
	}
}
