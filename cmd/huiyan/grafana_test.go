package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGrafanaDashboardCurrent checks that the dashboard in docs/ is what
// huiyan export -format grafana prints for the embedded locale files: its
// code titles follow the locale files.
func TestGrafanaDashboardCurrent(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join("..", "..", "docs", "grafana-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", "-format", "grafana", "-lang", "en-US"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr.String())
	}
	if !bytes.Equal(stdout.Bytes(), committed) {
		t.Error("docs/grafana-dashboard.json is not what huiyan export -format grafana -lang en-US prints: run go generate ./cmd/huiyan")
	}
}

// TestGrafanaTitles checks the names of the codes in the dashboard: the
// operator titles of both tables in the language asked, from the locale
// files of -dir when given.
func TestGrafanaTitles(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"en-US.toml":        "[655]\ntitle = \"Face too close (deployment's words)\"\n",
		"faceid.en-US.toml": "[302]\ntitle = \"ID card expired (deployment's words)\"\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		want map[string]string // table/code: its name in the table
	}{
		{"en-US", []string{"-lang", "en-US"}, map[string]string{
			"huiyan/655": "655 · Face too close to the screen", "huiyan/0": "0 · Success",
			"huiyan/302": "302 · SMS sending rate limit exceeded", "faceid/302": "302 · ID card expired",
		}},
		{"zh-CN by default", nil, map[string]string{"huiyan/655": "655 · ", "faceid/302": "302 · 身份证已过期"}},
		{"a deployment's texts", []string{"-lang", "en", "-dir", dir}, map[string]string{
			"huiyan/655": "655 · Face too close (deployment's words)",
			"faceid/302": "302 · ID card expired (deployment's words)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(append([]string{"export", "-format", "grafana"}, tt.args...), &stdout, &stderr); code != 0 {
				t.Fatalf("exit status %d: %s", code, stderr.String())
			}
			got := mappings(t, stdout.Bytes())
			for code, want := range tt.want {
				if !strings.HasPrefix(got[code], want) {
					t.Errorf("code %s: %q, want %q", code, got[code], want)
				}
			}
			if len(got) < 140 {
				t.Errorf("%d codes named, want every code of both tables", len(got))
			}
		})
	}
}

// mappings returns the texts of the value mappings of a dashboard's
// panels, by value.
func mappings(t *testing.T, dashboard []byte) map[string]string {
	t.Helper()
	var d struct {
		Panels []struct {
			FieldConfig struct {
				Overrides []struct {
					Properties []struct {
						ID    string          `json:"id"`
						Value json.RawMessage `json:"value"`
					} `json:"properties"`
				} `json:"overrides"`
			} `json:"fieldConfig"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(dashboard, &d); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range d.Panels {
		for _, o := range p.FieldConfig.Overrides {
			for _, prop := range o.Properties {
				if prop.ID != "mappings" {
					continue
				}
				var ms []struct {
					Options map[string]struct{ Text string }
				}
				if err := json.Unmarshal(prop.Value, &ms); err != nil {
					t.Fatal(err)
				}
				for _, m := range ms {
					for v, o := range m.Options {
						out[v] = o.Text
					}
				}
			}
		}
	}
	return out
}
