package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"

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
pieces were first indexed (what saved searches count as new) are kept.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ix, err := index.OpenDir(cmd.Context(), env.ArchiveDir, index.Options{Dir: env.IndexDir,
				Progress: progressBar(env.Err), LargeBuild: buildgc.Relax, Rebuild: rebuild,
				AwaitWriter: func() {
					fmt.Fprintln(env.Err, "folio: another folio is updating the index; waiting for it to finish")
				}})
			if err != nil {
				return err
			}
			defer ix.Close()
			// what a reader would read after its first list, kept for it
			if err := ix.KeepColumns(cmd.Context()); err != nil && !errors.Is(err, fs.ErrPermission) {
				// (a cache this user cannot write: the reader reads them)
				fmt.Fprintln(env.Err, "folio: the index's columns were not kept:", termsafe.Escape(err.Error()))
			}
			st := ix.Stats()
			if note := cmp.Or(ix.Fallback(), ix.Behind()); note != "" {
				fmt.Fprintln(env.Err, "folio:", termsafe.Escape(note))
			}
			what := "refreshed"
			switch {
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
			fmt.Fprintf(env.Out, "%s: %s: %d pieces (%d indexed, %d removed, %.1f MB) in %s; index in %s\n",
				termsafe.Quote(ix.Name()), what, st.Docs, st.Indexed, st.Removed, float64(st.Bytes)/1e6, st.Took.Round(1e5), where)
			skipped, noted := archive.CountFiles(ix.Problems())
			switch {
			case skipped > 0 && noted > 0:
				fmt.Fprintf(env.Out, "%d file(s) skipped, %d piece(s) loaded with a note; folio check lists why\n", skipped, noted)
			case skipped > 0:
				fmt.Fprintf(env.Out, "%d file(s) skipped; folio check lists why\n", skipped)
			case noted > 0:
				fmt.Fprintf(env.Out, "%d piece(s) loaded with a note; folio check lists why\n", noted)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&rebuild, "rebuild", false, "build the index from scratch")
	return cmd
}
