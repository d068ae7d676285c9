package index

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// A rebuild asked for (folio index --rebuild) that waited for another
// folio's rebuild takes it for its own only when that one began after
// it was asked for: it read every file as it was by then. One begun
// before may have read a file before the change that made the user ask,
// so the index is built again, and Stats.RebuiltAgain says why (a
// helper's report: a second rebuild built it all again, and said it had
// built, and that another folio had built from scratch, nothing more).
func TestRebuildAfterAnotherRebuild(t *testing.T) {
	openRebuild := func(src, dir string) (chan struct{}, chan *Index) {
		t.Helper()
		waiting, opened := make(chan struct{}), make(chan *Index, 1)
		go func() {
			ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir, Rebuild: true,
				AwaitWriter: func(Writer) { close(waiting) }})
			if err != nil {
				t.Error(err)
			}
			opened <- ix
		}()
		return waiting, opened
	}
	// (t.Error: the first rebuild's Progress may call it)
	waitFor := func(waiting chan struct{}, opened chan *Index) bool {
		t.Helper()
		select {
		case <-waiting:
			return true
		case ix := <-opened:
			if ix != nil {
				ix.Close()
			}
			t.Error("opened without waiting for the writer's lock")
			return false
		}
	}

	t.Run("begun before", func(t *testing.T) {
		src := writeFixtures(t)
		dir := t.TempDir()
		openFolder(t, src, dir).Close()
		// the first rebuild: as it indexes, the second is asked for
		var second chan *Index
		var once sync.Once
		first, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir, Rebuild: true, Progress: func(int, int) {
			once.Do(func() {
				var waiting chan struct{}
				waiting, second = openRebuild(src, dir)
				if !waitFor(waiting, second) {
					second = nil
				}
			})
		}})
		if err != nil {
			t.Fatal(err)
		}
		first.Close()
		if second == nil {
			t.Fatal("no second rebuild waited for the first")
		}
		ix := <-second
		if ix == nil {
			return
		}
		defer ix.Close()
		st := ix.Stats()
		if !st.Rebuilt || st.Unchanged || !st.ByOther || st.Other == nil || !st.Other.Rebuilt || !st.RebuiltAgain {
			t.Errorf("after a rebuild begun before this one was asked for: %+v, other %+v; want rebuilt again, saying why", st, st.Other)
		}
		if ix.Count() != len(fixtures) {
			t.Errorf("%d pieces, want %d", ix.Count(), len(fixtures))
		}
	})

	t.Run("begun after", func(t *testing.T) {
		src := writeFixtures(t)
		dir := t.TempDir()
		openFolder(t, src, dir).Close()
		// another folio holds the writer's lock while both rebuilds are
		// asked for: whichever of them takes it first begins after the
		// other was asked for
		w, err := lockDir(filepath.Join(dir, writerName), time.Second)
		if err != nil {
			t.Fatal(err)
		}
		waitingB, openedB := openRebuild(src, dir)
		if !waitFor(waitingB, openedB) {
			return
		}
		waitingC, openedC := openRebuild(src, dir)
		if !waitFor(waitingC, openedC) {
			return
		}
		w.unlock()
		var built, taken int
		for _, opened := range []chan *Index{openedB, openedC} {
			ix := <-opened
			if ix == nil {
				continue
			}
			st := ix.Stats()
			switch {
			case st.Rebuilt && !st.ByOther && !st.RebuiltAgain:
				built++
			case st.Unchanged && !st.Rebuilt && st.ByOther && st.Other != nil && st.Other.Rebuilt && !st.Other.Began.IsZero() && !st.RebuiltAgain:
				taken++
			default:
				t.Errorf("a rebuild: %+v, other %+v", st, st.Other)
			}
			if ix.Count() != len(fixtures) {
				t.Errorf("%d pieces, want %d", ix.Count(), len(fixtures))
			}
			ix.Close()
		}
		if built != 1 || taken != 1 {
			t.Errorf("%d rebuilt, %d took the other's rebuild; want one each", built, taken)
		}
	})
}
