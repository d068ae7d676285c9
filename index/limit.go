package index

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	zap "github.com/blevesearch/zapx/v17"

	"github.com/folio-tui/folio/archive"
)

// Building a segment costs some 300 bytes of memory per word (bleve's term
// frequencies and locations, zap's postings), more for words seen once: one
// 9.5 MB file of random words took 1.1 GB to index, three 3.7 GB. So the
// words indexed per piece and per batch are capped.

// maxDocTokens is how many words (as the tokenizer counts them, stop words
// included) of one piece are searchable; the rest of a longer piece is
// left out of the index, with a problem saying so. 200,000 words is some
// 1.3 MB of English prose: a long book.
const maxDocTokens = 200_000

// maxBatchTokens caps the words of one batch, beside its bytes: prose
// reaches the byte cap first, a dense list of short words this one.
const maxBatchTokens = 2 * maxDocTokens

func init() {
	// zap sizes the buffer of a new segment as the average bytes per
	// document of the last segment it built (in any index) times the
	// number of documents plus 100: after a segment of one large piece,
	// the next batch of small ones asked for gigabytes. No estimate: the
	// buffer grows as it is written.
	zap.NewSegmentBufferNumResultsFactor = 0
}

// limitWords cuts the searchable fields of a to maxDocTokens words,
// counting each field as often as the index analyses it (the title three
// times), in the order outlet, authors, tags, title, standfirst, note,
// body, so that a long body loses its end first. It returns the words
// kept and whether anything was cut; 0 words for a piece too short to
// reach the cap, which is not scanned.
func limitWords(a *archive.Article) (tokens int, cut bool) {
	fields := []struct {
		s      *string
		weight int
	}{{&a.Outlet, 1}, {&a.Title, 3}, {&a.Standfirst, 1}, {&a.Note, 1}, {&a.Body, 1}}
	// A word takes at least two bytes (itself and a separator) or, as
	// an ideograph, three.
	bound := 0
	for _, f := range fields {
		bound += f.weight * (len(*f.s)/2 + 1)
	}
	for _, s := range a.Authors {
		bound += 2 * (len(s)/2 + 1)
	}
	for _, s := range a.Tags {
		bound += len(s)/2 + 1
	}
	if bound <= maxDocTokens {
		return 0, false
	}

	budget := maxDocTokens
	take := func(s string, weight int) string {
		n, used := cutWords(s, budget, weight)
		budget -= used * weight
		tokens += used * weight
		if n == len(s) {
			return s
		}
		cut = true
		return strings.Clone(s[:n]) // lets the rest of the file go
	}
	takeAll := func(vs []string, weight int) []string {
		for i, v := range vs {
			if vs[i] = take(v, weight); vs[i] != v {
				return vs[:i+1]
			}
		}
		return vs
	}
	a.Outlet = take(a.Outlet, 1)
	a.Authors = takeAll(a.Authors, 2) // in "text" and in "authors"
	a.Tags = takeAll(a.Tags, 1)
	for _, f := range fields[1:] {
		*f.s = take(*f.s, f.weight)
	}
	return tokens, cut
}

// cutWords returns the length of the longest prefix of s whose words,
// each costing weight, fit in budget, and the words in it. It tokenizes
// 64 KB at a time, so that its memory does not grow with s.
func cutWords(s string, budget, weight int) (n, tokens int) {
	const chunk = 64 << 10
	for off := 0; off < len(s); {
		end := min(off+chunk, len(s))
		if end < len(s) {
			// end the chunk after a space, so as not to split a word
			if i := strings.LastIndexAny(s[max(off, end-256):end], " \n"); i >= 0 {
				end = max(off, end-256) + i + 1
			}
			for end > off+1 && !utf8.RuneStart(s[end]) {
				end--
			}
		}
		toks := wordTokenizer{}.Tokenize([]byte(s[off:end]))
		if (tokens+len(toks))*weight > budget {
			k := max(budget/weight-tokens, 0)
			return off + toks[k].Start, tokens + k
		}
		tokens += len(toks)
		off = end
	}
	return len(s), tokens
}

// cutProblem is the note on a piece whose end is not searchable.
func cutProblem(path string) archive.Problem {
	return archive.Problem{Path: path, Msg: cutMsg}
}

// MaxDocWords is how many words of a piece the index takes.
const MaxDocWords = maxDocTokens

var cutMsg = fmt.Sprintf("only the first %d words are searchable: the piece is longer than the index takes", maxDocTokens)

// CountCut is the number of pieces among ps's problems whose ends the
// index leaves out (each one's count of matches may miss what lies past
// the cut).
func CountCut(ps []archive.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Msg == cutMsg {
			n++
		}
	}
	return n
}

// CutProblems are the notes the index would add to the pieces of arts
// it cannot take whole (folio check lists them with the archive's own).
func CutProblems(arts []archive.Article) []archive.Problem {
	var out []archive.Problem
	for _, a := range arts {
		a.Authors, a.Tags = slices.Clone(a.Authors), slices.Clone(a.Tags) // limitWords cuts them in place
		if _, cut := limitWords(&a); cut {
			out = append(out, cutProblem(a.Path))
		}
	}
	return out
}
