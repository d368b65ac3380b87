package huiyanprom_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
)

// TestDashboardQueriesExposedMetrics checks that every query of the
// Grafana dashboard in docs/ reads only metrics that the adapter exposes,
// as a registry gathers them after one observation of each kind.
func TestDashboardQueriesExposedMetrics(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "grafana-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dashboard any
	if err := json.Unmarshal(data, &dashboard); err != nil {
		t.Fatal(err)
	}
	exprs := values(dashboard, "expr")
	if len(exprs) < 4 {
		t.Fatalf("%d queries found, want one per panel", len(exprs))
	}
	exposed := exposedMetrics(t)
	used := map[string]bool{}
	for _, expr := range exprs {
		names := metricNames(expr)
		if len(names) == 0 {
			t.Errorf("no metric in %q", expr)
		}
		for _, n := range names {
			used[n] = true
			if !slices.Contains(exposed, n) {
				t.Errorf("%q reads %s, which the adapter does not expose (it exposes %v)", expr, n, exposed)
			}
		}
	}
	for _, n := range []string{"huiyan_results_total", "huiyan_reload_fault"} {
		if !used[n] {
			t.Errorf("no panel reads %s", n)
		}
	}
}

// exposedMetrics returns the names of the metrics that a registry gathers
// after one result and one reload.
func exposedMetrics(t *testing.T) []string {
	t.Helper()
	reg := prometheus.NewRegistry()
	results, err := huiyanprom.NewResults(reg)
	if err != nil {
		t.Fatal(err)
	}
	reloads, err := huiyanprom.NewReloads(reg)
	if err != nil {
		t.Fatal(err)
	}
	results.ObserveResult(huiyanhttp.Result{Table: "huiyan", Code: "655", Name: "FaceTooClose", Category: "liveness", Status: 422, Lang: "en-US"})
	reloads.ObserveReload(huiyan.Reload{Time: time.Now()})
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range families {
		names = append(names, f.GetName())
	}
	return names
}

// values returns every string under the key in a decoded JSON value.
func values(v any, key string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == key {
				out = append(out, s)
				continue
			}
			out = append(out, values(x, key)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, values(x, key)...)
		}
	}
	return out
}

// What of a PromQL expression is not a metric name: string literals,
// label matchers, ranges and the label lists of by, without, on,
// ignoring and group_left/right, Grafana's variables, and numbers.
var (
	literal    = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|` + "`[^`]*`")
	notMetric  = regexp.MustCompile(`\{[^}]*\}|\[[^\]]*\]|\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)|\$\{?\w+\}?|\b\d[\w.]*`)
	identifier = regexp.MustCompile(`[A-Za-z_:][A-Za-z0-9_:]*(\s*\()?`)
	keywords   = []string{"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan"}
)

// metricNames returns the metric names an expression reads: its
// identifiers that are neither keywords nor followed by a parenthesis, as
// functions and aggregations are.
func metricNames(expr string) []string {
	var out []string
	for _, m := range identifier.FindAllStringSubmatch(notMetric.ReplaceAllString(literal.ReplaceAllString(expr, " "), " "), -1) {
		if m[1] != "" || slices.Contains(keywords, m[0]) {
			continue
		}
		out = append(out, m[0])
	}
	return out
}

// TestMetricNames checks the reading of expressions the test above relies on.
func TestMetricNames(t *testing.T) {
	tests := []struct {
		name, expr string
		want       []string
	}{
		{"aggregation", `sum by (category) (rate(huiyan_results_total[$__rate_interval]))`, []string{"huiyan_results_total"}},
		{"ratio", `sum(increase(a_total{code="0"}[$__range])) / sum(increase(b_total[1d]))`, []string{"a_total", "b_total"}},
		{"matcher with braces in a string", `up{job="a}b"} * 1000`, []string{"up"}},
		{"function without a metric", `time() - min(x_seconds) > 3600`, []string{"x_seconds"}},
		{"binary keywords", `a and on (instance) b unless ignoring(job) c offset 5m`, []string{"a", "b", "c"}},
		{"variable", `topk(${n}, sum without (instance) (y))`, []string{"y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metricNames(tt.expr); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
