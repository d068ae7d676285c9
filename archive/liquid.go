package archive

import (
	"strings"

	"github.com/folio-tui/folio/internal/nextindex"
)

// liquid renders the Liquid tags ({% … %}) of a Jekyll piece as the site
// shows them: {% comment %}…{% endcomment %} shows nothing (it is no text
// to search either), {% raw %}…{% endraw %} its text as written, and
// {% highlight lang %}…{% endhighlight %} a fenced code block. Another
// tag with arguments ({% include video.html id="x" %}) becomes
// "[include: video.html id="x"]", as an unknown Hugo shortcode does, and
// one without ({% endif %}, Zola's {% end %}) disappears, what it encloses
// staying. A tag over maxShortcode bytes, or a block whose end is missing
// or more than maxRaw bytes on, is left as written. It takes time linear in
// the length of s.
func liquid(s string) string {
	if !strings.Contains(s, "{%") {
		return s
	}
	tagEnd := nextindex.New(s, "%}")
	ends := map[string]*nextindex.Finder{}
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for {
		j := strings.Index(s[i:], "{%")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		b.WriteString(s[i:j])
		e := tagEnd.Index(j + 2)
		if e < 0 || e-j > maxShortcode || j > 0 && s[j-1] == '{' { // {{% … %}} is Hugo's
			b.WriteString("{%")
			i = j + 2
			continue
		}
		name, args := liquidTag(s[j+2 : e])
		after := e + 2
		switch name {
		case "comment", "raw", "highlight":
			f := ends[name]
			if f == nil {
				f = nextindex.New(s, "end"+name)
				ends[name] = f
			}
			k := f.Index(after)
			open := -1
			if k >= 0 && k-after <= maxRaw {
				open = strings.LastIndex(s[after:k], "{%")
			}
			end := -1
			if open >= 0 {
				end = tagEnd.Index(k)
			}
			if end < 0 || end-k > maxShortcode {
				b.WriteString(s[j:after]) // no end: the tag as written
				i = after
				continue
			}
			body := s[after : after+open]
			switch name {
			case "raw":
				b.WriteString(body)
			case "highlight":
				lang, _, _ := strings.Cut(args, " ")
				b.WriteString("```" + lang + "\n" + strings.Trim(body, "\r\n") + "\n```")
			}
			i = end + 2
		default:
			if name != "" && args != "" {
				b.WriteString("[" + name + ": " + args + "]")
			}
			i = after
		}
	}
	return b.String()
}

// liquidTag is a tag's name and arguments, whitespace control ({%- -%})
// and spaces trimmed.
func liquidTag(inner string) (name, args string) {
	inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(inner, "-"), "-"))
	name, args, _ = strings.Cut(inner, " ")
	return strings.TrimSpace(name), strings.TrimSpace(args)
}
