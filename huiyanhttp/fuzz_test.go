package huiyanhttp_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// FuzzWriteProblem sends what a client controls, the lang parameter and
// the three headers read, with any code of either table: the answer is
// always the answer of that code (success for 0, else a problem) whose
// Content-Language is the locale of its title, and never panics.
func FuzzWriteProblem(f *testing.F) {
	f.Add("zh_CN", "", "", "", 655, false)
	f.Add("xx-garbage!!", "en", "", "", 699, false)
	f.Add("", "*", "zh-HK,zh-Hant;q=0.9,en;q=0.8", "", 305, false)
	f.Add("", "", "en;q=NaN,,;;", "MicroMessenger/8.0.40 NetType/WIFI Language/zh_HK ABI/arm64", -1, false)
	f.Add("%zz", "und", "*", "MicroMessenger/ Language/", 1<<40, false)
	f.Add("zh_TW", "", "", "", 0, false)
	f.Add("en", "", "", "", 302, true)
	f.Add("", "", "zh-TW", "", 1299, true)
	f.Add("zh_HK", "", "", "", 0, true)
	f.Add("", "", "", "", -1<<40, true)
	b := huiyan.Default()
	h := huiyanhttp.Middleware(b, quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("code"))
		if r.URL.Query().Has("faceid") {
			huiyanhttp.WriteProblem(w, r, faceid.Code(n))
			return
		}
		huiyanhttp.WriteProblem(w, r, messages.Code(n))
	}))
	f.Fuzz(func(t *testing.T, lang, xLang, accept, ua string, n int, faceID bool) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.RawQuery = "lang=" + url.QueryEscape(lang) + "&code=" + strconv.Itoa(n)
		if faceID {
			r.URL.RawQuery += "&faceid"
		}
		for name, v := range map[string]string{"X-Lang": xLang, "Accept-Language": accept, "User-Agent": ua} {
			if v != "" {
				r.Header.Set(name, v)
			}
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var p struct {
			Table string
			Code  int
			Title string
		}
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Code != n || p.Title == "" {
			t.Fatalf("body %q: %v", w.Body.String(), err)
		}
		table, status, m := "huiyan", messages.Code(n).HTTPStatus(), b.Localize(messages.Code(n), huiyanhttp.Language(r))
		if faceID {
			fm := huiyan.LocalizeWith(b, faceid.Code(n), huiyanhttp.Language(r), nil)
			table, status, m.User, m.Lang = "faceid", faceid.Code(n).HTTPStatus(), fm.User, fm.Lang
		}
		if w.Code != status || p.Table != table || !slices.Contains(b.Locales(), w.Header().Get("Content-Language")) {
			t.Fatalf("%d %s %v", w.Code, p.Table, w.Header())
		}
		if p.Title != m.User || w.Header().Get("Content-Language") != m.Lang {
			t.Fatalf("title %q in %s; the user text is %q in %s", p.Title, w.Header().Get("Content-Language"), m.User, m.Lang)
		}
		if got := huiyanhttp.Language(r); got != "" && got != lang && got != r.Header.Get("X-Lang") &&
			got != r.Header.Get("Accept-Language") && !strings.Contains(r.Header.Get("User-Agent"), " Language/"+got) {
			t.Fatalf("Language = %q: not a value of the request", got)
		}
	})
}
