package huiyan

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

// mergedLocale is the texts of one locale over all layers.
type mergedLocale struct {
	tag   language.Tag
	file  string // the last file that defines the locale, for problems
	layer int    // the first layer that defines it
	texts map[string]*text
}

// merge returns the locales of the files, the canonical one first, then
// by tag. A text of a later layer replaces the same text of an earlier
// one; files that do not parse give none.
func merge(files []*localeFile) []*mergedLocale {
	var out []*mergedLocale
	byTag := make(map[language.Tag]*mergedLocale)
	for _, f := range files {
		if f.broken {
			continue
		}
		m := byTag[f.tag]
		if m == nil {
			m = &mergedLocale{tag: f.tag, layer: f.layer, texts: make(map[string]*text)}
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

// ownTexts returns the locale's texts by ID, so that what Lint finds on
// one line comes in the same order every time (it sorts by file and line).
func (m *mergedLocale) ownTexts() []*text {
	ts := make([]*text, 0, len(m.texts))
	for _, id := range slices.Sorted(maps.Keys(m.texts)) {
		ts = append(ts, m.texts[id])
	}
	return ts
}

// anyText returns the first text of code c the locale has, or nil.
func (m *mergedLocale) anyText(c messages.Code) *text {
	var first *text
	for f := range numFields {
		if t := m.texts[textID(c, f)]; t != nil && (first == nil || t.line() < first.line()) {
			first = t
		}
	}
	return first
}

// missingFields returns the fields of code c that m lacks: those zh-CN
// has, or for zh-CN itself those it must have.
func (m *mergedLocale) missingFields(zh *mergedLocale, c messages.Code) []string {
	var missing []string
	for f := range numFields {
		id := textID(c, f)
		required := zh.texts[id] != nil
		if m == zh {
			required = f == fieldUser || f == fieldTitle
		}
		if required && m.texts[id] == nil {
			missing = append(missing, fieldNames[f])
		}
	}
	return missing
}

// missingCategoryFields returns the fields of category c that m lacks:
// those zh-CN has, or with zh nil, all of them.
func (m *mergedLocale) missingCategoryFields(c messages.Category, zh *mergedLocale) []string {
	var missing []string
	for f := range numFields {
		id := categoryID(c, f)
		if m.texts[id] == nil && (zh == nil || zh.texts[id] != nil) {
			missing = append(missing, fieldNames[f])
		}
	}
	return missing
}

// placeOfCode returns where the texts of code c belong in m's files: with
// c's other texts, else next to the nearest code that m has (the one
// before c on a tie), else the first line of m's file.
func (m *mergedLocale) placeOfCode(c messages.Code) (string, int) {
	if t := m.anyText(c); t != nil {
		return t.file, t.tableLine()
	}
	codes := messages.All()
	i := slices.Index(codes, c)
	for d := 1; d < len(codes); d++ {
		for _, j := range []int{i - d, i + d} {
			if j >= 0 && j < len(codes) {
				if t := m.anyText(codes[j]); t != nil {
					return t.file, t.tableLine()
				}
			}
		}
	}
	return m.file, 1
}

// placeOfCategory returns where the texts of category c belong: with the
// category's other texts, else after the last text of m's last file.
func (m *mergedLocale) placeOfCategory(c messages.Category) (string, int) {
	var first *text
	for _, t := range m.texts {
		if t.isCat && t.category == c && (first == nil || t.line() < first.line()) {
			first = t
		}
	}
	if first != nil {
		return first.file, first.tableLine()
	}
	var last *text
	for _, t := range m.texts {
		if t.file == m.file && (last == nil || t.line() > last.line()) {
			last = t
		}
	}
	if last != nil {
		return last.file, last.tableLine()
	}
	return m.file, 1
}
