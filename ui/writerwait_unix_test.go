//go:build unix

package ui

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A reader in memory because another folio held the writer's role of its
// cache (Info.Writer, a real lock file held here with flock) waits for
// that lock, blocked, and refreshes once it is let go: a folio killed
// before it published changes no file the published file's watch would
// see, and the refresh builds the cache (the index's
// TestReaderInMemoryBuildsTheCacheAfterAKilledBuilder). A refresh on the
// cache starts no wait. Before, the reader refreshed only at the
// archive's next change or R.
func TestAReaderInMemoryRefreshesWhenTheWriterLetsGo(t *testing.T) {
	h, f, held, got := waitingForTheWriter(t)
	held.Close() // as the writer's kill lets it go
	var taken []tea.Msg
	select {
	case taken = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no end of the wait after the writer's lock was let go")
	}
	if len(taken) != 1 || taken[0].(writerGoneMsg).err != nil {
		t.Fatalf("the wait for the writer gave %v, want one writerGoneMsg without error", taken)
	}
	if n := f.calls(); n != 1 {
		t.Fatalf("%d refreshes before the writer let go, want 1", n)
	}

	// the refresh that follows builds the cache: on it, nothing is awaited
	f.mu.Lock()
	f.inMemory, f.writer = "", ""
	f.mu.Unlock()
	h.send(taken[0])
	if n := f.calls(); n != 2 {
		t.Fatalf("%d refreshes after the writer let go, want 2", n)
	}
	if h.m.info.Fallback != "" || h.m.live.awaiting != "" {
		t.Errorf("after the refresh on the cache: fallback %q, awaiting %q", h.m.info.Fallback, h.m.live.awaiting)
	}
}

// waitingForTheWriter is a reader in memory beside a writer's lock held
// (held), after the archive's change refreshed it once: its wait for the
// writer runs in a goroutine, whose messages got brings once the wait
// ended (the harness is that goroutine's until then).
func waitingForTheWriter(t *testing.T) (h *harness, f *liveFake, held *os.File, got chan []tea.Msg) {
	t.Helper()
	lock := filepath.Join(t.TempDir(), "lock")
	held, err := os.Create(lock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { held.Close() })
	if err := syscall.Flock(int(held.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}

	const notice = "index cache not used (the index is being changed by another folio): index kept in memory"
	f = &liveFake{fakeSearcher: newFake(testArticles()...), inMemory: notice, writer: lock, reindexed: make(chan struct{}, 1)}
	h = newLiveHarness(t, f, t.TempDir())
	h.m.opts.Watch = true
	isGone := func(msg tea.Msg) bool { _, ok := msg.(writerGoneMsg); return ok }
	cmd := h.sendOnly(archiveChangedMsg{stoppedWatch()})
	got = make(chan []tea.Msg, 1)
	go func() { got <- runTaking(h, cmd, isGone) }()
	select {
	case <-f.reindexed:
	case <-time.After(10 * time.Second):
		t.Fatal("the archive's change did not refresh")
	}
	select {
	case taken := <-got:
		t.Fatalf("the refresh's commands ended with the writer's lock held: %v", taken)
	default:
	}
	return h, f, held, got
}

// A builder publishes the cache, then lets go of its lock: the reader in
// memory goes back to the cache at the publication (the published file's
// watch), and the lock's release refreshes nothing more, whether it is
// seen during the publication's refresh (the common order: the release
// follows the publication by microseconds) or after it. Before, it
// refreshed again for nothing (a scan of every file's times). A release
// seen during a refresh that fails still refreshes once more.
func TestAReaderBackOnTheCacheDoesNotRefreshAgainWhenTheWriterLetsGo(t *testing.T) {
	for _, c := range []struct {
		name      string
		during    bool // the release seen while the publication's refresh runs
		failing   bool // and that refresh fails
		refreshes int
	}{
		{"after the publication's refresh", false, false, 2},
		{"during the publication's refresh", true, false, 2},
		{"during a refresh that fails", true, true, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, f, held, got := waitingForTheWriter(t)
			held.Close()
			var taken []tea.Msg
			select {
			case taken = <-got:
			case <-time.After(10 * time.Second):
				t.Fatal("no end of the wait after the writer's lock was let go")
			}
			f.mu.Lock()
			f.inMemory, f.writer = "", "" // published: the cache is there
			if c.failing {
				f.failNext = errors.New("disk full")
			}
			f.mu.Unlock()
			if c.during {
				refresh := h.sendOnly(publishedChangedMsg{stoppedWatch()})
				h.send(taken[0])
				h.run(refresh)
			} else {
				h.send(publishedChangedMsg{stoppedWatch()})
				h.send(taken[0])
			}
			if n := f.calls(); n != c.refreshes {
				t.Errorf("%d refreshes, want %d", n, c.refreshes)
			}
		})
	}
}
