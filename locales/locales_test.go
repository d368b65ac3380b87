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
// exactly the codes of UniformIdentityCodes one and the same user text,
// and nothing else: the group is the list, and the layer follows it.
func TestUniformIdentityCodes(t *testing.T) {
	codes := UniformIdentityCodes()
	if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != len(codes) {
		t.Errorf("UniformIdentityCodes() = %v, want increasing codes", codes)
	}
	if !slices.Contains(codes, UniformIdentityCode) {
		t.Errorf("UniformIdentityCode %d is not in the group %v", UniformIdentityCode, codes)
	}
	want := make([]string, len(codes))
	for i, c := range codes {
		want[i] = strconv.Itoa(c)
	}
	slices.Sort(want)                                           // as the keys of a file sort
	names, err := fs.Glob(UniformIdentity, "[a-z][a-z]-*.toml") // the Huiyan table's
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var file map[string]map[string]any
			if _, err := toml.DecodeFS(UniformIdentity, name, &file); err != nil {
				t.Fatal(err)
			}
			got := slices.Sorted(maps.Keys(file))
			if !slices.Equal(got, want) {
				t.Errorf("codes %v, want %v", got, want)
			}
			texts := map[any]bool{}
			for code, table := range file {
				if len(table) != 1 || table["user"] == nil {
					t.Errorf("[%s] holds %v, want a user text only", code, slices.Sorted(maps.Keys(table)))
				}
				texts[table["user"]] = true
			}
			if len(texts) != 1 {
				t.Errorf("%d user texts %v, want one", len(texts), texts)
			}
		})
	}
	// The list is the caller's copy.
	UniformIdentityCodes()[0] = 0
	if UniformIdentityCodes()[0] == 0 {
		t.Error("a caller changed the group")
	}
}
