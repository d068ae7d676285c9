package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// A piece rendered in parts on several cores reads exactly as one
// rendered whole: long pieces made of the bundled archive's bodies, and one
// with the Markdown that must never be cut (fences, lists, quotes, tables,
// reference links).
func TestSplitRenderingEqualsWholeRendering(t *testing.T) {
	a, _ := archive.Load(archive.Bundled())
	var all strings.Builder
	for _, p := range a.Articles {
		all.WriteString(p.Body)
		all.WriteString("\n\n")
	}
	tricky := strings.Repeat(`A paragraph of plain text that goes on for a while, long enough to wrap at
the reader's width and then some more words.

`+"```"+`
code block

with a blank line inside
`+"```"+`

- a list item

- a loose list item

  continued under it

1. first
2. second

> a quote

> another quote

| a | b |
|---|---|
| 1 | 2 |

Heading
=======

Text after a heading, and a [link](https://example.org) in it.

`, 60)
	withRefs := tricky + "Text with a [reference link][r].\n\n[r]: https://example.org/ref\n"
	for name, md := range map[string]string{"bundled": all.String(), "tricky": tricky, "references": withRefs} {
		for _, width := range []int{40, 76, 120} {
			parts := splitMarkdown(md, 2)
			if name != "references" && len(parts) < 2 {
				t.Errorf("%s: not split (%d bytes)", name, len(md))
			}
			whole, err := renderPart(md, width, "dark")
			if err != nil {
				t.Fatal(err)
			}
			split, err := renderMarkdown(md, width, "dark")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(whole, split) {
				for i := range min(len(whole), len(split)) {
					if whole[i] != split[i] {
						t.Errorf("%s at width %d: line %d differs:\nwhole %q\nsplit %q", name, width, i, whole[i], split[i])
						break
					}
				}
				t.Errorf("%s at width %d: %d lines whole, %d split", name, width, len(whole), len(split))
			}
		}
	}
}
