package huiyan

import (
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Source gives the catalogue to serve: a [*Bundle], which is its own, or a
// [*Watcher], whose catalogue a reload replaces. Code that serves texts,
// such as package huiyanhttp, takes a Source and reads one Bundle per
// request, so that the messages of a request come from one catalogue
// whatever reloads happen meanwhile.
type Source interface {
	Bundle() *Bundle
}

// Bundle returns b: a Bundle is a [Source] that never changes.
func (b *Bundle) Bundle() *Bundle { return b }

// Localize returns the message for code in the best language for lang,
// from the embedded locales. See [Bundle.Localize].
func Localize(code messages.Code, lang string) Message {
	// Small enough to inline: the message is copied once, into the
	// caller's variable. A nil bundle is the default one, built now.
	return *defaultPtr.Load().find(code, lang)
}

// Localize returns the message for code in the best language for lang.
//
// lang is what the client sent: a BCP 47 tag in any case ("en-US",
// "zh-hant-tw"), a tag with underscores or a POSIX locale name
// ("zh_CN.UTF-8"), a WeChat language value ("zh_CN", "zh_TW", "en"), or a
// whole Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8"). The package
// documentation states the fallback rules.
//
// A code that is not in the catalogue gets the texts of its category, with
// the code in Title and Known false. Localize never fails: User is never
// empty, whatever code and lang are.
func (b *Bundle) Localize(code messages.Code, lang string) Message {
	return *b.find(code, lang)
}

// find returns the message for code in the best language for lang: on
// the common path the bundle's own precomputed message, which the caller
// copies out; a message computed for the call (a code not in the
// catalogue, a chain that fills texts from its next locales) is new. A
// nil b is the default bundle, built on first use.
func (b *Bundle) find(code messages.Code, lang string) *Message {
	if b != nil {
		if c, ok := b.cache.Lookup(lang); ok && !c.fills {
			if row := b.table.Index(int(code)); row >= 0 {
				return &c.msgs[row]
			}
		}
	}
	return b.findSlow(code, lang)
}

// findSlow is find for all but a known code in a complete chain that the
// cache's map holds.
func (b *Bundle) findSlow(code messages.Code, lang string) *Message {
	if b == nil {
		b = buildDefault()
	}
	c := b.resolve(lang)
	row := b.table.Index(int(code))
	if row >= 0 && !c.fills {
		return &c.msgs[row]
	}
	m := new(Message)
	if row < 0 {
		*m = b.unknown(c, code)
	} else {
		*m = b.message(c, row)
	}
	return m
}

// LocalizeWith returns the message for a code of any table in the best
// language for lang, from src's catalogue (nil is [Default]), with values
// for the code's count parameter (see [messages.Code.Param]), which replace
// the numbers the Huiyan documentation states:
//
//	m := huiyan.LocalizeWith(b, messages.SMSCodeExpired, "en", map[string]int{"Minutes": 5})
//
// Names the code does not have are ignored; a parameter left out keeps its
// default. The code's type says its table: a FaceID result code is
// localized as
//
//	m := huiyan.LocalizeWith(nil, faceid.IDCardExpired, "zh-TW", nil)
//
// A code that is not in its table gets the texts of its category, as in
// [Bundle.Localize]; a code of a table that the catalogue does not serve
// gets the texts of the Huiyan table's general category.
func LocalizeWith[C messages.TableCode](src Source, code C, lang string, params map[string]int) MessageOf[C] {
	var b *Bundle
	if src != nil {
		b = src.Bundle()
	}
	if b == nil {
		b = Default()
	}
	t := b.forTable(code.Table())
	var m Message
	if t == nil {
		m = b.unknownIn(b.resolve(lang), messages.Code(code), 0)
	} else {
		m = t.localizeWith(messages.Code(code), lang, params)
	}
	return MessageOf[C]{Code: code, Known: m.Known, Lang: m.Lang, User: m.User, Title: m.Title, Detail: m.Detail, Remedy: m.Remedy}
}

// localizeWith is LocalizeWith of a code of b's table.
func (b *Bundle) localizeWith(code messages.Code, lang string, params map[string]int) Message {
	c := b.resolve(lang)
	row := b.table.Index(int(code))
	if row < 0 {
		return b.unknown(c, code)
	}
	msg := b.message(c, row)
	e := &b.table.Entries()[row]
	p := e.Param
	if p.Name == "" {
		return msg
	}
	v, ok := params[p.Name]
	if !ok || v == p.Default {
		return msg
	}
	vals := load.Values{Code: int(code), Name: p.Name, Count: v}
	for f := range load.NumFields {
		li, t := b.serving(c, row, f)
		if t != nil && (len(t.Params) > 0 || t.Plural()) {
			msg.set(f, t.Render(b.locales[li].tag, vals))
		}
	}
	return msg
}

// Match returns the BCP 47 tag of the locale that serves lang by the
// fallback rules, such as "en-US" for "en-GB,en;q=0.9": what a response's
// Content-Language is. A message's Lang differs only where that locale
// lacks the user text and the next locale of the fallback chain serves it.
func (b *Bundle) Match(lang string) string { return b.resolve(lang).first.name }

// unknown returns the category texts for a code not in the catalogue.
func (b *Bundle) unknown(c *chain, code messages.Code) Message {
	return b.unknownIn(c, code, b.table.CategoryOf(int(code)))
}

// unknownIn returns the texts of category cat for code.
func (b *Bundle) unknownIn(c *chain, code messages.Code, cat int) Message {
	msg := Message{Code: code}
	v := load.Values{Code: int(code)}
	for f := range load.NumFields {
		for _, li := range c.ls {
			l := b.locales[li]
			if t := l.cats[cat][f]; t != nil {
				msg.set(f, t.Render(l.tag, v))
				if f == load.FieldUser {
					msg.Lang = l.name
				}
				break
			}
		}
	}
	return msg
}
