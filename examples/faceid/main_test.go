package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

// answer is the JSON of either answer of huiyanhttp, with the member this
// backend adds to a problem for a failed call.
type answer struct {
	Type             string
	Title            string
	Status           int
	Code             *int
	Name             string
	Category         string
	Retryable        bool
	Table            string
	TencentCloudCode *string
	Detail           string
}

// setup starts a loopback FaceID API and returns it with a backend that
// calls it through the SDK's client, logging into log and counting into a
// registry of its own.
func setup(t *testing.T, log *bytes.Buffer) (*huiyantctest.Server, http.Handler) {
	t.Helper()
	srv := huiyantctest.NewServer()
	t.Cleanup(srv.Close)
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return srv, newHandler(client, huiyan.Default(), slog.New(slog.NewJSONHandler(log, nil)), m, false)
}

// get sends a GET for target to h with headers, given as name, value...
func get(h http.Handler, target string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestResults are the cases and their kin, end to end: the SDK's
// real client against the loopback API, through huiyantc and huiyanhttp.
func TestResults(t *testing.T) {
	tests := []struct {
		name    string
		answer  huiyantctest.Answer
		headers []string
		status  int
		ct      string
		lang    string // Content-Language, and the language of the text
		code    faceid.Code
		user    string // the text, where a literal of the locale file says it best
		sdkCode string // the member tencentCloudCode; "" for none
	}{
		{
			name: "ErrCode 2016 in Taiwan's Chinese", answer: huiyantctest.Response(`"Text": ` + huiyantctest.Text(2016)),
			headers: []string{"Accept-Language", "zh-TW"}, status: 422, ct: "application/problem+json", lang: "zh-TW",
			code: faceid.SimilarityTooLow, user: "人臉與證件照片比對未通過，請在光線充足處正對鏡頭再試一次",
		},
		{
			name: "ErrCode 0", answer: huiyantctest.Response(`"Text": ` + huiyantctest.Text(0)),
			headers: []string{"Accept-Language", "zh-TW"}, status: 200, ct: "application/json", lang: "zh-TW",
			code: faceid.Success, user: "驗證成功",
		},
		{
			name: "BizToken expired", answer: huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"),
			headers: []string{"Accept-Language", "en-GB,en;q=0.9"}, status: 410, ct: "application/problem+json", lang: "en-US",
			code: faceid.TokenExpired, user: "This verification has timed out. Please go back and start it again.",
			sdkCode: "InvalidParameterValue.BizTokenExpired",
		},
		{
			name: "BizToken expired, from a mini-program", answer: huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"),
			headers: []string{"User-Agent", "Mozilla/5.0 MicroMessenger/8.0.40 NetType/WIFI Language/zh_HK"}, status: 410, ct: "application/problem+json", lang: "zh-HK",
			code: faceid.TokenExpired, sdkCode: "InvalidParameterValue.BizTokenExpired",
		},
		{
			name: "the account in arrears: a service error", answer: huiyantctest.Error("UnauthorizedOperation.Arrears", "账号已欠费。"),
			headers: []string{"Accept-Language", "zh-CN"}, status: 503, ct: "application/problem+json", lang: "zh-CN",
			code: faceid.InternalError4, sdkCode: "UnauthorizedOperation.Arrears",
		},
		{
			name: "no answer: a service error", answer: huiyantctest.Answer{Drop: true},
			headers: []string{"X-Lang", "en"}, status: 503, ct: "application/problem+json", lang: "en-US",
			code: faceid.InternalError4, sdkCode: "ClientError.NetworkError",
		},
		{
			name: "no result yet", answer: huiyantctest.Response(`"Text": null`),
			status: 422, ct: "application/problem+json", lang: "zh-CN", code: faceid.FlowNotCompleted,
		},
		{
			name: "three attempts and no final result", answer: huiyantctest.Response(`"Text": {"ErrCode": null, "LivenessDetail": [
				{"Errcode": 1201, "Livestatus": 1201}, null, {"Errcode": 1002, "Livestatus": 1002}]}`),
			headers: []string{"Accept-Language", "zh-TW"}, status: 422, ct: "application/problem+json", lang: "zh-TW",
			code: faceid.SuspectedSpoofRecording,
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			srv, h := setup(t, &log)
			token := "B3C43D8E-0D8C-4B8F-A0C8-AA7E9B0C5E3" + string(rune('0'+i))
			srv.Answer(token, tt.answer)
			w := get(h, "/api/faceid/result?BizToken="+token+"&RuleId=1", tt.headers...)
			var a answer
			if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
				t.Fatalf("%v: %s", err, w.Body.String())
			}
			if w.Code != tt.status || a.Status != tt.status {
				t.Errorf("status %d, body's %d, want %d", w.Code, a.Status, tt.status)
			}
			if got := w.Header().Get("Content-Type"); got != tt.ct {
				t.Errorf("Content-Type %q, want %q", got, tt.ct)
			}
			if got := w.Header().Get("Content-Language"); got != tt.lang {
				t.Errorf("Content-Language %q, want %q", got, tt.lang)
			}
			want := huiyan.LocalizeWith(nil, tt.code, tt.lang, nil).User
			if tt.user != "" && want != tt.user {
				t.Fatalf("the locale file's text is %q, the test's %q", want, tt.user)
			}
			if a.Code == nil || *a.Code != int(tt.code) || a.Name != tt.code.String() || a.Table != "faceid" || a.Title != want {
				t.Errorf("%s\nwant code %d (%v) of table faceid, title %q", w.Body.String(), tt.code, tt.code, want)
			}
			switch {
			case tt.sdkCode == "" && a.TencentCloudCode != nil:
				t.Errorf("tencentCloudCode %q in an answer from the API's result", *a.TencentCloudCode)
			case tt.sdkCode != "" && (a.TencentCloudCode == nil || *a.TencentCloudCode != tt.sdkCode):
				t.Errorf("%s: want tencentCloudCode %q", w.Body.String(), tt.sdkCode)
			}
			// The SDK sent what the backend was asked, for the text alone.
			rq := srv.Requests()
			if len(rq) != 1 || rq[0].Token != token || rq[0].RuleID != "1" || rq[0].InfoType != "1" || rq[0].Action != "GetDetectInfoEnhanced" {
				t.Errorf("the API was asked %+v", rq)
			}
			// Nothing of the verification but its code reaches the answer.
			for _, personal := range []string{"张三", "11010119900307001X"} {
				if strings.Contains(w.Body.String(), personal) || strings.Contains(log.String(), personal) {
					t.Errorf("%q reached the answer or the log", personal)
				}
			}
		})
	}
}

// TestUniformIdentity checks -uniform-identity: an identity check that
// fails answers byte for byte alike, whether the result says which field
// is wrong (2002, 2003), whether the identity exists (2005), or the call
// fails with an SDK code that says as much; the SDK's code is left out.
func TestUniformIdentity(t *testing.T) {
	srv := huiyantctest.NewServer()
	t.Cleanup(srv.Close)
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	h := newHandler(client, huiyan.Default(), slog.New(slog.NewJSONHandler(&log, nil)), nil, true)
	answers := []huiyantctest.Answer{
		huiyantctest.Response(`"Text": ` + huiyantctest.Text(2002)),
		huiyantctest.Response(`"Text": ` + huiyantctest.Text(2003)),
		huiyantctest.Response(`"Text": ` + huiyantctest.Text(2005)),
		huiyantctest.Error("FailedOperation.IdNoExistSystem", "库中无此号。"),
		huiyantctest.Error("FailedOperation.IdNameMisMatch", "姓名和身份证号不一致。"),
	}
	var first string
	for i, a := range answers {
		token := "uniform-" + string(rune('a'+i))
		srv.Answer(token, a)
		w := get(h, "/api/faceid/result?BizToken="+token+"&RuleId=1", "Accept-Language", "en-US")
		body := w.Body.String()
		if i == 0 {
			first = body
		}
		if w.Code != 422 || body != first || strings.Contains(body, "tencentCloudCode") || !strings.Contains(body, `"code":826`) {
			t.Errorf("answer %d: %d %s\nwant the first answer, 422 %s", i, w.Code, body, first)
		}
	}
	// The expired BizToken is no identity check: its SDK code stays.
	srv.Answer("expired", huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"))
	if w := get(h, "/api/faceid/result?BizToken=expired&RuleId=1"); !strings.Contains(w.Body.String(), `"tencentCloudCode":"InvalidParameterValue.BizTokenExpired"`) {
		t.Errorf("expired BizToken: %s", w.Body.String())
	}
}

// TestFailureLogs checks what the operator reads of a failed call: the
// SDK's code, the RequestId and what to do, in English.
func TestFailureLogs(t *testing.T) {
	tests := []struct {
		name   string
		answer huiyantctest.Answer
		level  string
		code   string
		title  string
		reqID  bool
	}{
		{"the person's to redo", huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"), "INFO", "InvalidParameterValue.BizTokenExpired", "The BizToken has expired", true},
		{"the operator's to fix", huiyantctest.Error("UnauthorizedOperation.Arrears", "账号已欠费。"), "WARN", "UnauthorizedOperation.Arrears", "The account is in arrears", true},
		{"the network's", huiyantctest.Answer{Drop: true}, "WARN", "ClientError.NetworkError", "The request got no answer: a network error, a timeout or a cancellation", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			srv, h := setup(t, &log)
			srv.Answer("token", tt.answer)
			get(h, "/api/faceid/result?BizToken=token&RuleId=2&lang=zh_TW")
			var line struct {
				Level, Msg, Kind, Code, Title, Remedy string
				RequestID                             string `json:"request_id"`
			}
			for l := range strings.SplitSeq(strings.TrimSpace(log.String()), "\n") {
				if strings.Contains(l, "GetDetectInfoEnhanced failed") {
					if err := json.Unmarshal([]byte(l), &line); err != nil {
						t.Fatal(err)
					}
				}
			}
			if line.Level != tt.level || line.Code != tt.code || line.Title != tt.title || line.Remedy == "" || (line.RequestID != "") != tt.reqID {
				t.Errorf("logged %+v\nwant level %s, code %s, title %q, a RequestId: %v\nlog: %s", line, tt.level, tt.code, tt.title, tt.reqID, log.String())
			}
		})
	}
}

// TestBadQuery sends queries that the backend must not send on: each is
// its own 400 problem, which repeats nothing of the request, and the API
// hears of none.
func TestBadQuery(t *testing.T) {
	huge := strings.Repeat("A", 1<<20)
	tests := []struct{ name, query string }{
		{"no query", ""},
		{"no BizToken", "RuleId=1"},
		{"no RuleId", "BizToken=t"},
		{"empty BizToken", "BizToken=&RuleId=1"},
		{"empty RuleId", "BizToken=t&RuleId="},
		{"BizToken twice", "BizToken=a&BizToken=b&RuleId=1"},
		{"RuleId twice", "BizToken=t&RuleId=1&RuleId=2"},
		{"BizToken one byte too long", "BizToken=" + strings.Repeat("A", maxBizToken+1) + "&RuleId=1"},
		{"BizToken of a megabyte", "BizToken=" + huge + "&RuleId=1"},
		{"RuleId of a megabyte", "BizToken=t&RuleId=" + strings.Repeat("9", 1<<20)},
		{"RuleId one digit too long", "BizToken=t&RuleId=12345678901"},
		{"malformed escape", "BizToken=%zz&RuleId=1"},
		{"semicolon", "BizToken=t;RuleId=1"},
		{"space in BizToken", "BizToken=a%20b&RuleId=1"},
		{"NUL in BizToken", "BizToken=a%00b&RuleId=1"},
		{"newline in BizToken", "BizToken=a%0D%0AX-Injected:%201&RuleId=1"},
		{"path in BizToken", "BizToken=..%2F..%2Fetc&RuleId=1"},
		{"JSON in BizToken", "BizToken=%22%2C%22RuleId%22%3A%222&RuleId=1"},
		{"non-ASCII BizToken", "BizToken=%E4%BB%A4%E7%89%8C&RuleId=1"},
		{"invalid UTF-8 in BizToken", "BizToken=%FF%FE&RuleId=1"},
		{"negative RuleId", "BizToken=t&RuleId=-1"},
		{"signed RuleId", "BizToken=t&RuleId=%2B1"},
		{"letters in RuleId", "BizToken=t&RuleId=1a"},
		{"Arabic-Indic digit in RuleId", "BizToken=t&RuleId=%D9%A1"},
		{"lower-case names", "biztoken=t&ruleid=1"},
	}
	var log bytes.Buffer
	srv, h := setup(t, &log)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/api/faceid/result", nil)
			r.URL.RawQuery = tt.query
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			var a answer
			if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
				t.Fatalf("%v: %s", err, w.Body.String())
			}
			if w.Code != 400 || a.Status != 400 || a.Code != nil || a.Detail == "" || w.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("%d %v %s", w.Code, w.Header(), w.Body.String())
			}
			if w.Body.Len() > 200 {
				t.Errorf("a body of %d bytes: %.200s", w.Body.Len(), w.Body.String())
			}
			for _, echo := range []string{"..", "zz", "Injected", "ruleid", "\u4ee4"} {
				if strings.Contains(w.Body.String(), echo) {
					t.Errorf("the answer repeats %q: %s", echo, w.Body.String())
				}
			}
		})
	}
	if rq := srv.Requests(); len(rq) != 0 {
		t.Errorf("the API was asked %d times", len(rq))
	}
}

// TestGoodQuery checks the queries the backend takes, at their bounds.
func TestGoodQuery(t *testing.T) {
	tests := []struct{ name, query, token, rule string }{
		{"a UUID", "BizToken=B3C43D8E-0D8C-4B8F-A0C8-AA7E9B0C5E33&RuleId=1", "B3C43D8E-0D8C-4B8F-A0C8-AA7E9B0C5E33", "1"},
		{"the longest", "RuleId=1234567890&BizToken=" + strings.Repeat("a_", maxBizToken/2), strings.Repeat("a_", maxBizToken/2), "1234567890"},
		{"with lang", "lang=zh_TW&BizToken=t&RuleId=0", "t", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := readQuery(tt.query)
			if err != nil || q.bizToken != tt.token || q.ruleID != tt.rule {
				t.Errorf("readQuery = %+v, %v; want %q, %q", q, err, tt.token, tt.rule)
			}
		})
	}
}

// FuzzReadQuery checks that what readQuery takes is within its bounds, and
// that it never fails on a query that carries just a bounded BizToken and
// RuleId.
func FuzzReadQuery(f *testing.F) {
	for _, s := range []string{"BizToken=t&RuleId=1", "BizToken=%zz", "RuleId=1&RuleId=2", "BizToken=a;b", "BizToken=\xff&RuleId=\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := readQuery(raw)
		if err != nil {
			return
		}
		if q.bizToken == "" || len(q.bizToken) > maxBizToken || !all(q.bizToken, tokenByte) {
			t.Errorf("BizToken %q taken from %q", q.bizToken, raw)
		}
		if q.ruleID == "" || len(q.ruleID) > maxRuleID || !all(q.ruleID, digit) {
			t.Errorf("RuleId %q taken from %q", q.ruleID, raw)
		}
		// Sent again as a client would send it, it reads the same.
		again, err := readQuery("BizToken=" + q.bizToken + "&RuleId=" + q.ruleID)
		if err != nil || again != q {
			t.Errorf("%+v read back as %+v, %v", q, again, err)
		}
	})
}

func TestClientProfile(t *testing.T) {
	tests := []struct {
		endpoint, scheme, host string // scheme "" for an error
	}{
		{defaultEndpoint, "HTTPS", "faceid.tencentcloudapi.com"},
		{"https://faceid.tencentcloudapi.com/", "HTTPS", "faceid.tencentcloudapi.com"},
		{"http://127.0.0.1:9000", "HTTP", "127.0.0.1:9000"},
		{"HTTP://[::1]:9000", "HTTP", "[::1]:9000"},
		{"127.0.0.1:9000", "", ""},
		{"ftp://127.0.0.1:9000", "", ""},
		{"http://", "", ""},
		{"http://127.0.0.1:9000/v3", "", ""},
		{"http://127.0.0.1:9000?x=1", "", ""},
		{"http://user:pass@127.0.0.1:9000", "", ""},
		{"http://127.0.0.1:9000#x", "", ""},
		{"http://%zz", "", ""},
	}
	for _, tt := range tests {
		p, err := clientProfile(tt.endpoint)
		switch {
		case tt.scheme == "" && err == nil:
			t.Errorf("clientProfile(%q) took it", tt.endpoint)
		case tt.scheme != "" && (err != nil || p.HttpProfile.Scheme != tt.scheme || p.HttpProfile.Endpoint != tt.host):
			t.Errorf("clientProfile(%q) = %+v, %v; want %s %s", tt.endpoint, p, err, tt.scheme, tt.host)
		}
	}
}
