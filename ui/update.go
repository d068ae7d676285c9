package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// Update routes a message: input to handleKey and the mouse handlers
// (route.go), answers of Cmds to where they belong.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, cmd
}

// update is Update on the model in place.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		layout := m.layout()
		m.resizeSeq++
		settle := m.opts.after(resizeSettle, resizeSettledMsg{seq: m.resizeSeq})
		return tea.Batch(layout, settle)
	case resizeSettledMsg:
		if msg.seq != m.resizeSeq {
			return nil // another resize came since
		}
		return tea.ClearScreen
	case tea.BackgroundColorMsg:
		return m.setDark(msg.IsDark())
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		return m.handleWheel(msg)
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	case liveMsg:
		return m.updateLive(msg)
	case clearStatusMsg:
		m.status.clear(msg.id)
		return nil
	case closeFormatMsg:
		if msg.id != m.format.id || !m.format.open() {
			return nil
		}
		missed, isErr := m.missedStatus()
		m.format = formatChooser{id: msg.id}
		if missed != "" {
			return m.status.setFor(missed, isErr, statusLong) // shown for its time now
		}
		return nil
	case statusMsg:
		return m.status.set(msg.text, msg.isErr)
	}
	if cmd, ok := m.updateIndex(msg); ok {
		return cmd
	}
	if cmd, ok := m.updateAnswer(msg); ok {
		return cmd
	}
	// Anything else (a paste, cursor messages of the inputs) goes to the
	// input that has the keyboard.
	return m.forwardToInput(msg)
}

// updateIndex takes the messages of the index and the searches: opening,
// progress, the typing pauses, results, facets and counts.
func (m *Model) updateIndex(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case indexProgressMsg:
		m.progress = msg
		return waitProgressCmd(m.relay), true
	case indexOpenedMsg:
		return m.indexOpened(msg), true
	case indexRefreshedMsg:
		return m.indexRefreshed(msg), true
	case debounceMsg:
		if msg.seq != m.typingSeq {
			return nil, true // more typing came; its own tick will search
		}
		return m.startSearch(), true
	case typingPausedMsg:
		if msg.seq != m.typingSeq || !m.typing {
			return nil, true // more typing came, or the query was run already
		}
		return m.stopTyping(), true
	case resultsMsg:
		return m.gotResults(msg), true
	case facetsMsg:
		return m.gotFacets(msg), true
	case copiesCountMsg:
		if msg.gen == m.gen {
			m.sidebar.setCopiesHidden(msg.hidden, msg.estimated)
		}
		return nil, true
	case rankMsg:
		return m.gotRank(msg), true
	case readingCountsMsg:
		if msg.gen == m.gen && msg.seq == m.countsSeq && msg.err == nil {
			m.sidebar.setReadingCounts(msg.starred, msg.unread, msg.quoted, readingEstimates{msg.starredEst, msg.unreadEst, msg.quotedEst})
		}
		return nil, true
	}
	return nil, false
}

// updateAnswer takes the answers of the other Cmds: renderings, links,
// the reading state, citations, the chart and the words.
func (m *Model) updateAnswer(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.cache != nil && msg.cache != m.cache {
			// started before a refresh: the file as it was; its place is
			// free for the rendering the reader waits for
			msg.cache.done(msg.key)
			return m.renderWaiting(), true
		}
		m.cache.done(msg.key)
		if msg.err == nil {
			m.cache.put(msg)
		}
		unread := m.renderFailed(msg)
		if used, find := m.reader.setRendered(msg); used {
			if msg.err == nil && msg.key.id == m.unreadOnOpen {
				// shown: read, whatever a later rendering of an edit
				// gives (a review: an edit that broke the piece gave its
				// fresh read mark back)
				m.unreadOnOpen = ""
			}
			var said tea.Cmd
			if m.reader.quoteDropped {
				said = m.status.setFor("The piece was laid out anew (changed on disk, or resized): the quote being made was dropped (v to choose again)", true, statusLong)
			}
			return tea.Batch(unread, m.locateQuotes(), said, find), true
		}
		return tea.Batch(unread, m.renderWaiting()), true
	case foundMsg:
		return m.do(m.reader.gotFound(msg)), true
	case linksMsg:
		return m.gotLinks(msg), true
	case stateOpenedMsg:
		return m.stateOpened(msg), true
	case configWarningMsg:
		return m.warn("Config: "+msg.text+"; the defaults are used", statusLong), true
	case saveDueMsg:
		if msg.seq != m.saveSeq || m.reading == nil {
			return nil, true // a later change has its own pause
		}
		return saveStateCmd(m.reading, msg.seq), true
	case stateSavedMsg:
		return m.stateSaved(msg), true
	case followedMsg:
		m.dropFollowed(msg)
		return nil, true
	case citedMsg:
		return m.cited(msg), true
	case quotesOpenedMsg:
		return tea.Batch(m.quotesOpened(msg), m.quotedChanged(true)), true
	case quoteSavedMsg:
		return tea.Batch(m.quoteSaved(msg), m.quotedChanged(msg.err == nil)), true
	case quoteMarksMsg:
		return m.quotesFound(msg), true
	case quotesReloadedMsg:
		return tea.Batch(m.quotesReloaded(msg), m.quotedChanged(msg.changed)), true
	case quoteResultsMsg:
		if m.quotes != nil {
			m.quoteList.gotResults(msg, m.quotes)
		}
		return nil, true
	case trendsMsg:
		m.trends = m.trends.got(msg)
	case termsMsg:
		m.words = m.words.got(msg)
	case savedMsg:
		return m.gotSaved(msg), true
	case savedAddedMsg:
		return m.savedAdded(msg), true
	case savedOpenedMsg:
		return m.savedOpened(msg), true
	case savedNewMsg:
		return m.gotSavedNew(msg), true
	case addedURLMsg:
		return m.addedURL(msg), true
	case formatSavedMsg:
		if msg.err != nil {
			return m.status.set("Citation format not kept for next time: "+termsafe.ErrText(msg.err), true), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// gotFacets shows the counts of the filters of the current query.
func (m *Model) gotFacets(msg facetsMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // a newer query's counts are coming
	}
	if msg.err != nil {
		return m.status.set("Could not count the filters: "+termsafe.ErrText(msg.err), true)
	}
	m.sidebar.newQuery(m.baseQuery.Text)
	m.sidebar.facetsEstimated = msg.estimated
	m.sidebar.setFacets(msg.facets)
	m.list.sawAuthors(msg.facets.Authors)
	return m.layout()
}

// setDark switches between the light and dark styles.
func (m *Model) setDark(dark bool) tea.Cmd {
	if dark == m.styles.Dark {
		return nil
	}
	m.styles = NewStyles(dark, m.noColor)
	m.search.setStyles(m.styles)
	m.reader.setStyles(m.styles)
	m.addPrompt.setStyles(m.styles)
	if m.reader.restyle(m.styles.GlamourStyle) {
		return m.ensureRendered()
	}
	return nil
}

// indexOpened ends the start-up: show what the index said, then search.
func (m *Model) indexOpened(msg indexOpenedMsg) tea.Cmd {
	if msg.err != nil {
		m.indexErr = msg.err
		return nil
	}
	m.searcher, m.info = msg.searcher, msg.info
	m.sidebar.setCopies(msg.info.Copies)
	cmds := []tea.Cmd{m.indexStatus(msg.info, true), m.startSearch(), m.startWatching(), m.countSaved(), m.watchSavedFile()}
	if msg.info.Refresh != nil {
		m.refreshing = true
		m.relay = newProgressRelay()
		cmds = append(cmds, refreshIndexCmd(m.ctx, msg.info.Refresh, m.relay), waitProgressCmd(m.relay))
	}
	return tea.Batch(cmds...)
}

// indexRefreshed takes the index brought up to date after a start from
// the recorded one, or after the archive changed (live.go): what changed
// is searched again, with the cursor kept on its piece.
func (m *Model) indexRefreshed(msg indexRefreshedMsg) tea.Cmd {
	m.refreshing = false
	m.progress = indexProgressMsg{}
	if msg.err != nil {
		status := m.status.setFor("Could not bring the index up to date: "+termsafe.ErrText(msg.err), true, statusLong)
		return tea.Batch(status, m.afterRefresh(msg))
	}
	m.info = msg.info
	m.sidebar.setCopies(msg.info.Copies)
	said := msg.info
	if !msg.changed {
		said.Rebuilt = 0 // the count of the last refresh that changed something
	}
	status := m.indexStatus(said)
	if m.justAdded != "" && msg.changed {
		// the piece a added is in the index now: say so again rather than "Indexed 1 piece"
		status = m.status.setFor(capitalise(m.justAdded)+" · now in the index", false, statusLong)
		m.justAdded = ""
	}
	var saved tea.Cmd
	if msg.changed {
		saved = m.countSaved() // what is new has changed
	}
	return tea.Batch(status, m.afterRefresh(msg), saved)
}

// indexStatus says in the status line what opening the index found, and
// what is wrong with the user's synonyms file, with the marks that did
// not follow their renamed pieces (Info.warning), and with a file of the
// index's cache (Info.Damaged) beside it; at the start (first) a
// warning is said alone if nothing else is. The warnings and the notice
// of a fallback index are listed whole under !
// while the index's Info says them (allWarnings), and at the start the status line says the
// warnings the reading state, the quotes or the saved searches gave
// before the index opened, which it would otherwise replace.
func (m *Model) indexStatus(info Info, first ...bool) tea.Cmd {
	start := len(first) > 0 && first[0]
	var msg string
	warn := true
	switch {
	case info.Fallback != "":
		msg, warn = info.Fallback, false
	case problemCount(info) > 0 || archive.CountFolders(info.Problems) > 0:
		msg = problemSummary(info.Problems) + ": press ! to see why"
	case info.Rebuilt > 0 && info.warning() == "" && info.Damaged == "" && !start:
		return m.status.set("Indexed "+plural(info.Rebuilt, "piece"), false)
	case info.Rebuilt > 0:
		msg, warn = "Indexed "+plural(info.Rebuilt, "piece"), false
	case info.warning() == "" && info.Damaged == "" || !start:
		return nil
	}
	// listed under ! while m.info says them (allWarnings); one is said
	// whole, two by how many (sayWarnings)
	said := 0
	for _, w := range []string{info.warning(), info.Damaged} {
		if archive.SanitizeLine(w) != "" {
			msg, warn = joinWarnings(msg, w), true
			said++
		}
	}
	own := said == 1
	if start {
		own = archive.SanitizeLine(info.Fallback) != "" || own
		if len(m.allWarnings()) == 0 && !warn {
			return m.status.set(msg, false) // "Indexed 5 pieces", as after a refresh
		}
		return m.sayWarnings(msg, warn, statusLong, own)
	}
	if own {
		return m.status.setWhole(msg, wholeHint, warn, statusLong)
	}
	return m.status.setFor(msg, warn, statusLong)
}

// resizeSettle is how long the terminal's size must stay the same before
// the whole screen is cleared and drawn again once.
const resizeSettle = 150 * time.Millisecond

// resizeSettledMsg says the terminal's size has not changed for
// resizeSettle since the resize numbered seq. Bubble Tea erases and
// redraws on every resize; the one way the screen was seen to come apart
// from the renderer's record after a burst of resizes under tmux (the top
// rows shifted off) was a scrolling region left for the old height, which
// the gate now resets before every full redraw (resetMarginsOnErase). One
// more full redraw once the size has settled does not depend on that being
// the only way: a renderer that writes only what it thinks changed never
// mends a screen that differs from its record.
type resizeSettledMsg struct{ seq int }
