package huiyantc_test

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/huiyantc"
	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

// code is a Valid NullCode.
func code(c faceid.Code) huiyantc.NullCode { return huiyantc.NullCode{Code: c, Valid: true} }

// null is a NullCode the API returned as null or not at all.
var null huiyantc.NullCode

// detectInfo asks srv for the result of token through the SDK's client.
func detectInfo(t *testing.T, srv *huiyantctest.Server, token string) *v20180301.GetDetectInfoEnhancedResponse {
	t.Helper()
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	req := v20180301.NewGetDetectInfoEnhancedRequest()
	req.BizToken = common.StringPtr(token)
	req.RuleId = common.StringPtr("1")
	req.InfoType = common.StringPtr("1")
	resp, err := client.GetDetectInfoEnhancedWithContext(context.Background(), req)
	if err != nil {
		t.Fatalf("GetDetectInfoEnhanced: %v", err)
	}
	return resp
}

// TestFromDetectInfo sends answers shaped as GetDetectInfoEnhanced's
// through the SDK's client and reads them: documented answers, null and
// absent fields, and attempts.
func TestFromDetectInfo(t *testing.T) {
	tests := []struct {
		name     string
		response string // the members of Response, without RequestId
		want     huiyantc.Result
		user     faceid.Code
	}{
		{
			name:     "documented, similarity too low",
			response: `"Text": ` + huiyantctest.Text(2016),
			want: huiyantc.Result{
				Final: code(2016), Liveness: code(0), Comparison: code(2016),
				Attempts: []huiyantc.Attempt{{Final: code(2016), Liveness: code(0), Comparison: code(2016)}},
			},
			user: faceid.SimilarityTooLow,
		},
		{
			name:     "documented, success",
			response: `"Text": ` + huiyantctest.Text(0),
			want: huiyantc.Result{
				Final: code(0), Liveness: code(0), Comparison: code(0),
				Attempts: []huiyantc.Attempt{{Final: code(0), Liveness: code(0), Comparison: code(0)}},
			},
			user: faceid.Success,
		},
		{
			name:     "documented, liveness failed before the comparison",
			response: `"Text": ` + huiyantctest.Text(1002),
			want: huiyantc.Result{
				Final: code(1002), Liveness: code(1002), Comparison: null,
				Attempts: []huiyantc.Attempt{{Final: code(1002), Liveness: code(1002), Comparison: null}},
			},
			user: faceid.SuspectedSpoofRecording,
		},
		{name: "Text null", response: `"Text": null, "IdCardData": null, "BestFrame": null`, user: faceid.FlowNotCompleted},
		{name: "Text absent", response: ``, user: faceid.FlowNotCompleted},
		{name: "Text empty", response: `"Text": {}`, user: faceid.FlowNotCompleted},
		{
			name:     "every code null",
			response: `"Text": {"ErrCode": null, "ErrMsg": null, "LiveStatus": null, "Comparestatus": null, "LivenessDetail": null}`,
			user:     faceid.FlowNotCompleted,
		},
		{
			name: "three attempts, no final result: the latest failure",
			response: `"Text": {"ErrCode": null, "LivenessDetail": [
				{"Errcode": 1005, "Livestatus": 1005},
				null,
				{"Errcode": null, "Livestatus": 0, "Comparestatus": 2016}]}`,
			want: huiyantc.Result{Attempts: []huiyantc.Attempt{
				{Final: code(1005), Liveness: code(1005)},
				{},
				{Final: null, Liveness: code(0), Comparison: code(2016)},
			}},
			user: faceid.SimilarityTooLow,
		},
		{
			name: "three attempts, the last passed: the final result decides",
			response: `"Text": {"ErrCode": 0, "LiveStatus": 0, "Comparestatus": 0, "LivenessDetail": [
				{"Errcode": 1201, "Livestatus": 1201},
				{"Errcode": 2016, "Livestatus": 0, "Comparestatus": 2016},
				{"Errcode": 0, "Livestatus": 0, "Comparestatus": 0}]}`,
			want: huiyantc.Result{Final: code(0), Liveness: code(0), Comparison: code(0), Attempts: []huiyantc.Attempt{
				{Final: code(1201), Liveness: code(1201)},
				{Final: code(2016), Liveness: code(0), Comparison: code(2016)},
				{Final: code(0), Liveness: code(0), Comparison: code(0)},
			}},
			user: faceid.Success,
		},
		{
			name: "three attempts, a failed final result over a passed attempt",
			response: `"Text": {"ErrCode": 16, "LivenessDetail": [
				{"Errcode": 2016}, {"Errcode": 2016}, {"Errcode": 0}]}`,
			want: huiyantc.Result{Final: code(16), Attempts: []huiyantc.Attempt{
				{Final: code(2016)}, {Final: code(2016)}, {Final: code(0)},
			}},
			user: faceid.RetryLimitReached,
		},
		{
			name:     "attempts passed, no final result: not a success",
			response: `"Text": {"LiveStatus": 0, "Comparestatus": 0, "LivenessDetail": [{"Errcode": 0, "Livestatus": 0, "Comparestatus": 0}]}`,
			want: huiyantc.Result{Liveness: code(0), Comparison: code(0), Attempts: []huiyantc.Attempt{
				{Final: code(0), Liveness: code(0), Comparison: code(0)},
			}},
			user: faceid.FlowNotCompleted,
		},
		{
			name:     "the flow's liveness over the attempts",
			response: `"Text": {"LiveStatus": 1002, "LivenessDetail": [{"Errcode": 2016}]}`,
			want:     huiyantc.Result{Liveness: code(1002), Attempts: []huiyantc.Attempt{{Final: code(2016)}}},
			user:     faceid.SuspectedSpoofRecording,
		},
		{
			name:     "the flow's comparison when its liveness passed",
			response: `"Text": {"LiveStatus": 0, "Comparestatus": 2015}`,
			want:     huiyantc.Result{Liveness: code(0), Comparison: code(2015)},
			user:     faceid.NotSamePersonComparison,
		},
		{
			name:     "an attempt's liveness when its own result is null",
			response: `"Text": {"LivenessDetail": [{"Errcode": null, "Livestatus": 1202, "Comparestatus": null}]}`,
			want:     huiyantc.Result{Attempts: []huiyantc.Attempt{{Liveness: code(1202)}}},
			user:     faceid.PoorLighting,
		},
		{
			name:     "empty LivenessDetail",
			response: `"Text": {"ErrCode": 1001, "LivenessDetail": []}`,
			want:     huiyantc.Result{Final: code(1001)},
			user:     faceid.LivenessEngineTimeout,
		},
		{
			name:     "a code the table lacks",
			response: `"Text": {"ErrCode": 2099}`,
			want:     huiyantc.Result{Final: code(2099)},
			user:     2099,
		},
		{
			name:     "a code past int32 does not wrap into the table",
			response: `"Text": {"ErrCode": 4294969312, "LiveStatus": -4294967296}`,
			want:     huiyantc.Result{Final: code(math.MaxInt32), Liveness: code(math.MinInt32)},
			user:     math.MaxInt32,
		},
	}
	srv := huiyantctest.NewServer()
	defer srv.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.Answer(tt.name, huiyantctest.Response(tt.response))
			r := huiyantc.FromDetectInfo(detectInfo(t, srv, tt.name))
			if !reflect.DeepEqual(r, tt.want) {
				t.Errorf("FromDetectInfo:\n got %+v\nwant %+v", r, tt.want)
			}
			if got := r.UserCode(); got != tt.user {
				t.Errorf("UserCode() = %v, want %v", got, tt.user)
			}
		})
	}
}

// TestFromEidResult reads GetEidResult's answer, whose Text is a
// DetectInfoText too.
func TestFromEidResult(t *testing.T) {
	srv := huiyantctest.NewServer()
	defer srv.Close()
	srv.Answer("eid-token", huiyantctest.Response(`"Text": `+huiyantctest.Text(2006)+`, "EidInfo": null`))
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	req := v20180301.NewGetEidResultRequest()
	req.EidToken = common.StringPtr("eid-token")
	resp, err := client.GetEidResult(req)
	if err != nil {
		t.Fatal(err)
	}
	r := huiyantc.FromEidResult(resp)
	if r.UserCode() != faceid.NameIDNumberMismatch || r.Final != code(2006) || len(r.Attempts) != 1 {
		t.Errorf("FromEidResult = %+v", r)
	}
	if rq := srv.Requests(); len(rq) != 1 || rq[0].Action != "GetEidResult" || rq[0].Token != "eid-token" {
		t.Errorf("requests %+v", rq)
	}
}

// TestNilResponses checks that no nil pointer of the SDK's types panics.
func TestNilResponses(t *testing.T) {
	tests := []struct {
		name string
		r    huiyantc.Result
	}{
		{"nil Text", huiyantc.FromText(nil)},
		{"nil GetDetectInfoEnhancedResponse", huiyantc.FromDetectInfo(nil)},
		{"nil Response", huiyantc.FromDetectInfo(&v20180301.GetDetectInfoEnhancedResponse{})},
		{"nil GetEidResultResponse", huiyantc.FromEidResult(nil)},
		{"nil Eid Response", huiyantc.FromEidResult(&v20180301.GetEidResultResponse{})},
		{"nil entries", huiyantc.FromText(&v20180301.DetectInfoText{LivenessDetail: []*v20180301.DetectDetail{nil, nil}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.r.Final.Valid || tt.r.Liveness.Valid || tt.r.Comparison.Valid {
				t.Errorf("codes in %+v", tt.r)
			}
			for _, a := range tt.r.Attempts {
				if a != (huiyantc.Attempt{}) {
					t.Errorf("attempt %+v", a)
				}
			}
			if got := tt.r.UserCode(); got != faceid.FlowNotCompleted {
				t.Errorf("UserCode() = %v, want FlowNotCompleted", got)
			}
		})
	}
}
