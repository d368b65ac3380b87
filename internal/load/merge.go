package load

import (
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/messages"
)

// The third step of loading: the texts of each locale over all layers,
// and where in its files a text that a locale lacks belongs, for
// problems.

// Locale is the texts of one locale over all layers.
type Locale struct {
	Table *messages.Table // the table of its codes
	Tag   language.Tag
	File  string // the last file that defines the locale, for problems
	Layer int    // the first layer that defines it
	Texts map[string]*Text
}

// merge returns the locales of the files, the canonical one first, then
// by tag. A text of a later layer replaces the same text of an earlier
// one; files that do not parse give none.
func merge(tbl *messages.Table, files []*ParsedFile) []*Locale {
	var out []*Locale
	byTag := make(map[language.Tag]*Locale)
	for _, f := range files {
		if f.broken {
			continue
		}
		m := byTag[f.Tag]
		if m == nil {
			m = &Locale{Table: tbl, Tag: f.Tag, Layer: f.Layer, Texts: make(map[string]*Text, len(f.Texts))}
			byTag[f.Tag] = m
			out = append(out, m)
		}
		m.File = f.Name
		for _, t := range f.Texts {
			if !t.Empty() {
				m.Texts[t.ID] = t
			}
		}
	}
	slices.SortFunc(out, func(a, b *Locale) int {
		if (a.Tag == CanonicalTag) != (b.Tag == CanonicalTag) {
			if a.Tag == CanonicalTag {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Tag.String(), b.Tag.String())
	})
	return out
}

// OwnTexts returns the locale's texts by ID, so that what Lint finds on
// one line comes in the same order every time (it sorts by file and line).
func (m *Locale) OwnTexts() []*Text {
	ts := make([]*Text, 0, len(m.Texts))
	for _, id := range slices.Sorted(maps.Keys(m.Texts)) {
		ts = append(ts, m.Texts[id])
	}
	return ts
}

// AnyText returns the first text of code c the locale has, or nil.
func (m *Locale) AnyText(c int) *Text {
	var first *Text
	for f := range NumFields {
		if t := m.Texts[TextID(c, f)]; t != nil && (first == nil || t.Line() < first.Line()) {
			first = t
		}
	}
	return first
}

// MissingFields returns the fields of code c that m lacks: those zh-CN
// has, or for zh-CN itself those it must have.
func (m *Locale) MissingFields(zh *Locale, c int) []string {
	var missing []string
	for f := range NumFields {
		id := TextID(c, f)
		required := zh.Texts[id] != nil
		if m == zh {
			required = f == FieldUser || f == FieldTitle
		}
		if required && m.Texts[id] == nil {
			missing = append(missing, FieldNames[f])
		}
	}
	return missing
}

// MissingCategoryFields returns the fields of category c that m lacks:
// those zh-CN has, or with zh nil, all of them.
func (m *Locale) MissingCategoryFields(c int, zh *Locale) []string {
	var missing []string
	for f := range NumFields {
		id := CategoryID(m.Table, c, f)
		if m.Texts[id] == nil && (zh == nil || zh.Texts[id] != nil) {
			missing = append(missing, FieldNames[f])
		}
	}
	return missing
}

// PlaceOfCode returns where the texts of code c belong in m's files: with
// c's other texts, else next to the nearest code that m has (the one
// before c on a tie), else the first line of m's file.
func (m *Locale) PlaceOfCode(c int) (string, int) {
	if t := m.AnyText(c); t != nil {
		return t.File, t.TableLine()
	}
	codes := m.Table.Entries()
	i := m.Table.Index(c)
	for d := 1; d < len(codes); d++ {
		for _, j := range []int{i - d, i + d} {
			if j >= 0 && j < len(codes) {
				if t := m.AnyText(codes[j].Code); t != nil {
					return t.File, t.TableLine()
				}
			}
		}
	}
	return m.File, 1
}

// PlaceOfCategory returns where the texts of category c belong: with the
// category's other texts, else after the last text of m's last file.
func (m *Locale) PlaceOfCategory(c int) (string, int) {
	var first *Text
	for _, t := range m.Texts {
		if t.IsCat && t.Category == c && (first == nil || t.Line() < first.Line()) {
			first = t
		}
	}
	if first != nil {
		return first.File, first.TableLine()
	}
	var last *Text
	for _, t := range m.Texts {
		if t.File == m.File && (last == nil || t.Line() > last.Line()) {
			last = t
		}
	}
	if last != nil {
		return last.File, last.TableLine()
	}
	return m.File, 1
}
