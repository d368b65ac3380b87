package catalogue

import (
	"regexp"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

var styleHref = regexp.MustCompile(`<link rel="stylesheet" href="([^"]*)static/style\.css`)

// TestRootOfDotSegments asks for paths with escaped dot segments, which
// a browser resolves as RFC 3986 does: the links of the page that
// answers lead back to the mount point.
func TestRootOfDotSegments(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name, target, root string
	}{
		{"the list", "/", "./"},
		{"a code", "/codes/655", "../"},
		{"an escaped dot-dot", "/a/%2e%2e/b", "./"},
		{"an escaped dot-dot, capitals", "/a/b/%2E%2E/c", "../"},
		{"dot-dot, half escaped", "/a/b/.%2e/c", "../"},
		{"dot-dot above the root", "/%2e%2e/%2e%2e/a/b", "../"},
		{"an escaped dot", "/a/%2e/b", "../"},
		{"an empty segment", "/a//b", "../../"},
		{"a missing page", "/nope/x", "../"},
		{"a missing page maxDepth deep", "/1/2/3/4/5/6/7/8/x", strings.Repeat("../", maxDepth)},
		{"a missing page deeper", "/1/2/3/4/5/6/7/8/9/x", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, page := getPage(t, h, tt.target)
			m := styleHref.FindStringSubmatch(page)
			if m == nil {
				t.Fatal("no style sheet")
			}
			if m[1] != tt.root {
				t.Errorf("the links start %q, want %q", m[1], tt.root)
			}
		})
	}
}

var (
	brandHref = regexp.MustCompile(`class="brand"><a href="([^"]*)"`)
	badgeHref = regexp.MustCompile(`<a class="badge cat-liveness" href="([^"]*)"`)
)

// TestListLinks follows a page's way back to the list, and a card's
// category badge: the list unfiltered, and the list of the category, in
// the page's language.
func TestListLinks(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name, target, home, badge string
	}{
		{"a code's page", "/codes/655?lang=en-US", "../?lang=en-US", "../?lang=en-US&amp;cat=liveness"},
		{"a code's page, language from the browser", "/codes/655", "../", "../?cat=liveness"},
		{"the list filtered", "/?lang=zh-CN&cat=liveness", "./?lang=zh-CN", "./?lang=zh-CN&amp;cat=liveness"},
		{"the list, language from the browser", "/?q=655", "./", "./?cat=liveness"},
		{"side by side", "/codes/655?lang=all&ui=en-US", "../?lang=all&amp;ui=en-US", "../?lang=all&amp;ui=en-US&amp;cat=liveness"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, page := getPage(t, h, tt.target, "Accept-Language", "en-US")
			if m := brandHref.FindStringSubmatch(page); m == nil || m[1] != tt.home {
				t.Errorf("the way back to the list %q, want %q", m, tt.home)
			}
			if m := badgeHref.FindStringSubmatch(page); m == nil || m[1] != tt.badge {
				t.Errorf("the category's link %q, want %q", m, tt.badge)
			}
		})
	}
}
