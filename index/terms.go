package index

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// SignificantTerm is a word, or two words in a row, over-represented in a
// query's results against the whole archive.
type SignificantTerm struct {
	Term      string // the commonest form of the word (or words) in the results, lower case
	Key       string // as the index holds it: stemmed, British spellings made American
	Phrase    bool   // two words in a row
	InResults int    // pieces of the results (of the sample) that have it
	InArchive int    // pieces of the archive that have it
	Estimated bool   // InArchive is estimated: a phrase of common words (see phraseCounter)
	Score     float64
}

// ArchiveCount is InArchive as text, "≈1200" when it is estimated.
func (t SignificantTerm) ArchiveCount() string {
	if t.Estimated {
		return "≈" + strconv.Itoa(t.InArchive)
	}
	return strconv.Itoa(t.InArchive)
}

// TermsResult is the answer to Terms.
type TermsResult struct {
	Terms   []SignificantTerm
	Notes   []string // how the query was read, as Results.Notes
	Results int      // pieces matching the query
	Sample  int      // pieces read: the best Sample results when Results is larger
	Archive int      // pieces in the archive
	Took    time.Duration
}

// Sampled reports whether only the best results were read.
func (r TermsResult) Sampled() bool { return r.Sample < r.Results }

// TermsOptions bound Terms.
type TermsOptions struct {
	N       int // terms to return (default 20)
	Sample  int // results read at most, the best by relevance (default 100); fewer when their text passes maxTermsBytes
	MinDocs int // least pieces of the sample a term must be in (default 3, or 2 for a sample under 10)
	Phrases int // two-word candidates counted in the archive at most, the most frequent in the sample first (default 15)

	// the phraseCounter's exact and checks, for tests (0: the defaults)
	phraseExact, phraseChecks int
}

// Terms finds the words and two-word phrases most over-represented in the
// results of q against the whole archive, scored by JLH (the default of
// Elasticsearch's significant_terms): (fg − bg)·fg/bg, where fg is the
// share of the results (the sample) with the term and bg the share of the
// archive. Words come from the results' text analysed as the index
// analyses it; a word's archive count is its document frequency in the
// index. A phrase's is counted from the postings of its two words (see
// phraseCounter): exactly when at most 4,096 pieces have both words,
// otherwise estimated from 2,048 of those pieces spread over them, and
// then marked Estimated. The query's own words are left out.
func (ix *Index) Terms(ctx context.Context, q Query, opt TermsOptions) (TermsResult, error) {
	start := time.Now()
	opt = opt.withDefaults()
	if strings.TrimSpace(q.Text) != "" {
		q.Sort = SortRelevance
	}
	// One read lock throughout: the results, their text and the archive's
	// counts come from one view of the index, which a Refresh cannot close
	// meanwhile.
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return TermsResult{}, ErrNoIndex
	}
	ids, total, terms, err := ix.topIDs(ctx, q, opt.Sample)
	if err != nil {
		return TermsResult{}, err
	}
	out := TermsResult{Results: total, Archive: ix.Count()}
	// with copies collapsed, the background is the archive collapsed, as
	// search '' --collapse-copies counts it: each group's earliest piece
	// (an attack: the results were collapsed and the archive not, "against
	// 281 pieces" where search counted 273)
	var hidden []string
	if q.CollapseCopies {
		hidden = ix.collapsedOut()
		out.Archive -= len(hidden)
	}
	// as search says them (a helper's report: `terms '"it is not"'` read
	// the whole archive with no word of the phrase left out)
	out.Notes = buildPlan(parseQuery(q.Text, q.Typing), ix.synonyms).notes
	if len(ids) == 0 {
		out.Took = time.Since(start)
		return out, nil
	}
	own := ownTerms(terms)
	cands, read, err := ix.significant(ctx, ids, own, opt, out.Archive, hidden)
	if err != nil {
		return TermsResult{}, err
	}
	out.Sample = read
	sortByScore(cands)
	out.Terms = cands[:min(len(cands), opt.N)]
	out.Took = time.Since(start)
	return out, nil
}

// withDefaults fills in the options left 0, but MinDocs (it depends on the
// sample).
func (opt TermsOptions) withDefaults() TermsOptions {
	if opt.N <= 0 {
		opt.N = 20
	}
	if opt.Sample <= 0 {
		opt.Sample = 100
	}
	if opt.Phrases <= 0 {
		opt.Phrases = 15
	}
	return opt
}

// ownTerms are the analysed words of a query's terms, left out of Terms,
// and the closed word of a hyphenated one (compounds.go), which the query
// finds as well: counter-terrorism leaves out counterterrorism.
func ownTerms(terms []string) map[string]bool {
	own := map[string]bool{}
	for _, t := range terms {
		for _, w := range analyzeTerms(t) {
			own[w] = true
		}
		for _, w := range strings.Fields(t) {
			if c := queryCompound(w); c != "" {
				own[c] = true
			}
		}
	}
	return own
}

// jlh scores a term in fg pieces of the sample of fgN and bg of the
// archive of bgN.
type jlh struct{ fgN, bgN float64 }

func (j jlh) score(fg, bg int) float64 {
	f, b := float64(fg)/j.fgN, float64(max(bg, fg))/j.bgN
	if f <= b {
		return 0
	}
	return (f - b) * f / b
}

// wordCandidates are the words of dfs that score above 0.
func wordCandidates(words, dfs map[string]int, forms *sampleCounts, score jlh) []SignificantTerm {
	var cands []SignificantTerm
	for w, bg := range dfs {
		fg := words[w]
		if s := score.score(fg, bg); s > 0 {
			cands = append(cands, SignificantTerm{Term: forms.best(w), Key: w, InResults: fg, InArchive: max(bg, fg), Score: s})
		}
	}
	return cands
}

// pairCount is a pair of words and the pieces of the sample that have it.
type pairCount struct {
	p string
	n int
}

// frequentPairs are the pairs in at least minDocs pieces of the sample,
// without a word of skip, the most frequent first.
func frequentPairs(sc *sampleCounts, minDocs int, skip map[string]bool) []pairCount {
	var ps []pairCount
	for _, pc := range sc.pairs {
		if int(pc.docs) >= minDocs && !skip[sc.terms[pc.a].text] && !skip[sc.terms[pc.b].text] {
			ps = append(ps, pairCount{sc.pairText(pc), int(pc.docs)})
		}
	}
	slices.SortFunc(ps, func(x, y pairCount) int {
		if x.n != y.n {
			return y.n - x.n
		}
		return strings.Compare(x.p, y.p)
	})
	return ps
}

// addPhrases counts the most frequent pairs of the sample in the archive
// and adds those that score to cands.
//
// A phrase's score is highest when it is nowhere else (bg = fg), and that
// best score grows with fg: the pairs are counted, most frequent first,
// only while their best score could still make the list, and each count
// stops once the phrase is in too many pieces of the archive to make it.
func addPhrases(ctx context.Context, pc *phraseCounter, cands []SignificantTerm, ps []pairCount, forms *sampleCounts,
	opt TermsOptions, score jlh) ([]SignificantTerm, error) {
	sortByScore(cands)
	for _, p := range ps[:min(len(ps), opt.Phrases)] {
		cut := 0.0
		if len(cands) >= opt.N {
			cut = cands[opt.N-1].Score
		}
		limit := score.maxBackground(p.n, cut)
		if limit < 0 {
			break // nor any pair after it: they are in fewer pieces of the sample
		}
		a, b, _ := strings.Cut(p.p, " ")
		bg, est, err := pc.count(ctx, a, b, limit)
		if err != nil {
			return nil, err
		}
		if s := score.score(p.n, bg); bg <= limit && s > 0 {
			cands = append(cands, SignificantTerm{Term: forms.best(p.p), Key: p.p, Phrase: true, InResults: p.n, InArchive: max(bg, p.n), Estimated: est, Score: s})
			sortByScore(cands)
		}
	}
	return cands, nil
}

// sortByScore sorts terms by score, best first, then by term.
func sortByScore(cands []SignificantTerm) {
	slices.SortFunc(cands, func(a, b SignificantTerm) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.Term, b.Term)
	})
}

// topIDs are the IDs of the best n pieces of q as Search ranks them
// (its plan, filters, sort and re-ranking by length), with the number of
// pieces that match and the query's terms, but none of their fields or
// snippets: Terms reads the pieces' text itself. The caller holds
// ix.inUse.
func (ix *Index) topIDs(ctx context.Context, q Query, n int) (ids []string, total int, terms []string, err error) {
	ctx = withBodies(ctx, ix.cur.bodies) // for exact forms
	p := buildPlan(parseQuery(q.Text, q.Typing), ix.synonyms)
	if p.typed != "" {
		ix.resolveTyping(ctx, &p)
	}
	c := compile(p)
	terms = p.terms()
	filters, restrict, none := ix.filterQueries(q)
	if none {
		return nil, 0, terms, nil
	}
	c.scopeBudgets(filters, restrict)
	if q.CollapseCopies { // as Search does: each group of copies once
		if restrict, _, _, err = ix.collapsedFor(ctx, c, filters, restrict, periodFree(filters, restrict)); err != nil {
			return nil, 0, nil, err
		}
	}
	q.Offset, q.Limit, q.Mode = 0, n, ModeHits
	pg := pageOf(q, len(c.must) > 0, len(c.must) > 0 || len(c.mustNot) > 0)
	mainQ := combine(c.must, c.mustNot, c.should, filters, restrict, "")
	var hits search.DocumentMatchCollection
	if pg.rerank {
		hits, total, err = ix.collectRanked(ctx, mainQ, pg, nil, nil, "")
	} else {
		hits, total, err = ix.collect(ctx, mainQ, pg.size, pg.from, pg.sortBy, nil)
	}
	if err != nil {
		return nil, 0, nil, err
	}
	if pg.rerank {
		hits = ix.rerankByLength(hits, pg.offset, pg.limit)
	}
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids, total, terms, nil
}

// significant reads the pieces ids (in their order, until maxTermsBytes)
// and returns the words and pairs of words in a row that score against
// the archive of archive pieces, and how many pieces were read. The words
// not in minDocs pieces read, and those of skip, are left out; the pieces
// hidden are not counted in the archive. The caller holds ix.inUse.
func (ix *Index) significant(ctx context.Context, ids []string, skip map[string]bool, opt TermsOptions, archive int, hidden []string) ([]SignificantTerm, int, error) {
	texts, err := ix.sampleTexts(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	sc, skip := countSample(texts, skip)
	if opt.MinDocs <= 0 {
		opt.MinDocs = 3
		if len(texts) < 10 {
			opt.MinDocs = 2
		}
	}
	r, done, err := ix.reader()
	if err != nil {
		return nil, 0, err
	}
	defer done()
	score := jlh{fgN: float64(len(texts)), bgN: float64(max(archive, 1))}
	words := sc.words(opt.MinDocs, skip)
	dfs, err := docFreqs(ctx, r, words, hidden)
	if err != nil {
		return nil, 0, err
	}
	cands := wordCandidates(words, dfs, sc, score)
	pc := &phraseCounter{r: r, field: fText, exact: opt.phraseExact, checks: opt.phraseChecks}
	if pc.skip, err = internalIDs(r, hidden); err != nil {
		return nil, 0, err
	}
	cands, err = addPhrases(ctx, pc, cands, frequentPairs(sc, opt.MinDocs, skip), sc, opt, score)
	if err != nil {
		return nil, 0, err
	}
	return cands, len(texts), nil
}

// sampleTexts loads the texts of the pieces ids in their order, within the
// budget, a chunk at a time (loading all 500 when 60 fill the budget cost
// more than reading). The caller holds ix.inUse.
func (ix *Index) sampleTexts(ctx context.Context, ids []string) ([][][]byte, error) {
	fields := []string{fTitle, fBodyAt}
	tr := textReader{s: ix.cur.bodies} // the long texts (bodies.go)
	var texts [][][]byte
	budget := maxTermsBytes
	for len(ids) > 0 && budget > 0 {
		chunk := ids[:min(len(ids), 32)]
		ids = ids[len(chunk):]
		req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(chunk), len(chunk), 0, false)
		req.Fields = fields
		sr, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		byID := make(map[string]map[string]interface{}, len(sr.Hits))
		for _, h := range sr.Hits {
			byID[h.ID] = h.Fields
		}
		for _, id := range chunk {
			f, ok := byID[id]
			if !ok || budget <= 0 {
				continue
			}
			t, err := termsTexts(&tr, f)
			if err != nil {
				return nil, err
			}
			for _, b := range t {
				budget -= len(b)
			}
			texts = append(texts, t)
		}
	}
	return texts, nil
}

// Terms reads at most the first maxTermsText bytes of each field of a
// piece, and stops reading pieces when it has read maxTermsBytes: folio's
// analyser read 2–4 MB/s on one core of a busy machine, and a State of
// the Union address runs to 50 KB.
const (
	maxTermsText  = 16 << 10
	maxTermsBytes = 384 << 10
)

// collapsedOut is the pieces a collapse of copies leaves out of the whole
// archive: every piece but the earliest of its group.
func (ix *Index) collapsedOut() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.copies == nil {
		return nil
	}
	return ix.copies.others
}

// internalIDs is the set of the internal IDs of the pieces ids; nil for
// none.
func internalIDs(r bleveindex.IndexReader, ids []string) (map[string]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		in, err := r.InternalID(id)
		if err != nil {
			return nil, err
		}
		if in != nil {
			out[string(in)] = true
		}
	}
	return out, nil
}

// docFreqs looks up in the index how many pieces have each word of words,
// the pieces hidden left out.
func docFreqs(ctx context.Context, r bleveindex.IndexReader, words map[string]int, hidden []string) (map[string]int, error) {
	df, err := segmentDocFreq(r, fText, hidden)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(words))
	for w := range words {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, err := df([]byte(w))
		if err != nil {
			return nil, err
		}
		out[w] = c
	}
	return out, nil
}

// segmentDocFreq returns a function that counts the pieces with a term in
// field: in each segment's dictionary, opened once for all the terms (a
// term reader opens every segment's dictionary anew, which was most of
// the cost of looking up a sample's 2,000 words), less the deleted pieces
// and those of hidden.
func segmentDocFreq(r bleveindex.IndexReader, field string, hidden []string) (func(term []byte) (int, error), error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		skip, err := internalIDs(r, hidden)
		if err != nil {
			return nil, err
		}
		return func(term []byte) (int, error) {
			tfr, err := r.TermFieldReader(context.Background(), term, field, false, false, false)
			if err != nil {
				return 0, err
			}
			defer tfr.Close()
			if len(skip) == 0 {
				return int(tfr.Count()), nil
			}
			n := 0
			var d bleveindex.TermFieldDoc
			for {
				m, err := tfr.Next(d.Reset())
				if err != nil || m == nil {
					return n, err
				}
				if !skip[string(m.ID)] {
					n++
				}
			}
		}, nil
	}
	var counts []func(term []byte) (uint64, error)
	var failed error
	for _, ss := range snap.Segments() {
		d, err := ss.Segment().Dictionary(field)
		if err != nil {
			failed = err
			break
		}
		deleted := ss.Deleted()
		if len(hidden) > 0 {
			// the segment's numbers of the pieces hidden, with its
			// deleted ones: the postings leave both out
			except, err := ss.Segment().DocNumbers(hidden)
			if err != nil {
				failed = err
				break
			}
			if deleted != nil {
				except.Or(deleted)
			}
			deleted = except
		}
		counts = append(counts, func(term []byte) (uint64, error) {
			pl, err := d.PostingsList(term, deleted, nil)
			if err != nil || pl == nil {
				return 0, err
			}
			return pl.Count(), nil
		})
	}
	return func(term []byte) (int, error) {
		if failed != nil {
			return 0, failed
		}
		n := uint64(0)
		for _, c := range counts {
			k, err := c(term)
			if err != nil {
				return 0, err
			}
			n += k
		}
		return int(n), nil
	}, nil
}
