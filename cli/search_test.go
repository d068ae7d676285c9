package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func searchIDs(t *testing.T, args ...string) resultsJSON {
	t.Helper()
	out, errOut, code := run(t, append([]string{"search", "--json", "--limit", "100"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d: %s", args, code, errOut)
	}
	var res resultsJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search --json is not JSON: %v\n%s", err, out)
	}
	return res
}

// searchBundled is searchIDs on the bundled archive with the index built
// once (runBundled).
func searchBundled(t *testing.T, args ...string) resultsJSON {
	t.Helper()
	out, errOut, code := runBundled(t, append([]string{"search", "--json", "--limit", "100"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d: %s", args, code, errOut)
	}
	var res resultsJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search --json is not JSON: %v\n%s", err, out)
	}
	return res
}

func ids(res resultsJSON) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchAcceptance(t *testing.T) {
	if got := searchBundled(t, "raqqa"); len(got.Hits) == 0 || got.Hits[0].ID != "2017-10-19-raqqa-terror-is-here-to-stay" {
		t.Errorf("raqqa: first hit %v, want the Telegraph piece of 2017-10-19", ids(got))
	}
	// "radicalization" finds pieces that say "radicalisation".
	radical := searchBundled(t, "radicalization")
	if len(radical.Hits) == 0 {
		t.Error("radicalization finds nothing")
	}
	british := false
	for _, h := range radical.Hits {
		british = british || strings.Contains(strings.Join(h.Snippets, " "), "«radicalis")
	}
	if !british {
		t.Errorf("radicalization: no hit shows a British spelling: %+v", radical.Hits)
	}
	// "isis" finds pieces that say only "Isil".
	if got := ids(searchBundled(t, "isis")); !slices.Contains(got, "2017-10-19-raqqa-terror-is-here-to-stay") {
		t.Errorf("isis does not find the Isil piece: %v", got)
	}
	all := searchBundled(t, `"foreign fighters"`)
	narrowed := searchBundled(t, `"foreign fighters"`, "--outlet", "The Telegraph")
	if len(narrowed.Hits) == 0 || len(narrowed.Hits) >= len(all.Hits) {
		t.Errorf(`"foreign fighters": %d hits, with --outlet %d`, len(all.Hits), len(narrowed.Hits))
	}
	for _, h := range narrowed.Hits {
		if h.Outlet != "The Telegraph" {
			t.Errorf("--outlet The Telegraph let through %s (%s)", h.ID, h.Outlet)
		}
	}
	// --from 2017-09-01 drops earlier pieces and keeps the September piece known only to the month.
	from := searchBundled(t, "", "--from", "2017-09-01")
	if !slices.Contains(ids(from), "2017-09-parsons-green-low-level-plots") {
		t.Errorf("--from 2017-09-01 lost the month-precision September piece: %v", ids(from))
	}
	for _, h := range from.Hits {
		if h.Date < "2017-09" {
			t.Errorf("--from 2017-09-01 kept %s of %s", h.ID, h.Date)
		}
	}
	if got := searchBundled(t, "", "--tag", "mi5"); got.Total != 2 {
		t.Errorf("'' --tag mi5: %d hits, want the 2 pieces tagged mi5", got.Total)
	}
	if got := searchBundled(t, "nothingmatchesthis"); got.Total != 0 || len(got.Hits) != 0 {
		t.Errorf("no match: %+v", got)
	}
}

// TestSearchFacetsCountTheHits: each facet value's count is the number of
// hits that carry it.
func TestSearchFacetsCountTheHits(t *testing.T) {
	for _, args := range [][]string{{"terrorism"}, {""}, {"isis", "--kind", "article"}, {"threat", "--from", "2017-07"}} {
		res := searchBundled(t, args...)
		if res.Total != len(res.Hits) {
			t.Fatalf("%v: %d of %d hits returned", args, len(res.Hits), res.Total)
		}
		count := map[string]map[string]int{"tags": {}, "outlets": {}, "years": {}}
		for _, h := range res.Hits {
			for _, tag := range h.Tags {
				count["tags"][tag]++
			}
			count["outlets"][h.Outlet]++
			count["years"][h.Date[:4]]++
		}
		for field, want := range count {
			if got := res.Facets[field]; !mapsEqual(got, want) {
				t.Errorf("%v: facet %s = %v, hits carry %v", args, field, got, want)
			}
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSearchMalformedQueriesNeverFail(t *testing.T) {
	for _, q := range []string{`"unbalanced`, "-", "tag:", "OR", "((", "*", "~", `title:"x`, "-\"\""} {
		if _, errOut, code := runBundled(t, "search", "--", q); code != 0 {
			t.Errorf("search %q: exit %d: %s", q, code, errOut)
		}
	}
	if _, _, code := runBundled(t, "search", "x", "--sort", "sideways"); code == 0 {
		t.Error("a bad --sort must be a usage error")
	}
}

// A search answered from the cached index while the archive is checked
// (searchCached) must still see every change to the archive: an edited,
// an added and a removed file.
func TestSearchSeesChangesToTheArchive(t *testing.T) {
	arch, idx := t.TempDir(), t.TempDir()
	write := func(name, word string) {
		t.Helper()
		p := filepath.Join(arch, name)
		body := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\nThe word is " + word + ".\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(len(word)) * time.Second) // a new mtime whatever the clock's grain
		os.Chtimes(p, later, later)
	}
	total := func(q string) int {
		t.Helper()
		return searchIDs(t, "--archive", arch, "--index-dir", idx, q).Total
	}
	write("a.md", "aardvark")
	if total("aardvark") != 1 || total("aardvark") != 1 { // built, then cached
		t.Fatal("aardvark not found")
	}
	write("a.md", "zebra")
	if total("zebra") != 1 || total("aardvark") != 0 {
		t.Error("an edited file is not searched as edited")
	}
	write("b.md", "yak")
	if total("yak") != 1 {
		t.Error("an added file is not searched")
	}
	os.Remove(filepath.Join(arch, "a.md"))
	if total("zebra") != 0 || total("yak") != 1 {
		t.Error("a removed file is still searched")
	}
}

// folio search prints the facet groups the reader's sidebar shows:
// authors and kinds when they have two values or more, or when the search
// picks some; a single value unasked is left out (a helper's report: one
// author picked with --author was left out, one kind unasked printed).
func TestSearchFacetLinesAsTheSidebar(t *testing.T) {
	arch := t.TempDir()
	for name, head := range map[string]string{
		"a.md": "title: One\ndate: 2020-01-01\noutlet: X\nauthor: Jane Roe",
		"b.md": "title: Two\ndate: 2020-02-01\noutlet: X\nauthor: Jane Roe",
		"c.md": "title: Three\ndate: 2020-03-01\noutlet: Y\nauthor: John Doe",
	} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte("---\n"+head+"\n---\nA piece on "+name+" and gardens.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ixDir := t.TempDir()
	lines := func(args ...string) map[string]string {
		t.Helper()
		out, errOut, code := runIndexed(t, ixDir, append([]string{"--archive", arch, "search", "--wide"}, args...)...)
		if code != 0 {
			t.Fatalf("search %q: %d %s", args, code, errOut)
		}
		m := map[string]string{}
		for _, l := range strings.Split(out, "\n") {
			if k, v, ok := strings.Cut(l, " "); ok {
				m[k] = strings.TrimSpace(v)
			}
		}
		return m
	}
	for _, c := range []struct {
		args           []string
		authors, kinds string
	}{
		{[]string{"gardens"}, "Jane Roe (2), John Doe (1)", ""},
		{[]string{"gardens", "--outlet", "X"}, "", ""},
		{[]string{"gardens", "--outlet", "X", "--author", "Jane Roe"}, "Jane Roe (2)", ""},
		{[]string{"gardens", "--kind", "article"}, "Jane Roe (2), John Doe (1)", "article (3)"},
	} {
		m := lines(c.args...)
		if m["authors"] != c.authors || m["kinds"] != c.kinds || m["outlets"] == "" || m["years"] == "" {
			t.Errorf("search %q: authors %q, kinds %q (outlets %q, years %q); want authors %q, kinds %q",
				c.args, m["authors"], m["kinds"], m["outlets"], m["years"], c.authors, c.kinds)
		}
	}
}
