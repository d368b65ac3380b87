package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/lint"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// lintFlags are the flags of huiyan lint.
type lintFlags struct {
	over    string // -dir: a deployment's directory, over the embedded files
	alone   bool   // each DIR is a complete catalogue, linted alone
	strict  bool   // warnings fail too
	verbose bool   // list what partial locales lack
	table   *messages.Table
}

func runLint(args []string, stdout io.Writer) error {
	flags := newFlagSet("lint")
	var f lintFlags
	flags.StringVar(&f.over, "dir", "", "")
	flags.BoolVar(&f.alone, "alone", false, "")
	flags.BoolVar(&f.strict, "strict", false, "")
	flags.BoolVar(&f.verbose, "v", false, "")
	table := tableFlag(flags)
	dirs, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if f.table, err = parseTable("lint", *table); err != nil {
		return err
	}
	switch {
	case f.over != "" && len(dirs) > 0:
		return usagef("lint: -dir DIR takes no other directory")
	case f.alone && len(dirs) == 0:
		return usagef("lint: -alone lints each DIR alone, and needs a DIR (-dir DIR lints over the embedded files)")
	}
	for _, dir := range append(dirs, f.over) {
		if dir == "" {
			continue
		}
		info, err := os.Stat(dir)
		var pe *fs.PathError
		switch {
		case errors.As(err, &pe):
			return usagef("lint: %s: %v", dir, pe.Err)
		case err != nil:
			return usagef("lint: %v", err)
		case !info.IsDir():
			return usagef("lint: %s is not a directory", dir)
		}
	}
	var sb strings.Builder
	failed := false
	switch {
	case f.over != "":
		failed = writeReport(&sb, lint.LintTable(f.table, locales.FS, huiyan.Dir(f.over)), f)
	case len(dirs) == 0:
		failed = writeReport(&sb, lint.LintTable(f.table), f)
	}
	for _, dir := range dirs {
		if len(dirs) > 1 {
			fmt.Fprintf(&sb, "== %s\n", dir)
		}
		if writeReport(&sb, lintDir(dir, f.table, f.alone), f) {
			failed = true
		}
	}
	if _, err := io.WriteString(stdout, sb.String()); err != nil {
		return err
	}
	if failed {
		return errProblems
	}
	return nil
}

// lintDir lints the locale files of dir as -dir reads them, over the
// embedded files; alone, as a complete catalogue, when asked to or when dir
// is one: linted alone, it has the canonical locale and every locale of it
// is complete.
func lintDir(dir string, tbl *messages.Table, alone bool) *lint.Report {
	r := lint.LintTable(tbl, huiyan.Dir(dir))
	if alone || complete(r) {
		return r
	}
	return lint.LintTable(tbl, locales.FS, huiyan.Dir(dir))
}

// complete reports whether r is the report of a complete catalogue: it
// has the canonical locale (Lint lists none without it), and every locale
// has every code.
func complete(r *lint.Report) bool {
	for _, l := range r.Locales {
		if l.Complete < l.Codes {
			return false
		}
	}
	return len(r.Locales) > 0
}

// writeReport writes the errors of r, then its warnings, then how complete
// each locale is, and reports whether lint fails: on an error, or with
// -strict on a warning too.
func writeReport(sb *strings.Builder, r *lint.Report, f lintFlags) bool {
	errs, warnings := 0, 0
	for _, advice := range []bool{false, true} {
		for _, p := range r.Problems {
			if p.Advice != advice {
				continue
			}
			kind := "error"
			if advice {
				kind, warnings = "warning", warnings+1
			} else {
				errs++
			}
			writeProblem(sb, p, kind)
		}
	}
	for _, l := range r.Locales {
		if l.Partial {
			fmt.Fprintf(sb, "%s: a deployment's locale of %d %s (%d/%d codes complete): the texts it lacks", l.Lang, l.Texts, plural(l.Texts, "text", "texts"), l.Complete, l.Codes)
			if !f.verbose {
				sb.WriteString(" (-v lists them)")
			}
			sb.WriteString(" fall back to the reader's next language, then en-US or zh-CN")
		} else {
			fmt.Fprintf(sb, "%s: %d/%d codes complete", l.Lang, l.Complete, l.Codes)
		}
		sb.WriteString("\n")
		if f.verbose {
			for _, p := range l.Missing {
				writeProblem(sb, p, "note")
			}
		}
	}
	return errs > 0 || f.strict && warnings > 0
}

// writeProblem writes a problem as compilers do, FILE:LINE: KIND: MSG, so
// that editors and CI annotations point at it; FILE: KIND: MSG when it has
// no line.
func writeProblem(sb *strings.Builder, p *lint.Problem, kind string) {
	sb.WriteString(p.File)
	if p.Line > 0 {
		sb.WriteString(":" + strconv.Itoa(p.Line))
	}
	sb.WriteString(": " + kind + ": " + p.Msg + "\n")
}

// plural returns one for n = 1 and other for any other n.
func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
