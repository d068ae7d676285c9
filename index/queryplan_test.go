package index

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Words match as written: stemmed plain words, exact quoted forms,
// case-sensitive capitals, prefixes only when asked for or while typing.
func TestWordForms(t *testing.T) {
	ix := openFixtures(t)
	tests := []struct {
		query  string
		typing bool
		want   []string
	}{
		{"prison", false, []string{"2017/prisons"}},    // stemmed: prisons
		{`"prison"`, false, nil},                       // quoted: the form alone
		{`"prisons"`, false, []string{"2017/prisons"}}, // any case: Prisons
		{`"PRISONS"`, false, []string{"2017/prisons"}},
		{"travel", false, []string{"2017/prisons"}},       // travelling, stemmed
		{`"travel"`, false, nil},                          // not unstemmed
		{`"travelling"`, false, []string{"2017/prisons"}}, // British, as written
		{`"traveling"`, false, []string{"2017/prisons"}},  // one spelling of one word
		{`"defence"`, false, []string{"2017/manchester"}},
		{"Terrorism", false, []string{"2016/shouting", "2017/raqqa"}}, // one capital: a plain word
		{"TERRORISM", false, []string{"2016/shouting"}},               // capitals: that spelling
		{"MI5", false, []string{"2017/raqqa", "interviews/mi5"}},      // and its aliases
		{"IS", false, []string{"2017/manchester", "2017/raqqa"}},      // an alias of Isil (Isil’s)
		{"ISIL", false, []string{"2017/manchester", "2017/raqqa"}},    // Isil's, Islamic State, IS
		{`"islamic state"`, false, []string{"2017/manchester"}},
		{"radical", false, []string{"2017/prisons", "2017/raqqa"}}, // the stem radic
		{"radica", false, nil},                                     // no prefix unless typing
		{"radica", true, []string{"2017/prisons", "2017/raqqa"}},
		{"radical*", false, []string{"2017/prisons", "2017/raqqa"}},
		{"radicalis*", false, []string{"2017/prisons", "2017/raqqa"}}, // as written
		{"terr*", false, []string{"2016/shouting", "2017/raqqa"}},
		{"territo*", false, []string{"2017/raqqa"}}, // not terror, a truncation
		{"intervie", true, []string{"2017/raqqa", "interviews/mi5"}},
		{"internet", true, nil},
		{`"foreign fighters"`, false, []string{"2017/raqqa"}},
		{`"foreign fighter"`, false, nil},
	}
	for _, tt := range tests {
		r := run(t, ix, Query{Text: tt.query, Typing: tt.typing})
		if got := sortedIDs(r); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%q (typing %v): got %v, want %v (notes %q)", tt.query, tt.typing, got, tt.want, r.Notes)
		}
	}
}

// Snippets mark what matched: the exact form, not its relatives.
func TestExactFormsAreMarked(t *testing.T) {
	ix := openFixtures(t)
	r := run(t, ix, Query{Text: `"prisons"`})
	s := strings.Join(r.Hits[0].Snippets, " ") + r.Hits[0].TitleMarked
	if !strings.Contains(s, MarkStart+"Prisons"+MarkEnd) || !strings.Contains(s, MarkStart+"prisons"+MarkEnd) {
		t.Errorf("exact form not marked: %q", s)
	}
	r = run(t, ix, Query{Text: "TERRORISM"})
	if got := r.Hits[0].TitleMarked; got != "WHAT IS "+MarkStart+"TERRORISM"+MarkEnd {
		t.Errorf("capitals marked as %q", got)
	}
}

// Each note names what happened, and goes as soon as the query is valid.
func TestNotes(t *testing.T) {
	ix := openFixtures(t)
	tests := []struct {
		query  string
		typing bool
		note   string // a part of one note; "" for none
	}{
		{"foo:bar raqqa", false, "foo: is not a field, searched as words (fields: title, outlet, tag, author, kind)"},
		{"https://example.org raqqa", false, ""},
		{"mi5 or gchq", false, `lowercase "or" is ignored: write OR for either word`},
		{"mi5 OR gchq", false, ""},
		{"raqqa and isis", false, `lowercase "and" is ignored`},
		{"raqqa not isis", false, `lowercase "not" is ignored: write -word or NOT word`},
		{"raqqa or", false, ""}, // not between words
		{"-", false, "a lone - was ignored"},
		{"-", true, ""}, // being typed: -word may follow
		{"raqqa - isis", true, "a lone - was ignored"},
		{`"civil rights`, false, "unbalanced quote: searched as words"},
		{`"civil rights"`, false, ""},
		{"(raqqa OR isis", false, "unbalanced parenthesis"},
		{"raqqa) isis", false, "unbalanced parenthesis"},
		{"(raqqa OR isis)", false, ""},
		{`"(" raqqa`, false, ""}, // quoted
		{"tag:", false, "tag: needs a value"},
		{"tag:", true, ""},
		{"the of", false, `"the of" is too common to search for`},
		{"the raqqa", false, ""},
		{`"it is" raqqa`, false, `"it is" is too common to search for: searched without it`},
		{`raqqa -"it is"`, false, `"it is" is too common to search for: nothing left out for it`},
		{`raqqa -the`, false, `"the" is too common to search for: nothing left out for it`},
		{`raqqa -the`, true, ""}, // being typed: "-there" may follow
	}
	for _, tt := range tests {
		r := run(t, ix, Query{Text: tt.query, Typing: tt.typing})
		got := strings.Join(r.Notes, "; ")
		if tt.note == "" && got != "" || !strings.Contains(got, tt.note) {
			t.Errorf("%q (typing %v): notes %q, want %q", tt.query, tt.typing, got, tt.note)
		}
		if r.Hint != got {
			t.Errorf("%q: Hint %q differs from the notes %q", tt.query, r.Hint, got)
		}
	}
}

// A misspelt word is offered the index's own spelling, with its count.
func TestDidYouMean(t *testing.T) {
	ix := openFixtures(t)
	tests := []struct {
		query, fix, corrected string
		count                 int
	}{
		{"terorism", "terrorism", "terrorism", 2},
		{"raqa", "raqqa", "raqqa", 1},
		{"prisons manchestr", "manchester", "prisons manchester", 0}, // no piece has both
		{"radicalisaton", "radicalisation", "radicalisation", 2},
	}
	for _, tt := range tests {
		r := run(t, ix, Query{Text: tt.query})
		s := r.Suggestion
		if tt.count == 0 {
			if s != nil {
				t.Errorf("%q: suggested %+v, which finds nothing either", tt.query, s)
			}
			continue
		}
		if s == nil || s.Fix != tt.fix || s.Query != tt.corrected || s.Count != tt.count {
			t.Errorf("%q: suggestion %+v, want %s → %q (%d)", tt.query, s, tt.fix, tt.corrected, tt.count)
		}
	}
	for _, q := range []string{"raqqa", "terrorism", "zzzzqx", "raqqa~", `"raqa"`} {
		if r := run(t, ix, Query{Text: q}); r.Suggestion != nil {
			t.Errorf("%q: suggested %+v", q, r.Suggestion)
		}
	}
	// not while typing: the word is not finished
	if r := run(t, ix, Query{Text: "terorism", Typing: true}); r.Suggestion != nil {
		t.Errorf("suggested while typing: %+v", r.Suggestion)
	}
	// counts alone: only when asked (folio search --limit 0), not for the
	// reader's counts after its hits, which have it
	if r := run(t, ix, Query{Text: "terorism", Mode: ModeFacets}); r.Suggestion != nil {
		t.Errorf("suggested for counts not asking: %+v", r.Suggestion)
	}
	if r := run(t, ix, Query{Text: "terorism", Mode: ModeFacets, Suggest: true}); r.Suggestion == nil || r.Suggestion.Fix != "terrorism" {
		t.Errorf("counts asking: %+v", r.Suggestion)
	}
}

// While typing, a word under three letters is left out and said so; the
// prefix marker says when the word also matched as a prefix.
func TestTypingShortWordsAndMarker(t *testing.T) {
	ix := openFixtures(t)
	r := run(t, ix, Query{Text: "r", Typing: true})
	if r.Partial != "r" || r.Total != 8 {
		t.Errorf("r: partial %q, total %d; want the word left out and every piece", r.Partial, r.Total)
	}
	r = run(t, ix, Query{Text: "raqqa ra", Typing: true})
	if r.Partial != "ra" || !slices.Equal(sortedIDs(r), []string{"2017/raqqa"}) {
		t.Errorf("raqqa ra: partial %q, %v", r.Partial, sortedIDs(r))
	}
	if r = run(t, ix, Query{Text: "ra"}); r.Partial != "" {
		t.Errorf("ra not typing: partial %q", r.Partial)
	}
	// so in a quote not yet closed: `"islamic s` is `"islamic` while typed
	// (it matched nothing), and "s" a word as written
	for _, text := range []string{`"islamic s`, `"islamic st`, `"raqqa i`} {
		want := run(t, ix, Query{Text: text[:strings.LastIndex(text, " ")], Typing: true})
		if r = run(t, ix, Query{Text: text, Typing: true}); r.Partial != text[strings.LastIndex(text, " ")+1:] || r.Total != want.Total || r.Total == 0 {
			t.Errorf("%s typed: partial %q, total %d; want the last word left out and %d", text, r.Partial, r.Total, want.Total)
		}
		if r = run(t, ix, Query{Text: text}); r.Partial != "" {
			t.Errorf("%s as written: partial %q", text, r.Partial)
		}
	}
	if r = run(t, ix, Query{Text: "radica", Typing: true}); r.Typed != "radica" {
		t.Errorf("radica typing: marker %q", r.Typed)
	}
	if r = run(t, ix, Query{Text: "radica "}); r.Typed != "" {
		t.Errorf("radica finished: marker %q", r.Typed)
	}
	if r = run(t, ix, Query{Text: "xinjiang", Typing: true}); r.Typed != "" {
		t.Errorf("xinjiang: marker %q though nothing else starts with it", r.Typed)
	}
}

// A query with no word to match (a first letter typed, words too common)
// answers as the query without text, from its result cached, with its own
// notes: the same hits, count and facets, snippets for every row.
func TestNoWordQueryIsTheListWithoutText(t *testing.T) {
	ix := openFixtures(t)
	all := run(t, ix, Query{Limit: 5})
	for _, q := range []Query{{Text: "r", Typing: true, Snippets: 2, Limit: 5}, {Text: "the", Limit: 5}} {
		r := run(t, ix, q)
		if r.Took != all.Took {
			t.Errorf("%q: searched again (took %v), not the list's result (%v)", q.Text, r.Took, all.Took)
		}
		if r.Total != all.Total || !slices.Equal(ids(r), ids(all)) || !reflect.DeepEqual(r.Facets, all.Facets) {
			t.Errorf("%q: %d %v, want the list's %d %v and its facets", q.Text, r.Total, ids(r), all.Total, ids(all))
		}
		for i, h := range r.Hits {
			if !slices.Equal(h.Snippets, all.Hits[i].Snippets) {
				t.Errorf("%q hit %d: snippets %q, want %q", q.Text, i, h.Snippets, all.Hits[i].Snippets)
			}
		}
	}
	if r := run(t, ix, Query{Text: "r", Typing: true, Limit: 5}); r.Partial != "r" || len(all.Notes) != 0 {
		t.Errorf("r: partial %q (the list's notes %q)", r.Partial, all.Notes)
	}
	if r := run(t, ix, Query{Text: "the", Limit: 5}); len(r.Notes) == 0 || r.Partial != "" {
		t.Errorf("the: notes %q, partial %q; want a note on the word left out", r.Notes, r.Partial)
	}
}

// The forms stemming searched are those marked in the hits.
func TestFormsSearched(t *testing.T) {
	ix := openFixtures(t)
	r := run(t, ix, Query{Text: "prison"})
	if !slices.Equal(r.Forms, []string{"prison → prisons"}) && len(r.Forms) != 0 {
		t.Errorf("forms %q", r.Forms)
	}
	r = run(t, ix, Query{Text: "radicalization"})
	if len(r.Forms) != 0 {
		t.Errorf("one form, shown as forms: %q", r.Forms)
	}
	words := [][2]string{{"aids", "aid"}}
	hits := []Hit{{TitleMarked: MarkStart + "AIDS" + MarkEnd + " and " + MarkStart + "aid" + MarkEnd, Snippets: []string{MarkStart + "aided" + MarkEnd + ", " + MarkStart + "aid" + MarkEnd}}}
	if got := formsFound(words, hits); !slices.Equal(got, []string{"aids → aid, aided, aids"}) {
		t.Errorf("formsFound = %q", got)
	}
}

// The forms line names the word as a word, without the query's punctuation.
func TestFormsNameTheWord(t *testing.T) {
	p := buildPlan(parseQuery("(prisons", false), nil)
	if w := p.widened(); len(w) != 1 || w[0] != [2]string{"prisons", "prison"} {
		t.Errorf("widened %q", w)
	}
}
