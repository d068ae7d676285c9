package index

import (
	"cmp"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Scorch reads its segment files through memory maps, and every page a
// search touches stays mapped into the process until the index is closed:
// the kernel counts them in the process's resident set (RSS), though they
// are the page cache's, shared with every other folio and reclaimable. A
// reader typing at 100k pieces ended with ~250 MB of them (bench, in
// tmux), against ~55 MB of its own memory.
//
// KeepMappedUnder lets the reader bound them: after a search, when the
// process's resident file pages (/proc/self/statm) exceed the bound, a
// goroutine tells the kernel the index's pages are not needed
// (madvise MADV_DONTNEED on each segment's map). The pages stay in the
// page cache; the next search that reads one maps it again (a minor
// fault). Only on Linux; elsewhere it does nothing.

// KeepMappedUnder sets the bound, in bytes, on the index pages the process
// keeps mapped (0: no bound, the default). An index whose segment files
// are more than mappedShare times the bound has its bound raised to that
// share of them (1M generated pieces, 7.4 GB of segments: ~470 MB; 100k,
// 744 MB: the bound given). Typed queries at 1M read more than 128 MB of
// pages (four typed twice in-process left 391 MB resident with no bound),
// so each search let go of pages the next keystroke read again: the
// second round of typing took 792-1190 ms summed with a bound of 128 MB
// against 588-806 with none or with the raised bound (no pages let go of).
func (ix *Index) KeepMappedUnder(bytes int64) {
	ix.mappedBound.Store(bytes)
}

// pagesState is the Index's part in keeping mapped pages under a bound.
type pagesState struct {
	mappedBound atomic.Int64
	releasing   atomic.Bool
	releases    atomic.Int64   // how many times the pages were let go of
	released    sync.WaitGroup // the release under way (tests wait for it)
}

// trimMapped lets go of the index's mapped pages, in the background, when
// the process's resident file pages exceed the bound. The caller holds
// ix.inUse for reading.
func (ix *Index) trimMapped() {
	bound := ix.mappedBound.Load()
	if bound <= 0 {
		return
	}
	if n, ok := readerResident(); !ok || !ix.overBound(bound, n) {
		return
	}
	if !ix.releasing.CompareAndSwap(false, true) {
		return
	}
	ix.released.Go(func() {
		defer ix.releasing.Store(false)
		ix.releaseMapped()
	})
}

// readerResident is residentFileBytes, for trimMapped; the tests set it.
var readerResident = residentFileBytes

// overBound reports whether resident bytes of file pages are over bound
// as KeepMappedUnder raises it for the index's size. The caller holds
// ix.inUse for reading.
func (ix *Index) overBound(bound, resident int64) bool {
	return resident > bound && resident > ix.mappedBytes()/mappedShare
}

// mappedShare: the mapped-pages bound is at least this fraction of the
// index's segment files (see KeepMappedUnder).
const mappedShare = 16

// mappedBytes is the size of the index's segment files now. The caller
// holds ix.inUse for reading.
func (ix *Index) mappedBytes() int64 {
	if ix.bi == nil {
		return 0
	}
	var n int64
	segmentMaps(ix.bi, func(data []byte) { n += int64(len(data)) })
	return n
}

// releaseMapped advises the kernel that the pages of every segment of the
// index are not needed. The snapshot it reads holds its segments, and so
// their maps, until it is closed; ix.inUse keeps the index open meanwhile.
func (ix *Index) releaseMapped() {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return
	}
	releaseMappedOf(ix.bi)
	ix.releases.Add(1)
}

// releaseMappedOf advises the kernel that the pages of every segment file
// of bi's snapshot now are not needed; it returns the bytes of the maps
// advised.
func releaseMappedOf(bi bleve.Index) int64 {
	var n int64
	segmentMaps(bi, func(data []byte) {
		dontNeed(data)
		n += int64(len(data))
	})
	return n
}

// segmentMaps calls fn with the map of each segment file of bi's snapshot
// now, held until it returns.
func segmentMaps(bi bleve.Index, fn func(data []byte)) {
	withSnapshot(bi, func(snap *scorch.IndexSnapshot) {
		for _, seg := range snap.Segments() {
			// only a segment in a file: its Data is the file's map (an
			// in-memory segment's bytes are the Go heap's, which
			// MADV_DONTNEED would zero)
			if d, ok := seg.Segment().(interface {
				Path() string
				Data() []byte
			}); ok && d.Path() != "" {
				fn(d.Data())
			}
		}
	})
}

// A build reads its segments through their maps too: each batch's segment
// once written, and every segment a merge reads. Building 100k pieces from
// nothing (2026-12-04, sampled every 0.2 s), 668 MB of its 933 MB peak RSS
// were those pages. trimWhileBuilding bounds them: every
// buildTrimEvery, when the process's resident file pages exceed
// buildMappedBound, it lets go of the segments' maps of the index being
// built. A merge reading a segment then maps its pages again from the page
// cache (a minor fault a page).
const (
	buildMappedBound = 128 << 20
	buildTrimEvery   = 100 * time.Millisecond
)

// trimTest holds the tests' bound and period for trimWhileBuilding (the
// constants when 0) and a hook called with the bytes of maps advised.
type trimTest struct {
	bound   int64
	every   time.Duration
	advised func(bytes int64)
}

// trimWhileBuilding keeps the index bi's mapped pages under
// buildMappedBound until stop is called; stop returns once it has ended,
// so bi can be closed after it. Only on Linux; elsewhere it does nothing.
func trimWhileBuilding(bi bleve.Index, tt trimTest) (stop func()) {
	if _, ok := residentFileBytes(); !ok {
		return func() {}
	}
	bound, every := cmp.Or(tt.bound, buildMappedBound), cmp.Or(tt.every, buildTrimEvery)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			if n, ok := residentFileBytes(); ok && n > bound {
				if n := releaseMappedOf(bi); tt.advised != nil {
					tt.advised(n)
				}
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}
