package index

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

// capsPieces are pieces whose words in capitals are written every way the
// check reads them: a tag in lower case, a possessive, a shouted line, a
// name in small letters only, an accent, a hyphen, code, a heading.
var capsPieces = map[string]string{
	"tagged.md":     "---\ndate: 2017-05-01\ntitle: The goddess\ntags: [isis, history]\n---\n\nIsis was worshipped in Egypt.\n",
	"tagwords.md":   "---\ndate: 2017-05-01\ntitle: A tag of words\ntags: [Counter ISIS Coalition]\n---\n\nA coalition met.\n",
	"possessive.md": "---\ndate: 2017-05-01\ntitle: Leaders\n---\n\nISIS’s leaders and NATO's allies met the UN's envoy.\n",
	"shouted.md":    "---\ndate: 2017-05-01\ntitle: Shouting\n---\n\nWHAT IS TERRORISM? ASK MI5.\n",
	"small.md":      "---\ndate: 2017-05-01\ntitle: Small letters\n---\n\nThe isis problem, the nato summit, the mi5 report.\n",
	"accent.md":     "---\ndate: 2017-05-01\ntitle: Accents\n---\n\nThe ÉTA and the ÖVP; Isis-K and ISIS-K.\n",
	"code.md":       "---\ndate: 2017-05-01\ntitle: Code\n---\n\n```\nISIL = 1\n```\n\n# MI5 files\n\n- US troops\n",
	"author.md":     "---\ndate: 2017-05-01\ntitle: An author\nauthors: [NATO Press Office]\n---\n\nA statement.\n",
	"long.md":       "---\ndate: 2017-05-01\ntitle: A long word\n---\n\n" + strings.Repeat("A", 300) + " and " + strings.Repeat("B", 250) + "\n",
	// a review's three (2026-12-04): words past a tag's first 255 bytes
	// (the index stores the tag cut there); a tag spelled half the
	// American way (exactKey is not idempotent: vapourise → vaporise →
	// vaporize); a word cut where its accent would change its last letter
	"longtag.md": "---\ndate: 2017-05-01\ntitle: A long tag\ntags: [\"" + strings.Repeat("x", 255) + " nato govern hoping\"]\n---\n\nNothing here.\n",
	"vapour.md":  "---\ndate: 2017-05-01\ntitle: Vapour\ntags: [vaporise, colorise]\n---\n\nThey vapourise and colourise water.\n",
	"cut.md":     "---\ndate: 2017-05-01\ntitle: Cut\n---\n\n" + strings.Repeat("a", 253) + "и\u0306 and " + strings.Repeat("b", 250) + "й\n",
}

// TestWordsInCapitalsAnswerAsWhenEveryTextWasRead: a word in capitals
// answers from fCaps as it did when every candidate's text was read (the
// same pieces, in the same order, with the same scores and facets), and
// reads no text.
func TestWordsInCapitalsAnswerAsWhenEveryTextWasRead(t *testing.T) {
	dirs := hostileAndSOTU(t, capsPieces)
	bdir := dirs["bundled"]
	queries := []string{"ISIS", "ISIL", "MI5", "NATO", "US", "IS", "UN", "AIDS", "USSR", "ÉTA", "ÖVP", "WHAT",
		"ASK", "U.S.", "title:ISIS", "ISIS -raqqa", "ISIS tag:isis", "NATO OR MI5", "COALITION", "HISTORY",
		"ISIS-K", "OFFICE", "FBI", "CIA", "NATO allies", `"ISIS"`,
		// a word cut in the index (300 letters), and shorter ones: the
		// cut term is not the word, nor a word of its length
		strings.Repeat("A", 300), strings.Repeat("A", 255), strings.Repeat("A", 250), strings.Repeat("B", 250),
		"VAPOURISE", "COLOURISE", "VAPORISE", "VAPORIZE", "gov*", "hop*", "nat*",
		strings.Repeat("a", 253) + "и*", strings.Repeat("b", 250) + "й*", strings.Repeat("b", 250) + "*"}
	for name, c := range compareEach(t, dirs, queries, &noCapsField) {
		if c.fewer < len(queries)/3 || c.found < len(queries)/3 {
			t.Errorf("%s: %d of %d queries read fewer texts, %d found pieces", name, c.fewer, len(queries), c.found)
		}
	}
	// the pieces the hostile ones are for: each found or not, by the check
	// itself (the comparison above holds either way)
	ix, err := Open(context.Background(), bdir, os.DirFS(bdir), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"ISIS": {"tagged", "tagwords", "possessive", "accent"}, "MI5": {"shouted", "code"},
		"ISIL": {"code"}, "ÉTA": {"accent"}, "NATO": {"possessive", "author"}, "US": {"code"},
	} {
		r := run(t, ix, Query{Text: q, Limit: 1000})
		got := map[string]bool{}
		for _, h := range r.Hits {
			got[h.ID] = true
		}
		for _, w := range want {
			if !got[w] {
				t.Errorf("%s: %s not found (%v)", q, w, ids(r))
			}
		}
		if got["small"] {
			t.Errorf("%s found the piece with small letters only", q)
		}
	}
}

// FuzzCapsTermsAreTheCheckedWords: the fCaps terms of a text are the
// caseKeys in capitals of the words the check scans, and its tags' words
// each as "#" and its exactKey (and a plain one's lower case, where that
// differs, as "#="), each cut to maxTermBytes.
func FuzzCapsTermsAreTheCheckedWords(f *testing.F) {
	for _, text := range capsPieces {
		f.Add(text[strings.Index(text[3:], "---")+6:], "isis Counter-ISIS’s")
	}
	f.Add("IS’s US'S ÉTA MI5 5G A.B.C. x'S Ǆ", "Ǆ ÉTA")
	f.Add(strings.Repeat("É", 200), strings.Repeat("q", 300))
	f.Fuzz(func(t *testing.T, body, tags string) {
		const sep = "\n\n" + partBreak + "\n\n"
		text := body + sep
		toks := wordTokenizer{}.Tokenize([]byte(text + tags))
		got := map[string]bool{}
		for _, tk := range capsOf(toks, len(text)) {
			got[string(tk.Term)] = true
		}
		want := map[string]bool{}
		scanWords([]byte(body), func(w []byte, _ span, _ bool) bool {
			if k := caseKey(string(w)); isCapsWord(k) {
				want[cutKey(k)] = true
			}
			return true
		})
		scanWords([]byte(tags), func(w []byte, _ span, _ bool) bool {
			want[cutKey(capsTagMark+exactKey(string(w)))] = true
			if low := strings.ToLower(string(w)); plainWord(w) && low != exactKey(string(w)) {
				want[cutKey(capsTagLowerMark+low)] = true
			}
			return true
		})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q, tags %q: fCaps terms %v, want %v", body, tags, got, want)
		}
	})
}

// cutKey is k cut as the index cuts a term.
func cutKey(k string) string {
	if len(k) > maxTermBytes {
		return string(cutTerm([]byte(k)))
	}
	return k
}

// TestTextIsTokenizedOnce: the mapping's text analyser is the one
// capsAnalysis runs, so a piece's text is tokenized once for fText and
// fCaps (another would be analysed twice, and fCaps still made as
// folio's analyser makes it).
func TestTextIsTokenizedOnce(t *testing.T) {
	if !ourTextAnalyzer(newMapping().AnalyzerNamed(textAnalyzerName)) {
		t.Fatal("the mapping's text analyser is not the word tokenizer and the normalizing filter")
	}
}

// TestSpellingKeepsLengthsTheCheckAllows: the check of a word's exact
// form (formMatcher.is) does not make the key of a plain word whose length
// is more than 3 above or 2 below the form's; no British spelling's
// American one is that far from it, so fCaps's tag terms (exactKey) are
// what the check would find.
func TestSpellingKeepsLengthsTheCheckAllows(t *testing.T) {
	words := map[string]bool{}
	for brit := range americanWords {
		words[brit] = true
	}
	for _, o := range ourStems {
		for _, end := range []string{"", "s", "ed", "ing", "able", "ite", "ers"} {
			words[o+end] = true
		}
	}
	for _, l := range doubledL {
		for _, end := range doubledLEndings {
			words[l+end] = true
		}
	}
	for w := range words {
		k := exactKey(w)
		if len(w) < len(k)-2 || len(w) > len(k)+3 {
			t.Errorf("%s → %s: %d bytes against %d, outside the check's bounds", w, k, len(w), len(k))
		}
	}
}
