package huiyanprom_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
	"github.com/huiyan-i18n/huiyan/messages"
)

// discard is a ResponseWriter that keeps its header map and drops the
// rest, so that what is measured is WriteProblem and the counting.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}

// throughMiddleware returns the request for target as a handler behind a
// Middleware with opts sees it.
func throughMiddleware(target string, opts ...huiyanhttp.Option) *http.Request {
	var inner *http.Request
	opts = append(opts, huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))
	h := huiyanhttp.Middleware(huiyan.Default(), opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner = r
	}))
	h.ServeHTTP(&discard{h: http.Header{}}, httptest.NewRequest("GET", target, nil))
	return inner
}

// writers are the same problem written without counting and with it.
func writers(tb testing.TB) []struct {
	name string
	r    *http.Request
} {
	results, err := huiyanprom.NewResults(prometheus.NewRegistry())
	if err != nil {
		tb.Fatal(err)
	}
	return []struct {
		name string
		r    *http.Request
	}{
		{"uncounted", throughMiddleware("/?lang=en")},
		{"counted", throughMiddleware("/?lang=en", huiyanhttp.WithObserver(results))},
	}
}

// TestCountingAllocatesNothing checks the promise of the package
// documentation: counting adds no allocation to writing a problem, of
// either table.
func TestCountingAllocatesNothing(t *testing.T) {
	ws := writers(t)
	d := &discard{h: http.Header{}}
	for name, write := range map[string]func(*http.Request){
		"Huiyan": func(r *http.Request) { huiyanhttp.WriteProblem(d, r, messages.FaceTooClose) },
		"FaceID": func(r *http.Request) { huiyanhttp.WriteProblem(d, r, faceid.SimilarityTooLow) },
	} {
		var allocs [2]float64
		for i, w := range ws {
			allocs[i] = testing.AllocsPerRun(200, func() {
				clear(d.h)
				write(w.r)
			})
		}
		if allocs[1] > allocs[0] {
			t.Errorf("%s: WriteProblem: %.1f allocations counted, %.1f uncounted", name, allocs[1], allocs[0])
		}
	}
}

// BenchmarkWriteProblem writes the same problem uncounted and counted,
// for a ratio in the same run.
func BenchmarkWriteProblem(b *testing.B) {
	for _, w := range writers(b) {
		b.Run(w.name, func(b *testing.B) {
			d := &discard{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(d.h)
				huiyanhttp.WriteProblem(d, w.r, messages.FaceTooClose)
			}
		})
	}
}

// BenchmarkObserveResult is the counting alone, for a series seen before.
func BenchmarkObserveResult(b *testing.B) {
	results, err := huiyanprom.NewResults(prometheus.NewRegistry())
	if err != nil {
		b.Fatal(err)
	}
	res := huiyanhttp.Result{Table: "huiyan", Code: "655", Name: "FaceTooClose", Category: "liveness", Status: 422, Lang: "en-US"}
	b.ReportAllocs()
	for b.Loop() {
		results.ObserveResult(res)
	}
}
