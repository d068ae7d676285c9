package index

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/folio-tui/folio/archive"
)

// apply parses the files of todo in parallel and indexes them in batches
// capped by bytes, words and count; deletes go in the first batch.
//
// Batches are submitted by two goroutines at once, so that one segment is
// built while the next batch is analysed, and with scorch's unsafe_batch:
// a batch returns once searchable, without waiting for its fsync. Every
// batch carries a persisted callback, and apply returns only when all have
// been persisted, so the manifest written after it never runs ahead of the
// index on disk.
func (b *build) apply(ctx context.Context, todo []work, deletes []string, owner map[string]string,
	newFiles map[string]fileEntry) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := newBatches(ctx, cancel, b, len(todo), owner, newFiles)
	results := p.parse(todo)

	// A write scorch fails is retried for ever: give up at the first.
	writeFailed := make(chan struct{})
	if b.dir != "" {
		defer watchPersist(filepath.Join(b.dir, bleveSubdir), func(err error) {
			p.failLocked(err)
			close(writeFailed)
		})()
	}

	p.reportLocked()
	if len(deletes) > 0 {
		batch := b.bi.NewBatch()
		for _, id := range deletes {
			batch.Delete(id)
		}
		if err := p.submit(batch); err != nil {
			return err
		}
	}

	const batchers = 2
	var wg sync.WaitGroup
	for range batchers {
		wg.Go(func() { p.index(results) })
	}
	wg.Wait()
	return p.wait(writeFailed)
}

// batches is apply's state, shared by its parsers and batchers.
type batches struct {
	b        *build
	ctx      context.Context
	cancel   context.CancelFunc
	owner    map[string]string
	maxBytes int
	maxDocs  int
	total    int

	mu       sync.Mutex // guards newFiles, b.stats, b.unexpected, done, firstErr
	newFiles map[string]fileEntry
	done     int
	firstErr error

	persist sync.WaitGroup // one per batch submitted, until persisted
	perrMu  sync.Mutex
	persErr error
}

func newBatches(ctx context.Context, cancel context.CancelFunc, b *build, total int,
	owner map[string]string, newFiles map[string]fileEntry) *batches {
	p := &batches{b: b, ctx: ctx, cancel: cancel, owner: owner, newFiles: newFiles, total: total,
		maxBytes: b.opts.BatchBytes, maxDocs: b.opts.BatchDocs}
	if p.maxBytes <= 0 {
		p.maxBytes = 2 << 20
	}
	if p.maxDocs <= 0 {
		p.maxDocs = 1000
	}
	return p
}

// parse starts the parsers of todo; their results come on the channel,
// closed when all are done or ctx is cancelled.
func (p *batches) parse(todo []work) <-chan parsed {
	workers := p.b.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	results := make(chan parsed, 4*workers)
	var parsers sync.WaitGroup
	for range workers {
		parsers.Go(func() {
			for i := range jobs {
				select {
				case results <- parseWork(p.b.fsys, p.b.siteRoots(), todo[i]):
				case <-p.ctx.Done():
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
			case <-p.ctx.Done():
				return
			}
		}
	}()
	go func() {
		parsers.Wait()
		close(results)
	}()
	return results
}

// report calls Options.Progress; p.mu is held.
func (p *batches) report() {
	if p.b.opts.Progress != nil {
		p.b.opts.Progress(p.done, p.total)
	}
}

func (p *batches) reportLocked() {
	p.mu.Lock()
	p.report()
	p.mu.Unlock()
}

// fail records the first error and stops the work; p.mu is held.
func (p *batches) fail(err error) {
	if p.firstErr == nil {
		p.firstErr = err
	}
	p.cancel()
}

func (p *batches) failLocked(err error) {
	p.mu.Lock()
	p.fail(err)
	p.mu.Unlock()
}

// submit indexes a batch, counting it in p.persist until scorch has
// persisted it.
func (p *batches) submit(batch *bleve.Batch) error {
	if batch.Size() == 0 {
		return nil
	}
	if p.b.dir == "" {
		return p.b.bi.Batch(batch) // in memory: nothing is ever persisted
	}
	p.persist.Add(1)
	var once sync.Once
	batch.SetPersistedCallback(func(err error) {
		once.Do(func() {
			if err != nil {
				p.perrMu.Lock()
				p.persErr = err
				p.perrMu.Unlock()
			}
			p.persist.Done()
		})
	})
	if err := p.b.bi.Batch(batch); err != nil {
		once.Do(p.persist.Done)
		return err
	}
	return nil
}

// index is one batcher: it adds the parsed files to batches and submits
// each when full, and the last one.
func (p *batches) index(results <-chan parsed) {
	batch := p.b.bi.NewBatch()
	batchBytes, batchTokens := 0, 0
	flush := func() {
		if err := p.submit(batch); err != nil {
			p.failLocked(err)
		}
		batch = p.b.bi.NewBatch()
		batchBytes, batchTokens = 0, 0
	}
	for r := range results {
		if p.ctx.Err() != nil {
			continue // drain
		}
		if p.add(batch, r) {
			batchBytes += r.size
			batchTokens += r.tokens
		}
		if batchBytes >= p.maxBytes || batch.Size() >= p.maxDocs || batchTokens >= maxBatchTokens {
			flush()
		}
	}
	if p.ctx.Err() == nil {
		flush()
	}
}

// indexOne puts the document of article a, piece id, in batch.
func (p *batches) indexOne(batch *bleve.Batch, id string, a archive.Article) error {
	doc, err := indexedDocument(p.b.bi.Mapping(), id, p.b.document(a))
	if err != nil {
		return err
	}
	return batch.IndexAdvanced(doc)
}

// add puts one parsed file in batch (or its problem in its entry), records
// its entry, and reports whether it was indexed.
func (p *batches) add(batch *bleve.Batch, r parsed) bool {
	if r.kept != nil && p.owner[r.kept.ID] == r.path {
		// the file's piece, kept as last read (parseFile): its document
		// and entry stay
		p.mu.Lock()
		defer p.mu.Unlock()
		p.newFiles[r.path] = *r.kept
		p.done++
		return false
	}
	if r.vanished {
		return p.vanish(batch, r)
	}
	e := r.entry
	indexed := false
	if !e.Fatal {
		if err := p.indexOne(batch, e.ID, r.article); err != nil {
			e.Problems = append(e.Problems, archive.Problem{Path: r.path, Msg: "not indexed: " + err.Error(), Fatal: true})
			e.Fatal = true
		} else {
			e.Indexed = true
			e.Body = p.b.bodies.file()
			e.Added = p.b.addedOf(e.ID)
			indexed = true
		}
	}
	removed := !indexed && r.indexedID != "" && p.owner[r.indexedID] == r.path
	if removed {
		// the file's piece, which the file no longer gives
		batch.Delete(r.indexedID)
	}
	if e.Fatal && e.ID != "" && p.owner[e.ID] == r.path {
		// the file stays, unusable for now: it holds its piece's time,
		// which the piece keeps when the file gives it again (a helper's
		// report: a date broken for an update, then mended with the
		// title edited, made the piece new)
		e.Added, e.Print, e.Held = p.b.heldOf(r)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if removed {
		// a piece gone from the index, as a file's that went is
		// (Stats.Removed): before, a file made unusable took its piece
		// away with "0 removed"
		p.b.stats.Removed++
	}
	if e.Copy != nil {
		p.b.spill(e.Copy)
	}
	p.newFiles[r.path] = e
	p.b.unexpected = p.b.unexpected || r.unexpected || e.Fatal
	p.done++
	// a second round's read of a racy file counts once, and a racy
	// file read again as it was not at all
	counted := indexed && !p.b.racyRead[r.path] && !r.settled
	if e.MTime == racyMTime {
		if p.b.racyRead == nil {
			p.b.racyRead = map[string]bool{}
		}
		p.b.racyRead[r.path] = p.b.racyRead[r.path] || indexed
	}
	if counted {
		p.b.stats.Indexed++
		p.b.stats.Bytes += int64(r.size)
	}
	if p.done%100 == 0 {
		p.report()
	}
	return indexed
}

// vanish takes out of the index the piece of a file gone since the scan
// (parsed.vanished), if the file still owns it, as an update deletes a
// file's that went: counted removed, departed (added.go) and, for a piece
// added in this update with its Print, renamed; the file has no entry.
// It reports false (nothing indexed).
func (p *batches) vanish(batch *bleve.Batch, r parsed) bool {
	removed := r.indexedID != "" && p.owner[r.indexedID] == r.path
	if removed {
		batch.Delete(r.indexedID)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if removed {
		p.b.stats.Removed++
		if w := r.was; w != nil && w.Print != 0 {
			p.b.depart(departed{ID: r.indexedID, Print: w.Print, Added: w.Added, At: time.Now().UnixNano(), Size: -1})
		}
	}
	// planning again may find work: another file given its ID
	p.b.unexpected = true
	p.done++
	return false
}

// spill moves c's sketch to b.sketches, made at the first; a sketch that
// cannot be is kept in memory. p.mu is held.
func (b *build) spill(c *copyEntry) {
	if b.dir == "" || b.noSpill {
		return
	}
	if b.sketches == nil {
		s, err := newSketchSpill(b.dir)
		if err != nil {
			b.noSpill = true
			return
		}
		b.sketches = s
	}
	if err := b.sketches.put(c); err != nil {
		b.noSpill = true // put failed before it moved the sketch
	}
}

// wait returns once every batch submitted is persisted (or a write has
// failed), with the first error.
func (p *batches) wait(writeFailed <-chan struct{}) error {
	p.mu.Lock() // a failed write may still be reported
	if p.firstErr == nil && p.ctx.Err() != nil {
		p.firstErr = p.ctx.Err()
	}
	p.mu.Unlock()
	// Wait for persistence even after an error: the callbacks of batches
	// already submitted still fire.
	persisted := make(chan struct{})
	go func() {
		p.persist.Wait()
		close(persisted)
	}()
	select {
	case <-persisted:
	case <-writeFailed:
	case <-time.After(5 * time.Minute):
		p.failLocked(errors.New("index not persisted after 5 minutes"))
	}
	p.mu.Lock()
	err := p.firstErr
	p.mu.Unlock()
	if err != nil {
		return err
	}
	if p.persErr != nil {
		return p.persErr
	}
	p.reportLocked()
	return nil
}
