package cli

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
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

// folio add of a page the archive holds at its URL written another way
// is "present (same URL)", nothing written, as folio dups would call the
// two pieces copies: an IPv4 address in hex and in one number, an IPv6
// address written long, a name in capitals, a port with a leading zero
// (fetched from httptest servers, each answer another text), as before;
// and a page saved from a host the URL standard refuses, added again
// with another text into another folder of the archive
// (http://1.2.3.09/e, http://xn--a.example/f): it was held by its text
// alone, so written a second time ("added"), and folio dups then grouped
// the two (same URL).
func TestAddHoldsWhatDupsCallsCopies(t *testing.T) {
	quickFetch(t)
	var n atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/a" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, textPage(int(n.Add(1))))
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	rows := [][2]string{
		{"http://127.0.0.1:" + port + "/a", "http://0x7f.1:" + port + "/a"},
		{"http://127.0.0.1:" + port + "/a", "http://2130706433:" + port + "/a"},
		{"http://localhost:" + port + "/a", "http://LOCALHOST:" + port + "/a"},
		{"http://127.0.0.1:" + port + "/a", "http://127.0.0.1:0" + port + "/a"},
	}
	if l6, err := net.Listen("tcp", "[::1]:0"); err == nil {
		srv6 := httptest.NewUnstartedServer(h)
		srv6.Listener = l6
		srv6.Start()
		defer srv6.Close()
		_, port6, _ := net.SplitHostPort(l6.Addr().String())
		rows = append(rows, [2]string{"http://[::1]:" + port6 + "/a", "http://[0::1]:" + port6 + "/a"})
	} else {
		t.Logf("no IPv6 loopback (%v): [0::1] not tried", err)
	}
	for _, r := range rows {
		into := t.TempDir()
		if out, errs, code := run(t, "add", r[0], "--into", into); code != 0 || !strings.Contains(out, "added") {
			t.Fatalf("add %s: %d %s %s", r[0], code, out, errs)
		}
		out, errs, code := run(t, "add", r[1], "--into", into)
		if files, _ := filepath.Glob(filepath.Join(into, "*.md")); code != 0 || len(files) != 1 || !strings.Contains(out, "present") || !strings.Contains(out, "(same URL)") {
			t.Errorf("add %s after %s: exit %d, %d files\n%s\n%s", r[1], r[0], code, len(files), out, errs)
		}
	}

	saved := t.TempDir()
	for i := 1; i <= 2; i++ {
		if err := os.WriteFile(filepath.Join(saved, fmt.Sprint(i)+".html"), []byte(textPage(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []string{"http://1.2.3.09/e", "http://xn--a.example/f"} {
		root := t.TempDir()
		if out, errs, code := run(t, "--archive", root, "add", "--html", filepath.Join(saved, "1.html"), "--url", u, "--into", filepath.Join(root, "2019")); code != 0 || !strings.Contains(out, "added") {
			t.Fatalf("add --html %s: %d %s %s", u, code, out, errs)
		}
		out, errs, code := run(t, "--archive", root, "add", "--html", filepath.Join(saved, "2.html"), "--url", u, "--into", filepath.Join(root, "2024"))
		if code != 0 || !strings.Contains(out, "present") || !strings.Contains(out, "2019/2019-11-06-version-1.md (same URL)") {
			t.Errorf("add --html %s, another text, into another folder: exit %d\n%s\n%s", u, code, out, errs)
		}
		if out, _, _ := run(t, "--archive", root, "dups"); !strings.HasPrefix(out, "0 group(s)") {
			t.Errorf("%s: folio dups finds copies:\n%s", u, out)
		}
	}
}

// textPage is a page of its own text for each i (1 to 3): texts no two of
// which are alike, so that a piece is held by its URL or not at all.
func textPage(i int) string {
	words := []string{"The harbour froze early that winter and the boats stayed in. ",
		"A committee met on Tuesday to weigh the railway budget again. ",
		"Orchards in the valley gave a poor crop after the late frost. "}[(i-1)%3]
	return fmt.Sprintf(`<html><head><title>Version %d</title><meta property="article:published_time" content="2019-11-06"></head><body><article><p>%s</p><p>%s</p></article></body></html>`,
		i, strings.Repeat(words, 12), strings.Repeat(words, 12))
}
