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

// WriteResult answers r with the result code that Huiyan returned, whatever
// it is, in the language of r (see [Language]), with the Source and
// options of the [Middleware] that r passed through, or huiyan.Default()
// and the default options without one.
//
// For code 0 it writes status 200 and the success answer, Content-Type
// application/json, whose title is the catalogue's success text for the
// end user:
//
//	{"title":"Verification successful","status":200,"code":0,"name":"Success"}
//
// For any other code, in the catalogue or not, it writes an RFC 9457
// problem, Content-Type application/problem+json, with status
// code.HTTPStatus():
//
//	{"type":"https://pkg.go.dev/github.com/huiyan-i18n/huiyan/messages#FaceTooClose",
//	 "title":"Your face is too close. Please hold the phone a little farther away and try again.",
//	 "status":422,"code":655,"name":"FaceTooClose","category":"liveness","retryable":true}
//
// on one line: type (see [WithTypeBase]), title the end user's text in
// their language, status, and the members code, name, category and
// retryable. There is no detail member: the user text, which says what
// happened and what to do next, is the title. Each problem is logged (see
// [WithLogger]) with the code's operator texts in the operator's language,
// at level Warn for a 5xx status or a code of the general category
// (request, signature, token and quota errors, which the operator may have
// to fix), and Info for the rest, which are the end user's to redo.
// Operator texts never appear in the response, and nothing of the request
// does. With [WithUniformIdentity], a code of a failed identity check is
// answered as 826 is, and logged and observed as itself.
//
// fields are the service's own members, added after the answer's: nil for
// none, or a value that encoding/json marshals to an object (a map, a
// struct) without a member of the answer (type, title, status, code, name,
// category, retryable). A problem gets them too, as extension members.
// Fields that break that rule are a fault of the service: WriteResult then
// answers 500 with a problem titled "Internal Server Error", logs the
// fault at level Error and returns it.
//
// Both answers have the headers Content-Language, the locale of the user
// text in the body ([huiyan.Message.Lang]: where a deployment's partial
// locale lacks the text and the reader's next language serves it, that
// next language), Vary naming Accept-Language and the other headers read
// to choose the language, Cache-Control no-store and
// X-Content-Type-Options nosniff. A Content-Length set before is removed;
// a Vary set before is kept.
//
// The observers ([WithObserver]) are told of every answer, success
// included. WriteResult returns the error of writing the body, if any.
func WriteResult(w http.ResponseWriter, r *http.Request, code messages.Code, fields any) error {
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
	// What the caller sees is shown's answer; the operator's log and the
	// observers get the real code.
	shown := s.shown(code)
	body, lang := bs.answer(&s.config, shown, rq.lang)
	if fields != nil {
		var err error
		if body, err = withFields(body, fields); err != nil {
			return s.writeFault(w, r, code, rq.src, err)
		}
	}
	h := w.Header()
	setHeaders(h, rq.src)
	h["Content-Type"] = problemContentType
	if code == messages.Success {
		h["Content-Type"] = successContentType
	}
	if li := bs.locale(lang); li >= 0 {
		h["Content-Language"] = bs.langs[li]
	} else {
		h.Set("Content-Language", lang)
	}
	status := shown.HTTPStatus()
	w.WriteHeader(status)
	_, err := w.Write(body)
	if code != messages.Success {
		s.log(ctxOf(r), b, code, shown, status, lang)
	}
	s.observe(code, status, lang)
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
var reserved = [...]string{"type", "title", "status", "code", "name", "category", "retryable"}

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
func (s *state) writeFault(w http.ResponseWriter, r *http.Request, code messages.Code, src source, err error) error {
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
		slog.Int("code", int(code)), slog.String("err", err.Error()))
	s.observe(code, http.StatusInternalServerError, "")
	return err
}
