package index

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// copyBundled writes the bundled archive into a new folder, with a copy of
// its Raqqa piece run a week later by another outlet: a new headline, a
// sentence cut, a line of its own ("Reprinted with permission").
func copyBundled(t *testing.T) (dir, original, copyID string) {
	t.Helper()
	dir = testcorpus.CopyFS(t, archive.Bundled())
	const name = "2017-10-19-raqqa-terror-is-here-to-stay.md"
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	s = strings.Replace(s, `date: "2017-10-19"`, `date: "2017-10-26"`, 1)
	s = strings.Replace(s, "outlet: The Telegraph", "outlet: The Other Paper", 1)
	s = strings.Replace(s, "title: \"", "title: \"Republished: ", 1)
	s = strings.Replace(s, "In some ways this lack of a sudden surge is not surprising.", "", 1)
	s += "\nReprinted with permission.\n"
	if err := os.MkdirAll(filepath.Join(dir, "copies"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "copies", name), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, "2017-10-19-raqqa-terror-is-here-to-stay", "copies/2017-10-19-raqqa-terror-is-here-to-stay"
}

// TestCopiesCollapse: a copy in the archive is grouped with its original
// when the index is built, kept in the manifest's head (a reopen finds it
// without a build) and regrouped when files change; collapsed, each group
// counts once, as its earliest piece that matches.
func TestCopiesCollapse(t *testing.T) {
	src, orig, cp := copyBundled(t)
	cache := t.TempDir()
	ix := openFolder(t, src, cache)
	g := ix.Copies(cp)
	if len(g) != 2 || g[0].ID != orig || g[1].ID != cp || g[0].Why != "" || !strings.Contains(g[1].Why, "alike") {
		t.Fatalf("copies of %s: %+v", cp, g)
	}
	if g[1].Outlet != "The Other Paper" || g[1].Date.String() != "2017-10-26" {
		t.Errorf("copy's outlet and date: %+v", g[1])
	}
	if gs := ix.CopyGroups(); len(gs) != 1 {
		t.Fatalf("groups %+v", gs)
	}
	if ix.Copies("2017-05-31-policy-changes-after-manchester") != nil {
		t.Error("a piece without copies has a group")
	}

	all := run(t, ix, Query{})
	one := run(t, ix, Query{CollapseCopies: true})
	if one.Total != all.Total-1 || slices.Contains(ids(one), cp) || !slices.Contains(ids(one), orig) {
		t.Errorf("collapsed: %d of %d, %v", one.Total, all.Total, ids(one))
	}
	outlet := func(r Results, name string) int {
		for _, v := range r.Facets.Outlets {
			if v.Value == name {
				return v.Count
			}
		}
		return 0
	}
	// a value counts the groups of which a matching piece has it: what
	// its filter finds (the copy is the one piece in The Other Paper)
	if outlet(all, "The Other Paper") != 1 || outlet(one, "The Other Paper") != 1 || outlet(one, "The Telegraph") != outlet(all, "The Telegraph") {
		t.Errorf("outlet counts: all %+v, collapsed %+v", all.Facets.Outlets, one.Facets.Outlets)
	}

	// the chart's totals leave the copies out too
	tr, err := ix.Trend(context.Background(), Query{Text: "Raqqa", CollapseCopies: true}, ByYear)
	if err != nil {
		t.Fatal(err)
	}
	total := tr.Undated.Total
	for _, p := range tr.Points {
		total += p.Total
	}
	if total != ix.Count()-1 {
		t.Errorf("collapsed trend totals %d pieces of %d", total, ix.Count())
	}

	// the distinctive words of the results count each group once too, as
	// the search's results do (Terms read both copies before)
	for _, q := range []Query{{Text: "raqqa", CollapseCopies: true}, {Text: "raqqa"}} {
		r := run(t, ix, q)
		tr, err := ix.Terms(context.Background(), q, TermsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if tr.Results != r.Total || tr.Sample != r.Total {
			t.Errorf("%+v: terms of %d results (%d read), the search finds %d", q, tr.Results, tr.Sample, r.Total)
		}
	}

	// related pieces are other pieces, not the piece's copies
	rel, err := ix.Related(orig, 10)
	if err != nil || len(rel) == 0 || slices.ContainsFunc(rel, func(h Hit) bool { return h.ID == cp }) {
		t.Errorf("related to %s: %v %v", orig, ids(Results{Hits: rel}), err)
	}

	// both match: the earliest stands for the group
	both := run(t, ix, Query{Text: "Raqqa", CollapseCopies: true})
	if slices.Contains(ids(both), cp) || !slices.Contains(ids(both), orig) {
		t.Errorf("raqqa, collapsed: %v", ids(both))
	}
	if n := run(t, ix, Query{Text: "Raqqa"}).Total; both.Total != n-1 {
		t.Errorf("raqqa: %d collapsed, %d not", both.Total, n)
	}
	// only the copy matches: it is a hit
	if got := ids(run(t, ix, Query{Text: "reprinted permission", CollapseCopies: true})); !slices.Equal(got, []string{cp}) {
		t.Errorf("words only the copy has, collapsed: %v", got)
	}
	if got := ids(run(t, ix, Query{Outlets: []string{"The Other Paper"}, CollapseCopies: true})); !slices.Equal(got, []string{cp}) {
		t.Errorf("the copy's outlet, collapsed: %v", got)
	}
	ix.Close()

	// the groups come from the manifest's head when nothing changed
	ix = openCached(t, src, cache)
	if len(ix.Copies(orig)) != 2 {
		t.Errorf("reopened: %+v, copies %+v", ix.Stats(), ix.Copies(orig))
	}
	ix.Close()

	// a second copy, added later, joins the group; the first is regrouped
	// from its kept sketch
	data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(cp)+".md"))
	if err != nil {
		t.Fatal(err)
	}
	second := strings.Replace(string(data), "The Other Paper", "A Third Paper", 1)
	second = strings.Replace(second, `date: "2017-10-26"`, `date: "2017-11-02"`, 1)
	if err := os.WriteFile(filepath.Join(src, "copies", "third.md"), []byte(second), 0o644); err != nil {
		t.Fatal(err)
	}
	ix = openFolder(t, src, cache)
	if ix.Stats().Indexed != 1 {
		t.Errorf("one file added, stats %+v", ix.Stats())
	}
	g = ix.Copies(orig)
	if len(g) != 3 || g[0].ID != orig || g[2].ID != "copies/third" {
		t.Errorf("after adding a second copy: %+v", g)
	}
	ix.Close()

	if err := os.RemoveAll(filepath.Join(src, "copies")); err != nil {
		t.Fatal(err)
	}
	ix = openFolder(t, src, cache)
	defer ix.Close()
	if g := ix.CopyGroups(); len(g) != 0 {
		t.Errorf("copies removed, groups %+v", g)
	}
	if r := run(t, ix, Query{CollapseCopies: true}); r.Total != ix.Count() {
		t.Errorf("no copies: collapsed %d of %d", r.Total, ix.Count())
	}
}

// TestNoCopiesInBundled: the bundled archive (one author, one topic, six
// interview notes from one template) has no copies (SOTU: archive's
// TestRepublishedSOTU).
func TestNoCopiesInBundled(t *testing.T) {
	ix := openBundled(t)
	if g := ix.CopyGroups(); len(g) != 0 {
		t.Errorf("bundled archive: %+v", g)
	}
	if r, err := ix.Search(context.Background(), Query{CollapseCopies: true}); err != nil || r.Total != ix.Count() {
		t.Errorf("collapsed %d of %d, %v", r.Total, ix.Count(), err)
	}
}

// TestCopiesAgreeWithArchive: the index groups the pieces of a folder as
// archive.Republished groups them read from the files (list and stats
// collapse copies with the latter).
func TestCopiesAgreeWithArchive(t *testing.T) {
	src, _, _ := copyBundled(t)
	ix := openFolder(t, src, t.TempDir())
	defer ix.Close()
	arch, _, err := archive.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	var fromFiles, fromIndex [][]string
	for _, g := range archive.Republished(arch.Articles) {
		var ids []string
		for _, c := range g {
			ids = append(ids, arch.Articles[c.Index].ID+" "+c.Why)
		}
		fromFiles = append(fromFiles, ids)
	}
	for _, g := range ix.CopyGroups() {
		var ids []string
		for _, c := range g {
			ids = append(ids, c.ID+" "+c.Why)
		}
		fromIndex = append(fromIndex, ids)
	}
	if len(fromIndex) != 1 || !slices.EqualFunc(fromFiles, fromIndex, slices.Equal) {
		t.Errorf("files %v, index %v", fromFiles, fromIndex)
	}
}

// groupsOf are the groups as ID and reason, for comparisons.
func groupsOf(gs [][]Copy) [][]string {
	var out [][]string
	for _, g := range gs {
		var ids []string
		for _, c := range g {
			ids = append(ids, c.ID+" "+c.Why)
		}
		out = append(out, ids)
	}
	return out
}

func republishedOf(t *testing.T, src string) [][]string {
	t.Helper()
	arch, _, err := archive.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, g := range archive.Republished(arch.Articles) {
		var ids []string
		for _, c := range g {
			ids = append(ids, arch.Articles[c.Index].ID+" "+c.Why)
		}
		out = append(out, ids)
	}
	return out
}

// TestCopiesOfSpilledSketches: a build on disk keeps the sketches it makes
// in a file while it runs (copies.go); its groups are the archive's, the
// file is gone once the manifest is written, the manifest holds every
// sketch as the piece gives it, and an update regroups from them.
func TestCopiesOfSpilledSketches(t *testing.T) {
	src, _, _ := copyBundled(t)
	// more copies: three more pieces run again by another outlet
	n := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Contains(p, "copies") || n == 3 {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), "outlet:") {
			return err
		}
		n++
		s := strings.Replace(string(data), "outlet:", "outlet: Another", 1) + "\nReprinted.\n"
		return os.WriteFile(filepath.Join(src, "copies", "again-"+filepath.Base(p)), []byte(s), 0o644)
	})
	if err != nil || n != 3 {
		t.Fatalf("%d copies made: %v", n, err)
	}
	dir := t.TempDir()
	ix := openFolder(t, src, dir)
	got := groupsOf(ix.CopyGroups())
	ix.Close()
	want := republishedOf(t, src)
	if len(want) < 3 || !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("index %v, files %v", got, want)
	}
	gen := liveGen(t, dir)
	if _, err := os.Stat(filepath.Join(gen, spillName)); !os.IsNotExist(err) {
		t.Errorf("%s left in the generation: %v", spillName, err)
	}
	m, err := readManifest(gen)
	if err == nil {
		err = m.loadFiles()
	}
	if err != nil {
		t.Fatal(err)
	}
	arch, _, err := archive.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*copyEntry{}
	for _, e := range m.Files {
		if e.Indexed {
			byID[e.ID] = e.Copy
		}
	}
	withSketch := 0
	for _, a := range arch.Articles {
		c := byID[a.ID]
		want := copyEntryOf(a)
		if c == nil || !slices.Equal(c.Sketch, want.Sketch) || c.spilled != 0 {
			t.Fatalf("%s: manifest's copy entry %+v, want the sketch of %d bytes it gives", a.ID, c, len(want.Sketch))
		}
		if len(c.Sketch) > 0 {
			withSketch++
		}
	}
	if withSketch < 2*len(want) { // every piece of a group, at least

		t.Fatalf("%d sketches of %d pieces", withSketch, len(arch.Articles))
	}

	// An update reads the other pieces' sketches from the manifest.
	extra := filepath.Join(src, "copies", "new.md")
	os.WriteFile(extra, []byte("---\ntitle: A new piece\ndate: \"2020-01-02\"\n---\n\nWords of its own, none of them copied.\n"), 0o644)
	ix = openFolder(t, src, dir)
	defer ix.Close()
	if ix.Stats().Rebuilt || ix.Stats().Indexed != 1 {
		t.Fatalf("update: %+v", ix.Stats())
	}
	if got := groupsOf(ix.CopyGroups()); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("after an update: index %v, files %v", got, want)
	}
}

// TestCollapsedCountsAcrossCases: collapsed, a group whose copy has its
// original's outlet and tag in another case counts once under the value
// they are shown as, as its filter finds it (a review found it counted
// twice: the copy's value was not the original's to the collapse, and the
// cases were merged after).
func TestCollapsedCountsAcrossCases(t *testing.T) {
	src, _, _ := copyBundled(t)
	p := filepath.Join(src, "copies", "2017-10-19-raqqa-terror-is-here-to-stay.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "outlet: The Other Paper", "outlet: the telegraph", 1)
	s = strings.Replace(s, "tags: [counter-terrorism, isis,", "tags: [counter-terrorism, ISIS,", 1)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, src, t.TempDir())
	t.Cleanup(func() { ix.Close() })
	if len(ix.CopyGroups()) != 1 {
		t.Fatalf("groups: %+v", ix.CopyGroups())
	}
	count := func(vs []FacetValue, v string) int {
		for _, x := range vs {
			if strings.EqualFold(x.Value, v) {
				return x.Count
			}
		}
		return 0
	}
	for _, text := range []string{"raqqa", "terror"} {
		r := run(t, ix, Query{Text: text, CollapseCopies: true})
		byOutlet := run(t, ix, Query{Text: text, CollapseCopies: true, Outlets: []string{"The Telegraph"}})
		if got, want := count(r.Facets.Outlets, "the telegraph"), byOutlet.Total; got != want {
			t.Errorf("%s: outlet The Telegraph counts %d, its filter finds %d (%+v)", text, got, want, r.Facets.Outlets)
		}
		byTag := run(t, ix, Query{Text: text, CollapseCopies: true, Tags: []string{"isis"}})
		if got, want := count(r.Facets.Tags, "isis"), byTag.Total; got != want {
			t.Errorf("%s: tag isis counts %d, its filter finds %d", text, got, want)
		}
	}
}

// Collapsed, a trend counts each group of copies once, in the period of
// the piece search shows for it (the earliest): its points add up to the
// search's total (a helper's report: a group whose copies ran in 2019 and
// 2020 counted in both years, and by week the undated count came out
// negative, the total one short).
func TestCollapsedTrendCountsAGroupOnce(t *testing.T) {
	src := t.TempDir()
	words := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu")
	var body strings.Builder
	for i := range 400 {
		body.WriteString(words[(i*7+i/3)%len(words)] + " ")
	}
	for name, head := range map[string]string{
		"orig.md":  "title: Original story\ndate: 2019-12-30\noutlet: Paper A",
		"copy1.md": "title: Original story\ndate: 2020-01-05\noutlet: Paper B",
		"copy2.md": "title: Another headline\ndate: 2020\noutlet: Paper C",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte("---\n"+head+"\n---\n"+body.String()+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(src, "other.md"), []byte("---\ntitle: Unrelated\ndate: 2020-02-02\n---\nSomething else about zulu.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, src, t.TempDir())
	defer ix.Close()
	if g := ix.Copies("orig"); len(g) != 3 {
		t.Fatalf("copies of orig: %+v", g)
	}
	q := Query{Text: "zulu", CollapseCopies: true}
	if r := run(t, ix, q); r.Total != 2 {
		t.Fatalf("collapsed search: %d hits, want 2", r.Total)
	}
	for _, by := range []Period{ByYear, ByMonth, ByWeek} {
		tr, err := ix.Trend(context.Background(), q, by)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Matched() != 2 || tr.Undated.Count != 0 {
			t.Errorf("by %v: the trend counts %d (undated %d), the search 2", by, tr.Matched(), tr.Undated.Count)
		}
		if by == ByYear {
			for _, p := range tr.Points {
				// 2020's total is the two texts with a piece in it: the
				// group (its copies) and other.md
				want, wantTotal := map[string]int{"2019": 1, "2020": 1}[p.Period], map[string]int{"2019": 1, "2020": 2}[p.Period]
				if p.Count != want || p.Total != wantTotal {
					t.Errorf("%s: %d of %d, want %d of %d", p.Period, p.Count, p.Total, want, wantTotal)
				}
			}
		}
	}
}

// writeCopiesOfTwo writes the archive of an attack: two texts, each run in
// outlet X dated only to 2019 and again in outlet Y in 2021, and a piece
// of its own in X.
func writeCopiesOfTwo(t *testing.T, src string) {
	t.Helper()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	body := func(seed int) string {
		var b strings.Builder
		x := uint32(seed)
		for range 150 {
			x = x*1664525 + 1013904223
			b.WriteString(words[(x>>16)%uint32(len(words))] + " ")
		}
		return b.String()
	}
	b1, b2 := body(1), body(2)
	for name, text := range map[string]string{
		"a1.md": "---\ntitle: First\ndate: \"2019\"\noutlet: X\n---\n" + b1,
		"a2.md": "---\ntitle: First again\ndate: 2021-03-05\noutlet: Y\n---\n" + b1,
		"b1.md": "---\ntitle: Second\ndate: \"2019\"\noutlet: X\n---\n" + b2,
		"b2.md": "---\ntitle: Second again\ndate: 2021-06-01\noutlet: Y\n---\n" + b2,
		"c.md":  "---\ntitle: Other\ndate: 2021-01-02\noutlet: X\n---\nnothing in common here\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A filter that makes a later copy stand for its group: the trend counts
// it in its own period (an attack: --outlet Y found 2 pieces, the trend
// by month 0, by year 2 of a total of 1), and no period's count is more
// than its total.
func TestCollapsedTrendCountsTheCopyAFilterKeeps(t *testing.T) {
	src := t.TempDir()
	writeCopiesOfTwo(t, src)
	ix := openFolder(t, src, t.TempDir())
	if g := ix.Copies("a1"); len(g) != 2 {
		t.Fatalf("copies of a1: %+v", g)
	}
	for _, q := range []Query{
		{Outlets: []string{"Y"}, CollapseCopies: true},
		{CollapseCopies: true},
		{Outlets: []string{"X"}, CollapseCopies: true},
		{Outlets: []string{"Y"}, CollapseCopies: true, From: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)},
	} {
		total := run(t, ix, q).Total
		for _, by := range []Period{ByYear, ByMonth, ByWeek, ByDecade} {
			tr, err := ix.Trend(context.Background(), q, by)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Matched() != total {
				t.Errorf("%+v by %v: the trend counts %d, the search %d", q, by, tr.Matched(), total)
			}
			for _, p := range append(append(tr.Points, tr.Coarser...), tr.Undated) {
				if p.Count > p.Total {
					t.Errorf("%+v by %v: %s counts %d of %d", q, by, p.Period, p.Count, p.Total)
				}
			}
		}
	}
	tr, err := ix.Trend(context.Background(), Query{Outlets: []string{"Y"}, CollapseCopies: true}, ByYear)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, p := range tr.Points {
		got[p.Period] = [2]int{p.Count, p.Total}
	}
	// 2021's total: the two texts run again in it, and c
	if want := map[string][2]int{"2019": {0, 2}, "2020": {0, 0}, "2021": {2, 3}}; !maps.Equal(got, want) {
		t.Errorf("by year: %v, want %v", got, want)
	}
}

// With copies collapsed, Terms scores against the archive collapsed: its
// count is what a search of everything with copies collapsed counts, and a
// word's is the pieces of that archive with it (an attack: the results
// were collapsed and the background not, "against 281 pieces" where search
// said 273).
func TestCollapsedTermsAgainstTheArchiveCollapsed(t *testing.T) {
	src := t.TempDir()
	writeCopiesOfTwo(t, src)
	for i := range 6 {
		text := fmt.Sprintf("---\ntitle: Filler %d\ndate: 2020-0%d-01\noutlet: W\n---\nA filler piece on gardens and roses, number %d.\n", i, i+1, i)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("f%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, src, t.TempDir())
	whole := run(t, ix, Query{CollapseCopies: true}).Total
	if whole != 9 {
		t.Fatalf("the archive collapsed: %d pieces, want 9", whole)
	}
	res, err := ix.Terms(context.Background(), Query{Outlets: []string{"X"}, CollapseCopies: true}, TermsOptions{N: 200})
	if err != nil {
		t.Fatal(err)
	}
	if res.Archive != whole || len(res.Terms) == 0 {
		t.Fatalf("against %d pieces (search: %d), terms %+v", res.Archive, whole, res.Terms)
	}
	// every word and phrase listed is of the two texts' bodies: in a1 and
	// b1 of the archive collapsed (4 pieces with their copies)
	phrases := 0
	for _, term := range res.Terms {
		if term.Phrase {
			phrases++
		}
		if term.InArchive != 2 {
			t.Errorf("%q: in %d pieces of the archive, want 2", term.Term, term.InArchive)
		}
	}
	if phrases == 0 {
		t.Errorf("no phrase listed: %+v", res.Terms)
	}
}

// With copies collapsed a period narrows after the copies are collapsed
// (archive.CollapseCopiesIn): a trend's bar and the search of its period
// count the same pieces (an attack: the reader's chart showed 2021 with 1
// piece, and its filter to 2021 listed 3, the texts of 2019 run again in
// 2021 too).
func TestCollapsedPeriodIsTheBar(t *testing.T) {
	src := t.TempDir()
	writeCopiesOfTwo(t, src)
	ix := openFolder(t, src, t.TempDir())
	for _, base := range []Query{
		{CollapseCopies: true},
		{CollapseCopies: true, Outlets: []string{"Y"}},
		{CollapseCopies: true, Text: "nothing"},
	} {
		for _, by := range []Period{ByYear, ByMonth} {
			tr, err := ix.Trend(context.Background(), base, by)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tr.Points {
				q := base
				if by == ByYear {
					q.Years = []string{p.Period}
				} else {
					q.Months = []string{p.Period}
				}
				if got := run(t, ix, q).Total; got != p.Count {
					t.Errorf("%+v by %v: %s's bar counts %d, its search %d", base, by, p.Period, p.Count, got)
				}
			}
		}
	}
	// 2021 has the texts that first ran in it, however it is asked
	from, to := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, q := range []Query{{CollapseCopies: true, Years: []string{"2021"}}, {CollapseCopies: true, From: from, To: to}} {
		if got := run(t, ix, q).Total; got != 1 {
			t.Errorf("2021 collapsed (%+v): %d, want 1", q, got)
		}
	}
}
