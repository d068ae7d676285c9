package archive

import (
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Link is a link in a piece's body: its text and where it points.
type Link struct {
	Text   string
	Target string
}

// mdLink is an inline Markdown link, [text](target "title"), or a
// reference definition, [label]: target. Go's regexp runs in linear time.
var (
	// compiled when first used: their counted repetitions expand to
	// thousands of instructions, 5–7 ms at every start when compiled at init
	mdLink = sync.OnceValue(func() *regexp.Regexp {
		// the target <in angle brackets> (spaces allowed, as Obsidian
		// writes them) or bare, with parentheses balanced one deep
		// (file(1).md): CommonMark's two forms (a helper's report: both
		// were left unresolved, shown with a slash put before them);
		// the text's backslash escapes read as CommonMark reads them, so
		// "[\[1\]](x.md)" is a link and "[a\](x) b](y.md)" one to y.md
		// (a helper's report)
		return regexp.MustCompile(`\[((?:[^\[\]\\\n]|\\[^\n]){0,300})\]\(\s*(?:<([^<>\n]{1,1000})>|((?:[^\s()<>]|\([^\s()<>]*\))+))(?:\s+"[^"\n]{0,300}")?\s*\)`)
	})
	mdDef = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^ {0,3}\[([^\]\n]{1,300})\]:\s*<?([^\s<>]{1,1000})>?`)
	})
)

// maxLinks caps the links read from one piece.
const maxLinks = 1000

// Links are the links of a Markdown body that may point at another piece of
// the archive: relative ones (/blog/gopher, ../other.md, posts/x.md#part),
// in the order they appear, each target once. Links with a scheme
// (https:, mailto:), protocol-relative ones and bare #fragments are left out.
func Links(body string) []Link { return LinksIn(body, nil) }

// LinksIn is Links with the links to the piece's own site too, a URL
// under one of bases (SiteURLs), each as its site path (OwnSitePath):
// https://example.org/posts/x/ is /posts/x/.
func LinksIn(body string, bases []string) []Link {
	var out []Link
	seen := map[string]bool{}
	add := func(text, target string) {
		if own := OwnSitePath(target, bases); own != "" {
			target = own
		}
		if len(out) >= maxLinks || seen[target] || !isRelativeLink(target) {
			return
		}
		seen[target] = true
		out = append(out, Link{Text: SanitizeLine(unescapeMarkdown(text)), Target: target})
	}
	for _, m := range mdLink().FindAllStringSubmatch(body, maxLinks*4) {
		add(m[1], m[2]+m[3]) // one of the two is empty
	}
	for _, m := range mdDef().FindAllStringSubmatch(body, maxLinks*4) {
		if !strings.HasPrefix(m[1], "^") {
			add(m[1], m[2])
		}
	}
	return out
}

func isRelativeLink(target string) bool {
	if target == "" || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "//") {
		return false
	}
	u, err := url.Parse(target)
	return err == nil && u.Scheme == "" && u.Host == "" && u.Path != ""
}

// jekyllPermalink is Jekyll's default post URL, /2021/03/14/pi-day.html
// (after any categories).
var jekyllPermalink = lazyRegexp(`(?:^|/)(\d{4})/(\d{2})/(\d{2})/([^/]+?)(?:\.html)?/?$`)

// LinkCandidates are the ids a relative link in the piece at fromPath may
// name, most likely first, each path that is a file's (other.md) before
// its id: a file whose name slugs as another's has an id of its own
// (AssignIDs), and the piece at the path is the one the link names
// (IsPathCandidate tells the paths, which no id is). A relative path (other.md, ./other.md,
// ../third/) is resolved from the piece's folder, then from its page's URL
// (a page x.md is x/ on a site); it never
// climbs to the folders above (a helper's report: report.md in
// essays/deep/ named essays/report.md, where a browser finds nothing). A
// site path (/blog/gopher, /posts/x/) is tried under each folder from the
// piece's up to the archive's root, since a site's root is a folder of the
// archive (Hugo's content/, the Go blog's _content/); a Jekyll permalink
// (/2021/03/14/pi-day.html) as the post _posts/2021-03-14-pi-day, and
// one with folders before its date (/news/2021/03/14/pi-day.html) as the
// post of their _posts/ too (news/_posts/2021-03-14-pi-day). A Zola
// internal link (@/blog/x.md) is a file's path from the content root
// alone (contentRoot); a site path may name a multilingual Hugo site's
// translation too, after all those (translations). A section page (_index.md: IsSectionPage; a site's _index.fr.md, a piece elsewhere, names its file, no piece there) and the site's home (/)
// are no pieces: a link to one names none. The caller keeps the first that
// is a piece.
func LinkCandidates(fromPath, target string) []string {
	u, err := url.Parse(target)
	if err != nil || !isRelativeLink(target) {
		return nil
	}
	p := u.Path
	dir := path.Dir(fromPath)
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		// a file's path first: the piece at it, whose id is not its
		// slug when another file's name slugs alike (a helper's report)
		if f := path.Clean(p); IsArticlePath(f) && fs.ValidPath(f) && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
		if id := linkID(p); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if IsSectionPage(p) {
		return nil // a list of pieces (a relative _index.md named the piece itself)
	}
	if rest, ok := strings.CutPrefix(p, "@/"); ok {
		add(path.Join(contentRoot(fromPath), rest))
		return out
	}
	p = strings.TrimSuffix(p, "/")
	p = strings.TrimSuffix(p, ".html")
	if p == "" {
		return nil // the site's home, no piece (read as relative, "/" named the piece itself)
	}
	if !strings.HasPrefix(p, "/") {
		add(path.Join(dir, p))
		// A site resolves it from the page's URL, which for a page that
		// is no bundle's index is one folder deeper than its file
		// (content/posts/links.md is /posts/links/: "../third/" is
		// /posts/third/, a helper's report against hugo)
		page := dir
		if stem := strings.TrimSuffix(path.Base(fromPath), path.Ext(fromPath)); stem != "index" && stem != "_index" {
			page = path.Join(dir, stem)
			add(path.Join(page, p))
		}
		// and the site path it names, from the content root, as a url:
		// places a piece (a helper's report: with the archive a site's
		// root, "../zed/" looked for content/posts/zed, where url:
		// /posts/zed is the key posts/zed)
		if root := contentRoot(fromPath); root != "." {
			if rest, ok := strings.CutPrefix(path.Join(page, p), root+"/"); ok {
				add(rest)
			}
		}
		return out
	}
	// {% post_url news/2020-02-02-x %} (liquid.go): Jekyll finds the post
	// under _posts/news/ and under news/_posts/
	var catPost string
	if rest, ok := strings.CutPrefix(p, "/_posts/"); ok && strings.Contains(rest, "/") {
		catPost = path.Join(path.Dir(rest), "_posts", path.Base(rest))
	}
	// A site path: under each folder from the piece's up to the archive's
	// root (at most maxCandidates, however deep the piece).
	for d := dir; len(out) < maxCandidates; d = path.Dir(d) {
		add(path.Join(d, p))
		if catPost != "" {
			add(path.Join(d, catPost))
		}
		if m := jekyllPermalink().FindStringSubmatchIndex(p); m != nil {
			post := p[m[2]:m[3]] + "-" + p[m[4]:m[5]] + "-" + p[m[6]:m[7]] + "-" + p[m[8]:m[9]]
			add(path.Join(d, "_posts", post))
			// /news/2016/05/05/x.html: a post of news/_posts/, whose
			// folder Jekyll's URL puts before its date as a category
			if cats := strings.Trim(p[:m[2]], "/"); cats != "" {
				add(path.Join(d, cats, "_posts", post))
			}
		}
		if d == "." || d == "/" || d == "" {
			break
		}
	}
	// then a multilingual Hugo site's translations, after the paths
	// themselves (the cap leaves these out first)
	for d := dir; len(out) < maxCandidates; d = path.Dir(d) {
		for _, t := range translations(p) {
			add(path.Join(d, t))
		}
		if d == "." || d == "/" || d == "" {
			break
		}
	}
	return out
}

// translations are the paths (ids) of the files of a multilingual Hugo
// site a site path p (/x/y, its / at the end cut) may name: a
// translation's file is named with its language, y.fr.md (id x/y-fr) or
// a bundle's index.fr.md (x/y/index-fr), and the site serves it at
// /fr/x/y/, the default language's (Hugo's default, en) at /x/y/ (a
// helper's report against Hugo 0.111: such links named nothing). The
// ids stay the files' own (IDFromPath), so a link is resolved to them
// here. Another default language than en is not known: its pieces are
// found by /LANG/x/y/ alone.
func translations(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, ".html") {
		return nil
	}
	out := []string{p + "/index-en", p + "-en"}
	if lang, rest, ok := strings.Cut(p, "/"); ok && rest != "" && hugoLang().MatchString(lang) {
		lang = strings.ToLower(lang)
		out = append(out, rest+"/index-"+lang, rest+"-"+lang)
	}
	return out
}

// hugoLang is a language code as a Hugo site names its languages: en,
// fr, pt-br, zh-hans.
var hugoLang = lazyRegexp(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$`)

// IsPathCandidate reports whether a candidate of LinkCandidates is a
// file's path, not an id: an id has no dot, a piece's path has its
// extension.
func IsPathCandidate(c string) bool { return IsArticlePath(c) }

// contentRoot is the folder of the archive a site's paths start from, as
// a Zola site's internal links (@/x.md) do: the nearest folder named
// content on the piece's path (a site's content/, Zola's always, Hugo's by
// default: the archive is the site's root, or holds the site in a folder,
// a helper's report: site/content/blog/a.md's @/blog/b.md named nothing),
// or the archive's root when there is none (the archive is the content).
func contentRoot(fromPath string) string {
	dir := path.Dir(fromPath)
	for d := dir; d != "." && d != "/"; d = path.Dir(d) {
		if path.Base(d) == "content" {
			return d
		}
	}
	return "."
}

// linkID is the id a path in a link names: IDFromPath's, but a dot in
// its last part is no extension unless it is a page's (.md, .html): the
// path /release-1.5/ is release-1-5, as the file release-1.5.md's id is
// (a review: it looked up release-1, and slugs v2.0 and v2.1 were one).
func linkID(p string) string {
	if ext := strings.ToLower(path.Ext(p)); IsArticlePath(p) || ext == ".html" || ext == ".htm" {
		return IDFromPath(p)
	}
	return IDFromPath(p + "/")
}

// maxCandidates caps the ids LinkCandidates gives for one link.
const maxCandidates = 64

// MarkLinks rewrites the inline links of body that name another piece
// (see LinkCandidates; title says whether the first of a link's
// candidates that names a piece, by its id or its SiteKeys, and the
// piece's title: Archive.Resolve's, the index's Resolve) as text followed by that piece's title, "here (→ “The threat has
// evolved”)", so that a reader sees where the link goes in the archive
// rather than the site's path; a link relative to the piece's folder that
// names no piece, or a site path the renderer would print otherwise ("/"
// as nothing), shows its target as written (markLine). Other links, and
// fenced or indented code, are left as they are; at most maxLinkLookups
// targets are looked up.
func MarkLinks(body, fromPath string, title func(candidates []string) (string, bool)) string {
	return MarkLinksIn(body, fromPath, nil, title)
}

// MarkLinksIn is MarkLinks where a link to the piece's own site, a URL
// under one of bases (SiteURLs), is read as its site path (OwnSitePath):
// one that names a piece reads as its title, as a relative link does;
// one that names none stays as written.
func MarkLinksIn(body, fromPath string, bases []string, title func(candidates []string) (string, bool)) string {
	defs := refDefs(body)
	if !strings.Contains(body, "](") && len(defs) == 0 {
		return body
	}
	found := map[string]string{} // target -> title, "" when not a piece
	// candidates -> title: targets that differ in a #fragment or ?query
	// alone are one lookup
	byCands := map[string]string{}
	lookups := 0
	resolve := func(target string) string {
		if t, ok := found[target]; ok {
			return t
		}
		t := ""
		site := target
		if own := OwnSitePath(target, bases); own != "" {
			site = own
		}
		if lookups < maxLinkLookups {
			if cands := LinkCandidates(fromPath, site); len(cands) > 0 {
				key := strings.Join(cands, "\x00")
				var ok bool
				if t, ok = byCands[key]; !ok {
					lookups++
					t, _ = title(cands)
					byCands[key] = t
				}
			}
		}
		found[target] = t
		return t
	}
	var b strings.Builder
	b.Grow(len(body))
	var f fence
	for i := 0; i < len(body); {
		line, next := lineAt(body, i)
		newline := next > i+len(line)
		code := f.code(line)
		if !code && strings.Contains(line, "](") {
			line = markLine(line, resolve)
		}
		if !code && len(defs) > 0 && strings.Contains(line, "]") {
			line = markRefLine(line, defs, resolve)
		}
		b.WriteString(line)
		if newline {
			b.WriteByte('\n')
		}
		i = next
	}
	return b.String()
}

// markLine is MarkLinks on one line that is not code. A link relative to
// the piece's folder (other.md, ../files/report.pdf) that names no piece is
// written as its text then its target as written, and such an image as
// "[image: alt] target", as folio shows an <img> (alt the text its
// description shows, as CommonMark's: "*emph*" as "emph"): the renderer resolves
// them against the site's root, showing /report.pdf for ../files/report.pdf.
func markLine(line string, resolve func(target string) string) string {
	var b strings.Builder
	last := 0
	code := spanCursor{spans: codeSpans(line)}
	for _, m := range mdLink().FindAllStringSubmatchIndex(line, -1) {
		text, tg := line[m[2]:m[3]], m[4:6]
		if tg[0] < 0 {
			tg = m[6:8] // the bare form
		}
		target := line[tg[0]:tg[1]]
		if code.in(m[0]) {
			continue // (a link in a code span is text; one whose text is code is a link)
		}
		image := m[0] > 0 && line[m[0]-1] == '!'
		relative := isRelativeLink(target)
		var with string
		if !relative && (image || !strings.Contains(target, "://")) {
			continue
		}
		if t := resolve(target); t != "" && !image {
			with = text + " (→ “" + markdownEscaper.Replace(SanitizeLine(t)) + "”)"
		} else if !relative {
			continue // a URL, of the site's own naming no piece too: as written
		} else if strings.HasPrefix(target, "/") && RendererShows(target) == target {
			continue // the renderer shows this site path as written
		} else if image {
			// the alt text is the description's text, as CommonMark
			// renders an image's alt: "*emph*" is "emph"
			with = `\[image: ` + markdownEscaper.Replace(SanitizeLine(standfirstText(text))) + `\] ` + markdownEscaper.Replace(target)
		} else {
			with = text + " " + markdownEscaper.Replace(target)
		}
		with, k := withWordAfter(text, with, line[m[1]:], !image)
		end := m[1] + k
		start := m[0]
		if image {
			start--
		}
		b.WriteString(line[last:start])
		b.WriteString(with)
		last = end
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// withWordAfter is with, a link's text then what folio writes after it
// (its target, a piece's title), with the rest of the link's word moved
// in after the text, and the n bytes of rest, what follows the link in
// its line, that were that word: the rest of the word stays with the
// text, before what is written after it ("[x](rel/path)ed" read "x
// rel/pathed", a target that is not the link's: a review, 42rc); a
// letter not joined is set apart from what is written ("[链接](x.md)的").
// The word's rest in emphasis too: "[x](rel/path)*ed*" read "x
// rel/pathed" (a read of the change, 42rc); it is written "x*ed*
// rel/path"; a letter in emphasis not joined, as "*ed and more*", is set
// apart too. Inline links (markLine) and reference links (markRefLine)
// alike; an image's (join false) is set apart alone.
func withWordAfter(text, with, rest string, join bool) (string, int) {
	textEnd, _ := utf8.DecodeLastRuneInString(text)
	join = join && JoinsWord(textEnd)
	if k := WordRun([]byte(rest), false); k > 0 && join {
		return text + rest[:k] + with[len(text):], k
	} else if word, n := emphasizedWord(rest); n > 0 && join {
		return text + word + with[len(text):], n
	} else if after := strings.TrimLeft(rest, "*_~"); after != "" {
		if shown, _ := ShownAt([]byte(after[:min(len(after), maxReference)]), 0); strings.IndexFunc(shown, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) == 0 {
			return with + " ", 0 // a reference's too ("&#97;" + 70 letters)
		}
	}
	return with, 0
}

// emphasizedWord is the word at the start of s in emphasis or
// strikethrough of its own ("*ed*", "__ed__", "~~ed~~": a delimiter run,
// WordRun's word, the same run, then no letter), written as it is to
// follow a link's text inside a word (an underscore, which emphasises
// nothing inside a word, as an asterisk), and the n bytes of s it was;
// n is 0 when s starts with none.
func emphasizedWord(s string) (word string, n int) {
	if s == "" || strings.IndexByte("*_~", s[0]) < 0 {
		return "", 0
	}
	c := s[0]
	d := len(s) - len(strings.TrimLeft(s, s[:1]))
	if d > 3 || c == '~' && d > 2 {
		return "", 0
	}
	delim := s[:d]
	k := WordRun([]byte(s[d:]), false)
	if k == 0 || !strings.HasPrefix(s[d+k:], delim) {
		return "", 0
	}
	n = 2*d + k
	if r, _ := utf8.DecodeRuneInString(s[n:]); r == rune(c) || JoinsWord(r) {
		return "", 0 // a longer run, or the word going on past it
	}
	if c == '_' {
		delim = strings.Repeat("*", d)
	}
	return delim + s[d:d+k] + delim, n
}

// unescapeMarkdown is s with its backslash escapes read: a backslash
// before ASCII punctuation is dropped, as CommonMark reads it ("\[1\]"
// is "[1]").
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// refDefs are the link reference definitions of body ([label]: target),
// by their label as CommonMark matches it (case and runs of spaces aside),
// the first of a label winning; at most maxLinks.
func refDefs(body string) map[string]string {
	if !strings.Contains(body, "]:") {
		return nil
	}
	var defs map[string]string
	var f fence
	for i := 0; i < len(body) && len(defs) < maxLinks; {
		line, next := lineAt(body, i)
		i = next
		code := f.code(line)
		if code || !strings.Contains(line, "]:") {
			continue // one in code defines nothing (a review)
		}
		m := mdDef().FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[1], "^") {
			continue // none, or a footnote's
		}
		if defs == nil {
			defs = map[string]string{}
		}
		if k := refLabel(m[1]); defs[k] == "" {
			defs[k] = m[2]
		}
	}
	return defs
}

// refLabel is a reference label as CommonMark matches it.
func refLabel(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// mdRef is a reference link: full, [text][label], collapsed, [text][],
// or shortcut, [text] (the label group unmatched).
var mdRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[([^\[\]\n]{1,300})\](?:\[([^\[\]\n]{0,300})\])?`)
})

// markRefLine is markLine for reference links, full, collapsed and
// shortcut: one whose definition names a piece reads as its text then the
// piece's title, as an inline link does (a helper's report: only inline
// links were marked); one relative or site path the renderer would not
// print as written reads as its text then its target, as markLine writes
// it, the rest of the link's word kept with its text as markLine keeps it
// (withWordAfter: "[x][r]ed" read "x rel/pathed", a shortcut's "[x]ed"
// "xed /rel/path" where an inline link's read "xed rel/path"); others
// stay. A shortcut is brackets that another pair does not follow or
// precede (a full link's, an inline link's "(" or a definition's ":"),
// whose label is defined.
func markRefLine(line string, defs map[string]string, resolve func(target string) string) string {
	var b strings.Builder
	last := 0
	code := spanCursor{spans: codeSpans(line)}
	for _, m := range mdRef().FindAllStringSubmatchIndex(line, -1) {
		if m[0] > 0 && strings.IndexByte(`!\]`, line[m[0]-1]) >= 0 || code.in(m[0]) {
			continue // an image, an escaped bracket, a full link's label, or code
		}
		text, label := line[m[2]:m[3]], text0(line, m[4:6])
		if m[4] < 0 {
			// a shortcut: not an inline link's text nor a definition
			if m[1] < len(line) && line[m[1]] == '(' ||
				m[1] < len(line) && line[m[1]] == ':' && strings.TrimLeft(line[:m[0]], " ") == "" && m[0] <= 3 {
				continue
			}
		}
		if label == "" {
			label = text
		}
		target, ok := defs[refLabel(label)]
		relative := isRelativeLink(target)
		if !ok || !relative && !strings.Contains(target, "://") {
			continue
		}
		var with string
		if t := resolve(target); t != "" {
			with = text + " (→ “" + markdownEscaper.Replace(SanitizeLine(t)) + "”)"
		} else if !relative {
			continue // a URL naming no piece: as written
		} else if RendererShows(target) != target {
			with = text + " " + markdownEscaper.Replace(target) // as markLine writes it
		} else {
			continue
		}
		with, k := withWordAfter(text, with, line[m[1]:], true)
		b.WriteString(line[last:m[0]])
		b.WriteString(with)
		last = m[1] + k
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// text0 is line[at[0]:at[1]], "" for a group not matched (at[0] < 0).
func text0(line string, at []int) string {
	if at[0] < 0 {
		return ""
	}
	return line[at[0]:at[1]]
}

// RendererShows is what Glamour prints after a link's text for a relative
// target (its resolveRelativeURL with no base URL): the path's leading "/"
// dropped, then resolved against nothing. A site path mostly comes back as
// written, but "/" is "" (a helper's report: "[r](/)" printed "r" and
// nothing), "/#top" "#top", "/a/../b" "/b", and a relative "other.md"
// "/other.md".
func RendererShows(target string) string {
	u, err := url.Parse(target)
	if err != nil || u.IsAbs() {
		return target
	}
	u.Path = strings.TrimPrefix(u.Path, "/")
	return new(url.URL).ResolveReference(u).String()
}

// maxLinkLookups caps the link targets MarkLinks looks up in one piece.
const maxLinkLookups = 200

// markdownEscaper escapes what would format text in Markdown, and "&",
// written "&amp;", which a reference would start: the renderer decodes
// "&#169;" and "&amp;" in text (and Glamour any "&" of a backslash escape
// too), so a title "AT&amp;T &#169; Report", shown so by list and the
// reader's header, read "(→ “AT&T © Report”)" (a helper's report).
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "&", "&amp;")
