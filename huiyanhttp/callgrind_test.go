package huiyanhttp_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestCallgrind serves one request many times, for scripts/callgrind to
// count its instructions under valgrind: HUIYAN_CALLGRIND is "problem"
// (WriteProblem on a request that went through the Middleware) or
// "middleware" (the Middleware and WriteProblem) or "floor" (a value
// handed on in the context, as BenchmarkContextFloor), HUIYAN_CALLGRIND_LANG
// the Accept-Language header and HUIYAN_CALLGRIND_N how many requests.
// Without them the test does nothing.
func TestCallgrind(t *testing.T) {
	what := os.Getenv("HUIYAN_CALLGRIND")
	if what == "" {
		t.Skip("for scripts/callgrind")
	}
	n, err := strconv.Atoi(os.Getenv("HUIYAN_CALLGRIND_N"))
	if err != nil || n < 1 {
		t.Fatalf("HUIYAN_CALLGRIND_N: %v", err)
	}
	r := newRequest("/", "Accept-Language", os.Getenv("HUIYAN_CALLGRIND_LANG"))
	d := newDiscard()
	switch what {
	case "problem":
		callgrindProblem(d, throughMiddleware(huiyan.Default(), "/", "Accept-Language", r.Header.Get("Accept-Language")), n)
	case "middleware":
		h := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			huiyanhttp.WriteProblem(w, r, messages.FaceTooClose)
		}))
		callgrindMiddleware(d, h, r, n)
	case "floor":
		// context.WithValue and r.WithContext, to a handler that does
		// nothing: what any middleware that hands on a value pays.
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header()["Content-Type"] = problemType
			}).ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), floorKey{}, r)))
		})
		callgrindMiddleware(d, h, r, n)
	default:
		t.Fatalf("HUIYAN_CALLGRIND=%q", what)
	}
	if got := d.h.Get("Content-Type"); got != "application/problem+json" {
		t.Fatalf("Content-Type %q: no problem written", got)
	}
}

//go:noinline
func callgrindProblem(d *discard, r *http.Request, n int) {
	for range n {
		d.reset()
		huiyanhttp.WriteProblem(d, r, messages.FaceTooClose)
	}
}

//go:noinline
func callgrindMiddleware(d *discard, h http.Handler, r *http.Request, n int) {
	for range n {
		d.reset()
		h.ServeHTTP(d, r)
	}
}

var problemType = []string{"application/problem+json"}
