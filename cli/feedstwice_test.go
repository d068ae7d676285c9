package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/fetch"
)

// TestFeedTwiceTheOneThatAnswersIsFetched: of a feed subscribed twice (an
// older folio's feeds.toml), sync fetches the first entry that answers:
// one whose fetch failed (here its password missing) does not keep the
// other from being fetched (a review's report: "[1/2] … failed", then
// "[2/2] …: not fetched", nothing written at any sync, where the second
// entry, holding the password, was fetched before). Entries shown alike
// (they differ in their user name and password) are named by their place
// in feeds.toml, where the note's "folio feeds rm X" named the first.
func TestFeedTwiceTheOneThatAnswersIsFetched(t *testing.T) {
	old := fetchClient
	fetchClient = func(timeout time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: timeout, Delay: -1, Retries: -1, Transport: toHTTP{}}
	}
	t.Cleanup(func() { fetchClient = old })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "ann" || p != "pw" {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://h.example/</link>` +
			`<item><title>One item</title><link>https://h.example/one</link><guid>one</guid><pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate><description>Text of one.</description></item>` +
			`</channel></rss>`))
	}))
	t.Cleanup(srv.Close)
	plain := srv.URL + "/f.xml"
	with := strings.Replace(plain, "http://", "http://ann:pw@", 1)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path, err := feedsPath()
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte("[[feed]]\n  url = \""+plain+"\"\n\n[[feed]]\n  url = \""+with+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "d")
	out, errs, _ := run(t, "sync", "--into", dir)
	if !strings.Contains(out, "[1/2] "+plain+": failed") || !strings.Contains(out, "[2/2] "+plain+": 1 new") || len(dirFiles(t, dir)) != 1 {
		t.Errorf("sync: want the first failed, the second fetched, its item written (%d files)\n%s%s", len(dirFiles(t, dir)), out, errs)
	}
	if strings.Contains(out+errs, "ann:") {
		t.Errorf("sync shows the password:\n%s%s", out, errs)
	}
	_, errs, _ = run(t, "feeds", "list")
	if !strings.Contains(errs, "two subscriptions of one feed: "+plain+", entries 1 and 2 of feeds.toml, which differ in their user name and password") {
		t.Errorf("feeds list's note:\n%s", errs)
	}
}

// TestFeedsRmSaysWhichStays: feeds rm of one of two entries of a feed
// that differ in their user name and password alone says the other stays
// as such, where it named it as the one removed ("unsubscribed from X; X,
// a subscription of the same feed, stays"); two that stay are said in the
// plural.
func TestFeedsRmSaysWhichStays(t *testing.T) {
	for _, c := range []struct {
		entries []string
		rm      string
		want    string
	}{
		{[]string{"https://h.example/f.xml", "https://ann:pw@h.example/f.xml"}, "https://h.example/f.xml",
			"unsubscribed from https://h.example/f.xml; https://h.example/f.xml (with another user name and password), a subscription of the same feed, stays (folio feeds rm removes it as written)\n"},
		{[]string{"http://h.example/f.xml", "https://h.example/f.xml", "https://h.example/f.xml/"}, "http://h.example/f.xml",
			"unsubscribed from http://h.example/f.xml; https://h.example/f.xml and https://h.example/f.xml/, subscriptions of the same feed, stay (folio feeds rm removes each as written)\n"},
	} {
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		path, err := feedsPath()
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(path), 0o755)
		var data strings.Builder
		for _, e := range c.entries {
			data.WriteString("[[feed]]\n  url = \"" + e + "\"\n\n")
		}
		os.WriteFile(path, []byte(data.String()), 0o644)
		out, errs, code := run(t, "feeds", "rm", c.rm)
		if code != 0 || out != c.want {
			t.Errorf("feeds rm %s of %q: exit %d\n%s%s\nwant %s", c.rm, c.entries, code, out, errs, c.want)
		}
	}
}
