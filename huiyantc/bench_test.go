package huiyantc_test

import (
	"context"
	"testing"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"

	"github.com/huiyan-i18n/huiyan/huiyantc"
)

// BenchmarkFromDetectInfo reads a result of three attempts and chooses
// the code to show: what a backend does for each verification.
func BenchmarkFromDetectInfo(b *testing.B) {
	i := func(v int64) *int64 { return &v }
	resp := &v20180301.GetDetectInfoEnhancedResponse{Response: &v20180301.GetDetectInfoEnhancedResponseParams{
		Text: &v20180301.DetectInfoText{LiveStatus: i(0), LivenessDetail: []*v20180301.DetectDetail{
			{Errcode: i(1201), Livestatus: i(1201)},
			nil,
			{Livestatus: i(0), Comparestatus: i(2016)},
		}},
	}}
	for b.Loop() {
		if huiyantc.FromDetectInfo(resp).UserCode() != 2016 {
			b.Fatal("wrong code")
		}
	}
}

// BenchmarkFailureOf reads an API error, and the operator texts of its
// code in a language a client sent: what a backend does for each failed
// call.
func BenchmarkFailureOf(b *testing.B) {
	err := tcerr.NewTencentCloudSDKError("InvalidParameterValue.BizTokenExpired", "BizToken过期。", "r")
	ctx := context.Background()
	for b.Loop() {
		f := huiyantc.FailureOf(ctx, err)
		if f.UserCode() != 15 || huiyantc.Describe(f.Code, "zh-TW,zh;q=0.9").Title == "" {
			b.Fatal("wrong failure")
		}
	}
}
