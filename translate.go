package huiyan

import (
	"github.com/huiyan-i18n/huiyan/messages"
)

// Localizer serves messages: a [*Bundle], or a [*Watcher] that reloads
// one. Code that localizes for a service, such as package huiyanhttp,
// takes a Localizer, so that it works with either.
type Localizer interface {
	Localize(code messages.Code, lang string) Message
	LocalizeWith(code messages.Code, lang string, params map[string]int) Message
	Match(lang string) string
	// Bundle returns the catalogue being served. Several messages read
	// from one Bundle come from one catalogue, whatever reloads happen
	// meanwhile.
	Bundle() *Bundle
	// Err returns the fault that keeps the locale files from being
	// served, naming the file and the line, or nil: always nil for a
	// Bundle, the standing fault of a reload for a Watcher.
	Err() error
}

// Bundle returns b itself: a *Bundle is a [Localizer] that never changes.
func (b *Bundle) Bundle() *Bundle { return b }

// Err returns nil: a Bundle serves what it was built from.
func (b *Bundle) Err() error { return nil }

// Localize returns the message for code in the best language for lang,
// from the embedded locales. See [Bundle.Localize].
func Localize(code messages.Code, lang string) Message {
	// Small enough to inline: the message is copied once, into the
	// caller's variable. A nil bundle is the default one, built now.
	return *defaultPtr.Load().find(code, lang)
}

// LocalizeWith is like [Localize] with template parameters. See
// [Bundle.LocalizeWith].
func LocalizeWith(code messages.Code, lang string, params map[string]int) Message {
	return defaultBundle().LocalizeWith(code, lang, params)
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

// find returns the message for code in the best language for lang. On the
// common path it is the bundle's own precomputed message, which the caller
// copies out; a message computed for the call (a code not in the
// catalogue, a chain that fills past the bound of kept chains) is new. A
// nil b is the default bundle, built on first use.
func (b *Bundle) find(code messages.Code, lang string) *Message {
	if b == nil {
		b = buildDefault()
	}
	c, ok := b.cache.Get(lang) // resolve's common case, without its call
	if !ok {
		c = b.resolveNew(lang)
	}
	row := code.Index()
	switch {
	case row < 0 || c.fills && c.msgs == nil:
		return b.compute(c, code, row)
	case c.fills:
		return &c.msgs[row]
	}
	return &c.first.rows[row].msg
}

// compute returns a new message for what find does not keep.
func (b *Bundle) compute(c *chain, code messages.Code, row int) *Message {
	var m Message
	if row < 0 {
		m = b.unknown(c, code)
	} else {
		m = b.fill(c, row)
	}
	return &m
}

// LocalizeWith is like [Bundle.Localize], with values for the code's count
// parameter (see [messages.Code.Param]), which replace the numbers the
// Huiyan documentation states:
//
//	m := b.LocalizeWith(messages.SMSCodeExpired, "en", map[string]int{"Minutes": 5})
//
// Names the code does not have are ignored; a parameter left out keeps its
// default.
func (b *Bundle) LocalizeWith(code messages.Code, lang string, params map[string]int) Message {
	c := b.resolve(lang)
	row := code.Index()
	if row < 0 {
		return b.unknown(c, code)
	}
	msg := b.message(c, row)
	p, ok := code.Param()
	if !ok {
		return msg
	}
	v, ok := params[p.Name]
	if !ok || v == p.Default {
		return msg
	}
	vals := values{code: int(code), name: p.Name, count: v}
	for f := range numFields {
		li, t := b.serving(c, row, f)
		if t != nil && (len(t.params) > 0 || t.plural()) {
			msg.set(f, t.render(b.locales[li].tag, vals))
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
	msg := Message{Code: code}
	v := values{code: int(code)}
	cat := code.Category()
	for f := range numFields {
		for _, li := range c.ls {
			l := b.locales[li]
			if t := l.cats[cat][f]; t != nil {
				msg.set(f, t.render(l.tag, v))
				if f == fieldUser {
					msg.Lang = l.name
				}
				break
			}
		}
	}
	return msg
}
