package catalogue

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

var (
	selectedCat  = regexp.MustCompile(`<option value="([^"]*)" selected>`)
	currentLang  = regexp.MustCompile(`<a href="[^"]*" (?:hreflang="([^"]*)")? aria-current="page">([^<]*)</a>`)
	languageNav  = regexp.MustCompile(`(?s)<nav class="langs".*?</nav>`)
	categoryForm = regexp.MustCompile(`(?s)<select name="cat".*?</select>`)
)

// TestPageSelected reads what the page marks as chosen: the category in
// the filter, the language in the switch, and the Content-Language.
func TestPageSelected(t *testing.T) {
	h := New(huiyan.Default())
	locales := strings.Join(huiyan.Default().Locales(), ", ")
	tests := []struct {
		name, target    string
		cat             string // the selected option's value
		lang            string // the current language's hreflang, or its label side by side
		contentLanguage string
	}{
		{"no filter", "/?lang=en-US", "", "en-US", "en-US"},
		{"a category", "/?lang=en-US&cat=sms", "sms", "en-US", "en-US"},
		{"another category", "/?lang=zh-CN&cat=liveness", "liveness", "zh-CN", "zh-CN"},
		{"an unknown category", "/?lang=en-US&cat=nope", "", "en-US", "en-US"},
		{"a code's page", "/codes/655?lang=zh-TW", "", "zh-TW", "zh-TW"},
		{"side by side", "/?lang=all&ui=en-US&cat=sms", "sms", english.SideBySide, locales},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target)
			page := body(t, res)
			var cats []string
			for _, m := range selectedCat.FindAllStringSubmatch(categoryForm.FindString(page), -1) {
				cats = append(cats, m[1])
			}
			if !slices.Equal(cats, []string{tt.cat}) {
				t.Errorf("selected categories %q, want %q", cats, tt.cat)
			}
			var langs []string
			for _, m := range currentLang.FindAllStringSubmatch(languageNav.FindString(page), -1) {
				if m[1] != "" {
					langs = append(langs, m[1])
				} else {
					langs = append(langs, m[2])
				}
			}
			if !slices.Equal(langs, []string{tt.lang}) {
				t.Errorf("current languages %q, want %q", langs, tt.lang)
			}
			if got := res.Header.Get("Content-Language"); got != tt.contentLanguage {
				t.Errorf("Content-Language %q, want %q", got, tt.contentLanguage)
			}
		})
	}
}

// TestCategoryBadge reads a card's category in the page's language, the
// first category and the last included.
func TestCategoryBadge(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name, target, want string
	}{
		{"General in English", "/codes/0?lang=en-US", `<a class="badge cat-general" href="../?lang=en-US&amp;cat=general">General</a>`},
		{"General in Chinese", "/codes/0?lang=zh-CN", `<a class="badge cat-general" href="../?lang=zh-CN&amp;cat=general">通用</a>`},
		{"SMS in Chinese", "/codes/302?lang=zh-CN", `>短信验证</a>`},
		{"WeChat in English", "/codes/901?lang=en-US", `>` + english.tables["huiyan"].categories[messages.WeChatRealName] + `</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if page := body(t, get(t, h, tt.target)); !strings.Contains(page, tt.want) {
				t.Errorf("the page lacks %s", tt.want)
			}
		})
	}
}
