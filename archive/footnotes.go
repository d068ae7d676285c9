package archive

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

var (
	// compiled when first used (counted repetitions are costly to compile)
	footnoteDef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}\[\^([^\]\s]{1,100})\]:[ \t]?`) })
	footnoteRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^([^\]\s]{1,100})\]`) })
)

// footnotes turns Markdown footnotes into numbered references, "[1]",
// numbered in the order they are first referred to, and moves the notes to
// a numbered list at the end. A reference without a note is left as it is;
// a note never referred to is listed after the others. Fenced and indented
// code is left alone.
func footnotes(md string) string {
	if !strings.Contains(md, "[^") {
		return md
	}
	type note struct {
		label string
		lines []string
	}
	var notes []*note
	byLabel := map[string]*note{}
	var body []string
	var f fence
	var cur *note // the note whose lines are being read
	blankInNote := false
	for i := 0; i < len(md); {
		line, next := lineAt(md, i)
		i = next
		if cur != nil {
			switch {
			case strings.TrimSpace(line) == "":
				blankInNote = true
				cur.lines = append(cur.lines, "")
				continue
			case isIndentedCode(line):
				cur.lines = append(cur.lines, strings.TrimPrefix(strings.TrimPrefix(line, "\t"), "    "))
				blankInNote = false
				continue
			case !blankInNote && !footnoteDef().MatchString(line):
				cur.lines = append(cur.lines, line) // a lazy continuation
				continue
			}
			cur = nil
		}
		code := f.code(line)
		if !code {
			if m := footnoteDef().FindStringSubmatchIndex(line); m != nil {
				label := line[m[2]:m[3]]
				if _, dup := byLabel[label]; !dup {
					cur = &note{label: label, lines: []string{line[m[1]:]}}
					byLabel[label] = cur
					notes = append(notes, cur)
					blankInNote = false
					continue
				}
			}
		}
		body = append(body, line)
	}
	if len(notes) == 0 {
		return md
	}
	number := map[string]int{}
	var order []*note
	refer := func(s string) string {
		return footnoteRef().ReplaceAllStringFunc(s, func(ref string) string {
			label := ref[2 : len(ref)-1]
			n, ok := byLabel[label]
			if !ok {
				return ref
			}
			if _, seen := number[label]; !seen {
				number[label] = len(order) + 1
				order = append(order, n)
			}
			return fmt.Sprintf(`\[%d\]`, number[label])
		})
	}
	f = fence{}
	for k, line := range body {
		code := f.code(line)
		if !code && strings.Contains(line, "[^") {
			body[k] = outsideCodeSpans(line, refer)
		}
	}
	for _, n := range notes {
		if _, seen := number[n.label]; !seen {
			number[n.label] = len(order) + 1
			order = append(order, n)
		}
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(strings.Join(body, "\n"), "\n"))
	b.WriteString("\n\n---\n\nNotes:\n\n")
	for k := 0; k < len(order); k++ { // order grows while notes refer to notes
		n := order[k]
		for len(n.lines) > 0 && strings.TrimSpace(n.lines[len(n.lines)-1]) == "" {
			n.lines = n.lines[:len(n.lines)-1]
		}
		fmt.Fprintf(&b, "%d. ", k+1)
		for j, l := range n.lines {
			if j > 0 {
				b.WriteString("\n")
				if l != "" {
					b.WriteString("    ")
				}
			}
			b.WriteString(outsideCodeSpans(l, refer))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// outsideCodeSpans applies f to the parts of line outside its inline code
// spans (`…`, “…“: a run of backticks closed by a run of as many), which
// stay as written: a footnote reference in code is text (a helper's
// report: `[^1]` showed as \[1\], its backslashes visible). Linear in the
// length of line.
func outsideCodeSpans(line string, f func(string) string) string {
	return outsideSpans(line, codeSpans(line), f)
}

// outsideSpans applies f to the parts of line outside spans (byte ranges,
// in order), which stay as written.
func outsideSpans(line string, spans [][2]int, f func(string) string) string {
	if len(spans) == 0 {
		return f(line)
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(f(line[last:sp[0]]))
		b.WriteString(line[sp[0]:sp[1]])
		last = sp[1]
	}
	b.WriteString(f(line[last:]))
	return b.String()
}

// spanCursor tells whether positions of a line, asked in increasing
// order, are inside its code spans (codeSpans): linear over all asks.
type spanCursor struct {
	spans [][2]int
	j     int
}

func (c *spanCursor) in(p int) bool {
	for c.j < len(c.spans) && c.spans[c.j][1] <= p {
		c.j++
	}
	return c.j < len(c.spans) && p >= c.spans[c.j][0]
}

// codeSpans are the inline code spans of line, [start, end) of each, in
// order: a run of backticks closed by the next run of as many. Linear.
func codeSpans(line string) [][2]int {
	if !strings.Contains(line, "`") {
		return nil
	}
	type run struct{ at, n int }
	var runs []run
	for i := 0; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		runs = append(runs, run{i, j - i})
		i = j
	}
	// closer[k]: the next run after k of the same length, -1 for none
	closer := make([]int, len(runs))
	next := map[int]int{}
	for k := len(runs) - 1; k >= 0; k-- {
		if c, ok := next[runs[k].n]; ok {
			closer[k] = c
		} else {
			closer[k] = -1
		}
		next[runs[k].n] = k
	}
	var spans [][2]int
	for k := 0; k < len(runs); k++ {
		c := closer[k]
		if c < 0 {
			continue // an unclosed run is text
		}
		spans = append(spans, [2]int{runs[k].at, runs[c].at + runs[c].n})
		k = c
	}
	return spans
}
