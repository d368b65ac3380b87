package catalogue

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestStatusPages asks for what the catalogue does not have: the answer
// is a page in the catalogue's layout and the reader's language, with a
// heading, the reason and a way back, or for the API a problem.
func TestStatusPages(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name    string
		method  string
		target  string
		accept  string
		status  int
		says    string // in the page, unescaped
		allow   bool   // an Allow header
		problem bool   // application/problem+json
	}{
		{"no such page", "GET", "/nope", "en", http.StatusNotFound, "Page not found", false, false},
		{"no such page, in Chinese", "GET", "/nope/deeper?lang=zh-TW", "en", http.StatusNotFound, "找不到頁面", false, false},
		{"no such page, by Accept-Language", "GET", "/nope", "zh-CN", http.StatusNotFound, "找不到页面", false, false},
		{"no such asset", "GET", "/static/nope.css", "en", http.StatusNotFound, "Page not found", false, false},
		{"an unclean path", "GET", "/codes/../api/codes", "en", http.StatusNotFound, "Page not found", false, false},
		{"not a code", "GET", "/codes/abc", "en", http.StatusBadRequest, "a code is an integer", false, false},
		{"out of range", "GET", "/codes/99999999999999999999", "en", http.StatusBadRequest, "out of range", false, false},
		{"out of range, in Chinese", "GET", "/codes/-99999999999999999999?lang=zh-CN", "", http.StatusBadRequest, "超出范围", false, false},
		{"POST to the list", "POST", "/", "en", http.StatusMethodNotAllowed, "Method not allowed", true, false},
		{"PUT to a code's page", "PUT", "/codes/655?lang=zh-CN", "", http.StatusMethodNotAllowed, "不允许的请求方法", true, false},
		{"DELETE an asset", "DELETE", "/static/style.css", "en", http.StatusMethodNotAllowed, "Method not allowed", true, false},
		{"POST to the API", "POST", "/api/codes", "en", http.StatusMethodNotAllowed, "read-only", true, true},
		{"no such API", "GET", "/api/nope", "en", http.StatusNotFound, "no such resource", false, true},
		{"the API, out of range", "GET", "/api/codes/99999999999999999999", "en", http.StatusBadRequest, "out of range", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			req.Header.Set("Accept-Language", tt.accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Get("Allow"); tt.allow != (got == "GET, HEAD") {
				t.Errorf("Allow %q", got)
			}
			page := html.UnescapeString(rec.Body.String())
			if !strings.Contains(page, tt.says) {
				t.Errorf("the answer does not say %q:\n%.2000s", tt.says, page)
			}
			ct := rec.Header().Get("Content-Type")
			if tt.problem {
				if ct != "application/problem+json" {
					t.Errorf("Content-Type %q", ct)
				}
				return
			}
			if ct != htmlType {
				t.Errorf("Content-Type %q", ct)
			}
			if n := strings.Count(page, "<h1"); n != 1 {
				t.Errorf("%d <h1>", n)
			}
			for _, want := range []string{`<nav class="langs"`, `<form class="search"`, `class="crumbs"><a href="`} {
				if !strings.Contains(page, want) {
					t.Errorf("the page lacks %s: not the catalogue's layout, or no way back", want)
				}
			}
		})
	}
}

// TestHEAD answers HEAD as GET, without a body.
func TestHEAD(t *testing.T) {
	h := New(huiyan.Default())
	for _, target := range []string{"/", "/codes/655", "/api/codes", "/static/style.css"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("HEAD", target, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("HEAD %s: status %d", target, rec.Code)
		}
	}
}

// TestCodeRedirect sends codes as huiyan lookup takes them but does not
// print them: each is redirected, relative to its own URL, to the page
// of the code.
func TestCodeRedirect(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/ops/huiyan/", http.StripPrefix("/ops/huiyan", New(huiyan.Default())))
	tests := []struct {
		name, path, want string
	}{
		{"a leading zero", "/ops/huiyan/codes/0655", "/ops/huiyan/codes/655"},
		{"a plus sign", "/ops/huiyan/codes/+655", "/ops/huiyan/codes/655"},
		{"a negative code", "/ops/huiyan/codes/-05", "/ops/huiyan/codes/-5"},
		{"minus zero", "/ops/huiyan/codes/-0", "/ops/huiyan/codes/0"},
		{"the language kept as its locale", "/ops/huiyan/codes/0655?lang=en&q=x", "/ops/huiyan/codes/655?lang=en-US"},
		{"side by side kept", "/ops/huiyan/codes/+1?lang=all&ui=zh_TW", "/ops/huiyan/codes/1?lang=all&ui=zh-TW"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, mux, tt.path)
			if res.StatusCode != http.StatusMovedPermanently {
				t.Fatalf("status %d", res.StatusCode)
			}
			loc := res.Header.Get("Location")
			if strings.HasPrefix(loc, "/") || strings.Contains(loc, "://") {
				t.Errorf("Location %q is not relative", loc)
			}
			base, _ := url.Parse("http://example.com" + tt.path)
			ref, err := url.Parse(loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := base.ResolveReference(ref).RequestURI(); got != tt.want {
				t.Errorf("Location %q leads to %s, want %s", loc, got, tt.want)
			}
		})
	}
}

// TestUnknownCategory asks for a category that is none: the page says
// so, names what was asked (cut), and shows every code.
func TestUnknownCategory(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name, cat, says string
	}{
		{"upper case", "LIVENESS", "“LIVENESS” is not a category"},
		{"markup", "<b>x</b>", "“<b>x</b>” is not a category"},
		{"huge", strings.Repeat("z", 100_000), "“" + strings.Repeat("z", maxBadCat) + "…” is not a category"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, h, "/?lang=en-US&cat="+url.QueryEscape(tt.cat)))
			if strings.Contains(page, "<b>x") {
				t.Error("the page has raw markup")
			}
			if !strings.Contains(html.UnescapeString(page), tt.says) {
				t.Errorf("the page does not say %q", tt.says)
			}
			if got := len(cards(page)); got != len(messages.All()) {
				t.Errorf("%d cards, want every code", got)
			}
		})
	}
}

// TestSideBySideKeepsLanguage follows the side-by-side link of a page in
// Traditional Chinese, from a browser that asks for English: the page's
// own words stay Traditional Chinese.
func TestSideBySideKeepsLanguage(t *testing.T) {
	h := New(huiyan.Default())
	page := body(t, get(t, h, "/?lang=zh-TW&cat=sms", "Accept-Language", "en"))
	m := regexp.MustCompile(`<a href="(\?lang=all[^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no side-by-side link")
	}
	side := body(t, get(t, h, "/"+html.UnescapeString(m[1]), "Accept-Language", "en"))
	for _, want := range []string{`<html lang="zh-TW">`, traditional.SideBySide, traditional.Search, traditional.User} {
		if !strings.Contains(side, want) {
			t.Errorf("side by side from zh-TW lacks %q", want)
		}
	}
	if strings.Contains(side, english.Search+"</button>") {
		t.Error("side by side from zh-TW speaks English")
	}
	if got, want := cards(side), codesOf(messages.SMS); !slices.Equal(got, want) {
		t.Errorf("cards %v, want %v", got, want)
	}
	if n := strings.Count(side, `<h2 class="title name">`); n != len(codesOf(messages.SMS)) {
		t.Errorf("%d card headings for %d cards", n, len(codesOf(messages.SMS)))
	}
}
