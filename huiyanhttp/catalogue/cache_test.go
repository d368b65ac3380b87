package catalogue

import (
	"net/http"
	"os"
	"path/filepath"
	"runtime"
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

// bigPages fills h's page cache with side-by-side lists, the largest
// pages, each under a search of its own.
func bigPages(h http.Handler, n int) {
	for i := range n {
		serve(h, "GET", "/?lang=all&ui=en-US&q=e"+strings.Repeat("+e", i), "Accept-Encoding", "gzip")
	}
}

// TestPageCacheHoldsWhatItCounts fills the cache past its bound with the
// largest pages: every kept body's capacity is its length, so that what
// the cache counts is what it holds, and that stays within the bound.
func TestPageCacheHoldsWhatItCounts(t *testing.T) {
	h := New(huiyan.Default())
	bigPages(h, 200)
	c := h.(*handler).snapshot().pages
	c.mu.Lock()
	defer c.mu.Unlock()
	held, bodies := 0, 0
	for e := c.order.Front(); e != nil; e = e.Next() {
		p := e.Value.(*cachedPage)
		if cap(p.page.body) != len(p.page.body) || cap(p.page.gz) != len(p.page.gz) {
			t.Fatalf("a page of %d bytes holds %d, its gzip of %d holds %d", len(p.page.body), cap(p.page.body), len(p.page.gz), cap(p.page.gz))
		}
		if p.page.gz == nil {
			t.Fatal("a kept page has no gzip")
		}
		held += cap(p.page.body) + cap(p.page.gz) + len(p.key.text) + len(p.key.badCat)
		bodies += len(p.page.body)
	}
	if held != c.bytes {
		t.Errorf("the cache counts %d bytes, its pages hold %d", c.bytes, held)
	}
	if held > maxPageBytes {
		t.Errorf("the cache holds %d bytes, over its bound of %d", held, maxPageBytes)
	}
	if held < maxPageBytes*3/4 {
		t.Errorf("the cache holds %d bytes of %d pages; 200 pages of %d bytes should fill it", held, c.order.Len(), bodies/max(c.order.Len(), 1))
	}
	t.Logf("%d pages kept, holding %d bytes (bound %d)", c.order.Len(), held, maxPageBytes)
}

// TestPageCacheHeap measures the live heap that a full cache of the
// largest pages holds: what the page cache counts, within its bound,
// and little more.
func TestPageCacheHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("fills the cache with 24 MB of pages")
	}
	live := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	h := New(huiyan.Default())
	serve(h, "GET", "/?lang=all&ui=en-US&q=x") // what the pages share: the snapshot, the search texts
	before := live()
	bigPages(h, 200)
	grown := int64(live()) - int64(before)
	runtime.KeepAlive(h)
	t.Logf("the live heap grew by %.1f MB for a cache bound of %.1f MB", float64(grown)/(1<<20), float64(maxPageBytes)/(1<<20))
	if grown > maxPageBytes*5/4 {
		t.Errorf("the live heap grew by %d bytes, a quarter over the cache's bound of %d", grown, maxPageBytes)
	}
}
