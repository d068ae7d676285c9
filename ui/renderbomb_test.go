package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
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
