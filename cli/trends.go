package cli

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

type trendsFlags struct {
	filterFlags
	by               string
	share            bool
	asCSV, asJSON    bool
	svgPath, pngPath string
}

// maxAutoPoints is the most periods --by auto chooses: a finer period
// that would give more is passed over for a coarser one.
const maxAutoPoints = 120

func newTrendsCmd(env *Env) *cobra.Command {
	var f trendsFlags
	cmd := &cobra.Command{
		Use:   "trends QUERY [QUERY...]",
		Short: "Count the pieces matching each query per year, month, week or decade",
		Long: `Attention over time: the pieces matching each query per period, from the
index's date facets, with all the archive's pieces in that period beside them
(--share divides the one by the other: the archive's own volume varies).

A piece is counted only as precisely as it is dated. By month, a piece dated
only to the year is in no month: it is counted on a "year only" line under its
year. By week (ISO weeks, 2017-W35), pieces dated only to the month or the
year are counted on "month only" and "year only" lines. Undated pieces are
counted on an "undated" line. The lines of a query add up to its
folio search total.

With --collapse-copies a group of republished copies is counted once, in the
period of the piece search shows for it (the count is what list and search
--collapse-copies of the period find), and a period's "all" is the texts
with a piece dated in it (a group of copies counts once in each period it ran
in), so a share is never over 1: a query can make a later copy stand for a
text (a filter to its outlet), which the archive's earliest piece would
leave in another period.

--from and --to keep the periods that overlap them. --by is chosen from the
archive when not given: the finest period at which most pieces are dated
and that gives at most 120 periods; decades (1950s) when years would give
more.

--svg FILE and --png FILE write a chart (gonum/plot) titled with the archive,
the queries and the date of the run.`,
		Example: `  folio trends terrorism communism --by year --share
  folio --archive sotu trends slavery terrorism --csv > attention.csv
  folio --archive sotu trends slavery terrorism --svg attention.svg`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.asCSV && f.asJSON {
				return fmt.Errorf("--csv and --json: choose one")
			}
			var base index.Query
			if err := f.applyTo(&base, nil); err != nil {
				return err
			}
			name, _, err := env.source()
			if err != nil {
				return err
			}
			ix, err := env.openIndex(cmd.Context(), progressBar(env.Err))
			if err != nil {
				return err
			}
			defer ix.Close()
			if f.reading() {
				// read once the index is open, the renames it found followed
				if err := f.applyTo(&base, openStateOf(env, name)); err != nil {
					return err
				}
			}
			by := ix.AutoPeriod(maxAutoPoints)
			if f.by != "" && f.by != "auto" {
				var ok bool
				if by, ok = index.ParsePeriod(f.by); !ok {
					return fmt.Errorf("--by %q: want year, month, week, decade or auto", f.by)
				}
			}
			ts := trendSet{Archive: name, By: by, Run: time.Now()}
			for _, text := range args {
				q := base
				q.Text = text
				tr, err := ix.Trend(cmd.Context(), q, by)
				if err != nil {
					return err
				}
				ts.Queries = append(ts.Queries, text)
				ts.Trends = append(ts.Trends, tr)
				// how each query was read, as search says it (a helper's
				// report: `trends '"i am"'` counted every piece, unsaid)
				for _, n := range tr.Notes {
					fmt.Fprintf(env.Err, "folio: note: %s: %s\n", termsafe.Escape(text), termsafe.Escape(n))
				}
			}
			if f.svgPath != "" {
				if err := writeChart(f.svgPath, "svg", ts, f.share); err != nil {
					return err
				}
			}
			if f.pngPath != "" {
				if err := writeChart(f.pngPath, "png", ts, f.share); err != nil {
					return err
				}
			}
			// the files skipped, as search says them (49u: an archive
			// whose files were all skipped printed an empty table, unsaid)
			probs := ix.Problems()
			reportSkipped(env.Err, probs)
			switch {
			case f.asJSON:
				for i := range ts.Trends { // said on stderr too
					ts.Trends[i].Notes = withNotes(ts.Trends[i].Notes, staleNote(ix), skippedNote(probs))
				}
				return writeJSON(env.Out, ts.json(f.share))
			case f.asCSV:
				return ts.writeCSV(env.Out, f.share)
			case f.svgPath != "" || f.pngPath != "":
				return nil // the chart was asked for, not the table
			}
			return ts.writeTable(env.Out, f.share)
		},
	}
	f.add(cmd, env)
	fl := cmd.Flags()
	fl.StringVar(&f.by, "by", "auto", "year, month, week, decade or auto")
	fl.BoolVar(&f.share, "share", false, "add each query's share of all the pieces of the period")
	fl.BoolVar(&f.asCSV, "csv", false, "print CSV")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON")
	fl.StringVar(&f.svgPath, "svg", "", "write an SVG chart to this file")
	fl.StringVar(&f.pngPath, "png", "", "write a PNG chart to this file")
	_ = cmd.RegisterFlagCompletionFunc("by", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"auto", "year", "month", "week", "decade"}, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// archiveLabel names the archive in titles: its folder's name.
func archiveLabel(name string) string {
	if name == archive.BundledName {
		return "the bundled archive"
	}
	return filepath.Base(name)
}

// trendSet is the trends of several queries over the same periods, of the
// archive Archive as stats --json names it (its folder, or "bundled"; a
// chart's title says archiveLabel).
type trendSet struct {
	Archive string
	By      index.Period
	Run     time.Time
	Queries []string
	Trends  []index.Trend
}

// row is one line of the table or the CSV: a period with its counts per query.
type trendRow struct {
	period, kind string // kind: "period", "year only", "month only", "undated"
	at           int    // a period's index in the trends' Points
	total        int
	counts       []int
}

// rows are the periods, each line of pieces dated less precisely under its
// year or month (right after the year's or month's last period, or where
// it would be among them when it has none: a month's "year only" line
// after its December, a week's "month only" line after the last week
// whose Thursday is in the month, then its "year only" line after the
// year's last week), then the undated ones; lines where the archive has
// no piece are left out except among the periods (a gap in time is data).
func (ts trendSet) rows() []trendRow {
	if len(ts.Trends) == 0 {
		return nil
	}
	n := len(ts.Trends)
	first := ts.Trends[0]
	var rows []trendRow
	coarser := slices.Clone(first.Coarser)
	order := make([]int, len(coarser)) // the index in Coarser of each, in order
	for i := range order {
		order[i] = i
	}
	// where each coarser line goes: after the periods in its year or month
	// and before them (the periods are in time order)
	place := func(c index.TrendPoint) int {
		return sort.Search(len(first.Points), func(i int) bool { return periodWithin(first.Points[i], len(c.Period)) > c.Period })
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ca, cb := coarser[a], coarser[b]
		// at one place, a month's line before its year's
		return cmp.Or(cmp.Compare(place(ca), place(cb)), cmp.Compare(ca.Period[:4], cb.Period[:4]), -cmp.Compare(len(ca.Period), len(cb.Period)), cmp.Compare(ca.Period, cb.Period))
	})
	coarserRow := func(i int) trendRow {
		p := coarser[i]
		kind := "year only"
		if len(p.Period) == 7 {
			kind = "month only"
		}
		r := trendRow{period: p.Period, kind: kind, at: -1, total: p.Total, counts: make([]int, n)}
		for j, t := range ts.Trends {
			r.counts[j] = t.Coarser[i].Count
		}
		return r
	}
	k := 0 // the next coarser line
	for i, p := range first.Points {
		for ; k < len(order) && place(coarser[order[k]]) <= i; k++ {
			rows = append(rows, coarserRow(order[k]))
		}
		r := trendRow{period: p.Period, kind: "period", at: i, total: p.Total, counts: make([]int, n)}
		for j, t := range ts.Trends {
			r.counts[j] = t.Points[i].Count
		}
		rows = append(rows, r)
	}
	for ; k < len(order); k++ {
		rows = append(rows, coarserRow(order[k]))
	}
	if first.Undated.Total > 0 {
		r := trendRow{period: "undated", kind: "undated", at: -1, total: first.Undated.Total, counts: make([]int, n)}
		for j, t := range ts.Trends {
			r.counts[j] = t.Undated.Count
		}
		rows = append(rows, r)
	}
	return rows
}

// periodWithin is the year (width 4: "2020") or month (width 7:
// "2020-06") a period is in: a month's own, a week's that of its Thursday
// (an ISO week is its Thursday's year's: 2020-W53 ends on 3 January 2021).
func periodWithin(p index.TrendPoint, width int) string {
	if len(p.Period) == 8 && p.Period[5] == 'W' { // 2020-W05
		return p.Start.AddDate(0, 0, 3).Format("2006-01")[:width]
	}
	return p.Period[:min(width, len(p.Period))]
}

func share(count, total int) string {
	if total == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(count)/float64(total), 'f', 4, 64)
}

// label names query i in a table, a CSV header and a chart: the query,
// or "(any)" for one of no words (every piece the filters keep), which
// left a header blank.
func (ts trendSet) label(i int) string {
	if strings.TrimSpace(ts.Queries[i]) == "" {
		return "(any)"
	}
	return ts.Queries[i]
}

// csvCell is a query as a CSV header holds it: its controls escaped as
// the table has them (a helper's report: an ESC reached the file, and
// the terminal that printed it), and one a spreadsheet would take for a
// formula (=, +, -, @ first) behind an apostrophe, as OWASP advises.
func csvCell(s string) string {
	s = termsafe.Escape(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		s = "'" + s
	}
	return s
}

func (ts trendSet) writeCSV(w io.Writer, withShare bool) error {
	cw := csv.NewWriter(w)
	head := []string{"period", "dated_to", "all"}
	for i := range ts.Queries {
		q := csvCell(ts.label(i))
		head = append(head, q)
		if withShare {
			head = append(head, q+" share")
		}
	}
	_ = cw.Write(head)
	for _, r := range ts.rows() {
		kind := ts.By.String()
		if r.kind != "period" {
			kind = r.kind
		}
		rec := []string{r.period, kind, strconv.Itoa(r.total)}
		for _, c := range r.counts {
			rec = append(rec, strconv.Itoa(c))
			if withShare {
				rec = append(rec, share(c, r.total))
			}
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func (ts trendSet) writeTable(w io.Writer, withShare bool) error {
	head := []string{ts.By.String(), "all"}
	for i := range ts.Queries {
		head = append(head, termsafe.Escape(ts.label(i)))
		if withShare {
			head = append(head, "share")
		}
	}
	table := [][]string{head}
	for _, r := range ts.rows() {
		label := r.period
		if r.kind != "period" && r.kind != "undated" {
			label += " (" + r.kind + ")"
		}
		cells := []string{label, strconv.Itoa(r.total)}
		for _, c := range r.counts {
			cells = append(cells, strconv.Itoa(c))
			if withShare {
				cells = append(cells, cmp.Or(share(c, r.total), "-"))
			}
		}
		table = append(table, cells)
	}
	if err := alignColumns(w, table, 2, true); err != nil {
		return err
	}
	for i, t := range ts.Trends {
		fmt.Fprintf(w, "%s: %s", termsafe.Escape(ts.label(i)), pieces(t.Matched()))
		if note := t.PeakNote(withShare); note != "" {
			fmt.Fprintf(w, ", %s", note)
		}
		fmt.Fprintln(w)
	}
	return nil
}

type trendPointJSON struct {
	Period   string   `json:"period"`
	DatedTo  string   `json:"dated_to"` // year, month, week, "year only", "month only", "undated"
	Count    int      `json:"count"`
	All      int      `json:"all"`
	Share    *float64 `json:"share,omitempty"`
	StartDay string   `json:"start,omitempty"`
}

type trendJSON struct {
	Query   string           `json:"query"`
	Notes   []string         `json:"notes"`
	Matched int              `json:"matched"`
	Peak    string           `json:"peak,omitempty"`
	TookMS  float64          `json:"took_ms"`
	Points  []trendPointJSON `json:"points"`
}

type trendsJSON struct {
	Archive string      `json:"archive"`
	By      string      `json:"by"`
	Run     string      `json:"run"`
	Trends  []trendJSON `json:"trends"`
}

func (ts trendSet) json(withShare bool) trendsJSON {
	out := trendsJSON{Archive: ts.Archive, By: ts.By.String(), Run: ts.Run.UTC().Format(time.RFC3339), Trends: []trendJSON{}}
	rows := ts.rows()
	for j, t := range ts.Trends {
		tj := trendJSON{Query: ts.Queries[j], Notes: nonNil(t.Notes), Matched: t.Matched(), TookMS: float64(t.Took.Microseconds()) / 1000, Points: []trendPointJSON{}}
		if p := t.Peak(withShare); p >= 0 {
			tj.Peak = t.Points[p].Period
		}
		for _, r := range rows {
			p := trendPointJSON{Period: r.period, DatedTo: r.kind, Count: r.counts[j], All: r.total}
			if r.kind == "period" {
				p.DatedTo = ts.By.String()
				p.StartDay = t.Points[r.at].Start.Format("2006-01-02")
			}
			if withShare && r.total > 0 {
				s := float64(r.counts[j]) / float64(r.total)
				p.Share = &s
			}
			tj.Points = append(tj.Points, p)
		}
		out.Trends = append(out.Trends, tj)
	}
	return out
}
