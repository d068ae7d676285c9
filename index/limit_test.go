package index

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-tui/folio/archive"
)

// randomWords writes n words of random letters (3 to 10), twelve to a
// line: a vocabulary as large as the words, the costliest text to index.
func randomWords(b *strings.Builder, n int, rng *rand.Rand) {
	for i := range n {
		for range 3 + rng.IntN(8) {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
		if i%12 == 11 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
}

func piece(title, body string) []byte {
	return []byte("---\ntitle: \"" + title + "\"\ndate: \"2001\"\noutlet: \"Test\"\n---\n" + body)
}

// A piece longer than maxDocTokens words is searchable up to the cap, with
// a problem saying so; its metadata stays searchable.
func TestLongPieceIsCutWithANote(t *testing.T) {
	parallel(t)
	var body strings.Builder
	body.WriteString("openingword\n")
	randomWords(&body, maxDocTokens+50_000, rand.New(rand.NewPCG(1, 2)))
	body.WriteString("\nclosingword\n")
	fsys := fstest.MapFS{
		"long.md":  {Data: piece("Zebra long", body.String())},
		"short.md": {Data: piece("Short", "closingword and openingword\n")},
	}
	ix, err := Open(context.Background(), "long", fsys, Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]int{"openingword": 2, "closingword": 1, "zebra": 1} {
		res, err := ix.Search(context.Background(), Query{Text: q})
		if err != nil || res.Total != want {
			t.Errorf("%s: %d hits (%v), want %d", q, res.Total, err, want)
		}
	}
	probs := ix.Problems()
	if len(probs) != 1 || probs[0].Path != "long.md" || probs[0].Fatal ||
		!strings.Contains(probs[0].Msg, "only the first") {
		t.Errorf("problems %v, want the note on long.md", probs)
	}
}

func TestLimitWords(t *testing.T) {
	count := func(s string) int { return len(wordTokenizer{}.Tokenize([]byte(s))) }
	rng := rand.New(rand.NewPCG(3, 4))

	var short strings.Builder
	randomWords(&short, 1000, rng)
	a := archive.Article{Title: "A title", Body: short.String()}
	if n, cut := limitWords(&a); n != 0 || cut || a.Body != short.String() {
		t.Errorf("a short piece: %d words, cut %t", n, cut)
	}

	var long strings.Builder
	randomWords(&long, 3*maxDocTokens, rng)
	a = archive.Article{Title: "three words here", Authors: []string{"Ann Author"}, Body: long.String()}
	n, cut := limitWords(&a)
	// the title counts three times, the author twice
	if want := 3*3 + 2*2 + count(a.Body); !cut || n != maxDocTokens || want != maxDocTokens {
		t.Errorf("cut %t, %d words kept (title, author and body: %d), want %d", cut, n, want, maxDocTokens)
	}
	if !strings.HasPrefix(long.String(), a.Body) || !strings.HasSuffix(a.Body, " ") && !strings.HasSuffix(a.Body, "\n") {
		t.Errorf("the body is not cut before a word: ends %q", a.Body[max(0, len(a.Body)-20):])
	}

	// a huge title takes the budget but for two words of the body
	a = archive.Article{Title: strings.Repeat("word ", maxDocTokens), Body: "body words more"}
	if n, cut := limitWords(&a); !cut || a.Body != "body words " || n != maxDocTokens || count(a.Title) != maxDocTokens/3 {
		t.Errorf("huge title: %d words, cut %t, body %q, title words %d", n, cut, a.Body, count(a.Title))
	}
}
