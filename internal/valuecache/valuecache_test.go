package valuecache

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestCache(t *testing.T) {
	c := New[int]()
	if _, ok := c.Get("en"); ok {
		t.Fatal("an empty cache has en")
	}
	c.Put("en", 1)
	c.Put("zh-CN", 2)
	for key, want := range map[string]int{"en": 1, "zh-CN": 2} {
		if v, ok := c.Get(key); !ok || v != want {
			t.Errorf("Get(%q) = %d, %v; want %d", key, v, ok, want)
		}
	}
	long := strings.Repeat("a", MaxKey+1)
	c.Put(long, 3)
	if _, ok := c.Get(long); ok {
		t.Errorf("a key of %d bytes was kept", len(long))
	}
	edge := strings.Repeat("a", MaxKey)
	c.Put(edge, 4)
	if v, ok := c.Get(edge); !ok || v != 4 {
		t.Errorf("a key of MaxKey bytes: %d, %v", v, ok)
	}
}

// TestCollisions fills the cache with many more keys than slots: every
// answer is the value put for that key, or none.
func TestCollisions(t *testing.T) {
	c := New[string]()
	const n = 10 * Slots
	for i := range n {
		c.Put(fmt.Sprint(i), fmt.Sprint(i))
	}
	kept := 0
	for i := range n {
		if v, ok := c.Get(fmt.Sprint(i)); ok {
			kept++
			if v != fmt.Sprint(i) {
				t.Fatalf("Get(%d) = %q", i, v)
			}
		}
	}
	if kept == 0 || kept > Slots {
		t.Errorf("%d keys kept, want some and at most %d", kept, Slots)
	}
}

// TestConcurrent is for -race.
func TestConcurrent(t *testing.T) {
	c := New[int]()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range 1000 {
				key := fmt.Sprint(i % 50)
				c.Put(key, i%50)
				if v, ok := c.Get(key); ok && v != i%50 {
					t.Errorf("Get(%q) = %d", key, v)
					return
				}
			}
		})
	}
	wg.Wait()
}
