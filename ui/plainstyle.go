package ui

import (
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// PlainStyle is the style of plain text (folio show piped, or with
// NO_COLOR): Glamour's ascii style without the Markdown marks it keeps
// (no "##" before a heading, no "**" or "*" around bold and italic words,
// no backticks; struck text keeps its "~~"; a definition is ": " after its
// term, not a "* " list item), for reading and pasting, not for parsing.
const PlainStyle = "folio-plain"

var plainStyleConfig = func() gansi.StyleConfig {
	c := styles.ASCIIStyleConfig
	for _, h := range []*gansi.StyleBlock{&c.H1, &c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Prefix = ""
	}
	// struck text keeps its "~~": without a mark it read as live text
	for _, p := range []*gansi.StylePrimitive{&c.Emph, &c.Strong, &c.Code.StylePrimitive} {
		p.BlockPrefix, p.BlockSuffix = "", ""
	}
	// a definition after its term as Markdown writes it, not "* " as a
	// list item (41f: "Term\n: definition" read "Term\n* definition")
	c.DefinitionDescription.BlockPrefix = "\n: "
	return c
}()

// styleConfig is the Glamour style named style: a standard one, or
// PlainStyle.
func styleConfig(style string) (*gansi.StyleConfig, bool) {
	if style == PlainStyle {
		c := plainStyleConfig
		return &c, true
	}
	cfg, ok := styles.DefaultStyles[style]
	return cfg, ok
}
