package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

func TestCell(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Please try again.", "Please try again."},
		{"empty", "", ""},
		{"formula", "=1+1", "'=1+1"},
		{"plus", "+1", "'+1"},
		{"minus", "-1", "'-1"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"inside is fine", "a=b", "a=b"},
		{"Chinese", "请重试", "请重试"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cell(tt.in); got != tt.want {
				t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestJSON checks the shapes export writes: one line, HTML characters as
// they are, and the locales of a side-by-side export in the bundle's
// order.
func TestJSON(t *testing.T) {
	b := huiyan.Default()
	var buf bytes.Buffer
	if err := JSON(&buf, NewCatalogue(b, "en")); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.HasPrefix(s, `{"lang":"en-US","messages":[{"code":0,"name":"Success",`) || strings.Count(s, "\n") != 1 {
		t.Errorf("catalogue: %.80s", s)
	}
	buf.Reset()
	if err := JSON(&buf, huiyan.Message{Code: 1, User: "<b>&</b>"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"user":"<b>&</b>"`) {
		t.Errorf("HTML characters escaped: %s", buf.String())
	}
	c := NewCompared(b, messages.FaceTooClose)
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, l := range b.Locales() {
		i := bytes.Index(data, []byte(`"`+l+`":{`))
		if i <= last {
			t.Errorf("locale %s out of order in %s", l, data)
		}
		last = i
	}
}
