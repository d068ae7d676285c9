package index

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/folio-tui/folio/archive"
)

func TestExplain(t *testing.T) {
	ix, err := Open(context.Background(), archive.BundledName, archive.Bundled(), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, text := range []string{"raqqa "} {
		c := compile(parseQuery(text), ix.synonyms)
		req := bleve.NewSearchRequestOptions(combine(c.must, c.mustNot, nil, nil, ""), 3, 0, true)
		sr, _ := ix.bi.Search(req)
		for _, h := range sr.Hits {
			b, _ := json.MarshalIndent(h.Expl, "", " ")
			t.Logf("%s %f\n%s", h.ID, h.Score, b[:min(len(b), 1500)])
		}
	}
}
