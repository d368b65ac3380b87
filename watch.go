package huiyan

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"slices"
	"sync"
	"sync/atomic"
	"testing/fstest"
	"time"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Watcher serves the locale files of a directory over the embedded ones,
// as [NewBundle](locales.FS, Dir(dir)) does, and reloads them when the
// directory changes, so that operators change texts without a rebuild.
//
// It polls: every interval it reads the directory's *.toml files and, when
// their contents changed, builds a new bundle from exactly what it read and
// swaps it in atomically. Polling needs no file-system notifications, so
// it behaves the same on every platform, on network file systems and with
// Kubernetes ConfigMaps (whose files change by a symlink swap); reading a
// few small files every couple of seconds costs next to nothing.
//
// A change that does not load leaves the previous catalogue serving and is
// reported to the error handler, naming the file and the line: an edit that
// fails validation, a half-written file, a file that cannot be read, a
// directory that disappeared, and a file that was removed (a removal is
// taken as a fault, since editors and deploy tools remove and rewrite
// files; restart the service to drop a file for good). Localize never
// waits for a reload and never sees a partial one.
type Watcher struct {
	dir      string
	interval time.Duration
	onError  func(error)

	current atomic.Pointer[Bundle]

	mu      sync.Mutex // serializes reloads
	seen    [sha256.Size]byte
	pending [sha256.Size]byte // a change seen once by the poller
	files   []string          // the files of the serving bundle

	stop     chan struct{}
	stopped  chan struct{}
	stopOnce sync.Once
}

// WatchOption configures [Watch].
type WatchOption func(*Watcher)

// WithInterval sets how often the directory is read; the default is two
// seconds.
func WithInterval(d time.Duration) WatchOption {
	return func(w *Watcher) {
		if d > 0 {
			w.interval = d
		}
	}
}

// WithErrorHandler sets the function that receives the errors of reloads
// that failed; it is called from the watcher's goroutine. By default they
// are logged with [log/slog]'s default logger.
func WithErrorHandler(f func(error)) WatchOption {
	return func(w *Watcher) {
		if f != nil {
			w.onError = f
		}
	}
}

// Watch loads the locale files of dir over the embedded ones and watches
// dir for changes until [Watcher.Close]. It fails, with the errors of
// [NewBundle], when the files do not load at the start.
func Watch(dir string, opts ...WatchOption) (*Watcher, error) {
	w := &Watcher{
		dir:      dir,
		interval: 2 * time.Second,
		onError: func(err error) {
			slog.Error("huiyan: locale reload failed; the previous catalogue keeps serving", "dir", dir, "err", err)
		},
		stop:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	for _, o := range opts {
		o(w)
	}
	if err := w.reload(false); err != nil {
		return nil, err
	}
	go w.run()
	return w, nil
}

// Localize is [Bundle.Localize] on the current catalogue.
func (w *Watcher) Localize(code messages.Code, lang string) Message {
	return w.current.Load().Localize(code, lang)
}

// LocalizeWith is [Bundle.LocalizeWith] on the current catalogue.
func (w *Watcher) LocalizeWith(code messages.Code, lang string, params map[string]int) Message {
	return w.current.Load().LocalizeWith(code, lang, params)
}

// Match is [Bundle.Match] on the current catalogue.
func (w *Watcher) Match(lang string) string { return w.current.Load().Match(lang) }

// Bundle returns the catalogue being served.
func (w *Watcher) Bundle() *Bundle { return w.current.Load() }

// Reload reads the directory now, as the next poll would, and returns what
// the error handler would receive, or nil when the catalogue is unchanged
// or was reloaded. It suits a SIGHUP handler.
func (w *Watcher) Reload() error { return w.reload(false) }

// Close stops watching. The last catalogue keeps serving.
func (w *Watcher) Close() error {
	w.stopOnce.Do(func() { close(w.stop) })
	<-w.stopped
	return nil
}

func (w *Watcher) run() {
	defer close(w.stopped)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	var last string // a fault that lasts is reported once
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			err := w.reload(true)
			switch {
			case err == nil:
				last = ""
			case err.Error() != last:
				last = err.Error()
				w.onError(err)
			}
		}
	}
}

// reload builds a new bundle if the directory's files changed since the
// last reload, whether that one succeeded or not. With settle, a change
// counts only once two reads in a row agree on it, so that a file caught
// while it is being written (truncated, or cut between two tables, which
// can be valid TOML) is neither served nor reported.
func (w *Watcher) reload(settle bool) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	snap, names, err := w.snapshot()
	sum := digest(snap, err)
	if w.current.Load() != nil && sum == w.seen {
		return nil
	}
	if settle && sum != w.pending {
		w.pending = sum
		return nil
	}
	if err != nil {
		return err
	}
	w.seen = sum
	var errs []error
	for _, name := range w.files {
		if !slices.Contains(names, name) {
			errs = append(errs, &FileError{File: path.Join(w.dir, name), Msg: "the file was removed; the previous catalogue keeps serving"})
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	b, ps, _ := load([]layer{{prefix: "locales/", fsys: locales.FS}, {prefix: path.Clean(w.dir) + "/", fsys: snap}}, false)
	if err := ps.err(); err != nil {
		return err
	}
	w.current.Store(b)
	w.files = names
	return nil
}

// snapshot reads the directory's locale files into memory, so that the
// bundle is built from exactly the bytes that were compared.
func (w *Watcher) snapshot() (fstest.MapFS, []string, error) {
	dirFS := os.DirFS(w.dir)
	entries, err := fs.ReadDir(dirFS, ".")
	if err != nil {
		return nil, nil, &FileError{File: w.dir, Msg: "cannot read the locale directory: " + err.Error(), Err: err}
	}
	snap := fstest.MapFS{}
	var names []string
	var errs []error
	for _, e := range entries {
		if path.Ext(e.Name()) != ".toml" || e.IsDir() {
			continue
		}
		data, err := fs.ReadFile(dirFS, e.Name())
		if err != nil {
			errs = append(errs, &FileError{File: path.Join(w.dir, e.Name()), Msg: "cannot read: " + err.Error(), Err: err})
			continue
		}
		if len(bytes.TrimSpace(data)) == 0 {
			errs = append(errs, &FileError{File: path.Join(w.dir, e.Name()), Msg: "the file is empty; is it being written?"})
			continue
		}
		snap[e.Name()] = &fstest.MapFile{Data: data}
		names = append(names, e.Name())
	}
	return snap, names, errors.Join(errs...)
}

// digest sums up what a snapshot read, its error included.
func digest(snap fstest.MapFS, err error) [sha256.Size]byte {
	h := sha256.New()
	if err != nil {
		fmt.Fprintf(h, "error\x00%s\x00", err)
	}
	names := make([]string, 0, len(snap))
	for name := range snap {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(snap[name].Data))
		h.Write(snap[name].Data)
	}
	return [sha256.Size]byte(h.Sum(nil))
}
