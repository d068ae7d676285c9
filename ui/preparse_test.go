package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
)

// containerBombs are the shapes that kept goldmark's block parser busy for
// seconds to minutes before boundContainers (CPU of goldmark's parse
// alone at 100 KB on main, one core), each with a word that must survive.
// Inline shapes ("[", "*", "_", "`", "<" runs, "*a*" repeated, nested
// brackets), reference definitions, wide tables, setext headings, thematic
// breaks and HTML blocks were measured too: linear, or bounded by the
// paragraph limits of renderguard.go.
func containerBombs(size int) []struct{ name, md, word string } {
	rep := strings.Repeat
	return []struct{ name, md, word string }{
		{"'>' on one line (3.9 s)", rep(">", size) + " hi\n", "hi"},
		{"'> ' on one line (2.0 s)", rep("> ", size/2) + "hi\n", "hi"},
		{"'- ' on one line (6.0 s)", rep("- ", size/2) + "hi\n", "hi"},
		{"'+ ' on one line (2.2 s)", rep("+ ", size/2) + "hi\n", "hi"},
		{"'* ' on one line (6.1 s)", rep("* ", size/2) + "hi\n", "hi"},
		{"'1. ' on one line (1.4 s)", rep("1. ", size/3) + "hi\n", "hi"},
		{"'1) ' on one line (1.7 s)", rep("1) ", size/3) + "hi\n", "hi"},
		{"'123456789. ' on one line (0.39 s)", rep("123456789. ", size/11) + "hi\n", "hi"},
		{"'- > ' on one line (2.1 s)", rep("- > ", size/4) + "hi\n", "hi"},
		{"'>- ' on one line (2.9 s)", rep(">- ", size/3) + "hi\n", "hi"},
		{"'-\\t' on one line (7.7 s)", rep("-\t", size/2) + "hi\n", "hi"},
		{"'>\\t' on one line (over 8 s)", rep(">\t", size/2) + "hi\n", "hi"},
		{"200 lists then blank lines (at 25 KB: 2.7 s, 120 MB)", rep("- ", 200) + "hi\n" + rep("\n", size), "hi"},
		// n^1.5: each level measures the indentation again (0.68 s at 400 KB);
		// parseWork does not count that
		{"lists nested by indentation", func() string {
			var b strings.Builder
			for i := 0; b.Len() < size; i++ {
				b.WriteString(rep(" ", 2*i) + "- x\n")
			}
			return b.String() + "hi\n"
		}(), "hi"},
	}
}

// parseWork estimates the steps of goldmark's block parser on the
// containers of md: a line costs a step per list item that may be open
// before it and the square of its container markers (each measures the
// line again).
func parseWork(md string) int {
	work, lists, blanks := 0, 0, true
	for line := range strings.Lines(md) {
		line = strings.TrimSuffix(line, "\n")
		markers := countMarkers(line)
		_, l, blank := containerPrefix(line)
		work += lists + markers*markers
		switch {
		case blank:
			blanks = true
			continue
		case blanks:
			lists = l
		default:
			lists = max(lists, l)
		}
		blanks = false
	}
	return work
}

// countMarkers counts the container markers that start line, with no
// bound.
func countMarkers(line string) int {
	n := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			n++
			i++
		case (c == '-' || c == '+' || c == '*') && endsMarker(line, i+1):
			n++
			i++
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j-i > 9 || j == len(line) || (line[j] != '.' && line[j] != ')') || !endsMarker(line, j+1) {
				return n
			}
			n++
			i = j + 1
		default:
			return n
		}
	}
	return n
}

// Every container bomb, once bounded, opens at most maxContainerDepth
// containers on a line and costs goldmark a bounded work per byte, and its
// words are rendered. The work is counted, not timed: see
// BenchmarkContainerBombs for the CPU.
func TestContainerBombsAreBoundedBeforeParsing(t *testing.T) {
	const size = 200 << 10
	for _, b := range containerBombs(size) {
		md, pre := boundContainers(b.md)
		if pre.note() == "" {
			t.Errorf("%s: nothing changed", b.name)
		}
		for line := range strings.Lines(md) {
			line = strings.TrimSuffix(line, "\n")
			if at, _, _ := containerPrefix(line); at >= 0 || countMarkers(line) > maxContainerDepth {
				t.Fatalf("%s: a line opens %d containers (escape at %d)", b.name, countMarkers(line), at)
			}
		}
		if again, p := boundContainers(md); again != md || p.note() != "" {
			t.Errorf("%s: bounding twice changed it again: %+v", b.name, p)
		}
		// about maxContainerDepth steps a line, maxContainerDepth² a line
		// that opens as many; before: up to size²/4
		limit := 16*len(md) + maxContainerDepth*maxContainerDepth
		if w := parseWork(md); w > limit {
			t.Errorf("%s: %d steps for %d bytes (at most %d)", b.name, w, len(md), limit)
		}
		if w := parseWork(b.md); w <= limit && !strings.Contains(b.name, "indentation") {
			t.Errorf("%s: unbounded, it would take only %d steps: not a bomb for this measure", b.name, w)
		}
	}
	// the words come through the whole render path (smaller, for the race
	// detector's pace)
	for _, b := range containerBombs(20 << 10) {
		lines, note, err := renderMarkdown(b.md, 80, "dark")
		if err != nil {
			t.Fatal(err)
		}
		if out := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(out, b.word) {
			t.Errorf("%s: %q lost (%d lines)", b.name, b.word, len(lines))
		}
		if note == "" {
			t.Errorf("%s: no note", b.name)
		}
	}
}

// Markers past the depth read as the characters they are, and the text
// after them stays.
func TestContainerMarkersPastTheDepthAreText(t *testing.T) {
	md := strings.Repeat(">", maxContainerDepth+8) + " deep words\n"
	got, pre := boundContainers(md)
	want := strings.Repeat(">", maxContainerDepth) + `\` + strings.Repeat(">", 8) + " deep words\n"
	if got != want || pre.escaped != 1 {
		t.Fatalf("bounded to %q (%+v), want %q", got, pre, want)
	}
	if !strings.Contains(pre.note(), "1 line with quote or list markers past 32 levels shown as text") {
		t.Errorf("note %q", pre.note())
	}
	for md, want := range map[string]string{
		strings.Repeat("- ", 40) + "x":   strings.Repeat("- ", 32) + `\- - - - - - - - x`,
		strings.Repeat("1. ", 40) + "x":  strings.Repeat("1. ", 32) + `1\. 1. 1. 1. 1. 1. 1. 1. x`,
		strings.Repeat("2) ", 33) + "x":  strings.Repeat("2) ", 32) + `2\) x`,
		strings.Repeat("  ", 40) + "- x": strings.Repeat("  ", 40) + `\- x`,
	} {
		if got, _ := boundContainers(md); got != want {
			t.Errorf("%q bounded to %q, want %q", md, got, want)
		}
	}
	lines, note, err := renderMarkdown(md, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	if out := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(out, ">>>>>>>> deep words") {
		t.Errorf("the markers past the depth are not text:\n%s", out)
	}
	if !strings.Contains(note, "shown as text") || !strings.Contains(note, "shown flat") {
		t.Errorf("note %q", note)
	}
}

// Markdown within the bounds is left as it is: the bundled archive, deep
// but not too deep nesting, thematic breaks of many markers, blank lines
// in shallow lists and in code.
func TestBoundContainersLeavesOrdinaryMarkdown(t *testing.T) {
	a, _ := archive.Load(archive.Bundled())
	for _, p := range a.Articles {
		if got, pre := boundContainers(p.Body); got != p.Body {
			t.Errorf("%s changed: %+v", p.ID, pre)
		}
	}
	rep := strings.Repeat
	for _, md := range []string{
		rep("> ", maxContainerDepth) + "x\n",
		rep("- ", maxContainerDepth-1) + "x\n" + rep("  ", maxContainerDepth-1) + "y\n",
		rep("- ", 100) + "\n",
		rep("* ", 100) + "\n",
		"> > " + rep("-", 300) + "\n",
		"- " + rep("* ", 100) + "\n",
		"- a\n\n\n\n\n  b\n",
		"```\n" + rep("\n", 50) + "```\n",
		rep(">", 10) + " quoted\n" + rep("\n", 20) + "after\n",
		"1234567890. not a list " + rep("- ", 50) + "\n",
	} {
		if got, pre := boundContainers(md); got != md {
			t.Errorf("%q changed (%+v) to %q", md, pre, got)
		}
	}
}

// Long runs of blank lines inside deep containers are cut to two, and
// nothing else is.
func TestBlankRunsInDeepContainersAreCut(t *testing.T) {
	deep := strings.Repeat("- ", maxBlankDepth) + "x\n"
	md := deep + strings.Repeat("\n", 10) + strings.Repeat("  ", maxBlankDepth) + "y\n" + strings.Repeat("\n", 10) + "z\n" + strings.Repeat("\n", 10) + "w\n"
	got, pre := boundContainers(md)
	want := deep + "\n\n" + strings.Repeat("  ", maxBlankDepth) + "y\n\n\nz\n" + strings.Repeat("\n", 10) + "w\n"
	if got != want || pre.blanks != 16 {
		t.Fatalf("got %q (%+v), want %q", got, pre, want)
	}
	if !strings.Contains(pre.note(), "16 blank lines in deep quotes or lists left out") {
		t.Errorf("note %q", pre.note())
	}
}

// BenchmarkContainerBombs reports the CPU a render of each bomb takes,
// bounded (cpu-ms/op, where the platform counts it).
func BenchmarkContainerBombs(b *testing.B) {
	for _, size := range []int{100 << 10, 1000 << 10} {
		for _, bomb := range containerBombs(size) {
			b.Run(fmt.Sprintf("%s %d KB", bomb.name, size>>10), func(b *testing.B) {
				start, ok := cpuTime()
				for b.Loop() {
					if _, _, err := renderMarkdown(bomb.md, 80, "dark"); err != nil {
						b.Fatal(err)
					}
				}
				if end, _ := cpuTime(); ok {
					b.ReportMetric(float64((end-start).Milliseconds())/float64(b.N), "cpu-ms/op")
				}
			})
		}
	}
}

// Link reference definitions by the thousand in one paragraph (goldmark's
// work on them is quadratic) make the piece plain text before it is
// parsed, and say so; a piece with as many as a long article has (300,
// and a paragraph of text after them) renders its links.
func TestReferenceDefinitionsBoundedBeforeParsing(t *testing.T) {
	rep := strings.Repeat
	for name, md := range map[string]string{
		"one-line":   rep("[a]:b\n", 165000),
		"multi-line": rep("[a]:\n<b>\n\"t\"\n", 40000),
		"then text":  rep("[a]:b\n", 5000) + rep("text\n", 5000),
		"in a quote": rep("> [a]:b\n", 120000), // 13.6 s before (a review's report)
		"in a list":  "- x\n" + rep("  [a]:b\n", 100000),
	} {
		if w := referenceWork(md); w <= maxReferenceWork {
			t.Errorf("%s: work %d, not over %d", name, w, maxReferenceWork)
		}
		lines, note, err := renderMarkdown(md, 80, "dark")
		if err != nil || len(lines) == 0 || !strings.Contains(note, "reference definitions") {
			t.Errorf("%s: %v, %d lines, note %q", name, err, len(lines), note)
		}
	}
	var b strings.Builder
	b.WriteString("See [the report][r7] and [another][r299].\n\n")
	for i := range 300 {
		fmt.Fprintf(&b, "[r%d]: https://example.org/%d\n", i, i)
	}
	b.WriteString("And a last word.\n")
	if w := referenceWork(b.String()); w > maxReferenceWork {
		t.Fatalf("300 definitions: work %d", w)
	}
	lines, note, err := renderMarkdown(b.String(), 100, "dark")
	out := ansi.Strip(strings.Join(lines, "\n"))
	if err != nil || note != "" || !strings.Contains(out, "https://example.org/299") || strings.Contains(out, "[r7]:") {
		t.Errorf("300 definitions: %v, note %q:\n%s", err, note, out)
	}
}

// A piece with no body (front matter alone, common in Hugo) renders with
// no note: it was said to be "too costly to render" (a helper's report).
func TestEmptyBodyHasNoNote(t *testing.T) {
	for _, md := range []string{"", "\n", "   \n\n"} {
		if _, note, err := renderMarkdown(md, 80, "dark"); err != nil || note != "" {
			t.Errorf("%q: note %q, %v", md, note, err)
		}
	}
}

// A code block in a language chroma does not know (mermaid, math, none)
// is shown plain without a word; "not highlighted (too costly)" is kept
// for a block that took too long (a helper's report: it was said of a
// three-line mermaid block).
func TestUnknownCodeLanguageIsNoLimit(t *testing.T) {
	for _, lang := range []string{"mermaid", "math", "none", "foobar"} {
		lines, note, err := renderMarkdown("A diagram:\n\n```"+lang+"\ngraph TD; A-->B\n```\n", 80, "dark")
		if err != nil || note != "" || !strings.Contains(strings.Join(lines, "\n"), "A-->B") {
			t.Errorf("%s: note %q, err %v, lines %q", lang, note, err, lines)
		}
	}
	if _, note, _ := RenderMarkdown("```go\nfmt.Println(1)\n```\n", 80, "dark"); note != "" {
		t.Errorf("go: note %q", note)
	}
}
