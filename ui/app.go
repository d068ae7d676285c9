package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
)

// Searcher is what the interface needs from the index. The index package
// implements it; tests use a fake.
type Searcher interface {
	Search(ctx context.Context, q index.Query) (index.Results, error)
	// Article returns the full piece, body included, read on demand.
	Article(id string) (archive.Article, error)
}

// CiteKeyLedger is the ledger of citation keys handed out for an archive
// (state.CiteKeys implements it).
type CiteKeyLedger interface {
	// Assign builds a keyring from the keys the ledger records and records
	// the keys it hands out (state.CiteKeys.Assign); an error is a warning,
	// the keyring still usable.
	Assign(build func(given []cite.KeyRecord) *cite.Keyring) (*cite.Keyring, error)
}

// OpenCiteKeysFunc opens the ledger of citation keys; an error that comes
// with a ledger is a warning.
type OpenCiteKeysFunc func() (CiteKeyLedger, error)

// Ranker is implemented by a Searcher that can tell a piece's row among a
// query's results (index.Index.Rank): after a refresh, the list finds the
// piece under its cursor when it moved onto a page not loaded.
type Ranker interface {
	Rank(ctx context.Context, q index.Query, id string, most int) (row int, ok bool, err error)
}

// AuthorResolver is implemented by a Searcher that reads author filter
// values as its author facet's rows (index.Index.AuthorsAsPeople): a saved
// search's "Ann Lee, Contributor" is chosen as the row Ann Lee.
type AuthorResolver interface {
	AuthorsAsPeople(values []string) []string
}

// LinkResolver is implemented by a Searcher that tells which piece a
// link's candidate ids (archive.LinkCandidates) name by the keys its
// site links it by (a slug, an alias) as well as by its id
// (index.Index.Resolve); without it, a link names a piece by its id alone.
type LinkResolver interface {
	Resolve(candidates []string) (id string, ok bool)
}

// resolveLink is the piece the first of a link's candidates names, read.
func resolveLink(s Searcher, candidates []string) (archive.Article, bool) {
	if r, ok := s.(LinkResolver); ok {
		id, ok := r.Resolve(candidates)
		if !ok {
			return archive.Article{}, false
		}
		a, err := s.Article(id)
		return a, err == nil
	}
	for _, id := range candidates {
		if a, err := s.Article(id); err == nil {
			return a, true
		}
	}
	return archive.Article{}, false
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
	// Rename gives the piece from's state to the piece to, its file
	// renamed (Info.Renamed); Unsaved says whether changes wait for a
	// Save.
	Rename(from, to string) bool
	Unsaved() bool
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
	// file set aside, no state folder) said in the status line and kept
	// whole under ! (warnings.go). Without
	// it there are no marks and no Reading filters.
	OpenState func() (ReadingState, error)
	// OpenQuotes opens the quotes kept with v, in a Cmd after the first
	// frame, as OpenState; without it v and Q say quotes are not available.
	OpenQuotes func() (QuoteBook, error)

	// CitationFormat is the style c and C copy citations in; empty means
	// cite.Text, a Chicago-style note. F chooses another; when
	// SaveCitationFormat is set, it is called in a Cmd to keep the choice.
	CitationFormat     cite.Format
	SaveCitationFormat func(cite.Format) error
	// ConfigWarning is what is wrong with the config file (an error
	// naming it), said at the start as the reading state's is and kept
	// under !: the reader then uses the defaults (CitationFormat empty).
	ConfigWarning string
	// OpenCiteKeys opens the ledger of citation keys handed out
	// (state.CiteKeys), in the Cmd of each c, C or v, so that they give
	// the keys folio cite gives; nil: keys as a first run gives them.
	OpenCiteKeys OpenCiteKeysFunc

	// Trace, when not nil, gets a timeline of the keystrokes, searches,
	// views and frames when the program ends (trace.go).
	Trace io.Writer

	// TypingPause is how long after the last keystroke in the search box
	// the query is searched as written; until then its last word also
	// matches as a prefix. 0 means 400 ms.
	TypingPause time.Duration
	// After returns a Cmd that delivers msg after d; nil means tea.Tick.
	// Every timer of the interface goes through it, each one-shot (the
	// typing pauses, the status line's clearing, the pause before the
	// reading state is saved, the retry of a stale refresh), but for the
	// file watch's own (watch.go) and the progress relay's frame between
	// two reports of a build (waitProgressCmd): tests pass their own to deliver a
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
	// Saved keeps the saved searches (S, the sidebar's SAVED group; see
	// saved.go); nil: there are none.
	Saved SavedStore
	// AddURL is a: it fetches the page at a URL, extracts its piece and
	// writes it into ArchiveDir, and says what it did (or why not, naming
	// the URL). It is called in a Cmd; nil when the archive cannot be
	// added to (the embedded one).
	AddURL func(ctx context.Context, url string) (AddedURL, error)
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
	// Copies is how many pieces are republished copies of another
	// (index.Index.CopyGroups: all but the first of each group); the
	// sidebar offers to hide them when there are any.
	Copies int

	// Refresh is set when the index was opened as it was last recorded,
	// before its files were checked, so that the list shows at once, and
	// when it was built for a folder archive (what changed during the
	// build). The interface then calls it in a Cmd, beside starting its
	// watch: it brings the index up to date (searches go on meanwhile, on
	// the index as it was) and says what changed.
	Refresh func(ctx context.Context, progress func(done, total int)) (info Info, changed bool, err error)

	// Renamed, from Refresh or Options.Reindex: the pieces whose file was
	// renamed or moved (index.Stats.Renamed), old ID → new: the piece open
	// in the reader and the list's cursor follow theirs.
	Renamed map[string]string

	// Warning is what is wrong with a file of the user's the searches
	// read (the synonyms file: index.SynonymsError), said in the status
	// line beside what the index found and kept whole under ! (as is,
	// at the start, Fallback: warnings.go).
	Warning string

	// Unfollowed says the marks of pieces renamed or moved did not follow
	// them (a state folder full or locked): said and listed after Warning,
	// " · " between, as one warning with it (Info.warning). Followed says
	// whether they have followed since (another folio, or a later open,
	// followed them): the reader asks it when the reading state's file
	// changes or its own save works, and drops Unfollowed when it says so
	// (41j: it stayed until R, the marks followed by the CLI long before).
	Unfollowed string
	Followed   func() bool

	// Damaged is what was wrong with a file of the index's cache, the
	// index built anew on disk (index.Stats.Damaged): a warning of its
	// own, beside Warning (a review: joined, two warnings were counted
	// and listed as one).
	Damaged string

	// Stale, from Refresh or Options.Reindex: the index could not be
	// brought up to date just now (another folio was changing it); the
	// interface asks again a moment later. An index that cannot be brought
	// up to date until something else changes (its cache not writable)
	// is not Stale: Fallback says why, and the next change of the archive
	// or R asks again.
	Stale bool

	// Behind: Fallback says the index shows the archive as it was (the
	// cache could not take its change, or another folio is changing it),
	// not that the index is kept in memory. The top bar says "index as it
	// was" for as long as it holds; the notice itself goes from the status
	// line as any other, and R says it again.
	Behind bool
	// Published is the file of the index's cache that another folio
	// replaces when it publishes an update of the index
	// (index.Index.Published): for an index in memory, of the cache it
	// could not use; "" in memory by choice. While the index is Behind
	// and not Stale (a cache this folio cannot write), or in memory for
	// want of the cache (Fallback), the reader watches it, and refreshes
	// when it changes: the cache owner's `folio index` shows without a
	// key, and without polling, and an index in memory goes back to the
	// cache.
	Published string
	// Writer is the writer's lock file of the cache an index in memory
	// could not use because another folio held the writer's role,
	// building it (index.Index.WriterLock); "" otherwise. The reader waits
	// for that folio to let it go, blocked in the kernel
	// (index.AwaitUnlocked), and then refreshes: a folio killed before it
	// published anything changes no file Published's watch would see, and
	// the refresh builds the cache itself.
	Writer string
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
// keptQuote is the save of a quote kept (v): save runs it once; started
// says Bubble Tea ran it, so that its outcome was shown.
type keptQuote struct {
	save    func() tea.Msg
	started *atomic.Bool
}

type Model struct {
	opts   Options
	ctx    context.Context
	keys   KeyMap
	styles Styles

	// keptQuotes are the saves of the quotes kept this session (v),
	// each run once (by Bubble Tea, or at exit if it had not: a quote
	// kept just before q was lost when its Cmd had not added it yet)
	keptQuotes []keptQuote

	noColor       bool
	width, height int

	focus       pane
	help        helpPane     // the ? overlay
	problems    problemsPane // the ! overlay
	hideSidebar bool         // the user pressed f

	links linkHints // L: links to other pieces, and the way back

	addPrompt addPrompt // a: the URL to add (addurl.go)
	justAdded string    // what the last a did, said again once the index has the piece

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
	resizeSeq  int                // bumped by every change of the terminal's size; see resizeSettledMsg
	typing     bool               // keys are arriving in the search box: no pause yet
	gen        int                // bumped by every search; older answers are dropped
	searchCtx  context.Context    // context of generation gen
	cancel     context.CancelFunc // cancels generation gen
	query      index.Query        // the query of generation gen
	haveResult bool               // generation gen has answered
	noListSaid int                // status id of "No list yet" (openPiece), cleared by the list
	searchTook time.Duration      // how long the last search took, for the typing pause
	answered   int                // the last generation whose first answer came: gen when none is on its way
	budgeted   bool               // the answer of generation answered was index.Results.Budgeted
	searchFrom int                // the list's cursor when generation gen started (gotResults)
	trace      *tracer            // Options.Trace's timeline; nil without one
	searchErr  error
	// terms is the last answer's words as the reader marks them, compiled
	// when a piece is shown, once an answer (termsRegexp took 0.3-11 ms
	// for 1-20 forms of a prefix: at each answer, the UI's time at each
	// key); nil before any answer
	terms func() *regexp.Regexp
	said  querySaid // what the index said about the query of generation gen

	// The Reading filters of generation gen, and its query before they were
	// resolved into IDs (query has them once the first page is back).
	readingFilter readingFilter
	baseQuery     index.Query
	chartQuery    index.Query      // baseQuery without the chart's period (queryBeforePeriod)
	readingSnap   *readingSnapshot // the marks the results were found with
	countsSeq     int              // bumped by every request of the Reading counts

	// Reading state.
	reading     ReadingState // nil until opened, or when there is none
	stateWarned bool         // opening it gave a warning (shown then)
	warnings    []string     // the warnings of the start, kept for ! (warnings.go)
	saveSeq     int          // bumped by every change; see saveDueMsg
	saveFailing bool         // the last save failed: said once, not at every save
	saveSaid    saveSaid     // the status line's word of a failed save, which a save that works replaces
	tour        relatedTour  // the walk through related pieces (r)
	tourSaid    int          // status id of the walk's message (openRelated), dropped when the reader closes

	format formatChooser // the citation format chooser (F)
	live   liveState     // the archive changing under the reader (live.go)

	trends trendsPane    // the chart of attention over time (t), in trends.go
	period *periodFilter // the chart's period the results are filtered to (enter there)
	words  termsPane     // the distinctive words of the results (w), in terms.go

	// Saved searches (saved.go): the prompt of S, the searches as last
	// read, the generation of their counts, and whether reading them
	// failed (said once).
	prompt      savedPrompt
	saved       []SavedSearch
	savedSeq    int
	savedWarned bool
	savedNew    savedNew // the pieces new since the saved search open was last opened (saved.go)

	quotes    QuoteBook // nil until opened, or when there are none
	quoteList quoteList // the list of quotes (Q), in quotes.go

	cache *renderCache
	// renderPending: the reader's rendering could not start (see
	// ensureRendered); the next render to come back starts it.
	renderPending bool
	// unreadOnOpen is the piece last opened when it was unread: opening
	// marks it read, and a rendering that fails (its file cannot be read)
	// gives the mark back (renderFailed).
	unreadOnOpen string
}

// New returns the root model. Nothing is read or queried here: the index is
// opened by a Cmd after the first frame.
func New(opts Options) Model {
	return newModel(context.Background(), opts)
}

func newModel(ctx context.Context, opts Options) Model {
	noColor := os.Getenv("NO_COLOR") != ""
	st := NewStyles(true, noColor) // dark until the terminal says otherwise
	r := newReader(st)
	r.find.ctx = ctx // the finds end with the program
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
		reader:    r,
		addPrompt: newAddPrompt(st),
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
	// The renderer sleeps while nothing changes, and the scrolling region is
	// reset before each full redraw (frames.go). It ticks at frameRate.
	gate := newFrameGate(ctx, os.Stdout)
	model := newModel(ctx, opts)
	if opts.Trace != nil {
		model.trace = newTracer()
		gate.trace = model.trace
	}
	p := tea.NewProgram(newGatedModel(model, gate), tea.WithContext(ctx),
		tea.WithOutput(gate), tea.WithFilter(gate.filter), tea.WithFPS(frameRate))
	gate.attach(p)
	final, err := p.Run()
	if model.trace != nil {
		if terr := model.trace.writeTo(opts.Trace); terr != nil && err == nil {
			err = fmt.Errorf("trace not written: %w", terr)
		}
	}
	if g, ok := final.(gatedModel); ok {
		final = g.inner
	}
	var exitErrs []error
	if qerr := saveQuotesOnExit(final); qerr != nil {
		exitErrs = append(exitErrs, fmt.Errorf("quotes not saved: %w", qerr))
	}
	if serr := stateExitError(final); serr != nil {
		exitErrs = append([]error{serr}, exitErrs...)
	}
	if len(exitErrs) > 0 && err == nil {
		return errors.Join(exitErrs...)
	}
	switch {
	case err == nil, errors.Is(err, tea.ErrInterrupted):
		return nil
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil && !errors.Is(err, tea.ErrProgramPanic):
		return nil // stopped from outside (signal handled by the caller)
	}
	return err
}

// stateExitError saves the reading state at exit; its error is said when
// changes are lost (the status line that said a save failed is gone with
// the screen: a helper's report found stars lost with no word and exit
// status 0), or when the interface did not say it already.
func stateExitError(final tea.Model) error {
	serr := saveOnExit(final)
	if serr == nil {
		return nil
	}
	if m, ok := final.(Model); ok && (m.reading != nil && m.reading.Unsaved() || !m.saveFailing && !m.stateWarned) {
		return fmt.Errorf("reading state not saved: %w", serr)
	}
	return nil
}

// configWarningMsg says Options.ConfigWarning, once the first frame is
// drawn.
type configWarningMsg struct{ text string }

// configWarningCmd says Options.ConfigWarning; nil when there is none.
func (m Model) configWarningCmd() tea.Cmd {
	w := m.opts.ConfigWarning
	if w == "" {
		return nil
	}
	return func() tea.Msg { return configWarningMsg{text: w} }
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
	if m.opts.OpenQuotes != nil {
		cmds = append(cmds, openQuotesCmd(m.opts.OpenQuotes))
	}
	return tea.Batch(append(cmds, m.configWarningCmd())...)
}
