package tomlpos

import (
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	doc := "\ufeff# comment\n" +
		"[655]\n" + // 2
		"user = \"a = b\" # not a key\n" + // 3
		"title = '''\n" + // 4
		"fake = \"inside a multi-line string\"\n" + // 5
		"'''\n" + // 6
		"\n" +
		"[305.detail]\n" + // 8
		"one = \"x\"\n" + // 9
		"\"655.user\" = \"quoted\"\n" + // 10
		"[category . liveness]\n" + // 11
		"title = { one = \"a, b }\", other = 'c' }\n" + // 12
		"list = [\n" + // 13
		"  \"k = v\",\n" +
		"]\n" +
		"after = 1\n" + // 16
		"a.\"b.c\".d = 2\n" // 17
	want := map[string]int{
		"655":                                         2,
		"655" + Sep + "user":                          3,
		"655" + Sep + "title":                         4,
		"305" + Sep + "detail":                        8,
		"305" + Sep + "detail" + Sep + "one":          9,
		"305" + Sep + "detail" + Sep + "655.user":     10,
		"category":                                    11,
		"category" + Sep + "liveness" + Sep + "title": 12,
		"category" + Sep + "liveness" + Sep + "title" + Sep + "other": 12,
		"category" + Sep + "liveness" + Sep + "after":                 16,
		"category" + Sep + "liveness" + Sep + "a" + Sep + "b.c":       17,
	}
	got := Lines([]byte(doc))
	for k, line := range want {
		if got[k] != line {
			t.Errorf("line of %q = %d, want %d", strings.ReplaceAll(k, Sep, "/"), got[k], line)
		}
	}
	for _, k := range []string{"655" + Sep + "fake", "category" + Sep + "liveness" + Sep + "k"} {
		if l, ok := got[k]; ok {
			t.Errorf("%q found on line %d: it is inside a value", strings.ReplaceAll(k, Sep, "/"), l)
		}
	}
}

// TestLinesDeepNesting checks that nesting is not quadratic per key: 2000
// levels of inline tables record every level.
func TestLinesDeepNesting(t *testing.T) {
	const depth = 2000
	doc := "x = " + strings.Repeat("{ a = ", depth) + "1" + strings.Repeat(" }", depth) + "\n"
	got := Lines([]byte(doc))
	if len(got) != depth+1 {
		t.Errorf("%d paths, want %d", len(got), depth+1)
	}
}
