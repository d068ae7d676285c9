package cli

import (
	"bytes"
	"cmp"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// selfFeeds serves feeds at /NAME.xml, each its rel="self" link (or,
// written "site:URL", none and that site link) and its
// items' text as set in self and text (under mu), with an ETag of the
// feed's bytes (honoured). full counts the whole feeds sent, sent their
// bytes. Each feed gives the same two items: GUID 1 with a link, GUID 2
// with none; its link is under /NAME/, or another feed's (as set in
// links).
type selfFeeds struct {
	srv               *httptest.Server
	mu                sync.Mutex
	self, text, links map[string]string
	full, sent        atomic.Int64
}

func newSelfFeeds(t *testing.T) *selfFeeds {
	t.Helper()
	s := &selfFeeds{self: map[string]string{}, text: map[string]string{}, links: map[string]string{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".xml")
		s.mu.Lock()
		self, text, links := s.self[name], s.text[name], cmp.Or(s.links[name], name)
		s.mu.Unlock()
		if text == "" {
			http.NotFound(w, r)
			return
		}
		site, selfLink := s.srv.URL+"/", `<atom:link href="`+self+`" rel="self" type="application/rss+xml"/>`
		if strings.HasPrefix(self, "site:") { // no self link, this site link
			site, selfLink = strings.TrimPrefix(self, "site:"), ""
		}
		body := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Feed %[1]s</title><link>%[6]s</link>%[3]s
<item><title>Linked post</title><link>%[2]s/%[5]s/2020/linked</link><guid isPermaLink="false">1</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>%[4]s, linked.</description></item>
<item><title>Linkless post</title><guid isPermaLink="false">2</guid><pubDate>Fri, 03 Jan 2020 10:00:00 GMT</pubDate><description>%[4]s, no link.</description></item>
</channel></rss>`, name, s.srv.URL, selfLink, text, links, site)
		etag := fmt.Sprintf(`"%x"`, len(body)*31+int(body[len(body)/2]))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.full.Add(1)
		s.sent.Add(int64(len(body)))
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *selfFeeds) set(name, self, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.self[name], s.text[name] = self, text
}

func (s *selfFeeds) url(name string) string { return s.srv.URL + "/" + name + ".xml" }

// dirFiles is every file of dir by its name, with its bytes.
func dirFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	return files
}

// subscriptions are feeds.toml's entries.
func subscriptions(t *testing.T) []feed {
	t.Helper()
	_, fl, err := loadFeeds()
	if err != nil {
		t.Fatal(err)
	}
	return fl.Feed
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// A subscribed feed B giving another subscribed feed A's rel="self" link
// (A's URL, or the self link a sync recorded of A: a feed proxy's) and
// A's GUIDs and links is refused, naming B, and writes nothing: A's files
// stay byte for byte, whichever of the two is synced first once A's self
// link is recorded, or with A first in the run that records it. Before,
// B was known by that self link and wrote over A's files ("0 new, 2
// updated"), every sync flipping them; folio import B's URL too.
func TestSyncFeedGivingAnothersSelfLinkIsRefused(t *testing.T) {
	quickFetch(t)
	for _, c := range []struct {
		name    string
		proxied bool // A's self link a feed proxy's, not its URL
		oneRun  bool // A and B subscribed at once, A first, one sync
		site    bool // B gives no self link, A's as its site link
	}{
		{"A's URL", false, false, false},
		{"A's recorded proxy self link", true, false, false},
		{"A's URL, in one run", false, true, false},
		{"A's proxy self link, in one run", true, true, false},
		{"A's proxy self link as B's site link", true, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			s := newSelfFeeds(t)
			aSelf := s.url("a")
			if c.proxied {
				aSelf = "http://feeds.proxy.example/a-feed"
			}
			s.set("a", aSelf, "A's own text")
			s.set("b", aSelf, "B's text over A's")
			what := `rel="self" link`
			if c.site {
				s.set("b", "site:"+aSelf, "B's text over A's")
				what = "site link"
			}
			s.links["b"] = "a"
			dir := filepath.Join(t.TempDir(), "d")
			run(t, "feeds", "add", s.url("a"))
			if c.oneRun {
				run(t, "feeds", "add", s.url("b"))
			} else {
				if out, errs, code := run(t, "sync", "--into", dir); code != 0 || !strings.Contains(out, "2 new") {
					t.Fatalf("A's sync: exit %d\n%s\n%s", code, out, errs)
				}
				// B before A: A's recorded self link, not the order, decides
				if err := changeFeeds(func(fl *feedList) error {
					fl.Feed = append([]feed{{URL: s.url("b")}}, fl.Feed...)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			var want map[string]string
			if !c.oneRun {
				want = dirFiles(t, dir)
			}
			for i := range 2 {
				out, errs, code := run(t, "sync", "--into", dir)
				if code != 1 || !strings.Contains(errs, s.url("b")+" gives as its "+what+" "+aSelf+", the feed subscribed to as "+s.url("a")+": refused, nothing written") {
					t.Errorf("sync %d: exit %d, want 1 and B refused\n%s\n%s", i+1, code, out, errs)
				}
				if c.oneRun && i == 0 {
					want = dirFiles(t, dir)
				}
				if got := dirFiles(t, dir); !sameFiles(got, want) || len(got) != 2 {
					t.Errorf("sync %d: files %v\nwant A's as written %v", i+1, got, want)
				}
			}
			for name, data := range want {
				if !strings.Contains(data, "A's own text") || !strings.Contains(data, "source: "+aSelf+"\n") {
					t.Errorf("%s is not A's:\n%s", name, data)
				}
			}
			for _, f := range subscriptions(t) {
				if want := map[bool]string{true: aSelf, false: ""}[f.URL == s.url("a")]; f.Self != want {
					t.Errorf("%s: self %q recorded, want %q", f.URL, f.Self, want)
				}
			}
			out, errs, code := run(t, "import", s.url("b"), "--into", dir)
			if code == 0 || !strings.Contains(errs, "refused, nothing written") || !sameFiles(dirFiles(t, dir), want) {
				t.Errorf("import B: exit %d\n%s\n%s", code, out, errs)
			}
		})
	}
}

// A feed whose rel="self" link is neither its URL nor another
// subscription's (a feed proxy's, a stale one) is still known by it
// beside another subscription: its changed items are updated in place,
// none "already there", its linkless item not written twice (what
// 66ed707 broke); and its recorded self link lets the conditional GET
// find its files (they name the self link, not the URL: it was fetched
// whole at every sync).
func TestSyncFeedWithAProxySelfLink(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	s := newSelfFeeds(t)
	const proxy = "http://feeds.proxy.example/a-feed"
	s.set("a", proxy, "First text")
	s.set("c", s.url("c"), "Another site's text") // C's GUIDs are A's: two sites numbering 1, 2
	run(t, "feeds", "add", s.url("a"))
	run(t, "feeds", "add", s.url("c"))
	dir := filepath.Join(t.TempDir(), "d")
	if out, errs, code := run(t, "sync", "--into", dir); code != 0 || !strings.Contains(out, "items: 4 new") {
		t.Fatalf("first sync: exit %d\n%s\n%s", code, out, errs)
	}
	if got := subscriptions(t); len(got) != 2 || got[0].Self != proxy || got[1].Self != s.url("c") {
		t.Errorf("recorded: %+v", got)
	}
	full, sent := s.full.Load(), s.sent.Load()
	out, errs, code := run(t, "sync", "--into", dir)
	if code != 0 || !strings.Contains(out, "2 not modified") {
		t.Errorf("second sync: exit %d, want both not modified\n%s\n%s", code, out, errs)
	}
	if n, b := s.full.Load()-full, s.sent.Load()-sent; n != 0 {
		t.Errorf("second sync: %d feeds fetched whole (%d bytes), want none", n, b)
	}
	before := dirFiles(t, dir)
	s.set("a", proxy, "Second text")
	out, errs, code = run(t, "sync", "--into", dir)
	if code != 0 || !strings.Contains(out, "0 new, 2 updated") || strings.Contains(out, "already there") {
		t.Errorf("after A changed: exit %d, want A's two files updated\n%s\n%s", code, out, errs)
	}
	after := dirFiles(t, dir)
	if len(after) != 4 {
		t.Errorf("files %d, want 4: %v", len(after), after)
	}
	changed := 0
	for name, data := range after {
		if before[name] != data {
			changed++
			if !strings.Contains(data, "Second text") || !strings.Contains(data, "source: "+proxy+"\n") {
				t.Errorf("%s:\n%s", name, data)
			}
		}
	}
	if changed != 2 {
		t.Errorf("%d files changed, want A's 2", changed)
	}
}

// A feed first synced before self links were recorded (feeds.toml with
// its validators, no self) keeps its files and validators, and one sync
// that reads it records its self link.
func TestSyncRecordsTheSelfLinkOfAFeedSyncedBefore(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	s := newSelfFeeds(t)
	const proxy = "http://feeds.proxy.example/a-feed"
	s.set("a", proxy, "First text")
	run(t, "feeds", "add", s.url("a"))
	dir := filepath.Join(t.TempDir(), "d")
	if out, errs, code := run(t, "sync", "--into", dir); code != 0 || !strings.Contains(out, "2 new") {
		t.Fatalf("first sync: exit %d\n%s\n%s", code, out, errs)
	}
	// as an earlier folio left it: no self line
	path, _ := feedsPath()
	toml, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := bytes.ReplaceAll(toml, []byte(`self = "`+proxy+`"`+"\n"), nil)
	if bytes.Equal(old, toml) {
		t.Fatalf("no self line in\n%s", toml)
	}
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	files := dirFiles(t, dir)
	s.set("a", proxy, "Second text")
	out, errs, code := run(t, "sync", "--into", dir)
	if code != 0 || !strings.Contains(out, "0 new, 2 updated") {
		t.Errorf("sync: exit %d\n%s\n%s", code, out, errs)
	}
	if got := dirFiles(t, dir); len(got) != len(files) {
		t.Errorf("files %v, want %d", got, len(files))
	}
	if got := subscriptions(t); len(got) != 1 || got[0].Self != proxy || got[0].ETag == "" {
		t.Errorf("recorded: %+v", got)
	}
}
