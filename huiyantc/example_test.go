package huiyantc_test

import (
	"context"
	"fmt"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyantc"
	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

// getResult asks the loopback API for the result of token, as a backend
// asks Tencent's.
func getResult(srv *huiyantctest.Server, token string) (*v20180301.GetDetectInfoEnhancedResponse, error) {
	client, err := srv.Client() // a backend: v20180301.NewClient(credential, "", profile)
	if err != nil {
		return nil, err
	}
	req := v20180301.NewGetDetectInfoEnhancedRequest()
	req.BizToken = common.StringPtr(token)
	req.RuleId = common.StringPtr("1")
	req.InfoType = common.StringPtr("1") // the Text alone: no photos, no video
	return client.GetDetectInfoEnhancedWithContext(context.Background(), req)
}

// A verification whose face did not match the photo on record closely
// enough: ErrCode 2016.
func ExampleFromDetectInfo() {
	srv := huiyantctest.NewServer() // stands in for Tencent's API
	defer srv.Close()
	srv.Answer("token", huiyantctest.Response(`"Text": `+huiyantctest.Text(2016)))

	resp, err := getResult(srv, "token")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := huiyantc.FromDetectInfo(resp)
	fmt.Println(r.Final.Code, r.Liveness.Code, r.Comparison.Code, len(r.Attempts))
	code := r.UserCode()
	fmt.Println(int(code), code, code.Retryable(), code.Billed())
	m := huiyan.LocalizeWith(nil, code, "zh_TW", nil) // the person's language, as WeChat says it
	fmt.Println(m.Lang, m.User)
	// Output:
	// SimilarityTooLow Success SimilarityTooLow 1
	// 2016 SimilarityTooLow true true
	// zh-TW 人臉與證件照片比對未通過，請在光線充足處正對鏡頭再試一次
}

// A verification with no result yet: ErrCode is null, and so is an entry
// of LivenessDetail. The latest failed attempt tells the person why.
func ExampleResult_UserCode() {
	srv := huiyantctest.NewServer()
	defer srv.Close()
	srv.Answer("token", huiyantctest.Response(`"Text": {"ErrCode": null, "LivenessDetail": [
		{"Errcode": 1201, "Livestatus": 1201},
		null,
		{"Errcode": null, "Livestatus": 0, "Comparestatus": 2015}]}`))

	resp, err := getResult(srv, "token")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := huiyantc.FromDetectInfo(resp)
	fmt.Println(r.Final.Valid, len(r.Attempts), r.UserCode())
	// Output:
	// false 3 NotSamePersonComparison
}

// A call with a BizToken whose time has run out: the API answers
// Response.Error, and the SDK's client returns it as an error.
func ExampleFailureOf() {
	srv := huiyantctest.NewServer()
	defer srv.Close()
	srv.Answer("token", huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"))

	ctx := context.Background()
	_, err := getResult(srv, "token")
	f := huiyantc.FailureOf(ctx, err)
	fmt.Println(f.Kind, f.Code, f.RequestID != "")
	fmt.Println(f.FaceID.Valid, f.UserCode())
	fmt.Println(huiyan.LocalizeWith(nil, f.UserCode(), "en", nil).User) // for the person
	fmt.Println(huiyantc.Describe(f.Code, "en").Title)                  // for the operator
	// Output:
	// api InvalidParameterValue.BizTokenExpired true
	// true TokenExpired
	// This verification has timed out. Please go back and start it again.
	// The BizToken has expired
}

// The operator texts of an error that is the operator's to fix, in the
// operator's language, whatever the person's.
func ExampleDescribe() {
	t := huiyantc.Describe("UnauthorizedOperation.Arrears", "zh-TW")
	fmt.Println(t.Lang, t.Title)
	fmt.Println(t.Remedy)
	t = huiyantc.Describe("UnauthorizedOperation.Arrears", "en-GB,en;q=0.9")
	fmt.Println(t.Lang, t.Title)
	// Output:
	// zh-TW 帳號已欠費
	// 請為騰訊雲帳號儲值；餘額恢復後即可正常呼叫。
	// en-US The account is in arrears
}
