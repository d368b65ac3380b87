package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// TestUnchanged checks when a poll takes a file for unchanged: never when
// another file was renamed over it, whatever its size and time.
func TestUnchanged(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "en-US.toml")
	mod := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	write := func(data string) fs.FileInfo {
		t.Helper()
		writeAtomic(t, name, data)
		if err := os.Chtimes(name, mod, mod); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	first := write("[655]\nuser = \"one\"\n")
	again, _ := os.Stat(name)
	renamed := write("[655]\nuser = \"two\"\n") // same size, same time
	mapFS := fstest.MapFS{"en-US.toml": {Data: []byte("x"), ModTime: mod}}
	m1, _ := fs.Stat(mapFS, "en-US.toml")
	m2, _ := fs.Stat(mapFS, "en-US.toml")
	bigger := fstest.MapFS{"en-US.toml": {Data: []byte("xy"), ModTime: mod}}
	m3, _ := fs.Stat(bigger, "en-US.toml")
	later := fstest.MapFS{"en-US.toml": {Data: []byte("x"), ModTime: mod.Add(time.Nanosecond)}}
	m4, _ := fs.Stat(later, "en-US.toml")
	tests := []struct {
		name    string
		was, is fs.FileInfo
		want    bool
	}{
		{"the same file", first, again, true},
		{"a file renamed over it", first, renamed, false},
		{"not the operating system's, as it was", m1, m2, true},
		{"another size", m1, m3, false},
		{"another time", m1, m4, false},
	}
	for _, tt := range tests {
		if got := unchanged(tt.was, tt.is); got != tt.want {
			t.Errorf("%s: unchanged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

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
			err := loadErr(tt.fsys)
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
	l := Load(messages.Huiyan, Layers([]fs.FS{locales.FS, fstest.MapFS{"en-US.toml": {Data: []byte(data)}}}))
	if err := l.Problems.Err(); err != nil {
		t.Fatal(err)
	}
	en := l.Locales[slices.IndexFunc(l.Locales, func(m *Locale) bool { return m.Tag.String() == "en-US" })]
	if tx := en.Texts[TextID(int(messages.FaceTooClose), FieldUser)]; tx == nil || tx.Forms[0] != "Move back." {
		t.Errorf("655.user = %+v", tx)
	}
}

// openDenied is a directory whose file name cannot be opened, as after
// chmod 000 for a user other than root, though it can be stat'ed.
type openDenied struct {
	fs.FS
	name string
}

func (d openDenied) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

func (d openDenied) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.FS, name) }

// TestReadUnchangedFileLosesPermission checks that a file read before and
// unchanged since, whose bytes are not read again, is still opened: one
// that can no longer be read is a fault now, not at the next start.
func TestReadUnchangedFileLosesPermission(t *testing.T) {
	dir := t.TempDir()
	writeAtomic(t, filepath.Join(dir, "en-US.toml"), "[655]\nuser = \"Move back.\"\n")
	var ps Problems
	first := ReadLayer(1, Layers([]fs.FS{Dir(dir)})[0], nil, &ps)
	if len(ps) != 0 || len(first.Files) != 1 {
		t.Fatalf("first read: %v, %d files", ps, len(first.Files))
	}
	prev := map[string]*File{"en-US.toml": first.Files[0]}

	again := ReadLayer(1, Layers([]fs.FS{Dir(dir)})[0], prev, &ps)
	if len(ps) != 0 || len(again.Files) != 1 || again.Files[0] != first.Files[0] {
		t.Fatalf("read again, unchanged: %v; want the file read before", ps)
	}

	denied := openDenied{FS: os.DirFS(dir), name: "en-US.toml"}
	lost := ReadLayer(1, Layers([]fs.FS{denied})[0], prev, &ps)
	if len(lost.Files) != 0 || len(ps) != 1 || ps[0].Advice || ps[0].Error() != "huiyan: en-US.toml: cannot read: permission denied" {
		t.Errorf("read again, unchanged but denied: %d files, problems %v; want the fault", len(lost.Files), ps)
	}
}

// writeAtomic writes data to a temporary file and renames it over name,
// as editors and ConfigMaps replace files.
func writeAtomic(t *testing.T, name, data string) {
	t.Helper()
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}
