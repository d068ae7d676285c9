package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// fakeSearcher is a small in-memory Searcher for the tests: words are ANDed
// substrings of title and body, filters are ORed within and ANDed across
// fields, and it answers with marks, snippets, facets and terms like the
// real index.
type fakeSearcher struct {
	mu       sync.Mutex
	articles []archive.Article
	queries  []index.Query
	delay    func(q index.Query) time.Duration // optional per-query latency
	// took is the Results.Took reported without waiting, as the index's
	// cached results report the search that made them
	took     time.Duration
	failText string // a query with this text fails
	// budgeted: typed queries answer index.Results.Budgeted
	budgeted bool
	// estimated: typed queries answer index.Results.Estimated
	estimated bool
}

func newFake(as ...archive.Article) *fakeSearcher { return &fakeSearcher{articles: as} }

func (f *fakeSearcher) Queries() []index.Query {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.queries)
}

func (f *fakeSearcher) Article(id string) (archive.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return archive.Article{}, fmt.Errorf("no piece %q", id)
}

func (f *fakeSearcher) Search(ctx context.Context, q index.Query) (index.Results, error) {
	f.mu.Lock()
	f.queries = append(f.queries, q)
	delay := f.delay
	f.mu.Unlock()
	if delay != nil {
		select {
		case <-time.After(delay(q)):
		case <-ctx.Done():
			return index.Results{}, ctx.Err()
		}
	}
	if f.failText != "" && q.Text == f.failText {
		return index.Results{}, errors.New("index exploded")
	}
	words := strings.Fields(strings.ToLower(q.Text))
	var hits []archive.Article
	facetBase := func(a archive.Article, skip string) bool {
		for _, w := range words {
			if !strings.Contains(strings.ToLower(a.Title+" "+a.Body), w) {
				return false
			}
		}
		in := func(vals []string, v ...string) bool {
			if len(vals) == 0 {
				return true
			}
			for _, x := range v {
				if slices.Contains(vals, x) {
					return true
				}
			}
			return false
		}
		if q.IDs != nil && !slices.Contains(q.IDs, a.ID) || slices.Contains(q.ExcludeIDs, a.ID) {
			return false
		}
		if !q.From.IsZero() && a.Date.Time.Before(q.From) || !q.To.IsZero() && a.Date.Time.After(q.To) {
			return false
		}
		return (skip == "outlet" || in(q.Outlets, a.Outlet)) &&
			(skip == "tag" || in(q.Tags, a.Tags...)) &&
			(skip == "year" || in(q.Years, a.Date.Time.Format("2006"))) &&
			(skip == "kind" || in(q.Kinds, a.Kind))
	}
	for _, a := range f.articles {
		if facetBase(a, "") {
			hits = append(hits, a)
		}
	}
	switch {
	case q.Sort == index.SortOldest:
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Date.Time.Before(hits[j].Date.Time) })
	default:
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Date.Time.After(hits[j].Date.Time) })
	}
	res := index.Results{Total: len(hits), Terms: words, Budgeted: f.budgeted && q.Typing, Estimated: f.estimated && q.Typing}
	if delay != nil {
		res.Took = delay(q)
	}
	if f.took != 0 {
		res.Took = f.took
	}
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	for i := q.Offset; i < len(hits) && i < q.Offset+limit; i++ {
		a := hits[i]
		h := index.Hit{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Date: a.Date, Tags: a.Tags, Authors: a.Authors, Kind: a.Kind, URL: a.URL}
		if len(words) > 0 {
			h.TitleMarked = mark(a.Title, words)
			h.Snippets = []string{mark(snippet(a.Body, words[0]), words)}
		}
		res.Hits = append(res.Hits, h)
	}
	count := func(skip string, key func(a archive.Article) []string) []index.FacetValue {
		m := map[string]int{}
		for _, a := range f.articles {
			if facetBase(a, skip) {
				for _, k := range key(a) {
					m[k]++
				}
			}
		}
		var out []index.FacetValue
		for k, v := range m {
			out = append(out, index.FacetValue{Value: k, Count: v})
		}
		sort.Slice(out, func(i, j int) bool {
			if skip == "year" || skip == "month" {
				return out[i].Value < out[j].Value
			}
			if out[i].Count != out[j].Count {
				return out[i].Count > out[j].Count
			}
			return out[i].Value < out[j].Value
		})
		return out
	}
	if q.Mode == index.ModeFacets || q.Mode == index.ModeCount {
		res.Hits = nil
	}
	if q.Mode == index.ModeHits || q.Mode == index.ModeCount {
		return res, nil
	}
	res.Facets = index.Facets{
		Outlets: count("outlet", func(a archive.Article) []string { return []string{a.Outlet} }),
		Tags:    count("tag", func(a archive.Article) []string { return a.Tags }),
		Years:   count("year", func(a archive.Article) []string { return []string{a.Date.Time.Format("2006")} }),
		Months:  count("month", func(a archive.Article) []string { return []string{a.Date.Time.Format("2006-01")} }),
		Kinds:   count("kind", func(a archive.Article) []string { return []string{a.Kind} }),
	}
	return res, nil
}

// mark wraps every case-insensitive occurrence of words in s with the marks.
func mark(s string, words []string) string {
	lower := strings.ToLower(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := ""
		for _, w := range words {
			if strings.HasPrefix(lower[i:], w) {
				matched = s[i : i+len(w)]
				break
			}
		}
		if matched != "" {
			b.WriteString(index.MarkStart + matched + index.MarkEnd)
			i += len(matched)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func snippet(body, word string) string {
	i := strings.Index(strings.ToLower(body), word)
	if i < 0 {
		i = 0
	}
	start := max(i-30, 0)
	end := min(i+60, len(body))
	return "…" + strings.ToValidUTF8(body[start:end], "") + "…"
}

func day(s string) archive.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return archive.Date{Time: t, Precision: archive.PrecisionDay}
}

// testArticles is a small archive shaped like the bundled one.
func testArticles() []archive.Article {
	return []archive.Article{
		{ID: "raqqa", Title: "Raqqa has fallen, but terror is here to stay", Outlet: "The Telegraph", Date: day("2017-10-19"),
			Authors: []string{"Raffaello Pantucci"}, Tags: []string{"isis", "foreign-fighters", "mi5"}, Kind: "article",
			URL: "https://www.telegraph.co.uk/news/raqqa", Note: "Further catching up on posting.",
			Body: "# Raqqa\n\nOn the same day that Raqqa fell, the head of MI5 gave interviews.\n\nForeign fighters have not returned in numbers. The threat from foreign fighters is diffuse.\n"},
		{ID: "parsons", Title: "Parsons Green and low-level plots", Outlet: "Evening Standard", Date: day("2017-09-16"),
			Tags: []string{"isis", "lone-actors"}, Kind: "article", URL: "https://www.standard.co.uk/parsons",
			Body: "## Low-level plots\n\nThe bucket bomb at Parsons Green shows a low-level threat.\n"},
		{ID: "barcelona", Title: "Barcelona vehicle attacks: a desperate tactic", Outlet: "The Telegraph", Date: day("2017-08-18"),
			Tags: []string{"isis", "vehicle-attacks"}, Kind: "article", Source: "https://example.org/barcelona",
			Body: "Vehicle attacks in Barcelona.\n"},
		{ID: "seven", Title: "Twelve years on from 7/7", Outlet: "The Telegraph", Date: day("2017-07-07"),
			Tags: []string{"7-7", "prevent"}, Kind: "article",
			Body: "Twelve years on, the threat has changed.\n"},
		{ID: "intel", Title: "Intelligence is fragmented by nature", Outlet: "RUSI", Date: day("2016-06-07"),
			Tags: []string{"mi5", "intelligence"}, Kind: "interview", URL: "javascript:alert(1)",
			Body: "Intelligence sharing after Manchester.\n"},
	}
}

type archiveArticle = archive.Article

// relatedFake is a fakeSearcher that also finds related pieces: the other
// pieces sharing a tag with the piece, most shared tags first.
type relatedFake struct{ *fakeSearcher }

func (f relatedFake) Related(id string, n int) ([]index.Hit, error) {
	a, err := f.Article(id)
	if err != nil {
		return nil, err
	}
	type scored struct {
		hit    index.Hit
		shared int
	}
	var all []scored
	for _, b := range f.articles {
		shared := 0
		for _, t := range b.Tags {
			if slices.Contains(a.Tags, t) {
				shared++
			}
		}
		if b.ID != id && shared > 0 {
			all = append(all, scored{index.Hit{ID: b.ID, Title: b.Title, Date: b.Date, Outlet: b.Outlet}, shared})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].shared > all[j].shared })
	var out []index.Hit
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.hit)
	}
	return out, nil
}

func itoa(i int) string { return fmt.Sprint(i) }

// Rank is the row of piece id among q's results, as Search orders them
// (ui.Ranker).
func (f *fakeSearcher) Rank(ctx context.Context, q index.Query, id string, most int) (int, bool, error) {
	q.Offset, q.Limit, q.Mode = 0, most, index.ModeHits
	r, err := f.Search(ctx, q)
	if err != nil {
		return 0, false, err
	}
	for i, h := range r.Hits {
		if h.ID == id {
			return i, true, nil
		}
	}
	return 0, false, nil
}
