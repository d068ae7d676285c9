package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileFeedsOfOneSiteKeepTheirFiles: a site's main feed and a
// category's, read from files that name no rel="self" link and give the
// site's link both, are two feeds (a helper's report: folio import of the
// category's file after the main one's wrote its excerpt, outlet and tags
// over the shared post's file, "1 updated", and the main feed's import
// wrote them back, each import flipping it). The shared post stays the
// main feed's file as written, said "already there (same URL, from feed
// "Site")"; an item without a link both give under one GUID is an item of
// each; the main feed fetched from its URL later is the one read from its
// file (its files updated, none "present", none added).
func TestFileFeedsOfOneSiteKeepTheirFiles(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	feeds, into := t.TempDir(), t.TempDir()
	item := func(title, link, guid, day, cat, text string) string {
		if link != "" {
			link = "<link>" + link + "</link>"
		}
		return "<item><title>" + title + "</title>" + link + "<guid isPermaLink=\"false\">" + guid + "</guid><pubDate>" + day + " Jan 2023 10:00:00 GMT</pubDate><category>" + cat + "</category><description>" + text + "</description></item>"
	}
	channel := func(title string, items ...string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>` + title + `</title><link>https://site.example/</link><description>d</description>` + strings.Join(items, "") + `</channel></rss>`
	}
	mainFeed := channel("Site",
		item("Shared post", "https://site.example/shared", "https://site.example/?p=1", "02", "news", "The whole shared post, as the main feed gives it."),
		item("Main only", "https://site.example/main-only", "https://site.example/?p=2", "03", "news", "Only in the main feed."),
		item("Linkless note", "", "note-1", "05", "news", "The main feed's note."))
	catFeed := channel("Site » Politics",
		item("Shared post", "https://site.example/shared", "https://site.example/?p=1", "02", "politics", "An excerpt."),
		item("Category only", "https://site.example/cat-only", "https://site.example/?p=3", "04", "politics", "Only in the category."),
		item("Linkless note", "", "note-1", "05", "politics", "The category's note."))
	mainPath, catPath := filepath.Join(feeds, "main.xml"), filepath.Join(feeds, "politics.xml")
	for p, s := range map[string]string{mainPath: mainFeed, catPath: catFeed} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := func() map[string]string {
		got := map[string]string{}
		names, _ := filepath.Glob(filepath.Join(into, "*.md"))
		for _, n := range names {
			data, _ := os.ReadFile(n)
			got[filepath.Base(n)] = string(data)
		}
		return got
	}

	if out, errs, code := run(t, "import", mainPath, "--into", into); code != 0 || !strings.Contains(out, "3 added, 0 updated") {
		t.Fatalf("main: exit %d\n%s%s", code, out, errs)
	}
	mains := files()
	for range 2 {
		out, errs, code := run(t, "import", catPath, "--into", into)
		if code != 0 || !strings.Contains(out, `  present   2023-01-02-shared-post.md (same URL, from feed "Site")`) || strings.Contains(out, "updated  ") {
			t.Errorf("category: exit %d\n%s%s", code, out, errs)
		}
		if out, errs, code := run(t, "import", mainPath, "--into", into); code != 0 || !strings.Contains(out, "0 added, 0 updated, 3 unchanged") {
			t.Errorf("main again: exit %d\n%s%s", code, out, errs)
		}
	}
	got := files()
	if len(got) != 5 {
		t.Errorf("%d files, want the main feed's 3, the category's item and its note", len(got))
	}
	for name, data := range mains {
		if got[name] != data {
			t.Errorf("%s: the main feed's file changed:\n%s", name, got[name])
		}
	}
	if s := got["2023-01-02-shared-post.md"]; !strings.Contains(s, "The whole shared post") || !strings.Contains(s, "tags: [news]") || !strings.Contains(s, "outlet: Site\n") {
		t.Errorf("the shared post:\n%s", s)
	}
	if s := got["2023-01-05-linkless-note-2.md"]; !strings.Contains(s, "The category's note.") {
		t.Errorf("the category's note:\n%s", s)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(mainFeed))
	}))
	defer srv.Close()
	out, errs, code := run(t, "import", srv.URL+"/feed/", "--into", into)
	if code != 0 || !strings.Contains(out, "0 added, 3 updated, 0 unchanged") || strings.Contains(out, "present") {
		t.Errorf("main fetched: exit %d\n%s%s", code, out, errs)
	}
	if s := files()["2023-01-02-shared-post.md"]; !strings.Contains(s, "import_feed: "+srv.URL+"/feed/\n") {
		t.Errorf("the shared post fetched:\n%s", s)
	}
}

// TestFileFeedWithoutTitleIsNotNamedByItsHash: an item already written by
// a feed read from a file whose channel has no title is "present … (same
// URL, from a feed read from a file)", not named by the hash that keys
// that feed (a read of the change: "from feed feed:3fa…").
func TestFileFeedWithoutTitleIsNotNamedByItsHash(t *testing.T) {
	dir, into := t.TempDir(), filepath.Join(t.TempDir(), "a")
	item := `<item><title>Shared post</title><link>https://site.example/shared</link><guid>s1</guid><pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate><description>Text.</description></item>`
	write := func(name, title string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`+title+`</title><link>https://site.example/</link>`+item+`</channel></rss>`), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	untitled, named := write("a.xml", ""), write("b.xml", "Named")
	if out, errs, code := run(t, "import", untitled, "--into", into); code != 0 || !strings.Contains(out, "1 added") {
		t.Fatalf("import %s: exit %d\n%s%s", untitled, code, out, errs)
	}
	out, errs, code := run(t, "import", named, "--into", into)
	if code != 0 || !strings.Contains(out, "(same URL, from a feed read from a file)") || strings.Contains(out, "feed:") {
		t.Errorf("import %s: exit %d\n%s%s", named, code, out, errs)
	}
}
