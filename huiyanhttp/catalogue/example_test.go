package catalogue_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

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
	w, err := huiyan.Watch(dir)
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
