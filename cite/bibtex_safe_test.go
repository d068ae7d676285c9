package cite

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/bibcheck"
)

// unescape reads back what bibEscape wrote: the text LaTeX prints. Braces
// that are no command's (a ligature broken: -{}-) print nothing.
var unescape = strings.NewReplacer(
	`\textbackslash{}`, `\`, `\textbraceleft{}`, `{`, `\textbraceright{}`, `}`,
	`\#`, `#`, `\$`, `$`, `\%`, `%`, `\&`, `&`, `\_`, `_`,
	`\textasciitilde{}`, `~`, `\textasciicircum{}`, `^`, `\symbol{44}`, `,`,
	`{`, ``, `}`, ``,
).Replace

// biberKeywords splits a keywords field as biber does (its xsvsep).
var biberKeywords = regexp.MustCompile(`\s*,\s*`)

func day(s string) archive.Date {
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return archive.Date{Time: tm, Precision: archive.PrecisionDay}
}

// hostilePieces are the reviewer's four pieces (one brace each way in two
// titles), and pieces whose every other field holds a lone brace, a
// backslash before a brace, a comma in a tag or the word "and".
func hostilePieces() []archive.Article {
	return []archive.Article{
		{ID: "one", Title: "Emoticons :-} and why they matter", Authors: []string{"Jane Smith"}, Date: day("2017-05-01")},
		{ID: "two", Title: "A second, ordinary piece", Authors: []string{"John Roe"}, Date: day("2017-06-01")},
		{ID: "three", Title: "Set notation {x in a book", Authors: []string{"Ann Poe"}, Date: day("2017-07-01")},
		{ID: "four", Title: "Fourth, ordinary piece", Authors: []string{"Bob Doe"}, Date: day("2017-08-01")},
		{ID: "five", Title: `Ends in a backslash \`, Authors: []string{"Jo {Brace", "Tom and} Jerry"}, Outlet: "The {Paper",
			Date: day("2018-01-01"), URL: "https://x.example/a{b}/c\\d?e=%7B#f", Tags: []string{"c}d", "a,b", "{", `\}`, "plain"}},
		{ID: "six", Title: `\{ \} {{{`, Authors: []string{"Ann {"}, Outlet: "}", Kind: "report", Date: day("2018-02-01"), Tags: []string{",", " x , y "}},
		{ID: "seven", Title: "An ordinary piece after them", Authors: []string{"Cy Fox"}, Date: day("2018-03-01")},
		{ID: "eight", Title: "Dashes -- and --- , <<guillemets>>, ,,low`` ``quotes'' ¡!`?`", Authors: []string{"Jean--Pierre Roe"},
			Outlet: "A--B", Date: day("2018-04-01"), Tags: []string{"x--y"}},
	}
}

// checkEntries asserts that bib has one entry for each of arts, in order,
// as BibTeX reads them (bibcheck.Parse), each field's braces balanced, the
// title and keywords meaning what the piece's do.
func checkEntries(t *testing.T, arts []archive.Article, bib string) []bibcheck.Entry {
	t.Helper()
	entries, err := bibcheck.Parse(bib)
	if err != nil {
		t.Fatalf("%v\n%s", err, bib)
	}
	if len(entries) != len(arts) {
		t.Fatalf("%d entries for %d pieces:\n%s", len(entries), len(arts), bib)
	}
	for i, e := range entries {
		a := arts[i]
		for _, f := range e.Fields {
			if !bibcheck.Balanced(f.Value) {
				t.Errorf("%s: field %s is unbalanced: %q", a.ID, f.Name, f.Value)
			}
		}
		if title, _ := e.Get("title"); unescape(title) != a.Title {
			t.Errorf("%s: title %q reads back as %q, not %q", a.ID, title, unescape(title), a.Title)
		}
		var want []string
		for _, tag := range a.Tags {
			if tag = strings.TrimSpace(tag); tag != "" {
				want = append(want, tag)
			}
		}
		kw, ok := e.Get("keywords")
		var got []string
		if ok {
			for _, k := range biberKeywords.Split(kw, -1) {
				got = append(got, unescape(k))
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: keywords %q are, to biber, %q; want %q", a.ID, kw, got, want)
		}
		if u, ok := e.Get("url"); ok && strings.ContainsAny(u, "{}\\ ") {
			t.Errorf("%s: url %q", a.ID, u)
		}
	}
	return entries
}

// TestBibTeXEveryFieldIsParseable: no text in any field drops an entry or
// the next one, as BibTeX's rule reads them and as Text::BibTeX (btparse,
// what biber uses) does.
func TestBibTeXEveryFieldIsParseable(t *testing.T) {
	arts := hostilePieces()
	bib := BibTeXEntries(arts, accessed, nil)
	entries := checkEntries(t, arts, bib)
	annotated := BibTeXAnnotated(arts[0], "k", accessed, "“if (x) { return y” (a note })\n    “}}} \\{”")
	if _, err := bibcheck.Parse(annotated); err != nil || !bibcheck.Balanced(annotated) {
		t.Errorf("annote: %v\n%s", err, annotated)
	}

	perl, warnings := bibcheck.Perl(t, bib+"\n"+annotated)
	if len(perl) != len(arts)+1 {
		t.Fatalf("Text::BibTeX read %d entries of %d:\n%s\n%s", len(perl), len(arts)+1, warnings, bib)
	}
	if warnings != "" {
		t.Errorf("Text::BibTeX warns:\n%s", warnings)
	}
	for i, e := range perl[:len(arts)] {
		if e.Type == "ERROR" || e.Key != entries[i].Key {
			t.Errorf("entry %d: Text::BibTeX read %+v, want key %s", i, e, entries[i].Key)
			continue
		}
		if title, _ := e.Get("title"); unescape(title) != arts[i].Title {
			t.Errorf("%s: Text::BibTeX reads the title as %q", arts[i].ID, title)
		}
	}
	if note, _ := perl[len(arts)].Get("annote"); !strings.Contains(unescape(note), "if (x) { return y") {
		t.Errorf("annote read as %q", note)
	}
}

// FuzzBibTeX writes a piece whose title, author, outlet, tags, note and URL
// are anything, between two ordinary pieces, and asserts what
// TestBibTeXEveryFieldIsParseable does: three entries, balanced fields,
// the title and tags meaning what they did. Seeds: testdata/fuzz/FuzzBibTeX.
func FuzzBibTeX(f *testing.F) {
	f.Add("Emoticons :-}", "Jane {Smith", "The {Paper", "c}d", "if (x) { return y", "https://x.example/{")
	f.Add(`\{`, `\`, "}", "a,b", `\}`, "https://x.example/a%7B")
	f.Fuzz(func(t *testing.T, title, author, outlet, tag, note, url string) {
		if !utf8.ValidString(title + author + outlet + tag + note + url) {
			t.Skip()
		}
		// The archive keeps one line a field and no controls
		// (archive.SanitizeLine); a URL is http(s) and valid.
		title, author, outlet, tag, note = archive.SanitizeLine(title), archive.SanitizeLine(author), archive.SanitizeLine(outlet), archive.SanitizeLine(tag), archive.SanitizeLine(note)
		if title == "" {
			title = "x"
		}
		url = "https://x.example/" + url
		if archive.ValidURL(url) != nil {
			url = ""
		}
		arts := []archive.Article{
			{ID: "a", Title: "Before", Authors: []string{"Ann Smith"}, Date: day("2020-01-01")},
			{ID: "b", Title: title, Authors: []string{author}, Outlet: outlet, Tags: []string{tag, "plain"}, Date: day("2020-02-01"), URL: url},
			{ID: "c", Title: "After", Authors: []string{"Bo Jones"}, Date: day("2020-03-01")},
		}
		bib := BibTeXEntries(arts, accessed, nil)
		checkEntries(t, arts, bib)
		annotated := BibTeXAnnotated(arts[1], "k", accessed, note)
		if _, err := bibcheck.Parse(annotated); err != nil {
			t.Fatalf("annote %q: %v\n%s", note, err, annotated)
		}
	})
}

// TestBibTeXBreaksLigatures: no field but the URL holds a pair of
// characters TeX makes a ligature of ("--" printed as an en dash, "<<" as
// a guillemet: a helper's report), and the title still reads as written.
func TestBibTeXBreaksLigatures(t *testing.T) {
	arts := hostilePieces()[7:]
	entries := checkEntries(t, arts, BibTeXEntries(arts, accessed, nil))
	for _, f := range entries[0].Fields {
		if f.Name == "url" {
			continue
		}
		for _, lig := range []string{"--", "<<", ">>", ",,", "``", "''", "!`", "?`"} {
			if strings.Contains(f.Value, lig) {
				t.Errorf("field %s holds the ligature %s: %q", f.Name, lig, f.Value)
			}
		}
	}
}

// TestBibTeXProtectsAcronyms: words with a capital after their first
// letter are braced, so that a style setting titles in sentence case
// keeps them (a helper's report: NATO, EU and ISIS were lower-cased);
// in a sentence-case title, so is every other capitalised word
// (London); the title reads as written.
func TestBibTeXProtectsAcronyms(t *testing.T) {
	arts := []archive.Article{{ID: "a", Title: "NATO, the EU and ISIS: iPhone sales, McCain's U.S. view of O'Brien in London -- {x}",
		Authors: []string{"Ann Lee"}, Date: day("2020-01-01")}}
	entries := checkEntries(t, arts, BibTeXEntries(arts, accessed, nil))
	title, _ := entries[0].Get("title")
	want := `{NATO}, the {EU} and {ISIS}: {iPhone} sales, {McCain's U.S}. view of {O'Brien} in {London} -{}- \textbraceleft{}x\textbraceright{}`
	if title != want {
		t.Errorf("title\n%s\nwant\n%s", title, want)
	}
	// hyphened words with a part in capitals, whole; capitals alone; the
	// first word's first letter is kept by sentence case anyway
	for in, want := range map[string]string{
		"ISIS-K claims the attack":           `{ISIS-K} claims the attack`,
		"Why T-Mobile and COVID-19 matter":   `Why {T-Mobile} and {COVID}-19 matter`,
		"Counter-Terrorism after Plan B":     `Counter-Terrorism after Plan {B}`,
		"What I Saw in the X-Ray":            `What {I} Saw in the {X-Ray}`,
		"A long war":                         `A long war`,
		"Al-Qaeda's e-mail, U.S.-China talk": `Al-{Qaeda's} e-mail, {U.S}.-{China} talk`, // sentence case
		"AI-Powered Tools, a Non-GMO Food":   `{AI}-Powered Tools, a Non-{GMO} Food`,
		// a capital and a digit (biblatex-apa printed "the g20")
		"What the G20 Agreed on the A380": `What the {G20} Agreed on the {A380}`,
		"Inside the F1 Season, 5G and Q3": `Inside the {F1} Season, {5G} and {Q3}`,
		"The F-35 after 2020":             `The {F}-35 after 2020`,
	} {
		arts := []archive.Article{{ID: "a", Title: in, Authors: []string{"Ann Lee"}, Date: day("2020-01-01")}}
		entries := checkEntries(t, arts, BibTeXEntries(arts, accessed, nil))
		if title, _ := entries[0].Get("title"); title != want {
			t.Errorf("title %q: %s, want %s", in, title, want)
		}
	}
}
