package catalogue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Bounds of a query to Prometheus: it is given up after queryTimeout (a
// page waits for it far less: countsWait), and no more than maxAnswer
// bytes of the answer are read, far more than every code of the catalogue
// takes.
const (
	queryTimeout = 5 * time.Second
	maxAnswer    = 1 << 20
)

// prometheus asks a Prometheus server's HTTP API how often each code was
// answered.
type prometheus struct {
	query   string // the URL of /api/v1/query
	client  *http.Client
	timeout time.Duration
}

func newPrometheus(base string) (*prometheus, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("catalogue: Prometheus URL %q: want http:// or https:// and a host", base)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/api/v1/query"
	u.RawQuery, u.Fragment, u.RawPath = "", "", ""
	return &prometheus{query: u.String(), client: &http.Client{}, timeout: queryTimeout}, nil
}

// countQuery returns the PromQL of each code's count over the range r,
// by table, summed over every replica. A series that already existed when the range
// began counts its increase; one that appeared within it counts its whole
// value, since increase alone would miss the results counted before its
// first scrape.
func countQuery(r string) string {
	return fmt.Sprintf("sum by (table, code) ((increase(huiyan_results_total[%[1]s]) and huiyan_results_total offset %[1]s) or huiyan_results_total)", r)
}

// counts returns each known code's count over the range r, such as "1d".
// Codes outside their table are left out.
func (p *prometheus) counts(ctx context.Context, r string) (counts, error) {
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.query+"?"+url.Values{"query": {countQuery(r)}}.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxAnswer {
		return nil, fmt.Errorf("catalogue: Prometheus answered more than %d bytes", maxAnswer)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("catalogue: Prometheus answered %s", resp.Status)
	}
	return parseCounts(body)
}

// answer is what Prometheus's /api/v1/query answers for an instant vector.
type answer struct {
	Status string `json:"status"`
	Error  string `json:"error"`
	Data   struct {
		ResultType string `json:"resultType"`
		Result     []struct {
			Metric map[string]string `json:"metric"`
			Value  [2]any            `json:"value"`
		} `json:"result"`
	} `json:"data"`
}

var errAnswer = errors.New("catalogue: Prometheus's answer is not an instant vector of counts")

// parseCounts reads the counts by table and code of an answer. A series
// without a table label is of the Huiyan table: huiyanprom counted no
// other before it had the label.
func parseCounts(body []byte) (counts, error) {
	var a answer
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fmt.Errorf("%w: %v", errAnswer, err)
	}
	if a.Status != "success" {
		return nil, fmt.Errorf("%w: status %q", errAnswer, a.Status)
	}
	if a.Data.ResultType != "vector" {
		return nil, errAnswer
	}
	out := make(counts)
	for _, s := range a.Data.Result {
		t := tables[0]
		if name := s.Metric["table"]; name != "" {
			t = tableNamed(name)
		}
		n, err := strconv.Atoi(s.Metric["code"])
		if err != nil || t == nil || t.Index(n) < 0 {
			continue
		}
		v, ok := s.Value[1].(string)
		if !ok {
			return nil, errAnswer
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || f < 0 || f > 1e15 {
			continue
		}
		// increase extrapolates to the ends of the range: a count of
		// results is a whole number.
		if out[t.Name()] == nil {
			out[t.Name()] = make(map[int]int64)
		}
		out[t.Name()][n] += int64(math.Round(f))
	}
	return out, nil
}
