package catalogue

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan/internal/export"
)

// jsonType is the media type of the API's answers; JSON is UTF-8 and
// takes no charset parameter.
const jsonType = "application/json"

// apiList serves GET /api/codes: what huiyan export -table T -lang L
// prints.
func (h *handler) apiList(w http.ResponseWriter, r *http.Request) {
	t, ok := apiTable(w, r)
	if !ok {
		return
	}
	s := h.snapshot()
	if r.URL.Query().Get("lang") == export.All {
		serveEntity(w, r, s.sideBySide(t), jsonType, strings.Join(s.locales, ", "))
		return
	}
	lang := langValue(r)
	serveEntity(w, r, s.catalogue(t, lang), jsonType, s.bundle.Match(lang))
}

// apiCode serves GET /api/codes/{code}: what huiyan lookup CODE -table T
// -lang L -format json prints; with lang=all, the code in every locale,
// with its table.
func (h *handler) apiCode(w http.ResponseWriter, r *http.Request) {
	t, ok := apiTable(w, r)
	if !ok {
		return
	}
	code, err := strconv.Atoi(r.PathValue("code"))
	if errors.Is(err, strconv.ErrRange) {
		writeProblem(w, http.StatusBadRequest, "The code is out of range: codes are small integers, such as 655.")
		return
	}
	if err != nil {
		writeProblem(w, http.StatusBadRequest, "The code must be an integer, such as 655.")
		return
	}
	s := h.snapshot()
	var v any
	var contentLanguage string
	if r.URL.Query().Get("lang") == export.All {
		v, contentLanguage = t.compared(s.bundle, code), strings.Join(s.locales, ", ")
	} else {
		lang := langValue(r)
		v, contentLanguage = t.lookup(s.bundle, code, lang), s.bundle.Match(lang)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, v); err != nil {
		h.fail(w, r, err)
		return
	}
	serveEntity(w, r, newEntity(buf.Bytes()), jsonType, contentLanguage)
}

// apiTable returns the table an API request names, as a page's does:
// the table parameter, "huiyan" or "faceid", and the Huiyan table
// without one. A request that names no table is answered 400, with a
// problem that names the tables and does not repeat the value.
func apiTable(w http.ResponseWriter, r *http.Request) (*table, bool) {
	t, bad := tableParam(r.URL.RawQuery)
	if bad {
		writeProblem(w, http.StatusBadRequest, "There is no such table: the table parameter is "+tableNames()+".")
		return nil, false
	}
	return t, true
}

// tableNames returns the names of the tables, as a sentence lists them:
// "huiyan or faceid".
func tableNames() string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.Name()
	}
	last := len(names) - 1
	if last == 0 {
		return names[0]
	}
	return strings.Join(names[:last], ", ") + " or " + names[last]
}

// problem is an RFC 9457 problem detail. It says what was wrong with the
// request in general terms and echoes nothing of it.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// writeProblem answers with an application/problem+json body.
func writeProblem(w http.ResponseWriter, status int, detail string) {
	var buf bytes.Buffer
	// Encoding four strings and an int cannot fail.
	_ = export.JSON(&buf, problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
	hd := w.Header()
	hd.Set("Content-Type", "application/problem+json")
	hd.Set("Content-Language", "en")
	hd.Set("Cache-Control", "no-store")
	hd.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers 500 for what should not happen, and logs it.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	h.log.Error("huiyan: catalogue: cannot serve", "path", r.URL.Path, "err", err)
	writeProblem(w, http.StatusInternalServerError, "The catalogue could not be served; the server's log says why.")
}
