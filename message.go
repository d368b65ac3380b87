package huiyan

import "github.com/huiyan-i18n/huiyan/messages"

// Message is what a code means, for the end user and for the operator, in
// one language.
type Message struct {
	Code  messages.Code
	Known bool // false for a code that is not in the catalogue

	// Lang is the BCP 47 tag of the locale that served User, such as
	// "en-US". A text that locale lacks comes from zh-CN.
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
func (m *Message) get(f field) string {
	switch f {
	case fieldUser:
		return m.User
	case fieldTitle:
		return m.Title
	case fieldDetail:
		return m.Detail
	}
	return m.Remedy
}

// set sets the text of field f.
func (m *Message) set(f field, s string) {
	switch f {
	case fieldUser:
		m.User = s
	case fieldTitle:
		m.Title = s
	case fieldDetail:
		m.Detail = s
	case fieldRemedy:
		m.Remedy = s
	}
}
