package index

import (
	"context"
	"strings"
	"testing"
)

// pathologicalQueries are what a user can paste into the search box: a
// paragraph, hundreds of operators, one enormous word.
var pathologicalQueries = []string{
	strings.Repeat("terrorism~ ", 90),
	strings.Repeat("ra* ", 200),
	strings.Repeat("x OR ", 200),
	strings.Repeat("\"a b c\" ", 120),
	strings.Repeat("abcdefghij", 100),
	strings.Repeat("isis islamic state ", 50),
	strings.Repeat("-x ", 300),
	strings.Repeat("é", 500),
}

// Pathological queries are answered, not refused or crashed on. How long they
// take is measured by BenchmarkPathologicalQueries (a wall-clock limit here
// failed on a busy machine without telling anything about folio).
func TestPathologicalQueries(t *testing.T) {
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range pathologicalQueries {
		if _, err := ix.Search(context.Background(), Query{Text: q}); err != nil {
			t.Errorf("%.20q: %v", q, err)
		}
	}
}

// BenchmarkPathologicalQueries times each pasted query on the fixtures
// (go test ./index -run '^$' -bench Pathological).
func BenchmarkPathologicalQueries(b *testing.B) {
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Memory: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for i, q := range pathologicalQueries {
		b.Run(strings.Fields(q)[0][:min(10, len(strings.Fields(q)[0]))]+"-"+string(rune('a'+i)), func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(context.Background(), Query{Text: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
