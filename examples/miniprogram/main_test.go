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
	"testing"
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
func serve(t *testing.T, loc huiyan.Localizer, log *bytes.Buffer, target string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	newHandler(loc, slog.New(slog.NewJSONHandler(log, nil))).ServeHTTP(w, r)
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
		{"success", "code=0", 200, 0},
		{"known code", "code=701", 422, 701},
		{"unknown code", "code=1234", 502, 1234},
		{"unknown liveness code", "code=699", 422, 699},
		{"negative code", "code=-3", 502, -3},
		{"not an integer", "code=abc", 400, int(messages.InvalidParameter)},
		{"no code", "", 400, int(messages.InvalidParameter)},
		{"too large", "code=99999999999999999999999", 400, int(messages.InvalidParameter)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			w := serve(t, huiyan.Default(), &log, "/api/verify/result?lang=en&"+tt.query)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			if tt.status == 200 {
				if ct := w.Header().Get("Content-Type"); ct != "application/json" || w.Body.String() != `{"code":0,"name":"Success"}`+"\n" {
					t.Errorf("%s %s", ct, w.Body.String())
				}
				if log.Len() != 0 {
					t.Errorf("success was logged: %s", log.String())
				}
				return
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

// TestWatchedDirectory serves a deployment's texts with a Watcher, as -dir
// does.
func TestWatchedDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "en-US.toml"), []byte("[655]\nuser = \"Step back a little, please.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := huiyan.Watch(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var log bytes.Buffer
	resp := serve(t, w, &log, "/api/verify/result?code=655&lang=en")
	if !strings.Contains(resp.Body.String(), `"title":"Step back a little, please."`) {
		t.Errorf("%s", resp.Body.String())
	}
}
