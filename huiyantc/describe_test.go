package huiyantc_test

import (
	"testing"

	"github.com/huiyan-i18n/huiyan/huiyantc"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name, code, lang string
		want             huiyantc.ErrorText
	}{
		{
			name: "English", code: "UnauthorizedOperation.Arrears", lang: "en",
			want: huiyantc.ErrorText{Code: "UnauthorizedOperation.Arrears", Known: true, Lang: "en-US",
				Title: "The account is in arrears", Remedy: "Top up the Tencent Cloud account; calls succeed again once it is in credit."},
		},
		{
			name: "WeChat's Simplified Chinese", code: "InvalidParameterValue.BizTokenExpired", lang: "zh_CN",
			want: huiyantc.ErrorText{Code: "InvalidParameterValue.BizTokenExpired", Known: true, Lang: "zh-CN",
				Title: "BizToken 过期", Remedy: "BizToken 在 DetectAuth 之后的有效期有限（默认 7200 秒）。请用新的 BizToken 重新发起核身，并在过期前拉取结果。"},
		},
		{
			name: "Taiwan, from a header", code: "FailedOperation.CompareLowSimilarity", lang: "zh-TW,zh;q=0.9,en;q=0.8",
			want: huiyantc.ErrorText{Code: "FailedOperation.CompareLowSimilarity", Known: true, Lang: "zh-TW",
				Title: "比對相似度未達到通過標準", Remedy: "使用者可正對鏡頭、在光線充足處重試。通過閾值在人臉核身主控台按 RuleId 設定。"},
		},
		{
			name: "Macao reads Hong Kong's", code: "UnauthorizedOperation.Arrears", lang: "zh-MO",
			want: huiyantc.ErrorText{Code: "UnauthorizedOperation.Arrears", Known: true, Lang: "zh-HK",
				Title: "帳戶已欠費", Remedy: "請為騰訊雲帳戶增值；餘額恢復後即可正常調用。"},
		},
		{
			name: "a language no file serves", code: "ClientError.NetworkError", lang: "ja",
			want: huiyantc.ErrorText{Code: "ClientError.NetworkError", Known: true, Lang: "en-US",
				Title:  "The request got no answer: a network error, a timeout or a cancellation",
				Remedy: "Check that the backend reaches the endpoint (DNS, firewall, proxy, TLS); the error's Message holds the cause. Retry with a growing delay."},
		},
		{
			name: "a code the table lacks, of a kind it has", code: "ResourceNotFound.NoSuchRule", lang: "en-US",
			want: huiyantc.ErrorText{Code: "ResourceNotFound.NoSuchRule", Lang: "en-US",
				Title: "The resource does not exist", Remedy: "The error's Message names the resource; check its identifier."},
		},
		{
			name: "a code of no kind the table has", code: "Brand.New", lang: "en-US",
			want: huiyantc.ErrorText{Code: "Brand.New", Lang: "en-US",
				Title: "An error code that this list does not hold", Remedy: "Look the code up in the error codes of FaceID's API documentation; the error's Message says more."},
		},
		{
			name: "no code", code: "", lang: "",
			want: huiyantc.ErrorText{Code: "", Lang: "zh-CN",
				Title: "该错误没有腾讯云错误码", Remedy: "它既不是 API 的应答，也不是带错误码的 SDK 错误：错误文本说明了失败原因，例如创建客户端时没有提供凭证。"},
		},
		{
			name: "the table for codes not listed is no code", code: "*", lang: "en",
			want: huiyantc.ErrorText{Code: "*", Lang: "en-US",
				Title: "An error code that this list does not hold", Remedy: "Look the code up in the error codes of FaceID's API documentation; the error's Message says more."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := huiyantc.Describe(tt.code, tt.lang); got != tt.want {
				t.Errorf("Describe(%q, %q) =\n %+v\nwant\n %+v", tt.code, tt.lang, got, tt.want)
			}
		})
	}
}
