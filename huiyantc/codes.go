package huiyantc

import (
	"strings"

	"github.com/huiyan-i18n/huiyan/faceid"
)

// none marks an SDK error code that no FaceID result code corresponds to.
const none faceid.Code = -1

// sdkCode is one error code that a call through the SDK can fail with, and
// the FaceID result code whose user text applies to it, or none.
type sdkCode struct {
	code   string
	faceID faceid.Code
}

// sdkCodes are the error codes of the SDK's faceid/v20180301/errors.go (the
// FaceID API's own), Tencent Cloud's common error codes that any API
// answers (公共错误码), and the codes the SDK gives its own failures
// (ClientError...). The locale files hold one table of operator texts for
// each, and a test checks both against the SDK's errors.go.
//
// No published mapping from these codes to FaceID's result codes exists.
// A row names a FaceID code only where that code's meaning, on Tencent's
// pages that package faceid cites, is the same as the error's, so that its
// user text tells the person what happened and what to do; the comment
// says why, or why there is none. An error with none is the operator's to
// fix or Tencent's, and [Failure.UserCode] answers it as a service error.
var sdkCodes = []sdkCode{
	// The FaceID API's own codes (errors.go), in its order.

	// CAM签名/鉴权错误: the operator's credentials or signing; no result
	// code speaks of them.
	{"AuthFailure.InvalidAuthorization", none},
	// 未检测到闭眼动作, 未检测到动作配合, 未检测到张嘴动作: the face
	// verification failed on an action not seen: 1302, face verification
	// failed, please retry (A: 人脸验证失败,请重试), whose text names no
	// cause. 1005's tells of the light, which is not the cause.
	{"FailedOperation.ActionCloseEye", faceid.FaceVerificationRetry},
	// 脸离屏幕太近, 脸离屏幕太远: 1203 says "too close or too far" (L), as
	// 1204 and 1205 do; 1203 stands for the three.
	{"FailedOperation.ActionFaceClose", faceid.FaceDistance1203},
	{"FailedOperation.ActionFaceFar", faceid.FaceDistance1203},
	// 脸离屏幕太左, 脸离屏幕太右: a face off to a side fails the face
	// verification: 1302, whose text asks to face the camera. The distance
	// codes would tell the person to move nearer or farther.
	{"FailedOperation.ActionFaceLeft", faceid.FaceVerificationRetry},
	{"FailedOperation.ActionFaceRight", faceid.FaceVerificationRetry},
	{"FailedOperation.ActionFirstAction", faceid.FaceVerificationRetry},
	// 光线太暗: 1201, the light is too dim (L, EN).
	{"FailedOperation.ActionLightDark", faceid.LightTooDim},
	// 光线太强: 1202, poor lighting (L: 光线不佳).
	{"FailedOperation.ActionLightStrong", faceid.PoorLighting},
	// 未能检测到完整人脸 in the action liveness check: 1004, face detection
	// failed (EN).
	{"FailedOperation.ActionNodetectFace", faceid.FaceDetectionFailed},
	{"FailedOperation.ActionOpenMouth", faceid.FaceVerificationRetry},
	// 比对失败: 2015, not the same person (比对失败), word for word.
	{"FailedOperation.CompareFail", faceid.NotSamePersonComparison},
	// 比对库源维护中，暂时不可用: 2017, the authoritative source is being
	// upgraded (权威数据源升级中).
	{"FailedOperation.CompareLibServiceUnavailable", faceid.DataSourceUpgrading},
	// 比对相似度未达到通过标准: 2016, similarity below the threshold.
	{"FailedOperation.CompareLowSimilarity", faceid.SimilarityTooLow},
	// 调用比对引擎接口出错: an internal error of FaceID's (服务异常, 4-13);
	// 4 stands for them. Not 2001: that is a timeout.
	{"FailedOperation.CompareSystemError", faceid.InternalError4},
	// 视频压缩失败: a video the backend uploaded; the operator's.
	{"FailedOperation.CompressVideoError", none},
	// 图中人脸存在遮挡: 2010, the face is not fully visible (脸部未完整露出),
	// the comparison code, as this is about an image to compare.
	{"FailedOperation.CoveredFace", faceid.ComparisonFaceNotVisible},
	// 数据库异常: an internal error of FaceID's.
	{"FailedOperation.DbError", faceid.InternalError4},
	// 解密失败: the encryption the operator configured; none.
	{"FailedOperation.DecryptSystemError", none},
	// 服务引擎调用失败，请重试: an internal error of FaceID's.
	{"FailedOperation.DetectEngineSystemError", faceid.InternalError4},
	// 文件下载失败, 文件下载超时: a file the backend passed by URL; the
	// operator's. (202 is WeChat's video, fetched by FaceID.)
	{"FailedOperation.DownLoadError", none},
	{"FailedOperation.DownLoadTimeoutError", none},
	// 图片内容为空: an image the backend uploaded; the operator's.
	{"FailedOperation.EmptyImageError", none},
	// 加密失败: the encryption the operator configured; none.
	{"FailedOperation.EncryptSystemError", none},
	// 文件存储失败，请稍后重试: an internal error of FaceID's.
	{"FailedOperation.FileSaveError", faceid.InternalError4},
	// 输入的身份证号有误: 2003, the ID number is wrong (身份证号有误).
	{"FailedOperation.IdFormatError", faceid.IDNumberInvalid},
	// 姓名和身份证号不一致: 2006, name and ID number do not match.
	{"FailedOperation.IdNameMisMatch", faceid.NameIDNumberMismatch},
	// 库中无此号: 2005, no identity found (未查询到身份信息).
	{"FailedOperation.IdNoExistSystem", faceid.IdentityNotFound},
	// 库中无此号照片: 2007, no photo found (未查询到照片信息).
	{"FailedOperation.IdPhotoNoExist", faceid.IdentityPhotoNotFound},
	// 证件图片质量差: 2009, the photo on record is of too low a resolution.
	{"FailedOperation.IdPhotoPoorQuality", faceid.IdentityPhotoTooSmall},
	// 客户库自建库或认证中心返照失败: 1006, the ID photo database failed
	// (证照库出错).
	{"FailedOperation.IdPhotoSystemNoanswer", faceid.IDPhotoDatabaseError},
	// 姓名/身份证号认证次数超过当日限制，请次日重试: a limit on how often,
	// which 18 is (超出限频次数), whose text asks to try again later. Not
	// 16 (已达到重试上限), whose text asks to start again: today that fails.
	{"FailedOperation.IdentityAuthLimitExceeded", faceid.RateLimitExceeded},
	// 图片模糊, 图片解码失败, 图片尺寸过大: an image the backend uploaded;
	// the operator's.
	{"FailedOperation.ImageBlur", none},
	{"FailedOperation.ImageDecodeFailed", none},
	// 图片中未检测到身份证: 303, the ID card scan failed (扫描识别失败).
	{"FailedOperation.ImageNoIdCard", faceid.IDCardScanFailed},
	{"FailedOperation.ImageSizeTooLarge", none},
	// 未检测到完整人脸，请传入完整人脸图片: 2010, as CoveredFace.
	{"FailedOperation.IncompleteFace", faceid.ComparisonFaceNotVisible},
	// 检测到多张人脸: 2012, several faces (检测到多张人脸), word for word.
	{"FailedOperation.LifePhotoDetectFaces", faceid.MultipleFaces},
	// 实人比对没通过 (the photo judged fake): 2011, not the same person,
	// suspected not live (疑似非活体).
	{"FailedOperation.LifePhotoDetectFake", faceid.NotSamePersonLiveness},
	// 未能检测到完整人脸 in a photo to compare: 2010, as CoveredFace.
	{"FailedOperation.LifePhotoDetectNoFaces", faceid.ComparisonFaceNotVisible},
	// 传入图片分辨率太低, 传入图片过大或过小: an image the backend
	// uploaded; the operator's.
	{"FailedOperation.LifePhotoPoorQuality", none},
	{"FailedOperation.LifePhotoSizeError", none},
	// The number-reading liveness codes are L's 1101-1109, one for one:
	// 脸部未完整露出 1102, 嘴唇动作幅度过小 1109, 视频拉取失败 1105, 视频为空
	// 或大小不合适 1107, 视频格式有误 1104, 视频像素太低 1108, 未检测到声音
	// 1101, 视频声音太小 1106, 声音识别失败 1103.
	{"FailedOperation.LipFaceIncomplete", faceid.FaceNotFullyVisible},
	{"FailedOperation.LipMoveSmall", faceid.LipMovementTooSmall},
	{"FailedOperation.LipNetFailed", faceid.VideoPullFailed},
	{"FailedOperation.LipSizeError", faceid.VideoEmptyOrWrongSize},
	{"FailedOperation.LipVideoInvalid", faceid.VideoFormatInvalid},
	{"FailedOperation.LipVideoQuaility", faceid.VideoResolutionTooLow},
	{"FailedOperation.LipVoiceDetect", faceid.NoSoundDetected},
	{"FailedOperation.LipVoiceLow", faceid.VideoVolumeTooLow},
	{"FailedOperation.LipVoiceRecognize", faceid.SpeechRecognitionFailed},
	// 人脸检测失败，无法提取比对照: 2004, extracting the photo from the
	// video failed (视频提取照片出错).
	{"FailedOperation.LivessBestFrameError", faceid.PhotoExtractionFailed},
	// 活体检测没通过: 1005, liveness detection failed.
	{"FailedOperation.LivessDetectFail", faceid.LivenessDetectionFailed},
	// 疑似非真人录制: 1002, word for word.
	{"FailedOperation.LivessDetectFake", faceid.SuspectedSpoofRecording},
	// 调用活体引擎接口出错: an internal error of FaceID's. Not 1001: that
	// is a timeout.
	{"FailedOperation.LivessSystemError", faceid.InternalError4},
	// 视频实人检测没通过: 1003, the real-person check did not pass.
	{"FailedOperation.LivessUnknownError", faceid.RealPersonDetectionFailed},
	// 输入的姓名有误: 2002, the name is wrong (姓名有误).
	{"FailedOperation.NameFormatError", faceid.NameInvalid},
	// Ocr识别失败: 303, the ID card scan failed.
	{"FailedOperation.OcrFailed", faceid.IDCardScanFailed},
	// 图片质量过差: an image the backend uploaded; the operator's.
	{"FailedOperation.PoorImageQuality", none},
	// 调用次数超出限制: 18, the rate limit is exceeded (超出限频次数).
	{"FailedOperation.RequestLimitExceeded", faceid.RateLimitExceeded},
	// 实人检测失败: 1003.
	{"FailedOperation.SilentDetectFail", faceid.RealPersonDetectionFailed},
	// 眼睛检测失败, 嘴巴检测失败: the face verification failed on a part
	// of the face: 1302, as the actions not seen.
	{"FailedOperation.SilentEyeLiveFail", faceid.FaceVerificationRetry},
	// 视频未检测到人脸: 1004, face detection failed.
	{"FailedOperation.SilentFaceDetectFail", faceid.FaceDetectionFailed},
	// 视频中人脸质量低: the face verification failed: 1302. The resolution
	// codes (1108, 2014) would send the person after another cause, a
	// phone's camera.
	{"FailedOperation.SilentFaceQualityFail", faceid.FaceVerificationRetry},
	// 检测到带口罩: 1102, the face is not fully visible.
	{"FailedOperation.SilentFaceWithMaskFail", faceid.FaceNotFullyVisible},
	{"FailedOperation.SilentMouthLiveFail", faceid.FaceVerificationRetry},
	// 视频检测中有多个人脸: 2012.
	{"FailedOperation.SilentMultiFaceFail", faceid.MultipleFaces},
	// 疑似翻拍 (a recording of a screen or a photo): 1002, suspected spoof
	// recording.
	{"FailedOperation.SilentPictureLiveFail", faceid.SuspectedSpoofRecording},
	// 实人检测未达到通过标准: 1003.
	{"FailedOperation.SilentThreshold", faceid.RealPersonDetectionFailed},
	// 视频录制时间过短: 1303, the video is too short (A).
	{"FailedOperation.SilentTooShort", faceid.VideoTooShort},
	// STS未授权: the operator's cloud permissions.
	{"FailedOperation.StsUnAuthErrError", none},
	// 内部未知错误: an internal error of FaceID's.
	{"FailedOperation.UnKnown", faceid.InternalError4},
	// 该用户未注册E证通: no result code speaks of E证通 registration.
	{"FailedOperation.UnregisteredEid", none},
	// 认证不通过: says no more than that the verification failed; no code
	// is as vague, and a specific one would guess the cause.
	{"FailedOperation.VerificationFail", none},
	// 视频解码异常: 1104, the video format is wrong (视频格式出错).
	{"FailedOperation.VideoDecodeFailed", faceid.VideoFormatInvalid},
	// 视频时长过长: 1107, the video is empty or of the wrong size.
	{"FailedOperation.VideoDurationExceeded", faceid.VideoEmptyOrWrongSize},
	// 内部错误, 加密失败, 内部未知错误: internal errors of FaceID's.
	{"InternalError", faceid.InternalError4},
	{"InternalError.EncryptSystemError", faceid.InternalError4},
	{"InternalError.UnKnown", faceid.InternalError4},
	// 参数错误 and its kinds: 1, invalid parameter (EN; P: 调用方式出错).
	{"InvalidParameter", faceid.InvalidParameter},
	{"InvalidParameter.RuleId", faceid.InvalidParameter},
	{"InvalidParameter.UnsupportEncryptField", faceid.InvalidParameter},
	// 参数取值错误: 2, incorrect parameter value (EN).
	{"InvalidParameterValue", faceid.InvalidParameterValue},
	// BizToken过期: 15, the token has expired (Token 过期).
	{"InvalidParameterValue.BizTokenExpired", faceid.TokenExpired},
	// BizToken不合法, RuleId 停用或不存在: values that are wrong: 2.
	{"InvalidParameterValue.BizTokenIllegal", faceid.InvalidParameterValue},
	{"InvalidParameterValue.RuleIdDisabled", faceid.InvalidParameterValue},
	{"InvalidParameterValue.RuleIdNotExist", faceid.InvalidParameterValue},
	// 请求的次数超过了频率限制: 18.
	{"RequestLimitExceeded", faceid.RateLimitExceeded},
	// 未授权操作, 服务开通异常, 服务开通中, 未开通服务: the account may not
	// call the API: 203, no permission to call this API (无此 API 调用权限).
	{"UnauthorizedOperation", faceid.APINotAuthorized},
	{"UnauthorizedOperation.ActivateError", faceid.APINotAuthorized},
	{"UnauthorizedOperation.Activating", faceid.APINotAuthorized},
	// 账号已欠费, 计费状态异常, 账号未实名: the account's billing and
	// standing, which no result code speaks of.
	{"UnauthorizedOperation.Arrears", none},
	{"UnauthorizedOperation.ChargeStatusException", none},
	{"UnauthorizedOperation.NonAuthorize", none},
	{"UnauthorizedOperation.Nonactivated", faceid.APINotAuthorized},
	// 操作不支持: the operator's call; none.
	{"UnsupportedOperation", none},

	// Tencent Cloud's common error codes that errors.go does not list.
	// Signing, keys, versions, regions, quotas, IP lists and resources are
	// the operator's; none of them has a result code.
	{"ActionOffline", none},
	{"AuthFailure.InvalidSecretId", none},
	{"AuthFailure.MFAFailure", none},
	{"AuthFailure.SecretIdNotFound", none},
	{"AuthFailure.SignatureExpire", none},
	{"AuthFailure.SignatureFailure", none},
	{"AuthFailure.TokenFailure", none},
	{"AuthFailure.UnauthorizedOperation", none},
	{"DryRunOperation", none},
	// 操作失败, with nothing more: as VerificationFail.
	{"FailedOperation", none},
	{"InvalidAction", none},
	// 请求 body 的 multipart 格式错误: 3, bad request (EN).
	{"InvalidRequest", faceid.BadRequest},
	{"IpInBlacklist", none},
	{"IpNotInWhitelist", none},
	{"LimitExceeded", none},
	// 缺少参数, 未知参数错误: 1, invalid parameter.
	{"MissingParameter", faceid.InvalidParameter},
	{"NoSuchProduct", none},
	{"NoSuchVersion", none},
	{"RequestSizeLimitExceeded", none},
	{"ResourceInUse", none},
	{"ResourceInsufficient", none},
	{"ResourceNotFound", none},
	{"ResourceUnavailable", none},
	{"ResponseSizeLimitExceeded", none},
	// 当前服务暂时不可用: FaceID's service error (服务异常).
	{"ServiceUnavailable", faceid.InternalError4},
	{"UnknownParameter", faceid.InvalidParameter},
	{"UnsupportedProtocol", none},
	{"UnsupportedRegion", none},

	// The SDK's own codes, for failures before or after the API: the
	// network, the SDK, or an answer it could not read. None is a
	// verification's result.
	{"ClientError", none},
	{"ClientError.BuildRequestError", none},
	{"ClientError.CircuitBreakerError", none},
	{"ClientError.CredentialError", none},
	{"ClientError.HttpStatusCodeError", none},
	{"ClientError.INIError", none},
	{"ClientError.IOError", none},
	{"ClientError.InvalidParameter", none},
	{"ClientError.NetworkError", none},
	{"ClientError.ParseJsonError", none},
	{"ClientError.TypeError", none},
}

// faceIDOf maps each code of sdkCodes to its row's FaceID code.
var faceIDOf = func() map[string]faceid.Code {
	m := make(map[string]faceid.Code, len(sdkCodes))
	for _, c := range sdkCodes {
		m[c.code] = c.faceID
	}
	return m
}()

// parent returns the code that code refines, "FailedOperation" for
// "FailedOperation.ActionFaceClose", and "" for a code of one part.
func parent(code string) string {
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		return code[:i]
	}
	return ""
}

// faceIDCode returns the FaceID code that corresponds to the SDK error
// code: its row's, or for a code not in the table its parent's (an
// InvalidParameterValue.X is a wrong parameter value whatever X is), and
// false where there is none.
func faceIDCode(code string) (faceid.Code, bool) {
	for c := code; c != ""; c = parent(c) {
		if fc, ok := faceIDOf[c]; ok {
			if fc == none {
				return 0, false
			}
			return fc, true
		}
	}
	return 0, false
}
