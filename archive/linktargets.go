package archive

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"

	"github.com/folio-tui/folio/internal/termsafe"
)

// sanitizeMarkdown is Sanitize for a body's Markdown (Parse's), keeping
// each link to the file it names: a character Sanitize drops (a control,
// a bidi override, one that shows as nothing) inside a link's target is
// percent-encoded first (encodeTargets), so "[x](g\u202eood.md)" names
// g\u202eood.md, as the link spelt g%E2%80%AEood.md does, and shows
// safely; it named good.md, another file (an attack's report: "to rlo (→
// “Good one”)" in show, "Good one ← to rlo" in the reader's links). A
// link whose target the cleaning still changed, or made, is no link
// (breakChangedLinks). drop is a step run between the encoding and
// Sanitize (dropInvisibleReferences), watched as Sanitize is.
func sanitizeMarkdown(md string, drop func(string) string) string {
	md, had := encodeTargets(md)
	s := md
	if drop != nil {
		s = drop(s)
	}
	return breakUserinfoLinks(breakChangedLinks(md, Sanitize(s), had))
}

// breakUserinfoLinks is md with each link and definition whose target is
// an http(s) URL with a user name or password before its host made text,
// as breakChangedLinks makes one: "[NYT](https://www.nytimes.com@evil.example.net/x)"
// reads as the Times and opens evil.example.net (an attack's report: a
// live link in show and the reader); as text it shows the whole URL. A
// link whose text is a URL of another site is judged where its text is
// final, as it is rendered (LinkTextElsewhere).
func breakUserinfoLinks(md string) string {
	if !strings.Contains(md, "](") && !strings.Contains(md, "]:") || !strings.Contains(md, "@") {
		return md
	}
	var at []int
	for _, sp := range targetSpans(md) {
		if HasUserinfo(md[sp[0]:sp[1]]) {
			at = append(at, sp[2])
		}
	}
	return escapeAt(md, at)
}

// LinkTextElsewhere reports whether text, a link's text as it is shown
// (its character references decoded, its escapes and emphasis read), reads
// as a site other than target's, the link's destination: text that is an
// http(s) URL, a www. name or a bare domain (a name whose last labels are
// a public suffix: "paypal.com", not "Node.js"), its quotes, brackets and
// trailing punctuation aside, a look-alike colon or slash read as one
// ("https\uA789//"), one shortened with an ellipsis only when its host is
// whole, of another site than target's (siteKey: blog.example.com and
// example.com are one), compared as browsers ask for them (punycode). A
// text of several words (over two lines) is read joined and by its first
// word, another site by either; a URL text with a user name reads as that name
// ("https://www.nytimes.com@evil.example.net/x"), another site always. A
// bare domain that is the last part of target's path names a file
// ("[README.md](https://github.com/…/README.md)"). A target of no host (a
// path of the site) is no other site. Shorteners and archived copies
// ("[https://example.com/a](https://t.co/x)") are other sites.
func LinkTextElsewhere(text, target string) bool {
	there := siteOf(strings.Trim(strings.TrimSpace(target), "<>"))
	if there == "" {
		return false
	}
	text = lookAlikes(norm.NFKC.String(text))
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return false
	}
	joined := strings.Join(fields, "")
	type reading struct {
		s     string
		first bool // the first word of several
	}
	readings := []reading{{joined, false}}
	if len(fields) > 1 {
		// its first word alone, as a narrow table cell or a wrapped
		// line shows it ("https://paypal.com .evil.net" over
		// paypal.com.evil.net showed https://paypal.com: a review, 41ra),
		// when it names a whole site (not "https://www.nytimes." cut
		// where a line wraps); a bare domain only when the whole is one
		// split
		readings = append(readings, reading{fields[0], true})
	}
	for _, r := range readings {
		shown, user := textSite(r.s, target, len(fields) == 1 || r.first && isBareDomain(joined))
		if user {
			return true
		}
		if shown != "" && siteKey(shown) != siteKey(there) && (!r.first || isBareDomain(shown)) {
			return true
		}
	}
	return false
}

// lookAlikes reads as ":" a character that looks like one
// (termsafe.LooksLikeColon) and as "/" one that looks like a slash
// (termsafe.LooksLikeSlash: the division and fraction slashes, ╱, ⟋…).
func lookAlikes(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case termsafe.LooksLikeColon(r):
			return ':'
		case termsafe.LooksLikeSlash(r):
			return '/'
		}
		return r
	}, s)
}

// textSite is the host the link text s reads as (LinkTextElsewhere), ""
// when it reads as none; user when it is a URL with a user name. A bare
// domain is read only when bare is set (a text of one word).
func textSite(s, target string, bare bool) (host string, user bool) {
	s = strings.Trim(s, " *_`<>~\"'“”‘’«»()[]")
	if t, cut := strings.CutSuffix(s, "…"); cut || strings.HasSuffix(s, "...") {
		// a URL shortened to fit: its host is whole only if a path follows
		s = strings.TrimSuffix(t, "...")
		rest := strings.ToLower(s)
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "https://"), "http://")
		if !strings.Contains(rest, "/") {
			return "", false
		}
	}
	s = strings.TrimRight(s, ".,;:!?)")
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
	case strings.HasPrefix(lower, "www."):
		s = "https://" + s
	case bare && isBareDomain(s) && !namesFileOf(lower, target):
		s = "https://" + s
	default:
		return "", false
	}
	if HasUserinfo(s) {
		return "", true
	}
	return siteOf(s), false
}

// isBareDomain: s, up to a "/", is a host name of two labels or more whose
// last are a public suffix (x/net/publicsuffix's list: "paypal.com",
// "bbc.co.uk", "例え.jp"), and more than the suffix.
func isBareDomain(s string) bool {
	h, _, _ := strings.Cut(s, "/")
	if !strings.Contains(h, ".") || strings.ContainsAny(h, "@:?#%") {
		return false
	}
	a, err := idna.Lookup.ToASCII(strings.TrimSuffix(h, "."))
	if err != nil {
		return false
	}
	a = strings.ToLower(a)
	for _, c := range a {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	suffix, icann := publicsuffix.PublicSuffix(a)
	if !icann && !strings.Contains(suffix, ".") {
		return false // no listed suffix: the list's default rule ("Node.js")
	}
	_, err = publicsuffix.EffectiveTLDPlusOne(a)
	return err == nil
}

// namesFileOf: lower, a link's text in lower case, is the last part of
// target's path (a file's name shown for a link to it).
func namesFileOf(lower, target string) bool {
	u, err := url.Parse(strings.Trim(strings.TrimSpace(target), "<>"))
	if err != nil {
		return false
	}
	p := strings.ToLower(strings.TrimSuffix(u.Path, "/"))
	return p == lower || strings.HasSuffix(p, "/"+lower)
}

// siteKey is the site host h belongs to, its registrable domain (the
// public suffix and one label before it: en.m.wikipedia.org and
// en.wikipedia.org are wikipedia.org's, a review's false alarm; blog.x.co.uk
// x.co.uk's), h itself when it has none (an address, localhost).
func siteKey(h string) string {
	if d, err := publicsuffix.EffectiveTLDPlusOne(h); err == nil {
		return d
	}
	return h
}

// siteOf is the host of the http(s) URL s as a browser asks for it
// (hostOf: lower case, punycode, without "www."), "" when s is none; a
// host a browser refuses as written, in lower case, but without one
// trailing dot and a leading "www." ("http://1.2.3.09./" 1.2.3.09,
// "http://www.0x7f.1/" 0x7f.1, no address with its www.: a site of its
// own, not 127.0.0.1's).
func siteOf(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	h, _ := hostOf(u)
	return h
}

// escapeAt is s with a backslash before each byte at (in any order).
func escapeAt(s string, at []int) string {
	if len(at) == 0 {
		return s
	}
	slices.Sort(at)
	at = slices.Compact(at)
	var b strings.Builder
	b.Grow(len(s) + len(at))
	done := 0
	for _, i := range at {
		b.WriteString(s[done:i])
		b.WriteByte('\\')
		done = i
	}
	b.WriteString(s[done:])
	return b.String()
}

// targetSpans are where the targets of md's inline links and reference
// definitions stand, each with where a backslash makes it no link, in the
// order found: after each "](" and the spaces after it, the target as
// mdLink reads it (<in angle brackets>, or bare with parentheses balanced
// one deep), and each line's [label]: target as mdDef reads it. Read by
// hand, not by those expressions, which took 7.4 s over a 9.6 MB body of
// "[x](" (0.47 s before these steps): every "](" is read, one whose text
// or end mdLink would refuse too (in both texts alike).
func targetSpans(md string) (spans [][3]int) {
	for i := 0; ; {
		k := strings.Index(md[i:], "](")
		if k < 0 {
			break
		}
		at := i + k + 1 // the "("
		j := skipSpaces(md, at+1)
		i = at + 1
		if j < len(md) && md[j] == '<' {
			if e := strings.IndexAny(md[j+1:], "<>\n"); e > 0 && md[j+1+e] == '>' {
				spans = append(spans, [3]int{j + 1, j + 1 + e, at})
				i = j + 2 + e
			}
			continue
		}
		e := j
		for e < len(md) && !targetEnd(md[e]) {
			e++
		}
		for e < len(md) && md[e] == '(' { // a group (file(1).md)
			g := e + 1
			for g < len(md) && !targetEnd(md[g]) {
				g++
			}
			if g >= len(md) || md[g] != ')' {
				break
			}
			e = g + 1
			for e < len(md) && !targetEnd(md[e]) {
				e++
			}
		}
		if e > j {
			spans = append(spans, [3]int{j, e, at})
			i = e
		}
	}
	if !strings.Contains(md, "]:") {
		return spans
	}
	for i := 0; i < len(md); {
		line, next := lineAt(md, i)
		if sp, ok := defTarget(md, i, len(line)); ok {
			spans = append(spans, sp)
		}
		i = next
	}
	return spans
}

// targetEnd: c ends a bare target (mdLink's [^\s()<>]).
func targetEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '(' || c == ')' || c == '<' || c == '>'
}

// skipSpaces is where the spaces (\s: newlines too) from i end.
func skipSpaces(md string, i int) int {
	for i < len(md) && (md[i] == ' ' || md[i] == '\t' || md[i] == '\n' || md[i] == '\f' || md[i] == '\r') {
		i++
	}
	return i
}

// defTarget is the target of the reference definition on the line of md
// at i, n bytes long, as mdDef reads it: up to 3 spaces, a [label] of
// 1–300 characters, ":", spaces (on the next lines too), an optional "<",
// and 1–1000 characters but spaces and angle brackets.
func defTarget(md string, i, n int) ([3]int, bool) {
	line := md[i : i+n]
	lead := len(line) - len(strings.TrimLeft(line, " "))
	if lead > 3 || !strings.HasPrefix(line[lead:], "[") {
		return [3]int{}, false
	}
	label := line[lead+1:]
	e := strings.IndexByte(label, ']')
	if e <= 0 || utf8.RuneCountInString(label[:e]) > 300 || !strings.HasPrefix(label[e+1:], ":") {
		return [3]int{}, false
	}
	j := skipSpaces(md, i+lead+1+e+2)
	if j < len(md) && md[j] == '<' {
		j++
	}
	k, runes := j, 0
	for k < len(md) && runes < 1000 && !strings.ContainsRune(" \t\n\f\r<>", rune(md[k])) {
		_, size := utf8.DecodeRuneInString(md[k:])
		k += size
		runes++
	}
	if k == j {
		return [3]int{}, false
	}
	return [3]int{j, k, i + lead}, true
}

// encodeTargets percent-encodes, in the target of each inline link and
// reference definition of md (code too: there the character shows as
// its code rather than as nothing), each byte of a character Sanitize
// would drop or make a line's end: invalid UTF-8, a control but tab and
// newline, a bidi control, U+2028 and U+2029, and a character termsafe
// names Invisible or Contextual (dropped by context: encoded wherever it
// stands, which names the same file). had counts the targets of the
// result, nil when md has nothing Sanitize drops (none were read).
func encodeTargets(md string) (string, map[string]int) {
	if !strings.Contains(md, "](") && !strings.Contains(md, "]:") || isClean(md) && !hasIgnorable(md) {
		return md, nil
	}
	spans := targetSpans(md)
	slices.SortFunc(spans, func(a, b [3]int) int { return a[0] - b[0] })
	had := make(map[string]int, len(spans))
	var b strings.Builder
	done := 0
	for _, sp := range spans {
		if sp[0] < done {
			continue // (a definition's target holding a link's: encoded once)
		}
		t := md[sp[0]:sp[1]]
		if isClean(t) && !hasIgnorable(t) {
			had[t]++
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(md) + 64)
		}
		b.WriteString(md[done:sp[0]])
		at := b.Len()
		for i := 0; i < len(t); {
			r, n := utf8.DecodeRuneInString(t[i:])
			if r == utf8.RuneError && n == 1 || dropsInTarget(r) {
				for _, c := range []byte(t[i : i+n]) {
					b.WriteByte('%')
					b.WriteByte(upperHex[c>>4])
					b.WriteByte(upperHex[c&15])
				}
			} else {
				b.WriteString(t[i : i+n])
			}
			i += n
		}
		had[b.String()[at:]]++
		done = sp[1]
	}
	if done == 0 {
		return md, had
	}
	b.WriteString(md[done:])
	return b.String(), had
}

const upperHex = "0123456789ABCDEF"

// dropsInTarget: r is a character Sanitize drops or makes a line's end
// (a CR is one already, and a newline ends a target).
func dropsInTarget(r rune) bool {
	return r != '\n' && r != '\t' && r != '\r' && (isUnsafe(r) || r == 0x2028 || r == 0x2029 || ignorable(r))
}

// breakChangedLinks is after, the cleaned before (whose targets had
// counts, or nil), with each link whose target was changed or made by the
// cleaning made no link: where after holds more links to a target than
// before (a form feed or an escape sequence with a space in it ended the
// target before and was dropped, "[x](go\fod.md)"; a reference dropped,
// "go&#x200b;od.md"; marks past termsafe.MaxMarks cut), every link to it
// there is text, its "(" or its definition's "[" escaped,
// "[x]\\(good.md)" — never a link to a file other than the one it named.
// Counted, not placed: a link written as it is beside a changed one to
// the same target is text too.
func breakChangedLinks(before, after string, had map[string]int) string {
	if before == after || !strings.Contains(after, "](") && !strings.Contains(after, "]:") {
		return after
	}
	if had == nil {
		had = map[string]int{}
		for _, sp := range targetSpans(before) {
			had[before[sp[0]:sp[1]]]++
		}
	}
	spans := targetSpans(after)
	changed := map[string]bool{}
	for _, sp := range spans {
		t := after[sp[0]:sp[1]]
		if had[t]--; had[t] < 0 {
			changed[t] = true
		}
	}
	if len(changed) == 0 {
		return after
	}
	var at []int // where a backslash goes
	for _, sp := range spans {
		if changed[after[sp[0]:sp[1]]] {
			at = append(at, sp[2])
		}
	}
	return escapeAt(after, at)
}
