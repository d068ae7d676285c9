package cli

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
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
		Long: `Print citations of the pieces named by ID (folio list shows the ids; a file,
or the start of an id that no other id starts with, names a piece too), or of
every piece with --all, in one of these formats:

  text      a Chicago-style note, plain: Author, "Title," Outlet, 19 October 2017, URL.
  markdown  the same note in Markdown, for notes: Author, "Title," *Outlet*, ...
  bibtex    biblatex entries (@article, @online or @misc) with citation keys
            such as pantucci2017isil
  ris       RIS records (TY  - NEWS, ELEC, ...) for Zotero, EndNote, Mendeley
  csl-json  a CSL-JSON array for Zotero, Pandoc and citeproc

A date known only to the month or year is cited as such. The access date of
online pieces is today unless --accessed gives another. Pieces are cited in
the order given, each once; --all cites the archive as a bibliography, by author then
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
			// Pieces named: from the index, as the reader's c cites them
			// (reading the whole archive took seconds at 10k pieces).
			src, err := openPieces(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer src.close()
			var arts []archive.Article
			var keys *cite.Keyring
			if all {
				// a bibliography of the archive, ordered as one
				every, err := src.all()
				if err != nil {
					return err
				}
				if src.behind != "" {
					// which pieces were counted: terms, search and trends
					// answer of the index as it was meanwhile (staleNote);
					// why, as staleNote says it (a review: an unwritable
					// cache was "another folio is updating")
					why := termsafe.Escape(src.behind) // its cache's path, in an error
					if src.behindOther {
						why = "another folio is updating the index"
					}
					fmt.Fprintf(env.Err, "folio: %s: cited from the files as they are now (%d %s)\n", why, len(every), pieceWord(len(every)))
				}
				keys = src.keyringAll(every)
				arts = slices.Clone(every)
				cite.SortBibliography(arts)
			} else {
				if arts, err = src.named(args); err != nil {
					return err
				}
				// each piece once, where first named: a piece named twice
				// (by id and by file) made two entries with one key, which
				// BibTeX and CSL processors reject (a helper's report)
				seen := map[string]bool{}
				arts = slices.DeleteFunc(arts, func(a archive.Article) bool {
					dup := seen[a.ID]
					seen[a.ID] = true
					return dup
				})
				// a piece's key does not depend on what else is cited with it
				if keys, err = src.keyring(arts); err != nil {
					return err
				}
			}
			out, err := cite.Cite(arts, f, when, keys)
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

// citeKeysOf opens the ledger of citation keys of the archive named name,
// for the reader and for citing from the index; a warning comes with it.
func citeKeysOf(name string) ui.OpenCiteKeysFunc {
	return func() (ui.CiteKeyLedger, error) {
		ck, warn := state.OpenCiteKeys(name, "")
		return ck, warn
	}
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

// archiveKeyring is the keyring of the whole archive, keeping the keys the
// ledger of keys (state.CiteKeys) records and adding those it hands out
// for the first time. A ledger that cannot be read or written, and pinned
// keys that cannot be used, are warnings on stderr.
func archiveKeyring(env *Env, arch *archive.Archive) *cite.Keyring {
	return keyringOf(env, arch.Name, arch.Articles)
}

// keyringOf is archiveKeyring of the archive named name whose pieces are
// every.
func keyringOf(env *Env, name string, every []archive.Article) *cite.Keyring {
	warn := func(err error) {
		fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(err.Error()))
	}
	ledger, err := state.OpenCiteKeys(name, "")
	if err != nil {
		warn(err)
	}
	keys, err := ledger.Assign(func(given []cite.KeyRecord) *cite.Keyring {
		return cite.NewKeyringWith(every, given)
	})
	if err != nil {
		warn(fmt.Errorf("citation keys not kept: %w (the new keys printed are not recorded: another piece may be given one later; cite again once the state can be written)", err))
	}
	if from := ledger.AdoptedFrom(); from != "" {
		// a folder renamed or copied: said once, the ledger is its own now
		fmt.Fprintln(env.Err, "folio: note: citation keys taken from the ledger of", termsafe.Escape(from))
	}
	warnKeyProblems(env, keys.Problems())
	return keys
}
