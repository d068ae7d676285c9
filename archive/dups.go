package archive

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/folio-tui/folio/internal/neardup"
)

// Similarity thresholds for Republished, Jaccard over 4-word shingles of
// the body: copies with small edits (a new headline, a different standfirst,
// a "reprinted with permission" line) stay well above SimilarText; pieces by
// different authors on one topic stay well under it (tested).
const (
	SimilarText      = 0.7 // alone makes two pieces copies
	SimilarWithTitle = 0.4 // with the same normalised title
	// MinCopyWords is the shortest body compared by its text: short notes
	// written from one template (the bundled archive's six interview notes
	// on the Barcelona attacks, 86-89% alike) are alike without being
	// copies.
	MinCopyWords = 100
)

// Copy is one piece of a group of republished copies.
type Copy struct {
	Index int    // into the slice given to Republished
	Why   string // how it matches the group's first piece: "same URL", "same title, text 55% alike", "text 93% alike"
}

// Republished groups the pieces that are the same piece published more
// than once (another outlet, a later reprint, the same page added twice):
// the same URL (ignoring the scheme, "www.", a trailing slash, fragments
// and utm_ parameters), or bodies of MinCopyWords or more whose shingle
// similarity is at least SimilarText, or SimilarWithTitle with the same
// normalised title. Groups
// are in the order of their first piece; each group's first piece is the
// earliest listed.
func Republished(as []Article) [][]Copy {
	sets := make([][]uint64, len(as))
	for i, a := range as {
		if len(neardup.Words(a.Body)) >= MinCopyWords {
			sets[i] = neardup.Shingles(a.Body)
		}
	}
	why := map[[2]int]string{}
	var pairs []neardup.Pair
	add := func(a, b int, reason string) {
		if a > b {
			a, b = b, a
		}
		k := [2]int{a, b}
		if _, ok := why[k]; !ok {
			why[k] = reason
			pairs = append(pairs, neardup.Pair{A: a, B: b})
		}
	}
	byURL := map[string]int{}
	for i, a := range as {
		if k := URLKey(a.URL); k != "" {
			if j, ok := byURL[k]; ok {
				add(j, i, "same URL")
			} else {
				byURL[k] = i
			}
		}
	}
	for _, p := range neardup.Similar(sets, SimilarWithTitle) {
		t := normTitle(as[p.A].Title)
		switch {
		case p.Similarity >= SimilarText:
			add(p.A, p.B, "text "+percent(p.Similarity)+" alike")
		case t != "" && t == normTitle(as[p.B].Title):
			add(p.A, p.B, "same title, text "+percent(p.Similarity)+" alike")
		}
	}
	var out [][]Copy
	for _, g := range neardup.Groups(len(as), pairs) {
		group := []Copy{{Index: g[0]}}
		for _, i := range g[1:] {
			reason := why[[2]int{g[0], i}]
			if reason == "" {
				reason = "text " + percent(neardup.Jaccard(sets[g[0]], sets[i])) + " alike"
			}
			group = append(group, Copy{Index: i, Why: reason})
		}
		out = append(out, group)
	}
	return out
}

func percent(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" }

func normTitle(t string) string { return strings.Join(neardup.Words(t), " ") }

// URLKey is a URL reduced for comparison: no scheme, no "www.", no
// fragment, no trailing slash, no utm_ tracking parameters; "" for what is
// not an http(s) URL.
func URLKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	key := strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimRight(u.EscapedPath(), "/")
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}
