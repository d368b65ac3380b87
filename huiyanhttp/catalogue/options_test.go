package catalogue

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestWithLogger sends what goes wrong to the logger given, and keeps the
// default logger for a nil one.
func TestWithLogger(t *testing.T) {
	var buf bytes.Buffer
	tests := []struct {
		name   string
		logger *slog.Logger
		want   string // in buf
	}{
		{"a logger", slog.New(slog.NewTextHandler(&buf, nil)), "no counts"},
		{"nil keeps the default", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf.Reset()
			h := New(nil, WithLogger(tt.logger), WithPrometheus("ftp://prometheus"))
			if code, _ := getPage(t, h, "/?lang=en-US"); code != 200 {
				t.Errorf("status %d", code)
			}
			if got := buf.String(); !strings.Contains(got, tt.want) || (tt.want == "" && got != "") {
				t.Errorf("logged %q, want %q", got, tt.want)
			}
		})
	}
}
