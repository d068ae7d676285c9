//go:build unix

package archive

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"github.com/folio-tui/folio/internal/dirents"
)

// scanRoot is Scan on the folder root. Each folder is opened once: its
// entries are read from that descriptor and its articles stated relative to
// it with fstatat (a stat by full path walks every folder of the path
// again). Folders are taken from a shared queue by a few workers, so the
// kernel work of listing and stating runs on every core. Only the folders
// being read are open at a time. Links are followed for files, like fs.Stat,
// and never for folders.
func scanRoot(root string) ([]FileInfo, []Problem) {
	q := &dirQueue{dirs: []string{"."}, pending: 1}
	q.cond = sync.NewCond(&q.mu)
	workers := runtime.GOMAXPROCS(0) // stats wait on the kernel as much as on a core
	files := make([][]FileInfo, workers)
	probs := make([][]Problem, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// The worker's own slices, stored once at the end: appending to
			// files[w] in place bounced one cache line between the cores.
			var myFiles []FileInfo
			var myProbs []Problem
			buf := make([]byte, 32<<10)
			for {
				dir, ok := q.take()
				if !ok {
					break
				}
				scanFolder(root, dir, q, buf, &myFiles, &myProbs)
				q.done()
			}
			files[w], probs[w] = myFiles, myProbs
		})
	}
	wg.Wait()
	return slices.Concat(files...), slices.Concat(probs...)
}

// scanFolder lists and stats the articles of one folder (dir, relative to
// root, "." for root itself) into files and probs, and queues its
// subfolders. buf is reused for the folder's entries.
func scanFolder(root, dir string, q *dirQueue, buf []byte, files *[]FileInfo, probs *[]Problem) {
	// O_DIRECTORY: a folder swapped for a named pipe since it was listed
	// fails instead of blocking the open.
	f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(dir)), os.O_RDONLY|unix.O_DIRECTORY|unix.O_NONBLOCK, 0)
	if err != nil {
		*probs = append(*probs, cannotRead(dir, err))
		return
	}
	defer f.Close()
	fd := int(f.Fd())
	prefix := dir + "/"
	if dir == "." {
		prefix = ""
	}
	err = dirents.Read(f, buf, func(nameBytes []byte, typ dirents.Type) {
		if nameBytes[0] == '.' || typ != dirents.Dir && typ != dirents.Unknown && !IsArticlePath(string(nameBytes)) {
			return // hidden, or not an article: no string made of its name
		}
		p := prefix + string(nameBytes)
		name := p[len(prefix):]
		var st unix.Stat_t
		if typ == dirents.Unknown {
			typ = dirents.Other
			if fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
				typ = dirents.Dir
			}
		}
		if typ == dirents.Dir {
			if !IsDraftsFolder(name) {
				q.add(p)
			}
			return
		}
		if !IsArticlePath(name) {
			return
		}
		var info fileStat
		if err := fstatat(fd, name, &st, 0); err != nil {
			info = statPath(root, p) // for the error text fs.Stat gives
		} else {
			info = fileStat{
				size:    st.Size,
				modTime: time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)),
				regular: st.Mode&unix.S_IFMT == unix.S_IFREG,
			}
		}
		if fi, prob, ok := info.file(p); prob != nil {
			*probs = append(*probs, *prob)
		} else if ok {
			*files = append(*files, fi)
		}
	})
	if err != nil {
		*probs = append(*probs, cannotRead(dir, err))
	}
}

// fstatat is unix.Fstatat, retried when interrupted.
func fstatat(fd int, name string, st *unix.Stat_t, flags int) error {
	for {
		if err := unix.Fstatat(fd, name, st, flags); err != unix.EINTR {
			return err
		}
	}
}

// dirQueue is the folders still to scan. pending counts those queued or
// being scanned: when it reaches zero the scan is over.
type dirQueue struct {
	mu      sync.Mutex
	cond    *sync.Cond
	dirs    []string
	pending int
}

func (q *dirQueue) add(dir string) {
	q.mu.Lock()
	q.dirs = append(q.dirs, dir)
	q.pending++
	q.mu.Unlock()
	q.cond.Signal()
}

// take waits for a folder to scan; false when none is left.
func (q *dirQueue) take() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.dirs) == 0 && q.pending > 0 {
		q.cond.Wait()
	}
	if len(q.dirs) == 0 {
		return "", false
	}
	dir := q.dirs[len(q.dirs)-1]
	q.dirs = q.dirs[:len(q.dirs)-1]
	return dir, true
}

// done marks a folder taken with take as scanned.
func (q *dirQueue) done() {
	q.mu.Lock()
	q.pending--
	last := q.pending == 0
	q.mu.Unlock()
	if last {
		q.cond.Broadcast()
	}
}
