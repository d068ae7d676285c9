package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/folio-tui/folio/index"
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
			if limit < 0 {
				return errors.New("--limit must not be negative")
			}
			name, _, err := env.source()
			if err != nil {
				return err
			}
			st := openStateOf(env, name)
			visits := st.History()
			// titles from the index; from the whole archive when it
			// cannot be opened
			var ix *index.Index
			if len(visits) > 0 {
				if ix, err = env.openIndex(cmd.Context(), nil); err == nil {
					defer ix.Close()
					// the visits read again: the index's update moved
					// those of the pieces it found renamed or moved
					// (followRenames; the first history after a folder
					// moved listed the old IDs, "no longer in the archive")
					// (opened again, not Reload: that is a Save, which
					// takes the state folder's lock and writes; a review)
					// (its warning, if any, said at the first opening)
					if again, _ := state.Open(name, ""); again != nil {
						visits = again.History()
					}
				}
			}
			slices.Reverse(visits)
			if limit > 0 && len(visits) > limit {
				visits = visits[:limit]
			}
			ids := make([]string, len(visits))
			for i, v := range visits {
				ids[i] = v.ID
			}
			titles, ok := map[string]string{}, true
			if ix != nil {
				titles, ok = titlesIn(cmd.Context(), ix, ids)
			} else if len(ids) > 0 {
				ok = false
			}
			if !ok {
				arch, _, err := env.openArchive()
				if err != nil {
					return err
				}
				titles = make(map[string]string, len(ids))
				for _, id := range ids {
					if a, ok := arch.Get(id); ok {
						titles[id] = a.Title
					}
				}
			}
			type visitJSON struct {
				ID       string    `json:"id"`
				Title    string    `json:"title"`
				OpenedAt time.Time `json:"opened_at"`
			}
			out := make([]visitJSON, 0, len(visits))
			for _, v := range visits {
				title, ok := titles[v.ID]
				if !ok {
					title = "(no longer in the archive)"
				}
				out = append(out, visitJSON{v.ID, title, v.OpenedAt})
			}
			if asJSON {
				return writeJSON(env.Out, out)
			}
			if len(out) == 0 {
				fmt.Fprintf(env.Err, "folio: nothing opened yet in %s\n", termsafe.Quote(name))
				return nil
			}
			rows := make([][]string, 0, len(out))
			for _, v := range out {
				rows = append(rows, []string{v.OpenedAt.Local().Format("2006-01-02 15:04"), termsafe.Escape(v.Title), termsafe.Quote(v.ID)})
			}
			return writeColumns(env.Out, termWidth(env.Out), rows, 1)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array (opened_at in UTC, RFC 3339)")
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "show only the newest N openings")
	return cmd
}

// titlesIn are the titles ix holds of the pieces of ids (one search); ok
// is false when the search fails.
func titlesIn(ctx context.Context, ix *index.Index, ids []string) (map[string]string, bool) {
	titles := make(map[string]string, len(ids))
	res, err := ix.Search(ctx, index.Query{IDs: ids, Limit: len(ids), Mode: index.ModeHits})
	if err != nil {
		return nil, false
	}
	for _, h := range res.Hits {
		titles[h.ID] = h.Title
	}
	return titles, true
}
