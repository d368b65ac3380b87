package faceid

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"testing"
)

// TestCodes checks the methods of a code against its entry of Table, and
// the answers for codes outside the table.
func TestCodes(t *testing.T) {
	tests := []struct {
		code      Code
		known     bool
		name      string
		section   string
		retryable bool
		billed    bool
		status    int
	}{
		{Success, true, "Success", "system", false, true, 200},
		{InvalidParameter, true, "InvalidParameter", "system", false, false, 400},
		{InternalError8, true, "InternalError8", "system", true, false, 503},
		{VerificationCompleted, true, "VerificationCompleted", "system", false, false, 409},
		{TokenExpired, true, "TokenExpired", "system", false, false, 410},
		{RetryLimitReached, true, "RetryLimitReached", "system", false, false, 429},
		{MiniProgramNotAuthorized, true, "MiniProgramNotAuthorized", "wechat", false, false, 403},
		{IDCardExpired, true, "IDCardExpired", "id_card", false, false, 422},
		{IDCardScanFailed, true, "IDCardScanFailed", "id_card", true, false, 422},
		{LivenessEngineTimeout, true, "LivenessEngineTimeout", "liveness", true, false, 504},
		{SuspectedSpoofRecording, true, "SuspectedSpoofRecording", "liveness", true, true, 422},
		{VideoPullFailed, true, "VideoPullFailed", "liveness_number", true, false, 502},
		{LightTooDim, true, "LightTooDim", "liveness_action", true, false, 422},
		{VideoTooShort, true, "VideoTooShort", "liveness", true, false, 422},
		{NameIDNumberMismatch, true, "NameIDNumberMismatch", "image_comparison", false, true, 422},
		{SimilarityTooLow, true, "SimilarityTooLow", "image_comparison", true, true, 422},
		{DataSourceUpgrading, true, "DataSourceUpgrading", "image_comparison", true, false, 503},
		// Outside the table: the section of the range, 422, nothing more.
		{1299, false, "faceid.Code(1299)", "liveness_action", false, false, 422},
		{1150, false, "faceid.Code(1150)", "liveness_number", false, false, 422},
		{1350, false, "faceid.Code(1350)", "liveness", false, false, 422},
		{2099, false, "faceid.Code(2099)", "image_comparison", false, false, 422},
		{5, false, "faceid.Code(5)", "system", false, false, 422},
		{-1, false, "faceid.Code(-1)", "system", false, false, 422},
		{1 << 40, false, "faceid.Code(1099511627776)", "system", false, false, 422},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(int(tt.code)), func(t *testing.T) {
			c := tt.code
			if c.Known() != tt.known || c.String() != tt.name || c.Error() != tt.name || c.Section() != tt.section ||
				c.Retryable() != tt.retryable || c.Billed() != tt.billed || c.HTTPStatus() != tt.status || c.Table() != Table {
				t.Errorf("%d: known %v, %q, section %q, retryable %v, billed %v, status %d; want %v, %q, %q, %v, %v, %d",
					c, c.Known(), c.String(), c.Section(), c.Retryable(), c.Billed(), c.HTTPStatus(),
					tt.known, tt.name, tt.section, tt.retryable, tt.billed, tt.status)
			}
		})
	}
}

// TestTable checks the table as a whole: its name, which names its locale
// files, every code once with a name of its own, and the codes Tencent
// bills on the Plus page (0, 1002, 2006, 2016) and no other.
func TestTable(t *testing.T) {
	if Table.Name() != "faceid" {
		t.Errorf("name %q", Table.Name())
	}
	all := All()
	if len(all) != 67 || !slices.IsSorted(all) {
		t.Errorf("%d codes, sorted %v; want the 67 codes of the pages, in order", len(all), slices.IsSorted(all))
	}
	names := map[string]bool{}
	var billed []Code
	for _, c := range all {
		if names[c.String()] {
			t.Errorf("name %s repeats", c)
		}
		names[c.String()] = true
		if c.Billed() {
			billed = append(billed, c)
		}
	}
	if want := []Code{Success, SuspectedSpoofRecording, NameIDNumberMismatch, SimilarityTooLow}; !slices.Equal(billed, want) {
		t.Errorf("billed %v, want %v", billed, want)
	}
}

// TestParseCode checks that a code is read as messages.ParseCode reads
// one, whatever its table.
func TestParseCode(t *testing.T) {
	for in, want := range map[string]Code{"302": IDCardExpired, "+2016": SimilarityTooLow, "01201": LightTooDim, "-5": -5} {
		if got, err := ParseCode(in); got != want || err != nil {
			t.Errorf("ParseCode(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "x", "3.0", "99999999999999999999"} {
		if _, err := ParseCode(in); err == nil {
			t.Errorf("ParseCode(%q): no error", in)
		}
	}
}

// TestCodeIsError checks that a wrapped code is found with errors.Is, and
// is not taken for another table's code of the same number.
func TestCodeIsError(t *testing.T) {
	err := fmt.Errorf("verify: %w", IDCardExpired)
	if !errors.Is(err, IDCardExpired) || errors.Is(err, IDCardScanFailed) {
		t.Errorf("errors.Is on %v", err)
	}
	if errors.Is(err, error(otherErr(302))) {
		t.Error("a FaceID 302 is taken for another type's 302")
	}
}

// otherErr is another table's code type, as messages.Code is.
type otherErr int

func (c otherErr) Error() string { return "other" }
