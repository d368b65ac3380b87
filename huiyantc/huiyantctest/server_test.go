package huiyantctest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"
)

// signed is a request as the SDK's client sent it.
type signed struct {
	method, host string
	header       http.Header
	body         []byte
}

// request returns a copy of s as a server receives it.
func (s signed) request() *http.Request {
	r := httptest.NewRequest(s.method, "/", bytes.NewReader(s.body))
	r.Host = s.host
	r.Header = s.header.Clone()
	return r
}

// capture returns the request that the SDK's client sends for a
// GetDetectInfoEnhanced of token.
func capture(t *testing.T, token string) signed {
	t.Helper()
	got := make(chan signed, 1)
	rec := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- signed{r.Method, r.Host, r.Header.Clone(), body}
		io.WriteString(w, `{"Response": {"RequestId": "r"}}`)
	}))
	defer rec.Close()
	s := &Server{Endpoint: rec.Listener.Addr().String()}
	client, err := s.Client()
	if err != nil {
		t.Fatal(err)
	}
	req := v20180301.NewGetDetectInfoEnhancedRequest()
	req.BizToken = common.StringPtr(token)
	if _, err := client.GetDetectInfoEnhanced(req); err != nil {
		t.Fatal(err)
	}
	return <-got
}

// TestCheck checks a request signed by the SDK's client, and the same
// request changed in each way the API refuses.
func TestCheck(t *testing.T) {
	s := capture(t, "token")
	ts, err := strconv.ParseInt(s.header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(ts, 0)
	tests := []struct {
		name   string
		change func(*signed)
		now    time.Time
		want   string
	}{
		{"as signed", func(*signed) {}, at, ""},
		{"four minutes later", func(*signed) {}, at.Add(4 * time.Minute), ""},
		{"six minutes later", func(*signed) {}, at.Add(6 * time.Minute), "AuthFailure.SignatureExpire"},
		{"six minutes earlier", func(*signed) {}, at.Add(-6 * time.Minute), "AuthFailure.SignatureExpire"},
		{"body changed", func(s *signed) { s.body = bytes.Replace(s.body, []byte("token"), []byte("tokem"), 1) }, at, "AuthFailure.SignatureFailure"},
		{"host changed", func(s *signed) { s.host = "faceid.tencentcloudapi.com" }, at, "AuthFailure.SignatureFailure"},
		{"content type changed", func(s *signed) { s.header.Set("Content-Type", "text/plain") }, at, "AuthFailure.SignatureFailure"},
		{"timestamp changed", func(s *signed) { s.header.Set("X-TC-Timestamp", strconv.FormatInt(ts+1, 10)) }, at, "AuthFailure.SignatureFailure"},
		{"no Authorization", func(s *signed) { s.header.Del("Authorization") }, at, "AuthFailure.InvalidAuthorization"},
		{"another algorithm", func(s *signed) { s.header.Set("Authorization", "HMAC-SHA1 x") }, at, "AuthFailure.InvalidAuthorization"},
		{"no timestamp", func(s *signed) { s.header.Del("X-TC-Timestamp") }, at, "AuthFailure.InvalidAuthorization"},
		{"another version", func(s *signed) { s.header.Set("X-TC-Version", "2017-03-12") }, at, "NoSuchVersion"},
		{"another action", func(s *signed) { s.header.Set("X-TC-Action", "DetectAuth") }, at, "InvalidAction"},
		{"GET", func(s *signed) { s.method = http.MethodGet }, at, "UnsupportedProtocol"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := signed{s.method, s.host, s.header.Clone(), bytes.Clone(s.body)}
			tt.change(&c)
			if code, _ := check(c.request(), c.body, tt.now); code != tt.want {
				t.Errorf("check = %q, want %q", code, tt.want)
			}
		})
	}
}

// TestServer checks what the server records and answers.
func TestServer(t *testing.T) {
	srv := NewServer()
	defer srv.Close()
	srv.Answer("known", Response(`"Text": `+Text(0)))
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	for _, token := range []string{"known", "unknown", ""} {
		req := v20180301.NewGetDetectInfoEnhancedRequest()
		req.BizToken = common.StringPtr(token)
		req.RuleId = common.StringPtr("7")
		req.InfoType = common.StringPtr("1")
		resp, err := client.GetDetectInfoEnhanced(req)
		switch token {
		case "known":
			if err != nil || resp.Response.Text == nil || *resp.Response.Text.ErrCode != 0 || *resp.Response.RequestId == "" {
				t.Errorf("known token: %v, %s", err, resp.ToJsonString())
			}
		case "unknown":
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte("InvalidParameterValue.BizTokenIllegal")) {
				t.Errorf("unknown token: %v", err)
			}
		default:
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte("MissingParameter")) {
				t.Errorf("no token: %v", err)
			}
		}
	}
	want := []Request{
		{Action: "GetDetectInfoEnhanced", Token: "known", RuleID: "7", InfoType: "1"},
		{Action: "GetDetectInfoEnhanced", Token: "unknown", RuleID: "7", InfoType: "1"},
		{Action: "GetDetectInfoEnhanced", Token: "", RuleID: "7", InfoType: "1"},
	}
	if got := srv.Requests(); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("Requests() = %+v, want %+v", got, want)
	}
}

// TestCloseEndsHangs checks that Close returns while a client waits on an
// answer that hangs.
func TestCloseEndsHangs(t *testing.T) {
	srv := NewServer()
	srv.Answer("hang", Answer{Hang: true})
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		req := v20180301.NewGetDetectInfoEnhancedRequest()
		req.BizToken = common.StringPtr("hang")
		_, err := client.GetDetectInfoEnhanced(req)
		done <- err
	}()
	for len(srv.Requests()) == 0 {
		time.Sleep(time.Millisecond)
	}
	srv.Close()
	if err := <-done; err == nil {
		t.Error("a call answered by a closed server did not fail")
	}
}
