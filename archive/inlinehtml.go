package archive

import (
	"regexp"
	"strings"
	"unicode"
)

// inlineTag is a piece of CommonMark's inline raw HTML: an open tag (its
// name, attributes and an optional "/"), a closing tag, a processing
// instruction, a declaration or a CDATA section. Submatch 1 is an open
// tag's name, 2 a closing tag's.
var inlineTag = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + "`" + `]+|'[^']*'|"[^"]*"))?)*\s*/?>` +
	`|</([A-Za-z][A-Za-z0-9-]*)\s*>` +
	`|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>`)

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
// <span class="x">a</span>b is ab), nor is the content of a script or
// style, and a script or style not closed on its line hides the rest of
// the line (line.hidden, its later segments and code spans too: a page
// shows nothing after it). A <br> is a line break (two spaces and a new line, the next line
// starting with line's quote markers and its list item's indent; at the line's end two spaces
// before its own new line), or a
// space where a new line could open a block or end one: in a table row, a
// heading, or before what would start a block (a "-", a "#", a digit …).
// A tag a backslash escapes, or a link's destination in <…>, is text.
// line's breaks are read once for all its segments' <br>s (htmlLine).
func inlineTagsText(line *htmlLine, seg string) string {
	if line.hidden {
		return ""
	}
	if !strings.Contains(seg, "<") {
		return seg
	}
	ms := inlineTag.FindAllStringSubmatchIndex(seg, -1)
	if ms == nil {
		return seg
	}
	var b strings.Builder
	last := 0
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m[0] < last || escapedAt(seg, m[0]) || isDestination(seg, m[0]) {
			continue
		}
		b.WriteString(seg[last:m[0]])
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
			rest := strings.TrimLeft(seg[last:], " \t")
			if strings.TrimLeftFunc(rest, unicode.IsSpace) == "" {
				// at the line's end its own new line breaks it, made a
				// hard break ("a<br>\nb" was "a \nb", a soft break, which
				// the reader shows as a space); before a code span a space
				if strings.ContainsAny(rest, "\r\n") {
					b.WriteString("  ")
				} else {
					b.WriteString(" ")
				}
				continue
			}
			b.WriteString(line.lineBreak(rest))
			last = len(seg) - len(rest)
		case blockElements[name]:
			b.WriteString(" ")
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
	b.WriteString(seg[last:])
	return b.String()
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
	scanned int    // bytes of line read, for the tests
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
		b.WriteString(text[sp[0]:sp[1]])
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

// lineBreak is what a <br> inside the line becomes when rest, the line's
// text after it, follows: a hard line break, or a space where a new line
// would change the line's blocks.
func (l *htmlLine) lineBreak(rest string) string {
	if !l.read {
		l.read = true
		l.scanned += len(l.line)
		t := strings.TrimLeft(l.line, " \t")
		l.oneLine = strings.HasPrefix(t, "#") || strings.Contains(l.line, "|")
		if !l.oneLine {
			l.cont = continuation(l.line)
		}
	}
	if l.oneLine {
		return " " // a heading or a table's row is one line
	}
	switch c := rest[0]; {
	case '0' <= c && c <= '9', strings.IndexByte("#>-+*=_`~|<[!\\:", c) >= 0:
		return " "
	}
	return "  \n" + l.cont
}

// continuation is the start of a line that goes on line's block: its
// quote markers, and its list item's indent as spaces.
func continuation(line string) string {
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
			continue
		}
		b.WriteString(rest[:lead])
		return b.String()
	}
}
