// Huiyan explains Tencent Huiyan (face verification) error codes and the
// result codes of Tencent Cloud's FaceID API: what to tell the end user,
// and what the operator should know and do. It also checks locale files
// and exports the catalogue for review.
//
// Usage:
//
//	huiyan lookup CODE [-table huiyan|faceid] [-lang L|all] [-format text|json] [-dir DIR]
//	huiyan export [-table huiyan|faceid] [-lang L|all] [-format json|csv|markdown|grafana] [-dir DIR]
//	huiyan lint [-table huiyan|faceid] [-strict] [-v] [[-alone] DIR... | -dir DIR]
//	huiyan serve [-addr 127.0.0.1:8080] [-dir DIR] [-allow-host NAME,...] [-prometheus URL]
//
// The commands are:
//
//	lookup  show the message for one code
//	export  print the whole catalogue, every code in ascending order
//	lint    check locale files and say how complete each locale is
//	serve   serve the operator page and the JSON API over HTTP
//
// The flags are:
//
//	-table T
//		the table of codes: huiyan (the default), the Huiyan error codes
//		of the mini-program SDK's pages (package messages), or faceid,
//		the result codes of today's FaceID API (package faceid). The two
//		share numbers with other meanings: 302 is an SMS rate limit in
//		huiyan and an expired ID card in faceid.
//	-lang L
//		the language: a BCP 47 tag (en-US), a WeChat language value
//		(zh_CN) or a whole Accept-Language header
//		("zh-CN,zh;q=0.9,en;q=0.8"). The default is zh-CN. "all" puts
//		every locale side by side, zh-CN first.
//	-format F
//		the output: text (the default) or json for lookup; json (the
//		default), csv, markdown or grafana for export.
//	-dir DIR
//		read the locale files of DIR over the embedded ones: a text there
//		replaces the embedded one, a file for a new locale adds the
//		locale. When they do not load, the problems are printed on
//		standard error, one a line.
//
// Flags may come before or after the code. A negative code is a code, not
// a flag: huiyan lookup -5, or huiyan lookup -- -5. huiyan CMD -h prints
// the usage of a command.
//
// The texts are those of [huiyan.Localize]; a code outside the catalogue
// gets the texts of its category and "unknown code" in the first line:
//
//	$ huiyan lookup 604 -lang en-US
//	604 SimilarityTooLow (liveness) [en-US]
//	User:   We could not match your face to your ID photo. ...
//	Title:  Similarity did not reach the passing standard
//	Detail: The similarity between the frame captured during ...
//
// # Export formats
//
// In JSON, a message is an object with the keys table, code, name,
// category, known, billed (only for a result Tencent bills), lang, user,
// title, detail and remedy, in that order; export prints {"table": T,
// "lang": L, "messages": [...]}. With -lang all, export prints {"table":
// T, "langs": [...], "messages": [...]}: langs lists the locales, zh-CN
// first and the others sorted, and a message has the keys code, name,
// category, billed (only when true) and texts, an object with one key per
// locale, in the order of langs, whose values have the keys lang, user,
// title, detail and remedy.
//
// CSV has a header row, then a row per code with the columns code, name,
// category, billed (for the faceid table), known, lang, user, title,
// detail and remedy. It starts with a
// UTF-8 byte order mark and ends its lines with CRLF, so that spreadsheets
// read it as UTF-8. A text that starts with =, +, -, @, a tab or a carriage
// return gets a leading apostrophe, so that no spreadsheet runs it as a
// formula: override files come from deployments.
//
// Markdown is a GitHub table with the same columns but known and lang:
// every exported code is known, and a text that a locale lacks shows
// itself as the text it falls back to. In a text, | is written \| and a
// line break <br>.
//
// Grafana is the dashboard of the metrics of module huiyanprom, to import
// into Grafana as it is, whose table of top codes names each code by its
// operator title in -lang: docs/grafana-dashboard.json is its output for
// en-US. It takes one language, not all, and covers every table: it takes
// no -table.
//
// lookup -lang all shows the code in every locale: in text, one block per
// locale; in JSON, one message as export -lang all writes it, with the
// table first: {"table": T, "code": …, "texts": {…}}.
//
// With -lang all, CSV and Markdown have the columns code, name and
// category, then for each locale L "user (L)", "title (L)", "detail (L)"
// and "remedy (L)", the texts of [huiyan.Bundle.Localize] for L.
//
// # Lint
//
// huiyan lint checks the embedded locale files of -table, or those of
// each DIR in turn: the files named zh-CN.toml and so on for huiyan,
// faceid.zh-CN.toml and so on for faceid. A DIR
// is checked as the other commands read -dir DIR: a deployment's layer
// over the embedded files, whose missing texts come from them. So huiyan
// lint DIR and huiyan lint -dir DIR say the same of a layer, such as the
// shipped locales/uniform-identity, and of a deployment that changes some
// Chinese texts in a zh-CN.toml of its own. A DIR that is a complete
// catalogue (a zh-CN.toml, and every locale complete) is checked alone,
// with the same findings.
//
// -alone checks each DIR alone, as a complete catalogue, whether it is
// complete or not: a fork of the whole catalogue, whose missing texts are
// problems rather than texts taken from the embedded files.
//
// Lint prints the errors, FILE:LINE: error: MESSAGE, which stop the files
// from loading; then the warnings, FILE:LINE: warning: MESSAGE, advice for
// a translator (text left untranslated, missing texts, a user text too long
// for a toast, another region's word in a Taiwan or Hong Kong text); then
// how complete each locale is:
//
//	$ huiyan lint
//	zh-CN: 73/73 codes complete
//	en-US: 73/73 codes complete
//	zh-HK: 73/73 codes complete
//	zh-TW: 73/73 codes complete
//
// A locale that only a deployment's directory defines and that lacks texts
// is summed up on its line: readers get what it lacks from their next
// language; -v lists it, FILE:LINE: note: MESSAGE. With several DIRs, the
// lines of each follow a line "== DIR".
//
// # Serve
//
// huiyan serve serves the operator page and the JSON API of package
// [github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue] on -addr (default
// 127.0.0.1:8080, loopback only) until SIGINT or SIGTERM, then lets the
// requests in flight finish. It prints the address it listens on. With
// -dir, it watches DIR: an edit serves on the next page load, and a bad
// edit keeps the previous texts serving and shows the fault on the page.
// An address that is taken, and a DIR that does not exist, are errors:
// exit status 1.
//
// The page has no authentication. On a loopback address, serve answers
// only requests whose Host is a loopback name (localhost, 127.0.0.0/8,
// [::1]) or the address it listens on, so that no web page can read it
// through DNS rebinding; others get 421 Misdirected Request.
// -allow-host NAME,... allows more names, such as those of a reverse
// proxy. On any other address it prints a warning, and checks Host only
// with -allow-host.
//
// With -prometheus URL, the page shows how often each code was answered
// over the last hour, day or week, as the Prometheus server at URL sums
// huiyan_results_total over a fleet (see module huiyanprom), and sorts the
// list by it on request; when the server cannot be reached, the page says
// so.
//
// # Exit status
//
// The exit status is 0 on success and 2 for a mistake in the command line,
// a lint DIR that cannot be read among them. It is 1 when the output cannot
// be written, when the locale files of -dir do not load, and when lint
// finds an error, or with -strict a warning (CI should use -strict).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/internal/grafana"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

const usage = `Usage:
  huiyan lookup CODE [-table huiyan|faceid] [-lang L|all] [-format text|json] [-dir DIR]
  huiyan export [-table huiyan|faceid] [-lang L|all] [-format json|csv|markdown|grafana] [-dir DIR]
  huiyan lint [-table huiyan|faceid] [-strict] [-v] [[-alone] DIR... | -dir DIR]
  huiyan serve [-addr 127.0.0.1:8080] [-dir DIR] [-allow-host NAME,...] [-prometheus URL]

Commands:
  lookup  show what a Huiyan error code or FaceID result code means, for the
          end user and the operator
  export  print the whole catalogue in one language, or all side by side
  lint    check locale files and say how complete each locale is
  serve   serve the operator page and the JSON API

-table faceid reads codes as the FaceID API's result codes (default huiyan);
-lang takes a BCP 47 tag (en-US), a WeChat value (zh_CN) or an
Accept-Language header; -dir DIR reads the locale files of DIR over the
embedded ones. huiyan CMD -h prints a command's usage.
`

// commandUsage is each command's usage, which huiyan CMD -h prints.
var commandUsage = map[string]string{
	"lookup": `Usage: huiyan lookup CODE [-table huiyan|faceid] [-lang L|all] [-format text|json] [-dir DIR]

Show what a code means, for the end user and the operator. A code outside
its table gets the texts of its category.

  -table T   huiyan (default): a Huiyan error code; faceid: a result code
             of the FaceID API (302 is an SMS limit in one, an expired ID
             card in the other)
  -lang L    the reader's language: a BCP 47 tag (en-US), a WeChat value
             (zh_CN) or an Accept-Language header (default zh-CN); all
             shows the code in every locale
  -format F  text or json (default text)
  -dir DIR   read the locale files of DIR over the embedded ones
`,
	"export": `Usage: huiyan export [-table huiyan|faceid] [-lang L|all] [-format json|csv|markdown|grafana] [-dir DIR]

Print the whole catalogue of a table, every code in ascending order.

  -table T   huiyan (default) or faceid; grafana covers both and takes none
  -lang L    the reader's language, as for lookup (default zh-CN); all
             puts every locale side by side, zh-CN first
  -format F  json (default), csv (UTF-8 with a byte order mark, for
             spreadsheets), markdown, or grafana: the Grafana dashboard
             of huiyanprom's metrics, codes named by their titles in -lang
  -dir DIR   read the locale files of DIR over the embedded ones
`,
	"lint": `Usage: huiyan lint [-table huiyan|faceid] [-strict] [-v] [[-alone] DIR... | -dir DIR]

Check the embedded locale files of a table, or those of each DIR, and say
how complete each locale is. A DIR is checked as -dir reads it, over the embedded files
(a complete catalogue on its own is checked alone, with the same findings).
Problems print as FILE:LINE: error: MSG (the files do not load) or
FILE:LINE: warning: MSG (advice for a translator), errors first.

  -table T   huiyan (default: zh-CN.toml ...) or faceid (faceid.zh-CN.toml ...)
  -alone     check each DIR alone, as a complete catalogue: what it lacks
             is a problem, not taken from the embedded files
  -dir DIR   check DIR over the embedded files
  -strict    exit 1 on warnings too (CI should use it)
  -v         list what a deployment's partial locale lacks

Exit status: 1 when the files do not load (with -strict, also on a
warning), 2 when a DIR cannot be read.
`,
	"serve": `Usage: huiyan serve [-addr 127.0.0.1:8080] [-dir DIR] [-allow-host NAME,...] [-prometheus URL]

Serve the operator page and the JSON API (/api/codes, /api/codes/CODE)
until interrupted. The page has no authentication: on a loopback address
it answers only requests for localhost, 127.0.0.0/8, [::1] and the
address; on any other, serve warns.

  -addr A           the address to listen on (default 127.0.0.1:8080,
                    loopback)
  -dir DIR          serve the locale files of DIR over the embedded ones,
                    and reload them when they change
  -allow-host N,... answer requests for these host names too (421
                    Misdirected Request for others)
  -prometheus URL   show each code's count over the last hour, day or
                    week, as the Prometheus server at URL sums
                    huiyan_results_total
`,
}

// helpError asks for a command's usage.
type helpError struct{ cmd string }

func (e helpError) Error() string { return "help requested" }

const (
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "lookup":
		err = lookup(rest, stdout)
	case "export":
		err = exportCmd(rest, stdout)
	case "lint":
		err = runLint(rest, stdout)
	case "serve":
		err = serve(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		err = flag.ErrHelp
	default:
		err = usagef("unknown command %q", cmd)
	}
	var ue usageError
	var fe *huiyan.FileError
	var he helpError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &he):
		fmt.Fprint(stdout, commandUsage[he.cmd])
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.Is(err, errProblems):
		return exitFailure
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "huiyan: %v\n", err)
		return exitUsage
	case errors.As(err, &fe):
		// Locale files that do not load: one line per problem, each
		// already "huiyan: FILE:LINE: MSG".
		fmt.Fprintln(stderr, err) // errors.Join's: a line each
		return exitFailure
	}
	fmt.Fprintf(stderr, "huiyan: %v\n", err)
	return exitFailure
}

// usageError is a mistake in the command line.
type usageError string

func (e usageError) Error() string { return string(e) }

func usagef(format string, a ...any) error {
	return usageError(fmt.Sprintf(format, a...))
}

// errProblems means that lint found problems: it has printed them, and
// the exit status alone says so.
var errProblems = errors.New("problems found")

// bundle returns the bundle of the embedded locales, or with a dir, that
// of dir's locale files layered over them.
func bundle(dir string) (*huiyan.Bundle, error) {
	if dir == "" {
		return huiyan.Default(), nil
	}
	return huiyan.NewBundle(locales.FS, huiyan.Dir(dir))
}

// tableFlag defines the flag -table of fs.
func tableFlag(fs *flag.FlagSet) *string { return fs.String("table", messages.Huiyan.Name(), "") }

// parseTable returns the table that -table names.
func parseTable(cmd, name string) (*messages.Table, error) {
	for _, t := range load.Tables {
		if t.Name() == name {
			return t, nil
		}
	}
	return nil, usagef("%s: unknown table %q (want huiyan or faceid)", cmd, name)
}

func lookup(args []string, stdout io.Writer) error {
	fs := newFlagSet("lookup")
	lang := fs.String("lang", canonical, "")
	format := fs.String("format", "text", "")
	dir := fs.String("dir", "", "")
	table := tableFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("lookup: missing CODE")
	case len(pos) > 1:
		return usagef("lookup: one CODE expected, got %d arguments: %s", len(pos), strings.Join(pos, " "))
	}
	tbl, err := parseTable("lookup", *table)
	if err != nil {
		return err
	}
	code, err := parseCode(pos[0])
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("lookup: unsupported format %q (want text or json)", *format)
	}
	b, err := lookupBundle(*dir, *lang, tbl)
	if err != nil {
		return err
	}
	if tbl == faceid.Table {
		return lookupIn(stdout, b, faceid.Code(code), *lang, *format)
	}
	return lookupIn(stdout, b, messages.Code(code), *lang, *format)
}

// lookupIn writes code in lang, or with lang all in every locale of b: in
// text, one block per locale; in JSON, the code as export -lang all
// writes it.
func lookupIn[C messages.TableCode](w io.Writer, b *huiyan.Bundle, code C, lang, format string) error {
	if lang != export.All {
		m := huiyan.LocalizeWith(b, code, lang, nil)
		if format == "json" {
			return export.JSON(w, m)
		}
		return writeText(w, m)
	}
	if format == "json" {
		return export.JSON(w, export.NewLookupAll(b, code))
	}
	for i, l := range b.Locales() {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if err := writeText(w, huiyan.LocalizeWith(b, code, l, nil)); err != nil {
			return err
		}
	}
	return nil
}

// docs/grafana-dashboard.json follows the embedded locale files:
//go:generate sh -c "go run . export -format grafana -lang en-US > ../../docs/grafana-dashboard.json"

func exportCmd(args []string, stdout io.Writer) error {
	fs := newFlagSet("export")
	lang := fs.String("lang", canonical, "")
	format := fs.String("format", "json", "")
	dir := fs.String("dir", "", "")
	table := tableFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("export: unexpected arguments: %s", strings.Join(pos, " "))
	}
	tbl, err := parseTable("export", *table)
	if err != nil {
		return err
	}
	if !slices.Contains([]string{"json", "csv", "markdown", "grafana"}, *format) {
		return usagef("export: unsupported format %q (want json, csv, markdown or grafana)", *format)
	}
	if *format == "grafana" && *lang == export.All {
		return usagef("export: -format grafana takes one language, not all")
	}
	if *format == "grafana" && tbl != load.Tables[0] {
		return usagef("export: -format grafana writes one dashboard for every table; it takes no -table")
	}
	b, err := bundle(*dir)
	if err != nil {
		return err
	}
	if *format == "grafana" {
		return grafana.Write(stdout, b, *lang)
	}
	if tbl == faceid.Table {
		return exportTable[faceid.Code](stdout, b, *lang, *format)
	}
	return exportTable[messages.Code](stdout, b, *lang, *format)
}

// exportTable writes the codes of C's table in lang and format.
func exportTable[C messages.TableCode](w io.Writer, b *huiyan.Bundle, lang, format string) error {
	switch {
	case format == "csv":
		return export.CSV[C](w, b, lang)
	case format == "markdown":
		return export.Markdown[C](w, b, lang)
	case lang == export.All:
		return export.JSON(w, export.NewSideBySide[C](b))
	}
	return export.JSON(w, export.NewCatalogue[C](b, lang))
}

// newFlagSet returns a flag set that reports errors to its caller alone:
// run prints them on one line.
func newFlagSet(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet("huiyan "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseArgs parses the flags of fs wherever they stand in args and returns
// the other arguments. The flag package alone stops at the first non-flag
// argument and takes a negative number for a flag; here an argument is a
// flag when it starts with a dash followed by something other than a digit,
// and "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-' && (a[1] < '0' || a[1] > '9'):
			flags = append(flags, a)
			if takesValue(fs, a) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			pos = append(pos, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, helpError{strings.TrimPrefix(fs.Name(), "huiyan ")}
		}
		return nil, usagef("%s: %v", strings.TrimPrefix(fs.Name(), "huiyan "), err)
	}
	return pos, nil
}

// takesValue reports whether arg is a flag of fs that takes the next
// argument as its value: a flag that is defined, not boolean, and not
// written -name=value.
func takesValue(fs *flag.FlagSet, arg string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// parseCode parses the code of lookup, of any table.
func parseCode(s string) (int, error) {
	c, err := messages.ParseCode(s)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, usagef("lookup: code %s is out of range", s)
	case err != nil:
		return 0, usagef("lookup: code %q is not a number", s)
	}
	return int(c), nil
}

// textIndent aligns the texts after their labels.
const textIndent = "        "

// writeText writes m as a header line and one labelled line per text. The
// header names the table of a code of a table other than Huiyan's, and
// says when the result is billed.
func writeText[C messages.TableCode](w io.Writer, m huiyan.MessageOf[C]) error {
	var sb strings.Builder
	name := m.Code.String()
	if !m.Known {
		name = "unknown code"
	}
	tbl := m.Code.Table()
	if tbl != load.Tables[0] {
		sb.WriteString(tbl.Name() + " ")
	}
	category := export.Category(m.Code)
	if e, ok := tbl.Lookup(int(m.Code)); ok && e.Billed {
		category += ", billed"
	}
	fmt.Fprintf(&sb, "%d %s (%s) [%s]\n", int(m.Code), name, category, m.Lang)
	for _, f := range []struct{ label, text string }{
		{"User:", m.User},
		{"Title:", m.Title},
		{"Detail:", m.Detail},
		{"Remedy:", m.Remedy},
	} {
		if f.text != "" {
			// A text from a locale file may span lines; keep them aligned.
			text := strings.ReplaceAll(f.text, "\n", "\n"+textIndent)
			fmt.Fprintf(&sb, "%-*s%s\n", len(textIndent), f.label, text)
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
