package huiyan

import (
	"bytes"
	"encoding/json"
	"log/slog"

	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// Message is what a Huiyan code means, for the end user and for the
// operator, in one language: [Localize] returns one.
type Message = MessageOf[messages.Code]

// MessageOf is what a code of a table means, for the end user and for the
// operator, in one language: a [Message] for a Huiyan code, a
// MessageOf[faceid.Code] for a FaceID code, as [LocalizeWith] returns it.
// Its Code keeps its table's type, so that a FaceID 302 (an expired ID
// card) is never taken for the Huiyan 302 (an SMS rate limit).
//
// It marshals to JSON as huiyan lookup -format json prints it: an object
// with the keys table, code, name, category, known, billed (only when
// true), lang, user, title, detail and remedy, in that order. Logged with [log/slog], it is a group
// of the table, the code, its name, category and retryability and the
// operator texts, never User.
type MessageOf[C messages.TableCode] struct {
	Code  C
	Known bool // false for a code that is not in its table

	// Lang is the BCP 47 tag of the locale that served User, such as
	// "en-US". A text the chosen locale lacks comes from the next locale
	// of the reader's fallback chain that has it (see the package
	// documentation); so Lang may differ from [Bundle.Match].
	Lang string

	// User is for the end user: plain words, and what to do next. It is
	// never empty.
	User string

	// Title, Detail and Remedy are for the operator: in zh-CN, the Huiyan
	// error table's 错误描述, 说明 and 解决方案, and for a FaceID code
	// Tencent's 含义 as Title. Detail and Remedy are empty where there is
	// nothing more to say.
	Title  string
	Detail string
	Remedy string
}

// get returns the text of field f.
func (m *MessageOf[C]) get(f load.Field) string {
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
func (m *MessageOf[C]) set(f load.Field, s string) {
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
	Table    string `json:"table"`
	Code     int    `json:"code"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Known    bool   `json:"known"`
	Billed   bool   `json:"billed,omitempty"`
	Lang     string `json:"lang"`
	User     string `json:"user"`
	Title    string `json:"title"`
	Detail   string `json:"detail"`
	Remedy   string `json:"remedy"`
}

// MarshalJSON returns m as an object with the keys table ("huiyan" or
// "faceid"), code, name, category, known, billed (only for a result that
// is billed, such as FaceID's 2016), lang, user, title, detail and
// remedy. Characters special to HTML are left as they are: json.Marshal
// escapes them in its own output, and an Encoder as its SetEscapeHTML
// says.
func (m MessageOf[C]) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	tbl := m.Code.Table()
	e, known := tbl.Lookup(int(m.Code))
	err := enc.Encode(jsonMessage{
		Table:    tbl.Name(),
		Billed:   known && e.Billed,
		Code:     int(m.Code),
		Name:     m.Code.String(),
		Category: categoryKey(tbl, int(m.Code)),
		Known:    m.Known,
		Lang:     m.Lang,
		User:     m.User,
		Title:    m.Title,
		Detail:   m.Detail,
		Remedy:   m.Remedy,
	})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// LogValue returns the message for an operator's log: table, code, name,
// category, retryable, lang and the operator texts, and billed for a
// result that is billed. User is left out: it is written for the person
// holding the phone, and the operator texts say more.
func (m MessageOf[C]) LogValue() slog.Value {
	tbl := m.Code.Table()
	e, known := tbl.Lookup(int(m.Code))
	attrs := []slog.Attr{
		slog.String("table", tbl.Name()),
		slog.Int("code", int(m.Code)),
		slog.String("name", m.Code.String()),
		slog.String("category", categoryKey(tbl, int(m.Code))),
		slog.Bool("retryable", known && e.Retryable),
		slog.String("lang", m.Lang),
		slog.String("title", m.Title),
	}
	if known && e.Billed {
		attrs = append(attrs, slog.Bool("billed", true))
	}
	if m.Detail != "" {
		attrs = append(attrs, slog.String("detail", m.Detail))
	}
	if m.Remedy != "" {
		attrs = append(attrs, slog.String("remedy", m.Remedy))
	}
	return slog.GroupValue(attrs...)
}

// categoryKey returns the key of code's category in tbl, as locale files
// spell it.
func categoryKey(tbl *messages.Table, code int) string {
	return tbl.Categories()[tbl.CategoryOf(code)].Key
}
