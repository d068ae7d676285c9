package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// The chart's drawing: a title, a legend, the bars of each period on
// screen (a column per series), the axis with the cursor and the period
// labels, and a line about the period under the cursor.

// seriesGlyphs tell the series apart without colour (NO_COLOR), and
// seriesColours with it: the Okabe–Ito palette, safe for the common
// colour-vision deficiencies.
var (
	seriesGlyphs  = []string{"█", "▒", "░", "▚", "▓"}
	seriesColours = []string{"#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442"}
)

// chartAxisW is the cells of the value axis at the left.
const chartAxisW = 6

// chartFrame is one drawing of the chart: the pane, and the periods on
// screen.
type chartFrame struct {
	p           trendsPane
	st          Styles
	noColor     bool
	first, last int     // the periods on screen, last excluded
	group       int     // the cells of a period: a column per series and a gap
	top         float64 // the highest value of any series
}

// view draws the chart in w×h cells: h lines, whatever it says.
func (p trendsPane) view(w, h int, st Styles, noColor bool) string {
	return fillLines(p.draw(w, h, st, noColor), h)
}

// draw is the chart, or what to say instead, in at most h lines.
func (p trendsPane) draw(w, h int, st Styles, noColor bool) string {
	if w < 20 || h < 8 {
		return fitCells("Too small for the chart", w)
	}
	what := "pieces"
	if p.share {
		what = "share of the period's pieces"
	}
	head := []string{st.ReaderTitle.Render(fmt.Sprintf("Attention over time · %s per %s", what, p.by))}
	switch {
	case p.err != nil:
		return strings.Join(append(head, "", st.Error.Render(archive.SanitizeLine(termsafe.ErrText(p.err)))), "\n")
	case !p.loaded:
		return strings.Join(append(head, "", st.Count.Render("counting…")), "\n")
	case p.points() == 0 && p.noneDated():
		// no period at all: an empty archive, or one of undated pieces,
		// which p cannot help with (a helper's report: "p changes the
		// period" on an empty archive) and which are said, as folio
		// trends' undated row says them (a review: an archive of
		// undated pieces alone read "no pieces to count")
		return strings.Join(append(append(head, ""), p.undatedSaid()...), "\n")
	case p.points() == 0:
		return strings.Join(append(head, "", "No piece of the archive is dated to the "+p.by.String()+": p changes the period."), "\n")
	}
	f := p.frame(w, st, noColor)
	head = append(head, truncateCells(f.legend(), w))
	out := append(head, f.bars(max(h-len(head)-5, 3))...)
	out = append(out, f.axis(w)...)
	out = append(out, truncateCells(f.info(), w))
	for i := range out {
		out[i] = truncateCells(out[i], w)
	}
	return strings.Join(out, "\n")
}

// noneDated reports whether no series has a piece dated even less
// precisely than the chart's period: every period is then empty
// whichever is chosen.
func (p trendsPane) noneDated() bool {
	for _, s := range p.series {
		if len(s.trend.Coarser) > 0 {
			return false
		}
	}
	return true
}

// undatedSaid are the lines of a chart without periods: the archive's
// pieces, none dated, and each series' count, as folio trends' undated
// row and totals have them.
func (p trendsPane) undatedSaid() []string {
	n := 0
	if len(p.series) > 0 {
		n = p.series[0].trend.Undated.Total
	}
	var out []string
	switch n {
	case 0:
		return []string{"The archive has no pieces to count."}
	case 1:
		out = []string{"The archive has 1 piece, undated: no period to count it in."}
	default:
		out = []string{fmt.Sprintf("The archive has %d pieces, none dated: no period to count them in.", n)}
	}
	for _, s := range p.series {
		out = append(out, fmt.Sprintf("%s: %s, undated", archive.SanitizeLine(s.label), plural(s.trend.Undated.Count, "piece")))
	}
	return out
}

// frame places the periods on screen around the cursor.
func (p trendsPane) frame(w int, st Styles, noColor bool) chartFrame {
	f := chartFrame{p: p, st: st, noColor: noColor, group: len(p.series) + 1}
	for _, s := range p.series {
		for _, tp := range s.trend.Points {
			f.top = max(f.top, f.value(tp))
		}
	}
	visible := max((w-chartAxisW-1)/f.group, 1)
	n := p.points()
	f.first = min(max(p.cursor-visible/2, 0), max(n-visible, 0))
	f.last = min(f.first+visible, n)
	return f
}

func (f chartFrame) style(i int) lipgloss.Style {
	s := lipgloss.NewStyle()
	if !f.noColor {
		s = s.Foreground(lipgloss.Color(seriesColours[i%len(seriesColours)]))
	}
	return s
}

func (f chartFrame) glyph(i int) string { return seriesGlyphs[i%len(seriesGlyphs)] }

func (f chartFrame) value(tp index.TrendPoint) float64 {
	if f.p.share {
		return tp.Share()
	}
	return float64(tp.Count)
}

// axisLabel is v as the value axis labels it, or "" where no label is
// true: 0, which the time axis says, and a count that is not whole (half
// an odd peak; int(top/2) labelled the midline 3 at a peak of 7, 0 at a
// peak of 1 under a full bar, and a chart without hits 0 three times). A
// share is said as a percent to a tenth of a point ("33.3%", "50%").
func (f chartFrame) axisLabel(v float64) string {
	if v <= 0 {
		return ""
	}
	if f.p.share {
		return strconv.FormatFloat(math.Round(1000*v)/10, 'f', -1, 64) + "%"
	}
	if v != math.Trunc(v) {
		return ""
	}
	return strconv.Itoa(int(v))
}

// legend is each series' glyph, query and total; the pieces not placed on
// a period said plainly.
func (f chartFrame) legend() string {
	var legend []string
	for i, s := range f.p.series {
		t := s.trend
		var notes []string // the pieces on no bar: undated (a review: said "dated less precisely"), then coarser
		if n := t.Undated.Count; n > 0 {
			notes = append(notes, fmt.Sprintf("%d undated", n))
		}
		if n := t.Matched() - sumPoints(t) - t.Undated.Count; n > 0 {
			notes = append(notes, fmt.Sprintf("%d dated less precisely", n))
		}
		extra := ""
		if len(notes) > 0 {
			extra = ", " + strings.Join(notes, ", ")
		}
		legend = append(legend, f.style(i).Render(strings.Repeat(f.glyph(i), 2))+" "+truncateCells(archive.SanitizeLine(s.label), 30)+
			f.st.Count.Render(fmt.Sprintf(" %d%s", t.Matched(), extra)))
	}
	return strings.Join(legend, "   ")
}

// bars is the peak marker and chartH rows of bars, the value axis at the
// left.
func (f chartFrame) bars(chartH int) []string {
	pts := f.p.series[0].trend.Points
	peak := f.p.series[0].trend.Peak(f.p.share)
	var mark strings.Builder
	mark.WriteString(strings.Repeat(" ", chartAxisW+1))
	for i := f.first; i < f.last; i++ {
		c := " "
		if peak >= 0 && f.value(pts[i]) == f.value(pts[peak]) {
			c = "▼" // the peak, and every period as high
		}
		mark.WriteString(c + strings.Repeat(" ", f.group-1))
	}
	rows := []string{mark.String()}
	for r := chartH; r >= 1; r-- {
		label := ""
		switch r {
		case chartH:
			label = f.axisLabel(f.top)
		case (chartH + 1) / 2: // where a bar of half the top ends
			label = f.axisLabel(f.top / 2)
		}
		rows = append(rows, fmt.Sprintf("%*s│", chartAxisW, label)+f.barRow(r, chartH))
	}
	return rows
}

// barRow is row r (1 at the bottom) of the bars.
func (f chartFrame) barRow(r, chartH int) string {
	var b strings.Builder
	for i := f.first; i < f.last; i++ {
		for j, s := range f.p.series {
			cells := 0
			if f.top > 0 {
				v := f.value(s.trend.Points[i])
				cells = int(v/f.top*float64(chartH) + 0.5)
				if v > 0 && cells == 0 {
					cells = 1
				}
			}
			if cells >= r {
				b.WriteString(f.style(j).Render(f.glyph(j)))
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(" ")
	}
	return b.String()
}

// axis is the time axis, the cursor under it and the period labels, the
// cursor's first, then as many others as fit in w.
func (f chartFrame) axis(w int) []string {
	var axis, cur strings.Builder
	axis.WriteString(fmt.Sprintf("%*s└", chartAxisW, "0"))
	cur.WriteString(strings.Repeat(" ", chartAxisW+1))
	for i := f.first; i < f.last; i++ {
		axis.WriteString(strings.Repeat("─", f.group))
		c := " "
		if i == f.p.cursor {
			c = "▲"
		}
		cur.WriteString(c + strings.Repeat(" ", f.group-1))
	}
	labels := []rune(strings.Repeat(" ", w))
	put := func(at int, s string) {
		if at+len(s) > len(labels) || at > 0 && labels[at-1] != ' ' {
			return // off the line, or against the label before it (2020-W012020-W05)
		}
		for k := at; k < at+len(s)+1 && k < len(labels); k++ {
			if labels[k] != ' ' {
				return
			}
		}
		copy(labels[at:], []rune(s))
	}
	pts := f.p.series[0].trend.Points
	put(chartAxisW+1+(f.p.cursor-f.first)*f.group, pts[f.p.cursor].Period)
	for i := f.first; i < f.last; i++ {
		put(chartAxisW+1+(i-f.first)*f.group, pts[i].Period)
	}
	return []string{axis.String(), cur.String(), strings.TrimRight(string(labels), " ")}
}

// info is the line about the period under the cursor.
func (f chartFrame) info() string {
	pts := f.p.series[0].trend.Points
	tp := pts[f.p.cursor]
	// the archive's pieces of the period, not those of a series cut to
	// its dates (a review: "1 piece in the archive" above a pinned series
	// of 2 of 2020-W53)
	total, ok := f.p.totals[tp.Period]
	if !ok {
		total = tp.Total
	}
	info := []string{fmt.Sprintf("%s: %s in the archive", tp.Period, plural(total, "piece"))}
	for i, s := range f.p.series {
		c := s.trend.Points[f.p.cursor]
		info = append(info, fmt.Sprintf("%s %s %d (%.1f%%)", f.glyph(i), truncateCells(archive.SanitizeLine(s.label), 20), c.Count, 100*c.Share()))
	}
	// the others as high said, as folio trends does (an attack: "peak
	// 2009-W53" alone, 2020-W01 as high), in the period the head names
	tr := f.p.series[0].trend
	tr.By = f.p.by
	if note := tr.PeakNote(f.p.share); note != "" {
		info = append(info, note)
	}
	return strings.Join(info, " · ")
}
