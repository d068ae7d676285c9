package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/internal/termsafe"
)

// Intents: what a pane asks of the root after a key. A pane handles its
// own keys and changes only itself; whatever needs more than the pane (a
// search, the reading state, the status line, another pane, I/O) it
// returns as one of these, and the root's do carries it out.

// intent is one request of a pane to the root; nil asks nothing.
type intent interface{ intent() }

type (
	// openPieceIntent opens hit i of the results in the reader.
	openPieceIntent struct{ i int }
	// filtersChangedIntent: the sidebar's filters changed; search again.
	filtersChangedIntent struct{}
	// queryChangedIntent: the text of the search box changed.
	queryChangedIntent struct{}
	// clearQueryIntent empties the search box (esc in the list).
	clearQueryIntent struct{}
	// leaveSearchIntent gives the keyboard back to the list.
	leaveSearchIntent struct{}
	// toListIntent gives the keyboard to the list (esc in the sidebar).
	toListIntent struct{}
	// useSuggestionIntent searches the "did you mean" spelling.
	useSuggestionIntent struct{}
	// markIntent toggles the read (or, with star, the starred) mark of id.
	markIntent struct {
		id   string
		star bool
	}
	// pagesIntent: the list's cursor or view moved; load what came into view.
	pagesIntent struct{}
	// sayIntent shows text in the status line.
	sayIntent struct {
		text  string
		isErr bool
	}
	// backIntent leaves the reader for the list; byBackspace first returns
	// along a followed link, when there is one.
	backIntent struct{ byBackspace bool }
	// citeIntent copies the citation of piece id.
	citeIntent struct{ id string }
	// relatedIntent is r: the next piece of the walk through related ones.
	relatedIntent struct{}
	// nextCopyIntent is A: the next copy of a republished piece.
	nextCopyIntent struct{}
	// addURLIntent adds the piece at a URL to the archive (a).
	addURLIntent struct{ url string }
	// stepIntent opens the next (+1) or previous (-1) piece of the results.
	stepIntent struct{ d int }
	// urlIntent opens the URL in a browser or, with copy, copies it.
	urlIntent struct {
		url  string
		copy bool
	}
	// linksIntent lists the open piece's links to other pieces (L).
	linksIntent struct{}
	// followLinkIntent opens the piece of a link chosen on the list of links.
	followLinkIntent struct{ link pieceLink }
	// periodIntent filters the results to a period of the chart.
	periodIntent struct{ filter *periodFilter }
	// countTrendsIntent counts the chart's series again.
	countTrendsIntent struct{}
	// pinTrendIntent pins the current query on the chart (P).
	pinTrendIntent struct{}
	// addTermIntent adds a word or phrase to the query.
	addTermIntent struct{ term string }
	// formatChosenIntent is the key pressed at the citation format chooser.
	formatChosenIntent struct{ key string }
)

func (openPieceIntent) intent()      {}
func (filtersChangedIntent) intent() {}
func (queryChangedIntent) intent()   {}
func (clearQueryIntent) intent()     {}
func (leaveSearchIntent) intent()    {}
func (toListIntent) intent()         {}
func (useSuggestionIntent) intent()  {}
func (markIntent) intent()           {}
func (pagesIntent) intent()          {}
func (sayIntent) intent()            {}
func (backIntent) intent()           {}
func (citeIntent) intent()           {}
func (relatedIntent) intent()        {}
func (nextCopyIntent) intent()       {}
func (addURLIntent) intent()         {}
func (stepIntent) intent()           {}
func (urlIntent) intent()            {}
func (linksIntent) intent()          {}
func (followLinkIntent) intent()     {}
func (periodIntent) intent()         {}
func (countTrendsIntent) intent()    {}
func (pinTrendIntent) intent()       {}
func (addTermIntent) intent()        {}
func (formatChosenIntent) intent()   {}

// do carries out a pane's intent.
func (m *Model) do(in intent) tea.Cmd {
	switch in := in.(type) {
	case nil:
		return nil
	case sayIntent:
		return m.status.set(in.text, in.isErr)
	case pagesIntent:
		return m.loadPages()
	case openPieceIntent:
		return m.openPiece(in.i)
	case stepIntent:
		return m.stepPiece(in.d)
	case markIntent:
		if in.star {
			return m.toggleStar(in.id)
		}
		return m.toggleRead(in.id)
	case filtersChangedIntent, queryChangedIntent, clearQueryIntent, useSuggestionIntent, addTermIntent:
		return m.doSearchIntent(in)
	case leaveSearchIntent, toListIntent, backIntent:
		return m.doFocusIntent(in)
	case saveSearchIntent:
		return m.saveSearch(in.name)
	case openSavedIntent:
		return m.openSaved(in.name)
	case keepQuoteIntent, jumpQuoteIntent:
		return m.doQuoteIntent(in)
	}
	return m.doReaderIntent(in)
}

// doSearchIntent carries out the intents that change the query.
func (m *Model) doSearchIntent(in intent) tea.Cmd {
	switch in := in.(type) {
	case filtersChangedIntent:
		return m.filtersChanged() // no pause: a toggle is one deliberate act
	case queryChangedIntent:
		return m.queryChanged()
	case clearQueryIntent:
		if m.search.value() == "" {
			return nil
		}
		m.search.setValue("")
		cmd := m.startSearch()
		return tea.Batch(cmd, m.status.set("Query cleared", false))
	case useSuggestionIntent:
		return m.useSuggestion()
	case addTermIntent:
		m.search.setValue(strings.TrimSpace(m.search.value() + " " + in.term))
		cmd := m.startSearch()
		return tea.Batch(cmd, m.status.set("Added "+in.term+" to the query", false))
	}
	return nil
}

// doFocusIntent carries out the intents that move the keyboard.
func (m *Model) doFocusIntent(in intent) tea.Cmd {
	switch in := in.(type) {
	case leaveSearchIntent:
		search := m.leaveSearch()
		m.focus = paneList
		pages := m.layout()
		if search != nil {
			return search // its list asks for its own pages
		}
		return pages
	case toListIntent:
		m.focus = paneList
		return m.layout()
	case backIntent:
		if in.byBackspace {
			if cmd, ok := m.linkBack(); ok {
				return cmd
			}
		}
		cmd := m.rememberPosition()
		m.reader.dropFind() // a find still running is of a piece left
		m.links.forget()
		m.tour = relatedTour{}
		if m.status.active() && m.status.id == m.tourSaid {
			m.status.drop() // "r: next related" holds in the reader alone
		}
		m.focus = paneList
		return tea.Batch(cmd, m.layout())
	}
	return nil
}

// doReaderIntent carries out the intents of the reader and its overlays.
func (m *Model) doReaderIntent(in intent) tea.Cmd {
	switch in := in.(type) {
	case citeIntent:
		if m.searcher == nil || in.id == "" {
			return nil
		}
		return citePiecesCmd(m.ctx, m.searcher, m.opts.OpenCiteKeys, []string{in.id}, m.opts.citationFormat())
	case relatedIntent:
		return m.nextRelated()
	case nextCopyIntent:
		return m.nextCopy()
	case addURLIntent:
		return m.addURL(in.url)
	case urlIntent:
		if in.url == "" {
			return m.status.set(m.noURL(), true)
		}
		if err := checkURL(in.url); err != nil {
			return m.status.set(capitalise(termsafe.ErrText(err)), true)
		}
		note := m.sourceNote(in.url)
		if in.copy {
			return tea.Batch(tea.SetClipboard(in.url), m.status.set("Copied URL: "+truncateURL(in.url, 60)+note, false))
		}
		return tea.Batch(m.status.set("Opening "+truncateURL(in.url, 60)+" …"+note, false), openURLCmd(in.url))
	case linksIntent:
		return m.openLinks()
	case followLinkIntent:
		return m.followLink(in.link)
	case periodIntent:
		// the bar's period replaces the years ticked, which go (a year
		// ticked then replaces the period in turn: filtersChanged)
		m.period = in.filter
		said := "Filtered to " + in.filter.label
		if had := m.sidebar.untickYears(); len(had) > 0 {
			said += " in place of year:" + strings.Join(had, " year:")
		}
		cmd := m.startSearch()
		return tea.Batch(cmd, m.status.set(said+" · x clears", false))
	case countTrendsIntent:
		return m.fetchTrends()
	case pinTrendIntent:
		return m.pinTrend()
	case formatChosenIntent:
		return m.chooseFormat(in.key)
	}
	return nil
}
