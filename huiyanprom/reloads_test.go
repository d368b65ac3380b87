package huiyanprom_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
)

// TestReloads feeds sequences of loads and checks the counts, the fault
// gauge and the time of the last success after them.
func TestReloads(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	fault := errors.New("en-US.toml:3: bad")
	tests := []struct {
		name    string
		loads   []huiyan.Reload
		want    string
		success float64 // the timestamp, in seconds
	}{
		{
			name: "no load yet",
			want: `huiyan_reload_fault 0
huiyan_reloads_total{outcome="failure"} 0
huiyan_reloads_total{outcome="success"} 0
`,
		},
		{
			name:  "first load",
			loads: []huiyan.Reload{{Time: t0}},
			want: `huiyan_reload_fault 0
huiyan_reloads_total{outcome="failure"} 0
huiyan_reloads_total{outcome="success"} 1
`,
			success: float64(t0.Unix()),
		},
		{
			name:  "a fault stands",
			loads: []huiyan.Reload{{Time: t0}, {Time: t0.Add(time.Minute), Err: fault}, {Time: t0.Add(2 * time.Minute), Err: fault}},
			want: `huiyan_reload_fault 1
huiyan_reloads_total{outcome="failure"} 2
huiyan_reloads_total{outcome="success"} 1
`,
			success: float64(t0.Unix()),
		},
		{
			name:  "a fault cleared",
			loads: []huiyan.Reload{{Time: t0}, {Time: t0.Add(time.Minute), Err: fault}, {Time: t0.Add(90 * time.Second), Cleared: true}},
			want: `huiyan_reload_fault 0
huiyan_reloads_total{outcome="failure"} 1
huiyan_reloads_total{outcome="success"} 2
`,
			success: float64(t0.Unix()) + 90,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			r, err := huiyanprom.NewReloads(reg)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range tt.loads {
				r.ObserveReload(ev)
			}
			compare(t, reg, tt.want, "huiyan_reloads_total", "huiyan_reload_fault")
			if got := gauge(t, reg, "huiyan_last_reload_success_timestamp_seconds"); got != tt.success {
				t.Errorf("last success: got %v, want %v", got, tt.success)
			}
		})
	}
}

// TestReloadsZeroTime checks that a load without a time counts as now.
func TestReloadsZeroTime(t *testing.T) {
	reg := prometheus.NewRegistry()
	r, err := huiyanprom.NewReloads(reg)
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	r.ObserveReload(huiyan.Reload{})
	got := gauge(t, reg, "huiyan_last_reload_success_timestamp_seconds")
	if got < float64(before.Unix()) || got > float64(time.Now().Unix()+1) {
		t.Errorf("got %v, want about %v", got, before.Unix())
	}
}

// TestReloadsWatcher checks the metrics a real Watcher feeds.
func TestReloadsWatcher(t *testing.T) {
	reg := prometheus.NewRegistry()
	r, err := huiyanprom.NewReloads(reg)
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	w, err := huiyan.Watch(t.TempDir(), huiyan.WatchOptions{OnReload: r.ObserveReload, OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	compare(t, reg, `huiyan_reload_fault 0
huiyan_reloads_total{outcome="failure"} 0
huiyan_reloads_total{outcome="success"} 1
`, "huiyan_reloads_total", "huiyan_reload_fault")
	if got := gauge(t, reg, "huiyan_last_reload_success_timestamp_seconds"); got < float64(before.Unix()) {
		t.Errorf("last success %v, before the watch started (%v)", got, before.Unix())
	}
}

// TestReloadsStartOnFault checks what a replica that starts on a broken
// directory shows from its first scrape, and after the fix.
func TestReloadsStartOnFault(t *testing.T) {
	reg := prometheus.NewRegistry()
	r, err := huiyanprom.NewReloads(reg)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	en := filepath.Join(dir, "en-US.toml")
	if err := os.WriteFile(en, []byte("[604]\nusr = \"typo\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{Interval: time.Hour, StartOnFault: true, OnReload: r.ObserveReload, OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	compare(t, reg, `huiyan_reload_fault 1
huiyan_reloads_total{outcome="failure"} 1
huiyan_reloads_total{outcome="success"} 0
`, "huiyan_reloads_total", "huiyan_reload_fault")
	if got := gauge(t, reg, "huiyan_last_reload_success_timestamp_seconds"); got != 0 {
		t.Errorf("last success %v, want 0: the directory never loaded", got)
	}
	if err := os.WriteFile(en, []byte("[604]\nuser = \"Fixed.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	compare(t, reg, `huiyan_reload_fault 0
huiyan_reloads_total{outcome="failure"} 1
huiyan_reloads_total{outcome="success"} 1
`, "huiyan_reloads_total", "huiyan_reload_fault")
}

// TestReloadsStrayFiles checks that a stray file added to the watched
// directory, and removed, counts as no reload, whether the directory's
// texts serve or a fault stands: the file is reported to OnError, and
// nothing that is served changes.
func TestReloadsStrayFiles(t *testing.T) {
	const text = "[604]\nuser = \"Deployment text %s.\"\n"
	reg := prometheus.NewRegistry()
	r, err := huiyanprom.NewReloads(reg)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	en, stray := filepath.Join(dir, "en-US.toml"), filepath.Join(dir, "backup.toml")
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(en, fmt.Sprintf(text, "one"))
	reported := make(chan error, 16)
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{
		Interval: 5 * time.Millisecond,
		Settle:   -1,
		OnReload: r.ObserveReload,
		OnError:  func(err error) { reported <- err },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	counts := func(success, failure int) string {
		return fmt.Sprintf("huiyan_reloads_total{outcome=\"failure\"} %d\nhuiyan_reloads_total{outcome=\"success\"} %d\n", failure, success)
	}

	// The watcher's own polls find the stray file and report it.
	write(stray, "not TOML")
	select {
	case err := <-reported:
		if !strings.Contains(err.Error(), "backup.toml") {
			t.Fatalf("OnError got %v, want the stray file", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the stray file was not reported")
	}
	w.Close() // the polls' reports are all in; Reload goes on
	compare(t, reg, counts(1, 0), "huiyan_reloads_total")

	steps := []struct {
		name           string
		change         func()
		success, fails int
	}{
		{"the stray file removed", func() { os.Remove(stray) }, 1, 0},
		{"an edit", func() { write(en, fmt.Sprintf(text, "two")) }, 2, 0},
		{"a fault", func() { write(en, "[604]\nusr = \"typo\"\n") }, 2, 1},
		{"a stray file while the fault stands", func() { write(stray, "not TOML") }, 2, 1},
		{"the stray file removed while the fault stands", func() { os.Remove(stray) }, 2, 1},
		{"the fix", func() { write(en, fmt.Sprintf(text, "three")) }, 3, 1},
	}
	for _, st := range steps {
		st.change()
		w.Reload()
		if err := testutil.GatherAndCompare(reg, strings.NewReader(metadata["huiyan_reloads_total"]+"\n"+counts(st.success, st.fails)), "huiyan_reloads_total"); err != nil {
			t.Errorf("%s: %v", st.name, err)
		}
	}
}

// gauge returns the value of the one series of the gauge named.
func gauge(t *testing.T, reg prometheus.Gatherer, name string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name && len(f.Metric) == 1 {
			return f.Metric[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("no gauge %s", name)
	return 0
}
