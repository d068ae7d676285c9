package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/state"
)

// folio quotes add finds a passage as a reader reads the piece, without
// the URLs folio shows after a link's text ("as the report said" of "as
// [the report](https://example.com/r) said": refused, every piece added
// from the web being full of links), or with them as shown; a word a
// link is inside too ("was expanded last year" of "[expand](u)ed"). The
// quotes are found again, not orphaned, and a passage whose words differ
// is still refused.
func TestQuotesAddReadsLinksWithoutTheirURLs(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: Links in a piece\ndate: 2020-01-01\n---\n" +
		"The programme was [expand](https://example.com/x)ed last year, as [the report](https://example.com/r) said.\n\n" +
		"Costs rose [by 12.5 percent](https://example.com/2021/costs-3.5) in [the review](https://example.com/projects/a-very-long-path-with-hyphens-to-wrap/review), it found.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	passages := []string{
		"The programme was expanded last year, as the report said.",
		"as the report https://example.com/r said",
		"was expanded last year",
		"Costs rose by 12.5 percent in the review, it found.",
	}
	for _, p := range passages {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %q: %v\n%s", p, err, errs)
		}
	}
	for _, p := range []string{"as the report example said", "Costs rose by 125 percent in the review", "the report said it was expanded"} {
		if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err == nil {
			t.Errorf("quotes add %q: kept", p)
		}
	}
	qs := quotesJSONOut(t, home, "--archive", dir)
	if len(qs) != len(passages) {
		t.Fatalf("%d quotes, want %d: %+v", len(qs), len(passages), qs)
	}
	for _, q := range qs {
		if q.Orphaned {
			t.Errorf("%q orphaned: %s", q.Exact, q.Orphan)
		}
	}
}

// folio quotes add leaves a link's URL out where it follows the link's
// text alone: the same URL written as text elsewhere in the piece is the
// text's (a read of the change, 42rc: "See the report. The address
// https://example.com/r is plain." refused, "…The address is plain"
// kept).
func TestQuotesAddKeepsAURLWrittenAsText(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: A URL as a link and as text\ndate: 2020-01-01\n---\n" +
		"See [the report](https://example.com/r). The address https://example.com/r is plain, and `https://example.com/r` is code.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"See the report. The address https://example.com/r is plain, and https://example.com/r is code.",
	} {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %q: %v\n%s", p, err, errs)
		}
	}
	for _, p := range []string{"See the report. The address is plain", "is plain, and is code"} {
		if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err == nil {
			t.Errorf("quotes add %q: kept", p)
		}
	}
	for _, q := range quotesJSONOut(t, home, "--archive", dir) {
		if q.Orphaned {
			t.Errorf("%q orphaned: %s", q.Exact, q.Orphan)
		}
	}
}

// folio quotes add finds a passage across a reference link inside a word
// as across an inline one, its target relative too ("was expanded and
// refitted" of "[expand][r]ed and [refit]ted": refused when the
// relative target was run into the word, "expand files/r.pdfed").
func TestQuotesAddReadsReferenceLinksInWords(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: Reference links in a piece\ndate: 2020-01-01\n---\n" +
		"The programme was [expand][r]ed last year and [refit]ted, as [the report][a] said, then [reload][]ed.\n\n" +
		"[r]: files/r.pdf\n[refit]: ../f.pdf\n[a]: https://example.com/a\n[reload]: https://example.com/l\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	passages := []string{
		"The programme was expanded last year and refitted, as the report said, then reloaded.",
		"was expanded files/r.pdf last year and refitted ../f.pdf",
	}
	for _, p := range passages {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %q: %v\n%s", p, err, errs)
		}
	}
	if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", "was expand last year"); err == nil {
		t.Error("quotes add \"was expand last year\": kept")
	}
	qs := quotesJSONOut(t, home, "--archive", dir)
	if len(qs) != len(passages) {
		t.Fatalf("%d quotes, want %d: %+v", len(qs), len(passages), qs)
	}
	for _, q := range qs {
		if q.Orphaned {
			t.Errorf("%q orphaned: %s", q.Exact, q.Orphan)
		}
	}
}

// folio quotes add finds a passage without a footnote's marker, as
// quoted from the original page ("It rose in 2019 and fell" of "It rose
// in 2019[^3] and fell", shown "2019[1]": refused, its digits read
// "20191"); the quote is found again.
func TestQuotesAddLeavesOutFootnoteMarkers(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: Footnotes\ndate: 2020-01-01\n---\n" +
		"It rose in 2019[^3] and fell, as [the report](https://example.com/r) said.[^4] Then it rose again.\n\n" +
		"[^3]: The first note.\n[^4]: The second.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	passages := []string{"It rose in 2019 and fell, as the report said. Then it rose again."}
	for _, p := range passages {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %q: %v\n%s", p, err, errs)
		}
	}
	if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", "It rose in 2018 and fell"); err == nil {
		t.Error(`quotes add "It rose in 2018 and fell": kept`)
	}
	qs := quotesJSONOut(t, home, "--archive", dir)
	if len(qs) != len(passages) {
		t.Fatalf("%d quotes, want %d: %+v", len(qs), len(passages), qs)
	}
	for _, q := range qs {
		if q.Orphaned {
			t.Errorf("%q orphaned: %s", q.Exact, q.Orphan)
		}
	}
}

// folio quotes add leaves out of a passage only the markers the piece's
// source makes (its footnotes' references, links to notes): "Let f and g
// be maps" of "Let f[x] and g[y] be maps", the brackets the piece's text,
// was kept (a helper's report, 45e: every label in brackets after a word
// was read as a marker), words the piece does not show; the passage with
// them, leaving out a footnote's marker, is kept and found.
func TestQuotesAddKeepsLiteralBrackets(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: Maps\ndate: 2020-01-01\n---\n" +
		"Let f[x] and g[y] be maps, as in 2019[^1] it rose.\n\n[^1]: A note.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"Let f and g be maps", "Let f[x] and g be maps", "f and g[y] be maps"} {
		if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err == nil {
			t.Errorf("quotes add %q: kept", p)
		}
	}
	p := "Let f[x] and g[y] be maps, as in 2019 it rose"
	if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
		t.Fatalf("quotes add %q: %v\n%s", p, err, errs)
	}
	qs := quotesJSONOut(t, home, "--archive", dir)
	if len(qs) != 1 || qs[0].Orphaned {
		t.Errorf("quotes: %+v", qs)
	}
}

// A superscript linking to a note is a footnote's marker, no exponent:
// "in 2019 and" of "in 2019<sup><a href="#fn3">3</a></sup> and" is kept
// (it was shown 2019^(3), the exponent of 2019, so refused); a plain
// superscript after a number stays its exponent ("the mass 10 tonnes"
// of 10<sup>6</sup> refused).
func TestQuotesAddReadsANoteLinkAsAMarker(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: Notes as links\ndate: 2020-01-01\n---\n" +
		"It rose in 2019<sup><a href=\"#fn3\">3</a></sup> and fell to 10<sup>6</sup> tonnes.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"It rose in 2019 and fell", "It rose in 2019", "fell to 10^6 tonnes"} {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %q: %v\n%s", p, err, errs)
		}
	}
	for _, p := range []string{"fell to 10 tonnes", "fell to 106 tonnes"} {
		if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err == nil {
			t.Errorf("quotes add %q: kept", p)
		}
	}
}

// folio quotes add finds a passage with or without its footnotes'
// markers and with or without its links' URLs, each of the four: "in
// 2019[1] and the report said", the marker kept and the URL left out,
// was kept at 507c929 and then refused, the one reading leaving out
// both. Quotes that folio kept at 507c929 (their selectors as its quotes
// file holds them) are not orphaned.
func TestQuotesKeptWithMarkersStayFound(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	files := map[string]string{
		"a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nIt rose in 2019[^3] and [the report](https://example.com/r) said so.\n\n[^3]: A note.\n",
		"c.md": "---\ntitle: C\ndate: 2020-01-01\n---\nIt rose in 2019[3] and [the report](https://example.com/r) said so. " +
			"Wiki said.[12] Then more, with a [link](https://example.com/l) after.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range [][2]string{
		{"a", "in 2019[1] and the report said"},
		{"a", "in 2019 and the report said"},
		{"a", "in 2019 and the report https://example.com/r said"},
		{"c", "in 2019[3] and the report said"},
		{"c", "Wiki said.[12] Then more, with a link after"},
	} {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", c[0], "--text", c[1]); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %s %q: %v\n%s", c[0], c[1], err, errs)
		}
	}
	if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", "in 2019[2] and the report said"); err == nil {
		t.Error(`quotes add "in 2019[2] and the report said": kept`)
	}
	// as folio quotes add kept them at 507c929
	t.Setenv("XDG_STATE_HOME", home)
	qs, warn := state.OpenQuotes(dir, "")
	if warn != nil {
		t.Fatal(warn)
	}
	for _, q := range []state.Quote{
		{Piece: "a", Selector: state.Selector{Exact: "in 2019[1] and the report said", Prefix: "A 1 January 2020 It rose", Suffix: "so. -------- Notes: 1. A note.", Position: 19}},
		{Piece: "a", Selector: state.Selector{Exact: "It rose in 2019[1] and the report https://example.com/r said", Prefix: "A 1 January 2020", Suffix: "so. -------- Notes: 1. A note.", Position: 13}},
		{Piece: "c", Selector: state.Selector{Exact: "in 2019[3] and the report said", Prefix: "C 1 January 2020 It rose", Suffix: "so. Wiki said.[12] Then more, with a link https://example.com/l", Position: 19}},
		{Piece: "c", Selector: state.Selector{Exact: "Wiki said.[12] Then more, with a link after", Prefix: "and the report https://example.com/r said so.", Position: 60}},
		{Piece: "c", Selector: state.Selector{Exact: "said so. Wiki said.[12] Then more", Prefix: "2019[3] and the report https://example.com/r", Suffix: ", with a link https://example.com/l after.", Position: 54}},
	} {
		if _, err := qs.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := qs.Save(); err != nil {
		t.Fatal(err)
	}
	got := quotesJSONOut(t, home, "--archive", dir)
	if len(got) != 10 {
		t.Fatalf("%d quotes, want 10: %+v", len(got), got)
	}
	for _, q := range got {
		if q.Orphaned {
			t.Errorf("%s %q orphaned: %s", q.Piece, q.Exact, q.Orphan)
		}
	}
}

// Links to notes in each of the forms pages write them are footnotes'
// markers, left out of a passage as Markdown's footnotes' are: Pandoc's
// link around the superscript (shown 2019¹), several links in one
// superscript (shown 2019^(1,2)) and Wikipedia's lettered note (shown
// 2019[a], "[a]" not left out) were each refused.
func TestQuotesAddLeavesOutNoteLinksMarkers(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: Note links\ndate: 2020-01-01\n---\n" +
		"It rose in 2019<a href=\"#fn1\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>1</sup></a> and fell.\n\n" +
		"It rose in 2018<sup><a href=\"#fn1\">1</a>,<a href=\"#fn2\">2</a></sup> and fell.\n\n" +
		"It rose in 2017<sup><a href=\"#cite_note-a\">[a]</a></sup> and fell.\n\n" +
		"It rose in 2014<sup>[1](#fn1),[2](#fn2),[3](#fn3),[4](#fn4),[5](#fn5),[6](#fn6),[7](#fn7)</sup> and fell.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	passages := []string{"It rose in 2019 and fell.", "It rose in 2018 and fell.", "It rose in 2017 and fell.", "in 2018[1,2] and fell",
		"It rose in 2014 and fell."} // seven notes: a superscript before 45d
	for _, p := range passages {
		if out, errs, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", p); err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("quotes add %q: %v\n%s", p, err, errs)
		}
	}
	if _, _, err := folio(t, home, "--archive", dir, "quotes", "add", "a", "--text", "It rose in 2016 and fell"); err == nil {
		t.Error(`quotes add "It rose in 2016 and fell": kept`)
	}
	for _, q := range quotesJSONOut(t, home, "--archive", dir) {
		if q.Orphaned {
			t.Errorf("%q orphaned: %s", q.Exact, q.Orphan)
		}
	}
	out, errs, err := folio(t, home, "--archive", dir, "show", "a")
	if err != nil {
		t.Fatalf("show: %v\n%s", err, errs)
	}
	for _, want := range []string{"2019[1] and", "2018[1,2] and", "2017[a] and", "2014[1,2,3,4,5,6,7] and"} {
		if !strings.Contains(out, want) {
			t.Errorf("show: no %q in\n%s", want, out)
		}
	}
}
