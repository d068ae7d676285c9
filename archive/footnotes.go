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
	prevBlank := true
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
		code := f.line(line) || (prevBlank || f.indented) && isIndentedCode(line)
		f.indented = code && isIndentedCode(line)
		prevBlank = strings.TrimSpace(line) == ""
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
	prevBlank = true
	for k, line := range body {
		code := f.line(line) || (prevBlank || f.indented) && isIndentedCode(line)
		f.indented = code && isIndentedCode(line)
		prevBlank = strings.TrimSpace(line) == ""
		if !code && strings.Contains(line, "[^") {
			body[k] = refer(line)
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
			b.WriteString(refer(l))
		}
		b.WriteString("\n")
	}
	return b.String()
}
