package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// This file keeps the screen in step with what changes under it: the
// archive's files (added, edited, removed, by the user's editor through e
// or from outside), watched by watch.go, and the reading state, saved
// searches and quotes other folios save (folio saved, folio quotes, or
// another reader).
//
// A change of the files is taken in the way the start-up takes a cached
// index (Info.Refresh): Options.Reindex runs in a Cmd behind the list
// (searches go on meanwhile, on the index as it was), and when it says the
// index changed the current search runs again with the cursor kept on the
// piece it was on and the open piece rendered again. Changes that come
// while one refresh runs make one more refresh after it; a refresh that
// found another folio changing the index (Info.Stale) is tried again a
// second later; one that found the cache unable to take the change (not
// Stale) waits for the archive's next change, R, or another folio's update
// of the cache (the file Info.Published, watched from then on), as does an
// index in memory for want of the cache (Fallback), which goes back to the
// cache once another folio has built it there, or, when that folio let go
// of the writer's role having published nothing (killed), builds it
// itself (Info.Writer: the reader waits for the lock, not polling).

// liveState is the root model's part in this.
type liveState struct {
	watch  *archiveWatch
	how    string        // the archive watch's mode last said or started in
	state  *archiveWatch // of the reading state's file
	saved  *archiveWatch // of the saved searches' file
	opened *archiveWatch // of their opened times on this archive
	quotes *archiveWatch // of the quotes' file
	// published watches the file of the index's cache another folio
	// replaces when it updates the index (Info.Published), once a refresh
	// found the cache unable to take the archive's change, or the index
	// in memory for want of it
	published   *archiveWatch
	publishedAt string // the file published watches, once its start is asked for
	// awaiting is the writer's lock (Info.Writer) a wait runs on, until
	// its folio lets it go (writerGoneMsg)
	awaiting string
	again    bool // the archive changed during a refresh: refresh once more
	// writerGone: the writer awaited let go during a refresh, refreshed
	// again only if that refresh failed
	writerGone bool
	// editorErr is how the editor failed, said again after every refresh
	// until the next key (the refresh it started, and the watch's after
	// it, said "Indexed 1 piece" over it: a review, a helper's report)
	editorErr string
	forced    bool // the refresh running was asked for with R or e: say how it ended
	// notice is the watch's fall back to checking, said again when the
	// refresh its signal started ends (that refresh's "Indexed 1 piece"
	// came over it within half a second: a helper's report)
	notice string
}

// liveMsg is any message of this file; Update hands them to updateLive.
type liveMsg interface{ liveMsg() }

// watchStartedMsg brings the archive's watch, started after the index opened.
type watchStartedMsg struct {
	w   *archiveWatch
	err error
}

// archiveChangedMsg: the watch saw the archive's files change.
type archiveChangedMsg struct{ w *archiveWatch }

// stateWatchStartedMsg brings the watch of the reading state's file.
type stateWatchStartedMsg struct{ w *archiveWatch }

// stateFileChangedMsg: the reading state's file was written, by this folio
// or another one on the archive.
type stateFileChangedMsg struct{ w *archiveWatch }

// fileWatchStartedMsg brings the watch of the saved searches' file or,
// with quotes, of the quotes' file.
type fileWatchStartedMsg struct {
	w      *archiveWatch
	quotes bool
	opened bool // of the saved searches' opened times on this archive
}

// savedFileChangedMsg: the saved searches' file was written (folio saved
// add or rm, or the S of another reader): the SAVED group is read again.
type savedFileChangedMsg struct{ w *archiveWatch }

// quotesFileChangedMsg: the quotes' file was written (folio quotes add,
// or the v of another reader): the quotes are read again, and the open
// piece's marks and the list of Q follow.
type quotesFileChangedMsg struct{ w *archiveWatch }

// publishedWatchStartedMsg brings the watch of the index's published file
// (Info.Published).
type publishedWatchStartedMsg struct{ w *archiveWatch }

// publishedChangedMsg: another folio published an update of the index.
type publishedChangedMsg struct{ w *archiveWatch }

// writerGoneMsg: the folio that held the writer's role of the cache an
// index in memory could not use let it go (Info.Writer), or the wait
// failed (err).
type writerGoneMsg struct{ err error }

// editFileMsg brings the file of the piece to edit (e).
type editFileMsg struct {
	editor *exec.Cmd // made in the Cmd: exec.Command looks the program up in $PATH, on disk
	err    error
}

// editedMsg: the editor has returned the terminal.
type editedMsg struct{ err error }

// reindexDueMsg: a refresh found the index stale; time to try again.
type reindexDueMsg struct{}

// staleRetry is the pause before asking again for a refresh that found
// another folio changing the index (it holds the writer's role for a
// second or so for a few changed files).
const staleRetry = time.Second

func (watchStartedMsg) liveMsg()      {}
func (archiveChangedMsg) liveMsg()    {}
func (stateWatchStartedMsg) liveMsg() {}
func (stateFileChangedMsg) liveMsg()  {}
func (fileWatchStartedMsg) liveMsg()  {}
func (savedFileChangedMsg) liveMsg()  {}
func (quotesFileChangedMsg) liveMsg() {}
func (editFileMsg) liveMsg()          {}
func (reindexDueMsg) liveMsg()        {}
func (editedMsg) liveMsg()            {}

func (publishedWatchStartedMsg) liveMsg() {}
func (publishedChangedMsg) liveMsg()      {}
func (writerGoneMsg) liveMsg()            {}

func (m *Model) updateLive(msg liveMsg) tea.Cmd {
	switch msg := msg.(type) {
	case watchStartedMsg:
		if msg.err != nil {
			return m.status.setFor("Not watching the archive: "+termsafe.ErrText(msg.err), true, statusLong)
		}
		m.live.watch = msg.w
		m.live.how = msg.w.mode()
		cmd := waitChangeCmd(msg.w, archiveChangedMsg{msg.w})
		if strings.HasPrefix(m.live.how, "checking") {
			cmd = tea.Batch(cmd, m.status.setFor("Archive: "+m.live.how, false, statusLong))
		}
		return cmd
	case archiveChangedMsg:
		cmd := m.reindex()
		if how := msg.w.mode(); how != m.live.how {
			// The watch fell back to checking (new folders past its
			// cap, or no inotify watch left): say so once.
			m.live.how = how
			m.live.notice = "Archive: " + how
			cmd = tea.Batch(cmd, m.status.setFor(m.live.notice, false, statusLong))
		}
		return tea.Batch(cmd, waitChangeCmd(msg.w, msg))
	case stateWatchStartedMsg:
		m.live.state = msg.w
		return waitChangeCmd(msg.w, stateFileChangedMsg{msg.w})
	case stateFileChangedMsg:
		// Reload: another folio's marks show; this folio's own save
		// comes back here too, and reloads nothing new.
		// (another folio that wrote it may have made the marks of
		// renamed pieces follow them: followedCmd)
		return tea.Batch(saveStateCmd(m.reading, m.saveSeq), waitChangeCmd(msg.w, msg), m.followedCmd())
	case fileWatchStartedMsg:
		if msg.quotes {
			m.live.quotes = msg.w
			return waitChangeCmd(msg.w, quotesFileChangedMsg{msg.w})
		}
		if msg.opened {
			m.live.opened = msg.w
		} else {
			m.live.saved = msg.w
		}
		return waitChangeCmd(msg.w, savedFileChangedMsg{msg.w})
	case savedFileChangedMsg:
		return tea.Batch(m.countSaved(), waitChangeCmd(msg.w, msg))
	case quotesFileChangedMsg:
		var reload tea.Cmd
		if m.quotes != nil {
			reload = reloadQuotesCmd(m.quotes)
		}
		return tea.Batch(reload, waitChangeCmd(msg.w, msg))
	case reindexDueMsg:
		return m.reindex()
	case publishedWatchStartedMsg:
		m.live.published = msg.w
		return waitChangeCmd(msg.w, publishedChangedMsg{msg.w})
	case publishedChangedMsg:
		// Another folio's update: taken in when the index is behind for
		// want of a cache it can write (the owner's folio index), or in
		// memory for want of the cache (a folio index that rebuilt it);
		// else this folio's own update, or one its refreshes see anyway.
		var cmd tea.Cmd
		if waitsForPublished(m.info) {
			cmd = m.reindex()
		}
		return tea.Batch(cmd, waitChangeCmd(msg.w, msg))
	case writerGoneMsg:
		m.live.awaiting = ""
		if msg.err != nil {
			return nil // ctx ended, or no wait here: the archive's change, R and the published file's watch still refresh
		}
		switch {
		case m.refreshing:
			// most often the publication's refresh, which follows the
			// lock's release by microseconds: its end waits again if it
			// finds the role still taken, or refreshes once more if it
			// failed (afterRefresh)
			m.live.writerGone = true
			return nil
		case m.info.Writer == "":
			return nil // the publication's refresh is back on the cache
		}
		return m.reindex()
	case editFileMsg:
		if msg.err != nil {
			return m.status.set("Cannot edit: "+termsafe.ErrText(msg.err), true)
		}
		return tea.ExecProcess(msg.editor, func(err error) tea.Msg { return editedMsg{err} })
	case editedMsg:
		// an editor that failed is said, and its word stays: the refresh's
		// "The archive is as it was" came over it (a helper's report)
		m.live.forced = msg.err == nil
		cmd := m.reindex()
		if msg.err != nil {
			m.live.editorErr = "The editor failed: " + termsafe.ErrText(msg.err)
			return tea.Batch(cmd, m.status.set(m.live.editorErr, true))
		}
		return tea.Batch(cmd, m.status.set("Reading the file again…", false))
	}
	return nil
}

// startWatching starts the watch of a folder archive.
func (m *Model) startWatching() tea.Cmd {
	if !m.opts.Watch || m.opts.ArchiveDir == "" || m.opts.Reindex == nil || m.live.watch != nil {
		return nil
	}
	ctx, dir := m.ctx, m.opts.ArchiveDir
	return func() tea.Msg {
		w, err := startWatch(ctx, dir, defaultWatch)
		return watchStartedMsg{w: w, err: err}
	}
}

// watchSavedFile starts the watch of the saved searches' file, when the
// reader keeps them in one (Options.Saved with a Path): a search added or
// removed by folio saved or another reader shows in the SAVED group
// without a key; and that of their opened times on this archive (an
// OpenedPath), so that a search opened by folio saved run or another
// reader no longer counts its pieces new here (a helper's report: "1
// new" stayed until R).
func (m *Model) watchSavedFile() tea.Cmd {
	var cmds []tea.Cmd
	if f, ok := m.opts.Saved.(interface{ Path() string }); m.opts.Watch && ok && f.Path() != "" && m.live.saved == nil {
		cmds = append(cmds, m.watchFile(f.Path(), false, false))
	}
	if f, ok := m.opts.Saved.(interface{ OpenedPath() string }); m.opts.Watch && ok && f.OpenedPath() != "" && m.live.opened == nil {
		cmds = append(cmds, m.watchFile(f.OpenedPath(), false, true))
	}
	return tea.Batch(cmds...)
}

// watchQuotesFile starts the watch of the quotes' file, as watchSavedFile
// does for the saved searches.
func (m *Model) watchQuotesFile() tea.Cmd {
	f, ok := m.quotes.(interface{ Path() string })
	if !m.opts.Watch || !ok || f.Path() == "" || m.live.quotes != nil {
		return nil
	}
	return m.watchFile(f.Path(), true, false)
}

// watchFile starts a watch of the saved searches' file or the quotes' file
// at path. Where it cannot start, the file is read again only when
// something else asks for it.
func (m *Model) watchFile(path string, quotes, opened bool) tea.Cmd {
	ctx := m.ctx
	return func() tea.Msg {
		w, err := startFileWatch(ctx, path, defaultWatch)
		if err != nil {
			return nil
		}
		return fileWatchStartedMsg{w: w, quotes: quotes, opened: opened}
	}
}

// watchStateFile starts the watch of the reading state's file, when the
// state has one: when another folio on the archive saves, this one reloads
// and shows the merged marks without a key. Where the watch cannot start,
// R still reloads.
func (m *Model) watchStateFile(rs ReadingState) tea.Cmd {
	f, ok := rs.(interface{ Path() string })
	if !m.opts.Watch || !ok || f.Path() == "" || m.live.state != nil {
		return nil
	}
	ctx, path := m.ctx, f.Path()
	return func() tea.Msg {
		w, err := startFileWatch(ctx, path, defaultWatch)
		if err != nil {
			return nil
		}
		return stateWatchStartedMsg{w}
	}
}

// waitsForPublished reports whether an index (its info) waits for another
// folio's update of its cache: behind on a cache it cannot write (Behind,
// not Stale), or in memory for want of the cache (a Fallback not Behind;
// before, such a reader stayed in memory after the owner's folio index
// rebuilt the cache, R and all: a review).
func waitsForPublished(info Info) bool {
	return info.Fallback != "" && !info.Stale
}

// watchPublished starts the watch of the index's published file at path
// (Info.Published), once: a cache this folio cannot write is updated by
// its owner's folio, whose update the reader then takes in without a key
// (before, only at the archive's next change or R). It holds one signal
// from its start: an update published before its watch was in place is
// looked for once. Where it cannot start, R still refreshes.
func (m *Model) watchPublished(path string) tea.Cmd {
	if !m.opts.Watch || path == "" || m.opts.Reindex == nil || m.live.publishedAt != "" {
		return nil
	}
	m.live.publishedAt = path
	ctx := m.ctx
	return func() tea.Msg {
		w, err := startFileWatch(ctx, path, defaultWatch)
		if err != nil {
			return nil
		}
		w.signal()
		return publishedWatchStartedMsg{w}
	}
}

// awaitWriter waits, in a Cmd blocked in the kernel (no ticker, no CPU
// while it waits), for the folio holding the writer's role of the cache
// the index in memory could not use (Info.Writer, its lock file at path)
// to let it go, however it ends; then the reader refreshes, and the
// refresh goes back to the cache, building it if that folio published
// nothing (a builder killed: kill -9). Before, such a reader stayed in
// memory until the archive changed (NOTES). One wait at a time; a refresh
// that finds the role taken again waits again.
func (m *Model) awaitWriter(path string) tea.Cmd {
	if !m.opts.Watch || m.opts.Reindex == nil || m.live.awaiting != "" {
		return nil
	}
	m.live.awaiting = path
	ctx := m.ctx
	return func() tea.Msg {
		return writerGoneMsg{index.AwaitUnlocked(ctx, path)}
	}
}

// waitChangeCmd waits for the watch's next signal, answered with msg. It
// is not a ticker: without changes it sleeps on a channel.
func waitChangeCmd(w *archiveWatch, msg tea.Msg) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-w.changes:
			return msg
		case <-w.done:
			return nil
		}
	}
}

// reindex brings the index in line with the archive's files, behind the
// list; during another refresh it only notes that one more is due.
func (m *Model) reindex() tea.Cmd {
	if m.opts.Reindex == nil || m.searcher == nil {
		return nil
	}
	if m.refreshing {
		m.live.again = true
		return nil
	}
	m.refreshing = true
	m.relay = newProgressRelay()
	return tea.Batch(refreshIndexCmd(m.ctx, m.opts.Reindex, m.relay), waitProgressCmd(m.relay))
}

// followRenames gives this folio's own reading state's changes not yet
// saved to the pieces renamed (old ID → new): the CLI's followRenames
// moves what the state file holds, but a star made just before its file
// moved, waiting for its save, was written under the old ID (a helper's
// report). It reports whether anything moved.
func (m *Model) followRenames(renamed map[string]string) bool {
	if m.reading == nil {
		return false
	}
	moved := false
	for from, to := range renamed {
		moved = m.reading.Rename(from, to) || moved
	}
	return moved
}

// afterRefresh follows a refresh of the index (see indexRefreshed): the
// search again when the index changed, a word when the user asked for it,
// and the next refresh when the archive changed meanwhile.
func (m *Model) afterRefresh(msg indexRefreshedMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.err == nil && msg.changed {
		m.reader.renamed(msg.info.Renamed)
		cmds = append(cmds, m.searchKeepingPlace(msg.info.Renamed))
		if m.followRenames(msg.info.Renamed) {
			cmds = append(cmds, m.stateChanged())
		}
	}
	if m.live.editorErr != "" && msg.err == nil { // a refresh that failed says so over it
		cmds = append(cmds, m.status.set(m.live.editorErr, true))
	}
	if m.live.forced && msg.err == nil && !m.live.again {
		switch {
		case msg.changed:
			cmds = append(cmds, m.status.set("Archive re-read: "+plural(msg.info.Count, "piece"), false))
		case msg.info.Fallback == "":
			cmds = append(cmds, m.status.set("The archive is as it was", false))
		default:
			// the index's notice (indexRefreshed) stays: "as it was" over
			// "the index could not be updated" hid why R changed nothing
		}
	}
	if !m.live.again {
		// R or e during a refresh: the word waits for the refresh they
		// queued, which reads what they asked for (this one may have
		// scanned before the edit)
		m.live.forced = false
	}
	if m.live.notice != "" && !m.live.again {
		if msg.err == nil { // a refresh that failed says so over it
			cmds = append(cmds, m.status.setFor(m.live.notice, false, statusLong))
		}
		m.live.notice = ""
	}
	if msg.err == nil && msg.info.Stale && m.opts.Reindex != nil {
		cmds = append(cmds, m.opts.after(staleRetry, reindexDueMsg{}))
	}
	if msg.err == nil && waitsForPublished(msg.info) {
		cmds = append(cmds, m.watchPublished(msg.info.Published))
	}
	if msg.err == nil && msg.info.Writer != "" {
		cmds = append(cmds, m.awaitWriter(msg.info.Writer))
	}
	if m.live.writerGone && msg.err != nil {
		m.live.again = true
	}
	m.live.writerGone = false
	if m.live.again {
		m.live.again = false
		cmds = append(cmds, m.reindex())
	}
	return tea.Batch(cmds...)
}

// searchKeepingPlace runs the current search again on a changed index: the
// cursor stays on the piece it was on (under its new ID when its file was
// renamed: renamed, Info.Renamed), and the open piece is rendered again
// from its file as it is now, at the same place.
func (m *Model) searchKeepingPlace(renamed map[string]string) tea.Cmd {
	h, ok := m.list.selected()
	if to, moved := renamed[h.ID]; ok && moved {
		h.ID = to
	}
	at := m.list.at()
	m.cache = m.cache.renew() // renderings of the files as they were
	cmds := []tea.Cmd{m.startSearch()}
	if ok {
		m.list.keepPlace(keptPlace{id: h.ID, at: at}) // after startSearch, which drops it
	}
	if m.focus == paneReader {
		cmds = append(cmds, m.ensureRendered())
	}
	// the chart and the words count the index as it was: asked again (a
	// helper's report: the top bar said 89 while the chart said 84), once
	// the search above has resolved its Reading filters (fetchTrends)
	if m.trends.open {
		cmds = append(cmds, m.fetchTrends())
	}
	if m.words.open {
		m.words = m.words.reasking()
		cmds = append(cmds, m.fetchTerms())
	}
	return tea.Batch(cmds...)
}

// keptPlace is the piece the list's cursor was on before a refresh, and
// where; an empty id keeps the row alone.
type keptPlace struct {
	id     string
	at     int
	placed bool // the cursor was put at row at to wait for its page
}

// rowOf is the row of the piece id among the loaded pages.
func (l resultList) rowOf(id string) (int, bool) {
	for p, hits := range l.pages {
		for i, h := range hits {
			if h.ID == id {
				return p*pageSize + i, true
			}
		}
	}
	return 0, false
}

// restorePlace puts the cursor back on the kept piece once the results of
// the search after a refresh are in: on it if its page is loaded; else at
// the same row, so that the page around it is asked for and this is tried
// again when it comes. A piece not on that page either is reported (lost):
// it may have moved further, onto a page not loaded (the root asks the
// searcher for its row, rankCmd); the cursor stays at the row meanwhile,
// and there for good when the piece has gone. A move made while the page
// or the row is awaited wins: the place is no longer kept.
func (l *resultList) restorePlace() (lost string) {
	k := l.keep
	if k == (keptPlace{}) {
		return ""
	}
	if k.placed && l.cursor != k.at {
		l.keep = keptPlace{}
		return ""
	}
	if i, ok := l.rowOf(k.id); ok && k.id != "" {
		l.keep = keptPlace{}
		l.moveTo(i)
		return ""
	}
	l.moveTo(k.at)
	if _, loaded := l.pages[l.cursor/pageSize]; loaded {
		l.keep = keptPlace{}
		return k.id
	}
	l.keep.at, l.keep.placed = l.cursor, true
	return ""
}

// rankMost is how far down the results a piece a refresh moved is looked
// for (rankCmd): further, the cursor stays at its row.
const rankMost = 10000

// findLost asks the searcher for the row of piece id, which a refresh
// moved off the loaded pages (restorePlace), when it can tell (Ranker).
func (m *Model) findLost(id string) tea.Cmd {
	r, ok := m.searcher.(Ranker)
	if id == "" || !ok {
		return nil
	}
	return rankCmd(m.searchCtx, r, m.query, id, m.list.cursor, m.gen)
}

// gotRank puts the cursor on the row of the piece a refresh moved, unless
// the cursor moved meanwhile or the search changed: the page there is
// asked for, and restorePlace puts the cursor on the piece when it comes.
func (m *Model) gotRank(msg rankMsg) tea.Cmd {
	if msg.gen != m.gen || !msg.ok || m.list.cursor != msg.at || m.list.keep != (keptPlace{}) {
		return nil
	}
	m.list.keepPlace(keptPlace{id: msg.id, at: msg.row})
	m.list.restorePlace()
	return m.layout()
}

// forceRefresh is R: the reading state is saved and reloaded and the
// quotes reloaded (marks and quotes other folios saved show here), and the
// archive's files are read again.
func (m *Model) forceRefresh() tea.Cmd {
	var cmds []tea.Cmd
	if m.reading != nil {
		cmds = append(cmds, saveStateCmd(m.reading, m.saveSeq))
	}
	if m.quotes != nil {
		cmds = append(cmds, reloadQuotesCmd(m.quotes))
	}
	switch {
	case m.opts.Reindex != nil && m.searcher != nil:
		m.live.forced = true
		cmds = append(cmds, m.status.set("Refreshing…", false), m.reindex())
	case m.reading == nil:
		return m.status.set("Nothing to refresh yet", false)
	default:
		cmds = append(cmds, m.status.set("Reading state reloaded", false))
	}
	return tea.Batch(cmds...)
}

// editPiece is e: the piece's file opens in the user's editor, which has
// the terminal until it exits; then the file is read again.
func (m *Model) editPiece() tea.Cmd {
	if m.opts.ArchiveDir == "" {
		return m.status.set("The bundled archive is read-only: e edits the pieces of a folder (folio --archive DIR)", false)
	}
	id := m.reader.pieceID()
	if m.focus == paneList {
		h, ok := m.list.selected()
		if !ok {
			return nil
		}
		id = h.ID
	}
	if id == "" || m.searcher == nil {
		return nil
	}
	return editFileCmd(m.searcher, m.opts.ArchiveDir, id)
}

// editFileCmd finds the file of piece id in the archive's folder.
func editFileCmd(s Searcher, dir, id string) tea.Cmd {
	return func() tea.Msg {
		a, err := s.Article(id)
		if err != nil {
			return editFileMsg{err: err}
		}
		if a.Path == "" || !filepath.IsLocal(filepath.FromSlash(a.Path)) {
			return editFileMsg{err: errors.New("the piece has no file in the archive")}
		}
		return editFileMsg{editor: editorCommand(filepath.Join(dir, filepath.FromSlash(a.Path)))}
	}
}

// editorCommand runs $VISUAL, else $EDITOR, else vi on path. As git does,
// the variable is read by the shell, so it may hold arguments
// ("code --wait"); the path is passed as an argument, never as shell text.
func editorCommand(path string) *exec.Cmd {
	editor := strings.TrimSpace(os.Getenv("VISUAL"))
	if editor == "" {
		editor = strings.TrimSpace(os.Getenv("EDITOR"))
	}
	if editor == "" {
		editor = "vi"
	}
	if runtime.GOOS == "windows" {
		f := strings.Fields(editor)
		c := exec.Command(f[0], append(f[1:], path)...)
		c.Stdout = os.Stdout
		return c
	}
	c := exec.Command("sh", "-c", editor+` "$1"`, "folio-editor", path)
	// The terminal itself: Bubble Tea would hand the editor its output, the
	// frame gate (frames.go), and a command given a writer that is not a
	// file writes into a pipe.
	c.Stdout = os.Stdout
	return c
}
