package importer

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/folio-tui/folio/internal/nextindex"
	"github.com/folio-tui/folio/internal/termsafe"
)

// WordPress shortcodes in an export's HTML, [caption]…[/caption] and the
// like, are written as the HTML of what WordPress shows for them before the
// post is converted to Markdown.

// wpShortcode is the opening of a shortcode folio reads (its attributes on
// one line, at most 1,000 bytes).
// wpShortcode is compiled when first used: its counted repetition expands
// to a thousand instructions, 1.5 ms at every start of folio when compiled
// at init.
var wpShortcode = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[(caption|wp_caption|embed|gallery|audio|video|playlist)((?:\s[^\]\n]{0,1000})?)\]`)
})

var wpAttr = regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))`)

// maxShortcodeContent caps what an enclosing shortcode may hold: its
// closing tag must come within this many bytes and before a blank line, or
// the opening stands alone and the text after it stays where it is.
const maxShortcodeContent = 8 << 10

// wpShortcodes rewrites the shortcodes of a post's HTML: a caption as
// "[image: caption] URL", an embed as "[embed] URL" ("[video] URL" for a
// video site), a gallery as its images, audio and video as "[audio] URL"
// and "[video] URL", each a paragraph of its own. An opening without its
// closing tag in the same paragraph is read alone: it never takes the
// paragraphs after it; a closing tag without its opening is dropped.
func (c *itemConverter) wpShortcodes(h string) string {
	if !strings.Contains(h, "[") {
		return h
	}
	h = strings.ReplaceAll(h, "\r\n", "\n")
	matches := wpShortcode().FindAllStringSubmatchIndex(h, -1)
	if len(matches) == 0 {
		return h
	}
	closers := map[string]*nextindex.Finder{}
	blank := nextindex.New(h, "\n\n")
	var b strings.Builder
	pos := 0
	for _, m := range matches {
		if m[0] < pos {
			continue // inside a shortcode already read
		}
		name, attrs := h[m[2]:m[3]], wpAttrs(h[m[4]:m[5]])
		end, content := m[1], ""
		f := closers[name]
		if f == nil {
			f = nextindex.New(h, "[/"+name+"]")
			closers[name] = f
		}
		if e := f.Index(m[1]); e >= 0 && e-m[1] <= maxShortcodeContent {
			if bl := blank.Index(m[1]); bl < 0 || bl > e {
				content, end = h[m[1]:e], e+len("[/]")+len(name) // past "[/name]"
			}
		}
		b.WriteString(wpClosing.ReplaceAllString(h[pos:m[0]], ""))
		if end > m[1] || name != "embed" { // an embed without its URL shows nothing
			b.WriteString(c.wpShow(name, attrs, content))
		}
		pos = end
	}
	b.WriteString(wpClosing.ReplaceAllString(h[pos:], ""))
	return b.String()
}

// wpClosing is a closing tag left without its opening.
var wpClosing = regexp.MustCompile(`\[/(?:caption|wp_caption|embed|gallery|audio|video|playlist)\]`)

// wpAttrs reads key="value" attributes.
func wpAttrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range wpAttr.FindAllStringSubmatch(s, 50) {
		k := strings.ToLower(m[1])
		if _, dup := out[k]; !dup {
			out[k] = termsafe.Unescape(m[2] + m[3] + m[4])
		}
	}
	return out
}

var imgTag = regexp.MustCompile(`(?is)<img\s[^>]*>`)

// wpShow is the HTML paragraph(s) that stand for one shortcode.
func (c *itemConverter) wpShow(name string, attrs map[string]string, content string) string {
	para := func(label, link string) string {
		s := "[" + label + "]"
		if link = c.mediaURL(link); link != "" {
			s += " " + link
		}
		return "\n<p>" + html.EscapeString(s) + "</p>\n"
	}
	// media is the element archive.HTMLConverter writes as "[image: alt] URL".
	media := func(tag, link, alt string) string {
		if link = c.mediaURL(link); link == "" {
			if tag == "img" {
				return para("image", "")
			}
			return para(tag, "")
		}
		return "\n<p><" + tag + ` src="` + html.EscapeString(link) + `" alt="` + html.EscapeString(alt) + `"></` + tag + ">" + "</p>\n"
	}
	switch name {
	case "caption", "wp_caption":
		img := imgTag.FindString(content)
		caption := attrs["caption"]
		if caption == "" {
			caption = htmlText(imgTag.ReplaceAllString(content, " "))
		}
		caption = strings.Join(strings.Fields(caption), " ")
		src, alt := "", ""
		if img != "" {
			a := wpAttrs(img[4:])
			src, alt = a["src"], a["alt"]
		}
		if caption == "" {
			caption = alt
		}
		if src == "" {
			return "\n<p>" + html.EscapeString(caption) + "</p>\n"
		}
		return media("img", src, caption)
	case "embed":
		link := strings.TrimSpace(htmlText(content))
		if link == "" {
			link = attrs["src"]
		}
		if isVideoSite(link) {
			return media("video", link, "")
		}
		return para("embed", link)
	case "audio", "video":
		keys := []string{"src", "mp3", "m4a", "ogg", "wav", "wma"}
		if name == "video" {
			keys = []string{"src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"}
		}
		for _, k := range keys {
			if v := attrs[k]; v != "" {
				return media(name, v, "")
			}
		}
		return para(name, "")
	case "gallery":
		var out strings.Builder
		var ids []string
		for _, id := range strings.Split(attrs["ids"], ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
		label := "gallery"
		if len(ids) > 0 {
			label += ": " + strconv.Itoa(len(ids)) + " images"
		}
		out.WriteString("\n<p>" + html.EscapeString("["+label+"]") + "</p>\n")
		for _, id := range ids {
			if u := c.attachments[id]; u != "" {
				out.WriteString(media("img", u, ""))
			}
		}
		return out.String()
	}
	return para(name, "")
}

// mediaURL is a shortcode's URL made absolute against the site, if it is one
// folio would open; else "".
func (c *itemConverter) mediaURL(s string) string { return c.link(s) }

func isVideoSite(link string) bool {
	for _, host := range []string{"youtube.com/", "youtu.be/", "vimeo.com/"} {
		if strings.Contains(link, host) {
			return true
		}
	}
	return false
}
