package huiyanhttp

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/huiyan-i18n/huiyan/internal/valuecache"

	"github.com/huiyan-i18n/huiyan/internal/accept"
)

// langHeader is the header that a client sets on purpose to choose the
// language, ahead of Accept-Language.
const langHeader = "X-Lang"

// maxUserAgent is how much of a User-Agent is searched for WeChat's
// Language/ token: WeChat's own are 200 to 400 bytes.
const maxUserAgent = 2048

// source is where the language of a request came from; the headers read
// to choose it are those of the sources before it, and its own.
type source uint8

const (
	fromQuery source = iota
	fromHeader
	fromAcceptLanguage
	fromUserAgent // or the default, after reading the User-Agent
)

// vary is the Vary header of a problem whose language came from each
// source. Accept-Language is always named; a query parameter is part of
// the URL, which caches key on anyway.
var vary = [...][]string{
	fromQuery:          {"Accept-Language"},
	fromHeader:         {"X-Lang, Accept-Language"},
	fromAcceptLanguage: {"X-Lang, Accept-Language"},
	fromUserAgent:      {"X-Lang, Accept-Language, User-Agent"},
}

// Language returns the language value to localize r's response with, the
// first usable of:
//
//  1. the lang query parameter (a mini-program's
//     wx.getAppBaseInfo().language: zh_CN, zh_TW, zh_HK, en);
//  2. the X-Lang header, which a client sets on purpose;
//  3. the Accept-Language header;
//  4. the Language/ token of a WeChat (MicroMessenger) User-Agent, such
//     as zh_CN in "... MicroMessenger/8.0.34(0x18002230) NetType/WIFI
//     Language/zh_CN";
//  5. "", which the Source serves in its default language.
//
// A source that is absent, empty or names no language (such as
// lang=xx-garbage!!, "*" or "und") is passed over for the next. The value
// is returned as the client sent it, for [huiyan.Bundle] to apply its
// fallback rules. The work is bounded whatever the request's size.
func Language(r *http.Request) string {
	lang, _ := choose(r)
	return lang
}

// choose returns the language value of r and where it came from.
func choose(r *http.Request) (string, source) {
	if r == nil {
		return "", fromUserAgent
	}
	if r.URL != nil {
		if v := queryLang(r.URL.RawQuery); usable(v) {
			return v, fromQuery
		}
	}
	// The names are canonical already: indexing the map spares
	// Header.Get's canonicalization, a good part of the choice's cost.
	if v := first(r.Header[langHeader]); usable(v) {
		return v, fromHeader
	}
	// Several Accept-Language fields are one list (RFC 9110, 5.3).
	if v := strings.Join(r.Header["Accept-Language"], ","); usable(v) {
		return v, fromAcceptLanguage
	}
	if v := weChatLanguage(first(r.Header["User-Agent"])); usable(v) {
		return v, fromUserAgent
	}
	return "", fromUserAgent
}

// first returns the first of a header's values, as Header.Get does.
func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// queryLang returns the first lang parameter of a raw query, as
// url.Values.Get would, without parsing the rest.
func queryLang(q string) string {
	for q != "" {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		k, v, _ := strings.Cut(kv, "=")
		if k != "lang" {
			continue
		}
		if strings.ContainsAny(v, "%+") {
			u, err := url.QueryUnescape(v)
			if err != nil {
				return ""
			}
			v = u
		}
		return v
	}
	return ""
}

// weChatLanguage returns the value of the Language/ token of a WeChat
// User-Agent, or "" for any other User-Agent.
func weChatLanguage(ua string) string {
	cut := len(ua) > maxUserAgent
	if cut {
		ua = ua[:maxUserAgent]
	}
	if !strings.Contains(ua, "MicroMessenger/") {
		return ""
	}
	const token = " Language/"
	i := strings.Index(ua, token)
	if i < 0 {
		return ""
	}
	v := ua[i+len(token):]
	j := strings.IndexAny(v, " ;)")
	if j < 0 {
		if cut {
			return "" // the token may go on past the limit
		}
		j = len(v)
	}
	return v[:j]
}

// usable reports whether v names a language: whether an entry of it, read
// as huiyan reads a language value, is a tag that x/text accepts with a
// known language. An entry with q=0 counts, so that an Accept-Language
// that only excludes still decides.
func usable(v string) bool {
	if v == "" {
		return false
	}
	if ok, cached := usableValues.Get(v); cached {
		return ok
	}
	ok := names(v)
	usableValues.Put(v, ok)
	return ok
}

func names(v string) bool {
	p := accept.Parse(v)
	for i := range p.Len() {
		if _, ok := p.Tag(i); ok {
			return true
		}
	}
	return false
}

// usableValues remembers whether recent values name a language: parsing a
// tag allocates, and clients send few distinct values.
var usableValues = valuecache.New[bool]()
