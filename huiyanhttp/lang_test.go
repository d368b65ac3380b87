package huiyanhttp

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const (
	weChatIOS     = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.34(0x18002230) NetType/WIFI Language/zh_CN"
	miniProgram   = "Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/5235 MMWEBSDK/20230805 MMWEBID/7733 MicroMessenger/8.0.40.2420(0x28002837) WeChat/arm64 Weixin NetType/WIFI Language/zh_HK ABI/arm64 MiniProgramEnv/android"
	weChatEnglish = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/4G Language/en"
	safari        = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		xLang    string
		accept   string
		ua       string
		want     string
		wantFrom source
	}{
		{name: "nothing", want: "", wantFrom: fromUserAgent},

		// Each source alone.
		{name: "query", query: "lang=zh_TW", want: "zh_TW", wantFrom: fromQuery},
		{name: "X-Lang", xLang: "en", want: "en", wantFrom: fromHeader},
		{name: "Accept-Language", accept: "zh-HK,zh-Hant;q=0.9,en;q=0.8", want: "zh-HK,zh-Hant;q=0.9,en;q=0.8", wantFrom: fromAcceptLanguage},
		{name: "WeChat in-app browser", ua: weChatIOS, want: "zh_CN", wantFrom: fromUserAgent},
		{name: "mini-program", ua: miniProgram, want: "zh_HK", wantFrom: fromUserAgent},
		{name: "WeChat English", ua: weChatEnglish, want: "en", wantFrom: fromUserAgent},

		// Precedence.
		{name: "query over the rest", query: "lang=en", xLang: "zh_CN", accept: "zh-CN", ua: weChatIOS, want: "en", wantFrom: fromQuery},
		{name: "X-Lang over Accept-Language", xLang: "en", accept: "zh-CN", ua: weChatIOS, want: "en", wantFrom: fromHeader},
		{name: "Accept-Language over User-Agent", accept: "en-GB", ua: weChatIOS, want: "en-GB", wantFrom: fromAcceptLanguage},

		// Empty or unusable sources fall through.
		{name: "empty query", query: "lang=", accept: "en", want: "en", wantFrom: fromAcceptLanguage},
		{name: "query without value", query: "lang", xLang: "en", want: "en", wantFrom: fromHeader},
		{name: "garbage query", query: "lang=xx-garbage!!", xLang: "en", want: "en", wantFrom: fromHeader},
		{name: "unknown language", query: "lang=xx", accept: "en", want: "en", wantFrom: fromAcceptLanguage},
		{name: "und", query: "lang=und", accept: "en", want: "en", wantFrom: fromAcceptLanguage},
		{name: "bad escape", query: "lang=%zz", accept: "en", want: "en", wantFrom: fromAcceptLanguage},
		{name: "star X-Lang", xLang: "*", accept: "en", want: "en", wantFrom: fromAcceptLanguage},
		{name: "star Accept-Language", accept: "*", ua: weChatEnglish, want: "en", wantFrom: fromUserAgent},
		{name: "garbage Accept-Language", accept: "!!!,;q=2", ua: weChatEnglish, want: "en", wantFrom: fromUserAgent},
		{name: "garbage everywhere", query: "lang=!", xLang: "?", accept: "!!!", ua: "MicroMessenger/8.0 Language/!!", want: "", wantFrom: fromUserAgent},

		// Query details.
		{name: "lang after other parameters", query: "code=655&lang=en", want: "en", wantFrom: fromQuery},
		{name: "first lang wins", query: "lang=en&lang=zh_CN", want: "en", wantFrom: fromQuery},
		{name: "escaped", query: "lang=zh%5FHK", want: "zh_HK", wantFrom: fromQuery},
		{name: "other key", query: "xlang=en&langs=en", want: "", wantFrom: fromUserAgent},
		{name: "Accept-Language in the query", query: "lang=ja,en;q=0.5", want: "ja,en;q=0.5", wantFrom: fromQuery},

		// An exclusion names a language: the bundle applies it.
		{name: "exclusion only", accept: "zh;q=0", ua: weChatIOS, want: "zh;q=0", wantFrom: fromAcceptLanguage},

		// User-Agent details.
		{name: "not WeChat", ua: safari + " Language/en", want: "", wantFrom: fromUserAgent},
		{name: "token glued to another", ua: "MicroMessenger/8.0.40 XLanguage/en", want: "", wantFrom: fromUserAgent},
		{name: "token before a parenthesis", ua: "Mozilla/5.0 (x; Language/en) MicroMessenger/8.0.40", want: "en", wantFrom: fromUserAgent},
		{name: "token at the start", ua: " Language/en MicroMessenger/8.0.40", want: "en", wantFrom: fromUserAgent},
		{name: "empty token", ua: "MicroMessenger/8.0.40 Language/ en", want: "", wantFrom: fromUserAgent},
		{name: "empty token at the end", ua: "MicroMessenger/8.0.40 Language/", want: "", wantFrom: fromUserAgent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/api/verify/result?"+tt.query, nil)
			if tt.xLang != "" {
				r.Header.Set("X-Lang", tt.xLang)
			}
			if tt.accept != "" {
				r.Header.Set("Accept-Language", tt.accept)
			}
			if tt.ua != "" {
				r.Header.Set("User-Agent", tt.ua)
			}
			for range 2 { // the second time from the usability cache
				got, from := choose(r)
				if got != tt.want || from != tt.wantFrom {
					t.Errorf("choose = %q from %d, want %q from %d", got, from, tt.want, tt.wantFrom)
				}
			}
			if got := Language(r); got != tt.want {
				t.Errorf("Language = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLanguageBounded checks that only the start of a long header is read:
// a language after the limit is not found.
func TestLanguageBounded(t *testing.T) {
	padding := strings.Repeat("x", 1<<20)
	tests := []struct {
		name   string
		header string
		value  string
		want   string
	}{
		{"User-Agent, token past the limit", "User-Agent", "MicroMessenger/8.0.40 " + padding + " Language/en", ""},
		{"User-Agent, token cut by the limit", "User-Agent", "MicroMessenger/8.0.40 " + strings.Repeat("x", maxUserAgent-len("MicroMessenger/8.0.40  Language/e")) + " Language/en", ""},
		{"User-Agent, token within the limit", "User-Agent", weChatEnglish + " " + padding, "en"},
		{"User-Agent of the limit's length, token at its end", "User-Agent", "MicroMessenger/8.0.40 " + strings.Repeat("x", maxUserAgent-len("MicroMessenger/8.0.40  Language/en")) + " Language/en", "en"},
		{"Accept-Language, language after 32 entries", "Accept-Language", strings.Repeat("!,", 32) + "en", ""},
		{"Accept-Language, language after 4096 bytes", "Accept-Language", padding + ",en", ""},
		{"Accept-Language, language first", "Accept-Language", "en," + padding, "en," + padding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.Header.Set(tt.header, tt.value)
			if got := Language(r); got != tt.want {
				t.Errorf("Language = %.40q, want %.40q", got, tt.want)
			}
		})
	}
}

func TestLanguageNilRequest(t *testing.T) {
	if got := Language(nil); got != "" {
		t.Errorf("Language(nil) = %q", got)
	}
	if got := Language(&http.Request{}); got != "" {
		t.Errorf("Language(&http.Request{}) = %q", got)
	}
}

func BenchmarkLanguage(b *testing.B) {
	for _, bm := range []struct {
		name, query, header, value string
	}{
		{"query", "lang=zh_CN", "", ""},
		{"Accept-Language", "", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"},
		{"User-Agent", "", "User-Agent", miniProgram},
		{"none", "", "User-Agent", safari},
	} {
		b.Run(bm.name, func(b *testing.B) {
			r := httptest.NewRequest(http.MethodGet, "/api/verify/result?code=655&"+bm.query, nil)
			if bm.header != "" {
				r.Header.Set(bm.header, bm.value)
			}
			b.ReportAllocs()
			for b.Loop() {
				Language(r)
			}
		})
	}
}

// TestLanguageAcceptLanguageFields checks that several Accept-Language
// fields are read as one list, as the operator page reads them.
func TestLanguageAcceptLanguageFields(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Add("Accept-Language", "!!!")
	r.Header.Add("Accept-Language", "zh-TW;q=0.9")
	if got := Language(r); got != "!!!,zh-TW;q=0.9" {
		t.Errorf("Language = %q, want both fields", got)
	}
}
