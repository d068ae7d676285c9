package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
	"github.com/spf13/cobra"
)

// outletArchive writes an archive whose outlets share words (three
// Telegraphs, two New Yorks, a Times), over several years, kinds and date
// precisions, some pieces with no outlet.
func outletArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	outlets := []string{"The Telegraph", "The Sunday Telegraph", "Daily Telegraph", "The New York Times", "New York Post", "The Times", "Sky News", ""}
	kinds := []string{"article", "interview", "speech"}
	tags := []string{"mi5", "isis", "prisons", "china", "europe"}
	authors := []string{"Ann Smith", "Ann Smith, Bob Jones", "Bob Jones", "Robert Smith-Jones", ""}
	for i := range 48 {
		date := fmt.Sprintf("%d-%02d-%02d", 2014+i%5, 1+i%12, 1+i%27)
		switch i % 4 {
		case 1:
			date = date[:7]
		case 2:
			date = date[:4]
		}
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\ntitle: \"Piece %d\"\ndate: %q\nauthors: [%s]\nkind: %s\ntags: [%s, %s]\n",
			i, date, authors[i%len(authors)], kinds[i%3], tags[i%5], tags[(i/5)%5])
		if o := outlets[i%len(outlets)]; o != "" {
			fmt.Fprintf(&fm, "outlet: %q\n", o)
		}
		fm.WriteString("---\n\nA piece about terror and prisons.\n")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%02d.md", i)), []byte(fm.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFiltersCountTheSameEverywhere runs folio list, folio search ” and
// folio stats with random combinations of the same filters (outlet names
// and words of them, tags and kinds in any case, dates, Reading filters) and
// asserts that they count the same pieces, and that stats' counts are the
// search's facet counts.
func TestFiltersCountTheSameEverywhere(t *testing.T) {
	t.Setenv("FOLIO_ARCHIVE", "")
	// stats reads the index a few pieces at a time: the pages must join
	old := indexPage
	indexPage = 7
	t.Cleanup(func() { indexPage = old })
	stateHome := t.TempDir()
	t.Setenv("XDG_STATE_HOME", stateHome)
	indexDir := t.TempDir()
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 3))
	t.Logf("seed %d", seed)
	for _, dir := range []string{"", outletArchive(t)} {
		name, fsys, err := archive.Source(dir)
		if err != nil {
			t.Fatal(err)
		}
		arch, _ := archive.Load(fsys)
		st, _ := state.Open(name, "")
		for _, a := range arch.Articles {
			if r.IntN(3) == 0 {
				st.ToggleRead(a.ID)
			}
			if r.IntN(4) == 0 {
				st.ToggleStar(a.ID)
			}
		}
		if err := st.Save(); err != nil {
			t.Fatal(err)
		}
		folio := func(args ...string) string {
			t.Helper()
			var out, errb bytes.Buffer
			root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
			root.SetArgs(append([]string{"--index-dir", indexDir, "--archive", dir}, args...))
			if err := root.Execute(); err != nil {
				t.Fatalf("folio %q: %v\n%s", args, err, errb.String())
			}
			return out.String()
		}
		outlets := []string{"telegraph", "The Telegraph", "new york", "NEW YORK TIMES", "times", "sky", "financial times", "rusi", "Evening Standard", "nowhere"}
		authors := []string{"Ann Smith", "ann", "smith", "jones", "Bob Jones", "Raffaello Pantucci", "nobody"}
		tags := []string{"MI5", "isis", "china", "counter-terrorism", "prisons", "Europe", "uk-china-relations"}
		kinds := []string{"Interview", "article", "speech"}
		dates := []string{"2014", "2016-03", "2017-06", "2017-09-16", "2018-01-05"}
		for round := range 25 {
			var args []string
			add := func(flag string, from []string, most int) (n int) {
				for range r.IntN(most + 1) {
					args = append(args, flag, from[r.IntN(len(from))])
					n++
				}
				return n
			}
			nOutlets, nTags, nKinds := add("--outlet", outlets, 2), add("--tag", tags, 2), add("--kind", kinds, 1)
			nAuthors := add("--author", authors, 2)
			// a range some piece can be in (one that none can is refused:
			// TestEmptyDateRangeRefused)
			from := -1
			if r.IntN(2) == 0 {
				from = r.IntN(len(dates))
				args = append(args, "--from", dates[from])
			}
			to := false
			if r.IntN(2) == 0 {
				lo := max(from, 0)
				args = append(args, "--to", dates[lo+r.IntN(len(dates)-lo)])
				to = true
			}
			if (from >= 0 || to) && r.IntN(2) == 0 {
				args = append(args, "--within") // the dates wholly in the range
			}
			if r.IntN(4) == 0 {
				args = append(args, "--starred")
			}
			if r.IntN(4) == 0 {
				args = append(args, "--unread")
			}
			if round == 0 {
				args = nil // every piece: the index's order, paged
			}
			where := fmt.Sprintf("archive %q, seed %d, round %d: %q", dir, seed, round, args)

			var listed []articleJSON
			l0 := keptFromTheIndex.Load()
			if err := json.Unmarshal([]byte(folio(append([]string{"list", "--json"}, args...)...)), &listed); err != nil {
				t.Fatalf("%s: list: %v", where, err)
			}
			if keptFromTheIndex.Load() != l0+1 {
				t.Fatalf("%s: list read the files, not the index", where)
			}
			// list reads the index: the files, read with the same filters,
			// give the same pieces, every field, in the same order
			if fromFiles := listedFromFiles(t, dir, args); !reflect.DeepEqual(listed, fromFiles) {
				t.Fatalf("%s: list from the index:\n%+v\nfrom the files:\n%+v", where, listed, fromFiles)
			}
			var found resultsJSON
			if err := json.Unmarshal([]byte(folio(append([]string{"search", "", "--json", "--limit", "1000"}, args...)...)), &found); err != nil {
				t.Fatalf("%s: search: %v", where, err)
			}
			var stats archiveStats
			n0 := keptFromTheIndex.Load()
			if err := json.Unmarshal([]byte(folio(append([]string{"stats", "--json"}, args...)...)), &stats); err != nil {
				t.Fatalf("%s: stats: %v", where, err)
			}
			if keptFromTheIndex.Load() != n0+1 {
				t.Fatalf("%s: stats read the files, not the index", where)
			}
			if len(listed) != found.Total || stats.Pieces != found.Total || len(found.Hits) != found.Total {
				t.Fatalf("%s: list %d, search %d (%d hits), stats %d", where, len(listed), found.Total, len(found.Hits), stats.Pieces)
			}
			// stats reads the index; the pieces list reads from the
			// files, counted here, are counted the same, bar for bar
			byID := map[string]archive.Article{}
			for _, a := range arch.Articles {
				byID[a.ID] = a
			}
			var kept []archive.Article
			for _, a := range listed {
				kept = append(kept, byID[a.ID])
			}
			if want := computeStats(name, kept, namesOf(computeStats(name, arch.Articles, nil))); !reflect.DeepEqual(stats, want) {
				t.Fatalf("%s: stats from the index:\n%+v\nfrom the files:\n%+v", where, stats, want)
			}
			ids := map[string]bool{}
			for _, a := range listed {
				ids[a.ID] = true
			}
			for _, h := range found.Hits {
				if !ids[h.ID] {
					t.Fatalf("%s: search finds %s, list does not list it", where, h.ID)
				}
			}
			if found.Total == 0 {
				continue
			}
			// stats counts the pieces kept; a facet counts what choosing
			// its value would keep: the same for a field without a filter,
			// and for the values picked in a field with one (not for tags,
			// where a piece kept for one tag also counts under its others).
			asMap := func(cs []count) map[string]int {
				m := map[string]int{}
				for _, c := range cs { // "(no outlet)" and "(no author)" too, since schema 40
					m[c.Key] = c.Count
				}
				return m
			}
			compare := func(field string, stat map[string]int, facet map[string]int, filtered bool) {
				if filtered {
					for k, n := range stat {
						if facet[k] != n {
							t.Fatalf("%s: stats counts %s %q as %d, the search's facet %d", where, field, k, n, facet[k])
						}
					}
					return
				}
				if !maps.Equal(stat, facet) {
					t.Fatalf("%s: %s: stats %v, search facets %v", where, field, stat, facet)
				}
			}
			compare("outlets", asMap(stats.Outlets), found.Facets["outlets"], nOutlets > 0)
			if nTags == 0 {
				compare("tags", asMap(stats.Tags), found.Facets["tags"], false)
			}
			if nAuthors == 0 {
				// (a piece kept for one author also counts under its others, as for tags)
				compare("authors", asMap(stats.Authors), found.Facets["authors"], false)
			}
			compare("kinds", asMap(stats.Kinds), found.Facets["kinds"], nKinds > 0)
			compare("years", asMap(stats.Years), found.Facets["years"], false)
			compare("months", asMap(stats.Months), found.Facets["months"], false)
		}
	}
}

// TestWithinCountsTheMonthsFacet: --within keeps the pieces whose dates
// lie wholly in the range, so a month counts what its facet counts (the
// reader's month chosen on the chart, saved): not the pieces dated only to
// its year, which --from/--to alone keep (their year overlaps the month).
func TestWithinCountsTheMonthsFacet(t *testing.T) {
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	// saved searches are kept in the config folder: one of the test's own,
	// or a second run in the process (go test -count=2) found "sept"
	// saved by the first
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	for name, date := range map[string]string{"day": "2017-09-14", "month": "2017-09", "year": "2017", "other": "2017-10-02", "edge": "2017-08-31"} {
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte("---\ntitle: "+name+"\ndate: "+date+"\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	indexDir := t.TempDir()
	folio := func(args ...string) (string, string, error) {
		var out, errb bytes.Buffer
		root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
		root.SetArgs(append([]string{"--index-dir", indexDir, "--archive", dir}, args...))
		err := root.Execute()
		return out.String(), errb.String(), err
	}
	ids := func(args ...string) []string {
		t.Helper()
		out, errs, err := folio(append([]string{"search", "", "--json"}, args...)...)
		if err != nil {
			t.Fatalf("%q: %v\n%s", args, err, errs)
		}
		var found resultsJSON
		if err := json.Unmarshal([]byte(out), &found); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range found.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if sept := found.Facets["months"]["2017-09"]; len(args) > 4 && len(got) != sept {
			t.Errorf("%q: %d pieces, the month's facet %d", args, len(got), sept)
		}
		return got
	}
	if got := ids("--from", "2017-09", "--to", "2017-09"); !slices.Equal(got, []string{"day", "month", "year"}) {
		t.Errorf("overlapping September: %q", got)
	}
	if got := ids("--from", "2017-09", "--to", "2017-09", "--within"); !slices.Equal(got, []string{"day", "month"}) {
		t.Errorf("within September: %q", got)
	}
	if got := ids("--from", "2017-09-14", "--within"); !slices.Equal(got, []string{"day", "other"}) {
		t.Errorf("within from the 14th: %q", got)
	}
	if got := ids("--to", "2017", "--within"); len(got) != 5 {
		t.Errorf("within to 2017: %q", got)
	}
	// trends within a month: no row of the pieces dated only to its year,
	// which cannot be within it (a review: "2017 (year only) 0")
	if out, errs, err := folio("trends", "", "--from", "2017-09", "--to", "2017-09", "--within", "--by", "month"); err != nil || strings.Contains(out, "year only") || !strings.Contains(out, "2017-09") {
		t.Errorf("trends within September: %v %s\n%s", err, errs, out)
	}
	if out, _, _ := folio("trends", "", "--from", "2017", "--to", "2017", "--within", "--by", "month"); !strings.Contains(out, "year only") {
		t.Errorf("trends within 2017 leaves out the year-only row:\n%s", out)
	}
	if _, errs, err := folio("search", "x", "--within"); err == nil || !strings.Contains(errs+err.Error(), "--within needs --from or --to") {
		t.Errorf("--within alone: %v %s", err, errs)
	}
	// saved with --within, run and listed as it was saved
	if _, errs, err := folio("saved", "add", "sept", "", "--from", "2017-09", "--to", "2017-09", "--within"); err != nil {
		t.Fatalf("saved add: %v %s", err, errs)
	}
	out, errs, err := folio("saved", "list")
	if err != nil || !strings.Contains(out, "--from 2017-09 --to 2017-09 --within") {
		t.Errorf("saved list: %v %s\n%s", err, errs, out)
	}
}

// TestStatsKeepLongValuesWhole: the index holds a tag or an outlet cut to
// 255 bytes; folio stats counts them as the files spell them, whole.
func TestStatsKeepLongValuesWhole(t *testing.T) {
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	long := strings.Repeat("é", 200) // 400 bytes
	for i, fm := range []string{
		"tags: [short, \"" + long + "-tag\"]\noutlet: Sky",
		"tags: [short]\noutlet: \"" + long + " outlet\"",
		"tags: [short]\noutlet: Sky",
	} {
		text := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-0%d-01\n%s\n---\n\nWords.\n", i, i+1, fm)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
	root.SetArgs([]string{"--index-dir", t.TempDir(), "--archive", dir, "stats", "--json"})
	if err := root.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	var st archiveStats
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatal(err)
	}
	has := func(cs []count, key string, n int) bool {
		return slices.Contains(cs, count{key, n})
	}
	if st.Pieces != 3 || !has(st.Tags, long+"-tag", 1) || !has(st.Tags, "short", 3) ||
		!has(st.Outlets, long+" outlet", 1) || !has(st.Outlets, "Sky", 2) {
		t.Errorf("stats: %+v", st)
	}
}

// listedFromFiles is what folio list --json ARGS prints of the archive in
// dir read from its files (keptFromFiles), whatever the index holds.
func listedFromFiles(t *testing.T, dir string, args []string) []articleJSON {
	t.Helper()
	var ff filterFlags
	fenv := &Env{ArchiveDir: dir, Out: io.Discard, Err: io.Discard}
	fcmd := &cobra.Command{}
	ff.add(fcmd, fenv)
	if err := fcmd.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	files, err := keptFromFiles(fenv, ff, stateOnce(fenv))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]articleJSON, 0, len(files.keep))
	for _, a := range files.keep {
		out = append(out, toJSON(a))
	}
	return out
}

// TestListAndStatsOfCutPiecesAreTheFiles: where the index holds a value
// cut (a title past the word limit, an author cut to 255 bytes) or would
// compare a filter's value cut, list and stats print what the files say.
func TestListAndStatsOfCutPiecesAreTheFiles(t *testing.T) {
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	longAuthor := strings.Repeat("x", 300) + " Smith"
	longTag := strings.Repeat("t", 255)
	for i, fm := range []string{
		"title: \"" + strings.Repeat("a ", 70000) + "\"",
		"title: Long author\nauthors: [\"" + longAuthor + "\", Ann]",
		"title: Long tag\ntags: [\"" + longTag + "\"]",
		"title: Plain\nauthors: [Ann]",
	} {
		text := fmt.Sprintf("---\n%s\ndate: 2017-0%d-01\n---\n\nWords.\n", fm, i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := t.TempDir()
	for _, args := range [][]string{{}, {"--author", "smith"}, {"--author", longAuthor}, {"--tag", longTag + "ttt"}, {"--tag", longTag}} {
		var out, errb bytes.Buffer
		root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
		root.SetArgs(append([]string{"--index-dir", idx, "--archive", dir, "list", "--json"}, args...))
		if err := root.Execute(); err != nil {
			t.Fatalf("%q: %v\n%s", args, err, errb.String())
		}
		want := listedFromFiles(t, dir, args)
		var got []articleJSON
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("list %q: %d pieces from the command, %d from the files", args, len(got), len(want))
		}
		if len(args) > 0 && args[1] == "smith" && len(want) != 1 {
			t.Errorf("--author smith: the files give %d pieces: the test tells nothing", len(want))
		}
	}
}

// The outlet filter matches by the outlet's name or words of it in a row,
// in list as in search (it matched only whole names in list).
func TestListOutletByWords(t *testing.T) {
	for _, c := range []struct {
		outlet string
		want   int
	}{{"telegraph", 3}, {"The Telegraph", 3}, {"THE TELEGRAPH", 3}, {"financial times", 2}, {"times", 4}, {"york times", 2}, {"graph", 0}} {
		out, _, code := runBundled(t, "list", "--json", "--outlet", c.outlet)
		var pieces []articleJSON
		if err := json.Unmarshal([]byte(out), &pieces); code != 0 || err != nil {
			t.Fatalf("list --outlet %q: exit %d, %v", c.outlet, code, err)
		}
		if len(pieces) != c.want {
			t.Errorf("list --outlet %q: %d pieces, want %d", c.outlet, len(pieces), c.want)
		}
	}
}

// --author matches as --outlet does (a name, or words of it in a row), in
// list and in search alike, and stats counts the authors.
func TestAuthorFilter(t *testing.T) {
	t.Setenv("FOLIO_ARCHIVE", "")
	dir := outletArchive(t)
	idx := t.TempDir()
	for _, c := range []struct {
		author string
		want   int
	}{{"Ann Smith", 20}, {"ann smith", 20}, {"smith", 29}, {"jones", 29}, {"Bob", 20}, {"Smith Jones", 9}, {"nobody", 0}} {
		var counts []int
		for _, args := range [][]string{{"list", "--json"}, {"search", "", "--json", "--limit", "1000"}} {
			out, errOut, code := run(t, append([]string{"--index-dir", idx, "--archive", dir}, append(args, "--author", c.author)...)...)
			if code != 0 {
				t.Fatalf("%q --author %q: exit %d: %s", args, c.author, code, errOut)
			}
			if args[0] == "list" {
				var pieces []articleJSON
				if err := json.Unmarshal([]byte(out), &pieces); err != nil {
					t.Fatal(err)
				}
				counts = append(counts, len(pieces))
			} else {
				var res resultsJSON
				if err := json.Unmarshal([]byte(out), &res); err != nil {
					t.Fatal(err)
				}
				counts = append(counts, res.Total)
			}
		}
		if counts[0] != c.want || counts[1] != c.want {
			t.Errorf("--author %q: list %d, search %d; want %d", c.author, counts[0], counts[1], c.want)
		}
	}
	out, _, _ := run(t, "--archive", dir, "stats", "--json")
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range st.Authors {
		got[c.Key] = c.Count
	}
	want := map[string]int{"Ann Smith": 20, "Bob Jones": 20, "Robert Smith-Jones": 9, "(no author)": 9}
	if !maps.Equal(got, want) {
		t.Errorf("stats authors %v, want %v", got, want)
	}
	text, _, _ := run(t, "--archive", dir, "stats")
	if !strings.Contains(text, "\nAuthor\n  Ann Smith ") {
		t.Errorf("stats text has no Author section:\n%s", text)
	}
}

// Completion offers the archive's tags, outlets and authors for --tag,
// --outlet and --author, the most frequent first, (no author) and (no
// outlet) among them.
func TestFilterFlagsComplete(t *testing.T) {
	dir := outletArchive(t)
	for _, c := range []struct {
		cmd, flag, prefix, want string
	}{
		{"list", "--author", "", "Ann Smith\t20\nBob Jones\t20\n(no author)\t9\nRobert Smith-Jones\t9\n"},
		{"search", "--author", "rob", "Robert Smith-Jones\t9\n"},
		{"stats", "--outlet", "the s", "The Sunday Telegraph\t6\n"},
		{"list", "--tag", "pri", "prisons\t"},
	} {
		args := []string{"--archive", dir, "__complete", c.cmd}
		if c.cmd == "search" {
			args = append(args, "x")
		}
		out, _, code := run(t, append(args, c.flag, c.prefix)...)
		if code != 0 || !strings.HasPrefix(out, c.want) {
			t.Errorf("completing %s %s %q: exit %d\n%s", c.cmd, c.flag, c.prefix, code, out)
		}
	}
}

// TestCompletionReadsACurrentIndex: completing ids and filter values reads
// the archive's index when it is current and finds what the files give;
// without an index, or with one the archive has moved past, the files.
func TestCompletionReadsACurrentIndex(t *testing.T) {
	dir := outletArchive(t)
	idx := t.TempDir()
	// files read within index.RacyWindow of their writing (all of a fresh
	// archive's) are read again at the next check: indexed again until a
	// run finds every one settled, and the index current
	for runs := 1; ; runs++ {
		out, errOut, code := run(t, "--archive", dir, "--index-dir", idx, "index")
		if code != 0 {
			t.Fatal(errOut)
		}
		if strings.Contains(out+errOut, "unchanged:") {
			break
		}
		if runs == 10000 {
			t.Fatalf("the index never found the archive unchanged: %s%s", out, errOut)
		}
	}
	complete := func(index string, args ...string) (string, int64) {
		t.Helper()
		n0 := completionFromTheIndex.Load()
		out, errOut, code := run(t, append([]string{"--archive", dir, "--index-dir", index, "__complete"}, args...)...)
		if code != 0 {
			t.Fatalf("completing %q: %d %s", args, code, errOut)
		}
		return out, completionFromTheIndex.Load() - n0
	}
	cases := [][]string{{"show", ""}, {"cite", "p1"}, {"list", "--author", ""}, {"stats", "--outlet", "the"}, {"list", "--tag", ""}, {"list", "--kind", ""}}
	for _, args := range cases {
		fromIndex, n := complete(idx, args...)
		fromFiles, m := complete(t.TempDir(), args...)
		if n != 1 || m != 0 {
			t.Fatalf("completing %q: %d from the index, then %d without one", args, n, m)
		}
		if fromIndex != fromFiles || strings.Count(fromFiles, "\n") < 3 {
			t.Errorf("completing %q from the index:\n%s\nfrom the files:\n%s", args, fromIndex, fromFiles)
		}
	}
	// a piece added since the index was built: the files, which have it
	if err := os.WriteFile(filepath.Join(dir, "p99.md"), []byte("---\ntitle: New\ndate: 2020-01-01\ntags: [newtag]\n---\n\nWords.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, n := complete(idx, "list", "--tag", "new"); n != 0 || !strings.HasPrefix(out, "newtag\t1") {
		t.Errorf("after a piece was added: %d from the index, %q", n, out)
	}
}

// TestStatsMergeCases: folio stats counts an outlet, author, tag or kind
// written in two cases as one row, named as most pieces write it (the
// first in byte order among as many), as the index's facets and the
// sidebar do (a review found The Telegraph and the telegraph apart).
func TestStatsMergeCases(t *testing.T) {
	dir := t.TempDir()
	pieces := []struct{ outlet, author, kind string }{
		{"The Telegraph", "Raffaello Pantucci", "Interview"},
		{"The Telegraph", "Raffaello Pantucci", "interview"},
		{"the telegraph", "raffaello pantucci", "interview"},
		{"RUSI", "Ann Smith", "article"},
		{"rusi", "ann smith", "article"},
	}
	for i, p := range pieces {
		text := fmt.Sprintf("---\ntitle: P%d\ndate: 2017-01-0%d\noutlet: %s\nauthors: [%s]\nkind: %s\n---\nText.\n", i, i+1, p.outlet, p.author, p.kind)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := run(t, "--archive", dir, "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	want := map[string][]count{
		"outlets": {{"The Telegraph", 3}, {"RUSI", 2}},
		"authors": {{"Raffaello Pantucci", 3}, {"Ann Smith", 2}},
		"kinds":   {{"interview", 3}, {"article", 2}},
	}
	got := map[string][]count{"outlets": st.Outlets, "authors": st.Authors, "kinds": st.Kinds}
	for k := range want {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("%s: %v, want %v", k, got[k], want[k])
		}
	}
	// filtered, a group is named as the whole archive names it (as the
	// facets do): the pieces of 2017-01-03 on spell it "the telegraph"
	for _, indexDir := range []string{t.TempDir(), "/proc/no-index-here"} {
		out, errs, code = run(t, "--archive", dir, "--index-dir", indexDir, "stats", "--json", "--from", "2017-01-03")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatal(err)
		}
		if want := []count{{"RUSI", 2}, {"The Telegraph", 1}}; !slices.Equal(st.Outlets, want) {
			t.Errorf("index %s, from 2017-01-03: outlets %v, want %v", indexDir, st.Outlets, want)
		}
	}
}

// The months of folio stats say how many pieces are in no month (dated
// only to the year), as folio trends does; they were left out silently.
func TestStatsSayThePiecesInNoMonth(t *testing.T) {
	dir := t.TempDir()
	for name, date := range map[string]string{"a.md": "2021-02-03", "b.md": "2021", "c.md": "2020-05"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: T "+name+"\ndate: "+date+"\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := run(t, "--archive", dir, "stats")
	if code != 0 || !strings.Contains(out, "2021-02  ") || !strings.Contains(out, "(and 1 piece dated only to the year, in no month)") {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
}

// folio list orders pieces of one date as folio search --sort newest
// does (and the reader's list): by ID (a helper's report: a piece dated
// 2021-01-01 and one dated 2021 came in opposite orders; list broke ties
// by title).
func TestListAndSearchOrderTiesAlike(t *testing.T) {
	dir := t.TempDir()
	for name, fm := range map[string]string{"a.md": "title: Zed\ndate: 2021-01-01", "b.md": "title: Aye\ndate: 2021"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\n"+fm+"\n---\nalpha\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, _, _ := run(t, "--archive", dir, "list")
	search, _, _ := run(t, "--archive", dir, "search", "alpha", "--sort", "newest")
	if !(strings.Index(list, "Zed") < strings.Index(list, "Aye")) || !(strings.Index(search, "Zed") < strings.Index(search, "Aye")) {
		t.Errorf("list:\n%s\nsearch:\n%s", list, search)
	}
}

// folio list and stats count a folder not read apart from files skipped,
// as index, check and the reader do (a review: it was a file skipped).
func TestReportSkippedCountsFoldersApart(t *testing.T) {
	var b bytes.Buffer
	reportSkipped(&b, []archive.Problem{
		{Path: "b", Msg: "cannot read: permission denied", Fatal: true, Unknown: true, Folder: true},
		{Path: "x.md", Msg: "missing date", Fatal: true}, {Path: "x.md", Msg: "bad tags", Fatal: true},
		{Path: "_index.md", Msg: archive.SectionPageMsg, Fatal: true, Quiet: true},
	})
	if got := b.String(); got != "folio: 1 file(s) skipped, 1 folder(s) not read; run folio check for details\n" {
		t.Errorf("got %q", got)
	}
}

// stats --json counts the pieces dated only to the year, which are in no
// month, as the text says (a helper's report: the JSON's months added up
// to fewer pieces, with nothing to tell why).
func TestStatsJSONCountsYearOnly(t *testing.T) {
	dir := t.TempDir()
	for name, date := range map[string]string{"a": "2019", "b": "2019-03-01", "c": "2020-05"} {
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte("---\ntitle: "+name+"\ndate: "+date+"\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := run(t, "--archive", dir, "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	months := 0
	for _, m := range st.Months {
		months += m.Count
	}
	if st.YearOnly != 1 || months+st.YearOnly != st.Pieces {
		t.Errorf("year_only %d, months %d, pieces %d", st.YearOnly, months, st.Pieces)
	}
}

// stats counts a site's undated pages as undated, in no year nor month (a
// review: year 1 and month 0001-01), as trends' "undated" line does.
func TestStatsCountsUndatedPagesApart(t *testing.T) {
	dir := t.TempDir()
	for path, text := range map[string]string{
		"hugo.toml":                   "baseURL = \"https://example.org/\"\n",
		"content/posts/a.md":          "---\ntitle: A\ndate: 2019-03-01\n---\nx\n",
		"content/blog/u.md":           "---\ntags: [x]\n---\nx\n",
		"content/posts/trip/index.md": "Text without front matter.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := run(t, "--archive", dir, "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Pieces != 3 || st.Undated != 2 || len(st.Years) != 1 || st.Years[0].Key != "2019" || len(st.Months) != 1 || st.Months[0].Key != "2019-03" {
		t.Errorf("pieces %d, undated %d, years %v, months %v; want 3, 2, [2019], [2019-03]", st.Pieces, st.Undated, st.Years, st.Months)
	}
	text, _, _ := run(t, "--archive", dir, "stats")
	if !strings.Contains(text, "(and 2 pieces undated, in no year)") || strings.Contains(text, "0001") {
		t.Errorf("the text:\n%s", text)
	}
	// every piece undated: the line has its heading (a helper's report)
	if err := os.Remove(filepath.Join(dir, "content", "posts", "a.md")); err != nil {
		t.Fatal(err)
	}
	text, _, _ = run(t, "--archive", dir, "stats")
	if !strings.Contains(text, "\nYear\n  (2 pieces undated, in no year)\n") {
		t.Errorf("the text of an archive undated whole:\n%s", text)
	}
}

// stats --collapse-copies dates a group of copies as the piece standing
// for it: "2020" standing for a group with a copy of 2020-06 is dated
// only to the year, in no month (an attack found it said so and counted
// under 2020-06 too; it is counted once now, as the list shows it), a
// text of three years once, in the year of its first.
func TestStatsCollapsedYearOnlyIsInNoMonth(t *testing.T) {
	dir := t.TempDir()
	var body, other, third, fourth strings.Builder
	for i := range 200 {
		fmt.Fprintf(&body, "w%03d ", (i*37)%997)
		fmt.Fprintf(&other, "v%03d ", (i*53+7)%991)
		fmt.Fprintf(&third, "u%03d ", (i*71+3)%983)
		fmt.Fprintf(&fourth, "t%03d ", (i*89+5)%977)
	}
	for name, p := range map[string]struct{ date, text string }{
		"B1": {"2020", body.String()}, "B2": {"2020-06-01", body.String()}, // a group in 2020-06
		"C1": {"2021", other.String()}, "C2": {"2021", other.String()}, // a group of the year only
		"S": {"2019", "s"}, "T": {"2019-03-01", "t"},
		// a group of 2018 only and 2017-05: in no month of 2018 (a review:
		// asked once for all its years, it was in a month)
		"D1": {"2018", third.String()}, "D2": {"2017-05-01", third.String()},
		// a text of three years, each the year alone: one piece (a review:
		// counted once a year, 3 of the archive's pieces)
		"E1": {"2014", fourth.String()}, "E2": {"2015", fourth.String()}, "E3": {"2016", fourth.String()},
	} {
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte("---\ntitle: "+name+"\ndate: \""+p.date+"\"\noutlet: O"+name+"\n---\n"+p.text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		collapse               bool
		pieces, yearOnly, june int
	}{{false, 11, 8, 1}, {true, 6, 4, 0}} {
		args := []string{"--archive", dir, "stats", "--json"}
		if c.collapse {
			args = append(args, "--collapse-copies")
		}
		out, errOut, code := run(t, args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var st archiveStats
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatal(err)
		}
		june := 0
		for _, m := range st.Months {
			if m.Key == "2020-06" {
				june = m.Count
			}
		}
		if st.Pieces != c.pieces || st.YearOnly != c.yearOnly || june != c.june {
			t.Errorf("collapse %v: %d pieces, %d year only, 2020-06 %d; want %d, %d, %d", c.collapse, st.Pieces, st.YearOnly, june, c.pieces, c.yearOnly, c.june)
		}
	}
	// search within June does not find the group, a text of 2020 by its
	// piece standing for it (archive.CollapseCopiesIn), as stats' 2020-06
	// does not count it; June overlapping finds it, dated to the year
	for _, c := range []struct {
		within string
		want   int
	}{{"--within", 0}, {"--within=false", 1}} {
		out, _, _ := run(t, "--archive", dir, "search", "", "--collapse-copies", "--from", "2020-06", "--to", "2020-06", c.within, "--json", "--limit", "0")
		var res struct{ Total int }
		if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total != c.want {
			t.Errorf("search of 2020-06 %s: %d (%v), want %d", c.within, res.Total, err, c.want)
		}
	}
}

// stats --collapse-copies dates a group as the piece standing for it,
// the one the list shows: its years, months, year only and undated are
// the list's rows of each (a review: a group dated 2020-06 with an undated
// copy was counted undated, stats saying 2 undated where the list showed
// 1 and the chart's legend said 1). search's years, a facet, count them
// so too, as choosing undated finds them (archive.CollapseCopiesIn).
func TestStatsCollapsedDatesAreTheListed(t *testing.T) {
	dir := t.TempDir()
	var alpha, beta strings.Builder
	for i := range 200 {
		fmt.Fprintf(&alpha, "w%03d ", (i*37)%997)
		fmt.Fprintf(&beta, "v%03d ", (i*53+7)%991)
	}
	page := func(title, date, outlet, text string) string {
		if date != "" {
			date = "date: " + date + "\n"
		}
		return "---\ntitle: " + title + "\n" + date + "outlet: " + outlet + "\n---\n" + text + "\n"
	}
	for path, text := range map[string]string{
		"hugo.toml":           "baseURL = \"https://example.org/\"\n",
		"content/posts/a1.md": page("Alpha", "", "OA1", alpha.String()),
		"content/posts/a2.md": page("Alpha", "2020-06-01", "OA2", alpha.String()),
		"content/posts/b1.md": page("Beta", "2019-03-01", "OB1", beta.String()),
		"content/posts/b2.md": page("Beta", "", "OB2", beta.String()),
		"content/posts/c.md":  page("C", "", "OC", "c"),
		"content/posts/d.md":  page("D", "2020", "OD", "d"),
	} {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runIndexed(t, t.TempDir(), "--archive", dir, "search", "", "--collapse-copies", "--json", "--limit", "0")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errOut)
	}
	var res struct {
		Total  int                       `json:"total"`
		Facets map[string]map[string]int `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 || res.Facets["years"]["undated"] != 1 {
		t.Fatalf("search --collapse-copies: %d pieces, %d undated; want 4, 1", res.Total, res.Facets["years"]["undated"])
	}
	out, errOut, code = run(t, "--archive", dir, "stats", "--json", "--collapse-copies")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errOut)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = run(t, "--archive", dir, "list", "--json", "--collapse-copies")
	if code != 0 {
		t.Fatalf("list: exit %d: %s", code, errOut)
	}
	var listed []articleJSON
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	years, months, yearOnly, undated := listedPeriods(listed)
	if st.Pieces != len(listed) || st.Undated != undated || st.YearOnly != yearOnly || undated != 1 || yearOnly != 1 ||
		!maps.Equal(countsOf(st.Years), years) || !maps.Equal(countsOf(st.Months), months) {
		t.Errorf("stats --collapse-copies: %d pieces, %d undated, %d year only, years %v, months %v; the list: %d, %d, %d, %v, %v",
			st.Pieces, st.Undated, st.YearOnly, countsOf(st.Years), countsOf(st.Months), len(listed), undated, yearOnly, years, months)
	}
}

// listedPeriods counts the pieces a list printed (--json) by year, by
// month, those dated only to a year and the undated.
func listedPeriods(listed []articleJSON) (years, months map[string]int, yearOnly, undated int) {
	years, months = map[string]int{}, map[string]int{}
	for _, a := range listed {
		switch {
		case a.Date == "":
			undated++
		case a.DatePrecision == "year":
			years[a.Date[:4]]++
			yearOnly++
		default:
			years[a.Date[:4]]++
			months[a.Date[:7]]++
		}
	}
	return years, months, yearOnly, undated
}

// countsOf are a stats table's rows as a map.
func countsOf(cs []count) map[string]int {
	m := make(map[string]int, len(cs))
	for _, c := range cs {
		m[c.Key] = c.Count
	}
	return m
}

// search, trends and terms say the files skipped, as list and stats do,
// on stderr and in --json's notes, from a fresh index and from the cached
// one (49u: an archive whose files were all skipped, a colon in each
// title, searched "0 of 0 hits" with nothing said).
func TestCountingCommandsSaySkippedFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		body := fmt.Sprintf("---\ntitle: Piece %d: about tax\ndate: 2021-01-0%d\n---\nTax text.\n", i, i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.md"), []byte("---\ntitle: Fine\ndate: 2021-02-01\n---\nTax text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const said = "3 file(s) skipped; run folio check for details"
	ixDir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if _, errs, code := runIndexed(t, ixDir, "--archive", dir, "saved", "add", "taxes", "tax"); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		// and what prints search's answer or counts the pieces (49r)
		{"saved", "run", "taxes"}, {"saved", "run", "taxes", "--json"}, {"saved", "list"}, {"dups"},
		{"search", "tax"}, {"search", "tax"}, // fresh, then the cached index
		{"search", "tax", "--json"}, {"search", "tax", "--json"},
		{"trends", "tax", "--by", "year"}, {"trends", "tax", "--json"},
		{"terms", "tax"}, {"terms", "tax", "--json"},
	} {
		out, errs, code := runIndexed(t, ixDir, append([]string{"--archive", dir}, args...)...)
		if code != 0 || !strings.Contains(errs, "folio: "+said) {
			t.Errorf("%v: exit %d, stderr %q, want %q", args, code, errs, said)
		}
		if slices.Contains(args, "--json") {
			var v struct {
				Notes  []string `json:"notes"`
				Trends []struct {
					Notes []string `json:"notes"`
				} `json:"trends"`
			}
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatalf("%v: %v\n%s", args, err, out)
			}
			notes := v.Notes
			for _, tr := range v.Trends {
				notes = append(notes, tr.Notes...)
			}
			if !slices.Contains(notes, said) {
				t.Errorf("%v: notes %q, want %q\n%s", args, notes, said, out)
			}
		}
	}
}
