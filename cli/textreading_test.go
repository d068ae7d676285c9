package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// textPiece writes a piece p.md of front matter fm (title and date given)
// and body to a new archive folder, and returns it.
func textPiece(t *testing.T, fm, body string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	doc := "---\ntitle: T\ndate: 2020-01-01\n" + fm + "---\n\n" + body
	if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// showLines are the lines folio show prints of piece p, trimmed, its
// styles stripped.
func showLines(t *testing.T, dir string) []string {
	t.Helper()
	out, errOut, code := run(t, "--archive", dir, "show", "p")
	if code != 0 {
		t.Fatalf("show: exit %d: %s", code, errOut)
	}
	var lines []string
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	return lines
}

// showJSON is folio show --json of piece p.
func showJSON(t *testing.T, dir string) map[string]any {
	t.Helper()
	out, errOut, code := run(t, "--archive", dir, "show", "p", "--json")
	if code != 0 {
		t.Fatalf("show --json: exit %d: %s", code, errOut)
	}
	var piece map[string]any
	if err := json.Unmarshal([]byte(out), &piece); err != nil {
		t.Fatal(err)
	}
	return piece
}

// hasLines reports whether want are lines of lines, one after another.
func hasLines(lines []string, want ...string) bool {
	for i := 0; i+len(want) <= len(lines); i++ {
		ok := true
		for k, w := range want {
			if lines[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// Every inline <br> breaks its line as a page shows it, whatever the next
// line starts with, and two make a blank line (a helper's report: "Ann
// Lee<br>123 Main St" was one line, as was a line before "[laughs]",
// "*pause*" or "- dash line", and "<br><br>" made no blank line).
func TestBrBreaksEveryLine(t *testing.T) {
	dir := textPiece(t, "", "Ann Lee<br>123 Main St<br>Springfield\n\n"+
		"Q: what?<br>[laughs] yes<br>*pause*<br>- dash line<br>1. not a list\n\n"+
		"First stanza<br><br>Second stanza\n")
	lines := showLines(t, dir)
	for _, want := range [][]string{
		{"Ann Lee", "123 Main St", "Springfield"},
		{"Q: what?", "[laughs] yes", "pause", "- dash line", "1. not a list"},
		{"First stanza", "", "Second stanza"},
	} {
		if !hasLines(lines, want...) {
			t.Errorf("show: want the lines %q in\n%s", want, strings.Join(lines, "\n"))
		}
	}
}

// A separator (NEL, U+2028, U+2029) parts words and lines in a text that
// holds an escape sequence too, and one-line fields' words (a helper's
// report: "alpha\u0085beta" was found as alphabeta alone, the author
// "Ann\u0085Lee \x1b[1m" was AnnLee, the tag "war\u0085peace" warpeace).
func TestSeparatorsBesideAnEscapeOnEverySurface(t *testing.T) {
	dir := textPiece(t, "authors: [\"Ann\\NLee \\e[1m\"]\ntags: [\"war\\Npeace \\e[1m\"]\n",
		"alpha\u0085beta \x1b[1mbold\x1b[0m gamma\u2028delta\n")
	if res := searchIDs(t, "--archive", dir, "beta"); len(res.Hits) != 1 {
		t.Errorf("search beta: %q, want the piece", ids(res))
	}
	if res := searchIDs(t, "--archive", dir, "alphabeta"); len(res.Hits) != 0 {
		t.Errorf("search alphabeta: %q, want none", ids(res))
	}
	// a new line in a paragraph, which the reader shows as a space
	if lines := showLines(t, dir); !hasLines(lines, "alpha beta bold gamma delta") {
		t.Errorf("show: want the words apart in\n%s", strings.Join(lines, "\n"))
	}
	piece := showJSON(t, dir)
	if a, _ := piece["authors"].([]any); len(a) != 1 || a[0] != "Ann Lee" {
		t.Errorf("show --json authors %v, want Ann Lee", piece["authors"])
	}
	if tg, _ := piece["tags"].([]any); len(tg) != 1 || tg[0] != "war peace" {
		t.Errorf("show --json tags %v, want war peace", piece["tags"])
	}
}

// A carriage return alone ends a line (a helper's report: "line
// one\rOVERWRITE" showed as "line oneOVERWRITE", the author "Ann\rLee"
// was AnnLee).
func TestLoneCarriageReturnOnEverySurface(t *testing.T) {
	dir := textPiece(t, "authors: [\"Ann\\rLee\"]\n", "line one\rOVERWRITE\n")
	if lines := showLines(t, dir); !hasLines(lines, "line one OVERWRITE") {
		t.Errorf("show: want the words apart in\n%s", strings.Join(lines, "\n"))
	}
	if res := searchIDs(t, "--archive", dir, "overwrite"); len(res.Hits) != 1 {
		t.Errorf("search overwrite: %q, want the piece", ids(res))
	}
	piece := showJSON(t, dir)
	if a, _ := piece["authors"].([]any); len(a) != 1 || a[0] != "Ann Lee" {
		t.Errorf("show --json authors %v, want Ann Lee", piece["authors"])
	}
	if b, _ := piece["body"].(string); b != "line one\nOVERWRITE" {
		t.Errorf("show --json body %q", b)
	}
}

// A character reference to a character that shows as nothing reaches no
// surface where the character itself would not (a helper's report: folio
// show printed U+200B, U+00AD, U+200D, U+200F, U+200E, U+2060, U+2062,
// U+E0041 and U+FEFF from "a&#x200b;b", "&shy;" …).
func TestInvisibleReferencesReachNoSurface(t *testing.T) {
	dir := textPiece(t, "", "a&#x200b;b c&shy;d e&zwj;f g&rlm;h i&lrm;j k&NoBreak;l m&InvisibleTimes;n "+
		"o&#xE0041;p q&#xFEFF;r s&#x3164;t terr&shy;orism\n")
	bad := "\u200b\u00ad\u200d\u200f\u200e\u2060\u2062\U000e0041\ufeff\u3164"
	out, errOut, code := run(t, "--archive", dir, "show", "p")
	if code != 0 {
		t.Fatalf("show: exit %d: %s", code, errOut)
	}
	if i := strings.IndexAny(out, bad); i >= 0 {
		t.Errorf("show printed %U", []rune(out[i:])[0])
	}
	if !strings.Contains(ansi.Strip(out), "ab cd ef gh ij kl mn op qr st terrorism") {
		t.Errorf("show: %q", ansi.Strip(out))
	}
	if b, _ := showJSON(t, dir)["body"].(string); strings.Contains(b, "&") {
		t.Errorf("show --json body %q: a reference left", b)
	}
	if res := searchIDs(t, "--archive", dir, "terrorism"); len(res.Hits) != 1 {
		t.Errorf("search terrorism: %q, want the piece", ids(res))
	}
}

// A body's character keeps at most 8 combining marks, as a one-line
// field's does, and a search snippet starts with none that lost its
// letter to the "…" (a helper's report: show wrote a word of 450 stacked
// marks as it was, and a snippet began with marks stuck to its "…").
func TestCombiningMarksCappedInBodies(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	write := func(name, body string) {
		t.Helper()
		doc := "---\ntitle: T\ndate: 2020-01-01\n---\n\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("p", "Some words before zalgo"+strings.Repeat("\u0301", 450)+" and after it.")
	// marks with no letter before them (after a space; enclosing marks
	// after punctuation) at each offset from the snippet's start
	for n := range 40 {
		marks := strings.Repeat("\u0301", 8)
		if n%2 == 1 {
			marks = strings.Repeat("\u20dd", 8)
		}
		write(fmt.Sprintf("m%02d", n), "Intro. "+marks+" "+strings.Repeat("w", 20+n)+" more words here elephant.")
	}
	maxRun := func(s string) int {
		most, run := 0, 0
		for _, r := range s {
			if unicode.Is(unicode.M, r) {
				run++
				most = max(most, run)
			} else {
				run = 0
			}
		}
		return most
	}
	out, errOut, code := run(t, "--archive", dir, "show", "p")
	if code != 0 {
		t.Fatalf("show: exit %d: %s", code, errOut)
	}
	if n := maxRun(out); n != 8 {
		t.Errorf("show: a run of %d marks, want 8", n)
	}
	if b, _ := showJSON(t, dir)["body"].(string); maxRun(b) != 8 {
		t.Errorf("show --json body: a run of %d marks, want 8", maxRun(b))
	}
	res := searchIDs(t, "--archive", dir, "elephant")
	if len(res.Hits) != 40 {
		t.Fatalf("search elephant: %d hits, want 40", len(res.Hits))
	}
	for _, h := range res.Hits {
		for _, s := range h.Snippets {
			if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(s, "…")); unicode.Is(unicode.M, r) {
				t.Errorf("%s: the snippet %q starts with a mark", h.ID, s)
			}
		}
	}
}
