package index

import (
	"context"
	"sync"
)

// warming reads, once per view of the index and off the keystroke path,
// what the searches of a keystroke would otherwise read on the way: the
// facets column (facetcolumn.go) and every document newest first
// (order.go): at 100k pieces 48-57 and 83-90 ms of CPU. It starts after
// the first search on the view, so that the first list is not slowed by
// it, and a new view or Close stops it (at the next 4,096 pieces read or
// megabyte written). When the generation's columns file gave both
// (colfile.go) it reads nothing; otherwise it writes that file for the
// next reader.
type warming struct {
	mu   sync.Mutex
	stop context.CancelFunc // of the view being warmed
	busy searchesRunning
}

// The warm reads on one core while the reader's first keystrokes search on
// both: at 1M pieces it takes ~2 s after the first list. So the warm gives
// way (a typed `gov` searched during it on the 1M index, in-process, three
// alternating pairs: 213–252 ms before, 77–102 after): every 4,096 pieces it reads it waits until
// no Search is running (searchesRunning), or its view is let go of.

// searchesRunning counts the searches under way (Index.Search).
type searchesRunning struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n falls to 0; nil while none runs
	// waiting is called when a wait finds searches running (tests)
	waiting func()
}

func (b *searchesRunning) enter() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.n == 0 {
		b.idle = make(chan struct{})
	}
	b.n++
}

func (b *searchesRunning) leave() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n--
	if b.n == 0 {
		close(b.idle)
		b.idle = nil
	}
}

// wait returns when no search is running, or ctx's error once it is done.
func (b *searchesRunning) wait(ctx context.Context) error {
	b.mu.Lock()
	idle := b.idle
	b.mu.Unlock()
	if idle != nil {
		if b.waiting != nil {
			b.waiting()
		}
		select {
		case <-idle:
		case <-ctx.Done():
		}
	}
	return ctx.Err()
}

type giveWayKey struct{}

// withGiveWay marks ctx as a warm's: giveWay waits in it on b.
func withGiveWay(ctx context.Context, b *searchesRunning) context.Context {
	return context.WithValue(ctx, giveWayKey{}, b)
}

// giveWay is a long read's check between pieces: ctx's error, after waiting
// for the searches running when ctx is a warm's (withGiveWay).
func giveWay(ctx context.Context) error {
	if b, ok := ctx.Value(giveWayKey{}).(*searchesRunning); ok {
		return b.wait(ctx)
	}
	return ctx.Err()
}

// startWarm warms the current view's snapshot in the background once.
// The caller holds ix.inUse for reading.
func (ix *Index) startWarm(ft *facetTerms) {
	if ft == nil || ix.cur == nil || ix.once {
		return
	}
	ft.warmOnce.Do(func() {
		v := ix.cur
		ix.warm.mu.Lock()
		defer ix.warm.mu.Unlock()
		if ix.warm.stop != nil {
			ix.warm.stop()
		}
		ctx, stop := context.WithCancel(context.Background())
		ix.warm.stop = stop
		ft.warmed = make(chan struct{})
		go func() {
			defer close(ft.warmed)
			defer stop()
			ix.warmView(withGiveWay(ctx, &ix.warm.busy), v, ft)
		}()
	})
}

// warmView reads the facets column and the order of view v's snapshot,
// unless v is no longer the one searched.
func (ix *Index) warmView(ctx context.Context, v *view, ft *facetTerms) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.cur != v || ctx.Err() != nil {
		return
	}
	r, done, err := ix.reader()
	if err != nil {
		return
	}
	defer done()
	if ft.warmColumn(ctx, r) != nil || ft.warmOrder(ctx, r) != nil || v.hold == nil {
		return
	}
	ft.keep(ctx, v.hold.dir, r) // for the next reader (colfile.go); best effort
}

// stopWarm stops the warming under way, before the view changes: it
// holds ix.inUse for reading, which the change waits for.
func (ix *Index) stopWarm() {
	ix.warm.mu.Lock()
	defer ix.warm.mu.Unlock()
	if ix.warm.stop != nil {
		ix.warm.stop()
		ix.warm.stop = nil
	}
}
