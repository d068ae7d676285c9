package index

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// sotuTexts are the State of the Union addresses' files, as written.
func sotuTexts(b *testing.B) ([][]byte, int64) {
	b.Helper()
	dir := testcorpus.Dir(b, "sotu")
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no texts in %s: %v", dir, err)
	}
	var texts [][]byte
	var n int64
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		n += int64(len(t))
	}
	return texts, n
}

// BenchmarkTokenize: the tokenizer over the State of the Union corpus
// (11 MB, a handful of character references).
//
//	go test ./index -run '^$' -bench 'Tokenize|ScanWords' -count 6
func BenchmarkTokenize(b *testing.B) {
	texts, n := sotuTexts(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			_ = wordTokenizer{}.Tokenize(t)
		}
	}
}

// BenchmarkScanWords: scanWords, which the exact forms and snippets read
// texts with, over the same corpus.
func BenchmarkScanWords(b *testing.B) {
	texts, n := sotuTexts(b)
	b.SetBytes(n)
	words := 0
	for b.Loop() {
		for _, t := range texts {
			scanWords(t, func(w []byte, _ span, _ bool) bool {
				words += len(w)
				return true
			})
		}
	}
}
