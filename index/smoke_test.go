package index

import (
	"context"
	"testing"

	"github.com/folio-tui/folio/archive"
)

func TestSmoke(t *testing.T) {
	ix, err := Open(context.Background(), archive.BundledName, archive.Bundled(), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	t.Logf("fallback=%q stats=%+v problems=%v", ix.Fallback, ix.Stats, ix.Problems())
	for _, q := range []string{"raqqa", "radicalization", "isis", `"foreign fighters"`, "radica", "", "IS", "is"} {
		r, err := ix.Search(context.Background(), Query{Text: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q total=%d hint=%q took=%v", q, r.Total, r.Hint, r.Took)
		for _, h := range r.Hits {
			t.Logf("   %.3f %s %s | %s | %q", h.Score, h.Date, h.ID, h.TitleMarked, h.Snippets)
		}
	}
}
