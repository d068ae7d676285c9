package state

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

const essay = `The Threat After Raqqa

Islamic State has lost its capital. The group will not vanish with it.
Its networks remain in place across Europe, and its sympathisers at home
have not gone away.

The threat will outlive the caliphate. Security services know this, and
they have said so.

In the end, the threat will outlive the caliphate. That is the lesson.
`

// wrapAt re-flows text to width columns, as the reader does at another
// terminal width, with a quote bar before every line as Glamour draws a
// block quote.
func wrapAt(text string, width int, bar string) string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > width {
				out = append(out, bar+line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, bar+line, "")
	}
	return strings.Join(out, "\n")
}

func selectPassage(t *testing.T, text, passage string, nth int) Selector {
	t.Helper()
	at := -1
	for range nth + 1 {
		k := strings.Index(text[at+1:], passage)
		if k < 0 {
			t.Fatalf("%q not in the text", passage)
		}
		at += 1 + k
	}
	return Select(text, at, at+len(passage))
}

func TestSelectorKeepsPassageAndContext(t *testing.T) {
	sel := selectPassage(t, essay, "Security services know this", 0)
	if sel.Exact != "Security services know this" {
		t.Errorf("exact %q", sel.Exact)
	}
	if !strings.HasSuffix(sel.Prefix, "outlive the caliphate.") || strings.Contains(sel.Prefix, "\n") {
		t.Errorf("prefix %q: want the text before, on one line", sel.Prefix)
	}
	if !strings.HasPrefix(sel.Suffix, ", and") {
		t.Errorf("suffix %q", sel.Suffix)
	}
	if got := len(foldString(sel.Prefix)); got < contextChars {
		t.Errorf("prefix has %d letters and digits, want at least %d", got, contextChars)
	}
	before := essay[:strings.Index(essay, "Security services")]
	if want := len(foldString(before)); sel.Position != want {
		t.Errorf("position %d, want %d", sel.Position, want)
	}
}

func TestLocateAfterReflowAndEdits(t *testing.T) {
	sel := selectPassage(t, essay, "Its networks remain in place across Europe, and its sympathisers at home\nhave not gone away.", 0)
	for name, text := range map[string]string{
		"same":               essay,
		"narrower, in a bar": wrapAt(essay, 30, "│ "),
		"wider":              wrapAt(essay, 200, ""),
		"edit above":         strings.Replace(essay, "Islamic State has lost its capital.", "Islamic State, after three years of war and a long siege, has lost the city it called its capital.", 1),
		"curly and marks":    strings.NewReplacer("Europe,", "*Europe*,", "The group", "**The** group").Replace(essay),
		"case":               strings.ToUpper(essay),
	} {
		start, end, ok := sel.Locate(text)
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		got := strings.Join(strings.Fields(text[start:end]), " ")
		got = strings.NewReplacer("│ ", "", "*", "").Replace(got)
		if !strings.EqualFold(got, "Its networks remain in place across Europe, and its sympathisers at home have not gone away.") {
			t.Errorf("%s: found %q", name, text[start:end])
		}
	}
}

// A passage beginning or ending with several punctuation marks is found
// over them all, as selected: "said[6]." stopped before "]." and ".[5]
// Then" began inside its marker, "(“The" at "The" (widen compared each
// mark with the text from the passage's far end: a read of the code, 45e),
// so the span found was not the passage.
func TestFoundSpanCoversEdgePunctuation(t *testing.T) {
	text := "It rose, as the report said[6]. Then it fell.[5] So it went (“The end”), she wrote."
	shown := func() Shown {
		return Shown{Markers: []Marker{{Before: "said", Label: "6"}, {Before: "fell.", Label: "5"}}}
	}
	for _, p := range []string{"as the report said[6].", ".[5] So it went", "(“The end”),", "fell.[5]", "[6]. Then"} {
		at := strings.Index(text, p)
		if at < 0 {
			t.Fatalf("%q not in the text", p)
		}
		for _, tx := range []*Text{NewText(text), NewTextAsRead(text, shown)} {
			sel, _, ok := tx.Find(p)
			if !ok {
				t.Errorf("Find(%q): not found", p)
				continue
			}
			if start, end, ok := tx.Locate(sel); !ok || text[start:end] != p {
				t.Errorf("%q found at %q, %v", p, text[start:end], ok)
			}
			if start, end, ok := tx.Locate(Select(text, at, at+len(p))); !ok || text[start:end] != p {
				t.Errorf("%q selected, found at %q, %v", p, text[start:end], ok)
			}
		}
	}
	// read without its marker: the span runs from the text's letters over
	// the marks the passage has where the text has them
	tx := NewTextAsRead(text, shown)
	sel, _, ok := tx.Find("as the report said. Then")
	if start, end, ok2 := tx.Locate(sel); !ok || !ok2 || text[start:end] != "as the report said[6]. Then" {
		t.Errorf("found at %q, %v %v", text[start:end], ok, ok2)
	}
}

func TestLocateRepeatedPassageByContext(t *testing.T) {
	// "the threat will outlive the caliphate" occurs twice.
	second := selectPassage(t, essay, "the threat will outlive the caliphate", 0) // lower-case t: the second
	first := selectPassage(t, essay, "The threat will outlive the caliphate", 0)
	if first.Position >= second.Position {
		t.Fatalf("positions %d, %d", first.Position, second.Position)
	}
	// A paragraph added at the top moves both; the context still tells
	// them apart although the position hint is now wrong for both.
	edited := "A long new introduction, with many words in it, " + strings.Repeat("and more words ", 40) + "\n\n" + essay
	for name, sel := range map[string]Selector{"first": first, "second": second} {
		start, _, ok := sel.Locate(edited)
		if !ok {
			t.Fatalf("%s: not found", name)
		}
		wantAt := strings.Index(edited, "The threat will outlive")
		if name == "second" {
			wantAt = strings.Index(edited, "the threat will outlive")
		}
		if start != wantAt {
			t.Errorf("%s: found at %d, want %d", name, start, wantAt)
		}
	}
}

func TestLocateGone(t *testing.T) {
	sel := selectPassage(t, essay, "Security services know this", 0)
	edited := strings.Replace(essay, "Security services know this", "Police forces know this", 1)
	if _, _, ok := sel.Locate(edited); ok {
		t.Error("a passage whose words changed was found")
	}
	if _, _, ok := (Selector{Exact: " — "}).Locate(essay); ok {
		t.Error("a passage of punctuation was found")
	}
}

func TestFind(t *testing.T) {
	sel, n, ok := Find(essay, "the  threat will\noutlive THE caliphate")
	if !ok || n != 2 {
		t.Fatalf("ok %v, %d occurrences; want 2", ok, n)
	}
	// the passage as the text writes it, not as typed: a quote says the
	// piece's words (a researcher's report, asShown)
	if sel.Exact != "The threat will outlive the caliphate" {
		t.Errorf("exact %q: want the passage as the text writes it", sel.Exact)
	}
	start, _, _ := sel.Locate(essay)
	if start != strings.Index(essay, "The threat will") {
		t.Errorf("found at %d: want the first occurrence", start)
	}
	if _, _, ok := Find(essay, "not in it"); ok {
		t.Error("found a passage that is not there")
	}
}

func TestFoldAccentsAndForms(t *testing.T) {
	if a, b := foldString("Café ﬁnal — É"), foldString("CAFE\u0301 final e"); a != b || a != "cafefinale" {
		t.Errorf("%q vs %q", a, b)
	}
	f := fold("a\u00e9b")
	if f.s != "aeb" || f.start(1) != 1 || f.end(1) != 3 {
		t.Errorf("fold %+v", f)
	}
}

// BenchmarkLocate finds a passage near the end of a 1 MB piece: 32 ms,
// 13 MB allocated (a 2-core machine, shared).
func BenchmarkLocate(b *testing.B) {
	text := strings.Repeat(essay, 1<<20/len(essay)) + "\n\nThe very last sentence of the piece.\n"
	at := strings.Index(text, "The very last sentence")
	sel := Select(text, at, at+len("The very last sentence"))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, _, ok := sel.Locate(text); !ok {
			b.Fatal("not found")
		}
	}
}

// A quote of one occurrence of a repeated passage is not moved to another
// occurrence once its own has gone: it is orphaned. An edit on one side of
// it keeps it found by the other side; a passage that was not repeated is
// found whatever its context became.
func TestLocateRepeatedPassageNotMovedToAnother(t *testing.T) {
	text := "First context about apples and pears.\n\nThe same sentence again.\n\nSecond context about tigers and lions.\n\nThe same sentence again.\n\nThird context about boats.\n"
	second := selectPassage(t, text, "The same sentence again.", 1)
	if !second.Repeated {
		t.Fatalf("%+v: not marked repeated", second)
	}
	wantAt := strings.LastIndex(text, "The same sentence again.")
	if start, _, ok := second.Locate(text); !ok || start != wantAt {
		t.Fatalf("found at %d (%v), want %d", start, ok, wantAt)
	}
	gone := strings.Replace(text, "lions.\n\nThe same sentence again.", "lions.", 1)
	if start, _, ok := second.Locate(gone); ok {
		t.Errorf("the quoted occurrence is gone, and the quote was found at %d: %q", start, gone[start:])
	}
	for name, edited := range map[string]string{
		"above": strings.Replace(text, "Second context about tigers and lions.", "A new paragraph here.", 1),
		"below": strings.Replace(text, "Third context about boats.", "Something else entirely.", 1),
	} {
		want := strings.LastIndex(edited, "The same sentence again.")
		if start, _, ok := second.Locate(edited); !ok || start != want {
			t.Errorf("edit %s: found at %d (%v), want %d", name, start, ok, want)
		}
	}
	unique := selectPassage(t, essay, "Security services know this", 0)
	if unique.Repeated {
		t.Errorf("%+v: marked repeated", unique)
	}
	around := strings.NewReplacer("The threat will outlive the caliphate.", "Something new.", ", and\nthey have said so.", " well.").Replace(essay)
	if _, _, ok := unique.Locate(around); !ok {
		t.Error("a passage that was not repeated was lost when its context changed")
	}
}

// A Text finds every selector where Selector.Locate does, before and after
// it is indexed (the indexAfter-th Locate), in text with letters outside
// ASCII, after edits, for passages that occur many times.
func TestTextLocatesAsLocateDoes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "threat", "will", "outlive", "café", "Ελλάδα", "ﬁnal", "caliphate", "—", "2017", "a"}
	var b strings.Builder
	for i := range 4000 {
		b.WriteString(words[rng.IntN(len(words))])
		if i%13 == 12 {
			b.WriteString(".\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	text := b.String()
	edited := strings.Replace(text, "threat", "danger", 50)
	var sels []Selector
	for range 300 {
		start := rng.IntN(len(text) - 200)
		for !utf8.RuneStart(text[start]) {
			start++
		}
		end := start + 1 + rng.IntN(60)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		sels = append(sels, Select(text, start, end))
	}
	for _, in := range []string{text, edited} {
		prepared := NewText(in)
		for i, sel := range sels {
			s1, e1, ok1 := prepared.Locate(sel)
			s2, e2, ok2 := sel.Locate(in)
			if s1 != s2 || e1 != e2 || ok1 != ok2 {
				t.Fatalf("selector %d %+v: Text found %d-%d %v, Locate %d-%d %v (indexed: %v)", i, sel, s1, e1, ok1, s2, e2, ok2, prepared.index != nil)
			}
		}
		if prepared.index == nil {
			t.Error("the text was never indexed")
		}
	}
	// Without context, the position alone tells the occurrences apart:
	// each is found where it was chosen.
	prepared := NewText(text)
	f := fold(text)
	for i, sel := range sels {
		if !Selectable(sel.Exact) {
			continue
		}
		sel.Prefix, sel.Suffix, sel.Repeated = "", "", false
		start, _, ok := prepared.Locate(sel)
		n := 0 // the letters, digits and number marks of text before start
		for k := range f.s {
			if f.start(k) < start {
				n++
			}
		}
		if !ok || n != sel.Position {
			t.Fatalf("selector %d %+v without context: found after %d letters (%v), want %d", i, sel, n, ok, sel.Position)
		}
	}
}

// A passage whose numbers are written otherwise than the piece's is not
// in it: matching letters and digits alone took "5.5 mph" for "55 mph"
// (an attack: folio quotes add kept "to 5.5 mph (8.85 kph)" as a quote
// of a piece saying "to 55 mph (88.5 kph)"). A number cut where a line
// wraps, or written with another dash, is still found.
func TestFindKeepsNumbersAsWritten(t *testing.T) {
	text := "Winds of up to 55 mph (88.5 kph) cut power to some 375,000 people;\n" +
		"the balance fell by\n-21,158,103.50 dollars, and │ 1,234.56 tonnes in 1990-2000, on\n" +
		"November 1, 1885, 145 banks; our B-52 fleet; it fell to -12.5 percent."
	for _, p := range []string{
		"to 5.5 mph (8.85 kph)", "to 55 mph (885 kph)", "some -375,000 people", "some 37.5000 people",
		"some 3,75,000 people", "some 375000 people", "fell by 21,158,103.50", "1,23456 tonnes",
		// a number cut, or a hyphen taken for a sign (a review, 41zb)
		"it fell to -12", "2.5 percent", "-52 fleet", "75,000 people", "12.5 percent",
	} {
		if _, _, ok := Find(text, p); ok {
			t.Errorf("Find(%q) found it in a text whose numbers differ", p)
		}
	}
	for _, p := range []string{
		"up to 55 mph (88.5 kph)", "some 375,000 people", "fell by -21,158,103.50 dollars",
		"fell by −21,158,103.50", "1,234.56 tonnes", "in 1990–2000", "Winds of up to 55 MPH",
		// punctuation between numbers, a hyphen in a name: ignored
		"November 1 1885 145 banks", "our B52 fleet", "our B 52 fleet", "it fell to -12.5 percent",
	} {
		if _, _, ok := Find(text, p); !ok {
			t.Errorf("Find(%q) did not find it", p)
		}
	}
	// the digits earlier without the passage's marks: the occurrence
	// written as it is found, and counted alone (a read of the change:
	// the first occurrence alone was asked, "5.5 mph" refused)
	twice := "The limit was 55 mph on the old road. Later it was 5.5 mph, and then 55 mph again."
	if sel, n, ok := Find(twice, "5.5 mph"); !ok || n != 1 || !strings.Contains(sel.Prefix, "Later it was") {
		t.Errorf("Find(5.5 mph) = %+v, %d, %v; want the second sentence's, once", sel, n, ok)
	}
	if _, n, ok := Find(twice, "55 mph"); !ok || n != 2 {
		t.Errorf("Find(55 mph) = %d, %v; want two occurrences", n, ok)
	}
}

// An exponent and its sign are part of a number: a passage whose
// exponent is written otherwise, or not at all, quotes another number and
// is not found (a helper's report, 42b: folio quotes add kept "3.2e12" as
// a quote of a piece saying "3.2e-12", "1e5" of "1e-5", "10^3" and "103"
// of "10^-3", "106" of "10⁶"); nor is one that stops before an exponent
// or starts inside it. An exponent written with a caret or in superscript
// digits, a minus as any dash, is the same number.
func TestFindKeepsExponentsAsWritten(t *testing.T) {
	text := "The charge was 3.2e-12 coulombs in the first run. A rate of 1E-5 per hour.\n" +
		"The ratio was 10^-3 in the end, the mass 10⁶ tonnes, the dose 10⁻³ grams, the field x⁻¹ wide.\n" +
		"The minimum was −5 degrees; it fell to -5 °C by morning; a room of 50 m² and an order of 2e6 units;\n" +
		"a scale of 10^(6.5) stars, a box 3x(4 wide).\n" +
		"It ended in 2019^(see note) and in 2020^(more; then 2^(n+1) ways."
	for _, p := range []string{
		// the exponent's sign left out or added
		"charge was 3.2e12 coulombs", "rate of 1E5 per hour", "ratio was 10^3 in",
		"the dose 10^3 grams", "of 2e-6 units",
		// the exponent run into the number, or its caret a hyphen
		"ratio was 103 in", "the mass 106 tonnes", "the dose 103 grams", "the dose 10-3 grams",
		"ratio was 10-3 in", "the field x-1 wide",
		// stopping before the exponent, or starting inside it
		"charge was 3.2", "-12 coulombs", "12 coulombs", "e-12 coulombs", "the mass 10",
		"6 tonnes", "ratio was 10", "3 in the end", "-3 in the end", "³ grams",
		// a sign left out (these were refused before too)
		"minimum was 5 degrees", "fell to 5 °C",
		// archive.ScriptText's exponent in parentheses
		"scale of 106.5 stars", "scale of 10(6.5) stars", "scale of 10", "6.5) stars",
		"then 2 ways", "then 2n+1 ways",
	} {
		if _, _, ok := Find(text, p); ok {
			t.Errorf("Find(%q) found it in a text whose numbers differ", p)
		}
	}
	for _, p := range []string{
		"charge was 3.2e-12 coulombs", "charge was 3.2e−12 coulombs", "rate of 1e-5 per hour",
		"ratio was 10^-3 in", "ratio was 10^−3", "ratio was 10⁻³ in", "the mass 10⁶ tonnes",
		"the mass 10^6 tonnes", "the dose 10⁻³ grams", "the dose 10^-3 grams", "the field x^-1 wide",
		"the field x⁻¹ wide", "minimum was −5 degrees", "minimum was -5 degrees", "fell to −5 °C",
		"of 50 m2 and", "of 50 m^2 and", "an order of 2e6 units", "scale of 10^(6.5) stars",
		"4 wide",
		// a caret's parenthesis that holds words, or is not closed, is no
		// exponent (a read of the change: each refused)
		"It ended in 2019", "in 2020", "2019^(see note) and in 2020^(more", "then 2^(n+1) ways",
	} {
		if _, _, ok := Find(text, p); !ok {
			t.Errorf("Find(%q) did not find it", p)
		}
	}
}

// A quote kept in the reader holds its rendering's cuts: a line cut to
// fit ends "-…" where the text goes on "- - 1,949,694.00". It is found
// again, as before numbers were asked for in a passage given (a review,
// 41rb: kept with v, it was orphaned at once).
func TestQuoteOfACutLineIsFound(t *testing.T) {
	text := "Receipts 12,844,122.00 - 14,790,122.00 - - 3,694.00 - - 1,949,694.00 in all."
	sel := Selector{Exact: "3,694.00 -…\n1,949,694.00"}
	if _, _, ok := sel.Locate(text); !ok {
		t.Errorf("the reader's quote %q was not found in %q", sel.Exact, text)
	}
}

// The span found ends after the combining marks of its last letter,
// whether the passage writes the accent so or precomposed: "The café" of
// "The cafe\u0301 was" ended before the accent, and the selector's
// suffix began with it (a read of the code, 46c).
func TestFoundSpanKeepsCombiningMarks(t *testing.T) {
	text := "The cafe\u0301. Was open; the cafe\u0301\u0327 here."
	for p, want := range map[string]string{
		"The café":                   "The cafe\u0301",
		"The cafe\u0301":             "The cafe\u0301",
		"The café.":                  "The cafe\u0301.",
		"The cafe\u0301.":            "The cafe\u0301.",
		"The cafe":                   "The cafe\u0301",
		"open; the cafe\u0301\u0327": "open; the cafe\u0301\u0327",
		"open; the cafe":             "open; the cafe\u0301\u0327",
	} {
		sel, _, ok := Find(text, p)
		if !ok {
			t.Errorf("Find(%q): not found", p)
			continue
		}
		if start, end, ok := sel.Locate(text); !ok || text[start:end] != want {
			t.Errorf("%q found at %q, %v; want %q", p, text[start:end], ok, want)
		}
		if r, _ := utf8.DecodeRuneInString(sel.Suffix); unicode.IsMark(r) {
			t.Errorf("%q: suffix %q begins with a combining mark", p, sel.Suffix)
		}
	}
}

// A selector's context is bounded in a text without spaces, as Chinese is
// written: it ran on "to the end of the word", the whole paragraph, so a
// quote of two characters kept 9,000 on either side (a read of the code,
// 46c). The passage is still found by it.
func TestSelectorContextBoundedWithoutSpaces(t *testing.T) {
	text := strings.Repeat("中文字", 3000) + "目标" + strings.Repeat("文字中", 3000) + "\n\n" + strings.Repeat("x", 5000) + " end"
	for _, p := range []string{"目标", "end"} {
		sel, _, ok := Find(text, p)
		if !ok {
			t.Fatalf("Find(%q): not found", p)
		}
		for side, c := range map[string]string{"prefix": sel.Prefix, "suffix": sel.Suffix} {
			if n := utf8.RuneCountInString(c); n > 2*contextChars+1 {
				t.Errorf("%q: %s of %d characters, want at most %d", p, side, n, 2*contextChars+1)
			}
		}
		if start, end, ok := sel.Locate(text); !ok || text[start:end] != p {
			t.Errorf("%q found again at %q, %v", p, text[start:end], ok)
		}
	}
}

// Accents are folded, and the marks that are parts of letters are not: a
// Devanagari or Bengali vowel sign, a virama, a Thai vowel or tone mark,
// the kana voicing mark ("が" is no "か"). Accent folding dropped every
// combining mark, so "क" was found in "कि" (ka in ki) and "ท" in "ที่" (a
// review, 46c). An occurrence ends where its last letter does, its marks
// with it: "कि" is not found in "किं". Thai marks written in either order
// are one; Arabic and Hebrew vowel points stay folded, as accents are, and
// Arabic's hamza and madda are kept (folded, "سال" was found in "سأل").
func TestFoldKeepsVowelSigns(t *testing.T) {
	for _, c := range []struct {
		text, passage, want string // want "": not found
	}{
		{"यह किताब है", "क", ""},
		{"यह किताब है", "कि", "कि"},
		{"यह किताब है", "किताब", "किताब"},
		{"यह किताब है", "कताब", ""},
		{"एक किं", "कि", ""},
		{"এটা কিতাব", "ক", ""},
		{"এটা কিতাব", "কিতাব", "কিতাব"},
		{"อยู่ที่นี่", "ท", ""},
		{"อยู่ที่นี่", "ที่", "ที่"},
		{"อยู่ที่นี่", "ที", ""},
		{"ไก่กุ่ม", "ก\u0e48\u0e38ม", "ก\u0e38\u0e48ม"}, // tone mark before the vowel, as typed
		{"がっこう", "かっこう", ""},
		{"ガッコウ", "ｶﾞｯｺｳ", "ガッコウ"}, // half-width, its mark apart
		{"Le café est ouvert", "le cafe", "Le café"},
		{"Le cafe\u0301 est ouvert", "café est", "cafe\u0301 est"},
		{"Ο καφές", "ο καφες", "Ο καφές"},
		{"Ελληνικά και русский: йод", "русский иод", "русский: йод"},
		{"Viết tiếng Việt", "viet tieng viet", "Viết tiếng Việt"},
		{"قال كَتَبَ الولد", "كتب", "كَتَبَ"},
		{"אמר שָׁלוֹם לכם", "שלום", "שָׁלוֹם"},
		// hamza and madda are parts of their letters (أ is alef and hamza
		// to NFKD): asked is not flowed
		{"ثم سأل الولد", "سال", ""},
		{"ثم سأل الولد", "سأل", "سأل"},
		{"ثم سأل الولد", "سأل", "سأل"}, // the hamza combining, as NFD writes it
		{"ثم سأل الولد", "سأل", "سأل"},
		{"قرأ القرآن", "القران", ""},
		{"قرأ القرآن", "القرآن", "القرآن"},
		{"جاء سُئِلَ", "سئل", "سُئِلَ"}, // its vowel points folded, the hamza kept
		// but the hamza on heh, ae, heh goal and yeh barree is the
		// Persian and Urdu ezafe, also written as a kasra or not at all:
		// folded, precomposed (ۀ ۂ ۓ) or not (a review: "خانه ما" was
		// refused on "خانهٔ ما", "بڑے" not found in "بڑۓ")
		{"در خانه\u0654 ما", "خانه ما", "خانه\u0654 ما"},
		{"در خانه\u0654 ما", "خانه", "خانه\u0654"},
		{"در خانه ما", "خانه\u0654 ما", "خانه ما"},
		{"در خانه\u0650 ما", "خانه\u0654 ما", "خانه\u0650 ما"}, // written with a kasra
		{"در خان\u06C0 ما", "خانه ما", "خان\u06C0 ما"},         // ۀ is heh and the ezafe to Persian
		{"در خان\u06D5\u0654 ما", "خانه ما", "خان\u06D5\u0654 ما"},
		{"در خانه ما", "خان\u06C0 ما", "خانه ما"},
		{"در خانه\u0654 ما", "خان\u06C0 ما", "خانه\u0654 ما"},
		{"در خان\u06D5\u0654 ما", "خان\u06C0", "خان\u06D5\u0654"},
		{"در خان\u06D5 ما", "خانه ما", ""}, // ae alone is Kurdish's letter
		{"کمر\u06C2 جماعت", "کمر\u06C1 جماعت", "کمر\u06C2 جماعت"},
		{"کمر\u06C1\u0654 جماعت", "کمر\u06C1", "کمر\u06C1\u0654"},
		{"یہ بڑ\u06D3 لوگ", "بڑ\u06D2", "بڑ\u06D3"},
		{"یہ بڑ\u06D2\u0654 لوگ", "بڑ\u06D2 لوگ", "بڑ\u06D2\u0654 لوگ"},
		{"هو مسؤول", "مسوول", ""}, // kept on other letters
		// a kashida (tatweel) is no letter: found typed without it, and
		// the other way round (a review: a quote was orphaned where a
		// site added kashida)
		{"ثم سـ\u0640أل الولد", "سأل", "سـ\u0640أل"},
		{"هذا كتـــاب جديد", "كتاب جديد", "كتـــاب جديد"},
		{"هذا كتاب جديد", "كتـــاب", "كتاب"},
		{"هذا كتـــاب جديد", "كتب", ""},
		{"A \u073e b", "A", "A"}, // a mark after a space is no letter's
		// a joiner between a letter and its mark (Bengali ra, ZWJ, virama,
		// ya: "RAB" as Unicode advises writing it) is no break: found
		// typed without it, and the other way round; ra ya without the
		// virama is other letters (47s)
		{"ঢাকায় র\u200d্যাব মোতায়েন", "র্যাব", "র\u200d্যাব"},
		{"ঢাকায় র্যাব মোতায়েন", "র\u200d্যাব", "র্যাব"},
		{"ঢাকায় র\u200d্যাব মোতায়েন", "রযাব", ""},
		{"क्\u200dष और", "क्ष", "क्\u200dष"},
	} {
		sel, _, ok := Find(c.text, c.passage)
		if c.want == "" {
			if ok {
				start, end, _ := sel.Locate(c.text)
				t.Errorf("Find(%q) in %q: found at %q; want not found", c.passage, c.text, c.text[start:end])
			}
			continue
		}
		if !ok {
			t.Errorf("Find(%q) in %q: not found; want %q", c.passage, c.text, c.want)
			continue
		}
		if start, end, ok := sel.Locate(c.text); !ok || c.text[start:end] != c.want {
			t.Errorf("Find(%q) in %q: found again at %q, %v; want %q", c.passage, c.text, c.text[start:end], ok, c.want)
		}
	}
	// a quote kept before a site added kashida is found again
	if sel, _, ok := Find("قال إن الكتاب جديد", "الكتاب جديد"); !ok {
		t.Errorf("Find(\"الكتاب جديد\"): not found")
	} else {
		text := "قال إن الكتـــاب جديـد"
		if start, end, ok := sel.Locate(text); !ok || text[start:end] != "الكتـــاب جديـد" {
			t.Errorf("%+v in %q: found %v at %q; want \"الكتـــاب جديـد\"", sel, text, ok, text[start:end])
		}
	}
	// a selector's position and context count letters, their marks with
	// them, as when marks were folded
	sel := selectPassage(t, "यह किताब है", "है", 0)
	if sel.Position != 5 || sel.Prefix != "यह किताब" || sel.Repeated {
		t.Errorf("selector %+v: want position 5, prefix \"यह किताब\", not repeated", sel)
	}
}

// A passage found is kept as the text writes it: its case, accents,
// dashes and quotation marks, its lines without the bar or indentation
// that start them, what a reading leaves out (a link's URL) left out. "intro PARAGRAPH … cafe" was kept, and printed by folio
// quotes with its citation, for "Intro paragraph … café" (a researcher's
// report); a passage that keeps a marker the reading sets aside is kept
// as typed.
func TestFindKeepsTheTextsWording(t *testing.T) {
	for _, c := range []struct{ text, passage, want string }{
		{"Intro paragraph with an HTML entity: café.", "intro PARAGRAPH with an html entity: cafe", "Intro paragraph with an HTML entity: café"},
		{"Text with non-breaking spaces, — dashes, “curly” quotes", "text with non-breaking spaces - dashes", "Text with non-breaking spaces, — dashes"},
		{"Text with non-breaking spaces, — dashes, “curly” quotes", `"curly" quotes`, "“curly” quotes"},
		{"  a first line that\n  wraps  here and\n  │ goes on", "that wraps here and goes on", "that\nwraps here and\ngoes on"},
		{"as the report https://example.com/r said", "As the report said", "as the report said"},
		{"in 2019[1] and so", "In 2019 and so", "in 2019 and so"},
		{"in 2019[1] and 2020[2] it", "in 2019 and 2020[2] it", "in 2019 and 2020[2] it"}, // the marker kept: as typed
	} {
		shown := func() Shown {
			return Shown{Links: []Link{{Text: "the report", URL: "https://example.com/r"}},
				Markers: []Marker{{Before: "2019", Label: "1"}, {Before: "2020", Label: "2"}}}
		}
		sel, _, ok := NewTextAsRead(c.text, shown).Find(c.passage)
		if !ok {
			t.Errorf("Find(%q) in %q: not found", c.passage, c.text)
			continue
		}
		if sel.Exact != c.want {
			t.Errorf("Find(%q) in %q: exact %q, want %q", c.passage, c.text, sel.Exact, c.want)
		}
		if start, end, ok := NewTextAsRead(c.text, shown).Locate(sel); !ok || !strings.Contains(c.text[start:end], strings.Fields(c.want)[1]) {
			t.Errorf("Find(%q): found again %v at %q", c.passage, ok, c.text[start:end])
		}
	}
}
