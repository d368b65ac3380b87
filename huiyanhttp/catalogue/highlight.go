package catalogue

import (
	"regexp"
	"strings"
)

// maxMarks bounds the matches of a search marked in one text: beyond it,
// the text is shown unmarked, and not searched further.
const maxMarks = 32

// segment is a piece of text that a search did or did not match.
type segment struct {
	Text string
	Mark bool
}

// highlighter returns what marks the words of a search in a text, or nil
// for no search.
func highlighter(text string) *regexp.Regexp {
	var alts []string
	for _, w := range strings.Fields(text) {
		if w = strings.TrimPrefix(w, "#"); w != "" {
			alts = append(alts, regexp.QuoteMeta(w))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	// The words are quoted and their length bounded by maxQuery: the
	// expression always compiles, and matches in time linear in the
	// text (Go's regexp does not backtrack).
	re, err := regexp.Compile("(?i)" + strings.Join(alts, "|"))
	if err != nil {
		return nil
	}
	return re
}

// split cuts s into the pieces hl matches and those it does not. Matches
// that touch share one mark, and at most maxMarks matches are sought.
func split(s string, hl *regexp.Regexp) []segment {
	if s == "" {
		return nil
	}
	if hl == nil {
		return []segment{{Text: s}}
	}
	var out []segment
	last := 0 // the end of what out holds
	for _, m := range hl.FindAllStringIndex(s, maxMarks) {
		if m[0] == m[1] {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Mark && m[0] == last {
			out[n-1].Text = s[last-len(out[n-1].Text) : m[1]]
			last = m[1]
			continue
		}
		if m[0] > last {
			out = append(out, segment{Text: s[last:m[0]]})
		}
		out = append(out, segment{Text: s[m[0]:m[1]], Mark: true})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, segment{Text: s[last:]})
	}
	return out
}
