package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/numfmt"
	"github.com/folio-tui/folio/state"
)

// countDriver runs a Model as Bubble Tea does, Cmds in goroutines and
// their messages fed back through Update, while until waits for a state;
// a timer nobody waits for is left behind. It notes which generation's
// facets and Reading counts have arrived.
type countDriver struct {
	t            *testing.T
	*benchDriver // runs the Cmds and feeds their answers back

	facetsGen            int
	countsGen, countsSeq int
}

func newCountDriver(t *testing.T, ix *index.Index, st *state.Store, quotes ...*state.Quotes) *countDriver {
	t.Setenv("NO_COLOR", "")
	opts := Options{
		OpenIndex: func(context.Context, func(done, total int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		OpenState: func() (ReadingState, error) { return st, nil },
	}
	d := &countDriver{t: t, benchDriver: &benchDriver{m: New(opts), msgs: make(chan tea.Msg, 1024)}, facetsGen: -1, countsGen: -1}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, qs := range quotes {
		d.send(quotesOpenedMsg{book: qs})
	}
	d.run(openStateCmd(opts.OpenState))
	d.run(openIndexCmd(context.Background(), opts.OpenIndex, d.m.relay))
	return d
}

// send notes which generation the facets and Reading counts on screen
// belong to, then updates the model as the bench driver does.
func (d *countDriver) send(msg tea.Msg) {
	switch msg := msg.(type) {
	case facetsMsg:
		if msg.gen == d.m.gen && msg.err == nil {
			d.facetsGen = msg.gen
		}
	case readingCountsMsg:
		if msg.gen == d.m.gen && msg.seq == d.m.countsSeq && msg.err == nil {
			d.countsGen, d.countsSeq = msg.gen, msg.seq
		}
	}
	d.benchDriver.send(msg)
}

func (d *countDriver) until(what string, cond func(Model) bool) {
	d.t.Helper()
	timeout := time.After(cmdHangGuard) // a hang guard only
	for !cond(d.m) {
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-timeout:
			d.t.Fatalf("waited %v for %s: a hang", cmdHangGuard, what)
		}
	}
}

// settled waits until the current search's hits, facets and Reading counts
// are all in.
func (d *countDriver) settled() {
	d.t.Helper()
	d.until("the results, facets and counts", func(m Model) bool {
		return m.searcher != nil && m.haveResult && m.list.gen == m.gen && d.facetsGen == m.gen &&
			d.countsGen == m.gen && d.countsSeq == m.countsSeq
	})
}

func (d *countDriver) key(keys ...string) {
	for _, k := range keys {
		d.send(keyPress(k))
	}
}

// TestOneCountEverywhere chooses random combinations of query, facets,
// dates and Reading filters in the reader, on a real index and reading
// state, and asserts that the header's total, every count of the sidebar
// (facets and Reading, Quoted among them), C's bibliography and the
// archive's own filter (what folio list and folio stats count, with
// --quoted as folio search takes it) agree with the index's totals for the
// same choices. After marks change under a Reading filter, the header and
// the chosen Reading counts still agree.
func TestOneCountEverywhere(t *testing.T) {
	ix, arch := realIndex(t, "")
	st, warn := state.Open(testArchiveName, t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 2))
	t.Logf("seed %d", seed)
	quotes, warn := state.OpenQuotes(testArchiveName, t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	for _, a := range arch.Articles {
		if r.IntN(3) == 0 {
			st.ToggleRead(a.ID)
		}
		if r.IntN(3) == 0 {
			st.ToggleStar(a.ID)
		}
		if r.IntN(4) == 0 {
			if _, err := quotes.Add(state.Quote{Piece: a.ID, Selector: state.Selector{Exact: a.Title}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	d := newCountDriver(t, ix, st, quotes)
	d.settled()
	ctx := context.Background()
	all := ix.AllFacets()
	pick := func(vs []index.FacetValue, most int) []string {
		var out []string
		for range r.IntN(most + 1) {
			if v := vs[r.IntN(len(vs))].Value; !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out
	}
	total := func(q index.Query) int {
		t.Helper()
		q.Offset, q.Limit = 0, 1
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	texts := []string{"", "", "", "terror", "london", "isis attack", `"foreign fighters"`, "police -china", "intelligence OR prison"}
	for round := range 40 {
		// The query, typed as a user types it.
		text := texts[r.IntN(len(texts))]
		if strings.TrimSpace(d.m.search.value()) != text {
			d.key("/")
			for strings.TrimSpace(d.m.search.value()) != "" {
				d.key("backspace")
			}
			for _, c := range text {
				d.send(tea.KeyPressMsg{Code: c, Text: string(c)})
			}
			d.key("enter")
		}
		// The filters, chosen as the sidebar chooses them.
		s := &d.m.sidebar
		s.chosen[groupTags] = pick(all.Tags, 2)
		s.chosen[groupOutlets] = pick(all.Outlets, 2)
		s.chosen[groupKinds] = pick(all.Kinds, 1)
		s.chosen[groupYears], s.period = nil, period{}
		switch r.IntN(3) {
		case 0:
			s.chosen[groupYears] = pick(all.Years, 1)
		case 1:
			m := all.Months[r.IntN(len(all.Months))].Value
			from, _ := time.Parse("2006-01", m)
			s.period = period{label: m, from: from, to: from.AddDate(0, 1, -1)}
		}
		s.chosen[groupReading] = nil
		for _, v := range []string{readingStarred, readingUnread, readingQuoted} {
			if r.IntN(3) == 0 {
				s.chosen[groupReading] = append(s.chosen[groupReading], v)
			}
		}
		d.run(d.m.startSearch())
		d.settled()
		m := d.m
		where := fmt.Sprintf("round %d, seed %d: %q, filters %q", round, seed, text, m.sidebar.summary())

		// The header's total is the index's total for the same choices.
		base := m.baseQuery
		live := takeReading(st, quotes)
		want := total(applyReading(base, m.readingFilter, live))
		if m.list.total != want {
			t.Fatalf("%s: the header counts %d, the index %d", where, m.list.total, want)
		}
		if head := strings.SplitN(ansi.Strip(m.View().Content), "\n", 2)[0]; !strings.Contains(head, numfmt.Thousands(want)+" of ") && !(want == 0 && strings.Contains(head, "0 ")) {
			t.Fatalf("%s: the header does not say %d:\n%s", where, want, head)
		}
		// What folio list and folio stats count: the archive's own filter.
		if text == "" {
			f := archive.Filter{Tags: base.Tags, Outlets: base.Outlets, Kinds: base.Kinds, From: base.From, To: base.To}
			if len(base.Years) == 1 {
				f.From, _ = time.Parse("2006", base.Years[0])
				f.To = f.From.AddDate(1, 0, -1)
			}
			kept := slices.DeleteFunc(f.Keep(arch.Articles), func(a archive.Article) bool {
				return m.readingFilter.starred && !st.IsStarred(a.ID) || m.readingFilter.unread && st.IsRead(a.ID) ||
					m.readingFilter.quoted && len(quotes.Of(a.ID)) == 0
			})
			if len(kept) != want {
				t.Fatalf("%s: the archive's filter keeps %d, the header says %d", where, len(kept), want)
			}
		}
		// Every count of the sidebar is the total that choosing it alone
		// in its group gives.
		for _, e := range m.sidebar.entries {
			if e.header {
				continue
			}
			q := applyReading(base, m.readingFilter, live)
			switch e.group {
			case groupReading:
				f := m.readingFilter
				switch e.value {
				case readingStarred:
					f.starred = true
				case readingUnread:
					f.unread = true
				case readingQuoted:
					f.quoted = true
				default:
					t.Fatalf("a Reading entry %q", e.value)
				}
				q = applyReading(base, f, live)
			case groupTags:
				q.Tags = []string{e.value}
			case groupOutlets:
				q.Outlets = []string{e.value}
			case groupKinds:
				q.Kinds = []string{e.value}
			case groupLanguages:
				q.Languages = []string{e.value}
			case groupYears:
				q.Years = []string{e.value}
			}
			if n := total(q); n != e.count {
				t.Fatalf("%s: the sidebar counts %s %q as %d, choosing it gives %d", where, e.group.title(), e.value, e.count, n)
			}
		}
		// C cites what the header counts.
		cited := citeResultsCmd(ctx, ix, nil, m.query, cite.Text)().(citedMsg)
		if want > 0 && (cited.err != nil || cited.n != min(want, maxCitations) || strings.Count(strings.TrimSuffix(cited.text, "\n"), "\n")+1 != cited.n) {
			t.Fatalf("%s: C cited %d (%v) of %d", where, cited.n, cited.err, want)
		}
		// Marks changed under a Reading filter: the list stays as it was,
		// and the chosen Reading counts with it.
		if hit, ok := m.list.selected(); ok && m.readingFilter.active() {
			if r.IntN(2) == 0 {
				d.run(d.m.toggleRead(hit.ID))
			} else {
				d.run(d.m.toggleStar(hit.ID))
			}
			d.settled()
			for _, e := range d.m.sidebar.entries {
				if e.group == groupReading && !e.header && d.m.sidebar.isChosen(groupReading, e.value) &&
					len(d.m.sidebar.chosen[groupReading]) == 1 && e.count != d.m.list.total {
					t.Fatalf("%s: after a mark the header counts %d, the sidebar %s %d", where, d.m.list.total, e.value, e.count)
				}
			}
		}
	}
}
