package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// Options configure Open.
type Options struct {
	// Dir is the folder for the index (--index-dir). Empty: the user cache
	// folder, os.UserCacheDir()/folio/<key>, keyed by the archive.
	Dir string
	// Memory builds the index in memory only, never touching the cache.
	Memory bool
	// DiskOnly makes Open fail, rather than build the index in memory,
	// when the cache cannot be used (a caller that can read the files
	// instead: folio list and stats).
	DiskOnly bool
	// Rebuild builds the cache's next generation from scratch, even when
	// the live one is current (folio index --rebuild); but an open that
	// waited for the writer's lock while another folio rebuilt, begun after
	// this open began, takes that rebuild for its own (Stats.Unchanged and
	// ByOther; one begun before is made again: Stats.RebuiltAgain).
	// Refresh ignores it.
	Rebuild bool
	// Progress, when set, is called as files are indexed.
	Progress Progress
	// Synonyms for query expansion; nil: DefaultSynonyms() (bundled + user file).
	Synonyms *Synonyms
	// LockTimeout bounds the wait for the writer's lock, which another
	// folio holds while it changes the index (doc.go); 0: 1 s.
	LockTimeout time.Duration
	// AwaitWriter, when set, makes a folio that finds the archive changed
	// and the writer's lock taken wait for it for as long as the other
	// folio holds it (the lock is let go however that folio ends), or
	// until the context ends, instead of LockTimeout: then it plans on
	// what the other made. It is called once as the wait begins (folio
	// index says so; without it a second folio index during a first
	// build built the whole index again in memory), with the folio that
	// holds the lock, as far as it can be known; again, from another
	// goroutine, when that folio is found stopped later.
	AwaitWriter func(Writer)
	// Workers parse files in parallel; 0: GOMAXPROCS.
	Workers int
	// BatchBytes and BatchDocs cap one indexing batch; 0: 2 MB and 1000.
	// Memory grows with the batch (analysed tokens, the segment being
	// built, two batches at once): 2 MB keeps a build near 0.6 GB peak.
	// A batch also ends at maxBatchTokens words.
	BatchBytes int
	BatchDocs  int
	// ResultCache is how many recent results are kept, and apart as many
	// recent queries' numbers of matches; 0: 64; negative: none
	// (benchmarks).
	ResultCache int
	// LargeBuild, when set, is called as a build of 500 files or more
	// starts, with the number of files the archive will have; the function
	// it returns is called when that build's index is closed. A command
	// tunes the process's garbage collector with it (the library leaves
	// process-wide settings alone).
	LargeBuild func(files int) (restore func())
	// Once says the process searches once or a few times and exits (the
	// command line): the snapshot is not warmed for the searches to come
	// (warm.go), which cost a one-shot search at 100k pieces 14 % of its
	// CPU, beside the check of every file, on the same two cores.
	Once bool

	// tests: compaction's thresholds and hooks (compact.go), the build's
	// bound on its mapped pages (pages.go)
	compact compactTest
	trim    trimTest
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
	// NotWritten: the archive changed and the cache could not take the
	// change (a full disk, a cache made read-only); the index is its live
	// generation, as it was, and Behind says so
	NotWritten bool
	// Renamed are the pieces whose file was renamed or moved, their title,
	// date and authors unchanged, so that their ID changed (added.go)
	Renamed []Rename
	// ByOther: this open waited for the writer's lock (Options.AwaitWriter,
	// LockTimeout) and another folio changed the index meanwhile; Other
	// is what that folio's update did, as its manifest records it (nil
	// when it does not). The counts above are this open's own: with
	// Unchanged, the other folio did all there was to do (a helper's
	// report: "unchanged … 0 removed" after the other took in the user's
	// deletions).
	ByOther bool
	Other   *Update
	// Damaged says which file of the cache was damaged, and how (not a
	// regular file, too large, corrupt), when this open built the index
	// anew for it; "" otherwise
	Damaged string
	// RebuiltAgain: a rebuild asked for (Options.Rebuild) waited for
	// another folio's rebuild (Other) and made its own all the same,
	// because the other's began before this one was asked for (or did not
	// record when: Other.Began zero), so may have read a file before the
	// change that made the user ask. A rebuild begun after it was asked
	// for stands for it: the open is then Unchanged, or an update on it.
	RebuiltAgain bool
}

// Index is a searchable archive. It is safe for concurrent use.
type Index struct {
	bi       bleve.Index // cur's, for searches
	name     string
	fsys     fs.FS
	synonyms *Synonyms

	// verify is Verify's check, for an index opened by OpenCached
	verify    func() bool
	refreshMu sync.Mutex // one Refresh at a time

	// inUse is held for reading by every search and for writing while the
	// view changes: bleve must not be closed under a search (collect reads
	// its snapshot directly, and a closed one makes it panic).
	inUse  sync.RWMutex
	cur    *view
	closed bool

	mu sync.RWMutex
	// fallback says why the index is in memory instead of the cache
	fallback string
	// unused is the cache folder an index in memory could not use
	// (view.unused)
	unused string
	// lockedOut: unused could not be used because another folio held
	// its writer's role (view.lockedOut), until a try at taking it finds
	// the cache unusable for another reason (backToCache)
	lockedOut bool
	// behind says why the index may be older than the archive
	behind string
	// behindOther: behind because another folio held the writer's role
	// (set with behind, from a view's: never true while behind is "")
	behindOther bool
	stats       Stats
	lengths     lengths // of the pieces in words, for ranking
	// facetTerms are the values of allFacets, for counting facets
	facetTerms *facetTerms
	facetsOf   *Facets // the manifest's facets facetTerms was made from
	problems   []archive.Problem
	allFacets  Facets
	copies     *copies // groups of republished copies
	cache      *resultCache
	postings   postingsCache // terms' postings read for summed searches (dense.go)

	pagesState // KeepMappedUnder (pages.go)

	warm warming // the view's facets column and order, read after its first search
	once bool    // Options.Once: no warming
}

// view is one opened version of the index: a generation of the cache,
// open read-only and held (view.hold), or an index in memory.
type view struct {
	bi    bleve.Index
	hold  *genHold  // nil in memory
	m     *manifest // the head: what the index holds
	probs []archive.Problem
	stats Stats
	// restore undoes Options.LargeBuild for an index in memory
	restore  []func()
	fallback string
	// unused, for an index in memory with a fallback, is the cache folder
	// it could not use: Refresh goes back to it once it holds a
	// generation, and Published names its file
	unused string
	// lockedOut, for an index in memory, says that unused could not be
	// used because another folio held its writer's role (errLocked),
	// building it with no generation yet: Refresh takes the role itself
	// once that folio lets it go having published nothing (killed), and
	// WriterLock names the lock to wait for
	lockedOut bool
	behind    string
	// behindOther: behind because another folio held the writer's role,
	// not because the cache cannot take the change
	behindOther bool
	// bodies are the pieces' long texts (bodies.go)
	bodies *bodyStore
	// phrases: which pieces have the phrases searched (phrasememo.go)
	phrases phraseMemo
}

func (v *view) close() error {
	var err error
	if v.bi != nil {
		err = v.bi.Close()
	}
	v.bodies.close()
	if v.hold != nil {
		v.hold.release()
		// The last folio to let go of an old generation removes it, unless
		// a writer is at work (it removes it then).
		cache := filepath.Dir(v.hold.dir)
		if w := tryLockExclusive(filepath.Join(cache, writerName)); w != nil {
			removeStale(cache)
			w.unlock()
		}
	}
	for _, restore := range slices.Backward(v.restore) {
		restore()
	}
	return err
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
// added, changed and removed files re-indexed, into a new generation of
// the cache (doc.go). When another folio is changing the cache, the index
// as it was is used and Behind says so; when the cache cannot be used, the
// index is built in memory and Fallback says why. The error is only for a
// cancelled ctx.
func Open(ctx context.Context, name string, fsys fs.FS, opts Options) (*Index, error) {
	start := time.Now()
	ix := newIndex(name, fsys, opts)
	v, err := ix.openView(ctx, opts)
	if err != nil {
		return nil, err
	}
	v.stats.Took = time.Since(start)
	ix.use(v)
	return ix, nil
}

func newIndex(name string, fsys fs.FS, opts Options) *Index {
	cacheSize := opts.ResultCache
	if cacheSize == 0 {
		cacheSize = 64
	}
	ix := &Index{name: name, fsys: fsys, synonyms: opts.Synonyms, cache: newResultCache(cacheSize), once: opts.Once}
	if ix.synonyms == nil {
		ix.synonyms = DefaultSynonyms()
	}
	return ix
}

// ErrNotCached is returned by OpenCached when the cache holds no complete
// index of the archive that Verify could check.
var ErrNotCached = errors.New("no complete cached index")

// OpenCached opens the live generation of the cached index of an archive,
// read-only, as it was last recorded, so that a search can run while
// Verify checks the archive's files against it; the scan for Verify starts
// at once, beside the opening, and, unless opts.Once, waits while a
// Search runs (a reader's first keys are typed during it). Unless Verify
// returns true, the index may be out of date: use Refresh, or close it
// and use Open. It takes no
// writer's lock, so it runs beside any number of other folios. The
// embedded archive is never opened this way (ErrNotCached): its files are
// checked by their hashes.
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
	hold, err := holdCurrent(dir, lockTimeout(opts))
	if errors.Is(err, errNoGen) {
		return nil, ErrNotCached
	} else if err != nil {
		return nil, err
	}
	scanned := make(chan scanResult, 1)
	memoPath := filepath.Join(dir, folderMemoName)
	var pause func()
	if !opts.Once {
		// The reader's check gives way to its searches, as the warm does
		// (warm.go): at 1M files it stats on both cores for seconds while
		// the first keys are typed. A command's search runs beside it.
		pause = func() { _ = ix.warm.busy.wait(context.Background()) }
	}
	if openCachedHook != nil {
		openCachedHook(ix)
	}
	go func() {
		// none yet, unreadable, no regular file or too large: every folder
		// is listed, and the memo written anew (an attack: a named pipe
		// hung every search, a 2 GB file was read whole)
		memo, _ := archive.ReadRegular(memoPath, maxMemoSize)
		fp, n, probs, next, configs := scanSumMemo(fsys, memo, pause)
		scanned <- scanResult{fp, n, probs, next, configs}
	}()
	m, err := readManifest(hold.dir)
	if err != nil || !m.describes(name) || !m.checkable() {
		hold.release()
		return nil, ErrNotCached
	}
	m.path = "" // the file entries are not needed
	v, err := openHeld(hold, m, Stats{Dir: dir}, nil, opts)
	if v == nil || err != nil {
		hold.release()
		return nil, cmp.Or(err, ErrNotCached)
	}
	v.stats.Took = time.Since(start)
	ix.use(v)
	ix.verify = sync.OnceValue(func() bool {
		scan := <-scanned
		if !m.currentSum(fsys, scan.fingerprint, scan.sites) {
			return false
		}
		if scan.memo != nil {
			// for the next search; a cache folder this folio cannot write
			// only means every folder is listed again
			_ = atomicfile.ReplaceFile(memoPath, scan.memo, 0o644)
		}
		ix.inUse.RLock() // the view may have changed since (Refresh)
		defer ix.inUse.RUnlock()
		if ix.cur == v {
			// the view is the one opened, finished with m's head: only
			// the scan's problems are new (its caches stay: a reader
			// types while this runs)
			probs := slices.Concat(keptNotes(scan.probs, &m.manifestHead), m.Problems)
			archive.SortProblems(probs)
			ix.mu.Lock()
			ix.problems = probs
			ix.stats.Files = scan.files
			ix.stats.Unchanged = true
			ix.mu.Unlock()
		}
		return true
	})
	return ix, nil
}

// openCachedHook, in tests, is called with the index OpenCached made
// before its check starts.
var openCachedHook func(ix *Index)

// Verify scans the archive's files and reports whether they are as the
// index opened by OpenCached recorded them, and so its results current.
// It may run while the index is searched; a second call gives the first
// answer.
func (ix *Index) Verify() bool {
	return ix.verify != nil && ix.verify()
}

// Refresh brings the index in line with the archive, as Open would, and
// reports whether it changed: the archive's files are scanned; when they
// changed, and no other folio has already brought the cache in line,
// this one takes the writer's role for as long as the change takes.
// Searches go on meanwhile, on the index as it was, and move to the new
// one when it is ready. When the cache cannot be used, the index is
// rebuilt in memory and Fallback says why (a later Refresh goes back to
// the cache once another folio has published an index there, or, when
// the folio that held the writer's role let it go without publishing,
// builds it there: WriterLock); when
// another folio is changing it, or the cache cannot take the change, the
// index stays as it was and Behind says so (BehindOther tells the two
// apart).
func (ix *Index) Refresh(ctx context.Context, opts Options) (bool, error) {
	ix.refreshMu.Lock()
	defer ix.refreshMu.Unlock()
	opts.Rebuild = false
	ix.inUse.RLock()
	cur := ix.cur
	ix.inUse.RUnlock()
	if cur == nil {
		return false, ErrNoIndex
	}
	start := time.Now()
	var have *genHold
	if cur.hold != nil {
		have = cur.hold
	} else if fp, _, _ := scanSum(ix.fsys); cur.m != nil && cur.m.currentSum(ix.fsys, fp, nil) {
		// in memory, and unchanged: back to the cache it could not use,
		// once another folio has published a generation there
		v := ix.backToCache(ctx, cur, opts)
		if v == nil {
			return false, nil
		}
		v.stats.Took = time.Since(start)
		ix.use(v)
		return true, nil
	}
	v, err := ix.openView(ctx, opts, have)
	if err != nil {
		return false, err
	}
	if v == nil {
		// the generation this index has is current: no longer behind, if
		// a refresh found it so (the archive's change undone, files read
		// racy found as read: settled); before, the notice stayed, and the
		// reader's "index as it was", for as long as the reader ran (a
		// review)
		ix.mu.Lock()
		ix.behind, ix.behindOther, ix.stats.NotWritten = "", false, false
		ix.mu.Unlock()
		return false, nil
	}
	if v.behind != "" && have.same(v.hold) {
		// the generation this index has (not opened again: unopened),
		// which another folio is changing or the cache cannot take the
		// archive's change into
		v.close()
		ix.mu.Lock()
		ix.behind, ix.behindOther = v.behind, v.behindOther
		ix.mu.Unlock()
		return false, nil
	}
	v.stats.Took = time.Since(start)
	ix.use(v)
	return true, nil
}

// backToCache is the view of the cache that the index in memory cur could
// not use (view.unused), now that it holds a generation (another folio's
// folio index, or its update after a first build that held the writer's
// role): nil when there is none yet, or it can be used only as it was
// (Behind), which the index in memory is not. Before, a reader whose
// refresh fell back to memory (a cache removed and built again by
// folio index while it refreshed) stayed in memory for as long as it
// ran, R and the published generation's watch notwithstanding (a review).
//
// An index in memory because another folio held the writer's role
// (view.lockedOut), when that folio has let it go with no generation
// published (killed before it was done: kill -9, a crash), takes the
// role itself and builds the cache. Before, it stayed in memory until
// the archive changed, though no folio was building the cache any more
// (NOTES). A try that fails for another reason (the cache cannot be
// written) is not made again by this index: WriterLock is "" from then.
func (ix *Index) backToCache(ctx context.Context, cur *view, opts Options) *view {
	if cur.unused == "" || opts.Memory {
		return nil
	}
	if readCurrent(cur.unused) == "" && (!cur.lockedOut || !writerFree(cur.unused)) {
		return nil
	}
	if d, err := cacheDir(ix.name, opts); err != nil || d != cur.unused {
		return nil // another cache asked for
	}
	v, err := ix.diskView(ctx, cur.unused, opts, nil)
	if cur.lockedOut && ctx.Err() == nil && (err != nil && !errors.Is(err, errLocked) || v != nil && v.behind != "" && !v.behindOther) {
		// the cache cannot be used for another reason now: no wait for
		// its writer (WriterLock), which would end at once, again and
		// again
		cur.lockedOut = false // under refreshMu, as every read of it but use's
		ix.mu.Lock()
		ix.lockedOut = false
		ix.mu.Unlock()
	}
	if err != nil || v == nil {
		return nil
	}
	if v.behind != "" {
		v.close()
		return nil
	}
	return v
}

// scanResult is what OpenCached's check learns from the scan (scanSum).
type scanResult struct {
	fingerprint []byte
	files       int
	probs       []archive.Problem
	memo        []byte // the folder memo to write, nil when unchanged
	sites       archive.SiteConfigs
}

// folderMemoName is the file in the cache folder holding the archive's
// folder memo (archive.ScanEachMemo), written by the checks of cached
// searches: which article names each folder held when its times were
// what they are.
const folderMemoName = "folders.memo"

// maxMemoSize bounds the read of the folder memo: some 50 bytes a piece
// (its name) and a folder, 1M pieces in 60 MB.
const maxMemoSize = 256 << 20

// openView opens the index as Open does: from the cache, else in memory.
// have is the generation the caller has open, if any: a nil view means
// it is current.
func (ix *Index) openView(ctx context.Context, opts Options, have ...*genHold) (*view, error) {
	if opts.Memory {
		return ix.memoryView(ctx, opts)
	}
	dir, err := cacheDir(ix.name, opts)
	if err == nil {
		var v *view
		var h *genHold
		if len(have) > 0 {
			h = have[0]
		}
		if v, err = ix.diskView(ctx, dir, opts, h); err == nil {
			return v, nil
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if errors.Is(err, errArchiveUnreadable) || errors.Is(err, errNotRebuilt) {
		// the archive's fault, not the cache's: an index in memory would
		// read it again (and, if it is back by then, take the place of the
		// cache with a false reason); a rebuild refused is not to be done
		// in memory either
		return nil, err
	}
	if opts.DiskOnly {
		return nil, fmt.Errorf("index cache not used: %w", err)
	}
	v, merr := ix.memoryView(ctx, opts)
	if merr != nil {
		return nil, merr
	}
	v.fallback = "index cache not used (" + err.Error() + "): index kept in memory"
	v.unused = dir
	v.lockedOut = errors.Is(err, errLocked)
	return v, nil
}

// memoryView builds the index in memory.
func (ix *Index) memoryView(ctx context.Context, opts Options) (*view, error) {
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	mem := &memBodies{}
	b := &build{bi: bi, fsys: ix.fsys, name: ix.name, opts: opts, stats: Stats{Rebuilt: true}, bodies: newMemBodyWriter(mem)}
	m := newManifest(ix.name)
	files, scanProbs, err := b.scan()
	if err != nil {
		_ = bi.Close()
		return nil, err
	}
	err = b.execute(ctx, m, b.plan(m, files, scanProbs))
	v := &view{bi: bi, bodies: memBodyStore(mem), m: headOf(m), probs: scanProbs, stats: b.stats}
	if b.restore != nil {
		v.restore = append(v.restore, b.restore)
	}
	if err != nil {
		v.close()
		return nil, err
	}
	return v, nil
}

// headOf is m without its file entries, which an open index does not need.
func headOf(m *manifest) *manifest {
	return &manifest{manifestHead: m.manifestHead}
}

// use makes v the index searched; the view it replaces is closed once the
// searches on it are done.
func (ix *Index) use(v *view) {
	ix.stopWarm()
	ix.inUse.Lock()
	if ix.closed {
		ix.inUse.Unlock()
		v.close()
		return
	}
	old := ix.cur
	ix.cur, ix.bi = v, v.bi
	ix.mu.Lock()
	ix.stats, ix.fallback, ix.behind, ix.behindOther, ix.unused = v.stats, v.fallback, v.behind, v.behindOther, v.unused
	ix.lockedOut = v.lockedOut
	ix.mu.Unlock()
	ix.finish(v.m, v.probs)
	if v.hold != nil {
		ix.mu.RLock()
		ft := ix.facetTerms
		ix.mu.RUnlock()
		ft.fromGen(v.hold.dir, ix.once) // its column and order (colfile.go)
	}
	ix.inUse.Unlock()
	if old != nil {
		old.close()
	}
}

// finish sets the in-memory state from the manifest's head.
func (ix *Index) finish(m *manifest, scanProbs []archive.Problem) {
	probs := slices.Concat(scanProbs, m.Problems)
	archive.SortProblems(probs)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.problems = probs
	ix.lengths = m.LengthsHead
	if m.Facets != nil {
		ix.allFacets = *m.Facets
	}
	if ix.facetTerms == nil || m.Facets == nil || m.Facets != ix.facetsOf {
		// new for every view (use: each view's head is read from its own
		// generation); the terms hold what was read of the view's
		// snapshot (facetcolumn.go, order.go, colfile.go)
		ix.facetTerms, ix.facetsOf = newFacetTerms(ix.allFacets), m.Facets
	}
	ix.copies = newCopies(m.Copies)
	ix.stats.Docs = m.Docs
	ix.cache.clear()
	ix.postings.clear() // the old snapshot's, let go of
}

// Close releases the index and its hold on the cache.
func (ix *Index) Close() error {
	if ix == nil {
		return nil
	}
	ix.stopWarm()
	ix.inUse.Lock() // after the searches under way
	v := ix.cur
	ix.cur, ix.bi, ix.closed = nil, nil, true
	ix.inUse.Unlock()
	ix.postings.clear()
	if v == nil {
		return nil
	}
	return v.close()
}

// Name is the archive's name: archive.BundledName or its absolute path.
func (ix *Index) Name() string { return ix.name }

// Stats describe what the open (or the last Refresh) did.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.stats
}

// Behind says why the index may be older than the archive: another folio
// was changing it when it was opened or refreshed (BehindOther), or its
// cache could not take the archive's change (a full disk, a cache
// read-only or not this user's: Stats.NotWritten at an open); "" otherwise.
// The next Refresh picks the change up once the other folio is done or
// the cache can be written.
func (ix *Index) Behind() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.behind
}

// Published is the file of the index's cache that names its live
// generation, which a folio that updates the index replaces: a watch of it
// sees another folio's update without polling (the reader's, while its
// cache cannot take the archive's change, or while it is in memory for
// want of the cache: Fallback, then the cache it could not use, to which
// a Refresh goes back once it holds an index). "" for an index in memory
// by choice (Options.Memory) or with no cache folder.
func (ix *Index) Published() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	dir := cmp.Or(ix.stats.Dir, ix.unused)
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, currentName)
}

// WriterLock is the writer's lock file of the cache that the index, in
// memory, could not use because another folio held the writer's role,
// building the cache with no index published yet (Fallback says so); ""
// otherwise. AwaitUnlocked waits for that folio to let it go, without
// polling: then Refresh goes back to the cache, building it when the
// other folio published nothing (killed before it was done). The lock's
// release is no file event: Published's watch sees a publication, not a
// folio killed.
func (ix *Index) WriterLock() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if !ix.lockedOut || ix.unused == "" {
		return ""
	}
	return filepath.Join(ix.unused, writerName)
}

// AwaitUnlocked blocks until no folio holds the writer's lock file at path
// (WriterLock), however that folio lets it go (a kill -9 too), or until
// ctx ends (its error then). It waits in the kernel (flock), not polling;
// where flock is not, it fails at once. A lock file missing is no folio's.
func AwaitUnlocked(ctx context.Context, path string) error {
	return awaitUnlocked(ctx, path)
}

// BehindOther reports whether Behind is because another folio held the
// writer's role, which it lets go within a second or so for a few changed
// files: a Refresh a moment later finds its change made. When the cache
// could not take the change, BehindOther is false: a Refresh before the
// cache is made writable or the archive changes again does the whole scan
// and open for the same answer (a helper's report: a reader as nobody on
// a read-only cache of 10k pieces, retrying every second, used 5 % of a
// core while idle).
func (ix *Index) BehindOther() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.behindOther // set with behind, never without it (use, Refresh)
}

// Fallback says why the index is in memory instead of the cache, when it
// could not be used (unwritable, corrupt, ...); "" otherwise.
func (ix *Index) Fallback() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.fallback
}

// Count is the number of documents in the index (Stats().Docs).
func (ix *Index) Count() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.stats.Docs
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
		if p.Fatal && !p.Folder {
			seen[p.Path] = true
		}
	}
	return len(seen)
}
