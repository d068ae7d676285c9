package index

import (
	"errors"
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
	sites := archive.NewSiteRoots(ix.fsys) // the parse's and SiteURLs': each config read once
	a, probs, _ := parseSafely(sites, p, data)
	if archive.IsFatal(probs) || a.ID == "" {
		for _, pr := range probs {
			if pr.Fatal {
				return archive.Article{}, pr
			}
		}
		return archive.Article{}, fmt.Errorf("%s: cannot be read", p)
	}
	a.SiteURLs = sites.SiteURLs(p)
	a.ID = id // the file's, which its slug is not when another's slugs alike (archive.AssignIDs)
	return a, nil
}

// ErrNoPiece is the error of Article for an id the index does not hold (a
// piece whose file was removed, once the index has followed): "no piece
// \"id\"".
var ErrNoPiece = errors.New("no piece")

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
		return "", fmt.Errorf("%w %q", ErrNoPiece, id)
	}
	p, _ := res.Hits[0].Fields[fPath].(string)
	if p == "" || !fs.ValidPath(p) || path.IsAbs(p) {
		return "", fmt.Errorf("no file for piece %q", id)
	}
	return p, nil
}

// PieceAt returns the id of the piece whose file is at p (archive-relative,
// slash separated), by the path the index stores: its id is its slug, or
// its slug suffixed when another file's name slugs alike (archive.PathIDs).
func (ix *Index) PieceAt(p string) (string, bool) {
	if !archive.IsPathCandidate(p) {
		return "", false
	}
	return ix.Resolve([]string{p})
}

// PathsOf returns the paths the index stores for those of ids it holds
// (id → path), without reading their files.
func (ix *Index) PathsOf(ids []string) (map[string]string, error) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return nil, ErrNoIndex
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fPath}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(res.Hits))
	for _, h := range res.Hits {
		if p, _ := h.Fields[fPath].(string); p != "" {
			out[h.ID] = p
		}
	}
	return out, nil
}

// Resolve returns the id of the piece the first of candidates names (a
// link's: archive.LinkCandidates) by its file's path or its id, else of
// the piece the first names by a key its site links it by
// (archive.Article.SiteKeys; of two pieces with one key, the lesser id),
// as archive.Archive.Resolve does. A path is looked up among the ids a
// file there may have (archive.PathIDs), by the path the index stores.
func (ix *Index) Resolve(candidates []string) (string, bool) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil || len(candidates) == 0 {
		return "", false
	}
	var look []string
	for _, c := range candidates {
		if archive.IsPathCandidate(c) {
			look = append(look, archive.PathIDs(c)...)
		} else {
			look = append(look, c)
		}
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(look), len(look), 0, false)
	req.Fields = []string{fPath}
	res, err := ix.bi.Search(req)
	if err != nil {
		return "", false
	}
	ids := make(map[string]bool, len(res.Hits))
	atPath := map[string]string{} // path → the id of the piece there
	for _, h := range res.Hits {
		ids[h.ID] = true
		if p, _ := h.Fields[fPath].(string); p != "" {
			atPath[p] = h.ID
		}
	}
	for _, c := range candidates {
		if archive.IsPathCandidate(c) {
			if id, ok := atPath[c]; ok {
				return id, true
			}
		} else if ids[c] {
			return c, true
		}
	}
	for _, c := range candidates {
		if archive.IsPathCandidate(c) {
			continue
		}
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
