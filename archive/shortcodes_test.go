package archive

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestHugoFixtureReadsAsTheSiteShowsIt(t *testing.T) {
	a, probs := loadSite(t, "../testdata/hugo")
	if n, _ := CountProblems(probs); n != 0 {
		t.Fatalf("problems: %v", probs)
	}
	p := byPathOf(t, a, "content/posts/gopher-week.md")
	if p.Title != "A week with the gopher" || strings.Join(p.Authors, ",") != "Ana Lima,Rob Kerr" ||
		strings.Join(p.Tags, ",") != "gophercon,go fix" || p.Standfirst != "Notes from a week of talks, with pictures." {
		t.Errorf("fields: %+v", p)
	}
	for _, want := range []string{
		`\[image: A gopher on a stage — The gopher, *live*\] /images/gopher-stage.jpg`,
		`\[video: Keynote: Go at 15\] https://www.youtube.com/watch?v=w7Ft2ymGmfc`,
		`\[tweet\] https://x.com/golang/status/1453110110599868418`,
		`[here](/first-post.md)`, // a ref: from the folder, then up (LinkCandidates)
		`[the bundle](/posts/bundle-post)`,
		`\[image\] gophercon/stage.png`,
		`\[video\] https://www.youtube.com/embed/gPJkM95KpKo`,
		`\[code: gophercon/handler.go\]`,
		"\n\t$ go run handler.go\n\tlistening on :8080\n",
		`\[image: The conference badge\] /images/badge.png`,
		`Slides are [on the site](https://example.com/slides).`,
		"`{{< figure src=\"x.png\" >}}`",
		"```go\nfmt.Println(\"hello, gophers\")\n```",
		`summed it up\[1\] in a tweet`,
		`who came.\[2\]`,
		"---\n\nNotes:\n\n1. The tweet is from the Go team's account.\n2. And to the volunteers,\n    who ran the badge desk.",
	} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, gone := range []string{"{{<", "{{image", "{{raw", "{{code", "{{video", "<div", "<img", "[^"} {
		if strings.Count(p.Body, gone) > map[string]int{"{{<": 1}[gone] { // the escaped one is meant to show
			t.Errorf("body still holds %q:\n%s", gone, p.Body)
		}
	}
}

func TestReadableForms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{{< figure src="/a.png" title="T" >}}`, `\[image: T\] /a.png`},
		{`{{< figure src="/a.png" alt="A cat" >}}`, `\[image: A cat\] /a.png`},
		{`{{< figure src="/a.png" alt="A cat" caption="A cat." >}}`, `\[image: A cat\] /a.png`},
		{`{{< figure src="/a.png" alt="A cat" title="Tom" caption="Asleep" >}}`, `\[image: A cat — Tom — Asleep\] /a.png`},
		{`{{< figure src="/a b.png" >}}`, `\[image\] /a%20b.png`},
		{`{{< youtube w7Ft2ymGmfc >}}`, `\[video\] https://www.youtube.com/watch?v=w7Ft2ymGmfc`},
		{`{{< vimeo 146022717 >}}`, `\[video\] https://vimeo.com/146022717`},
		{`{{< tweet 877500564405444608 >}}`, `\[tweet\] https://twitter.com/i/status/877500564405444608`},
		{`{{< gist spf13 7896402 >}}`, `\[gist\] https://gist.github.com/spf13/7896402`},
		{`{{< instagram BWNjjyYFxVx >}}`, `\[instagram\] https://www.instagram.com/p/BWNjjyYFxVx`},
		{`{{% notice warning %}}Mind the gap{{% /notice %}}`, `\[notice: warning\]Mind the gap`},
		{`{{< note >}}Inside{{< /note >}}`, `Inside`},
		{`{{< details summary="More" >}}hidden{{< /details >}}`, `**More**hidden`},
		// Hugo's comment shortcode hides what it encloses; Zola's
		// shortcodes (a helper's report: shown as written)
		{"A{{< comment >}}secret{{< /comment >}}B", "AB"},
		{"A{{< comment >}}unclosed", "Aunclosed"},
		{`{{ youtube(id="dQw4w9WgXcQ") }}`, `\[video\] https://www.youtube.com/watch?v=dQw4w9WgXcQ`},
		{`{{ vimeo(id='124313553', class="x") }}`, `\[video\] https://vimeo.com/124313553`},
		{`{{ gist(url="https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57") }}`, `\[gist\] https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57`},
		{`{{ figure(src="a.png", caption="A, B") }}`, `\[figure: a.png A, B\]`},
		{`{{ hr() }}x`, `{{ hr() }}x`}, // no arguments, not a built-in: it may be a template's
		{`{% note(kind="warning") %}Careful{% end %}`, `Careful`},
		{`{{/* youtube(id="x") */}}`, `{{ youtube(id="x") }}`},
		{`{% if x %}stays{% endif %}`, `{% if x %}stays{% endif %}`},
		{`{{< param author >}}`, ``},
		{`{{< figure src="x.png" caption="a [b] c" />}}`, `\[image: a \[b\] c\] x.png`},
		{`see {{< ref "posts/x.md#part" >}}`, `see /posts/x.md#part`},
		{`see {{< relref "../x.md" >}} {{< ref "#part" >}}`, `see ../x.md #part`},
		{"{{raw\n`<b>x</b> & y`}}", `x & y`}, // raw HTML, shown as the page shows it
		{`{{play "a/b.go" /START/ /END/}}`, `\[code: a/b.go\]`},
		{`template text {{.Title}} and {{ .Date }}`, `template text {{.Title}} and {{ .Date }}`},
		{`{{< unclosed`, `{{< unclosed`},
		{`{{raw ` + "`never closed", `{{raw ` + "`never closed"},
		{`{{image "a.png"`, `{{image "a.png"`},
		{`text <img src="/i.png" alt="An &amp; B"> more`, `text \[image: An & B\] /i.png more`},
		{"<figure>\n<img src=\"f.png\" alt=\"F\">\n<figcaption>The caption</figcaption>\n</figure>", "\\[image: F\\] f.png\n\nThe caption"},
		{"<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", `\[video\] https://www.youtube.com/embed/x`},
		{"```\n<div>kept</div>\n{{< figure src=\"in-code.png\" >}}\n```", "```\n<div>kept</div>\n\\[image\\] in-code.png\n```"},
		{"\t<div>indented code</div>", "\t<div>indented code</div>"},
		{"<a href=\"/x\">A link</a> starts a *paragraph*.", "[A link](/x) starts a *paragraph*."},
		// inline links in a line of text are Markdown links (a helper's
		// report: their targets were dropped); in code they stay, without
		// an href they are their text, as any inline tag (inlinehtml.go)
		{`See <A HREF='/posts/second/'>the [2nd]</a> and <a class="x" href="https://example.org/a?b=1&amp;c=2">ext</a>.`,
			`See [the \[2nd\]](/posts/second/) and [ext](https://example.org/a?b=1&c=2).`},
		{`<a href="my file (1).md">f</a> <a name="top">t</a> <a href="x"></a>`, `[f](<my file (1).md>) t [](x)`},
		{"`<a href=\"/x\">code</a>` and <a href=\"/y\">y</a>", "`<a href=\"/x\">code</a>` and [y](/y)"},
		{`<a href="/big.png"><img src="/small.png" alt="S"></a> <abbr title="t">T</abbr>`, `\[image: S\] /small.png T`},
		{"<img src=\"a.png\" alt=\"A\"> and *text*", "\\[image: A\\] a.png and *text*"},
		{"<a href=\"/big.png\">\n<img src=\"/small.png\" alt=\"S\">\n</a>", "\\[image: S\\] /small.png"},
		{"<pre>\n  a\n\n  b\n</pre>\nafter", "```\n  a\n\n  b\n```"},
		{"<table><tr><th>Year</th><th>Value</th></tr><tr><td>2022</td><td>5</td></tr></table>", "| Year | Value |\n|---|---|\n| 2022 | 5 |"},
		{"A[^1] and B[^x] and C[^nope].\n\n[^x]: Ex.\n[^1]: One.", "A\\[1\\] and B\\[2\\] and C[^nope].\n\n---\n\nNotes:\n\n1. One.\n2. Ex.\n"},
		{"```\n[^1]: in code\n```\nx[^1]", "```\n[^1]: in code\n```\nx[^1]"},
	} {
		got := Readable(c.in)
		if !strings.Contains(got, c.want) {
			t.Errorf("Readable(%q) =\n%q\nwant it to hold %q", c.in, got, c.want)
		}
	}
}

func TestFootnotesNumberedInReferenceOrder(t *testing.T) {
	got := Readable("A[^b] then[^a] again[^b].\n\n[^a]: Note a\n  continued.\n\n    Second paragraph.\n[^b]: Note b.\n[^c]: Never referred to.\n\nAfter the notes.")
	want := "A\\[1\\] then\\[2\\] again\\[1\\].\n\nAfter the notes.\n\n---\n\nNotes:\n\n1. Note b.\n2. Note a\n      continued.\n\n    Second paragraph.\n3. Never referred to.\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// a reference in a code span is text as written (a helper's report:
	// shown as \[1\]); an unclosed backtick is text
	got = Readable("Write `[^1]` or ``a ` [^1]`` for a note[^1], ` [^1].\n\n[^1]: The note.")
	want = "Write `[^1]` or ``a ` [^1]`` for a note\\[1\\], ` \\[1\\].\n\n---\n\nNotes:\n\n1. The note.\n"
	if got != want {
		t.Errorf("code spans: got\n%q\nwant\n%q", got, want)
	}
}

// Zola's shortcodes are read outside code alone, and a call that cannot
// be Zola's (a positional argument), or a {% end %} that closes no block,
// stays as written: a note about Jinja or Tornado templates keeps its
// examples (a review: they were rewritten, in code too).
func TestZolaShortcodesLeaveOtherTemplatesAlone(t *testing.T) {
	for in, want := range map[string]string{
		"{{ url_for('static', filename='s.css') }}":              "{{ url_for('static', filename='s.css') }}",
		"{{ formatDate(post.date) }}":                            "{{ formatDate(post.date) }}",
		"`{{ total() }}` and `{% end %}` and {% end %}":          "`{{ total() }}` and `{% end %}` and {% end %}",
		"```\n{{ youtube(id=\"x\") }}\n{% end %}\n```":           "```\n{{ youtube(id=\"x\") }}\n{% end %}\n```",
		"    {{ youtube(id=\"x\") }}":                            "    {{ youtube(id=\"x\") }}",
		"{%/* quote(author=\"V\") */%} E {%/* end */%}":          "{% quote(author=\"V\") %} E {% end %}",
		"{% note() %}A{% end %} B {% end %}":                     "A B {% end %}",
		"See `{{ youtube(id=\"x\") }}`: {{ youtube(id=\"y\") }}": "See `{{ youtube(id=\"x\") }}`: \\[video\\] https://www.youtube.com/watch?v=y",
	} {
		if got := Readable(in); got != want {
			t.Errorf("Readable(%q) = %q, want %q", in, got, want)
		}
	}
}

// hostileBodies are bodies built to make a careless scanner quadratic or a
// converter blow up: openings that never close, deep or misnested HTML,
// thousands of references.
func hostileBodies(size int) map[string]string {
	rep := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	blocks := func(unit string, block int) string {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(strings.Repeat(unit, block/len(unit)) + "\n\n")
		}
		return b.String()
	}
	return map[string]string{
		"unclosed shortcodes": rep("{{<"),
		"unclosed percent":    rep("{{% x "),
		"unclosed raw":        rep("{{raw `"),
		"unclosed calls":      rep("{{image \""),
		"escaped shortcodes":  rep("{{</* x */>}}"),
		"unclosed comments":   rep("{{< comment >}} /comment "),
		"zola calls":          rep("{{ x(a=\"b\", "),
		"closed zola calls":   rep("{{ x(a=\"b\", c='d') }} {% y() %}{% end %}"),
		"zola blocks":         rep("{% x() %}{% "),
		"closing shortcodes":  rep("{{< /x >}}"),
		"backtick runs":       rep("[^a] `` ` ``` ") + "\n\n[^a]: x",
		"nested divs":         blocks("<div>", 60000),
		"unclosed a p":        blocks("<a><p>", 60000),
		"misnested":           blocks("<div><b><i></b></i>", 60000),
		"images in a block":   blocks("<img src=x alt=y>", 60000),
		"inline images":       rep("text <img src=x alt=y> "),
		"long table cell":     "<table><tr><td>" + strings.Repeat("x", 30000) + "</td></tr>" + strings.Repeat("<tr><td>1</td></tr>", 1500) + "</table>",
		"unclosed pre":        rep("<pre>\n"),
		"references":          rep("[^a]") + "\n\n[^a]: x",
		"definitions":         rep("[^a]: x\n"),
		"fences":              rep("```\n"),
	}
}

// A hostile body is read in one pass and grows by a bounded factor. A
// quadratic scanner would take many minutes on these 1 MB bodies; the time
// is in BenchmarkReadableHostile (about 2 MB/s at the slowest, images in
// HTML blocks, at 1 MB as at 4 MB: linear).
func TestReadableHostileBodies(t *testing.T) {
	size := 1 << 20
	if testing.Short() {
		size = 256 << 10
	}
	for name, in := range hostileBodies(size) {
		if out := Readable(in); len(out) > 8*len(in)+1024 {
			t.Errorf("%s: %d bytes became %d", name, len(in), len(out))
		}
	}
}

func BenchmarkReadableHostile(b *testing.B) {
	for _, size := range []int{1 << 20, 4 << 20} {
		for name, in := range hostileBodies(size) {
			b.Run(fmt.Sprintf("%s/%dMB", name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					Readable(in)
				}
			})
		}
	}
}

func FuzzReadable(f *testing.F) {
	fixture, err := os.ReadFile("../testdata/hugo/content/posts/gopher-week.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(fixture))
	for _, in := range hostileBodies(300) {
		f.Add(in)
	}
	f.Add("{{< figure src=\"\\\" caption=`x` >}}{{<x/>}}{{%/x%}}{{raw\n``}}")
	f.Add("<div>\n<img src=x alt='y'>\n<table><tr><td>a</td></tr></table>\n</div>\n\n<pre>\n\n</pre>")
	f.Add("a[^1][^2]\n[^1]: b[^2]\n[^2]: c[^1]\n    d\n\n\te")
	f.Fuzz(func(t *testing.T, in string) {
		out := Readable(in)
		if len(out) > 8*len(in)+1024 {
			t.Fatalf("%d bytes became %d", len(in), len(out))
		}
		a, probs := Parse("p.md", []byte("---\ntitle: T\ndate: 2020-01-01\n---\n"+in))
		if !IsFatal(probs) && Sanitize(a.Body) != a.Body {
			t.Fatalf("body not sanitised after Readable: %q", a.Body)
		}
	})
}

// A heading's attribute list ({#id}, {.class}) is not shown, in a Hugo
// page and a Jekyll post; braces that are no attribute list, and code,
// stay (a helper's report).
func TestHeadingAttributesAreNotShown(t *testing.T) {
	body := "## Custom Heading {#custom-id}\n\n### Classy {.red .big}\n\n# Both {#x .y data-a=\"1\"}\n\n## Sets {a, b}\n\n```\n## Code {#kept}\n```\n\nText {#kept-in-text}\n"
	for _, name := range []string{"content/posts/a.md", "_posts/2021-01-01-a.md"} {
		a, probs := Parse(name, []byte("---\ntitle: T\ndate: 2021-01-01\n---\n"+body))
		if IsFatal(probs) {
			t.Fatal(probs)
		}
		for _, want := range []string{"## Custom Heading\n", "### Classy\n", "# Both\n", "## Sets {a, b}", "## Code {#kept}", "Text {#kept-in-text}"} {
			if !strings.Contains(a.Body+"\n", want) {
				t.Errorf("%s: no %q in\n%s", name, want, a.Body)
			}
		}
		if strings.Contains(a.Body, "{#custom-id}") || strings.Contains(a.Body, "{.red") {
			t.Errorf("%s: attributes shown:\n%s", name, a.Body)
		}
	}
}

// An <img> in code is code as written: in a code span of any number of
// backticks (across lines too) and in a fenced block behind a block
// quote's markers or in a list item, at any depth; outside code it is
// "[image] URL" (a helper's report: a double-backtick span and "> ```" blocks were
// rewritten, in show --raw, snippets and quotes).
func TestReadableLeavesImagesInCodeAsWritten(t *testing.T) {
	in := "One `<img src=a.png>` two.\n\n" +
		"> ```\n> <img src=\"in-quote-fence.png\">\n> ```\n\n" +
		"> > ~~~~\n> > <img src=\"deep-quote.png\">\n> > ~~~~\n\n" +
		"``<img src=\"double-tick.png\">``\n\n" +
		"Spans ``a ` b\n<img src=\"two-lines.png\"> c``.\n\n" +
		"- item\n  - sub\n    ```\n    <img src=\"in-list-fence.png\">\n    ```\n\n" +
		"1. ```\n   <img src=\"on-marker.png\">\n   ```\n\n" +
		"Real <img src=\"real.png\"> and `x` <img src=\"after.png\"> and \\`<img src=\"escaped.png\">`.\n\n" +
		"> ```\n> <img src=\"quote-ends.png\">\n\n<img src=\"after-quote.png\"> text\n"
	a, probs := Parse("p.md", []byte("---\ntitle: T\ndate: 2020-01-01\n---\n"+in))
	if IsFatal(probs) {
		t.Fatal(probs)
	}
	for _, kept := range []string{"`<img src=a.png>`", "> <img src=\"in-quote-fence.png\">", "> > <img src=\"deep-quote.png\">",
		"``<img src=\"double-tick.png\">``", "<img src=\"two-lines.png\"> c``", "    <img src=\"in-list-fence.png\">",
		"   <img src=\"on-marker.png\">", "> <img src=\"quote-ends.png\">"} {
		if !strings.Contains(a.Body, kept) {
			t.Errorf("body lost %q:\n%s", kept, a.Body)
		}
	}
	for _, img := range []string{`\[image\] real.png`, `\[image\] after.png`, `\[image\] escaped.png`, `\[image\] after-quote.png`} {
		if !strings.Contains(a.Body, img) {
			t.Errorf("body has no %q:\n%s", img, a.Body)
		}
	}
}

// A text "&" that would begin a reference is written "&amp;": the HTML
// "&amp;copy;" shows "&copy;", and was the Markdown "&copy;", shown ©.
// Code stays as it is; an "&" that begins none stays too.
func TestHTMLConverterKeepsTextReferencesText(t *testing.T) {
	md, err := HTMLConverter().ConvertString(`<p>Use &amp;copy; to write &copy;, &amp;notit; &amp;#169; R&amp;D a &amp; b.</p>` +
		`<p><code>&amp;copy;</code> <img alt="&amp;lt;" src="/i.png?a&amp;copy=1"></p>`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Use &amp;copy; to write ©, &amp;notit; &amp;#169; R&D a & b.", "`&copy;`", `\[image: &amp;lt;\] /i.png?a&amp;copy=1`} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
}
