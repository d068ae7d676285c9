package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
)

func newCiteCmd(env *Env) *cobra.Command {
	var format, accessed string
	var all bool
	cmd := &cobra.Command{
		Use:   "cite ID... | --all",
		Short: "Print citations of pieces: text, markdown, bibtex, ris or csl-json",
		Long: `Print citations of the pieces named by ID (folio list shows the ids), or of
every piece with --all, in one of these formats:

  text      a Chicago-style note, plain: Author, "Title," Outlet, 19 October 2017, URL.
  markdown  the same note in Markdown, for notes: Author, "Title," *Outlet*, ...
  bibtex    biblatex entries (@article, @online or @misc) with citation keys
            such as pantucci2017isil
  ris       RIS records (TY  - NEWS, ELEC, ...) for Zotero, EndNote, Mendeley
  csl-json  a CSL-JSON array for Zotero, Pandoc and citeproc

A date known only to the month or year is cited as such. The access date of
online pieces is today unless --accessed gives another. Pieces are cited in
the order given; --all cites the archive as a bibliography, by author then
date. Citation keys belong to the archive: a piece has the same key however
it is cited, and keeps it when pieces are added or files renamed; a piece
may pin its own with citekey: in its front matter (see the README).`,
		Example: `  folio cite 2017-10-19-raqqa-terror-is-here-to-stay
  folio cite --all --format bibtex > pantucci.bib`,
		ValidArgsFunction: completeIDs(env),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := cite.ParseFormat(format)
			if err != nil {
				return err
			}
			when := time.Now()
			if accessed != "" {
				if when, err = time.Parse("2006-01-02", accessed); err != nil {
					return fmt.Errorf("--accessed %q: want YYYY-MM-DD", accessed)
				}
			}
			switch {
			case all && len(args) > 0:
				return fmt.Errorf("give ids or --all, not both")
			case !all && len(args) == 0:
				return fmt.Errorf("name the pieces to cite by id (folio list shows them), or use --all")
			}
			if !all {
				// pieces named by their ids: from the index, as the
				// reader's c cites them (reading the whole archive took
				// seconds at 10k pieces)
				if out, ok := citeFromIndex(cmd.Context(), env, args, f, when); ok {
					_, err := io.WriteString(env.Out, out)
					return err
				}
			}
			arch, _, err := env.openArchive()
			if err != nil {
				return err
			}
			arts, err := piecesByID(arch, args, all)
			if err != nil {
				return err
			}
			if all {
				// A bibliography of the archive, ordered as one.
				arts = slices.Clone(arts)
				cite.SortBibliography(arts)
			}
			// Keys come from the whole archive: a piece's key does not
			// depend on what else is cited with it.
			out, err := cite.Cite(arts, f, when, archiveKeyring(env, arch))
			if err != nil {
				return err
			}
			_, err = io.WriteString(env.Out, out)
			return err
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "citation format: text, markdown, bibtex, ris or csl-json")
	cmd.Flags().BoolVar(&all, "all", false, "cite every piece of the archive")
	cmd.Flags().StringVar(&accessed, "accessed", "", "access date for online pieces, YYYY-MM-DD (default today)")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, f := range cite.Formats {
			names = append(names, string(f))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// citeFromIndex cites the pieces ids name, when each is an id of the
// archive's index (refreshed first, as folio list does), with the keys the
// reader's c gives them (ui.CiteKeyring: the same keys as the whole
// archive's keyring). ok is false when some id is not one (a file name, a
// prefix, a typo: the caller reads the archive, to find it or to suggest),
// or the index cannot be opened.
func citeFromIndex(ctx context.Context, env *Env, ids []string, f cite.Format, when time.Time) (string, bool) {
	ix, arts, ok := piecesFromIndex(ctx, env, ids)
	if !ok {
		return "", false
	}
	defer ix.Close()
	keys, warn, err := ui.CiteKeyring(ctx, ix, citeKeysOf(ix.Name()), arts)
	if err != nil {
		return "", false
	}
	if warn != "" {
		fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(warn))
	}
	warnKeyProblems(env, keys.Problems())
	out, err := cite.Cite(arts, f, when, keys)
	if err != nil {
		return "", false
	}
	return out, true
}

// citeKeysOf opens the ledger of citation keys of the archive named name,
// for the reader and for citing from the index; a warning comes with it.
func citeKeysOf(name string) ui.OpenCiteKeysFunc {
	return func() (ui.CiteKeyLedger, error) {
		ck, warn := state.OpenCiteKeys(name, "")
		return ck, warn
	}
}

// piecesFromIndex opens the archive's index (refreshed first, as folio
// list does) and reads the pieces ids name from it, when each is an id of
// the index; ok is false when one is not (a file name, a prefix, a typo:
// the caller reads the whole archive, to find it or to suggest one) or the
// index cannot be opened. The caller closes the index.
func piecesFromIndex(ctx context.Context, env *Env, ids []string) (*index.Index, []archive.Article, bool) {
	ix, err := env.openIndex(ctx, nil)
	if err != nil {
		return nil, nil, false
	}
	arts := make([]archive.Article, 0, len(ids))
	for _, id := range ids {
		a, err := ix.Article(id)
		if err != nil || a.ID != id {
			ix.Close()
			return nil, nil, false
		}
		arts = append(arts, a)
	}
	return ix, arts, true
}

// maxKeyWarnings is how many notes on pinned keys folio cite prints: one
// key pinned by every piece of an archive (a template's default) made a
// line for each piece at every citation.
const maxKeyWarnings = 5

// warnKeyProblems prints the notes on pinned keys as warnings, at most
// maxKeyWarnings of them.
func warnKeyProblems(env *Env, probs []archive.Problem) {
	for i, p := range probs {
		if i == maxKeyWarnings {
			fmt.Fprintf(env.Err, "folio: warning: and %d more notes on pinned citation keys (folio check lists them)\n", len(probs)-i)
			break
		}
		fmt.Fprintln(env.Err, "folio: warning:", p.String())
	}
}

// piecesByID looks up ids (or file names: see findPiece) in the archive, in
// the order given, or returns every piece when all is set. Every unknown id
// is named in the error.
func piecesByID(arch *archive.Archive, ids []string, all bool) ([]archive.Article, error) {
	if all {
		return arch.Articles, nil
	}
	var arts []archive.Article
	var missing []string
	for _, id := range ids {
		if a, ok := findPiece(arch, id); ok {
			arts = append(arts, a)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, noPiece(arch, missing)
	}
	return arts, nil
}

// archiveKeyring is the keyring of the whole archive, keeping the keys the
// ledger of keys (state.CiteKeys) records and adding those it hands out
// for the first time. A ledger that cannot be read or written, and pinned
// keys that cannot be used, are warnings on stderr.
func archiveKeyring(env *Env, arch *archive.Archive) *cite.Keyring {
	warn := func(err error) {
		fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(err.Error()))
	}
	ledger, err := state.OpenCiteKeys(arch.Name, "")
	if err != nil {
		warn(err)
	}
	keys, err := ledger.Assign(func(given []cite.KeyRecord) *cite.Keyring {
		return cite.NewKeyringWith(arch.Articles, given)
	})
	if err != nil {
		warn(fmt.Errorf("citation keys not kept: %w", err))
	}
	warnKeyProblems(env, keys.Problems())
	return keys
}
