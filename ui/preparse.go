package ui

import (
	"fmt"
	"strings"
)

// goldmark's block parser does work per container (block quote, list,
// list item) on every line it reaches: each container marker of a line
// measures the line's columns from its start again and looks for a
// thematic break in the rest of the line, so one line of n markers costs
// n² (a 990 KB line of ">" took minutes: 200 KB of "> " 16 s, 100 KB of
// "-\t" over 30 s), and every blank line inside n open lists costs n more
// and 24 bytes each (200 lists and 25,000 blank lines: 2.7 s, 120 MB).
// The bounds of renderguard.go apply to the tree goldmark returns, too
// late for these, so boundContainers rewrites the text before goldmark
// sees it:
//
//   - A container marker (">", a bullet "-", "+" or "*" followed by a
//     space, a tab or the end of the line, or an ordered "1." or "1)")
//     at the start of a line, after only markers and blanks, that could
//     open a container deeper than maxContainerDepth is escaped with a
//     backslash: it and the rest of the line are text. Its depth is
//     estimated from the line alone (the markers before it and half the
//     columns of blanks before it: every level a line continues takes a
//     ">" or, for a list item, at least two columns of indentation), so no
//     line, and no run of lines, opens deeper than maxContainerDepth.
//   - A run of more than two blank lines after a line that may be
//     maxBlankDepth or more containers deep is cut to two: blank lines are
//     worth no more than one outside code, and each costs goldmark a step
//     per open container.
//
// Nothing is parsed: the rules look at each line once, and they may touch
// code (a line of code that starts with 33 ">" shows a backslash; a deeply
// indented code block loses blank lines past two in a row), which the note
// says. goldmark then works at most about maxContainerDepth steps per line
// and maxContainerDepth² per line that opens containers.
const (
	maxContainerDepth = 32
	maxBlankDepth     = maxBlockDepth
)

// preparsed says what boundContainers changed.
type preparsed struct {
	escaped int // lines whose markers past the depth became text
	blanks  int // blank lines dropped
}

// note says what boundContainers changed, or "".
func (p preparsed) note() string {
	var say []string
	if p.escaped > 0 {
		say = append(say, fmt.Sprintf("%s with quote or list markers past %d levels shown as text", plural(p.escaped, "line"), maxContainerDepth))
	}
	if p.blanks > 0 {
		say = append(say, fmt.Sprintf("%s in deep quotes or lists left out", plural(p.blanks, "blank line")))
	}
	return strings.Join(say, "; ")
}

// boundContainers returns md with the container markers past
// maxContainerDepth escaped and long runs of blank lines in deep
// containers cut (see above), and what it changed.
func boundContainers(md string) (string, preparsed) {
	var p preparsed
	var out strings.Builder
	copied := 0 // md[:copied] is in out
	lists := 0  // at most how many list items a blank line would continue
	blanks := 0 // blank lines in a row before this one
	for off := 0; off < len(md); {
		end := strings.IndexByte(md[off:], '\n')
		next := len(md)
		if end < 0 {
			end = len(md)
		} else {
			end += off
			next = end + 1
		}
		line := md[off:end]
		at, l, blank := containerPrefix(line)
		if blank {
			// A quote needs its ">" again on each line, a list item only
			// a blank line: each list item open costs goldmark a step.
			blanks++
			if blanks > 2 && lists >= maxBlankDepth {
				if copied == 0 {
					out.Grow(len(md))
				}
				out.WriteString(md[copied:off])
				copied = next
				p.blanks++
			}
			off = next
			continue
		}
		if at >= 0 {
			if copied == 0 {
				out.Grow(len(md) + 1)
			}
			out.WriteString(md[copied : off+at])
			out.WriteByte('\\')
			copied = off + at
			p.escaped++
		}
		if blanks > 0 || off == 0 {
			lists = l // after a blank line, what continues is on the line
		} else {
			lists = max(lists, l) // a lazy continuation keeps what was open
		}
		blanks = 0
		off = next
	}
	if copied == 0 {
		return md, p
	}
	out.WriteString(md[copied:])
	return out.String(), p
}

// containerPrefix reads the container markers and blanks that start line.
// It returns the offset of the first marker that could open a container
// deeper than maxContainerDepth (of the "." or ")" of an ordered marker),
// or -1; at most how many list items the line opens or continues; and
// whether the line is blank but for ">" (goldmark continues every list
// item open inside the quotes it continues).
//
// Every level a line continues or opens takes a marker, or at least two
// columns of blanks before the line's first list marker (the indentation
// of a list item; a ">" may take one more column). After a list marker the
// rest of the line is inside the new item: it can only open more.
func containerPrefix(line string) (escape, lists int, blank bool) {
	col, markers, free, absorb := 0, 0, 0, 0
	listed := false // a list marker was read: blanks are no indentation
	thematic := -2  // where a thematic break may start in line; -2: not looked for yet
	i := 0
	for i < len(line) {
		c := line[i]
		if c == ' ' || c == '\t' || c == '\r' {
			w := 1
			if c == '\t' {
				w = 4 - col%4
			}
			col += w
			if !listed {
				a := min(absorb, w)
				absorb -= a
				free += w - a
			}
			i++
			continue
		}
		mark, end := -1, -1
		switch {
		case c == '>':
			mark, end = i, i+1
		case c == '-' || c == '+' || c == '*':
			if endsMarker(line, i+1) {
				mark, end = i, i+1
			}
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && endsMarker(line, j+1) {
				mark, end = j, j+1
			}
		}
		if mark < 0 {
			break
		}
		if c == '-' || c == '*' {
			// "- - -" is a thematic break, not three lists (CommonMark)
			if thematic == -2 {
				thematic = thematicStart(line)
			}
			if thematic >= 0 && i >= thematic && strings.Count(line[i:], string(c)) >= 3 {
				break
			}
		}
		if markers+free/2+1 > maxContainerDepth {
			return mark, lists + free/2, false
		}
		markers++
		if c == '>' {
			absorb = 1
		} else {
			listed = true
			lists++
		}
		col += end - i
		i = end
	}
	return -1, lists + free/2, i == len(line) && !listed
}

// endsMarker reports whether a list marker ending before line[i] is one:
// followed by a blank or the end of the line.
func endsMarker(line string, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
}

// thematicStart returns the first offset of the longest end of line made
// of one of "-", "*", "_" and blanks (where a thematic break may start),
// or -1.
func thematicStart(line string) int {
	var c byte
	start := -1
	for i := len(line) - 1; i >= 0; i-- {
		switch b := line[i]; b {
		case ' ', '\t', '\r':
			continue
		case '-', '*', '_':
			if c == 0 {
				c = b
			}
			if b != c {
				return start
			}
			start = i
		default:
			return start
		}
	}
	return start
}
