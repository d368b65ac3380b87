package huiyan

import (
	"github.com/huiyan-i18n/huiyan/internal/accept"
	"github.com/huiyan-i18n/huiyan/internal/valuecache"
)

// memo is what a bundle remembers of the language values it resolved, in
// bounded tables, so that a header it has not seen costs little more than
// splitting it: headers differ, but their tags and the chains they resolve
// to come from small vocabularies.
type memo struct {
	// tags holds what each tag of a header without exclusions (q=0)
	// resolves to, by its text: the fallback rules for one tag read the
	// others only for their exclusions.
	tags *valuecache.Cache[tagServe]
	// chains interns the chains by their locales, so that values that
	// resolve alike share one.
	chains *valuecache.Cache[*chain]
}

// tagServe is what one entry of a language value resolves to.
type tagServe struct {
	named   bool // the entry names a language
	chinese bool // a Chinese language
	li      int  // the locale that serves it, or -1
}

// memos returns the bundle's memo, made on first use.
func (b *Bundle) memos() *memo {
	if m := b.memo.Load(); m != nil {
		return m
	}
	b.memo.CompareAndSwap(nil, &memo{
		tags:   valuecache.New[tagServe](),
		chains: valuecache.New[*chain](),
	})
	return b.memo.Load()
}

// servesTag returns what entry i of prefs resolves to, and whether it
// names a language.
func (b *Bundle) servesTag(prefs *accept.Prefs, i int) (tagServe, bool) {
	m := b.memos()
	keep := !prefs.Excludes()
	if keep {
		if t, ok := m.tags.Get(prefs.Text(i)); ok {
			return t, t.named
		}
	}
	t := tagServe{li: -1}
	if tag, ok := prefs.Tag(i); ok {
		t = tagServe{named: true, chinese: isChinese(baseOf(tag)), li: b.sameLanguage(tag, prefs)}
	}
	if keep {
		m.tags.Put(prefs.Text(i), t)
	}
	return t, t.named
}
