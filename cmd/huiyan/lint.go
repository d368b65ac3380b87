package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
)

// lintFlags are the flags of huiyan lint.
type lintFlags struct {
	over    string // -dir: a deployment's directory, over the embedded files
	alone   bool   // each DIR is a complete catalogue, linted alone
	strict  bool   // warnings fail too
	verbose bool   // list what partial locales lack
}

func lint(args []string, stdout io.Writer) error {
	flags := newFlagSet("lint")
	var f lintFlags
	flags.StringVar(&f.over, "dir", "", "")
	flags.BoolVar(&f.alone, "alone", false, "")
	flags.BoolVar(&f.strict, "strict", false, "")
	flags.BoolVar(&f.verbose, "v", false, "")
	dirs, err := parseArgs(flags, args)
	if err != nil {
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
		failed = writeReport(&sb, huiyan.Lint(locales.FS, huiyan.Dir(f.over)), f)
	case len(dirs) == 0:
		failed = writeReport(&sb, huiyan.Lint(), f)
	}
	for _, dir := range dirs {
		if len(dirs) > 1 {
			fmt.Fprintf(&sb, "== %s\n", dir)
		}
		if writeReport(&sb, lintDir(dir, f.alone), f) {
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
func lintDir(dir string, alone bool) *huiyan.Report {
	r := huiyan.Lint(huiyan.Dir(dir))
	if alone || complete(r) {
		return r
	}
	return huiyan.Lint(locales.FS, huiyan.Dir(dir))
}

// complete reports whether r is the report of a complete catalogue: it
// has the canonical locale (Lint lists none without it), and every locale
// has every code.
func complete(r *huiyan.Report) bool {
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
func writeReport(sb *strings.Builder, r *huiyan.Report, f lintFlags) bool {
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
		fmt.Fprintf(sb, "%s: %d/%d codes complete", l.Lang, l.Complete, l.Codes)
		if l.Partial {
			sb.WriteString("; a deployment's locale: what it lacks")
			if !f.verbose {
				sb.WriteString(" (-v lists it)")
			}
			sb.WriteString(" falls back to the reader's next language, then en-US or zh-CN")
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
func writeProblem(sb *strings.Builder, p *huiyan.FileError, kind string) {
	sb.WriteString(p.Pos())
	sb.WriteString(": " + kind + ": " + p.Msg + "\n")
}
