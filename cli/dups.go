package cli

import (
	"fmt"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

// dupJSON is one piece of a group in folio dups --json.
type dupJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet,omitempty"`
	Date   string `json:"date"`
	URL    string `json:"url,omitempty"`
	Why    string `json:"why,omitempty"` // how it matches the group's first piece
}

func newDupsCmd(env *Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "dups [--json]",
		Short: "List the pieces that ran more than once (republished copies)",
		Long: `List groups of pieces that are one piece published more than once: the same URL,
or bodies of 100 words or more whose 4-word shingles are at least 70% alike (40% with
the same title). Each group starts with its earliest piece; the others say how they
match it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			arch, _, err := env.openArchive()
			if err != nil {
				return err
			}
			as := arch.Articles
			archive.SortNewestFirst(as)
			// earliest first within a group: walk from the oldest
			rev := make([]archive.Article, len(as))
			for i, a := range as {
				rev[len(as)-1-i] = a
			}
			groups := archive.Republished(rev)
			if asJSON {
				out := [][]dupJSON{}
				for _, g := range groups {
					var js []dupJSON
					for _, c := range g {
						a := rev[c.Index]
						js = append(js, dupJSON{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Date: a.Date.String(), URL: a.URL, Why: c.Why})
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
					a := rev[c.Index]
					why := ""
					if c.Why != "" {
						why = "  (" + c.Why + ")"
					}
					fmt.Fprintf(env.Out, "%-10s  %s  %s  %s%s\n", a.Date.String(), termsafe.Escape(a.Outlet), termsafe.Escape(a.Title), termsafe.Escape(a.ID), why)
				}
			}
			fmt.Fprintf(env.Out, "%d group(s) of republished copies in %d pieces\n", len(groups), len(as))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the groups as JSON")
	return cmd
}
