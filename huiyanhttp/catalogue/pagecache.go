package catalogue

import (
	"container/list"
	"sync"
)

// Bounds of the rendered pages kept per catalogue, as held in memory: the
// least recently served go first. The list in one language is about
// 70 KB, side by side about 190 KB, and a fifth of that again in gzip;
// the keys are normalized, so ordinary use needs a few dozen.
const (
	maxPages     = 256
	maxPageBytes = 24 << 20
)

// pageKey names a rendered page by what it depends on, every field
// normalized and bounded (see query): no two requests that show the same
// page differ in it, beyond the search text's spelling.
type pageKey struct {
	code      int // the code of a code's page
	one       bool
	table     string // the table shown, whose codes a search lists first
	locale    string
	langGiven bool
	all       bool
	text      string
	cat       int // -1 for none
	badCat    string
	compact   bool
	window    string // with counts: their window and order, and when
	byCount   bool   // they were asked or failed (see counted.keyed)
	countsAt  int64
	countsErr bool
	stale     bool
}

// pageCache keeps rendered pages, least recently served first out.
type pageCache struct {
	mu    sync.Mutex
	bytes int
	order *list.List // of *cachedPage, most recently served in front
	pages map[pageKey]*list.Element
}

type cachedPage struct {
	key  pageKey
	page page
}

// page is a rendered page: its body and ETag, and its Content-Language.
type page struct {
	entity
	contentLanguage string
}

func newPageCache() *pageCache {
	return &pageCache{order: list.New(), pages: make(map[pageKey]*list.Element)}
}

// get returns the page of k, if kept.
func (c *pageCache) get(k pageKey) (page, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[k]
	if !ok {
		return page{}, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedPage).page, true
}

// size returns what keeping p as the page of k holds: the capacity of
// its bodies, not their length, and its key.
func (p page) size(k pageKey) int {
	return p.held() + len(k.text) + len(k.badCat)
}

// put keeps p as the page of k, making room for it.
func (c *pageCache) put(k pageKey, p page) {
	size := p.size(k)
	if size > maxPageBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pages[k]; ok {
		return
	}
	for c.order.Len() >= maxPages || c.bytes+size > maxPageBytes {
		old := c.order.Remove(c.order.Back()).(*cachedPage)
		delete(c.pages, old.key)
		c.bytes -= old.page.size(old.key)
	}
	c.pages[k] = c.order.PushFront(&cachedPage{key: k, page: p})
	c.bytes += size
}
