package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// filterRecord is what one filter pass gives: the terms with their
// positions and keyword flags, and every call of made and keyed, in order.
func filterRecord(text string, memo *stemMemo) string {
	var b strings.Builder
	ts := wordTokenizer{}.Tokenize([]byte(text))
	out := filterWith(ts,
		func(stem []byte) { fmt.Fprintf(&b, "made %q\n", stem) },
		func(pos int, key []byte) { fmt.Fprintf(&b, "key %d %q\n", pos, key) },
		memo)
	for _, t := range out {
		fmt.Fprintf(&b, "term %d %q %v\n", t.Position, t.Term, t.KeyWord)
	}
	return b.String()
}

// TestStemMemoChangesNothing: the filter gives the same terms and reports
// the same stems and keys whether it remembers the words or not, on words
// chosen for each of its branches and on the State of the Union
// addresses, the memo cold and then holding every word, and emptied when
// full.
func TestStemMemoChangesNothing(t *testing.T) {
	parallel(t)
	texts := []string{
		"The Colour of the colours: organised, organisation, travelled; IS and the US said it is WHO",
		"Hoping hopes policies' policy's, noone no-one don't won't Café CAFÉ cafe\u0301 Καλημέρα ΛΌΓΟΣ",
		"THE COLOUR OF ISIS IS RED: US forces, analysing analyses; grey greys " + strings.Repeat("é", 200),
		strings.Repeat("colourisation", 30) + " " + strings.Repeat("x", 300) + " catalogue catalogues",
	}
	if dir, ok := testcorpus.Find("sotu"); ok {
		files, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil || len(files) == 0 {
			t.Fatalf("SOTU: %v, %d files", err, len(files))
		}
		for _, f := range files[:min(len(files), 40)] {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	memo := &stemMemo{words: map[string]stemmed{}}
	for round := 0; round < 2; round++ {
		for i, text := range texts {
			want := filterRecord(text, nil)
			if got := filterRecord(text, memo); got != want {
				t.Fatalf("round %d, text %d: with the memo\n%.2000s\nwithout\n%.2000s", round, i, got, want)
			}
		}
	}
	if len(memo.words) == 0 {
		t.Fatal("the memo remembered nothing")
	}
	// a full memo is emptied, and still gives what the filter makes
	small := &stemMemo{words: map[string]stemmed{}}
	for i := range maxMemoWords + 10 {
		small.remember([]byte(fmt.Sprintf("w%d", i)), stemmed{})
	}
	if len(small.words) > maxMemoWords {
		t.Fatalf("the memo holds %d words, more than %d", len(small.words), maxMemoWords)
	}
	long := []byte("antidisestablishmentarianisms")
	small.remember(long, stemmed{})
	if _, ok := small.find(long); ok || len(long) <= maxMemoBytes {
		t.Fatalf("a word of %d bytes remembered (at most %d)", len(long), maxMemoBytes)
	}
	for _, text := range texts[:4] {
		if got, want := filterRecord(text, small), filterRecord(text, nil); got != want {
			t.Fatalf("a memo emptied when full: with it\n%s\nwithout\n%s", got, want)
		}
	}
}
