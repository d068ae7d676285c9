package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// Saved searches (S, the sidebar's SAVED group): S asks for a name on a
// one-line prompt in the footer and keeps the current query and filters
// under it; the SAVED group lists the searches with the pieces each finds
// and how many are new since it was last opened; enter there opens one
// (its query and filters replace the current ones) and marks it opened.
// The searches are kept by Options.Saved (the state package, through the
// CLI). This file holds their types, messages and intents, what the root
// does with them, and how a search's dates become one range and back;
// savedprompt.go is the prompt, savedcmds.go the Cmds that read and
// write the searches and count their pieces, sidebarsaved.go the SAVED
// group.

// SavedSearch is a saved search: a query and its filters, as the command
// line's flags take them (folio saved add), and when it was last opened on
// this archive.
type SavedSearch struct {
	Name                          string
	Query                         string
	Tags, Outlets, Authors, Kinds []string
	Languages                     []string // language ranges (--language)
	// From and To are dates as written: "2017", "2017-09", "2017-09-14".
	From, To                string
	Within                  bool // From and To hold a piece's whole period (folio search --within)
	Starred, Unread, Quoted bool
	CollapseCopies          bool // each republished piece once ("Hide copies")

	// Opened says the search was opened on this archive; SeenThrough is
	// then the index time of what it showed (see AddedSearcher).
	Opened      bool
	SeenThrough time.Time
}

// SavedStore keeps the saved searches. Its methods do I/O and are called
// only from Cmds.
type SavedStore interface {
	// List returns the saved searches in the order they were saved. A
	// *SavedWarning comes with a good list: the list is shown, the warning
	// said and kept under ! (warnings.go).
	List() ([]SavedSearch, error)
	// Add saves s under its name and marks it opened, having shown the
	// index as of through; it returns s as saved.
	Add(s SavedSearch, through time.Time) (SavedSearch, error)
	// MarkOpened marks the search named name opened now, having shown the
	// index as of through.
	MarkOpened(name string, through time.Time) error
}

// SavedWarning is a warning SavedStore.List gives beside the saved
// searches (the file of when each was opened, set aside as corrupt: the
// searches are listed, none known to be opened).
type SavedWarning struct{ Err error }

func (w *SavedWarning) Error() string { return w.Err.Error() }
func (w *SavedWarning) Unwrap() error { return w.Err }

// AddedSearcher is implemented by a Searcher that knows when each piece
// was first indexed (index.Index): the SAVED group then says how many of a
// search's pieces are new since it was last opened.
type AddedSearcher interface {
	// NewOf lists what may be new of q since t (index.Index.NewOf).
	NewOf(ctx context.Context, q index.Query, t time.Time) ([]string, error)
	// IndexTime is the latest time a piece of the index was first indexed.
	IndexTime() time.Time
}

// savedCount is what the SAVED group shows of one search.
type savedCount struct {
	name  string
	count int
	fresh int // pieces new since it was last opened; unknownCount when it never was (or cannot be told)
}

type (
	// savedMsg brings the saved searches and their counts.
	savedMsg struct {
		seq    int
		list   []SavedSearch
		counts []savedCount
		err    error
		warn   string // a SavedWarning of List, beside the list
	}
	// savedAddedMsg answers S: the search as saved, or why not.
	savedAddedMsg struct {
		search SavedSearch
		err    error
	}
	// savedOpenedMsg answers the marking of an opened search.
	savedOpenedMsg struct {
		name string
		err  error
	}
	// savedNewMsg brings the pieces new since the saved search name was
	// last opened (savedNewCmd), for the search of key.
	savedNewMsg struct {
		name, key string
		seq       int
		ids       []string
		err       error
	}
)

// savedNew is what the list marks new while a saved search is open: the
// pieces it finds that were first indexed since the opening before this
// one (its SeenThrough then, kept in search), as its "N new" in the SAVED
// group counted them at the opening, and those that come into the index
// while it is open (they too are new since that opening; the SAVED group,
// counting from this opening, says "N new" of these alone). They are found
// again whenever the saved searches are counted again (the index or the
// reading marks changed), and kept until the query or the filters change
// (key is those of the search it was opened to), or it is opened again,
// which starts them anew. Their rows say newMark.
type savedNew struct {
	name, key string
	search    SavedSearch // as it was when opened: the time it was seen through before
	seq       int         // of the last savedNewCmd; older answers are dropped
	ids       map[string]bool
}

// searchKey is what a search finds, apart from its order and paging:
// the query, the filters and the reading filters.
func searchKey(q index.Query, f readingFilter) string {
	q.Sort, q.Offset, q.Limit, q.Typing, q.Snippets, q.Suggest, q.Mode = 0, 0, 0, false, 0, false, 0
	return fmt.Sprintf("%v|%v", q, f)
}

// findSavedNew finds again what the list marks new, while a saved search
// is open.
func (m *Model) findSavedNew() tea.Cmd {
	if m.savedNew.name == "" || m.searcher == nil {
		return nil
	}
	m.savedNew.seq++
	return savedNewCmd(m.ctx, m.searcher, m.reading, m.quotes, m.savedNew.search, m.savedNew.key, m.savedNew.seq)
}

// gotSavedNew takes the new pieces of the saved search opened, if the
// list still shows it and no later answer is coming.
func (m *Model) gotSavedNew(msg savedNewMsg) tea.Cmd {
	if msg.name != m.savedNew.name || msg.key != m.savedNew.key || msg.seq != m.savedNew.seq {
		return nil // the search changed since, or it is being found again
	}
	if msg.err != nil {
		return m.status.setFor("Cannot mark what is new: "+termsafe.ErrText(msg.err), true, statusLong)
	}
	m.savedNew.ids = make(map[string]bool, len(msg.ids))
	for _, id := range msg.ids {
		m.savedNew.ids[id] = true
	}
	m.list.setFresh(m.savedNew.ids)
	return nil
}

type (
	// saveSearchIntent saves the current search under name (the prompt's enter).
	saveSearchIntent struct{ name string }
	// openSavedIntent opens the saved search named name.
	openSavedIntent struct{ name string }
)

func (saveSearchIntent) intent() {}
func (openSavedIntent) intent()  {}

// askSaveName opens the prompt of S; when the search cannot be saved,
// the prompt says why (and takes the name typed after S all the same).
func (m *Model) askSaveName() tea.Cmd {
	if why := m.cannotSave(); why != "" {
		m.prompt = refusedSavePrompt(m.styles, why)
	} else {
		m.prompt = newSavedPrompt(m.styles, "", "")
	}
	return m.prompt.input.Focus()
}

// cannotSave is why the current search cannot be saved, as the status
// line says it; "" when it can.
func (m *Model) cannotSave() string {
	if m.opts.Saved == nil {
		return "Saved searches are not kept here (no config folder)"
	}
	if _, err := m.savedOfCurrent(""); err != nil {
		return "Cannot save this search: " + termsafe.ErrText(err)
	}
	return ""
}

// saveSearch saves the current search under name.
func (m *Model) saveSearch(name string) tea.Cmd {
	if why := m.cannotSave(); why != "" {
		return m.status.set(why, true)
	}
	if name == "" {
		return m.status.set("Not saved: a saved search needs a name", true)
	}
	s, err := m.savedOfCurrent(name)
	if err != nil {
		return m.status.set("Cannot save this search: "+termsafe.ErrText(err), true)
	}
	return addSavedCmd(m.opts.Saved, m.searcher, s)
}

// savedAdded takes the answer of S; on an error (a name taken or not
// allowed) the prompt opens again with the name, to mend it.
func (m *Model) savedAdded(msg savedAddedMsg) tea.Cmd {
	if msg.err != nil {
		m.prompt = newSavedPrompt(m.styles, msg.search.Name, "not saved: "+termsafe.ErrText(msg.err))
		return m.prompt.input.Focus()
	}
	return tea.Batch(m.status.set("Saved the search as "+msg.search.Name, false), m.countSaved())
}

// openSaved opens the saved search named name: its query and filters
// replace the current ones, and it is marked opened. Its pieces new since
// it was last opened, and those that come while it is open, are marked in
// the list (savedNew) until the query or the filters change or it is
// opened again; what an earlier opening marked is dropped.
func (m *Model) openSaved(name string) tea.Cmd {
	i := slices.IndexFunc(m.saved, func(s SavedSearch) bool { return s.Name == name })
	if i < 0 || m.searcher == nil {
		return nil
	}
	s := m.saved[i]
	if r, ok := m.searcher.(AuthorResolver); ok && len(s.Authors) > 0 {
		s.Authors = r.AuthorsAsPeople(s.Authors) // the rows they pick
	}
	m.search.setValue(s.Query)
	m.period = nil
	m.sidebar.setSearch(s)
	m.focus = paneList
	m.layout() // the search below makes a new list, which asks for its pages
	search := m.startSearch()
	text := "Opened " + s.Name
	if c, ok := m.sidebar.savedCount(s.Name); ok && c.fresh > 0 {
		text += fmt.Sprintf(": %d new since last time, marked %s in the list", c.fresh, newMark)
	}
	// found before the mark below moves the time it was opened: the
	// search keeps its SeenThrough of then (a helper's report: opened
	// again with nothing new, the rows marked by the last opening stayed)
	m.savedNew = savedNew{name: s.Name, key: searchKey(m.baseQuery, m.readingFilter), search: s, seq: m.savedNew.seq}
	m.list.setFresh(nil)
	fresh := m.findSavedNew()
	return tea.Batch(search, fresh, m.status.set(text, false), markSavedCmd(m.opts.Saved, m.searcher, s.Name))
}

// countSaved reads the saved searches again and counts their pieces.
func (m *Model) countSaved() tea.Cmd {
	if m.opts.Saved == nil || m.searcher == nil {
		return nil
	}
	m.savedSeq++
	// what is new has changed too: a piece come while a search is open is
	// marked
	return tea.Batch(savedCmd(m.ctx, m.opts.Saved, m.searcher, m.reading, m.quotes, m.savedSeq), m.findSavedNew())
}

// gotSaved shows the saved searches and their counts.
func (m *Model) gotSaved(msg savedMsg) tea.Cmd {
	var said tea.Cmd
	if msg.warn != "" && !slices.Contains(m.warnings, archive.SanitizeLine("Saved searches: "+msg.warn)) {
		// said even from a count a later one replaces: the later one
		// reads the file set aside, and has nothing to say
		said = m.warn("Saved searches: "+msg.warn, statusLong)
	}
	if msg.seq != m.savedSeq {
		return said // a later count is coming
	}
	if msg.err != nil {
		if !m.savedWarned {
			m.savedWarned = true
			return m.warn("Saved searches: "+termsafe.ErrText(msg.err), statusLong)
		}
		return nil
	}
	m.savedWarned = false
	m.saved = msg.list
	if m.savedNew.name != "" && !m.savedNew.search.Opened {
		// opened for the first time: what comes after this opening is new
		if i := slices.IndexFunc(msg.list, func(s SavedSearch) bool { return s.Name == m.savedNew.name }); i >= 0 && msg.list[i].Opened {
			m.savedNew.search.Opened, m.savedNew.search.SeenThrough = true, msg.list[i].SeenThrough
		}
	}
	m.sidebar.setSaved(msg.counts)
	return tea.Batch(m.layout(), said)
}

// savedOfCurrent is the current search as a saved search named name: the
// query as typed, the sidebar's filters, and its period, the years chosen
// and the chart's period as one range of dates (a saved search keeps one).
func (m Model) savedOfCurrent(name string) (SavedSearch, error) {
	q := m.buildQuery()
	f := m.sidebar.readingFilter()
	s := SavedSearch{Name: name, Query: strings.TrimSpace(m.search.value()),
		Tags: q.Tags, Outlets: q.Outlets, Authors: q.Authors, Kinds: q.Kinds, Languages: q.Languages,
		Starred: f.starred, Unread: f.unread, Quoted: f.quoted, CollapseCopies: q.CollapseCopies}
	if slices.Contains(q.Years, index.Undated) {
		// the years are saved as a range of dates, which holds no
		// undated piece (the command line has no filter to them)
		return s, errors.New("the undated pieces are in no range of dates, which a saved search keeps: unchoose undated to save")
	}
	from, to, within, err := dateRange(q)
	if err != nil {
		return s, err
	}
	s.From, s.To, s.Within = from, to, within
	return s, nil
}

// dateRange is the one range of dates q's years, months and From/To
// allow, written as the command line takes it ("2017", "2017-09",
// "2017-09-14"), with within when the range must hold a piece's whole
// date (folio search --within); an error when they allow no one range.
//
// A year holds the same pieces whether its pieces must lie within it or
// only overlap it (a date is a day, a month or a year); a month does not:
// the chart's month counts the pieces of its month's facet, not those
// dated only to its year, so a month is saved as within. The timeline's
// period (overlapping) narrows a month only where the result is exact.
func dateRange(q index.Query) (from, to string, within bool, err error) {
	var lo, hi time.Time // zero: open
	narrow := func(a, b time.Time) {
		if !a.IsZero() && (lo.IsZero() || a.After(lo)) {
			lo = a
		}
		if !b.IsZero() && (hi.IsZero() || b.Before(hi)) {
			hi = b
		}
	}
	for _, set := range []struct {
		values []string
		what   string
		step   func(time.Time) time.Time
	}{
		{q.Years, "years", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
		{q.Months, "months", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
	} {
		if len(set.values) == 0 {
			continue
		}
		var starts []time.Time
		for _, v := range set.values {
			d, err := archive.ParseDate(v)
			if err != nil {
				return "", "", false, fmt.Errorf("%s %q: %v", set.what, v, err)
			}
			starts = append(starts, d.Time)
		}
		slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
		for i := 1; i < len(starts); i++ {
			if !set.step(starts[i-1]).Equal(starts[i]) {
				return "", "", false, fmt.Errorf("the %s chosen are not one span (a saved search keeps one range of dates)", set.what)
			}
		}
		narrow(starts[0], set.step(starts[len(starts)-1]).AddDate(0, 0, -1))
	}
	within = len(q.Months) > 0 || q.Within
	if len(q.Months) > 0 && holdsAYear(lo, hi) {
		// within the whole year, a piece dated only to it would count
		return "", "", false, errors.New("the months chosen make a whole year, which would count the pieces dated only to it: choose the year")
	}
	monthStart := func(t time.Time) bool { return t.IsZero() || t.Day() == 1 }
	monthEnd := func(t time.Time) bool { return t.IsZero() || t.AddDate(0, 0, 1).Day() == 1 }
	cuts := !q.From.IsZero() && q.From.After(lo) || !q.To.IsZero() && (hi.IsZero() || q.To.Before(hi))
	if len(q.Months) > 0 && !q.Within && cuts && !(monthStart(q.From) && monthEnd(q.To)) {
		// the month's pieces whose dates overlap part of it are not one
		// range: a piece dated only to the month overlaps its 15th
		return "", "", false, errors.New("the chart's month and the timeline's dates do not make one range of dates: choose whole months")
	}
	narrow(q.From, q.To)
	if !lo.IsZero() && !hi.IsZero() && hi.Before(lo) {
		return "", "", false, errors.New("the dates chosen do not overlap")
	}
	if lo.IsZero() && hi.IsZero() {
		within = false
	}
	return dateText(lo, false), dateText(hi, true), within, nil
}

// holdsAYear reports whether the days lo to hi (inclusive) hold a whole
// calendar year.
func holdsAYear(lo, hi time.Time) bool {
	y := lo.Year()
	if lo.YearDay() != 1 {
		y++
	}
	return !hi.Before(time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC))
}

// dateText writes a day as the command line takes it, as a year or a
// month when it starts (or, for end, ends) one; "" for zero.
func dateText(t time.Time, end bool) string {
	if t.IsZero() {
		return ""
	}
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	next := t.AddDate(0, 0, 1)
	switch {
	case !end && t.YearDay() == 1, end && next.YearDay() == 1:
		return strconv.Itoa(t.Year())
	case !end && t.Day() == 1, end && next.Day() == 1:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// periodOf is the sidebar's period of a saved search's dates: from the
// first day of From to the last of To, labelled as the timeline labels
// its bars ("2017", "2017-09") where it can.
func periodOf(from, to string) period {
	var p period
	if from != "" {
		if d, err := archive.ParseDate(from); err == nil {
			p.from = d.Time
		}
	}
	if to != "" {
		if d, err := archive.ParseDate(to); err == nil {
			e := d.End()
			p.to = time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	switch {
	case p.from.IsZero() && p.to.IsZero():
		return period{}
	case from == to:
		p.label = from
	default:
		p.label = from + "–" + to
	}
	return p
}

// savedQuery is the query of a saved search (its reading filters apart).
func savedQuery(s SavedSearch) index.Query {
	p := periodOf(s.From, s.To)
	return index.Query{Text: s.Query, Tags: s.Tags, Outlets: s.Outlets, Authors: s.Authors, Kinds: s.Kinds, Languages: s.Languages, From: p.from, To: p.to,
		Within:         s.Within && !p.isZero(),
		CollapseCopies: s.CollapseCopies}
}

// savedOpened takes the answer of markSavedCmd: the counts are taken
// again (the search has nothing new now).
func (m *Model) savedOpened(msg savedOpenedMsg) tea.Cmd {
	if msg.err != nil {
		return tea.Batch(m.status.setFor("Not marked opened: "+termsafe.ErrText(msg.err), true, statusLong), m.countSaved())
	}
	return m.countSaved()
}
