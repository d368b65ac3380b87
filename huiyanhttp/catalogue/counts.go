package catalogue

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/huiyan-i18n/huiyan/messages"
)

// WithPrometheus shows on the page how often each code was answered over a
// window (the last hour, day or week; a day unless the page's control
// says otherwise), as the Prometheus server at base counts it in
// huiyan_results_total, the counter of module huiyanprom, summed over
// every replica: on each code's card and page, with the list sortable by
// count. base is the server's URL, such as http://prometheus:9090.
//
// Each window's counts are asked of /api/v1/query at most once every 15
// seconds, with a timeout of 5 seconds, and at most 1 MiB of the answer
// is read. When Prometheus cannot be reached, or base is no http or https
// URL, the page says that the counts are unavailable and serves the
// catalogue as ever. The JSON API is unchanged.
func WithPrometheus(base string) Option {
	return func(h *handler) {
		p, err := newPrometheus(base)
		h.counts = &counter{p: p, err: err, ttl: countsTTL, entries: make(map[string]*countEntry)}
	}
}

// countsTTL is how long a window's counts serve before they are asked
// again: a page reloaded in a loop costs Prometheus one query per window
// per countsTTL.
const countsTTL = 15 * time.Second

// window is a range the page counts over.
type window struct {
	Param string // the value of the window parameter, and the PromQL range
	Hours int
}

// windows are the ranges the page offers.
var windows = []window{{"1h", 1}, {"1d", 24}, {"1w", 24 * 7}}

// defaultWindow is the day.
var defaultWindow = windows[1]

// parseWindow returns the window a parameter names, or the default.
func parseWindow(s string) window {
	for _, w := range windows {
		if w.Param == s {
			return w
		}
	}
	return defaultWindow
}

// counter keeps the counts of each window for countsTTL.
type counter struct {
	p   *prometheus
	err error // why there is no p
	ttl time.Duration
	log *slog.Logger

	mu      sync.Mutex
	entries map[string]*countEntry // by window; as many as windows
}

// countEntry is one window's counts, or why they are unavailable.
type countEntry struct {
	mu     sync.Mutex // one query at a time: the others wait for its answer
	at     time.Time
	counts map[messages.Code]int64
	err    error
}

// get returns the counts of w and when they were asked, from the cache
// when they are fresh. A failure is kept as long, so that a Prometheus
// that is down is not asked on every page.
func (c *counter) get(ctx context.Context, w window) (map[messages.Code]int64, time.Time, error) {
	if c.err != nil {
		return nil, time.Time{}, c.err
	}
	c.mu.Lock()
	e := c.entries[w.Param]
	if e == nil {
		e = &countEntry{}
		c.entries[w.Param] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.at.IsZero() && time.Since(e.at) < c.ttl {
		return e.counts, e.at, e.err
	}
	// The answer serves other pages too: it does not end with the
	// request that asked for it.
	e.counts, e.err = c.p.counts(context.WithoutCancel(ctx), w.Param)
	e.at = time.Now()
	if e.err != nil && c.log != nil {
		c.log.Warn("huiyan: catalogue: no counts from Prometheus", "window", w.Param, "err", e.err)
	}
	return e.counts, e.at, e.err
}
