package index

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sync/errgroup"
)

// exactQuery matches the pieces whose text has a unit's exact forms: a
// word or phrase as written (uExact, any case; uCase, this case) or a word
// starting with a prefix (uPrefix). The index holds stems only, so the
// stems' query finds the candidates (a superset: every piece with an exact
// form has its stems) and each candidate's stored text is read and its
// words compared. Scores are the candidates'. The cost is paid by the
// queries that ask for it, at search time, instead of by every build (an
// unstemmed field cost 37-42 % more build time when it was tried); the
// index benchmark measures it.
type exactQuery struct {
	candidates query.Query
	field      string // fText: the piece's whole text; fTitle: its title
	u          unit
	// budget, when not 0, is how many candidates' texts are read at most,
	// the first in document order (keepChecked); the rest do not match
	// (the word being typed: fewer hits, each right, rather than a
	// keystroke that reads the archive)
	budget int
	// within, with a budget, is what the rest of the search requires (the
	// query's other words, its exclusions and filters: scopeBudgets): the
	// first budget candidates read are among the pieces it matches, so a
	// word narrowing the query does not leave the typed one only the
	// pieces it does not match
	within query.Query
	// with a budget: the pieces that passed, for the snapshot they were
	// read from: the searchers built from this query for one search (a
	// summed one builds two or three) read the texts once
	kept keptMemo
	// word* without a budget: the pieces that pass unread (surestems.go);
	// a word in capitals: the pieces that have it (caps.go); a bundled
	// alias as written: the pieces with its form or pairs (forms.go)
	sure, caps, forms snapBits
}

// keptMemo is the pieces an exactQuery with a budget lets in, of a
// snapshot.
type keptMemo struct {
	mu   sync.Mutex
	r    bleveindex.IndexReader
	docs []uint64
	// full says candidates were left unread past the budget: the
	// pieces let in may be fewer than those that have the forms
	full bool
}

func (m *keptMemo) get(r bleveindex.IndexReader) ([]uint64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.docs, m.r == r && r != nil
}

func (m *keptMemo) put(r bleveindex.IndexReader, docs []uint64, full bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.r, m.docs, m.full = r, docs, full
}

// leftUnread reports whether the pieces last kept left candidates unread.
func (m *keptMemo) leftUnread() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.full
}

// storedOf are the stored texts that make up each searchable field: bleve's
// stored fields, and the standfirst, note and body of the bodies store
// (bodies.go), which the search's context gives (withBodies).
var storedOf = map[string][]string{
	fText:  {fTitle, fStandfirst, fNote, fBody, fAuthors, fTags},
	fTitle: {fTitle},
}

// plainField are the stored fields of plain text, a front matter field
// as the archive read it (plainTokenizer): the others are Markdown.
var plainField = map[string]bool{fTitle: true, fAuthors: true, fTags: true}

func (q *exactQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping,
	opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.candidates.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	fields := map[string]bool{}
	for _, f := range storedOf[q.field] {
		fields[f] = true
	}
	es := &exactSearcher{Searcher: s, ctx: ctx, walk: newSpanWalk(ctx), r: r, fields: fields, m: newFormMatcher(q.u), budget: q.budget, memo: &q.kept, u: q.u,
		within: q.within, im: m,
		unchecked: q.budget == 0 && formsUnchecked(ctx),
		long:      fields[fBody],
		texts:     textReader{s: bodiesOf(ctx)}}
	if q.u.kind == uCase && len(q.u.forms) == 1 && q.field == fText && capsUsable(q.u.forms[0]) && !noCapsField {
		es.known, err = q.caps.of(r, func(snap *scorch.IndexSnapshot) (docBits, error) { return capsDocs(ctx, snap, q.u.forms[0]) })
		if err != nil {
			s.Close()
			return nil, err
		}
	}
	if q.u.kind == uExact && q.field == fText && !noFormFacts {
		if terms, exact, ok := formTerms(q.u.forms); ok {
			bits, err := q.forms.of(r, func(snap *scorch.IndexSnapshot) (docBits, error) { return formDocs(ctx, snap, terms) })
			if err != nil {
				s.Close()
				return nil, err
			}
			if exact {
				es.known = bits
			} else {
				es.maybe = bits
			}
		}
	}
	if q.u.kind == uPrefix && q.budget == 0 && !es.unchecked && !noSureStems {
		es.sure, err = q.sure.of(r, func(snap *scorch.IndexSnapshot) (docBits, error) { return sureDocs(ctx, snap, q.field, q.u.prefix) })
		if err != nil {
			s.Close()
			return nil, err
		}
	}
	if q.u.kind == uCase && fields[fTags] {
		// a tag is a topic's name, in lower case by custom: ISIS finds
		// the pieces tagged isis, as isis does
		tu := unit{kind: uExact, terms: q.u.terms}
		for _, f := range q.u.forms {
			tu.forms = append(tu.forms, exactKey(f))
		}
		tm := newFormMatcher(tu)
		es.tagM, es.tagU = &tm, tu
	}
	return es, nil
}

type exactSearcher struct {
	search.Searcher                 // the candidates
	ctx             context.Context // the search's: a later search cancels it
	walk            spanWalk        // the span of a split walk (split.go)
	past            bool            // a candidate past the span was met: no more
	r               bleveindex.IndexReader
	fields          map[string]bool
	m               formMatcher
	tagM            *formMatcher // the forms in any case, for the tags (uCase)
	budget, read    int
	unchecked       bool       // the candidates pass unchecked (typingforms.go)
	sure            docBits    // word*: the candidates that pass unread (surestems.go)
	known           docBits    // the pieces the check passes, from fCaps: a word in capitals (caps.go), an alias as written (forms.go); nil: read them
	maybe           docBits    // a long alias: the pieces with its pairs, the only ones read (forms.go); nil: all
	long            bool       // the long texts are searched too (bodies.go)
	texts           textReader // reads them
	// with a budget: the candidates that passed of the first budget read
	// in document order (keepChecked), and the next to hand out
	kept     []keptMatch
	keptDone bool
	keptAt   int
	memo     *keptMemo // the query's
	within   query.Query
	im       mapping.IndexMapping
	u        unit // what m matches
	tagU     unit // what tagM matches
}

// keptMatch is a candidate that passed, as its searcher scored it.
type keptMatch struct {
	d     uint64
	score float64
	locs  []search.FieldTermLocation
}

// keepChecked reads the texts of the first budget candidates, in
// document order, and keeps those that pass. Checked so, the pieces a
// budget lets in are the same whatever pieces the query's other clauses
// ask about, and in whatever order (a walk advanced by another word
// checked that word's pieces; a search summed from the postings,
// dense.go, asks about none): the first budget pieces with the stems.
// When another searcher of the query read them, its pieces are scored by
// this one's candidates, advanced to each.
func (s *exactSearcher) keepChecked(ctx *search.SearchContext) error {
	s.keptDone = true
	if docs, ok := s.memo.get(s.r); ok {
		var id bleveindex.IndexInternalID
		for _, d := range docs {
			id = bleveindex.NewIndexInternalID(id, d)
			dm, err := s.Searcher.Advance(ctx, id)
			if err != nil {
				return err
			}
			if dm == nil || dm.IndexInternalID.Value() != d {
				return fmt.Errorf("the pieces kept for %q are not its candidates", s.m.prefix)
			}
			s.kept = append(s.kept, keptMatch{d, dm.Score, slices.Clone(dm.FieldTermLocations)})
			ctx.DocumentMatchPool.Put(dm)
		}
		return nil
	}
	// the first budget candidates among the pieces within matches, then
	// their texts read on every core
	cands, more, err := s.firstCandidates(ctx)
	if err != nil {
		return err
	}
	pass := make([]bool, len(cands))
	workers := min(runtime.GOMAXPROCS(0), 4, max(len(cands)/8, 1))
	var g errgroup.Group
	for w := range workers {
		// each with its own matchers and reader: they keep buffers
		c := &exactSearcher{ctx: s.ctx, r: s.r, fields: s.fields, m: newFormMatcher(s.u), long: s.long,
			texts: textReader{s: s.texts.s}, known: s.known, maybe: s.maybe}
		if s.tagM != nil {
			tm := newFormMatcher(s.tagU)
			c.tagM = &tm
		}
		g.Go(func() error {
			return caught("checking a word's forms", func() error {
				for i := w; i < len(cands); i += workers {
					if i%16 == 15 {
						if err := s.ctx.Err(); err != nil {
							return err
						}
					}
					ok, err := c.has(bleveindex.NewIndexInternalID(nil, cands[i].d))
					if err != nil {
						return err
					}
					pass[i] = ok
				}
				return nil
			})
		})
	}
	err = g.Wait()
	s.read += len(cands)
	if err != nil {
		return err
	}
	for i, c := range cands {
		if pass[i] {
			s.kept = append(s.kept, c)
		}
	}
	docs := make([]uint64, len(s.kept))
	for i, k := range s.kept {
		docs[i] = k.d
	}
	s.memo.put(s.r, docs, more)
	return nil
}

// firstCandidates are the first budget candidates in document order
// among the pieces s.within matches (all, without it): the two searchers
// leapfrog, each advanced to the other's piece. more says a candidate
// was left past them (one within may not match).
func (s *exactSearcher) firstCandidates(ctx *search.SearchContext) (cands []keptMatch, more bool, err error) {
	var ws search.Searcher
	var wctx *search.SearchContext
	if s.within != nil {
		// the whole archive's, not a split walk's span
		var err error
		ws, err = s.within.Searcher(withoutSpan(s.ctx), s.r, s.im, search.SearcherOptions{})
		if err != nil {
			return nil, false, err
		}
		defer ws.Close()
		wctx = walkContext(ws, s.r)
	}
	var at uint64 // within's piece
	started := false
	dm, err := s.Searcher.Next(ctx)
	for steps := 1; dm != nil && err == nil && len(cands) < s.budget; steps++ {
		if steps%256 == 0 {
			if err = s.ctx.Err(); err != nil {
				break
			}
		}
		d := dm.IndexInternalID.Value()
		if ws != nil && (!started || at < d) {
			wm, werr := ws.Advance(wctx, dm.IndexInternalID)
			if werr != nil || wm == nil {
				err = werr
				break
			}
			at, started = wm.IndexInternalID.Value(), true
			wctx.DocumentMatchPool.Put(wm)
		}
		if ws != nil && at > d {
			ctx.DocumentMatchPool.Put(dm)
			dm, err = s.Searcher.Advance(ctx, bleveindex.NewIndexInternalID(nil, at))
			continue
		}
		cands = append(cands, keptMatch{d, dm.Score, slices.Clone(dm.FieldTermLocations)})
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.Searcher.Next(ctx)
	}
	if dm != nil {
		more = err == nil && len(cands) >= s.budget
		ctx.DocumentMatchPool.Put(dm)
	}
	return cands, more, err
}

// nextKept hands out the first kept candidate at or after at.
func (s *exactSearcher) nextKept(ctx *search.SearchContext, at uint64) (*search.DocumentMatch, error) {
	if !s.keptDone {
		if err := s.keepChecked(ctx); err != nil {
			return nil, err
		}
	}
	for s.keptAt < len(s.kept) && s.kept[s.keptAt].d < at {
		s.keptAt++
	}
	if s.keptAt == len(s.kept) {
		return nil, nil
	}
	k := s.kept[s.keptAt]
	s.keptAt++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = bleveindex.NewIndexInternalID(dm.IndexInternalID, k.d)
	dm.Score = k.score
	dm.FieldTermLocations = append(dm.FieldTermLocations[:0], k.locs...)
	return dm, nil
}

func (s *exactSearcher) Close() error {
	checkedCandidates.Add(int64(s.read))
	return s.Searcher.Close()
}

func (s *exactSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.budget > 0 {
		return s.nextKept(ctx, 0)
	}
	if s.past {
		return nil, nil
	}
	dm, err := s.walk.next(ctx, s.Searcher)
	return s.first(ctx, dm, err)
}

func (s *exactSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.budget > 0 {
		return s.nextKept(ctx, id.Value())
	}
	if s.past {
		return nil, nil
	}
	dm, err := s.walk.advance(ctx, s.Searcher, id)
	return s.first(ctx, dm, err)
}

// first returns dm or the first candidate after it whose text has the forms
// (without a budget: with one, nextKept hands out what keepChecked kept).
func (s *exactSearcher) first(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for dm != nil && err == nil {
		if s.walk.past(ctx, dm) {
			s.past = true
			return nil, nil
		}
		if s.unchecked || s.sure.get(dm.IndexInternalID.Value()) {
			return dm, nil
		}
		// Candidates that fail the check never reach the collector, which
		// is where bleve looks at the context: tryin* reads every piece
		// with the stem tri (try, tried), a few of which have trying, for
		// seconds at 100k pieces. A search given up stops here.
		if s.read%64 == 63 {
			if err := s.ctx.Err(); err != nil {
				ctx.DocumentMatchPool.Put(dm)
				return nil, err
			}
		}
		ok, derr := s.has(dm.IndexInternalID)
		if derr != nil {
			return nil, derr
		}
		if ok {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.Searcher.Next(ctx)
	}
	return dm, err
}

func (s *exactSearcher) has(id bleveindex.IndexInternalID) (bool, error) {
	if s.known != nil {
		return s.known.get(id.Value()), nil
	}
	if s.maybe != nil && !s.maybe.get(id.Value()) {
		return false, nil
	}
	s.read++
	ext, err := s.r.ExternalID(id)
	if err != nil {
		return false, err
	}
	doc, err := s.r.Document(ext)
	if err != nil || doc == nil {
		return false, err
	}
	found, ref := false, ""
	doc.VisitFields(func(f bleveindex.Field) {
		switch {
		case found || !s.fields[f.Name()]:
		case s.tagM != nil && f.Name() == fTags:
			found = s.tagM.inText(f.Value(), false)
		default:
			// the title, the authors and the tags are plain text
			// (plainTokenizer), the body Markdown
			found = s.m.inText(f.Value(), !plainField[f.Name()])
		}
		if f.Name() == fBodyAt {
			ref = string(f.Value())
		}
	})
	if found || !s.long {
		return found, nil
	}
	return s.inLongTexts(ref)
}

// inLongTexts reports whether the long texts at ref (in the bodies store)
// have the forms.
func (s *exactSearcher) inLongTexts(ref string) (bool, error) {
	t, err := s.texts.textsAt(ref)
	if err != nil {
		return false, err
	}
	return s.m.in(t.body) || s.m.inText(t.standfirst, false) || s.m.inText(t.note, false), nil
}

// formMatcher finds a unit's exact forms in a text.
type formMatcher struct {
	kind   unitKind
	forms  []string
	prefix string
	run    []bool // reused: a phrase's forms matched so far (in)
	// firsts[j]: the British first letters of forms[j] (britishFirsts),
	// looked up once: maybe runs for every word of every text checked
	firsts []string
	// the British first letters of the keys prefix begins (britishFirsts)
	prefixFirsts     string
	prefixFirstsDone bool
	// joins: a prefix may begin the closed word of a run of words joined
	// by hyphens (unit.joins); words holds the run's words so far,
	// closed some of them joined
	joins  bool
	words  [][]byte
	closed []byte
}

func newFormMatcher(u unit) formMatcher {
	m := formMatcher{kind: u.kind, forms: u.forms, prefix: u.prefix, joins: u.joins}
	if u.kind != uPrefix && u.kind != uCase {
		m.firsts = make([]string, len(u.forms))
		for j, f := range u.forms {
			m.firsts[j] = britishFirsts()[f]
		}
	}
	return m
}

// in reports whether text has the forms one after another (or a word
// starting with the prefix). The text's words are scanned in place, as the
// tokenizer splits them (wordTokenizer, without its allocations: reading
// the candidates' text is most of an exact query's time).
func (m *formMatcher) in(text []byte) bool { return m.inText(text, true) }

// inText is in, with refs false for a plain text (scanText).
func (m *formMatcher) inText(text []byte, refs bool) bool {
	if m.kind != uPrefix && len(m.forms) == 0 {
		return false
	}
	if m.kind == uPrefix {
		if m.joins {
			return m.inJoined(text, refs)
		}
		found := false
		scanText(text, refs, func(w []byte, _ span, _ bool) bool {
			found = m.maybe(w, m.prefix) && m.hasPrefix(w)
			return !found
		})
		return found
	}
	if len(m.forms) == 1 {
		f := m.forms[0]
		found := false
		scanText(text, refs, func(w []byte, _ span, _ bool) bool {
			found = m.maybeAt(w, 0) && m.is(w, f)
			return !found
		})
		return found
	}
	// a phrase, found as the words are scanned: run[j] says the words
	// just scanned end with forms[:j+1] (each word tested as a lone form
	// is, without making its key)
	n := len(m.forms)
	if cap(m.run) < n {
		m.run = make([]bool, n)
	}
	run := m.run[:n]
	clear(run)
	found := false
	scanText(text, refs, func(w []byte, _ span, brk bool) bool {
		if brk { // no phrase runs across blocks
			clear(run)
		}
		for j := n - 1; j >= 0; j-- {
			f := m.forms[j]
			run[j] = (j == 0 || run[j-1]) && m.maybeAt(w, j) && m.is(w, f)
		}
		found = run[n-1]
		return !found
	})
	return found
}

// inJoined reports whether a word of text starts with the prefix, or the
// closed word of a run of words joined by hyphens (hyphenJoint) does, read
// from the run's first word, as the index holds it (compoundsOf: a run of
// two to maxCompoundParts words): counterterrori begins counter-terrorism,
// whose closed word the index holds, as it begins counterterrorism;
// stateoft begins state-of-the-art. A part that does not begin the run is
// no word a prefix begins, though the index holds some (theabove of
// all-of-the-above, for the-above; terrorismrelated): thea does not begin
// all-of-the-above nor state-of-the-art; nor does a longer run (a slug)
// begin with anything but its first word. A run is read when it ends.
func (m *formMatcher) inJoined(text []byte, refs bool) bool {
	m.words = m.words[:0]
	found := false
	prevEnd := -1
	scanText(text, refs, func(w []byte, at span, brk bool) bool {
		if brk || prevEnd < 0 || !hyphenJoint(text, prevEnd, at.start) {
			if m.runBegins(m.words) {
				found = true
				return false
			}
			m.words = m.words[:0]
		}
		prevEnd = at.end
		m.words = append(m.words, w)
		if m.maybe(w, m.prefix) && m.hasPrefix(w) {
			found = true
			return false
		}
		return true
	})
	return found || m.runBegins(m.words)
}

// runBegins reports whether the prefix begins the closed word of run, the
// words joined by hyphens, as the index holds it: two to maxCompoundParts
// words, not numbers alone (9-11, 2014-15). Its parts from its first word
// are the closed word's beginnings.
func (m *formMatcher) runBegins(run [][]byte) bool {
	if len(run) < 2 || len(run) > maxCompoundParts || !m.maybe(run[0], m.prefix) || !slices.ContainsFunc(run, notDigits) {
		return false
	}
	m.closed = m.closed[:0]
	for _, x := range run {
		m.closed = append(m.closed, x...)
	}
	return m.hasPrefix(m.closed)
}

// notDigits reports whether w is no number (the tokenizer's Numeric: its
// digits, a point or comma between them).
func notDigits(w []byte) bool {
	return slices.ContainsFunc(w, func(c byte) bool { return c > '9' })
}

// is reports whether word w has the key f, without allocating in the
// common case (an ASCII word without an apostrophe).
func (m *formMatcher) is(w []byte, f string) bool {
	plain := true
	for _, c := range w {
		if c >= utf8.RuneSelf || c == '\'' {
			plain = false
			break
		}
	}
	if m.kind == uCase {
		if plain {
			return string(w) == f
		}
		return caseKey(string(w)) == f
	}
	if plain && len(w) == len(f) && bytes.EqualFold(w, []byte(f)) {
		return true
	}
	if plain && (len(w) < len(f)-2 || len(w) > len(f)+3) {
		return false // not even another spelling of it
	}
	return exactKey(string(w)) == f
}

// hasPrefix reports whether w starts with the prefix, in either spelling
// (radicalis* finds radicalisation), its possessive dropped (johns* does
// not find John's: wordPrefixKey).
func (m *formMatcher) hasPrefix(w []byte) bool {
	if len(w) >= len(m.prefix) && isASCII(m.prefix) && bytes.EqualFold(w[:len(m.prefix)], []byte(m.prefix)) {
		return true
	}
	s := string(w)
	return hasPrefixString(exactKey(s), m.prefix) || hasPrefixString(wordPrefixKey(s), m.prefix)
}

// scanWords calls fn with each word of text, split as wordTokenizer splits
// it, until fn returns false; brk says a block ends before the word
// (blocks.next), where wordTokenizer leaves a place empty. The word is
// decoded, as the tokenizer's Term (a word with a character reference is
// a new slice, which fn may keep: charref.go); at is its bytes in text,
// as written (the tokenizer's Start and End).
func scanWords(text []byte, fn func(w []byte, at span, brk bool) bool) {
	scanText(text, true, fn)
}

// scanText is scanWords, with refs false for a plain text (a front
// matter field as the archive read it: plainTokenizer), whose references
// are text as written.
func scanText(text []byte, refs bool, fn func(w []byte, at span, brk bool) bool) {
	i := 0
	prevEnd := -1
	var bl blocks
	var cs codeSpans
	lines := true // as in wordTokenizer.Tokenize
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf && !isASCIIAlnum(c) {
			if c == '`' && refs && !cs.in(i) {
				if j, ok := cs.open(text, i, &bl, lines, prevEnd); ok {
					i = j
					continue
				}
			}
			if c == '&' && refs && !cs.in(i) {
				if r, _, n := charRef(text, i); n > 0 {
					nb, brk := bl, false // as in wordTokenizer.Tokenize
					if lines {
						brk = nb.next(text, prevEnd, i)
					}
					if nb.fence == 0 && !nb.icode {
						if !isWordRuneU(r) {
							i += n
							continue
						}
						bl = nb
						start := i
						var w []byte
						if isIdeograph(r) {
							w, i = utf8.AppendRune(nil, r), i+n
						} else {
							i, w, _ = refWord(text, start, i, true)
						}
						if !fn(w, span{start, i}, brk) {
							return
						}
						prevEnd = i
						lines = false
						continue
					}
				}
			}
			if c == '\n' || c == '|' {
				lines = true
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(text[i:])
			if !isWordRuneU(r) {
				if prevEnd == i && i > 0 && isDigit(text[i-1]) {
					// an exponent in superscript digits, as in
					// wordTokenizer.Tokenize
					if end, w := superscriptExponent(text, i); end > i {
						if !fn(w, span{i, end}, false) {
							return
						}
						prevEnd, i = end, end
						continue
					}
				}
				i += size
				continue
			}
			if isIdeograph(r) {
				if !fn(text[i:i+size], span{i, i + size}, lines && bl.next(text, prevEnd, i)) {
					return
				}
				i += size
				prevEnd = i
				lines = false
				continue
			}
		}
		start := i
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if isASCIIAlnum(c) {
					i++
					continue
				}
				if i+1 < len(text) && i > start {
					next := text[i+1]
					if c == '\'' && isASCIIAlpha(next) && isASCIIAlpha(text[i-1]) {
						i++
						continue
					}
					if (c == '.' || c == ',') && isDigit(next) && isDigit(text[i-1]) {
						i++
						continue
					}
				}
				break
			}
			r, size := utf8.DecodeRune(text[i:])
			if r == '’' && i+size < len(text) && isASCIIAlpha(text[i+size]) && i > start {
				i += size
				continue
			}
			if !isWordRuneU(r) || isIdeograph(r) {
				break
			}
			i += size
		}
		brk := lines && bl.next(text, prevEnd, start)
		var w []byte
		if refs && (refNear(text, i) || i < len(text) && delimiterRun(text[i])) && bl.fence == 0 && !bl.icode && !cs.in(i) {
			// the word may go on with a reference (caf&eacute;) or past
			// emphasis (coun*ter*act: emphasis.go)
			i, w, _ = bl.wordOn(text, start, i, false)
		}
		if w == nil {
			w = text[start:i]
		}
		if !fn(w, span{start, i}, brk) {
			return
		}
		prevEnd = i
		lines = false
	}
}

func (m *formMatcher) key(w []byte) string {
	if m.kind == uCase {
		return caseKey(string(w))
	}
	return exactKey(string(w))
}

// maybe is a cheap test that word w can have the key f: its first letter
// (of an ASCII word) is f's, in either case.
func (m *formMatcher) maybe(w []byte, f string) bool {
	if ok, decided := firstLetters(w, f, m.kind == uCase); decided {
		return ok
	}
	return strings.IndexByte(m.britishFirsts(f), lowerASCII(w[0])) >= 0
}

// maybeAt is maybe for forms[j], with its British first letters looked
// up when the matcher was made.
func (m *formMatcher) maybeAt(w []byte, j int) bool {
	if m.firsts == nil { // uCase: the first letters decide
		return m.maybe(w, m.forms[j])
	}
	if ok, decided := firstLetters(w, m.forms[j], m.kind == uCase); decided {
		return ok
	}
	return strings.IndexByte(m.firsts[j], lowerASCII(w[0])) >= 0
}

// firstLetters tells whether w can have key f by their first letters,
// when those decide it (not when another spelling might).
func firstLetters(w []byte, f string, caseSensitive bool) (ok, decided bool) {
	if len(w) == 0 || len(f) == 0 {
		return false, true
	}
	c := w[0]
	if c >= 0x80 || f[0] >= 0x80 {
		return true, true
	}
	if caseSensitive {
		return c == f[0], true
	}
	if lowerASCII(c) == lowerASCII(f[0]) {
		return true, true
	}
	return false, false
}

// britishFirsts are the first letters, other than its own, that a word
// of key f can begin with (britishFirsts); for a prefix, those of every
// key it begins (jai* finds gaol), worked out once.
func (m *formMatcher) britishFirsts(f string) string {
	if m.kind != uPrefix {
		return britishFirsts()[f]
	}
	if !m.prefixFirstsDone {
		for am, firsts := range britishFirsts() {
			if strings.HasPrefix(am, f) {
				for _, c := range []byte(firsts) {
					if strings.IndexByte(m.prefixFirsts, c) < 0 {
						m.prefixFirsts += string(c)
					}
				}
			}
		}
		m.prefixFirstsDone = true
	}
	return m.prefixFirsts
}

// britishFirsts are, for an American spelling, the first letters of the
// British ones that begin with another letter (gaol is jail, oestrogen
// estrogen: americanWords), so that maybe lets them by.
var britishFirsts = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for brit, am := range americanWords {
		if brit[0] != am[0] && !strings.Contains(m[am], brit[:1]) {
			m[am] += brit[:1]
		}
	}
	return m
})

func hasPrefixString(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// textWords splits s into words the way the tokenizer does.
func textWords(s string) []string {
	toks := wordTokenizer{}.Tokenize([]byte(s))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// exactKey is a word as an exact form compares: accents folded, lower
// case, a possessive 's and other apostrophes dropped, British spelling
// made American (one spelling of one word, not another form).
func exactKey(w string) string {
	b := []byte(w)
	if isASCII(w) {
		b = []byte(strings.ToLower(w))
	} else {
		b = foldLower(b)
		b = []byte(strings.ReplaceAll(string(b), "’", "'"))
	}
	var arena []byte
	b = stripApostrophes(b, &arena)
	if r, ok := americanSpelling(b); ok {
		return r
	}
	return string(b)
}

// caseKey is a word as a case-sensitive form compares: possessive and
// apostrophes dropped, full-width letters and digits read as ASCII
// (halfWidth), nothing else changed.
func caseKey(w string) string {
	w = strings.ReplaceAll(halfWidth(w), "’", "'")
	return strings.ReplaceAll(strings.TrimSuffix(w, "'s"), "'", "")
}
