package catalogue

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// get serves one GET request and returns the response.
func get(t *testing.T, h http.Handler, target string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// body reads a response's body.
func body(t *testing.T, res *http.Response) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(res.Body); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// exported returns what export.JSON writes for v: the bytes of huiyan
// export and huiyan lookup -format json.
func exported(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.JSON(&buf, v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestAPIListIsExport(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	tests := []struct {
		name   string
		target string
		header []string
		want   any
		lang   string // Content-Language
	}{
		{"tag", "/api/codes?lang=en-US", nil, export.NewCatalogue[messages.Code](b, "en-US"), "en-US"},
		{"WeChat value", "/api/codes?lang=zh_CN", nil, export.NewCatalogue[messages.Code](b, "zh_CN"), "zh-CN"},
		{"header as lang", "/api/codes?lang=en-GB,en%3Bq%3D0.9,zh%3Bq%3D0.1", nil, export.NewCatalogue[messages.Code](b, "en-GB,en;q=0.9,zh;q=0.1"), "en-US"},
		{"a language no locale serves", "/api/codes?lang=ja", nil, export.NewCatalogue[messages.Code](b, "ja"), "en-US"},
		{"garbage", "/api/codes?lang=%21%21%21", nil, export.NewCatalogue[messages.Code](b, "!!!"), "zh-CN"},
		{"Accept-Language", "/api/codes", []string{"Accept-Language", "en;q=0.8, fr"}, export.NewCatalogue[messages.Code](b, "en;q=0.8, fr"), "en-US"},
		{"lang over Accept-Language", "/api/codes?lang=zh-CN", []string{"Accept-Language", "en"}, export.NewCatalogue[messages.Code](b, "zh-CN"), "zh-CN"},
		{"empty lang is no lang", "/api/codes?lang=", []string{"Accept-Language", "en"}, export.NewCatalogue[messages.Code](b, "en"), "en-US"},
		{"nothing", "/api/codes", nil, export.NewCatalogue[messages.Code](b, ""), "zh-CN"},
		{"all", "/api/codes?lang=all", nil, export.NewSideBySide[messages.Code](b), strings.Join(b.Locales(), ", ")},
		{"all in Accept-Language is a language value", "/api/codes", []string{"Accept-Language", "all"}, export.NewCatalogue[messages.Code](b, "all"), b.Match("all")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target, tt.header...)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got, want := body(t, res), exported(t, tt.want); got != want {
				t.Errorf("body differs from huiyan export:\n got %.200s\nwant %.200s", got, want)
			}
			if got := res.Header.Get("Content-Language"); got != tt.lang {
				t.Errorf("Content-Language %q, want %q", got, tt.lang)
			}
			if got := res.Header.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type %q", got)
			}
		})
	}
}

func TestAPICodeIsLookup(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	tests := []struct {
		name   string
		target string
		header []string
		code   messages.Code
		lang   string // as Localize takes it
		known  bool
	}{
		{"known code", "/api/codes/655?lang=en-US", nil, 655, "en-US", true},
		{"WeChat value", "/api/codes/604?lang=zh_CN", nil, 604, "zh_CN", true},
		{"Accept-Language", "/api/codes/604", []string{"Accept-Language", "en-GB,en;q=0.9"}, 604, "en-GB,en;q=0.9", true},
		{"zero", "/api/codes/0?lang=en", nil, 0, "en", true},
		{"unknown code of a category", "/api/codes/699?lang=en", nil, 699, "en", false},
		{"unknown code out of every range", "/api/codes/1001?lang=en", nil, 1001, "en", false},
		{"negative code", "/api/codes/-5?lang=en", nil, -5, "en", false},
		{"leading zero", "/api/codes/0655?lang=en", nil, 655, "en", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target, tt.header...)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			got := body(t, res)
			if want := exported(t, b.Localize(tt.code, tt.lang)); got != want {
				t.Errorf("body differs from huiyan lookup -format json:\n got %s\nwant %s", got, want)
			}
			var m struct{ Known bool }
			if err := json.Unmarshal([]byte(got), &m); err != nil {
				t.Fatal(err)
			}
			if m.Known != tt.known {
				t.Errorf("known = %v, want %v", m.Known, tt.known)
			}
			if got, want := res.Header.Get("Content-Language"), b.Match(tt.lang); got != want {
				t.Errorf("Content-Language %q, want %q", got, want)
			}
		})
	}
}

// TestAPICodeAll asks for a code in every locale: what huiyan lookup
// -lang all -format json prints, with the code's table named first.
func TestAPICodeAll(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	tests := []struct {
		name, target, table string
		want                export.Compared
	}{
		{"655", "/api/codes/655?lang=all", "huiyan", export.NewCompared(b, messages.Code(655))},
		{"699, not in the table", "/api/codes/699?lang=all", "huiyan", export.NewCompared(b, messages.Code(699))},
		{"-5", "/api/codes/-5?lang=all", "huiyan", export.NewCompared(b, messages.Code(-5))},
		{"FaceID 302", "/api/codes/302?lang=all&table=faceid", "faceid", export.NewCompared(b, faceid.IDCardExpired)},
		{"FaceID 2016, billed", "/api/codes/2016?table=faceid&lang=all", "faceid", export.NewCompared(b, faceid.SimilarityTooLow)},
		{"FaceID 1299, not in the table", "/api/codes/1299?lang=all&table=faceid", "faceid", export.NewCompared(b, faceid.Code(1299))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target)
			want := `{"table":"` + tt.table + `",` + strings.TrimPrefix(exported(t, tt.want), "{")
			got := body(t, res)
			if got != want {
				t.Errorf("body is not the code's side-by-side row with its table:\n got %s\nwant %s", got, want)
			}
			if lookup := exported(t, export.LookupAll{Table: tt.table, Compared: tt.want}); got != lookup {
				t.Errorf("body differs from huiyan lookup -lang all -format json:\n got %s\nwant %s", got, lookup)
			}
			if got, want := res.Header.Get("Content-Language"), strings.Join(b.Locales(), ", "); got != want {
				t.Errorf("Content-Language %q, want %q", got, want)
			}
		})
	}
}

func TestAPINotACode(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name string
		path string
		echo string // what must not come back
	}{
		{"word", "/api/codes/abc", "abc"},
		{"decimal", "/api/codes/6.5", "6.5"},
		{"markup", "/api/codes/%3Cscript%3E", "<script>"},
		{"too large", "/api/codes/99999999999999999999999", "99999999999999999999999"},
		{"space", "/api/codes/%20123", " 123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.path)
			if res.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != "application/problem+json" {
				t.Errorf("Content-Type %q", got)
			}
			raw := body(t, res)
			var p map[string]any
			if err := json.Unmarshal([]byte(raw), &p); err != nil {
				t.Fatalf("%v: %s", err, raw)
			}
			keys := []string{}
			for k := range p {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if want := []string{"detail", "status", "title", "type"}; !slices.Equal(keys, want) {
				t.Errorf("keys %v, want %v", keys, want)
			}
			if p["status"] != float64(400) || p["title"] != "Bad Request" {
				t.Errorf("problem %v", p)
			}
			if strings.Contains(raw, tt.echo) {
				t.Errorf("the problem echoes the request: %s", raw)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	h := New(huiyan.Default())
	for _, target := range []string{"/", "/?lang=all", "/codes/655", "/codes/x", "/api/codes", "/api/codes/655", "/api/codes/x", "/static/style.css"} {
		t.Run(target, func(t *testing.T) {
			res := get(t, h, target)
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			csp := res.Header.Get("Content-Security-Policy")
			for _, d := range []string{"default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, d) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, d)
				}
			}
			if res.StatusCode == http.StatusOK {
				if got := res.Header.Get("Cache-Control"); got != "no-cache" {
					t.Errorf("Cache-Control %q", got)
				}
				if res.Header.Get("ETag") == "" {
					t.Error("no ETag")
				}
			}
		})
	}
}

func TestETag(t *testing.T) {
	h := New(huiyan.Default())
	etag := get(t, h, "/api/codes?lang=en").Header.Get("ETag")
	tests := []struct {
		name        string
		target      string
		ifNoneMatch string
		want        int
	}{
		{"same ETag", "/api/codes?lang=en", etag, http.StatusNotModified},
		{"weak form", "/api/codes?lang=en", "W/" + etag, http.StatusNotModified},
		{"in a list", "/api/codes?lang=en", `"x", ` + etag, http.StatusNotModified},
		{"star", "/api/codes?lang=en", "*", http.StatusNotModified},
		{"another language", "/api/codes?lang=zh", etag, http.StatusOK},
		{"another ETag", "/api/codes?lang=en", `"x"`, http.StatusOK},
		{"a code", "/api/codes/655?lang=en", etag, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target, "If-None-Match", tt.ifNoneMatch)
			if res.StatusCode != tt.want {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.want)
			}
			if tt.want == http.StatusNotModified {
				if b := body(t, res); b != "" {
					t.Errorf("304 with a body: %q", b)
				}
				if res.Header.Get("ETag") != etag {
					t.Errorf("304 with ETag %q, want %q", res.Header.Get("ETag"), etag)
				}
			}
		})
	}
}

// TestETagFollowsTheCatalogue edits a watched directory: the ETag of the
// texts that changed changes, and that of the others does not.
func TestETagFollowsTheCatalogue(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "en-US.toml")
	write := func(user string) {
		t.Helper()
		if err := os.WriteFile(file, []byte("[655]\nuser = \""+user+"\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Step back a little.")
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := New(w)
	tag := func(target string) string { return get(t, h, target).Header.Get("ETag") }
	before := map[string]string{}
	targets := []string{"/api/codes?lang=en", "/api/codes?lang=zh", "/api/codes/655?lang=en", "/api/codes/604?lang=en", "/?lang=en"}
	for _, target := range targets {
		before[target] = tag(target)
	}
	write("Please step back a little.")
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target  string
		changes bool
	}{
		{"/api/codes?lang=en", true},
		{"/api/codes?lang=zh", false},
		{"/api/codes/655?lang=en", true},
		{"/api/codes/604?lang=en", false},
		{"/?lang=en", true},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			if changed := tag(tt.target) != before[tt.target]; changed != tt.changes {
				t.Errorf("ETag changed: %v, want %v", changed, tt.changes)
			}
		})
	}
}
