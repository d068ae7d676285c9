package cli

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/folio-tui/folio/internal/bibcheck"
	"github.com/folio-tui/folio/state"
)

// hostileQuote is a quote of a hand-edited quotes file whose piece is gone
// (so its recorded citation is printed): every field tries to leave the
// place folio quotes gives it.
func hostileQuote() state.Quote {
	passage := strings.Join([]string{
		"first line",
		"=====",     // a setext heading's underline
		"---",       // a thematic break, or a setext heading's
		"~~~",       // a fenced code block
		"| a | b |", // a table
		"|---|---|", // its delimiter row
		":--|--",    // another
		"+++ plus",  // not a list, but + starts one
		"&#x202e;rlo &#27;[2J &#91;x&#93;&#40;http://evil.example&#41;", // entities
		"* star",
		"2) paren",
		"last line",
	}, "\n")
	return state.Quote{
		ID: "0000abcd", Piece: "gone-piece",
		Selector: state.Selector{Exact: passage},
		Note:     "first\n# Injected heading\n\n- a list\n&#27;[31m",
		Citation: state.Citation{
			Key:     "k] [evil](http://evil.example) [@x,\n@misc{inj",
			Title:   "Gone\n# Title heading\n}@misc{t,",
			Authors: []string{"Ann\nAuthor"}, Outlet: "O\n- list", Date: "2019",
			URL: "https://x.example/a[click](http://evil.example)", Kind: "article",
		},
	}
}

func writeQuotesFile(t *testing.T, home string, qs ...state.Quote) {
	t.Helper()
	dir := filepath.Join(home, "folio")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(map[string]any{"version": 1, "quotes": qs})
	if err := os.WriteFile(filepath.Join(dir, state.QuotesFileName("bundled")), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// folio quotes' Markdown, pasted into notes and rendered (CommonMark with
// GitHub's extensions), is a block quote of the passage and paragraphs of
// text: nothing a passage, note or recorded citation holds makes a
// heading, list, rule, code block, table or link of its own, and no entity
// becomes a control character.
func TestQuotesMarkdownKeepsItsShape(t *testing.T) {
	home := t.TempDir()
	writeQuotesFile(t, home, hostileQuote())
	md, errs, err := folio(t, home, "quotes")
	if err != nil {
		t.Fatalf("%v %s", err, errs)
	}
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	rendered := out.String()
	// The one link is the recorded URL, shown whole.
	for _, m := range regexp.MustCompile(`<a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(rendered, -1) {
		if html.UnescapeString(m[1]) != hostileQuote().Citation.URL {
			t.Errorf("a link reads %q:\n%s", m[1], rendered)
		}
		rendered = strings.Replace(rendered, m[0], "URL", 1)
	}
	allowed := map[string]bool{"blockquote": true, "p": true, "em": true, "br": true}
	for _, m := range regexp.MustCompile(`</?([a-z0-9]+)`).FindAllStringSubmatch(rendered, -1) {
		if !allowed[m[1]] {
			t.Errorf("the Markdown renders a <%s>:\n%s\nfrom:\n%s", m[1], rendered, md)
			break
		}
	}
	if n := strings.Count(rendered, "<blockquote>"); n != 1 {
		t.Errorf("%d block quotes, want 1:\n%s", n, rendered)
	}
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(rendered, ""))
	if strings.ContainsAny(text, "\x1b\u202e") {
		t.Errorf("an entity became a control character: %q", text)
	}
	// The passage is all in the block quote, its lines in order.
	bq := rendered[strings.Index(rendered, "<blockquote>"):strings.Index(rendered, "</blockquote>")]
	for _, w := range []string{"first line", "=====", "| a | b |", "+++ plus", "last line"} {
		if !strings.Contains(html.UnescapeString(bq), w) {
			t.Errorf("%q is not in the block quote:\n%s", w, bq)
		}
	}
}

// folio quotes' biblatex is entries of fields in balanced braces: no
// passage, note or recorded citation key ends a field or an entry early or
// starts another.
func TestQuotesBibTeXKeepsItsShape(t *testing.T) {
	home := t.TempDir()
	q := hostileQuote()
	q.Exact = "a } passage { with @misc{x, \\ and % and }}}} \x1b[2J\u202e\xff"
	q.Note = "note }\n@misc{evil,"
	writeQuotesFile(t, home, q)
	bib, errs, err := folio(t, home, "quotes", "--format", "bibtex")
	if err != nil {
		t.Fatalf("%v %s", err, errs)
	}
	// A control character would be escaped for the terminal as \x1b,
	// which LaTeX reads as a command.
	if strings.Contains(bib, `\x`) || strings.Contains(bib, `\u`) {
		t.Errorf("a control character reached the entry:\n%s", bib)
	}
	// Read as BibTeX reads it: every brace counts, \{ too.
	entries, err := bibcheck.Parse(bib)
	if err != nil {
		t.Fatalf("%v:\n%s", err, bib)
	}
	if len(entries) != 1 {
		t.Fatalf("%d entries:\n%s", len(entries), bib)
	}
	for _, f := range entries[0].Fields {
		if !bibcheck.Balanced(f.Value) {
			t.Errorf("field %s is unbalanced: %q", f.Name, f.Value)
		}
	}
	// And as Text::BibTeX (btparse, biber's parser) reads it, with a
	// second, innocent entry after it that must survive.
	next := "\n@misc{innocent,\n  title = {Innocent},\n}\n"
	perl, warnings := bibcheck.Perl(t, bib+next)
	if len(perl) != 2 || perl[0].Type == "ERROR" || perl[1].Key != "innocent" || warnings != "" {
		t.Errorf("Text::BibTeX read %+v\n%s\nof:\n%s", perl, warnings, bib+next)
	}
	if note, _ := perl[0].Get("annote"); !strings.Contains(note, `a \textbraceright{} passage \textbraceleft{} with`) {
		t.Errorf("annote read as %q", note)
	}
}
