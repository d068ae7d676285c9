package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Terminal is an archive written by WriteTerminal: pieces, names and keys
// that try to act on the terminal once folio has decoded, rendered or printed
// them. Every payload that sets the window title or the clipboard carries
// the word PWNED.
type Terminal struct {
	Dir      string   // the archive folder; its own name holds ESC, BEL and U+202E
	Pieces   []string // ids of the pieces that load
	Entities string   // the piece with every C0/C1 control and bidi control as a character reference
	Links    string   // the piece with links to javascript:, file:, smb:, data: and https
	// Problems are what folio check must print for the files it cannot
	// load well: the end of each line, from the file's name (quoted, as the
	// folder's name is quoted before it) on. The names hold ESC, BEL, a
	// newline, invalid UTF-8, C1 and bidi characters.
	Problems []string
	RSS, WXR string // feed files (outside Dir) for folio import
}

// controlRefs writes every C0 and C1 control, DEL and every bidi control
// as a decimal and a hex character reference, each between two letters.
func controlRefs() string {
	var b strings.Builder
	var codes []int
	for c := 0; c < 0x20; c++ {
		codes = append(codes, c)
	}
	for c := 0x7f; c <= 0x9f; c++ {
		codes = append(codes, c)
	}
	codes = append(codes, 0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069)
	for _, c := range codes {
		fmt.Fprintf(&b, "a&#%d;b&#x%x;c&#X%X;d ", c, c, c)
	}
	return b.String()
}

// payload is the classic line of issue 12: a title, colour and a clipboard
// write as character references, a C1 CSI and a right-to-left override.
const payload = "Hello &#27;]0;PWNED&#7; &#x1b;[31mRED&#x1b;[0m &#27;]52;c;UFdORUQ=&#7; &#155;2J &#8238;evil&#8236;"

// WriteTerminal writes the archive into a new folder under parent, and the
// feeds next to it.
func WriteTerminal(parent string) (Terminal, error) {
	tm := Terminal{
		Dir:      filepath.Join(parent, "arch\x1b]2;PWNED-DIR\a\u202e"),
		Entities: "entities",
		Links:    "links",
		Pieces:   []string{"entities", "links", "name-2-pwned-file"},
		RSS:      filepath.Join(parent, "feed.xml"),
		WXR:      filepath.Join(parent, "export.xml"),
	}
	front := func(extra string) string {
		return "---\ntitle: Hostile " + extra + "\ndate: 2017-01-01\n"
	}
	files := map[string]string{
		"entities.md": front("entities") +
			"note: \"Note &#27;]0;PWNED-NOTE&#7; &#155; &#8238;\"\n" +
			"standfirst: \"Standfirst &#27;]0;PWNED-SF&#7;\"\n---\n" +
			payload + "\n\n" +
			"Every control: " + controlRefs() + "\n\n" +
			"Twice escaped, shown as text: &amp;#27;]2;PWNED&amp;#7;\n\n" +
			"# Heading &#27;]2;PWNED-H&#7; &#x9b;1m\n\n" +
			"> A quote &#27;]2;PWNED-Q&#7; &#x202e;\n\n" +
			"- an item &#27;]2;PWNED-L&#7;\n- *emphasis &#27;]2;PWNED-E&#7;* and **strong &#x1b;P1$qm&#x1b;\\\\**\n\n" +
			"| a | b |\n|---|---|\n| &#27;]2;PWNED-T&#7; | &#x9b;2J &#x85; |\n\n" +
			"<span>&#27;]2;PWNED-HTML&#7;</span>\n\n" +
			"DCS &#27;P1$qm&#27;\\ APC &#27;_Gf=100;AAAA&#27;\\ PM &#27;^x&#27;\\ SOS &#27;Xx&#27;\\ " +
			"OSC 8 &#27;]8;;javascript:alert(1)&#7;click&#27;]8;;&#7; bell&#7; backspace&#8; CR&#13; erase&#27;[2J&#27;[H\n",
		"links.md": front("links") + "---\n" +
			"[js](javascript:alert(1)) [file](file:///etc/passwd) [smb](smb://host/share) [data](data:text/html,x) " +
			"[JS](JaVaScRiPt:alert(2)) <javascript:alert(3)> <file:///etc/shadow> ![img](javascript:alert(4)) " +
			"[ref][r] [esc](https://example.org/&#27;]2;PWNED-URL&#7;) [ok](https://example.org/ok) <https://example.org/auto>\n\n" +
			"<a href=\"javascript:alert(5)\">html link</a>\n\n[r]: smb://host/ref\n",
		// Loads, with a problem naming the file (its url).
		"name\x1b]2;PWNED-FILE\a.md": front("name") + "url: \"javascript:alert(1)\"\n---\nBody.\n",
		// Fatal problems: the name is all folio check can show.
		"new\nline.md":         "---\ntitle: no date\n---\n",
		"bad\xffname.md":       "---\ntitle: no date\n---\n",
		"rlo\u202egpj.md":      "---\ntitle: no date\n---\n",
		"c1\u009b2Jname.md":    "---\ntitle: no date\n---\n",
		"dir\x1b[31m/piece.md": "---\ntitle: no date\n---\n",
		// A key folio does not read is not decoded: the piece loads, and
		// nothing names the key.
		"key.md": front("key") + "\"k\\e]2;PWNED-KEY\\a\\u202e\": !!int abc\n---\n",
		// A value with escapes, quoted in the message.
		"value.md":                    "---\ntitle: Hostile value\ndate: !!int \"2017\\e]2;PWNED-VAL\\a\\u202e\"\n---\n",
		"toml.md":                     "+++\ntitle = \"T\"\ndate = 2017-01-01\n\"k\\u001b]2;PWNED-TOML\\u0007\" = 1\n\"k\\u001b]2;PWNED-TOML\\u0007\" = 2\n+++\n",
		"note\x1b]52;c;UFdORUQ=\a.md": "not front matter\n",
	}
	tm.Problems = []string{
		`name\x1b]2;PWNED-FILE\a.md":4: url: not an http(s) URL`,
		`new\nline.md":1: missing date`,
		`bad\xffname.md":`,
		`rlo\u202egpj.md":1: missing date`,
		`c1\u009b2Jname.md":1: missing date`,
		`dir\x1b[31m/piece.md":1: missing date`,
		"value.md\":3: invalid front matter: date: cannot decode !!str `2017\\x1b]2;PWNED-VAL\\a\\u202e`",
		`toml.md":5: invalid front matter: `,
		`note\x1b]52;c;UFdORUQ=\a.md":1: no front matter`,
	}
	for name, text := range files {
		p := filepath.Join(tm.Dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return tm, err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return tm, err
		}
	}
	rss := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile feed</title><link>https://feed.example.org/</link>
<item><title>RSS entities</title><link>https://feed.example.org/rss-entities</link><guid>rss-1</guid>
<pubDate>Mon, 02 Jan 2017 10:00:00 +0000</pubDate>
<description>Double &amp;#27;]2;PWNED-RSS&amp;#7; and &amp;#x1b;[31mred &amp;#155; &amp;#8238;evil
&lt;a href="javascript:alert(1)"&gt;js&lt;/a&gt; &lt;a href="https://example.org/fine"&gt;fine&lt;/a&gt;</description>
</item>
<item><title>RSS CDATA</title><link>https://feed.example.org/rss-cdata</link><guid>rss-2</guid>
<pubDate>Tue, 03 Jan 2017 10:00:00 +0000</pubDate>
<description><![CDATA[<p>Double &amp;#27;]2;PWNED-RSS2&amp;#7; &amp;#155; &amp;#8238;evil <a href="javascript:alert(1)">js</a></p>]]></description>
</item></channel></rss>
`
	wxr := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Hostile blog</title><link>https://blog.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Odd type</title><link>https://blog.example.org/a</link><guid>wxr-1</guid>
<pubDate>Mon, 02 Jan 2017 10:00:00 +0000</pubDate><wp:post_type>page` + "\u0085\u009b2J\u202e" + `</wp:post_type><wp:status>publish</wp:status>
<content:encoded><![CDATA[<p>x</p>]]></content:encoded></item>
<item><title>Odd status</title><link>https://blog.example.org/b</link><guid>wxr-2</guid>
<pubDate>Mon, 02 Jan 2017 10:00:00 +0000</pubDate><wp:post_type>post</wp:post_type><wp:status>draft` + "\u009d0;PWNED-WXR\u009c\u2066" + `</wp:status>
<content:encoded><![CDATA[<p>x</p>]]></content:encoded></item>
<item><title>Published</title><link>https://blog.example.org/c</link><guid>wxr-3</guid>
<pubDate>Mon, 02 Jan 2017 10:00:00 +0000</pubDate><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded><![CDATA[<p>Hello &#27;]0;PWNED-WXR&#7; <a href="javascript:alert(1)">js</a> &#155; &#8238;</p>]]></content:encoded></item>
</channel></rss>
`
	if err := os.WriteFile(tm.RSS, []byte(rss), 0o644); err != nil {
		return tm, err
	}
	return tm, os.WriteFile(tm.WXR, []byte(wxr), 0o644)
}
