package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// speechArchive writes 60 addresses (1950-2009), ten by each of six
// presidents, every title the same but for the year.
func speechArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	presidents := []string{"Harry S. Truman", "Dwight D. Eisenhower", "John F. Kennedy", "Richard Nixon", "Jimmy Carter", "Ronald Reagan"}
	for i := range 60 {
		y := 1950 + i
		fm := fmt.Sprintf("---\ntitle: \"State of the Union Address, %d\"\ndate: \"%d\"\nauthors: [%q]\noutlet: State of the Union\nkind: speech\ntags: [\"foreign policy\", economy]\n---\nMr. Speaker, the state of the union in %d.\n",
			y, y, presidents[i/10], y)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d_%s.md", y, strings.ToLower(strings.ReplaceAll(presidents[i/10], " ", "_")))), []byte(fm), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// On an archive of speeches: the list names each president, the AUTHORS
// group filters, and YEARS, by decade, opens one to its years.
func TestAuthorsAndDecadesInTmux(t *testing.T) {
	s := newSession(t)
	dir := speechArchive(t)
	s.startFolio(fmt.Sprintf("FOLIO_ARCHIVE='%s'", dir))
	s.waitFor("rows with authors", regexp.MustCompile(`2009 · Ronald Reagan · State of the Union · foreign policy, economy`))
	s.waitFor("the AUTHORS group", regexp.MustCompile(`AUTHORS[\s\S]*Jimmy Carter +10 │`))

	// / in the sidebar filters its values; choose Jimmy Carter.
	s.keys("Tab", "/")
	s.typeText("carter")
	s.keys("Enter", "Space")
	s.waitFor("the author filter", regexp.MustCompile(`10 of 60 · newest · author:Jimmy Carter`))
	s.waitFor("Carter's rows", regexp.MustCompile(`1999 · Jimmy Carter`))
	s.escape() // clears the sidebar's filter
	s.keys("x")
	s.waitFor("all pieces again", regexp.MustCompile(`60 of 60 · newest\s`))

	// YEARS lists decades; the last is the 1950s: enter opens it.
	s.waitFor("the decades", regexp.MustCompile(`▸ 1990s +10 │`))
	s.keys("G", "Enter")
	s.waitFor("the open decade", regexp.MustCompile(`▾ 1950s +10 │[\s\S]*1955 +1 │`))
	s.keys("q")
	s.waitExited()
}

// folio list on an 80-column terminal writes one line per piece.
func TestListAtEightyColumnsInTmux(t *testing.T) {
	s := newSession(t)
	dir := speechArchive(t)
	s.run("resize-window", "-t", "e2e", "-x", "80", "-y", "80")
	// markers printed by printf, so that the echoed command line does not
	// hold them (no clear: typed before it ran, the command's echo would be
	// cleared and the list start beside the prompt)
	s.typeText(fmt.Sprintf("printf 'list-%%s\\n' start; %s '%s' --archive '%s' list; printf 'list-%%s\\n' done", s.env, s.bin, dir))
	s.keys("Enter")
	screen := s.waitFor("the list", regexp.MustCompile(`(?m)^list-done`))
	// the lines between the markers
	lines := strings.Split(screen, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return l == "list-start" })
	done := slices.IndexFunc(lines, func(l string) bool { return l == "list-done" })
	if start < 0 || done < start {
		t.Fatalf("no list:\n%s", screen)
	}
	rows := lines[start+1 : done]
	for _, l := range rows {
		if !regexp.MustCompile(`^(19[5-9]\d|200\d)  `).MatchString(l) {
			t.Fatalf("a line that is not a piece (a row wrapped?): %q\n%s", l, screen)
		}
	}
	if len(rows) != 60 {
		t.Fatalf("%d rows for 60 pieces:\n%s", len(rows), screen)
	}
	if !strings.Contains(rows[0], "Ronald Reagan") || !strings.Contains(rows[0], "…") {
		t.Errorf("the first row has no author or no cut title: %q", rows[0])
	}
}
