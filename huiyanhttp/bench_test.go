package huiyanhttp_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// discard is a ResponseWriter that keeps its header map and drops the
// rest, so that a benchmark measures the handler and not the writer. reset
// empties the map and keeps its memory, as a new response's map would be
// empty.
type discard struct{ h http.Header }

func newDiscard() *discard                     { return &discard{h: http.Header{}} }
func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}
func (d *discard) reset()                      { clear(d.h) }

// throughMiddleware returns target's request as a handler behind the
// Middleware sees it, with the language in its context.
func throughMiddleware(loc huiyan.Source, target string, headers ...string) *http.Request {
	return observed(loc, nil, target, headers...)
}

// observed is throughMiddleware with an observer, when o is not nil.
func observed(loc huiyan.Source, o huiyanhttp.Observer, target string, headers ...string) *http.Request {
	var opts []huiyanhttp.Option
	if o != nil {
		opts = append(opts, huiyanhttp.WithObserver(o))
	}
	return withOptions(loc, opts, target, headers...)
}

// withOptions is throughMiddleware with opts.
func withOptions(loc huiyan.Source, opts []huiyanhttp.Option, target string, headers ...string) *http.Request {
	var inner *http.Request
	opts = append([]huiyanhttp.Option{huiyanhttp.WithLogger(slog.New(slog.DiscardHandler))}, opts...)
	h := huiyanhttp.Middleware(loc, opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner = r
	}))
	h.ServeHTTP(newDiscard(), newRequest(target, headers...))
	return inner
}

func newRequest(target string, headers ...string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	return r
}

var static = []byte(`{"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose","title":"Your face is too close. Please hold the phone a little farther away and try again.","status":422,"table":"huiyan","code":655,"name":"FaceTooClose","category":"liveness","retryable":true}` + "\n")

// counter is an Observer that counts, as a metric does, without
// allocating.
type counter struct{ n, ok atomic.Int64 }

func (c *counter) ObserveResult(r huiyanhttp.Result) {
	c.n.Add(1)
	if r.Status == 200 {
		c.ok.Add(1)
	}
}

// TestWriteProblemAllocs checks the promise of the package documentation:
// writing a known code's answer allocates no more than writing a static
// byte slice, with a Bundle and with a Watcher, for a problem and for
// success, observed or not, for a code of either table, and for a member
// of the identity group answered as the group.
func TestWriteProblemAllocs(t *testing.T) {
	w, err := huiyan.Watch(t.TempDir(), huiyan.WatchOptions{OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	d := newDiscard()
	var c counter
	floor := testing.AllocsPerRun(100, func() { d.Write(static) })
	uniform := withOptions(w, []huiyanhttp.Option{huiyanhttp.WithObserver(&c), huiyanhttp.WithUniformIdentity()}, "/?lang=en")
	tests := []struct {
		name  string
		write func(*discard)
		ct    string
	}{
		{"Bundle, query", writes(messages.FaceTooClose, throughMiddleware(huiyan.Default(), "/?lang=en")), "application/problem+json"},
		{"Bundle, Accept-Language", writes(messages.FaceTooClose, throughMiddleware(huiyan.Default(), "/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")), "application/problem+json"},
		{"Watcher, WeChat", writes(messages.FaceTooClose, throughMiddleware(w, "/", "User-Agent", weChat)), "application/problem+json"},
		{"Bundle, success", writes(messages.Success, throughMiddleware(huiyan.Default(), "/?lang=en")), "application/json"},
		{"Bundle, observed", writes(messages.FaceTooClose, observed(huiyan.Default(), &c, "/?lang=en")), "application/problem+json"},
		{"Watcher, observed success", writes(messages.Success, observed(w, &c, "/", "User-Agent", weChat)), "application/json"},
		{"Watcher, observed, uniform identity", writes(messages.IdentityPhotoNotFound, uniform), "application/problem+json"},
		{"FaceID, Bundle", writes(faceid.IDCardExpired, throughMiddleware(huiyan.Default(), "/?lang=en")), "application/problem+json"},
		{"FaceID, Watcher, observed", writes(faceid.SimilarityTooLow, observed(w, &c, "/", "User-Agent", weChat)), "application/problem+json"},
		{"FaceID, observed success", writes(faceid.Success, observed(huiyan.Default(), &c, "/?lang=zh_HK")), "application/json"},
		{"FaceID, observed, uniform identity", writes(faceid.IdentityNotFound, uniform), "application/problem+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := c.n.Load()
			tt.write(d) // the first answer of a table renders its answers
			got := testing.AllocsPerRun(100, func() {
				d.reset() // a response starts without headers
				tt.write(d)
			})
			if got > floor {
				t.Errorf("WriteProblem: %.1f allocations; w.Write of a static slice: %.1f", got, floor)
			}
			if v := d.h.Get("Content-Type"); v != tt.ct {
				t.Errorf("Content-Type %q: the answer was not written", v)
			}
			if strings.Contains(tt.name, "observed") && c.n.Load() == before {
				t.Error("nothing was observed")
			}
		})
	}
}

// writes returns what writes the answer of code to r on a discard.
func writes[C messages.TableCode](code C, r *http.Request) func(*discard) {
	return func(d *discard) { huiyanhttp.WriteProblem(d, r, code) }
}

const weChat = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN"

// The benchmarks below compare, on one discarding ResponseWriter: the
// floor (w.Write of a static slice), WriteProblem, and the handler one
// writes by hand (json.NewEncoder of a struct).

func BenchmarkStaticWrite(b *testing.B) {
	d := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		d.Write(static)
	}
}

func BenchmarkWriteProblem(b *testing.B) {
	for _, bm := range []struct {
		name  string
		write func(*discard)
	}{
		{"known", writes(messages.FaceTooClose, throughMiddleware(huiyan.Default(), "/?lang=en"))},
		{"known, header", writes(messages.FaceTooClose, throughMiddleware(huiyan.Default(), "/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))},
		{"parameters", writes(messages.SMSCodeExpired, throughMiddleware(huiyan.Default(), "/?lang=en"))},
		{"unknown", writes(messages.Code(699), throughMiddleware(huiyan.Default(), "/?lang=en"))},
		{"success", writes(messages.Success, throughMiddleware(huiyan.Default(), "/?lang=en"))},
		{"known, observed", writes(messages.FaceTooClose, observed(huiyan.Default(), new(counter), "/?lang=en"))},
		{"success, observed", writes(messages.Success, observed(huiyan.Default(), new(counter), "/?lang=en"))},
		{"FaceID known", writes(faceid.LightTooDim, throughMiddleware(huiyan.Default(), "/?lang=en"))},
		{"FaceID known, header", writes(faceid.LightTooDim, throughMiddleware(huiyan.Default(), "/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))},
		{"FaceID unknown", writes(faceid.Code(1299), throughMiddleware(huiyan.Default(), "/?lang=en"))},
		{"FaceID known, observed", writes(faceid.SimilarityTooLow, observed(huiyan.Default(), new(counter), "/?lang=en"))},
	} {
		b.Run(bm.name, func(b *testing.B) {
			d := newDiscard()
			b.ReportAllocs()
			for b.Loop() {
				d.reset()
				bm.write(d)
			}
		})
	}
}

// handWritten is the obvious problem handler: headers set one by one and
// a struct encoded on the response.
func handWritten(w http.ResponseWriter, r *http.Request, code messages.Code) {
	lang := r.Header.Get("Accept-Language")
	if q := r.URL.Query().Get("lang"); q != "" {
		lang = q
	}
	m := huiyan.Localize(code, lang)
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Language", huiyan.Default().Match(lang))
	h.Set("Vary", "Accept-Language")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code.HTTPStatus())
	json.NewEncoder(w).Encode(struct {
		Type      string `json:"type"`
		Title     string `json:"title"`
		Status    int    `json:"status"`
		Table     string `json:"table"`
		Code      int    `json:"code"`
		Name      string `json:"name"`
		Category  string `json:"category"`
		Retryable bool   `json:"retryable"`
	}{
		"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#" + code.String(),
		m.User, code.HTTPStatus(), "huiyan", int(code), code.String(), code.Category().String(), code.Retryable(),
	})
}

func BenchmarkHandWritten(b *testing.B) {
	for _, bm := range []struct {
		name string
		r    *http.Request
	}{
		{"known", newRequest("/?lang=en")},
		{"known, header", newRequest("/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")},
	} {
		b.Run(bm.name, func(b *testing.B) {
			d := newDiscard()
			b.ReportAllocs()
			for b.Loop() {
				d.reset()
				handWritten(d, bm.r, messages.FaceTooClose)
			}
		})
	}
}

// BenchmarkMiddleware is a whole request: the Middleware resolves the
// language and keeps it in the context, and the handler writes a problem.
func BenchmarkMiddleware(b *testing.B) {
	h := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(slog.New(slog.DiscardHandler)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		huiyanhttp.WriteProblem(w, r, messages.FaceTooClose)
	}))
	for _, bm := range []struct {
		name string
		r    *http.Request
	}{
		{"query", newRequest("/?lang=en")},
		{"Accept-Language", newRequest("/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")},
		{"WeChat User-Agent", newRequest("/", "User-Agent", weChat)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			d := newDiscard()
			b.ReportAllocs()
			for b.Loop() {
				d.reset()
				h.ServeHTTP(d, bm.r)
			}
		})
	}
}

type floorKey struct{}

// BenchmarkContextFloor is what any middleware pays to hand a value to
// the handler in the request's context: context.WithValue and
// r.WithContext, which copies the request. The Middleware pays this, less
// one allocation, plus the choice of the language.
func BenchmarkContextFloor(b *testing.B) {
	h := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), floorKey{}, r)))
		})
	}(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	r := newRequest("/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	d := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(d, r)
	}
}
