package index

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
)

// formsPieces write the bundled aliases every way the check reads them
// or not: an accent, a curly possessive, capitals, a shouted line, a
// break between two words of a name (in a piece its stems make a
// candidate), a name across a title and the text,
// a plural, a name in code, a name in a tag, stop words in capitals.
var formsPieces = map[string]string{
	"accent.md":   "---\ndate: 2017-05-01\ntitle: Accents\n---\n\nThe Dáesh and Isil’s fighters; DAISH.\n",
	"broken.md":   "---\ndate: 2017-05-01\ntitle: The Islamic\n---\n\nState of the union.\n\nIslamic\n\nState again. Islamic States: a candidate by its stems.\n",
	"plural.md":   "---\ndate: 2017-05-01\ntitle: Plurals\n---\n\nIslamic States and the Security Services; isils.\n",
	"shouted.md":  "---\ndate: 2017-05-01\ntitle: Shouting\n---\n\nTHE ISLAMIC STATE OF IRAQ AND SYRIA. AQAP IN THE ARABIAN PENINSULA.\n",
	"names.md":    "---\ndate: 2017-05-01\ntitle: Names\n---\n\nAl Qa’ida and al-Qaeda IN the Arabian Peninsula; the Islamic State of Iraq and the Levant.\n",
	"code.md":     "---\ndate: 2017-05-01\ntitle: Code\n---\n\n```\nislamic_state = daesh\n```\n\n    Islamic State\n",
	"tagged.md":   "---\ndate: 2017-05-01\ntitle: Tagged\ntags: [islamic state, security-service]\n---\n\nNothing else.\n",
	"authors.md":  "---\ndate: 2017-05-01\ntitle: Authors\nauthors: [Islamic, State Department]\n---\n\nSecurity\n",
	"possess.md":  "---\ndate: 2017-05-01\ntitle: Possessives\n---\n\nThe Islamic State's leader; the Security Service’s head; Boko-Haram.\n",
	"numbers.md":  "---\ndate: 2017-05-01\ntitle: Numbers\n---\n\nOn 7/7, 7 July 2005 and July 7 2005; 9/11 and September 11 2001.\n",
	"spelling.md": "---\ndate: 2017-05-01\ntitle: Spelling\n---\n\nThe Prevent programme and the Prevent program; countering violent extremism.\n",
}

// TestAliasesAsWrittenAnswerAsWhenEveryTextWasRead: the bundled aliases
// as written answer from fCaps's form terms as they did when every
// candidate's text was read (the same pieces, in the same order, with the
// same scores and facets), reading fewer texts.
func TestAliasesAsWrittenAnswerAsWhenEveryTextWasRead(t *testing.T) {
	dirs := hostileAndSOTU(t, formsPieces)
	bdir := dirs["bundled"]
	queries := []string{"ISIS", "ISIL", "IS", "AQAP", "AQIM", "AQ", "ISWAP", "MI5", "MI6", "SIS", "GCHQ", "CVE", "FTF",
		`"Islamic State"`, `"islamic state of iraq and syria"`, `"al Qaeda in the Arabian Peninsula"`, `"Daesh"`,
		`"daesh" OR "isil"`, `"Islamic State" -raqqa`, `"security service"`, `"July 7 2005"`, `"7/7"`, `"9/11"`,
		`title:"Islamic State"`, `"Prevent programme"`, `"countering violent extremism"`, `"state of the union"`,
		`"the islamic"`, `"ISIS" "Islamic State"`, `tag:isis "Islamic State"`}
	fewer, found := 0, 0
	for _, c := range compareEach(t, dirs, queries, &noFormFacts) {
		fewer, found = fewer+c.fewer, found+c.found
	}
	if n := len(queries) * len(dirs); fewer < n/2 || found < n/3 {
		t.Errorf("%d of %d searches read fewer texts, %d found pieces", fewer, n, found)
	}
	// the pieces the hostile ones are for, found or not by the check
	// itself (the comparison above holds either way)
	ix, err := Open(context.Background(), bdir, os.DirFS(bdir), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][2][]string{
		`"Islamic State"`:                     {{"shouted", "names", "tagged", "possess", "code"}, {"broken", "plural", "authors"}},
		`"Daesh"`:                             {{"accent", "code"}, {"plural"}},
		`"isil"`:                              {{"accent"}, {"plural"}},
		`"security service"`:                  {{"possess", "tagged"}, {"plural", "authors"}},
		`"al Qaeda in the Arabian Peninsula"`: {{"names"}, {"shouted"}},
		`"Prevent program"`:                   {{"spelling"}, nil},
	} {
		r := run(t, ix, Query{Text: q, Limit: 1000})
		got := map[string]bool{}
		for _, h := range r.Hits {
			got[h.ID] = true
		}
		for _, w := range want[0] {
			if !got[w] {
				t.Errorf("%s: %s not found (%v)", q, w, ids(r))
			}
		}
		for _, w := range want[1] {
			if got[w] {
				t.Errorf("%s: %s found (%v)", q, w, ids(r))
			}
		}
	}
}

// TestFormFactsArePinned: the forms fCaps records are the bundled
// synonyms' (formsOfSynonyms), as listed: a change to synonyms.txt that
// changes them fails here until the lists and SchemaVersion change with
// it (an index built with other forms would answer wrongly).
func TestFormFactsArePinned(t *testing.T) {
	s := &Synonyms{byFirst: map[string][]variantRef{}}
	s.add("", bundledSynonyms)
	single, pairs := formsOfSynonyms(s)
	ff := bundledForms()
	var got []string
	for w, f := range ff.words {
		if f&formSingle != 0 {
			got = append(got, w)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, single) {
		t.Errorf("aliasFormList %v, the bundled synonyms' %v", got, single)
	}
	if got := sortedKeys(ff.pairs); !slices.Equal(got, pairs) {
		t.Errorf("aliasFormPairList %v, the bundled synonyms' %v", got, pairs)
	}
	for _, p := range pairs {
		if first, _, _ := strings.Cut(p, " "); ff.words[first]&formFirst == 0 {
			t.Errorf("%s: %s is not a pair's first form", p, first)
		}
	}
	if len(single) < 3 || len(pairs) < 10 {
		t.Errorf("%d forms and %d pairs: the synonyms were not read", len(single), len(pairs))
	}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// FuzzFilterKeysAreExactKeys: the key the filter reports for each word
// (normalizeFilter.filter's keyed, which fCaps's form terms are made
// from) is its exactKey, the check's, stop words and acronyms included;
// a word whose exactKey is empty is reported with none.
func FuzzFilterKeysAreExactKeys(f *testing.F) {
	for _, text := range formsPieces {
		f.Add(text)
	}
	f.Add("IS’s US'S ÉTA MI5 5G A.B.C. x'S Ǆ o’brien Qa‘ida ’’ 'S it's")
	f.Add("Vapourise colourised labour's WHAT IS TERRORISM? IS IT. programmes")
	f.Fuzz(func(t *testing.T, text string) {
		toks := wordTokenizer{}.Tokenize([]byte(text))
		want := map[int]string{}
		for _, tok := range toks {
			if k := exactKey(string(tok.Term)); k != "" {
				want[tok.Position] = k
			}
		}
		got := map[int]string{}
		normalizeFilter{}.filter(toks, nil, func(pos int, key []byte) {
			if _, ok := got[pos]; ok {
				t.Fatalf("%q: the word at %d keyed twice", text, pos)
			}
			got[pos] = string(key)
		})
		for pos, k := range want {
			if got[pos] != k {
				t.Errorf("%q: the word at %d keyed %q, its exactKey %q", text, pos, got[pos], k)
			}
		}
		for pos, k := range got {
			if _, ok := want[pos]; !ok {
				t.Errorf("%q: the word at %d keyed %q, its exactKey empty", text, pos, k)
			}
		}
	})
}
