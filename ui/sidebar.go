package ui

import (
	"slices"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// facetGroup is one block of the sidebar.
type facetGroup int

const (
	groupReading facetGroup = iota // the reader's own marks: starred, unread, quoted
	groupSaved                     // the saved searches (saved.go): not filters
	groupCopies                    // one value: hide republished copies (copies.go)
	groupOutlets
	groupAuthors
	groupTags
	groupYears
	groupKinds
	groupLanguages // a piece's language and its prefixes (archive.LanguageValues)
	groupCount
)

func (g facetGroup) title() string {
	switch g {
	case groupReading:
		return "READING"
	case groupSaved:
		return "SAVED"
	case groupCopies:
		return "COPIES"
	case groupOutlets:
		return "OUTLETS"
	case groupAuthors:
		return "AUTHORS"
	case groupTags:
		return "TAGS"
	case groupYears:
		return "YEARS"
	case groupKinds:
		return "KIND"
	case groupLanguages:
		return "LANGUAGE"
	}
	return ""
}

// prefix is the query-language field of the group, used in the summary of
// active filters ("tag:mi5").
func (g facetGroup) prefix() string {
	switch g {
	case groupReading:
		return "is"
	case groupSaved:
		return "saved"
	case groupCopies:
		return "dup"
	case groupOutlets:
		return "outlet"
	case groupAuthors:
		return "author"
	case groupTags:
		return "tag"
	case groupYears:
		return "year"
	case groupKinds:
		return "kind"
	case groupLanguages:
		return "language"
	}
	return ""
}

// The values of the Reading group.
const (
	readingStarred = "starred"
	readingUnread  = "unread"
	readingQuoted  = "quoted" // pieces with quotes kept from them (v), as folio search --quoted
)

// quotedMark stands for the Quoted filter in the sidebar.
const quotedMark = "❝"

// unknownCount is a count not known yet (the Reading counts arrive after
// the results).
const unknownCount = -1

// noCount is a row's count no facet tells (a chosen byline of several
// people): none is shown.
const noCount = -2

// sidebarEntry is one line of the facet list: a group header or a value.
type sidebarEntry struct {
	group  facetGroup
	value  string
	count  int
	header bool
	// decade is a YEARS entry that stands for a decade's years ("1990s"):
	// enter shows or hides them (see decades.go).
	decade bool
	inner  bool // a year shown under its decade
	// fresh is, for a saved search, how many of its pieces are new since
	// it was last opened; unknownCount when that cannot be told.
	fresh int
}

// label is what the entry shows: the value, or for the Reading group the
// mark the result list uses for it, so that the sidebar explains the marks.
func (e sidebarEntry) label() string {
	if e.group == groupReading {
		switch e.value {
		case readingStarred:
			return starMark + " Starred"
		case readingUnread:
			return unreadMark + " Unread"
		case readingQuoted:
			return quotedMark + " Quoted"
		}
	}
	if e.group == groupCopies {
		return "Hide copies"
	}
	if e.inner {
		return "  " + oneLine(e.value)
	}
	return oneLine(e.value)
}

// readingFilter is what the Reading group asks of the results. Any of them
// may be on together: then the results have each (the starred pieces not
// read yet, with quotes kept from them).
type readingFilter struct{ starred, unread, quoted bool }

func (f readingFilter) active() bool { return f.starred || f.unread || f.quoted }

// sidebar shows the reader's own marks (starred, unread, quoted) and the facets of
// the current results, lets the user select values (several per group: they
// are ORed; groups are ANDed) and draws a small timeline of the results
// whose bars can be chosen to narrow the results to a period.
type sidebar struct {
	facets  index.Facets
	chosen  [groupCount][]string // selected values per group, in selection order
	entries []sidebarEntry
	cursor  int // index into entries; never a header when there are values
	offset  int // first entry on screen
	// yearsAside: the years chosen are left out of the filters'
	// summary, in the chart's legend (Trend counts every year). (While
	// a chart bar's period is on no year is chosen to leave out: the
	// bar's enter unticks them, untickYears; a header read "year:2019 ·
	// 2020-01" over 2020-01's pieces.)
	yearsAside bool

	// The Reading group, shown once the reading state is open.
	hasReading                 bool
	starredN, unreadN, quotedN int // unknownCount until the counts arrive
	// the Reading counts that are estimated (readingCountsMsg)
	starredEst, unreadEst, quotedEst bool

	// facetsEstimated: the facet counts shown may be off (a query being
	// typed: index.Results.Estimated), and are marked "≈" as the header
	// marks its count, until the exact counts come.
	facetsEstimated bool

	// The saved searches, with their counts (saved.go).
	saved []savedCount
	// copiesN is how many pieces of the archive are copies of another: the
	// COPIES group is shown when there are any (or it is chosen).
	copiesN int
	// copiesHidden is how many of the query's matches hiding copies
	// leaves out (facetsMsg.hidden), what the COPIES entry counts when
	// hiddenKnown (else copiesN, the archive's)
	copiesHidden    int
	hiddenKnown     bool
	hiddenEstimated bool // copiesHidden is of estimated counts

	// The timeline.
	tl         timelineLaid // its bars, laid for the facets and the width
	period     period       // chosen on it; zero for none
	inTimeline bool         // the cursor is on the timeline's bars
	bar        int          // the bar under the cursor

	// YEARS by decade (when there are many years): the decades open, and
	// the count of each decade's years (index.Facets.YearsCount, by the
	// years joined) since the facets came: the entries are rebuilt at each
	// key of the filter, each choice, each count of the reading marks.
	openDecades map[string]bool
	yearsCounts map[string]int

	// queryText is the query text of the facets shown; facets of another
	// text put the sidebar back at its top (toTop).
	queryText string
	toTop     bool

	// The filter typed with / (see sidebarfilter.go): only values that
	// contain it are shown.
	filter    string
	filtering bool // the filter is being typed

	width, height int
	focused       bool
}

// sidebarWidth is the sidebar's width including its right border.
const sidebarWidth = 28

func (s *sidebar) setSize(w, h int) {
	s.width, s.height = max(w, 0), max(h, 0)
	if !s.tl.laid || s.tl.width != s.timelineWidth() {
		s.layTimeline()
	}
	s.follow()
}

// isChosen tells whether value v of group g is chosen: in any case or
// Unicode form, as the filters pick (g.same), so that a row shown as most
// pieces spell it is chosen when a saved search or the command line named
// it otherwise.
func (s sidebar) isChosen(g facetGroup, v string) bool {
	return slices.ContainsFunc(s.chosen[g], func(c string) bool { return g.same(c, v) })
}

// same tells whether a and b are one value of the group, as its filter
// picks them and its facet counts them, by the key of its field
// (archive.FieldKey): one person ("George W. Bush" is George W Bush), one
// outlet, one value but for case.
func (g facetGroup) same(a, b string) bool {
	key := archive.FieldKey(g.prefix())
	return key(a) == key(b)
}

// showReading adds the Reading group (once the reading state is open).
// The state opens a moment after start-up, before or after the first
// results: either way the cursor starts on the group's first value, as it
// would had the group been there from the start.
func (s *sidebar) showReading() {
	s.hasReading = true
	s.starredN, s.unreadN, s.quotedN = unknownCount, unknownCount, unknownCount
	s.starredEst, s.unreadEst, s.quotedEst = false, false, false
	s.rebuild()
	s.cursor, s.offset = 0, 0
	s.fixCursor(1)
	s.follow()
}

// setReadingCounts shows how many of the current results are starred,
// unread and quoted, and which of those counts are estimated.
func (s *sidebar) setReadingCounts(starred, unread, quoted int, est readingEstimates) {
	s.starredN, s.unreadN, s.quotedN = starred, unread, quoted
	s.starredEst, s.unreadEst, s.quotedEst = est.starred, est.unread, est.quoted
	for i, e := range s.entries {
		switch {
		case e.group != groupReading || e.header:
		case e.value == readingStarred:
			s.entries[i].count = starred
		case e.value == readingUnread:
			s.entries[i].count = unread
		case e.value == readingQuoted:
			s.entries[i].count = quoted
		}
	}
}

// readingEstimates says which of the Reading counts are estimated.
type readingEstimates struct{ starred, unread, quoted bool }

// estimated tells whether entry e's count is estimated: a facet count or a
// Reading count of a query being typed, or the copies a hide would leave
// out of one (index.Results.Estimated). The saved searches' counts are of
// their own queries, as written.
func (s sidebar) estimated(e sidebarEntry) bool {
	switch e.group {
	case groupReading:
		switch e.value {
		case readingStarred:
			return s.starredEst
		case readingUnread:
			return s.unreadEst
		case readingQuoted:
			return s.quotedEst
		}
		return false
	case groupSaved:
		return false
	case groupCopies:
		return s.hiddenKnown && s.hiddenEstimated
	}
	return s.facetsEstimated
}

// readingFilter is the Reading group's selection.
func (s sidebar) readingFilter() readingFilter {
	return readingFilter{
		starred: s.isChosen(groupReading, readingStarred),
		unread:  s.isChosen(groupReading, readingUnread),
		quoted:  s.isChosen(groupReading, readingQuoted),
	}
}

// setFacets shows new counts, keeping the cursor on the same value.
func (s *sidebar) setFacets(f index.Facets) {
	var keep *sidebarEntry
	if s.cursor >= 0 && s.cursor < len(s.entries) {
		e := s.entries[s.cursor]
		keep = &e
	}
	keepBar := ""
	if bars := s.timelineBars(); s.bar >= 0 && s.bar < len(bars) {
		keepBar = bars[s.bar].label
	}
	s.facets = f
	s.layTimeline()
	s.yearsCounts = nil
	s.rebuild()
	if keep != nil {
		for i, e := range s.entries {
			if e.group == keep.group && e.value == keep.value && e.header == keep.header {
				s.cursor = i
				break
			}
		}
	}
	if s.toTop {
		// another query: its groups from the top, not where the last one was
		s.toTop, s.cursor, s.offset, s.inTimeline = false, 0, 0, false
	}
	s.fixCursor(1)
	if s.inTimeline && s.timelineHeight() == 0 {
		s.inTimeline = false // the timeline went away with these results
	}
	// The timeline cursor stays on its period; when that is gone (the
	// timeline changed from years to months), it goes to the latest.
	bars := s.timelineBars()
	s.bar = max(len(bars)-1, 0)
	for i, b := range bars {
		if b.label == keepBar {
			s.bar = i
		}
	}
	s.follow()
}

// newQuery tells the sidebar the query text of the facets it is given next:
// when the text changed, they are shown from the top.
func (s *sidebar) newQuery(text string) {
	if text != s.queryText {
		s.queryText, s.toTop = text, true
	}
}

// rebuild lays out the entries: for each group its header, then the values
// with counts, plus chosen values that the current results no longer
// contain (count 0), so that they can still be unselected.
func (s *sidebar) rebuild() {
	s.entries = s.entries[:0]
	if s.hasReading {
		// Always all three, even at 0: they are filters, not facets of the
		// results.
		s.entries = append(s.entries,
			sidebarEntry{group: groupReading, header: true},
			sidebarEntry{group: groupReading, value: readingStarred, count: s.starredN},
			sidebarEntry{group: groupReading, value: readingUnread, count: s.unreadN},
			sidebarEntry{group: groupReading, value: readingQuoted, count: s.quotedN})
	}
	s.entries = append(s.entries, s.savedEntries()...)
	s.entries = append(s.entries, s.copiesEntries()...)
	groups := [groupCount][]index.FacetValue{
		groupOutlets: s.facets.Outlets,
		groupAuthors: s.facets.Authors,
		groupTags:    s.facets.Tags,
		// newest year first, then the undated pieces (index.Undated): the
		// years add up to the results (a helper's report: 1 of 3 in
		// years, the 2 undated left out silently); chosen, it keeps them
		groupYears:     yearsNewestFirst(s.facets),
		groupKinds:     s.facets.Kinds,
		groupLanguages: s.facets.Languages,
	}
	for g := groupOutlets; g < groupCount; g++ {
		values := groups[g]
		for _, c := range s.chosen[g] {
			if !slices.ContainsFunc(values, func(v index.FacetValue) bool { return g.same(v.Value, c) }) {
				// a chosen value no piece of the others' filters has:
				// 0, but a byline of several people (a saved search's,
				// which picks the pieces by all of them) is no row whose
				// count the facet knows
				n := 0
				if g == groupAuthors && len(archive.People(archive.Article{Authors: []string{c}})) > 1 {
					n = noCount
				}
				values = append(values, index.FacetValue{Value: c, Count: n})
			}
		}
		// A kind, author or language facet with a single value says
		// nothing.
		if (g == groupKinds || g == groupAuthors || g == groupLanguages) && !index.FacetTells(groups[g], s.chosen[g]) {
			continue
		}
		var entries []sidebarEntry
		if g == groupYears && len(s.facets.Years) > maxYears { // (the undated apart)
			entries = s.decadeEntries(values) // (filtered by what the rows show)
		} else {
			for _, v := range s.filtered(g, values) {
				entries = append(entries, sidebarEntry{group: g, value: v.Value, count: v.Count})
			}
		}
		if len(entries) == 0 {
			continue
		}
		s.entries = append(s.entries, sidebarEntry{group: g, header: true})
		s.entries = append(s.entries, entries...)
	}
}

// yearsNewestFirst are the years of fs newest first, then the undated
// pieces' value (index.Undated) when there are any.
func yearsNewestFirst(fs index.Facets) []index.FacetValue {
	return append(reversed(fs.Years), fs.YearValues()[len(fs.Years):]...)
}

func reversed(v []index.FacetValue) []index.FacetValue {
	out := slices.Clone(v)
	slices.Reverse(out)
	return out
}

// toggle selects or unselects the value under the cursor. It reports
// whether the filters changed.
func (s *sidebar) toggle() bool {
	if s.inTimeline {
		return s.toggleBar(s.bar)
	}
	if s.cursor < 0 || s.cursor >= len(s.entries) || s.entries[s.cursor].header {
		return false
	}
	e := s.entries[s.cursor]
	if e.decade {
		s.openDecade(e.value, !s.decadeOpen(e.value))
		return false
	}
	if e.group == groupSaved {
		return false // opened, not chosen: see savedAt
	}
	if s.isChosen(e.group, e.value) {
		s.chosen[e.group] = slices.DeleteFunc(s.chosen[e.group], func(c string) bool { return e.group.same(c, e.value) })
	} else {
		s.chosen[e.group] = append(s.chosen[e.group], e.value)
	}
	s.rebuild()
	s.follow()
	return true
}

// toggleBar chooses the period of timeline bar i, or unchooses it when it
// is the period chosen already. It reports whether the filters changed.
func (s *sidebar) toggleBar(i int) bool {
	bars := s.timelineBars()
	if i < 0 || i >= len(bars) {
		return false
	}
	s.bar = i
	if p := bars[i].period; p.label == s.period.label {
		s.period = period{}
	} else {
		s.period = p
	}
	return true
}

// untickYears unticks the years chosen, which a chart bar's period
// replaces (the root's periodIntent), and returns them: the sidebar shows
// what filters (a review: "◉ 2021 0" stayed ticked, not applied, under
// 2020-01's bar).
func (s *sidebar) untickYears() []string {
	had := s.chosen[groupYears]
	if len(had) == 0 {
		return nil
	}
	s.chosen[groupYears] = nil
	s.rebuild()
	s.fixCursor(1)
	s.follow()
	return had
}

// clear unselects everything and reports whether anything was selected.
func (s *sidebar) clear() bool {
	had := s.anyChosen()
	s.chosen = [groupCount][]string{}
	s.period = period{}
	s.rebuild()
	s.fixCursor(1)
	s.follow()
	return had
}

func (s sidebar) anyChosen() bool {
	if !s.period.isZero() {
		return true
	}
	for _, c := range s.chosen {
		if len(c) > 0 {
			return true
		}
	}
	return false
}

// applyTo copies the selection into a query. The Reading group is not a
// field of the index: the root resolves it into IDs (see readingFilter).
func (s sidebar) applyTo(q *index.Query) {
	q.Outlets = slices.Clone(s.chosen[groupOutlets])
	q.Authors = slices.Clone(s.chosen[groupAuthors])
	q.Tags = slices.Clone(s.chosen[groupTags])
	q.Years = slices.Clone(s.chosen[groupYears])
	q.Kinds = slices.Clone(s.chosen[groupKinds])
	q.Languages = slices.Clone(s.chosen[groupLanguages])
	q.From, q.To, q.Within = s.period.from, s.period.to, s.period.within
	q.CollapseCopies = s.isChosen(groupCopies, copiesCollapse)
}

// summary lists the active filters: "is:starred tag:mi5 date:2017-09".
func (s sidebar) summary() string { return strings.Join(s.summaryParts(), " ") }

// summaryParts are the active filters, one by one; not the years chosen
// while the chart's period stands for them (yearsAside).
func (s sidebar) summaryParts() []string {
	var parts []string
	for g := facetGroup(0); g < groupCount; g++ {
		if g == groupYears && s.yearsAside {
			continue
		}
		for _, v := range s.chosen[g] {
			parts = append(parts, g.prefix()+":"+oneLine(v))
		}
	}
	if !s.period.isZero() {
		if s.period.within {
			parts = append(parts, "within:"+s.period.label)
		} else {
			parts = append(parts, "date:"+s.period.label)
		}
	}
	return parts
}

// listHeight is the lines left for the facet entries.
func (s sidebar) listHeight() int { return max(s.height-s.timelineHeight()-s.filterHeight(), 0) }

// follow keeps the cursor on screen, with its group's header when possible.
func (s *sidebar) follow() {
	h := s.listHeight()
	s.cursor = min(max(s.cursor, 0), max(len(s.entries)-1, 0))
	if h <= 0 || len(s.entries) == 0 {
		s.offset = 0
		return
	}
	top := s.cursor
	if top > 0 && s.entries[top-1].header {
		top--
	}
	if top < s.offset {
		s.offset = top
	}
	s.offset = s.offsetShowing(s.cursor)
	s.offset = min(max(s.offset, 0), s.lastOffset())
}

// offsetShowing is the first entry on screen that shows entry i with the
// least scrolling from the offset: i itself when it is above the screen,
// else the least offset from the current one whose lines (after the
// "↑ N more" line, before the "↓ N more" one: shownFrom) hold i.
func (s sidebar) offsetShowing(i int) int {
	if i < s.offset {
		return i
	}
	h := s.listHeight()
	off := max(s.offset, i-h+1) // no fewer lines can show it
	for off < i {
		if end, _, _ := s.shownFrom(off, h); i < end {
			break
		}
		off++
	}
	return off
}

// lastOffset is the greatest first entry on screen: the one from which the
// list shows the last entry, with no line below it.
func (s sidebar) lastOffset() int {
	h := s.listHeight()
	switch n := len(s.entries); {
	case n <= h:
		return 0
	case h >= sidebarMoreMin:
		return n - (h - 1) // under the "↑ N more" line
	default:
		return n - h
	}
}

// sidebarMoreMin is the fewest lines of entries that say what they leave
// out, above and below ("↑ N more", "↓ N more"), and still show one entry.
const sidebarMoreMin = 3

// shownFrom is what h lines of the list show from entry off: the entries
// from off to end, whether a line above them says how many rows are hidden
// above (up) and one under them those hidden below (down). A list that
// does not fit says both, so that a group cut at the foot of the list
// does not look finished (its last row shown, then the blank line over the
// timeline); a list of under sidebarMoreMin lines says neither.
func (s sidebar) shownFrom(off, h int) (end int, up, down bool) {
	n := len(s.entries)
	off = min(max(off, 0), n)
	rows := max(h, 0)
	if rows >= sidebarMoreMin {
		if up = off > 0; up {
			rows--
		}
		if down = n-off > rows; down {
			rows--
		}
	}
	return min(off+rows, n), up, down
}

// entryAt maps a line of the sidebar to an entry index.
// The "↑ N more" and "↓ N more" lines are no entry.
func (s sidebar) entryAt(y int) (int, bool) {
	y -= s.filterHeight()
	h := s.listHeight()
	if y < 0 || y >= h {
		return 0, false
	}
	end, up, _ := s.shownFrom(s.offset, h)
	if up {
		if y == 0 {
			return 0, false
		}
		y--
	}
	i := s.offset + y
	if i >= end {
		return 0, false
	}
	return i, !s.entries[i].header
}
