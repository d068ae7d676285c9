package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/buildgc"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

func newIndexCmd(env *Env) *cobra.Command {
	var rebuild bool
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Build or refresh the search index, with progress",
		Long: `Build the search index of the archive, or refresh it: only added, changed and
removed files are re-indexed. folio does this by itself at start-up; this
command shows what it did. --rebuild builds the index from scratch; the times
pieces were first indexed (what saved searches count as new) are kept. A
rebuild that waited for another folio's, begun after it was asked for, takes
that one for its own.

Exit status: 0 when the index is in its cache and current; 1 when the cache
could not be written (unwritable, full: the notice says why), so that the
index was built in memory only, for this run, or the cache's index was not
updated and shows the archive as it was; 2 for other errors.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ix, err := index.OpenDir(cmd.Context(), env.ArchiveDir, index.Options{Dir: env.IndexDir,
				Progress: progressBar(env.Err), LargeBuild: buildgc.Relax, Rebuild: rebuild,
				AwaitWriter: func(w index.Writer) {
					switch {
					case w.Stopped:
						fmt.Fprintf(env.Err, "folio: another folio (pid %d) is updating the index, and it is stopped (Ctrl+Z?): waiting until it is resumed (fg in its shell, or kill -CONT %d) and finishes\n", w.PID, w.PID)
					case w.PID > 0:
						fmt.Fprintf(env.Err, "folio: another folio (pid %d) is updating the index; waiting for it to finish\n", w.PID)
					default:
						fmt.Fprintln(env.Err, "folio: another folio is updating the index; waiting for it to finish")
					}
				}})
			if err != nil {
				return err
			}
			defer ix.Close()
			followRenames(env.Err, ix.Name(), ix.LastRenamed())
			// what a reader would read after its first list, kept for it
			if err := ix.KeepColumns(cmd.Context()); err != nil && !errors.Is(err, fs.ErrPermission) {
				// (a cache this user cannot write: the reader reads them)
				fmt.Fprintln(env.Err, "folio: the index's columns were not kept:", termsafe.Escape(err.Error()))
			}
			st := ix.Stats()
			if note := cmp.Or(ix.Fallback(), ix.Behind()); note != "" {
				fmt.Fprintln(env.Err, "folio:", termsafe.Escape(note))
			}
			if st.Damaged != "" {
				fmt.Fprintln(env.Err, "folio:", termsafe.Escape(st.Damaged))
			}
			what := "refreshed"
			switch {
			case st.NotWritten:
				what = "not updated" // Behind, said above, says why
			case st.Rebuilt:
				what = "built"
			case st.Unchanged:
				what = "unchanged"
			}
			where := st.Dir
			if where == "" {
				where = "memory"
			} else {
				where = termsafe.Quote(where)
			}
			renamed := "" // of the indexed and removed, the pieces renamed or moved (their marks follow)
			if n := len(st.Renamed); n > 0 {
				renamed = fmt.Sprintf(", %d renamed or moved", n)
			}
			counts := fmt.Sprintf("%d indexed, %d removed%s, %.1f MB", st.Indexed, st.Removed, renamed, float64(st.Bytes)/1e6)
			other := "" // what another folio's update did while this one waited
			if st.ByOther {
				other = otherUpdate(st.Other)
				if st.Unchanged {
					// it did all there was to do: its counts, not this
					// folio's none (a helper's report: "unchanged … 0
					// removed" after it took in the user's deletions)
					what, counts, other = "updated by another folio while this one waited", other, ""
				}
			}
			fmt.Fprintf(env.Out, "%s: %s: %s (%s) in %s; index in %s\n",
				termsafe.Quote(ix.Name()), what, pieces(st.Docs), counts, st.Took.Round(1e5), where)
			if other != "" {
				why := ""
				switch {
				case st.RebuiltAgain && st.Other.Began.IsZero():
					why = "; it did not record when it began, so this one built the index again"
				case st.RebuiltAgain:
					// (a helper's report: "built: … another folio updated
					// the index first … (built from scratch …)", and why
					// both was said nowhere)
					why = "; it began before this rebuild was asked for, so this one built the index again"
				}
				fmt.Fprintf(env.Out, "another folio updated the index first, while this one waited (%s)%s\n", other, why)
			}
			if s := problemCounts(ix.Problems(), true); s != "" {
				fmt.Fprintf(env.Out, "%s; folio check lists why\n", s)
			}
			if ix.Fallback() != "" || st.NotWritten {
				// the command's job is the cache: not done (a helper's
				// report: a full disk exited 0, and a script could not tell)
				return exitCode(1)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&rebuild, "rebuild", false, "build the index from scratch")
	return cmd
}

// otherUpdate says what another folio's update did (index.Stats.Other):
// "2 indexed, 1 removed"; nil, an older folio's, is not recorded.
func otherUpdate(u *index.Update) string {
	if u == nil {
		return "what it did is not recorded"
	}
	s := fmt.Sprintf("%d indexed, %d removed", u.Indexed, u.Removed)
	if u.Renamed > 0 {
		s += fmt.Sprintf(", %d renamed or moved", u.Renamed)
	}
	if u.Rebuilt {
		s = "built from scratch: " + s
	}
	return s
}

// problemCounts says what a scan and its parse found, the counts that are
// not none: "2 file(s) skipped, 1 folder(s) not read, 3 piece(s) loaded
// with a note" (the last with withNoted); "" for nothing.
func problemCounts(ps []archive.Problem, withNoted bool) string {
	skipped, noted := archive.CountFiles(ps)
	if !withNoted {
		noted = 0
	}
	var parts []string
	if skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d file(s) skipped", skipped))
	}
	if n := archive.CountFolders(ps); n > 0 {
		parts = append(parts, fmt.Sprintf("%d folder(s) not read", n))
	}
	if noted > 0 {
		parts = append(parts, fmt.Sprintf("%d piece(s) loaded with a note", noted))
	}
	return strings.Join(parts, ", ")
}
