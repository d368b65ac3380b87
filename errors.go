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
	Line int    // 1-based; 0 when the problem is the file as a whole
	Msg  string
	Err  error // the underlying error, such as a toml.ParseError; may be nil
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

// problem is one finding about the locale files. Fatal problems make
// loading fail; the others are reported by huiyan lint only.
type problem struct {
	FileError
	fatal bool
}

type problems []problem

func (ps *problems) add(fatal bool, file string, line int, err error, msg string) {
	*ps = append(*ps, problem{FileError{File: file, Line: line, Msg: msg, Err: err}, fatal})
}

// sorted returns the problems by file and line, those about a whole file
// after those of its lines, in the order found within a line, each once (a
// table can give the same problem for each of its texts).
func (ps problems) sorted() problems {
	slices.SortStableFunc(ps, func(a, b problem) int {
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
	return slices.CompactFunc(ps, func(a, b problem) bool { return a.File == b.File && a.Line == b.Line && a.Msg == b.Msg })
}

// err joins the fatal problems, or returns nil when there are none.
func (ps problems) err() error {
	var errs []error
	for i := range ps {
		if ps[i].fatal {
			fe := ps[i].FileError
			errs = append(errs, &fe)
		}
	}
	return errors.Join(errs...)
}
