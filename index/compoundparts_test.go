package index

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// oldCompoundParts is how the parts were found before countSample found
// them: the sample tokenised a second time (withCompoundParts), kept as
// the oracle of countSample's skip.
func oldCompoundParts(texts [][][]byte, skip map[string]bool) map[string]bool {
	out, cloned := skip, false
	for _, t := range texts {
		for _, b := range t {
			if bytes.IndexByte(b, '-') < 0 && !bytes.Contains(b, []byte("\u2010")) && !bytes.Contains(b, []byte("\u2011")) {
				continue
			}
			ts := wordTokenizer{}.Tokenize(b)
			for _, c := range compoundsOf(b, ts) {
				start, end := c.Start, c.End
				if f := compoundTerms(analysis.TokenStream{c}); len(f) == 0 || !skip[string(f[0].Term)] {
					continue
				}
				if !cloned {
					out, cloned = maps.Clone(skip), true
				}
				for _, w := range ts {
					if w.Start >= start && w.End <= end {
						if n := normalizeTerm(string(w.Term)); n != "" {
							out[n] = true
						}
					}
				}
			}
		}
	}
	return out
}

// compoundSample is the SOTU addresses up to maxTermsBytes, as much as
// Terms reads (a file a piece, its text one field), or without them a few hyphenated texts, and a skip of words
// with the closed words of some of their compounds.
func compoundSample(t testing.TB) ([][][]byte, map[string]bool) {
	var texts [][][]byte
	if dir, ok := testcorpus.Find("sotu"); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		n := 0
		for _, f := range files {
			if n >= maxTermsBytes {
				break
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, [][]byte{b})
			n += len(b)
		}
	}
	if len(texts) == 0 {
		for _, s := range []string{
			"Britain's counter-terrorism budget grew; counter\u2010terrorism again.",
			"A self-\n  governing year-to-year plan, counter-Terrorism and the state-of-the-art.",
			"No hyphen here: counterterrorism and self government.",
		} {
			texts = append(texts, [][]byte{[]byte(s), []byte("Title " + s[:10])})
		}
	}
	skip := map[string]bool{"budget": true, "state": true}
	for _, w := range []string{"counter-terrorism", "self-governing", "year-to-year", "state-of-the-art", "self-government", "well-being", "long-term"} {
		if c := queryCompound(w); c != "" {
			skip[c] = true
		}
	}
	return texts, skip
}

// countSample's skip is what tokenising the sample again found, its
// counts are those without a skip, and the skip it is given is not
// changed.
func TestCountSampleCompoundParts(t *testing.T) {
	texts, skip := compoundSample(t)
	before := maps.Clone(skip)
	want := oldCompoundParts(texts, skip)
	sc, got := countSample(texts, skip)
	if !maps.Equal(got, want) {
		t.Errorf("skip with the compounds' parts:\n got %v\nwant %v", got, want)
	}
	if len(got) == len(skip) {
		t.Errorf("no compound's parts found in the sample: %v", got)
	}
	if !maps.Equal(skip, before) {
		t.Errorf("skip changed: %v", skip)
	}
	plain, same := countSample(texts, nil)
	if same != nil {
		t.Errorf("a nil skip became %v", same)
	}
	sc.skip, sc.parts, sc.cloned = nil, nil, false
	if !reflect.DeepEqual(sc.terms, plain.terms) || !reflect.DeepEqual(sc.pairs, plain.pairs) || !reflect.DeepEqual(sc.forms, plain.forms) {
		t.Error("the counts differ with a skip")
	}
}

// BenchmarkCountSample: counting a sample and finding its compounds'
// parts, in one tokenising (countSample) and as before, tokenising the
// hyphenated texts again (go test ./index -run '^$' -bench CountSample).
func BenchmarkCountSample(b *testing.B) {
	texts, skip := compoundSample(b)
	b.Run("once", func(b *testing.B) {
		for b.Loop() {
			countSample(texts, skip)
		}
	})
	b.Run("twice", func(b *testing.B) {
		for b.Loop() {
			countSample(texts, nil)
			oldCompoundParts(texts, skip)
		}
	})
}
