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
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := serveContext(ctx, args, pw)
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
	return addr
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
	err = serveContext(context.Background(), []string{"-addr", addr}, io.Discard)
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
		{"broken -dir", []string{"serve", "-dir", "testdata/dir/broken", "-addr", "127.0.0.1:0"}, exitFailure, "huiyan: testdata/dir/broken/"},
		{"bad address", []string{"serve", "-addr", "127.0.0.1:http-alt-nope"}, exitFailure, "huiyan: serve: cannot listen on 127.0.0.1:http-alt-nope: "},
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
