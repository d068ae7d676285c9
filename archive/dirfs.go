package archive

import (
	"io/fs"
	"os"
	"path/filepath"
)

// dirFS is os.DirFS that also tells its root, so that Scan can stat the
// files of a real folder relative to their directory (statDir), and that
// opens only regular files and folders (see OpenRegular): an article path
// that is, or has become, a named pipe or a link to a device or a /proc
// file fails at once rather than blocking the reader.
type dirFS struct {
	fsys fs.FS
	root string
}

func newDirFS(root string) dirFS { return dirFS{fsys: os.DirFS(root), root: root} }

func (d dirFS) Root() string { return d.root }

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := openChecked(filepath.Join(d.root, filepath.FromSlash(name)), true)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: pathErrOf(err)}
	}
	return f, nil
}

func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.fsys, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }
func (d dirFS) ReadFile(name string) ([]byte, error)       { return ReadFile(d, name) }

// pathErrOf is the error under a *fs.PathError, so that the path in the
// error is the one inside the archive, not the full path.
func pathErrOf(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
