package index

import (
	"context"
	"errors"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/archive"
)

// hitsOf converts bleve hits. With a text searched, each hit's long texts
// are read and scanned for its snippets, the most of the work after the
// walk (a 100-hit page took 6.7 ms of one core at 100k, 2026-12-02).
// Only the first marked hits get snippets and a marked title
// (Query.Snippets; a negative marked: every one), so that typing scans
// the rows on screen. When minParallelHits or more get them, they are
// cut into a part for each core, each with its own highlightSet (whose
// memo a search writes).
func (ix *Index) hitsOf(hits search.DocumentMatchCollection, hl hitMarks, hasText bool, marked int) []Hit {
	out := make([]Hit, len(hits))
	if marked < 0 || marked > len(hits) {
		marked = len(hits)
	}
	if !hasText {
		marked = 0
	}
	for i := marked; i < len(hits); i++ {
		out[i] = ix.hitOf(hits[i], hl, false) // no snippets (Query.Snippets)
	}
	parts := runtime.GOMAXPROCS(0)
	if hl.empty() || marked < minParallelHits || parts < 2 {
		for i := range marked {
			out[i] = ix.hitOf(hits[i], hl, true)
		}
		return out
	}
	var wg sync.WaitGroup
	errs := make([]error, parts)
	for p := range parts {
		lo, hi := p*marked/parts, (p+1)*marked/parts
		own := hitMarks{hl.title.forWorker(), hl.texts.forWorker()}
		wg.Go(func() {
			errs[p] = caught("snippets", func() error {
				for i := lo; i < hi; i++ {
					out[i] = ix.hitOf(hits[i], own, true)
				}
				return nil
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		panic(err) // on the search's goroutine, as a page of one part would
	}
	return out
}

// SnippetHits is how many of q's first hits get snippets: -1 for every
// one (see Query.Snippets).
func (q Query) SnippetHits() int {
	if !q.Typing || q.Snippets <= 0 {
		return -1
	}
	return q.Snippets
}

// minParallelHits is the hits with snippets from which hitsOf uses every
// core: chosen, not tuned (a page of the reader is 100, of folio search
// 20; a typed page's rows on screen, about 10, take one core).
var minParallelHits = 16

// hitOf converts a bleve hit.
// hitMarks is what a hit's title (title) and its snippets (texts) mark
// (queryPlan.highlight).
type hitMarks struct{ title, texts *highlightSet }

func (m hitMarks) empty() bool { return m.title.empty() && m.texts.empty() }

func (ix *Index) hitOf(dm *search.DocumentMatch, hl hitMarks, hasText bool) Hit {
	f := dm.Fields
	h := Hit{
		ID:            dm.ID,
		Score:         dm.Score,
		Title:         str(f[fTitle]),
		Outlet:        str(f[fOutlet]),
		Tags:          strs(f[fTags]),
		Authors:       strs(f[fAuthors]),
		Kind:          str(f[fKind]),
		URL:           str(f[fURL]),
		CiteKey:       str(f[fCiteKey]),
		CiteKeyLine:   atoiOr0(str(f[fCiteKeyLine])),
		Path:          str(f[fPath]),
		Source:        str(f[fSource]),
		Organizations: strs(f[fOrgs]),
		Language:      str(f[fLang]),
		Date:          parseStoredDate(str(f[fDate])),
		Copies:        ix.otherCopies(dm.ID),
	}
	if !hasText {
		return h
	}
	if !hl.title.empty() {
		h.TitleMarked = hl.title.markTitle(h.Title)
	}
	ix.withLongTexts(f, func(standfirst, note, body string) {
		// the texts are views of a reader's buffers: snippets and leads
		// are built anew (mark), and the memo copies what it keeps. The
		// snippets read Markdown, the body's; the standfirst and the note
		// are plain text, written so that they read as that text
		// (archive.PlainText: "Why &nbsp; matters" is no "Why  matters")
		standfirst, note = archive.PlainText(standfirst), archive.PlainText(note)
		if !hl.texts.empty() {
			h.Snippets = hl.texts.snippets(standfirst, body, note)
		}
		if len(h.Snippets) == 0 {
			for _, t := range []string{standfirst, body, note} {
				if t != "" {
					h.Snippets = []string{lead(t)}
					break
				}
			}
		}
	})
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

// atoiOr0 is the number s writes, 0 when it writes none.
func atoiOr0(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
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
	if ok, err := ix.loadStored(ctx, hits, fields); ok || err != nil {
		return err
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

// loadStored is loadFields read straight from the snapshot's segments, by
// the hits' document numbers: the same values in the same form as
// bleve's (a field of one value its string, of several a slice of them, in
// the order stored), without the search by ID that found each document
// again in every segment's dictionary of IDs, nor a document built for
// each. folio list of 100k pieces spent a quarter of its time there
// (2026-12-03). Each document's ID is compared with its hit's: a number
// is of the snapshot the hits were collected from, which is the one read
// here as long as the index searched is not written to (views on disk are
// opened read-only, an index in memory starts no merger, Refresh swaps
// whole views under inUse: a review found no mismatch in 9 refreshes under
// four searching goroutines); a comparison a hit keeps that true. ok is
// false, having set nothing, when the index is not a scorch snapshot, a
// number is not the hit's document in it, a field is not text (the caller
// searches by ID), or ctx is done.
func (ix *Index) loadStored(ctx context.Context, hits search.DocumentMatchCollection, fields []string) (bool, error) {
	r, done, err := ix.reader()
	if err != nil {
		return false, err
	}
	defer done()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return false, nil
	}
	segs, offsets, total := segmentOffsets(snap)
	for _, h := range hits {
		if len(h.IndexInternalID) != 8 || h.IndexInternalID.Value() >= total {
			return false, nil
		}
	}
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	loaded := make([]map[string]interface{}, len(hits))
	for i, h := range hits {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		n := h.IndexInternalID.Value()
		k := sort.Search(len(offsets), func(i int) bool { return offsets[i] > n }) - 1
		f := make(map[string]interface{}, len(fields))
		text, same := true, false
		err := segs[k].VisitDocument(n-offsets[k], func(field string, typ byte, value []byte, _ []uint64) bool {
			if field == "_id" { // visited first: the hit's own document?
				// (not stopped here: zapx v17.2.5 puts its visit context
				// back in its pool twice when a visitor stops at _id)
				same = string(value) == h.ID
				return true
			}
			if !same {
				return false
			}
			if !want[field] {
				return true
			}
			if typ != 't' { // a number or a date: bleve decodes it
				text = false
				return false
			}
			v := string(value) // a copy: value may be the mapped file's
			switch old := f[field].(type) {
			case nil:
				f[field] = v
			case string:
				f[field] = []interface{}{old, v}
			case []interface{}:
				f[field] = append(old, v)
			}
			return true
		})
		if err != nil || !text || !same {
			return false, err
		}
		loaded[i] = f
	}
	for i, h := range hits {
		h.Fields = loaded[i]
	}
	return true, nil
}
