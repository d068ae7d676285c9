package ui

import (
	"bytes"
	"context"
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

// probe wraps the root model in a teatest program and publishes the plain
// screen after every update, so that a test can wait for a state without
// parsing the renderer's incremental output.
type probe struct {
	inner  Model
	screen *atomic.Value
}

func (p probe) Init() tea.Cmd { return p.inner.Init() }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := p.inner.Update(msg)
	p.inner = next.(Model)
	p.screen.Store(ansi.Strip(p.inner.View().Content))
	return p, cmd
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
			tm.Send(keyPress("j")) // past the Reading group's two toggles
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
			}
			screen := &atomic.Value{}
			screen.Store("")
			tm := teatest.NewTestModel(t, probe{inner: New(opts), screen: screen},
				teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI)))
			waitScreen(t, screen, "of 5")
			if c.w >= narrowWidth {
				waitScreen(t, screen, `Unread\s+\d`) // the Reading counts are in
			}
			if c.drive != nil {
				c.drive(tm)
			}
			waitScreen(t, screen, c.until)
			// The sidebar's counts follow the hits (facetsMsg, the Reading
			// counts): the screen is taken once nothing has changed for a while.
			waitSettled(t, screen, 150*time.Millisecond)
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe).inner
			var out bytes.Buffer
			w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ANSI}
			if _, err := w.WriteString(final.View().Content); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, out.Bytes())
		})
	}
}

// waitScreen waits until the screen matches the regular expression want.
// waitSettled waits until the screen has not changed for quiet.
func waitSettled(t *testing.T, screen *atomic.Value, quiet time.Duration) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	last, since := screen.Load().(string), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		if cur := screen.Load().(string); cur != last {
			last, since = cur, time.Now()
		} else if time.Since(since) >= quiet {
			return
		}
	}
	t.Fatal("the screen never settled")
}

func waitScreen(t *testing.T, screen *atomic.Value, want string) {
	t.Helper()
	re := regexp.MustCompile(want)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if re.MatchString(screen.Load().(string)) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("screen never matched %q:\n%s", want, screen.Load())
}
