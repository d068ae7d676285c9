package index

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPhraseFormsAsScanned: a phrase's forms are found as the words are
// scanned (formMatcher.in) exactly where the words' keys, made one by one,
// have them in a row: repeated and overlapping words ("new new york"),
// the phrase at the start, the end, twice, or cut by punctuation that the
// tokenizer drops, a British spelling with another first letter (gaol is
// jail), a lone form.
func TestPhraseFormsAsScanned(t *testing.T) {
	words := []string{"new", "New", "NEW", "york", "York", "the", "state's", "states", "über", "Über", "nyc", "gaol", "Jail", "guards"}
	seps := []string{" ", " ", "  ", ", ", ". ", "\n", " — "}
	phrases := [][]string{{"new", "york"}, {"new", "new", "york"}, {"york", "new"}, {"the", "state's"}, {"über", "states"}, {"new", "new"},
		{"jail", "guards"}, {"new", "jail"}, {"jail"}}
	r := rand.New(rand.NewPCG(1, 2))
	for _, kind := range []unitKind{uExact, uCase} {
		for _, forms := range phrases {
			if kind == uCase {
				forms = []string{"New", "York"}
			}
			m := formMatcher{kind: kind, forms: forms}
			for range 2000 {
				var b strings.Builder
				for i := range r.IntN(9) {
					if i > 0 {
						b.WriteString(seps[r.IntN(len(seps))])
					}
					b.WriteString(words[r.IntN(len(words))])
				}
				text := b.String()
				want := false
				keys := textWords(text)
				for i := 0; i+len(forms) <= len(keys); i++ {
					all := true
					for j, f := range forms {
						if m.key([]byte(keys[i+j])) != f {
							all = false
							break
						}
					}
					want = want || all
				}
				if got := m.in([]byte(text)); got != want {
					t.Fatalf("kind %d, forms %q in %q: %v, want %v", kind, forms, text, got, want)
				}
			}
		}
	}
}

// TestPrefixFindsBritishSpellings: a prefix of an American spelling finds
// the British one that begins with another letter (jai* finds gaol,
// estrog* oestrogen), as the whole word does.
func TestPrefixFindsBritishSpellings(t *testing.T) {
	for _, c := range []struct {
		prefix, text string
		want         bool
	}{
		{"jai", "The GAOL guards", true}, {"jail", "the gaol", true}, {"estrog", "Oestrogen only", true},
		{"jai", "the goal", false}, {"gao", "the gaol", true},
	} {
		m := formMatcher{kind: uPrefix, prefix: c.prefix}
		if got := m.in([]byte(c.text)); got != c.want {
			t.Errorf("%s* in %q: %v, want %v", c.prefix, c.text, got, c.want)
		}
	}
}
