package valuecache

import (
	"fmt"
	"strings"
	"testing"
)

// TestSameSlot puts two keys that share a slot: each takes the slot from
// the other, and neither is ever answered with the other's value.
func TestSameSlot(t *testing.T) {
	c := New[string]()
	slot := func(k string) uint64 { return hash(c.seed, k) & (Slots - 1) }
	tests := []struct {
		name   string
		prefix string
	}{
		{"short", "k"},
		{"header", "zh-CN,zh;q=0.9,en;q=0.8,x-"},
		{"longest", strings.Repeat("a", MaxKey-8)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := tt.prefix + "0"
			var second string
			for i := 1; second == ""; i++ {
				if k := fmt.Sprint(tt.prefix, i); slot(k) == slot(first) {
					second = k
				}
			}
			c.Put(first, first)
			if v, ok := c.Get(second); ok {
				t.Fatalf("Get(%q) = %q from the slot %q holds", second, v, first)
			}
			c.Put(second, second)
			if v, ok := c.Get(first); ok {
				t.Fatalf("Get(%q) = %q after %q took its slot", first, v, second)
			}
			if v, ok := c.Get(second); !ok || v != second {
				t.Fatalf("Get(%q) = %q, %v", second, v, ok)
			}
		})
	}
}

// TestBounded puts many more keys than slots: the cache holds at most
// Slots entries, each under its own key.
func TestBounded(t *testing.T) {
	c := New[int]()
	for i := range 20 * Slots {
		c.Put(fmt.Sprintf("en-US,en;q=0.%d", i), i)
	}
	held := 0
	for i := range c.slots {
		if e := c.slots[i].Load(); e != nil {
			held++
			if slot := hash(c.seed, e.key) & (Slots - 1); slot != uint64(i) {
				t.Errorf("%q is in slot %d, hashes to %d", e.key, i, slot)
			}
		}
	}
	if held > Slots || held < Slots/2 {
		t.Errorf("%d slots held of %d", held, Slots)
	}
}

// TestHashSpreads checks that keys differing in any one byte, at any
// length up to MaxKey, hash apart: a hash that ignored some bytes would
// put whole families of headers in one slot.
func TestHashSpreads(t *testing.T) {
	const seed = 0x9e3779b97f4a7c15
	for n := 1; n <= MaxKey; n++ {
		base := []byte(strings.Repeat("x", n))
		h := hash(seed, string(base))
		for i := range n {
			k := append([]byte(nil), base...)
			k[i] = 'y'
			if hash(seed, string(k)) == h {
				t.Fatalf("length %d: changing byte %d does not change the hash", n, i)
			}
		}
	}
	if hash(seed, "") == hash(seed, "\x00") || hash(1, "en") == hash(2, "en") {
		t.Error("the length or the seed does not count")
	}
}
