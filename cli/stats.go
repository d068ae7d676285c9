package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

// count is one bar of a stats table.
type count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// archiveStats is the JSON shape of folio stats.
type archiveStats struct {
	Archive string  `json:"archive"`
	Pieces  int     `json:"pieces"`
	Years   []count `json:"years"`  // oldest first
	Months  []count `json:"months"` // YYYY-MM, oldest first; pieces dated only to the year are not in any month
	// YearOnly counts the pieces dated only to the year (in Years, in no
	// month): the text says so under the months, and the JSON did not (a
	// helper's report: its months added up to 12 of 13 pieces)
	YearOnly int `json:"year_only"`
	// Undated counts the pieces without a date (a site's page may have
	// none): in no year nor month, as trends' "undated" line (a review:
	// they were counted in year 1, month 0001-01); with copies collapsed,
	// the groups whose piece standing for them has none, as the list
	// shows them (computeUnitStats)
	Undated int     `json:"undated"`
	Outlets []count `json:"outlets"`
	Authors []count `json:"authors"` // a piece by two authors counts for each
	Tags    []count `json:"tags"`
	Kinds   []count `json:"kinds"`
	// Languages count the pieces under their language and its prefixes
	// (archive.LanguageValues: en-GB counts for en-GB and en), as the
	// facets and --language do; archive.NoLanguage those without one
	Languages []count `json:"languages"`
}

func newStatsCmd(env *Env) *cobra.Command {
	var asJSON bool
	var top int
	var f filterFlags
	cmd := &cobra.Command{
		Use:   "stats [--json]",
		Short: "Count the pieces of an archive per year, month, outlet, author, tag, kind and language",
		Long: `Count the pieces of an archive per year, per month (pieces whose month is
known), per outlet, per author, per tag, per kind and, when it has more
than one, per language (a piece in en-GB counts for en-GB and for en, as
--language en keeps it), with bars. Outlets,
authors and tags are listed most frequent first; --top limits them (0 for
all); a piece by two authors counts for each. The filters are
those of folio list and folio search and count the pieces they list.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// copies collapsed, a value counts the groups a piece the
			// filters keep has it in (the earliest with it, in the
			// period asked), as the index's facets count it, and a
			// date the piece standing for a group
			// (collapsedUnits): the pieces are read uncollapsed, from
			// the files, whose texts tell the copies (the index's
			// pieces carry no text), by the texts the other filters
			// keep, and the period asked of the piece standing for
			// each (periodApart: folio list's rule, and its refusals)
			fu, period, err := f.periodApart()
			if err != nil {
				return err
			}
			fu.collapse = false
			asked := !period.From.IsZero() || !period.To.IsZero()
			stateOf := stateOnce(env)
			var l listing
			ok := false
			if !f.collapse {
				if l, ok, err = keptFromIndex(cmd.Context(), env, fu, stateOf, false, true); err != nil {
					return err
				}
			}
			if !ok {
				if l, err = keptFromFiles(env, fu, stateOf); err != nil {
					return err
				}
			}
			if l.names == nil { // read from the files: all of them
				l.names = namesOf(computeStats(l.name, l.all, nil))
			}
			units := oneEach(l.keep)
			var inPeriod func(archive.Article) bool
			if f.collapse {
				units = collapsedUnits(l.all, l.keep)
			}
			if asked {
				in := map[string]bool{}
				for _, a := range period.Keep(l.keep) {
					in[a.ID] = true
				}
				inPeriod = func(a archive.Article) bool { return in[a.ID] }
			}
			st, probs := computeUnitStats(l.name, units, l.names, inPeriod, f.collapse, f.languages), l.probs
			reportSkipped(env.Err, probs)
			if asJSON {
				return writeJSON(env.Out, st)
			}
			return writeStats(env.Out, st, top)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (all outlets, authors and tags)")
	cmd.Flags().IntVar(&top, "top", 15, "show only the N most frequent outlets, authors and tags (0 for all)")
	f.add(cmd, env)
	return cmd
}

// caseNames are, per field ("outlets", "authors", "tags", "kinds"), the
// name each group of values one by the field's key (archive.FieldKey: one
// but for case; people and outlets spelt otherwise too) is shown by (key →
// name): the one most pieces of the whole archive have, as the index's
// facets and the sidebar show it whatever the filters.
type caseNames map[string]map[string]string

// add names value's group in field by value.
func (n caseNames) add(field, value string) {
	if n[field] == nil {
		n[field] = map[string]string{}
	}
	n[field][archive.FieldKey(field)(value)] = value
}

// namesOf are the names of the groups of st, the stats of a whole archive.
func namesOf(st archiveStats) caseNames {
	names := caseNames{}
	for field, cs := range map[string][]count{"outlets": st.Outlets, "authors": st.Authors, "tags": st.Tags, "kinds": st.Kinds, "languages": st.Languages} {
		for _, c := range cs {
			names.add(field, c.Key)
		}
	}
	return names
}

// computeStats counts arts, the pieces of the archive named name; a value
// written in several cases is counted as one, named by names (nil: by
// arts).
func computeStats(name string, arts []archive.Article, names caseNames) archiveStats {
	return computeUnitStats(name, oneEach(arts), names, nil, false, nil)
}

// oneEach is arts as units of one piece each (computeUnitStats).
func oneEach(arts []archive.Article) [][]archive.Article {
	units := make([][]archive.Article, len(arts))
	for i := range arts {
		units[i] = arts[i : i+1 : i+1]
	}
	return units
}

// collapsedUnits are the pieces keep (a selection of all) with copies
// collapsed: one unit a group of republished copies (archive.Republished
// of all), its pieces in keep, the one standing for it first (the
// earliest: archive.CollapseCopies), in the order of keep's. Counted by
// units, a value but a date (computeUnitStats: the first piece's) counts
// the groups a kept piece has it in, which is what
// its filter finds with copies collapsed and how the index's facets count
// (index's addCollapsedValues; an attack found stats counting the piece
// standing for a group alone: an outlet its own filter found was not in
// its table).
func collapsedUnits(all, keep []archive.Article) [][]archive.Article {
	kept := make(map[string]bool, len(keep))
	for _, a := range keep {
		kept[a.ID] = true
	}
	// each group's pieces in keep, in the group's order: the first the
	// earliest, which stands for it (archive.CollapseCopies' rule; the
	// groups read once, not again through it)
	groupOf := map[string]int{}
	var members [][]archive.Article
	for _, cs := range archive.Republished(all) {
		var in []archive.Article
		for _, c := range cs {
			if a := all[c.Index]; kept[a.ID] {
				groupOf[a.ID] = len(members)
				in = append(in, a)
			}
		}
		members = append(members, in)
	}
	var units [][]archive.Article
	for _, a := range keep {
		g, ok := groupOf[a.ID]
		switch {
		case !ok:
			units = append(units, []archive.Article{a})
		case members[g][0].ID == a.ID:
			units = append(units, members[g])
		}
	}
	return units
}

// computeUnitStats counts units, each one piece or a group of copies
// (collapsedUnits), of the archive named name. A unit is dated as the
// piece standing for it, its first, is: in that piece's year and month,
// dated only to the year or undated when that piece is, as the list
// shows it and the chart and folio trends count it, so that the years
// and the undated add up to the units (a review: a group of 2020-06 with
// an undated copy was said undated, 2 undated where the list and the
// chart's legend held 1). Any other value counts the unit once for each
// value one of its pieces has, as the index's facets count it; a value
// written in several cases is counted as one, named by names (nil: by the
// units). inPeriod, not nil, is the period asked with copies collapsed
// (archive.CollapseCopiesIn), the units then the texts the other filters
// keep: a unit is one of the pieces counted, and dated, when its first
// piece is in the period; a value counts it when the earliest of its
// pieces with the value is, which is what a filter to the value finds
// beside the period (the index's addCollapsedValues).
//
// A language row that holds the same pieces as a longer tag's is left out
// (withoutRepeated), but one the filters chose (chosen: --language's
// values), and not with copies collapsed (collapsed): a group
// counts under each language of its copies, so an equal count no longer
// says the same groups (a group of an en piece and its en-GB copy counts
// 1 under en and 1 under en-GB, and it stands as the en piece), as the
// index's facets do.
func computeUnitStats(name string, units [][]archive.Article, names caseNames, inPeriod func(archive.Article) bool, collapsed bool, chosen []string) archiveStats {
	years, months, outlets, authors, tags, kinds := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	languages := map[string]int{}
	yearOnly, undated, pieces := 0, 0, 0
	in := func(a archive.Article) bool { return inPeriod == nil || inPeriod(a) }
	for _, unit := range units {
		switch d := unit[0].Date; {
		case !in(unit[0]): // a text of another period
		case d.Time.IsZero():
			undated++
		default:
			years[strconv.Itoa(d.Time.Year())]++
			if d.Precision == archive.PrecisionYear {
				yearOnly++
			} else {
				months[d.Time.Format("2006-01")]++
			}
		}
		if in(unit[0]) {
			pieces++
		}
		// a unit's values, once each (by archive.FieldKey), by the
		// earliest piece that has each
		seen := map[string]bool{}
		var a archive.Article
		add := func(m map[string]int, field, v string) {
			if k := field + "\x00" + archive.FieldKey(field)(v); !seen[k] {
				seen[k] = true
				if in(a) {
					m[v]++
				}
			}
		}
		for _, a = range unit {
			add(outlets, "outlet", cmp.Or(a.Outlet, archive.NoOutlet))
			people := archive.People(a)
			if len(people) == 0 {
				add(authors, "author", archive.NoAuthor)
			}
			for _, au := range people {
				add(authors, "author", au)
			}
			for _, t := range a.Tags {
				add(tags, "tag", t)
			}
			add(kinds, "kind", cmp.Or(a.Kind, archive.KindArticle))
			for _, l := range archive.LanguageValues(a.Language) {
				add(languages, "language", l)
			}
		}
	}
	languages = mergeCases(languages, names["languages"], archive.FieldKey("languages"))
	if !collapsed {
		languages = withoutRepeated(languages, chosen)
	}
	return archiveStats{
		Archive: name, Pieces: pieces,
		Years: byKey(years), Months: byKey(months), YearOnly: yearOnly, Undated: undated,
		Outlets:   byCount(mergeCases(outlets, names["outlets"], archive.FieldKey("outlets"))),
		Authors:   byCount(mergeCases(authors, names["authors"], archive.FieldKey("authors"))),
		Tags:      byCount(mergeCases(tags, names["tags"], archive.FieldKey("tags"))),
		Kinds:     byCount(mergeCases(kinds, names["kinds"], archive.FieldKey("kinds"))),
		Languages: byCount(languages),
	}
}

// withoutRepeated is the languages' counts less the rows that repeat a
// longer tag's pieces (archive.RepeatedLanguageRows: en beside en-GB) but
// those --language chose, as the index's facets leave them out.
func withoutRepeated(m map[string]int, chosen []string) map[string]int {
	for v := range archive.RepeatedLanguageRows(m, chosen) {
		delete(m, v)
	}
	return m
}

// mergeCases counts the values of one key (archive.FieldKey: that differ
// only in case; people and outlets spelt otherwise too) as one, as a
// filter of any of them picks them all, under its name in names, else the
// one most pieces of m have, the first in byte order among those as many.
func mergeCases(m map[string]int, names map[string]string, key func(string) string) map[string]int {
	type group struct {
		shown       string
		most, total int
	}
	groups := map[string]*group{}
	for v, n := range m {
		k := key(v)
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
		}
		g.total += n
		if n > g.most || n == g.most && v < g.shown {
			g.shown, g.most = v, n
		}
	}
	out := make(map[string]int, len(groups))
	for k, g := range groups {
		out[cmp.Or(names[k], g.shown)] = g.total
	}
	return out
}

func byKey(m map[string]int) []count {
	out := make([]count, 0, len(m))
	for k, n := range m {
		out = append(out, count{k, n})
	}
	slices.SortFunc(out, func(a, b count) int { return strings.Compare(a.Key, b.Key) })
	return out
}

func byCount(m map[string]int) []count {
	out := byKey(m)
	slices.SortStableFunc(out, func(a, b count) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

// barWidth is the longest bar, in cells.
const barWidth = 30

func writeStats(w io.Writer, st archiveStats, top int) error {
	fmt.Fprintf(w, "%s: %s\n", termsafe.Quote(st.Archive), pieces(st.Pieces))
	section := func(title string, cs []count, limit bool) {
		if len(cs) == 0 {
			return
		}
		more := 0
		if limit && top > 0 && len(cs) > top {
			cs, more = cs[:top], len(cs)-top
		}
		keyWidth, most := 0, 0
		cs = slices.Clone(cs)
		for i := range cs {
			cs[i].Key = termsafe.Escape(cs[i].Key)
		}
		for _, c := range cs {
			keyWidth = max(keyWidth, ansi.StringWidth(c.Key))
			most = max(most, c.Count)
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, c := range cs {
			n := c.Count * barWidth / most
			if n == 0 {
				n = 1 // a piece is never invisible
			}
			pad := strings.Repeat(" ", keyWidth-ansi.StringWidth(c.Key))
			fmt.Fprintf(w, "  %s%s  %s %d\n", c.Key, pad, strings.Repeat("█", n), c.Count)
		}
		if more > 0 {
			fmt.Fprintf(w, "  … and %d more (--top 0 shows all)\n", more)
		}
	}
	section("Year", st.Years, false)
	switch {
	case st.Undated > 0 && len(st.Years) == 0:
		// every piece undated: the heading the line belongs to (a
		// helper's report: it followed nothing)
		fmt.Fprintf(w, "\nYear\n  (%s undated, in no year)\n", pieces(st.Undated))
	case st.Undated > 0:
		fmt.Fprintf(w, "  (and %s undated, in no year)\n", pieces(st.Undated))
	}
	section("Month", st.Months, false)
	if n := st.YearOnly; n > 0 && len(st.Months) > 0 {
		// said, as folio trends says it: the months add up to less than
		// the years (a helper's report: they were left out silently)
		fmt.Fprintf(w, "  (and %s dated only to the year, in no month)\n", pieces(n))
	}
	section("Outlet", st.Outlets, true)
	section("Author", st.Authors, true)
	section("Tag", st.Tags, true)
	section("Kind", st.Kinds, false)
	if len(st.Languages) > 1 { // one language, or none, tells nothing
		section("Language", st.Languages, false)
	}
	return nil
}
