package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue"
	"github.com/huiyan-i18n/huiyan/locales"
)

// TestServeMatchesCommands compares the API's bodies with what huiyan
// export and huiyan lookup -format json print for the same inputs.
func TestServeMatchesCommands(t *testing.T) {
	override, err := huiyan.NewBundle(locales.FS, huiyan.Dir("testdata/dir/override"))
	if err != nil {
		t.Fatal(err)
	}
	handlers := map[string]http.Handler{
		"":                      catalogue.New(huiyan.Default()),
		"testdata/dir/override": catalogue.New(override),
	}
	tests := []struct {
		name string
		args []string // the command line, without -dir
		path string   // the API's path, without lang
	}{
		{"export", []string{"export"}, "/api/codes"},
		{"lookup", []string{"lookup", "655", "-format", "json"}, "/api/codes/655"},
		{"lookup unknown", []string{"lookup", "699", "-format", "json"}, "/api/codes/699"},
		{"lookup negative", []string{"lookup", "-5", "-format", "json"}, "/api/codes/-5"},
	}
	langs := []string{"zh-CN", "en-US", "zh_CN", "zh-TW", "en-GB,en;q=0.9,zh;q=0.8", "ja", "!!!", "all"}
	for dir, h := range handlers {
		for _, tt := range tests {
			for _, lang := range langs {
				args := append(append([]string{}, tt.args...), "-lang", lang)
				if dir != "" {
					args = append(args, "-dir", dir)
				}
				t.Run(strings.Join(args, " "), func(t *testing.T) {
					want := mustRun(t, args...)
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path+"?lang="+url.QueryEscape(lang), nil))
					if rec.Code != http.StatusOK {
						t.Fatalf("status %d", rec.Code)
					}
					if got := rec.Body.String(); got != want {
						t.Errorf("the API differs from the command:\n api %.300s\n cmd %.300s", got, want)
					}
				})
			}
		}
	}
}

// startServe runs huiyan serve with args until the test ends, and returns
// the address it printed.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	addr, _ := startServeStderr(t, args...)
	return addr
}

// startServeStderr is startServe, and returns what serve printed on
// stderr before it printed the address.
func startServeStderr(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var stderr strings.Builder
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := serveContext(ctx, args, pw, &stderr)
		pw.CloseWithError(err)
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after the context was done", err)
			}
		case <-time.After(time.Minute):
			t.Error("serve did not return after the context was done")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed %q: %v", line, err)
	}
	addr, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "huiyan: serving on ")
	if !ok {
		t.Fatalf("serve printed %q", line)
	}
	// serve wrote stderr before stdout, and the pipe orders the two.
	return addr, stderr.String()
}

func TestServe(t *testing.T) {
	tests := []struct {
		name string
		args []string
		path string
		want string // in the body
	}{
		{"page", []string{"-addr", "127.0.0.1:0"}, "?lang=en-US", huiyan.Default().Localize(655, "en-US").Title},
		{"API", []string{"-addr", "127.0.0.1:0"}, "api/codes/655?lang=en", `"name":"FaceTooClose"`},
		{"-dir", []string{"-dir", "testdata/dir/override", "-addr", "127.0.0.1:0"}, "api/codes?lang=en-US", overrideUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := startServe(t, tt.args...)
			if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/") {
				t.Fatalf("address %q", base)
			}
			res, err := http.Get(base + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != http.StatusOK || !strings.Contains(string(b), tt.want) {
				t.Errorf("status %d, body lacks %q", res.StatusCode, tt.want)
			}
		})
	}
}

func TestServeAddressTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()

	code, stdout, stderr := runArgs("serve", "-addr", addr)
	if code != exitFailure {
		t.Errorf("exit status %d, want %d", code, exitFailure)
	}
	if stdout != "" {
		t.Errorf("stdout %q", stdout)
	}
	if want := "huiyan: serve: cannot listen on " + addr + ": "; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", stderr, want)
	}
	err = serveContext(context.Background(), []string{"-addr", addr}, io.Discard, io.Discard)
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("error %v, want EADDRINUSE", err)
	}
}

func TestServeErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // the start of each line
	}{
		{"extra argument", []string{"serve", "now"}, exitUsage, "huiyan: serve: unexpected arguments: now"},
		{"unknown flag", []string{"serve", "-port", "1"}, exitUsage, "huiyan: serve: flag provided but not defined: -port"},
		{"bad address", []string{"serve", "-addr", "127.0.0.1:http-alt-nope"}, exitFailure, "huiyan: serve: cannot listen on 127.0.0.1:http-alt-nope: "},
		{"missing -dir", []string{"serve", "-dir", "testdata/no-such-dir", "-addr", "127.0.0.1:0"}, exitFailure, "huiyan: serve: -dir testdata/no-such-dir: the directory does not exist"},
		{"-dir is a file", []string{"serve", "-dir", "serve.go", "-addr", "127.0.0.1:0"}, exitFailure, "huiyan: serve: -dir serve.go: not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
			for line := range strings.Lines(stderr) {
				if !strings.HasPrefix(line, tt.stderr) {
					t.Errorf("stderr line %q, want %q...", line, tt.stderr)
				}
			}
			if stderr == "" {
				t.Error("nothing on stderr")
			}
		})
	}
}

// TestServeBrokenDir starts on a directory that does not load: the page
// serves the embedded texts and shows the fault, naming the file and the
// line, so that a broken deployment is read and fixed rather than
// restarted.
func TestServeBrokenDir(t *testing.T) {
	base := startServe(t, "-dir", "testdata/dir/broken", "-addr", "127.0.0.1:0")
	code, page := hostGet(t, base, strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if !strings.Contains(page, "testdata/dir/broken/en-US.toml:2") {
		t.Errorf("the page does not show the fault:\n%.2000s", page)
	}
	if want := huiyan.Localize(655, "en-US").User; !strings.Contains(page, want) {
		t.Errorf("the page does not serve the embedded texts (%q)", want)
	}
}

// hostGet sends GET / to the server at base with the Host header host.
func hostGet(t *testing.T, base, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", base+"?lang=en-US", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	return res.StatusCode, string(b)
}

// TestServeHost sends requests with the Host headers a browser sends, and
// those a page that points its own name at 127.0.0.1 (DNS rebinding)
// makes it send.
func TestServeHost(t *testing.T) {
	base, stderr := startServeStderr(t, "-addr", "127.0.0.1:0", "-allow-host", "ops.example.com,Review.Example.com")
	if stderr != "" {
		t.Errorf("serving on loopback, stderr %q", stderr)
	}
	port := strings.TrimSuffix(base[strings.LastIndex(base, ":"):], "/")
	tests := []struct {
		name   string
		host   string
		status int
	}{
		{"the address it listens on", "127.0.0.1" + port, http.StatusOK},
		{"localhost", "localhost" + port, http.StatusOK},
		{"localhost without port", "localhost", http.StatusOK},
		{"another loopback address", "127.1.2.3" + port, http.StatusOK},
		{"IPv6 loopback", "[::1]" + port, http.StatusOK},
		{"an allowed name", "ops.example.com" + port, http.StatusOK},
		{"an allowed name in another case", "REVIEW.example.com.", http.StatusOK},
		{"a foreign name", "attacker.example" + port, http.StatusMisdirectedRequest},
		{"a name ending in localhost", "localhost.attacker.example", http.StatusMisdirectedRequest},
		{"a foreign address", "203.0.113.9" + port, http.StatusMisdirectedRequest},
		{"IPv6 not loopback", "[2001:db8::1]" + port, http.StatusMisdirectedRequest},
		{"huge", strings.Repeat("a", 100_000) + ".localhost", http.StatusMisdirectedRequest},
		{"malformed", "local host", http.StatusMisdirectedRequest},
		{"a path for a host", "localhost/x", http.StatusMisdirectedRequest},
		{"unbracketed IPv6", "::1", http.StatusMisdirectedRequest},
		{"bad port", "localhost:http", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := hostGet(t, base, tt.host)
			if status != tt.status {
				t.Errorf("Host %.60q: status %d, want %d", tt.host, status, tt.status)
			}
			if status == http.StatusMisdirectedRequest && (len(body) > 200 || strings.Contains(body, "attacker") || strings.Contains(body, "<")) {
				t.Errorf("the 421 body is not a short plain text: %.200q", body)
			}
		})
	}
}

// TestServeWarning listens on every address: serve warns that the page
// has no authentication, and answers any Host unless -allow-host names
// some.
func TestServeWarning(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		foreign int // the status for a foreign Host
	}{
		{"any host", []string{"-addr", "0.0.0.0:0"}, http.StatusOK},
		{"-allow-host", []string{"-addr", "0.0.0.0:0", "-allow-host", "ops.example.com"}, http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, stderr := startServeStderr(t, tt.args...)
			if !strings.HasPrefix(stderr, "huiyan: serve: warning: ") || !strings.Contains(stderr, "no authentication") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line warning that the page has no authentication", stderr)
			}
			local := "http://127.0.0.1" + base[strings.LastIndex(base, ":"):]
			if status, _ := hostGet(t, local, "ops.example.com"); status != http.StatusOK {
				t.Errorf("an allowed Host: status %d", status)
			}
			if status, _ := hostGet(t, local, "attacker.example"); status != tt.foreign {
				t.Errorf("a foreign Host: status %d, want %d", status, tt.foreign)
			}
		})
	}
}
