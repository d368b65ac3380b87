package huiyan

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeQuotesExamples keeps the README's Go snippets true: each must
// be quoted from a tested Example function of this module.
func TestReadmeQuotesExamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var examples []byte
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "example_test.go" {
			data, err := os.ReadFile(path)
			examples = append(examples, data...)
			return err
		}
		return err
	})
	if err != nil || len(examples) == 0 {
		t.Fatalf("reading the examples: %v", err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) == 0 {
		t.Fatal("the README has no Go snippet")
	}
	for _, b := range blocks {
		if !strings.Contains(string(examples), b[1]) {
			t.Errorf("README snippet is not in an example_test.go:\n%s", b[1])
		}
	}
}

// TestReadmeFallbackTable checks the README's table of language values.
func TestReadmeFallbackTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| (.*) \\| `([a-zA-Z-]+)` \\|$")
	code := regexp.MustCompile("`([^`]*)`")
	rows := row.FindAllStringSubmatch(string(readme), -1)
	if len(rows) < 4 {
		t.Fatalf("found %d rows of the fallback table", len(rows))
	}
	for _, r := range rows {
		values := code.FindAllStringSubmatch(r[1], -1)
		if strings.HasPrefix(r[1], "empty") {
			values = append(values, []string{"", ""})
		}
		for _, v := range values {
			if got := Localize(655, v[1]).Lang; got != r[2] {
				t.Errorf("README: %q is served by %s; Localize says %s", v[1], r[2], got)
			}
		}
	}
}

// TestDocFallbackExamples checks the examples of the fallback rules in
// the package documentation, where the rules are written.
func TestDocFallbackExamples(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), "// Examples, with the shipped locales")
	if !ok {
		t.Fatal("doc.go has no examples of the fallback rules")
	}
	n := 0
	for _, line := range strings.Split(after, "\n") {
		line, ok := strings.CutPrefix(line, "//\t")
		if !ok {
			if n > 0 {
				break // the end of the indented block
			}
			continue
		}
		values, want, ok := strings.Cut(line, " → ")
		if !ok {
			t.Fatalf("doc.go: example line %q has no →", line)
		}
		for _, v := range strings.Split(values, " · ") {
			if v == "(empty)" {
				v = ""
			}
			n++
			if got := Default().Match(v); got != want {
				t.Errorf("doc.go: %q is served by %s; Match says %s", v, want, got)
			}
		}
	}
	if n < 30 {
		t.Errorf("found %d examples in doc.go, want the whole list", n)
	}
}
