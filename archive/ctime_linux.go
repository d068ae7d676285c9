package archive

import (
	"io/fs"
	"syscall"
)

// changeTime is the change time (UnixNano) of a file's stat, 0 when its
// file system gives none (an embedded or in-memory one).
func changeTime(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ctim.Nano()
	}
	return 0
}
