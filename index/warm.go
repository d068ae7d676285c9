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
// it, and a new view or Close stops it.
type warming struct {
	mu   sync.Mutex
	stop context.CancelFunc // of the view being warmed
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
			ix.warmView(ctx, v, ft)
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
	if ft.warmColumn(ctx, r) != nil {
		return
	}
	_ = ft.warmOrder(ctx, r)
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
