package index

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/blevesearch/bleve/v2"

	"github.com/folio-tui/folio/archive"
)

// Article reads and parses the piece with the given ID from the archive.
func (ix *Index) Article(id string) (archive.Article, error) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	return ix.article(id)
}

// article is Article for a caller that holds inUse.
func (ix *Index) article(id string) (archive.Article, error) {
	p, err := ix.pathOf(id)
	if err != nil {
		return archive.Article{}, err
	}
	data, err := archive.ReadFile(ix.fsys, p)
	if err != nil {
		return archive.Article{}, err
	}
	a, probs := parseSafely(ix.fsys, p, data)
	if archive.IsFatal(probs) || a.ID == "" {
		for _, pr := range probs {
			if pr.Fatal {
				return archive.Article{}, pr
			}
		}
		return archive.Article{}, fmt.Errorf("%s: cannot be read", p)
	}
	a.ID = id // the file's, which its slug is not when another's slugs alike (archive.AssignIDs)
	return a, nil
}

// pathOf finds the file of a piece: stored in the index.
func (ix *Index) pathOf(id string) (string, error) {
	if ix.bi == nil {
		return "", ErrNoIndex
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fPath}
	res, err := ix.bi.Search(req)
	if err != nil {
		return "", err
	}
	if len(res.Hits) == 0 {
		return "", fmt.Errorf("no piece %q", id)
	}
	p, _ := res.Hits[0].Fields[fPath].(string)
	if p == "" || !fs.ValidPath(p) || path.IsAbs(p) {
		return "", fmt.Errorf("no file for piece %q", id)
	}
	return p, nil
}

// Resolve returns the id of the piece the first of candidates names (a
// link's: archive.LinkCandidates) by its id, else of the piece the first
// names by a key its site links it by (archive.Article.SiteKeys; of two
// pieces with one key, the lesser id), as archive.Archive.Resolve does.
func (ix *Index) Resolve(candidates []string) (string, bool) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil || len(candidates) == 0 {
		return "", false
	}
	res, err := ix.bi.Search(bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(candidates), len(candidates), 0, false))
	if err != nil {
		return "", false
	}
	ids := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		ids[h.ID] = true
	}
	for _, c := range candidates {
		if ids[c] {
			return c, true
		}
	}
	for _, c := range candidates {
		q := bleve.NewTermQuery(c)
		q.SetField(fSite)
		req := bleve.NewSearchRequestOptions(q, 1, 0, false)
		req.SortBy([]string{fID})
		if res, err := ix.bi.Search(req); err == nil && len(res.Hits) > 0 {
			return res.Hits[0].ID, true
		}
	}
	return "", false
}
