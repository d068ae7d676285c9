package index

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
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

// bleveConfigOf is bleveConfig with the tests' hooks in opts.
func bleveConfigOf(pieces int, opts Options) map[string]interface{} {
	cfg := bleveConfig(pieces)
	if opts.compact.noMerges {
		// only segments under half this size may be merged: none
		cfg["scorchMergePlanOptions"] = map[string]interface{}{"MaxSegmentSize": 1}
	}
	return cfg
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
