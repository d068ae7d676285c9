package index

import (
	"bytes"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// residentFileBytes is the process's resident shared pages, in bytes: the
// third field of /proc/self/statm (RssFile and RssShmem).
func residentFileBytes() (int64, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := bytes.Fields(b)
	if len(f) < 3 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return 0, false
	}
	return n * int64(os.Getpagesize()), true
}

// dontNeed tells the kernel the pages of a read-only file map are not
// needed: they leave the process's resident set and stay in the page
// cache; reading one again maps it again.
func dontNeed(b []byte) {
	if len(b) > 0 {
		_ = unix.Madvise(b, unix.MADV_DONTNEED)
	}
}
