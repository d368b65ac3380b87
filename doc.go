// Package huiyan turns the error codes of Tencent Huiyan (腾讯慧眼,
// real-name face verification) into messages people can act on: one for
// the end user in front of a web page or WeChat mini-program, and a title,
// a detail and a remedy for the operator who runs the integration.
//
//	m := huiyan.Localize(messages.FaceTooClose, r.Header.Get("Accept-Language"))
//	render(m.User)                        // "Your face is too close. Please hold the phone a little farther away and try again."
//	log.Println(m.Code, m.Title, m.Remedy) // for the operator
//
// The codes are in package [github.com/huiyan-i18n/huiyan/messages]; the
// texts are TOML files in package [github.com/huiyan-i18n/huiyan/locales],
// embedded in the binary. zh-CN is canonical and complete: its operator
// texts are the Huiyan error table verbatim. en-US is a full translation.
//
// # Language values
//
// Localize takes what the client sent, as it is:
//
//   - a BCP 47 tag in any case: "en-US", "zh-hant-tw";
//   - a tag with underscores or a POSIX locale name: "zh_CN", "zh_CN.UTF-8";
//   - a WeChat language value: "zh_CN", "zh_TW", "zh_HK", "en", "zh";
//   - a whole Accept-Language header: "zh-CN,zh;q=0.9,en;q=0.8".
//
// In a header, a malformed entry (a bad tag, a q-value such as q=NaN, q=2 or
// q=-1) is skipped and the rest is read; an entry with q=0 excludes the
// locales it matches; "*" names no language. Only the first 4096 bytes and
// the first 32 entries are read, so the work is bounded for any input.
//
// # Fallback rules
//
//  1. The preferences are tried in order of q-value (the order given, for
//     equal q-values). The first that a locale of the bundle can serve
//     wins:
//     - a Chinese preference (zh, any zh-*, and the Chinese languages cmn,
//     yue, nan, ...) is served in Chinese: by the Chinese locale of the same
//     script (Traditional for zh-TW, zh-HK, zh-Hant; Simplified for zh-SG),
//     the one of the same region if there are several, else by zh-CN. A
//     Chinese reader never gets English because a later entry was English;
//     - any other preference is served by a locale of its language: the one of
//     the same script and region, else the one of the language's main region
//     (en-US for en, en-AU, en-XX).
//  2. When no preference could be served but the value named a language
//     (ja, fr-FR), en-US serves. When it named none (empty, "*", "und",
//     garbage), zh-CN serves. A locale excluded by q=0 serves only when no
//     other can: en-US if zh-CN is excluded, and zh-CN last.
//  3. Within the chosen locale, a text the locale lacks comes from zh-CN,
//     for that field alone. [Message.Lang] names the locale that served
//     User.
//  4. A code that is not in the catalogue gets the texts of its category,
//     chosen by its hundreds digit (an unknown 6xx is a liveness failure,
//     an unknown 4xx or 1001 general), with the code in Title and Known
//     false.
//
// # Parameters
//
// A few texts state numbers of one deployment: the quota of 1000 calls
// (code 10), 3 days (11), 2 hours (12), 60 seconds (302), 10 messages a day
// (303), 10 minutes (305). They are template parameters whose default is
// the documented value; [LocalizeWith] renders them with yours, in the
// plural form the language needs ("1 minute", "5 minutes").
//
// # Locale files
//
// A locale file is named for its BCP 47 tag (ja-JP.toml) and has one table
// per code, with the texts user, title, detail and remedy, and one table
// per category for codes that are not in the catalogue:
//
//	# 655 Liveness: face too close to the screen
//	[655]
//	user = "Your face is too close. Please hold the phone a little farther away and try again."
//	title = "Face too close to the screen"
//
//	[305.detail]
//	one = "The SMS verification code is valid for {{.Minutes}} minute."
//	other = "The SMS verification code is valid for {{.Minutes}} minutes."
//
//	[category.liveness]
//	title = "Liveness detection: unknown error code {{.Code}}"
//
// A text may insert {{.Code}} and its code's count parameter, and nothing
// else: no conditions, loops or functions, so that rendering can neither
// fail nor come out empty.
//
// The files are go-i18n message files: [NewBundle] reads them with
// github.com/BurntSushi/toml and renders them with
// github.com/nicksnyder/go-i18n/v2, after checks that go-i18n does not
// make. Loading fails, naming the file and the line, when a file does not
// parse, names a code or category that does not exist or a field other than
// user, title, detail and remedy, defines one message twice, or has a
// template that does not parse, does more than insert parameters or uses a
// parameter its code lacks; and when zh-CN lacks a user or title text.
// [Lint] reports these and what loads but needs a translator: text left
// untranslated, missing texts and plural forms, internal terms in user
// texts, stray white space.
//
// # Deployments
//
// Several file systems passed to [NewBundle] are layers: a deployment
// changes single texts, or adds locales, over the embedded files
// ([locales.FS]) with a directory of its own ([Dir]). [Watch] serves such
// a directory and reloads it when it changes, keeping the previous
// catalogue when a change does not load.
//
// # Performance
//
// A bundle renders every message in every locale when it is built.
// Localize then resolves the language value (through a cache of fixed
// size) and returns a precomputed message: for a known code it reads
// immutable data and allocates nothing. A Bundle is safe for concurrent
// use.
package huiyan
