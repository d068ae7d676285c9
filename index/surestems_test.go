package index

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// porterSuffixes are the endings the stemmer takes off or rewrites (its
// steps 1 to 5), stacked on words in TestStemsAreTheirWordsButTheLastLetter.
var porterSuffixes = []string{"s", "es", "ies", "sses", "ss", "ed", "eed", "ing", "y", "ly", "at", "bl", "iz",
	"ational", "tional", "enci", "anci", "izer", "abli", "alli", "entli", "eli", "ousli", "ization",
	"ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "icate",
	"ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible",
	"ant", "ement", "ment", "ent", "ion", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive",
	"ize", "e", "ll", "ility", "ility's", "’s", "ency", "ancy", "ably", "ibly", "ally"}

// sureStemHolds reports whether word w's key starts with its stem but for
// the letters madeLetters allows: what makes a sure stem's pieces pass
// unread (surestems.go).
// And a stem the filter did not report as made (capsMadeMark) begins the
// word's key whole.
func sureStemHolds(w string) (stem string, ok bool) {
	stem = normalizeTerm(w)
	if stem == "" || isUpperTerm(stem) {
		return stem, true // a stop word or an acronym: no lower-case prefix finds it
	}
	made := false
	normalizeFilter{}.filter(wordTokenizer{}.Tokenize([]byte(w)), func([]byte) { made = true }, nil)
	key := exactKey(w)
	return stem, strings.HasPrefix(key, stem[:len(stem)-madeLetters(stem)]) && (made || strings.HasPrefix(key, stem))
}

// TestStemsAreTheirWordsButTheLastLetter: every word of the bundled
// archive, of the SOTU addresses and of the web pages, every spelling
// rule's words, and the bundled archive's words with one of the stemmer's suffixes
// stacked on them (and a sixteenth of them with two), starts with its stem but for the
// letters madeLetters counts.
func TestStemsAreTheirWordsButTheLastLetter(t *testing.T) {
	parallel(t)
	words := map[string]bool{}
	addText := func(s string) {
		for _, w := range textWords(s) {
			words[w] = true
		}
	}
	bundled, _ := archive.Load(archive.Bundled())
	var roots []string
	for _, a := range bundled.Articles {
		addText(strings.Join([]string{a.Title, a.Standfirst, a.Body, strings.Join(a.Authors, " "), strings.Join(a.Tags, " ")}, "\n"))
	}
	for w := range words {
		if len(w) >= 3 && len(w) <= 12 {
			roots = append(roots, w)
		}
	}
	slices.Sort(roots)
	for _, name := range []string{"sotu", "web-articles"} {
		dir, ok := testcorpus.Find(name)
		if !ok {
			t.Logf("without the %s corpus", name)
			continue
		}
		// the addresses, and the web pages' true article texts
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		if name == "web-articles" {
			files = []string{filepath.Join(dir, "ground-truth.json")}
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			addText(string(b))
		}
	}
	for brit, am := range americanWords {
		words[brit], words[am] = true, true
	}
	// words cut in the index (past maxTermBytes), where an accent composes
	// with the letter at the cut (a review's, 2026-12-04)
	for _, n := range []int{250, 252, 253, 254, 255, 300} {
		for _, end := range []string{"и\u0306", "e\u0301s", "ing", "y", "’s", "ÉS"} {
			words[strings.Repeat("a", n)+end] = true
		}
	}
	for _, o := range ourStems {
		words[o], words[o+"able"], words[o+"ers"], words[o+"ite"] = true, true, true, true
	}
	for i, r := range roots {
		for _, s1 := range porterSuffixes {
			words[r+s1] = true
			if i%16 != 0 {
				continue // two stacked on a sixteenth of them: 9M words took 27 s
			}
			for _, s2 := range porterSuffixes {
				words[r+s1+s2] = true
			}
		}
	}
	failed := 0
	var examples []string
	for w := range words {
		if stem, ok := sureStemHolds(w); !ok {
			failed++
			if len(examples) < 30 {
				examples = append(examples, w+" → "+stem+" (key "+exactKey(w)+")")
			}
		}
	}
	slices.Sort(examples)
	t.Logf("%d words", len(words))
	if failed > 0 {
		t.Errorf("%d words do not start with their stem but its last made letter:\n%s", failed, strings.Join(examples, "\n"))
	}
	// the rule is not vacuous: these stems' last letters are made
	for _, w := range []string{"happy", "hoping", "possibility", "stating"} {
		stem := normalizeTerm(w)
		if strings.HasPrefix(exactKey(w), stem) {
			t.Errorf("%s → %s: the stem is a prefix of the word; the example is wrong", w, stem)
		}
	}
}

func FuzzSureStem(f *testing.F) {
	for _, w := range []string{"happy", "hoping", "possibility", "governments", "rationalizations", "Colours", "manœuvring", "don’t", "sensibilities",
		strings.Repeat("a", 253) + "и\u0306"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, word := range textWords(w) {
			if stem, ok := sureStemHolds(word); !ok {
				t.Fatalf("%q → %q (key %q)", word, stem, exactKey(word))
			}
		}
	})
}

// TestWordPrefixAnswersAsWhenEveryTextWasRead: word* answers as it did
// when every candidate's text was read (the same pieces, in the same
// order, with the same scores, counts and facets), reads fewer texts
// where its stems are sure, and none of a stem whose last letter the
// prefix reaches is let in unread (happi* must not find happy alone).
func TestWordPrefixAnswersAsWhenEveryTextWasRead(t *testing.T) {
	var ix *Index
	if _, ok := testcorpus.Find("sotu"); ok {
		_, ix = openSOTU(t, Options{ResultCache: -1}) // read only: the index built once
	} else {
		dir, _, _ := copyBundled(t)
		var err error
		if ix, err = Open(context.Background(), dir, os.DirFS(dir), Options{Dir: t.TempDir(), ResultCache: -1}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
	}
	fewer := 0
	for _, text := range []string{"govern*", "happi*", "polici*", "countri*", "possibl*", "state*", "hope*", "terror*",
		"econom*", "nation*", "tax*", "war*", "peac*", "libert*", "title:union*", "govern* -war", "govern* tax*",
		"rationali*", "colo*", "labou*", "tryin*"} {
		every, readEvery, readSure := asWhenEveryTextWasRead(t, ix, &noSureStems, text, "")
		if readSure < readEvery {
			fewer++
		}
		t.Logf("%-14s %4d pieces, texts read %5d → %5d", text, every.Total, readEvery, readSure)
		// govern*'s stems are sure; state* reaches the last letter of
		// state, whose pieces are read only where a word made it (stating)
		if (text == "govern*" || text == "state*") && (every.Total == 0 || readSure*10 > readEvery) {
			t.Errorf("%s: %d pieces, texts read %d → %d: want a tenth or fewer", text, every.Total, readEvery, readSure)
		}
	}
	if fewer == 0 {
		t.Error("no query read fewer texts")
	}
}

// hostileAndSOTU are the folders the answer-comparing tests search: a
// copy of the bundled archive with pieces added ("bundled"), and the SOTU
// addresses ("sotu") when the corpora are there.
func hostileAndSOTU(t *testing.T, pieces map[string]string) map[string]string {
	t.Helper()
	bdir, _, _ := copyBundled(t)
	for name, text := range pieces {
		if err := os.WriteFile(filepath.Join(bdir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs := map[string]string{"bundled": bdir}
	if dir, ok := testcorpus.Find("sotu"); ok {
		dirs["sotu"] = dir
	}
	return dirs
}

// compared is what compareEach found of one folder's queries.
type compared struct{ fewer, found int }

// compareEach runs asWhenEveryTextWasRead for each query on the index of
// each folder (the bundled synonyms), and says, for each folder, how many
// queries read fewer texts and how many found pieces.
func compareEach(t *testing.T, dirs map[string]string, queries []string, off *bool) map[string]compared {
	t.Helper()
	out := map[string]compared{}
	for name, dir := range dirs {
		opts := Options{ResultCache: -1, Synonyms: testSynonyms(t)}
		var ix *Index
		if name == "sotu" {
			_, ix = openSOTU(t, opts) // read only: the index built once
		} else {
			opts.Dir = t.TempDir()
			var err error
			if ix, err = Open(context.Background(), dir, os.DirFS(dir), opts); err != nil {
				t.Fatal(err)
			}
		}
		var c compared
		for _, text := range queries {
			every, readEvery, read := asWhenEveryTextWasRead(t, ix, off, text, name)
			if read < readEvery {
				c.fewer++
			}
			if every.Total > 0 {
				c.found++
			}
			t.Logf("%s %-36s %4d pieces, texts read %5d → %5d", name, text, every.Total, readEvery, read)
		}
		out[name] = c
		ix.Close()
	}
	return out
}

// asWhenEveryTextWasRead searches text on ix (its result cache off) with
// the test hook off set, every candidate's text read, and then with the
// index's facts, and fails unless both answers have the same pieces in
// the same order, with the same scores, count and facets, and the second
// read no more texts. It returns the answer and the texts each read.
func asWhenEveryTextWasRead(t *testing.T, ix *Index, off *bool, text, name string) (Results, int64, int64) {
	t.Helper()
	search := func(every bool) (Results, int64) {
		t.Helper()
		*off = every
		defer func() { *off = false }()
		c0 := checkedCandidates.Load()
		r, err := ix.Search(context.Background(), Query{Text: text, Limit: 1000})
		if err != nil {
			t.Fatalf("%s %q: %v", name, text, err)
		}
		return r, checkedCandidates.Load() - c0
	}
	every, readEvery := search(true)
	got, read := search(false)
	if every.Total != got.Total || len(every.Hits) != len(got.Hits) {
		t.Fatalf("%s %q: %d (%d hits) reading every text, %d (%d) not", name, text, every.Total, len(every.Hits), got.Total, len(got.Hits))
	}
	for i := range every.Hits {
		if every.Hits[i].ID != got.Hits[i].ID || every.Hits[i].Score != got.Hits[i].Score {
			t.Fatalf("%s %q hit %d: %s %v reading every text, %s %v not", name, text, i, every.Hits[i].ID, every.Hits[i].Score, got.Hits[i].ID, got.Hits[i].Score)
		}
	}
	if !reflect.DeepEqual(every.Facets, got.Facets) {
		t.Fatalf("%s %q: the facets differ: %v reading every text, %v not", name, text, every.Facets, got.Facets)
	}
	if read > readEvery {
		t.Errorf("%s %q read %d texts, %d when reading every one", name, text, read, readEvery)
	}
	return every, readEvery, read
}
