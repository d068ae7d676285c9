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
// kernel work of listing and stating runs on every core; a folder of many
// articles (a flat archive) has its stats split into parts that the other
// workers take from the queue too. Only the folders being read are open at
// a time. Links are followed for files, like fs.Stat, and never for folders.
func scanRoot(root string) ([]FileInfo, []Problem) {
	workers := runtime.GOMAXPROCS(0) // stats wait on the kernel as much as on a core
	q := &dirQueue{jobs: []scanJob{{dir: "."}}, pending: 1, workers: workers}
	q.cond = sync.NewCond(&q.mu)
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
				job, ok := q.take()
				if !ok {
					break
				}
				if job.paths == nil {
					scanFolder(root, job.dir, q, buf, &myFiles, &myProbs)
				} else {
					statPart(root, job, &myFiles, &myProbs)
				}
				q.done()
			}
			files[w], probs[w] = myFiles, myProbs
		})
	}
	wg.Wait()
	return slices.Concat(files...), slices.Concat(probs...)
}

// partMin is the minimum number of articles in a part of a folder's
// stats that another worker takes: a part costs the worker an open of the
// folder and the queue's lock, ~1 % of stating 256 files.
const partMin = 256

// scanFolder lists the articles of one folder (dir, relative to root, "."
// for root itself) and stats them into files and probs, leaving parts of a
// large folder's stats to the other workers; it queues its subfolders. buf
// is reused for the folder's entries.
func scanFolder(root, dir string, q *dirQueue, buf []byte, files *[]FileInfo, probs *[]Problem) {
	f, err := openFolder(root, dir)
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
	var paths []string
	err = dirents.Read(f, buf, func(nameBytes []byte, typ dirents.Type) {
		if nameBytes[0] == '.' || typ != dirents.Dir && typ != dirents.Unknown && !IsArticlePath(string(nameBytes)) {
			return // hidden, or not an article: no string made of its name
		}
		p := prefix + string(nameBytes)
		name := p[len(prefix):]
		if typ == dirents.Unknown {
			var st unix.Stat_t
			typ = dirents.Other
			if fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
				typ = dirents.Dir
			}
		}
		if typ == dirents.Dir {
			if !IsDraftsFolder(name) {
				q.add(scanJob{dir: p})
			}
			return
		}
		if IsArticlePath(name) {
			paths = append(paths, p)
		}
	})
	if err != nil {
		*probs = append(*probs, cannotRead(dir, err))
	}
	// The parts after the first go to the queue, the first is stated here.
	if n := len(paths); q.workers > 1 && n >= 2*partMin {
		size := max(partMin, (n+q.workers-1)/q.workers)
		for start := size; start < n; start += size {
			q.add(scanJob{dir: dir, paths: paths[start:min(start+size, n)]})
		}
		paths = paths[:size]
	}
	statPaths(root, fd, len(prefix), paths, files, probs)
}

// statPart stats a part of a folder's articles, queued by scanFolder.
func statPart(root string, job scanJob, files *[]FileInfo, probs *[]Problem) {
	f, err := openFolder(root, job.dir)
	if err != nil { // the folder went since it was listed
		*probs = append(*probs, cannotRead(job.dir, err))
		return
	}
	defer f.Close()
	prefix := len(job.dir) + 1
	if job.dir == "." {
		prefix = 0
	}
	statPaths(root, int(f.Fd()), prefix, job.paths, files, probs)
}

// openFolder opens the folder dir of root for listing and fstatat. With
// O_DIRECTORY a folder swapped for a named pipe since it was listed fails
// instead of blocking the open.
func openFolder(root, dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(root, filepath.FromSlash(dir)), os.O_RDONLY|unix.O_DIRECTORY|unix.O_NONBLOCK, 0)
}

// statPaths stats the articles at paths (relative to root; their names
// start at byte prefix) relative to the folder open as fd.
func statPaths(root string, fd, prefix int, paths []string, files *[]FileInfo, probs *[]Problem) {
	for _, p := range paths {
		var st unix.Stat_t
		var info fileStat
		if err := fstatat(fd, p[prefix:], &st, 0); err != nil {
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

// scanJob is a folder to list (paths nil), or a part of a listed folder's
// articles to stat.
type scanJob struct {
	dir   string   // relative to root, "." for root itself
	paths []string // relative to root
}

// dirQueue is the jobs still to do. pending counts those queued or being
// done: when it reaches zero the scan is over.
type dirQueue struct {
	mu      sync.Mutex
	cond    *sync.Cond
	jobs    []scanJob
	pending int
	workers int
}

func (q *dirQueue) add(job scanJob) {
	q.mu.Lock()
	q.jobs = append(q.jobs, job)
	q.pending++
	q.mu.Unlock()
	q.cond.Signal()
}

// take waits for a job; false when none is left.
func (q *dirQueue) take() (scanJob, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.jobs) == 0 && q.pending > 0 {
		q.cond.Wait()
	}
	if len(q.jobs) == 0 {
		return scanJob{}, false
	}
	job := q.jobs[len(q.jobs)-1]
	q.jobs = q.jobs[:len(q.jobs)-1]
	return job, true
}

// done marks a job taken with take as done.
func (q *dirQueue) done() {
	q.mu.Lock()
	q.pending--
	last := q.pending == 0
	q.mu.Unlock()
	if last {
		q.cond.Broadcast()
	}
}
