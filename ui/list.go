package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/numfmt"
)

// pageSize is how many hits one search request asks for. The list holds
// pages sparsely and asks for a page only when it comes into view, so 100k
// hits cost no more than the few pages around the cursor.
const pageSize = 100

// resultList is the main list of hits. It renders only the rows on screen.
type resultList struct {
	gen     int                 // generation of the search these hits belong to
	total   int                 // hits the query matched
	pages   map[int][]index.Hit // page number -> hits
	pending map[int]bool        // pages requested and not yet answered
	hasText bool                // the query has text: rows show a snippet

	// estimated: total may count pieces without a phrase's forms as
	// written, checked for the page alone while typing, or leave out some
	// the word being typed begins, checked on the first of its candidates
	// alone (Results.Estimated)
	estimated bool

	// bare is where page 0's hits without snippets begin: a typed
	// query's page has snippets for the rows then on screen alone
	// (index.Query.Snippets); 0 when every hit has them. Scrolling to a
	// bare row asks for page 0 again, with every snippet (wantPages).
	bare int

	cursor int // selected hit, 0..total-1
	offset int // first hit on screen

	// keep is the piece the cursor stays on when the archive changed and
	// the results came again (see restorePlace).
	keep keptPlace

	// marks answers whether a piece is read and starred; nil (no reading
	// state) leaves the marks column out.
	marks Marks

	// fresh are the pieces new since the saved search open was last
	// opened (setFresh); nil when none is open
	fresh map[string]bool

	// manyAuthors: the archive has more than one author, so rows name
	// them (see sawAuthors).
	manyAuthors bool

	width, height int
	focused       bool
}

// The marks of the reading state, in the list, the sidebar and the reader.
const (
	starMark   = "★"
	unreadMark = "•"
	// newMark begins the line under the title of a piece new since the
	// saved search open was last opened (saved.go, savedNew)
	newMark = "new"
)

func newResultList() resultList {
	return resultList{pages: map[int][]index.Hit{}, pending: map[int]bool{}}
}

// reset replaces the list with the first page of a new search. The cursor
// goes back to the top: these are other results. snippets is how many of
// its first hits have snippets (index.Query.SnippetHits; -1 for all).
func (l *resultList) reset(gen int, r index.Results, hasText bool, snippets int) {
	l.gen = gen
	l.bare = 0
	if hasText && snippets > 0 && snippets < len(r.Hits) {
		l.bare = snippets
	}
	l.total = max(r.Total, len(r.Hits))
	l.estimated = r.Estimated
	l.pages = map[int][]index.Hit{0: r.Hits}
	l.pending = map[int]bool{}
	l.hasText = hasText
	l.cursor, l.offset = 0, 0
}

// addPage stores a further page of the current search.
func (l *resultList) addPage(offset int, hits []index.Hit) {
	p := offset / pageSize
	delete(l.pending, p)
	l.pages[p] = hits
	if p == 0 {
		l.bare = 0
	}
}

// hit returns hit i if its page is loaded.
func (l resultList) hit(i int) (index.Hit, bool) {
	if i < 0 || i >= l.total {
		return index.Hit{}, false
	}
	page, ok := l.pages[i/pageSize]
	if !ok || i%pageSize >= len(page) {
		return index.Hit{}, false
	}
	return page[i%pageSize], true
}

func (l resultList) selected() (index.Hit, bool) { return l.hit(l.cursor) }

// rowHeight is the lines one hit takes: title, meta line, a snippet when the
// query has text, and a blank line between hits when there is room.
func (l resultList) rowHeight() int {
	h := 2
	if l.hasText {
		h++
	}
	if l.height >= 3*(h+1) {
		h++
	}
	return h
}

// visibleRows is how many hits fit on screen (at least one).
func (l resultList) visibleRows() int { return max(l.height/l.rowHeight(), 1) }

// typedRows is how many hits a typed query's answer needs snippets for
// (index.Query.Snippets): those on screen from the top, rows with text,
// and one more. The query as written replaces the page once typing
// stops; a bare row scrolled to before (the wheel, a click, a taller
// window, a refresh's kept place) asks for the page again (bare,
// wantPages).
func (l resultList) typedRows() int {
	l.hasText = true
	return l.visibleRows() + 1
}

func (l *resultList) setSize(w, h int) {
	l.width, l.height = max(w, 0), max(h, 0)
	l.follow()
}

// moveTo puts the cursor on hit i (clamped) and scrolls it into view.
func (l *resultList) moveTo(i int) {
	if l.total == 0 {
		l.cursor, l.offset = 0, 0
		return
	}
	l.cursor = min(max(i, 0), l.total-1)
	l.follow()
}

func (l *resultList) move(delta int) { l.moveTo(l.cursor + delta) }

// follow keeps the cursor on screen.
func (l *resultList) follow() {
	rows := l.visibleRows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = min(max(l.offset, 0), max(l.total-rows, 0))
}

// scroll moves the view by delta rows (mouse wheel), dragging the cursor
// along when it would leave the screen.
func (l *resultList) scroll(delta int) {
	rows := l.visibleRows()
	l.offset = min(max(l.offset+delta, 0), max(l.total-rows, 0))
	if l.cursor < l.offset {
		l.cursor = l.offset
	}
	if l.cursor >= l.offset+rows {
		l.cursor = l.offset + rows - 1
	}
}

// wantPages returns the offsets of pages that should be loaded for what is on
// screen (and one page either side of the cursor, so that ] in the reader
// rarely waits) and marks them pending.
func (l *resultList) wantPages() []int {
	if l.total == 0 {
		return nil
	}
	need := map[int]bool{}
	last := min(l.offset+l.visibleRows(), l.total) - 1
	for p := l.offset / pageSize; p <= last/pageSize; p++ {
		need[p] = true
	}
	for _, i := range []int{l.cursor - pageSize/2, l.cursor, l.cursor + pageSize/2} {
		if i >= 0 && i < l.total {
			need[i/pageSize] = true
		}
	}
	// a bare row (no snippet) on screen or under the cursor: page 0 again
	reload := l.bare > 0 && (last >= l.bare || l.cursor >= l.bare)
	var offsets []int
	for p := range need {
		if _, ok := l.pages[p]; ok && !(p == 0 && reload) || l.pending[p] {
			continue
		}
		l.pending[p] = true
		offsets = append(offsets, p*pageSize)
	}
	return offsets
}

// rowAt maps a line of the list (0 = first line) to a hit index.
func (l resultList) rowAt(y int) (int, bool) {
	if y < 0 || y >= l.height {
		return 0, false
	}
	i := l.offset + y/l.rowHeight()
	return i, i < l.total
}

func (l resultList) view(st Styles) string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	lines := make([]string, 0, l.height)
	rh := l.rowHeight()
	for i := l.offset; i < l.total && len(lines) < l.height; i++ {
		for _, line := range l.row(i, rh, st) {
			if len(lines) < l.height {
				lines = append(lines, line)
			}
		}
	}
	for len(lines) < l.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// barOnly is the left edge of a row: the cursor bar on the selected hit
// (dim when the list does not have the keyboard), else blanks.
func barOnly(selected, focused bool, st Styles) string {
	switch {
	case !selected:
		return "  "
	case focused:
		return st.CursorBar.Render("▌ ")
	}
	return st.Meta.Render("▌ ")
}

// row renders hit i as rh lines.
func (l resultList) row(i, rh int, st Styles) []string {
	selected := i == l.cursor
	bar := barOnly(selected, l.focused, st)
	w := max(l.width-2, 0)
	out := make([]string, 0, rh)
	h, ok := l.hit(i)
	if !ok {
		out = append(out, bar+st.Meta.Render(truncateCells("…", w)))
		for len(out) < rh {
			out = append(out, "")
		}
		return out
	}

	titleStyle := st.Title
	if selected {
		titleStyle = st.TitleSelected
	}
	title := h.Title
	if h.TitleMarked != "" {
		title = h.TitleMarked
	}
	marks, indent := l.marksColumn(h, st)
	bar += marks
	w = max(w-len(indent), 0)
	out = append(out, bar+truncateCells(renderMarked(title, titleStyle, st.Match), w))
	meta := l.meta(h)
	metaBar := "  " + indent
	if selected {
		metaBar = barOnly(selected, l.focused, st) + indent
	}
	if l.fresh[h.ID] {
		out = append(out, metaBar+truncateCells(st.UnreadMark.Render(newMark)+st.Meta.Render(" · "+meta), w))
	} else {
		out = append(out, metaBar+st.Meta.Render(truncateCells(meta, w)))
	}

	if l.hasText {
		snippet := ""
		if len(h.Snippets) > 0 {
			snippet = renderMarked(h.Snippets[0], st.Snippet, st.Match)
		}
		out = append(out, metaBar+truncateCells(snippet, w))
	}
	for len(out) < rh {
		out = append(out, "")
	}
	return out
}

// marksColumn is the marks of hit h: unread dot, then star, so each keeps
// its place and a column of dots reads at a glance; indent is as wide, for
// the lines under the title. Both are "" without a reading state.
func (l resultList) marksColumn(h index.Hit, st Styles) (marks, indent string) {
	if l.marks == nil {
		return "", ""
	}
	unread, star := " ", " "
	if !l.marks.IsRead(h.ID) {
		unread = st.UnreadMark.Render(unreadMark)
	}
	if l.marks.IsStarred(h.ID) {
		star = st.StarMark.Render(starMark)
	}
	return unread + star + " ", "   "
}

// meta is the line under a hit's title: date, authors when the archive
// has several, outlet (with "+1 copy" when the piece ran elsewhere too:
// copies.go), tags.
func (l resultList) meta(h index.Hit) string {
	var meta []string
	if d := h.Date.String(); d != "" {
		meta = append(meta, d)
	}
	if by := archive.Byline(h.Authors); by != "" && l.manyAuthors {
		meta = append(meta, archive.SanitizeLine(by))
	}
	if h.Outlet != "" {
		meta = append(meta, archive.SanitizeLine(h.Outlet))
	}
	if n := len(h.Copies); n > 0 {
		meta = append(meta, copyCount(n))
	}
	if len(h.Tags) > 0 {
		meta = append(meta, tagList(h.Tags))
	}
	return strings.Join(meta, " · ")
}

// sawAuthors notes the authors of a set of results: once more than one has
// been seen (the first, unfiltered results show the archive's), rows name
// their authors.
func (l *resultList) sawAuthors(authors []index.FacetValue) {
	if len(authors) > 1 {
		l.manyAuthors = true
	}
}

// tagList shows tags so that a tag of several words reads as one:
// "go fix, static analysis", never "go fix static analysis".
func tagList(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = archive.SanitizeLine(t)
	}
	return strings.Join(out, ", ")
}

// estimatedMark marks a count that may be off (index.Results.Estimated),
// in the header and in the sidebar alike.
const estimatedMark = "≈"

// countText is the "3 of 7" at the top right.
// An estimated total reads "≈1,380 of 100,000".
func (l resultList) countText(archiveCount int) string {
	n := numfmt.Thousands(l.total)
	if l.estimated {
		n = estimatedMark + n
	}
	if archiveCount > 0 && archiveCount >= l.total {
		return fmt.Sprintf("%s of %s", n, numfmt.Thousands(archiveCount))
	}
	return n + " found"
}

// update handles a key of the list. ok is false for a key that is not the
// list's (the root then tries its own).
func (l resultList) update(msg tea.KeyPressMsg, k KeyMap) (resultList, intent, bool) {
	switch {
	case key.Matches(msg, k.Clear):
		return l, clearQueryIntent{}, true
	case key.Matches(msg, k.UseSuggestion):
		return l, useSuggestionIntent{}, true
	case key.Matches(msg, k.Open):
		return l, openPieceIntent{i: l.cursor}, true
	case key.Matches(msg, k.ToggleRead, k.ToggleStar):
		h, ok := l.selected()
		if !ok {
			return l, nil, true
		}
		return l, markIntent{id: h.ID, star: key.Matches(msg, k.ToggleStar)}, true
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.Top):
		l.moveTo(0)
	case key.Matches(msg, k.Bottom):
		l.moveTo(l.total - 1)
	case key.Matches(msg, k.PageUp):
		l.move(-l.visibleRows())
	case key.Matches(msg, k.PageDown):
		l.move(l.visibleRows())
	default:
		return l, nil, false
	}
	return l, pagesIntent{}, true
}

// at is the hit under the cursor.
func (l resultList) at() int { return l.cursor }

// The list as the root sees it.

// count is the number of hits of the search.
func (l resultList) count() int { return l.total }

// size is the list's width and height on screen.
func (l resultList) size() (w, h int) { return l.width, l.height }

// setFocused says whether the list has the keyboard (the cursor bar is dim
// when it has not).
func (l *resultList) setFocused(f bool) { l.focused = f }

// setMarks gives the list the marks it shows; nil leaves the column out.
func (l *resultList) setMarks(mk Marks) { l.marks = mk }

// setFresh marks the pieces new since the saved search open was last
// opened (their rows say newMark); nil marks none.
func (l *resultList) setFresh(ids map[string]bool) { l.fresh = ids }

// pageFailed forgets the request of the page at offset, which failed.
func (l *resultList) pageFailed(offset int) { delete(l.pending, offset/pageSize) }

// keepPlace asks the list to put the cursor back on a piece once the
// results of the search after a refresh are in (see restorePlace).
func (l *resultList) keepPlace(k keptPlace) { l.keep = k }
