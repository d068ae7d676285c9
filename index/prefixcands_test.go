package index

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestPrefixCandidatesHoldEveryWord: for every word of the bundled archive
// and of the State of the Union addresses, and every prefix of it that
// word* searches, the prefix's candidates (the stems whose pieces are
// read and checked) hold the word's stem. A shorter prefix found fewer
// pieces than a longer one: defenc* none where defen* and defence* found
// defence (its stem is defens), tryin* none (trying: tri), labou* none
// (labour: labor), organizatio* none (organization: organ).
func TestPrefixCandidatesHoldEveryWord(t *testing.T) {
	parallel(t)
	words := map[string]bool{}
	add := func(arts []archive.Article) {
		for _, a := range arts {
			for _, w := range textWords(strings.Join([]string{a.Title, a.Body, strings.Join(a.Tags, " ")}, "\n")) {
				words[w] = true
			}
		}
	}
	bundled, _ := archive.Load(archive.Bundled())
	add(bundled.Articles)
	if dir, ok := testcorpus.Find("sotu"); ok {
		sotu, _, err := archive.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		add(sotu.Articles)
	} else {
		t.Log("without the SOTU corpus: the bundled archive's words only")
	}
	for brit := range americanWords { // every spelling rule's word
		words[brit] = true
	}
	for _, o := range ourStems {
		words[o], words[o+"able"], words[o+"ers"] = true, true, true
	}
	checked, failed := 0, 0
	var examples []string
	// prefixUnit is a pure function of the prefix, and the words share
	// most of their prefixes: each is planned once (the test took 29 s of
	// a loaded CI run planning them again for every word)
	units := map[string]unit{}
	for w := range words {
		stem := normalizeTerm(w)
		if stem == "" || isUpperTerm(stem) || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
			continue // a stop word (not in the index); numbers are not words here
		}
		rs := []rune(strings.ToLower(w))
		for n := minExplicitPrefix; n <= len(rs); n++ {
			pre := foldPrefix(string(rs[:n]))
			if utf8.RuneCountInString(pre) < minExplicitPrefix || !strings.HasPrefix(foldPrefix(w), pre) {
				continue
			}
			checked++
			if strings.HasPrefix(stem, pre) {
				continue // a candidate of every prefix unit: pre itself
			}
			u, ok := units[pre]
			if !ok {
				u = prefixUnit(pre)
				units[pre] = u
			}
			if hasAnyPrefix(stem, u.terms) || slices.Contains(u.variants, stem) {
				continue
			}
			failed++
			if len(examples) < 40 {
				examples = append(examples, pre+"* → "+w+" ("+stem+")")
			}
		}
	}
	slices.Sort(examples)
	t.Logf("%d words, %d prefixes checked", len(words), checked)
	if failed > 0 {
		t.Errorf("%d of %d prefixes miss their word's stem; e.g.\n%s", failed, checked, strings.Join(examples, "\n"))
	}
}
