package load

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestTableFiles checks how a layer's file names say their table: a
// Huiyan file is named for its locale, a FaceID file starts with
// "faceid."; a locale may have a file in each table, but not two in one;
// and a prefix that names no table leaves the file skipped.
func TestTableFiles(t *testing.T) {
	layer := fstest.MapFS{
		"zh-CN.toml":        {Data: []byte("[655]\nuser = \"a\"\n")},
		"faceid.zh-CN.toml": {Data: []byte("[2016]\nuser = \"b\"\n")},
		"faceid.zh_CN.toml": {Data: []byte("[2016]\nuser = \"c\"\n")},
		"faceid.en.toml":    {Data: []byte("[2016]\nuser = \"d\"\n")},
		"other.en-US.toml":  {Data: []byte("[1]\nuser = \"e\"\n")},
	}
	var ps Problems
	srcs := Read(Layers([]fs.FS{layer}), &ps)
	tables := map[string]string{}
	for _, f := range srcs[0].Files {
		tables[f.Base] = f.Table.Name() + " " + f.Tag.String()
	}
	want := map[string]string{"zh-CN.toml": "huiyan zh-CN", "faceid.en.toml": "faceid en", "faceid.zh-CN.toml": "faceid zh-CN"}
	for name, w := range want {
		if tables[name] != w {
			t.Errorf("%s: %q, want %q (all: %v)", name, tables[name], w, tables)
		}
	}
	msgs := problemText(ps)
	if !strings.Contains(msgs, "faceid.zh_CN.toml:1: locale zh-CN is also defined by faceid.zh-CN.toml") {
		t.Errorf("two FaceID files of one locale: %s", msgs)
	}
	if !strings.Contains(msgs, `other.en-US.toml: skipped: "other.en-US.toml" is not named for a language tag`) {
		t.Errorf("a prefix that names no table: %s", msgs)
	}
	if !HasFiles(faceid.Table, srcs) || HasFiles(faceid.Table, OfTable(messages.Huiyan, srcs)) {
		t.Error("HasFiles, OfTable")
	}
	for _, tt := range []struct {
		tbl  *messages.Table
		tag  string
		want string
	}{
		{messages.Huiyan, "zh-CN", "zh-CN.toml"},
		{faceid.Table, "zh-CN", "faceid.zh-CN.toml"},
	} {
		if got := FileName(tt.tbl, tt.tag); got != tt.want {
			t.Errorf("FileName(%s, %s) = %q, want %q", tt.tbl.Name(), tt.tag, got, tt.want)
		}
	}
}

// TestLoadTableCanonicalMissing checks that a table's texts are checked
// against its own canonical file, and that the problem names it.
func TestLoadTableCanonicalMissing(t *testing.T) {
	layer := fstest.MapFS{"faceid.en-US.toml": {Data: []byte("[2016]\nuser = \"x\"\n")}}
	l := Load(faceid.Table, Layers([]fs.FS{layer}))
	if got := problemText(l.Problems); !strings.Contains(got, "faceid.zh-CN.toml: the canonical locale zh-CN of table faceid is missing") {
		t.Errorf("problems: %s", got)
	}
	if got := problemText(Load(messages.Huiyan, Layers([]fs.FS{layer})).Problems); !strings.Contains(got, "zh-CN.toml: the canonical locale zh-CN is missing") || strings.Contains(got, "2016") {
		t.Errorf("the Huiyan table read a FaceID file: %s", got)
	}
}

// problemText returns every problem, advice included, one a line.
func problemText(ps Problems) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString(p.Error() + "\n")
	}
	return sb.String()
}

// TestReadTables checks that Read of some tables reads the files of those
// alone, and of every table without any.
func TestReadTables(t *testing.T) {
	layer := fstest.MapFS{
		"zh-CN.toml":        {Data: []byte("[655]\nuser = \"a\"\n")},
		"faceid.zh-CN.toml": {Data: []byte("[2016]\nuser = \"b\"\n")},
	}
	for _, tt := range []struct {
		tables []*messages.Table
		want   []string
	}{
		{nil, []string{"faceid.zh-CN.toml", "zh-CN.toml"}},
		{[]*messages.Table{messages.Huiyan}, []string{"zh-CN.toml"}},
		{[]*messages.Table{faceid.Table}, []string{"faceid.zh-CN.toml"}},
	} {
		var ps Problems
		var got []string
		for _, f := range Read(Layers([]fs.FS{layer}), &ps, tt.tables...)[0].Files {
			got = append(got, f.Base)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") || len(ps) != 0 {
			t.Errorf("Read of %d tables: %q, %v; want %q", len(tt.tables), got, ps, tt.want)
		}
	}
}
