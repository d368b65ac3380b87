// Package messages is the catalogue of Tencent Huiyan error codes: one
// constant per code, with its category, whether the end user can simply try
// the same step again, and the count parameter of the codes whose texts
// state a number of one deployment.
//
// It is the single list of codes: locale files are checked against it, so a
// code that is not here cannot be given a text, and every code that is here
// must have one in the canonical zh-CN locale.
package messages

import "strconv"

// Code is a Huiyan error code, as returned by the Huiyan APIs and SDKs.
//
// Any int converts to a Code; [Code.Known] tells whether it is in the
// catalogue.
//
// A Code is an error ([Code.Error]), so that a wrapped code can be found
// with errors.Is. To turn a result code into the error of a call, use
// [Code.Err], which is nil for [Success]: Code(0) as an error is not nil.
type Code int

// The codes of the catalogue, by category.
const (
	// General (0-13): request, signature, token and quota errors.
	Success              Code = 0
	MissingParameter     Code = 1
	InvalidParameter     Code = 2
	SignatureCheckFailed Code = 3
	SignatureMissing     Code = 4
	InvalidAppIDOrToken  Code = 5
	NotLoggedIn          Code = 7
	SystemError          Code = 8
	APINotAuthorized     Code = 9
	QuotaExceeded        Code = 10
	TokenInvalid         Code = 11
	TokenExpired         Code = 12
	RedirectURLMismatch  Code = 13

	// SMS verification (302-305).
	SMSRateLimited   Code = 302
	SMSDailyLimit    Code = 303
	SMSCodeIncorrect Code = 304
	SMSCodeExpired   Code = 305

	// ID card OCR (501-512).
	IDNumberMismatch      Code = 501
	IDCardExpired         Code = 502
	OCRFailed             Code = 503
	ImageTooLarge         Code = 504
	ImageFormatInvalid    Code = 505
	IDNumberMalformed     Code = 507
	IDCardIncomplete      Code = 508
	ImageTooSmall         Code = 509
	NameNotRecognized     Code = 510
	IDNumberNotRecognized Code = 511
	IDCardNotDetected     Code = 512

	// Liveness detection (601-663).
	LivenessEngineError           Code = 601
	RealPersonDetectionFailed     Code = 602
	RealPersonComparisonFailed    Code = 603
	SimilarityTooLow              Code = 604
	RecheckPhotoEmpty             Code = 605
	IDPhotoFetchFailed            Code = 606
	VideoResolutionTooLow         Code = 607
	VideoVolumeTooLow             Code = 608
	LipMovementTooSmall           Code = 609
	FaceNotFullyVisible           Code = 610
	SpeechRecognitionFailed       Code = 611
	NoSoundDetected               Code = 612
	RealPersonDetectionCallFailed Code = 650
	SuspectedSpoof                Code = 651
	FirstMotionNotDetected        Code = 652
	EyeClosingNotDetected         Code = 653
	MouthOpeningNotDetected       Code = 654
	FaceTooClose                  Code = 655
	FaceTooFar                    Code = 656
	FaceTooFarLeft                Code = 657
	FaceTooFarRight               Code = 658
	LightTooDim                   Code = 659
	LightTooStrong                Code = 660
	LivenessUnknownError          Code = 661
	FaceDetectionFailed           Code = 662
	FullFaceNotDetected           Code = 663

	// Authoritative identity database (701-708).
	IdentityNotFound           Code = 701
	IdentityDatabaseCallFailed Code = 702
	NameIDNumberMismatch       Code = 703
	IdentityPhotoNotFound      Code = 704
	RegisteredNameMismatch     Code = 705
	IdentityDatabaseError      Code = 706
	IDNumberInvalid            Code = 707
	NameInvalid                Code = 708

	// Image comparison (821-827).
	ComparisonEngineError      Code = 821
	ComparisonTimeout          Code = 822
	ComparisonFailed           Code = 823
	ComparisonSimilarityTooLow Code = 824
	ComparisonPhotoFetchFailed Code = 825
	IdentityInvalid            Code = 826
	NoMatchingPhoto            Code = 827

	// WeChat real-name verification (901-905).
	RealNameVerificationFailed Code = 901
	RealNameNotVerified        Code = 902
	RealNameWeChatPayMismatch  Code = 903
	WeChatRealNameUnknownError Code = 905
)

// Category groups codes by the step of the verification flow that failed.
type Category int

// The categories, in the order of the code ranges.
const (
	General          Category = iota // 0-13 and any code outside the ranges below
	SMS                              // 302-305
	IDCardOCR                        // 501-512
	Liveness                         // 601-663
	IdentityDatabase                 // 701-708
	ImageComparison                  // 821-827
	WeChatRealName                   // 901-905
)

// categoryNames are the categories' names as locale files spell them,
// and their constants' names.
var categoryNames = [...]struct{ key, constant string }{
	General:          {"general", "General"},
	SMS:              {"sms", "SMS"},
	IDCardOCR:        {"id_card_ocr", "IDCardOCR"},
	Liveness:         {"liveness", "Liveness"},
	IdentityDatabase: {"identity_database", "IdentityDatabase"},
	ImageComparison:  {"image_comparison", "ImageComparison"},
	WeChatRealName:   {"wechat_real_name", "WeChatRealName"},
}

// String returns the category's name as locale files spell it, such as
// "liveness" for the table [category.liveness].
func (c Category) String() string {
	if !c.valid() {
		return "Category(" + strconv.Itoa(int(c)) + ")"
	}
	return categoryNames[c].key
}

// Name returns the name of the category's constant, such as "IDCardOCR",
// as [Code.String] returns a code's: the anchor of its documentation.
func (c Category) Name() string {
	if !c.valid() {
		return c.String()
	}
	return categoryNames[c].constant
}

func (c Category) valid() bool { return c >= 0 && int(c) < len(categoryNames) }

// Categories returns every category, in the order of the code ranges.
func Categories() []Category {
	cs := make([]Category, len(categoryNames))
	for i := range cs {
		cs[i] = Category(i)
	}
	return cs
}

// ParseCategory returns the category named name, as [Category.String]
// spells it.
func ParseCategory(name string) (Category, bool) {
	for i, n := range categoryNames {
		if n.key == name {
			return Category(i), true
		}
	}
	return 0, false
}

// Param is the count parameter of a code whose texts state a number that
// belongs to one deployment (a quota, a validity period, a rate limit).
// Locale texts refer to it as a template field, {{.Name}}, and choose their
// plural form by its value.
type Param struct {
	Name    string
	Default int // the value the Huiyan documentation states

	// Limit is true for a number that caps what a caller may do (the
	// calls of a contract, the SMS messages a day): end-user texts must
	// not state it, since it tells someone abusing the service how far to
	// go. Operator texts state it; huiyan lint warns about a user text
	// that does.
	Limit bool
}

type info struct {
	code      Code
	name      string
	retryable bool
	param     Param
}

// catalogue is sorted by code; lookups use binary search.
var catalogue = [...]info{
	{Success, "Success", false, Param{}},
	{MissingParameter, "MissingParameter", false, Param{}},
	{InvalidParameter, "InvalidParameter", false, Param{}},
	{SignatureCheckFailed, "SignatureCheckFailed", false, Param{}},
	{SignatureMissing, "SignatureMissing", false, Param{}},
	{InvalidAppIDOrToken, "InvalidAppIDOrToken", false, Param{}},
	{NotLoggedIn, "NotLoggedIn", false, Param{}},
	{SystemError, "SystemError", true, Param{}},
	{APINotAuthorized, "APINotAuthorized", false, Param{}},
	{QuotaExceeded, "QuotaExceeded", false, Param{"Quota", 1000, true}},
	{TokenInvalid, "TokenInvalid", false, Param{"Days", 3, false}},
	{TokenExpired, "TokenExpired", false, Param{"Hours", 2, false}},
	{RedirectURLMismatch, "RedirectURLMismatch", false, Param{}},

	{SMSRateLimited, "SMSRateLimited", false, Param{"Seconds", 60, false}},
	{SMSDailyLimit, "SMSDailyLimit", false, Param{"DailyLimit", 10, true}},
	{SMSCodeIncorrect, "SMSCodeIncorrect", true, Param{}},
	{SMSCodeExpired, "SMSCodeExpired", false, Param{"Minutes", 10, false}},

	{IDNumberMismatch, "IDNumberMismatch", false, Param{}},
	{IDCardExpired, "IDCardExpired", false, Param{}},
	{OCRFailed, "OCRFailed", true, Param{}},
	{ImageTooLarge, "ImageTooLarge", false, Param{}},
	{ImageFormatInvalid, "ImageFormatInvalid", false, Param{}},
	{IDNumberMalformed, "IDNumberMalformed", false, Param{}},
	{IDCardIncomplete, "IDCardIncomplete", true, Param{}},
	{ImageTooSmall, "ImageTooSmall", false, Param{}},
	{NameNotRecognized, "NameNotRecognized", true, Param{}},
	{IDNumberNotRecognized, "IDNumberNotRecognized", true, Param{}},
	{IDCardNotDetected, "IDCardNotDetected", true, Param{}},

	{LivenessEngineError, "LivenessEngineError", true, Param{}},
	{RealPersonDetectionFailed, "RealPersonDetectionFailed", true, Param{}},
	{RealPersonComparisonFailed, "RealPersonComparisonFailed", true, Param{}},
	{SimilarityTooLow, "SimilarityTooLow", true, Param{}},
	{RecheckPhotoEmpty, "RecheckPhotoEmpty", false, Param{}},
	{IDPhotoFetchFailed, "IDPhotoFetchFailed", false, Param{}},
	{VideoResolutionTooLow, "VideoResolutionTooLow", true, Param{}},
	{VideoVolumeTooLow, "VideoVolumeTooLow", true, Param{}},
	{LipMovementTooSmall, "LipMovementTooSmall", true, Param{}},
	{FaceNotFullyVisible, "FaceNotFullyVisible", true, Param{}},
	{SpeechRecognitionFailed, "SpeechRecognitionFailed", true, Param{}},
	{NoSoundDetected, "NoSoundDetected", true, Param{}},
	{RealPersonDetectionCallFailed, "RealPersonDetectionCallFailed", true, Param{}},
	{SuspectedSpoof, "SuspectedSpoof", true, Param{}},
	{FirstMotionNotDetected, "FirstMotionNotDetected", true, Param{}},
	{EyeClosingNotDetected, "EyeClosingNotDetected", true, Param{}},
	{MouthOpeningNotDetected, "MouthOpeningNotDetected", true, Param{}},
	{FaceTooClose, "FaceTooClose", true, Param{}},
	{FaceTooFar, "FaceTooFar", true, Param{}},
	{FaceTooFarLeft, "FaceTooFarLeft", true, Param{}},
	{FaceTooFarRight, "FaceTooFarRight", true, Param{}},
	{LightTooDim, "LightTooDim", true, Param{}},
	{LightTooStrong, "LightTooStrong", true, Param{}},
	{LivenessUnknownError, "LivenessUnknownError", true, Param{}},
	{FaceDetectionFailed, "FaceDetectionFailed", true, Param{}},
	{FullFaceNotDetected, "FullFaceNotDetected", true, Param{}},

	{IdentityNotFound, "IdentityNotFound", false, Param{}},
	{IdentityDatabaseCallFailed, "IdentityDatabaseCallFailed", true, Param{}},
	{NameIDNumberMismatch, "NameIDNumberMismatch", false, Param{}},
	{IdentityPhotoNotFound, "IdentityPhotoNotFound", false, Param{}},
	{RegisteredNameMismatch, "RegisteredNameMismatch", false, Param{}},
	{IdentityDatabaseError, "IdentityDatabaseError", true, Param{}},
	{IDNumberInvalid, "IDNumberInvalid", false, Param{}},
	{NameInvalid, "NameInvalid", false, Param{}},

	{ComparisonEngineError, "ComparisonEngineError", true, Param{}},
	{ComparisonTimeout, "ComparisonTimeout", true, Param{}},
	{ComparisonFailed, "ComparisonFailed", true, Param{}},
	{ComparisonSimilarityTooLow, "ComparisonSimilarityTooLow", true, Param{}},
	{ComparisonPhotoFetchFailed, "ComparisonPhotoFetchFailed", false, Param{}},
	{IdentityInvalid, "IdentityInvalid", false, Param{}},
	{NoMatchingPhoto, "NoMatchingPhoto", false, Param{}},

	{RealNameVerificationFailed, "RealNameVerificationFailed", false, Param{}},
	{RealNameNotVerified, "RealNameNotVerified", false, Param{}},
	{RealNameWeChatPayMismatch, "RealNameWeChatPayMismatch", false, Param{}},
	{WeChatRealNameUnknownError, "WeChatRealNameUnknownError", true, Param{}},
}

// maxCode is the largest code of the catalogue.
const maxCode = WeChatRealNameUnknownError

// index maps a code to its position in catalogue plus one; 0 for a code
// that is not in the catalogue.
var index = func() (ix [maxCode + 1]uint8) {
	for i, e := range catalogue {
		ix[e.code] = uint8(i + 1)
	}
	return ix
}()

func lookup(c Code) (*info, bool) {
	if c < 0 || c > maxCode || index[c] == 0 {
		return nil, false
	}
	return &catalogue[index[c]-1], true
}

// Index returns the position of c in [All], or -1 for a code that is not
// in the catalogue: an index into tables of one entry per code.
func (c Code) Index() int {
	if c < 0 || c > maxCode {
		return -1
	}
	return int(index[c]) - 1
}

// All returns every code of the catalogue, in ascending order.
func All() []Code {
	codes := make([]Code, len(catalogue))
	for i, e := range catalogue {
		codes[i] = e.code
	}
	return codes
}

// ParseCode parses a code written in decimal, as huiyan lookup and the
// operator page take it: any integer, negative ones included. It reads
// what strconv.Atoi reads, so "+655" and "0655" are 655; the error is
// Atoi's *strconv.NumError, whose Err is strconv.ErrRange for an integer
// out of range and strconv.ErrSyntax for anything else.
func ParseCode(s string) (Code, error) {
	n, err := strconv.Atoi(s)
	return Code(n), err
}

// Known reports whether c is in the catalogue.
func (c Code) Known() bool {
	_, ok := lookup(c)
	return ok
}

// String returns the name of the code's constant, such as "FaceTooClose",
// or "Code(1234)" for a code that is not in the catalogue.
func (c Code) String() string {
	if e, ok := lookup(c); ok {
		return e.name
	}
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// Category returns the category of c. A code that is not in the catalogue
// belongs to the category of its hundreds digit (an unknown 6xx is a
// liveness failure) where that digit names one, and to [General] otherwise.
func (c Code) Category() Category {
	switch c / 100 {
	case 3:
		return SMS
	case 5:
		return IDCardOCR
	case 6:
		return Liveness
	case 7:
		return IdentityDatabase
	case 8:
		return ImageComparison
	case 9:
		return WeChatRealName
	}
	return General
}

// Retryable reports whether the end user can simply try the same step
// again, possibly after adjusting the light, the distance or the phone, and
// succeed. It is false for codes that need other input from the user (a
// different ID card, a corrected name), an operator's fix, or that end the
// flow; and for codes that are not in the catalogue.
func (c Code) Retryable() bool {
	e, ok := lookup(c)
	return ok && e.retryable
}

// Param returns the count parameter of c, and false when c has none.
func (c Code) Param() (Param, bool) {
	e, ok := lookup(c)
	if !ok || e.param.Name == "" {
		return Param{}, false
	}
	return e.param, true
}
