package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
)

// The warnings of the reader's start come one after another, each in a
// Cmd of its own: the reading state set aside, the quotes set aside, the
// index's cache not used, the synonyms file, the saved searches. The
// status line has one slot: each overwrote the one before, and each was
// cut at the terminal's width (an attack: the quotes' warning never
// shown, "moved it to … and started afresh" cut off). They are kept
// (Model.warnings; the index's two read from its Info while it says them:
// allWarnings) and listed whole under `!`, beside the files skipped;
// the top bar counts them as it counts those, and the status line says
// the one warning, or how many there are.

// wholeHint is said after a warning the status line cuts.
const wholeHint = " · ! reads it whole"

// warn keeps text among the warnings `!` lists (once: the same text again
// is not a new warning) and says it in the status line for d; when there
// are more, the status line says how many.
func (m *Model) warn(text string, d time.Duration) tea.Cmd {
	if !m.keepWarning(text) {
		return nil
	}
	return m.sayWarnings(text, true, d, true)
}

// allWarnings are the warnings `!` lists and the top bar counts: those
// kept (m.warnings), and the index's synonyms warning (with the marks
// not followed: Info.warning) and fallback notice while its Info says
// them. Kept, they stayed after the index was well
// again: the notice of another folio's update, passed a second later, was
// counted as a warning all day (a review).
func (m *Model) allWarnings() []string {
	all := m.warnings
	for _, t := range []string{m.info.warning(), m.info.Damaged, m.info.Fallback} {
		if t = archive.SanitizeLine(t); t != "" && !slices.Contains(all, t) {
			all = append(slices.Clip(all), t)
		}
	}
	return all
}

// keepWarning keeps text among the warnings, once; false for no text.
func (m *Model) keepWarning(text string) bool {
	text = archive.SanitizeLine(text)
	if text == "" {
		return false
	}
	if !slices.Contains(m.warnings, text) {
		m.warnings = append(m.warnings, text)
	}
	return true
}

// sayWarnings says text in the status line for d, with what it takes
// for no warning to go unseen: text whole under ! when it is (own) the one
// warning kept, or, when there are others, how many there are.
func (m *Model) sayWarnings(text string, isErr bool, d time.Duration, own bool) tea.Cmd {
	switch n := len(m.allWarnings()); {
	case n == 0:
		return m.status.setFor(text, isErr, d)
	case n == 1 && own:
		return m.status.setWhole(text, wholeHint, isErr, d)
	case n == 1:
		text = joinWarnings(text, "1 warning: press ! to read it")
	case own:
		text = fmt.Sprintf("%d warnings: press ! to read them", n)
	default:
		text = joinWarnings(text, fmt.Sprintf("%d warnings: press ! to read them", n))
	}
	return m.status.setFor(text, true, d)
}

// warningLines are the warnings under their heading, each wrapped to w
// cells with its indent, none cut.
func warningLines(warnings []string, w int) []string {
	if len(warnings) == 0 {
		return nil
	}
	lines := []string{"Warnings:"}
	for _, t := range warnings {
		lines = append(lines, hanging(t, w)...)
	}
	return lines
}

// hanging is t wrapped to w cells, indented by two, its further lines by
// four: an entry of the ! overlay, never cut.
func hanging(t string, w int) []string {
	var lines []string
	for i, l := range strings.Split(ansi.Wrap(t, max(w-4, 8), ""), "\n") {
		if i == 0 {
			lines = append(lines, "  "+l)
		} else {
			lines = append(lines, "    "+l)
		}
	}
	return lines
}
