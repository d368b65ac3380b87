package accept

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// benchValues are language values as clients send them: the browsers'
// headers, WeChat values and POSIX names, each of a tag or a few.
var benchValues = []string{
	"zh-CN,zh;q=0.9,en;q=0.8",
	"zh-CN",
	"zh_CN",
	"en-US,en;q=0.9",
	"zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7",
	"zh-Hant-HK,zh-Hant;q=0.9,en;q=0.8",
	"zh_CN.UTF-8",
	"en",
	"ja,en-US;q=0.7,en;q=0.3",
	"zh-HK",
}

// BenchmarkParse reads a value and parses the tag of each of its entries,
// as resolving a value the bundle has not seen does.
func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct {
		name   string
		values []string
	}{
		{"mix", benchValues},
		{"simple", []string{"zh-CN", "en", "zh_TW", "en-US", "zh-Hant"}},
		{"header", []string{"zh-CN,zh;q=0.9,en;q=0.8,en-GB;q=0.7,en-US;q=0.6"}},
		{"script", []string{"zh-Hant-TW", "zh-Hans-CN", "sr-Latn-RS"}},
		{"java", []string{"zh_TW_#Hant", "zh_CN_#Hans", "ja_JP_JP_#u-ca-japanese"}},
		{"table", tableValues(b)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var p Prefs
			n := 0
			for i := 0; b.Loop(); i++ {
				p.Read(bc.values[i%len(bc.values)])
				for j := range p.Len() {
					if _, ok := p.Tag(j); ok {
						n++
					}
				}
			}
			if n == 0 {
				b.Fatal("no tag read")
			}
		})
	}
}

// tableValues returns the values of the root package's table of language
// values: a broad sample of what clients send, each once.
func tableValues(b *testing.B) []string {
	f, err := os.Open("../../testdata/language-values.tsv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var vs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, _, _ := strings.Cut(sc.Text(), "\t")
		if v == "" || strings.HasPrefix(v, "#") {
			continue
		}
		if u, err := strconv.Unquote(v); err == nil && strings.HasPrefix(v, `"`) {
			v = u
		}
		vs = append(vs, v)
	}
	return vs
}
