package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// folio show keeps whole a word a link is in, its URL after the word (41f:
// "expand https://example.com/xed last year": the word parted, the URL
// shown wrong), at any width.
func TestShowKeepsAWordWithALinkWhole(t *testing.T) {
	dir := t.TempDir()
	piece := "---\ntitle: Links in words\ndate: 2020-01-01\n---\n" +
		"The programme was [expand](https://example.com/x)ed last year, and [the report](https://example.com/r) said so.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"80", "120", "30"} {
		out, errOut, code := run(t, "--archive", dir, "show", "a", "--width", w)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		flat := strings.Join(strings.Fields(out), " ")
		if !strings.Contains(flat, "The programme was expanded https://example.com/x last year, and the report https://example.com/r said so.") ||
			strings.Contains(flat, "xed") {
			t.Errorf("width %s:\n%s", w, out)
		}
	}
}

// A reference link keeps its word whole as an inline link does, full,
// collapsed or shortcut, its target absolute or relative (a read of the
// change: "[expand][r]ed" to a relative target read "expand
// files/r.pdfed", a shortcut's "expanded /files/r.pdf").
func TestShowKeepsAReferenceLinksWordWhole(t *testing.T) {
	dir := t.TempDir()
	piece := "---\ntitle: Reference links in words\ndate: 2020-01-01\n---\n" +
		"It was [expand][a]ed, [reload][]ed and [rebuild]ed; then [expand][r]ed, [refit][]ted and [rewire]d again.\n\n" +
		"[a]: https://example.com/a\n[reload]: https://example.com/l\n[rebuild]: https://example.com/b\n" +
		"[r]: files/r.pdf\n[refit]: files/f.pdf\n[rewire]: ../w.pdf\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "It was expanded https://example.com/a, reloaded https://example.com/l and rebuilded https://example.com/b; " +
		"then expanded files/r.pdf, refitted files/f.pdf and rewired ../w.pdf again."
	for _, w := range []string{"80", "200"} {
		out, errOut, code := run(t, "--archive", dir, "show", "a", "--width", w)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, want) {
			t.Errorf("width %s:\n%s\nwant %q", w, out, want)
		}
	}
}
