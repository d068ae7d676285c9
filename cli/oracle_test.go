package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/folio-tui/folio/archive"
)

// The counts a researcher cites, checked against an oracle computed here
// from the archive's own files: `folio search WORD` counts the pieces that
// have one of WORD's inflections (the same Porter stemmer), `"WORD"` the
// pieces with that very form (any case), and a word in capitals the pieces
// with that spelling, case-sensitive, or one of its declared aliases.

// oracleWords: common, rare, inflected and capitalised words. None has a
// British spelling or an accent, which the index folds and this oracle
// does not.
var oracleWords = []string{
	"government", "war", "people", "congress", "peace", "law", "money", "bank", "army", "navy",
	"internet", "terrorism", "railroad", "telegraph", "slavery", "nuclear", "tariff",
	"immigration", "inflation", "computer", "pollution", "welfare", "art",
	"taxes", "railroads", "fighting", "children", "women", "freedoms", "elected", "negotiations", "aids",
}

// oraclePrefixes end where stemming changes a word (comi-ng → come,
// organizatio-n → organ, happi-ness → happi) and elsewhere.
var oraclePrefixes = []string{
	"comi", "coming", "tryin", "organizatio", "applyin", "delaye", "fitt", "happine", "studyin",
	"radica", "govern", "gover", "tax", "econom", "nucle", "immigr", "terroris", "rail", "peacef",
}

func prefixIs(p string) func(string) bool {
	return func(w string) bool { return strings.HasPrefix(strings.ToLower(oracleKey(w)), p) }
}

var oracleAcronyms = []string{"AIDS", "NATO", "NASA", "FBI", "USSR"}

var oracleWord = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’][\p{L}]+)*`)

// pieceWords are the words of what the index searches of a piece.
func pieceWords(a archive.Article) []string {
	text := strings.Join([]string{a.Title, a.Standfirst, a.Note, a.Body, strings.Join(a.Authors, ", "), strings.Join(a.Tags, ", ")}, "\n\n")
	return oracleWord.FindAllString(text, -1)
}

// oracleJoined is a run of words joined by hyphens (a hyphen-minus,
// U+2010, U+2011), no space beside them.
var (
	oracleJoined = regexp.MustCompile(`[\p{L}\p{N}]+(?:[-\x{2010}\x{2011}][\p{L}\p{N}]+)+`)
	oracleHyphen = regexp.MustCompile(`[-\x{2010}\x{2011}]`)
)

// joinedWords are the closed words of a piece's runs of two to four words
// joined by hyphens (counter-terrorism: counterterrorism), as the index
// holds them for a prefix to begin: from the run's first word (its parts
// from there are the closed word's beginnings; a part from the middle,
// theabove of all-of-the-above, is none), not a longer run's.
func joinedWords(a archive.Article) []string {
	text := strings.Join([]string{a.Title, a.Standfirst, a.Note, a.Body}, "\n\n")
	var out []string
	for _, run := range oracleJoined.FindAllString(text, -1) {
		if parts := oracleHyphen.Split(run, -1); len(parts) <= 4 {
			out = append(out, strings.Join(parts, ""))
		}
	}
	return out
}

// key drops a possessive and other apostrophes, as the index does.
func oracleKey(w string) string {
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.TrimSuffix(w, "'s")
	return strings.ReplaceAll(w, "'", "")
}

func oracleStem(w string) string {
	w = strings.ToLower(oracleKey(w))
	if len(w) <= 2 {
		return w
	}
	return porterstemmer.StemString(w)
}

// oracleArchive holds each piece's words, split once, and the archive's
// words each with the pieces that have it: count asks its question once a
// word, not once a word of each piece (on SOTU its questions took 2.5 s of
// CPU, 0.4 now).
type oracleArchive struct {
	words  [][]string        // by piece, in order
	joined [][]string        // by piece: joinedWords
	vocab  []string          // every word of the archive, once
	pieces [][]int           // by vocab's word: the pieces that have it
	stems  map[string]string // memo of oracleStem
}

func newOracle(as []archive.Article) *oracleArchive {
	o := &oracleArchive{stems: map[string]string{}}
	at := map[string]int{} // a word's place in vocab
	for p, a := range as {
		ws := pieceWords(a)
		for _, w := range ws {
			i, ok := at[w]
			if !ok {
				i = len(o.vocab)
				at[w] = i
				o.vocab = append(o.vocab, w)
				o.pieces = append(o.pieces, nil)
			}
			if ps := o.pieces[i]; len(ps) == 0 || ps[len(ps)-1] != p {
				o.pieces[i] = append(ps, p)
			}
		}
		o.words = append(o.words, ws)
		o.joined = append(o.joined, joinedWords(a))
	}
	return o
}

// countPrefix is the number of pieces with a word starting with p, or
// the closed word of words joined by hyphens starting so.
func (o *oracleArchive) countPrefix(p string) int {
	has := make([]bool, len(o.words))
	for i, w := range o.vocab {
		if prefixIs(p)(w) {
			for _, k := range o.pieces[i] {
				has[k] = true
			}
		}
	}
	for k, ws := range o.joined {
		for _, w := range ws {
			has[k] = has[k] || prefixIs(p)(w)
		}
	}
	n := 0
	for _, h := range has {
		if h {
			n++
		}
	}
	return n
}

// count is the number of pieces with a word for which m is true.
func (o *oracleArchive) count(m func(string) bool) int {
	has := make([]bool, len(o.words))
	for i, w := range o.vocab {
		if m(w) {
			for _, p := range o.pieces[i] {
				has[p] = true
			}
		}
	}
	n := 0
	for _, h := range has {
		if h {
			n++
		}
	}
	return n
}

// countPhrases is the number of pieces with one of the phrases: words one
// after another, each compared by its function.
func (o *oracleArchive) countPhrases(phrases [][]func(string) bool) int {
	n := 0
	for _, ws := range o.words {
	piece:
		for _, ph := range phrases {
			for i := 0; i+len(ph) <= len(ws); i++ {
				all := true
				for j, m := range ph {
					if !m(ws[i+j]) {
						all = false
						break
					}
				}
				if all {
					n++
					break piece
				}
			}
		}
	}
	return n
}

func (o *oracleArchive) stemIs(word string) func(string) bool {
	s := oracleStem(word)
	return func(w string) bool {
		st, ok := o.stems[w]
		if !ok {
			st = oracleStem(w)
			o.stems[w] = st
		}
		return st == s
	}
}

func formIs(word string) func(string) bool {
	return func(w string) bool { return strings.EqualFold(oracleKey(w), word) }
}

func spellingIs(word string) func(string) bool {
	return func(w string) bool { return oracleKey(w) == word }
}

// exactPhrase matches a declared alias as written: any case, or this case
// for one in capitals.
func exactPhrase(alias string) []func(string) bool {
	var out []func(string) bool
	for _, w := range oracleWord.FindAllString(alias, -1) {
		if strings.ToUpper(w) == w && strings.ToLower(w) != w && len(w) >= 2 {
			out = append(out, spellingIs(w))
		} else {
			out = append(out, formIs(w))
		}
	}
	return out
}

// searchTotal runs folio search --json on an archive with a shared index.
func searchTotal(t *testing.T, env []string, q string) int {
	t.Helper()
	out, errOut, code := run(t, append(env, "search", "--json", "--limit", "1", q)...)
	if code != 0 {
		t.Fatalf("search %q: exit %d: %s", q, code, errOut)
	}
	var r struct{ Total int }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return r.Total
}

func TestCountsMatchTheFilesOnTheStateOfTheUnion(t *testing.T) {
	dir, ix := sotuIndexed(t)
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"--index-dir", ix, "--archive", dir}
	o := newOracle(arch.Articles)
	for _, w := range oracleWords {
		if got, want := searchTotal(t, env, w), o.count(o.stemIs(w)); got != want {
			t.Errorf("%s: %d pieces, the files have %d with its inflections", w, got, want)
		}
		if got, want := searchTotal(t, env, `"`+w+`"`), o.count(formIs(w)); got != want {
			t.Errorf(`"%s": %d pieces, the files have %d with the form`, w, got, want)
		}
	}
	// word*: the pieces with a word that starts so; before, a prefix
	// that ended inside what stemming takes off found fewer pieces than a
	// longer one (comi* 13 where coming* found 112, tryin* 0 of 54)
	// (or words joined by hyphens whose closed word does, as the index
	// holds it: peacef* finds 1973's "peace-for", as peacefor does)
	for _, p := range oraclePrefixes {
		if got, want := searchTotal(t, env, p+"*"), o.countPrefix(p); got != want {
			t.Errorf("%s*: %d pieces, the files have %d with a word starting so", p, got, want)
		}
	}
	for _, w := range oracleAcronyms {
		if got, want := searchTotal(t, env, w), o.count(spellingIs(w)); got != want {
			t.Errorf("%s: %d pieces, the files have %d with that spelling", w, got, want)
		}
	}
	// the figures, which the oracle above reproduces
	for q, want := range map[string]int{"internet": 11, `"aids"`: 39, "AIDS": 19, `"railroad"`: 62, `"taxes"`: 133} {
		if got := searchTotal(t, env, q); got != want {
			t.Errorf("%s: %d, want %d", q, got, want)
		}
	}
}

// On the bundled archive, capitalised words with declared aliases: the
// spelling, case-sensitive, or an alias as written.
func TestCountsMatchTheFilesOnTheBundledArchive(t *testing.T) {
	fsys := archive.Bundled()
	arch, _ := archive.Load(fsys)
	env := []string{"--index-dir", t.TempDir()}
	o := newOracle(arch.Articles)
	aliases := map[string][]string{
		"MI5":  {"Security Service"},
		"GCHQ": {"Government Communications Headquarters"},
		"ISIS": {"Isil", "IS", "Islamic State", "Daesh", "Daish", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant"},
	}
	for w, as := range aliases {
		phrases := [][]func(string) bool{{spellingIs(w)}}
		for _, a := range as {
			phrases = append(phrases, exactPhrase(a))
		}
		if got, want := searchTotal(t, env, w), o.countPhrases(phrases); got != want {
			t.Errorf("%s: %d pieces, the files have %d with it or an alias", w, got, want)
		}
	}
	for _, w := range []string{"prison", "prisons", "attack", "attacks", "police", "intelligence", "fighters", "security", "syria"} {
		if got, want := searchTotal(t, env, w), o.count(o.stemIs(w)); got != want {
			t.Errorf("%s: %d pieces, the files have %d with its inflections", w, got, want)
		}
		if got, want := searchTotal(t, env, `"`+w+`"`), o.count(formIs(w)); got != want {
			t.Errorf(`"%s": %d pieces, the files have %d with the form`, w, got, want)
		}
	}
}

// Notes, the forms searched and "did you mean" reach stderr and --json.
func TestSearchSaysHowItReadTheQuery(t *testing.T) {
	dir, ix := sotuIndexed(t)
	env := []string{"--index-dir", ix, "--archive", dir}
	out, errOut, _ := run(t, append(env, "search", "--limit", "1", "terorism")...)
	if !strings.Contains(errOut, `did you mean terrorism? (54 pieces: folio search "terrorism")`) || strings.Contains(out, "did you mean") {
		t.Errorf("stderr %q, stdout %q", errOut, out)
	}
	// counts alone (--limit 0) too
	_, errOut, _ = run(t, append(env, "search", "--limit", "0", "terorism")...)
	if !strings.Contains(errOut, `did you mean terrorism? (54 pieces`) {
		t.Errorf("--limit 0: stderr %q", errOut)
	}
	out, _, _ = run(t, append(env, "search", "--json", "terorism")...)
	var r struct {
		Notes      []string
		Forms      []string
		Suggestion struct {
			Word, Fix, Query string
			Count            int
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Suggestion.Fix != "terrorism" || r.Suggestion.Count != 54 || r.Suggestion.Word != "terorism" || r.Notes == nil {
		t.Errorf("json: %+v", r)
	}
	out, errOut, _ = run(t, append(env, "search", "--json", "mi5 or gchq")...)
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], `lowercase "or" is ignored`) || errOut != "" {
		t.Errorf("json notes %q, stderr %q", r.Notes, errOut)
	}
	_, errOut, _ = run(t, append(env, "search", "foo:bar war")...)
	if !strings.Contains(errOut, "folio: note: foo: is not a field, searched as words (fields: title, outlet, tag, author, kind)") {
		t.Errorf("stderr %q", errOut)
	}
	_, errOut, _ = run(t, append(env, "search", "taxes")...)
	if !strings.Contains(errOut, "folio: searched taxes → ") || !strings.Contains(errOut, "taxes") {
		t.Errorf("forms: stderr %q", errOut)
	}
}
