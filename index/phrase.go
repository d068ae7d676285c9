package index

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// phraseQuery matches words at given distances in one field, like bleve's
// MultiPhraseQuery with one word per place. Bleve's phrase searcher builds
// a map of locations for every candidate piece and was the slowest part of
// the benchmark mix ("united states", the Islamic State group): a phrase of
// two common words read positions in every piece. This one lets a
// conjunction of plain term searchers find and score the candidates (the
// same score bleve's phrase searcher gives) and reads positions straight
// from the postings, into reused buffers, only to check the candidates.
type phraseQuery struct {
	field string
	terms []string // "" keeps the place of a stop word
	boost float64
	// adjacency: the ranking's adjacency clause, which is only ever an
	// optional clause of a boolean query beside required ones
	// (rankingQueries, combine)
	adjacency bool
	// askedOnly: as such a clause, its searcher checks only the pieces the
	// required clauses matched (see phraseSearcher.askedOnly); combine
	// sets it when filters or restrictions narrow those clauses.
	askedOnly bool
}

func newPhraseQuery(terms []string, field string, boost float64) *phraseQuery {
	return &phraseQuery{field: field, terms: terms, boost: boost}
}

// newAdjacencyPhrase is the ranking's adjacency clause: the phrase as an
// optional clause beside required ones, never alone.
func newAdjacencyPhrase(terms []string, field string, boost float64) *phraseQuery {
	return &phraseQuery{field: field, terms: terms, boost: boost, adjacency: true}
}

// askedOnly is should with its adjacency phrase, if any, checking only the
// pieces asked about (a copy; should is not changed).
func askedOnly(should []query.Query) []query.Query {
	i := slices.IndexFunc(should, func(q query.Query) bool {
		pq, ok := q.(*phraseQuery)
		return ok && pq.adjacency && !pq.askedOnly
	})
	if i < 0 {
		return should
	}
	out := slices.Clone(should)
	c := *out[i].(*phraseQuery)
	c.askedOnly = true
	out[i] = &c
	return out
}

func (q *phraseQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, _ mapping.IndexMapping,
	opts search.SearcherOptions) (search.Searcher, error) {
	var words []string
	var offsets []uint64
	for i, t := range q.terms {
		if t != "" {
			words = append(words, t)
			offsets = append(offsets, uint64(i))
		}
	}
	if len(words) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	scoreOpts := opts
	scoreOpts.IncludeTermVectors = false
	var subs []search.Searcher
	var readers []bleveindex.TermFieldReader
	fail := func(err error) (search.Searcher, error) {
		for _, s := range subs {
			_ = s.Close()
		}
		for _, rd := range readers {
			_ = rd.Close()
		}
		return nil, err
	}
	for _, w := range words {
		s, err := searcher.NewTermSearcher(ctx, r, w, q.field, q.boost, scoreOpts)
		if err != nil {
			return fail(err)
		}
		subs = append(subs, s)
	}
	if len(words) == 1 {
		return subs[0], nil
	}
	// the pairs of common words side by side (pairs.go): candidates
	// that have them, scored by the words alone
	if q.field == fText && pairFilter {
		for _, pt := range q.pairs() {
			s, err := searcher.NewTermSearcher(ctx, r, pt, fPairs, 0, scoreOpts)
			if err != nil {
				return fail(err)
			}
			subs = append(subs, s)
		}
	}
	var direct *segmentPositions
	snap, isScorch := r.(*scorch.IndexSnapshot)
	if isScorch && segmentReads {
		direct = newSegmentPositions(snap, q.field, words)
	} else {
		for _, w := range words {
			rd, err := r.TermFieldReader(ctx, []byte(w), q.field, false, false, true)
			if err != nil {
				return fail(err)
			}
			readers = append(readers, rd)
		}
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, subs, scoreOpts)
	if err != nil {
		return fail(err)
	}
	ps := &phraseSearcher{
		Searcher: conj,
		byPair:   q.byPair(),
		// the places it answers with are made from scorch's document
		// numbers
		askedOnly: q.adjacency && q.askedOnly && isScorch,
		walk:      newSpanWalk(ctx),
		ctx:       ctx,
		direct:    direct,
		readers:   readers,
		offsets:   offsets,
		docs:      make([]bleveindex.TermFieldDoc, len(readers)),
		pos:       make([][]uint64, len(words)),
	}
	if memo := phraseMemoOf(ctx); memo != nil && isScorch {
		ps.memo, ps.snap, ps.key = memo, snap, phraseKey(q.field, words, offsets)
		ps.known = memo.facts(snap, ps.key)
	}
	return ps, nil
}

// byPair reports whether the phrase is its pair term alone: two words
// side by side that make a pair (pairs.go), whose postings are the pieces
// with the phrase; no positions need reading.
func (q *phraseQuery) byPair() bool {
	return len(q.terms) == 2 && len(q.pairs()) == 1
}

// pairs are the pair terms (pairs.go) of the phrase's common words side by
// side, each once; none outside the text or with the pairs filter off.
func (q *phraseQuery) pairs() []string {
	var pairs []string
	if q.field != fText || !pairFilter {
		return nil
	}
	for i := 1; i < len(q.terms); i++ {
		if pt := pairTerm(q.terms[i-1], q.terms[i]); pt != "" && !slices.Contains(pairs, pt) {
			pairs = append(pairs, pt)
		}
	}
	return pairs
}

// phraseSearcher is a conjunction whose matches are kept only when the
// words stand at the phrase's distances.
type phraseSearcher struct {
	search.Searcher                              // the conjunction: candidates and scores
	ctx             context.Context              // the search's (exactSearcher.first says why)
	rejected        int                          // candidates looked at, to ask ctx now and then
	walk            spanWalk                     // the span of a split walk (split.go)
	direct          *segmentPositions            // the words' positions, from a scorch snapshot
	readers         []bleveindex.TermFieldReader // or through bleve's term readers
	offsets         []uint64
	docs            []bleveindex.TermFieldDoc
	pos             [][]uint64
	// done: the conjunction has no more candidates with the phrase. A
	// disjunction advances a clause it has seen run out again at every
	// piece it is asked for (bleve's DisjunctionSliceSearcher.Advance);
	// the conjunction then finds a candidate again, behind the positions
	// the readers are at, and a term reader asked to go back starts again
	// from its segment's first piece (scorch's Advance). Each of those
	// read the rest of the segment's candidates: "congress economy
	// revenue" took 21 s at 100k in three segments of 20k-43k pieces
	// (0.4 s in ten of up to 21k).
	done bool
	// byPair: the conjunction's candidates have the phrase (its pair's
	// postings, phraseQuery.byPair)
	byPair bool
	// checked counts the candidates whose positions were read (tests)
	checked int
	// memo: what the view's searches found of this phrase (phrasememo.go):
	// known when this one started, and what this one learns, kept when
	// it closes
	memo              *phraseMemo
	snap              *scorch.IndexSnapshot
	key               string
	known             *phraseFacts
	learnt, learntHas docBits

	// askedOnly: the phrase is an optional clause beside required ones
	// (bleve's BooleanSearcher, through the disjunction of the optional
	// clauses), which asks it with Advance about each piece the required
	// clauses matched. The searcher checks that piece alone, not the
	// candidates after it: when the piece has no phrase, the answer is a
	// place just after it that is no piece (its ID with a byte added,
	// which sorts after it and before the next piece), so the boolean
	// searcher scores the piece without the phrase and asks again at its
	// next piece. Otherwise each Advance reads the positions of every
	// candidate up to the next one with the phrase: with a tag filter,
	// the pieces with the words but not the tag. Such places must never
	// reach a collector: the clause is never used alone (rankingQueries,
	// combine).
	//
	// It costs more when the required clauses match nearly every
	// candidate: every answer is behind the next required match, so the
	// boolean searcher moves the whole disjunction at each one. A single
	// walk of 30k pieces without a filter took 15-35 % longer with it
	// ("united states" 33 ms against 25, the same candidates checked; a
	// review, 2026-12-02), so combine asks for it only with filters or
	// restrictions.
	askedOnly bool
	pending   *search.DocumentMatch // askedOnly: the candidate not yet asked about
	last      []byte                // askedOnly: the ID last answered
}

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	if s.askedOnly {
		return s.askedNext(ctx)
	}
	dm, err := s.walk.next(ctx, s.Searcher)
	return s.first(ctx, dm, err)
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	if s.askedOnly {
		return s.askedAdvance(ctx, id)
	}
	dm, err := s.walk.advance(ctx, s.Searcher, id)
	return s.first(ctx, dm, err)
}

// askedAdvance answers whether piece id has the phrase: its match, or a
// place just after it (see askedOnly).
func (s *phraseSearcher) askedAdvance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.pending != nil && s.pending.IndexInternalID.Compare(id) < 0 {
		ctx.DocumentMatchPool.Put(s.pending)
		s.pending = nil
	}
	if s.pending == nil {
		dm, err := s.walk.advance(ctx, s.Searcher, id)
		if ok, err := s.hold(ctx, dm, err); !ok {
			return nil, err
		}
	}
	if s.pending.IndexInternalID.Equals(id) {
		ok, err := s.hasPhrase(id)
		if err != nil {
			return nil, err
		}
		if ok {
			dm := s.pending
			s.pending = nil
			s.last = append(s.last[:0], id...)
			return dm, nil
		}
	}
	return s.placeAfter(ctx, id), nil
}

// askedNext is Next for an askedOnly phrase, which the disjunction of the
// optional clauses calls when it starts and after it used this clause's
// answer: a place just after the last answer, or at first just before the
// first candidate (the candidates are checked when they are asked about).
func (s *phraseSearcher) askedNext(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.last != nil && len(s.last) <= 16 {
		return s.placeAfter(ctx, s.last), nil
	}
	if s.last != nil {
		// bleve's searchers call it at most twice in a row (a review,
		// 2026-12-02); should a searcher call it more, the next match is
		// found as a phrase of its own finds it
		if dm := s.pending; dm != nil {
			s.pending = nil
			return s.first(ctx, dm, nil)
		}
		dm, err := s.walk.next(ctx, s.Searcher)
		return s.first(ctx, dm, err)
	}
	dm, err := s.walk.next(ctx, s.Searcher)
	if ok, err := s.hold(ctx, dm, err); !ok {
		return nil, err
	}
	n := s.pending.IndexInternalID.Value()
	if n == 0 { // no place sorts before the first piece: it is checked
		return s.askedAdvance(ctx, bleveindex.NewIndexInternalID(nil, 0))
	}
	return s.placeAfter(ctx, bleveindex.NewIndexInternalID(nil, n-1)), nil
}

// hold keeps dm, the conjunction's candidate (what its Advance or Next
// gave, with err), as the one pending; false on an error, or when there
// is no candidate in the span: then the searcher is done.
func (s *phraseSearcher) hold(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	if dm == nil || s.walk.past(ctx, dm) {
		s.done = true
		return false, nil
	}
	s.pending = dm
	return true, nil
}

// placeAfter is a match at no piece: id with a byte added, which sorts
// after id and before any piece after it.
func (s *phraseSearcher) placeAfter(ctx *search.SearchContext, id bleveindex.IndexInternalID) *search.DocumentMatch {
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(append(dm.IndexInternalID[:0], id...), 0)
	s.last = append(s.last[:0], dm.IndexInternalID...)
	return dm
}

// first returns dm or the first match after it that has the phrase.
func (s *phraseSearcher) first(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for dm != nil && err == nil {
		if s.walk.past(ctx, dm) {
			dm = nil // no more in the span
			break
		}
		if s.rejected++; s.rejected%64 == 0 {
			if err := s.ctx.Err(); err != nil {
				ctx.DocumentMatchPool.Put(dm)
				return nil, err
			}
		}
		ok, perr := s.hasPhrase(dm.IndexInternalID)
		if perr != nil {
			return nil, perr
		}
		if ok {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.Searcher.Next(ctx)
	}
	s.done = dm == nil && err == nil
	return dm, err
}

// hasPhrase reports whether piece id has the phrase: as the memo knows
// it, else read from the positions.
func (s *phraseSearcher) hasPhrase(id bleveindex.IndexInternalID) (bool, error) {
	if s.byPair {
		return true, nil
	}
	if s.memo == nil {
		return s.readPhrase(id)
	}
	d := id.Value()
	if s.known != nil && s.known.checked.get(d) {
		return s.known.has.get(d), nil
	}
	ok, err := s.readPhrase(id)
	if err == nil {
		s.learnt.set(d)
		if ok {
			s.learntHas.set(d)
		}
	}
	return ok, err
}

// readPhrase reads the positions of every word in piece id and looks for
// a place where each stands at its offset.
func (s *phraseSearcher) readPhrase(id bleveindex.IndexInternalID) (bool, error) {
	s.checked++
	if s.direct != nil {
		for i := range s.pos {
			p, ok, err := s.direct.positions(i, id)
			if err != nil || !ok {
				return false, err
			}
			s.pos[i] = p
		}
		return s.phraseAt(), nil
	}
	for i, rd := range s.readers {
		d, err := rd.Advance(id, s.docs[i].Reset())
		if err != nil {
			return false, err
		}
		if d == nil || !d.ID.Equals(id) {
			return false, nil
		}
		p := s.pos[i][:0]
		for _, v := range d.Vectors {
			k := v.Pos
			if len(v.ArrayPositions) > 0 {
				k |= v.ArrayPositions[0] << 40 // places count within one value of a list
			}
			p = append(p, k)
		}
		slices.Sort(p)
		s.pos[i] = p
	}
	return s.phraseAt(), nil
}

// phraseAt reports whether the positions in s.pos have each word at its
// offset from the first's.
func (s *phraseSearcher) phraseAt() bool {
	for _, p0 := range s.pos[0] {
		if p0 < s.offsets[0] {
			continue
		}
		start := p0 - s.offsets[0]
		all := true
		for i := 1; i < len(s.pos) && all; i++ {
			_, all = slices.BinarySearch(s.pos[i], start+s.offsets[i])
		}
		if all {
			return true
		}
	}
	return false
}

// DocumentMatchPoolSize counts the matches an askedOnly phrase holds besides
// its conjunction's: the candidate not yet asked about, and its answer.
func (s *phraseSearcher) DocumentMatchPoolSize() int {
	return s.Searcher.DocumentMatchPoolSize() + 2
}

func (s *phraseSearcher) Close() error {
	checkedCandidates.Add(int64(s.checked))
	phrasePositionReads.Add(int64(s.checked))
	if s.memo != nil && len(s.learnt) > 0 {
		s.memo.learn(s.snap, s.key, s.learnt, s.learntHas)
	}
	err := s.Searcher.Close()
	for _, rd := range s.readers {
		if e := rd.Close(); err == nil {
			err = e
		}
	}
	return err
}

// pairFilter: a phrase's candidates must have its pairs of common words
// (pairs.go; false: the words alone, the tests compare the two).
var pairFilter = true

// segmentReads: phrase positions are read from the segments' postings
// (false: through bleve's term readers; the tests compare the two).
var segmentReads = true
