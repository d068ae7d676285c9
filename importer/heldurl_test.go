package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// A feed item whose link a file of another feed has is held (present,
// nothing written) exactly when folio dups would call the two pieces
// copies by their URLs (archive.CopyURLKey, SameURL): the same page
// written another way (a host in capitals, the default port, an IPv4
// address in hex, an IPv6 address written long) as before, and now the
// very same URL at a host the URL standard refuses, which URLKey gives
// no key (http://1.2.3.09/p was written a second time, a copy of the
// first to folio dups). Another spelling of a refused host is another
// URL to both (1.2.3.9 is no copy of 1.2.3.09).
func TestFeedItemHeldByTheCopyKey(t *testing.T) {
	site := func(n, link string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site ` + n + `</title><link>http://` + n + `.example/</link>
<item><title>Shared link ` + n + `</title><link>` + link + `</link><guid isPermaLink="false">2</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>shared ` + n + `</description></item>
</channel></rss>`
	}
	for _, row := range []struct {
		first, second string
		held          bool
	}{
		{"http://shared.example/p", "http://SHARED.example:80/p", true},
		{"http://127.0.0.1:8080/p", "http://0x7f.1:8080/p", true},
		{"http://[::1]/p", "http://[0::1]/p", true},
		{"http://1.2.3.09/p", "http://1.2.3.09/p", true},
		{"http://xn--a.example/p", "http://xn--a.example/p", true},
		{"http://[fe80::1%25eth0]/p", "http://[fe80::1%25eth0]/p", true},
		{"http://1.2.3.09/p", "http://1.2.3.9/p", false},
		{"http://1.2.3.09/p", "http://1.2.3.09/p/", false},
	} {
		dir := t.TempDir()
		importAs(t, site("one", row.first), "one.xml", dir)
		got := actions(importAs(t, site("two", row.second), "two.xml", dir))
		want := "added 2020-01-02-shared-link-two.md"
		if row.held {
			want = "present 2020-01-02-shared-link-one.md"
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s then %s: %v, want %s", row.first, row.second, got, want)
		}
		// folio dups of the pieces at the two URLs: one group exactly when
		// the item was held (the second piece, had it been written, with
		// the first's text: copies by their URLs alone when short)
		arch := load(t, dir)
		first := arch.Articles[0]
		if first.URL != row.first {
			t.Fatalf("%s: the first file's url %q", row.first, first.URL)
		}
		second := first
		second.ID, second.Path, second.URL, second.Body = "second", "second.md", row.second, "other words"
		if groups := archive.Copies([]archive.CopyKey{archive.KeyOf(first), archive.KeyOf(second)}); (len(groups) == 1) != row.held {
			t.Errorf("%s then %s: held %v, but folio dups finds %d group(s)", row.first, row.second, row.held, len(groups))
		}
		if !row.held && (len(arch.Articles) != 2 || arch.Articles[1].URL != row.second) {
			t.Errorf("%s then %s: the item's file not written with its url as given: %+v", row.first, row.second, arch.Articles)
		}
	}
}

// A page whose canonical or fetched URL a piece of the archive has is
// present ("same URL", nothing written) exactly when folio dups would call
// the two copies by their URLs (archive.CopyURLKey): the same page
// written another way, as before, and now the very same URL at a host the
// URL standard refuses, which URLKey gives no key. Such a page was held by
// its text alone: with another text it was written over the piece in the
// same folder without --force ("updated"), written a second time in
// another folder of the archive ("added"), and with --as-copy, of the
// same text, written over it in the same folder ("updated") though
// --as-copy never takes a page at a piece's URL.
func TestAddPageHeldByTheCopyKey(t *testing.T) {
	text := strings.Repeat("Something said once, and said well, by someone. ", 8)
	other := strings.Repeat("Quite another text about other things entirely. ", 8)
	for _, row := range []struct {
		first, second string
		held          bool
	}{
		{"http://127.0.0.1:8080/a", "http://0x7f.1:8080/a", true},
		{"http://[::1]:8080/a", "http://[0::1]:8080/a", true},
		{"http://site.example/a", "http://SITE.example:80/a", true},
		{"http://1.2.3.09/e", "http://1.2.3.09/e", true},
		{"http://xn--a.example/f", "http://xn--a.example/f", true},
		{"http://[fe80::1%25eth0]/g", "http://[fe80::1%25eth0]/g", true},
		{"http://1.2.3.09/e", "http://1.2.3.9/e", false},
	} {
		for _, c := range []struct {
			name              string
			second            string // the second page's text
			elsewhere, asCopy bool
		}{
			{"another text, same folder", other, false, false},
			{"another text, another folder", other, true, false},
			{"the same text, --as-copy", text, false, true},
		} {
			root := t.TempDir()
			into := root
			if c.elsewhere {
				into = filepath.Join(root, "2019")
			}
			first := mutPage(row.first, `<title>Said well</title><meta property="article:published_time" content="2024-05-01">`, text)
			rep, err := AddPage(first, PageOptions{Options: Options{Into: into}})
			if err != nil || rep.Results[0].Action != Added {
				t.Fatalf("%s: %v %+v", row.first, err, rep)
			}
			path := filepath.Join(into, rep.Results[0].Path)
			before, _ := os.ReadFile(path)
			opts := PageOptions{Options: Options{Into: root}, Archive: root, AsCopy: c.asCopy}
			if c.elsewhere {
				opts.Into = filepath.Join(root, "2024")
			}
			again := mutPage(row.second, `<title>Said again</title><meta property="article:published_time" content="2024-05-02">`, c.second)
			rep, err = AddPage(again, opts)
			if err != nil || len(rep.Results) != 1 {
				t.Fatalf("%s then %s, %s: %v %+v", row.first, row.second, c.name, err, rep)
			}
			got := rep.Results[0]
			if row.held && (got.Action != Present || got.Reason != "same URL") {
				t.Errorf("%s then %s, %s: %s %s (%s), want present (same URL)", row.first, row.second, c.name, got.Action, got.Path, got.Reason)
			}
			if !row.held && got.Action != Added {
				t.Errorf("%s then %s, %s: %s %s (%s), want added", row.first, row.second, c.name, got.Action, got.Path, got.Reason)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Errorf("%s then %s, %s: the piece held was written over", row.first, row.second, c.name)
			}
			arch := load(t, root)
			if row.held != (len(arch.Articles) == 1) {
				t.Errorf("%s then %s, %s: %d pieces", row.first, row.second, c.name, len(arch.Articles))
			}
			if !row.held {
				a := arch.Articles[slices.IndexFunc(arch.Articles, func(a archive.Article) bool { return a.Title == "Said again" })]
				if a.URL != row.second || a.Source != row.second {
					t.Errorf("%s: the page written with url %q, source %q", row.second, a.URL, a.Source)
				}
			}
		}
	}
}
