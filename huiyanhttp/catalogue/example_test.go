package catalogue_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp/catalogue"
)

func ExampleNew() {
	dir, err := os.MkdirTemp("", "huiyan-locales")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// The embedded texts, and a directory of the deployment's own,
	// reloaded as they change: the page at /huiyan/, the API at
	// /huiyan/api/codes, a code's page at /huiyan/codes/655.
	w, err := huiyan.Watch(dir, huiyan.WatchOptions{})
	if err != nil {
		log.Fatal(err)
	}
	defer w.Close()
	mux := http.NewServeMux()
	mux.Handle("/huiyan/", http.StripPrefix("/huiyan", catalogue.New(w)))

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/huiyan/api/codes/655?lang=en", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Language"))
	// Output:
	// 200 application/json en-US
}

func ExampleNew_tables() {
	// The same number in each table: the table parameter names the
	// FaceID table on the page and in the API alike, and every answer
	// of the API names its table.
	h := catalogue.New(nil)
	for _, target := range []string{"/api/codes/302?lang=en", "/api/codes/302?lang=en&table=faceid", "/api/codes/302?table=FaceID"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		var m struct{ Table, Name, Detail string }
		json.Unmarshal(rec.Body.Bytes(), &m)
		fmt.Printf("%d %s: %s\n", rec.Code, m.Table, cmp.Or(m.Name, m.Detail))
	}
	// Output:
	// 200 huiyan: SMSRateLimited
	// 200 faceid: IDCardExpired
	// 400 : There is no such table: the table parameter is huiyan or faceid.
}

func ExampleAllowHosts() {
	// A server of its own on loopback answers requests for localhost
	// and the name of the proxy in front of it, and no other: a web page
	// cannot point a name of its own at 127.0.0.1 and read the page.
	h := catalogue.AllowHosts(catalogue.New(nil), "ops.example.com")
	for _, host := range []string{"localhost:8080", "127.0.0.1:8080", "ops.example.com", "rebind.attacker.example:8080"} {
		req := httptest.NewRequest("GET", "/api/codes/655", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(host, rec.Code)
	}
	// Output:
	// localhost:8080 200
	// 127.0.0.1:8080 200
	// ops.example.com 200
	// rebind.attacker.example:8080 421
}

func ExampleWithPrometheus() {
	// A Prometheus that has counted FaceTooClose three times in the
	// fleet over the last day.
	prom := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"655"},"value":[1764493200,"3"]}]}}`)
	}))
	defer prom.Close()

	h := catalogue.New(huiyan.Default(), catalogue.WithPrometheus(prom.URL))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/codes/655?lang=en-US", nil))
	for line := range strings.Lines(w.Body.String()) {
		if strings.Contains(line, `class="uses"`) || strings.Contains(line, `class="vh"`) {
			fmt.Print(line)
		}
	}
	// Output:
	// <data class="uses" value="3">3</data>
	// <span class="vh">3 in the last day, 100.0% of all</span></p>
}
