package catalogue

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, text, query string
		want              string // marks in brackets
	}{
		{"no search", "Face too close", "", "Face too close"},
		{"a word, any case", "Face too close", "face", "[Face] too close"},
		{"two words", "Face too close", "face close", "[Face] too [close]"},
		{"adjacent matches share a mark", "aaaa", "a", "[aaaa]"},
		{"adjacent words share a mark", "facetoo close", "face too", "[facetoo] close"},
		{"matches apart", "a b a", "a", "[a] b [a]"},
		{"a Chinese word", "请远离屏幕", "屏幕", "请远离[屏幕]"},
		{"markup is text", "<b>", "b", "<[b]>"},
		{"# before a code", "code 655", "#655", "code [655]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sb strings.Builder
			for _, s := range split(tt.text, highlighter(tt.query)) {
				if s.Mark {
					sb.WriteString("[" + s.Text + "]")
				} else {
					sb.WriteString(s.Text)
				}
			}
			if got := sb.String(); got != tt.want {
				t.Errorf("%q", got)
			}
		})
	}
}

// TestSplitBounded marks a megabyte of text: the marks are few, the text
// is whole, and the work stops after maxMarks matches.
func TestSplitBounded(t *testing.T) {
	tests := []struct {
		name, text, query string
	}{
		{"one letter everywhere", strings.Repeat("a", 1<<20), "a"},
		{"a word apart", strings.Repeat("a b ", 1<<18), "a"},
		{"many words", strings.Repeat("ab ", 1<<18), strings.Repeat("a b ", 60)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := split(tt.text, highlighter(tt.query))
			marks, total := 0, 0
			for _, s := range segs {
				if s.Mark {
					marks++
				}
				total += len(s.Text)
			}
			if marks == 0 || marks > maxMarks || len(segs) > 2*maxMarks+1 {
				t.Errorf("%d marks in %d pieces", marks, len(segs))
			}
			if total != len(tt.text) {
				t.Errorf("the pieces hold %d bytes of %d", total, len(tt.text))
			}
		})
	}
}
