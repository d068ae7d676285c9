package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// A quoted phrase of two common words ("united states") was the slowest
// keystroke at 100k pieces: the conjunction of its words found 89k
// candidates, and the positions of both words were read in each to find
// the 996 with the phrase (51 ms on screen, 2026-12-03). The fPairs field
// holds each two terms of the text that stand side by side when both are
// commonWords ("unit state"): the phrase searcher adds the pair to the
// conjunction of the words (phrase.go), which then gives only the pieces
// with the pair, and positions are read in those alone. A pair with a
// rarer word is not indexed and not needed: the rarer word alone keeps the
// candidates few. Every two words side by side would be a dictionary as
// large as the text's pairs.
//
// The pair adds nothing to a piece's score (its boost is 0), so a phrase
// scores as it did without it.

// pairSep joins the two terms of a pair; no term holds it (the tokenizer
// splits on spaces).
const pairSep = " "

// commonWords are the 128 terms found in the most speeches of the State of
// the Union corpus (../shared/corpora/sotu, the text without its front
// matter), as the text analyser makes them (stems; stop words are never
// terms and are not counted; of the six found in 198 speeches, the first
// five in alphabetical order). Changing them changes
// the index (SchemaVersion).
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(commonWordList) {
		m[w] = true
	}
	return m
}()

const commonWordList = `
act action alreadi also american among author becom believ best bring call can chang
citizen come commun confid congress continu countri cours dai demand differ effect effort
end equal establish even everi exist expect far first forc foreign free full futur gener
give good govern great hope hous import improv increas interest just justic land last law legisl
less like long made mai make mani mean measur meet men militari much must nation necessari
new now order part peac peopl person place polici power present product progress propos
prosper protect provid public purpos reason remain repres requir resourc result right secur
senat servic sinc spirit state still success support system take time toward trade two
union unit us wai war well will within without work world year yet`

// aliasPairs are the two terms side by side in the bundled synonyms'
// names of several words (synonyms.txt: "Islamic State", "al Qaeda",
// "foreign fighters"), first term → second: a typed "isi" searches for
// "Islamic State" among the names of ISIS, and the phrase, of a rarer word
// and a common one, read the positions of every piece with both words the
// first time (`isi` was the slowest keystroke at 100k, 2026-12-04). With
// the pair indexed, a name of two words is the pieces with its pair, no
// positions read (phraseQuery.byPair), and a longer one is checked only
// in the pieces with its pairs. TestAliasPairsAreTheSynonyms keeps the
// list the bundled file's; a user's own names of several words are read
// from the positions. Changing them changes the index (SchemaVersion).
var aliasPairs = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, p := range strings.Split(strings.TrimSpace(aliasPairList), "\n") {
		a, b, _ := strings.Cut(p, pairSep)
		if m[a] == nil {
			m[a] = map[string]bool{}
		}
		m[a][b] = true
	}
	return m
}()

const aliasPairList = `
11 2001
11 septemb
7 2005
7 7
7 bomb
7 juli
9 11
al qaeda
al qaida
al shabaab
al shabab
arabian peninsula
boko haram
commun headquart
counter violent
foreign fighter
foreign terrorist
govern commun
intellig servic
islam maghreb
islam state
juli 2005
juli 7
juli bomb
london bomb
prevent program
prevent strategi
secret intellig
secur servic
septemb 11
septemb 2001
terrorist fighter
violent extrem`

// isPair reports whether terms a and b side by side make an fPairs term:
// both commonWords, or an aliasPairs pair.
func isPair(a, b []byte) bool {
	return commonWords[string(a)] && commonWords[string(b)] || aliasPairs[string(a)][string(b)]
}

// pairTerm is the fPairs term of terms a and b side by side; "" when they
// make none (isPair).
func pairTerm(a, b string) string {
	if !isPair([]byte(a), []byte(b)) {
		return ""
	}
	return a + pairSep + b
}

// pairsOf are the fPairs tokens of the text tokens ts: each two terms one
// place apart that make a pair (isPair).
func pairsOf(ts analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	var toks []analysis.Token
	// isPair, a lookup of each term in each map
	prevCommon, prevAlias := false, map[string]bool(nil)
	var prev *analysis.Token
	for _, t := range ts {
		if t.Type == compoundType {
			continue // the words side by side as written (compounds.go)
		}
		common := commonWords[string(t.Term)]
		if prev != nil && t.Position == prev.Position+1 && (common && prevCommon || prevAlias[string(t.Term)]) {
			if len(toks) == cap(toks) {
				toks = make([]analysis.Token, 0, max(16, len(ts)/8))
			}
			p := prev
			term := make([]byte, 0, len(p.Term)+len(pairSep)+len(t.Term))
			term = append(append(append(term, p.Term...), pairSep...), t.Term...)
			toks = append(toks, analysis.Token{Term: term, Start: p.Start, End: t.End, Position: p.Position, Type: t.Type})
			out = append(out, &toks[len(toks)-1])
		}
		prevCommon, prevAlias, prev = common, aliasPairs[string(t.Term)], t
	}
	return out
}
