package catalogue

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huiyan-i18n/huiyan"
	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/internal/export"
	"github.com/huiyan-i18n/huiyan/messages"
)

// anyCardID reads the id of every card, of any table: "302" for a Huiyan
// code, "faceid-302" for a FaceID code.
var anyCardID = regexp.MustCompile(`<article class="card[^"]*" id="([^"]+)"`)

// cardIDs returns the ids of the cards of a page, in order.
func cardIDs(page string) []string {
	var out []string
	for _, m := range anyCardID.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// faceIDs returns the card ids of FaceID codes.
func faceIDs(codes ...faceid.Code) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = "faceid-" + strconv.Itoa(int(c))
	}
	return out
}

var (
	tableNav   = regexp.MustCompile(`(?s)<nav class="tables".*?</nav>`)
	currentTab = regexp.MustCompile(`<a class="tab tab-([a-z]+)" href="([^"]*)" aria-current="(page|true)">`)
	brand      = regexp.MustCompile(`class="brand"><a href="[^"]*"><img[^>]*><span>([^<]*)</span>`)
)

// TestPageTableSwitch shows each table: the Huiyan table without a table
// parameter, the FaceID table with table=faceid, each with its own
// codes, categories and name, the switch marking the one shown, and the
// page's links keeping it.
func TestPageTableSwitch(t *testing.T) {
	h := New(huiyan.Default())
	faceAll := faceIDs(faceid.All()...)
	var huiyanAll []string
	for _, c := range messages.All() {
		huiyanAll = append(huiyanAll, strconv.Itoa(int(c)))
	}
	tests := []struct {
		name, target string
		cards        []string
		brand        string
		tab, current string // the table marked current, and how
		has          []string
		lacks        []string
	}{
		{name: "Huiyan by default", target: "/?lang=en-US", cards: huiyanAll, brand: "Huiyan error codes", tab: "huiyan", current: "page",
			has:   []string{`<option value="sms">SMS</option>`, `href="./?lang=en-US&amp;table=faceid"`},
			lacks: []string{`name="table"`, `value="id_card"`, "billed"}},
		{name: "Huiyan named", target: "/?lang=en-US&table=huiyan", cards: huiyanAll, brand: "Huiyan error codes", tab: "huiyan", current: "page",
			lacks: []string{"table=huiyan"}},
		{name: "FaceID", target: "/?lang=en-US&table=faceid", cards: faceAll, brand: "FaceID result codes", tab: "faceid", current: "page",
			has: []string{
				`<option value="liveness_action">Liveness: actions</option>`,
				`<input type="hidden" name="table" value="faceid">`,
				`href="?lang=zh-CN&amp;table=faceid" hreflang="zh-CN"`,
				`href="?lang=all&amp;ui=en-US&amp;table=faceid"`,
				`href="?lang=en-US&amp;table=faceid&amp;view=compact"`,
				`<a class="tab tab-huiyan" href="./?lang=en-US">`,
				`<a class="badge cat-id_card" href="./?lang=en-US&amp;table=faceid&amp;cat=id_card">ID card</a>`,
				`href="./codes/302?lang=en-US&amp;table=faceid"`,
				`href="./api/codes/302?lang=en-US&amp;table=faceid"`,
			},
			lacks: []string{`value="sms"`}},
		{name: "FaceID in Chinese, a section", target: "/?lang=zh-CN&table=faceid&cat=liveness_action", cards: faceIDs(faceid.LightTooDim, faceid.PoorLighting, faceid.FaceDistance1203, faceid.FaceDistance1204, faceid.FaceDistance1205),
			brand: "人脸核身返回码", tab: "faceid", current: "page", has: []string{`<option value="liveness_action" selected>动作活体</option>`}},
		{name: "FaceID side by side", target: "/?lang=all&ui=zh-TW&table=faceid&cat=id_card", cards: faceIDs(faceid.IDNumberMismatch, faceid.IDCardExpired, faceid.IDCardScanFailed),
			brand: "人臉核身返回碼", tab: "faceid", current: "page"},
		{name: "a FaceID code's page", target: "/codes/302?lang=en-US&table=faceid", cards: faceIDs(faceid.IDCardExpired), brand: "FaceID result codes", tab: "faceid", current: "true",
			has: []string{`<a class="tab tab-faceid" href="../?lang=en-US&amp;table=faceid" aria-current="true">`, `class="crumbs"><a href="../?lang=en-US&amp;table=faceid#faceid-302">`}},
		{name: "a Huiyan code's page", target: "/codes/302?lang=en-US", cards: []string{"302"}, brand: "Huiyan error codes", tab: "huiyan", current: "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			page := body(t, res)
			if got := cardIDs(page); !slices.Equal(got, tt.cards) {
				t.Errorf("cards %v, want %v", got, tt.cards)
			}
			if m := brand.FindStringSubmatch(page); m == nil || m[1] != tt.brand {
				t.Errorf("the brand %q, want %q", m, tt.brand)
			}
			tabs := currentTab.FindAllStringSubmatch(tableNav.FindString(page), -1)
			if len(tabs) != 1 || tabs[0][1] != tt.tab || tabs[0][3] != tt.current {
				t.Errorf("current tabs %q, want %s marked %s", tabs, tt.tab, tt.current)
			}
			for _, s := range tt.has {
				if !strings.Contains(page, s) {
					t.Errorf("the page lacks %s", s)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(page, s) {
					t.Errorf("the page has %s", s)
				}
			}
		})
	}
}

// TestPageTexts of a FaceID code: the page shows its own texts, not
// those of the Huiyan code of the same number.
func TestPageFaceIDTexts(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	unmark := strings.NewReplacer("<mark>", "", "</mark>", "")
	for _, target := range []string{"/?lang=zh-CN&table=faceid", "/codes/302?lang=zh-CN&table=faceid", "/?lang=zh-CN&q=302"} {
		page := html.UnescapeString(unmark.Replace(body(t, get(t, h, target))))
		face := huiyan.LocalizeWith(b, faceid.IDCardExpired, "zh-CN", nil)
		for _, s := range []string{face.User, face.Title, face.Detail, face.Remedy} {
			if !strings.Contains(page, s) {
				t.Errorf("%s lacks FaceID 302's %q", target, s)
			}
		}
	}
}

// TestSearchAcrossTables searches from either table: the list has the
// codes of both, the shown table's first, each card naming its table; a
// code that is in both, such as 302, shows twice, once per table; a
// category narrows the search to its table.
func TestSearchAcrossTables(t *testing.T) {
	h := New(huiyan.Default())
	tests := []struct {
		name, target string
		cards        []string
		tags         []string // the table each card names, in order
	}{
		{"302 from Huiyan", "/?lang=en-US&q=302", []string{"302", "faceid-302", "faceid-1302"}, []string{"Huiyan", "FaceID", "FaceID"}},
		{"302 from FaceID", "/?lang=en-US&table=faceid&q=302", []string{"faceid-302", "faceid-1302", "302"}, []string{"FaceID", "FaceID", "Huiyan"}},
		{"#303 in Chinese", "/?lang=zh-CN&q=%23303", []string{"303", "faceid-303", "faceid-1303"}, []string{"慧眼", "人脸核身", "人脸核身"}},
		{"a FaceID name from Huiyan", "/?lang=en-US&q=datasourceupgrading", []string{"faceid-2017"}, []string{"FaceID"}},
		{"a FaceID code from Huiyan: no Huiyan card for it", "/?lang=en-US&q=2016", []string{"faceid-2016"}, []string{"FaceID"}},
		{"a code in no table: its card in the table shown", "/?lang=en-US&table=faceid&q=1299", []string{"faceid-1299"}, []string{"FaceID"}},
		{"a category: its table only", "/?lang=en-US&table=faceid&cat=id_card&q=302", []string{"faceid-302"}, nil},
		{"a Huiyan category", "/?lang=en-US&cat=sms&q=302", []string{"302"}, nil},
	}
	tag := regexp.MustCompile(`<span class="tbl tbl-[a-z]+">([^<]*)</span>`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, h, tt.target))
			if got := cardIDs(page); !slices.Equal(got, tt.cards) {
				t.Errorf("cards %v, want %v", got, tt.cards)
			}
			var tags []string
			for _, m := range tag.FindAllStringSubmatch(page, -1) {
				tags = append(tags, m[1])
			}
			if !slices.Equal(tags, tt.tags) {
				t.Errorf("table tags %q, want %q", tags, tt.tags)
			}
		})
	}
}

// TestSearchBothLabelled reads the two cards of 302: each heading names
// its table before its title, and each links to its own page and JSON.
func TestSearchBothLabelled(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	page := body(t, get(t, h, "/?lang=en-US&q=302"))
	sms := b.Localize(messages.Code(302), "en-US").Title
	card := huiyan.LocalizeWith(b, faceid.IDCardExpired, "en-US", nil).Title
	for _, want := range []string{
		`<h2 class="title" lang="en-US"><span class="tbl tbl-huiyan">Huiyan</span> ` + html.EscapeString(sms) + `</h2>`,
		`<h2 class="title" lang="en-US"><span class="tbl tbl-faceid">FaceID</span> ` + html.EscapeString(card) + `</h2>`,
		`<a href="./codes/302?lang=en-US">Link</a><a href="./api/codes/302?lang=en-US">JSON</a>`,
		`<a href="./codes/302?lang=en-US&amp;table=faceid">Link</a><a href="./api/codes/302?lang=en-US&amp;table=faceid">JSON</a>`,
		`<p class="count">Huiyan error codes: 1 of 73 · FaceID result codes: 2 of 67`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	compact := body(t, get(t, h, "/?lang=en-US&q=302&view=compact"))
	for _, want := range []string{
		`<table class="codes mixed">`,
		`<th scope="col" class="c-table">Table</th>`,
		`<tr id="302">`,
		`<tr id="faceid-302">`,
		`<td class="c-table"><span class="tbl tbl-faceid">FaceID</span></td>`,
	} {
		if !strings.Contains(compact, want) {
			t.Errorf("the compact list lacks %s", want)
		}
	}
}

// TestCodePageNamesTheOtherTable opens the page of a code that both
// tables have: it says what the other table's code means, and links to
// it; a code of one table alone says nothing of the other.
func TestCodePageNamesTheOtherTable(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	also := regexp.MustCompile(`<p class="note also">([^<]*) <a href="([^"]*)" lang="([^"]*)">([^<]*)</a></p>`)
	tests := []struct {
		name, target string
		want         []string // lead, href, lang, title; nil for no note
	}{
		{"Huiyan 302", "/codes/302?lang=en-US", []string{"302 is also one of the FaceID result codes:", "../codes/302?lang=en-US&amp;table=faceid", "en-US", huiyan.LocalizeWith(b, faceid.IDCardExpired, "en-US", nil).Title}},
		{"FaceID 303, in Chinese", "/codes/303?lang=zh-CN&table=faceid", []string{"慧眼错误码中也有 303：", "../codes/303?lang=zh-CN", "zh-CN", b.Localize(303, "zh-CN").Title}},
		{"Huiyan 655", "/codes/655?lang=en-US", nil},
		{"FaceID 2016", "/codes/2016?lang=en-US&table=faceid", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := also.FindStringSubmatch(body(t, get(t, h, tt.target)))
			if tt.want == nil {
				if m != nil {
					t.Errorf("a note of another table: %q", m[0])
				}
				return
			}
			if m == nil {
				t.Fatal("no note of the other table")
			}
			for i, want := range tt.want {
				if got := m[i+1]; html.UnescapeString(got) != html.UnescapeString(want) {
					t.Errorf("part %d %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

// TestBilledFlag reads whether each FaceID result is billed, in words: on
// every card of a known code and in the compact list's column; the
// Huiyan table, whose documentation does not say, shows neither.
func TestBilledFlag(t *testing.T) {
	h := New(huiyan.Default())
	tag := regexp.MustCompile(`<article class="card[^"]*" id="faceid-(\d+)">[^§]*?<span class="tag bill( billed)?">([^<]*)</span>`)
	cell := regexp.MustCompile(`<tr id="faceid-(\d+)">[^§]*?<td class="c-billed( billed)?"><span class="lbl">Billed: </span>([^<]*)</td>`)
	billed := map[string]bool{}
	yes := 0
	for _, c := range faceid.All() {
		billed[strconv.Itoa(int(c))] = c.Billed()
		if c.Billed() {
			yes++
		}
	}
	if yes < 4 || yes == len(billed) {
		t.Fatalf("%d of %d codes billed: the test would not tell them apart", yes, len(billed))
	}
	tests := []struct {
		name, target string
		re           *regexp.Regexp
		yes, no      string
	}{
		{"cards", "/?lang=en-US&table=faceid", tag, "billed", "not billed"},
		{"cards in Chinese", "/?lang=zh-CN&table=faceid", tag, "收费", "不收费"},
		{"compact", "/?lang=en-US&table=faceid&view=compact", cell, "yes", "no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, h, tt.target))
			ms := tt.re.FindAllStringSubmatch(page, -1)
			if len(ms) != len(billed) {
				t.Errorf("%d codes say whether they are billed, want every one of %d", len(ms), len(billed))
			}
			for _, m := range ms {
				want, class := tt.no, ""
				if billed[m[1]] {
					want, class = tt.yes, " billed"
				}
				if m[3] != want || m[2] != class {
					t.Errorf("%s says %q (class %q), want %q", m[1], m[3], m[2], want)
				}
			}
		})
	}
	if page := body(t, get(t, h, "/codes/1299?lang=en-US&table=faceid")); strings.Contains(page, "tag bill") {
		t.Error("a code not in the table says whether it is billed")
	}
	for _, target := range []string{"/?lang=en-US", "/?lang=en-US&view=compact", "/codes/302?lang=en-US"} {
		if page := body(t, get(t, h, target)); strings.Contains(page, "bill") {
			t.Errorf("%s: the Huiyan table says whether results are billed", target)
		}
	}
}

// TestUnknownTable asks for tables that are none: the page answers 400
// in its layout, with the table switch to choose one, and the API a
// problem; neither repeats the value, and both are the size of the
// answer to an ordinary wrong name.
func TestUnknownTable(t *testing.T) {
	h := New(huiyan.Default())
	huge := strings.Repeat("faceid", 20_000)
	values := []struct{ name, value string }{
		{"a name", "nope"},
		{"capitals", "FaceID"},
		{"a name and more", "faceidx"},
		{"huge", huge},
		{"huge, of escapes", strings.Repeat("%66", 30_000)},
		{"markup", url.QueryEscape(`"><b>faceid</b>`)},
		{"a NUL", "faceid%00"},
		{"a bad escape", "%zz"},
		{"a cut escape", "faceid%6"},
		{"not UTF-8", "face%FFid"},
	}
	for _, path := range []string{"/", "/codes/302", "/api/codes", "/api/codes/302"} {
		api := strings.HasPrefix(path, "/api/")
		ordinary := len(body(t, get(t, h, path+"?lang=en-US&table=nope")))
		for _, v := range values {
			t.Run(path+" "+v.name, func(t *testing.T) {
				res := get(t, h, path+"?lang=en-US&table="+v.value+"&q=x")
				if res.StatusCode != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", res.StatusCode)
				}
				page := body(t, res)
				if len(page) > ordinary+64 {
					t.Errorf("%d bytes, the answer to table=nope %d", len(page), ordinary)
				}
				if strings.Contains(page, "<b>") || strings.Contains(page, "faceidfaceid") || strings.Contains(page, "FaceID&") {
					t.Error("the answer repeats the value")
				}
				if api {
					if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
						t.Errorf("Content-Type %q", ct)
					}
					var p struct{ Status int }
					if err := json.Unmarshal([]byte(page), &p); err != nil || p.Status != 400 || !strings.Contains(page, "huiyan or faceid") {
						t.Errorf("problem %s (%v)", page, err)
					}
					return
				}
				if ct := res.Header.Get("Content-Type"); ct != htmlType {
					t.Errorf("Content-Type %q", ct)
				}
				for _, want := range []string{english.NotTable, `<a class="tab tab-huiyan" href="`, `<a class="tab tab-faceid" href="`} {
					if !strings.Contains(html.UnescapeString(page), want) {
						t.Errorf("the page lacks %s", want)
					}
				}
				if currentTab.MatchString(page) {
					t.Error("a table is marked current")
				}
			})
		}
	}
	for _, target := range []string{"/?table=", "/api/codes?table=", "/api/codes/302?table=&lang=en"} {
		if res := get(t, h, target); res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: an empty table is no table", target, res.StatusCode)
		}
	}
}

// TestAPITables asks the API for each table as the page names it: every
// answer is what huiyan export and lookup -table print, and names its
// table.
func TestAPITables(t *testing.T) {
	b := huiyan.Default()
	h := New(b)
	tests := []struct {
		name, target, table string
		want                any
	}{
		{"Huiyan list", "/api/codes?lang=en-US", "huiyan", export.NewCatalogue[messages.Code](b, "en-US")},
		{"Huiyan list, named", "/api/codes?lang=en-US&table=huiyan", "huiyan", export.NewCatalogue[messages.Code](b, "en-US")},
		{"FaceID list", "/api/codes?lang=zh-TW&table=faceid", "faceid", export.NewCatalogue[faceid.Code](b, "zh-TW")},
		{"FaceID list, lang first", "/api/codes?table=faceid&lang=zh_CN", "faceid", export.NewCatalogue[faceid.Code](b, "zh_CN")},
		{"FaceID side by side", "/api/codes?lang=all&table=faceid", "faceid", export.NewSideBySide[faceid.Code](b)},
		{"Huiyan 302", "/api/codes/302?lang=en-US", "huiyan", b.Localize(302, "en-US")},
		{"FaceID 302", "/api/codes/302?lang=en-US&table=faceid", "faceid", huiyan.LocalizeWith(b, faceid.IDCardExpired, "en-US", nil)},
		{"FaceID 2016, billed", "/api/codes/2016?lang=en-US&table=faceid", "faceid", huiyan.LocalizeWith(b, faceid.SimilarityTooLow, "en-US", nil)},
		{"FaceID 1203 by Accept-Language", "/api/codes/1203?table=faceid", "faceid", huiyan.LocalizeWith(b, faceid.FaceDistance1203, "zh-CN", nil)},
		{"FaceID, not in the table", "/api/codes/1299?lang=en-US&table=faceid", "faceid", huiyan.LocalizeWith(b, faceid.Code(1299), "en-US", nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			got := body(t, res)
			if want := exported(t, tt.want); got != want {
				t.Errorf("body differs from huiyan export or lookup:\n got %.300s\nwant %.300s", got, want)
			}
			var v struct{ Table string }
			if err := json.Unmarshal([]byte(got), &v); err != nil || v.Table != tt.table {
				t.Errorf("table %q (%v), want %q", v.Table, err, tt.table)
			}
		})
	}
	var m struct{ Billed bool }
	if err := json.Unmarshal([]byte(body(t, get(t, h, "/api/codes/2016?table=faceid"))), &m); err != nil || !m.Billed {
		t.Errorf("FaceID 2016: billed %v (%v), want true", m.Billed, err)
	}
}

// TestCacheKeysTable reads the ETags of each table: the same path in two
// tables is two answers, and naming the default table is not naming
// none.
func TestCacheKeysTable(t *testing.T) {
	h := New(huiyan.Default())
	for _, path := range []string{"/?lang=en-US", "/?lang=en-US&q=302", "/codes/302?lang=en-US", "/api/codes?lang=en-US", "/api/codes?lang=all", "/api/codes/302?lang=en-US", "/api/codes/302?lang=all"} {
		t.Run(path, func(t *testing.T) {
			huiyanTag := get(t, h, path).Header.Get("ETag")
			faceTag := get(t, h, path+"&table=faceid").Header.Get("ETag")
			if huiyanTag == "" || faceTag == "" || huiyanTag == faceTag {
				t.Errorf("ETags %s and %s", huiyanTag, faceTag)
			}
			if got := get(t, h, path+"&table=huiyan").Header.Get("ETag"); got != huiyanTag {
				t.Errorf("table=huiyan: ETag %s, want that of no table, %s", got, huiyanTag)
			}
			if res := get(t, h, path+"&table=faceid", "If-None-Match", huiyanTag); res.StatusCode != http.StatusOK {
				t.Errorf("the Huiyan table's ETag for the FaceID table: status %d", res.StatusCode)
			}
		})
	}
	kept := h.(*handler).snapshot().pages
	if n := kept.order.Len(); n != 6 {
		t.Errorf("%d pages kept, want 6: 3 pages of 2 tables", n)
	}
}

// TestTableWords checks that the page has words for every table and
// every category of each, in every language it speaks.
func TestTableWords(t *testing.T) {
	for _, l := range labelSets {
		for _, tb := range tables {
			w := l.table(tb)
			if w.Name == "" || w.Short == "" || w.About == "" {
				t.Errorf("%s: %s: no name %q, %q, %q", l.Lang, tb.Name(), w.Name, w.Short, w.About)
			}
			if len(w.categories) != len(tb.Categories()) {
				t.Errorf("%s: %s: %d category names for %d categories", l.Lang, tb.Name(), len(w.categories), len(tb.Categories()))
			}
			for i, name := range w.categories {
				if name == "" {
					t.Errorf("%s: %s: no name for %s", l.Lang, tb.Name(), tb.Categories()[i].Key)
				}
			}
		}
	}
}

var usesOfAnyCard = regexp.MustCompile(`<article class="card[^"]*" id="([^"]+)">[^§]*?(?:<data class="uses" value="(\d+)">[^<]*</data>[^§]*?<span class="vh">([^<]*)</span>|</article>)`)

// TestPageCountsByTable reads the counts of each table, as Prometheus
// sums them by the table label: a code's count is its table's, and its
// share is of its table's total; sorted by count, a search's cards stay
// with their table's.
func TestPageCountsByTable(t *testing.T) {
	f := newFakePrometheus(t, answerWith(200, byTable))
	h := New(huiyan.Default(), WithPrometheus(f.URL+"/prom"))
	tests := []struct {
		name, target string
		want         map[string]string // card id: count and its words
		order        []string          // the cards, in order; nil for any
		total        string
	}{
		{name: "Huiyan", target: "/?lang=en-US", want: map[string]string{"302": "4 4 in the last day, 57.1% of all", "655": "3 3 in the last day, 42.9% of all", "0": "0 0 in the last day"}, total: "7 results in the last day"},
		{name: "FaceID", target: "/?lang=en-US&table=faceid", want: map[string]string{"faceid-302": "2 2 in the last day, 28.6% of all", "faceid-1203": "5 5 in the last day, 71.4% of all", "faceid-1201": "0 0 in the last day"}, total: "7 results in the last day"},
		{name: "FaceID sorted", target: "/?lang=en-US&table=faceid&sort=count&cat=liveness_action", order: faceIDs(1203, 1201, 1202, 1204, 1205)},
		{name: "a search sorted, from Huiyan", target: "/?lang=en-US&q=302&sort=count", order: []string{"302", "faceid-302", "faceid-1302"}},
		{name: "a search sorted, from FaceID", target: "/?lang=en-US&q=302&sort=count&table=faceid", order: []string{"faceid-302", "faceid-1302", "302"},
			want: map[string]string{"302": "4 4 in the last day, 57.1% of all", "faceid-302": "2 2 in the last day, 28.6% of all"}},
		{name: "a FaceID code's page", target: "/codes/1203?lang=en-US&table=faceid", want: map[string]string{"faceid-1203": "5 5 in the last day, 71.4% of all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, page := getPage(t, h, tt.target)
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			got := map[string]string{}
			var order []string
			for _, m := range usesOfAnyCard.FindAllStringSubmatch(page, -1) {
				order = append(order, m[1])
				if m[2] != "" {
					got[m[1]] = m[2] + " " + m[3]
				}
			}
			for id, want := range tt.want {
				if got[id] != want {
					t.Errorf("%s: %q, want %q", id, got[id], want)
				}
			}
			if tt.order != nil && !slices.Equal(order, tt.order) {
				t.Errorf("order %v, want %v", order, tt.order)
			}
			if tt.total != "" && !strings.Contains(page, `<p class="total">`+tt.total) {
				t.Errorf("the page does not say %q", tt.total)
			}
		})
	}
}
