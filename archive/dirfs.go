package archive

import (
	"io/fs"
	"os"
)

// dirFS is os.DirFS that also tells its root, so that Scan can stat the
// files of a real folder relative to their directory (statDir).
type dirFS struct {
	fsys fs.FS
	root string
}

func newDirFS(root string) dirFS { return dirFS{fsys: os.DirFS(root), root: root} }

func (d dirFS) Root() string                               { return d.root }
func (d dirFS) Open(name string) (fs.File, error)          { return d.fsys.Open(name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.fsys, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }
func (d dirFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(d.fsys, name) }
