package locales

import (
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestFiles checks what each file system holds: the shipped locales at
// the root of FS, and the same locales in UniformIdentity, so that every
// shipped locale answers failed identity checks alike.
func TestFiles(t *testing.T) {
	want := []string{"en-US.toml", "faceid.en-US.toml", "faceid.zh-CN.toml", "faceid.zh-HK.toml", "faceid.zh-TW.toml", "zh-CN.toml", "zh-HK.toml", "zh-TW.toml"}
	for name, fsys := range map[string]fs.FS{"FS": FS, "UniformIdentity": UniformIdentity} {
		got, err := fs.Glob(fsys, "*.toml")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s holds %v, want %v", name, got, want)
		}
	}
}

// TestUniformIdentityCodes checks that each file of UniformIdentity gives
// exactly the codes of its table's list one and the same user text, and
// nothing else: the group is the list, and the layer follows it. The
// Huiyan table's files are named for their locale (zh-CN.toml), the
// FaceID table's with its name before it (faceid.zh-CN.toml); in each
// locale the two tables' files give one text, so that a service that
// loads the layer answers the members of both alike.
func TestUniformIdentityCodes(t *testing.T) {
	tables := []struct {
		name   string
		prefix string // of its files' names
		codes  []int
	}{
		{"huiyan", "", UniformIdentityCodes()},
		{"faceid", "faceid.", FaceIDUniformIdentityCodes()},
	}
	if !slices.Contains(tables[0].codes, UniformIdentityCode) {
		t.Errorf("UniformIdentityCode %d is not in the Huiyan table's group %v", UniformIdentityCode, tables[0].codes)
	}
	texts := map[string]map[string]bool{} // by locale, the texts of both tables
	for _, tbl := range tables {
		codes := tbl.codes
		if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != len(codes) {
			t.Errorf("%s: %v, want increasing codes", tbl.name, codes)
		}
		want := make([]string, len(codes))
		for i, c := range codes {
			want[i] = strconv.Itoa(c)
		}
		slices.Sort(want) // as the keys of a file sort
		for _, tag := range []string{"en-US", "zh-CN", "zh-HK", "zh-TW"} {
			name := tbl.prefix + tag + ".toml"
			t.Run(name, func(t *testing.T) {
				var file map[string]map[string]any
				if _, err := toml.DecodeFS(UniformIdentity, name, &file); err != nil {
					t.Fatal(err)
				}
				got := slices.Sorted(maps.Keys(file))
				if !slices.Equal(got, want) {
					t.Errorf("codes %v, want %v", got, want)
				}
				if texts[tag] == nil {
					texts[tag] = map[string]bool{}
				}
				for code, table := range file {
					if len(table) != 1 || table["user"] == nil {
						t.Errorf("[%s] holds %v, want a user text only", code, slices.Sorted(maps.Keys(table)))
					}
					text, _ := table["user"].(string)
					texts[tag][text] = true
				}
			})
		}
	}
	for tag, ts := range texts {
		if len(ts) != 1 {
			t.Errorf("%s: %d user texts %v, want one for both tables", tag, len(ts), slices.Sorted(maps.Keys(ts)))
		}
	}
	// The lists are the caller's copies.
	UniformIdentityCodes()[0] = 0
	FaceIDUniformIdentityCodes()[0] = 0
	if UniformIdentityCodes()[0] == 0 || FaceIDUniformIdentityCodes()[0] == 0 {
		t.Error("a caller changed the group")
	}
}
