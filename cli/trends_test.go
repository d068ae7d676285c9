package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTrendsCSVAddsUpToSearch: on the bundled archive, the CSV's lines of a
// query add up to what folio search finds, the month-dated pieces are on
// "month only" lines by week, and share is count / all.
func TestTrendsCSVAddsUpToSearch(t *testing.T) {
	monthDated := 0
	for _, p := range listPieces(t) {
		if p.DatePrecision == "month" {
			monthDated++
		}
	}
	for _, by := range []string{"year", "month", "week"} {
		out, errOut, code := runBundled(t, "trends", "terror", "barcelona", "--by", by, "--share", "--csv")
		if code != 0 {
			t.Fatalf("--by %s: exit %d: %s", by, code, errOut)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("not CSV: %v\n%s", err, out)
		}
		if got := strings.Join(recs[0], ","); got != "period,dated_to,all,terror,terror share,barcelona,barcelona share" {
			t.Fatalf("header %q", got)
		}
		sums := []int{0, 0}
		monthOnly := 0
		for _, r := range recs[1:] {
			all := atoi(t, r[2])
			for j, col := range []int{3, 5} {
				n := atoi(t, r[col])
				sums[j] += n
				if all > 0 {
					if s, _ := strconv.ParseFloat(r[col+1], 64); strconv.FormatFloat(float64(n)/float64(all), 'f', 4, 64) != strconv.FormatFloat(s, 'f', 4, 64) {
						t.Errorf("%s: share %s of %d/%d", r[0], r[col+1], n, all)
					}
				}
			}
			if r[1] == "month only" {
				monthOnly += all
			}
			if r[1] != by && r[1] != "month only" && r[1] != "year only" {
				t.Errorf("--by %s: line %v", by, r)
			}
		}
		for j, q := range []string{"terror", "barcelona"} {
			if want := trendSearchTotal(t, "search", q); sums[j] != want {
				t.Errorf("--by %s: %q adds up to %d, search finds %d", by, q, sums[j], want)
			}
		}
		if by == "week" && monthOnly != monthDated {
			t.Errorf("by week, %d pieces on month-only lines; the bundled archive has %d dated to the month", monthOnly, monthDated)
		}
		if by != "week" && monthOnly != 0 {
			t.Errorf("--by %s: month-only lines", by)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func trendSearchTotal(t *testing.T, args ...string) int {
	t.Helper()
	out, errOut, code := runBundled(t, append(args, "--json")...)
	if code != 0 {
		t.Fatalf("%v: %s", args, errOut)
	}
	var r struct{ Total int }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r.Total
}

// TestTrendsSOTUChart: on the State of the Union addresses (dated to the
// year), the JSON by decade counts per decade what the files' dates say
// of search's hits, and the SVG and PNG charts are written with their
// legend and title.
func TestTrendsSOTUChart(t *testing.T) {
	dir, ix := sotuIndexed(t)
	tmp := t.TempDir()
	svg, pngPath := filepath.Join(tmp, "a.svg"), filepath.Join(tmp, "a.png")
	out, errOut, code := runIndexed(t, ix, "--archive", dir, "trends", "slavery", "terrorism", "--json", "--svg", svg, "--png", pngPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got trendsJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// the archive as stats --json names it (an attack, 42h: "sotu" there,
	// its path in stats)
	var st archiveStats
	sout, _, _ := runIndexed(t, ix, "--archive", dir, "stats", "--json")
	if err := json.Unmarshal([]byte(sout), &st); err != nil || st.Archive == "" {
		t.Fatalf("stats --json: %v\n%s", err, sout)
	}
	if got.By != "decade" || got.Archive != st.Archive || len(got.Trends) != 2 {
		t.Fatalf("by %s, archive %s (stats: %s), %d trends", got.By, got.Archive, st.Archive, len(got.Trends))
	}
	// the oracle: search's hits, by the dates list reads from the files
	hout, _, _ := runIndexed(t, ix, "--archive", dir, "search", "slavery", "--json", "--limit", "1000")
	var hits struct {
		Total int
		Hits  []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(hout), &hits); err != nil {
		t.Fatal(err)
	}
	dates := map[string]string{}
	for _, p := range listPieces(t, "--index-dir", ix, "--archive", dir) {
		dates[p.ID] = p.Date
	}
	byDecade := map[string]int{}
	for _, h := range hits.Hits {
		byDecade[dates[h.ID][:3]+"0s"]++
	}
	slavery := got.Trends[0]
	if slavery.Matched != hits.Total || len(hits.Hits) != hits.Total {
		t.Errorf("matched %d, search %d (%d hits)", slavery.Matched, hits.Total, len(hits.Hits))
	}
	for _, p := range slavery.Points {
		if p.Count != byDecade[p.Period] {
			t.Errorf("%s: %d, search's hits %d", p.Period, p.Count, byDecade[p.Period])
		}
	}
	if terror := got.Trends[1]; terror.Peak != "2000s" {
		t.Errorf("terrorism peaks in %s, want 2000s", terror.Peak)
	}

	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", "&#34;slavery&#34; (" + strconv.Itoa(slavery.Matched) + " pieces)", "&#34;terrorism&#34;", "archive: sotu", "run 20", "1950"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the SVG has no %q", want)
		}
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 900 {
		t.Errorf("PNG %v, want 1600×900 (8×4.5 in at 200 dpi)", b)
	}
}

func listPieces(t *testing.T, args ...string) []articleJSON {
	t.Helper()
	out, errOut, code := run(t, append(args, "list", "--json")...)
	if code != 0 {
		t.Fatal(errOut)
	}
	var pieces []articleJSON
	if err := json.Unmarshal([]byte(out), &pieces); err != nil {
		t.Fatal(err)
	}
	return pieces
}

func TestTrendsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"trends", "x", "--by", "fortnight"},
		{"trends", "x", "--csv", "--json"},
		{"trends"},
	} {
		if _, errOut, code := run(t, args...); code == 0 || errOut == "" {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

// A query of no words (every piece) is named "(any)" in the table, its
// summary and the CSV header (a helper's report: a blank header, ": 24
// pieces", a CSV header ending "all,"); one piece is "1 piece".
func TestTrendsNameAnEmptyQuery(t *testing.T) {
	out, errOut, code := run(t, "trends", "", "--by", "year")
	if code != 0 || !strings.Contains(out, "all  (any)") || !strings.Contains(out, "(any): 24 pieces") {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
	out, _, _ = run(t, "trends", "", "--by", "year", "--csv")
	if head, _, _ := strings.Cut(out, "\n"); head != "period,dated_to,all,(any)" {
		t.Errorf("CSV header %q", head)
	}
	out, _, _ = run(t, "trends", "westminster", "--by", "year")
	if !strings.Contains(out, "westminster: 1 piece,") {
		t.Errorf("one piece:\n%s", out)
	}
}

// A chart of an empty archive says so, rather than suggesting the --by
// year it was given (a helper's report).
func TestTrendsChartOfAnEmptyArchive(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(t.TempDir(), "out.png")
	for _, by := range []string{"year", "decade"} {
		_, errOut, code := run(t, "--archive", dir, "trends", "x", "--png", png, "--by", by)
		if code == 0 || !strings.Contains(errOut, "the archive has no pieces to chart") || strings.Contains(errOut, "try --by") {
			t.Errorf("--by %s (%d): %q", by, code, errOut)
		}
	}
}

// A query, or an archive folder's name, holding controls reaches neither
// a CSV nor a chart raw: the CSV's header escapes them as the table does
// (and puts an apostrophe before a formula's =), the SVG is XML (a
// helper's report: an ESC and a C1 CSI in both, and an SVG no XML reader
// took).
func TestTrendsCSVAndChartEscapeNames(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "t\x1b]0;PWN\a\u009b2J\u202ex")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\ndate: 2020-01-01\n---\nword here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	q := "word\x1b]0;TQ\a\u202e\ufffe"
	svg := filepath.Join(root, "c.svg")
	out, errOut, code := run(t, "--archive", dir, "trends", q, "=1+1", "--csv", "--svg", svg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if strings.ContainsAny(out, "\x1b\a\u009b\u202e") {
		t.Errorf("a control in the CSV: %q", out)
	}
	if len(recs[0]) < 5 || !strings.HasPrefix(recs[0][3], "word") || recs[0][4] != "'=1+1" {
		t.Errorf("header %q", recs[0])
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(data, "\x1b\a") || bytes.Contains(data, []byte("\u009b")) {
		t.Errorf("a control in the SVG")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
	}
}

// Every command that runs a query says how it was read, as search does
// (a helper's report: `trends '"i am"'`, `terms` and `saved add` counted
// every piece with the stop-word phrase left out, and said nothing).
func TestQueryNotesOnEveryCommand(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	const note = `"it is" is too common to search for`
	for _, args := range [][]string{
		{"trends", `"it is" terror`},
		{"trends", `"it is" terror`, "--csv"},
		{"terms", `"it is" terror`},
		{"saved", "add", "common", `"it is" terror`},
	} {
		_, errOut, code := runBundled(t, args...)
		if code != 0 || !strings.Contains(errOut, note) {
			t.Errorf("%v: exit %d, stderr %q: no note", args, code, errOut)
		}
	}
	for _, args := range [][]string{{"trends", `"it is" terror`, "--json"}, {"terms", `"it is" terror`, "--json"}} {
		out, _, code := runBundled(t, args...)
		var v struct {
			Notes  []string
			Trends []struct{ Notes []string }
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil || code != 0 {
			t.Fatalf("%v: %v %d", args, err, code)
		}
		notes := v.Notes
		if len(v.Trends) > 0 {
			notes = v.Trends[0].Notes
		}
		if len(notes) == 0 || !strings.Contains(notes[0], note) {
			t.Errorf("%v: notes %q", args, notes)
		}
	}
}

// A date range no piece can be in is refused by every command that takes
// one (a helper's report: 0 pieces, saved and charted, with no word).
func TestEmptyDateRangeRefused(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, args := range [][]string{
		{"search", "terror", "--from", "2018", "--to", "2017"},
		{"trends", "terror", "--from", "2017-10", "--to", "2017-09"},
		{"saved", "add", "never", "terror", "--from", "2018", "--to", "2017"},
		{"list", "--from", "2017-09-02", "--to", "2017-09-01"},
	} {
		_, errOut, code := run(t, args...)
		if code == 0 || !strings.Contains(errOut, "is after --to") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	if _, errOut, code := run(t, "search", "terror", "--from", "2017-09", "--to", "2017-09"); code != 0 {
		t.Errorf("one month: exit %d %q", code, errOut)
	}
}

// One more period as high is "1 more decade", not "decades".
func TestTrendsTiesSaidInTheSingular(t *testing.T) {
	dir := t.TempDir()
	for _, y := range []string{"1995", "2005"} {
		if err := os.WriteFile(filepath.Join(dir, y+".md"), []byte("---\ntitle: T"+y+"\ndate: "+y+"-01-01\n---\nZebras.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := run(t, "--archive", dir, "trends", "zebras", "--by", "decade")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "peak 1990s (and 1 more decade as high)") {
		t.Errorf("plural after 1:\n%s", out)
	}
}

// TestTrendsPeakNote: the peak alone when no other period is as high, and
// "2 more decades" in the plural; by share, the periods as high by share.
func TestTrendsPeakNote(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"1995": "Zebras.", "2005": "Zebras. Lions.", "2005b": "Lions.", "2015": "Zebras. Lions."} {
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte("---\ntitle: T"+name+"\ndate: "+name[:4]+"-01-01\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, share := range []bool{false, true} {
		args := []string{"--archive", dir, "trends", "zebras", "lions", "--by", "decade"}
		if share {
			args = append(args, "--share")
		}
		out, errOut, code := run(t, args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		want := []string{"zebras: 3 pieces, peak 1990s (and 2 more decades as high)\n", "lions: 3 pieces, peak 2000s\n"}
		if share { // zebras: 1 of 2 in the 2000s; lions: all of the 2010s too
			want = []string{"zebras: 3 pieces, peak 1990s (and 1 more decade as high)\n", "lions: 3 pieces, peak 2000s (and 1 more decade as high)\n"}
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("share %v: no %q:\n%s", share, w, out)
			}
		}
	}
}

// Pieces dated a week apart from the first Monday of 2026 (5 January, the
// first day of ISO week 2, since week 1 began on 29 December) count one in
// each of weeks 2, 3 and 4 (a helper's report: the Monday of week 1 counted
// from 5 January survived every test, and put them a week out).
func TestTrendsByISOWeek(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"2026-01-05", "2026-01-12", "2026-01-20"} {
		if err := os.WriteFile(filepath.Join(dir, d+".md"), []byte("---\ntitle: T"+d+"\ndate: "+d+"\n---\nhello world text\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := run(t, "--archive", dir, "trends", "hello", "--by", "week", "--csv")
	want := "period,dated_to,all,hello\n2026-W02,week,1,1\n2026-W03,week,1,1\n2026-W04,week,1,1\n"
	if code != 0 || out != want {
		t.Errorf("exit %d %s:\n%s\nwant\n%s", code, errOut, out, want)
	}
}

// TestTrendsYearOnlyUnderItsYear: by month, the pieces dated only to a
// year are on a "year only" line under their year, as the help says: after
// its December, or first when the year has no month among the periods (a
// researcher's report: "2019 (year only)" came after 2022-03, with every
// coarser line after all the periods), in the table, the CSV and the
// JSON; by week, a "month only" line comes after the month's last week
// and before its year's "year only" line.
func TestTrendsYearOnlyUnderItsYear(t *testing.T) {
	dir := t.TempDir()
	for i, d := range []string{"2019", "2020", "2020-06-01", "2021-02-01"} {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte("---\ntitle: T"+d+"\ndate: \""+d+"\"\n---\nhello world text\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	order := []string{"2019", "2020-06", "2020-07", "2020-08", "2020-09", "2020-10", "2020-11", "2020-12", "2020", "2021-01", "2021-02"}
	out, errOut, code := run(t, "--archive", dir, "trends", "hello", "--by", "month")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, l := range strings.Split(out, "\n")[1:] {
		if f := strings.Fields(l); len(f) > 0 && (f[0][0] == '1' || f[0][0] == '2') {
			got = append(got, f[0])
			if f[0] == "2019" || f[0] == "2020" {
				if !strings.Contains(l, "(year only)") {
					t.Errorf("line %q", l)
				}
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(order) {
		t.Errorf("table's order %v, want %v:\n%s", got, order, out)
	}
	out, errOut, code = run(t, "--archive", dir, "trends", "hello", "--by", "month", "--csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got = nil
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		got = append(got, strings.SplitN(l, ",", 2)[0])
	}
	if fmt.Sprint(got) != fmt.Sprint(order) || !strings.Contains(out, "\n2019,year only,1,1\n2020-06,month,1,1\n") || !strings.Contains(out, "\n2020-12,month,0,0\n2020,year only,1,1\n2021-01,month,0,0\n") {
		t.Errorf("CSV's order %v, want %v:\n%s", got, order, out)
	}
	out, errOut, code = run(t, "--archive", dir, "trends", "hello", "--by", "month", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var js struct {
		Trends []struct {
			Points []struct {
				Period, DatedTo, Start string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || len(js.Trends) != 1 {
		t.Fatalf("%v:\n%s", err, out)
	}
	got = nil
	for _, p := range js.Trends[0].Points {
		got = append(got, p.Period)
		if want := p.Period + "-01"; p.DatedTo == "month" && p.Start != want {
			t.Errorf("%s starts %q, want %q", p.Period, p.Start, want)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(order) {
		t.Errorf("JSON's order %v, want %v:\n%s", got, order, out)
	}

	// by week, with a piece dated to June 2020: its line after the
	// month's last week (2020-W26, whose Thursday is 25 June; 2020-W27's
	// is 2 July), 2020's after 2020-W53
	if err := os.WriteFile(filepath.Join(dir, "june.md"), []byte("---\ntitle: June\ndate: \"2020-06\"\n---\nhello world text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = run(t, "--archive", dir, "trends", "hello", "--by", "week", "--csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"period,dated_to,all,hello\n2019,year only,1,1\n2020-W23,week,1,1\n", "\n2020-W26,week,0,0\n2020-06,month only,1,1\n2020-W27,", "\n2020-W53,week,0,0\n2020,year only,1,1\n2021-W01,"} {
		if !strings.Contains(out, want) {
			t.Errorf("by week, no %q:\n%s", want, out)
		}
	}
}
