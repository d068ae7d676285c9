// Package dirents lists the entries of an open folder without an allocation
// an entry: on Linux with getdents64 into a buffer the caller reuses
// (os.File.ReadDir allocates two objects an entry, which at 10k files was a
// fifth of the archive scan's time), elsewhere with os.File.ReadDir, which
// is also the reference the Linux reader is tested against.
package dirents

import (
	"io/fs"
	"os"
)

// Type is what a folder entry tells of its file without a stat.
type Type uint8

const (
	Other   Type = iota // a file, a device...
	Dir                 // a folder (not a link to one)
	Unknown             // the file system does not say
	Link                // a symbolic link
)

// Read calls yield with the name and type of every entry of the open
// folder f but "." and "..", in the order the file system gives. name is
// valid only during the call (it points into buf). buf is the caller's
// reusable buffer: 32 KiB is plenty; it is unused where Read is the
// portable reader.
func Read(f *os.File, buf []byte, yield func(name []byte, typ Type)) error {
	return read(f, buf, yield)
}

// readPortable is Read with os.File.ReadDir: the reader of every system
// but Linux, and the reference the Linux one is tested against.
func readPortable(f *os.File, yield func(name []byte, typ Type)) error {
	entries, err := f.ReadDir(-1)
	for _, e := range entries {
		typ := Other
		switch {
		case e.Type()&fs.ModeDir != 0:
			typ = Dir
		case e.Type()&fs.ModeSymlink != 0:
			typ = Link
		}
		yield([]byte(e.Name()), typ)
	}
	return err
}
