package huiyantc

import (
	"context"
	"errors"
	"strings"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/huiyan-i18n/huiyan/faceid"
)

// Kind says where a call through the SDK failed: what a backend branches
// on to retry, to alert or to answer.
type Kind int

// The kinds of failure.
const (
	// None is the kind of a nil error: the call did not fail.
	None Kind = iota
	// APIError is an answer of the API: Response.Error, whose Code is
	// the API's, such as "InvalidParameterValue.BizTokenExpired".
	APIError
	// NetworkError is a call that got no answer of the API's: the
	// connection failed or broke, or what answered was not the API (a
	// status other than 200, or a body that is not its JSON).
	NetworkError
	// Timeout is a call that ran out of time: the deadline of its
	// context, or the SDK's own timeout (HttpProfile.ReqTimeout).
	Timeout
	// Canceled is a call whose context was canceled, as when the request
	// that the backend serves has gone away.
	Canceled
	// ClientError is a call the SDK did not make or could not finish on
	// its side: credentials, building or signing the request, its circuit
	// breaker, or an error of a type other than the SDK's.
	ClientError
)

// String returns the kind's name as a log would hold it: "none", "api",
// "network", "timeout", "canceled" or "client".
func (k Kind) String() string {
	switch k {
	case None:
		return "none"
	case APIError:
		return "api"
	case NetworkError:
		return "network"
	case Timeout:
		return "timeout"
	case Canceled:
		return "canceled"
	}
	return "client"
}

// clientPrefix begins the codes that the SDK gives its own failures, as
// opposed to the API's answers.
const clientPrefix = "ClientError"

// Failure is what an error that the SDK's client returned says.
type Failure struct {
	Kind Kind
	// Code is the error's code: the API's for an APIError, such as
	// "FailedOperation.CompareLowSimilarity"; the SDK's own for the
	// others, such as "ClientError.NetworkError"; and "" for an error
	// that is not a *errors.TencentCloudSDKError.
	Code string
	// RequestID is the API's RequestId, which Tencent's support asks
	// for; "" when the call got no answer.
	RequestID string
	// FaceID is the FaceID code whose user text applies to the error,
	// where one corresponds by meaning; Valid is false where none does.
	FaceID NullCode
	// Err is the error read.
	Err error
}

// FailureOf reads err, an error returned by a call of the SDK's client
// made with ctx. ctx may be nil; with it, a call that failed without an
// answer while ctx was done is a Timeout or Canceled whatever the SDK's
// message says. A nil err is a Failure of kind None.
//
// The SDK keeps of a network error its message only, in an error of code
// ClientError.NetworkError: the kind comes from that message as net/http
// writes it ("context canceled", "context deadline exceeded",
// "Client.Timeout exceeded", "i/o timeout") when ctx does not tell.
func FailureOf(ctx context.Context, err error) Failure {
	if err == nil {
		return Failure{}
	}
	f := Failure{Kind: ClientError, Err: err}
	var sdk *tcerr.TencentCloudSDKError
	if errors.As(err, &sdk) && sdk != nil {
		f.Code, f.RequestID = sdk.Code, sdk.RequestId
		if !strings.HasPrefix(sdk.Code, clientPrefix) {
			f.Kind = APIError
			if c, ok := faceIDCode(sdk.Code); ok {
				f.FaceID = NullCode{Code: c, Valid: true}
			}
			return f
		}
	}
	switch {
	case errors.Is(err, context.Canceled):
		f.Kind = Canceled
	case errors.Is(err, context.DeadlineExceeded):
		f.Kind = Timeout
	case sdk == nil:
		// An error not of the SDK's type: the client refused to call.
	case unanswered(sdk.Code):
		f.Kind = transport(ctx, sdk.Message)
	case sdk.Code == "ClientError.HttpStatusCodeError", sdk.Code == "ClientError.ParseJsonError":
		f.Kind = NetworkError
	}
	return f
}

// unanswered reports whether code is the SDK's for a call that got no
// whole answer: the request failed, or reading the answer did.
func unanswered(code string) bool {
	return code == "ClientError.NetworkError" || code == "ClientError.IOError"
}

// transport returns the kind of a call that got no answer, from ctx or
// else the SDK's message.
func transport(ctx context.Context, msg string) Kind {
	if ctx != nil {
		switch err := ctx.Err(); {
		case errors.Is(err, context.Canceled):
			return Canceled
		case errors.Is(err, context.DeadlineExceeded):
			return Timeout
		}
	}
	switch {
	case strings.Contains(msg, context.Canceled.Error()):
		return Canceled
	case strings.Contains(msg, context.DeadlineExceeded.Error()),
		strings.Contains(msg, "Client.Timeout exceeded"),
		strings.Contains(msg, "i/o timeout"):
		return Timeout
	}
	return NetworkError
}

// UserCode returns the code whose user text the person should see: FaceID
// when Valid, and otherwise [faceid.InternalError4], the first of FaceID's
// service errors (服务异常, 4-13), which ask the person to try again
// later. An error without a FaceID code is none of the person's doing (the
// network, the operator's account or call, Tencent's service), and a
// service error is what it is to them; the operator reads the rest in
// [Describe]. It is meant for the Failure of an error: a Failure of kind
// None has no code for the person either.
func (f Failure) UserCode() faceid.Code {
	if f.FaceID.Valid {
		return f.FaceID.Code
	}
	return faceid.InternalError4
}
