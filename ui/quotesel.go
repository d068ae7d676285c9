package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/state"
)

// Quoting in the reader: v starts choosing lines from the first on screen
// (j and k move the end of the choice, v again starts it where that end
// is, esc cancels, enter or y keeps it), then a one-line prompt
// asks for an optional note (enter keeps the quote, esc drops it). The
// quote is anchored in the piece's text as folio quotes add anchors a
// passage (state.Select in QuoteText: anchorQuote), so that it is found
// again at any width and after the piece changes; the root saves it with
// its citation (quotes.go). Lines of the piece that are quoted carry
// a bar in the margin.

// quoteSel is the reader's choice of lines to quote, and the note prompt.
type quoteSel struct {
	on             bool // lines are being chosen
	anchor, cursor int  // the line v was pressed on, and the moving end
	noting         bool // the note prompt has the keyboard
	input          textinput.Model
	// chosen is the quote of the lines chosen, made when the note prompt
	// opened: the note is kept with it whatever the piece's layout is by
	// then (a resize, the file changed)
	chosen *state.Quote
	tail   int // the letters and digits of the body after it (chosenQuote)
}

// quoteSpan is where a quote of the open piece is, in rendered lines.
type quoteSpan struct {
	id       string
	from, to int // first and last line
}

// quoteMark is the bar in the margin of a quoted line.
const quoteMark = "▎"

// lines is the chosen range, first line first.
func (q quoteSel) lines() (from, to int) {
	return min(q.anchor, q.cursor), max(q.anchor, q.cursor)
}

// startQuote is v: the choice starts on the first line of the body with
// text on screen (a quote is a passage of the piece: the header's title,
// meta and related pieces are not in the text quotes are found in), or on
// the body's first line when the screen shows only the header.
func (r *reader) startQuote() intent {
	if !r.ready || r.err != nil || len(r.plain) == 0 {
		return sayIntent{text: "Still loading this piece…"}
	}
	from := max(r.offset, r.bodyFrom)
	if from >= len(r.plain) {
		return sayIntent{text: "This piece has no text to quote"}
	}
	at := from
	for i := from; i < min(from+r.bodyHeight(), len(r.plain)); i++ {
		if strings.TrimSpace(r.plain[i]) != "" {
			at = i
			break
		}
	}
	r.quote = quoteSel{on: true, anchor: at, cursor: at}
	r.moveQuoteEnd(0) // on screen
	return nil
}

// quoteKey handles a key while lines are chosen or the note is asked for:
// every key is the choice's.
func (r *reader) quoteKey(msg tea.KeyPressMsg, k KeyMap) (tea.Cmd, intent) {
	if r.quote.noting {
		return r.noteKey(msg, k)
	}
	switch {
	case key.Matches(msg, k.QuoteCancel):
		r.quote = quoteSel{}
		return nil, sayIntent{text: "Quote cancelled"}
	case key.Matches(msg, k.QuoteKeep):
		if !state.Selectable(r.passage()) {
			return nil, sayIntent{text: "Nothing to quote in these lines: j and k choose others", isErr: true}
		}
		return r.askNote(), nil
	case key.Matches(msg, k.Quote):
		r.quote.anchor = r.quote.cursor // v again: start from here
	case key.Matches(msg, k.ScrollDown):
		r.moveQuoteEnd(1)
	case key.Matches(msg, k.ScrollUp):
		r.moveQuoteEnd(-1)
	case key.Matches(msg, k.HalfPageDown, k.ReaderPgDown):
		r.moveQuoteEnd(max(r.bodyHeight()/2, 1))
	case key.Matches(msg, k.HalfPageUp, k.ReaderPgUp):
		r.moveQuoteEnd(-max(r.bodyHeight()/2, 1))
	}
	return nil, nil
}

// moveQuoteEnd moves the moving end of the choice by d lines, keeping it
// on screen.
func (r *reader) moveQuoteEnd(d int) {
	q := &r.quote
	q.cursor = min(max(q.cursor+d, r.bodyFrom), len(r.plain)-1)
	if q.cursor < r.offset {
		r.offset = q.cursor
	}
	if h := r.bodyHeight(); q.cursor >= r.offset+h {
		r.offset = q.cursor - h + 1
	}
	r.clampOffset()
}

// askNote opens the note prompt in the reader's bar.
func (r *reader) askNote() tea.Cmd {
	in := textinput.New()
	in.Prompt = "note (optional, enter keeps the quote, esc drops it): "
	in.CharLimit = 500
	in.SetVirtualCursor(true)
	in.SetStyles(r.findInput.Styles())
	in.SetWidth(max(r.width-len(in.Prompt)-4, 1))
	q, tail := r.chosenQuote("")
	r.quote.input, r.quote.noting, r.quote.chosen, r.quote.tail = in, true, &q, tail
	return r.quote.input.Focus()
}

// noteKey handles a key at the note prompt.
func (r *reader) noteKey(msg tea.KeyPressMsg, k KeyMap) (tea.Cmd, intent) {
	switch {
	case key.Matches(msg, k.FindCancel):
		r.quote = quoteSel{}
		return nil, sayIntent{text: "Quote not kept"}
	case key.Matches(msg, k.FindAccept):
		q, tail := *r.quote.chosen, r.quote.tail
		q.Note = strings.TrimSpace(oneLine(r.quote.input.Value()))
		r.quote = quoteSel{}
		return nil, keepQuoteIntent{quote: q, tail: tail}
	}
	var cmd tea.Cmd
	r.quote.input, cmd = r.quote.input.Update(msg)
	return cmd, nil
}

// chosenQuote is the quote of the chosen lines, with note, anchored in the
// piece's body as the reader shows it (not in the header, the related
// pieces and the rule above it, which are no text of the piece), and tail,
// how many letters and digits of the body come after it: saveQuoteCmd
// anchors it again in the text folio quotes add anchors the same passage
// in (anchorQuote).
func (r reader) chosenQuote(note string) (q state.Quote, tail int) {
	from, to := r.quote.lines()
	body := min(r.bodyFrom, from)
	text, starts := joinLines(r.plain[body:])
	start, end := starts[from-body], starts[to-body]+len(r.plain[to])
	sel := state.Select(text, start, end)
	sel.Exact = r.passage()
	return state.Quote{Piece: r.key.id, Selector: sel, Note: strings.TrimSpace(oneLine(note))}, state.Letters(text[end:])
}

// passage is the text of the chosen lines as a quote keeps it: without the
// margin they share, a block quote's bar, or blank lines around them.
func (r reader) passage() string {
	from, to := r.quote.lines()
	if len(r.plain) == 0 || to >= len(r.plain) {
		return ""
	}
	lines := make([]string, 0, to-from+1)
	indent := -1
	for _, l := range r.plain[from : to+1] {
		l = strings.TrimRight(l, " \u00a0")
		lines = append(lines, l)
		if t := strings.TrimLeft(l, " "); t != "" {
			if n := len(l) - len(t); indent < 0 || n < indent {
				indent = n
			}
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			l = l[indent:]
		}
		for _, bar := range []string{"│ ", "┃ ", "│", "┃"} {
			if rest, ok := strings.CutPrefix(l, bar); ok {
				l = rest
				break
			}
		}
		lines[i] = l
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n ")
}

// joinLines is the reader's text as one string, and where each line starts
// in it.
func joinLines(lines []string) (string, []int) {
	starts := make([]int, len(lines))
	n := 0
	for i, l := range lines {
		starts[i] = n
		n += len(l) + 1
	}
	return strings.Join(lines, "\n"), starts
}

// quoting reports whether lines are being chosen or the note asked for.
func (r reader) quoting() bool { return r.quote.on || r.quote.noting }

// setQuoted marks the lines of the open piece's quotes, when they are for
// the rendering on screen; it reports whether they were.
func (r *reader) setQuoted(key renderKey, spans []quoteSpan) bool {
	if key != r.key || !r.ready {
		return false
	}
	r.quoted = spans
	if r.jumpQuote != "" {
		for _, s := range spans {
			if s.id == r.jumpQuote {
				r.offset = s.from - r.bodyHeight()/3
				r.clampOffset()
			}
		}
	}
	return true
}

// quoteLineView draws line i with the choice (reverse video) or the bar of
// a quoted line in its margin.
func (r reader) quoteLineView(i int, line string, st Styles) string {
	if r.quote.on || r.quote.noting {
		if from, to := r.quote.lines(); i >= from && i <= to {
			return st.FacetCursor.Render(fitCells(r.plain[i], r.columnWidth()))
		}
	}
	for _, s := range r.quoted {
		if i >= s.from && i <= s.to {
			return st.CursorBar.Render(quoteMark) + ansi.TruncateLeft(line, 1, "")
		}
	}
	return line
}

// quoteBar is the reader's bar while quoting: the note prompt, or what the
// keys do; ok is false when not quoting.
func (r reader) quoteBar(st Styles) (string, bool) {
	switch {
	case r.quote.noting:
		return truncateCells(" "+r.quote.input.View(), r.width), true
	case r.quote.on:
		from, to := r.quote.lines()
		text := " Quote: " + plural(to-from+1, "line") + " · j k choose · v start here · enter or y keep · esc cancel"
		return st.ReaderBar.Render(truncateCells(text, r.width)), true
	}
	return "", false
}
