package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue"
)

// defaultAddr is where huiyan serve listens unless -addr says otherwise:
// loopback, since the page is for the operators of this machine.
const defaultAddr = "127.0.0.1:8080"

// Timeouts of the server: generous for people on slow links, short enough
// that an idle or stalled connection does not hold resources for long.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
)

// serve runs huiyan serve until SIGINT or SIGTERM.
func serve(args []string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveContext(ctx, args, stdout, stderr)
}

// serveContext runs huiyan serve until ctx is done, then shuts down
// gracefully.
func serveContext(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve")
	addr := fs.String("addr", defaultAddr, "")
	dir := fs.String("dir", "", "")
	allow := fs.String("allow-host", "", "")
	prom := fs.String("prometheus", "", "")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve: unexpected arguments: %s", strings.Join(pos, " "))
	}
	var opts []catalogue.Option
	if *prom != "" {
		if u, err := url.Parse(*prom); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usagef("serve: -prometheus %q: want the URL of a Prometheus server, such as http://127.0.0.1:9090", *prom)
		}
		opts = append(opts, catalogue.WithPrometheus(*prom))
	}
	var l huiyan.Source = huiyan.Default()
	if *dir != "" {
		if err := checkDir(*dir); err != nil {
			return err
		}
		// A broken directory does not stop the page: it serves the
		// embedded texts and shows the fault until it is fixed.
		w, err := huiyan.Watch(*dir, huiyan.WatchOptions{StartOnFault: true})
		if err != nil {
			return err
		}
		defer w.Close()
		l = w
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return listenError(*addr, err)
	}
	h, loopback := guard(catalogue.New(l, opts...), ln.Addr(), *allow)
	if !loopback {
		fmt.Fprintf(stderr, "huiyan: serve: warning: %s is not a loopback address: the page has no authentication, and whoever reaches this address reads it and the paths of the locale files\n", ln.Addr())
	}
	fmt.Fprintf(stdout, "huiyan: serving on http://%s/\n", ln.Addr())
	return serveOn(ctx, ln, h)
}

// guard wraps h in catalogue.AllowHosts when the server listens on a
// loopback address, or when -allow-host names hosts: it answers only
// requests for loopback, the address it listens on and those hosts. It
// reports whether the address is loopback.
func guard(h http.Handler, addr net.Addr, allow string) (http.Handler, bool) {
	var ip net.IP
	if a, ok := addr.(*net.TCPAddr); ok {
		ip = a.IP
	}
	loopback := ip != nil && ip.IsLoopback()
	if !loopback && allow == "" {
		return h, false
	}
	names := strings.Split(allow, ",")
	if ip != nil && !ip.IsUnspecified() {
		names = append(names, ip.String())
	}
	return catalogue.AllowHosts(h, names...), loopback
}

// checkDir says in plain words why dir cannot be watched, if it does not
// exist or is no directory.
func checkDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("serve: -dir %s: the directory does not exist", dir)
	case err != nil:
		return fmt.Errorf("serve: -dir %s: %w", dir, unwrapSyscall(err))
	case !fi.IsDir():
		return fmt.Errorf("serve: -dir %s: not a directory", dir)
	}
	return nil
}

// unwrapSyscall returns the error of the system call under err, such as
// "permission denied", without the path err repeats.
func unwrapSyscall(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// listenError says in one line why the server cannot listen on addr:
// "serve: cannot listen on 127.0.0.1:8080: address already in use".
func listenError(addr string, err error) error {
	var se *os.SyscallError
	if errors.As(err, &se) {
		err = se.Err
	}
	return fmt.Errorf("serve: cannot listen on %s: %w", addr, err)
}

// serveOn serves h on ln until ctx is done, then lets the requests in
// flight finish, for up to shutdownTimeout.
func serveOn(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
