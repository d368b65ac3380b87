package catalogue

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
)

// maxAcceptEncoding bounds what is read of the Accept-Encoding header: a
// list longer than that names no more codings than browsers send.
const maxAcceptEncoding = 1024

// gzipped returns body compressed with gzip, in a slice that holds no
// more than its length, or nil when that is not smaller.
func gzipped(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a valid level: no error
	zw.Write(body)
	zw.Close()
	if buf.Len() >= len(body) {
		return nil
	}
	return exact(buf.Bytes())
}

// exact returns a copy of b whose capacity is its length, so that what a
// cache counts of it is what it holds.
func exact(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}

// gzipTag returns the ETag of the gzip coding of the representation
// whose ETag is etag: a coding of its own is a representation of its
// own, with a strong tag of its own (RFC 9110, 8.8.3.3).
func gzipTag(etag string) string {
	return strings.TrimSuffix(etag, `"`) + `-gz"`
}

// acceptsGzip reports whether the request's Accept-Encoding takes gzip
// (RFC 9110, 12.5.3): gzip or x-gzip named with a weight above 0, or *
// above 0 when neither is named. A weight that does not parse is 0, and
// only the first maxAcceptEncoding bytes of the header are read. Without
// the header, the answer is no: identity is always acceptable, and is
// what a client that says nothing gets.
func acceptsGzip(r *http.Request) bool {
	gz, star := -1.0, -1.0 // the weights; -1 when not named
	left := maxAcceptEncoding
	for _, f := range r.Header.Values("Accept-Encoding") {
		if left <= 0 {
			break
		}
		f = f[:min(len(f), left)]
		left -= len(f)
		for item := range strings.SplitSeq(f, ",") {
			name, params, _ := strings.Cut(item, ";")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "gzip", "x-gzip":
				if gz < 0 {
					gz = weight(params)
				}
			case "*":
				if star < 0 {
					star = weight(params)
				}
			}
		}
	}
	if gz >= 0 {
		return gz > 0
	}
	return star > 0
}

// weight returns the q parameter of a coding's parameters: 1 without
// one, 0 for one that is not a qvalue ("0", "0.5", "1.000", at most three
// decimals, no more than 1).
func weight(params string) float64 {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		v = strings.TrimSpace(v)
		if v == "" || len(v) > len("0.000") || (v[0] != '0' && v[0] != '1') {
			return 0
		}
		if len(v) > 1 && (v[1] != '.' || strings.ContainsFunc(v[2:], func(r rune) bool { return r < '0' || r > '9' })) {
			return 0
		}
		q, err := strconv.ParseFloat(v, 64)
		if err != nil || q > 1 {
			return 0
		}
		return q
	}
	return 1
}
