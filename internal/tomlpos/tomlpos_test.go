package tomlpos

import (
	"maps"
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

// TestLinesKeysAndValues checks the keys a locale file may spell in any way
// TOML allows, and the values that may hide the keys after them.
func TestLinesKeysAndValues(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want map[string]int // every path, its parts joined by "/"
	}{
		{"literal keys, one empty", "'lit.key' = 'x'\n'' = 1\nafter = 2\n",
			map[string]int{"lit.key": 1, "": 2, "after": 3}},
		{"a basic key with escapes", "\"quo\\\"ted\" = 1\n\"tab\\tkey\" = 2\n",
			map[string]int{"quo\"ted": 1, "tab\tkey": 2}},
		{"a bare key of every boundary character", "AZaz09_- = 1\n",
			map[string]int{"AZaz09_-": 1}},
		{"an escaped quote in an inline table's value", "x = { a = \"q\\\"b = c\", b = 1 }\n",
			map[string]int{"x": 1, "x/a": 1, "x/b": 1}},
		{"one-line multi-line strings in an inline table", "x = { a = \"\"\"x'[\"\"\", b = 1, c = '''y\"{''', d = 2 }\nnext = 3\n",
			map[string]int{"x": 1, "x/a": 1, "x/b": 1, "x/c": 1, "x/d": 1, "next": 2}},
		{"empty multi-line strings", "a = \"\"\"\"\"\"\nb = ''''''\nx = { c = \"\"\"\"\"\", d = 1 }\nnext = 4\n",
			map[string]int{"a": 1, "b": 2, "x": 3, "x/c": 3, "x/d": 3, "next": 4}},
		{"multi-line strings in arrays", "a = [\"\"\"x'[\"\"\"]\nn1 = 2\nb = ['''y\"[''']\nn2 = 4\nc = [\"\"\"\"\"\", 1]\nn3 = 6\n",
			map[string]int{"a": 1, "n1": 2, "b": 3, "n2": 4, "c": 5, "n3": 6}},
		{"a multi-line string over lines", "title = '''\nfake = 1\n'''\nafter = 4\n",
			map[string]int{"title": 1, "after": 4}},
		{"a multi-line string inside a multi-line array", "a = [\n  \"\"\"\nfake = 1\n\"\"\",\n  { k = 1 },\n]\nafter = 7\n",
			map[string]int{"a": 1, "after": 7}},
		{"arrays in an inline table", "x = { a = [1, [2]], b = 2 }\nnext = 2\n",
			map[string]int{"x": 1, "x/a": 1, "x/b": 1, "next": 2}},
		{"a key on the first line and on a last line without a newline", "a = 1\n\n\nb = 2",
			map[string]int{"a": 1, "b": 4}},
		{"CRLF line ends", "[t]\r\na = 1\r\n\r\nb = 2\r\n",
			map[string]int{"t": 1, "t/a": 2, "t/b": 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make(map[string]int)
			for k, line := range Lines([]byte(tt.doc)) {
				got[strings.ReplaceAll(k, Sep, "/")] = line
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("Lines = %v, want %v", got, tt.want)
			}
		})
	}
}
