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
// tail when cut (ansi.Truncate's). The cut is between clusters: the
// longest prefix that fits. (x/ansi's TruncateWc returns a string whose
// clusters fit whole, however wide by wcwidth: a review's report found
// folio list panicking on a Devanagari outlet it gave back uncut.)
func Truncate(s string, n int, tail string) string {
	if Width(s) <= n {
		return s
	}
	if Width(tail) > n {
		tail = ""
	}
	for m := min(n, ansi.StringWidth(s)); m > 0; m-- {
		if t := ansi.Truncate(s, m, tail); Width(t) <= n {
			return t
		}
	}
	return ""
}

// Fit wraps each line wider than n cells under either count into lines
// that are not (styles carried; the line's margin of spaces kept on each),
// and keeps the others; it reports, for each line of lines, the index of
// its first line in the result (nil when no line was wrapped). A single
// cluster wider than n stays whole on its line.
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
		out = append(out, wrap(l, n)...)
	}
	if out == nil {
		return lines, nil
	}
	return out, at
}

// wrap breaks the line l (wider than n) into lines of at most n cells
// under either count: its text after the margin is wrapped at the margin's
// room counting clusters, else counting wcwidth (x/ansi's Wrap and
// WrapWc), else at a width that shrinks until every piece fits with the
// margin before it. A line of emoji sequences, which wcwidth counts wider,
// was wrapped at a shrinking width alone, and its ordinary words were cut
// ("reuni"/"ted" at show --width 22, a helper's report): wrapped counting
// wcwidth, a word that fits stays whole.
func wrap(l string, n int) []string {
	plain := ansi.Strip(l)
	indent := plain[:len(plain)-len(strings.TrimLeft(plain, " "))]
	if len(indent) >= n/2 {
		indent = "" // no room for a margin
	}
	content := l
	if indent != "" {
		content = ansi.Cut(l, len(indent), ansi.StringWidth(l))
	}
	room := n - len(indent)
	for m := room; m > 0; {
		least := 0 // the least a wrap at m went over
		for i, wrapAt := range []func(string, int, string) string{ansi.Wrap, ansi.WrapWc} {
			pieces := splitLines(wrapAt(content, m, ""))
			over := 0
			for _, p := range pieces {
				over = max(over, Width(p)-room)
			}
			if over <= 0 || m == 1 && i == 1 {
				return margined(pieces, indent, l)
			}
			if i == 0 || over < least {
				least = over
			}
		}
		m = max(1, m-least)
	}
	return []string{l}
}

// margined is the pieces of a wrapped line, each after indent, less the
// blank ones the wrap made; l alone when none is left.
func margined(pieces []string, indent, l string) []string {
	out := make([]string, 0, len(pieces))
	for _, p := range pieces {
		if strings.TrimSpace(ansi.Strip(p)) == "" {
			continue // a break the wrap made, not a line of the text
		}
		out = append(out, indent+p)
	}
	if len(out) == 0 {
		out = append(out, l)
	}
	return out
}

func splitLines(s string) []string { return strings.Split(s, "\n") }
