package huiyanprom

import (
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/huiyan-i18n/huiyan/huiyanhttp"
)

// resultsName is the name of the counter of results.
const resultsName = "huiyan_results_total"

// maxCached bounds the counters kept by label set. The two tables' codes,
// one status each, in a handful of locales, make several hundred; past
// the bound a result is still counted, looked up each time.
const maxCached = 4096

// Results counts the results that huiyanhttp answers: it is a
// [huiyanhttp.Observer]. Its methods are safe for concurrent use.
type Results struct {
	vec *prometheus.CounterVec

	// counters holds the counter of each label set seen: looking one up
	// by the Result allocates nothing, where the label values would.
	mu       sync.RWMutex
	counters map[huiyanhttp.Result]prometheus.Counter
}

// NewResults registers huiyan_results_total on reg and returns what
// counts into it. It returns reg's error, such as a
// [prometheus.AlreadyRegisteredError] for a second registration on the
// same registry.
func NewResults(reg prometheus.Registerer) (*Results, error) {
	if reg == nil {
		return nil, errNilRegisterer
	}
	vec := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: resultsName,
		Help: "Results answered by huiyanhttp, successes included, by table (huiyan or faceid), code, name, category, whether Tencent bills the result, HTTP status and locale of the user text.",
	}, []string{"table", "code", "name", "category", "billed", "status", "lang"})
	if err := reg.Register(vec); err != nil {
		return nil, err
	}
	return &Results{vec: vec, counters: make(map[huiyanhttp.Result]prometheus.Counter)}, nil
}

// ObserveResult counts one result. A label value that Prometheus refuses,
// such as one that is not UTF-8, drops the result rather than panic.
func (r *Results) ObserveResult(res huiyanhttp.Result) {
	r.mu.RLock()
	c, ok := r.counters[res]
	r.mu.RUnlock()
	if ok {
		c.Inc()
		return
	}
	if c := r.counter(res); c != nil {
		c.Inc()
	}
}

// counter returns the counter of res's label set, and keeps it while
// fewer than maxCached are kept; nil when Prometheus refuses the labels.
func (r *Results) counter(res huiyanhttp.Result) prometheus.Counter {
	c, err := r.vec.GetMetricWithLabelValues(res.Table, res.Code, res.Name, res.Category, strconv.FormatBool(res.Billed), strconv.Itoa(res.Status), res.Lang)
	if err != nil {
		return nil
	}
	r.mu.Lock()
	if len(r.counters) < maxCached {
		r.counters[res] = c
	}
	r.mu.Unlock()
	return c
}
