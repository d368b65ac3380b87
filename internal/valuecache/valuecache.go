// Package valuecache remembers what was computed for the values clients
// send, such as language values and headers, in bounded memory.
//
// Clients send a few hundred distinct values, the same ones again and
// again; an attacker can send any number. A Cache answers the values it
// holds from an immutable Go map, read without a lock, so that once every
// value of a service's traffic is held a lookup costs what a map lookup
// costs, allocates nothing and never evicts one value for another.
//
// A value is kept the second time it is put: the first time, the cache
// only notes a fingerprint of it, in a fixed table, so that a flood of
// values each sent once costs no memory and no copying. A kept value waits
// in a small table under a lock until it is asked for again or enough new
// values have come, then joins the map in a new copy. When the map would
// pass [MaxEntries], the values held longest are dropped, so memory is
// bounded whatever clients send. A Cache is safe for concurrent use.
package valuecache

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// MaxEntries bounds the values a Cache holds in its map; as many more may
// wait to join it.
const MaxEntries = 4096

// MaxKey is the longest key a Cache keeps: a longer value is computed
// every time.
const MaxKey = 128

// minBatch is how many new values join the map at once at the least:
// copying the map for each would cost a hostile stream of new values
// MaxEntries copies a value. Past it, as many values as the map holds
// join it at once, so that a new value costs about two copies.
const minBatch = 64

// seenSlots is the size of the table of values put once.
const seenSlots = 4096

// Cache maps keys to values of type V. Make one with [New].
type Cache[V any] struct {
	read atomic.Pointer[map[string]V] // immutable once stored

	seed maphash.Seed
	seen [seenSlots]atomic.Uint64 // fingerprints of values put once

	mu    sync.Mutex
	dirty map[string]V // new values, not in read
	hits  int          // lookups that dirty answered since the last copy
}

// New returns an empty cache.
func New[V any]() *Cache[V] { return &Cache[V]{seed: maphash.MakeSeed()} }

// Get returns the value kept for key, and whether there is one.
func (c *Cache[V]) Get(key string) (V, bool) {
	if v, ok := c.Lookup(key); ok {
		return v, true
	}
	return c.GetNew(key)
}

// Lookup returns the value for key if the map holds it: what Get finds
// without a lock, small enough to inline. A caller that finds nothing
// calls GetNew, or Get, which looks among the values waiting to join the
// map.
func (c *Cache[V]) Lookup(key string) (V, bool) {
	if m := c.read.Load(); m != nil {
		v, ok := (*m)[key]
		return v, ok
	}
	var zero V
	return zero, false
}

// GetNew looks key up among the values waiting to join the map. A value
// asked for again is one that traffic repeats: once the waiting values
// have been asked for as often as there are of them, they join the map.
func (c *Cache[V]) GetNew(key string) (V, bool) {
	var zero V
	if len(key) > MaxKey {
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.dirty[key]
	if ok {
		c.hits++
		if c.hits >= len(c.dirty) {
			c.publish()
		}
	}
	return v, ok
}

// Put keeps value for key if key was put before, and notes key
// otherwise; a key longer than MaxKey is not kept.
func (c *Cache[V]) Put(key string, value V) {
	if len(key) > MaxKey || !c.putBefore(key) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if m := c.read.Load(); m != nil {
		if _, ok := (*m)[key]; ok {
			return // put by another goroutine meanwhile
		}
	}
	if _, ok := c.dirty[key]; ok {
		return
	}
	if c.dirty == nil {
		c.dirty = make(map[string]V)
	}
	// The key may share the memory of a larger string, such as a request's
	// header block: keep a copy of its own.
	c.dirty[strings.Clone(key)] = value
	if len(c.dirty) >= max(minBatch, c.readLen()) {
		c.publish()
	}
}

// putBefore reports whether key was put before, as far as the table of
// fingerprints remembers, and notes it. Two keys that share a slot take it
// from each other, and a key noted once waits for its next put: the table
// decides only when a value is kept, never which.
func (c *Cache[V]) putBefore(key string) bool {
	h := maphash.String(c.seed, key) | 1 // 0 is an empty slot
	slot := &c.seen[h%seenSlots]
	if slot.Load() == h {
		return true
	}
	slot.Store(h)
	return false
}

// readLen returns the number of values in the map.
func (c *Cache[V]) readLen() int {
	if m := c.read.Load(); m != nil {
		return len(*m)
	}
	return 0
}

// publish makes a new map of the map's values and the new ones; c.mu is
// held. When that would pass MaxEntries, the new map holds the new values
// only: the others were held longest, and those still in use come back.
func (c *Cache[V]) publish() {
	n := c.readLen()
	keep := n+len(c.dirty) <= MaxEntries
	if !keep {
		n = 0
	}
	m := make(map[string]V, n+len(c.dirty))
	if old := c.read.Load(); old != nil && keep {
		for k, v := range *old {
			m[k] = v
		}
	}
	for k, v := range c.dirty {
		m[k] = v
	}
	c.read.Store(&m)
	clear(c.dirty)
	c.hits = 0
}

// Len returns the number of values held: in the map and waiting to join it.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.readLen() + len(c.dirty)
}
