package catalogue

import (
	"bytes"
	"context"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huiyan-i18n/huiyan"
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

// byTable is an answer of /api/v1/query by table: 302 of each table, a
// series of before huiyanprom had the label (the Huiyan table's), and
// what no table has: a table of another name, and a code outside its
// table.
const byTable = `{"status":"success","data":{"resultType":"vector","result":[
{"metric":{"table":"huiyan","code":"302"},"value":[1,"4"]},
{"metric":{"table":"faceid","code":"302"},"value":[1,"2"]},
{"metric":{"table":"faceid","code":"1203"},"value":[1,"5"]},
{"metric":{"code":"655"},"value":[1,"3"]},
{"metric":{"table":"faceid","code":"655"},"value":[1,"9"]},
{"metric":{"table":"nope","code":"302"},"value":[1,"9"]},
{"metric":{"table":"","code":"1203"},"value":[1,"9"]}]}}`

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
		want   counts
		err    string // in the error; "" for none
	}{
		{name: "up", answer: answerWith(200, vector), want: counts{"huiyan": {655: 3, 604: 1, 0: 2}}},
		{name: "by table", answer: answerWith(200, byTable), want: counts{"huiyan": {302: 4, 655: 3}, "faceid": {302: 2, 1203: 5}}},
		{name: "no results yet", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[]}}`), want: counts{}},
		{name: "garbage", answer: answerWith(200, `<html>not JSON`), err: "not an instant vector"},
		{name: "a matrix", answer: answerWith(200, `{"status":"success","data":{"resultType":"matrix","result":[]}}`), err: "not an instant vector"},
		{name: "a value not a string", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,3]}]}}`), err: "not an instant vector"},
		{name: "odd values left out", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,"NaN"]},{"metric":{"code":"604"},"value":[1,"-1"]},{"metric":{"code":"605"},"value":[1,"+Inf"]},{"metric":{"code":"606"},"value":[1,"x"]}]}}`), want: counts{}},
		{name: "the largest count", answer: answerWith(200, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,"1e15"]},{"metric":{"code":"604"},"value":[1,"1.0000000001e15"]}]}}`), want: counts{"huiyan": {655: 1e15}}},
		{name: "an answer of exactly maxAnswer bytes", answer: answerWith(200, vector+strings.Repeat(" ", maxAnswer-len(vector))), want: counts{"huiyan": {655: 3, 604: 1, 0: 2}}},
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
			if !maps.EqualFunc(got, tt.want, maps.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if q, _ := f.query.Load().(string); !strings.Contains(q, "huiyan_results_total[1d]") || !strings.HasPrefix(q, "sum by (table, code) (") {
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
	if s := h.counts.get(context.Background(), parseWindow("")); s.err == nil || s.counts != nil {
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

// silentServer accepts connections and never answers, as a Prometheus
// behind a hung proxy does; it returns its URL.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never read nor written
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}

// TestPageWithSilentPrometheus serves pages while Prometheus accepts and
// never answers: each is served without waiting for the query's timeout,
// and says that the counts are unavailable; the list is in code order,
// and says so, though sort=count was asked.
func TestPageWithSilentPrometheus(t *testing.T) {
	h := New(huiyan.Default(), WithLogger(slog.New(slog.DiscardHandler)), WithPrometheus(silentServer(t)))
	// Well under the query's timeout, and well over the page's wait, for
	// a shared machine: what it checks is that the page does not wait
	// for the query.
	const bound = 2 * time.Second
	for _, target := range []string{"/?lang=en-US", "/?lang=en-US&sort=count", "/?lang=zh-CN&window=1h&view=compact", "/codes/655?lang=en-US", "/?lang=en-US"} {
		start := time.Now()
		status, body := getPage(t, h, target)
		took := time.Since(start)
		t.Logf("%s: %v", target, took.Round(time.Millisecond))
		if took > bound {
			t.Errorf("%s took %v with a silent Prometheus, over %v", target, took, bound)
		}
		if status != http.StatusOK || !strings.Contains(body, `class="warn"`) {
			t.Errorf("%s: status %d, or no warning that the counts are unavailable", target, status)
		}
		if strings.Contains(body, `aria-current="page">by count<`) {
			t.Errorf("%s: by count is marked, but the list is in code order", target)
		}
		if strings.Contains(target, "sort=count") && !strings.Contains(body, `aria-current="page">by code<`) {
			t.Errorf("%s: by code, the order applied, is not marked", target)
		}
	}
}

// TestStaleCounts shows the last counts Prometheus gave, marked with
// their time, once it stops answering; and fresh counts again when it
// answers.
func TestStaleCounts(t *testing.T) {
	var down atomic.Bool
	f := newFakePrometheus(t, func(w http.ResponseWriter, r *http.Request) {
		if down.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		answerWith(200, vector)(w, r)
	})
	hd := &handler{}
	WithPrometheus(f.URL + "/prom")(hd)
	h := New(huiyan.Default(), WithLogger(slog.New(slog.DiscardHandler)), func(h *handler) { h.counts = hd.counts })
	_, fresh := getPage(t, h, "/?lang=en-US&sort=count")
	if strings.Contains(fresh, `class="warn"`) || !strings.Contains(fresh, "6 results in the last day · as of ") {
		t.Fatal("fresh counts: a warning, or no total")
	}
	down.Store(true)
	hd.counts.ttl = 0
	_, stale := getPage(t, h, "/?lang=en-US&sort=count")
	got, order := uses(stale)
	if !strings.Contains(stale, "Prometheus is not answering: these counts are its last answer, as of ") || got["655"] == "" {
		t.Errorf("stale counts: not marked, or not shown (%v)", got)
	}
	if order[0] != "655" || !strings.Contains(stale, `aria-current="page">by count<`) {
		t.Errorf("stale counts: not sorted by them (%v)", order[:3])
	}
	down.Store(false)
	if _, again := getPage(t, h, "/?lang=en-US&sort=count"); strings.Contains(again, `class="warn"`) {
		t.Error("counts again: still a warning")
	}
}
