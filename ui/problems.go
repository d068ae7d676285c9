package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
)

// problemsPane is the `!` overlay: the files the archive loader skipped,
// the pieces loaded with a note, and the files that are not pieces by
// design, scrolled with j and k.
type problemsPane struct {
	open bool
	top  int // the first problem on screen
	// wrapped holds the lines of the list while the overlay is open,
	// shared by the pane's copies (nil: wrapped at each ask)
	wrapped *wrappedProblems
}

// wrappedProblems are problemLines(problems, warnings, w), kept: wrapped
// again only when the width or what they list changes (a review: every
// entry was wrapped at each key press to count the lines, and at each
// redraw).
type wrappedProblems struct {
	problems []archive.Problem // copies: those the lines were wrapped from
	warnings []string
	w        int
	lines    []string
}

// openProblems is the overlay opened, at its top.
func openProblems() problemsPane {
	return problemsPane{open: true, wrapped: &wrappedProblems{}}
}

// lines are problemLines(problems, warnings, w), wrapped only when one of
// them differs from the last asked.
func (p problemsPane) lines(problems []archive.Problem, warnings []string, w int) []string {
	c := p.wrapped
	if c == nil {
		return problemLines(problems, warnings, w)
	}
	if c.lines == nil || c.w != w || !slices.Equal(c.problems, problems) || !slices.Equal(c.warnings, warnings) {
		c.lines = problemLines(problems, warnings, w)
		c.problems, c.warnings, c.w = slices.Clone(problems), slices.Clone(warnings), w
	}
	return c.lines
}

// update handles a key while the overlay is open; n is the number of
// lines below the title (lines).
func (p problemsPane) update(msg tea.KeyPressMsg, k KeyMap, n int) problemsPane {
	switch {
	case key.Matches(msg, k.Problems, k.FindCancel, k.QuitShort):
		p.open, p.wrapped = false, nil
	case key.Matches(msg, k.Down):
		p.top = min(p.top+1, max(n-1, 0))
	case key.Matches(msg, k.Up):
		p.top = max(p.top-1, 0)
	}
	return p
}

// view lists the problems in w×h: the warnings of the start first
// (warnings.go), each whole, then the folders not read, then the files
// skipped, then the pieces loaded with a note, then the files that are not
// pieces by design (section pages), each under its heading.
func (p problemsPane) view(problems []archive.Problem, warnings []string, w, h int, st Styles) string {
	title := problemSummary(problems)
	if len(warnings) > 0 {
		title = strings.TrimPrefix(title+", "+plural(len(warnings), "warning"), ", ")
	} else if title == "" {
		// nothing skipped: what the pane lists is files that are no
		// pieces by design (a helper's report: "0 files skipped" above
		// the list of a site's non-pages)
		title = "0 files skipped"
		if _, n := archive.CountProblems(problems); n > 0 {
			title = plural(n, "file") + " not pieces (section pages, drafts, files the site does not publish)"
		}
	}
	lines := []string{st.Brand.Render(title) + st.Hint.Render("  (j/k scroll · esc close)"), ""}
	body := p.lines(problems, warnings, w)
	lines = append(lines, body[min(p.top, len(body)):]...)
	return overlayBox(strings.Join(lines, "\n"), w, h, st)
}

// problemLines are the overlay's lines below its title, in an overlay w
// cells wide: the warnings, then a heading for each kind of problem that
// there is, then its problems; each wrapped, none cut.
func problemLines(problems []archive.Problem, warnings []string, w int) []string {
	if problemLinesHook != nil {
		problemLinesHook()
	}
	skipped := map[string]bool{} // a skipped file's notes are under Skipped
	for _, p := range problems {
		if p.Fatal && !p.Quiet && !p.Folder {
			skipped[p.Path] = true
		}
	}
	lines := warningLines(warnings, w-4) // inside the overlay's border and padding (overlayBox)
	for _, kind := range []struct {
		heading string
		is      func(archive.Problem) bool
	}{
		{"Folders not read:", func(p archive.Problem) bool { return p.Folder }},
		{"Skipped:", func(p archive.Problem) bool { return skipped[p.Path] && !p.Quiet && !p.Folder }},
		{"Loaded, with a note:", func(p archive.Problem) bool { return !p.Fatal && !p.Quiet && !p.Folder && !skipped[p.Path] }},
		{"Not pieces:", func(p archive.Problem) bool { return p.Quiet }},
	} {
		head := false
		for _, pr := range problems {
			if !kind.is(pr) {
				continue
			}
			if !head {
				if len(lines) > 0 {
					lines = append(lines, "")
				}
				lines, head = append(lines, kind.heading), true
			}
			// wrapped as the warnings are: a skipped file's path and
			// parser message run past 80 cells and were cut
			lines = append(lines, hanging(archive.SanitizeLine(pr.String()), w-4)...)
		}
	}
	return lines
}

// problemLinesHook, in tests, is called at each wrapping of the list.
var problemLinesHook func()
