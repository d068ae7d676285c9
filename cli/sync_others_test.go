package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/fetch"
)

// feedServer serves feedXML (ETag "v1", honoured) and its piece's page;
// during, when set, runs while the feed is being answered.
func feedServer(t *testing.T, pageGets *atomic.Int32, during func()) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			if during != nil {
				during()
			}
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			// its guid is no link: the piece's page is known by its URL alone
			fmt.Fprint(w, strings.Replace(fmt.Sprintf(feedXML, srv.URL), "<guid>"+srv.URL+"/2019/11/piece</guid>", "<guid>urn:uuid:1</guid>", 1))
		case "/2019/11/piece":
			pageGets.Add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A sync into another folder than the last fetches the whole feed (the
// validators are the folder's: it got "not modified" and none of the
// feed's items, for good), and a piece added by its URL is not fetched nor
// written again by a full-text sync of a feed whose item links it (it was
// written twice). Helpers' reports.
func TestSyncIntoAnotherFolderAndPiecesHeld(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var pageGets atomic.Int32
	srv := feedServer(t, &pageGets, nil)
	into, other := t.TempDir(), t.TempDir()
	if _, errs, code := run(t, "add", srv.URL+"/2019/11/piece", "--into", into); code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	run(t, "feeds", "add", srv.URL+"/feed.xml", "--full-text")
	out, errs, code := run(t, "sync", "--into", into)
	if files, _ := filepath.Glob(filepath.Join(into, "*.md")); code != 0 || len(files) != 1 || pageGets.Load() != 1 ||
		!strings.Contains(out, "1 already there (same URL)") {
		t.Errorf("sync after add: exit %d, files %v, %d page fetches (want 1 file, 1 fetch: add's)\n%s\n%s", code, files, pageGets.Load(), out, errs)
	}
	out, errs, code = run(t, "sync", "--into", other)
	if files, _ := filepath.Glob(filepath.Join(other, "*.md")); code != 0 || len(files) != 1 || !strings.Contains(out, "items: 1 new") {
		t.Errorf("sync into another folder: exit %d, files %v\n%s\n%s", code, files, out, errs)
	}
	if out, _, _ = run(t, "sync", "--into", other); !strings.Contains(out, "feed.xml: not modified") {
		t.Errorf("sync into the same folder again: want not modified\n%s", out)
	}
}

// A feed added or removed while a sync runs stays added or removed (the
// sync wrote back the list it read at its start), and feeds added at once
// are all kept (ten at once kept six). Helpers' reports.
func TestSyncKeepsFeedsChangedMeanwhile(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var pageGets atomic.Int32
	var once sync.Once
	srv := feedServer(t, &pageGets, func() {
		once.Do(func() {
			if err := changeFeeds(func(fl *feedList) error {
				fl.Feed = slices.DeleteFunc(fl.Feed, func(f feed) bool { return strings.HasSuffix(f.URL, "/old.xml") })
				fl.Feed = append(fl.Feed, feed{URL: "https://example.org/added-meanwhile.xml"})
				return nil
			}); err != nil {
				t.Error(err)
			}
		})
	})
	run(t, "feeds", "add", srv.URL+"/feed.xml")
	run(t, "feeds", "add", srv.URL+"/old.xml")
	run(t, "sync", "--into", t.TempDir())
	out, _, _ := run(t, "feeds", "list")
	if !strings.Contains(out, "added-meanwhile.xml") || strings.Contains(out, "old.xml") || !strings.Contains(out, "/feed.xml") {
		t.Errorf("feeds after the sync:\n%s\nwant feed.xml and added-meanwhile.xml, not old.xml", out)
	}

	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			if err := changeFeeds(func(fl *feedList) error {
				fl.Feed = append(fl.Feed, feed{URL: fmt.Sprintf("https://example.org/feed%d.xml", i)})
				return nil
			}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	_, fl, err := loadFeeds()
	if err != nil || len(fl.Feed) != 12 {
		t.Errorf("after ten feeds added at once: %d feeds (%v), want 12", len(fl.Feed), err)
	}
}

// fetchWithin200ms makes the commands' fetch client give up after 200 ms,
// with no delay or retries, and gives the test its own feeds.toml.
func fetchWithin200ms(t *testing.T) {
	t.Helper()
	old := fetchClient
	fetchClient = func(time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: 200 * time.Millisecond, Delay: -1, Retries: -1}
	}
	t.Cleanup(func() { fetchClient = old })
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
}

// feedOfPages serves an RSS feed of n items whose links are base/p/0,
// base/p/1…, each with a summary.
func feedOfPages(t *testing.T, base string, n int) *httptest.Server {
	t.Helper()
	var items strings.Builder
	for i := range n {
		fmt.Fprintf(&items, "<item><title>Item %d</title><link>%s/p/%d</link><guid>g%d</guid><pubDate>Wed, 06 Nov 2019 10:0%d:00 GMT</pubDate><description>Summary %d.</description></item>",
			i, base, i, i, i, i)
	}
	feeds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://example.com/</link>%s</channel></rss>`, items.String())
	}))
	t.Cleanup(feeds.Close)
	return feeds
}

// A full-text feed whose pages are on a host that gives no answer in time
// asks that host once: the other items keep the feed's text, said once
// with a count, and the run says how many pages failed and ends 1 (an
// attack: 5 items on a stalling host took 156 s, exit 0; 1,000 would
// take 8.6 hours).
func TestSyncStallingPagesHostAskedOnce(t *testing.T) {
	fetchWithin200ms(t)
	var pageGets atomic.Int32
	stalling := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		pageGets.Add(1)
		<-r.Context().Done()
	}))
	defer stalling.Close()
	feeds := feedOfPages(t, stalling.URL, 4)
	into := t.TempDir()
	run(t, "feeds", "add", feeds.URL+"/feed.xml", "--full-text")
	out, errs, code := run(t, "sync", "--into", into)
	host := strings.TrimPrefix(stalling.URL, "http://")
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if code != 1 || pageGets.Load() != 1 || len(files) != 4 ||
		!strings.Contains(out, "no complete answer within 200ms (timed out)") ||
		!strings.Contains(out, "  3 items' pages on "+host+" not asked (the feed's text kept): its server gave no complete answer within 200ms (timed out) at ") ||
		strings.Count(out, "not asked (") != 1 ||
		!strings.Contains(out, "items: 4 new, 0 updated, 0 unchanged, 0 skipped; 4 full-text pages failed (the feed's text kept)") ||
		!strings.Contains(errs, "/feed.xml: 4 of its items' pages could not be had (the feed's text kept)") {
		t.Errorf("exit %d, %d page requests (want 1), files %v\n%s\n%s", code, pageGets.Load(), files, out, errs)
	}
	for _, f := range files {
		if data, _ := os.ReadFile(f); !strings.Contains(string(data), "Summary") {
			t.Errorf("%s: want the feed's text\n%s", f, data)
		}
	}
}

// A feed's validators are sent only while the folder holds files of the
// feed: a folder deleted and made again, empty, got "not modified" and
// never the feed's items back (an attack). A feed that redirects is still
// asked only if changed (its files name where it led).
func TestSyncIntoAFolderMadeAgain(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var conditional atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/moved.xml":
			http.Redirect(w, r, "/feed.xml", http.StatusMovedPermanently)
		case "/feed.xml":
			if r.Header.Get("If-None-Match") != "" {
				conditional.Add(1)
			}
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, feedXML, srv.URL)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for _, path := range []string{"/feed.xml", "/moved.xml"} {
		run(t, "feeds", "add", srv.URL+path)
		into := filepath.Join(t.TempDir(), "d")
		want := []string{"items: 1 new", "not modified", "items: 1 new", "not modified"}
		for i, w := range want {
			if i == 2 {
				if err := os.RemoveAll(into); err != nil {
					t.Fatal(err)
				}
				if err := os.Mkdir(into, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			out, errs, code := run(t, "sync", "--into", into)
			files, _ := filepath.Glob(filepath.Join(into, "*.md"))
			if code != 0 || !strings.Contains(out, w) || len(files) != 1 {
				t.Errorf("%s, sync %d: exit %d, files %v, want %q\n%s\n%s", path, i+1, code, files, w, out, errs)
			}
		}
		run(t, "feeds", "rm", srv.URL+path)
	}
	if conditional.Load() != 4 {
		t.Errorf("%d conditional GETs, want 4: the second and fourth syncs of each", conditional.Load())
	}
}

// Pages whose links redirect to a host that gave no answer in time are
// said under the host not asked, not the host of their links (a read of
// the change: sync named the redirector, which had answered each time).
func TestSyncPagesNotAskedAfterRedirectNameTheHostHeld(t *testing.T) {
	fetchWithin200ms(t)
	stalling := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		<-r.Context().Done()
	}))
	defer stalling.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, stalling.URL+r.URL.Path, http.StatusFound)
	}))
	defer redirector.Close()
	feeds := feedOfPages(t, redirector.URL, 3)
	run(t, "feeds", "add", feeds.URL+"/feed.xml", "--full-text")
	out, errs, _ := run(t, "sync", "--into", t.TempDir())
	held := strings.TrimPrefix(stalling.URL, "http://")
	if !strings.Contains(out, "  2 items' pages on "+held+" not asked (the feed's text kept): its server gave no complete answer within 200ms (timed out) at ") ||
		strings.Contains(out, strings.TrimPrefix(redirector.URL, "http://")+" not asked") {
		t.Errorf("want the pages said under the host held, %s\n%s\n%s", held, out, errs)
	}
}
