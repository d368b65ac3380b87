package huiyanhttp_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// member is a code of the identity group: its table and its code.
type member struct {
	table string
	code  int
}

// query is the query of codeServer that answers m.
func (m member) query() string { return fmt.Sprintf("table=%s&code=%d", m.table, m.code) }

// identityGroup is the group that WithUniformIdentity answers alike: the
// Huiyan table's members, then the FaceID table's.
func identityGroup() []member {
	var group []member
	for _, c := range locales.UniformIdentityCodes() {
		group = append(group, member{"huiyan", c})
	}
	for _, c := range locales.FaceIDUniformIdentityCodes() {
		group = append(group, member{"faceid", c})
	}
	return group
}

// uniformLayer is the layer's bundle: the texts a caller is to read.
var uniformLayer = mustBundle(locales.FS, locales.UniformIdentity)

// codeServer answers each request with WriteResult of its code query
// parameter, a FaceID code with table=faceid, and fields when the request
// has a fields parameter.
func codeServer(loc huiyan.Source, opts ...huiyanhttp.Option) http.Handler {
	opts = append([]huiyanhttp.Option{quiet}, opts...)
	return huiyanhttp.Middleware(loc, opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(r.URL.Query().Get("code"), &code)
		var fields any
		if r.URL.Query().Has("fields") {
			fields = map[string]string{"orderId": "A-1024"}
		}
		if r.URL.Query().Get("table") == "faceid" {
			huiyanhttp.WriteResult(w, r, faceid.Code(code), fields)
			return
		}
		huiyanhttp.WriteResult(w, r, messages.Code(code), fields)
	}))
}

// answer is what a caller can read of a response.
type answer struct {
	status int
	header http.Header
	body   string
}

func answerOf(w *httptest.ResponseRecorder) answer {
	return answer{w.Code, w.Header(), w.Body.String()}
}

func (a answer) equal(b answer) bool {
	return a.status == b.status && equalHeaders(a.header, b.header) && a.body == b.body
}

// requests are ways of asking, in every shipped locale and in one that
// falls back.
var requests = []struct {
	name    string
	query   string
	headers []string
}{
	{"mini-program zh_CN", "lang=zh_CN", nil},
	{"mini-program zh_TW", "lang=zh_TW", nil},
	{"mini-program zh_HK", "lang=zh_HK", nil},
	{"mini-program en", "lang=en", nil},
	{"Accept-Language ja", "", []string{"Accept-Language", "ja,en;q=0.8"}},
	{"X-Lang zh-Hant", "", []string{"X-Lang", "zh-Hant"}},
	{"WeChat User-Agent", "", []string{"User-Agent", weChat}},
	{"nothing", "", nil},
	{"with fields", "lang=en&fields", nil},
}

// TestUniformIdentity checks that every member of the identity group gets
// the same answer, byte for byte, headers and status included, for the
// same request: 826's, with the layer's user text. Without the option the
// members are told apart, as before.
func TestUniformIdentity(t *testing.T) {
	group := identityGroup()
	for _, rq := range requests {
		t.Run(rq.name, func(t *testing.T) {
			uniform := codeServer(huiyan.Default(), huiyanhttp.WithUniformIdentity())
			plain := codeServer(huiyan.Default())
			var first answer
			bodies := map[string]bool{}
			for i, m := range group {
				target := "/?" + m.query() + "&" + rq.query
				got := answerOf(get(uniform, target, rq.headers...))
				bodies[get(plain, target, rq.headers...).Body.String()] = true
				if i == 0 {
					first = got
					continue
				}
				if !got.equal(first) {
					t.Errorf("%v answers\n%d %v %s\nwhere %v answers\n%d %v %s", m, got.status, got.header, got.body, group[0], first.status, first.header, first.body)
				}
			}
			if len(bodies) < len(group) {
				t.Errorf("without the option %d members answer alike: the test cannot fail", len(group)-len(bodies)+1)
			}
			var p struct {
				Title string
				Table string
				Code  int
				Name  string
			}
			if err := json.Unmarshal([]byte(first.body), &p); err != nil {
				t.Fatalf("%v: %s", err, first.body)
			}
			lang := first.header.Get("Content-Language")
			want := uniformLayer.Localize(messages.IdentityInvalid, lang)
			if p.Table != "huiyan" || p.Code != 826 || p.Name != "IdentityInvalid" || first.status != 422 || p.Title != want.User || want.Lang != lang {
				t.Errorf("answer %d %s (%s), want 826 IdentityInvalid with the layer's %s text %q", first.status, first.body, lang, want.Lang, want.User)
			}
		})
	}
}

// TestUniformIdentityOthers checks that the option changes the answer of
// no code outside the group, of either table, in it or not.
func TestUniformIdentityOthers(t *testing.T) {
	var codes []member
	for _, c := range append(messages.All(), 699, 709, 828, 1001, 2005, -1) {
		codes = append(codes, member{"huiyan", int(c)})
	}
	for _, c := range append(faceid.All(), 701, 826, 1299, 2018, 2999, -1) {
		codes = append(codes, member{"faceid", int(c)})
	}
	uniform := codeServer(huiyan.Default(), huiyanhttp.WithUniformIdentity())
	plain := codeServer(huiyan.Default())
	for _, m := range codes {
		if slices.Contains(identityGroup(), m) {
			continue
		}
		for _, rq := range requests {
			target := "/?" + m.query() + "&" + rq.query
			got, want := answerOf(get(uniform, target, rq.headers...)), answerOf(get(plain, target, rq.headers...))
			if !got.equal(want) {
				t.Errorf("%v, %s: the option changed the answer\n%s\nwant\n%s", m, rq.name, got.body, want.body)
			}
		}
	}
}

// TestUniformIdentityOperators checks that the real code reaches the
// operator: in the log line, beside the code answered, and in the Result
// that observers count.
func TestUniformIdentityOperators(t *testing.T) {
	for _, m := range identityGroup() {
		var buf bytes.Buffer
		var rec recorder
		h := codeServer(huiyan.Default(), huiyanhttp.WithUniformIdentity(),
			huiyanhttp.WithLogger(slog.New(slog.NewJSONHandler(&buf, nil))), huiyanhttp.WithObserver(&rec))
		w := get(h, "/?"+m.query()+"&lang=zh_CN")
		var line struct {
			Status        int
			AnsweredTable *string `json:"answered_table"`
			AnsweredCode  *int    `json:"answered_code"`
			Huiyan        map[string]any
		}
		if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
			t.Fatalf("%v: %s", err, buf.String())
		}
		want := huiyanhttp.Result{Table: m.table, Code: fmt.Sprint(m.code), Status: 422, Lang: "zh-CN"}
		var title string
		if m.table == "faceid" {
			c := faceid.Code(m.code)
			title, want.Name, want.Category, want.Billed = huiyan.LocalizeWith(nil, c, "en-US", nil).Title, c.String(), c.Section(), c.Billed()
		} else {
			c := messages.Code(m.code)
			title, want.Name, want.Category = huiyan.Localize(c, "en-US").Title, c.String(), c.Category().String()
		}
		if line.Huiyan["table"] != m.table || line.Huiyan["code"] != float64(m.code) || line.Huiyan["name"] != want.Name || line.Huiyan["title"] != title || line.Status != w.Code {
			t.Errorf("%v: logged %s, want the table, the code, its name and title %q", m, buf.String(), title)
		}
		if m == (member{"huiyan", 826}) {
			if line.AnsweredCode != nil || line.AnsweredTable != nil {
				t.Errorf("826 logged with answered_code: %s", buf.String())
			}
		} else if line.AnsweredCode == nil || *line.AnsweredCode != 826 || line.AnsweredTable == nil || *line.AnsweredTable != "huiyan" {
			t.Errorf("%v: logged %s, want answered_table huiyan and answered_code 826", m, buf.String())
		}
		if len(rec.results) != 1 || rec.results[0] != want {
			t.Errorf("%v: observed %+v, want %+v", m, rec.results, want)
		}
	}
}

// TestUniformIdentityDeployment checks the group against a deployment's
// texts, as a Watcher reloads them: an override of one member's user text
// does not set it apart; a locale of the deployment's own that lacks 826
// answers every member in the reader's next language, and after a reload
// that gives it 826, in its own.
func TestUniformIdentityDeployment(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("en-US.toml", "[701]\nuser = \"This ID number is not on record.\"\n")
	write("ja-JP.toml", "[704]\nuser = \"証明写真が登録されていません。\"\n")
	write("faceid.en-US.toml", "[2005]\nuser = \"This identity is not on record.\"\n")
	write("faceid.ja-JP.toml", "[2007]\nuser = \"証明写真が登録されていません。\"\n")
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{Interval: time.Hour, OnError: func(err error) { t.Error(err) }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	h := codeServer(w, huiyanhttp.WithUniformIdentity())
	check := func(accept, lang, title string) {
		t.Helper()
		var first answer
		for i, m := range identityGroup() {
			got := answerOf(get(h, "/?"+m.query(), "Accept-Language", accept))
			if i == 0 {
				first = got
			} else if !got.equal(first) {
				t.Errorf("%s: %v answers %v %s, where %v answers %v %s", accept, m, got.header, got.body, identityGroup()[0], first.header, first.body)
			}
		}
		var p struct{ Title string }
		json.Unmarshal([]byte(first.body), &p)
		if got := first.header.Get("Content-Language"); got != lang || p.Title != title {
			t.Errorf("%s: %s %q, want %s %q", accept, got, p.Title, lang, title)
		}
	}
	en := uniformLayer.Localize(messages.IdentityInvalid, "en-US").User
	check("en", "en-US", en)
	check("ja,en;q=0.5", "en-US", en)

	write("ja-JP.toml", "[704]\nuser = \"証明写真が登録されていません。\"\n\n[826]\nuser = \"氏名と身分証番号を確認できませんでした。\"\n")
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	check("ja,en;q=0.5", "ja-JP", "氏名と身分証番号を確認できませんでした。")
	check("en", "en-US", en)
}

// TestUniformIdentityLocalize checks Localize under the option: a
// member's own code and operator texts, and the group's user text, for a
// member of either table.
func TestUniformIdentityLocalize(t *testing.T) {
	b := mustBundle(locales.FS, fstest.MapFS{
		"ja-JP.toml":        {Data: []byte("[704]\nuser = \"証明写真が登録されていません。\"\n")},
		"faceid.ja-JP.toml": {Data: []byte("[2007]\nuser = \"証明写真が登録されていません。\"\n")},
	})
	for _, accept := range []string{"zh-HK", "en", "ja"} {
		var got huiyan.Message
		var gotFaceID huiyan.MessageOf[faceid.Code]
		h := huiyanhttp.Middleware(b, huiyanhttp.WithUniformIdentity())(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			got = huiyanhttp.Localize(r.Context(), messages.IdentityPhotoNotFound)
			gotFaceID = huiyanhttp.Localize(r.Context(), faceid.IdentityPhotoNotFound)
		}))
		get(h, "/", "Accept-Language", accept)
		group := uniformLayer.Localize(messages.IdentityInvalid, b.Localize(messages.IdentityInvalid, accept).Lang)
		own := b.Localize(messages.IdentityPhotoNotFound, accept)
		if got.Code != 704 || got.Title != own.Title || got.User != group.User || got.Lang != group.Lang {
			t.Errorf("%s: %+v, want 704's title %q and the group's %s text %q", accept, got, own.Title, group.Lang, group.User)
		}
		ownFaceID := huiyan.LocalizeWith(b, faceid.IdentityPhotoNotFound, accept, nil)
		if gotFaceID.Code != faceid.IdentityPhotoNotFound || gotFaceID.Title != ownFaceID.Title || gotFaceID.User != group.User || gotFaceID.Lang != group.Lang {
			t.Errorf("%s: %+v, want FaceID 2007's title %q and the group's %s text %q", accept, gotFaceID, ownFaceID.Title, group.Lang, group.User)
		}
	}
}

// mustBundle is huiyan.NewBundle for a test's catalogue, which loads.
func mustBundle(fsys ...fs.FS) *huiyan.Bundle {
	b, err := huiyan.NewBundle(fsys...)
	if err != nil {
		panic(err)
	}
	return b
}
