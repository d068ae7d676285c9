//go:build unix

package archive

import (
	"cmp"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/sys/unix"

	"github.com/folio-tui/folio/internal/dirents"
)

// scanRoot is ScanEach on the folder root. Each folder is opened once:
// its entries are read from that descriptor and its articles stated
// relative to it with fstatat (a stat by full path walks every folder of
// the path again). Folders are taken from a shared queue by a few workers,
// so the kernel work of listing and stating runs on every core; a folder
// of many articles (a flat archive) has its stats split into parts that
// the other workers take from the queue too. Only the folders being read
// are open at a time. Links are followed for files, like fs.Stat, and
// never for folders. A folder's article names are kept in one buffer, and
// each file's path is made in the worker's own buffer for its FileFunc:
// the scan makes no string a file.
//
// With a time now (when the scan starts), the scan makes a folder memo
// (memo.go) of what it lists, and takes from memo (a previous scan's, nil
// for none) the entries of every folder whose stamp is as remembered
// instead of listing it. It returns the memo to keep, nil when memo needs
// no change. With a zero now, it neither reads nor makes a memo. It also
// returns the site configs the scan met (SiteConfigs), nil when a folder
// could not be listed.
func scanRoot(root string, newWorker func() FileFunc, memo []byte, now time.Time) ([]Problem, []byte, SiteConfigs) {
	keep := !now.IsZero()
	var old *folderMemo
	if keep {
		old = decodeMemo(root, memo)
	}
	workers := runtime.GOMAXPROCS(0) // stats wait on the kernel as much as on a core
	q := &dirQueue{jobs: []scanJob{{dir: "."}}, pending: 1, workers: workers}
	q.cond = sync.NewCond(&q.mu)
	probs := make([][]Problem, workers)
	linked := make([][]linkedFile, workers)
	kept := make([]map[string]*memoFolder, workers)
	reused := make([]int, workers)
	sites := make([][]string, workers)
	funcs := make([]FileFunc, workers)
	for w := range funcs {
		funcs[w] = newWorker()
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// The worker's own slice, stored once at the end: appending to
			// probs[w] in place bounced one cache line between the cores.
			s := statter{root: root, file: funcs[w], path: make([]byte, 0, 256), keep: keep, old: old, since: now}
			buf := make([]byte, 32<<10)
			for {
				job, ok := q.take()
				if !ok {
					break
				}
				if job.names == nil {
					scanFolder(&s, job, q, buf)
				} else {
					statPart(&s, job)
				}
				q.done()
			}
			probs[w], linked[w], kept[w], reused[w], sites[w] = s.probs, s.linked, s.kept, s.reused, s.sites
		})
	}
	wg.Wait()
	all := slices.Concat(probs...)
	if n := slices.Concat(linked...); len(n) > 0 {
		// after the workers: funcs[0]'s goroutine is done
		all = append(all, oneOfEachFile(n, funcs[0])...)
	}
	return all, newMemo(root, old, kept, reused), siteConfigsOf(sites, all)
}

// siteConfigsOf is the site configs the workers met, nil when the scan
// could not list a folder (a config there is not known).
func siteConfigsOf(sites [][]string, probs []Problem) SiteConfigs {
	for _, p := range probs {
		if p.Folder {
			return nil
		}
	}
	c := SiteConfigs{}
	for _, ps := range sites {
		for _, p := range ps {
			c[p] = true
		}
	}
	return c
}

// linkedFile is an article the scan found with more than one name on its
// file system (a hard link: nlink > 1), kept until every name is known.
type linkedFile struct {
	dev, ino uint64
	path     string
	size     int64
	modTime  time.Time
	ctime    int64
}

// oneOfEachFile tells file of each file of linked once, by the first of
// its names in the archive (linkOrder), and returns a note on each other
// name: a hard link is one file, and counted once (a helper's report: two
// names of one file were two pieces, every count over by one, and "no
// problems" said). Names outside the archive (a backup's snapshots made
// with hard links) do not matter: only those the scan met are compared.
func oneOfEachFile(linked []linkedFile, file FileFunc) []Problem {
	slices.SortFunc(linked, func(a, b linkedFile) int {
		if c := cmp.Compare(a.dev, b.dev); c != 0 {
			return c
		}
		if c := cmp.Compare(a.ino, b.ino); c != 0 {
			return c
		}
		return linkOrder(a.path, b.path)
	})
	var probs []Problem
	var buf []byte
	for i, f := range linked {
		if i > 0 && linked[i-1].dev == f.dev && linked[i-1].ino == f.ino {
			first := i - 1
			for first > 0 && linked[first-1].dev == f.dev && linked[first-1].ino == f.ino {
				first--
			}
			probs = append(probs, hardLinkInArchive(f.path, linked[first].path))
			continue
		}
		buf = append(buf[:0], f.path...)
		file(buf, f.size, f.modTime, f.ctime)
	}
	return probs
}

// linkOrder orders the names of one file, the one read first: a name
// that dates its piece (a Jekyll post's in _posts/, a Zola-style dated
// name: the others would read it undated), then the name nearest the
// archive's root (a folder of links by topic is a view of the files
// above it; a link made there later moves no piece), then by path (a
// review: a link in Topics/ took a Jekyll post's place and the piece was
// lost, "missing date"; a link in 0-links/ took a piece's id).
func linkOrder(a, b string) int {
	return cmp.Or(
		-cmp.Compare(b2i(namesADate(a)), b2i(namesADate(b))),
		cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")),
		strings.Compare(a, b))
}

// namesADate reports whether the name p dates its piece (jekyllPost,
// nameDate).
func namesADate(p string) bool {
	if _, ok := jekyllPost(p); ok {
		return true
	}
	_, ok := nameDate(p)
	return ok
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hardLinkInArchive is the note on a second name (p) of the file of an
// article of the archive (in): the article is read there, not twice.
func hardLinkInArchive(p, in string) Problem {
	return Problem{Path: p, Msg: "another name (a hard link) of " + in + ", which is in the archive: read there, not twice", Quiet: true, Link: true}
}

// newMemo is the memo of a scan's kept folders (each worker's), nil when
// it is old's: every folder of old was reused, and no other kept.
func newMemo(root string, old *folderMemo, kept []map[string]*memoFolder, reused []int) []byte {
	all := map[string]*memoFolder{}
	n := 0
	for w, k := range kept {
		maps.Copy(all, k)
		n += reused[w]
	}
	oldN := 0
	if old != nil {
		oldN = len(old.folders)
	}
	if len(all) == n && n == oldN {
		return nil
	}
	return encodeMemo(root, all)
}

// statter is a worker's state: what it tells of each file, its problems,
// and its buffers.
type statter struct {
	root  string
	file  FileFunc
	probs []Problem
	// the articles with more than one name (oneOfEachFile), told of
	// after the scan
	linked []linkedFile
	path   []byte // the path of the file being stated
	// with keep, the folders of the memo to keep (scanRoot), of which
	// reused came from old
	keep   bool
	old    *folderMemo
	since  time.Time // when the scan started
	kept   map[string]*memoFolder
	reused int
	// sites are the paths of the site configs met (SiteConfigs)
	sites []string
	// realRoot is root with its links resolved, made at the first link
	// to an article (inArchive)
	realRoot string
}

// inArchive is the path in the archive of the article the link at p
// (relative to root) leads to, as the scan finds it ("" when it leads
// elsewhere, or to a hidden or passed-over place the scan does not enter).
func (s *statter) inArchive(p string) string {
	if s.realRoot == "" {
		r, err := filepath.EvalSymlinks(s.root)
		if err != nil {
			return ""
		}
		s.realRoot = r
	}
	target, err := filepath.EvalSymlinks(filepath.Join(s.root, filepath.FromSlash(p)))
	if err != nil || !IsArticlePath(target) {
		return ""
	}
	rel, err := filepath.Rel(s.realRoot, target)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return ""
	}
	rel = filepath.ToSlash(rel)
	if !utf8.ValidString(rel) {
		return "" // the scan cannot read it there (a review: the piece was lost)
	}
	dir := s.realRoot
	for part := range strings.SplitSeq(path.Dir(rel), "/") {
		if part != "." {
			if PassedIn(filepath.ToSlash(dir), part, ExistsInArchive(s.realRoot, dir)) {
				return ""
			}
			dir = filepath.Join(dir, part)
		}
		// each folder on the way is listed by the scan: one it cannot
		// list (execute but not read permission) hides the piece there
		if unix.Access(dir, unix.R_OK|unix.X_OK) != nil {
			return ""
		}
	}
	if Passed(path.Base(rel)) || unix.Access(target, unix.R_OK) != nil {
		return ""
	}
	return rel
}

// partMin is the minimum number of articles in a part of a folder's
// stats that another worker takes: a part costs the worker an open of the
// folder and the queue's lock, ~1 % of stating 256 files.
const partMin = 256

// scanFolder lists the articles of one folder (job.dir, relative to root,
// "." for root itself) and stats them, leaving parts of a large folder's
// stats to the other workers; it queues its subfolders. buf is reused for
// the folder's entries.
func scanFolder(s *statter, job scanJob, q *dirQueue, buf []byte) {
	dir := job.dir
	f, err := openFolder(s.root, dir)
	if err != nil {
		s.probs = append(s.probs, cannotReadFolder(dir, err))
		return
	}
	defer f.Close()
	fd := int(f.Fd())
	prefix := dir + "/"
	if dir == "." {
		prefix = ""
	}
	var names *nameList
	if s.keep {
		if stamp, ok := stampOf(fd); !ok {
			// not remembered: listed below
		} else if m := s.old.folder(dir); m != nil && m.stamp == stamp {
			names = s.remember(dir, m, true)
			for _, name := range m.sites {
				s.sites = append(s.sites, prefix+name)
			}
			// the memo keeps every subfolder: whether one is at a site's
			// root can change without a change to its folder (vendor/'s
			// when _config.yml is made)
			osDir := filepath.Join(s.root, dir)
			exists := ExistsInArchive(s.root, osDir)
			// a Hugo root, asked as it is now (config/_default made
			// changes config/, not this folder; a config's contentDir
			// edited changes the file alone)
			content := s.hugoContentAt(fd, dir, prefix, m.sites, slices.Contains(m.sites, "config"), len(m.subs) > 0)
			for _, sub := range m.subs {
				if !PassedIn(filepath.ToSlash(osDir), sub, exists) {
					q.add(job.sub(prefix+sub, content))
				}
			}
		} else if stamp.settled(s.since) {
			var subs, sites []string
			var ok bool
			if names, subs, sites, ok = s.list(f, fd, job, prefix, q, buf); ok {
				s.remember(dir, &memoFolder{stamp: stamp, subs: subs, names: *names, sites: sites}, false)
			}
		}
	}
	if names == nil {
		names, _, _, _ = s.list(f, fd, job, prefix, q, buf)
	}
	// The parts after the first go to the queue, the first is stated here.
	n := names.len()
	size := n
	if q.workers > 1 && n >= 2*partMin {
		size = max(partMin, (n+q.workers-1)/q.workers)
		for start := size; start < n; start += size {
			q.add(scanJob{dir: dir, names: names, lo: start, hi: min(start+size, n), hugo: job.hugo})
		}
	}
	s.stat(fd, prefix, names, 0, size, job.hugo)
}

// remember keeps m as the memo of the folder dir, reused from the old
// memo or not, and returns its names.
func (s *statter) remember(dir string, m *memoFolder, reused bool) *nameList {
	if s.kept == nil {
		s.kept = map[string]*memoFolder{}
	}
	s.kept[dir] = m
	if reused {
		s.reused++
	}
	return &m.names
}

// list lists the folder f (open as fd, job.dir relative to root, prefix
// its path with a slash): its article names (and an _index.html:
// IsHTMLSectionName, told of by stat in a Hugo content folder alone), its
// subfolders, which it queues when it is listed, and its site configs (IsSiteConfig's names that are there, as
// a stat following links finds them), which it adds to s.sites; false
// when the folder could not be read to its end, or the type of an entry
// could not be told, or a site config is a link (a link's target may
// come or go without a change to the folder).
func (s *statter) list(f *os.File, fd int, job scanJob, prefix string, q *dirQueue, buf []byte) (*nameList, []string, []string, bool) {
	dir := job.dir
	names := &nameList{}
	var subs, sites []string
	unsure := false
	osDir := filepath.Join(s.root, dir)
	exists := ExistsInArchive(s.root, osDir)
	configDir := false // a config folder, whose _default or production makes a Hugo root
	err := dirents.Read(f, buf, func(name []byte, typ dirents.Type) {
		if name, ok := siteConfigNamed(name); ok {
			// there as hugoRoot's stat (following links) finds it: not
			// in a folder this user may list but not enter, and on a
			// file system that ignores case under the name asked
			var st unix.Stat_t
			if fstatat(fd, name, &st, 0) == nil {
				sites = append(sites, name)
				s.sites = append(s.sites, prefix+name)
			}
			if typ == dirents.Link || typ == dirents.Unknown {
				unsure = true
			}
			configDir = configDir || name == "config"
			for _, f := range hugoConfigFolders {
				if typ != dirents.Dir && name == "config" && fstatat(fd, f, &st, 0) == nil {
					// a link to a folder, which the scan does not enter:
					// hugoRoot asks for config/_default in it
					s.sites = append(s.sites, prefix+f)
				}
			}
		}
		if Passed(name) || typ == dirents.Other && !IsArticlePath(string(name)) && !IsHTMLSectionName(string(name)) {
			return // hidden, or not an article
		}
		if typ == dirents.Unknown {
			var st unix.Stat_t
			typ = dirents.Other
			if err := fstatat(fd, string(name), &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
				unsure = true // a folder taken for a file: not to be remembered
			} else if st.Mode&unix.S_IFMT == unix.S_IFDIR {
				typ = dirents.Dir
			} else if st.Mode&unix.S_IFMT == unix.S_IFLNK {
				typ = dirents.Link
			}
		}
		if typ == dirents.Link && !IsArticlePath(string(name)) {
			// perhaps a link to a folder, which is not followed: stat
			// says, at every scan (the memo keeps its name)
			names.add(name)
			return
		}
		if typ == dirents.Link {
			if in := s.inArchive(prefix + string(name)); in != "" {
				// read where it is, not twice (a helper's report: a
				// folder of links by topic counted every piece twice)
				s.probs = append(s.probs, linkedInArchive(prefix+string(name), in))
				unsure = true // its note is made by listing: not remembered
				return
			}
		}
		if typ == dirents.Dir {
			// all, for the memo (see scanFolder); queued below, when
			// whether this folder is a Hugo root is known
			subs = append(subs, string(name))
			return
		}
		if IsArticlePath(string(name)) || IsHTMLSectionName(string(name)) {
			names.add(name)
		}
	})
	if err != nil {
		s.probs = append(s.probs, cannotReadFolder(dir, err))
	}
	content := s.hugoContentAt(fd, dir, prefix, sites, configDir, len(subs) > 0)
	isRoot := content != nil
	for _, sub := range subs {
		if !PassedIn(filepath.ToSlash(osDir), sub, exists) {
			q.add(job.sub(prefix+sub, content))
		}
	}
	if len(sites) > 0 && names.len() > 0 {
		if isRoot {
			for i := range names.len() {
				if name := string(names.name(i)); hugoRootFile(name) {
					s.probs = append(s.probs, hugoRootPage(prefix+name))
					unsure = true // its note is made by listing: not remembered
				}
			}
			names = names.without(hugoRootFile)
		}
		// config/_default made or removed changes config/, not this
		// folder: its names are not remembered
		unsure = unsure || configDir
	}
	return names, subs, sites, err == nil && !unsure
}

// hugoContentAt are the content folders' paths (from the archive's root)
// of the Hugo site whose root is the folder dir (open as fd, prefix its
// path with a slash), its site configs sites (configDir: one is a config
// folder), none when it is no Hugo root (hugoRoot, asked as it is now):
// content/, or its config's contentDir and its languages' own
// (hugoContentOf; content/ when folio cannot tell), read when subs, the
// folder having subfolders. A
// config.* that makes it a root by its contentDir alone (contentDirMark)
// is added to s.sites, read at every scan: editing it changes no folder.
func (s *statter) hugoContentAt(fd int, dir, prefix string, sites []string, configDir, subs bool) []string {
	if len(sites) == 0 {
		return nil
	}
	osDir := filepath.Join(s.root, dir)
	read := fsConfigs(os.DirFS(osDir)) // a config read for its contentDir is read once
	var st unix.Stat_t
	isRoot := hugoRoot("", func(rel string) bool {
		if name, ok := strings.CutSuffix(rel, contentDirMark); ok {
			if slices.Contains(sites, name) && configSetsContentDir(read, name) {
				s.sites = append(s.sites, prefix+rel)
				return true
			}
			return false
		}
		return slices.Contains(sites, rel) || slices.Contains(hugoConfigFolders, rel) && configDir && fstatat(fd, rel, &st, 0) == nil
	})
	if !isRoot {
		return nil
	}
	contents := []string{hugoContent}
	if c, ok := hugoContentOf(read, "."); ok && subs {
		contents = c.contents
	}
	out := make([]string, len(contents))
	for i, c := range contents {
		out[i] = prefix + c
	}
	return out
}

// sub is the job of the subfolder at p of job's folder, contents the
// content folders' paths of the Hugo site whose root that folder is (none
// for none): a Hugo site's content folder, or a folder below one, is told
// so (hugo), the folders on the way to one that is below (contentDir =
// "a/b", a language's content/fr) their paths (content).
func (job scanJob) sub(p string, contents []string) scanJob {
	if contents == nil {
		contents = job.content
	}
	j := scanJob{dir: p, hugo: job.hugo || slices.Contains(contents, p)}
	for _, c := range contents {
		if strings.HasPrefix(c, p+"/") {
			j.content = append(j.content, c)
		}
	}
	return j
}

// statPart stats a part of a folder's articles, queued by scanFolder.
func statPart(s *statter, job scanJob) {
	f, err := openFolder(s.root, job.dir)
	if err != nil { // the folder went since it was listed
		s.probs = append(s.probs, cannotReadFolder(job.dir, err))
		return
	}
	defer f.Close()
	prefix := job.dir + "/"
	if job.dir == "." {
		prefix = ""
	}
	s.stat(int(f.Fd()), prefix, job.names, job.lo, job.hi, job.hugo)
}

// openFolder opens the folder dir of root for listing and fstatat. With
// O_DIRECTORY a folder swapped for a named pipe since it was listed fails
// instead of blocking the open.
func openFolder(root, dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(root, filepath.FromSlash(dir)), os.O_RDONLY|unix.O_DIRECTORY|unix.O_NONBLOCK, 0)
}

// stat stats the articles lo to hi of names, of the folder open as fd
// (prefix is its path relative to root, with a slash, "" for root); an
// _index.html (IsHTMLSectionName) only when the folder is a Hugo site's
// content folder or below it (hugo).
func (s *statter) stat(fd int, prefix string, names *nameList, lo, hi int, hugo bool) {
	for i := lo; i < hi; i++ {
		name := names.name(i)
		if !hugo && IsHTMLSectionName(string(name)) {
			continue
		}
		s.path = append(append(s.path[:0], prefix...), name...)
		var st unix.Stat_t
		var info fileStat
		if err := fstatatName(fd, names.cName(i), &st); err != nil {
			info = statPath(s.root, string(s.path)) // for the error text fs.Stat gives
		} else {
			info = fileStat{
				size:    st.Size,
				modTime: time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)),
				ctime:   unix.TimespecToNsec(st.Ctim),
				regular: st.Mode&unix.S_IFMT == unix.S_IFREG,
				folder:  st.Mode&unix.S_IFMT == unix.S_IFDIR,
				nlink:   uint64(st.Nlink),
				dev:     uint64(st.Dev),
				ino:     uint64(st.Ino),
			}
			switch st.Mode & unix.S_IFMT {
			case unix.S_IFIFO:
				info.special = "a named pipe"
			case unix.S_IFCHR, unix.S_IFBLK:
				info.special = "a device"
			case unix.S_IFSOCK:
				info.special = "a socket"
			}
		}
		switch {
		case info.folder:
			s.probs = append(s.probs, linkedFolder(string(s.path)))
		case !IsArticlePath(string(name)) && !IsHTMLSectionName(string(name)):
			// a link (listed to be told from a link to a folder) to
			// anything else, or to nothing: not an article
		case info.err != nil && info.gone:
			// listed, then gone (renamed or deleted as the scan ran): a
			// file not there, not one skipped, which no check could
			// list (a helper's report: "3 file(s) skipped", and folio
			// check had none)
		case info.err != nil:
			s.probs = append(s.probs, cannotRead(string(s.path), info.err))
		case info.regular && !utf8.Valid(s.path):
			// Go's file systems take only UTF-8 paths: it could not be read
			s.probs = append(s.probs, Problem{Path: string(s.path), Msg: "the file's name (or its folder's) is not valid UTF-8: rename it to read it", Fatal: true})
		case info.regular && info.nlink > 1:
			s.linked = append(s.linked, linkedFile{dev: info.dev, ino: info.ino, path: string(s.path), size: info.size, modTime: info.modTime, ctime: info.ctime})
		case info.regular:
			s.file(s.path, info.size, info.modTime, info.ctime)
		case info.special != "":
			s.probs = append(s.probs, specialFile(string(s.path), info.special))
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

// scanJob is a folder to list (names nil), or a part of a listed folder's
// articles to stat: names lo to hi.
type scanJob struct {
	dir    string // relative to root, "." for root itself
	names  *nameList
	lo, hi int
	// hugo: the folder is a Hugo site's content folder or below it, so
	// that its _index.html is told of (hugoHTMLSectionAt)
	hugo bool
	// content: the paths of a Hugo site's content folders below the
	// folder (scanJob.sub)
	content []string
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
