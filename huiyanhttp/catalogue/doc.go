// Package catalogue serves the catalogue of Huiyan error codes to
// operators: a page to look codes up, in every shipped language, and a
// JSON API for dashboards. huiyan serve runs it; a service mounts it in
// its own mux, under any prefix:
//
//	w, err := huiyan.Watch("/etc/huiyan/locales")
//	if err != nil {
//		log.Fatal(err)
//	}
//	mux.Handle("/huiyan/", http.StripPrefix("/huiyan", catalogue.New(w)))
//
// # The page
//
// / lists every code with its category, the end user's text and the
// operator's title, detail and remedy. A search box finds codes by code,
// name or words in any locale's texts (every word must match); a category
// filter and a language switch (every locale of the bundle, and all of
// them side by side for review) narrow the list. /codes/{code} is the page
// of one code, also for codes not in the catalogue, which show their
// category's texts; huiyanhttp's problem type can point there. #{code} is
// the code's anchor on the list.
//
// The page is rendered on the server and works without JavaScript: search
// and filter are GET forms. It loads nothing from elsewhere (its style
// sheet and icon are embedded) and its Content-Security-Policy allows
// nothing else. When the Localizer's Err returns a fault, as a
// [*huiyan.Watcher]'s does after a bad edit, it is shown in a banner,
// naming the file and the line, while the previous texts keep serving.
//
// The page is for the operators of a service: mount it where only they
// can reach it.
//
// # The API
//
// GET /api/codes?lang=L answers what huiyan export -lang L prints, and
// GET /api/codes/{code}?lang=L what huiyan lookup CODE -lang L -format
// json prints, byte for byte. L is anything [huiyan.Localize] takes: a
// tag, a WeChat value such as zh_CN or a whole Accept-Language header;
// without it, the request's Accept-Language header serves. lang=all puts
// every locale side by side, as huiyan export -lang all and huiyan lookup
// CODE -lang all do. A code that is not in the catalogue answers 200 with its
// category's texts and "known": false; a code that is not an integer
// answers 400 with an RFC 9457 application/problem+json body.
//
// # Headers
//
// Content-Language names the locale that served (for lang=all, every
// locale, comma-separated). ETag is a hash of the body, which changes when
// the catalogue does; a request whose If-None-Match names it gets 304 Not
// Modified, so that a dashboard polling the API costs next to nothing
// while nothing changes. Cache-Control is no-cache: a cache must ask
// again each time. Every response carries X-Content-Type-Options: nosniff
// and the Content-Security-Policy.
package catalogue
