package ui

import (
	"bytes"
	"unicode/utf8"

	gansi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
)

// Glamour v2.0.1 writes a quote's indent token ("│ ", the ascii style's
// "| ") Indent times at the start of each of its lines, but counts Indent
// cells for it (BlockStack.Width): a quote's text was wrapped one cell too
// wide for each level of quote, and the block around it (the document, an
// outer quote) wrapped the line again after the bar was written, its last
// word alone on a line without the bar, read as body text ("ninety
// percent of it" / "went" at width 36; a helper's report at 80, a web
// page's bold paragraph in a quote). So the style is given a token of one
// cell, a placeholder, written as many times as the token has cells, so
// that Glamour counts what it writes; the placeholders are made the
// token's characters again in what it writes (quoteBar.restore).

// quoteBar is the placeholder for a quote's indent token, 0 when the
// style's token is written as it is, and the token, a cell a rune.
type quoteBar struct {
	ph    rune
	token []rune
}

// quoteBars is cfg with its quotes' indent token written as a placeholder,
// the first of free (the placeholders the piece holds neither written nor
// as a reference: freePlaceholders) that is none of avoid, Indent times
// its cells; cfg itself when the token is one cell (Glamour counts it
// right), is not a cell a rune, or no placeholder is free.
func quoteBars(cfg *gansi.StyleConfig, free []rune, avoid numberMarks) (*gansi.StyleConfig, quoteBar) {
	q := cfg.BlockQuote
	if q.Indent == nil || *q.Indent == 0 || q.IndentToken == nil {
		return cfg, quoteBar{}
	}
	token := []rune(*q.IndentToken)
	if len(token) < 2 {
		return cfg, quoteBar{}
	}
	for _, r := range token {
		if ansi.StringWidth(string(r)) != 1 {
			return cfg, quoteBar{}
		}
	}
	for _, ph := range free {
		if ph == avoid.minus || ph == avoid.comma || ph == avoid.dot {
			continue
		}
		c := *cfg
		indent := *q.Indent * uint(len(token))
		tok := string(ph)
		c.BlockQuote.Indent = &indent
		c.BlockQuote.IndentToken = &tok
		return &c, quoteBar{ph: ph, token: token}
	}
	return cfg, quoteBar{}
}

// restore is s with the placeholders made the token's characters again:
// on each line the placeholders are the tokens of its quotes, one after
// the other, each written a cell at a time.
func (b quoteBar) restore(s []byte) []byte {
	if b.ph == 0 || !bytes.ContainsRune(s, b.ph) {
		return s
	}
	out := make([]byte, 0, len(s))
	cell := 0 // of the line's placeholders
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		switch r {
		case '\n':
			cell = 0
			out = append(out, '\n')
		case b.ph:
			out = utf8.AppendRune(out, b.token[cell%len(b.token)])
			cell++
		default:
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return out
}
