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
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

const docs = "https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#"

// quiet keeps the problems out of the test output.
var quiet = huiyanhttp.WithLogger(slog.New(slog.DiscardHandler))

// problemServer answers every request with the problem of code.
func problemServer(code messages.Code, opts ...huiyanhttp.Option) http.Handler {
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
func body(typ, title string, status int, code messages.Code, retryable bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.Encode(map[string]any{"title": title}) // JSON's escaping of the title
	t := strings.TrimSuffix(strings.TrimPrefix(b.String(), `{"title":`), "}\n")
	return `{"type":"` + typ + `","title":` + t + `,"status":` + strconv.Itoa(status) +
		`,"code":` + strconv.Itoa(int(code)) + `,"name":"` + code.String() + `","category":"` + code.Category().String() +
		`","retryable":` + strconv.FormatBool(retryable) + "}\n"
}

func TestWriteProblem(t *testing.T) {
	b := huiyan.Default()
	sms5 := huiyan.LocalizeWith(b, messages.SMSCodeExpired, "en", map[string]int{"Minutes": 5}).User
	if !strings.Contains(sms5, "5 minutes") {
		t.Fatalf("305 with Minutes=5 reads %q", sms5)
	}
	tests := []struct {
		name    string
		code    messages.Code
		opts    []huiyanhttp.Option
		target  string
		headers []string
		status  int
		lang    string
		vary    string
		body    string
	}{
		{
			name: "known code", code: messages.FaceTooClose, target: "/?lang=en",
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body(docs+"FaceTooClose", b.Localize(655, "en").User, 422, 655, true),
		},
		{
			name: "known code, Chinese by Accept-Language", code: messages.LightTooDim, target: "/",
			headers: []string{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"},
			status:  422, lang: "zh-CN", vary: "X-Lang, Accept-Language",
			body: body(docs+"LightTooDim", b.Localize(659, "zh-CN").User, 422, 659, true),
		},
		{
			name: "unknown code", code: 699, target: "/?lang=zh_CN",
			status: 422, lang: "zh-CN", vary: "Accept-Language",
			body: body(docs+"Liveness", b.Localize(699, "zh-CN").User, 422, 699, false),
		},
		{
			name: "unknown general code", code: 1001, target: "/",
			headers: []string{"User-Agent", "MicroMessenger/8.0.40 NetType/WIFI Language/en"},
			status:  422, lang: "en-US", vary: "X-Lang, Accept-Language, User-Agent",
			body: body(docs+"General", b.Localize(1001, "en").User, 422, 1001, false),
		},
		{
			name: "code with parameters, defaults", code: messages.SMSCodeExpired, target: "/",
			headers: []string{"X-Lang", "en"},
			status:  410, lang: "en-US", vary: "X-Lang, Accept-Language",
			body: body(docs+"SMSCodeExpired", b.Localize(305, "en").User, 410, 305, false),
		},
		{
			name: "code with parameters, the deployment's", code: messages.SMSCodeExpired, target: "/",
			opts:    []huiyanhttp.Option{huiyanhttp.WithParams(map[string]int{"Minutes": 5})},
			headers: []string{"X-Lang", "en"},
			status:  410, lang: "en-US", vary: "X-Lang, Accept-Language",
			body: body(docs+"SMSCodeExpired", sms5, 410, 305, false),
		},
		{
			name: "type base", code: messages.FaceTooClose, target: "/?lang=en",
			opts:   []huiyanhttp.Option{huiyanhttp.WithTypeBase("https://ops.example.com/huiyan/codes/")},
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body("https://ops.example.com/huiyan/codes/655", b.Localize(655, "en").User, 422, 655, true),
		},
		{
			name: "type base, unknown code", code: 899, target: "/?lang=en",
			opts:   []huiyanhttp.Option{huiyanhttp.WithTypeBase("https://ops.example.com/huiyan/codes/")},
			status: 422, lang: "en-US", vary: "Accept-Language",
			body: body("https://ops.example.com/huiyan/codes/899", b.Localize(899, "en").User, 422, 899, false),
		},
		{
			name: "signature", code: messages.SignatureCheckFailed, target: "/",
			status: 401, lang: "zh-CN", vary: "X-Lang, Accept-Language, User-Agent",
			body: body(docs+"SignatureCheckFailed", b.Localize(3, "").User, 401, 3, false),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(problemServer(tt.code, tt.opts...), tt.target, tt.headers...)
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
// problem with the extension members, and nothing else.
func TestWriteProblemJSON(t *testing.T) {
	w := get(problemServer(messages.SMSRateLimited), "/?lang=en")
	var p map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"type":      docs + "SMSRateLimited",
		"title":     huiyan.Localize(messages.SMSRateLimited, "en").User,
		"status":    429.0,
		"code":      302.0,
		"name":      "SMSRateLimited",
		"category":  "sms",
		"retryable": false,
	}
	if len(p) != len(want) {
		t.Errorf("members %v, want %v", p, want)
	}
	for k, v := range want {
		if p[k] != v {
			t.Errorf("%s = %#v, want %#v", k, p[k], v)
		}
	}
}

// TestWriteProblemSuccess checks that the one-line handler answers code 0
// too: never an empty 200.
func TestWriteProblemSuccess(t *testing.T) {
	var err error
	h := huiyanhttp.Middleware(huiyan.Default(), quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err = huiyanhttp.WriteProblem(w, r, messages.Success)
	}))
	w := get(h, "/?lang=en")
	if err != nil {
		t.Errorf("err = %v", err)
	}
	want := `{"title":"` + huiyan.Localize(messages.Success, "en").User + `","status":200,"code":0,"name":"Success"}` + "\n"
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" || w.Body.String() != want {
		t.Errorf("%d %v %q, want %q", w.Code, w.Header(), w.Body.String(), want)
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
	if want := body(docs+"FaceTooFar", huiyan.Localize(656, "en").User, 422, 656, true); w.Body.String() != want {
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
			for _, code := range []messages.Code{655, 699} {
				w := get(problemServer(code), tt.target, tt.headers...)
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

// TestNoOperatorText checks, for every code and every locale, that a
// problem's title is the user text, and that no other member holds an
// operator text of any locale.
func TestNoOperatorText(t *testing.T) {
	b := huiyan.Default()
	codes := messages.All()[1:] // all but Success
	for _, c := range messages.Categories() {
		for _, code := range []messages.Code{99, 399, 599, 699, 799, 899, 999} {
			if code.Category() == c {
				codes = append(codes, code)
			}
		}
	}
	codes = append(codes, 1001, -5)
	for _, code := range codes {
		h := problemServer(code)
		var operator []string
		for _, l := range b.Locales() {
			m := b.Localize(code, l)
			operator = append(operator, m.Title, m.Detail, m.Remedy)
		}
		for _, lang := range b.Locales() {
			w := get(h, "/?lang="+lang)
			var p struct{ Title string }
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatalf("%d in %s: %v", code, lang, err)
			}
			if p.Title != b.Localize(code, lang).User {
				t.Errorf("%d in %s: title %q is not the user text", code, lang, p.Title)
			}
			// A zh-CN user text may quote the Huiyan table, whose
			// description is the operator's title there: outside the
			// title, no member may hold an operator text.
			quoted, _ := json.Marshal(p.Title)
			rest := bytes.Replace(w.Body.Bytes(), quoted, nil, 1)
			for _, op := range operator {
				if op != "" && bytes.Contains(rest, []byte(op)) {
					t.Errorf("%d in %s: the problem holds the operator text %q:\n%s", code, lang, op, w.Body.String())
				}
			}
		}
	}
}

// TestProblemLog checks what reaches the log: the operator's texts, in
// the operator's language, at the level the code calls for, and never the
// user's text.
func TestProblemLog(t *testing.T) {
	b := huiyan.Default()
	tests := []struct {
		name   string
		code   messages.Code
		opts   []huiyanhttp.Option
		target string
		level  string
		title  string
		lang   string
	}{
		{"user failure, Chinese user", messages.FaceTooClose, nil, "/?lang=zh_CN", "INFO", b.Localize(655, "en-US").Title, "zh-CN"},
		{"upstream failure", messages.ComparisonTimeout, nil, "/?lang=en", "WARN", b.Localize(822, "en-US").Title, "en-US"},
		{"general code", messages.SignatureCheckFailed, nil, "/?lang=en", "WARN", b.Localize(3, "en-US").Title, "en-US"},
		{"operator reads Chinese", messages.FaceTooClose, []huiyanhttp.Option{huiyanhttp.WithOperatorLanguage("zh-CN")}, "/?lang=en", "INFO", b.Localize(655, "zh-CN").Title, "en-US"},
		{"unknown code", 699, nil, "/?lang=zh_CN", "INFO", b.Localize(699, "en-US").Title, "zh-CN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			opts := append(tt.opts, huiyanhttp.WithLogger(slog.New(slog.NewJSONHandler(&buf, nil))))
			h := huiyanhttp.Middleware(huiyan.Default(), opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				huiyanhttp.WriteProblem(w, r, tt.code)
			}))
			w := get(h, tt.target)
			var line struct {
				Level    string
				Status   int
				UserLang string `json:"user_lang"`
				Huiyan   map[string]any
			}
			if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
				t.Fatalf("%v: %s", err, buf.String())
			}
			if line.Level != tt.level || line.Status != w.Code || line.UserLang != tt.lang {
				t.Errorf("level %s, status %d, user_lang %s; want %s, %d, %s", line.Level, line.Status, line.UserLang, tt.level, w.Code, tt.lang)
			}
			if line.Huiyan["title"] != tt.title || line.Huiyan["code"] != float64(tt.code) || line.Huiyan["name"] != tt.code.String() {
				t.Errorf("logged %v, want title %q", line.Huiyan, tt.title)
			}
			for _, l := range b.Locales() {
				if user := b.Localize(tt.code, l).User; strings.Contains(buf.String(), user) {
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
	if got := huiyanhttp.Localize(t.Context(), 655).User; got != b.Localize(655, "zh-CN").User {
		t.Errorf("without a Middleware: %q", got)
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
