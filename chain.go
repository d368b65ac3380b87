package huiyan

import (
	"encoding/binary"
	"slices"
	"sync"
)

// chain is the locales that serve a language value, best first, ending
// with zh-CN: the first serves the message, and a text it lacks comes from
// the next one that has it.
type chain struct {
	first *locale
	ls    []int
	// fills is true when the first locale lacks texts that a locale of
	// the chain before zh-CN may have: the first locale's precomputed
	// messages, which take what they lack from zh-CN, do not serve.
	fills bool
	// msgs are the messages of a chain that fills, by row, computed once
	// for the chains a bundle interns.
	msgs []Message
}

// maxChains bounds the chains a bundle keeps with their messages: each
// costs a message per code. A chain past the bound is filled on each call.
const maxChains = 256

// chains interns the chains that fill, so that Localize serves them from
// precomputed messages as it does the others.
type chains struct {
	mu sync.Mutex
	m  map[string]*chain
}

// chainOf returns the chain of locales ls, which it does not keep: the
// bundle's own, interned, when it has one.
func (b *Bundle) chainOf(ls []int) *chain {
	var buf [32]byte
	key := buf[:0]
	for _, li := range ls {
		key = binary.AppendUvarint(key, uint64(li))
	}
	m := b.memos()
	if c, ok := m.chains.Get(string(key)); ok {
		return c
	}
	c := b.newChain(slices.Clone(ls), key)
	m.chains.Put(string(key), c)
	return c
}

// newChain returns the chain of locales ls, whose key is key: for a chain
// that fills, the one interned with its messages.
func (b *Bundle) newChain(ls []int, key []byte) *chain {
	c := &chain{first: b.locales[ls[0]], ls: ls}
	c.fills = !c.first.complete && len(ls) > 2
	if !c.fills {
		return c
	}
	b.chains.mu.Lock()
	defer b.chains.mu.Unlock()
	if interned, ok := b.chains.m[string(key)]; ok {
		return interned
	}
	if len(b.chains.m) < maxChains {
		c.msgs = make([]Message, len(b.codes))
		for row := range b.codes {
			c.msgs[row] = b.fill(c, row)
		}
		if b.chains.m == nil {
			b.chains.m = make(map[string]*chain)
		}
		b.chains.m[string(key)] = c
	}
	return c
}

// message returns the message of a row, each text from the first locale
// of the chain that has it.
func (b *Bundle) message(c *chain, row int) Message {
	switch {
	case c.msgs != nil:
		return c.msgs[row]
	case c.fills:
		return b.fill(c, row)
	}
	return c.first.rows[row].msg
}

// fill returns the first locale's message of a row, with each text it
// lacks from the next locale of the chain that has it.
func (b *Bundle) fill(c *chain, row int) Message {
	r := &c.first.rows[row]
	m := r.msg
	for f := range numFields {
		if r.lacks&(1<<f) == 0 {
			continue
		}
		li, _ := b.serving(c, row, f)
		m.set(f, b.locales[li].rows[row].msg.get(f))
		if f == fieldUser {
			m.Lang = b.locales[li].name
		}
	}
	return m
}

// serving returns the locale that serves field f of a row, the first of
// the chain that has it, and its text when it inserts parameters or has
// plural forms. It returns -1 when none does (zh-CN has no detail or
// remedy for some codes).
func (b *Bundle) serving(c *chain, row int, f field) (int, *body) {
	for _, li := range c.ls {
		if r := &b.locales[li].rows[row]; r.has&(1<<f) != 0 {
			return li, r.own[f]
		}
	}
	return -1, nil
}
