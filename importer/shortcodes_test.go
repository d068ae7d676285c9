package importer

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

func TestWordPressShortcodesAndTables(t *testing.T) {
	dir := t.TempDir()
	rep := importFixture(t, "wordpress-shortcodes.xml", dir)
	if rep.Count(Added) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	arch := load(t, dir)
	a := arch.Articles[0]
	if a.Title != "A morning at the container terminal" || a.Date.String() != "2024-02-27" ||
		strings.Join(a.Authors, ",") != "Joan Mensah" || a.Outlet != "Harbour Notes" {
		t.Errorf("fields: %+v", a)
	}
	for _, want := range []string{
		"The cranes start before dawn.",
		`\[image: Ship-to-shore cranes at first light\] https://harbour.example.org/wp-content/uploads/2024/02/cranes-640x427.jpg`,
		`\[video\] https://www.youtube.com/watch?v=dQw4w9WgXcQ`,
		`\[image: A tug\] https://harbour.example.org/wp-content/uploads/2024/02/tug.jpg`,
		"A tug with no closing tag\n\nThis paragraph comes after a caption that was never closed, and must stay a paragraph.",
		`\[gallery: 2 images]`,
		`\[image\] https://harbour.example.org/wp-content/uploads/2024/02/stacks-1.jpg`,
		`\[image\] https://harbour.example.org/wp-content/uploads/2024/02/stacks-2.jpg`,
		`\[audio\] https://harbour.example.org/wp-content/uploads/2024/02/foghorn.mp3`,
		`\[video\] https://harbour.example.org/wp-content/uploads/2024/02/berthing.mp4`,
		"| Year | TEU (millions) |\n|---|---|\n| 2022 | 4.1 |\n| 2023 | 4.6 |",
		"Busier every year.",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, gone := range []string{"[caption", "[/caption]", "[embed]", "[gallery ", "[audio ", "[/audio]", "[video ", "<table"} {
		if strings.Contains(a.Body, gone) {
			t.Errorf("body still holds %q", gone)
		}
	}
}

func TestRSSTableIsATable(t *testing.T) {
	dir := t.TempDir()
	importFixture(t, "rss-table.xml", dir)
	a := load(t, dir).Articles[0]
	want := "The index rose again.\n\n| Year | Value |\n|---|---|\n| 2022 | 5 |\n| 2023 | 7 |\n\nMore next year."
	if a.Body != want {
		t.Errorf("body =\n%s\nwant\n%s", a.Body, want)
	}
}

// An opening that never closes, however many, is read once and takes
// nothing after it.
func TestUnclosedShortcodesTakeNothing(t *testing.T) {
	c := &itemConverter{}
	in := strings.Repeat("[caption id=\"x\"]text ", 20000) + "\n\nThe last paragraph."
	out := c.wpShortcodes(in)
	if !strings.HasSuffix(out, "\n\nThe last paragraph.") || strings.Contains(out, "[caption") {
		t.Errorf("tail = %q", out[max(0, len(out)-80):])
	}
	out = c.wpShortcodes("[embed]https://example.com/a\n\nNext paragraph[/embed]")
	if out != "https://example.com/a\n\nNext paragraph" {
		t.Errorf("embed across a blank line: %q", out)
	}
}

// A shortcode's attributes, and those of the <img> a caption holds, are
// decoded as the HTML parser decodes an <img>'s (archive's imgLine, the
// converter): "Tug&#9" ends in a tab, as HTML reads it (a read-through:
// html.UnescapeString left "&#9" at the end as written); a reference to a
// control is dropped, not decoded.
func TestShortcodeAttributesReadAsHTML(t *testing.T) {
	for _, v := range []string{"Tug&#9", "Tugs &amp; barges", "Tug&#38", "Au&#27;thor", "&#233;t&#xE9;", "a&#1"} {
		got := wpAttrs(`alt="` + v + `"`)["alt"]
		doc, err := xhtml.Parse(strings.NewReader(`<img alt="` + v + `">`))
		if err != nil {
			t.Fatal(err)
		}
		var want string
		var walk func(n *xhtml.Node)
		walk = func(n *xhtml.Node) {
			for _, a := range n.Attr {
				want = a.Val
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		want = strings.NewReplacer("\x1b", "", "\x01", "").Replace(want)
		if got != want {
			t.Errorf("wpAttrs(alt=%q) = %q, want %q", v, got, want)
		}
	}
}
