package index

import (
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Scorch writes an index to disk in the background. When a write fails (a
// full disk, a file-size limit, an I/O error), its persister reports the
// error to an "async error" callback and tries again, at once and for ever:
// a build waiting for its batches to be persisted would wait with both
// cores busy. routePersistError passes those reports to the build of the
// index they concern, which then fails: the generation it was making is
// removed (removeStale) and the index is built in memory.

// asyncErrorCallback is the name of routePersistError in scorch's registry;
// every index folio opens on disk names it in its config.
const asyncErrorCallback = "folio"

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = routePersistError
}

var persistWatch struct {
	sync.Mutex
	byDir map[string]func(error) // bleve folder → the build's handler
}

// routePersistError passes a failed write of scorch's to the handler of the
// index under whose folder path lies. Clean-up errors (an old file not
// removed) are not failures of the index and are ignored.
func routePersistError(err error, path string) {
	if errors.Is(err, scorch.ErrCleanup) {
		return
	}
	persistWatch.Lock()
	defer persistWatch.Unlock()
	for dir, h := range persistWatch.byDir {
		if path == dir || strings.HasPrefix(path, dir+string(filepath.Separator)) {
			h(err)
		}
	}
}

// watchPersist calls h (once) when scorch fails to write the bleve index in
// dir, until the returned function is called.
func watchPersist(dir string, h func(error)) (stop func()) {
	dir = filepath.Clean(dir)
	var once sync.Once
	persistWatch.Lock()
	if persistWatch.byDir == nil {
		persistWatch.byDir = map[string]func(error){}
	}
	persistWatch.byDir[dir] = func(err error) {
		once.Do(func() { h(&writeError{err}) })
	}
	persistWatch.Unlock()
	return func() {
		persistWatch.Lock()
		delete(persistWatch.byDir, dir)
		persistWatch.Unlock()
	}
}

// writeError is a failure to write the index to disk.
type writeError struct{ err error }

func (e *writeError) Error() string {
	var se *scorch.ScorchError
	if errors.As(e.err, &se) {
		return "cannot write the index: " + se.ErrMsg
	}
	return "cannot write the index: " + e.err.Error()
}

func (e *writeError) Unwrap() error { return e.err }

// bleveConfig is the scorch config of an index on disk of about pieces
// documents (the merges' bound depends on it).
func bleveConfig(pieces int) map[string]interface{} {
	return map[string]interface{}{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback,
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": maxMergedDocs(pieces)}}
}

// maxMergedDocs bounds the segments scorch merges into (bleve's default:
// 5M documents). A merge reads its segments through their memory maps,
// whose pages count in the process's RSS: building 1M pieces, a merge had
// 1.9 GB of them resident beside the 1.5 GB heap. With segments of up to 50k
// pieces of ~1,000 words (the largest of a 100k index: 301 MB), a 1M
// archive is 20 or more segments, and building it still peaked at 2.23
// GB, 0.8 GB of it mapped pages. Smaller segments cost every search, so
// the bound is halved only for the largest archives: at 100k pieces
// (2026-12-02, two alternating rounds of BenchmarkSearch) 25k made a
// search 106-124 CPU ms against 90-98 with 50k, and the build with a
// round of searches peaked at 640 MB against 818 (typing was the same:
// 21-26 ms p50, 107-114 p99).
func maxMergedDocs(pieces int) int {
	if pieces > largeArchive {
		return 25000
	}
	return 50000
}

// largeArchive is the size past which an archive's segments are smaller.
const largeArchive = 400000

// compactAfter is how many pieces a build must have indexed for it to
// compact the index's segments before it is published (compactSegments).
const compactAfter = 5000

// compactSegments merges the index's segments into as few as the merge
// bound of pieces allows, when a build leaves many more than that.
// Scorch's merge policy leaves up to ten segments of each size class, so
// how many a build ends with depends on how its merges fell: of two builds
// of the same 100k archive on 2026-12-02, one ended with 8 segments and
// one with 20 (eight of ~1,000 pieces). Every search looks its words up in
// each segment's dictionary and reads each segment's postings. Typing at
// 100k (BenchmarkTyping's keystrokes, hits and facets, two alternating
// rounds each): the 20-segment index p50 26.9 and 28.1 ms, p99 152 and
// 155; a copy of it merged into 3 segments (8.7 s) p50 25.0 and 16.9, p99
// 121 and 90; the 8-segment index p50 21.2 and 17.3, p99 118 and 93, and
// that one compacted into 3 p50 17.4 and 18.5, p99 95 and 100: no better.
// So it compacts only past manySegments (past, when not 0), and only
// after a build that indexed compactAfter pieces or more: a small update
// adds one small segment, which scorch's own policy merges in time. Not
// past largeArchive, where it was not measured (a 1M build is held under
// 2 GB, and a merge's mapped pages count in that). In the reader in tmux
// at 100k, 20 segments → 3 took its peak RSS from 542 to 321 and 292 MB.
func compactSegments(ctx context.Context, bi bleve.Index, pieces, past int) error {
	ii, err := bi.Advanced()
	if err != nil {
		return err
	}
	sc, ok := ii.(*scorch.Scorch)
	if !ok {
		return nil
	}
	r, err := sc.Reader()
	if err != nil {
		return err
	}
	n := 0
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		n = len(snap.Segments())
	}
	if err := r.Close(); err != nil {
		return err
	}
	if n <= cmp.Or(past, manySegments(pieces)) {
		return nil
	}
	// the build's heap is garbage by now (the plan is dropped before the
	// manifest is written): given back before the merge maps its segments
	debug.FreeOSMemory()
	mo := mergeplan.SingleSegmentMergePlanOptions // every segment in one tier
	mo.MaxSegmentSize = int64(maxMergedDocs(pieces))
	return sc.ForceMerge(ctx, &mo)
}

// manySegments is how many segments an index of pieces may have before a
// build compacts it: four more than twice the fewest the merge bound
// allows (8 at 100k, where 8 searched as fast as 3 and 20 did not).
func manySegments(pieces int) int {
	bound := maxMergedDocs(pieces)
	return 2*((pieces+bound-1)/bound) + 4
}

// pruneSegments removes from the closed, not yet published bleve index in
// bdir the segment files its latest snapshot does not use. Scorch deletes
// a merged segment's inputs only once it has persisted a later snapshot
// and let go of the older ones it keeps, which a build that closes at once
// does not wait for: a 100k build left one such file, and compacting after
// it (compactSegments) left thirteen, 780 MB beside the 740 MB in use, and
// the next generation would hard-link them again. Only older snapshots
// name the files removed; scorch opens the latest, and falls back to an
// older one only when the latest cannot be read, which then fails and the
// index is built again, as for any damaged index.
func pruneSegments(bdir string) error {
	cfg := bleveConfig(0)
	cfg["read_only"] = true
	bi, err := openBleve(bdir, cfg)
	if err != nil {
		return err
	}
	live, complete := segmentFiles(bi)
	if err := bi.Close(); err != nil {
		return err
	}
	if !complete {
		return nil
	}
	store := filepath.Join(bdir, "store")
	entries, err := os.ReadDir(store)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".zap") && !live[n] {
			if err := os.Remove(filepath.Join(store, n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// segmentFiles names the segment files of the index's latest snapshot;
// false when it cannot tell them all.
func segmentFiles(bi bleve.Index) (map[string]bool, bool) {
	ii, err := bi.Advanced()
	if err != nil {
		return nil, false
	}
	sc, ok := ii.(*scorch.Scorch)
	if !ok {
		return nil, false
	}
	r, err := sc.Reader()
	if err != nil {
		return nil, false
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false
	}
	live := map[string]bool{}
	for _, seg := range snap.Segments() {
		p, ok := seg.Segment().(interface{ Path() string })
		if !ok {
			return nil, false // a segment not in a file
		}
		live[filepath.Base(p.Path())] = true
	}
	return live, true
}
