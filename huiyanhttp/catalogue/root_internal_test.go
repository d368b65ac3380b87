package catalogue

import (
	"regexp"
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
