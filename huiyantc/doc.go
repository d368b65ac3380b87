// Package huiyantc turns what Tencent Cloud's Go SDK returns for a FaceID
// verification into huiyan's values: the result's integers into
// [faceid.Code] values, and the SDK's errors into a [Failure] with the
// FaceID code whose user text applies and operator texts in the four
// locales of package huiyan. It is a module of its own, so that the
// library's go.mod does not require the SDK
// (github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid).
//
// A backend that asks for a verification's result with
// GetDetectInfoEnhanced (or GetEidResult for E证通) answers the person in
// two branches, whatever happened:
//
//	resp, err := client.GetDetectInfoEnhancedWithContext(ctx, req)
//	if err != nil {
//		f := huiyantc.FailureOf(ctx, err)
//		log.Warn("faceid call failed", "kind", f.Kind, "code", f.Code,
//			"request_id", f.RequestID, "title", huiyantc.Describe(f.Code, "en").Title)
//		huiyanhttp.WriteResult(w, r, f.UserCode(), map[string]string{"tencentCloudCode": f.Code})
//		return
//	}
//	huiyanhttp.WriteResult(w, r, huiyantc.FromDetectInfo(resp).UserCode(), nil)
//
// # Where the codes come from
//
// GetDetectInfoEnhanced and GetEidResult answer Response.Text, a
// DetectInfoText, which holds the codes of a verification: ErrCode, the
// result of the whole verification (0 for success); LiveStatus and
// Comparestatus, the flow's results for its liveness check and its
// comparison with the photo on record; and LivenessDetail, one entry per
// attempt, with its own Errcode, Livestatus and Comparestatus. The API
// documents every one of them as "may be null", and Text itself too.
// [FromText], [FromDetectInfo] and [FromEidResult] read them into a
// [Result] of [NullCode] values, whatever is null, and never panic.
//
// [Result.UserCode] chooses the one code the person should see: ErrCode
// when present, since it is what Tencent decides success and billing on;
// else the flow's liveness or comparison failure; else the latest failed
// attempt's; else [faceid.FlowNotCompleted]. It never makes a success of
// anything but ErrCode 0. The ErrMsg, LiveMsg and other *Msg fields are
// descriptive only, as the API says, and not read.
//
// # Errors of the SDK
//
// A call that fails returns an error, most often a
// *errors.TencentCloudSDKError whose Code is a string. [FailureOf] tells
// apart the [Kind] of failure: an answer of the API (APIError, with the
// API's code, such as "InvalidParameterValue.BizTokenExpired"), a call
// that got no answer (NetworkError, whose SDK code is
// "ClientError.NetworkError" or another of the SDK's own), one that ran
// out of time (Timeout) or was canceled (Canceled), and one the SDK did not
// make (ClientError).
//
// No published mapping from the API's error codes to FaceID's result codes
// exists. Where a FaceID code means what an error means, such as 15
// (TokenExpired) for InvalidParameterValue.BizTokenExpired or 2016
// (SimilarityTooLow) for FailedOperation.CompareLowSimilarity, the Failure
// carries it, and its user text tells the person what to do; the table in
// codes.go says for each code which one, and why, or why none. An error
// with none is the operator's or Tencent's to fix, and [Failure.UserCode]
// gives the person FaceID's service error, 4.
//
// [Describe] gives the operator texts of any code: every code of the SDK's
// errors.go, Tencent Cloud's common error codes and the SDK's own, in
// zh-CN, en-US, zh-TW and zh-HK, chosen by the fallback rules of package
// huiyan. The texts are data, one TOML file per locale, embedded.
//
// # Tests
//
// Package huiyantctest stands in for the FaceID API on loopback, so that
// tests run the SDK's real client: its signing, its decoding and its
// errors.
package huiyantc
