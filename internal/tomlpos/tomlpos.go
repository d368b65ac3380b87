// Package tomlpos finds the line on which each key of a TOML document is
// defined.
//
// github.com/BurntSushi/toml records key positions while it decodes but
// does not export them, and locale errors must name the line of the text
// they are about. Lines reads a document that the decoder has already
// accepted, so it only needs to recognise keys, table headers and the
// values that can hide them (multi-line strings, inline tables, arrays).
package tomlpos

import (
	"strconv"
	"strings"
)

// Sep joins the parts of a key path in the map that Lines returns:
// [655] user = "..." is the path "655" + Sep + "user", while the quoted
// key "655.user" = "..." is the single part "655.user".
const Sep = "\x00"

// Lines returns the 1-based line of the first definition of every table
// and key path of doc, parts joined by Sep. A path defined only implicitly
// (the "655" of 655.user = "...") gets the line of its first key.
func Lines(doc []byte) map[string]int {
	s := &scanner{lines: make(map[string]int)}
	src := strings.TrimPrefix(string(doc), "\ufeff")
	line := 0
	for len(src) > 0 {
		line++
		var text string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			text, src = src, ""
		}
		s.line = line
		s.scanLine(text)
	}
	return s.lines
}

type scanner struct {
	lines     map[string]int
	line      int
	table     []string
	multiline string // the closing delimiter of an open multi-line string
	arrays    int    // depth of an array still open from an earlier line
}

// record notes the line of path and of the prefixes of path not seen
// before. The prefixes are slices of one joined key, longest first, so
// that deep nesting costs linear time per key.
func (s *scanner) record(path []string) {
	full := strings.Join(path, Sep)
	end := len(full)
	for i := len(path) - 1; i >= 0; i-- {
		k := full[:end]
		if _, ok := s.lines[k]; ok {
			return // and so are its prefixes
		}
		s.lines[k] = s.line
		end -= len(path[i]) + len(Sep)
	}
}

func (s *scanner) scanLine(t string) {
	if s.multiline != "" {
		i := strings.Index(t, s.multiline)
		if i < 0 {
			return
		}
		t = t[i+len(s.multiline):]
		s.multiline = ""
	}
	if s.arrays > 0 {
		// What follows the end of an array is no key: at most a comment,
		// or the rest of an inline table.
		t = s.skipArray(t)
	}
	t = trimSpace(t)
	if t == "" || t[0] == '#' {
		return
	}
	if t[0] == '[' {
		key, _, ok := parseKey(strings.TrimPrefix(t[1:], "["))
		if !ok {
			return
		}
		s.table = key
		s.record(key)
		return
	}
	key, rest, ok := parseKey(t)
	if !ok || !strings.HasPrefix(rest, "=") {
		return
	}
	path := append(append([]string(nil), s.table...), key...)
	s.record(path)
	s.value(path, trimSpace(rest[1:]))
}

// value skips the value at the start of t, recording the keys of inline
// tables below path, and returns what follows it.
func (s *scanner) value(path []string, t string) string {
	switch {
	case strings.HasPrefix(t, `"""`), strings.HasPrefix(t, "'''"):
		delim := t[:3]
		if i := strings.Index(t[3:], delim); i >= 0 {
			return t[3+i+3:]
		}
		s.multiline = delim
		return ""
	case strings.HasPrefix(t, `"`), strings.HasPrefix(t, "'"):
		_, rest, _ := parseString(t)
		return rest
	case strings.HasPrefix(t, "{"):
		t = trimSpace(t[1:])
		for t != "" && t[0] != '}' {
			key, rest, ok := parseKey(t)
			if !ok || !strings.HasPrefix(rest, "=") {
				return ""
			}
			sub := append(append([]string(nil), path...), key...)
			s.record(sub)
			t = trimSpace(s.value(sub, trimSpace(rest[1:])))
			t = trimSpace(strings.TrimPrefix(t, ","))
		}
		return strings.TrimPrefix(t, "}")
	case strings.HasPrefix(t, "["):
		s.arrays = 0
		return s.skipArray(t)
	}
	i := strings.IndexAny(t, ",}]#")
	if i < 0 {
		return ""
	}
	return t[i:]
}

// skipArray skips array text, which may continue on later lines.
func (s *scanner) skipArray(t string) string {
	for t != "" {
		switch c := t[0]; c {
		case '[':
			s.arrays++
			t = t[1:]
		case ']':
			s.arrays--
			t = t[1:]
			if s.arrays == 0 {
				return t
			}
		case '#':
			return ""
		case '"', '\'':
			if strings.HasPrefix(t, `"""`) || strings.HasPrefix(t, "'''") {
				delim := t[:3]
				i := strings.Index(t[3:], delim)
				if i < 0 {
					s.multiline = delim
					return ""
				}
				t = t[3+i+3:]
				continue
			}
			_, t, _ = parseString(t)
		default:
			t = t[1:]
		}
	}
	return ""
}

// parseKey reads a possibly dotted key and returns its parts and the text
// after it, with white space trimmed.
func parseKey(t string) (parts []string, rest string, ok bool) {
	for {
		t = trimSpace(t)
		var part string
		switch {
		case t == "":
			return nil, "", false
		case t[0] == '"' || t[0] == '\'':
			part, t, ok = parseString(t)
			if !ok {
				return nil, "", false
			}
		default:
			i := 0
			for i < len(t) && isBare(t[i]) {
				i++
			}
			if i == 0 {
				return nil, "", false
			}
			part, t = t[:i], t[i:]
		}
		parts = append(parts, part)
		t = trimSpace(t)
		if !strings.HasPrefix(t, ".") {
			return parts, t, true
		}
		t = t[1:]
	}
}

// parseString reads a one-line basic or literal string.
func parseString(t string) (value, rest string, ok bool) {
	if t[0] == '\'' {
		i := strings.IndexByte(t[1:], '\'')
		if i < 0 {
			return "", "", false
		}
		return t[1 : 1+i], t[2+i:], true
	}
	for i := 1; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(t[:i+1])
			if err != nil {
				v = t[1:i]
			}
			return v, t[i+1:], true
		}
	}
	return "", "", false
}

func isBare(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func trimSpace(t string) string { return strings.Trim(t, " \t\r") }
