package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/childtest"
)

// gatedSearcher holds every Article call until gate is closed: a render
// that is still running.
type gatedSearcher struct {
	*fakeSearcher
	gate chan struct{}
}

func (g gatedSearcher) Article(id string) (archive.Article, error) {
	<-g.gate
	return g.fakeSearcher.Article(id)
}

// runAll runs cmd and everything batched in it on their own goroutines, as
// Bubble Tea does, and sends their messages to out.
func runAll(cmd tea.Cmd, out chan<- tea.Msg) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				runAll(c, out)
			}
			return
		}
		if msg != nil {
			out <- msg
		}
	}()
}

// A piece left with esc while it renders, and opened again, is not rendered
// a second time: the reader waits for the render already running and
// shows its result.
func TestRenderLeftWithEscIsNotStartedAgain(t *testing.T) {
	g := gatedSearcher{newFake(testArticles()...), make(chan struct{})}
	var started []renderKey // appended to in Update, on this goroutine
	renderStarted = func(k renderKey) { started = append(started, k) }
	t.Cleanup(func() { renderStarted = nil })
	h := newHarness(t, g, 80, 24)

	first := h.sendOnly(keyPress("enter"))
	if len(started) != 1 || h.m.focus != paneReader {
		t.Fatalf("opening a piece started %d renders (focus %v)", len(started), h.m.focus)
	}
	msgs := make(chan tea.Msg, 64)
	runAll(first, msgs) // the render waits at the gate
	h.key("esc")
	if h.m.focus == paneReader {
		t.Fatal("esc did not leave the reader")
	}
	again := h.sendOnly(keyPress("enter"))
	if len(started) != 1 {
		t.Fatalf("opening the piece again started another render: %v", started)
	}
	h.requireScreen("Loading")

	close(g.gate)
	hang := time.After(60 * time.Second) // a hang guard only
	for !h.m.reader.ready {
		select {
		case msg := <-msgs:
			if rm, ok := msg.(renderedMsg); ok {
				h.send(rm)
			}
		case <-hang:
			t.Fatal("the first render never came back")
		}
	}
	h.run(again)
	h.requireScreen("Foreign fighters have not returned")
	if len(started) != 1 {
		t.Fatalf("%d renders for one piece: %v", len(started), started)
	}
	// Once back, the piece comes from the cache; a new width renders anew.
	h.key("esc", "enter")
	h.send(tea.WindowSizeMsg{Width: 70, Height: 24})
	if len(started) != 2 || started[1].width == started[0].width {
		t.Fatalf("renders after a resize: %v", started)
	}
}

// renderBombs are Markdown shapes whose rendering grew faster than their
// size before the limits of renderguard.go (time and peak RSS on main, at
// the reader's style): the five of issue 12 and the other shapes of the
// same causes.
func renderBombs() []struct{ name, md string } {
	rep := strings.Repeat
	var refs, notes, rows strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&refs, "[r%d]: https://example.org/%d\n", i, i)
		fmt.Fprintf(&notes, "x[^%d] ", i)
	}
	for i := range 20000 {
		fmt.Fprintf(&notes, "\n\n[^%d]: a note", i)
		fmt.Fprintf(&rows, "| %d | y |\n", i)
	}
	return []struct{ name, md string }{
		{"1,000 nested quotes (20 s, 870 MB)", rep("> ", 1000) + "x\n"},
		{"2,000 nested quotes (over 60 s, 2.3 GB)", rep("> ", 2000) + "x\n"},
		{"20,000 headings (47 s)", rep("# h\n", 20000)},
		{"40 KB Perl string (28 s)", "```perl\n" + rep(`"\"`, 40000/3) + "\n```\n"},
		{"200,000-line fence (over 60 s)", "```\n" + rep("x\n", 200000) + "```\n"},
		{"nested quotes on 500 lines", rep(rep("> ", 40)+"x\n", 500)},
		{"2,000 nested list items on a line", rep("- ", 2000) + "x\n"},
		{"300 nested indented list items", func() string {
			var b strings.Builder
			for i := range 300 {
				b.WriteString(rep("  ", i) + "- x\n")
			}
			return b.String()
		}()},
		{"quotes and lists nested", rep("> - ", 300) + "x\n"},
		{"20,000 nested emphases (stack overflow)", rep("*a **a ", 20000) + "b" + rep(" a** a*", 20000) + "\n"},
		{"unclosed links", rep("[a](b", 20000) + "\n"},
		{"unclosed link destinations", rep("[a](<b", 20000) + "\n"},
		{"a table cell of unclosed links", "| h |\n|---|\n| " + rep("[a](b", 150000) + " |\n"},
		{"150 table cells of 5 KB of unclosed links", "| h |\n|---|\n" + rep("| "+rep("[a](b", 1000)+" |\n", 150)},
		{"a heading of unclosed links", "# " + rep("[a](b", 150000) + "\n"},
		{"a link to a 750 KB URL", "x[r]\n\n[r]: " + rep("[a](b", 150000) + "\n"},
		{"50,000 links", rep("[a](https://example.org/1) ", 50000) + "\n"},
		{"25,000 links whose text is another site's URL", rep("[https://good.example.com/x](https://evil.example.net/x) ", 25000) + "\n"},
		{"30,000 images", rep("![a](https://example.org/i.png) ", 30000) + "\n"},
		{"50,000 autolinks", rep("www.example.com ", 50000) + "\n"},
		{"20,000 reference definitions", refs.String() + rep("[a][r7] ", 2000) + "\n"},
		{"165,000 reference definitions in a paragraph (26 s, 360 MB)", rep("[a]:b\n", 165000)},
		{"multi-line reference definitions (7.7 s)", rep("[a]:\n<b>\n\"t\"\n", 40000)},
		{"a fence's language of 990 KB (minutes)", "```" + rep("a", 990000) + "\nx\n```\n"},
		{"45 fences' languages of 20 KB (110 s)", rep("```"+rep("a", 20000)+"\nx\n```\n\n", 45)},
		{"20,000 footnotes", notes.String() + "\n"},
		{"20,000 table rows", "| a | b |\n|---|---|\n" + rows.String()},
		{"3,000 table columns", "|" + rep("a|", 3000) + "\n|" + rep("-|", 3000) + "\n|" + rep("x|", 3000) + "\n"},
		{"a 1 MB line of words", rep("word ", 200000) + "\n"},
		{"a 1 MB word", rep("x", 1<<20-1) + "\n"},
		{"50,000 thematic breaks", rep("---\n\n", 50000)},
		{"30,000 setext headings", rep("a\n=\n\n", 30000)},
		{"50,000 task items", rep("- [ ] a\n", 50000)},
		{"50,000 HTML blocks", rep("<div>\n\n", 50000)},
		{"an HTML block of 90,000 lines", "<div>\n" + rep("<p>x</p>\n", 90000) + "</div>\n"},
		{"30,000 loose list items", rep("- a\n\n  b\n\n", 30000)},
		{"40,000 definitions", rep("Term\n: definition\n\n", 40000)},
		{"100,000 lines of indented code", rep("    code\n", 100000)},
		{"100,000 code spans", rep("`a` ", 100000) + "\n"},
		{"100,000 hard breaks", rep("a  \n", 100000)},
		{"2,000 paragraphs of 60 hard breaks", rep(rep("a\\\n", 60)+"a\n\n", 2000)},
		{"100,000 inline <br>", rep(rep("a<br>", 50)+"\n\n", 2000)},
		{"9 MB of paragraphs", rep(rep("Some words in a paragraph, as a long piece has them. ", 10)+"\n\n", 17000)},
		{"9 MB on one line", rep("Some words on one line. ", 380000)},
	}
}

// TestRenderBombsAreBounded renders every bomb in a child process whose
// address space may grow by at most 300 MB over what it has when the
// renders start (Go dies with "out of memory" past it) and which may use
// renderBombsCPU seconds of CPU for them all (the kernel ends it past
// them), with a deadline of minutes only as a hang guard. On main the
// first bomb alone took 870 MB; the fences' long languages took minutes.
func TestRenderBombsAreBounded(t *testing.T) {
	if os.Getenv("FOLIO_RENDER_BOMBS") == "child" {
		renderBombsChild(t)
		return
	}
	if !canLimitAddressSpace {
		t.Skip("the child's memory limit is set through Linux's RLIMIT_AS")
	}
	if raceEnabled {
		t.Skip("the race detector multiplies memory: the limit would not mean the same")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestRenderBombsAreBounded$", "-test.v")
	cmd.Env = append(os.Environ(), "FOLIO_RENDER_BOMBS=child")
	out, err := cmd.CombinedOutput()
	if err != nil {
		last, why := "", ""
		for l := range strings.Lines(string(out)) {
			if strings.HasPrefix(l, "rendering ") {
				last = strings.TrimSpace(strings.TrimPrefix(l, "rendering "))
			}
			if why == "" && (strings.HasPrefix(l, "fatal error") || strings.HasPrefix(l, "panic") || strings.Contains(l, "_test.go:")) {
				why = strings.TrimSpace(l)
			}
		}
		t.Fatalf("the child failed (%v) rendering %q: %s", err, last, why)
	}
	for _, b := range renderBombs() {
		if !strings.Contains(string(out), "rendered "+b.name) {
			t.Errorf("the child did not render %q:\n%s", b.name, out)
		}
	}
}

// renderBombsMemory is how far the child's address space may grow.
const renderBombsMemory = 300 << 20

// renderBombsCPU is the CPU time the child's renders may take, all of
// them: ~5 s measured.
const renderBombsCPU = 60

func renderBombsChild(t *testing.T) {
	bombs := renderBombs()
	runtime.GC()
	limitAddressSpace(t, renderBombsMemory)
	childtest.LimitCPU(t, renderBombsCPU)
	for _, b := range bombs {
		fmt.Fprintf(os.Stderr, "rendering %s\n", b.name)
		lines, note, err := renderMarkdown(b.md, 100, "dark")
		if err != nil || len(lines) == 0 {
			t.Fatalf("%s: %v (%d lines)", b.name, err, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > 100 {
				t.Fatalf("%s: line %d is %d cells wide", b.name, i, w)
			}
		}
		fmt.Printf("rendered %s: %d lines, note %q\n", b.name, len(lines), note)
	}
}

// FuzzRenderMarkdown renders any Markdown (seeded with smaller bombs):
// never a panic, never a line wider than the width, and the note says
// whenever text was shown unrendered.
func FuzzRenderMarkdown(f *testing.F) {
	rep := strings.Repeat
	for _, seed := range []string{
		"# Title\n\nText with *emphasis* and a [link](https://example.org).\n",
		rep("> ", 300) + "x\n",
		rep("- ", 300) + "x\n",
		rep("# h\n", 3000),
		"```perl\n" + rep(`"\"`, 3000) + "\n```\n",
		"```\n" + rep("x\n", 30000) + "```\n",
		rep("*a **a ", 3000) + "b" + rep(" a** a*", 3000) + "\n",
		rep("[a](b", 5000) + "\n",
		rep("---\n\n", 10000),
		"| a |\n|---|\n" + rep("| x |\n", 5000),
		rep("- [ ] a\n", 10000),
		rep("x", 100000),
		rep(">", 20000) + " hi\n",
		rep("-\t", 10000) + "hi\n",
		rep("1) ", 5000) + "hi\n",
		rep("- > ", 5000) + "hi\n",
		rep("- ", 200) + "hi\n" + rep("\n", 20000),
		rep(rep("  ", 40)+"- x\n", 100),
		rep("[a]:b\n", 5000),
		"```" + rep("a", 5000) + "\nx\n```\n",
		rep("a<br>", 5000) + "\n",
		rep("a  \n", 5000) + "\n" + rep("- b\\\n  c<BR/>\n", 2000),
		"| a<br>b | `c\nd` |\n|---|---|\n| e<br />&#10;f | g  |\n",
		"```\nABCDEF &#8;\nGHI", // an unclosed fence at the end, a reference to a control in it
		// links inside words, joined (a review, 42rc: a word that was the
		// whole text before a link panicked)
		"Line one\nab[x](https://e.org/u) and [y](https://e.org/v)ed, **b**c[d](https://e.org/w)e.\n",
		rep("a[b](https://e.org/c)", 3000) + "\n",
		// a word going on in emphasis after a link, moved into it (a read
		// of the change, 42rc)
		"[x](https://e.org/u)*ed* [y](https://e.org/v)e***d** and*~~z~~ [w](https://e.org/w)_a_  \nb\n",
		rep("[b](https://e.org/c)*d*", 400) + "\n",
		// an escaped "&" is a literal one, beginning no reference (49c:
		// `x \&#92; y` showed `x \\ y`), beside an escaped backslash
		"x \\&#92; y \\\\&#92; z \\&amp;&#10;[a \\&#92; b](https://e.org/u) ![c \\&#92;](d.png)\n| [e \\&#92;](https://e.org/v) |\n|---|\n",
	} {
		f.Add(seed, 60)
	}
	f.Fuzz(func(t *testing.T, md string, width int) {
		width = 10 + abs(width)%150
		lines, note, err := renderMarkdown(md, width, "dark")
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("line %d is %d cells wide at width %d", i, w, width)
			}
		}
		if len(md) > maxRenderBytes && note == "" {
			t.Fatal("a piece over the limit was shown plain without a note")
		}
	})
}

// Nesting past the limit is shown flat, and no word of it is lost: quotes,
// lists of both kinds, definitions and emphasis nested 40 deep.
func TestDeepNestingIsFlattenedWithoutLoss(t *testing.T) {
	var quotes, lists, emph strings.Builder
	for i := range 40 {
		fmt.Fprintf(&quotes, "%sq%d\n\n", strings.Repeat("> ", i+1), i)
		marker := "-"
		if i%2 == 1 {
			marker = "1."
		}
		fmt.Fprintf(&lists, "%s%s l%d\n", strings.Repeat("   ", i), marker, i)
	}
	for i := range 20 {
		fmt.Fprintf(&emph, "*x%d **y%d ", i, i)
	}
	emph.WriteString("z")
	for i := 19; i >= 0; i-- {
		fmt.Fprintf(&emph, " y%d** x%d*", i, i)
	}
	defs := "Term\n: " + strings.Repeat("> ", 30) + "d0\n"
	for name, md := range map[string]string{"quotes": quotes.String(), "lists": lists.String(), "emphasis": emph.String(), "definitions": defs} {
		lines, note, err := renderMarkdown(md, 80, "dark")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(note, "nested deeper than") {
			t.Errorf("%s: note %q", name, note)
		}
		text := ansi.Strip(strings.Join(lines, "\n"))
		for _, w := range strings.FieldsFunc(md, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if w != "1" && !strings.Contains(text, w) {
				t.Errorf("%s: %q lost:\n%s", name, w, text)
				break
			}
		}
		if len(lines) > 0 && lines[len(lines)-1] == "" {
			t.Errorf("%s: ends with a blank line", name)
		}
	}
}

// The reader says above a piece what rendering limited.
func TestReaderSaysWhatRenderingLimited(t *testing.T) {
	as := testArticles()
	as[0].Body = strings.Repeat("> ", 20) + "deepest words\n"
	h := newHarness(t, newFake(as...), 100, 30)
	h.key("enter")
	h.requireScreen("Rendering limited: quotes and lists nested deeper than 8 levels shown")
	h.requireScreen("deepest words")
}

// A block shown as plain text keeps all its text, in whatever holds it: at
// the top, in a tight or a loose list item, a quote, a definition, a
// heading.
func TestPlainBlocksKeepTheirText(t *testing.T) {
	var long strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&long, "w%d [x](y ", i) // an unclosed link after each word
	}
	text := strings.TrimSpace(long.String())
	for name, md := range map[string]string{
		"top":        text + "\n",
		"tight item": "- a\n- " + text + "\n- b\n",
		"loose item": "- a\n\n- " + text + "\n\n- b\n",
		"quote":      "> " + text + "\n",
		"definition": "Term\n: " + text + "\n",
		"heading":    "# " + text + "\n",
	} {
		lines, note, err := renderMarkdown(md, 100, "dark")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(note, "long block shown as plain text") {
			t.Errorf("%s: note %q", name, note)
		}
		out := ansi.Strip(strings.Join(lines, "\n"))
		for _, w := range []string{"w0 ", "w2500 ", "w4999 "} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: %q lost (%d lines)", name, w, len(lines))
			}
		}
	}
}

// deliverRenders hands h the renderedMsgs that come to msgs, running the
// Cmds they return on their own goroutines, until done says so; other
// messages are left out. The deadline is a hang guard only.
func deliverRenders(t *testing.T, h *harness, msgs chan tea.Msg, done func() bool) {
	t.Helper()
	hang := time.After(cmdHangGuard)
	for !done() {
		select {
		case msg := <-msgs:
			if rm, ok := msg.(renderedMsg); ok {
				runAll(h.sendOnly(rm), msgs)
			}
		case <-hang:
			t.Fatal("the renders never came back")
		}
	}
}

// Resizing again and again while a piece renders starts no render beside
// it: the one running ends, then the piece is rendered once more, at the
// width the reader has by then.
func TestResizesWhileRenderingStartOneRenderAfter(t *testing.T) {
	g := gatedSearcher{newFake(testArticles()...), make(chan struct{})}
	var started []renderKey // appended to in Update, on this goroutine
	renderStarted = func(k renderKey) { started = append(started, k) }
	t.Cleanup(func() { renderStarted = nil })
	h := newHarness(t, g, 80, 24)
	msgs := make(chan tea.Msg, 256)
	runAll(h.sendOnly(keyPress("enter")), msgs) // the render waits at the gate
	for _, w := range []int{75, 70, 65, 60} {
		runAll(h.sendOnly(tea.WindowSizeMsg{Width: w, Height: 24}), msgs)
	}
	if len(started) != 1 {
		t.Fatalf("4 resizes during a render started renders beside it: %v", started)
	}
	h.requireScreen("Loading")
	close(g.gate)
	deliverRenders(t, h, msgs, func() bool { return h.m.reader.ready })
	if len(started) != 2 || started[1].width != columnWidthFor(60) || started[1].id != started[0].id {
		t.Fatalf("renders: %v; want the first, then one at width %d", started, columnWidthFor(60))
	}
	if h.m.reader.key.width != columnWidthFor(60) {
		t.Fatalf("the reader shows width %d", h.m.reader.key.width)
	}
	h.requireScreen("Foreign fighters have not returned")
}

// Pieces left while they render do not pile renders up: at most maxRenders
// run, and the piece the reader shows starts when one ends; the pieces
// left are not rendered again.
func TestRendersOfPiecesLeftDoNotPileUp(t *testing.T) {
	g := gatedSearcher{newFake(testArticles()...), make(chan struct{})}
	var started []renderKey
	renderStarted = func(k renderKey) { started = append(started, k) }
	t.Cleanup(func() { renderStarted = nil })
	h := newHarness(t, g, 80, 24)
	msgs := make(chan tea.Msg, 256)
	for i := range maxRenders + 2 {
		if i > 0 {
			h.key("esc", "down")
		}
		runAll(h.sendOnly(keyPress("enter")), msgs)
		if h.m.focus != paneReader {
			t.Fatalf("piece %d did not open", i)
		}
	}
	if len(started) != maxRenders {
		t.Fatalf("%d pieces opened while rendering started %d renders: %v", maxRenders+2, len(started), started)
	}
	want := h.m.reader.key
	close(g.gate)
	// every render comes back (in any order), the one shown among them
	deliverRenders(t, h, msgs, func() bool { return h.m.reader.ready && len(h.m.cache.running) == 0 })
	if len(started) != maxRenders+1 || started[maxRenders] != want {
		t.Fatalf("renders %v; want %d, then %v", started, maxRenders, want)
	}
}
