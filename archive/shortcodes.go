package archive

import (
	"net/url"
	"strings"

	"github.com/folio-tui/folio/internal/nextindex"
)

// Readable rewrites a piece's Markdown body so that what its site would
// show reads as text in a terminal, where a renderer would print template
// braces or drop HTML:
//
//   - Hugo shortcodes ({{< figure >}}, youtube, vimeo, tweet, x, gist,
//     instagram, ref, relref, highlight, details; any {{% … %}} too) and the
//     Go blog's template calls ({{image}}, {{video}}, {{code}}, {{play}},
//     {{raw}}) become what they show: "[image: alt — caption] URL",
//     "[video: title] URL", "[code: file]", the path of a ref, a fenced code
//     block, the raw text. An unknown shortcode with arguments becomes
//     "[name: arguments]", one without is dropped (a paired one keeps what
//     it encloses). Like the sites, this happens everywhere in the body,
//     code included; Hugo's escaped {{</* x */>}} comes out as {{< x >}};
//     {{< comment >}} hides what it encloses.
//   - Zola's shortcodes, outside code: see zolaShortcodes.
//   - HTML blocks (<div>, <figure>, <p>, <table>, …) become Markdown, an
//     <img> "[image: alt] URL" and an <iframe> or <video> "[video] URL";
//     in a line of text an <a href> is a link, and any other tag is
//     dropped, what it encloses kept (inlinehtml.go).
//   - Footnotes ([^1] and [^1]: …) become numbered references, [1], with
//     the notes listed at the end.
//
// It takes time linear in the length of md (each shortcode and HTML block
// is bounded: see maxShortcode, maxRaw, maxZolaTag, maxHTMLBlock) and makes no
// terminal-unsafe text of its own, but HTML entities are decoded: sanitise
// its result.
func Readable(md string) string {
	md = expandShortcodes(md)
	md = zolaShortcodes(md)
	md = readableHTML(md)
	return footnotes(headingAttributes(md))
}

const (
	maxShortcode = 4 << 10  // bytes of one {{< … >}} or {{name …}}
	maxRaw       = 64 << 10 // bytes of one {{raw `…`}}
)

// goBlogCalls are the Go blog's template functions that Readable renders.
var goBlogCalls = []string{"image", "video", "code", "play", "raw"}

type shortcodes struct {
	s                      string
	hugoEnd, pctEnd, goEnd *nextindex.Finder // ">}}", "%}}", "}}"
	tick                   *nextindex.Finder // "`"
	comment                *nextindex.Finder // "/comment", made at the first comment
	closer                 int               // the last comment closer found: commentEnd
	open                   []string          // names of the paired shortcodes open
}

func expandShortcodes(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	sc := &shortcodes{s: s,
		hugoEnd: nextindex.New(s, ">}}"), pctEnd: nextindex.New(s, "%}}"),
		goEnd: nextindex.New(s, "}}"), tick: nextindex.New(s, "`")}
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		b.WriteString(s[i:j])
		if out, end, ok := sc.at(j); ok {
			b.WriteString(out)
			i = end
			continue
		}
		b.WriteString("{{")
		i = j + 2
	}
	return b.String()
}

// at reads the shortcode or template call starting at s[j] ("{{"): what it
// shows and where it ends; false if there is none.
func (sc *shortcodes) at(j int) (string, int, bool) {
	s := sc.s
	if j+2 >= len(s) {
		return "", 0, false
	}
	switch s[j+2] {
	case '<', '%':
		f, closer := sc.hugoEnd, ">}}"
		if s[j+2] == '%' {
			f, closer = sc.pctEnd, "%}}"
		}
		e := f.Index(j + 3)
		if e < 0 || e-j > maxShortcode {
			return "", 0, false
		}
		inner := strings.TrimSpace(s[j+3 : e])
		if strings.EqualFold(inner, "comment") {
			// Hugo's comment shortcode: what it encloses is not shown
			if end, ok := sc.commentEnd(e + 3); ok {
				return "", end, true
			}
		}
		if len(inner) >= 4 && strings.HasPrefix(inner, "/*") && strings.HasSuffix(inner, "*/") {
			// Hugo's escape: the shortcode shown as written.
			return s[j:j+3] + " " + strings.TrimSpace(inner[2:len(inner)-2]) + " " + closer, e + 3, true
		}
		if strings.HasPrefix(inner, "/") {
			return sc.close(strings.TrimSpace(inner[1:])), e + 3, true
		}
		return sc.hugo(strings.TrimSuffix(inner, "/")), e + 3, true
	}
	for _, name := range goBlogCalls {
		k := j + 2 + len(name)
		if !strings.HasPrefix(s[j+2:], name) || k >= len(s) || !isSpace(s[k]) {
			continue
		}
		if name == "raw" {
			return sc.raw(k)
		}
		e := sc.goEnd.Index(k)
		if e < 0 || e-j > maxShortcode {
			return "", 0, false
		}
		pos, _, _ := shortcodeArgs(s[k:e])
		return goBlogCall(name, pos), e + 2, true
	}
	return "", 0, false
}

// commentEnd is where the {{< /comment >}} closing a comment opened
// before p ends, at most maxRaw bytes on; false for none.
func (sc *shortcodes) commentEnd(p int) (int, bool) {
	s := sc.s
	if sc.comment == nil {
		sc.comment, sc.closer = nextindex.New(s, "/comment"), -2
	}
	// the first closer at or after p: the last found serves while it is
	// not behind p, so that each "/comment" is looked at once however many
	// openers there are (a hostile body of unclosed comments was 3 s a MB)
	if sc.closer == -2 || sc.closer >= 0 && sc.closer < p {
		k := sc.comment.Index(p)
		for ; k >= 0; k = sc.comment.Index(k + 1) {
			before := strings.TrimRight(s[:k], " \t")
			after := strings.TrimLeft(s[k+len("/comment"):], " \t")
			if (strings.HasSuffix(before, "{{<") || strings.HasSuffix(before, "{{%")) && (strings.HasPrefix(after, ">}}") || strings.HasPrefix(after, "%}}")) {
				break
			}
		}
		sc.closer = k
	}
	if sc.closer < 0 || sc.closer-p > maxRaw {
		return 0, false
	}
	after := strings.TrimLeft(s[sc.closer+len("/comment"):], " \t")
	return len(s) - len(after) + 3, true
}

// zolaShortcodes renders Zola's shortcodes outside code (fences,
// indented code, code spans), line by line: a call {{ name(key=value, …) }}
// whose arguments are all named, as Zola's are (youtube, vimeo, gist as
// Hugo's are; another as "[name: values]"), a built-in one without
// arguments too; the block tags {% name(…) %} and the {% end %} that
// closes one show nothing, what they enclose staying; Zola's escapes
// {{/* … */}} and {%/* … */%} show the tag as written. A call with a
// positional argument ({{ url_for('static') }}: a template's, not Zola's),
// or a {% end %} that closes no block, stays as written (a review: a
// note about Jinja lost its examples). Linear in the length of md.
func zolaShortcodes(md string) string {
	if !strings.Contains(md, "{{") && !strings.Contains(md, "{%") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	var f fence
	open := 0 // Zola blocks opened and not yet ended
	for i := 0; i < len(md); {
		line, next := lineAt(md, i)
		newline := next > i+len(line)
		i = next
		code := f.code(line)
		if !code && (strings.Contains(line, "{{") || strings.Contains(line, "{%")) {
			line = outsideCodeSpans(line, func(s string) string { return zolaTags(s, &open) })
		}
		b.WriteString(line)
		if newline {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// zolaTags is zolaShortcodes on a part of a line outside code; open
// counts the blocks opened.
func zolaTags(s string, open *int) string {
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '{' || s[i+1] != '{' && s[i+1] != '%' {
			continue
		}
		closer := "}}"
		if s[i+1] == '%' {
			closer = "%}"
		}
		e := strings.Index(s[i+2:min(len(s), i+2+maxZolaTag)], closer)
		if e < 0 {
			continue
		}
		e += i + 2
		inner := strings.TrimSpace(s[i+2 : e])
		out, ok := zolaTag(s[i+1] == '%', inner, open)
		if !ok {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(out)
		last, i = e+2, e+1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// maxZolaTag is the longest Zola tag zolaTags reads, in bytes: it looks
// that far for a tag's end from each "{{" or "{%", which bounds its time
// by maxZolaTag times the length of a line.
const maxZolaTag = 300

// zolaTag is what Zola shows for the tag {{ inner }} (block false) or
// {% inner %}; false when it is not Zola's.
func zolaTag(block bool, inner string, open *int) (string, bool) {
	if len(inner) >= 4 && strings.HasPrefix(inner, "/*") && strings.HasSuffix(inner, "*/") {
		call := strings.TrimSpace(inner[2 : len(inner)-2])
		if call == "end" && block || zolaCall().MatchString(call) {
			if block {
				return "{% " + call + " %}", true
			}
			return "{{ " + call + " }}", true
		}
		return "", false
	}
	if block && inner == "end" {
		if *open == 0 {
			return "", false
		}
		*open--
		return "", true
	}
	m := zolaCall().FindStringSubmatch(inner)
	if m == nil {
		return "", false
	}
	pos, named, vals := shortcodeArgs(zolaArgs(m[2]))
	if len(pos) > 0 {
		return "", false // a positional argument: no Zola call
	}
	name := strings.ToLower(m[1])
	if block {
		*open++
		return "", true
	}
	arg := func(key string) string { return strings.Trim(named[key], "'") }
	switch name {
	case "youtube":
		return mediaLine("video", "", prefixed("https://www.youtube.com/watch?v=", arg("id"))), arg("id") != ""
	case "vimeo":
		return mediaLine("video", "", prefixed("https://vimeo.com/", arg("id"))), arg("id") != ""
	case "streamable":
		return mediaLine("video", "", prefixed("https://streamable.com/", arg("id"))), arg("id") != ""
	case "gist":
		return mediaLine("gist", "", arg("url")), arg("url") != ""
	}
	var args []string
	for _, v := range vals {
		if v = oneLine(strings.Trim(v, "'")); v != "" {
			args = append(args, v)
		}
	}
	if len(args) == 0 {
		return "", false // no arguments, not a built-in: it may be a template's
	}
	return `\[` + oneLine(m[1]) + ": " + strings.Join(args, " ") + `\]`, true
}

// zolaCall is a Zola shortcode call inside {{ }} or {% %}: a name, then
// its arguments in brackets.
var zolaCall = lazyRegexp(`^([A-Za-z_][A-Za-z0-9_]*)\(((?s).*)\)$`)

// zolaArgs is a Zola call's arguments as shortcodeArgs reads them: the
// commas between them, outside quotes, made spaces.
func zolaArgs(s string) string {
	b := []byte(s)
	var quote byte
	for i, c := range b {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == ',':
			b[i] = ' '
		}
	}
	return string(b)
}

// raw reads {{raw `text`}} from the space after "raw" at k: the text as is.
func (sc *shortcodes) raw(k int) (string, int, bool) {
	s := sc.s
	for k < len(s) && isSpace(s[k]) {
		k++
	}
	if k >= len(s) || s[k] != '`' {
		return "", 0, false
	}
	e := sc.tick.Index(k + 1)
	if e < 0 || e-k > maxRaw {
		return "", 0, false
	}
	end := e + 1
	for end < len(s) && end-e < 64 && isSpace(s[end]) {
		end++
	}
	if !strings.HasPrefix(s[end:], "}}") {
		return "", 0, false
	}
	return s[k+1 : e], end + 2, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// goBlogCall is what the Go blog shows for {{name args}}.
func goBlogCall(name string, pos []string) string {
	arg := ""
	if len(pos) > 0 {
		arg = pos[0]
	}
	switch name {
	case "image":
		return mediaLine("image", "", arg)
	case "video":
		return mediaLine("video", "", arg)
	}
	return `\[code: ` + oneLine(arg) + `\]` // code, play: a program from a file
}

// hugo is what Hugo shows for the shortcode {{< inner >}}.
func (sc *shortcodes) hugo(inner string) string {
	name, rest := inner, ""
	if i := strings.IndexAny(inner, " \t\n\r"); i >= 0 {
		name, rest = inner[:i], inner[i:]
	}
	pos, named, vals := shortcodeArgs(rest)
	arg := func(key string, i int) string {
		if v, ok := named[key]; ok {
			return v
		}
		if i < len(pos) {
			return pos[i]
		}
		return ""
	}
	lname := strings.ToLower(name)
	switch lname {
	case "figure", "img", "image":
		return mediaLine("image", figureLabel(named["alt"], named["title"], named["caption"]), arg("src", 0))
	case "youtube":
		return mediaLine("video", named["title"], prefixed("https://www.youtube.com/watch?v=", arg("id", 0)))
	case "vimeo":
		return mediaLine("video", named["title"], prefixed("https://vimeo.com/", arg("id", 0)))
	case "tweet", "x", "twitter":
		id, user := arg("id", 0), named["user"]
		if id == "" {
			return ""
		}
		if user == "" {
			return mediaLine("tweet", "", "https://twitter.com/i/status/"+url.PathEscape(id))
		}
		return mediaLine("tweet", "", "https://x.com/"+url.PathEscape(user)+"/status/"+url.PathEscape(id))
	case "instagram":
		return mediaLine("instagram", "", prefixed("https://www.instagram.com/p/", arg("id", 0)))
	case "gist":
		user, id := arg("user", 0), arg("id", 1)
		if user == "" || id == "" {
			return ""
		}
		return mediaLine("gist", arg("file", 2), "https://gist.github.com/"+url.PathEscape(user)+"/"+url.PathEscape(id))
	case "ref", "relref":
		// Hugo looks a path without its / up in the page's folder, then
		// from the content root: a site path does so (LinkCandidates),
		// where a relative link is looked up in the page's folder alone
		p := strings.ReplaceAll(arg("path", 0), " ", "%20")
		if p != "" && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, ".") && !strings.HasPrefix(p, "#") {
			p = "/" + p
		}
		if lang := strings.TrimSpace(named["lang"]); strings.HasPrefix(p, "/") && hugoLang().MatchString(lang) {
			// the page in that language: the site serves it at /LANG/…,
			// which a link names (translations)
			p = "/" + strings.ToLower(lang) + p
		}
		return p
	case "param":
		return ""
	case "highlight":
		sc.push(lname)
		return "```" + oneLine(arg("lang", 0))
	case "details":
		sc.push(lname)
		if s := oneLine(named["summary"]); s != "" {
			return "**" + s + "**"
		}
		return ""
	}
	sc.push(lname)
	var args []string
	for _, v := range vals {
		if v = oneLine(v); v != "" {
			args = append(args, v)
		}
	}
	if len(args) == 0 {
		return ""
	}
	return `\[` + oneLine(name) + ": " + strings.Join(args, " ") + `\]`
}

// push notes an opened shortcode, in case it is paired (a bounded stack:
// only its closing needs it).
func (sc *shortcodes) push(name string) {
	if len(sc.open) < 100 {
		sc.open = append(sc.open, name)
	}
}

// close is what a closing {{< /name >}} shows.
func (sc *shortcodes) close(name string) string {
	name = strings.ToLower(name)
	for i := len(sc.open) - 1; i >= 0; i-- {
		if sc.open[i] == name {
			sc.open = sc.open[:i]
			break
		}
	}
	if name == "highlight" {
		return "```"
	}
	return ""
}

// mediaLine is "[kind: caption] URL", or "[kind] URL" without a caption.
// The URL is written without a user name or password before its host (an
// Atom feed's xml:base of "https://www.nytimes.com@evil.example.net/" made
// an image "https://www.nytimes.com@evil…/img.png"), as folio writes
// every URL it imports.
func mediaLine(kind, caption, link string) string {
	link = WithoutUserinfo(strings.ReplaceAll(strings.TrimSpace(link), " ", "%20"))
	if link == "" && caption == "" {
		return ""
	}
	label := kind
	if c := oneLine(caption); c != "" {
		label += ": " + c
	}
	if link == "" {
		return `\[` + label + `\]`
	}
	return `\[` + label + `\] ` + link
}

func prefixed(prefix, id string) string {
	if id = strings.TrimSpace(id); id == "" || strings.Contains(id, "://") {
		return id
	}
	return prefix + url.PathEscape(id)
}

// figureLabel is what a figure shows of its alt text, title and caption:
// each that says something the ones before it do not, joined by " — " (the
// alt text says what the image is, which a caption such as "The gopher,
// live" does not repeat).
func figureLabel(parts ...string) string {
	var kept []string
	seen := map[string]bool{}
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		key := strings.ToLower(strings.Trim(p, ".:;,!? "))
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		kept = append(kept, p)
	}
	return strings.Join(kept, " — ")
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// oneLine is s with runs of white space as one space and the brackets that
// would end a "[label]" escaped.
func oneLine(s string) string {
	return bracketEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

var bracketEscaper = strings.NewReplacer(`[`, `\[`, `]`, `\]`)

// shortcodeArgs splits a shortcode's arguments into positional ones and
// key=value ones (vals: all values in order); values may be "quoted" (with
// \" escapes) or `raw`.
func shortcodeArgs(s string) (pos []string, named map[string]string, vals []string) {
	named = map[string]string{}
	i := 0
	for i < len(s) {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		key := ""
		if s[i] != '"' && s[i] != '`' {
			k := i
			for k < len(s) && !isSpace(s[k]) && s[k] != '=' && s[k] != '"' && s[k] != '`' {
				k++
			}
			if k < len(s) && s[k] == '=' {
				key, i = strings.ToLower(s[i:k]), k+1
			}
		}
		var val string
		val, i = shortcodeValue(s, i)
		vals = append(vals, val)
		if key != "" {
			if _, dup := named[key]; !dup {
				named[key] = val
			}
		} else {
			pos = append(pos, val)
		}
	}
	return pos, named, vals
}

// shortcodeValue reads one value at s[i]: quoted, raw or bare.
func shortcodeValue(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '"':
		var b strings.Builder
		k := i + 1
		for k < len(s) && s[k] != '"' {
			if s[k] == '\\' && k+1 < len(s) {
				k++
			}
			b.WriteByte(s[k])
			k++
		}
		return b.String(), min(k+1, len(s))
	case '`':
		k := strings.IndexByte(s[i+1:], '`')
		if k < 0 {
			return s[i+1:], len(s)
		}
		return s[i+1 : i+1+k], i + 2 + k
	}
	k := i
	for k < len(s) && !isSpace(s[k]) {
		k++
	}
	return s[i:k], k
}
