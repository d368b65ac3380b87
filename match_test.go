package huiyan

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLanguageValues checks testdata/language-values.tsv: the locale of
// the shipped files that serves each of a broad set of language values,
// as a reader of the value would want it.
func TestLanguageValues(t *testing.T) {
	f, err := os.Open("testdata/language-values.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := Default()
	var tests []struct{ name, lang, want string }
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || !slices.Contains(b.Locales(), cols[1]) || cols[2] == "" {
			t.Fatalf("language-values.tsv:%d: want value, shipped locale and reason, separated by tabs: %q", n, line)
		}
		lang := cols[0]
		if strings.HasPrefix(lang, `"`) {
			if lang, err = strconv.Unquote(lang); err != nil {
				t.Fatalf("language-values.tsv:%d: %v", n, err)
			}
		}
		tests = append(tests, struct{ name, lang, want string }{fmt.Sprintf("line %d: %s", n, cols[2]), lang, cols[1]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(tests) < 225 {
		t.Fatalf("language-values.tsv has %d values, want the whole table", len(tests))
	}
	checkLangs(t, b, tests)
}
