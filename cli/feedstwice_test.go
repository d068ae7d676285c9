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
