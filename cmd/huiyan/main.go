// Huiyan explains Tencent Huiyan (face verification) error codes: what to
// tell the end user, and what the operator should know and do.
//
// Usage:
//
//	huiyan lookup CODE [-lang L] [-format text|json]
//	huiyan export [-lang L] [-format json]
//
// The commands are:
//
//	lookup  show the message for one code
//	export  print the whole catalogue, every code in ascending order
//
// The flags are:
//
//	-lang L
//		the language: a BCP 47 tag (en-US), a WeChat language value
//		(zh_CN) or a whole Accept-Language header
//		("zh-CN,zh;q=0.9,en;q=0.8"). The default is zh-CN.
//	-format F
//		the output: text (the default of lookup) or json (the default,
//		and for now the only format, of export).
//
// Flags may come before or after the code. A negative code is a code, not
// a flag: huiyan lookup -5, or huiyan lookup -- -5.
//
// The texts are those of [huiyan.Localize]; a code outside the catalogue
// gets the texts of its category and "unknown code" in the first line:
//
//	$ huiyan lookup 604 -lang en-US
//	604 SimilarityTooLow (liveness) [en-US]
//	User:   Your face could not be matched with your ID photo. ...
//	Title:  Similarity did not reach the passing standard
//	Detail: The similarity between the frame captured during ...
//
// In JSON, a message is an object with the keys code, name, category,
// known, lang, user, title, detail and remedy, in that order; export prints
// {"lang": L, "messages": [...]}.
//
// The exit status is 0 on success, 2 for a mistake in the command line and
// 1 when the output cannot be written.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

const usage = `Usage:
  huiyan lookup CODE [-lang L] [-format text|json]
  huiyan export [-lang L] [-format json]

Commands:
  lookup  show what a Huiyan error code means, for the end user and the operator
  export  print the whole catalogue in one language

Flags:
  -lang L    a BCP 47 tag (en-US), a WeChat value (zh_CN) or an
             Accept-Language header (default zh-CN)
  -format F  text or json for lookup (default text); json for export
`

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
		err = export(rest, stdout)
	case "help", "-h", "-help", "--help":
		err = flag.ErrHelp
	default:
		err = usagef("unknown command %q", cmd)
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "huiyan: %v\n", err)
		return exitUsage
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

func lookup(args []string, stdout io.Writer) error {
	fs := newFlagSet("lookup")
	lang := fs.String("lang", huiyan.Canonical, "")
	format := fs.String("format", "text", "")
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
	code, err := parseCode(pos[0])
	if err != nil {
		return err
	}
	var write func(io.Writer, huiyan.Message) error
	switch *format {
	case "text":
		write = writeText
	case "json":
		write = func(w io.Writer, m huiyan.Message) error { return writeJSON(w, newJSONMessage(m)) }
	default:
		return usagef("lookup: unsupported format %q (want text or json)", *format)
	}
	return write(stdout, huiyan.Default().Localize(code, *lang))
}

func export(args []string, stdout io.Writer) error {
	fs := newFlagSet("export")
	lang := fs.String("lang", huiyan.Canonical, "")
	format := fs.String("format", "json", "")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("export: unexpected arguments: %s", strings.Join(pos, " "))
	}
	if *format != "json" {
		return usagef("export: unsupported format %q (want json)", *format)
	}
	b := huiyan.Default()
	codes := messages.All()
	out := jsonCatalogue{Messages: make([]jsonMessage, len(codes))}
	for i, c := range codes {
		out.Messages[i] = newJSONMessage(b.Localize(c, *lang))
	}
	out.Lang = out.Messages[0].Lang // the catalogue is never empty
	return writeJSON(stdout, out)
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
			return nil, err
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

func parseCode(s string) (messages.Code, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, usagef("lookup: code %s is out of range", s)
		}
		return 0, usagef("lookup: code %q is not a number", s)
	}
	return messages.Code(n), nil
}

// textIndent aligns the texts after their labels.
const textIndent = "        "

// writeText writes m as a header line and one labelled line per text.
func writeText(w io.Writer, m huiyan.Message) error {
	var sb strings.Builder
	name := m.Code.String()
	if !m.Known {
		name = "unknown code"
	}
	fmt.Fprintf(&sb, "%d %s (%s) [%s]\n", int(m.Code), name, m.Code.Category(), m.Lang)
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

// jsonMessage is a Message as the JSON output spells it; the field order
// is the key order.
type jsonMessage struct {
	Code     int    `json:"code"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Known    bool   `json:"known"`
	Lang     string `json:"lang"`
	User     string `json:"user"`
	Title    string `json:"title"`
	Detail   string `json:"detail"`
	Remedy   string `json:"remedy"`
}

func newJSONMessage(m huiyan.Message) jsonMessage {
	return jsonMessage{
		Code:     int(m.Code),
		Name:     m.Code.String(),
		Category: m.Code.Category().String(),
		Known:    m.Known,
		Lang:     m.Lang,
		User:     m.User,
		Title:    m.Title,
		Detail:   m.Detail,
		Remedy:   m.Remedy,
	}
}

type jsonCatalogue struct {
	Lang     string        `json:"lang"`
	Messages []jsonMessage `json:"messages"`
}

// writeJSON writes v indented, with Chinese and punctuation as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
