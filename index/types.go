package index

import (
	"slices"
	"strings"
	"time"

	"github.com/folio-tui/folio/archive"
)

// Sort orders results.
type Sort int

const (
	SortRelevance Sort = iota // by score; newest first when the query has no text
	SortNewest
	SortOldest
)

func (s Sort) String() string {
	switch s {
	case SortNewest:
		return "newest"
	case SortOldest:
		return "oldest"
	}
	return "relevance"
}

// ParseSort reads "relevance", "newest" or "oldest".
func ParseSort(s string) (Sort, bool) {
	switch s {
	case "relevance", "":
		return SortRelevance, true
	case "newest":
		return SortNewest, true
	case "oldest":
		return SortOldest, true
	}
	return SortRelevance, false
}

// Query is a search: text in folio's query language plus filters. Filters are
// ANDed across fields and ORed within one (Tags: ["isis","mi5"] matches either).
type Query struct {
	Text    string
	Tags    []string
	Outlets []string
	// Authors match as Outlets do: a name, or words of it in a row.
	Authors []string
	Kinds   []string
	// Languages are language ranges, as archive.Filter's: "en" keeps en,
	// en-GB and en-US (archive.LanguageMatches), archive.NoLanguage the
	// pieces without one
	Languages []string
	Years     []string // "2017", or Undated for the pieces without a date
	Months    []string // "2017-09"
	IDs       []string // restrict to these piece IDs (starred, ...); nil means no restriction
	// ExcludeIDs leaves these pieces out (the read ones, for "unread"): a
	// short list where IDs would name nearly every piece.
	ExcludeIDs []string
	// Pinned keeps the pieces that pin their citation key
	// (archive.Article.CiteKey): the reader's keyring needs them all.
	Pinned bool
	// CollapseCopies counts each group of republished copies once (see
	// Index.Copies), by the rule of archive.CollapseCopiesIn: the piece
	// standing for a group is its earliest that matches the query but its
	// period (Years, Months, From and To, Within), and the group is a hit
	// when that piece lies in the period, so that a period filter never
	// changes which piece stands: a group that ran in 2019 and 2021 is a
	// piece of 2019, in no list of 2021, as a trend counts it in the bar of
	// 2019 (Trend). A period facet value (Years, Undated, Months, Weeks)
	// counts each group once, in the period of that piece, as the bars do,
	// every period kept (a field with a filter counted without it). Any
	// other value counts the groups of which the earliest piece with it
	// that matches the rest lies in the period (addCollapsedValues): what
	// its filter finds, collapsed (the counts of such a field can add up
	// to more than the total: a group whose copies ran in two outlets
	// counts for both).
	CollapseCopies bool
	// Mode says which parts of the results to compute: all of them
	// (the zero value), the total alone, the hits without the facet
	// counts or the counts without the hits.
	Mode Mode
	// Suggest, with ModeFacets, asks for Results.Suggestion as well (folio
	// search --limit 0); a mode with hits always has it. The reader's
	// counts after its hits do without.
	Suggest bool
	// Typing says the last word of Text is still being typed (the reader,
	// while keys arrive): it also matches as a prefix, from three letters
	// (a shorter one is left out: Results.Partial). Off, every word matches
	// as written.
	Typing bool
	// Snippets, while Typing, is how many of the first hits get their
	// snippets and marked titles: the rows the reader shows (the query
	// as written replaces a typed query's results at the pause, and the
	// reader asks for the page again if a row past them comes into view
	// before). The hits after them come without snippets. Zero, or not
	// Typing: every hit has them (SnippetHits).
	Snippets int
	From     time.Time // zero: open; a piece matches when its period overlaps [From, To]
	To       time.Time // zero: open; inclusive
	// Within keeps only the pieces whose period lies inside [From, To]
	// (archive.Filter): a piece dated only to 2017 is not within
	// September 2017, as the month's facet does not count it.
	Within bool
	Sort   Sort
	Offset int
	Limit  int // 0 means a default (50)
	// hitsFacets, with CollapseCopies, counts each group of copies once,
	// in the values of the piece standing for it (no addCollapsedValues):
	// a field's counts add up to the total, as a trend's periods must (a
	// helper's report: a group dated in two years counted in both).
	hitsFacets bool
}

// Mode says which parts of Results a Query computes.
type Mode int

const (
	// ModeAll computes the total, the hits and the facet counts.
	ModeAll Mode = iota
	// ModeCount computes the total alone: no hits, facets or snippets.
	ModeCount
	// ModeHits leaves the facet counts out (Facets empty), ModeFacets the
	// hits: the interface shows the hits of a keystroke first and asks for
	// the counts next, since counting is half the time of a query that
	// matches most of a large archive.
	ModeHits
	ModeFacets
)

// Hit is one matching piece.
type Hit struct {
	ID      string
	Score   float64
	Title   string
	Outlet  string
	Date    archive.Date
	Tags    []string
	Authors []string
	Kind    string
	URL     string
	CiteKey string // the citation key the piece pins, "" when none
	// CiteKeyLine is its file's line of the key CiteKey
	// (archive.Article.CiteKeyLine), 0 when not known
	CiteKeyLine int
	Path        string // its file in the archive
	Source      string // what it was taken from (archive.Article.Source)
	// Organizations are the Authors that are organisations
	// (archive.Article.Organizations)
	Organizations []string
	Language      string // its language, a BCP 47 tag (archive.Article.Language), "" when not known
	// TitleMarked is the title with matched words between MarkStart and MarkEnd (empty without a text query).
	TitleMarked string
	// Snippets are fragments of body/standfirst/note with matched words marked.
	Snippets []string
	// Copies are the other pieces of its group of republished copies
	// (Index.Copies), earliest first; nil when it has none.
	Copies []Copy
}

// Mark delimits matched words in TitleMarked and Snippets. They are private-use
// runes so that they can never come from sanitised archive text; the UI styles
// what lies between them, the CLI turns them into its own markers.
const (
	MarkStart = "\uE000"
	MarkEnd   = "\uE001"
)

// Undated is the years' facet value of the pieces without a date, the word
// folio stats and folio trends count them under: Facets.Undated counts
// them, and as a value of Query.Years it keeps them.
const Undated = "undated"

// FacetValue is one value of a facet with its count.
type FacetValue struct {
	Value string
	Count int
}

// FacetTells reports whether a facet of authors, kinds or languages, values, tells
// the reader anything when chosen are the values the query picks from it:
// two values or more, or values picked; a single value unasked says
// nothing. The reader's sidebar and folio search show such a facet only
// when it does.
func FacetTells(values []FacetValue, chosen []string) bool {
	return len(values) > 1 || len(chosen) > 0
}

// Facets holds counts for the current query and filters, sorted by count
// (descending) then value, except Years, Months and Weeks, which are sorted
// by value. Months count the pieces dated to the month or the day. Weeks
// count the pieces dated to the day by ISO week ("2017-W35") and those dated
// only to the month by month ("2017-09"): a piece is never counted in a
// period finer than its date. Years count the dated pieces and Undated the
// others, so that Years' counts and Undated add up to the pieces counted
// (with copies collapsed, each group in the period of the piece standing
// for it: Query.CollapseCopies).
type Facets struct {
	Tags    []FacetValue
	Outlets []FacetValue
	Authors []FacetValue
	Kinds   []FacetValue
	// Languages count the pieces under their language's tag and each of
	// its prefixes (archive.LanguageValues: a piece in en-GB counts for
	// en-GB and en), archive.NoLanguage those without one: a value's count
	// is what its filter keeps, and the counts can add up to more than the
	// pieces
	Languages []FacetValue
	Years     []FacetValue
	Months    []FacetValue
	Weeks     []FacetValue
	// Undated counts the pieces without a date (a site's page may have
	// none), in no year: shown as the years' value Undated, which as a
	// filter value of Query.Years keeps them (a helper's report: the
	// years left them out silently, 1 of 3 hits with 2 undated).
	Undated int
}

// NoMonth counts the pieces that a search of month ("2020-06", the period
// overlapping it) finds beside the month's count: those dated only to its
// year, in no month, its year's count less its months'. With copies
// collapsed a group counts once, in the period of the piece standing for
// it (Query.CollapseCopies), so it is so too (an attack: counted in each
// period a piece of it had, the year less its months said nothing of a
// piece dated "2020" when a group ran in two months of 2020, and the list
// of 2020-06 held 3 where the bar said 2).
func (fs Facets) NoMonth(month string) int {
	if len(month) < 4 {
		return 0
	}
	year := month[:4]
	n := 0
	for _, y := range fs.Years {
		if y.Value == year {
			n += y.Count
		}
	}
	for _, m := range fs.Months {
		if strings.HasPrefix(m.Value, year+"-") {
			n -= m.Count
		}
	}
	return max(n, 0)
}

// YearValues are Years followed, when there are undated pieces, by the
// value Undated with their count: the years as the reader's sidebar and
// folio search show them, their counts adding up to the pieces counted
// (without a collapse of copies).
func (fs Facets) YearValues() []FacetValue {
	if fs.Undated > 0 {
		return append(slices.Clip(fs.Years), FacetValue{Value: Undated, Count: fs.Undated})
	}
	return fs.Years
}

// YearsCount is how many of the counted pieces are dated in one of years
// (values of Years: "1901"): what a filter to those years finds, the sum
// of their counts. With copies collapsed a group counts once, in the year
// of the piece standing for it (Query.CollapseCopies), so it is so too (a
// review: counted in each year a piece of it had, the reader's 1900s
// summed its years to 19 where 1900–1909 finds 10). Undated among years
// counts the undated pieces.
func (fs Facets) YearsCount(years []string) int {
	in := make(map[string]bool, len(years))
	for _, y := range years {
		in[y] = true
	}
	n := 0
	if in[Undated] {
		n += fs.Undated
	}
	for _, y := range fs.Years {
		if in[y.Value] {
			n += y.Count
		}
	}
	return n
}

// Results is the answer to a Query.
type Results struct {
	Total  int
	Hits   []Hit
	Facets Facets
	// Took is how long computing the results took; a result served from
	// the cache keeps it (the interface paces typing by it).
	Took time.Duration
	// Notes explain how the query was understood where it may not be what
	// was meant: malformed syntax searched as words ("unbalanced quote:
	// searched as words"), an unknown field, a lowercase or, a word too
	// common to search for. Hint is the same, joined by "; ".
	Notes []string
	Hint  string
	// Forms say what stemming widened a plain word to: for each such word,
	// its forms marked in the hits returned, when there are several, most
	// frequent first: "aids → aid, aids, aided…". A typed query with
	// Snippets reads them in the hits with snippets alone.
	Forms []string
	// Suggestion is a spelling from the index's own words that finds (far)
	// more than a word of the query; nil when there is none.
	Suggestion *Suggestion
	// Typed is the word being typed when it matched as a prefix and the
	// index has words it begins (the reader shows "radica…"); Partial is a
	// word being typed too short to search for yet, left out.
	Typed   string
	Partial string
	// Estimated says Total and the facet counts may count pieces without
	// the forms as written of a phrase, quoted word, acronym or word* of
	// the query, while it is being typed (Query.Typing): those forms were
	// checked for the hits returned only (typingforms.go); or may leave
	// out pieces the word being typed begins a word of: more of them had
	// stems it does not begin than the texts read a keystroke
	// (typingCheckMax; Budgeted). Without Typing, the counts are exact.
	Estimated bool
	// Budgeted says a word being typed was checked on the text for the
	// first of its candidates alone (typingCheckMax: the stems of its
	// words that it does not begin, "radic" for "radica"), among those the rest of the query,
	// its filters and its restrictions let through (scopeBudgets): its
	// matches then depend on those, and the same query narrowed further
	// (to a list of IDs, say) may match pieces this one does not.
	Budgeted bool
	// Terms are the words and quoted phrases of the query's default field,
	// for highlighting in a rendered piece, followed by the aliases they
	// were expanded with ("isis" adds "Isil", "Islamic State", ...; a
	// variant may be several words), and the words a fuzzy word marks in
	// the page's titles and snippets ("alpah~": "alpha"). title: words are
	// not among them.
	Terms []string
}

// Suggestion is a correction of one word of a query.
type Suggestion struct {
	Word  string // as the query had it: "terorism"
	Fix   string // the correction: "terrorism"
	Count int    // pieces the query with the correction finds (with the same filters)
	Query string // the query's text with the word corrected
}

// Progress reports index building: done of total files.
type Progress func(done, total int)
