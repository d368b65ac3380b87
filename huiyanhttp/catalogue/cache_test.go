package catalogue

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

// TestPagesKeptUntilReload serves pages of a watched directory: a page
// is rendered once and served from memory, with the same ETag, until a
// reload brings a new catalogue, or a fault that the page must show.
func TestPagesKeptUntilReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "en-US.toml")
	write := func(content string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("[655]\nuser = \"First text.\"\n")
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := New(w)
	kept := func() int { return h.(*handler).snapshot().pages.order.Len() }

	first := get(t, h, "/?lang=en")
	etag := first.Header.Get("ETag")
	if !strings.Contains(body(t, first), "First text.") || etag == "" {
		t.Fatal("the first page lacks the text or an ETag")
	}
	for _, target := range []string{"/?lang=en", "/?lang=en-US", "/?lang=en-GB", "/?lang=en&q=", "/?lang=en&q=+"} {
		res := get(t, h, target)
		if got := res.Header.Get("ETag"); got != etag {
			t.Errorf("%s: ETag %s, want the kept page's %s", target, got, etag)
		}
	}
	if n := kept(); n != 1 {
		t.Errorf("%d pages kept for one page asked in five ways", n)
	}
	if res := get(t, h, "/?lang=en", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match of the kept page: status %d", res.StatusCode)
	}

	write("[655]\nuser = \"Second text.\"\n")
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	second := get(t, h, "/?lang=en", "If-None-Match", etag)
	if second.StatusCode != http.StatusOK || !strings.Contains(body(t, second), "Second text.") {
		t.Fatalf("after the reload: status %d, or the old text", second.StatusCode)
	}
	if n := kept(); n != 1 {
		t.Errorf("after the reload, %d pages kept, want the new one", n)
	}

	write("[655]\nuser = \"Second text.\"\nusr = \"typo\"\n")
	if w.Reload() == nil {
		t.Fatal("the reload took a broken file")
	}
	if page := body(t, get(t, h, "/?lang=en")); !strings.Contains(page, `class="fault"`) || !strings.Contains(page, "Second text.") {
		t.Error("under a fault, the kept page shows no banner, or not the previous text")
	}
}

// TestPageCacheBounded keeps more pages than it may: the least recently
// served go, and the bytes kept stay under the bound.
func TestPageCacheBounded(t *testing.T) {
	c := newPageCache()
	big := page{entity: entity{body: make([]byte, maxPageBytes/8)}}
	for i := range 20 {
		c.put(pageKey{code: i}, big)
	}
	if c.bytes > maxPageBytes || c.order.Len() != 8 {
		t.Errorf("%d bytes in %d pages, bound %d", c.bytes, c.order.Len(), maxPageBytes)
	}
	if _, ok := c.get(pageKey{code: 0}); ok {
		t.Error("the oldest page is still kept")
	}
	if _, ok := c.get(pageKey{code: 19}); !ok {
		t.Error("the newest page is not kept")
	}
	small := page{entity: entity{body: []byte("x")}}
	for i := range 3 * maxPages {
		c.put(pageKey{text: strconv.Itoa(i)}, small)
	}
	if c.order.Len() > maxPages || len(c.pages) != c.order.Len() {
		t.Errorf("%d pages, %d keys, bound %d", c.order.Len(), len(c.pages), maxPages)
	}
	if c.put(pageKey{code: -1}, page{entity: entity{body: make([]byte, maxPageBytes)}}); len(c.pages) > maxPages {
		t.Error("a page over the bound was kept")
	}
	if _, ok := c.get(pageKey{code: -1}); ok {
		t.Error("a page larger than a quarter of the bound was kept")
	}
	c.put(pageKey{code: -2}, page{entity: entity{body: make([]byte, maxPageBytes/4)}})
	if _, ok := c.get(pageKey{code: -2}); !ok {
		t.Error("a page of a quarter of the bound was not kept")
	}
}
