package main

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

// scrape returns what GET /metrics of h answers.
func scrape(t *testing.T, h http.Handler) string {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("GET /metrics: status %d", w.Code)
	}
	return w.Body.String()
}

var resultLine = regexp.MustCompile(`(?m)^huiyan_results_total\{([^}]*)\} (\S+)$`)

// countsByCode sums huiyan_results_total of an exposition by code.
func countsByCode(t *testing.T, exposition string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, m := range resultLine.FindAllStringSubmatch(exposition, -1) {
		code := regexp.MustCompile(`code="([^"]*)"`).FindStringSubmatch(m[1])
		v, err := strconv.ParseFloat(m[2], 64)
		if code == nil || err != nil {
			t.Fatalf("line %q", m[0])
		}
		out[code[1]] += v
	}
	return out
}

// TestMetrics answers 655 three times, 604 once and 0 twice, and checks
// that /metrics counts exactly that.
func TestMetrics(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	h := newHandler(huiyan.Default(), slog.New(slog.DiscardHandler), m)
	for _, q := range []string{"code=655", "code=655&lang=en", "code=655&lang=zh_HK", "code=604", "code=0", "code=0&lang=en", "code=x"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/verify/result?"+q, nil))
	}
	body := scrape(t, h)
	got := countsByCode(t, body)
	want := map[string]float64{"655": 3, "604": 1, "0": 2}
	if len(got) != len(want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	for code, n := range want {
		if got[code] != n {
			t.Errorf("code %s: %v, want %v", code, got[code], n)
		}
	}
	for _, line := range []string{
		`huiyan_results_total{billed="false",category="liveness",code="655",lang="en-US",name="FaceTooClose",status="422",table="huiyan"} 1`,
		`huiyan_results_total{billed="false",category="general",code="0",lang="zh-CN",name="Success",status="200",table="huiyan"} 1`,
	} {
		if !strings.Contains(body, line+"\n") {
			t.Errorf("/metrics lacks %s", line)
		}
	}
}

// TestReloadMetrics checks the reload metrics of a watched directory: a
// bad edit raises the fault, which the fix clears.
func TestReloadMetrics(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	w, err := watch(dir, slog.New(slog.DiscardHandler), m, huiyan.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := newHandler(w, slog.New(slog.DiscardHandler), m)
	file := filepath.Join(dir, "en-US.toml")
	steps := []struct {
		name, content string
		want          []string
	}{
		{"loaded", "", []string{"huiyan_reload_fault 0", `huiyan_reloads_total{outcome="success"} 1`, `huiyan_reloads_total{outcome="failure"} 0`}},
		{"a bad edit", "[655\n", []string{"huiyan_reload_fault 1", `huiyan_reloads_total{outcome="failure"} 1`}},
		{"fixed", "[655]\nuser = \"Move back a little.\"\n", []string{"huiyan_reload_fault 0", `huiyan_reloads_total{outcome="success"} 2`}},
	}
	for _, st := range steps {
		if st.content != "" {
			if err := os.WriteFile(file, []byte(st.content), 0o644); err != nil {
				t.Fatal(err)
			}
			w.Reload()
		}
		body := scrape(t, h)
		for _, line := range st.want {
			if !strings.Contains(body, line+"\n") {
				t.Errorf("%s: /metrics lacks %s", st.name, line)
			}
		}
		if !strings.Contains(body, "\nhuiyan_last_reload_success_timestamp_seconds ") {
			t.Errorf("%s: no time of the last success", st.name)
		}
	}
}
