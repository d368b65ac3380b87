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
// with errors.Is; the error of a call is a
// [github.com/huiyan-i18n/huiyan.Error].
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

// String returns the category's name as locale files spell it, such as
// "liveness" for the table [category.liveness].
func (c Category) String() string {
	if !c.valid() {
		return "Category(" + strconv.Itoa(int(c)) + ")"
	}
	return Huiyan.categories[c].Key
}

// Name returns the name of the category's constant, such as "IDCardOCR",
// as [Code.String] returns a code's: the anchor of its documentation.
func (c Category) Name() string {
	if !c.valid() {
		return c.String()
	}
	return Huiyan.categories[c].Name
}

func (c Category) valid() bool { return c >= 0 && int(c) < len(Huiyan.categories) }

// Categories returns every category, in the order of the code ranges.
func Categories() []Category {
	cs := make([]Category, len(Huiyan.categories))
	for i := range cs {
		cs[i] = Category(i)
	}
	return cs
}

// ParseCategory returns the category named name, as [Category.String]
// spells it.
func ParseCategory(name string) (Category, bool) {
	i, ok := Huiyan.ParseCategory(name)
	return Category(i), ok
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

// Huiyan is the Tencent Huiyan error table: the 73 codes of the
// mini-program SDK's documentation, each with its category, whether the
// end user can simply try again, its suggested HTTP status (see
// [Code.HTTPStatus]) and its count parameter. It is the default table of
// package huiyan, and the one the constants of this package name.
var Huiyan = NewTable("huiyan", []CategoryInfo{
	General:          {Key: "general", Name: "General", Status: 422},
	SMS:              {Key: "sms", Name: "SMS", Ranges: []Range{{300, 399}}, Status: 422},
	IDCardOCR:        {Key: "id_card_ocr", Name: "IDCardOCR", Ranges: []Range{{500, 599}}, Status: 422},
	Liveness:         {Key: "liveness", Name: "Liveness", Ranges: []Range{{600, 699}}, Status: 422},
	IdentityDatabase: {Key: "identity_database", Name: "IdentityDatabase", Ranges: []Range{{700, 799}}, Status: 422},
	ImageComparison:  {Key: "image_comparison", Name: "ImageComparison", Ranges: []Range{{800, 899}}, Status: 422},
	WeChatRealName:   {Key: "wechat_real_name", Name: "WeChatRealName", Ranges: []Range{{900, 999}}, Status: 422},
}, []Entry{
	{Code: int(Success), Name: "Success", Category: int(General), Retryable: false, Status: 200},
	{Code: int(MissingParameter), Name: "MissingParameter", Category: int(General), Retryable: false, Status: 400},
	{Code: int(InvalidParameter), Name: "InvalidParameter", Category: int(General), Retryable: false, Status: 400},
	{Code: int(SignatureCheckFailed), Name: "SignatureCheckFailed", Category: int(General), Retryable: false, Status: 401},
	{Code: int(SignatureMissing), Name: "SignatureMissing", Category: int(General), Retryable: false, Status: 401},
	{Code: int(InvalidAppIDOrToken), Name: "InvalidAppIDOrToken", Category: int(General), Retryable: false, Status: 401},
	{Code: int(NotLoggedIn), Name: "NotLoggedIn", Category: int(General), Retryable: false, Status: 401},
	{Code: int(SystemError), Name: "SystemError", Category: int(General), Retryable: true, Status: 503},
	{Code: int(APINotAuthorized), Name: "APINotAuthorized", Category: int(General), Retryable: false, Status: 403},
	{Code: int(QuotaExceeded), Name: "QuotaExceeded", Category: int(General), Retryable: false, Status: 429, Param: Param{"Quota", 1000, true}},
	{Code: int(TokenInvalid), Name: "TokenInvalid", Category: int(General), Retryable: false, Status: 410, Param: Param{"Days", 3, false}},
	{Code: int(TokenExpired), Name: "TokenExpired", Category: int(General), Retryable: false, Status: 410, Param: Param{"Hours", 2, false}},
	{Code: int(RedirectURLMismatch), Name: "RedirectURLMismatch", Category: int(General), Retryable: false, Status: 403},

	{Code: int(SMSRateLimited), Name: "SMSRateLimited", Category: int(SMS), Retryable: false, Status: 429, Param: Param{"Seconds", 60, false}},
	{Code: int(SMSDailyLimit), Name: "SMSDailyLimit", Category: int(SMS), Retryable: false, Status: 429, Param: Param{"DailyLimit", 10, true}},
	{Code: int(SMSCodeIncorrect), Name: "SMSCodeIncorrect", Category: int(SMS), Retryable: true, Status: 422},
	{Code: int(SMSCodeExpired), Name: "SMSCodeExpired", Category: int(SMS), Retryable: false, Status: 410, Param: Param{"Minutes", 10, false}},

	{Code: int(IDNumberMismatch), Name: "IDNumberMismatch", Category: int(IDCardOCR), Retryable: false, Status: 422},
	{Code: int(IDCardExpired), Name: "IDCardExpired", Category: int(IDCardOCR), Retryable: false, Status: 422},
	{Code: int(OCRFailed), Name: "OCRFailed", Category: int(IDCardOCR), Retryable: true, Status: 422},
	{Code: int(ImageTooLarge), Name: "ImageTooLarge", Category: int(IDCardOCR), Retryable: false, Status: 422},
	{Code: int(ImageFormatInvalid), Name: "ImageFormatInvalid", Category: int(IDCardOCR), Retryable: false, Status: 422},
	{Code: int(IDNumberMalformed), Name: "IDNumberMalformed", Category: int(IDCardOCR), Retryable: false, Status: 422},
	{Code: int(IDCardIncomplete), Name: "IDCardIncomplete", Category: int(IDCardOCR), Retryable: true, Status: 422},
	{Code: int(ImageTooSmall), Name: "ImageTooSmall", Category: int(IDCardOCR), Retryable: false, Status: 422},
	{Code: int(NameNotRecognized), Name: "NameNotRecognized", Category: int(IDCardOCR), Retryable: true, Status: 422},
	{Code: int(IDNumberNotRecognized), Name: "IDNumberNotRecognized", Category: int(IDCardOCR), Retryable: true, Status: 422},
	{Code: int(IDCardNotDetected), Name: "IDCardNotDetected", Category: int(IDCardOCR), Retryable: true, Status: 422},

	{Code: int(LivenessEngineError), Name: "LivenessEngineError", Category: int(Liveness), Retryable: true, Status: 502},
	{Code: int(RealPersonDetectionFailed), Name: "RealPersonDetectionFailed", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(RealPersonComparisonFailed), Name: "RealPersonComparisonFailed", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(SimilarityTooLow), Name: "SimilarityTooLow", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(RecheckPhotoEmpty), Name: "RecheckPhotoEmpty", Category: int(Liveness), Retryable: false, Status: 502},
	{Code: int(IDPhotoFetchFailed), Name: "IDPhotoFetchFailed", Category: int(Liveness), Retryable: false, Status: 422},
	{Code: int(VideoResolutionTooLow), Name: "VideoResolutionTooLow", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(VideoVolumeTooLow), Name: "VideoVolumeTooLow", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(LipMovementTooSmall), Name: "LipMovementTooSmall", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FaceNotFullyVisible), Name: "FaceNotFullyVisible", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(SpeechRecognitionFailed), Name: "SpeechRecognitionFailed", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(NoSoundDetected), Name: "NoSoundDetected", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(RealPersonDetectionCallFailed), Name: "RealPersonDetectionCallFailed", Category: int(Liveness), Retryable: true, Status: 502},
	{Code: int(SuspectedSpoof), Name: "SuspectedSpoof", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FirstMotionNotDetected), Name: "FirstMotionNotDetected", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(EyeClosingNotDetected), Name: "EyeClosingNotDetected", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(MouthOpeningNotDetected), Name: "MouthOpeningNotDetected", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FaceTooClose), Name: "FaceTooClose", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FaceTooFar), Name: "FaceTooFar", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FaceTooFarLeft), Name: "FaceTooFarLeft", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FaceTooFarRight), Name: "FaceTooFarRight", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(LightTooDim), Name: "LightTooDim", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(LightTooStrong), Name: "LightTooStrong", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(LivenessUnknownError), Name: "LivenessUnknownError", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FaceDetectionFailed), Name: "FaceDetectionFailed", Category: int(Liveness), Retryable: true, Status: 422},
	{Code: int(FullFaceNotDetected), Name: "FullFaceNotDetected", Category: int(Liveness), Retryable: true, Status: 422},

	{Code: int(IdentityNotFound), Name: "IdentityNotFound", Category: int(IdentityDatabase), Retryable: false, Status: 422},
	{Code: int(IdentityDatabaseCallFailed), Name: "IdentityDatabaseCallFailed", Category: int(IdentityDatabase), Retryable: true, Status: 502},
	{Code: int(NameIDNumberMismatch), Name: "NameIDNumberMismatch", Category: int(IdentityDatabase), Retryable: false, Status: 422},
	{Code: int(IdentityPhotoNotFound), Name: "IdentityPhotoNotFound", Category: int(IdentityDatabase), Retryable: false, Status: 422},
	{Code: int(RegisteredNameMismatch), Name: "RegisteredNameMismatch", Category: int(IdentityDatabase), Retryable: false, Status: 422},
	{Code: int(IdentityDatabaseError), Name: "IdentityDatabaseError", Category: int(IdentityDatabase), Retryable: true, Status: 502},
	{Code: int(IDNumberInvalid), Name: "IDNumberInvalid", Category: int(IdentityDatabase), Retryable: false, Status: 422},
	{Code: int(NameInvalid), Name: "NameInvalid", Category: int(IdentityDatabase), Retryable: false, Status: 422},

	{Code: int(ComparisonEngineError), Name: "ComparisonEngineError", Category: int(ImageComparison), Retryable: true, Status: 502},
	{Code: int(ComparisonTimeout), Name: "ComparisonTimeout", Category: int(ImageComparison), Retryable: true, Status: 504},
	{Code: int(ComparisonFailed), Name: "ComparisonFailed", Category: int(ImageComparison), Retryable: true, Status: 422},
	{Code: int(ComparisonSimilarityTooLow), Name: "ComparisonSimilarityTooLow", Category: int(ImageComparison), Retryable: true, Status: 422},
	{Code: int(ComparisonPhotoFetchFailed), Name: "ComparisonPhotoFetchFailed", Category: int(ImageComparison), Retryable: false, Status: 422},
	{Code: int(IdentityInvalid), Name: "IdentityInvalid", Category: int(ImageComparison), Retryable: false, Status: 422},
	{Code: int(NoMatchingPhoto), Name: "NoMatchingPhoto", Category: int(ImageComparison), Retryable: false, Status: 422},

	{Code: int(RealNameVerificationFailed), Name: "RealNameVerificationFailed", Category: int(WeChatRealName), Retryable: false, Status: 422},
	{Code: int(RealNameNotVerified), Name: "RealNameNotVerified", Category: int(WeChatRealName), Retryable: false, Status: 422},
	{Code: int(RealNameWeChatPayMismatch), Name: "RealNameWeChatPayMismatch", Category: int(WeChatRealName), Retryable: false, Status: 422},
	{Code: int(WeChatRealNameUnknownError), Name: "WeChatRealNameUnknownError", Category: int(WeChatRealName), Retryable: true, Status: 502},
})

// Index returns the position of c in [All], or -1 for a code that is not
// in the catalogue: an index into tables of one entry per code.
func (c Code) Index() int { return Huiyan.Index(int(c)) }

// All returns every code of the catalogue, in ascending order.
func All() []Code {
	codes := make([]Code, len(Huiyan.entries))
	for i, e := range Huiyan.entries {
		codes[i] = Code(e.Code)
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
func (c Code) Known() bool { return c.Index() >= 0 }

// String returns the name of the code's constant, such as "FaceTooClose",
// or "Code(1234)" for a code that is not in the catalogue.
func (c Code) String() string {
	if e, ok := Huiyan.Lookup(int(c)); ok {
		return e.Name
	}
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// Category returns the category of c. A code that is not in the catalogue
// belongs to the category of its hundreds digit (an unknown 6xx is a
// liveness failure) where that digit names one, and to [General] otherwise.
func (c Code) Category() Category { return Category(Huiyan.CategoryOf(int(c))) }

// Retryable reports whether the end user can simply try the same step
// again, possibly after adjusting the light, the distance or the phone, and
// succeed. It is false for codes that need other input from the user (a
// different ID card, a corrected name), an operator's fix, or that end the
// flow; and for codes that are not in the catalogue.
func (c Code) Retryable() bool {
	e, ok := Huiyan.Lookup(int(c))
	return ok && e.Retryable
}

// Param returns the count parameter of c, and false when c has none.
func (c Code) Param() (Param, bool) {
	e, ok := Huiyan.Lookup(int(c))
	if !ok || e.Param.Name == "" {
		return Param{}, false
	}
	return e.Param, true
}

// Table returns the Huiyan table, [Huiyan]: what tells a Huiyan code from
// a code of another table where both are served.
func (c Code) Table() *Table { return Huiyan }
