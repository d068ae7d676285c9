package ui

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
)

// Quotes: the passages kept with v in the reader (quotesel.go), listed by
// Q (those of the piece open, of the pieces in the current results, or
// all of them) with enter jumping to each in its piece; the Cmds that
// open, save and find them are in cmdsquotes.go.

// QuoteBook is the reader's quotes on one archive; the state package's
// Quotes implements it. All and Of work in memory and are called from
// Update and View; Add, Save and Reload are called only from a Cmd.
type QuoteBook interface {
	All() []state.Quote
	Of(piece string) []state.Quote
	// Pieces lists the pieces with quotes, sorted (the Quoted filter).
	Pieces() []string
	Add(q state.Quote) (state.Quote, error)
	Save() error
	// Reload takes in the quotes other folio processes saved.
	Reload() (changed bool, err error)
	// Unsaved reports whether changes wait for a Save (one failed).
	Unsaved() bool
}

// keepQuoteIntent saves a quote chosen in the reader; tail is how many
// letters and digits of the piece's body come after it (chosenQuote).
type keepQuoteIntent struct {
	quote state.Quote
	tail  int
}

// jumpQuoteIntent opens a quote's piece at the quote.
type jumpQuoteIntent struct{ quote state.Quote }

func (keepQuoteIntent) intent() {}
func (jumpQuoteIntent) intent() {}

// quoteKeys are the keys of the list of quotes.
type quoteKeys struct{ Close, Up, Down, Jump, Scope, Filter key.Binding }

func newQuoteKeys() quoteKeys {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return quoteKeys{
		Close:  b([]string{"esc", "q", "Q"}, "esc", "back"),
		Up:     b([]string{"up", "k"}, "↑/k", "up"),
		Down:   b([]string{"down", "j"}, "↓/j", "down"),
		Jump:   b([]string{"enter"}, "enter", "go to the quote"),
		Scope:  b([]string{"tab"}, "tab", "piece → results → all"),
		Filter: b([]string{"/"}, "/", "filter by words"),
	}
}

func (k quoteKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Jump, k.Scope, k.Filter, k.Close}
}
func (k quoteKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// quoteScope is which quotes the list shows.
type quoteScope int

const (
	scopePiece   quoteScope = iota // the piece open in the reader
	scopeResults                   // the pieces of the current results
	scopeAll
)

// quoteList is the Q overlay: the quotes, the newest first, those with
// every word typed after / (in the passage, the note or the citation: see
// state.Quote.Matches).
type quoteList struct {
	open   bool
	piece  string // the piece open when Q was pressed; "" from the list
	scope  quoteScope
	scopes []quoteScope // those tab goes through, in order
	quotes []state.Quote

	// The quoted pieces among the results, found by a Cmd
	// (quoteResultsCmd): nil until they come; seq tells the answer to
	// this list's question from a late one.
	results    map[string]bool
	resultsErr error
	seq        int

	cursor int

	filter    textinput.Model
	filtering bool // the filter has the keyboard
}

// show opens the list with the quotes of book: those of piece, then (when
// narrowed: a query or filter is on) those of the results, then all; the
// first of these is shown. The filter box takes the styles of in.
func (l *quoteList) show(book QuoteBook, piece string, narrowed bool, in textinput.Styles) {
	*l = quoteList{open: true, piece: piece, filter: textinput.New(), seq: l.seq + 1}
	if piece != "" {
		l.scopes = append(l.scopes, scopePiece)
	}
	if narrowed {
		l.scopes = append(l.scopes, scopeResults)
	}
	l.scopes = append(l.scopes, scopeAll)
	l.scope = l.scopes[0]
	l.filter.Prompt = "/"
	l.filter.CharLimit = 200
	l.filter.SetVirtualCursor(true)
	l.filter.SetStyles(in)
	l.load(book)
}

// wantsResults says whether the list needs the quoted pieces of the
// results.
func (l quoteList) wantsResults() bool { return slices.Contains(l.scopes, scopeResults) }

// gotResults takes the quoted pieces of the results, if they answer this
// list's question.
func (l *quoteList) gotResults(msg quoteResultsMsg, book QuoteBook) {
	if !l.open || msg.seq != l.seq {
		return
	}
	l.results, l.resultsErr = make(map[string]bool, len(msg.ids)), msg.err
	for _, id := range msg.ids {
		l.results[id] = true
	}
	l.load(book)
}

func (l *quoteList) load(book QuoteBook) {
	var qs []state.Quote
	switch l.scope {
	case scopePiece:
		qs = book.Of(l.piece)
	case scopeResults:
		for _, q := range book.All() {
			if l.results[q.Piece] {
				qs = append(qs, q)
			}
		}
	default:
		qs = book.All()
	}
	l.quotes = nil
	for i := len(qs) - 1; i >= 0; i-- {
		if qs[i].Matches(l.filter.Value()) {
			l.quotes = append(l.quotes, qs[i])
		}
	}
	l.cursor = min(l.cursor, max(len(l.quotes)-1, 0))
}

// filterKey handles a key while the filter has the keyboard: enter keeps
// it, esc clears it.
func (l quoteList) filterKey(msg tea.KeyPressMsg, book QuoteBook) quoteList {
	switch msg.String() {
	case "enter":
		l.filtering = false
		l.filter.Blur()
	case "esc":
		l.filtering = false
		l.filter.Blur()
		l.filter.SetValue("")
	default:
		l.filter, _ = l.filter.Update(msg)
	}
	l.load(book)
	return l
}

// update handles a key while the list is open.
func (l quoteList) update(msg tea.KeyPressMsg, k quoteKeys, book QuoteBook) (quoteList, intent) {
	if l.filtering {
		return l.filterKey(msg, book), nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		l.filtering = true
		l.filter.Focus()
	case key.Matches(msg, k.Close):
		l.open = false
	case key.Matches(msg, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, k.Down):
		l.cursor = min(l.cursor+1, max(len(l.quotes)-1, 0))
	case key.Matches(msg, k.Scope):
		if len(l.scopes) > 1 {
			i := slices.Index(l.scopes, l.scope)
			l.scope, l.cursor = l.scopes[(i+1)%len(l.scopes)], 0
			l.load(book)
		}
	case key.Matches(msg, k.Jump):
		if l.cursor < len(l.quotes) {
			l.open = false
			return l, jumpQuoteIntent{quote: l.quotes[l.cursor]}
		}
	}
	return l, nil
}

// view is the list over the screen: each quote's piece and date, the first
// line of its passage and its note; the cursor's quote in full.
func (l quoteList) view(w, h int, st Styles) string {
	count := fmt.Sprint(len(l.quotes))
	if l.scope == scopeResults && l.results == nil {
		count = "…"
	}
	head := st.Brand.Render(fmt.Sprintf("Quotes · %s (%s)", l.scope.name(), count))
	hint := "  (enter go to it · / filter · esc close"
	if len(l.scopes) > 1 {
		var names []string
		for _, s := range l.scopes {
			names = append(names, s.short())
		}
		// Short enough for a line of 100 cells with all three.
		hint = "  (enter go · / filter · esc close · tab " + strings.Join(names, "→")
	}
	lines := []string{head + st.Hint.Render(hint+")"), ""}
	if l.filtering || l.filter.Value() != "" {
		lines[1] = l.filter.View()
	}
	switch {
	case l.scope == scopeResults && l.results == nil:
		lines = append(lines, st.Hint.Render("Finding the quoted pieces among the results…"))
	case l.scope == scopeResults && l.resultsErr != nil:
		lines = append(lines, st.Hint.Render(truncateCells("Could not find them: "+archive.SanitizeLine(termsafe.ErrText(l.resultsErr)), max(w-6, 10))))
	case len(l.quotes) == 0 && l.filter.Value() != "":
		lines = append(lines, st.Hint.Render("No quote has all these words."))
	case len(l.quotes) == 0 && l.scope == scopeResults:
		lines = append(lines, st.Hint.Render("None of the results has a quote: tab lists all of them."))
	case len(l.quotes) == 0:
		lines = append(lines, st.Hint.Render("None yet: v in the reader chooses lines to keep as a quote."))
	}
	if len(l.quotes) == 0 {
		return overlayBox(strings.Join(lines, "\n"), w, h, st)
	}
	inner := max(min(w-6, 100), 10)
	room := max(h-4-len(lines), 3)
	// The quotes before the cursor's take at most a third of the room.
	first, above := l.cursor, 0
	for first > 0 {
		n := len(l.entry(first-1, inner, st))
		if above+n > room/3 {
			break
		}
		first, above = first-1, above+n
	}
	for i := first; i < len(l.quotes) && len(lines) < room+2; i++ {
		lines = append(lines, l.entry(i, inner, st)...)
	}
	return overlayBox(strings.Join(lines, "\n"), w, h, st)
}

// name is the scope in the list's header line.
func (s quoteScope) name() string {
	switch s {
	case scopePiece:
		return "quotes of this piece"
	case scopeResults:
		return "quotes of the results"
	}
	return "all quotes"
}

// short is the scope in the hint of tab.
func (s quoteScope) short() string {
	switch s {
	case scopePiece:
		return "piece"
	case scopeResults:
		return "results"
	}
	return "all"
}

// entry is one quote's lines in the list.
func (l quoteList) entry(i, w int, st Styles) []string {
	q := l.quotes[i]
	cursor := "  "
	title := st.Title
	if i == l.cursor {
		cursor, title = st.CursorBar.Render(quoteMark)+" ", st.TitleSelected
	}
	where := archive.SanitizeLine(q.Citation.Title)
	if where == "" {
		where = archive.SanitizeLine(q.Piece)
	}
	out := []string{cursor + title.Render(truncateCells(where, w-14)) + st.Meta.Render("  "+archive.SanitizeLine(q.Citation.Date))}
	// At most 8 lines of the passage show: what they can hold is cut off
	// before the work of cleaning and wrapping it (a quote may be a whole
	// piece, a megabyte, drawn again at each key).
	exact := q.Exact
	if limit := 32 * max(w, 1); len(exact) > limit {
		exact = strings.ToValidUTF8(exact[:limit], "") + "…"
	}
	passage := "“" + oneLine(archive.Sanitize(exact)) + "”"
	if i != l.cursor {
		out = append(out, "    "+st.Snippet.Render(truncateCells(passage, w-4)))
	} else {
		// The cursor's quote in full, up to 8 lines.
		wrapped := strings.Split(lipgloss.NewStyle().Width(max(w-4, 1)).Render(passage), "\n")
		if len(wrapped) > 8 {
			wrapped = append(wrapped[:7], "…")
		}
		for _, p := range wrapped {
			out = append(out, "    "+st.Snippet.Render(truncateCells(strings.TrimRight(p, " "), w-4)))
		}
	}
	if q.Note != "" {
		out = append(out, "    "+st.Hint.Render(truncateCells("note: "+archive.SanitizeLine(q.Note), w-4)))
	}
	return out
}

// openQuotes is Q: the quotes of the piece open in the reader, or from
// the list and the sidebar those of the results when a query or filter is
// on, else all of them.
func (m *Model) openQuotes() tea.Cmd {
	if m.quotes == nil {
		return m.status.set("Quotes are not available: no state folder", true)
	}
	piece := ""
	if m.focus == paneReader {
		piece = m.reader.pieceID()
	}
	m.quoteList.show(m.quotes, piece, m.narrowed(), m.reader.findInput.Styles())
	// With those other folios kept meanwhile; the results' quoted pieces
	// are found again once they are read in (quotesReloaded).
	return reloadQuotesCmd(m.quotes)
}

// narrowed says whether the results are narrowed by a query or a filter:
// then Q also lists the quotes of the results.
func (m *Model) narrowed() bool {
	return m.searcher != nil && (m.baseQuery.Text != "" || m.sidebar.summary() != "" || m.period != nil)
}

// findQuotedResults asks for the quoted pieces among the results, when
// the list wants them.
func (m *Model) findQuotedResults() tea.Cmd {
	if !m.quoteList.open || !m.quoteList.wantsResults() || m.quotes == nil || m.searcher == nil {
		return nil
	}
	return quoteResultsCmd(m.ctx, m.searcher, m.baseQuery, m.readingFilter, m.reading, m.quotes, m.quoteList.seq)
}

// quotesReloaded shows the quotes other folios kept, once read, and
// finds the quoted pieces among the results with them.
func (m *Model) quotesReloaded(msg quotesReloadedMsg) tea.Cmd {
	if m.quotes == nil {
		return nil
	}
	find := m.findQuotedResults()
	if !msg.changed {
		return find
	}
	if m.quoteList.open {
		m.quoteList.load(m.quotes)
	}
	return tea.Batch(find, m.locateQuotes())
}

// doQuoteIntent carries out the intents of quoting.
func (m *Model) doQuoteIntent(in intent) tea.Cmd {
	switch in := in.(type) {
	case keepQuoteIntent:
		if m.quotes == nil || m.searcher == nil {
			return m.status.set("Quotes are not available: no state folder", true)
		}
		k := keptQuote{save: sync.OnceValue(saveQuoteCmd(m.ctx, m.searcher, m.opts.OpenCiteKeys, m.quotes, in.quote, in.tail)), started: new(atomic.Bool)}
		m.keptQuotes = append(m.keptQuotes, k)
		return tea.Batch(m.status.set("Keeping the quote…", false), func() tea.Msg {
			k.started.Store(true)
			return k.save()
		})
	case jumpQuoteIntent:
		return m.jumpToQuote(in.quote)
	}
	return nil
}

// jumpToQuote shows a quote in its piece: at once when the piece is open,
// else once it is rendered and its quotes are found.
func (m *Model) jumpToQuote(q state.Quote) tea.Cmd {
	if m.focus == paneReader && m.reader.pieceID() == q.Piece && m.reader.loaded() {
		m.reader.jumpQuote = q.ID
		return m.locateQuotes()
	}
	i, h := m.list.at(), index.Hit{ID: q.Piece, Title: q.Citation.Title, Outlet: q.Citation.Outlet, Authors: q.Citation.Authors, URL: q.Citation.URL}
	h.Date, _ = archive.ParseDate(q.Citation.Date)
	// Among the results loaded, the piece keeps its place for ] and [.
	for j := range min(m.list.count(), maxQuoteHitScan) {
		if hit, ok := m.list.hit(j); ok && hit.ID == q.Piece {
			i, h = j, hit
			m.list.moveTo(j)
			break
		}
	}
	cmd := m.showPiece(i, h)
	m.reader.jumpQuote = q.ID
	return cmd
}

// maxQuoteHitScan bounds the results looked through for a quote's piece.
const maxQuoteHitScan = 10000

// locateQuotes finds the open piece's quotes in its rendering, in a Cmd.
func (m *Model) locateQuotes() tea.Cmd {
	if m.quotes == nil || !m.reader.loaded() {
		return nil
	}
	qs := m.quotes.Of(m.reader.pieceID())
	a, _ := m.reader.fullPiece()
	return locateQuotesCmd(m.reader.rendering(), m.reader.plainLines(), a.Body, qs)
}

// quotesFound marks the open piece's quotes, and says where a jump to a
// quote that was not found ended.
func (m *Model) quotesFound(msg quoteMarksMsg) tea.Cmd {
	jump := m.reader.jumpQuote
	if !m.reader.setQuoted(msg.key, msg.spans) || jump == "" {
		return nil
	}
	m.reader.jumpQuote = ""
	if m.reader.err != nil {
		// the piece itself cannot be shown (its file gone): the reader
		// says so, and the passage is not what is missing (a helper's
		// report)
		return nil
	}
	for _, s := range msg.spans {
		if s.id == jump {
			return nil
		}
	}
	return m.status.set("That quote’s passage is no longer in this piece (orphaned: folio quotes --orphaned lists them)", true)
}

// quotesOpened takes the quotes, opened after the first frame.
func (m *Model) quotesOpened(msg quotesOpenedMsg) tea.Cmd {
	m.quotes = msg.book
	var cmds []tea.Cmd
	if msg.err != nil {
		cmds = append(cmds, m.warn("Quotes: "+termsafe.ErrText(msg.err), statusLong))
	}
	return tea.Batch(append(cmds, m.locateQuotes(), m.watchQuotesFile())...)
}

// quoteSaved says a quote was kept, and marks it.
func (m *Model) quoteSaved(msg quoteSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.status.set("Quote not saved: "+archive.SanitizeLine(termsafe.ErrText(msg.err)), true)
	}
	status := m.status.set("Quote kept · Q lists the quotes · folio quotes prints them", false)
	if msg.warn = joinWarnings(msg.warn, badKeyWarning(m.info.Problems, []string{msg.path})); msg.warn != "" {
		status = m.status.set("Quote kept · "+msg.warn, true)
	}
	return tea.Batch(status, m.locateQuotes())
}
