package catalogue

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

var cardID = regexp.MustCompile(`<article class="card[^"]*" id="(-?\d+)"`)

// cards returns the codes of the cards of a page, in order.
func cards(page string) []int {
	var out []int
	for _, m := range cardID.FindAllStringSubmatch(page, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	return out
}

func ints(codes []messages.Code) []int {
	out := make([]int, len(codes))
	for i, c := range codes {
		out[i] = int(c)
	}
	return out
}

func codesOf(cat messages.Category) []int {
	var out []int
	for _, c := range messages.All() {
		if c.Category() == cat {
			out = append(out, int(c))
		}
	}
	return out
}

func TestPageSearchAndFilter(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	all := ints(messages.All())
	zhTitle := b.Localize(messages.LightTooDim, "zh-CN").Title
	enWords := strings.Fields(b.Localize(messages.LightTooDim, "en-US").Title)
	tests := []struct {
		name   string
		query  url.Values
		want   []int // nil: check contains only
		has    []int
		status int
	}{
		{"everything", url.Values{}, all, nil, 200},
		{"a code", url.Values{"q": {"655"}}, nil, []int{655}, 200},
		{"a code with #", url.Values{"q": {"#655"}}, nil, []int{655}, 200},
		{"a name, any case", url.Values{"q": {"facetooclose"}}, []int{655}, nil, 200},
		{"words of a title", url.Values{"q": {strings.Join(enWords, " ")}, "lang": {"en-US"}}, nil, []int{659}, 200},
		{"Chinese words while reading English", url.Values{"q": {zhTitle}, "lang": {"en-US"}}, nil, []int{659}, 200},
		{"English words while reading Chinese", url.Values{"q": {strings.ToUpper(enWords[0])}, "lang": {"zh-CN"}}, nil, []int{659}, 200},
		{"a category", url.Values{"cat": {"sms"}}, codesOf(messages.SMS), nil, 200},
		{"a category and a search", url.Values{"cat": {"general"}, "q": {"655"}}, []int{}, nil, 200},
		{"an unknown category is said, and no filter", url.Values{"cat": {"nope"}}, all, nil, 200},
		{"an unknown code shows its category's texts", url.Values{"q": {"699"}}, []int{699}, nil, 200},
		{"an unknown code outside the filter", url.Values{"q": {"699"}, "cat": {"sms"}}, []int{}, nil, 200},
		{"nothing matches", url.Values{"q": {"zzzzqqqq"}}, []int{}, nil, 200},
		{"side by side", url.Values{"lang": {"all"}, "cat": {"sms"}}, codesOf(messages.SMS), nil, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, "/?"+tt.query.Encode())
			if res.StatusCode != tt.status {
				t.Fatalf("status %d", res.StatusCode)
			}
			got := cards(body(t, res))
			if tt.want != nil && !slices.Equal(got, tt.want) {
				t.Errorf("cards %v, want %v", got, tt.want)
			}
			for _, c := range tt.has {
				if !slices.Contains(got, c) {
					t.Errorf("cards %v lack %d", got, c)
				}
			}
		})
	}
}

func TestPageTexts(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	tests := []struct {
		name   string
		target string
		header []string
		lang   string // <html lang>
		texts  []huiyan.Message
	}{
		{"English by parameter", "/?lang=en-US", nil, "en-US", []huiyan.Message{b.Localize(655, "en-US"), b.Localize(604, "en-US")}},
		{"Chinese by Accept-Language", "/", []string{"Accept-Language", "zh-CN,zh;q=0.9"}, "zh-CN", []huiyan.Message{b.Localize(655, "zh-CN")}},
		{"WeChat value", "/?lang=zh_CN", nil, "zh-CN", []huiyan.Message{b.Localize(655, "zh_CN")}},
		{"a code's page", "/codes/604?lang=en", nil, "en-US", []huiyan.Message{b.Localize(604, "en")}},
		{"an unknown code's page", "/codes/699?lang=en", nil, "en-US", []huiyan.Message{b.Localize(699, "en")}},
		{"side by side", "/?lang=all", []string{"Accept-Language", "en"}, "en-US", []huiyan.Message{b.Localize(655, "zh-CN"), b.Localize(655, "en-US")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target, tt.header...)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			page := html.UnescapeString(body(t, res))
			if want := `<html lang="` + tt.lang + `">`; !strings.Contains(page, want) {
				t.Errorf("page lacks %s", want)
			}
			for _, m := range tt.texts {
				for _, s := range []string{m.User, m.Title, m.Detail, m.Remedy} {
					if !strings.Contains(page, s) {
						t.Errorf("page lacks the text %q of %d", s, m.Code)
					}
				}
			}
		})
	}
}

func TestPageErrors(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name   string
		target string
		status int
	}{
		{"not a code", "/codes/abc", http.StatusBadRequest},
		{"markup for a code", "/codes/%3Cb%3E", http.StatusBadRequest},
		{"no such page", "/nope", http.StatusNotFound},
		{"dot segment", "/./", http.StatusNotFound},
		{"dot-dot segment", "/codes/../api/codes", http.StatusNotFound},
		{"empty segment", "//api/codes", http.StatusNotFound},
		{"empty segments only", "//", http.StatusNotFound},
		{"no such asset", "/static/nope.css", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target)
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d", res.StatusCode, tt.status)
			}
			if b := body(t, res); strings.Contains(b, "<b>") || strings.Contains(b, "abc") {
				t.Errorf("the page echoes the request:\n%s", b)
			}
		})
	}
}

// TestEscaping puts markup in the search box and in a deployment's
// texts: the page shows it as text.
func TestEscaping(t *testing.T) {
	const (
		script = `<script>alert(1)</script>`
		img    = `"><img src=x onerror=alert(1)>`
	)
	override := fstest.MapFS{"en-US.toml": {Data: []byte("[655]\nuser = '" + script + "'\ntitle = '" + img + "'\n")}}
	b, err := huiyan.NewBundle(locales.FS, override)
	if err != nil {
		t.Fatal(err)
	}
	h := New(b)
	tests := []struct {
		name   string
		target string
		shown  []string // as text, once unescaped
	}{
		{"texts on the list", "/?lang=en-US", []string{script, img}},
		{"texts on the code's page", "/codes/655?lang=en-US", []string{script, img}},
		{"texts side by side", "/?lang=all", []string{script, img}},
		{"script in the search box", "/?lang=en-US&q=" + url.QueryEscape(script), []string{script}},
		{"attribute breaker in the search box", "/?lang=en-US&q=" + url.QueryEscape(img), []string{img}},
		{"markup as lang", "/?lang=" + url.QueryEscape(img), nil},
		{"markup as category", "/?cat=" + url.QueryEscape(img), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, h, tt.target))
			for _, raw := range []string{"<script", "<img src=x"} {
				if strings.Contains(page, raw) {
					t.Errorf("page has raw %q", raw)
				}
			}
			text := html.UnescapeString(page)
			for _, s := range tt.shown {
				if !strings.Contains(text, s) {
					t.Errorf("page does not show %q", s)
				}
			}
		})
	}
}

var linkAttr = regexp.MustCompile(`(?:href|src|action)="([^"]*)"`)

// TestLinksUnderPrefix follows every link of the pages mounted under a
// prefix, as a service mounts them.
func TestLinksUnderPrefix(t *testing.T) {
	tests := []struct {
		name  string
		mount func(http.Handler) http.Handler
	}{
		{"root", func(h http.Handler) http.Handler { return h }},
		{"StripPrefix without slash", func(h http.Handler) http.Handler {
			mux := http.NewServeMux()
			mux.Handle("/ops/huiyan/", http.StripPrefix("/ops/huiyan", h))
			return mux
		}},
		{"StripPrefix with slash", func(h http.Handler) http.Handler {
			mux := http.NewServeMux()
			mux.Handle("/ops/huiyan/", http.StripPrefix("/ops/huiyan/", h))
			return mux
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := tt.mount(New(huiyan.Default()))
			base := "/ops/huiyan/"
			if tt.name == "root" {
				base = "/"
			}
			pages := []struct {
				path   string
				status int
			}{
				{"?q=face&lang=en-US", http.StatusOK},
				{"codes/655?lang=all&ui=zh-TW", http.StatusOK},
				{"codes/699", http.StatusOK},
				{"codes/a%2Fb%2Fc?lang=zh-CN", http.StatusBadRequest},
				{"codes/%2F..%2F..%2Fx", http.StatusNotFound},
				{"codes/99999999999999999999", http.StatusBadRequest},
				{"nope/deeper/still", http.StatusNotFound},
				{"static/a%2Fb", http.StatusNotFound},
			}
			for _, p := range pages {
				page := p.path
				pageURL, _ := url.Parse("http://example.com" + base + page)
				res := get(t, srv, pageURL.RequestURI())
				if res.StatusCode != p.status {
					t.Fatalf("%s: status %d, want %d", pageURL, res.StatusCode, p.status)
				}
				links := linkAttr.FindAllStringSubmatch(body(t, res), -1)
				if len(links) < 10 {
					t.Fatalf("%s: %d links", pageURL, len(links))
				}
				for _, l := range links {
					ref, err := url.Parse(html.UnescapeString(l[1]))
					if err != nil {
						t.Fatalf("%s: link %q: %v", pageURL, l[1], err)
					}
					u := pageURL.ResolveReference(ref)
					if !strings.HasPrefix(u.Path, base) {
						t.Errorf("%s: link %q leaves the mount point: %s", pageURL, l[1], u.Path)
						continue
					}
					want := http.StatusOK
					if u.EscapedPath() == pageURL.EscapedPath() {
						want = p.status // the same page, in another language
					}
					if res := get(t, srv, u.RequestURI()); res.StatusCode != want {
						t.Errorf("%s: link %q: status %d", pageURL, l[1], res.StatusCode)
					}
				}
			}
		})
	}
}

func TestMountPointRedirect(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/huiyan", http.StripPrefix("/huiyan", New(huiyan.Default())))
	res := get(t, mux, "/huiyan?lang=en")
	if res.StatusCode != http.StatusMovedPermanently {
		t.Fatalf("status %d", res.StatusCode)
	}
	if got, want := res.Header.Get("Location"), "./huiyan/?lang=en"; got != want {
		t.Errorf("Location %q, want %q", got, want)
	}
}

// TestFaultBanner breaks a watched file: the page names the file and the
// line, and the previous texts keep serving.
func TestFaultBanner(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "en-US.toml")
	if err := os.WriteFile(file, []byte("[655]\nuser = \"Step back.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := New(w)
	if page := body(t, get(t, h, "/?lang=en")); strings.Contains(page, `class="fault"`) {
		t.Fatal("a banner without a fault")
	}
	if err := os.WriteFile(file, []byte("[655]\nuser = \"Step back.\"\nusr = \"<b>typo</b>\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if w.Reload() == nil {
		t.Fatal("Reload took a broken file")
	}
	tests := []struct {
		name   string
		target string
	}{
		{"list", "/?lang=en"},
		{"code", "/codes/655?lang=en"},
		{"side by side", "/?lang=all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, h, tt.target))
			if !strings.Contains(page, `class="fault"`) {
				t.Fatal("no banner")
			}
			if !strings.Contains(page, "<code>"+html.EscapeString(file)+":3</code>") {
				t.Errorf("the banner does not name %s:3", file)
			}
			if strings.Contains(page, "<b>typo") {
				t.Error("the banner has raw markup from the file")
			}
			if !strings.Contains(page, "Step back.") {
				t.Error("the previous text does not serve")
			}
		})
	}
}

// TestPageCount reads the line that counts the codes: all of them on the
// list, how many match when a search or a filter is active.
func TestPageCount(t *testing.T) {
	h := New(huiyan.Default())
	total := len(messages.All())
	sms := len(codesOf(messages.SMS))
	tests := []struct {
		name, target, want string
	}{
		{"the list", "/?lang=en-US", fmt.Sprintf(english.Count, total)},
		{"an unknown category filters nothing", "/?lang=en-US&cat=nope", fmt.Sprintf(english.Count, total)},
		{"a category", "/?lang=en-US&cat=sms", fmt.Sprintf(english.Matches, sms, total)},
		{"a search, in every table", "/?lang=en-US&q=zzzzqqqq", fmt.Sprintf(english.MatchesIn, "Huiyan error codes", 0, total) + " · " + fmt.Sprintf(english.MatchesIn, "FaceID result codes", 0, len(faceid.All()))},
		{"a search in a category, of one table", "/?lang=en-US&q=zzzzqqqq&cat=sms", fmt.Sprintf(english.Matches, 0, total)},
		{"the FaceID table", "/?lang=en-US&table=faceid", fmt.Sprintf(english.Count, len(faceid.All()))},
		{"in Chinese", "/?lang=zh-CN&cat=sms", fmt.Sprintf(simplified.Matches, sms, total)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if page := body(t, get(t, h, tt.target)); !strings.Contains(page, ">"+tt.want+"<") {
				t.Errorf("the page does not say %q", tt.want)
			}
		})
	}
}
