package huiyan

import (
	"fmt"
	"slices"
	"testing"
)

// TestProblemsSorted checks the order in which Lint and NewBundle's error
// report problems: by file, then by line, those about a whole file after
// those of its lines, in the order found within a line, each once.
func TestProblemsSorted(t *testing.T) {
	p := func(file string, line int, msg string) FileError {
		return FileError{File: file, Line: line, Msg: msg}
	}
	tests := []struct {
		name     string
		in, want problems
	}{
		{"by file, then by line",
			problems{p("fr-FR.toml", 2, "b"), p("en-US.toml", 9, "c"), p("en-US.toml", 3, "a"), p("fr-FR.toml", 1, "d")},
			problems{p("en-US.toml", 3, "a"), p("en-US.toml", 9, "c"), p("fr-FR.toml", 1, "d"), p("fr-FR.toml", 2, "b")}},
		{"a whole file's problem after its lines'",
			problems{p("en-US.toml", 0, "whole"), p("en-US.toml", 5, "line 5"), p("zh-CN.toml", 0, "zh whole"), p("en-US.toml", 1, "line 1")},
			problems{p("en-US.toml", 1, "line 1"), p("en-US.toml", 5, "line 5"), p("en-US.toml", 0, "whole"), p("zh-CN.toml", 0, "zh whole")}},
		{"a line's problems in the order found",
			problems{p("en-US.toml", 4, "second"), p("en-US.toml", 4, "first"), p("en-US.toml", 2, "before")},
			problems{p("en-US.toml", 2, "before"), p("en-US.toml", 4, "second"), p("en-US.toml", 4, "first")}},
		{"the same problem once",
			problems{p("en-US.toml", 4, "same"), p("en-US.toml", 4, "same"), p("en-US.toml", 4, "other"), p("en-US.toml", 5, "same"), p("fr-FR.toml", 5, "same")},
			problems{p("en-US.toml", 4, "same"), p("en-US.toml", 4, "other"), p("en-US.toml", 5, "same"), p("fr-FR.toml", 5, "same")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.in).sorted()
			if !slices.Equal(got, tt.want) {
				t.Errorf("sorted:\n%s\nwant:\n%s", problemList(got), problemList(tt.want))
			}
		})
	}
}

func problemList(ps problems) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("  %s:%d: %s\n", p.File, p.Line, p.Msg)
	}
	return s
}
