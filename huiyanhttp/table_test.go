package huiyanhttp_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/huiyanhttp"
	"github.com/huiyan-i18n/huiyan/messages"
)

// ownCode is a code of a table that no Bundle serves: a caller's own type
// that satisfies messages.TableCode.
type ownCode int

var ownTable = messages.NewTable("own", []messages.CategoryInfo{{Key: "general", Name: "General", Status: 422}}, []messages.Entry{{Code: 7, Name: "Seven", Status: 409}})

func (ownCode) Table() *messages.Table { return ownTable }
func (c ownCode) String() string       { return "ownCode(" + strconv.Itoa(int(c)) + ")" }

// TestTableNotServed checks that a code of a table that no Bundle serves
// is answered, with its table's status, its own String as name, and the Huiyan table's
// general texts, and observed as a code outside its table: never a panic,
// never an index into another table's answers or labels.
func TestTableNotServed(t *testing.T) {
	var got []huiyanhttp.Result
	h, _ := resultServer(huiyan.Default(), ownCode(7), nil, huiyanhttp.WithObserver(observerFunc(func(r huiyanhttp.Result) { got = append(got, r) })))
	w := get(h, "/?lang=en")
	var p struct {
		Title, Table, Name string
		Status, Code       int
	}
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("%v: %s", err, w.Body.String())
	}
	if w.Code != 409 || p.Status != 409 || p.Table != "own" || p.Code != 7 || p.Name != "ownCode(7)" || p.Title == "" {
		t.Errorf("%d %s", w.Code, w.Body.String())
	}
	if len(got) != 1 || got[0].Table != "own" || got[0].Code != "other" || got[0].Name != "Unknown" || got[0].Category != "general" {
		t.Errorf("observed %+v", got)
	}
}

// observerFunc is an Observer of a function.
type observerFunc func(huiyanhttp.Result)

func (f observerFunc) ObserveResult(r huiyanhttp.Result) { f(r) }
