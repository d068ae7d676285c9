package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/fetch"
	"golang.org/x/text/encoding/charmap"
)

// A body of the client's limit is read, in the charset its header says,
// by both paths that read one (a page: add, Response.UTF8; a feed: import
// of its URL, Response.XMLUTF8); one byte more is refused by each before
// it is decoded, with a Content-Length or without, the message naming the
// URL and the limit.
func TestBodyOverTheLimitOnBothPaths(t *testing.T) {
	const limit = 1 << 20
	old := fetchClient
	fetchClient = func(timeout time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: timeout, Delay: -1, Retries: -1, MaxBytes: limit}
	}
	t.Cleanup(func() { fetchClient = old })
	cp1251 := func(s string) []byte {
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Errorf("%q: %v", s, err)
		}
		return b
	}
	// padded is doc with a comment before its end tag making it n bytes
	padded := func(doc []byte, end string, n int) []byte {
		i := strings.LastIndex(string(doc), end)
		pad := n - len(doc) - len("<!---->")
		return []byte(string(doc[:i]) + "<!--" + strings.Repeat("x", pad) + "-->" + string(doc[i:]))
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind, size, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/2019/11/"), "-")
		n := limit
		if strings.HasPrefix(size, "over") {
			n++
		}
		var body []byte
		switch kind {
		case "page":
			w.Header().Set("Content-Type", "text/html; charset=windows-1251")
			pg := strings.ReplaceAll(page("Комментарии к статье", "Иван Петров", srv.URL+r.URL.Path), "é", "e")
			body = padded(cp1251(pg), "</body>", n)
		case "feed":
			w.Header().Set("Content-Type", "application/rss+xml; charset=windows-1251")
			body = padded(cp1251(fmt.Sprintf(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Комментарии</title><link>%[1]s/</link>
<item><title>Комментарии к статье</title><link>%[1]s/2019/11/item</link><guid>%[1]s/2019/11/item</guid>
<pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate><description>Текст статьи.</description></item>
</channel></rss>`, srv.URL)), "</channel>", n)
		default:
			http.NotFound(w, r)
			return
		}
		if len(body) != n {
			t.Errorf("%s: %d bytes, want %d", r.URL.Path, len(body), n)
		}
		if strings.HasSuffix(size, "chunked") {
			w.Write(body[:n/2])
			w.(http.Flusher).Flush() // no Content-Length now
			w.Write(body[n/2:])
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Write(body)
	}))
	defer srv.Close()
	for _, cmd := range []struct{ name, kind string }{{"add", "page"}, {"import", "feed"}} {
		for _, size := range []string{"exact", "exact-chunked"} {
			into := t.TempDir()
			u := srv.URL + "/2019/11/" + cmd.kind + "-" + size
			out, errs, code := run(t, cmd.name, u, "--into", into)
			files, _ := filepath.Glob(filepath.Join(into, "*.md"))
			if code != 0 || len(files) != 1 {
				t.Errorf("%s %s: exit %d, files %v\n%s%s", cmd.name, u, code, files, out, errs)
				continue
			}
			if data, _ := os.ReadFile(files[0]); !strings.Contains(string(data), "title: Комментарии к статье") {
				t.Errorf("%s %s: written\n%.400s", cmd.name, u, data)
			}
		}
		for size, want := range map[string]string{"over": ": the response is 1048577 bytes, over the 1 MB limit", "over-chunked": ": the response is over the 1 MB limit"} {
			into := t.TempDir()
			u := srv.URL + "/2019/11/" + cmd.kind + "-" + size
			out, errs, code := run(t, cmd.name, u, "--into", into)
			if files, _ := filepath.Glob(filepath.Join(into, "*")); code == 0 || len(files) != 0 || !strings.Contains(errs, u+want) {
				t.Errorf("%s %s: exit %d, files %v, want %q in\n%s%s", cmd.name, u, code, files, u+want, out, errs)
			}
		}
	}
}
