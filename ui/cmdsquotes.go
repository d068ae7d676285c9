package ui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
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

// saveQuoteCmd gives a quote the citation of its piece (with the key the
// archive gives it: keyringFor) and saves it, merged with the quotes other
// folio processes saved (see the state package).
func saveQuoteCmd(ctx context.Context, s Searcher, book QuoteBook, q state.Quote) tea.Cmd {
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
		keys, err := keyringFor(ctx, s, []archive.Article{a})
		if err != nil {
			return quoteSavedMsg{err: err}
		}
		q.Citation = state.CitationOf(a, keys.Key(a))
		q, err = book.Add(q)
		if err != nil {
			return quoteSavedMsg{err: err}
		}
		return quoteSavedMsg{quote: q, err: book.Save()}
	}
}

// locateQuotesCmd finds quotes in the lines of a rendering, prepared once
// for all of them (state.NewText: about 30 ms a megabyte on one core).
func locateQuotesCmd(key renderKey, plain []string, qs []state.Quote) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = quoteMarksMsg{key: key}
			}
		}()
		text, starts := joinLines(plain)
		prepared := state.NewText(text)
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
