package index

import (
	"context"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
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
	Results int // pieces matching the query
	Sample  int // pieces read: the best Sample results when Results is larger
	Archive int // pieces in the archive
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
	q.Offset, q.Limit, q.Mode = 0, opt.Sample, ModeHits
	if strings.TrimSpace(q.Text) != "" {
		q.Sort = SortRelevance
	}
	res, err := ix.Search(ctx, q)
	if err != nil {
		return TermsResult{}, err
	}
	out := TermsResult{Results: res.Total, Archive: ix.Count()}
	if len(res.Hits) == 0 {
		out.Took = time.Since(start)
		return out, nil
	}
	own := ownTerms(res.Terms)
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	cands, read, err := ix.significant(ctx, ids, own, opt, out.Archive)
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

// ownTerms are the analysed words of a query's terms, left out of Terms.
func ownTerms(terms []string) map[string]bool {
	own := map[string]bool{}
	for _, t := range terms {
		for _, w := range analyzeTerms(t) {
			own[w] = true
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
func wordCandidates(words, dfs map[string]int, forms surfaceForms, score jlh) []SignificantTerm {
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
func frequentPairs(pairs map[string]int, minDocs int, skip map[string]bool) []pairCount {
	var ps []pairCount
	for p, n := range pairs {
		a, b, _ := strings.Cut(p, " ")
		if n >= minDocs && !skip[a] && !skip[b] {
			ps = append(ps, pairCount{p, n})
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
func addPhrases(ctx context.Context, pc *phraseCounter, cands []SignificantTerm, ps []pairCount, forms surfaceForms,
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

// surfaceForms counts, for each indexed term (or pair), the forms it had
// in the text.
type surfaceForms map[string]map[string]int

func (sf surfaceForms) add(key, form string) { sf.addN(key, form, 1) }

func (sf surfaceForms) addN(key, form string, n int) {
	m := sf[key]
	if m == nil {
		m = map[string]int{}
		sf[key] = m
	}
	m[form] += n
}

// best is the commonest form of key (the first in order on a tie).
func (sf surfaceForms) best(key string) string {
	best, n := key, 0
	for f, c := range sf[key] {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}

// significant reads the pieces ids (in their order, until maxTermsBytes)
// and returns the words and pairs of words in a row that score against
// the archive of archive pieces, and how many pieces were read. The words
// not in minDocs pieces read, and those of skip, are left out.
//
// It holds ix.inUse throughout: the pieces, the words' counts and the
// phrases' are read from one view of the index, which a Refresh cannot
// close meanwhile.
func (ix *Index) significant(ctx context.Context, ids []string, skip map[string]bool, opt TermsOptions, archive int) ([]SignificantTerm, int, error) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return nil, 0, ErrNoIndex
	}
	texts, err := ix.sampleTexts(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	words, pairs, forms := countSample(texts)
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
	dfs, err := docFreqs(ctx, r, words, opt.MinDocs, skip)
	if err != nil {
		return nil, 0, err
	}
	cands := wordCandidates(words, dfs, forms, score)
	pc := &phraseCounter{r: r, field: fText, exact: opt.phraseExact, checks: opt.phraseChecks}
	cands, err = addPhrases(ctx, pc, cands, frequentPairs(pairs, opt.MinDocs, skip), forms, opt, score)
	if err != nil {
		return nil, 0, err
	}
	return cands, len(texts), nil
}

// sampleTexts loads the texts of the pieces ids in their order, within the
// budget, a chunk at a time (loading all 500 when 60 fill the budget cost
// more than reading). The caller holds ix.inUse.
func (ix *Index) sampleTexts(ctx context.Context, ids []string) ([][][]byte, error) {
	fields := []string{fTitle, fStandfirst, fNote, fBody}
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
			var t [][]byte
			for _, name := range fields {
				b := []byte(str(f[name]))
				if len(b) > maxTermsText {
					b = b[:maxTermsText]
				}
				t = append(t, b)
				budget -= len(b)
			}
			texts = append(texts, t)
		}
	}
	return texts, nil
}

// countSample counts the words and pairs of the texts (one per piece),
// analysed in parallel, each worker with its own counts, merged after.
func countSample(texts [][][]byte) (words, pairs map[string]int, forms surfaceForms) {
	workers := max(min(runtime.GOMAXPROCS(0), len(texts)), 1)
	type counts struct {
		words, pairs map[string]int
		forms        surfaceForms
	}
	parts := make([]counts, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			c := counts{map[string]int{}, map[string]int{}, surfaceForms{}}
			seenW, seenP := map[string]bool{}, map[[2]string]bool{}
			for ti := k; ti < len(texts); ti += workers {
				clear(seenW)
				clear(seenP)
				for _, text := range texts[ti] {
					countTerms(text, c.words, c.pairs, c.forms, seenW, seenP)
				}
			}
			parts[k] = c
		})
	}
	wg.Wait()
	words, pairs, forms = parts[0].words, parts[0].pairs, parts[0].forms
	for _, c := range parts[1:] {
		for w, n := range c.words {
			words[w] += n
		}
		for p, n := range c.pairs {
			pairs[p] += n
		}
		for key, m := range c.forms {
			for f, n := range m {
				forms.addN(key, f, n)
			}
		}
	}
	return words, pairs, forms
}

// Terms reads at most the first maxTermsText bytes of each field of a
// piece, and stops reading pieces when it has read maxTermsBytes: folio's
// analyser read 2–4 MB/s on one core of a busy machine, and a State of
// the Union address runs to 50 KB.
const (
	maxTermsText  = 16 << 10
	maxTermsBytes = 384 << 10
)

// countTerms adds the words and pairs of words in a row of text to the
// counts of pieces (seenW and seenP: those of this piece so far), with
// the form each had where it was first seen in a piece.
func countTerms(text []byte, words, pairs map[string]int, forms surfaceForms, seenW map[string]bool, seenP map[[2]string]bool) {
	toks := textAnalyzer.Analyze(text)
	form := func(i int) string { return strings.ToLower(string(text[toks[i].Start:toks[i].End])) }
	prev := ""
	for i, t := range toks {
		w := string(t.Term)
		if !wordLike(w) {
			prev = ""
			continue
		}
		if !seenW[w] {
			seenW[w] = true
			words[w]++
			forms.add(w, form(i))
		}
		if prev != "" && prev != w && toks[i-1].Position == t.Position-1 {
			if k := [2]string{prev, w}; !seenP[k] {
				seenP[k] = true
				p := prev + " " + w
				pairs[p]++
				forms.add(p, form(i-1)+" "+form(i))
			}
		}
		prev = w
	}
}

// wordLike keeps words of three or more characters with a letter: no
// numbers, no stray letters.
func wordLike(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// docFreqs looks up in the index how many pieces have each word of words
// that is in at least min pieces of the sample and not in skip.
func docFreqs(ctx context.Context, r bleveindex.IndexReader, words map[string]int, min int, skip map[string]bool) (map[string]int, error) {
	out := map[string]int{}
	for w, n := range words {
		if n < min || skip[w] {
			continue
		}
		tfr, err := r.TermFieldReader(ctx, []byte(w), fText, false, false, false)
		if err != nil {
			return nil, err
		}
		out[w] = int(tfr.Count())
		_ = tfr.Close()
	}
	return out, nil
}
