package index

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sync/errgroup"
)

// A scored search whose query is made of terms, prefixes, phrases,
// conjunctions, disjunctions and a boolean of them (what a typed query of
// words compiles to, and filters of tags or outlets) is collected from the
// postings (and its facets, when it counts them, from the snapshot's
// facets column over its matches, facets.go): every clause is summed into arrays by document number, on
// every core, with the arithmetic of bleve's TF-IDF scorers (term,
// disjunction with its coordination factor, conjunction, boolean; the
// query's norm as its root computes it) and in its order of sums (a
// conjunction's and a slice disjunction's clauses by count), which gives
// the matches, their number and their scores as bleve's walk does (to the
// bit, TestDenseScoresAreBleves; in the last bits where a disjunction of
// more than DisjunctionHeapTakeover clauses sums a piece's in its heap's
// order, as a split walk does, split.go). The page is the best scores,
// ties by document number as bleve's collector breaks them. The terms'
// postings are kept for the next keystroke (postcache.go). As a spot
// check, the page's two first-numbered pieces are scored again by a walk
// of bleve's own searchers (checkSums): a piece they do not match, or
// score further than scoreSlack from the sum, means the sums were not
// bleve's, and the search falls back to the walk (denseMisses counts it;
// the tests keep it 0). A query of few matches is walked (denseShare).
// When more pieces tie at a re-ranked page's cut than it holds, they are
// taken from the sums before these are let go of (settleSums, ties.go),
// not from another walk of the query.
// A phrase is its words' conjunction kept to the pieces its own searcher
// finds (densePhrase), a form checked within the typing budget the
// pieces its searcher lets in (keptOf). A walk through bleve's searchers
// costs per match a document match from a pool, a term-field document, a
// scorer call at every level of the tree and a heap; the sums cost by the
// piece. At 100k pieces, the typed hits' wall p50 went 11.2 -> 5.0 ms and
// p99 46-50 -> 25.7, CPU p50 15.3 -> 5.9 (BenchmarkTyping, each query
// typed with no postings kept).

// dnode is one clause of a query read from the postings.
type dnode struct {
	kind  dkind
	field string  // dTerm
	term  []byte  // dTerm
	boost float64 // dTerm
	kids  []*dnode
	// dTerm: its weight in the query (bleve's TermQueryScorer:
	// boost·idf·queryNorm)
	weight float64
	count  uint64        // bleve's searcher's Count: a term's pieces, a clause's sum
	post   *termPostings // dTerm: its postings
	// the sums by document number (not dTerm): score, and how many kids
	// matched
	score []float64
	n     []uint16
	kept  []uint64 // dKept: the pieces kept, in order
	// dKept of a phrase: the phrase, whose pieces keepPhrases finds
	phrase *phraseQuery
}

type dkind uint8

const (
	dTerm dkind = iota
	dDisj       // any of kids: the sum of the matched ones' times their share
	dConj       // all of kids: the sum
	dBool       // kids[0] must match; kids[1], when matched, adds its value
	dKept       // kids[0]'s matches among kept, with its value
)

// denseShare: a query whose terms have fewer postings than one piece in
// denseShare is walked (a word in 3 pieces of 1M: about 8 ms summed on one
// core, microseconds walked).
const denseShare = 16

// scoreSlack is the relative difference allowed between a summed score
// and bleve's: the sums are of a few dozen terms, whose order changes a
// score in its last bits (1e-16 of it each), far below this.
const scoreSlack = 1e-9

// denseWalks counts the searches collected from the postings, and
// denseMisses those whose sums did not agree with bleve's searchers
// (tests).
var denseWalks, denseMisses atomic.Int64

// denseOn: scored searches are collected from the postings where they
// can be (false: always by bleve's collector; the tests compare the two).
var denseOn = true

// denseOf reads q as clauses of postings; false when q has a clause that
// cannot be read so (a phrase, a form checked on the text, a range, an
// exclusion, ...).
func denseOf(ctx context.Context, q query.Query, r bleveindex.IndexReader, m mapping.IndexMapping) (*dnode, bool) {
	switch q := q.(type) {
	case *query.TermQuery:
		if q.FieldVal == "" {
			return nil, false
		}
		return &dnode{kind: dTerm, field: q.FieldVal, term: []byte(q.Term), boost: q.BoostVal.Value()}, true
	case *query.PrefixQuery:
		if q.FieldVal == "" {
			return nil, false
		}
		return densePrefix(r, q.FieldVal, q.Prefix, q.BoostVal.Value())
	case *typedPrefixQuery:
		// its accumSearcher scores as bleve's prefix searcher does
		return densePrefix(r, q.field, q.prefix, q.boost)
	case *exactQuery:
		switch {
		case q.budget == 0 && formsUnchecked(ctx):
			return denseOf(ctx, q.candidates, r, m)
		case q.budget > 0:
			// the candidates that pass of the first budget, read as the
			// walk reads them (exactSearcher.keepChecked)
			kept, ok := keptOf(ctx, q, r, m)
			if !ok {
				return nil, false
			}
			c, ok := denseOf(ctx, q.candidates, r, m)
			if !ok {
				return nil, false
			}
			return &dnode{kind: dKept, kids: []*dnode{wrapTerm(c)}, kept: kept}, true
		}
		return nil, false
	case *phraseQuery:
		return densePhrase(ctx, q, r, m)
	case *query.DisjunctionQuery:
		if q.Min != 0 || len(q.Disjuncts) == 0 || q.BoostVal != nil && q.BoostVal.Value() != 1 {
			return nil, false
		}
		return denseKids(ctx, dDisj, q.Disjuncts, r, m)
	case *query.ConjunctionQuery:
		if len(q.Conjuncts) == 0 || q.BoostVal != nil && q.BoostVal.Value() != 1 {
			return nil, false
		}
		return denseKids(ctx, dConj, q.Conjuncts, r, m)
	case *query.BooleanQuery:
		if q.MustNot != nil || q.Filter != nil || q.Must == nil || q.BoostVal != nil && q.BoostVal.Value() != 1 {
			return nil, false
		}
		must, ok := denseOf(ctx, q.Must, r, m)
		if !ok {
			return nil, false
		}
		if q.Should == nil {
			return must, true // bleve's boolean is its must searcher then
		}
		must = wrapTerm(must)
		if d, ok := q.Should.(*query.DisjunctionQuery); !ok || d.Min != 0 {
			return nil, false
		}
		should, ok := denseOf(ctx, q.Should, r, m)
		if !ok {
			return nil, false
		}
		return &dnode{kind: dBool, kids: []*dnode{must, wrapTerm(should)}}, true
	}
	return nil, false
}

// densePhrase is a phrase as its searcher (phraseQuery.Searcher) scores
// it: the conjunction of its words (and of the pairs of common words among
// them, weighing nothing), kept to the pieces where the words stand at the
// phrase's distances, which a walk of its searcher finds once the query is
// known to be summed (keepPhrases; positions read once a view for a piece,
// phrasememo.go). The walk reads every piece with the phrase's words, where
// bleve's walk of the query read those its other words and filters let
// through: more the first time, with a narrow word or filter beside a
// common phrase (a review's 3,000 pieces: 1,004 pieces' positions against
// 110); the phrase memo keeps them for the next keystrokes.
func densePhrase(ctx context.Context, q *phraseQuery, r bleveindex.IndexReader, m mapping.IndexMapping) (*dnode, bool) {
	var words []string
	for _, t := range q.terms {
		if t != "" {
			words = append(words, t)
		}
	}
	switch len(words) {
	case 0:
		return nil, false
	case 1:
		return &dnode{kind: dTerm, field: q.field, term: []byte(words[0]), boost: q.boost}, true
	}
	conj := &dnode{kind: dConj}
	for _, w := range words {
		conj.kids = append(conj.kids, &dnode{kind: dTerm, field: q.field, term: []byte(w), boost: q.boost})
	}
	for _, pt := range q.pairs() {
		conj.kids = append(conj.kids, &dnode{kind: dTerm, field: fPairs, term: []byte(pt), boost: 0})
	}
	if q.byPair() {
		return conj, true // its pair's postings are the pieces with it
	}
	// the pieces with the phrase are found after the query is known to be
	// summed (keepPhrases)
	return &dnode{kind: dKept, kids: []*dnode{conj}, phrase: q}, true
}

// keepPhrases finds the pieces each phrase of n keeps: a walk of the
// phrase's own searcher (every piece with its words, the positions read).
func (n *dnode) keepPhrases(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping) error {
	for _, k := range n.kids {
		if err := k.keepPhrases(ctx, r, m); err != nil {
			return err
		}
	}
	if n.phrase == nil {
		return nil
	}
	all := *n.phrase
	all.askedOnly = false // every piece with the phrase, not those asked about
	s, err := all.Searcher(ctx, r, m, search.SearcherOptions{Score: "none"})
	if err != nil {
		return err
	}
	defer s.Close()
	sctx := walkContext(s, r)
	n.kept = nil
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		n.kept = append(n.kept, dm.IndexInternalID.Value())
		sctx.DocumentMatchPool.Put(dm)
	}
}

// keptOf is what q's searcher keeps of its candidates (keepChecked).
func keptOf(ctx context.Context, q *exactQuery, r bleveindex.IndexReader, m mapping.IndexMapping) ([]uint64, bool) {
	s, err := q.Searcher(ctx, r, m, search.SearcherOptions{})
	if err != nil {
		return nil, false
	}
	defer s.Close()
	es, ok := s.(*exactSearcher)
	if !ok {
		return nil, false
	}
	sctx := walkContext(es, r)
	if err := es.keepChecked(sctx); err != nil {
		return nil, false
	}
	kept := make([]uint64, len(es.kept))
	for i, k := range es.kept {
		kept[i] = k.d
	}
	return kept, true
}

// wrapTerm makes a term a disjunction of one, which scores as it does
// (its share matched is 1), so that it has sums of its own.
func wrapTerm(n *dnode) *dnode {
	if n.kind == dTerm {
		return &dnode{kind: dDisj, kids: []*dnode{n}}
	}
	return n
}

func denseKids(ctx context.Context, kind dkind, qs []query.Query, r bleveindex.IndexReader, m mapping.IndexMapping) (*dnode, bool) {
	n := &dnode{kind: kind}
	for _, c := range qs {
		k, ok := denseOf(ctx, c, r, m)
		if !ok {
			return nil, false
		}
		n.kids = append(n.kids, k)
	}
	if len(n.kids) > math.MaxUint16 {
		return nil, false
	}
	return n, true
}

// densePrefix is bleve's prefix searcher (NewTermPrefixSearcher): a
// disjunction of the words the prefix begins, or the one term searcher of
// the prefix itself when it begins no other word.
func densePrefix(r bleveindex.IndexReader, field, prefix string, boost float64) (*dnode, bool) {
	terms, err := prefixTerms(r, field, prefix)
	if err != nil {
		return nil, false
	}
	terms = slices.Compact(terms)
	if len(terms) == 0 || len(terms) == 1 && terms[0] == prefix {
		return &dnode{kind: dTerm, field: field, term: []byte(prefix), boost: boost}, true
	}
	if len(terms) > math.MaxUint16 {
		return nil, false
	}
	n := &dnode{kind: dDisj}
	for _, t := range terms {
		n.kids = append(n.kids, &dnode{kind: dTerm, field: field, term: []byte(t), boost: boost})
	}
	return n, true
}

// leaves calls f with each term of n.
func (n *dnode) leaves(f func(*dnode)) {
	if n.kind == dTerm {
		f(n)
		return
	}
	for _, k := range n.kids {
		k.leaves(f)
	}
}

// weigh orders each conjunction's clauses as bleve's conjunction
// searcher does (by count, fewest first: its sums are in that order), and
// sets each term's weight with the query's norm as bleve's root searcher
// computes it: 1/√(the sum of its clauses' weights, each the sum of its
// own, a term's (boost·idf)²), in the same order of sums. A term alone is
// not normed (bleve's term searcher has a query weight of 1 until a
// parent sets its norm). The terms' postings are read (post).
func (n *dnode) weigh(root bool) {
	n.setCounts()
	if root && n.kind == dTerm {
		n.weight = 1
		return
	}
	norm := 1.0 / math.Sqrt(n.sumWeights())
	n.leaves(func(t *dnode) { t.weight = t.boost * t.post.idf * norm })
}

// setCounts sets n's count (a term's, or the sum of its clauses', as bleve's
// searchers count), ordering conjunctions.
func (n *dnode) setCounts() {
	if n.kind == dTerm {
		n.count = uint64(len(n.post.docs))
		return
	}
	n.count = 0
	for _, k := range n.kids {
		k.setCounts()
		n.count += k.count
	}
	// bleve's conjunction searcher, and its slice disjunction searcher (a
	// heap past DisjunctionHeapTakeover clauses), sort their clauses by
	// count (searcher.OrderedSearcherList, by sort.Sort: an insertion sort,
	// stable, for the few clauses of a query), and sum in that order
	if n.kind == dConj || n.kind == dDisj && len(n.kids) <= searcher.DisjunctionHeapTakeover {
		slices.SortStableFunc(n.kids, func(a, b *dnode) int { return cmp.Compare(a.count, b.count) })
	}
}

// sumWeights is n's Weight as bleve's searchers compute it.
func (n *dnode) sumWeights() float64 {
	if n.kind == dTerm {
		w := n.boost * n.post.idf
		return w * w
	}
	var w float64
	for _, k := range n.kids {
		w += k.sumWeights()
	}
	return w
}

// alloc makes the sums of every clause but the terms, for total pieces,
// from arrays searches before let go of (release).
func (n *dnode) alloc(total uint64) {
	if n.kind == dTerm {
		return
	}
	n.score = getSlice[float64](&scoresFree, total)
	n.n = getSlice[uint16](&countsFree, total)
	for _, k := range n.kids {
		k.alloc(total)
	}
}

// release lets go of n's sums for later searches.
func (n *dnode) release() {
	if n.kind == dTerm {
		return
	}
	score, counts := n.score, n.n
	n.score, n.n = nil, nil
	scoresFree.Put(&score)
	countsFree.Put(&counts)
	for _, k := range n.kids {
		k.release()
	}
}

// scoresFree and countsFree are sums' arrays let go of: a search needs a
// few of them, of the snapshot's pieces each (1 MB at 100k pieces), and
// making them anew cost a tenth of a typed search's time.
var scoresFree, countsFree sync.Pool

// getSlice is an array of n from free, not cleared (sumSpan clears its
// span of it, on the worker's core), or a new one.
func getSlice[T float64 | uint16](free *sync.Pool, n uint64) []T {
	if p, ok := free.Get().(*[]T); ok && uint64(cap(*p)) >= n {
		return (*p)[:n]
	}
	return make([]T, n)
}

// matched reports whether piece d matches n (not a term).
func (n *dnode) matched(d uint64) bool {
	if n.kind == dConj {
		return int(n.n[d]) == len(n.kids)
	}
	return n.n[d] > 0
}

// value is n's score of piece d, which it matches (not a term).
func (n *dnode) value(d uint64) float64 {
	if n.kind == dDisj {
		// scorer.DisjunctionQueryScorer: the sum times the share matched
		return n.score[d] * (float64(n.n[d]) / float64(len(n.kids)))
	}
	return n.score[d]
}

// denseSpan is a range of document numbers, summed by one goroutine.
type denseSpan struct{ lo, hi uint64 }

// sumSpan sums n over sp, each piece's clauses in n's order.
func (n *dnode) sumSpan(ctx context.Context, sp denseSpan) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	clear(n.score[sp.lo:sp.hi])
	clear(n.n[sp.lo:sp.hi])
	for _, k := range n.kids {
		if k.kind != dTerm {
			if err := k.sumSpan(ctx, sp); err != nil {
				return err
			}
		}
	}
	from, to := sp.lo, sp.hi
	if n.kind == dKept {
		k := n.kids[0]
		i, _ := slices.BinarySearch(n.kept, from)
		for ; i < len(n.kept) && n.kept[i] < to; i++ {
			if d := n.kept[i]; k.matched(d) {
				n.score[d], n.n[d] = k.value(d), 1
			}
		}
		return nil
	}
	if n.kind == dBool {
		must, should := n.kids[0], n.kids[1]
		for d := from; d < to; d++ {
			if !must.matched(d) {
				continue
			}
			// scorer.ConjunctionQueryScorer over the must's match and
			// the should's
			v := 0.0
			v += must.value(d)
			if should.matched(d) {
				v += should.value(d)
			}
			n.score[d], n.n[d] = v, 1
		}
		return nil
	}
	for _, k := range n.kids {
		if k.kind == dTerm {
			k.add(sp, n.score, n.n)
			continue
		}
		for d := from; d < to; d++ {
			if k.matched(d) {
				n.score[d] += k.value(d)
				n.n[d]++
			}
		}
	}
	return nil
}

// denseGather is what one span of a summed search matched: how many, and
// the best of them.
type denseGather struct {
	total int
	best  pageHeap
}

// gather sets the bits of sp's matches in words (sp of whole words) and
// keeps the best want of them.
func (n *dnode) gather(sp denseSpan, words []uint64, want int) denseGather {
	var g denseGather
	for d := sp.lo; d < sp.hi; d++ {
		if !n.matched(d) {
			continue
		}
		g.total++
		words[d>>6] |= 1 << (d & 63)
		g.best.offer(want, d, n.value(d))
	}
	return g
}

// add adds the term's score (scorer.TermQueryScorer.Score, TF-IDF) to
// each piece of sp that has it, and counts it.
func (t *dnode) add(sp denseSpan, score []float64, n []uint16) {
	p := t.post
	i, _ := slices.BinarySearch(p.docs, uint32(sp.lo))
	w := t.weight
	for ; i < len(p.docs) && uint64(p.docs[i]) < sp.hi; i++ {
		s := p.base[i]
		if w != 1.0 {
			s *= w
		}
		d := p.docs[i]
		score[d] += s
		n[d]++
	}
}

// collectDense collects a page of q, by score, from the postings; ok is
// false when q cannot be read so, or its sums were not bleve's.
func (ix *Index) collectDense(ctx context.Context, q query.Query, r bleveindex.IndexReader, size, from int,
	sets *facetTerms, key string) (hits search.DocumentMatchCollection, total int, ok bool, err error) {
	hits, total, _, ok, err = ix.collectDenseSet(ctx, q, r, size, from, sets, key, nil)
	return hits, total, ok, err
}

// collectDenseSet is collectDense, the matches returned too; with ties,
// the page's ties settled from the sums where they are bleve's to the bit
// (settleSums).
func (ix *Index) collectDenseSet(ctx context.Context, q query.Query, r bleveindex.IndexReader, size, from int,
	sets *facetTerms, key string, ties *tieAsk) (hits search.DocumentMatchCollection, total int, set *docSet, ok bool, err error) {
	snap, isSnap := r.(*scorch.IndexSnapshot)
	if !denseOn || !isSnap || size <= 0 {
		return nil, 0, nil, false, nil
	}
	root, ok := denseOf(ctx, q, r, ix.bi.Mapping())
	if !ok {
		return nil, 0, nil, false, nil
	}
	_, _, docs := segmentOffsets(snap)
	if docs > math.MaxUint32 {
		return nil, 0, nil, false, nil
	}
	if err := ix.postings.read(ctx, snap, root); err != nil {
		return nil, 0, nil, false, err
	}
	root.weigh(true)
	if root.count*denseShare < docs {
		// few matches: a walk costs by the match, the sums by the piece
		return nil, 0, nil, false, nil
	}
	if err := root.keepPhrases(ctx, r, ix.bi.Mapping()); err != nil {
		return nil, 0, nil, false, err
	}
	root = wrapTerm(root)
	root.alloc(docs)
	defer root.release()
	// each worker sums its span, then gathers its matches and its best:
	// spans of whole words of the set, which the workers fill apart
	want := size + from
	workers := uint64(min(runtime.GOMAXPROCS(0), 4))
	words := make([]uint64, (docs+63)/64)
	parts := make([]denseGather, workers)
	g, gctx := errgroup.WithContext(ctx)
	for w := range workers {
		sp := denseSpan{(docs * w / workers) &^ 63, (docs * (w + 1) / workers) &^ 63}
		if w == workers-1 {
			sp.hi = docs
		}
		g.Go(func() error {
			return caught("summing a query's postings", func() error {
				if err := root.sumSpan(gctx, sp); err != nil {
					return err
				}
				parts[w] = root.gather(sp, words, want)
				return nil
			})
		})
	}
	if err := g.Wait(); err != nil {
		return nil, 0, nil, false, err
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, nil, false, err
	}
	// the matches, and the page: the best, ties in document order (see
	// collectRanked)
	var best pageHeap
	for _, p := range parts {
		total += p.total
		for _, h := range p.best {
			best.offer(want, h.d, h.score)
		}
	}
	set = &docSet{words: words, n: total}
	page := best.sorted()
	if ok, err := ix.checkSums(ctx, q, r, page); !ok || err != nil {
		return nil, 0, nil, false, err
	}
	denseWalks.Add(1)
	if ties != nil && tiesFromSums && from == 0 && len(page) > ties.size && ties.size > 0 && root.heapless() {
		if hits, err = ix.settleSums(ctx, r, root, docs, page, ties.size, sets); err != nil {
			return nil, 0, nil, false, err
		}
		ties.settled = true
	} else {
		hits = search.DocumentMatchCollection{}
		for _, h := range page[min(from, len(page)):] {
			dm, err := pageHit(r, h)
			if err != nil {
				return nil, 0, nil, false, err
			}
			hits = append(hits, dm)
		}
	}
	if sets != nil && key != "" {
		sets.keepHitSet(r, key, set)
	}
	return hits, total, set, true, nil
}

// pageHit is the hit of page entry h, its ID read from r.
func pageHit(r bleveindex.IndexReader, h scoredDoc) (*search.DocumentMatch, error) {
	id := bleveindex.NewIndexInternalID(nil, h.d)
	ext, err := r.ExternalID(id)
	if err != nil {
		return nil, err
	}
	return &search.DocumentMatch{ID: ext, IndexInternalID: id, Score: h.score, HitNumber: h.d, Sort: []string{"_score"}}, nil
}

// heapless says no disjunction of n has more than
// DisjunctionHeapTakeover clauses: bleve's searchers then sum every
// piece's clauses in the order n does, and its sums are their scores to
// the bit (TestDenseScoresAreBleves, TestTiesFromSumsAreTheWalks; with a
// heap, scores two bits apart were seen).
func (n *dnode) heapless() bool {
	if n.kind == dDisj && len(n.kids) > searcher.DisjunctionHeapTakeover {
		return false
	}
	for _, k := range n.kids {
		if !k.heapless() {
			return false
		}
	}
	return true
}

// tiesAt is the pieces of n's sums (its matches among the first docs)
// as settleTies' walk finds them: a piece scored cut on gridScore's
// grid, in document order.
func (n *dnode) tiesAt(ctx context.Context, docs uint64) tieSource {
	return func(cut float64, f func(doc uint64, score float64) error) (int, error) {
		// a score on cut's step is within 2^-32 of it (relative): the
		// grid is computed for those alone
		slack := math.Abs(cut) * 0x1p-30
		if !(math.Abs(cut) > 0x1p-900) || math.IsInf(cut, 0) {
			slack = math.Inf(1) // 0, tiny, NaN or infinite: every score
		}
		// pieces alike score alike: the last score's grid is kept
		last, lastOn := math.NaN(), false
		found := 0
		for d := range docs {
			if d%65536 == 0 {
				if err := ctx.Err(); err != nil {
					return 0, err
				}
			}
			if !n.matched(d) {
				continue
			}
			v := n.value(d)
			if math.Abs(v-cut) > slack {
				continue
			}
			if math.Float64bits(v) != math.Float64bits(last) {
				last, lastOn = v, gridScore(v) == cut
			}
			if !lastOn {
				continue
			}
			found++
			if err := f(d, v); err != nil {
				return 0, err
			}
		}
		return found, nil
	}
}

// checkSums scores the two pieces of a page numbered first again with
// bleve's searchers of q, walked to them: ok is false when one is not
// matched, or scored further than scoreSlack from its sum. The first
// numbered, as the walk goes through every match before them. Walked,
// not advanced to: bleve's boolean searcher (v2.6.3) advanced to the
// piece its optional clauses match first scores that piece without them
// (keptSearcher, split.go).
func (ix *Index) checkSums(ctx context.Context, q query.Query, r bleveindex.IndexReader, page []scoredDoc) (bool, error) {
	if len(page) == 0 {
		return true, nil
	}
	check := slices.Clone(page)
	slices.SortFunc(check, func(a, b scoredDoc) int { return cmp.Compare(a.d, b.d) })
	check = check[:min(len(check), 2)]
	s, err := q.Searcher(withFewDocs(ctx), r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return false, err
	}
	defer s.Close()
	sctx := walkContext(s, r)
	steps := 0
	for _, h := range check {
		for {
			if steps++; steps%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return false, err
				}
			}
			dm, err := s.Next(sctx)
			if err != nil {
				return false, err
			}
			if dm == nil || dm.IndexInternalID.Value() > h.d {
				denseMisses.Add(1)
				return false, nil
			}
			d, score := dm.IndexInternalID.Value(), dm.Score
			sctx.DocumentMatchPool.Put(dm)
			if d < h.d {
				continue
			}
			if math.Abs(score-h.score) > math.Abs(h.score)*scoreSlack {
				denseMisses.Add(1)
				return false, nil
			}
			break
		}
	}
	return true, nil
}

// scoredDoc is a piece and its score.
type scoredDoc struct {
	d     uint64
	score float64
}

// before is the collector's order: by score, ties by document number.
func (a scoredDoc) before(b scoredDoc) bool {
	return a.score > b.score || a.score == b.score && a.d < b.d
}

// pageHeap keeps the best pieces offered, the worst of them on top.
type pageHeap []scoredDoc

func (h *pageHeap) offer(n int, d uint64, score float64) {
	x := scoredDoc{d, score}
	if len(*h) < n {
		*h = append(*h, x)
		h.up(len(*h) - 1)
		return
	}
	if n > 0 && x.before((*h)[0]) {
		(*h)[0] = x
		h.down(0)
	}
}

func (h pageHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h[i].worse(h[p]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (h pageHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].worse(h[l]) {
			m = r
		}
		if !h[m].worse(h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// worse: a comes after b in the collector's order.
func (a scoredDoc) worse(b scoredDoc) bool { return b.before(a) }

// sorted is the pieces in the collector's order.
func (h pageHeap) sorted() []scoredDoc {
	out := slices.Clone(h)
	slices.SortFunc(out, func(a, b scoredDoc) int {
		if a.before(b) {
			return -1
		}
		if b.before(a) {
			return 1
		}
		return 0
	})
	return out
}

// fewDocs: the searchers are advanced to a few pieces, not walked
// (context value): a prefix is bleve's disjunction, not summed whole.
type fewDocsKey struct{}

func withFewDocs(ctx context.Context) context.Context {
	return context.WithValue(ctx, fewDocsKey{}, true)
}

func fewDocs(ctx context.Context) bool {
	v, _ := ctx.Value(fewDocsKey{}).(bool)
	return v
}

// scoreSort is the order by score alone (page.sortBy).
var scoreSort = []string{"-_score"}
