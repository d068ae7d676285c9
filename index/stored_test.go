package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// loadStored reads a page's stored fields straight from the segments: the
// same values, in the same form, as bleve's search by ID, for every piece
// (fields of one value and of several, the pieces' texts' field too), in
// an index of one segment and one of many with deleted pieces.
func TestLoadStoredIsBleves(t *testing.T) {
	arch := t.TempDir()
	write := func(name, fm, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(arch, name), []byte("---\n"+fm+"\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 30 {
		write(fmt.Sprintf("p%02d.md", i), fmt.Sprintf("title: Piece %d\ndate: 2020-01-%02d\ntags: [a, b%d, \"c d\"]\nauthors: [Ann Smith, Bob Jones]\noutlet: The Post\nurl: https://example.org/%d", i, i%28+1, i, i),
			fmt.Sprintf("Words of piece %d about security.", i))
	}
	write("one.md", "title: One tag\ndate: 2021-05\ntags: [solo]\nauthor: Cy Lee\ncitekey: lee2021one\nsource: https://example.org/feed", "Alone.")
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sameStored(t, ix, 31)
	sameStored(t, splitFixture(t, 300), 0)
}

// sameStored checks loadStored against bleve's search by ID for every
// piece of ix (n of them; 0: any number).
func sameStored(t *testing.T, ix *Index, n int) {
	t.Helper()
	for _, fields := range [][]string{storedFields, append(storedFields, fBodyAt)} {
		req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 10000, 0, false)
		res, err := ix.bi.Search(req)
		if err != nil || n > 0 && res.Total != uint64(n) {
			t.Fatalf("%v, %d pieces", err, res.Total)
		}
		if ok, err := ix.loadStored(context.Background(), res.Hits, fields); !ok || err != nil {
			t.Fatalf("loadStored: %v %v", ok, err)
		}
		direct := map[string]map[string]interface{}{}
		for _, h := range res.Hits {
			direct[h.ID] = h.Fields
		}
		req.Fields = fields
		want, err := ix.bi.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range want.Hits {
			if !reflect.DeepEqual(direct[h.ID], h.Fields) {
				t.Errorf("%s: read %v\nbleve's %v", h.ID, direct[h.ID], h.Fields)
			}
		}
		if len(direct) != len(want.Hits) {
			t.Errorf("%d pieces read, bleve %d", len(direct), len(want.Hits))
		}
	}
}

// A hit whose number is another document's in the snapshot read (the
// snapshot moved on: an index in memory merges after its build) is not
// given that document's fields: the search by ID answers instead.
func TestLoadStoredChecksTheIDs(t *testing.T) {
	ix := openFixtures(t)
	res, err := ix.bi.Search(bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 10, 0, false))
	if err != nil || len(res.Hits) < 2 {
		t.Fatalf("%v %d", err, len(res.Hits))
	}
	hits := res.Hits[:2]
	hits[0].IndexInternalID, hits[1].IndexInternalID = hits[1].IndexInternalID, hits[0].IndexInternalID
	if ok, err := ix.loadStored(context.Background(), hits, storedFields); ok || err != nil {
		t.Fatalf("loadStored took swapped numbers: %v %v", ok, err)
	}
	if err := ix.loadFields(context.Background(), hits, storedFields); err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if a, err := ix.Article(h.ID); err != nil || str(h.Fields[fTitle]) != a.Title {
			t.Errorf("%s: title %q, its file's %q (%v)", h.ID, str(h.Fields[fTitle]), a.Title, err)
		}
	}
}

// Hits with swapped numbers beside searches on other goroutines: every
// hit read gets its own document's fields. loadStored stopped zapx's visit
// at "_id" when an ID differed, and zapx v17.2.5 then put its visit
// context back in its pool twice: two later visits shared one, and read
// another document's fields or panicked (a review's test, 5 panics in 5).
func TestLoadStoredMismatchUnderLoad(t *testing.T) {
	ix := openFixtures(t)
	res, err := ix.bi.Search(bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 1000, 0, false))
	if err != nil || len(res.Hits) < 4 {
		t.Fatalf("%v", err)
	}
	fields := append(storedFields, fBodyAt)
	want := map[string]map[string]interface{}{}
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 1000, 0, false)
	req.Fields = fields
	w, _ := ix.bi.Search(req)
	for _, h := range w.Hits {
		want[h.ID] = h.Fields
	}
	clone := func(hs search.DocumentMatchCollection) search.DocumentMatchCollection {
		out := make(search.DocumentMatchCollection, len(hs))
		for i, h := range hs {
			out[i] = &search.DocumentMatch{ID: h.ID, IndexInternalID: h.IndexInternalID}
		}
		return out
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad := 0
	for g := range 4 {
		wg.Go(func() {
			for i := range 300 {
				hs := clone(res.Hits)
				if g == 0 && i%2 == 0 { // a stale number: the search by ID answers
					hs[0].IndexInternalID, hs[1].IndexInternalID = hs[1].IndexInternalID, hs[0].IndexInternalID
					ix.loadStored(context.Background(), hs[:2], fields)
					continue
				}
				if ok, err := ix.loadStored(context.Background(), hs, fields); !ok || err != nil {
					continue
				}
				for _, h := range hs {
					if !reflect.DeepEqual(h.Fields, want[h.ID]) {
						mu.Lock()
						bad++
						mu.Unlock()
					}
				}
			}
		})
	}
	wg.Wait()
	if bad > 0 {
		t.Errorf("%d hits given wrong fields", bad)
	}
}
