package load

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestParseErrors checks the line and the message of what stops a file
// from loading: a TOML error where the decoder's own line is wrong (a
// header cut at the end of its line, a file cut in an escape), at the
// first byte and at the end; and go-i18n's reserved keys, which make a
// table a message only with a string value, or always for "translation".
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"a header without its bracket", "[655\nuser = \"x\"\n",
			"huiyan: en-US.toml:1: invalid TOML: expected '.' or ']' to end table name"},
		{"a file cut in an escape", "[655]\nuser = \"x\\",
			"huiyan: en-US.toml:2: invalid TOML: invalid escape in string"},
		{"the first byte", "=x",
			"huiyan: en-US.toml:1: invalid TOML: unexpected '=': key name appears blank"},
		{"a string open at the end", "[655]\n\nuser = \"x",
			"huiyan: en-US.toml:3: invalid TOML: unexpected EOF"},
		{"a control character after a tab", "[655]\nuser =\t\"x\"\n\x7f",
			"huiyan: en-US.toml:3: invalid TOML: TOML files cannot contain control characters"},
		{"a control character after CRLF line ends", "[655]\r\nuser = \"x\"\r\n\x01",
			"huiyan: en-US.toml:3: invalid TOML: TOML files cannot contain control characters"},
		{"a carriage return at the end", "[655]\r\nuser = \"x\"\r",
			"huiyan: en-US.toml:2: invalid TOML: TOML files cannot contain control characters: '0x0d'"},
		{"id names a table", "[655]\nuser = \"x\"\n[655.id]\nother = \"y\"\n",
			"huiyan: en-US.toml:3: unknown field \"id\" in code 655"},
		{"id with a table makes no message", "[655.user]\nid = { x = \"y\" }\n",
			"huiyan: en-US.toml:2: unexpected message \"655.user.id.x\""},
		{"translation with a table makes a message", "[655.user]\ntranslation = { x = \"y\" }\n",
			"huiyan: en-US.toml:2: 655.user: key \"translation\" is not allowed"},
		{"id with a string makes a message", "[655]\nuser = { id = \"a\", other = \"b\" }\n",
			"huiyan: en-US.toml:2: 655.user: key \"id\" is not allowed"},
		{"a key the line finder misses, in a table it finds", "[655]\nuser = \"x\"\ntitle = { a = \"\"\"\nm\n\"\"\", b = \"y\" }\n",
			"huiyan: en-US.toml:3: unexpected message \"655.title.a\": want a code table such as [655] with user, title, detail and remedy, or a category table such as [category.liveness]\n" +
				"huiyan: en-US.toml:3: unexpected message \"655.title.b\""},
		{"a key the line finder misses, and an empty key", "\"\" = \"z\"\n\"\\e\" = 1\n",
			"huiyan: en-US.toml:1: unexpected message \"\": want a code table such as [655] with user, title, detail and remedy, or a category table such as [category.liveness]\n" +
				"huiyan: en-US.toml: \x1b: want a string or a table, not a TOML integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := loadErr(locales.FS, fstest.MapFS{"en-US.toml": {Data: []byte(tt.data)}})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want one starting %q", err, tt.want)
			}
		})
	}
}

// loadErr loads the layers and returns the problems that stop a bundle,
// joined, as huiyan.NewBundle reports them.
func loadErr(fsys ...fs.FS) error { return Load(messages.Huiyan, Layers(fsys)).Problems.Err() }

// BenchmarkLoad loads the shipped files that huiyan lookup loads, zh-CN
// alone (its default language) and with en-US (-lang en-US), beside
// decoding the same files with the TOML decoder alone: what a load adds to
// decoding.
func BenchmarkLoad(b *testing.B) {
	for _, names := range [][]string{{"zh-CN.toml"}, {"zh-CN.toml", "en-US.toml"}} {
		layer := fstest.MapFS{}
		for _, name := range names {
			data, err := fs.ReadFile(locales.FS, name)
			if err != nil {
				b.Fatal(err)
			}
			layer[name] = &fstest.MapFile{Data: data}
		}
		name := strings.Join(names, "+")
		b.Run("decode/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range layer {
					var doc any
					if _, err := toml.NewDecoder(bytes.NewReader(f.Data)).Decode(&doc); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run("load/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Load(messages.Huiyan, Layers([]fs.FS{layer})).Problems.Err(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
