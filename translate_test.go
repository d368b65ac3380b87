package huiyan

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/huiyan-i18n/huiyan/internal/accept"
	"github.com/huiyan-i18n/huiyan/internal/valuecache"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestLanguageRules checks the fallback rules of doc.go on the shipped
// locales (zh-CN, en-US, zh-TW, zh-HK) with the values real clients send.
func TestLanguageRules(t *testing.T) {
	b := Default()
	tests := []struct {
		name, lang, want string
	}{
		// Rule 1: every form of language value.
		{"tag", "en-US", "en-US"},
		{"tag lower case", "en-us", "en-US"},
		{"tag upper case", "EN-US", "en-US"},
		{"bare language", "en", "en-US"},
		{"canonical Chinese", "zh-CN", "zh-CN"},
		{"WeChat zh_CN", "zh_CN", "zh-CN"},
		{"WeChat zh_TW", "zh_TW", "zh-TW"},
		{"WeChat zh_HK", "zh_HK", "zh-HK"},
		{"WeChat en", "en", "en-US"},
		{"WeChat zh", "zh", "zh-CN"},
		{"underscore English", "en_US", "en-US"},
		{"POSIX UTF-8", "zh_CN.UTF-8", "zh-CN"},
		{"POSIX English", "en_US.UTF-8", "en-US"},
		{"POSIX modifier", "en_GB.ISO-8859-15@euro", "en-US"},
		{"POSIX C locale", "C.UTF-8", "zh-CN"},
		{"script subtag", "zh-Hans-CN", "zh-CN"},
		{"mixed case script", "ZH-hant-tw", "zh-TW"},
		{"white space", "  en-US  ", "en-US"},

		// Browser headers.
		{"Chrome Simplified Chinese", "zh-CN,zh;q=0.9", "zh-CN"},
		{"Chrome Chinese then English", "zh-CN,zh;q=0.9,en;q=0.8,en-GB;q=0.7,en-US;q=0.6", "zh-CN"},
		{"Chrome English", "en-US,en;q=0.9", "en-US"},
		{"Chrome English then Chinese", "en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7", "en-US"},
		{"iOS Safari Simplified", "zh-CN,zh-Hans;q=0.9", "zh-CN"},
		{"iOS Safari Traditional Taiwan", "zh-TW,zh-Hant;q=0.9", "zh-TW"},
		{"iOS Safari Traditional Hong Kong", "zh-HK,zh-Hant;q=0.9,en;q=0.8", "zh-HK"},
		{"iOS Safari script only", "zh-Hant-HK,en-HK;q=0.9", "zh-HK"},
		{"Firefox English", "en-US,en;q=0.5", "en-US"},
		{"Firefox Chinese", "zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2", "zh-CN"},
		{"Firefox Japanese", "ja,en-US;q=0.7,en;q=0.3", "en-US"},
		{"spaces around separators", "fr-CH , fr;q=0.9 , zh ; q=0.8", "zh-CN"},

		// Rule 2: order of preference, and Chinese before any later English.
		{"q-values reorder", "en;q=0.5,zh-CN;q=0.9", "zh-CN"},
		{"equal q keeps order", "en;q=0.8,zh;q=0.8", "en-US"},
		{"first servable wins", "de-DE,zh;q=0.5,en;q=0.4", "zh-CN"},
		{"Traditional before English", "zh-Hant,en", "zh-TW"},
		{"Mandarin", "cmn-Hans-CN", "zh-CN"},
		{"Cantonese", "yue-HK,en;q=0.5", "zh-HK"},
		{"grandfathered zh-yue", "zh-yue", "zh-HK"},
		{"Singapore Chinese", "zh-SG", "zh-CN"},
		{"English of another region", "en-AU", "en-US"},
		{"unknown region", "en-XX", "en-US"},
		{"private use after Chinese", "zh-CN-x-wechat", "zh-CN"},

		// Traditional Chinese: by script, then region, then CLDR parent.
		{"Taiwan", "zh-TW", "zh-TW"},
		{"Hong Kong", "zh-HK", "zh-HK"},
		{"Macau reads Hong Kong", "zh-MO", "zh-HK"},
		{"WeChat Macau", "zh_MO", "zh-HK"},
		{"Traditional alone", "zh-Hant", "zh-TW"},
		{"Traditional Taiwan", "zh-Hant-TW", "zh-TW"},
		{"Traditional Hong Kong", "zh-Hant-HK", "zh-HK"},
		{"Traditional Macau", "zh-Hant-MO", "zh-HK"},
		{"Traditional in another region", "zh-Hant-US", "zh-TW"},
		{"Traditional in Singapore", "zh-Hant-SG", "zh-TW"},
		{"Cantonese alone", "yue", "zh-HK"},
		{"Cantonese Hong Kong", "yue-HK", "zh-HK"},
		{"Cantonese Traditional", "yue-Hant", "zh-HK"},
		{"Cantonese Simplified", "yue-Hans-CN", "zh-CN"},
		{"WeChat zh_TW in a header", "zh_TW,zh;q=0.9,en;q=0.8", "zh-TW"},
		{"WeChat zh_HK in a header", "en;q=0.5,zh_HK", "zh-HK"},
		{"Traditional after English", "en-US,zh-TW;q=0.9", "en-US"},
		{"Traditional after an unserved language", "ja,zh-HK;q=0.8,en;q=0.5", "zh-HK"},
		{"Simplified", "zh-Hans", "zh-CN"},
		{"Simplified Taiwan stays Simplified", "zh-Hans-TW", "zh-CN"},
		{"Singapore", "zh-SG", "zh-CN"},
		{"Mandarin Simplified", "cmn-Hans", "zh-CN"},
		{"Mandarin Taiwan", "cmn-TW", "zh-TW"},
		{"bare Chinese", "zh", "zh-CN"},
		{"Taiwan excluded", "zh-TW;q=0,zh-Hant", "zh-HK"},
		{"Traditional excluded", "zh-Hant;q=0,zh-TW", "zh-CN"},

		// q=0 excludes.
		{"q=0 excludes English", "en;q=0,ja", "zh-CN"},
		{"q=0 excludes Chinese", "zh;q=0", "en-US"},
		{"q=0 on region only", "zh-CN;q=0,en", "en-US"},
		{"q=0 on other region keeps locale", "en-GB;q=0,en", "en-US"},
		{"everything excluded", "zh;q=0,en;q=0", "zh-CN"},
		{"q=0.000 is zero", "en;q=0.000,fr", "zh-CN"},

		// Rule 3: a real language no locale serves gets English; none gets zh-CN.
		{"Japanese", "ja", "en-US"},
		{"French region", "fr-FR", "en-US"},
		{"Japanese header", "ja-JP,ja;q=0.9", "en-US"},
		{"Korean POSIX", "ko_KR.UTF-8", "en-US"},
		{"empty", "", "zh-CN"},
		{"wildcard", "*", "zh-CN"},
		{"wildcard weighted", "*;q=0.5", "zh-CN"},
		{"garbage", "!!!", "zh-CN"},
		{"undetermined", "und", "zh-CN"},
		{"unknown language", "xx", "zh-CN"},
		{"private use only", "x-private", "zh-CN"},

		// Malformed entries are skipped, not fatal; an unreadable weight
		// ranks its entry after those with a readable one.
		{"malformed first entry", "!!!,en;q=0.5", "en-US"},
		{"q=NaN ranked last", "zh;q=NaN,en", "en-US"},
		{"q=1e999 ranked last", "zh;q=1e999,en", "en-US"},
		{"q=-1 ranked last", "zh;q=-1,en", "en-US"},
		{"q above 1 ranked last", "zh;q=1.5,en", "en-US"},
		{"q with four decimals read", "zh;q=0.1234,en", "en-US"},
		{"q with four decimals is still a weight", "zh;q=0.5000,en;q=0.4", "zh-CN"},
		{"missing q value ranked last", "zh;q=,en", "en-US"},
		{"q without value ranked last", "zh;q,en", "en-US"},
		{"unreadable weight is no exclusion", "zh;q=,fr", "zh-CN"},
		{"empty entries", ",,,en,,", "en-US"},
		{"only separators", ";;;,,,", "zh-CN"},
		{"NUL byte", "\x00", "zh-CN"},
		{"NUL inside a tag", "en\x00-US,zh", "zh-CN"},
		{"invalid UTF-8", "\xff\xfe\xfd", "zh-CN"},
		{"invalid UTF-8 then English", "\xff,en", "en-US"},
		{"full-width comma", "ja，zh", "zh-CN"},
		{"header name included", "Accept-Language: en", "zh-CN"},
		{"overlong subtag", "enenenenenenenen", "zh-CN"},
	}
	checkLangs(t, b, tests)
}

// checkLangs checks the locale that serves each language value, as
// Message.Lang and as Match report it.
func checkLangs(t *testing.T, b *Bundle, tests []struct{ name, lang, want string }) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := b.Localize(messages.FaceTooClose, tt.lang).Lang; got != tt.want {
				t.Errorf("Localize(655, %q).Lang = %q, want %q", tt.lang, got, tt.want)
			}
			if got := b.Match(tt.lang); got != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.lang, got, tt.want)
			}
		})
	}
}

// TestLanguageRulesMoreLocales checks the rules that choose among several
// locales of one language, with locale files added as a deployment would.
func TestLanguageRulesMoreLocales(t *testing.T) {
	b := bundleWith(t, map[string]string{
		"zh-TW.toml":      "[655]\nuser = \"請將臉部稍微遠離螢幕\"\n",
		"zh-HK.toml":      "[655]\nuser = \"請將面部稍為遠離螢幕\"\n",
		"en-GB.toml":      "[655]\nuser = \"Please move your face a little further from the screen.\"\n",
		"ja-JP.toml":      "[655]\nuser = \"顔を画面から少し離してください。\"\n",
		"zh-MY.toml":      "[655]\nuser = \"您的脸离屏幕太近\"\n",
		"sr-Latn-BA.toml": "[655]\nuser = \"Malo odmaknite lice od ekrana.\"\n",
	})
	tests := []struct {
		name, lang, want string
	}{
		{"Taiwan", "zh-TW", "zh-TW"},
		{"Hong Kong", "zh-HK", "zh-HK"},
		{"Macau reads Hong Kong Traditional, its CLDR parent", "zh-MO", "zh-HK"},
		{"Cantonese in Macau", "yue-MO", "zh-HK"},
		{"Traditional script", "zh-Hant", "zh-TW"},
		{"WeChat zh_HK", "zh_HK", "zh-HK"},
		{"Cantonese reads Hong Kong Traditional", "yue", "zh-HK"},
		{"Simplified stays Simplified", "zh-Hans-TW", "zh-CN"},
		{"Singapore", "zh-SG", "zh-CN"},
		{"bare Chinese", "zh", "zh-CN"},
		{"Traditional excluded falls to zh-CN", "zh-TW,zh-TW;q=0,zh-Hant;q=0", "zh-CN"},
		{"Traditional in Britain, Traditional locales excluded, reads Simplified", "zh-Hant-GB,zh-HK;q=0,zh-TW;q=0", "zh-CN"},
		{"Malaysia writes Simplified", "zh-MY", "zh-MY"},
		{"WeChat-style Malaysia", "zh_MY", "zh-MY"},
		{"Hokkien in Malaysia", "nan-MY", "zh-MY"},
		{"Cantonese in Malaysia", "yue-MY", "zh-MY"},
		{"Traditional in Malaysia", "zh-Hant-MY", "zh-TW"},
		{"Simplified without zh-CN: Malaysia before Traditional", "zh-CN;q=0,zh", "zh-MY"},
		{"Simplified locales excluded: Traditional", "zh-Hans;q=0,zh-SG", "zh-TW"},
		{"British", "en-GB", "en-GB"},
		{"bare English", "en", "en-US"},
		{"Australian", "en-AU", "en-US"},
		{"Japanese now shipped", "ja,en;q=0.5", "ja-JP"},
		{"Japanese by tag", "ja-JP", "ja-JP"},
		{"French still English", "fr", "en-US"},
		{"Serbian reads its only locale, of another script and region", "sr", "sr-Latn-BA"},
		{"Serbian in Cyrillic too", "sr-Cyrl-RS", "sr-Latn-BA"},
	}
	checkLangs(t, b, tests)
}

// TestLanguageRulesNearness checks how near a locale of the preference's
// language must be to serve it: any locale of the language serves a
// preference of another script and region (the language's main region
// first), and when no locale of a Chinese reader's script is left, the
// other script's locale of a CLDR parent's region serves before zh-CN.
func TestLanguageRulesNearness(t *testing.T) {
	b := bundleWith(t, map[string]string{
		"fr-FR.toml":      "[655]\nuser = \"Éloignez un peu votre visage de l'écran.\"\n",
		"fr-CA.toml":      "[655]\nuser = \"Éloignez un peu votre visage de l'écran.\"\n",
		"zh-Hans-HK.toml": "[655]\nuser = \"请将脸部稍微远离屏幕\"\n",
		"sr-Cyrl-RS.toml": "[655]\nuser = \"Мало одмакните лице од екрана.\"\n",
		"sr-Latn-RS.toml": "[655]\nuser = \"Malo odmaknite lice od ekrana.\"\n",
	})
	tests := []struct {
		name, lang, want string
	}{
		{"French in Braille, in Belgium: the main region's", "fr-Brai-BE", "fr-FR"},
		{"French in Canada", "fr-CA", "fr-CA"},
		{"Macau without Traditional: Simplified of Hong Kong, its parent", "zh-MO,zh-Hant;q=0", "zh-Hans-HK"},
		{"Taiwan without Traditional: zh-CN", "zh-TW,zh-Hant;q=0", "zh-CN"},
		{"Serbian in Latin", "sr-Latn", "sr-Latn-RS"},
		{"Serbian in Braille: the first of two that rank the same", "sr-Brai-RS", "sr-Cyrl-RS"},
	}
	checkLangs(t, b, tests)
}

// TestLanguageRulesTies checks that, of locales that rank the same for a
// preference, the first of Bundle.Locales serves it, whether the
// preference's script has locales left or it falls to the other script.
func TestLanguageRulesTies(t *testing.T) {
	b := bundleWith(t, map[string]string{
		"zh-MO.toml": "[655]\nuser = \"請將面部稍為遠離螢幕\"\n",
	})
	if got, want := b.Locales(), []string{"zh-CN", "en-US", "zh-HK", "zh-MO", "zh-TW"}; !slices.Equal(got, want) {
		t.Fatalf("Locales() = %v, want %v", got, want)
	}
	tests := []struct {
		name, lang, want string
	}{
		{"Traditional in Singapore, Taiwan excluded", "zh-Hant-SG,zh-TW;q=0", "zh-HK"},
		{"Singapore without Simplified or Taiwan", "zh-SG,zh-CN;q=0,zh-TW;q=0", "zh-HK"},
		{"Singapore without Simplified or Hong Kong", "zh-SG,zh-CN;q=0,zh-TW;q=0,zh-HK;q=0", "zh-MO"},
	}
	checkLangs(t, b, tests)
}

// TestFieldFallback checks rule 3: a text the chosen locale lacks comes,
// field by field, from the next locale the reader's preferences name and
// the bundle has, then from en-US for a reader who named no Chinese, then
// from zh-CN; Lang names the locale that served User.
func TestFieldFallback(t *testing.T) {
	b := bundleWith(t, map[string]string{
		"ja-JP.toml": "[604]\ntitle = \"類似度が基準に達しませんでした\"\n",
		"fr-FR.toml": "[604]\nuser = \"Votre visage ne correspond pas à la photo.\"\n",
	})
	const jaTitle, frUser = "類似度が基準に達しませんでした", "Votre visage ne correspond pas à la photo."
	zh := b.Localize(messages.SimilarityTooLow, "zh-CN")
	en := b.Localize(messages.SimilarityTooLow, "en-US")
	tests := []struct {
		name, lang          string
		user, title, detail string
		userLang            string
	}{
		{"no Chinese named: English next", "ja", en.User, jaTitle, en.Detail, "en-US"},
		{"English named", "ja,en;q=0.8", en.User, jaTitle, en.Detail, "en-US"},
		{"Chinese named: no English", "ja,zh;q=0.8", zh.User, jaTitle, zh.Detail, "zh-CN"},
		{"Chinese before English", "ja,zh-CN;q=0.8,en;q=0.5", zh.User, jaTitle, zh.Detail, "zh-CN"},
		{"the next preference first", "ja,fr;q=0.9", frUser, jaTitle, en.Detail, "fr-FR"},
		{"English excluded", "ja,en;q=0", zh.User, jaTitle, zh.Detail, "zh-CN"},
		{"order of preferences", "fr,ja;q=0.9", frUser, jaTitle, en.Detail, "fr-FR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := b.Localize(messages.SimilarityTooLow, tt.lang)
			got := [4]string{m.User, m.Title, m.Detail, m.Lang}
			if want := [4]string{tt.user, tt.title, tt.detail, tt.userLang}; got != want {
				t.Errorf("Localize(604, %q) = %q, want %q", tt.lang, got, want)
			}
			if want := map[byte]string{'j': "ja-JP", 'f': "fr-FR"}[tt.lang[0]]; b.Match(tt.lang) != want {
				t.Errorf("Match(%q) = %s, want %s", tt.lang, b.Match(tt.lang), want)
			}
		})
	}
	// Codes ja-JP lacks entirely, the first of the table among them.
	for _, code := range []messages.Code{messages.Success, messages.FaceTooClose} {
		if other := b.Localize(code, "ja"); other != b.Localize(code, "en-US") {
			t.Errorf("code %d, for a reader of Japanese: got %+v, want the en-US message", code, other)
		}
		if other := b.Localize(code, "ja,zh;q=0.1"); other != b.Localize(code, "zh-CN") {
			t.Errorf("code %d, for a reader who named Chinese: got %+v, want the zh-CN message", code, other)
		}
	}
}

// TestUnknownCodes checks rule 5: category texts with the code in the title.
func TestUnknownCodes(t *testing.T) {
	tests := []struct {
		name     string
		code     messages.Code
		lang     string
		category messages.Category
		title    string
	}{
		{"liveness", 699, "en-US", messages.Liveness, "Liveness detection: unknown error code 699"},
		{"gap in OCR range", 506, "zh-CN", messages.IDCardOCR, "身份证识别：未知错误码 506"},
		{"SMS", 301, "en", messages.SMS, "unknown error code 301"},
		{"identity database", 709, "en", messages.IdentityDatabase, "unknown error code 709"},
		{"comparison", 800, "en", messages.ImageComparison, "unknown error code 800"},
		{"WeChat", 904, "zh_CN", messages.WeChatRealName, "未知错误码 904"},
		{"no category for 4xx", 404, "en", messages.General, "unknown error code 404"},
		{"general gap", 6, "en", messages.General, "unknown error code 6"},
		{"negative", -1, "en", messages.General, "unknown error code -1"},
		{"newer scheme", 1001, "en", messages.General, "unknown error code 1001"},
		{"huge", 1 << 62, "zh", messages.General, "4611686018427387904"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Localize(tt.code, tt.lang)
			if m.Known || m.Code != tt.code {
				t.Errorf("Known, Code = %v, %v; want false, %v", m.Known, m.Code, tt.code)
			}
			if got := tt.code.Category(); got != tt.category {
				t.Errorf("Category() = %v, want %v", got, tt.category)
			}
			if !strings.Contains(m.Title, tt.title) {
				t.Errorf("Title = %q, want it to contain %q", m.Title, tt.title)
			}
			if m.User == "" || m.Detail == "" || m.Remedy == "" {
				t.Errorf("empty text in %+v", m)
			}
			// Another unknown code of the category: same texts but the title.
			sib := Localize(tt.code+1, tt.lang)
			if tt.code+1 == 1000 || (tt.code + 1).Known() || (tt.code+1).Category() != tt.category {
				return
			}
			if sib.User != m.User || sib.Remedy != m.Remedy || sib.Title == m.Title {
				t.Errorf("code %d: %+v\ncode %d: %+v\nwant the same category texts, titles with their codes", tt.code, m, tt.code+1, sib)
			}
		})
	}
}

// TestUnknownCodeFallback checks that an unknown code's category texts
// fall back field by field as a code's do, and that Lang names the locale
// of the user text.
func TestUnknownCodeFallback(t *testing.T) {
	b := bundleWith(t, map[string]string{
		"ja-JP.toml": "[category.general]\nremedy = \"サポートにお問い合わせください。\"\n",
	})
	en := b.Localize(1001, "en-US")
	tests := []struct {
		name, lang, user, remedy, userLang string
	}{
		{"user text from English, remedy from Japanese", "ja", en.User, "サポートにお問い合わせください。", "en-US"},
		{"English alone", "en", en.User, en.Remedy, "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := b.Localize(1001, tt.lang)
			if got, want := [3]string{m.User, m.Remedy, m.Lang}, [3]string{tt.user, tt.remedy, tt.userLang}; got != want {
				t.Errorf("Localize(1001, %q): user, remedy, lang = %q, want %q", tt.lang, got, want)
			}
		})
	}
}

func TestLocalizeWith(t *testing.T) {
	tests := []struct {
		name   string
		code   messages.Code
		lang   string
		params map[string]int
		detail string
	}{
		{"default", messages.SMSCodeExpired, "en-US", nil, "The SMS verification code is valid for 10 minutes."},
		{"English one", messages.SMSCodeExpired, "en-US", map[string]int{"Minutes": 1}, "The SMS verification code is valid for 1 minute."},
		{"English other", messages.SMSCodeExpired, "en-US", map[string]int{"Minutes": 5}, "The SMS verification code is valid for 5 minutes."},
		{"English zero", messages.SMSCodeExpired, "en-US", map[string]int{"Minutes": 0}, "The SMS verification code is valid for 0 minutes."},
		{"Chinese", messages.SMSCodeExpired, "zh-CN", map[string]int{"Minutes": 5}, "短信验证码有效期为5分钟"},
		{"default value given", messages.SMSCodeExpired, "zh-CN", map[string]int{"Minutes": 10}, "短信验证码有效期为10分钟"},
		{"other names ignored", messages.SMSCodeExpired, "zh-CN", map[string]int{"Seconds": 5, "Code": 1}, "短信验证码有效期为10分钟"},
		{"token days", messages.TokenInvalid, "zh-CN", map[string]int{"Days": 7}, "token数据已失效，一般有效期为7天"},
		{"hours", messages.TokenExpired, "zh-CN", map[string]int{"Hours": 1}, "此刻已超过验证流程有效期1个小时限制，token创建开始计算"},
		{"no parameter", messages.FaceTooClose, "zh-CN", map[string]int{"Minutes": 5}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := LocalizeWith(Default(), tt.code, tt.lang, tt.params)
			if m.Detail != tt.detail {
				t.Errorf("Detail = %q, want %q", m.Detail, tt.detail)
			}
			if !m.Known || m.User == "" {
				t.Errorf("message %+v", m)
			}
		})
	}
	if got := LocalizeWith(Default(), messages.Code(699), "en", map[string]int{"Code": 1}).Title; !strings.Contains(got, "699") {
		t.Errorf("unknown code title = %q, want the code 699", got)
	}
	if got := LocalizeWith(Default(), messages.QuotaExceeded, "en", map[string]int{"Quota": 1}).Remedy; !strings.Contains(got, "1 call") || strings.Contains(got, "1 calls") {
		t.Errorf("Quota 1 remedy = %q, want the singular", got)
	}
}

// TestLocalizeNeverEmpty checks every code and every code around the
// catalogue in every shipped language.
func TestLocalizeNeverEmpty(t *testing.T) {
	b := Default()
	for _, lang := range []string{"zh-CN", "en-US", "ja", ""} {
		for c := messages.Code(-2); c <= 1001; c++ {
			m := b.Localize(c, lang)
			if m.User == "" || m.Title == "" || m.Lang == "" {
				t.Fatalf("Localize(%d, %q) = %+v", c, lang, m)
			}
			if m.Known != c.Known() {
				t.Fatalf("Localize(%d).Known = %v", c, m.Known)
			}
			for _, s := range []string{m.User, m.Title, m.Detail, m.Remedy} {
				if strings.Contains(s, "{{") || strings.HasPrefix(s, strings.TrimSpace(c.String())+".") {
					t.Fatalf("Localize(%d, %q): unrendered text %q", c, lang, s)
				}
			}
		}
	}
}

func TestLocalizeAllocatesNothing(t *testing.T) {
	b := Default()
	for _, lang := range []string{"en-US", "zh_CN", "zh-CN,zh;q=0.9,en;q=0.8"} {
		// The first code of the catalogue, and one of the others.
		for _, code := range []messages.Code{messages.Success, messages.SimilarityTooLow} {
			b.Localize(code, lang) // fill the cache
			if n := testing.AllocsPerRun(100, func() { b.Localize(code, lang) }); n != 0 {
				t.Errorf("Localize(%d, %q) allocates %v times per call", code, lang, n)
			}
		}
	}
}

func TestConcurrentLocalize(t *testing.T) {
	b := bundleWith(t, nil)
	langs := []string{"en-US", "zh_CN", "zh-HK,zh-Hant;q=0.9,en;q=0.8", "ja", "", "fr;q=0.5,en;q=0.2"}
	want := make([]Message, len(langs))
	for i, l := range langs {
		want[i] = b.Localize(messages.LightTooDim, l)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				k := (g + i) % len(langs)
				if got := b.Localize(messages.LightTooDim, langs[k]); got != want[k] {
					t.Errorf("concurrent Localize(659, %q) = %+v, want %+v", langs[k], got, want[k])
					return
				}
				// Distinct values make the cache replace slots.
				Default().Localize(messages.Code(600+i%70), langs[k]+strings.Repeat(" ", i%50))
			}
		})
	}
	wg.Wait()
}

// TestLanguageCacheBounded shows that a flood of distinct language values
// (a million, or 200,000 under the race detector) does not grow the heap
// past the cache's fixed size.
func TestLanguageCacheBounded(t *testing.T) {
	// 200,000 values (50,000 under the race detector) would grow an
	// unbounded cache by megabytes, ten times the bound and more.
	n := 200_000
	if raceEnabled {
		n = 50_000
	}
	b := bundleWith(t, nil)
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heap()
	buf := []byte("zh-CN,zh;q=0.9,en;q=0.8,x-")
	for i := range n {
		v := strconv.AppendInt(buf, int64(i), 10)
		if m := b.Localize(messages.FaceTooClose, string(v)); m.Lang != "zh-CN" {
			t.Fatalf("Localize(655, %q).Lang = %q", v, m.Lang)
		}
	}
	grown := int64(heap()) - int64(before)
	// The cache holds at most twice MaxEntries values, each a key of at
	// most MaxKey bytes, a map entry and a chain's pointer.
	const bound = 2*valuecache.MaxEntries*(valuecache.MaxKey+128) + 256<<10
	if grown > bound {
		t.Errorf("%d distinct values grew the heap by %d bytes, more than the bound %d", n, grown, bound)
	}
	runtime.KeepAlive(b)
}

// TestParentLocales checks that a preference is served by the locale of
// its CLDR parent before the language's main one, for any language.
func TestParentLocales(t *testing.T) {
	b := bundleWith(t, map[string]string{
		"pt-BR.toml": "[655]\nuser = \"Afaste um pouco o rosto.\"\n",
		"pt-PT.toml": "[655]\nuser = \"Afaste um pouco a cara.\"\n",
	})
	checkLangs(t, b, []struct{ name, lang, want string }{
		{"Angola reads European Portuguese", "pt-AO", "pt-PT"},
		{"Mozambique too", "pt_MZ", "pt-PT"},
		{"bare Portuguese is Brazilian, the main region", "pt", "pt-BR"},
		{"exact", "pt-PT", "pt-PT"},
	})
}

// TestCacheAgrees resolves many headers with a bundle whose cache holds
// them, and each header again by the rules alone: the chains are the same.
func TestCacheAgrees(t *testing.T) {
	headers := realisticHeaders(2000)
	headers = append(headers,
		"en-US,fr;q=0", "zh-TW,zh;q=0.9,zh-Hant;q=0", "EN-us,en-US;q=0.5", "en-US;q=0,en-US",
		"ja,en;q=0.8", "fr-CA,fr;q=0.9,en;q=0.5,zh;q=0", "*,zh-HK;q=0.2", "x-private,und,en",
	)
	tests := []struct {
		name  string
		extra map[string]string
	}{
		{"shipped", nil},
		{"partial locale", map[string]string{"ja-JP.toml": "[659]\nuser = \"暗すぎます。\"\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bundleWith(t, tt.extra)
			for range 2 {
				for _, h := range headers {
					b.resolve(h) // held once asked for twice
				}
			}
			for _, h := range headers {
				got := b.resolve(h)
				p := accept.Parse(h)
				if want := b.chainOf(b.serve(&p, nil)); !slices.Equal(got.ls, want.ls) || got.first != want.first || got.fills != want.fills {
					t.Errorf("%q: chain %v, by the rules alone %v", h, got.ls, want.ls)
				}
			}
		})
	}
}
