package index

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/folio-tui/folio/archive"
)

// Cleaning a snippet's Markdown: a window of a piece's text is written as
// the plain text the reader shows, its Markdown marks dropped by their
// place in the block around it, the same characters used as text kept
// (a helper's report: "C#", "rates > 5%", "2 * 3", "price|cost" and
// "[sic]" lost a character each, and a quoted snippet misquoted its
// piece; a review's: a link's URL glued to its text, stars paired across
// lines kept, bullets and lone stars mistaken).

// markPlain marks the spans of a plain text (a title), changing nothing
// else.
func markPlain(text string, spans []span) string {
	var b strings.Builder
	b.Grow(len(text) + 8*len(spans))
	prev := 0
	for _, s := range spans {
		if s.start < prev || s.end > len(text) || s.start >= s.end {
			continue
		}
		b.WriteString(text[prev:s.start])
		b.WriteString(MarkStart)
		b.WriteString(text[s.start:s.end])
		b.WriteString(MarkEnd)
		prev = s.end
	}
	b.WriteString(text[prev:])
	return b.String()
}

// markIn is mark on the window text[from:to] (spans are offsets in the
// window). A span whose text is all marks (in a link's URL) is not marked.
func markIn(text string, from, to int, spans []span) string {
	c := newCleaner(text, from, to)
	var o out
	o.b.Grow(to - from + 8*len(spans))
	prev := from
	for _, s := range spans {
		start, end := from+s.start, from+s.end
		if start < prev || end > to {
			continue
		}
		c.write(&o, prev, start)
		if c.hasText(start, end) {
			o.mark(MarkStart)
			c.write(&o, start, end) // a phrase's run holds what stands between its words
			o.b.WriteString(MarkEnd)
		}
		prev = end
	}
	c.write(&o, prev, to)
	return o.b.String()
}

// out is a snippet being written: runs of spaces are one, none at either
// end.
type out struct {
	b     strings.Builder
	space bool // a space is owed before the next text
}

func (o *out) text(s string) {
	if o.space && o.b.Len() > 0 {
		o.b.WriteByte(' ')
	}
	o.space = false
	o.b.WriteString(s)
}

// mark writes a match's start mark, after the space owed.
func (o *out) mark(m string) { o.text(""); o.b.WriteString(m) }

// markdownPunct is the ASCII punctuation a backslash escapes in Markdown.
const markdownPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// What a byte of the block is.
const (
	isText    uint8 = iota // text, as written (an entity decoded)
	isMark                 // a mark: not written
	isSpace                // a mark that parts words (a table's pipe, a block's marks): a space
	isLiteral              // text that is never a mark (escaped, in a code span)
)

// maxLookups bounds the reference definitions a window looks for.
const maxLookups = 16

// maxBlock bounds the text read on either side of a window for its block.
const maxBlock = 2 << 10

// cleaner holds what each byte of the block around a window is.
type cleaner struct {
	// lookups counts the definitions looked for in the whole text (at
	// most maxLookups a window: a block of brackets in a long piece);
	// defs says whether it has any
	lookups int
	defs    bool

	text   string
	lo, hi int     // the block: from the blank line before the window to the one after, at most maxBlock either side
	kind   []uint8 // per byte of text[lo:hi]
	// fences follows fenced code from the text's start (nil when the
	// text has none up to the block's end)
	fences *archive.Fences
	// icode holds the starts of the block's lines that are an indented
	// code block's (nil when it has no indented line)
	icode map[int]bool
}

func newCleaner(text string, from, to int) *cleaner {
	lo := 0
	if k := strings.LastIndex(text[max(0, from-maxBlock):from], "\n\n"); k >= 0 {
		lo = max(0, from-maxBlock) + k + 2
	} else if from > maxBlock {
		lo = from - maxBlock
		lo += strings.IndexByte(text[lo:from], '\n') + 1 // a line's start
	}
	hi := len(text)
	if k := strings.Index(text[to:min(len(text), to+maxBlock)], "\n\n"); k >= 0 {
		hi = to + k
	} else if len(text)-to > maxBlock {
		hi = to + maxBlock
	}
	c := &cleaner{text: text, lo: lo, hi: hi, kind: make([]uint8, hi-lo)}
	block := text[lo:hi]
	if strings.Contains(text[:hi], "```") || strings.Contains(text[:hi], "~~~") {
		// whether the block starts in a fenced code block: the lines
		// before it, from the text's start (a fence's blank lines part
		// no block)
		c.fences = &archive.Fences{}
		for i := 0; i < lo; {
			line, next := lineIn(text, i, lo)
			c.fences.Line(line)
			i = next
		}
	}
	if indentedLine(block) {
		c.icode = icodeLines(text, lo, hi)
	}
	c.lines()
	// each pass only where its character is (a block of plain prose, the
	// most, has none of them)
	if strings.IndexByte(block, '\\') >= 0 {
		c.escapes()
	}
	if strings.IndexByte(block, '`') >= 0 {
		c.codeSpans()
	}
	if strings.IndexByte(block, '<') >= 0 {
		c.tags()
	}
	if strings.IndexByte(block, ']') >= 0 {
		c.links()
	}
	for _, ch := range []byte("*_~") {
		if strings.IndexByte(block, ch) >= 0 {
			c.emphasis(ch)
		}
	}
	return c
}

func (c *cleaner) at(i int) uint8 { return c.kind[i-c.lo] }

func (c *cleaner) set(from, to int, k uint8) {
	for i := max(from, c.lo); i < min(to, c.hi); i++ {
		c.kind[i-c.lo] = k
	}
}

// lines marks each line's block marks: indentation, quotes' ">", a "* "
// bullet, a heading's "#"s (and closing ones), a table's rule and pipes
// (in a block with a rule), a setext underline, a "***" break, a link
// reference definition; and a fenced code block's lines as literal
// text, its fences as a space, an indented code block's lines as literal
// text (icodeLines: its references as written, as show prints them).
func (c *cleaner) lines() {
	table, pipes := false, strings.IndexByte(c.text[c.lo:c.hi], '|') >= 0
	for i := c.lo; i < c.hi && pipes; {
		line, next := lineIn(c.text, i, c.hi)
		if isTableRule(strings.TrimSpace(line)) {
			table = true
			break
		}
		i = next
	}
	for i := c.lo; i < c.hi; {
		line, next := lineIn(c.text, i, c.hi)
		if c.fences != nil {
			// code as written, its fences dropped (NOTES: a "# " line
			// in code lost its "#" as a heading's)
			if code, fence := c.fences.Line(line); fence {
				c.set(i, i+len(line), isSpace)
				i = next
				continue
			} else if code {
				c.set(i, i+len(line), isLiteral)
				i = next
				continue
			}
		}
		if c.icode[i] {
			// code as written, references too (show prints
			// caf&eacute; there); its quotes' ">" and indentation
			// are block marks (a review: "> caf&eacute;" showed the >)
			p := len(line) - len(strings.TrimLeft(line, " \t>"))
			c.set(i, i+p, isSpace)
			c.set(i+p, i+len(line), isLiteral)
			i = next
			continue
		}
		t := strings.TrimSpace(line)
		switch {
		case isTableRule(t), isStarBreak(t), isUnderline(t), isRefDef(line):
			c.set(i, i+len(line), isSpace)
		default:
			content, closing := lineMarks(line)
			c.set(i, i+content, isSpace)
			c.set(i+closing, i+len(line), isSpace)
			if table {
				for k := 0; k < len(line); k++ {
					if line[k] == '|' {
						c.set(i+k, i+k+1, isSpace)
					}
				}
			}
		}
		i = next
	}
}

// indentedLine reports whether block has a line indented four columns
// or more, or a quote's line with a tab or four spaces after its >, which
// may be an indented code block's.
func indentedLine(block string) bool {
	for i := 0; i < len(block); {
		line, next := lineIn(block, i, len(block))
		t := strings.TrimLeft(line, " ")
		switch {
		case len(line)-len(t) >= 4, strings.HasPrefix(t, "\t"):
			return true
		case strings.HasPrefix(t, ">") && (strings.Contains(t, "    ") || strings.IndexByte(t, '\t') >= 0):
			return true
		}
		i = next
	}
	return false
}

// icodeLines are the starts of the lines of text[lo:hi] that are an
// indented code block's as the index reads its blocks (blocks.icode: at
// the top, inside a list's item or a quote), reading the lines from the
// text's start, each at its first word.
func icodeLines(text string, lo, hi int) map[int]bool {
	b := unsafe.Slice(unsafe.StringData(text), len(text)) // read only
	var bl blocks
	out := map[int]bool{}
	prevEnd := -1 // where the last line with a word ended
	for i := 0; i < hi; {
		line, next := lineIn(text, i, len(text))
		for k := i; k < i+len(line); {
			r, n := decodedAt(b, k)
			if isWordRuneU(r) {
				bl.next(b, prevEnd, k)
				if bl.icode && i >= lo {
					out[i] = true
				}
				prevEnd = i + len(line)
				break
			}
			k += n
		}
		i = next
	}
	return out
}

// lineIn is the line of text at i, ending before hi.
func lineIn(text string, i, hi int) (string, int) {
	if k := strings.IndexByte(text[i:hi], '\n'); k >= 0 {
		return text[i : i+k], i + k + 1
	}
	return text[i:hi], hi
}

// lineMarks are where a line's text starts after its block marks, and
// where a heading's closing "#"s start (len(line) when none).
func lineMarks(line string) (content, closing int) {
	i := 0
	for marks := true; marks; {
		j := i
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		switch {
		case j < len(line) && line[j] == '>':
			i = j + 1
		case j+1 < len(line) && (line[j] == '*' || line[j] == '-' || line[j] == '+') && (line[j+1] == ' ' || line[j+1] == '\t'):
			i = j + 2 // a bullet (the reader shows •)
		default:
			i, marks = j, false
		}
	}
	closing = len(line)
	if h := i; h < len(line) && line[h] == '#' {
		for h < len(line) && line[h] == '#' {
			h++
		}
		if h-i <= 6 && (h == len(line) || line[h] == ' ' || line[h] == '\t') {
			i = h
			t := strings.TrimRight(line, " \t")
			k := len(t)
			for k > i && t[k-1] == '#' {
				k--
			}
			if k < len(t) && (k == i || t[k-1] == ' ' || t[k-1] == '\t') {
				closing = k
			}
		}
	}
	return i, closing
}

// isTableRule: a table's delimiter row, "|---|:--:|" or "--- | ---".
func isTableRule(t string) bool {
	if !strings.Contains(t, "-") || !strings.Contains(t, "|") && !strings.Contains(t, ":") {
		return false
	}
	return strings.Trim(t, "|-: \t") == ""
}

// isStarBreak: "***", "* * *", "- - -" or "___", a thematic break.
func isStarBreak(t string) bool {
	for _, ch := range []string{"*", "-", "_"} {
		if strings.Count(t, ch) >= 3 && strings.Trim(t, ch+" \t") == "" {
			return true
		}
	}
	return false
}

// isUnderline: a setext heading's underline ("===", "---").
func isUnderline(t string) bool {
	return len(t) >= 3 && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
}

// isRefDef: a link reference definition, "[label]: target".
func isRefDef(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[^") {
		return false
	}
	k := strings.Index(t, "]:")
	return k > 1 && !strings.ContainsAny(t[1:k], "[]")
}

// escapes: a backslash before punctuation is dropped, the character kept.
func (c *cleaner) escapes() {
	for i := c.lo; i+1 < c.hi; i++ {
		if c.text[i] != '\\' || c.at(i) != isText {
			continue
		}
		switch {
		case strings.IndexByte(markdownPunct, c.text[i+1]) >= 0:
			c.set(i, i+1, isMark)
			c.set(i+1, i+2, isLiteral)
			i++
		case c.text[i+1] == '\n':
			c.set(i, i+1, isMark) // a hard line break
		}
	}
}

// tags: inline HTML tags ("<br>", "<sup>", "</kbd>") are dropped, and an
// autolink's angle brackets ("<https://…>"), as the reader shows them.
func (c *cleaner) tags() {
	for i := c.lo; i < c.hi; i++ {
		if c.text[i] != '<' || c.at(i) != isText || i+1 >= c.hi {
			continue
		}
		e := strings.IndexAny(c.text[i+1:min(c.hi, i+300)], "<>\n")
		if e < 0 || c.text[i+1+e] != '>' {
			continue
		}
		inner := c.text[i+1 : i+1+e]
		switch {
		case isTagName(strings.TrimPrefix(inner, "/")):
			c.set(i, i+1+e+1, isSpace)
		case strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:"):
			if !strings.ContainsAny(inner, " \t") {
				c.set(i, i+1, isMark)
				c.set(i+1+e, i+1+e+1, isMark)
			}
		}
	}
}

// isTagName: an HTML tag's inside, "br", "sup class=x", "br /".
func isTagName(s string) bool {
	k := 0
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || k > 0 && s[k] >= '0' && s[k] <= '9') {
		k++
	}
	return k > 0 && k <= 10 && (k == len(s) || s[k] == ' ' || s[k] == '/')
}

// codeSpans: backticks that open and close a code span are dropped, what
// is between them is text as written.
func (c *cleaner) codeSpans() {
	for i := c.lo; i < c.hi; {
		if c.text[i] != '`' || c.at(i) != isText {
			i++
			continue
		}
		n := 0
		for i+n < c.hi && c.text[i+n] == '`' {
			n++
		}
		closeAt := -1
		for j := i + n; j < c.hi; {
			if c.text[j] != '`' {
				j++
				continue
			}
			m := 0
			for j+m < c.hi && c.text[j+m] == '`' {
				m++
			}
			if m == n {
				closeAt = j
				break
			}
			j += m
		}
		if closeAt < 0 {
			i += n // literal backticks
			continue
		}
		c.set(i, i+n, isMark)
		c.set(i+n, closeAt, isLiteral)
		c.set(closeAt, closeAt+n, isMark)
		i = closeAt + n
	}
}

// links: "[text](target)", "[text][label]", "[text][]" and "[text]" whose
// label the text defines, and images' "![…](…)": the brackets, target and
// label are dropped, the text kept. Brackets that make no link ("[1][2]"
// with no definitions, "[see](the note below)") are text.
func (c *cleaner) links() {
	var open []int // the "["s not yet closed
	for i := c.lo; i < c.hi; i++ {
		if c.at(i) != isText {
			continue
		}
		switch c.text[i] {
		case '\n':
			if i+1 < c.hi && c.text[i+1] == '\n' {
				open = open[:0]
			}
		case '[':
			open = append(open, i)
		case ']':
			if len(open) == 0 {
				continue
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			end := c.targetEnd(i+1, c.text[o+1:i])
			if end < 0 {
				continue // [sic]: text
			}
			c.set(o, o+1, isMark)
			image := o > c.lo && c.text[o-1] == '!' && c.at(o-1) == isText
			if image {
				c.set(o-1, o, isMark)
			}
			c.set(i, end, isMark)
			if !image {
				// no link in a link's text; an image may be one's (a
				// linked image's "](url)" was shown: its link forgotten)
				open = open[:0]
			}
			i = end - 1
		}
	}
}

// targetEnd is the end of the link whose text (label) closes just before
// i: "(destination "title")", "[label]" or "[]" defined, or nothing after
// a defined label (a shortcut reference); -1 for no link.
func (c *cleaner) targetEnd(i int, label string) int {
	if i < c.hi && c.text[i] == '(' {
		depth := 0
		for j := i; j < c.hi && j-i < 2000; j++ {
			switch c.text[j] {
			case '(':
				depth++
			case ')':
				if depth--; depth == 0 {
					if !isDestination(c.text[i+1 : j]) {
						return -1
					}
					return j + 1
				}
			case '\n':
				if j+1 < c.hi && c.text[j+1] == '\n' {
					return -1
				}
			}
		}
		return -1
	}
	if i < c.hi && c.text[i] == '[' {
		k := strings.IndexByte(c.text[i+1:c.hi], ']')
		if k < 0 || k >= 1000 || strings.ContainsAny(c.text[i+1:i+1+k], "[\n") {
			return -1
		}
		ref := c.text[i+1 : i+1+k]
		if ref == "" {
			ref = label
		}
		if !c.defined(ref) {
			return -1
		}
		return i + 1 + k + 1
	}
	if c.defined(label) {
		return i
	}
	return -1
}

// isDestination: what stands between a link's parentheses is a
// destination, <in brackets> or without spaces, then perhaps a title.
func isDestination(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") {
		return strings.Contains(s, ">")
	}
	k := strings.IndexAny(s, " \t\n")
	if k < 0 {
		return true
	}
	rest := strings.TrimSpace(s[k:])
	return rest == "" || strings.ContainsRune("\"'(", rune(rest[0]))
}

// defined reports whether the text defines the reference label
// ("[label]: target" on a line of its own), as written or in lower case.
func (c *cleaner) defined(label string) bool {
	label = strings.TrimSpace(label)
	if label == "" || strings.HasPrefix(label, "^") || c.lookups >= maxLookups {
		return false
	}
	if c.lookups++; c.lookups == 1 {
		c.defs = strings.Contains(c.text, "]:")
	}
	if !c.defs {
		return false
	}
	for _, l := range []string{label, strings.ToLower(label)} {
		for at := 0; ; {
			k := strings.Index(c.text[at:], "["+l+"]:")
			if k < 0 {
				break
			}
			k += at
			if ls := strings.LastIndexByte(c.text[:k], '\n') + 1; strings.TrimLeft(c.text[ls:k], " ") == "" {
				return true
			}
			at = k + 1
		}
	}
	return false
}

// emphasis: runs of ch that open and close emphasis in a block, paired
// as CommonMark pairs them (a closer takes the nearest opener before it,
// as many of their characters as both have), are dropped; a run that
// cannot open or close by the flanking rules ("2 * 3", "**x:**Y"), or
// finds no partner, is text. "_" opens and closes only at a word's edge;
// "~" is GFM's strikethrough, runs of one or two. The pairs do not cross
// a blank line, a list item, a heading or a quote's start.
func (c *cleaner) emphasis(ch byte) {
	type run struct{ at, n int }
	var openers []run
	lineStart := c.lo
	for i := c.lo; i < c.hi; {
		if c.text[i] == '\n' {
			// a heading is a block of one line; a line may start another
			if strings.HasPrefix(strings.TrimLeft(c.text[lineStart:i], " "), "#") || c.newBlock(i+1) {
				openers = openers[:0]
			}
			i++
			lineStart = i
			continue
		}
		if c.text[i] != ch || c.at(i) != isText {
			i++
			continue
		}
		j := i
		for j < c.hi && c.text[j] == ch && c.at(j) == isText {
			j++
		}
		n := j - i
		if ch == '~' && n > 2 {
			i = j
			continue
		}
		before, after := ' ', ' '
		if i > 0 {
			before = prevRune(c.text, i)
		}
		if j < len(c.text) {
			after = nextRune(c.text, j)
		}
		left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
		right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
		canOpen, canClose := left, right
		if ch == '_' {
			canOpen = left && (!right || isPunct(before))
			canClose = right && (!left || isPunct(after))
		}
		at := i
		if canClose {
			for n > 0 && len(openers) > 0 {
				o := &openers[len(openers)-1]
				if ch == '~' && o.n != n {
					break
				}
				use := min(o.n, n)
				c.set(o.at+o.n-use, o.at+o.n, isMark)
				c.set(at, at+use, isMark)
				o.n -= use
				n -= use
				at += use
				if o.n == 0 {
					openers = openers[:len(openers)-1]
				}
			}
		}
		if n > 0 && canOpen {
			openers = append(openers, run{at, n})
		}
		i = j
	}
}

// newBlock reports whether the line starting at i starts a block of its
// own: blank, a list item, a heading, a quote.
func (c *cleaner) newBlock(i int) bool {
	line, _ := lineIn(c.text, i, c.hi)
	t := strings.TrimLeft(line, " \t")
	if t == "" || t[0] == '#' || t[0] == '>' {
		return true
	}
	if len(t) > 1 && (t[0] == '*' || t[0] == '-' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') {
		return true
	}
	k := 0
	for k < len(t) && k < 9 && t[k] >= '0' && t[k] <= '9' {
		k++
	}
	return k > 0 && k+1 < len(t) && (t[k] == '.' || t[k] == ')') && t[k+1] == ' '
}

// isPunct: Unicode punctuation or a symbol, as CommonMark's flanking
// rules read them.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// entityEnd is the end of the entity "&name;", "&#123;" or "&#x1F;" at
// s[i] (before to), or 0 (a review: "Q&A *x* &amp;" was read as one).
func entityEnd(s string, i, to int) int {
	j := i + 1
	for j < to && j-i <= 32 {
		c := s[j]
		switch {
		case c == ';':
			if j > i+1 {
				return j + 1
			}
			return 0
		case c == '#' && j == i+1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			j++
		default:
			return 0
		}
	}
	return 0
}

// ignorableRefAt reports whether the reference s[i:e] stands for a
// character that shows as nothing inside the word it is in, which the
// tokenizer drops (refWord: terr&shy;orism is terrorism).
func ignorableRefAt(s string, i, e int) bool {
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	r, r2, n := charRef(b, i)
	if n != e-i || r2 >= 0 || !maybeIgnorable(r) {
		return false
	}
	prev, k := charBefore(s, i), i
	for k > 0 && maybeIgnorable(prev) && s[k-1] == ';' {
		k -= charBeforeLen(s, k) // terr&shy;&shy;orism: past the first
		prev = charBefore(s, k)
	}
	next := nextPastIgnorable(b, e)
	return continuesWord(prev) && continuesWord(next) && refIgnorable(prev, r, next)
}

// hasText reports whether text[from:to] shows anything but spaces.
func (c *cleaner) hasText(from, to int) bool {
	for i := from; i < to; i++ {
		k := isText
		if i >= c.lo && i < c.hi {
			k = c.at(i)
		}
		if k != isMark && k != isSpace && c.text[i] != ' ' && c.text[i] != '\t' && c.text[i] != '\n' && c.text[i] != '\r' {
			return true
		}
	}
	return false
}

// write writes text[from:to] as the reader shows it: marks left out,
// entities decoded, runs of whitespace as one space.
func (c *cleaner) write(o *out, from, to int) {
	for i := from; i < to; {
		k := isText
		if i >= c.lo && i < c.hi {
			k = c.at(i)
		}
		ch := c.text[i]
		switch {
		case k == isMark:
			i++
			continue
		case k == isSpace || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			o.space = true
			i++
			continue
		case ch >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(c.text[i:])
			if unicode.IsSpace(r) {
				o.space = true
			} else {
				o.text(c.text[i : i+size])
			}
			i += size
			continue
		case k == isText && ch == '&':
			if e := entityEnd(c.text, i, to); e > 0 {
				if ignorableRefAt(c.text, i, e) {
					i = e // a soft hyphen inside a word (terr&shy;orism), dropped as the index drops it
					continue
				}
				// decoded only to what is safe as it is (&#27; stays written)
				if d := html.UnescapeString(c.text[i:e]); d != c.text[i:e] && archive.Sanitize(d) == d {
					if strings.TrimSpace(d) == "" {
						o.space = true // &nbsp;
					} else {
						o.text(d)
					}
					i = e
					continue
				}
			}
		}
		// a run of plain ASCII text at once
		j := i + 1
		for j < to && c.text[j] < utf8.RuneSelf && c.text[j] > ' ' && c.text[j] != '&' && (j < c.lo || j >= c.hi || c.at(j) == k) {
			j++
		}
		o.text(c.text[i:j])
		i = j
	}
}
