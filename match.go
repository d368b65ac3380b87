package huiyan

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/accept"
	"github.com/huiyan-i18n/huiyan/internal/load"
)

// The fallback rules of the package documentation: from a language value
// to the chain of locales that serves it.

// resolve returns the chain that serves lang: the one bounded cache of
// the bundle maps a language value to it, and a value not held is
// resolved by the rules and kept.
func (b *Bundle) resolve(lang string) *chain {
	if c, ok := b.cache.Lookup(lang); ok {
		return c
	}
	return b.resolveNew(lang)
}

// resolveNew resolves a value that the cache's map does not hold: from the
// values waiting to join it, else by the rules, offered to the cache.
func (b *Bundle) resolveNew(lang string) *chain {
	if c, ok := b.cache.GetNew(lang); ok {
		return c
	}
	var prefs accept.Prefs // large: read in place rather than copied
	prefs.Read(lang)
	var buf [8]int
	c := b.chainOf(b.serve(&prefs, buf[:0]))
	b.cache.Put(lang, c)
	return c
}

// serve applies the fallback rules to the preferences, and returns the
// locales that serve them, best first, ending with zh-CN. It reads nothing
// but the preferences and the bundle's locales. The tags are parsed
// lazily: when the first locale found is complete, the rest of a header is
// never read.
func (b *Bundle) serve(prefs *accept.Prefs, ls []int) []int {
	named, chinese := false, false
	for i := range prefs.Len() {
		if prefs.Q(i) == 0 {
			break // sorted: the rest are exclusions too
		}
		base, ok := prefs.Base(i)
		if !ok {
			continue
		}
		named = true
		chinese = chinese || load.IsChinese(base)
		if li := b.sameLanguage(prefs, i, base); li >= 0 && !slices.Contains(ls, li) {
			ls = append(ls, li)
			if b.locales[ls[0]].complete {
				break // nothing to fall back for
			}
		}
	}
	if len(ls) == 0 {
		ls = append(ls, b.fallback(named, prefs))
	}
	if !b.locales[ls[0]].complete && !chinese && b.en >= 0 && !b.excluded(b.en, prefs) && !slices.Contains(ls, b.en) {
		ls = append(ls, b.en)
	}
	if !slices.Contains(ls, 0) {
		ls = append(ls, 0)
	}
	return ls
}

// fallback returns the locale that serves a value none of whose
// preferences a locale serves: en-US when it named a language, zh-CN when
// it named none, and a locale excluded by q=0 only when no other can.
func (b *Bundle) fallback(named bool, prefs *accept.Prefs) int {
	switch {
	case named && b.en >= 0 && !b.excluded(b.en, prefs):
		return b.en
	case !b.excluded(0, prefs):
		return 0
	case b.en >= 0 && !b.excluded(b.en, prefs):
		return b.en
	}
	return 0
}

// sameLanguage returns the locale that serves entry i of prefs, whose
// language is base, or -1. A
// Chinese preference is served by the Chinese locale of its script, else
// by zh-CN; another language by its own locale nearest in script and
// region.
func (b *Bundle) sameLanguage(prefs *accept.Prefs, i int, base language.Base) int {
	chinese := load.IsChinese(base)
	var buf [8]int
	cands := buf[:0]
	for li, l := range b.locales {
		if (chinese && l.chinese || !chinese && base == l.base) && !b.excluded(li, prefs) {
			cands = append(cands, li)
		}
	}
	switch {
	case len(cands) == 0:
		return -1
	case len(cands) == 1 && !chinese:
		return cands[0] // nearness ranks a language's locales; it refuses none
	}
	tag, _ := prefs.Tag(i) // its script and region count now
	near := newNearness(tag, chinese)
	best := near.best(b, cands)
	if best < 0 && chinese {
		// No locale of its script is left: a Chinese reader reads the
		// other script before any other language.
		other := *near
		other.script = near.fallbackScript()
		best = other.best(b, cands)
	}
	return best
}

// nearness is what a preference's locale is chosen by: its script and
// region, explicit or likely, and the regions of its CLDR parent locales,
// through which zh-MO reads zh-Hant-HK and pt-AO reads pt-PT.
type nearness struct {
	chinese bool
	tag     language.Tag
	script  language.Script
	region  language.Region
	// The parents are read only when they decide: their script is the
	// preference's own, whatever script is tried.
	pscript language.Script
	parents []language.Region
	read    bool
}

func newNearness(tag language.Tag, chinese bool) *nearness {
	n := &nearness{chinese: chinese, tag: tag}
	n.script = load.WrittenScript(tag)
	n.pscript = n.script
	n.region, _ = tag.Region()
	return n
}

// parentRegions returns the regions of the preference's CLDR parent
// locales, nearest first.
func (n *nearness) parentRegions() []language.Region {
	if n.read {
		return n.parents
	}
	n.read = true
	p := n.tag
	if n.chinese {
		// Readers of any Chinese language read written Chinese: zh's
		// parent locales are theirs (yue-MO reads as zh-Hant-MO).
		p, _ = language.Compose(load.ZhBase, n.pscript, n.region)
	}
	for p = p.Parent(); !p.IsRoot(); p = p.Parent() {
		if _, _, r := p.Raw(); r != (language.Region{}) {
			n.parents = append(n.parents, r)
		}
	}
	return n.parents
}

// best returns the nearest of the locales cands, the first of those that
// rank the same, or -1 when none can serve. The parents' regions count
// only when no locale of the preference's own region can serve: such a
// locale outscores any other.
func (n *nearness) best(b *Bundle, cands []int) int {
	best, bestScore := -1, -1
	for _, i := range cands {
		if score := n.score(b.locales[i], nil); score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 || b.locales[best].region == n.region {
		return best
	}
	parents := n.parentRegions()
	best, bestScore = -1, -1
	for _, i := range cands {
		if score := n.score(b.locales[i], parents); score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// fallbackScript returns the script a Chinese reader reads when no
// locale of its own script is left: the other of Simplified and
// Traditional, and for a reader of neither (zh-Latn, nan-Latn-TW) the
// script Chinese is written in its region.
func (n *nearness) fallbackScript() language.Script {
	switch n.script {
	case load.Hans:
		return load.Hant
	case load.Hant:
		return load.Hans
	}
	zh, _ := language.Compose(load.ZhBase, n.region)
	return load.WrittenScript(zh)
}

// score returns how near locale l is, -1 when it cannot serve: the same
// script counts most, then the same region, the region of a parent locale
// (of parents), and last the language's main region. A locale that
// matches the preference exactly outscores every other.
func (n *nearness) score(l *locale, parents []language.Region) int {
	score := 0
	switch {
	case l.script == n.script:
		score += 8
	case n.chinese:
		return -1 // a Chinese reader reads one script
	}
	switch {
	case l.region == n.region:
		score += 4
	case slices.Contains(parents, l.region):
		score += 2
	}
	if l.primary {
		score++
	}
	return score
}

// excluded reports whether a q=0 entry rules out locale li.
func (b *Bundle) excluded(li int, prefs *accept.Prefs) bool {
	l := b.locales[li]
	for i := prefs.Len() - 1; i >= 0 && prefs.Q(i) == 0; i-- {
		tag, ok := prefs.Tag(i)
		if !ok {
			continue
		}
		base, script, region := tag.Raw()
		if (base == l.base || load.IsChinese(base) && l.chinese) &&
			(script == language.Script{} || script == l.script) &&
			(region == language.Region{} || region == l.region) {
			return true
		}
	}
	return false
}
