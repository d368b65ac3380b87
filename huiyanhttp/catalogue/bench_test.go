package catalogue

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/huiyan-i18n/huiyan"
)

// benchmarkGet serves target over and over.
func benchmarkGet(b *testing.B, target string, header ...string) {
	h := New(huiyan.Default())
	req := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
}

func BenchmarkAPIList(b *testing.B)    { benchmarkGet(b, "/api/codes?lang=en-US") }
func BenchmarkAPIListAll(b *testing.B) { benchmarkGet(b, "/api/codes?lang=all") }
func BenchmarkAPICode(b *testing.B) {
	benchmarkGet(b, "/api/codes/655", "Accept-Language", "zh-CN,zh;q=0.9")
}
func BenchmarkAPINotModified(b *testing.B) {
	etag := New(huiyan.Default()).(*handler).snapshot().catalogue(tables[0], "en-US").etag
	benchmarkGet(b, "/api/codes?lang=en-US", "If-None-Match", etag)
}
func BenchmarkPage(b *testing.B)       { benchmarkGet(b, "/?lang=en-US") }
func BenchmarkPageSearch(b *testing.B) { benchmarkGet(b, "/?lang=en-US&q=face+light") }
func BenchmarkPageAll(b *testing.B)    { benchmarkGet(b, "/?lang=all") }

// BenchmarkPageGzip serves BenchmarkPage's page to a browser, which
// takes gzip: the kept compressed bytes, and the parse of its
// Accept-Encoding.
func BenchmarkPageGzip(b *testing.B) {
	benchmarkGet(b, "/?lang=en-US", "Accept-Encoding", "gzip, deflate, br, zstd")
}

// pageBytes returns the page at target, as the handler serves it.
func pageBytes(b *testing.B, target string) []byte {
	rec := httptest.NewRecorder()
	New(huiyan.Default()).ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: status %d", target, rec.Code)
	}
	return rec.Body.Bytes()
}

// BenchmarkPageFromMemory writes the bytes of BenchmarkPage's page from
// memory, with its headers: the floor that BenchmarkPage is compared to.
func BenchmarkPageFromMemory(b *testing.B) {
	e := newEntity(pageBytes(b, "/?lang=en-US"))
	req := httptest.NewRequest("GET", "/?lang=en-US", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
		w.Header().Set("Referrer-Policy", "no-referrer")
		serveEntity(w, req, e, htmlType, "en-US")
	}
}

// benchmarkLoopback is a load test: clients on 127.0.0.1, four per core,
// each on its own keep-alive connection, GET path from a server of h
// until b.N requests are answered. It reports requests per second. The
// clients ask for no compression, as http.FileServer offers none: the
// two serve the same bytes.
func benchmarkLoopback(b *testing.B, h http.Handler, path string, size int) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, DisableCompression: true}}
	defer client.CloseIdleConnections()
	url := srv.URL + path
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := client.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			n, _ := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || int(n) != size {
				b.Errorf("status %d, %d bytes, want %d", res.StatusCode, n, size)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkLoopbackPage serves the list in English over loopback.
func BenchmarkLoopbackPage(b *testing.B) {
	page := pageBytes(b, "/?lang=en-US")
	benchmarkLoopback(b, New(huiyan.Default()), "/?lang=en-US", len(page))
}

// BenchmarkLoopbackFileServer serves the same bytes with http.FileServer,
// as a static file.
func BenchmarkLoopbackFileServer(b *testing.B) {
	page := pageBytes(b, "/?lang=en-US")
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.html"), page, 0o644); err != nil {
		b.Fatal(err)
	}
	benchmarkLoopback(b, http.FileServer(http.Dir(dir)), "/page.html", len(page))
}
