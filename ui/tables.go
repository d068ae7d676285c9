package ui

import (
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Glamour (v2.0.1) lays a table out with lipgloss's table, which never
// wraps a header ("Headers are never wrapped": one too wide is cut with
// "…") and cuts a cell's word that its column cannot hold: a table of six
// columns at width 80 showed "Populati… | GDP per capit…" for "Population
// (millions)" and "GDP per capita (USD)", and at width 40 "1,234." over
// "56" (a helper's report); no option of Glamour's changes either
// (TableWrap off cuts every cell). So each top-level table is rendered
// first as Glamour lays it out, and when that does not show every word of
// its headers and cells whole (tableShowsAll), it is shown as a paragraph
// a row instead, a line a cell, "Header: value" (tableAsRows). Asked for a
// width past the first wrap (128), a table is asked there first: one laid
// out unwrapped that shows all there does at any wider width
// (tableUnwrapped), and is not rendered alone at width.

// tableShowsAll says whether lines, table rendered, show every word of
// each of its cells (its headers too) whole, read as the table shows them
// (shownCellText: a link's number after it), and no "…" the table lacks
// (no more in its cells, nor in the list of its links under them, than its
// cells hold: one cut hid behind another cell's own "…");
// marks are what the text holds for the marks of numbers (protectDocSigns),
// shown as those.
func tableShowsAll(table ast.Node, src []byte, lines []string, marks numberMarks) bool {
	shown := ansi.Strip(strings.Join(lines, "\n"))
	// the cells' words are read in the cells, not in the list of links
	// under them: a link's text cut in its cell showed whole in its
	// entry, "Supercalifragilisticexpia" over "lidocious[1]" and
	// "[1]: Supercalifragilisticexpialidocious" (46d)
	cells := shown[:listStart(shown)]
	words := make(map[string]int) // how many times each word shows whole
	for _, l := range strings.Split(cells, "\n") {
		for _, w := range strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '│' || r == '|' || r == '\u00a0' }) {
			words[w]++
		}
	}
	// a word of the cells shows whole as many times as the cells hold it:
	// one cut in a cell and whole in another counted as shown (a review,
	// 41zb: "Superlongidentifierwor" over "d")
	wanted := make(map[string]int)
	all := true
	held := 0 // the "…" the cells hold
	_ = ast.Walk(table, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != east.KindTableCell {
			return ast.WalkContinue, nil
		}
		t := string(marks.restore([]byte(shownCellText(n, src))))
		held += strings.Count(t, "…")
		for _, w := range strings.Fields(t) {
			// a code span's references are shown as written, text's decoded
			d := html.UnescapeString(w)
			wanted[w]++
			if words[w] == 0 && words[d] == 0 && !strings.Contains(cells, w) && !strings.Contains(cells, d) ||
				words[w] > 0 && wanted[w] > words[w] && words[d] < wanted[w] {
				all = false
				return ast.WalkStop, nil
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return all && strings.Count(cells, "…") <= held && strings.Count(shown[len(cells):], "…") <= held
}

// listStart is the offset in shown, a table rendered, of the list of its
// links Glamour writes under it (v2.0.1, printTableLinks: "[1]: " and the
// first link's text, an image's if it has no link, on the first line
// after its separator that starts so), or len(shown) when there is none.
func listStart(shown string) int {
	at, ruled := 0, false
	for l := range strings.Lines(shown) {
		t := strings.TrimSpace(l)
		if ruled && strings.HasPrefix(t, "[1]:") {
			return at
		}
		ruled = ruled || separatorLine(t)
		at += len(l)
	}
	return len(shown)
}

// cellText is the text of a table cell's Text nodes as written, backslash
// escapes of ASCII punctuation read ("a \\| b" is "a | b": goldmark's
// util.UnescapePunctuations). Not linkText (linktext.go), which
// reads a link's text as Glamour shows it: references decoded (a cell's
// words are asked both ways, as a code span shows them as written), its
// images left out, its strings and URLs in, its length bounded.
func cellText(cell ast.Node, src []byte) string {
	return cellTextOf(cell, src, false)
}

// shownCellText is cellText with a space after each link, autolink and
// image (but one in a link), where Glamour (v2.0.1) shows its number in
// a table: "[https://e.org/r](https://e.org/r)ed" shows
// "https://e.org/r[1]ed", the words "https://e.org/r" and "ed" whole,
// where cellText's "https://e.org/red" was read as a word cut, and the
// table shown as rows ("<https://e.org/q>ed" and "![cat](i.png)alog"
// too; a link whose word is joined, "[cat](u)alog", shows "catalog[1]").
func shownCellText(cell ast.Node, src []byte) string {
	return cellTextOf(cell, src, true)
}

func cellTextOf(cell ast.Node, src []byte, numbered bool) string {
	var b []byte
	links := 0 // the links n is in
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if numbered {
			switch n.Kind() {
			case ast.KindLink, ast.KindAutoLink, ast.KindImage:
				if n.Kind() == ast.KindLink && entering {
					links++
				}
				if !entering {
					if n.Kind() == ast.KindLink {
						links--
					}
					if links == 0 {
						b = append(b, ' ')
					}
				}
			}
		}
		if t, ok := n.(*ast.Text); ok && entering {
			if s := t.Segment; s.Start >= 0 && s.Stop <= len(src) && s.Start <= s.Stop {
				b = append(b, writtenText(t, src)...)
			}
			if t.SoftLineBreak() || t.HardLineBreak() {
				b = append(b, ' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return string(util.UnescapePunctuations(b))
}

// tableAsRows is table as paragraphs, appending to src (returned) what it
// writes: a paragraph a body row, and in it a line a cell, its header's
// text in strong emphasis, ": " and the cell's content. An empty header is
// the column's number; an empty cell is left out. Its links show as in a
// paragraph (asInParagraph; their words were joined in the table, by
// wordsAroundLinks), its autolinks as autolinks again (tableAutoLink).
// (Paragraphs, not a list:
// Glamour v2.0.1 cuts a word of a list item's or a quote's line after a
// hard break, "42," over "300.50".)
func tableAsRows(table ast.Node, src []byte) (out []byte, paras []ast.Node) {
	var headers []string
	var rows []ast.Node
	for r := table.FirstChild(); r != nil; r = r.NextSibling() {
		if r.Kind() == east.KindTableHeader {
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				headers = append(headers, strings.TrimSpace(html.UnescapeString(cellText(c, src))))
			}
			continue
		}
		rows = append(rows, r)
	}
	// a code span in a link in a table Glamour shows as written (writeCode
	// wrote it so: glamourTakesRaw); out of the table it decodes it, so its
	// "&" is written "&amp;" as elsewhere ("&#27;[5m" wrote ESC [5m)
	var rawCode []ast.Node
	_ = ast.Walk(table, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindCodeSpan && glamourTakesRaw(n) {
			rawCode = append(rawCode, n)
		}
		return ast.WalkContinue, nil
	})
	for _, r := range rows {
		block := ast.NewParagraph()
		j := 0
		for c := r.FirstChild(); c != nil; c, j = c.NextSibling(), j+1 {
			if strings.TrimSpace(cellText(c, src)) == "" && c.FirstChild() == nil {
				continue
			}
			if block.HasChildren() {
				br := ast.NewTextSegment(text.NewSegment(0, 0))
				br.SetHardLineBreak(true)
				block.AppendChild(block, br)
			}
			h := ""
			if j < len(headers) {
				h = headers[j]
			}
			if h == "" {
				h = "Column " + strconv.Itoa(j+1)
			}
			var ht, sep *ast.Text
			src, ht = appendText(src, h)
			src, sep = appendText(src, ": ")
			strong := ast.NewEmphasis(2)
			strong.AppendChild(strong, ht)
			block.AppendChild(block, strong)
			block.AppendChild(block, sep)
			for k := c.FirstChild(); k != nil; {
				next := k.NextSibling()
				block.AppendChild(block, k) // moved out of the cell
				k = next
			}
		}
		if block.HasChildren() {
			// a link's text out of the table is decoded by Glamour: as
			// written again (decodeRawTexts decoded it in the table)
			_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if t, ok := n.(*ast.Text); ok && entering && !glamourTakesRaw(t) {
					if _, ok := t.AttributeString(string(decodedAttr)); ok {
						var w *ast.Text
						src, w = appendRaw(src, string(writtenText(t, src)))
						t.Segment = w.Segment
						t.RemoveAttributes()
					}
				}
				return ast.WalkContinue, nil
			})
			// its links shown as in a paragraph: one whose text is its
			// URL showed it twice, "https://example.org/r" over
			// "https://example.org/r" (a helper's report, 46d)
			sp := spacer{src: src, at: -1}
			for _, f := range linkNodes(block) {
				n := f.n
				if a, ok := n.AttributeString(string(autoLinkAttr)); ok && n.Parent() != nil {
					// an autolink again (tableAutoLink)
					n.Parent().ReplaceChild(n.Parent(), n, a.(*ast.AutoLink))
					n = a.(*ast.AutoLink)
				}
				asInParagraph(n, &sp, false)
			}
			src = sp.src
			paras = append(paras, block)
		}
	}
	if len(paras) == 0 {
		// a table of headers alone: a row of them
		block := ast.NewParagraph()
		var t *ast.Text
		src, t = appendText(src, strings.Join(headers, " | "))
		block.AppendChild(block, t)
		paras = append(paras, block)
	}
	// the code spans of rawCode now out of the table
	for _, n := range rawCode {
		if glamourTakesRaw(n) {
			continue
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				var esc *ast.Text
				src, esc = appendRaw(src, strings.ReplaceAll(string(t.Segment.Value(src)), "&", "&amp;"))
				t.Segment = esc.Segment
			}
		}
	}
	return src, paras
}

// appendRaw appends s to src as it is, returning a Text of it.
func appendRaw(src []byte, s string) ([]byte, *ast.Text) {
	start := len(src)
	src = append(src, s...)
	return src, ast.NewTextSegment(text.NewSegment(start, len(src)))
}

// tableUnwrapped says whether lines, table rendered, lay it out as Lip
// Gloss does a table narrower than the width it is given (v2.1.0,
// table/resizing.go): its columns widened, none narrowed, so that no cell
// wraps: the header a line, the separator, then a line a row and no more.
// A column narrowed below its widest cell wraps it (or cuts it), a line
// more. Such a table is laid out unwrapped at any wider width too, from
// the same cells (Glamour's cells do not depend on the width), so one
// that shows all there (tableShowsAll) shows all wider: asked at a narrow
// width, it need not be rendered at a wide one to know (60 tables at
// 10,000 columns: BenchmarkRenderTables). Not when a row is empty (a blank
// line, which a wrapped row's last line could be taken for).
func tableUnwrapped(table ast.Node, src []byte, lines []string) bool {
	rows := 0
	for r := table.FirstChild(); r != nil; r = r.NextSibling() {
		if r.Kind() != east.KindTableRow {
			continue
		}
		if emptyRow(r, src) {
			return false
		}
		rows++
	}
	blank := func(i int) bool { return i >= len(lines) || strings.TrimSpace(ansi.Strip(lines[i])) == "" }
	h := 0
	for h < len(lines) && blank(h) {
		h++
	}
	if h+1 >= len(lines) || !separatorLine(ansi.Strip(lines[h+1])) {
		return false
	}
	for i := h + 2; i < h+2+rows; i++ {
		if blank(i) {
			return false
		}
	}
	return blank(h + 2 + rows)
}

// emptyRow says whether row, a table's, shows nothing: no text in its
// cells, nor anything else inline (a code span, an image).
func emptyRow(row ast.Node, src []byte) bool {
	empty := true
	_ = ast.Walk(row, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeInline && n.Kind() != ast.KindText || n.Kind() == east.KindTableCell && strings.TrimSpace(cellText(n, src)) != "" {
			empty = false
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return empty
}

// separatorLine says whether l is the line Glamour draws under a table's
// header: of its rule and column separators alone.
func separatorLine(l string) bool {
	l = strings.TrimSpace(l)
	return strings.Count(l, "-")+strings.Count(l, "─") >= 2 && strings.Trim(l, "-─┼│|+: ") == ""
}

// listEntry is an entry of a table's list of links (under it) that
// Glamour shows with its link's URL twice, "[1]: https://example.org/r
// https://example.org/r": number, the text shown (the URL, an e-mail
// address) and the URL (href: "mailto:" and the address).
type listEntry struct {
	number      string
	shown, href string
}

// urlEntries are the entries of the lists under doc's tables (tableList)
// of links shown as their URL (autoLinkAttr: tableAutoLink, tableURLLink),
// by number.
func urlEntries(doc ast.Node, src []byte) map[string][]listEntry {
	var entries map[string][]listEntry
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindParagraph, ast.KindHeading:
			return ast.WalkSkipChildren, nil // no table in them
		case east.KindTable:
		default:
			return ast.WalkContinue, nil
		}
		tableList(n, src, func(l ast.Node, number int, first bool, content string) {
			if _, ok := l.AttributeString(string(autoLinkAttr)); !ok || !first {
				return
			}
			if entries == nil {
				entries = make(map[string][]listEntry)
			}
			e := listEntry{number: strconv.Itoa(number), shown: content, href: string(l.(*ast.Link).Destination)}
			entries[e.number] = append(entries[e.number], e)
		})
		return ast.WalkSkipChildren, nil
	})
	return entries
}

// listedOnce is lines, rendered at wrap w, with each entry of a table's
// list of links that shows its link's URL twice (entries, urlEntries')
// showing it once, as a paragraph shows it: "[1]: https://example.org/r",
// the URL hyperlinked (an e-mail address is shown without "mailto:").
// Glamour (v2.0.1, printTableLinks) writes "[1]: " and the link's text,
// then the URL cut with "…" to what the line has room for after the text
// (a helper's report, 46d), nothing where it has none: the text alone,
// no hyperlink on it; and where the text is wider than the line, it
// wraps the entry, the URL broken where its word wrap finds a break
// ("[4]: https://e." over "example/pp…", 47c). An entry is read over its
// lines (up to a blank line or the next entry), its text and URL asked
// whole; the URL is written where Glamour writes its own, its styles and
// hyperlink kept, and where the line has no room for it, it goes on at
// the margin on lines of its own, a paragraph's long URL as Glamour wraps
// it. Lines not so are left as they were, and so is an entry any of whose
// lines code (codeText's) holds: a code block's line "[1]: https://e.org/r"
// in a list item, a paragraph "https://e.org/r" right under it, read as
// an entry and made one line.
func listedOnce(lines []string, entries map[string][]listEntry, code string, w int) []string {
	for i := 0; i < len(lines); i++ {
		number, ok := entryNumber(lines[i])
		if !ok || entries[number] == nil {
			continue
		}
		// the entry's lines: to a blank line or the next entry
		j := i + 1
		for j < len(lines) && strings.TrimSpace(ansi.Strip(lines[j])) != "" {
			if _, ok := entryNumber(lines[j]); ok {
				break
			}
			j++
		}
		var visible strings.Builder
		inCode := false
		for _, l := range lines[i:j] {
			v := noSpaces(ansi.Strip(l))
			t := noWhiteSpace(v)
			inCode = inCode || t != "" && strings.Contains(code, t)
			visible.WriteString(v)
		}
		if inCode {
			continue
		}
		for _, e := range entries[number] {
			if made, ok := entryOnce(lines[i:j], visible.String(), number, e, w); ok {
				lines = slices.Replace(lines, i, j, made...)
				i += len(made) - 1
				break
			}
		}
	}
	return lines
}

// codeText is the text of doc's code blocks, parsed from src, a line of
// each a line, without its white space (as listedOnce asks it).
func codeText(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
			ls := n.Lines()
			for i := range ls.Len() {
				seg := ls.At(i)
				b.WriteString(noWhiteSpace(string(seg.Value(src))))
				b.WriteByte('\n')
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// noWhiteSpace is s without its white space.
func noWhiteSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// entryNumber is the number of the entry of a table's list of links that
// line, rendered, starts ("[1]: ", after its margin).
func entryNumber(line string) (string, bool) {
	s := strings.TrimLeft(ansi.Strip(line), " ")
	number, rest, ok := strings.Cut(s, "]:")
	if !ok || len(number) < 2 || number[0] != '[' || strings.Trim(number[1:], "0123456789") != "" || rest != "" && rest[0] != ' ' {
		return "", false
	}
	return number[1:], true
}

// entryOnce is lines, the entry number of a table's list of links, which
// show visible (their text without spaces), showing e's URL once
// (listedOnce), and whether they are e's entry as Glamour writes it:
// "[1]: " and e's text, then its URL, cut to the room left ("…", or
// nothing), in a hyperlink to it on the last line.
func entryOnce(lines []string, visible, number string, e listEntry, w int) ([]string, bool) {
	head := "[" + number + "]:"
	rest, ok := strings.CutPrefix(visible, head+noSpaces(e.shown))
	if !ok || !strings.HasPrefix(noSpaces(e.href), strings.TrimSuffix(rest, "…")) {
		return nil, false
	}
	first, last := lines[0], lines[len(lines)-1]
	at := strings.Index(first, head)
	open := strings.LastIndex(last, ";"+e.href+"\a")
	if at < 0 || open < 0 {
		return nil, false
	}
	start := strings.LastIndex(last[:open], "\x1b]8;")
	open += len(e.href) + 2
	end := strings.Index(last[open:], "\x1b]8;;\a")
	if start < 0 || end < 0 || !strings.HasSuffix(visible, noSpaces(ansi.Strip(last[open:open+end]))) {
		return nil, false
	}
	// the styles between the text and the URL (a space aside), the
	// hyperlink's start, and what closes them (the URL Glamour wrote in
	// between left out)
	styles := escapesOf(last[shownEnd(last[:start]):start]) + last[start:open]
	closing := escapesOf(last[open:open+end]) + last[open+end:]
	// the margin: of the line the entry goes on, if any (its first has
	// the padding before a number of fewer digits too)
	margin := first
	if len(lines) > 1 {
		margin = lines[1]
	}
	m := len(ansi.Strip(margin)) - len(strings.TrimLeft(ansi.Strip(margin), " "))
	pre := first[:at] + head + " "
	url := e.shown
	var made []string
	for room := w - m - ansi.StringWidth(pre); ; room = w - 2*m {
		piece, more := widthCut(url, room)
		line := pre + styles + piece + closing
		if len(made) > 0 {
			line = strings.Repeat(" ", m) + styles + piece + closing
		}
		made = append(made, line)
		if url = more; url == "" {
			break
		}
	}
	var shown strings.Builder
	for _, l := range made {
		shown.WriteString(strings.TrimLeft(ansi.Strip(l), " "))
	}
	if shown.String() != head+" "+e.shown {
		return nil, false
	}
	return made, true
}

// widthCut is s cut after the characters that fill width cells (one at
// least), and the rest.
func widthCut(s string, width int) (string, string) {
	k, cells := 0, 0
	for _, r := range s {
		c := ansi.StringWidth(string(r))
		if k > 0 && cells+c > width {
			break
		}
		k += utf8.RuneLen(r)
		cells += c
	}
	return s[:k], s[k:]
}

// noSpaces is s without its spaces.
func noSpaces(s string) string {
	return strings.ReplaceAll(s, " ", "")
}

// escapesOf is the escape sequences of s, rendered, in their order, what
// it shows left out.
func escapesOf(s string) string {
	var b strings.Builder
	var state byte
	for i := 0; i < len(s); {
		seq, width, n, next := ansi.DecodeSequence(s[i:], state, nil)
		if n <= 0 {
			break
		}
		if width == 0 && seq[0] == ansi.ESC {
			b.WriteString(seq)
		}
		i, state = i+n, next
	}
	return b.String()
}

// shownEnd is the offset in s, rendered, after the last character it
// shows but a space (0 when none).
func shownEnd(s string) int {
	end := 0
	var state byte
	for i := 0; i < len(s); {
		seq, width, n, next := ansi.DecodeSequence(s[i:], state, nil)
		if n <= 0 {
			break
		}
		if width > 0 && seq != " " {
			end = i + n
		}
		i, state = i+n, next
	}
	return end
}
