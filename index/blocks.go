package index

// The blocks of a Markdown text, as far as phrases need them: a phrase is
// words in order inside one paragraph, heading, list item, table cell,
// quote or code block, and never runs from one to the next. The tokenizer
// leaves a place empty between two blocks (blockGap); scanWords, which
// reads texts for exact forms and snippets, says where it does. The rules
// are CommonMark's, for what can end a block between two words, read off
// the lines the words are on (no full parse: a text is read once, word by
// word, at indexing speed):
//
//   - a line without words between them: a blank line, a quote's blank
//     line (>), a thematic break or setext underline (---, ***, ===), a
//     fence (```), a table's delimiter row;
//   - the line ending after an ATX heading (# to ###### and a space) or a
//     fence's opening line;
//   - a new line that opens a heading, a fence, a list item (-, *, + and
//     a space; a number, . or ) and a space: 1 anywhere, any number inside
//     a list), or a quote of another depth;
//   - a table's bar (|), and a line's end after a line with one.
//
// A new line alone is a soft break: a paragraph's lines are one text, and
// so are a quote's (> on each line, or a lazy line without it), a list
// item's indented continuation and a line indented four spaces or more
// outside a list. #MeToo, -- (a dash) or 2014. at a line's start are
// words of the paragraph. HTML blocks are not told apart.

// blockGap is how many places are left empty between two blocks: one is
// enough for no phrase to span them, and a phrase typed across a blank
// line (analyzePhrase) leaves the same place for any word.
const blockGap = 1

// blocks follows a text's lines word by word (next).
type blocks struct {
	quote    int  // the quote depth (>) of the last word's line
	lineEnds bool // that line is a block of its own: an ATX heading, a fence's opening
	bars     bool // that line has a table's bar
	list     bool // inside a list: an item began and no line without words since
}

// next reports whether a block ends between the word ending at end and the
// next one, starting at start; end is -1 before the text's first word,
// which begins a line (nothing ends there: the state is set).
func (b *blocks) next(text []byte, end, start int) bool {
	first := end < 0
	if first {
		end = 0
	}
	sep := text[end:start]
	firstNL, lastNL := -1, -1
	bar := false
	for i, c := range sep {
		switch c {
		case '\n':
			if firstNL < 0 {
				firstNL = i
			}
			lastNL = i
		case '|':
			if firstNL < 0 {
				bar = true
			}
		}
	}
	if firstNL < 0 && !first { // the same line
		if bar {
			b.bars = true
		}
		return bar
	}
	brk := bar
	lineStart := 0
	if firstNL >= 0 {
		if !first && (bar || b.bars || b.lineEnds) {
			brk = true // a heading's, a fence's or a table row's line ended
		}
		if firstNL != lastNL { // a line without words
			brk = true
			b.list = false
		}
		lineStart = lastNL + 1
	}
	b.lineEnds, b.bars = false, false
	line := sep[lineStart:] // the new line up to the word
	i, indent := 0, 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
		if line[i] == '\t' {
			indent += 4
		} else if line[i] == ' ' {
			indent++
		}
		i++
	}
	if indent >= 4 && !b.list && !brk {
		return false // a paragraph's line indented: it goes on
	}
	depth := 0
	for i < len(line) && line[i] == '>' {
		depth++
		i++
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
	}
	if depth > 0 && depth != b.quote {
		brk = true // a quote opens, or one inside it, or closes to a shallower one
	}
	// a line without > after a quote's: the quote's paragraph goes on
	// (a lazy line), unless the line opens a block of its own
	lazy := depth == 0 && b.quote > 0 && !brk
	rest := line[i:]
	switch {
	case len(rest) == 0:
		if orderedItem(text[start:]) && (b.list || brk || startsOne(text[start:])) {
			brk, b.list = true, true
		}
	case atxHeading(rest):
		brk, b.lineEnds = true, true
	case len(rest) >= 3 && (string(rest[:3]) == "```" || string(rest[:3]) == "~~~"):
		brk, b.lineEnds = true, true
	case len(rest) >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && (rest[1] == ' ' || rest[1] == '\t'):
		brk, b.list = true, true
	}
	for _, c := range rest {
		if c == '|' {
			brk, b.bars = true, true
			break
		}
	}
	switch {
	case depth > 0:
		b.quote = depth
	case lazy && !brk:
	default:
		b.quote = 0
	}
	return brk && !first
}

// atxHeading reports whether rest, what begins a line before its first
// word, opens an ATX heading: one to six #s, then a space or a tab.
func atxHeading(rest []byte) bool {
	k := 0
	for k < len(rest) && rest[k] == '#' {
		k++
	}
	return k >= 1 && k <= 6 && k < len(rest) && (rest[k] == ' ' || rest[k] == '\t')
}

// orderedItem reports whether s begins with a numbered list item's marker:
// up to nine digits, then . or ) and a space, a tab or the line's end.
func orderedItem(s []byte) bool {
	n := 0
	for n < len(s) && n < 10 && isDigit(s[n]) {
		n++
	}
	if n == 0 || n > 9 || n+1 >= len(s) || s[n] != '.' && s[n] != ')' {
		return false
	}
	c := s[n+1]
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// startsOne reports whether s begins with the number 1 (the only number
// whose item interrupts a paragraph).
func startsOne(s []byte) bool {
	return len(s) >= 2 && s[0] == '1' && !isDigit(s[1])
}
