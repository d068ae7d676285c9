package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
)

// maxShowWidth is the widest page show renders, far wider than a terminal.
// minShowWidth is the narrowest: under it the header broke a character a
// line (a helper's report: --width 3), and 0 or less meant nothing.
const (
	minShowWidth = 20
	maxShowWidth = 10000
)

func newShowCmd(env *Env) *cobra.Command {
	var raw, asJSON bool
	var width int
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Print a piece, rendered from Markdown",
		Long: `Print a piece with a header (title, outlet, date, authors, tags, URL,
standfirst), rendered with Glamour. The piece is named by its id or its file
(1981_jimmy_carter.md, or a path to it), or by the start of its id when no
other id starts so (as folio list cuts a long id). --raw prints the piece's fields and the
body as its file writes it, as Markdown (shortcodes, HTML and footnotes as they stand).
Output is plain text (no colour, no Markdown marks) when stdout is not a
terminal or NO_COLOR is set.`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeIDs(env),
		RunE: func(cmd *cobra.Command, args []string) error {
			if width > maxShowWidth {
				// Lip Gloss pads every line to the width: 200,000,000
				// columns ran out of memory.
				return fmt.Errorf("--width %d: at most %d columns", width, maxShowWidth)
			}
			if width < minShowWidth {
				return fmt.Errorf("--width %d: at least %d columns", width, minShowWidth)
			}
			src, err := openPieces(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer src.close()
			named, err := src.named(args)
			if err != nil {
				return err
			}
			a := named[0]
			if asJSON {
				return writeJSON(env.Out, struct {
					articleJSON
					Standfirst string `json:"standfirst,omitempty"`
					Note       string `json:"note,omitempty"`
					Body       string `json:"body"`
				}{toJSON(a), a.Standfirst, a.Note, a.Body})
			}
			if raw {
				// the body as the file writes it, not as it reads
				// (shortcodes, HTML and footnotes as they stand)
				_, fsys, err := env.source()
				if err != nil {
					return err
				}
				data, err := archive.ReadFile(fsys, a.Path)
				if err != nil {
					return fmt.Errorf("%s: %v", termsafe.Quote(a.Path), err)
				}
				if w, probs := archive.ParseAsWritten(a.Path, data); !archive.IsFatal(probs) {
					a.Body = w.Body
				}
				if _, err := io.WriteString(env.Out, termsafe.Rendered(PieceMarkdown(a))); err != nil {
					return err
				}
				// the fields as Markdown that reads as them; a look-alike
				// host is named beside them, on stderr
				for _, l := range ui.PieceURLs(a) {
					if note := archive.HostNote(l.URL); note != "" {
						fmt.Fprintf(env.Err, "folio: %s:%s\n", l.Label, note)
					}
				}
				return nil
			}
			// A link to another piece reads as that piece's title.
			a.Body = archive.MarkLinksIn(a.Body, a.Path, a.SiteURLs, src.title)
			page, err := showPage(a, width, colour(env.Out))
			if err != nil {
				return err
			}
			_, err = io.WriteString(env.Out, page)
			return err
		},
	}
	cmd.Flags().BoolVar(&raw, "raw", false, "print the body's Markdown as written instead of rendering it")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the piece as JSON, body included")
	cmd.Flags().IntVar(&width, "width", 80, "wrap the rendered text at this many columns (20 to 10000)")
	return cmd
}

// PieceMarkdown is a piece as one Markdown document: a header block (title,
// outlet · date · authors · language, tags, URL), the standfirst, the archive keeper's
// note as a quote, then the body.
func PieceMarkdown(a archive.Article) string {
	var b strings.Builder
	// the fields are text, written as Markdown that reads as them (a
	// helper's report: a title "&lt;b&gt;" and "&#42;x&#42;", decoded where
	// the archive read them, were markup here)
	md := archive.MarkdownText
	fmt.Fprintf(&b, "# %s\n\n", md(a.Title))
	meta := a.Meta()
	for i, m := range meta {
		meta[i] = md(m)
	}
	if a.Outlet != "" {
		meta[0] = "**" + meta[0] + "**"
	}
	if len(meta) > 0 {
		b.WriteString(strings.Join(meta, " · ") + "\n\n")
	}
	if len(a.Tags) > 0 {
		b.WriteString("Tags: " + md(strings.Join(a.Tags, ", ")) + "\n\n")
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "URL: <%s>\n\n", a.URL)
	}
	if a.Source != "" && a.Source != a.URL {
		fmt.Fprintf(&b, "Source: %s\n\n", a.Source)
	}
	if a.Standfirst != "" {
		b.WriteString("*" + md(strings.Join(strings.Fields(a.Standfirst), " ")) + "*\n\n")
	}
	if a.Note != "" {
		// A paragraph, not a block quote: Glamour wraps quotes past the width.
		b.WriteString("**Note:** " + md(a.Note) + "\n\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(a.Body)
	b.WriteString("\n")
	return b.String()
}

// showPage is what folio show writes for a piece (ui.ShowPage).
func showPage(a archive.Article, width int, styled bool) (string, error) {
	return ui.ShowPage(a, width, styled)
}

// pieceHeader is the block above a rendered piece (ui.PieceHeader).
func pieceHeader(a archive.Article, width int, styled bool) string {
	return ui.PieceHeader(a, width, styled)
}

// RenderMarkdown renders Markdown as folio show does (ui.RenderPage).
func RenderMarkdown(md string, width int, styled bool) (string, error) {
	return ui.RenderPage(md, width, styled)
}
