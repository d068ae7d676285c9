package index

import (
	"bytes"
	"testing"
)

// BenchmarkTokenizeRefs: the tokenizer over a text dense with character
// references (WordPress's exports: numeric, common and rarer names),
// 1 MB of them, where charRef is most of the work.
//
//	go test ./index -run '^$' -bench 'TokenizeRefs|ScanWordsRefs' -count 6
func BenchmarkTokenizeRefs(b *testing.B) {
	text := refsText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = wordTokenizer{}.Tokenize(text)
	}
}

// BenchmarkScanWordsRefs: scanWords over the same text.
func BenchmarkScanWordsRefs(b *testing.B) {
	text := refsText()
	b.SetBytes(int64(len(text)))
	words := 0
	for b.Loop() {
		scanWords(text, func(w []byte, _ span, _ bool) bool {
			words += len(w)
			return true
		})
	}
}

func refsText() []byte {
	line := "Don&#8217;t say caf&eacute; to Isil&nbsp;fighters &amp; allies &mdash; a na&iuml;ve &#x201C;plan&#x201D; in M&uuml;nchen, AT&T &copy 2017.\n\n"
	return bytes.Repeat([]byte(line), 1<<20/len(line))
}
