package huiyan

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestReadDirectoryNames checks that a directory that cannot be read is
// named as given, and "." for a file system that has no name.
func TestReadDirectoryNames(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-directory")
	tests := []struct {
		name, want string
		fsys       fs.FS
	}{
		{"a Dir", "huiyan: " + missing + ": cannot read the locale directory: ", Dir(missing)},
		{"a file system without a name", "huiyan: .: cannot read the locale directory: ", os.DirFS(missing)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewBundle(tt.fsys)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want one starting %q", err, tt.want)
			}
		})
	}
}

// TestReadFileAtTheSizeBound checks that a file of exactly MaxFileSize
// bytes is read whole: its last byte ends its last text.
func TestReadFileAtTheSizeBound(t *testing.T) {
	text := "[655]\nuser = \"Move back.\""
	pad := MaxFileSize - len(text) - len("#\n")
	data := "#" + strings.Repeat("a", pad) + "\n" + text
	if len(data) != MaxFileSize {
		t.Fatalf("built %d bytes", len(data))
	}
	b, err := NewBundle(locales.FS, fstest.MapFS{"en-US.toml": {Data: []byte(data)}})
	if err != nil {
		t.Fatal(err)
	}
	if m := b.Localize(messages.FaceTooClose, "en-US"); m.User != "Move back." {
		t.Errorf("User = %q", m.User)
	}
}
