package ui

import (
	"bytes"
	"context"
	"reflect"
	"regexp"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/folio-tui/folio/state"
)

// probe wraps the root model in a teatest program. It counts the Cmds in
// flight (each is wrapped to answer a doneMsg, which the probe unwraps and
// delivers) and publishes, after every update, the plain screen and whether
// the program is idle: no Cmd running and none of their messages waiting.
// Timers come from the test clock and are parked, never fired. A test then
// waits for a screen that is both what it wants and final, with no pause
// for quiet.
type probe struct {
	inner    Model
	screen   *screenBox
	inflight *atomic.Int64
}

type shot struct {
	screen string
	idle   bool
}

type doneMsg struct{ msg tea.Msg }

func newProbe(m Model) probe {
	p := probe{inner: m, screen: &screenBox{changed: make(chan struct{}, 1)}, inflight: &atomic.Int64{}}
	p.screen.store(shot{})
	return p
}

// screenBox holds the last shot the probe took, and says when a new one
// is taken: waits wake on the change, not on a timer.
type screenBox struct {
	v       atomic.Value // a shot
	changed chan struct{}
}

func (b *screenBox) store(sh shot) {
	b.v.Store(sh)
	select {
	case b.changed <- struct{}{}:
	default: // a wake-up is already pending
	}
}

func (b *screenBox) load() shot { return b.v.Load().(shot) }

// track wraps cmd so that its answer comes back through the probe.
func (p probe) track(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	p.inflight.Add(1)
	return func() tea.Msg { return doneMsg{cmd()} }
}

func (p probe) trackAll(cmds []tea.Cmd) []tea.Cmd {
	out := make([]tea.Cmd, len(cmds))
	for i, c := range cmds {
		out[i] = p.track(c)
	}
	return out
}

func (p probe) Init() tea.Cmd { return p.track(p.inner.Init()) }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	done, isDone := msg.(doneMsg)
	switch {
	case !isDone:
		cmd = p.deliver(msg)
	case done.msg == nil:
	default:
		if batch, ok := done.msg.(tea.BatchMsg); ok {
			cmd = tea.Batch(p.trackAll(batch)...)
		} else if seq, ok := sequence(done.msg); ok {
			cmd = tea.Sequence(p.trackAll(seq)...)
		} else if _, ok := done.msg.(timerMsg); ok {
			// parked: the screen is taken before any timer would fire
		} else if reflect.TypeOf(done.msg).PkgPath() == reflect.TypeFor[probe]().PkgPath() {
			cmd = p.deliver(done.msg)
		} else {
			// Bubble Tea's own (quit, window title, clipboard): the
			// program acts on them; they do not change the screen.
			m := done.msg
			cmd = func() tea.Msg { return m }
		}
	}
	if isDone {
		p.inflight.Add(-1)
	}
	p.screen.store(shot{screen: ansi.Strip(p.inner.View().Content), idle: p.inflight.Load() == 0})
	return p, cmd
}

// deliver passes msg to the root model and tracks what follows from it.
func (p *probe) deliver(msg tea.Msg) tea.Cmd {
	next, cmd := p.inner.Update(msg)
	p.inner = next.(Model)
	return p.track(cmd)
}

func (p probe) View() tea.View { return p.inner.View() }

// TestGoldenScreens runs the real Bubble Tea loop (teatest) over the fake
// index, drives it to a few key states, and compares the final screen, with
// colours reduced to the 16-colour ANSI profile, against testdata/. Run with
// -update after an intended change and look at the diff.
func TestGoldenScreens(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	cases := []struct {
		name  string
		w, h  int
		drive func(tm *teatest.TestModel)
		until string
		saved bool // with a saved search (saved.go)
	}{
		{name: "list", w: 100, h: 30, until: "5 of 5"},
		{name: "marks", w: 100, h: 30, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("*"))
			tm.Send(keyPress("j"))
			tm.Send(keyPress("m"))
			tm.Send(keyPress("j"))
			tm.Send(keyPress("*"))
		}, until: `Starred\s+2 │`},
		{name: "query", w: 100, h: 30, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("/"))
			tm.Type("fighters")
			tm.Send(keyPress("enter"))
		}, until: "1 of 5 · relevance"},
		{name: "filtered", w: 100, h: 30, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("tab"))
			tm.Send(keyPress("j")) // past the Reading group's three toggles
			tm.Send(keyPress("j"))
			tm.Send(keyPress("j"))
			tm.Send(keyPress("space"))
		}, until: "3 of 5 · newest · outlet:The Telegraph"},
		{name: "timeline", w: 100, h: 30, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("tab"))
			tm.Send(keyPress("G"))
			tm.Send(keyPress("j"))
			tm.Send(keyPress("enter"))
		}, until: "4 of 5 · newest · date:2017"},
		{name: "reader", w: 100, h: 30, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("enter"))
		}, until: "the head of MI5 gave interviews"},
		{name: "narrow", w: 40, h: 12, until: `▌ • +Raqqa`},
		{name: "help", w: 80, h: 24, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("?"))
		}, until: "folio keys"},
		{name: "saved", w: 100, h: 30, saved: true, drive: func(tm *teatest.TestModel) {
			tm.Send(keyPress("tab"))
			tm.Send(keyPress("j")) // past the Reading group's three toggles
			tm.Send(keyPress("j"))
			tm.Send(keyPress("j"))
			tm.Send(keyPress("enter"))
		}, until: `1 of 5 · relevance · outlet:The Telegraph[\s\S]*» On the Telegraph +1 │[\s\S]*Opened On the Telegraph`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(testArticles()...)
			dir := t.TempDir()
			opts := Options{
				OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
					return f, Info{Count: len(f.articles)}, nil
				},
				// A fresh reading state: every piece unread, none starred.
				OpenState: func() (ReadingState, error) { return state.Open("golden", dir) },
				After:     testClock,
			}
			if c.saved {
				store := newStateSaved(t, "golden")
				if _, err := store.Add(SavedSearch{Name: "On the Telegraph", Query: "terror", Outlets: []string{"The Telegraph"}}, time.Time{}); err != nil {
					t.Fatal(err)
				}
				opts.Saved = store
			}
			p := newProbe(New(opts))
			screen := p.screen
			tm := teatest.NewTestModel(t, p,
				teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI)))
			// Keys go in once the first screen is settled (hits, facets,
			// Reading counts, timeline): sent earlier, "G" in the sidebar
			// reached the last group drawn so far, not the timeline.
			waitIdle(t, screen, "of 5")
			if c.w >= narrowWidth {
				waitScreen(t, screen, `Unread\s+\d`) // the Reading counts are in
			}
			if c.drive != nil {
				c.drive(tm)
			}
			// The sidebar's counts follow the hits (facetsMsg, the Reading
			// counts): the screen is taken once no Cmd is in flight.
			waitIdle(t, screen, c.until)
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(hangGuard)).(probe).inner
			var out bytes.Buffer
			w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ANSI}
			if _, err := w.WriteString(final.View().Content); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, out.Bytes())
		})
	}
}

// hangGuard bounds the waits of the golden tests: it tells a hang from a
// slow machine, and no passing run comes near it.
const hangGuard = time.Minute

// waitScreen waits until the screen matches the regular expression want.
func waitScreen(t *testing.T, screen *screenBox, want string) {
	t.Helper()
	waitShot(t, screen, want, false)
}

// waitIdle waits until the screen matches want with no Cmd in flight: the
// screen it will stay.
func waitIdle(t *testing.T, screen *screenBox, want string) {
	t.Helper()
	waitShot(t, screen, want, true)
}

func waitShot(t *testing.T, screen *screenBox, want string, idle bool) {
	t.Helper()
	re := regexp.MustCompile(want)
	guard := time.NewTimer(hangGuard)
	defer guard.Stop()
	for {
		sh := screen.load()
		if re.MatchString(sh.screen) && (sh.idle || !idle) {
			return
		}
		select {
		case <-screen.changed: // a new shot: look again
		case <-guard.C:
			t.Fatalf("screen never matched %q (idle: %v, wanted idle: %v):\n%s", want, sh.idle, idle, sh.screen)
		}
	}
}
