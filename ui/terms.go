package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// The distinctive words of the results (w): a full-screen list of the
// words and two-word phrases most over-represented in the current results
// against the whole archive; enter adds one to the query. The pane owns
// its keys and tells the root what to do through a termsIntent.

// TermsSearcher is implemented by a Searcher that finds distinctive words
// (index.Index does); without it w says so.
type TermsSearcher interface {
	Terms(ctx context.Context, q index.Query, opt index.TermsOptions) (index.TermsResult, error)
}

// termsMsg answers termsCmd for request seq.
type termsMsg struct {
	seq int
	res index.TermsResult
	err error
}

func termsCmd(ctx context.Context, s TermsSearcher, q index.Query, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = termsMsg{seq: seq, err: fmt.Errorf("finding the distinctive words failed: %v", r)}
			}
		}()
		r, err := s.Terms(ctx, q, index.TermsOptions{N: 40})
		return termsMsg{seq: seq, res: r, err: err}
	}
}

type termsKeys struct{ Close, Up, Down, Add key.Binding }

func newTermsKeys() termsKeys {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return termsKeys{
		Close: b([]string{"esc", "w", "q"}, "esc", "back"),
		Up:    b([]string{"up", "k"}, "↑/k", "up"),
		Down:  b([]string{"down", "j"}, "↓/j", "down"),
		Add:   b([]string{"enter"}, "enter", "add to the query"),
	}
}

func (k termsKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Down, k.Add, k.Close} }
func (k termsKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type termsPane struct {
	open   bool
	seq    int
	loaded bool
	res    index.TermsResult
	err    error
	cursor int
	due    bool // asked while the search had not answered (fetchTerms)
}

// update handles a key while the list is open; enter closes it and asks
// for the word under the cursor to be added to the query (a phrase in
// quotes).
func (p termsPane) update(msg tea.KeyPressMsg, k termsKeys) (termsPane, intent) {
	switch {
	case key.Matches(msg, k.Close):
		p.open = false
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.res.Terms)-1, 0))
	case key.Matches(msg, k.Add):
		if p.cursor < len(p.res.Terms) {
			t := p.res.Terms[p.cursor]
			add := t.Term
			if t.Phrase {
				add = `"` + add + `"`
			}
			p.open = false
			return p, addTermIntent{term: add}
		}
	}
	return p, nil
}

// opening opens the list afresh: a new request, whose answer it waits for.
func (p termsPane) opening() termsPane { return termsPane{open: true, seq: p.seq + 1} }

// reasking asks again for the list on screen (the archive changed): it
// stays as it is, cursor and all, until the answer comes.
func (p termsPane) reasking() termsPane {
	p.seq++
	return p
}

// asked is the number of the request the list waits for.
func (p termsPane) asked() int { return p.seq }

func (p termsPane) got(msg termsMsg) termsPane {
	if msg.seq == p.seq {
		cursor := 0
		if p.loaded && p.err == nil && msg.err == nil && p.cursor < len(p.res.Terms) {
			// asked again (reasking): the cursor stays on its word, if the
			// word is still there, else at its row (a review's report: it
			// went back to the first row, and enter added another word)
			cursor = min(p.cursor, max(len(msg.res.Terms)-1, 0))
			for i, t := range msg.res.Terms {
				if t.Term == p.res.Terms[p.cursor].Term && t.Phrase == p.res.Terms[p.cursor].Phrase {
					cursor = i
				}
			}
		}
		p.loaded, p.res, p.err, p.cursor = true, msg.res, msg.err, cursor
	}
	return p
}

// view draws the words in w×h cells: h lines, whatever it says.
func (p termsPane) view(w, h int, st Styles) string {
	out := []string{st.ReaderTitle.Render("Distinctive words of the results")}
	switch {
	case p.err != nil:
		out = append(out, "", st.Error.Render(archive.SanitizeLine(termsafe.ErrText(p.err))))
	case !p.loaded:
		out = append(out, "", st.Count.Render("reading the results…"))
	case p.res.Results == 0:
		out = append(out, "", "No piece matches.")
	case len(p.res.Terms) == 0:
		out = append(out, "", "No word is in enough of the results and rarer in the archive.")
	default:
		what := fmt.Sprintf("%d results", p.res.Results)
		if p.res.Sampled() {
			what = fmt.Sprintf("the best %d of %d results", p.res.Sample, p.res.Results)
		}
		out = append(out, st.Count.Render(fmt.Sprintf("of %s against %d pieces · JLH score · in the results read / in archive", what, p.res.Archive)), "")
		rows := max(h-len(out), 1)
		first := min(max(p.cursor-rows/2, 0), max(len(p.res.Terms)-rows, 0))
		for i := first; i < min(first+rows, len(p.res.Terms)); i++ {
			t := p.res.Terms[i]
			line := fmt.Sprintf("%-32s %5d / %-7s %7.3f", truncateCells(archive.SanitizeLine(t.Term), 32), t.InResults, t.ArchiveCount(), t.Score)
			if i == p.cursor {
				line = st.TitleSelected.Render("▌ " + line)
			} else {
				line = "  " + line
			}
			out = append(out, line)
		}
	}
	for i := range out {
		out[i] = truncateCells(out[i], w)
	}
	return fillLines(strings.Join(out, "\n"), h)
}

// Root glue.

func (m *Model) openTerms() tea.Cmd {
	_, ok := m.searcher.(TermsSearcher)
	if !ok {
		return m.status.set("This index cannot find distinctive words", true)
	}
	m.words = m.words.opening()
	return m.fetchTerms()
}

// fetchTerms asks for the distinctive words of the query as its search
// resolved it: asked while the search has not answered, when it does
// (chartWhenResolved; see fetchTrends).
func (m *Model) fetchTerms() tea.Cmd {
	ts, ok := m.searcher.(TermsSearcher)
	if !ok {
		return nil
	}
	m.words.due = !m.resolved()
	if m.words.due {
		return nil
	}
	q := m.query
	q.Offset, q.Limit = 0, 0
	return termsCmd(m.searchCtx, ts, q, m.words.asked())
}
