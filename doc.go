// Package huiyan turns the error codes of Tencent Huiyan (腾讯慧眼,
// real-name face verification) into messages people can act on: one for
// the end user in front of a web page or WeChat mini-program, and a title,
// a detail and a remedy for the operator who runs the integration.
//
//	m := huiyan.Localize(messages.FaceTooClose, r.Header.Get("Accept-Language"))
//	show(m.User)                  // "Your face is too close. Please hold the phone a little farther away and try again."
//	slog.Info("verification failed", "huiyan", m) // code, name and the operator texts
//
// The codes are in package [github.com/huiyan-i18n/huiyan/messages], a
// table of data ([messages.Huiyan]); the texts are TOML files in package
// [github.com/huiyan-i18n/huiyan/locales], embedded in the binary. zh-CN is
// canonical and complete: its operator texts are the Huiyan error table
// verbatim. en-US, zh-TW and zh-HK are full translations. Package
// [github.com/huiyan-i18n/huiyan/huiyanhttp] serves them to HTTP backends,
// and package [github.com/huiyan-i18n/huiyan/lint] checks locale files for
// their translators.
//
// # Tables
//
// Two tables of codes are served, typed apart. The Huiyan table
// ([messages.Code], the mini-program SDK's error table) is the default:
// [Localize] and [Bundle.Localize] take its codes. Today's FaceID API
// returns result codes of another table ([github.com/huiyan-i18n/huiyan/faceid],
// read from DetectInfoText's ErrCode, LiveStatus and Comparestatus), whose
// 302 and 303 mean other things than the Huiyan table's; [LocalizeWith]
// takes a code of either table and keeps its type in the message:
//
//	m := huiyan.LocalizeWith(nil, faceid.IDCardExpired, lang, nil) // a MessageOf[faceid.Code]
//
// A table is data (a [messages.Table]); its texts are locale files of their
// own, named for the table and the locale (faceid.zh-CN.toml), loaded,
// layered, linted, watched and bounded as the Huiyan table's are, with the
// same fallback rules. A FaceID code outside the table gets the texts of
// its section: an unknown 12xx those of action liveness.
//
// # Language values
//
// Localize takes what the client sent, as it is: a BCP 47 tag in any case
// ("en-US", "zh-hant-tw"); a tag with underscores or a POSIX locale name
// ("zh_CN", "zh_CN.UTF-8"); a WeChat language value ("zh_CN", "zh_TW",
// "zh_HK", "en"); a whole Accept-Language header
// ("zh-CN,zh;q=0.9,en;q=0.8"); or a GNU LANGUAGE list ("zh_TW:zh_CN:en":
// in a value with neither commas nor blanks, colons separate the entries).
//
// A tag that a platform spells its own way is read as the BCP 47 tag it
// stands for: Java and Android's Locale.toString ("zh_TW_#Hant" is
// zh-Hant-TW, "zh__#Hant" zh-Hant, "ja_JP_JP_#u-ca-japanese" ja-JP with its
// extension), .NET's legacy cultures ("zh-CHT" is zh-Hant, "zh-CHS"
// zh-Hans), and Android's resource qualifiers ("zh-rTW" is zh-TW,
// "b+zh+Hant+TW" zh-Hant-TW). In a tag with underscores, the parts are read
// by their shape: a subtag that is no BCP 47 subtag, as Java's legacy
// variants ("ja_JP_JP", "de__POSIX"), is dropped and the language kept. A
// list printed with brackets and quotes ("[zh_TW_#Hant,en_US]",
// ["zh-TW","en"]) is read as its entries.
//
// In a header, an entry whose tag is malformed is skipped and the rest is
// read. A weight off the grammar that is plainly a number from 0 to 1
// (q=0.5000, q=.5, q=1e-1, q="0.5") is read as that number; any other
// (q=, q=2, q=NaN) ranks its entry after the entries whose weight can be
// read, and never excludes it. The first weight of an entry counts. An
// entry with q=0 excludes the locales it matches; "*" names no language.
// Only the first 4096 bytes and the first 32 entries are read, so the work
// is bounded for any input.
//
// # Fallback rules
//
// 1. Order. The preferences are tried by weight, highest first, in the
// order given for equal weights. The first that a locale of the bundle
// serves chooses the locale: [Bundle.Match] returns it, and it serves the
// message. A Chinese reader never gets English because a later entry was
// English.
//
// 2. Chinese. A Chinese preference (zh, any zh-*, and the Chinese languages
// cmn, yue, nan, hak, ...) is served by a Chinese locale of the script its
// reader reads: the script it names; else, when it names a region, the
// script Chinese is written in there (CLDR's likely script of zh in that
// region, except Malaysia, which writes Simplified); else its language's
// likely script. Traditional for zh-TW, zh-HK, zh-MO, zh-Hant, yue, and
// for Min Nan and Hakka in Taiwan (nan-TW, hak-TW); Simplified for zh,
// zh-SG, zh-MY, zh-Hans, cmn-Hans, yue-CN. A locale's script is found the
// same way: a deployment's zh-MY.toml is Simplified. Among those, the locale of its
// region wins, then the locale of the region of its CLDR parent locale
// (zh-MO reads zh-Hant-HK), then the locale of the script's main region
// (zh-TW for zh-Hant). A Chinese preference that no locale of its script
// serves, or whose locales q=0 excludes, is served by the other script by
// the same order (Simplified for Traditional, and back; for a script that
// is neither, as zh-Latn, the script of its region), and only then by
// another language: zh-CN;q=0,zh names Chinese but not Simplified, and gets
// zh-TW.
//
// 3. Other languages. Any other preference is served by a locale of its
// language, by the same order: the same script, then the same region, then
// the region of a CLDR parent locale (pt-AO reads pt-PT), then the
// language's main region (en-US for en, en-AU, en-XX). A locale that
// matches the preference exactly always wins. Of locales that rank the
// same, by this rule or rule 2, the first of [Bundle.Locales] wins.
//
// 4. Nothing served. When no preference is served but the value named a
// language (ja, fr-FR), en-US serves; when it named none (empty, "*",
// "und", garbage), zh-CN serves. A locale excluded by q=0 serves only when
// no other can: en-US when zh-CN is excluded, and zh-CN last.
//
// 5. Texts a locale lacks. A deployment may add a locale with a few texts.
// A text the chosen locale lacks comes, field by field, from the next
// locale that the reader's preferences name and the bundle serves, then
// from en-US for a reader whose preferences name no Chinese, then from
// zh-CN, which has every text. Title, detail and remedy follow the same
// chain as the user text. [Message.Lang] names the locale that served
// User, which is where it differs from [Bundle.Match].
//
// 6. Unknown codes. A code that is not in the catalogue, negative codes
// included, gets the texts of its category, chosen by its hundreds digit
// (an unknown 6xx is a liveness failure; an unknown 4xx, a negative code or
// 1001 is general), with the code in Title and Known false.
//
// Examples, with the shipped locales (a test checks each; · separates
// values):
//
//	zh_TW · zh-Hant · zh-Hant-US · cmn-TW · ZH-hant-tw → zh-TW
//	nan-TW · hak-TW · nan-TW,zh-TW;q=0.9 · nan_TW.UTF-8 → zh-TW
//	zh-CN;q=0,zh · zh-Hans;q=0,zh · zh-CN;q=0,zh,en;q=0.5 → zh-TW
//	zh_HK · zh-MO · yue · yue-HK · zh-HK,zh-Hant;q=0.9,en;q=0.8 → zh-HK
//	zh-CN;q=0,zh-TW;q=0,zh → zh-HK
//	zh_CN · zh · zh-SG · zh-Hans · cmn-Hans · zh-Hans-TW → zh-CN
//	zh-MY · zh_MY · nan-MY · yue-CN · yue-SG · hak-CN → zh-CN
//	zh-Hant;q=0,zh-TW · zh-TW;q=0,zh-HK;q=0,zh-Hant → zh-CN
//	en · en-GB · EN_us.UTF-8 · ja,en-US;q=0.7,en;q=0.3 → en-US
//	ja · fr-FR · zh;q=0 · zh-CN;q=,en-US;q=0.1 → en-US
//	zh-CN;q=0.5000,en-US;q=0.4 · en;q=0,ja → zh-CN
//	(empty) · * · !!! · und → zh-CN
//
// # Parameters
//
// A few texts state numbers of one deployment: the quota of 1000 calls
// (code 10), 3 days (11), 2 hours (12), 60 seconds (302), 10 messages a day
// (303), 10 minutes (305). They are template parameters whose default is
// the documented value; [Bundle.LocalizeWith] renders them with yours, in the
// plural form the language needs ("1 minute", "5 minutes"). The limits
// among them (the quota, the daily cap) are stated to operators only.
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
// fail nor come out empty. The files are go-i18n message files: [NewBundle]
// reads them with github.com/BurntSushi/toml, after checks that go-i18n
// does not make, and renders them as github.com/nicksnyder/go-i18n/v2 does
// (a test and the fuzzer hold the two to the same output). Loading fails,
// naming the file and the line, on anything go-i18n would misread; package
// lint also reports what loads but needs a translator.
//
// # Deployments
//
// Several file systems passed to [NewBundle] are layers: a deployment
// changes single texts, or adds locales, over the embedded files
// ([locales.FS]) with a directory of its own ([Dir]). [Watch] serves such
// a directory and reloads it when it changes, keeping the previous
// catalogue when a change does not load. [locales.UniformIdentity] is a
// ready layer for services that must not let callers probe ID numbers.
// Code that serves texts takes a [Source], which a [*Bundle] and a
// [*Watcher] both are, and reads one Bundle per request.
//
// # Performance
//
// A bundle renders every message in every locale when it is built.
// Localize then resolves the language value by the fallback rules, through
// one bounded cache of the values it has seen (a map read without a lock;
// at most 4096 values, each of at most 128 bytes, and as many waiting to
// join it), and returns a precomputed message: for a known code it reads
// immutable data and allocates nothing once the value is held. A Bundle is
// safe for concurrent use. docs/performance.md measures it on a realistic
// trace of requests.
package huiyan
