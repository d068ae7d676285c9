package ui

import (
	"strings"
	"testing"
)

// footerLine is the screen's last line: the footer.
func footerLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestFooterSaysTheKeysOfWhatHasThem follows the footer into the sidebar's
// filter, the filter of the Q list and the ? overlay: letters typed into a
// filter are not the pane's keys, and the overlay's keys are its own (a
// helper's report: the footer said "↓/j down … q quit" there).
func TestFooterSaysTheKeysOfWhatHasThem(t *testing.T) {
	r := startQuoteRun(t, t.TempDir(), 100, 30)
	notPane := func(what string) {
		t.Helper()
		foot := footerLine(r.screen.load().screen)
		for _, k := range []string{"↓/j", "↑/k", "space toggle", "q quit"} {
			if strings.Contains(foot, k) {
				t.Errorf("%s: the footer says %q: %q", what, k, foot)
			}
		}
	}

	r.keys("tab", "/")
	waitIdle(t, r.screen, `\n\s*enter/↓ keep the filter • esc clear it[^\n]*$`)
	r.keys("j")
	waitIdle(t, r.screen, `(?m)^ */j`)
	notPane("the sidebar's filter")
	r.keys("esc")
	waitIdle(t, r.screen, `\n\s*↓/j down • space toggle[^\n]*$`)

	r.keys("Q", "/")
	waitIdle(t, r.screen, `\n\s*enter keep the filter • esc clear it[^\n]*$`)
	notPane("the filter of the quotes")
	r.keys("esc", "esc")
	waitIdle(t, r.screen, `\n\s*↓/j down • space toggle[^\n]*$`)

	r.keys("?")
	waitIdle(t, r.screen, `folio keys[\s\S]*\n\s*(space next page • b previous page • )?\?/esc close[^\n]*$`)
	notPane("the help")
	r.keys("esc", "tab", "enter")
	waitIdle(t, r.screen, "the head of MI5 gave interviews")
	r.keys("?")
	waitIdle(t, r.screen, `folio keys[\s\S]*\n\s*(space next page • b previous page • )?\?/esc close[^\n]*$`)
	notPane("the help over the reader")
	r.quit()
}
