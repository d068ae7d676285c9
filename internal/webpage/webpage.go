// Package webpage is what an extractor found on a web page, as the helper
// program folio-extract hands it to folio (JSON on its standard output):
// the main text as HTML and the page's metadata. Nothing here is trusted:
// folio cleans links, converts to Markdown and sanitises every string.
// InlineTags is the one list of inline elements both sides read that HTML
// by.
package webpage

import "time"

// Extraction is one page's piece and metadata.
type Extraction struct {
	ContentHTML string    `json:"content_html"`          // the main text, an HTML fragment
	Text        string    `json:"text"`                  // the same as plain text
	Title       string    `json:"title,omitempty"`       // JSON-LD, OpenGraph, <meta>, <title>, <h1>
	Author      string    `json:"author,omitempty"`      // names separated by ";"
	URL         string    `json:"url,omitempty"`         // canonical URL, as the page gives it
	Description string    `json:"description,omitempty"` // the page's description
	Sitename    string    `json:"sitename,omitempty"`    // og:site_name, JSON-LD publisher, ...
	Language    string    `json:"language,omitempty"`
	Tags        []string  `json:"tags,omitempty"` // keywords, article:tag
	Categories  []string  `json:"categories,omitempty"`
	Date        time.Time `json:"date,omitzero"`         // publication date found, zero if none
	DateSource  string    `json:"date_source,omitempty"` // the text the date was read from
	Extractor   string    `json:"extractor"`             // library and version
}

// EarliestYear is the year of the earliest publication date an extractor
// takes: archive.MinYear, folio's first year (a test holds them equal).
const EarliestYear = 1678

// DateRange is the span of publication dates an extractor takes, seen
// at now: from the start of EarliestYear (go-htmldate's own default,
// 1995, gave older pages their last-modified date or none; a helper's
// report) to a year from now, as go-htmldate's default: a later date on
// a page is more likely an event's or a mistake than when it was
// published.
func DateRange(now time.Time) (earliest, latest time.Time) {
	return time.Date(EarliestYear, 1, 1, 0, 0, 0, 0, time.UTC), now.AddDate(1, 0, 0)
}

// InlineTags are the elements that stand inside a line of text: the
// extractor's rewriting of a page (spaces beside them, a table cell's
// words, loose runs) and folio's reading of its text (a <code> beside one
// is inline code, no block) go by this one list (a read of the change,
// 42za: folio's own lacked cite, code, time and nine others).
var InlineTags = map[string]bool{"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "del": true, "dfn": true, "em": true, "i": true, "ins": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true, "strong": true,
	"sub": true, "sup": true, "time": true, "u": true, "var": true, "font": true, "strike": true, "tt": true}
