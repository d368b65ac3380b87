package huiyanhttp_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// resultServer answers every request with WriteResult of code and fields.
func resultServer[C messages.TableCode](loc huiyan.Source, code C, fields any, opts ...huiyanhttp.Option) (http.Handler, *error) {
	var err error
	opts = append([]huiyanhttp.Option{quiet}, opts...)
	return huiyanhttp.Middleware(loc, opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err = huiyanhttp.WriteResult(w, r, code, fields)
	})), &err
}

// successBody is the success answer with the user text for lang.
func successBody(b *huiyan.Bundle, lang, extra string) string {
	title, _ := json.Marshal(b.Localize(messages.Success, lang).User)
	return `{"title":` + string(title) + `,"status":200,"table":"huiyan","code":0,"name":"Success"` + extra + "}\n"
}

func TestWriteResultSuccess(t *testing.T) {
	b := huiyan.Default()
	tests := []struct {
		name    string
		target  string
		headers []string
		lang    string // Content-Language
		vary    string
	}{
		{"mini-program zh_CN", "/?lang=zh_CN", nil, "zh-CN", "Accept-Language"},
		{"mini-program en", "/?lang=en", nil, "en-US", "Accept-Language"},
		{"Accept-Language zh-HK", "/", []string{"Accept-Language", "zh-HK,zh;q=0.9"}, "zh-HK", "X-Lang, Accept-Language"},
		{"X-Lang zh-TW", "/", []string{"X-Lang", "zh-TW"}, "zh-TW", "X-Lang, Accept-Language"},
		{"WeChat User-Agent", "/", []string{"User-Agent", weChat}, "zh-CN", "X-Lang, Accept-Language, User-Agent"},
		{"nothing", "/", nil, "zh-CN", "X-Lang, Accept-Language, User-Agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			h, err := resultServer(b, messages.Success, nil, huiyanhttp.WithLogger(slog.New(slog.NewTextHandler(&log, nil))))
			w := get(h, tt.target, tt.headers...)
			if *err != nil {
				t.Errorf("err = %v", *err)
			}
			if w.Code != 200 {
				t.Errorf("status %d", w.Code)
			}
			want := map[string]string{
				"Content-Type":           "application/json",
				"Content-Language":       tt.lang,
				"Vary":                   tt.vary,
				"Cache-Control":          "no-store",
				"X-Content-Type-Options": "nosniff",
			}
			for k, v := range want {
				if got := w.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if want := successBody(b, tt.lang, ""); w.Body.String() != want {
				t.Errorf("body %q, want %q", w.Body.String(), want)
			}
			if log.Len() != 0 {
				t.Errorf("success was logged: %s", log.String())
			}
		})
	}
}

// partialJapanese is a deployment's ja-JP with the text of one code.
var partialJapanese = mustBundle(locales.FS, fstest.MapFS{
	"ja-JP.toml": {Data: []byte("[659]\nuser = \"暗すぎます。明るい場所でもう一度お試しください。\"\n")},
})

// TestWriteResultContentLanguage checks that Content-Language names the
// locale of the user text in the body, also where a deployment's partial
// locale leaves the text to the reader's next language.
func TestWriteResultContentLanguage(t *testing.T) {
	b := partialJapanese
	tests := []struct {
		name   string
		accept string
		code   messages.Code
		lang   string
	}{
		{"ja's own text", "ja,en;q=0.8", messages.LightTooDim, "ja-JP"},
		{"ja lacks it: en", "ja,en;q=0.8", messages.FaceTooClose, "en-US"},
		{"ja lacks it: zh-TW", "ja,zh-TW;q=0.5", messages.FaceTooClose, "zh-TW"},
		{"ja lacks success: en", "ja,en;q=0.8", messages.Success, "en-US"},
		{"ja lacks success: zh-TW", "ja,zh-TW;q=0.5", messages.Success, "zh-TW"},
		{"unknown code: zh-TW", "ja,zh-TW;q=0.5", 699, "zh-TW"},
		{"ja alone", "ja", messages.FaceTooClose, "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := resultServer(b, tt.code, nil)
			w := get(h, "/", "Accept-Language", tt.accept)
			if got := w.Header().Get("Content-Language"); got != tt.lang {
				t.Errorf("Content-Language %q, want %q", got, tt.lang)
			}
			m := b.Localize(tt.code, tt.accept)
			if m.Lang != tt.lang {
				t.Fatalf("the bundle serves %s from %s: the case is wrong", tt.code, m.Lang)
			}
			var got struct{ Title string }
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got.Title != m.User {
				t.Errorf("title %q (%v), want %q", got.Title, err, m.User)
			}
		})
	}
}

// TestWriteResultContentLanguageFaceID checks Content-Language for FaceID
// codes where a deployment's partial locale has the texts of some, also
// where the locale has FaceID texts only.
func TestWriteResultContentLanguageFaceID(t *testing.T) {
	ja := "[1201]\nuser = \"暗すぎます。明るい場所でもう一度お試しください。\"\n"
	both := mustBundle(locales.FS, fstest.MapFS{
		"ja-JP.toml":        {Data: []byte("[659]\nuser = \"暗すぎます。明るい場所でもう一度お試しください。\"\n")},
		"faceid.ja-JP.toml": {Data: []byte(ja)},
	})
	faceIDOnly := mustBundle(locales.FS, fstest.MapFS{"faceid.ja-JP.toml": {Data: []byte(ja)}})
	tests := []struct {
		name   string
		b      *huiyan.Bundle
		accept string
		code   faceid.Code
		lang   string
	}{
		{"ja's own text", both, "ja,en;q=0.8", faceid.LightTooDim, "ja-JP"},
		{"ja lacks it: en", both, "ja,en;q=0.8", faceid.IDCardExpired, "en-US"},
		{"ja lacks it: zh-TW", both, "ja,zh-TW;q=0.5", faceid.IDCardExpired, "zh-TW"},
		{"ja lacks success: zh-TW", both, "ja,zh-TW;q=0.5", faceid.Success, "zh-TW"},
		{"unknown code: zh-TW", both, "ja,zh-TW;q=0.5", 1299, "zh-TW"},
		{"ja of the FaceID table only", faceIDOnly, "ja,en;q=0.8", faceid.LightTooDim, "ja-JP"},
		{"ja of the FaceID table only lacks it", faceIDOnly, "ja,zh-HK;q=0.8", faceid.IDCardExpired, "zh-HK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := resultServer(tt.b, tt.code, nil)
			w := get(h, "/", "Accept-Language", tt.accept)
			if got := w.Header().Get("Content-Language"); got != tt.lang {
				t.Errorf("Content-Language %q, want %q", got, tt.lang)
			}
			m := huiyan.LocalizeWith(tt.b, tt.code, tt.accept, nil)
			if m.Lang != tt.lang {
				t.Fatalf("the bundle serves %s from %s: the case is wrong", tt.code, m.Lang)
			}
			var got struct{ Title string }
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got.Title != m.User {
				t.Errorf("title %q (%v), want %q", got.Title, err, m.User)
			}
		})
	}
}

type order struct {
	ID    string `json:"orderId"`
	Score int    `json:"score,omitempty"`
}

func TestWriteResultFields(t *testing.T) {
	b := huiyan.Default()
	problem655 := strings.TrimSuffix(body(docs+"FaceTooClose", b.Localize(655, "en").User, 422, messages.FaceTooClose, true), "}\n")
	long := strings.Repeat("r", 4096)
	tests := []struct {
		name   string
		code   messages.Code
		fields any
		want   string
	}{
		{"success, struct", 0, order{ID: "A-1", Score: 97}, strings.TrimSuffix(successBody(b, "en", ""), "}\n") + `,"orderId":"A-1","score":97}` + "\n"},
		{"success, map", 0, map[string]any{"verified": true}, successBody(b, "en", `,"verified":true`)},
		{"success, nil map", 0, map[string]any(nil), successBody(b, "en", "")},
		{"success, empty", 0, struct{}{}, successBody(b, "en", "")},
		{"success, raw", 0, json.RawMessage(` { "a" : [1, 2] } `), successBody(b, "en", `,"a":[1,2]`)},
		{"problem", 655, order{ID: "A-2"}, problem655 + `,"orderId":"A-2"}` + "\n"},
		{"escaped", 0, map[string]string{"note": "<b>&"}, successBody(b, "en", `,"note":"\u003cb\u003e\u0026"`)},
		{"larger than the answer", 655, map[string]string{"receipt": long}, problem655 + `,"receipt":"` + long + `"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := resultServer(b, tt.code, tt.fields)
			w := get(h, "/?lang=en")
			if *err != nil {
				t.Errorf("err = %v", *err)
			}
			if w.Code != tt.code.HTTPStatus() || w.Body.String() != tt.want {
				t.Errorf("%d %s\nwant %s", w.Code, w.Body.String(), tt.want)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Errorf("invalid JSON: %s", w.Body.String())
			}
		})
	}
}

// TestWriteResultBadFields checks that fields that make no answer get a
// 500, an error and a log line: never an empty 200, never a panic.
func TestWriteResultBadFields(t *testing.T) {
	tests := []struct {
		name   string
		code   messages.Code
		fields any
		err    string
	}{
		{"array", 0, []int{1}, "not an array"},
		{"string", 655, "hello", "not a string"},
		{"number", 0, 42, "not a number"},
		{"boolean", 0, true, "not a boolean"},
		{"reserved title", 0, map[string]string{"title": "Welcome back"}, `"title"`},
		{"reserved code", 655, map[string]int{"code": 0}, `"code"`},
		{"reserved table", 655, map[string]string{"table": "faceid"}, `"table"`},
		{"reserved type", 0, struct {
			T string `json:"type"`
		}{"x"}, `"type"`},
		{"does not marshal", 0, map[string]any{"c": make(chan int)}, "unsupported type"},
		{"NaN", 0, map[string]float64{"x": math.NaN()}, "unsupported value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			h, err := resultServer(huiyan.Default(), tt.code, tt.fields, huiyanhttp.WithLogger(slog.New(slog.NewTextHandler(&log, nil))))
			w := get(h, "/?lang=en")
			if *err == nil || !strings.Contains((*err).Error(), tt.err) || !strings.HasPrefix((*err).Error(), "huiyanhttp: ") {
				t.Errorf("err = %v, want one that says %s", *err, tt.err)
			}
			if w.Code != 500 || w.Header().Get("Content-Type") != "application/problem+json" || !json.Valid(w.Body.Bytes()) {
				t.Errorf("%d %v %s", w.Code, w.Header(), w.Body.String())
			}
			if !strings.Contains(log.String(), "level=ERROR") {
				t.Errorf("not logged as an error: %s", log.String())
			}
		})
	}
}

// recorder is an Observer that keeps what it is told.
type recorder struct {
	mu      sync.Mutex
	results []huiyanhttp.Result
}

func (o *recorder) ObserveResult(r huiyanhttp.Result) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.results = append(o.results, r)
}

func TestWithObserver(t *testing.T) {
	tests := []struct {
		name   string
		code   messages.Code
		fields any
		target string
		want   huiyanhttp.Result
	}{
		{"success", 0, nil, "/?lang=zh_CN", huiyanhttp.Result{Table: "huiyan", Code: "0", Name: "Success", Category: "general", Status: 200, Lang: "zh-CN"}},
		{"known", 655, nil, "/?lang=en", huiyanhttp.Result{Table: "huiyan", Code: "655", Name: "FaceTooClose", Category: "liveness", Status: 422, Lang: "en-US"}},
		{"general", 8, nil, "/?lang=zh_TW", huiyanhttp.Result{Table: "huiyan", Code: "8", Name: "SystemError", Category: "general", Status: 503, Lang: "zh-TW"}},
		{"unknown liveness", 699, nil, "/?lang=en", huiyanhttp.Result{Table: "huiyan", Code: "other", Name: "Unknown", Category: "liveness", Status: 422, Lang: "en-US"}},
		{"unknown general", 1234, nil, "/?lang=en", huiyanhttp.Result{Table: "huiyan", Code: "other", Name: "Unknown", Category: "general", Status: 422, Lang: "en-US"}},
		{"negative", -3, nil, "/?lang=en", huiyanhttp.Result{Table: "huiyan", Code: "other", Name: "Unknown", Category: "general", Status: 422, Lang: "en-US"}},
		{"huge", messages.Code(math.MaxInt), nil, "/?lang=en", huiyanhttp.Result{Table: "huiyan", Code: "other", Name: "Unknown", Category: "general", Status: 422, Lang: "en-US"}},
		{"bad fields", 655, []int{1}, "/?lang=en", huiyanhttp.Result{Table: "huiyan", Code: "655", Name: "FaceTooClose", Category: "liveness", Status: 500}},
		{"partial locale", 655, nil, "/?lang=ja", huiyanhttp.Result{Table: "huiyan", Code: "655", Name: "FaceTooClose", Category: "liveness", Status: 422, Lang: "en-US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkObserved(t, tt.code, tt.fields, tt.target, tt.want)
		})
	}
}

// TestWithObserverFaceID checks the Results of FaceID codes: their table,
// whether Tencent bills them, and a code outside the table folded by
// section.
func TestWithObserverFaceID(t *testing.T) {
	tests := []struct {
		name   string
		code   faceid.Code
		fields any
		target string
		want   huiyanhttp.Result
	}{
		{"success, billed", faceid.Success, nil, "/?lang=zh_CN", huiyanhttp.Result{Table: "faceid", Code: "0", Name: "Success", Category: "system", Billed: true, Status: 200, Lang: "zh-CN"}},
		{"302, not the Huiyan 302", faceid.IDCardExpired, nil, "/?lang=en", huiyanhttp.Result{Table: "faceid", Code: "302", Name: "IDCardExpired", Category: "id_card", Status: 422, Lang: "en-US"}},
		{"billed failure", faceid.SimilarityTooLow, nil, "/?lang=zh_HK", huiyanhttp.Result{Table: "faceid", Code: "2016", Name: "SimilarityTooLow", Category: "image_comparison", Billed: true, Status: 422, Lang: "zh-HK"}},
		{"billed, bad fields", faceid.SuspectedSpoofRecording, []int{1}, "/?lang=en", huiyanhttp.Result{Table: "faceid", Code: "1002", Name: "SuspectedSpoofRecording", Category: "liveness", Billed: true, Status: 500}},
		{"service error", faceid.DataSourceUpgrading, nil, "/?lang=en", huiyanhttp.Result{Table: "faceid", Code: "2017", Name: "DataSourceUpgrading", Category: "image_comparison", Status: 503, Lang: "en-US"}},
		{"unknown action liveness", 1299, nil, "/?lang=en", huiyanhttp.Result{Table: "faceid", Code: "other", Name: "Unknown", Category: "liveness_action", Status: 422, Lang: "en-US"}},
		{"unknown, outside every section", 1 << 20, nil, "/?lang=en", huiyanhttp.Result{Table: "faceid", Code: "other", Name: "Unknown", Category: "system", Status: 422, Lang: "en-US"}},
		{"negative", -2016, nil, "/?lang=en", huiyanhttp.Result{Table: "faceid", Code: "other", Name: "Unknown", Category: "system", Status: 422, Lang: "en-US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkObserved(t, tt.code, tt.fields, tt.target, tt.want)
		})
	}
}

// checkObserved answers code with fields at target, with two observers,
// and checks that each was told want once.
func checkObserved[C messages.TableCode](t *testing.T, code C, fields any, target string, want huiyanhttp.Result) {
	t.Helper()
	var a, b recorder
	h, _ := resultServer(partialJapanese, code, fields, huiyanhttp.WithObserver(&a), huiyanhttp.WithObserver(nil), huiyanhttp.WithObserver(&b))
	w := get(h, target)
	for _, o := range []*recorder{&a, &b} {
		if len(o.results) != 1 || o.results[0] != want {
			t.Errorf("observed %+v, want %+v once", o.results, want)
		}
	}
	if want.Lang != "" && w.Header().Get("Content-Language") != want.Lang {
		t.Errorf("Content-Language %q; observed %q", w.Header().Get("Content-Language"), want.Lang)
	}
}

// TestWithObserverOptionsApart checks that an option shared by two
// Middlewares adds its observer to each, and nothing to the other.
func TestWithObserverOptionsApart(t *testing.T) {
	var a, b recorder
	opt := huiyanhttp.WithObserver(&a)
	h1, _ := resultServer(huiyan.Default(), messages.FaceTooClose, nil, opt)
	h2, _ := resultServer(huiyan.Default(), messages.FaceTooClose, nil, opt, huiyanhttp.WithObserver(&b))
	get(h1, "/")
	get(h2, "/")
	if len(a.results) != 2 || len(b.results) != 1 {
		t.Errorf("observed %d and %d, want 2 and 1", len(a.results), len(b.results))
	}
}
