package huiyan_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// jsonKeys returns the keys of a JSON object in the order they appear.
func jsonKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var keys []string
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

// TestMessageJSON checks that a Message marshals as huiyan lookup -format
// json prints it: the keys, their order, their values, and the same bytes.
func TestMessageJSON(t *testing.T) {
	wantKeys := []string{"table", "code", "name", "category", "known", "lang", "user", "title", "detail", "remedy"}
	tests := []struct {
		name string
		m    huiyan.Message
	}{
		{"known, every text", huiyan.Localize(messages.SystemError, "en-US")},
		{"known, no detail or remedy", huiyan.Localize(messages.FaceTooClose, "zh_CN")},
		{"unknown", huiyan.Localize(699, "en")},
		{"HTML characters", huiyan.Message{Code: 655, Known: true, Lang: "en-US", User: "<b> & </b>", Title: "a \"b\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.m.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if got := jsonKeys(t, data); !slices.Equal(got, wantKeys) {
				t.Errorf("keys %v, want %v", got, wantKeys)
			}
			var got struct {
				Code                              int
				Name, Category                    string
				Known                             bool
				Lang, User, Title, Detail, Remedy string
			}
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			m := tt.m
			if got.Code != int(m.Code) || got.Name != m.Code.String() || got.Category != m.Code.Category().String() ||
				got.Known != m.Known || got.Lang != m.Lang || got.User != m.User || got.Title != m.Title ||
				got.Detail != m.Detail || got.Remedy != m.Remedy {
				t.Errorf("%s decodes to %+v", data, got)
			}
			// The command's writer, which huiyan lookup -format json uses.
			var lookup bytes.Buffer
			if err := export.JSON(&lookup, m); err != nil {
				t.Fatal(err)
			}
			if want := string(data) + "\n"; lookup.String() != want {
				t.Errorf("huiyan lookup prints\n%s\nMarshalJSON\n%s", lookup.String(), want)
			}
		})
	}
}

// TestMessageLogValue checks the attributes a logged Message has, and that
// the end user's text is not among them.
func TestMessageLogValue(t *testing.T) {
	m := huiyan.Localize(messages.SystemError, "en")
	var keys []string
	for _, a := range m.LogValue().Group() {
		keys = append(keys, a.Key)
	}
	want := []string{"table", "code", "name", "category", "retryable", "lang", "title", "detail", "remedy"}
	if !slices.Equal(keys, want) {
		t.Errorf("attributes %v, want %v", keys, want)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "m", m)
	if strings.Contains(buf.String(), m.User) {
		t.Errorf("the log has the user text: %s", buf.String())
	}
}
