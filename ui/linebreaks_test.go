package ui

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// bodyLines are the reader's plain lines of the open piece's body, trimmed.
func bodyLines(r reader) []string {
	var out []string
	for _, l := range r.plain[r.bodyFrom:] {
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

// requireRun fails unless want are consecutive lines of lines.
func requireRun(t *testing.T, lines []string, want ...string) {
	t.Helper()
	if runIn(lines, want) {
		return
	}
	t.Fatalf("the lines\n  %s\nare not consecutive in:\n%s", strings.Join(want, "\n  "), strings.Join(lines, "\n"))
}

// A real piece's hard line breaks (two spaces, a backslash, an inline
// <br>, <BR/> or <br />) are new lines in the reader, opened from a real
// index, in a paragraph, a block quote and a list item, and its soft
// breaks spaces: Glamour showed every line break in a paragraph as a
// space (charmbracelet/glamour#84): "Because I could not stop for Death –
// He kindly stopped for me – …" on one line, "Q: … A: …" run together.
// A <br> at a line's end is one too (the archive made it a space and the
// line's end a soft break), and two in a list item are two. The reader's
// find finds a word on a broken line where it is.
func TestHardLineBreaksInTheReader(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "linebreaks"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), dir, os.DirFS(dir), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h := newHarness(t, ix, 100, 40)
	h.key("enter")
	if h.m.reader.key.id != "kept-lines" {
		t.Fatalf("opened %q", h.m.reader.key.id)
	}
	h.requireScreen("Because I could not stop for Death")
	lines := bodyLines(h.m.reader)
	requireRun(t, lines,
		"The piece below keeps the lines its writers broke. This paragraph is wrapped at 72 columns in",
		"the file, as editors write Markdown, and the reader reflows it to its own width: these three",
		"lines are one paragraph.")
	requireRun(t, lines, "Because I could not stop for Death –", "He kindly stopped for me –",
		"The Carriage held but just Ourselves –", "And Immortality.")
	requireRun(t, lines,
		"Q: When did you first read it?",
		"A: At school, in a reader that printed it as prose.",
		"Q: And since?",
		"A: Every winter.")
	requireRun(t, lines, "│ Send the proofs to", "│ 12 Harbour Row", "│ Portsmouth")
	requireRun(t, lines, "• First, the title", "as the poet wrote it", "• Then the dashes, which the first editors replaced with commas")
	// two <br>s in a list item: its lines apart, an empty line between
	// (the archive's blank line made the item loose, and Glamour joined
	// its paragraphs: "stanzaskept apart")
	requireRun(t, lines, "• Last, the stanzas", "", "kept apart as a WordPress export writes them")
	requireRun(t, lines, "Yours faithfully,", "A. Editor")

	h.key("/")
	h.typeText("since")
	h.key("enter")
	r := h.m.reader
	if r.matchCount() != 1 {
		t.Fatalf("find since: %d matches", r.matchCount())
	}
	m := r.matchAt(r.current)
	if got := ansi.Cut(r.plain[m.line], m.start, m.end); got != "since" {
		t.Errorf("the match covers %q on %q", got, r.plain[m.line])
	}
	if !strings.HasSuffix(strings.TrimSpace(r.plain[m.line]), "Q: And since?") {
		t.Errorf("since is found on %q", r.plain[m.line])
	}
}

// lineBreakCases are Markdown and lines of its plain rendering, each
// line's words joined by one space, at width 40 (or width) through the
// render path, for what the archive leaves as written too (a <br> in a
// table row, a code span, references).
var lineBreakCases = []struct {
	md    string
	width int
	want  []string
}{
	{"Line one<br>line two<BR/>three<br />four\nfive", 0, []string{"Line one", "line two", "three", "four five"}},
	{"one<br>\ntwo <br>  three", 0, []string{"one", "two", "three"}},
	{"end<br>\n\nnext", 0, []string{"end", "", "next"}},
	{"*em<br>x* y", 0, []string{"em", "x y"}},
	{"| a | b |\n|---|---|\n| x<br>y | z |", 0, []string{"x | z", "y |"}},
	{"`code\nspan` and `a<br>b`", 0, []string{"code span and a<br>b"}},
	{"a&#10;b &NewLine;c", 0, []string{"a b c"}},
	// a reference to a backslash in a Text with one to a new line is a
	// backslash, not an escape Glamour reads (`\[2]` was shown)
	{"Line &#92;[2&#92;]&#10;next x.", 0, []string{`Line \[2\] next x.`}},
	{"&bsol;* and &#x5C;&#x5C;&NewLine;&#92;", 0, []string{`\* and \\ \`}},
	{"an \\[escape\\]&#10;b", 0, []string{`an [escape] b`}},
	{"Setext\ntwo\n===", 0, []string{"Setext two"}},
	{"Setext  \ntwo\n===", 0, []string{"Setext", "two"}},
	{"- a\n  b\n- c  \n  d", 0, []string{"• a b", "• c", "d"}},
	{"> q1  \n> q2\n> q3", 0, []string{"| q1", "| q2 q3"}},
	{"[link\ntext](https://x.org) ![alt\ntext](x.png)", 100, []string{"link text https://x.org Image: alt text → /x.png"}},
	// an image's text is one line: a hard break in it a space (h35e: the
	// words were joined, "hardbreak")
	{"![hard\\\nbreak](x.png) ![two  \nspaces](y.png) ![br<br>tag](z.png)", 100, []string{"Image: hard break → /x.png Image: two spaces → /y.png Image: br tag → /z.png"}},
}

// TestLineBreaksAsCommonMark: hard breaks are new lines and soft breaks
// spaces wherever Glamour puts text: a paragraph, emphasis, a table cell,
// a heading, a list item, a quote, a link, an image's text; a code span's
// new line is a space, and so is a reference to one; a <br> with nothing
// after it breaks nothing.
func TestLineBreaksAsCommonMark(t *testing.T) {
	for _, c := range lineBreakCases {
		lines, note, err := RenderMarkdown(c.md, cmp.Or(c.width, 40), PlainStyle)
		if err != nil || note != "" {
			t.Fatalf("%q: %v %q", c.md, err, note)
		}
		var got []string
		for _, l := range lines {
			got = append(got, strings.Join(strings.Fields(ansi.Strip(l)), " "))
		}
		if !runIn(got, c.want) {
			t.Errorf("%q renders\n%s\nwant the lines\n%s", c.md, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// runIn says whether want are consecutive lines of lines.
func runIn(lines, want []string) bool {
	for i := range lines {
		if i+len(want) <= len(lines) && slices.Equal(lines[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

// wrapAt72 hard-wraps the paragraphs, bullet items and quote lines of md
// at 72 columns as an editor would, breaking no line before a word that
// could start a block, so that the Markdown is the same.
func wrapAt72(md string) string {
	var b strings.Builder
	fence := ""
	for line := range strings.Lines(md) {
		line = strings.TrimSuffix(line, "\n")
		fence = nextFence(fence, line)
		lead, cont := "", ""
		switch {
		case fence != "" || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "    ") || strings.Contains(line, "|"):
		case strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* "):
			lead, cont = line[:2], "  "
		case strings.HasPrefix(line, "> "):
			lead, cont = "> ", "> "
		case plainParagraphLine(line):
			lead, cont = "", ""
		default:
			b.WriteString(line + "\n")
			continue
		}
		if fence != "" || strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\") || len(line) <= 72 ||
			(lead == "" && !plainParagraphLine(line)) {
			b.WriteString(line + "\n")
			continue
		}
		words := strings.Fields(line[len(lead):])
		cur := lead
		for i, w := range words {
			starts := strings.IndexByte("0123456789#>-+*=_`~|<[!\\:", w[0]) >= 0
			if i > 0 && len(cur)+1+len(w) > 72 && !starts && cur != lead {
				b.WriteString(cur + "\n")
				cur = cont + w
				continue
			}
			if cur != lead && cur != cont {
				cur += " "
			}
			cur += w
		}
		b.WriteString(cur + "\n")
	}
	return b.String()
}

// A piece hard-wrapped at 72 columns reads as the same piece: the
// paragraphs, list items and quotes of real pieces (the bundled archive,
// State of the Union addresses) wrapped in the file render as they do on
// one line, at the reader's width and narrower, styled and plain. Where
// no paragraph joined them (a list item) a soft break was a new line.
func TestHardWrappedSourceReflowsAsOneLine(t *testing.T) {
	var bodies []string
	a, _ := archive.Load(archive.Bundled())
	for _, p := range a.Articles {
		bodies = append(bodies, p.Body)
	}
	sotu := "/work/shared/corpora/sotu"
	if _, err := os.Stat(sotu); err == nil {
		s, _ := archive.Load(os.DirFS(sotu))
		for i, p := range s.Articles {
			if i%20 == 0 {
				bodies = append(bodies, p.Body)
			}
		}
	}
	bodies = append(bodies, "- "+strings.Repeat("a list item long enough to be wrapped by its writer ", 4)+"\n\n> "+
		strings.Repeat("a quote long enough to be wrapped by its writer ", 4)+"\n")
	wrapped := 0
	for _, body := range bodies {
		w := wrapAt72(body)
		if w == body {
			continue
		}
		wrapped++
		for _, width := range []int{60, 100} {
			for _, st := range []string{PlainStyle, styles.DarkStyle} {
				want, _, err := renderMarkdown(body, width, st)
				if err != nil {
					t.Fatal(err)
				}
				got, _, err := renderMarkdown(w, width, st)
				if err != nil {
					t.Fatal(err)
				}
				// the same text, its styles in as many runs as Text nodes
				for i := range got {
					got[i] = ansi.Strip(got[i])
				}
				for i := range want {
					want[i] = ansi.Strip(want[i])
				}
				if !slices.Equal(got, want) {
					t.Fatalf("wrapped at 72, at width %d in %s, a piece renders\n%s\nnot\n%s", width, st,
						strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		}
	}
	if wrapped < 8 {
		t.Fatalf("only %d pieces had lines to wrap", wrapped)
	}
}
