package index

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// What a search says back about its words: the forms stemming widened a
// word to (formsFound), and "did you mean".
//
// "Did you mean": a word of the query that matches nothing, or far fewer
// pieces than a spelling one or two edits away, is offered the closest
// spelling from the index's own words. The index holds stems, so the
// candidates are the stems near the word's stem (bleve's fuzzy term
// dictionary), and the word shown is the form of the best stem closest to
// what was typed, read from a piece that has it.

const (
	// suggestRatio: a word with matches is corrected only when the
	// correction finds this many times more pieces
	suggestRatio = 20
	// suggestMaxCount: nor when the word itself finds more than this
	suggestMaxCount = 3
	minSuggestLen   = 4
)

// reader opens a reader of the index's current snapshot.
func (ix *Index) reader() (bleveindex.IndexReader, func(), error) {
	bix, err := ix.bi.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := bix.Reader()
	if err != nil {
		return nil, nil, err
	}
	return r, func() { _ = r.Close() }, nil
}

// suggest finds a correction for one word of q's plan, or nil.
func (ix *Index) suggest(ctx context.Context, q Query, p queryPlan) *Suggestion {
	r, done, err := ix.reader()
	if err != nil {
		return nil
	}
	defer done()
	fz, ok := r.(bleveindex.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	var best *Suggestion
	bestGain := 0
	for _, g := range p.groups {
		for _, pc := range g {
			word, n, have := ix.correction(ctx, r, fz, pc)
			if word == "" {
				continue
			}
			if gain := n - have; gain > bestGain {
				bestGain = gain
				best = &Suggestion{Word: pc.text, Fix: word, Query: replaceWord(q.Text, pc.text, word)}
			}
		}
	}
	if best == nil {
		return nil
	}
	cq := q
	cq.Text, cq.Typing = best.Query, false
	cq.Mode = ModeCount
	cq.Offset, cq.Limit = 0, 0
	res, err := ix.search(ctx, cq, time.Now())
	if err != nil || res.Total == 0 {
		return nil
	}
	best.Count = res.Total
	return best
}

// correction is the spelling suggested for one clause of a query, with the
// pieces it finds (n) and those the clause finds (have); "" for none.
func (ix *Index) correction(ctx context.Context, r bleveindex.IndexReader, fz bleveindex.IndexReaderFuzzy, pc planClause) (word string, n, have int) {
	if pc.field != qfText || pc.syn > 0 || pc.phrase || pc.open || len(pc.units) != 1 {
		return "", 0, 0
	}
	u := pc.units[0]
	if u.kind != uStem || len(u.terms) != 1 || strings.ContainsRune(pc.text, ' ') {
		return "", 0, 0
	}
	stem := u.terms[0]
	typed := strings.ToLower(pc.text)
	if utf8.RuneCountInString(typed) < minSuggestLen || hasDigitString(stem) || isUpperTerm(stem) {
		return "", 0, 0
	}
	have = docFreq(ctx, r, stem, fText)
	if have > suggestMaxCount {
		return "", 0, 0
	}
	fix, n := bestNear(ctx, r, fz, stem, have)
	if fix != "" {
		word = ix.surfaceForm(ctx, r, fix, typed)
	} else {
		// a long word whose stem is much shorter than it
		// ("radicalisaton" is far from "radic"): its own edits
		word, n = bestEdit(ctx, r, typed, stem, have)
	}
	// one edit in a short word, two from eight letters
	if word == "" || word == typed || levenshtein(word, typed) > max(1, len(typed)/4) {
		return "", 0, 0
	}
	return word, n, have
}

// bestNear is the stem within one edit (two for longer words) of stem
// found in the most pieces, if it finds suggestRatio times more than have
// (or any, when have is 0).
func bestNear(ctx context.Context, r bleveindex.IndexReader, fz bleveindex.IndexReaderFuzzy, stem string, have int) (string, int) {
	fuzziness := 1
	if utf8.RuneCountInString(stem) > 4 {
		fuzziness = 2
	}
	_, size := utf8.DecodeRuneInString(stem)
	d, err := fz.FieldDictFuzzy(fText, stem, fuzziness, stem[:size])
	if err != nil {
		return "", 0
	}
	defer d.Close()
	best, bestN, bestDist := "", 0, 99
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			break
		}
		if e.Term == stem || isUpperTerm(e.Term) {
			continue
		}
		n := int(e.Count) // 0 from a fuzzy dictionary: asked for
		if n == 0 {
			n = docFreq(ctx, r, e.Term, fText)
		}
		if n == 0 {
			continue
		}
		dist := levenshtein(stem, e.Term)
		// one edit beats two unless two finds ten times more
		better := false
		switch {
		case best == "":
			better = true
		case dist < bestDist:
			better = n*10 > bestN
		case dist > bestDist:
			better = n > bestN*10
		default:
			better = n > bestN
		}
		if better {
			best, bestN, bestDist = e.Term, n, dist
		}
	}
	if best == "" || have > 0 && bestN < have*suggestRatio {
		return "", 0
	}
	return best, bestN
}

// docFreq is how many pieces hold term in field.
func docFreq(ctx context.Context, r bleveindex.IndexReader, term, field string) int {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return int(tfr.Count())
}

// surfaceForm is the word of the archive with stem closest to typed
// ("terrorism" for the stem "terror" and "terorism"), read from the pieces
// that have the stem until one is a single edit away (at most
// surfaceScanMax pieces): a word that is in the archive, never one made up.
func (ix *Index) surfaceForm(ctx context.Context, r bleveindex.IndexReader, stem, typed string) string {
	tfr, err := r.TermFieldReader(ctx, []byte(stem), fText, false, false, false)
	if err != nil {
		return ""
	}
	defer tfr.Close()
	best, bestDist := "", 1<<30
	seen := map[string]bool{}
	key := stem[:min(2, len(stem))]
	tr := textReader{s: ix.cur.bodies} // the pieces' texts (bodies.go)
	for k := 0; k < surfaceScanMax && bestDist > 1; k++ {
		d, err := tfr.Next(nil)
		if err != nil || d == nil {
			break
		}
		ext, err := r.ExternalID(d.ID)
		if err != nil {
			break
		}
		doc, err := r.Document(ext)
		if err != nil || doc == nil {
			continue
		}
		ref := ""
		visit := func(text []byte, refs bool) {
			if bestDist <= 1 {
				return
			}
			scanText(text, refs, func(w []byte, _ span, _ bool) bool {
				if len(w) < len(key) || !bytes.EqualFold(w[:len(key)], []byte(key)) {
					return true
				}
				lw := strings.ToLower(string(w))
				if seen[lw] {
					return true
				}
				seen[lw] = true
				if isLowerASCIIWord(lw) && normalizeTerm(lw) == stem {
					if dist := levenshtein(lw, typed); dist < bestDist {
						best, bestDist = lw, dist
					}
				}
				return bestDist > 1
			})
		}
		doc.VisitFields(func(f bleveindex.Field) {
			switch f.Name() {
			case fTitle:
				visit(f.Value(), false) // plain text: scanText
			case fBodyAt:
				ref = string(f.Value())
			}
		})
		if t, err := tr.textsAt(ref); err == nil {
			visit(t.standfirst, false)
			visit(t.body, true)
		}
	}
	return best
}

// surfaceScanMax bounds the pieces read for a suggestion's spelling.
const surfaceScanMax = 60

// bestEdit is the word one edit from typed whose stem is found in the
// most pieces, if it finds suggestRatio times more than have.
func bestEdit(ctx context.Context, r bleveindex.IndexReader, typed, stem string, have int) (string, int) {
	if !isLowerASCIIWord(typed) || len(typed) > 30 {
		return "", 0
	}
	best, bestN := "", 0
	counted := map[string]int{stem: have}
	edits1(typed, func(w string) bool {
		s := normalizeTerm(w)
		n, ok := counted[s]
		if !ok {
			n = docFreq(ctx, r, s, fText)
			counted[s] = n
		}
		if n > bestN {
			best, bestN = w, n
		}
		return true
	})
	if best == "" || have > 0 && bestN < have*suggestRatio {
		return "", 0
	}
	return best, bestN
}

// edits1 calls fn with every word one edit from w (lower-case ASCII):
// insertions, deletions, substitutions, transpositions; until fn returns
// false.
func edits1(w string, fn func(string) bool) {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	for i := 0; i <= len(w); i++ {
		for _, c := range letters {
			if !fn(w[:i] + string(c) + w[i:]) {
				return
			}
		}
	}
	for i := 0; i < len(w); i++ {
		if !fn(w[:i] + w[i+1:]) {
			return
		}
		for _, c := range letters {
			if byte(c) != w[i] && !fn(w[:i]+string(c)+w[i+1:]) {
				return
			}
		}
		if i+1 < len(w) && w[i] != w[i+1] && !fn(w[:i]+string(w[i+1])+string(w[i])+w[i+2:]) {
			return
		}
	}
}

// replaceWord replaces the first whole-word w in s by fix.
func replaceWord(s, w, fix string) string {
	re, err := regexp.Compile(`(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(w) + `($|[^\p{L}\p{N}])`)
	if err != nil {
		return s
	}
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil {
		return s
	}
	return s[:loc[3]] + fix + s[loc[4]:]
}

// levenshtein is the edit distance of a and b, by runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// widened lists the plain words the stemmer widens, with their stems:
// the words whose forms Results.Forms reports.
func (p *queryPlan) widened() [][2]string {
	var out [][2]string
	for _, g := range p.groups {
		for _, pc := range g {
			if pc.syn > 0 || pc.phrase || pc.field != qfText && pc.field != qfTitle {
				continue
			}
			for _, u := range pc.units {
				if u.kind == uStem && len(u.terms) == 1 && u.terms[0] != "" && !strings.ContainsRune(pc.text, ' ') {
					out = append(out, [2]string{strings.ToLower(strings.Trim(pc.text, `"'()[]{}.,;:!?`)), u.terms[0]})
				}
			}
		}
	}
	return out
}

// maxForms is how many forms of a word Results.Forms names.
const maxForms = 6

// formsFound lists, for each word the stemmer widened, the forms of it
// marked in the hits' titles and snippets, most frequent first, when there
// are several: "aids → aid, aids, aided…" (… when there were more).
func formsFound(words [][2]string, hits []Hit) []string {
	if len(words) == 0 || len(hits) == 0 {
		return nil
	}
	count := map[string]int{}
	markedWords(hits, func(w string) { count[lowerWord(w)]++ })
	var out []string
	for _, w := range words {
		var fs []string
		for f := range count {
			if normalizeTerm(f) == w[1] {
				fs = append(fs, f)
			}
		}
		if len(fs) < 2 {
			continue
		}
		slices.SortFunc(fs, func(a, b string) int {
			if count[a] != count[b] {
				return count[b] - count[a]
			}
			return strings.Compare(a, b)
		})
		more := ""
		if len(fs) > maxForms {
			fs, more = fs[:maxForms], "…"
		}
		out = append(out, w[0]+" → "+strings.Join(fs, ", ")+more)
	}
	return out
}

// lowerWord is w in lower case, a Greek word's closing σ written ς, as
// the word is spelt in lower case (ΛΌΓΟΣ is λόγος, not λόγοσ, which
// strings.ToLower makes).
func lowerWord(w string) string {
	l := strings.ToLower(w)
	if strings.HasSuffix(l, "σ") && strings.HasSuffix(w, "Σ") {
		return strings.TrimSuffix(l, "σ") + "ς"
	}
	return l
}

// fuzzyFormsFound are the words the page's hits mark for the fuzzy words of
// the default field (alpah~: alpha), for Results.Terms: the reader marks
// the words it is given, and a fuzzy word as typed is seldom one of them.
// Only the forms the page's titles and snippets show are known.
func fuzzyFormsFound(p *queryPlan, hits []Hit) []string {
	hl := newHighlightSet()
	for _, g := range p.groups {
		for _, pc := range g {
			if pc.field != qfText {
				continue
			}
			for _, u := range pc.units {
				if u.kind == uFuzzy {
					for _, v := range u.variants {
						hl.addFuzzy(v, u.fuzzy)
					}
				}
			}
		}
	}
	if hl.empty() {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	markedWords(hits, func(w string) {
		if k := strings.ToLower(w); !seen[k] && hl.match(w) {
			seen[k] = true
			out = append(out, w)
		}
	})
	return out
}

// markedWords calls f with each word the hits' titles and snippets mark,
// in order (a phrase's run is one mark: its words each).
func markedWords(hits []Hit, f func(w string)) {
	for _, h := range hits {
		for _, t := range append([]string{h.TitleMarked}, h.Snippets...) {
			for {
				i := strings.Index(t, MarkStart)
				if i < 0 {
					break
				}
				t = t[i+len(MarkStart):]
				j := strings.Index(t, MarkEnd)
				if j < 0 {
					break
				}
				for _, w := range textWords(t[:j]) {
					f(w)
				}
				t = t[j+len(MarkEnd):]
			}
		}
	}
}
