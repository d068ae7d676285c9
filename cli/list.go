package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

func init() { register(newListCmd) }

// articleJSON is the JSON shape of a piece in list, search and show output.
type articleJSON struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Outlet        string   `json:"outlet"`
	Authors       []string `json:"authors"`
	Date          string   `json:"date"`
	DatePrecision string   `json:"date_precision"`
	Tags          []string `json:"tags"`
	URL           string   `json:"url"`
	Source        string   `json:"source,omitempty"`
	Kind          string   `json:"kind"`
	Path          string   `json:"path"`
}

func toJSON(a archive.Article) articleJSON {
	return articleJSON{
		ID: a.ID, Title: a.Title, Outlet: a.Outlet, Authors: nonNil(a.Authors),
		Date: a.Date.String(), DatePrecision: string(a.Date.Precision), Tags: nonNil(a.Tags),
		URL: a.URL, Source: a.Source, Kind: a.Kind, Path: a.Path,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func newListCmd(env *Env) *cobra.Command {
	var asJSON, starred, unread bool
	var outlets, tags, kinds []string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every piece, newest first",
		Long: `List every piece of the archive, newest first: date, outlet, title and tags.
Problems with files are reported on stderr (see folio check); the good pieces
are listed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			arch, probs, err := env.openArchive()
			if err != nil {
				return err
			}
			var keep []archive.Article
			for _, a := range arch.Articles {
				if matchesAny(a.Outlet, outlets) && anyTag(a.Tags, tags) && matchesAny(a.Kind, kinds) {
					keep = append(keep, a)
				}
			}
			if starred || unread {
				st := openState(env, arch)
				keep = slices.DeleteFunc(keep, func(a archive.Article) bool {
					return starred && !st.IsStarred(a.ID) || unread && st.IsRead(a.ID)
				})
			}
			reportSkipped(env.Err, probs)
			if asJSON {
				out := make([]articleJSON, 0, len(keep))
				for _, a := range keep {
					out = append(out, toJSON(a))
				}
				return writeJSON(env.Out, out)
			}
			return writeTable(env.Out, keep)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().StringArrayVar(&outlets, "outlet", nil, "only pieces from this outlet (repeatable; case-insensitive)")
	cmd.Flags().StringArrayVar(&tags, "tag", nil, "only pieces with this tag (repeatable)")
	cmd.Flags().StringArrayVar(&kinds, "kind", nil, "only pieces of this kind: article, interview, ... (repeatable)")
	cmd.Flags().BoolVar(&starred, "starred", false, "only starred pieces (reading state: see folio history)")
	cmd.Flags().BoolVar(&unread, "unread", false, "only pieces not yet read")
	return cmd
}

func matchesAny(v string, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		if strings.EqualFold(v, w) {
			return true
		}
	}
	return false
}

func anyTag(tags, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, t := range tags {
		if matchesAny(t, want) {
			return true
		}
	}
	return false
}

func writeTable(w io.Writer, as []archive.Article) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, a := range as {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Date, termsafe.Escape(orDash(a.Outlet)), termsafe.Escape(a.Title),
			termsafe.Escape(strings.Join(a.Tags, " ")), termsafe.Quote(a.ID))
	}
	return tw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// reportSkipped tells stderr how many files could not be read, pointing to
// folio check for the details.
func reportSkipped(w io.Writer, probs []archive.Problem) {
	n := 0
	for _, p := range probs {
		if p.Fatal {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "folio: %d file(s) skipped; run folio check for details\n", n)
	}
}
