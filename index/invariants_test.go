package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// TestCountsAgreeAcrossQueries holds, on the State of the Union addresses
// and on the bundled archive with a republished copy, what two helpers'
// attacks checked by the thousand (2026-12-03): the pieces of a OR b are
// those of a and of b; of a b, those of both; of a -b, those of a less
// those of a b (before copies are collapsed; collapsed, each query counts
// the groups among its matches); each facet's count (tags, outlets, authors, kinds, languages, years,
// months) is the total of the query with that value filtered, copies
// collapsed or not; a trend counts the search's total, and a year's point
// is the total of that year. Words of every form: stemmed, quoted, a prefix,
// capitals, an alias, a field, and words drawn from the archive's own
// text (seeded: the same each run).
func TestCountsAgreeAcrossQueries(t *testing.T) {
	parallel(t)
	// the two archives' checks share nothing: each runs beside the other
	t.Run("sotu", func(t *testing.T) {
		parallel(t)
		dir, ix := openSOTU(t, Options{Synonyms: testSynonyms(t)}) // read only: the index built once
		words := []string{"railroad", `"taxes"`, "tax*", "comi*", "NATO", "terrorism", "isis",
			"foreign fighters", "title:union", "slavery", "tryin*", `"united states"`}
		words = append(words, drawnWords(t, dir, 3, 1)...)
		countsAgree(t, ix, words, []string{"", "railroad", "tax*", "isis"}, false)
	})
	t.Run("bundled", func(t *testing.T) {
		parallel(t)
		bdir, _, cp := copyBundled(t)
		// the copy has a tag its original has not, which one other piece has:
		// collapsed, the group counts for it once its copy matches
		for _, f := range []string{cp + ".md", "2017-06-07-intelligence-is-fragmented-by-nature.md"} {
			p := filepath.Join(bdir, filepath.FromSlash(f))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), "tags: [", "tags: [reprints, ", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// languages of several kinds: a region's (en-GB, en-US) under its
		// language's row (en), another language, a name, none (the rest);
		// the copy and its original in two
		for f, lang := range map[string]string{cp + ".md": "en-GB", "2017-10-19-raqqa-terror-is-here-to-stay.md": "en",
			"2017-06-07-intelligence-is-fragmented-by-nature.md": "French", "2017-05-26-britain-angry-america-casual-with-secrets.md": "en-us"} {
			p := filepath.Join(bdir, filepath.FromSlash(f))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), "---\n", "---\nlanguage: "+lang+"\n", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		bx, err := Open(context.Background(), bdir, os.DirFS(bdir), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { bx.Close() })
		bwords := append([]string{"raqqa", "isis", `"foreign fighters"`, "radical*", "MI5", "outlet:telegraph", "tag:isis"},
			"language:en", "lang:german", "language:fr", "language:en-gb")
		bwords = append(bwords, drawnWords(t, bdir, 5, 2)...)
		for _, collapse := range []bool{false, true} {
			countsAgree(t, bx, bwords, []string{"", "raqqa", "isis", "radical*"}, collapse)
		}
	})
}

// drawnWords are n words of the archive in dir, drawn at random with the
// seed from the words of five letters or more of its texts, and each
// one's first four letters as a prefix.
func drawnWords(t *testing.T, dir string, n int, seed uint64) []string {
	t.Helper()
	arch, _ := archive.Load(os.DirFS(dir))
	seen := map[string]bool{}
	var all []string
	for _, a := range arch.Articles {
		for _, w := range strings.FieldsFunc(a.Body, func(r rune) bool { return r < 'a' || r > 'z' }) {
			if len(w) >= 5 && !seen[w] {
				seen[w] = true
				all = append(all, w)
			}
		}
	}
	slices.Sort(all)
	rng := rand.New(rand.NewPCG(seed, 7))
	var out []string
	for range n {
		w := all[rng.IntN(len(all))]
		out = append(out, w, w[:4]+"*")
	}
	return out
}

// countsAgree checks the set invariants of words two by two, and the
// facets and trends of texts, on ix.
func countsAgree(t *testing.T, ix *Index, words, texts []string, collapse bool) {
	t.Helper()
	// each query is asked of the index once: a year's filter is checked
	// against its facet count and its trend point, a word's set against
	// every other word
	counts, sets := map[string]int{}, map[string][]string{}
	count := func(q Query) int {
		t.Helper()
		q.Mode, q.CollapseCopies = ModeCount, collapse
		key := fmt.Sprintf("%#v", q)
		if n, ok := counts[key]; ok {
			return n
		}
		ix.cache.clear() // counted, not a total another search kept
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		counts[key] = r.Total
		return r.Total
	}
	set := func(q Query) []string {
		t.Helper()
		q.Limit, q.CollapseCopies = 1000, collapse
		key := fmt.Sprintf("%#v", q)
		if s, ok := sets[key]; ok {
			return s
		}
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		if len(r.Hits) != r.Total {
			t.Fatalf("%q: %d hits of %d", q.Text, len(r.Hits), r.Total)
		}
		s := ids(r)
		slices.Sort(s)
		sets[key] = s
		return s
	}
	// two words unquoted are two clauses: "a OR foreign fighters" is
	// (a OR foreign) AND fighters, and "a -foreign fighters" keeps fighters
	two := func(w string) bool { return w == "foreign fighters" }
	if collapse {
		// collapsed, a query counts the groups of copies among its
		// matches (of a group, the earliest that matches stands for it):
		// a -w may keep a copy whose original w left out, so the sets'
		// rules hold before collapsing (below, collapse false)
		groups := func(q Query) int {
			t.Helper()
			q.Limit = 1000
			r, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("%q: %v", q.Text, err)
			}
			seen := map[string]bool{}
			for _, h := range r.Hits {
				key := h.ID
				if g := ix.Copies(h.ID); g != nil {
					key = g[0].ID
				}
				seen[key] = true
			}
			return len(seen)
		}
		for i, a := range words {
			qs := []string{a}
			for _, b := range words[i+1:] {
				qs = append(qs, a+" "+b)
				if !two(a) && !two(b) {
					qs = append(qs, a+" OR "+b, a+" -"+b)
				}
			}
			for _, q := range qs {
				if got, want := count(Query{Text: q}), groups(Query{Text: q}); got != want {
					t.Errorf("%s: %d pieces with copies collapsed, its matches hold %d groups", q, got, want)
				}
			}
		}
	} else {
		for i, a := range words {
			A := set(Query{Text: a})
			for _, b := range words[i+1:] {
				B := set(Query{Text: b})
				both := len(intersectOf(A, B))
				if and := count(Query{Text: a + " " + b}); and != both {
					t.Errorf("%s %s: %d pieces, in both %s and %s %d", a, b, and, a, b, both)
				}
				if two(a) || two(b) {
					continue
				}
				if or, want := count(Query{Text: a + " OR " + b}), len(unionOf(A, B)); or != want {
					t.Errorf("%s OR %s: %d pieces, %s and %s together %d", a, b, or, a, b, want)
				}
				if not, want := count(Query{Text: a + " -" + b}), len(A)-both; not != want {
					t.Errorf("%s -%s: %d pieces, %s less those with %s: %d", a, b, not, a, b, want)
				}
			}
		}
	}
	for _, text := range texts {
		r, err := ix.Search(context.Background(), Query{Text: text, Limit: 1, CollapseCopies: collapse})
		if err != nil {
			t.Fatal(err)
		}
		facets := []struct {
			name   string
			values []FacetValue
			filter func(v string) Query
		}{
			{"tag", r.Facets.Tags, func(v string) Query { return Query{Text: text, Tags: []string{v}} }},
			{"outlet", r.Facets.Outlets, func(v string) Query { return Query{Text: text, Outlets: []string{v}} }},
			{"author", r.Facets.Authors, func(v string) Query { return Query{Text: text, Authors: []string{v}} }},
			{"kind", r.Facets.Kinds, func(v string) Query { return Query{Text: text, Kinds: []string{v}} }},
			{"language", r.Facets.Languages, func(v string) Query { return Query{Text: text, Languages: []string{v}} }},
			{"year", r.Facets.Years, func(v string) Query { return Query{Text: text, Years: []string{v}} }},
			{"month", r.Facets.Months, func(v string) Query { return Query{Text: text, Months: []string{v}} }},
		}
		// every value a piece of the results has, also those whose pieces
		// a collapse leaves out: a value's count is what its filter finds
		r0, err := ix.Search(context.Background(), Query{Text: text, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		all := [][]FacetValue{r0.Facets.Tags, r0.Facets.Outlets, r0.Facets.Authors, r0.Facets.Kinds, r0.Facets.Languages, r0.Facets.Years, r0.Facets.Months}
		for k, fc := range facets {
			counted := map[string]int{}
			for _, f := range fc.values {
				counted[f.Value] = f.Count
			}
			for _, f := range all[k] {
				if n := count(fc.filter(f.Value)); n != counted[f.Value] {
					t.Errorf("collapse %v: %q: %s %s counted %d, filtered %d", collapse, text, fc.name, f.Value, counted[f.Value], n)
				}
			}
		}
		tr, err := ix.Trend(context.Background(), Query{Text: text, CollapseCopies: collapse}, ByYear)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Matched() != r.Total {
			t.Errorf("collapse %v: %q: the trend counts %d pieces, the search %d", collapse, text, tr.Matched(), r.Total)
		}
		for _, p := range tr.Points {
			if p.Count == 0 {
				continue
			}
			if n := count(Query{Text: text, Years: []string{p.Period}}); n != p.Count {
				t.Errorf("collapse %v: %q: %s's trend point %d, the year filtered %d", collapse, text, p.Period, p.Count, n)
			}
		}
	}
}

func unionOf(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func intersectOf(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}
