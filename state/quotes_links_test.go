package state

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/folio-tui/folio/archive"
)

// A passage is found as a reader reads the piece, without the URLs the
// rendering shows after its links' text, as well as with them: "as the
// report said" was not in "as the report https://example.com/r said" (a
// researcher quoting the original page, or the Markdown, was refused).
// Numbers are asked for as written, the URLs' aside; a word that reads as
// a URL given but is not where a link shows one stays; a quote so taken is
// found again at another wrapping, and is orphaned without the links.
func TestFindLeavesLinksURLsOut(t *testing.T) {
	text := "The programme was expanded last year, as the report https://example.com/r said.\n" +
		"It was enlarged https://example.com/x-2020/1.5 later, by 12.5 percent, see the\n" +
		"long-titled study https://example.com/a-very-long-path-\n  with-hyphens/in-it. The economy grew;\n" +
		"Autolink https://example.com/auto today."
	links := []Link{{"the report", "https://example.com/r"}, {"enlarged", "https://example.com/x-2020/1.5"},
		{"study", "https://example.com/a-very-long-path-with-hyphens/in-it"}, {"economy", "/economy"}, {"economy", "economy"}}
	prepared := func() *Text { return withLinks(text, func() []Link { return links }) }
	for _, p := range []string{
		"as the report said", "as the report https://example.com/r said",
		"It was enlarged later, by 12.5 percent", "It was enlarged https://example.com/x-2020/1.5 later",
		"see the long-titled study. The economy grew", "the report said. It was enlarged later",
	} {
		if _, _, ok := prepared().Find(p); !ok {
			t.Errorf("Find(%q): not found", p)
		}
	}
	for _, p := range []string{
		"enlarged later, by 125 percent", "enlarged later, by -12.5 percent", // numbers as written
		"The grew", "Autolink today", // no link's URL there
		"as the report example said",
	} {
		if _, _, ok := prepared().Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
	if _, _, ok := Find(text, "as the report said"); ok {
		t.Error("found without the links")
	}

	sel, n, ok := prepared().Find("the report said")
	if !ok || n != 1 || sel.Exact != "the report said" {
		t.Fatalf("%+v %d %v", sel, n, ok)
	}
	again := wrapAt(text, 30, "│ ")
	want := strings.Index(again, "the report")
	start, end, ok := withLinks(again, func() []Link { return links }).Locate(sel)
	if !ok || start != want || !strings.HasPrefix(again[end-len("said"):], "said") {
		t.Errorf("at width 30: %d-%d %v, want from %d:\n%s", start, end, ok, want, again)
	}
	if _, _, ok := NewText(again).Locate(sel); ok {
		t.Error("found again without the links")
	}
	// a passage as shown is found as shown, the links never asked for
	asked := false
	if _, _, ok := withLinks(text, func() []Link { asked = true; return links }).Find("as the report https://example.com/r said"); !ok || asked {
		t.Errorf("as shown: found %v, links asked %v", ok, asked)
	}
}

// A link inside a word: "[expand](u)ed" shows as "expanded u" (ui), and
// "was expanded last year" is found in it.
func TestFindAWordWithALinkInIt(t *testing.T) {
	text := "The programme was expanded https://example.com/x last year."
	tx := withLinks(text, func() []Link { return []Link{{"expanded", "https://example.com/x"}} })
	sel, _, ok := tx.Find("was expanded last year")
	if !ok {
		t.Fatal("not found")
	}
	if start, end, ok := tx.Locate(sel); !ok || text[start:end] != "was expanded https://example.com/x last year" {
		t.Errorf("located %q %v", text[start:end], ok)
	}
}

// A URL is left out where it follows its link's text alone: the same URL
// written as text, or shown as itself, elsewhere in the piece stays (a
// read of the change, 42rc: "The address https://example.com/r is plain"
// lost its URL to "[the report](https://example.com/r)", so a passage
// holding it was refused, and one without it kept). A link given
// without its text is left out at any place, as before.
func TestFindLeavesOutALinksURLByPlace(t *testing.T) {
	text := "See the report https://example.com/r. The address https://example.com/r\nis plain, and https://example.com/r again.\n" +
		"A second link to the report https://example.com/r ends it."
	links := func() []Link {
		return []Link{{"the report", "https://example.com/r"}, {"the report", "https://example.com/r"}}
	}
	for _, p := range []string{
		"See the report. The address https://example.com/r is plain, and https://example.com/r again.",
		"again. A second link to the report ends it",
	} {
		if _, _, ok := withLinks(text, links).Find(p); !ok {
			t.Errorf("Find(%q): not found", p)
		}
	}
	for _, p := range []string{"See the report. The address is plain", "is plain, and again"} {
		if _, _, ok := withLinks(text, links).Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
	anywhere := func() []Link { return []Link{{"", "https://example.com/r"}} }
	if _, _, ok := withLinks(text, anywhere).Find("See the report. The address is plain, and again"); !ok {
		t.Error("a link without its text: its URL not left out everywhere")
	}
}

// A footnote's marker, as archive writes a reference ("2019[1]"), is left
// out of a passage read as a reader reads it: "in 2019 and fell" was
// refused, its digits read "20191". A number in brackets set apart, or
// running into a word, is the text's.
func TestFindLeavesOutFootnoteMarkers(t *testing.T) {
	text := "It rose in 2019[1] and fell, as she said.[12] Then\n[3] Smith wrote a[4]b and x [5] y."
	tx := withNotes(text, func() []Link { return nil })
	for _, p := range []string{"It rose in 2019 and fell", "as she said. Then", "It rose in 2019[1] and fell"} {
		sel, _, ok := tx.Find(p)
		if !ok {
			t.Errorf("Find(%q): not found", p)
			continue
		}
		if _, _, ok := withNotes(text, func() []Link { return nil }).Locate(sel); !ok {
			t.Errorf("%q not found again", p)
		}
	}
	for _, p := range []string{"Then Smith wrote", "wrote ab and", "and x y"} {
		if _, _, ok := tx.Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
}

// A passage is found with or without its links' URLs and with or without
// its footnotes' markers, each of the four: "in 2019[1] and the report
// said", the marker kept and the URL left out, was kept before markers
// were left out (507c929) and then refused, the one reading leaving out
// both; quotes kept so were orphaned. The selectors below are those
// folio quotes add kept at 507c929 (its quotes file, as written); they
// are found again where they were.
func TestFindKeepsMarkersWithoutURLs(t *testing.T) {
	text := "\n  C\n  1 January 2020\n\n" +
		"  It rose in 2019[3] and the report https://example.com/r said so. Wiki\n" +
		"  said.[12] Then more, with a link https://example.com/l after.\n"
	links := []Link{{"the report", "https://example.com/r"}, {"link", "https://example.com/l"}}
	prepared := func() *Text { return withNotes(text, func() []Link { return links }) }
	for _, p := range []string{
		"in 2019[3] and the report said",                         // URL out, marker kept
		"in 2019 and the report https://example.com/r said",      // marker out, URL kept
		"in 2019 and the report said",                            // both out
		"in 2019[3] and the report https://example.com/r said",   // as shown
		"Wiki said.[12] Then more, with a link after",            // URL out, marker kept
		"said so. Wiki said. Then more, with a link after.",      // both out
		"said.[12] Then more, with a link https://example.com/l", // as shown
	} {
		sel, _, ok := prepared().Find(p)
		if !ok {
			t.Errorf("Find(%q): not found", p)
			continue
		}
		if _, _, ok := prepared().Locate(sel); !ok {
			t.Errorf("%q not found again", p)
		}
	}
	for _, p := range []string{"in 2019[4] and the report said", "in 2018 and the report said", "Wiki said.[13] Then more"} {
		if _, _, ok := prepared().Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
	tx := prepared()
	for _, c := range []struct {
		sel  Selector
		want string
	}{
		{Selector{Exact: "in 2019[3] and the report said", Prefix: "C 1 January 2020 It rose", Suffix: "so. Wiki said.[12] Then more, with a link https://example.com/l", Position: 19},
			"in 2019[3] and the report https://example.com/r said"},
		{Selector{Exact: "Wiki said.[12] Then more, with a link after", Prefix: "and the report https://example.com/r said so.", Position: 60},
			"Wiki said.[12] Then more, with a link https://example.com/l after"},
		{Selector{Exact: "said so. Wiki said.[12] Then more", Prefix: "2019[3] and the report https://example.com/r", Suffix: ", with a link https://example.com/l after.", Position: 54},
			"said so. Wiki said.[12] Then more"},
	} {
		start, end, ok := tx.Locate(c.sel)
		if !ok {
			t.Errorf("%q (kept at 507c929) orphaned", c.sel.Exact)
			continue
		}
		if got := strings.Join(strings.Fields(text[start:end]), " "); got != c.want {
			t.Errorf("%q found at %q, want %q", c.sel.Exact, got, c.want)
		}
	}
}

// A footnote's marker is any archive writes (archive.IsNoteLabel, one
// rule): a letter ("2019[a]", Wikipedia's), several notes ("2019[1,2]",
// "2021[1–3]"), not only a number of up to 3 digits ("in 2019 and fell"
// of "in 2019[a] and fell" was refused). A label no marker has, set apart
// or in a word stays the text's.
func TestFindLeavesOutMarkersOfAnyLabel(t *testing.T) {
	text := "It rose in 2019[a] and fell, in 2020[1,2] and 2021[1–3], as she said.[iv] Then\n" +
		"x [b] y, a[c]d and 2018[(4)] more, 2017[1234567890123] last."
	tx := withNotes(text, nil)
	for _, p := range []string{"It rose in 2019 and fell, in 2020 and 2021, as she said. Then", "in 2020[1,2] and 2021"} {
		sel, _, ok := tx.Find(p)
		if !ok {
			t.Errorf("Find(%q): not found", p)
			continue
		}
		if _, _, ok := withNotes(text, nil).Locate(sel); !ok {
			t.Errorf("%q not found again", p)
		}
	}
	for _, p := range []string{"x y", "a d and", "2018 more", "2017 last"} {
		if _, _, ok := tx.Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
}

// A label in brackets is left out of a passage read as a reader reads it
// only where the rendering shows a footnote's marker (NewTextAsRead's
// Markers: its label after the same word): "Let f and g be maps" was found
// in "Let f[x] and g[y] be maps", a literal "[x]" and "[y]" read as markers
// (a helper's report, 45e: folio quotes add kept words the piece does not
// show), and a quote so kept is orphaned. A passage keeping the literal
// labels and leaving out the markers is found; with no marker given, none
// is left out.
func TestFindLeavesOutOnlyMarkersShown(t *testing.T) {
	text := "Let f[x] and g[y] be maps, as 2019[1] shows, and a[1] too; so it\nsaid.[2][x] Done."
	markers := []Marker{{Before: "2019", Label: "1"}, {Before: "said.", Label: "2"}, {Before: "said.", Label: "x"}}
	prepared := func() *Text { return NewTextAsRead(text, func() Shown { return Shown{Markers: markers} }) }
	for _, p := range []string{
		"Let f[x] and g[y] be maps, as 2019 shows", "so it said. Done", "it said.[x] Done", "it said.[2] Done",
		"and a[1] too", "Let f[x] and g[y]",
	} {
		sel, _, ok := prepared().Find(p)
		if !ok {
			t.Errorf("Find(%q): not found", p)
			continue
		}
		if _, _, ok := prepared().Locate(sel); !ok {
			t.Errorf("%q not found again", p)
		}
	}
	for _, p := range []string{"Let f and g be maps", "Let f[x] and g be maps", "f and g[y] be", "and a too", "so it said.[1] Done"} {
		if _, _, ok := prepared().Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
	if _, _, ok := prepared().Locate(Selector{Exact: "Let f and g be maps", Suffix: ", as 2019[1] shows"}); ok {
		t.Error(`"Let f and g be maps", kept before 45e: not orphaned`)
	}
	if _, _, ok := withLinks(text, nil).Find("as 2019 shows"); ok {
		t.Error("no marker given: [1] left out")
	}
}

// A marker listing many notes is one ("2014[1,2,3,4,5,6,7]", 13
// characters, was the text's before 45d: archive.MaxNoteLabel bounded the
// whole label, not one note's), as is one of MaxNoteLabels notes; a note's
// label of more than MaxNoteLabel characters, or more notes, is the
// text's, and so is a run with no "]" before the next "[".
func TestFindLeavesOutMarkersListingManyNotes(t *testing.T) {
	many := strings.Repeat("1,", archive.MaxNoteLabels-1) + "1"
	text := "It rose in 2014[1,2,3,4,5,6,7] and fell, in 2015[12, 15] and 2016[1–3,5,7–9,12,14,17,19,22] and 2013[" + many + "] so.\n" +
		"Then 2017[1234567890123] last, 2018[" + many + ",2] end, 2012[1[2] more."
	tx := withNotes(text, nil)
	for _, p := range []string{"It rose in 2014 and fell, in 2015[12, 15] and 2016 and 2013 so. Then", "end, 2012[1 more"} {
		sel, _, ok := tx.Find(p)
		if !ok {
			t.Errorf("Find(%q): not found", p)
			continue
		}
		if _, _, ok := withNotes(text, nil).Locate(sel); !ok {
			t.Errorf("%q not found again", p)
		}
	}
	for _, p := range []string{"2017 last", "2018 end", "end, 2012 more"} {
		if _, _, ok := tx.Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
}

// A passage keeping some of the text's footnotes' markers and leaving out
// others is found, each it keeps where it has it (three readings left it
// unfound: as shown it lacks some, without markers it has some), and
// found again where it was; a marker the text has not there, or markers
// in another order, is not the text's.
func TestFindKeepsSomeMarkersLeavesOutOthers(t *testing.T) {
	text := "It rose in 2019[1] and 2020[2] and 2021[3] then fell, as Wiki said.[4][5] So the\n" +
		"report https://example.com/r said[6]. End."
	links := func() []Link { return []Link{{"report", "https://example.com/r"}} }
	for p, want := range map[string]string{
		"in 2019 and 2020[2] and 2021 then fell": "in 2019[1] and 2020[2] and 2021[3] then fell",
		"in 2019[1] and 2020 and 2021[3] then":   "in 2019[1] and 2020[2] and 2021[3] then",
		"as Wiki said.[5] So":                    "as Wiki said.[4][5] So",
		"Wiki said.[4] So the report said[6]":    "Wiki said.[4][5] So the report https://example.com/r said[6]",
	} {
		sel, n, ok := withNotes(text, links).Find(p)
		if !ok || n != 1 {
			t.Errorf("Find(%q): %v, %d occurrences", p, ok, n)
			continue
		}
		start, end, ok := withNotes(text, links).Locate(sel)
		if !ok {
			t.Errorf("%q not found again", p)
			continue
		}
		if got := strings.Join(strings.Fields(text[start:end]), " "); got != want {
			t.Errorf("%q found again at %q, want %q", p, got, want)
		}
	}
	for _, p := range []string{
		"in 2019 and 2020[3] and 2021 then", // the text's [3] is after 2021
		"in 2019 and 2020 and 2021[2] then",
		"as Wiki said.[5][4] So", // in another order
		"in 2019[1] and 2020[1] and",
		"report said[7]. End",
	} {
		if _, _, ok := withNotes(text, links).Find(p); ok {
			t.Errorf("Find(%q): found", p)
		}
	}
}

// markedWords is a text of n words, each with a footnote's marker after
// it ("ab[1] ac[2] …"), and a passage of all of it keeping every other
// marker.
func markedWords(n int) (text, passage string) {
	var tb, pb strings.Builder
	for i := range n {
		w := []byte{'a' + byte(i/676%26), 'a' + byte(i/26%26), 'a' + byte(i%26)}
		fmt.Fprintf(&tb, "%s[%d] ", w, i+1)
		if i%2 == 0 {
			fmt.Fprintf(&pb, "%s[%d] ", w, i+1)
		} else {
			fmt.Fprintf(&pb, "%s ", w)
		}
	}
	return tb.String(), strings.TrimSpace(pb.String())
}

// A passage over 10,000 markers keeping every other one is found and found
// again (the time it takes: BenchmarkFindKeepingSomeMarkers).
func TestFindKeepsSomeOfManyMarkers(t *testing.T) {
	text, passage := markedWords(10000)
	sel, _, ok := withNotes(text, nil).Find(passage)
	if !ok {
		t.Fatal("not found")
	}
	start, end, ok := withNotes(text, nil).Locate(sel)
	if want := strings.LastIndexByte(text, '['); !ok || start != 0 || end != want {
		t.Errorf("found again at %d–%d, %v; want 0–%d", start, end, ok, want)
	}
	if _, _, ok := withNotes(text, nil).Find(strings.Replace(passage, "[9999]", "[9998]", 1)); ok {
		t.Error("a marker not the text's: found")
	}
}

// BenchmarkFindKeepingSomeMarkers finds and locates a passage keeping
// every other marker of a text of n markers: linear in n (each marker
// asked for once), where a reading a choice of markers would be 2^n.
func BenchmarkFindKeepingSomeMarkers(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		text, passage := markedWords(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				tx := withNotes(text, nil)
				sel, _, ok := tx.Find(passage)
				if !ok {
					b.Fatal("not found")
				}
				if _, _, ok := tx.Locate(sel); !ok {
					b.Fatal("not found again")
				}
			}
		})
	}
}

// withLinks is NewTextAsRead of text and its links' URLs (links, called
// when NewTextAsRead asks), no footnote's marker given.
func withLinks(text string, links func() []Link) *Text {
	return NewTextAsRead(text, func() Shown {
		if links == nil {
			return Shown{}
		}
		return Shown{Links: links()}
	})
}

// withNotes is withLinks where every label in brackets in text is a
// footnote's marker the rendering shows (Marker: the text before it back
// to the last space, markers right before it aside), as when each is a footnote's reference in the
// piece's Markdown.
func withNotes(text string, links func() []Link) *Text {
	return NewTextAsRead(text, func() Shown {
		var shown Shown
		if links != nil {
			shown.Links = links()
		}
		shown.Markers = markersIn(text)
		return shown
	})
}

// markersIn are the labels in brackets in text as Markers.
func markersIn(text string) []Marker {
	var ms []Marker
	for i := 0; i < len(text); i++ {
		if text[i] != '[' {
			continue
		}
		j := strings.IndexAny(text[i+1:], "[]")
		if j < 0 {
			break
		}
		if text[i+1+j] == '[' {
			continue
		}
		before := text[:i]
		for strings.HasSuffix(before, "]") && strings.Contains(before, "[") {
			before = before[:strings.LastIndexByte(before, '[')] // the markers right before it
		}
		if k := strings.LastIndexFunc(before, unicode.IsSpace); k >= 0 {
			before = before[k+1:]
		}
		ms = append(ms, Marker{Before: before, Label: text[i+1 : i+1+j]})
	}
	return ms
}

// A word of a long run of punctuation is read once, however many links
// the piece has: each shorter prefix of it was looked up among the URLs,
// every byte hashed each time (a read of the code, 46c: a 64 KB run and
// twenty links took 170 ms, 16 KB 6 ms; a 1 MB run some 45 s). The bytes
// looked up are counted (Text.work): a few per byte of the text, where
// the prefixes were 2 GB for the 64 KB run here.
func TestFindPastALongRunOfPunctuation(t *testing.T) {
	text, links := punctuationRun(1 << 16)
	tx := withLinks(text, func() []Link { return links })
	if _, _, ok := tx.Find("See the report now"); !ok {
		t.Error("not found")
	}
	if tx.work > 8*len(text) {
		t.Errorf("%d bytes looked up for a text of %d (quadratic in the run's length)", tx.work, len(text))
	}
}

// BenchmarkFindPastALongRunOfPunctuation finds a passage before a run of
// n bytes of punctuation in a piece of twenty links (1 MB: 0.16 s in 46c,
// some 45 s before).
func BenchmarkFindPastALongRunOfPunctuation(b *testing.B) {
	for _, n := range []int{1 << 16, 1 << 20} {
		text, links := punctuationRun(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, _, ok := withLinks(text, func() []Link { return links }).Find("See the report now"); !ok {
					b.Fatal("not found")
				}
			}
		})
	}
}

// punctuationRun is a text with a run of n full stops after a link to
// the first of twenty URLs, and the twenty links.
func punctuationRun(n int) (string, []Link) {
	var links []Link
	for i := range 20 {
		links = append(links, Link{"the report", fmt.Sprintf("https://example.com/r%d", i)})
	}
	return "See the report https://example.com/r1 now " + strings.Repeat(".", n) + " and the end", links
}

// A long passage of a text repeating itself is found and found again
// without reading each of its thousands of overlapping occurrences
// through: 10,000 of a 150 KB passage in a 1 MB text of "ab[1] " were
// each read for their numbers (Find: 48 s as shown, 66 s without the
// markers, 3 minutes keeping every other one) and for the markers kept
// (Locate: 2 minutes; a read of the code, 46c). What is read through is
// counted (Text.work): the occurrences of at most maxWeighed bytes of
// passage in each reading (8 to 15 MB in all here, whatever the text's
// length), where 10,000 of them were read (390 to 460 MB for the 256 KB
// text here). Each is still found where it was taken.
func TestFindLongPassageOfARepeatingText(t *testing.T) {
	for _, c := range repeatingTextCases(1 << 18) {
		tx := c.prepare()
		sel, _, ok := tx.Find(c.passage)
		if !ok {
			t.Errorf("%.20q…: not found", c.passage)
			continue
		}
		// taken elsewhere than at the start: found again there
		at := 6 * 1000
		sel.Position += 3 * 1000 // "ab1" a unit
		again := c.prepare()
		if start, _, ok := again.Locate(sel); !ok || start != at {
			t.Errorf("%.20q…: found again at %d, %v; want %d", c.passage, start, ok, at)
		}
		// each reading's occurrences read through: maxWeighed bytes of
		// the passage's letters and digits, twice as many of the text,
		// and the markers asked for
		bound := 8*len(c.text) + 8*maxWeighed
		if tx.work > bound || again.work > bound {
			t.Errorf("%.20q…: %d read to find, %d to find again, in a text of %d; want at most %d", c.passage, tx.work, again.work, len(c.text), bound)
		}
	}
}

// BenchmarkFindLongPassageOfARepeatingText finds and locates the passages
// of TestFindLongPassageOfARepeatingText in a text of n bytes (1 MB: the
// three cases some 4 s in 46c, minutes before).
func BenchmarkFindLongPassageOfARepeatingText(b *testing.B) {
	for _, n := range []int{1 << 18, 1 << 20} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				for _, c := range repeatingTextCases(n) {
					sel, _, ok := c.prepare().Find(c.passage)
					if !ok {
						b.Fatal("not found")
					}
					if _, _, ok := c.prepare().Locate(sel); !ok {
						b.Fatal("not found again")
					}
				}
			}
		})
	}
}

// repeatingTextCase is a passage of a text repeating "ab[1] ", n bytes
// of it, as shown or with its markers, some or all left out.
type repeatingTextCase struct {
	text, passage string
	prepare       func() *Text
}

// repeatingTextCases are passages of some 15% of a text of n bytes
// repeating "ab[1] ": the markers kept, as shown; all left out; every
// other left out.
func repeatingTextCases(n int) []repeatingTextCase {
	text := strings.Repeat("ab[1] ", n/6)
	units := n / 6 * 3 / 20 // of "ab[1] ", some 15% of the text
	return []repeatingTextCase{
		{text, strings.Repeat("ab[1] ", units), func() *Text { return NewText(text) }},
		{text, strings.Repeat("ab ", units), func() *Text { return withNotes(text, nil) }},
		{text, strings.Repeat("ab[1] ab ", units/2), func() *Text { return withNotes(text, nil) }},
	}
}

// A quote kept where its passage shows as written stays there after an
// edit beside it, though a twin of the passage elsewhere carries a marker
// or a link and now matches more of its context: 46c's reading of the
// twins first (reverted) moved "the same words again", kept in the
// second hearing, to the first one's "the same words[1] again", and a
// pull quote's passage to the sentence with the link (46s's attack).
func TestQuoteStaysBesideItsTwinAfterAnEdit(t *testing.T) {
	for _, c := range []struct {
		text, passage, edited, from, to string
		links                           func() []Link
	}{{
		text:    "in the second hearing. Then zeta said the same words[1] again in the second hearing. Then zeta said the same words again in the second hearing.",
		passage: "the same words again",
		from:    "again in the second hearing.", to: "again, we were told.",
	}, {
		text:    "next year, the minister told us. She said the budget https://example.com/b will grow next year, the minister told us. She said the budget will grow next year, the minister told us.",
		passage: "the budget will grow next year",
		from:    "next year, the minister told us.", to: "next year.",
		links: func() []Link { return []Link{{"the budget", "https://example.com/b"}} },
	}} {
		sel, _, ok := withNotes(c.text, c.links).Find(c.passage)
		if !ok {
			t.Fatalf("%q: not found", c.passage)
		}
		at := strings.LastIndex(c.text, c.passage)
		if start, _, ok := withNotes(c.text, c.links).Locate(sel); !ok || start != at {
			t.Fatalf("%q: kept at %d, %v; want %d, where it shows as written", c.passage, start, ok, at)
		}
		i := strings.LastIndex(c.text, c.from)
		edited := c.text[:i] + c.to + c.text[i+len(c.from):]
		start, end, ok := withNotes(edited, c.links).Locate(sel)
		if !ok || start != at {
			t.Errorf("%q after the edit: found at %d %q, %v; want %d", c.passage, start, edited[start:end], ok, at)
		}
	}
}
