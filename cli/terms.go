package cli

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

type termsFlags struct {
	filterFlags
	n, sample int
	asJSON    bool
}

func newTermsCmd(env *Env) *cobra.Command {
	var f termsFlags
	cmd := &cobra.Command{
		Use:   "terms QUERY",
		Short: "The words and two-word phrases most distinctive of a query's results",
		Long: `The words and two-word phrases most over-represented in the results of QUERY
against the whole archive, with the pieces of the results and of the archive
that have each. The score is JLH, Elasticsearch's significant_terms default:
(fg − bg)·fg/bg, fg and bg the shares of the results and of the archive with
the term. Words are counted as the index analyses them (one line for
"spice" and "spices"; the commonest form is shown). When the results are
more than --sample, only the best --sample by relevance are read, and the
output says so. The query's own words are left out. A phrase of two common
words is counted in some of the pieces that have both words, and its count
in the archive is marked ≈ (estimated). With --collapse-copies the archive
too has each group of republished copies once (its earliest piece), as
folio search '' --collapse-copies counts it.`,
		Example: `  folio terms barcelona
  folio --archive sotu terms '"communism"' --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// 0 is the default (as many as the index gives), as it was; a
			// negative number is refused, as folio search refuses one (a
			// helper's report: -1 was taken as the default)
			if f.n < 0 || f.sample < 0 {
				return errors.New("--limit and --sample must not be negative")
			}
			q := index.Query{Text: args[0]}
			if err := f.applyTo(&q, nil); err != nil {
				return err
			}
			ix, err := env.openIndex(cmd.Context(), progressBar(env.Err))
			if err != nil {
				return err
			}
			defer ix.Close()
			if f.reading() {
				// read once the index is open, the renames it found followed
				if err := f.applyTo(&q, openStateOf(env, ix.Name())); err != nil {
					return err
				}
			}
			r, err := ix.Terms(cmd.Context(), q, index.TermsOptions{N: f.n, Sample: f.sample})
			if err != nil {
				return err
			}
			// the files skipped, as search says them (49u)
			probs := ix.Problems()
			if f.asJSON {
				warnSynonyms(env.Err)
				r.Notes = withNotes(r.Notes, staleNote(ix), skippedNote(probs)) // said on stderr too
				reportSkipped(env.Err, probs)
				return writeJSON(env.Out, termsJSONOf(args[0], r))
			}
			printNotes(env.Err, index.Results{Notes: r.Notes})
			reportSkipped(env.Err, probs)
			return writeTerms(env, r)
		},
	}
	f.add(cmd, env)
	fl := cmd.Flags()
	fl.IntVar(&f.n, "limit", 20, "how many terms to print")
	fl.IntVar(&f.sample, "sample", 100, "read at most this many results, the best by relevance")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON")
	return cmd
}

func writeTerms(env *Env, r index.TermsResult) error {
	w := env.Out
	if r.Results == 0 {
		fmt.Fprintln(w, "No piece matches.")
		return nil
	}
	var table [][]string
	if len(r.Terms) > 0 { // no header over no rows
		table = append(table, []string{"term", "in read", "in archive", "score"})
	}
	for _, t := range r.Terms {
		table = append(table, []string{termsafe.Escape(t.Term), strconv.Itoa(t.InResults), t.ArchiveCount(), strconv.FormatFloat(t.Score, 'f', 3, 64)})
	}
	if err := alignColumns(w, table, 2, false); err != nil {
		return err
	}
	what := fmt.Sprintf("%d results", r.Results)
	if r.Sampled() {
		what = fmt.Sprintf("the best %d of %d results", r.Sample, r.Results)
	}
	fmt.Fprintf(w, "%d terms of %s against %d pieces (%s)\n", len(r.Terms), what, r.Archive, r.Took.Round(100_000))
	if len(r.Terms) == 0 {
		fmt.Fprintln(w, "No word is in enough of the results and rarer in the archive.")
	}
	for _, t := range r.Terms {
		if t.Estimated {
			fmt.Fprintln(w, "≈ estimated: the phrase's words share so many pieces that only some were read for it")
			break
		}
	}
	return nil
}

type termJSON struct {
	Term      string  `json:"term"`
	Phrase    bool    `json:"phrase"`
	InResults int     `json:"in_results"`
	InArchive int     `json:"in_archive"`
	Estimated bool    `json:"estimated,omitempty"`
	Score     float64 `json:"score"`
}

type termsJSON struct {
	Query   string     `json:"query"`
	Results int        `json:"results"`
	Sample  int        `json:"sample"`
	Sampled bool       `json:"sampled"`
	Archive int        `json:"archive"`
	TookMS  float64    `json:"took_ms"`
	Terms   []termJSON `json:"terms"`
	Notes   []string   `json:"notes"`
}

func termsJSONOf(q string, r index.TermsResult) termsJSON {
	out := termsJSON{Query: q, Results: r.Results, Sample: r.Sample, Sampled: r.Sampled(), Archive: r.Archive,
		TookMS: float64(r.Took.Microseconds()) / 1000, Terms: []termJSON{}, Notes: nonNil(r.Notes)}
	for _, t := range r.Terms {
		out.Terms = append(out.Terms, termJSON{Term: t.Term, Phrase: t.Phrase, InResults: t.InResults, InArchive: t.InArchive, Estimated: t.Estimated, Score: t.Score})
	}
	return out
}
