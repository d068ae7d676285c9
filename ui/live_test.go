package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// starredRows counts the rows of the list that carry the star.
func starredRows(h *harness) int {
	return len(regexp.MustCompile(`(?m)[│▌ ] [`+unreadMark+` ]`+starMark+` \S`).FindAllString(h.screen(), -1))
}

// saveNow runs the save a saveDueMsg starts to its end: the harness drops
// a Cmd slower than cmdTimeout, and on a busy disk a save (two fsyncs) can
// be; a dropped save would finish later, behind the test's back.
func saveNow(h *harness) {
	h.t.Helper()
	cmd := h.sendOnly(saveDueMsg{seq: h.m.saveSeq})
	if cmd == nil {
		h.t.Fatal("no save")
	}
	h.send(cmd())
}

// Two folios on one archive star different pieces at the same moment: the
// one that saves second shows both stars after its save, the other after R;
// neither loses its own.
func TestTwoReadersMergeStars(t *testing.T) {
	dir := t.TempDir()
	a, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	b, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	a.key("*")
	b.key("j", "*")
	// The pause before a save is a timer the harness drops: save now, as
	// the timer would.
	saveNow(a)
	saveNow(b)
	if n := starredRows(b); n != 2 {
		t.Errorf("the second to save shows %d stars, want both:\n%s", n, b.screen())
	}
	// The first shows its own star at least (both, when the harness let a
	// save timer of the other through first: a busy machine can).
	if n := starredRows(a); n < 1 {
		t.Fatalf("the first to save shows %d stars before a refresh, want its own", n)
	}
	a.key("R")
	if n := starredRows(a); n != 2 {
		t.Errorf("after R the first shows %d stars, want both:\n%s", n, a.screen())
	}
	a.requireMatch(`Starred\s+2`)
}

// stoppedWatch is a watch that has ended: waitChangeCmd returns at once.
func stoppedWatch() *archiveWatch {
	w := &archiveWatch{changes: make(chan struct{}, 1), stop: func() {}, done: make(chan struct{})}
	close(w.done)
	return w
}

// liveFake is a folder archive whose files the test changes: Reindex
// reports a change when the test said there is one, and counts its calls.
type liveFake struct {
	*fakeSearcher
	mu       sync.Mutex
	changed  bool
	reindexs int
	// answers, when not empty, are the next refreshes' changed, in turn
	answers []bool
	rebuilt int // the Info.Rebuilt of a refresh that changed something
	// behind, when set, is the notice of refreshes that find the cache
	// unable to take the change (Info.Fallback, Behind), published the
	// file of the cache they name (Info.Published)
	behind, published string
	// inMemory, when set, is the notice of refreshes whose index is in
	// memory for want of the cache (Info.Fallback, not Behind)
	inMemory string
	// writer, when set, is the writer's lock another folio holds, for
	// which the index is in memory (Info.Writer)
	writer string
	// reindexed, when set, is told of each refresh (a buffer's worth;
	// tests wait on it for the first)
	reindexed chan struct{}
	// failNext, when set, is the error of the next refresh, once
	failNext error
}

func (f *liveFake) reindex(ctx context.Context, progress func(done, total int)) (Info, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reindexs++
	if f.reindexed != nil {
		select {
		case f.reindexed <- struct{}{}:
		default:
		}
	}
	if err := f.failNext; err != nil {
		f.failNext = nil
		return Info{}, false, err
	}
	changed := f.changed
	f.changed = false
	if len(f.answers) > 0 {
		changed, f.answers = f.answers[0], f.answers[1:]
	}
	info := Info{Count: len(f.articles), Fallback: f.behind + f.inMemory, Behind: f.behind != "", Published: f.published, Writer: f.writer}
	if changed {
		info.Rebuilt = f.rebuilt
	}
	return info, changed, nil
}

func (f *liveFake) calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reindexs
}

// edit changes the archive as an editor would.
func (f *liveFake) edit(change func([]archive.Article) []archive.Article) {
	f.fakeSearcher.mu.Lock()
	f.articles = change(f.articles)
	f.fakeSearcher.mu.Unlock()
	f.mu.Lock()
	f.changed = true
	f.mu.Unlock()
}

// newLiveHarness is a harness on a folder archive in dir (not watched: the
// tests send the watch's messages themselves).
func newLiveHarness(t *testing.T, f *liveFake, dir string) *harness {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f.fakeSearcher, Info{Count: len(f.articles)}, nil
		},
		ArchiveDir: dir,
		Reindex:    f.reindex,
	}
	h := &harness{t: t, m: New(opts)} // no Watch: the test is the watch
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	return h
}

// A piece added before the selected one while the reader runs: the list
// shows it, and the cursor stays on the piece it was on.
func TestArchiveChangeKeepsTheCursorOnItsPiece(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	h.key("j", "j")
	if id := selectedID(t, h); id != "barcelona" {
		t.Fatalf("selected %q", id)
	}
	f.edit(func(as []archive.Article) []archive.Article {
		return append(as, archive.Article{ID: "new", Title: "A piece written just now", Outlet: "RUSI", Date: day("2018-01-01"), Body: "New."})
	})
	h.send(archiveChangedMsg{stoppedWatch()})
	if !strings.Contains(h.screen(), "A piece written just now") {
		t.Fatalf("the added piece is not listed:\n%s", h.screen())
	}
	if id := selectedID(t, h); id != "barcelona" || h.m.list.cursor != 3 {
		t.Errorf("cursor on %q at %d, want barcelona at 3", id, h.m.list.cursor)
	}
	// The selected piece removed: the cursor stays at its row.
	f.edit(func(as []archive.Article) []archive.Article {
		return slices.DeleteFunc(as, func(a archive.Article) bool { return a.ID == "barcelona" })
	})
	h.send(archiveChangedMsg{stoppedWatch()})
	if id := selectedID(t, h); id != "seven" || h.m.list.cursor != 3 {
		t.Errorf("after the removal: cursor on %q at %d, want the next piece at the same row", id, h.m.list.cursor)
	}
}

// A refresh that moves the selected piece further than the loaded pages
// (a sync of many pieces newer than it): the cursor follows it to its new
// row, and the page there is loaded.
func TestArchiveChangeFollowsThePieceOffTheLoadedPages(t *testing.T) {
	var as []archive.Article
	for i := range 150 {
		as = append(as, archive.Article{ID: fmt.Sprintf("old%03d", i), Title: fmt.Sprintf("Old piece %d", i),
			Outlet: "RUSI", Date: archive.Date{Time: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i), Precision: archive.PrecisionDay}, Body: "Old."})
	}
	f := &liveFake{fakeSearcher: newFake(as...)}
	h := newLiveHarness(t, f, t.TempDir())
	h.key("j", "j", "j")
	if id := selectedID(t, h); id != "old003" {
		t.Fatalf("selected %q", id)
	}
	f.edit(func(as []archive.Article) []archive.Article {
		for i := range 120 {
			as = append(as, archive.Article{ID: fmt.Sprintf("new%03d", i), Title: fmt.Sprintf("New piece %d", i),
				Outlet: "RUSI", Date: archive.Date{Time: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i), Precision: archive.PrecisionDay}, Body: "New."})
		}
		return as
	})
	h.send(archiveChangedMsg{stoppedWatch()})
	if id := selectedID(t, h); id != "old003" || h.m.list.cursor != 123 {
		t.Errorf("cursor on %q at %d, want old003 at 123", id, h.m.list.cursor)
	}
}

// The open piece edited: the reader shows the new text, at the same place.
func TestArchiveChangeRerendersTheOpenPiece(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	h.key("enter")
	h.requireMatch(`head of MI5`)
	f.edit(func(as []archive.Article) []archive.Article {
		as[0].Body = "# Raqqa\n\nRewritten: the director general spoke.\n"
		as[0].Title = "A title edited meanwhile"
		return as
	})
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`Rewritten: the director general spoke`)
	// the bar says the title as the file now gives it (a helper's report)
	h.requireMatch(`A title edited meanwhile\s+\d+%`)
	if h.m.focus != paneReader {
		t.Error("the reader was left")
	}
}

// Changes during a refresh make exactly one more refresh after it.
func TestChangesDuringARefreshRefreshOnceMore(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	first := h.sendOnly(archiveChangedMsg{stoppedWatch()}) // the refresh, not run yet
	h.send(archiveChangedMsg{stoppedWatch()})
	h.send(archiveChangedMsg{stoppedWatch()})
	if f.calls() != 0 || !h.m.live.again {
		t.Fatalf("%d refreshes started during one, again=%v", f.calls(), h.m.live.again)
	}
	h.run(first)
	if n := f.calls(); n != 2 {
		t.Errorf("%d refreshes, want the first and one more", n)
	}
}

// R during a refresh: the word waits for the refresh R queued (the one
// under way may have scanned the files before an edit it was pressed for).
func TestRDuringARefreshSaysWhatTheNextFound(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...), answers: []bool{false, true}}
	h := newLiveHarness(t, f, t.TempDir())
	first := h.sendOnly(archiveChangedMsg{stoppedWatch()}) // the refresh, not run yet
	h.key("R")
	h.run(first)
	if n := f.calls(); n != 2 {
		t.Fatalf("%d refreshes, want the first and R's", n)
	}
	h.requireMatch(`Archive re-read: \d+ pieces`)
}

// R re-reads the archive and says so.
func TestRRefreshesTheArchive(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	h.key("R")
	if f.calls() != 1 {
		t.Fatalf("R made %d refreshes", f.calls())
	}
	h.requireMatch(`The archive is as it was`)
}

// e on the embedded archive says it is read-only and runs nothing.
func TestEditOnTheBundledArchiveIsReadOnly(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("e")
	h.requireMatch(`read-only`)
	h.key("enter", "e")
	h.requireMatch(`read-only`)
}

// e finds the piece's file in the archive's folder; the editor (here a
// script, as $EDITOR) changes it, and on return the archive is re-read.
func TestEditRunsTheEditorOnThePiecesFile(t *testing.T) {
	dir := t.TempDir()
	arts := testArticles()
	arts[0].Path = "2017/raqqa.md"
	f := &liveFake{fakeSearcher: newFake(arts...)}
	h := newLiveHarness(t, f, dir)
	cmd := h.sendOnly(keyPress("e"))
	msg, ok := runCmd(cmd)
	edit, isEdit := msg.(editFileMsg)
	if !ok || !isEdit || edit.err != nil || edit.editor == nil || !slices.Contains(edit.editor.Args, filepath.Join(dir, "2017", "raqqa.md")) {
		t.Fatalf("e asked to edit %#v", msg)
	}

	// The editor command: $VISUAL first, arguments kept, the path passed
	// as an argument (a space and a quote in it stay one argument).
	script := filepath.Join(dir, "editor.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s|' \"$@\" > \"$(dirname \"$0\")/args\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script+" --wait")
	odd := filepath.Join(dir, "it's a piece.md")
	if err := editorCommand(odd).Run(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "args")); string(got) != "--wait|"+odd+"|" {
		t.Errorf("the editor got %q", got)
	}

	// Back from the editor: the archive is read again.
	f.edit(func(as []archive.Article) []archive.Article { as[0].Title = "Raqqa, retitled"; return as })
	h.send(editedMsg{})
	if f.calls() != 1 {
		t.Fatalf("%d refreshes after the editor", f.calls())
	}
	h.requireMatch(`Raqqa, retitled`)
	h.requireMatch(`Archive re-read: 5 pieces`)

	// An editor that failed is said, and stays said after the refresh (a
	// helper's report: "The archive is as it was" came over it).
	h.send(editedMsg{err: errors.New("exit status 127")})
	h.requireMatch(`The editor failed: exit status 127`)
	// one that saved, then failed: the refresh's word does not hide it
	f.mu.Lock()
	f.rebuilt = 1 // the refresh says "Indexed 1 piece"
	f.mu.Unlock()
	f.edit(func(as []archive.Article) []archive.Article { as[0].Title = "Raqqa, saved then failed"; return as })
	h.send(editedMsg{err: errors.New("exit status 1")})
	h.requireMatch(`Raqqa, saved then failed`)
	h.requireMatch(`The editor failed: exit status 1`)
}

// A refresh that found another folio changing the index is tried again.
func TestAStaleRefreshIsTriedAgain(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	cmd := h.sendOnly(indexRefreshedMsg{info: Info{Count: 5, Stale: true}})
	if cmd == nil {
		t.Fatal("nothing follows a stale refresh")
	}
	h.run(cmd)
	if f.calls() != 0 {
		t.Fatalf("%d refreshes before the retry was due", f.calls())
	}
	h.advance(staleRetry)
	if f.calls() != 1 {
		t.Errorf("%d refreshes when the retry was due", f.calls())
	}
}

// Another folio's save shows without a key: the watch of the state file
// signals, and the reader reloads.
func TestAnotherFoliosSaveShowsWithoutAKey(t *testing.T) {
	dir := t.TempDir()
	a, stA := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	b, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)

	// The watch the interface starts with Options.Watch, on the state's file.
	a.m.opts.Watch = true
	msg, ok := runCmd(a.m.watchStateFile(stA))
	started, isStarted := msg.(stateWatchStartedMsg)
	if !ok || !isStarted {
		t.Fatalf("the state watch did not start: %#v", msg)
	}
	t.Cleanup(started.w.close)

	b.key("*")
	saveNow(b)
	waitSignal(t, started.w, "another folio's save")

	if n := starredRows(a); n != 0 {
		t.Fatalf("%d stars before the reload", n)
	}
	// What the signal starts: a reload (and the next wait, here at its end).
	reload := a.sendOnly(stateFileChangedMsg{stoppedWatch()})
	batch, ok := reload().(tea.BatchMsg)
	if !ok {
		t.Fatalf("the signal started %T", reload())
	}
	for _, c := range batch {
		if msg := c(); msg != nil {
			a.send(msg)
		}
	}
	if n := starredRows(a); n != 1 {
		t.Errorf("after the other's save %d stars show, want its one:\n%s", n, a.screen())
	}
	a.requireMatch(`Starred\s+1`)
}

// A save that really fails (the state folder has become a file) is said on
// screen, the star stays, and the next save that can write keeps it.
func TestAFailedSaveIsShownAndNotLost(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "folio")
	h, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.key("*")
	saveNow(h)
	h.requireMatch(`Reading state not saved: state folder`)
	if n := starredRows(h); n != 1 {
		t.Fatalf("the star is gone from the screen after the failed save")
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	h.key("j", "*")
	saveNow(h)
	again, _ := state.Open(testArchiveName, dir)
	if got := again.Starred(); len(got) != 2 {
		t.Errorf("after the folder came back the file has %v starred, want both", got)
	}
}

// Once the disk takes the state again, the status line says what the save
// that carries a mark did: the mark alone, its failure gone (a helper's
// report: with the disk freed, j m said "Marked read (not saved yet: saving
// the reading state fails)" for 8 s, the state file holding the mark); and
// while saves still fail, a mark says it is not saved yet.
func TestAMarkSavedAfterFailuresSaysSo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "folio")
	h, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.key("*")
	h.requireMatch(`Reading state not saved: state folder`)
	h.key("j", "*")
	h.requireMatch(`★ Starred \(not saved yet: saving the reading state fails\)`)
	if !h.m.status.isErr {
		t.Error("a mark not saved is not said as an error")
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	h.key("j", "m")
	again, _ := state.Open(testArchiveName, dir)
	if got := again.Read(); len(got) != 1 {
		t.Fatalf("after the folder came back the file has %v read, want the one marked", got)
	}
	if s := h.screen(); !strings.Contains(s, "Marked read") || strings.Contains(s, "not saved") || h.m.status.isErr {
		t.Errorf("the mark is saved, the status line says (error %v):\n%s", h.m.status.isErr, s)
	}
}

// A watch that falls back to checking while the reader runs (new folders
// past its cap) says so in the status line, once.
func TestWatchFallingBackIsSaid(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	w := stoppedWatch()
	w.how = "watching 2 folders"
	h.send(watchStartedMsg{w: w})
	if strings.Contains(h.screen(), "Archive:") {
		t.Fatalf("a watch said at its start:\n%s", h.screen())
	}
	w.mu.Lock()
	w.how = "checking every 5s (1,001 folders: too many to watch)"
	w.mu.Unlock()
	// the refresh the signal starts ends with "Indexed 1 piece", which
	// came over the notice within half a second (a helper's report): the
	// notice is said again when it ends
	f.mu.Lock()
	f.rebuilt = 1
	f.mu.Unlock()
	f.edit(func(as []archive.Article) []archive.Article { as[0].Title = "Raqqa, past the cap"; return as })
	h.send(archiveChangedMsg{w})
	h.requireMatch(`Raqqa, past the cap`)
	h.requireMatch(`Archive: checking every 5s \(1,001 folders`)
}

// behindNotice is the notice of a refresh on a cache it cannot write.
const behindNotice = "the index could not be updated (open lock: permission denied): it shows the archive as it was when last indexed"

// An index behind the archive (its cache cannot take the change) says so
// for as long as it is: the status line's notice goes as any other, the
// top bar's "index as it was" stays until a refresh brings the index in
// line (before, nothing was left on screen after 8 s).
func TestBehindIsSaidWhileItHolds(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	h := newLiveHarness(t, f, t.TempDir())
	const marker = "index as it was"
	if strings.Contains(h.screen(), marker) {
		t.Fatalf("said before the index was behind:\n%s", h.screen())
	}
	f.mu.Lock()
	f.behind = behindNotice
	f.mu.Unlock()
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`could not be updated`)
	h.advance(statusLong + time.Second)
	if s := h.screen(); strings.Contains(s, "could not be updated") || !strings.Contains(s, marker) {
		t.Fatalf("after the notice's time: the notice gone and %q in the top bar, want:\n%s", marker, s)
	}
	f.mu.Lock()
	f.behind = ""
	f.mu.Unlock()
	f.edit(func(as []archive.Article) []archive.Article { as[0].Title = "Raqqa, taken in"; return as })
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`Raqqa, taken in`)
	if strings.Contains(h.screen(), marker) {
		t.Errorf("said after the index was brought in line:\n%s", h.screen())
	}
}

// runTaking runs cmd as harness.run does, but hands the messages take
// matches back instead of delivering them (a watch's start, whose waits
// the harness would run to their end).
func runTaking(h *harness, cmd tea.Cmd, take func(tea.Msg) bool) []tea.Msg {
	h.t.Helper()
	var taken []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := h.runCmd(c)
		switch {
		case msg == nil:
		case take(msg):
			taken = append(taken, msg)
		default:
			if batch, ok := msg.(tea.BatchMsg); ok {
				queue = append(queue, batch...)
				continue
			}
			if seq, ok := sequence(msg); ok {
				queue = append(queue, seq...)
				continue
			}
			if tm, ok := msg.(timerMsg); ok {
				h.timers = append(h.timers, parkedTimer{due: h.now + tm.d, msg: tm.msg})
				continue
			}
			h.msgs = append(h.msgs, msg)
			next, more := h.m.Update(msg)
			h.m = next.(Model)
			queue = append(queue, more)
		}
	}
	return taken
}

// A reader on a cache it cannot write takes in the update the cache's
// owner publishes (folio index) without a key: it watches the file the
// update replaces (Info.Published), here a real index's in the test's
// cache, written by another open of it. Before, the update showed only at
// the archive's next change or R.
func TestAnotherFoliosPublishedUpdateIsTakenIn(t *testing.T) {
	ctx := context.Background()
	arch, cache := t.TempDir(), t.TempDir()
	piece := filepath.Join(arch, "a.md")
	writePiece(t, piece, "Alpha")
	ix, err := index.OpenDir(ctx, arch, index.Options{Dir: cache})
	if err != nil {
		t.Fatal(err)
	}
	published := ix.Published()
	ix.Close()
	if published == "" {
		t.Fatal("a cached index publishes no file")
	}

	f := &liveFake{fakeSearcher: newFake(testArticles()...), behind: behindNotice, published: published}
	h := newLiveHarness(t, f, arch)
	h.m.opts.Watch = true
	isStarted := func(msg tea.Msg) bool { _, ok := msg.(publishedWatchStartedMsg); return ok }
	taken := runTaking(h, h.sendOnly(archiveChangedMsg{stoppedWatch()}), isStarted)
	if len(taken) != 1 {
		t.Fatalf("a refresh behind on a cache it cannot write started %d watches of its published file, want 1", len(taken))
	}
	w := taken[0].(publishedWatchStartedMsg).w
	t.Cleanup(w.close)
	if n := f.calls(); n != 1 {
		t.Fatalf("%d refreshes, want the one", n)
	}
	// a second refresh behind starts no second watch
	if again := runTaking(h, h.sendOnly(archiveChangedMsg{stoppedWatch()}), isStarted); len(again) != 0 {
		t.Fatalf("a second refresh behind started %d more watches", len(again))
	}
	// what was published before the watch was in place is looked for once
	waitSignal(t, w, "its start")
	h.send(publishedChangedMsg{stoppedWatch()})
	if n := f.calls(); n != 3 {
		t.Fatalf("%d refreshes after the watch's first signal, want 3", n)
	}

	// the owner's folio index: the archive changed, the cache updated
	writePiece(t, piece, "Alpha, edited")
	other, err := index.OpenDir(ctx, arch, index.Options{Dir: cache})
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	waitSignal(t, w, "another folio's update published")
	f.mu.Lock()
	f.behind = ""
	f.mu.Unlock()
	f.edit(func(as []archive.Article) []archive.Article { as[0].Title = "Raqqa, published by another"; return as })
	h.send(publishedChangedMsg{stoppedWatch()})
	if n := f.calls(); n != 4 {
		t.Fatalf("%d refreshes after another folio's update, want 4", n)
	}
	h.requireMatch(`Raqqa, published by another`)

	// the index in line, a signal (this folio's own update, say) asks nothing
	h.send(publishedChangedMsg{stoppedWatch()})
	if n := f.calls(); n != 4 {
		t.Errorf("%d refreshes after a signal with the index in line, want 4", n)
	}
}

// A reader whose index fell back to memory for want of its cache (removed
// and being built again by the owner's folio index when the reader
// refreshed) watches the cache's published file (Info.Published, here a
// real index's in the test's cache), and refreshes when the owner's build
// is published there: the index goes back to the cache. Before, the watch
// was for an index behind alone, and the reader stayed in memory.
func TestAReaderInMemoryTakesInThePublishedCache(t *testing.T) {
	ctx := context.Background()
	arch, cache := t.TempDir(), t.TempDir()
	writePiece(t, filepath.Join(arch, "a.md"), "Alpha")
	ix, err := index.OpenDir(ctx, arch, index.Options{Dir: cache})
	if err != nil {
		t.Fatal(err)
	}
	published := ix.Published()
	ix.Close()
	if err := os.RemoveAll(cache); err != nil {
		t.Fatal(err)
	}

	const notice = "index cache not used (the index is being changed by another folio): index kept in memory"
	f := &liveFake{fakeSearcher: newFake(testArticles()...), inMemory: notice, published: published}
	h := newLiveHarness(t, f, arch)
	h.m.opts.Watch = true
	isStarted := func(msg tea.Msg) bool { _, ok := msg.(publishedWatchStartedMsg); return ok }
	taken := runTaking(h, h.sendOnly(archiveChangedMsg{stoppedWatch()}), isStarted)
	if len(taken) != 1 {
		t.Fatalf("a refresh in memory for want of the cache started %d watches of its published file, want 1", len(taken))
	}
	w := taken[0].(publishedWatchStartedMsg).w
	t.Cleanup(w.close)
	waitSignal(t, w, "its start") // looked for once: nothing published yet
	h.send(publishedChangedMsg{stoppedWatch()})
	if n := f.calls(); n != 2 {
		t.Fatalf("%d refreshes after the watch's first signal, want 2", n)
	}

	// the owner's folio index builds the cache again
	other, err := index.OpenDir(ctx, arch, index.Options{Dir: cache})
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	waitSignal(t, w, "the owner's build published")
	f.mu.Lock()
	f.inMemory = ""
	f.mu.Unlock()
	h.send(publishedChangedMsg{stoppedWatch()})
	if n := f.calls(); n != 3 {
		t.Fatalf("%d refreshes after the owner's build, want 3", n)
	}
	if h.m.info.Fallback != "" {
		t.Errorf("after the refresh on the cache: fallback %q", h.m.info.Fallback)
	}
	// back on the cache, a signal (this folio's own update, say) asks nothing
	h.send(publishedChangedMsg{stoppedWatch()})
	if n := f.calls(); n != 3 {
		t.Errorf("%d refreshes after a signal on the cache, want 3", n)
	}
}
