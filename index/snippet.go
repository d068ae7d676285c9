package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippets: windows of a hit's text around the words highlight.go found,
// cut at word boundaries, cleaned of Markdown and marked.

// mark returns text with the given spans between MarkStart and MarkEnd,
// cleaned of Markdown markup.
func mark(text string, spans []span) string { return markIn(text, 0, len(text), spans) }

// markIn is mark on the window text[from:to] (spans are offsets in the
// window): the text around it tells what its characters are (a "#" at a
// line's start, a "|" in a table).
func markIn(text string, from, to int, spans []span) string {
	var b strings.Builder
	b.Grow(to - from + 8*len(spans))
	prev := from
	for _, s := range spans {
		start, end := from+s.start, from+s.end
		if start < prev || end > to {
			continue
		}
		writeClean(&b, text, prev, start)
		b.WriteString(MarkStart)
		// a phrase's run holds what stands between its words
		writeClean(&b, text, start, end)
		b.WriteString(MarkEnd)
		prev = end
	}
	writeClean(&b, text, prev, to)
	return strings.TrimSpace(b.String())
}

// markdownPunct is the ASCII punctuation a backslash escapes in Markdown.
const markdownPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// writeClean writes text[from:to], Markdown, as the plain text the reader
// shows, on one line: block marks (a heading's #s, a quote's >, a "* "
// bullet), emphasis (*, _, ~~ around words), code spans' backticks, a
// table's pipes and rules, and links' brackets and targets are dropped;
// an escaped character is written as itself; whitespace is collapsed.
// The same characters elsewhere are text, and stay: "C#", "#tag",
// "2 * 3", "A -> B", "price|cost", "[sic]" (a helper's report: every one
// of them was dropped, and a quoted snippet misquoted its piece).
func writeClean(b *strings.Builder, text string, from, to int) {
	space := false
	write := func(s string) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(s)
	}
	for i := from; i < to; {
		ls := strings.LastIndexByte(text[:i], '\n') + 1
		le := len(text)
		if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
			le = i + k
		}
		ln := mdLineAt(text, ls, le)
		for end := min(le, to); i < end; {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case i < ln.content || i >= ln.closing || ln.rule:
				// a block's marks, a heading's closing #s, a table's rule
				space = true
			case r == '\\' && i+1 < le && strings.IndexByte(markdownPunct, text[i+1]) >= 0:
				// an escape ("\\[image: …\\]", as archive.Readable
				// writes a shortcode or an image): the character itself
				if i+1 < to {
					write(text[i+1 : i+2])
				}
				i += 2
				continue
			case r == ']' && i+1 < le && (text[i+1] == '(' || text[i+1] == '['):
				// a link's target "](…)" or label "][…]", dropped
				closer := byte(')')
				if text[i+1] == '[' {
					closer = ']'
				}
				if e := strings.IndexByte(text[i+2:le], closer); e >= 0 && e < 300 {
					i += 2 + e + 1
					continue
				}
				write("]")
			case r == '[' && opensLink(text, i, le):
			case r == '`':
			case r == '|' && ln.table:
				space = true
			case r == '*' && emphasis(text, i, ls, le, '*', 0):
			case r == '~' && emphasis(text, i, ls, le, '~', 2):
			case r == '_' && (i == ls || i+size >= le || !isWordRune(prevRune(text, i)) || !isWordRune(nextRune(text, i+size))):
			case unicode.IsSpace(r):
				space = true
			default:
				write(text[i : i+size])
			}
			i += size
		}
		if i < to { // the line's end
			space = true
			i++
		}
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
}

// mdLine is what writeClean needs to know of the line text[start:end].
type mdLine struct {
	content int  // where its text starts after its block marks: up to 3 spaces, quotes' ">", a "* " bullet, a heading's "#"s
	closing int  // where a heading's closing "#"s start (end when none)
	table   bool // a row of a table: its pipes are no text
	rule    bool // a table's rule ("|---|:--:|"), or a thematic break of "*"s: no text at all
}

func mdLineAt(text string, start, end int) mdLine {
	line := text[start:end]
	l := mdLine{closing: end}
	i := 0
	for marks := true; marks; {
		j := i
		for j < len(line) && j-i < 3 && line[j] == ' ' {
			j++
		}
		switch {
		case j < len(line) && line[j] == '>':
			i = j + 1
		case j+1 < len(line) && line[j] == '*' && (line[j+1] == ' ' || line[j+1] == '\t'):
			i = j + 2
		default:
			i, marks = j, false
		}
	}
	if h := i; h < len(line) && line[h] == '#' {
		for h < len(line) && line[h] == '#' {
			h++
		}
		if h-i <= 6 && (h == len(line) || line[h] == ' ' || line[h] == '\t') {
			i = h
			// closing #s: a run at the end after a space
			t := strings.TrimRight(line, " \t")
			c := len(t)
			for c > i && t[c-1] == '#' {
				c--
			}
			if c < len(t) && (c == i || t[c-1] == ' ' || t[c-1] == '\t') {
				l.closing = start + c
			}
		}
	}
	l.content = start + i
	trimmed := strings.TrimSpace(line)
	switch {
	case isTableRule(trimmed):
		l.rule, l.table = true, true
	case isStarBreak(trimmed):
		l.rule = true
	case strings.Contains(trimmed, "|"):
		l.table = strings.HasPrefix(trimmed, "|") || strings.HasSuffix(trimmed, "|") || nextLineIsRule(text, end) || inTable(text, start)
	}
	return l
}

// isTableRule: a table's delimiter row, "|---|:--:|" or "--- | ---".
func isTableRule(t string) bool {
	if !strings.Contains(t, "-") || !strings.Contains(t, "|") && !strings.Contains(t, ":") {
		return false
	}
	return strings.Trim(t, "|-: \t") == ""
}

// isStarBreak: "***" or "* * *", a thematic break ("---" is a rule in the
// reader too, and stays as its dashes).
func isStarBreak(t string) bool {
	return strings.Count(t, "*") >= 3 && strings.Trim(t, "* \t") == ""
}

func nextLineIsRule(text string, end int) bool {
	if end >= len(text) {
		return false
	}
	next := text[end+1:]
	if k := strings.IndexByte(next, '\n'); k >= 0 {
		next = next[:k]
	}
	return isTableRule(strings.TrimSpace(next))
}

// inTable: the block holding the line at start (back to a blank line, at
// most 64 lines or 8 KB) has a table's rule before it.
func inTable(text string, start int) bool {
	for n, from := 0, start; start > 0 && n < 64 && from-start < 8<<10; n++ {
		prev := strings.LastIndexByte(text[:start-1], '\n') + 1
		t := strings.TrimSpace(text[prev : start-1])
		if t == "" {
			return false
		}
		if isTableRule(t) {
			return true
		}
		start = prev
	}
	return false
}

// opensLink: the "[" at i opens a link's text, "[text](" or "[text][",
// closed on its line by a "]" with no "[" between.
func opensLink(text string, i, le int) bool {
	for j := i + 1; j < le && j-i < 1000; j++ {
		switch text[j] {
		case '[':
			return false
		case '\\':
			j++
		case ']':
			return j+1 < le && (text[j+1] == '(' || text[j+1] == '[')
		}
	}
	return false
}

// emphasis: the run of c holding i (of length want, or any when 0) marks
// emphasis, as CommonMark's flanking rule has it: it is not between
// spaces (or a line's ends) on both sides, as "2 * 3" is, and its line
// has another such run to pair with ("2*3 = 6" has none).
func emphasis(text string, i, ls, le int, c byte, want int) bool {
	a, z := runAt(text, i, ls, le, c)
	if !flanking(text, a, z, ls, le, want) {
		return false
	}
	for j := ls; j < le; {
		if j == a {
			j = z // its own run
			continue
		}
		if text[j] != c {
			j++
			continue
		}
		ja, jz := runAt(text, j, ls, le, c)
		if flanking(text, ja, jz, ls, le, want) {
			return true
		}
		j = jz
	}
	return false
}

// runAt is the run of c in text[ls:le] holding i.
func runAt(text string, i, ls, le int, c byte) (int, int) {
	a, z := i, i
	for a > ls && text[a-1] == c {
		a--
	}
	for z < le && text[z] == c {
		z++
	}
	return a, z
}

func flanking(text string, a, z, ls, le, want int) bool {
	if want > 0 && z-a != want {
		return false
	}
	before := a == ls || unicode.IsSpace(prevRune(text, a))
	after := z == le || unicode.IsSpace(nextRune(text, z))
	return !(before && after)
}

// sameLower tells whether strings.ToLower(a) == strings.ToLower(b),
// without making either.
func sameLower(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func nextRune(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

const (
	snippetLen     = 200 // bytes of text around the matches
	snippetsPerHit = 2
	maxMatchesScan = 24 // the best windows among the first matches: scanning a whole long piece costs more than it gains
)

// snippets picks up to snippetsPerHit windows of the texts with the most
// distinct matched words and marks them.
func (h *highlightSet) snippets(texts ...string) []string {
	type window struct {
		text     string
		from, to int
		spans    []span
		score    int
	}
	var best []window
	for _, text := range texts {
		if text == "" {
			continue
		}
		ms := h.findMatches(text, maxMatchesScan)
		if len(ms) == 0 {
			continue
		}
		// candidate windows start at each match; a window's matches are
		// a run of ms, and it scores the distinct words among them (in
		// any case) four times each
		for i := 0; i < len(ms); i++ {
			from := ms[i].start
			to := from + snippetLen
			j, distinct := i, 0
			// a window holds the match it starts at, however long (a
			// phrase's run): excerpt cuts it
			for ; j < len(ms) && (j == i || ms[j].end <= to); j++ {
				w, seen := text[ms[j].start:ms[j].end], false
				for k := i; k < j && !seen; k++ {
					seen = sameLower(text[ms[k].start:ms[k].end], w)
				}
				if !seen {
					distinct++
				}
			}
			c := window{text: text, from: from, to: to, spans: ms[i:j], score: 4*distinct + j - i}
			overlaps := false
			for _, b := range best {
				if b.text == c.text && c.from < b.to && b.from < c.to {
					overlaps = true
				}
			}
			if !overlaps {
				best = append(best, c)
			}
			// keep the best few
			sortWindows(best, func(a, b window) bool { return a.score > b.score })
			if len(best) > snippetsPerHit {
				best = best[:snippetsPerHit]
			}
		}
	}
	out := make([]string, 0, len(best))
	for _, w := range best {
		out = append(out, excerpt(w.text, w.spans))
	}
	return out
}

func sortWindows[T any](ws []T, less func(a, b T) bool) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && less(ws[j], ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// excerpt cuts text around spans (a little context before the first),
// at word boundaries, and marks the spans.
func excerpt(text string, spans []span) string {
	if len(spans) == 0 {
		return lead(text)
	}
	from := spans[0].start - 60
	if from < 0 {
		from = 0
	} else {
		from = wordStart(text, from)
	}
	// to the end of the last match, but not past twice the snippet's
	// length: a mark past it is cut at a word's end
	to := max(from+snippetLen+40, min(spans[len(spans)-1].end, from+2*snippetLen))
	if to >= len(text) {
		to = len(text)
	} else {
		to = wordEnd(text, to)
	}
	var rel []span
	for _, s := range spans {
		if s.start >= from && s.start < to {
			rel = append(rel, span{s.start - from, min(s.end, to) - from})
		}
	}
	out := markIn(text, from, to, rel)
	if from > 0 {
		out = "…" + out
	}
	if to < len(text) {
		out += "…"
	}
	return out
}

// lead is the start of a text as a snippet, without marks.
func lead(text string) string {
	to := len(text)
	if to > snippetLen {
		to = wordEnd(text, snippetLen)
	}
	out := markIn(text, 0, to, nil)
	if to < len(text) {
		out += "…"
	}
	return out
}

// wordStart moves i forward to the start of the next word (unless at one).
func wordStart(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	if i > 0 && i < len(s) && isWordRune(prevRune(s, i)) {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
	}
	return i
}

// wordEnd moves i back to the end of the previous word.
func wordEnd(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	j := i
	for j > 0 && j < len(s) && isWordRune(nextRune(s, j)) && isWordRune(prevRune(s, j)) {
		_, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
	}
	if j == 0 {
		return i
	}
	return j
}
