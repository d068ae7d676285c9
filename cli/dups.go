package cli

import (
	"fmt"

	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

// dupJSON is one piece of a group in folio dups --json.
type dupJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet,omitempty"`
	Date   string `json:"date"`
	Why    string `json:"why,omitempty"` // how it matches the group's first piece
}

func newDupsCmd(env *Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "dups [--json]",
		Short: "List the pieces that ran more than once (republished copies)",
		Long: `List groups of pieces that are one piece published more than once: the same URL,
or bodies of 100 words or more whose 4-word shingles are at least 70% alike (40% with
the same title). Each group starts with its earliest piece, the one that stands for
the group when copies are collapsed (--collapse-copies of search, list, stats,
trends and terms, and in the reader); the others say how they match it. The groups
are found when the archive is indexed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ix, err := env.openIndex(cmd.Context(), progressBar(env.Err))
			if err != nil {
				return err
			}
			defer ix.Close()
			// the archive's count it gives is of the pieces read (49r)
			reportSkipped(env.Err, ix.Problems())
			groups := ix.CopyGroups()
			if asJSON {
				out := [][]dupJSON{}
				for _, g := range groups {
					var js []dupJSON
					for _, c := range g {
						js = append(js, dupJSON{ID: c.ID, Title: c.Title, Outlet: c.Outlet, Date: c.Date.String(), Why: c.Why})
					}
					out = append(out, js)
				}
				return writeJSON(env.Out, out)
			}
			for i, g := range groups {
				if i > 0 {
					fmt.Fprintln(env.Out)
				}
				for _, c := range g {
					why := ""
					if c.Why != "" {
						why = "  (" + c.Why + ")"
					}
					fmt.Fprintf(env.Out, "%-10s  %s  %s  %s%s\n", c.Date.String(), termsafe.Escape(c.Outlet), termsafe.Escape(c.Title), termsafe.Escape(c.ID), why)
				}
			}
			// the pieces of the groups, and those a collapse hides: the
			// count of the sidebar's Hide copies, and what search ''
			// --collapse-copies finds ("in 7 pieces" read as the groups'
			// pieces, where the archive had 7 and the groups 6)
			in := 0
			for _, g := range groups {
				in += len(g)
			}
			hidden := in - len(groups)
			fmt.Fprintf(env.Out, "%d group(s) of republished copies: %d of the archive's %d pieces; collapsed, %d pieces (%d hidden)\n",
				len(groups), in, ix.Count(), ix.Count()-hidden, hidden)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the groups as JSON")
	return cmd
}
