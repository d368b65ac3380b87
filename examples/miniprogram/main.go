// Command miniprogram is a backend for a WeChat mini-program that runs a
// Huiyan face verification, reduced to the one answer that matters here:
// telling the user how their verification ended, in their language.
//
//	go run ./examples/miniprogram -addr 127.0.0.1:8081
//	curl -i '127.0.0.1:8081/api/verify/result?code=655&lang=en'
//
// GET /api/verify/result?code=N stands for the backend receiving Huiyan's
// result code N, and answers it in one call, whatever N is: 0 with 200 and
// the localized success answer, any other code, in the catalogue or not,
// with the localized RFC 9457 problem. A code that is not an integer is
// the backend's own 400 problem, not a Huiyan code: the request to the
// backend was wrong, not the one to Huiyan. The language comes from the
// lang query parameter (the mini-program's wx.getAppBaseInfo().language),
// X-Lang, Accept-Language or WeChat's User-Agent. Each problem is logged
// for the operator, in English.
//
// With -uniform-identity, every code of a failed identity check (701, 703,
// 704, 707, 708 and 606, 825, 826, 827) gets one and the same answer, that
// of 826 with one user text, so that callers cannot probe whether an ID
// number exists; the log and the metrics keep the real code:
//
//	go run ./examples/miniprogram -uniform-identity
//	curl -i '127.0.0.1:8081/api/verify/result?code=701&lang=en'
//	curl -i '127.0.0.1:8081/api/verify/result?code=704&lang=en'
//
// With -dir, the locale files of a directory are served over the embedded
// ones and reloaded when they change; each reload is logged, and so is a
// file skipped (such as a backup.toml), a fault and the reload that clears
// it.
//
// GET /metrics serves the Prometheus metrics of module huiyanprom, on a
// registry of the backend's own: huiyan_results_total counts every answer
// by table, code, name, category, billed, status and locale, and the
// reload metrics say whether the locale files load (without -dir, the
// embedded texts loaded once, at the start):
//
//	curl -s 127.0.0.1:8081/metrics | grep huiyan_
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
	"github.com/huiyan-i18n/huiyan/messages"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	dir := flag.String("dir", "", "a directory of locale files to serve over the embedded ones")
	startOnFault := flag.Bool("start-on-fault", false, "start on the embedded texts when the -dir files do not load, reporting the fault, instead of exiting")
	uniform := flag.Bool("uniform-identity", false, "answer every failed identity check alike, so that callers cannot probe ID numbers")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	var opts []huiyanhttp.Option
	if *uniform {
		opts = append(opts, huiyanhttp.WithUniformIdentity())
	}
	if err := run(*addr, *dir, *startOnFault, log, opts...); err != nil {
		fmt.Fprintln(os.Stderr, "miniprogram:", err)
		os.Exit(1)
	}
}

// run serves on addr until it fails; opts are the deployment's options of
// the huiyanhttp Middleware.
func run(addr, dir string, startOnFault bool, log *slog.Logger, opts ...huiyanhttp.Option) error {
	m, err := newMetrics()
	if err != nil {
		return err
	}
	var loc huiyan.Source = huiyan.Default()
	if dir != "" {
		w, err := watch(dir, log, m, huiyan.WatchOptions{StartOnFault: startOnFault})
		if err != nil {
			return err
		}
		defer w.Close()
		loc = w
	} else {
		// The embedded texts loaded with the program: the reload
		// metrics say so, as a Watcher's first load would.
		m.reloads.ObserveReload(huiyan.Reload{Time: time.Now()})
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           newHandler(loc, log, m, opts...),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Info("listening", "addr", addr)
	return srv.ListenAndServe()
}

// watch serves the locale files of dir over the embedded ones, logging
// each reload, each fault (once, with its file and line), each file
// skipped (a backup.toml: once, as a warning) and the reload that clears a
// fault; and counts each load in m, unless m is nil. opts sets the rest:
// the poll interval, the settle time, whether a broken directory stops the
// start.
func watch(dir string, log *slog.Logger, m *metrics, opts huiyan.WatchOptions) (*huiyan.Watcher, error) {
	opts.OnError = func(err error) {
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			var fault *huiyan.FileError
			if errors.As(e, &fault) {
				log.Error("locale files: the previous texts keep serving", "dir", dir, "err", e)
			} else {
				log.Warn("locale files: skipped", "dir", dir, "err", e)
			}
		}
	}
	opts.OnReload = func(ev huiyan.Reload) {
		if m != nil {
			m.reloads.ObserveReload(ev)
		}
		switch {
		case ev.Cleared:
			log.Info("locale files: fault cleared, the directory's texts serve again", "dir", dir)
		case ev.Err == nil:
			log.Info("locale files loaded", "dir", dir)
		}
	}
	return huiyan.Watch(dir, opts)
}

// metrics are the backend's Prometheus metrics, on a registry of its own.
type metrics struct {
	reg     *prometheus.Registry
	results *huiyanprom.Results
	reloads *huiyanprom.Reloads
}

func newMetrics() (*metrics, error) {
	m := &metrics{reg: prometheus.NewRegistry()}
	var err error
	if m.results, err = huiyanprom.NewResults(m.reg); err != nil {
		return nil, err
	}
	if m.reloads, err = huiyanprom.NewReloads(m.reg); err != nil {
		return nil, err
	}
	return m, nil
}

// newHandler returns the backend's routes behind the huiyanhttp
// Middleware, which resolves each request's language; with m, it counts
// each answer and serves GET /metrics. extra are options of the
// Middleware, such as WithUniformIdentity.
func newHandler(loc huiyan.Source, log *slog.Logger, m *metrics, extra ...huiyanhttp.Option) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/verify/result", verifyResult)
	opts := append([]huiyanhttp.Option{huiyanhttp.WithLogger(log)}, extra...)
	if m != nil {
		opts = append(opts, huiyanhttp.WithObserver(m.results))
		mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	}
	return huiyanhttp.Middleware(loc, opts...)(mux)
}

// verifyResult answers how the verification ended.
func verifyResult(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("code"))
	if err != nil {
		badRequest(w, "the code parameter must be an integer")
		return
	}
	// One call for any code: the success answer for 0, a problem else.
	huiyanhttp.WriteResult(w, r, messages.Code(n), nil)
}

// ownProblem is a problem of the backend's own.
type ownProblem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// badRequest answers a request that the backend cannot read. It is no
// Huiyan code: those speak of the call to Huiyan. detail is the backend's
// text; nothing of the request is echoed.
func badRequest(w http.ResponseWriter, detail string) {
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(ownProblem{Type: "about:blank", Title: "Bad Request", Status: http.StatusBadRequest, Detail: detail})
}
