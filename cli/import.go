package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/folio-tui/folio/importer"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

func newImportCmd(env *Env) *cobra.Command {
	var opts importer.Options
	var verbose bool
	cmd := &cobra.Command{
		Use:   "import FILE|URL [--into DIR]",
		Short: "Turn an RSS, Atom or WordPress export file into archive files",
		Long: `Turn a feed file on disk (RSS 2.0, Atom, or a WordPress export in WXR) into one
Markdown file per published item in DIR (--into, else the archive: --archive or
$FOLIO_ARCHIVE), with front matter folio reads: title,
date, authors, outlet (the feed's title), tags (its categories), url, source.
WordPress pages, drafts, private posts and attachments are left out.

Run it again after the feed changes: new items are added, changed items are
updated in place, unchanged files are not touched, and a file you have edited
since it was imported is never overwritten (it is reported as skipped; --force
overwrites it). A run adds at most 1,000 files (--max-new), the newest items;
the next run adds the next. FILE may be the feed's http or https URL: it is fetched politely
(see folio add). A feed of more than 200,000 items or 3,000,000 elements is
refused. Items ignored, skipped or already there are listed a few of each
reason; the rest are counted.`,
		Example: `  folio import export.xml --into ~/archive/blog
  folio --archive ~/archive/blog list`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var rep *importer.Report
			var err error
			if opts.Into, err = intoOrArchive(opts.Into, env); err != nil {
				return err
			}
			if lower := strings.ToLower(args[0]); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
				if _, fl, err := loadFeeds(); err == nil {
					opts.Claimed = claimedSelf(fl.Feed, args[0]) // (unreadable: none known)
				}
				rep, _, err = fetchFeed(cmd.Context(), fetchClient(fetch.DefaultTimeout), args[0], fetch.Conditional{}, opts, false, nil)
			} else {
				if strings.Contains(args[0], "://") {
					if _, serr := os.Lstat(args[0]); serr != nil {
						if err := fetch.CheckURL(args[0]); err != nil {
							// an ftp:// URL, not a file: said without
							// its password, as add and feeds add say it
							return err
						}
					}
				}
				rep, err = importer.ImportFile(args[0], opts)
			}
			if err != nil {
				if rep != nil && len(rep.Results) > 0 {
					// what was written before the failure (a full disk)
					printImport(env, rep, verbose)
				}
				return err
			}
			printImport(env, rep, verbose)
			for _, p := range rep.Problems {
				p.Path = filepath.Join(opts.Into, p.Path)
				fmt.Fprintln(env.Err, p)
			}
			if len(rep.Problems) > 0 {
				return exitCode(1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.Into, "into", "", "folder to write the Markdown files into, created if missing (default: the archive)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files edited since they were imported")
	cmd.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "say what would be done, write nothing")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also list unchanged files")
	cmd.Flags().IntVar(&opts.MaxNew, "max-new", importer.DefaultMaxNew, "add at most this many files, the newest items (0: all)")
	_ = cmd.MarkFlagDirname("into")
	return cmd
}

// printImport prints what an import did: a line a piece written (or
// skipped, ignored; unchanged ones with -v) and the counts.
func printImport(env *Env, rep *importer.Report, verbose bool) {
	verb := "imported"
	if rep.DryRun {
		verb = "would import"
	}
	fmt.Fprintf(env.Out, "%s %s feed %q into %s\n", verb, rep.Format, rep.Feed, termsafe.Quote(rep.Into))
	notes := newNoteLines()
	for _, r := range rep.Results {
		switch {
		case r.Action == importer.Ignored:
			notes.add(env.Out, r, termsafe.Escape(r.Title))
		case r.Action == importer.Skipped || r.Action == importer.Present:
			notes.add(env.Out, r, termsafe.Quote(r.Path))
		case r.Action != importer.Unchanged || verbose:
			fmt.Fprintf(env.Out, "  %-9s %s\n", r.Action, termsafe.Quote(r.Path))
		}
	}
	notes.more(env.Out)
	fmt.Fprintf(env.Out, "%d added, %d updated, %d unchanged, %d skipped, %d ignored%s\n",
		rep.Count(importer.Added), rep.Count(importer.Updated), rep.Count(importer.Unchanged),
		rep.Count(importer.Skipped), rep.Count(importer.Ignored), presentCount(rep))
	if rep.Left > 0 {
		fmt.Fprintln(env.Out, leftNote(rep.Left))
	}
}

// Lines an import or a sync prints of a feed's items ignored, skipped or
// already there, each with why: at most notesPerReason of one action and
// reason and notesShown in all, the rest counted by reason, the
// notesCounted most frequent reasons a line each (an attack: a 7 MB feed
// of a million empty items printed a million lines "ignored    (no
// publication date)"; a large blog's WordPress export of 10,000
// attachments, 10,000 lines "(WordPress attachment, not a post)").
const (
	notesPerReason = 3
	notesShown     = 20
	notesCounted   = 5
)

// noteLines prints the lines of items with a reason, up to the caps, and
// counts the others (more).
type noteLines struct {
	shown  map[noteKey]int
	hidden map[noteKey]int
	order  []noteKey // of hidden, as first met
	total  int       // lines printed
}

type noteKey struct {
	action importer.Action
	reason string
}

func newNoteLines() *noteLines {
	return &noteLines{shown: map[noteKey]int{}, hidden: map[noteKey]int{}}
}

// add prints r's line, naming it name, or counts it past the caps.
func (n *noteLines) add(w io.Writer, r importer.Result, name string) {
	k := noteKey{r.Action, r.Reason}
	if n.shown[k] < notesPerReason && n.total < notesShown {
		n.shown[k]++
		n.total++
		fmt.Fprintf(w, "  %-9s %s (%s)\n", r.Action, name, termsafe.Escape(r.Reason))
		return
	}
	if n.hidden[k] == 0 {
		n.order = append(n.order, k)
	}
	n.hidden[k]++
}

// more prints how many more items there were of each action and reason
// not printed, the most frequent first, the rest of each action in one
// line.
func (n *noteLines) more(w io.Writer) {
	keys := slices.Clone(n.order)
	slices.SortStableFunc(keys, func(a, b noteKey) int { return n.hidden[b] - n.hidden[a] })
	others := map[importer.Action][2]int{} // items, reasons
	var actions []importer.Action
	for i, k := range keys {
		if i < notesCounted {
			fmt.Fprintf(w, "  %-9s %d more (%s)\n", k.action, n.hidden[k], termsafe.Escape(k.reason))
			continue
		}
		if _, ok := others[k.action]; !ok {
			actions = append(actions, k.action)
		}
		o := others[k.action]
		others[k.action] = [2]int{o[0] + n.hidden[k], o[1] + 1}
	}
	for _, a := range actions {
		o := others[a]
		fmt.Fprintf(w, "  %-9s %d more, for %d other reasons\n", a, o[0], o[1])
	}
}

// leftNote says how many new items an import left past --max-new, and
// how to get them.
func leftNote(n int) string {
	return fmt.Sprintf("%d older new items left (--max-new caps the files a run adds): run it again for the next, or give --max-new 0 for all", n)
}

// presentCount is ", N already there" for the items a folder held by
// their URL (importer.Present), or "".
func presentCount(rep *importer.Report) string { return alreadyThere(rep.Count(importer.Present)) }

// alreadyThere is ", N already there (same URL)", or "" for none.
func alreadyThere(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d already there (same URL)", n)
}
