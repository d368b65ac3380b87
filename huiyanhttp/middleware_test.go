package huiyanhttp_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestMiddlewareWatcherReload serves problems from many goroutines while
// a Watcher reloads its directory: run it with -race. Every answer must
// come whole from one catalogue, and the last edit must be served.
func TestMiddlewareWatcherReload(t *testing.T) {
	dir := t.TempDir()
	version := func(n int) string { return fmt.Sprintf("Please step back a little (version %d).", n) }
	edit := func(n int) {
		// Write aside and rename, as deploy tools do: the watcher never
		// sees half a file.
		tmp := filepath.Join(dir, "en-US.toml.tmp")
		if err := os.WriteFile(tmp, []byte(fmt.Sprintf("[655]\nuser = %q\n", version(n))), 0o644); err != nil {
			t.Error(err)
			return
		}
		if err := os.Rename(tmp, filepath.Join(dir, "en-US.toml")); err != nil {
			t.Error(err)
		}
	}
	edit(0)
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{Interval: 10 * time.Millisecond, Settle: -1, OnError: func(err error) { t.Error(err) }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := huiyanhttp.Middleware(w, quiet)(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		huiyanhttp.WriteProblem(rw, r, messages.FaceTooClose)
	}))
	zh := huiyan.Localize(messages.FaceTooClose, "zh-CN").User

	const edits = 10
	var done atomic.Bool
	var seen sync.Map // the English titles served
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := 0; !done.Load() || i < 50; i++ {
				lang := []string{"en", "zh_CN"}[(g+i)%2]
				resp := get(h, "/?lang="+lang)
				var p struct {
					Title  string
					Status int
					Code   int
				}
				if err := json.Unmarshal(resp.Body.Bytes(), &p); err != nil {
					t.Errorf("%v: %s", err, resp.Body.String())
					return
				}
				ok := p.Status == 422 && p.Code == 655 && resp.Code == 422
				if lang == "en" {
					ok = ok && strings.HasPrefix(p.Title, "Please step back a little (version ") && resp.Header().Get("Content-Language") == "en-US"
				} else {
					ok = ok && p.Title == zh && resp.Header().Get("Content-Language") == "zh-CN"
				}
				if !ok {
					t.Errorf("lang %s: %d %v %s", lang, resp.Code, resp.Header(), resp.Body.String())
					return
				}
				if lang == "en" {
					seen.Store(p.Title, true)
				}
			}
		})
	}
	// Each edit is served to the requests before the next is made: the
	// watcher applies a file once two polls read it alike, which a busy
	// machine may delay past any fixed sleep.
	for n := 1; n <= edits; n++ {
		edit(n)
		deadline := time.Now().Add(30 * time.Second)
		for _, ok := seen.Load(version(n)); !ok; _, ok = seen.Load(version(n)) {
			if time.Now().After(deadline) {
				done.Store(true)
				wg.Wait()
				t.Fatalf("edit %d was not served within 30 s", n)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	done.Store(true)
	wg.Wait()
	n := 0
	seen.Range(func(any, any) bool { n++; return true })
	if n != edits+1 {
		t.Errorf("the requests saw %d versions, want %d: each edit while they ran", n, edits+1)
	}

	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	resp := get(h, "/?lang=en")
	if !strings.Contains(resp.Body.String(), version(edits)) {
		t.Errorf("after the last edit: %s", resp.Body.String())
	}
}

// TestMiddlewareNilSource checks that nil means huiyan.Default().
func TestMiddlewareNilSource(t *testing.T) {
	w := get(huiyanhttp.Middleware(nil, quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		huiyanhttp.WriteProblem(w, r, messages.FaceTooClose)
	})), "/?lang=en")
	if w.Code != 422 || !strings.Contains(w.Body.String(), huiyan.Localize(655, "en").User) {
		t.Errorf("%d %s", w.Code, w.Body.String())
	}
}
