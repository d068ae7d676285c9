package ui

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/cells"
	"github.com/folio-tui/folio/internal/termsafe"
)

// readerMaxWidth caps the reading column: long lines are hard to read, so on
// a wide terminal the piece is set in a centred column.
const readerMaxWidth = 100

// findMatch is one find-in-piece match, in cells of one rendered line.
type findMatch struct{ line, start, end int }

// The find runs in a Cmd (findCmd), off the Update loop: over a 9.4 MB
// piece it took 7.3 s, during which the screen hung on "find: word" and
// ctrl+c waited for it (a helper's report). What it gives is a count of
// matches by line, not the matches: 1.9M matches held 24 bytes each; the
// counts hold 4 bytes a line of the rendering, whatever the matches. A
// match's cells are found again on its line when it is drawn or jumped to
// (matchAt), by the same rule (findLocs).

// reader shows one piece: a header, the note, the rendered body, scrolled by
// line. Rendering happens in a Cmd (cmds.go); the reader only slices the
// rendered lines, so scrolling never renders anything again.
type reader struct {
	index   int       // position of the piece in the results, for ] and [
	hit     index.Hit // what the list knew about the piece, shown while loading
	article archive.Article
	key     renderKey // the rendering on screen, or being waited for
	ready   bool      // lines hold key's rendering
	err     error

	lines []string // rendered, styled lines
	plain []string // the same lines without styling, for finding
	// quoteDropped: the last rendering dropped a quote being chosen or
	// noted, the piece's text having changed (the root says so)
	quoteDropped bool
	bodyFrom     int // the first line of the piece's body (after the header): quotes start there
	offset       int
	resumeAt     int // the line to show first once rendered: where reading stopped
	// laidOut is where reading was when the piece was last laid out at
	// another width (setSize), for the rendering at the new one: the top
	// line's share of the lines, or the end; placed while one is noted
	laidOut struct {
		share  float64
		end    bool
		placed bool
	}

	related []index.Hit // pieces like this one, for r
	// relatedFailed is why Related could not list them ("" when it could)
	relatedFailed string
	copies        []index.Copy // the group of copies of a republished piece, for A
	tourNote      string       // "related 2/4" during a walk through related pieces
	marks         Marks        // for the star and unread marks in the bar; may be nil

	width, height int

	terms *regexp.Regexp // the query's words, highlighted

	findInput textinput.Model
	finding   bool   // the find box has the keyboard
	lastFind  string // the last term found, which up and an empty enter find again
	findRe    *regexp.Regexp
	findQuery string
	// upTo[i] is the count of matches on the lines before line i (one more
	// than the lines: the last is the count of all); nil while the
	// find runs, or without one
	upTo    []int32
	current int
	// find is the run of the find Cmd: ctx is the program's (the
	// finds end with it)
	find struct {
		ctx     context.Context
		gen     int                // bumped by every find started or stopped; an answer of another is dropped
		stop    context.CancelFunc // cancels the find running; nil when none
		running bool
		jump    bool // asked by enter: go to the first match from the screen, or say none
		// the find laid out anew (setRendered): the match current and
		// the count before, to keep the same one current
		current, was int
	}

	quote     quoteSel    // v: lines being chosen as a quote (quotesel.go)
	quoted    []quoteSpan // where this piece's quotes are, by line
	jumpQuote string      // the quote to show once the quotes are found
}

func newReader(st Styles) reader {
	in := textinput.New()
	in.Prompt = "find: "
	in.CharLimit = 200
	in.SetVirtualCursor(true)
	r := reader{findInput: in}
	r.setStyles(st)
	return r
}

func (r *reader) setStyles(st Styles) {
	s := textinput.DefaultStyles(st.Dark)
	s.Cursor.Blink = false
	s.Focused.Prompt = st.Prompt
	if st.NoColor {
		s = textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
	}
	r.findInput.SetStyles(s)
}

// columnWidth is the width the piece is rendered at.
func (r reader) columnWidth() int { return columnWidthFor(r.width) }

func columnWidthFor(w int) int { return max(min(w, readerMaxWidth), 1) }

// bodyHeight is the lines available to the piece (the last line is the
// reader's bar).
func (r reader) bodyHeight() int { return max(r.height-1, 0) }

// show starts reading hit (at position i of the results). The rendering is
// set later with setRendered.
func (r *reader) show(i int, hit index.Hit, style string, terms *regexp.Regexp) {
	r.index, r.hit = i, hit
	r.article = archive.Article{}
	r.key = renderKey{id: hit.ID, width: r.columnWidth(), style: style}
	r.ready, r.err = false, nil
	r.lines, r.plain = nil, nil
	r.offset, r.resumeAt = 0, 0
	r.laidOut.placed = false
	r.related, r.relatedFailed, r.copies, r.tourNote = nil, "", nil, ""
	r.terms = terms
	r.quote, r.quoted, r.jumpQuote = quoteSel{}, nil, ""
	r.finding = false
	r.findInput.Blur()
	r.dropFind()
}

// renamed follows the open piece to its new ID when its file was renamed
// or moved (Info.Renamed): it is rendered again from there, at the same
// place, rather than said gone.
func (r *reader) renamed(ids map[string]string) {
	if to, ok := ids[r.key.id]; ok && r.key.id != "" {
		r.key.id, r.hit.ID = to, to
	}
}

// setRendered installs a rendering if it is the one the reader waits for.
// It reports whether it was used, and returns the find over the new
// lines when a find is on (findCmd).
func (r *reader) setRendered(m renderedMsg) (bool, tea.Cmd) {
	if m.key != r.key {
		return false, nil
	}
	if m.err != nil {
		r.err, r.ready = m.err, true
		r.lines, r.plain = nil, nil
		r.upTo, r.current = nil, 0
		r.stopFind()
		r.find.jump = false
		return true, nil
	}
	if r.ready && !r.laidOut.placed {
		r.keepPlace() // another style: the same lines' place
	}
	wasReady := r.ready
	oldPlain, oldBody := r.plain, r.bodyFrom
	r.article, r.ready, r.err = m.article, true, nil
	r.related, r.relatedFailed, r.copies = m.related, m.relatedFailed, m.copies
	r.bodyFrom = min(m.bodyStart, len(m.lines))
	// Cleaned here, after Glamour (which decodes entities such as "&#27;"
	// into ESC) and for cached renderings too: only colours and http(s)
	// hyperlinks reach the screen.
	r.lines = make([]string, len(m.lines))
	for i, l := range m.lines {
		r.lines[i] = termsafe.Rendered(l)
	}
	// A line wider than the column when the terminal counts each
	// character's cells (tmux, xterm: a Devanagari conjunct, an emoji
	// sequence) is wrapped, so that none of it runs past the screen's
	// edge and is lost (internal/cells).
	if fitted, at := cells.Fit(r.lines, m.key.width); at != nil {
		r.lines = fitted
		if r.bodyFrom < len(at) {
			r.bodyFrom = at[r.bodyFrom]
		} else {
			r.bodyFrom = len(fitted)
		}
	}
	r.plain = make([]string, len(r.lines))
	for i, l := range r.lines {
		r.plain[i] = ansi.Strip(l)
	}
	switch {
	case wasReady && r.laidOut.end:
		r.offset = r.maxOffset()
	case wasReady:
		// A re-render at another width: the top line's share of the
		// lines, which a round trip of sizes gives back (a helper's
		// report: a share of the scroll range, which the height changes
		// before the rendering comes, drifted 100% → 68% → 53%).
		r.offset = int(r.laidOut.share*float64(len(r.lines)) + 0.5)
	default:
		r.offset = r.resumeAt
	}
	r.laidOut.placed = false
	r.clampOffset()
	var find tea.Cmd
	if r.findRe != nil {
		if r.upTo != nil {
			r.find.current, r.find.was = r.current, r.matchCount()
		}
		find = r.runFind(r.find.jump)
	}
	r.quoted = nil // lines moved: found again (locateQuotes)
	// A quote being chosen or noted stays while the piece reads as it did
	// (a refresh of the archive renders it again: a helper's report found
	// any change in the folder dropped the choice and the note prompt,
	// and the note's keys then ran as commands); else it goes, said.
	// The body alone is compared: the header's related pieces and copies
	// change with the archive (a review: a piece added elsewhere dropped
	// the note being typed); the choice moves with the body.
	r.quoteDropped = false
	switch {
	case !r.quoting():
		r.quote = quoteSel{}
	case oldBody > len(oldPlain) || !slices.Equal(oldPlain[oldBody:], r.plain[r.bodyFrom:]):
		if r.quote.noting {
			// the passage was chosen, and is kept as its text: the
			// note prompt stays, its lines unmarked (a helper's report:
			// a resize closed the prompt, and the rest of the note ran
			// as commands: e opened the editor)
			r.quote.on, r.quote.anchor, r.quote.cursor = false, -1, -1
			break
		}
		r.quote, r.quoteDropped = quoteSel{}, true
	default:
		d := r.bodyFrom - oldBody
		r.quote.anchor += d
		r.quote.cursor += d
	}
	return true, find
}

// setSize resizes the reader. It reports whether the piece must be rendered
// again (the column width changed).
func (r *reader) setSize(w, h int) bool {
	if r.ready && !r.laidOut.placed && r.key.id != "" && r.key.width != columnWidthFor(max(w, 0)) {
		r.keepPlace() // before the new height clamps the old lines
	}
	atEnd := r.ready && r.maxOffset() > 0 && r.offset >= r.maxOffset()
	r.width, r.height = max(w, 0), max(h, 0)
	r.findInput.SetWidth(max(w-10, 1))
	r.clampOffset()
	if atEnd {
		r.offset = r.maxOffset() // a shorter screen at the end stays at the end
	}
	if r.key.id != "" && r.key.width != r.columnWidth() {
		r.key.width = r.columnWidth()
		return true
	}
	return false
}

// restyle switches the Glamour style; it reports whether a render is needed.
func (r *reader) restyle(style string) bool {
	if r.key.id != "" && r.key.style != style {
		r.key.style = style
		return true
	}
	return false
}

// keepPlace notes where reading is, for the next rendering (laidOut).
func (r *reader) keepPlace() {
	r.laidOut.share, r.laidOut.end, r.laidOut.placed = 0, r.maxOffset() > 0 && r.offset >= r.maxOffset(), true
	if len(r.lines) > 0 {
		r.laidOut.share = float64(r.offset) / float64(len(r.lines))
	}
}

func (r reader) maxOffset() int { return max(len(r.lines)-r.bodyHeight(), 0) }

func (r *reader) clampOffset() { r.offset = min(max(r.offset, 0), r.maxOffset()) }

func (r *reader) scroll(n int) {
	r.offset += n
	r.clampOffset()
}

func (r *reader) top()    { r.offset = 0 }
func (r *reader) bottom() { r.offset = r.maxOffset() }

func (r reader) scrollFraction() float64 {
	if r.maxOffset() == 0 {
		return 0
	}
	return float64(r.offset) / float64(r.maxOffset())
}

// scrollPercent is shown in the bar: 100% when everything is on screen.
func (r reader) scrollPercent() int {
	if r.maxOffset() == 0 {
		return 100
	}
	return int(r.scrollFraction()*100 + 0.5)
}

// startFind opens the find box, empty as less's and vim's: up recalls
// the last term (recallFind), and enter on an empty box finds it again.
func (r *reader) startFind() tea.Cmd {
	r.finding = true
	r.findInput.SetValue("")
	return r.findInput.Focus()
}

// recallFind puts the last term in the find box.
func (r *reader) recallFind() {
	r.findInput.SetValue(r.lastFind)
	r.findInput.CursorEnd()
}

// endFind closes the find box, finding what it holds (accept), or the
// last term when it is empty, or dropping it. The find runs in the Cmd
// returned; a find of nothing says so at once (the intent).
func (r *reader) endFind(accept bool) (tea.Cmd, intent) {
	r.finding = false
	r.findInput.Blur()
	if !accept {
		return nil, nil
	}
	q := cmp.Or(r.findInput.Value(), r.lastFind)
	r.dropFind()
	r.findQuery, r.findRe = q, findRegexp(q)
	if r.findRe == nil {
		return nil, nil
	}
	r.lastFind = q
	if r.ready && len(r.plain) == 0 {
		return nil, r.notFound() // a piece not shown: nothing to find in
	}
	return r.runFind(true), nil
}

// runFind starts the find of findRe over the lines shown, stopping one
// running; jump: at its answer, go to the first match from the screen's
// top (gotFound). A piece still loading is found in once rendered
// (setRendered).
func (r *reader) runFind(jump bool) tea.Cmd {
	r.stopFind()
	r.upTo, r.current = nil, 0
	r.find.running, r.find.jump = true, jump
	if !r.ready {
		return nil
	}
	ctx, cancel := context.WithCancel(cmp.Or[context.Context](r.find.ctx, context.Background()))
	r.find.stop = cancel
	return findCmd(ctx, r.plain, r.findRe, r.find.gen)
}

// stopFind cancels the find running, if one is; its answer, if it comes,
// is dropped.
func (r *reader) stopFind() {
	if r.find.stop != nil {
		r.find.stop()
		r.find.stop = nil
	}
	r.find.gen++
	r.find.running = false
}

// dropFind stops the find and forgets it: leaving the piece, esc while it
// runs, another piece.
func (r *reader) dropFind() {
	r.stopFind()
	r.find.jump = false
	r.find.current, r.find.was = 0, 0
	r.findQuery, r.findRe = "", nil
	r.upTo, r.current = nil, 0
}

// findingNow reports whether a find is on its way.
func (r reader) findingNow() bool { return r.find.running }

// foundMsg is findCmd's answer: the count of matches before each line
// (reader.upTo), of the find numbered gen.
type foundMsg struct {
	gen  int
	upTo []int32
	err  error
}

// findCmd counts re's matches on each of lines, stopping when ctx ends.
// lines are the reader's rendering, never changed once made (a new
// rendering is a new slice).
func findCmd(ctx context.Context, lines []string, re *regexp.Regexp, gen int) tea.Cmd {
	return func() tea.Msg {
		upTo := make([]int32, len(lines)+1)
		var n int32
		for i, l := range lines {
			if ctx.Err() != nil {
				return foundMsg{gen: gen, err: ctx.Err()}
			}
			upTo[i] = n
			n += int32(len(findLocs(l, re)))
		}
		upTo[len(lines)] = n
		return foundMsg{gen: gen, upTo: upTo}
	}
}

// findLocs are re's matches on one line, as byte offsets, none empty:
// those the find counts and matchRanges draws.
func findLocs(line string, re *regexp.Regexp) [][]int {
	if re == nil || line == "" {
		return nil
	}
	locs := re.FindAllStringIndex(line, -1)
	return slices.DeleteFunc(locs, func(l []int) bool { return l[1] <= l[0] })
}

// gotFound takes a find's answer, if it is of the find running: with
// enter's, the first match from the screen's top is shown, or "not in
// this piece" said; after a new layout, the same match stays current when
// the count is the same, else the count says where the screen is.
func (r *reader) gotFound(msg foundMsg) intent {
	if msg.gen != r.find.gen || !r.find.running {
		return nil // another find's, or stopped
	}
	r.stopFind()
	if msg.err != nil {
		return nil
	}
	r.upTo, r.current = msg.upTo, 0
	n := r.matchCount()
	current, was := r.find.current, r.find.was
	r.find.current, r.find.was = 0, 0
	switch {
	case r.find.jump:
		r.find.jump = false
		if n == 0 {
			return r.notFound()
		}
		r.jumpToMatch(r.firstMatchFrom(r.offset))
	case n == 0:
	case n == was:
		// the same matches laid out again: the same one is current (a
		// review's report: the first on screen, above it, sent n back)
		r.current = min(current, n-1)
	default:
		// the count says where the screen is
		r.current = r.lastMatchBefore(r.offset + r.bodyHeight())
		if i := r.firstMatchFrom(r.offset); r.matchLine(i) >= r.offset {
			r.current = i
		}
	}
	return nil
}

// matchCount is the count of the find's matches (0 while it runs).
func (r reader) matchCount() int {
	if len(r.upTo) == 0 {
		return 0
	}
	return int(r.upTo[len(r.upTo)-1])
}

// matchLine is the line of match i.
func (r reader) matchLine(i int) int {
	return sort.Search(len(r.upTo)-1, func(l int) bool { return int(r.upTo[l+1]) > i })
}

// matchAt is match i, its cells found on its line.
func (r reader) matchAt(i int) findMatch {
	line := r.matchLine(i)
	if line >= len(r.plain) {
		return findMatch{line: line}
	}
	ms := matchRanges(r.plain[line], r.findRe, lipgloss.Style{})
	if k := i - int(r.upTo[line]); k >= 0 && k < len(ms) {
		return findMatch{line: line, start: ms[k].start, end: ms[k].end}
	}
	return findMatch{line: line}
}

// firstMatchFrom is the first match on or after line.
func (r reader) firstMatchFrom(line int) int {
	if n := r.matchCount(); n > 0 {
		if i := int(r.upTo[min(max(line, 0), len(r.upTo)-1)]); i < n {
			return i
		}
	}
	return 0
}

// lastMatchBefore is the last match before line, or the last of all.
func (r reader) lastMatchBefore(line int) int {
	n := r.matchCount()
	if n == 0 {
		return -1
	}
	if i := int(r.upTo[min(max(line, 0), len(r.upTo)-1)]); i > 0 {
		return i - 1
	}
	return n - 1
}

// nextMatch moves to the next (dir 1) or previous (dir -1) match, wrapping.
// When the current match is off the screen (scrolled away from), the next
// is the first from the screen's top and the previous the last before its
// bottom, as less does (a helper's report: n went back to the match left
// behind, from the top of the piece to its end).
func (r *reader) nextMatch(dir int) bool {
	n := r.matchCount()
	if n == 0 {
		return false
	}
	if line := r.matchLine(r.current); line < r.offset || line >= r.offset+r.bodyHeight() {
		if dir > 0 {
			r.jumpToMatch(r.firstMatchFrom(r.offset))
		} else {
			r.jumpToMatch(r.lastMatchBefore(r.offset + r.bodyHeight()))
		}
		return true
	}
	r.jumpToMatch((r.current + dir + n) % n)
	return true
}

// jumpToMatch makes match i current and scrolls it into view, a third of
// the way down the screen so that its context shows.
func (r *reader) jumpToMatch(i int) {
	if i < 0 || i >= r.matchCount() {
		return
	}
	r.current = i
	line := r.matchLine(i)
	if line < r.offset || line >= r.offset+r.bodyHeight() {
		r.offset = line - r.bodyHeight()/3
		r.clampOffset()
	}
}

func (r reader) view(st Styles) string {
	if r.width <= 0 || r.height <= 0 {
		return ""
	}
	colW := r.columnWidth()
	margin := strings.Repeat(" ", max((r.width-colW)/2, 0))
	bodyH := r.bodyHeight()
	lines := make([]string, 0, r.height)

	switch {
	case r.err != nil:
		lines = append(lines, "", "  "+st.ReaderTitle.Render(truncateCells(oneLine(r.hit.Title), colW-2)),
			"", "  "+st.Error.Render(truncateCells("Could not show this piece: "+archive.SanitizeLine(termsafe.ErrText(r.err)), colW-2)))
	case !r.ready:
		lines = append(lines, "", "  "+st.ReaderTitle.Render(truncateCells(oneLine(r.hit.Title), colW-2)),
			"", "  "+st.Hint.Render("Loading…"))
	default:
		end := min(r.offset+bodyH, len(r.lines))
		marks := newTermCells(r.plain, r.offset, end, r.terms)
		for i := r.offset; i < end; i++ {
			lines = append(lines, r.highlight(i, marks.at(i), st))
		}
	}
	for i, l := range lines {
		lines[i] = margin + truncateCells(l, colW)
	}
	if len(lines) > bodyH {
		lines = lines[:bodyH]
	}
	for len(lines) < bodyH {
		lines = append(lines, "")
	}
	lines = append(lines, r.barView(st))
	return strings.Join(lines, "\n")
}

// highlight styles the find matches (the current one apart) and the query's
// words on rendered line i.
func (r reader) highlight(i int, terms []cellRange, st Styles) string {
	var ranges []cellRange
	if i+1 < len(r.upTo) && r.upTo[i+1] > r.upTo[i] {
		ranges = matchRanges(r.plain[i], r.findRe, st.FindMatch)
		if k := r.current - int(r.upTo[i]); k >= 0 && k < len(ranges) {
			ranges[k].style = st.FindCurrent
		}
	}
	for _, c := range terms {
		ranges = append(ranges, cellRange{start: c.start, end: c.end, style: st.Match})
	}
	return r.quoteLineView(i, applyRanges(r.lines[i], ranges), st)
}

// title is the open piece's title: as its file now gives it once
// rendered (a refresh renders an edited piece again), else its hit's (a
// helper's report: the bar kept the title from before the edit).
func (r reader) title() string {
	if r.ready && r.article.ID != "" {
		return r.article.Title
	}
	return r.hit.Title
}

// barView is the reader's last line: the find box, or the piece's title,
// the find position and the scroll percentage.
func (r reader) barView(st Styles) string {
	if r.finding {
		return truncateCells(" "+r.findInput.View(), r.width)
	}
	if bar, ok := r.quoteBar(st); ok {
		return bar
	}
	right := fmt.Sprintf("%d%%", r.scrollPercent())
	if !r.ready {
		right = "loading" // a percentage of nothing would say 100%
	}
	if r.tourNote != "" {
		right = r.tourNote + " · " + right
	}
	if r.marks != nil && r.key.id != "" && !r.marks.IsRead(r.key.id) {
		right = "unread · " + right // only after m: opening marks a piece read
	}
	if r.findQuery != "" {
		switch n := r.matchCount(); {
		case r.find.running:
			right = fmt.Sprintf("finding “%s”… · %s", truncateCells(r.findQuery, 20), right)
		case n == 0:
			right = fmt.Sprintf("“%s” not found · %s", truncateCells(r.findQuery, 20), right)
		default:
			right = fmt.Sprintf("“%s” %d/%d · %s", truncateCells(r.findQuery, 20), r.current+1, n, right)
		}
	}
	right = " " + right + " "
	leftW := max(r.width-ansi.StringWidth(right)-1, 0)
	title := " " + oneLine(stripMarks(r.title()))
	if r.marks != nil && r.key.id != "" && r.marks.IsStarred(r.key.id) {
		title = " " + starMark + title
	}
	left := fitCells(title, leftW)
	return st.ReaderBar.Render(left+" ") + st.ScrollAmount.Render(truncateCells(right, r.width-leftW-1))
}

// composePiece lays out a piece for the reader at width cells: the header
// (title, outlet · date · authors · language when known, tags, the URL as a terminal hyperlink,
// where else it ran (copies), related pieces when the index can find
// them, and why they are by tags only or could not be listed when said
// says so), the keeper's note as a quote, then the rendered body.
func composePiece(a archive.Article, related []index.Hit, said relatedNote, copies []index.Copy, body []string, width int, st Styles) (lines []string, bodyStart int) {
	const indent = "  " // Glamour's own document margin
	w := max(width-2*len(indent), 1)
	wrap := func(style lipgloss.Style, s string) []string {
		return strings.Split(KeepingSigns(s, func(s string) string { return style.Width(w).Render(s) }), "\n")
	}
	var out []string
	add := func(ls ...string) {
		for _, l := range ls {
			out = append(out, trimRightCells(indent+l))
		}
	}

	add("")
	add(wrap(st.ReaderTitle, oneLine(a.Title))...)
	var meta []string
	for _, m := range a.Meta() {
		if m = oneLine(m); m != "" {
			meta = append(meta, m)
		}
	}
	if len(meta) > 0 {
		add(wrap(st.ReaderMeta, strings.Join(meta, " · "))...)
	}
	if len(a.Tags) > 0 {
		add(wrap(st.ReaderTag, tagLine(a.Tags))...)
	}
	if link := a.Link(); link != "" {
		// a host that is not plain ASCII (a look-alike) is spelt as the
		// browser asks for it: beside the link when both fit, else under it
		note := archive.HostNote(link)
		switch n := ansi.StringWidth(note); {
		case note == "":
			add(hyperlink(link, w, st))
		case w-n >= 20:
			add(hyperlink(link, w-n, st) + st.ReaderMeta.Render(note))
		default:
			add(hyperlink(link, w, st))
			add(wrap(st.ReaderMeta, strings.TrimSpace(note))...)
		}
	}
	add(copyLines(a.ID, copies, w, st)...)
	if sf := strings.TrimSpace(a.Standfirst); sf != "" {
		add("")
		add(wrap(st.ReaderMeta.Italic(true), oneLine(sf))...)
	}
	add(relatedLines(a, related, said, w, st)...)
	if note := strings.TrimSpace(a.Note); note != "" {
		add("")
		quote := st.ReaderNote.
			Border(lipgloss.ThickBorder(), false, false, false, true).
			BorderForeground(st.Rule.GetForeground()).
			PaddingLeft(1).
			Width(w)
		add(strings.Split(KeepingSigns(note, func(s string) string { return quote.Render(s) }), "\n")...)
	}
	add("", st.Rule.Render(strings.Repeat("─", w)))
	bodyStart = len(out)
	out = append(out, body...)
	out = append(out, "")
	return out, bodyStart
}

// relatedNote is what the reader says of a piece's Related list beside
// its pieces: tagsOnly, why they were found by the piece's tags alone;
// failed, why none could be listed (the search failed outright: a closed
// index). Both are text for one line, safe for the terminal.
type relatedNote struct{ tagsOnly, failed string }

// relatedLines lists the pieces related to a, when there are any; when
// said.tagsOnly is not empty they were found by a's tags alone, and a line
// under the header says so and why, even when none were. When the search
// failed (said.failed) one line says so where the list would be.
func relatedLines(a archive.Article, related []index.Hit, said relatedNote, w int, st Styles) []string {
	if said.failed != "" {
		return []string{"", st.Hint.Render(truncateCells("Related: could not be listed ("+said.failed+").", w))}
	}
	if len(related) == 0 && said.tagsOnly == "" {
		return nil
	}
	out := []string{"", st.GroupHeader.Render("Related")}
	if len(related) > 0 {
		out[1] += st.Hint.Render(" · r reads them in turn")
	}
	if tagsOnly := said.tagsOnly; tagsOnly != "" {
		said := "By tags only: " + tagsOnly + "."
		if len(related) == 0 {
			said = "None found by tags only: " + tagsOnly + "."
		}
		out = append(out, strings.Split(st.Hint.Width(w).Render(said), "\n")...)
	}
	byline := relatedBylines(a, related)
	for i, h := range related {
		line := fmt.Sprintf("%d. %s  %s", i+1, h.Date.String(), oneLine(stripMarks(h.Title)))
		if by := archive.Byline(h.Authors); byline && by != "" {
			line += " · " + oneLine(by)
		}
		out = append(out, st.ReaderMeta.Render(truncateCells(line, w)))
	}
	return out
}

// relatedBylines reports whether related pieces name their authors: when
// they and the piece are not all by one author (four SOTU pieces have the
// same title; their presidents tell them apart).
func relatedBylines(a archive.Article, related []index.Hit) bool {
	arts := []archive.Article{a}
	for _, h := range related {
		arts = append(arts, archive.Article{Authors: h.Authors})
	}
	return archive.ManyAuthors(arts)
}

// tagLine is the reader's tags: "#go fix · #static analysis", a tag's words
// joined by no-break spaces so that wrapping never splits one.
func tagLine(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "#" + strings.ReplaceAll(oneLine(t), " ", "\u00a0")
	}
	return strings.Join(out, " · ")
}

// hyperlink shows a URL as an OSC 8 terminal hyperlink, cut to width where
// it keeps its host (truncateURL). Only a
// URL that folio would open gets the link escape; anything else is shown as
// plain (sanitised) text.
func hyperlink(u string, width int, st Styles) string {
	text := truncateURL(archive.SanitizeLine(u), width)
	if checkURL(u) != nil {
		return st.ReaderMeta.Render(text)
	}
	return ansi.SetHyperlink(u) + st.ReaderURL.Render(text) + ansi.ResetHyperlink()
}
