package index

import (
	"context"
	"github.com/folio-tui/folio/internal/testcorpus"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestTrendEqualsSearchTotals: for random queries over the bundled archive,
// with and without filters, every period's count is what a search filtered
// to that period finds, every period's total what the empty search
// filtered to it finds (all the archive's pieces there, whatever the
// query's filters), its share the one over the other, and the counts add
// up to the query's total; From and To keep the periods overlapping them
// with the same counts, and From and To inside periods count what the
// search with those dates finds.
func TestTrendEqualsSearchTotals(t *testing.T) {
	ix := openBundled(t)
	ctx := context.Background()
	words := []string{"", "terror", "isis", "barcelona", "london", "attack", "mi5", "syria", "prevent", "intelligence", "china", "plot"}
	all := ix.AllFacets()
	rng := rand.New(rand.NewPCG(17, 1))
	filtered := 0
	for range 16 {
		text := words[rng.IntN(len(words))]
		if rng.IntN(3) == 0 {
			text += " " + words[rng.IntN(len(words))]
		}
		q := Query{Text: strings.TrimSpace(text)}
		if rng.IntN(2) == 0 {
			q.Tags = []string{all.Tags[rng.IntN(min(len(all.Tags), 12))].Value}
		}
		if rng.IntN(3) == 0 {
			q.Outlets = []string{all.Outlets[rng.IntN(min(len(all.Outlets), 8))].Value}
		}
		if q.Tags != nil || q.Outlets != nil {
			filtered++
		}
		total := run(t, ix, q).Total
		for _, by := range []Period{ByYear, ByMonth, ByWeek, ByDecade} {
			tr, err := ix.Trend(ctx, q, by)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Matched() != total {
				t.Errorf("%+v by %s: %d counted, search finds %d", q, by, tr.Matched(), total)
			}
			counts := map[string]int{}
			for _, p := range tr.Points {
				got, all := periodSearch(t, ix, q, by, p.Period), periodSearch(t, ix, Query{}, by, p.Period)
				if p.Count != got || p.Total != all {
					t.Errorf("%+v %s: trend %d of %d, search %d of %d", q, p.Period, p.Count, p.Total, got, all)
				}
				if all > 0 && p.Share() != float64(got)/float64(all) || all == 0 && p.Share() != 0 {
					t.Errorf("%+v %s: share %v of %d/%d", q, p.Period, p.Share(), got, all)
				}
				counts[p.Period] = p.Count
			}
			if len(tr.Points) < 3 {
				continue
			}
			// the middle third of the periods
			third := len(tr.Points) / 3
			fq := q
			fq.From, fq.To = tr.Points[third].Start, periodEnd(by, tr.Points[2*third].Start)
			ft, err := ix.Trend(ctx, fq, by)
			if err != nil {
				t.Fatal(err)
			}
			if len(ft.Points) != 2*third-third+1 || ft.Points[0].Period != tr.Points[third].Period {
				t.Errorf("%+v by %s from %s to %s: %d periods from %s", q, by, fq.From.Format("2006-01-02"), fq.To.Format("2006-01-02"), len(ft.Points), ft.Points[0].Period)
			}
			for _, p := range ft.Points {
				if p.Count != counts[p.Period] {
					t.Errorf("%+v by %s, From/To: %s counts %d, without %d", q, by, p.Period, p.Count, counts[p.Period])
				}
			}
			// dates inside the edge periods: the periods count what the
			// search finds with the same dates
			eq := q
			half := func(p TrendPoint) time.Time {
				return p.Start.Add(periodEnd(by, p.Start).Sub(p.Start) / 2).Truncate(24 * time.Hour)
			}
			eq.From, eq.To = half(tr.Points[third]), half(tr.Points[2*third])
			et, err := ix.Trend(ctx, eq, by)
			if err != nil {
				t.Fatal(err)
			}
			if want := run(t, ix, eq).Total; et.Matched() != want {
				t.Errorf("%+v by %s from %s to %s: %d counted, search finds %d", q, by, eq.From.Format("2006-01-02"), eq.To.Format("2006-01-02"), et.Matched(), want)
			}
			for _, p := range et.Points {
				if p.Count > p.Total {
					t.Errorf("%+v by %s from/to inside: %s counts %d of %d", q, by, p.Period, p.Count, p.Total)
				}
			}
		}
	}
	if filtered < 4 {
		t.Errorf("only %d of the queries had filters", filtered)
	}
}

// periodSearch counts the pieces matching q dated within the period
// label and at least as precisely.
func periodSearch(t *testing.T, ix *Index, q Query, by Period, label string) int {
	t.Helper()
	switch by {
	case ByYear:
		q.Years = []string{label}
		return run(t, ix, q).Total
	case ByMonth:
		q.Months = []string{label}
		return run(t, ix, q).Total
	case ByDecade:
		for y := range 10 {
			q.Years = append(q.Years, label[:3]+strconv.Itoa(y))
		}
		return run(t, ix, q).Total
	}
	from, to, ok := PeriodRange(label)
	if !ok {
		t.Fatalf("PeriodRange(%q)", label)
	}
	q.From, q.To, q.Limit = from, to, 10000
	n := 0
	for _, h := range run(t, ix, q).Hits {
		if h.Date.Precision == archive.PrecisionDay && WeekOf(h.Date.Time) == label {
			n++
		}
	}
	return n
}

// TestTrendPrecision: the bundled archive mixes pieces dated to the day and
// to the month; by week, the month-dated ones are counted under their
// month in Coarser, never in a week.
func TestTrendPrecision(t *testing.T) {
	ix := openBundled(t)
	tr, err := ix.Trend(context.Background(), Query{}, ByWeek)
	if err != nil {
		t.Fatal(err)
	}
	arch, _ := archive.Load(archive.Bundled())
	days, months := map[string]int{}, map[string]int{}
	for _, a := range arch.Articles {
		switch a.Date.Precision {
		case archive.PrecisionDay:
			days[WeekOf(a.Date.Time)]++
		case archive.PrecisionMonth:
			months[a.Date.Time.Format("2006-01")]++
		}
	}
	if len(months) == 0 || len(days) == 0 {
		t.Fatal("the bundled archive should mix day and month dates")
	}
	got := map[string]int{}
	for _, p := range tr.Points {
		if p.Count > 0 {
			got[p.Period] = p.Count
		}
		if p.Count != p.Total {
			t.Errorf("%s: the empty query counts %d of %d", p.Period, p.Count, p.Total)
		}
	}
	if !mapsEqual(got, days) {
		t.Errorf("weeks %v, want %v", got, days)
	}
	got = map[string]int{}
	for _, p := range tr.Coarser {
		got[p.Period] = p.Count
	}
	if !mapsEqual(got, months) {
		t.Errorf("coarser %v, want the month-dated pieces %v", got, months)
	}
	// the weeks run without gaps from the first to the last
	for i := 1; i < len(tr.Points); i++ {
		if d := tr.Points[i].Start.Sub(tr.Points[i-1].Start).Hours(); d != 7*24 {
			t.Fatalf("%s → %s: %v hours", tr.Points[i-1].Period, tr.Points[i].Period, d)
		}
	}
	if p := ix.AutoPeriod(120); p != ByMonth {
		t.Errorf("AutoPeriod of the bundled archive = %s, want month (most pieces are dated to the month)", p)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestTrendSOTU: the State of the Union addresses are dated to the year;
// the pieces naming slavery per year, counted from the files, are the
// trend's; by month every piece is "year only".
func TestTrendSOTU(t *testing.T) {
	dir := testcorpus.Dir(t, "sotu")
	arch, probs := archive.Load(os.DirFS(dir))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	_, ix := openSOTU(t, Options{Synonyms: testSynonyms(t)}) // read only: the index built once
	// the oracle: the pieces search finds, binned by the dates in their
	// files (what matches is the query language's business, where they
	// fall in time the trend's)
	hit := map[string]bool{}
	for _, h := range run(t, ix, Query{Text: "slavery", Limit: 10000}).Hits {
		hit[h.ID] = true
	}
	want, all := map[string]int{}, map[string]int{}
	for _, a := range arch.Articles {
		y := a.Date.Time.Format("2006")
		all[y]++
		if hit[a.ID] {
			want[y]++
		}
	}
	if len(hit) < 30 {
		t.Fatalf("slavery finds %d addresses", len(hit))
	}
	tr, err := ix.Trend(context.Background(), Query{Text: "slavery"}, ByYear)
	if err != nil {
		t.Fatal(err)
	}
	got, gotAll := map[string]int{}, map[string]int{}
	for _, p := range tr.Points {
		if p.Count > 0 {
			got[p.Period] = p.Count
		}
		if p.Total > 0 {
			gotAll[p.Period] = p.Total
		}
	}
	if !mapsEqual(got, want) || !mapsEqual(gotAll, all) {
		t.Errorf("slavery by year:\n got %v\nwant %v\n all %v\nwant %v", got, want, gotAll, all)
	}
	if first, last := tr.Points[0].Period, tr.Points[len(tr.Points)-1].Period; first != "1790" || len(tr.Points) != mustAtoi(t, last)-1790+1 {
		t.Errorf("years %s..%s in %d points: want every year from 1790", first, last, len(tr.Points))
	}
	// From and To inside decades: the edge decades count the addresses
	// of the years in the range (a year overlaps it), as search does
	from, to := time.Date(1855, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(1872, 6, 30, 0, 0, 0, 0, time.UTC)
	dt, err := ix.Trend(context.Background(), Query{Text: "slavery", From: from, To: to}, ByDecade)
	if err != nil {
		t.Fatal(err)
	}
	wantDec, allDec := map[string]int{}, map[string]int{}
	for _, a := range arch.Articles {
		if y := a.Date.Time.Year(); y >= 1855 && y <= 1872 {
			d := strconv.Itoa(y/10*10) + "s"
			allDec[d]++
			if hit[a.ID] {
				wantDec[d]++
			}
		}
	}
	gotDec, gotAllDec := map[string]int{}, map[string]int{}
	for _, p := range dt.Points {
		gotDec[p.Period], gotAllDec[p.Period] = p.Count, p.Total
	}
	if !mapsEqual(gotDec, wantDec) || !mapsEqual(gotAllDec, allDec) || dt.Matched() != run(t, ix, Query{Text: "slavery", From: from, To: to}).Total {
		t.Errorf("slavery by decade, 1855-07 to 1872-06:\n got %v of %v\nwant %v of %v", gotDec, gotAllDec, wantDec, allDec)
	}
	bm, err := ix.Trend(context.Background(), Query{Text: "slavery"}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if len(bm.Points) != 0 || bm.Matched() != tr.Matched() {
		t.Errorf("by month: %d points, %d of %d counted; want none in months, all year only", len(bm.Points), bm.Matched(), tr.Matched())
	}
	if p := ix.AutoPeriod(120); p != ByDecade {
		t.Errorf("AutoPeriod of SOTU (232 years) = %s, want decade", p)
	}
	bd, err := ix.Trend(context.Background(), Query{Text: "slavery"}, ByDecade)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range bd.Points {
		n, all := 0, 0
		for y := p.Start.Year(); y < p.Start.Year()+10; y++ {
			n += want[strconv.Itoa(y)]
			all += gotAll[strconv.Itoa(y)]
		}
		if p.Count != n || p.Total != all {
			t.Errorf("%s: %d of %d, want %d of %d", p.Period, p.Count, p.Total, n, all)
		}
	}
	if bd.Points[0].Period != "1790s" || bd.Matched() != tr.Matched() {
		t.Errorf("by decade: first %s, %d counted, want 1790s and %d", bd.Points[0].Period, bd.Matched(), tr.Matched())
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	from, _, ok := PeriodRange(s)
	if !ok {
		t.Fatal(s)
	}
	return from.Year()
}

func TestPeriodRange(t *testing.T) {
	for label, want := range map[string]string{
		"2017":     "2017-01-01 2017-12-31",
		"2017-09":  "2017-09-01 2017-09-30",
		"2017-W35": "2017-08-28 2017-09-03",
		"2016-W52": "2016-12-26 2017-01-01",
		"2020-W53": "2020-12-28 2021-01-03",
		"1950s":    "1950-01-01 1959-12-31",
	} {
		from, to, ok := PeriodRange(label)
		if got := from.Format("2006-01-02") + " " + to.Format("2006-01-02"); !ok || got != want {
			t.Errorf("PeriodRange(%q) = %s, want %s", label, got, want)
		}
		if strings.Contains(label, "-W") && WeekOf(from) != label {
			t.Errorf("WeekOf(%s) = %s", from, WeekOf(from))
		}
	}
}

// TestPeriodRangeOfEveryISOWeek pins the week labels' ISO 8601 reading
// against Go's time.ISOWeek as the oracle: for every day of years whose 1
// January falls on each day of the week (week 1 holds 4 January, so it
// starts in December when 1 January is a Tuesday to Thursday and the year's
// first days belong to the last year's last week when it is a Friday to
// Sunday), the range of its week's label is the Monday to Sunday around it.
// A helper's report: the Monday of week 1 counted from 5 January survived
// every test, as it differs only in years whose 5 January is a Monday
// (2015, 2026), where every week began a week late.
func TestPeriodRangeOfEveryISOWeek(t *testing.T) {
	jan1 := map[time.Weekday]bool{}
	for y := 2009; y <= 2032; y++ {
		jan1[time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Weekday()] = true
		for d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == y; d = d.AddDate(0, 0, 1) {
			label := WeekOf(d)
			from, to, ok := PeriodRange(label)
			if !ok || from.Weekday() != time.Monday || to.Sub(from) != 6*24*time.Hour || d.Before(from) || d.After(to) {
				t.Fatalf("%s is in %s, whose range is %s to %s (ok %v)", d.Format("2006-01-02"), label, from.Format("2006-01-02 Mon"), to.Format("2006-01-02 Mon"), ok)
			}
		}
	}
	if len(jan1) != 7 {
		t.Errorf("the years cover 1 January on only %d days of the week", len(jan1))
	}
}

// BenchmarkTrend: a query's trend by month and the archive's by week, over
// the generated archives (go test ./index -run '^$' -bench Trend).
func BenchmarkTrend(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			for _, c := range []struct {
				text string
				by   Period
			}{{"terror", ByMonth}, {"", ByWeek}, {"security policy", ByYear}} {
				b.Run(c.by.String()+"/"+strconv.Quote(c.text), func(b *testing.B) {
					cpu0 := cpuTime()
					for b.Loop() {
						ix.cache.clear()
						if _, err := ix.Trend(context.Background(), Query{Text: c.text}, c.by); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				})
			}
		})
	}
}
