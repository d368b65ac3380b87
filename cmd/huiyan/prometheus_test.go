package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue"
)

// TestServePrometheusAPIUnchanged checks that counts leave the JSON API
// byte for byte what huiyan export and lookup print, whether Prometheus
// answers or not.
func TestServePrometheusAPIUnchanged(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,"3"]}]}}`))
	}))
	defer up.Close()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	plain := catalogue.New(huiyan.Default())
	for _, prom := range []string{up.URL, down.URL} {
		counted := catalogue.New(huiyan.Default(), catalogue.WithPrometheus(prom))
		for _, path := range []string{"/api/codes", "/api/codes?lang=en", "/api/codes?lang=all", "/api/codes/655?lang=en", "/api/codes/699"} {
			want, got := httptest.NewRecorder(), httptest.NewRecorder()
			plain.ServeHTTP(want, httptest.NewRequest("GET", path, nil))
			counted.ServeHTTP(got, httptest.NewRequest("GET", path, nil))
			if got.Code != want.Code || !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
				t.Errorf("%s with %s: the API changed", path, prom)
			}
		}
	}
}

func TestServePrometheusFlag(t *testing.T) {
	tests := []struct {
		name string
		url  string
	}{
		{"no scheme", "127.0.0.1:9090"},
		{"another scheme", "file:///etc/passwd"},
		{"no host", "http://"},
		{"not a URL", "http://[::1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runArgs("serve", "-addr", "127.0.0.1:0", "-prometheus", tt.url)
			if code != exitUsage || stdout != "" || !strings.HasPrefix(stderr, "huiyan: serve: -prometheus ") {
				t.Errorf("exit status %d, stdout %q, stderr %q", code, stdout, stderr)
			}
		})
	}
	t.Run("served", func(t *testing.T) {
		base := startServe(t, "-addr", "127.0.0.1:0", "-prometheus", "http://127.0.0.1:1")
		res, err := http.Get(base + "api/codes/655?lang=en")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), `"name":"FaceTooClose"`) {
			t.Errorf("status %d, body %.200s", res.StatusCode, b)
		}
	})
}

// TestServePrometheusCounts runs huiyan serve -prometheus against a fake
// Prometheus and checks the counts on the pages of codes of both tables:
// a series without a table label is the Huiyan table's, as huiyanprom
// counted before it had the label, and the two tables' 302 are counted
// apart.
func TestServePrometheusCounts(t *testing.T) {
	prom := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/query" || !strings.Contains(r.URL.Query().Get("query"), "huiyan_results_total[1d]") {
			http.Error(w, "unexpected", http.StatusBadRequest)
			return
		}
		w.Write([]byte(`{"status":"success","data":{"resultType":"vector","result":[` +
			`{"metric":{"code":"655"},"value":[1,"3"]},{"metric":{"table":"huiyan","code":"604"},"value":[1,"1"]},` +
			`{"metric":{"table":"huiyan","code":"302"},"value":[1,"2"]},{"metric":{"table":"faceid","code":"302"},"value":[1,"5"]}]}}`))
	}))
	defer prom.Close()
	base := startServe(t, "-addr", "127.0.0.1:0", "-prometheus", prom.URL)
	for page, want := range map[string]string{
		"codes/655?lang=en-US":              `<data class="uses" value="3">3</data>`,
		"codes/604?lang=en-US":              `<data class="uses" value="1">1</data>`,
		"codes/302?lang=en-US":              `<data class="uses" value="2">2</data>`,
		"codes/302?lang=en-US&table=faceid": `<data class="uses" value="5">5</data>`,
	} {
		res, err := http.Get(base + page)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), want) {
			t.Errorf("%s: status %d, the page lacks %s", page, res.StatusCode, want)
		}
	}
}
