package catalogue

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"sync"
)

//go:embed static templates
var files embed.FS

// pages returns the page templates, parsed on first use: a program that
// imports the package but serves no page, such as a command that looks a
// code up, does not pay for parsing them.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{"pair": pair}).ParseFS(files, "templates/*.html"))
})

// asset is a static file, with its ETag and the version that its URLs
// carry, so that a browser keeps it until it changes.
type asset struct {
	data    []byte
	mime    string
	etag    string
	version string
}

// assets returns the static files by name, hashed on first use.
var assets = sync.OnceValue(func() map[string]asset {
	types := map[string]string{".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
	out := make(map[string]asset)
	entries, _ := fs.ReadDir(files, "static")
	for _, e := range entries {
		data, _ := fs.ReadFile(files, "static/"+e.Name())
		ent := newEntity(data)
		out[e.Name()] = asset{data: data, mime: types[path.Ext(e.Name())], etag: ent.etag, version: ent.etag[1:9]}
	}
	return out
})

// serveAsset serves GET /static/{file}. A URL with the file's current
// version may be cached for good; any other is revalidated.
func (h *handler) serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := assets()[r.PathValue("file")]
	if !ok {
		h.notFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("ETag", a.etag)
	if r.URL.Query().Get("v") == a.version {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "no-cache")
	}
	if noneMatch(r, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Type", a.mime)
	hd.Set("Content-Length", strconv.Itoa(len(a.data)))
	w.Write(a.data)
}
