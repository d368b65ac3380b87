package valuecache

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

func TestCache(t *testing.T) {
	c := New[int]()
	if _, ok := c.Get("en"); ok {
		t.Fatal("an empty cache has en")
	}
	keep(c, "en", 1)
	keep(c, "zh-CN", 2)
	keep(c, "en", 3) // the first value kept stays: a value is computed once
	for key, want := range map[string]int{"en": 1, "zh-CN": 2} {
		if v, ok := c.Get(key); !ok || v != want {
			t.Errorf("Get(%q) = %d, %v; want %d", key, v, ok, want)
		}
	}
	if _, ok := c.Get("ja"); ok {
		t.Error("Get(ja) found a value never put")
	}
}

// TestLongKeys checks that a key longer than MaxKey is never kept, and
// one of MaxKey bytes is.
func TestLongKeys(t *testing.T) {
	c := New[int]()
	long, limit := strings.Repeat("a", MaxKey+1), strings.Repeat("b", MaxKey)
	keep(c, long, 1)
	keep(c, limit, 2)
	if _, ok := c.Get(long); ok {
		t.Errorf("a key of %d bytes is kept", len(long))
	}
	if v, ok := c.Get(limit); !ok || v != 2 {
		t.Errorf("a key of MaxKey bytes: %d, %v", v, ok)
	}
}

// TestHoldsEveryValueUntilFull puts as many values as the cache holds and
// reads them all back: no value takes another's place before the cache is
// full, so traffic of up to MaxEntries distinct values is always answered
// from the cache once seen, whatever the keys.
func TestHoldsEveryValueUntilFull(t *testing.T) {
	c := New[int]()
	for i := range MaxEntries {
		keep(c, key(i), i)
	}
	for i := range MaxEntries {
		if v, ok := c.Get(key(i)); !ok || v != i {
			t.Fatalf("Get(%q) = %d, %v after %d values", key(i), v, ok, MaxEntries)
		}
	}
}

// TestBounded puts many more keys than the cache holds: it holds at most
// twice MaxEntries (the map and the values waiting to join it), and the
// latest values are among them.
func TestBounded(t *testing.T) {
	c := New[int]()
	const n = 20 * MaxEntries
	for i := range n {
		keep(c, key(i), i)
		if c.Len() > 2*MaxEntries {
			t.Fatalf("%d values held after %d put", c.Len(), i+1)
		}
	}
	if v, ok := c.Get(key(n - 1)); !ok || v != n-1 {
		t.Errorf("the last value put is not held: %d, %v", v, ok)
	}
}

// TestWarmReadsAllocateNothing reads a warm cache, values that joined the
// map and values that waited to join it: once traffic has repeated its
// values, a lookup allocates nothing.
func TestWarmReadsAllocateNothing(t *testing.T) {
	c := New[int]()
	const n = 1000
	keys := make([]string, n)
	for i := range keys {
		keys[i] = key(i)
		keep(c, keys[i], i)
	}
	for range 2 { // the values that waited join the map as they are asked for
		for _, k := range keys {
			c.Get(k)
		}
	}
	i := 0
	if a := testing.AllocsPerRun(10*n, func() {
		c.Get(keys[i%n])
		i++
	}); a != 0 {
		t.Errorf("a warm Get allocates %v times", a)
	}
}

// TestKeyIsCopied puts a key that is part of a larger string: the cache
// keeps a copy of its own, and does not hold the larger string.
func TestKeyIsCopied(t *testing.T) {
	c := New[int]()
	block := "Accept-Language: en-US,en;q=0.9" + strings.Repeat("x", 1<<16)
	k := block[len("Accept-Language: "):len("Accept-Language: en-US,en;q=0.9")]
	keep(c, k, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	for held := range c.dirty {
		if held == k && unsafe.StringData(held) == unsafe.StringData(k) {
			t.Fatal("the key shares the caller's memory")
		}
	}
}

// TestConcurrent reads and writes from many goroutines: run with -race.
func TestConcurrent(t *testing.T) {
	c := New[string]()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 3000 {
				k := key((i * (g + 1)) % 5000)
				if v, ok := c.Get(k); ok && v != k {
					t.Errorf("Get(%q) = %q", k, v)
					return
				}
				keep(c, k, k)
			}
		})
	}
	wg.Wait()
}

func key(i int) string { return fmt.Sprintf("zh-CN,zh;q=0.9,en;q=0.%d", i) }

// keep puts key twice: a value is kept the second time it is put.
func keep[V any](c *Cache[V], key string, v V) {
	c.Put(key, v)
	c.Put(key, v)
}

// TestKeptOnSecondPut checks that a value put once is not kept, and put
// again is; and that a flood of values each put once keeps nothing.
func TestKeptOnSecondPut(t *testing.T) {
	c := New[int]()
	c.Put("en", 1)
	if _, ok := c.Get("en"); ok {
		t.Error("a value put once is kept")
	}
	c.Put("en", 1)
	if v, ok := c.Get("en"); !ok || v != 1 {
		t.Errorf("a value put twice: %d, %v", v, ok)
	}
	for i := range 10 * MaxEntries {
		c.Put(key(i), i)
	}
	if n := c.Len(); n != 1 {
		t.Errorf("after a flood of values put once, %d are held, want en alone", n)
	}
}

// TestWhenValuesJoinTheMap checks when kept values move to the map that
// Lookup reads without a lock: once the waiting values have been asked for
// as often as there are of them, or a batch of new values has come, and not
// before, since each move copies the map. Get finds every kept value
// throughout, and Len counts them wherever they wait.
func TestWhenValuesJoinTheMap(t *testing.T) {
	tests := []struct {
		name  string
		kept  int // values put twice
		asked int // of them, asked for once with Get
		inMap int // of them, found by Lookup
	}{
		{name: "one value, asked for again", kept: 1, asked: 1, inMap: 1},
		{name: "three values, each asked for again", kept: 3, asked: 3, inMap: 3},
		{name: "three values, two asked for again", kept: 3, asked: 2, inMap: 0},
		{name: "a batch of new values", kept: minBatch, inMap: minBatch},
		{name: "fewer than a batch, not asked for", kept: minBatch - 1, inMap: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New[int]()
			for i := range tt.kept {
				keep(c, key(i), i)
			}
			for i := range tt.asked {
				if v, ok := c.Get(key(i)); !ok || v != i {
					t.Fatalf("Get(%q) = %d, %v", key(i), v, ok)
				}
			}
			inMap := 0
			for i := range tt.kept {
				if v, ok := c.Lookup(key(i)); ok {
					if v != i {
						t.Fatalf("Lookup(%q) = %d", key(i), v)
					}
					inMap++
				}
			}
			if inMap != tt.inMap {
				t.Errorf("Lookup finds %d of %d values, want %d", inMap, tt.kept, tt.inMap)
			}
			if n := c.Len(); n != tt.kept {
				t.Errorf("Len() = %d, want %d", n, tt.kept)
			}
			for i := range tt.kept {
				if v, ok := c.Get(key(i)); !ok || v != i {
					t.Errorf("Get(%q) = %d, %v", key(i), v, ok)
				}
			}
		})
	}
}
