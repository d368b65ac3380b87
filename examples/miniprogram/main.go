// Command miniprogram is a backend for a WeChat mini-program that runs a
// Huiyan face verification, reduced to the one answer that matters here:
// telling the user how their verification ended, in their language.
//
//	go run ./examples/miniprogram -addr 127.0.0.1:8081
//	curl -i '127.0.0.1:8081/api/verify/result?code=655&lang=en'
//
// GET /api/verify/result?code=N stands for the backend receiving Huiyan's
// result code N: it answers 0 with 200 and a small JSON body, any other
// code, in the catalogue or not, with the localized RFC 9457 problem, and
// a code that is not an integer with a 400 problem. The language comes
// from the lang query parameter (the mini-program's
// wx.getAppBaseInfo().language), X-Lang, Accept-Language or WeChat's
// User-Agent. Each problem is logged for the operator, in English.
//
// With -dir, the locale files of a directory are served over the embedded
// ones and reloaded when they change.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	dir := flag.String("dir", "", "a directory of locale files to serve over the embedded ones")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*addr, *dir, log); err != nil {
		fmt.Fprintln(os.Stderr, "miniprogram:", err)
		os.Exit(1)
	}
}

func run(addr, dir string, log *slog.Logger) error {
	var loc huiyan.Localizer = huiyan.Default()
	if dir != "" {
		w, err := huiyan.Watch(dir, huiyan.WithErrorHandler(func(err error) {
			log.Error("locale reload failed; the previous texts keep serving", "err", err)
		}))
		if err != nil {
			return err
		}
		defer w.Close()
		loc = w
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           newHandler(loc, log),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Info("listening", "addr", addr)
	return srv.ListenAndServe()
}

// newHandler returns the backend's routes behind the huiyanhttp
// Middleware, which resolves each request's language.
func newHandler(loc huiyan.Localizer, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/verify/result", verifyResult)
	return huiyanhttp.Middleware(loc, huiyanhttp.WithLogger(log))(mux)
}

var success = []byte(`{"code":0,"name":"Success"}` + "\n")

// verifyResult answers how the verification ended.
func verifyResult(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("code"))
	if err != nil {
		huiyanhttp.WriteProblem(w, r, messages.InvalidParameter)
		return
	}
	if n == 0 {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(success)
		return
	}
	huiyanhttp.WriteProblem(w, r, messages.Code(n))
}
