//go:build unix && !linux

package archive

// stampOf: folder memos are kept on Linux only (trustedFolderTimes); every
// other system lists every folder.
func stampOf(fd int) (folderStamp, bool) { return folderStamp{}, false }
