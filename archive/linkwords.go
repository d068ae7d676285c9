package archive

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word a link is part of is kept whole where the link is shown as its
// text then its target: by ui's wordsAroundLinks for a link the renderer
// shows, by markLine for a relative one folio writes out itself. One rule
// for both (a read of the change: markLine had its own, which joined the
// first 64 letters of a longer run and ran the target into the rest).

// MaxWordJoin bounds the letters of a word moved into a link beside them:
// a longer run of letters is no word.
const MaxWordJoin = 64

// WordRun is the length in bytes of the word at the start of v (at its
// end when back is set): runes JoinsWord takes, an apostrophe between
// two of them; 0 when there is none, or it is longer than MaxWordJoin
// runes.
func WordRun(v []byte, back bool) int { return wordRun(v, back, MaxWordJoin) }

// wordRun is WordRun with another bound, max runes (none when max < 0).
func wordRun(v []byte, back bool, max int) int {
	n, runes := 0, 0
	for n < len(v) {
		var r rune
		var size int
		if back {
			r, size = utf8.DecodeLastRune(v[:len(v)-n])
		} else {
			r, size = utf8.DecodeRune(v[n:])
		}
		if r == '\'' || r == '’' {
			// an apostrophe inside the word: a word rune beyond it
			var next rune
			if back {
				next, _ = utf8.DecodeLastRune(v[:len(v)-n-size])
			} else {
				next, _ = utf8.DecodeRune(v[n+size:])
			}
			if !JoinsWord(next) {
				break
			}
		} else if !JoinsWord(r) {
			break
		}
		n += size
		if runes++; max >= 0 && runes > max {
			return 0
		}
	}
	return n
}

// JoinsWord says whether r is part of a word a link's text joins: a
// letter, a digit or a mark of a script that sets its words apart with
// spaces.
func JoinsWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo, unicode.Yi,
			unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

// MaxWordPieces bounds the pieces (a run of text, a word in emphasis) the
// word after a link is looked for in: ui's joinWordAfter, and
// LinkWordsJoined as it reads the same word.
const MaxWordPieces = 8

// LinkWordsJoined is body, Markdown, with each link inside a word holding
// the word whole in its text, as the reader shows it: "[cat](u)alog" is
// "[catalog](u)", shown "catalog u", "ex[pand](u)" "[expand](u)",
// "[post][p]ed" "[posted][p]", a shortcut "[post]ed" "[posted][post]".
// The index reads it so (it read "cat", the target's words, then "alog":
// folio search catalog found no piece whose only catalog was such a
// link). The word is joined as the reader joins it: for a link the
// renderer shows (ui's wordsAroundLinks) its letters before the link and
// after it, in emphasis too ("[expand](u)*ed*", "e*d*ly", emphasis
// holding more: "*ed and more*" is "[expanded](u) *and more*"), at most
// MaxWordJoin letters, and a link of the same target after it in the word
// ("[expand](u)[ed](u)"); for one markLine or markRefLine write out (a
// relative target) the letters after it as withWordAfter moves them, and
// those before it, which its text then follows. A link's letters moved
// into it are written without their emphasis (the index reads a word
// through emphasis as one: coun*ter*act). Images, code spans and code
// blocks are left as written.
func LinkWordsJoined(body string) string {
	defs := refDefs(body)
	if !strings.Contains(body, "](") && len(defs) == 0 {
		return body
	}
	var b strings.Builder
	b.Grow(len(body) + 16)
	var f fence
	for i := 0; i < len(body); {
		line, next := lineAt(body, i)
		newline := next > i+len(line)
		if !f.code(line) && strings.Contains(line, "]") {
			line = joinLinkWords(line, defs)
		}
		b.WriteString(line)
		if newline {
			b.WriteByte('\n')
		}
		i = next
	}
	return b.String()
}

// wordLink is a link of a line, as joinLinkWords reads it.
type wordLink struct {
	start, end         int // the link, from its "[" to its end
	textStart, textEnd int // its text, inside the brackets
	target             string
	inline             bool
	shortcut           bool // a reference link [text] or [text][]: its text is its label
}

// writtenOut says whether MarkLinks writes a link to target out as its
// text then its target (markLine, markRefLine), rather than leaving it
// to the renderer: a relative target the renderer would not show as
// written.
func writtenOut(target string) bool {
	return isRelativeLink(target) && RendererShows(target) != target
}

// lineLinks are the inline and reference links of line, not images nor
// in code spans, in order.
func lineLinks(line string, defs map[string]string) []wordLink {
	var links []wordLink
	code := spanCursor{spans: codeSpans(line)}
	if strings.Contains(line, "](") {
		for _, m := range mdLink().FindAllStringSubmatchIndex(line, -1) {
			if code.in(m[0]) || m[0] > 0 && line[m[0]-1] == '!' {
				continue
			}
			tg := m[4:6]
			if tg[0] < 0 {
				tg = m[6:8]
			}
			links = append(links, wordLink{start: m[0], end: m[1], textStart: m[2], textEnd: m[3],
				target: line[tg[0]:tg[1]], inline: true})
		}
	}
	if len(defs) == 0 {
		return links
	}
	inline := len(links)
	code = spanCursor{spans: codeSpans(line)}
	k := 0 // the inline links before a match
	for _, m := range mdRef().FindAllStringSubmatchIndex(line, -1) {
		if m[0] > 0 && strings.IndexByte(`!\]`, line[m[0]-1]) >= 0 || code.in(m[0]) {
			continue // as markRefLine
		}
		for k < inline && links[k].end <= m[0] {
			k++
		}
		if k < inline && links[k].start < m[1] {
			continue // part of an inline link
		}
		label := text0(line, m[4:6])
		if m[4] < 0 && m[1] < len(line) && (line[m[1]] == '(' ||
			line[m[1]] == ':' && strings.TrimLeft(line[:m[0]], " ") == "" && m[0] <= 3) {
			continue // an inline link's text, a definition
		}
		if label == "" {
			label = line[m[2]:m[3]]
		}
		target, ok := defs[refLabel(label)]
		if !ok {
			continue
		}
		links = append(links, wordLink{start: m[0], end: m[1], textStart: m[2], textEnd: m[3],
			target: target, shortcut: m[4] < 0 || m[4] == m[5]})
	}
	slices.SortFunc(links, func(a, b wordLink) int { return a.start - b.start })
	return links
}

// joinLinkWords is LinkWordsJoined on a line that is not code.
func joinLinkWords(line string, defs map[string]string) string {
	links := lineLinks(line, defs)
	if len(links) == 0 {
		return line
	}
	var b strings.Builder
	last := 0 // line is written up to here
	for i := 0; i < len(links); i++ {
		l := links[i]
		if l.start < last {
			continue // in a word moved into the link before
		}
		rendered := !writtenOut(l.target)
		text := line[l.textStart:l.textEnd]
		tail := line[l.textEnd:l.end] // "](target)", "][label]", "]"
		if rendered && shownAsURL(text, l.target) {
			continue // shown as its URL alone, as an autolink: nothing joined
		}
		// a link of the same target after it, in the same word, is one
		// with it ("[expand](u)[ed](u)": ui's joinWord)
		merged := false
		for rendered && l.inline && i+1 < len(links) {
			n := links[i+1]
			if n.start != l.end || !n.inline || n.target != l.target ||
				!JoinsWord(shownRune(text, true)) || !JoinsWord(shownRune(line[n.textStart:n.textEnd], false)) {
				break
			}
			text += line[n.textStart:n.textEnd]
			tail = line[n.textEnd:n.end]
			l.end = n.end
			merged = true
			i++
		}
		before := line[last:l.start]
		k := 0
		if rendered && JoinsWord(shownRune(text, false)) {
			k = WordRun([]byte(before), true)
			if len(before) > k && k > 0 && (before[len(before)-k-1] == '&' || before[len(before)-k-1] == '#') {
				k = 0 // a reference's name ("caf&eacute[x](u)")
			}
		} else if !rendered {
			// written out, its text follows the letters before it, as
			// many as they are
			k = wordRun([]byte(before), true, -1)
		}
		rest := line[l.end:]
		var after, then string
		n := 0
		if rendered && JoinsWord(shownRune(text, true)) {
			after, n, then = renderedWordAfter(rest, line[:l.end])
		} else if !rendered && JoinsWord(lastRune(text)) {
			if n = WordRun([]byte(rest), false); n > 0 {
				after = rest[:n]
			} else if word, m := emphasizedWord(rest); m > 0 {
				after, n = strings.Trim(word, "*~"), m
			}
		}
		if k == 0 && n == 0 && !merged {
			continue
		}
		b.WriteString(before[:len(before)-k])
		b.WriteByte('[')
		b.WriteString(before[len(before)-k:])
		b.WriteString(text)
		b.WriteString(after)
		if l.shortcut {
			// its label stays the text it had: "[posted][post]"
			b.WriteString("][")
			b.WriteString(text)
			b.WriteString("]")
		} else {
			b.WriteString(tail)
		}
		b.WriteString(then)
		last = l.end + n
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// shownAsURL says whether the renderer shows a link of text to target as
// its URL alone, as an autolink (ui's shownAsURL): its text is its
// absolute URL, or one starting www., and nothing else.
func shownAsURL(text, target string) bool {
	if text != target || strings.ContainsAny(text, "*_~`\\&") {
		return false
	}
	u, err := url.Parse(text)
	return err == nil && u.IsAbs() || len(text) >= 4 && strings.EqualFold(text[:4], "www.")
}

// lastRune is the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// shownRune is the first (or, with last, the last) rune a link's text
// shows: its emphasis, strikethrough and code spans' delimiters aside
// (those not escaped).
func shownRune(text string, last bool) rune {
	for text != "" {
		var r rune
		var size int
		if last {
			r, size = utf8.DecodeLastRuneInString(text)
			if strings.ContainsRune("*_~`", r) && !strings.HasSuffix(text[:len(text)-size], `\`) {
				text = text[:len(text)-size]
				continue
			}
			return r
		}
		r, size = utf8.DecodeRuneInString(text)
		if r == '\\' && size < len(text) {
			r, _ = utf8.DecodeRuneInString(text[size:])
			return r
		}
		if strings.ContainsRune("*_~`", r) {
			text = text[size:]
			continue
		}
		return r
	}
	return 0
}

// renderedWordAfter is the word ui's joinWordAfter moves into a link the
// renderer shows from rest, what follows the link on its line (written
// is the line up to there): its letters, from text and from emphasis or
// strikethrough it goes on in ("ed", "*ed*", "e*d*ly", up to
// MaxWordPieces pieces, MaxWordJoin letters in all, or none), the n bytes
// of rest they were, and what is written in their place: where the word
// ends inside emphasis holding more ("*ed and more*"), the emphasis's
// delimiters, after the spaces that follow the word (" *").
func renderedWordAfter(rest, written string) (word string, n int, then string) {
	var w strings.Builder
	runes := 0
	for pieces := 0; pieces < MaxWordPieces && n < len(rest); pieces++ {
		s := rest[n:]
		c := s[0]
		if strings.IndexByte("*_~", c) < 0 {
			k := WordRun([]byte(s), false)
			if r, _ := utf8.DecodeRuneInString(s); k == 0 && JoinsWord(r) {
				return "", 0, "" // a run of letters too long to be a word
			}
			if k == 0 {
				break
			}
			if runes += utf8.RuneCountInString(s[:k]); runes > MaxWordJoin {
				return "", 0, ""
			}
			w.WriteString(s[:k])
			n += k
			continue // the word may go on in emphasis
		}
		d := len(s) - len(strings.TrimLeft(s, s[:1]))
		if d > 3 || c == '~' && d > 2 {
			break
		}
		if prev := lastRune(written + rest[:n]); c == '_' && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			break // an underscore inside a word emphasises nothing
		}
		delim, inner := s[:d], s[d:]
		k := WordRun([]byte(inner), false)
		if r, _ := utf8.DecodeRuneInString(inner); k == 0 && JoinsWord(r) {
			return "", 0, ""
		}
		if k == 0 {
			break
		}
		closing := strings.Index(inner[k:], delim)
		if closing < 0 {
			break // no emphasis: the delimiter is text
		}
		if runes += utf8.RuneCountInString(inner[:k]); runes > MaxWordJoin {
			return "", 0, ""
		}
		w.WriteString(inner[:k])
		if closing == 0 {
			if r, _ := utf8.DecodeRuneInString(inner[k+d:]); r == rune(c) {
				return "", 0, "" // a longer run: not this emphasis
			}
			n += 2*d + k // the word alone in it
			continue
		}
		// the word ends inside the emphasis: the rest of it stays in it
		sp := len(inner[k:]) - len(strings.TrimLeft(inner[k:], " "))
		return w.String(), n + d + k + sp, inner[k:k+sp] + delim
	}
	return w.String(), n, ""
}
