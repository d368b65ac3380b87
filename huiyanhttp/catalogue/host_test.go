package catalogue

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAllowHosts sends the Host headers of a browser on this machine,
// of a page that points its own name at loopback (DNS rebinding), and
// malformed ones.
func TestAllowHosts(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("catalogue")) })
	long := strings.Repeat("a", maxHost-len(".zz:8080"))
	h := AllowHosts(ok, "ops.example.com", "Review.Example.COM.", "192.0.2.7", "[2001:db8::7]", "", "zh-ops.example.zz", long+".zz")
	tests := []struct {
		name    string
		host    string
		allowed bool
	}{
		{"localhost", "localhost", true},
		{"localhost with port", "localhost:8080", true},
		{"localhost in capitals, final dot", "LOCALHOST.:8080", true},
		{"127.0.0.1", "127.0.0.1:8080", true},
		{"127.0.0.0/8", "127.200.0.1", true},
		{"IPv6 loopback", "[::1]:8080", true},
		{"IPv4-mapped loopback", "[::ffff:127.0.0.1]", true},
		{"an allowed name", "ops.example.com:443", true},
		{"an allowed name, any case", "review.example.com", true},
		{"an allowed address", "192.0.2.7:80", true},
		{"an allowed IPv6 address", "[2001:db8::7]:80", true},
		{"an allowed name with - and z", "zh-ops.example.zz", true},
		{"an allowed name at the bound", long + ".zz:8080", true},
		{"an allowed name over the bound", long + ".zz:08080", false},
		{"a one-digit port", "localhost:8", true},
		{"a five-digit port", "localhost:65535", true},
		{"a port with 9", "localhost:9090", true},
		{"a six-digit port", "localhost:123456", false},
		{"a foreign name", "attacker.example", false},
		{"a foreign name with port", "attacker.example:8080", false},
		{"a subdomain of an allowed name", "x.ops.example.com", false},
		{"localhost as a subdomain", "localhost.attacker.example", false},
		{"a name ending in localhost", "evil-localhost", false},
		{"a foreign address", "192.0.2.8", false},
		{"IPv6, not loopback", "[2001:db8::8]:8080", false},
		{"IPv6 without brackets", "::1", false},
		{"IPv6 with a zone", "[::1%25eth0]:80", false},
		{"IPv4 in brackets", "[127.0.0.1]", false},
		{"decimal IPv4", "2130706433", false},
		{"empty", "", false},
		{"port only", ":8080", false},
		{"bad port", "localhost:http", false},
		{"two ports", "localhost:80:80", false},
		{"unclosed bracket", "[::1", false},
		{"space", "local host", false},
		{"userinfo", "user@localhost", false},
		{"huge", strings.Repeat("a.", 500_000) + "localhost", false},
		{"NUL", "localhost\x00.attacker.example", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if got := rec.Code == http.StatusOK; got != tt.allowed {
				t.Fatalf("Host %.40q: status %d", tt.host, rec.Code)
			}
			if tt.allowed {
				return
			}
			if rec.Code != http.StatusMisdirectedRequest {
				t.Errorf("status %d, want 421", rec.Code)
			}
			b := rec.Body.String()
			if len(b) > 200 || strings.Contains(b, "catalogue") || (len(tt.host) > 3 && strings.Contains(b, tt.host)) {
				t.Errorf("the 421 body is not short, or echoes: %.100q", b)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}
