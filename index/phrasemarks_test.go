package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// marked is text with the words the plan of query marks, as snippets mark
// them.
func marked(query, text string) string {
	p := buildPlan(parseQuery(query, false), DefaultSynonyms())
	_, hl := p.highlight()
	return mark(text, hl.findMatches(text, 1000))
}

// TestPhraseMarks: a quoted phrase marks its words only where they run
// one after another as written, the way the index matched it; a word of
// another form, or another word between, is not the phrase.
func TestPhraseMarks(t *testing.T) {
	m := func(s string) string { return MarkStart + s + MarkEnd }
	tests := []struct{ query, text, want string }{
		// another word between: once marked (anything under 24 bytes
		// apart counted), not the phrase
		{`"united states"`, "a united Islamic State tribe and the United States serve",
			"a united Islamic State tribe and the " + m("United States") + " serve"},
		// another form of a word of a quoted phrase
		{`"united states"`, "united State, united statesman, united states.",
			"united State, united statesman, " + m("united states") + "."},
		// a stop word's place holds that word in a quoted phrase, and the
		// whole run is marked
		{`"prevention of terrorism"`, "prevention and terrorism; prevention of terrorism",
			"prevention and terrorism; " + m("prevention of terrorism")},
		// stop words at either end are words of the phrase as written
		{`"the united states"`, "Each united State sent; the United States for help",
			"Each united State sent; " + m("the United States") + " for help"},
		{`"united states for"`, "united states sent; united States for help",
			"united states sent; " + m("united States for") + " help"},
		{`"the hague"`, "Hague courts and the Hague",
			"Hague courts and " + m("the Hague")},
		// punctuation between is no word
		{`"foreign fighters"`, "foreign, fighters; foreign – fighters",
			m("foreign, fighters") + "; " + m("foreign – fighters")},
		// an alias that is a phrase (stems): Islamic State, not Islamic
		// then State a word later
		{`isis`, "Islamic group State; the Islamic States",
			"Islamic group State; the " + m("Islamic States")},
		// a phrase word also asked on its own is marked on its own
		{`united "united states"`, "united kingdom, united states",
			m("united") + " kingdom, " + m("united states")},
		// an abbreviation with full stops is marked with its last
		// (41f: «U.S».), a run of words before a stop without it
		{`U.S.`, "The U.S. economy and the U.S.",
			"The " + m("U.S.") + " economy and the " + m("U.S.")},
		{`"e.g. Ph.D."`, "e.g. Ph.D. holders", m("e.g. Ph.D.") + " holders"},
		{`"economy grew"`, "The economy grew.", "The " + m("economy grew") + "."},
		{`"U.S. economy"`, "The U.S. economy.", "The " + m("U.S. economy") + "."},
	}
	for _, tt := range tests {
		if got := marked(tt.query, tt.text); got != tt.want {
			t.Errorf("%s in %q:\n got %q\nwant %q", tt.query, tt.text, got, tt.want)
		}
	}
}

// TestAliasPhraseMarks: an alias that is a phrase (stems) marks words
// written with an apostrophe, as the index matched them.
func TestAliasPhraseMarks(t *testing.T) {
	hl := newHighlightSet()
	hl.addUnit(analyzePhrase("O'Neill report"))
	text := "the O'Neill report, the O’Neill report, the ONeill report"
	m := func(s string) string { return MarkStart + s + MarkEnd }
	want := "the " + m("O'Neill report") + ", the " + m("O’Neill report") + ", the " + m("ONeill report")
	if got := mark(text, hl.findMatches(text, 50)); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestPhraseMarksLimit: the limit counts the marks shown: a phrase's run
// is one, the marks of its words on their own go.
func TestPhraseMarksLimit(t *testing.T) {
	p := buildPlan(parseQuery(`united "united states"`, false), DefaultSynonyms())
	_, hl := p.highlight()
	text := strings.Repeat("the united states, ", 30)
	got := hl.findMatches(text, 24)
	if len(got) != 24 {
		t.Errorf("%d marks of the 24 asked", len(got))
	}
	for _, sp := range got {
		if text[sp.start:sp.end] != "united states" {
			t.Errorf("marked %q", text[sp.start:sp.end])
		}
	}
}

// TestPhraseMarkIsClean: a phrase's run marked over a line's end and
// emphasis reads as plain text on one line.
func TestPhraseMarkIsClean(t *testing.T) {
	if got, want := marked(`"united states"`, "asked the *United*\n  States for"), "asked the "+MarkStart+"United States"+MarkEnd+" for"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPhraseSnippet: the snippet of a phrase's hit shows where the piece
// has the phrase, not a window where its words stand apart (a search of
// "united states" showed "«united» Islamic «State»").
func TestPhraseSnippet(t *testing.T) {
	src := t.TempDir()
	decoy := strings.Repeat("A united Islamic State tribe met. ", 3)
	filler := strings.Repeat("Harvests and rain fell on the hills for many weeks. ", 20)
	text := "---\ntitle: Tribes\ndate: 2017-01-02\n---\n" + decoy + filler + "They asked the United States for help.\n"
	if err := os.WriteFile(filepath.Join(src, "tribes.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r := run(t, ix, Query{Text: `"united states"`})
	if r.Total != 1 {
		t.Fatalf("%d hits", r.Total)
	}
	joined := strings.Join(r.Hits[0].Snippets, " | ")
	if !strings.Contains(joined, MarkStart+"United States"+MarkEnd) {
		t.Errorf("the phrase is not in the snippets: %q", joined)
	}
	if strings.Contains(joined, MarkStart+"State"+MarkEnd) || strings.Contains(joined, MarkStart+"united"+MarkEnd) {
		t.Errorf("words apart are marked: %q", joined)
	}
}

// FuzzPhraseMarks: any text under any query gives marks on whole words,
// in order, inside the text.
func FuzzPhraseMarks(f *testing.F) {
	f.Add(`"united states"`, "the United States’ and united State")
	f.Add(`isis "prevention of terrorism" radica*`, "Islamic State… prevention of 1,000 terrorism's 中文 Isil’s")
	f.Fuzz(func(t *testing.T, query, text string) {
		p := buildPlan(parseQuery(query, true), DefaultSynonyms())
		_, hl := p.highlight()
		prev := 0
		for _, s := range hl.findMatches(text, 50) {
			if s.start < prev || s.end <= s.start || s.end > len(text) {
				t.Fatalf("%q in %q: span %v after %d", query, text, s, prev)
			}
			prev = s.end
		}
	})
}

// TestPhraseTerms: the words the reader marks hold a quoted phrase whole.
func TestPhraseTerms(t *testing.T) {
	p := buildPlan(parseQuery(`"united states" raqqa -mosul`, false), nil)
	if got := p.terms(); !slices.Equal(got, []string{"united states", "raqqa"}) {
		t.Errorf("terms %q", got)
	}
}

// TestLongPhraseSnippet: a phrase's run longer than a snippet is shown,
// marked and cut, not the piece's opening without marks (a review found
// a quoted sentence of 243 bytes unshown).
func TestLongPhraseSnippet(t *testing.T) {
	sentence := "the committee concluded after a lengthy and careful examination of the evidence that the " +
		"security services had received several warnings about the cell months before the attack and had " +
		"failed to act on them in time to prevent the attack on the capital"
	p := buildPlan(parseQuery(`"`+sentence+`"`, false), DefaultSynonyms())
	_, hl := p.highlight()
	text := strings.Repeat("Background paragraph about many unrelated things. ", 8) + "In its report, " + sentence + ". More text follows."
	got := hl.snippets(text)
	if len(got) == 0 || !strings.Contains(got[0], MarkStart+"the committee concluded") || strings.Count(got[0], MarkStart) != strings.Count(got[0], MarkEnd) {
		t.Errorf("snippets %q", got)
	}
	if len(got) > 0 && len(got[0]) > 3*snippetLen {
		t.Errorf("a snippet of %d bytes", len(got[0]))
	}
}

// TestFormsOfAWordBesideAPhrase: the forms a plain word matched are read
// from the marks, a phrase's run word by word.
func TestFormsOfAWordBesideAPhrase(t *testing.T) {
	hits := []Hit{{Snippets: []string{"the " + MarkStart + "tax cuts" + MarkEnd + " and " + MarkStart + "taxes" + MarkEnd + ", " + MarkStart + "taxed" + MarkEnd}}}
	got := formsFound([][2]string{{"tax", "tax"}}, hits)
	if len(got) != 1 || strings.Contains(got[0], "tax cuts") || !strings.Contains(got[0], "taxes") {
		t.Errorf("forms %q", got)
	}
}
