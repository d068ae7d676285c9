package index

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/internal/corpus"
)

// splitFixture is a generated archive of n pieces indexed in batches of 7
// (many segments), then a tenth of its files rewritten and refreshed (so
// the segments have deleted pieces), then copies added and refreshed, as
// a long-lived archive's index is. Scorch's merger is kept off: under
// load it merged every segment into two and purged the deleted pieces
// (a CI run, 2026-12-02); the persister may still merge the segments a
// build has not yet written, so each of the three builds leaves one at
// least. The archive and its index are built once for each n in
// sharedRoot (23 tests ask for four sizes; a build of 400 takes 1-2 s):
// each test has its own Index on them (its caches cold, closed when the
// test ends), and must not change them.
func splitFixture(t *testing.T, n int) *Index {
	t.Helper()
	b, _ := splitBuilt.LoadOrStore(n, &splitBuild{})
	sb := b.(*splitBuild)
	sb.once.Do(func() { sb.arch, sb.opts, sb.err = buildSplitFixture(n) })
	if sb.err != nil {
		t.Fatalf("building the split fixture of %d: %v", n, sb.err)
	}
	ix, err := Open(context.Background(), sb.arch, os.DirFS(sb.arch), sb.opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if st := ix.Stats(); !st.Unchanged || ix.Fallback() != "" || ix.Behind() != "" {
		t.Fatalf("the shared split fixture of %d was not as built (unchanged %v, fallback %q, behind %q)", n, st.Unchanged, ix.Fallback(), ix.Behind())
	}
	if segs, deleted := segmentsOf(ix); segs < 3 || deleted == 0 {
		t.Fatalf("the fixture has %d segments and %d deleted pieces: it tests too little", segs, deleted)
	}
	return ix
}

// splitBuilt holds a *splitBuild for each size of splitFixture.
var splitBuilt sync.Map

type splitBuild struct {
	once sync.Once
	arch string
	opts Options
	err  error
}

// buildSplitFixture writes and indexes splitFixture's archive of n pieces
// in sharedRoot, and returns its folder and the options it was built with.
func buildSplitFixture(n int) (string, Options, error) {
	root := filepath.Join(sharedRoot, fmt.Sprintf("split-%d", n))
	arch := filepath.Join(root, "archive")
	if err := corpus.Generate(arch, n, 17); err != nil {
		return "", Options{}, err
	}
	ctx := context.Background()
	opts := Options{Dir: filepath.Join(root, "idx"), BatchDocs: 7, compact: compactTest{noMerges: true}}
	ix, err := Open(ctx, arch, os.DirFS(arch), opts)
	if err != nil {
		return "", Options{}, err
	}
	defer ix.Close()
	var files []string
	err = filepath.WalkDir(arch, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return "", Options{}, err
	}
	for i := 0; i < len(files); i += 10 {
		b, err := os.ReadFile(files[i])
		if err != nil {
			return "", Options{}, err
		}
		if err := os.WriteFile(files[i], append(b, "\nA constitutional congress, rewritten.\n"...), 0o644); err != nil {
			return "", Options{}, err
		}
	}
	if changed, err := ix.Refresh(ctx, opts); err != nil || !changed {
		return "", Options{}, fmt.Errorf("refresh: %v %v", changed, err)
	}
	// copies, among the first pieces and the last: equal scores, which
	// bleve's collector orders as it found them
	for i, name := range []string{"0000-copy-a.md", "0000-copy-b.md", "zzzz-copy-a.md", "zzzz-copy-b.md"} {
		b, err := os.ReadFile(files[i%2])
		if err != nil {
			return "", Options{}, err
		}
		if err := os.WriteFile(filepath.Join(arch, name), b, 0o644); err != nil {
			return "", Options{}, err
		}
	}
	if changed, err := ix.Refresh(ctx, opts); err != nil || !changed {
		return "", Options{}, fmt.Errorf("refresh: %v %v", changed, err)
	}
	if segs, deleted := segmentsOf(ix); segs < 3 || deleted == 0 {
		return "", Options{}, fmt.Errorf("the fixture has %d segments and %d deleted pieces: it tests too little", segs, deleted)
	}
	return arch, opts, ix.Close()
}

// segmentsOf is how many segments ix's snapshot has, and how many deleted
// pieces they hold.
func segmentsOf(ix *Index) (segs int, deleted uint64) {
	withSnapshot(ix.bi, func(snap *scorch.IndexSnapshot) {
		for _, ss := range snap.Segments() {
			segs++
			if d := ss.Deleted(); d != nil {
				deleted += d.GetCardinality()
			}
		}
	})
	return segs, deleted
}

// TestSplitCollectIsOneWalk: a search cut in two halves (split.go) returns
// what one walk returns: the same pieces in the same order with the same
// scores (see samePage), the same total, and the same recorded hit set,
// for typing and whole queries, every sort, and pages past the first.
func TestSplitCollectIsOneWalk(t *testing.T) {
	ix := splitFixture(t, 400)
	texts := []string{"con", "pro", "congress", "congress economy rev", `"united states"`, `"united sta`,
		"government -tax", "tax OR revenue", "prosper*", "constitutional congress", "zzqx", "title:con", "governme", "constitutio"}
	cut, filtered := 0, 0
	for _, text := range texts {
		for _, q := range []Query{
			{Text: text, Typing: true, Limit: 100},
			{Text: text, Limit: 20},
			{Text: text, Limit: 10, Offset: 15},
			{Text: text, Limit: 30, Sort: SortNewest},
			// filtered: the adjacency phrase then checks only the
			// required matches (phraseSearcher.askedOnly)
			{Text: text, Tags: []string{"economy"}, Limit: 20},
			{Text: text, Typing: true, Tags: []string{"isis"}, Years: []string{"2001", "2002", "2003", "2004", "2005"}, Limit: 100},
		} {
			before := splitWalks.Load()
			got := collectWalk(t, ix, q, true)
			if splitWalks.Load() > before {
				cut++
			}
			want := collectWalk(t, ix, q, false)
			if len(q.Tags) > 0 && strings.Contains(text, " ") && want.total > 0 {
				filtered++
			}
			if got.total != want.total || len(got.hits) != len(want.hits) {
				t.Fatalf("%+v: cut %d matches, %d hits; one walk %d, %d", q, got.total, len(got.hits), want.total, len(want.hits))
			}
			if err := samePage(got.hits, want.hits); err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			if !want.kept || got.kept != want.kept || fmt.Sprint(got.set) != fmt.Sprint(want.set) || len(want.set) != want.total {
				t.Fatalf("%+v: recorded %d pieces cut, %d in one walk", q, len(got.set), len(want.set))
			}
		}
	}
	if cut < len(texts) {
		t.Fatalf("only %d searches were cut in two", cut)
	}
	if filtered < 6 {
		t.Fatalf("only %d filtered searches of several words matched: the filtered cases tell little", filtered)
	}
}

// TestPrefixSumIsBleves: the word being typed read from the postings on
// every core (sumPostings) scores every piece as bleve's term searchers,
// summed in one walk, do: bit for bit, on an index with many segments and
// deleted pieces.
func TestPrefixSumIsBleves(t *testing.T) {
	ix := splitFixture(t, 300)
	ctx := context.Background()
	for _, pre := range []string{"con", "pro", "sta", "gov", "int", "re"} {
		tq := &typedPrefixQuery{prefix: pre, field: fText, boost: 0.8}
		collectAll := func(direct bool) search.DocumentMatchCollection {
			old := sumDirect
			sumDirect = direct
			defer func() { sumDirect = old }()
			hits, _, err := ix.collect(ctx, tq, 1000, 0, []string{"-_score"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			return hits
		}
		got, want := collectAll(true), collectAll(false)
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("%q: %d hits read from the postings, %d through bleve", pre, len(got), len(want))
		}
		for i := range got {
			if got[i].ID != want[i].ID || math.Float64bits(got[i].Score) != math.Float64bits(want[i].Score) {
				t.Fatalf("%q hit %d: %s %v from the postings, %s %v through bleve", pre, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			}
		}
	}
}

// samePage reports how two pages differ: each piece's score may differ in
// its last bits (bleve's disjunction heap adds a piece's clauses in the
// order its heap holds them, which depends on the pieces walked before),
// so pieces whose scores are that close may trade places, but pieces
// whose scores are the same keep the order they were found in; otherwise
// the pieces and their order are the same.
func samePage(got, want search.DocumentMatchCollection) error {
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) }
	for i := 0; i < len(want); {
		// the run of pieces from i whose scores are within rounding
		j := i + 1
		for j < len(want) && near(want[j].Score, want[i].Score) {
			j++
		}
		var g, w []string
		for k := i; k < j; k++ {
			if !near(got[k].Score, want[k].Score) {
				return fmt.Errorf("hit %d: cut %s %v, one walk %s %v", k, got[k].ID, got[k].Score, want[k].ID, want[k].Score)
			}
			g, w = append(g, got[k].ID), append(w, want[k].ID)
		}
		// but pieces with the same score, to the bit, in the order found
		at := map[string]int{}
		for k := i; k < j; k++ {
			at[got[k].ID] = k
		}
		for k := i; k < j; k++ {
			for l := k + 1; l < j; l++ {
				gk, okk := at[want[k].ID]
				gl, okl := at[want[l].ID]
				if want[k].Score == want[l].Score && okk && okl && gk > gl {
					return fmt.Errorf("%s and %s score the same: cut, in the other order", want[k].ID, want[l].ID)
				}
			}
		}
		slices.Sort(g)
		slices.Sort(w)
		// a run the page ends in may hold other pieces of the tie
		if j < len(want) && !slices.Equal(g, w) {
			return fmt.Errorf("hits %d-%d: cut %v, one walk %v", i, j-1, g, w)
		}
		i = j
	}
	return nil
}

type walk struct {
	hits  search.DocumentMatchCollection
	total int
	set   []uint64
	kept  bool // a hit set was recorded
}

// collectWalk collects q's page on ix as Search does, cut in two or in
// one walk, with the hit set it records.
func collectWalk(t *testing.T, ix *Index, q Query, split bool) walk {
	t.Helper()
	oldDense := denseOn
	denseOn = false
	defer func() { denseOn = oldDense }()
	return collectPageOf(t, ix, q, split)
}

// collectPageOf collects q's page as Search would, a split walk allowed
// or not, and the pieces it recorded.
func collectPageOf(t *testing.T, ix *Index, q Query, split bool) walk {
	t.Helper()
	ctx := context.Background()
	oldDocs, oldMatches := minSplitDocs, minSplitMatches
	if split {
		minSplitDocs, minSplitMatches = 1, 0
	} else {
		minSplitDocs = math.MaxUint64
	}
	defer func() { minSplitDocs, minSplitMatches = oldDocs, oldMatches }()
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	p := buildPlan(parseQuery(q.Text, q.Typing), ix.synonyms)
	if p.typed != "" {
		ix.resolveTyping(ctx, &p)
	}
	c := compile(p)
	filters, restrict, _ := ix.filterQueries(q)
	c.scopeBudgets(filters, restrict)
	pg := pageOf(q, len(c.must) > 0, true)
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	key := fmt.Sprintf("%v %v %+v", split, denseOn, q)
	ctx = withBodies(ctx, ix.cur.bodies)
	if q.Typing && p.formsLeftToPage() {
		ctx = uncheckedForms(ctx)
	}
	hits, total, err := ix.collectKeyed(ctx, combine(c.must, c.mustNot, c.should, filters, restrict, ""),
		pg.size, pg.from, pg.sortBy, nil, ft, key)
	if err != nil {
		t.Fatal(err)
	}
	w := walk{hits: hits, total: total}
	ft.cols.mu.Lock()
	if ft.cols.setKey == key {
		ft.cols.set.each(func(d uint64) { w.set = append(w.set, d) })
		w.kept = true
	}
	ft.cols.mu.Unlock()
	return w
}

// TestSplitChecksEachCandidateOnce: the halves of a split walk check
// between them the candidates one walk checks (a phrase's positions, a
// piece's forms as written), not each half from the index's first piece
// or up to the next match past its end: a phrase of two common words
// seldom side by side, and a form as written that few of its stem's
// pieces have. With the pairs of common words (pairs.go) on, as searched,
// and off: these phrases hold no such pair ("econom" is not a common
// word), and one that does (`"united states"`) leaves the walk 8
// candidates in this fixture, too few to tell.
func TestSplitChecksEachCandidateOnce(t *testing.T) {
	defer func() { pairFilter = true }()
	ix := splitFixture(t, 400)
	for _, pf := range []bool{false, true} {
		pairFilter = pf
		ix.cur.phrases.mu.Lock() // what the other setting's walks learnt
		ix.cur.phrases.entries = nil
		ix.cur.phrases.mu.Unlock()
		for _, text := range []string{`"congress economy"`, `"economy congress"`, `"Congresses"`, `"congress economy" revenue`} {
			q := Query{Text: text, Limit: 20}
			c0 := checkedCandidates.Load()
			one := collectWalk(t, ix, q, false)
			c1 := checkedCandidates.Load()
			cut := collectWalk(t, ix, q, true)
			c2 := checkedCandidates.Load()
			if c1-c0 < 20 {
				t.Fatalf("%s (pairs %v): one walk checked %d candidates: the test tells little", text, pf, c1-c0)
			}
			if cut.total != one.total {
				t.Fatalf("%s (pairs %v): %d matches cut, %d in one walk", text, pf, cut.total, one.total)
			}
			// each half may check the one candidate at its edge twice
			if c2-c1 > c1-c0+4 {
				t.Errorf("%s (pairs %v): the halves checked %d candidates, one walk %d", text, pf, c2-c1, c1-c0)
			}
		}
	}
}

// TestSplitKeepsTheFirstOptional: a split walk whose second half starts
// at the piece the optional clauses (a word in the title) match first
// scores that piece with them, as one walk does. Bleve's boolean searcher,
// advanced there, scored it without (keptSearcher).
func TestSplitKeepsTheFirstOptional(t *testing.T) {
	ix := splitFixture(t, 400)
	ctx := context.Background()
	for _, text := range []string{"congress", "economy", "tax revenue"} {
		c := compile(buildPlan(parseQuery(text, false), ix.synonyms))
		r, done, err := ix.reader()
		if err != nil {
			t.Fatal(err)
		}
		// the first piece the optional clauses match
		s, err := query.NewDisjunctionQuery(c.should).Searcher(ctx, r, ix.bi.Mapping(), search.SearcherOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sctx := walkContext(s, r)
		dm, err := s.Next(sctx)
		if err != nil || dm == nil {
			t.Fatalf("%q: no optional match (%v)", text, err)
		}
		first := dm.IndexInternalID.Value()
		s.Close()
		done()
		old := splitMid
		splitMid = func(uint64) uint64 { return first }
		q := Query{Text: text, Limit: 1000}
		cuts := splitWalks.Load()
		got := collectWalk(t, ix, q, true)
		splitMid = old
		if splitWalks.Load() == cuts {
			t.Fatalf("%q was not cut", text)
		}
		want := collectWalk(t, ix, q, false)
		if got.total != want.total || len(got.hits) != len(want.hits) {
			t.Fatalf("%q: cut at %d, %d matches; one walk %d", text, first, got.total, want.total)
		}
		if err := samePage(got.hits, want.hits); err != nil {
			t.Fatalf("%q cut at piece %d: %v", text, first, err)
		}
	}
}
