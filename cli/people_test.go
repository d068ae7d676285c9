package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The author counts are people's in every command and on either path
// (the index's or the files'): "Ann Lee, Contributor" and "ANN LEE" are
// Ann Lee, "Ann Lee and Bo Chan" counts for each, "bo chan" is Bo Chan;
// --author of a byline as written picks the people it names; completion
// offers them so counted, with (no author).
func TestAuthorsArePeople(t *testing.T) {
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	for i, au := range []string{"Ann Lee", `"ANN LEE, Contributor"`, "Ann Lee and Bo Chan", "Bo Chan", "et al.", "", "bo chan"} {
		fm := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-01-0%d\n", i, i+1)
		if au != "" {
			fm += "author: " + au + "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte(fm+"---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := t.TempDir()
	for _, c := range []struct {
		author string
		want   int
	}{{"Ann Lee", 3}, {"ANN LEE, Contributor", 3}, {"Bo Chan", 3}, {"Ann Lee and Bo Chan", 1}, {"(no author)", 2}, {"Zed Roe", 0}} {
		out, errOut, code := run(t, "--index-dir", idx, "--archive", dir, "list", "--json", "--author", c.author)
		if code != 0 {
			t.Fatalf("list --author %q: exit %d: %s", c.author, code, errOut)
		}
		var listed []articleJSON
		if err := json.Unmarshal([]byte(out), &listed); err != nil {
			t.Fatal(err)
		}
		files := listedFromFiles(t, dir, []string{"--author", c.author})
		out, errOut, code = run(t, "--index-dir", idx, "--archive", dir, "search", "", "--json", "--author", c.author)
		if code != 0 {
			t.Fatalf("search --author %q: exit %d: %s", c.author, code, errOut)
		}
		var res resultsJSON
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(listed) != c.want || len(files) != c.want || res.Total != c.want {
			t.Errorf("--author %q: list %d, list from files %d, search %d; want %d", c.author, len(listed), len(files), res.Total, c.want)
		}
	}
	want := map[string]int{"Ann Lee": 3, "Bo Chan": 3, "(no author)": 2}
	out, errOut, code := run(t, "--index-dir", idx, "--archive", dir, "stats", "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errOut)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	out, _, _ = run(t, "--archive", dir, "__complete", "list", "--author", "")
	if !strings.HasPrefix(out, "Ann Lee\t3\nBo Chan\t3\n(no author)\t2\n:") {
		t.Errorf("completing --author:\n%s", out)
	}
	fenv := &Env{ArchiveDir: dir, Out: io.Discard, Err: io.Discard}
	files, err := keptFromFiles(fenv, filterFlags{}, stateOnce(fenv))
	if err != nil {
		t.Fatal(err)
	}
	for path, st := range map[string]archiveStats{"index": st, "files": computeStats("", files.all, nil)} {
		got := map[string]int{}
		for _, c := range st.Authors {
			got[c.Key] = c.Count
		}
		if !maps.Equal(got, want) {
			t.Errorf("stats from the %s: authors %v, want %v", path, got, want)
		}
	}
}
