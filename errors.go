package huiyan

import (
	"errors"
	"strconv"
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
