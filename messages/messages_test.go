package messages

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestCatalogue(t *testing.T) {
	all := All()
	if len(all) != 73 {
		t.Fatalf("All() has %d codes, want 73", len(all))
	}
	if !slices.IsSorted(all) {
		t.Error("All() is not sorted")
	}
	if all[len(all)-1] != maxCode {
		t.Errorf("maxCode = %d, want the largest code %d", maxCode, all[len(all)-1])
	}
	names := map[string]bool{}
	for _, c := range all {
		name := c.String()
		if !c.Known() || names[name] || strings.HasPrefix(name, "Code(") || strings.HasPrefix(name, "E") && name[1] >= '0' && name[1] <= '9' {
			t.Errorf("code %d: Known %v, name %q", c, c.Known(), name)
		}
		names[name] = true
	}
}

func TestCategories(t *testing.T) {
	tests := []struct {
		code Code
		want Category
	}{
		{Success, General}, {RedirectURLMismatch, General}, {SMSRateLimited, SMS}, {SMSCodeExpired, SMS},
		{IDNumberMismatch, IDCardOCR}, {IDCardNotDetected, IDCardOCR}, {LivenessEngineError, Liveness},
		{FullFaceNotDetected, Liveness}, {IdentityNotFound, IdentityDatabase}, {NameInvalid, IdentityDatabase},
		{ComparisonEngineError, ImageComparison}, {NoMatchingPhoto, ImageComparison},
		{RealNameVerificationFailed, WeChatRealName}, {WeChatRealNameUnknownError, WeChatRealName},
		{99, General}, {150, General}, {404, General}, {699, Liveness}, {-600, General}, {1600, General},
	}
	for _, tt := range tests {
		if got := tt.code.Category(); got != tt.want {
			t.Errorf("Code(%d).Category() = %v, want %v", tt.code, got, tt.want)
		}
	}
	for _, c := range Categories() {
		got, ok := ParseCategory(c.String())
		if !ok || got != c {
			t.Errorf("ParseCategory(%q) = %v, %v", c, got, ok)
		}
	}
	if _, ok := ParseCategory("faces"); ok {
		t.Error(`ParseCategory("faces") succeeded`)
	}
	if s := Category(99).String(); s != "Category(99)" {
		t.Errorf("Category(99).String() = %q", s)
	}
}

func TestCodeOutsideCatalogue(t *testing.T) {
	for _, c := range []Code{-1, 6, 506, 904, 906, 1000, -1 << 62} {
		if c.Known() || c.Retryable() {
			t.Errorf("Code(%d): Known or Retryable", c)
		}
		if _, ok := c.Param(); ok {
			t.Errorf("Code(%d) has a parameter", c)
		}
		if !strings.HasPrefix(c.String(), "Code(") {
			t.Errorf("Code(%d).String() = %q", c, c.String())
		}
	}
}

func TestParams(t *testing.T) {
	want := map[Code]Param{
		// A quota and a daily cap are limits; a validity and a wait the user
		// must know are not.
		QuotaExceeded: {"Quota", 1000, true}, TokenInvalid: {"Days", 3, false}, TokenExpired: {"Hours", 2, false},
		SMSRateLimited: {"Seconds", 60, false}, SMSDailyLimit: {"DailyLimit", 10, true}, SMSCodeExpired: {"Minutes", 10, false},
	}
	for _, c := range All() {
		p, ok := c.Param()
		if w, has := want[c]; ok != has || p != w {
			t.Errorf("Code(%d).Param() = %v, %v; want %v, %v", c, p, ok, w, has)
		}
	}
	if !FaceTooClose.Retryable() || IdentityNotFound.Retryable() {
		t.Error("FaceTooClose must be retryable and IdentityNotFound not")
	}
}

// TestIndex checks that Index is a code's position in All, and -1 for any
// other int.
func TestIndex(t *testing.T) {
	for i, c := range All() {
		if c.Index() != i {
			t.Errorf("Code(%d).Index() = %d, want %d", c, c.Index(), i)
		}
	}
	for _, c := range []Code{-1, 6, 506, 699, 904, 906, 1000, math.MinInt64, math.MaxInt64} {
		if c.Index() != -1 {
			t.Errorf("Code(%d).Index() = %d, want -1", c, c.Index())
		}
	}
}
