package catalogue

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		name   string
		header []string // values of Accept-Encoding; none for no header
		want   bool
	}{
		{"no header", nil, false},
		{"empty", []string{""}, false},
		{"a browser's", []string{"gzip, deflate, br, zstd"}, true},
		{"gzip and br", []string{"gzip, br"}, true},
		{"br only", []string{"br"}, false},
		{"identity", []string{"identity"}, false},
		{"gzip;q=0", []string{"gzip;q=0, br"}, false},
		{"gzip; q=0.000", []string{"br, gzip; q=0.000"}, false},
		{"gzip;q=0.001", []string{"gzip;q=0.001"}, true},
		{"GZIP;Q=1", []string{"GZIP;Q=1"}, true},
		{"x-gzip", []string{"x-gzip"}, true},
		{"*", []string{"*"}, true},
		{"*;q=0", []string{"*;q=0"}, false},
		{"gzip named over *", []string{"*, gzip;q=0"}, false},
		{"gzip named over *;q=0", []string{"*;q=0, gzip"}, true},
		{"a weight that is no qvalue", []string{"gzip;q=2"}, false},
		{"a weight of garbage", []string{"gzip;q=yes"}, false},
		{"a weight of four decimals", []string{"gzip;q=0.0001"}, false},
		{"a weight of 1.5", []string{"gzip;q=1.5"}, false},
		{"another parameter", []string{"gzip;level=9"}, true},
		{"two fields", []string{"br", "gzip"}, true},
		{"the first gzip counts", []string{"gzip;q=0, gzip"}, false},
		{"gzip past the bound", []string{strings.Repeat(" ", maxAcceptEncoding) + ",gzip"}, false},
		{"gzip in a second field past the bound", []string{strings.Repeat("x", maxAcceptEncoding), "gzip"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			for _, v := range tt.header {
				r.Header.Add("Accept-Encoding", v)
			}
			if got := acceptsGzip(r); got != tt.want {
				t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

// serve answers one request of method with headers.
func serve(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPageGzip asks for pages with and without gzip: a client that takes
// it gets the page's bytes compressed, with an ETag of their own, and
// every answer says that it varies with Accept-Encoding.
func TestPageGzip(t *testing.T) {
	h := New(huiyan.Default())
	for _, target := range []string{"/?lang=en-US", "/?lang=all&ui=zh-CN", "/codes/655?lang=zh-TW", "/?lang=en-US&view=compact"} {
		t.Run(target, func(t *testing.T) {
			plain := serve(h, "GET", target)
			zipped := serve(h, "GET", target, "Accept-Encoding", "gzip, br")
			for name, w := range map[string]*httptest.ResponseRecorder{"identity": plain, "gzip": zipped} {
				if w.Code != http.StatusOK {
					t.Fatalf("%s: status %d", name, w.Code)
				}
				if vary := strings.Join(w.Header().Values("Vary"), ", "); !strings.Contains(vary, "Accept-Encoding") || !strings.Contains(vary, "Accept-Language") {
					t.Errorf("%s: Vary %q", name, vary)
				}
				if got, want := w.Header().Get("Content-Length"), strconv.Itoa(w.Body.Len()); got != want {
					t.Errorf("%s: Content-Length %s for %s bytes", name, got, want)
				}
				if w.Header().Get("Accept-Ranges") != "" || w.Header().Get("Content-Range") != "" {
					t.Errorf("%s: ranges offered", name)
				}
			}
			if ce := plain.Header().Get("Content-Encoding"); ce != "" {
				t.Errorf("a client without Accept-Encoding gets Content-Encoding %q", ce)
			}
			if ce := zipped.Header().Get("Content-Encoding"); ce != "gzip" {
				t.Fatalf("a client that takes gzip gets Content-Encoding %q", ce)
			}
			if !bytes.Equal(gunzip(t, zipped.Body.Bytes()), plain.Body.Bytes()) {
				t.Error("the gzip body is not the page")
			}
			if 2*zipped.Body.Len() > plain.Body.Len() {
				t.Errorf("gzip %d bytes for %d: less than half off", zipped.Body.Len(), plain.Body.Len())
			}
			et, zt := plain.Header().Get("ETag"), zipped.Header().Get("ETag")
			if et == "" || zt == "" || et == zt {
				t.Errorf("ETags %s and %s: each coding wants its own", et, zt)
			}
			for _, tt := range []struct {
				name   string
				header []string
				status int
				coding string
			}{
				{"gzip's tag, taking gzip", []string{"If-None-Match", zt, "Accept-Encoding", "gzip"}, 304, ""},
				{"identity's tag, taking identity", []string{"If-None-Match", et}, 304, ""},
				{"identity's tag, taking gzip", []string{"If-None-Match", et, "Accept-Encoding", "gzip"}, 200, "gzip"},
				{"gzip's tag, taking identity", []string{"If-None-Match", zt, "Accept-Encoding", "gzip;q=0"}, 200, ""},
				{"a range, taking gzip", []string{"Range", "bytes=0-99", "Accept-Encoding", "gzip"}, 200, "gzip"},
				{"a range", []string{"Range", "bytes=10-"}, 200, ""},
			} {
				w := serve(h, "GET", target, tt.header...)
				if w.Code != tt.status || w.Header().Get("Content-Encoding") != tt.coding {
					t.Errorf("%s: status %d, coding %q; want %d, %q", tt.name, w.Code, w.Header().Get("Content-Encoding"), tt.status, tt.coding)
				}
				if w.Code == 304 && (w.Body.Len() != 0 || !strings.Contains(strings.Join(w.Header().Values("Vary"), ","), "Accept-Encoding")) {
					t.Errorf("%s: 304 with %d bytes, Vary %q", tt.name, w.Body.Len(), w.Header().Values("Vary"))
				}
				if w.Code == 200 && w.Body.Len() != map[string]int{"": plain.Body.Len(), "gzip": zipped.Body.Len()}[tt.coding] {
					t.Errorf("%s: %d bytes, not the whole body", tt.name, w.Body.Len())
				}
			}
			head := serve(h, "HEAD", target, "Accept-Encoding", "gzip")
			if head.Code != 200 || head.Header().Get("Content-Encoding") != "gzip" || head.Header().Get("Content-Length") != strconv.Itoa(zipped.Body.Len()) || head.Header().Get("ETag") != zt {
				t.Errorf("HEAD taking gzip: status %d, headers %v", head.Code, head.Header())
			}
		})
	}
}

// TestGzipNotForAPIAndErrors keeps the API's bytes what huiyan export
// prints, and the error pages, which are not kept, uncompressed.
func TestGzipNotForAPIAndErrors(t *testing.T) {
	h := New(huiyan.Default())
	for _, target := range []string{"/api/codes?lang=en-US", "/nope", "/codes/abc", "/static/style.css"} {
		if w := serve(h, "GET", target, "Accept-Encoding", "gzip"); w.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: Content-Encoding %q", target, w.Header().Get("Content-Encoding"))
		}
	}
}
