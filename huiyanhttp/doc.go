// Package huiyanhttp answers HTTP requests from web pages and WeChat
// mini-programs with Huiyan codes: in the end user's language, as RFC 9457
// problems, with the operator's texts in the log and never in the
// response.
//
// A service wraps its handlers once, with a [*huiyan.Bundle] or a
// [*huiyan.Watcher]:
//
//	mux := http.NewServeMux()
//	mux.HandleFunc("GET /api/verify/result", result)
//	handler := huiyanhttp.Middleware(huiyan.Default())(mux)
//
// and a handler answers a failed verification in one line:
//
//	func result(w http.ResponseWriter, r *http.Request) {
//		// code is what Huiyan returned for the verification.
//		huiyanhttp.WriteProblem(w, r, code)
//	}
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
//  5. otherwise, the Localizer's default: zh-CN.
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
// request's context with the Localizer and the options. [WriteProblem]
// and [Localize] read it from there, so that a handler needs nothing but
// the request:
//
//	m := huiyanhttp.Localize(r.Context(), messages.FaceTooClose)
//	fmt.Fprintln(w, m.User)
//
// # Problems
//
// [WriteProblem] writes an application/problem+json response (RFC 9457):
//
//	HTTP/1.1 422 Unprocessable Entity
//	Content-Type: application/problem+json
//	Content-Language: en-US
//	Vary: X-Lang, Accept-Language
//	Cache-Control: no-store
//	X-Content-Type-Options: nosniff
//
//	{"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose","title":"Your face is too close. Please hold the phone a little farther away and try again.","status":422,"code":655,"name":"FaceTooClose","category":"liveness","retryable":true}
//
// The title is the end user's text: show it as it is. The status is
// [messages.Code.HTTPStatus], a suggestion documented there. The type is a
// stable URI per code: by default the code's constant in the
// documentation of package messages (for a code not in the catalogue, its
// category's constant); with [WithTypeBase], a page of the operators'
// own, such as package catalogue serves at /codes/{code}:
//
//	huiyanhttp.Middleware(w, huiyanhttp.WithTypeBase("https://ops.example.com/huiyan/codes/"))
//
// Vary names Accept-Language, and X-Lang and User-Agent when they were
// read to choose the language (a lang query parameter is part of the URL).
// Nothing of the request is echoed: Content-Language is a locale of the
// bundle, not the value the client sent.
//
// Code 0 is success, not a problem: WriteProblem writes nothing and
// returns [ErrSuccess], and the handler answers as it sees fit.
//
// # Logs
//
// Each problem is logged with [log/slog] (see [WithLogger]), with the
// code, its name, category and retryability and the operator's title,
// detail and remedy, in the operator's language ([WithOperatorLanguage],
// en-US by default) whatever the end user's was.
//
// # Performance
//
// The problem bodies of the catalogue's codes are rendered once per
// bundle, in every locale, with the deployment's parameters
// ([WithParams]); a Watcher's reload renders them anew on the next
// problem. Writing one then allocates no more than writing a static byte
// slice: the bodies and the header values are shared, read-only. A code
// that is not in the catalogue is rendered when it is written.
package huiyanhttp
