package messages

// HTTPStatus returns the HTTP status that a backend is suggested to answer
// with when it reports c to its client, such as a web page or a WeChat
// mini-program. It is a suggestion: a service is free to answer every
// failure with 200 and a body, as some mini-program backends do. The
// groups, and why:
//
//   - 200 for [Success].
//   - 400 Bad Request for a request to Huiyan that lacks a parameter or has
//     a malformed one (1, 2): the request was wrong as sent.
//   - 401 Unauthorized when the caller could not be authenticated: a
//     signature that fails or is missing, an appid or token that fails
//     validation, no WeChat login (3, 4, 5, 7).
//   - 403 Forbidden when the caller is known but not allowed: an API the
//     project is not authorized for, a redirect URL outside the project's
//     domain (9, 13).
//   - 410 Gone for what has expired and must be started anew: the
//     verification token and the SMS code (11, 12, 305).
//   - 429 Too Many Requests for rate limits and quotas: the call quota,
//     the SMS rate and daily limits (10, 302, 303).
//   - 422 Unprocessable Content for a verification the user did not pass,
//     or that cannot be done for their identity: a wrong SMS code, an ID
//     card that cannot be read or does not match, liveness and face
//     comparison failures, identity database mismatches, WeChat real-name
//     failures (304, 501-512, 602-663 but for the engine errors below,
//     701, 703-705, 707, 708, 823-827, 901-903). The request was well
//     formed; what the user supplied did not verify.
//   - 502 Bad Gateway when an engine behind Huiyan failed: the liveness,
//     comparison and identity database engines, an empty photo for the
//     second check, an unknown WeChat real-name error (601, 605, 650, 702,
//     706, 821, 905).
//   - 503 Service Unavailable for a Huiyan system error, which clears on
//     its own (8).
//   - 504 Gateway Timeout for the comparison engine's timeout (822).
//
// A code that is not in the catalogue gets 422, whatever its category:
// the backend that answers is working, and the verification has an
// outcome it cannot name. A 5xx would have proxies that retry on 502
// (nginx's proxy_next_upstream http_502) send the verification again, and
// error-rate alerts page someone for what a client sent.
//
// The statuses are data of the table ([Entry.Status] and
// [CategoryInfo.Status] of [Huiyan]).
func (c Code) HTTPStatus() int { return Huiyan.Status(int(c)) }

// Error returns the same as [Code.String]. A Code is an error so that
// code that has wrapped one, in a [github.com/huiyan-i18n/huiyan.Error]
// (the way to make the error of a call from its code), can test for it:
//
//	if errors.Is(err, messages.FaceTooClose) { ... }
//
// It is the name and nothing more because package fmt prints an error
// with Error rather than String: a Code prints as "FaceTooClose" either
// way. huiyan.Error adds the code and the operator's title.
func (c Code) Error() string { return c.String() }
