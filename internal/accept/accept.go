// Package accept reads the language values that clients send: a BCP 47
// tag in any case, a tag with underscores (zh_CN), a POSIX locale name
// (zh_CN.UTF-8), a WeChat language value (zh_CN, zh_TW, zh_HK, en), or a
// whole Accept-Language header with q-values.
//
// Each entry is parsed by golang.org/x/text/language; this package adds
// what x/text's ParseAcceptLanguage lacks: one malformed entry is skipped
// instead of failing the header, POSIX suffixes are cut, and the work done
// is bounded whatever the input's length.
package accept

import (
	"strings"

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

// Pref is one language preference.
type Pref struct {
	Tag language.Tag
	// Q is the quality in thousandths, 0 to 1000; 0 means "not acceptable".
	Q int
}

// Prefs is the result of Parse: the preferences, highest quality first,
// in the order they were given where qualities tie.
type Prefs struct {
	n int
	p [MaxPrefs]Pref
}

// Len returns the number of preferences.
func (p *Prefs) Len() int { return p.n }

// At returns preference i.
func (p *Prefs) At(i int) Pref { return p.p[i] }

// Parse reads a language value. Entries that are not languages (empty, *,
// malformed tags, malformed q-values) are skipped.
func Parse(s string) Prefs {
	var ps Prefs
	if len(s) > MaxInput {
		// An entry that the limit cuts is incomplete: drop it.
		end := s[MaxInput] == ','
		s = s[:MaxInput]
		if !end {
			if i := strings.LastIndexByte(s, ','); i >= 0 {
				s = s[:i]
			} else {
				s = ""
			}
		}
	}
	for read := 0; s != "" && read < MaxPrefs; read++ {
		var entry string
		if i := strings.IndexByte(s, ','); i >= 0 {
			entry, s = s[:i], s[i+1:]
		} else {
			entry, s = s, ""
		}
		if p, ok := parseEntry(entry); ok {
			ps.insert(p)
		}
	}
	return ps
}

// insert keeps the preferences sorted by quality, stable for ties.
func (ps *Prefs) insert(p Pref) {
	i := ps.n
	for i > 0 && ps.p[i-1].Q < p.Q {
		ps.p[i] = ps.p[i-1]
		i--
	}
	ps.p[i] = p
	ps.n++
}

func parseEntry(entry string) (Pref, bool) {
	tag, params, _ := strings.Cut(entry, ";")
	q := 1000
	for params != "" {
		var param string
		param, params, _ = strings.Cut(params, ";")
		name, value, ok := strings.Cut(param, "=")
		if !ok {
			return Pref{}, false
		}
		if !strings.EqualFold(trim(name), "q") {
			continue // Accept-Language defines no other parameter
		}
		if q, ok = parseQ(trim(value)); !ok {
			return Pref{}, false
		}
	}
	tag = trim(tag)
	// POSIX locale names: language[_territory][.codeset][@modifier].
	if i := strings.IndexAny(tag, ".@"); i >= 0 {
		tag = tag[:i]
	}
	if tag == "" || tag == "*" {
		return Pref{}, false
	}
	t, err := language.Parse(tag)
	if err != nil {
		// A well-formed tag with an unknown subtag still names its
		// language: x/text returns it without that subtag.
		if _, ok := err.(language.ValueError); !ok {
			return Pref{}, false
		}
	}
	if b, _, _ := t.Raw(); b == (language.Base{}) {
		return Pref{}, false
	}
	return Pref{Tag: t, Q: q}, true
}

// parseQ reads a qvalue as RFC 9110 defines it: 0 to 1 with at most three
// decimals.
func parseQ(v string) (int, bool) {
	if v == "" || len(v) > 5 || (v[0] != '0' && v[0] != '1') {
		return 0, false
	}
	q := int(v[0]-'0') * 1000
	if len(v) > 1 {
		if v[1] != '.' {
			return 0, false
		}
		scale := 100
		for _, c := range v[2:] {
			if c < '0' || c > '9' {
				return 0, false
			}
			q += int(c-'0') * scale
			scale /= 10
		}
	}
	if q > 1000 {
		return 0, false
	}
	return q, true
}

func trim(s string) string { return strings.Trim(s, " \t") }
