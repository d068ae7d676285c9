package cli

import (
	"net/http"
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
