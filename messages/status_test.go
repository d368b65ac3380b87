package messages

import (
	"errors"
	"fmt"
	"testing"
)

// statuses is the decision for every code of the catalogue, written out
// so that a new code cannot get a status by accident.
var statuses = map[Code]int{
	Success:              200,
	MissingParameter:     400,
	InvalidParameter:     400,
	SignatureCheckFailed: 401,
	SignatureMissing:     401,
	InvalidAppIDOrToken:  401,
	NotLoggedIn:          401,
	SystemError:          503,
	APINotAuthorized:     403,
	QuotaExceeded:        429,
	TokenInvalid:         410,
	TokenExpired:         410,
	RedirectURLMismatch:  403,

	SMSRateLimited:   429,
	SMSDailyLimit:    429,
	SMSCodeIncorrect: 422,
	SMSCodeExpired:   410,

	IDNumberMismatch:      422,
	IDCardExpired:         422,
	OCRFailed:             422,
	ImageTooLarge:         422,
	ImageFormatInvalid:    422,
	IDNumberMalformed:     422,
	IDCardIncomplete:      422,
	ImageTooSmall:         422,
	NameNotRecognized:     422,
	IDNumberNotRecognized: 422,
	IDCardNotDetected:     422,

	LivenessEngineError:           502,
	RealPersonDetectionFailed:     422,
	RealPersonComparisonFailed:    422,
	SimilarityTooLow:              422,
	RecheckPhotoEmpty:             502,
	IDPhotoFetchFailed:            422,
	VideoResolutionTooLow:         422,
	VideoVolumeTooLow:             422,
	LipMovementTooSmall:           422,
	FaceNotFullyVisible:           422,
	SpeechRecognitionFailed:       422,
	NoSoundDetected:               422,
	RealPersonDetectionCallFailed: 502,
	SuspectedSpoof:                422,
	FirstMotionNotDetected:        422,
	EyeClosingNotDetected:         422,
	MouthOpeningNotDetected:       422,
	FaceTooClose:                  422,
	FaceTooFar:                    422,
	FaceTooFarLeft:                422,
	FaceTooFarRight:               422,
	LightTooDim:                   422,
	LightTooStrong:                422,
	LivenessUnknownError:          422,
	FaceDetectionFailed:           422,
	FullFaceNotDetected:           422,

	IdentityNotFound:           422,
	IdentityDatabaseCallFailed: 502,
	NameIDNumberMismatch:       422,
	IdentityPhotoNotFound:      422,
	RegisteredNameMismatch:     422,
	IdentityDatabaseError:      502,
	IDNumberInvalid:            422,
	NameInvalid:                422,

	ComparisonEngineError:      502,
	ComparisonTimeout:          504,
	ComparisonFailed:           422,
	ComparisonSimilarityTooLow: 422,
	ComparisonPhotoFetchFailed: 422,
	IdentityInvalid:            422,
	NoMatchingPhoto:            422,

	RealNameVerificationFailed: 422,
	RealNameNotVerified:        422,
	RealNameWeChatPayMismatch:  422,
	WeChatRealNameUnknownError: 502,
}

func TestHTTPStatusKnown(t *testing.T) {
	if len(statuses) != len(All()) {
		t.Fatalf("the table decides %d codes; the catalogue has %d", len(statuses), len(All()))
	}
	for _, c := range All() {
		want, ok := statuses[c]
		if !ok {
			t.Errorf("%d %s: no status decided", c, c)
			continue
		}
		if got := c.HTTPStatus(); got != want {
			t.Errorf("%d %s: HTTPStatus() = %d, want %d", c, c, got, want)
		}
	}
}

func TestHTTPStatusUnknown(t *testing.T) {
	tests := []struct {
		name string
		code Code
		want int
	}{
		{"general gap", 6, 422},
		{"general range", 99, 422},
		{"no category 4xx", 404, 422},
		{"beyond the ranges", 1001, 422},
		{"negative", -5, 422},
		{"sms", 399, 422},
		{"id card ocr", 506, 422},
		{"liveness", 699, 422},
		{"identity database", 799, 422},
		{"image comparison", 899, 422},
		{"wechat real name", 904, 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.code.Known() {
				t.Fatalf("%d is in the catalogue", tt.code)
			}
			if got := tt.code.HTTPStatus(); got != tt.want {
				t.Errorf("Code(%d).HTTPStatus() = %d, want %d", tt.code, got, tt.want)
			}
		})
	}
}

func TestCodeIsAnError(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		target Code
		is     bool
	}{
		{"itself", FaceTooClose, FaceTooClose, true},
		{"wrapped", fmt.Errorf("verify: %w", FaceTooClose), FaceTooClose, true},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", LightTooDim)), LightTooDim, true},
		{"another code", fmt.Errorf("verify: %w", FaceTooClose), FaceTooFar, false},
		{"unknown code", Code(1234), Code(1234), true},
		{"not wrapped", fmt.Errorf("verify: %v", FaceTooClose), FaceTooClose, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, tt.target); got != tt.is {
				t.Errorf("errors.Is(%q, %d) = %v, want %v", tt.err, tt.target, got, tt.is)
			}
		})
	}
	var c Code
	if !errors.As(fmt.Errorf("verify: %w", SMSCodeExpired), &c) || c != SMSCodeExpired {
		t.Errorf("errors.As = %d, want %d", c, SMSCodeExpired)
	}
}

func TestCodeErrorPrintsAsString(t *testing.T) {
	for _, c := range []Code{FaceTooClose, Success, 1234, -5} {
		if c.Error() != c.String() {
			t.Errorf("Code(%d).Error() = %q, String() = %q", int(c), c.Error(), c.String())
		}
		if got := fmt.Sprint(c); got != c.String() {
			t.Errorf("fmt.Sprint(Code(%d)) = %q, want %q", int(c), got, c.String())
		}
	}
	if got := fmt.Sprintf("%d", FaceTooClose); got != "655" {
		t.Errorf("%%d of FaceTooClose = %q", got)
	}
}
