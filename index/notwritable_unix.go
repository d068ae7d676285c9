//go:build unix

package index

import (
	"errors"
	"io/fs"
	"syscall"
)

// cacheNotWritable reports whether err says the cache's file system
// cannot take what is written to it: full (space or quota), read-only,
// or not this user's to write.
func cacheNotWritable(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EROFS) ||
		errors.Is(err, fs.ErrPermission)
}
