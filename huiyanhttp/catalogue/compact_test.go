package catalogue

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

var rowID = regexp.MustCompile(`<tr id="(-?\d+)"`)

// rows returns the codes of the compact list's rows, in order.
func rows(page string) []int {
	var out []int
	for _, m := range rowID.FindAllStringSubmatch(page, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	return out
}

// TestCompactView reads the compact list: a row per code, with its code
// linking to its page, its name, category and title, and the view kept
// by the page's links and form.
func TestCompactView(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	tests := []struct {
		name, target string
		want         []int
		has          []string
	}{
		{"every code", "/?lang=en-US&view=compact", ints(messages.All()), []string{
			`<td class="c-code"><a href="./codes/655?lang=en-US">655</a></td>`,
			`<td class="c-name name">FaceTooClose</td>`,
			`<td class="c-title" lang="en-US">` + b.Localize(655, "en-US").Title + `</td>`,
			`<input type="hidden" name="view" value="compact">`,
			`href="?lang=zh-CN&amp;view=compact"`,
			`href="./?lang=en-US&amp;cat=liveness&amp;view=compact"`,
			`<a href="?lang=en-US">Full</a>`,
			`aria-current="page">Compact</a>`,
		}},
		{"a category", "/?lang=zh-CN&cat=sms&view=compact", codesOf(messages.SMS), []string{`<th scope="col" class="c-title">错误描述</th>`}},
		{"side by side", "/?lang=all&ui=en-US&view=compact&q=655", []int{655}, []string{
			`<td class="c-title" lang="zh-CN">` + b.Localize(655, "zh-CN").Title + `</td>`,
			`<td class="c-title" lang="en-US">` + b.Localize(655, "en-US").Title + `</td>`,
			`<th scope="col" class="c-title">Title <span class="loc">zh-TW</span></th>`,
		}},
		{"a code not in the catalogue", "/?lang=en-US&view=compact&q=699", []int{699}, []string{`<tr id="699" class="unknown">`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, h, tt.target))
			if got := rows(page); !slices.Equal(got, tt.want) {
				t.Errorf("rows %v, want %v", got, tt.want)
			}
			if n := len(cards(page)); n != 0 {
				t.Errorf("%d cards in the compact view", n)
			}
			for _, s := range tt.has {
				if !strings.Contains(page, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
		})
	}
	// A code's page is its card, whatever the view.
	if page := body(t, get(t, h, "/codes/655?lang=en-US&view=compact")); len(cards(page)) != 1 || len(rows(page)) != 0 {
		t.Error("a code's page is not its card")
	}
	if page := body(t, get(t, h, "/?lang=en-US&view=bogus")); len(rows(page)) != 0 || len(cards(page)) == 0 {
		t.Error("an unknown view is not the full one")
	}
}

// TestSideBySideRows reads a code side by side: a row per field, the
// title first, with a cell per locale in the bundle's order.
func TestSideBySideRows(t *testing.T) {
	b := huiyan.Default()
	code, ok := fullCode(b)
	if !ok {
		t.Skip("no code has every field in every locale")
	}
	page := body(t, get(t, New(b), "/codes/"+strconv.Itoa(int(code))+"?lang=all&ui=en-US"))
	rowClass := regexp.MustCompile(`<tr class="(\w+)"><th scope="row">`)
	var fields []string
	for _, m := range rowClass.FindAllStringSubmatch(page, -1) {
		fields = append(fields, m[1])
	}
	if want := []string{"title", "user", "detail", "remedy"}; !slices.Equal(fields, want) {
		t.Errorf("rows %v, want %v", fields, want)
	}
	var cols []string
	for _, m := range regexp.MustCompile(`<th scope="col">([^<]+)</th>`).FindAllStringSubmatch(page, -1) {
		cols = append(cols, m[1])
	}
	if !slices.Equal(cols, b.Locales()) {
		t.Errorf("columns %v, want %v", cols, b.Locales())
	}
	for _, l := range b.Locales() {
		m := b.Localize(code, l)
		for _, text := range []string{m.Title, m.User, m.Detail, m.Remedy} {
			if !strings.Contains(page, `<td lang="`+l+`"><span class="loc" aria-hidden="true">`+l+`</span><span class="txt">`+text+`</span></td>`) {
				t.Errorf("%s: no cell of %q", l, text)
			}
		}
	}
}

// fullCode returns a code with every field in every locale of b.
func fullCode(b *huiyan.Bundle) (messages.Code, bool) {
codes:
	for _, c := range messages.All() {
		for _, l := range b.Locales() {
			if m := b.Localize(c, l); m.Title == "" || m.User == "" || m.Detail == "" || m.Remedy == "" || m.Lang != l {
				continue codes
			}
		}
		return c, true
	}
	return 0, false
}
