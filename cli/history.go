package cli

import (
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/spf13/cobra"
)

func newHistoryCmd(env *Env) *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "history [--json]",
		Short: "List what was opened when, newest first",
		Long: `List the pieces opened in the reader, newest first, with the time they were
opened (local time; UTC in --json). The history is kept per archive with the
reading state, in $XDG_STATE_HOME/folio/ (default ~/.local/state/folio/), and
holds the last 1000 openings.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			arch, _, err := env.openArchive()
			if err != nil {
				return err
			}
			visits := openState(env, arch).History()
			slices.Reverse(visits)
			if limit > 0 && len(visits) > limit {
				visits = visits[:limit]
			}
			type visitJSON struct {
				ID       string    `json:"id"`
				Title    string    `json:"title"`
				OpenedAt time.Time `json:"opened_at"`
			}
			out := make([]visitJSON, 0, len(visits))
			for _, v := range visits {
				title := "(no longer in the archive)"
				if a, ok := arch.Get(v.ID); ok {
					title = a.Title
				}
				out = append(out, visitJSON{v.ID, title, v.OpenedAt})
			}
			if asJSON {
				return writeJSON(env.Out, out)
			}
			if len(out) == 0 {
				fmt.Fprintf(env.Err, "folio: nothing opened yet in %s\n", termsafe.Quote(arch.Name))
				return nil
			}
			tw := tabwriter.NewWriter(env.Out, 0, 0, 2, ' ', 0)
			for _, v := range out {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", v.OpenedAt.Local().Format("2006-01-02 15:04"), termsafe.Escape(v.Title), termsafe.Quote(v.ID))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array (opened_at in UTC, RFC 3339)")
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "show only the newest N openings")
	return cmd
}

// openState opens the reading state of an archive. A warning (a corrupt state
// file set aside, a state folder that cannot be read) goes to stderr: the
// command carries on with the state it could get.
func openState(env *Env, arch *archive.Archive) *state.Store {
	st, warn := state.Open(arch.Name, "")
	if warn != nil {
		fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(warn.Error()))
	}
	return st
}
