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
	a, probs := parseSafely(p, data)
	if archive.IsFatal(probs) || a.ID == "" {
		for _, pr := range probs {
			if pr.Fatal {
				return archive.Article{}, pr
			}
		}
		return archive.Article{}, fmt.Errorf("%s: cannot be read", p)
	}
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
