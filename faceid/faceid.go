package faceid

import (
	"strconv"

	"github.com/huiyan-i18n/huiyan/messages"
)

// Code is a FaceID result code, as the FaceID API returns it in
// DetectInfoText's ErrCode, LiveStatus and Comparestatus. Any int converts
// to a Code; [Code.Known] tells whether it is in the table.
//
// A Code is an error ([Code.Error]), as a [messages.Code] is, so that a
// wrapped code can be found with errors.Is.
type Code int

// The codes of the table, by section. The letter after each is the page
// its row comes from (see the package documentation).
const (
	// System (系统返回码, 0-19).
	Success               Code = 0  // P: 成功
	InvalidParameter      Code = 1  // P: 调用方式出错 (EN: invalid parameter)
	InvalidParameterValue Code = 2  // P: 调用方式出错 (EN: incorrect parameter value)
	BadRequest            Code = 3  // P: 调用方式出错 (EN: bad request)
	InternalError4        Code = 4  // P: 服务异常
	InternalError7        Code = 7  // S: 服务异常
	InternalError8        Code = 8  // P: 服务异常
	InternalError9        Code = 9  // EN: internal service error
	InternalError10       Code = 10 // P: 服务异常
	InternalError11       Code = 11 // EN: internal service error
	InternalError12       Code = 12 // P: 服务异常
	InternalError13       Code = 13 // P: 服务异常
	VerificationCompleted Code = 14 // P: 本次校验已完成
	TokenExpired          Code = 15 // P: Token 过期
	RetryLimitReached     Code = 16 // P: 已达到重试上限
	FlowNotCompleted      Code = 17 // P: 本次流程未完成 (S: 调用方式出错)
	RateLimitExceeded     Code = 18 // S: 超出限频次数
	ValidityExpired       Code = 19 // S: 超出有效期

	// WeChat (微信相关返回码, 201-204).
	WeChatImageFetchFailed   Code = 201 // P: 从微信拉取图片失败
	VideoFetchFailed         Code = 202 // P: 视频获取失败
	APINotAuthorized         Code = 203 // P: 无此 API 调用权限
	MiniProgramNotAuthorized Code = 204 // P: 公众号/小程序未完成对慧眼授权

	// ID card (301-303).
	IDNumberMismatch Code = 301 // P: 身份证号码与业务传入证件号码不符
	IDCardExpired    Code = 302 // P: 身份证已过期
	IDCardScanFailed Code = 303 // P: 扫描识别失败

	// Liveness, general (活体通用返回码, 1001-1008).
	LivenessEngineTimeout     Code = 1001 // P: 引擎超时
	SuspectedSpoofRecording   Code = 1002 // P: 疑似非真人录制
	RealPersonDetectionFailed Code = 1003 // P: 人脸识别验证未成功
	FaceDetectionFailed       Code = 1004 // P: 人脸验证失败 (EN: face detection failed)
	LivenessDetectionFailed   Code = 1005 // P: 人脸验证失败 (EN: liveness detection failed)
	IDPhotoDatabaseError      Code = 1006 // P: 证照库出错
	WeChatLivenessResultError Code = 1007 // P: 未拉取微信活体结果或拉取微信活体结果失败 (S: 命中风控逻辑)
	NetworkUnstable           Code = 1008 // P: 用户活体过程网络不稳定

	// Liveness by number reading (数字活体返回码, 1101-1109).
	NoSoundDetected         Code = 1101 // L: 声音未能识别 (EN: no sound is detected)
	FaceNotFullyVisible     Code = 1102 // L: 脸部未完整露出
	SpeechRecognitionFailed Code = 1103 // L: 声音未能识别 (EN: speech recognition failed)
	VideoFormatInvalid      Code = 1104 // L: 视频格式出错
	VideoPullFailed         Code = 1105 // L: 视频拉取失败
	VideoVolumeTooLow       Code = 1106 // L: 声音太小
	VideoEmptyOrWrongSize   Code = 1107 // L: 视频为空,或大小不合适
	VideoResolutionTooLow   Code = 1108 // L: 视频像素太低
	LipMovementTooSmall     Code = 1109 // L: 未识别到唇动

	// Liveness by action (动作活体返回码, 1201-).
	LightTooDim      Code = 1201 // L: 光线不佳 (EN: the lighting is too dim)
	PoorLighting     Code = 1202 // L: 光线不佳
	FaceDistance1203 Code = 1203 // L: 离屏幕太近或太远
	FaceDistance1204 Code = 1204 // L: 离屏幕太近或太远
	FaceDistance1205 Code = 1205 // L: 离屏幕太近或太远

	// Liveness, the prompts adjusted on 2023-08-01 (1301-1303).
	SuspectedSpoofRetry   Code = 1301 // A: 疑似非真人录制,请重试
	FaceVerificationRetry Code = 1302 // A: 人脸验证失败,请重试
	VideoTooShort         Code = 1303 // A: 视频录制时间过短

	// Image comparison (证件图像比对返回码, 2001-2017).
	ComparisonEngineTimeout  Code = 2001 // P: 引擎超时
	NameInvalid              Code = 2002 // P: 姓名有误
	IDNumberInvalid          Code = 2003 // P: 身份证号有误
	PhotoExtractionFailed    Code = 2004 // P: 视频提取照片出错
	IdentityNotFound         Code = 2005 // P: 未查询到身份信息
	NameIDNumberMismatch     Code = 2006 // P: 姓名和身份证号不匹配
	IdentityPhotoNotFound    Code = 2007 // P: 未查询到照片信息
	IdentityPhotoNotFound2   Code = 2008 // P: 未查询到照片信息
	IdentityPhotoTooSmall    Code = 2009 // P: 查询到照片分辨率过低
	ComparisonFaceNotVisible Code = 2010 // P: 脸部未完整露出
	NotSamePersonLiveness    Code = 2011 // S: 无法判断为同一人(疑似非活体)
	MultipleFaces            Code = 2012 // S: 检测到多张人脸
	ComparisonFaceIncomplete Code = 2013 // S: 脸部未完整露出
	ComparisonVideoTooBlurry Code = 2014 // S: 视频像素太低
	NotSamePersonComparison  Code = 2015 // S: 无法判断为同一人(比对失败)
	SimilarityTooLow         Code = 2016 // P: 无法判断为同一人(相似度未达到通过阈值)
	DataSourceUpgrading      Code = 2017 // S: 权威数据源升级中
)

// The sections of the table, as locale files spell them
// ([category.liveness_action]) and in the order of [Table]'s Categories.
const (
	System          = iota // 0-199 and any code outside the ranges below
	WeChat                 // 200-299
	IDCard                 // 300-399
	Liveness               // 1000-1099 and 1300-1399
	LivenessNumber         // 1100-1199
	LivenessAction         // 1200-1299
	ImageComparison        // 2000-2999
)

// Table is the FaceID table as data, for the pipeline that loads, lints,
// exports and serves it (package huiyan takes it as it takes
// [messages.Huiyan]). Its name is "faceid": the locale files of its texts
// are named faceid.zh-CN.toml and so on.
var Table = messages.NewTable("faceid", []messages.CategoryInfo{
	System:          {Key: "system", Name: "System", Ranges: []messages.Range{{From: 0, To: 199}}, Status: 422},
	WeChat:          {Key: "wechat", Name: "WeChat", Ranges: []messages.Range{{From: 200, To: 299}}, Status: 422},
	IDCard:          {Key: "id_card", Name: "IDCard", Ranges: []messages.Range{{From: 300, To: 399}}, Status: 422},
	Liveness:        {Key: "liveness", Name: "Liveness", Ranges: []messages.Range{{From: 1000, To: 1099}, {From: 1300, To: 1399}}, Status: 422},
	LivenessNumber:  {Key: "liveness_number", Name: "LivenessNumber", Ranges: []messages.Range{{From: 1100, To: 1199}}, Status: 422},
	LivenessAction:  {Key: "liveness_action", Name: "LivenessAction", Ranges: []messages.Range{{From: 1200, To: 1299}}, Status: 422},
	ImageComparison: {Key: "image_comparison", Name: "ImageComparison", Ranges: []messages.Range{{From: 2000, To: 2999}}, Status: 422},
}, []messages.Entry{
	e(Success, "Success", System, false, 200, true),
	e(InvalidParameter, "InvalidParameter", System, false, 400, false),
	e(InvalidParameterValue, "InvalidParameterValue", System, false, 400, false),
	e(BadRequest, "BadRequest", System, false, 400, false),
	e(InternalError4, "InternalError4", System, true, 503, false),
	e(InternalError7, "InternalError7", System, true, 503, false),
	e(InternalError8, "InternalError8", System, true, 503, false),
	e(InternalError9, "InternalError9", System, true, 503, false),
	e(InternalError10, "InternalError10", System, true, 503, false),
	e(InternalError11, "InternalError11", System, true, 503, false),
	e(InternalError12, "InternalError12", System, true, 503, false),
	e(InternalError13, "InternalError13", System, true, 503, false),
	e(VerificationCompleted, "VerificationCompleted", System, false, 409, false),
	e(TokenExpired, "TokenExpired", System, false, 410, false),
	e(RetryLimitReached, "RetryLimitReached", System, false, 429, false),
	e(FlowNotCompleted, "FlowNotCompleted", System, false, 422, false),
	e(RateLimitExceeded, "RateLimitExceeded", System, false, 429, false),
	e(ValidityExpired, "ValidityExpired", System, false, 410, false),

	e(WeChatImageFetchFailed, "WeChatImageFetchFailed", WeChat, true, 502, false),
	e(VideoFetchFailed, "VideoFetchFailed", WeChat, true, 502, false),
	e(APINotAuthorized, "APINotAuthorized", WeChat, false, 403, false),
	e(MiniProgramNotAuthorized, "MiniProgramNotAuthorized", WeChat, false, 403, false),

	e(IDNumberMismatch, "IDNumberMismatch", IDCard, false, 422, false),
	e(IDCardExpired, "IDCardExpired", IDCard, false, 422, false),
	e(IDCardScanFailed, "IDCardScanFailed", IDCard, true, 422, false),

	e(LivenessEngineTimeout, "LivenessEngineTimeout", Liveness, true, 504, false),
	e(SuspectedSpoofRecording, "SuspectedSpoofRecording", Liveness, true, 422, true),
	e(RealPersonDetectionFailed, "RealPersonDetectionFailed", Liveness, true, 422, false),
	e(FaceDetectionFailed, "FaceDetectionFailed", Liveness, true, 422, false),
	e(LivenessDetectionFailed, "LivenessDetectionFailed", Liveness, true, 422, false),
	e(IDPhotoDatabaseError, "IDPhotoDatabaseError", Liveness, true, 502, false),
	e(WeChatLivenessResultError, "WeChatLivenessResultError", Liveness, true, 502, false),
	e(NetworkUnstable, "NetworkUnstable", Liveness, true, 422, false),

	e(NoSoundDetected, "NoSoundDetected", LivenessNumber, true, 422, false),
	e(FaceNotFullyVisible, "FaceNotFullyVisible", LivenessNumber, true, 422, false),
	e(SpeechRecognitionFailed, "SpeechRecognitionFailed", LivenessNumber, true, 422, false),
	e(VideoFormatInvalid, "VideoFormatInvalid", LivenessNumber, true, 422, false),
	e(VideoPullFailed, "VideoPullFailed", LivenessNumber, true, 502, false),
	e(VideoVolumeTooLow, "VideoVolumeTooLow", LivenessNumber, true, 422, false),
	e(VideoEmptyOrWrongSize, "VideoEmptyOrWrongSize", LivenessNumber, true, 422, false),
	e(VideoResolutionTooLow, "VideoResolutionTooLow", LivenessNumber, true, 422, false),
	e(LipMovementTooSmall, "LipMovementTooSmall", LivenessNumber, true, 422, false),

	e(LightTooDim, "LightTooDim", LivenessAction, true, 422, false),
	e(PoorLighting, "PoorLighting", LivenessAction, true, 422, false),
	e(FaceDistance1203, "FaceDistance1203", LivenessAction, true, 422, false),
	e(FaceDistance1204, "FaceDistance1204", LivenessAction, true, 422, false),
	e(FaceDistance1205, "FaceDistance1205", LivenessAction, true, 422, false),

	e(SuspectedSpoofRetry, "SuspectedSpoofRetry", Liveness, true, 422, false),
	e(FaceVerificationRetry, "FaceVerificationRetry", Liveness, true, 422, false),
	e(VideoTooShort, "VideoTooShort", Liveness, true, 422, false),

	e(ComparisonEngineTimeout, "ComparisonEngineTimeout", ImageComparison, true, 504, false),
	e(NameInvalid, "NameInvalid", ImageComparison, false, 422, false),
	e(IDNumberInvalid, "IDNumberInvalid", ImageComparison, false, 422, false),
	e(PhotoExtractionFailed, "PhotoExtractionFailed", ImageComparison, true, 422, false),
	e(IdentityNotFound, "IdentityNotFound", ImageComparison, false, 422, false),
	e(NameIDNumberMismatch, "NameIDNumberMismatch", ImageComparison, false, 422, true),
	e(IdentityPhotoNotFound, "IdentityPhotoNotFound", ImageComparison, false, 422, false),
	e(IdentityPhotoNotFound2, "IdentityPhotoNotFound2", ImageComparison, false, 422, false),
	e(IdentityPhotoTooSmall, "IdentityPhotoTooSmall", ImageComparison, false, 422, false),
	e(ComparisonFaceNotVisible, "ComparisonFaceNotVisible", ImageComparison, true, 422, false),
	e(NotSamePersonLiveness, "NotSamePersonLiveness", ImageComparison, true, 422, false),
	e(MultipleFaces, "MultipleFaces", ImageComparison, true, 422, false),
	e(ComparisonFaceIncomplete, "ComparisonFaceIncomplete", ImageComparison, true, 422, false),
	e(ComparisonVideoTooBlurry, "ComparisonVideoTooBlurry", ImageComparison, true, 422, false),
	e(NotSamePersonComparison, "NotSamePersonComparison", ImageComparison, true, 422, false),
	e(SimilarityTooLow, "SimilarityTooLow", ImageComparison, true, 422, true),
	e(DataSourceUpgrading, "DataSourceUpgrading", ImageComparison, true, 503, false),
})

// e is one entry of Table.
func e(c Code, name string, section int, retryable bool, status int, billed bool) messages.Entry {
	return messages.Entry{Code: int(c), Name: name, Category: section, Retryable: retryable, Status: status, Billed: billed}
}

// Table returns the FaceID table, [Table]: what tells a FaceID code from a
// Huiyan code where both are served.
func (c Code) Table() *messages.Table { return Table }

// Known reports whether c is in the table.
func (c Code) Known() bool { return Table.Index(int(c)) >= 0 }

// String returns the name of the code's constant, such as "IDCardExpired",
// or "faceid.Code(1234)" for a code that is not in the table.
func (c Code) String() string {
	if e, ok := Table.Lookup(int(c)); ok {
		return e.Name
	}
	return "faceid.Code(" + strconv.Itoa(int(c)) + ")"
}

// Error returns the same as [Code.String]: a Code is an error so that
// code that has wrapped one can test for it with errors.Is.
func (c Code) Error() string { return c.String() }

// Section returns the key of c's section, as locale files spell it, such
// as "liveness_action": its entry's, or for a code not in the table the
// section whose range holds it (an unknown 12xx is a liveness action
// problem), and "system" when none does.
func (c Code) Section() string { return Table.Categories()[Table.CategoryOf(int(c))].Key }

// Retryable reports whether the end user can simply try the same step
// again, possibly after adjusting the light, the distance, the network or
// the phone, and succeed. It is false for codes not in the table.
func (c Code) Retryable() bool {
	e, ok := Table.Lookup(int(c))
	return ok && e.Retryable
}

// Billed reports whether Tencent bills a result with code c (the 是否收费
// column of the Plus page): 0, 1002, 2006 and 2016. It is false for codes
// not in the table.
func (c Code) Billed() bool {
	e, ok := Table.Lookup(int(c))
	return ok && e.Billed
}

// HTTPStatus returns the HTTP status that a backend is suggested to answer
// with when it reports c to its client: 200 for success; 400 for a wrong
// call (1-3); 503 for Tencent's service errors (4-13) and 2017, which
// clear on their own; 409 for a verification already completed (14); 410
// for what has expired (15, 19); 429 for limits (16, 18); 403 for missing
// authorization (203, 204); 502 for a fetch or database behind the API
// that failed (201, 202, 1006, 1007, 1105); 504 for an engine timeout
// (1001, 2001); and 422 for a verification the user did not pass, as for
// every code not in the table.
func (c Code) HTTPStatus() int { return Table.Status(int(c)) }

// ParseCode parses a code written in decimal, as messages.ParseCode does.
func ParseCode(s string) (Code, error) {
	n, err := strconv.Atoi(s)
	return Code(n), err
}

// All returns every code of the table, in ascending order.
func All() []Code {
	codes := make([]Code, len(Table.Entries()))
	for i, e := range Table.Entries() {
		codes[i] = Code(e.Code)
	}
	return codes
}
