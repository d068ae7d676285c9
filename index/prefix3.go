package index

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	blevedoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// The word being typed is searched as a prefix from its third letter
// (minOpenPrefix). Some three letters ("con", "pro") begin hundreds of the
// text's words, found in nearly every piece: reading all their postings
// was the slowest keystroke at 100k pieces (65 ms on screen; the sum of
// hundreds of postings lists, prefix.go). The fPrefix3 field holds, for
// each of the text's terms that begins with one of heavyPrefixes, those
// three letters: a typed word that is one of them is one term's postings,
// the pieces with a term it begins (exactly the pieces the prefix finds in
// fText), each scored by how many of its words the prefix begins, for
// its length (prefixField). Other
// prefixes are searched in fText's dictionary as before.
//
// Only the heavy ones: every prefix of every term cost a 10k build 30 %
// more CPU (13.2 against 17.3-17.5 s, two alternating runs) and its index
// 9 % more disk, for prefixes that begin a few words and were not slow.
//
// Its terms are made from fText's own analysis, not a second one: the two
// fields of a piece share one token stream (sharedText).
const prefix3Len = 3

// heavyPrefixes are the 64 three letters that begin the most of the
// distinct words of a piece in the State of the Union corpus
// (../shared/corpora/sotu; a third of all such words): con, pro, com, dis,
// res and pre come first. Changing them changes the index
// (SchemaVersion).
var heavyPrefixes = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Fields(`acc act adv app ass att car cha com con cou dec def dep des dis
		eff ent eve exc exp ext for gra imp inc ind ins int inv lea man mar nat off par per pla pos
		pre pri pro pur rea rec reg rel rem rep res sec ser sho spe sta str sub sup the thr tra und
		uni wor`) {
		m[p] = true
	}
	return m
}()

// heavyPrefix reports whether prefix, typed, is one of heavyPrefixes.
func heavyPrefix(prefix string) bool { return heavyPrefixes[prefix] }

// sharedText analyses a piece's text once for fText, fPrefix3 and fPairs:
// bleve analyses each field of a document on its own (in one goroutine,
// one field after the other), and analysing the text again for each would
// cost the build most of a text field's analysis each time. The token
// stream is let go once the last of the three fields took it: a batch
// keeps its documents until its segment is built, and with the stream
// kept, 300 generated pieces' analysed documents held 221 bytes of heap a
// word (a review's measure), against 117 for the text as one field of
// bleve's and 131 for the three fields once the stream is let go.
type sharedText struct {
	mu     sync.Mutex // bleve analyses a document in one goroutine today; take stays right if not
	a      analysis.Analyzer
	text   []byte
	tagsAt int // where the tags begin in text (its length when there are none): for fCaps
	// tokens are the text's words and, among them, the closed words of
	// its hyphenated ones (compounds.go): fText and fPrefix3 have them,
	// fPairs not (pairsOf)
	tokens analysis.TokenStream
	length int // fText's length in words, without the compounds: fPrefix3's too (prefixField, textField)
	left   int // fields yet to take the stream
	// fCaps's tokens (caps.go), made from the tokenizer's before the
	// filter, and whether fCaps took them
	caps      analysis.TokenStream
	capsTaken bool
	analysed  bool
}

// sharedFields is how many fields take a sharedText's stream.
const sharedFields = 3

// take gives a field the text's analysis: made by the first, let go after
// the last (a field analysed again, which folio never does, gets a new
// one).
func (s *sharedText) take() analysis.TokenStream {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.analyse()
	ts := s.tokens
	if ts == nil {
		ts = s.a.Analyze(s.text)
	}
	s.left--
	if s.left > 0 {
		s.tokens = ts
	} else {
		s.tokens = nil
	}
	return ts
}

// analyse makes the text's token stream and fCaps's tokens, once: the
// text is tokenized once, fCaps's tokens taken from the tokenizer's, and
// the filter then applied.
func (s *sharedText) analyse() {
	if s.analysed {
		return
	}
	s.analysed = true
	var compounds analysis.TokenStream
	if ourTextAnalyzer(s.a) {
		s.tokens, s.caps, compounds = capsAnalysis(s.text, s.tagsAt)
	} else { // not folio's mapping: fCaps as folio's would make it
		_, s.caps, _ = capsAnalysis(s.text, s.tagsAt)
		s.tokens = s.a.Analyze(s.text)
	}
	s.length = len(s.tokens)
	s.tokens = withCompounds(s.tokens, compounds)
}

// ourTextAnalyzer reports whether a is folio's text analyser: the word
// tokenizer and the normalizing filter alone.
func ourTextAnalyzer(a analysis.Analyzer) bool {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok || len(da.CharFilters) != 0 || len(da.TokenFilters) != 1 {
		return false
	}
	_, tok := da.Tokenizer.(wordTokenizer)
	_, filt := da.TokenFilters[0].(normalizeFilter)
	return tok && filt
}

// capsAnalysis is the text analyser's token stream of text, fCaps's
// tokens (caps.go): the words in capitals and the tags' words, taken from
// the tokenizer's tokens before the filter, the stems whose last letter
// the stemmer made and the bundled aliases' forms (forms.go), from the
// keys the filter reports, and the compounds' terms (capsJoinMark; and
// capsPartMark, those of parts not beginning their run); and
// the text's compounds (compounds.go), analysed.
func capsAnalysis(text []byte, tagsAt int) (tokens, caps, compounds analysis.TokenStream) {
	ts := wordTokenizer{}.Tokenize(text)
	terms := capsTerms{out: capsOf(ts, tagsAt)}
	compounds = compoundsOf(text, ts) // before the filter changes the words
	parts := partStarts(text, ts, compounds)
	forms := newFormsRecorder(&terms)
	tokens = normalizeFilter{}.filter(ts, func(stem []byte) { terms.add(capsMadeMark, stem) }, forms.keyed)
	compounds = compoundTerms(compounds)
	for _, c := range compounds {
		terms.add(capsJoinMark, c.Term)
		if _, ok := slices.BinarySearch(parts, c.Start); ok {
			terms.add(capsPartMark, c.Term)
		}
	}
	return tokens, terms.out, compounds
}

// capsTerms gathers the fCaps terms made from the filter's reports (a made
// stem, an alias's form), each once.
type capsTerms struct {
	out  analysis.TokenStream
	seen map[string]bool
}

// add adds mark and term (valid only during the call) unless it has it.
func (c *capsTerms) add(mark string, term []byte) {
	t := mark + string(term)
	if c.seen[t] {
		return
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	c.seen[t] = true
	c.out = append(c.out, &analysis.Token{Term: []byte(t), Position: 1, Type: analysis.AlphaNumeric})
}

// takeCaps gives fCaps its tokens, once.
func (s *sharedText) takeCaps() analysis.TokenStream {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.analyse()
	ts := s.caps
	s.caps = nil
	if s.capsTaken { // analysed again, which folio never does
		_, ts, _ = capsAnalysis(s.text, s.tagsAt)
	}
	s.capsTaken = true
	return ts
}

// textTokens is fText's analyser: the shared analysis.
type textTokens struct{ s *sharedText }

func (t textTokens) Analyze([]byte) analysis.TokenStream { return t.s.take() }

// textField is fText's field, whose length is its words' without the
// compounds (compounds.go): a hyphenated word does not make its piece
// longer, and so rank lower, than the same piece with the word closed.
type textField struct {
	*blevedoc.TextField
	s *sharedText
}

func (f textField) AnalyzedLength() int { return f.s.length }

// prefixTokens is fPrefix3's analyser: the first prefix3Len letters of
// each term of the shared analysis that begins with a heavy prefix.
type prefixTokens struct{ s *sharedText }

// The compounds' too: the word being typed finds the closed words a full
// word finds (counterte…: counterterrorism, counter-terrorism).
func (p prefixTokens) Analyze([]byte) analysis.TokenStream {
	return prefixesOf(p.s.take())
}

// prefixField is fPrefix3's field, whose length is fText's: a term's score
// is divided by the square root of its field's length, and with a length
// of its own (how many of the piece's words begin with a heavy prefix) a
// piece whose one heavy word is "congress" outranked one of the same
// length with three "con" words among thirty others. With fText's length
// a typed heavy prefix ranks pieces by how many of their words it begins,
// for their length. The prefix searched in fText weighs each word it
// begins by its rarity as well, so the two orders can differ; the test
// compares them where count and length decide.
type prefixField struct {
	*blevedoc.TextField
	s *sharedText
}

func (f prefixField) AnalyzedLength() int { return f.s.length }

// prefixesOf are the fPrefix3 tokens of the text tokens ts: the first
// three letters of each that begins with one of heavyPrefixes.
func prefixesOf(ts analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	var toks []analysis.Token
	for _, t := range ts {
		end, k := 0, 0
		for end < len(t.Term) && k < prefix3Len {
			_, w := utf8.DecodeRune(t.Term[end:])
			end += w
			k++
		}
		if k < prefix3Len || !heavyPrefixes[string(t.Term[:end])] {
			continue
		}
		if len(toks) == cap(toks) {
			toks = make([]analysis.Token, 0, max(16, len(ts)/2))
		}
		toks = append(toks, *t)
		p := &toks[len(toks)-1]
		p.Term = t.Term[:end:end]
		out = append(out, p)
	}
	return out
}

// pairTokens is fPairs's analyser: each two terms of the shared analysis
// that stand side by side and are both commonWords, as one term (pairs.go).
type pairTokens struct{ s *sharedText }

func (p pairTokens) Analyze([]byte) analysis.TokenStream {
	return pairsOf(p.s.take())
}

// indexedDocument is the bleve document of piece id from data (document's
// map, with its fText) as the mapping m makes it, but for fText, fPrefix3,
// fPairs and fCaps, which share one analysis of the text.
func indexedDocument(m mapping.IndexMapping, id string, data map[string]interface{}) (*blevedoc.Document, error) {
	text, _ := data[fText].(string)
	tagsAt, ok := data[tagsAtKey].(int)
	if !ok {
		tagsAt = len(text)
	}
	delete(data, fText)
	delete(data, tagsAtKey)
	doc := blevedoc.NewDocument(id)
	if err := m.MapDocument(doc, data); err != nil {
		return nil, err
	}
	if text != "" {
		s := &sharedText{a: m.AnalyzerNamed(textAnalyzerName), text: []byte(text), tagsAt: tagsAt, left: sharedFields}
		doc.AddField(textField{blevedoc.NewTextFieldCustom(fText, nil, s.text,
			bleveindex.IndexField|bleveindex.IncludeTermVectors, textTokens{s}), s})
		doc.AddField(prefixField{blevedoc.NewTextFieldCustom(fPrefix3, nil, nil,
			bleveindex.IndexField, prefixTokens{s}), s})
		doc.AddField(blevedoc.NewTextFieldCustom(fPairs, nil, nil,
			bleveindex.IndexField, pairTokens{s}))
		doc.AddField(blevedoc.NewTextFieldCustom(fCaps, nil, nil,
			bleveindex.IndexField, capsTokens{s}))
	}
	return doc, nil
}
