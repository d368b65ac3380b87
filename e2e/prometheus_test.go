package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue"
)

// prometheusPath returns the path of a Prometheus server on PATH. With
// none, the test is skipped, unless CI is set: there it is required.
func prometheusPath(t *testing.T) string {
	t.Helper()
	return programPath(t, "prometheus", "prometheus")
}

// freeAddr returns a loopback address that nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs a program until the test ends, its output in the test's log
// when the test fails.
func start(t *testing.T, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, name, args...)
	out, err := os.CreateTemp(t.TempDir(), "out-")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		cmd.Wait()
		if t.Failed() {
			b, _ := os.ReadFile(out.Name())
			t.Logf("%s:\n%s", filepath.Base(name), tail(b, 4000))
		}
		out.Close()
	})
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// eventually calls f until it returns nil, for up to patience.
func eventually(t *testing.T, what string, f func() error) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		err := f()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %v after %v", what, err, patience)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func get(u string) (string, error) {
	res, err := http.Get(u)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if res.StatusCode != http.StatusOK {
		return string(b), fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return string(b), err
}

// build builds the command of package pkg, such as ./miniprogram, in the
// module at dir, relative to the repository, and returns the binary.
func build(t *testing.T, dir, pkg string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = filepath.Join("..", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s in %s: %v\n%s", pkg, dir, err, out)
	}
	return bin
}

// startPrometheus runs a Prometheus that scrapes target's /metrics every
// second, and returns its URL.
func startPrometheus(t *testing.T, target string) string {
	t.Helper()
	bin := prometheusPath(t)
	dir := t.TempDir()
	config := fmt.Sprintf(`global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: miniprogram
    scrape_interval: 1s
    static_configs:
      - targets: [%q]
`, target)
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	start(t, bin,
		"--config.file="+filepath.Join(dir, "prometheus.yml"),
		"--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr)
	base := "http://" + addr
	eventually(t, "Prometheus ready", func() error {
		_, err := get(base + "/-/ready")
		return err
	})
	return base
}

// promResult is an instant vector as /api/v1/query answers it.
type promResult struct {
	Status string
	Error  string
	Data   struct {
		ResultType string
		Result     []struct {
			Metric map[string]string
			Value  [2]any
		}
	}
}

// query runs PromQL on the Prometheus at base.
func query(base, q string) (promResult, error) {
	var r promResult
	body, err := get(base + "/api/v1/query?" + url.Values{"query": {q}}.Encode())
	if err != nil {
		return r, fmt.Errorf("%w: %.300s", err, body)
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		return r, err
	}
	if r.Status != "success" {
		return r, fmt.Errorf("%s: %s", r.Status, r.Error)
	}
	return r, nil
}

// TestPrometheus drives the example backend, lets a real Prometheus
// scrape it, and checks the counts through PromQL, the dashboard's
// queries, and the operator page's counts.
func TestPrometheus(t *testing.T) {
	prometheusPath(t) // skips before building, without one
	example := freeAddr(t)
	start(t, build(t, "examples", "./miniprogram"), "-addr", example)
	eventually(t, "the example's /metrics", func() error {
		_, err := get("http://" + example + "/metrics")
		return err
	})
	prom := startPrometheus(t, example)

	want := map[string]int{"655": 3, "604": 1, "0": 2}
	for code, n := range want {
		for range n {
			if _, err := http.Get("http://" + example + "/api/verify/result?lang=en&code=" + code); err != nil {
				t.Fatal(err)
			}
		}
	}

	t.Run("PromQL", func(t *testing.T) {
		eventually(t, "the counts scraped", func() error {
			r, err := query(prom, `sum by (code) (huiyan_results_total)`)
			if err != nil {
				return err
			}
			got := map[string]int{}
			for _, s := range r.Data.Result {
				v, _ := s.Value[1].(string)
				n, _ := strconv.ParseFloat(v, 64)
				got[s.Metric["code"]] = int(n)
			}
			for code, n := range want {
				if got[code] != n {
					return fmt.Errorf("counts %v, want %v", got, want)
				}
			}
			if len(got) != len(want) {
				return fmt.Errorf("counts %v, want %v", got, want)
			}
			return nil
		})
	})

	t.Run("dashboard", func(t *testing.T) {
		for _, expr := range dashboardQueries(t) {
			// Grafana's variables, as a range of an hour sets them.
			q := strings.NewReplacer("$__rate_interval", "1m", "$__range", "1h", "$table", ".*").Replace(expr)
			eventually(t, q, func() error {
				r, err := query(prom, q)
				if err != nil {
					return err
				}
				if len(r.Data.Result) == 0 {
					return fmt.Errorf("no result: a metric it reads is not exposed")
				}
				return nil
			})
		}
	})

	t.Run("huiyan serve -prometheus", func(t *testing.T) {
		page := freeAddr(t)
		start(t, build(t, ".", "./cmd/huiyan"), "serve", "-addr", page, "-prometheus", prom)
		for code, n := range map[string]int{"655": 3, "604": 1} {
			eventually(t, "the count on "+code+"'s page", func() error {
				body, err := get("http://" + page + "/codes/" + code + "?lang=en-US")
				if err != nil {
					return err
				}
				if got := pageCount(body); got != strconv.Itoa(n) {
					return fmt.Errorf("count %q, want %d", got, n)
				}
				return nil
			})
		}
	})
}

// TestCountsAccessible runs axe-core over the operator page with counts,
// and with a Prometheus that cannot be reached, in light and dark.
func TestCountsAccessible(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1,"3"]},{"metric":{"code":"604"},"value":[1,"1"]}]}}`)
	}))
	defer up.Close()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	quiet := catalogue.WithLogger(slog.New(slog.DiscardHandler))
	mux := http.NewServeMux()
	mux.Handle("/up/", http.StripPrefix("/up", catalogue.New(huiyan.Default(), catalogue.WithPrometheus(up.URL), quiet)))
	mux.Handle("/down/", http.StripPrefix("/down", catalogue.New(huiyan.Default(), catalogue.WithPrometheus(down.URL), quiet)))
	// A Prometheus that accepts and never answers.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	mux.Handle("/silent/", http.StripPrefix("/silent", catalogue.New(huiyan.Default(), catalogue.WithPrometheus("http://"+silent.Addr().String()), quiet)))
	page := httptest.NewServer(mux)
	defer page.Close()

	b := newBrowser(t, page.URL+"/")
	src := axeScript(t)
	states := map[string]string{
		"counts, sorted by count":   "up/?lang=en-US&sort=count",
		"counts over a week, zh-TW": "up/?lang=zh-TW&window=1w&cat=liveness",
		"a code's count":            "up/codes/655?lang=zh-CN",
		"counts unavailable":        "down/?lang=en-US",
		"a code's page, no counts":  "down/codes/604?lang=zh-HK",
		"compact, sorted by count":  "up/?lang=en-US&view=compact&sort=count",
		"compact, no counts":        "down/?lang=zh-CN&view=compact&sort=count",
		"a silent Prometheus":       "silent/?lang=en-US&sort=count",
	}
	for _, scheme := range []string{"light", "dark"} {
		b.do(colorScheme(scheme))
		for state, path := range states {
			b.open(path)
			b.checkAxe(scheme+", "+state, src)
		}
	}
}

// countOnPage finds the count of a code's card.
var countOnPage = regexp.MustCompile(`<data class="uses" value="(\d+)"`)

// pageCount returns the count of the first card of a page, or "".
func pageCount(body string) string {
	if m := countOnPage.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// dashboardQueries returns every expr of the Grafana dashboard in docs/.
func dashboardQueries(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "docs", "grafana-dashboard.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Panels []struct {
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			out = append(out, tg.Expr)
		}
	}
	if len(out) == 0 {
		t.Fatal("no query in the dashboard")
	}
	return out
}
