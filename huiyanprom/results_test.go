package huiyanprom_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
	"github.com/huiyan-i18n/huiyan/messages"
)

func newResults(t *testing.T) (*huiyanprom.Results, *prometheus.Registry) {
	t.Helper()
	reg := prometheus.NewRegistry()
	r, err := huiyanprom.NewResults(reg)
	if err != nil {
		t.Fatal(err)
	}
	return r, reg
}

// metadata are the HELP and TYPE lines of each metric.
var metadata = map[string]string{
	"huiyan_results_total": `# HELP huiyan_results_total Results answered by huiyanhttp, successes included, by table (huiyan or faceid), code, name, category, whether Tencent bills the result, HTTP status and locale of the user text.
# TYPE huiyan_results_total counter`,
	"huiyan_reloads_total": `# HELP huiyan_reloads_total Loads of the locale files that the watcher applied, by outcome: success, or failure while the previous texts keep serving.
# TYPE huiyan_reloads_total counter`,
	"huiyan_reload_fault": `# HELP huiyan_reload_fault 1 while a fault in the locale files stands and the previous texts keep serving, 0 otherwise.
# TYPE huiyan_reload_fault gauge`,
	"huiyan_last_reload_success_timestamp_seconds": `# HELP huiyan_last_reload_success_timestamp_seconds When the locale files last loaded successfully, in seconds since the Unix epoch.
# TYPE huiyan_last_reload_success_timestamp_seconds gauge`,
}

// compare checks what reg exposes of the metrics named against want, in
// the text format without HELP and TYPE lines.
func compare(t *testing.T, reg prometheus.Gatherer, want string, names ...string) {
	t.Helper()
	var head strings.Builder
	for _, n := range names {
		if strings.Contains(want, n+" ") || strings.Contains(want, n+"{") {
			head.WriteString(metadata[n] + "\n")
		}
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(head.String()+want), names...); err != nil {
		t.Error(err)
	}
}

// TestResultsCounts drives the Middleware as a service does, and checks
// that the counter counts each result under its labels.
func TestResultsCounts(t *testing.T) {
	tests := []struct {
		name  string
		codes []string // the query of each request: code and table
		lang  string
		want  string
	}{
		{
			name:  "known codes",
			codes: []string{"code=655", "code=655", "code=655", "code=604"},
			lang:  "en",
			want: `huiyan_results_total{billed="false",category="liveness",code="604",lang="en-US",name="SimilarityTooLow",status="422",table="huiyan"} 1
huiyan_results_total{billed="false",category="liveness",code="655",lang="en-US",name="FaceTooClose",status="422",table="huiyan"} 3
`,
		},
		{
			name:  "codes outside the catalogue fold by category",
			codes: []string{"code=699", "code=698", "code=1999"},
			lang:  "zh_CN",
			want: `huiyan_results_total{billed="false",category="general",code="other",lang="zh-CN",name="Unknown",status="422",table="huiyan"} 1
huiyan_results_total{billed="false",category="liveness",code="other",lang="zh-CN",name="Unknown",status="422",table="huiyan"} 2
`,
		},
		{
			name:  "one number, two tables",
			codes: []string{"code=302", "table=faceid&code=302", "table=faceid&code=302"},
			lang:  "en",
			want: `huiyan_results_total{billed="false",category="id_card",code="302",lang="en-US",name="IDCardExpired",status="422",table="faceid"} 2
huiyan_results_total{billed="false",category="sms",code="302",lang="en-US",name="SMSRateLimited",status="429",table="huiyan"} 1
`,
		},
		{
			name:  "billed FaceID results, success included",
			codes: []string{"table=faceid&code=0", "table=faceid&code=2016", "table=faceid&code=2016", "table=faceid&code=2015"},
			lang:  "zh_HK",
			want: `huiyan_results_total{billed="false",category="image_comparison",code="2015",lang="zh-HK",name="NotSamePersonComparison",status="422",table="faceid"} 1
huiyan_results_total{billed="true",category="image_comparison",code="2016",lang="zh-HK",name="SimilarityTooLow",status="422",table="faceid"} 2
huiyan_results_total{billed="true",category="system",code="0",lang="zh-HK",name="Success",status="200",table="faceid"} 1
`,
		},
		{
			name:  "FaceID codes outside the table fold by section",
			codes: []string{"table=faceid&code=1299", "table=faceid&code=1250", "table=faceid&code=9999", "table=faceid&code=-1"},
			lang:  "en",
			want: `huiyan_results_total{billed="false",category="liveness_action",code="other",lang="en-US",name="Unknown",status="422",table="faceid"} 2
huiyan_results_total{billed="false",category="system",code="other",lang="en-US",name="Unknown",status="422",table="faceid"} 2
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results, reg := newResults(t)
			h := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithObserver(results), huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))(http.HandlerFunc(writeCode))
			for _, q := range tt.codes {
				h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/?lang="+tt.lang+"&"+q, nil))
			}
			compare(t, reg, tt.want, "huiyan_results_total")
		})
	}
}

// writeCode answers the code of the request's code parameter, of the
// FaceID table with table=faceid.
func writeCode(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("code"))
	if r.URL.Query().Get("table") == "faceid" {
		huiyanhttp.WriteProblem(w, r, faceid.Code(n))
		return
	}
	huiyanhttp.WriteProblem(w, r, messages.Code(n))
}

// TestResultsObserve checks what ObserveResult does with any Result a
// caller passes: counted under its labels, or dropped when Prometheus
// refuses a label value, never a panic.
func TestResultsObserve(t *testing.T) {
	success := huiyanhttp.Result{Table: "huiyan", Code: "0", Name: "Success", Category: "general", Status: 200, Lang: "zh-CN"}
	billed := huiyanhttp.Result{Table: "faceid", Code: "1002", Name: "SuspectedSpoofRecording", Category: "liveness", Billed: true, Status: 422, Lang: "en-US"}
	tests := []struct {
		name    string
		results []huiyanhttp.Result
		want    string
	}{
		{
			name:    "success",
			results: []huiyanhttp.Result{success, success},
			want:    `huiyan_results_total{billed="false",category="general",code="0",lang="zh-CN",name="Success",status="200",table="huiyan"} 2` + "\n",
		},
		{
			name:    "billed",
			results: []huiyanhttp.Result{billed, billed, billed},
			want:    `huiyan_results_total{billed="true",category="liveness",code="1002",lang="en-US",name="SuspectedSpoofRecording",status="422",table="faceid"} 3` + "\n",
		},
		{
			name:    "a label value that is not UTF-8 is dropped",
			results: []huiyanhttp.Result{{Table: "huiyan", Code: "655", Name: "FaceTooClose", Category: "liveness", Status: 422, Lang: "en\xff"}, {Table: "faceid\xff", Code: "302"}, success},
			want:    `huiyan_results_total{billed="false",category="general",code="0",lang="zh-CN",name="Success",status="200",table="huiyan"} 1` + "\n",
		},
		{
			name:    "empty values",
			results: []huiyanhttp.Result{{}},
			want:    `huiyan_results_total{billed="false",category="",code="",lang="",name="",status="0",table=""} 1` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results, reg := newResults(t)
			for _, r := range tt.results {
				results.ObserveResult(r)
			}
			compare(t, reg, tt.want, "huiyan_results_total")
		})
	}
}

// TestResultsBeyondTheCache checks that label sets past the bound of kept
// counters are still counted, each in its own series.
func TestResultsBeyondTheCache(t *testing.T) {
	results, reg := newResults(t)
	const n = 5000
	for i := range 2 * n {
		results.ObserveResult(huiyanhttp.Result{Code: "other", Name: "Unknown", Category: "general", Status: 400, Lang: fmt.Sprint("x-", i%n)})
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	if len(families) != 1 || len(families[0].Metric) != n {
		t.Fatalf("got %d families, want 1 with %d series", len(families), n)
	}
	for _, m := range families[0].Metric {
		if v := m.GetCounter().GetValue(); v != 2 {
			t.Fatalf("%v: got %v, want 2", m.Label, v)
		}
	}
}

// TestResultsConcurrent counts from many goroutines at once; run with
// -race.
func TestResultsConcurrent(t *testing.T) {
	results, reg := newResults(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				results.ObserveResult(huiyanhttp.Result{Code: fmt.Sprint(i % 10), Name: "N", Category: "general", Status: 400, Lang: fmt.Sprint("l", g%2)})
			}
		})
	}
	wg.Wait()
	if got, err := testutil.GatherAndCount(reg, "huiyan_results_total"); err != nil || got != 20 {
		t.Fatalf("got %d series (%v), want 20", got, err)
	}
	families, _ := reg.Gather()
	var sum float64
	for _, m := range families[0].Metric {
		sum += m.GetCounter().GetValue()
	}
	if sum != 800 {
		t.Fatalf("counted %v results, want 800", sum)
	}
}

// TestRegistration checks that the constructors return the registry's
// errors rather than panic, and register nothing when they fail.
func TestRegistration(t *testing.T) {
	t.Run("results twice", func(t *testing.T) {
		_, reg := newResults(t)
		_, err := huiyanprom.NewResults(reg)
		if !errors.As(err, &prometheus.AlreadyRegisteredError{}) {
			t.Fatalf("got %v, want an AlreadyRegisteredError", err)
		}
	})
	t.Run("reloads twice", func(t *testing.T) {
		reg := prometheus.NewRegistry()
		if _, err := huiyanprom.NewReloads(reg); err != nil {
			t.Fatal(err)
		}
		_, err := huiyanprom.NewReloads(reg)
		if !errors.As(err, &prometheus.AlreadyRegisteredError{}) {
			t.Fatalf("got %v, want an AlreadyRegisteredError", err)
		}
	})
	t.Run("reloads, one name taken", func(t *testing.T) {
		reg := prometheus.NewRegistry()
		taken := prometheus.NewCounter(prometheus.CounterOpts{
			Name: "huiyan_last_reload_success_timestamp_seconds",
			Help: "When the locale files last loaded successfully, in seconds since the Unix epoch.",
		})
		reg.MustRegister(taken)
		if _, err := huiyanprom.NewReloads(reg); err == nil {
			t.Fatal("no error for a name taken")
		}
		reg.Unregister(taken)
		// Nothing of the failed call stayed registered.
		if _, err := huiyanprom.NewReloads(reg); err != nil {
			t.Fatalf("after the failed call: %v", err)
		}
	})
	t.Run("results and reloads on one registry", func(t *testing.T) {
		_, reg := newResults(t)
		if _, err := huiyanprom.NewReloads(reg); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("nil registerer", func(t *testing.T) {
		if _, err := huiyanprom.NewResults(nil); err == nil {
			t.Error("NewResults(nil): no error")
		}
		if _, err := huiyanprom.NewReloads(nil); err == nil {
			t.Error("NewReloads(nil): no error")
		}
	})
}
