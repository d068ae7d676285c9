package ui

import (
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// Every message the ui package sends itself. Messages that answer a request
// carry the generation (gen) or key of that request, so that an answer that
// arrives after the user moved on is recognised and dropped.

// indexProgressMsg reports the index build: done of total files.
type indexProgressMsg struct{ done, total int }

// indexOpenedMsg ends the start-up: the index is ready, or could not be
// opened (err), which the interface shows instead of crashing.
type indexOpenedMsg struct {
	searcher Searcher
	info     Info
	err      error
}

// indexRefreshedMsg answers Info.Refresh.
type indexRefreshedMsg struct {
	info    Info
	changed bool
	err     error
}

// debounceMsg fires ~50 ms after a keystroke in the search box; it starts a
// search only when no later keystroke came (seq is still current).
type debounceMsg struct{ seq int }

// typingPausedMsg comes a typing pause (Options.TypingPause) after a
// keystroke in the search box: the query, searched with its last word as
// a prefix while keys arrived, is now searched as written.
type typingPausedMsg struct{ seq int }

// resultsMsg answers a search of generation gen: the first page (offset 0),
// which also brings facets, or a further page of the same query. The first
// page carries its query with the Reading filters resolved into IDs, so
// that the further pages ask exactly the same.
type resultsMsg struct {
	gen     int
	page    bool // a page the list asked for (loadPages), not a new search's first
	offset  int
	query   index.Query
	results index.Results
	reading *readingSnapshot // the marks the Reading filters were resolved with
	err     error
	// took is how long this answer took to come (a result the index had
	// cached: microseconds; its Results.Took is the search that made it)
	took time.Duration
}

// rankMsg carries the row of the piece a refresh moved out of the loaded
// pages (rankCmd): at is the row the cursor was left at meanwhile.
type rankMsg struct {
	gen, at int
	id      string
	row     int
	ok      bool
}

// facetsMsg carries the facet counts of generation gen's query, asked for
// after its hits.
type facetsMsg struct {
	gen    int
	facets index.Facets
	// estimated: the counts may be off (a query being typed:
	// index.Results.Estimated); the sidebar marks them "≈"
	estimated bool
	err       error
}

// copiesCountMsg says how many of generation gen's matches hiding copies
// leaves out (copiesCountCmd).
type copiesCountMsg struct {
	gen, hidden int
	estimated   bool // of counts either of which was estimated
}

// renderedMsg carries a piece loaded and rendered for key. The reader uses it
// only while it still shows key.id at key.width in key.style.
type renderedMsg struct {
	key     renderKey
	article archive.Article
	related []index.Hit // pieces like this one, when the Searcher finds them
	// relatedFailed is why Related could not list them ("" when it could)
	relatedFailed string
	copies        []index.Copy // the group of copies of a republished piece, itself included (CopiesSearcher)
	lines         []string
	// bodyStart is the first line of the piece's body in lines (the
	// header's title, meta, related pieces and rule come before).
	bodyStart int
	err       error
	// cache is the render cache the render was started for (see
	// renderCache.tag): a render started before a refresh replaced the
	// cache renders the file as it was, and is dropped.
	cache *renderCache
}

// stateOpenedMsg brings the reading state, opened after the first frame. A
// non-nil err with a state is a warning (a corrupt file set aside, no state
// folder) for the status line.
type stateOpenedMsg struct {
	state ReadingState
	err   error
}

// saveDueMsg fires a pause after a change of the reading state; it saves
// only when no later change came (seq is still current), so a burst of
// marks is one write.
type saveDueMsg struct{ seq int }

// stateSavedMsg reports a save of the reading state; changed: it brought
// marks saved by another folio process. seq is the saveSeq it was asked
// for at: it wrote (or failed to write) every change up to it.
type stateSavedMsg struct {
	seq     int
	changed bool
	err     error
}

// readingCountsMsg answers how many of the results of search generation gen
// are starred, unread and quoted; seq tells apart the counts asked again
// for the same results after a mark or a quote changed.
type readingCountsMsg struct {
	gen, seq                int
	starred, unread, quoted int
	// each count may be estimated (a query being typed:
	// index.Results.Estimated)
	starredEst, unreadEst, quotedEst bool
	err                              error
}

// citedMsg brings citations to copy to the clipboard: of n pieces, of total
// results when the copy was capped.
type citedMsg struct {
	text     string
	n, total int
	warn     string   // the ledger of citation keys could not be used: a warning
	paths    []string // the cited pieces' files (badKeyWarning)
	err      error
}

// statusMsg shows a transient line in the footer ("Opened in browser").
type statusMsg struct {
	text  string
	isErr bool
}

// clearStatusMsg removes status message id, unless a newer one replaced it.
type clearStatusMsg struct{ id int }

// formatSavedMsg says whether the chosen format was recorded.
type formatSavedMsg struct{ err error }

// linksMsg brings the links of piece from that name pieces.
type linksMsg struct {
	from  string
	links []pieceLink
}
