package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// PersonKey is the key under which the spellings of one person meet: the
// author facet's rows, the --author filter's value and the people of one
// piece (Bylines names each once). It is ValueKey's (case and Unicode
// form) with what a byline's typing changes and a name does not:
//
//   - a full stop after an initial, and the space between initials:
//     "George W. Bush" is George W Bush, "G.W. Bush", "G. W. Bush" and
//     "G W Bush" one ("GW Bush" another: letters without full stops are
//     a word, not initials);
//   - a full stop ending the name ("Ann Lee." is Ann Lee, "Bo Chan Jr."
//     Bo Chan Jr);
//   - a hyphen inside a given name, read as a space: "Jean-Paul Sartre"
//     is Jean Paul Sartre, "J.-P. Sartre" J. P. Sartre. The family name
//     keeps its hyphen (the words from the family name on, as SplitName
//     reads a name written in running text: "Ann Smith-Jones" is not
//     "Ann Smith Jones");
//   - the accents of Latin letters (latinBare): "José García" is Jose
//     Garcia, as an outlet or a feed that writes ASCII alone spells him,
//     and as --author "Jose Garcia" picks him by words; a letter that is
//     no letter plus an accent stays (ø, ł, ß, ı: "Søren" is not
//     "Soren"), and so do the marks of other scripts, which make other
//     names (ガ is not カ, a Thaana vowel another name).
//
// A piece's Authors stay as written: its citation names the byline as the
// piece prints it.
func PersonKey(s string) string { return nameKey(s, true) }

// OutletKey is the key under which the spellings of one outlet meet: the
// outlet facet's rows and the --outlet filter's exact value. It is
// PersonKey's but for hyphens, which an outlet's name keeps (it has no
// given name): "The Guardian." is The Guardian, "U.S. News" U. S. News
// ("US News" another), "Condé Nast" Conde Nast.
func OutletKey(s string) string { return nameKey(s, false) }

// SamePerson tells whether two values of the author facet are one
// (PersonKey).
func SamePerson(a, b string) bool { return PersonKey(a) == PersonKey(b) }

// nameKey is PersonKey (person) or OutletKey.
func nameKey(s string, person bool) string {
	k := latinBare(ValueKey(s))
	if !strings.ContainsAny(k, ".-\u2010\u2011") {
		return k // most names: nothing more made
	}
	words := strings.Fields(k)
	given := 0 // words[:given] are given names
	if person {
		given = givenWords(words)
	}
	out := make([]string, 0, len(words)+2)
	for i, w := range words {
		parts := []string{w}
		if i < given {
			parts = strings.FieldsFunc(w, isHyphen)
		}
		for _, p := range parts {
			out = append(out, initials(p)...)
		}
	}
	if len(out) == 0 {
		return k
	}
	if last := out[len(out)-1]; len(last) > 1 {
		out[len(out)-1] = strings.TrimSuffix(last, ".") // a full stop ending the name
	}
	return strings.Join(out, " ")
}

// givenWords is how many of a name's words (in running text, as ValueKey
// folds them: in capitals) are given names, as SplitName reads it: those
// before the first particle after the first word, else before the last
// word, a suffix (Jr., III) not counted.
func givenWords(words []string) int {
	is := func(set map[string]bool, w string) bool { return set[strings.ToLower(w)] }
	n := len(words)
	if n > 1 && is(nameSuffixes, strings.TrimSuffix(words[n-1], ",")) {
		n--
	}
	if n < 2 || is(particles, words[0]) {
		return 0
	}
	for i := 1; i < n-1; i++ {
		if is(particles, words[i]) {
			return i
		}
	}
	return n - 1
}

// latinBare is k (a ValueKey) without the combining marks of its Latin
// letters, as they decompose (NFD): É is E, ệ e, ñ n.
func latinBare(k string) string {
	ascii := true
	for i := 0; i < len(k) && ascii; i++ {
		ascii = k[i] < utf8.RuneSelf
	}
	if ascii {
		return k
	}
	d := norm.NFD.String(k)
	var b strings.Builder
	b.Grow(len(d))
	latin := false // the last letter written is Latin
	changed := false
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) && latin {
			changed = true
			continue
		}
		if !unicode.Is(unicode.M, r) {
			latin = unicode.Is(unicode.Latin, r)
		}
		b.WriteRune(r)
	}
	if !changed {
		return k
	}
	return strings.Map(foldRune, norm.NFC.String(b.String()))
}

// isHyphen: the hyphen-minus, the hyphen and the non-breaking hyphen.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// initials are a word of initials ("g.w.", "j.", a letter and its marks
// before each full stop) as its letters, and any other word as it is.
func initials(w string) []string {
	if !strings.HasSuffix(w, ".") {
		return []string{w}
	}
	var out []string
	for rest := w; rest != ""; {
		r, n := utf8.DecodeRuneInString(rest)
		if !unicode.IsLetter(r) {
			return []string{w}
		}
		for n < len(rest) {
			m, size := utf8.DecodeRuneInString(rest[n:])
			if !unicode.Is(unicode.M, m) {
				break
			}
			n += size
		}
		if n >= len(rest) || rest[n] != '.' {
			return []string{w}
		}
		out = append(out, rest[:n])
		rest = rest[n+1:]
	}
	return out
}
