package huiyan

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/accept"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Message is what a code means, for the end user and for the operator, in
// one language.
type Message struct {
	Code  messages.Code
	Known bool // false for a code that is not in the catalogue

	// Lang is the BCP 47 tag of the locale that served User, such as
	// "en-US". A text that locale lacks comes from zh-CN.
	Lang string

	// User is for the end user: plain words, and what to do next. It is
	// never empty.
	User string

	// Title, Detail and Remedy are for the operator: in zh-CN, the Huiyan
	// error table's 错误描述, 说明 and 解决方案. Detail and Remedy are empty
	// where the table has nothing to say.
	Title  string
	Detail string
	Remedy string
}

func (m *Message) set(f field, s string) {
	switch f {
	case fieldUser:
		m.User = s
	case fieldTitle:
		m.Title = s
	case fieldDetail:
		m.Detail = s
	case fieldRemedy:
		m.Remedy = s
	}
}

// Localize returns the message for code in the best language for lang,
// from the embedded locales. See [Bundle.Localize].
func Localize(code messages.Code, lang string) Message {
	return defaultBundle().Localize(code, lang)
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
	li := b.resolve(lang)
	if row := b.row(code); row >= 0 {
		return b.msgs[li*len(b.rowCodes)+row]
	}
	return b.unknown(li, code)
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
	li := b.resolve(lang)
	row := b.row(code)
	if row < 0 {
		return b.unknown(li, code)
	}
	l := b.locales[li]
	msg := b.msgs[li*len(b.rowCodes)+row]
	p, ok := code.Param()
	if !ok {
		return msg
	}
	v, ok := params[p.Name]
	if !ok || v == p.Default {
		return msg
	}
	ps := values{code: int(code), name: p.Name, count: v}
	for f, st := range l.texts[row] {
		if st != nil && (len(st.params) > 0 || st.plural()) {
			msg.set(field(f), st.render(ps))
		}
	}
	return msg
}

// Match returns the BCP 47 tag of the locale that serves lang by the
// fallback rules, such as "en-US" for "en-GB,en;q=0.9": what a response's
// Content-Language is. A message's Lang differs only where that locale
// lacks the user text and zh-CN serves it.
func (b *Bundle) Match(lang string) string { return b.locales[b.resolve(lang)].name }

func (b *Bundle) row(code messages.Code) int {
	if code < 0 || int(code) >= len(b.rows) {
		return -1
	}
	return int(b.rows[code])
}

// unknown returns the category texts for a code not in the catalogue.
func (b *Bundle) unknown(li int, code messages.Code) Message {
	msg := Message{Code: code}
	ps := values{code: int(code)}
	for f, st := range b.locales[li].cats[code.Category()] {
		if st == nil {
			continue
		}
		msg.set(field(f), st.render(ps))
		if field(f) == fieldUser {
			msg.Lang = b.locales[st.locale].name
		}
	}
	return msg
}

// resolve returns the index of the locale that serves lang.
func (b *Bundle) resolve(lang string) int {
	if li, ok := b.cache.get(lang); ok {
		return li
	}
	prefs := accept.Parse(lang)
	li := b.choose(&prefs)
	b.cache.put(lang, li)
	return li
}

// choose applies the fallback rules to the preferences.
func (b *Bundle) choose(prefs *accept.Prefs) int {
	named := false
	for i := range prefs.Len() {
		if prefs.Q(i) == 0 {
			break // sorted: the rest are exclusions too
		}
		tag, ok := prefs.Tag(i)
		if !ok {
			continue
		}
		named = true
		if li := b.sameLanguage(tag, prefs); li >= 0 {
			return li
		}
	}
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
// by zh-CN; another language by its own locale closest in script and
// region.
func (b *Bundle) sameLanguage(tag language.Tag, prefs *accept.Prefs) int {
	base, _, _ := tag.Raw()
	chinese := isChinese(base)
	var script language.Script
	var region language.Region
	best, bestScore := -1, -1
	for i, l := range b.locales {
		if chinese != l.chinese || !chinese && base != l.base || b.excluded(i, prefs) {
			continue
		}
		if script == (language.Script{}) {
			// Likely subtags are costly: only for a language a locale has.
			script, _ = tag.Script()
			region, _ = tag.Region()
		}
		score := 0
		switch {
		case l.script == script:
			score += 4
		case chinese:
			continue
		}
		if l.region == region {
			score += 2
		}
		if l.primary {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 && chinese && !b.excluded(0, prefs) {
		return 0
	}
	return best
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

func isChinese(b language.Base) bool {
	for _, c := range chineseBases {
		if b == c {
			return true
		}
	}
	return false
}

// The language cache maps language values to locales. It is direct-mapped
// with a fixed number of slots, so its memory is bounded whatever values
// clients send; a value that loses its slot is resolved again.
const (
	cacheSlots  = 1024 // a power of two
	maxCacheKey = 128  // longer values are resolved every time
)

type langCache struct {
	seed  uint64
	slots [cacheSlots]atomic.Pointer[cacheEntry]
}

type cacheEntry struct {
	key    string
	locale int
}

// init seeds the hash: values that collide in one process do not in
// another.
func (c *langCache) init() { c.seed = maphash.Comparable(maphash.MakeSeed(), 0) | 1 }

func (c *langCache) slot(s string) *atomic.Pointer[cacheEntry] {
	return &c.slots[hashString(c.seed, s)&(cacheSlots-1)]
}

func (c *langCache) get(s string) (int, bool) {
	if len(s) > maxCacheKey {
		return 0, false
	}
	if e := c.slot(s).Load(); e != nil && e.key == s {
		return e.locale, true
	}
	return 0, false
}

func (c *langCache) put(s string, li int) {
	if len(s) <= maxCacheKey {
		c.slot(s).Store(&cacheEntry{key: strings.Clone(s), locale: li})
	}
}

// hashString is a multiply-xorshift hash, eight bytes at a time: for the
// short values clients send, it is cheaper than calling maphash, and the
// cache needs no more (a collision costs one resolution, not a wrong
// answer).
func hashString(seed uint64, s string) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := seed ^ uint64(len(s))*m
	for len(s) >= 8 {
		h = (h ^ load64(s)) * m
		h ^= h >> 29
		s = s[8:]
	}
	var tail uint64
	for i := len(s) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(s[i])
	}
	h = (h ^ tail) * m
	return h ^ h>>32
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
