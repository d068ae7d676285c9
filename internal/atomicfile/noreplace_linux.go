package atomicfile

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// renameNoReplace renames tmp to path unless path exists (an error that is
// fs.ErrExist): renameat2's RENAME_NOREPLACE, or, on a file system that
// does not have it, a hard link (linkNoReplace).
func renameNoReplace(tmp, path string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, path, unix.RENAME_NOREPLACE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EEXIST):
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: fs.ErrExist}
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return linkNoReplace(tmp, path)
	}
	return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
}
