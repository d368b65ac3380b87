package huiyanhttp

import (
	"slices"
	"sync"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// identityGroup are the codes of locales.UniformIdentityCodes, and
// identityCode the one that answers for all of them.
var (
	identityGroup = func() []messages.Code {
		var codes []messages.Code
		for _, c := range locales.UniformIdentityCodes() {
			codes = append(codes, messages.Code(c))
		}
		return codes
	}()
	identityCode = messages.Code(locales.UniformIdentityCode)
)

// uniformTexts returns the user text of locales.UniformIdentity for
// identityCode, by locale. The layer is embedded: it is read once, by the
// one decoder there is, over the shipped files it is made for.
var uniformTexts = sync.OnceValue(func() map[string]string {
	b := huiyan.MustNewBundle(locales.FS, locales.UniformIdentity)
	texts := make(map[string]string)
	for _, l := range b.Locales() {
		texts[l] = b.Localize(identityCode, l).User
	}
	return texts
})

// WithUniformIdentity answers every code of a failed identity check
// (locales.UniformIdentityCodes: 606, 701, 703, 704, 707, 708, 825, 826
// and 827) alike, so that a caller cannot learn from an answer whether an
// ID number exists or which field is wrong. It is the one switch of a
// deployment that takes ID numbers from callers it does not trust:
//
//	huiyanhttp.Middleware(w, huiyanhttp.WithUniformIdentity())
//
// Each member gets the answer of locales.UniformIdentityCode, 826
// IdentityInvalid, whose name is true of them all: its type, status,
// code, name, category, retryable and Content-Language, with the user text
// of the locales.UniformIdentity layer as its title. For the same request
// the answers of the members are the same bytes; fields that the service
// adds are its own, and must not carry the real code. The real code is in
// the log line (the group huiyan, with answered_code=826 beside it) and in
// the [Result] that observers get, so that operators and metrics still
// tell the members apart. [Localize] gives a member's own message with the
// group's user text.
//
// The layer needs no loading: the option brings it, over the Source's
// texts, for the locales it has (en-US, zh-CN, zh-HK, zh-TW); in a locale
// of the deployment's own, such as ja-JP, the user text is the Source's
// text of 826. So the answer follows a Watcher's reloads as every answer
// does, and a deployment's override of a member's user text cannot set the
// members apart again; the price is that a deployment cannot reword the
// group's text in the shipped locales. A service that shows texts without
// huiyanhttp loads locales.UniformIdentity into its bundle instead.
//
// The group hides what a name and a number reveal. The face comparison
// codes (604, 823, 824) stay apart, as locales.UniformIdentityCodes says:
// they follow a photo on record, and they are what tells a user to try
// the face again.
func WithUniformIdentity() Option {
	return func(c *config) { c.uniform = uniformTexts() }
}

// shown returns the code that a caller is answered with for code.
func (c *config) shown(code messages.Code) messages.Code {
	if c.uniform != nil && slices.Contains(identityGroup, code) {
		return identityCode
	}
	return code
}

// localize returns b's message for code in lang with the deployment's
// parameters; with WithUniformIdentity, identityCode's user text is the
// layer's where the layer has the locale that served it.
func (c *config) localize(b *huiyan.Bundle, code messages.Code, lang string) huiyan.Message {
	m := huiyan.LocalizeWith(b, code, lang, c.params)
	if code == identityCode {
		if text, ok := c.uniform[m.Lang]; ok {
			m.User = text
		}
	}
	return m
}
