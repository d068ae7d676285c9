package ui

import (
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

// debounceMsg fires ~50 ms after a keystroke in the search box; it starts a
// search only when no later keystroke came (seq is still current).
type debounceMsg struct{ seq int }

// resultsMsg answers a search of generation gen: the first page (offset 0),
// which also brings facets, or a further page of the same query.
type resultsMsg struct {
	gen     int
	offset  int
	results index.Results
	err     error
}

// renderedMsg carries a piece loaded and rendered for key. The reader uses it
// only while it still shows key.id at key.width in key.style.
type renderedMsg struct {
	key     renderKey
	article archive.Article
	lines   []string
	err     error
}

// statusMsg shows a transient line in the footer ("Opened in browser").
type statusMsg struct {
	text  string
	isErr bool
}

// clearStatusMsg removes status message id, unless a newer one replaced it.
type clearStatusMsg struct{ id int }
