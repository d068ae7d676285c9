package ui

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/index"
)

// TestPhraseTermsMarkRuns: a quoted phrase of the query is marked in the
// reader where its words run (spaces, punctuation, an ending on any
// word between them), not word by word; the other words and their
// endings still are.
func TestPhraseTermsMarkRuns(t *testing.T) {
	re := termsRegexp([]string{"united states", "isil fighters", "raqqa"})
	line := "A united tribe; the United  States; united, states's envoy; Isil’s fighters; Raqqa's fall"
	got := termStrings(re, line)
	want := []string{"United  States", "united, states's", "Isil’s fighters", "Raqqa's"}
	if !slices.Equal(got, want) {
		t.Errorf("marked %q, want %q", got, want)
	}
}

// termStrings is what termMatches marks in text.
func termStrings(re *regexp.Regexp, text string) []string {
	var out []string
	for _, m := range termMatches(re, text) {
		out = append(out, text[m[0]:m[1]])
	}
	return out
}

// TestTermsAreWholeWordsInEveryScript: a word that begins or ends with a
// letter outside ASCII is marked (RE2's \b missed café, États, Москва:
// none was ever marked), still only as a whole word; words of Han and
// kana are marked inside a run, as the index finds them; a word next to
// itself is marked twice.
func TestTermsAreWholeWordsInEveryScript(t *testing.T) {
	for _, c := range []struct {
		terms []string
		text  string
		want  []string
	}{
		{[]string{"états"}, "Les États-Unis, les étatsx et xétats.", []string{"États"}},
		{[]string{"café"}, "Un café noir; deux cafés; cafétéria", []string{"café", "cafés"}},
		{[]string{"москва"}, "в Москва сегодня, Москвах", []string{"Москва"}},
		{[]string{"états-unis"}, "Les États-Unis", []string{"États-Unis"}},
		{[]string{"états unis"}, "Les États-Unis ont", []string{"États-Unis"}},
		{[]string{"恐怖"}, "中国的反恐怖主义政策", []string{"恐怖"}},
		{[]string{"テロリズム", "脅威"}, "テロリズムの脅威。", []string{"テロリズム", "脅威"}},
		{[]string{"war"}, "war war,war wars warsaw swar", []string{"war", "war", "war", "wars"}},
		{[]string{"ab"}, "ab", []string{"ab"}},
		{[]string{"raqqa"}, "(Raqqa)", []string{"Raqqa"}},
	} {
		re := termsRegexp(c.terms)
		if got := termStrings(re, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q in %q: marked %q, want %q", c.terms, c.text, got, c.want)
		}
	}
}

// TestPhraseTermsOverALineEnd: a phrase wrapped from one rendered line to
// the next is marked on both, without the margin or the line's end; its
// words apart are not.
func TestPhraseTermsOverALineEnd(t *testing.T) {
	re := termsRegexp([]string{"united states", "envoys"})
	lines := []string{"  The envoys went to the United ", "  States about it; a united", "  tribe of states."}
	type cells struct{ start, end int }
	want := [][]cells{
		{{6, 12}, {25, 31}}, // envoys, United
		{{2, 8}},            // States
		nil,
	}
	got := lineMatches(lines, re)
	if len(got) != len(want) {
		t.Fatalf("%d lines of matches", len(got))
	}
	for i := range want {
		var g []cells
		for _, c := range got[i] {
			g = append(g, cells{c.start, c.end})
		}
		if !slices.Equal(g, want[i]) {
			t.Errorf("line %d %q: %v, want %v", i, lines[i], g, want[i])
		}
	}
}

// termCellsAt is the matches on line i, drawn alone.
func termCellsAt(plain []string, i int, re *regexp.Regexp) []cellRange {
	return newTermCells(plain, i, i+1, re).at(i)
}

// TestTermCellsAtALine: a line drawn is matched with the lines around it,
// so a phrase that runs on from the line before or to the line after is
// marked on it, and one over four lines on each of them.
func TestTermCellsAtALine(t *testing.T) {
	re := termsRegexp([]string{"united states"})
	lines := []string{"one", "two", "to the United", "States went", "three", "four", "five"}
	cells := func(i int) [][2]int {
		var out [][2]int
		for _, c := range termCellsAt(lines, i, re) {
			out = append(out, [2]int{c.start, c.end})
		}
		return out
	}
	if got := cells(2); !slices.Equal(got, [][2]int{{7, 13}}) {
		t.Errorf("line 2: %v", got)
	}
	if got := cells(3); !slices.Equal(got, [][2]int{{0, 6}}) {
		t.Errorf("line 3: %v", got)
	}
	for _, i := range []int{0, 5, 6, -1, 7} {
		if got := cells(i); got != nil {
			t.Errorf("line %d: %v", i, got)
		}
	}
	if termCellsAt(lines, 2, nil) != nil {
		t.Error("no terms, yet marks")
	}
	long := termsRegexp([]string{"the committee concluded after a careful examination"})
	lines = []string{"x", "y", "the committee", "concluded after", "a careful", "examination", "z", "w"}
	for i, want := range []bool{false, false, true, true, true, true, false, false} {
		if got := termCellsAt(lines, i, long) != nil; got != want {
			t.Errorf("the phrase over four lines: line %d %q marked %t", i, lines[i], got)
		}
	}
}

// TestReaderMarksAQuotedPhrase: with a real index, the reader opened from
// a search of "united states" marks the phrase, on one line or over a
// line's end, and not the words where they stand apart.
func TestReaderMarksAQuotedPhrase(t *testing.T) {
	arch := t.TempDir()
	body := "A united tribe met. The State was far.\n\n" +
		"The envoys of many nations all went to visit the United States about it, and " +
		"later they asked the United States for help.\n"
	text := "---\ntitle: Envoys\ndate: 2019-03-04\noutlet: The Test\n---\n" + body
	if err := os.WriteFile(filepath.Join(arch, "envoys.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h := newHarness(t, ix, 60, 30)
	h.key("/")
	h.typeText(`"united states"`)
	h.key("enter", "enter")
	h.requireScreen("The envoys")
	v := h.m.View().Content
	st := h.m.styles.Match
	// at 60 columns the first runs over a line's end, the second not
	for _, marked := range []string{"United", "States", "United States"} {
		if n := strings.Count(v, st.Render(marked)); n != 1 {
			t.Errorf("%q marked %d times, want once:\n%s", marked, n, v)
		}
	}
	for _, apart := range []string{"united", "State"} {
		if strings.Contains(v, st.Render(apart)) {
			t.Errorf("%q marked where it stands apart", apart)
		}
	}
}

// FuzzTermMatches: for any terms and text, the marks are in order, apart,
// inside the text, and each begins and ends with a letter or digit.
func FuzzTermMatches(f *testing.F) {
	f.Add("war", "war war,war wars warsaw")
	f.Add("états unis", "Les États-Unis")
	f.Add("恐怖", "中国的反恐怖主义")
	f.Add("cafe,aesthetic", "cafe\u0301 Æsthetic caf\u0301e")
	f.Add("c++", "c++ and c")
	f.Add("a\xffb", "\xff\xfe a\xffb")
	f.Fuzz(func(t *testing.T, terms, text string) {
		re := termsRegexp(strings.Split(terms, ","))
		if re == nil {
			return
		}
		end := 0
		for _, m := range termMatches(re, text) {
			if m[0] < end || m[1] <= m[0] || m[1] > len(text) {
				t.Fatalf("mark %v after %d in %q", m, end, text)
			}
			first, _ := utf8.DecodeRuneInString(text[m[0]:m[1]])
			last, _ := utf8.DecodeLastRuneInString(text[m[0]:m[1]])
			if !wordRune(first) || !wordRune(last) && !marksLetter(text[m[0]:m[1]]) {
				t.Fatalf("mark %q in %q", text[m[0]:m[1]], text)
			}
			end = m[1]
		}
		// the text's lines as the reader draws them: each line's marks
		// in order, inside the line, none empty (a phrase kept to one
		// block, or its words alone). The reader's lines are rendered
		// from sanitised text, valid UTF-8: in invalid text a character's
		// width is not the sum of its parts' (a helper's fuzzing found
		// " \x8b\xe21", whose \xe2 took the 1 into its column).
		if !utf8.ValidString(text) {
			return
		}
		lines := strings.Split(text, "\n")
		for i, cs := range lineMatches(lines, re) {
			w, end := ansi.StringWidth(lines[i]), 0
			for _, c := range cs {
				if c.start < end || c.end <= c.start || c.end > w {
					t.Fatalf("line %d %q: mark %v after %d, width %d", i, lines[i], c, end, w)
				}
				end = c.end
			}
		}
	})
}

// TestPhraseTermsStayInsideABlock: as the index finds a phrase only
// inside one block, the reader marks it only there: over a paragraph's or
// a quote's wrapped lines, not from one list item, paragraph, heading or
// table cell to the next (lines as Glamour renders them).
func TestPhraseTermsStayInsideABlock(t *testing.T) {
	md := "Intro zorbal\nquintex soft.\n\n- the first says zorbal\n- quintex opens the second\n\n" +
		"The paragraph ends zorbal.\n\n## Quintex heads this\n\n| a | b |\n|---|---|\n| zorbal | quintex |\n\n" +
		"He said zorbal\n> quintex was the word.\n\n> a quote zorbal\n>\n> quintex after a blank\n"
	lines, _, err := renderMarkdown(md, 60, "dark")
	if err != nil {
		t.Fatal(err)
	}
	plain := make([]string, len(lines))
	for i, l := range lines {
		plain[i] = ansi.Strip(l)
	}
	// and a quote's paragraph wrapped between the words; a table's rows
	// and a quote under a list item, as Glamour draws them
	plain = append(plain, "", "  │ wrapped quote zorbal", "  │ quintex ends it", "",
		"   a  │ b zorbal", "   quintex  │ d", "", "  • item zorbal", "    │ quintex quoted", "")
	re := termsRegexp([]string{"zorbal quintex"})
	var marked []string
	for i, cs := range lineMatches(plain, re) {
		for _, c := range cs {
			marked = append(marked, strings.TrimSpace(ansi.Cut(plain[i], c.start, c.end)))
		}
	}
	want := []string{"zorbal quintex", "zorbal", "quintex"}
	if !slices.Equal(marked, want) {
		t.Errorf("marked %q, want %q; lines:\n%s", marked, want, strings.Join(plain, "\n"))
	}
}

// TestARejectedPhraseLeavesItsWords: a phrase that would run from one
// block into the next is not marked, but the query's words in it still
// are, each alone (a review found them unmarked: the search went on past
// the whole run).
func TestARejectedPhraseLeavesItsWords(t *testing.T) {
	for _, plain := range [][]string{
		{"   a  │ b zorbal", "   quintex  │ d"},
		{"  • item zorbal", "    │ quintex quoted"},
	} {
		re := termsRegexp([]string{"zorbal quintex", "quintex", "zorbal"})
		var marked []string
		for i, cs := range lineMatches(plain, re) {
			for _, c := range cs {
				marked = append(marked, strings.TrimSpace(ansi.Cut(plain[i], c.start, c.end)))
			}
		}
		if want := []string{"zorbal", "quintex"}; !slices.Equal(marked, want) {
			t.Errorf("%q: marked %q, want %q", plain, marked, want)
		}
	}
	// a bar in prose (not a table's │) is punctuation: the phrase runs over it
	re := termsRegexp([]string{"agreed politics"})
	if got := lineMatches([]string{"  Brexit deal agreed | Politics"}, re); len(got[0]) != 1 {
		t.Errorf("a phrase over a bar in prose: %v", got)
	}
}
