package huiyan

import (
	"bytes"
	"encoding/json"
	"log/slog"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Message is what a code means, for the end user and for the operator, in
// one language.
//
// It marshals to JSON as huiyan lookup -format json prints it: an object
// with the keys code, name, category, known, lang, user, title, detail and
// remedy, in that order. Logged with [log/slog], it is a group of the code,
// its name, category and retryability and the operator texts, never User.
type Message struct {
	Code  messages.Code
	Known bool // false for a code that is not in the catalogue

	// Lang is the BCP 47 tag of the locale that served User, such as
	// "en-US". A text the chosen locale lacks comes from the next locale
	// of the reader's fallback chain that has it (see the package
	// documentation); so Lang may differ from [Bundle.Match].
	Lang string

	// User is for the end user: plain words, and what to do next. It is
	// never empty.
	User string

	// Title, Detail and Remedy are for the operator: in zh-CN, the Huiyan
	// error table's 错误描述, 说明 and 解决方案. Detail and Remedy are empty
	// where the table has nothing to say.
	Title  string
	Detail string
	Remedy string
}

// get returns the text of field f.
func (m *Message) get(f load.Field) string {
	switch f {
	case load.FieldUser:
		return m.User
	case load.FieldTitle:
		return m.Title
	case load.FieldDetail:
		return m.Detail
	}
	return m.Remedy
}

// set sets the text of field f.
func (m *Message) set(f load.Field, s string) {
	switch f {
	case load.FieldUser:
		m.User = s
	case load.FieldTitle:
		m.Title = s
	case load.FieldDetail:
		m.Detail = s
	case load.FieldRemedy:
		m.Remedy = s
	}
}

// jsonMessage is a Message as JSON spells it; the field order is the key
// order.
type jsonMessage struct {
	Code     int    `json:"code"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Known    bool   `json:"known"`
	Lang     string `json:"lang"`
	User     string `json:"user"`
	Title    string `json:"title"`
	Detail   string `json:"detail"`
	Remedy   string `json:"remedy"`
}

// MarshalJSON returns m as an object with the keys code, name, category,
// known, lang, user, title, detail and remedy. Characters special to HTML
// are left as they are: json.Marshal escapes them in its own output, and
// an Encoder as its SetEscapeHTML says.
func (m Message) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(jsonMessage{
		Code:     int(m.Code),
		Name:     m.Code.String(),
		Category: m.Code.Category().String(),
		Known:    m.Known,
		Lang:     m.Lang,
		User:     m.User,
		Title:    m.Title,
		Detail:   m.Detail,
		Remedy:   m.Remedy,
	})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// LogValue returns the message for an operator's log: code, name,
// category, retryable, lang and the operator texts. User is left out: it
// is written for the person holding the phone, and the operator texts say
// more.
func (m Message) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.Int("code", int(m.Code)),
		slog.String("name", m.Code.String()),
		slog.String("category", m.Code.Category().String()),
		slog.Bool("retryable", m.Code.Retryable()),
		slog.String("lang", m.Lang),
		slog.String("title", m.Title),
	}
	if m.Detail != "" {
		attrs = append(attrs, slog.String("detail", m.Detail))
	}
	if m.Remedy != "" {
		attrs = append(attrs, slog.String("remedy", m.Remedy))
	}
	return slog.GroupValue(attrs...)
}
