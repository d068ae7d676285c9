package ui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/numfmt"
	"github.com/folio-tui/folio/internal/termsafe"
)

// This file is the research side of the root model: the reading state
// (read and starred marks, the place in each piece), citations and the walk
// through related pieces. The state's own I/O (open, save) runs in the
// Cmds of cmds.go; what is here only changes it in memory and schedules
// the save.

// stateOpened installs the reading state: the list shows its marks, the
// sidebar its Reading group.
func (m *Model) stateOpened(msg stateOpenedMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.err != nil {
		m.stateWarned = true
		cmds = append(cmds, m.warn("Reading state: "+termsafe.ErrText(msg.err), statusLong))
	}
	if msg.state == nil {
		return tea.Batch(cmds...)
	}
	m.reading = msg.state
	m.list.setMarks(msg.state)
	m.reader.setMarks(msg.state)
	m.sidebar.showReading()
	cmds = append(cmds, m.layout(), m.refreshCounts(), m.watchStateFile(msg.state), m.countSaved())
	return tea.Batch(cmds...)
}

// saveSaid is what the status line says of saving the reading state while
// saves fail: a failure, or a mark given meanwhile. The save of change seq
// (saveSeq) or a later one answers it: done replaces it once one works,
// while it is still on screen (a helper's report: with the disk freed, a
// mark said "not saved yet: saving the reading state fails" for 8 s, the
// state file holding it); a mark's, while its save fails, says so.
type saveSaid struct {
	id   int    // the status message's id (statusLine.id); 0 for none
	seq  int    // the change whose save answers it
	done string // said once a save of seq worked
	mark string // a mark's word, for its failure; "" for a failure's
}

// stateSaved reports a failed save once, not at every later save that
// fails the same way; a save that works again resets that, and replaces
// what the status line says of the failure or of a mark waiting for it
// (saveSaid).
func (m *Model) stateSaved(msg stateSavedMsg) tea.Cmd {
	said := m.saveSaid
	answers := said.id != 0 && said.id == m.status.id && msg.seq >= said.seq
	if msg.err == nil {
		m.saveFailing = false
		var done tea.Cmd
		if answers {
			m.saveSaid = saveSaid{}
			done = m.status.set(said.done, false)
		}
		if msg.changed {
			// the rows redraw with the new marks anyway
			return tea.Batch(done, m.refreshCounts(), m.savedOfMarks(), m.followedCmd())
		}
		return tea.Batch(done, m.followedCmd())
	}
	if answers && said.mark != "" {
		// the mark's own save failed: said with the mark
		m.saveFailing = true
		cmd := m.status.set(said.mark+" (not saved yet: saving the reading state fails)", true)
		m.saveSaid = saveSaid{id: m.status.id, seq: said.seq, done: said.mark}
		return cmd
	}
	if m.saveFailing || m.stateWarned {
		m.saveFailing = true
		return nil // said already, when it first failed or when the state opened
	}
	m.saveFailing = true
	cmd := m.status.setFor("Reading state not saved: "+termsafe.ErrText(msg.err), true, statusLong)
	m.saveSaid = saveSaid{id: m.status.id, seq: msg.seq, done: "Reading state saved"}
	return cmd
}

// followedMsg says that the marks Info.Unfollowed said did not follow
// their pieces have followed them since.
type followedMsg struct{ warning string }

// followedCmd asks Info.Followed whether the marks the warning
// Info.Unfollowed is about have followed their pieces since; nil when
// there is no such warning.
func (m *Model) followedCmd() tea.Cmd {
	warning, followed := m.info.Unfollowed, m.info.Followed
	if warning == "" || followed == nil {
		return nil
	}
	return func() tea.Msg {
		if !followed() {
			return nil
		}
		return followedMsg{warning}
	}
}

// dropFollowed drops the warning Info.Unfollowed when it is still the one
// said: the marks followed their pieces.
func (m *Model) dropFollowed(msg followedMsg) {
	if msg.warning == "" || m.info.Unfollowed != msg.warning {
		return
	}
	m.info.Unfollowed, m.info.Followed = "", nil
}

// warning is Warning with Unfollowed after it, " · " between when both
// say something: one warning, neither text altered (a review: the join
// trimmed " ·" from its ends, so a warning that ended in "·" lost it).
func (info Info) warning() string {
	switch {
	case info.Unfollowed == "":
		return info.Warning
	case info.Warning == "":
		return info.Unfollowed
	}
	return info.Warning + " · " + info.Unfollowed
}

// renderFailed gives back the unread mark of the piece just opened when
// its rendering failed (its file cannot be read: the reader shows why):
// it was not read.
func (m *Model) renderFailed(msg renderedMsg) tea.Cmd {
	id := msg.key.id
	if msg.err == nil || id == "" || id != m.unreadOnOpen || m.reading == nil || !m.reading.IsRead(id) {
		return nil
	}
	m.unreadOnOpen = ""
	m.reading.ToggleRead(id)
	return tea.Batch(m.stateChanged(), m.savedOfMarks())
}

// stateChanged follows a change of the reading state: a save after a short
// pause, and fresh Reading counts. The list is not searched again: a piece
// unstarred under the Starred filter stays in sight until the next search,
// so the cursor does not jump away from what the user just touched.
func (m *Model) stateChanged() tea.Cmd {
	m.saveSeq++
	return tea.Batch(saveSoonCmd(m.opts.after, m.saveSeq), m.refreshCounts())
}

// stateChangedNow follows a change asked for by a key (a star, a read
// mark): it is saved at once, not after the pause, which is for the marks
// reading makes by itself (a piece opened, the place in it): a kill -9
// within the pause lost a star the status had said. A pause running saves
// nothing more (this save writes its change too).
func (m *Model) stateChangedNow() tea.Cmd {
	m.saveSeq++
	if m.reading == nil {
		return nil
	}
	return tea.Batch(saveStateCmd(m.reading, m.saveSeq), m.refreshCounts(), m.savedOfMarks())
}

// savedOfMarks counts the saved searches again when one of them keeps
// pieces by their marks (starred, unread), which just changed (a star,
// a read mark, a piece opened; not its place in it, which changes as it
// scrolls: each line counted every saved search again): the
// sidebar's SAVED kept a starred search's count while READING followed
// the star (an attack, 41j: "StarOnly 1" beside "Starred 2", until R).
func (m *Model) savedOfMarks() tea.Cmd {
	if !slices.ContainsFunc(m.saved, func(s SavedSearch) bool { return s.Starred || s.Unread }) {
		return nil
	}
	return m.countSaved()
}

// refreshCounts asks for the Reading counts of the current results.
//
// With a Reading filter on, the list shows the pieces that were starred or
// unread when it was searched: a piece read or unstarred since stays in
// sight until the next search. Its header counts those pieces, so the
// Reading counts are taken with the same marks (the snapshot the search
// used), and the header and the sidebar agree; the next search (any change
// of query or filters) brings both up to date. With no Reading filter on,
// the results do not depend on the marks and the counts follow every mark
// at once.
func (m *Model) refreshCounts() tea.Cmd {
	if m.reading == nil || m.searcher == nil {
		return nil
	}
	m.countsSeq++
	var snap *readingSnapshot
	if m.readingFilter.active() {
		snap = m.readingSnap
	}
	// the Unread count is a subtraction only where the query's matches do
	// not depend on its restrictions (countUnread)
	subtract := !m.baseQuery.Typing || m.answered == m.gen && !m.budgeted
	return readingCountsCmd(m.searchCtx, m.searcher, m.baseQuery, m.readingFilter, m.reading, m.quotes, snap, subtract, m.gen, m.countsSeq)
}

// quotedChanged follows a change of the quotes (opened, kept with v, or
// another folio's read in): fresh Reading counts, as after a mark (see
// refreshCounts), and the saved searches' counts.
func (m *Model) quotedChanged(changed bool) tea.Cmd {
	if !changed || m.quotes == nil {
		return nil
	}
	return tea.Batch(m.refreshCounts(), m.countSaved())
}

// readingSnapshot is the reading marks and the quoted pieces at one
// moment: the lists the Reading filters are resolved with.
type readingSnapshot struct {
	read, starred []string
	quoted        []string // the pieces with quotes, sorted; empty without quotes
}

// takeReading copies the marks of rs and the quoted pieces of book (nil
// before the quotes are open: none then); nil when there is no reading
// state. It is called in Cmds: the state package's Store and Quotes lock
// what they hold.
func takeReading(rs ReadingState, book QuoteBook) *readingSnapshot {
	if rs == nil {
		return nil
	}
	return &readingSnapshot{read: rs.Read(), starred: rs.Starred(), quoted: quotedPieces(book)}
}

// quotedPieces are the IDs of the pieces book has quotes of: those folio
// search --quoted keeps (none before the quotes are open).
func quotedPieces(book QuoteBook) []string {
	if book == nil {
		return nil
	}
	return book.Pieces()
}

// unreadStarred are the starred pieces not read.
func (s *readingSnapshot) unreadStarred() []string {
	read := make(map[string]bool, len(s.read))
	for _, id := range s.read {
		read[id] = true
	}
	out := []string{}
	for _, id := range s.starred {
		if !read[id] {
			out = append(out, id)
		}
	}
	return out
}

// rememberPosition records where reading stopped in the open piece, when
// the reader is left (back to the list, another piece, quitting). A piece
// still loading, or that failed, keeps the place it had.
func (m *Model) rememberPosition() tea.Cmd {
	id, line, ok := m.reader.place()
	if m.reading == nil || m.focus != paneReader || !ok {
		return nil
	}
	if m.reading.Position(id) == line {
		return nil
	}
	m.reading.SetPosition(id, line)
	return m.stateChanged()
}

func (m *Model) toggleRead(id string) tea.Cmd {
	if m.reading == nil {
		return m.status.set("No reading state: read marks are not kept", true)
	}
	text := "Marked unread"
	if m.reading.ToggleRead(id) {
		text = "Marked read"
	}
	return tea.Batch(m.stateChangedNow(), m.markStatus(text))
}

// markStatus says a mark given by a key, just after its save was asked
// for (stateChangedNow). While saves fail it says the mark is being saved,
// and that save's answer says what came of it (stateSaved, saveSaid): the
// mark alone once it is on disk, else that it is not saved yet (a review:
// with the state's disk full, the second star said "★ Starred" as if
// saved; the failure is said once, at the first).
func (m *Model) markStatus(text string) tea.Cmd {
	if m.saveFailing {
		cmd := m.status.set(text+" (saving…)", false)
		m.saveSaid = saveSaid{id: m.status.id, seq: m.saveSeq, done: text, mark: text}
		return cmd
	}
	return m.status.set(text, false)
}

func (m *Model) toggleStar(id string) tea.Cmd {
	if m.reading == nil {
		return m.status.set("No reading state: stars are not kept", true)
	}
	text := "Star removed"
	if m.reading.ToggleStar(id) {
		text = starMark + " Starred"
	}
	return tea.Batch(m.stateChangedNow(), m.markStatus(text))
}

// citeResults copies the citations of the current results (C): a
// bibliography of the search, in the order of the list.
func (m *Model) citeResults() tea.Cmd {
	switch {
	case m.searcher == nil || !m.haveResult || m.readingFilter.active() && m.query.IDs == nil:
		return m.status.set("Still searching…", false)
	case m.list.count() == 0:
		return m.status.set("No results to cite", false)
	}
	return tea.Batch(
		m.status.set(fmt.Sprintf("Citing %s…", plural(min(m.list.count(), maxCitations), "piece")), false),
		citeResultsCmd(m.searchCtx, m.searcher, m.opts.OpenCiteKeys, m.query, m.opts.citationFormat()),
	)
}

// cited copies citations to the clipboard (OSC 52).
func (m *Model) cited(msg citedMsg) tea.Cmd {
	if msg.err != nil {
		return m.status.set("Could not cite: "+termsafe.ErrText(msg.err), true)
	}
	msg.warn = joinWarnings(msg.warn, badKeyWarning(m.info.Problems, msg.paths))
	text := "Copied citation"
	switch {
	case msg.n > 1 && msg.total > msg.n:
		text = fmt.Sprintf("Copied %d citations: the first %d of %s results", msg.n, msg.n, numfmt.Thousands(msg.total))
	case msg.n > 1:
		text = fmt.Sprintf("Copied %d citations", msg.n)
	}
	if msg.warn != "" {
		return tea.Batch(tea.SetClipboard(msg.text), m.status.set(text+" · "+msg.warn, true))
	}
	return tea.Batch(tea.SetClipboard(msg.text), m.status.set(text, false))
}

// relatedTour is a walk through the pieces related to one piece, with r.
// A researcher reading a piece wants to look at what is like it and come
// back: the first r opens the first related piece, each further r the next
// one of the same list, and the r after the last returns to the piece the
// walk started from, at the place reading stopped in it. ] and [ carry on
// through the results from that piece; esc goes back to the list at it,
// the walk's message gone with the reader (it names r, which the list
// does not walk).
type relatedTour struct {
	origin      index.Hit
	originIndex int         // its place in the results
	hits        []index.Hit // its related pieces
	at          int         // the related piece open now
}

func (t relatedTour) active() bool { return len(t.hits) > 0 }

// nextRelated is r in the reader.
func (m *Model) nextRelated() tea.Cmd {
	if t := m.tour; t.active() && m.reader.pieceID() == t.hits[t.at].ID {
		if t.at+1 >= len(t.hits) {
			m.tour = relatedTour{}
			cmd := m.showPiece(t.originIndex, t.origin)
			said := m.status.set("Back to “"+oneLine(stripMarks(t.origin.Title))+"”", false)
			m.tourSaid = m.status.id
			return tea.Batch(cmd, said)
		}
		m.tour.at++
		return m.openRelated()
	}
	if _, ok := m.searcher.(RelatedSearcher); !ok {
		return m.status.set("This index cannot find related pieces", false)
	}
	if !m.reader.loaded() {
		return m.status.set("Still loading this piece…", false)
	}
	if why := m.reader.relatedFailure(); why != "" {
		// not "none found" under the piece's "could not be listed" (49r)
		return m.status.set("Related pieces could not be listed ("+why+")", true)
	}
	if len(m.reader.relatedHits()) == 0 {
		return m.status.set("No related pieces found", false)
	}
	m.tour = relatedTour{origin: m.reader.piece(), originIndex: m.reader.at(), hits: m.reader.relatedHits()}
	return m.openRelated()
}

// openRelated opens the related piece the walk is at.
func (m *Model) openRelated() tea.Cmd {
	t := m.tour
	cmd := m.showPiece(t.originIndex, t.hits[t.at])
	m.reader.setTourNote(fmt.Sprintf("related %d/%d", t.at+1, len(t.hits)))
	next := "r: next related"
	if t.at+1 == len(t.hits) {
		next = "r: back to where you started"
	}
	said := m.status.set(fmt.Sprintf("Related piece %d of %d · %s", t.at+1, len(t.hits), next), false)
	m.tourSaid = m.status.id // the reader's: esc takes it away (backIntent)
	return tea.Batch(cmd, said)
}
