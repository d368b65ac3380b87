package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

// binary is the backend, built once for the tests that run it.
var binary struct {
	once sync.Once
	dir  string
	err  error
	out  []byte
}

// TestMain removes the built backend after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// build compiles the backend, once, and returns its path.
func build(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		if binary.dir, binary.err = os.MkdirTemp("", "faceid-test-"); binary.err == nil {
			binary.out, binary.err = exec.Command("go", "build", "-o", binary.dir, ".").CombinedOutput()
		}
	})
	if binary.err != nil {
		t.Fatalf("go build: %v\n%s", binary.err, binary.out)
	}
	return filepath.Join(binary.dir, "faceid")
}

// environ is the test's environment without the Tencent Cloud key, and
// with the variables extra, "NAME=value".
func environ(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TENCENTCLOUD_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

var listening = regexp.MustCompile(`msg=listening addr=(\S+)`)

// TestBinary builds the backend, starts it on a port of its choosing
// against the loopback API, asks it the question as a client
// would, and stops it as a service manager would.
func TestBinary(t *testing.T) {
	bin := build(t)
	srv := huiyantctest.NewServer()
	defer srv.Close()
	srv.Answer("token", huiyantctest.Response(`"Text": `+huiyantctest.Text(2016)))

	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-endpoint", srv.URL)
	cmd.Env = environ("TENCENTCLOUD_SECRET_ID="+huiyantctest.SecretID, "TENCENTCLOUD_SECRET_KEY="+huiyantctest.SecretKey)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill() // if the test stops early
	lines := bufio.NewScanner(stderr)
	var addr string
	for addr == "" && lines.Scan() {
		if m := listening.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("the backend did not say where it listens: %v", lines.Err())
	}
	rest := make(chan string)
	go func() {
		b, _ := io.ReadAll(stderr)
		rest <- string(b)
	}()

	req, err := http.NewRequest(http.MethodGet, "http://"+addr+"/api/faceid/result?BizToken=token&RuleId=1", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Language", "zh-TW")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	var a answer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	want := huiyan.LocalizeWith(nil, faceid.SimilarityTooLow, "zh-TW", nil)
	if resp.StatusCode != 422 || resp.Header.Get("Content-Type") != "application/problem+json" ||
		a.Code == nil || *a.Code != 2016 || a.Title != want.User || want.Lang != "zh-TW" {
		t.Errorf("%d %v\n%s\nwant 2016 titled %q", resp.StatusCode, resp.Header, body, want.User)
	}

	// A request line past the server's bound: net/http refuses it.
	resp, err = http.Get("http://" + addr + "/api/faceid/result?RuleId=1&BizToken=" + strings.Repeat("A", 2*maxHeaderBytes))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("a request of %d bytes: status %d", 2*maxHeaderBytes, resp.StatusCode)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("the backend stopped with %v", err)
	}
	if log := <-rest; !strings.Contains(log, "msg=stopping") {
		t.Errorf("the backend's log does not say it stopped:\n%s", log)
	}
	if rq := srv.Requests(); len(rq) != 1 {
		t.Errorf("the API was asked %d times, want once", len(rq))
	}
}

// TestBinaryRefuses checks the mistakes that stop the backend before it
// starts: each says so in one line, with status 2.
func TestBinaryRefuses(t *testing.T) {
	bin := build(t)
	key := []string{"TENCENTCLOUD_SECRET_ID=" + huiyantctest.SecretID, "TENCENTCLOUD_SECRET_KEY=" + huiyantctest.SecretKey}
	tests := []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"no key", nil, nil, "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"},
		{"no secret key", nil, key[:1], "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"},
		{"no secret id", nil, key[1:], "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"},
		{"an endpoint without a scheme", []string{"-endpoint", "127.0.0.1:9000"}, key, "-endpoint"},
		{"an endpoint with a path", []string{"-endpoint", "http://127.0.0.1:9000/api"}, key, "-endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, tt.args...)...)
			cmd.Env = environ(tt.env...)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Errorf("exit %v, want status 2", err)
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "faceid: ") || !strings.Contains(lines[0], tt.want) || stdout.Len() != 0 {
				t.Errorf("stderr %q, stdout %q; want one line naming %s", stderr.String(), stdout.String(), tt.want)
			}
		})
	}
}
