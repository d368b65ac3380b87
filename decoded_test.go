package huiyan

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestDecodedCurrent checks that decoded.go holds every shipped file as it
// is now, decoded as BurntSushi/toml decodes it.
func TestDecodedCurrent(t *testing.T) {
	entries, err := fs.ReadDir(locales.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(decodedFiles) {
		t.Errorf("decoded.go holds %d files, locales has %d: run go generate", len(decodedFiles), len(entries))
	}
	for _, e := range entries {
		data, err := fs.ReadFile(locales.FS, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		got, ok := decoded(&localeFile{file: &file{base: e.Name(), data: data}})
		if !ok {
			t.Errorf("%s changed since decoded.go was generated: run go generate", e.Name())
			continue
		}
		var want map[string]any
		if _, err := toml.Decode(string(data), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded.go does not hold what decoding it gives: run go generate", e.Name())
		}
	}
}

// TestDecodedOnlyAsGenerated checks that a file is decoded, not taken
// from decoded.go, when a byte of it differs from the shipped file.
func TestDecodedOnlyAsGenerated(t *testing.T) {
	data, err := fs.ReadFile(locales.FS, "en-US.toml")
	if err != nil {
		t.Fatal(err)
	}
	edited := []byte(strings.Replace(string(data), "Your face is too close", "your face is too close", 1))
	tests := []struct {
		name string
		base string
		data []byte
		want bool
	}{
		{"the shipped file", "en-US.toml", data, true},
		{"a byte changed", "en-US.toml", edited, false},
		{"a byte more", "en-US.toml", append([]byte(string(data)), '\n'), false},
		{"another name", "en-GB.toml", data, false},
	}
	for _, tt := range tests {
		if _, ok := decoded(&localeFile{file: &file{base: tt.base, data: tt.data}}); ok != tt.want {
			t.Errorf("%s: decoded = %v, want %v", tt.name, ok, tt.want)
		}
	}
	m := shippedFS(t)
	m["en-US.toml"].Data = edited
	b, err := NewBundle(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Localize(messages.FaceTooClose, "en").User; got[0] != 'y' {
		t.Errorf("an edited file serves %q: its own texts were not read", got)
	}
}

// TestTreeReaderMalformed checks that a tree cut short or malformed
// reads as nothing, and never panics.
func TestTreeReaderMalformed(t *testing.T) {
	tree := decodedFiles["zh-CN.toml"].tree
	for _, s := range []string{"", "x", "t", "t\x05", "s\x05ab", "t\x01\x01as", "t\x01\x01a", "t\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", tree[:len(tree)/2], tree[:len(tree)-1]} {
		r := &treeReader{s: s}
		if v, ok := r.value().(map[string]any); ok && r.s == "" && len(s) < len(tree) {
			t.Errorf("%.20q read as a table of %d keys", s, len(v))
		}
	}
	r := &treeReader{s: tree}
	if _, ok := r.value().(map[string]any); !ok || r.s != "" {
		t.Error("the generated tree does not read whole")
	}
}
