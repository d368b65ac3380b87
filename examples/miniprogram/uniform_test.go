package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/locales"
)

// TestUniformIdentity runs the backend as -uniform-identity does: every
// code of a failed identity check gets the same status, headers and body
// for the same request, while the log and the metrics keep the real code.
// Without the flag, 701 and 704 are told apart.
func TestUniformIdentity(t *testing.T) {
	group := locales.UniformIdentityCodes()
	asks := []struct {
		query   string
		headers []string
	}{
		{"lang=zh_CN", nil},
		{"lang=zh_TW", nil},
		{"lang=zh_HK", nil},
		{"lang=en", nil},
		{"", []string{"Accept-Language", "ja,en;q=0.8"}},
		{"", []string{"User-Agent", weChatEnglish}},
	}
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	h := newHandler(huiyan.Default(), slog.New(slog.NewJSONHandler(&log, nil)), m, huiyanhttp.WithUniformIdentity())
	for _, ask := range asks {
		var first string
		for _, code := range group {
			w := serveWith(h, fmt.Sprintf("/api/verify/result?code=%d&%s", code, ask.query), ask.headers...)
			var hdr bytes.Buffer
			w.Header().Write(&hdr)
			got := fmt.Sprintf("%d\n%s\n%s", w.Code, hdr.String(), w.Body.String())
			if first == "" {
				first = got
				var p problem
				if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Code != 826 || w.Code != 422 {
					t.Errorf("%s: %d answers %s, want 826 with 422", ask.query, code, got)
				}
			} else if got != first {
				t.Errorf("%s %v: %d answers\n%s\nwhere %d answers\n%s", ask.query, ask.headers, code, got, group[0], first)
			}
		}
	}

	// The operator's log line and the metrics have the real codes.
	logged := map[int]int{}
	dec := json.NewDecoder(&log)
	for dec.More() {
		var line struct {
			AnsweredCode int `json:"answered_code"`
			Huiyan       struct{ Code int }
		}
		if err := dec.Decode(&line); err != nil {
			t.Fatal(err)
		}
		logged[line.Huiyan.Code]++
		if line.Huiyan.Code != 826 && line.AnsweredCode != 826 {
			t.Errorf("%d logged with answered_code %d, want 826", line.Huiyan.Code, line.AnsweredCode)
		}
	}
	counted := countsByCode(t, scrape(t, h))
	for _, code := range group {
		if logged[code] != len(asks) || counted[strconv.Itoa(code)] != float64(len(asks)) {
			t.Errorf("%d: logged %d times, counted %v, want %d", code, logged[code], counted[strconv.Itoa(code)], len(asks))
		}
	}
	if got := slices.Sorted(maps.Keys(counted)); len(got) != len(group) {
		t.Errorf("counted codes %v, want %v", got, group)
	}

	// Without the flag, as before.
	plain := newHandler(huiyan.Default(), slog.New(slog.DiscardHandler), nil)
	a := serveWith(plain, "/api/verify/result?code=701&lang=en").Body.String()
	b := serveWith(plain, "/api/verify/result?code=704&lang=en").Body.String()
	if a == b {
		t.Errorf("without -uniform-identity, 701 and 704 answer alike: %s", a)
	}
}

// serveWith sends a GET to h, with the headers given as name, value pairs.
func serveWith(h http.Handler, target string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}
