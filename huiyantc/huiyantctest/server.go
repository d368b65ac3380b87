// Package huiyantctest is a stand-in for Tencent Cloud's FaceID API on
// loopback, for tests that run the SDK's real client: request signing,
// JSON decoding and its error type, against answers shaped as the API's.
//
//	srv := huiyantctest.NewServer()
//	defer srv.Close()
//	srv.Answer("biz-token", huiyantctest.Response(`"Text": `+huiyantctest.Text(2016)))
//	client, err := srv.Client()
//	...
//	resp, err := client.GetDetectInfoEnhanced(req) // with BizToken "biz-token"
//
// The server checks each request as the API does: a POST of JSON to "/",
// with the actions GetDetectInfoEnhanced and GetEidResult of version
// 2018-03-01, signed with TC3-HMAC-SHA256 by the key [SecretID] and
// [SecretKey] within five minutes of its clock. A request that breaks one
// of these rules gets the API's error for it (AuthFailure.SignatureFailure,
// InvalidAction, ...), in the API's JSON; a token that no Answer was set
// for gets InvalidParameterValue.BizTokenIllegal.
//
// It is for tests only: it keeps every request it serves, and signs
// nothing of its own.
package huiyantctest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"
)

// The key the server accepts: a test key, which no Tencent Cloud account
// has.
const (
	SecretID  = "AKIDhuiyantctest0000000000000000"
	SecretKey = "huiyantctest-secret-key-for-loopback-only"
)

// The API that the server stands in for.
const (
	service = "faceid"
	version = "2018-03-01"
	// maxSkew is how far a request's timestamp may be from the server's
	// clock, as on Tencent Cloud.
	maxSkew = 5 * time.Minute
	// maxBody bounds what a request may carry: a TC3-HMAC-SHA256 POST
	// takes at most 10 MB.
	maxBody = 10 << 20
)

// Answer is what the server answers to a request for one token.
type Answer struct {
	// Status is the HTTP status; 0 is 200, as the API answers its errors
	// too.
	Status int
	// Body is the body as sent.
	Body string
	// Hang makes the server answer nothing until the client gives up or
	// the server closes, and then close the connection: a call that times
	// out.
	Hang bool
	// Drop makes the server close the connection without an answer: a
	// call that fails on the network.
	Drop bool
}

// Response returns the API's answer whose Response object holds members,
// JSON members such as `"Text": {"ErrCode": 0}`, and a RequestId. An empty
// members is a Response with a RequestId alone, as for a verification
// whose every field is null.
func Response(members string) Answer {
	if strings.TrimSpace(members) != "" {
		members += ", "
	}
	return Answer{Body: `{"Response": {` + members + `"RequestId": "` + requestID() + `"}}`}
}

// Error returns the API's answer for a failed call: Response.Error with
// code and message, as in {"Response": {"Error": {"Code":
// "InvalidParameterValue.BizTokenExpired", "Message": "BizToken过期。"},
// "RequestId": "..."}}.
func Error(code, message string) Answer {
	e, _ := json.Marshal(struct{ Code, Message string }{code, message})
	return Answer{Body: `{"Response": {"Error": ` + string(e) + `, "RequestId": "` + requestID() + `"}}`}
}

// Text returns the JSON of a DetectInfoText as GetDetectInfoEnhanced
// documents it, for a verification whose result is code: ErrCode code;
// LiveStatus code for a liveness code (1000-1999) and 0 otherwise;
// Comparestatus code for a comparison code (2000-2999), null after a
// failed liveness check and 0 otherwise; and one attempt in
// LivenessDetail with the same codes. The personal fields hold made-up
// values.
func Text(code int) string {
	live, compare := "0", "0"
	switch {
	case code >= 1000 && code < 2000:
		live, compare = strconv.Itoa(code), "null"
	case code >= 2000 && code < 3000:
		compare = strconv.Itoa(code)
	}
	msg := "成功"
	if code != 0 {
		msg = "失败"
	}
	return fmt.Sprintf(`{
	"ErrCode": %d, "ErrMsg": %q,
	"IdCard": "11010119900307001X", "UseIDType": 0, "Name": "张三",
	"OcrNation": null, "OcrAddress": null, "OcrBirth": null, "OcrAuthority": null,
	"OcrValidDate": null, "OcrName": null, "OcrIdCard": null, "OcrGender": null,
	"IdInfoFrom": "其他",
	"LiveStatus": %s, "LiveMsg": %q, "Comparestatus": %s, "Comparemsg": %q,
	"Sim": "71.02", "Location": null, "Extra": "",
	"LivenessDetail": [{
		"ReqTime": "1700000000000", "Seq": "e1b4c4b6-7b0a-4c8e-9f3a-0f1c2d3e4f50",
		"Idcard": "11010119900307001X", "Name": "张三", "Sim": "71.02", "IsNeedCharge": true,
		"Errcode": %d, "Errmsg": %q, "Livestatus": %s, "Livemsg": %q,
		"Comparestatus": %s, "Comparemsg": %q, "CompareLibType": "权威库", "LivenessMode": 3
	}],
	"LivenessInfoTag": [], "Mobile": "", "CompareLibType": "权威库", "LivenessMode": 3,
	"NFCRequestIds": null, "NFCBillingCounts": null, "PassNo": null, "VisaNum": null
}`, code, msg, live, msg, compare, msg, code, msg, live, msg, compare, msg)
}

// Request is what a client asked the server.
type Request struct {
	Action string // X-TC-Action
	// Token is the BizToken of GetDetectInfoEnhanced or the EidToken of
	// GetEidResult.
	Token    string
	RuleID   string // RuleId
	InfoType string
}

// Server is the stand-in API, on a port of 127.0.0.1.
type Server struct {
	// URL is the server's base URL, such as http://127.0.0.1:34567.
	URL string
	// Endpoint is its host and port, what a client's
	// profile.HttpProfile.Endpoint takes.
	Endpoint string

	srv  *httptest.Server
	done chan struct{} // closed by Close, to end the answers that hang
	once sync.Once

	mu       sync.Mutex
	answers  map[string]Answer
	requests []Request
}

// NewServer starts a server that answers no token yet.
func NewServer() *Server {
	s := &Server{answers: map[string]Answer{}, done: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	s.Endpoint = strings.TrimPrefix(s.srv.URL, "http://")
	return s
}

// Close ends the answers that hang, and stops the server.
func (s *Server) Close() {
	s.once.Do(func() { close(s.done) })
	s.srv.Close()
}

// Answer sets what the server answers to a request for token, a BizToken
// or an EidToken.
func (s *Server) Answer(token string, a Answer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[token] = a
}

// Requests returns the requests whose signature checked, in the order they
// came.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Client returns the SDK's client, made as a backend makes it, that calls
// the server with the test key over HTTP.
func (s *Server) Client() (*v20180301.Client, error) {
	return v20180301.NewClient(common.NewCredential(SecretID, SecretKey), "", s.Profile())
}

// Profile returns a client profile whose endpoint is the server.
func (s *Server) Profile() *profile.ClientProfile {
	p := profile.NewClientProfile()
	p.HttpProfile.Endpoint = s.Endpoint
	p.HttpProfile.Scheme = "HTTP"
	return p
}

// serve answers one request as the API would.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeAnswer(w, Error("RequestSizeLimitExceeded", "请求包超过限制大小。"))
		return
	}
	if code, msg := check(r, body, time.Now()); code != "" {
		writeAnswer(w, Error(code, msg))
		return
	}
	var params struct{ BizToken, EidToken, RuleId, InfoType string }
	if err := json.Unmarshal(body, &params); err != nil {
		writeAnswer(w, Error("InvalidParameter", "请求体不是有效的 JSON。"))
		return
	}
	rq := Request{Action: r.Header.Get("X-TC-Action"), Token: params.BizToken, RuleID: params.RuleId, InfoType: params.InfoType}
	if rq.Action == "GetEidResult" {
		rq.Token = params.EidToken
	}
	s.mu.Lock()
	s.requests = append(s.requests, rq)
	a, ok := s.answers[rq.Token]
	s.mu.Unlock()
	switch {
	case rq.Token == "":
		a = Error("MissingParameter", "缺少参数 BizToken。")
	case !ok:
		a = Error("InvalidParameterValue.BizTokenIllegal", "BizToken不合法。")
	}
	s.answer(w, r, a)
}

// answer writes a, or hangs or drops as a says.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, a Answer) {
	if a.Hang {
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
	}
	if !a.Hang && !a.Drop {
		writeAnswer(w, a)
		return
	}
	// No answer at all, not even the empty one that net/http would send
	// for a handler that writes nothing.
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		conn.Close()
	}
}

func writeAnswer(w http.ResponseWriter, a Answer) {
	w.Header().Set("Content-Type", "application/json")
	if a.Status != 0 {
		w.WriteHeader(a.Status)
	}
	io.WriteString(w, a.Body)
}

// check returns the API's error code and message for a request that the
// API would refuse before reading its parameters, and "" for one it
// accepts.
func check(r *http.Request, body []byte, now time.Time) (code, msg string) {
	switch {
	case r.Method != http.MethodPost || r.URL.Path != "/":
		return "UnsupportedProtocol", "只支持 POST 请求。"
	case r.Header.Get("X-TC-Version") != version:
		return "NoSuchVersion", "接口版本不存在。"
	}
	switch r.Header.Get("X-TC-Action") {
	case "GetDetectInfoEnhanced", "GetEidResult":
	default:
		return "InvalidAction", "接口不存在。"
	}
	return checkSignature(r, body, now)
}

// checkSignature checks the request's TC3-HMAC-SHA256 signature, as
// Tencent Cloud's signature v3 documents it.
func checkSignature(r *http.Request, body []byte, now time.Time) (code, msg string) {
	const algorithm = "TC3-HMAC-SHA256"
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), algorithm+" ")
	fields := map[string]string{}
	for f := range strings.SplitSeq(auth, ", ") {
		if k, v, found := strings.Cut(f, "="); found {
			fields[k] = v
		}
	}
	scope := strings.Split(fields["Credential"], "/")
	if !ok || len(scope) != 4 || scope[2] != service || scope[3] != "tc3_request" ||
		fields["SignedHeaders"] != "content-type;host" || len(fields["Signature"]) != sha256.Size*2 {
		return "AuthFailure.InvalidAuthorization", "请求头部的 Authorization 不符合腾讯云标准。"
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	signed := time.Unix(ts, 0).UTC()
	switch {
	case err != nil || signed.Format(time.DateOnly) != scope[1]:
		return "AuthFailure.InvalidAuthorization", "X-TC-Timestamp 与 Credential 的日期不符。"
	case signed.Before(now.Add(-maxSkew)) || signed.After(now.Add(maxSkew)):
		return "AuthFailure.SignatureExpire", "签名过期。"
	case scope[0] != SecretID:
		return "AuthFailure.SecretIdNotFound", "密钥不存在。"
	}
	canonical := strings.Join([]string{
		r.Method, "/", "",
		"content-type:" + r.Header.Get("Content-Type") + "\nhost:" + r.Host + "\n",
		"content-type;host", sha256Hex(body),
	}, "\n")
	toSign := strings.Join([]string{algorithm, strconv.FormatInt(ts, 10), strings.Join(scope[1:], "/"), sha256Hex([]byte(canonical))}, "\n")
	key := hmacSHA256([]byte("TC3"+SecretKey), scope[1])
	key = hmacSHA256(key, service)
	key = hmacSHA256(key, "tc3_request")
	want := hex.EncodeToString(hmacSHA256(key, toSign))
	if !hmac.Equal([]byte(want), []byte(fields["Signature"])) {
		return "AuthFailure.SignatureFailure", "签名错误。"
	}
	return "", ""
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func hmacSHA256(key []byte, msg string) []byte {
	h := hmac.New(sha256.New, key)
	io.WriteString(h, msg)
	return h.Sum(nil)
}

// requestIDs numbers the answers made: each has a RequestId of its own,
// shaped as Tencent Cloud's.
var requestIDs atomic.Int64

func requestID() string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", requestIDs.Add(1))
}
