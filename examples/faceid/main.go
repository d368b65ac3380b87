// Command faceid is a backend for a WeChat mini-program that verifies
// people with Tencent Cloud's FaceID (人脸核身), reduced to the answer that
// matters here: telling the person how their verification ended, in their
// language.
//
//	export TENCENTCLOUD_SECRET_ID=... TENCENTCLOUD_SECRET_KEY=...
//	go run ./examples/faceid -addr 127.0.0.1:8082
//	curl -i '127.0.0.1:8082/api/faceid/result?BizToken=...&RuleId=1' -H 'Accept-Language: zh-TW'
//
// The mini-program runs the verification with wx.startVerify and a
// BizToken that its backend got from DetectAuth, then asks
// GET /api/faceid/result?BizToken=...&RuleId=... The backend calls
// GetDetectInfoEnhanced through the SDK's client, asking for the result's
// text alone (InfoType 1: no photo, no video), and answers in one call of
// huiyanhttp with the FaceID code that package huiyantc chooses from
// ErrCode and the attempts: 200 and the localized success answer for 0,
// the localized RFC 9457 problem for any other code. When the call fails,
// the problem is that of the FaceID code that corresponds to the SDK's
// error (15, "start the verification again", for
// InvalidParameterValue.BizTokenExpired), or FaceID's service error, 4,
// with the SDK's code as the member tencentCloudCode. Nothing of the
// result but its code reaches the answer: not the name, not the ID
// number. The language comes from the lang query parameter (the
// mini-program's wx.getAppBaseInfo().language), X-Lang, Accept-Language or
// WeChat's User-Agent.
//
// A BizToken is letters, digits, "-" and "_", at most 128 of them; a RuleId
// is at most 10 digits. A request with anything else, or with either
// parameter missing or given twice, is the backend's own 400 problem, and
// is not sent to Tencent.
//
// -endpoint is the scheme, host and port of the API, by default Tencent's,
// https://faceid.tencentcloudapi.com; a test points it at a loopback
// server, such as http://127.0.0.1:9000. The key is read from
// TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY; without it the
// backend says so and exits with status 2.
//
// With -uniform-identity, every code of a failed identity check answers
// alike (huiyanhttp.WithUniformIdentity: FaceID's 2002, 2003 and 2005-2009
// as the Huiyan group's 826), and a failed call whose SDK code stands for
// one of them (FailedOperation.IdNoExistSystem, IdNameMisMatch,
// IdPhotoNoExist) leaves tencentCloudCode out, which would tell them apart
// again.
//
// Each problem is logged for the operator in English, and each failed call
// with the SDK's code, the RequestId and what the operator can do. GET
// /metrics serves huiyan_results_total of module huiyanprom, which counts
// every answer by table, code, name, category, status and locale.
// SIGINT or SIGTERM stops the backend once the requests under way are
// answered.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	v20180301 "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/faceid/v20180301"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/huiyanprom"
	"github.com/huiyan-i18n/huiyan/huiyantc"
	"github.com/huiyan-i18n/huiyan/locales"
)

// defaultEndpoint is Tencent Cloud's FaceID API.
const defaultEndpoint = "https://faceid.tencentcloudapi.com"

const (
	// callTimeout bounds a call of the API: a person waits on the answer.
	callTimeout = 10 * time.Second
	// shutdownTimeout bounds how long a stop waits on requests under way.
	shutdownTimeout = 15 * time.Second
	// maxHeaderBytes bounds a request's line and headers: the query this
	// backend reads is a few dozen bytes.
	maxHeaderBytes = 16 << 10
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8082", "address to listen on")
	endpoint := flag.String("endpoint", defaultEndpoint, "scheme, host and port of the FaceID API")
	uniform := flag.Bool("uniform-identity", false, "answer every failed identity check alike, so that callers cannot probe ID numbers")
	flag.Parse()
	id, key := os.Getenv("TENCENTCLOUD_SECRET_ID"), os.Getenv("TENCENTCLOUD_SECRET_KEY")
	if id == "" || key == "" {
		fmt.Fprintln(os.Stderr, "faceid: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must hold the API key that calls FaceID")
		os.Exit(2)
	}
	p, err := clientProfile(*endpoint)
	if err != nil {
		fmt.Fprintln(os.Stderr, "faceid:", err)
		os.Exit(2)
	}
	client, err := v20180301.NewClient(common.NewCredential(id, key), "", p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "faceid:", err)
		os.Exit(1)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr, client, log, *uniform); err != nil {
		fmt.Fprintln(os.Stderr, "faceid:", err)
		os.Exit(1)
	}
}

// clientProfile returns the SDK's client profile for the API at endpoint,
// a URL of scheme http or https with a host and nothing after it but "/".
func clientProfile(endpoint string) (*profile.ClientProfile, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, fmt.Errorf("-endpoint: %w", err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return nil, fmt.Errorf("-endpoint %q: the scheme must be http or https", endpoint)
	case u.Host == "" || u.User != nil || u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("-endpoint %q: want a scheme, a host and a port, such as %s", endpoint, defaultEndpoint)
	}
	p := profile.NewClientProfile()
	p.HttpProfile.Scheme = strings.ToUpper(scheme)
	p.HttpProfile.Endpoint = u.Host
	return p, nil
}

// run serves on addr until ctx is done, then stops once the requests under
// way are answered.
func run(ctx context.Context, addr string, client *v20180301.Client, log *slog.Logger, uniform bool) error {
	m, err := newMetrics()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           newHandler(client, huiyan.Default(), log, m, uniform),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	// The address listened on, with the port that ":0" chose.
	log.Info("listening", "addr", ln.Addr().String())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping")
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	return srv.Shutdown(stopCtx)
}

// metrics are the backend's Prometheus metrics, on a registry of its own.
type metrics struct {
	reg     *prometheus.Registry
	results *huiyanprom.Results
}

func newMetrics() (*metrics, error) {
	m := &metrics{reg: prometheus.NewRegistry()}
	var err error
	if m.results, err = huiyanprom.NewResults(m.reg); err != nil {
		return nil, err
	}
	return m, nil
}

// newHandler returns the backend's routes behind the huiyanhttp
// Middleware, which resolves each request's language; with m, it counts
// each answer and serves GET /metrics; with uniform, it answers every
// failed identity check alike.
func newHandler(client *v20180301.Client, loc huiyan.Source, log *slog.Logger, m *metrics, uniform bool) http.Handler {
	b := &backend{client: client, log: log, uniform: uniform}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/faceid/result", b.result)
	opts := []huiyanhttp.Option{huiyanhttp.WithLogger(log)}
	if uniform {
		opts = append(opts, huiyanhttp.WithUniformIdentity())
	}
	if m != nil {
		opts = append(opts, huiyanhttp.WithObserver(m.results))
		mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	}
	return huiyanhttp.Middleware(loc, opts...)(mux)
}

// backend answers with what the FaceID API says.
type backend struct {
	client  *v20180301.Client
	log     *slog.Logger
	uniform bool // answer every failed identity check alike
}

// sdkError is the member that a problem for a failed call adds: the SDK's
// code, which a client may branch on (start again on
// InvalidParameterValue.BizTokenExpired). It is absent for an error
// without a code.
type sdkError struct {
	Code string `json:"tencentCloudCode,omitempty"`
}

// result answers how the verification of the request's BizToken ended.
func (b *backend) result(w http.ResponseWriter, r *http.Request) {
	q, err := readQuery(r.URL.RawQuery)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), callTimeout)
	defer cancel()
	req := v20180301.NewGetDetectInfoEnhancedRequest()
	req.BizToken = common.StringPtr(q.bizToken)
	req.RuleId = common.StringPtr(q.ruleID)
	req.InfoType = common.StringPtr("1") // the text alone
	resp, err := b.client.GetDetectInfoEnhancedWithContext(ctx, req)
	if err != nil {
		f := huiyantc.FailureOf(ctx, err)
		b.logFailure(r.Context(), f)
		if f.Kind == huiyantc.Canceled {
			return // the person's request has gone: no one to answer
		}
		member := sdkError{Code: f.Code}
		if b.uniform && f.FaceID.Valid && slices.Contains(locales.FaceIDUniformIdentityCodes(), int(f.FaceID.Code)) {
			member.Code = "" // the SDK's code would tell the group apart
		}
		huiyanhttp.WriteResult(w, r, f.UserCode(), member)
		return
	}
	// One call for any result: the success answer for 0, a problem else.
	huiyanhttp.WriteResult(w, r, huiyantc.FromDetectInfo(resp).UserCode(), nil)
}

// logFailure tells the operator why a call failed and what to do: at level
// Info for an error about the person's verification, which its FaceID code
// tells them how to redo, and for a request that has gone; Warn for the
// rest, which the operator or Tencent must fix.
func (b *backend) logFailure(ctx context.Context, f huiyantc.Failure) {
	level := slog.LevelWarn
	if f.Kind == huiyantc.Canceled || f.Kind == huiyantc.APIError && personal(f.FaceID) {
		level = slog.LevelInfo
	}
	t := huiyantc.Describe(f.Code, "en-US")
	b.log.LogAttrs(ctx, level, "faceid: GetDetectInfoEnhanced failed",
		slog.String("kind", f.Kind.String()),
		slog.String("code", f.Code),
		slog.String("request_id", f.RequestID),
		slog.String("title", t.Title),
		slog.String("remedy", t.Remedy),
		slog.String("err", f.Err.Error()))
}

// personal reports whether n is a FaceID code about the person's
// verification, not the operator's set-up or Tencent's service: one with
// the status of a verification not passed (422), expired (410) or already
// completed (409).
func personal(n huiyantc.NullCode) bool {
	switch n.Code.HTTPStatus() {
	case http.StatusUnprocessableEntity, http.StatusGone, http.StatusConflict:
		return n.Valid
	}
	return false
}

// query is what a request asks about.
type query struct{ bizToken, ruleID string }

// The bounds of a request's parameters. A BizToken is a UUID today (36
// characters); the bound leaves room and no more.
const (
	maxBizToken = 128
	maxRuleID   = 10
)

// readQuery reads and bounds the BizToken and RuleId of a raw query. Its
// errors are the backend's texts: none repeats anything of the request.
func readQuery(raw string) (query, error) {
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return query{}, errors.New("the query is not URL-encoded")
	}
	var q query
	for _, p := range []struct {
		name  string
		to    *string
		max   int
		valid func(byte) bool
		what  string
	}{
		{"BizToken", &q.bizToken, maxBizToken, tokenByte, "letters, digits, - and _"},
		{"RuleId", &q.ruleID, maxRuleID, digit, "digits"},
	} {
		vs := vals[p.name]
		switch {
		case len(vs) != 1:
			return query{}, fmt.Errorf("the query must have one %s", p.name)
		case vs[0] == "" || len(vs[0]) > p.max || !all(vs[0], p.valid):
			return query{}, fmt.Errorf("%s must be 1 to %d %s", p.name, p.max, p.what)
		}
		*p.to = vs[0]
	}
	return q, nil
}

// all reports whether every byte of s is valid.
func all(s string, valid func(byte) bool) bool {
	for i := range len(s) {
		if !valid(s[i]) {
			return false
		}
	}
	return true
}

func digit(c byte) bool { return '0' <= c && c <= '9' }

func tokenByte(c byte) bool {
	return digit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_'
}

// ownProblem is a problem of the backend's own.
type ownProblem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// badRequest answers a request that the backend does not send on. It has
// no FaceID code: those speak of the verification, and this request never
// reached it. detail is the backend's text.
func badRequest(w http.ResponseWriter, detail string) {
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(ownProblem{Type: "about:blank", Title: "Bad Request", Status: http.StatusBadRequest, Detail: detail})
}
