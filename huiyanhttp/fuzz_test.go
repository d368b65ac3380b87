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
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// FuzzWriteProblem sends what a client controls, the lang parameter and
// the three headers read, with any code: the answer is always the answer
// of that code (success for 0, else a problem) whose Content-Language is
// the locale of its title, and never panics.
func FuzzWriteProblem(f *testing.F) {
	f.Add("zh_CN", "", "", "", 655)
	f.Add("xx-garbage!!", "en", "", "", 699)
	f.Add("", "*", "zh-HK,zh-Hant;q=0.9,en;q=0.8", "", 305)
	f.Add("", "", "en;q=NaN,,;;", "MicroMessenger/8.0.40 NetType/WIFI Language/zh_HK ABI/arm64", -1)
	f.Add("%zz", "und", "*", "MicroMessenger/ Language/", 1<<40)
	f.Add("zh_TW", "", "", "", 0)
	b := huiyan.Default()
	h := huiyanhttp.Middleware(b, quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("code"))
		huiyanhttp.WriteProblem(w, r, messages.Code(n))
	}))
	f.Fuzz(func(t *testing.T, lang, xLang, accept, ua string, n int) {
		code := messages.Code(n)
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.RawQuery = "lang=" + url.QueryEscape(lang) + "&code=" + strconv.Itoa(n)
		for name, v := range map[string]string{"X-Lang": xLang, "Accept-Language": accept, "User-Agent": ua} {
			if v != "" {
				r.Header.Set(name, v)
			}
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var p struct {
			Code  int
			Title string
		}
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Code != n || p.Title == "" {
			t.Fatalf("body %q: %v", w.Body.String(), err)
		}
		if w.Code != code.HTTPStatus() || !slices.Contains(b.Locales(), w.Header().Get("Content-Language")) {
			t.Fatalf("%d %v", w.Code, w.Header())
		}
		if m := b.Localize(code, huiyanhttp.Language(r)); p.Title != m.User || w.Header().Get("Content-Language") != m.Lang {
			t.Fatalf("title %q in %s; the user text is %q in %s", p.Title, w.Header().Get("Content-Language"), m.User, m.Lang)
		}
		if got := huiyanhttp.Language(r); got != "" && got != lang && got != r.Header.Get("X-Lang") &&
			got != r.Header.Get("Accept-Language") && !strings.Contains(r.Header.Get("User-Agent"), " Language/"+got) {
			t.Fatalf("Language = %q: not a value of the request", got)
		}
	})
}
