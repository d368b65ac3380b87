package huiyan

import (
	"errors"
	"log/slog"
	"slices"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan/messages"
)

// Error is a Huiyan error code as a Go error, for code that passes a
// verification's failure up the stack to where it is logged or answered:
//
//	if res.ErrCode != 0 {
//		return fmt.Errorf("verify order %s: %w", id, b.NewError(messages.Code(res.ErrCode), nil))
//	}
//
// [errors.Is] finds the code ([messages.Code] is an error too), and
// [errors.As] the *Error:
//
//	errors.Is(err, messages.FaceTooClose)
//	var he *huiyan.Error; errors.As(err, &he) // he.Code
//
// Its message and its log value are for the operator, in English, from
// the bundle that made it ([Bundle.NewError]), so that a deployment's own
// operator texts show; [NewError]'s and an Error literal's come from
// [Default]. The end user's text is [Localize]'s, in their language.
type Error struct {
	Code messages.Code
	Err  error // the cause, such as the failed call's error; may be nil

	b *Bundle // the catalogue of the texts; nil for Default()
}

// NewError returns an *Error for code, wrapping err, which may be nil,
// with the texts of [Default]. Code 0 is [messages.Success]: a caller has
// no error to return for it, and NewError does not check
// ([messages.Code.Err] is nil for it).
func NewError(code messages.Code, err error) *Error {
	return &Error{Code: code, Err: err}
}

// NewError returns an *Error for code, wrapping err, which may be nil,
// whose message and log value take the operator texts of b: a
// deployment's, where it changed them. A service that serves a
// [Watcher] makes it with the bundle of the moment, w.Bundle().NewError.
func (b *Bundle) NewError(code messages.Code, err error) *Error {
	return &Error{Code: code, Err: err, b: b}
}

// operator returns e's code in the operator's language, from its bundle.
func (e *Error) operator() Message {
	b := e.b
	if b == nil {
		b = Default()
	}
	return b.Localize(e.Code, Fallback)
}

// Error returns "huiyan: CODE NAME: TITLE", with the operator's title in
// en-US, then ": " and the cause's message when there is a cause:
//
//	huiyan: 655 FaceTooClose: Face too close to the screen
//
// It holds no text for the end user and nothing about them; the cause's
// message is its own.
func (e *Error) Error() string {
	m := e.operator()
	s := "huiyan: " + strconv.Itoa(int(e.Code)) + " " + e.Code.String() + ": " + m.Title
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's code, so that errors.Is(err,
// messages.FaceTooClose) holds for an err that wraps an *Error of code 655.
func (e *Error) Is(target error) bool {
	c, ok := target.(messages.Code)
	return ok && c == e.Code
}

// LogValue returns e for an operator's log, in en-US: the group of
// [Message.LogValue] (code, name, category, retryable, lang and the
// operator texts title, detail and remedy), and err, the cause's message,
// when there is a cause.
func (e *Error) LogValue() slog.Value {
	attrs := e.operator().LogValue().Group()
	if e.Err != nil {
		attrs = append(attrs, slog.String("err", e.Err.Error()))
	}
	return slog.GroupValue(attrs...)
}

// FileError is a problem in a locale file. [NewBundle] returns one for each
// problem it finds, joined with [errors.Join]; [FileErrors] returns them
// all, and [errors.As] the first.
type FileError struct {
	File string // the file's path, as given to NewBundle or as shipped
	Line int    // 1-based; 0 for a file or directory that cannot be read or is missing
	Msg  string
	Err  error // the underlying error, such as a toml.ParseError; may be nil

	// Advice is true for what [Lint] reports that loads all the same
	// (text left untranslated, missing texts), false for what stops
	// NewBundle. NewBundle returns no advice.
	Advice bool
}

// Pos returns where the problem is, "FILE:LINE", or "FILE" when Line is
// 0: how [FileError.Error], huiyan lint and the operator page name it.
func (e *FileError) Pos() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line)
	}
	return e.File
}

// Error returns "huiyan: FILE:LINE: MSG", the line left out when it is 0.
func (e *FileError) Error() string { return "huiyan: " + e.Pos() + ": " + e.Msg }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// FileErrors returns the problems that err holds, in order: the
// [*FileError]s that NewBundle, Watch and [Watcher.Err] join, one per
// problem, or err itself when it is one. It returns none for nil, and
// leaves out errors that are no *FileError.
func FileErrors(err error) []*FileError {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var out []*FileError
	for _, e := range errs {
		var fe *FileError
		if errors.As(e, &fe) {
			out = append(out, fe)
		}
	}
	return out
}

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
