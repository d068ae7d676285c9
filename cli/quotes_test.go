package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/state"
)

// quoteFeed is an RSS feed of one piece; before and passage let a test
// change the text above the passage and the passage's own markup.
func quoteFeed(before, passage string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Institute</title><link>https://harbour.example.org/</link>
<item><title>After Raqqa</title><link>https://harbour.example.org/after-raqqa/</link>
<guid>https://harbour.example.org/?p=1</guid><pubDate>Thu, 19 Oct 2017 10:00:00 +0100</pubDate>
<dc:creator>Amira Haddad</dc:creator>
<content:encoded><![CDATA[` + before + `
<p>` + passage + ` Security services know this.</p>
<p>In the end, the threat will outlive the caliphate. That is the lesson.</p>]]></content:encoded>
</item></channel></rss>`
}

type quoteOut struct {
	ID       string `json:"id"`
	Piece    string `json:"piece"`
	Exact    string `json:"exact"`
	Note     string `json:"note"`
	Orphaned bool   `json:"orphaned"`
	Orphan   string `json:"orphan_reason"`
	Citation struct {
		Key     string   `json:"key"`
		Title   string   `json:"title"`
		Authors []string `json:"authors"`
		Outlet  string   `json:"outlet"`
		Date    string   `json:"date"`
		URL     string   `json:"url"`
	} `json:"citation"`
	CitationText string `json:"citation_text"`
}

func quotesJSONOut(t *testing.T, home string, args ...string) []quoteOut {
	t.Helper()
	out, errs, err := folio(t, home, append([]string{"quotes", "--format", "json"}, args...)...)
	if err != nil {
		t.Fatalf("quotes --json: %v\n%s", err, errs)
	}
	var qs []quoteOut
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return qs
}

func TestQuotesSurviveEditsAndReimports(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	feed, arch := filepath.Join(dir, "feed.xml"), filepath.Join(dir, "archive")
	writeFeed := func(before, passage string) {
		t.Helper()
		if err := os.WriteFile(feed, []byte(quoteFeed(before, passage)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	imp := func(args ...string) {
		t.Helper()
		if out, errs, err := folio(t, home, append([]string{"import", feed, "--into", arch}, args...)...); err != nil {
			t.Fatalf("import: %v\n%s%s", err, out, errs)
		}
	}
	writeFeed(`<p>Islamic State has lost its capital.</p>`, `The threat will outlive the caliphate.`)
	imp()
	out, _, err := folio(t, home, "--archive", arch, "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var pieces []struct{ ID, Path string }
	if err := json.Unmarshal([]byte(out), &pieces); err != nil || len(pieces) != 1 {
		t.Fatalf("list: %v\n%s", err, out)
	}
	id, file := pieces[0].ID, filepath.Join(arch, pieces[0].Path)

	// Two quotes: one of a sentence that occurs twice (the first
	// occurrence is kept), one with a note.
	_, errs, err := folio(t, home, "--archive", arch, "quotes", "add", id, "--text", "the threat will outlive\nthe caliphate.", "--note", "ch. 3")
	if err != nil {
		t.Fatalf("add: %v %s", err, errs)
	}
	if !strings.Contains(errs, "occurs 2 times") {
		t.Errorf("no note of the repeated passage: %q", errs)
	}
	if _, _, err := folio(t, home, "--archive", arch, "quotes", "add", id, "--text", "That is the lesson."); err != nil {
		t.Fatal(err)
	}
	check := func(when string, wantOrphans map[string]string) {
		t.Helper()
		qs := quotesJSONOut(t, home, "--archive", arch)
		if len(qs) != 2 {
			t.Fatalf("%s: %d quotes, want 2 (never dropped)", when, len(qs))
		}
		for _, q := range qs {
			if want := wantOrphans[q.Exact]; q.Orphan != want || q.Orphaned != (want != "") {
				t.Errorf("%s: %q orphaned %v (%q), want %q", when, q.Exact, q.Orphaned, q.Orphan, want)
			}
		}
	}
	check("as quoted", nil)

	// An edit above the passage, by hand: a new paragraph, the passage's
	// paragraph re-wrapped and its words emphasised.
	md, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(md), "Islamic State has lost its capital.", "Islamic State has lost its capital.\n\nA new paragraph, added later, which says that the threat will change.", 1)
	edited = strings.Replace(edited, "The threat will outlive the caliphate.", "The *threat* will\noutlive the caliphate.", 1)
	if edited == string(md) {
		t.Fatalf("the edit changed nothing in\n%s", md)
	}
	if err := os.WriteFile(file, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	check("after an edit above", nil)
	// Found by the words of its note.
	if md, _, _ := folio(t, home, "--archive", arch, "quotes", "ch. 3"); !strings.Contains(md, "> The threat will outlive") { // the piece's words, not as typed
		t.Errorf("quote by its note:\n%s", md)
	}

	// A re-import that rewrites the file: more text above, other markup.
	writeFeed(`<p>Islamic State has lost its capital, <em>and</em> much else.</p><ul><li>A list</li><li>above it</li></ul>`,
		`The <strong>threat</strong> will
		outlive the caliphate.`)
	imp("--force")
	after, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(after), "much else") {
		t.Fatalf("the import did not rewrite the file:\n%s", after)
	}
	check("after a re-import", nil)

	// The passage itself changed: orphaned, kept, reported. The sentence
	// is still in the last paragraph, but that occurrence is not the one
	// quoted: the quote is not moved to it.
	writeFeed(`<p>Islamic State has lost its capital.</p>`, `The danger will outlast the caliphate.`)
	imp("--force")
	check("after the passage changed", map[string]string{"The threat will outlive the caliphate.": "the passage is no longer in the piece"})
	if _, _, err := folio(t, home, "--archive", arch, "quotes", "add", id, "--text", "The danger will outlast"); err != nil {
		t.Fatal(err)
	}
	writeFeed(`<p>Islamic State has lost its capital.</p>`, `Something else entirely.`)
	imp("--force")
	qs := quotesJSONOut(t, home, "--archive", arch, "--orphaned")
	if len(qs) != 2 || qs[1].Exact != "The danger will outlast" || qs[1].Orphan != "the passage is no longer in the piece" {
		t.Errorf("orphaned: %+v", qs)
	}
	mdOut, _, err := folio(t, home, "--archive", arch, "quotes", "danger")
	if err != nil || !strings.Contains(mdOut, "(Orphaned: the passage is no longer in the piece.)") {
		t.Errorf("markdown of an orphan (%v):\n%s", err, mdOut)
	}

	// The piece is gone: every quote is orphaned, and still cited.
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	qs = quotesJSONOut(t, home, "--archive", arch)
	if len(qs) != 3 {
		t.Fatalf("%d quotes after the piece went, want 3", len(qs))
	}
	for _, q := range qs {
		if q.Orphan != "the piece is no longer in the archive" || q.Citation.Title != "After Raqqa" || q.Citation.Key != "haddad2017raqqa" || !strings.Contains(q.CitationText, "Amira Haddad, \"After Raqqa,\" Harbour Institute, 19 October 2017") {
			t.Errorf("quote of a gone piece: %+v", q)
		}
	}
}

func TestQuotesFormats(t *testing.T) {
	home := t.TempDir()
	passage := "Isil’s loss of territory has not produced the surge in terrorist plots that\nwas expected. Since the beginning of the year, the UK has faced five\nsuccessful terrorist attacks"
	if _, errs, err := folio(t, home, "quotes", "add", raqqaID, "--text", passage, "--note", "the *expected* surge"); err != nil {
		t.Fatalf("%v %s", err, errs)
	}
	if _, _, err := folio(t, home, "quotes", "add", "2017-09-parsons-green-low-level-plots", "--text", "Parsons Green"); err != nil {
		t.Fatal(err)
	}

	md, _, err := folio(t, home, "quotes", "--piece", raqqaID)
	if err != nil {
		t.Fatal(err)
	}
	want := `> Isil’s loss of territory has not produced the surge in terrorist plots that
> was expected. Since the beginning of the year, the UK has faced five
> successful terrorist attacks

— Raffaello Pantucci, "It’s not Isil’s returning terrorists we should worry about. It’s those who are already here," *The Telegraph*, 19 October 2017. [@pantucci2017isil]

Note: the \*expected\* surge
`
	if md != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", md, want)
	}

	bib, _, err := folio(t, home, "quotes", "--format", "bibtex")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(bib, "\n@") + 1; n != 2 || !strings.HasPrefix(bib, "@article{pantucci2017isil,") ||
		!strings.Contains(bib, "annote       = {“Isil’s loss of territory has not produced the surge in terrorist plots that was expected. Since the beginning of the year, the UK has faced five successful terrorist attacks” (the *expected* surge)},") ||
		!strings.Contains(bib, "{pantucci2017lowlevel,") {
		t.Errorf("bibtex, %d entries:\n%s", n, bib)
	}

	qs := quotesJSONOut(t, home)
	if len(qs) != 2 || qs[0].Piece != raqqaID || qs[0].Exact != passage || qs[0].Note != "the *expected* surge" ||
		qs[0].Citation.Key != "pantucci2017isil" || qs[0].Citation.Outlet != "The Telegraph" || qs[0].Orphaned {
		t.Errorf("json: %+v", qs)
	}
	// Words filter the quotes: in the passage, note or citation.
	if got := quotesJSONOut(t, home, "SURGE", "telegraph"); len(got) != 1 || got[0].Piece != raqqaID {
		t.Errorf("quotes surge telegraph: %+v", got)
	}
	if got := quotesJSONOut(t, home, "nowhere"); len(got) != 0 {
		t.Errorf("quotes nowhere: %+v", got)
	}
	// The quoted pieces are found with --quoted.
	out, _, err := folio(t, home, "list", "--quoted", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var listed []struct{ ID string }
	_ = json.Unmarshal([]byte(out), &listed)
	if len(listed) != 2 || listed[0].ID != raqqaID {
		t.Errorf("list --quoted: %s", out)
	}
	out, _, err = folio(t, home, "search", "raqqa", "--quoted", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int `json:"total"`
		Hits  []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total != 1 || res.Hits[0].ID != raqqaID {
		t.Errorf("search raqqa --quoted: %v\n%s", err, out)
	}

	// rm deletes by id.
	if _, _, err := folio(t, home, "quotes", "rm", qs[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := quotesJSONOut(t, home); len(got) != 1 {
		t.Errorf("%d quotes after rm", len(got))
	}
	if _, _, err := folio(t, home, "quotes", "rm", "nosuchid"); err == nil {
		t.Error("rm of an unknown id succeeded")
	}
}

func TestQuotesAddRefusals(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{
		{"quotes", "add", raqqaID, "--text", "words that are not in the piece at all"},
		{"quotes", "add", raqqaID},
		{"quotes", "add", raqqaID, "--text", " — "},
		{"quotes", "add", "no-such-piece", "--text", "Raqqa"},
		{"quotes", "--format", "ris"},
	} {
		if _, _, err := folio(t, home, args...); err == nil {
			t.Errorf("%v succeeded", args)
		}
	}
	if _, errs, err := folio(t, home, "quotes"); err != nil || !strings.Contains(errs, "no quotes yet") {
		t.Errorf("no quotes: %v %q", err, errs)
	}
}

func TestQuotesOutputIsTerminalSafe(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "folio")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// A hand-edited quotes file with escapes in every string.
	evil := "\x1b]0;owned\x07\x1b[2J\u202e"
	qs := []state.Quote{{ID: "0000abcd", Piece: "gone-piece", Selector: state.Selector{Exact: "words " + evil, Prefix: evil}, Note: evil,
		Citation: state.Citation{Title: "T" + evil, Authors: []string{"A" + evil}, Outlet: evil, Date: "2017"}}}
	data, _ := json.Marshal(map[string]any{"version": 1, "quotes": qs})
	if err := os.WriteFile(filepath.Join(dir, state.QuotesFileName("bundled")), data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"markdown", "bibtex", "json"} {
		out, errs, err := folio(t, home, "quotes", "--format", f)
		if err != nil {
			t.Fatalf("%s: %v %s", f, err, errs)
		}
		if !strings.Contains(out, "words") {
			t.Errorf("%s: the quote is missing:\n%s", f, out)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%s output has raw controls: %q", f, out)
		}
	}
}

// A quote whose passage is gone from its piece, changed since (new text,
// title and date), is cited as the piece was when it was quoted, as the
// README says, in every format; a quote of the piece now is cited as the
// piece is now, in its own BibTeX entry. Before, the orphan was cited as
// the piece's new version (an attack: a passage of "Count b v1", 2020,
// cited as "Count b v2", 2021, under another key).
func TestAnOrphanedQuoteIsCitedAsQuoted(t *testing.T) {
	home, arch := t.TempDir(), t.TempDir()
	file := filepath.Join(arch, "count.md")
	write := func(title, date, text string) {
		t.Helper()
		md := "---\ntitle: " + title + "\ndate: " + date + "\nauthor: Bo Chan\noutlet: CountFeed\n---\n" + text + "\n"
		if err := os.WriteFile(file, []byte(md), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("Count b v1", "2020-01-03", "The text of b version one. It stays here.")
	if _, errs, err := folio(t, home, "--archive", arch, "quotes", "add", "count", "--text", "The text of b version one."); err != nil {
		t.Fatalf("add: %v %s", err, errs)
	}
	write("Count b v2", "2021-06-01", "Another text now. It stays here.")
	if _, errs, err := folio(t, home, "--archive", arch, "quotes", "add", "count", "--text", "It stays here."); err != nil {
		t.Fatalf("add: %v %s", err, errs)
	}

	qs := quotesJSONOut(t, home, "--archive", arch)
	if len(qs) != 2 {
		t.Fatalf("%d quotes, want 2", len(qs))
	}
	for _, q := range qs {
		want, wantDate := "Count b v2", "2021-06-01"
		if q.Orphaned {
			want, wantDate = "Count b v1", "2020-01-03"
		}
		if q.Citation.Title != want || q.Citation.Date != wantDate || !strings.Contains(q.CitationText, want) {
			t.Errorf("%q (orphaned %v) cited %q %q, %q; want %q %q", q.Exact, q.Orphaned, q.Citation.Title, q.Citation.Date, q.CitationText, want, wantDate)
		}
	}
	md, _, err := folio(t, home, "--archive", arch, "quotes", "--orphaned")
	if err != nil || !strings.Contains(md, "Count b v1") || strings.Contains(md, "Count b v2") {
		t.Errorf("markdown of the orphan (%v):\n%s", err, md)
	}
	bib, _, err := folio(t, home, "--archive", arch, "quotes", "--format", "bibtex")
	if err != nil || strings.Count(bib, "@") != 2 || !strings.Contains(bib, "Count b v1") || !strings.Contains(bib, "Count b v2") {
		t.Errorf("bibtex: two entries, one a version (%v):\n%s", err, bib)
	}
}

// TestQuotesBibTeXAccessedTheDayKept: folio quotes --format bibtex gives
// an online piece's urldate as the local day its first quote was kept, so
// that the same quotes give the same entries on any day (a researcher's
// report: it was today, every run), or the day --accessed gives.
func TestQuotesBibTeXAccessedTheDayKept(t *testing.T) {
	home, arch := t.TempDir(), t.TempDir()
	md := "---\ntitle: Kept online\ndate: 2020-01-03\nauthor: Bo Chan\noutlet: CountFeed\nurl: https://example.org/kept\n---\nThe first passage. The second passage.\n"
	if err := os.WriteFile(filepath.Join(arch, "kept.md"), []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"The first passage.", "The second passage."} {
		if _, errs, err := folio(t, home, "--archive", arch, "quotes", "add", "kept", "--text", text); err != nil {
			t.Fatalf("add: %v %s", err, errs)
		}
	}
	// kept at 03:00 UTC on 4 March 2021 (the evening before, west of UTC)
	// and on 1 May: the file's times as they are stored, in UTC
	files, _ := filepath.Glob(filepath.Join(home, "folio", "*.quotes.json"))
	if len(files) != 1 {
		t.Fatalf("quotes files %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	created := regexp.MustCompile(`"created": *"[^"]*"`)
	n := 0
	data = created.ReplaceAllFunc(data, func([]byte) []byte {
		n++
		return []byte(map[int]string{1: `"created": "2021-03-04T03:00:00Z"`, 2: `"created": "2021-05-01T12:00:00Z"`}[n])
	})
	if n != 2 {
		t.Fatalf("%d created times in:\n%s", n, data)
	}
	if err := os.WriteFile(files[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	local := time.Local
	time.Local = time.FixedZone("UTC-7", -7*3600)
	t.Cleanup(func() { time.Local = local })

	urldate := regexp.MustCompile(`(?m)^  urldate *= \{(.*)\},$`)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "2021-03-03"}, // the first quote's local day
		{[]string{"--accessed", "2024-02-29"}, "2024-02-29"},
	} {
		bib, errs, err := folio(t, home, append([]string{"--archive", arch, "quotes", "--format", "bibtex"}, c.args...)...)
		m := urldate.FindAllStringSubmatch(bib, -1)
		if err != nil || len(m) != 1 || m[0][1] != c.want {
			t.Errorf("quotes %v: urldate %v, want %s (%v %s):\n%s", c.args, m, c.want, err, errs, bib)
		}
	}
	if _, _, err := folio(t, home, "--archive", arch, "quotes", "--format", "bibtex", "--accessed", "29 Feb"); err == nil {
		t.Error("--accessed 29 Feb was taken")
	}
}
