package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

const feedXML = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Daily Example</title><link>%[1]s/</link>
<item><title>The alliance at seventy</title><link>%[1]s/2019/11/piece</link><guid>%[1]s/2019/11/piece</guid>
<pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate><description>Only a summary of the piece.</description></item>
</channel></rss>`

func TestFeedsAndSync(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var feedGets, notModified, pageGets atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			feedGets.Add(1)
			if r.Header.Get("If-None-Match") == `"v1"` {
				notModified.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, feedXML, srv.URL)
		case "/2019/11/piece":
			pageGets.Add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
		case "/page.html":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html></html>")
		case "/feed-as-html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			decl := strings.Index(feedXML, "?>") + 2
			fmt.Fprintf(w, "\ufeff"+feedXML[:decl]+"\n<!-- a comment -->\n<?xml-stylesheet href=\"s.xsl\"?>"+feedXML[decl:], srv.URL)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	into := t.TempDir()

	if out, errs, code := run(t, "feeds", "add", srv.URL+"/feed.xml", "--full-text"); code != 0 || !strings.Contains(out, "subscribed") {
		t.Fatalf("feeds add: %d %s %s", code, out, errs)
	}
	run(t, "feeds", "add", srv.URL+"/missing.xml")
	out, _, _ := run(t, "feeds", "list")
	if !strings.Contains(out, srv.URL+"/feed.xml (full text)") || !strings.Contains(out, "/missing.xml") {
		t.Errorf("feeds list: %q", out)
	}

	out, errs, code := run(t, "sync", "--into", into)
	if code != 1 || !strings.Contains(out, "1 new") || !strings.Contains(errs, "/missing.xml: the server answered 404") ||
		!strings.Contains(out, "2 feeds: 0 not modified, 1 failed; items: 1 new") {
		t.Errorf("first sync: exit %d\n%s\n%s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), "A third paragraph closes the argument") || !strings.Contains(string(data), "extracted: go-trafilatura") {
		t.Errorf("want the full text of the page, got:\n%s", data)
	}

	run(t, "feeds", "rm", srv.URL+"/missing.xml")
	out, errs, code = run(t, "sync", "--into", into)
	if code != 0 || !strings.Contains(out, "not modified") || notModified.Load() != 1 || pageGets.Load() != 1 {
		t.Errorf("second sync: exit %d, %d not-modified answers, %d page fetches\n%s\n%s", code, notModified.Load(), pageGets.Load(), out, errs)
	}

	// import takes a feed URL; a web page is refused.
	into2 := t.TempDir()
	out, errs, code = run(t, "import", srv.URL+"/feed.xml", "--into", into2)
	if code != 0 || !strings.Contains(out, "1 added") {
		t.Errorf("import URL: exit %d %s %s", code, out, errs)
	}
	_, errs, code = run(t, "import", srv.URL+"/page.html", "--into", into2)
	if code != 2 || !strings.Contains(errs, srv.URL+"/page.html: a web page, not a feed") {
		t.Errorf("import of a page: exit %d %q", code, errs)
	}
	// A feed sent as text/html is known by its start (a helper's report:
	// it was refused as a web page).
	out, errs, code = run(t, "import", srv.URL+"/feed-as-html", "--into", t.TempDir())
	if code != 0 || !strings.Contains(out, "1 added") {
		t.Errorf("import of a feed sent as text/html: exit %d %s %s", code, out, errs)
	}
}

// TestSyncBar: the bar draws the feeds done on a terminal and nothing
// elsewhere (sync gives it stderr only when that is a terminal).
func TestSyncBar(t *testing.T) {
	var shown, hidden strings.Builder
	for _, c := range []struct {
		w       *strings.Builder
		visible bool
	}{{&shown, true}, {&hidden, false}} {
		bar := newSyncBar(c.w, 2, c.visible)
		bar.Describe("syncing " + hostOf("https://example.org/feed.xml"))
		_ = bar.Add(1)
		_ = bar.Clear()
		_ = bar.RenderBlank()
		_ = bar.Add(1)
		_ = bar.Finish()
	}
	if !strings.Contains(shown.String(), "syncing example.org") || !strings.Contains(shown.String(), "1/2") {
		t.Errorf("bar on a terminal: %q", shown.String())
	}
	if hidden.Len() != 0 {
		t.Errorf("bar elsewhere: %q", hidden.String())
	}
}

// A sync past --max-new adds the newest items and does not keep the
// feed's validators, so the next sync fetches it whole and adds the next
// (a helper's report: a feed of 8,000 items wrote 8,000 files a sync).
func TestSyncLeavesItemsPastMaxNewForTheNext(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>%s/</link>`, srv.URL)
		for i := range 5 {
			fmt.Fprintf(w, `<item><title>Item %d</title><link>%s/%d</link><pubDate>0%d Nov 2019 10:00:00 GMT</pubDate><description>Text.</description></item>`, i, srv.URL, i, i+1)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()
	into := t.TempDir()
	if _, errs, code := run(t, "feeds", "add", srv.URL+"/feed.xml"); code != 0 {
		t.Fatal(errs)
	}
	for i, want := range []string{"items: 2 new", "items: 2 new", "items: 1 new", "not modified"} {
		out, errs, code := run(t, "sync", "--into", into, "--max-new", "2")
		if code != 0 || !strings.Contains(out, want) || (i < 2) != strings.Contains(out, "left past --max-new: sync again for the next") {
			t.Errorf("sync %d: exit %d, want %q\n%s%s", i+1, code, want, out, errs)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*.md")); len(files) != 5 {
		t.Errorf("%d files, want 5", len(files))
	}
}

// An item skipped because its file was edited since import is said at
// every sync, not once: the feed is fetched whole while it is skipped (a
// "not modified" had said nothing of it). --force fetches the feed whole
// and overwrites the edit, even when the feed did not change (its
// validators had answered "not modified" and --force did nothing).
func TestSyncSaysAnEditedItemUntilForced(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var version atomic.Int32
	version.Store(1)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		etag := fmt.Sprintf(`"v%d"`, version.Load())
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>One</title><link>%[1]s/</link>`+
			`<item><title>The item</title><link>%[1]s/item</link><guid>%[1]s/item</guid><pubDate>01 Nov 2019 10:00:00 GMT</pubDate>`+
			`<description>Text of version %[2]d.</description></item></channel></rss>`, srv.URL, version.Load())
	}))
	defer srv.Close()
	into := t.TempDir()
	if _, errs, code := run(t, "feeds", "add", srv.URL+"/feed.xml"); code != 0 {
		t.Fatal(errs)
	}
	sync := func(want string, args ...string) {
		t.Helper()
		out, errs, code := run(t, append([]string{"sync", "--into", into}, args...)...)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("sync %v: exit %d, want %q\n%s%s", args, code, want, out, errs)
		}
	}
	sync("items: 1 new")
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	edit := func() {
		t.Helper()
		data, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(files[0], append(data, "\nMy own note.\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit()
	version.Store(2)
	sync("items: 0 new, 0 updated, 0 unchanged, 1 skipped")
	sync("items: 0 new, 0 updated, 0 unchanged, 1 skipped") // said again, not "not modified"
	sync("items: 0 new, 1 updated", "--force")
	if data, _ := os.ReadFile(files[0]); !strings.Contains(string(data), "Text of version 2.") || strings.Contains(string(data), "My own note.") {
		t.Errorf("after --force:\n%s", data)
	}
	sync("1 not modified")
	// edited again while the feed is unchanged: --force still overwrites
	edit()
	sync("items: 0 new, 1 updated", "--force")
	if data, _ := os.ReadFile(files[0]); strings.Contains(string(data), "My own note.") {
		t.Errorf("after the second --force:\n%s", data)
	}
}

// A full-text feed's item whose file was edited is said skipped at each
// sync, its page not fetched again, and --force fetches its page and
// writes the file over (49r: it was said "1 unchanged", and --force kept
// the edit, though sync's help says it overwrites).
func TestSyncFullTextEditedItemUntilForced(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var pageGets, version atomic.Int32
	version.Store(1)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			etag := fmt.Sprintf(`"v%d"`, version.Load())
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, feedXML, srv.URL)
		case "/2019/11/piece":
			pageGets.Add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	into := t.TempDir()
	if _, errs, code := run(t, "feeds", "add", srv.URL+"/feed.xml", "--full-text"); code != 0 {
		t.Fatal(errs)
	}
	sync := func(want string, args ...string) {
		t.Helper()
		out, errs, code := run(t, append([]string{"sync", "--into", into}, args...)...)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("sync %v: exit %d, want %q\n%s%s", args, code, want, out, errs)
		}
	}
	sync("items: 1 new")
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[0], append(data, "\nMy own note.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	version.Store(2) // the feed changed (not the item): fetched whole
	sync("items: 0 new, 0 updated, 0 unchanged, 1 skipped")
	sync("items: 0 new, 0 updated, 0 unchanged, 1 skipped") // fetched whole while skipped
	if n := pageGets.Load(); n != 1 {
		t.Errorf("%d page fetches before --force, want 1", n)
	}
	sync("items: 0 new, 1 updated", "--force")
	if data, _ := os.ReadFile(files[0]); strings.Contains(string(data), "My own note.") || !strings.Contains(string(data), "A third paragraph closes the argument") {
		t.Errorf("after --force:\n%s", data)
	}
	if n := pageGets.Load(); n != 2 {
		t.Errorf("%d page fetches after --force, want 2", n)
	}
	sync("1 not modified")
}
