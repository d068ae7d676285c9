package index

import "bytes"

// Code spans. In CommonMark a run of backticks opens a code span that the
// next run of as many backticks closes, inside the paragraph (or heading,
// list item, table cell) it is in; a character reference inside one is
// shown as written (`&amp;` reads "&amp;"), as inside a code block. The
// tokenizer and scanWords follow them with a codeSpans, and read a
// reference as its character only outside them (charref.go). A run that
// no run as long closes before the paragraph ends is text, and so is a
// backtick after a backslash (\`).
//
// The paragraph's end is read off the lines after the opening, without
// the blocks' state (no full parse): a blank line (or a quote's, >), a
// part's end (partBreak), or a line that begins a heading (#), a fence
// (``` or ~~~), a list item with text (-, *, + or 1. or 1)), a deeper
// quote or a thematic break; an ATX heading's line; a table's cell.
// Checked against goldmark as the oracle (TestCodeSpanRefsAsGoldmark).

// codeSpans follows the code spans of a text, read from its start.
type codeSpans struct {
	// end is where the last code span found ends: a reference before it
	// and after its opening is text as written
	end int
	// none[n-1] is where the paragraph ended the last time a run of n
	// backticks looked for its closing and found none: a run of n before
	// it closes none either, and is not looked at again (a paragraph of
	// unmatched runs is read once for each length, not once a run)
	none     [8]int
	noneLong map[int]int // the same, for runs of more than 8
	// line is the start of the line of the run read last, and lineTo
	// where that run began: the next run's line is walked back to lineTo
	// only, so a line's runs walk it once, not once a run (a 640 KB line
	// of "`x` " was read back 160,000 times). depth and heading are its
	// lineHead, read when headAt (line+1) says they are this line's.
	line, lineTo  int
	headAt, depth int
	heading       bool
	walked        int // bytes walked back, for the tests
}

// in reports whether text[i] is inside the code span found last.
func (c *codeSpans) in(i int) bool { return i < c.end }

// open reads the backtick at text[i], outside a code span, for the
// tokenizer and scanWords alike: a code span opens outside code and HTML,
// as the blocks of its line say, asked of a copy of bl as for a reference
// (bl.next from prevEnd, when lines says a block may end before i). When
// it does the run is read (at) and open returns where it ends, and true.
func (c *codeSpans) open(text []byte, i int, bl *blocks, lines bool, prevEnd int) (int, bool) {
	nb := *bl
	if lines {
		nb.next(text, prevEnd, i)
	}
	if nb.fence == 0 && !nb.icode && !nb.html {
		return c.at(text, i, nb.table), true
	}
	return i, false
}

// at reads the run of backticks at text[i], outside a code span or block:
// when a run as long closes it, the code span is found (end). It returns
// where the run ends, to go on from.
func (c *codeSpans) at(text []byte, i int, table bool) int {
	bs := 0
	for k := i - 1; k >= 0 && text[k] == '\\'; k-- {
		bs++
	}
	if bs%2 == 1 {
		return i + 1 // escaped: the rest of the run may open one
	}
	j := i
	for j < len(text) && text[j] == '`' {
		j++
	}
	n := j - i
	if j < c.noneAt(n) {
		return j
	}
	c.lineOf(text, i)
	end, stop := closeCodeSpan(text, j, n, c.depth, c.heading, table)
	if end < 0 {
		c.setNone(n, stop)
		return j
	}
	c.end = end
	return j
}

// lineOf finds the start of text[i]'s line and its lineHead, walking
// back only to where the last run's walk began.
func (c *codeSpans) lineOf(text []byte, i int) {
	if i < c.lineTo { // read from another start: walk it whole
		c.line, c.lineTo, c.headAt = 0, 0, 0
	}
	k := i
	for k > c.lineTo && text[k-1] != '\n' {
		k--
	}
	c.walked += i - k
	if k > c.lineTo || k > 0 && text[k-1] == '\n' {
		c.line = k // a newline after lineTo: a new line
	}
	c.lineTo = i
	if c.headAt != c.line+1 {
		c.depth, c.heading = lineHead(text, c.line)
		c.headAt = c.line + 1
	}
}

func (c *codeSpans) noneAt(n int) int {
	if n <= len(c.none) {
		return c.none[n-1]
	}
	return c.noneLong[n]
}

func (c *codeSpans) setNone(n, at int) {
	if n <= len(c.none) {
		c.none[n-1] = at
		return
	}
	if c.noneLong == nil {
		c.noneLong = map[int]int{}
	}
	c.noneLong[n] = at
}

// closeCodeSpan finds the run of exactly n backticks that closes a code
// span opened by a run of n ending at text[from], on a line whose
// lineHead is depth and heading: end is where it ends, or -1 when the
// paragraph ends first, at stop. In a table's row (table) a cell's end
// ends it too.
func closeCodeSpan(text []byte, from, n, depth int, heading, table bool) (end, stop int) {
	for k := from; k < len(text); {
		switch text[k] {
		case '`':
			m := k
			for m < len(text) && text[m] == '`' {
				m++
			}
			if m-k == n {
				return m, 0
			}
			k = m
		case '\n':
			if heading || table || paragraphEnds(text, k+1, depth) {
				return -1, k
			}
			k++
		case '|':
			if table && text[k-1] != '\\' {
				return -1, k
			}
			k++
		case partBreak[0]:
			return -1, k
		default:
			k++
		}
	}
	return -1, len(text)
}

// lineHead reads the line at text[at]: its quote depth (its >s) and
// whether it is an ATX heading's, which ends at its line.
func lineHead(text []byte, at int) (depth int, heading bool) {
	k := at
	for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '>') {
		if text[k] == '>' {
			depth++
		}
		k++
	}
	for { // a list item's marker: - # Title is a heading
		m := k
		for m < len(text) && m-k < 10 && isDigit(text[m]) {
			m++
		}
		if m > k && m < len(text) && (text[m] == '.' || text[m] == ')') {
			m++
		} else if m == k && m < len(text) && (text[m] == '-' || text[m] == '*' || text[m] == '+') {
			m++
		}
		if m == k || m >= len(text) || text[m] != ' ' && text[m] != '\t' {
			break
		}
		for k = m; k < len(text) && (text[k] == ' ' || text[k] == '\t'); k++ {
		}
	}
	m := k
	for m < len(text) && text[m] == '#' {
		m++
	}
	return depth, m > k && m-k <= 6 && (m == len(text) || text[m] == ' ' || text[m] == '\t' || text[m] == '\n')
}

// paragraphEnds reports whether the line at text[at] ends the paragraph
// before it, whose line's quote depth is depth: a blank line (a quote's
// too), or one that begins a block that interrupts it: a deeper quote, a
// heading, a fence, a list item, a thematic break.
func paragraphEnds(text []byte, at, depth int) bool {
	k, d := at, 0
	for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '>') {
		if text[k] == '>' {
			d++
		}
		k++
	}
	if k >= len(text) || text[k] == '\n' || text[k] == '\r' || text[k] == partBreak[0] || d > depth {
		return true
	}
	if _, heading := lineHead(text, k); heading {
		return true
	}
	switch c := text[k]; c {
	case '`', '~':
		if k+2 >= len(text) || text[k+1] != c || text[k+2] != c {
			return false
		}
		// a backtick fence's info string has no backtick
		e := bytes.IndexByte(text[k:], '\n')
		if e < 0 {
			e = len(text) - k
		}
		run := k
		for run < len(text) && text[run] == c {
			run++
		}
		return c == '~' || bytes.IndexByte(text[run:k+e], '`') < 0
	case '-', '*', '+', '_':
		if c != '_' && itemWithText(text, k+1) {
			return true // a bullet item (or a break: - - -)
		}
		m := 0 // a thematic break: three or more of c, spaces between
		for p := k; p < len(text) && text[p] != '\n'; p++ {
			switch text[p] {
			case c:
				m++
			case ' ', '\t':
			default:
				return false
			}
		}
		return m >= 3
	}
	// a numbered item: 1. or 1) (another number goes on with the
	// paragraph, as CommonMark reads it)
	return k+1 < len(text) && text[k] == '1' && (text[k+1] == '.' || text[k+1] == ')') && itemWithText(text, k+2)
}

// itemWithText reports whether a list item's marker ending at text[at]
// is followed by a space and text: an empty item interrupts no paragraph.
func itemWithText(text []byte, at int) bool {
	if at >= len(text) || text[at] != ' ' && text[at] != '\t' {
		return false
	}
	for ; at < len(text) && (text[at] == ' ' || text[at] == '\t'); at++ {
	}
	return at < len(text) && text[at] != '\n' && text[at] != '\r'
}
