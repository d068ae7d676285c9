package index

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/folio-tui/folio/archive"
)

// Options configure Open.
type Options struct {
	// Dir is the folder for the index (--index-dir). Empty: the user cache
	// folder, os.UserCacheDir()/folio/<key>, keyed by the archive.
	Dir string
	// Memory builds the index in memory only, never touching the cache.
	Memory bool
	// Progress, when set, is called as files are indexed.
	Progress Progress
	// Synonyms for query expansion; nil: DefaultSynonyms() (bundled + user file).
	Synonyms *Synonyms
	// LockTimeout bounds the wait for an index another folio holds; 0: 1 s.
	LockTimeout time.Duration
	// Workers parse files in parallel; 0: GOMAXPROCS.
	Workers int
	// BatchBytes and BatchDocs cap one indexing batch; 0: 2 MB and 1000.
	// Memory grows with the batch (analysed tokens, the segment being
	// built, two batches at once): 2 MB keeps a build near 0.6 GB peak.
	BatchBytes int
	BatchDocs  int
	// ResultCache is how many recent results are kept; 0: 64; negative:
	// none (benchmarks).
	ResultCache int
}

// Stats describe what Open did.
type Stats struct {
	Files     int           // article files in the archive
	Docs      int           // documents in the index
	Indexed   int           // documents (re)indexed by this open
	Removed   int           // documents removed by this open
	Bytes     int64         // bytes of the files (re)indexed
	Rebuilt   bool          // the index was built from scratch
	Took      time.Duration // time spent in Open
	Dir       string        // the index folder; "" in memory
	Unchanged bool          // the archive had not changed: nothing was read
}

// Index is a searchable archive. It is safe for concurrent use.
type Index struct {
	bi       bleve.Index
	name     string
	fsys     fs.FS
	dir      string
	lock     *fileLock
	synonyms *Synonyms
	// restoreGC undoes relaxGC when a large build's index is closed
	restoreGC func()

	// Fallback says why the index is in memory instead of the cache, when
	// it could not be used (unwritable, locked, corrupt); "" otherwise.
	Fallback string
	// Stats of the open.
	Stats Stats

	// verify is Verify's check, for an index opened by OpenCached
	verify func() bool

	// inUse is held for reading by every search and for writing by Close:
	// bleve must not be closed under a search (collect reads its snapshot
	// directly, and a closed one makes it panic).
	inUse sync.RWMutex

	mu      sync.RWMutex
	lengths lengths // of the pieces in words, for ranking
	// facetTerms are the values of allFacets, for counting facets
	facetTerms *facetTerms
	problems   []archive.Problem
	allFacets  Facets
	count      int
	cache      *resultCache
}

// ErrNoIndex is returned by methods of a closed Index.
var ErrNoIndex = errors.New("index is closed")

// OpenDir opens the index of the archive in dir, or of the bundled archive
// when dir is "".
func OpenDir(ctx context.Context, dir string, opts Options) (*Index, error) {
	name, fsys, err := archive.Source(dir)
	if err != nil {
		return nil, err
	}
	return Open(ctx, name, fsys, opts)
}

// Open opens (building or refreshing as needed) the index of the archive
// named name (archive.BundledName or its absolute path) whose files are in
// fsys. An unchanged archive is not read at all; a changed one has only its
// added, changed and removed files re-indexed. When the cache cannot be
// used, the index is built in memory and Fallback says why. The error is
// only for a cancelled ctx.
func Open(ctx context.Context, name string, fsys fs.FS, opts Options) (*Index, error) {
	start := time.Now()
	ix := newIndex(name, fsys, opts)
	var err error
	if opts.Memory {
		err = ix.openMemory(ctx, opts)
	} else {
		var dir string
		dir, err = cacheDir(name, opts)
		if err == nil {
			err = ix.openDisk(ctx, dir, opts)
		}
		if err != nil && ctx.Err() == nil {
			ix.closeBleve()
			err = ix.inMemory(ctx, opts, err)
		}
	}
	if err != nil {
		ix.closeBleve()
		ix.lock.unlock()
		return nil, err
	}
	ix.Stats.Took = time.Since(start)
	return ix, nil
}

func newIndex(name string, fsys fs.FS, opts Options) *Index {
	cacheSize := opts.ResultCache
	if cacheSize == 0 {
		cacheSize = 64
	}
	ix := &Index{name: name, fsys: fsys, synonyms: opts.Synonyms, cache: newResultCache(cacheSize)}
	if ix.synonyms == nil {
		ix.synonyms = DefaultSynonyms()
	}
	return ix
}

// ErrNotCached is returned by OpenCached when the cache holds no complete
// index of the archive that Verify could check.
var ErrNotCached = errors.New("no complete cached index")

// OpenCached opens the cached index of an archive as it was last recorded,
// so that a search can run while Verify checks the archive's files against
// it; the scan for Verify starts at once, beside the opening. Unless Verify
// returns true, the index may be out of date: use Refresh, or close it and
// use Open. It does not wait for a lock another folio holds (errLocked):
// Open, which waits, is the way on. The embedded archive is never opened
// this way (ErrNotCached): its files are checked by their hashes.
func OpenCached(name string, fsys fs.FS, opts Options) (*Index, error) {
	start := time.Now()
	if name == archive.BundledName {
		return nil, ErrNotCached
	}
	ix := newIndex(name, fsys, opts)
	dir, err := cacheDir(name, opts)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); err != nil {
		return nil, ErrNotCached
	}
	noWait := opts
	noWait.LockTimeout = time.Nanosecond
	if err := ix.lockCache(dir, noWait); err != nil {
		return nil, err
	}
	scanned := make(chan scanResult, 1)
	go func() {
		files, probs := archive.ScanUnsorted(fsys)
		scanned <- scanResult{files, probs}
	}()
	m, err := readManifest(dir)
	if err != nil || !m.describes(name) || !m.checkable() {
		ix.Close()
		return nil, ErrNotCached
	}
	m.files = nil // the file entries are not needed: let them go
	if ok, err := ix.openBleve(m, true, opts); !ok || err != nil {
		ix.Close()
		return nil, cmp.Or(err, ErrNotCached)
	}
	ix.verify = sync.OnceValue(func() bool {
		scan := <-scanned
		ix.Stats.Files = len(scan.files)
		if !m.current(scan.files) {
			return false
		}
		ix.finish(m, scan.probs)
		ix.Stats.Unchanged = true
		return true
	})
	ix.finish(m, nil)
	ix.Stats.Took = time.Since(start)
	return ix, nil
}

// Verify scans the archive's files and reports whether they are as the
// index opened by OpenCached recorded them, and so its results current.
// It may run while the index is searched; a second call gives the first
// answer.
func (ix *Index) Verify() bool {
	return ix.verify != nil && ix.verify()
}

// Refresh brings an index opened by OpenCached in line with the archive, as
// Open would have, and reports whether it changed: when Verify holds there
// is nothing to do; else the searches under way finish first and later ones
// wait while the changed files are indexed. When the cache cannot be
// written, the index is rebuilt in memory and Fallback says why.
func (ix *Index) Refresh(ctx context.Context, opts Options) (bool, error) {
	if ix.verify == nil {
		return false, errors.New("Refresh needs an index opened by OpenCached")
	}
	if ix.Verify() {
		return false, nil
	}
	ix.inUse.Lock()
	defer ix.inUse.Unlock()
	if ix.bi == nil {
		return false, ErrNoIndex
	}
	ix.closeBleveLocked() // read-only: nothing to lose
	ix.Stats = Stats{Dir: ix.dir}
	err := ix.openLocked(ctx, ix.dir, opts)
	if err != nil && ctx.Err() == nil {
		ix.closeBleveLocked()
		err = ix.inMemory(ctx, opts, err)
	}
	return true, err
}

// inMemory gives up the cache, which failed with err, and builds the index
// in memory instead; bleve is closed already.
func (ix *Index) inMemory(ctx context.Context, opts Options, err error) error {
	ix.lock.unlock()
	ix.lock = nil
	ix.Stats = Stats{}
	ix.Fallback = "index cache not used (" + err.Error() + "): index kept in memory"
	return ix.openMemory(ctx, opts)
}

type scanResult struct {
	files []archive.FileInfo
	probs []archive.Problem
}

// cacheDir is the index folder of an archive: opts.Dir or CacheDir.
func cacheDir(name string, opts Options) (string, error) {
	if opts.Dir != "" {
		return opts.Dir, nil
	}
	return CacheDir(name)
}

// CacheDir is the default index folder of an archive:
// os.UserCacheDir()/folio/bundled, or /folio/<basename>-<hash of the path>.
func CacheDir(name string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "folio", cacheKey(name)), nil
}

func cacheKey(name string) string {
	if name == archive.BundledName {
		return "bundled"
	}
	sum := sha256.Sum256([]byte(name))
	b := filepath.Base(name)
	b = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, b)
	if len(b) > 40 {
		b = b[:40]
	}
	return b + "-" + hex.EncodeToString(sum[:6])
}

func (ix *Index) openMemory(ctx context.Context, opts Options) error {
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	ix.bi = bi
	ix.dir = ""
	m := newManifest(ix.name)
	ix.Stats.Rebuilt = true
	files, scanProbs := ix.scan()
	return ix.execute(ctx, m, ix.plan(m, files, scanProbs), opts, "")
}

func newManifest(name string) *manifest {
	return &manifest{manifestHead: manifestHead{Schema: SchemaVersion, Archive: name}, Files: map[string]fileEntry{}}
}

const bleveSubdir = "bleve"

// lockCache takes the lock of the index folder dir, waiting up to
// opts.LockTimeout for another folio to let go of it.
func (ix *Index) lockCache(dir string, opts Options) error {
	lock, err := lockDir(filepath.Join(dir, "lock"), lockTimeout(opts))
	if err != nil {
		return err
	}
	ix.lock = lock
	ix.dir = dir
	ix.Stats.Dir = dir
	return nil
}

func lockTimeout(opts Options) time.Duration {
	if opts.LockTimeout <= 0 {
		return time.Second
	}
	return opts.LockTimeout
}

func (ix *Index) openDisk(ctx context.Context, dir string, opts Options) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := ix.lockCache(dir, opts); err != nil {
		return err
	}
	return ix.openLocked(ctx, dir, opts)
}

// openLocked opens, refreshes or builds the index in dir, whose lock ix
// holds.
func (ix *Index) openLocked(ctx context.Context, dir string, opts Options) error {
	bdir := filepath.Join(dir, bleveSubdir)
	files, scanProbs := ix.scan()
	if m, err := readManifest(dir); err == nil && m.describes(ix.name) {
		if reused, err := ix.reopen(ctx, m, files, scanProbs, opts); reused || err != nil {
			return err
		}
	}
	if err := os.RemoveAll(bdir); err != nil {
		return err
	}
	_ = os.Remove(filepath.Join(dir, manifestName))
	bi, err := bleve.NewUsing(bdir, newMapping(), scorch.Name, scorch.Name, map[string]interface{}{"unsafe_batch": true})
	if err != nil {
		return err
	}
	ix.bi = bi
	ix.Stats.Rebuilt = true
	m := newManifest(ix.name)
	return ix.execute(ctx, m, ix.plan(m, files, scanProbs), opts, dir)
}

// reopen opens the index on disk that m describes and brings it in line
// with the archive's files; false when it must be rebuilt instead.
func (ix *Index) reopen(ctx context.Context, m *manifest, files []archive.FileInfo, scanProbs []archive.Problem,
	opts Options) (bool, error) {
	var p *plan
	if m.current(files) {
		// Unchanged, as far as sizes and times tell: the file entries need
		// not even be decoded.
		p = &plan{scanProbs: scanProbs}
	} else if err := m.loadFiles(); err != nil {
		return false, nil
	} else {
		p = ix.plan(m, files, scanProbs)
	}
	// Nothing to do: read-only, so that not one index file changes.
	readOnly := p.empty() && m.Complete && m.Facets != nil
	if ok, err := ix.openBleve(m, readOnly, opts); !ok || err != nil {
		return false, err
	}
	return true, ix.execute(ctx, m, p, opts, ix.dir)
}

// openBleve opens the bleve index of the cache that m describes; false
// when it is missing, damaged or does not hold m's documents.
func (ix *Index) openBleve(m *manifest, readOnly bool, opts Options) (bool, error) {
	cfg := map[string]interface{}{"bolt_timeout": lockTimeout(opts).String(), "unsafe_batch": true}
	if readOnly {
		cfg["read_only"] = true
	}
	bi, err := openBleve(filepath.Join(ix.dir, bleveSubdir), cfg)
	switch {
	case err != nil && isTimeout(err):
		return false, errLocked
	case err != nil:
		return false, nil // corrupt or missing
	}
	if n, err := bi.DocCount(); m.Complete && (err != nil || int(n) != m.Docs) {
		_ = bi.Close()
		return false, nil
	}
	ix.bi = bi
	return true, nil
}

// openBleve opens an existing index, turning a panic on a damaged index
// into an error.
func openBleve(path string, cfg map[string]interface{}) (bi bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			bi, err = nil, fmt.Errorf("damaged index: %v", r)
		}
	}()
	return bleve.OpenUsing(path, cfg)
}

func isTimeout(err error) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), "timeout")
}

// work is one file to (re)index.
type work struct {
	info  archive.FileInfo
	data  []byte // already read (to compare hashes), or nil
	entry fileEntry
	// indexedID is the ID of the document the file had in the index, if
	// it had one
	indexedID string
}

type parsed struct {
	indexedID string // see work
	path      string
	entry     fileEntry
	article   archive.Article
	size      int
}

// plan is the work that brings an index in line with the archive.
type plan struct {
	files     []archive.FileInfo // the scan planned from
	round     int                // 0, or 1 for a plan made right after executing one
	todo      []work
	deletes   []string
	owner     map[string]string    // ID → the path that has it
	newFiles  map[string]fileEntry // entries of the files not in todo
	scanProbs []archive.Problem
}

func (p *plan) empty() bool { return len(p.todo) == 0 && len(p.deletes) == 0 }

// scan lists the archive's files, sorted by path.
func (ix *Index) scan() ([]archive.FileInfo, []archive.Problem) {
	files, probs := archive.Scan(ix.fsys)
	ix.Stats.Files = len(files)
	return files, probs
}

// plan compares the archive's files (from scan) with the manifest, whose
// files are loaded. Unchanged files are not read, except on file systems
// without modification times (the embedded archive), where they are hashed.
func (ix *Index) plan(m *manifest, files []archive.FileInfo, scanProbs []archive.Problem) *plan {

	// Decide, for each file, whether it is unchanged; files on a file
	// system without modification times (the embedded archive) are hashed.
	type state struct {
		info      archive.FileInfo
		id        string
		unchanged bool
		data      []byte
		hash      string
	}
	states := make([]state, len(files))
	present := make(map[string]bool, len(files))
	for i, f := range files {
		present[f.Path] = true
		e, ok := m.Files[f.Path]
		st := state{info: f, id: e.ID}
		if !ok || e.ID == "" {
			st.id = archive.IDFromPath(f.Path)
		}
		if ok && e.Size == f.Size && f.Size >= 0 {
			if f.ModTime.IsZero() {
				if data, err := archive.ReadFile(ix.fsys, f.Path); err == nil {
					st.data = data
					st.hash = hashOf(data)
					st.unchanged = st.hash == e.Hash && e.MTime == 0
				}
			} else {
				st.unchanged = e.MTime == f.ModTime.UnixNano()
			}
		}
		states[i] = st
	}

	// Owners of IDs: the first path (in path order) with that ID that is
	// not known to be unusable. Others are duplicates, skipped.
	owner := map[string]string{}
	for _, st := range states {
		id := st.id
		if st.unchanged && m.Files[st.info.Path].Fatal {
			continue
		}
		if _, ok := owner[id]; !ok && id != "" {
			owner[id] = st.info.Path
		}
	}

	var todo []work
	newFiles := make(map[string]fileEntry, len(files))
	for _, st := range states {
		p := st.info.Path
		id := st.id
		e := m.Files[p]
		isOwner := owner[id] == p
		if st.unchanged && (e.Fatal || e.Indexed == isOwner) {
			newFiles[p] = e
			continue
		}
		if st.unchanged && !isOwner {
			// was indexed, now a duplicate of a new owner
			e.Indexed = false
			e.Problems = append(withoutDuplicate(e.Problems), archive.DuplicateProblem(p, owner[id], id))
			newFiles[p] = e
			continue
		}
		w := work{info: st.info, data: st.data, entry: fileEntry{ID: id}}
		if e.Indexed {
			w.indexedID = e.ID
		}
		todo = append(todo, w)
	}

	// IDs to delete: indexed before, owned by no file now.
	var deletes []string
	for _, e := range m.Files {
		if !e.Indexed || e.ID == "" {
			continue
		}
		if o, ok := owner[e.ID]; !ok || !present[o] {
			deletes = append(deletes, e.ID)
		}
	}
	slices.Sort(deletes)
	deletes = slices.Compact(deletes)
	return &plan{files: files, todo: todo, deletes: deletes, owner: owner, newFiles: newFiles, scanProbs: scanProbs}
}

// execute carries out a plan and writes the manifest.
func (ix *Index) execute(ctx context.Context, m *manifest, p *plan, opts Options, dir string) error {
	todo, deletes, owner, newFiles, scanProbs := p.todo, p.deletes, p.owner, p.newFiles, p.scanProbs
	if p.empty() {
		ix.Stats.Unchanged = !ix.Stats.Rebuilt
		ix.finish(m, scanProbs)
		if m.Facets == nil || !m.Complete || dir == "" {
			// first build of an empty archive, or an old manifest
			m.Files = newFiles
			m.Complete = true
			return ix.commit(ctx, m, dir, scanProbs)
		}
		return nil
	}

	if dir != "" {
		// Mark the work in progress so that an interruption is redone.
		pending := newManifest(ix.name)
		for p, e := range m.Files {
			pending.Files[p] = e
		}
		for p, e := range newFiles {
			pending.Files[p] = e
		}
		for _, w := range todo {
			pending.Files[w.info.Path] = fileEntry{Size: -1, ID: w.entry.ID, Indexed: true}
		}
		if err := writeManifest(dir, pending); err != nil {
			return err
		}
	}

	if len(todo) >= 500 && ix.restoreGC == nil {
		// Until the index is closed: its segments are merged after the last
		// batch, and closing waits for those merges.
		ix.restoreGC = relaxGC(max(buildMemoryLimit, perFileMemory*int64(len(m.Files)+len(todo))))
	}
	if err := ix.apply(ctx, todo, deletes, owner, newFiles, opts); err != nil {
		return err
	}
	ix.Stats.Removed += len(deletes)
	m.Files = newFiles
	m.Complete = true
	// A file found unusable in this run hands its ID to a file that was
	// its duplicate: planning again over the same scan finds that work,
	// which the next open would skip, its fingerprint matching.
	if p.round == 0 {
		if again := ix.plan(m, p.files, scanProbs); !again.empty() {
			again.round = 1
			return ix.execute(ctx, m, again, opts, dir)
		}
	}
	return ix.commit(ctx, m, dir, scanProbs)
}

func withoutDuplicate(ps []archive.Problem) []archive.Problem {
	out := ps[:0:0]
	for _, p := range ps {
		if !strings.HasPrefix(p.Msg, "duplicate id") {
			out = append(out, p)
		}
	}
	return out
}

// commit computes the all-documents facets, records the count and writes
// the manifest.
func (ix *Index) commit(ctx context.Context, m *manifest, dir string, scanProbs []archive.Problem) error {
	n, err := ix.bi.DocCount()
	if err != nil {
		return err
	}
	m.Docs = int(n)
	f, err := ix.computeFacets(ctx)
	if err != nil {
		return err
	}
	m.Facets = &f
	m.summarize()
	ix.finish(m, scanProbs)
	if dir != "" {
		return writeManifest(dir, m)
	}
	return nil
}

// finish sets the in-memory state from the manifest's head.
func (ix *Index) finish(m *manifest, scanProbs []archive.Problem) {
	probs := slices.Concat(scanProbs, m.Problems)
	archive.SortProblems(probs)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.problems = probs
	ix.count = m.Docs
	ix.lengths = m.Lengths
	if m.Facets != nil {
		ix.allFacets = *m.Facets
	}
	ix.facetTerms = newFacetTerms(ix.allFacets)
	ix.Stats.Docs = m.Docs
	ix.cache.clear()
}

// apply parses the files of todo in parallel and indexes them in batches
// capped by bytes and count; deletes go in the first batch.
//
// Batches are submitted by two goroutines at once, so that one segment is
// built while the next batch is analysed, and with scorch's unsafe_batch:
// a batch returns once searchable, without waiting for its fsync. Every
// batch carries a persisted callback, and apply returns only when all have
// been persisted, so the manifest written after it never runs ahead of the
// index on disk.
func (ix *Index) apply(ctx context.Context, todo []work, deletes []string, owner map[string]string,
	newFiles map[string]fileEntry, opts Options) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxBytes := opts.BatchBytes
	if maxBytes <= 0 {
		maxBytes = 2 << 20
	}
	maxDocs := opts.BatchDocs
	if maxDocs <= 0 {
		maxDocs = 1000
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	results := make(chan parsed, 4*workers)
	var parsers sync.WaitGroup
	for range workers {
		parsers.Go(func() {
			for i := range jobs {
				select {
				case results <- parseWork(ix.fsys, todo[i]):
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := range todo {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		parsers.Wait()
		close(results)
	}()

	var (
		mu       sync.Mutex // guards newFiles, ix.Stats, done, firstErr
		done     int
		firstErr error
		persist  sync.WaitGroup
		perrMu   sync.Mutex
		persErr  error
	)
	total := len(todo)
	report := func() {
		if opts.Progress != nil {
			opts.Progress(done, total)
		}
	}
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
		cancel()
	}
	submit := func(batch *bleve.Batch) error {
		if batch.Size() == 0 {
			return nil
		}
		if ix.dir == "" {
			return ix.bi.Batch(batch) // in memory: nothing is ever persisted
		}
		persist.Add(1)
		var once sync.Once
		batch.SetPersistedCallback(func(err error) {
			once.Do(func() {
				if err != nil {
					perrMu.Lock()
					persErr = err
					perrMu.Unlock()
				}
				persist.Done()
			})
		})
		if err := ix.bi.Batch(batch); err != nil {
			once.Do(persist.Done)
			return err
		}
		return nil
	}

	mu.Lock()
	report()
	mu.Unlock()
	if len(deletes) > 0 {
		batch := ix.bi.NewBatch()
		for _, id := range deletes {
			batch.Delete(id)
		}
		if err := submit(batch); err != nil {
			return err
		}
	}

	const batchers = 2
	var wg sync.WaitGroup
	for range batchers {
		wg.Go(func() {
			batch := ix.bi.NewBatch()
			batchBytes := 0
			flush := func() {
				if err := submit(batch); err != nil {
					mu.Lock()
					fail(err)
					mu.Unlock()
				}
				batch = ix.bi.NewBatch()
				batchBytes = 0
			}
			for r := range results {
				if ctx.Err() != nil {
					continue // drain
				}
				e := r.entry
				indexed := false
				if !e.Fatal {
					if o := owner[e.ID]; o != r.path {
						e.Problems = append(e.Problems, archive.DuplicateProblem(r.path, o, e.ID))
					} else if err := batch.Index(e.ID, document(r.article)); err != nil {
						e.Problems = append(e.Problems, archive.Problem{Path: r.path, Msg: "not indexed: " + err.Error(), Fatal: true})
						e.Fatal = true
					} else {
						e.Indexed = true
						indexed = true
						batchBytes += r.size
					}
				}
				if !indexed && r.indexedID != "" && owner[r.indexedID] == r.path {
					// the file's piece, which the file no longer gives
					batch.Delete(r.indexedID)
				}
				mu.Lock()
				newFiles[r.path] = e
				done++
				if indexed {
					ix.Stats.Indexed++
					ix.Stats.Bytes += int64(r.size)
				}
				if done%100 == 0 {
					report()
				}
				mu.Unlock()
				if batchBytes >= maxBytes || batch.Size() >= maxDocs {
					flush()
				}
			}
			if ctx.Err() == nil {
				flush()
			}
		})
	}
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	// Wait for persistence even after an error: the callbacks of batches
	// already submitted still fire.
	persisted := make(chan struct{})
	go func() {
		persist.Wait()
		close(persisted)
	}()
	select {
	case <-persisted:
	case <-time.After(5 * time.Minute):
		if firstErr == nil {
			firstErr = errors.New("index not persisted after 5 minutes")
		}
	}
	if firstErr != nil {
		return firstErr
	}
	if persErr != nil {
		return persErr
	}
	mu.Lock()
	report()
	mu.Unlock()
	return nil
}

func parseWork(fsys fs.FS, w work) parsed {
	p := w.info.Path
	e := fileEntry{Size: w.info.Size, ID: w.entry.ID}
	if !w.info.ModTime.IsZero() {
		e.MTime = w.info.ModTime.UnixNano()
	}
	data := w.data
	if data == nil {
		var err error
		data, err = archive.ReadFile(fsys, p)
		if err != nil {
			e.Fatal = true
			e.Problems = []archive.Problem{{Path: p, Msg: "cannot read: " + err.Error(), Fatal: true}}
			return parsed{indexedID: w.indexedID, path: p, entry: e}
		}
	}
	e.Size = int64(len(data))
	if w.info.ModTime.IsZero() {
		e.Hash = hashOf(data)
	}
	a, probs := parseSafely(p, data)
	e.Problems = probs
	if archive.IsFatal(probs) || a.ID == "" {
		e.Fatal = true
		return parsed{indexedID: w.indexedID, path: p, entry: e}
	}
	e.ID = a.ID
	e.Words = countWords(a.Standfirst) + countWords(a.Body)
	return parsed{indexedID: w.indexedID, path: p, entry: e, article: a, size: len(data)}
}

// parseSafely turns a panic in the parser (a bug, but on user data) into a
// problem for the file.
func parseSafely(p string, data []byte) (a archive.Article, probs []archive.Problem) {
	defer func() {
		if r := recover(); r != nil {
			a = archive.Article{}
			probs = []archive.Problem{{Path: p, Msg: fmt.Sprintf("cannot parse: %v", r), Fatal: true}}
		}
	}()
	return archive.Parse(p, data)
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// Close releases the index and its lock.
func (ix *Index) Close() error {
	if ix == nil {
		return nil
	}
	err := ix.closeBleve()
	ix.lock.unlock()
	return err
}

func (ix *Index) closeBleve() error {
	defer func() {
		if ix.restoreGC != nil {
			ix.restoreGC()
			ix.restoreGC = nil
		}
	}()
	ix.inUse.Lock() // after the searches under way
	defer ix.inUse.Unlock()
	return ix.closeBleveLocked()
}

// closeBleveLocked is closeBleve for a caller that holds inUse.
func (ix *Index) closeBleveLocked() error {
	if ix.bi == nil {
		return nil
	}
	err := ix.bi.Close()
	ix.bi = nil
	return err
}

// Name is the archive's name: archive.BundledName or its absolute path.
func (ix *Index) Name() string { return ix.name }

// Count is the number of documents in the index.
func (ix *Index) Count() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.count
}

// Problems are the archive's problems: files skipped or loaded with a
// warning, including those of files not re-read by this open.
func (ix *Index) Problems() []archive.Problem {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return slices.Clone(ix.problems)
}

// Skipped is the number of files that could not be indexed.
func (ix *Index) Skipped() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	seen := map[string]bool{}
	for _, p := range ix.problems {
		if p.Fatal {
			seen[p.Path] = true
		}
	}
	return len(seen)
}

// Article reads and parses the piece with the given ID from the archive.
func (ix *Index) Article(id string) (archive.Article, error) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	return ix.article(id)
}

// article is Article for a caller that holds inUse.
func (ix *Index) article(id string) (archive.Article, error) {
	p, err := ix.pathOf(id)
	if err != nil {
		return archive.Article{}, err
	}
	data, err := archive.ReadFile(ix.fsys, p)
	if err != nil {
		return archive.Article{}, err
	}
	a, probs := parseSafely(p, data)
	if archive.IsFatal(probs) || a.ID == "" {
		for _, pr := range probs {
			if pr.Fatal {
				return archive.Article{}, pr
			}
		}
		return archive.Article{}, fmt.Errorf("%s: cannot be read", p)
	}
	return a, nil
}

// pathOf finds the file of a piece: stored in the index.
func (ix *Index) pathOf(id string) (string, error) {
	if ix.bi == nil {
		return "", ErrNoIndex
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fPath}
	res, err := ix.bi.Search(req)
	if err != nil {
		return "", err
	}
	if len(res.Hits) == 0 {
		return "", fmt.Errorf("no piece %q", id)
	}
	p, _ := res.Hits[0].Fields[fPath].(string)
	if p == "" || !fs.ValidPath(p) || path.IsAbs(p) {
		return "", fmt.Errorf("no file for piece %q", id)
	}
	return p, nil
}

var (
	gcMu       sync.Mutex
	gcDepth    int
	gcOld      int
	gcOldLimit int64
)

// buildMemoryLimit is the Go memory limit during a large build: GOGC 200
// lets the heap grow to three times what is live, and merging the segments
// of 100k pieces took the peak RSS past 1 GB. Near the limit the collector
// runs more often instead. A lower GOMEMLIMIT of the user's is kept.
//
// What folio keeps per file while building (the plan's entries, owners and
// new manifest, about 500 bytes a file) grows with the archive, so past
// 250k files the limit does too: at 1M files a flat 400 MiB left the
// collector running all the time and the build at a third of its speed,
// and 800 bytes a file still spent half the CPU in the collector.
const (
	buildMemoryLimit = 400 << 20
	perFileMemory    = 1600
)

// gcRelaxed is GOGC during a large build. Measured at 10k pieces: 100 →
// 12.7 MB/s, 1.1 GB peak; 200 → 15 MB/s, 1.1 GB; 400 → 15 MB/s, 2.2 GB
// (with 8 MB batches; 2 MB batches bring the peak to ~0.6 GB).
const gcRelaxed = 200

// relaxGC raises GOGC to gcRelaxed while a large build runs (nested builds
// share it) and returns the function that restores it: indexing allocates
// much short-lived garbage, and collecting it less often saves CPU for
// some more memory.
func relaxGC(limit int64) func() {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcDepth == 0 {
		gcOld = debug.SetGCPercent(gcRelaxed)
		if gcOld < 0 || gcOld > gcRelaxed {
			debug.SetGCPercent(gcOld) // the user's choice was laxer already
		}
		gcOldLimit = debug.SetMemoryLimit(-1)
		if gcOldLimit > limit {
			debug.SetMemoryLimit(limit)
		}
	}
	gcDepth++
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		gcDepth--
		if gcDepth == 0 {
			debug.SetGCPercent(gcOld)
			debug.SetMemoryLimit(gcOldLimit)
		}
	}
}
