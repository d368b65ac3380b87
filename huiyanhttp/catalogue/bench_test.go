package catalogue

import (
	"net/http/httptest"
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
	etag := New(huiyan.Default()).(*handler).snapshot().catalogue("en-US").etag
	benchmarkGet(b, "/api/codes?lang=en-US", "If-None-Match", etag)
}
func BenchmarkPage(b *testing.B)       { benchmarkGet(b, "/?lang=en-US") }
func BenchmarkPageSearch(b *testing.B) { benchmarkGet(b, "/?lang=en-US&q=face+light") }
func BenchmarkPageAll(b *testing.B)    { benchmarkGet(b, "/?lang=all") }
