package huiyanhttp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

const (
	docs       = "https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#"
	faceidDocs = "https://pkg.go.dev/github.com/huiyan-i18n/huiyan/faceid#"
)

// quiet keeps the problems out of the test output.
var quiet = huiyanhttp.WithLogger(slog.New(slog.DiscardHandler))

// problemServer answers every request with the problem of code.
func problemServer[C messages.TableCode](code C, opts ...huiyanhttp.Option) http.Handler {
	opts = append([]huiyanhttp.Option{quiet}, opts...)
	return huiyanhttp.Middleware(huiyan.Default(), opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		huiyanhttp.WriteProblem(w, r, code)
	}))
}

// get serves a GET of target with the headers, given as name, value pairs.
func get(h http.Handler, target string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// body is the problem body that WriteProblem is to write.
func body[C messages.TableCode](typ, title string, status int, code C, retryable bool) string {
	quote := func(s string) string { q, _ := json.Marshal(s); return string(q) } // JSON's escaping, as the body's
	tbl := code.Table()
	return `{"type":` + quote(typ) + `,"title":` + quote(title) + `,"status":` + strconv.Itoa(status) +
		`,"table":"` + tbl.Name() + `","code":` + strconv.Itoa(int(code)) + `,"name":"` + code.String() +
		`","category":"` + tbl.Categories()[tbl.CategoryOf(int(code))].Key +
		`","retryable":` + strconv.FormatBool(retryable) + "}\n"
}

func TestWriteProblem(t *testing.T) {
	b := huiyan.Default()
	sms5 := huiyan.LocalizeWith(b, messages.SMSCodeExpired, "en", map[string]int{"Minutes": 5}).User
	if !strings.Contains(sms5, "5 minutes") {
		t.Fatalf("305 with Minutes=5 reads %q", sms5)
	}
	face := func(code faceid.Code, lang string) string { return huiyan.LocalizeWith(b, code, lang, nil).User }
	ops := huiyanhttp.WithTypeBase("https://ops.example.com/huiyan/codes/")
	tests := []struct {
		name    string
		h       http.Handler
		target  string
		headers []string
		status  int
		lang    string
		vary    string
		body    string
	}{
		{
			name: "known code", h: problemServer(messages.FaceTooClose), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body(docs+"FaceTooClose", b.Localize(655, "en").User, 422, messages.FaceTooClose, true),
		},
		{
			name: "known code, Chinese by Accept-Language", h: problemServer(messages.LightTooDim), target: "/",
			headers: []string{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"},
			status:  422, lang: "zh-CN", vary: "X-Lang, Accept-Language",
			body: body(docs+"LightTooDim", b.Localize(659, "zh-CN").User, 422, messages.LightTooDim, true),
		},
		{
			name: "unknown code", h: problemServer(messages.Code(699)), target: "/?lang=zh_CN",
			status: 422, lang: "zh-CN", vary: "Accept-Language",
			body: body(docs+"Liveness", b.Localize(699, "zh-CN").User, 422, messages.Code(699), false),
		},
		{
			name: "unknown general code", h: problemServer(messages.Code(1001)), target: "/",
			headers: []string{"User-Agent", "MicroMessenger/8.0.40 NetType/WIFI Language/en"},
			status:  422, lang: "en-US", vary: "X-Lang, Accept-Language, User-Agent",
			body: body(docs+"General", b.Localize(1001, "en").User, 422, messages.Code(1001), false),
		},
		{
			name: "code with parameters, defaults", h: problemServer(messages.SMSCodeExpired), target: "/",
			headers: []string{"X-Lang", "en"},
			status:  410, lang: "en-US", vary: "X-Lang, Accept-Language",
			body: body(docs+"SMSCodeExpired", b.Localize(305, "en").User, 410, messages.SMSCodeExpired, false),
		},
		{
			name: "code with parameters, the deployment's", target: "/",
			h:       problemServer(messages.SMSCodeExpired, huiyanhttp.WithParams(map[string]int{"Minutes": 5})),
			headers: []string{"X-Lang", "en"},
			status:  410, lang: "en-US", vary: "X-Lang, Accept-Language",
			body: body(docs+"SMSCodeExpired", sms5, 410, messages.SMSCodeExpired, false),
		},
		{
			name: "type base", h: problemServer(messages.FaceTooClose, ops), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body("https://ops.example.com/huiyan/codes/655", b.Localize(655, "en").User, 422, messages.FaceTooClose, true),
		},
		{
			name: "type base, unknown code", h: problemServer(messages.Code(899), ops), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body("https://ops.example.com/huiyan/codes/899", b.Localize(899, "en").User, 422, messages.Code(899), false),
		},
		{
			name: "signature", h: problemServer(messages.SignatureCheckFailed), target: "/",
			status: 401, lang: "zh-CN", vary: "X-Lang, Accept-Language, User-Agent",
			body: body(docs+"SignatureCheckFailed", b.Localize(3, "").User, 401, messages.SignatureCheckFailed, false),
		},
		{
			name: "FaceID code", h: problemServer(faceid.IDCardExpired), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body(faceidDocs+"IDCardExpired", face(faceid.IDCardExpired, "en"), 422, faceid.IDCardExpired, false),
		},
		{
			name: "FaceID code, Traditional Chinese", h: problemServer(faceid.LightTooDim), target: "/",
			headers: []string{"Accept-Language", "zh-HK"},
			status:  422, lang: "zh-HK", vary: "X-Lang, Accept-Language",
			body: body(faceidDocs+"LightTooDim", face(faceid.LightTooDim, "zh-HK"), 422, faceid.LightTooDim, true),
		},
		{
			name: "FaceID engine timeout", h: problemServer(faceid.ComparisonEngineTimeout), target: "/?lang=zh_CN",
			status: 504, lang: "zh-CN", vary: "Accept-Language",
			body: body(faceidDocs+"ComparisonEngineTimeout", face(faceid.ComparisonEngineTimeout, "zh-CN"), 504, faceid.ComparisonEngineTimeout, true),
		},
		{
			name: "FaceID code outside the table: its section", h: problemServer(faceid.Code(1299)), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body(faceidDocs+"LivenessAction", face(1299, "en"), 422, faceid.Code(1299), false),
		},
		{
			name: "FaceID code outside every section", h: problemServer(faceid.Code(5000)), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body(faceidDocs+"System", face(5000, "en"), 422, faceid.Code(5000), false),
		},
		{
			name: "FaceID code, type base", h: problemServer(faceid.IDCardExpired, ops), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body("https://ops.example.com/huiyan/codes/302?table=faceid", face(faceid.IDCardExpired, "en"), 422, faceid.IDCardExpired, false),
		},
		{
			name: "FaceID code, type base with a query", h: problemServer(faceid.Code(1299), huiyanhttp.WithTypeBase("https://ops.example.com/codes?lang=en&code=")), target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body("https://ops.example.com/codes?lang=en&code=1299&table=faceid", face(1299, "en"), 422, faceid.Code(1299), false),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(tt.h, tt.target, tt.headers...)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			want := http.Header{
				"Content-Type":           {"application/problem+json"},
				"Content-Language":       {tt.lang},
				"Vary":                   {tt.vary},
				"Cache-Control":          {"no-store"},
				"X-Content-Type-Options": {"nosniff"},
			}
			if !equalHeaders(w.Header(), want) {
				t.Errorf("headers\n%v\nwant\n%v", w.Header(), want)
			}
			if got := w.Body.String(); got != tt.body {
				t.Errorf("body\n%s\nwant\n%s", got, tt.body)
			}
		})
	}
}

func equalHeaders(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestWriteProblemJSON checks the body as a client reads it: an RFC 9457
// problem with the extension members, and nothing else. 302 is in both
// tables, with other meanings: the table tells them apart.
func TestWriteProblemJSON(t *testing.T) {
	tests := []struct {
		name string
		h    http.Handler
		want map[string]any
	}{
		{"Huiyan 302", problemServer(messages.SMSRateLimited), map[string]any{
			"type":      docs + "SMSRateLimited",
			"title":     huiyan.Localize(messages.SMSRateLimited, "en").User,
			"status":    429.0,
			"table":     "huiyan",
			"code":      302.0,
			"name":      "SMSRateLimited",
			"category":  "sms",
			"retryable": false,
		}},
		{"FaceID 302", problemServer(faceid.IDCardExpired), map[string]any{
			"type":      faceidDocs + "IDCardExpired",
			"title":     huiyan.LocalizeWith(nil, faceid.IDCardExpired, "en", nil).User,
			"status":    422.0,
			"table":     "faceid",
			"code":      302.0,
			"name":      "IDCardExpired",
			"category":  "id_card",
			"retryable": false,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(tt.h, "/?lang=en")
			var p map[string]any
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
			if len(p) != len(tt.want) {
				t.Errorf("members %v, want %v", p, tt.want)
			}
			for k, v := range tt.want {
				if p[k] != v {
					t.Errorf("%s = %#v, want %#v", k, p[k], v)
				}
			}
		})
	}
	sms, expired := huiyan.Localize(messages.SMSRateLimited, "en").User, huiyan.LocalizeWith(nil, faceid.IDCardExpired, "en", nil).User
	if sms == expired || !strings.Contains(strings.ToLower(expired), "id card") {
		t.Errorf("the two 302s read %q and %q: the case cannot tell them apart", sms, expired)
	}
}

// TestWriteProblemSuccess checks that the one-line handler answers a
// success code too, of either table: never an empty 200.
func TestWriteProblemSuccess(t *testing.T) {
	checkSuccess(t, messages.Success, `{"title":"`+huiyan.Localize(messages.Success, "en").User+`","status":200,"table":"huiyan","code":0,"name":"Success"}`+"\n")
	checkSuccess(t, faceid.Success, `{"title":"`+huiyan.LocalizeWith(nil, faceid.Success, "en", nil).User+`","status":200,"table":"faceid","code":0,"name":"Success"}`+"\n")
}

// checkSuccess checks that WriteProblem answers code with want.
func checkSuccess[C messages.TableCode](t *testing.T, code C, want string) {
	t.Helper()
	var err error
	h := huiyanhttp.Middleware(huiyan.Default(), quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err = huiyanhttp.WriteProblem(w, r, code)
	}))
	w := get(h, "/?lang=en")
	if err != nil {
		t.Errorf("%v: err = %v", code, err)
	}
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" || w.Body.String() != want {
		t.Errorf("%v: %d %v %q, want %q", code, w.Code, w.Header(), w.Body.String(), want)
	}
}

// TestWriteProblemWithoutMiddleware checks the defaults: huiyan.Default()
// and the request's language, read by WriteProblem itself.
func TestWriteProblemWithoutMiddleware(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("Accept-Language", "en-GB,en;q=0.9")
	w := httptest.NewRecorder()
	if err := huiyanhttp.WriteProblem(w, r, messages.FaceTooFar); err != nil {
		t.Fatal(err)
	}
	if w.Code != 422 || w.Header().Get("Content-Language") != "en-US" || w.Header().Get("Vary") != "X-Lang, Accept-Language" {
		t.Errorf("%d %v", w.Code, w.Header())
	}
	if want := body(docs+"FaceTooFar", huiyan.Localize(656, "en").User, 422, messages.FaceTooFar, true); w.Body.String() != want {
		t.Errorf("body\n%s\nwant\n%s", w.Body.String(), want)
	}
	// No request at all.
	w = httptest.NewRecorder()
	if err := huiyanhttp.WriteProblem(w, nil, messages.FaceTooFar); err != nil || w.Header().Get("Content-Language") != "zh-CN" {
		t.Errorf("without a request: %v, %v", err, w.Header())
	}
}

// TestWriteProblemKeepsVary checks that the Vary of another middleware,
// such as CORS, is kept.
func TestWriteProblemKeepsVary(t *testing.T) {
	h := huiyanhttp.Middleware(huiyan.Default(), quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Origin")
		w.Header().Set("Content-Length", "1")
		huiyanhttp.WriteProblem(w, r, messages.FaceTooFar)
	}))
	w := get(h, "/", "Accept-Language", "en")
	if got := w.Header().Values("Vary"); !slices.Equal(got, []string{"Origin", "X-Lang, Accept-Language"}) {
		t.Errorf("Vary = %q", got)
	}
	if got := w.Header().Get("Content-Length"); got != "" {
		t.Errorf("Content-Length = %q, set before the problem", got)
	}
	// The next response starts from the shared value again.
	w = get(problemServer(messages.FaceTooFar), "/", "Accept-Language", "en")
	if got := w.Header().Values("Vary"); !slices.Equal(got, []string{"X-Lang, Accept-Language"}) {
		t.Errorf("Vary = %q", got)
	}
}

// TestWriteProblemEchoesNothing sends a marker in every place a client
// controls and checks that none reaches the response.
func TestWriteProblemEchoesNothing(t *testing.T) {
	const marker = "zqxmarker"
	tests := []struct {
		name    string
		target  string
		headers []string
	}{
		{"query", "/" + marker + "?lang=en," + marker + "&" + marker + "=1", nil},
		{"X-Lang", "/", []string{"X-Lang", "en," + marker}},
		{"Accept-Language", "/", []string{"Accept-Language", "en," + marker + ";q=0.5"}},
		{"User-Agent", "/", []string{"User-Agent", "MicroMessenger/8.0.40 " + marker + " Language/en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, h := range []http.Handler{problemServer(messages.Code(655)), problemServer(messages.Code(699)), problemServer(faceid.IDCardExpired), problemServer(faceid.Code(1299))} {
				w := get(h, tt.target, tt.headers...)
				if w.Header().Get("Content-Language") != "en-US" {
					t.Errorf("Content-Language = %q: the marked value was not used", w.Header().Get("Content-Language"))
				}
				var all strings.Builder
				w.Header().Write(&all)
				all.Write(w.Body.Bytes())
				if strings.Contains(strings.ToLower(all.String()), marker) {
					t.Errorf("the response echoes the request:\n%s", all.String())
				}
			}
		})
	}
}

// TestNoOperatorText checks, for every code of each table and codes
// outside it in every category, and every locale, that a problem's title
// is the user text, and that no other member holds an operator text of
// any locale.
func TestNoOperatorText(t *testing.T) {
	huiyanCodes := messages.All()[1:] // all but Success
	huiyanCodes = append(huiyanCodes, 99, 399, 599, 699, 799, 899, 999, 1001, -5)
	checkNoOperatorText(t, huiyanCodes)
	faceidCodes := faceid.All()[1:]
	faceidCodes = append(faceidCodes, 99, 299, 399, 1099, 1199, 1299, 1399, 2999, 5000, -5)
	checkNoOperatorText(t, faceidCodes)
}

func checkNoOperatorText[C messages.TableCode](t *testing.T, codes []C) {
	t.Helper()
	b := huiyan.Default()
	for _, code := range codes {
		h := problemServer(code)
		var operator []string
		for _, l := range b.Locales() {
			m := huiyan.LocalizeWith(b, code, l, nil)
			operator = append(operator, m.Title, m.Detail, m.Remedy)
		}
		for _, lang := range b.Locales() {
			w := get(h, "/?lang="+lang)
			var p struct{ Title string }
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatalf("%v in %s: %v", code, lang, err)
			}
			if p.Title != huiyan.LocalizeWith(b, code, lang, nil).User {
				t.Errorf("%v in %s: title %q is not the user text", code, lang, p.Title)
			}
			// A zh-CN user text may quote Tencent's table, whose
			// description is the operator's title there: outside the
			// title, no member may hold an operator text.
			quoted, _ := json.Marshal(p.Title)
			rest := bytes.Replace(w.Body.Bytes(), quoted, nil, 1)
			for _, op := range operator {
				if op != "" && bytes.Contains(rest, []byte(op)) {
					t.Errorf("%v in %s: the problem holds the operator text %q:\n%s", code, lang, op, w.Body.String())
				}
			}
		}
	}
}

// logLine is what TestProblemLog reads of a log line.
type logLine struct {
	Level    string
	Status   int
	UserLang string `json:"user_lang"`
	Huiyan   map[string]any
}

// logOf serves target with a handler that writes the problem of code,
// and returns the response and the line logged.
func logOf[C messages.TableCode](t *testing.T, code C, opts []huiyanhttp.Option, target string) (*httptest.ResponseRecorder, logLine, string) {
	t.Helper()
	var buf bytes.Buffer
	opts = append(opts, huiyanhttp.WithLogger(slog.New(slog.NewJSONHandler(&buf, nil))))
	h := huiyanhttp.Middleware(huiyan.Default(), opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		huiyanhttp.WriteProblem(w, r, code)
	}))
	w := get(h, target)
	var line logLine
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	return w, line, buf.String()
}

// logCase is a case of TestProblemLog: a problem, and what its log line
// is to hold.
type logCase struct {
	name        string
	log         func(*testing.T) (*httptest.ResponseRecorder, logLine, string)
	level, lang string // the level, and the user's Content-Language
	code        int
	title       string   // in the operator's language
	billed      bool     // the line says billed=true
	users       []string // the user texts, which the line must not hold
}

// logCaseOf is the logCase of code served at target with opts.
func logCaseOf[C messages.TableCode](name string, code C, opts []huiyanhttp.Option, target, level, lang, opLang string) logCase {
	b := huiyan.Default()
	e, known := code.Table().Lookup(int(code))
	tc := logCase{
		name: name, level: level, lang: lang, code: int(code),
		title:  huiyan.LocalizeWith(b, code, opLang, nil).Title,
		billed: known && e.Billed,
		log: func(t *testing.T) (*httptest.ResponseRecorder, logLine, string) {
			return logOf(t, code, opts, target)
		},
	}
	for _, l := range b.Locales() {
		tc.users = append(tc.users, huiyan.LocalizeWith(b, code, l, nil).User)
	}
	return tc
}

// TestProblemLog checks what reaches the log: the operator's texts, in
// the operator's language, at the level the code calls for, and never the
// user's text.
func TestProblemLog(t *testing.T) {
	zh := []huiyanhttp.Option{huiyanhttp.WithOperatorLanguage("zh-CN")}
	tests := []logCase{
		logCaseOf("user failure, Chinese user", messages.FaceTooClose, nil, "/?lang=zh_CN", "INFO", "zh-CN", "en-US"),
		logCaseOf("upstream failure", messages.ComparisonTimeout, nil, "/?lang=en", "WARN", "en-US", "en-US"),
		logCaseOf("general code", messages.SignatureCheckFailed, nil, "/?lang=en", "WARN", "en-US", "en-US"),
		logCaseOf("operator reads Chinese", messages.FaceTooClose, zh, "/?lang=en", "INFO", "en-US", "zh-CN"),
		logCaseOf("unknown code", messages.Code(699), nil, "/?lang=zh_CN", "INFO", "zh-CN", "en-US"),
		logCaseOf("FaceID user failure", faceid.IDCardExpired, nil, "/?lang=zh_CN", "INFO", "zh-CN", "en-US"),
		logCaseOf("FaceID billed failure", faceid.SimilarityTooLow, nil, "/?lang=en", "INFO", "en-US", "en-US"),
		logCaseOf("FaceID service error", faceid.InternalError4, nil, "/?lang=en", "WARN", "en-US", "en-US"),
		logCaseOf("FaceID system code", faceid.TokenExpired, nil, "/?lang=en", "WARN", "en-US", "en-US"),
		logCaseOf("FaceID unknown system code", faceid.Code(150), nil, "/?lang=en", "WARN", "en-US", "en-US"),
		logCaseOf("FaceID unknown liveness code, operator reads Chinese", faceid.Code(1299), zh, "/?lang=en", "INFO", "en-US", "zh-CN"),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, line, raw := tt.log(t)
			if line.Level != tt.level || line.Status != w.Code || line.UserLang != tt.lang {
				t.Errorf("level %s, status %d, user_lang %s; want %s, %d, %s", line.Level, line.Status, line.UserLang, tt.level, w.Code, tt.lang)
			}
			var p struct{ Table, Name string }
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
			if line.Huiyan["title"] != tt.title || line.Huiyan["code"] != float64(tt.code) || line.Huiyan["name"] != p.Name || line.Huiyan["table"] != p.Table {
				t.Errorf("logged %v, want title %q and the code, name and table of %s", line.Huiyan, tt.title, w.Body.String())
			}
			if billed, _ := line.Huiyan["billed"].(bool); billed != tt.billed {
				t.Errorf("logged billed %v, want %v", line.Huiyan["billed"], tt.billed)
			}
			for _, user := range tt.users {
				if strings.Contains(raw, user) {
					t.Errorf("the log holds the user text %q", user)
				}
			}
		})
	}
}

// TestProblemLogLevel checks that a problem of level Info does not reach
// a logger set to Warn.
func TestProblemLogLevel(t *testing.T) {
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(l))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		huiyanhttp.WriteProblem(w, r, messages.FaceTooClose)
	}))
	get(h, "/")
	if buf.Len() != 0 {
		t.Errorf("an Info problem reached a Warn logger: %s", buf.String())
	}
}

func TestLocalize(t *testing.T) {
	b := huiyan.Default()
	tests := []struct {
		name   string
		opts   []huiyanhttp.Option
		target string
		want   string
	}{
		{"English", nil, "/?lang=en", b.Localize(655, "en").User},
		{"Chinese by default", nil, "/", b.Localize(655, "zh-CN").User},
		{"parameters", []huiyanhttp.Option{huiyanhttp.WithParams(map[string]int{"Minutes": 5})}, "/?lang=en",
			huiyan.LocalizeWith(b, messages.Code(305), "en", map[string]int{"Minutes": 5}).User},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got huiyan.Message
			code := messages.FaceTooClose
			if tt.opts != nil {
				code = messages.SMSCodeExpired
			}
			h := huiyanhttp.Middleware(b, tt.opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got = huiyanhttp.Localize(r.Context(), code)
			}))
			get(h, tt.target)
			if got.User != tt.want {
				t.Errorf("User = %q, want %q", got.User, tt.want)
			}
		})
	}
	if got := huiyanhttp.Localize(t.Context(), messages.FaceTooClose).User; got != b.Localize(655, "zh-CN").User {
		t.Errorf("without a Middleware: %q", got)
	}
}

// TestLocalizeFaceID checks Localize of a FaceID code: the FaceID
// message, which keeps its type, in the request's language, and not the
// Huiyan message of the same number.
func TestLocalizeFaceID(t *testing.T) {
	var got huiyan.MessageOf[faceid.Code]
	h := huiyanhttp.Middleware(huiyan.Default())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = huiyanhttp.Localize(r.Context(), faceid.IDCardExpired)
	}))
	get(h, "/", "Accept-Language", "zh-TW")
	want := huiyan.LocalizeWith(nil, faceid.IDCardExpired, "zh-TW", nil)
	if got != want || got.Lang != "zh-TW" || got.User == huiyan.Localize(messages.SMSRateLimited, "zh-TW").User {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := huiyanhttp.Localize(t.Context(), faceid.IDCardExpired); got != huiyan.LocalizeWith(nil, faceid.IDCardExpired, "", nil) {
		t.Errorf("without a Middleware: %+v", got)
	}
}

// TestWithParamsCopies checks that the options keep their own copy of the
// parameters: a caller's later change does not reach the responses.
func TestWithParamsCopies(t *testing.T) {
	params := map[string]int{"Minutes": 5}
	h := problemServer(messages.SMSCodeExpired, huiyanhttp.WithParams(params))
	params["Minutes"] = 7
	w := get(h, "/?lang=en")
	if !strings.Contains(w.Body.String(), "5 minutes") {
		t.Errorf("body %s", w.Body.String())
	}
}

// requestKey is a context key of the tests: a value the request's context
// carries, as a tracing middleware's would.
type requestKey struct{}

// contextHandler is a slog.Handler that keeps the requestKey value of the
// context of each record, as handlers that log a trace ID read it.
type contextHandler struct {
	mu   sync.Mutex
	seen []any
}

func (h *contextHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *contextHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *contextHandler) WithGroup(string) slog.Handler            { return h }
func (h *contextHandler) Handle(ctx context.Context, _ slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen = append(h.seen, ctx.Value(requestKey{}))
	return nil
}

// TestLogRequestContext checks that a problem, and a fault of the
// service's fields, are logged with the request's context, whose values
// (a trace ID) the log handler may read.
func TestLogRequestContext(t *testing.T) {
	tests := []struct {
		name   string
		code   messages.Code
		fields any
	}{
		{"problem", messages.FaceTooClose, nil},
		{"general problem", messages.SignatureCheckFailed, nil},
		{"fields that make no answer", messages.FaceTooClose, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lh contextHandler
			h := huiyanhttp.Middleware(huiyan.Default(), huiyanhttp.WithLogger(slog.New(&lh)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				huiyanhttp.WriteResult(w, r, tt.code, tt.fields)
			}))
			r := httptest.NewRequest(http.MethodGet, "/?lang=en", nil)
			r = r.WithContext(context.WithValue(r.Context(), requestKey{}, "trace-1"))
			h.ServeHTTP(httptest.NewRecorder(), r)
			if len(lh.seen) != 1 || lh.seen[0] != "trace-1" {
				t.Errorf("logged with context values %v, want [trace-1]", lh.seen)
			}
		})
	}
}
