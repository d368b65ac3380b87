package huiyan

import (
	"errors"
	"log/slog"
	"strconv"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Error is a Huiyan error code as a Go error, for code that passes a
// verification's failure up the stack to where it is logged or answered.
// It is the one way to make an error of a code:
//
//	if res.ErrCode != 0 {
//		return fmt.Errorf("verify order %s: %w", id, &huiyan.Error{Code: messages.Code(res.ErrCode)})
//	}
//
// [errors.Is] finds the code ([messages.Code] is an error for this alone)
// and the cause, and [errors.As] the *Error:
//
//	errors.Is(err, messages.FaceTooClose)
//	var he *huiyan.Error; errors.As(err, &he) // he.Code
//
// Its message and its log value are for the operator, in English, from
// Bundle, so that a deployment's own operator texts show. The end user's
// text is [Localize]'s, in their language.
type Error struct {
	Code messages.Code
	Err  error // the cause, such as the failed call's error; may be nil

	// Bundle is the catalogue of the operator texts: a service that serves
	// a Watcher sets the bundle of the moment, w.Bundle(). Nil is
	// [Default].
	Bundle *Bundle
}

// operator returns e's code in the operator's language, from its bundle.
func (e *Error) operator() Message {
	b := e.Bundle
	if b == nil {
		b = Default()
	}
	return b.Localize(e.Code, english)
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

// Unwrap returns the code and the cause, if any: errors.Is(err,
// messages.FaceTooClose) holds for an err that wraps an *Error of code
// 655, and errors.Is and errors.As reach the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Code}
	}
	return []error{e.Code, e.Err}
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

// FileError is a problem in a locale file that keeps it from loading.
// [NewBundle] returns one for each problem it finds, joined with
// [errors.Join]: the joined error's Unwrap() []error lists them, and
// [errors.As] finds the first.
type FileError struct {
	File string // the file's path, as given to NewBundle or as shipped
	Line int    // 1-based; 0 for a file or directory that cannot be read or is missing
	Msg  string
	Err  error // the underlying error, such as a toml.ParseError; may be nil
}

// Error returns "huiyan: FILE:LINE: MSG", the line left out when it is 0.
func (e *FileError) Error() string {
	p := load.Problem{File: e.File, Line: e.Line, Msg: e.Msg}
	return p.Error()
}

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// fileErrors joins the problems that keep files from loading, one
// *FileError each, or returns nil when there are none.
func fileErrors(ps load.Problems) error {
	var errs []error
	for i := range ps {
		if !ps[i].Advice {
			errs = append(errs, fileError(&ps[i]))
		}
	}
	return errors.Join(errs...)
}

// fileError returns the FileError of a problem.
func fileError(p *load.Problem) *FileError {
	return &FileError{File: p.File, Line: p.Line, Msg: p.Msg, Err: p.Err}
}
