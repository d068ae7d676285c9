// Package buildgc tunes the Go garbage collector of a process while it
// builds a large index: a command passes Relax as index.Options.LargeBuild.
// It is process-wide, so it is the command's choice, not the library's.
package buildgc

import (
	"runtime/debug"
	"sync"
)

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
// new manifest: about 800 bytes a file in a heap profile of a 250k build,
// 2026-12-02) grows with the archive, so the limit does too: at 1M files
// a flat 400 MiB left the collector running all the time and the build
// at a third of its speed, and 800 bytes a file still spent half the CPU
// in the collector (when
// each file's entry also held its 512-byte sketch for finding copies; the
// build now keeps those in a file, copies.go). 1600 bytes a file held the
// Go heap at ~1.4 GB all through a 1M build. With the sketches in a file,
// 1000 bytes a file was still too little (2026-12-01, 1M pieces: the
// collector's marking and the scavenger's returning of pages were most
// of the samples, 245 pieces a second, against 487 over the build with
// 1500 bytes).
//
// Between those, the fixed part matters: building 250k pieces under the
// flat 400 MiB (2026-12-02, runtime/metrics every 15 s), the live heap was
// 230-320 MB all through (the plan's entries, and the batches being
// analysed and written), so the collector ran three times a second,
// marking the whole live heap each time, and the build made 2.9 MB/s
// (1,695 MB in 580 s) against 7.6 at 100k. The limit is now a fixed part
// for the batches plus a part a file: 580 MB at 250k, 1.5 GB at 1M as
// before. Building 250k pieces from nothing (one run each, quiet, with the tokenizer's and the
// file reader's smaller allocations of the same day): 580 s wall and 1,059
// s of CPU before, 352 and 663 after; peak RSS 891 MB before, 1,072 after.
const (
	buildMemoryLimit = 400 << 20
	fixedMemory      = 256 << 20
	perFileMemory    = 1250
)

// gcRelaxed is GOGC during a large build. Measured at 10k pieces: 100 →
// 12.7 MB/s, 1.1 GB peak; 200 → 15 MB/s, 1.1 GB; 400 → 15 MB/s, 2.2 GB
// (with 8 MB batches; 2 MB batches bring the peak to ~0.6 GB).
const gcRelaxed = 200

// Relax raises GOGC to gcRelaxed while a large build runs (nested builds
// share it) and returns the function that restores it: indexing allocates
// much short-lived garbage, and collecting it less often saves CPU for
// some more memory.
func Relax(files int) func() {
	limit := max(buildMemoryLimit, fixedMemory+perFileMemory*int64(files))
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
