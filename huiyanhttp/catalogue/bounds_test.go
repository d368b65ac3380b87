package catalogue

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

// slack is how much larger than the page of ordinary parameters the page
// of hostile ones may be: the search box and the language links hold the
// search text, cut.
const slack = 6 << 10

// TestBoundedParameters sends parameters of 100 KB: the page is within a
// few KB of the page of ordinary ones, and no link repeats a value that
// no locale serves.
func TestBoundedParameters(t *testing.T) {
	h := New(huiyan.Default())
	huge := strings.Repeat("x", 100_000)
	tests := []struct {
		name, hostile, ordinary string
		slack                   int
	}{
		{"lang", "lang=" + huge, "lang=zh-CN", 0},
		{"lang of markup", "lang=" + url.QueryEscape(strings.Repeat(`"><b>`, 20_000)), "lang=zh-CN", 0},
		{"lang that is a header", "lang=" + url.QueryEscape("en;q=0.9,"+strings.Repeat("x-", 50_000)), "lang=en-US", 0},
		{"q", "lang=en-US&q=" + huge, "lang=en-US&q=" + strings.Repeat("x", 10), slack},
		{"q of escaped Chinese", "lang=en-US&q=" + url.QueryEscape(strings.Repeat("面", 35_000)), "lang=en-US&q=" + url.QueryEscape("面"), 2 * slack},
		{"q of many words", "lang=en-US&q=" + strings.Repeat("a+", 50_000), "lang=en-US&q=a", slack},
		{"cat", "lang=en-US&cat=" + huge, "lang=en-US&cat=nope", 100},
		{"all three", "lang=" + huge + "&q=" + huge + "&cat=" + huge, "lang=zh-CN&q=xxxxxxxxxx&cat=nope", slack},
		{"side by side with a huge ui", "lang=all&ui=" + huge, "lang=all&ui=zh-CN", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hostile := body(t, get(t, h, "/?"+tt.hostile))
			ordinary := body(t, get(t, h, "/?"+tt.ordinary))
			if d := len(hostile) - len(ordinary); d > tt.slack {
				t.Errorf("the page is %d bytes, %d more than the ordinary page's %d", len(hostile), d, len(ordinary))
			}
			if strings.Contains(hostile, strings.Repeat("x", maxQuery+1)) {
				t.Error("the page holds more than 256 bytes of a parameter")
			}
			if strings.Contains(hostile, "lang=x") || strings.Contains(hostile, "<b>") {
				t.Error("a link repeats a lang that no locale serves")
			}
		})
	}
}

// TestConcurrentHugeLang sends eight requests with a 900 KB lang at once:
// each page is the size of an ordinary one, and serving one, once the
// page is kept, allocates a small fraction of the request's size.
func TestConcurrentHugeLang(t *testing.T) {
	h := New(huiyan.Default())
	ordinary := len(body(t, get(t, h, "/?lang=zh-CN")))
	target := "/?lang=" + strings.Repeat("%E9%9D%A2", 100_000) + "&q=" + strings.Repeat("y", 1000)
	var wg sync.WaitGroup
	sizes := make([]int, 8)
	for i := range sizes {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
			sizes[i] = rec.Body.Len()
		})
	}
	wg.Wait()
	for i, n := range sizes {
		if n > ordinary+slack {
			t.Errorf("request %d: the page is %d bytes, the ordinary one %d", i, n, ordinary)
		}
	}

	req := httptest.NewRequest("GET", target, nil)
	h.ServeHTTP(httptest.NewRecorder(), req)
	rec := httptest.NewRecorder()
	rec.Body.Grow(ordinary + slack)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	h.ServeHTTP(rec, req)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("serving a kept page for a %d-byte request allocated %d bytes", len(target), n)
	}
}

func TestParam(t *testing.T) {
	tests := []struct {
		name, raw, key string
		max            int
		want           string
		whole          bool
	}{
		{"absent", "a=1", "q", 8, "", true},
		{"first of two", "q=a&q=b", "q", 8, "a", true},
		{"escaped", "q=a%20b+c", "q", 8, "a b c", true},
		{"cut", "q=abcdefghij", "q", 4, "abcd", false},
		{"cut in an escape", "q=" + strings.Repeat("%41", 10), "q", 4, "AAAA", false},
		{"cut in a rune", "q=%E9%9D%A2%E9%9D%A2", "q", 4, "面", false},
		{"escaped to exactly the bound", "q=" + strings.Repeat("%41", 4), "q", 4, "AAAA", true},
		{"exactly the bound", "q=abcd", "q", 4, "abcd", true},
		{"cut just after a %", "q=%41%41%41AA%41", "q", 4, "AAAA", false},
		{"cut just after %4", "q=AAAAAAAAAA%41", "q", 4, "AAAA", false},
		{"bad escape", "q=%zz", "q", 8, "", false},
		{"not UTF-8", "q=a%FFb", "q", 8, "ab", true},
		{"a key that only starts the same", "qq=1&q=2", "q", 8, "2", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, whole := param(tt.raw, tt.key, tt.max)
			if got != tt.want || whole != tt.whole {
				t.Errorf("param(%q, %q, %d) = %q, %v, want %q, %v", tt.raw, tt.key, tt.max, got, whole, tt.want, tt.whole)
			}
		})
	}
}

func TestAcceptLanguageBounded(t *testing.T) {
	tests := []struct {
		name   string
		fields []string
		want   string
	}{
		{"one field", []string{"zh-CN,zh;q=0.9"}, "zh-CN,zh;q=0.9"},
		{"several fields", []string{"zh-TW", "en;q=0.5"}, "zh-TW,en;q=0.5"},
		{"huge, cut at an entry", []string{"zh-TW," + strings.Repeat("x", 100_000)}, "zh-TW"},
		{"many fields", append([]string{"en"}, slicesRepeat("zh-HK", 1000)...), ""},
		{"exactly the bound", []string{"en," + strings.Repeat("x", maxAccept-3)}, "en," + strings.Repeat("x", maxAccept-3)},
		{"a comma just past the bound", []string{"en", "zh-TW," + strings.Repeat("x", maxAccept-8) + ",fr-FR"}, "en,zh-TW"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			for _, f := range tt.fields {
				req.Header.Add("Accept-Language", f)
			}
			got := acceptLanguage(req)
			if len(got) > maxAccept {
				t.Fatalf("%d bytes", len(got))
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
			if !strings.HasPrefix(got, tt.fields[0]) && !strings.HasPrefix(tt.fields[0], got) {
				t.Errorf("%.40q does not start with the first field", got)
			}
		})
	}
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestDeepPath asks for a path of 50,000 segments, mounted under a
// prefix: the 404 page is the size of a shallow one, and its links stay
// under the prefix.
func TestDeepPath(t *testing.T) {
	tests := []struct {
		name  string
		mount func(http.Handler) http.Handler
		base  string
	}{
		{"root", func(h http.Handler) http.Handler { return h }, "/"},
		{"StripPrefix without slash", func(h http.Handler) http.Handler {
			mux := http.NewServeMux()
			mux.Handle("/ops/huiyan/", http.StripPrefix("/ops/huiyan", h))
			return mux
		}, "/ops/huiyan/"},
		{"StripPrefix with slash", func(h http.Handler) http.Handler {
			mux := http.NewServeMux()
			mux.Handle("/ops/huiyan/", http.StripPrefix("/ops/huiyan/", h))
			return mux
		}, "/ops/huiyan/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := tt.mount(New(huiyan.Default()))
			shallow := get(t, srv, tt.base+"nope")
			deep := get(t, srv, tt.base+strings.Repeat("a/", 50_000)+"nope")
			if shallow.StatusCode != http.StatusNotFound || deep.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d, %d", shallow.StatusCode, deep.StatusCode)
			}
			page, want := body(t, deep), body(t, shallow)
			if len(page) > len(want)+slack {
				t.Errorf("the deep page is %d bytes, the shallow one %d", len(page), len(want))
			}
			if !strings.Contains(page, `href="`+tt.base+`static/style.css`) {
				t.Errorf("the deep page's style sheet is not under %s", tt.base)
			}
		})
	}
}
