package index

import (
	"context"
	"maps"
	"slices"
	"testing"
)

// TestPairsOf: two common words one place apart make a pair, as stems; a
// stop word between them, a rare word or the end of the text makes none.
func TestPairsOf(t *testing.T) {
	for text, want := range map[string][]string{
		"The United States, and its people.":  {"unit state"},
		"states of the union":                 nil, // "of the" between
		"United Nations Security Council":     {"unit nation", "nation secur"},
		"Congressional zeppelin states":       nil,
		"war":                                 nil,
		"national security national security": {"nation secur", "secur nation", "nation secur"},
	} {
		var got []string
		for _, tk := range pairsOf(textAnalyzer.Analyze([]byte(text))) {
			got = append(got, string(tk.Term))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: pairs %q, want %q", text, got, want)
		}
	}
}

// TestPairsNarrowPhrases: a quoted phrase of two common words finds the
// same pieces, in the same order with the same scores, with the pairs as
// without, and reads the positions of fewer candidates: only those with
// the pair; a phrase with a rarer word is searched as before.
func TestPairsNarrowPhrases(t *testing.T) {
	ix := openGenerated(t, 400, 7) // read only: the index built once
	defer ix.Close()
	defer func() { pairFilter = true }()
	search := func(text string, pairs bool) (Results, int64) {
		pairFilter = pairs
		ix.cache.clear()
		ix.cur.phrases.mu.Lock() // what an earlier search learnt of the phrase
		ix.cur.phrases.entries = nil
		ix.cur.phrases.mu.Unlock()
		c0 := checkedCandidates.Load()
		r, err := ix.Search(context.Background(), Query{Text: text, Limit: 1000, Mode: ModeHits})
		if err != nil {
			t.Fatal(err)
		}
		return r, checkedCandidates.Load() - c0
	}
	narrowed := 0
	for _, text := range []string{`"united states"`, `"the united states"`, `"national security"`, `"american people"`, `"commercial vessels"`, `"state of the union"`} {
		with, readWith := search(text, true)
		without, readWithout := search(text, false)
		if with.Total != without.Total || len(with.Hits) != len(without.Hits) {
			t.Fatalf("%s: %d pieces with the pairs, %d without", text, with.Total, without.Total)
		}
		for i := range with.Hits {
			if with.Hits[i].ID != without.Hits[i].ID || with.Hits[i].Score != without.Hits[i].Score {
				t.Fatalf("%s hit %d: %s %g with the pairs, %s %g without", text, i,
					with.Hits[i].ID, with.Hits[i].Score, without.Hits[i].ID, without.Hits[i].Score)
			}
		}
		if readWith > readWithout {
			t.Fatalf("%s: %d candidates read with the pairs, %d without", text, readWith, readWithout)
		}
		if readWith < readWithout {
			narrowed++
		}
		t.Logf("%s: %d pieces; positions read in %d candidates with the pairs, %d without", text, with.Total, readWith, readWithout)
	}
	if narrowed < 3 {
		t.Fatalf("the pairs narrowed %d phrases of common words", narrowed)
	}
}

// TestAliasPairsAreTheSynonyms: the pairs indexed for the synonyms'
// names are the two terms side by side in each bundled name of several
// words, as the analyser makes them.
func TestAliasPairsAreTheSynonyms(t *testing.T) {
	s, err := LoadSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, g := range s.groups {
		for _, v := range g {
			for i := 1; i < len(v); i++ {
				if v[i-1] != "" && v[i] != "" {
					want[v[i-1]+pairSep+v[i]] = true
				}
			}
		}
	}
	got := map[string]bool{}
	for a, bs := range aliasPairs {
		for b := range bs {
			got[a+pairSep+b] = true
		}
	}
	if !maps.Equal(got, want) {
		t.Fatalf("aliasPairs %v, the bundled synonyms' %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	if !want["islam state"] {
		t.Fatal("no pair for Islamic State")
	}
}

// TestAliasPhrasesByPair: a name of two words (Islamic State) is the
// pieces with its pair: the same pieces, order and scores as its
// positions give, none read, typed as a name of ISIS too; a longer name
// reads positions only in the pieces with its pairs.
func TestAliasPhrasesByPair(t *testing.T) {
	ix := openGenerated(t, 400, 7) // read only: the index built once
	defer ix.Close()
	defer func() { pairFilter = true }()
	search := func(q Query, pairs bool) (Results, int64) {
		pairFilter = pairs
		ix.cache.clear()
		ix.cur.phrases.mu.Lock()
		ix.cur.phrases.entries = nil
		ix.cur.phrases.mu.Unlock()
		c0 := phrasePositionReads.Load()
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		return r, phrasePositionReads.Load() - c0
	}
	for _, q := range []Query{
		{Text: `"islamic state"`, Limit: 1000, Mode: ModeHits},
		{Text: "isi", Typing: true, Limit: 1000, Mode: ModeHits},
		{Text: `"foreign fighters"`, Limit: 1000, Mode: ModeHits},
	} {
		with, readWith := search(q, true)
		without, readWithout := search(q, false)
		if with.Total == 0 || with.Total != without.Total || len(with.Hits) != len(without.Hits) {
			t.Fatalf("%+v: %d pieces with the pairs, %d without", q, with.Total, without.Total)
		}
		for i := range with.Hits {
			if with.Hits[i].ID != without.Hits[i].ID || with.Hits[i].Score != without.Hits[i].Score {
				t.Fatalf("%+v hit %d: %s %g with the pairs, %s %g without", q, i,
					with.Hits[i].ID, with.Hits[i].Score, without.Hits[i].ID, without.Hits[i].Score)
			}
		}
		if readWithout == 0 {
			t.Fatalf("%+v: no positions read without the pairs", q)
		}
		if q.Typing && readWith >= readWithout || !q.Typing && readWith != 0 {
			t.Fatalf("%+v: positions read in %d pieces with the pairs, %d without", q, readWith, readWithout)
		}
		t.Logf("%+v: %d pieces; positions read in %d with the pairs, %d without", q.Text, with.Total, readWith, readWithout)
	}
}

// TestCommonWordsAreTerms: the 128 common words are terms the analyser
// keeps (a stop word would never stand in a pair).
func TestCommonWordsAreTerms(t *testing.T) {
	if len(commonWords) != 128 {
		t.Errorf("%d common words, want 128", len(commonWords))
	}
	for w := range commonWords {
		if _, stop := stopWords[w]; stop {
			t.Errorf("common word %q is a stop word", w)
		}
	}
}
