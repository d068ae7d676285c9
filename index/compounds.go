package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// A compound is written three ways: counterterrorism, counter-terrorism,
// counter terrorism. The words of a hyphenated one are words of their own
// (the tokenizer splits at the hyphen), so the phrase of its parts finds
// the hyphenated and the spaced spellings; the closed spelling is another
// word. So that a query of either spelling finds both, the index holds,
// for each run of words joined by hyphens in the text, the closed word
// too: counter-terrorism is indexed as counter, terrorism and, at
// terrorism's place, counterterrorism, analysed as any word (folded, lower
// case, stemmed: counterterror). A closed word typed then finds the
// pieces that hyphenate it, from the index, without splitting it at query
// time (no dictionary could tell "therapist" from "the rapist"); a
// hyphenated word typed is searched as the phrase of its parts or the
// closed word (queryPlan.clause).
//
// What joins two words (hyphenJoint): a hyphen-minus, U+2010 (hyphen) or
// U+2011 (non-breaking hyphen) alone between them, or a hyphen-minus at
// a line's end followed by the next line's indentation (counter-⏎terrorism,
// a word hyphenated where a line was wrapped); each written as itself or
// as a character reference (&#45;, &hyphen;, &#8209;: charref.go). Not a dash (U+2013, U+2014,
// "--", a hyphen with a space on either side), not a slash.
//
// Which runs (compoundsOf): each run of two to maxCompoundParts words so
// joined, stop words or not (well-being, follow-up, to-day, lock-down:
// wellbeing, followup, today, lockdown), and each run of two or more of
// its words in a row that neither begins nor ends with a stop word
// (counter-terrorism-related: the whole, counterterrorism,
// terrorismrelated; state-of-the-art: stateoftheart, no theart) or is
// of stop words alone (to-be-forgotten: tobe, which the query to-be
// searches, its words in a row being too common; state-of-the-art: ofthe),
// with a letter in one of its words: 9-11, 2014-15 and dates
// (2017-09-15) are ranges and numbers, not words (covid-19 is covid19).
// A longer run (a slug, a-b-c-d-e) is joined nowhere: it is not a word.
// Two words whose places are not next to each other (a block between
// them: blocks.next) are never joined.
//
// The compound adds no length to the piece (textField), so that relevance
// is not skewed by it, and the phrases, pairs and prefixes of the text
// are those of its words as written (pairsOf is given the words alone).
const maxCompoundParts = 4

// hyphenJoint reports whether text[end:start], between a word ending at
// end and the next starting at start, joins them into one compound.
func hyphenJoint(text []byte, end, start int) bool {
	if end < 0 || start <= end || start > len(text) {
		return false
	}
	gap := text[end:start]
	switch len(gap) {
	case 1:
		return gap[0] == '-'
	case 3:
		if s := string(gap); s == "\u2010" || s == "\u2011" {
			return true
		}
	}
	n := 1 // the hyphen's length
	if gap[0] == '&' {
		// a reference to one (counter&#45;terrorism, anti&hyphen;missile,
		// cross&#8209;border), read as the hyphen it stands for
		r, _, k := charRef(gap, 0)
		switch {
		case k == len(gap):
			return r == '-' || r == '\u2010' || r == '\u2011'
		case k == 0 || r != '-':
			return false
		}
		n = k
	} else if gap[0] != '-' {
		return false
	}
	rest := gap[n:]
	if len(rest) > 0 && rest[0] == '\r' {
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0] != '\n' {
		return false
	}
	for _, c := range rest[1:] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// compoundsOf are the compound tokens of the tokenizer's tokens ts of
// text, before the filter, in the order of their places: each one's term
// is its words' bytes, as written, one after another, its place the last
// word's (so that it stands next to the word after it, as a modifier
// does: "counterterrorism budget" side by side ranks the pieces that say
// counter-terrorism budget as those that say counterterrorism budget),
// its span from the first's start to the last's end. Nil when there are
// none.
func compoundsOf(text []byte, ts analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for i := 0; i < len(ts); {
		j := i + 1 // ts[i:j] is a run
		for j < len(ts) && joined(text, ts[j-1], ts[j]) {
			j++
		}
		if n := j - i; n >= 2 && n <= maxCompoundParts {
			out = appendCompounds(out, ts[i:j])
		}
		i = j
	}
	return out
}

// partStarts are the starts, in order, of the compounds cs (compoundsOf's
// of the tokens ts) that begin after their run's first word: a part of a
// longer run (the theabove of all-of-the-above; capsPartMark).
func partStarts(text []byte, ts, cs analysis.TokenStream) []int {
	var out []int
	for _, c := range cs {
		k, ok := slices.BinarySearchFunc(ts, c.Start, func(t *analysis.Token, start int) int { return t.Start - start })
		if ok && k > 0 && joined(text, ts[k-1], ts[k]) {
			out = append(out, c.Start)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// joined reports whether the tokens a and b, one after the other, are
// words of one compound.
func joined(text []byte, a, b *analysis.Token) bool {
	return b.Position == a.Position+1 && a.Type != analysis.Ideographic && b.Type != analysis.Ideographic &&
		hyphenJoint(text, a.End, b.Start)
}

// appendCompounds appends the compounds of the run of words run to out,
// in the order of their places.
func appendCompounds(out analysis.TokenStream, run analysis.TokenStream) analysis.TokenStream {
	from := len(out)
	for a := 0; a < len(run); a++ {
		for b := a + 1; b < len(run); b++ {
			if (a > 0 || b < len(run)-1) && (stopPart(run[a].Term) || stopPart(run[b].Term)) && !allStop(run[a:b+1]) {
				continue // a part's words, not the whole: state-of-the-art has no theart
			}
			letter := false
			n := 0
			for _, t := range run[a : b+1] {
				n += len(t.Term)
				letter = letter || t.Type != analysis.Numeric
			}
			if !letter {
				continue
			}
			term := make([]byte, 0, n)
			for _, t := range run[a : b+1] {
				term = append(term, t.Term...)
			}
			out = append(out, &analysis.Token{Term: term, Start: run[a].Start, End: run[b].End,
				Position: run[b].Position, Type: analysis.AlphaNumeric})
		}
	}
	slices.SortStableFunc(out[from:], func(x, y *analysis.Token) int { return x.Position - y.Position })
	return out
}

// allStop reports whether every word of run is a stop word (the to-be of
// to-be-forgotten: the words of a hyphenated query of stop words alone
// are too common to search for in a row, so the closed word is what
// finds the run).
func allStop(run analysis.TokenStream) bool {
	for _, t := range run {
		if !stopPart(t.Term) {
			return false
		}
	}
	return true
}

// stopPart reports whether a word as written is a stop word, in any case.
func stopPart(w []byte) bool {
	if len(w) > 10 {
		return false // no stop word is as long
	}
	var low [10]byte
	for i, c := range w {
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	_, stop := stopWords[string(low[:len(w)])]
	return stop
}

// compoundTerms analyses the compounds cs (compoundsOf's) as the filter
// analyses a word, in place; those the filter drops are left out.
func compoundTerms(cs analysis.TokenStream) analysis.TokenStream {
	if len(cs) == 0 {
		return nil
	}
	out := cs[:0]
	for _, c := range cs {
		// one at a time: a compound's neighbours are not the text's
		if f := (normalizeFilter{}).filter(analysis.TokenStream{c}, nil, nil); len(f) == 1 {
			f[0].Type = compoundType
			out = append(out, f[0])
		}
	}
	return out
}

// compoundType is the type of a compound's token, which pairsOf skips.
const compoundType analysis.TokenType = 1 << 10

// withCompounds is the text's tokens ts (the filter's, in the order of
// their places) with the analysed compounds cs merged in, each after the
// word of its place (its last word): a term's places in the index stay in
// order. In ts's own array when it has room, which the stop words the
// filter dropped leave (a new array for each piece cost the build 2-3 %
// of its analysis).
func withCompounds(ts, cs analysis.TokenStream) analysis.TokenStream {
	if len(cs) == 0 {
		return ts
	}
	n := len(ts) + len(cs)
	if n > cap(ts) {
		grown := make(analysis.TokenStream, len(ts), n)
		copy(grown, ts)
		ts = grown
	}
	out := ts[:n]
	// from the end: a compound after the words of its place
	i, k := len(ts)-1, len(cs)-1
	for w := n - 1; k >= 0; w-- {
		if i >= 0 && ts[i].Position > cs[k].Position {
			out[w] = ts[i]
			i--
		} else {
			out[w] = cs[k]
			k--
		}
	}
	return out
}

// queryCompound is the analysed closed word of a hyphenated query word
// (counter-terrorism → counterterror): the compound of its whole run of
// words, as the index holds it for the text; "" when it has none (one
// word, a number range, a run too long, a stop word alone: on-to).
func queryCompound(w string) string {
	if !strings.ContainsAny(w, "-\u2010\u2011") {
		return ""
	}
	text := []byte(w)
	ts := wordTokenizer{}.Tokenize(text)
	if len(ts) < 2 || len(ts) > maxCompoundParts {
		return ""
	}
	for i := 1; i < len(ts); i++ {
		if !joined(text, ts[i-1], ts[i]) {
			return ""
		}
	}
	for _, c := range compoundTerms(compoundsOf(text, ts)) {
		if c.Start == ts[0].Start && c.End == ts[len(ts)-1].End {
			return string(c.Term)
		}
	}
	return ""
}
