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

// add and import write into the archive (--archive or $FOLIO_ARCHIVE)
// when --into is not given, as sync does: "folio --archive A add URL"
// and "folio --archive A import FILE" were refused ("required flag(s)
// "into" not set", a researcher's report). With neither, nothing is
// fetched or read and the message says what to give.
func TestAddAndImportWriteIntoTheArchive(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	srv := pieceServer(t, nil)
	arch := t.TempDir()
	if out, errs, code := run(t, "--archive", arch, "add", srv.URL+"/2019/11/piece"); code != 0 || !strings.Contains(out, "added") {
		t.Fatalf("add without --into: exit %d\n%s\n%s", code, out, errs)
	}
	feed := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(feed, fmt.Appendf(nil, feedXML, srv.URL), 0o644); err != nil {
		t.Fatal(err)
	}
	// the feed's one item is the page added: already in the archive
	if out, errs, code := run(t, "--archive", arch, "import", feed); code != 0 || !strings.Contains(out, "1 already there") {
		t.Fatalf("import into the archive of the page: exit %d\n%s\n%s", code, out, errs)
	}
	other := t.TempDir()
	if out, errs, code := run(t, "--archive", other, "import", feed); code != 0 || !strings.Contains(out, "1 added") {
		t.Fatalf("import without --into: exit %d\n%s\n%s", code, out, errs)
	}
	for _, dir := range []string{arch, other} {
		if out, _, code := run(t, "--archive", dir, "list"); code != 0 || !strings.Contains(out, "The alliance at seventy") {
			t.Errorf("list of %s:\n%s", dir, out)
		}
	}
	for _, args := range [][]string{{"add", srv.URL + "/2019/11/piece"}, {"import", feed}} {
		if _, errs, code := run(t, args...); code != 2 || !strings.Contains(errs, "no folder to write into: give --into DIR (or --archive DIR)") {
			t.Errorf("%s on the bundled archive without --into: exit %d %q", args[0], code, errs)
		}
	}
	// a Hugo or Zola site's root reads no page: refused, as --into too,
	// before anything is fetched (48r, 48s: "added" said of a file folio
	// list never showed)
	for _, cfg := range []string{"zola.toml", "hugo.toml"} {
		site := t.TempDir()
		if err := os.MkdirAll(filepath.Join(site, "content", "posts"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, cfg), []byte("base_url = \"https://s.example.org/\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"--archive", site, "add", srv.URL + "/2019/11/piece"}, {"--archive", site, "import", feed}, {"add", srv.URL + "/2019/11/piece", "--into", site}} {
			if _, errs, code := run(t, args...); code != 2 || !strings.Contains(errs, "site's root, whose pages are read from its content folder") {
				t.Errorf("%s %v: exit %d %q; want it refused", cfg, args, code, errs)
			}
		}
		into := filepath.Join(site, "content", "posts")
		if out, errs, code := run(t, "--archive", site, "add", srv.URL+"/2019/11/piece", "--into", into); code != 0 || !strings.Contains(out, "added") {
			t.Errorf("%s: add --into content/posts: exit %d\n%s\n%s", cfg, code, out, errs)
		}
		if out, _, _ := run(t, "--archive", site, "list"); !strings.Contains(out, "The alliance at seventy") {
			t.Errorf("%s: the piece added is not listed:\n%s", cfg, out)
		}
	}
}

// pieceServer serves feedXML at /feed.xml and the page of its one item
// ("The alliance at seventy") at any other path, counting the requests
// in gets (nil: not counted); closed when the test ends.
func pieceServer(t *testing.T, gets *atomic.Int32) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gets != nil {
			gets.Add(1)
		}
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, feedXML, srv.URL)
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}
