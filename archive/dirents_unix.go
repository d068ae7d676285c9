//go:build unix && !linux

package archive

import (
	"io/fs"
	"os"
)

// readDirents lists the entries of the open folder f.
func readDirents(f *os.File, _ []byte, yield func(name []byte, typ direntType)) error {
	entries, err := f.ReadDir(-1)
	for _, e := range entries {
		typ := direntOther
		if e.Type()&fs.ModeDir != 0 {
			typ = direntDir
		}
		yield([]byte(e.Name()), typ)
	}
	return err
}
