package lint

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/locales"
)

// TestLintRegionalWords checks that lint tells a Taiwan or Hong Kong
// translator of another region's word, at the line of the text, and says
// nothing of a text that uses the region's own words.
func TestLintRegionalWords(t *testing.T) {
	zh, err := fs.ReadFile(locales.FS, "zh-CN.toml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, data string
		want             []string // FILE:LINE: message, of the regional warnings
	}{
		{"mainland word in Taiwan", "zh-TW.toml", "# 1\n[1]\ndetail = \"呼叫的接口不存在\"\n",
			[]string{"zh-TW.toml:3: 1.detail: 接口 is mainland usage; Taiwan writes 介面"}},
		{"Taiwan's own word", "zh-TW.toml", "[1]\ndetail = \"呼叫的介面不存在\"\n", nil},
		{"every word of a text", "zh-TW.toml", "[655]\nuser = \"請將臉部遠離屏幕\"\nremedy = \"檢查攝像頭與網絡\"\n", []string{
			"zh-TW.toml:2: 655.user: 屏幕 is mainland usage; Taiwan writes 螢幕",
			"zh-TW.toml:3: 655.remedy: 網絡 is mainland usage; Taiwan writes 網路",
			"zh-TW.toml:3: 655.remedy: 攝像頭 is mainland usage; Taiwan writes 鏡頭",
		}},
		{"a plural form's line", "zh-TW.toml", "[305.detail]\none = \"簡訊驗證碼 {{.Minutes}} 分鐘內有效\"\nother = \"短信驗證碼 {{.Minutes}} 分鐘內有效\"\n",
			[]string{"zh-TW.toml:3: 305.detail (other): 短信 is mainland usage; Taiwan writes 簡訊"}},
		{"Traditional Chinese reads Taiwan", "zh-Hant.toml", "[655]\nuser = \"請重新錄製視頻\"\n",
			[]string{"zh-Hant.toml:2: 655.user: 視頻 is mainland usage; Taiwan writes 影片"}},
		{"Taiwan word in Hong Kong", "zh-HK.toml", "[701]\nuser = \"請核對身分證號碼\"\n",
			[]string{"zh-HK.toml:2: 701.user: 身分證 is Taiwan usage; Hong Kong writes 身份證"}},
		{"Hong Kong's own word", "zh-HK.toml", "[701]\nuser = \"請核對身份證號碼\"\n", nil},
		{"a word both write in Hong Kong", "zh-HK.toml", "[1]\ndetail = \"呼叫的接口不存在\"\n", nil},
		{"Macau reads Hong Kong", "zh-MO.toml", "[1]\nremedy = \"請檢查網路\"\n",
			[]string{"zh-MO.toml:2: 1.remedy: 網路 is Taiwan usage; Hong Kong writes 網絡"}},
		{"Cantonese reads Hong Kong", "yue.toml", "[1]\nremedy = \"請更新軟體\"\n",
			[]string{"yue.toml:2: 1.remedy: 軟體 is Taiwan usage; Hong Kong writes 軟件"}},
		{"no list for Singapore", "zh-SG.toml", "[1]\ndetail = \"调用的接口不存在\"\n", nil},
		{"no list for the mainland", "zh-CN.toml", string(zh) + "\n[category.general]\nuser = \"網路與身分證\"\n", nil},
		{"not Chinese", "en-US.toml", "[1]\ndetail = \"接口 is not found\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"zh-CN.toml": {Data: zh}, tt.file: {Data: []byte(tt.data)}}
			var got []string
			for _, p := range Lint(fsys).Problems {
				if !strings.Contains(p.Msg, " usage; ") {
					continue
				}
				if !p.Advice {
					t.Errorf("%v is an error, want advice", p)
				}
				got = append(got, fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("regional warnings:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestRegionalWordsFile checks the embedded word list: every row read, and
// no region told to write a word that it is also told not to write.
func TestRegionalWordsFile(t *testing.T) {
	ws := regionalWords()
	if len(ws) < 10 {
		t.Fatalf("%d regional words, want the whole list", len(ws))
	}
	seen := map[string]bool{}
	for _, w := range ws {
		key := w.region.String() + " " + w.word
		if seen[key] {
			t.Errorf("%s is listed twice", key)
		}
		seen[key] = true
		if w.word == w.preferred {
			t.Errorf("%s: %s is its own preferred word", w.region, w.word)
		}
	}
	for _, w := range ws {
		if seen[w.region.String()+" "+w.preferred] {
			t.Errorf("%s: the preferred word %s is also listed as wrong", w.region, w.preferred)
		}
	}
	for _, bad := range []string{"TW\t接口\t介面", "XX\t接口\t介面\tCN", "TW\t\t介面\tCN", "TW\t接口\t介面\tTW", "TW 接口 介面 CN"} {
		if _, err := parseRegionalWords("# header\n" + bad + "\n"); err == nil || !strings.Contains(err.Error(), "regional-words.txt:2:") {
			t.Errorf("parseRegionalWords(%q) = %v, want an error naming line 2", bad, err)
		}
	}
}
