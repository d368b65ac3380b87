package load

import "golang.org/x/text/language"

// What the fallback rules and lint know of Chinese: which languages are
// read in written Chinese, and in which script.

// ZhBase is the language Chinese, zh.
var ZhBase = language.MustParseBase("zh")

var (
	// Hans and Hant are the Simplified and Traditional scripts.
	Hans = language.MustParseScript("Hans")
	Hant = language.MustParseScript("Hant")
)

// WrittenScript returns the script that a reader of tag reads: its own,
// explicit or likely, except that a Chinese language with a region and no
// script reads the script Chinese is written in there: CLDR's likely
// script of zh in that region, unless writtenChinese corrects it. Min Nan
// and Hakka in Taiwan (nan-TW, hak-TW) read Traditional as zh-TW does,
// though CLDR writes both languages in Simplified; Cantonese in Guangdong
// (yue-CN) reads Simplified.
func WrittenScript(tag language.Tag) language.Script {
	if base, script, region := tag.Raw(); IsChinese(base) && script == (language.Script{}) && region != (language.Region{}) {
		if s, ok := writtenChinese[region]; ok {
			return s
		}
		if base != ZhBase {
			tag, _ = language.Compose(ZhBase, region)
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
	language.MustParseRegion("MY"): Hans,
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

// IsChinese reports whether b is Chinese or a language whose readers read
// written Chinese.
func IsChinese(b language.Base) bool {
	for _, c := range chineseBases {
		if b == c {
			return true
		}
	}
	return false
}

// BaseOf returns the language of tag, as written: und when it has none.
func BaseOf(tag language.Tag) language.Base {
	b, _, _ := tag.Raw()
	return b
}
