// Command chi is a chi backend that answers Huiyan's result codes with
// package huiyanhttp.
//
//	go run ./examples/chi -addr 127.0.0.1:8084
//	curl -i '127.0.0.1:8084/api/verify/result?code=0&lang=zh_CN'
//
// -uniform-identity answers every failed identity check alike (see
// huiyanhttp.WithUniformIdentity).
//
// chi's middlewares and handlers are net/http's: huiyanhttp.Middleware and
// huiyanhttp.WriteResult serve as they are.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8084", "address to listen on")
	uniform := flag.Bool("uniform-identity", false, "answer every failed identity check alike, so that callers cannot probe ID numbers")
	flag.Parse()
	var opts []huiyanhttp.Option
	if *uniform {
		opts = append(opts, huiyanhttp.WithUniformIdentity())
	}
	log.Fatal(http.ListenAndServe(*addr, newRouter(huiyan.Default(), opts...)))
}

func newRouter(loc huiyan.Source, opts ...huiyanhttp.Option) chi.Router {
	r := chi.NewRouter()
	r.Use(huiyanhttp.Middleware(loc, opts...))
	r.Get("/api/verify/result", verifyResult)
	return r
}

// verifyResult answers how the verification ended: code stands for the
// result code Huiyan returned to the backend.
func verifyResult(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("code"))
	if err != nil {
		// The backend's own answer: the request to it was wrong.
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]any{"title": "Bad Request", "status": http.StatusBadRequest})
		return
	}
	// One call for any code: the success answer for 0, a problem else.
	huiyanhttp.WriteResult(w, r, messages.Code(n), nil)
}
