package load

import (
	"fmt"
	"slices"
	"testing"
)

// TestProblemsSorted checks the order in which Lint and NewBundle's error
// report Problems: by file, then by line, those about a whole file after
// those of its lines, in the order found within a line, each once.
func TestProblemsSorted(t *testing.T) {
	p := func(file string, line int, msg string) Problem {
		return Problem{File: file, Line: line, Msg: msg}
	}
	tests := []struct {
		name     string
		in, want Problems
	}{
		{"by file, then by line",
			Problems{p("fr-FR.toml", 2, "b"), p("en-US.toml", 9, "c"), p("en-US.toml", 3, "a"), p("fr-FR.toml", 1, "d")},
			Problems{p("en-US.toml", 3, "a"), p("en-US.toml", 9, "c"), p("fr-FR.toml", 1, "d"), p("fr-FR.toml", 2, "b")}},
		{"a whole file's problem after its lines'",
			Problems{p("en-US.toml", 0, "whole"), p("en-US.toml", 5, "line 5"), p("zh-CN.toml", 0, "zh whole"), p("en-US.toml", 1, "line 1")},
			Problems{p("en-US.toml", 1, "line 1"), p("en-US.toml", 5, "line 5"), p("en-US.toml", 0, "whole"), p("zh-CN.toml", 0, "zh whole")}},
		{"a line's Problems in the order found",
			Problems{p("en-US.toml", 4, "second"), p("en-US.toml", 4, "first"), p("en-US.toml", 2, "before")},
			Problems{p("en-US.toml", 2, "before"), p("en-US.toml", 4, "second"), p("en-US.toml", 4, "first")}},
		{"the same problem once",
			Problems{p("en-US.toml", 4, "same"), p("en-US.toml", 4, "same"), p("en-US.toml", 4, "other"), p("en-US.toml", 5, "same"), p("fr-FR.toml", 5, "same")},
			Problems{p("en-US.toml", 4, "same"), p("en-US.toml", 4, "other"), p("en-US.toml", 5, "same"), p("fr-FR.toml", 5, "same")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.in).Sorted()
			if !slices.Equal(got, tt.want) {
				t.Errorf("sorted:\n%s\nwant:\n%s", problemList(got), problemList(tt.want))
			}
		})
	}
}

func problemList(ps Problems) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("  %s:%d: %s\n", p.File, p.Line, p.Msg)
	}
	return s
}
