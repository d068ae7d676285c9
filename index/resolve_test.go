package index

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/folio-tui/folio/archive"
)

// A link names a piece by its id first, then by a key its site links it
// by (a slug, an alias, a url): the index answers as the archive does, the
// lesser id of two pieces with one key, and a link that names none is
// none.
func TestResolveBySiteKeys(t *testing.T) {
	fm := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2021-03-14\n" + extra + "---\nText.\n")}
	}
	fsys := fstest.MapFS{
		"content/posts/first.md":   fm("Hugo url", "url: /special/place/\n"),
		"content/posts/second.md":  fm("Hugo slug", "slug: the-second\naliases: [/old/second/]\n"),
		"content/posts/clash-b.md": fm("Clash B", "aliases: [/clash/]\n"),
		"content/posts/clash-a.md": fm("Clash A", "aliases: [/clash/]\n"),
		// its id is another's slug: the id wins, as on the site a file's
		// own path would
		"content/posts/the-second.md": fm("Own path", ""),
		// a piece's own path is the site's, though a slug comes among
		// the link's candidates first
		"content/contact.md":            fm("Contact page", ""),
		"content/posts/contact-slug.md": fm("Contact slug", "slug: contact\n"),
	}
	arch, _ := archive.Load(fsys)
	for _, mem := range []bool{true, false} {
		opts := Options{Memory: mem}
		if !mem {
			opts.Dir = t.TempDir()
		}
		ix, err := Open(context.Background(), "site", fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ target, want string }{
			{"/special/place/", "content/posts/first"},
			{"/old/second/", "content/posts/second"},
			{"/posts/the-second/", "content/posts/the-second"},
			{"/clash/", "content/posts/clash-a"},
			{"/posts/nowhere/", ""},
			{"/contact/", "content/contact"},
		} {
			cands := archive.LinkCandidates("content/posts/first.md", c.target)
			got, ok := ix.Resolve(cands)
			if got != c.want || ok != (c.want != "") {
				t.Errorf("memory %v: Resolve(%s) = %q, %v; want %q", mem, c.target, got, ok, c.want)
			}
			a, aok := arch.Resolve(cands)
			if a.ID != got || aok != ok {
				t.Errorf("memory %v: %s: the archive resolves %q, %v; the index %q, %v", mem, c.target, a.ID, aok, got, ok)
			}
		}
		if _, ok := ix.Resolve(nil); ok {
			t.Error("no candidates resolved")
		}
		ix.Close()
	}
}
