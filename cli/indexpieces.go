package cli

import (
	"context"
	"slices"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// indexPage is how many pieces allPiecesOf asks the index for at a time (a
// test makes it small to see the pages joined).
var indexPage = index.MaxLimit

// allPiecesOf is every piece q finds in ix, in the index's date order, as
// much of each as the index holds: id, title, date, outlet, authors, tags,
// kind, URL, source and file (no texts), read a page at a time (ties in
// the order of the IDs: the pages neither overlap nor skip). ok is false
// when the search fails or when a tag or an outlet may have been cut
// (index.MayBeCut): the files have it whole.
func allPiecesOf(ctx context.Context, ix *index.Index, q index.Query) ([]archive.Article, bool) {
	q.Mode, q.Sort = index.ModeHits, index.SortOldest
	var arts []archive.Article
	for q.Limit, q.Offset = indexPage, 0; ; q.Offset += q.Limit {
		res, err := ix.Search(ctx, q)
		if err != nil || q.Offset+len(res.Hits) != min(res.Total, q.Offset+q.Limit) {
			return nil, false
		}
		for _, h := range res.Hits {
			if index.MayBeCut(h.Outlet) || slices.ContainsFunc(h.Tags, index.MayBeCut) {
				return nil, false
			}
			arts = append(arts, archive.Article{ID: h.ID, Title: h.Title, Date: h.Date, Outlet: h.Outlet, Authors: h.Authors,
				Tags: h.Tags, Kind: h.Kind, URL: h.URL, Source: h.Source, Path: h.Path})
		}
		if q.Offset+q.Limit >= res.Total {
			return arts, len(arts) == res.Total
		}
	}
}
