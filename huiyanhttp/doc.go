// Package huiyanhttp answers HTTP requests from web pages and WeChat
// mini-programs with Tencent's result codes, of the Huiyan table (package
// messages) or the FaceID table (package faceid): in the end user's
// language, a success answer for code 0 and an RFC 9457 problem for any
// other, with the operator's texts in the log and never in the response.
//
// A service wraps its handlers once, with a [*huiyan.Bundle] or a
// [*huiyan.Watcher]:
//
//	mux := http.NewServeMux()
//	mux.HandleFunc("GET /api/verify/result", result)
//	handler := huiyanhttp.Middleware(huiyan.Default())(mux)
//
// and a handler answers the result code that Tencent returned for a
// verification in one call, whatever the code:
//
//	func result(w http.ResponseWriter, r *http.Request) {
//		code := messages.Code(res.ErrCode) // what Huiyan returned, 0 for success
//		huiyanhttp.WriteResult(w, r, code, nil)
//	}
//
// Code 0 gets 200 and the success answer in the user's language; any other
// code an RFC 9457 problem. nil may be the service's own fields, such as
// map[string]any{"orderId": id}, added to either answer.
//
// # Two tables
//
// The code's type says its table. A backend that follows Tencent's FaceID
// integration (DetectAuth, then GetDetectInfoEnhanced or GetEidResult)
// reads its result from another table, whose numbers overlap the Huiyan
// table's with other meanings (302 is an expired ID card there, an SMS
// limit here); it passes a faceid.Code, and gets that table's texts,
// status, name and category:
//
//	huiyanhttp.WriteResult(w, r, faceid.Code(info.Text.ErrCode), nil)
//
// Every answer has a table member, "huiyan" or "faceid", beside its code,
// and so do the log line and the [Result] that observers get. A code
// outside its table gets its section's texts: an unknown FaceID 12xx is a
// liveness action problem. The functions are generic over
// [messages.TableCode]; an untyped constant, which has no table, does not
// compile: write messages.Code(655), or the constant messages.FaceTooClose.
//
// # Request language
//
// [Language] reads the language of a request from, in order:
//
//  1. the lang query parameter: a mini-program sends
//     wx.getAppBaseInfo().language, such as zh_CN, zh_TW, zh_HK or en;
//  2. the X-Lang header, for a client that chooses the language on
//     purpose, such as a page with a language menu;
//  3. Accept-Language, which browsers send;
//  4. the Language/ token of WeChat's User-Agent, sent by its in-app
//     browser and with a mini-program's requests (below);
//  5. otherwise, the Source's default: zh-CN.
//
// WeChat's User-Agents end like these:
//
//	... MicroMessenger/8.0.34(0x18002230) NetType/WIFI Language/zh_CN
//	... MicroMessenger/8.0.40 ... Language/zh_HK ABI/arm64 MiniProgramEnv/android
//
// A source that is absent or empty, or that names no language
// (lang=xx-garbage!!, "*", "und"), is passed over for the next. The value
// chosen goes through the fallback rules of package huiyan: zh_HK is
// served in Traditional Chinese where the bundle has it and in zh-CN
// otherwise. At most 4096 bytes and 32 entries of a header are read, and
// 2048 bytes of a User-Agent, with no regular expression: the work is
// bounded for any request.
//
// # Middleware
//
// [Middleware] resolves the language once per request and keeps it in the
// request's context with the Source and the options. [WriteResult],
// [WriteProblem] and [Localize] read it from there, so that a handler
// needs nothing but the request:
//
//	m := huiyanhttp.Localize(r.Context(), messages.FaceTooClose)
//	fmt.Fprintln(w, m.User)
//
// Frameworks: chi takes the Middleware as it is (r.Use), echo through
// echo.WrapMiddleware, and gin's handlers pass c.Writer and c.Request, with
// the Middleware adapted in a few lines or wrapped around the whole
// engine; examples/gin, examples/echo and examples/chi in the repository
// are tested.
//
// # Problems
//
// For a code other than 0, [WriteResult] writes an application/problem+json
// response (RFC 9457):
//
//	HTTP/1.1 422 Unprocessable Entity
//	Content-Type: application/problem+json
//	Content-Language: en-US
//	Vary: X-Lang, Accept-Language
//	Cache-Control: no-store
//	X-Content-Type-Options: nosniff
//
//	{"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose","title":"Your face is too close. Please hold the phone a little farther away and try again.","status":422,"table":"huiyan","code":655,"name":"FaceTooClose","category":"liveness","retryable":true}
//
// The title is the end user's text: show it as it is. The status is the
// one the code's table suggests ([messages.Code.HTTPStatus],
// faceid.Code.HTTPStatus), documented there. The type is a stable URI per
// code and table: by default the code's constant in the documentation of
// its package, messages or faceid (for a code not in its table, its
// category's constant, such as faceid#LivenessAction); with
// [WithTypeBase], a page of the operators' own, such as package catalogue
// serves at /codes/{code}, with the table of a FaceID code in the query
// (/codes/302?table=faceid):
//
//	huiyanhttp.Middleware(w, huiyanhttp.WithTypeBase("https://ops.example.com/huiyan/codes/"))
//
// Vary names Accept-Language, and X-Lang and User-Agent when they were
// read to choose the language (a lang query parameter is part of the URL).
// Nothing of the request is echoed: Content-Language is a locale of the
// bundle, not the value the client sent. It names the locale of the user
// text in the body ([huiyan.MessageOf] Lang), which is not always the locale
// matched for the reader: where a deployment's partial ja-JP.toml lacks a
// text, a reader of "ja,en;q=0.8" gets English, labelled en-US, and one of
// "ja,zh-TW;q=0.5" Traditional Chinese, labelled zh-TW.
//
// # Uniform identity answers
//
// The answers of a failed identity check tell a caller more than the user
// needs to act: 701 says an ID number is not on record, 704 that it is but
// has no photo, 703, 707 and 708 which field is wrong. A service that takes
// ID numbers from callers it does not trust answers them alike, with one
// option:
//
//	huiyanhttp.Middleware(w, huiyanhttp.WithUniformIdentity())
//
// Every code of locales.UniformIdentityCodes (606, 701, 703, 704, 707,
// 708, 825, 826, 827) and of locales.FaceIDUniformIdentityCodes (2002,
// 2003, 2005-2009, which say the same in the FaceID table) is then
// answered as the Huiyan 826 IdentityInvalid, with the user text of the
// locales.UniformIdentity layer: for the same request, status, headers and
// body are the same bytes whichever member Tencent returned, of either
// table. The real code stays with the operator, in the log line (the
// group huiyan, with answered_table=huiyan and answered_code=826 beside
// it) and in the [Result] that observers count. The option brings the layer's texts itself, over the
// Source's and following its reloads; see [WithUniformIdentity] for the
// trade-offs.
//
// # Success
//
// Code 0 is success, in either table, and gets status 200 and
// application/json, with the same headers and the success text for the
// end user as its title:
//
//	{"title":"Verification successful","status":200,"table":"huiyan","code":0,"name":"Success"}
//
// A client reads title and code whatever the outcome. [WriteProblem] is
// WriteResult without fields: it too answers code 0 with success, so that
// no handler that passes on Tencent's code leaves a response empty.
//
// The service's own members (fields) come after the answer's; they may not
// repeat one of them. To pass a failed result up the stack as a Go error,
// wrap its code in a [huiyan.Error].
//
// # Observers
//
// [WithObserver] tells an [Observer], such as a Prometheus counter, of
// every answer, success included: a [Result] of bounded values (the
// table, the code, its name and category, whether Tencent bills the
// result, the status and the Content-Language), a code outside its table
// counted as "other". Observing allocates nothing.
//
// # Billing
//
// Tencent bills some FaceID results, failures among them (1002, 2006 and
// 2016; faceid.Code.Billed). The operator sees it: in the log line
// (billed=true in the group huiyan) and in the [Result] that observers
// count, so that a dashboard can show what failures cost. The answer to
// the caller does not say it: what a result costs the service is nothing
// the end user can act on, and under [WithUniformIdentity] it would tell
// 2006 from the other members.
//
// # Logs
//
// Each problem is logged with [log/slog] (see [WithLogger]), with the
// table, the code, its name, category and retryability, billed for a
// billed result, and the operator's title, detail and remedy, in the
// operator's language ([WithOperatorLanguage], en-US by default) whatever
// the end user's was. Where the caller was answered with another code
// ([WithUniformIdentity]), answered_table and answered_code say which.
//
// # Performance
//
// The answers of a table's codes, success included, are rendered once per
// bundle, in every locale, with the deployment's parameters
// ([WithParams]): the Huiyan table's with the bundle, the FaceID table's
// when a FaceID code is first answered; a Watcher's reload renders them
// anew on the next answer. Writing one then allocates no more than
// writing a static byte slice, observed or not: the bodies and the header
// values are shared, read-only. A code that is not in its table is
// rendered when it is written, and so is an answer with fields, and one
// in a locale that only a deployment's FaceID files have (a
// faceid.ja-JP.toml without a ja-JP.toml), which the bundle's Locales do
// not list.
package huiyanhttp
