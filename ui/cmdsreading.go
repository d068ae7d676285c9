package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// The Cmds of the research side, with the I/O rules of cmds.go: opening
// and saving the reading state, citing, keeping the citation format, and
// finding a piece's links to other pieces.

// openStateCmd opens the reading state after the first frame.
func openStateCmd(open func() (ReadingState, error)) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = stateOpenedMsg{err: fmt.Errorf("opening the reading state failed: %v", r)}
			}
		}()
		st, err := open()
		return stateOpenedMsg{state: st, err: err}
	}
}

// saveDelay is the pause after a change the reader makes by itself (a
// piece opened: its read mark, its place) before it is written: long
// enough to make a burst of them one write, short enough that a crash
// loses little. A mark given by a key is written at once
// (stateChangedNow).
const saveDelay = 700 * time.Millisecond

// saveSoonCmd asks for a saveDueMsg after the pause.
func saveSoonCmd(after afterFunc, seq int) tea.Cmd {
	return after(saveDelay, saveDueMsg{seq: seq})
}

// saveStateCmd writes the reading state, merged with what other folio
// processes saved meanwhile (see the state package), and brings that back.
// seq is the Model's saveSeq when the save is asked for: the save writes
// every change made up to it (what is in memory when it runs).
func saveStateCmd(rs ReadingState, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = stateSavedMsg{seq: seq, err: fmt.Errorf("saving failed: %v", r)}
			}
		}()
		changed, err := rs.Reload()
		return stateSavedMsg{seq: seq, changed: changed, err: err}
	}
}

// saveOnExit is the last save, after the program has stopped: it keeps the
// position in the open piece and the marks not yet written when folio was
// stopped by a signal rather than by a key (the keys save in a Cmd).
func saveOnExit(final tea.Model) error {
	m, ok := final.(Model)
	if !ok || m.reading == nil {
		return nil
	}
	m.rememberPosition()
	return m.reading.Save()
}

// saveQuotesOnExit writes the quotes kept while their file could not be
// (a full disk: "Quote not saved"), which the list went on showing: a
// helper's report found them gone after q, unless Q had reloaded the list
// once space was freed.
//
// Only changes that wait are written: a quit with none does not read the
// quotes file again, nor fails for a file refused at the start, already
// said then (a review's report).
func saveQuotesOnExit(final tea.Model) error {
	m, ok := final.(Model)
	if !ok || m.quotes == nil {
		return nil
	}
	var errs []error
	for _, k := range m.keptQuotes {
		// a quote kept just before q: its save is waited for, or made
		// now if Bubble Tea had not started it (a helper's report: lost);
		// the outcome of one it ran was shown
		started := k.started.Load()
		if msg, ok := k.save().(quoteSavedMsg); ok && msg.err != nil && msg.quote.ID == "" && !started {
			errs = append(errs, msg.err)
		}
	}
	if m.quotes.Unsaved() {
		errs = append(errs, m.quotes.Save())
	}
	return errors.Join(errs...)
}

// maxCitations caps C: a bibliography of more pieces is unlikely to be
// wanted, and a clipboard write (OSC 52) of much more is refused by many
// terminals.
const maxCitations = 500

// citeResultsCmd cites the first maxCitations results of q (those the
// list shows first), sorted as a bibliography is: by author, then date.
func citeResultsCmd(ctx context.Context, s Searcher, ledger OpenCiteKeysFunc, q index.Query, f cite.Format) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = citedMsg{err: fmt.Errorf("citing failed: %v", r)}
			}
		}()
		q.Offset, q.Limit = 0, maxCitations
		res, err := s.Search(ctx, q)
		if err != nil {
			return citedMsg{err: err}
		}
		ids := make([]string, 0, len(res.Hits))
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		out := citePieces(ctx, s, ledger, ids, f, true)
		out.total = max(res.Total, out.n)
		return out
	}
}

// citePiecesCmd cites pieces by ID.
func citePiecesCmd(ctx context.Context, s Searcher, ledger OpenCiteKeysFunc, ids []string, f cite.Format) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = citedMsg{err: fmt.Errorf("citing failed: %v", r)}
			}
		}()
		out := citePieces(ctx, s, ledger, ids, f, false)
		out.total = out.n
		return out
	}
}

// citePieces loads the pieces (citations need their authors and URL, which
// the hits may not carry in full) and cites them, with the citation keys
// the archive gives them (see keyringFor); a bibliography is sorted by
// author, then date.
func citePieces(ctx context.Context, s Searcher, ledger OpenCiteKeysFunc, ids []string, f cite.Format, bibliography bool) citedMsg {
	arts := make([]archive.Article, 0, len(ids))
	for _, id := range ids {
		a, err := s.Article(id)
		if err != nil {
			return citedMsg{err: err}
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return citedMsg{err: errors.New("no pieces to cite")}
	}
	if bibliography {
		cite.SortBibliography(arts)
	}
	keys, warn, err := keyringFor(ctx, s, ledger, arts)
	if err != nil {
		return citedMsg{err: err}
	}
	text, err := cite.Cite(arts, f, time.Now(), keys)
	if len(arts) == 1 && (f == cite.Text || f == cite.Markdown) {
		text = strings.TrimSuffix(text, "\n") // one note pastes into a sentence
	}
	paths := make([]string, len(arts))
	for i, a := range arts {
		paths[i] = a.Path
	}
	return citedMsg{text: text, n: len(arts), warn: withPinWarning(warn, keys, arts), paths: paths, err: err}
}

// badKeyWarning says which of the pieces whose files are paths pin a
// citation key that is not one (archive.IsBadCiteKey: the parse drops it,
// so the keyring does not see it), and are cited by a generated key, as
// folio cite warns; "" for none. probs are the archive's problems.
func badKeyWarning(probs []archive.Problem, paths []string) string {
	if paths == nil {
		paths = []string{} // none cited: none to warn of
	}
	return keysWarning(archive.BadCiteKeys(probs, paths))
}

// joinWarnings joins two warnings for the status line.
func joinWarnings(a, b string) string {
	return strings.Trim(a+" · "+b, " ·")
}

// withPinWarning adds to warn which of arts are not cited by the key they
// pin (its file's citekey is the ledger's key of another piece, or another
// piece pins it too: keys.Problems), as folio cite warns: without it the
// reader copied (or gave a quote) another key than the file names, saying
// nothing.
func withPinWarning(warn string, keys *cite.Keyring, arts []archive.Article) string {
	if pins := pinWarning(keys, arts); pins != "" {
		return strings.TrimPrefix(warn+" · "+pins, " · ")
	}
	return warn
}

// pinWarning is the warning of withPinWarning, "" for none.
func pinWarning(keys *cite.Keyring, arts []archive.Article) string {
	cited := make(map[string]bool, len(arts))
	for _, a := range arts {
		cited[cmp.Or(a.Path, a.ID)] = true
	}
	var ps []archive.Problem
	for _, p := range keys.Problems() {
		if cited[p.Path] {
			ps = append(ps, p)
		}
	}
	return keysWarning(ps)
}

// keysWarning is the status line's warning of the problems of pinned
// keys ps: the first, and how many more; "" for none.
func keysWarning(ps []archive.Problem) string {
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return ps[0].String()
	}
	return fmt.Sprintf("%s (and %d more pinned keys not used: folio check lists them)", ps[0].String(), len(ps)-1)
}

// CiteKeyring is keyringFor for folio cite: the keys of arts as the reader's
// c gives them, from the index, without reading the whole archive; warn is
// a warning about the ledger of keys.
func CiteKeyring(ctx context.Context, s Searcher, ledger OpenCiteKeysFunc, arts []archive.Article) (_ *cite.Keyring, warn string, _ error) {
	return keyringFor(ctx, s, ledger, arts)
}

// keyringFor is the keyring of the pieces of the years of arts and of every
// piece that pins a key: they alone decide the keys of arts (see
// cite.Keyring), so c and C give a piece the key `folio cite` gives it,
// whatever else is cited with it; when that keyring is unsure of a key
// kept through an edit in place (cite.Keyring.Unsure), the keyring of
// every piece the index holds. It keeps the keys the ledger records
// and adds those it hands out (ledger nil: none kept, as a first run).
func keyringFor(ctx context.Context, s Searcher, ledger OpenCiteKeysFunc, arts []archive.Article) (_ *cite.Keyring, warn string, _ error) {
	var years []string
	for _, a := range arts {
		if y := a.Date.Time.Format("2006"); !a.Date.Time.IsZero() && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	qs := []index.Query{{Pinned: true}}
	if years != nil {
		qs = []index.Query{{Years: years}, {Pinned: true}}
	}
	peers, err := indexedPeers(ctx, s, arts, qs...)
	if err != nil {
		return nil, "", err
	}
	var every []archive.Article // the whole archive's, read when needed
	var everyErr error
	build := func(given []cite.KeyRecord) *cite.Keyring {
		k := cite.NewKeyringWith(peers, given)
		if !k.Unsure() {
			k.MarkPartial() // some years' pieces: a ledger is adopted only from a folder gone
			return k
		}
		// a piece edited in place kept its key for want of the piece it
		// was given for, which may be of another year: the whole
		// archive decides (once, until the ledger records the edit)
		if every == nil && everyErr == nil {
			every, everyErr = indexedPeers(ctx, s, arts, index.Query{})
		}
		if everyErr != nil {
			return cite.NewKeyringWith(nil, given) // no keys, none recorded: keyringFor fails
		}
		return cite.NewKeyringWith(every, given)
	}
	if ledger == nil {
		return build(nil), "", nil // no ledger: never unsure
	}
	book, openWarn := ledger() // a warning: no state folder, a corrupt file set aside
	if openWarn != nil {
		warn = termsafe.ErrText(openWarn)
	}
	if book == nil {
		return build(nil), warn, nil
	}
	keys, err := book.Assign(build)
	if everyErr != nil {
		return nil, "", everyErr
	}
	if err != nil { // a key not kept may be given to another piece later
		warn = "citation keys not kept: " + termsafe.ErrText(err) + " (a new key copied may go to another piece later)"
	}
	if a, ok := book.(interface{ AdoptedFrom() string }); ok && a.AdoptedFrom() != "" {
		// a folder renamed or copied: said once, the ledger is its own now
		note := "citation keys taken from the ledger of " + a.AdoptedFrom()
		if warn != "" {
			note = warn + "; " + note
		}
		warn = note
	}
	return keys, warn, nil
}

// indexedPeers are the pieces the index finds for qs, each once, oldest
// first, as a keyring reads them, and those of arts it has not found (an
// undated piece, or one the index lacks).
func indexedPeers(ctx context.Context, s Searcher, arts []archive.Article, qs ...index.Query) ([]archive.Article, error) {
	var peers []archive.Article
	seen := map[string]bool{}
	for _, q := range qs {
		q.Sort, q.Limit = index.SortOldest, 10000
		got := 0
		for {
			res, err := s.Search(ctx, q)
			if err != nil {
				return nil, err
			}
			for _, h := range res.Hits {
				if !seen[h.ID] {
					seen[h.ID] = true
					peers = append(peers, archive.Article{ID: h.ID, Path: h.Path, Title: h.Title, Authors: h.Authors, Outlet: h.Outlet, Date: h.Date, Kind: h.Kind, URL: h.URL, CiteKey: h.CiteKey, CiteKeyLine: h.CiteKeyLine})
				}
			}
			got += len(res.Hits)
			if len(res.Hits) == 0 || got >= res.Total {
				break
			}
			q.Offset = got
		}
	}
	for _, a := range arts {
		if !seen[a.ID] {
			seen[a.ID] = true
			peers = append(peers, a)
		}
	}
	return peers, nil
}

// saveFormatCmd records the chosen format.
func saveFormatCmd(save func(cite.Format) error, f cite.Format) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = formatSavedMsg{err: fmt.Errorf("saving failed: %v", r)}
			}
		}()
		return formatSavedMsg{err: save(f)}
	}
}

// linksCmd finds which of a's relative links name a piece: the first of a
// link's candidate ids that names one, by its id or a key its site links
// it by (resolveLink). Each target is looked up once.
func linksCmd(s Searcher, a archive.Article) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = linksMsg{from: a.ID}
			}
		}()
		var out []pieceLink
		seen := map[string]bool{a.ID: true}
		links := archive.LinksIn(a.Body, a.SiteURLs)
		looked := map[string]bool{} // candidates looked up: /x/#a and /x/#b are one
		for _, l := range links[:min(len(links), maxLinkTargets)] {
			cands := archive.LinkCandidates(a.Path, l.Target)
			key := strings.Join(cands, "\x00")
			if looked[key] {
				continue
			}
			looked[key] = true
			p, ok := resolveLink(s, cands)
			if !ok || seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			text := l.Text
			if text == "" {
				text = l.Target
			}
			out = append(out, pieceLink{text: text, hit: index.Hit{ID: p.ID, Title: p.Title, Outlet: p.Outlet,
				Date: p.Date, Tags: p.Tags, Authors: p.Authors, Kind: p.Kind, URL: p.URL}})
		}
		return linksMsg{from: a.ID, links: out}
	}
}
