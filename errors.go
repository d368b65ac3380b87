package huiyan

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// FileError is a problem in a locale file. [NewBundle] returns one for each
// problem it finds, joined with [errors.Join]; use [errors.As] to get the
// first, or range over the joined errors' Unwrap() []error for all.
type FileError struct {
	File string // the file's path, as given to NewBundle or as shipped
	Line int    // 1-based; 0 only for a file that cannot be read at all
	Msg  string
	Err  error // the underlying error, such as a toml.ParseError; may be nil

	// Advice is true for what [Lint] reports that loads all the same
	// (text left untranslated, missing texts), false for what stops
	// NewBundle. NewBundle returns no advice.
	Advice bool
}

// Error returns "huiyan: FILE:LINE: MSG", the line left out when it is 0.
func (e *FileError) Error() string {
	pos := e.File
	if e.Line > 0 {
		pos += ":" + strconv.Itoa(e.Line)
	}
	return "huiyan: " + pos + ": " + e.Msg
}

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// problems are the findings about a set of locale files. Those that are
// not advice make loading fail; advice is reported by Lint only.
type problems []FileError

func (ps *problems) add(fatal bool, file string, line int, err error, msg string) {
	*ps = append(*ps, FileError{File: file, Line: line, Msg: msg, Err: err, Advice: !fatal})
}

// sorted returns the problems by file and line, those about a whole file
// after those of its lines, in the order found within a line, each once (a
// table can give the same problem for each of its texts).
func (ps problems) sorted() problems {
	slices.SortStableFunc(ps, func(a, b FileError) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if (a.Line == 0) != (b.Line == 0) {
			if a.Line == 0 {
				return 1
			}
			return -1
		}
		return a.Line - b.Line
	})
	return slices.CompactFunc(ps, func(a, b FileError) bool { return a.File == b.File && a.Line == b.Line && a.Msg == b.Msg })
}

// err joins the fatal problems, or returns nil when there are none.
func (ps problems) err() error {
	var errs []error
	for i := range ps {
		if !ps[i].Advice {
			errs = append(errs, &ps[i])
		}
	}
	return errors.Join(errs...)
}
