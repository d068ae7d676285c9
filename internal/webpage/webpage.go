// Package webpage is what an extractor found on a web page, as the helper
// program folio-extract hands it to folio (JSON on its standard output):
// the main text as HTML and the page's metadata. Nothing here is trusted:
// folio cleans links, converts to Markdown and sanitises every string.
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
