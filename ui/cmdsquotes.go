package ui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// The messages and Cmds of quoting (quotes.go, quotesel.go), with the I/O
// rules of cmds.go.

// quotesOpenedMsg brings the quotes, opened after the first frame; an
// error that comes with them is a warning.
type quotesOpenedMsg struct {
	book QuoteBook
	err  error
}

// quoteSavedMsg says whether a quote was kept.
type quoteSavedMsg struct {
	quote state.Quote
	warn  string // the ledger of citation keys could not be used: a warning
	path  string // the piece's file (badKeyWarning)
	err   error
}

// quotesReloadedMsg says whether the quotes changed on disk.
type quotesReloadedMsg struct{ changed bool }

// reloadQuotesCmd takes in the quotes other folios saved.
func reloadQuotesCmd(book QuoteBook) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = quotesReloadedMsg{}
			}
		}()
		changed, _ := book.Reload() // a failure leaves the quotes as they were
		return quotesReloadedMsg{changed: changed}
	}
}

// quoteMarksMsg brings where the open piece's quotes are in its rendering.
type quoteMarksMsg struct {
	key   renderKey
	spans []quoteSpan
}

// openQuotesCmd opens the quotes after the first frame.
func openQuotesCmd(open func() (QuoteBook, error)) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = quotesOpenedMsg{err: fmt.Errorf("opening the quotes failed: %v", r)}
			}
		}()
		book, err := open()
		return quotesOpenedMsg{book: book, err: err}
	}
}

// saveQuoteCmd anchors a quote chosen in the reader in its piece's text
// (anchorQuote; tail is chosenQuote's), gives it the citation of its piece
// (with the key the archive gives it: keyringFor) and saves it, merged with the quotes other
// folio processes saved (see the state package).
func saveQuoteCmd(ctx context.Context, s Searcher, ledger OpenCiteKeysFunc, book QuoteBook, q state.Quote, tail int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = quoteSavedMsg{err: fmt.Errorf("saving the quote failed: %v", r)}
			}
		}()
		a, err := s.Article(q.Piece)
		if err != nil {
			return quoteSavedMsg{err: err}
		}
		q.Selector = anchorQuote(s, a, q.Selector, tail)
		keys, warn, err := keyringFor(ctx, s, ledger, []archive.Article{a})
		if err != nil {
			return quoteSavedMsg{err: err}
		}
		q.Citation = state.CitationOf(a, keys.Key(a))
		warn = withPinWarning(warn, keys, []archive.Article{a})
		q, err = book.Add(q)
		if err != nil {
			return quoteSavedMsg{err: err}
		}
		return quoteSavedMsg{quote: q, warn: warn, path: a.Path, err: book.Save()}
	}
}

// anchorQuote anchors a passage chosen in the reader (sel, anchored in the
// body the reader shows, tail letters and digits of it after the passage)
// in the text folio quotes add anchors passages in (QuoteText), as it
// anchors them: that text's context and position, so that a quote kept in
// the reader and one kept by folio quotes add of the same passage are the
// same, and neither holds what the reader shows around the piece (related
// pieces, which change as pieces are added). Of the passage's occurrences
// there, the one taken is that with as much of the body after it as the
// one chosen (the body is the same text at any width; the header above it
// is not the reader's). A passage not found there keeps sel.
func anchorQuote(s Searcher, a archive.Article, sel state.Selector, tail int) state.Selector {
	text, err := QuoteText(a, func(candidates []string) (string, bool) {
		p, ok := resolveLink(s, candidates)
		return p.Title, ok
	})
	if err != nil {
		return sel
	}
	near := state.Selector{Exact: sel.Exact, Position: state.Letters(text) - tail - state.Letters(sel.Exact)}
	start, end, ok := state.NewText(text).Locate(near)
	if !ok {
		return sel
	}
	anchored := state.Select(text, start, end)
	anchored.Exact = sel.Exact
	return anchored
}

// locateQuotesCmd finds quotes in the lines of a rendering, prepared once
// for all of them (state.NewText: about 30 ms a megabyte on one core);
// md is the piece's Markdown, whose links' URLs and footnotes' markers
// (ShownOf, read only when a quote is not found as shown) a quote taken
// without them is found without (state.NewTextAsRead: folio quotes add of
// a passage as the original page reads it).
func locateQuotesCmd(key renderKey, plain []string, md string, qs []state.Quote) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = quoteMarksMsg{key: key}
			}
		}()
		text, starts := joinLines(plain)
		prepared := state.NewTextAsRead(text, func() state.Shown { return ShownOf(md) })
		var spans []quoteSpan
		for _, q := range qs {
			start, end, ok := prepared.Locate(q.Selector)
			if !ok {
				continue
			}
			line := func(at int) int {
				i, found := slices.BinarySearch(starts, at)
				if !found {
					i--
				}
				return max(i, 0)
			}
			spans = append(spans, quoteSpan{id: q.ID, from: line(start), to: line(max(end-1, start))})
		}
		return quoteMarksMsg{key: key, spans: spans}
	}
}

// quoteResultsMsg brings the quoted pieces among the results, for the
// list of quotes whose question was seq.
type quoteResultsMsg struct {
	seq int
	ids []string
	err error
}

// quoteResultsCmd finds which of the pieces with quotes are among the
// results of q with the Reading filters f: one search of q restricted to
// those pieces (as the sidebar's Quoted toggle counts them:
// readingCountsCmd), in pages of maxQuotedPage hits, never the whole list
// of results.
func quoteResultsCmd(ctx context.Context, s Searcher, q index.Query, f readingFilter, rs ReadingState, book QuoteBook, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = quoteResultsMsg{seq: seq, err: fmt.Errorf("finding the results' quotes failed: %v", r)}
			}
		}()
		quoted := quotedPieces(book)
		q = applyReading(q, f, takeReading(rs, book))
		if q.IDs != nil {
			quoted = slices.DeleteFunc(quoted, func(id string) bool { return !slices.Contains(q.IDs, id) })
		}
		q.IDs = append([]string{}, quoted...)
		q.Mode, q.Limit = index.ModeHits, maxQuotedPage
		ids := []string{}
		for q.Offset = 0; q.Offset < len(quoted); q.Offset += maxQuotedPage {
			res, err := s.Search(ctx, q)
			if err != nil {
				return quoteResultsMsg{seq: seq, err: err}
			}
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
			}
			if len(res.Hits) < maxQuotedPage {
				break
			}
		}
		return quoteResultsMsg{seq: seq, ids: ids}
	}
}

// maxQuotedPage is the hits asked for at once: the index's most.
const maxQuotedPage = 10000
