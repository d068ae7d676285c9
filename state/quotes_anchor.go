package state

import (
	"cmp"
	"index/suffixarray"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"golang.org/x/text/unicode/norm"
)

// Selector anchors a passage in the text of a piece as the W3C Web
// Annotation's TextQuoteSelector does: the passage itself (Exact), a little
// of the text before and after it (Prefix, Suffix), and a hint of where it
// was (Position), so that the passage is found again after the piece
// changes around it.
//
// The text a selector is made from is the piece as folio show prints it
// plain (ui.QuoteText: the reader's quotes are anchored in it too, not in
// the related pieces and rule the reader shows above the piece); it is
// found in that text or in the reader's lines, without Markdown marks
// either way. Matching compares only letters and digits, case-folded
// and with accents and compatibility forms folded (NFKD; the marks that are
// parts of letters kept, a passage ending where a letter does: fold,
// endsLetter): whitespace,
// punctuation and the marks of the rendering (a quote's bar, a list's
// bullet, where lines wrap) do not count, so a passage is found again at
// any width and after the file was rewritten with other line breaks or
// Markdown marks. Where the passage occurs more than once, the occurrence
// whose surroundings match Prefix and Suffix best is taken, and among those
// the one nearest Position. A passage not in the text as shown is looked
// for as a reader reads it (NewTextAsRead), without the URLs the
// rendering shows after links' text, when they are known, without the
// footnotes' markers it shows, when they are known (those the passage
// keeps are the text's where it has them; a label in brackets the piece
// writes as text, "f[x]", is no marker), or without both; its context and
// position are the text's as shown. A passage whose own words changed is not found:
// its quote is orphaned (kept, and reported as such). Nor is a passage that
// occurred more than once when it was chosen (Repeated) once none of its
// occurrences has the context it had: the one it was has gone, and another
// is not it.
type Selector struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	// Position is how many letters and digits of the text come before the
	// passage.
	Position int `json:"position"`
	// Repeated says the passage occurred more than once in the text it was
	// chosen from: it is found again only where its context agrees on at
	// least one side (see agrees).
	Repeated bool `json:"repeated,omitempty"`
}

// contextChars is how many letters and digits of context a selector keeps
// on each side: enough to tell apart repeated sentences, short enough to
// survive an edit near the passage.
const contextChars = 32

// maxCandidates bounds the occurrences of a passage Locate weighs (a quote
// of one common word in a long piece).
const maxCandidates = 10000

// maxWeighed bounds the bytes of a passage's occurrences read in all, where
// each is read through (its numbers as written, Text.Find; the markers it
// keeps, readText.keeps): occurrences of a long passage overlap only in a
// text repeating itself ("ab[1] ab[1] …"), where 10,000 of a 150 KB
// passage took 48 s to 3 minutes to find, and 2 to locate (a read of the
// code, 46c). Past maxWeighed/n occurrences of a passage n bytes long,
// Find neither counts nor weighs more (the first are taken), and Locate
// weighs those nearest the position where it reads the markers a passage
// keeps: 4,000 of a passage of 1 KB, four of 1 MB.
const maxWeighed = 4 << 20

// weighable is how many occurrences of a passage n bytes long are read
// through (maxWeighed), at least one, at most maxCandidates.
func weighable(n int) int { return max(1, min(maxCandidates, maxWeighed/max(1, n))) }

// folded is a text reduced to what matching compares, with the way back to
// the original.
type folded struct {
	s    string
	text string
	// at[i] is where in text the character that gave byte i of s starts
	// (int32: a piece is at most archive.MaxFileSize; 4 bytes a letter).
	at []int32
}

// start and end are the byte range in the original text of the character
// that gave byte i of s.
func (f folded) start(i int) int { return int(f.at[i]) }

func (f folded) end(i int) int {
	_, n := utf8.DecodeRuneInString(f.text[f.at[i]:])
	return int(f.at[i]) + n
}

// fold reduces text to its letters and digits, lower-cased, with accents
// and compatibility forms folded (NFKD: "É" is "e", "ﬁ" is "fi"). The
// combining marks that are parts of letters are kept (accent: a
// Devanagari vowel sign, a Thai tone mark, the kana voicing mark, "कि" is
// not "क"), those after one letter in canonical order (a Thai vowel and
// tone mark typed in either order are one); a mark after no letter or
// digit (after a space) is left out. Format characters (a zero-width
// joiner, a soft hyphen) and Arabic's tatweel (tatweel) are left out and
// break nothing: Bengali's ra, joiner, virama, ya is ra, virama, ya;
// "كتـــاب" is "كتاب". Arabic's hamza above is kept
// but where it is the Persian and Urdu ezafe (ezafe: "خانهٔ" is "خانه").
func fold(text string) folded {
	w := folder{at: make([]int32, 0, len(text)/2)}
	w.b.Grow(len(text))
	letter := false // the character before is a letter or digit, or its mark
	var base rune   // the last letter or digit written
	for i, r := range text {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				w.emit(r, i)
			case 'A' <= r && r <= 'Z':
				w.emit(r+'a'-'A', i)
			default:
				letter = false
				continue
			}
			letter, base = true, r
			continue
		}
		if unicode.Is(unicode.Cf, r) || r == tatweel {
			continue // a joiner, a soft hyphen, a direction mark, a kashida: no break between a letter and its mark
		}
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) && !unicode.IsSymbol(r) {
			letter = false
			continue // spaces, punctuation, the rendering's bars and bullets
		}
		if r == 0x06C0 || r == 0x06D5 && strings.HasPrefix(text[i+utf8.RuneLen(r):], "\u0654") {
			// ۀ, heh with the ezafe's hamza: to Unicode ae and hamza,
			// to Persian heh (ezafe; "خانه ما" is found in "خانۀ ما")
			w.emit(0x0647, i)
			letter, base = true, 0x0647
			continue
		}
		wrote := false
		for _, d := range norm.NFKD.String(string(r)) {
			switch {
			case unicode.IsLetter(d) || unicode.IsNumber(d):
				w.emit(unicode.ToLower(d), i)
				letter, wrote, base = true, true, d
			case unicode.IsMark(d) && !accent(d) && letter && !ezafe(base, d):
				// (a mark after a space or a symbol is no letter's)
				w.marks = append(w.marks, foldMark{r: d, from: i})
				wrote = true
			}
		}
		if !wrote && !unicode.IsMark(r) {
			letter = false // a symbol
		}
	}
	w.flush()
	return folded{s: w.b.String(), text: text, at: w.at}
}

// tatweel is Arabic's kashida (U+0640), which stretches a joined letter
// to justify a line or for show: a letter to Unicode (Lm), but no letter
// of the word, left out as a format character is (fold; "سأل" was not
// found in "ســأل", so a quote was orphaned by a site adding kashida).
const tatweel = '\u0640'

// folder writes a reduction (fold).
type folder struct {
	b  strings.Builder
	at []int32
	// marks are those after the last letter, written in canonical order
	// before what comes next
	marks []foldMark
}

// foldMark is a combining mark kept (fold), from byte from of the text,
// of combining class ccc (flush).
type foldMark struct {
	r    rune
	from int
	ccc  uint8
}

// emit writes r, from byte from of the text, after the marks before it.
func (w *folder) emit(r rune, from int) {
	if len(w.marks) > 0 {
		w.flush()
	}
	w.put(r, from)
}

func (w *folder) put(r rune, from int) {
	n := w.b.Len()
	w.b.WriteRune(r)
	for range w.b.Len() - n {
		w.at = append(w.at, int32(from))
	}
}

// flush writes the marks after the last letter in canonical order: each
// run of them of a combining class other than 0 (a Thai vowel and tone
// mark) by class, those of class 0 (a spacing vowel sign) where they are.
func (w *folder) flush() {
	if len(w.marks) > 1 {
		var buf [utf8.UTFMax]byte
		for i, m := range w.marks {
			w.marks[i].ccc = norm.NFD.Properties(utf8.AppendRune(buf[:0], m.r)).CCC()
		}
		for i := 0; i < len(w.marks); i++ {
			j := i
			for j < len(w.marks) && w.marks[j].ccc != 0 {
				j++
			}
			slices.SortStableFunc(w.marks[i:j], func(a, b foldMark) int { return cmp.Compare(a.ccc, b.ccc) })
			i = j
		}
	}
	for _, m := range w.marks {
		w.put(m.r, m.from)
	}
	w.marks = w.marks[:0]
}

// ezafe reports whether the mark r after the letter base is the hamza
// above (U+0654) that Persian and Urdu write on heh, ae, heh goal and yeh
// barree (ۀ ۂ ۓ, precomposed or not) for the ezafe, which writers also
// write as a kasra (folded, accent) or leave out: folded as a vowel point
// is, "خانه ما" is found in "خانهٔ ما", "بڑے" in "بڑۓ". On other
// letters it is part of the letter (accent). ۀ, which Unicode
// decomposes to ae and hamza but Persian writes for heh and the ezafe,
// is heh (fold: "خانه ما" is found in "خانۀ ما"; ae alone is Kurdish's
// own letter, kept).
func ezafe(base, r rune) bool {
	if r != 0x0654 {
		return false
	}
	switch base {
	case 0x0647, 0x06D5, 0x06C1, 0x06D2: // heh, ae, heh goal, yeh barree
		return true
	}
	return false
}

// accent reports whether the combining mark r is folded as an accent is:
// one of the combining diacritical marks (U+0300–U+036F, U+1AB0–U+1AFF,
// U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F: the accents NFKD takes off
// Latin, Greek and Cyrillic letters, "é", "ά", "й"), a vowel point or
// cantillation mark of Hebrew or Arabic (written or not: "كَتَبَ" is
// "كتب"), or a variation selector. Other marks are parts of their letters
// (a Devanagari, Bengali or Thai vowel sign, a virama, a nukta, a Thai tone
// mark, the kana voicing marks, Arabic's hamza and madda: "سأل" is not
// "سال") and are kept (but the ezafe's hamza, fold).
func accent(r rune) bool {
	switch {
	case 0x0300 <= r && r <= 0x036F, 0x1AB0 <= r && r <= 0x1AFF, 0x1DC0 <= r && r <= 0x1DFF,
		0x20D0 <= r && r <= 0x20FF, 0xFE20 <= r && r <= 0xFE2F:
		return true
	case 0xFE00 <= r && r <= 0xFE0F, 0xE0100 <= r && r <= 0xE01EF, 0x180B <= r && r <= 0x180D, r == 0x180F:
		return true // variation selectors
	case 0x0653 <= r && r <= 0x0655:
		// Arabic madda and hamza above and below: NFKD takes them off
		// letters of their own (أ إ آ ؤ ئ), so folding them made سأل
		// (asked) سال (flowed); the ezafe's hamza is folded (ezafe)
		return false
	case 0x0591 <= r && r <= 0x05C7, 0x0610 <= r && r <= 0x061A, 0x064B <= r && r <= 0x065F,
		r == 0x0670, 0x06D6 <= r && r <= 0x06ED:
		return unicode.Is(unicode.Mn, r) // Hebrew and Arabic points
	}
	return false
}

// numberMarksIn are the marks of how the numbers of text[start:end] are
// written, in order (numberMark), read in text (a minus after a letter
// before start is no sign: "-52" of "B-52"). Find asks a passage given
// for them as the text has them, where matching letters and digits alone
// took "5.5 mph" for "55 mph", "-375,000" for "some 375,000", "3.2e12"
// for "3.2e-12" and "106" for "10⁶" (an attack: folio quotes add kept
// such a passage as a quote of the piece). Finding a quote again does not
// (Locate): a passage the reader kept holds its rendering's cuts ("-…" at
// a line cut to fit), and a quote is not orphaned by them (a review). The
// marks inside aside, byte ranges of text in order, are left out: a
// link's URL or a footnote's marker (the "," of "[1,2]"), which a passage
// read without them does not hold (Text.Find's readings).
func numberMarksIn(text string, start, end int, aside [][2]int) string {
	var b strings.Builder
	for i, r := range text[start:end] {
		for len(aside) > 0 && aside[0][1] <= start+i {
			aside = aside[1:]
		}
		if len(aside) > 0 && aside[0][0] <= start+i {
			continue // a link's URL, a marker (Text.Find)
		}
		b.WriteString(numberMark(text, start+i, r))
	}
	return b.String()
}

// numberMark is the mark of r, at byte i of text, when r is part of how a
// number is written: a decimal or thousands separator ('.' or ',' between
// two digits); a minus that signs a number or its exponent
// (archive.IsMinus, archive.SignsNumber and archive.ExponentSign: '-',
// the minus sign, hyphens and dashes, all "-"; "−5", "3.2e-12",
// "10^-3"); an exponent after a digit, written with a caret or in
// superscript digits, "^" ("10^6" and "10⁶" alike, not "106"; "10^-3"
// and "10⁻³" "^-"); "" otherwise. A comma or full stop after a number
// and a space ("1, 1885, 145"), a hyphen in a name ("B-52") and a
// superscript after a letter ("m²", "x^2": a unit's, as often as not)
// are punctuation, ignored as any (a review, 41zb: such passages were
// refused).
func numberMark(text string, i int, r rune) string {
	switch {
	case r == '.' || r == ',':
		if i == 0 || i+1 >= len(text) || !isDigitByte(text[i-1]) || !isDigitByte(text[i+1]) {
			return ""
		}
		return string(r)
	case archive.IsMinus(r):
		prev, rest := runesBefore(text, i), text[i+utf8.RuneLen(r):]
		if !archive.SignsNumber(prev[1], rest) && !archive.ExponentSign(prev, rest) {
			return ""
		}
		return "-"
	case r == '^':
		if exponentAt(text, i) {
			return "^"
		}
	case isSuperDigit(r) || r == superMinus || r == superPlus:
		if !superExponent(text, i, r) {
			return ""
		}
		mark := ""
		if prev := runesBefore(text, i); isDigitByte(byte(prev[1])) && prev[1] < utf8.RuneSelf {
			mark = "^" // the exponent begins
		}
		if r == superMinus {
			mark += "-"
		}
		return mark
	}
	return ""
}

// superMinus and superPlus are the superscript signs (archive.ScriptText
// writes 10<sup>-3</sup> 10⁻³).
const superMinus, superPlus = '⁻', '⁺'

// isSuperDigit: r is a superscript digit (⁰ to ⁹).
func isSuperDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || r == '⁰' || '⁴' <= r && r <= '⁹'
}

// superExponent: the superscript r at byte i of text begins an exponent
// after a digit ("⁶" of "10⁶", "⁻" of "10⁻³") or signs one ("⁻" of
// "x⁻¹": "-"): a superscript digit after an ASCII digit, a superscript
// sign before a superscript digit.
func superExponent(text string, i int, r rune) bool {
	if r == superMinus || r == superPlus {
		next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
		return isSuperDigit(next)
	}
	prev := runesBefore(text, i)[1]
	return prev < utf8.RuneSelf && isDigitByte(byte(prev))
}

// exponentAt: the caret at byte i of text writes the exponent of the
// number before it: a digit before it, a digit, a sign and a digit or a
// parenthesis closed after a run of up to maxParenExponent bytes without
// a space or a parenthesis after it ("10^-3", archive.ScriptText's
// "10^(6.5)"; not "x^2", "a^b", nor ScriptText's "2019^(see note)" of a
// superscript of words, nor a "^(" never closed: a read of the change,
// each refused a passage stopping before it, "in 2019").
func exponentAt(text string, i int) bool {
	if i == 0 || !isDigitByte(text[i-1]) {
		return false
	}
	rest := text[i+1:]
	if strings.HasPrefix(rest, "(") {
		in := rest[1:min(len(rest), maxParenExponent+2)]
		k := strings.IndexFunc(in, func(r rune) bool { return r == ')' || r == '(' || unicode.IsSpace(r) })
		return k > 0 && in[k] == ')'
	}
	if r, n := utf8.DecodeRuneInString(rest); archive.IsMinus(r) || r == '+' {
		rest = rest[n:]
	}
	return rest != "" && isDigitByte(rest[0])
}

// maxParenExponent bounds the exponent read in parentheses after a caret
// (exponentAt): a number, or a short term ("n+1").
const maxParenExponent = 32

// runesBefore are the two characters before byte i of text, the nearer
// last (0 before the start).
func runesBefore(text string, i int) [2]rune {
	var prev [2]rune
	if i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		prev[1] = r
		if i-n > 0 {
			prev[0], _ = utf8.DecodeLastRuneInString(text[:i-n])
		}
	}
	return prev
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// cutsNumber: text[start:end] begins or ends inside a number, or after
// its sign ("2.5" of "12.5", "-12" of "-12.5", "12.5" of "-12.5": a quote
// of a number the piece does not have; a review, 41zb; the last, 41fc),
// or before or inside its exponent ("3.2" and "-12" of "3.2e-12", "10" of
// "10^6" or "10⁶").
func cutsNumber(text string, start, end int) bool {
	return start < end && (start > 0 && insideNumber(text, start) || end < len(text) && insideNumber(text, end))
}

// insideNumber: byte i of text, not its start nor its end, is inside a
// number as written (see numberMark): between its digits, at a decimal or
// thousands mark between two, after its sign, or at or inside its
// exponent.
func insideNumber(text string, i int) bool {
	prev := runesBefore(text, i)
	a := prev[1] // the character before i, b the one at it
	_, aw := utf8.DecodeLastRuneInString(text[:i])
	b, n := utf8.DecodeRuneInString(text[i:])
	digit := func(r rune) bool { return '0' <= r && r <= '9' }
	switch {
	case digit(b):
		// a digit after a digit, a mark between two, a sign, an
		// exponent's 'e' or caret
		return digit(a) ||
			(a == '.' || a == ',') && digit(prev[0]) ||
			numberMark(text, i-aw, a) != "" ||
			(a == 'e' || a == 'E') && digit(prev[0]) ||
			a == '(' && i >= 2 && text[i-2] == '^' && exponentAt(text, i-2)
	case digit(a):
		// a mark between two digits, an exponent after the digit
		switch {
		case b == '.' || b == ',':
			return numberMark(text, i, b) != ""
		case b == 'e' || b == 'E':
			rest := text[i+n:]
			if r, m := utf8.DecodeRuneInString(rest); archive.IsMinus(r) {
				rest = rest[m:]
			}
			return rest != "" && isDigitByte(rest[0])
		}
		return numberMark(text, i, b) != ""
	case archive.IsMinus(b):
		return archive.ExponentSign(prev, text[i+n:]) // an exponent's sign
	case isSuperDigit(b):
		return isSuperDigit(a) || a == superMinus || a == superPlus
	}
	return false
}

// lettersIn is how many letters and digits s, a reduction (fold), holds:
// its characters, the combining marks kept with letters aside (a
// selector's Position counts them so, as it did when none was kept).
func lettersIn(s string) int {
	n := 0
	for i, r := range s {
		if r < utf8.RuneSelf || !isMarkAt(s, i) {
			n++
		}
	}
	return n
}

// isMarkAt reports whether the character at byte i of s is a combining
// mark.
func isMarkAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsMark(r)
}

// foldString is fold's text alone.
func foldString(s string) string { return fold(s).s }

// Letters is how many letters and digits s has, as a Selector's Position
// counts them.
func Letters(s string) int { return lettersIn(foldString(s)) }

// Selectable reports whether a passage can be anchored: it has a letter or
// a digit.
func Selectable(passage string) bool { return foldString(passage) != "" }

// Select makes the selector of text[start:end]. The passage is kept as
// written, without the blank space around it; the context is the text of
// up to contextChars letters and digits on either side, on one line, run
// on to the ends of the words it cuts (up to contextChars characters).
// The passage ends past the combining marks at end, its last letter's (a
// passage ends where a letter does: "कि", not "क" of it).
func Select(text string, start, end int) Selector {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if end < start {
		start, end = end, start
	}
	end = pastMarks(text, end)
	f := fold(text)
	// The folded characters inside [start, end).
	i := 0
	for i < len(f.s) && f.start(i) < start {
		i++
	}
	j := i
	for j < len(f.s) && f.end(j) <= end {
		j++
	}
	sel := Selector{Exact: strings.TrimSpace(text[start:end]), Position: lettersIn(f.s[:i])}
	if p := f.s[i:j]; p != "" {
		sel.Repeated = len(occurrencesIn(f.s, p, 2)) > 1
	}
	// The context runs on to the ends of the words it cuts, up to
	// contextChars characters more (a text without spaces, as Chinese is
	// written, gave its whole paragraph: a read of the code, 46c).
	if from := runesBack(f.s, i, contextChars); from < i {
		k := f.start(from)
		for n := 0; k > 0 && !isSpace(text[:k]) && n < contextChars; n++ {
			_, size := utf8.DecodeLastRuneInString(text[:k])
			k -= size
		}
		sel.Prefix = quoteLine(text[k:start])
	}
	if to := runesForward(f.s, j, contextChars); to > j {
		k := f.end(to - 1)
		for n := 0; k < len(text) && n < contextChars; n++ {
			r, size := utf8.DecodeRuneInString(text[k:])
			if unicode.IsSpace(r) {
				break
			}
			k += size
		}
		sel.Suffix = quoteLine(text[end:k])
	}
	return sel
}

// Find makes the selector of the first occurrence of passage in text, found
// as Locate finds a passage (letters and digits only), and says how many
// times it occurs. ok is false when it does not occur.
func Find(text, passage string) (sel Selector, occurrences int, ok bool) {
	return NewText(text).Find(passage)
}

// Find is the package's Find in the prepared text. A passage not in the
// text as it is shown is looked for in it as a reader reads it (see
// NewTextAsRead), the URLs of its links left out, its footnotes'
// markers, or both: "as the report said" of "as the report
// https://example.com/r said", "in 2019[1] and the report said" and "in
// 2019 and the report said" of "in 2019[1] and the report
// https://example.com/r said". Where markers are left out, each the
// passage keeps is asked for where it has it ("in 2019 and 2020[2] it" of
// "in 2019[1] and 2020[2] it": ownMarkers). Its numbers are asked for as
// the text writes them, what the reading leaves out aside.
func (t *Text) Find(passage string) (sel Selector, occurrences int, ok bool) {
	p := foldString(passage)
	if p == "" {
		return Selector{}, 0, false
	}
	text := t.f.text
	given := strings.TrimSpace(passage) // as the user gave it
	// the occurrences (at, of q in f.s; span gives each one's bytes of
	// t.f.s) whose numbers are written as the passage's (marks): "5.5
	// mph" is not "55 mph" earlier in the text, and is found after it (a
	// read of the change: the first occurrence alone was asked)
	asWritten := func(aside [][2]int, at []int, marks string, span func(i int) (int, int, bool)) (start, end, n int) {
		start = -1
		for _, i := range at {
			from, to, ok := span(i)
			if !ok {
				continue // a marker it keeps not the text's there
			}
			s, e := widen(text, passage, t.f.start(from), t.f.end(to-1))
			t.work += e - s // read through for its numbers
			if numberMarksIn(text, s, e, aside) != marks || cutsNumber(text, s, e) {
				continue // its numbers written otherwise: not the text's
			}
			if n++; start < 0 {
				start, end = s, e
			}
		}
		return start, end, n
	}
	marks := numberMarksIn(given, 0, len(given), nil)
	if at := occurrencesIn(t.f.s, p, weighable(len(p))); len(at) > 0 {
		start, end, n := asWritten(nil, at, marks, func(i int) (int, int, bool) { return i, i + len(p), true })
		if n == 0 {
			return Selector{}, 0, false
		}
		sel = Select(text, start, end)
		sel.Exact = asShown(text, start, end, nil, given)
		return sel, n, true
	}
	var own passageMarkers // made at the first reading leaving markers out
	for k := range readings {
		r := t.read(k)
		if r == nil {
			continue
		}
		q, kept, qMarks := p, []keptMarker(nil), marks
		if k != withoutURLs {
			if own.bare == nil {
				own = ownMarkers(given, t.notes)
			}
			q, kept, qMarks = *own.bare, own.kept, own.marks
		}
		if q == "" {
			continue
		}
		start, end, n := asWritten(r.aside, occurrencesIn(r.f.s, q, weighable(len(q))), qMarks, func(i int) (int, int, bool) { return r.keeps(t.f.s, i, len(q), kept, &t.work) })
		if n == 0 {
			continue
		}
		// The context and position are the text's as shown, as Locate
		// reads them (see Text.Locate); the passage occurs more than once
		// when its letters do, as read.
		sel = Select(text, start, end)
		sel.Exact, sel.Repeated = asShown(text, start, end, r.aside, given), n > 1
		return sel, n, true
	}
	return Selector{}, 0, false
}

// asShown is the passage found at text[start:end] as the text writes it,
// what a reading left out (aside, byte ranges of text in order) left out,
// its lines without the indentation and quote or table bar that start
// them, each line's runs of spaces one: what a quote of the piece says,
// in its lines as the reader's v keeps them. Find matches a passage on its letters and digits alone, case and
// accents folded, so "intro paragraph - cafe" was kept, and printed with
// its citation, for the piece's "Intro paragraph — café" (a
// researcher's report). given, the passage as typed, when the text's
// form does not fold to what given does (a marker the passage keeps,
// which a reading sets aside).
func asShown(text string, start, end int, aside [][2]int, given string) string {
	// the marks given has before its first letter and after its last,
	// as many as the text has there: a typed `"curly"` is the text's
	// “curly” (widen takes only the marks written alike); a combining
	// mark is its letter's
	mark := func(r rune) bool { return !folds(r) && !unicode.IsSpace(r) && !unicode.IsMark(r) }
	lead, trail := 0, 0
	for _, r := range given {
		if !mark(r) {
			break
		}
		lead++
	}
	for g := given; g != ""; trail++ {
		r, m := utf8.DecodeLastRuneInString(g)
		if !mark(r) {
			break
		}
		g = g[:len(g)-m]
	}
	for ; lead > 0 && start > 0; lead-- {
		r, m := utf8.DecodeLastRuneInString(text[:start])
		if !mark(r) {
			break
		}
		start -= m
	}
	for ; trail > 0 && end < len(text); trail-- {
		r, m := utf8.DecodeRuneInString(text[end:])
		if !mark(r) {
			break
		}
		end += m
	}
	var b strings.Builder
	at := start
	for _, a := range aside {
		if a[1] <= at || a[0] >= end {
			continue
		}
		b.WriteString(text[at:max(a[0], at)])
		at = min(a[1], end)
	}
	if at < end {
		b.WriteString(text[at:end])
	}
	kept := b.String()
	if len(aside) > 0 {
		// a marker's label is aside, its brackets not: "2019[]"
		kept = withoutEmptyBrackets(kept)
	}
	lines := strings.Split(kept, "\n")
	for i, l := range lines {
		if i > 0 {
			l = strings.TrimLeft(l, " \u00a0")
			for _, bar := range []string{"│", "┃"} {
				if rest, ok := strings.CutPrefix(l, bar); ok {
					l = rest
					break
				}
			}
		}
		lines[i] = l
	}
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	shown := strings.Trim(strings.Join(lines, "\n"), "\n")
	if foldString(shown) != foldString(given) {
		return given
	}
	return shown
}

// withoutEmptyBrackets is s without what a footnote's marker leaves when
// its labels are taken out (asShown): "[]", "[,]", "[, ]".
func withoutEmptyBrackets(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := i + 1
		for j < len(s) && (s[j] == ',' || s[j] == ' ') {
			j++
		}
		if j < len(s) && s[j] == ']' {
			b.WriteString(s[:i])
			s = s[j+1:]
			continue
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
	}
}

// passageMarkers is a passage as a reading leaving footnotes' markers out
// reads it (ownMarkers): its letters and digits without those of its own
// markers (bare), the markers it keeps (kept), and the marks of how its
// numbers are written, its markers' aside (numberMarksIn).
type passageMarkers struct {
	bare  *string
	kept  []keptMarker
	marks string
}

// keptMarker is a footnote's marker a passage keeps: where in the passage's
// letters and digits without its markers it stands (before byte at), and
// its label's letters and digits.
type keptMarker struct {
	at    int
	label string
}

// ownMarkers reads the markers of passage (markerRuns, the text's rule:
// "2019[1]", "said.[12]", where notes, the text's markers, have one of
// that label after that word: the "[x]" of "Let f[x] and g be maps" is
// the passage's text where the text's is no marker), so that a passage keeping some of the text's
// markers and leaving out others is found, each marker asked for alone
// (Text.Find, Text.Locate: a reading leaves them all out, and the passage
// its own; those it keeps must be the text's where it has them,
// readText.keeps): one reading, linear in the passage and the text,
// whatever markers either holds, where a reading a choice of markers
// would be 2^n of them.
func ownMarkers(passage string, notes noteMarkers) passageMarkers {
	f := fold(passage)
	runs := markerRuns(f, notes, true)
	var b strings.Builder
	var pm passageMarkers
	var aside [][2]int
	from := 0
	for _, run := range runs {
		b.WriteString(f.s[from:run[0]])
		pm.kept = append(pm.kept, keptMarker{at: b.Len(), label: f.s[run[0]:run[1]]})
		aside = append(aside, [2]int{f.start(run[0]), f.end(run[1] - 1)})
		from = run[1]
	}
	b.WriteString(f.s[from:])
	bare := b.String()
	pm.bare, pm.marks = &bare, numberMarksIn(passage, 0, len(passage), aside)
	return pm
}

// keeps reports whether the text holds the markers a passage keeps (kept,
// ownMarkers) in its occurrence at byte at of r.f.s, n bytes long: each
// among the markers the reading leaves out right where the passage has it,
// those at one place in order ("2019[2]" of "2019[1][2]"). It gives the
// occurrence's bytes of the whole text's reduction (full, t.f.s), over
// the markers it keeps at either end ("said.[12]" ends past "12"). It adds
// to work the markers it asks for and those it reads past (Text.work).
func (r *readText) keeps(full string, at, n int, kept []keptMarker, work *int) (from, to int, ok bool) {
	from, to = int(r.full[at]), int(r.full[at+n-1])+1
	for len(kept) > 0 {
		o := kept[0].at
		g := 1
		for g < len(kept) && kept[g].at == o {
			g++
		}
		group := kept[:g]
		kept = kept[g:]
		// the bytes of full left out where the passage has the markers
		lo, hi := 0, len(full)
		if x := at + o; x > 0 {
			lo = int(r.full[x-1]) + 1
		}
		if x := at + o; x < len(r.full) {
			hi = int(r.full[x])
		}
		k, _ := slices.BinarySearchFunc(r.marks, lo, func(run [2]int, lo int) int { return cmp.Compare(run[0], lo) })
		first, last := -1, -1
		*work += len(group)
		for ; k < len(r.marks) && r.marks[k][1] <= hi && len(group) > 0; k++ {
			*work++
			if full[r.marks[k][0]:r.marks[k][1]] == group[0].label {
				if group = group[1:]; first < 0 {
					first = r.marks[k][0]
				}
				last = r.marks[k][1]
			}
		}
		if len(group) > 0 {
			return 0, 0, false
		}
		if o == 0 {
			from = first
		}
		if o == n {
			to = last
		}
	}
	return from, to, true
}

// occurrencesIn are the offsets in s where p occurs, in order, at most
// limit of them (the first), read through s; an occurrence ends where a
// letter does, with its marks (endsLetter).
func occurrencesIn(s, p string, limit int) []int {
	var at []int
	for i := 0; i < len(s) && len(at) < limit; {
		k := strings.Index(s[i:], p)
		if k < 0 {
			break
		}
		if endsLetter(s, i+k+len(p)) {
			at = append(at, i+k)
		}
		_, size := utf8.DecodeRuneInString(s[i+k:])
		i += k + size
	}
	return at
}

// Locate finds the passage of sel in text and returns its byte range there;
// ok is false when the passage's letters and digits no longer occur in it.
// To find many selectors in one text, prepare it once with NewText.
func (sel Selector) Locate(text string) (start, end int, ok bool) {
	return NewText(text).Locate(sel)
}

// Text is a text prepared for finding selectors in: reduced once to what
// matching compares, which is most of the work of a Locate (a piece's
// quotes are found in it one after another), and, once more than
// indexAfter passages were looked for in it, indexed (a suffix array), so
// that each is found without reading the whole text: 100,000 quotes of a
// 1 MB piece took 51 s read through each time. A Text is not safe for
// concurrent use.
type Text struct {
	f       folded
	located int                // Locates so far
	index   *suffixarray.Index // of f.s, from the indexAfter-th Locate on
	runes   []int32            // letters and digits before each byte of f.s; nil while unneeded
	// work counts what the finder reads past the text's reduction where
	// it could grow faster than the text: the bytes of words looked up
	// among its links' URLs (linkRuns), of occurrences read through for
	// their numbers (Find), and the markers asked for at occurrences
	// (readText.keeps). Tests bound it (a long word of punctuation, a
	// long passage of a repeating text: each was quadratic, 46c).
	work int

	// asRead: a passage not found as shown is looked for as read
	// (NewTextAsRead). shown gives the URLs the text shows after its
	// links' text and the footnotes' markers it shows, asked for once,
	// by the first passage not found as shown, when urlRuns and markRuns,
	// the runs of f.s its URLs and markers give, are made (ran), with
	// notes, its markers as a passage's are told by (ownMarkers); reads
	// are the text's readings (readText, by reading), each made at its
	// first use (made), nil where it leaves nothing out that an earlier
	// one does not.
	asRead            bool
	shown             func() Shown
	ran               bool
	urlRuns, markRuns [][2]int
	notes             noteMarkers
	reads             [readings]*readText
	made              [readings]bool
}

// The readings of a text, in the order a passage is looked for in them
// once not found as shown: without its links' URLs, its footnotes'
// markers kept (as a quote was found before markers were left out: one
// kept then is found where it was); without the markers, the URLs kept;
// without both. Three readings, whatever the text holds: in the two
// leaving markers out, a passage is read without its own markers too,
// and those it keeps are asked for where it has them (ownMarkers,
// readText.keeps), so one keeping some markers and leaving out others is
// found (it was not before 45d).
const (
	withoutURLs = iota
	withoutMarkers
	withoutBoth
	readings
)

// readText is a Text's text reduced as a reader reads it (one of its
// readings): without the letters and digits of the URLs it shows after
// its links' text, of its footnotes' markers, or of both.
type readText struct {
	f    folded  // at still points into the whole text
	full []int32 // where in the whole text's reduction each byte of f.s is
	// aside are the byte ranges of the whole text left out (a URL's, a
	// marker's letters and digits), in order
	aside [][2]int
	// marks are the runs of the whole text's reduction (t.f.s) its
	// footnotes' markers give that the reading leaves out, in order
	marks   [][2]int
	located int
	index   *suffixarray.Index
}

// indexAfter is how many passages are looked for in a Text before it is
// indexed: building the index costs about as much as reading the text a
// few times over.
const indexAfter = 16

// NewText prepares text for Locate and Find, which find a passage in it
// as shown only (no URL nor marker left out: see NewTextAsRead).
func NewText(text string) *Text { return &Text{f: fold(text)} }

// Link is a URL the rendering of a piece shows after a link's text, and
// that text as it shows it ("the report" of "the report
// https://example.com/r"; "" where it cannot be told: the URL is then left
// out wherever the text shows it as a word, as before links had places).
type Link struct {
	Text, URL string
}

// Marker is a footnote's marker the rendering of a piece shows, a label in
// brackets after the word it annotates ("2019[1]", "said.[a]", "2019[1,2]"),
// where the piece's source makes one (a footnote's reference, a link to a
// note): its label as shown ("1", "a", "1,2") and the text shown before it
// as far back as the last space, the markers right before it aside
// ("2019", "said." of "said.[4][5]"; "" where it cannot be told: the label
// is then a marker at any place). A label in brackets the source writes as
// text ("f[x]" of "Let f[x] and g[y] be maps") is none.
type Marker struct {
	Before, Label string
}

// Shown is what the rendering of a piece shows besides its words, that a
// reader reads it without: the URLs it shows after links' text, and its
// footnotes' markers.
type Shown struct {
	Links   []Link
	Markers []Marker
}

// NewTextAsRead prepares text, a piece as shown, for Locate and Find,
// where shown gives the URLs the rendering shows after links' text, each
// with that text (a link shows as "the report https://example.com/r"),
// and the footnotes' markers it shows (Marker). A passage is found in the
// text as shown, or, when not there, as a reader reads the text: without
// those URLs, without its footnotes' markers, or without both, in that
// order (see readings): a researcher quoting the
// original page, or the piece's Markdown, quotes "as the report said", and
// one quoting folio show "in 2019[1] and the report said". A URL is left
// out where the text shows it whole, from the start of a word (it may go
// on over lines it was wrapped to), at the end of one (punctuation after
// it aside), right after its link's text: where the same URL is written
// as text, or shown as itself (an autolink), it is the text's and stays (a
// read of the change, 42rc: "The address https://example.com/r" lost its
// URL when "[the report](https://example.com/r)" was elsewhere). One of
// letters and digits alone (a relative link to "economy") is left in, as a
// word of the text. A marker is left out where the text shows one as
// markerRuns reads it ("in 2019 and" of "in 2019[1] and"), and only where
// shown gives one of its label after the same word: "Let f and g be maps"
// is not found in "Let f[x] and g[y] be maps", whose "[x]" and "[y]" the
// piece writes as text (a helper's report, 45e: every label in brackets
// after a word was left out). shown is called at most once, when a
// passage is first not found as shown; nil, or none given: no URL nor
// marker is left out.
func NewTextAsRead(text string, shown func() Shown) *Text {
	return &Text{f: fold(text), asRead: true, shown: shown}
}

// read is the text's reading k (withoutURLs, withoutMarkers or
// withoutBoth), made at its first use; nil when the text is prepared by
// NewText, or when the reading leaves out nothing an earlier one does not
// (no URL, no marker, or, for withoutBoth, one of them none).
func (t *Text) read(k int) *readText {
	if !t.asRead {
		return nil
	}
	if !t.ran {
		var shown Shown
		if t.shown != nil {
			shown = t.shown()
			t.shown = nil
		}
		t.notes = newNoteMarkers(shown.Markers)
		t.urlRuns, t.markRuns, t.ran = linkRuns(t.f, shown.Links, &t.work), markerRuns(t.f, t.notes, false), true
	}
	if t.made[k] {
		return t.reads[k]
	}
	t.made[k] = true
	var runs [][2]int
	switch k {
	case withoutURLs:
		runs = t.urlRuns
	case withoutMarkers:
		runs = t.markRuns
	case withoutBoth:
		if len(t.urlRuns) > 0 && len(t.markRuns) > 0 {
			runs = mergeRuns(t.urlRuns, t.markRuns)
		}
	}
	if len(runs) == 0 {
		return nil
	}
	r := &readText{f: folded{text: t.f.text, at: make([]int32, 0, len(t.f.at))}, full: make([]int32, 0, len(t.f.at))}
	var b strings.Builder
	b.Grow(len(t.f.s))
	from := 0
	for _, run := range append(runs, [2]int{len(t.f.s), len(t.f.s)}) {
		b.WriteString(t.f.s[from:run[0]])
		r.f.at = append(r.f.at, t.f.at[from:run[0]]...)
		for i := from; i < run[0]; i++ {
			r.full = append(r.full, int32(i))
		}
		if run[1] > run[0] {
			r.aside = append(r.aside, [2]int{t.f.start(run[0]), t.f.end(run[1] - 1)})
		}
		from = run[1]
	}
	r.f.s = b.String()
	if k != withoutURLs {
		// the markers among the runs (mergeRuns may leave one out)
		m := t.markRuns
		for _, run := range runs {
			for len(m) > 0 && m[0][0] < run[0] {
				m = m[1:]
			}
			if len(m) > 0 && m[0] == run {
				r.marks = append(r.marks, run)
			}
		}
	}
	t.reads[k] = r
	return r
}

// maxURLTries bounds the URLs a word of the text is compared with as the
// first line of one wrapped over lines, and the texts of one URL's links a
// place is compared with (past it, the URL is left out at any place).
const maxURLTries = 64

// linkRuns are the byte ranges of f.s that links' URLs give, in order:
// each where a word of the text begins with one whole (its letters and
// digits then end, as a word's do: punctuation or a space follows), or
// with the first line of one the rendering wrapped, the rest on the next
// lines, right after the letters and digits of the text of a link of that
// URL (Link.Text). It adds to work the bytes of the words it looks up
// among the URLs (Text.work).
func linkRuns(f folded, links []Link, work *int) [][2]int {
	texts := map[string][]string{} // a URL's links' texts, folded; nil: any place
	for _, l := range links {
		u := l.URL
		if foldString(u) == "" || !strings.ContainsFunc(u, func(r rune) bool { return !folds(r) }) {
			// none of letters and digits alone: a word ("economy", a
			// relative link's) cannot be told from the text's own
			continue
		}
		ts, seen := texts[u]
		if seen && ts == nil {
			continue // at any place already
		}
		t := foldString(l.Text)
		if t == "" || len(ts) >= maxURLTries {
			texts[u] = nil
			continue
		}
		if !slices.Contains(ts, t) {
			texts[u] = append(ts, t)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	us := make([]string, 0, len(texts))
	longestURL := 0
	for u := range texts {
		us = append(us, u)
		longestURL = max(longestURL, len(u))
	}
	slices.Sort(us)
	// a word longer than every URL is none (not looked up: hashing each
	// shorter prefix of a long run of punctuation was quadratic)
	has := func(w string) bool {
		if len(w) > longestURL {
			return false
		}
		*work += len(w) // hashed
		_, ok := texts[w]
		return ok
	}
	text := f.text
	var runs [][2]int
	next := 0 // the first byte of text a URL may begin at (after the last)
	for b := 0; b < len(text); {
		r, n := utf8.DecodeRuneInString(text[b:])
		if unicode.IsSpace(r) {
			b += n
			continue
		}
		e := b
		for e < len(text) {
			r, n := utf8.DecodeRuneInString(text[e:])
			if unicode.IsSpace(r) {
				break
			}
			e += n
		}
		word := text[b:e]
		if b < next {
			b = e
			continue
		}
		var cands []string
		for w := word; w != ""; {
			if has(w) {
				cands = append(cands, w)
			}
			r, n := utf8.DecodeLastRuneInString(w)
			if folds(r) {
				break // punctuation after the URL alone is let go
			}
			w = w[:len(w)-n]
		}
		k, _ := slices.BinarySearch(us, word)
		for tries := 0; k < len(us) && tries < maxURLTries && strings.HasPrefix(us[k], word); k, tries = k+1, tries+1 {
			cands = append(cands, us[k])
		}
		i, _ := slices.BinarySearchFunc(f.at, int32(b), func(at, b int32) int { return cmp.Compare(at, b) })
		// after its link's text: "The address https://example.com/r" is
		// no link's URL where "the report" shows it
		after := func(u string) bool {
			ts := texts[u]
			return ts == nil || slices.ContainsFunc(ts, func(t string) bool { return strings.HasSuffix(f.s[:i], t) })
		}
		longest := 0
		for _, u := range cands {
			fu := foldString(u)
			j := i + len(fu)
			if i < len(f.s) && f.start(i) < e && strings.HasPrefix(f.s[i:], fu) && (j == len(f.s) || f.end(j-1) < f.start(j)) && len(fu) > longest && after(u) {
				longest = len(fu)
			}
		}
		if longest > 0 {
			runs = append(runs, [2]int{i, i + longest})
			next = f.end(i + longest - 1)
		}
		b = e
	}
	return runs
}

// markerRuns are the byte ranges of f.s that footnote markers give, in
// order: a label of a marker (archive.IsNoteLabel: notes' labels of
// letters, digits and "*†‡§", separated by ",.-–") in brackets right
// after a character that is no space, with no letter or digit right after
// it ("2019[1] and", "said.[12]", "2019[a]", "2019[1,2]"), as archive
// writes a footnote's reference, [^3], and a superscript linking to notes
// (<sup>[3](#fn3)</sup>, <sup>[1](#fn1),[2](#fn2)</sup>,
// [<sup>1</sup>](#fn1)), and the renderer shows a Markdown footnote's,
// where notes has a marker of its label after the word before it
// (noteMarkers.at; cut: f is a passage, which may begin inside that word).
// A passage read without them is found: "in 2019 and" was refused in "in
// 2019[1] and", its digits "20191". "[3] Smith", set apart, "a[4]b", in a
// word, and a label the piece writes as text, no marker in notes ("f[x]"
// of "Let f[x] and g[y] be maps"), are the text's.
func markerRuns(f folded, notes noteMarkers, cut bool) [][2]int {
	if len(notes) == 0 {
		return nil
	}
	text := f.text
	var runs [][2]int
	lowerBound := func(b int) int {
		k, _ := slices.BinarySearchFunc(f.at, int32(b), func(at, b int32) int { return cmp.Compare(at, b) })
		return k
	}
	last, lastBefore := -1, 0 // the "]" of the last marker, and the letters and digits before it
	for i := 1; i < len(text); i++ {
		if text[i] != '[' {
			continue
		}
		// the label: up to the next "]", with no "[" in it (a "[" first
		// is read next: linear, however long a run without "]" is)
		end := strings.IndexAny(text[i+1:], "[]")
		if end < 0 {
			break
		}
		j := i + 1 + end
		if text[j] == '[' {
			i = j - 1
			continue
		}
		if !archive.IsNoteLabel(text[i+1 : j]) {
			i = j
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsSpace(r) {
			continue // set apart: a numbered item, "[1] Smith", or a range
		}
		if r, _ := utf8.DecodeRuneInString(text[j+1:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		from, to := lowerBound(i+1), lowerBound(j)
		before := from
		if last == i-1 {
			before = lastBefore // "[5]" of "said.[4][5]" after "said."
		}
		if !notes.at(text[i+1:j], f.s[:before], cut) {
			i = j
			continue // the piece's text, no marker
		}
		last, lastBefore = j, before
		if to > from {
			runs = append(runs, [2]int{from, to})
		}
		i = j
	}
	return runs
}

// noteMarkers are the footnotes' markers a rendering shows (Marker), by
// label: the ends of the words before them, their last letters and digits
// folded, up to beforeBytes bytes ("" for a marker at any place).
type noteMarkers map[string]map[string]bool

// beforeBytes is how many bytes of the letters and digits before a marker
// tell its place (noteMarkers): a word's end, enough to tell "2019[1]" from
// "f[1]", short enough that a word the rendering shows otherwise than its
// source writes it (a character reference) is told by its end.
const beforeBytes = 8

// newNoteMarkers are the markers of ms by label and place.
func newNoteMarkers(ms []Marker) noteMarkers {
	if len(ms) == 0 {
		return nil
	}
	notes := noteMarkers{}
	for _, m := range ms {
		b := foldString(m.Before)
		k := len(b) - min(len(b), beforeBytes)
		for k < len(b) && !utf8.RuneStart(b[k]) {
			k++
		}
		places := notes[m.Label]
		if places == nil {
			places = map[string]bool{}
			notes[m.Label] = places
		}
		places[b[k:]] = true
	}
	return notes
}

// at reports whether a label in brackets after before, the letters and
// digits before it folded, is a marker notes has: one of that label after
// a word ending as before does, or at any place. Of a passage (cut), whose
// start may be inside the word before the marker, before may be that
// word's end alone ("9[1] and" of "2019[1] and").
func (notes noteMarkers) at(label, before string, cut bool) bool {
	places := notes[label]
	if places == nil {
		return false
	}
	if places[""] {
		return true
	}
	for k := 1; k <= min(len(before), beforeBytes); k++ {
		if places[before[len(before)-k:]] {
			return true
		}
	}
	if cut && len(before) < beforeBytes {
		for p := range places {
			if strings.HasSuffix(p, before) {
				return true
			}
		}
	}
	return false
}

// mergeRuns are two lists of runs in order as one in order, a run
// overlapping one before it left out.
func mergeRuns(a, b [][2]int) [][2]int {
	if len(b) == 0 {
		return a
	}
	out := make([][2]int, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		var r [2]int
		if len(b) == 0 || len(a) > 0 && a[0][0] <= b[0][0] {
			r, a = a[0], a[1:]
		} else {
			r, b = b[0], b[1:]
		}
		if n := len(out); n > 0 && r[0] < out[n-1][1] {
			continue
		}
		out = append(out, r)
	}
	return out
}

// candidatesIn are the offsets in s where p occurs, in order, at most
// maxCandidates of them (the first): read through s until more than
// indexAfter passages were looked for in it (located counts them), then
// from its index.
func candidatesIn(s, p string, located *int, index **suffixarray.Index) []int {
	*located++
	if *index == nil && *located > indexAfter {
		*index = suffixarray.New([]byte(s))
	}
	if *index != nil {
		// All of them, unless there are more than maxCandidates: then the
		// first are found by reading.
		if at := (*index).Lookup([]byte(p), maxCandidates+1); len(at) <= maxCandidates {
			slices.Sort(at)
			return slices.DeleteFunc(at, func(at int) bool { return !endsLetter(s, at+len(p)) })
		}
	}
	return occurrencesIn(s, p, maxCandidates)
}

// endsLetter reports whether byte i of a reduction s (fold) ends a letter:
// no combining mark of the letter before it follows ("क" is not found in
// "कि", whose vowel sign fold keeps: the letter is "कि").
func endsLetter(s string, i int) bool {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsMark(r)
}

// candidates are the offsets in f.s where p occurs (candidatesIn).
func (t *Text) candidates(p string) []int { return candidatesIn(t.f.s, p, &t.located, &t.index) }

// runesBefore is how many letters and digits of the text come before byte
// at of f.s (at the start of one).
func (t *Text) runesBefore(at int) int {
	if t.runes == nil {
		t.runes = []int32{} // ASCII: a byte a letter, no table
		if strings.ContainsFunc(t.f.s, func(r rune) bool { return r >= utf8.RuneSelf }) {
			t.runes = make([]int32, len(t.f.s)+1)
			n := int32(0)
			for i := range len(t.f.s) {
				t.runes[i] = n
				if c := t.f.s[i]; c < utf8.RuneSelf || utf8.RuneStart(c) && !isMarkAt(t.f.s, i) {
					n++
				}
			}
			t.runes[len(t.f.s)] = n
		}
	}
	if len(t.runes) == 0 {
		return at
	}
	return int(t.runes[at])
}

// Locate is Selector.Locate in the prepared text. A passage not found as
// the text shows it is looked for as a reader reads it, in each of its
// readings in turn (NewTextAsRead: without its links' URLs, its
// footnotes' markers, or both; a quote taken so by Find); its context and
// position are still the text's as shown.
func (t *Text) Locate(sel Selector) (start, end int, ok bool) {
	f, p := t.f, foldString(sel.Exact)
	text := f.text
	if p == "" {
		return 0, 0, false
	}
	prefix, suffix := foldString(sel.Prefix), foldString(sel.Suffix)
	best, bestScore, bestDist := -1, -1, 0
	var bestFrom, bestTo int
	// weigh scores an occurrence of the passage in f.s[from:to].
	weigh := func(from, to int) {
		before, after := sharedSuffixLen(prefix, f.s[:from]), sharedPrefixLen(suffix, f.s[to:])
		score, dist := before+after, absInt(t.runesBefore(from)-sel.Position)
		if sel.Repeated && !agrees(prefix, before, from == 0) && !agrees(suffix, after, to == len(f.s)) {
			score = -1 // not the occurrence quoted
		}
		if score > bestScore || score == bestScore && dist < bestDist {
			best, bestScore, bestDist, bestFrom, bestTo = from, score, dist, from, to
		}
	}
	for _, at := range t.candidates(p) {
		weigh(at, at+len(p))
	}
	if best >= 0 && bestScore >= 0 {
		start, end = widen(text, sel.Exact, f.start(bestFrom), f.end(bestTo-1))
		return start, end, true
	}
	var own passageMarkers // made at the first reading leaving markers out
	for k := range readings {
		r := t.read(k)
		if r == nil {
			continue
		}
		q, kept := p, []keptMarker(nil)
		if k != withoutURLs {
			if own.bare == nil {
				own = ownMarkers(strings.TrimSpace(sel.Exact), t.notes)
			}
			q, kept = *own.bare, own.kept
		}
		if q == "" {
			continue
		}
		best, bestScore = -1, -1
		at := candidatesIn(r.f.s, q, &r.located, &r.index)
		if n := weighable(len(q)); len(kept) > 0 && len(at) > n {
			// each read through for its markers (maxWeighed): those
			// nearest the position
			k, _ := slices.BinarySearchFunc(at, sel.Position, func(at, pos int) int { return cmp.Compare(t.runesBefore(int(r.full[at])), pos) })
			lo := max(0, min(k-n/2, len(at)-n))
			at = at[lo : lo+n]
		}
		for _, at := range at {
			if from, to, ok := r.keeps(f.s, at, len(q), kept, &t.work); ok {
				weigh(from, to)
			}
		}
		if best >= 0 && bestScore >= 0 {
			start, end = widen(text, sel.Exact, f.start(bestFrom), f.end(bestTo-1))
			return start, end, true
		}
	}
	return 0, 0, false
}

// agreeChars is how many letters and digits next to an occurrence of a
// repeated passage must be those of its recorded context, on one side, for
// it to be the occurrence quoted: a few words, so an edit on one side of
// the passage keeps it found by the other.
const agreeChars = 12

// agrees reports whether one side of an occurrence agrees with the context
// recorded there: shared letters and digits (n) of the context, or all of
// it when it is shorter; an empty context agrees where the occurrence is at
// that end of the text (edge).
func agrees(context string, n int, edge bool) bool {
	if context == "" {
		return edge
	}
	return n >= min(len(context), agreeChars)
}

// widen extends text[start:end], which runs from the first to the last
// letter or digit of passage, over the punctuation passage begins or ends
// with ("“", ".", ".[" of ".[5] Then", "]." of "said[6]."), where text has
// it too: back from start over the passage's punctuation before its first
// letter or digit, the nearest first, and on from end over that after its
// last (a read of the code, 45e: each was compared with the text from its
// far end, so "said[6]." stopped before "]." and ".[5] Then" began inside
// the marker), and over the combining marks after its last letter or
// digit and after the punctuation it ends with.
func widen(text, passage string, start, end int) (int, int) {
	p := strings.TrimSpace(passage)
	first, last := strings.IndexFunc(p, folds), strings.LastIndexFunc(p, folds)
	if first < 0 {
		return start, end
	}
	_, n := utf8.DecodeRuneInString(p[last:])
	lead, trail := p[:first], p[last+n:]
	for lead != "" && start > 0 {
		r, n := utf8.DecodeLastRuneInString(lead)
		q, m := utf8.DecodeLastRuneInString(text[:start])
		if r != q {
			break
		}
		lead, start = lead[:len(lead)-n], start-m
	}
	// the combining marks after its last letter or digit are that
	// character's, in the passage or the text ("café" of "cafe\u0301"
	// ended before the accent: a read of the code, 46c)
	end = pastMarks(text, end)
	trail = trail[pastMarks(trail, 0):]
	for trail != "" && end < len(text) {
		r, n := utf8.DecodeRuneInString(trail)
		q, m := utf8.DecodeRuneInString(text[end:])
		if r != q {
			break
		}
		trail, end = trail[n:], end+m
	}
	return start, pastMarks(text, end)
}

// pastMarks is the byte after the combining marks at byte i of s (i when
// none).
func pastMarks(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsMark(r) {
			break
		}
		i += n
	}
	return i
}

// folds reports whether r has a letter or digit that matching compares.
func folds(r rune) bool { return foldString(string(r)) != "" }

// sharedPrefixLen is how many bytes a and b share at their start.
func sharedPrefixLen(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// sharedSuffixLen is how many bytes a and b share at their end.
func sharedSuffixLen(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// runesBack is the byte offset n letters and digits before i in s, a
// reduction (or 0): its characters, the marks kept with a letter
// (fold) counted with it.
func runesBack(s string, i, n int) int {
	for n > 0 && i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if !unicode.IsMark(r) {
			n--
		}
	}
	return i
}

// runesForward is the byte offset n letters and digits after i in s, a
// reduction (or len(s)), the marks after the last with it.
func runesForward(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		for i < len(s) && s[i] >= utf8.RuneSelf && isMarkAt(s, i) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return i
}

// isSpace reports whether s ends in white space.
func isSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// quoteLine collapses runs of white space into one space.
func quoteLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
