package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/childtest"
)

// spellingPieces are pieces that name people and outlets as bylines spell
// them: George W Bush as the State of the Union corpus writes him and
// George W. Bush as the web does, G.W. and G. W. Bush, Jean-Paul and Jean
// Paul Sartre, The Guardian with and without a full stop, José García and
// Le Café with and without accents; and names that
// stay apart (Ann Smith-Jones, a family name; GW Bush, no initials).
var spellingPieces = []struct{ author, outlet string }{
	{"George W Bush", "The Guardian"},
	{"George W Bush", "The Guardian"},
	{"George W Bush", "The Guardian"},
	{"George W. Bush", "The Guardian."},
	{"George W. Bush", "The Guardian."},
	{"G.W. Bush", "Le Monde"},
	{"G. W. Bush", "Le Monde"},
	{"Jean-Paul Sartre", "Le Monde"},
	{"Jean Paul Sartre", "Le Monde"},
	{"Ann Smith-Jones", "Le Monde"},
	{"Ann Smith Jones", "Le Monde"},
	{"GW Bush", "Le Monde"},
	{"José García", "Le Café"},
	{"José García", "Le Café"},
	{"Jose Garcia", "Le Cafe"},
}

// writeSpellings writes spellingPieces into a new folder, the files named
// in order or, reversed, in the opposite order.
func writeSpellings(t *testing.T, dir string, reversed bool) string {
	t.Helper()
	for i, p := range spellingPieces {
		name := i
		if reversed {
			name = len(spellingPieces) - 1 - i
		}
		text := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2001-01-%02d\noutlet: %q\nauthors: [%q]\n---\nText.\n", i, i+1, p.outlet, p.author)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%02d.md", name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// spellingRows are the author and outlet rows of folio stats on dir with
// the index in indexDir, as "value=count" lines, the order stats gives.
func spellingRows(t *testing.T, dir, indexDir string) string {
	t.Helper()
	out, errs, code := runIndexed(t, indexDir, "--archive", dir, "stats", "--json", "--top", "0")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errs)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range append(st.Authors, st.Outlets...) {
		fmt.Fprintf(&b, "%s=%d\n", c.Key, c.Count)
	}
	return b.String()
}

// One person or outlet spelt several ways is one row of folio stats and of
// search's facets, and either spelling as a filter picks that row's
// pieces, in list, search and stats alike; the row is named by the
// spelling most pieces have (the first in byte order of as many) in every
// build of the index, from the files, in another process and whatever the
// files are called; each piece is cited by its byline as written.
func TestOneNameSpeltTwoWaysIsOneRow(t *testing.T) {
	want := strings.Join([]string{
		"George W Bush=5", "José García=3", "G. W. Bush=2", "Jean Paul Sartre=2", "Ann Smith Jones=1", "Ann Smith-Jones=1", "GW Bush=1",
		"Le Monde=7", "The Guardian=5", "Le Café=3",
	}, "\n") + "\n"
	if env := childtest.Value("FOLIO_TEST_SPELLINGS"); env != "" {
		fmt.Printf("ROWS<%s>\n", spellingRows(t, env, t.TempDir()))
		return
	}
	dir := writeSpellings(t, t.TempDir(), false)
	idx := t.TempDir()
	if got := spellingRows(t, dir, idx); got != want {
		t.Fatalf("stats rows:\n%s\nwant:\n%s", got, want)
	}
	for where, rows := range map[string]string{
		"the index again":            spellingRows(t, dir, idx),
		"another build":              spellingRows(t, dir, t.TempDir()),
		"the files":                  spellingRows(t, dir, "/proc/no-index-here"),
		"the files named in reverse": spellingRows(t, writeSpellings(t, t.TempDir(), true), t.TempDir()),
	} {
		if rows != want {
			t.Errorf("%s: stats rows:\n%s\nwant:\n%s", where, rows, want)
		}
	}
	out, err := childtest.Run(t, "FOLIO_TEST_SPELLINGS", dir)
	if err != nil || !strings.Contains(out, "ROWS<"+want+">") {
		t.Errorf("another process: %v\n%s", err, out)
	}

	folio := func(args ...string) string {
		t.Helper()
		out, errs, code := runIndexed(t, idx, append([]string{"--archive", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		return out
	}
	var found resultsJSON
	if err := json.Unmarshal([]byte(folio("search", "", "--json", "--limit", "100")), &found); err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		k, n, _ := strings.Cut(line, "=")
		rows[k], _ = strconv.Atoi(n)
		facet := found.Facets["authors"]
		if strings.HasPrefix(k, "Le ") || strings.HasPrefix(k, "The ") {
			facet = found.Facets["outlets"]
		}
		if facet[k] != rows[k] {
			t.Errorf("search's facet counts %q %d, stats %d (facets %v)", k, facet[k], rows[k], found.Facets)
		}
	}
	if len(found.Facets["authors"]) != 7 || len(found.Facets["outlets"]) != 3 {
		t.Errorf("search's facets: %v", found.Facets)
	}
	// each spelling as a filter picks its row's pieces, everywhere
	for _, c := range []struct{ flag, value, row string }{
		{"--author", "George W Bush", "George W Bush"},
		{"--author", "George W. Bush", "George W Bush"},
		{"--author", "Bush, George W.", "George W Bush"},
		{"--author", "G.W. Bush", "G. W. Bush"},
		{"--author", "G W Bush", "G. W. Bush"},
		{"--author", "Jean-Paul Sartre", "Jean Paul Sartre"},
		{"--author", "Ann Smith-Jones", "Ann Smith-Jones"},
		{"--outlet", "The Guardian.", "The Guardian"},
		{"--outlet", "the guardian", "The Guardian"},
		{"--author", "Jose Garcia", "José García"},
		{"--author", "JOSÉ GARCÍA", "José García"},
		{"--outlet", "Le Cafe", "Le Café"},
	} {
		var listed []articleJSON
		if err := json.Unmarshal([]byte(folio("list", "--json", c.flag, c.value)), &listed); err != nil {
			t.Fatal(err)
		}
		var hits resultsJSON
		if err := json.Unmarshal([]byte(folio("search", "", "--json", c.flag, c.value)), &hits); err != nil {
			t.Fatal(err)
		}
		var st archiveStats
		if err := json.Unmarshal([]byte(folio("stats", "--json", c.flag, c.value)), &st); err != nil {
			t.Fatal(err)
		}
		field := st.Authors
		if c.flag == "--outlet" {
			field = st.Outlets
		}
		if n := rows[c.row]; len(listed) != n || hits.Total != n || st.Pieces != n || !slices.Contains(field, count{c.row, n}) {
			t.Errorf("%s %q: list %d, search %d, stats %d (%v); the row %q counts %d", c.flag, c.value, len(listed), hits.Total, st.Pieces, field, c.row, n)
		}
	}
	// cited as each piece prints its byline
	for id, author := range map[string]string{"p00": "Bush, George W", "p03": "Bush, George W.", "p07": "Sartre, Jean-Paul", "p08": "Sartre, Jean Paul",
		"p12": "García, José", "p14": "Garcia, Jose"} {
		if bib := folio("cite", id, "--format", "bibtex"); !regexp.MustCompile(`author\s+= \{` + regexp.QuoteMeta(author) + `\},`).MatchString(bib) {
			t.Errorf("%s: want author %q:\n%s", id, author, bib)
		}
	}
}
