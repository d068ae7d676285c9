package index

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	// LargeBuild, when set, is called as a build of 500 files or more
	// starts, with the number of files the archive will have; the function
	// it returns is called when that build's index is closed. A command
	// tunes the process's garbage collector with it (the library leaves
	// process-wide settings alone).
	LargeBuild func(files int) (restore func())
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
	// restore undoes Options.LargeBuild when the index is closed
	restore []func()

	// verify is Verify's check, for an index opened by OpenCached
	verify func() bool

	// inUse is held for reading by every search and for writing by Close:
	// bleve must not be closed under a search (collect reads its snapshot
	// directly, and a closed one makes it panic).
	inUse sync.RWMutex

	mu sync.RWMutex
	// fallback says why the index is in memory instead of the cache
	fallback string
	stats    Stats
	lengths  lengths // of the pieces in words, for ranking
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
		ix.Close()
		return nil, err
	}
	ix.mu.Lock()
	ix.stats.Took = time.Since(start)
	ix.mu.Unlock()
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
	bi, ok, err := openCachedBleve(dir, m, true, opts)
	if !ok || err != nil {
		ix.Close()
		return nil, cmp.Or(err, ErrNotCached)
	}
	ix.bi = bi
	ix.verify = sync.OnceValue(func() bool {
		scan := <-scanned
		ix.mu.Lock()
		ix.stats.Files = len(scan.files)
		ix.mu.Unlock()
		if !m.current(scan.files) {
			return false
		}
		ix.finish(m, scan.probs)
		ix.mu.Lock()
		ix.stats.Unchanged = true
		ix.mu.Unlock()
		return true
	})
	ix.finish(m, nil)
	ix.mu.Lock()
	ix.stats.Took = time.Since(start)
	ix.mu.Unlock()
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
	ix.mu.Lock()
	ix.fallback = "index cache not used (" + err.Error() + "): index kept in memory"
	ix.mu.Unlock()
	return ix.openMemory(ctx, opts)
}

type scanResult struct {
	files []archive.FileInfo
	probs []archive.Problem
}

func (ix *Index) openMemory(ctx context.Context, opts Options) error {
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	ix.dir = ""
	b := &build{bi: bi, fsys: ix.fsys, name: ix.name, opts: opts, stats: Stats{Rebuilt: true}}
	m := newManifest(ix.name)
	files, scanProbs := b.scan()
	return ix.built(b, m, scanProbs, b.execute(ctx, m, b.plan(m, files, scanProbs)))
}

// built makes the index that b built, after err, the Index's; unless err,
// its state is set from m.
func (ix *Index) built(b *build, m *manifest, scanProbs []archive.Problem, err error) error {
	ix.bi = b.bi
	if b.restore != nil {
		ix.restore = append(ix.restore, b.restore)
	}
	if err != nil {
		return err
	}
	ix.mu.Lock()
	ix.stats = b.stats
	ix.mu.Unlock()
	ix.finish(m, scanProbs)
	return nil
}

// lockCache takes the lock of the index folder dir, waiting up to
// opts.LockTimeout for another folio to let go of it.
func (ix *Index) lockCache(dir string, opts Options) error {
	lock, err := lockDir(filepath.Join(dir, "lock"), lockTimeout(opts))
	if err != nil {
		return err
	}
	ix.lock = lock
	ix.dir = dir
	ix.mu.Lock()
	ix.stats.Dir = dir
	ix.mu.Unlock()
	return nil
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
	b := &build{fsys: ix.fsys, name: ix.name, dir: dir, opts: opts, stats: Stats{Dir: dir}}
	files, scanProbs := b.scan()
	if m, err := readManifest(dir); err == nil && m.describes(ix.name) {
		if reused, err := ix.reopen(ctx, b, m, files, scanProbs); reused || err != nil {
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
	b.bi = bi
	b.stats.Rebuilt = true
	m := newManifest(ix.name)
	return ix.built(b, m, scanProbs, b.execute(ctx, m, b.plan(m, files, scanProbs)))
}

// reopen opens the index on disk that m describes and brings it in line
// with the archive's files; false when it must be rebuilt instead.
func (ix *Index) reopen(ctx context.Context, b *build, m *manifest, files []archive.FileInfo,
	scanProbs []archive.Problem) (bool, error) {
	var p *plan
	if m.current(files) {
		// Unchanged, as far as sizes and times tell: the file entries need
		// not even be decoded.
		p = &plan{scanProbs: scanProbs}
	} else if err := m.loadFiles(); err != nil {
		return false, nil
	} else {
		p = b.plan(m, files, scanProbs)
	}
	// Nothing to do: read-only, so that not one index file changes.
	readOnly := p.empty() && m.Complete && m.Facets != nil
	bi, ok, err := openCachedBleve(b.dir, m, readOnly, b.opts)
	if !ok || err != nil {
		return false, err
	}
	b.bi = bi
	return true, ix.built(b, m, scanProbs, b.execute(ctx, m, p))
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
	ix.stats.Docs = m.Docs
	ix.cache.clear()
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
		for _, restore := range slices.Backward(ix.restore) {
			restore()
		}
		ix.restore = nil
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

// Stats describe what the open (or the last Refresh) did.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.stats
}

// Fallback says why the index is in memory instead of the cache, when it
// could not be used (unwritable, corrupt, ...); "" otherwise.
func (ix *Index) Fallback() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.fallback
}

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
