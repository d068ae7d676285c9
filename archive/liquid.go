package archive

import (
	"strings"

	"github.com/folio-tui/folio/internal/nextindex"
)

// liquid renders the Liquid tags ({% … %}) of a Jekyll piece as the site
// shows them: {% comment %}…{% endcomment %} shows nothing (it is no text
// to search either; comments nest, as Liquid's blocks do), {% raw %}…{% endraw %} its text as written, and
// {% highlight lang %}…{% endhighlight %} a fenced code block, {% capture %}
// nothing, {% assign %} nothing, {% post_url x %} and {% link x %} the
// file's path from the site's root; its output tags as liquidOutputs
// reads them. Another tag with arguments ({% include video.html id="x" %}) becomes
// "[include: video.html id="x"]", as an unknown Hugo shortcode does, and
// one without ({% endif %}) disappears, what it encloses
// staying. A tag over maxShortcode bytes, or a block whose end is missing
// or more than maxRaw bytes on, is left as written. It takes time linear in
// the length of s.
func liquid(s string) string {
	if !strings.Contains(s, "{%") {
		return liquidOutputs(s)
	}
	tagEnd := nextindex.New(s, "%}")
	ends := map[string]*endTags{}
	var comments map[int]int // made at the first comment tag
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for {
		j := strings.Index(s[i:], "{%")
		if j < 0 {
			b.WriteString(liquidOutputs(s[i:]))
			break
		}
		j += i
		b.WriteString(liquidOutputs(s[i:j]))
		e := tagEnd.Index(j + 2)
		if e < 0 || e-j > maxShortcode || j > 0 && s[j-1] == '{' { // {{% … %}} is Hugo's
			b.WriteString("{%")
			i = j + 2
			continue
		}
		name, args := liquidTag(s[j+2 : e])
		after := e + 2
		switch name {
		case "comment":
			if comments == nil {
				comments = pairComments(s)
			}
			end, ok := comments[j]
			if !ok || end-after > maxRaw {
				b.WriteString(s[j:after]) // no end: the tag as written
				i = after
				continue
			}
			i = end
		case "raw", "highlight", "capture":
			f := ends[name]
			if f == nil {
				f = &endTags{s: s, name: nextindex.New(s, "end"+name), at: -2}
				ends[name] = f
			}
			k, start := f.next(after)
			open := -1
			if k >= 0 && k-after <= maxRaw {
				open = start - after
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
			case "capture":
				// it sets a variable: nothing shows where it is
			default: // highlight
				lang, _, _ := strings.Cut(args, " ")
				b.WriteString("```" + lang + "\n" + strings.Trim(body, "\r\n") + "\n```")
			}
			i = end + 2
		case "post_url":
			// a link to a post by its file's name: written as the file's
			// path from the site's root, which names the post
			// (LinkCandidates) as Jekyll's URL of it does
			b.WriteString("/_posts/" + args)
			i = after
		case "link":
			b.WriteString("/" + strings.TrimPrefix(args, "/")) // a file's path from the site's root
			i = after
		case "assign":
			i = after // it sets a variable: nothing shows (increment and cycle print values)
		default:
			if name != "" && args != "" {
				b.WriteString("[" + name + ": " + args + "]")
			}
			i = after
		}
	}
	return b.String()
}

// pairComments pairs the comment tags of s with their endcomment tags, as
// Liquid nests them: the position of each opener's "{%" → the position
// after its end's "%}". An opener without an end is not in it. A raw block
// is opaque, as in Liquid: its tags count for nothing. One pass over the
// tags of s.
func pairComments(s string) map[int]int {
	tagEnd := nextindex.New(s, "%}")
	raw := &endTags{s: s, name: nextindex.New(s, "endraw"), at: -2}
	pairs := map[int]int{}
	var open []int
	for i := 0; ; {
		j := strings.Index(s[i:], "{%")
		if j < 0 {
			return pairs
		}
		j += i
		e := tagEnd.Index(j + 2)
		if e < 0 || e-j > maxShortcode || j > 0 && s[j-1] == '{' {
			i = j + 2
			continue
		}
		switch name, _ := liquidTag(s[j+2 : e]); name {
		case "raw":
			// opaque, in a comment too: its tags are no tags
			if k, _ := raw.next(e + 2); k >= 0 && k-(e+2) <= maxRaw {
				if end := tagEnd.Index(k); end >= 0 && end-k <= maxShortcode {
					i = end + 2
					continue
				}
			}
		case "comment":
			open = append(open, j)
		case "endcomment":
			if n := len(open); n > 0 {
				pairs[open[n-1]] = e + 2
				open = open[:n-1]
			}
		}
		i = e + 2
	}
}

// liquidTag is a tag's name and arguments, whitespace control ({%- -%})
// and spaces trimmed.
func liquidTag(inner string) (name, args string) {
	inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(inner, "-"), "-"))
	name, args, _ = strings.Cut(inner, " ")
	return strings.TrimSpace(name), strings.TrimSpace(args)
}

// endTags finds a block's end tags ("{% endcomment %}", with "-" and
// spaces after "{%") at or after positions that only move forward,
// reading s once: the answer for one position is kept for the next.
type endTags struct {
	s    string
	name *nextindex.Finder // "end"+name
	from int               // the last answer is for positions from..at
	at   int               // where "end"+name of the tag is; -1 none; -2 not asked yet
	open int               // where the tag's "{%" is
}

// next is the position of the first end tag's name at or after p, and of
// its "{%"; -1 for none.
func (e *endTags) next(p int) (at, open int) {
	if e.at != -2 && p >= e.from && (e.at < 0 || p <= e.open) {
		return e.at, e.open
	}
	e.from = p
	for k := e.name.Index(p); k >= 0; k = e.name.Index(k + 1) {
		q := k
		for q > p && (e.s[q-1] == ' ' || e.s[q-1] == '\t' || e.s[q-1] == '-') {
			q--
		}
		if q-2 >= p && e.s[q-2:q] == "{%" {
			e.at, e.open = k, q-2
			return e.at, e.open
		}
	}
	e.at, e.open = -1, -1
	return -1, -1
}

// liquidOutputs renders the Liquid output tags ({{ … }}) of text between
// a Jekyll piece's tags that make a site path: a quoted path through
// relative_url or absolute_url is the path ({{ "/about/" | relative_url }}
// is /about/), site.baseurl and site.url are nothing (a site at its
// domain's root), so that such links name pieces. Any other stays as
// written: its value is the site's. Linear in the length of s.
func liquidOutputs(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	ends := nextindex.New(s, "}}")
	var b strings.Builder
	i := 0
	for {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			b.WriteString(s[i:])
			return b.String()
		}
		j += i
		e := ends.Index(j + 2)
		if e < 0 || e-j > maxShortcode {
			b.WriteString(s[i : j+2])
			i = j + 2
			continue
		}
		b.WriteString(s[i:j])
		if out, ok := liquidOutput(s[j+2 : e]); ok {
			b.WriteString(out)
		} else {
			b.WriteString(s[j : e+2])
		}
		i = e + 2
	}
}

// liquidOutput is what an output tag's inside shows, when liquidOutputs
// knows it.
func liquidOutput(inner string) (string, bool) {
	inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(inner, "-"), "-"))
	value, filters, _ := strings.Cut(inner, "|")
	value, filters = strings.TrimSpace(value), strings.TrimSpace(filters)
	switch {
	case value == "site.baseurl" || value == "site.url":
		return "", filters == "" || filters == "relative_url" || filters == "absolute_url"
	case len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] &&
		(filters == "relative_url" || filters == "absolute_url" || filters == "prepend: site.baseurl"):
		return value[1 : len(value)-1], true
	}
	return "", false
}
