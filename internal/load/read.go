package load

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/huiyan-i18n/huiyan/faceid"
	"github.com/huiyan-i18n/huiyan/locales"
	"github.com/huiyan-i18n/huiyan/messages"
)

// The first step of loading: which files of a layer are locale files, and
// their bytes. NewBundle, Lint and Watch read through here alike; a
// Watcher decides when to read, not how.

// MaxFileSize is the size of the largest locale file that is read: the
// shipped files are under 40 KB, and a larger file is refused, naming it
// and this bound, so that a stray file cannot fill a service's memory.
const MaxFileSize = 1 << 20

// Layer is a set of locale files; a message in a later Layer replaces the
// same message of an earlier one.
type Layer struct {
	Prefix string // prepended to file names in errors
	fsys   fs.FS
}

// Dir returns the locale files of a directory, for huiyan.NewBundle and
// lint.Lint: the files whose names end in .toml, except hidden ones (a name
// that starts with "."), and names that start with "#" or "~". Unlike
// os.DirFS, errors name the files by their path in dir:
//
//	b, err := huiyan.NewBundle(locales.FS, huiyan.Dir("/etc/huiyan/locales"))
func Dir(dir string) fs.FS { return namedFS{FS: os.DirFS(dir), name: dir} }

type namedFS struct {
	fs.FS
	name string
}

// Layers names the file systems given to NewBundle and Lint; none means
// the embedded locales.
func Layers(fsys []fs.FS) []Layer {
	if len(fsys) == 0 {
		fsys = []fs.FS{locales.FS}
	}
	layers := make([]Layer, len(fsys))
	for i, f := range fsys {
		layers[i].fsys = f
		switch f := f.(type) {
		case namedFS:
			layers[i].fsys, layers[i].Prefix = f.FS, path.Clean(f.name)+"/"
		case embed.FS:
			if f == locales.FS {
				layers[i].Prefix = "locales/"
			}
		}
	}
	return layers
}

// Tables are the code tables whose texts locale files hold, the default
// first. A locale file of the default table is named for its locale
// (zh-CN.toml); one of another table t starts with t's name and a dot
// (faceid.zh-CN.toml). Adding a table is adding it here, with its files.
var Tables = []*messages.Table{messages.Huiyan, faceid.Table}

// FileName returns the name of the locale file of tbl for tag.
func FileName(tbl *messages.Table, tag string) string {
	if tbl == Tables[0] {
		return tag + ".toml"
	}
	return tbl.Name() + "." + tag + ".toml"
}

// tableOf returns the table of the file named name, and what is left of
// the name once the table's prefix is cut.
func tableOf(name string) (*messages.Table, string) {
	if prefix, rest, ok := strings.Cut(name, "."); ok {
		for _, t := range Tables[1:] {
			if prefix == t.Name() {
				return t, rest
			}
		}
	}
	return Tables[0], name
}

// Source is what reading one layer gave: its locale files.
type Source struct {
	Prefix string
	Files  []*File
}

// File is one locale File as read.
type File struct {
	Layer int
	Base  string       // its name in the layer
	Name  string       // as problems name it: the layer's prefix and base
	Tag   language.Tag // the locale its name names
	Table *messages.Table
	Data  []byte
	Info  fs.FileInfo // when it was read
}

// Read reads the locale files of every layer: those of tables, or with
// none, of every table. A program that builds one table does not read
// the bytes of the others' files.
func Read(layers []Layer, ps *Problems, tables ...*messages.Table) []Source {
	srcs := make([]Source, len(layers))
	for i, ly := range layers {
		srcs[i] = readLayer(i, ly, nil, ps, tables)
	}
	return srcs
}

// ReadLayer reads the locale files of layer i, of every table. A file of
// prev (the files of a former reading, by name in the layer) whose size
// and modification time have not changed is not read again.
func ReadLayer(i int, ly Layer, prev map[string]*File, ps *Problems) Source {
	return readLayer(i, ly, prev, ps, nil)
}

// readLayer is ReadLayer of the files of tables, or with none, of every
// table.
func readLayer(i int, ly Layer, prev map[string]*File, ps *Problems, tables []*messages.Table) Source {
	src := Source{Prefix: ly.Prefix}
	if ly.fsys == nil {
		ps.Add(true, "fsys["+strconv.Itoa(i)+"]", 0, nil, "nil file system given for locale files")
		return src
	}
	entries, err := fs.ReadDir(ly.fsys, ".")
	if err != nil {
		ps.Add(true, dirName(ly.Prefix), 0, err, "cannot read the locale directory: "+pathErrorText(err))
		return src
	}
	type locale struct {
		tbl *messages.Table
		tag language.Tag
	}
	byTag := make(map[locale]*File)
	for _, e := range entries {
		if !isLocaleFile(e) {
			continue
		}
		name := ly.Prefix + e.Name()
		tbl, rest := tableOf(e.Name())
		tag, ok := localeTag(rest)
		if !ok {
			ps.Add(false, name, 0, nil, fmt.Sprintf("skipped: %q is not named for a language tag; name locale files like zh-CN.toml or en-US.toml, and those of the FaceID table like faceid.zh-CN.toml", e.Name()))
			continue
		}
		if len(tables) > 0 && !slices.Contains(tables, tbl) {
			continue
		}
		if other := byTag[locale{tbl, tag}]; other != nil {
			ps.Add(true, name, 1, nil, fmt.Sprintf("locale %s is also defined by %s", tag, other.Name))
			continue
		}
		f, err := readFile(ly.fsys, e.Name(), prev[e.Name()])
		if err != nil {
			ps.Add(true, name, 0, err, err.Error())
			continue
		}
		f.Layer, f.Base, f.Name, f.Tag, f.Table = i, e.Name(), name, tag, tbl
		byTag[locale{tbl, tag}] = f
		src.Files = append(src.Files, f)
	}
	return src
}

// isLocaleFile reports whether a directory entry may be a locale file: a
// name that ends in .toml and starts with none of ".", "#" and "~", which
// editors, backups and Kubernetes give their own files (emacs's lock
// .#en-US.toml, a ConfigMap's ..data). Other names ending in ~ or .swp,
// .tmp and the like do not end in .toml.
func isLocaleFile(e fs.DirEntry) bool {
	name := e.Name()
	return !e.IsDir() && path.Ext(name) == ".toml" && !strings.ContainsRune(".#~", rune(name[0]))
}

// localeTag returns the locale that a file name names: en-US.toml names
// en-US, and so do en_US.toml and en-us.toml. A name that is no tag of a
// language (backup.toml, en-US.bak.toml, "en-US (copy).toml", und.toml)
// names none: the file is not a locale file.
func localeTag(name string) (language.Tag, bool) {
	tag, err := language.Parse(strings.TrimSuffix(name, ".toml"))
	if err != nil {
		return language.Tag{}, false
	}
	base, conf := tag.Base()
	return tag, conf == language.Exact && base.String() != "und"
}

// readFile reads the file name of fsys, unless prev, the same file read
// before, is unchanged.
func readFile(fsys fs.FS, name string, prev *File) (*File, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", pathErrorText(err))
	}
	if prev != nil && unchanged(prev.Info, info) {
		// Its bytes are those read before, but whether it can still be
		// read is not: a file that lost its read permission would fail
		// the next start, so a poll must see it fail now.
		r, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("cannot read: %s", pathErrorText(err))
		}
		r.Close()
		return prev, nil
	}
	if info.Size() > MaxFileSize {
		return nil, tooLarge(info.Size())
	}
	r, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", pathErrorText(err))
	}
	defer r.Close()
	data, err := readAtMost(r, info.Size(), MaxFileSize+1)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", pathErrorText(err))
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	return &File{Data: data, Info: info}, nil
}

// unchanged reports whether a file is as it was: the same size and
// modification time, and for a file of the operating system the same file
// (a file renamed over it, as editors and ConfigMaps replace files, is
// another, whatever its time). A file rewritten in place to the same size
// within the file system's time resolution passes for unchanged until its
// next change.
func unchanged(was, is fs.FileInfo) bool {
	if was.Size() != is.Size() || !was.ModTime().Equal(is.ModTime()) {
		return false
	}
	// os.SameFile tells only of the operating system's files: of any
	// other, a file is not even itself.
	return !os.SameFile(was, was) || os.SameFile(was, is)
}

// readAtMost reads r, of size bytes when it was last seen, to its end or
// to max bytes: the file may have grown since.
func readAtMost(r io.Reader, size, max int64) ([]byte, error) {
	data := make([]byte, size+1)
	n, err := io.ReadFull(r, data)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return data[:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, max-int64(n)))
	return append(data, rest...), err
}

func tooLarge(size int64) error {
	return fmt.Errorf("the file is %d bytes, over the bound of %d bytes (1 MiB) for a locale file", size, MaxFileSize)
}

// pathErrorText returns what went wrong, without the path, which the
// problem names already.
func pathErrorText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// dirName returns the directory of a layer's prefix, for problems.
func dirName(prefix string) string {
	if dir := strings.TrimSuffix(prefix, "/"); dir != "" {
		return dir
	}
	return "."
}
