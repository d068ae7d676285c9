package cli

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDups(t *testing.T) {
	dir := copiesArchive(t, `"The Other Paper\e[2J"`, "weather")

	out, errs, code := run(t, "--archive", dir, "dups")
	if code != 0 || !strings.Contains(out, "1 group(s) of republished copies: 2 of the archive's 3 pieces; collapsed, 2 pieces (1 hidden)") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	// collapsed, what search finds with copies collapsed
	sj, _, _ := run(t, "--archive", dir, "search", "", "--collapse-copies", "--json", "--limit", "0")
	var res resultsJSON
	if err := json.Unmarshal([]byte(sj), &res); err != nil || res.Total != 2 {
		t.Errorf("search '' --collapse-copies: %d (%v), dups says 2", res.Total, err)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "2019-11-06") || !strings.HasPrefix(lines[1], "2019-11-08") || !strings.Contains(lines[1], "alike)") {
		t.Errorf("want the earliest first, the copy saying how it matches:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape in the output: %q", out)
	}
	out, _, _ = run(t, "--archive", dir, "dups", "--json")
	var groups [][]dupJSON
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) != 1 || len(groups[0]) != 2 || groups[0][0].ID != "a" || groups[0][1].ID != "b" {
		t.Errorf("json: %v %s", err, out)
	}
}

// TestCollapseCopies: --collapse-copies counts a republished piece once in
// search, list and stats, as its earliest copy the filters keep; search
// names the other copies of a hit ("also ran in", --json "copies").
func TestCollapseCopies(t *testing.T) {
	dir := copiesArchive(t, "The Other Paper", "alliance")
	idx := t.TempDir()
	folio := func(args ...string) string {
		t.Helper()
		out, errs, code := run(t, append([]string{"--archive", dir, "--index-dir", idx}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return out
	}
	var res struct {
		Total int
		Hits  []hitJSON
	}
	decode := func(s string, v any) {
		t.Helper()
		if err := json.Unmarshal([]byte(s), v); err != nil {
			t.Fatalf("%v: %s", err, s)
		}
	}
	decode(folio("search", "alliance", "--json"), &res)
	if res.Total != 3 {
		t.Fatalf("alliance: %d hits", res.Total)
	}
	for _, h := range res.Hits {
		want := map[string]string{"a": "b", "b": "a"}[h.ID]
		if (want == "") != (len(h.Copies) == 0) || (want != "" && h.Copies[0].ID != want) {
			t.Errorf("hit %s: copies %+v", h.ID, h.Copies)
		}
	}
	decode(folio("search", "alliance", "--json", "--collapse-copies"), &res)
	if res.Total != 2 || slices.ContainsFunc(res.Hits, func(h hitJSON) bool { return h.ID == "b" }) {
		t.Errorf("collapsed: %d hits %+v", res.Total, res.Hits)
	}
	// only the copy has "reprinted": it stands for its group
	decode(folio("search", "reprinted", "--json", "--collapse-copies"), &res)
	if res.Total != 1 || res.Hits[0].ID != "b" {
		t.Errorf("reprinted, collapsed: %+v", res)
	}
	if out := folio("search", "alliance", "--wide"); !strings.Contains(out, "also ran in: The Other Paper (2019-11-08)") {
		t.Errorf("no 'also ran in' line:\n%s", out)
	}

	var list []articleJSON
	decode(folio("list", "--json", "--collapse-copies"), &list)
	if len(list) != 2 || slices.ContainsFunc(list, func(a articleJSON) bool { return a.ID == "b" }) {
		t.Errorf("list collapsed: %+v", list)
	}
	decode(folio("list", "--json", "--collapse-copies", "--outlet", "other paper"), &list)
	if len(list) != 1 || list[0].ID != "b" {
		t.Errorf("list collapsed, the copy's outlet: %+v", list)
	}
	// stats collapsed counts what search's facets count: a value the
	// groups a piece of which has it (an attack: The Other Paper, which
	// its own filter finds, was not in stats' table); its years and
	// months are those of the pieces listed
	var st archiveStats
	decode(folio("stats", "--json", "--collapse-copies"), &st)
	if st.Pieces != 2 || len(st.Outlets) != 2 {
		t.Errorf("stats collapsed: %+v", st)
	}
	var facets resultsJSON
	decode(folio("search", "", "--json", "--collapse-copies", "--limit", "0"), &facets)
	for field, rows := range map[string][]count{"outlets": st.Outlets, "authors": st.Authors, "tags": st.Tags, "kinds": st.Kinds} {
		got := map[string]int{}
		for _, r := range rows {
			got[r.Key] = r.Count
		}
		if want := facets.Facets[field]; !maps.Equal(got, want) {
			t.Errorf("stats collapsed, %s: %v; search's facets %v", field, got, want)
		}
	}
	decode(folio("list", "--json", "--collapse-copies"), &list)
	if years, months, _, _ := listedPeriods(list); !maps.Equal(countsOf(st.Years), years) || !maps.Equal(countsOf(st.Months), months) {
		t.Errorf("stats collapsed: years %v, months %v; the list's %v, %v", countsOf(st.Years), countsOf(st.Months), years, months)
	}
	decode(folio("stats", "--json"), &st)
	if st.Pieces != 3 || len(st.Outlets) != 2 {
		t.Errorf("stats: %+v", st)
	}

	// terms reads each group once, as search counts it
	var tr struct{ Results int }
	decode(folio("terms", "alliance", "--json", "--collapse-copies"), &tr)
	if tr.Results != 2 {
		t.Errorf("terms collapsed: %d results, search finds 2", tr.Results)
	}
	// a saved search keeps the flag (it was accepted and dropped)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	folio("saved", "add", "ally", "alliance", "--collapse-copies")
	var saved []struct {
		Name  string
		Count int
	}
	decode(folio("saved", "list", "--json"), &saved)
	if len(saved) != 1 || saved[0].Count != 2 {
		t.Errorf("saved with --collapse-copies: %+v, want a count of 2", saved)
	}
	if out := folio("saved", "run", "ally", "--json"); !strings.Contains(out, `"total": 2`) {
		t.Errorf("saved run: %s", out)
	}
}

// copiesArchive is a folder of three pieces: a.md, b.md (a's text with a
// line added, two days later in outletB) and c.md (an unrelated piece whose
// repeated sentence names unrelated: "weather", or "alliance" to share a
// word with the copies).
func copiesArchive(t *testing.T, outletB, unrelated string) string {
	t.Helper()
	dir := t.TempDir()
	var body string
	for i := 0; i < 40; i++ {
		body += "Sentence number " + strings.Repeat("x", i%7+1) + " of the piece about the alliance and its budget, word " + string(rune('a'+i%26)) + ". "
	}
	write := func(name, head, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\n"+head+"\n---\n\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "title: The alliance at seventy\ndate: 2019-11-06\noutlet: The Daily Example", body)
	write("b.md", "title: \"Alliance at 70\"\ndate: 2019-11-08\noutlet: "+outletB, body+" Reprinted with permission.")
	write("c.md", "title: Something else\ndate: 2019-11-07\noutlet: The Daily Example",
		strings.Repeat("An unrelated piece on farming subsidies and the "+unrelated+" this spring. ", 20))
	return dir
}
