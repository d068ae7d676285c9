package cli

import (
	"context"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// indexPage is how many pieces allPiecesOf asks the index for at a time (a
// test makes it small to see the pages joined).
var indexPage = index.MaxLimit

// allPiecesOf is every piece q finds in ix, in the index's date order, as
// much of each as the index holds: id, title, date, outlet, authors, tags,
// kind, URL, source, file, pinned citation key and which authors are
// organisations (no texts), read a page at a time (ties in
// the order of the IDs: the pages neither overlap nor skip). ok is false,
// and the caller reads the files, when the search fails; when the index
// is kept in memory (Fallback: building it is slower than reading the
// files) or behind the files (Behind: another folio is updating it); when
// it holds a value cut (HoldsWhole); or when a filter's value is long
// enough to be cut (the index compares it cut).
func allPiecesOf(ctx context.Context, ix *index.Index, q index.Query) ([]archive.Article, bool) {
	if ix.Fallback() != "" || ix.Behind() != "" || !ix.HoldsWhole() {
		return nil, false
	}
	for _, vs := range [][]string{q.Tags, q.Outlets, q.Authors, q.Kinds, q.Languages} {
		if slices.ContainsFunc(vs, index.MayBeCut) {
			return nil, false
		}
	}
	every := reflect.DeepEqual(q, index.Query{})
	q.Mode, q.Sort = index.ModeHits, index.SortOldest
	if every && ix.ReadOrder(ctx) == nil {
		// every piece: pages of the index's order (newest first), read
		// once, not a walk of every piece's date and ID a page
		q.Sort = index.SortNewest
	}
	var arts []archive.Article
	for q.Limit, q.Offset = indexPage, 0; ; q.Offset += q.Limit {
		res, err := ix.Search(ctx, q)
		if err != nil || q.Offset+len(res.Hits) != min(res.Total, q.Offset+q.Limit) {
			return nil, false
		}
		if arts == nil {
			arts = make([]archive.Article, 0, res.Total) // grown a page at a time, half the time was copying
		}
		for _, h := range res.Hits {
			arts = append(arts, archive.Article{ID: h.ID, Title: h.Title, Date: h.Date, Outlet: h.Outlet, Authors: h.Authors,
				Tags: h.Tags, Kind: h.Kind, URL: h.URL, Source: h.Source, Path: h.Path, CiteKey: h.CiteKey, CiteKeyLine: h.CiteKeyLine, Organizations: h.Organizations, Language: h.Language})
		}
		if q.Offset+q.Limit >= res.Total {
			return arts, len(arts) == res.Total
		}
	}
}

// completionPieces are the archive's pieces, newest first, for completing
// a word on the command line: from its cached index when Verify finds it
// current (a TAB read every file: 2 s at 10k pieces), else from the files.
// Completing never builds or refreshes an index: a first TAB would wait for
// a build. ok is false when neither can be read.
func completionPieces(env *Env) (arts []archive.Article, ok bool) {
	if name, fsys, err := env.source(); err == nil {
		if ix, err := index.OpenCached(name, fsys, index.Options{Dir: env.IndexDir, Once: true}); err == nil {
			arts, ok = allPiecesOf(context.Background(), ix, index.Query{})
			ok = ok && ix.Verify()
			ix.Close()
			if ok {
				archive.SortNewestFirst(arts)
				completionFromTheIndex.Add(1)
				return arts, true
			}
		}
	}
	arch, _, err := env.openArchive()
	if err != nil {
		return nil, false
	}
	return arch.Articles, true
}

// completionFromTheIndex counts the completions read from an index (for
// tests).
var completionFromTheIndex atomic.Int64
