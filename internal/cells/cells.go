// Package cells measures and fits text to a terminal's cells when folio
// cannot know how the terminal counts them. A terminal that confirms
// Unicode's grapheme clusters (mode 2027) gives a cluster its width; most
// (xterm, tmux, VTE) give each character its wcwidth, so a Devanagari
// conjunct or an emoji sequence takes more cells there than Lip Gloss and
// Glamour, which count clusters, planned: a line of the reader ran past
// the screen's edge and its end was never drawn (a helper's report). Text
// fitted here takes no more cells than asked under either count.
package cells

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is the most cells s can take: by grapheme cluster or by wcwidth.
func Width(s string) int { return max(ansi.StringWidth(s), ansi.StringWidthWc(s)) }

// Truncate cuts s to at most n cells under either count, ending it with
// tail when cut (ansi.Truncate's).
func Truncate(s string, n int, tail string) string {
	if Width(s) <= n {
		return s
	}
	t := ansi.TruncateWc(s, n, tail)
	for m := n; ansi.StringWidth(t) > n && m > 0; {
		m--
		t = ansi.TruncateWc(s, m, tail)
	}
	return t
}

// Fit wraps each line wider than n cells under either count into lines
// that are not (styles carried; the line's margin of spaces kept), and
// keeps the others; it reports, for each line of lines, the index of its
// first line in the result (nil when no line was wrapped). A single
// character wider than n under wcwidth stays as it is.
func Fit(lines []string, n int) ([]string, []int) {
	var out []string
	var at []int
	for i, l := range lines {
		if out == nil && Width(l) <= n {
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(lines)+8), lines[:i]...)
			at = make([]int, 0, len(lines))
			for k := range i {
				at = append(at, k)
			}
		}
		at = append(at, len(out))
		if Width(l) <= n || n <= 0 {
			out = append(out, l)
			continue
		}
		plain := ansi.Strip(l)
		indent := plain[:len(plain)-len(strings.TrimLeft(plain, " "))]
		for k, w := range splitLines(ansi.WrapWc(l, n, "")) {
			if k > 0 && Width(indent+w) <= n {
				w = indent + w // the line's margin kept on its next lines
			}
			if ansi.StringWidth(w) > n {
				// wider by clusters (an emoji with its presentation
				// selector): wrapped by clusters too
				out = append(out, splitLines(ansi.Wrap(w, n, ""))...)
			} else {
				out = append(out, w)
			}
		}
	}
	if out == nil {
		return lines, nil
	}
	return out, at
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i == len(s) {
			break
		}
		s = s[i+1:]
	}
	return out
}
