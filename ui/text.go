package ui

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// fitScreen cuts s to w cells and h lines, as
// lipgloss.NewStyle().MaxWidth(w).MaxHeight(h).Render(s) does, byte for byte
// (TestFitScreenAsLipgloss, FuzzFitScreen): tabs become four spaces, CRLF
// a newline, the lines shorter than the widest are padded with spaces up to
// it. lipgloss measures each line three times and truncates every one; when
// no line is wider than w (the panes fit their own lines) this measures each
// once and has nothing to cut. Anything else (a line to cut, text that is
// not UTF-8) goes to lipgloss itself. The whole View of a 120×40 list of a
// typed query at 100k pieces (2026-12-03, 300 views, two runs each): 1.8–2.2
// → 1.3 ms; 1.0–1.3 ms in three runs since the guard's second safety pass
// (guardScreen).
func fitScreen(s string, w, h int) string {
	slow := func() string { return lipgloss.NewStyle().MaxWidth(w).MaxHeight(h).Render(s) }
	if !utf8.ValidString(s) {
		return slow() // ansi's StringWidth and Truncate count a stray byte differently
	}
	t := strings.ReplaceAll(s, "\t", "    ")
	t = strings.ReplaceAll(t, "\r\n", "\n")
	lines := strings.Split(t, "\n")
	widths := make([]int, len(lines))
	widest := 0
	for i, l := range lines {
		widths[i] = ansi.StringWidth(l)
		widest = max(widest, widths[i])
	}
	if w > 0 && widest > w {
		return slow() // a line to cut: rare, the panes fit their own lines
	}
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	b.Grow(len(t) + len(lines)*8)
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		if widths[i] < widest {
			b.WriteString(strings.Repeat(" ", widest-widths[i]))
		}
	}
	return b.String()
}

// truncateCells cuts a (possibly styled) string to w terminal cells, with an
// ellipsis when something was cut. w <= 0 gives "".
func truncateCells(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// truncateURL is the URL u cut to w cells where it never hides its host:
// the path, query and fragment are cut first, and a host too long for w
// keeps its end, which names the site ("…ple.net/…": a URL cut from the
// right at 60 showed a long first label and none of the host it opens).
// Anything without a host is cut as text is.
func truncateURL(u string, w int) string {
	if w <= 0 || ansi.StringWidth(u) <= w {
		return truncateCells(u, w)
	}
	pu, err := url.Parse(u)
	i := strings.Index(u, "://")
	if err != nil || pu.Host == "" || i < 0 {
		return truncateCells(u, w)
	}
	start := i + 3
	end := start + strings.IndexAny(u[start:]+"/", "/?#")
	head, rest := u[:end], u[end:]
	if hw := ansi.StringWidth(head); hw < w {
		return head + ansi.Truncate(rest, w-hw, "…")
	}
	host := u[start:end]
	if w < 2 {
		return "…"
	}
	// the host's last w-1 cells (one for the "…", none for the path)
	cut := host
	for ansi.StringWidth(cut) > w-1 {
		_, n := utf8.DecodeRuneInString(cut)
		cut = cut[n:]
	}
	return "…" + cut
}

// fitCells truncates s to w cells and pads it with spaces to exactly w.
func fitCells(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = truncateCells(s, w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// fillLines is exactly h lines: s cut to h, or blank lines added below
// it, so that what comes after s stays at the bottom (a helper's report:
// the chart's short answers left the footer half way up the screen).
func fillLines(s string, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// oneLine makes text from the archive safe for one line of the screen:
// sanitised, newlines and tabs folded into single spaces. (It also drops
// the index's match marks: use renderMarked for marked text.)
func oneLine(s string) string { return archive.SanitizeLine(s) }

// renderMarked styles text in which the index marked the matched words with
// index.MarkStart/MarkEnd: base for the text, match for the marked words.
// Unbalanced or stray marks are dropped, never printed.
//
// Each piece of text is passed through archive.SanitizeLine on the way: hits
// come from the index, which stores sanitised text, but a row of the list is
// the last place where a stray control character could still be stopped.
func renderMarked(s string, base, match lipgloss.Style) string {
	if !strings.Contains(s, index.MarkStart) && !strings.Contains(s, index.MarkEnd) {
		return base.Render(archive.SanitizeLine(s))
	}
	var b strings.Builder
	inMatch := false
	for s != "" {
		next := strings.IndexAny(s, index.MarkStart+index.MarkEnd)
		if next < 0 {
			next = len(s)
		}
		if seg := sanitizeKeepSpaces(s[:next]); seg != "" {
			if inMatch {
				b.WriteString(match.Render(seg))
			} else {
				b.WriteString(base.Render(seg))
			}
		}
		if next == len(s) {
			break
		}
		inMatch = strings.HasPrefix(s[next:], index.MarkStart)
		s = s[next+len(index.MarkStart):] // both marks are 3 bytes in UTF-8
	}
	return b.String()
}

// sanitizeKeepSpaces is archive.SanitizeLine without trimming the spaces at
// the ends, which separate a marked word from its neighbours.
func sanitizeKeepSpaces(s string) string {
	clean := archive.SanitizeLine(s)
	if clean == "" {
		if strings.TrimSpace(s) == "" && s != "" {
			return " "
		}
		return ""
	}
	if strings.HasPrefix(s, " ") {
		clean = " " + clean
	}
	if strings.HasSuffix(s, " ") {
		clean += " "
	}
	return clean
}

// stripMarks removes the index's match marks.
func stripMarks(s string) string {
	return strings.NewReplacer(index.MarkStart, "", index.MarkEnd, "").Replace(s)
}

// trimRightCells drops trailing blanks from a styled line. Glamour pads
// every line to the wrap width with styled spaces; without them a piece is
// several times smaller and matches are found at the right columns.
func trimRightCells(line string) string {
	plain := ansi.Strip(line)
	trimmed := strings.TrimRight(plain, " ")
	if len(trimmed) == len(plain) && (plain != "" || line == "") {
		return line
	}
	if trimmed == "" {
		return "" // styling with nothing to show
	}
	return dropTrailingStyles(ansi.Truncate(line, ansi.StringWidth(trimmed), ""))
}

// dropTrailingStyles drops the colour codes after the last character of a
// line, ending it with one reset where it had any; other sequences there
// (a hyperlink's end) are kept. ansi.Truncate keeps every sequence past
// the cut: Glamour styles each padding cell on its own, and a line padded
// to 10,000 columns kept 10,000 empty colour pairs (a helper's report:
// folio show --width 10000 wrote 280 MB for a 30 KB piece).
func dropTrailingStyles(line string) string {
	var state byte
	end := 0 // after the last sequence that is not an escape
	for i := 0; i < len(line); {
		seq, _, n, next := ansi.DecodeSequence(line[i:], state, nil)
		if n <= 0 {
			break
		}
		if seq != "" && seq[0] != ansi.ESC {
			end = i + n
		}
		state = next
		i += n
	}
	tail := line[end:]
	if tail == "" {
		return line
	}
	state = 0 // a character was just drawn
	var kept strings.Builder
	styled := false
	for i := 0; i < len(tail); {
		seq, _, n, next := ansi.DecodeSequence(tail[i:], state, nil)
		if n <= 0 {
			kept.WriteString(tail[i:])
			break
		}
		if strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
			styled = true
		} else {
			kept.WriteString(seq)
		}
		state = next
		i += n
	}
	if styled {
		return line[:end] + ansi.ResetStyle + kept.String()
	}
	return line[:end] + kept.String()
}

// cellRange is a run of cells [start, end) on one line to restyle.
type cellRange struct {
	start, end int
	style      lipgloss.Style
}

// applyRanges restyles the given cell ranges of a styled line. Ranges may
// come unsorted and overlapping; earlier ones win where they overlap, so
// callers list the most important highlight first.
func applyRanges(line string, ranges []cellRange) string {
	if len(ranges) == 0 {
		return line
	}
	kept := make([]cellRange, 0, len(ranges))
	for _, r := range ranges {
		if r.end <= r.start {
			continue
		}
		overlaps := false
		for _, k := range kept {
			if r.start < k.end && k.start < r.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, r)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	lr := make([]lipgloss.Range, len(kept))
	for i, r := range kept {
		lr[i] = lipgloss.NewRange(r.start, r.end, r.style)
	}
	return lipgloss.StyleRanges(line, lr...)
}

// matchRanges finds re in the plain text of a line and returns cell ranges.
func matchRanges(plain string, re *regexp.Regexp, style lipgloss.Style) []cellRange {
	if re == nil || plain == "" {
		return nil
	}
	locs := findLocs(plain, re)
	if len(locs) == 0 {
		return nil
	}
	out := make([]cellRange, 0, len(locs))
	for _, l := range locs {
		start := ansi.StringWidth(plain[:l[0]])
		end := start + ansi.StringWidth(plain[l[0]:l[1]])
		out = append(out, cellRange{start: start, end: end, style: style})
	}
	return out
}

// phraseGap is what may lie between two words of a phrase in the rendered
// text: what the tokenizer breaks words at (spaces, punctuation), and at
// most one line's end, with the next line's margin (a paragraph or a
// quote wrapped: "│ " goes on), but not a blank line, a table cell's bar
// (│: a | in prose is punctuation, as it is to the index outside a table)
// or a list item's bullet: the index leaves a place between two blocks
// (index's blocks.next), so no phrase it found runs across them, and none
// is marked so; oneBlock then keeps a match over a line's end to two lines
// of one paragraph or one quote.
const phraseGap = `(?:[^\pL\pN\n│]+(?:\n[^\pL\pN\n•]*)?|\n[^\pL\pN\n•]*)`

// termsRegexp matches the query's words in running text, case-insensitively,
// as whole words give or take a plural or verb ending: the index stems, so
// "fighter" also found "fighters". A quoted phrase matches its words in a
// run inside one block (phraseGap between them), each word give or take
// an ending.
//
// "Whole words" is Unicode's: a word ends where a letter or digit of any
// script is not next to it (RE2's \b knows only ASCII letters, so café,
// États or Москва were never marked). The regexp takes that letter-less
// rune on each side into the match; termMatches finds the words within.
// Han, Hiragana and Katakana are written without spaces, and the index
// finds their words inside a run (中国的反恐怖主义 holds 恐怖): a term that
// begins or ends with one of them needs no break on that side.
func termsRegexp(terms []string) *regexp.Regexp {
	const ending = `(?:s|es|ed|ing|'s|’s)?`
	// not a combining mark either: cafe\u0301 is one word
	const brk = `(?:^|$|[^\pL\pN\p{Mn}])`
	var alts []string
	seen := map[string]bool{}
	for _, t := range terms {
		t = strings.ToLower(strings.TrimSpace(t))
		if len([]rune(t)) < 2 || seen[t] {
			continue
		}
		seen[t] = true
		var words []string
		fields := strings.Fields(t)
		for _, w := range fields {
			if len(fields) == 1 {
				words = append(words, hyphenable(w)+ending)
				continue
			}
			words = append(words, foldedWord(w, "")+ending)
		}
		first, _ := utf8.DecodeRuneInString(t)
		last, _ := utf8.DecodeLastRuneInString(t)
		alt := strings.Join(words, phraseGap)
		if !spaceless(first) {
			alt = brk + alt
		}
		if !spaceless(last) {
			alt += brk
		}
		alts = append(alts, alt)
	}
	if len(alts) == 0 {
		return nil
	}
	// Longer words first, so "foreign fighters" wins over "foreign".
	sort.Slice(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	re, err := regexp.Compile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
	if err != nil {
		return nil
	}
	return re
}

// hyphenable is the word w as a regexp that matches it closed or with a
// hyphen (-, U+2010, U+2011) between any two of its letters: the index
// finds a compound in either spelling (index/compounds.go), so
// counterterrorism marks counter-terrorism and counter-terrorism marks
// counterterrorism. Only for a word of letters and digits, with a letter,
// and of a script written with spaces.
func hyphenable(w string) string {
	rs := []rune(strings.Map(func(r rune) rune {
		if r == '-' || r == '\u2010' || r == '\u2011' {
			return -1
		}
		return r
	}, w))
	letter := false
	for _, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || spaceless(r) {
			return regexp.QuoteMeta(w)
		}
		letter = letter || unicode.IsLetter(r)
	}
	if len(rs) < 2 || len(rs) > 64 || !letter {
		return foldedWord(w, "")
	}
	return foldedWord(string(rs), `[-\x{2010}\x{2011}]?`)
}

// foldedWord is the word w as a regexp that matches each spelling the
// index folds to w's (index.FoldWord): cafe and café match café, cafe,
// cafè and cafe with a combining accent (\p{Mn} after a letter), aesthetic
// æsthetic; joint between any two letters (hyphenable's hyphen).
func foldedWord(w, joint string) string {
	f := index.FoldWord(w)
	if f == "" || !utf8.ValidString(f) {
		return regexp.QuoteMeta(w)
	}
	folds := foldTable()
	var b strings.Builder
	var pattern func(f string, lead bool, sites int)
	pattern = func(f string, lead bool, sites int) {
		for i := 0; i < len(f); {
			if i > 0 || lead {
				b.WriteString(joint)
			}
			// a ligature for the letters here (æ for ae, ß for ss), an
			// alternative: at most four in a word, so the pattern stays small
			for n := 3; n >= 2 && sites < 4; n-- {
				if i+n > len(f) {
					continue
				}
				if lig := folds.multi[f[i:i+n]]; len(lig) > 0 {
					b.WriteString(`(?:`)
					b.WriteString(runeClass(lig))
					b.WriteString(`\p{Mn}*`)
					pattern(f[i+n:], true, sites+1)
					b.WriteString(`|`)
					letterClass(&b, f[i], folds.single[f[i]])
					pattern(f[i+1:], true, sites+1)
					b.WriteString(`)`)
					return
				}
			}
			r, size := utf8.DecodeRuneInString(f[i:])
			if r < utf8.RuneSelf {
				letterClass(&b, f[i], folds.single[f[i]])
			} else if vs := folds.other[r]; len(vs) > 0 {
				b.WriteString(runeClass(append([]rune{r}, vs...)))
				b.WriteString(`\p{Mn}*`)
			} else {
				b.WriteString(regexp.QuoteMeta(f[i : i+size]))
				b.WriteString(`\p{Mn}*`)
			}
			i += size
		}
	}
	pattern(f, false, 0)
	return b.String()
}

// letterClass writes the ASCII character c and the characters that fold
// to it, as a regexp, each with the combining marks after it.
func letterClass(b *strings.Builder, c byte, variants []rune) {
	if len(variants) == 0 {
		b.WriteString(regexp.QuoteMeta(string(c)))
		return
	}
	b.WriteString(runeClass(append([]rune{rune(c)}, variants...)))
	b.WriteString(`\p{Mn}*`)
}

// runeClass is a character class of rs.
func runeClass(rs []rune) string {
	var b strings.Builder
	b.WriteByte('[')
	for _, r := range rs {
		fmt.Fprintf(&b, `\x{%x}`, r)
	}
	b.WriteByte(']')
	return b.String()
}

// folds are the characters the index folds to ASCII (index.FoldWord):
// by the letter or digit each folds to, and the ligatures by the letters;
// and those it folds to another letter than their lower case (Greek's
// έ and Έ to ε, ς to σ), by that letter.
type folds struct {
	single map[byte][]rune
	multi  map[string][]rune
	other  map[rune][]rune
}

// foldTable reads the folds once, from the blocks where the index's
// folding maps letters (Latin's, IPA, letter-like symbols, enclosed and
// fullwidth forms, ligatures): some 13,000 characters, a few ms.
var foldTable = sync.OnceValue(func() folds {
	t := folds{single: map[byte][]rune{}, multi: map[string][]rune{}, other: map[rune][]rune{}}
	for _, blk := range [][2]rune{{0x80, 0x2fff}, {0xa700, 0xa7ff}, {0xab30, 0xab6f}, {0xfb00, 0xfb4f}, {0xff00, 0xffef}} {
		for r := blk[0]; r <= blk[1]; r++ {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsNumber(r) && !unicode.IsSymbol(r) {
				continue
			}
			f := index.FoldWord(string(r))
			if f == string(unicode.ToLower(r)) || f == string(r) {
				continue
			}
			switch { // a fold to ASCII alone: one letter or digit, or two or three letters
			case len(f) == 1 && isAlnum(f[0]):
				t.single[f[0]] = append(t.single[f[0]], r)
			case len(f) <= 3 && strings.IndexFunc(f, func(c rune) bool { return c < 'a' || c > 'z' }) < 0:
				t.multi[f] = append(t.multi[f], r)
			case utf8.RuneCountInString(f) == 1 && f[0] >= utf8.RuneSelf:
				fr, _ := utf8.DecodeRuneInString(f)
				t.other[fr] = append(t.other[fr], r)
			}
		}
	}
	return t
})

func isAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// spaceless reports whether r is of a script written without spaces
// between words, whose words the index finds inside a run of letters.
func spaceless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// termMatches is where re (termsRegexp's) matches in text: the byte ranges
// of the words, without the break taken on either side. A break after one
// match is the break before the next ("war war").
func termMatches(re *regexp.Regexp, text string) [][2]int {
	return termMatchesIn(re, text, nil)
}

// termMatchesIn is termMatches keeping the matches over a line's end that
// ok accepts (nil: all); for one it rejects, the matches inside its first
// line are kept (a word of the query that began the rejected phrase), and
// the search goes on from that line's end.
func termMatchesIn(re *regexp.Regexp, text string, ok func(s, e int) bool) [][2]int {
	var out [][2]int
	for pos := 0; pos <= len(text); {
		loc := re.FindStringIndex(text[pos:])
		if loc == nil {
			break
		}
		s, e := pos+loc[0], pos+loc[1]
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if wordRune(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if wordRune(r) || unicode.Is(unicode.Mn, r) && marksLetter(text[s:e]) {
				break // a letter, or its combining accent (cafe\u0301)
			}
			e -= n
		}
		if nl := strings.IndexByte(text[s:e], '\n'); s < e && nl >= 0 && ok != nil && !ok(s, e) {
			for _, m := range termMatches(re, text[s:s+nl]) {
				out = append(out, [2]int{s + m[0], s + m[1]})
			}
			pos = s + nl
			continue
		}
		if s < e {
			out = append(out, [2]int{s, e})
		}
		next := e
		if next <= pos { // nothing of a word in it: go past the whole match
			next = pos + max(loc[1], 1)
		}
		pos = next
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// marksLetter reports whether s ends with a letter or digit and the
// combining marks on it.
func marksLetter(s string) bool {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.Mn, r) {
			return wordRune(r)
		}
		s = s[:len(s)-n]
	}
	return false
}

// termCells are the query's matches on the lines drawn, found in those
// lines and termContext lines either side (lineMatches): a phrase may run
// on from lines above or to lines below. Only the lines drawn and around
// them are matched, each time they are drawn: a piece of megabytes is not
// matched whole at every rendering.
type termCells struct {
	from  int // the line cells[0] is of
	cells [][]cellRange
}

// termContext is how many lines either side of those drawn a phrase may
// run over: a phrase of 65 words (the longest searched as one) in a
// column of 30 cells.
const termContext = 16

func newTermCells(plain []string, from, to int, re *regexp.Regexp) termCells {
	if re == nil || from >= to {
		return termCells{}
	}
	lo, hi := max(0, from-termContext), min(len(plain), to+termContext)
	return termCells{from: lo, cells: lineMatches(plain[lo:hi], re)}
}

// at is line i's cell ranges.
func (t termCells) at(i int) []cellRange {
	if i < t.from || i-t.from >= len(t.cells) {
		return nil
	}
	return t.cells[i-t.from]
}

// lineMatches finds re in the lines as one text, joined by line ends (a
// phrase may run on from one line to the next), and gives each line the
// cell ranges of the matches on it: a match over a line's end is marked
// up to its last letter on that line and from its first on the next.
func lineMatches(plain []string, re *regexp.Regexp) [][]cellRange {
	if re == nil || len(plain) == 0 {
		return nil
	}
	starts := make([]int, len(plain)) // each line's first byte in the text
	var b strings.Builder
	for i, p := range plain {
		starts[i] = b.Len()
		b.WriteString(p)
		b.WriteByte('\n')
	}
	text := b.String()
	out := make([][]cellRange, len(plain))
	lineOf := func(i int) int { return sort.SearchInts(starts, i+1) - 1 }
	line := 0
	for _, l := range termMatchesIn(re, text, func(s, e int) bool { return oneBlock(plain, lineOf(s), e, starts) }) {
		for line+1 < len(plain) && starts[line+1] <= l[0] {
			line++
		}
		for k := line; k < len(plain) && starts[k] < l[1]; k++ {
			s := max(l[0], starts[k]) - starts[k]
			e := min(l[1], starts[k]+len(plain[k])) - starts[k]
			if s >= e {
				continue
			}
			// the line's part of it, without the spaces and margin at
			// its edges (a match starts and ends with a letter or digit)
			part := plain[k][s:e]
			s += len(part) - len(strings.TrimLeftFunc(part, func(r rune) bool { return !wordRune(r) }))
			e -= len(part) - len(strings.TrimRightFunc(part, func(r rune) bool { return !wordRune(r) }))
			if s >= e {
				continue
			}
			start := ansi.StringWidth(plain[k][:s])
			out[k] = append(out[k], cellRange{start: start, end: start + ansi.StringWidth(plain[k][s:e])})
		}
	}
	return out
}

// oneBlock reports whether a match from line first to the byte end of
// the joined text stays in one block as Glamour draws it: over a line's
// end only between two lines of a paragraph, or two of a quote (each
// begins with its bar), never from a table's row to the next (a bar
// inside the line) or from a list item into a quote under it.
func oneBlock(plain []string, first, end int, starts []int) bool {
	for k := first; k+1 < len(plain) && starts[k+1] < end; k++ {
		a, aInner := bars(plain[k])
		b, bInner := bars(plain[k+1])
		if a != b || aInner || bInner {
			return false
		}
	}
	return true
}

// bars reports whether line begins with a quote's bar (after its margin)
// and whether it has a table's bar (│) further on.
func bars(line string) (lead, inner bool) {
	t := strings.TrimLeft(line, " ")
	lead = strings.HasPrefix(t, "│")
	if lead {
		t = t[len("│"):]
	}
	return lead, strings.ContainsRune(t, '│')
}

// findRegexp matches a find-in-piece query literally, case-insensitively.
func findRegexp(q string) *regexp.Regexp {
	if strings.TrimSpace(q) == "" {
		return nil
	}
	return regexp.MustCompile(`(?i)` + regexp.QuoteMeta(q))
}

// termsFromText is the fallback when the index returned no Terms: the plain
// words of the query, without operators, field prefixes and exclusions.
func termsFromText(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, "-") || strings.Contains(w, ":") || strings.EqualFold(w, "OR") {
			continue
		}
		w = strings.Trim(w, `"*~()`)
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}
