package cite

import (
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// A person a piece names twice is cited once, as the author facet counts
// them (a helper's report: "Jane Doe and Jane Doe" cited twice).
func TestPersonNamedTwiceIsCitedOnce(t *testing.T) {
	for _, authors := range [][]string{{"Jane Doe and Jane Doe"}, {"Jane Doe", "Jane Doe, Contributor"}, {"Jane Doe", "JANE DOE"}} {
		a := archive.Article{ID: "x", Title: "T", Authors: authors, Date: archive.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}}
		out := BibTeXEntries([]archive.Article{a}, time.Time{}, NewKeyring([]archive.Article{a}))
		if !strings.Contains(out, "author = {Doe, Jane},") {
			t.Errorf("%q: %s", authors, out)
		}
		if got := TextCitation(a); strings.Contains(got, " and ") {
			t.Errorf("%q: %s", authors, got)
		}
	}
}
