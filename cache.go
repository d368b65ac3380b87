package huiyan

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
)

// The language cache maps language values to what serves them. It is
// direct-mapped with a fixed number of slots, so its memory is bounded
// whatever values clients send; a value that loses its slot is resolved
// again. A collision costs one resolution, never a wrong answer: a slot
// holds its key.
const (
	cacheSlots  = 1024 // a power of two
	maxCacheKey = 128  // longer values are resolved every time
)

type langCache struct {
	seed  maphash.Seed // per bundle: values that collide in one process do not in another
	slots [cacheSlots]atomic.Pointer[cacheEntry]
}

type cacheEntry struct {
	key   string
	chain *chain
}

func (c *langCache) init() { c.seed = maphash.MakeSeed() }

func (c *langCache) slot(s string) *atomic.Pointer[cacheEntry] {
	return &c.slots[maphash.String(c.seed, s)&(cacheSlots-1)]
}

func (c *langCache) get(s string) (*chain, bool) {
	if len(s) > maxCacheKey {
		return nil, false
	}
	if e := c.slot(s).Load(); e != nil && e.key == s {
		return e.chain, true
	}
	return nil, false
}

func (c *langCache) put(s string, ch *chain) {
	if len(s) <= maxCacheKey {
		c.slot(s).Store(&cacheEntry{key: strings.Clone(s), chain: ch})
	}
}
