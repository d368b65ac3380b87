package huiyanhttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/huiyan-i18n/huiyan/messages"
)

// successContentType is the Content-Type of the success answer.
var successContentType = []string{"application/json"}

// WriteResult answers r with the result code that Tencent returned,
// whatever it is, in the language of r (see [Language]), with the Source
// and options of the [Middleware] that r passed through, or
// huiyan.Default() and the default options without one. The code is of
// either table, and its type says which: a [messages.Code] of the Huiyan
// table, or a faceid.Code of the FaceID table (whose 302 is an expired ID
// card, where the Huiyan 302 is an SMS limit):
//
//	huiyanhttp.WriteResult(w, r, messages.Code(res.ErrCode), nil)
//	huiyanhttp.WriteResult(w, r, faceid.Code(info.Text.ErrCode), nil)
//
// For a success (0, in either table) it writes status 200 and the success
// answer, Content-Type application/json, whose title is the success text
// for the end user:
//
//	{"title":"Verification successful","status":200,"table":"huiyan","code":0,"name":"Success"}
//
// For any other code, in its table or not, it writes an RFC 9457 problem,
// Content-Type application/problem+json, with the status that the code's
// table suggests ([messages.Code.HTTPStatus], faceid.Code.HTTPStatus):
//
//	{"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose",
//	 "title":"Your face is too close. Please hold the phone a little farther away and try again.",
//	 "status":422,"table":"huiyan","code":655,"name":"FaceTooClose","category":"liveness","retryable":true}
//
// on one line: type (see [WithTypeBase]), title the end user's text in
// their language, status, and the members table ("huiyan" or "faceid"),
// code, name, category (as the table's locale files spell it) and
// retryable. There is no detail member: the user text, which says what
// happened and what to do next, is the title. Nor is there a member that
// says whether Tencent bills the result: that is the operator's to know,
// and the log and the observers have it. Each problem is logged (see
// [WithLogger]) with the code's operator texts in the operator's language,
// at level Warn for a 5xx status or a code of its table's first category
// (the Huiyan table's general codes, FaceID's system codes: request,
// signature, token and quota errors, which the operator may have to fix),
// and Info for the rest, which are the end user's to redo. Operator texts
// never appear in the response, and nothing of the request does. With
// [WithUniformIdentity], a code of a failed identity check, of either
// table, is answered as the Huiyan 826 is, and logged and observed as
// itself.
//
// fields are the service's own members, added after the answer's: nil for
// none, or a value that encoding/json marshals to an object (a map, a
// struct) without a member of the answer (type, title, status, table,
// code, name, category, retryable). A problem gets them too, as extension
// members. Fields that break that rule are a fault of the service:
// WriteResult then answers 500 with a problem titled "Internal Server
// Error", logs the fault at level Error and returns it.
//
// Both answers have the headers Content-Language, the locale of the user
// text in the body ([huiyan.MessageOf] Lang: where a deployment's partial
// locale lacks the text and the reader's next language serves it, that
// next language), Vary naming Accept-Language and the other headers read
// to choose the language, Cache-Control no-store and
// X-Content-Type-Options nosniff. A Content-Length set before is removed;
// a Vary set before is kept.
//
// The observers ([WithObserver]) are told of every answer, success
// included. WriteResult returns the error of writing the body, if any.
func WriteResult[C messages.TableCode](w http.ResponseWriter, r *http.Request, code C, fields any) error {
	return writeResult(w, r, typed[C]{}, int(code), fields)
}

// writeResult is WriteResult of code, whose Go type is t.
func writeResult(w http.ResponseWriter, r *http.Request, t codeType, code int, fields any) error {
	var rq request
	if p, ok := requestContext(r); ok {
		rq = *p
	} else {
		rq.s = defaultState()
		rq.lang, rq.src = choose(r)
	}
	s := rq.s
	b := s.loc.Bundle() // one catalogue for the whole response
	bs := s.bodiesFor(b)
	tbl := t.table()
	// A member of the identity group is answered as identityCode; the
	// operator's log and the observers get the real code.
	grouped := s.grouped(tbl, code)
	var rp reply
	if grouped {
		rp = bs.answer(&s.config, identityType, identityTable, identityCode, rq.lang)
	} else {
		rp = bs.answer(&s.config, t, tbl, code, rq.lang)
	}
	body := rp.body
	if fields != nil {
		var err error
		if body, err = withFields(body, fields); err != nil {
			return s.writeFault(w, r, tbl, code, rq.src, err)
		}
	}
	h := w.Header()
	setHeaders(h, rq.src)
	h["Content-Type"] = problemContentType
	if rp.status == http.StatusOK {
		h["Content-Type"] = successContentType
	}
	h["Content-Language"] = rp.lang
	w.WriteHeader(rp.status)
	_, err := w.Write(body)
	if rp.status != http.StatusOK {
		s.logProblem(ctxOf(r), b, t, tbl, code, grouped, rp.status, rp.lang[0])
	}
	s.observe(tbl, code, rp.status, rp.lang[0])
	return err
}

// setHeaders sets the headers of every answer but Content-Type and
// Content-Language.
func setHeaders(h http.Header, src source) {
	delete(h, "Content-Length")
	if v := h["Vary"]; v != nil {
		h["Vary"] = append(v[:len(v):len(v)], vary[src]...)
	} else {
		h["Vary"] = vary[src]
	}
	h["Cache-Control"] = noStore
	h["X-Content-Type-Options"] = nosniff
}

// reserved are the members of the answers, which fields may not hold.
var reserved = [...]string{"type", "title", "status", "table", "code", "name", "category", "retryable"}

// withFields returns body with the members of fields added after its own.
func withFields(body []byte, fields any) ([]byte, error) {
	extra, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("huiyanhttp: fields: %w", err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(extra, &members); err != nil {
		return nil, errors.New("huiyanhttp: fields must marshal to a JSON object, not " + kindOf(extra))
	}
	for _, k := range reserved {
		if _, ok := members[k]; ok {
			return nil, fmt.Errorf("huiyanhttp: fields hold %q, a member of the answer", k)
		}
	}
	if len(members) == 0 {
		return body, nil // null or {}
	}
	// body ends with "}\n"; extra is a compact object, "{...}".
	out := make([]byte, 0, len(body)+len(extra))
	out = append(out, body[:len(body)-2]...)
	out = append(out, ',')
	out = append(out, extra[1:]...)
	return append(out, '\n'), nil
}

// kindOf names the kind of JSON value that data, which is valid JSON, is.
func kindOf(data []byte) string {
	switch data[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

// fault is the answer when the service's fields do not make a valid
// answer: a bug of the service, not of the user.
var fault = []byte(`{"type":"about:blank","title":"Internal Server Error","status":500}` + "\n")

// writeFault answers 500 for fields that WriteResult cannot add, logs err
// and returns it.
func (s *state) writeFault(w http.ResponseWriter, r *http.Request, tbl *messages.Table, code int, src source, err error) error {
	h := w.Header()
	setHeaders(h, src)
	h["Content-Type"] = problemContentType
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(fault)
	l := s.logger
	if l == nil {
		l = slog.Default()
	}
	l.LogAttrs(ctxOf(r), slog.LevelError, "huiyanhttp: the service's fields make no answer",
		slog.String("table", tbl.Name()), slog.Int("code", code), slog.String("err", err.Error()))
	s.observe(tbl, code, http.StatusInternalServerError, "")
	return err
}
