package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
	"github.com/spf13/cobra"
)

func init() { register(newShowCmd) }

func newShowCmd(env *Env) *cobra.Command {
	var raw, asJSON bool
	var width int
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print a piece, rendered from Markdown",
		Long: `Print a piece with a header (title, outlet, date, authors, tags, URL), rendered
with Glamour. --raw prints the Markdown file's fields and body as Markdown.
Output is plain (no colour) when stdout is not a terminal or NO_COLOR is set.`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			arch, _, err := env.openArchive()
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			ids := make([]string, 0, len(arch.Articles))
			for _, a := range arch.Articles {
				ids = append(ids, a.ID+"\t"+a.Title)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			arch, _, err := env.openArchive()
			if err != nil {
				return err
			}
			a, ok := arch.Get(args[0])
			if !ok {
				return fmt.Errorf("no piece with id %q in %s (folio list shows the ids)", args[0], arch.Name)
			}
			if asJSON {
				return writeJSON(env.Out, struct {
					articleJSON
					Standfirst string `json:"standfirst,omitempty"`
					Note       string `json:"note,omitempty"`
					Body       string `json:"body"`
				}{toJSON(a), a.Standfirst, a.Note, a.Body})
			}
			md := PieceMarkdown(a)
			if raw {
				_, err := io.WriteString(env.Out, md)
				return err
			}
			out, err := RenderMarkdown(md, width, colour(env.Out))
			if err != nil {
				return err
			}
			_, err = io.WriteString(env.Out, out)
			return err
		},
	}
	cmd.Flags().BoolVar(&raw, "raw", false, "print Markdown instead of rendering it")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the piece as JSON, body included")
	cmd.Flags().IntVar(&width, "width", 80, "wrap the rendered text at this many columns")
	return cmd
}

// PieceMarkdown is a piece as one Markdown document: a header block (title,
// outlet · date · authors, tags, URL), the standfirst, the archive keeper's
// note as a quote, then the body.
func PieceMarkdown(a archive.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", a.Title)
	meta := []string{}
	if a.Outlet != "" {
		meta = append(meta, "**"+a.Outlet+"**")
	}
	meta = append(meta, a.Date.Human())
	if len(a.Authors) > 0 {
		meta = append(meta, strings.Join(a.Authors, ", "))
	}
	if a.Kind != "" && a.Kind != archive.KindArticle {
		meta = append(meta, a.Kind)
	}
	b.WriteString(strings.Join(meta, " · ") + "\n\n")
	if len(a.Tags) > 0 {
		b.WriteString("Tags: " + strings.Join(a.Tags, ", ") + "\n\n")
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "URL: <%s>\n\n", a.URL)
	}
	if a.Source != "" && a.Source != a.URL {
		fmt.Fprintf(&b, "Source: %s\n\n", a.Source)
	}
	if a.Standfirst != "" {
		b.WriteString("*" + strings.Join(strings.Fields(a.Standfirst), " ") + "*\n\n")
	}
	if a.Note != "" {
		for _, l := range strings.Split(a.Note, "\n") {
			b.WriteString("> " + l + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(a.Body)
	b.WriteString("\n")
	return b.String()
}

// RenderMarkdown renders Markdown with Glamour's dark style, or plain text
// without any escape sequence when styled is false.
func RenderMarkdown(md string, width int, styled bool) (string, error) {
	style := styles.DarkStyle
	if !styled {
		style = styles.NoTTYStyle
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	if !styled {
		out = ansi.Strip(out) // notty still emits resets; plain means plain
	}
	return out, nil
}
