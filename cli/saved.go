package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
)

// Saved searches: folio saved add|list|run|rm. The searches are kept for
// every archive in $XDG_CONFIG_HOME/folio/saved.json; when each was last
// opened, per archive, in the state folder (package state). What is new is
// what the index took in after the search was last opened (index.NewOf).

const savedLong = `Saved searches: a query and filters kept under a name, with what is new since
each was last opened.

  folio saved add NAME QUERY [--tag T --outlet O --author A --kind K --language L --from D --to D
                             --within --starred --unread --quoted --collapse-copies]
  folio saved list [--json]          each search: pieces, and how many are new
  folio saved run NAME [--new] [--json]
  folio saved rename NAME NEW        keeping what each archive has shown of it
  folio saved rm NAME

New means added to the archive's index after the search was last opened
here (by the time folio indexed the piece, not by its date). folio saved run
opens a search: it prints what folio search prints for its query and
filters (--json: the same JSON), then marks it opened, so that what it
showed is no longer new (--peek leaves it as it was). Adding a search opens
it. Pieces that were there when the index was first built, or rebuilt after
its cache folder was deleted, are never new. With --collapse-copies, a new
copy of a text the search had is not new, whatever its date.

Names: 1 to 64 characters, letters, digits, spaces and -_.,'&()+#:!?, not
beginning with "-"; "Raqqa" and "raqqa" are the same name. The searches are
in $XDG_CONFIG_HOME/folio/saved.json (default ~/.config/folio/), for every
archive, readable and safe to edit while folio is not running; when each
was last opened is kept per archive in the state folder
($XDG_STATE_HOME/folio/).`

func newSavedCmd(env *Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "saved",
		Short: "Saved searches: keep a query and its filters under a name, and see what is new",
		Long:  savedLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listSaved(cmd.Context(), env, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (as saved list --json)")
	cmd.AddCommand(newSavedAddCmd(env), newSavedListCmd(env), newSavedRunCmd(env), newSavedRmCmd(env), newSavedRenameCmd(env))
	return cmd
}

func newSavedAddCmd(env *Env) *cobra.Command {
	var f filterFlags
	cmd := &cobra.Command{
		Use:   "add NAME QUERY",
		Short: "Save a query and its filters under a name",
		Long: `Save a query (folio search's language; '' for filters alone) and its filters
under NAME, and open it: what the archive has now is not new. Names: 1 to 64
characters, letters, digits, spaces and -_.,'&()+#:!?, not beginning with "-";
case does not count.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := f.filter(); err != nil {
				return err
			}
			saved, err := state.OpenSaved("")
			if err != nil {
				return err
			}
			s, err := saved.Add(state.Search{Name: args[0], Query: args[1], Filters: f.saved()})
			if err != nil {
				return err
			}
			ix, opened, err := openSavedIndex(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer ix.Close()
			q, err := savedQuery(env, s, index.Query{Mode: index.ModeCount})
			if err != nil {
				return err
			}
			res, err := ix.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			markOpened(env, saved, opened, s, ix)
			printNotes(env.Err, res) // a helper's report: a stop-word phrase left out, unsaid
			fmt.Fprintf(env.Out, "saved %s: %s\n", termsafe.Quote(s.Name), pieces(res.Total))
			return nil
		},
	}
	f.add(cmd, env)
	return cmd
}

func newSavedListCmd(env *Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List the saved searches with their counts and how many pieces are new",
		Long: `List the saved searches, in the order they were saved: each one's name, how
many pieces it finds in this archive, how many of them are new (added to the
index since it was last opened here; "not opened" when it never was), and
its query and filters as folio search would take them. Listing opens
nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listSaved(cmd.Context(), env, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print a JSON array: name, query, filters, created, count, new (null when never opened here), opened_at`)
	return cmd
}

func newSavedRunCmd(env *Env) *cobra.Command {
	var f searchFlags
	var onlyNew, peek bool
	cmd := &cobra.Command{
		Use:   "run NAME",
		Short: "Run a saved search: folio search with its query and filters",
		Long: `Run a saved search and print its results as folio search does (--json: the
same JSON folio search --json prints for its query and filters), then mark it
opened here: what it showed is no longer new. --new shows only the pieces
added to the index since it was last opened (none when it never was here).
--peek leaves it unopened.`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeSaved,
		RunE: func(cmd *cobra.Command, args []string) error {
			saved, err := state.OpenSaved("")
			if err != nil {
				return err
			}
			s, err := saved.Get(args[0])
			if err != nil {
				return err
			}
			q, err := f.query(nil)
			if err != nil {
				return err
			}
			if _, err := filterFlagsOf(s.Filters).filter(); err != nil {
				return fmt.Errorf("saved search %s: %w", termsafe.Quote(s.Name), err)
			}
			ix, opened, err := openSavedIndex(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer ix.Close()
			// the reading filters read once the index is open, the renames
			// it found followed
			if q, err = savedQuery(env, s, q); err != nil {
				return err
			}
			// when it was last opened, read once: what --new keeps and
			// what is left unshown are of one reading (a review: two
			// reads could differ with another folio between them)
			var o state.Opened
			var ok bool
			if onlyNew || !peek {
				o, ok = openedOf(env, saved, opened, s)
			}
			if onlyNew {
				if err := restrictNew(cmd.Context(), &q, ix, o, ok); err != nil {
					return err
				}
				if ok {
					fmt.Fprintf(env.Err, "folio: new since %s was last opened here, %s\n", termsafe.Quote(s.Name), o.At.Local().Format("2006-01-02 15:04"))
				} else {
					fmt.Fprintf(env.Err, "folio: %s was never opened here: nothing is new to it yet\n", termsafe.Quote(s.Name))
				}
			}
			res, err := ix.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			if f.asJSON {
				// as search's: said on stderr too (openSavedIndex)
				res.Notes = withNotes(res.Notes, staleNote(ix), skippedNote(ix.Problems()))
				err = writeJSON(env.Out, searchJSON(res))
			} else {
				printNotes(env.Err, res)
				width := 0
				if !f.wide {
					width = termWidth(env.Out)
				}
				printResults(env.Out, q, res, ix.ManyAuthors(), colour(env.Out), width)
			}
			if err == nil && !peek {
				// what it showed is no longer new, and only that: with
				// new pieces past --limit or --offset it stays as it was
				// (a helper's report: --new --limit 1 made all three seen)
				var left int
				if left, err = unshownNew(cmd.Context(), ix, o, ok, q, res); err == nil && left > 0 {
					fmt.Fprintf(env.Err, "folio: %s new not printed (--limit, --offset): %s is not marked opened, and they stay new\n", pieces(left), termsafe.Quote(s.Name))
				} else if err == nil {
					if savedRunMarking != nil {
						savedRunMarking()
					}
					markOpened(env, saved, opened, s, ix)
				}
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&onlyNew, "new", false, "only the pieces added to the index since the search was last opened here")
	fl.BoolVar(&peek, "peek", false, "do not mark the search opened: what is new stays new")
	fl.StringVar(&f.sort, "sort", "relevance", "relevance, newest or oldest")
	fl.IntVar(&f.limit, "limit", 20, "how many hits to print (0: none, the counts only)")
	fl.IntVar(&f.offset, "offset", 0, "skip this many hits")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON, as folio search --json")
	fl.BoolVar(&f.wide, "wide", false, "lines whole, even on a terminal narrower than them")
	return cmd
}

func newSavedRmCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:               "rm NAME",
		Short:             "Remove a saved search",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeSaved,
		RunE: func(cmd *cobra.Command, args []string) error {
			saved, err := state.OpenSaved("")
			if err != nil {
				return err
			}
			s, err := saved.Remove(args[0])
			if err != nil {
				return err
			}
			if name, _, err := env.source(); err == nil {
				if o, err := state.OpenSavedOpened(name, ""); err == nil {
					if err := o.Forget(s, saved); err != nil {
						fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(err.Error()))
					}
				}
			}
			fmt.Fprintf(env.Out, "removed %s (%s)\n", termsafe.Quote(s.Name), termsafe.Escape(savedArgs(s)))
			return nil
		},
	}
}

func newSavedRenameCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "rename NAME NEW",
		Short: "Rename a saved search, keeping what each archive has shown of it",
		Long: `Rename a saved search: its query, filters and the time it was saved are kept,
and so is what each archive has shown of it (nothing becomes new). NEW follows
the rules of saved add's names; a change of case alone is allowed.`,
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: completeSaved,
		RunE: func(cmd *cobra.Command, args []string) error {
			saved, err := state.OpenSaved("")
			if err != nil {
				return err
			}
			old, err := saved.Get(args[0])
			if err != nil {
				return err
			}
			s, err := saved.Rename(old.Name, args[1])
			if err != nil {
				return err
			}
			if err := state.RenameOpened("", old.Name, s, saved); err != nil {
				renameWarnings(env, err)
			}
			fmt.Fprintf(env.Out, "renamed %s to %s (%s)\n", termsafe.Quote(old.Name), termsafe.Quote(s.Name), termsafe.Escape(savedArgs(s)))
			return nil
		},
	}
}

// renameWarnings says what state.RenameOpened's err means: where the
// times of the renamed search could not be moved but are found by its
// created time, nothing becomes new, and the warning says only that they
// were not moved (41j: a full state folder's "no space left on device"
// said what was shown of it was new again).
func renameWarnings(env *Env, err error) {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var nm *state.NotMovedError
		if errors.As(e, &nm) && nm.StillFound {
			fmt.Fprintln(env.Err, "folio: warning: its times were not moved to its new name (they are still found by when it was saved: nothing becomes new):", termsafe.Escape(e.Error()))
			continue
		}
		fmt.Fprintln(env.Err, "folio: warning: what was shown of it is new again where its times could not be moved:", termsafe.Escape(e.Error()))
	}
}

// savedJSON is one search of saved list --json.
type savedJSON struct {
	Name        string        `json:"name"`
	Query       string        `json:"query"`
	Filters     state.Filters `json:"filters"`
	Created     time.Time     `json:"created"`
	Count       int           `json:"count"`
	New         *int          `json:"new"`
	OpenedAt    *time.Time    `json:"opened_at"`
	SeenThrough *time.Time    `json:"seen_through,omitempty"`
}

// listSaved prints every saved search with its counts in this archive.
func listSaved(ctx context.Context, env *Env, asJSON bool) error {
	saved, err := state.OpenSaved("")
	if err != nil {
		return err
	}
	all, err := saved.List()
	if err != nil {
		return err
	}
	out := make([]savedJSON, 0, len(all))
	if len(all) > 0 {
		ix, opened, err := openSavedIndex(ctx, env)
		if err != nil {
			return err
		}
		defer ix.Close()
		var each map[string]state.Opened
		if opened != nil {
			times, warn := opened.All()
			if warn != nil {
				env.warnOnce(warn.Error())
			}
			each = state.OpenedEach(times, all)
		}
		for _, s := range all {
			c := savedJSON{Name: s.Name, Query: s.Query, Filters: s.Filters, Created: s.Created}
			o, ok := each[state.NameKey(s.Name)]
			if c.Count, c.New, err = countSaved(ctx, env, ix, o, ok, s); err != nil {
				return fmt.Errorf("%s: %w", s.Name, err)
			}
			if ok {
				c.OpenedAt = &o.At
				if !o.Through.IsZero() {
					c.SeenThrough = &o.Through
				}
			}
			out = append(out, c)
		}
	}
	if asJSON {
		return writeJSON(env.Out, out)
	}
	if len(out) == 0 {
		fmt.Fprintf(env.Err, "folio: no saved searches yet (folio saved add NAME QUERY; they are kept in %s)\n", termsafe.Quote(saved.Path()))
		return nil
	}
	rows := make([][]string, 0, len(out))
	for _, c := range out {
		fresh := "not opened"
		if c.New != nil {
			fresh = fmt.Sprintf("%d new", *c.New)
		}
		rows = append(rows, []string{termsafe.Quote(c.Name), pieces(c.Count), fresh,
			termsafe.Escape(savedArgs(state.Search{Query: c.Query, Filters: c.Filters}))})
	}
	return writeColumns(env.Out, termWidth(env.Out), rows, 3)
}

// openSavedIndex opens (refreshing) the index of the archive the global
// flags name, and its saved searches' opened times.
func openSavedIndex(ctx context.Context, env *Env) (*index.Index, *state.SavedOpened, error) {
	ix, err := env.openIndex(ctx, progressBar(env.Err))
	if err != nil {
		return nil, nil, err
	}
	// the files skipped, as search says them (49r: `saved run` printed
	// "3 of 3 hits" and `saved list` "3 pieces", a file skipped unsaid)
	reportSkipped(env.Err, ix.Problems())
	opened, err := state.OpenSavedOpened(ix.Name(), "")
	if err != nil {
		fmt.Fprintln(env.Err, "folio: warning: when saved searches were opened is not kept:", termsafe.Escape(err.Error()))
		return ix, opened, nil
	}
	// read once here: a corrupt file is set aside, and said, before a
	// search is marked opened (which would set it aside unsaid)
	if _, warn := opened.All(); warn != nil {
		env.warnOnce(warn.Error())
	}
	return ix, opened, nil
}

// openedOf is when s, one of the saved searches saved, was last opened
// on this archive; false when it never was (or nothing can be known).
func openedOf(env *Env, saved *state.Saved, opened *state.SavedOpened, s state.Search) (state.Opened, bool) {
	if opened == nil {
		return state.Opened{}, false
	}
	times, warn := opened.All()
	if warn != nil {
		env.warnOnce(warn.Error())
	}
	all, _ := saved.List() // unreadable: s alone is known (OpenedOf)
	return state.OpenedOf(times, all, s)
}

// unshownNew counts the new pieces of a saved search (its query q, o its
// last opening, ok when it was opened here) that its results
// res did not print: 0 when it was never opened here (nothing is new).
func unshownNew(ctx context.Context, ix *index.Index, o state.Opened, ok bool, q index.Query, res index.Results) (int, error) {
	if !ok {
		return 0, nil
	}
	// with --new, q is already restricted: the same
	if err := restrictNew(ctx, &q, ix, o, ok); err != nil {
		return 0, err
	}
	if len(q.IDs) == 0 {
		return 0, nil
	}
	fresh := make(map[string]bool, len(q.IDs))
	for _, id := range q.IDs {
		fresh[id] = true
	}
	shown := 0
	for _, h := range res.Hits {
		if fresh[h.ID] {
			shown++
		}
	}
	q.Mode, q.Offset, q.Limit = index.ModeCount, 0, 0
	r, err := ix.Search(ctx, q)
	if err != nil {
		return 0, err
	}
	return max(0, r.Total-shown), nil
}

// savedRunMarking, when set (by tests), is called by saved run before it
// marks the search opened: where another folio may rename it.
var savedRunMarking func()

// markOpened records that s was opened now, showing ix's results: under
// the name it has when the time is written (saved.Current), which a
// rename meanwhile may have changed (a helper's report: saved run beside
// saved rename wrote the time under the name the rename had dropped).
func markOpened(env *Env, saved *state.Saved, opened *state.SavedOpened, s state.Search, ix *index.Index) {
	if opened == nil {
		return
	}
	if err := opened.Mark(s, time.Now(), ix.IndexTime(), saved); err != nil {
		fmt.Fprintln(env.Err, "folio: warning: the search is not marked opened:", termsafe.Escape(err.Error()))
	}
}

// savedQuery is q with the query and filters of s; the reading filters
// (starred, unread, quoted) read the reading state and its quotes.
func savedQuery(env *Env, s state.Search, q index.Query) (index.Query, error) {
	q.Text = s.Query
	f := filterFlagsOf(s.Filters)
	var st *state.Store
	if f.reading() {
		name, _, err := env.source()
		if err != nil {
			return q, err
		}
		st = openStateOf(env, name)
	}
	if err := f.applyTo(&q, st); err != nil {
		return q, fmt.Errorf("saved search %s: %w", termsafe.Quote(s.Name), err)
	}
	return q, nil
}

// restrictNew keeps only the pieces of q added to the index after the
// opening o (none when the search was never opened: ok false), as
// index.NewOf has them.
func restrictNew(ctx context.Context, q *index.Query, ix *index.Index, o state.Opened, ok bool) error {
	if !ok {
		q.IDs = []string{}
		return nil
	}
	fresh, err := ix.NewOf(ctx, *q, o.Through)
	if err != nil {
		return err
	}
	q.IDs = append([]string{}, fresh...) // never nil: nil would be every piece
	return nil
}

// countSaved counts the pieces s finds in ix and, when it was opened
// here (o, ok: OpenedOf), how many are new.
func countSaved(ctx context.Context, env *Env, ix *index.Index, o state.Opened, ok bool, s state.Search) (int, *int, error) {
	q, err := savedQuery(env, s, index.Query{Mode: index.ModeCount})
	if err != nil {
		return 0, nil, err
	}
	res, err := ix.Search(ctx, q)
	if err != nil {
		return 0, nil, err
	}
	if !ok {
		return res.Total, nil, nil
	}
	if err := restrictNew(ctx, &q, ix, o, ok); err != nil {
		return 0, nil, err
	}
	n := 0
	if len(q.IDs) > 0 {
		fresh, err := ix.Search(ctx, q)
		if err != nil {
			return 0, nil, err
		}
		n = fresh.Total
	}
	return res.Total, &n, nil
}

// saved is the state.Filters of the flags.
func (f filterFlags) saved() state.Filters {
	return state.Filters{Tags: f.tags, Outlets: f.outlets, Authors: f.authors, Kinds: f.kinds, Languages: f.languages,
		From: f.from, To: f.to, Within: f.within, Starred: f.starred, Unread: f.unread, Quoted: f.quoted, CollapseCopies: f.collapse}
}

// filterFlagsOf is the flags of saved filters.
func filterFlagsOf(s state.Filters) filterFlags {
	return filterFlags{tags: s.Tags, outlets: s.Outlets, authors: s.Authors, kinds: s.Kinds, languages: s.Languages,
		from: s.From, to: s.To, within: s.Within, starred: s.Starred, unread: s.Unread, quoted: s.Quoted, collapse: s.CollapseCopies}
}

// savedArgs is a search's query and filters as folio search's arguments,
// quoted for a POSIX shell where need be: 'raqqa OR mosul' --tag isis.
// The caller makes it safe for the terminal.
func savedArgs(s state.Search) string {
	args := []string{shellQuote(s.Query)}
	f := s.Filters
	for _, l := range []struct {
		flag   string
		values []string
	}{{"--tag", f.Tags}, {"--outlet", f.Outlets}, {"--author", f.Authors}, {"--kind", f.Kinds}, {"--language", f.Languages}} {
		for _, v := range l.values {
			args = append(args, l.flag, shellQuote(v))
		}
	}
	if f.From != "" {
		args = append(args, "--from", shellQuote(f.From))
	}
	if f.To != "" {
		args = append(args, "--to", shellQuote(f.To))
	}
	if f.Within {
		args = append(args, "--within")
	}
	if f.Starred {
		args = append(args, "--starred")
	}
	if f.Unread {
		args = append(args, "--unread")
	}
	if f.Quoted {
		args = append(args, "--quoted")
	}
	if f.CollapseCopies {
		args = append(args, "--collapse-copies")
	}
	return strings.Join(args, " ")
}

// shellQuote quotes s for a POSIX shell unless it is made only of
// characters no shell treats specially.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@%+=,", r))
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// pieces is "1 piece", "3 pieces".
func pieces(n int) string {
	if n == 1 {
		return "1 piece"
	}
	return fmt.Sprintf("%d pieces", n)
}

// completeSaved completes the name of a saved search, with its query and
// filters as the description.
func completeSaved(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	saved, err := state.OpenSaved("")
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	all, err := saved.List()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, s := range all {
		if strings.HasPrefix(state.NameKey(s.Name), state.NameKey(prefix)) {
			out = append(out, termsafe.Escape(s.Name)+"\t"+termsafe.Escape(savedArgs(s)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// readerSaved gives the reader (ui.Options.Saved) the saved searches and
// when each was opened on the archive.
type readerSaved struct {
	saved  *state.Saved
	opened *state.SavedOpened // nil when there is no state folder
}

// newReaderSaved is the saved searches for the reader on the archive
// named name; nil when there is no config folder to keep them in.
func newReaderSaved(name string) ui.SavedStore {
	saved, err := state.OpenSaved("")
	if err != nil {
		return nil
	}
	opened, _ := state.OpenSavedOpened(name, "")
	return readerSaved{saved: saved, opened: opened}
}

// OpenedPath is the file of the searches' opened times on this archive,
// which the reader watches.
func (r readerSaved) OpenedPath() string {
	if r.opened == nil {
		return ""
	}
	return r.opened.Path()
}

func (r readerSaved) List() ([]ui.SavedSearch, error) {
	all, err := r.saved.List()
	if err != nil {
		return nil, err
	}
	var times map[string]state.Opened
	var warn error
	if r.opened != nil {
		// a corrupt file: nothing known to be opened, and the warning
		// said beside the list (it was dropped: a review)
		if times, warn = r.opened.All(); warn != nil {
			warn = &ui.SavedWarning{Err: warn}
		}
	}
	out := make([]ui.SavedSearch, 0, len(all))
	each := state.OpenedEach(times, all)
	for _, s := range all {
		f := s.Filters
		u := ui.SavedSearch{Name: s.Name, Query: s.Query, Tags: f.Tags, Outlets: f.Outlets, Authors: f.Authors, Kinds: f.Kinds, Languages: f.Languages,
			From: f.From, To: f.To, Within: f.Within, Starred: f.Starred, Unread: f.Unread, Quoted: f.Quoted, CollapseCopies: f.CollapseCopies}
		if o, ok := each[state.NameKey(s.Name)]; ok {
			u.Opened, u.SeenThrough = true, o.Through
		}
		out = append(out, u)
	}
	return out, warn
}

func (r readerSaved) Add(u ui.SavedSearch, through time.Time) (ui.SavedSearch, error) {
	s, err := r.saved.Add(state.Search{Name: u.Name, Query: u.Query, Filters: state.Filters{Tags: u.Tags, Outlets: u.Outlets,
		Authors: u.Authors, Kinds: u.Kinds, Languages: u.Languages, From: u.From, To: u.To, Within: u.Within, Starred: u.Starred, Unread: u.Unread, Quoted: u.Quoted,
		CollapseCopies: u.CollapseCopies}})
	if err != nil {
		return u, err
	}
	u.Name = s.Name
	return u, r.mark(s, through)
}

// Path is the saved searches' file, which the reader watches.
func (r readerSaved) Path() string { return r.saved.Path() }

func (r readerSaved) MarkOpened(name string, through time.Time) error {
	s, err := r.saved.Get(name)
	if err != nil {
		return err
	}
	return r.mark(s, through)
}

// mark records that s was opened now, showing the index as of through,
// under its name then (see markOpened).
func (r readerSaved) mark(s state.Search, through time.Time) error {
	if r.opened == nil {
		return errors.New("no state folder: when it was opened is not kept")
	}
	return r.opened.Mark(s, time.Now(), through, r.saved)
}
