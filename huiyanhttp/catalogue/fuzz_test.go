package catalogue

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/huiyan-i18n/huiyan"
)

// FuzzHandler serves any path, query and Accept-Language: the handler
// answers with a status it documents, never panics, and never echoes a
// code that is not one.
func FuzzHandler(f *testing.F) {
	f.Add("/", "lang=en-US&q=face", "en")
	f.Add("/", "q=%3Cscript%3E&cat=sms", "zh-CN,zh;q=0.9")
	f.Add("/codes/655", "lang=all", "")
	f.Add("/codes/x", "", "")
	f.Add("/api/codes", "lang=all", "")
	f.Add("/api/codes/-5", "lang=zh_CN", "")
	f.Add("/api/codes/abc", "lang=%FF", "\xff")
	f.Add("/", "table=faceid&q=302", "en")
	f.Add("/codes/302", "table=faceid&lang=all", "")
	f.Add("/api/codes/302", "table=face%FFid", "")
	f.Add("/api/codes", "table=faceid&lang=all", "")
	f.Add("", "", "")
	f.Add("static/style.css", "v=1", "")
	h := New(huiyan.Default())
	f.Fuzz(func(t *testing.T, path, query, accept string) {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = path
		req.URL.RawQuery = query
		req.Header.Set("Accept-Language", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusMovedPermanently, http.StatusBadRequest, http.StatusNotFound, http.StatusMethodNotAllowed:
		default:
			t.Fatalf("%q?%q: status %d", path, query, rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); strings.HasPrefix(ct, "text/html") && !utf8.Valid(rec.Body.Bytes()) {
			t.Errorf("%q?%q: the page is not UTF-8", path, query)
		}
		if code, ok := strings.CutPrefix(path, "/api/codes/"); ok && rec.Code == http.StatusBadRequest && len(code) > 3 && strings.Contains(rec.Body.String(), code) {
			t.Errorf("%q: the problem echoes the code", path)
		}
	})
}
