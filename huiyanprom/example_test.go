package huiyanprom_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/common/expfmt"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
	"github.com/huiyan-i18n/huiyan/messages"
)

func ExampleNewResults() {
	// The service's own registry, which its /metrics serves with
	// promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).
	reg := prometheus.NewRegistry()
	results, err := huiyanprom.NewResults(reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	mw := huiyanhttp.Middleware(huiyan.Default(),
		huiyanhttp.WithObserver(results),
		huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))
	handler := mw(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("faceid") {
			// A billed failure of the FaceID table.
			huiyanhttp.WriteProblem(w, r, faceid.SimilarityTooLow)
			return
		}
		huiyanhttp.WriteProblem(w, r, messages.FaceTooClose)
	}))
	for _, query := range []string{"lang=zh_CN", "lang=en", "lang=en", "lang=en&faceid"} {
		handler.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/verify/result?"+query, nil))
	}

	out, err := testutil.GatherAndFormat(reg, expfmt.TypeTextPlain, "huiyan_results_total")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// # HELP huiyan_results_total Results answered by huiyanhttp, successes included, by table (huiyan or faceid), code, name, category, whether Tencent bills the result, HTTP status and locale of the user text.
	// # TYPE huiyan_results_total counter
	// huiyan_results_total{billed="false",category="liveness",code="655",lang="en-US",name="FaceTooClose",status="422",table="huiyan"} 2
	// huiyan_results_total{billed="false",category="liveness",code="655",lang="zh-CN",name="FaceTooClose",status="422",table="huiyan"} 1
	// huiyan_results_total{billed="true",category="image_comparison",code="2016",lang="en-US",name="SimilarityTooLow",status="422",table="faceid"} 1
}

func ExampleNewResults_alreadyRegistered() {
	reg := prometheus.NewRegistry()
	if _, err := huiyanprom.NewResults(reg); err != nil {
		fmt.Println(err)
		return
	}
	// A second set of the same metrics on the same registry is an error,
	// not a panic.
	_, err := huiyanprom.NewResults(reg)
	var already prometheus.AlreadyRegisteredError
	fmt.Println(errors.As(err, &already))
	// Output:
	// true
}

func ExampleNewReloads() {
	dir, err := os.MkdirTemp("", "locales")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	reg := prometheus.NewRegistry()
	reloads, err := huiyanprom.NewReloads(reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{
		OnReload: reloads.ObserveReload,
		OnError:  func(error) {},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer w.Close()

	// A bad edit: the previous texts keep serving, and the fault stands
	// until the file is fixed.
	if err := os.WriteFile(filepath.Join(dir, "en-US.toml"), []byte("[FaceTooClose\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	w.Reload()

	out, err := testutil.GatherAndFormat(reg, expfmt.TypeTextPlain, "huiyan_reloads_total", "huiyan_reload_fault")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// # HELP huiyan_reload_fault 1 while a fault in the locale files stands and the previous texts keep serving, 0 otherwise.
	// # TYPE huiyan_reload_fault gauge
	// huiyan_reload_fault 1
	// # HELP huiyan_reloads_total Loads of the locale files that the watcher applied, by outcome: success, or failure while the previous texts keep serving.
	// # TYPE huiyan_reloads_total counter
	// huiyan_reloads_total{outcome="failure"} 1
	// huiyan_reloads_total{outcome="success"} 1
}
