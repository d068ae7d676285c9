package ui

import (
	"slices"
	"strings"

	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/cells"
	"github.com/folio-tui/folio/internal/termsafe"
)

// folio show's page (ShowPage), here so that the reader takes its quotes
// from the text folio quotes add takes them from (QuoteText).

// ShowPage is what folio show writes for a piece: the header, then the
// note and the body rendered by Glamour, styled or plain, cleaned for the
// terminal after the last step that makes characters (Glamour decodes
// entities, "&#27;" is ESC, and writes hyperlinks of any scheme). Plain,
// at QuoteTextWidth, it is the text quotes are taken from (QuoteText).
func ShowPage(a archive.Article, width int, styled bool) (string, error) {
	body := a.Body
	if a.Note != "" {
		// A paragraph, not a block quote: Glamour wraps quotes past the width.
		// The note is text (its references decoded where the archive
		// read it): written as Markdown that reads as it, as the reader
		// shows it (a helper's report: "&lt;b&gt;" and "&#42;x&#42;"
		// became a tag and emphasis, gone from show)
		body = "*Note: " + archive.MarkdownText(strings.Join(strings.Fields(a.Note), " ")) + "*\n\n---\n\n" + body
	}
	out, err := RenderPage(body, width, styled)
	if err != nil {
		return "", err
	}
	page := termsafe.Rendered(PieceHeader(a, width, styled) + out)
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

// PieceHeader is the block above a rendered piece. It is not rendered by
// Glamour, so the URL is never broken across lines and stays clickable (an
// OSC 8 hyperlink on a terminal).
func PieceHeader(a archive.Article, width int, styled bool) string {
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
		b.WriteString(trimLines(indent(KeepingSigns(s, func(s string) string { return wrap.Render(style.Render(s)) }))) + "\n")
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
	for _, l := range PieceURLs(a) {
		text := l.URL
		if styled && archive.ValidURL(l.URL) == nil {
			text = ansi.SetHyperlink(l.URL) + l.URL + ansi.ResetHyperlink()
		}
		b.WriteString("  " + dim.Render(l.Label+": ") + text + dim.Render(archive.HostNote(l.URL)) + "\n")
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

// RenderPage renders Markdown with Glamour's dark style, or plain text
// without any escape sequence when styled is false, through the reader's
// render path (RenderMarkdown): what a piece may cost is bounded, and a
// line above the text says what was too costly and shown as plain text.
func RenderPage(md string, width int, styled bool) (string, error) {
	style := styles.DarkStyle
	if !styled {
		style = PlainStyle
	}
	lines, note, err := RenderMarkdown(md, width, style)
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

// PieceURL is an address folio show prints of a piece, with its label.
type PieceURL struct{ Label, URL string }

// PieceURLs are the addresses folio show prints of a piece, labelled: its
// url, and its source when it is another.
func PieceURLs(a archive.Article) []PieceURL {
	var out []PieceURL
	if a.URL != "" {
		out = append(out, PieceURL{"url", a.URL})
	}
	if a.Source != "" && a.Source != a.URL {
		out = append(out, PieceURL{"source", a.Source})
	}
	return out
}

// QuoteTextWidth is the width at which a piece is rendered to find its
// quotes in: folio show's. Matching ignores where lines wrap, but not the
// order of a table's cells, which a table too wide for the width shows a
// row a paragraph, header before each (a quote of such a table kept at
// another width may not be found: NOTES).
const QuoteTextWidth = 80

// QuoteText is the text quotes are taken from and found in by folio quotes,
// and anchored in when the reader keeps one (anchorQuote): the piece as
// folio show prints it plain at QuoteTextWidth, links to other pieces read
// as their titles (title gives the title of the piece a link's candidates
// name, as archive.MarkLinksIn asks). It is the reader's text without
// colours and Markdown marks, and without what the reader adds around the
// piece (where else it ran, related pieces).
func QuoteText(a archive.Article, title func(candidates []string) (string, bool)) (string, error) {
	a.Body = archive.MarkLinksIn(a.Body, a.Path, a.SiteURLs, title)
	return ShowPage(a, QuoteTextWidth, false)
}
