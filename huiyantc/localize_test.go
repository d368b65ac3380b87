package huiyantc_test

import (
	"context"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyantc"
	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

// TestLocalized goes from the API's answer, through the SDK's client and
// this package, to the text that the person reads, in their language.
func TestLocalized(t *testing.T) {
	tests := []struct {
		name   string
		answer huiyantctest.Answer
		lang   string
		code   faceid.Code
		user   string // the locale file's text
		ulang  string
	}{
		{"similarity too low, Taiwan", huiyantctest.Response(`"Text": ` + huiyantctest.Text(2016)), "zh-TW,zh;q=0.9",
			faceid.SimilarityTooLow, "人臉與證件照片比對未通過，請在光線充足處正對鏡頭再試一次", "zh-TW"},
		{"success, WeChat's zh_CN", huiyantctest.Response(`"Text": ` + huiyantctest.Text(0)), "zh_CN",
			faceid.Success, "验证成功", "zh-CN"},
		{"no result yet, Hong Kong", huiyantctest.Response(`"Text": null`), "zh_HK",
			faceid.FlowNotCompleted, "驗證未完成，請返回並重新開始；如仍失敗，請聯絡客戶服務", "zh-HK"},
		{"BizToken expired, English", huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"), "en",
			faceid.TokenExpired, "This verification has timed out. Please go back and start it again.", "en-US"},
		{"BizToken expired, Taiwan", huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"), "zh_TW",
			faceid.TokenExpired, "驗證已逾時，請返回後重新開始驗證", "zh-TW"},
		{"account in arrears, a service error", huiyantctest.Error("UnauthorizedOperation.Arrears", "账号已欠费。"), "zh-CN",
			faceid.InternalError4, "系统出了点问题，请稍后重试；如仍失败，请联系客服", "zh-CN"},
		{"no answer, a service error", huiyantctest.Answer{Drop: true}, "en-GB",
			faceid.InternalError4, "Something went wrong. Please try again later. If that fails, contact customer support.", "en-US"},
	}
	srv := huiyantctest.NewServer()
	defer srv.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.Answer(tt.name, tt.answer)
			client, err := srv.Client()
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			resp, err := call(ctx, client, tt.name)
			code := huiyantc.FromDetectInfo(resp).UserCode()
			if err != nil {
				code = huiyantc.FailureOf(ctx, err).UserCode()
			}
			m := huiyan.LocalizeWith(nil, code, tt.lang, nil)
			if m.Code != tt.code || !m.Known || m.User != tt.user || m.Lang != tt.ulang {
				t.Errorf("%v in %q: %+v, want %v, %q in %s", code, tt.lang, m, tt.code, tt.user, tt.ulang)
			}
		})
	}
}
