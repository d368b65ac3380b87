// Package faceid is the table of result codes that today's Tencent Cloud
// FaceID API (人脸核身) returns: one constant per code, with its section,
// whether the end user can simply try again, the HTTP status a backend is
// suggested to answer with, and whether Tencent bills the result.
//
// A backend that calls DetectAuth and then GetDetectInfoEnhanced or
// GetEidResult reads these integers from the result's Text: ErrCode (the
// final result), LiveStatus, Comparestatus, and each attempt's Errcode,
// Livestatus and Comparestatus in LivenessDetail. They are not the codes
// of package messages, the Huiyan table of the mini-program SDK's pages:
// 302 and 303 exist in both with other meanings (here an expired ID card
// and a failed scan; there an SMS rate limit and a daily SMS cap). [Code]
// is a type of its own so that one cannot be passed for the other:
//
//	m := huiyan.LocalizeWith(nil, faceid.IDCardExpired, "zh-TW", nil)
//
// # Sources
//
// Every row comes from one of Tencent's published pages, named in the
// comment of its constant:
//
//   - P: Plus 版人脸核身服务错误码 (cloud.tencent.com/document/product/1007/31082),
//     whose rows the 意愿核身 (1007/115319) and E证通 (1007/115318) pages
//     repeat.
//   - L: 微信 H5/小程序/E证通返回码 (cloud.tencent.com/document/product/213/32309),
//     the older page with the number-reading and action liveness codes.
//   - S: 慧眼人脸核身 SDK 后台返回码 (cloud.tencent.com/document/product/1007/101997).
//   - A: 关于慧眼人脸核身返回码提示语调整公告, 2023-08-01
//     (cloud.tencent.com/document/product/1007/95804).
//   - EN: the English eKYC error codes (tencentcloud.com/document/product/1061/37075).
//
// The pages disagree on two rows, and both readings are kept in the
// operator texts: 17 is 本次流程未完成 ("the flow was not completed") on P
// and 调用方式出错 ("wrong call") on S; 1007 is 未拉取微信活体结果或拉取微信活体结果失败
// (WeChat's liveness result was not fetched) on P and 活体检测失败,命中风控逻辑
// (liveness failed on a risk-control rule) on S.
//
// # Billing
//
// [messages.Entry] Billed follows P: Tencent bills 0 (success), 1002 (suspected
// spoofed recording), 2006 (name and ID number do not match) and 2016
// (similarity below the threshold). S also lists 2007, 2009 and 2011-2015
// as billed, but L notes that since 2021-07-19 they are not billed for
// WeChat H5, mini-programs and E证通, the integrations this library
// serves.
package faceid
