// Package accept reads the language values that clients send: a BCP 47
// tag in any case, a tag with underscores (zh_CN), a POSIX locale name
// (zh_CN.UTF-8), a WeChat language value (zh_CN, zh_TW, zh_HK, en), a
// platform's own spelling of a tag (Java's zh_TW_#Hant, .NET's zh-CHT,
// Android's zh-rTW and b+zh+Hant+TW), a whole Accept-Language header with
// q-values, or a GNU LANGUAGE list (zh_TW:zh_CN:en).
//
// Each entry is parsed by golang.org/x/text/language; this package adds
// what x/text's ParseAcceptLanguage lacks: one malformed entry is skipped
// instead of failing the header, a weight written off the grammar never
// costs the reader the language it names, POSIX suffixes are cut,
// platform spellings are read as the tags they stand for, and the work
// done is bounded whatever the input's length.
package accept

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

const (
	// MaxInput is how much of a value is read: an entry that does not end
	// within the first MaxInput bytes is ignored.
	MaxInput = 4096
	// MaxPrefs is how many entries of a header are read, malformed ones
	// included.
	MaxPrefs = 32
)

// Prefs is the result of Parse: the entries of a language value with their
// qualities, highest first, in the order given where qualities tie. An
// entry's tag is parsed when it is first asked for, so that resolving a
// header usually parses only its first entry.
type Prefs struct {
	n int
	e [MaxPrefs]entry
}

// Unreadable is the quality of an entry whose weight cannot be read as a
// number from 0 to 1 (q=, q=2, q=NaN): it ranks after every entry with a
// positive weight, and excludes nothing.
const Unreadable = -1

type entry struct {
	text  string // the tag as given, POSIX suffixes cut
	q     int16  // quality in thousandths, 0 to 1000, or Unreadable; 0 means "not acceptable"
	state uint8  // unparsed, named or unnamed
	tag   language.Tag
}

const (
	unparsed uint8 = iota
	named          // the entry names a language
	unnamed        // malformed, or no language (und, private use)
)

// Len returns the number of entries.
func (p *Prefs) Len() int { return p.n }

// Text returns entry i as given, without its parameters, blanks, the
// brackets and quotes of a printed list, and POSIX suffixes: what
// [Prefs.Tag] parses.
func (p *Prefs) Text(i int) string { return p.e[i].text }

// Excludes reports whether an entry has quality 0, "not acceptable".
func (p *Prefs) Excludes() bool { return p.n > 0 && p.e[p.n-1].q == 0 }

// Q returns the quality of entry i in thousandths, 0 to 1000, or
// [Unreadable]; 0 means "not acceptable". Entries come by quality, highest
// first, then those of Unreadable quality, then those of quality 0.
func (p *Prefs) Q(i int) int { return int(p.e[i].q) }

// Tag returns the tag of entry i, and false when the entry names no
// language: a malformed tag, und, or private use only.
func (p *Prefs) Tag(i int) (language.Tag, bool) {
	e := &p.e[i]
	if e.state == unparsed {
		e.state = unnamed
		if t, ok := parseTag(e.text); ok {
			e.tag, e.state = t, named
		}
	}
	return e.tag, e.state == named
}

// Base returns the language of entry i, the base of [Prefs.Tag], and
// false when the entry names no language. For a simple tag of a language
// clients send often (fr-CA, ja_JP, pt-BR) it reads the language alone,
// without the cost of composing the tag: a value's entries are mostly
// languages that no locale serves, whose tag is never needed.
func (p *Prefs) Base(i int) (language.Base, bool) {
	if e := &p.e[i]; e.state == unparsed {
		if b, ok := simpleBase(e.text); ok {
			return b, true
		}
	}
	t, ok := p.Tag(i)
	b, _, _ := t.Raw()
	return b, ok
}

// Parse reads a language value: its entries and their qualities. Entries
// that are no language range (empty, *) are skipped.
func Parse(s string) Prefs {
	var ps Prefs
	ps.Read(s)
	return ps
}

// Read is like [Parse], into p: a Prefs is large, and Read spares the
// copy of a returned one.
func (ps *Prefs) Read(s string) {
	ps.n = 0
	sep := separator(s)
	if len(s) > MaxInput {
		// An entry that the limit cuts is incomplete: drop it.
		end := s[MaxInput] == sep
		s = s[:MaxInput]
		if !end {
			if i := strings.LastIndexByte(s, sep); i >= 0 {
				s = s[:i]
			} else {
				s = ""
			}
		}
	}
	for read := 0; s != "" && read < MaxPrefs; read++ {
		var text string
		if i := strings.IndexByte(s, sep); i >= 0 {
			text, s = s[:i], s[i+1:]
		} else {
			text, s = s, ""
		}
		if e, ok := parseEntry(text); ok {
			ps.insert(e)
		}
	}
}

// separator returns the byte that separates the entries of s: the comma
// of a header, or the colon of a GNU LANGUAGE list (zh_TW:zh_CN:en), whose
// entries are locale names, with neither commas nor blanks between them.
func separator(s string) byte {
	s = trim(s[:min(len(s), MaxInput+1)])
	if strings.IndexByte(s, ':') >= 0 && !strings.ContainsAny(s, ", \t") {
		return ':'
	}
	return ','
}

// insert keeps the entries sorted by rank, stable for ties.
func (ps *Prefs) insert(e entry) {
	i := ps.n
	for i > 0 && rank(int(ps.e[i-1].q)) < rank(int(e.q)) {
		ps.e[i] = ps.e[i-1]
		i--
	}
	ps.e[i] = e
	ps.n++
}

// rank orders qualities: positive ones by value, then Unreadable, then 0.
func rank(q int) int {
	if q == Unreadable {
		return 1
	}
	return 2 * q
}

func parseEntry(text string) (entry, bool) {
	tag, params, _ := strings.Cut(text, ";")
	q, weighted := 1000, false
	for params != "" && !weighted {
		var param string
		param, params, _ = strings.Cut(params, ";")
		name, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(trim(name), "q") {
			continue // Accept-Language defines no other parameter
		}
		// The first weight counts, as in negotiator.
		q, weighted = parseQ(trim(value)), true
	}
	tag = trim(tag)
	// A printed list: Android's LocaleList.toString, [zh_TW_#Hant,en_US],
	// or navigator.languages in JSON, ["zh-TW","en"].
	tag = strings.TrimPrefix(tag, "[")
	tag = strings.TrimSuffix(tag, "]")
	if len(tag) >= 2 && tag[0] == '"' && tag[len(tag)-1] == '"' {
		tag = tag[1 : len(tag)-1]
	}
	// POSIX locale names: language[_territory][.codeset][@modifier].
	for i := range len(tag) {
		if tag[i] == '.' || tag[i] == '@' {
			tag = tag[:i]
			break
		}
	}
	if tag == "" || tag == "*" {
		return entry{}, false
	}
	return entry{text: tag, q: int16(q)}, true
}

// parseTag parses one tag: a platform spelling (spelling.go) as the tag
// it stands for, any other with x/text.
func parseTag(s string) (language.Tag, bool) {
	if t, ok := commonTag(s); ok {
		return t, true
	}
	if t, ok := parseSimple(s); ok {
		return t, true
	}
	if platformSpelling(s) {
		return parseLoose(s)
	}
	t, err := language.Parse(s)
	if err != nil && !isValueError(err) && strings.IndexByte(s, '_') >= 0 {
		// Underscores are no BCP 47: what they join is read by shape.
		return parseLoose(s)
	}
	return tagOf(t, err)
}

// parseSimple parses the tags that most values are made of, a language
// with a script, a region, both or neither (ja, fr-CA, sr-Latn-RS), from
// their parts: x/text composes a tag for a fraction of what its Parse
// costs. It returns false for any other tag, and for a part that x/text
// does not know, which Parse reads.
func parseSimple(s string) (language.Tag, bool) {
	var subs [3]string
	n := 0
	for {
		if n == len(subs) {
			return language.Tag{}, false
		}
		i := strings.IndexAny(s, "-_")
		if i < 0 {
			subs[n] = s
			n++
			break
		}
		subs[n], s = s[:i], s[i+1:]
		n++
	}
	if len(subs[0]) < 2 || len(subs[0]) > 3 || !isAlpha(subs[0]) {
		return language.Tag{}, false
	}
	base, err := language.ParseBase(subs[0])
	if err != nil {
		return language.Tag{}, false
	}
	var script language.Script
	var region language.Region
	for i, sub := range subs[1:n] {
		switch {
		case i == 0 && len(sub) == 4 && isAlpha(sub):
			script, err = language.ParseScript(sub)
		case len(sub) == 2 && isAlpha(sub) || len(sub) == 3 && isDigit(sub):
			if i == 1 && script == (language.Script{}) {
				return language.Tag{}, false // two regions
			}
			region, err = language.ParseRegion(sub)
		default:
			return language.Tag{}, false
		}
		if err != nil {
			return language.Tag{}, false
		}
	}
	t, err := language.Compose(base, script, region)
	if err != nil {
		return language.Tag{}, false
	}
	return tagOf(t, nil)
}

// parseStrict parses one tag with x/text.
func parseStrict(s string) (language.Tag, bool) {
	return tagOf(language.Parse(s))
}

// tagOf returns what x/text's Parse returned, and whether it names a
// language. A well-formed tag with an unknown subtag still names its
// language: x/text returns it without that subtag.
func tagOf(t language.Tag, err error) (language.Tag, bool) {
	if err != nil && !isValueError(err) {
		return language.Tag{}, false
	}
	if b, _, _ := t.Raw(); b == (language.Base{}) {
		return language.Tag{}, false
	}
	return t, true
}

func isValueError(err error) bool {
	_, ok := err.(language.ValueError)
	return ok
}

// common holds the tags of the shipped locales' languages that clients
// send most, parsed once, by their text in lower case with hyphens: a
// lookup costs a fraction of x/text's Parse, which allocates.
var common = func() map[string]language.Tag {
	m := make(map[string]language.Tag)
	for _, s := range []string{
		"zh", "zh-cn", "zh-tw", "zh-hk", "zh-mo", "zh-sg",
		"zh-hans", "zh-hant", "zh-hans-cn", "zh-hant-tw", "zh-hant-hk",
		"en", "en-us", "en-gb",
	} {
		m[s] = language.MustParse(s)
	}
	return m
}()

// commonLanguages are the two-letter languages that clients send most:
// only those that composing a tag leaves as they are (not iw, which
// becomes he), so that the base of a simple tag of one of them is its
// language without composing the tag (TestCommonLanguagesCompose).
const commonLanguages = `af am ar as az be bg bn bo bs ca cs cy da de el en es et eu fa fi
	fr ga gl gu ha he hi hr hu hy id ig is it ja jv ka kk km kn ko ky lo lt lv mk ml mn mr
	ms my nb ne nl nn no or pa pl ps pt ro ru si sk sl so sq sr sv sw ta te tg th tk tr uk ur uz
	vi xh yo zh zu`

// commonBases holds the languages of commonLanguages by their subtag in
// lower case ("fr" at ('f'-'a')*26+('r'-'a')). Made on first use.
var commonBases = sync.OnceValue(func() *[26 * 26]language.Base {
	var t [26 * 26]language.Base
	for _, s := range strings.Fields(commonLanguages) {
		t[int(s[0]-'a')*26+int(s[1]-'a')] = language.MustParseBase(s)
	}
	return &t
})

// simpleBase returns the language of s when s is a simple tag
// (language[-Script][-REGION], with - or _) of a language of commonBases:
// what the base of its tag, as parseTag parses it, is.
func simpleBase(s string) (language.Base, bool) {
	if len(s) < 2 || len(s) > 2 && s[2] != '-' && s[2] != '_' {
		return language.Base{}, false
	}
	a, b := s[0]|0x20, s[1]|0x20 // lower case, for ASCII letters
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' || len(s) > 2 && !simpleRest(s[3:]) {
		return language.Base{}, false
	}
	base := commonBases()[int(a-'a')*26+int(b-'a')]
	return base, base != language.Base{}
}

// simpleRest reports whether s, what follows a tag's language and its
// separator, is a script, a region, or a script and a region, separated
// by - or _.
func simpleRest(s string) bool {
	sub, rest, more := cutSimple(s)
	if len(sub) == 4 && isAlpha(sub) {
		if !more {
			return true
		}
		sub, rest, more = cutSimple(rest)
	}
	return !more && rest == "" && (len(sub) == 2 && isAlpha(sub) || len(sub) == 3 && isDigit(sub))
}

// cutSimple cuts s at its first - or _, reporting whether there was one.
func cutSimple(s string) (sub, rest string, found bool) {
	for i := range len(s) {
		if s[i] == '-' || s[i] == '_' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// maxCommon is the length of the longest text in common.
const maxCommon = len("zh-hant-tw")

// commonTag returns the tag of s when common holds it: x/text reads tags
// in any case, with - or _.
func commonTag(s string) (language.Tag, bool) {
	if len(s) > maxCommon {
		return language.Tag{}, false
	}
	var key [maxCommon]byte
	for i := range len(s) {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			key[i] = c + 'a' - 'A'
		case c == '_':
			key[i] = '-'
		default:
			key[i] = c
		}
	}
	t, ok := common[string(key[:len(s)])]
	return t, ok
}

// parseQ reads a weight. RFC 9110 allows 0 to 1 with at most three
// decimals; what is plainly a number from 0 to 1 written otherwise
// (0.5000, .5, 1e-1, "0.5") is read as that number, and a positive weight
// stays positive (0.0001 is no exclusion). Anything else is Unreadable.
func parseQ(v string) int {
	if q, ok := gramQ(v); ok {
		return q
	}
	return floatQ(v)
}

// floatQ is parseQ for any weight, through strconv.
func floatQ(v string) int {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	if len(v) > maxQ {
		return Unreadable
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f >= 0 && f <= 1) || strings.ContainsAny(v, "xX_") {
		return Unreadable // NaN and Inf too; hexadecimal and 1_0 are no plain numbers
	}
	q := int(math.Round(f * 1000))
	if q == 0 && f > 0 {
		q = 1
	}
	return q
}

// gramQ reads a weight written as RFC 9110's grammar has it, 0[.ddd] or
// 1[.000], without strconv: what nearly every client sends.
func gramQ(v string) (int, bool) {
	if v == "" || v[0] != '0' && v[0] != '1' || len(v) > 5 || len(v) > 1 && v[1] != '.' {
		return 0, false
	}
	q, scale := 0, 1000
	for i := 2; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		scale /= 10
		q += int(c-'0') * scale
	}
	if v[0] == '1' {
		if q != 0 {
			return 0, false
		}
		return 1000, true
	}
	return q, true
}

// maxQ bounds the length of a weight that is read.
const maxQ = 32

// trim cuts the blanks (spaces and tabs) around s.
func trim(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
