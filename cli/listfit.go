package cli

import (
	"bufio"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/folio-tui/folio/archive"
	termcells "github.com/folio-tui/folio/internal/cells"
	"github.com/folio-tui/folio/internal/termsafe"
)

// termWidth is the width of the terminal w writes to; 0 when w is not a
// terminal (piped output keeps every column whole).
func termWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(w) {
		return 0
	}
	cols, _, err := term.GetSize(f.Fd())
	if err != nil || cols <= 0 {
		return 0
	}
	return cols
}

// listColumns are the cells of one row of folio list, each made safe for
// the terminal: date, byline (when the archive has several authors: many),
// outlet, title, tags and id.
func listColumns(as []archive.Article, many bool) [][]string {
	rows := make([][]string, 0, len(as))
	for _, a := range as {
		row := []string{a.Date.String()}
		if many {
			row = append(row, termsafe.Escape(orDash(archive.Byline(a.Authors))))
		}
		row = append(row, termsafe.Escape(orDash(a.Outlet)), termsafe.Escape(a.Title),
			termsafe.Escape(strings.Join(a.Tags, ", ")), termsafe.Quote(a.ID))
		rows = append(rows, row)
	}
	return rows
}

// minTitle is the cells a title is given before the outlet and the byline
// give theirs up.
const minTitle = 24

// writeTabbed lists as one piece a line for a pipe: listColumns' cells
// whole, unpadded, parted by a tab (a cell's own tab is escaped, as every
// control character). writeTable padded them, each title to the widest
// title of the list (a piece of a 300-character title put some 300 spaces
// after every other title).
func writeTabbed(w io.Writer, as []archive.Article, many bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, r := range listColumns(as, many) {
		for i, c := range r {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(c)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// writeTable lists as one piece a line. With width 0 (--wide on a
// terminal) every column is whole, aligned up to the title's; the tags are not
// padded, two spaces part them from the id (padded to the widest tags, a
// piece of 36 tags put 500 spaces before every id). Otherwise each line fits width
// cells: when the rows are wider, the tags go, the byline and outlet are
// cut (to 18, then 12 cells, then left out when the title would have under
// minTitle), and the title takes the rest of its line, cut with "…". The id,
// needed to open a piece, ends the line; an id too long to leave the title
// minTitle cells is cut to a prefix no other id of all (the whole archive)
// starts with, then "…": `folio show` and `cite` take that prefix.
func writeTable(w io.Writer, as, all []archive.Article, many bool, width int) error {
	rows := listColumns(as, many)
	if len(rows) == 0 {
		return nil
	}
	n := len(rows[0])
	title, tags, id := n-3, n-2, n-1
	natural := make([]int, n)
	ids := make([]int, 0, len(rows))
	for _, r := range rows {
		if width <= 0 {
			break // every column whole: no width is needed
		}
		for i, c := range r {
			natural[i] = max(natural[i], cellWidth(c))
		}
		ids = append(ids, cellWidth(r[id]))
	}
	const gap = 2
	sum := func(ws []int) int {
		t := 0
		for _, c := range ws {
			if c > 0 {
				t += c + gap
			}
		}
		return t - gap
	}
	if width <= 0 {
		// the tags and the id one cell, the last, which is not padded
		rows = slices.Clone(rows)
		for i, r := range rows {
			rows[i] = append(r[:tags:tags], r[tags]+strings.Repeat(" ", gap)+r[id])
		}
	}
	if width <= 0 || sum(natural) <= width {
		// buffered: the tabwriter writes each cell and each run of padding
		// on its own (a system call each on a file: half of listing 10k
		// pieces)
		bw := bufio.NewWriterSize(w, 64<<10)
		if err := alignColumns(bw, rows, gap, false); err != nil {
			return err
		}
		return bw.Flush()
	}
	// The columns before the title, laid out for a typical id (the median).
	slices.Sort(ids)
	widths := slices.Clone(natural)
	widths[tags], widths[id] = 0, ids[len(ids)/2]
	fits := func() bool { return sum(widths)-widths[title]+minTitle <= width }
	for i := 1; i < title && !fits(); i++ {
		if same(rows, i) {
			widths[i] = 0 // the same outlet on every line says nothing here
		}
	}
	for _, most := range []int{18, 12} {
		if !fits() {
			cutMiddle(widths, n, most)
		}
	}
	for i := title - 1; i >= 1 && !fits(); i-- {
		widths[i] = 0 // the outlet, then the byline
	}
	uniq := uniquePrefixes(all)
	var b strings.Builder
	for ri, r := range rows {
		var cells []string
		used := 0
		for i := range title {
			if widths[i] == 0 {
				continue
			}
			c := termcells.Truncate(r[i], widths[i], "…")
			cells = append(cells, c+strings.Repeat(" ", widths[i]-cellWidth(c)))
			used += widths[i] + gap
		}
		idCell := r[id]
		if raw := as[ri].ID; idCell == raw && width-used-gap-len(raw) < minTitle {
			// an id in plain ASCII (as ids are) too long for its title: its
			// unique prefix, at least, and as much more as leaves minTitle
			keep := max(width-used-gap-minTitle-gap-1, uniq[raw])
			if keep < len(raw)-1 {
				idCell = raw[:keep] + "…"
			}
		}
		// the title's column ends where a typical id begins (or where a
		// cut one does, leaving minTitle); a longer id takes room from its
		// own title
		col := min(width-used-gap-min(widths[id], width-used-gap-minTitle-gap), widths[title])
		if room := min(col, width-used-gap-cellWidth(idCell)); room >= 8 {
			c := termcells.Truncate(r[title], room, "…")
			cells = append(cells, c+strings.Repeat(" ", max(room-cellWidth(c), 0)))
		}
		// the id is never cut below its unique prefix: what is before it
		// gives way (a helper's report: two ids cut to one "…" on an
		// 80-column terminal), and an id wider than the line is whole
		head := termcells.Truncate(strings.Join(cells, strings.Repeat(" ", gap)), max(width-gap-cellWidth(idCell), 0), "…")
		if head != "" {
			head += strings.Repeat(" ", gap)
		}
		b.WriteString(head + idCell + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// same reports whether column i holds one value on every row.
func same(rows [][]string, i int) bool {
	for _, r := range rows {
		if r[i] != rows[0][i] {
			return false
		}
	}
	return true
}

// cutMiddle caps the columns between the date and the title (byline,
// outlet) at most cells.
func cutMiddle(widths []int, n, most int) {
	for i := 1; i < n-3; i++ {
		widths[i] = min(widths[i], most)
	}
}

// uniquePrefixes gives, for each plain-ASCII id of as, the length of its
// shortest prefix that no other id starts with (the whole id when another id
// starts with all of it). Sorted ids make it the longest prefix shared with
// a neighbour, plus one.
func uniquePrefixes(as []archive.Article) map[string]int {
	ids := make([]string, 0, len(as))
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	common := func(a, b string) int {
		n := 0
		for n < len(a) && n < len(b) && a[n] == b[n] {
			n++
		}
		return n
	}
	out := make(map[string]int, len(ids))
	for i, id := range ids {
		n := 0
		if i > 0 {
			n = max(n, common(id, ids[i-1]))
		}
		if i+1 < len(ids) {
			n = max(n, common(id, ids[i+1]))
		}
		out[id] = min(n+1, len(id))
	}
	return out
}

// byIDPrefix is the one piece whose id starts with prefix (a trailing "…",
// as folio list prints a cut id, is dropped); ok is false when none or
// several do.
func byIDPrefix(as []archive.Article, prefix string) (archive.Article, bool) {
	prefix = strings.TrimSuffix(prefix, "…")
	if prefix == "" {
		return archive.Article{}, false
	}
	var found []archive.Article
	for _, a := range as {
		if strings.HasPrefix(a.ID, prefix) {
			if found = append(found, a); len(found) > 1 {
				return archive.Article{}, false
			}
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return archive.Article{}, false
}

// cellWidth is termcells.Width (the most cells a terminal can give s),
// without reading graphemes for text in printable ASCII (a cell each: a
// tenth of listing 100k pieces, in a profile).
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return termcells.Width(s)
		}
	}
	return len(s)
}

// alignColumns writes rows in columns gap spaces apart, each as wide as
// its widest cell in cells (text/tabwriter counts characters: a saved
// search named in Japanese pushed its row's counts three cells right, a
// helper's report); right aligns every cell to its column's right edge
// (numbers), else a row's last cell is not padded.
func alignColumns(w io.Writer, rows [][]string, gap int, right bool) error {
	widths := columnWidths(rows)
	var b strings.Builder
	for _, r := range rows {
		b.Reset()
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-cellWidth(c))
			last := i == len(r)-1
			if right {
				b.WriteString(pad)
			}
			b.WriteString(c)
			if !last {
				if !right {
					b.WriteString(pad)
				}
				b.WriteString(strings.Repeat(" ", gap))
			}
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// columnWidths is each column's widest cell, in cells.
func columnWidths(rows [][]string) []int {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cellWidth(c))
		}
	}
	return widths
}

// writeColumns writes rows of cells (each made safe for the terminal) in
// aligned columns, two spaces apart. Piped (width 0), every cell is
// whole, aligned by alignColumns. On a terminal width cells wide, columns
// are aligned by their width in cells (a wide character takes two) and,
// when a row is wider than the terminal, the cell of column flex is cut
// with "…" so the row keeps to one line (a helper's report: folio history
// and folio saved list wrapped every row around one long title or name);
// a row whose other columns alone are wider is cut at the edge.
func writeColumns(out io.Writer, width int, rows [][]string, flex int) error {
	if width <= 0 {
		return alignColumns(out, rows, 2, false)
	}
	const gap = 2
	widths := columnWidths(rows)
	total := 0
	for _, w := range widths {
		total += w + gap
	}
	total -= gap
	if total > width && flex < len(widths) {
		widths[flex] = max(widths[flex]-(total-width), min(widths[flex], 8))
	}
	bw := bufio.NewWriter(out)
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i == flex {
				c = termcells.Truncate(c, widths[i], "…")
			}
			line.WriteString(c)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-cellWidth(c)+gap))
			}
		}
		bw.WriteString(termcells.Truncate(line.String(), width, "…") + "\n")
	}
	return bw.Flush()
}
