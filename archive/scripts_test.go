package archive

import (
	"strings"
	"testing"
)

// A superscript or subscript keeps its number apart from the one it
// follows (a helper's report: 10<sup>6</sup> read "106", 2<sup>-3</sup>
// "2-3", CO<sub>2</sub> "CO2", and folio add --html wrote "about 1022
// joules" for 10<sup>22</sup>): in Unicode's forms when each character has
// one, else marked; in a Markdown body's inline HTML and in HTML converted.
func TestScriptsKeepTheirNumbers(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"10<sup>6</sup> tonnes and 2<sup>-3</sup> of CO<sub>2</sub>\n", "10⁶ tonnes and 2⁻³ of CO₂\n"},
		{"the 1<SUP>st</SUP> and x<sub>i+1</sub>, H<sub>2</sub>O\n", "the 1ˢᵗ and xᵢ₊₁, H₂O\n"},
		{"10<sup>6.5</sup> and a<sub>max value</sub> and e<sup><em>x</em></sup>\n", "10^(6.5) and a_(max value) and eˣ\n"},
		{"| a | 10<sup>3</sup> |\n", "| a | 10³ |\n"},
		// not closed on its line: dropped, as any other tag
		{"10<sup>6\n", "106\n"},
		{"a<sup></sup>b\n", "ab\n"},
		// a review's (41za): nested, references, markup decoded stays text
		{"X<sup>2<sup>3</sup></sup>\n", "X^(2³)\n"},
		{"2<sup>&minus;3</sup> and H<sub>&#50;</sub>O\n", "2⁻³ and H₂O\n"},
		{"x<sup>&lt;b&gt;</sup>\n", "x^(&lt;b&gt;)\n"},
		{"Nested <del>a <del>b</del> c</del> d.\n", "Nested ~~a b c~~ d.\n"},
		// tags before a link's destination, a tag after it (a read of
		// the change: those before were kept as text, "10<sup>6</sup>",
		// "<b>bold</b>", a script around the link lost its closing)
		{"10<sup>6</sup> [x](https://example.com/u) 2<sup>3</sup>\n", "10⁶ [x](https://example.com/u) 2³\n"},
		{"a <b>bold</b> and [x](https://example.com/u) <i>it</i>\n", "a bold and [x](https://example.com/u) it\n"},
		{"in 10<sup>[6.5](https://example.com/e)</sup> t\n", "in 10^([6.5](https://example.com/e)) t\n"},
		// a superscript that is a link to a note alone is a footnote's
		// marker, as footnotes writes one, no exponent (it read
		// 2019^([3](#fn3)), shown 2019^(3))
		{"in 2019<sup>[3](#fn3)</sup> and 2020<sup>[\\[4\\]](#cite_note-4)</sup>, 10<sup>6</sup> and x<sup>[5](#top)</sup>\n",
			"in 2019\\[3\\] and 2020\\[4\\], 10⁶ and x^([5](#top))\n"},
	} {
		if got := readableHTML(c.md); got != c.want {
			t.Errorf("readableHTML(%q) = %q, want %q", c.md, got, c.want)
		}
	}
	md, err := HTMLConverter().ConvertString("<p>about 10<sup>22</sup> joules, CO<sub>2</sub> and 2<sup>-3</sup></p>")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(readableHTML(md)), "about 10²² joules, CO₂ and 2⁻³"; got != want {
		t.Errorf("HTML converted to %q, read %q, want %q", md, got, want)
	}
	md, err = HTMLConverter().ConvertString(`<p>in 2019<sup id="fnref:3"><a href="#fn:3" class="footnote-ref">3</a></sup> and 10<sup>6</sup></p>`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(readableHTML(md)), `in 2019\[3\] and 10⁶`; got != want {
		t.Errorf("HTML converted to %q, read %q, want %q", md, got, want)
	}
}

// Links to notes are footnotes' markers, written as footnotes writes one,
// in each of the forms pages write them, by one rule of what a marker's
// label is (IsNoteLabel, which state's markerRuns reads too): Pandoc's
// link around the superscript (2019[<sup>1</sup>](#fn1) was shown 2019¹),
// several links in one superscript (2019^(1,2)); a superscript of words
// or a link elsewhere stays a superscript.
func TestNoteLinksAreMarkers(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"It rose in 2019<a href=\"#fn1\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>1</sup></a> and fell.\n",
			"It rose in 2019\\[1\\] and fell.\n"},
		{"in 2017<a href=\"#fn2\"><sup>[2]</sup></a>, 2016[<sup>3</sup>](#fn3)[<sup>4</sup>](#fn4) end\n",
			"in 2017\\[2\\], 2016\\[3\\]\\[4\\] end\n"},
		{"in 2019<sup><a href=\"#fn1\">1</a>,<a href=\"#fn2\">2</a></sup> and 2015<sup><a href=\"#fn1\">1</a> – <a href=\"#fn3\">3</a></sup> x\n",
			"in 2019\\[1,2\\] and 2015\\[1–3\\] x\n"},
		{"2019<sup><a href=\"#cite_note-a\">[a]</a></sup> and 2018<sup><a href=\"#fn1\">*</a></sup> y\n",
			"2019\\[a\\] and 2018\\[\\*\\] y\n"},
		{"2019<sup>[1](#fn1)[2](#fn2)</sup>\n", "2019\\[1\\]\\[2\\]\n"},
		// seven notes, "1,2,3,4,5,6,7", 13 characters: a superscript before
		// 45d (MaxNoteLabel bounded the whole label, not one note's)
		{"2014<sup>[1](#fn1),[2](#fn2),[3](#fn3),[4](#fn4),[5](#fn5),[6](#fn6),[7](#fn7)</sup>\n",
			"2014\\[1,2,3,4,5,6,7\\]\n"},
		{"2014<sup><a href=\"#fn12\">12</a>, <a href=\"#fn15\">15</a>, <a href=\"#fn23\">23</a>, <a href=\"#fn41\">41</a>, <a href=\"#fn57\">57</a></sup> y\n",
			"2014\\[12,15,23,41,57\\] y\n"},
		// not markers: a note's label of more than MaxNoteLabel characters,
		// more than MaxNoteLabels notes, or a character no label has; a
		// link elsewhere; a "[" escaped
		{"w<sup>[abcdefghijklm](#fn1)</sup>\n", "w^([abcdefghijklm](#fn1))\n"},
		{"n<sup>" + strings.Repeat("[1](#fn1),", MaxNoteLabels) + "[2](#fn2)</sup>\n",
			"n^(" + strings.Repeat("[1](#fn1),", MaxNoteLabels) + "[2](#fn2))\n"},
		{"x<sup>[(1)](#fn1)</sup> y[<sup>1</sup>](#top) z\\[<sup>2</sup>](#fn2)\n",
			"x^([(1)](#fn1)) y[¹](#top) z\\[²](#fn2)\n"},
	} {
		if got := readableHTML(c.md); got != c.want {
			t.Errorf("readableHTML(%q) = %q, want %q", c.md, got, c.want)
		}
	}
	md, err := HTMLConverter().ConvertString(`<p>It rose in 2019<a href="#fn1" class="footnote-ref" role="doc-noteref"><sup>1</sup></a> and fell.</p>`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(readableHTML(md)), `It rose in 2019\[1\] and fell.`; got != want {
		t.Errorf("HTML converted to %q, read %q, want %q", md, got, want)
	}
	for label, want := range map[string]bool{
		"1": true, "12": true, "a": true, "iv": true, "1,2": true, "1–3": true, "*": true, "†": true, "ii.3": true,
		"123456789012": true, "1234567890123": false, "": false, "1 2": false, "(1)": false, "<b>": false, "1]": false,
		"1,2,3,4,5,6,7": true, "1–3,5,7–9,12,14,17,19,22": true, "123456789012,1": true, "1,1234567890123": false,
		strings.Repeat("1,", MaxNoteLabels-1) + "1": true, strings.Repeat("1,", MaxNoteLabels) + "1": false,
	} {
		if got := IsNoteLabel(label); got != want {
			t.Errorf("IsNoteLabel(%q) = %v, want %v", label, got, want)
		}
	}
}
