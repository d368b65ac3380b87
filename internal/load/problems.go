package load

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Problem is one finding about a set of locale files, naming the file and
// the line. Those that are not advice make loading fail; advice (text left
// untranslated, a skipped file) is reported by lint and by a Watcher's
// error handler only.
type Problem struct {
	File   string // the file's path, as given or as shipped
	Line   int    // 1-based; 0 for a file or directory as a whole
	Msg    string
	Err    error // the underlying error, such as a toml.ParseError; may be nil
	Advice bool
}

// Error returns "huiyan: FILE:LINE: MSG", the line left out when it is 0.
func (p *Problem) Error() string { return "huiyan: " + p.pos() + ": " + p.Msg }

// pos returns where the problem is, "FILE:LINE", or "FILE" when Line is 0.
func (p *Problem) pos() string {
	if p.Line > 0 {
		return p.File + ":" + strconv.Itoa(p.Line)
	}
	return p.File
}

// Problems are the findings about a set of locale files. Those that are
// not advice make loading fail; advice is reported by Lint only.
type Problems []Problem

func (ps *Problems) Add(fatal bool, file string, line int, err error, msg string) {
	*ps = append(*ps, Problem{File: file, Line: line, Msg: msg, Err: err, Advice: !fatal})
}

// Sorted returns the problems by file and line, those about a whole file
// after those of its lines, in the order found within a line, each once (a
// table can give the same problem for each of its texts).
func (ps Problems) Sorted() Problems {
	slices.SortStableFunc(ps, func(a, b Problem) int {
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
	return slices.CompactFunc(ps, func(a, b Problem) bool { return a.File == b.File && a.Line == b.Line && a.Msg == b.Msg })
}

// Err joins the fatal problems, or returns nil when there are none.
func (ps Problems) Err() error {
	var errs []error
	for i := range ps {
		if !ps[i].Advice {
			errs = append(errs, &ps[i])
		}
	}
	return errors.Join(errs...)
}
