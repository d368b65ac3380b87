package huiyan

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/accept"
)

// The fallback rules of the package documentation: from a language value
// to the chain of locales that serves it.

// resolve returns the chain that serves lang.
func (b *Bundle) resolve(lang string) *chain {
	if c, ok := b.cache.Get(lang); ok {
		return c
	}
	return b.resolveNew(lang)
}

// resolveNew resolves a value the cache does not hold, and keeps it.
func (b *Bundle) resolveNew(lang string) *chain {
	var prefs accept.Prefs
	prefs.Read(lang)
	var buf [8]int
	c := b.chainOf(b.chainFor(&prefs, buf[:]))
	b.cache.Put(lang, c)
	return c
}

// chainFor applies the fallback rules to the preferences, and returns the
// locales of the chain. The tags are parsed lazily: when the first locale
// found is complete, the rest of a header is never read.
func (b *Bundle) chainFor(prefs *accept.Prefs, buf []int) []int {
	ls := buf[:0]
	named, chinese := false, false
	for i := range prefs.Len() {
		if prefs.Q(i) == 0 {
			break // sorted: the rest are exclusions too
		}
		t, ok := b.servesTag(prefs, i)
		if !ok {
			continue
		}
		named = true
		chinese = chinese || t.chinese
		if li := t.li; li >= 0 && !slices.Contains(ls, li) {
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

// sameLanguage returns the locale that serves a preference, or -1. A
// Chinese preference is served by the Chinese locale of its script, else
// by zh-CN; another language by its own locale nearest in script and
// region.
func (b *Bundle) sameLanguage(tag language.Tag, prefs *accept.Prefs) int {
	base := baseOf(tag)
	chinese := isChinese(base)
	var near *nearness
	best, bestScore := -1, -1
	for i, l := range b.locales {
		if chinese != l.chinese || !chinese && base != l.base || b.excluded(i, prefs) {
			continue
		}
		if near == nil {
			// Likely subtags are costly: only for a language a locale has.
			near = newNearness(tag, chinese)
		}
		if score := near.score(l); score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 && chinese && near != nil {
		// No locale of its script is left: a Chinese reader reads the
		// other script before any other language.
		other := *near
		other.script = near.fallbackScript()
		for i, l := range b.locales {
			if l.chinese && !b.excluded(i, prefs) {
				if score := other.score(l); score > bestScore {
					best, bestScore = i, score
				}
			}
		}
	}
	return best
}

// nearness is what a preference's locale is chosen by: its script and
// region, explicit or likely, and the regions of its CLDR parent locales,
// through which zh-MO reads zh-Hant-HK and pt-AO reads pt-PT.
type nearness struct {
	chinese bool
	script  language.Script
	region  language.Region
	parents []language.Region
}

var zhBase = language.MustParseBase("zh")

func newNearness(tag language.Tag, chinese bool) *nearness {
	n := &nearness{chinese: chinese}
	n.script = writtenScript(tag)
	n.region, _ = tag.Region()
	p := tag
	if chinese {
		// Readers of any Chinese language read written Chinese: zh's
		// parent locales are theirs (yue-MO reads as zh-Hant-MO).
		p, _ = language.Compose(zhBase, n.script, n.region)
	}
	for p = p.Parent(); !p.IsRoot(); p = p.Parent() {
		if _, _, r := p.Raw(); r != (language.Region{}) {
			n.parents = append(n.parents, r)
		}
	}
	return n
}

var (
	hans = language.MustParseScript("Hans")
	hant = language.MustParseScript("Hant")
)

// writtenScript returns the script that a reader of tag reads: its own,
// explicit or likely, except that a Chinese language with a region and no
// script reads the script Chinese is written in there: CLDR's likely
// script of zh in that region, unless writtenChinese corrects it. Min Nan
// and Hakka in Taiwan (nan-TW, hak-TW) read Traditional as zh-TW does,
// though CLDR writes both languages in Simplified; Cantonese in Guangdong
// (yue-CN) reads Simplified.
func writtenScript(tag language.Tag) language.Script {
	if base, script, region := tag.Raw(); isChinese(base) && script == (language.Script{}) && region != (language.Region{}) {
		if s, ok := writtenChinese[region]; ok {
			return s
		}
		if base != zhBase {
			tag, _ = language.Compose(zhBase, region)
		}
	}
	s, _ := tag.Script()
	return s
}

// writtenChinese corrects CLDR's likely script of Chinese where it is not
// the script that the region's schools, press and public signs write.
// Malaysia's Chinese schools and newspapers have written Simplified since
// the 1980s, as Singapore's since 1976; CLDR gives zh-MY Traditional. The
// other regions where CLDR says Traditional, besides Taiwan, Hong Kong and
// Macau (the United States, Australia, Britain, Indonesia, Thailand, the
// Philippines, Vietnam, ...), have communities that write either script,
// and keep CLDR's answer.
var writtenChinese = map[language.Region]language.Script{
	language.MustParseRegion("MY"): hans,
}

// fallbackScript returns the script a Chinese reader reads when no
// locale of its own script is left: the other of Simplified and
// Traditional, and for a reader of neither (zh-Latn, nan-Latn-TW) the
// script Chinese is written in its region.
func (n *nearness) fallbackScript() language.Script {
	switch n.script {
	case hans:
		return hant
	case hant:
		return hans
	}
	zh, _ := language.Compose(zhBase, n.region)
	return writtenScript(zh)
}

// score returns how near locale l is, -1 when it cannot serve: the same
// script counts most, then the same region, a parent locale's region, and
// last the language's main region. A locale that matches the preference
// exactly outscores every other.
func (n *nearness) score(l *locale) int {
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
	case slices.Contains(n.parents, l.region):
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
		if (base == l.base || isChinese(base) && l.chinese) &&
			(script == language.Script{} || script == l.script) &&
			(region == language.Region{} || region == l.region) {
			return true
		}
	}
	return false
}

// chineseBases are Chinese and the languages that ISO 639-3 groups under
// it (cmn Mandarin, yue Cantonese, nan Min Nan, ...): their readers read
// written Chinese.
var chineseBases = func() []language.Base {
	var bs []language.Base
	for _, s := range []string{"zh", "cdo", "cjy", "cmn", "cpx", "czh", "czo", "gan", "hak", "hsn", "lzh", "mnp", "nan", "wuu", "yue"} {
		bs = append(bs, language.MustParseBase(s))
	}
	return bs
}()

// isChinese reports whether b is Chinese or a language whose readers read
// written Chinese.
func isChinese(b language.Base) bool {
	for _, c := range chineseBases {
		if b == c {
			return true
		}
	}
	return false
}

// baseOf returns the language of tag, as written: und when it has none.
func baseOf(tag language.Tag) language.Base {
	b, _, _ := tag.Raw()
	return b
}
