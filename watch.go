package huiyan

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/locales"
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
	files    fs.FS // the directory's files, as Dir reads them
	base     []fs.FS
	interval time.Duration
	settle   time.Duration
	onError  func(error)
	onReload func(Reload)

	startOnFault bool

	current atomic.Pointer[Bundle]

	mu        sync.Mutex        // serializes reloads; guards the fields below
	attempted [sha256.Size]byte // the contents last loaded, or tried
	last      snapshot          // what was read for them
	fault     error             // why those did not load; nil when they serve
	outcome   [sha256.Size]byte // of the last load: its files and its fault
	pending   [sha256.Size]byte // contents seen by the last poll, not applied
	reported  map[string]bool   // faults reported to onError that still stand

	stop     chan struct{}
	stopped  chan struct{}
	stopOnce sync.Once
}

// WatchOptions configures [Watch]. The zero value watches dir over the
// embedded locales, polls every 2 s, applies a change once it has settled
// for 2 s, logs problems with [log/slog]'s default logger, and fails when
// the directory's files do not load at the start.
type WatchOptions struct {
	// Base is the file systems dir is layered over, as the first
	// arguments of [NewBundle]; nil is the embedded locales, locales.FS.
	// It is how a service serves its own base texts and a directory of
	// deployment overrides over them.
	Base []fs.FS

	// Interval is how often the directory is read; zero or less is 2 s.
	Interval time.Duration

	// Settle is how long ago the newest file must have been modified for
	// a poll to apply a change: zero is 2 s, and a negative Settle
	// applies a change as soon as two polls agree on it.
	Settle time.Duration

	// OnError receives the problems of loads, each once, joined as
	// NewBundle joins them: the faults that
	// keep a change from serving, and the files a load skips, such as
	// backup.toml (a [*FileError] is a fault; a skipped file is an error
	// of another type). It is called from the watcher's goroutine, and from
	// Watch for the first load. Nil logs them with log/slog's default
	// logger, faults as errors and skipped files as warnings.
	OnError func(error)

	// OnReload receives a [Reload] after each load that changes what is
	// served or whether a fault stands: what a service logs as "texts
	// reloaded" and "fault cleared", and what metrics count. It is called
	// from the goroutine that loaded (the watcher's, or the caller of
	// Watch and [Watcher.Reload]),
	// never while the watcher holds a lock, so it may call the watcher's
	// methods.
	OnReload func(Reload)

	// StartOnFault makes Watch start when the directory's files do not
	// load: it serves Base alone, reports the fault (to OnError and
	// OnReload, and as [Watcher.Err]) and applies the directory once it
	// loads. A service then starts with a broken deployment directory, as
	// it keeps running when one breaks, instead of failing in a restart
	// loop; the price is that it serves the base texts, without the
	// deployment's changes, until someone reads the fault and fixes it.
	// Without it, Watch returns the fault.
	StartOnFault bool
}

// The poll interval and settle time that zero options mean.
const (
	defaultInterval = 2 * time.Second
	defaultSettle   = 2 * time.Second
)

// logProblems returns the default error handler of a Watcher of dir.
func logProblems(dir string) func(error) {
	return func(err error) {
		level, msg := slog.LevelWarn, "huiyan: locale files skipped"
		var fault *FileError
		if errors.As(err, &fault) {
			level, msg = slog.LevelError, "huiyan: locale reload failed; the previous catalogue keeps serving"
		}
		slog.Log(context.Background(), level, msg, "dir", dir, "err", err)
	}
}

// Reload is what a [Watcher] reports of each load it applies that changes
// what is served or whether a fault stands: the first one, in [Watch], and
// each such change of the directory after it. A change that only adds or
// removes a file the load skips is reported to OnError, not as a Reload.
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

// Watch loads the locale files of dir over opts.Base and watches dir for
// changes until [Watcher.Close]. It fails, with the errors of
// [NewBundle], when the files do not load at the start, unless
// opts.StartOnFault is set; it calls neither OnError nor OnReload then.
func Watch(dir string, opts WatchOptions) (*Watcher, error) {
	return watch(dir, Dir(dir), opts)
}

// watch is Watch of dir read through files, which tests give faults that
// the operating system gives only to some users: root reads a file of
// mode 000.
func watch(dir string, files fs.FS, opts WatchOptions) (*Watcher, error) {
	w := &Watcher{
		files:        files,
		base:         opts.Base,
		interval:     opts.Interval,
		settle:       opts.Settle,
		onError:      opts.OnError,
		onReload:     opts.OnReload,
		startOnFault: opts.StartOnFault,
		reported:     make(map[string]bool),
		stop:         make(chan struct{}),
		stopped:      make(chan struct{}),
	}
	if w.base == nil {
		w.base = []fs.FS{locales.FS}
	}
	if w.interval <= 0 {
		w.interval = defaultInterval
	}
	switch {
	case w.settle == 0:
		w.settle = defaultSettle
	case w.settle < 0:
		w.settle = 0
	}
	if w.onError == nil {
		w.onError = logProblems(dir)
	}
	fault, unreported := w.reload()
	if fault != nil && w.current.Load() == nil {
		return nil, fault
	}
	if unreported != nil {
		w.onError(unreported)
	}
	go w.run()
	return w, nil
}

// Bundle returns the catalogue being served.
func (w *Watcher) Bundle() *Bundle { return w.current.Load() }

// Reload reads the directory now and applies what it holds, without
// waiting for it to settle. It returns nil when the catalogue serves what
// the directory holds, and the fault otherwise, as long as the fault
// stands: the previous catalogue keeps serving. It suits a SIGHUP handler.
// The fault goes to the caller, not to OnError; the files Reload finds
// skipped first go to OnError, as a poll's do, so that each is reported
// once whoever read the directory first.
func (w *Watcher) Reload() error {
	fault, unreported := w.reload()
	if skipped := skippedOnly(unreported); skipped != nil {
		w.onError(skipped)
	}
	return fault
}

// skippedOnly returns the errors of a joined err that are no
// [*FileError], joined: the files a load skipped.
func skippedOnly(err error) error {
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var skipped []error
	for _, e := range errs {
		if _, fault := e.(*FileError); !fault {
			skipped = append(skipped, e)
		}
	}
	return errors.Join(skipped...)
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
			w.tick(now)
		}
	}
}

// tick is one poll of the watcher's goroutine: it passes what the poll
// found to the handlers.
func (w *Watcher) tick(now time.Time) {
	ev, err := w.poll(now)
	if err != nil {
		w.onError(err)
	}
	w.report(ev)
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
// and serves it, or records why it cannot. It returns the Reload to
// report, nil when the load changed neither what is served nor whether a
// fault stands, or when Watch fails on it; and the problems not reported
// yet: faults, and files skipped.
func (w *Watcher) apply(snap snapshot) (*Reload, error) {
	w.attempted = snap.sum
	w.last = snap
	stood, first := w.fault != nil, w.current.Load() == nil
	ps := slices.Clone(snap.ps)
	b, problems, err := loadBundle(append(load.Read(load.Layers(w.base), &ps), snap.src), ps, load.Tables)
	w.fault = err
	switch {
	case err == nil:
		w.current.Store(b)
	case first && !w.startOnFault:
		return nil, nil // Watch fails: the caller has the fault
	case first:
		b, baseErr := NewBundle(w.base...)
		if baseErr != nil {
			w.fault = errors.Join(err, baseErr)
			return nil, nil
		}
		w.current.Store(b)
	}
	// A load of the same files as the last one, with the same fault or
	// none, changed only the files it skips.
	outcome := snap.outcome(err)
	if !first && outcome == w.outcome {
		return nil, w.unreported(snap, problems)
	}
	w.outcome = outcome
	ev := &Reload{Time: time.Now(), Err: err, Cleared: stood && err == nil}
	return ev, w.unreported(snap, problems)
}

// unreported returns the problems of a load that have not been reported
// since they arose, and marks them reported. A problem is what it is, its
// message and the contents of its file: one that stands through other
// changes is reported once.
func (w *Watcher) unreported(snap snapshot, ps load.Problems) error {
	var errs []error
	standing := make(map[string]bool)
	for i := range ps {
		p := &ps[i]
		key := p.Error()
		if sum, ok := snap.sums[p.File]; ok {
			key += "\x00" + string(sum[:])
		}
		standing[key] = true
		switch {
		case w.reported[key]:
		case p.Advice:
			errs = append(errs, errors.New(p.Error()))
		default:
			errs = append(errs, fileError(p))
		}
	}
	w.reported = standing
	return errors.Join(errs...)
}

// snapshot is the locale files of the directory, read into memory so that
// a bundle is built from exactly the bytes that were compared.
type snapshot struct {
	src    load.Source
	ps     load.Problems                // what reading found
	sums   map[string][sha256.Size]byte // of each file's contents, by name
	newest time.Time                    // the latest modification time of a file
	sum    [sha256.Size]byte            // of the names, contents and problems
}

// snapshot reads the directory. A file whose size and modification time
// are those of the last snapshot's is not read again, nor summed.
func (w *Watcher) snapshot() snapshot {
	snap := snapshot{sums: make(map[string][sha256.Size]byte)}
	prev := make(map[string]*load.File, len(w.last.src.Files))
	for _, f := range w.last.src.Files {
		prev[f.Base] = f
	}
	snap.src = load.ReadLayer(len(w.base), load.Layers([]fs.FS{w.files})[0], prev, &snap.ps)
	for _, f := range snap.src.Files {
		if len(bytes.TrimSpace(f.Data)) == 0 {
			snap.ps.Add(true, f.Name, 1, nil, "the file is empty; is it being written?")
		}
		if mod := f.Info.ModTime(); mod.After(snap.newest) {
			snap.newest = mod // of the file a symbolic link names
		}
		if f == prev[f.Base] {
			snap.sums[f.Name] = w.last.sums[f.Name]
		} else {
			snap.sums[f.Name] = sha256.Sum256(f.Data)
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
	s.sumFiles(h)
	return [sha256.Size]byte(h.Sum(nil))
}

// outcome sums up what a load of a snapshot gave: the locale files it
// read, without the files it skipped, and its fault, if any.
func (s *snapshot) outcome(fault error) [sha256.Size]byte {
	h := sha256.New()
	s.sumFiles(h)
	if fault != nil {
		fmt.Fprintf(h, "fault\x00%s", fault)
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// sumFiles writes each locale file's name and the sum of its contents.
func (s *snapshot) sumFiles(h io.Writer) {
	for _, f := range s.src.Files { // in the directory's order, by name
		sum := s.sums[f.Name]
		fmt.Fprintf(h, "%s\x00", f.Base)
		h.Write(sum[:])
	}
}
