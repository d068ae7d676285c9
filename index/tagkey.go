package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/folio-tui/folio/archive"
)

// The tags field holds each tag as one term, keyed as the facets key a
// value (archive.ValueKey: in NFC, its case folded, Σ σ and ς one), so
// that tag: finds what the tag's facet row counts: tag:λόγος the pieces
// tagged ΛΌΓΟΣ (which lower-cases to λόγοσ) too. Accents stay: a tag is
// matched as written, in any case. The stored value is the tag as read.
const (
	tagAnalyzerName = "folio_tag"
	tagFilterName   = "folio_tag_key"
)

func init() {
	_ = registry.RegisterTokenFilter(tagFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return tagKeyFilter{}, nil
	})
}

type tagKeyFilter struct{}

func (tagKeyFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = []byte(tagKey(string(t.Term)))
	}
	return input
}

// tagKey is the term of the tags field for the tag v (cut as
// cutKeyword cuts it, before).
func tagKey(v string) string { return archive.ValueKey(v) }
