package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/ui"
	"golang.org/x/text/unicode/norm"
)

// pieceSource reads what folio show, cite and quotes need of an archive: the
// pieces named on the command line, the pieces quotes were taken from,
// the titles of the pieces their links go to, and the citation keys. It
// reads them from the archive's index, refreshed first, when that is
// current (on disk, not behind the files); else, and for what the index
// cannot answer (a name findInIndex cannot tell, a suggestion for a
// typo), from the whole archive, read once. Reading the whole archive took
// folio quotes and folio show by file name 1.0–1.5 s at 10,000 pieces,
// against 0.11–0.25 s through the index (alternating runs, 2026-12-03).
//
// get and title may be called from several goroutines; the others may
// read the archive, and are called from one.
type pieceSource struct {
	ctx   context.Context
	env   *Env
	name  string
	ix    *index.Index      // nil once the archive is read
	arch  *archive.Archive  // nil until then
	probs []archive.Problem // the archive's, once read
	// behind: why the index was behind the files, so that the files were
	// read ("" when it was not); behindOther: because another folio was
	// updating it (else it could not be updated: an unwritable cache)
	behind      string
	behindOther bool
}

// openPieces opens the archive's index, or reads the archive when the
// index cannot be used.
func openPieces(ctx context.Context, env *Env) (*pieceSource, error) {
	name, _, err := env.source()
	if err != nil {
		return nil, err
	}
	p := &pieceSource{ctx: ctx, env: env, name: name}
	// DiskOnly: an index built in memory is slower than the files
	ix, err := env.openIndexWith(ctx, index.Options{Once: true, DiskOnly: true, Progress: buildNote(env.Err)})
	if err == nil && ix.Behind() == "" && ix.Fallback() == "" {
		p.ix = ix
		return p, nil
	}
	if err == nil {
		p.behind, p.behindOther = ix.Behind(), ix.BehindOther()
		ix.Close()
	}
	if _, err := p.archive(); err != nil {
		return nil, err
	}
	return p, nil
}

// archive reads the whole archive, once; the index is let go.
func (p *pieceSource) archive() (*archive.Archive, error) {
	if p.arch != nil {
		return p.arch, nil
	}
	if p.ix != nil {
		p.ix.Close()
		p.ix = nil
	}
	arch, probs, err := p.env.openArchive()
	if err != nil {
		return nil, err
	}
	archiveReads.Add(1)
	p.arch, p.probs = arch, probs
	return arch, nil
}

// problems are the archive's problems: the index's while it is used, else
// those of the archive read.
func (p *pieceSource) problems() []archive.Problem {
	if p.ix != nil {
		return p.ix.Problems()
	}
	return p.probs
}

// archiveReads counts the archives pieceSource read whole (for tests).
var archiveReads atomic.Int64

func (p *pieceSource) close() {
	if p.ix != nil {
		p.ix.Close()
	}
}

// find is the piece arg names (findPiece: an id, a file, a prefix); the
// error of a piece whose file cannot be read (unreadable).
func (p *pieceSource) find(arg string) (archive.Article, bool, error) {
	if p.ix != nil {
		if a, ok := findInIndex(p.ix, arg); ok {
			return a, true, nil
		}
		if err := p.unreadable(arg); err != nil {
			return archive.Article{}, false, err
		}
	}
	arch, err := p.archive()
	if err != nil {
		return archive.Article{}, false, nil
	}
	a, ok := findPiece(arch, arg)
	if ok {
		a.SiteURLs = archive.SiteURLs(arch.FS, a.Path) // as the index's Article
	}
	return a, ok, nil
}

// named are the pieces args name (find), in their order; the error names
// every arg that names none, with suggestions (noPiece).
func (p *pieceSource) named(args []string) ([]archive.Article, error) {
	var arts []archive.Article
	var missing []string
	for _, arg := range args {
		a, ok, err := p.find(arg)
		if nfc := norm.NFC.String(arg); err == nil && !ok && nfc != arg {
			// ids are in NFC (archive.Slug): an id pasted or completed in
			// NFD, as macOS gives names, is the same id (a review: "no
			// piece with id café; did you mean café?")
			a, ok, err = p.find(nfc)
		}
		switch {
		case err != nil:
			return nil, err
		case ok && a.ID != arg && len(fileProblems(p.problems(), p.env.ArchiveDir, arg, true)) > 0:
			// the start of a piece's id, but the whole id or path of a
			// file skipped: that file is meant (49u: `show
			// content/posts/draft` showed content/posts/draftstr)
			missing = append(missing, arg)
		case ok:
			arts = append(arts, a)
		default:
			missing = append(missing, arg)
		}
	}
	if len(missing) > 0 {
		return nil, p.noPiece(missing)
	}
	return arts, nil
}

// unreadable is the error of a piece of the index whose file cannot be
// read for want of permission (the index keeps it as last read: its
// text is not shown, and it is not "no piece"); nil otherwise.
func (p *pieceSource) unreadable(arg string) error {
	if p.ix == nil {
		return nil
	}
	// arg as an id, or as the file's path (in the archive, or on disk):
	// the id of the piece the index has at that path, which is its slug
	// suffixed when another file's name slugs alike (a helper's report:
	// an unreadable my_note.md was "not a piece"), else its slug
	files := []string{strings.TrimPrefix(filepath.ToSlash(filepath.Clean(arg)), "./")}
	if rel, err := filepath.Rel(p.env.ArchiveDir, arg); err == nil && p.env.ArchiveDir != "" && filepath.IsAbs(arg) && !strings.HasPrefix(rel, "..") {
		files = append(files, filepath.ToSlash(rel))
	}
	ids := []string{arg}
	for _, f := range files {
		if id, ok := p.ix.PieceAt(f); ok {
			ids = append(ids, id)
		}
		ids = append(ids, archive.IDFromPath(f))
	}
	for _, id := range ids {
		if _, err := p.ix.Article(id); errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("piece %s is in the index, but its file cannot be read: %w", termsafe.Quote(id), err)
		}
	}
	return nil
}

// get is the piece with the id; ok is false when the archive has none.
func (p *pieceSource) get(id string) (archive.Article, bool) {
	if p.ix != nil {
		a, err := p.ix.Article(id)
		return a, err == nil
	}
	return p.arch.Get(id)
}

// title is the title of the piece the first of a link's candidates names
// (by its id or a key its site links it by), as its file has it (see
// archive.MarkLinks).
func (p *pieceSource) title(candidates []string) (string, bool) {
	if p.ix != nil {
		id, ok := p.ix.Resolve(candidates)
		if !ok {
			return "", false
		}
		a, ok := p.get(id)
		return a.Title, ok
	}
	a, ok := p.arch.Resolve(candidates)
	return a.Title, ok
}

// all is every piece, in the archive's order (newest first): from the
// index when it holds them whole (allPiecesOf), else from the archive.
func (p *pieceSource) all() ([]archive.Article, error) {
	if p.ix != nil {
		if arts, ok := allPiecesOf(p.ctx, p.ix, index.Query{}); ok {
			archive.SortNewestFirst(arts)
			return arts, nil
		}
	}
	arch, err := p.archive()
	if err != nil {
		return nil, err
	}
	return arch.Articles, nil
}

// keyringAll is the keyring of every piece, every as all returned it.
func (p *pieceSource) keyringAll(every []archive.Article) *cite.Keyring {
	keys := keyringOf(p.env, p.name, every)
	p.warnBadKeys(every, true)
	return keys
}

// noPiece is the error for args that name no piece: for an arg that names
// a file of the archive that is not a piece (skipped, a draft), why, as
// folio check says it; else with suggestions (a helper's report: `show
// content/posts/draft.md` said "no piece with id" and suggested another
// piece).
func (p *pieceSource) noPiece(args []string) error {
	arch, err := p.archive()
	if err != nil {
		return err
	}
	var why []string
	for _, arg := range args {
		probs := fileProblems(p.probs, p.env.ArchiveDir, arg, false)
		if len(probs) == 0 {
			return noPiece(arch, args)
		}
		said := make([]string, len(probs))
		for i, pr := range probs {
			said[i] = pr.String()
		}
		why = append(why, fmt.Sprintf("%s is not a piece of %s: %s", termsafe.Quote(arg), termsafe.Quote(arch.Name), strings.Join(said, "; ")))
	}
	return errors.New(strings.Join(why, "\n"))
}

// fileProblems are the problems that made the file arg names (its path
// in the archive, or on disk, or the end of one, or the id its path would
// give it; a bare name, or an id's last part, when one file has it) no
// piece: those that skipped it. exact: by its path or id only.
func fileProblems(probs []archive.Problem, archiveDir, arg string, exact bool) []archive.Problem {
	cands := []string{strings.TrimPrefix(filepath.ToSlash(filepath.Clean(arg)), "./")}
	if archiveDir != "" {
		if abs, err := filepath.Abs(arg); err == nil {
			if rel, err := filepath.Rel(archiveDir, abs); err == nil && !strings.HasPrefix(rel, "..") {
				cands = append(cands, filepath.ToSlash(rel))
			}
		}
	}
	// arg read as an id as a file's name gives one (NFC, slugged: "Draft",
	// "My Notes" and "café" typed in NFD are the ids of Draft.md, My
	// Notes.md and café.md; 49s: an NFD id fell to the start of another's)
	asID := archive.IDFromPath(norm.NFC.String(cands[0]) + ".md")
	// a file is named by its path, or by the id its path gives (49u:
	// `show bad-fm` of a skipped bad-fm.md suggested another piece)
	names := func(path string) bool {
		for _, c := range cands {
			if c == path || strings.HasSuffix(c, "/"+path) {
				return true
			}
		}
		return asID != "" && asID == archive.IDFromPath(path)
	}
	var out []archive.Problem
	file := ""
	for _, pr := range probs {
		if pr.Fatal && names(pr.Path) && (file == "" || file == pr.Path) {
			file = pr.Path
			out = append(out, pr)
		}
	}
	if out != nil || exact || strings.Contains(cands[0], "/") {
		return out
	}
	// a bare name: of one file only
	for _, pr := range probs {
		if pr.Fatal && (path.Base(pr.Path) == cands[0] || asID != "" && path.Base(archive.IDFromPath(pr.Path)) == asID) {
			if file != "" && file != pr.Path {
				return nil
			}
			file = pr.Path
			out = append(out, pr)
		}
	}
	return out
}

// warnBadKeys prints, as warnings, the problems of those of arts whose
// pinned citation key is not one (archive.IsBadCiteKey), which are cited
// by a generated key; the keyring does not see them (the parse drops the
// key). All of them for all.
func (p *pieceSource) warnBadKeys(arts []archive.Article, all bool) {
	probs := p.problems()
	var paths []string // nil: every file's
	if !all {
		paths = make([]string, 0, len(arts))
		for _, a := range arts {
			paths = append(paths, a.Path)
		}
	}
	warnKeyProblems(p.env, archive.BadCiteKeys(probs, paths))
}

// keyring holds the citation keys of arts, the keys the whole archive's
// keyring gives them (ui.CiteKeyring reads only the pieces that decide
// them), kept in the ledger of keys; its warnings go to stderr.
func (p *pieceSource) keyring(arts []archive.Article) (*cite.Keyring, error) {
	if p.ix != nil {
		keys, warn, err := ui.CiteKeyring(p.ctx, p.ix, citeKeysOf(p.name), arts)
		if err == nil {
			if warn != "" {
				fmt.Fprintln(p.env.Err, "folio: warning:", termsafe.Escape(warn))
			}
			warnKeyProblems(p.env, keys.Problems())
			p.warnBadKeys(arts, false)
			return keys, nil
		}
	}
	arch, err := p.archive()
	if err != nil {
		return nil, err
	}
	keys := archiveKeyring(p.env, arch)
	p.warnBadKeys(arts, false)
	return keys, nil
}
