package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// findAnswer runs cmd (a batch's Cmds too) and returns the find's answer
// among the messages they give.
func findAnswer(t *testing.T, cmd tea.Cmd) foundMsg {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := runCmd(c)
		if !ok {
			t.Fatalf("a Cmd did not answer in %v: a hang", cmdHangGuard)
		}
		switch msg := msg.(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case foundMsg:
			return msg
		}
	}
	t.Fatal("no find among the Cmds")
	return foundMsg{}
}

// A find in the piece runs in a Cmd, not in Update (a helper's report: in
// a 9.4 MB piece Update found for 7.3 s, the screen and ctrl+c waiting):
// enter returns at once with the bar saying it is finding; keys work
// meanwhile; the answer is taken only from the find running, and the next
// find, esc, leaving the piece and quitting each cancel the one running.
func TestFindRunsInACmd(t *testing.T) {
	h := newHarness(t, newFake(longArticle()), 100, 30)
	h.key("enter")
	h.requireMatch(`Paragraph 1 of a long piece`)

	h.key("/")
	h.typeText("intelligence")
	first := h.sendOnly(keyPress("enter"))
	h.requireMatch(`finding “intelligence”… · 0%`)
	if n := h.m.reader.matchCount(); n != 0 || first == nil {
		t.Fatalf("enter found %d matches in Update (Cmd %v)", n, first != nil)
	}
	h.key("j") // the reader answers while the find runs
	if h.m.reader.offset != 1 || !h.m.reader.findingNow() {
		t.Fatalf("j during the find: line %d, finding %v", h.m.reader.offset, h.m.reader.findingNow())
	}

	// the next find cancels the first; the first's answer, and any of
	// another find's, is dropped
	h.key("/")
	h.typeText("paragraph")
	second := h.sendOnly(keyPress("enter"))
	stale := findAnswer(t, first)
	if stale.err == nil {
		t.Error("the first find was not cancelled by the second")
	}
	h.send(stale)
	h.send(foundMsg{gen: stale.gen, upTo: make([]int32, len(h.m.reader.plain)+1)})
	h.requireMatch(`finding “paragraph”…`)
	if h.m.reader.matchCount() != 0 || h.m.status.active() {
		t.Fatalf("a stale answer was taken: %d matches, status %q", h.m.reader.matchCount(), h.m.status.text)
	}
	found := findAnswer(t, second)
	if found.err != nil {
		t.Fatalf("the second find: %v", found.err)
	}
	h.send(found)
	h.requireMatch(`“paragraph” 1/80 · `)
	if m := h.m.reader.matchAt(h.m.reader.current); m.line < h.m.reader.offset || m.end-m.start != len("paragraph") {
		t.Errorf("the current match %+v, the screen at line %d", m, h.m.reader.offset)
	}
	h.key("n")
	if h.m.reader.current != 1 {
		t.Errorf("n went to match %d", h.m.reader.current)
	}

	// esc stops a find running and stays in the piece
	h.key("/")
	h.typeText("piece")
	third := h.sendOnly(keyPress("enter"))
	h.key("esc")
	if h.m.focus != paneReader || h.m.reader.findingNow() || h.m.status.text != "Find stopped" {
		t.Errorf("esc during a find: focus %v, finding %v, status %q", h.m.focus, h.m.reader.findingNow(), h.m.status.text)
	}
	if findAnswer(t, third).err == nil {
		t.Error("esc did not cancel the find")
	}

	// leaving the piece cancels it
	h.key("/")
	h.typeText("long")
	fourth := h.sendOnly(keyPress("enter"))
	h.key("q")
	if h.m.focus == paneReader || findAnswer(t, fourth).err == nil {
		t.Errorf("q during a find: focus %v, the find not cancelled", h.m.focus)
	}

	// quitting cancels it
	h.key("enter", "/")
	h.typeText("about")
	fifth := h.sendOnly(keyPress("enter"))
	h.sendOnly(keyPress("ctrl+c"))
	if findAnswer(t, fifth).err == nil {
		t.Error("ctrl+c did not cancel the find")
	}
}

// n while a find runs says it is still finding, and the answer then shows
// the first match (49r: it said "“paragraph” is not in this piece", the
// find then counting 80).
func TestFindAgainWhileFinding(t *testing.T) {
	h := newHarness(t, newFake(longArticle()), 100, 30)
	h.key("enter")
	h.requireMatch(`Paragraph 1 of a long piece`)
	h.key("/")
	h.typeText("paragraph")
	cmd := h.sendOnly(keyPress("enter"))
	h.requireMatch(`finding “paragraph”…`)
	h.key("j")
	h.key("j")
	h.key("n")
	if got := h.m.status.text; got != "Still finding “paragraph”…" {
		t.Errorf("n during the find: status %q", got)
	}
	h.send(findAnswer(t, cmd))
	h.requireMatch(`“paragraph” \d+/80 · `)
	if m := h.m.reader.matchAt(h.m.reader.current); m.line < h.m.reader.offset {
		t.Errorf("the current match %+v is above the screen at line %d", m, h.m.reader.offset)
	}
}
