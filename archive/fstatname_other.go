//go:build unix && !(linux && (amd64 || arm64))

package archive

import "golang.org/x/sys/unix"

// fstatatName stats the file name (ending in a NUL) of the folder open as
// fd, following a link.
func fstatatName(fd int, name []byte, st *unix.Stat_t) error {
	return fstatat(fd, string(name[:len(name)-1]), st, 0)
}
