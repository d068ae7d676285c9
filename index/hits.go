package index

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/archive"
)

// hitsOf converts bleve hits.
func (ix *Index) hitsOf(hits search.DocumentMatchCollection, hl *highlightSet, hasText bool) []Hit {
	out := make([]Hit, 0, len(hits))
	for _, dm := range hits {
		out = append(out, ix.hitOf(dm, hl, hasText))
	}
	return out
}

// hitOf converts a bleve hit.
func (ix *Index) hitOf(dm *search.DocumentMatch, hl *highlightSet, hasText bool) Hit {
	f := dm.Fields
	h := Hit{
		ID:      dm.ID,
		Score:   dm.Score,
		Title:   str(f[fTitle]),
		Outlet:  str(f[fOutlet]),
		Tags:    strs(f[fTags]),
		Authors: strs(f[fAuthors]),
		Kind:    str(f[fKind]),
		URL:     str(f[fURL]),
		Date:    parseStoredDate(str(f[fDate])),
		Copies:  ix.otherCopies(dm.ID),
	}
	if !hasText {
		return h
	}
	if !hl.empty() {
		h.TitleMarked = hl.markTitle(h.Title)
	}
	standfirst, note, body := ix.longTexts(f)
	if !hl.empty() {
		h.Snippets = hl.snippets(standfirst, body, note)
	}
	if len(h.Snippets) == 0 {
		for _, t := range []string{standfirst, body, note} {
			if t != "" {
				h.Snippets = []string{lead(t)}
				break
			}
		}
	}
	return h
}

func str(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case []interface{}:
		if len(x) > 0 {
			s, _ := x[0].(string)
			return s
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// parseStoredDate reads the date as document() stored it: 2017-10-19,
// 2017-09 or 1863.
func parseStoredDate(s string) archive.Date {
	parts := strings.Split(s, "-")
	n := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return archive.Date{}
		}
		n[i] = v
	}
	switch len(n) {
	case 1:
		return archive.Date{Time: time.Date(n[0], 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}
	case 2:
		return archive.Date{Time: time.Date(n[0], time.Month(n[1]), 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionMonth}
	case 3:
		return archive.Date{Time: time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
	}
	return archive.Date{}
}

// loadFields fills the stored fields of hits with one search by ID.
func (ix *Index) loadFields(ctx context.Context, hits search.DocumentMatchCollection, fields []string) error {
	if len(hits) == 0 {
		return nil
	}
	idList := make([]string, len(hits))
	for i, h := range hits {
		idList[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(idList), len(idList), 0, false)
	req.Fields = fields
	sr, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	byID := make(map[string]map[string]interface{}, len(sr.Hits))
	for _, h := range sr.Hits {
		byID[h.ID] = h.Fields
	}
	for _, h := range hits {
		h.Fields = byID[h.ID]
	}
	return nil
}
