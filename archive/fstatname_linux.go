//go:build linux && (amd64 || arm64)

package archive

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// fstatatName stats the file name (ending in a NUL) of the folder open as
// fd, following a link. The name is passed to the kernel from the
// folder's list of names: unix.Fstatat would copy it into a new NUL-ended
// slice, an allocation a file.
func fstatatName(fd int, name []byte, st *unix.Stat_t) error {
	for {
		_, _, errno := unix.Syscall6(sysFstatat, uintptr(fd), uintptr(unsafe.Pointer(&name[0])), uintptr(unsafe.Pointer(st)), 0, 0, 0)
		switch errno {
		case 0:
			return nil
		case unix.EINTR:
			continue
		}
		return errno
	}
}
