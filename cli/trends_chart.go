package cli

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/atomicfile"
	"github.com/folio-tui/folio/internal/termsafe"
)

// chartStyles are the series styles of a chart: the Okabe–Ito palette,
// which readers with the common colour-vision deficiencies tell apart, and
// for print in grey a dash pattern and a marker of its own for each.
var chartStyles = []struct {
	colour color.Color
	dashes []vg.Length
	glyph  draw.GlyphDrawer
}{
	{color.RGBA{0x00, 0x72, 0xB2, 0xFF}, nil, draw.CircleGlyph{}},                                                                // blue
	{color.RGBA{0xD5, 0x5E, 0x00, 0xFF}, []vg.Length{vg.Points(6), vg.Points(3)}, draw.SquareGlyph{}},                            // vermilion
	{color.RGBA{0x00, 0x9E, 0x73, 0xFF}, []vg.Length{vg.Points(2), vg.Points(2)}, draw.TriangleGlyph{}},                          // bluish green
	{color.RGBA{0xCC, 0x79, 0xA7, 0xFF}, []vg.Length{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)}, draw.CrossGlyph{}}, // reddish purple
	{color.RGBA{0xE6, 0x9F, 0x00, 0xFF}, []vg.Length{vg.Points(4), vg.Points(4)}, draw.PlusGlyph{}},                              // orange
	{color.RGBA{0x56, 0xB4, 0xE9, 0xFF}, []vg.Length{vg.Points(1), vg.Points(3)}, draw.RingGlyph{}},                              // sky blue
	{color.Black, []vg.Length{vg.Points(10), vg.Points(4)}, draw.PyramidGlyph{}},
}

// chartSize is the size of a chart: a figure across a page.
const (
	chartWidth  = 8 * vg.Inch
	chartHeight = 4.5 * vg.Inch
	chartDPI    = 200
)

// chart draws the trends as a line chart with a marker at each period.
func chart(ts trendSet, share bool) (*plot.Plot, error) {
	p := plot.New()
	quoted := make([]string, len(ts.Queries))
	for i, q := range ts.Queries {
		quoted[i] = queryLabel(q)
		if strings.TrimSpace(q) == "" {
			quoted[i] = ts.label(i)
		}
	}
	what := "pieces"
	if share {
		what = "share of pieces"
	}
	// escaped, as the table has them: a control in the query or the
	// folder's name made the SVG a file no XML reader takes
	p.Title.Text = fmt.Sprintf("%s per %s: %s\narchive: %s", what, ts.By, xmlText(strings.Join(quoted, ", ")), xmlText(archiveLabel(ts.Archive)))
	p.X.Label.Text = fmt.Sprintf("%s   (folio trends, run %s)", ts.By, ts.Run.UTC().Format("2006-01-02"))
	p.Y.Label.Text = "pieces"
	if share {
		p.Y.Label.Text = "share of the period's pieces (%)"
	}
	switch ts.By {
	case index.ByYear, index.ByDecade:
		p.X.Tick.Marker = yearTicks{}
	case index.ByMonth:
		p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01"}
	default:
		p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01-02"}
	}
	p.Y.Min = 0
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.ThumbnailWidth = vg.Points(30)
	p.Add(plotter.NewGrid())
	top := 0.0
	for i, t := range ts.Trends {
		if len(t.Points) == 0 && (ts.By == index.ByYear || ts.By == index.ByDecade) {
			return nil, errors.New("the archive has no pieces to chart") // every piece has a year
		}
		if len(t.Points) == 0 {
			return nil, fmt.Errorf("no piece of the archive is dated to the %s: try --by year", ts.By)
		}
		xys := make(plotter.XYs, len(t.Points))
		for j, pt := range t.Points {
			xys[j].X = float64(pt.Start.Unix())
			xys[j].Y = float64(pt.Count)
			if share {
				xys[j].Y = 100 * pt.Share()
			}
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		st := chartStyles[i%len(chartStyles)]
		line.Color = st.colour
		line.Width = vg.Points(1.2)
		line.Dashes = st.dashes
		points.Color = st.colour
		points.Shape = st.glyph
		points.Radius = vg.Points(2)
		if len(xys) > 80 {
			points.Radius = vg.Points(1.3)
		}
		p.Add(line, points)
		p.Legend.Add(fmt.Sprintf("%s (%s)", xmlText(quoted[i]), pieces(t.Matched())), line, points)
		for _, xy := range xys {
			top = max(top, xy.Y)
		}
	}
	// room above the highest point for the legend
	p.Y.Max = max(top, 1) * (1.1 + 0.09*float64(len(ts.Trends)))
	return p, nil
}

// xmlText is s as a chart's text holds it: controls escaped as the table
// has them, and every character XML 1.0 does not take (U+FFFE, a lone
// surrogate's replacement aside) written as \uXXXX, so that the SVG is XML
// (a review: a noncharacter made it one no reader takes).
func xmlText(s string) string {
	s = termsafe.Escape(s)
	if !strings.ContainsFunc(s, notXML) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if notXML(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// notXML: a character XML 1.0 does not allow in text.
func notXML(r rune) bool {
	return !(r == 0x9 || r == 0xa || r == 0xd || r >= 0x20 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff)
}

// queryLabel is a query as the chart names it: in quotes, unless it has
// its own (a phrase, an exact word).
func queryLabel(q string) string {
	if strings.Contains(q, `"`) {
		return q
	}
	return `"` + q + `"`
}

// yearTicks marks round years: every 1, 2, 5, 10, 20, 25, 50 or 100 years,
// about eight marks across.
type yearTicks struct{}

func (yearTicks) Ticks(lo, hi float64) []plot.Tick {
	y0, y1 := time.Unix(int64(lo), 0).UTC().Year(), time.Unix(int64(hi), 0).UTC().Year()
	step := 100
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if (y1-y0)/s <= 8 {
			step = s
			break
		}
	}
	var ticks []plot.Tick
	for y := (y0 + step - 1) / step * step; y <= y1+1; y++ {
		x := float64(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
		if x < lo || x > hi {
			continue
		}
		label := ""
		if y%step == 0 {
			label = strconv.Itoa(y)
		} else if step >= 10 && y%(step/5) != 0 || step < 10 && step > 1 {
			continue
		}
		ticks = append(ticks, plot.Tick{Value: x, Label: label})
	}
	return ticks
}

// writeChart renders the chart as format ("svg" or "png") to path.
func writeChart(path, format string, ts trendSet, share bool) error {
	p, err := chart(ts, share)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch format {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(chartWidth, chartHeight), vgimg.UseDPI(chartDPI), vgimg.UseBackgroundColor(color.White))
		p.Draw(draw.New(c))
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
			return err
		}
	default:
		wt, err := p.WriterTo(chartWidth, chartHeight, format)
		if err != nil {
			return err
		}
		if _, err := wt.WriteTo(&buf); err != nil {
			return err
		}
	}
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--%s: %w", format, err)
	}
	return nil
}
