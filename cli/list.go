package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/spf13/cobra"
)

// articleJSON is the JSON shape of a piece in list, search and show output.
type articleJSON struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Outlet        string   `json:"outlet"`
	Authors       []string `json:"authors"`
	Date          string   `json:"date"`
	DatePrecision string   `json:"date_precision"`
	Tags          []string `json:"tags"`
	URL           string   `json:"url"`
	Source        string   `json:"source,omitempty"`
	Language      string   `json:"language,omitempty"`
	Kind          string   `json:"kind"`
	Path          string   `json:"path"`
}

func toJSON(a archive.Article) articleJSON {
	return articleJSON{
		ID: a.ID, Title: a.Title, Outlet: a.Outlet, Authors: nonNil(a.Authors),
		Date: a.Date.String(), DatePrecision: string(a.Date.Precision), Tags: nonNil(a.Tags),
		URL: a.URL, Source: a.Source, Language: a.Language, Kind: a.Kind, Path: a.Path,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func newListCmd(env *Env) *cobra.Command {
	var asJSON, wide bool
	var f filterFlags
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every piece, newest first",
		Long: `List every piece of the archive, newest first: date, author (when the pieces
have several), outlet, title, tags and id. On a terminal each piece takes
one line, the title cut with "…" to fit; with --wide every column is whole,
aligned up to the title; the tags are not padded, two spaces part them from
the id. Piped, each line is the columns whole, unpadded, parted by a tab
(the tags an empty column when a piece has none).
The filters are those of folio search and folio stats and match the same way
(an outlet by its name or words of it in a row; tags and kinds ignoring case).
Problems with files are reported on stderr (see folio check); the good pieces
are listed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := f.filter(); err != nil {
				return err
			}
			width := 0
			if !wide && !asJSON {
				width = termWidth(env.Out)
			}
			st := stateOnce(env)
			l, ok, err := keptFromIndex(cmd.Context(), env, f, st, width > 0, false)
			if err != nil {
				return err
			}
			if !ok {
				if l, err = keptFromFiles(env, f, st); err != nil {
					return err
				}
			}
			keep := l.keep
			reportSkipped(env.Err, l.probs)
			if l.pieces == 0 {
				fmt.Fprintf(env.Err, "folio: %s has no pieces\n", termsafe.Quote(l.name))
			}
			if asJSON {
				out := make([]articleJSON, 0, len(keep))
				for _, a := range keep {
					out = append(out, toJSON(a))
				}
				return writeJSON(env.Out, out)
			}
			if !isTerminal(env.Out) {
				return writeTabbed(env.Out, keep, l.many)
			}
			return writeTable(env.Out, keep, l.all, l.many, width)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().BoolVar(&wide, "wide", false, "every column whole, even on a terminal narrower than the rows")
	f.add(cmd, env)
	return cmd
}

// listing is what folio list prints and folio stats counts: the pieces
// the filters keep, newest first; all the archive's pieces, for ids cut to a prefix no other id
// starts with (nil when not needed); how many pieces the archive has; the
// files' problems; the archive's name.
type listing struct {
	keep, all []archive.Article
	pieces    int
	probs     []archive.Problem
	name      string
	// names: the whole archive's names of values one but for case (for
	// folio stats: keptFromIndex's names, or the files' all)
	names caseNames
	// many: the archive names more than one author (rows name them)
	many bool
}

// keptFromIndex reads what folio list prints and folio stats counts from
// the index (brought up to date first, as folio search does) rather than
// every file (10k pieces: list 1.62 -> 0.47 s, stats 0.96 -> 0.39 s), sorted as the files are (archive.SortNewestFirst); all
// is read when needAll (a second pass when filters kept fewer). ok is
// false, and the caller reads the files, when the index cannot answer
// (allPiecesOf); err is a filter's error.
func keptFromIndex(ctx context.Context, env *Env, f filterFlags, stateOf func(string) *state.Store, needAll, needNames bool) (l listing, ok bool, err error) {
	name, _, err := env.source()
	if err != nil {
		return l, false, nil
	}
	var q index.Query
	if err := f.applyTo(&q, nil); err != nil {
		return l, false, err
	}
	// on disk or not at all: built in memory, it would be slower than
	// the files
	ix, err := env.openIndexWith(ctx, index.Options{Progress: progressBar(env.Err), Once: true, DiskOnly: true})
	if err != nil {
		return l, false, nil
	}
	defer ix.Close()
	if f.reading() {
		// read once the index is open: the marks of the pieces it found
		// renamed or moved have followed them (followRenames)
		if err := f.applyTo(&q, stateOf(name)); err != nil {
			return l, false, err
		}
	}
	l = listing{pieces: ix.Count(), probs: ix.Problems(), name: ix.Name(), many: ix.ManyAuthors()}
	if l.keep, ok = allPiecesOf(ctx, ix, q); !ok {
		return l, false, nil
	}
	archive.SortNewestFirst(l.keep)
	if needNames {
		// the whole archive's facets, kept with the index: no search
		whole, err := ix.Search(ctx, index.Query{Mode: index.ModeFacets})
		if err != nil {
			return l, false, nil
		}
		l.names = caseNames{}
		for field, vs := range map[string][]index.FacetValue{"outlets": whole.Facets.Outlets, "authors": whole.Facets.Authors,
			"tags": whole.Facets.Tags, "kinds": whole.Facets.Kinds, "languages": whole.Facets.Languages} {
			for _, v := range vs {
				l.names.add(field, v.Value)
			}
		}
	}
	if needAll {
		l.all = l.keep
		if len(l.keep) != l.pieces {
			if l.all, ok = allPiecesOf(ctx, ix, index.Query{}); !ok {
				return l, false, nil
			}
		}
	}
	keptFromTheIndex.Add(1)
	return l, true, nil
}

// keptFromTheIndex counts the lists and stats read from an index (for
// tests: the files are read when the index cannot answer).
var keptFromTheIndex atomic.Int64

// stateOnce opens the reading state of the archive named by its first
// call, once: a command that tries the index and then the files warns
// of an unreadable state once.
func stateOnce(env *Env) func(name string) *state.Store {
	var st *state.Store
	opened := false
	return func(name string) *state.Store {
		if !opened {
			st, opened = openStateOf(env, name), true
		}
		return st
	}
}

// keptFromFiles reads what folio list prints and folio stats counts from
// every file.
func keptFromFiles(env *Env, f filterFlags, stateOf func(string) *state.Store) (listing, error) {
	arch, probs, err := env.openArchive()
	if err != nil {
		return listing{}, err
	}
	var st *state.Store
	if f.reading() {
		st = stateOf(arch.Name)
	}
	keep, err := f.keep(arch, st)
	if err != nil {
		return listing{}, err
	}
	return listing{keep: keep, all: arch.Articles, pieces: len(arch.Articles), probs: probs, name: arch.Name, many: archive.ManyAuthors(arch.Articles)}, nil
}

// writeJSON writes v as indented JSON, safe on a terminal: encoding/json
// escapes the C0 controls itself but writes DEL, the C1 controls (U+009B is
// a CSI) and the bidi controls as they are, so these are written as \u
// escapes too (the same JSON value). A path is not sanitised by the loader:
// a folder named with U+202E reversed what followed it in stats --json.
func writeJSON(w io.Writer, v any) error {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, termsafe.JSON(buf.String()))
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// reportSkipped tells stderr how many files could not be read, and
// folders not listed, pointing to folio check for the details (a review:
// a folder not read was counted as a file skipped here).
func reportSkipped(w io.Writer, probs []archive.Problem) {
	if s := skippedNote(probs); s != "" {
		fmt.Fprintf(w, "folio: %s\n", s)
	}
}

// withNotes is notes and the others not "" after them (a --json answer's
// notes: staleNote, skippedNote), notes itself not written to.
func withNotes(notes []string, more ...string) []string {
	for _, n := range more {
		if n != "" {
			notes = append(slices.Clone(notes), n)
		}
	}
	return notes
}

// skippedNote says how many files could not be read, and folders not
// listed, pointing to folio check; "" when none (reportSkipped, and the
// notes of a --json answer).
func skippedNote(probs []archive.Problem) string {
	if s := problemCounts(probs, false); s != "" {
		return s + "; run folio check for details"
	}
	return ""
}
