package huiyanprom

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/huiyan-i18n/huiyan"
)

// The names of the metrics of a Watcher's reloads.
const (
	reloadsName     = "huiyan_reloads_total"
	reloadFaultName = "huiyan_reload_fault"
	lastSuccessName = "huiyan_last_reload_success_timestamp_seconds"
)

// Reloads counts the loads a [huiyan.Watcher] applies. Its
// [Reloads.ObserveReload] is the function for [huiyan.WatchOptions] OnReload.
// Its methods are safe for concurrent use.
type Reloads struct {
	success, failure prometheus.Counter
	fault            prometheus.Gauge
	lastSuccess      prometheus.Gauge
}

// NewReloads registers huiyan_reloads_total, huiyan_reload_fault and
// huiyan_last_reload_success_timestamp_seconds on reg and returns what
// sets them. Both outcomes of huiyan_reloads_total start at 0, so that
// rates and alerts have a series from the first scrape. It returns reg's
// errors, such as a [prometheus.AlreadyRegisteredError] for a second
// registration on the same registry; nothing is left registered then.
func NewReloads(reg prometheus.Registerer) (*Reloads, error) {
	if reg == nil {
		return nil, errNilRegisterer
	}
	total := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: reloadsName,
		Help: "Loads of the locale files that the watcher applied, by outcome: success, or failure while the previous texts keep serving.",
	}, []string{"outcome"})
	fault := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: reloadFaultName,
		Help: "1 while a fault in the locale files stands and the previous texts keep serving, 0 otherwise.",
	})
	last := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: lastSuccessName,
		Help: "When the locale files last loaded successfully, in seconds since the Unix epoch.",
	})
	var done []prometheus.Collector
	for _, c := range []prometheus.Collector{total, fault, last} {
		if err := reg.Register(c); err != nil {
			for _, d := range done {
				reg.Unregister(d)
			}
			return nil, err
		}
		done = append(done, c)
	}
	return &Reloads{
		success:     total.WithLabelValues("success"),
		failure:     total.WithLabelValues("failure"),
		fault:       fault,
		lastSuccess: last,
	}, nil
}

// ObserveReload records one load: pass it to [huiyan.WatchOptions] OnReload.
// A load with an error counts as a failure and raises the fault; one
// without counts as a success, clears the fault and sets the time of the
// last success to ev.Time (now, when ev.Time is zero).
func (r *Reloads) ObserveReload(ev huiyan.Reload) {
	if ev.Err != nil {
		r.failure.Inc()
		r.fault.Set(1)
		return
	}
	t := ev.Time
	if t.IsZero() {
		t = time.Now()
	}
	r.success.Inc()
	r.fault.Set(0)
	r.lastSuccess.Set(float64(t.UnixNano()) / 1e9)
}

// errNilRegisterer is what the constructors return for a nil Registerer:
// registering on the global one behind the caller's back is no default.
var errNilRegisterer = errors.New("huiyanprom: the prometheus.Registerer is nil")
