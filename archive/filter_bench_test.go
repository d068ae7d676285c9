package archive

import (
	"strconv"
	"testing"
)

// BenchmarkKeepLanguages is Keep of 10,000 pieces in five languages by
// two --language values (a range and a language's English name).
func BenchmarkKeepLanguages(b *testing.B) {
	langs := []string{"en", "en-GB", "fr", "de-AT", ""}
	arts := make([]Article, 10000)
	for i := range arts {
		arts[i] = Article{ID: strconv.Itoa(i), Title: "Piece " + strconv.Itoa(i), Language: langs[i%len(langs)]}
	}
	f := Filter{Languages: []string{"en-GB", "German"}}
	if n := len(f.Keep(arts)); n != 4000 {
		b.Fatalf("kept %d, want 4000", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		f.Keep(arts)
	}
}
