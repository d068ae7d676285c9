package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// stateSaved is the SavedStore of the tests: the state package's files in
// a temporary folder, as the CLI gives the reader (cli.readerSaved).
type stateSaved struct {
	saved  *state.Saved
	opened *state.SavedOpened
}

func newStateSaved(t *testing.T, archiveName string) stateSaved {
	t.Helper()
	dir := t.TempDir()
	saved, err := state.OpenSaved(filepath.Join(dir, "config", "saved.json"))
	if err != nil {
		t.Fatal(err)
	}
	opened, err := state.OpenSavedOpened(archiveName, filepath.Join(dir, "state"))
	if err != nil {
		t.Fatal(err)
	}
	return stateSaved{saved, opened}
}

func (s stateSaved) List() ([]SavedSearch, error) {
	all, err := s.saved.List()
	if err != nil {
		return nil, err
	}
	times, warn := s.opened.All()
	if warn != nil {
		warn = &SavedWarning{Err: warn}
	}
	var out []SavedSearch
	each := state.OpenedEach(times, all)
	for _, sv := range all {
		f := sv.Filters
		u := SavedSearch{Name: sv.Name, Query: sv.Query, Tags: f.Tags, Outlets: f.Outlets, Authors: f.Authors, Kinds: f.Kinds,
			From: f.From, To: f.To, Within: f.Within, Starred: f.Starred, Unread: f.Unread, Quoted: f.Quoted,
			CollapseCopies: f.CollapseCopies}
		if o, ok := each[state.NameKey(sv.Name)]; ok {
			u.Opened, u.SeenThrough = true, o.Through
		}
		out = append(out, u)
	}
	return out, warn
}

func (s stateSaved) Add(u SavedSearch, through time.Time) (SavedSearch, error) {
	sv, err := s.saved.Add(state.Search{Name: u.Name, Query: u.Query, Filters: state.Filters{Tags: u.Tags, Outlets: u.Outlets,
		Authors: u.Authors, Kinds: u.Kinds, From: u.From, To: u.To, Within: u.Within, Starred: u.Starred, Unread: u.Unread,
		Quoted: u.Quoted, CollapseCopies: u.CollapseCopies}})
	if err != nil {
		return u, err
	}
	u.Name = sv.Name
	return u, s.MarkOpened(sv.Name, through)
}

func (s stateSaved) MarkOpened(name string, through time.Time) error {
	sv, err := s.saved.Get(name)
	if err != nil {
		return err
	}
	return s.opened.Mark(sv, time.Now(), through, s.saved)
}

// writeTestPiece writes a piece into the archive folder dir, its file
// dated after every file an index has seen.
func writeTestPiece(t *testing.T, dir, name, title, tag string) {
	t.Helper()
	p := filepath.Join(dir, name+".md")
	body := "---\ntitle: " + title + "\ndate: 2019-03-04\noutlet: The Test\ntags: [" + tag + "]\n---\n" + title + ".\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	os.Chtimes(p, later, later)
}

// liveIndexOptions are the Options of a reader on a real index of the
// folder arch, which Reindex refreshes (R, or a test's archiveChangedMsg).
func liveIndexOptions(t *testing.T, arch string) (Options, *index.Index) {
	t.Helper()
	ixDir := t.TempDir()
	ix, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: ixDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		ArchiveDir: arch,
		Reindex: func(ctx context.Context, progress func(int, int)) (Info, bool, error) {
			changed, err := ix.Refresh(ctx, index.Options{Dir: ixDir})
			return Info{Count: ix.Count()}, changed, err
		},
	}, ix
}

// S saves the query and filters under a name typed on the prompt; the
// SAVED group lists the search with its count, and "1 new" once a piece is
// added to the archive and the index; enter opens it (its query and
// filters) and marks it opened, so nothing is new any more. On a real
// index and real files.
func TestSavedSearchesInTheReader(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	writeTestPiece(t, arch, "three", "Raqqa rebuilt", "syria")
	store := newStateSaved(t, arch)
	opts, ix := liveIndexOptions(t, arch)
	opts.Saved = store
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	if strings.Contains(h.screen(), "SAVED") {
		t.Fatalf("a SAVED group with nothing saved:\n%s", h.screen())
	}

	// raqqa, with the tag isis chosen in the sidebar, saved as Raqqa.
	h.key("/")
	h.typeText("raqqa")
	h.key("enter", "tab")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupTags, "isis", false))
	h.key("space")
	h.requireMatch(`1 of 3 · relevance · tag:isis`)
	h.key("S")
	h.requireMatch(`Save the search as: `)
	h.typeText("Raqqa")
	h.key("enter")
	h.requireMatch(`Saved the search as Raqqa`)
	h.requireMatch(`SAVED[\s\S]*» Raqqa\s+1 │`)
	all, _ := store.saved.List()
	if len(all) != 1 || all[0].Query != "raqqa" || strings.Join(all[0].Filters.Tags, ",") != "isis" {
		t.Fatalf("saved %+v", all)
	}

	// The same name again (in another case): the prompt comes back with it.
	h.key("S")
	h.typeText("RAQQA")
	h.key("enter")
	h.requireMatch(`Save the search as: RAQQA\s+not saved: a saved search has that name: "Raqqa" \(esc: not saved\)`)
	if !h.m.prompt.open || h.m.prompt.input.Value() != "RAQQA" {
		t.Fatalf("the prompt did not come back with the name")
	}
	h.key("esc")
	if h.m.prompt.open {
		t.Fatal("esc did not close the prompt")
	}

	// A piece on Raqqa added to the archive: 1 new.
	writeTestPiece(t, arch, "four", "Raqqa again", "isis")
	writeTestPiece(t, arch, "five", "Raqqa elsewhere", "syria")
	h.key("R")
	h.requireMatch(`» Raqqa\s+2 · 1 new │`)

	// Opened from elsewhere: its query and filters come back, and it is
	// marked opened.
	h.send(keyPress("x")) // filters cleared
	h.m.focus = paneList
	h.key("esc") // the query cleared
	h.requireMatch(`5 of 5`)
	h.key("tab")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupSaved, "Raqqa", false))
	h.key("enter")
	if h.m.search.value() != "raqqa" || h.m.sidebar.summary() != "tag:isis" || h.m.focus != paneList {
		t.Fatalf("opened: query %q, filters %q, focus %v", h.m.search.value(), h.m.sidebar.summary(), h.m.focus)
	}
	h.requireMatch(`2 of 5 · relevance · tag:isis`)
	h.requireMatch(`» Raqqa\s+2 │`)
	got, _ := store.List()
	if !got[0].Opened || !got[0].SeenThrough.Equal(ix.IndexTime()) {
		t.Errorf("not marked opened through the index time: %+v, index time %v", got[0], ix.IndexTime())
	}
}

// TestChartPeriodSavedAsShown: a month chosen on the chart shows its bar's
// pieces, not those dated only to its year, and saved with S it counts
// them still (it was saved as a range of dates, which counted the
// year-only piece: 3 where 2 were shown); a week chosen shows its bar's
// pieces, not those dated only to its month or year.
func TestChartPeriodSavedAsShown(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	for name, date := range map[string]string{"day": "2017-08-03", "month": "2017-08", "year": "2017", "later": "2017-09-20", "before": "2017-07-11"} {
		body := "---\ntitle: Piece " + name + "\ndate: " + date + "\n---\nTerror.\n"
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store := newStateSaved(t, arch)
	opts, ix := liveIndexOptions(t, arch)
	opts.Saved = store
	h := &harness{t: t, m: New(opts)}
	h.useTestClock()
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`5 of 5`)
	h.key("t")
	for h.m.trends.by != index.ByMonth {
		h.key("p")
	}
	h.requireScreen("pieces per month")
	h.key("g")
	pts := h.m.trends.series[0].trend.Points
	for pts[h.m.trends.cursor].Period != "2017-08" {
		h.key("l")
	}
	if bar := pts[h.m.trends.cursor].Count; bar != 2 {
		t.Fatalf("August's bar: %d pieces, want 2 (the day's and the month's)", bar)
	}
	h.key("enter")
	h.requireMatch(`2 of 5`)
	h.key("S")
	h.typeText("August")
	h.key("enter")
	h.requireMatch(`Saved the search as August`)
	all, _ := store.saved.List()
	if len(all) != 1 || all[0].Filters.From != "2017-08" || all[0].Filters.To != "2017-08" || !all[0].Filters.Within {
		t.Fatalf("saved %+v", all)
	}
	h.requireMatch(`» August\s+2 │`)
	res, err := ix.Search(context.Background(), savedQuery(SavedSearch{From: "2017-08", To: "2017-08", Within: true, Query: ""}))
	if err != nil || res.Total != 2 {
		t.Fatalf("the saved search finds %d (%v), want 2", res.Total, err)
	}
	// opened again: within, the same two
	h.key("x")
	h.requireMatch(`5 of 5`)
	h.m.sidebar.setSearch(SavedSearch{Name: "August", From: "2017-08", To: "2017-08", Within: true})
	if q := h.m.buildQuery(); !q.Within {
		t.Fatalf("opened, the query is not within: %+v", q)
	}
	if got := h.m.sidebar.summary(); got != "within:2017-08" {
		t.Errorf("summary %q", got)
	}

	// a week: its bar's one piece, not the month's and the year's
	h.key("x", "t")
	for h.m.trends.by != index.ByWeek {
		h.key("p")
	}
	h.key("g")
	pts = h.m.trends.series[0].trend.Points
	for pts[h.m.trends.cursor].Count == 0 {
		h.key("l")
	}
	h.key("enter")
	if h.m.list.total != 1 {
		t.Fatalf("the week of 2017-07-11: %d results, its bar 1", h.m.list.total)
	}
}

// A week chosen on the chart is narrowed by the sidebar's period, not
// put in its place (a review: a day outside the period the header named
// was listed and saved).
func TestChartWeekNarrowedByThePeriod(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	q := index.Query{From: day("2017-09-01"), To: day("2017-09-30"), Within: true}
	newPeriodFilter(index.ByWeek, "2017-W39").applyTo(&q) // 25 September to 1 October
	if !q.From.Equal(day("2017-09-25")) || !q.To.Equal(day("2017-09-30")) || !q.Within {
		t.Errorf("week within September: %v – %v, within %v", q.From, q.To, q.Within)
	}
	q = index.Query{}
	newPeriodFilter(index.ByWeek, "2017-W39").applyTo(&q)
	if !q.From.Equal(day("2017-09-25")) || !q.To.Equal(day("2017-10-01")) || !q.Within {
		t.Errorf("week alone: %v – %v, within %v", q.From, q.To, q.Within)
	}
}

// A saved search's dates: the years chosen (one span), the timeline's
// period and the chart's months become one range, written as the command
// line takes it, within (--within) when a month is among them; years that
// are not one span cannot be saved, nor a month cut by other dates.
func TestSavedDateRange(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct {
		q        index.Query
		from, to string
		within   bool
		err      bool
	}{
		{q: index.Query{}},
		{q: index.Query{Years: []string{"2017"}}, from: "2017", to: "2017"},
		{q: index.Query{Years: []string{"2018", "2016", "2017"}}, from: "2016", to: "2018"},
		{q: index.Query{Years: []string{"2015", "2017"}}, err: true},
		{q: index.Query{Months: []string{"2017-09", "2017-10"}}, from: "2017-09", to: "2017-10", within: true},
		{q: index.Query{Months: []string{"2017-09"}}, from: "2017-09", to: "2017-09", within: true},
		{q: index.Query{From: day("2017-09-01"), To: day("2017-09-30")}, from: "2017-09", to: "2017-09"},
		{q: index.Query{From: day("2017-09-01"), To: day("2017-09-30"), Within: true}, from: "2017-09", to: "2017-09", within: true},
		{q: index.Query{From: day("2017-09-14")}, from: "2017-09-14"},
		{q: index.Query{Years: []string{"2017"}, From: day("2017-06-01"), To: day("2018-03-31")}, from: "2017-06", to: "2017"},
		{q: index.Query{Years: []string{"2017"}, From: day("2017-06-01"), To: day("2018-03-31"), Within: true}, from: "2017-06", to: "2017", within: true},
		{q: index.Query{Years: []string{"2016"}, From: day("2017-06-01")}, err: true},
		// a month and the timeline's overlapping period: exact only when
		// the period holds the month or cuts it at a month's edge
		{q: index.Query{Months: []string{"2017-09"}, From: day("2017-01-01"), To: day("2017-12-31")}, from: "2017-09", to: "2017-09", within: true},
		{q: index.Query{Months: []string{"2017-09", "2017-10"}, From: day("2017-10-01")}, from: "2017-10", to: "2017-10", within: true},
		{q: index.Query{Months: []string{"2017-09"}, From: day("2017-09-15")}, err: true},
		{q: index.Query{Months: []string{"2017-09"}, From: day("2017-09-15"), Within: true}, from: "2017-09-15", to: "2017-09", within: true},
		// months that hold a whole year would count its year-only pieces
		{q: index.Query{Months: []string{"2017-01", "2017-02", "2017-03", "2017-04", "2017-05", "2017-06", "2017-07", "2017-08", "2017-09", "2017-10", "2017-11", "2017-12"}}, err: true},
	} {
		from, to, within, err := dateRange(c.q)
		if (err != nil) != c.err || from != c.from || to != c.to || within != c.within {
			t.Errorf("%+v: %q %q within %v, %v; want %q %q within %v (error %v)", c.q, from, to, within, err, c.from, c.to, c.within, c.err)
		}
	}
	if p := periodOf("2017-09", "2017-10"); p.label != "2017-09–2017-10" || !p.from.Equal(day("2017-09-01")) || !p.to.Equal(day("2017-10-31")) {
		t.Errorf("periodOf: %+v", p)
	}
	if p := periodOf("2017", "2017"); p.label != "2017" || !p.to.Equal(day("2017-12-31")) {
		t.Errorf("periodOf: %+v", p)
	}
}

// TestSavedSearchKeepsHideCopies: "Hide copies" on is saved with the
// search, opening it turns it on again, and its count is of the
// collapsed results (the flag was dropped on the way to the file).
func TestSavedSearchKeepsHideCopies(t *testing.T) {
	sv := SavedSearch{Name: "x", Query: "raqqa", CollapseCopies: true}
	if q := savedQuery(sv); !q.CollapseCopies {
		t.Errorf("the saved search's query does not collapse: %+v", q)
	}
	var s sidebar
	s.setSearch(sv)
	if !s.isChosen(groupCopies, copiesCollapse) {
		t.Error("opening the saved search does not hide copies")
	}
	m := New(Options{})
	m.sidebar = s
	got, err := m.savedOfCurrent("y")
	if err != nil || !got.CollapseCopies {
		t.Errorf("saving with copies hidden: %+v, %v", got, err)
	}
}

// With Hide copies saved, the SAVED group's "N new" is among the search's
// pieces: a new copy of an old text is not new to it (an attack: "3 · 1
// new" of a copy the search's own list left out). On a real index.
func TestSavedNewWithHideCopies(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	var b strings.Builder
	x := uint32(11)
	for range 150 {
		x = x*1664525 + 1013904223
		b.WriteString(words[(x>>16)%uint32(len(words))] + " ")
	}
	write := func(name, head, body string) {
		t.Helper()
		p := filepath.Join(arch, name)
		if err := os.WriteFile(p, []byte("---\n"+head+"\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Second)
		os.Chtimes(p, later, later)
	}
	write("a1.md", "title: First\ndate: \"2019\"\noutlet: X", b.String())
	write("a2.md", "title: First again\ndate: 2021-03-05\noutlet: Y", b.String())
	write("c.md", "title: Other\ndate: 2021-01-02\noutlet: X", "nothing in common here")
	store := newStateSaved(t, arch)
	opts, ix := liveIndexOptions(t, arch)
	opts.Saved = store
	if _, err := store.Add(SavedSearch{Name: "col", CollapseCopies: true}, ix.IndexTime()); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`SAVED[\s\S]*col\s+2 │`)

	write("a3.md", "title: First once more\ndate: 2022-01-01\noutlet: Z", b.String())
	write("d.md", "title: New\ndate: 2022-02-02\noutlet: X", "a piece of its own")
	h.key("R")
	h.requireMatch(`col\s+3 · 1 new │`)
}

// With Hide copies on, the chart's bar and its filter hold the same
// pieces (an attack: 2021's bar counted 1, and enter listed 3, the texts
// of 2019 run again in 2021), and the period saved as a range of dates
// holds it too: a range keeps the texts whose piece standing for them is
// in it, as every period does with copies hidden
// (archive.CollapseCopiesIn; it was refused while a range counted the 3).
func TestChartBarWithHideCopies(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	body := func(seed uint32) string {
		var b strings.Builder
		for range 150 {
			seed = seed*1664525 + 1013904223
			b.WriteString(words[(seed>>16)%uint32(len(words))] + " ")
		}
		return b.String()
	}
	b1, b2 := body(1), body(2)
	for name, text := range map[string]string{
		"a1.md": "title: First\ndate: \"2019\"\noutlet: X\n---\n" + b1,
		"a2.md": "title: First again\ndate: 2021-03-05\noutlet: Y\n---\n" + b1,
		"b1.md": "title: Second\ndate: \"2019\"\noutlet: X\n---\n" + b2,
		"b2.md": "title: Second again\ndate: 2021-06-01\noutlet: Y\n---\n" + b2,
		"c.md":  "title: Other\ndate: 2021-01-02\noutlet: X\n---\nnothing in common here",
	} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte("---\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store := newStateSaved(t, arch)
	opts, ix := liveIndexOptions(t, arch)
	opts.Saved = store
	opts.OpenIndex = func(context.Context, func(int, int)) (Searcher, Info, error) {
		return ix, Info{Count: ix.Count(), Copies: 2}, nil // as the CLI tells it
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`5 of 5`)
	h.requireMatch(`Hide copies\s+2`)
	h.key("tab")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupCopies, copiesCollapse, false))
	h.key("space")
	h.requireMatch(`3 of 5 · newest · dup:collapse`)
	h.key("tab", "t")
	for h.m.trends.by != index.ByYear {
		h.key("p")
	}
	h.requireScreen("pieces per year")
	h.key("g")
	pts := h.m.trends.series[0].trend.Points
	for pts[h.m.trends.cursor].Period != "2021" {
		h.key("l")
	}
	bar := pts[h.m.trends.cursor].Count
	if bar != 1 {
		t.Fatalf("2021's bar: %d, want 1 (Other; the copies stand for texts of 2019)", bar)
	}
	h.key("enter")
	h.requireMatch(`1 of 5`)
	if h.m.list.total != bar {
		t.Fatalf("the bar of 2021 counts %d, its list %d", bar, h.m.list.total)
	}
	h.key("S")
	h.typeText("Bar")
	h.key("enter")
	h.requireMatch(`Saved the search as Bar`)
	h.requireMatch(`SAVED[\s\S]*» Bar\s+1 │`)
	all, _ := store.saved.List()
	if len(all) != 1 || all[0].Filters.From != "2021" || all[0].Filters.To != "2021" || !all[0].Filters.CollapseCopies {
		t.Errorf("saved %+v", all)
	}
}

// With Hide copies saved, a new copy dated before the piece the search
// had is not new either: it stands for the group in the list now, and the
// group was seen (a review: "1 new" of a 1989 copy of a text of 1990 the
// search already had). On a real index.
func TestSavedEarlierCopyIsNotNewWithHideCopies(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	var b strings.Builder
	x := uint32(13)
	for range 150 {
		x = x*1664525 + 1013904223
		b.WriteString(words[(x>>16)%uint32(len(words))] + " ")
	}
	write := func(name, head, body string) {
		t.Helper()
		p := filepath.Join(arch, name)
		if err := os.WriteFile(p, []byte("---\n"+head+"\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Second)
		os.Chtimes(p, later, later)
	}
	write("a1.md", "title: First\ndate: 1990-01-31\noutlet: X", b.String())
	write("c.md", "title: Other\ndate: 1991-01-02\noutlet: X", "nothing in common here")
	store := newStateSaved(t, arch)
	opts, ix := liveIndexOptions(t, arch)
	opts.Saved = store
	if _, err := store.Add(SavedSearch{Name: "col", CollapseCopies: true}, ix.IndexTime()); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`SAVED[\s\S]*col\s+2 │`)

	write("a0.md", "title: First, before\ndate: 1989-01-10\noutlet: Prior Post", b.String())
	write("d.md", "title: New\ndate: 1992-02-02\noutlet: X", "a piece of its own")
	h.key("R")
	if g := ix.Copies("a0"); len(g) != 2 || g[0].ID != "a0" {
		t.Fatalf("copies of a0: %+v", g)
	}
	h.requireMatch(`col\s+3 · 1 new │`)
}

// An S that cannot save (years that are not one span) opens the prompt
// all the same and says why on it: the name typed after S goes into the
// prompt (a helper's report: the prompt did not open, the name ran as
// keys and its q quit the reader), esc closes it and says why again, and
// nothing else has changed. With the real keys, on a real index.
func TestRefusedSaveTakesTheNameTyped(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	for _, y := range []string{"1880", "1950", "1990"} {
		body := "---\ntitle: State of the Union " + y + "\ndate: \"" + y + "\"\nkind: speech\n---\nThe state of the union.\n"
		if err := os.WriteFile(filepath.Join(arch, y+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store := newStateSaved(t, arch)
	opts, _ := liveIndexOptions(t, arch)
	opts.Saved = store
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.key("tab")
	for _, y := range []string{"1880", "1990"} {
		i := entryIndex(h.m.sidebar, groupYears, y, false)
		for n := 0; h.m.sidebar.cursor != i; n++ {
			if i < 0 || n > len(h.m.sidebar.entries) {
				t.Fatalf("j does not reach the year %s (entry %d):\n%s", y, i, h.screen())
			}
			if h.m.sidebar.cursor < i {
				h.key("j")
			} else {
				h.key("k")
			}
		}
		h.key("space")
	}
	h.requireMatch(`2 of 3 · .*year:1880 year:1990`)
	body := func() string {
		lines := strings.Split(h.screen(), "\n")
		return strings.Join(lines[:len(lines)-1], "\n")
	}
	before := body()

	h.key("S")
	h.typeText("quarterly")
	if h.quitSeen() {
		t.Fatal("the q of the name typed after a refused S quit the reader")
	}
	if !h.m.prompt.open || h.m.prompt.input.Value() != "quarterly" {
		t.Fatalf("the name did not go into the prompt: open %v, %q", h.m.prompt.open, h.m.prompt.input.Value())
	}
	h.requireMatch(`Save the search as: quarterly\s+cannot save: the years chosen are not one span`)
	h.key("esc")
	if h.m.prompt.open {
		t.Fatal("esc did not close the prompt")
	}
	h.requireMatch(`Cannot save this search: the years chosen are not one span`)
	if got := body(); got != before {
		t.Errorf("the keys typed changed the screen:\n%s\nwas:\n%s", got, before)
	}
	if h.m.focus != paneSidebar || h.m.search.value() != "" {
		t.Errorf("focus %v, query %q", h.m.focus, h.m.search.value())
	}

	// enter says why too, and saves nothing
	h.key("S")
	h.typeText("quarterly")
	h.key("enter")
	h.requireMatch(`Cannot save this search: the years chosen are not one span`)
	if h.m.prompt.open || h.quitSeen() {
		t.Fatalf("enter: prompt open %v, quit %v", h.m.prompt.open, h.quitSeen())
	}
	if all, _ := store.saved.List(); len(all) != 0 {
		t.Errorf("saved %+v", all)
	}
}

// Without a config folder, S opens the prompt and says searches are not
// kept here; the name typed goes into it, enter saves nothing (it would
// have called a nil store).
func TestSaveWithoutConfigFolderTakesTheNameTyped(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("S")
	h.typeText("quarterly")
	if h.quitSeen() || h.m.prompt.input.Value() != "quarterly" {
		t.Fatalf("quit %v, prompt %q", h.quitSeen(), h.m.prompt.input.Value())
	}
	h.requireMatch(`Save the search as: quarterly\s+saved searches are not kept here \(no config folder\) \(esc\)`)
	h.key("enter")
	h.requireMatch(`Saved searches are not kept here \(no config folder\)`)
	if h.m.prompt.open {
		t.Fatal("enter left the prompt open")
	}
}

// Opening a saved search with something new marks the new pieces' rows
// "new" in the list, as many as its "N new" counted (they were counted
// in the sidebar and the status line, but no row said which: a helper's
// report), and the marks stay while its results are sorted again, until
// the query or the filters change. On a real index and real files.
func TestOpenedSavedSearchMarksItsNewPieces(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	store := newStateSaved(t, arch)
	opts, _ := liveIndexOptions(t, arch)
	opts.Saved = store
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	saveISIS(h, `2 of 2`)
	if strings.Contains(h.screen(), newMark+" · ") {
		t.Fatalf("a row is marked new before anything is:\n%s", h.screen())
	}

	writeTestPiece(t, arch, "three", "Raqqa again", "isis")
	writeTestPiece(t, arch, "four", "Aleppo", "syria")
	h.key("R")
	h.requireMatch(`» ISIS\s+3 · 1 new │`)
	h.key("x")
	h.requireMatch(`4 of 4`)
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupSaved, "ISIS", false))
	h.key("enter")
	h.requireMatch(`Opened ISIS: 1 new since last time, marked new in the list`)
	h.requireMatch(`3 of 4 · .*tag:isis`)
	h.requireMatch(`» ISIS\s+3 │`) // opened: the group has nothing new now
	marked := func() []string {
		var rows []string
		lines := strings.Split(h.screen(), "\n")
		for i, l := range lines {
			if strings.Contains(l, newMark+" · 2019-03-04") {
				rows = append(rows, strings.TrimSpace(strings.Trim(strings.SplitN(lines[i-1], "│", 2)[1], " ▌")))
			}
		}
		return rows
	}
	if got := marked(); len(got) != 1 || got[0] != "Raqqa again" {
		t.Fatalf("rows marked new: %q\n%s", got, h.screen())
	}
	h.key("s") // sorted again: the same search
	h.requireMatch(`Sorted by`)
	if got := marked(); len(got) != 1 || got[0] != "Raqqa again" {
		t.Fatalf("after s, rows marked new: %q\n%s", got, h.screen())
	}
	h.key("x") // the filters change: another search
	h.requireMatch(`4 of 4`)
	if got := marked(); len(got) != 0 {
		t.Fatalf("after x, rows marked new: %q\n%s", got, h.screen())
	}
}

// While a saved search is open, its rows marked new are the pieces new
// since the opening before this one: a piece come while it is open is
// marked too (it is new since then), while the SAVED group counts from
// this opening and says "1 new" of it alone. Opening it again starts the
// marks anew: with 1 new, that piece alone; with nothing new, none (a
// helper's report: the marks were replaced only when something was new,
// so the last opening's stayed while saved run --new listed nothing, and
// a piece come while it was open was not marked). On a real index.
func TestOpenedSavedSearchMarksFollowTheOpenings(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	store := newStateSaved(t, arch)
	opts, _ := liveIndexOptions(t, arch)
	opts.Saved = store
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	saveISIS(h, `1 of 1`)
	marked := func() []string {
		var rows []string
		lines := strings.Split(h.screen(), "\n")
		for i, l := range lines {
			if strings.Contains(l, newMark+" · 2019-03-04") {
				rows = append(rows, strings.TrimSpace(strings.Trim(strings.SplitN(lines[i-1], "│", 2)[1], " ▌")))
			}
		}
		slices.Sort(rows)
		return rows
	}
	want := func(when string, titles ...string) {
		t.Helper()
		if got := marked(); !slices.Equal(got, titles) {
			t.Fatalf("%s, rows marked new: %q, want %q\n%s", when, got, titles, h.screen())
		}
	}
	open := func() {
		t.Helper()
		if h.m.focus != paneSidebar {
			h.key("tab")
		}
		h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupSaved, "ISIS", false)) // from its own results, as a person would
		h.key("enter")
		h.requireMatch(`Opened ISIS`)
	}

	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	writeTestPiece(t, arch, "three", "Raqqa again", "isis")
	h.key("R")
	h.requireMatch(`» ISIS\s+3 · 2 new │`)
	open()
	h.requireMatch(`Opened ISIS: 2 new since last time, marked new in the list`)
	want("opened with 2 new", "Mosul falls", "Raqqa again")

	// (a) a piece comes while it is open
	writeTestPiece(t, arch, "four", "Aleppo", "isis")
	h.key("R")
	h.requireMatch(`» ISIS\s+4 · 1 new │`)
	h.requireMatch(`4 of 4 · .*tag:isis`)
	want("a piece come while open", "Aleppo", "Mosul falls", "Raqqa again")

	// (b) opened again: what is new since the last opening alone
	open()
	h.requireMatch(`Opened ISIS: 1 new since last time, marked new in the list`)
	want("opened again with 1 new", "Aleppo")
	open()
	h.requireMatch(`(?m)Opened ISIS(\s|$)`)
	if strings.Contains(h.screen(), "new since last time") {
		t.Fatalf("opened with nothing new says something is:\n%s", h.screen())
	}
	want("opened again with nothing new")
}

// A saved search of starred or unread pieces counts the marks as they
// change: SAVED kept "StarOnly 1" after a second star while READING said
// 2, until R (an attack, 41j).
func TestSavedCountsFollowMarks(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	writeTestPiece(t, arch, "three", "Raqqa rebuilt", "syria")
	store := newStateSaved(t, arch)
	for _, s := range []state.Search{
		{Name: "StarOnly", Filters: state.Filters{Starred: true}},
		{Name: "UnreadOnly", Filters: state.Filters{Unread: true}},
	} {
		if _, err := store.saved.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	opts, _ := liveIndexOptions(t, arch)
	opts.Saved = store
	stateDir := t.TempDir()
	opts.OpenState = func() (ReadingState, error) { return state.Open("marks", stateDir) }
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openStateCmd(opts.OpenState))
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`» StarOnly\s+0 │[\s\S]*» UnreadOnly\s+3 │`)
	h.key("*")
	h.requireMatch(`» StarOnly\s+1 │`)
	h.key("j", "*")
	h.requireMatch(`» StarOnly\s+2 │`)
	h.key("enter", "esc") // opened: read
	h.requireMatch(`» UnreadOnly\s+2 │`)
}
