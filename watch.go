package huiyan

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Watcher serves the locale files of a directory over the embedded ones,
// as [NewBundle](locales.FS, Dir(dir)) does, and reloads them when the
// directory changes, so that operators change texts without a rebuild.
//
// It polls: every interval it reads the directory's locale files (the
// names [Dir] reads, as [NewBundle] reads them) into memory, reading again
// only a file whose size or modification time changed. A change is applied once two polls in a
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
	last      snapshot          // what was read for them
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

// WithErrorHandler sets the function that receives the problems of
// reloads, each once, joined as [NewBundle] joins them ([FileErrors]
// splits them): the faults that keep a change from serving, and the files
// that a load skips, such as backup.toml, whose [FileError] is Advice. It
// is called from the watcher's goroutine, and from [Watch] for the files
// the first load skips. By default they are logged with [log/slog]'s
// default logger, faults as errors and skipped files as warnings.
func WithErrorHandler(f func(error)) WatchOption {
	return func(w *Watcher) {
		if f != nil {
			w.onError = f
		}
	}
}

// logProblems returns the default error handler of a Watcher of dir.
func logProblems(dir string) func(error) {
	return func(err error) {
		level, msg := slog.LevelWarn, "huiyan: locale files skipped"
		for _, fe := range FileErrors(err) {
			if !fe.Advice {
				level, msg = slog.LevelError, "huiyan: locale reload failed; the previous catalogue keeps serving"
			}
		}
		slog.Log(context.Background(), level, msg, "dir", dir, "err", err)
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
		onError:  logProblems(dir),
		reported: make(map[string]bool),
		stop:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	for _, o := range opts {
		o(w)
	}
	fault, skipped := w.reload()
	if fault != nil {
		return nil, fault
	}
	if skipped != nil {
		w.onError(skipped)
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
	fault, _ := w.reload()
	return fault
}

// reload is Reload, which also returns the problems not reported yet.
func (w *Watcher) reload() (fault, unreported error) {
	w.mu.Lock()
	snap := w.snapshot()
	var ev *Reload
	if snap.sum != w.attempted || w.current.Load() == nil {
		ev, unreported = w.apply(snap)
	}
	fault = w.fault
	w.mu.Unlock()
	w.report(ev)
	return fault, unreported
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
// the problems not reported yet.
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
	return w.apply(snap)
}

// apply builds a bundle from a snapshot, over the base layers read anew,
// and serves it, or records why it cannot. It returns what happened, and
// the problems not reported yet: faults, and files skipped.
func (w *Watcher) apply(snap snapshot) (*Reload, error) {
	w.attempted = snap.sum
	w.last = snap
	stood := w.fault != nil
	ps := slices.Clone(snap.ps)
	srcs := read(layersOf(w.base), &ps)
	l := loadSources(append(srcs, snap.src), ps)
	b, err := l.bundle()
	if w.fault = err; err == nil {
		w.current.Store(b)
	}
	ev := &Reload{Time: time.Now(), Err: err, Cleared: stood && err == nil}
	return ev, w.unreported(snap, l.ps)
}

// unreported returns the problems of a load that have not been reported
// since they arose, and marks them reported. A problem is what it is, its
// message and the contents of its file: one that stands through other
// changes is reported once.
func (w *Watcher) unreported(snap snapshot, ps problems) error {
	var errs []error
	standing := make(map[string]bool)
	for i := range ps {
		p := &ps[i]
		key := p.Error()
		if sum, ok := snap.sums[p.File]; ok {
			key += "\x00" + string(sum[:])
		}
		standing[key] = true
		if !w.reported[key] {
			errs = append(errs, p)
		}
	}
	w.reported = standing
	return errors.Join(errs...)
}

// snapshot is the locale files of the directory, read into memory so that
// a bundle is built from exactly the bytes that were compared.
type snapshot struct {
	src    source
	ps     problems                     // what reading found
	sums   map[string][sha256.Size]byte // of each file's contents, by name
	newest time.Time                    // the latest modification time of a file
	sum    [sha256.Size]byte            // of the names, contents and problems
}

// snapshot reads the directory. A file whose size and modification time
// are those of the last snapshot's is not read again, nor summed.
func (w *Watcher) snapshot() snapshot {
	snap := snapshot{sums: make(map[string][sha256.Size]byte)}
	prev := make(map[string]*file, len(w.last.src.files))
	for _, f := range w.last.src.files {
		prev[f.base] = f
	}
	snap.src = readLayer(len(w.base), layersOf([]fs.FS{Dir(w.dir)})[0], prev, &snap.ps)
	for _, f := range snap.src.files {
		if len(bytes.TrimSpace(f.data)) == 0 {
			snap.ps.add(true, f.name, 1, nil, "the file is empty; is it being written?")
		}
		if mod := f.info.ModTime(); mod.After(snap.newest) {
			snap.newest = mod // of the file a symbolic link names
		}
		if f == prev[f.base] {
			snap.sums[f.name] = w.last.sums[f.name]
		} else {
			snap.sums[f.name] = sha256.Sum256(f.data)
		}
	}
	snap.sum = snap.digest()
	return snap
}

// digest sums up what a snapshot read, its problems included.
func (s *snapshot) digest() [sha256.Size]byte {
	h := sha256.New()
	for _, p := range s.ps {
		fmt.Fprintf(h, "problem\x00%s\x00", p.Error())
	}
	for _, f := range s.src.files { // in the directory's order, by name
		sum := s.sums[f.name]
		fmt.Fprintf(h, "%s\x00", f.base)
		h.Write(sum[:])
	}
	return [sha256.Size]byte(h.Sum(nil))
}
