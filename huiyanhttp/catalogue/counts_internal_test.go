package catalogue

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/huiyan-i18n/huiyan"
)

// getPage returns the status and body of a page of h.
func getPage(t *testing.T, h http.Handler, target string, headers ...string) (int, string) {
	t.Helper()
	r := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}

var usesOnPage = regexp.MustCompile(`<article class="card[^"]*" id="(-?\d+)">[^§]*?(?:<data class="uses" value="(\d+)">[^<]*</data>[^§]*?<span class="vh">([^<]*)</span>|</article>)`)

// uses returns the count each card of a page shows, by code, and the
// codes in the order of the page.
func uses(body string) (map[string]string, []string) {
	counts := map[string]string{}
	var order []string
	for _, m := range usesOnPage.FindAllStringSubmatch(body, -1) {
		order = append(order, m[1])
		if m[2] != "" {
			counts[m[1]] = m[2] + " " + m[3]
		}
	}
	return counts, order
}

func TestPageCounts(t *testing.T) {
	f := newFakePrometheus(t, answerWith(200, vector))
	h := New(huiyan.Default(), WithPrometheus(f.URL+"/prom"))
	tests := []struct {
		name    string
		target  string
		headers []string
		want    map[string]string // code: count and its words
		first   []string          // the codes the page starts with
		has     []string
		query   string // in the PromQL asked
	}{
		{name: "list", target: "/?lang=en-US", want: map[string]string{"655": "3 3 in the last day, 50.0% of all", "604": "1 1 in the last day, 16.7% of all", "0": "2 2 in the last day, 33.3% of all", "601": "0 0 in the last day"},
			first: []string{"0", "1", "2"}, has: []string{`aria-current="page">last day</a>`, `href="?lang=en-US&amp;window=1h"`, `href="?lang=en-US&amp;sort=count"`}, query: "[1d]"},
		{name: "sorted by count", target: "/?lang=en-US&sort=count", want: map[string]string{"655": "3 3 in the last day, 50.0% of all"},
			first: []string{"655", "0", "604"}, has: []string{`aria-current="page">by count</a>`, `<input type="hidden" name="sort" value="count">`, `href="?lang=zh-CN&amp;sort=count"`}},
		{name: "a week, in Chinese", target: "/?window=1w&cat=liveness", headers: []string{"Accept-Language", "zh-CN"}, want: map[string]string{"655": "3 最近一周 3 次，占全部的 50.0%"},
			has: []string{`aria-current="page">最近一周</a>`, `codes/655?window=1w"`, `<input type="hidden" name="window" value="1w">`, `href="?lang=en-US&amp;cat=liveness&amp;window=1w"`}, query: "[1w]"},
		{name: "655's page", target: "/codes/655?lang=en-US&window=1h", want: map[string]string{"655": "3 3 in the last hour, 50.0% of all"}, query: "[1h]"},
		{name: "604's page", target: "/codes/604", headers: []string{"Accept-Language", "zh-TW"}, want: map[string]string{"604": "1 最近一天 1 次，佔全部的 16.7%"}},
		{name: "a code outside the catalogue", target: "/codes/699?lang=en-US", want: map[string]string{}},
		{name: "a hostile window", target: "/?lang=en-US&window=1d%5D)%20or%20vector(1", want: map[string]string{"655": "3 3 in the last day, 50.0% of all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := getPage(t, h, tt.target, tt.headers...)
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			got, order := uses(body)
			for code, want := range tt.want {
				if got[code] != want {
					t.Errorf("code %s: %q, want %q", code, got[code], want)
				}
			}
			if len(tt.want) == 0 && len(got) != 0 {
				t.Errorf("counts %v, want none", got)
			}
			if len(order) < len(tt.first) || !slices.Equal(order[:len(tt.first)], tt.first) {
				t.Errorf("order %.10v, want it to start %v", order, tt.first)
			}
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
			if strings.Contains(body, "vector(1") {
				t.Error("the page echoes the window parameter")
			}
			if q, _ := f.query.Load().(string); tt.query != "" && !strings.Contains(q, tt.query) {
				t.Errorf("query %q, want %s", q, tt.query)
			}
		})
	}
}

// TestPageCountsUnavailable checks that a Prometheus that is down or
// answers amiss leaves the catalogue served, and the page saying so in
// its language.
func TestPageCountsUnavailable(t *testing.T) {
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	down := newFakePrometheus(t, answerWith(200, vector))
	down.Close()
	for _, tt := range []struct {
		name string
		url  string
	}{
		{"down", down.URL},
		{"garbage", newFakePrometheus(t, answerWith(200, "<html>")).URL},
		{"an error", newFakePrometheus(t, answerWith(503, "overloaded")).URL},
		{"huge", newFakePrometheus(t, answerWith(200, strings.Repeat(" ", maxAnswer+1))).URL},
		{"slow", newFakePrometheus(t, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-stall:
			case <-r.Context().Done():
			}
		}).URL},
		{"not a URL", "prometheus:9090"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			hd := &handler{}
			WithPrometheus(tt.url + "/prom")(hd)
			if tt.name == "slow" {
				hd.counts.p.timeout = 200 * time.Millisecond
			}
			h := New(huiyan.Default(), WithLogger(slog.New(slog.DiscardHandler)), func(h *handler) { h.counts = hd.counts })
			for _, lang := range []struct{ header, says string }{
				{"en", "The counts are unavailable"},
				{"zh-CN", "暂时无法显示次数"},
				{"zh-HK", "暫時無法顯示次數"},
			} {
				for _, target := range []string{"/", "/codes/655"} {
					status, body := getPage(t, h, target, "Accept-Language", lang.header)
					if status != http.StatusOK || !strings.Contains(body, lang.says) {
						t.Errorf("%s in %s: status %d, the page does not say %q", target, lang.header, status, lang.says)
					}
					if got, order := uses(body); len(got) != 0 || len(order) == 0 {
						t.Errorf("%s in %s: counts %v on %d cards", target, lang.header, got, len(order))
					}
				}
			}
		})
	}
}

// TestPageWithoutCounts checks that the page has no counts' controls
// without WithPrometheus.
func TestPageWithoutCounts(t *testing.T) {
	_, body := getPage(t, New(huiyan.Default()), "/?sort=count&window=1h")
	if strings.Contains(body, "uses") {
		t.Error("counts' controls without WithPrometheus")
	}
}

// TestPageCountsCached checks that pages reloaded in a loop cost one
// query per window.
func TestPageCountsCached(t *testing.T) {
	f := newFakePrometheus(t, answerWith(200, vector))
	h := New(huiyan.Default(), WithPrometheus(f.URL+"/prom"))
	for range 5 {
		getPage(t, h, "/")
		getPage(t, h, "/codes/655")
		getPage(t, h, "/?window=1h")
	}
	if n := f.queries.Load(); n != 2 {
		t.Errorf("%d queries, want one per window", n)
	}
}
