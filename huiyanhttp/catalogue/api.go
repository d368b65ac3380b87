package catalogue

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// jsonType is the media type of the API's answers; JSON is UTF-8 and
// takes no charset parameter.
const jsonType = "application/json"

// apiList serves GET /api/codes: what huiyan export -lang L prints.
func (h *handler) apiList(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	if r.URL.Query().Get("lang") == export.All {
		serveEntity(w, r, s.sideBySide(), jsonType, strings.Join(s.locales, ", "))
		return
	}
	lang := langValue(r)
	serveEntity(w, r, s.catalogue(lang), jsonType, s.bundle.Match(lang))
}

// apiCode serves GET /api/codes/{code}: what huiyan lookup CODE -lang L
// -format json prints; with lang=all, the code in every locale.
func (h *handler) apiCode(w http.ResponseWriter, r *http.Request) {
	code, err := messages.ParseCode(r.PathValue("code"))
	if errors.Is(err, strconv.ErrRange) {
		writeProblem(w, http.StatusBadRequest, "The code is out of range: Huiyan codes are small integers, such as 655.")
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
		v, contentLanguage = export.NewCompared(s.bundle, code), strings.Join(s.locales, ", ")
	} else {
		lang := langValue(r)
		v, contentLanguage = s.bundle.Localize(code, lang), s.bundle.Match(lang)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, v); err != nil {
		h.fail(w, r, err)
		return
	}
	serveEntity(w, r, newEntity(buf.Bytes()), jsonType, contentLanguage)
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
