package archive

import "golang.org/x/sys/unix"

// stampOf is the stamp of the folder open as fd; false when it is on a
// file system not known to keep folder times (trustedFolderTimes), or
// cannot be stated.
func stampOf(fd int) (folderStamp, bool) {
	var fs unix.Statfs_t
	if err := unix.Fstatfs(fd, &fs); err != nil || !trustedFolderTimes(int64(fs.Type)) {
		return folderStamp{}, false
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return folderStamp{}, false
	}
	return folderStamp{
		dev: uint64(st.Dev), ino: uint64(st.Ino),
		mtime: unix.TimespecToNsec(st.Mtim), ctime: unix.TimespecToNsec(st.Ctim),
	}, true
}

// trustedFolderTimes reports whether a file system of this type (statfs)
// sets a folder's modification and change times at every creation,
// removal and rename of an entry, from this machine's clock: local disk
// and memory file systems. Network and FUSE file systems (whose times come
// from another clock, or are made up), overlays and the rest are listed
// at every scan.
func trustedFolderTimes(typ int64) bool {
	switch typ {
	case unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC, unix.TMPFS_MAGIC, unix.F2FS_SUPER_MAGIC:
		return true
	}
	return false
}
