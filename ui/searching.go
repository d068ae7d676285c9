package ui

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// The searches of the root: the query from the search box, the filters and
// the sort, each search a generation whose late answers are dropped, the
// pages of results as they come into view, and opening a piece.

// buildQuery is the query for the current input, filters and sort:
// queryBeforePeriod cut to the chart's period.
func (m Model) buildQuery() index.Query {
	q := m.queryBeforePeriod()
	m.period.applyTo(&q)
	return q
}

// queryBeforePeriod is the query for the current input, the sidebar's
// filters and the sort, without the chart's period (a bar's enter): the
// query the chart counts (currentTrendSeries).
func (m Model) queryBeforePeriod() index.Query {
	v := m.search.value()
	q := index.Query{Text: strings.TrimSpace(v), Sort: m.sort, Limit: pageSize}
	// while keys arrive, the word being typed is also a prefix
	q.Typing = m.typing && q.Text != "" && !strings.HasSuffix(v, " ")
	if q.Typing {
		q.Snippets = m.list.typedRows()
	}
	m.sidebar.applyTo(&q)
	return q
}

// stopTyping ends the typing: the query is searched as written if it was
// searched as typed.
func (m *Model) stopTyping() tea.Cmd {
	m.typing = false
	if m.baseQuery.Typing || m.query.Text != strings.TrimSpace(m.search.value()) {
		return m.startSearch()
	}
	return nil
}

// leaveSearch takes the keyboard from the search box. When the box had it,
// the query is searched as written at once rather than after the typing
// pause (stopTyping), whether Enter, ↓, Esc or a click left it.
func (m *Model) leaveSearch() tea.Cmd {
	m.search.blur()
	if m.focus != paneSearch {
		return nil
	}
	return m.stopTyping()
}

// startSearch starts a new generation: the previous search is cancelled and
// whatever it still sends is dropped.
func (m *Model) startSearch() tea.Cmd {
	if m.searcher == nil {
		return nil
	}
	if m.cancel != nil {
		m.cancel()
	}
	m.searchCtx, m.cancel = context.WithCancel(m.ctx)
	m.gen++
	m.list.keepPlace(keptPlace{}) // a search of its own, not the one after a refresh
	m.searchFrom = m.list.cursor
	m.baseQuery, m.chartQuery = m.buildQuery(), m.queryBeforePeriod()
	m.query = m.baseQuery
	m.readingFilter = m.sidebar.readingFilter()
	if m.savedNew.name != "" && searchKey(m.baseQuery, m.readingFilter) != m.savedNew.key {
		m.savedNew = savedNew{seq: m.savedNew.seq} // another search: what was new of the saved one is not marked
		m.list.setFresh(nil)
	}
	// The Reading counts are asked for when the results are in, not
	// beside them: on two cores they would slow the results down.
	return m.trace.traced(m.gen, newSearchCmd(m.searchCtx, m.searcher, m.baseQuery, m.readingFilter, m.reading, m.quotes, m.gen))
}

// resolved reports whether the current search has answered: its query
// (query) then has the Reading filters resolved into pieces, which the
// chart and the words count by; before, query is baseQuery, the filters
// as chosen, which restrict nothing (fetchTrends).
func (m Model) resolved() bool { return m.answered == m.gen }

// gotResults takes a search answer if it belongs to the current generation.
func (m *Model) gotResults(msg resultsMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // stale: the query changed since
	}
	if msg.page {
		if msg.err != nil {
			m.list.pageFailed(msg.offset)
			return m.status.set("Could not load more results: "+termsafe.ErrText(msg.err), true)
		}
		m.list.addPage(msg.offset, msg.results.Hits)
		return m.findLost(m.list.restorePlace())
	}
	m.haveResult = true
	m.answered, m.budgeted = m.gen, msg.results.Budgeted
	m.trace.event("results %d", m.gen)
	m.status.clear(m.noListSaid) // the list it says is missing is here
	m.query = msg.query
	m.readingSnap = msg.reading
	m.searchErr = msg.err
	chart := m.chartWhenResolved()
	if msg.err != nil {
		return chart
	}
	r := msg.results
	terms := r.Terms
	if terms == nil { // a searcher that gives none (index.Index always does)
		terms = termsFromText(m.query.Text)
	}
	m.terms = sync.OnceValue(func() *regexp.Regexp { return termsRegexp(terms) })
	// A move made while the answer was on its way (PgDn right after
	// Enter on a typed query, a piece opened) is kept: the cursor stays
	// on the piece it moved to, as after a refresh (restorePlace), or on
	// its row when that row was not loaded yet (G: no piece to follow).
	if m.list.cursor != m.searchFrom {
		h, _ := m.list.selected()
		m.list.keepPlace(keptPlace{id: h.ID, at: m.list.cursor})
	}
	m.list.reset(m.gen, r, m.query.Text != "", m.query.SnippetHits())
	lost := m.list.restorePlace()
	pages := m.layout() // asks for the pages now in view: marks them pending
	m.searchTook = msg.took
	m.said = querySaid{notes: r.Notes, forms: r.Forms, suggestion: r.Suggestion, typed: r.Typed, partial: r.Partial}
	cmds := []tea.Cmd{facetsCmd(m.searchCtx, m.searcher, m.query, m.gen), m.refreshCounts()}
	if m.sidebar.copiesN > 0 || m.query.CollapseCopies {
		cmds = append(cmds, copiesCountCmd(m.searchCtx, m.searcher, m.query, m.gen))
	}
	cmds = append(cmds, pages, m.findLost(lost), chart)
	return tea.Batch(cmds...)
}

// loadPages asks for the result pages that came into view.
func (m *Model) loadPages() tea.Cmd {
	// the list is still the previous search's until this one's first
	// answer: its pages would be asked with this search's query and gen
	// (unresolved Reading filters) and land on the new list
	if m.searcher == nil || m.list.gen != m.gen {
		return nil
	}
	var cmds []tea.Cmd
	for _, off := range m.list.wantPages() {
		q := m.query
		q.Offset, q.Limit, q.Snippets = off, pageSize, 0 // a page scrolled to: all its rows
		cmds = append(cmds, searchCmd(m.searchCtx, m.searcher, q, m.gen))
	}
	return tea.Batch(cmds...)
}

// openPiece opens hit i of the results in the reader.
func (m *Model) openPiece(i int) tea.Cmd {
	h, ok := m.list.hit(i)
	switch {
	case ok:
	case m.searcher == nil || !m.haveResult:
		// Enter on the start-up screen: no list yet, nothing is opened
		// later by itself.
		cmd := m.status.set("No list yet: the index is still opening", false)
		m.noListSaid = m.status.id
		return cmd
	case i >= m.list.count():
		return nil // an empty list
	default:
		return m.status.set("Still loading that piece…", false)
	}
	m.tour = relatedTour{}
	m.list.moveTo(i)
	return m.showPiece(i, h)
}

// showPiece opens h in the reader; i is its place in the results (for ]
// and [), or that of the piece a walk through related pieces started from.
// The piece open before keeps its place; h becomes read and opens where
// reading stopped in it last time.
func (m *Model) showPiece(i int, h index.Hit) tea.Cmd {
	cmds := []tea.Cmd{m.rememberPosition()}
	m.focus = paneReader
	m.search.blur()
	cmds = append(cmds, m.layout()) // pages it marks as asked are not asked again
	var marks *regexp.Regexp
	if m.terms != nil {
		marks = m.terms()
	}
	m.reader.show(i, h, m.styles.GlamourStyle, marks)
	if m.reading != nil {
		m.reader.resumeFrom(m.reading.Position(h.ID))
		m.unreadOnOpen = ""
		if !m.reading.IsRead(h.ID) {
			m.unreadOnOpen = h.ID
		}
		m.reading.RecordOpen(h.ID, time.Now())
		cmds = append(cmds, m.stateChanged())
		if m.unreadOnOpen != "" {
			// opened, it is read: the saved searches of unread pieces
			// count again; a piece read before changes no mark (a read of
			// the change, 42zc: every open counted them all)
			cmds = append(cmds, m.savedOfMarks())
		}
	}
	return tea.Batch(append(cmds, m.ensureRendered(), m.loadPages())...)
}

// ensureRendered gives the reader its rendering from the cache, or starts
// rendering it.
func (m *Model) ensureRendered() tea.Cmd {
	k := m.reader.rendering()
	if k.id == "" || m.searcher == nil {
		return nil
	}
	if r, ok := m.cache.get(k); ok {
		_, find := m.reader.setRendered(r)
		return tea.Batch(m.locateQuotes(), find)
	}
	if m.cache.rendering(k) {
		return nil // its result will be used when it comes
	}
	if !m.cache.start(k) {
		// the piece renders at another width, or for a cache a refresh
		// replaced, or maxRenders run: renderWaiting starts it after
		m.renderPending = true
		return nil
	}
	m.renderPending = false
	return m.cache.tag(renderCmd(m.searcher, k, m.styles))
}

// renderWaiting starts the rendering the reader waits for if it could not
// start before: a render has just come back. A piece the reader has left
// is not rendered.
func (m *Model) renderWaiting() tea.Cmd {
	if !m.renderPending || m.focus != paneReader {
		return nil
	}
	m.renderPending = false
	return m.ensureRendered()
}

// stepPiece opens the next (+1) or previous (-1) piece of the results.
//
// The open piece (or the piece a walk through related pieces started from)
// is looked for in the list as it is now: a refresh, or an answer that
// came after the piece was opened, may have moved it to another row.
func (m *Model) stepPiece(d int) tea.Cmd {
	at, anchor := m.reader.at(), m.reader.pieceID()
	if m.tour.active() {
		anchor = m.tour.origin.ID
	}
	if h, ok := m.list.hit(at); !ok || h.ID != anchor {
		if j, ok := m.list.rowOf(anchor); ok {
			at = j
		}
	}
	i := at + d
	switch {
	case i < 0:
		return m.status.set("This is the first piece of the results", false)
	case i >= m.list.count():
		return m.status.set("This is the last piece of the results", false)
	}
	if _, ok := m.list.hit(i); !ok {
		m.list.moveTo(i)
		return tea.Batch(m.loadPages(), m.status.set("Loading the next results…", false))
	}
	// A step that went is news the status may not contradict (a helper's
	// report: "This is the last piece" stayed after [ opened the one before).
	m.status.drop()
	return m.openPiece(i)
}
