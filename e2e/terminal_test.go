package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/internal/hostile"
	"github.com/folio-tui/folio/internal/termsafe"
)

// hostileSession is a session whose pane records every byte written to it
// (tmux pipe-pane) and lets programs set the clipboard (set-clipboard on:
// an OSC 52 would fill a tmux paste buffer), over the archive of
// hostile.WriteTerminal. run.sh runs folio on it: the archive's name holds
// ESC and BEL, which a typed command line could not carry.
type hostileSession struct {
	*session
	tm      hostile.Terminal
	written string // the file pipe-pane appends the pane's output to
	title   string // the pane title before folio ran
}

func newHostileSession(t *testing.T) *hostileSession {
	t.Helper()
	s := newSession(t)
	tm, err := hostile.WriteTerminal(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf("#!/bin/sh\n%s exec '%s' --index-dir '%s' --archive \"$(cat '%s')\" \"$@\"\n",
		s.env, s.bin, s.indexDir, filepath.Join(s.dir, "archive-name"))
	if err := os.WriteFile(filepath.Join(s.dir, "archive-name"), []byte(tm.Dir), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.dir, "run.sh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s.run("set-option", "-g", "set-clipboard", "on")
	h := &hostileSession{session: s, tm: tm, written: filepath.Join(s.dir, "written")}
	h.title = s.display("#{pane_title}")
	s.run("pipe-pane", "-O", "-t", "e2e", "cat >> '"+h.written+"'")
	return h
}

// folio runs folio with args at the prompt and waits for it to end.
func (h *hostileSession) folio(args string) {
	h.t.Helper()
	h.typeText(fmt.Sprintf("'%s' %s; echo folio-exited-$?", filepath.Join(h.dir, "run.sh"), args))
	h.keys("Enter")
}

// output is everything written to the pane so far.
func (h *hostileSession) output() string {
	h.t.Helper()
	h.run("pipe-pane", "-t", "e2e") // closes the pipe: cat has written all
	data, err := os.ReadFile(h.written)
	if err != nil {
		h.t.Fatal(err)
	}
	return string(data)
}

// requireUntouched checks what a hostile sequence would have changed in
// tmux: the pane's title (which the TUI sets to "folio — archive" and
// clears on the way out: titleKept is false for it), and the paste buffers
// (OSC 52).
func (h *hostileSession) requireUntouched(titleKept bool) {
	h.t.Helper()
	if got := h.display("#{pane_title}"); titleKept && got != h.title || strings.Contains(got, "PWNED") {
		h.t.Errorf("the pane title changed from %q to %q", h.title, got)
	}
	if bufs := h.run("list-buffers"); strings.TrimSpace(bufs) != "" {
		h.t.Errorf("a paste buffer was set (OSC 52):\n%s", bufs)
	}
	if w := h.display("#{window_name}"); strings.Contains(w, "PWNED") {
		h.t.Errorf("the window name changed to %q", w)
	}
}

// TestShowOnATerminalWritesNoControlSequence is issue 12's acceptance for
// folio show: styled output to a terminal, for pieces whose character
// references decode to every control character, and whose links point to
// other schemes, and for an RSS item with twice-escaped references
// imported then shown, holds nothing but text, colours and http(s)
// hyperlinks.
func TestShowOnATerminalWritesNoControlSequence(t *testing.T) {
	h := newHostileSession(t)
	// The two hostile pieces, then an RSS item with twice-escaped
	// references, imported and shown.
	run := "'" + filepath.Join(h.dir, "run.sh") + "'"
	into := filepath.Join(h.dir, "imported")
	h.folio("show " + h.tm.Entities + " && " + run + " show " + h.tm.Links + " && " +
		run + " import '" + h.tm.RSS + "' --into '" + into + "' >/dev/null && " +
		run + " --archive '" + into + "' show 2017-01-03-rss-cdata")
	h.waitFor("the pieces shown", regexp.MustCompile(`folio-exited-0`))
	out := h.output()
	if v := termsafe.Violation(out, true); v != "" {
		t.Errorf("folio show wrote %s:\n%q", v, out)
	}
	plain := ansi.Strip(out)
	// the first show built the index, and said so in plain text
	for _, want := range []string{"folio: indexing", "Hostile entities", "Hello", "Hostile links", "html link", "RSS CDATA"} {
		if !strings.Contains(plain, want) {
			t.Errorf("the output lacks %q:\n%s", want, plain)
		}
	}
	// Styled, with the one web link as a hyperlink: the output was to a terminal.
	if !strings.Contains(out, "\x1b[") || !strings.Contains(out, "\x1b]8;;https://example.org/ok\a") {
		t.Errorf("show wrote no colour or no hyperlink for the https link:\n%q", out)
	}
	h.requireUntouched(true)
}

// TestReaderWritesNoHostileSequence opens the hostile pieces in the TUI
// reader. The TUI writes its own control sequences (cursor moves, modes),
// so what is checked is what only the archive could have written: no OSC
// but hyperlinks to http(s) and folio's own colour query, no DCS, APC, PM
// or SOS string, no BEL but as an OSC's end, no C1 or bidi control, and no
// change to the title or the paste buffers.
func TestReaderWritesNoHostileSequence(t *testing.T) {
	h := newHostileSession(t)
	h.folio("")
	h.waitFor("the list", countRe(4, 4))
	for i := range 3 {
		if i > 0 {
			h.keys("j")
		}
		h.keys("Enter")
		h.waitFor("the reader", regexp.MustCompile(`\d+%\s*\n`))
		h.escape()
		h.waitFor("the list", countRe(4, 4))
	}
	// The entities piece once more, scrolled to its end.
	h.run("send-keys", "-t", "e2e", "/")
	h.typeText("entities")
	h.keys("Enter", "Enter")
	// the reader's, not the list's row of that title (a G sent to the
	// list was lost under load, and the end never came)
	h.waitFor("the entities piece", regexp.MustCompile(`(?s)Hostile entities.*\d+%\s*\n`))
	h.keys("G")
	h.waitFor("its end", regexp.MustCompile(`100%\s*\n`))
	h.escape()
	h.waitFor("the list", listShown)
	h.keys("q")
	h.waitExited()
	out := h.output()
	if problem := hostileSequence(out); problem != "" {
		t.Error(problem)
	}
	if !strings.Contains(out, "\x1b]8;;https://example.org/ok\a") {
		t.Errorf("the reader wrote no hyperlink for the https link")
	}
	h.requireUntouched(false)
}

// hostileSequence describes the first thing in a TUI's output that only
// hostile text could have put there, or returns "".
func hostileSequence(out string) string {
	var state byte
	p := ansi.NewParser()
	for rest := out; len(rest) > 0; {
		seq, _, n, newState := ansi.DecodeSequence(rest, state, p)
		state = newState
		rest = rest[n:]
		if state != ansi.NormalState {
			return fmt.Sprintf("an unterminated sequence %q", seq)
		}
		switch {
		case ansi.HasOscPrefix(seq):
			body := strings.TrimPrefix(seq, "\x1b]")
			switch {
			case body == "11;?\a" || body == "11;?\x1b\\":
				// folio's own background colour query
			case strings.HasPrefix(body, "2;folio") || body == "2;\a" || strings.HasPrefix(body, "9;4;"):
				// folio's own window title ("folio — archive", cleared at
				// the end) and progress bar
				if strings.Contains(body, "PWNED") || termsafe.Violation(strings.TrimSuffix(body, "\a"), false) != "" {
					return fmt.Sprintf("a window title or progress with hostile text %q", seq)
				}
			case strings.HasPrefix(body, "8;"):
				if v := termsafe.Violation(seq, false); v != "" {
					return fmt.Sprintf("a hyperlink that is not to http(s): %q", seq)
				}
			default:
				return fmt.Sprintf("an OSC sequence %q", seq)
			}
		case ansi.HasDcsPrefix(seq) || ansi.HasApcPrefix(seq) || ansi.HasPmPrefix(seq) || ansi.HasSosPrefix(seq):
			if strings.Contains(seq, "PWNED") || !strings.HasPrefix(seq, "\x1bP+q") {
				return fmt.Sprintf("a string sequence %q", seq)
			}
		case seq == "\a":
			return "a BEL"
		case len(seq) > 0 && seq[0] != 0x1b:
			r, _ := utf8.DecodeRuneInString(seq)
			if r == utf8.RuneError && len(seq) == 1 && seq[0] >= 0x80 {
				return fmt.Sprintf("invalid UTF-8 %q", seq)
			}
			for _, r := range seq {
				if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x061c {
					return fmt.Sprintf("the control character %U", r)
				}
			}
		}
	}
	return ""
}
