package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

const (
	relatedTerms = 16 // distinctive words of a piece used to find its relatives
	relatedLimit = 50
	// relatedTextBytes is how much of a body Related reads: what a piece
	// is about shows in its opening, and reading all of a 50 KB piece took
	// a core while Glamour rendered it (the reader's 50 KB render: 22 ->
	// 18 ms).
	relatedTextBytes = 8 << 10
)

// opening returns the first n bytes of s or a little less, cut at a space.
func opening(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	return s[:n]
}

// TagsOnlyError is Related's error when the index's words could not be
// read: the pieces it returns with it were found by the piece's tags alone.
type TagsOnlyError struct{ Err error }

func (e *TagsOnlyError) Error() string {
	return fmt.Sprintf("related by tags only: the index's words could not be read (%v)", e.Err)
}

func (e *TagsOnlyError) Unwrap() error { return e.Err }

// relatedReader opens the reader Related counts its words in (a test's
// fails).
var relatedReader = (*Index).reader

// Related returns up to n pieces most like the piece with the given ID:
// more-like-this over its most distinctive words (frequent in the piece,
// rare in the archive) and its tags, weighted by their rarity.
// The piece's own republished copies (Copies) are not among them.
// When the index's words cannot be read, it returns the pieces the tags
// find with a *TagsOnlyError saying why.
func (ix *Index) Related(id string, n int) ([]Hit, error) {
	if ix == nil {
		return nil, ErrNoIndex
	}
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return nil, ErrNoIndex
	}
	if n <= 0 {
		n = 10
	}
	n = min(n, relatedLimit)
	a, err := ix.article(id)
	if err != nil {
		return nil, err
	}

	total := float64(ix.Count())
	should, werr := ix.wordQueries(a.Title, a.Standfirst, a.Body, total)
	if werr != nil {
		werr = &TagsOnlyError{werr}
	}
	should = append(should, ix.tagQueries(a.Tags, total)...)
	if len(should) == 0 {
		return []Hit{}, werr
	}
	for i, c := range should {
		should[i] = gridQuery{c}
	}
	dq := query.NewDisjunctionQuery(should)
	// not the piece itself, nor its copies (the reader names them apart)
	not := []string{a.ID}
	for _, c := range ix.Copies(a.ID) {
		not = append(not, c.ID)
	}
	q := query.NewBooleanQuery([]query.Query{dq}, nil, []query.Query{query.NewDocIDQuery(not)})
	hits, err := ix.bestByScore(q, n)
	if err != nil {
		return nil, err
	}
	if err := ix.loadFields(context.Background(), hits, storedFields); err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(hits))
	for _, dm := range hits {
		out = append(out, ix.hitOf(dm, hitMarks{}, false))
	}
	return out, werr
}

// bestByScore returns the n best matches of q, best first, equal scores
// in their IDs' order, without their stored fields. Bleve's collector
// orders equal scores as the documents are in the index, which each
// build makes anew: the bundled archive's interviews related to a piece
// by one tag alone score the same and came in another order in every
// build, and which of them a list cut at n held changed with it. The
// collector is asked to order by score, then ID: one search of n, where
// collecting the ties past the n-th and sorting them searched again
// twice as deep until a match scored less, the whole group of equal
// scores some log₂ times (46r's review: 40,000 pieces of one tag, 370–408
// ms a list against 66–86 before the tie order).
func (ix *Index) bestByScore(q query.Query, n int) (search.DocumentMatchCollection, error) {
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	sr, err := ix.bi.Search(req)
	if err != nil {
		return nil, err
	}
	return sr.Hits, nil
}

// relatedWord is a distinctive word of a piece and its weight.
type relatedWord struct {
	term string
	w    float64
}

// wordQueries ask for the most distinctive words of a piece (its title,
// standfirst and the opening of its body), each weighted by its frequency
// in the piece and its rarity in the archive of total pieces; an error
// when the index's counts of them cannot be read.
func (ix *Index) wordQueries(title, standfirst, body string, total float64) ([]query.Query, error) {
	tf := map[string]int{}
	for _, s := range []string{title, title, standfirst, opening(body, relatedTextBytes)} {
		for _, t := range analyzeTerms(s) {
			if utf8.RuneCountInString(t) < 3 || hasDigitString(t) {
				continue
			}
			tf[t]++
		}
	}
	r, done, err := relatedReader(ix)
	if err != nil {
		return nil, err
	}
	defer done()
	// the pieces with a word, those deleted left out: a dictionary's
	// count has them until their segment is merged, and a generation
	// refreshed after a piece changed counted its words twice
	docFreq, err := segmentDocFreq(r, fText, nil)
	if err != nil {
		return nil, err
	}
	var ws []relatedWord
	for t, f := range tf {
		df, err := docFreq([]byte(t))
		if err != nil {
			return nil, err
		}
		if df < 2 { // only in this piece: it cannot relate it to another
			continue
		}
		idf := math.Log(total / float64(df))
		if idf <= 0.1 {
			continue
		}
		ws = append(ws, relatedWord{t, math.Sqrt(float64(f)) * idf})
	}
	// heaviest first, equal weights (words as often in the piece and in
	// as many pieces) in the words' order: tf is a map, read in an order
	// of its own each time, and which of them are the relatedTerms kept,
	// and the order of the clauses (bleve adds a piece's scores in it),
	// would change from one call to the next
	slices.SortFunc(ws, func(a, b relatedWord) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return strings.Compare(a.term, b.term)
	})
	if len(ws) > relatedTerms {
		ws = ws[:relatedTerms]
	}
	var should []query.Query
	for _, w := range ws {
		tq := query.NewTermQuery(w.term)
		tq.SetField(fText)
		tq.SetBoost(w.w)
		should = append(should, tq)
	}
	return should, nil
}

// tagQueries ask for a piece's tags that another piece has, weighted by
// their rarity in the archive of total pieces. A tag's count is its facet
// row's, found by its key (tagKey), as its term query matches it: the row
// of ΛΌΓΟΣ and λόγος shows one spelling and counts both.
func (ix *Index) tagQueries(tags []string, total float64) []query.Query {
	counts := map[string]int{}
	for _, fv := range ix.AllFacets().Tags {
		counts[tagKey(fv.Value)] += fv.Count
	}
	var should []query.Query
	for _, tag := range tags {
		df := counts[tagKey(tag)]
		if df < 2 {
			continue
		}
		tq := query.NewTermQuery(tagKey(tag))
		tq.SetField(fTags)
		tq.SetBoost(2 * math.Log(total/float64(df)+1))
		should = append(should, tq)
	}
	return should
}

// scoreGrid is the grid Related's clauses' scores are put on (gridQuery):
// multiples of 2^-40, so that a sum of them below 2^13 is exact, whatever
// the order of its terms. Under TF-IDF a clause scores at most its idf,
// 1+ln(pieces) (its query weight is at most 1, a word's count's square
// root over the field's length's at most 1), and k clauses, the squares
// of their query weights summing to 1 at most, at most √k times that: 16
// words and 100 tags of a million pieces below 170. The grid is 9e-13
// apart; the Related scores of the bundled archive and the SOTU addresses
// are 4e-4 or more.
const scoreGrid = 1 << 40

// gridQuery is a query whose matches' scores are on scoreGrid. Bleve's
// disjunction adds a piece's clauses in the order its heap holds them,
// which depends on the pieces walked before, so on the order of the
// documents in the index, which each build makes anew: the same pieces
// scored differently in their last bits in two builds of one archive
// (about 100 of the bundled archive's Related scores), and pieces scoring
// the same but for those bits traded places. Scores on the grid add up
// exactly, in any order.
type gridQuery struct{ query.Query }

func (q gridQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping,
	opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	if _, none := s.(*searcher.MatchNoneSearcher); none {
		return s, nil
	}
	return gridSearcher{s}, nil
}

// gridSearcher puts its matches' scores on scoreGrid.
type gridSearcher struct{ search.Searcher }

func (s gridSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	onGrid(dm)
	return dm, err
}

func (s gridSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	onGrid(dm)
	return dm, err
}

func onGrid(dm *search.DocumentMatch) {
	if dm != nil {
		dm.Score = math.Round(dm.Score*scoreGrid) / scoreGrid
	}
}
