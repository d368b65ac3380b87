// Package exampletest holds the checks that every framework example
// passes: one handler answers any result code, in the request's language,
// and with huiyanhttp.WithUniformIdentity every failed identity check
// alike.
package exampletest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// ResultCodes checks h, an example's router, at GET /api/verify/result:
// success, a problem and the backend's own bad request, with the language
// of each request.
func ResultCodes(t *testing.T, h http.Handler) {
	t.Helper()
	tests := []struct {
		name    string
		target  string
		headers []string
		status  int
		ct      string
		lang    string // Content-Language; "" for the bad request
		vary    string
		code    messages.Code
	}{
		{"success, mini-program", "/api/verify/result?code=0&lang=zh_CN", nil, 200, "application/json", "zh-CN", "Accept-Language", 0},
		{"success, browser", "/api/verify/result?code=0", []string{"Accept-Language", "en-GB,en;q=0.9"}, 200, "application/json", "en-US", "X-Lang, Accept-Language", 0},
		{"problem", "/api/verify/result?code=655&lang=zh_TW", nil, 422, "application/problem+json", "zh-TW", "Accept-Language", 655},
		{"unknown code", "/api/verify/result?code=699", []string{"X-Lang", "en"}, 422, "application/problem+json", "en-US", "X-Lang, Accept-Language", 699},
		{"not an integer", "/api/verify/result?code=abc&lang=en", nil, 400, "", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, tt.target, nil)
			for i := 0; i+1 < len(tt.headers); i += 2 {
				r.Header.Set(tt.headers[i], tt.headers[i+1])
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			var body struct {
				Title string
				Table string
				Code  *int
			}
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatalf("%v: %s", err, w.Body.String())
			}
			if w.Code != tt.status {
				t.Errorf("status %d, want %d: %s", w.Code, tt.status, w.Body.String())
			}
			if tt.lang == "" { // the backend's own answer: no Huiyan code
				if body.Code != nil {
					t.Errorf("a Huiyan code answers a bad request: %s", w.Body.String())
				}
				return
			}
			for k, v := range map[string]string{"Content-Type": tt.ct, "Content-Language": tt.lang, "Vary": tt.vary} {
				if got := w.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if want := huiyan.Localize(tt.code, tt.lang).User; body.Title != want || body.Table != "huiyan" || body.Code == nil || *body.Code != int(tt.code) {
				t.Errorf("%s, want table huiyan, code %d and title %q", w.Body.String(), tt.code, want)
			}
		})
	}
}

// UniformIdentity checks h, an example's router with
// huiyanhttp.WithUniformIdentity, at GET /api/verify/result: for each way
// of asking, every code of locales.UniformIdentityCodes gets the same
// status, headers and body, that of 826.
func UniformIdentity(t *testing.T, h http.Handler) {
	t.Helper()
	asks := []struct {
		name    string
		target  string
		headers []string
	}{
		{"mini-program zh_CN", "/api/verify/result?lang=zh_CN&code=", nil},
		{"mini-program zh_HK", "/api/verify/result?lang=zh_HK&code=", nil},
		{"browser en", "/api/verify/result?code=", []string{"Accept-Language", "en-GB,en;q=0.9"}},
		{"X-Lang zh-TW", "/api/verify/result?code=", []string{"X-Lang", "zh-TW"}},
	}
	for _, ask := range asks {
		t.Run(ask.name, func(t *testing.T) {
			var first string
			for _, code := range locales.UniformIdentityCodes() {
				r := httptest.NewRequest(http.MethodGet, ask.target+strconv.Itoa(code), nil)
				for i := 0; i+1 < len(ask.headers); i += 2 {
					r.Header.Set(ask.headers[i], ask.headers[i+1])
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				var hdr bytes.Buffer
				w.Header().Write(&hdr)
				got := fmt.Sprintf("%d\n%s\n%s", w.Code, hdr.String(), w.Body.String())
				if first == "" {
					var body struct{ Code int }
					if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || body.Code != locales.UniformIdentityCode || w.Code != 422 {
						t.Errorf("%d answers %s, want %d with 422", code, got, locales.UniformIdentityCode)
					}
					first = got
				} else if got != first {
					t.Errorf("%d answers\n%s\nwhere the first answers\n%s", code, got, first)
				}
			}
		})
	}
}
