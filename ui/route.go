package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The root's part of the keyboard: ctrl+c, then the overlay on screen,
// then the focused pane's own keys (each pane's update), and only the keys
// no pane took reach globalKey: the keys of more than one pane (help,
// citing all, refresh, moving between panes, the full-screen panes).

// handleKey routes a key press.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	m.live.editorErr = "" // seen: refreshes may say their word again
	if key.Matches(msg, m.keys.Quit) {
		return m.quit()
	}
	if cmd, ok := m.overlayKey(msg); ok {
		return cmd
	}
	if cmd, ok := m.paneKey(msg); ok {
		return cmd
	}
	return m.globalKey(msg)
}

// overlayKey gives the key to the overlay on screen, if one is: it has
// every key.
func (m *Model) overlayKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	var in intent
	if m.addPrompt.open {
		var cmd tea.Cmd
		m.addPrompt, cmd, in = m.addPrompt.update(msg, k)
		return tea.Batch(cmd, m.do(in)), true
	}
	switch {
	case m.prompt.open:
		var cmd tea.Cmd
		m.prompt, cmd, in = m.prompt.update(msg, k)
		return tea.Batch(cmd, m.do(in)), true
	case m.help.open:
		m.help = m.help.update(msg, k.HelpPage, len(helpPagesAt(m.width, m.bodyHeight(), k, m.styles)))
	case m.problems.open:
		m.problems = m.problems.update(msg, k, len(m.problems.lines(m.info.Problems, m.allWarnings(), m.width)))
	case m.format.open():
		m.format, in = m.format.update(msg)
	case m.links.open:
		m.links, in = m.links.update(msg, m.height-1)
	case m.trends.open:
		m.trends, in = m.trends.update(msg, k.Chart)
	case m.words.open:
		m.words, in = m.words.update(msg, k.WordsList)
	case m.quoteList.open:
		m.quoteList, in = m.quoteList.update(msg, k.QuoteList, m.quotes)
	default:
		return nil, false
	}
	return m.do(in), true
}

// paneKey gives the key to the focused pane; false when it is not one of
// the pane's keys.
func (m *Model) paneKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	var cmd tea.Cmd
	var in intent
	ok := true
	switch m.focus {
	case paneSearch:
		m.search, cmd, in = m.search.update(msg, m.keys)
	case paneReader:
		m.reader, cmd, in, ok = m.reader.update(msg, m.keys)
	case paneSidebar:
		m.sidebar, in, ok = m.sidebar.update(msg, m.keys)
	default:
		m.list, in, ok = m.list.update(msg, m.keys)
	}
	if !ok {
		return nil, false
	}
	done := m.do(in)
	return tea.Batch(cmd, done), true
}

// globalKey handles the keys that work in more than one pane. The search
// box and the find box take every key, so these never reach them.
func (m *Model) globalKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Refresh):
		return m.forceRefresh()
	case key.Matches(msg, k.Edit) && m.focus != paneSidebar:
		return m.editPiece()
	case key.Matches(msg, k.Help):
		m.help = helpPane{open: true}
		return nil
	case key.Matches(msg, k.CiteAll):
		return m.citeResults()
	case key.Matches(msg, k.CiteFormat):
		return m.askFormat()
	case key.Matches(msg, k.Quotes):
		return m.openQuotes()
	case key.Matches(msg, k.AddURL):
		return m.startAddURL()
	case key.Matches(msg, k.Problems):
		// the reader's status line says "press ! to see why" too
		if len(m.info.Problems) == 0 && len(m.allWarnings()) == 0 {
			return m.status.set("No files were skipped", false)
		}
		m.problems = openProblems()
		return nil
	}
	if m.focus == paneReader {
		return nil
	}
	return m.browseKey(msg)
}

// browseKey handles the keys shared by the list and the sidebar.
func (m *Model) browseKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.QuitShort):
		return m.quit()
	case key.Matches(msg, k.FocusSearch):
		m.focus = paneSearch
		return tea.Batch(m.layout(), m.search.focus())
	case key.Matches(msg, k.NextPane, k.PrevPane):
		if m.focus == paneSidebar {
			m.focus = paneList
		} else {
			m.focus = paneSidebar
		}
		return m.layout()
	case key.Matches(msg, k.ToggleFilter):
		m.hideSidebar = !m.hideSidebar
		m.focus = paneList
		return m.layout()
	case key.Matches(msg, k.Trends):
		return m.openTrends()
	case key.Matches(msg, k.Words):
		return m.openTerms()
	case key.Matches(msg, k.SaveSearch):
		return m.askSaveName()
	case key.Matches(msg, k.ClearAll):
		return m.clearFilters()
	case key.Matches(msg, k.Sort):
		m.sort = m.nextSort()
		search := m.startSearch()
		return tea.Batch(search, m.status.set("Sorted by "+m.sortLabel(), false))
	}
	return nil
}

// filtersChanged searches again after the sidebar's filters changed. A
// chart bar's period and the years ticked are one choice of the period,
// the last made standing: a bar's enter unticks the years (periodIntent),
// and a year ticked while a bar's period is on replaces the period (a
// review: ticked under it, the year was not applied and counted 0).
func (m *Model) filtersChanged() tea.Cmd {
	if m.period == nil || len(m.sidebar.chosen[groupYears]) == 0 {
		return m.startSearch()
	}
	label := m.period.label
	m.period = nil
	search := m.startSearch()
	said := "Filtered to year:" + strings.Join(m.sidebar.chosen[groupYears], " year:") + " in place of " + label
	return tea.Batch(search, m.status.set(said+" · x clears", false))
}

// clearFilters is x: the sidebar's filters and the chart's period go.
func (m *Model) clearFilters() tea.Cmd {
	hadPeriod := m.period != nil
	m.period = nil
	if !m.sidebar.clear() && !hadPeriod {
		return m.status.set("No filters to clear", false)
	}
	search := m.startSearch()
	return tea.Batch(search, m.status.set("Filters cleared", false))
}

// forwardToInput gives a message that is not a key (a paste, the cursor's
// messages) to the input that has the keyboard.
func (m *Model) forwardToInput(msg tea.Msg) tea.Cmd {
	if p, ok := msg.(tea.PasteMsg); ok {
		// a paste is what the box shows: one line, without what shows as
		// nothing (a helper's report: a right-to-left override pasted
		// into the search box was kept, unseen, and S refused the name)
		msg = tea.PasteMsg{Content: oneLine(p.Content)}
	}
	switch {
	case m.addPrompt.open:
		var cmd tea.Cmd
		m.addPrompt, cmd, _ = m.addPrompt.forward(msg)
		return cmd
	case m.prompt.open:
		var cmd tea.Cmd
		var in intent
		m.prompt, cmd, in = m.prompt.update(msg, m.keys)
		return tea.Batch(cmd, m.do(in))
	case m.focus == paneSearch:
		var cmd tea.Cmd
		var in intent
		m.search, cmd, in = m.search.update(msg, m.keys)
		done := m.do(in)
		return tea.Batch(cmd, done)
	case m.focus == paneReader && m.reader.typing():
		return m.reader.updateFind(msg)
	case m.focus == paneSidebar && m.sidebar.filtering:
		if p, ok := msg.(tea.PasteMsg); ok {
			// a paste is typed text too (a helper's report: it was
			// dropped), on one line, made safe
			m.sidebar.setFilter(m.sidebar.filter + oneLine(p.Content))
		}
	}
	return nil
}

// queryChanged starts the typing pause after a change of the query, and
// the search at once unless keys come faster than a slow index answers
// (see slowSearch).
func (m *Model) queryChanged() tea.Cmd {
	m.typingSeq++
	m.typing = true
	pause := m.pauseCmd(m.typingSeq)
	if m.searchTook < slowSearch || m.answered == m.gen {
		search := m.startSearch()
		return tea.Batch(search, pause)
	}
	return tea.Batch(debounceCmd(m.opts.after, m.typingSeq), pause)
}

// quit cancels whatever is running and ends the program, after saving the
// reading state with the place in the open piece.
func (m *Model) quit() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	m.reader.stopFind()
	if m.reading == nil {
		return tea.Quit
	}
	m.rememberPosition()
	return tea.Sequence(saveStateCmd(m.reading, m.saveSeq), tea.Quit)
}

// overlayOpen reports whether something is drawn over the panes or holds
// the keys (help, !, a prompt, the format chooser, the link list, the chart,
// the words, the quotes): the mouse then reaches no pane below it (a
// helper's report: a click through the chart chose a hidden sidebar value,
// and one through Q opened a piece and marked it read).
func (m *Model) overlayOpen() bool {
	return m.help.open || m.problems.open || m.prompt.open || m.addPrompt.open || m.format.open() ||
		m.links.open || m.trends.open || m.words.open || m.quoteList.open
}

// handleWheel scrolls what is under the pointer.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	d := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = 1
	default:
		return nil
	}
	if m.overlayOpen() {
		return nil
	}
	if m.focus == paneReader {
		m.reader.scroll(3 * d)
		return nil
	}
	if sw := m.sidebarWidthNow(); sw > 0 && msg.X < sw {
		m.sidebar.move(d)
		return nil
	}
	m.list.scroll(d)
	return m.loadPages()
}

// handleClick selects (and, on the selected row, opens) a hit; in the
// sidebar it toggles a value; on the top line it focuses the search box.
func (m *Model) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || m.overlayOpen() || m.focus == paneReader {
		return nil
	}
	if msg.Y == 0 {
		m.focus = paneSearch
		return tea.Batch(m.layout(), m.search.focus())
	}
	y := msg.Y - m.bodyTop()
	if sw := m.sidebarWidthNow(); sw > 0 && msg.X < sw {
		return m.clickSidebar(msg.X, y)
	}
	i, ok := m.list.rowAt(y)
	if !ok {
		return nil
	}
	if m.focus == paneList && i == m.list.at() {
		return m.openPiece(i)
	}
	search := m.leaveSearch() // the row clicked stays chosen when its answer comes
	m.focus = paneList
	pages := m.layout() // pages it marks as asked are not asked again
	m.list.moveTo(i)
	return tea.Batch(search, pages, m.loadPages())
}

// clickSidebar toggles the value or chooses the timeline bar at x, y of
// the sidebar.
func (m *Model) clickSidebar(x, y int) tea.Cmd {
	bar, onBar := m.sidebar.barAt(x, y)
	entry, onEntry := m.sidebar.entryAt(y)
	if !onBar && !onEntry {
		return nil
	}
	search := m.leaveSearch() // a search the click starts below supersedes it
	m.focus = paneSidebar
	pages := m.layout()
	if name, ok := m.sidebar.savedAt(entry); ok && !onBar {
		m.sidebar.moveTo(entry)
		return m.openSaved(name) // a new search: its list asks for its pages
	}
	if onBar && m.sidebar.clickBar(bar) || !onBar && m.sidebar.clickEntry(entry) {
		return m.filtersChanged()
	}
	return tea.Batch(search, pages)
}
