package huiyan

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/internal/load"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestTablesApart checks that a code is read in its own table: 302 and
// 303 mean other things in the FaceID table than in the Huiyan table.
func TestTablesApart(t *testing.T) {
	tests := []struct {
		name  string
		got   func() (table, title string, known bool)
		table string
		title string // zh-CN
	}{
		{"huiyan 302", msgOf(LocalizeWith(nil, messages.SMSRateLimited, "zh-CN", nil)), "huiyan", "超过发送频率限制"},
		{"faceid 302", msgOf(LocalizeWith(nil, faceid.IDCardExpired, "zh-CN", nil)), "faceid", "身份证已过期"},
		{"huiyan 303", msgOf(LocalizeWith(nil, messages.SMSDailyLimit, "zh-CN", nil)), "huiyan", "超过当日发送最大次数"},
		{"faceid 303", msgOf(LocalizeWith(nil, faceid.IDCardScanFailed, "zh-CN", nil)), "faceid", "扫描识别失败"},
		{"faceid 2016", msgOf(LocalizeWith(nil, faceid.SimilarityTooLow, "zh-CN", nil)), "faceid", "相似度未达到通过阈值"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, title, known := tt.got()
			if table != tt.table || !known || !strings.Contains(title, tt.title) {
				t.Errorf("table %q, title %q, known %v; want table %q and a title with %q", table, title, known, tt.table, tt.title)
			}
		})
	}
	// The package-level Localize, the Huiyan table's, is unchanged.
	if m := Localize(302, "zh-CN"); m != Default().Localize(messages.SMSRateLimited, "zh-CN") || !strings.Contains(m.Title, "频率") {
		t.Errorf("Localize(302) = %+v", m)
	}
}

// msgOf returns what TestTablesApart compares of m.
func msgOf[C messages.TableCode](m MessageOf[C]) func() (string, string, bool) {
	return func() (string, string, bool) { return m.Code.Table().Name(), m.Title, m.Known }
}

// TestFaceIDUnknownSections checks that a FaceID code outside the table
// gets the texts of its section: a 12xx is a liveness action problem, a
// 20xx an image comparison problem, not a general one.
func TestFaceIDUnknownSections(t *testing.T) {
	b := Default()
	tb := b.forTable(faceid.Table)
	tests := []struct {
		code    faceid.Code
		section int
	}{
		{1299, faceid.LivenessAction},
		{1206, faceid.LivenessAction},
		{2099, faceid.ImageComparison},
		{2999, faceid.ImageComparison},
		{1150, faceid.LivenessNumber},
		{1099, faceid.Liveness},
		{1399, faceid.Liveness},
		{250, faceid.WeChat},
		{399, faceid.IDCard},
		{5000, faceid.System},
		{-1, faceid.System},
	}
	for _, tt := range tests {
		if got, want := tt.code.Section(), faceid.Table.Categories()[tt.section].Key; got != want {
			t.Errorf("%d: section %q, want %q", tt.code, got, want)
		}
		for li, l := range tb.locales {
			m := LocalizeWith(b, tt.code, l.name, nil)
			want := l.cats[tt.section][load.FieldUser]
			if want == nil {
				t.Fatalf("%s has no user text for section %d", l.name, tt.section)
			}
			if m.Known || m.User != want.Render(l.tag, load.Values{Code: int(tt.code)}) || !strings.Contains(m.Title, strconv.Itoa(int(tt.code))) {
				t.Errorf("%d in %s (locale %d): %+v, want the texts of section %s", tt.code, l.name, li, m, faceid.Table.Categories()[tt.section].Key)
			}
		}
	}
}

// TestFaceIDComplete checks that every FaceID code has its user text and
// title in every shipped locale, its own and not another locale's.
func TestFaceIDComplete(t *testing.T) {
	b := Default()
	langs := b.forTable(faceid.Table).Locales()
	if !slices.Equal(langs, b.Locales()) {
		t.Errorf("FaceID locales %q, Huiyan's %q", langs, b.Locales())
	}
	for _, lang := range langs {
		for _, e := range faceid.Table.Entries() {
			m := LocalizeWith(b, faceid.Code(e.Code), lang, nil)
			if !m.Known || m.User == "" || m.Title == "" || m.Lang != lang {
				t.Errorf("%d in %s: %+v", e.Code, lang, m)
			}
		}
	}
}

// TestMessageOfJSON checks the JSON of a FaceID message: its table, the
// name and section of its code, and billed for a billed result.
func TestMessageOfJSON(t *testing.T) {
	data, err := json.Marshal(LocalizeWith(nil, faceid.SimilarityTooLow, "en-US", nil))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"table":"faceid","code":2016,"name":"SimilarityTooLow","category":"image_comparison","known":true,"billed":true,"lang":"en-US",`
	if !strings.HasPrefix(string(data), want) {
		t.Errorf("JSON %s\nwant it to start with %s", data, want)
	}
	data, err = json.Marshal(LocalizeWith(nil, faceid.IDCardExpired, "en-US", nil))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "billed") {
		t.Errorf("JSON of a result not billed has billed: %s", data)
	}
}

// TestTableLayers checks that a deployment's layer changes a FaceID text
// as it changes a Huiyan one, that a layer without FaceID files leaves the
// table to the embedded files, and that a broken FaceID file fails the
// load, naming it.
func TestTableLayers(t *testing.T) {
	over := fstest.MapFS{
		"faceid.en-US.toml": {Data: []byte("[2016]\nuser = \"Our own words for 2016.\"\n")},
	}
	b, err := NewBundle(shippedFS(t), over)
	if err != nil {
		t.Fatal(err)
	}
	if got := LocalizeWith(b, faceid.SimilarityTooLow, "en", nil).User; got != "Our own words for 2016." {
		t.Errorf("layered 2016: %q", got)
	}
	if got := b.Localize(messages.SimilarityTooLow, "en").User; got != Default().Localize(messages.SimilarityTooLow, "en").User {
		t.Errorf("a FaceID layer changed Huiyan's 604: %q", got)
	}

	huiyanOnly := shippedFS(t)
	for name := range huiyanOnly {
		if strings.HasPrefix(name, "faceid.") {
			delete(huiyanOnly, name)
		}
	}
	b, err = NewBundle(huiyanOnly)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := LocalizeWith(b, faceid.IDCardExpired, "zh-TW", nil), LocalizeWith(nil, faceid.IDCardExpired, "zh-TW", nil); got != want {
		t.Errorf("without FaceID files: %+v, want the embedded %+v", got, want)
	}

	broken := fstest.MapFS{"faceid.en-US.toml": {Data: []byte("[2016]\nuser = \"unterminated\n")}}
	_, err = NewBundle(shippedFS(t), broken)
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "faceid.en-US.toml" || fe.Line != 2 {
		t.Errorf("broken FaceID file: %v", err)
	}

	unknown := fstest.MapFS{"faceid.en-US.toml": {Data: []byte("[604]\nuser = \"no such FaceID code\"\n")}}
	if _, err := NewBundle(shippedFS(t), unknown); err == nil || !strings.Contains(err.Error(), "faceid.en-US.toml:1") {
		t.Errorf("a code the FaceID table lacks: %v", err)
	}
}

// otherCode is a code of a table that no bundle serves.
type otherCode int

var otherTable = messages.NewTable("other", []messages.CategoryInfo{{Key: "general", Name: "General", Status: 422}}, []messages.Entry{{Code: 1, Name: "One", Status: 422}})

func (otherCode) Table() *messages.Table { return otherTable }
func (c otherCode) String() string       { return "otherCode(" + strconv.Itoa(int(c)) + ")" }

// TestTableNotServed checks that a code of a table the bundle does not
// serve gets general texts, and never an empty user text or a panic.
func TestTableNotServed(t *testing.T) {
	m := LocalizeWith(nil, otherCode(1), "en", nil)
	if m.Known || m.User == "" || m.Code != 1 {
		t.Errorf("%+v", m)
	}
}

// TestDefaultTablesConcurrent checks that the first uses of the default
// bundle's tables, from many goroutines at once, agree.
func TestDefaultTablesConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]string, 16)
	for i := range got {
		wg.Go(func() {
			if i%2 == 0 {
				got[i] = LocalizeWith(nil, faceid.IDCardExpired, "en", nil).User
			} else {
				got[i] = LocalizeWith(Default(), faceid.IDCardExpired, "en", nil).User
			}
		})
	}
	wg.Wait()
	for _, s := range got {
		if s == "" || s != got[0] {
			t.Fatalf("users %q", got)
		}
	}
}

// TestWatchFaceIDFiles checks that a Watcher reloads a FaceID file of its
// directory as it does a Huiyan file, and keeps serving through a fault.
func TestWatchFaceIDFiles(t *testing.T) {
	dir := t.TempDir()
	w, err := Watch(dir, WatchOptions{Interval: time.Hour, OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	shipped := LocalizeWith(w, faceid.SimilarityTooLow, "en", nil).User
	name := filepath.Join(dir, "faceid.en-US.toml")
	writeFile(t, name, "[2016]\nuser = \"Edited 2016.\"\n")
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := LocalizeWith(w, faceid.SimilarityTooLow, "en", nil).User; got != "Edited 2016." {
		t.Errorf("after the edit: %q", got)
	}
	writeFile(t, name, "[2016]\nuser = \"broken\n")
	var fe *FileError
	if err := w.Reload(); !errors.As(err, &fe) || fe.File != name {
		t.Errorf("a broken FaceID file: %v", err)
	}
	if got := LocalizeWith(w, faceid.SimilarityTooLow, "en", nil).User; got != "Edited 2016." {
		t.Errorf("through the fault: %q", got)
	}
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := w.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := LocalizeWith(w, faceid.SimilarityTooLow, "en", nil).User; got != shipped {
		t.Errorf("after removing the file: %q, want %q", got, shipped)
	}
}

// TestFaceIDTitles checks that the zh-CN title of every FaceID code is
// Tencent's 含义 for it (testdata/faceid-meanings.tsv, read from the pages
// faceid/doc.go names), word for word: full-width and ASCII punctuation
// and spaces aside, as pages and copies of them differ in those. Codes 9
// and 11 have only an English row.
func TestFaceIDTitles(t *testing.T) {
	data, err := os.ReadFile("testdata/faceid-meanings.tsv")
	if err != nil {
		t.Fatal(err)
	}
	norm := strings.NewReplacer("，", ",", "（", "(", "）", ")", "：", ":", "；", ";", "、", ",", " ", "", "\u00a0", "")
	seen := map[int]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		code, meaning, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(code)
		if !ok || err != nil {
			t.Fatalf("bad line %q", line)
		}
		seen[n] = true
		m := LocalizeWith(nil, faceid.Code(n), "zh-CN", nil)
		if !m.Known || norm.Replace(m.Title) != norm.Replace(meaning) {
			t.Errorf("%d: zh-CN title %q, Tencent's 含义 %q", n, m.Title, meaning)
		}
	}
	for _, e := range faceid.Table.Entries() {
		if !seen[e.Code] && e.Code != 9 && e.Code != 11 {
			t.Errorf("%d (%s) has no 含义 in testdata/faceid-meanings.tsv", e.Code, e.Name)
		}
	}
}

// TestFaceIDFilesBounded checks that the bounds of the Huiyan files hold
// for the FaceID files: a file over 1 MiB and a text over 4096 bytes are
// refused, naming the file.
func TestFaceIDFilesBounded(t *testing.T) {
	huge := fstest.MapFS{"faceid.en-US.toml": {Data: []byte("# " + strings.Repeat("x", load.MaxFileSize) + "\n")}}
	if _, err := NewBundle(shippedFS(t), huge); err == nil || !strings.Contains(err.Error(), "faceid.en-US.toml: the file is") {
		t.Errorf("a huge FaceID file: %v", err)
	}
	long := fstest.MapFS{"faceid.en-US.toml": {Data: []byte("[2016]\nuser = \"" + strings.Repeat("x", load.MaxTextSize+1) + "\"\n")}}
	if _, err := NewBundle(shippedFS(t), long); err == nil || !strings.Contains(err.Error(), "faceid.en-US.toml:2: 2016.user is 4097 bytes long") {
		t.Errorf("a long FaceID text: %v", err)
	}
}
