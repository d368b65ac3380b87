package lint

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/internal/load"
)

// Regional words: lint tells the translator of a Taiwan or Hong Kong text
// that a word is another region's usage. The words are data, in
// regional-words.txt.

//go:embed regional-words.txt
var regionalWordsFile string

// regionalWord is one row of regional-words.txt: in region, word is
// usage's and the region writes preferred.
type regionalWord struct {
	region, usage   language.Region
	word, preferred string
}

// regionNames name the regions of regional-words.txt in a warning.
var regionNames = map[string]string{"CN": "mainland", "TW": "Taiwan", "HK": "Hong Kong"}

var regionalWords = sync.OnceValue(func() []regionalWord {
	ws, err := parseRegionalWords(regionalWordsFile)
	if err != nil {
		panic(err) // the embedded file: a test reads it
	}
	return ws
})

// parseRegionalWords reads the rows of regional-words.txt.
func parseRegionalWords(data string) ([]regionalWord, error) {
	var ws []regionalWord
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 || regionNames[cols[0]] == "" || regionNames[cols[3]] == "" ||
			cols[1] == "" || cols[2] == "" || cols[0] == cols[3] {
			return nil, fmt.Errorf("regional-words.txt:%d: want REGION, WORD, PREFERRED and USAGE, separated by tabs, the regions among CN, TW and HK: %q", n+1, line)
		}
		ws = append(ws, regionalWord{
			region: language.MustParseRegion(cols[0]), word: cols[1],
			preferred: cols[2], usage: language.MustParseRegion(cols[3]),
		})
	}
	return ws, nil
}

// checkRegionalWords reports each word of form f of t that readers in the
// region of a Chinese locale tag take for another region's.
func checkRegionalWords(t *load.Text, f int, name string, tag language.Tag, ps *load.Problems) {
	if !load.IsChinese(load.BaseOf(tag)) {
		return
	}
	var regions map[language.Region]bool
	for _, w := range regionalWords() {
		if !strings.Contains(t.Forms[f], w.word) {
			continue
		}
		if regions == nil {
			regions = wordRegions(tag)
		}
		if regions[w.region] {
			ps.Add(false, t.File, t.LineOf(f), nil, fmt.Sprintf("%s: %s is %s usage; %s writes %s",
				name, w.word, regionNames[w.usage.String()], regionNames[w.region.String()], w.preferred))
		}
	}
}

// wordRegions returns the regions whose words a Chinese locale writes: its
// own, explicit or likely, and those of its CLDR parent locales, through
// which zh-MO writes as zh-Hant-HK does.
func wordRegions(tag language.Tag) map[language.Region]bool {
	region, _ := tag.Region()
	regions := map[language.Region]bool{region: true}
	p, _ := language.Compose(load.ZhBase, load.WrittenScript(tag), region)
	for p = p.Parent(); !p.IsRoot(); p = p.Parent() {
		if _, _, r := p.Raw(); r != (language.Region{}) {
			regions[r] = true
		}
	}
	return regions
}
