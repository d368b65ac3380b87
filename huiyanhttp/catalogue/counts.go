package catalogue

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// WithPrometheus shows on the page how often each code was answered over a
// window (the last hour, day or week; a day unless the page's control
// says otherwise), as the Prometheus server at base counts it in
// huiyan_results_total, the counter of module huiyanprom, summed over
// every replica, each table's codes by its table label: on each code's card and page, and as a column of the
// compact list, with each code's share of the total; the list sorts by
// count on request. base is the server's URL, such as
// http://prometheus:9090.
//
// Each window's counts are asked of /api/v1/query at most once every 15
// seconds, and at most 1 MiB of the answer is read. A page waits for them
// no longer than 300 milliseconds: when Prometheus is slower, the page is
// served at once with the last counts it gave, marked with their time, or
// without counts, while the query goes on (for up to 5 seconds) for the
// pages after it. When Prometheus cannot be reached, or base is no http or
// https URL, the page says that the counts are unavailable and serves the
// catalogue as ever. The JSON API is unchanged.
func WithPrometheus(base string) Option {
	return func(h *handler) {
		p, err := newPrometheus(base)
		h.counts = &counter{p: p, err: err, ttl: countsTTL, wait: countsWait, entries: make(map[string]*countEntry)}
	}
}

// counts are the counts of each table's codes, by the table's name and
// the code.
type counts map[string]map[int]int64

// countsTTL is how long a window's counts serve before they are asked
// again: a page reloaded in a loop costs Prometheus one query per window
// per countsTTL.
const countsTTL = 15 * time.Second

// countsWait bounds how long a page waits for Prometheus. A page is
// served from memory in microseconds; a Prometheus that accepts and never
// answers must not make it wait for queryTimeout.
const countsWait = 300 * time.Millisecond

// errNoAnswer says that Prometheus has not answered yet.
var errNoAnswer = errors.New("catalogue: Prometheus has not answered in time")

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
	p    *prometheus
	err  error // why there is no p
	ttl  time.Duration
	wait time.Duration // how long a page waits for a query
	log  *slog.Logger

	mu      sync.Mutex
	entries map[string]*countEntry // by window; as many as windows
}

// countEntry is one window's counts: the last that Prometheus gave, and
// how its last query went.
type countEntry struct {
	mu     sync.Mutex
	asking chan struct{} // closed when the query under way ends; nil when none is
	began  time.Time     // when the query under way began
	ended  time.Time     // when the last query ended, answered or not
	counts counts
	at     time.Time // when counts were answered
	err    error     // why the last query failed; nil when it answered
}

// countState is what a page knows of a window's counts.
type countState struct {
	counts counts    // nil when there are none to show
	at     time.Time // when Prometheus gave them
	stale  bool      // Prometheus has not answered since
	err    error     // why the counts are not fresh
}

// get returns the counts of w. They are asked again when the last query
// ended countsTTL ago; a failure is kept as long, so that a Prometheus
// that is down is not asked on every page. The query runs on its own: the
// request waits for it no longer than c.wait after it began, and then
// takes the counts that are there.
func (c *counter) get(ctx context.Context, w window) countState {
	if c.err != nil {
		return countState{err: c.err}
	}
	c.mu.Lock()
	e := c.entries[w.Param]
	if e == nil {
		e = &countEntry{}
		c.entries[w.Param] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	if e.asking == nil && (e.ended.IsZero() || time.Since(e.ended) >= c.ttl) {
		e.asking, e.began = make(chan struct{}), time.Now()
		go c.ask(e, w)
	}
	// The pages wait for a query until c.wait after it began, not each
	// for c.wait: a Prometheus that never answers costs the first page
	// c.wait, and the pages after it nothing.
	asking, wait := e.asking, c.wait-time.Since(e.began)
	e.mu.Unlock()
	if asking != nil && wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-asking:
		case <-t.C:
		case <-ctx.Done():
		}
		t.Stop()
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	s := countState{counts: e.counts, at: e.at, err: e.err}
	if s.counts == nil && s.err == nil {
		s.err = errNoAnswer // the first query is under way
	}
	// Counts are stale once a query after them failed; while one is
	// only under way, they are the last answer, as after any other.
	s.stale = s.err != nil && s.counts != nil
	return s
}

// ask queries Prometheus for the counts of w and keeps the answer in e.
// It outlives the request that started it, up to the query's timeout: the
// answer serves the pages after it.
func (c *counter) ask(e *countEntry, w window) {
	counts, err := c.p.counts(context.Background(), w.Param)
	if err != nil && c.log != nil {
		c.log.Warn("huiyan: catalogue: no counts from Prometheus", "window", w.Param, "err", err)
	}
	e.mu.Lock()
	e.ended, e.err = time.Now(), err
	if err == nil {
		e.counts, e.at = counts, e.ended
	}
	done := e.asking
	e.asking = nil
	e.mu.Unlock()
	close(done)
}
