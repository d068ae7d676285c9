package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/numfmt"
	"github.com/folio-tui/folio/internal/termsafe"
)

// Layout.

// bodyTop is the first line under the top bar (and its rule).
func (m Model) bodyTop() int {
	if m.height >= 10 {
		return 2
	}
	return 1
}

// bodyHeight is the lines between the top bar and the footer.
func (m Model) bodyHeight() int { return max(m.height-m.bodyTop()-1, 0) }

// sidebarWidthNow is the sidebar's width on screen (0 when hidden).
func (m Model) sidebarWidthNow() int {
	switch {
	case m.focus == paneReader:
		return 0
	case m.width < narrowWidth:
		if m.focus == paneSidebar {
			return m.width
		}
		return 0
	case m.hideSidebar && m.focus != paneSidebar:
		return 0
	}
	return sidebarWidth
}

// layout hands every pane its size; it reports whether the reader needs a
// new rendering (and starts it).
func (m *Model) layout() tea.Cmd {
	bodyH := m.bodyHeight()
	sw := m.sidebarWidthNow()
	listW := m.width
	if sw > 0 {
		listW = max(m.width-sw-1, 0)
		if sw >= m.width {
			listW = 0
		}
	}
	m.sidebar.setFocused(m.focus == paneSidebar)
	m.list.setFocused(m.focus == paneList)
	m.sidebar.setSize(sw, bodyH)
	m.list.setSize(listW, bodyH)
	m.search.setWidth(max(m.width-lipgloss.Width(m.brand())-m.rightWidth()-2, 1))
	if m.reader.setSize(m.width, max(m.height-1, 0)) && m.focus == paneReader {
		return m.ensureRendered()
	}
	return m.loadPages()
}

func (m Model) brand() string { return " " + m.styles.Brand.Render("folio") + "  " }

// rightWidth is the room given to the count at the top right: what it
// needs, leaving the search box a third of the line and room for its query
// (see searchRoom).
func (m Model) rightWidth() int {
	brandW := lipgloss.Width(m.brand())
	return max(min(lipgloss.Width(m.countView()), m.width-brandW-m.searchRoom()), 0)
}

func (m Model) sortLabel() string {
	if m.sort == index.SortRelevance && strings.TrimSpace(m.query.Text) == "" {
		return "newest" // the index orders a text-less query newest first
	}
	return m.sort.String()
}

// View draws the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "folio"
	if m.opts.ArchiveName != "" {
		v.WindowTitle = "folio — " + archive.SanitizeLine(m.opts.ArchiveName)
	}
	if (m.searcher == nil || m.refreshing && m.progress.total > 0) && m.indexErr == nil {
		// The terminal's own progress indicator, where it has one.
		if m.progress.total > 0 {
			v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault, 100*m.progress.done/m.progress.total)
		} else {
			v.ProgressBar = tea.NewProgressBar(tea.ProgressBarIndeterminate, 0)
		}
	}
	return v
}

// screen is the text of the whole screen, exactly width×height.
func (m Model) screen() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.styles
	var parts []string
	if m.quoteList.open && !m.help.open {
		parts = append(parts, m.quoteList.view(m.width, m.height-1, m.styles))
	} else if m.focus == paneReader && m.links.open && !m.help.open {
		parts = append(parts, m.links.view(m.width, m.height-1, m.styles))
	} else if m.focus == paneReader && !m.help.open && !m.problems.open {
		parts = append(parts, m.reader.view(st))
	} else {
		parts = append(parts, m.topBar())
		if m.bodyTop() == 2 {
			parts = append(parts, st.Rule.Render(strings.Repeat("─", m.width)))
		}
		if h := m.bodyHeight(); h > 0 {
			parts = append(parts, m.body(h))
		}
	}
	if m.prompt.open {
		parts = append(parts, m.prompt.view(m.width, st))
	} else if m.addPrompt.open {
		parts = append(parts, m.addPrompt.view(m.width, st))
	} else if m.format.open() {
		parts = append(parts, st.Status.Render(ansi.Truncate(m.format.prompt, m.width, "…")))
	} else {
		parts = append(parts, footerView(m.width, m.status, m.queryLine(), m.paneHelp(), st))
	}
	out := strings.Join(parts, "\n")
	return guardScreen(out, m.width, m.height)
}

// guardScreen is the screen's last guard: nothing may be wider or taller
// than the terminal (w×h), and nothing but colours and http(s) hyperlinks
// reaches it (termsafe.Rendered, 0.13 ms a pass for a screen of 17 KB). The screen
// is made safe before it is measured too: a sequence cut short by the cut,
// its introducer dropped afterwards, would leave text the cut counted as
// no cells (found by a review helper).
func guardScreen(s string, w, h int) string {
	return termsafe.Rendered(fitScreen(termsafe.Rendered(s), w, h))
}

// paneHelp is the keys of what has the keyboard, in the order overlayKey
// and paneKey give it out.
func (m Model) paneHelp() help.KeyMap {
	switch {
	case m.help.open:
		return m.keys.helpPageHelp(len(helpPagesAt(m.width, m.bodyHeight(), m.keys, m.styles)))
	case m.problems.open:
		return m.keys.problemsHelp()
	case m.links.open:
		p := m.links.layoutAt(m.height - 1)
		return m.keys.linksHelp(len(m.links.onPage(m.height-1)), p.page, p.pages)
	case m.trends.open:
		return m.keys.Chart
	case m.words.open:
		return m.keys.WordsList
	case m.quoteList.open && m.quoteList.filtering:
		return m.keys.quoteFilterHelp()
	case m.quoteList.open:
		return m.keys.QuoteList
	case m.focus == paneSearch:
		return m.keys.searchHelp()
	case m.focus == paneReader && m.reader.quote.noting:
		return m.keys.noteHelp()
	case m.focus == paneReader && m.reader.typing():
		return m.keys.findHelp()
	case m.focus == paneReader && m.reader.quoting():
		return m.keys.quoteHelp()
	case m.focus == paneReader:
		return m.keys.readerHelp()
	case m.focus == paneSidebar && m.sidebar.filtering:
		return m.keys.filterHelp()
	case m.focus == paneSidebar && m.sidebar.onTimeline():
		return m.keys.timelineHelp()
	case m.focus == paneSidebar:
		return m.keys.sidebarHelp()
	}
	return m.keys.listHelp()
}

// countView is the top right: "3 of 7 · relevance · tag:mi5".
func (m Model) countView() string { return m.countViewWith(m.sidebar.summary()) }

// filtersSaid names every filter on: the sidebar's and the chart's
// period (no year is chosen beside it: the bar's enter unticks them, and
// a year ticked replaces the period, Model.filtersChanged); "" for none (a review: with a year chosen and a
// bar's period on, the hint read "Filters are on ()", and with the
// period alone it said nothing of it).
func (m Model) filtersSaid() string {
	parts := m.sidebar.summaryParts()
	if m.period != nil {
		parts = append(parts, m.period.label)
	}
	return strings.Join(parts, " ")
}

// countViewWith is countView with the filters named as f.
func (m Model) countViewWith(f string) string {
	st := m.styles
	switch {
	case m.indexErr != nil:
		return st.Error.Render("index error")
	case m.searcher == nil:
		return st.Count.Render("indexing…")
	case !m.haveResult:
		return ""
	}
	parts := []string{m.list.countText(m.info.Count), m.sortLabel()}
	switch {
	case m.said.partial != "":
		parts = append([]string{"keep typing"}, parts...)
	case m.said.typed != "":
		parts = append([]string{archive.SanitizeLine(m.said.typed) + "…"}, parts...)
	}
	if p := m.progress; m.refreshing && p.total > 0 {
		parts = append([]string{fmt.Sprintf("indexing %s of %s", numfmt.Thousands(p.done), numfmt.Thousands(p.total))}, parts...)
	}
	if f != "" {
		parts = append(parts, f)
	}
	if m.period != nil {
		parts = append(parts, m.period.label)
	}
	right := st.Count.Render(strings.Join(parts, " · "))
	if m.info.Behind {
		// standing, as the files skipped are: the status line's notice
		// alone went after 8 s, the results still those of the archive
		// as it was
		right += st.Error.Render(" · index as it was")
	}
	skipped, noted := archive.CountFiles(m.info.Problems)
	var bad []string
	if skipped > 0 {
		bad = append(bad, fmt.Sprintf("%d skipped", skipped))
	}
	if n := archive.CountFolders(m.info.Problems); n > 0 {
		bad = append(bad, plural(n, "folder")+" not read")
	}
	if n := len(m.allWarnings()); n > 0 {
		bad = append(bad, plural(n, "warning")) // kept whole under ! (warnings.go)
	}
	switch {
	case len(bad) > 0 && noted > 0:
		right += st.Error.Render(" · "+strings.Join(bad, ", ")) + st.Count.Render(fmt.Sprintf(", %d noted !", noted))
	case len(bad) > 0:
		right += st.Error.Render(" · " + strings.Join(bad, ", ") + " !")
	case noted > 0:
		right += st.Count.Render(fmt.Sprintf(" · %d noted !", noted))
	}
	return right
}

// topBar is the brand, the search box and the count of results.
func (m Model) topBar() string {
	brand := m.brand()
	right := m.countView()
	if rw := m.rightWidth(); lipgloss.Width(right) > rw {
		// whole filter names, as many as fit, rather than "outlet:The Ne…"
		right = truncateCells(m.countViewWith(m.sidebar.summaryFit(rw-lipgloss.Width(m.countViewWith(""))-3)), rw)
	}
	inputW := max(m.width-lipgloss.Width(brand)-lipgloss.Width(right)-1, 0)
	left := fitCells(brand+m.search.view(), lipgloss.Width(brand)+inputW)
	return truncateCells(left+" "+right, m.width)
}

// body is the area between the top bar and the footer.
func (m Model) body(h int) string {
	st := m.styles
	w := m.width
	switch {
	case m.help.open:
		return m.help.view(w, h, m.keys, st)
	case m.problems.open:
		return m.problems.view(m.info.Problems, m.allWarnings(), w, h, st)
	case m.trends.open:
		return m.trends.view(w, h, st, m.noColor)
	case m.words.open:
		return m.words.view(w, h, st)
	case m.indexErr != nil:
		msg := "Could not open the index:\n\n" + archive.Sanitize(termsafe.ErrText(m.indexErr)) + "\n\nPress q to quit."
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center,
			st.Error.Width(min(w-2, 80)).Render(msg))
	case m.searcher == nil:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, m.progressView(min(w-4, 60)))
	}

	listView := m.listArea()
	sw := m.sidebarWidthNow()
	switch {
	case sw >= w:
		return m.sidebar.view(st)
	case sw > 0:
		return lipgloss.JoinHorizontal(lipgloss.Top, m.sidebar.view(st), " ", listView)
	}
	return listView
}

// listArea is the result list, or what to say instead of it.
func (m Model) listArea() string {
	st := m.styles
	w, h := m.list.size()
	say := func(lines ...string) string {
		for i, l := range lines {
			lines[i] = truncateCells(l, w)
		}
		return lipgloss.Place(w, h, lipgloss.Left, lipgloss.Top, strings.Join(lines, "\n"))
	}
	switch {
	case w <= 0 || h <= 0:
		return ""
	case m.searchErr != nil:
		return say("", st.Error.Render(" Search failed: "+archive.SanitizeLine(termsafe.ErrText(m.searchErr))))
	case !m.haveResult:
		return say("", st.Hint.Render(" Searching…"))
	case m.list.count() == 0 && m.info.Count == 0:
		return say(m.emptyArchiveLines()...)
	case m.list.count() == 0 && m.said.partial != "":
		return say("", st.Hint.Render(" Keep typing…"))
	case m.list.count() == 0:
		lines := []string{"", st.Empty.Render(" No pieces match.")}
		if s := m.said.suggestion; s != nil {
			lines = append(lines, st.Hint.Render(" "+m.suggestionText()))
		}
		if f := m.filtersSaid(); f != "" {
			lines = append(lines, st.Hint.Render(" Filters are on ("+f+"): press x to clear them."))
		}
		if m.query.Text != "" {
			lines = append(lines, st.Hint.Render(" Try fewer words, or press esc twice to clear the query."))
		}
		return say(lines...)
	}
	return m.list.view(st)
}

// progressView is the start-up screen while the index opens or builds.
func (m Model) progressView(w int) string {
	st := m.styles
	p := m.progress
	title := st.Brand.Render("folio")
	if p.total <= 0 {
		return title + "\n\n" + st.Hint.Render("Opening the index…")
	}
	w = max(w, 10)
	filled := min(w*p.done/p.total, w)
	bar := st.Progress.Render(strings.Repeat("█", filled)) + st.Rule.Render(strings.Repeat("░", w-filled))
	return title + "\n\n" + st.Hint.Render(fmt.Sprintf("Indexing %s of %s files", numfmt.Thousands(p.done), numfmt.Thousands(p.total))) + "\n" + bar
}

// problemCount is the number of skipped files that are problems: section
// pages are listed under ! but do not call for attention, and pieces
// loaded with a note (a URL refused, a body cut) were not skipped.
func problemCount(info Info) int {
	n, _ := archive.CountFiles(info.Problems)
	return n
}

// problemSummary says in words what opening the archive found, the parts
// that are not none: "2 files skipped, 1 folder not read, 3 pieces loaded
// with a note"; "" for nothing to say.
func problemSummary(ps []archive.Problem) string {
	skipped, noted := archive.CountFiles(ps)
	var parts []string
	if skipped > 0 {
		parts = append(parts, plural(skipped, "file")+" skipped")
	}
	if n := archive.CountFolders(ps); n > 0 {
		parts = append(parts, plural(n, "folder")+" not read")
	}
	if noted > 0 {
		parts = append(parts, plural(noted, "piece")+" loaded with a note")
	}
	return strings.Join(parts, ", ")
}

// plural writes "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return numfmt.Thousands(n) + " " + noun + "s"
}
