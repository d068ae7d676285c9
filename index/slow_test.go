package index

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Pathological queries stay fast (a pasted paragraph, hundreds of operators).
func TestPathologicalQueriesAreFast(t *testing.T) {
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{
		strings.Repeat("terrorism~ ", 90),
		strings.Repeat("ra* ", 200),
		strings.Repeat("x OR ", 200),
		strings.Repeat("\"a b c\" ", 120),
		strings.Repeat("abcdefghij", 100),
		strings.Repeat("isis islamic state ", 50),
		strings.Repeat("-x ", 300),
		strings.Repeat("é", 500),
	} {
		start := time.Now()
		if _, err := ix.Search(context.Background(), Query{Text: q}); err != nil {
			t.Errorf("%.20q: %v", q, err)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Errorf("%.20q… took %v", q, d)
		}
	}
}
