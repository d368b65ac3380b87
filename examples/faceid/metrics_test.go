package main

import (
	"bytes"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/huiyan-i18n/huiyan/huiyantc/huiyantctest"
)

var resultLine = regexp.MustCompile(`(?m)^huiyan_results_total\{([^}]*)\} (\S+)$`)

// counts sums huiyan_results_total of an exposition by its labels.
func counts(t *testing.T, exposition string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, m := range resultLine.FindAllStringSubmatch(exposition, -1) {
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			t.Fatalf("line %q", m[0])
		}
		out[m[1]] += v
	}
	return out
}

// TestMetrics answers 2016 twice, 0 once, an expired BizToken once and a
// bad query once, and checks that /metrics counts exactly the answers from
// FaceID, by table, code, billing and locale.
func TestMetrics(t *testing.T) {
	var log bytes.Buffer
	srv, h := setup(t, &log)
	srv.Answer("low", huiyantctest.Response(`"Text": `+huiyantctest.Text(2016)))
	srv.Answer("ok", huiyantctest.Response(`"Text": `+huiyantctest.Text(0)))
	srv.Answer("old", huiyantctest.Error("InvalidParameterValue.BizTokenExpired", "BizToken过期。"))
	for _, q := range []string{"BizToken=low&RuleId=1&lang=zh_TW", "BizToken=low&RuleId=1&lang=en", "BizToken=ok&RuleId=1", "BizToken=old&RuleId=1&lang=en", "BizToken=x"} {
		get(h, "/api/faceid/result?"+q)
	}
	w := get(h, "/metrics")
	if w.Code != http.StatusOK {
		t.Fatalf("GET /metrics: %d", w.Code)
	}
	got := counts(t, w.Body.String())
	want := map[string]float64{
		`billed="true",category="image_comparison",code="2016",lang="zh-TW",name="SimilarityTooLow",status="422",table="faceid"`: 1,
		`billed="true",category="image_comparison",code="2016",lang="en-US",name="SimilarityTooLow",status="422",table="faceid"`: 1,
		`billed="true",category="system",code="0",lang="zh-CN",name="Success",status="200",table="faceid"`:                       1,
		`billed="false",category="system",code="15",lang="en-US",name="TokenExpired",status="410",table="faceid"`:                1,
	}
	if len(got) != len(want) {
		t.Errorf("series %v, want %v", got, want)
	}
	for labels, n := range want {
		if got[labels] != n {
			t.Errorf("{%s}: %v, want %v\n%s", labels, got[labels], n, w.Body.String())
		}
	}
}
