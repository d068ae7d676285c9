package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestAddURLPrompt: a opens a prompt that takes every key and a paste;
// enter hands the URL to Options.AddURL in a Cmd, so the screen answers
// keys while the page is fetched; the answer, or an error naming the URL,
// shows in the status line; esc leaves without adding.
func TestAddURLPrompt(t *testing.T) {
	var calls atomic.Int32
	var got atomic.Value
	add := func(_ context.Context, u string) (AddedURL, error) {
		calls.Add(1)
		got.Store(u)
		if strings.Contains(u, "missing") {
			return AddedURL{}, fmt.Errorf("%s: the server answered 404 Not Found", u)
		}
		if strings.Contains(u, "broken") {
			return AddedURL{}, errors.New("no article found on the page")
		}
		return AddedURL{Text: "added 2019-11-06-the-alliance.md: The alliance at seventy", Written: true}, nil
	}
	f := withCopy()
	h := newCopiesHarness(t, f, Options{AddURL: add, ArchiveDir: t.TempDir()})

	h.key("a")
	h.requireScreen("add URL:")
	h.key("j") // typed into the prompt, not a move of the list
	if h.m.list.cursor != 0 {
		t.Fatal("a key typed in the prompt moved the list")
	}
	h.key("esc")
	if h.m.addPrompt.open || calls.Load() != 0 {
		t.Fatalf("esc: open %v, calls %d", h.m.addPrompt.open, calls.Load())
	}

	const u = "https://example.org/2019/11/the-alliance"
	h.key("a")
	h.send(tea.PasteMsg{Content: u})
	cmd := h.sendOnly(keyPress("enter")) // the Cmd is not run yet: nothing waits for it
	if calls.Load() != 0 {
		t.Fatal("AddURL ran inside Update")
	}
	h.requireScreen(`Fetching "https://example.org/2019/11/the-alliance" …`)
	h.key("j") // the list still answers
	if h.m.list.cursor != 1 {
		t.Fatalf("while fetching, j left the cursor at %d", h.m.list.cursor)
	}
	h.run(cmd)
	if calls.Load() != 1 || got.Load() != u {
		t.Fatalf("AddURL called %d times with %v", calls.Load(), got.Load())
	}
	h.requireScreen("Added 2019-11-06-the-alliance.md: The alliance at seventy")

	h.key("a")
	h.typeText("https://example.org/missing")
	h.key("enter")
	h.requireScreen(`Could not add: https://example.org/missing: the server answered 404`)
	if !h.m.status.isErr {
		t.Error("a failure is not shown as an error")
	}
	h.key("a")
	h.typeText("https://example.org/broken")
	h.key("enter")
	h.requireScreen(`Could not add "https://example.org/broken": no article found`)

	// in the reader too
	h.key("enter")
	h.key("a")
	h.requireScreen("add URL:")
	h.key("esc")
	if h.m.focus != paneReader {
		t.Error("esc at the prompt left the reader")
	}
}

// TestAddURLNeedsAFolder: the bundled archive cannot be added to; a
// opens the prompt all the same and says why on it, so that the URL typed
// after a goes into it (a helper's report: the prompt did not open, the
// URL ran as keys and its q quit the reader); esc closes it, says why
// again, and nothing else has changed.
func TestAddURLNeedsAFolder(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	body := func() string {
		lines := strings.Split(h.screen(), "\n")
		return strings.Join(lines[:len(lines)-1], "\n")
	}
	before := body()
	h.key("a")
	h.typeText("https://quarterly.example/q")
	if h.quitSeen() {
		t.Fatal("the q of the URL typed after a quit the reader")
	}
	if !h.m.addPrompt.open || h.m.addPrompt.input.Value() != "https://quarterly.example/q" {
		t.Fatalf("the URL did not go into the prompt: open %v, %q", h.m.addPrompt.open, h.m.addPrompt.input.Value())
	}
	h.requireMatch(`add URL: \S*example/q\s+the bundled archive is read-only`)
	h.key("esc")
	if h.m.addPrompt.open {
		t.Fatal("esc did not close the prompt")
	}
	h.requireScreen("The bundled archive is read-only")
	if got := body(); got != before || h.m.focus != paneList {
		t.Errorf("the keys typed changed the screen (focus %v):\n%s\nwas:\n%s", h.m.focus, got, before)
	}
	h.key("a")
	h.typeText("https://example.org/x")
	h.key("enter")
	h.requireScreen("The bundled archive is read-only")
	if h.m.addPrompt.open {
		t.Fatal("enter left the prompt open")
	}
}

// TestAddURLInTheProgram runs the real Bubble Tea loop (teatest): the page
// is fetched from a local test server (never the network) in a Cmd, written
// into the folder, and the answer reaches the screen.
func TestAddURLInTheProgram(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/piece" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "<html><title>The alliance at seventy</title><p>Text.</p></html>")
	}))
	defer srv.Close()
	dir := t.TempDir()
	add := func(ctx context.Context, u string) (AddedURL, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return AddedURL{}, err
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			return AddedURL{}, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return AddedURL{}, fmt.Errorf("%s: the server answered %s", u, resp.Status)
		}
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return AddedURL{}, err
		}
		if err := os.WriteFile(filepath.Join(dir, "piece.md"), body, 0o644); err != nil {
			return AddedURL{}, err
		}
		return AddedURL{Text: "added piece.md: The alliance at seventy", Written: true}, nil
	}
	f := newFake(testArticles()...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		After: testClock, AddURL: add, ArchiveDir: dir,
	}
	p := newProbe(New(opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI)))
	waitIdle(t, p.screen, "of 5")
	tm.Send(keyPress("a"))
	waitScreen(t, p.screen, "add URL:")
	tm.Send(tea.PasteMsg{Content: srv.URL + "/piece"})
	tm.Send(keyPress("enter"))
	waitIdle(t, p.screen, "Added piece.md: The alliance at seventy")
	if _, err := os.Stat(filepath.Join(dir, "piece.md")); err != nil {
		t.Errorf("not written: %v", err)
	}
	tm.Send(keyPress("a"))
	waitScreen(t, p.screen, "add URL:")
	tm.Send(tea.PasteMsg{Content: srv.URL + "/gone"})
	tm.Send(keyPress("enter"))
	waitIdle(t, p.screen, `Could not add: http://127\.0\.0\.1:\d+/gone: the server answered 404`)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.FinalModel(t, teatest.WithFinalTimeout(hangGuard))
}

// a on a page the archive holds already says so and nothing more: no
// file was written, so the index is not read again for it, and a later
// refresh does not say it again with "· now in the index" (a helper's
// report: "Already in the archive as …; nothing written · now in the
// index"). On a real index of a real folder.
func TestAddURLAlreadyHeldSaysNothingOfTheIndex(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "The alliance at seventy", "nato")
	opts, _ := liveIndexOptions(t, arch)
	reindex := opts.Reindex
	var refreshes atomic.Int32
	opts.Reindex = func(ctx context.Context, progress func(int, int)) (Info, bool, error) {
		refreshes.Add(1)
		return reindex(ctx, progress)
	}
	opts.AddURL = func(context.Context, string) (AddedURL, error) {
		return AddedURL{Text: `already in the archive as "one.md" (same URL); nothing written`}, nil
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`1 of 1`)

	h.key("a")
	h.typeText("https://example.org/alliance")
	h.key("enter")
	h.requireScreen(`Already in the archive as "one.md" (same URL); nothing written`)
	if strings.Contains(h.screen(), "now in the index") || refreshes.Load() != 0 {
		t.Fatalf("%d refreshes for a page already held:\n%s", refreshes.Load(), h.screen())
	}
	// a piece arrives later, and R reads it: the refresh says its own word
	writeTestPiece(t, arch, "two", "Another piece", "nato")
	h.key("R")
	h.requireMatch(`2 of 2`)
	if s := h.screen(); strings.Contains(s, "now in the index") || strings.Contains(s, "Already in the archive") {
		t.Fatalf("the refresh said the page held was added:\n%s", s)
	}
}
