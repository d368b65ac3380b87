package huiyan

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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
func startWatch(t *testing.T) (dir, en string, w *Watcher) {
	t.Helper()
	dir = t.TempDir()
	en = filepath.Join(dir, "en-US.toml")
	writeFile(t, en, deployText)
	w, err := Watch(dir, WithInterval(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, en, w
}

func userText(w *Watcher) string { return w.Localize(messages.SimilarityTooLow, "en").User }

func TestWatchReloadsAndSurvivesFaults(t *testing.T) {
	dir, en, w := startWatch(t)
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
		{"empty file", func() { writeFile(t, en, "") }, filepath.Join(dir, "en-US.toml") + ": the file is empty", "Deployment text three."},
		{"fixed again", func() { writeFile(t, en, strings.Replace(deployText, "one", "four", 1)) }, "", "Deployment text four."},
		{"deleted file", func() { os.Remove(en) }, filepath.Join(dir, "en-US.toml") + ": the file was removed", "Deployment text four."},
		{"restored", func() { writeFile(t, en, deployText) }, "", "Deployment text one."},
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
			if m := w.Localize(messages.FaceTooClose, "en"); m.User == "" || m.Lang != "en-US" {
				t.Errorf("another code: %+v", m)
			}
		})
	}
	if got := w.Localize(messages.SimilarityTooLow, "ja").Lang; got != "ja-JP" {
		t.Errorf("the added locale serves ja? got %q", got)
	}
}

func TestWatchStartFails(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "en-US.toml"), brokenText)
	if w, err := Watch(dir); err == nil || w != nil || !strings.Contains(err.Error(), "en-US.toml:3:") {
		t.Errorf("Watch = %v, %v; want no watcher and the file's error", w, err)
	}
	if _, err := Watch(filepath.Join(dir, "missing")); err == nil {
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
	w, err := Watch(dir, WithInterval(time.Millisecond), WithErrorHandler(func(err error) {
		mu.Lock()
		reported = append(reported, err)
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	var stop atomic.Bool
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for !stop.Load() {
				m := w.Localize(messages.SimilarityTooLow, "en-US,en;q=0.9")
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

// TestWatchSettles checks that the poller acts on a change only when two
// reads in a row agree, so a file cut between two tables, which is valid
// TOML, is not served while it is being written.
func TestWatchSettles(t *testing.T) {
	_, en, w := startWatch(t)
	full := "[604]\nuser = \"Deployment text two.\"\n\n[655]\nuser = \"Move back.\"\n"
	writeFile(t, en, full[:strings.Index(full, "[655]")]+"[655]\n") // cut while written
	if err := w.reload(true); err != nil || userText(w) != "Deployment text one." {
		t.Fatalf("first sight of a change: %v, %q; want it ignored", err, userText(w))
	}
	writeFile(t, en, full)
	if err := w.reload(true); err != nil || userText(w) != "Deployment text one." {
		t.Fatalf("a different change: %v, %q; want it ignored", err, userText(w))
	}
	if err := w.reload(true); err != nil || userText(w) != "Deployment text two." {
		t.Fatalf("the same change twice: %v, %q; want it served", err, userText(w))
	}
}
