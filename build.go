package huiyan

import (
	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/valuecache"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The last step of loading: a Bundle, with every message of every locale
// rendered, keeping of each text only what rendering it again needs.

// build makes a bundle of merged locales, the canonical one first: it
// renders every message of every locale with its default parameters.
func build(ms []*mergedLocale) *Bundle {
	codes := messages.All()
	b := &Bundle{en: -1, codes: codes}
	b.cache = valuecache.New[*chain]()
	for i, m := range ms {
		l := newLocale(m.tag)
		if l.name == Fallback {
			b.en = i
		}
		b.locales = append(b.locales, l)
		l.rows = renderRows(m, codes, b.locales[0])
		l.cats = categoryTexts(m)
		l.complete = isComplete(l, b.locales[0])
	}
	return b
}

// defaults returns the values a code's texts are rendered with when the
// caller gives none: the code, and the count the Huiyan documentation
// states.
func defaults(c messages.Code) values {
	v := values{code: int(c)}
	if p, ok := c.Param(); ok {
		v.name, v.count = p.Name, p.Default
	}
	return v
}

// renderRows renders the codes in locale m. A text m lacks is zh-CN's
// (canon, which is m itself while it is being rendered).
func renderRows(m *mergedLocale, codes []messages.Code, canon *locale) []localeRow {
	rows := make([]localeRow, len(codes))
	name := m.tag.String()
	for row, c := range codes {
		r := &rows[row]
		r.msg = Message{Code: c, Known: true}
		v := defaults(c)
		for f := range numFields {
			t := m.texts[textID(c, f)]
			if t != nil {
				r.has |= 1 << f
				if t.params != nil || t.plural() {
					r.own[f] = t.keep()
				}
				r.msg.set(f, t.render(m.tag, v))
				if f == fieldUser {
					r.msg.Lang = name
				}
				continue
			}
			if canon.rows == nil {
				continue // m is zh-CN: it has no text for f
			}
			zh := &canon.rows[row]
			if zh.has&(1<<f) != 0 {
				r.lacks |= 1 << f
				r.msg.set(f, zh.msg.get(f))
				if f == fieldUser {
					r.msg.Lang = canon.name
				}
			}
		}
	}
	return rows
}

// categoryTexts returns the category texts of locale m.
func categoryTexts(m *mergedLocale) [][numFields]*body {
	cats := make([][numFields]*body, len(messages.Categories()))
	for _, c := range messages.Categories() {
		for f := range numFields {
			if t := m.texts[categoryID(c, f)]; t != nil {
				cats[c][f] = t.keep()
			}
		}
	}
	return cats
}

// keep returns a copy of what rendering t needs, which holds nothing of
// its file.
func (t *text) keep() *body {
	b := t.body
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
	script := writtenScript(tag)
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
