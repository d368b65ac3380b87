package huiyanhttp

import (
	"slices"
	"sync"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// identityGroups are the codes of the identity group in each table, as
// package locales lists them, and identityCode the one of identityTable,
// whose Go type is identityType, that answers for all of them.
var (
	identityGroups = []struct {
		table *messages.Table
		codes []int
	}{
		{messages.Huiyan, locales.UniformIdentityCodes()},
		{faceid.Table, locales.FaceIDUniformIdentityCodes()},
	}
	identityTable = messages.Huiyan
	identityType  = typed[messages.Code]{}
)

// identityCode is the code that answers for the identity group.
const identityCode = locales.UniformIdentityCode

// uniformTexts returns the user text of locales.UniformIdentity for
// identityCode, by locale. The layer is embedded: it is read once, by the
// one decoder there is, over the shipped files it is made for.
var uniformTexts = sync.OnceValue(func() map[string]string {
	b, err := huiyan.NewBundle(locales.FS, locales.UniformIdentity)
	if err != nil {
		panic(err) // the embedded files load: the tests of package locales say so
	}
	texts := make(map[string]string)
	for _, l := range b.Locales() {
		texts[l] = b.Localize(identityCode, l).User
	}
	return texts
})

// WithUniformIdentity answers every code of a failed identity check alike,
// in either table, so that a caller cannot learn from an answer whether an
// ID number exists or which field is wrong: in the Huiyan table
// locales.UniformIdentityCodes (606, 701, 703, 704, 707, 708, 825, 826
// and 827), in the FaceID table locales.FaceIDUniformIdentityCodes (2002,
// 2003, 2005, 2006, 2007, 2008 and 2009). It is the one switch of a
// deployment that takes ID numbers from callers it does not trust:
//
//	huiyanhttp.Middleware(w, huiyanhttp.WithUniformIdentity())
//
// Each member gets the answer of locales.UniformIdentityCode, the Huiyan
// table's 826 IdentityInvalid, whose name is true of them all: its type,
// status, table, code, name, category, retryable and Content-Language,
// with the user text of the locales.UniformIdentity layer as its title.
// For the same request the answers of the members are the same bytes, a
// FaceID member's included, so that not even the table tells them apart;
// fields that the service adds are its own, and must not carry the real
// code. The real code is in the log line (the group huiyan, with
// answered_table=huiyan and answered_code=826 beside it) and in the
// [Result] that observers get, so that operators and metrics still tell
// the members apart. [Localize] gives a member's own message with the
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
// codes (Huiyan's 604, 823 and 824, FaceID's 2011, 2015 and 2016) stay
// apart, as locales.UniformIdentityCodes says: they follow a photo on
// record, and they are what tells a user to try the face again.
func WithUniformIdentity() Option {
	return func(c *config) { c.uniform = uniformTexts() }
}

// grouped reports whether code of tbl is answered as identityCode, with
// WithUniformIdentity, rather than as itself: a member of the identity
// group other than identityCode.
func (c *config) grouped(tbl *messages.Table, code int) bool {
	return c.uniform != nil && !(tbl == identityTable && code == identityCode) && member(tbl, code)
}

// member reports whether code of tbl is in the identity group.
func member(tbl *messages.Table, code int) bool {
	for _, g := range identityGroups {
		if g.table == tbl {
			return slices.Contains(g.codes, code)
		}
	}
	return false
}

// localize returns b's message for code of tbl, whose Go type is t, in
// lang with the deployment's parameters; with WithUniformIdentity,
// identityCode's user text is the layer's where the layer has the locale
// that served it.
func localize(c *config, t codeType, b *huiyan.Bundle, tbl *messages.Table, code int, lang string) message {
	m := t.message(b, code, lang, c.params)
	if tbl == identityTable && code == identityCode {
		if text, ok := c.uniform[m.Lang]; ok {
			m.User = text
		}
	}
	return m
}
