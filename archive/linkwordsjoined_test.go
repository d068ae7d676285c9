package archive

import "testing"

// The index reads a link inside a word as the reader shows it: the word
// whole in the link's text (LinkWordsJoined), by the renderer's rule for
// a link it shows and by markLine's for one folio writes out.
func TestLinkWordsJoined(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The [cat](https://e.com/x)alog.", "The [catalog](https://e.com/x)."},
		{"ex[pand](https://e.com/y)ed twice", "[expanded](https://e.com/y) twice"},
		{"[expand](rel/r.pdf)ed and ex[pand](rel/r.pdf)", "[expanded](rel/r.pdf) and [expand](rel/r.pdf)"},
		{"[expand](https://e.com/u)*ed*", "[expanded](https://e.com/u)"},
		{"[expand](https://e.com/u)**ed** it", "[expanded](https://e.com/u) it"},
		{"[expand](https://e.com/u)_ed_ it", "[expanded](https://e.com/u) it"},
		{"[expand](https://e.com/u)e*d*ly", "[expandedly](https://e.com/u)"},
		{"[expand](https://e.com/u)*ed and more*", "[expanded](https://e.com/u) *and more*"},
		{"[x](rel/path)*ed*", "[xed](rel/path)"},
		{"[x](rel/path)*ed and more*", "[x](rel/path)*ed and more*"}, // markLine sets it apart
		{"[expand](https://e.com/u)[ed](https://e.com/u) now", "[expanded](https://e.com/u) now"},
		{"[expand](https://e.com/u)[ed](https://e.com/v)", "[expand](https://e.com/u)[ed](https://e.com/v)"},
		{"[Obama](https://e.com/o)’s speech", "[Obama’s](https://e.com/o) speech"},
		{"[report](https://e.com/r). Then", "[report](https://e.com/r). Then"},
		{"[链接](https://e.com/l)的", "[链接](https://e.com/l)的"},
		{"caf&eacute[x](https://e.com/c)", "caf&eacute[x](https://e.com/c)"},
		{"[https://e.com](https://e.com)ed", "[https://e.com](https://e.com)ed"},
		{"![cat](https://e.com/i.png)alog", "![cat](https://e.com/i.png)alog"},
		{"`[cat](https://e.com/x)alog`", "`[cat](https://e.com/x)alog`"},
		{"[expand](https://e.com/u)" + string(make([]byte, 0)) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"[expand](https://e.com/u)aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, // no word: over MaxWordJoin
		{"[expand][r]ed it\n\n[r]: files/r.pdf", "[expanded][r] it\n\n[r]: files/r.pdf"},
		{"[post][]ed and [post]ed\n\n[post]: https://e.com/p", "[posted][post] and [posted][post]\n\n[post]: https://e.com/p"},
		{"[rewire]d\n\n[rewire]: ../w.pdf", "[rewired][rewire]\n\n[rewire]: ../w.pdf"},
		{"[cat]alog, no definition", "[cat]alog, no definition"},
		{"    [cat](https://e.com/x)alog in code", "    [cat](https://e.com/x)alog in code"},
		{"```\n[cat](https://e.com/x)alog\n```\n", "```\n[cat](https://e.com/x)alog\n```\n"},
		{"| [cat](https://e.com/x)alog | b |", "| [catalog](https://e.com/x) | b |"},
	} {
		if got := LinkWordsJoined(c.in); got != c.want {
			t.Errorf("LinkWordsJoined(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
