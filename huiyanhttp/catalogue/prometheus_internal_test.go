package catalogue

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huiyan-i18n/huiyan/messages"
)

// vector is an answer of /api/v1/query: 655 three times, 604 once, 0
// twice, and codes outside the catalogue.
const vector = `{"status":"success","data":{"resultType":"vector","result":[
{"metric":{"code":"655"},"value":[1764493200.123,"3"]},
{"metric":{"code":"604"},"value":[1764493200.123,"0.9999"]},
{"metric":{"code":"0"},"value":[1764493200.123,"2"]},
{"metric":{"code":"other"},"value":[1764493200.123,"7"]},
{"metric":{"code":"699"},"value":[1764493200.123,"5"]},
{"metric":{},"value":[1764493200.123,"5"]}]}}`

// fakePrometheus answers /api/v1/query with answer and counts the
// queries it is asked; it records the last query.
type fakePrometheus struct {
	*httptest.Server
	queries atomic.Int32
	query   atomic.Value
}

func newFakePrometheus(t *testing.T, answer http.HandlerFunc) *fakePrometheus {
	t.Helper()
	f := &fakePrometheus{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/prom/api/v1/query" {
			http.NotFound(w, r)
			return
		}
		f.queries.Add(1)
		f.query.Store(r.URL.Query().Get("query"))
		answer(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func answerWith(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

func TestPrometheusCounts(t *testing.T) {
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	tests := []struct {
		name   string
		answer http.HandlerFunc
		want   map[messages.Code]int64
		err    string // in the error; "" for none
	}{
		{name: "up", answer: answerWith(200, vector), want: map[messages.Code]int64{655: 3, 604: 1, 0: 2}},
		{name: "no results yet", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[]}}`), want: map[messages.Code]int64{}},
		{name: "garbage", answer: answerWith(200, `<html>not JSON`), err: "not an instant vector"},
		{name: "a matrix", answer: answerWith(200, `{"status":"success","data":{"resultType":"matrix","result":[]}}`), err: "not an instant vector"},
		{name: "a value not a string", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,3]}]}}`), err: "not an instant vector"},
		{name: "odd values left out", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,"NaN"]},{"metric":{"code":"604"},"value":[1,"-1"]},{"metric":{"code":"605"},"value":[1,"+Inf"]},{"metric":{"code":"606"},"value":[1,"x"]}]}}`), want: map[messages.Code]int64{}},
		{name: "the largest count", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,"1e15"]},{"metric":{"code":"604"},"value":[1,"1.0000000001e15"]}]}}`), want: map[messages.Code]int64{655: 1e15}},
		{name: "an answer of exactly maxAnswer bytes", answer: answerWith(200, vector+strings.Repeat(" ", maxAnswer-len(vector))), want: map[messages.Code]int64{655: 3, 604: 1, 0: 2}},
		{name: "an answer a byte over maxAnswer", answer: answerWith(200, vector+strings.Repeat(" ", maxAnswer+1-len(vector))), err: "more than"},
		{name: "an error", answer: answerWith(400, `{"status":"error","errorType":"bad_data","error":"parse error"}`), err: "400 Bad Request"},
		{name: "a failure in a 200", answer: answerWith(200, `{"status":"error","error":"no"}`), err: `status "error"`},
		{name: "huge", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[`+strings.Repeat(`{"metric":{"code":"655"},"value":[1,"1"]},`, 30000)+`]}}`), err: "more than"},
		{name: "slow", answer: func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-stall:
			case <-r.Context().Done():
			}
		}, err: "deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePrometheus(t, tt.answer)
			p, err := newPrometheus(f.URL + "/prom/")
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "slow" {
				p.timeout = 200 * time.Millisecond
			}
			got, err := p.counts(context.Background(), "1d")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for c, n := range tt.want {
				if got[c] != n {
					t.Errorf("code %d: %d, want %d", c, got[c], n)
				}
			}
			if q, _ := f.query.Load().(string); !strings.Contains(q, "huiyan_results_total[1d]") || !strings.HasPrefix(q, "sum by (code) (") {
				t.Errorf("query %q", q)
			}
		})
	}
}

func TestPrometheusDown(t *testing.T) {
	f := newFakePrometheus(t, answerWith(200, vector))
	f.Close()
	p, err := newPrometheus(f.URL + "/prom")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.counts(context.Background(), "1h"); err == nil {
		t.Fatal("no error from a server that is down")
	}
}

func TestNewPrometheus(t *testing.T) {
	tests := []struct {
		base, want string // want "" for an error
	}{
		{"http://127.0.0.1:9090", "http://127.0.0.1:9090/api/v1/query"},
		{"https://prom.example.com/prometheus/", "https://prom.example.com/prometheus/api/v1/query"},
		{"http://127.0.0.1:9090/?x=1#y", "http://127.0.0.1:9090/api/v1/query"},
		{"127.0.0.1:9090", ""},
		{"ftp://prom", ""},
		{"http://", ""},
		{"", ""},
		{"http://[::1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			p, err := newPrometheus(tt.base)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("no error; query URL %s", p.query)
				}
				return
			}
			if err != nil || p.query != tt.want {
				t.Fatalf("got %v, %v; want %s", p, err, tt.want)
			}
		})
	}
}

// TestCounterCaches checks that a window's counts, or its failure, are
// asked once per countsTTL, and each window on its own.
func TestCounterCaches(t *testing.T) {
	for _, tt := range []struct {
		name   string
		answer http.HandlerFunc
	}{
		{"up", answerWith(200, vector)},
		{"failing", answerWith(503, "")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePrometheus(t, tt.answer)
			h := &handler{}
			WithPrometheus(f.URL + "/prom")(h)
			for range 3 {
				h.counts.get(context.Background(), parseWindow("1d"))
			}
			h.counts.get(context.Background(), parseWindow("1h"))
			if n := f.queries.Load(); n != 2 {
				t.Errorf("%d queries for two windows", n)
			}
			h.counts.ttl = 0 // what countsTTL later looks like
			h.counts.get(context.Background(), parseWindow("1d"))
			if n := f.queries.Load(); n != 3 {
				t.Errorf("%d queries after the counts expired, want 3", n)
			}
		})
	}
}

func TestCounterBadURL(t *testing.T) {
	h := &handler{}
	WithPrometheus("not a url")(h)
	if _, _, err := h.counts.get(context.Background(), parseWindow("")); err == nil {
		t.Fatal("no error for a bad URL")
	}
}

func TestParseWindow(t *testing.T) {
	for in, want := range map[string]string{"1h": "1h", "1d": "1d", "1w": "1w", "": "1d", "1y": "1d", "1d]) or vector(1": "1d"} {
		if got := parseWindow(in).Param; got != want {
			t.Errorf("parseWindow(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestCounterLogs logs a failed query of the counts, and nothing when
// Prometheus answers.
func TestCounterLogs(t *testing.T) {
	tests := []struct {
		name   string
		answer http.HandlerFunc
		logged bool
	}{
		{"up", answerWith(200, vector), false},
		{"failing", answerWith(503, ""), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakePrometheus(t, tt.answer)
			var buf bytes.Buffer
			New(nil, WithLogger(slog.New(slog.NewTextHandler(&buf, nil))), WithPrometheus(f.URL+"/prom")).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
			if got := strings.Contains(buf.String(), "no counts from Prometheus"); got != tt.logged {
				t.Errorf("logged %q", buf.String())
			}
		})
	}
}
