package load

import (
	"io/fs"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/huiyan-i18n/huiyan/locales"
)

// TestGoI18nReadsTheSameMessages checks that go-i18n's own parser (and so
// goi18n) reads the shipped files as huiyan does.
func TestGoI18nReadsTheSameMessages(t *testing.T) {
	entries, _ := fs.ReadDir(locales.FS, ".")
	for _, e := range entries {
		data, _ := fs.ReadFile(locales.FS, e.Name())
		ib := i18n.NewBundle(CanonicalTag)
		ib.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		mf, err := ib.ParseMessageFileBytes(data, e.Name())
		if err != nil {
			t.Fatalf("go-i18n: %s: %v", e.Name(), err)
		}
		var ps Problems
		tbl, rest := tableOf(e.Name())
		tag, _ := localeTag(rest)
		f := &ParsedFile{File: &File{Name: e.Name(), Tag: tag, Data: data, Table: tbl}}
		parseFile(tbl, f, &ps)
		if err := ps.Err(); err != nil {
			t.Fatal(err)
		}
		got := make(map[string]i18n.Message)
		for _, tx := range f.Texts {
			got[tx.ID] = *tx.Msg
		}
		want := make(map[string]i18n.Message)
		for _, m := range mf.Messages {
			want[m.ID] = *m
		}
		if len(got) != len(want) {
			t.Errorf("%s: huiyan reads %d messages, go-i18n %d", e.Name(), len(got), len(want))
		}
		for id, w := range want {
			if got[id] != w {
				t.Errorf("%s: %s: huiyan %+v, go-i18n %+v", e.Name(), id, got[id], w)
			}
		}
		if mf.Tag != f.Tag {
			t.Errorf("%s: go-i18n reads locale %v, huiyan %v", e.Name(), mf.Tag, f.Tag)
		}
	}
}
