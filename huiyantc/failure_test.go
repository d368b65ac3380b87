package huiyantc_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyantc"
	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

// call asks client for the result of token with ctx.
func call(ctx context.Context, client *v20180301.Client, token string) (*v20180301.GetDetectInfoEnhancedResponse, error) {
	req := v20180301.NewGetDetectInfoEnhancedRequest()
	req.BizToken = common.StringPtr(token)
	req.RuleId = common.StringPtr("1")
	return client.GetDetectInfoEnhancedWithContext(ctx, req)
}

// TestFailureOf makes the SDK's client fail in each way it can, against
// the loopback server, and reads its error.
func TestFailureOf(t *testing.T) {
	srv := huiyantctest.NewServer()
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // its port refuses connections now
	down, err := v20180301.NewClient(common.NewCredential(huiyantctest.SecretID, huiyantctest.SecretKey), "", profileFor(closed.Listener.Addr().String()))
	if err != nil {
		t.Fatal(err)
	}
	wrongKey, err := v20180301.NewClient(common.NewCredential(huiyantctest.SecretID, "not-the-key"), "", srv.Profile())
	if err != nil {
		t.Fatal(err)
	}
	unknownID, err := v20180301.NewClient(common.NewCredential("AKIDunknown", huiyantctest.SecretKey), "", srv.Profile())
	if err != nil {
		t.Fatal(err)
	}
	noCredential := &v20180301.Client{}
	noCredential.Init("").WithProfile(srv.Profile())

	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancelExpired := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer cancelExpired()
	// The server hangs until the client gives up: whenever the deadline
	// comes, the call times out.
	soon, cancelSoon := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancelSoon()

	tests := []struct {
		name    string
		answer  *huiyantctest.Answer // for the token named name; nil for none
		client  *v20180301.Client
		ctx     context.Context
		kind    huiyantc.Kind
		code    string // the SDK's code; a prefix for the SDK's own
		faceID  huiyantc.NullCode
		user    faceid.Code
		request bool // whether the API gave a RequestId
	}{
		{
			name: "BizToken expired", answer: answer(huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。")),
			kind: huiyantc.APIError, code: "InvalidParameterValue.BizTokenExpired", faceID: code(faceid.TokenExpired), user: faceid.TokenExpired, request: true,
		},
		{
			name: "similarity too low", answer: answer(huiyantctest.Error("FailedOperation.CompareLowSimilarity", "比对相似度未达到通过标准。")),
			kind: huiyantc.APIError, code: "FailedOperation.CompareLowSimilarity", faceID: code(faceid.SimilarityTooLow), user: faceid.SimilarityTooLow, request: true,
		},
		{
			name: "account in arrears", answer: answer(huiyantctest.Error("UnauthorizedOperation.Arrears", "账号已欠费。")),
			kind: huiyantc.APIError, code: "UnauthorizedOperation.Arrears", user: faceid.InternalError4, request: true,
		},
		{
			name: "a code of a known kind", answer: answer(huiyantctest.Error("InvalidParameterValue.SomethingNew", "参数取值错误。")),
			kind: huiyantc.APIError, code: "InvalidParameterValue.SomethingNew", faceID: code(faceid.InvalidParameterValue), user: faceid.InvalidParameterValue, request: true,
		},
		{
			name: "a code of no known kind", answer: answer(huiyantctest.Error("Brand.New", "?")),
			kind: huiyantc.APIError, code: "Brand.New", user: faceid.InternalError4, request: true,
		},
		{
			name: "a token the API does not know", kind: huiyantc.APIError, code: "InvalidParameterValue.BizTokenIllegal",
			faceID: code(faceid.InvalidParameterValue), user: faceid.InvalidParameterValue, request: true,
		},
		{
			name: "an error answered with status 500", answer: &huiyantctest.Answer{Status: 500, Body: huiyantctest.Error("InternalError", "内部错误。").Body},
			kind: huiyantc.APIError, code: "InternalError", faceID: code(faceid.InternalError4), user: faceid.InternalError4, request: true,
		},
		{
			name: "wrong secret key", answer: answer(huiyantctest.Response(`"Text": null`)), client: wrongKey,
			kind: huiyantc.APIError, code: "AuthFailure.SignatureFailure", user: faceid.InternalError4, request: true,
		},
		{
			name: "unknown secret id", answer: answer(huiyantctest.Response(`"Text": null`)), client: unknownID,
			kind: huiyantc.APIError, code: "AuthFailure.SecretIdNotFound", user: faceid.InternalError4, request: true,
		},
		{
			name: "connection dropped", answer: &huiyantctest.Answer{Drop: true},
			kind: huiyantc.NetworkError, code: "ClientError.NetworkError", user: faceid.InternalError4,
		},
		{
			name: "connection refused", client: down,
			kind: huiyantc.NetworkError, code: "ClientError.NetworkError", user: faceid.InternalError4,
		},
		{
			name: "a gateway's HTML", answer: &huiyantctest.Answer{Status: 502, Body: "<html><body>502 Bad Gateway</body></html>"},
			kind: huiyantc.NetworkError, code: "ClientError.ParseJsonError", user: faceid.InternalError4,
		},
		{
			name: "a status without the API's error", answer: &huiyantctest.Answer{Status: 503, Body: `{"message": "unavailable"}`},
			kind: huiyantc.NetworkError, code: "ClientError.HttpStatusCodeError", user: faceid.InternalError4,
		},
		{
			name: "deadline passed before the call", answer: answer(huiyantctest.Response(`"Text": null`)), ctx: expired,
			kind: huiyantc.Timeout, code: "ClientError.NetworkError", user: faceid.InternalError4,
		},
		{
			name: "deadline passes while the API does not answer", answer: &huiyantctest.Answer{Hang: true}, ctx: soon,
			kind: huiyantc.Timeout, code: "ClientError.NetworkError", user: faceid.InternalError4,
		},
		{
			name: "canceled before the call", answer: answer(huiyantctest.Response(`"Text": null`)), ctx: canceled,
			kind: huiyantc.Canceled, code: "ClientError.NetworkError", user: faceid.InternalError4,
		},
		{
			name: "no credential", client: noCredential,
			kind: huiyantc.ClientError, code: "", user: faceid.InternalError4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.answer != nil {
				srv.Answer(tt.name, *tt.answer)
			}
			c, ctx := tt.client, tt.ctx
			if c == nil {
				c = client
			}
			if ctx == nil {
				ctx = context.Background()
			}
			_, err := call(ctx, c, tt.name)
			if err == nil {
				t.Fatal("the call did not fail")
			}
			// Both with the context and, as a caller that has none
			// would, from the error alone.
			for _, ctx := range []context.Context{ctx, nil} {
				f := huiyantc.FailureOf(ctx, err)
				if f.Kind != tt.kind || f.Code != tt.code || f.FaceID != tt.faceID || f.Err != err {
					t.Errorf("FailureOf(%v) = %+v, want kind %v, code %q, FaceID %+v", ctx, f, tt.kind, tt.code, tt.faceID)
				}
				if got := f.UserCode(); got != tt.user {
					t.Errorf("UserCode() = %v, want %v", got, tt.user)
				}
				if (f.RequestID != "") != tt.request {
					t.Errorf("RequestID %q; want one: %v", f.RequestID, tt.request)
				}
			}
		})
	}
}

// profileFor returns a client profile whose endpoint is hostport, over
// HTTP.
func profileFor(hostport string) *profile.ClientProfile {
	p := profile.NewClientProfile()
	p.HttpProfile.Endpoint = hostport
	p.HttpProfile.Scheme = "HTTP"
	return p
}

func answer(a huiyantctest.Answer) *huiyantctest.Answer { return &a }

// TestFailureOfMessages reads errors that the loopback server cannot make
// the client return: the SDK's timeout, whose message net/http writes, a
// cancellation that only the caller's context knows of, and errors that
// are not the SDK's.
func TestFailureOfMessages(t *testing.T) {
	// The text of http.Client's own timeout, made for real and wrapped as
	// the SDK wraps a network error.
	srv := huiyantctest.NewServer()
	defer srv.Close()
	srv.Answer("hang", huiyantctest.Answer{Hang: true})
	_, err := (&http.Client{Timeout: time.Nanosecond}).Post(srv.URL, "application/json", strings.NewReader(`{"BizToken":"hang"}`))
	if err == nil {
		t.Fatal("a client that gives up at once did not fail")
	}
	clientTimeout := tcerr.NewTencentCloudSDKError("ClientError.NetworkError", fmt.Sprintf("Fail to get response because %s", err), "")

	network := tcerr.NewTencentCloudSDKError("ClientError.NetworkError", "Fail to get response because Post \"http://127.0.0.1:9/\": dial tcp 127.0.0.1:9: connect: connection refused", "")
	ioError := tcerr.NewTencentCloudSDKError("ClientError.IOError", "Fail to read response body because context canceled", "")
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, stop := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer stop()
	var nilSDK *tcerr.TencentCloudSDKError

	tests := []struct {
		name string
		ctx  context.Context
		err  error
		kind huiyantc.Kind
		code string
	}{
		{"nil", nil, nil, huiyantc.None, ""},
		{"the SDK's timeout", nil, clientTimeout, huiyantc.Timeout, "ClientError.NetworkError"},
		{"a network error", nil, network, huiyantc.NetworkError, "ClientError.NetworkError"},
		{"a network error while the caller canceled", canceled, network, huiyantc.Canceled, "ClientError.NetworkError"},
		{"a network error past the caller's deadline", expired, network, huiyantc.Timeout, "ClientError.NetworkError"},
		{"reading the answer canceled", nil, ioError, huiyantc.Canceled, "ClientError.IOError"},
		{"an API answer while the caller canceled", canceled, tcerr.NewTencentCloudSDKError("InternalError", "内部错误。", "r"), huiyantc.APIError, "InternalError"},
		{"the SDK's circuit breaker", nil, tcerr.NewTencentCloudSDKError("ClientError.CircuitBreakerError", "circuit breaker is open", ""), huiyantc.ClientError, "ClientError.CircuitBreakerError"},
		{"wrapped", nil, fmt.Errorf("backend: %w", tcerr.NewTencentCloudSDKError("InvalidParameterValue.BizTokenExpired", "BizToken过期。", "r")), huiyantc.APIError, "InvalidParameterValue.BizTokenExpired"},
		{"a context error", nil, fmt.Errorf("backend: %w", context.DeadlineExceeded), huiyantc.Timeout, ""},
		{"canceled", nil, context.Canceled, huiyantc.Canceled, ""},
		{"another error", nil, errors.New("GetDetectInfoEnhanced require credential"), huiyantc.ClientError, ""},
		{"a nil SDK error", nil, nilSDK, huiyantc.ClientError, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := huiyantc.FailureOf(tt.ctx, tt.err)
			if f.Kind != tt.kind || f.Code != tt.code {
				t.Errorf("FailureOf = %+v, want kind %v and code %q", f, tt.kind, tt.code)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	want := map[huiyantc.Kind]string{
		huiyantc.None: "none", huiyantc.APIError: "api", huiyantc.NetworkError: "network",
		huiyantc.Timeout: "timeout", huiyantc.Canceled: "canceled", huiyantc.ClientError: "client",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", int(k), k.String(), s)
		}
	}
}
