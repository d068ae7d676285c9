// Package cli holds folio's command line: the cobra commands, their flags and
// their output. Each command is a thin layer over the packages that do the
// work: archive, index and ui; cite and state (cite, quotes, saved
// searches, the reading state); importer and internal/fetch (add, import,
// sync). main.go only calls Execute.
package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/buildgc"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
)

// Env is what every command shares: the global flags and where output goes.
type Env struct {
	ArchiveDir string // --archive or FOLIO_ARCHIVE; "" is the bundled archive
	IndexDir   string // --index-dir; "" is the user cache dir
	Out, Err   io.Writer
	In         io.Reader

	warned map[string]bool // warnings said already (warnOnce)
}

// warnOnce prints a warning on stderr once a run, however many times it
// is met (a review: a corrupt opened-times file was warned of twice for
// each saved search).
func (e *Env) warnOnce(msg string) {
	if e.warned[msg] {
		return
	}
	if e.warned == nil {
		e.warned = map[string]bool{}
	}
	e.warned[msg] = true
	fmt.Fprintln(e.Err, "folio: warning:", termsafe.Escape(msg))
}

// commands are folio's subcommands, one a line, each built by its own
// file; a new command adds its line here.
var commands = []func(*Env) *cobra.Command{
	newAddCmd,
	newCheckCmd,
	newCiteCmd,
	newDupsCmd,
	newFeedsCmd,
	newHistoryCmd,
	newImportCmd,
	newIndexCmd,
	newListCmd,
	newQuotesCmd,
	newSavedCmd,
	newSearchCmd,
	newShowCmd,
	newStatsCmd,
	newSyncCmd,
	newTermsCmd,
	newTrendsCmd,
}

// NewRoot builds the folio command tree.
func NewRoot(version string, env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "folio",
		Short: "A terminal reader for an archive of commentary",
		Long: `folio reads an archive of commentary (op-eds, think-tank pieces, interviews)
offline in the terminal: search by topic, narrow by tag, outlet and date, read
a piece rendered from Markdown, and open its original URL.

Without a subcommand folio opens the reader on the bundled archive, or on the
folder given by --archive (or $FOLIO_ARCHIVE).`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(env, cmd) // no subcommand: the reader (tui.go)
		},
	}
	root.SetOut(env.Out)
	root.SetErr(env.Err)
	root.SetIn(env.In)
	root.PersistentFlags().StringVar(&env.ArchiveDir, "archive", os.Getenv("FOLIO_ARCHIVE"),
		"folder of Markdown articles to read instead of the bundled archive (env FOLIO_ARCHIVE)")
	root.PersistentFlags().StringVar(&env.IndexDir, "index-dir", "",
		"where to keep the search index (default: the user cache dir)")
	_ = root.MarkPersistentFlagDirname("archive")
	_ = root.MarkPersistentFlagDirname("index-dir")
	for _, c := range commands {
		root.AddCommand(c(env))
	}
	return root
}

// Execute runs folio with the process's arguments and returns the exit code.
func Execute(version string) int {
	env := &Env{Out: os.Stdout, Err: os.Stderr, In: os.Stdin}
	root := NewRoot(version, env)
	if err := root.Execute(); err != nil {
		var ec exitCode
		if asExitCode(err, &ec) {
			return int(ec)
		}
		reportError(env.Err, err)
		return 2
	}
	return 0
}

// reportError prints the error a command ended with. Errors may name files
// and keys from the archive: control characters are escaped.
func reportError(w io.Writer, err error) {
	fmt.Fprintln(w, "folio:", termsafe.EscapeLines(err.Error()))
}

// exitCode is returned by a command that has already printed what it had to
// say and only needs the process to exit with a status (check's 1).
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func asExitCode(err error, ec *exitCode) bool {
	e, ok := err.(exitCode)
	if ok {
		*ec = e
	}
	return ok
}

// source names the archive the global flags point at, without reading it.
func (e *Env) source() (string, fs.FS, error) { return archive.Source(e.ArchiveDir) }

// openIndex opens (building or refreshing as needed) the index of the
// archive the global flags point at, for a command that searches and
// exits (index.Options.Once). When the index is in memory or behind the
// files (another folio is updating it), it says so on stderr: every
// command that answers from it does (folio dups said nothing: a helper's
// report); so when a damaged file of the cache made it build the index
// anew (Stats.Damaged).
func (e *Env) openIndex(ctx context.Context, progress index.Progress) (*index.Index, error) {
	ix, err := e.openIndexWith(ctx, index.Options{Progress: progress, Once: true})
	if err == nil {
		if note := cmp.Or(ix.Fallback(), staleNote(ix)); note != "" {
			fmt.Fprintln(e.Err, "folio:", termsafe.Escape(note))
		}
		if note := ix.Stats().Damaged; note != "" {
			fmt.Fprintln(e.Err, "folio:", termsafe.Escape(note))
		}
	}
	return ix, err
}

// staleNote is what a command answering from ix says when the index is
// behind the files (Behind): that its answer is of the pieces as last
// indexed, and how many (an attack: beside folio index --rebuild and a
// file added, search counted 5 of a tag, list 6, cite --all 2,103 pieces,
// terms 2,102, none saying which state it counted), in the --json's notes
// too where it has them (search, terms, trends), so that a script quoting
// a total can tell. Commands that read the files then (list, stats, show,
// cite) answer of the files as they are and say no such thing (cite --all
// says it cited the files, and how many). "" when the index is current.
func staleNote(ix *index.Index) string {
	if ix.Behind() == "" {
		return ""
	}
	n := ix.Count()
	if ix.BehindOther() {
		return fmt.Sprintf("another folio is updating the index: this answer is of the archive as last indexed (%d %s), not of its files as they are now",
			n, pieceWord(n))
	}
	return fmt.Sprintf("%s; this answer is of those %d %s", ix.Behind(), n, pieceWord(n))
}

// pieceWord is "piece" or "pieces" for n.
func pieceWord(n int) string {
	if n == 1 {
		return "piece"
	}
	return "pieces"
}

// openIndexWith is openIndex with opts (Dir and LargeBuild set here).
func (e *Env) openIndexWith(ctx context.Context, opts index.Options) (*index.Index, error) {
	ix, _, err := e.openIndexFollowing(ctx, opts)
	return ix, err
}

// openIndexFollowing is openIndexWith, with the warning of the renames
// whose marks did not follow them (followRenames; "" for none), for the
// reader's status line.
func (e *Env) openIndexFollowing(ctx context.Context, opts index.Options) (*index.Index, string, error) {
	opts.Dir, opts.LargeBuild = e.IndexDir, buildgc.Relax
	ix, err := index.OpenDir(ctx, e.ArchiveDir, opts)
	if err != nil {
		return ix, "", err
	}
	return ix, followRenames(e.Err, ix.Name(), ix.LastRenamed()), nil
}

// openArchive loads the archive named by the global flags.
func (e *Env) openArchive() (*archive.Archive, []archive.Problem, error) {
	return e.openArchiveAt(e.ArchiveDir)
}

// openArchiveAt loads the archive in dir (the bundled one for ""), each
// file under the id its index gives it (index.KnownIDs): of two files
// whose names slug alike, the one indexed first has the bare id here too.
func (e *Env) openArchiveAt(dir string) (*archive.Archive, []archive.Problem, error) {
	return archive.OpenKeeping(dir, func(name string) map[string]string {
		return index.KnownIDs(name, index.Options{Dir: e.IndexDir})
	})
}

// isTerminal reports whether w is a terminal, for choosing plain output.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// colour reports whether styled output should go to w: a terminal, and
// NO_COLOR unset (https://no-color.org).
func colour(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}

// completeIDs completes piece ids, with titles as descriptions.
func completeIDs(env *Env) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		arts, ok := completionPieces(env)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ids := make([]string, 0, len(arts))
		for _, a := range arts {
			ids = append(ids, a.ID+"\t"+a.Title)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}
