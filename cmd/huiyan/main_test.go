package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// runArgs runs the command line and returns its exit status and output.
func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs a command line that must succeed silently on stderr and
// returns its standard output.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := runArgs(args...)
	if code != 0 || stderr != "" {
		t.Fatalf("huiyan %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
	}
	return stdout
}

// TestLookupREADME runs the README's main command.
func TestLookupREADME(t *testing.T) {
	stdout := mustRun(t, "lookup", "604", "-lang", "en-US")
	if want := "Title:  Similarity did not reach the passing standard\n"; !strings.Contains(stdout, want) {
		t.Errorf("output lacks %q:\n%s", want, stdout)
	}
}

// wantText is the text output for m under header: the texts come from the
// library, the layout is written out here.
func wantText(header string, m huiyan.Message) string {
	s := header + "\n" + "User:   " + m.User + "\n" + "Title:  " + m.Title + "\n"
	if m.Detail != "" {
		s += "Detail: " + m.Detail + "\n"
	}
	if m.Remedy != "" {
		s += "Remedy: " + m.Remedy + "\n"
	}
	return s
}

func TestLookupText(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   messages.Code
		lang   string // as passed to Localize
		header string
	}{
		{"en-US flags after code", []string{"lookup", "604", "-lang", "en-US"}, 604, "en-US", "604 SimilarityTooLow (liveness) [en-US]"},
		{"WeChat zh_CN flags before code", []string{"lookup", "-lang", "zh_CN", "604"}, 604, "zh-CN", "604 SimilarityTooLow (liveness) [zh-CN]"},
		{"default language", []string{"lookup", "604"}, 604, "zh-CN", "604 SimilarityTooLow (liveness) [zh-CN]"},
		{"flag with equals", []string{"lookup", "-lang=en", "655"}, 655, "en-US", "655 FaceTooClose (liveness) [en-US]"},
		{"explicit text format around code", []string{"lookup", "-format", "text", "655", "-lang", "en-US"}, 655, "en-US", "655 FaceTooClose (liveness) [en-US]"},
		{"Accept-Language header to English", []string{"lookup", "604", "-lang", "fr-CH, fr;q=0.9, en;q=0.8"}, 604, "en-US", "604 SimilarityTooLow (liveness) [en-US]"},
		{"Accept-Language header to Chinese", []string{"lookup", "604", "-lang", "zh-CN,zh;q=0.9,en;q=0.8"}, 604, "zh-CN", "604 SimilarityTooLow (liveness) [zh-CN]"},
		{"Accept-Language header to Traditional Chinese", []string{"lookup", "604", "-lang", "zh-TW,zh;q=0.9,en;q=0.8"}, 604, "zh-TW", "604 SimilarityTooLow (liveness) [zh-TW]"},
		{"WeChat zh_HK", []string{"lookup", "604", "-lang", "zh_HK"}, 604, "zh-HK", "604 SimilarityTooLow (liveness) [zh-HK]"},
		{"unknown code", []string{"lookup", "699", "-lang", "en-US"}, 699, "en-US", "699 unknown code (liveness) [en-US]"},
		{"negative code after --", []string{"lookup", "-lang", "en-US", "--", "-5"}, -5, "en-US", "-5 unknown code (general) [en-US]"},
		{"negative code", []string{"lookup", "-5", "-lang", "en-US"}, -5, "en-US", "-5 unknown code (general) [en-US]"},
		{"negative code between flags", []string{"lookup", "-lang", "en-US", "-5", "-format", "text"}, -5, "en-US", "-5 unknown code (general) [en-US]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stdout := mustRun(t, tt.args...)
			if want := wantText(tt.header, huiyan.Localize(tt.code, tt.lang)); stdout != want {
				t.Errorf("output:\n%s\nwant:\n%s", stdout, want)
			}
		})
	}
}

// TestLookupTextOmitsEmpty checks that a text a message lacks has no line,
// on whichever codes lack one in en-US.
func TestLookupTextOmitsEmpty(t *testing.T) {
	for _, label := range []string{"Detail:", "Remedy:"} {
		var code messages.Code
		found := false
		for _, c := range messages.All() {
			m := huiyan.Localize(c, "en-US")
			if label == "Detail:" && m.Detail == "" || label == "Remedy:" && m.Remedy == "" {
				code, found = c, true
				break
			}
		}
		if !found {
			continue // every code has that text
		}
		_, stdout, _ := runArgs("lookup", fmt.Sprint(int(code)), "-lang", "en-US")
		if strings.Contains(stdout, label) {
			t.Errorf("code %d has no %s text, but the output shows the line:\n%s", code, label, stdout)
		}
	}
}

// jsonString is s as a JSON string, with the HTML characters as they are.
func jsonString(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func TestLookupJSON(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		code  messages.Code
		lang  string // as passed to Localize
		head  string // the keys before user, in order
		rawIn string // a text that must appear unescaped
	}{
		{
			name: "en-US",
			args: []string{"lookup", "604", "-lang", "en-US", "-format", "json"},
			code: 604, lang: "en-US",
			head: `"table":"huiyan","code":604,"name":"SimilarityTooLow","category":"liveness","known":true,"lang":"en-US"`,
		},
		{
			name: "zh_CN flags before code",
			args: []string{"lookup", "-format", "json", "-lang", "zh_CN", "604"},
			code: 604, lang: "zh-CN",
			head:  `"table":"huiyan","code":604,"name":"SimilarityTooLow","category":"liveness","known":true,"lang":"zh-CN"`,
			rawIn: huiyan.Localize(604, "zh-CN").User,
		},
		{
			name: "unknown code",
			args: []string{"lookup", "699", "-format=json", "-lang", "en-US"},
			code: 699, lang: "en-US",
			head: `"table":"huiyan","code":699,"name":"Code(699)","category":"liveness","known":false,"lang":"en-US"`,
		},
		{
			name: "negative code",
			args: []string{"lookup", "-format", "json", "--", "-5"},
			code: -5, lang: "zh-CN",
			head: `"table":"huiyan","code":-5,"name":"Code(-5)","category":"general","known":false,"lang":"zh-CN"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stdout := mustRun(t, tt.args...)
			m := huiyan.Localize(tt.code, tt.lang)
			want := fmt.Sprintf("{%s,\"user\":%s,\"title\":%s,\"detail\":%s,\"remedy\":%s}\n",
				tt.head, jsonString(t, m.User), jsonString(t, m.Title), jsonString(t, m.Detail), jsonString(t, m.Remedy))
			if stdout != want {
				t.Errorf("output:\n%s\nwant:\n%s", stdout, want)
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(stdout), &v); err != nil {
				t.Errorf("output does not parse: %v", err)
			}
			if !strings.Contains(stdout, tt.rawIn) {
				t.Errorf("output lacks %q as is:\n%s", tt.rawIn, stdout)
			}
		})
	}
}

func TestExport(t *testing.T) {
	tests := []struct {
		name string
		args []string
		lang string // as passed to Localize
		want string // the export's lang
	}{
		{"en-US", []string{"export", "-lang", "en-US", "-format", "json"}, "en-US", "en-US"},
		{"default format", []string{"export", "-lang", "en"}, "en-US", "en-US"},
		{"default language", []string{"export"}, "zh-CN", "zh-CN"},
		{"Accept-Language header", []string{"export", "-lang", "de-DE,de;q=0.9,en;q=0.5"}, "en-US", "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stdout := mustRun(t, tt.args...)
			if !strings.HasPrefix(stdout, "{\"table\":\"huiyan\",\"lang\":") || strings.Count(stdout, "\n") != 1 {
				t.Errorf("output is not one line that starts with the lang key:\n%.80s", stdout)
			}
			var got jsonCatalogue
			dec := json.NewDecoder(strings.NewReader(stdout))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			if got.Lang != tt.want {
				t.Errorf("lang = %q, want %q", got.Lang, tt.want)
			}
			all := messages.All()
			if len(got.Messages) != 73 || len(got.Messages) != len(all) {
				t.Fatalf("%d messages, want 73, the %d codes of messages.All", len(got.Messages), len(all))
			}
			if !slices.IsSortedFunc(got.Messages, func(a, b jsonMessage) int { return a.Code - b.Code }) {
				t.Errorf("messages are not ordered by code")
			}
			for i, c := range all {
				if want := newJSONMessage(huiyan.Localize(c, tt.lang)); got.Messages[i] != want {
					t.Errorf("message %d = %+v, want %+v", i, got.Messages[i], want)
				}
			}
		})
	}
}

// TestExportRaw checks that Chinese texts are written as they are.
func TestExportRaw(t *testing.T) {
	_, stdout, _ := runArgs("export", "-lang", "zh-CN")
	if want := huiyan.Localize(messages.FaceTooClose, "zh-CN").User; !strings.Contains(stdout, want) {
		t.Errorf("export lacks %q as is", want)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the error line
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"top-level flag", []string{"-lang", "en"}, `unknown command "-lang"`},
		{"missing code", []string{"lookup"}, "missing CODE"},
		{"missing code with flags", []string{"lookup", "-lang", "en-US"}, "missing CODE"},
		{"non-numeric code", []string{"lookup", "abc"}, `"abc" is not a number`},
		{"fractional code", []string{"lookup", "6.04"}, `"6.04" is not a number`},
		{"code out of range", []string{"lookup", "99999999999999999999"}, "out of range"},
		{"negative code out of range", []string{"lookup", "--", "-99999999999999999999"}, "out of range"},
		{"extra argument", []string{"lookup", "604", "605"}, "one CODE expected"},
		{"extra argument after flags", []string{"lookup", "604", "-lang", "en", "x"}, "one CODE expected"},
		{"flag after --", []string{"lookup", "--", "604", "-lang", "en"}, "one CODE expected"},
		{"unknown flag", []string{"lookup", "604", "-x"}, "flag provided but not defined: -x"},
		{"unknown flag before code", []string{"lookup", "-verbose", "604"}, "flag provided but not defined: -verbose"},
		{"flag without value", []string{"lookup", "604", "-lang"}, "flag needs an argument: -lang"},
		{"bad flag syntax", []string{"lookup", "604", "---lang", "en"}, "bad flag syntax"},
		{"unsupported lookup format", []string{"lookup", "604", "-format", "xml"}, `unsupported format "xml"`},
		{"export text", []string{"export", "-format", "text"}, `unsupported format "text"`},
		{"export text for all", []string{"export", "-format", "text", "-lang", "all"}, `unsupported format "text"`},
		{"export format checked before -dir", []string{"export", "-format", "xml", "-dir", "testdata/dir/broken"}, `unsupported format "xml"`},
		{"export argument", []string{"export", "604"}, "unexpected arguments"},
		{"export unknown flag", []string{"export", "-x", "1"}, "flag provided but not defined: -x"},
		{"export -dir without value", []string{"export", "-dir"}, "flag needs an argument: -dir"},
		{"lookup -dir without value", []string{"lookup", "604", "-dir"}, "flag needs an argument: -dir"},
		{"lint unknown flag", []string{"lint", "-bogus", "testdata/lint/empty-string"}, "flag provided but not defined: -bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runArgs(tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if !strings.HasPrefix(stderr, "huiyan: ") || !strings.HasSuffix(stderr, "\n") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr = %q, want one line starting huiyan: ", stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.want)
			}
		})
	}
}

func TestNoArguments(t *testing.T) {
	code, stdout, stderr := runArgs()
	if code != exitUsage || stdout != "" || stderr != usage {
		t.Errorf("exit %d, stdout %q, stderr %q; want %d, nothing and the usage", code, stdout, stderr, exitUsage)
	}
}

// TestHelp checks that -h prints the usage asked for: the command's, or
// huiyan's as a whole.
func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-h"}, usage}, {[]string{"-help"}, usage}, {[]string{"--help"}, usage}, {[]string{"help"}, usage},
		{[]string{"lookup", "-h"}, commandUsage["lookup"]},
		{[]string{"lookup", "604", "-help"}, commandUsage["lookup"]},
		{[]string{"export", "--help"}, commandUsage["export"]},
		{[]string{"lint", "-h"}, commandUsage["lint"]},
		{[]string{"lint", "testdata/lint/empty-string", "-help"}, commandUsage["lint"]},
		{[]string{"serve", "-h"}, commandUsage["serve"]},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runArgs(tt.args...)
			if code != 0 || stdout != tt.want || stderr != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 0, the usage and nothing", code, stdout, stderr)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteError(t *testing.T) {
	for _, args := range [][]string{
		{"lookup", "604"},
		{"lookup", "604", "-format", "json"},
		{"export"},
		{"export", "-lang", "all"},
		{"export", "-format", "csv"},
		{"export", "-format", "markdown", "-lang", "all"},
		{"lint"},
		{"lint", "testdata/lint/empty-string"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(args, failingWriter{}, &stderr)
			if code != exitFailure || stderr.String() != "huiyan: broken pipe\n" {
				t.Errorf("exit %d, stderr %q; want %d and the error", code, stderr.String(), exitFailure)
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite the golden files of testdata/lint")

// lintCases are the broken locale directories of testdata/lint, one per
// kind of problem. Each directory KIND has its expected output in
// KIND.golden: the standard output of huiyan lint -strict
// testdata/lint/KIND (with -alone for a complete catalogue), then a line
// "exit N".
var lintCases = []struct {
	kind string
	// alone is true for a complete catalogue, linted with -alone.
	alone bool
	// want are lines the output must have, a problem's file named
	// relative to the case's directory: the point of the case, which
	// -update cannot overwrite.
	want []string
	// bug names a library defect that makes the output differ from the
	// golden file, which holds the right output, written by hand: while
	// the defect remains, a difference skips the case, and -update leaves
	// the file alone.
	bug string
}{
	{kind: "toml-syntax", want: []string{"en-US.toml:3: error: invalid TOML: strings cannot contain newlines"}},
	{kind: "unknown-code", want: []string{"en-US.toml:2: error: code 699 is not in the catalogue"}},
	{kind: "unknown-field", want: []string{`en-US.toml:3: error: unknown field "hint" in code 655; the fields are user, title, detail and remedy`}},
	{kind: "unknown-category", want: []string{`en-US.toml:1: error: unknown category "payment"; the categories are general, sms, id_card_ocr, liveness, identity_database, image_comparison, wechat_real_name`}},
	{kind: "duplicate-id", want: []string{"en-US.toml:5: error: 655.user is defined twice (first on line 2)"}},
	{kind: "duplicate-locale", want: []string{"en_US.toml:1: error: locale en-US is also defined by testdata/lint/duplicate-locale/en-US.toml"}},
	{kind: "reserved-key-mixed", want: []string{"en-US.toml:2: error: [655] mixes go-i18n's reserved keys (other) with texts (user); a code's table holds only user, title, detail and remedy"}},
	{kind: "reserved-key-not-allowed", want: []string{`en-US.toml:3: error: 655.user: key "id" is not allowed; a text is a string or a table of plural forms (one, other, ...)`}},
	{kind: "template-parse", want: []string{"en-US.toml:2: error: category.liveness.title: template does not parse: unclosed action"}},
	{kind: "template-action", want: []string{"en-US.toml:3: error: category.liveness.title: {{index .Code 0}}: a text may only insert parameters, such as {{.Code}}"}},
	{kind: "template-unknown-param", want: []string{"en-US.toml:3: error: 655.user: {{.Minutes}} is not a parameter of code 655 (it has Code)"}},
	{kind: "template-params-differ", want: []string{"en-US.toml:3: warning: 305.detail uses no parameter, but zh-CN's uses {{.Minutes}}"}},
	{kind: "plural-missing", want: []string{"en-US.toml:2: warning: 305.detail uses the count {{.Minutes}} and lacks the plural form one, which en-US needs"}},
	{kind: "plural-without-count", want: []string{"en-US.toml:2: error: 655.user: plural forms need a count, and code 655 has none"}},
	{kind: "plural-without-other", want: []string{"en-US.toml:1: error: 305.detail: a table of plural forms needs the form other"}},
	{kind: "untranslated-chinese", want: []string{
		`en-US.toml:2: warning: 655.user: Chinese characters or punctuation left in en-US: "Your face is too close，please hold the phone a little farther away."`,
		`en-US.toml:3: warning: 655.title: Chinese characters or punctuation left in en-US: "Face 太近"`,
	}},
	{kind: "untranslated-identical", want: []string{"en-US.toml:3: warning: 655.title is the same as zh-CN's: not translated?"}},
	{kind: "internal-term", want: []string{
		`en-US.toml:2: warning: 655.user shows the end user the internal term "SDK"`,
		`en-US.toml:5: warning: 656.user shows the end user the internal term "Token"`,
	}},
	{kind: "whitespace", want: []string{
		"en-US.toml:2: warning: 655.user has leading or trailing white space",
		"en-US.toml:3: warning: 655.title has leading or trailing white space",
		"en-US.toml:6: warning: 305.detail (one) has leading or trailing white space",
	}},
	{kind: "empty-string", want: []string{"en-US.toml:2: warning: 655.user is empty"}},
	{kind: "regional-word", want: []string{
		"zh-HK.toml:2: warning: 701.remedy: 身分證 is Taiwan usage; Hong Kong writes 身份證",
		"zh-TW.toml:3: warning: 655.user: 屏幕 is mainland usage; Taiwan writes 螢幕",
	}},
	{kind: "missing-code", alone: true, want: []string{
		"en-US.toml:285: warning: code 655 (FaceTooClose) is missing",
		"en-US: 72/73 codes complete",
	}},
	{kind: "missing-field", alone: true, want: []string{
		"en-US.toml:26: warning: code 3 (SignatureCheckFailed) lacks remedy, which zh-CN has",
		"en-US.toml:451: warning: category sms lacks detail, which zh-CN has",
		"en-US: 72/73 codes complete",
	}},
	{
		kind:  "canonical-missing-text",
		alone: true,
		want:  []string{"zh-CN.toml:263: error: code 655 (FaceTooClose) has no user text", "zh-CN: 72/73 codes complete"},
	},
	{
		kind:  "canonical-toml-syntax",
		alone: true,
		want:  []string{"zh-CN.toml:3: error: invalid TOML: strings cannot contain newlines"},
	},
	{kind: "bad-file-name", want: []string{
		`en-US copy.toml: warning: skipped: "en-US copy.toml" is not named for a language tag; name locale files like zh-CN.toml or en-US.toml, and those of the FaceID table like faceid.zh-CN.toml`,
		`english.toml: warning: skipped: "english.toml" is not named for a language tag; name locale files like zh-CN.toml or en-US.toml, and those of the FaceID table like faceid.zh-CN.toml`,
	}},
	{kind: "not-a-string", want: []string{"en-US.toml:3: error: 655.title: want a string or a table, not a TOML integer"}},
	{kind: "category-title-without-code", want: []string{"en-US.toml:2: error: category.liveness.title: the title of a category must show the code, {{.Code}}"}},
	{kind: "unexpected-key", want: []string{
		`en-US.toml:1: error: unexpected message "title": want a code table such as [655] with user, title, detail and remedy, or a category table such as [category.liveness]`,
		`en-US.toml:4: error: unexpected key "FaceTooClose": want a code table such as [655] or a category table such as [category.liveness]`,
	}},
}

// lintOutput runs huiyan lint on dirs and returns the output as a golden
// file holds it.
func lintOutput(t *testing.T, dirs ...string) string {
	t.Helper()
	code, stdout, stderr := runArgs(append([]string{"lint"}, dirs...)...)
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	return fmt.Sprintf("%sexit %d\n", stdout, code)
}

func TestLintGolden(t *testing.T) {
	for _, tc := range lintCases {
		t.Run(tc.kind, func(t *testing.T) {
			dir := "testdata/lint/" + tc.kind
			golden := dir + ".golden"
			args := []string{"-strict", dir}
			if tc.alone {
				args = append(args, "-alone")
			}
			got := lintOutput(t, args...)
			if !strings.HasSuffix(got, "\nexit 1\n") {
				t.Errorf("exit status is not 1:\n%s", got)
			}
			lines := strings.Split(got, "\n")
			for _, w := range tc.want {
				if !slices.Contains(lines, dir+"/"+w) && !slices.Contains(lines, w) {
					t.Errorf("no line %q in the output:\n%s", w, got)
				}
			}
			if *update && tc.bug == "" {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got == string(want) {
				return
			}
			diff := fmt.Sprintf("output differs from %s:\n%s\nwant:\n%s", golden, got, want)
			if tc.bug != "" && !t.Failed() {
				t.Skipf("library defect: %s\n%s", tc.bug, diff)
			}
			t.Error(diff)
		})
	}
}

// TestLintCasesComplete checks that every directory of testdata/lint is a
// case and every case has its golden file, so that none is forgotten.
func TestLintCasesComplete(t *testing.T) {
	entries, err := os.ReadDir("testdata/lint")
	if err != nil {
		t.Fatal(err)
	}
	var dirs, goldens, kinds []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		} else if kind, ok := strings.CutSuffix(e.Name(), ".golden"); ok {
			goldens = append(goldens, kind)
		}
	}
	for _, tc := range lintCases {
		kinds = append(kinds, tc.kind)
	}
	slices.Sort(kinds)
	if !slices.Equal(dirs, kinds) {
		t.Errorf("directories of testdata/lint:\n%v\nwant the lint cases:\n%v", dirs, kinds)
	}
	if !slices.Equal(goldens, kinds) {
		t.Errorf("golden files of testdata/lint:\n%v\nwant one per lint case:\n%v", goldens, kinds)
	}
}

// cleanLint is the output of lint for the shipped locales.
const (
	cleanLintLines = "zh-CN: 73/73 codes complete\nen-US: 73/73 codes complete\nzh-HK: 73/73 codes complete\nzh-TW: 73/73 codes complete\n"
	cleanLint      = cleanLintLines + "exit 0\n"
)

func TestLintClean(t *testing.T) {
	for _, dirs := range [][]string{
		nil,                       // embedded
		{"../../locales"},         // a complete catalogue, alone
		{"testdata/dir/override"}, // a deployment over the embedded files
	} {
		t.Run(fmt.Sprint(dirs), func(t *testing.T) {
			if got := lintOutput(t, dirs...); got != cleanLint {
				t.Errorf("output:\n%s\nwant:\n%s", got, cleanLint)
			}
		})
	}
}

// TestLintCompleteCatalogue checks that -alone lints a directory with a
// zh-CN.toml alone, its missing texts not filled from the embedded files,
// and that without -alone it is a layer, as -dir reads it.
func TestLintCompleteCatalogue(t *testing.T) {
	for _, dir := range []string{"testdata/lint/canonical-missing-text", "testdata/lint/missing-field", "testdata/lint/missing-code"} {
		if got := lintOutput(t, "-strict", "-alone", dir); strings.HasSuffix(got, "exit 0\n") {
			t.Errorf("lint -strict -alone %s: exit 0, want problems:\n%s", dir, got)
		}
		for _, args := range [][]string{{dir}, {"-dir", dir}} {
			if got := lintOutput(t, args...); strings.Contains(got, "is missing") || strings.Contains(got, "lacks") || strings.Contains(got, "72/73") {
				t.Errorf("lint %s: the embedded files do not fill what it lacks:\n%s", args, got)
			}
		}
	}
}

// TestLintShippedLayer checks the shipped layer both ways a newcomer
// would lint it: clean, as it loads.
func TestLintShippedLayer(t *testing.T) {
	for _, args := range [][]string{
		{"../../locales/uniform-identity"},
		{"-dir", "../../locales/uniform-identity"},
		{"-strict", "../../locales/uniform-identity"},
		{"-strict", "-dir", "../../locales/uniform-identity"},
		{"-strict", "../../locales/uniform-identity", "testdata/dir/override"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			got := lintOutput(t, args...)
			want := cleanLint
			if len(args) == 3 && args[2] == "testdata/dir/override" {
				want = "== " + args[1] + "\n" + cleanLintLines + "== " + args[2] + "\n" + cleanLint
			}
			if got != want {
				t.Errorf("output:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestLintAloneUsage checks that -alone needs a DIR: it has no meaning for
// the embedded files or for -dir.
func TestLintAloneUsage(t *testing.T) {
	for _, args := range [][]string{{"lint", "-alone"}, {"lint", "-alone", "-dir", "testdata/deploy-zh"}} {
		code, _, stderr := runArgs(args...)
		if code != 2 || !strings.Contains(stderr, "-alone") {
			t.Errorf("%s: exit %d, %q; want 2 and a word on -alone", args, code, stderr)
		}
	}
}

func TestLintSeveralDirs(t *testing.T) {
	golden, err := os.ReadFile("testdata/lint/empty-string.golden")
	if err != nil {
		t.Fatal(err)
	}
	broken, _ := strings.CutSuffix(string(golden), "exit 1\n")
	clean, _ := strings.CutSuffix(cleanLint, "exit 0\n")
	got := lintOutput(t, "-strict", "../../locales", "testdata/lint/empty-string", "../../locales")
	want := "== ../../locales\n" + clean +
		"== testdata/lint/empty-string\n" + broken +
		"== ../../locales\n" + clean + "exit 1\n"
	if got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
}

// TestLintUnreadableDir checks that a directory lint cannot read is a
// mistake in the command line: the error alone, exit 2.
func TestLintUnreadableDir(t *testing.T) {
	tests := []struct{ name, dir, want string }{
		{"missing", "testdata/no-such-dir", "huiyan: lint: testdata/no-such-dir: no such file or directory\n"},
		{"a file", "testdata/lint/empty-string/en-US.toml", "huiyan: lint: testdata/lint/empty-string/en-US.toml is not a directory\n"},
	}
	for _, tt := range tests {
		for _, args := range [][]string{{"lint", tt.dir}, {"lint", "-dir", tt.dir}} {
			t.Run(tt.name+" "+args[1], func(t *testing.T) {
				code, stdout, stderr := runArgs(args...)
				if code != 2 || stdout != "" || stderr != tt.want {
					t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and stderr %q alone", code, stdout, stderr, tt.want)
				}
			})
		}
	}
}

// TestLintExitStatus checks that warnings fail lint only with -strict,
// and errors always.
func TestLintExitStatus(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"clean", []string{"lint"}, 0},
		{"warnings", []string{"lint", "testdata/lint/empty-string"}, 0},
		{"warnings, strict", []string{"lint", "-strict", "testdata/lint/empty-string"}, 1},
		{"error", []string{"lint", "testdata/lint/unknown-code"}, 1},
		{"error, strict", []string{"lint", "-strict", "testdata/lint/unknown-code"}, 1},
		{"partial deployment locale, strict", []string{"lint", "-strict", "testdata/dir/new-locale"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, stdout, _ := runArgs(tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d; output:\n%s", code, tt.want, stdout)
			}
		})
	}
}

// TestLintErrorsFirst checks that errors come before warnings, whatever
// their files and lines.
func TestLintErrorsFirst(t *testing.T) {
	_, stdout, _ := runArgs("lint", "testdata/lint/untranslated-identical", "testdata/lint/unknown-code")
	errAt, warnAt := strings.Index(stdout, ": error: "), strings.Index(stdout, ": warning: ")
	if errAt < 0 || warnAt < 0 {
		t.Fatalf("want an error and a warning:\n%s", stdout)
	}
	dir := t.TempDir()
	en, _ := os.ReadFile("testdata/lint/untranslated-identical/en-US.toml")
	os.WriteFile(dir+"/en-US.toml", append(en, "\n[699]\nuser = \"x\"\n"...), 0o644)
	_, stdout, _ = runArgs("lint", dir)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 2 || !strings.Contains(lines[0], ": error: code 699") || !strings.Contains(lines[1], ": warning: ") {
		t.Errorf("want the error of the later line first:\n%s", stdout)
	}
}

// TestLintPartialLocale checks a deployment's locale with a few codes: one
// summary line, and with -v what it lacks, each where it belongs.
func TestLintPartialLocale(t *testing.T) {
	stdout := mustRun(t, "lint", "testdata/dir/new-locale")
	want := "zh-CN: 73/73 codes complete\nen-US: 73/73 codes complete\n" +
		"ja-JP: a deployment's locale of 2 texts (1/73 codes complete): the texts it lacks (-v lists them) fall back to the reader's next language, then en-US or zh-CN\n" +
		"zh-HK: 73/73 codes complete\nzh-TW: 73/73 codes complete\n"
	if stdout != want {
		t.Errorf("output:\n%s\nwant:\n%s", stdout, want)
	}
	stdout = mustRun(t, "lint", "-v", "testdata/dir/new-locale")
	for _, line := range []string{
		"testdata/dir/new-locale/ja-JP.toml:2: note: code 0 (Success) is missing",
		"testdata/dir/new-locale/ja-JP.toml:2: note: code 905 (WeChatRealNameUnknownError) is missing",
	} {
		if !slices.Contains(strings.Split(stdout, "\n"), line) {
			t.Errorf("-v: no line %q in:\n%s", line, stdout)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if strings.Contains(line, ": note: ") && !strings.HasPrefix(line, "testdata/dir/new-locale/ja-JP.toml:") {
			t.Errorf("-v: a line without its file and line: %q", line)
		}
	}
}

// overrideUser is the user text of 604 in testdata/dir/override.
const overrideUser = "We could not match your face with your ID photo. Please try again in good light."

func TestDirOverride(t *testing.T) {
	stdout := mustRun(t, "lookup", "604", "-lang", "en-US", "-dir", "testdata/dir/override")
	m := huiyan.Localize(604, "en-US")
	m.User = overrideUser
	if want := wantText("604 SimilarityTooLow (liveness) [en-US]", m); stdout != want {
		t.Errorf("output:\n%s\nwant:\n%s", stdout, want)
	}

	stdout = mustRun(t, "export", "-lang", "en-US", "-dir", "testdata/dir/override")
	var got jsonCatalogue
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	for i, c := range messages.All() {
		want := newJSONMessage(huiyan.Localize(c, "en-US"))
		if c == 604 {
			want.User = overrideUser
		}
		if got.Messages[i] != want {
			t.Errorf("export: message %d = %+v, want %+v", i, got.Messages[i], want)
		}
	}
}

func TestDirBroken(t *testing.T) {
	const file = "testdata/dir/broken/en-US.toml"
	want := "huiyan: " + file + ":2: code 699 is not in the catalogue\n" +
		"huiyan: " + file + ":6: 655.user: {{.Minutes}} is not a parameter of code 655 (it has Code)\n"
	for _, args := range [][]string{
		{"lookup", "604", "-dir", "testdata/dir/broken"},
		{"export", "-dir", "testdata/dir/broken", "-format", "csv"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			for range 5 { // NewBundle finds the problems in no fixed order
				code, stdout, stderr := runArgs(args...)
				if code != exitFailure || stdout != "" || stderr != want {
					t.Fatalf("exit %d, stdout %q, stderr:\n%s\nwant %d, nothing and:\n%s", code, stdout, stderr, exitFailure, want)
				}
			}
		})
	}
	code, _, stderr := runArgs("lookup", "604", "-dir", "testdata/no-such-dir")
	if want := "huiyan: testdata/no-such-dir: cannot read the locale directory: "; code != exitFailure || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("missing -dir: exit %d, stderr %q; want %d and one line %q...", code, stderr, exitFailure, want)
	}
}

// readCSV checks that s is a CSV export for spreadsheets, a byte order
// mark and CRLF line ends, and returns its records.
func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	s, ok := strings.CutPrefix(s, "\uFEFF")
	if !ok {
		t.Errorf("CSV does not start with a UTF-8 byte order mark: %q", s[:min(len(s), 20)])
	}
	if n := strings.Count(s, "\n"); n != strings.Count(s, "\r\n") || !strings.HasSuffix(s, "\r\n") {
		t.Errorf("CSV has line ends other than CRLF")
	}
	records, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return records
}

// wantRows returns the rows of an export of b, computed from Localize:
// the code's columns, known and lang if meta, then the texts of each lang.
func wantRows(b *huiyan.Bundle, meta bool, langs ...string) [][]string {
	var rows [][]string
	for _, c := range messages.All() {
		row := []string{fmt.Sprint(int(c)), c.String(), c.Category().String()}
		for _, l := range langs {
			m := b.Localize(c, l)
			if meta {
				row = append(row, fmt.Sprint(m.Known), m.Lang)
			}
			row = append(row, m.User, m.Title, m.Detail, m.Remedy)
		}
		rows = append(rows, row)
	}
	return rows
}

var (
	header    = []string{"code", "name", "category", "known", "lang", "user", "title", "detail", "remedy"}
	headerAll = []string{"code", "name", "category",
		"user (zh-CN)", "title (zh-CN)", "detail (zh-CN)", "remedy (zh-CN)",
		"user (en-US)", "title (en-US)", "detail (en-US)", "remedy (en-US)",
		"user (zh-HK)", "title (zh-HK)", "detail (zh-HK)", "remedy (zh-HK)",
		"user (zh-TW)", "title (zh-TW)", "detail (zh-TW)", "remedy (zh-TW)"}
	shippedLocales = []string{"zh-CN", "en-US", "zh-HK", "zh-TW"}
)

func TestExportCSV(t *testing.T) {
	pipe := mustBundle(locales.FS, huiyan.Dir("testdata/dir/pipe"))
	tests := []struct {
		name   string
		args   []string
		header []string
		rows   [][]string
	}{
		{"zh-CN", []string{"export", "-format", "csv"}, header, wantRows(huiyan.Default(), true, "zh-CN")},
		{"en", []string{"export", "-format", "csv", "-lang", "en"}, header, wantRows(huiyan.Default(), true, "en")},
		{"all", []string{"export", "-format", "csv", "-lang", "all"}, headerAll, wantRows(huiyan.Default(), false, shippedLocales...)},
		{"quotes and newlines", []string{"export", "-format", "csv", "-lang", "en", "-dir", "testdata/dir/pipe"}, header, wantRows(pipe, true, "en")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stdout := mustRun(t, tt.args...)
			records := readCSV(t, stdout)
			if len(records) != 74 {
				t.Fatalf("%d rows, want 74: the header and 73 codes", len(records))
			}
			if !slices.Equal(records[0], tt.header) {
				t.Errorf("header = %q, want %q", records[0], tt.header)
			}
			for i, want := range tt.rows {
				if got := records[i+1]; !slices.Equal(got, want) {
					t.Errorf("row %d = %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

// TestExportCSVRaw checks that Chinese is written as it is, in UTF-8.
func TestExportCSVRaw(t *testing.T) {
	_, stdout, _ := runArgs("export", "-format", "csv", "-lang", "all")
	for _, s := range []string{
		huiyan.Localize(messages.FaceTooClose, "zh-CN").User,
		",FaceTooClose,liveness," + huiyan.Localize(messages.FaceTooClose, "zh-CN").User + ",",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("CSV lacks %q as is", s)
		}
	}
}

// markdownRow is a row of a Markdown table, written out here: | in a text
// is \|, a line break <br>.
func markdownRow(cells []string) string {
	var sb strings.Builder
	sb.WriteString("|")
	for _, c := range cells {
		c = strings.ReplaceAll(c, "|", `\|`)
		c = strings.ReplaceAll(c, "\n", "<br>")
		sb.WriteString(" " + c + " |")
	}
	return sb.String()
}

func TestExportMarkdown(t *testing.T) {
	pipe := mustBundle(locales.FS, huiyan.Dir("testdata/dir/pipe"))
	texts := []string{"code", "name", "category", "user", "title", "detail", "remedy"}
	tests := []struct {
		name   string
		args   []string
		header []string
		rows   [][]string
	}{
		{"zh-CN", []string{"export", "-format", "markdown"}, texts, wantRows(huiyan.Default(), false, "zh-CN")},
		{"en-US", []string{"export", "-format", "markdown", "-lang", "en-US"}, texts, wantRows(huiyan.Default(), false, "en-US")},
		{"all", []string{"export", "-format", "markdown", "-lang", "all"}, headerAll, wantRows(huiyan.Default(), false, shippedLocales...)},
		{"pipe and newline", []string{"export", "-format", "markdown", "-lang", "en", "-dir", "testdata/dir/pipe"}, texts, wantRows(pipe, false, "en")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stdout := mustRun(t, tt.args...)
			lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			if len(lines) != 75 {
				t.Fatalf("%d lines, want 75: the header, the separator and 73 codes", len(lines))
			}
			if want := markdownRow(tt.header); lines[0] != want {
				t.Errorf("header:\n%s\nwant:\n%s", lines[0], want)
			}
			if want := "|" + strings.Repeat(" --- |", len(tt.header)); lines[1] != want {
				t.Errorf("separator:\n%s\nwant:\n%s", lines[1], want)
			}
			for i, row := range tt.rows {
				if want := markdownRow(row); lines[i+2] != want {
					t.Errorf("row %d:\n%s\nwant:\n%s", i+1, lines[i+2], want)
				}
			}
		})
	}
}

// TestExportMarkdownEscapes checks the escapes on the row they are for,
// written out by hand.
func TestExportMarkdownEscapes(t *testing.T) {
	_, stdout, _ := runArgs("export", "-format", "markdown", "-lang", "en", "-dir", "testdata/dir/pipe")
	want := `| 655 | FaceTooClose | liveness | Your face is too close \| please hold the phone farther away, and try again. | Face too close<br>to the screen | Said "too close", with quotes. |  |` + "\n"
	if !strings.Contains(stdout, "\n"+want) {
		t.Errorf("output lacks the row\n%s", want)
	}
}

// objectKeys returns the keys of a JSON object in the order they appear.
func objectKeys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	var keys []string
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestExportJSONAll(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		b     *huiyan.Bundle
		langs []string
	}{
		{"embedded", []string{"export", "-lang", "all"}, huiyan.Default(), shippedLocales},
		{"new locale", []string{"export", "-lang", "all", "-format", "json", "-dir", "testdata/dir/new-locale"},
			mustBundle(locales.FS, huiyan.Dir("testdata/dir/new-locale")), []string{"zh-CN", "en-US", "ja-JP", "zh-HK", "zh-TW"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stdout := mustRun(t, tt.args...)
			if !strings.HasPrefix(stdout, "{\"table\":\"huiyan\",\"langs\":[") || strings.Count(stdout, "\n") != 1 {
				t.Errorf("output is not one line that starts with the langs key:\n%.80s", stdout)
			}
			type text struct{ Lang, User, Title, Detail, Remedy string }
			var got struct {
				Table    string   `json:"table"`
				Langs    []string `json:"langs"`
				Messages []struct {
					Code     int             `json:"code"`
					Name     string          `json:"name"`
					Category string          `json:"category"`
					Texts    json.RawMessage `json:"texts"`
				} `json:"messages"`
			}
			dec := json.NewDecoder(strings.NewReader(stdout))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			if !slices.Equal(got.Langs, tt.langs) {
				t.Errorf("langs = %q, want %q", got.Langs, tt.langs)
			}
			all := messages.All()
			if len(got.Messages) != len(all) {
				t.Fatalf("%d messages, want %d", len(got.Messages), len(all))
			}
			for i, c := range all {
				gm := got.Messages[i]
				if gm.Code != int(c) || gm.Name != c.String() || gm.Category != c.Category().String() {
					t.Errorf("message %d is %d %s %s, want %d %s %s", i, gm.Code, gm.Name, gm.Category, c, c, c.Category())
				}
				if keys := objectKeys(t, gm.Texts); !slices.Equal(keys, tt.langs) {
					t.Errorf("code %d: texts have the keys %q, want %q in that order", c, keys, tt.langs)
				}
				var texts map[string]text
				dec := json.NewDecoder(bytes.NewReader(gm.Texts))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&texts); err != nil {
					t.Fatal(err)
				}
				for _, l := range tt.langs {
					m := tt.b.Localize(c, l)
					if want := (text{m.Lang, m.User, m.Title, m.Detail, m.Remedy}); texts[l] != want {
						t.Errorf("code %d in %s = %+v, want %+v", c, l, texts[l], want)
					}
				}
			}
		})
	}
}

// TestExportJSONAllFallback checks, on a new locale with one code, that a
// text the locale lacks is served as Localize serves it to a reader of
// that locale (en-US, then zh-CN) and says so in lang.
func TestExportJSONAllFallback(t *testing.T) {
	_, stdout, _ := runArgs("export", "-lang", "all", "-dir", "testdata/dir/new-locale")
	for _, want := range []string{
		`"ja-JP":{"lang":"ja-JP","user":"かおが ちかすぎます",`,
		`"ja-JP":{"lang":"en-US","user":"` + huiyan.Localize(604, "en-US").User + `",`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks\n%s", want)
		}
	}
}

// TestLintDeploymentWithChinese checks a deployment directory whose
// zh-CN.toml changes one text: lint DIR and lint -dir DIR check it over
// the embedded files; -alone takes it for a catalogue that lacks every
// other code.
func TestLintDeploymentWithChinese(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"lint", "-dir", "testdata/deploy-zh"}, &out, &errOut); code != 0 {
		t.Errorf("lint -dir: exit %d, output:\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "zh-CN: 73/73 codes complete") {
		t.Errorf("lint -dir output:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"lint", "testdata/deploy-zh"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "zh-CN: 73/73 codes complete") {
		t.Errorf("lint DIR: exit %d, output:\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"lint", "-alone", "testdata/deploy-zh"}, &out, &errOut); code != 1 || !strings.Contains(out.String(), "zh-CN: 0/73 codes complete") {
		t.Errorf("lint -alone DIR: exit %d, output:\n%s", code, out.String())
	}
	if code := run([]string{"lint", "-dir", "testdata/deploy-zh", "locales"}, &out, &errOut); code != 2 {
		t.Errorf("lint -dir DIR DIR: exit %d, want 2", code)
	}
}

// jsonMessage is a message as the documentation spells it, to read the
// output with unknown keys refused.
type jsonMessage struct {
	Table    string `json:"table"`
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

type jsonCatalogue struct {
	Table    string        `json:"table"`
	Lang     string        `json:"lang"`
	Messages []jsonMessage `json:"messages"`
}

func newJSONMessage(m huiyan.Message) jsonMessage {
	return jsonMessage{"huiyan", int(m.Code), m.Code.String(), m.Code.Category().String(), m.Known, m.Lang, m.User, m.Title, m.Detail, m.Remedy}
}

// TestLookupAll checks lookup -lang all: the code in every locale.
func TestLookupAll(t *testing.T) {
	stdout := mustRun(t, "lookup", "655", "-lang", "all")
	var want strings.Builder
	for i, l := range shippedLocales {
		if i > 0 {
			want.WriteString("\n")
		}
		m := huiyan.Localize(655, l)
		want.WriteString(wantText("655 FaceTooClose (liveness) ["+l+"]", m))
	}
	if stdout != want.String() {
		t.Errorf("text:\n%s\nwant:\n%s", stdout, want.String())
	}
	stdout = mustRun(t, "lookup", "-format", "json", "655", "-lang", "all")
	var got struct {
		Code  int                        `json:"code"`
		Texts map[string]json.RawMessage `json:"texts"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Code != 655 || len(got.Texts) != len(shippedLocales) {
		t.Errorf("json: code %d, %d locales; want 655 in %d", got.Code, len(got.Texts), len(shippedLocales))
	}
}

// TestExportCSVFormulas checks that no text of an override file reaches a
// spreadsheet as a formula.
func TestExportCSVFormulas(t *testing.T) {
	stdout := mustRun(t, "export", "-format", "csv", "-lang", "en", "-dir", "testdata/dir/formula")
	records := readCSV(t, stdout)
	row := slices.IndexFunc(records, func(r []string) bool { return r[0] == "604" })
	if row < 0 {
		t.Fatal("no row for 604")
	}
	for i, want := range map[int]string{5: "'=HYPERLINK(\"http://evil.example\",\"Click\")", 6: "'+1 verify again", 7: "'@SUM(1)", 8: "'-2+3"} {
		if got := records[row][i]; got != want {
			t.Errorf("column %s = %q, want %q", records[0][i], got, want)
		}
	}
	if got := records[row+1][5]; strings.HasPrefix(got, "'") {
		t.Errorf("a plain text was changed: %q", got)
	}
}

// mustBundle is huiyan.NewBundle for a test's catalogue, which loads.
func mustBundle(fsys ...fs.FS) *huiyan.Bundle {
	b, err := huiyan.NewBundle(fsys...)
	if err != nil {
		panic(err)
	}
	return b
}
