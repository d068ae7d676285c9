package dirents

import (
	"encoding/binary"
	"os"

	"golang.org/x/sys/unix"
)

// read lists the entries of the open folder f with getdents64 into buf.
func read(f *os.File, buf []byte, yield func(name []byte, typ Type)) error {
	fd := int(f.Fd())
	for {
		n, err := unix.Getdents(fd, buf)
		for err == unix.EINTR {
			n, err = unix.Getdents(fd, buf)
		}
		if err != nil {
			return &os.PathError{Op: "readdirent", Path: f.Name(), Err: err}
		}
		if n <= 0 {
			return nil
		}
		for b := buf[:n]; len(b) >= 19; {
			// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name
			reclen := int(binary.NativeEndian.Uint16(b[16:18]))
			if reclen < 19 || reclen > len(b) {
				break
			}
			ino := binary.NativeEndian.Uint64(b[0:8])
			name := b[19:reclen]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if ino != 0 && len(name) > 0 && !isDots(name) {
				typ := Other
				switch b[18] {
				case unix.DT_DIR:
					typ = Dir
				case unix.DT_UNKNOWN:
					typ = Unknown
				case unix.DT_LNK:
					typ = Link
				}
				yield(name, typ)
			}
			b = b[reclen:]
		}
	}
}

// isDots reports whether name is "." or "..", which getdents lists and
// os.File.ReadDir does not.
func isDots(name []byte) bool {
	return name[0] == '.' && (len(name) == 1 || len(name) == 2 && name[1] == '.')
}
