package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
)

// The Cmds of the saved searches (saved.go): reading them and counting
// their pieces, saving one, marking one opened. Each turns a panic into
// an error message, as those of cmds.go do.

// savedCmd reads the saved searches and counts, for each, the pieces it
// finds and how many of them are new since it was last opened.
func savedCmd(ctx context.Context, store SavedStore, s Searcher, rs ReadingState, book QuoteBook, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = savedMsg{seq: seq, err: fmt.Errorf("counting failed: %v", r)}
			}
		}()
		list, err := store.List()
		var warn string
		if w := (*SavedWarning)(nil); errors.As(err, &w) {
			warn, err = w.Error(), nil
		}
		if err != nil {
			return savedMsg{seq: seq, err: err}
		}
		snap := takeReading(rs, book)
		added, _ := s.(AddedSearcher)
		counts := make([]savedCount, 0, len(list))
		for _, sv := range list {
			q := applyReading(savedQuery(sv), readingFilter{starred: sv.Starred, unread: sv.Unread, quoted: sv.Quoted}, snap)
			q.Limit, q.Mode = 1, index.ModeCount
			res, err := s.Search(ctx, q)
			if err != nil {
				return savedMsg{seq: seq, err: err}
			}
			c := savedCount{name: sv.Name, count: res.Total, fresh: unknownCount}
			if sv.Opened && added != nil {
				fresh, err := added.NewOf(ctx, q, sv.SeenThrough)
				if err != nil {
					return savedMsg{seq: seq, err: err}
				}
				c.fresh = 0
				if len(fresh) > 0 {
					q.IDs = fresh
					res, err := s.Search(ctx, q)
					if err != nil {
						return savedMsg{seq: seq, err: err}
					}
					c.fresh = res.Total
				}
			}
			counts = append(counts, c)
		}
		if ctx.Err() != nil {
			return nil
		}
		return savedMsg{seq: seq, list: list, counts: counts, warn: warn}
	}
}

// savedNewCmd finds the pieces of the saved search sv new since it was
// last opened before (sv as it was when opened), for the list to mark
// while it is open (savedNewMsg).
func savedNewCmd(ctx context.Context, s Searcher, rs ReadingState, book QuoteBook, sv SavedSearch, key string, seq int) tea.Cmd {
	added, ok := s.(AddedSearcher)
	if !ok || !sv.Opened {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = savedNewMsg{name: sv.Name, key: key, seq: seq, err: fmt.Errorf("finding what is new failed: %v", r)}
			}
		}()
		q := applyReading(savedQuery(sv), readingFilter{starred: sv.Starred, unread: sv.Unread, quoted: sv.Quoted}, takeReading(rs, book))
		fresh, err := added.NewOf(ctx, q, sv.SeenThrough)
		if ctx.Err() != nil {
			return nil // given up for a newer opening, as savedCmd's answer is
		}
		return savedNewMsg{name: sv.Name, key: key, seq: seq, ids: fresh, err: err}
	}
}

// indexTime is what s has indexed as of; zero when it cannot tell.
func indexTime(s Searcher) time.Time {
	if a, ok := s.(AddedSearcher); ok {
		return a.IndexTime()
	}
	return time.Time{}
}

// addSavedCmd saves sv and marks it opened.
func addSavedCmd(store SavedStore, s Searcher, sv SavedSearch) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = savedAddedMsg{search: sv, err: fmt.Errorf("saving failed: %v", r)}
			}
		}()
		saved, err := store.Add(sv, indexTime(s))
		if err != nil {
			return savedAddedMsg{search: sv, err: err}
		}
		return savedAddedMsg{search: saved}
	}
}

// markSavedCmd marks the saved search named name opened.
func markSavedCmd(store SavedStore, s Searcher, name string) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = savedOpenedMsg{name: name, err: fmt.Errorf("marking failed: %v", r)}
			}
		}()
		return savedOpenedMsg{name: name, err: store.MarkOpened(name, indexTime(s))}
	}
}
