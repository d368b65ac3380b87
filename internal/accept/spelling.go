package accept

import (
	"strings"

	"golang.org/x/text/language"
)

// Platform spellings: tags that platforms write otherwise than BCP 47,
// read as the tags they stand for.
//
//	zh_TW_#Hant  zh__#Hant  en_US_#u-nu-latn   Java and Android Locale.toString
//	ja_JP_JP_#u-ca-japanese  de__POSIX  no_NO_NY   with Java's legacy variants
//	zh-CHT  zh-CHS                          .NET's legacy Chinese cultures
//	zh-rTW  b+zh+Hant+TW                    Android resource qualifiers
//
// Java's toString is language + "_" + region + "_" + (variant + "_#" | "#")
// + script + "_" + extensions, each part present or not: the parts are
// read by their shape, as BCP 47 tells them apart, and not by position.

// platformSpelling reports whether s is spelled in a way that x/text
// cannot read (# and + separators) or misreads: zh-CHT and zh-rTW are
// well-formed BCP 47, with a second language "cht" or "rtw" in place of
// Traditional or Taiwan.
func platformSpelling(s string) bool {
	if strings.ContainsAny(s, "#+") {
		return true
	}
	lang, rest := cutSubtag(s)
	sub, _ := cutSubtag(rest)
	script, region := legacySubtag(lang, sub)
	return script != "" || region != ""
}

// legacySubtag returns what the subtag after a language means in a
// platform's legacy spelling: a script for .NET's zh-CHT and zh-CHS, a
// region for an Android resource qualifier, whose language always has two
// letters and whose region is "r" and two letters (zh-rTW, pt-rBR).
func legacySubtag(lang, sub string) (script, region string) {
	switch {
	case strings.EqualFold(lang, "zh") && strings.EqualFold(sub, "cht"):
		return "Hant", ""
	case strings.EqualFold(lang, "zh") && strings.EqualFold(sub, "chs"):
		return "Hans", ""
	case len(lang) == 2 && isAlpha(lang) && len(sub) == 3 && (sub[0] == 'r' || sub[0] == 'R') && isAlpha(sub[1:]):
		return "", sub[1:]
	}
	return "", ""
}

// parseLoose reads a platform spelling, or a tag with underscores that
// x/text does not read: the language first, then, in any order and with
// empty subtags skipped, a script, a region and variants, then the
// extensions from the first singleton on. A subtag of letters and digits
// that fits none of these is dropped, as is a second script or region
// (Java's legacy variants: ja_JP_JP is ja-JP); any other byte makes the
// whole no tag. Extensions and variants that x/text rejects are dropped
// too: they do not change the language.
func parseLoose(s string) (language.Tag, bool) {
	if len(s) > 2 && (s[0] == 'b' || s[0] == 'B') && s[1] == '+' {
		s = s[2:] // Android's BCP 47 qualifier: b+zh+Hant+TW
	}
	lang, s := cutSubtag(s)
	if len(lang) < 2 || len(lang) > 3 || !isAlpha(lang) {
		return language.Tag{}, false
	}
	var extlang, script, region string
	var tail strings.Builder // variants, then extensions
	first, ext := true, false
	for s != "" {
		var sub string
		sub, s = cutSubtag(s)
		if sub == "" {
			continue
		}
		if !isAlnum(sub) {
			return language.Tag{}, false // no tag: zh_CN zh_TW
		}
		if first {
			if ls, lr := legacySubtag(lang, sub); ls != "" || lr != "" {
				script, region, first = ls, lr, false
				continue
			}
		}
		switch {
		case ext:
			tail.WriteString("-" + sub)
		case first && len(sub) == 3 && isAlpha(sub):
			extlang = sub
		case len(sub) == 4 && isAlpha(sub):
			if script == "" {
				script = sub
			}
		case len(sub) == 2 && isAlpha(sub) || len(sub) == 3 && isDigit(sub):
			if region == "" {
				region = sub
			}
		case isVariant(sub):
			tail.WriteString("-" + sub)
		case len(sub) == 1:
			tail.WriteString("-" + sub)
			ext = true
		}
		first = false
	}
	core := lang
	for _, sub := range [...]string{extlang, script, region} {
		if sub != "" {
			core += "-" + sub
		}
	}
	if tail.Len() > 0 {
		if t, ok := parseStrict(core + tail.String()); ok {
			return t, true
		}
	}
	return parseStrict(core)
}

// cutSubtag cuts s at its first separator: - and _, and # and + of the
// platform spellings.
func cutSubtag(s string) (sub, rest string) {
	for i := range len(s) {
		switch s[i] {
		case '-', '_', '#', '+':
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// isVariant reports whether s has the shape of a BCP 47 variant.
func isVariant(s string) bool {
	return (len(s) >= 5 && len(s) <= 8 || len(s) == 4 && isDigit(s[:1])) && isAlnum(s)
}

func isAlpha(s string) bool {
	for i := range len(s) {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigit(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlnum(s string) bool {
	for i := range len(s) {
		if !isAlpha(s[i:i+1]) && !isDigit(s[i:i+1]) {
			return false
		}
	}
	return true
}
