package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap holds every key binding of the interface. The keys follow issue 4's
// table (and so the README): less/vim habits in the list and the reader, a
// search box that owns every printable key while it is focused. The
// research keys (issue 6) use letters that table leaves free: m, *, c, C, r,
// and h/l on the timeline.
type KeyMap struct {
	// Anywhere.
	Quit      key.Binding // ctrl+c, even while typing
	QuitShort key.Binding // q, in the list and the sidebar
	Help      key.Binding
	Problems  key.Binding
	Refresh   key.Binding // R, in the list, the sidebar and the reader
	Edit      key.Binding // e, in the list and the reader

	// Moving between panes.
	FocusSearch  key.Binding
	NextPane     key.Binding
	PrevPane     key.Binding
	ToggleFilter key.Binding
	Trends       key.Binding // t: the chart of attention over time (trends.go)
	Words        key.Binding // w: the distinctive words of the results (terms.go)
	SaveSearch   key.Binding // S: keep the query and filters under a name (saved.go)
	AddURL       key.Binding // a: add a piece from a URL (addurl.go)

	// Search box.
	SearchAccept key.Binding
	SearchLeave  key.Binding
	// UseSuggestion searches the "did you mean" spelling (search box and list).
	UseSuggestion key.Binding

	// List.
	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding
	ClearAll key.Binding
	Sort     key.Binding
	Clear    key.Binding // esc in the list: clear the query

	// Sidebar.
	Toggle       key.Binding
	FilterValues key.Binding // / in the sidebar: type a filter of the values
	BarLeft      key.Binding // on the timeline
	BarRight     key.Binding

	// Research: the list (the selected piece) and the reader (the open one).
	ToggleRead key.Binding
	ToggleStar key.Binding
	Cite       key.Binding // reader
	CiteAll    key.Binding // list, sidebar and reader
	CiteFormat key.Binding // list, sidebar and reader: choose the format of c and C
	Related    key.Binding // reader
	NextCopy   key.Binding // reader: the next copy of a republished piece (copies.go)

	// Reader.
	ScrollUp     key.Binding
	ScrollDown   key.Binding
	HalfPageUp   key.Binding
	HalfPageDown key.Binding
	ReaderPgUp   key.Binding
	ReaderPgDown key.Binding
	ReaderTop    key.Binding
	ReaderBottom key.Binding
	Find         key.Binding
	FindNext     key.Binding
	FindPrev     key.Binding
	NextPiece    key.Binding
	PrevPiece    key.Binding
	OpenURL      key.Binding
	CopyURL      key.Binding
	Back         key.Binding
	Links        key.Binding
	Quote        key.Binding // v: choose lines to keep as a quote (quotesel.go)
	QuoteKeep    key.Binding // while choosing: keep the lines
	QuoteCancel  key.Binding // while choosing: cancel
	Quotes       key.Binding // Q: the list of quotes (quotes.go), in the list, sidebar and reader

	// Find box in the reader.
	FindAccept key.Binding
	FindCancel key.Binding

	// The full-screen panes' own keys, and the help overlay's pages.
	Chart     trendKeys
	WordsList termsKeys
	QuoteList quoteKeys
	HelpPage  helpPageKeys
}

// DefaultKeyMap returns the bindings documented in the README.
func DefaultKeyMap() KeyMap {
	k := KeyMap{Chart: newTrendKeys(), WordsList: newTermsKeys(), QuoteList: newQuoteKeys(), HelpPage: newHelpPageKeys()}
	k.globalKeys()
	k.listKeys()
	k.readerKeys()
	return k
}

// globalKeys are the keys of more than one pane, the search box's and the
// sidebar's.
func (k *KeyMap) globalKeys() {
	k.Quit = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
	k.QuitShort = key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	k.Help = key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help"))
	k.Problems = key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "problems"))
	k.Refresh = key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "refresh"))
	k.Edit = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit the file"))

	k.FocusSearch = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search"))
	k.NextPane = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "list ⇄ filters"))
	k.PrevPane = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane"))
	k.ToggleFilter = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "show/hide filters"))
	k.Trends = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "attention over time"))
	k.Words = key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "distinctive words"))
	k.SaveSearch = key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "save the search"))
	k.AddURL = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add from a URL"))

	k.SearchAccept = key.NewBinding(key.WithKeys("enter", "down"), key.WithHelp("enter/↓", "to results"))
	k.SearchLeave = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave search"))
	k.UseSuggestion = key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "search the suggestion"))

	k.Toggle = key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "toggle"))
	k.FilterValues = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter values"))
	k.BarLeft = key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", "earlier bar"))
	k.BarRight = key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", "later bar"))

	k.ToggleRead = key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "read/unread"))
	k.ToggleStar = key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "star"))
	k.CiteAll = key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "cite all results"))
	k.CiteFormat = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "citation format"))
}

// listKeys are the list's keys.
func (k *KeyMap) listKeys() {
	k.Up = key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up"))
	k.Down = key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down"))
	k.Top = key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first"))
	k.Bottom = key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last"))
	k.PageUp = key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	k.PageDown = key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down"))
	k.Open = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read"))
	k.ClearAll = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filters"))
	k.Sort = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort"))
	k.Clear = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear query"))
}

// readerKeys are the reader's keys and its find box's.
func (k *KeyMap) readerKeys() {
	k.Cite = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy citation"))
	k.Related = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "related: next, then back"))
	k.NextCopy = key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "also ran in: next copy"))
	k.ScrollUp = key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up"))
	k.ScrollDown = key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down"))
	k.HalfPageUp = key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u", "½ page up"))
	k.HalfPageDown = key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d", "½ page down"))
	k.ReaderPgUp = key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b", "page up"))
	k.ReaderPgDown = key.NewBinding(key.WithKeys("space", "pgdown"), key.WithHelp("space", "page down"))
	k.ReaderTop = key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top"))
	k.ReaderBottom = key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom"))
	k.Find = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find"))
	k.FindNext = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match"))
	k.FindPrev = key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "prev match"))
	k.NextPiece = key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next piece"))
	k.PrevPiece = key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev piece"))
	k.OpenURL = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open URL"))
	k.CopyURL = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy URL"))
	k.Back = key.NewBinding(key.WithKeys("esc", "q", "backspace"), key.WithHelp("esc/q", "back"))
	k.Links = key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "links to pieces"))
	k.Quote = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "quote lines"))
	k.QuoteKeep = key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter/y", "keep the quote"))
	k.QuoteCancel = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel the quote"))
	k.Quotes = key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "quotes"))

	k.FindAccept = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "find"))
	k.FindCancel = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
}

// ShortHelp and FullHelp make KeyMap a help.KeyMap for the whole program; the
// footer uses the per-pane views below instead.
func (k KeyMap) ShortHelp() []key.Binding { return k.listHelp().ShortHelp() }

// FullHelp lists every binding, grouped by pane, for the `?` overlay.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.FocusSearch, k.SearchAccept, k.SearchLeave, k.Clear, k.NextPane, k.ToggleFilter, k.Toggle, k.BarLeft, k.BarRight},
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Open, k.Sort, k.ClearAll},
		{k.ScrollDown, k.ScrollUp, k.ReaderPgDown, k.ReaderPgUp, k.ReaderTop, k.ReaderBottom, k.Find, k.FindNext, k.FindPrev},
		{k.NextPiece, k.PrevPiece, k.OpenURL, k.CopyURL, k.Back, k.Problems, k.Help, k.QuitShort, k.Quit},
		{k.ToggleRead, k.ToggleStar, k.Cite, k.CiteAll, k.CiteFormat, k.Related, k.Edit, k.Refresh, k.Links},
		{k.Trends, k.Words, k.SaveSearch, k.UseSuggestion, k.FilterValues, k.PrevPane, k.AddURL, k.NextCopy},
		{k.Quote, k.QuoteKeep, k.QuoteCancel, k.Quotes},
	}
}

// paneHelp is the help.KeyMap of one pane: the footer shows the bindings of
// the focused pane only.
type paneHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

func (p paneHelp) ShortHelp() []key.Binding  { return p.short }
func (p paneHelp) FullHelp() [][]key.Binding { return p.full }

var _ help.KeyMap = KeyMap{}
var _ help.KeyMap = paneHelp{}

func (k KeyMap) searchHelp() paneHelp {
	return paneHelp{short: []key.Binding{k.SearchAccept, k.SearchLeave, k.Quit}}
}

func (k KeyMap) listHelp() paneHelp {
	// ? comes early: on a narrow terminal the end of the line is cut.
	return paneHelp{short: []key.Binding{k.Down, k.Open, k.FocusSearch, k.NextPane, k.ToggleStar, k.Help, k.Sort, k.ClearAll, k.ToggleRead, k.QuitShort}}
}

func (k KeyMap) sidebarHelp() paneHelp {
	return paneHelp{short: []key.Binding{k.Down, k.Toggle, k.NextPane, k.ClearAll, k.FilterValues, k.Help, k.QuitShort}}
}

// timelineHelp is the sidebar's help while the cursor is on the timeline.
func (k KeyMap) timelineHelp() paneHelp {
	toggle := key.NewBinding(key.WithKeys(k.Toggle.Keys()...), key.WithHelp(k.Toggle.Help().Key, "choose period"))
	up := key.NewBinding(key.WithKeys(k.Up.Keys()...), key.WithHelp("↑/k", "to filters"))
	return paneHelp{short: []key.Binding{k.BarLeft, k.BarRight, toggle, up, k.ClearAll, k.Help}}
}

func (k KeyMap) readerHelp() paneHelp {
	related := key.NewBinding(key.WithKeys(k.Related.Keys()...), key.WithHelp(k.Related.Help().Key, "related"))
	return paneHelp{short: []key.Binding{k.ReaderPgDown, k.Find, k.NextPiece, k.Back, k.Help, k.ToggleStar, k.Cite, related, k.OpenURL}}
}

// quoteHelp is the reader's help while lines are chosen as a quote.
func (k KeyMap) quoteHelp() paneHelp {
	return paneHelp{short: []key.Binding{k.ScrollDown, k.ScrollUp, k.QuoteKeep, k.QuoteCancel}}
}

// noteHelp is the footer while a quote's note is typed (a helper's report:
// it showed the find box's keys).
func (k KeyMap) noteHelp() paneHelp {
	return paneHelp{short: []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep the quote")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "drop it")),
	}}
}

func (k KeyMap) findHelp() paneHelp {
	return paneHelp{short: []key.Binding{k.FindAccept, k.FindCancel}}
}

// helpPageHelp is the footer while the ? overlay is open: its own keys,
// those of its pages only when it has more than one (a helper's report: it
// showed the keys of the pane below).
func (k KeyMap) helpPageHelp(pages int) paneHelp {
	if pages > 1 {
		return paneHelp{short: []key.Binding{k.HelpPage.Next, k.HelpPage.Prev, k.HelpPage.Close}}
	}
	return paneHelp{short: []key.Binding{k.HelpPage.Close}}
}

// problemsHelp is the footer while the ! overlay is open.
func (k KeyMap) problemsHelp() paneHelp {
	return paneHelp{short: []key.Binding{
		key.NewBinding(key.WithKeys(k.Down.Keys()...), key.WithHelp("↓/j ↑/k", "scroll")),
		key.NewBinding(key.WithKeys(k.FindCancel.Keys()...), key.WithHelp("esc", "close")),
	}}
}

// linksHelp is the footer while the L overlay is open with n links on
// the page shown, page p (0 first) of pages: their labels, the keys of
// the pages when there are more than one, and any other key closes it.
func (k KeyMap) linksHelp(n, p, pages int) paneHelp {
	keys := []key.Binding{key.NewBinding(key.WithKeys(strings.Split(linkKeys[:min(n, len(linkKeys))], "")...), key.WithHelp(linkLabels(n), "open that link"))}
	for i, b := range linkTurns(p, pages) {
		desc := b.Help().Desc
		if i == 0 { // the page's number on the first key that turns it
			desc = fmt.Sprintf("page %d of %d: %s", p+1, pages, desc)
		}
		keys = append(keys, key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc)))
	}
	return paneHelp{short: append(keys, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")))}
}

// filterHelp is the footer while the sidebar's filter is typed: letters are
// typed into it, so the pane's keys do not work (a helper's report).
func (k KeyMap) filterHelp() paneHelp {
	return paneHelp{short: []key.Binding{
		key.NewBinding(key.WithKeys("enter", "down", "tab"), key.WithHelp("enter/↓", "keep the filter")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear it")),
		key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "delete")),
	}}
}

// quoteFilterHelp is the footer while the filter of the Q list is typed.
func (k KeyMap) quoteFilterHelp() paneHelp {
	return paneHelp{short: []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep the filter")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear it")),
	}}
}
