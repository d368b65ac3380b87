package catalogue

import (
	"net/http"
	"net/netip"
	"strings"
)

// maxHost bounds the Host header that AllowHosts reads: a DNS name has at
// most 253 bytes, and a port six more.
const maxHost = 262

// AllowHosts returns a handler that passes to h only the requests whose
// Host header names the loopback interface (localhost, 127.0.0.0/8 or
// [::1], with any port) or one of names (host names or IP addresses,
// without a port, in any case), and answers any other with 421
// Misdirected Request and a short plain-text body that echoes nothing.
//
// A server on a loopback address needs it: a web page that an operator
// visits can point a host name of its own at 127.0.0.1 (DNS rebinding)
// and read what the server answers, unless the server refuses that name.
// huiyan serve wraps the catalogue in it.
func AllowHosts(h http.Handler, names ...string) http.Handler {
	a := &hostCheck{next: h, names: make(map[string]bool), addrs: make(map[netip.Addr]bool)}
	for _, n := range names {
		n = strings.TrimSuffix(strings.ToLower(strings.Trim(n, "[]")), ".")
		if addr, err := netip.ParseAddr(n); err == nil {
			a.addrs[addr.Unmap().WithZone("")] = true
		} else if n != "" {
			a.names[n] = true
		}
	}
	return a
}

// hostCheck is the handler of AllowHosts.
type hostCheck struct {
	next  http.Handler
	names map[string]bool
	addrs map[netip.Addr]bool
}

func (a *hostCheck) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if a.allowed(r.Host) {
		a.next.ServeHTTP(w, r)
		return
	}
	const msg = "421 Misdirected Request: this server does not answer for the host name of the request.\n"
	hd := w.Header()
	hd.Set("Content-Type", "text/plain; charset=utf-8")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Cache-Control", "no-store")
	hd.Set("Connection", "close")
	w.WriteHeader(http.StatusMisdirectedRequest)
	w.Write([]byte(msg))
}

// allowed reports whether a Host header names loopback or an allowed
// name.
func (a *hostCheck) allowed(hostport string) bool {
	host, ok := hostOf(hostport)
	if !ok {
		return false
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		addr = addr.Unmap()
		return addr.IsLoopback() || a.addrs[addr]
	}
	return host == "localhost" || a.names[host]
}

// hostOf returns the host of a Host header, lowercased, without its port
// and brackets and a final dot, or false when it is not one.
func hostOf(hostport string) (string, bool) {
	if hostport == "" || len(hostport) > maxHost {
		return "", false
	}
	host, port := hostport, ""
	if strings.HasPrefix(host, "[") {
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return "", false
		}
		host, port = host[1:end], host[end+1:]
		if addr, err := netip.ParseAddr(host); err != nil || !addr.Is6() || addr.Zone() != "" {
			return "", false
		}
	} else if i := strings.IndexByte(host, ':'); i >= 0 {
		host, port = host[:i], host[i:]
	}
	if port != "" && !validPort(port) {
		return "", false
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for i := 0; i < len(host); i++ {
		c := host[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == ':') {
			return "", false
		}
	}
	return host, host != ""
}

// validPort reports whether p is ":" and a decimal port.
func validPort(p string) bool {
	if len(p) < 2 || len(p) > 6 || p[0] != ':' {
		return false
	}
	for i := 1; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}
