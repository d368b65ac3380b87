// Package catalogue serves the catalogue of codes to operators, the
// Huiyan error codes and the FaceID result codes: a page to look codes
// up, in every shipped language, and a JSON API for dashboards. huiyan
// serve runs it; a service mounts it in its own mux, under any prefix:
//
//	w, err := huiyan.Watch("/etc/huiyan/locales", huiyan.WatchOptions{})
//	if err != nil {
//		log.Fatal(err)
//	}
//	mux.Handle("/huiyan/", http.StripPrefix("/huiyan", catalogue.New(w)))
//
// # Tables
//
// The catalogue has two tables of codes, which share numbers with other
// meanings (302 is an SMS rate limit in one and an expired ID card in
// the other): the Huiyan table, of the mini-program SDK's pages (package
// messages), and the FaceID table, of today's FaceID API (package
// faceid). The page shows one table at a time, the Huiyan table unless
// the query says table=faceid; a switch at its top leads to the other,
// and marks the one shown (aria-current). The API takes the same
// parameter, and every answer names its table, in a "table" member of
// its JSON. table=huiyan names the default; any other value is answered
// 400 (the page in its layout, the API with a problem), and not
// repeated.
//
// # The page
//
// / lists every code of the table with its category, the end user's text
// and the operator's title, detail and remedy; with view=compact, a row
// per code (its code, name, category and title), each linking to its
// page. A search box finds codes by code, name or words in any locale's
// texts (every word must match), in both tables: the codes of the table
// shown come first, and each names its table, so that a search for 302
// shows the two codes 302, each marked. A category filter, of the table
// shown, narrows the list, and a search to that table; a language switch
// (every locale of the bundle, and all of them side by side for review,
// a row per field and a column per locale) changes the language.
// /codes/{code} is the page of one code of the table, also for codes not
// in it, which show their category's texts; it names the code of the
// other table that has the same number. huiyanhttp's problem type can
// point there. #302 is the anchor of a Huiyan code on a list,
// #faceid-302 that of a FaceID code. The FaceID table says of each code
// whether Tencent bills the result (是否收费), in words: on each card, and
// in a column of the compact list.
//
// The page is rendered on the server and works without JavaScript: search
// and filter are GET forms. It loads nothing from elsewhere (its style
// sheet and icon are embedded) and its Content-Security-Policy allows
// nothing else. When the Source has an Err method that returns a fault,
// as a [*huiyan.Watcher] does after a bad edit, it is shown in a banner,
// naming the file and the line, while the previous texts keep serving.
//
// The page reads its parameters up to a bound (256 bytes of a search, of
// lang; 48 bytes of a table, escaped) and repeats in its links only what
// it chose: the locale that serves, not the lang asked for; a category
// only when it is one; a table by its name. A page is rendered and
// compressed once per catalogue, table, language and normalized query
// and kept (up to 256 pages, holding at most 24 MB), so that serving it
// costs what a static file does. A path with no page, and a method other
// than GET or HEAD, answer 404 and 405 in the page's layout and
// language; /codes/0655 redirects to /codes/655. The page meets WCAG 2.2
// AA (axe-core checks it in CI).
//
// # Security
//
// The page and the API have no authentication: they show every text and,
// under a fault, the paths of the locale files. Mount them behind the
// service's own authentication, or where only operators reach them. A
// server on a loopback address is not safe by that alone: a web page that
// an operator visits can point a name of its own at 127.0.0.1 (DNS
// rebinding) and read the answers. Wrap such a server in [AllowHosts],
// which answers only requests for loopback names and the names given, as
// huiyan serve does.
//
// # Counts
//
// With [WithPrometheus], each code's card and page also shows how often
// the fleet answered it over the last hour, day or week (window=1h, 1d or
// 1w; a day by default), and its share of the window's total, as a
// Prometheus server sums huiyan_results_total, the counter of module
// huiyanprom, by its table label (a series without one is of the Huiyan
// table); a share is of the total of the code's table. The compact list
// has them as columns, and the list sorts by count with sort=count (a
// search's codes within their table). The counts are asked at most every 15 seconds
// per window, and a page waits for them at most 300 milliseconds: when
// Prometheus is slower, or cannot be reached, the page is served at once,
// with the last counts it gave, marked with their time, or with a warning
// in its language that there are none, and the catalogue as ever.
//
// # The API
//
// GET /api/codes?lang=L&table=T answers what huiyan export -table T -lang
// L -format json prints, and GET /api/codes/{code}?lang=L&table=T what
// huiyan lookup CODE -table T -lang L -format json prints, byte for byte;
// without table, T is huiyan. L is anything [huiyan.Localize] takes: a
// tag, a WeChat value such as zh_CN or a whole Accept-Language header;
// without it, the request's Accept-Language header serves. lang=all puts
// every locale side by side, as huiyan export -lang all does; for one
// code, the code in every locale with its table named first:
// {"table":"faceid","code":302,...,"texts":{...}}. A FaceID result that
// Tencent bills
// has "billed": true. A code that is not in its table answers 200 with
// its category's texts and "known": false; a code that is not an
// integer, and a table that is none, answer 400 with an RFC 9457
// application/problem+json body.
//
// # Headers
//
// Content-Language names the locale that served (for lang=all, every
// locale, comma-separated). ETag is a hash of the body, which changes when
// the catalogue does, and differs between the tables; a request whose If-None-Match names it gets 304 Not
// Modified, so that a dashboard polling the API, or a browser reloading
// the page, costs next to nothing while nothing changes. Cache-Control is no-cache: a cache must ask
// again each time. A page is sent in gzip to a client whose
// Accept-Encoding takes it, with an ETag of its own and Vary:
// Accept-Encoding; the API's JSON is sent as huiyan prints it. Every response carries X-Content-Type-Options: nosniff
// and the Content-Security-Policy.
package catalogue
