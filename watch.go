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
// It polls: every interval it reads the directory's locale files (the
// names [Dir] reads) into memory. A change is applied once two polls in a
// row read the same contents and the newest file was last modified at
// least the settle time ago: a new bundle is built from exactly the bytes
// read and swapped in atomically. So a change made at once (a file written
// to a temporary name and renamed over the old one, or a ConfigMap update)
// is served within two intervals, or one interval after the settle time
// when that is longer. Polling needs no file-system notifications, so it
// behaves the same on every platform, on network file systems and with
// Kubernetes ConfigMaps (whose files change by a symlink swap).
//
// A file written in place, truncated and then rewritten, passes through
// states that may be valid files with fewer texts; the settle time keeps
// them from being served while the writer pauses for less than it. Write
// to a temporary file and rename it instead: that is always safe.
//
// A file removed from the directory is a change like any other: the texts
// it gave fall back to the embedded ones. A change that does not load (an
// edit that fails validation, an empty file, a file or a directory that
// cannot be read) leaves the previous catalogue serving; each such fault is
// reported to the error handler once, naming the file and the line, until
// it is gone. Localize never waits for a reload and never sees a partial
// one.
type Watcher struct {
	dir      string
	base     []fs.FS
	interval time.Duration
	settle   time.Duration
	onError  func(error)
	onReload func(Reload)

	current atomic.Pointer[Bundle]

	mu        sync.Mutex        // serializes reloads; guards the fields below
	attempted [sha256.Size]byte // the contents last loaded, or tried
	fault     error             // why those did not load; nil when they serve
	pending   [sha256.Size]byte // contents seen by the last poll, not applied
	reported  map[string]bool   // faults reported to onError that still stand

	stop     chan struct{}
	stopped  chan struct{}
	stopOnce sync.Once
}

// WatchOption configures [Watch].
type WatchOption func(*Watcher)

// DefaultInterval and DefaultSettle are a [Watcher]'s poll interval and
// settle time unless [WithInterval] and [WithSettle] say otherwise.
const (
	DefaultInterval = 2 * time.Second
	DefaultSettle   = 2 * time.Second
)

// WithInterval sets how often the directory is read. A d of zero or less
// keeps [DefaultInterval]: polling cannot be turned off by mistake, and
// [Watcher.Reload] reads the directory at any time.
func WithInterval(d time.Duration) WatchOption {
	return func(w *Watcher) {
		if d > 0 {
			w.interval = d
		}
	}
}

// WithSettle sets how long ago the newest file must have been modified for
// a poll to apply a change; zero applies a change as soon as two polls
// agree on it. A negative d keeps [DefaultSettle].
func WithSettle(d time.Duration) WatchOption {
	return func(w *Watcher) {
		if d >= 0 {
			w.settle = d
		}
	}
}

// WithBase sets the file systems the directory is layered over, as the
// first arguments of [NewBundle]; the default is the embedded locales,
// [locales.FS]. It is how a service serves its own base texts and a
// directory of deployment overrides over them.
func WithBase(fsys ...fs.FS) WatchOption {
	return func(w *Watcher) { w.base = fsys }
}

// WithErrorHandler sets the function that receives the faults of reloads;
// it is called from the watcher's goroutine. By default they are logged
// with [log/slog]'s default logger.
func WithErrorHandler(f func(error)) WatchOption {
	return func(w *Watcher) {
		if f != nil {
			w.onError = f
		}
	}
}

// Reload is what a [Watcher] reports of each load it applies (see
// [WithReloadHandler]): the first one, in [Watch], and each change of the
// directory after it, whether it loads or not.
type Reload struct {
	Time time.Time // when the load was applied
	// Err is nil when the directory's files serve from now on, and the
	// fault otherwise, naming the file and the line: the previous
	// catalogue keeps serving.
	Err error
	// Cleared is true when Err is nil and a fault stood before: the
	// directory's files serve again.
	Cleared bool
}

// WithReloadHandler sets a function that receives a [Reload] after each
// load the watcher applies, successful or not: what a service logs as
// "texts reloaded" and "fault cleared", and what metrics count. It is
// called from the goroutine that loaded (the watcher's, or the caller of
// [Watch] and [Watcher.Reload]), never while the watcher holds a lock, so
// it may call the watcher's methods.
func WithReloadHandler(f func(Reload)) WatchOption {
	return func(w *Watcher) { w.onReload = f }
}

// Watch loads the locale files of dir over the embedded ones and watches
// dir for changes until [Watcher.Close]. It fails, with the errors of
// [NewBundle], when the files do not load at the start.
func Watch(dir string, opts ...WatchOption) (*Watcher, error) {
	w := &Watcher{
		dir:      dir,
		base:     []fs.FS{locales.FS},
		interval: DefaultInterval,
		settle:   DefaultSettle,
		onError: func(err error) {
			slog.Error("huiyan: locale reload failed; the previous catalogue keeps serving", "dir", dir, "err", err)
		},
		reported: make(map[string]bool),
		stop:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	for _, o := range opts {
		o(w)
	}
	if err := w.Reload(); err != nil {
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

// Reload reads the directory now and applies what it holds, without
// waiting for it to settle. It returns nil when the catalogue serves what
// the directory holds, and the fault otherwise, as long as the fault
// stands: the previous catalogue keeps serving. It suits a SIGHUP handler.
// Reload does not call the error handler.
func (w *Watcher) Reload() error {
	w.mu.Lock()
	snap := w.snapshot()
	var ev *Reload
	if snap.sum != w.attempted || w.current.Load() == nil {
		ev = w.apply(snap)
	}
	fault := w.fault
	w.mu.Unlock()
	w.report(ev)
	return fault
}

// report passes a load's outcome to the reload handler, if there is one.
func (w *Watcher) report(ev *Reload) {
	if ev != nil && w.onReload != nil {
		w.onReload(*ev)
	}
}

// Err returns the fault that stands, as [Watcher.Reload] last found it or
// a poll did: nil when the catalogue serves what the directory held at the
// last read.
func (w *Watcher) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.fault
}

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
	for {
		select {
		case <-w.stop:
			return
		case now := <-t.C:
			ev, err := w.poll(now)
			if err != nil {
				w.onError(err)
			}
			w.report(ev)
		}
	}
}

// poll applies the directory's contents once they have settled: the
// previous poll read the same, and the newest file was modified at least
// the settle time before now. It returns the load it applied, if any, and
// the faults not reported yet.
func (w *Watcher) poll(now time.Time) (*Reload, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	snap := w.snapshot()
	if snap.sum == w.attempted {
		return nil, nil
	}
	if snap.sum != w.pending || now.Sub(snap.newest) < w.settle {
		w.pending = snap.sum
		return nil, nil
	}
	ev := w.apply(snap)
	return ev, w.unreported(snap)
}

// apply builds a bundle from a snapshot and serves it, or records why it
// cannot, and returns what happened.
func (w *Watcher) apply(snap snapshot) *Reload {
	w.attempted = snap.sum
	stood := w.fault != nil
	w.fault = snap.err
	if w.fault == nil {
		fsys := append(slices.Clip(w.base), namedFS{FS: snap.files, name: w.dir})
		b, ps, _ := load(layersOf(fsys), false)
		if w.fault = ps.err(); w.fault == nil {
			w.current.Store(b)
		}
	}
	return &Reload{Time: time.Now(), Err: w.fault, Cleared: stood && w.fault == nil}
}

// unreported returns the faults of the current state that have not been
// reported since they arose, and marks them reported. A fault is what it
// is, its message and the contents of its file: one that stands through
// other changes is reported once.
func (w *Watcher) unreported(snap snapshot) error {
	var errs []error
	standing := make(map[string]bool)
	for _, err := range joined(w.fault) {
		key := err.Error()
		var fe *FileError
		if errors.As(err, &fe) {
			if f := snap.files[path.Base(fe.File)]; f != nil && path.Dir(fe.File) == path.Clean(w.dir) {
				key += fmt.Sprintf("\x00%x", sha256.Sum256(f.Data))
			}
		}
		standing[key] = true
		if !w.reported[key] {
			errs = append(errs, err)
		}
	}
	w.reported = standing
	return errors.Join(errs...)
}

// joined returns the errors err joins, or err alone; none for nil.
func joined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// snapshot is the locale files of the directory, read into memory so that
// a bundle is built from exactly the bytes that were compared.
type snapshot struct {
	files  fstest.MapFS
	newest time.Time         // the latest modification time of a file
	err    error             // the files cannot all be read; they are not served
	sum    [sha256.Size]byte // of the names, contents and err
}

func (w *Watcher) snapshot() snapshot {
	snap := snapshot{files: fstest.MapFS{}}
	dirFS := os.DirFS(w.dir)
	entries, err := fs.ReadDir(dirFS, ".")
	if err != nil {
		snap.err = &FileError{File: w.dir, Msg: "cannot read the locale directory: " + err.Error(), Err: err}
	}
	var errs []error
	for _, e := range entries {
		if !isLocaleFile(e) {
			continue
		}
		name := path.Join(w.dir, e.Name())
		data, err := fs.ReadFile(dirFS, e.Name())
		if err != nil {
			errs = append(errs, &FileError{File: name, Msg: "cannot read: " + err.Error(), Err: err})
			continue
		}
		if len(bytes.TrimSpace(data)) == 0 {
			errs = append(errs, &FileError{File: name, Line: 1, Msg: "the file is empty; is it being written?"})
		}
		if info, err := fs.Stat(dirFS, e.Name()); err == nil && info.ModTime().After(snap.newest) {
			snap.newest = info.ModTime() // of the file a symbolic link names
		}
		snap.files[e.Name()] = &fstest.MapFile{Data: data}
	}
	if snap.err == nil {
		snap.err = errors.Join(errs...)
	}
	snap.sum = snap.digest()
	return snap
}

// digest sums up what a snapshot read, its error included.
func (s *snapshot) digest() [sha256.Size]byte {
	h := sha256.New()
	if s.err != nil {
		fmt.Fprintf(h, "error\x00%s\x00", s.err)
	}
	names := make([]string, 0, len(s.files))
	for name := range s.files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(s.files[name].Data))
		h.Write(s.files[name].Data)
	}
	return [sha256.Size]byte(h.Sum(nil))
}
