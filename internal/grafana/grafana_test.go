package grafana

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// dashboardOf writes the dashboard of b in lang and reads it back.
func dashboardOf(t *testing.T, b *huiyan.Bundle, lang string) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b, lang); err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return d
}

// mappings returns the value mappings of the top codes' table.
func mappings(t *testing.T, d map[string]any) map[string]any {
	t.Helper()
	for _, p := range d["panels"].([]any) {
		p := p.(map[string]any)
		if p["type"] != "table" {
			continue
		}
		o := p["fieldConfig"].(map[string]any)["overrides"].([]any)[0].(map[string]any)
		m := o["properties"].([]any)[0].(map[string]any)["value"].([]any)[0].(map[string]any)
		return m["options"].(map[string]any)
	}
	t.Fatal("no table of the top codes")
	return nil
}

func TestTitlesFollowTheLocaleFiles(t *testing.T) {
	override := fstest.MapFS{"en-US.toml": {Data: []byte("[655]\ntitle = \"Too close (our words)\"\n")}}
	b, err := huiyan.NewBundle(locales.FS, override)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		b    *huiyan.Bundle
		lang string
		want string // 655's mapping
	}{
		{"en-US", huiyan.Default(), "en-US", "655 · Face too close to the screen"},
		{"zh-CN", huiyan.Default(), "zh_CN", "655 · " + huiyan.Localize(messages.FaceTooClose, "zh-CN").Title},
		{"a deployment's title", b, "en", "655 · Too close (our words)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mappings(t, dashboardOf(t, tt.b, tt.lang))
			if len(m) != len(messages.All()) {
				t.Errorf("%d codes mapped, want every code of the catalogue (%d)", len(m), len(messages.All()))
			}
			if got := m["655"].(map[string]any)["text"]; got != tt.want {
				t.Errorf("655 maps to %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEveryPanelReadsThePrometheusInput(t *testing.T) {
	d := dashboardOf(t, huiyan.Default(), "en-US")
	if in := d["__inputs"].([]any)[0].(map[string]any); in["name"] != "DS_PROMETHEUS" || in["pluginId"] != "prometheus" {
		t.Errorf("input %v", in)
	}
	panels := d["panels"].([]any)
	if len(panels) < 4 {
		t.Fatalf("%d panels, want the success ratio, the faults, results by category and the top codes", len(panels))
	}
	for _, p := range panels {
		p := p.(map[string]any)
		ds := p["datasource"].(map[string]any)
		if ds["uid"] != "${DS_PROMETHEUS}" {
			t.Errorf("panel %q reads %v", p["title"], ds)
		}
		for _, tg := range p["targets"].([]any) {
			if expr := tg.(map[string]any)["expr"].(string); !strings.Contains(expr, "huiyan_") {
				t.Errorf("panel %q queries %q, no metric of huiyanprom", p["title"], expr)
			}
		}
	}
	if !strings.Contains(d["description"].(string), "-lang en-US") {
		t.Errorf("description %q does not name the language of the titles", d["description"])
	}
}
