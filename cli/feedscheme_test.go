package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/fetch"
)

// toHTTP sends an https request to the http server it names (the test's
// feeds are served over http alone).
type toHTTP struct{}

func (toHTTP) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme = "http"
	return http.DefaultTransport.RoundTrip(r)
}

// TestSubscriptionsAreOneFeedAsSyncKnowsIt: two URLs are one subscription
// (feeds add, rm) when the files a sync writes and the self links it
// checks take them for one feed (archive.SameURL): written in other
// capitals, with www., a trailing slash, tracking parameters, a fragment,
// or over http and https. Before, http and https were two subscriptions
// (sameFeed counted the scheme), fetched both at every sync ("2
// unchanged" the second), while the sync of either took the other's URL
// as its self link for its own. An entry that is no URL is only itself; a
// port, written or not, is another URL to both.
func TestSubscriptionsAreOneFeedAsSyncKnowsIt(t *testing.T) {
	old := fetchClient
	fetchClient = func(timeout time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: timeout, Delay: -1, Retries: -1, Transport: toHTTP{}}
	}
	t.Cleanup(func() { fetchClient = old })
	s := newSelfFeeds(t)
	a := s.url("a") // http://127.0.0.1:PORT/a.xml
	hostPath := strings.TrimPrefix(a, "http://")
	host := hostPath[:strings.Index(hostPath, "/")]
	for _, c := range []struct {
		other string
		one   bool
	}{
		{"https://" + hostPath, true},
		{"HTTP://" + strings.ToUpper(host) + "/a.xml/", true},
		{a + "?utm_source=x", true},
		{a + "#top", true},
		{"http://" + host + "/b.xml", false},
		{"http://" + strings.Split(host, ":")[0] + "/a.xml", false}, // without the port
	} {
		t.Run(c.other, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			run(t, "feeds", "add", a)
			out, errs, code := run(t, "feeds", "add", c.other)
			if n := len(subscriptions(t)); code != 0 || (n == 1) != c.one || c.one && out != "already subscribed to "+a+" (full text: false)\n" {
				t.Errorf("feeds add %s beside %s: exit %d, %d subscriptions, want one feed %v\n%s%s", c.other, a, code, n, c.one, out, errs)
			}
			out, errs, code = run(t, "feeds", "rm", c.other)
			if n := len(subscriptions(t)); code != 0 || n != 1-map[bool]int{true: 1, false: 0}[c.one] {
				t.Errorf("feeds rm %s: exit %d, %d subscriptions left\n%s%s", c.other, code, n, out, errs)
			}
		})
	}

	// a feed subscribed over http and https: one subscription, fetched
	// once a sync, its https self link its own
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	https := "https://" + hostPath
	s.set("a", https, "A's text")
	run(t, "feeds", "add", a)
	run(t, "feeds", "add", https)
	dir := filepath.Join(t.TempDir(), "d")
	out, errs, code := run(t, "sync", "--into", dir)
	if code != 0 || !strings.Contains(out, "[1/1] "+a+": 2 new") || s.full.Load() != 1 || len(dirFiles(t, dir)) != 2 {
		t.Errorf("sync: exit %d, %d feeds sent, want A's once\n%s%s", code, s.full.Load(), out, errs)
	}
	for _, f := range subscriptions(t) {
		if f.Self != https {
			t.Errorf("%s: self %q recorded, want %q", f.URL, f.Self, https)
		}
	}
	// not a URL: only itself
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if err := changeFeeds(func(fl *feedList) error {
		fl.Feed = append(fl.Feed, feed{URL: "example.org/a.xml"}, feed{URL: "feeds.local/b.xml"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "feeds", "rm", "example.org/a.xml"); code != 0 || len(subscriptions(t)) != 1 || subscriptions(t)[0].URL != "feeds.local/b.xml" {
		t.Errorf("rm of an entry that is no URL: exit %d, left %v\n%s", code, subscriptions(t), errs)
	}
}

// TestFeedSubscribedTwiceByAnOlderFolio: a feeds.toml written before http
// and https were one subscription can hold a feed twice, each entry with
// its own recorded state. feeds rm of one removes it alone, saying the
// other stays; of a URL written otherwise, the one entry of its feed,
// named; of a URL that is neither entry as written while both are its
// feed, nothing, both named (feeds rm http://…/a.xml removed both,
// silently: "unsubscribed from http://…/a.xml", the https entry's
// validators and self link gone with it). feeds list and sync tell of
// the two, and sync fetches the feed once (it fetched it twice, the
// second silently: "[2/2] https://…/a.xml: 0 new, 0 updated, 2
// unchanged").
func TestFeedSubscribedTwiceByAnOlderFolio(t *testing.T) {
	old := fetchClient
	fetchClient = func(timeout time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: timeout, Delay: -1, Retries: -1, Transport: toHTTP{}}
	}
	t.Cleanup(func() { fetchClient = old })
	s := newSelfFeeds(t)
	a := s.url("a") // http://127.0.0.1:PORT/a.xml
	hostPath := strings.TrimPrefix(a, "http://")
	https := "https://" + hostPath
	s.set("a", https, "A's text")
	// as an older folio wrote it: both entries, the https one synced
	both := func(t *testing.T) {
		t.Helper()
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		path, err := feedsPath()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		data := "# folio's feed subscriptions: folio feeds add|list|rm, folio sync\n" +
			"[[feed]]\n  url = \"" + a + "\"\n\n" +
			"[[feed]]\n  url = \"" + https + "\"\n  etag = \"\\\"e1\\\"\"\n  into = \"/nowhere\"\n  self = \"" + https + "\"\n"
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	note := "two subscriptions of one feed: " + a + " and " + https

	t.Run("list", func(t *testing.T) {
		both(t)
		out, errs, code := run(t, "feeds", "list")
		if code != 0 || out != a+"\n"+https+"\n" || !strings.Contains(errs, note) {
			t.Errorf("feeds list: exit %d, want both and a note %q\n%s%s", code, note, out, errs)
		}
	})
	t.Run("sync", func(t *testing.T) {
		both(t)
		before := s.full.Load()
		dir := filepath.Join(t.TempDir(), "d")
		out, errs, code := run(t, "sync", "--into", dir)
		if n := s.full.Load() - before; code != 0 || n != 1 || len(dirFiles(t, dir)) != 2 ||
			!strings.Contains(out, "[1/2] "+a+": 2 new") || !strings.Contains(out, "[2/2] "+https+": not fetched, "+note) ||
			!strings.Contains(out, "1 a feed's second subscription, not fetched") {
			t.Errorf("sync: exit %d, the feed sent %d times, want once and the second entry named\n%s%s", code, n, out, errs)
		}
		if subs := subscriptions(t); len(subs) != 2 || subs[1].ETag != `"e1"` || subs[1].Into != "/nowhere" {
			t.Errorf("sync changed the second entry: %+v", subs)
		}
	})
	t.Run("rm as written", func(t *testing.T) {
		both(t)
		out, errs, code := run(t, "feeds", "rm", a)
		subs := subscriptions(t)
		if code != 0 || len(subs) != 1 || subs[0].URL != https || subs[0].ETag != `"e1"` || subs[0].Self != https ||
			out != "unsubscribed from "+a+"; "+https+", a subscription of the same feed, stays (folio feeds rm removes it as written)\n" {
			t.Errorf("feeds rm %s: exit %d, left %+v\n%s%s", a, code, subs, out, errs)
		}
		// the other, written otherwise: the one entry of its feed, named
		out, errs, code = run(t, "feeds", "rm", a)
		if code != 0 || len(subscriptions(t)) != 0 || out != "unsubscribed from "+https+" (the feed of "+a+")\n" {
			t.Errorf("feeds rm %s again: exit %d, left %+v\n%s%s", a, code, subscriptions(t), out, errs)
		}
	})
	t.Run("rm of neither", func(t *testing.T) {
		both(t)
		other := a + "/"
		out, errs, code := run(t, "feeds", "rm", other)
		if code == 0 || len(subscriptions(t)) != 2 || !strings.Contains(errs, other+" is the feed of 2 subscriptions, "+a+" and "+https) {
			t.Errorf("feeds rm %s: exit %d, left %+v, want both kept and named\n%s%s", other, code, subscriptions(t), out, errs)
		}
	})
}
