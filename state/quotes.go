package state

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// Quotes are the passages a reader keeps from the pieces of one archive,
// each with its citation, in a JSON file of its own beside the reading
// state ("<state file name>.quotes.json", e.g. "bundled.quotes.json"):
//
//	{
//	  "about": "folio quotes ...",
//	  "version": 1,
//	  "archive": "/home/ana/commentary",
//	  "quotes": [
//	    {
//	      "id": "5f0c9e2a",
//	      "piece": "2017-10-19-raqqa-terror-is-here-to-stay",
//	      "exact": "The threat will outlive the caliphate.",
//	      "prefix": "sympathisers at home.",
//	      "suffix": "Its networks remain",
//	      "position": 1834,
//	      "note": "for chapter 3",
//	      "created": "2026-12-01T18:30:00Z",
//	      "citation": {"key": "pantucci2017raqqa", "title": "...", ...}
//	    }
//	  ]
//	}
//
// A quote is anchored by its Selector (see there), not by a line number, so
// it is found again after the piece is edited, re-imported or re-indexed;
// one whose passage is gone is orphaned but kept (see Selector.Locate). The
// citation is what the piece was when the quote was taken, so a quote
// still cites its source after the piece left the archive.
//
// The file is merged between folio processes as the reading state is (see
// Store): each Quotes keeps its additions, removals and note changes as
// operations and applies them at Save to the file as it is on disk then,
// under the state folder's lock, writing it atomically. Two folios adding
// quotes at once keep both; a folio killed during a Save leaves the file as
// it was before it or after it. A file that cannot be parsed is set aside
// (<file>.corrupt-<time>), never overwritten. As with the reading state,
// Quotes whose file another folio set aside write it again whole, Quotes
// whose file another folio set aside and began afresh add theirs to it
// (see afresh), and Quotes whose file was deleted keep only their unsaved
// changes (see Save).
type Quotes struct {
	saveMu sync.Mutex // one Save at a time; held across I/O

	mu      sync.Mutex
	path    string // "" when there is no state folder: memory only
	archive string
	quotes  []Quote // oldest first
	pending []quoteOp
	refuse  error // why Save must not write (see Store.refuse)

	// asideSeen names the set-aside copies of the file that were in the
	// state folder when these Quotes last read or wrote it, as
	// Store.asideSeen does: a file found gone with a copy not named here
	// was set aside as corrupt since (by another folio), one gone with
	// none was deleted (see write). Guarded by saveMu once OpenQuotes has
	// returned.
	asideSeen map[string]bool
	// mark is the afresh mark of the file when these Quotes last read or
	// wrote it (nil: none), carried into the file written again whole
	// after a set-aside (see carried), as Store.mark is; while there is
	// one, Rename keeps every move for it. Set under saveMu and mu once
	// OpenQuotes has returned.
	mark *afresh
}

// Quote is one kept passage.
type Quote struct {
	ID    string `json:"id"`    // 8 hex digits, unique in the archive's quotes
	Piece string `json:"piece"` // the piece's archive ID
	Selector
	Note     string    `json:"note,omitempty"`
	Created  time.Time `json:"created"`
	Citation Citation  `json:"citation"`
}

// Citation is what a quote cites: the piece as it was when the quote was
// taken.
type Citation struct {
	Key     string   `json:"key,omitempty"` // the archive's citation key (cite.Keyring)
	Title   string   `json:"title"`
	Authors []string `json:"authors,omitempty"`
	Outlet  string   `json:"outlet,omitempty"`
	Date    string   `json:"date,omitempty"` // 2017-10-19, 2017-10 or 2017: the piece's precision
	URL     string   `json:"url,omitempty"`
	Kind    string   `json:"kind,omitempty"`
}

// CitationOf is what a quote records of its piece a, whose citation key
// in its archive is key.
func CitationOf(a archive.Article, key string) Citation {
	return Citation{
		Key: key, Title: a.Title, Authors: slices.Clone(a.Authors), Outlet: a.Outlet,
		Date: a.Date.String(), URL: a.URL, Kind: a.Kind,
	}
}

// QuotesVersion is the quotes file format written by this folio.
const QuotesVersion = 1

const quotesAbout = "folio quotes for one archive: passages kept from its pieces, each found again by its exact text and the text around it (prefix, suffix; position counts the letters and digits before it), with the piece's citation as it was when quoted; afresh, when there, marks a file begun after a corrupt one was set aside (the pieces moved since). Safe to edit while folio is not running."

type quotesFile struct {
	About   string  `json:"about"`
	Version int     `json:"version"`
	Archive string  `json:"archive"`
	Quotes  []Quote `json:"quotes"`
	// Afresh is set in a file begun afresh after a set-aside, as the
	// reading state's (see afresh: Moved names the pieces moved since,
	// Set the quotes removed since, by ID: "removed"); nil in one that
	// carries the quotes from before.
	Afresh *afresh `json:"afresh,omitempty"`
}

// record notes in a, the mark of a quotes file begun afresh, the pieces
// o moves (a Rename) and the quote it removes.
func (o quoteOp) record(a *afresh) {
	switch o.kind {
	case quoteMove:
		if len(o.every) > 0 && len(a.Moved)+len(o.every) <= maxAfreshMoves {
			a.moveAtOnce(o.every)
		} else {
			a.moveAtOnce(o.moves)
		}
	case quoteRemove:
		a.set(o.q.ID, "removed")
	}
}

// addOld adds to f, a file begun afresh, old, the quotes of a folio that
// held the file set aside: those the file lacks and did not remove since
// it was begun, each on the piece the file's moves took its own to
// (afresh.moves). The mark stays for its day, as the reading state's
// (see file.addOld): another folio may add its quotes too, and adding
// one folio's twice is the same as once.
func (f *quotesFile) addOld(old []Quote) {
	dest := f.Afresh.moves()
	for _, q := range old {
		if f.Afresh.wasSet(q.ID, "removed") || slices.ContainsFunc(f.Quotes, func(o Quote) bool { return o.ID == q.ID }) {
			continue
		}
		q = cloneQuote(q)
		if to, ok := dest[q.Piece]; ok {
			q.Piece = to
		}
		f.Quotes = append(f.Quotes, q)
	}
	sortQuotes(f.Quotes)
}

type quoteOpKind uint8

const (
	quoteAdd quoteOpKind = iota
	quoteRemove
	quoteSetNote
	quoteMove // every quote of a piece of moves to the piece it names (Rename)
)

// quoteOp is one change to the quotes; applying one twice is the same as
// once, so a failed Save can apply its ops again.
type quoteOp struct {
	kind  quoteOpKind
	q     Quote             // quoteAdd; quoteRemove and quoteSetNote use q.ID (and q.Note)
	moves map[string]string // quoteMove: old piece ID → new, of the pieces with quotes here
	// every is, for a quoteMove made while the file read was begun
	// afresh, every move given, those of pieces with no quote here too:
	// recorded in the mark (see record), for a folio holding the quotes
	// from before the set-aside to follow (an attack: a piece renamed
	// by "folio index" after the file began, holding no quote in it,
	// recorded no move, and the reader's quote on it stayed on its old
	// ID, orphaned)
	every map[string]string
}

// maxAfreshMoves bounds the moves a mark records of pieces that hold no
// quote in the file (quoteOp.every): a day's renames, however many (a
// folder of 10,000 renamed makes a mark of about 1 MB); past it, only the
// moves of pieces with quotes in the file are recorded.
const maxAfreshMoves = 10000

func (o quoteOp) apply(qs []Quote) []Quote {
	if o.kind == quoteMove {
		for i := range qs {
			if to, ok := o.moves[qs[i].Piece]; ok {
				qs[i].Piece = to
			}
		}
		return qs
	}
	i := slices.IndexFunc(qs, func(q Quote) bool { return q.ID == o.q.ID })
	switch o.kind {
	case quoteAdd:
		if i < 0 {
			qs = append(qs, o.q)
		}
	case quoteRemove:
		if i >= 0 {
			qs = slices.Delete(qs, i, i+1)
		}
	case quoteSetNote:
		if i >= 0 {
			qs[i].Note = o.q.Note
		}
	}
	return qs
}

// QuotesFileName is the quotes file of an archive: its state file's name
// (FileName) with ".quotes.json" for ".json".
func QuotesFileName(archiveName string) string {
	return strings.TrimSuffix(FileName(archiveName), ".json") + ".quotes.json"
}

// OpenQuotes loads the quotes of the archive named archiveName from dir (""
// for DefaultDir). It always returns usable Quotes; a non-nil error is a
// warning for the user, as with Open.
func OpenQuotes(archiveName, dir string) (*Quotes, error) {
	s := &Quotes{archive: archiveName}
	dir, err := dirOr(dir)
	if err != nil {
		s.refuse = err
		return s, fmt.Errorf("quotes are not saved: %w", err)
	}
	s.path = filepath.Join(dir, QuotesFileName(archiveName))
	adoptMovedArchive(dir, archiveName) // a moved folder's files
	// Before the read: a copy set aside after it is one these Quotes never
	// saw, which a Save that finds the file gone must tell (as in Open).
	before, _ := asideCopies(s.path)
	f, err := readOrSetAside(s.path, readQuotesFile)
	var corrupt *corruptError
	var mark *afresh
	if err == nil {
		mark = f.Afresh
	}
	// Holding none of the quotes of a file set aside, these Quotes have
	// seen every copy (a file they begin is begun afresh); reading one
	// begun afresh, they hold its quotes.
	s.asideSeen = seenAtOpen(s.path, before, err, mark)
	s.mark = mark
	switch {
	case err == nil:
		s.quotes = f.Quotes
		return s, nil
	case errors.Is(err, fs.ErrNotExist):
		return s, nil
	case errors.As(err, &corrupt):
		if corrupt.asideErr != nil {
			s.refuse = fmt.Errorf("corrupt quotes file %s could not be set aside: %w", s.path, corrupt.asideErr)
			return s, s.refuse
		}
		return s, fmt.Errorf("quotes file %s was corrupt (%v); moved it to %s and started afresh", s.path, corrupt.err, filepath.Base(corrupt.aside))
	default:
		s.refuse = fmt.Errorf("quotes file %s cannot be read: %w", s.path, err)
		return s, fmt.Errorf("%w; quotes will not be saved this session", s.refuse)
	}
}

// maxQuotesSize caps the quotes file, read and written: a quote takes a
// few hundred bytes, so 64 MB is some 200,000 quotes. Reading a full one
// takes some 0.6–0.8 GB (1e6 quotes, 247 MB, took 2.2–3.2 GB in folio
// quotes); a variable for the tests.
var maxQuotesSize int64 = 64 << 20

// readQuotesFile reads and checks a quotes file. A quote without an id, a
// piece or a passage with a letter or digit in it is dropped, as are later
// quotes with an id already seen: one odd entry of a hand-edited file is
// not worth losing the rest.
func readQuotesFile(path string) (*quotesFile, error) {
	f, err := readJSON(path, maxQuotesSize, QuotesVersion, func(f *quotesFile) int { return f.Version })
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	f.Quotes = slices.DeleteFunc(f.Quotes, func(q Quote) bool {
		drop := !validID(q.ID) || !validID(q.Piece) || !Selectable(q.Exact) || seen[q.ID]
		seen[q.ID] = true
		return drop
	})
	sortQuotes(f.Quotes)
	f.Afresh.dropBadMoves()
	return f, nil
}

func sortQuotes(qs []Quote) {
	slices.SortStableFunc(qs, func(a, b Quote) int {
		return a.Created.Compare(b.Created) // stable: quotes of one second keep their order
	})
}

// Path is the quotes file ("" when the quotes are memory-only).
func (s *Quotes) Path() string { return s.path }

// All returns every quote, oldest first.
func (s *Quotes) All() []Quote {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneQuotes(s.quotes)
}

// Of returns the quotes of one piece, oldest first.
func (s *Quotes) Of(piece string) []Quote {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Quote
	for _, q := range s.quotes {
		if q.Piece == piece {
			out = append(out, cloneQuote(q))
		}
	}
	return out
}

// Get returns the quote with an id.
func (s *Quotes) Get(id string) (Quote, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.quotes {
		if q.ID == id {
			return cloneQuote(q), true
		}
	}
	return Quote{}, false
}

// Pieces returns the IDs of the pieces that have quotes, sorted. It may
// name pieces no longer in the archive.
func (s *Quotes) Pieces() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, q := range s.quotes {
		ids = append(ids, q.Piece)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Add keeps a new quote and returns it with its ID and, when q has none,
// its creation time (now, in UTC to the second). The passage must have a
// letter or a digit; q.ID is ignored.
func (s *Quotes) Add(q Quote) (Quote, error) {
	if !validID(q.Piece) {
		return Quote{}, fmt.Errorf("a quote needs the id of its piece")
	}
	if !Selectable(q.Exact) {
		return Quote{}, errors.New("a quote needs a passage with a letter or a digit")
	}
	if q.Created.IsZero() {
		q.Created = time.Now()
	}
	q.Created = q.Created.UTC().Truncate(time.Second)
	q = cloneQuote(q)
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		q.ID = newQuoteID()
		if !slices.ContainsFunc(s.quotes, func(o Quote) bool { return o.ID == q.ID }) {
			break
		}
	}
	o := quoteOp{kind: quoteAdd, q: q}
	s.pending = append(s.pending, o)
	s.quotes = o.apply(s.quotes)
	return cloneQuote(q), nil
}

// newQuoteID is 8 random hex digits: short enough to type (folio quotes rm
// ID), and two folios adding quotes at once do not pick the same one
// (one chance in four billion a pair).
func newQuoteID() string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// Remove deletes a quote and reports whether there was one with that id.
func (s *Quotes) Remove(id string) bool {
	return s.change(quoteOp{kind: quoteRemove, q: Quote{ID: id}})
}

// SetNote replaces the note of a quote and reports whether there is one
// with that id.
func (s *Quotes) SetNote(id, note string) bool {
	return s.change(quoteOp{kind: quoteSetNote, q: Quote{ID: id, Note: note}})
}

// Rename gives the quotes of each piece whose ID was a key of moves to
// the piece its value names: the same piece, its file renamed or moved
// (index.Stats.Renamed). Their passages are found in it as before, by
// their text. One pass over the quotes, however many renames (a review:
// one a rename took 10,000 × 2,000 steps at every open). It reports
// how many pieces' quotes moved (0: none). When the file last read or
// written was begun afresh (see afresh), every move given is kept for
// the next Save (Unsaved) to record in it, those of pieces with no quote
// here too: a folio that held the quotes of the file set aside takes
// them to the pieces' new IDs when it adds them.
func (s *Quotes) Rename(moves map[string]string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	some := map[string]string{}
	for _, q := range s.quotes {
		if to, ok := moves[q.Piece]; ok && to != "" && to != q.Piece {
			some[q.Piece] = to
		}
	}
	var every map[string]string
	if s.mark != nil && len(moves) <= maxAfreshMoves {
		every = map[string]string{}
		for from, to := range moves {
			if validID(from) && validID(to) && from != to {
				every[from] = to
			}
		}
	}
	if len(some) == 0 && len(every) == 0 {
		return 0
	}
	o := quoteOp{kind: quoteMove, moves: some, every: every}
	s.pending = append(s.pending, o)
	s.quotes = o.apply(s.quotes)
	return len(some)
}

func (s *Quotes) change(o quoteOp) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.ContainsFunc(s.quotes, func(q Quote) bool { return q.ID == o.q.ID }) {
		return false
	}
	s.pending = append(s.pending, o)
	s.quotes = o.apply(s.quotes)
	return true
}

// Save writes the changes made here into the quotes file and takes in the
// quotes other folio processes saved meanwhile, as Store.Save does: under
// the state folder's lock it re-reads the file, applies this process's
// changes in order and writes the result atomically. A Save that fails
// keeps its changes for the next one. A file found corrupt is set aside
// and replaced by all the quotes held here (begun afresh still when the
// file last read or written was: see carried); so is a file found gone that
// another folio set aside as corrupt since these Quotes last read or
// wrote it (a copy "<file>.corrupt-<time>" that was not in the folder
// then), even with nothing else to write. A file found gone otherwise was
// deleted (it, or the state folder): the Quotes then hold only their
// changes since the last Save, and write them (none: the file stays
// gone); a file so begun after a set-aside (one these Quotes have seen,
// or whose OpenQuotes found the file corrupt) is begun afresh (see
// afresh). A file found begun afresh after a set-aside these Quotes have
// not seen (another folio set the file aside and wrote its own quotes
// first) takes the quotes held here that it lacks and did not remove, on the pieces it moved
// them to, even with nothing else to write; a file that carries the
// quotes from before takes only the changes: a quote it lacks was
// removed.
func (s *Quotes) Save() error {
	_, err := s.sync()
	return err
}

// Unsaved reports whether changes made here wait for a Save (one failed).
func (s *Quotes) Unsaved() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending) > 0
}

// Reload takes in what other folio processes saved since this one last
// read the file (writing this process's changes with it) and reports
// whether the quotes changed.
func (s *Quotes) Reload() (changed bool, err error) { return s.sync() }

func (s *Quotes) sync() (bool, error) {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()

	s.mu.Lock()
	if s.refuse != nil || s.path == "" {
		err := cmp.Or(s.refuse, errors.New("no state folder"))
		s.mu.Unlock()
		return false, err
	}
	ops := s.pending
	s.pending = nil
	s.mu.Unlock()

	merged, err := s.write(ops)
	if err != nil {
		s.mu.Lock()
		s.pending = append(ops, s.pending...)
		s.mu.Unlock()
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.pending {
		merged = o.apply(merged)
	}
	changed := !slices.EqualFunc(s.quotes, merged, sameQuote)
	s.quotes = merged
	return changed, nil
}

func sameQuote(a, b Quote) bool {
	return a.ID == b.ID && a.Note == b.Note && a.Piece == b.Piece && a.Selector == b.Selector
}

// write is the I/O of a Save: lock, re-read, apply, write, unlock; with no
// ops it only reads. It returns the quotes as written (or read).
func (s *Quotes) write(ops []quoteOp) (_ []Quote, err error) {
	// Only reading (Reload, when the file was written: perhaps by hand,
	// half-way through a mend), a corrupt file is left as it is, and the
	// quotes as they were, until there is something to write.
	w, err := startWrite(s.path, "quotes file", readQuotesFile, s.asideSeen, len(ops) == 0)
	if err != nil {
		return nil, err
	}
	defer w.unlock()
	f := &quotesFile{}
	defer func() {
		if err == nil && w.copies != nil {
			s.asideSeen = seenWith(w.copies, f.Afresh)
		}
		if err == nil {
			s.mu.Lock() // Rename reads it
			s.mark = f.Afresh
			s.mu.Unlock()
		}
	}()
	rewrite := false
	switch w.found {
	case foundFile:
		f = w.file
		if takeOld(s.path, &f.Afresh, s.asideSeen, time.Now()) {
			// Begun afresh by another folio after a set-aside these
			// Quotes have not seen: the quotes held here, from the file
			// set aside, are added (a running reader's quotes were lost
			// to "folio quotes add" finding the file corrupt: the reader
			// and the file held its one quote). Never to a file that
			// carries the quotes from before (Afresh nil).
			s.mu.Lock()
			f.addOld(s.quotes)
			s.mu.Unlock()
			rewrite = true
		}
	case foundDeleted:
		// Deleted, not set aside: only the changes since the last Save;
		// written after a set-aside, the file is begun afresh.
		f.Afresh = beginAfresh(s.path, w, false, time.Now())
	case foundSetAside:
		// Set aside as corrupt since this process last read or wrote
		// it, here or by another folio: the quotes held here are the
		// only good copy and are written again whole, not only the
		// changes since the last Save (an attack: a reader's quotes,
		// its file set aside by "folio quotes", were gone at its watch's
		// Reload, and only the next one added was written again). A
		// file these Quotes read begun afresh is so still (carried),
		// as the reading state's is.
		f.Afresh = carried(s.path, s.mark, time.Now())
		s.mu.Lock()
		all := make([]quoteOp, 0, len(s.quotes)+len(ops))
		for _, q := range s.quotes {
			all = append(all, quoteOp{kind: quoteAdd, q: cloneQuote(q)})
		}
		ops = append(all, ops...)
		s.mu.Unlock()
	}
	if len(ops) == 0 && !rewrite {
		return f.Quotes, nil
	}
	for _, o := range ops {
		f.Quotes = o.apply(f.Quotes)
		if f.Afresh != nil {
			o.record(f.Afresh)
		}
	}
	sortQuotes(f.Quotes)
	f.About, f.Version, f.Archive = quotesAbout, QuotesVersion, s.archive
	data, err := json.MarshalIndent(f, "", "  ")
	if err == nil && int64(len(data)) >= maxQuotesSize {
		// Indented, a file near the limit would pass it and lock every
		// quote out: written compact, as saved.json is.
		data, err = json.Marshal(f)
	}
	if err != nil {
		return nil, err
	}
	if int64(len(data)) >= maxQuotesSize {
		return nil, fmt.Errorf("%s: the quotes would be over the %d MB folio reads; nothing was written (folio quotes rm removes some)", s.path, maxQuotesSize>>20)
	}
	if err := atomicfile.WriteFile(s.path, append(data, '\n'), 0o600); err != nil {
		return nil, err
	}
	return f.Quotes, nil
}

func cloneQuote(q Quote) Quote {
	q.Citation.Authors = slices.Clone(q.Citation.Authors)
	return q
}

func cloneQuotes(qs []Quote) []Quote {
	out := make([]Quote, len(qs))
	for i, q := range qs {
		out[i] = cloneQuote(q)
	}
	return out
}

// Matches reports whether every word of query occurs in the quote's
// passage, note, or cited title, authors or outlet, compared as Locate
// compares (letters and digits, case and accents ignored; a word may be
// part of a longer one). An empty query matches every quote.
func (q Quote) Matches(query string) bool {
	hay := foldString(strings.Join(append([]string{q.Exact, q.Note, q.Citation.Title, q.Citation.Outlet}, q.Citation.Authors...), " "))
	for _, w := range strings.Fields(query) {
		if w := foldString(w); !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Quotes opens the quotes of the store's archive, from the folder of its
// state file (see OpenQuotes); memory-only Quotes when the store has no
// state folder.
func (s *Store) Quotes() (*Quotes, error) {
	if s.path == "" {
		return &Quotes{archive: s.archive, refuse: errors.New("no state folder")}, nil
	}
	return OpenQuotes(s.archive, filepath.Dir(s.path))
}
