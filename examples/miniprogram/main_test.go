package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/messages"
)

const weChatEnglish = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/en"

type problem struct {
	Type      string
	Title     string
	Status    int
	Code      int
	Name      string
	Category  string
	Retryable bool
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// serve sends a GET to a new backend, logging into log.
func serve(t *testing.T, loc huiyan.Source, log *bytes.Buffer, target string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	newHandler(loc, slog.New(slog.NewJSONHandler(log, nil)), nil).ServeHTTP(w, r)
	return w
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		name    string
		target  string
		headers []string
		chinese bool
		lang    string // Content-Language's prefix
	}{
		// Traditional Chinese may serve zh-HK: any Chinese locale will do.
		{"Accept-Language zh-HK", "/api/verify/result?code=655", []string{"Accept-Language", "zh-HK,zh-Hant;q=0.9,en;q=0.8"}, true, "zh-"},
		{"lang=en", "/api/verify/result?code=655&lang=en", nil, false, "en-"},
		{"WeChat User-Agent only", "/api/verify/result?code=655", []string{"User-Agent", weChatEnglish}, false, "en-"},
		{"empty lang, no headers", "/api/verify/result?code=655&lang=", nil, true, "zh-CN"},
		{"lang over Accept-Language", "/api/verify/result?code=655&lang=en", []string{"Accept-Language", "zh-HK,zh-Hant;q=0.9,en;q=0.8"}, false, "en-"},
		{"mini-program zh_CN", "/api/verify/result?code=655&lang=zh_CN", []string{"User-Agent", weChatEnglish}, true, "zh-CN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			w := serve(t, huiyan.Default(), &log, tt.target, tt.headers...)
			var p problem
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatalf("%v: %s", err, w.Body.String())
			}
			if w.Code != 422 || p.Code != 655 || p.Name != "FaceTooClose" {
				t.Errorf("%d %+v", w.Code, p)
			}
			if hasHan(p.Title) != tt.chinese {
				t.Errorf("title %q; want Chinese: %v", p.Title, tt.chinese)
			}
			if cl := w.Header().Get("Content-Language"); !strings.HasPrefix(cl, tt.lang) {
				t.Errorf("Content-Language %q, want %q...", cl, tt.lang)
			}
			// The operator's log is in English whatever the user's language.
			if want := huiyan.Localize(655, "en-US").Title; !strings.Contains(log.String(), want) {
				t.Errorf("the log lacks %q: %s", want, log.String())
			}
			if strings.Contains(log.String(), p.Title) {
				t.Errorf("the log holds the user's text: %s", log.String())
			}
		})
	}
}

func TestResults(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		status int
		code   int // the problem's
	}{
		{"known code", "code=701", 422, 701},
		{"unknown code", "code=1234", 422, 1234},
		{"unknown liveness code", "code=699", 422, 699},
		{"negative code", "code=-3", 422, -3},
		{"Huiyan's invalid parameter", "code=2", 400, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			w := serve(t, huiyan.Default(), &log, "/api/verify/result?lang=en&"+tt.query)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			var p problem
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatalf("%v: %s", err, w.Body.String())
			}
			if w.Header().Get("Content-Type") != "application/problem+json" || p.Code != tt.code || p.Status != tt.status {
				t.Errorf("%v %s", w.Header(), w.Body.String())
			}
			if p.Title != huiyan.Localize(messages.Code(tt.code), "en").User {
				t.Errorf("title %q is not the user text", p.Title)
			}
			var line struct {
				Huiyan struct {
					Code  int
					Title string
				}
			}
			if err := json.Unmarshal(log.Bytes(), &line); err != nil {
				t.Fatalf("%v: %s", err, log.String())
			}
			if want := huiyan.Localize(messages.Code(tt.code), "en-US").Title; line.Huiyan.Code != tt.code || line.Huiyan.Title != want {
				t.Errorf("logged %+v, want code %d and title %q", line.Huiyan, tt.code, want)
			}
		})
	}
}

// TestSuccess checks that code 0 gets the localized success answer, with
// the headers a cache and a client need.
func TestSuccess(t *testing.T) {
	tests := []struct {
		name    string
		target  string
		headers []string
		lang    string
		vary    string
	}{
		{"mini-program zh_CN", "/api/verify/result?code=0&lang=zh_CN", nil, "zh-CN", "Accept-Language"},
		{"mini-program en", "/api/verify/result?code=0&lang=en", nil, "en-US", "Accept-Language"},
		{"browser zh-TW", "/api/verify/result?code=0", []string{"Accept-Language", "zh-TW,zh;q=0.9"}, "zh-TW", "X-Lang, Accept-Language"},
		{"WeChat User-Agent", "/api/verify/result?code=0", []string{"User-Agent", weChatEnglish}, "en-US", "X-Lang, Accept-Language, User-Agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			w := serve(t, huiyan.Default(), &log, tt.target, tt.headers...)
			checkSuccess(t, w, huiyan.Default().Localize(messages.Success, tt.lang).User, tt.lang, tt.vary)
			if log.Len() != 0 {
				t.Errorf("success was logged: %s", log.String())
			}
		})
	}
}

// checkSuccess checks a success answer.
func checkSuccess(t *testing.T, w *httptest.ResponseRecorder, title, lang, vary string) {
	t.Helper()
	var got struct {
		Title  string
		Status int
		Code   *int
		Name   string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, w.Body.String())
	}
	if w.Code != 200 || got.Status != 200 || got.Code == nil || *got.Code != 0 || got.Name != "Success" || got.Title != title {
		t.Errorf("%d %s, want the title %q", w.Code, w.Body.String(), title)
	}
	for k, v := range map[string]string{"Content-Type": "application/json", "Content-Language": lang, "Vary": vary, "Cache-Control": "no-store"} {
		if got := w.Header().Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

// TestBadQuery checks that a request the backend cannot read gets the
// backend's own 400 problem: no Huiyan code, no user text about Huiyan,
// and nothing of the request echoed.
func TestBadQuery(t *testing.T) {
	tests := []struct {
		name  string
		query string
	}{
		{"not an integer", "code=abc"},
		{"no code", ""},
		{"empty code", "code="},
		{"too large", "code=99999999999999999999999"},
		{"float", "code=6.55"},
		{"huge", "code=" + strings.Repeat("9", 1<<16)},
		{"markup", "code=%3Cscript%3E"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			w := serve(t, huiyan.Default(), &log, "/api/verify/result?lang=en&"+tt.query)
			var p struct {
				Type, Title, Detail string
				Status              int
				Code                *int
			}
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatalf("%v: %s", err, w.Body.String())
			}
			if w.Code != 400 || p.Status != 400 || w.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("%d %v %s", w.Code, w.Header(), w.Body.String())
			}
			if p.Code != nil || p.Type != "about:blank" || !strings.Contains(p.Detail, "integer") {
				t.Errorf("not the backend's own problem: %s", w.Body.String())
			}
			if len(w.Body.String()) > 200 || strings.Contains(w.Body.String(), "script") {
				t.Errorf("the request is echoed: %s", w.Body.String())
			}
		})
	}
}

// deployment writes a deployment's directory: a partial ja-JP, a zh-CN
// success text of its own.
func deployment(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	jaLightTooDim = "暗すぎます。明るい場所でもう一度お試しください。"
	zhSuccess     = "实名认证已完成"
)

var deploymentFiles = map[string]string{
	"ja-JP.toml": "[659]\nuser = \"" + jaLightTooDim + "\"\n",
	"zh-CN.toml": "[0]\nuser = \"" + zhSuccess + "\"\n",
}

// TestWatchedDirectory serves a deployment's texts with a Watcher, as -dir
// does: its own texts, and Content-Language the locale of the text served.
func TestWatchedDirectory(t *testing.T) {
	var log bytes.Buffer
	w, err := watch(deployment(t, deploymentFiles), slog.New(slog.NewTextHandler(&log, nil)), nil, huiyan.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	tests := []struct {
		name    string
		target  string
		headers []string
		title   string // "" for the embedded text of code
		code    messages.Code
		lang    string
	}{
		{"ja-JP's own text", "/api/verify/result?code=659", []string{"Accept-Language", "ja,en;q=0.8"}, jaLightTooDim, 659, "ja-JP"},
		{"ja lacks it: en", "/api/verify/result?code=655", []string{"Accept-Language", "ja,en;q=0.8"}, "", 655, "en-US"},
		{"ja lacks it: zh-TW", "/api/verify/result?code=655", []string{"Accept-Language", "ja,zh-TW;q=0.5"}, "", 655, "zh-TW"},
		{"success, zh_CN", "/api/verify/result?code=0&lang=zh_CN", nil, zhSuccess, 0, "zh-CN"},
		{"success, ja: en", "/api/verify/result?code=0", []string{"Accept-Language", "ja,en;q=0.8"}, "", 0, "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			resp := serve(t, w, &log, tt.target, tt.headers...)
			var p struct{ Title string }
			if err := json.Unmarshal(resp.Body.Bytes(), &p); err != nil {
				t.Fatalf("%v: %s", err, resp.Body.String())
			}
			want := tt.title
			if want == "" {
				want = huiyan.Localize(tt.code, tt.lang).User
			}
			if p.Title != want {
				t.Errorf("title %q, want %q", p.Title, want)
			}
			if got := resp.Header().Get("Content-Language"); got != tt.lang {
				t.Errorf("Content-Language %q, want %q", got, tt.lang)
			}
		})
	}
	if !strings.Contains(log.String(), "locale files loaded") {
		t.Errorf("the first load is not logged: %s", log.String())
	}
}

// syncBuffer is a log that the watcher's goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestReloadLogs checks that -dir logs each reload, a fault with its file
// and line, and the reload that clears it.
func TestReloadLogs(t *testing.T) {
	dir := deployment(t, deploymentFiles)
	var log syncBuffer
	w, err := watch(dir, slog.New(slog.NewTextHandler(&log, nil)), nil, huiyan.WatchOptions{Interval: 5 * time.Millisecond, Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write := func(data string) {
		tmp := filepath.Join(dir, "ja-JP.toml.tmp")
		if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "ja-JP.toml")); err != nil {
			t.Fatal(err)
		}
	}
	// A bad edit: the poller reports it once, with its file and line.
	write("[659]\nusr = \"typo\"\n")
	waitFor(t, &log, "ja-JP.toml:2")
	if !strings.Contains(log.String(), "level=ERROR") {
		t.Errorf("the fault is not an error: %s", log.String())
	}
	resp := serve(t, w, new(bytes.Buffer), "/api/verify/result?code=659", "Accept-Language", "ja")
	if !strings.Contains(resp.Body.String(), jaLightTooDim) {
		t.Errorf("the previous texts do not serve: %s", resp.Body.String())
	}
	// The fix clears it.
	write("[659]\nuser = \"暗いです。\"\n")
	waitFor(t, &log, "fault cleared")
	resp = serve(t, w, new(bytes.Buffer), "/api/verify/result?code=659", "Accept-Language", "ja")
	if !strings.Contains(resp.Body.String(), "暗いです。") {
		t.Errorf("the fix does not serve: %s", resp.Body.String())
	}
	if n := strings.Count(log.String(), "locale files loaded"); n != 1 {
		t.Errorf("%d loads logged, want the first one: %s", n, log.String())
	}
}

// waitFor waits until log holds s: the poller works on its own time.
func waitFor(t *testing.T, log *syncBuffer, s string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(log.String(), s); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never says %q: %s", s, log.String())
		}
	}
}

// TestStrayFiles checks -dir on a directory that holds backups beside a
// partial ja-JP: it starts, says once which files it skipped, and serves
// the real override.
func TestStrayFiles(t *testing.T) {
	files := map[string]string{
		"backup.toml":       "[655]\nuser = \"old\"\n",
		"en-US.bak.toml":    "[655]\nuser = \"old\"\n",
		"en-US (copy).toml": "[655]\nuser = \"old\"\n",
	}
	for name, data := range deploymentFiles {
		files[name] = data
	}
	var log bytes.Buffer
	w, err := watch(deployment(t, files), slog.New(slog.NewTextHandler(&log, nil)), nil, huiyan.WatchOptions{})
	if err != nil {
		t.Fatalf("-dir does not start: %v", err)
	}
	defer w.Close()
	for _, name := range []string{"backup.toml", "en-US.bak.toml", "en-US (copy).toml"} {
		if n := strings.Count(log.String(), "/"+name+": skipped"); n != 1 {
			t.Errorf("%s is named %d times in the log, want once:\n%s", name, n, log.String())
		}
	}
	if strings.Contains(log.String(), "level=ERROR") || !strings.Contains(log.String(), "level=WARN") {
		t.Errorf("skipped files are not warnings:\n%s", log.String())
	}
	resp := serve(t, w, new(bytes.Buffer), "/api/verify/result?code=0&lang=zh_CN")
	checkSuccess(t, resp, zhSuccess, "zh-CN", "Accept-Language")
	resp = serve(t, w, new(bytes.Buffer), "/api/verify/result?code=659", "Accept-Language", "ja,en;q=0.8")
	if !strings.Contains(resp.Body.String(), jaLightTooDim) || resp.Header().Get("Content-Language") != "ja-JP" {
		t.Errorf("the override does not serve: %v %s", resp.Header(), resp.Body.String())
	}
	resp = serve(t, w, new(bytes.Buffer), "/api/verify/result?code=655&lang=en")
	if strings.Contains(resp.Body.String(), `"old"`) {
		t.Errorf("a skipped file serves: %s", resp.Body.String())
	}
}
