package huiyan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"known", &huiyan.Error{Code: messages.FaceTooClose}, "huiyan: 655 FaceTooClose: Face too close to the screen"},
		{"with a cause", &huiyan.Error{Code: messages.ComparisonTimeout, Err: io.ErrUnexpectedEOF},
			"huiyan: 822 ComparisonTimeout: Image comparison timed out: unexpected EOF"},
		{"unknown", &huiyan.Error{Code: 699}, "huiyan: 699 Code(699): Liveness detection: unknown error code 699"},
		{"negative", &huiyan.Error{Code: -5}, "huiyan: -5 Code(-5): General: unknown error code -5"},
		{"wrapped", fmt.Errorf("verify order 42: %w", &huiyan.Error{Code: messages.LightTooDim}),
			"verify order 42: huiyan: 659 LightTooDim: Lighting too dim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestErrorNoUserText checks that an error's message and log value hold
// no text written for the end user, in any language, for any code.
func TestErrorNoUserText(t *testing.T) {
	b := huiyan.Default()
	codes := append(messages.All(), 699, 1001)
	for _, c := range codes {
		if c == messages.Success {
			continue // its user text, "Verification successful", is no secret
		}
		err := &huiyan.Error{Code: c}
		var log bytes.Buffer
		slog.New(slog.NewTextHandler(&log, nil)).Info("x", "e", err)
		for _, lang := range b.Locales() {
			user := b.Localize(c, lang).User
			if strings.Contains(err.Error(), user) || strings.Contains(log.String(), user) {
				t.Errorf("code %d: the error shows the %s user text %q", c, lang, user)
			}
		}
	}
}

func TestErrorIsAs(t *testing.T) {
	base := &huiyan.Error{Code: messages.SMSCodeExpired, Err: io.EOF}
	wrapped := fmt.Errorf("handler: %w", fmt.Errorf("verify: %w", base))
	tests := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"its code", base, messages.SMSCodeExpired, true},
		{"its code, wrapped twice", wrapped, messages.SMSCodeExpired, true},
		{"another code", wrapped, messages.SMSCodeIncorrect, false},
		{"its cause", wrapped, io.EOF, true},
		{"another error", wrapped, io.ErrUnexpectedEOF, false},
		{"unknown code", &huiyan.Error{Code: 1234}, messages.Code(1234), true},
		{"joined", errors.Join(io.ErrClosedPipe, base), messages.SMSCodeExpired, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, tt.target); got != tt.want {
				t.Errorf("errors.Is(%q, %v) = %v, want %v", tt.err, tt.target, got, tt.want)
			}
		})
	}

	var he *huiyan.Error
	if !errors.As(wrapped, &he) || he != base {
		t.Fatalf("errors.As found %v, want %v", he, base)
	}
	if he.Code != messages.SMSCodeExpired || !slices.Equal(he.Unwrap(), []error{messages.SMSCodeExpired, io.EOF}) {
		t.Errorf("Code, Unwrap = %d, %v; want the code and the cause", he.Code, he.Unwrap())
	}
	if got := (&huiyan.Error{Code: messages.FaceTooClose}).Unwrap(); !slices.Equal(got, []error{messages.FaceTooClose}) {
		t.Errorf("Unwrap without a cause = %v, want the code alone", got)
	}
}

func TestErrorLogValue(t *testing.T) {
	tests := []struct {
		name string
		err  *huiyan.Error
		want map[string]any
	}{
		{
			name: "known",
			err:  &huiyan.Error{Code: messages.FaceTooClose},
			want: map[string]any{
				"table": "huiyan", "code": 655.0, "name": "FaceTooClose", "category": "liveness", "retryable": true,
				"lang": "en-US", "title": "Face too close to the screen",
			},
		},
		{
			name: "with detail, remedy and a cause",
			err:  &huiyan.Error{Code: messages.SystemError, Err: io.ErrUnexpectedEOF},
			want: map[string]any{
				"table": "huiyan", "code": 8.0, "name": "SystemError", "category": "general", "retryable": true,
				"lang": "en-US", "title": "System error",
				"detail": "An unrecognized error was caught during processing.",
				"remedy": "Contact the Tencent technical staff who support your project.",
				"err":    "unexpected EOF",
			},
		},
		{
			name: "unknown",
			err:  &huiyan.Error{Code: 899},
			want: map[string]any{
				"table": "huiyan", "code": 899.0, "name": "Code(899)", "category": "image_comparison", "retryable": false,
				"lang": "en-US", "title": "Image comparison: unknown error code 899",
				"detail": "This error code is not in this library's error code table; its hundreds digit places it in image comparison.",
				"remedy": "Check the latest Tencent Huiyan error code documentation, or ask Tencent technical staff what this code means.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			slog.New(slog.NewJSONHandler(&buf, nil)).Error("verify failed", "huiyan", tt.err)
			var line struct {
				Huiyan map[string]any `json:"huiyan"`
			}
			if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
				t.Fatal(err)
			}
			if len(line.Huiyan) != len(tt.want) {
				t.Errorf("logged %v, want %v", line.Huiyan, tt.want)
			}
			for k, v := range tt.want {
				if line.Huiyan[k] != v {
					t.Errorf("logged %s = %#v, want %#v", k, line.Huiyan[k], v)
				}
			}
		})
	}
}

// TestErrorBundle checks that an error whose Bundle is set speaks with
// that bundle's texts: a deployment's operator title shows in its message
// and its log value; without one, Default's.
func TestErrorBundle(t *testing.T) {
	const title = "Face too close (see runbook 12)"
	b := mustBundle(locales.FS, fstest.MapFS{
		"en-US.toml": {Data: []byte("[655]\ntitle = \"" + title + "\"\n")},
	})
	tests := []struct {
		name  string
		err   *huiyan.Error
		title string
	}{
		{"the deployment's bundle", &huiyan.Error{Code: messages.FaceTooClose, Err: io.EOF, Bundle: b}, title},
		{"no bundle: Default", &huiyan.Error{Code: messages.FaceTooClose, Err: io.EOF}, "Face too close to the screen"},
		{"a code the bundle did not change", &huiyan.Error{Code: messages.LightTooDim, Err: io.EOF, Bundle: b}, "Lighting too dim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := tt.err.Code
			want := "huiyan: " + fmt.Sprint(int(code)) + " " + code.String() + ": " + tt.title + ": EOF"
			if got := tt.err.Error(); got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
			var log bytes.Buffer
			slog.New(slog.NewJSONHandler(&log, nil)).Info("x", "e", tt.err)
			var line struct{ E struct{ Title, Err string } }
			if err := json.Unmarshal(log.Bytes(), &line); err != nil || line.E.Title != tt.title || line.E.Err != "EOF" {
				t.Errorf("logged %s (%v), want title %q", log.String(), err, tt.title)
			}
			if !errors.Is(tt.err, code) || !errors.Is(tt.err, io.EOF) {
				t.Error("errors.Is does not find the code and the cause")
			}
		})
	}
}
