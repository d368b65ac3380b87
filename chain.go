package huiyan

import "github.com/huiyan-i18n/huiyan/internal/load"

// chain is the locales that serve a language value, best first, ending
// with zh-CN: the first serves the message, and a text it lacks comes from
// the next one that has it.
type chain struct {
	first *locale
	msgs  []Message // the first locale's messages
	ls    []int
	// fills is true when the first locale lacks texts that a locale of
	// the chain before zh-CN may have: its precomputed messages, which
	// take what they lack from zh-CN, do not serve as they are.
	fills bool
}

// chainOf returns the chain of locales ls: a bundle's own when the first
// locale serves alone, as a complete locale always does.
func (b *Bundle) chainOf(ls []int) *chain {
	first := b.locales[ls[0]]
	if first.complete || len(ls) <= 2 {
		return b.own[ls[0]]
	}
	return &chain{first: first, msgs: first.msgs, ls: append([]int(nil), ls...), fills: true}
}

// message returns the message of a row, each text from the first locale
// of the chain that has it.
func (b *Bundle) message(c *chain, row int) Message {
	r := &c.first.rows[row]
	if !c.fills || r.lacks == 0 {
		return c.msgs[row]
	}
	m := c.msgs[row]
	for f := range load.NumFields {
		if r.lacks&(1<<f) == 0 {
			continue
		}
		li, _ := b.serving(c, row, f)
		m.set(f, b.locales[li].msgs[row].get(f))
		if f == load.FieldUser {
			m.Lang = b.locales[li].name
		}
	}
	return m
}

// serving returns the locale that serves field f of a row, the first of
// the chain that has it, and its text when it inserts parameters or has
// plural forms. It returns -1 when none does (zh-CN has no detail or
// remedy for some codes).
func (b *Bundle) serving(c *chain, row int, f load.Field) (int, *load.Body) {
	for _, li := range c.ls {
		if r := &b.locales[li].rows[row]; r.has&(1<<f) != 0 {
			return li, r.own[f]
		}
	}
	return -1, nil
}
