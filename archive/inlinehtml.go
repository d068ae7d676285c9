package archive

import (
	"sort"
	"strings"
	"unicode"
)

// inlineTag is a piece of CommonMark's inline raw HTML: an open tag (its
// name, attributes and an optional "/"), a closing tag, a processing
// instruction, a declaration or a CDATA section. Submatch 1 is an open
// tag's name, 2 a closing tag's.
var inlineTag = lazyRegexp(`<([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + "`" + `]+|'[^']*'|"[^"]*"))?)*\s*/?>` +
	`|</([A-Za-z][A-Za-z0-9-]*)\s*>` +
	`|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>`)

// struck are the elements a page strikes through.
var struck = map[string]bool{"del": true, "s": true, "strike": true}

// hiddenContent are the elements whose content a page does not show.
var hiddenContent = map[string]bool{"script": true, "style": true, "template": true}

// blockElements are the elements that a page shows apart from the text
// around them: within a line their tags part words ("a<div>b" is "a b").
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true, "tr": true,
	"ul": true, "caption": true, "iframe": true, "video": true, "audio": true,
}

// inlineTagsText drops the inline HTML tags of seg, a part of line (a
// paragraph's, heading's, list item's or quote's line, outside its code
// spans), keeping what they enclose, as a page shows it: their names and
// attributes are no text (<abbr title="…">NATO</abbr> is NATO;
// <span class="x">a</span>b is ab; a superscript or subscript closed on
// the line is written by ScriptText: 10<sup>6</sup> is 10⁶, not 106; a
// <del>, <s> or <strike> closed on the line is struck through as GFM
// writes it: <del>old</del> is ~~old~~), nor
// is the content of a script or
// style, and a script or style not closed on its line hides the rest of
// the line (line.hidden, its later segments and code spans too: a page
// shows nothing after it). A <br> is a line break (two spaces and a new
// line, the next line starting with line's quote markers and its list
// item's indent, and what would open a block there escaped: startsNoBlock;
// at the line's end two spaces before its own new line); two or more in a
// row are a blank line, a paragraph's end, as WordPress's exports mean
// them (in a list item a hard break and an empty line: lineBreak); in a
// table row or a heading, one line, a space (a helper's report:
// a <br> before a digit, "-", "[", "*" … was a space, "<br><br>" one
// break).
// A tag a backslash escapes, or one in a link's destination (a reference
// definition's too: linkDestinations), or a destination in <…>, is text.
// line's breaks are read once for all its segments' <br>s (htmlLine).
func inlineTagsText(line *htmlLine, seg string) string {
	if line.hidden {
		return ""
	}
	if !strings.Contains(seg, "<") {
		return seg
	}
	ms := inlineTag().FindAllStringSubmatchIndex(seg, -1)
	if ms == nil {
		return seg
	}
	var b strings.Builder
	last := 0
	dests := linkDestinations(seg)
	// which tags are text, asked once each, in order: dests.holds reads
	// the line forward only (a tag before a link asked again after one
	// past it was taken for one in its destination: "<sup>[5](#fn5)</sup>"
	// kept "<sup>" as text and dropped "</sup>", shown "5" run into the
	// number before it)
	skipped := make([]bool, len(ms))
	for k, m := range ms {
		skipped[k] = escapedAt(seg, m[0]) || isDestination(seg, m[0]) || dests.holds(m[0])
	}
	pair := pairedTags(seg, ms, skipped)
	struckIn := 0            // struck elements open: a nested one's marks are not written again
	closes := map[int]bool{} // of the struck elements opened
	write := func(text string) {
		b.WriteString(line.lineStart(text))
	}
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m[0] < last || skipped[k] {
			continue
		}
		if j, ok := pair[k]; ok && m[2] >= 0 && asciiLower(seg[m[2]:m[3]]) == "sup" {
			if mark, end, ok := noteLinkMark(seg, ms, k, j, last); ok {
				// a link to a note whose text is the superscript:
				// the link's "[" not written, nor the rest of it
				write(seg[last : m[0]-1])
				b.WriteString(mark)
				last = end // the superscript's tags and the link's end passed
				continue
			}
		}
		write(seg[last:m[0]])
		last = m[1]
		name := ""
		switch {
		case m[2] >= 0:
			name = asciiLower(seg[m[2]:m[3]])
		case m[4] >= 0:
			name = asciiLower(seg[m[4]:m[5]])
		}
		switch {
		case name == "br":
			// a run of <br>s (white space between them) is one break;
			// two or more a blank line, a paragraph's end (WordPress's
			// exports write "<br><br>" for one), in a list item an
			// empty line (lineBreak), at the line's end there one break
			brs := 1
			rest := strings.TrimLeft(seg[last:], " \t")
			for k+1 < len(ms) && ms[k+1][0] == len(seg)-len(rest) && isBr(seg, ms[k+1]) {
				k, brs = k+1, brs+1
				last = ms[k][1]
				rest = strings.TrimLeft(seg[last:], " \t")
			}
			if strings.TrimLeftFunc(rest, unicode.IsSpace) == "" && strings.ContainsAny(rest, "\r\n") {
				// at the line's end its own new line breaks it, made a
				// hard break ("a<br>\nb" was "a \nb", a soft break, which
				// the reader shows as a space), or a blank line after it
				switch line.readLine(); {
				case line.oneLine:
					b.WriteString(" ")
				case brs > 1 && !line.indented:
					b.WriteString("\n" + strings.TrimRight(line.cont, " "))
				default:
					b.WriteString("  ")
				}
				continue
			}
			b.WriteString(line.lineBreak(brs))
			last = len(seg) - len(rest)
		case struck[name] && m[2] >= 0:
			// struck through, as GFM writes it, to its closing tag on
			// this line: "<del>old</del>" was "old", read as live text;
			// one inside another adds no marks (its "~~" ended the
			// outer's strike)
			if j, ok := pair[k]; ok {
				if struckIn == 0 {
					b.WriteString("~~")
				}
				struckIn++
				closes[j] = true
			}
		case struck[name] && closes[k]:
			if struckIn--; struckIn == 0 {
				b.WriteString("~~")
			}
		case m[2] >= 0 && (name == "sup" || name == "sub"):
			// its content, to its closing tag on this line, as
			// ScriptText writes it: 10<sup>6</sup> is 10⁶, not 106
			if j, ok := pair[k]; ok {
				if mark, ok := footnoteMark(seg[m[1]:ms[j][0]]); ok && name == "sup" {
					b.WriteString(mark)
				} else {
					b.WriteString(scriptOf(seg, ms, pair, k, j, skipped))
				}
				k, last = j, ms[j][1]
			}
		case blockElements[name]:
			if !line.atBreak {
				b.WriteString(" ")
			}
		case m[2] >= 0 && hiddenContent[name]:
			// its content, to its closing tag on this line; with none
			// the rest of the line is its content (hidden), as a page
			// shows nothing after it
			closed := false
			for k+1 < len(ms) {
				k++
				if c := ms[k]; c[4] >= 0 && asciiLower(seg[c[4]:c[5]]) == name {
					last, closed = c[1], true
					break
				}
			}
			if !closed {
				line.hidden = true
				return b.String()
			}
		}
	}
	write(seg[last:])
	return b.String()
}

// MaxNoteLabel is the most characters one note's label has in a footnote
// marker's label (IsNoteLabel): a number of up to 12 digits, a letter or
// a roman numeral, "*". It bounds a label's run between separators, not
// the marker: a superscript listing seven notes, "1,2,3,4,5,6,7" (13
// characters), is a marker (until 45d the 12 bounded the whole label, a
// bound first set, 294, for the one link a superscript held, so such a
// list stayed a superscript, 2014^(1,2,…,7)).
const MaxNoteLabel = 12

// MaxNoteLabels is the most notes' labels a marker lists ("1,2,3" lists
// three; "1–3" two). A list of notes has no other bound: its labels have
// no space and are short (MaxNoteLabel), so a superscript or a bracketed
// run of prose is no marker by its words; 32 is past any list of
// citations a writer puts in one superscript, and a longer run of numbers
// and commas in brackets ("x[1,2,3,…]" of data) stays the text's.
const MaxNoteLabels = 32

// maxNoteLabelBytes bounds the bytes of a marker's label (IsNoteLabel):
// MaxNoteLabels runs of MaxNoteLabel characters of 4 bytes at most, a
// separator of 3 bytes at most between them.
const maxNoteLabelBytes = MaxNoteLabels * (4*MaxNoteLabel + 3)

// IsNoteLabel reports whether label is that of a footnote's marker, as
// folio shows one, in brackets after the word it annotates ("2019[3]",
// "2019[a]", "2019[1,2]", "said.[iv]"): notes' labels, 1 to MaxNoteLabels
// of them separated by one of ",.-–" ("1,2", "1–3", "ii.3"), each of up to
// MaxNoteLabel characters, letters, digits or "*†‡§" (a page's note
// marks). It is the one rule of what a marker is: footnoteMark writes a
// superscript linking to notes as one only when its label is one, and
// state leaves out of a passage read as a reader reads it a label so in
// brackets (markerRuns). Markdown's own footnotes' references are shown
// so ("[1]"). It reads a bounded start of label (about
// maxNoteLabelBytes) however long it is.
func IsNoteLabel(label string) bool {
	labels, run := 1, 0
	for _, r := range label {
		switch {
		case strings.ContainsRune(",.-–", r):
			if labels++; labels > MaxNoteLabels {
				return false
			}
			run = 0
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("*†‡§", r):
			if run++; run > MaxNoteLabel {
				return false
			}
		default:
			return false
		}
	}
	return label != ""
}

// noteTarget is a link's destination that is a note of the page: #fn…,
// #footnote…, #cite_note… (as Wikipedia's), #note… or #endnote….
const noteTarget = `\(\s*<?#(?i:fn|footnote|cite_note|note|endnote)[^\s()<>]*>?\s*\)`

// noteLabel is a label as a page's marker writes it, in brackets (escaped,
// in a link's text) or not; IsNoteLabel says whether it is one.
const noteLabel = `(?:\\\[)?([^\[\]\\\s<>` + "`" + `]+)(?:\\\])?`

// noteLinkAt is a link to a note at the start of a superscript's content
// (a page's <sup><a href="#fn3">3</a></sup>, its anchor made a Markdown
// link by inlineLinks): submatch 1 is its label.
var noteLinkAt = lazyRegexp(`^\s*\[` + noteLabel + `\]` + noteTarget)

// noteLinkEnd is the end of a link to a note whose text is a superscript
// (Pandoc's order, <a href="#fn1"><sup>1</sup></a>, made
// [<sup>1</sup>](#fn1)), from the superscript's closing tag on.
var noteLinkEnd = lazyRegexp(`^\]` + noteTarget)

// noteSupLabel is a superscript's content that is a label alone (inside a
// link to a note, noteLinkEnd).
var noteSupLabel = lazyRegexp(`^\s*` + noteLabel + `\s*$`)

// noteMarkSeparator is what may stand between two links to notes in one
// superscript and is written in the one marker ("1,2" of
// <sup><a href="#fn1">1</a>,<a href="#fn2">2</a></sup>); links with none
// between them, or a space, are markers of their own ("[1][2]").
var noteMarkSeparator = lazyRegexp(`^\s*([,\-–])\s*`)

// footnoteMark is a superscript's content (inner, as written) as a
// footnote's marker when it is links to notes alone (noteLinkAt), each
// label a marker's (IsNoteLabel): its labels in brackets, as footnotes
// writes a Markdown footnote's reference ("\[3\]"; "\[1,2\]" of links
// with a comma between them, "\[1\]\[2\]" of links with none), not a
// superscript, which reads as the exponent of a number before it
// (2019<sup>[3](#fn3)</sup> was 2019^(3), refusing a quote "in 2019").
func footnoteMark(inner string) (string, bool) {
	var b strings.Builder
	label := ""
	for rest := inner; ; {
		m := noteLinkAt().FindStringSubmatchIndex(rest)
		if m == nil {
			return "", false
		}
		if label += rest[m[2]:m[3]]; len(label) > maxNoteLabelBytes {
			return "", false // no marker's label, however many links follow
		}
		rest = rest[m[1]:]
		if sep := noteMarkSeparator().FindStringSubmatchIndex(rest); sep != nil && strings.TrimSpace(rest[sep[1]:]) != "" {
			label += rest[sep[2]:sep[3]]
			rest = rest[sep[1]:]
			continue
		}
		if !IsNoteLabel(label) {
			return "", false
		}
		b.WriteString(noteMarkText(label))
		if label = ""; strings.TrimSpace(rest) == "" {
			return b.String(), true
		}
	}
}

// noteMarkText is a marker's label in brackets as Markdown text: "\[3\]";
// "*" escaped, no emphasis.
func noteMarkText(label string) string {
	return `\[` + strings.ReplaceAll(label, "*", `\*`) + `\]`
}

// noteLinkMark is the footnote's marker a link to a note whose text is a
// superscript of a label alone writes (Pandoc's order: <a
// href="#fn1"><sup>1</sup></a>, [<sup>1</sup>](#fn1) after inlineLinks,
// was shown 2019[¹](#fn1), 2019¹: the quote "in 2019 and fell" refused),
// as footnoteMark writes one, where ms[k] opens a superscript, paired
// with ms[j], right after the link's "[" (not escaped), at or after
// byte from of seg: the marker and the end of the link in seg.
func noteLinkMark(seg string, ms [][]int, k, j, from int) (string, int, bool) {
	open := ms[k][0]
	if open-1 < from || seg[open-1] != '[' || escapedAt(seg, open-1) {
		return "", 0, false
	}
	end := noteLinkEnd().FindStringIndex(seg[ms[j][1]:])
	if end == nil {
		return "", 0, false
	}
	m := noteSupLabel().FindStringSubmatch(seg[ms[k][1]:ms[j][0]])
	if m == nil || !IsNoteLabel(m[1]) {
		return "", 0, false
	}
	return noteMarkText(m[1]), ms[j][1] + end[1], true
}

// pairedTags pairs each opening tag of ms (inlineTag's matches in seg)
// that is struck or a script with its closing tag on the line, the
// nearest one open taking a closing (<sup>2<sup>3</sup></sup>: the
// inner pair, then the outer), those skipped aside: the index in ms of
// each opening's closing. One pass: pairing each opening by a search of
// the rest of the line took a line of 200,000 unclosed <sup>s over two
// minutes (a review, 41za).
func pairedTags(seg string, ms [][]int, skipped []bool) map[int]int {
	var pair map[int]int
	open := map[string][]int{}
	for k, m := range ms {
		if skipped[k] {
			continue
		}
		switch {
		case m[2] >= 0:
			if name := asciiLower(seg[m[2]:m[3]]); struck[name] || name == "sup" || name == "sub" {
				open[name] = append(open[name], k)
			}
		case m[4] >= 0:
			name := asciiLower(seg[m[4]:m[5]])
			if o := open[name]; len(o) > 0 {
				if pair == nil {
					pair = map[int]int{}
				}
				pair[o[len(o)-1]] = k
				open[name] = o[:len(o)-1]
			}
		}
	}
	return pair
}

// scriptOf is the script element whose tags are ms[k] and ms[j] as
// ScriptText writes it: its character references decoded when each
// character then has its script's form (2<sup>&minus;3</sup> is 2⁻³, as
// 2<sup>−3</sup> is), a script inside it written so first
// (X<sup>2<sup>3</sup></sup> is X^(2³), not X²³), other tags dropped.
func scriptOf(seg string, ms [][]int, pair map[int]int, k, j int, skipped []bool) string {
	var b strings.Builder
	from := ms[k][1]
	for i := k + 1; i < j; i++ {
		m := ms[i]
		if m[0] < from {
			continue
		}
		b.WriteString(seg[from:m[0]])
		from = m[1]
		if e, ok := pair[i]; ok && !skipped[i] && m[2] >= 0 {
			if name := asciiLower(seg[m[2]:m[3]]); name == "sup" || name == "sub" {
				b.WriteString(scriptOf(seg, ms, pair, i, e, skipped))
				from, i = ms[e][1], e
			}
		}
	}
	b.WriteString(seg[from:ms[j][0]])
	inner, super := b.String(), asciiLower(seg[ms[k][2]:ms[k][3]]) == "sup"
	if dec := DecodeReferences(inner); dec != inner {
		// decoded only when each character takes its script's form: a
		// "&lt;" decoded inside "^(…)" would be markup in the body
		if out := ScriptText(dec, super); out != "^("+dec+")" && out != "_("+dec+")" {
			return out
		}
	}
	return ScriptText(inner, super)
}

// isBr: the tag m matched in seg is a <br> (or </br>, which a page reads
// as one).
func isBr(seg string, m []int) bool {
	switch {
	case m[2] >= 0:
		return asciiLower(seg[m[2]:m[3]]) == "br"
	case m[4] >= 0:
		return asciiLower(seg[m[4]:m[5]]) == "br"
	}
	return false
}

// escapedAt reports whether s[i] follows an odd run of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for i-n-1 >= 0 && s[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// isDestination reports whether the "<" at s[i] opens a link's
// destination: after "](" or a reference definition's "]:".
func isDestination(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \t")
	return strings.HasSuffix(t, "](") || strings.HasSuffix(t, "]:")
}

// destinations are the link destinations of a segment of a line, not in
// <…>, sorted by their starts, and what holds needs of them.
type destinations struct {
	spans  [][2]int
	next   int // the first span holds has not read
	maxEnd int // the furthest end of those it has read
}

// holds reports whether byte i is in a destination; asked in increasing
// order of i.
func (d *destinations) holds(i int) bool {
	for d.next < len(d.spans) && d.spans[d.next][0] <= i {
		d.maxEnd = max(d.maxEnd, d.spans[d.next][1])
		d.next++
	}
	return i < d.maxEnd
}

// linkDestinations finds the destinations of seg's inline links and of
// a reference definition at its start, where a tag is text: CommonMark
// reads "[a](https://x/a<br>b)" as a link to https://x/a%3Cbr%3Eb (an
// attack: the <br> broke the line and the link). A destination not in
// <…> runs from "](" to the ")" that closes it, its parentheses balanced
// and backslash escapes skipped, or to a blank followed by a title's
// quote or the ")": one pass keeps every "](" still open, each closed by
// its own depth of parentheses, as a line of "[a](b" has thousands. A
// reference definition's is the word after its "[label]:".
func linkDestinations(seg string) *destinations {
	d := &destinations{}
	if t := strings.TrimLeft(seg, " "); strings.HasPrefix(t, "[") {
		if k := strings.Index(t, "]:"); k > 1 && !strings.ContainsAny(t[1:k], "[]") {
			start := len(seg) - len(t) + k + 2
			start += len(seg[start:]) - len(strings.TrimLeft(seg[start:], " \t"))
			end := start + strings.IndexFunc(seg[start:], func(r rune) bool { return r <= ' ' })
			if end < start {
				end = len(seg)
			}
			d.spans = append(d.spans, [2]int{start, end})
		}
	}
	if !strings.Contains(seg, "](") {
		return d
	}
	type open struct{ start, depth int }
	var opens []open
	depth := 0
	for i := 0; i < len(seg); i++ {
		switch c := seg[i]; {
		case c == '\\':
			i++ // an escaped character, a parenthesis or a bracket too
		case c == ']' && i+1 < len(seg) && seg[i+1] == '(':
			i++
			if i+1 < len(seg) && seg[i+1] == '<' {
				continue // <…>: isDestination
			}
			depth++
			opens = append(opens, open{i + 1, depth})
		case len(opens) == 0:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if top := opens[len(opens)-1]; top.depth-1 == depth {
				d.spans = append(d.spans, [2]int{top.start, i})
				opens = opens[:len(opens)-1]
			}
		case c <= ' ' || c == 0x7f:
			// the destinations still open end here: links if a title
			// or the ")" follows
			j := i
			for j < len(seg) && (seg[j] == ' ' || seg[j] == '\t') {
				j++
			}
			if c == ' ' || c == '\t' {
				if j < len(seg) && strings.IndexByte(`)"'(`, seg[j]) >= 0 {
					for _, o := range opens {
						d.spans = append(d.spans, [2]int{o.start, i})
					}
				}
			}
			opens, depth = opens[:0], 0
		}
	}
	sort.Slice(d.spans, func(a, b int) bool { return d.spans[a][0] < d.spans[b][0] })
	return d
}

// htmlLine is a line whose inline tags are dropped, segment by segment:
// what lineBreak needs of it is read at its first <br> and kept for the
// others (read once for each <br>, a line of "a<br>"s was read back as
// often: 600 KB took 2.2 s).
type htmlLine struct {
	line    string
	hidden  bool // after a script or style not closed on the line
	read    bool
	oneLine bool   // a heading or a table's row
	cont    string // continuation(line)
	// indented: the line is in a list item (or indented), where two
	// <br>s are no blank line (lineBreak)
	indented bool
	scanned  int // bytes of line read, for the tests
	// atBreak: a <br> broke the line and nothing is written after it yet:
	// what is written next, text or a code span, starts a line
	// (startsNoBlock), after a blank line when afterBlank is set, after
	// an empty line still to write when emptyLine is
	atBreak, afterBlank, emptyLine bool
}

// outsideSpans is the package's outsideSpans (footnotes.go) of text, the
// line and its line's end, with f dropping tags: after a script or style
// that f found not closed (l.hidden) nothing but the line's end is
// written, code spans neither.
func (l *htmlLine) outsideSpans(text string, spans [][2]int, f func(string) string) string {
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(f(text[last:sp[0]]))
		if l.hidden {
			break
		}
		// a span's backticks after a <br> ("Intro<br>```"), made the
		// start of a line, would open a fence; a span not closed on the
		// line runs to its end, so the span holds what startsNoBlock
		// reads of the line
		b.WriteString(l.lineStart(text[sp[0]:sp[1]]))
		last = sp[1]
	}
	if !l.hidden {
		b.WriteString(f(text[last:]))
	}
	if l.hidden {
		b.WriteString(text[len(l.line):])
	}
	return b.String()
}

// readLine reads what lineBreak needs of the line, once.
func (l *htmlLine) readLine() {
	if l.read {
		return
	}
	l.read = true
	l.scanned += len(l.line)
	t := strings.TrimLeft(l.line, " \t")
	l.oneLine = strings.HasPrefix(t, "#") || strings.Contains(l.line, "|")
	if !l.oneLine {
		l.cont, l.indented = continuation(l.line)
	}
}

// lineStart is text as it is written after what wrote it: after a <br>
// the start of a line (startsNoBlock), after an empty line's hard break
// if two <br>s in a list item asked for one. Blanks alone start nothing:
// what follows them does ("a<br><span> </span>- b" was a list item), and
// at the line's end no empty line is written (its "\" would end the
// paragraph, shown as written).
func (l *htmlLine) lineStart(text string) string {
	if !l.atBreak || strings.TrimSpace(text) == "" {
		return text
	}
	l.atBreak = false
	text = startsNoBlock(text, l.afterBlank)
	if l.emptyLine {
		l.emptyLine = false
		return "\\\n" + l.cont + text
	}
	return text
}

// lineBreak is what a run of brs <br>s inside the line becomes: a hard
// line break, or a blank line for two or more; a space in a heading or a
// table's row, which are one line. The text after it starts a line
// (startsNoBlock). In a list item two or more are a hard break and an
// empty line made of one ("\" alone, written before the text after it,
// lineStart): a blank line there made the item loose, two paragraphs,
// which Glamour joins ("- first line<br><br>second paragraph" showed
// "first linesecond paragraph").
func (l *htmlLine) lineBreak(brs int) string {
	l.readLine()
	l.atBreak, l.afterBlank = !l.oneLine, brs > 1 && !l.indented
	l.emptyLine = brs > 1 && l.indented && !l.oneLine
	switch {
	case l.oneLine:
		return " "
	case l.afterBlank:
		return "\n" + strings.TrimRight(l.cont, " ") + "\n" + l.cont
	}
	return "  \n" + l.cont
}

// startsNoBlock is text, which starts a line a <br> broke, with the
// character that would open a block there, or end the paragraph, escaped,
// as a page shows it after a <br>: a heading's "#", a quote's ">", a list
// item's marker ("-", "+", "*", or "1." as 1\.), a thematic break or a
// setext heading's underline ("***", "___", "---", "==="), a fence's
// "~~~" or "```" (each backtick of its run), a definition's ":", an HTML
// block's "<" (not an autolink's), a footnote's "[^1]:", and after a
// blank line (afterBlank: two <br>s) a link reference definition's "[",
// which cannot interrupt a paragraph but can start one. Emphasis
// ("*pause*"), links ("[laughs]") and the rest stay as written. (Indented
// code cannot interrupt a paragraph, and the text has no leading blanks:
// inlineTagsText drops them; a table's row is one line, where a <br> is a
// space.)
func startsNoBlock(text string, afterBlank bool) string {
	line := text
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	if line == "" {
		return text
	}
	esc := -1 // the byte of text to escape
	switch c := line[0]; {
	case c == '>':
		esc = 0
	case c == '#':
		if n := len(line) - len(strings.TrimLeft(line, "#")); n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t') {
			esc = 0
		}
	case c == '-' || c == '+' || c == '*' || c == '_' || c == '=':
		if c != '_' && c != '=' && listMarker(line) > 0 || strings.Trim(line, string(c)+" \t") == "" {
			esc = 0
		}
	case '0' <= c && c <= '9':
		if w := listMarker(line); w > 0 {
			esc = w - 1 // 1\. and 1\)
		}
	case c == '~':
		if strings.HasPrefix(line, "~~~") {
			esc = 0
		}
	case c == '`':
		// a fence of three or more, its info string holding no backtick;
		// each of the run escaped, so that no shorter run of them pairs
		// with a later one as a code span (CommonMark reads the run, with
		// no closer of its length, as written)
		if n := len(line) - len(strings.TrimLeft(line, "`")); n >= 3 && !strings.Contains(line[n:], "`") {
			return strings.Repeat("\\`", n) + text[n:]
		}
	case c == ':':
		if len(line) == 1 || line[1] == ' ' || line[1] == '\t' {
			esc = 0
		}
	case c == '<':
		if !autolink().MatchString(line) {
			esc = 0
		}
	case c == '[':
		if footnoteDef().MatchString(line) || afterBlank && linkRefDef().MatchString(line) {
			esc = 0
		}
	}
	if esc < 0 {
		return text
	}
	return text[:esc] + `\` + text[esc:]
}

// linkRefDef is the start of a line that a CommonMark link reference
// definition may be: its label, ":", and nothing, a destination alone or
// one and a title's start.
var linkRefDef = lazyRegexp(`^\[(?:[^\[\]\\]|\\.)*[^\s\[\]\\](?:[^\[\]\\]|\\.)*\]:[ \t]*(?:$|(?:<[^<>\n]*>|[^\s<][^\s]*)[ \t]*(?:$|["'(]))`)

// autolink is a CommonMark autolink at the start of a line: a URI or an
// email address in <…>.
var autolink = lazyRegexp(`^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>`)

// continuation is the start of a line that goes on line's block: its
// quote markers, and its list item's indent as spaces; indented says
// there is an indent after the quote markers (a list item's, or the
// line's own: a list item's later paragraph).
func continuation(line string) (cont string, indented bool) {
	var b strings.Builder
	rest := line
	for {
		t := strings.TrimLeft(rest, " ")
		lead := len(rest) - len(t)
		switch {
		case lead < 4 && strings.HasPrefix(t, ">"):
			b.WriteString(rest[:lead+1])
			rest = t[1:]
			if strings.HasPrefix(rest, " ") {
				b.WriteByte(' ')
				rest = rest[1:]
			}
			continue
		case lead < 4 && listMarker(t) > 0:
			w := listMarker(t)
			sp := len(t[w:]) - len(strings.TrimLeft(t[w:], " "))
			b.WriteString(strings.Repeat(" ", lead+w+sp))
			rest = t[w+sp:]
			indented = true
			continue
		}
		b.WriteString(rest[:lead])
		return b.String(), indented || lead > 0
	}
}
