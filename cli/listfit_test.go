package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	termcells "github.com/folio-tui/folio/internal/cells"
)

// speeches writes n addresses by several presidents, titled alike, with
// long tags.
func speeches(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	presidents := []string{"George Washington", "John Adams", "Thomas Jefferson", "Franklin D. Roosevelt, Jr."}
	for i := range n {
		y := 1790 + i
		fm := fmt.Sprintf("---\ntitle: \"State of the Union Address, %d\"\ndate: \"%d\"\nauthors: [%q]\noutlet: State of the Union\nkind: speech\ntags: [\"no party\", \"foreign policy\", \"public credit\"]\n---\nFellow-Citizens.\n", y, y, presidents[i%len(presidents)])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d_%s.md", y, strings.ToLower(strings.Fields(presidents[i%len(presidents)])[1]))), []byte(fm), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// At 80 columns folio list gives one line per piece, each at most 80
// cells, the title cut with "…", the id whole; piped, every column whole.
func TestListFitsTheTerminal(t *testing.T) {
	for _, dir := range []string{"", speeches(t, 40)} {
		arch, _, err := archive.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := writeTable(&out, arch.Articles, arch.Articles, archive.ManyAuthors(arch.Articles), 80); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != len(arch.Articles) {
			t.Fatalf("archive %q: %d lines for %d pieces", dir, len(lines), len(arch.Articles))
		}
		cut := 0
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > 80 {
				t.Fatalf("line %d is %d cells: %q", i, w, l)
			}
			a := arch.Articles[i]
			if !strings.HasSuffix(l, a.ID) {
				// a long id is cut to a prefix only it has, which show takes
				f := strings.Fields(l)
				last := f[len(f)-1]
				if got, ok := byIDPrefix(arch.Articles, last); !strings.HasSuffix(last, "…") || !ok || got.ID != a.ID {
					t.Fatalf("line %d ends with neither the id %q nor a prefix only it has: %q", i, a.ID, l)
				}
			}
			// every row shows the start of its title
			if title := []rune(a.Title); !strings.Contains(l, string(title[:min(8, len(title))])) {
				t.Fatalf("line %d shows nothing of its title %q: %q", i, a.Title, l)
			}
			if strings.Contains(l, "…") {
				cut++
			}
		}
		if dir != "" {
			// several presidents: the byline is in every row
			for i, a := range arch.Articles {
				if !strings.Contains(lines[i], a.Authors[0]) {
					t.Fatalf("row %d does not name %q:\n%s", i, a.Authors[0], out.String())
				}
			}
		}
		t.Logf("archive %q: %d of %d lines cut\n%s", dir, cut, len(lines), strings.Join(lines[:3], "\n"))

		out.Reset()
		if err := writeTable(&out, arch.Articles, arch.Articles, archive.ManyAuthors(arch.Articles), 0); err != nil {
			t.Fatal(err)
		}
		for i, a := range arch.Articles {
			if !strings.Contains(out.String(), a.Title) {
				t.Fatalf("piped, the title of piece %d is not whole: %q", i, a.Title)
			}
		}
		if dir != "" && !strings.Contains(out.String(), "no party, foreign policy, public credit") {
			t.Fatalf("piped, the tags are not whole and told apart")
		}
	}
}

// folio search on a terminal: every line fits, the hits name their authors.
func TestSearchFitsTheTerminal(t *testing.T) {
	long := strings.Repeat("a very long title ", 10)
	res := index.Results{Total: 2, Hits: []index.Hit{
		{ID: "1790-washington", Title: long, Outlet: "State of the Union", Authors: []string{"George Washington"}, Snippets: []string{strings.Repeat("snippet ", 30)}},
		{ID: "1791-adams", Title: "Short", Outlet: "State of the Union", Authors: []string{"John Adams", "Abigail Adams"}},
	}}
	var out bytes.Buffer
	printResults(&out, index.Query{}, res, true, false, 80)
	for _, l := range strings.Split(out.String(), "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Fatalf("a line of %d cells: %q", ansi.StringWidth(l), l)
		}
	}
	if !strings.Contains(out.String(), "George Washington · State of the Union · a very") || !strings.Contains(out.String(), "John Adams and Abigail Adams") {
		t.Fatalf("hits do not name their authors:\n%s", out.String())
	}
	out.Reset()
	printResults(&out, index.Query{}, res, true, false, 0)
	if !strings.Contains(out.String(), long) {
		t.Fatalf("piped, the title is cut:\n%s", out.String())
	}
}

// show and cite take the prefix folio list cuts a long id to, with or
// without its "…"; a prefix two ids share names neither.
func TestShowTakesAnIDPrefixOnlyOnePieceHas(t *testing.T) {
	home := t.TempDir()
	out, _, err := folio(t, home, "show", "interviews/2017-10-03-financial-times-h…")
	if err != nil || !strings.Contains(out, "How well prepared is London") {
		t.Fatalf("show by a cut id: %v\n%s", err, out)
	}
	out, _, err = folio(t, home, "cite", "interviews/2017-10-arab-n")
	if err != nil || !strings.Contains(out, "Arab News") {
		t.Fatalf("cite by an id prefix: %v\n%s", err, out)
	}
	if _, _, err := folio(t, home, "show", "interviews/2017-10-"); err == nil {
		t.Fatal("a prefix of several ids named one piece")
	}
}

// cellWidth is cells.Width: printable ASCII by its length, anything else
// the most cells a terminal can give it.
func TestCellWidthIsCellsWidth(t *testing.T) {
	for _, s := range []string{"", "plain words", "~!@#$%^&*()_+{}|:<>?", "tab\there", "esc\x1b[1mbold", "del\x7f",
		"café", "日本語", "emoji 👍🏽 flag 🇬🇧", "e\u0301", "zero\u200bwidth", "\u00a0nbsp"} {
		if got, want := cellWidth(s), termcells.Width(s); got != want {
			t.Errorf("cellWidth(%q) = %d, cells.Width %d", s, got, want)
		}
	}
}

// Two long ids that differ at their ends are each cut no shorter than the
// prefix only it has, whatever the width: what is before the id gives way
// (a helper's report: on 80 columns both rows read the same cut id, and
// show and cite refused it as two pieces').
func TestListNeverCutsAnIDBelowItsPrefix(t *testing.T) {
	d := archive.Date{Time: time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
	long := "web/2019-11-20-uk-tories-under-fire-for-twitter-name-switch-during-debate"
	as := []archive.Article{
		{ID: long, Title: "UK Tories under fire for Twitter name switch during debate", Outlet: "The Guardian", Date: d},
		{ID: long + "-2", Title: "UK Tories under fire for Twitter name switch during debate", Outlet: "The Times", Date: d},
	}
	for _, width := range []int{40, 60, 80, 100, 120} {
		var out bytes.Buffer
		if err := writeTable(&out, as, as, archive.ManyAuthors(as), width); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			f := strings.Fields(l)
			last := f[len(f)-1]
			if last == as[i].ID {
				continue // whole (show takes an id as it is first)
			}
			if got, ok := byIDPrefix(as, strings.TrimSuffix(last, "…")); !strings.HasSuffix(last, "…") || !ok || got.ID != as[i].ID {
				t.Errorf("width %d: line %d names no piece, or another: %q", width, i, l)
			}
		}
	}
}

// On a terminal, folio history's and folio saved list's rows keep to one
// line each: the long cell is cut with "…", wide characters counted as
// two (a helper's report: a 300-character title wrapped every row);
// piped, every cell is whole.
func TestWriteColumnsFitsTheTerminal(t *testing.T) {
	rows := [][]string{
		{"2026-01-02 00:43", "中文标题 " + strings.Repeat("Trade army terror africa market ", 8), "1990/p00150"},
		{"2026-01-03 10:00", "Short", "a"},
	}
	var b strings.Builder
	if err := writeColumns(&b, 80, rows, 1); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "1990/p00150") || !strings.Contains(lines[0], "…") || !strings.HasPrefix(lines[1], "2026-01-03 10:00  Short") {
		t.Errorf("fitted:\n%s", b.String())
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("%d cells: %q", w, l)
		}
	}
	b.Reset()
	writeColumns(&b, 0, rows, 1)
	if !strings.Contains(b.String(), strings.Repeat("Trade army terror africa market ", 8)) {
		t.Errorf("piped, cut:\n%s", b.String())
	}
}

// Rows name their authors when the archive has several, on every page of
// every search alike (a helper's report: --limit 1 of a search left the
// author out where --limit 2 gave it, and list --author none).
func TestRowsNameAuthorsOnEveryPage(t *testing.T) {
	dir, ix := sotuIndexed(t)
	for _, args := range [][]string{
		{"search", `"states under"`, "--limit", "1"},
		{"search", `"states under"`, "--limit", "1", "--offset", "1"},
		{"list", "--author", "andrew johnson", "--wide"},
	} {
		out, errOut, code := runIndexed(t, ix, append([]string{"--archive", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		first := strings.SplitN(out, "\n", 2)[0]
		if !strings.Contains(first, "Andrew Johnson") && !strings.Contains(first, "James Buchanan") {
			t.Errorf("%v: the row names no author: %q", args, first)
		}
	}
}

// A Devanagari outlet that must be cut: no panic, and every line fits the
// terminal under either count (a review's report: a negative Repeat).
func TestListFitsADevanagariOutlet(t *testing.T) {
	as := []archive.Article{
		{ID: "p", Title: "A long English title for the piece that needs cutting here", Date: archive.Date{Time: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}, Outlet: "दैनिक जागरण राष्ट्रीय संस्करण"},
		{ID: "q", Title: "Short", Date: archive.Date{Time: time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}, Outlet: "Daily"},
	}
	for width := 30; width <= 90; width += 5 {
		var out bytes.Buffer
		if err := writeTable(&out, as, as, false, width); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimRight(out.String(), "\n"), "\n") {
			if termcells.Width(l) > width {
				t.Errorf("width %d: a line of %d cells: %q", width, termcells.Width(l), l)
			}
		}
	}
}

// Columns are aligned by cells, not characters: a name in a wide script
// keeps the columns after it in line (a helper's report: text/tabwriter
// pushed a Japanese saved search's counts three cells right).
func TestAlignColumnsByCells(t *testing.T) {
	var b strings.Builder
	rows := [][]string{{"日本語", "1", "x"}, {"abcdef", "22", "y"}, {"ab", "3", "z"}}
	if err := alignColumns(&b, rows, 2, false); err != nil {
		t.Fatal(err)
	}
	want := "日本語  1   x\nabcdef  22  y\nab      3   z\n"
	if b.String() != want {
		t.Errorf("left:\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := alignColumns(&b, rows, 2, true); err != nil {
		t.Fatal(err)
	}
	want = "日本語   1  x\nabcdef  22  y\n    ab   3  z\n"
	if b.String() != want {
		t.Errorf("right:\n%s\nwant\n%s", b.String(), want)
	}
}

// Piped, folio list pads nothing: each line is the columns whole, parted
// by a tab, as a script cuts them (cut -f, awk -F'\t'). The tags were
// padded to the widest tag list once (a web page of 36 tags put 500+
// spaces before the id on every line), and until now each title to the
// widest title ("Short" then 15 spaces). A piece without tags has an empty
// column; a tab of a title is no column's end. On real files, through the
// command.
func TestListPipedPadsNothing(t *testing.T) {
	dir := t.TempDir()
	many := make([]string, 36)
	for i := range many {
		many[i] = fmt.Sprintf("%q", fmt.Sprintf("tag number %d of the web page", i+1))
	}
	pieces := map[string]string{
		"tagged.md": "---\ntitle: A page of many tags\ndate: 2020-01-02\noutlet: The Web\ntags: [" + strings.Join(many, ", ") + "]\n---\nBody.\n",
		"short.md":  "---\ntitle: Short\ndate: 2020-01-03\noutlet: A Paper\ntags: [isis]\n---\nBody.\n",
		"bare.md":   "---\ntitle: No tags at all here\ndate: 2020-01-01\noutlet: Another Outlet\n---\nBody.\n",
		"tab.md":    "---\ntitle: \"A\\ttab\"\ndate: 2019-12-31\noutlet: T\ntags: [x]\n---\nBody.\n",
	}
	for name, text := range pieces {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := run(t, "--archive", dir, "list")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	tags := strings.Join(many, ", ")
	tags = strings.ReplaceAll(tags, `"`, "")
	want := []string{
		"2020-01-03\tA Paper\tShort\tisis\tshort",
		"2020-01-02\tThe Web\tA page of many tags\t" + tags + "\ttagged",
		"2020-01-01\tAnother Outlet\tNo tags at all here\t\tbare",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d:\n%q\nwant\n%q", i, lines[i], w)
		}
	}
	if f := strings.Split(lines[3], "\t"); len(f) != 5 || !strings.HasPrefix(f[2], "A") || !strings.HasSuffix(f[2], "tab") || f[4] != "tab" {
		t.Errorf("the title with a tab: %q", lines[3])
	}
}
