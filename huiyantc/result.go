package huiyantc

import (
	"math"

	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"

	"github.com/huiyan-i18n/huiyan/faceid"
)

// NullCode is a FaceID code that the API may return as null: Valid is
// false when the field was null or absent, and Code is then 0, which must
// not be read as success.
type NullCode struct {
	Code  faceid.Code
	Valid bool
}

// failed reports whether n holds a code other than success.
func (n NullCode) failed() bool { return n.Valid && n.Code != faceid.Success }

// Attempt is one attempt at liveness and comparison, an entry of
// DetectInfoText.LivenessDetail.
type Attempt struct {
	Final      NullCode // Errcode: the attempt's result
	Liveness   NullCode // Livestatus: its liveness check
	Comparison NullCode // Comparestatus: its comparison with the photo on record
}

// Result is what a verification's DetectInfoText says, as FaceID codes.
// Every field of the API's answer may be null, and so may the Text
// itself: a Result then holds codes that are not Valid, and no Attempts.
type Result struct {
	Final      NullCode // ErrCode: the result of the whole verification
	Liveness   NullCode // LiveStatus: the flow's liveness result
	Comparison NullCode // Comparestatus: the flow's comparison result
	// Attempts are the entries of LivenessDetail, in the order the API
	// gave them, oldest first; an entry that is null is an Attempt with
	// no Valid code, so that Attempts[i] is always LivenessDetail[i].
	Attempts []Attempt
}

// FromText returns the codes of t, which may be nil.
func FromText(t *v20180301.DetectInfoText) Result {
	if t == nil {
		return Result{}
	}
	r := Result{Final: null(t.ErrCode), Liveness: null(t.LiveStatus), Comparison: null(t.Comparestatus)}
	if len(t.LivenessDetail) > 0 {
		r.Attempts = make([]Attempt, len(t.LivenessDetail))
		for i, d := range t.LivenessDetail {
			if d != nil {
				r.Attempts[i] = Attempt{Final: null(d.Errcode), Liveness: null(d.Livestatus), Comparison: null(d.Comparestatus)}
			}
		}
	}
	return r
}

// FromDetectInfo returns the codes of a GetDetectInfoEnhanced answer's
// Text; resp may be nil, and so may its Response.
func FromDetectInfo(resp *v20180301.GetDetectInfoEnhancedResponse) Result {
	if resp == nil || resp.Response == nil {
		return Result{}
	}
	return FromText(resp.Response.Text)
}

// FromEidResult returns the codes of a GetEidResult answer's Text; resp
// may be nil, and so may its Response.
func FromEidResult(resp *v20180301.GetEidResultResponse) Result {
	if resp == nil || resp.Response == nil {
		return Result{}
	}
	return FromText(resp.Response.Text)
}

// null returns the code that p points to. FaceID's codes are small; a
// value outside the range of an int32 is clamped to its bounds, which are
// no code of the table, so that on no platform can a value wrap into one,
// least of all into 0.
func null(p *int64) NullCode {
	if p == nil {
		return NullCode{}
	}
	return NullCode{Code: faceid.Code(min(max(*p, math.MinInt32), math.MaxInt32)), Valid: true}
}

// UserCode returns the code whose user text tells the person how their
// verification went, by the first rule that applies:
//
//  1. Final, ErrCode, when the API returned it: the verification's
//     result, on which Tencent decides success and billing. It is the
//     only field that can make UserCode return Success.
//  2. The flow's Liveness, then its Comparison, when it is a failure:
//     the flow's own result for each step, over the history of attempts.
//  3. The failure of the latest attempt that failed: its Final, then its
//     Liveness, then its Comparison. The person remembers the last try,
//     and its cause is what they can change on the next.
//  4. Otherwise [faceid.FlowNotCompleted] (17): the verification has no
//     result yet (the person has not finished, or the Text is null), and
//     nothing says why.
//
// An attempt that succeeded while ErrCode is null is not a success: only
// the verification's result says that the person passed.
func (r Result) UserCode() faceid.Code {
	if r.Final.Valid {
		return r.Final.Code
	}
	for _, n := range [...]NullCode{r.Liveness, r.Comparison} {
		if n.failed() {
			return n.Code
		}
	}
	for i := len(r.Attempts) - 1; i >= 0; i-- {
		a := r.Attempts[i]
		for _, n := range [...]NullCode{a.Final, a.Liveness, a.Comparison} {
			if n.failed() {
				return n.Code
			}
		}
	}
	return faceid.FlowNotCompleted
}
