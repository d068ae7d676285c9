package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// compoundPieces are pieces that spell compounds each way, and words
// joined otherwise than by a hyphen.
var compoundPieces = map[string]string{
	"closed.md":     "The counterterrorism budget grew again this year.",
	"hyphen.md":     "Britain's counter-terrorism budget grew again this year.",
	"u2010.md":      "A counter\u2010terrorism law was passed in the spring.",
	"u2011.md":      "A counter\u2011terrorism unit was formed in the spring.",
	"lineend.md":    "Police officers doing counter-\n  terrorism work were thanked.",
	"blank.md":      "A counter-\n\nterrorism split by a blank line is two paragraphs.",
	"slug.md":       "See isis-returns-to-raqqa-once-again for more.",
	"spaced.md":     "The counter terrorism police were thanked.",
	"dash.md":       "He spoke of the counter - terrorism work, and of much else.",
	"endash.md":     "The counter\u2013terrorism line was drawn.",
	"art.md":        "A state-of-the-art system was bought.",
	"covid.md":      "How covid-19 spread through the wards.",
	"covidword.md":  "How covid19 spread through the schools.",
	"nineeleven.md": "The 9-11 attacks, and the years 2014-15.",
	"rapist.md":     "The rapist was convicted.",
	"related.md":    "Counter-terrorism-related spending rose.",
	// hyphens written as character references
	"refminus.md":   "A counter&#45;terrorism plan was drawn up in May.",
	"refhyphen.md":  "Counter&hyphen;terrorism officers met in the spring.",
	"ref8209.md":    "The counter&#8209;terrorism office was opened.",
	"reflineend.md": "Officers doing counter&#x2D;\n  terrorism work were thanked.",
	"refndash.md":   "The counter&ndash;terrorism line was drawn.",
}

func openCompoundArchive(t *testing.T) *Index {
	t.Helper()
	dir := t.TempDir()
	for name, body := range compoundPieces {
		text := "---\ntitle: " + strings.TrimSuffix(name, ".md") + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
}

// TestCompoundsFoundInEitherSpelling: a closed word finds the pieces that
// hyphenate it (a hyphen-minus, U+2010, U+2011, a hyphen at a line's
// end), and a hyphenated one the pieces that close it; a dash is no
// hyphen, numbers joined by one are not a word, a quoted word is the
// form as written; word* finds a closed word's pieces in either spelling.
func TestCompoundsFoundInEitherSpelling(t *testing.T) {
	ix := openCompoundArchive(t)
	hyphenated := []string{"hyphen", "lineend", "related", "u2010", "u2011", "refminus", "refhyphen", "ref8209", "reflineend"}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"counterterrorism", append([]string{"closed"}, hyphenated...)},
		{"Counterterrorism", append([]string{"closed"}, hyphenated...)},
		// the words side by side, a dash between them or not, as before
		{"counter-terrorism", append([]string{"closed", "spaced", "dash", "endash", "refndash"}, hyphenated...)},
		{"counter\u2010terrorism", append([]string{"closed", "spaced", "dash", "endash", "refndash"}, hyphenated...)},
		{`"counter terrorism"`, append([]string{"spaced", "dash", "endash", "refndash"}, hyphenated...)},
		{`"counter-terrorism"`, append([]string{"spaced", "dash", "endash", "refndash"}, hyphenated...)},
		{`"counterterrorism"`, []string{"closed"}},
		// a prefix finds the closed word however written, as the word
		// being typed does (TestTypedWordCountsWhatWordOrPrefixCounts)
		{"counterterr*", append([]string{"closed"}, hyphenated...)},
		{"counterterrorismrelated", []string{"related"}},
		{"terrorismrelated", []string{"related"}},
		{"stateoftheart", []string{"art"}},
		{"state-of-the-art", []string{"art"}},
		{"covid19", []string{"covid", "covidword"}},
		{"covid-19", []string{"covid", "covidword"}},
		{"911", nil},
		{"201415", nil},
		{"9-11", []string{"nineeleven"}},
		{"therapist", nil},
		{"isisreturns", nil},
		{"raqqaagain", nil},
	} {
		got := sortedIDs(run(t, ix, Query{Text: c.q}))
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) && (len(got) > 0 || len(c.want) > 0) {
			t.Errorf("%s: found %v, want %v", c.q, got, c.want)
		}
		facets := run(t, ix, Query{Text: c.q, Mode: ModeFacets})
		if facets.Total != len(got) {
			t.Errorf("%s: the facets count %d pieces, the hits %d", c.q, facets.Total, len(got))
		}
	}
}

// TestCompoundMarkedAsWritten: a closed word is marked over the
// hyphenated spelling that matched it, and a hyphenated one over the
// closed.
func TestCompoundMarkedAsWritten(t *testing.T) {
	ix := openCompoundArchive(t)
	for _, c := range []struct{ q, id, mark string }{
		{"counterterrorism", "hyphen", "counter-terrorism"},
		{"counterterrorism", "u2010", "counter\u2010terrorism"},
		{"counterterrorism", "related", "Counter-terrorism"},
		{"counterterrorism", "lineend", "counter-"},
		{"counterterrorism", "refminus", "counter-terrorism"},
		{"counterterrorism", "ref8209", "counter\u2011terrorism"},
		{"counterterrorism", "refhyphen", "Counter\u2010terrorism"},
		{"counter-terrorism", "closed", "counterterrorism"},
		{"counter-terrorism", "hyphen", "counter-terrorism"},
		{"stateoftheart", "art", "state-of-the-art"},
		{"covid19", "covid", "covid-19"},
	} {
		r := run(t, ix, Query{Text: c.q})
		k := slices.IndexFunc(r.Hits, func(h Hit) bool { return h.ID == c.id })
		if k < 0 {
			t.Fatalf("%s: %s not found", c.q, c.id)
		}
		snip := strings.Join(r.Hits[k].Snippets, " ")
		if !strings.Contains(snip, MarkStart+c.mark) {
			t.Errorf("%s: %s's snippets %q do not mark %q", c.q, c.id, snip, c.mark)
		}
	}
	// a run of five words is joined nowhere: not marked either
	for _, q := range []string{"isisreturns OR raqqa", "raqqaagain OR raqqa", "returnsto OR raqqa"} {
		r := run(t, ix, Query{Text: q})
		if len(r.Hits) != 1 || r.Hits[0].ID != "slug" {
			t.Fatalf("%s: found %v", q, ids(r))
		}
		if snip := strings.Join(r.Hits[0].Snippets, " "); strings.Count(snip, MarkStart) != 1 {
			t.Errorf("%s: %q", q, snip)
		}
	}
}

// TestCompoundScoresAsTheWord: a piece that hyphenates a word scores as
// one that closes it, for either spelling searched: the compound is not
// counted on top of its words, nor makes its piece longer.
func TestCompoundScoresAsTheWord(t *testing.T) {
	ix := openCompoundArchive(t)
	for _, q := range []string{"counterterrorism", "counter-terrorism", "counterterrorism budget"} {
		r := run(t, ix, Query{Text: q})
		score := map[string]float64{}
		for _, h := range r.Hits {
			score[h.ID] = h.Score
		}
		c, h := score["closed"], score["hyphen"]
		if c == 0 || h == 0 {
			t.Fatalf("%s: closed %v, hyphenated %v", q, c, h)
		}
		if ratio := h / c; ratio < 0.67 || ratio > 1.5 {
			t.Errorf("%s: the hyphenated piece scores %.4f, the closed one %.4f", q, h, c)
		}
		t.Logf("%s: hyphenated %.4f closed %.4f", q, h, c)
	}
}

// TestTermsLeaveOutTheQuerysCompound: folio terms leaves out the query's
// own word in its other spellings: the words of counter-terrorism side by
// side for counterterrorism, the closed word for counter-terrorism.
func TestTermsLeaveOutTheQuerysCompound(t *testing.T) {
	ix := openCompoundArchive(t)
	for _, q := range []string{"counterterrorism", "counter-terrorism"} {
		r, err := ix.Terms(context.Background(), Query{Text: q}, TermsOptions{N: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Terms) == 0 {
			t.Fatalf("%s: no terms: the test tells nothing", q)
		}
		for _, st := range r.Terms {
			if strings.Contains(st.Key, "counter") || strings.Contains(st.Key, "terror") {
				t.Errorf("%s: lists %q (%s)", q, st.Term, st.Key)
			}
		}
	}
}
