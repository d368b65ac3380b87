package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

// runArgs runs the command line and returns its exit status and output.
func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestLookupREADME runs the README's main command.
func TestLookupREADME(t *testing.T) {
	code, stdout, stderr := runArgs("lookup", "604", "-lang", "en-US")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
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
		{"Accept-Language header to Chinese", []string{"lookup", "604", "-lang", "zh-TW,zh;q=0.9,en;q=0.8"}, 604, "zh-CN", "604 SimilarityTooLow (liveness) [zh-CN]"},
		{"unknown code", []string{"lookup", "699", "-lang", "en-US"}, 699, "en-US", "699 unknown code (liveness) [en-US]"},
		{"negative code after --", []string{"lookup", "-lang", "en-US", "--", "-5"}, -5, "en-US", "-5 unknown code (general) [en-US]"},
		{"negative code", []string{"lookup", "-5", "-lang", "en-US"}, -5, "en-US", "-5 unknown code (general) [en-US]"},
		{"negative code between flags", []string{"lookup", "-lang", "en-US", "-5", "-format", "text"}, -5, "en-US", "-5 unknown code (general) [en-US]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runArgs(tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
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
			head: `"code": 604, "name": "SimilarityTooLow", "category": "liveness", "known": true, "lang": "en-US"`,
		},
		{
			name: "zh_CN flags before code",
			args: []string{"lookup", "-format", "json", "-lang", "zh_CN", "604"},
			code: 604, lang: "zh-CN",
			head:  `"code": 604, "name": "SimilarityTooLow", "category": "liveness", "known": true, "lang": "zh-CN"`,
			rawIn: huiyan.Localize(604, "zh-CN").User,
		},
		{
			name: "unknown code",
			args: []string{"lookup", "699", "-format=json", "-lang", "en-US"},
			code: 699, lang: "en-US",
			head: `"code": 699, "name": "Code(699)", "category": "liveness", "known": false, "lang": "en-US"`,
		},
		{
			name: "negative code",
			args: []string{"lookup", "-format", "json", "--", "-5"},
			code: -5, lang: "zh-CN",
			head: `"code": -5, "name": "Code(-5)", "category": "general", "known": false, "lang": "zh-CN"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runArgs(tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			m := huiyan.Localize(tt.code, tt.lang)
			var want strings.Builder
			want.WriteString("{\n")
			for kv := range strings.SplitSeq(tt.head, ", ") {
				want.WriteString("  " + kv + ",\n")
			}
			fmt.Fprintf(&want, "  \"user\": %s,\n  \"title\": %s,\n  \"detail\": %s,\n  \"remedy\": %s\n}\n",
				jsonString(t, m.User), jsonString(t, m.Title), jsonString(t, m.Detail), jsonString(t, m.Remedy))
			if stdout != want.String() {
				t.Errorf("output:\n%s\nwant:\n%s", stdout, want.String())
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
			code, stdout, stderr := runArgs(tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !strings.HasPrefix(stdout, "{\n  \"lang\": ") {
				t.Errorf("output does not start with the indented lang key:\n%.80s", stdout)
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
		{"export csv not yet", []string{"export", "-format", "csv"}, `unsupported format "csv"`},
		{"export markdown not yet", []string{"export", "-format", "markdown"}, `unsupported format "markdown"`},
		{"export text", []string{"export", "-format", "text"}, `unsupported format "text"`},
		{"export argument", []string{"export", "604"}, "unexpected arguments"},
		{"export unknown flag", []string{"export", "-dir", "x"}, "flag provided but not defined: -dir"},
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

func TestHelp(t *testing.T) {
	for _, args := range [][]string{
		{"-h"}, {"-help"}, {"--help"}, {"help"},
		{"lookup", "-h"}, {"lookup", "604", "-help"}, {"export", "--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runArgs(args...)
			if code != 0 || stdout != usage || stderr != "" {
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
