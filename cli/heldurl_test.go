package cli

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A feed's item at a page the archive holds, written another way, is
// "already there (same URL)" to import and sync, as folio dups would call
// the two pieces copies: an IPv4 address in hex (0x7f.1 for 127.0.0.1,
// fetched by add from an httptest server), as before, and a page at a
// host the URL standard refuses (http://1.2.3.09/p, added from a saved
// copy), the very same URL: it was written again, and folio dups then
// grouped the two files (same URL).
func TestImportAndSyncHoldWhatDupsCallsCopies(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Another site</title><link>http://other.example/</link>
<item><title>Refused host</title><link>http://1.2.3.09/p</link><guid isPermaLink="false">1</guid><pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate><description>A summary.</description></item>
<item><title>Hex host</title><link>http://0x7f.1:%s/a</link><guid isPermaLink="false">2</guid><pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate><description>A summary.</description></item>
</channel></rss>`, port)
		case "/a":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/a"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	saved := filepath.Join(t.TempDir(), "saved.html")
	if err := os.WriteFile(saved, []byte(`<html><head><title>Saved at a refused host</title><meta property="article:published_time" content="2019-11-06"></head><body><article><p>`+
		strings.Repeat("The harbour froze early that winter and the boats stayed in. ", 12)+"</p><p>"+strings.Repeat("The ferry waited at the pier for a thaw. ", 12)+`</p></article></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "feeds", "add", srv.URL+"/feed.xml")
	for _, cmd := range []string{"import", "sync"} {
		into := t.TempDir()
		if out, errs, code := run(t, "add", "--html", saved, "--url", "http://1.2.3.09/p", "--into", into); code != 0 || !strings.Contains(out, "added") {
			t.Fatalf("add --html: %d %s %s", code, out, errs)
		}
		if out, errs, code := run(t, "add", srv.URL+"/a", "--into", into); code != 0 || !strings.Contains(out, "added") {
			t.Fatalf("add: %d %s %s", code, out, errs)
		}
		args := []string{"import", srv.URL + "/feed.xml", "--into", into}
		if cmd == "sync" {
			args = []string{"sync", "--into", into}
		}
		out, errs, code := run(t, args...)
		if files, _ := filepath.Glob(filepath.Join(into, "*.md")); code != 0 || len(files) != 2 || !strings.Contains(out, "2 already there (same URL)") {
			t.Errorf("%s: exit %d, %d files, want 2 and both items already there\n%s\n%s", cmd, code, len(files), out, errs)
		}
		if out, _, _ := run(t, "--archive", into, "dups"); !strings.HasPrefix(out, "0 group(s)") {
			t.Errorf("%s: folio dups finds copies:\n%s", cmd, out)
		}
	}
}
