package huiyan

import (
	"errors"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// hostileCase is one input an attacker, a broken client or a careless
// translator could send. A case with files builds a bundle of the shipped
// locales with those files replaced; with wantErr set it must fail to load
// with that text, else it must load and serve as the other fields say.
type hostileCase struct {
	name   string
	files  map[string]string
	code   messages.Code
	lang   string
	params map[string]int // LocalizeWith when set

	wantErr   string // a substring of the error, with the file and the line
	wantLang  string // Message.Lang
	wantKnown bool
	wantUser  string // User, when set
	wantTitle string // a substring of Title, when set
}

// TestHostileInputs checks the outcome of hostile codes, language values
// and locale files against the rules of doc.go.
func TestHostileInputs(t *testing.T) {
	const face = messages.FaceTooClose
	zhFace := Localize(face, "zh-CN").User
	enFace := Localize(face, "en-US").User
	zhFile, err := locales.FS.ReadFile("zh-CN.toml")
	if err != nil {
		t.Fatal(err)
	}
	mb := strings.Repeat("长", 1<<20/3)
	kb100 := 100 << 10
	padded := func(entry string, n int) string { // entry repeated to n bytes
		return strings.Repeat(entry, n/len(entry))
	}

	tests := []hostileCase{
		// Codes: rule 4, and the category by the hundreds digit.
		{name: "code -1", code: -1, lang: "en", wantLang: "en-US", wantTitle: "-1"},
		{name: "code MinInt64", code: math.MinInt64, lang: "en", wantLang: "en-US", wantTitle: "-9223372036854775808"},
		{name: "code MaxInt64", code: math.MaxInt64, lang: "zh-CN", wantLang: "zh-CN", wantTitle: "9223372036854775807"},
		{name: "code 0 is success", code: 0, lang: "en", wantLang: "en-US", wantKnown: true},
		{name: "gap 6", code: 6, lang: "en", wantLang: "en-US", wantTitle: "General: unknown error code 6"},
		{name: "gap 506", code: 506, lang: "en", wantLang: "en-US", wantTitle: "ID card OCR: unknown error code 506"},
		{name: "gap 904", code: 904, lang: "zh_CN", wantLang: "zh-CN", wantTitle: "微信实名：未知错误码 904"},
		{name: "999 is WeChat", code: 999, lang: "en", wantLang: "en-US", wantTitle: "WeChat real-name verification: unknown error code 999"},
		{name: "1000 is general", code: 1000, lang: "en", wantLang: "en-US", wantTitle: "General: unknown error code 1000"},
		{name: "unknown code with parameters", code: 699, lang: "en", params: map[string]int{"Code": 1, "Minutes": -1}, wantLang: "en-US", wantTitle: "unknown error code 699"},
		{name: "parameter MinInt", code: messages.SMSCodeExpired, lang: "en", params: map[string]int{"Minutes": math.MinInt64}, wantLang: "en-US", wantKnown: true,
			wantUser: "The verification code has expired (it is valid for -9223372036854775808 minutes). Please request a new code."},
		{name: "parameter -1 is plural", code: messages.SMSCodeExpired, lang: "en", params: map[string]int{"Minutes": -1}, wantLang: "en-US", wantKnown: true,
			wantUser: "The verification code has expired (it is valid for -1 minute). Please request a new code."},

		// Language values that name no language: rule 2, zh-CN.
		{name: "script tag", code: face, lang: "<script>alert(1)</script>", wantLang: "zh-CN", wantKnown: true},
		{name: "path traversal", code: face, lang: "../../etc/passwd", wantLang: "zh-CN", wantKnown: true},
		{name: "Windows path", code: face, lang: `..\..\windows\win.ini`, wantLang: "zh-CN", wantKnown: true},
		{name: "percent-encoded NUL", code: face, lang: "%00", wantLang: "zh-CN", wantKnown: true},
		{name: "CRLF header injection", code: face, lang: "en\r\nX-Evil: 1", wantLang: "zh-CN", wantKnown: true},
		{name: "SQL", code: face, lang: "en' OR '1'='1", wantLang: "zh-CN", wantKnown: true},
		{name: "template", code: face, lang: "{{.Code}}", wantLang: "zh-CN", wantKnown: true},
		{name: "format verbs", code: face, lang: "%s%n%x", wantLang: "zh-CN", wantKnown: true},
		{name: "emoji", code: face, lang: "😀", wantLang: "zh-CN", wantKnown: true},
		{name: "flag emoji", code: face, lang: "🇺🇸", wantLang: "zh-CN", wantKnown: true},
		{name: "full-width tag", code: face, lang: "ｅｎ－ＵＳ", wantLang: "zh-CN", wantKnown: true},
		{name: "RTL mark before tag", code: face, lang: "\u200fen-US", wantLang: "zh-CN", wantKnown: true},
		{name: "RTL override", code: face, lang: "\u202eSU-ne", wantLang: "zh-CN", wantKnown: true},
		{name: "zero-width space in tag", code: face, lang: "e\u200bn", wantLang: "zh-CN", wantKnown: true},
		{name: "BOM before tag", code: face, lang: "\ufeffen", wantLang: "zh-CN", wantKnown: true},
		{name: "query parameter", code: face, lang: "lang=en", wantLang: "zh-CN", wantKnown: true},
		{name: "query string", code: face, lang: "?lang=en-US", wantLang: "zh-CN", wantKnown: true},
		{name: "ampersand", code: face, lang: "en&x=1", wantLang: "zh-CN", wantKnown: true},
		{name: "percent-encoded hyphen", code: face, lang: "en%2DUS", wantLang: "zh-CN", wantKnown: true},
		{name: "q=NaN alone: unreadable, still English", code: face, lang: "en;q=NaN", wantLang: "en-US", wantKnown: true},
		{name: "q=Inf alone: unreadable, still English", code: face, lang: "en;q=Inf", wantLang: "en-US", wantKnown: true},
		{name: "q=-1 alone: unreadable, still English", code: face, lang: "en;q=-1", wantLang: "en-US", wantKnown: true},
		{name: "q=1e999 alone: unreadable, still English", code: face, lang: "en;q=1e999", wantLang: "en-US", wantKnown: true},
		{name: "q=0x1 alone: unreadable, still English", code: face, lang: "en;q=0x1", wantLang: "en-US", wantKnown: true},
		{name: "q=0.5000 is Chinese's weight", code: face, lang: "zh-CN;q=0.5000, en-US;q=0.4", wantLang: "zh-CN", wantKnown: true},
		{name: "q=.5", code: face, lang: "zh-CN;q=.5, en-US;q=0.4", wantLang: "zh-CN", wantKnown: true},
		{name: "q=1e-1", code: face, lang: "en-US;q=0.05, zh-CN;q=1e-1", wantLang: "zh-CN", wantKnown: true},
		{name: "quoted q", code: face, lang: `zh-CN;q="0.5", en-US;q=0.4`, wantLang: "zh-CN", wantKnown: true},
		{name: "q= ranks after readable weights", code: face, lang: "zh-CN;q=, en-US;q=0.1", wantLang: "en-US", wantKnown: true},
		{name: "q=2 ranks after readable weights", code: face, lang: "zh-CN;q=2, en-US;q=0.1", wantLang: "en-US", wantKnown: true},
		{name: "unreadable weight alone still names", code: face, lang: "zh-CN;q=", wantLang: "zh-CN", wantKnown: true},
		{name: "repeated weight: the first counts", code: face, lang: "en-US;q=0.8;q=0.9, zh-CN;q=0.85", wantLang: "zh-CN", wantKnown: true},
		{name: "10,000 commas", code: face, lang: strings.Repeat(",", 10000), wantLang: "zh-CN", wantKnown: true},
		{name: "English after 10,000 commas", code: face, lang: strings.Repeat(",", 10000) + "en", wantLang: "zh-CN", wantKnown: true},
		{name: "English after 100 KB of garbage", code: face, lang: strings.Repeat("!", kb100) + ",en", wantLang: "zh-CN", wantKnown: true},
		{name: "English after 100 KB of Chinese", code: face, lang: padded("zh-CN;q=0.1,", kb100) + "en", wantLang: "zh-CN", wantKnown: true},
		// doc.go: "Only ... the first 32 entries are read": English is the
		// 33rd entry.
		{name: "English as the 33rd entry", code: face, lang: strings.Repeat("!!,", 32) + "en", wantLang: "zh-CN", wantKnown: true},

		// Language values with a language in them.
		{name: "English as the 32nd entry", code: face, lang: strings.Repeat("!!,", 31) + "en", wantLang: "en-US", wantKnown: true},
		{name: "English after 10,000 commas within the limit", code: face, lang: "en" + strings.Repeat(",", 10000), wantLang: "en-US", wantKnown: true},
		{name: "100 KB header", code: face, lang: padded("en-US,en;q=0.9,", kb100), wantLang: "en-US", wantKnown: true},
		{name: "100 KB tag", code: face, lang: "en-" + strings.Repeat("a", kb100), wantLang: "zh-CN", wantKnown: true},
		{name: "script tag then English", code: face, lang: "<script>,en", wantLang: "en-US", wantKnown: true},
		{name: "CRLF injection then English", code: face, lang: "zh-CN\r\nSet-Cookie: a=b,en", wantLang: "en-US", wantKnown: true},
		{name: "full-width then English", code: face, lang: "ｚｈ,en", wantLang: "en-US", wantKnown: true},
		{name: "emoji then English", code: face, lang: "😀;q=1,en;q=0.1", wantLang: "en-US", wantKnown: true},
		{name: "RTL mark then English", code: face, lang: "\u200fzh,en", wantLang: "en-US", wantKnown: true},
		{name: "q=NaN on Chinese", code: face, lang: "zh;q=NaN,en;q=0.1", wantLang: "en-US", wantKnown: true},
		{name: "q=Infinity on Chinese", code: face, lang: "zh;q=Infinity,en;q=0.1", wantLang: "en-US", wantKnown: true},
		{name: "q=0x1 on Chinese", code: face, lang: "zh;q=0x1,en;q=0.1", wantLang: "en-US", wantKnown: true},
		{name: "query parameter then tag", code: face, lang: "hl=zh,en", wantLang: "en-US", wantKnown: true},
		{name: "path then tag", code: face, lang: "../../etc/passwd,en", wantLang: "en-US", wantKnown: true},
		{name: "long private use", code: face, lang: "en-US-x-" + strings.Repeat("abcdefgh-", 20) + "a", wantLang: "en-US", wantKnown: true},
		{name: "Klingon names a language", code: face, lang: "i-klingon", wantLang: "en-US", wantKnown: true},
		{name: "Min Nan is Chinese", code: face, lang: "zh-min-nan,en", wantLang: "zh-CN", wantKnown: true},
		{name: "Pinyin is Chinese", code: face, lang: "zh-Latn-pinyin,en", wantLang: "zh-CN", wantKnown: true},
		{name: "Chinese sign language is no Chinese", code: face, lang: "csl", wantLang: "en-US", wantKnown: true},

		// Locale files.
		{name: "only a BOM", files: map[string]string{"en-US.toml": "\ufeff"},
			code: face, lang: "en-US", wantLang: "zh-CN", wantKnown: true, wantUser: zhFace},
		{name: "BOM then a table", files: map[string]string{"en-US.toml": "\ufeff[655]\nuser = \"Move back.\"\n"},
			code: face, lang: "en-US", wantLang: "en-US", wantKnown: true, wantUser: "Move back."},
		{name: "BOM then an unknown code", files: map[string]string{"en-US.toml": "\ufeff[999]\nuser = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:1: code 999 is not in the catalogue"},
		{name: "NUL byte in a string", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\x00b\"\n"},
			wantErr: "huiyan: en-US.toml:2: invalid TOML"},
		{name: "NUL byte in a comment", files: map[string]string{"en-US.toml": "[655]\n# a\x00b\nuser = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:2: invalid TOML"},
		{name: "NUL byte on its own line", files: map[string]string{"en-US.toml": "[655]\nuser = \"x\"\n\x00\n"},
			wantErr: "huiyan: en-US.toml:3: invalid TOML"},
		{name: "control character first", files: map[string]string{"en-US.toml": "\x12"},
			wantErr: "huiyan: en-US.toml:1: invalid TOML"},
		{name: "control character on line 3", files: map[string]string{"en-US.toml": "[655]\nuser = \"x\"\n\x7f"},
			wantErr: "huiyan: en-US.toml:3: invalid TOML"},
		{name: "deeply nested tables", files: map[string]string{"en-US.toml": "[655" + strings.Repeat(".a", 1000) + "]\nuser = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:2: unexpected message \"655.a.a.a"},
		// Deeper inline tables take seconds to load: the work grows with
		// the cube of the depth.
		{name: "deeply nested inline tables", files: map[string]string{"en-US.toml": "[655]\nuser = \"x\"\ntitle = " + strings.Repeat("{a=", 200) + "1" + strings.Repeat("}", 200) + "\n"},
			wantErr: "huiyan: en-US.toml:3: 655.title.a.a.a.a"},
		{name: "deeply nested arrays", files: map[string]string{"en-US.toml": "[655]\nuser = " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user: want a string or a table, not a TOML array"},
		{name: "1 MB string", files: map[string]string{"en-US.toml": "[655]\nuser = \"" + mb + "\"\n"},
			wantErr: "huiyan: en-US.toml: the file is 1048591 bytes, over the bound of 1048576 bytes (1 MiB) for a locale file"},
		{name: "100 KB text", files: map[string]string{"en-US.toml": "[655]\nuser = \"" + strings.Repeat("a", 100<<10) + "\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user is 102400 bytes long, over the bound of 4096 bytes for a text"},
		{name: "text just under the size bound", files: map[string]string{"en-US.toml": "[655]\nuser = \"" + mb[:load.MaxTextSize/3*3] + "\"\n"},
			code: face, lang: "en", wantLang: "en-US", wantKnown: true, wantUser: mb[:load.MaxTextSize/3*3]},
		{name: "text at the size bound", files: map[string]string{"en-US.toml": "[655]\nuser = \"" + strings.Repeat("a", load.MaxTextSize) + "\"\n"},
			code: face, lang: "en", wantLang: "en-US", wantKnown: true, wantUser: strings.Repeat("a", load.MaxTextSize)},
		{name: "text a byte over the size bound", files: map[string]string{"en-US.toml": "[655]\nuser = \"" + strings.Repeat("a", load.MaxTextSize+1) + "\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user is 4097 bytes long, over the bound of 4096 bytes for a text"},
		{name: "left-to-right embedding, the first control", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\u202Ab\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user has the bidirectional control U+202A"},
		{name: "left-to-right isolate", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\u2066b\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user has the bidirectional control U+2066"},
		{name: "pop directional isolate, the last control", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\u2069b\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user has the bidirectional control U+2069"},
		{name: "the characters around the controls", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\u2029\u202F\u2065\u206Ab\"\n"},
			code: face, lang: "en", wantLang: "en-US", wantKnown: true, wantUser: "a\u2029\u202F\u2065\u206Ab"},
		{name: "right-to-left override", files: map[string]string{"en-US.toml": "[655]\nuser = \"photo\u202Egnp.exe\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user has the bidirectional control U+202E"},
		{name: "first strong isolate in a plural form", files: map[string]string{"en-US.toml": "[305.user]\none = \"a\"\nother = \"\u2068b\"\n"},
			wantErr: "huiyan: en-US.toml:3: 305.user has the bidirectional control U+2068"},
		{name: "array of tables", files: map[string]string{"en-US.toml": "[[655]]\nuser = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:1: 655: want a string or a table, not a TOML array"},
		{name: "key with a newline escape", files: map[string]string{"en-US.toml": "[655]\n\"us\\ner\" = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:2: unknown field \"us\\ner\" in code 655"},
		{name: "invalid UTF-8 in a string", files: map[string]string{"en-US.toml": "[655]\nuser = \"\xff\xfe\"\n"},
			wantErr: "huiyan: en-US.toml:2: invalid TOML"},
		{name: "CRLF line endings", files: map[string]string{"en-US.toml": "# CRLF\r\n[655]\r\nuser = \"Move back.\"\r\ntitle = \"Too close\"\r\n"},
			code: face, lang: "en-US", wantLang: "en-US", wantKnown: true, wantUser: "Move back.", wantTitle: "Too close"},
		{name: "CRLF canonical file", files: map[string]string{"zh-CN.toml": strings.ReplaceAll(string(zhFile), "\n", "\r\n")},
			code: face, lang: "zh", wantLang: "zh-CN", wantKnown: true, wantUser: zhFace},
		{name: "CRLF error line", files: map[string]string{"en-US.toml": "[655]\r\nuser = \"x\"\r\n\r\n[999]\r\nuser = \"y\"\r\n"},
			wantErr: "huiyan: en-US.toml:4: code 999 is not in the catalogue"},
		{name: "CR line endings", files: map[string]string{"en-US.toml": "[655]\ruser = \"x\"\r"},
			wantErr: "huiyan: en-US.toml:1: invalid TOML"},
		{name: "duplicate key", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\"\nuser = \"b\"\n"},
			wantErr: "huiyan: en-US.toml:3: invalid TOML"},
		{name: "duplicate table", files: map[string]string{"en-US.toml": "[655]\nuser = \"a\"\n[655]\ntitle = \"b\"\n"},
			wantErr: "huiyan: en-US.toml:3: invalid TOML"},
		{name: "code beyond int64", files: map[string]string{"en-US.toml": "[99999999999999999999]\nuser = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:1: unexpected key \"99999999999999999999\""},
		{name: "negative code", files: map[string]string{"en-US.toml": "[655]\nuser = \"x\"\n[-1]\nuser = \"x\"\n"},
			wantErr: "huiyan: en-US.toml:3: code -1 is not in the catalogue"},
		{name: "quoted code", files: map[string]string{"en-US.toml": "[\"655\"]\nuser = \"Quoted.\"\n"},
			code: face, lang: "en", wantLang: "en-US", wantKnown: true, wantUser: "Quoted."},
		{name: "float value", files: map[string]string{"en-US.toml": "[655]\nuser = 6.55\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user: want a string or a table, not a TOML float"},
		{name: "date value", files: map[string]string{"en-US.toml": "[655]\ntitle = \"t\"\nuser = 1979-05-27\n"},
			wantErr: "huiyan: en-US.toml:3: 655.user: want a string or a table, not a TOML date or time"},
		{name: "template of another code's parameter", files: map[string]string{"en-US.toml": "[655]\nuser = \"{{.Minutes}}\"\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user: {{.Minutes}} is not a parameter of code 655 (it has Code)"},
		{name: "template calling an undefined template", files: map[string]string{"en-US.toml": "[655]\n\nuser = '{{template \"x\"}}'\n"},
			wantErr: "huiyan: en-US.toml:3: 655.user: "},
		{name: "template recursing", files: map[string]string{"en-US.toml": "[655]\nuser = '{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}'\n"},
			wantErr: "huiyan: en-US.toml:2: 655.user: "},
		{name: "HTML is served as it is", files: map[string]string{"en-US.toml": "[655]\nuser = \"<script>alert(1)</script>\"\n"},
			code: face, lang: "en", wantLang: "en-US", wantKnown: true, wantUser: "<script>alert(1)</script>"},
		{name: "plural forms without a template", files: map[string]string{"en-US.toml": "[305.user]\none = \"Your code expired after a minute.\"\nother = \"Your code expired.\"\n"},
			code: messages.SMSCodeExpired, lang: "en", params: map[string]int{"Minutes": 1}, wantLang: "en-US", wantKnown: true, wantUser: "Your code expired after a minute."},
		{name: "form many in English", files: map[string]string{"en-US.toml": "[305.user]\nmany = \"many\"\nother = \"{{.Minutes}} m\"\n"},
			code: messages.SMSCodeExpired, lang: "en", params: map[string]int{"Minutes": 1}, wantLang: "en-US", wantKnown: true, wantUser: "1 m"},
		{name: "untouched shipped English", files: map[string]string{},
			code: face, lang: "en", wantLang: "en-US", wantKnown: true, wantUser: enFace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Default()
			if tt.files != nil {
				m := shippedFS(t)
				for name, data := range tt.files {
					m[name] = &fstest.MapFile{Data: []byte(data)}
				}
				var err error
				b, err = newBundleNoPanic(t, m)
				if tt.wantErr != "" {
					checkLoadError(t, b, err, tt.wantErr)
					return
				}
				if err != nil {
					t.Fatalf("NewBundle: %v", clipErr(err))
				}
			}
			m, call := b.Localize(tt.code, tt.lang), "Localize"
			if tt.params != nil {
				m, call = LocalizeWith(b, tt.code, tt.lang, tt.params), "LocalizeWith"
			}
			in := tt.lang
			if len(in) > 40 {
				in = in[:20] + "..." + in[len(in)-20:]
			}
			if m.Lang != tt.wantLang || m.Known != tt.wantKnown || m.Code != tt.code {
				t.Errorf("%s(%d, %q): Lang, Known, Code = %q, %v, %d; want %q, %v, %d",
					call, tt.code, in, m.Lang, m.Known, m.Code, tt.wantLang, tt.wantKnown, tt.code)
			}
			if m.User == "" || m.Title == "" {
				t.Errorf("%s(%d, %q) = %+v: empty User or Title", call, tt.code, in, m)
			}
			if tt.wantUser != "" && m.User != tt.wantUser {
				t.Errorf("%s(%d, %q).User = %.80q, want %.80q", call, tt.code, in, m.User, tt.wantUser)
			}
			if !strings.Contains(m.Title, tt.wantTitle) {
				t.Errorf("%s(%d, %q).Title = %q, want it to contain %q", call, tt.code, in, m.Title, tt.wantTitle)
			}
		})
	}
}

// checkLoadError checks that loading failed with a file error that
// contains want, and no bundle.
func checkLoadError(t *testing.T, b *Bundle, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("NewBundle succeeded, want an error containing %q", want)
	}
	if b != nil {
		t.Error("NewBundle returned a bundle with its error")
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Errorf("error %v is not a *FileError", clipErr(err))
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error:\n%s\nwant it to contain %q", clipErr(err), want)
	}
}

// clipErr shortens the errors about huge keys.
func clipErr(err error) string {
	s := err.Error()
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}
