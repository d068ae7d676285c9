//go:build !unix

package index

import (
	"errors"
	"io/fs"
)

// cacheNotWritable reports whether err says the cache cannot be written
// (not this user's to write; a full disk is told on Unix alone).
func cacheNotWritable(err error) bool {
	return errors.Is(err, fs.ErrPermission)
}
