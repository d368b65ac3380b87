package huiyan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

const (
	deployText = "[604]\nuser = \"Deployment text one.\"\n"
	brokenText = "[604]\nuser = \"Deployment text two.\"\nusr = \"typo\"\n"
)

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeAtomic replaces a file as careful deploy tools do: the watcher
// never sees it half-written.
func writeAtomic(t *testing.T, name, data string) {
	t.Helper()
	writeFile(t, name+".part", data)
	if err := os.Rename(name+".part", name); err != nil {
		t.Fatal(err)
	}
}

// startWatch watches a new directory with deployText in en-US.toml, polling
// only when the test reloads.
func startWatch(t *testing.T, opts WatchOptions) (dir, en string, w *Watcher) {
	t.Helper()
	dir = t.TempDir()
	en = filepath.Join(dir, "en-US.toml")
	writeFile(t, en, deployText)
	if opts.Interval == 0 {
		opts.Interval = time.Hour
	}
	w, err := Watch(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, en, w
}

func userText(w *Watcher) string { return w.Bundle().Localize(messages.SimilarityTooLow, "en").User }

func TestWatchReloadsAndSurvivesFaults(t *testing.T) {
	dir, en, w := startWatch(t, WatchOptions{})
	if got := userText(w); got != "Deployment text one." {
		t.Fatalf("User = %q, want the directory's text", got)
	}
	tests := []struct {
		name    string
		change  func()
		wantErr string // "" for a reload that succeeds
		want    string
	}{
		{"edit", func() { writeFile(t, en, strings.Replace(deployText, "one", "three", 1)) }, "", "Deployment text three."},
		{"edit that fails validation", func() { writeFile(t, en, brokenText) },
			filepath.Join(dir, "en-US.toml") + ":3: unknown field \"usr\"", "Deployment text three."},
		{"half-written file", func() { writeFile(t, en, "[604]\nuser = \"Deployment te") },
			filepath.Join(dir, "en-US.toml") + ":2: invalid TOML", "Deployment text three."},
		{"empty file", func() { writeFile(t, en, "") }, filepath.Join(dir, "en-US.toml") + ":1: the file is empty", "Deployment text three."},
		{"fixed again", func() { writeFile(t, en, strings.Replace(deployText, "one", "four", 1)) }, "", "Deployment text four."},
		{"deleted file falls back to the embedded text", func() { os.Remove(en) }, "", Default().Localize(messages.SimilarityTooLow, "en").User},
		{"restored", func() { writeFile(t, en, deployText) }, "", "Deployment text one."},
		{"emacs lock file", func() {
			if err := os.Symlink("root@host.1234:1700000000", filepath.Join(dir, ".#en-US.toml")); err != nil {
				t.Fatal(err)
			}
		}, "", "Deployment text one."},
		{"backup and swap files", func() {
			writeFile(t, filepath.Join(dir, "en-US.toml~"), brokenText)
			writeFile(t, filepath.Join(dir, "#en-US.toml#"), brokenText)
			writeFile(t, filepath.Join(dir, ".en-US.toml.swp"), brokenText)
			writeFile(t, filepath.Join(dir, "~en-US.toml"), brokenText)
		}, "", "Deployment text one."},
		{"unreadable file", func() {
			os.Remove(en)
			if err := os.Symlink(filepath.Join(dir, "no-such-file"), en); err != nil {
				t.Fatal(err)
			}
		}, filepath.Join(dir, "en-US.toml") + ": cannot read", "Deployment text one."},
		{"readable again", func() { os.Remove(en); writeFile(t, en, deployText) }, "", "Deployment text one."},
		{"new locale", func() {
			writeFile(t, filepath.Join(dir, "ja-JP.toml"), "[604]\nuser = \"もう一度お試しください。\"\n")
		}, "", "Deployment text one."},
		{"directory gone", func() { os.RemoveAll(dir) }, "cannot read the locale directory", "Deployment text one."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			err := w.Reload()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Reload() = %v, want success", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Reload() = %v, want an error containing %q", err, tt.wantErr)
			}
			if got := userText(w); got != tt.want {
				t.Errorf("User = %q, want %q", got, tt.want)
			}
			if m := w.Bundle().Localize(messages.FaceTooClose, "en"); m.User == "" || m.Lang != "en-US" {
				t.Errorf("another code: %+v", m)
			}
		})
	}
	if got := w.Bundle().Localize(messages.SimilarityTooLow, "ja").Lang; got != "ja-JP" {
		t.Errorf("the added locale serves ja? got %q", got)
	}
}

func TestWatchStartFails(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "en-US.toml"), brokenText)
	if w, err := Watch(dir, WatchOptions{}); err == nil || w != nil || !strings.Contains(err.Error(), "en-US.toml:3:") {
		t.Errorf("Watch = %v, %v; want no watcher and the file's error", w, err)
	}
	if _, err := Watch(filepath.Join(dir, "missing"), WatchOptions{}); err == nil {
		t.Error("Watch of a missing directory succeeded")
	}
}

// TestWatchPolls checks that the poller reloads by itself and reports a
// lasting fault once, while goroutines localize (run it with -race).
// TestWatchReloadsAndSurvivesFaults covers files caught half-written.
func TestWatchPolls(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "en-US.toml")
	writeFile(t, en, deployText)
	var mu sync.Mutex
	var reported []error
	w, err := Watch(dir, WatchOptions{Interval: time.Millisecond, Settle: -1, OnError: func(err error) {
		mu.Lock()
		reported = append(reported, err)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	var stop atomic.Bool
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for !stop.Load() {
				m := w.Bundle().Localize(messages.SimilarityTooLow, "en-US,en;q=0.9")
				if m.User == "" || m.Lang != "en-US" {
					t.Errorf("Localize during reloads = %+v", m)
					return
				}
				if !strings.HasPrefix(m.User, "Deployment text") {
					t.Errorf("User = %q, want a deployment text", m.User)
					return
				}
			}
		})
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("gave up waiting for %s", what)
			}
			time.Sleep(time.Millisecond)
		}
	}
	for i := range 20 {
		text := strings.Replace(deployText, "one", "v"+string(rune('a'+i)), 1)
		writeAtomic(t, en, text)
		waitFor("reload "+text, func() bool { return strings.Contains(userText(w), "v"+string(rune('a'+i))) })
	}
	writeAtomic(t, en, brokenText)
	waitFor("the fault to be reported", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(reported) > 0
	})
	time.Sleep(50 * time.Millisecond) // many polls of the same fault
	stop.Store(true)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(reported) != 1 || !strings.Contains(reported[0].Error(), "en-US.toml:3:") {
		t.Errorf("reported %v, want the fault once, with its line", reported)
	}
	if got := userText(w); got != "Deployment text vt." {
		t.Errorf("User = %q, want the last good text", got)
	}
}

// TestWatchSettles checks, poll by poll, when a change is applied: once
// two polls in a row read the same contents and the newest file was
// modified at least the settle time ago. A file rewritten in place, whose
// writer pauses between two valid tables for longer than the interval but
// less than the settle time, is never served half.
func TestWatchSettles(t *testing.T) {
	full := "[604]\nuser = \"Deployment text two.\"\n\n[655]\nuser = \"Move back.\"\n"
	for _, tt := range []struct {
		name string
		opts WatchOptions
	}{
		{"two seconds", WatchOptions{Settle: 2 * time.Second}},
		{"the default, two seconds", WatchOptions{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, en, w := startWatch(t, tt.opts)
			t0 := time.Now().Add(time.Hour) // later than any file here
			at := func(d time.Duration) time.Time { return t0.Add(d) }
			write := func(data string, mod time.Time) {
				t.Helper()
				writeFile(t, en, data)
				if err := os.Chtimes(en, mod, mod); err != nil {
					t.Fatal(err)
				}
			}
			poll := func(now time.Time, want string) {
				t.Helper()
				if _, err := w.poll(now); err != nil {
					t.Fatalf("poll: %v", err)
				}
				if got := userText(w); got != want {
					t.Fatalf("after the poll at %v: User = %q, want %q", now.Sub(t0), got, want)
				}
			}
			half := full[:strings.Index(full, "[655]")]
			write(half, at(0)) // the writer pauses here
			poll(at(500*time.Millisecond), "Deployment text one.")
			poll(at(time.Second), "Deployment text one.") // two polls agree: not settled
			poll(at(1500*time.Millisecond), "Deployment text one.")
			write(full, at(1800*time.Millisecond)) // the writer is done
			poll(at(2*time.Second), "Deployment text one.")
			poll(at(2500*time.Millisecond), "Deployment text one.")
			poll(at(3800*time.Millisecond), "Deployment text two.") // settled
			if got := w.Bundle().Localize(messages.FaceTooClose, "en").User; got != "Move back." {
				t.Errorf("the second table: User = %q", got)
			}
		})
	}

	// Without a settle time, two polls that agree apply a change: an
	// atomic write is served within two intervals.
	_, en2, w2 := startWatch(t, WatchOptions{Settle: -1})
	writeAtomic(t, en2, full)
	for i, want := range []string{"Deployment text one.", "Deployment text two."} {
		if _, err := w2.poll(time.Now()); err != nil || userText(w2) != want {
			t.Fatalf("poll %d: %v, %q; want %q", i+1, err, userText(w2), want)
		}
	}
}

// TestWatchConfigMapSwap checks a Kubernetes ConfigMap update, which swaps
// the ..data symbolic link to a new directory: a key dropped and another
// changed in one swap are both applied.
func TestWatchConfigMapSwap(t *testing.T) {
	dir := t.TempDir()
	mkdir := func(name string, files map[string]string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		for f, data := range files {
			writeFile(t, filepath.Join(dir, name, f), data)
		}
	}
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	const ja = "[604]\nuser = \"もう一度お試しください。\"\n"
	mkdir("..2026_11_28_10_00_00.1", map[string]string{"en-US.toml": deployText, "ja-JP.toml": ja})
	symlink("..2026_11_28_10_00_00.1", "..data")
	symlink("..data/en-US.toml", "en-US.toml")
	symlink("..data/ja-JP.toml", "ja-JP.toml")
	w, err := Watch(dir, WatchOptions{Interval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := w.Bundle().Localize(messages.SimilarityTooLow, "ja").User; got != "もう一度お試しください。" {
		t.Fatalf("ja before the swap: %q", got)
	}
	// The kubelet writes the new version, swaps ..data, and removes the
	// links of keys that are gone.
	mkdir("..2026_11_28_10_05_00.2", map[string]string{"en-US.toml": strings.Replace(deployText, "one", "five", 1)})
	symlink("..2026_11_28_10_05_00.2", "..data_tmp")
	if err := os.Rename(filepath.Join(dir, "..data_tmp"), filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "ja-JP.toml"))
	os.RemoveAll(filepath.Join(dir, "..2026_11_28_10_00_00.1"))
	if err := w.Reload(); err != nil {
		t.Fatalf("Reload after the swap: %v", err)
	}
	if got := userText(w); got != "Deployment text five." {
		t.Errorf("the changed key: User = %q", got)
	}
	if got := w.Bundle().Match("ja"); got != "en-US" {
		t.Errorf("the dropped key: ja is served by %s, want en-US", got)
	}
}

// TestReloadTellsTheTruth checks that Reload and Err return a fault as
// long as it stands, and nil only when the directory's texts serve.
func TestReloadTellsTheTruth(t *testing.T) {
	_, en, w := startWatch(t, WatchOptions{})
	writeFile(t, en, brokenText)
	for i := range 3 {
		if err := w.Reload(); err == nil || !strings.Contains(err.Error(), "en-US.toml:3:") {
			t.Errorf("Reload %d on a broken file = %v, want the fault", i+1, err)
		}
		if err := w.Err(); err == nil {
			t.Errorf("Err after Reload %d = nil, want the fault", i+1)
		}
	}
	writeFile(t, en, deployText)
	if err := w.Reload(); err != nil {
		t.Errorf("Reload after the fix = %v", err)
	}
	if err := w.Err(); err != nil {
		t.Errorf("Err after the fix = %v", err)
	}
}

// TestWatchReportsEachFaultOnce checks that a fault is reported once for
// as long as it stands, whatever other changes happen meanwhile, and again
// when it arises anew.
func TestWatchReportsEachFaultOnce(t *testing.T) {
	dir, en, w := startWatch(t, WatchOptions{Settle: -1})
	ja := filepath.Join(dir, "ja-JP.toml")
	var reported []string
	settle := func(what string) {
		t.Helper()
		for range 2 {
			if _, err := w.poll(time.Now()); err != nil {
				for _, e := range splitErrs(err) {
					reported = append(reported, what+": "+e.Error())
				}
			}
		}
	}
	writeFile(t, en, brokenText)
	settle("broken")
	settle("nothing changed")
	writeFile(t, ja, "[604]\nuser = \"一\"\n")
	settle("an unrelated edit")
	writeFile(t, ja, "[604]\nuser = \"二\"\n")
	settle("another unrelated edit")
	if len(reported) != 1 || !strings.HasPrefix(reported[0], "broken: ") {
		t.Fatalf("reported %q, want the fault once", reported)
	}
	writeFile(t, en, deployText)
	settle("fixed")
	writeFile(t, en, brokenText)
	settle("broken again")
	if len(reported) != 2 || !strings.HasPrefix(reported[1], "broken again: ") {
		t.Errorf("reported %q, want the fault again when it arises anew", reported)
	}
}

// TestWatchOptions checks the options' edge values and Base.
func TestWatchOptions(t *testing.T) {
	for _, d := range []time.Duration{0, -time.Second} {
		w, err := Watch(t.TempDir(), WatchOptions{Interval: d})
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		if w.interval != defaultInterval || w.settle != defaultSettle {
			t.Errorf("Interval %v, Settle 0: interval %v, settle %v; want the defaults", d, w.interval, w.settle)
		}
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "fr-FR.toml"), "[604]\nuser = \"Texte du déploiement.\"\n")
	base := fstest.MapFS{"fr-FR.toml": {Data: []byte("[604]\nuser = \"Texte de base.\"\ntitle = \"Titre de base\"\n")}}
	w, err := Watch(dir, WatchOptions{Base: []fs.FS{locales.FS, base}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if m := w.Bundle().Localize(messages.SimilarityTooLow, "fr"); m.User != "Texte du déploiement." || m.Title != "Titre de base" {
		t.Errorf("over a base: %+v", m)
	}
}

// TestDirSkipsEditorFiles checks that NewBundle and Lint read a directory
// as Watch does: an emacs lock, backups and hidden entries are no locale
// files.
func TestDirSkipsEditorFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "en-US.toml"), deployText)
	if err := os.Symlink("root@host.1234:1700000000", filepath.Join(dir, ".#en-US.toml")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "en-US.toml~"), brokenText)
	if err := os.Mkdir(filepath.Join(dir, "..data"), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := NewBundle(locales.FS, Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Localize(messages.SimilarityTooLow, "en").User; got != "Deployment text one." {
		t.Errorf("User = %q", got)
	}
	if ps := load.Load(messages.Huiyan, load.Layers([]fs.FS{locales.FS, Dir(dir)})).Problems; len(ps) != 0 {
		t.Errorf("loading reports %v", ps)
	}
	w, err := Watch(dir, WatchOptions{})
	if err != nil {
		t.Fatalf("Watch with an emacs lock: %v", err)
	}
	w.Close()
}

// TestWatchReportsReloads checks what WithReloadHandler receives: the
// first load, a fault, nothing for a reload that finds no change, and the
// fault clearing.
func TestWatchReportsReloads(t *testing.T) {
	var got []Reload
	_, en, w := startWatch(t, WatchOptions{OnReload: func(r Reload) { got = append(got, r) }})
	type want struct {
		err     bool
		cleared bool
	}
	check := func(step string, wants ...want) {
		t.Helper()
		if len(got) != len(wants) {
			t.Fatalf("%s: %d reloads reported, want %d: %+v", step, len(got), len(wants), got)
		}
		for i, r := range got {
			if (r.Err != nil) != wants[i].err || r.Cleared != wants[i].cleared || r.Time.IsZero() {
				t.Errorf("%s: reload %d = %+v, want %+v", step, i, r, wants[i])
			}
		}
	}
	check("Watch", want{})
	w.Reload()
	check("a reload with no change", want{})
	writeAtomic(t, en, "[604]\nuser = \"unterminated\n")
	if err := w.Reload(); err == nil {
		t.Fatal("a bad edit reloaded")
	}
	check("a bad edit", want{}, want{err: true})
	writeAtomic(t, en, deployText)
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	check("the fix", want{}, want{err: true}, want{cleared: true})
	if got[1].Err.Error() == "" || !strings.Contains(got[1].Err.Error(), "en-US.toml:2") {
		t.Errorf("the fault %q does not name the file and line", got[1].Err)
	}
}

// TestWatchReloadHandlerMayCallWatcher checks that the handler runs with
// no lock held.
func TestWatchReloadHandlerMayCallWatcher(t *testing.T) {
	var w *Watcher
	calls := 0
	_, en, w := startWatch(t, WatchOptions{OnReload: func(Reload) {
		calls++
		if w != nil {
			_ = w.Err() // would deadlock under the watcher's lock
		}
	}})
	writeAtomic(t, en, "[604]\nuser = \"x\"\n")
	w.Reload()
	if calls != 2 {
		t.Errorf("%d calls, want 2", calls)
	}
}

// TestWatchStrayFiles checks that backups and copies in the directory
// are skipped, reported once as advice, and never block a load.
func TestWatchStrayFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "en-US.toml"), deployText)
	for _, name := range []string{"backup.toml", "en-US.bak.toml", "en-US (copy).toml"} {
		writeFile(t, filepath.Join(dir, name), "this is not TOML")
	}
	var reports []error
	w, err := Watch(dir, WatchOptions{Interval: time.Hour, Settle: -1, OnError: func(err error) { reports = append(reports, err) }})
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	defer w.Close()
	if got := userText(w); got != "Deployment text one." {
		t.Fatalf("User = %q, want the directory's text", got)
	}
	if len(reports) != 1 || len(splitErrs(reports[0])) != 3 {
		t.Fatalf("reports %v, want one report of the three skipped files", reports)
	}
	for _, e := range splitErrs(reports[0]) {
		var fault *FileError
		if errors.As(e, &fault) || !strings.Contains(e.Error(), "skipped") {
			t.Errorf("%v: not a skipped file's advice", e)
		}
	}
	writeAtomic(t, filepath.Join(dir, "en-US.toml"), strings.Replace(deployText, "one", "two", 1))
	for range 2 {
		if _, err := w.poll(time.Now()); err != nil {
			t.Errorf("poll reported %v again", err)
		}
	}
	if got := userText(w); got != "Deployment text two." {
		t.Errorf("after an edit beside the stray files: User = %q", got)
	}
}

// TestWatchSizeBound checks that a file over load.MaxFileSize is a fault that
// keeps the previous texts serving.
func TestWatchSizeBound(t *testing.T) {
	_, en, w := startWatch(t, WatchOptions{})
	writeAtomic(t, en, deployText+strings.Repeat("#", load.MaxFileSize))
	err := w.Reload()
	if err == nil || !strings.Contains(err.Error(), "en-US.toml: the file is") || !strings.Contains(err.Error(), "over the bound of 1048576 bytes") {
		t.Errorf("Reload = %v, want the size bound, naming the file", err)
	}
	if got := userText(w); got != "Deployment text one." {
		t.Errorf("User = %q, want the previous text", got)
	}
}

// TestWatchIdlePollReadsNothing checks that a poll does not read again a
// file whose size and modification time have not changed.
func TestWatchIdlePollReadsNothing(t *testing.T) {
	_, en, w := startWatch(t, WatchOptions{Settle: -1})
	read := func() *load.File {
		w.mu.Lock()
		defer w.mu.Unlock()
		return w.last.src.Files[0]
	}
	before := read()
	for range 3 {
		w.poll(time.Now())
	}
	w.mu.Lock()
	snap := w.snapshot()
	w.mu.Unlock()
	if snap.src.Files[0] != before || read() != before {
		t.Error("an idle poll read the unchanged file again")
	}
	writeAtomic(t, en, strings.Replace(deployText, "one", "two", 1))
	w.mu.Lock()
	snap = w.snapshot()
	w.mu.Unlock()
	if snap.src.Files[0] == before {
		t.Error("a changed file was not read again")
	}
}

// splitErrs returns the errors an error of errors.Join holds, or err.
func splitErrs(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// hooks records what a Watcher passes to OnError and OnReload.
type hooks struct {
	mu      sync.Mutex
	errs    []error
	reloads []Reload
}

// options returns opts with OnError and OnReload recording into h.
func (h *hooks) options(opts WatchOptions) WatchOptions {
	opts.OnError = func(err error) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.errs = append(h.errs, splitErrs(err)...)
	}
	opts.OnReload = func(r Reload) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.reloads = append(h.reloads, r)
	}
	return opts
}

// take returns what was recorded since the last take.
func (h *hooks) take() ([]error, []Reload) {
	h.mu.Lock()
	defer h.mu.Unlock()
	errs, reloads := h.errs, h.reloads
	h.errs, h.reloads = nil, nil
	return errs, reloads
}

// deniedFS reads fsys, except that the names denied cannot be opened, as
// after chmod 000 for any user but root, whom file modes do not stop. A
// denied file can still be stat'ed, as in a directory that can be read;
// a denied "." cannot be read at all.
type deniedFS struct {
	fsys   fs.FS
	mu     sync.Mutex
	denied map[string]bool
}

func (d *deniedFS) deny(name string, denied bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.denied == nil {
		d.denied = make(map[string]bool)
	}
	d.denied[name] = denied
}

// check fails with the error of the operating system for a file that
// cannot be opened, if the name or the directory is denied.
func (d *deniedFS) check(op, name string, file bool) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.denied["."] || (file && d.denied[name]) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrPermission}
	}
	return nil
}

func (d *deniedFS) Open(name string) (fs.File, error) {
	if err := d.check("open", name, true); err != nil {
		return nil, err
	}
	return d.fsys.Open(name)
}

func (d *deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := d.check("open", name, true); err != nil {
		return nil, err
	}
	return fs.ReadDir(d.fsys, name)
}

func (d *deniedFS) Stat(name string) (fs.FileInfo, error) {
	if err := d.check("stat", name, false); err != nil {
		return nil, err
	}
	return fs.Stat(d.fsys, name)
}

// modesBind skips the test when file modes do not stop this process from
// reading, as they do not stop root: the deniedFS cases stand in for it.
func modesBind(t *testing.T) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "mode-000")
	writeFile(t, name, "x")
	if err := os.Chmod(name, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(name); err == nil {
		t.Skip("this user reads a file of mode 000 (root does); the cases that deny reads through the file system stand in for this one")
	}
}

// settle polls a Watcher that has no settle time until a change is
// applied, as its goroutine does, and a few times more.
func settle(w *Watcher) {
	for range 4 {
		w.tick(time.Now())
	}
}

// TestWatchFaultsReportedOnce checks, for each way a served directory
// breaks at run time, what a service sees: the fault once on OnError and
// once as a Reload with Err, Err holding it while the previous texts
// serve, nothing for a stray file added and removed meanwhile, and the
// fix once as a Reload that clears it; a second break is reported anew.
func TestWatchFaultsReportedOnce(t *testing.T) {
	const cannotOpen = "en-US.toml: cannot read: permission denied"
	const cannotList = "cannot read the locale directory: permission denied"
	tests := []struct {
		name       string
		real       bool // by file modes, which do not stop root
		breakIt    func(t *testing.T, dir string, d *deniedFS)
		fix        func(t *testing.T, dir string, d *deniedFS)
		want       string
		hidesStray bool // the fault hides the directory's other files
	}{
		{
			name: "an edit that fails validation",
			breakIt: func(t *testing.T, dir string, _ *deniedFS) {
				writeAtomic(t, filepath.Join(dir, "en-US.toml"), brokenText)
			},
			fix: func(t *testing.T, dir string, _ *deniedFS) {
				writeAtomic(t, filepath.Join(dir, "en-US.toml"), deployText)
			},
			want: "en-US.toml:3: unknown field \"usr\"",
		},
		{
			name:    "a served file that can no longer be opened",
			breakIt: func(_ *testing.T, _ string, d *deniedFS) { d.deny("en-US.toml", true) },
			fix:     func(_ *testing.T, _ string, d *deniedFS) { d.deny("en-US.toml", false) },
			want:    cannotOpen,
		},
		{
			name:       "a directory that can no longer be read",
			breakIt:    func(_ *testing.T, _ string, d *deniedFS) { d.deny(".", true) },
			fix:        func(_ *testing.T, _ string, d *deniedFS) { d.deny(".", false) },
			want:       cannotList,
			hidesStray: true,
		},
		{
			name: "chmod 000 on a served file",
			real: true,
			breakIt: func(t *testing.T, dir string, _ *deniedFS) {
				if err := os.Chmod(filepath.Join(dir, "en-US.toml"), 0); err != nil {
					t.Fatal(err)
				}
			},
			fix: func(t *testing.T, dir string, _ *deniedFS) {
				if err := os.Chmod(filepath.Join(dir, "en-US.toml"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			want: cannotOpen,
		},
		{
			name: "chmod 000 on the directory",
			real: true,
			breakIt: func(t *testing.T, dir string, _ *deniedFS) {
				t.Cleanup(func() { os.Chmod(dir, 0o755) }) // for TempDir's removal
				if err := os.Chmod(dir, 0); err != nil {
					t.Fatal(err)
				}
			},
			fix: func(t *testing.T, dir string, _ *deniedFS) {
				if err := os.Chmod(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			},
			want:       cannotList,
			hidesStray: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.real {
				modesBind(t)
			}
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "en-US.toml"), deployText)
			d := &deniedFS{fsys: Dir(dir)}
			files := fs.FS(d)
			if tt.real {
				files = Dir(dir) // as Watch reads it
			}
			var h hooks
			w, err := watch(dir, files, h.options(WatchOptions{Interval: time.Hour, Settle: -1}))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { w.Close() })
			if errs, reloads := h.take(); len(errs) != 0 || len(reloads) != 1 || reloads[0].Err != nil {
				t.Fatalf("at the start: OnError got %v, OnReload %+v; want one Reload without Err", errs, reloads)
			}

			broken := func(when string) {
				t.Helper()
				tt.breakIt(t, dir, d)
				settle(w)
				errs, reloads := h.take()
				var fault *FileError
				if len(errs) != 1 || !errors.As(errs[0], &fault) || !strings.Contains(errs[0].Error(), tt.want) {
					t.Errorf("%s: OnError got %q, want the fault %q once", when, errs, tt.want)
				}
				if len(reloads) != 1 || reloads[0].Err == nil || !strings.Contains(reloads[0].Err.Error(), tt.want) || reloads[0].Cleared {
					t.Errorf("%s: OnReload got %+v, want one Reload with the fault", when, reloads)
				}
				if err := w.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: Err() = %v, want the fault", when, err)
				}
				if got := userText(w); got != "Deployment text one." {
					t.Errorf("%s: User = %q, want the previous text", when, got)
				}
			}
			fixed := func(when string) {
				t.Helper()
				tt.fix(t, dir, d)
				settle(w)
				errs, reloads := h.take()
				if len(errs) != 0 {
					t.Errorf("%s: OnError got %v, want nothing", when, errs)
				}
				if len(reloads) != 1 || reloads[0].Err != nil || !reloads[0].Cleared {
					t.Errorf("%s: OnReload got %+v, want one Reload that clears the fault", when, reloads)
				}
				if err := w.Err(); err != nil {
					t.Errorf("%s: Err() = %v, want nil", when, err)
				}
				if got := userText(w); got != "Deployment text one." {
					t.Errorf("%s: User = %q", when, got)
				}
			}

			broken("broken")
			settle(w)
			if errs, reloads := h.take(); len(errs) != 0 || len(reloads) != 0 {
				t.Errorf("polls while the fault stands: OnError got %v, OnReload %+v; want nothing", errs, reloads)
			}
			stray := filepath.Join(dir, "backup.toml")
			if !tt.hidesStray {
				writeFile(t, stray, "not TOML")
				settle(w)
				errs, reloads := h.take()
				var fault *FileError
				if len(errs) != 1 || errors.As(errs[0], &fault) || !strings.Contains(errs[0].Error(), "backup.toml") {
					t.Errorf("a stray file while the fault stands: OnError got %q, want it skipped, once", errs)
				}
				if len(reloads) != 0 {
					t.Errorf("a stray file while the fault stands: OnReload got %+v, want nothing", reloads)
				}
				os.Remove(stray)
				settle(w)
				if errs, reloads := h.take(); len(errs) != 0 || len(reloads) != 0 {
					t.Errorf("the stray file removed: OnError got %v, OnReload %+v; want nothing", errs, reloads)
				}
				if err := w.Err(); err == nil {
					t.Error("Err() = nil while the fault stands")
				}
			}
			fixed("fixed")
			broken("broken again")
			fixed("fixed again")
		})
	}
}

// TestWatchStartOnFault checks a directory that does not load at the
// start: Watch fails, telling neither handler, unless StartOnFault is
// set; then the base texts serve, the fault is reported once, to both
// handlers and as Err, and the fix clears it once.
func TestWatchStartOnFault(t *testing.T) {
	base := Default().Localize(messages.SimilarityTooLow, "en").User
	tests := []struct {
		name   string
		broken func(t *testing.T, dir string, d *deniedFS) // makes dir, broken
		fix    func(t *testing.T, dir string, d *deniedFS)
		want   string
	}{
		{
			name: "a file that fails validation",
			broken: func(t *testing.T, dir string, _ *deniedFS) {
				os.Mkdir(dir, 0o755)
				writeFile(t, filepath.Join(dir, "en-US.toml"), brokenText)
			},
			fix: func(t *testing.T, dir string, _ *deniedFS) {
				writeAtomic(t, filepath.Join(dir, "en-US.toml"), deployText)
			},
			want: "en-US.toml:3: unknown field \"usr\"",
		},
		{
			name: "a file that cannot be opened",
			broken: func(t *testing.T, dir string, d *deniedFS) {
				os.Mkdir(dir, 0o755)
				writeFile(t, filepath.Join(dir, "en-US.toml"), deployText)
				d.deny("en-US.toml", true)
			},
			fix:  func(_ *testing.T, _ string, d *deniedFS) { d.deny("en-US.toml", false) },
			want: "en-US.toml: cannot read: permission denied",
		},
		{
			name:   "a directory not there yet",
			broken: func(*testing.T, string, *deniedFS) {},
			fix: func(t *testing.T, dir string, _ *deniedFS) {
				os.Mkdir(dir, 0o755)
				writeFile(t, filepath.Join(dir, "en-US.toml"), deployText)
			},
			want: "cannot read the locale directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "locales")
			d := &deniedFS{fsys: Dir(dir)}
			tt.broken(t, dir, d)
			opts := WatchOptions{Interval: time.Hour, Settle: -1}

			var h hooks
			if w, err := watch(dir, d, h.options(opts)); err == nil || w != nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("without StartOnFault: Watch = %v, %v; want no watcher and the fault %q", w, err, tt.want)
			}
			if errs, reloads := h.take(); len(errs) != 0 || len(reloads) != 0 {
				t.Errorf("without StartOnFault: OnError got %v, OnReload %+v; want nothing, the caller has the error", errs, reloads)
			}

			opts.StartOnFault = true
			w, err := watch(dir, d, h.options(opts))
			if err != nil {
				t.Fatalf("with StartOnFault: Watch = %v", err)
			}
			t.Cleanup(func() { w.Close() })
			if got := userText(w); got != base {
				t.Errorf("User = %q, want the base text %q", got, base)
			}
			if err := w.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Err() = %v, want the fault", err)
			}
			errs, reloads := h.take()
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("OnError got %q, want the fault once", errs)
			}
			if len(reloads) != 1 || reloads[0].Err == nil || !strings.Contains(reloads[0].Err.Error(), tt.want) || reloads[0].Cleared {
				t.Errorf("OnReload got %+v, want one Reload with the fault", reloads)
			}
			settle(w)
			if errs, reloads := h.take(); len(errs) != 0 || len(reloads) != 0 {
				t.Errorf("polls while the fault stands: OnError got %v, OnReload %+v; want nothing", errs, reloads)
			}

			tt.fix(t, dir, d)
			settle(w)
			errs, reloads = h.take()
			if len(errs) != 0 || len(reloads) != 1 || reloads[0].Err != nil || !reloads[0].Cleared {
				t.Errorf("the fix: OnError got %v, OnReload %+v; want one Reload that clears the fault", errs, reloads)
			}
			if err := w.Err(); err != nil {
				t.Errorf("Err() after the fix = %v", err)
			}
			if got := userText(w); got != "Deployment text one." {
				t.Errorf("User after the fix = %q, want the directory's text", got)
			}
		})
	}
}

// TestReloadReportsSkippedFiles checks that a file skipped by a Reload,
// not a poll, still reaches OnError, once.
func TestReloadReportsSkippedFiles(t *testing.T) {
	var reports []error
	dir, _, w := startWatch(t, WatchOptions{OnError: func(err error) { reports = append(reports, err) }})
	writeFile(t, filepath.Join(dir, "backup.toml"), "not TOML")
	if err := w.Reload(); err != nil {
		t.Fatalf("Reload = %v", err)
	}
	w.Reload()
	if len(reports) != 1 || !strings.Contains(reports[0].Error(), "backup.toml") {
		t.Errorf("reports %v, want the skipped backup.toml once", reports)
	}
	writeAtomic(t, filepath.Join(dir, "en-US.toml"), brokenText)
	if err := w.Reload(); err == nil {
		t.Fatal("Reload of a broken file: no fault")
	}
	if len(reports) != 1 {
		t.Errorf("reports %v: the fault went to OnError as well as to the caller", reports)
	}
}

// TestWatchReportsAChangedFault checks that a reload whose fault changed
// is reported though the directory's locale files did not: the base
// layers are read anew at each load, and a stray file brought the load.
func TestWatchReportsAChangedFault(t *testing.T) {
	base := fstest.MapFS{"fr-FR.toml": {Data: []byte("[655]\nuser = \"Reculez un peu.\"\n")}}
	var got []Reload
	dir, en, w := startWatch(t, WatchOptions{Base: []fs.FS{locales.FS, base}, Settle: -1, OnReload: func(r Reload) { got = append(got, r) }})
	steps := []struct {
		name   string
		change func()
		want   string // the reported fault's file; "" for none
	}{
		{"a bad edit", func() { writeAtomic(t, en, brokenText) }, "en-US.toml:3"},
		{"the base broken too, and a stray file", func() {
			base["fr-FR.toml"] = &fstest.MapFile{Data: []byte("[655]\nusr = \"typo\"\n")}
			writeFile(t, filepath.Join(dir, "backup.toml"), "this is not TOML")
		}, "fr-FR.toml:2"},
	}
	for i, st := range steps {
		st.change()
		w.Reload()
		if len(got) != i+2 {
			t.Fatalf("%s: %d reloads reported, want %d", st.name, len(got), i+2)
		}
		if err := got[i+1].Err; err == nil || !strings.Contains(err.Error(), st.want) {
			t.Errorf("%s: reported %v, want a fault at %s", st.name, err, st.want)
		}
	}
}
