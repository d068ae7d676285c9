package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/cells"
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
				for _, l := range pieceURLs(a) {
					if note := archive.HostNote(l.url); note != "" {
						fmt.Fprintf(env.Err, "folio: %s:%s\n", l.label, note)
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

// showPage is what folio show writes for a piece: the header, then the
// note and the body rendered by Glamour, styled or plain, cleaned for the
// terminal after the last step that makes characters (Glamour decodes
// entities, "&#27;" is ESC, and writes hyperlinks of any scheme).
func showPage(a archive.Article, width int, styled bool) (string, error) {
	body := a.Body
	if a.Note != "" {
		// A paragraph, not a block quote: Glamour wraps quotes past the width.
		// The note is text (its references decoded where the archive
		// read it): written as Markdown that reads as it, as the reader
		// shows it (a helper's report: "&lt;b&gt;" and "&#42;x&#42;"
		// became a tag and emphasis, gone from show)
		body = "*Note: " + archive.MarkdownText(strings.Join(strings.Fields(a.Note), " ")) + "*\n\n---\n\n" + body
	}
	out, err := RenderMarkdown(body, width, styled)
	if err != nil {
		return "", err
	}
	page := termsafe.Rendered(pieceHeader(a, width, styled) + out)
	if !styled {
		page = ansi.Strip(page)
	}
	// no line wider than width where a terminal counts each character's
	// cells (a Devanagari conjunct: internal/cells); a line wider by
	// design (the URL's, whole to be copied) stays
	lines := strings.Split(page, "\n")
	var fit []string
	for i, l := range lines {
		if ansi.StringWidth(l) > width || cells.Width(l) <= width {
			if fit != nil {
				fit = append(fit, l)
			}
			continue
		}
		if fit == nil {
			fit = slices.Clone(lines[:i])
		}
		fitted, _ := cells.Fit([]string{l}, width)
		fit = append(fit, fitted...)
	}
	if fit != nil {
		page = strings.Join(fit, "\n")
	}
	return page, nil
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

// pieceHeader is the block above a rendered piece. It is not rendered by
// Glamour, so the URL is never broken across lines and stays clickable (an
// OSC 8 hyperlink on a terminal).
func pieceHeader(a archive.Article, width int, styled bool) string {
	bold, dim := lipgloss.NewStyle(), lipgloss.NewStyle()
	if styled {
		bold = bold.Bold(true).Foreground(lipgloss.Color("212"))
		dim = dim.Foreground(lipgloss.Color("245"))
	}
	wrap := lipgloss.NewStyle().Width(width - 2)
	var b strings.Builder
	b.WriteString("\n")
	// a minus signing a number is kept with it where a line wraps, as in
	// the body; termsafe's pass over the page comes after
	line := func(s string, style lipgloss.Style) {
		b.WriteString(trimLines(indent(ui.KeepingSigns(s, func(s string) string { return wrap.Render(style.Render(s)) }))) + "\n")
	}
	line(a.Title, bold)
	if meta := a.Meta(); len(meta) > 0 {
		line(strings.Join(meta, " · "), lipgloss.NewStyle())
	}
	if len(a.Tags) > 0 {
		for _, l := range tagLines(a.Tags, width-2) {
			b.WriteString("  " + dim.Render(l) + "\n")
		}
	}
	for _, l := range pieceURLs(a) {
		text := l.url
		if styled && archive.ValidURL(l.url) == nil {
			text = ansi.SetHyperlink(l.url) + l.url + ansi.ResetHyperlink()
		}
		b.WriteString("  " + dim.Render(l.label+": ") + text + dim.Render(archive.HostNote(l.url)) + "\n")
	}
	if sf := strings.Join(strings.Fields(a.Standfirst), " "); sf != "" {
		b.WriteString("\n")
		line(sf, lipgloss.NewStyle().Italic(styled))
	}
	return b.String()
}

// tagLines are the tags as "tags: a, b, c", on as many lines of width
// cells as they need, broken only between tags: "go fix" or
// "counter-terrorism" is never split.
func tagLines(tags []string, width int) []string {
	var lines []string
	cur := "tags:"
	for i, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if i < len(tags)-1 {
			t += ","
		}
		if cur != "" && ansi.StringWidth(cur)+1+ansi.StringWidth(t) > width && cur != "tags:" {
			lines = append(lines, cur)
			cur = "      " + t
			continue
		}
		cur += " " + t
	}
	return append(lines, cur)
}

func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

// RenderMarkdown renders Markdown with Glamour's dark style, or plain text
// without any escape sequence when styled is false, through the reader's
// render path (ui.RenderMarkdown): what a piece may cost is bounded, and a
// line above the text says what was too costly and shown as plain text.
func RenderMarkdown(md string, width int, styled bool) (string, error) {
	style := styles.DarkStyle
	if !styled {
		style = ui.PlainStyle
	}
	lines, note, err := ui.RenderMarkdown(md, width, style)
	if err != nil {
		return "", err
	}
	if note != "" {
		lines = append([]string{"  (Rendering limited: " + note + ".)", ""}, lines...)
	}
	out := "\n" + strings.Join(lines, "\n") + "\n\n"
	if !styled {
		out = ansi.Strip(out) // the ascii style still emits resets; plain means plain
	}
	return trimLines(out), nil
}

// trimLines drops the spaces Glamour and Lip Gloss pad every line with.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// pieceURLs are the addresses folio show prints of a piece, labelled: its
// url, and its source when it is another.
func pieceURLs(a archive.Article) []struct{ label, url string } {
	var out []struct{ label, url string }
	if a.URL != "" {
		out = append(out, struct{ label, url string }{"url", a.URL})
	}
	if a.Source != "" && a.Source != a.URL {
		out = append(out, struct{ label, url string }{"source", a.Source})
	}
	return out
}
