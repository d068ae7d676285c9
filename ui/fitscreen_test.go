package ui

import (
	"math/rand"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/internal/termsafe"
)

// lipglossFit is the guard fitScreen stands for.
func lipglossFit(s string, w, h int) string {
	return lipgloss.NewStyle().MaxWidth(w).MaxHeight(h).Render(s)
}

// fitScreen gives what lipgloss's MaxWidth and MaxHeight give, byte for
// byte, on screens of styled text, wide and combining characters, tabs,
// CRLF, lines shorter and longer than the width, more lines than the
// height (a long line past the height included: lipgloss pads to it).
func TestFitScreenAsLipgloss(t *testing.T) {
	pieces := []string{
		"word", " ", "  ", "\t", "é", "e\u0301", "中文", "日本語のテキスト", "👍", "👩‍👩‍👧", "\u200b",
		"\x1b[1m", "\x1b[m", "\x1b[38;2;10;20;30m", "\x1b]8;;https://example.org\x1b\\", "\x1b]8;;\x1b\\",
		lipgloss.NewStyle().Bold(true).Render("bold"), lipgloss.NewStyle().Foreground(lipgloss.Color("#ff0000")).Render("红色"),
		strings.Repeat("x", 30), "─", "│", "…",
	}
	r := rand.New(rand.NewSource(1))
	for i := range 20000 {
		nl := 1 + r.Intn(8)
		var b strings.Builder
		for l := range nl {
			if l > 0 {
				if r.Intn(5) == 0 {
					b.WriteString("\r\n")
				} else {
					b.WriteString("\n")
				}
			}
			for range r.Intn(10) {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
		}
		s := b.String()
		w, h := r.Intn(40), r.Intn(10)
		if i%7 == 0 {
			w = 0
		}
		if got, want := fitScreen(s, w, h), lipglossFit(s, w, h); got != want {
			t.Fatalf("fitScreen(%q, %d, %d)\n got %q\nwant %q", s, w, h, got, want)
		}
	}
}

func FuzzFitScreen(f *testing.F) {
	f.Add("text: first\nsecond line\tafter a tab", 10, 1)
	f.Add("\x1b[1m中文\x1b[m\r\n👩‍👩‍👧 e\u0301", 3, 2)
	f.Add(strings.Repeat("─", 50)+"\n│ short", 120, 40)
	f.Fuzz(func(t *testing.T, s string, w, h int) {
		if len(s) > 4096 {
			return
		}
		w, h = w%200, h%60
		if got, want := fitScreen(s, w, h), lipglossFit(s, w, h); got != want {
			t.Fatalf("fitScreen(%q, %d, %d)\n got %q\nwant %q", s, w, h, got, want)
		}
	})
}

// The screen's guard leaves nothing wider than the terminal, even where the
// text holds a sequence that the width cut would cut short.
func TestScreenGuardKeepsToTheWidth(t *testing.T) {
	for _, s := range []string{
		"\x1b]0;" + strings.Repeat("x", 20), "\x1bP" + strings.Repeat("x", 20),
		strings.Repeat("\xff", 20), strings.Repeat("\xe2", 20),
		"ok\n\x1b]8;;https://example.org\x1b\\" + strings.Repeat("y", 30) + "\x1b]8;;\x1b\\",
	} {
		out := guardScreen(s, 10, 5)
		for _, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > 10 {
				t.Errorf("%q: a line of %d cells after the guard: %q", s, w, line)
			}
		}
		if v := termsafe.Violation(out, false); v != "" {
			t.Errorf("%q: %s", s, v)
		}
	}
}
