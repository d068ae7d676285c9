package cite

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/bibcheck"
)

// A Markdown note, rendered, links only to the piece's URL, shown whole,
// and no entity in its text becomes a control character: a URL of a
// hostile page ("…/a[text](https://elsewhere)") or a title with "&#27;" in
// it cannot put a link of its own, or an escape, in the researcher's notes.
func TestMarkdownNoteLinksOnlyItsURL(t *testing.T) {
	for _, u := range []string{
		"https://x.example/a[click](http://evil.example)",
		"https://x.example/?a=1&#27;[2J&b=2",
		"https://x.example/<b>*x*`y`",
		"https://example.com/a_b",
	} {
		a := archive.Article{Title: "Q&A &#27;]0;t&#7; &#x202e; end", Authors: []string{"Ann Author"}, Outlet: "Times &amp; Post", URL: u}
		md := MarkdownCitation(a)
		var out bytes.Buffer
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
			t.Fatal(err)
		}
		links := regexp.MustCompile(`<a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(out.String(), -1)
		if len(links) != 1 || html.UnescapeString(links[0][1]) != strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) {
			t.Errorf("%s\nrenders links %q:\n%s", md, links, out.String())
		}
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out.String(), ""))
		if strings.ContainsAny(text, "\x1b\x07\u202e") || !strings.Contains(text, "Q&A &#27;]0;t&#7; &#x202e; end") {
			t.Errorf("%s\nreads %q", md, text)
		}
	}
}

// A URL with an & is written as an autolink, <URL>: bare, CommonMark
// (without GitHub's extensions, which link a bare URL) reads an entity in
// it, "&copy;" printed "©"; an autolink is read as written (a helper's
// report: the rule of the & survived every test).
func TestMarkdownNoteURLWithAnAmpersand(t *testing.T) {
	for _, u := range []string{"https://x.example/p?id=1&page=2", "https://x.example/p?id=1&copy;page=3"} {
		md := MarkdownCitation(archive.Article{Title: "T", Authors: []string{"Ann Author"}, Outlet: "Times", URL: u})
		if !strings.Contains(md, "<"+u+">") {
			t.Errorf("not an autolink: %s", md)
		}
		var out bytes.Buffer
		if err := goldmark.New().Convert([]byte(md), &out); err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out.String(), ""))
		if !strings.Contains(text, u) {
			t.Errorf("%s\nreads %q, without the URL", md, text)
		}
	}
}

// A name with the word "and" or a comma in it stays one name in a biblatex
// author list, which is split at "and" (any case) outside braces.
func TestBibTeXNamesStayOneEach(t *testing.T) {
	for _, authors := range [][]string{
		{"Tom and Jerry", "Ann Author"},
		{"Smith, John AND Ann", "Bob Jones"},
		{"Mary Ann Evans", "Andrew And"},
		{"van der Berg, Jan, Jr., and more", "X"},
	} {
		a := archive.Article{Title: "T", Authors: authors, Outlet: "O"}
		entry := BibTeXEntries([]archive.Article{a}, time.Time{}, nil)
		m := regexp.MustCompile(`(?m)^  author\s+= \{(.*)\},$`).FindStringSubmatch(entry)
		if m == nil {
			t.Fatalf("no author field:\n%s", entry)
		}
		// Split as biblatex does: at the word "and" outside braces.
		var names []string
		depth, name := 0, ""
		for _, w := range strings.Fields(m[1]) {
			if depth == 0 && strings.EqualFold(w, "and") {
				names, name = append(names, name), ""
				continue
			}
			name += w + " "
			depth += strings.Count(w, "{") - strings.Count(w, `\{`) - strings.Count(w, "}") + strings.Count(w, `\}`)
		}
		names = append(names, name)
		if len(names) != len(authors) {
			t.Errorf("%q: %d names in %q", authors, len(names), m[1])
		}
		for _, n := range names {
			if strings.TrimSpace(n) == "" {
				t.Errorf("%q: an empty name in %q", authors, m[1])
			}
		}
	}
}

// A given name holding a comma ("Lee, Ann, Bo": family name Lee, given
// name "Ann, Bo") is braced in a biblatex name, which BibTeX splits into
// its parts at the commas outside braces: two parts, family and given, not
// three with "Ann" read as a suffix (a helper's report: the rule of the
// comma survived every test).
func TestBibTeXCommaInAGivenName(t *testing.T) {
	a := archive.Article{ID: "x", Title: "A piece", Authors: []string{"Lee, Ann, Bo"}, Date: day("2019-01-01")}
	entries, err := bibcheck.Parse(BibTeXEntries([]archive.Article{a}, time.Time{}, nil))
	if err != nil || len(entries) != 1 {
		t.Fatalf("%v %v", entries, err)
	}
	author, _ := entries[0].Get("author")
	var parts []string
	depth, part := 0, ""
	for _, r := range author {
		switch {
		case r == ',' && depth == 0:
			parts, part = append(parts, strings.TrimSpace(part)), ""
			continue
		case r == '{':
			depth++
		case r == '}':
			depth--
		}
		part += string(r)
	}
	parts = append(parts, strings.TrimSpace(part))
	if len(parts) != 2 || parts[0] != "Lee" || parts[1] != "{Ann, Bo}" {
		t.Errorf("author %q is, to BibTeX, the parts %q; want Lee and {Ann, Bo}", author, parts)
	}
}

// Text in a Markdown note that GitHub's Markdown would make a link of (a
// bare www. address, a URL, an e-mail address) or strike through stays
// text: the note links only to its piece's URL (a helper's report).
func TestMarkdownNoteTextMakesNoLinks(t *testing.T) {
	for _, a := range []archive.Article{
		{Title: "See www.evil.example/login now", Authors: []string{"Ann Author"}, Outlet: "Times"},
		{Title: "Mail admin@evil.example", Authors: []string{"Ann Author"}, Outlet: "Times"},
		{Title: "Plain", Authors: []string{"Ann Author"}, Outlet: "Visit https://evil.example/x"},
		{Title: "Plain", Authors: []string{"WWW.evil.example"}, Outlet: "Times"},
		{Title: "~~struck~~ and ~sub~", Authors: []string{"Ann Author"}, Outlet: "Times"},
	} {
		a.URL = "https://x.example/piece"
		a.Date = day("2017-03-01")
		md := MarkdownCitation(a)
		var out bytes.Buffer
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
			t.Fatal(err)
		}
		links := regexp.MustCompile(`<a href="[^"]*">`).FindAllString(out.String(), -1)
		if len(links) != 1 || links[0] != `<a href="https://x.example/piece">` || strings.Contains(out.String(), "<del>") {
			t.Errorf("%s\nrenders:\n%s", md, out.String())
		}
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out.String(), ""))
		for _, want := range []string{a.Outlet, a.Authors[0], strings.TrimRight(a.Title, ".")} {
			if !strings.Contains(text, want) {
				t.Errorf("%s\nreads %q, without %q", md, text, want)
			}
		}
	}
}

// Pandoc Markdown's math ($…$) and superscript (^…^) stay text: they are
// escaped as any mark, and CommonMark reads the note as written (a
// helper's report: pandoc rendered "E=mc^2^" as mc², "$x+y$" as math).
func TestMarkdownNoteEscapesMathAndSuperscript(t *testing.T) {
	a := archive.Article{Title: "Why E=mc^2^ and $x+y$ matter", Authors: []string{"Ann Author"}, Outlet: "Times", Date: day("2017-03-01")}
	md := MarkdownCitation(a)
	for _, want := range []string{`mc\^2\^`, `\$x+y\$`} {
		if !strings.Contains(md, want) {
			t.Errorf("note %q, want %q in it", md, want)
		}
	}
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	if text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out.String(), "")); !strings.Contains(text, a.Title) {
		t.Errorf("%s\nreads %q, without %q", md, text, a.Title)
	}
}

// Markdown notes pasted into a document are paragraphs of their own, each
// read as written: an author (or a title, without one) at the start of a
// line that Markdown reads as a block's mark ("- Ann Lee", "> Ann Lee",
// "1. FC Köln", "# Hashtag") became a list, a quote or a heading, and
// consecutive notes, one per line, ran together into one paragraph.
func TestMarkdownNotesAreParagraphsAsWritten(t *testing.T) {
	starts := []string{"- Ann Lee", "> Ann Lee", "1) Ann Lee", "+ Ann Lee", "1. FC Köln", "# Hashtag", "= Equals", "| Pipe", "2024. A Year", "Ann Lee"}
	var arts []archive.Article
	for _, s := range starts {
		arts = append(arts, archive.Article{Title: "T", Authors: []string{s}, Outlet: "Times"})
	}
	arts = append(arts, archive.Article{Title: "- a list? no", Outlet: "Times"})
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(MarkdownCitations(arts)), &out); err != nil {
		t.Fatal(err)
	}
	paras := regexp.MustCompile(`(?s)<p>(.*?)</p>`).FindAllStringSubmatch(out.String(), -1)
	if rest := regexp.MustCompile(`(?s)<p>.*?</p>\s*`).ReplaceAllString(out.String(), ""); len(paras) != len(arts) || rest != "" {
		t.Fatalf("%d paragraphs for %d notes, and %q besides:\n%s", len(paras), len(arts), rest, out.String())
	}
	for i, p := range paras {
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(p[1], ""))
		if want := TextCitation(arts[i]); text != want {
			t.Errorf("note %d reads %q, want %q", i, text, want)
		}
	}
}
