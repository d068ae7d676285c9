package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpSection is one block of the ? overlay: where its keys work, and
// each key (or a few keys that go together) with what it does there.
type helpSection struct {
	title string
	rows  [][2]string // key, what it does
	keys  []key.Binding
}

// helpSections are the keys by where they work, each listed once: a key
// that does the same in the list and the reader is listed where it is
// first met, its description saying where else it works. It is a table:
// a pane's new key is a row in its section (and a binding in keys), and
// withOthers lists any binding no section names.
func (k KeyMap) helpSections() []helpSection {
	h := func(b key.Binding) string { return b.Help().Key }
	pair := func(a, b key.Binding) string { return h(a) + " " + h(b) }
	return append([]helpSection{
		// "(list)": the list's and the sidebar's alone (browseKey), not
		// the reader's; the rest work in the reader too (globalKey): a
		// helper's report found help calling them all "anywhere" while the
		// reader ignored them
		{title: "ANYWHERE", rows: [][2]string{
			{h(k.NextPane), "list ⇄ filters (list)"},
			{pair(k.ToggleFilter, k.ClearAll), "hide, clear filters (list)"},
			{pair(k.Trends, k.Words) + " " + h(k.SaveSearch), "chart, words, save (list)"},
			{pair(k.Refresh, k.AddURL), "read the folder, add a URL"},
			{pair(k.Help, k.Problems) + " " + h(k.Quotes), "help, problems, quotes"},
			{h(k.Quit), "quit (" + h(k.QuitShort) + " too: list, filters)"},
		}, keys: []key.Binding{k.NextPane, k.PrevPane, k.ToggleFilter, k.ClearAll, k.Trends, k.Words, k.SaveSearch, k.Quotes, k.Refresh, k.AddURL, k.Help, k.Problems, k.QuitShort, k.Quit}},
		{title: "SEARCH BOX", rows: [][2]string{
			{pair(k.SearchAccept, k.SearchLeave), "to the results, leave"},
			{h(k.UseSuggestion), "did you mean (+list)"},
		}, keys: []key.Binding{k.SearchAccept, k.SearchLeave, k.UseSuggestion}},
		{title: "SIDEBAR", rows: [][2]string{
			{"space enter", "toggle, open decade"},
			{"enter", "open a saved search"},
			{h(k.FilterValues), "filter the values"},
			{pair(k.BarLeft, k.BarRight), "timeline bar, decade"},
		}, keys: []key.Binding{k.Toggle, k.FilterValues, k.BarLeft, k.BarRight}},
		{title: "LIST", rows: [][2]string{
			{"j k g G", "move, first, last"},
			{pair(k.PageUp, k.PageDown), "page up, down"},
			{pair(k.Open, k.FocusSearch), "read, search"},
			{pair(k.Sort, k.Clear), "sort, clear the query"},
			{pair(k.ToggleRead, k.ToggleStar) + " " + h(k.Edit), "read, star, edit (+reader)"},
			{pair(k.CiteAll, k.CiteFormat), "cite all, format (+reader)"},
		}, keys: []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Open, k.FocusSearch, k.Sort, k.Clear, k.ToggleRead, k.ToggleStar, k.Edit, k.CiteAll, k.CiteFormat}},
		{title: "READER", rows: [][2]string{
			{"j k g G", "scroll, top, bottom"},
			{"space b " + pair(k.HalfPageDown, k.HalfPageUp), "page, half page"},
			{h(k.Find) + " n N", "find, next, previous"},
			{pair(k.NextPiece, k.PrevPiece) + " " + h(k.NextCopy), "next/prev piece, copy"},
			{pair(k.OpenURL, k.CopyURL), "open, copy the URL"},
			{pair(k.Cite, k.Related) + " " + h(k.Quote), "cite, related, quote"},
			{h(k.Links), "links to pieces"},
			{h(k.Back) + " backspace", "back"},
		}, keys: []key.Binding{k.ScrollUp, k.ScrollDown, k.ReaderPgDown, k.ReaderPgUp, k.HalfPageDown, k.HalfPageUp, k.ReaderTop, k.ReaderBottom,
			k.Find, k.FindNext, k.FindPrev, k.NextPiece, k.PrevPiece, k.OpenURL, k.CopyURL, k.Cite, k.Related, k.Links, k.NextCopy, k.Quote, k.QuoteKeep, k.QuoteCancel, k.Back, k.FindAccept, k.FindCancel}},
	}, k.overlaySections()...)
}

// overlaySections are the keys of the chart, the words, the citation
// format chooser and the list of links.
func (k KeyMap) overlaySections() []helpSection {
	h := func(b key.Binding) string { return b.Help().Key }
	pair := func(a, b key.Binding) string { return h(a) + " " + h(b) }
	c, w := k.Chart, k.WordsList
	var formats, names []string
	for _, fk := range formatKeys {
		formats, names = append(formats, fk.key), append(names, string(fk.format))
	}
	return []helpSection{
		{title: "CHART (" + h(k.Trends) + ")", rows: [][2]string{
			{"h l g G", "earlier, later, first, last"},
			{h(c.Filter), "filter the results to it"},
			{pair(c.Share, c.Period), "counts/share, period"},
			{pair(c.Pin, c.Unpin), "pin the query, unpin"},
			{h(c.Close), "back"},
		}},
		{title: "WORDS (" + h(k.Words) + ")", rows: [][2]string{
			{pair(w.Up, w.Down), "move"},
			{h(w.Add), "add to the query"},
			{h(w.Close), "back"},
		}},
		{title: "CITATION FORMAT (" + h(k.CiteFormat) + ")", rows: [][2]string{
			{strings.Join(formats, " "), strings.Join(names, ", ")},
		}},
		{title: "QUOTES (" + h(k.Quotes) + ")", rows: [][2]string{
			{h(k.Quote) + " j k " + h(k.Quote), "choose lines; v again: start here"},
			{h(k.QuoteKeep) + " " + h(k.QuoteCancel), "keep (then a note), cancel"},
			{h(k.Quotes) + " " + pair(k.QuoteList.Jump, k.QuoteList.Scope) + " " + h(k.QuoteList.Filter), "list, go to one, piece → results → all, filter"},
		}},
		{title: "LINKS (" + h(k.Links) + ")", rows: [][2]string{
			{linkLabels(len(linkKeys)), "open that link (of the page)"},
			{"pgdn space pgup", "next, previous page"},
			{"backspace", "back along it"},
		}},
	}
}

// withOthers adds a MORE section for any binding of FullHelp that no
// section lists, so that a key added to the KeyMap is never missing from ?.
func (k KeyMap) withOthers(sections []helpSection) []helpSection {
	var listed []string
	for _, s := range sections {
		for _, b := range s.keys {
			listed = append(listed, strings.Join(b.Keys(), ","))
		}
	}
	more := helpSection{title: "MORE"}
	for _, group := range k.FullHelp() {
		for _, b := range group {
			if id := strings.Join(b.Keys(), ","); b.Enabled() && !slices.Contains(listed, id) {
				listed = append(listed, id)
				more.rows = append(more.rows, [2]string{b.Help().Key, b.Help().Desc})
			}
		}
	}
	if len(more.rows) > 0 {
		sections = append(sections, more)
	}
	return sections
}

// sectionView draws a section: its title, then its keys in a column as
// wide as the widest, and what they do.
func (s helpSection) view(st Styles) []string {
	kw := 0
	for _, r := range s.rows {
		kw = max(kw, lipgloss.Width(r[0]))
	}
	out := []string{st.GroupHeader.Render(s.title)}
	for _, r := range s.rows {
		out = append(out, st.Help.FullKey.Render(r[0]+strings.Repeat(" ", kw-lipgloss.Width(r[0])))+"  "+st.Help.FullDesc.Render(r[1]))
	}
	return out
}

// helpPages lays the sections out in columns of at most height lines, in
// order, each column as wide as its widest line, and the columns on pages
// of at most width cells (a column wider than width has a page of its own,
// which the overlay clips).
func helpPages(sections []helpSection, width, height int, st Styles) []string {
	var columns []string
	var cur []string
	for _, s := range sections {
		v := s.view(st)
		if len(cur) > 0 && len(cur)+1+len(v) > height {
			columns, cur = append(columns, strings.Join(cur, "\n")), nil
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		cur = append(cur, v...)
	}
	columns = append(columns, strings.Join(cur, "\n"))
	const gap = 3
	var pages []string
	var page []string
	pageW := 0
	for _, c := range columns {
		w := lipgloss.Width(c)
		if len(page) > 0 && pageW+gap+w > width {
			pages, page, pageW = append(pages, joinColumns(page, gap)), nil, 0
		}
		if len(page) > 0 {
			pageW += gap
		}
		page, pageW = append(page, c), pageW+w
	}
	return append(pages, joinColumns(page, gap))
}

// joinColumns sets columns side by side, gap cells apart.
func joinColumns(columns []string, gap int) string {
	blocks := make([]string, len(columns))
	for i, c := range columns {
		blocks[i] = c
		if i < len(columns)-1 {
			blocks[i] = lipgloss.NewStyle().PaddingRight(gap).Render(c)
		}
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, blocks...)
}
