package accept

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// prefs renders the entries that name a language as "tag/q" items, for
// comparison and messages.
func prefs(p Prefs) []string {
	var out []string
	for i := range p.Len() {
		if tag, ok := p.Tag(i); ok {
			out = append(out, fmt.Sprintf("%s/%d", tag, p.Q(i)))
		}
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "tag/q", in order
	}{
		// q-values: RFC 9110, 0 to 1 with at most three decimals.
		{"no q is 1", "en", []string{"en/1000"}},
		{"q=1", "en;q=1", []string{"en/1000"}},
		{"q=1.000", "en;q=1.000", []string{"en/1000"}},
		{"q=1.", "en;q=1.", []string{"en/1000"}},
		{"q=0.5", "en;q=0.5", []string{"en/500"}},
		{"Q=0.5", "en;Q=0.5", []string{"en/500"}},
		{"q=0.123", "en;q=0.123", []string{"en/123"}},
		{"q=0.05", "en;q=0.05", []string{"en/50"}},
		{"q=0", "en;q=0", []string{"en/0"}},
		{"q=0.000", "en;q=0.000", []string{"en/0"}},
		{"spaces around q", "en ; q = 0.5", []string{"en/500"}},
		{"tab around q", "en\t;\tq=0.5", []string{"en/500"}},
		{"other parameter ignored", "en;level=1;q=0.5", []string{"en/500"}},
		{"first q wins", "en;q=0.2;q=0.7", []string{"en/200"}},
		{"first q wins over an unreadable one", "en;q=0.2;q=x", []string{"en/200"}},

		// Weights off the grammar: plainly a number from 0 to 1 is that
		// number; anything else is unreadable, never an exclusion.
		{"q=0.5000", "en;q=0.5000", []string{"en/500"}},
		{"q=.5", "en;q=.5", []string{"en/500"}},
		{"q=1e-1", "en;q=1e-1", []string{"en/100"}},
		{"q=1e0", "en;q=1e0", []string{"en/1000"}},
		{"quoted q", `en;q="0.5"`, []string{"en/500"}},
		{"q=+1", "en;q=+1", []string{"en/1000"}},
		{"q=0.1234 rounds", "en;q=0.1234", []string{"en/123"}},
		{"tiny q stays positive", "en;q=0.0001", []string{"en/1"}},
		{"q=NaN unreadable", "en;q=NaN", []string{"en/-1"}},
		{"q=Inf unreadable", "en;q=Inf", []string{"en/-1"}},
		{"q=1e999 unreadable", "en;q=1e999", []string{"en/-1"}},
		{"q=-1 unreadable", "en;q=-1", []string{"en/-1"}},
		{"q=1.5 unreadable", "en;q=1.5", []string{"en/-1"}},
		{"q=1.001 unreadable", "en;q=1.001", []string{"en/-1"}},
		{"q=2 unreadable", "en;q=2", []string{"en/-1"}},
		{"q=0x1 unreadable", "en;q=0x1", []string{"en/-1"}},
		{"hexadecimal float unreadable", "en;q=0x1p-1", []string{"en/-1"}},
		{"q=0,5 is two entries", "en;q=0,5", []string{"en/0"}},
		{"q= unreadable", "en;q=", []string{"en/-1"}},
		{"q alone unreadable", "en;q", []string{"en/-1"}},
		{"q with only spaces unreadable", "en;q=  ", []string{"en/-1"}},
		{"long q unreadable", "en;q=0." + strings.Repeat("5", 40), []string{"en/-1"}},
		{"q of maxQ bytes", "en;q=0." + strings.Repeat("5", maxQ-2), []string{"en/556"}},
		{"q of maxQ+1 bytes unreadable", "en;q=0." + strings.Repeat("5", maxQ-1), []string{"en/-1"}},
		{"quoted q of maxQ bytes", `en;q="0.` + strings.Repeat("5", maxQ-2) + `"`, []string{"en/556"}},
		{"empty quoted q unreadable", `en;q=""`, []string{"en/-1"}},
		{"unreadable after readable", "zh;q=NaN,en;q=0.3", []string{"en/300", "zh/-1"}},
		{"unreadable before exclusions", "fr;q=0,zh;q=,en;q=0.001", []string{"en/1", "zh/-1", "fr/0"}},
		{"a peer's header", "zh-CN;q=0.5000, en-US;q=0.4", []string{"zh-CN/500", "en-US/400"}},

		// POSIX locale names.
		{"POSIX codeset", "zh_CN.UTF-8", []string{"zh-CN/1000"}},
		{"POSIX lower-case codeset", "en_US.utf8", []string{"en-US/1000"}},
		{"POSIX GB18030", "zh_CN.GB18030", []string{"zh-CN/1000"}},
		{"POSIX Big5", "zh_TW.Big5", []string{"zh-TW/1000"}},
		{"POSIX modifier", "de_DE@euro", []string{"de-DE/1000"}},
		{"POSIX codeset and modifier", "en_GB.ISO-8859-15@euro", []string{"en-GB/1000"}},
		{"POSIX modifier latin", "sr_RS@latin", []string{"sr-RS/1000"}},
		{"POSIX C", "C", nil},
		{"POSIX C.UTF-8", "C.UTF-8", nil},
		{"POSIX POSIX", "POSIX", nil},
		{"POSIX name in a header", "en_US.UTF-8;q=0.5,zh_CN.UTF-8", []string{"zh-CN/1000", "en-US/500"}},

		// WeChat language values.
		{"WeChat zh_CN", "zh_CN", []string{"zh-CN/1000"}},
		{"WeChat zh_TW", "zh_TW", []string{"zh-TW/1000"}},
		{"WeChat zh_HK", "zh_HK", []string{"zh-HK/1000"}},
		{"WeChat en", "en", []string{"en/1000"}},
		{"WeChat zh", "zh", []string{"zh/1000"}},

		// Order: by q, stable for equal q.
		{"sorted by q", "en;q=0.5,zh-CN,ja;q=0.8", []string{"zh-CN/1000", "ja/800", "en/500"}},
		{"equal q keeps order", "fr;q=0.5,de,ja;q=0.5,en", []string{"de/1000", "en/1000", "fr/500", "ja/500"}},
		{"exclusions last", "en;q=0,zh,fr;q=0,ja;q=0.1", []string{"zh/1000", "ja/100", "en/0", "fr/0"}},
		{"same tag twice", "en,en;q=0.5,en", []string{"en/1000", "en/1000", "en/500"}},

		// Entries that are no language.
		{"empty", "", nil},
		{"wildcard", "*", nil},
		{"wildcard weighted", "*;q=0.5", nil},
		{"und", "und", nil},
		{"private use only", "x-private", nil},
		{"empty entries", ",, ,\t,en,,", []string{"en/1000"}},
		{"unknown region keeps the language", "en-XX", []string{"en-XX/1000"}},
		{"malformed tag", "en-", nil},
		{"NUL", "en\x00", nil},
		{"invalid UTF-8", "\xff\xfe,en", []string{"en/1000"}},
		{"CRLF injection", "en\r\nX-Evil: 1", nil},
		{"full-width", "ｅｎ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := prefs(Parse(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestParsePlatformSpellings reads the tags that platforms spell
// otherwise than BCP 47, and the lists they print.
func TestParsePlatformSpellings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Java and Android Locale.toString: language_REGION_VARIANT, then
		// _#Script or #, then the extensions.
		{"Java region and script", "zh_TW_#Hant", []string{"zh-Hant-TW/1000"}},
		{"Java Hong Kong", "zh_HK_#Hant", []string{"zh-Hant-HK/1000"}},
		{"Java Macau", "zh_MO_#Hant", []string{"zh-Hant-MO/1000"}},
		{"Java Simplified", "zh_CN_#Hans", []string{"zh-Hans-CN/1000"}},
		{"Java script without region", "zh__#Hant", []string{"zh-Hant/1000"}},
		{"Java script without region, one underscore", "zh_#Hans", []string{"zh-Hans/1000"}},
		{"Java Latin Serbian", "sr_BA_#Latn", []string{"sr-Latn-BA/1000"}},
		{"Java extension without script", "en_US_#u-nu-latn", []string{"en-US-u-nu-latn/1000"}},
		{"Java script and extension", "zh_TW_#Hant_u-nu-hanidec", []string{"zh-Hant-TW-u-nu-hanidec/1000"}},
		{"Java script and extension with a hyphen", "zh_TW_#Hant-u-nu-hanidec", []string{"zh-Hant-TW-u-nu-hanidec/1000"}},
		{"Java Japanese imperial calendar", "ja_JP_JP_#u-ca-japanese", []string{"ja-JP-u-ca-japanese/1000"}},
		{"Java Thai digits", "th_TH_TH_#u-nu-thai", []string{"th-TH-u-nu-thai/1000"}},
		{"Java variant and script", "ca_ES_VALENCIA_#Latn", []string{"ca-Latn-ES-valencia/1000"}},
		{"Java private use", "zh_HK_#x-java", []string{"zh-HK-x-java/1000"}},
		{"Java upper case", "ZH_TW_#HANT", []string{"zh-Hant-TW/1000"}},
		{"Java lower case", "zh_tw_#hant", []string{"zh-Hant-TW/1000"}},
		{"Java three-letter language", "yue_HK_#Hant", []string{"yue-Hant-HK/1000"}},
		{"Java with a weight", "zh_TW_#Hant;q=0.5,en", []string{"en/1000", "zh-Hant-TW/500"}},
		{"Java malformed extension dropped", "zh_TW_#Hant_u", []string{"zh-Hant-TW/1000"}},
		{"Java without language", "_TW_#Hant", nil},
		{"Java region only", "_TW", nil},

		// Java's legacy variants, which are no BCP 47 variants.
		{"Java variant JP", "ja_JP_JP", []string{"ja-JP/1000"}},
		{"Java variant NY", "no_NO_NY", []string{"no-NO/1000"}},
		{"Java POSIX variant without region", "de__POSIX", []string{"de/1000"}},
		{"Java long variant", "es_ES_Traditional_WIN", []string{"es-ES/1000"}},
		{"Java BCP 47 variant of five letters", "sl_IT_rozaj_#Latn", []string{"sl-Latn-IT-rozaj/1000"}},
		{"Java BCP 47 variant of four digits", "de_DE_1901_#Latn", []string{"de-Latn-DE-1901/1000"}},
		{"underscore after the language", "zh_", []string{"zh/1000"}},
		{"second region dropped", "zh_TW_TW", []string{"zh-TW/1000"}},
		{"underscores between tags", "zh_CN zh_TW", nil},

		// .NET's legacy Chinese cultures.
		{".NET Traditional", "zh-CHT", []string{"zh-Hant/1000"}},
		{".NET Simplified", "zh-CHS", []string{"zh-Hans/1000"}},
		{".NET lower case", "zh-cht", []string{"zh-Hant/1000"}},
		{".NET upper case", "ZH-CHT", []string{"zh-Hant/1000"}},
		{".NET underscore", "zh_CHT", []string{"zh-Hant/1000"}},
		{".NET in a header", "zh-CHT,en;q=0.5", []string{"zh-Hant/1000", "en/500"}},
		{"CHT after another language is a language", "en-cht", []string{"cht/1000"}},

		// Android resource qualifiers.
		{"Android region", "zh-rTW", []string{"zh-TW/1000"}},
		{"Android Hong Kong", "zh-rHK", []string{"zh-HK/1000"}},
		{"Android English", "en-rUS", []string{"en-US/1000"}},
		{"Android lower case", "zh-rtw", []string{"zh-TW/1000"}},
		{"Android upper case", "ZH-RTW", []string{"zh-TW/1000"}},
		{"Android underscore", "zh_rTW", []string{"zh-TW/1000"}},
		{"Android qualifier language has two letters", "sgn-rsl", []string{"rsl/1000"}},
		{"Android BCP 47 qualifier", "b+zh+Hant+TW", []string{"zh-Hant-TW/1000"}},
		{"Android BCP 47 qualifier, script only", "b+zh+Hans", []string{"zh-Hans/1000"}},
		{"Android BCP 47 qualifier, upper case", "B+ZH+HANT+HK", []string{"zh-Hant-HK/1000"}},
		{"Android BCP 47 qualifier, UN region", "b+es+419", []string{"es-419/1000"}},
		{"Android BCP 47 qualifier, no language", "b+", nil},

		// Long platform spellings keep their language.
		{"Java variants up to MaxInput", "ja" + strings.Repeat("_JP", (MaxInput-2)/3), []string{"ja-JP/1000"}},
		{"empty subtags up to MaxInput", "zh" + strings.Repeat("_", MaxInput-4) + "TW", []string{"zh-TW/1000"}},
		{"Java # flood", "zh_TW_" + strings.Repeat("#", 1000), []string{"zh-TW/1000"}},

		// GNU LANGUAGE lists: colons separate locale names in a value
		// without commas or blanks.
		{"GNU list", "zh_TW:zh_CN:en", []string{"zh-TW/1000", "zh-CN/1000", "en/1000"}},
		{"GNU list with codesets", "zh_TW.UTF-8:en_US.UTF-8", []string{"zh-TW/1000", "en-US/1000"}},
		{"GNU list with C", "C:zh_TW", []string{"zh-TW/1000"}},
		{"GNU list with modifiers", "sr_RS@latin:sr_RS:en", []string{"sr-RS/1000", "sr-RS/1000", "en/1000"}},
		{"GNU list of Java spellings", "zh_TW_#Hant:en", []string{"zh-Hant-TW/1000", "en/1000"}},
		{"GNU list, empty entries", ":zh_HK::en:", []string{"zh-HK/1000", "en/1000"}},
		{"GNU list, blanks around", " zh_TW:en\t", []string{"zh-TW/1000", "en/1000"}},
		{"colon in a header is no separator", "zh-TW:en,fr", []string{"fr/1000"}},
		{"colon after a header name is no separator", "Accept-Language: en", nil},

		// Printed lists.
		{"Android LocaleList", "[zh_TW_#Hant,en_US]", []string{"zh-Hant-TW/1000", "en-US/1000"}},
		{"JSON navigator.languages", `["zh-TW", "zh", "en"]`, []string{"zh-TW/1000", "zh/1000", "en/1000"}},
		{"empty list", "[]", nil},
		{"lone quote", `"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := prefs(Parse(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestParseLimits checks the bounds of the package documentation: only
// the first MaxInput bytes and the first MaxPrefs entries are read, and an
// entry that does not end within MaxInput bytes is dropped.
func TestParseLimits(t *testing.T) {
	pad := func(n int) string { return strings.Repeat(" ", n) } // trimmed from an entry
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"value of exactly MaxInput bytes", pad(MaxInput-2) + "en", []string{"en/1000"}},
		{"entry cut by MaxInput is dropped", "fr," + pad(MaxInput-5) + "en-US", []string{"fr/1000"}},
		{"entry cut in its q-value is dropped", "fr," + pad(MaxInput-8) + "en;q=0.5", []string{"fr/1000"}},
		{"single entry cut by MaxInput is dropped", pad(MaxInput-1) + "en", nil},
		{"entry after MaxInput is not read", "fr," + pad(MaxInput) + ",en", []string{"fr/1000"}},
		// The entry ends at byte MaxInput: the comma after it is the next
		// byte. It is within the first MaxInput bytes, as it is when the
		// value stops there (the first case), so it must be read.
		{"entry ending exactly at MaxInput is read", pad(MaxInput-2) + "en,fr", []string{"en/1000"}},
		// A comma among the bytes read makes a header, not a GNU list,
		// however near the limit it is.
		{"comma at the end of MaxInput makes a header", "zh_TW:" + strings.Repeat("x", MaxInput-7) + ",en", nil},
		{"colon list up to MaxInput", "zh_TW:" + strings.Repeat("x", MaxInput-7) + ":en", []string{"zh-TW/1000"}},
		{"MaxPrefs preferences", strings.Repeat("en,", MaxPrefs-1) + "fr", append(slices.Repeat([]string{"en/1000"}, MaxPrefs-1), "fr/1000")},
		{"entries past MaxPrefs are not read", strings.Repeat("en,", MaxPrefs) + "fr", slices.Repeat([]string{"en/1000"}, MaxPrefs)},
		{"higher q past MaxPrefs is not read", strings.Repeat("en;q=0.1,", MaxPrefs) + "fr", slices.Repeat([]string{"en/100"}, MaxPrefs)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := prefs(Parse(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%d bytes ending %q) = %v, want %v", len(tt.in), tt.in[max(0, len(tt.in)-12):], got, tt.want)
			}
		})
	}
}

// TestParseHugeInputs checks that huge values give a bounded result. It
// does not time them: the bound on the work is MaxInput, checked above.
func TestParseHugeInputs(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"100 KB header", strings.Repeat("zh-CN,zh;q=0.9,en;q=0.8,", 100<<10/24)},
		{"100 KB single tag", "en-" + strings.Repeat("a", 100<<10)},
		{"100 KB of garbage", strings.Repeat("\xff", 100<<10)},
		{"10,000 entries", strings.Repeat("en,", 10000)},
		{"10,000 weighted entries", strings.Repeat("fr;q=0.5,", 10000)},
		{"10,000 commas", strings.Repeat(",", 10000) + "en"},
		{"10,000 semicolons", "en" + strings.Repeat(";", 10000)},
		{"100 KB of #", strings.Repeat("#", 100<<10)},
		{"100 KB of # after a tag", "zh_TW_" + strings.Repeat("#", 100<<10)},
		{"# and underscores", strings.Repeat("zh_#", 100<<10/4)},
		{"a tag of MaxInput bytes of #", "zh_TW_" + strings.Repeat("#", MaxInput-6)},
		{"100 KB of colons", strings.Repeat(":", 100<<10) + "en"},
		{"10,000 GNU entries", strings.Repeat("zh_TW:", 10000)},
		{"GNU entries past MaxInput", strings.Repeat("zh_TW.UTF-8:", 1000)},
		{"10,000 empty subtags", "zh" + strings.Repeat("_", 10000) + "TW"},
		{"a tag of MaxInput bytes of empty subtags", "zh" + strings.Repeat("_", MaxInput-4) + "TW"},
		{"a tag of MaxInput bytes of variants", "de_" + strings.Repeat("POSIX_", (MaxInput-3)/6)},
		{"a tag of MaxInput bytes of regions", "ja" + strings.Repeat("_JP", (MaxInput-2)/3)},
		{"a tag of MaxInput bytes of extensions", "zh_TW_#" + strings.Repeat("u-nu-", (MaxInput-7)/5)},
		{"10,000 plus signs", "b+" + strings.Repeat("+", 10000) + "zh"},
		{"100 KB of brackets", strings.Repeat("[", 100<<10) + "en" + strings.Repeat("]", 100<<10)},
		{"10,000 .NET subtags", "zh" + strings.Repeat("-CHT", 10000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse(tt.in)
			if p.Len() > MaxPrefs {
				t.Errorf("%d preferences, want at most %d", p.Len(), MaxPrefs)
			}
			checkSorted(t, tt.in, p)
		})
	}
}

func checkSorted(t *testing.T, in string, p Prefs) {
	t.Helper()
	for i := range p.Len() {
		q := p.Q(i)
		if (q < 0 || q > 1000) && q != Unreadable {
			t.Fatalf("Parse(%q): preference %d has Q %d, want 0 to 1000 or Unreadable", in, i, q)
		}
		if i > 0 && rank(q) > rank(p.Q(i-1)) {
			t.Fatalf("Parse(%q): Q not sorted: %v", in, prefs(p))
		}
		if tag, ok := p.Tag(i); ok {
			if b, _, _ := tag.Raw(); b == (language.Base{}) {
				t.Fatalf("Parse(%q): preference %d is und: %v", in, i, prefs(p))
			}
		}
	}
}

// FuzzLanguage checks that Parse never panics, stays bounded, and reads
// every single well-formed tag as x/text does.
//
// The corpus holds a 100 KB header: run with -fuzzminimizetime 10x, or
// minimizing a large new input stops the fuzzing for up to a minute.
func FuzzLanguage(f *testing.F) {
	for _, s := range []string{
		"zh-CN,zh;q=0.9,en;q=0.8",
		"zh-TW,zh-Hant;q=0.9",
		"en-US,en;q=0.5",
		"zh_CN",
		"zh_CN.UTF-8",
		"en_GB.ISO-8859-15@euro",
		"en;q=NaN,zh;q=1e999,fr;q=-1",
		"zh-CN;q=0.5000, en-US;q=0.4",
		"en;q=.5,zh;q=1e-1,fr;q=,de;q=\"0.5\",ja;q=2",
		"en-US;q=0.8;q=0.9",
		"\xff\x00,en",
		"",
		"zh_TW_#Hant",
		"zh__#Hant",
		"ja_JP_JP_#u-ca-japanese",
		"zh_TW_#Hant_u-nu-hanidec",
		"de__POSIX",
		"zh-CHT",
		"zh-rTW",
		"b+zh+Hant+TW",
		"zh_TW:zh_CN:en",
		"zh_TW.UTF-8:en_US.UTF-8",
		"[zh_TW_#Hant,en_US]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Parse(s)
		if p.Len() > MaxPrefs {
			t.Fatalf("Parse(%q): %d preferences, want at most %d", s, p.Len(), MaxPrefs)
		}
		checkSorted(t, s, p)
		checkBases(t, s, p)

		// A value that is one well-formed tag, with nothing that Parse
		// cuts or trims, must read as x/text reads it, but for the
		// legacy subtags that x/text reads as a language: zh-CHT, zh-rTW.
		// A tag is letters, digits, - and _: x/text returns a tag for
		// some values with other bytes after an extension
		// ("sH-T-ANA-TH-HT-ANT-T\x05o#"), which are no tag.
		if len(s) > MaxInput || strings.ContainsAny(s, ",;.@") || s != strings.Trim(s, " \t") || legacySpelling(s) || !tagBytes(s) {
			return
		}
		tag, err := language.Parse(s)
		if err != nil {
			return
		}
		base, script, region := tag.Raw()
		if variants, exts := tag.Variants(), tag.Extensions(); base != (language.Base{}) && len(variants) == 0 && len(exts) == 0 {
			// Its Java toString spelling must read as the tag.
			java := base.String() + "_" + region.String()
			if region == (language.Region{}) {
				java = base.String() + "_"
			}
			if script != (language.Script{}) {
				java += "_#" + script.String()
			}
			jp := Parse(java)
			if got, ok := jp.Tag(0); !ok || got != tag && fmt.Sprint(got) != fmt.Sprint(tag) {
				t.Fatalf("Parse(%q) = %v, want %v as Parse(%q)", java, prefs(jp), tag, s)
			}
		}
		named := prefs(p)
		if base == (language.Base{}) {
			if len(named) != 0 {
				t.Fatalf("Parse(%q) = %v, want nothing for the tag %v", s, named, tag)
			}
			return
		}
		if p.Len() != 1 || len(named) != 1 {
			t.Fatalf("Parse(%q) = %v, want one preference, %v", s, named, tag)
		}
		got, _ := p.Tag(0)
		gb, gs, gr := got.Raw()
		if gb != base || gs != script || gr != region || p.Q(0) != 1000 {
			t.Fatalf("Parse(%q) = %v/%d, want %v/1000", s, got, p.Q(0), tag)
		}
	})
}

// legacySpelling reports whether the second subtag of s is .NET's CHT or
// CHS after zh, or an Android region (r and two letters) after a language
// of two letters.
func legacySpelling(s string) bool {
	subs := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })
	if len(subs) < 2 || s[0] == '-' || s[0] == '_' {
		return false
	}
	lang, sub := strings.ToLower(subs[0]), strings.ToLower(subs[1])
	return lang == "zh" && (sub == "cht" || sub == "chs") ||
		len(lang) == 2 && len(sub) == 3 && sub[0] == 'r' && strings.Trim(sub, "abcdefghijklmnopqrstuvwxyz") == "" && strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") == ""
}

// TestGramQ reads every weight of RFC 9110's grammar, and strings near
// it, without strconv and with it: the two agree wherever the first
// reads a weight, and it reads every weight of the grammar.
func TestGramQ(t *testing.T) {
	var vs []string
	for _, d := range []string{"0", "1", "2", "", "."} {
		vs = append(vs, d, d+".")
		for i := range 1000 {
			s := fmt.Sprintf("%03d", i)
			vs = append(vs, d+"."+s[:1], d+"."+s[:2], d+"."+s, d+"."+s+"0", d+".x"+s[:2])
		}
	}
	read := 0
	for _, v := range vs {
		q, ok := gramQ(v)
		if !ok {
			if (v == "0" || v == "1" || strings.HasPrefix(v, "0.") && len(v) <= 5 && !strings.Contains(v, "x")) || v == "1." || v == "1.0" || v == "1.00" || v == "1.000" {
				t.Errorf("gramQ(%q) does not read a weight of the grammar", v)
			}
			continue
		}
		read++
		if want := floatQ(v); q != want {
			t.Errorf("gramQ(%q) = %d, strconv reads %d", v, q, want)
		}
	}
	if read < 1000 {
		t.Errorf("gramQ read %d weights", read)
	}
}

// TestCommonTag checks the table of common tags against x/text, in the
// spellings clients send: any case, - or _.
func TestCommonTag(t *testing.T) {
	for key := range common {
		for _, s := range []string{key, strings.ToUpper(key), strings.ReplaceAll(key, "-", "_"), spellTitle(key)} {
			got, ok := commonTag(s)
			want, err := language.Parse(s)
			if !ok || err != nil || got != want {
				t.Errorf("commonTag(%q) = %v, %v; x/text: %v, %v", s, got, ok, want, err)
			}
		}
	}
	for _, s := range []string{"", "zh-", "zh-CN-", "zh-Hant-TWx", "zh-hant-tw-u-nu-hanidec", "ja", "zh\x00"} {
		if got, ok := commonTag(s); ok {
			t.Errorf("commonTag(%q) = %v, want none", s, got)
		}
	}
}

// spellTitle spells a tag as BCP 47 recommends: zh-Hant-TW.
func spellTitle(s string) string {
	subs := strings.Split(s, "-")
	for i, sub := range subs[1:] {
		switch len(sub) {
		case 2:
			subs[i+1] = strings.ToUpper(sub)
		case 4:
			subs[i+1] = strings.ToUpper(sub[:1]) + sub[1:]
		}
	}
	return strings.Join(subs, "-")
}

// TestExcludes checks what a caller reads to know whether a value rules
// out a language (q=0) and the text of each entry, as given.
func TestExcludes(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		excludes bool
		texts    []string
	}{
		{"empty", "", false, nil},
		{"one tag", "en", false, []string{"en"}},
		{"weighted", "en;q=0.5,zh", false, []string{"zh", "en"}},
		{"tiny weight", "en;q=0.001", false, []string{"en"}},
		{"unreadable weight", "en;q=NaN", false, []string{"en"}},
		{"only an exclusion", "en;q=0", true, []string{"en"}},
		{"exclusion last", "zh,en;q=0", true, []string{"zh", "en"}},
		{"exclusion first", "fr;q=0,zh-CN;q=0.5", true, []string{"zh-CN", "fr"}},
		{"POSIX name with a weight", "zh_CN.UTF-8;q=0.5, en_US@euro", false, []string{"en_US", "zh_CN"}},
		{"empty quoted entry", `"",en`, false, []string{"en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse(tt.in)
			if got := p.Excludes(); got != tt.excludes {
				t.Errorf("Parse(%q).Excludes() = %v, want %v", tt.in, got, tt.excludes)
			}
			var texts []string
			for i := range p.Len() {
				texts = append(texts, p.Text(i))
			}
			if !slices.Equal(texts, tt.texts) {
				t.Errorf("Parse(%q) texts %q, want %q", tt.in, texts, tt.texts)
			}
		})
	}
}

// TestParseSimple checks the tags that parseSimple composes against
// x/text's Parse: every language of two letters and the languages of
// three that clients send, alone and with scripts and regions, known,
// unknown, deprecated and private.
func TestParseSimple(t *testing.T) {
	var langs []string
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			langs = append(langs, string([]rune{a, b}))
		}
	}
	langs = append(langs, "und", "cmn", "yue", "nan", "hak", "wuu", "fil", "haw", "qaa", "xxx", "zzz", "mis", "mul", "zxx")
	regions := []string{"", "CN", "TW", "HK", "MO", "SG", "MY", "US", "GB", "419", "001", "150", "BU", "DD", "FX", "UK", "XK", "ZZ", "QO", "AA", "XX", "999", "830"}
	scripts := []string{"", "Hans", "Hant", "Latn", "Cyrl", "Hani", "Zzzz", "Zyyy", "Qaaa", "Qabx", "Jpan", "Xxxx"}
	simple := 0
	check := func(s string) {
		got, ok := parseSimple(s)
		if !ok {
			return
		}
		simple++
		want, err := language.Parse(s)
		if err != nil || got != want {
			t.Errorf("parseSimple(%q) = %v; x/text: %v, %v", s, got, want, err)
		}
	}
	for _, l := range langs {
		for _, sc := range scripts {
			for _, r := range regions {
				s := l
				if sc != "" {
					s += "-" + sc
				}
				if r != "" {
					s += "_" + r
				}
				check(s)
				check(strings.ToUpper(s))
			}
		}
	}
	for _, r := range regions {
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				check("zh-" + string([]rune{a, b}))
				check("en_" + string([]rune{a, b}) + r)
			}
		}
	}
	for _, s := range []string{"", "z", "zh-", "-zh", "zh--TW", "zh-TW-", "zh-TW-TW", "zh-TW-Hant", "zh-Hant-Hant", "zh-yue", "zhzh", "zh-Hant-TW-x", "zh-abcde", "zh-1234", "zh-12"} {
		if got, ok := parseSimple(s); ok {
			t.Errorf("parseSimple(%q) = %v, want it left to x/text", s, got)
		}
	}
	if simple < 100000 {
		t.Errorf("parseSimple composed %d tags", simple)
	}
}

// checkBases checks that Base reads each entry's language as its tag has
// it, whether or not it composes the tag.
func checkBases(t *testing.T, s string, p Prefs) {
	t.Helper()
	for i := range p.Len() {
		fresh := p // the tags not parsed yet, as Base finds them
		b, ok := fresh.Base(i)
		tag, named := p.Tag(i)
		if tb, _, _ := tag.Raw(); ok != named || ok && b != tb {
			t.Fatalf("Parse(%q): entry %d: Base %v, %v; the tag's %v, %v", s, i, b, ok, tb, named)
		}
	}
}

// TestBaseAgrees checks Base against the tag's base on tags of every
// common language with scripts and regions, in the spellings of the
// simple tags, and on malformed ones.
func TestBaseAgrees(t *testing.T) {
	var values []string
	for _, l := range []string{"en", "zh", "fr", "pt", "sr", "iw", "in", "no", "sh", "mo", "tl", "EN", "Zh", "xx", "qaa"} {
		for _, rest := range []string{"", "-US", "_TW", "-Hant", "-Latn-RS", "_Hans_CN", "-419", "-", "-CN-", "-Hant-", "-US-GB", "-Hant-Latn", "-QQ", "-Zzzz", "-rTW", "-CHT", "_#Hant", "-x-y"} {
			values = append(values, l+rest)
		}
	}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			values = append(values, string([]rune{a, b}), string([]rune{a, b})+"-US")
		}
	}
	for _, s := range values {
		checkBases(t, s, Parse(s))
	}
}

// TestBaseReadsSimpleTagsAlone checks what Base promises for a simple tag
// of a language clients send often: the language, read without parsing
// the tag, which most callers never need. Other values are parsed, and
// read as their tag has them.
func TestBaseReadsSimpleTagsAlone(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string // the base; "" for no language
		alone bool   // read without parsing the tag
	}{
		{"language alone", "en", "en", true},
		{"language and region", "fr-CA", "fr", true},
		{"underscore", "ja_JP", "ja", true},
		{"upper case", "PT-BR", "pt", true},
		{"language and script", "zh-Hant", "zh", true},
		{"script and region", "sr_Latn_RS", "sr", true},
		{"UN region", "es-419", "es", true},
		{"first letter a", "ar-EG", "ar", true},
		{"first letter z", "zu-ZA", "zu", true},
		{"second letter a", "ka-GE", "ka", true},
		{"second letter z", "uz-Latn-UZ", "uz", true},
		{"a language composing changes", "iw-IL", "he", false},
		{"three letters", "yue-HK", "yue", false},
		{"a variant", "de-DE-1901", "de", false},
		{"no separator after the language", "en!US", "", false},
		{"two regions", "en-US-GB", "", false},
		{"a trailing separator", "fr-CA-", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse(tt.in)
			b, ok := p.Base(0)
			got := ""
			if ok {
				got = b.String()
			}
			if got != tt.want {
				t.Errorf("Base of %q = %q, %v; want %q", tt.in, b, ok, tt.want)
			}
			if alone := p.e[0].state == unparsed; alone != tt.alone {
				t.Errorf("Base of %q read the language alone: %v, want %v", tt.in, alone, tt.alone)
			}
		})
	}
}

// TestCommonLanguagesCompose checks what simpleBase takes for granted of
// commonLanguages: composing a tag leaves each language as it is, so that
// the table's language is the base of the tag parseTag would give.
func TestCommonLanguagesCompose(t *testing.T) {
	for _, s := range strings.Fields(commonLanguages) {
		b := language.MustParseBase(s)
		c, err := language.Compose(b)
		if cb, _, _ := c.Raw(); err != nil || cb != b {
			t.Errorf("%s composes to %v (%v): remove it from commonLanguages", s, c, err)
		}
		if got := commonBases()[int(s[0]-'a')*26+int(s[1]-'a')]; got != b {
			t.Errorf("commonBases holds %v for %s", got, s)
		}
	}
}

// tagBytes reports whether s has only the bytes of a tag: ASCII letters,
// digits, - and _.
func tagBytes(s string) bool {
	for i := range len(s) {
		c := s[i] | 0x20
		if !('a' <= c && c <= 'z' || '0' <= s[i] && s[i] <= '9' || s[i] == '-' || s[i] == '_') {
			return false
		}
	}
	return true
}
