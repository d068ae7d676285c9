package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
)

// Links between pieces: L lists the open piece's links that point at other
// pieces of the archive (/blog/gopher, ../other.md, a Hugo ref), each with
// a key, like a browser's link hints; its key opens the piece, and
// backspace returns to the piece the link was followed from. Links that do
// not fit the overlay (or the keys) come a page at a time, each page
// labelled from 1 (layoutAt).

// linkKeys label the links, in order (not l, which looks like 1).
const linkKeys = "123456789abcdefghijkmnopqrstuvwxyz"

// linkLabels names the first n labels of linkKeys as the footer and the
// ? overlay say them: runs of keys in a row as "1–9", "a–k", one alone as
// itself ("1–2" for two links, "1–9 a–k m–z" for them all).
func linkLabels(n int) string {
	keys := linkKeys[:min(max(n, 0), len(linkKeys))]
	var runs []string
	for i := 0; i < len(keys); {
		j := i
		for j+1 < len(keys) && keys[j+1] == keys[j]+1 {
			j++
		}
		if j > i {
			runs = append(runs, keys[i:i+1]+"–"+keys[j:j+1])
		} else {
			runs = append(runs, keys[i:i+1])
		}
		i = j + 1
	}
	return strings.Join(runs, " ")
}

// maxLinkTargets caps the links looked up in one piece.
const maxLinkTargets = 200

type pieceLink struct {
	text string
	hit  index.Hit
}

// linkHints is the state of L: the list shown, and the way back.
type linkHints struct {
	open  bool
	from  string // the piece the list is of
	links []pieceLink
	page  int          // the page shown when they do not all fit (layoutAt)
	back  []linkOrigin // pieces left by following a link, the last on top
}

// linkOrigin is a piece left by following a link, to return to.
type linkOrigin struct {
	index int
	hit   index.Hit
}

// openLinks starts finding the open piece's links to other pieces.
func (m *Model) openLinks() tea.Cmd {
	if err := m.reader.failure(); err != nil {
		return m.do(cannotShow(err))
	}
	a, ok := m.reader.fullPiece()
	if !ok || m.searcher == nil {
		return m.status.set("Still loading this piece…", false)
	}
	return linksCmd(m.searcher, a)
}

// gotLinks shows the links found, if the piece is still open.
func (m *Model) gotLinks(msg linksMsg) tea.Cmd {
	if msg.from != m.reader.pieceID() || m.focus != paneReader {
		return nil
	}
	if len(msg.links) == 0 {
		return m.status.set("No links to other pieces of the archive in this one", false)
	}
	m.links.show(msg.from, msg.links)
	return nil
}

// linkNextPage and linkPrevPage turn the pages of the list of links when
// its links do not all fit (none is a link's label).
var (
	linkNextPage = key.NewBinding(key.WithKeys("pgdown", "space", "down", "right"), key.WithHelp("pgdn/space", "next"))
	linkPrevPage = key.NewBinding(key.WithKeys("pgup", "up", "left"), key.WithHelp("pgup", "previous"))
)

// linkTurns are the keys that turn the list of links on from page p (0
// first) of pages, as the footer and the box's last line name them:
// next but on the last page, previous but on the first; none when there
// is one page.
func linkTurns(p, pages int) []key.Binding {
	var keys []key.Binding
	if pages <= 1 {
		return nil
	}
	if p < pages-1 {
		keys = append(keys, linkNextPage)
	}
	if p > 0 {
		keys = append(keys, linkPrevPage)
	}
	return keys
}

// linkPage is how the list of links is laid out in an overlay h lines
// high: the links on each page (labelled from 1 on each), how many pages,
// and which lines there are besides them.
type linkPage struct {
	per, pages, page   int // links on a full page; pages; the page shown (0 first)
	title, gap, footer bool
}

// first is the first link of the page shown.
func (p linkPage) first() int { return p.page * p.per }

// layoutAt lays the links out in an overlay h lines high (overlayBox
// keeps h-2 lines): the title and a blank line when they fit, at most
// len(linkKeys) links a page, and a last line saying which page this is
// and the keys that turn it (linkTurns) when there is more than one and
// room for it (the footer says it too).
func (l linkHints) layoutAt(h int) linkPage {
	lines := max(h-2, 1)
	p := linkPage{title: lines >= 2, gap: lines >= 5}
	room := lines
	if p.title {
		room--
	}
	if p.gap {
		room--
	}
	n := len(l.links)
	if n <= min(room, len(linkKeys)) {
		p.per, p.pages = max(n, 1), 1
		return p
	}
	if room >= 2 {
		p.footer = true
		room--
	}
	p.per = min(max(room, 1), len(linkKeys))
	p.pages = (n + p.per - 1) / p.per
	p.page = min(l.page, p.pages-1)
	return p
}

// onPage is the links of the page shown in an overlay h lines high.
func (l linkHints) onPage(h int) []pieceLink {
	p := l.layoutAt(h)
	first := min(p.first(), len(l.links))
	return l.links[first:min(first+p.per, len(l.links))]
}

// update handles a key while the list of links is open in an overlay h
// lines high: a link's key asks for its piece, the page keys turn the
// pages, and any other key closes the list.
func (l linkHints) update(msg tea.KeyPressMsg, h int) (linkHints, intent) {
	p := l.layoutAt(h)
	l.page = p.page
	switch {
	case key.Matches(msg, linkNextPage) && p.pages > 1:
		l.page = min(l.page+1, p.pages-1)
		return l, nil
	case key.Matches(msg, linkPrevPage) && p.pages > 1:
		l.page = max(l.page-1, 0)
		return l, nil
	}
	l.open = false
	k := msg.String()
	shown := l.onPage(h)
	i := strings.Index(linkKeys, k)
	if len(k) != 1 || i < 0 || i >= len(shown) {
		return l, nil
	}
	return l, followLinkIntent{link: shown[i]}
}

// show opens the list of the links of piece from, at its first page.
func (l *linkHints) show(from string, links []pieceLink) {
	l.open, l.from, l.links, l.page = true, from, links, 0
}

// push notes a piece left by following a link (at most 100).
func (l *linkHints) push(o linkOrigin) {
	if len(l.back) < 100 {
		l.back = append(l.back, o)
	}
}

// pop takes the last piece left by following a link; false when none was.
func (l *linkHints) pop() (linkOrigin, bool) {
	n := len(l.back)
	if n == 0 {
		return linkOrigin{}, false
	}
	o := l.back[n-1]
	l.back = l.back[:n-1]
	return o, true
}

// forget drops the way back (the reader was left for the list).
func (l *linkHints) forget() { l.back = nil }

// followLink opens the piece of a link, keeping the way back to the piece
// open now.
func (m *Model) followLink(l pieceLink) tea.Cmd {
	from := linkOrigin{m.reader.at(), m.reader.piece()}
	m.links.push(from)
	cmd := m.showPiece(from.index, l.hit)
	return tea.Batch(cmd, m.status.set("backspace: back to “"+oneLine(stripMarks(from.hit.Title))+"”", false))
}

// linkBack returns to the piece the last followed link was in; false when
// no link was followed.
func (m *Model) linkBack() (tea.Cmd, bool) {
	o, ok := m.links.pop()
	if !ok {
		return nil, false
	}
	cmd := m.showPiece(o.index, o.hit)
	return tea.Batch(cmd, m.status.set("Back to “"+oneLine(stripMarks(o.hit.Title))+"”", false)), true
}

// view is the list of links, over the reader, in an overlay h lines
// high: the links of the page shown, labelled from 1.
func (l linkHints) view(w, h int, st Styles) string {
	p := l.layoutAt(h)
	var lines []string
	if p.title {
		lines = append(lines, st.Brand.Render("Links to other pieces")+st.Hint.Render("  (press a key to open · esc close)"))
	}
	if p.gap {
		lines = append(lines, "")
	}
	for i, l := range l.onPage(h) {
		title := oneLine(l.hit.Title)
		if d := l.hit.Date.String(); d != "" {
			title += " (" + d + ")"
		}
		line := fmt.Sprintf("%c  %s", linkKeys[i], title)
		if t := oneLine(l.text); t != "" && !strings.EqualFold(t, oneLine(l.hit.Title)) {
			line += st.Hint.Render("  ← " + t)
		}
		lines = append(lines, line)
	}
	if p.footer {
		first := p.first()
		var turns []string
		for _, b := range linkTurns(p.page, p.pages) {
			turns = append(turns, b.Help().Key+" "+b.Help().Desc)
		}
		lines = append(lines, st.Hint.Render(fmt.Sprintf("links %d–%d of %d · page %d of %d · %s",
			first+1, min(first+p.per, len(l.links)), len(l.links), p.page+1, p.pages, strings.Join(turns, ", "))))
	}
	return overlayBox(strings.Join(lines, "\n"), w, h, st)
}
