package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// Searcher is what the interface needs from the index. The index package
// implements it; tests use a fake.
type Searcher interface {
	Search(ctx context.Context, q index.Query) (index.Results, error)
	// Article returns the full piece, body included, read on demand.
	Article(id string) (archive.Article, error)
}

// RelatedSearcher is implemented by a Searcher that can find pieces similar
// to a piece; the reader then lists them in its header.
type RelatedSearcher interface {
	Related(id string, n int) ([]index.Hit, error)
}

// Marks is what the list and the reader need of the reading state to draw a
// piece's marks: read-only, in memory, never waiting on I/O.
type Marks interface {
	IsRead(id string) bool
	IsStarred(id string) bool
}

// ReadingState is the reader's own marks on one archive: which pieces are
// read and starred, and where reading stopped in each. The state package's
// Store implements it; tests use a real one in a temporary folder.
//
// Everything but Save and Reload works in memory and is called from Update
// and View; Save and Reload do file I/O and are called only from a Cmd (and
// Save once more when the program has stopped, see Run). Neither holds up
// the in-memory methods while it waits for the disk.
type ReadingState interface {
	Marks
	ToggleRead(id string) bool
	ToggleStar(id string) bool
	// Position is the first line on screen when reading stopped; 0 for the top.
	Position(id string) int
	SetPosition(id string, line int)
	// RecordOpen marks a piece read and notes the visit in the history.
	RecordOpen(id string, t time.Time)
	// Starred and Read list the starred and the read pieces; Unread keeps
	// the unread ones of ids.
	Starred() []string
	Read() []string
	Unread(ids []string) []string
	Save() error
	// Reload writes this process's changes and takes in those other folio
	// processes on the archive saved (it is Save, saying whether the marks
	// changed).
	Reload() (changed bool, err error)
}

// OpenIndexFunc opens or builds the index. It is called in a tea.Cmd after
// the first frame; progress may be called from any goroutine.
type OpenIndexFunc func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error)

// Options configure the interface. The CLI fills them in.
type Options struct {
	OpenIndex   OpenIndexFunc
	ArchiveName string // shown in the window title ("bundled" or a folder)

	// OpenState opens the reading state. It is called in a Cmd after the
	// first frame; an error that comes with a state is a warning (a corrupt
	// file set aside, no state folder) shown in the status line. Without
	// it there are no marks and no Reading filters.
	OpenState func() (ReadingState, error)

	// CitationFormat is the style c and C copy citations in; empty means
	// cite.Text, a Chicago-style note. F chooses another; when
	// SaveCitationFormat is set, it is called in a Cmd to keep the choice.
	CitationFormat     cite.Format
	SaveCitationFormat func(cite.Format) error

	// TypingPause is how long after the last keystroke in the search box
	// the query is searched as written; until then its last word also
	// matches as a prefix. 0 means 400 ms.
	TypingPause time.Duration
	// After returns a Cmd that delivers msg after d; nil means tea.Tick.
	// Every timer of the interface goes through it, each one-shot (the
	// typing pauses, the status line's clearing, the pause before the
	// reading state is saved, the retry of a stale refresh), but for the
	// file watch's own (watch.go): tests pass their own to deliver a
	// timer's message when they choose, and never wait for one.
	After func(d time.Duration, msg tea.Msg) tea.Cmd
	// ArchiveDir is the archive's folder, watched while the reader runs and
	// where e edits a piece's file; "" for the embedded archive, which is
	// read-only. Reindex brings the index in line with the folder's files
	// again, as Info.Refresh does at start (see live.go); it is called in
	// a Cmd, any number of times.
	ArchiveDir string
	Reindex    func(ctx context.Context, progress func(done, total int)) (info Info, changed bool, err error)
	// Watch turns on the watches of watch.go: of ArchiveDir, and of the
	// reading state's file (another folio's saves show without a key).
	// Each holds an fsnotify instance and a goroutine until the context of
	// the program ends.
	Watch bool
}

// afterFunc is the shape of Options.After.
type afterFunc func(d time.Duration, msg tea.Msg) tea.Cmd

// after is Options.After, or tea.Tick's timer without it.
func (o Options) after(d time.Duration, msg tea.Msg) tea.Cmd {
	if o.After != nil {
		return o.After(d, msg)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// citationFormat is the style of the citations c and C copy.
func (o Options) citationFormat() cite.Format {
	if o.CitationFormat == "" {
		return cite.Text
	}
	return o.CitationFormat
}

// Info describes the opened index.
type Info struct {
	Count    int               // pieces in the archive
	Rebuilt  int               // pieces (re)indexed at this start
	Fallback string            // why a fallback (e.g. in-memory) index is used, if one is
	Problems []archive.Problem // files skipped; listed with `!`

	// Refresh is set when the index was opened as it was last recorded,
	// before its files were checked, so that the list shows at once. The
	// interface then calls it in a Cmd: it brings the index up to date
	// (searches go on meanwhile, on the index as it was) and says what
	// changed.
	Refresh func(ctx context.Context, progress func(done, total int)) (info Info, changed bool, err error)

	// Stale, from Refresh or Options.Reindex: the index could not be
	// brought up to date just now (another folio was changing it); the
	// interface asks again a moment later.
	Stale bool
}

// ErrNoTerminal is returned by Run when stdin or stdout is not a terminal.
var ErrNoTerminal = errors.New("folio's reader needs a terminal; in scripts and pipes use `folio list`, `folio search` or `folio show`")

// pane is what has the keyboard.
type pane int

const (
	paneList pane = iota
	paneSearch
	paneSidebar
	paneReader
)

// narrowWidth is the width under which the sidebar is hidden unless it has
// the focus (then it takes the whole width).
const narrowWidth = 70

// Model is the root model: it owns the panes, routes keys to the focused
// one, runs searches and renders, and lays the screen out.
type Model struct {
	opts   Options
	ctx    context.Context
	keys   KeyMap
	styles Styles

	noColor       bool
	width, height int

	focus        pane
	helpOpen     bool
	problemsOpen bool
	problemsTop  int
	hideSidebar  bool // the user pressed f

	links linkHints // L: links to other pieces, and the way back

	// Start-up.
	relay *progressRelay
	// refreshing: the index shown is the one last recorded, being brought
	// up to date (Info.Refresh)
	refreshing bool
	progress   indexProgressMsg
	searcher   Searcher
	info       Info
	indexErr   error

	// Panes.
	search  searchBox
	list    resultList
	sidebar sidebar
	reader  reader
	status  statusLine

	// Searching.
	sort       index.Sort
	typingSeq  int                // bumped by every keystroke that changes the query
	typing     bool               // keys are arriving in the search box: no pause yet
	gen        int                // bumped by every search; older answers are dropped
	searchCtx  context.Context    // context of generation gen
	cancel     context.CancelFunc // cancels generation gen
	query      index.Query        // the query of generation gen
	haveResult bool               // generation gen has answered
	searchTook time.Duration      // how long the last search took, for the typing pause
	searchErr  error
	terms      *regexp.Regexp
	said       querySaid // what the index said about the query of generation gen

	// The Reading filters of generation gen, and its query before they were
	// resolved into IDs (query has them once the first page is back).
	readingFilter readingFilter
	baseQuery     index.Query
	readingSnap   *readingSnapshot // the marks the results were found with
	countsSeq     int              // bumped by every request of the Reading counts

	// Reading state.
	reading     ReadingState // nil until opened, or when there is none
	stateWarned bool         // opening it gave a warning (shown then)
	saveSeq     int          // bumped by every change; see saveDueMsg
	saveFailing bool         // the last save failed: said once, not at every save
	tour        relatedTour  // the walk through related pieces (r)

	formatPrompt int       // the status id of the citation format chooser (F) on screen
	live         liveState // the archive changing under the reader (live.go)

	trends trendsPane    // the chart of attention over time (t), in trends.go
	period *periodFilter // the chart's period the results are filtered to (enter there)
	words  termsPane     // the distinctive words of the results (w), in terms.go

	cache *renderCache
}

// New returns the root model. Nothing is read or queried here: the index is
// opened by a Cmd after the first frame.
func New(opts Options) Model {
	return newModel(context.Background(), opts)
}

func newModel(ctx context.Context, opts Options) Model {
	noColor := os.Getenv("NO_COLOR") != ""
	st := NewStyles(true, noColor) // dark until the terminal says otherwise
	return Model{
		opts:      opts,
		ctx:       ctx,
		keys:      DefaultKeyMap(),
		styles:    st,
		noColor:   noColor,
		focus:     paneList,
		relay:     newProgressRelay(),
		search:    newSearchBox(st),
		list:      newResultList(),
		reader:    newReader(st),
		status:    statusLine{after: opts.after},
		cache:     newRenderCache(),
		searchCtx: ctx,
	}
}

// Run runs the interface until the user quits. Bubble Tea restores the
// terminal (alternate screen left, cursor shown, mouse off) on quit,
// ctrl+c, SIGTERM and panics; cancelling ctx stops the program too.
//
// The reading state is saved once more when the program has stopped, so
// that a signal (which ends the program without a last Update) loses
// neither a mark nor the place in the open piece.
func Run(ctx context.Context, opts Options) error {
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return ErrNoTerminal
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops an index build still running when the user quits
	p := tea.NewProgram(newModel(ctx, opts), tea.WithContext(ctx))
	final, err := p.Run()
	if serr := saveOnExit(final); serr != nil && err == nil {
		// Said at exit only when the interface did not say it already.
		if m, ok := final.(Model); ok && !m.saveFailing && !m.stateWarned {
			return fmt.Errorf("reading state not saved: %w", serr)
		}
	}
	switch {
	case err == nil, errors.Is(err, tea.ErrInterrupted):
		return nil
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil && !errors.Is(err, tea.ErrProgramPanic):
		return nil // stopped from outside (signal handled by the caller)
	}
	return err
}

// Init draws nothing itself: the first frame comes at once, then the index
// is opened and the terminal is asked for its background (the answer, if
// any, arrives as a message; nothing waits for it).
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{
		openIndexCmd(m.ctx, m.opts.OpenIndex, m.relay),
		waitProgressCmd(m.relay),
		tea.RequestBackgroundColor,
	}
	if m.opts.OpenState != nil {
		cmds = append(cmds, openStateCmd(m.opts.OpenState))
	}
	return tea.Batch(cmds...)
}

// Update routes a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		return m, m.layout()

	case tea.BackgroundColorMsg:
		return m, m.setDark(msg.IsDark())

	case indexProgressMsg:
		m.progress = msg
		return m, waitProgressCmd(m.relay)

	case indexOpenedMsg:
		return m, m.indexOpened(msg)

	case indexRefreshedMsg:
		return m, m.indexRefreshed(msg)

	case debounceMsg:
		if msg.seq != m.typingSeq {
			return m, nil // more typing came; its own tick will search
		}
		return m, m.startSearch()

	case typingPausedMsg:
		if msg.seq != m.typingSeq || !m.typing {
			return m, nil // more typing came, or the query was run already
		}
		return m, m.stopTyping()

	case resultsMsg:
		return m, m.gotResults(msg)

	case linksMsg:
		return m, m.gotLinks(msg)

	case renderedMsg:
		m.cache.done(msg.key)
		if msg.err == nil {
			m.cache.put(msg)
		}
		m.reader.setRendered(msg)
		return m, nil

	case statusMsg:
		return m, m.status.set(msg.text, msg.isErr)

	case stateOpenedMsg:
		return m, m.stateOpened(msg)

	case saveDueMsg:
		if msg.seq != m.saveSeq || m.reading == nil {
			return m, nil // a later change has its own pause
		}
		return m, saveStateCmd(m.reading)

	case stateSavedMsg:
		return m, m.stateSaved(msg)

	case liveMsg:
		return m.updateLive(msg)

	case facetsMsg:
		if msg.gen != m.gen {
			return m, nil // a newer query's counts are coming
		}
		if msg.err != nil {
			return m, m.status.set("Could not count the filters: "+msg.err.Error(), true)
		}
		m.sidebar.newQuery(m.baseQuery.Text)
		m.sidebar.setFacets(msg.facets)
		m.list.sawAuthors(msg.facets.Authors)
		m.layout()
		return m, nil

	case readingCountsMsg:
		if msg.gen == m.gen && msg.seq == m.countsSeq && msg.err == nil {
			m.sidebar.setReadingCounts(msg.starred, msg.unread)
		}
		return m, nil

	case citedMsg:
		return m, m.cited(msg)

	case trendsMsg:
		m.trends = m.trends.got(msg)
		return m, nil

	case termsMsg:
		m.words = m.words.got(msg)
		return m, nil

	case formatSavedMsg:
		if msg.err != nil {
			return m, m.status.set("Citation format not kept for next time: "+msg.err.Error(), true)
		}
		return m, nil

	case clearStatusMsg:
		m.status.clear(msg.id)
		return m, nil

	case tea.KeyPressMsg:
		return m.handleKey(msg)

	case tea.MouseWheelMsg:
		return m, m.handleWheel(msg)

	case tea.MouseClickMsg:
		return m.handleClick(msg)

	case tea.PasteMsg:
		return m.forwardToInput(msg)
	}
	// Anything else (cursor messages of the inputs) goes to the input that
	// has the keyboard.
	return m.forwardToInput(msg)
}

// setDark switches between the light and dark styles.
func (m *Model) setDark(dark bool) tea.Cmd {
	if dark == m.styles.Dark {
		return nil
	}
	m.styles = NewStyles(dark, m.noColor)
	m.search.setStyles(m.styles)
	m.reader.setStyles(m.styles)
	if m.reader.restyle(m.styles.GlamourStyle) {
		return m.ensureRendered()
	}
	return nil
}

// indexOpened ends the start-up: show what the index said, then search.
func (m *Model) indexOpened(msg indexOpenedMsg) tea.Cmd {
	if msg.err != nil {
		m.indexErr = msg.err
		return nil
	}
	m.searcher, m.info = msg.searcher, msg.info
	cmds := []tea.Cmd{m.indexStatus(msg.info), m.startSearch(), m.startWatching()}
	if msg.info.Refresh != nil {
		m.refreshing = true
		m.relay = newProgressRelay()
		cmds = append(cmds, refreshIndexCmd(m.ctx, msg.info.Refresh, m.relay), waitProgressCmd(m.relay))
	}
	return tea.Batch(cmds...)
}

// indexRefreshed takes the index brought up to date after a start from
// the recorded one, or after the archive changed (live.go): what changed
// is searched again, with the cursor kept on its piece.
func (m *Model) indexRefreshed(msg indexRefreshedMsg) tea.Cmd {
	m.refreshing = false
	m.progress = indexProgressMsg{}
	if msg.err != nil {
		return tea.Batch(m.status.setFor("Could not bring the index up to date: "+msg.err.Error(), true, statusLong), m.afterRefresh(msg))
	}
	m.info = msg.info
	status := m.indexStatus(msg.info)
	return tea.Batch(status, m.afterRefresh(msg))
}

// indexStatus says in the status line what opening the index found.
func (m *Model) indexStatus(info Info) tea.Cmd {
	switch {
	case info.Fallback != "":
		return m.status.setFor(info.Fallback, false, statusLong)
	case problemCount(info) > 0:
		return m.status.setFor(plural(problemCount(info), "file")+" skipped: press ! to see why", true, statusLong)
	case info.Rebuilt > 0:
		return m.status.set(fmt.Sprintf("Indexed %s pieces", thousands(info.Rebuilt)), false)
	}
	return nil
}

// buildQuery is the query for the current input, filters and sort.
func (m Model) buildQuery() index.Query {
	v := m.search.value()
	q := index.Query{Text: strings.TrimSpace(v), Sort: m.sort, Limit: pageSize}
	// while keys arrive, the word being typed is also a prefix
	q.Typing = m.typing && q.Text != "" && !strings.HasSuffix(v, " ")
	m.sidebar.applyTo(&q)
	m.period.applyTo(&q)
	return q
}

// stopTyping ends the typing: the query is searched as written if it was
// searched as typed.
func (m *Model) stopTyping() tea.Cmd {
	m.typing = false
	if m.baseQuery.Typing || m.query.Text != strings.TrimSpace(m.search.value()) {
		return m.startSearch()
	}
	return nil
}

// startSearch starts a new generation: the previous search is cancelled and
// whatever it still sends is dropped.
func (m *Model) startSearch() tea.Cmd {
	if m.searcher == nil {
		return nil
	}
	if m.cancel != nil {
		m.cancel()
	}
	m.searchCtx, m.cancel = context.WithCancel(m.ctx)
	m.gen++
	m.list.keep = keptPlace{} // a search of its own, not the one after a refresh
	m.baseQuery = m.buildQuery()
	m.query = m.baseQuery
	m.readingFilter = m.sidebar.readingFilter()
	// The Reading counts are asked for when the results are in, not
	// beside them: on two cores they would slow the results down.
	return newSearchCmd(m.searchCtx, m.searcher, m.baseQuery, m.readingFilter, m.reading, m.gen)
}

// gotResults takes a search answer if it belongs to the current generation.
func (m *Model) gotResults(msg resultsMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // stale: the query changed since
	}
	if msg.offset > 0 {
		if msg.err != nil {
			delete(m.list.pending, msg.offset/pageSize)
			return m.status.set("Could not load more results: "+msg.err.Error(), true)
		}
		m.list.addPage(msg.offset, msg.results.Hits)
		m.list.restorePlace()
		return nil
	}
	m.haveResult = true
	m.query = msg.query
	m.readingSnap = msg.reading
	m.searchErr = msg.err
	if msg.err != nil {
		return nil
	}
	r := msg.results
	terms := r.Terms
	if len(terms) == 0 {
		terms = termsFromText(m.query.Text)
	}
	m.terms = termsRegexp(terms)
	m.list.reset(m.gen, r, m.query.Text != "")
	m.list.restorePlace()
	m.layout()
	m.searchTook = r.Took
	m.said = querySaid{notes: r.Notes, forms: r.Forms, suggestion: r.Suggestion, typed: r.Typed, partial: r.Partial}
	cmds := []tea.Cmd{facetsCmd(m.searchCtx, m.searcher, m.query, m.gen), m.refreshCounts()}
	cmds = append(cmds, m.loadPages())
	return tea.Batch(cmds...)
}

// loadPages asks for the result pages that came into view.
func (m *Model) loadPages() tea.Cmd {
	if m.searcher == nil {
		return nil
	}
	var cmds []tea.Cmd
	for _, off := range m.list.wantPages() {
		q := m.query
		q.Offset, q.Limit = off, pageSize
		cmds = append(cmds, searchCmd(m.searchCtx, m.searcher, q, m.gen))
	}
	return tea.Batch(cmds...)
}

// openPiece opens hit i of the results in the reader.
func (m *Model) openPiece(i int) tea.Cmd {
	h, ok := m.list.hit(i)
	if !ok {
		return m.status.set("Still loading that piece…", false)
	}
	m.tour = relatedTour{}
	m.list.moveTo(i)
	return m.showPiece(i, h)
}

// showPiece opens h in the reader; i is its place in the results (for ]
// and [), or that of the piece a walk through related pieces started from.
// The piece open before keeps its place; h becomes read and opens where
// reading stopped in it last time.
func (m *Model) showPiece(i int, h index.Hit) tea.Cmd {
	cmds := []tea.Cmd{m.rememberPosition()}
	m.focus = paneReader
	m.search.blur()
	m.layout()
	m.reader.show(i, h, m.styles.GlamourStyle, m.terms)
	if m.reading != nil {
		m.reader.resumeAt = m.reading.Position(h.ID)
		m.reading.RecordOpen(h.ID, time.Now())
		cmds = append(cmds, m.stateChanged())
	}
	return tea.Batch(append(cmds, m.ensureRendered(), m.loadPages())...)
}

// ensureRendered gives the reader its rendering from the cache, or starts
// rendering it.
func (m *Model) ensureRendered() tea.Cmd {
	k := m.reader.key
	if k.id == "" || m.searcher == nil {
		return nil
	}
	if r, ok := m.cache.get(k); ok {
		m.reader.setRendered(r)
		return nil
	}
	if !m.cache.start(k) {
		return nil // running: its result will be used when it comes
	}
	return renderCmd(m.searcher, k, m.styles)
}

// stepPiece opens the next (+1) or previous (-1) piece of the results.
func (m *Model) stepPiece(d int) tea.Cmd {
	i := m.reader.index + d
	switch {
	case i < 0:
		return m.status.set("This is the first piece of the results", false)
	case i >= m.list.total:
		return m.status.set("This is the last piece of the results", false)
	}
	if _, ok := m.list.hit(i); !ok {
		m.list.moveTo(i)
		return tea.Batch(m.loadPages(), m.status.set("Loading the next results…", false))
	}
	return m.openPiece(i)
}

// pieceURL is the URL of the open piece: its original, else its source.
func (m Model) pieceURL() string {
	if m.reader.ready && m.reader.article.ID != "" {
		return m.reader.article.Link()
	}
	return m.reader.hit.URL
}

// handleKey routes a key press: ctrl+c first, then the overlays, then the
// focused pane.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if key.Matches(msg, k.Quit) {
		return m, m.quit()
	}
	if m.helpOpen {
		if key.Matches(msg, k.Help, k.FindCancel, k.QuitShort) {
			m.helpOpen = false
		}
		return m, nil
	}
	if m.problemsOpen {
		switch {
		case key.Matches(msg, k.Problems, k.FindCancel, k.QuitShort):
			m.problemsOpen = false
		case key.Matches(msg, k.Down):
			m.problemsTop = min(m.problemsTop+1, max(len(m.info.Problems)-1, 0))
		case key.Matches(msg, k.Up):
			m.problemsTop = max(m.problemsTop-1, 0)
		}
		return m, nil
	}
	if m.choosingFormat() {
		return m, m.chooseFormat(msg)
	}
	if m.links.open {
		return m, m.linksKey(msg)
	}
	if m.trends.open {
		return m.trendsKey(msg)
	}
	if m.words.open {
		return m.termsKey(msg)
	}

	if m.focus != paneSearch && !(m.focus == paneReader && m.reader.finding) {
		switch {
		case key.Matches(msg, k.Refresh):
			return m, m.forceRefresh()
		case key.Matches(msg, k.Edit) && m.focus != paneSidebar:
			return m, m.editPiece()
		}
	}

	switch m.focus {
	case paneSearch:
		return m.searchKey(msg)
	case paneReader:
		return m.readerKey(msg)
	}
	if m.focus == paneSidebar {
		if m, cmd, ok := m.sidebarFilterKey(msg); ok {
			return m, cmd
		}
	}

	// List and sidebar share these.
	switch {
	case key.Matches(msg, k.QuitShort):
		return m, m.quit()
	case key.Matches(msg, k.Help):
		m.helpOpen = true
		return m, nil
	case key.Matches(msg, k.Problems):
		if len(m.info.Problems) == 0 {
			return m, m.status.set("No files were skipped", false)
		}
		m.problemsOpen, m.problemsTop = true, 0
		return m, nil
	case key.Matches(msg, k.FocusSearch):
		m.focus = paneSearch
		m.layout()
		return m, m.search.focus()
	case key.Matches(msg, k.NextPane, k.PrevPane):
		if m.focus == paneSidebar {
			m.focus = paneList
		} else {
			m.focus = paneSidebar
		}
		m.layout()
		return m, nil
	case key.Matches(msg, k.ToggleFilter):
		m.hideSidebar = !m.hideSidebar
		if m.focus == paneSidebar {
			m.focus = paneList
		}
		m.layout()
		return m, nil
	case key.Matches(msg, newTrendKeys().Open):
		return m, m.openTrends()
	case key.Matches(msg, newTermsKeys().Open):
		return m, m.openTerms()
	case key.Matches(msg, k.ClearAll):
		hadPeriod := m.period != nil
		m.period = nil
		if !m.sidebar.clear() && !hadPeriod {
			return m, m.status.set("No filters to clear", false)
		}
		return m, tea.Batch(m.startSearch(), m.status.set("Filters cleared", false))
	case key.Matches(msg, k.CiteAll):
		return m, m.citeResults()
	case key.Matches(msg, k.CiteFormat):
		return m, m.askFormat()
	case key.Matches(msg, k.Sort):
		m.sort = m.nextSort()
		return m, tea.Batch(m.startSearch(), m.status.set("Sorted by "+m.sortLabel(), false))
	}

	if m.focus == paneSidebar {
		return m.sidebarKey(msg)
	}
	return m.listKey(msg)
}

func (m Model) searchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.SearchLeave), key.Matches(msg, m.keys.SearchAccept):
		m.search.blur()
		m.focus = paneList
		m.layout()
		// Leaving the box searches as written at once rather than after
		// the pause.
		cmd := m.stopTyping()
		return m, cmd
	case key.Matches(msg, m.keys.UseSuggestion):
		cmd := m.useSuggestion()
		return m, cmd
	}
	return m.forwardToInput(msg)
}

// forwardToInput gives a message to the input that has the keyboard; a
// change of the query starts the typing pause.
func (m Model) forwardToInput(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch {
	case m.focus == paneSearch:
		var cmd tea.Cmd
		var changed bool
		m.search, cmd, changed = m.search.update(msg)
		if changed {
			m.typingSeq++
			m.typing = true
			pause := m.pauseCmd(m.typingSeq)
			if m.searchTook < slowSearch {
				return m, tea.Batch(cmd, m.startSearch(), pause)
			}
			return m, tea.Batch(cmd, debounceCmd(m.opts.after, m.typingSeq), pause)
		}
		return m, cmd
	case m.focus == paneReader && m.reader.finding:
		var cmd tea.Cmd
		m.reader.findInput, cmd = m.reader.findInput.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m Model) listKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Clear):
		if m.search.value() == "" {
			return m, nil
		}
		m.search.setValue("")
		return m, tea.Batch(m.startSearch(), m.status.set("Query cleared", false))
	case key.Matches(msg, k.UseSuggestion):
		cmd := m.useSuggestion()
		return m, cmd
	case key.Matches(msg, k.Open):
		return m, m.openPiece(m.list.cursor)
	case key.Matches(msg, k.ToggleRead), key.Matches(msg, k.ToggleStar):
		h, ok := m.list.selected()
		if !ok {
			return m, nil
		}
		if key.Matches(msg, k.ToggleRead) {
			return m, m.toggleRead(h.ID)
		}
		return m, m.toggleStar(h.ID)
	case key.Matches(msg, k.Up):
		m.list.move(-1)
	case key.Matches(msg, k.Down):
		m.list.move(1)
	case key.Matches(msg, k.Top):
		m.list.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.list.moveTo(m.list.total - 1)
	case key.Matches(msg, k.PageUp):
		m.list.move(-m.list.visibleRows())
	case key.Matches(msg, k.PageDown):
		m.list.move(m.list.visibleRows())
	default:
		return m, nil
	}
	return m, m.loadPages()
}

func (m Model) sidebarKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Toggle):
		if m.sidebar.toggle() {
			return m, m.startSearch() // no pause: a toggle is one deliberate act
		}
	case key.Matches(msg, k.Up):
		m.sidebar.move(-1)
	case key.Matches(msg, k.Down):
		m.sidebar.move(1)
	case key.Matches(msg, k.Top):
		m.sidebar.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.sidebar.moveTo(len(m.sidebar.entries) - 1)
	case key.Matches(msg, k.PageUp):
		m.sidebar.move(-max(m.sidebar.listHeight()-1, 1))
	case key.Matches(msg, k.PageDown):
		m.sidebar.move(max(m.sidebar.listHeight()-1, 1))
	case key.Matches(msg, k.BarLeft, k.BarRight):
		m.sidebarSideways(key.Matches(msg, k.BarRight))
	case key.Matches(msg, k.FindCancel):
		m.focus = paneList
		m.layout()
	}
	return m, nil
}

func (m Model) readerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	r := &m.reader
	if r.finding {
		switch {
		case key.Matches(msg, k.FindAccept):
			r.endFind(true)
			if r.findQuery != "" && len(r.matches) == 0 {
				return m, m.status.set(fmt.Sprintf("“%s” is not in this piece", r.findQuery), false)
			}
			return m, nil
		case key.Matches(msg, k.FindCancel):
			r.endFind(false)
			return m, nil
		case msg.String() == "up":
			r.recallFind()
			return m, nil
		}
		return m.forwardToInput(msg)
	}
	if msg.String() == "backspace" {
		if cmd, ok := m.linkBack(); ok {
			return m, cmd
		}
	}
	switch {
	case key.Matches(msg, k.Links):
		return m, m.openLinks()
	case key.Matches(msg, k.Back):
		cmd := m.rememberPosition()
		m.links.back = nil
		m.tour = relatedTour{}
		m.focus = paneList
		m.layout()
		return m, cmd
	case key.Matches(msg, k.ToggleRead):
		return m, m.toggleRead(r.key.id)
	case key.Matches(msg, k.ToggleStar):
		return m, m.toggleStar(r.key.id)
	case key.Matches(msg, k.Cite):
		if m.searcher == nil || r.key.id == "" {
			return m, nil
		}
		return m, citePiecesCmd(m.ctx, m.searcher, []string{r.key.id}, m.opts.citationFormat())
	case key.Matches(msg, k.CiteAll):
		return m, m.citeResults()
	case key.Matches(msg, k.CiteFormat):
		return m, m.askFormat()
	case key.Matches(msg, k.Related):
		return m, m.nextRelated()
	case key.Matches(msg, k.Help):
		m.helpOpen = true
	case key.Matches(msg, k.ScrollDown):
		r.scroll(1)
	case key.Matches(msg, k.ScrollUp):
		r.scroll(-1)
	case key.Matches(msg, k.ReaderPgDown):
		r.scroll(max(r.bodyHeight()-1, 1))
	case key.Matches(msg, k.ReaderPgUp):
		r.scroll(-max(r.bodyHeight()-1, 1))
	case key.Matches(msg, k.HalfPageDown):
		r.scroll(max(r.bodyHeight()/2, 1))
	case key.Matches(msg, k.HalfPageUp):
		r.scroll(-max(r.bodyHeight()/2, 1))
	case key.Matches(msg, k.ReaderTop):
		r.top()
	case key.Matches(msg, k.ReaderBottom):
		r.bottom()
	case key.Matches(msg, k.Find):
		return m, r.startFind()
	case key.Matches(msg, k.FindNext), key.Matches(msg, k.FindPrev):
		dir := 1
		if key.Matches(msg, k.FindPrev) {
			dir = -1
		}
		if r.findQuery == "" {
			return m, m.status.set("Press / to find in this piece", false)
		}
		if !r.nextMatch(dir) {
			return m, m.status.set(fmt.Sprintf("“%s” is not in this piece", r.findQuery), false)
		}
	case key.Matches(msg, k.NextPiece):
		return m, m.stepPiece(1)
	case key.Matches(msg, k.PrevPiece):
		return m, m.stepPiece(-1)
	case key.Matches(msg, k.OpenURL):
		u := m.pieceURL()
		if err := checkURL(u); err != nil {
			return m, m.status.set(err.Error(), true)
		}
		return m, tea.Batch(m.status.set("Opening "+u+" …", false), openURLCmd(u))
	case key.Matches(msg, k.CopyURL):
		u := m.pieceURL()
		if err := checkURL(u); err != nil {
			return m, m.status.set(err.Error(), true)
		}
		return m, tea.Batch(tea.SetClipboard(u), m.status.set("Copied URL: "+u, false))
	}
	return m, nil
}

// quit cancels whatever is running and ends the program, after saving the
// reading state with the place in the open piece.
func (m *Model) quit() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	if m.reading == nil {
		return tea.Quit
	}
	m.rememberPosition()
	return tea.Sequence(saveStateCmd(m.reading), tea.Quit)
}

// handleWheel scrolls what is under the pointer.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	d := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = 1
	default:
		return nil
	}
	if m.helpOpen || m.problemsOpen {
		return nil
	}
	if m.focus == paneReader {
		m.reader.scroll(3 * d)
		return nil
	}
	if sw := m.sidebarWidthNow(); sw > 0 && msg.X < sw {
		m.sidebar.move(d)
		return nil
	}
	m.list.scroll(d)
	return m.loadPages()
}

// handleClick selects (and, on the selected row, opens) a hit; in the
// sidebar it toggles a value; on the top line it focuses the search box.
func (m Model) handleClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if msg.Button != tea.MouseLeft || m.helpOpen || m.problemsOpen || m.focus == paneReader {
		return m, nil
	}
	if msg.Y == 0 {
		m.focus = paneSearch
		m.layout()
		return m, m.search.focus()
	}
	y := msg.Y - m.bodyTop()
	if sw := m.sidebarWidthNow(); sw > 0 && msg.X < sw {
		if i, ok := m.sidebar.barAt(msg.X, y); ok {
			m.search.blur()
			m.focus = paneSidebar
			m.sidebar.inTimeline = true
			m.layout()
			if m.sidebar.toggleBar(i) {
				return m, m.startSearch()
			}
			return m, nil
		}
		if i, ok := m.sidebar.entryAt(y); ok {
			m.search.blur()
			m.focus = paneSidebar
			m.sidebar.cursor = i
			m.sidebar.inTimeline = false
			m.layout()
			if m.sidebar.toggle() {
				return m, m.startSearch()
			}
		}
		return m, nil
	}
	i, ok := m.list.rowAt(y)
	if !ok {
		return m, nil
	}
	m.search.blur()
	if m.focus == paneList && i == m.list.cursor {
		return m, m.openPiece(i)
	}
	m.focus = paneList
	m.layout()
	m.list.moveTo(i)
	return m, m.loadPages()
}

// Layout.

// bodyTop is the first line under the top bar (and its rule).
func (m Model) bodyTop() int {
	if m.height >= 10 {
		return 2
	}
	return 1
}

// bodyHeight is the lines between the top bar and the footer.
func (m Model) bodyHeight() int { return max(m.height-m.bodyTop()-1, 0) }

// sidebarWidthNow is the sidebar's width on screen (0 when hidden).
func (m Model) sidebarWidthNow() int {
	switch {
	case m.focus == paneReader:
		return 0
	case m.width < narrowWidth:
		if m.focus == paneSidebar {
			return m.width
		}
		return 0
	case m.hideSidebar && m.focus != paneSidebar:
		return 0
	}
	return sidebarWidth
}

// layout hands every pane its size; it reports whether the reader needs a
// new rendering (and starts it).
func (m *Model) layout() tea.Cmd {
	bodyH := m.bodyHeight()
	sw := m.sidebarWidthNow()
	listW := m.width
	if sw > 0 {
		listW = max(m.width-sw-1, 0)
		if sw >= m.width {
			listW = 0
		}
	}
	m.sidebar.focused = m.focus == paneSidebar
	m.list.focused = m.focus == paneList
	m.sidebar.setSize(sw, bodyH)
	m.list.setSize(listW, bodyH)
	m.search.setWidth(max(m.width-lipgloss.Width(m.brand())-m.rightWidth()-2, 1))
	if m.reader.setSize(m.width, max(m.height-1, 0)) && m.focus == paneReader {
		return m.ensureRendered()
	}
	return m.loadPages()
}

func (m Model) brand() string { return " " + m.styles.Brand.Render("folio") + "  " }

// rightWidth is the room given to the count at the top right: what it
// needs, leaving the search box a third of the line and room for its query
// (see searchRoom).
func (m Model) rightWidth() int {
	brandW := lipgloss.Width(m.brand())
	return max(min(lipgloss.Width(m.countView()), m.width-brandW-m.searchRoom()), 0)
}

func (m Model) sortLabel() string {
	if m.sort == index.SortRelevance && strings.TrimSpace(m.query.Text) == "" {
		return "newest" // the index orders a text-less query newest first
	}
	return m.sort.String()
}

// View draws the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "folio"
	if m.opts.ArchiveName != "" {
		v.WindowTitle = "folio — " + archive.SanitizeLine(m.opts.ArchiveName)
	}
	if (m.searcher == nil || m.refreshing && m.progress.total > 0) && m.indexErr == nil {
		// The terminal's own progress indicator, where it has one.
		if m.progress.total > 0 {
			v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault, 100*m.progress.done/m.progress.total)
		} else {
			v.ProgressBar = tea.NewProgressBar(tea.ProgressBarIndeterminate, 0)
		}
	}
	return v
}

// screen is the text of the whole screen, exactly width×height.
func (m Model) screen() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.styles
	var parts []string
	if m.focus == paneReader && m.links.open && !m.helpOpen {
		parts = append(parts, m.linksView(m.width, m.height-1))
	} else if m.focus == paneReader && !m.helpOpen {
		parts = append(parts, m.reader.view(st))
	} else {
		parts = append(parts, m.topBar())
		if m.bodyTop() == 2 {
			parts = append(parts, st.Rule.Render(strings.Repeat("─", m.width)))
		}
		if h := m.bodyHeight(); h > 0 {
			parts = append(parts, m.body(h))
		}
	}
	parts = append(parts, footerView(m.width, m.status, m.queryLine(), m.paneHelp(), st))
	out := strings.Join(parts, "\n")
	// A last guard: nothing may be wider or taller than the terminal, and
	// nothing but colours and http(s) hyperlinks reaches it (0.13 ms for a
	// screen of 17 KB).
	return termsafe.Rendered(lipgloss.NewStyle().MaxWidth(m.width).MaxHeight(m.height).Render(out))
}

func (m Model) paneHelp() help.KeyMap {
	switch {
	case m.trends.open:
		return m.trends.keys
	case m.words.open:
		return m.words.keys
	case m.focus == paneSearch:
		return m.keys.searchHelp()
	case m.focus == paneReader && m.reader.finding:
		return m.keys.findHelp()
	case m.focus == paneReader:
		return m.keys.readerHelp()
	case m.focus == paneSidebar && m.sidebar.inTimeline:
		return m.keys.timelineHelp()
	case m.focus == paneSidebar:
		return m.keys.sidebarHelp()
	}
	return m.keys.listHelp()
}

// countView is the top right: "3 of 7 · relevance · tag:mi5".
func (m Model) countView() string { return m.countViewWith(m.sidebar.summary()) }

// countViewWith is countView with the filters named as f.
func (m Model) countViewWith(f string) string {
	st := m.styles
	switch {
	case m.indexErr != nil:
		return st.Error.Render("index error")
	case m.searcher == nil:
		return st.Count.Render("indexing…")
	case !m.haveResult:
		return ""
	}
	parts := []string{m.list.countText(m.info.Count), m.sortLabel()}
	switch {
	case m.said.partial != "":
		parts = append([]string{"keep typing"}, parts...)
	case m.said.typed != "":
		parts = append([]string{archive.SanitizeLine(m.said.typed) + "…"}, parts...)
	}
	if p := m.progress; m.refreshing && p.total > 0 {
		parts = append([]string{fmt.Sprintf("indexing %s of %s", thousands(p.done), thousands(p.total))}, parts...)
	}
	if f != "" {
		parts = append(parts, f)
	}
	if m.period != nil {
		parts = append(parts, m.period.label)
	}
	right := st.Count.Render(strings.Join(parts, " · "))
	if n := problemCount(m.info); n > 0 {
		right += st.Error.Render(fmt.Sprintf(" · %d skipped !", n))
	}
	return right
}

// topBar is the brand, the search box and the count of results.
func (m Model) topBar() string {
	brand := m.brand()
	right := m.countView()
	if rw := m.rightWidth(); lipgloss.Width(right) > rw {
		// whole filter names, as many as fit, rather than "outlet:The Ne…"
		right = truncateCells(m.countViewWith(m.sidebar.summaryFit(rw-lipgloss.Width(m.countViewWith(""))-3)), rw)
	}
	inputW := max(m.width-lipgloss.Width(brand)-lipgloss.Width(right)-1, 0)
	left := fitCells(brand+m.search.view(), lipgloss.Width(brand)+inputW)
	return truncateCells(left+" "+right, m.width)
}

// body is the area between the top bar and the footer.
func (m Model) body(h int) string {
	st := m.styles
	w := m.width
	switch {
	case m.helpOpen:
		return fullHelpView(w, h, m.keys, st)
	case m.problemsOpen:
		return m.problemsView(w, h)
	case m.trends.open:
		return m.trends.view(w, h, st, m.noColor)
	case m.words.open:
		return m.words.view(w, h, st)
	case m.indexErr != nil:
		msg := "Could not open the index:\n\n" + archive.Sanitize(m.indexErr.Error()) + "\n\nPress q to quit."
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center,
			st.Error.Width(min(w-2, 80)).Render(msg))
	case m.searcher == nil:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, m.progressView(min(w-4, 60)))
	}

	listView := m.listArea()
	sw := m.sidebarWidthNow()
	switch {
	case sw >= w:
		return m.sidebar.view(st)
	case sw > 0:
		return lipgloss.JoinHorizontal(lipgloss.Top, m.sidebar.view(st), " ", listView)
	}
	return listView
}

// listArea is the result list, or what to say instead of it.
func (m Model) listArea() string {
	st := m.styles
	w, h := m.list.width, m.list.height
	say := func(lines ...string) string {
		for i, l := range lines {
			lines[i] = truncateCells(l, w)
		}
		return lipgloss.Place(w, h, lipgloss.Left, lipgloss.Top, strings.Join(lines, "\n"))
	}
	switch {
	case w <= 0 || h <= 0:
		return ""
	case m.searchErr != nil:
		return say("", st.Error.Render(" Search failed: "+archive.SanitizeLine(m.searchErr.Error())))
	case !m.haveResult:
		return say("", st.Hint.Render(" Searching…"))
	case m.list.total == 0 && m.info.Count == 0:
		return say(m.emptyArchiveLines()...)
	case m.list.total == 0 && m.said.partial != "":
		return say("", st.Hint.Render(" Keep typing…"))
	case m.list.total == 0:
		lines := []string{"", st.Empty.Render(" No pieces match.")}
		if s := m.said.suggestion; s != nil {
			lines = append(lines, st.Hint.Render(" "+m.suggestionText()))
		}
		if m.sidebar.anyChosen() {
			lines = append(lines, st.Hint.Render(" Filters are on ("+m.sidebar.summary()+"): press x to clear them."))
		}
		if m.query.Text != "" {
			lines = append(lines, st.Hint.Render(" Try fewer words, or press esc twice to clear the query."))
		}
		return say(lines...)
	}
	return m.list.view(st)
}

// progressView is the start-up screen while the index opens or builds.
func (m Model) progressView(w int) string {
	st := m.styles
	p := m.progress
	title := st.Brand.Render("folio")
	if p.total <= 0 {
		return title + "\n\n" + st.Hint.Render("Opening the index…")
	}
	w = max(w, 10)
	filled := min(w*p.done/p.total, w)
	bar := st.Progress.Render(strings.Repeat("█", filled)) + st.Rule.Render(strings.Repeat("░", w-filled))
	return title + "\n\n" + st.Hint.Render(fmt.Sprintf("Indexing %s of %s files", thousands(p.done), thousands(p.total))) + "\n" + bar
}

// problemsView lists the files the archive loader skipped (the `!` key).
func (m Model) problemsView(w, h int) string {
	st := m.styles
	lines := []string{st.Brand.Render(plural(len(m.info.Problems), "file")+" skipped") + st.Hint.Render("  (j/k scroll · esc close)"), ""}
	for _, p := range m.info.Problems[min(m.problemsTop, len(m.info.Problems)):] {
		lines = append(lines, archive.SanitizeLine(p.String()))
	}
	return overlayBox(strings.Join(lines, "\n"), w, h, st)
}

// problemCount is the number of skipped files that are problems: section
// pages are listed under ! but do not call for attention.
func problemCount(info Info) int {
	n, _ := archive.CountProblems(info.Problems)
	return n
}

// plural writes "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
