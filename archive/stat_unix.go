//go:build unix

package archive

import (
	"path"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// statFiles stats the files at paths (relative to root) into infos with
// fstatat on their open directory: stat with a full path walks every folder
// of it again, and reopening an archive is mostly these stats. Paths come in
// walk order, a folder's files together, so one directory is open at a time
// (an archive of a folder per piece must not use up file descriptors).
// Links are followed, like fs.Stat.
func statFiles(root string, paths []string, infos []fileStat) {
	openDir, fd := "", -1
	defer func() {
		if fd >= 0 {
			_ = unix.Close(fd)
		}
	}()
	for i, p := range paths {
		dir, name := path.Split(p)
		if dir != openDir || i == 0 {
			if fd >= 0 {
				_ = unix.Close(fd)
			}
			var err error
			fd, err = unix.Open(filepath.Join(root, filepath.FromSlash(dir)), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
			if err != nil {
				fd = -1
			}
			openDir = dir
		}
		if fd < 0 {
			infos[i] = statPath(root, p)
			continue
		}
		var st unix.Stat_t
		for {
			err := unix.Fstatat(fd, name, &st, 0)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				infos[i] = statPath(root, p) // for the error text fs.Stat gives
			} else {
				infos[i] = fileStat{
					size:    st.Size,
					modTime: time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)),
					regular: st.Mode&unix.S_IFMT == unix.S_IFREG,
				}
			}
			break
		}
	}
}
