// Package valuecache remembers what was computed for the values clients
// send, such as language values and headers, in bounded memory.
//
// A Cache is direct-mapped with a fixed number of slots, so its memory is
// bounded whatever clients send: a value that loses its slot is computed
// again. A slot holds its key, so a collision costs a computation, never a
// wrong answer. Keys are hashed with a seed of each cache's own, so values
// that collide in one process do not in another. A Cache is safe for
// concurrent use and its Get allocates nothing.
package valuecache

import (
	"math/rand/v2"
	"strings"
	"sync/atomic"
)

// Slots is the number of slots of a Cache.
const Slots = 1024

// MaxKey is the longest key a Cache keeps: a longer value is computed
// every time.
const MaxKey = 128

// Cache maps keys to values of type V.
type Cache[V any] struct {
	seed  uint64
	slots [Slots]atomic.Pointer[entry[V]]
}

type entry[V any] struct {
	key   string
	value V
}

// New returns an empty cache.
func New[V any]() *Cache[V] { return &Cache[V]{seed: rand.Uint64()} }

func (c *Cache[V]) slot(key string) *atomic.Pointer[entry[V]] {
	return &c.slots[hash(c.seed, key)&(Slots-1)]
}

// Get returns the value kept for key, and whether there is one.
func (c *Cache[V]) Get(key string) (V, bool) {
	if len(key) <= MaxKey {
		if e := c.slot(key).Load(); e != nil && e.key == key {
			return e.value, true
		}
	}
	var zero V
	return zero, false
}

// Put keeps value for key, in place of what its slot held; a key longer
// than MaxKey is not kept.
func (c *Cache[V]) Put(key string, value V) {
	if len(key) <= MaxKey {
		c.slot(key).Store(&entry[V]{key: strings.Clone(key), value: value})
	}
}
