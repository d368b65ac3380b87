// Package huiyanprom counts what a service answers with package huiyanhttp,
// and how its locale files reload, as Prometheus metrics, with
// github.com/prometheus/client_golang. It is a module of its own, so that
// the library's module does not require the Prometheus client.
//
// Both constructors register on the [prometheus.Registerer] they are given,
// never on the global registry, and return its error, such as a second
// registration of the same metrics:
//
//	reg := prometheus.NewRegistry()
//	reloads, err := huiyanprom.NewReloads(reg)
//	if err != nil {
//		log.Fatal(err)
//	}
//	w, err := huiyan.Watch(dir, huiyan.WatchOptions{OnReload: reloads.ObserveReload})
//	if err != nil {
//		log.Fatal(err)
//	}
//	results, err := huiyanprom.NewResults(reg)
//	if err != nil {
//		log.Fatal(err)
//	}
//	handler := huiyanhttp.Middleware(w, huiyanhttp.WithObserver(results))(mux)
//	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
//
// # Metrics
//
// huiyan_results_total, a counter, counts the results huiyanhttp answered,
// successes (code 0) included, with the labels
//
//	table     the code's table: "huiyan" (package messages) or "faceid" (package faceid)
//	code      the code, such as "655"; "other" for a code outside its table
//	name      its name, such as "FaceTooClose"; "Unknown" outside its table
//	category  its category, such as "liveness", as the table's locale files spell it
//	billed    "true" for a result that Tencent bills (FaceID's 0, 1002, 2006, 2016), else "false"
//	status    the HTTP status written, such as "422"
//	lang      the locale of the end user's text, such as "en-US"
//
// The two tables share numbers with other meanings (302 is an SMS limit in
// the Huiyan table, an expired ID card in the FaceID table): a query that
// reads a code reads its table too, such as
// huiyan_results_total{table="faceid",code="302"}. Codes outside a table
// fold into one series per category of that table, so the number of
// series stays bounded whatever codes a service is sent; billed is
// determined by table and code, and adds no series. No label holds
// anything of the request.
//
// What failures cost is the billed results that are not successes:
//
//	sum by (code, name) (increase(huiyan_results_total{billed="true",code!="0"}[1d]))
//
// For a [huiyan.Watcher]:
//
//	huiyan_reloads_total{outcome="success"|"failure"}   loads applied, by outcome
//	huiyan_reload_fault                               1 while a fault stands, else 0
//	huiyan_last_reload_success_timestamp_seconds      when the files last loaded
//
// A load counts when the Watcher reports it as a [huiyan.Reload]: when what
// is served changes, or whether a fault stands. A stray file such as
// backup.toml, added or removed, goes to OnError and counts as no reload.
// A standing fault means the previous texts keep serving; an old last
// success means a deployment's texts have stopped loading. docs/operations.md
// in the repository has the PromQL for a fleet, alert rules, and a Grafana
// dashboard that queries these metrics.
//
// # Cost
//
// Counting a result allocates nothing: the counter of each label set is
// looked up once and kept, for up to a bound of label sets far above what
// the two tables yield.
package huiyanprom
