package cli

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/cells"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
)

type searchFlags struct {
	filterFlags
	sort          string
	limit, offset int
	asJSON, wide  bool
}

func newSearchCmd(env *Env) *cobra.Command {
	var f searchFlags
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the archive and print ranked hits with snippets and facet counts",
		Long: `Search the archive. The query language:

  words          all must match, stemmed (tax finds taxes, taxed), ranked by relevance
  "word"         that word form only, any case, unstemmed; "a phrase" those words in order
  AIDS  NATO     a word in capitals: that spelling only (and its aliases)
  -word          exclude (also -"a phrase", NOT word)
  word*  word~   words starting with word; fuzzy (misspellings)
  a OR b         either (a OR b c is (a OR b) c)
  (a OR b) -(c OR d)   groups; what the index cannot answer as written is
                 searched without them, and a note gives the query searched
  title:x  outlet:x  tag:x  author:x   match one field

Notes on how the query was read, the word forms stemming searched and a
"did you mean" go to stderr (--json: "notes", "forms", "suggestion").

Aliases are searched together (ISIS = Isil = Islamic State = Daesh, ...; see the
README). An empty query matches every piece: folio search '' --tag mi5.
Exits 0 whether or not anything matched.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := f.query(args)
			if err != nil {
				return err
			}
			// the reading filters are read from the state once the index
			// is open, the marks of the pieces it found renamed or moved
			// followed (followRenames): read before, the first command
			// after a folder moved filtered by the old IDs (a helper's
			// report: search '' --starred said "0 of 0 hits")
			plain := q
			// a stale cached answer reads the state again, after the
			// update followed the renames: the store opened once (its
			// warning said once) takes in what was written since
			// (Reload; failing, it keeps what it held)
			var st *state.Store
			withReading := func() error {
				q = plain
				if !f.reading() {
					return nil
				}
				if st == nil {
					name, _, err := env.source()
					if err != nil {
						return err
					}
					st = openStateOf(env, name)
				} else {
					_, _ = st.Reload()
				}
				return f.applyTo(&q, st)
			}
			// the notes of the results printed last: a cached search's
			// output may be dropped for a fresh one
			var notes bytes.Buffer
			write := func(w io.Writer, res index.Results, many bool, probs []archive.Problem) error {
				notes.Reset()
				// the files skipped, said as list and stats say them, and
				// in --json's notes: "0 of 0 hits" in an archive whose
				// files were all skipped (a front matter's slip) read as
				// an answer (49u)
				skipped := skippedNote(probs)
				if f.asJSON {
					warnSynonyms(&notes)
					if skipped != "" {
						res.Notes = withNotes(res.Notes, skipped)
						reportSkipped(&notes, probs)
					}
					return writeJSON(w, searchJSON(res))
				}
				printNotes(&notes, res)
				reportSkipped(&notes, probs)
				width := 0
				if !f.wide {
					width = termWidth(env.Out)
				}
				printResults(w, q, res, many, colour(env.Out), width)
				return nil
			}
			defer func() { _, _ = env.Err.Write(notes.Bytes()) }()
			cutNote := func(probs []archive.Problem) {
				if n := index.CountCut(probs); n > 0 {
					fmt.Fprintf(&notes, "folio: note: %d piece(s) are searchable in their first %d words only: matches past that are not counted (folio check lists them)\n",
						n, index.MaxDocWords)
				}
			}
			if out, probs, ok := env.searchCached(cmd.Context(), f.reading(), func() (index.Query, error) {
				err := withReading() // before q is read: it sets q's reading filters
				return q, err
			}, write); ok {
				cutNote(probs)
				_, err := env.Out.Write(out)
				return err
			}
			ix, err := env.openIndex(cmd.Context(), progressBar(env.Err))
			if err != nil {
				return err
			}
			defer ix.Close()
			if err := withReading(); err != nil {
				return err
			}
			res, err := ix.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			if f.asJSON {
				// said on stderr too (openIndex)
				res.Notes = withNotes(res.Notes, staleNote(ix))
			}
			err = write(env.Out, res, ix.ManyAuthors(), ix.Problems())
			cutNote(ix.Problems())
			return err
		},
	}
	f.add(cmd, env)
	fl := cmd.Flags()
	fl.StringVar(&f.sort, "sort", "relevance", "relevance, newest or oldest")
	fl.IntVar(&f.limit, "limit", 20, "how many hits to print (0: none, the counts only)")
	fl.IntVar(&f.offset, "offset", 0, "skip this many hits")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON")
	fl.BoolVar(&f.wide, "wide", false, "lines whole, even on a terminal narrower than them")
	_ = cmd.RegisterFlagCompletionFunc("sort", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"relevance", "newest", "oldest"}, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// query is the search of the flags; the reading filters are applied
// apart (applyTo), since they need the reading state.
func (f searchFlags) query(args []string) (index.Query, error) {
	q := index.Query{Limit: f.limit, Offset: f.offset}
	if len(args) == 1 {
		q.Text = args[0]
	}
	var ok bool
	if q.Sort, ok = index.ParseSort(f.sort); !ok {
		return q, fmt.Errorf("--sort %q: want relevance, newest or oldest", f.sort)
	}
	if err := f.applyTo(&q, nil); err != nil {
		return q, err
	}
	if f.limit < 0 || f.offset < 0 {
		return q, fmt.Errorf("--limit and --offset must not be negative")
	}
	if f.limit == 0 {
		// no hits: the total and the facet counts (the index reads a
		// Limit of 0 as its page of 50, which --limit 0 printed)
		q.Mode, q.Suggest = index.ModeFacets, true
	}
	return q, nil
}

type hitJSON struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Outlet        string   `json:"outlet"`
	Date          string   `json:"date"`
	DatePrecision string   `json:"date_precision"`
	Authors       []string `json:"authors"`
	Tags          []string `json:"tags"`
	Kind          string   `json:"kind"`
	URL           string   `json:"url"`
	Language      string   `json:"language,omitempty"` // a BCP 47 tag, as list --json's
	Score         float64  `json:"score"`
	Snippets      []string `json:"snippets"`
	// Copies are the other pieces of its group of republished copies
	// (folio dups), earliest first.
	Copies []copyJSON `json:"copies,omitempty"`
}

// copyJSON is another piece of a hit's group of republished copies.
type copyJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Why    string `json:"why,omitempty"` // how it matches the group's first piece
}

type resultsJSON struct {
	Total      int                       `json:"total"`
	TookMS     float64                   `json:"took_ms"`
	Hint       string                    `json:"hint,omitempty"`
	Notes      []string                  `json:"notes"`
	Forms      []string                  `json:"forms"`
	Suggestion *suggestionJSON           `json:"suggestion,omitempty"`
	Hits       []hitJSON                 `json:"hits"`
	Facets     map[string]map[string]int `json:"facets"`
}

// suggestionJSON is "did you mean": the word, its correction, the pieces
// the corrected query finds, and that query.
type suggestionJSON struct {
	Word  string `json:"word"`
	Fix   string `json:"fix"`
	Count int    `json:"count"`
	Query string `json:"query"`
}

// Matches are marked «like this» in JSON and plain output.
var plainMarks = strings.NewReplacer(index.MarkStart, "«", index.MarkEnd, "»")

func searchJSON(res index.Results) resultsJSON {
	out := resultsJSON{Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000, Hint: res.Hint, Hits: []hitJSON{},
		Notes: nonNil(res.Notes), Forms: nonNil(res.Forms)}
	if s := res.Suggestion; s != nil {
		out.Suggestion = &suggestionJSON{Word: s.Word, Fix: s.Fix, Count: s.Count, Query: s.Query}
	}
	for _, h := range res.Hits {
		snips := make([]string, 0, len(h.Snippets))
		for _, s := range h.Snippets {
			snips = append(snips, plainMarks.Replace(s))
		}
		var copies []copyJSON
		for _, c := range h.Copies {
			copies = append(copies, copyJSON{ID: c.ID, Title: c.Title, Outlet: c.Outlet, Date: c.Date.String(), Why: c.Why})
		}
		out.Hits = append(out.Hits, hitJSON{
			ID: h.ID, Title: h.Title, Outlet: h.Outlet, Date: h.Date.String(), DatePrecision: string(h.Date.Precision),
			Authors: nonNil(h.Authors), Tags: nonNil(h.Tags), Kind: h.Kind, URL: h.URL, Language: h.Language, Score: h.Score, Snippets: snips,
			Copies: copies,
		})
	}
	counts := func(vs []index.FacetValue) map[string]int {
		m := make(map[string]int, len(vs))
		for _, v := range vs {
			m[v.Value] = v.Count
		}
		return m
	}
	out.Facets = map[string]map[string]int{
		"tags": counts(res.Facets.Tags), "outlets": counts(res.Facets.Outlets), "authors": counts(res.Facets.Authors),
		"kinds": counts(res.Facets.Kinds), "languages": counts(res.Facets.Languages),
		"years": counts(res.Facets.YearValues()), "months": counts(res.Facets.Months),
	}
	return out
}

// printResults writes res, the results of q, for reading: each hit's
// date, byline (when the archive has several authors: many), outlet and
// title, its id, and a snippet; then the facets the reader's sidebar
// shows. With width > 0 (a terminal) each line is cut to width cells with
// "…".
func printResults(w io.Writer, q index.Query, res index.Results, many, styled bool, width int) {
	fit := func(s string) string {
		if width <= 0 {
			return s
		}
		return cells.Truncate(s, width, "…")
	}
	marks := plainMarks
	bold, dim, reset := "", "", ""
	if styled {
		bold, dim, reset = "\x1b[1m", "\x1b[2m", "\x1b[0m"
		marks = strings.NewReplacer(index.MarkStart, "\x1b[1;33m", index.MarkEnd, "\x1b[0m")
	}
	for _, h := range res.Hits {
		by := ""
		if b := archive.Byline(h.Authors); many && b != "" {
			by = termsafe.Escape(b) + " · "
		}
		date := cmp.Or(h.Date.String(), "undated") // a site's page may be (archive's parse)
		fmt.Fprintln(w, fit(fmt.Sprintf("%s · %s%s · %s%s%s", date, by, termsafe.Escape(orDash(h.Outlet)), bold, termsafe.Escape(h.Title), reset)))
		fmt.Fprintf(w, "  %s%s%s\n", dim, termsafe.Quote(h.ID), reset)
		if len(h.Copies) > 0 {
			fmt.Fprintln(w, fit(fmt.Sprintf("  %salso ran in: %s%s", dim, alsoRanIn(h.Copies), reset)))
		}
		if len(h.Snippets) > 0 {
			fmt.Fprintln(w, fit("  "+marks.Replace(termsafe.Escape(strings.Join(strings.Fields(h.Snippets[0]), " ")))))
		}
		fmt.Fprintln(w)
	}
	shown := len(res.Hits)
	fmt.Fprintf(w, "%d of %d hits (%s)\n", shown, res.Total, res.Took.Round(10*time.Microsecond))
	if res.Total == 0 {
		return
	}
	group := func(name string, vs []index.FacetValue, n int) {
		if len(vs) == 0 {
			return
		}
		parts := []string{}
		var last []index.FacetValue // shown after the cut: the undated
		if name == "years" && vs[len(vs)-1].Value == index.Undated {
			vs, last = vs[:len(vs)-1], vs[len(vs)-1:]
		}
		for i, v := range vs {
			if i == n {
				parts = append(parts, fmt.Sprintf("… %d more", len(vs)-n))
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%d)", termsafe.Escape(v.Value), v.Count))
		}
		for _, v := range last {
			parts = append(parts, fmt.Sprintf("%s (%d)", termsafe.Escape(v.Value), v.Count))
		}
		fmt.Fprintln(w, fit(fmt.Sprintf("%s%-8s%s %s", dim, name, reset, strings.Join(parts, ", "))))
	}
	// the groups the sidebar shows: authors, kinds and languages when they have two
	// values or more, or the search picks some (a single value unasked
	// says nothing); the rest when they have any (a helper's report:
	// --author with one author left the authors out, and one kind unasked
	// was printed, the sidebar showing the one and not the other)
	group("outlets", res.Facets.Outlets, 8)
	if index.FacetTells(res.Facets.Authors, q.Authors) {
		group("authors", res.Facets.Authors, 8)
	}
	group("tags", res.Facets.Tags, 10)
	if index.FacetTells(res.Facets.Kinds, q.Kinds) {
		group("kinds", res.Facets.Kinds, 5)
	}
	if index.FacetTells(res.Facets.Languages, q.Languages) {
		group("langs", res.Facets.Languages, 6)
	}
	// the undated pieces last, so that the years add up to the hits (a
	// helper's report: 1 of 3 hits in years, 2 undated left out silently)
	group("years", res.Facets.YearValues(), 12)
}

// printNotes writes to w (stderr) how the query was read: its notes, the
// word forms stemming searched, and "did you mean"; and what is wrong
// with the user's synonyms file (warnSynonyms).
func printNotes(w io.Writer, res index.Results) {
	warnSynonyms(w)
	for _, n := range res.Notes {
		fmt.Fprintln(w, "folio: note:", termsafe.Escape(n))
	}
	for _, f := range res.Forms {
		fmt.Fprintln(w, "folio: searched", termsafe.Escape(f), `("quotes" for the exact word)`)
	}
	if s := res.Suggestion; s != nil {
		fmt.Fprintf(w, "folio: did you mean %s? (%d pieces: folio search %q)\n", termsafe.Escape(s.Fix), s.Count, termsafe.Escape(s.Query))
	}
}

// warnSynonyms says on w what is wrong with the user's synonyms file
// (index.SynonymsError: the file, and the line), with the notes of a
// query, which its groups would widen.
func warnSynonyms(w io.Writer) {
	if err := index.SynonymsError(); err != nil {
		fmt.Fprintln(w, "folio:", termsafe.Escape(err.Error()))
	}
}

// progressBar draws index-building progress on w (stderr) when it is a
// terminal; it draws nothing when the index is already up to date.
func progressBar(w io.Writer) index.Progress {
	if !isTerminal(w) {
		return nil
	}
	last := time.Time{}
	return func(done, total int) {
		if total == 0 || (done != total && time.Since(last) < 50*time.Millisecond) {
			return
		}
		last = time.Now()
		const width = 30
		n := width * done / total
		fmt.Fprintf(w, "\rindexing [%s%s] %d/%d", strings.Repeat("█", n), strings.Repeat("·", width-n), done, total)
		if done == total {
			fmt.Fprint(w, "\r\x1b[K")
		}
	}
}

// buildNote says once on w (stderr), when it is a terminal, that the index
// is being built, in plain text: for commands that print a piece or a
// citation, whose output holds no control sequence but colours and links
// (progressBar's redraws are for the commands that search).
func buildNote(w io.Writer) index.Progress {
	if !isTerminal(w) {
		return nil
	}
	said := false
	return func(done, total int) {
		if said || total == 0 || done == total {
			return
		}
		said = true
		fmt.Fprintf(w, "folio: indexing %d files of the archive (once; later commands use the index)…\n", total)
	}
}

// searchCached runs the query query gives on the cached index while the
// archive's files are checked against the index, on another core, and
// writes its results with write into a buffer, with the problems the
// check found (write says the files skipped): when they are unchanged, as
// they usually are, the output is ready soon after the check is. false when
// there is no such index or the archive has changed: then Open refreshes
// it. With reading (reading filters asked for), the index's renames are
// followed before query is called, since it reads the reading state.
//
// The collector runs a quarter as often meanwhile (unless GOGC is set): the
// process allocates a few megabytes and exits, and a search of 10k pieces
// took 36.5 instead of 39 ms (medians of 15 runs).
func (e *Env) searchCached(ctx context.Context, reading bool, query func() (index.Query, error), write func(io.Writer, index.Results, bool, []archive.Problem) error) ([]byte, []archive.Problem, bool) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	name, fsys, err := e.source()
	if err != nil {
		return nil, nil, false
	}
	ix, err := index.OpenCached(name, fsys, index.Options{Dir: e.IndexDir, Once: true})
	if err != nil {
		return nil, nil, false
	}
	defer ix.Close()
	if reading {
		// the marks follow the renames the index found before the
		// reading filters read them (an update whose folio was killed
		// before it followed them)
		followRenames(e.Err, name, ix.LastRenamed())
	}
	q, err := query()
	if err != nil {
		return nil, nil, false // said by the index's path
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type searched struct {
		res index.Results
		err error
	}
	found := make(chan searched, 1)
	go func() {
		res, err := ix.Search(ctx, q)
		found <- searched{res, err}
	}()
	if !ix.Verify() {
		cancel() // stale: no need to finish
		<-found
		return nil, nil, false
	}
	got := <-found
	if got.err != nil {
		return nil, nil, false
	}
	// written once the check has said which files are skipped
	var out bytes.Buffer
	probs := ix.Problems()
	if err := write(&out, got.res, ix.ManyAuthors(), probs); err != nil {
		return nil, nil, false
	}
	if !reading {
		followRenames(e.Err, name, ix.LastRenamed()) // nothing to do but after an update
	}
	return out.Bytes(), probs, true
}
