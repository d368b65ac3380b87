package grafana

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
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

// panelsOf returns the panels of a dashboard.
func panelsOf(d map[string]any) []map[string]any {
	var ps []map[string]any
	for _, p := range d["panels"].([]any) {
		ps = append(ps, p.(map[string]any))
	}
	return ps
}

// exprsOf returns the queries of a panel.
func exprsOf(p map[string]any) []string {
	var out []string
	for _, tg := range p["targets"].([]any) {
		out = append(out, tg.(map[string]any)["expr"].(string))
	}
	return out
}

// mappings returns the value mappings of the column named column of the
// top codes' table.
func mappings(t *testing.T, d map[string]any, column string) map[string]any {
	t.Helper()
	for _, p := range panelsOf(d) {
		if p["type"] != "table" {
			continue
		}
		for _, o := range p["fieldConfig"].(map[string]any)["overrides"].([]any) {
			o := o.(map[string]any)
			if o["matcher"].(map[string]any)["options"] != column {
				continue
			}
			m := o["properties"].([]any)[0].(map[string]any)["value"].([]any)[0].(map[string]any)
			return m["options"].(map[string]any)
		}
	}
	t.Fatalf("no column %s in the table of the top codes", column)
	return nil
}

func TestTitlesFollowTheLocaleFiles(t *testing.T) {
	override := fstest.MapFS{
		"en-US.toml":        {Data: []byte("[655]\ntitle = \"Too close (our words)\"\n")},
		"faceid.en-US.toml": {Data: []byte("[1203]\ntitle = \"Distance (our words)\"\n")},
	}
	b, err := huiyan.NewBundle(locales.FS, override)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		b    *huiyan.Bundle
		lang string
		want map[string]string // mappings
	}{
		{"en-US", huiyan.Default(), "en-US", map[string]string{
			"huiyan/655":   "655 · Face too close to the screen",
			"faceid/302":   "302 · " + huiyan.LocalizeWith(nil, faceid.IDCardExpired, "en-US", nil).Title,
			"huiyan/302":   "302 · " + huiyan.Localize(messages.SMSRateLimited, "en-US").Title,
			"faceid/other": "other",
		}},
		{"zh-CN", huiyan.Default(), "zh_CN", map[string]string{
			"huiyan/655": "655 · " + huiyan.Localize(messages.FaceTooClose, "zh-CN").Title,
			"faceid/302": "302 · 身份证已过期",
		}},
		{"a deployment's titles", b, "en", map[string]string{
			"huiyan/655":  "655 · Too close (our words)",
			"faceid/1203": "1203 · Distance (our words)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mappings(t, dashboardOf(t, tt.b, tt.lang), "Code")
			if want := len(messages.All()) + len(faceid.All()) + 2; len(m) != want {
				t.Errorf("%d values mapped, want every code of both tables and their others (%d)", len(m), want)
			}
			for ref, want := range tt.want {
				if got := m[ref].(map[string]any)["text"]; !strings.HasPrefix(got.(string), want) {
					t.Errorf("%s maps to %q, want %q", ref, got, want)
				}
			}
		})
	}
}

func TestEveryPanelReadsThePrometheusInput(t *testing.T) {
	d := dashboardOf(t, huiyan.Default(), "en-US")
	if in := d["__inputs"].([]any)[0].(map[string]any); in["name"] != "DS_PROMETHEUS" || in["pluginId"] != "prometheus" {
		t.Errorf("input %v", in)
	}
	panels := panelsOf(d)
	if len(panels) < 5 {
		t.Fatalf("%d panels, want the success ratio, the billed failures, the faults, results by category and the top codes", len(panels))
	}
	for _, p := range panels {
		ds := p["datasource"].(map[string]any)
		if ds["uid"] != "${DS_PROMETHEUS}" {
			t.Errorf("panel %q reads %v", p["title"], ds)
		}
		for _, expr := range exprsOf(p) {
			if !strings.Contains(expr, "huiyan_") {
				t.Errorf("panel %q queries %q, no metric of huiyanprom", p["title"], expr)
			}
		}
	}
	if !strings.Contains(d["description"].(string), "-lang en-US") {
		t.Errorf("description %q does not name the language of the titles", d["description"])
	}
}

// selector is a selector of huiyan_results_total, and its matchers.
var selector = regexp.MustCompile(`huiyan_results_total(\{[^}]*\})?`)

// TestTableVariable checks that the variable table offers each table and
// both, and that every selector of the results counter filters on it: a
// panel of results counts the tables chosen, and no other.
func TestTableVariable(t *testing.T) {
	d := dashboardOf(t, huiyan.Default(), "en-US")
	vars := d["templating"].(map[string]any)["list"].([]any)
	if len(vars) != 1 {
		t.Fatalf("variables %v, want table", vars)
	}
	v := vars[0].(map[string]any)
	var values []string
	for _, o := range v["options"].([]any) {
		values = append(values, o.(map[string]any)["value"].(string))
	}
	if v["name"] != "table" || v["query"] != "huiyan,faceid" || !slices.Equal(values, []string{"$__all", "huiyan", "faceid"}) ||
		v["includeAll"] != true || v["allValue"] != ".*" {
		t.Errorf("variable %v", v)
	}
	results := 0
	for _, p := range panelsOf(d) {
		for _, expr := range exprsOf(p) {
			for _, sel := range selector.FindAllStringSubmatch(expr, -1) {
				results++
				// offset compares a series with itself, whose table is
				// the one already chosen.
				if !strings.Contains(sel[1], `table=~"$table"`) && !strings.Contains(expr, sel[0]+" offset") {
					t.Errorf("panel %q: %s in %s counts every table", p["title"], sel[0], expr)
				}
			}
		}
	}
	if results < 4 {
		t.Errorf("%d selectors of huiyan_results_total: the test reads no panel", results)
	}
}

// TestBilled checks what shows billed results: a panel that counts the
// billed failures, and a column of the top codes that names them.
func TestBilled(t *testing.T) {
	d := dashboardOf(t, huiyan.Default(), "en-US")
	found := false
	for _, p := range panelsOf(d) {
		for _, expr := range exprsOf(p) {
			if p["type"] == "stat" && strings.Contains(expr, `billed="true"`) && strings.Contains(expr, `code!="0"`) {
				found = true
			}
		}
	}
	if !found {
		t.Error("no panel counts the billed failures")
	}
	if m := mappings(t, d, "Billed"); m["true"].(map[string]any)["text"] != "billed" {
		t.Errorf("the column Billed maps true to %v", m["true"])
	}
}
