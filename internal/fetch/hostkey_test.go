package fetch

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// seenTransport answers every request itself (robots.txt not found,
// anything else "ok") and notes when each came.
type seenTransport struct {
	mu   sync.Mutex
	seen []seenRequest
}

type seenRequest struct {
	url string
	at  time.Time
}

func (s *seenTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.seen = append(s.seen, seenRequest{r.URL.String(), time.Now()})
	s.mu.Unlock()
	status, body := http.StatusOK, "ok"
	if r.URL.Path == "/robots.txt" {
		status, body = http.StatusNotFound, "no"
	}
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"text/plain"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// TestSpellingsOfOneHostShareItsQueue: two spellings of one host, as a
// browser asks for it, are one host to the Client: asked Delay apart and
// its robots.txt read once (each was a host of its own, its requests
// keyed by the URL's host as written: the second spelling was asked at
// once after the first, and its robots.txt read again).
func TestSpellingsOfOneHostShareItsQueue(t *testing.T) {
	const delay = 150 * time.Millisecond
	for _, pair := range [][2]string{
		{"http://EXAMPLE.test/a", "http://example.test./b"},
		{"https://example.test/a", "https://example.test:443/b"},
		{"http://example.test:8080/a", "http://example.test:08080/b"},
		{"http://127.0.0.1/a", "http://0x7f.1/b"},
		{"http://127.0.0.1/a", "http://2130706433/b"},
		{"http://[::1]/a", "http://[0:0:0:0:0:0:0:1]/b"},
		{"http://bücher.test/a", "http://xn--bcher-kva.test/b"},
	} {
		tr := &seenTransport{}
		c := &Client{Delay: delay, Retries: -1, Transport: tr}
		for _, u := range pair {
			if _, err := c.Get(context.Background(), u, Conditional{}, nil); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
		}
		robots := 0
		for i, s := range tr.seen {
			if strings.HasSuffix(s.url, "/robots.txt") {
				robots++
			}
			if i == 0 {
				continue
			}
			if gap := s.at.Sub(tr.seen[i-1].at); gap < delay {
				t.Errorf("%s and %s: %s asked %v after %s, within the host's delay %v", pair[0], pair[1], s.url, gap, tr.seen[i-1].url, delay)
			}
		}
		if len(tr.seen)-robots != 2 || robots != 1 {
			t.Errorf("%s and %s: asked %d pages and robots.txt %d times, want 2 and once", pair[0], pair[1], len(tr.seen)-robots, robots)
		}
	}
	// other hosts and ports stay apart
	tr := &seenTransport{}
	c := &Client{Delay: time.Hour, Retries: -1, IgnoreRobots: true, Transport: tr, PerURL: 5 * time.Second}
	for _, u := range []string{"http://example.test/a", "http://www.example.test/a", "http://example.test:8080/a", "http://127.0.0.2/a"} {
		if _, err := c.Get(context.Background(), u, Conditional{}, nil); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
}

// TestAsksForTheHostAsBrowsersDo: a URL whose host is 127.0.0.1 written
// in another form a browser reads (0x7f.1, 127.1, 2130706433) is fetched
// from 127.0.0.1 (Go's resolver looked the host up as a name: "lookup
// 0x7f.1: no such host"), its Host header as a browser sends it, its
// port, path and query as written; the URL said (Response.URL, a
// relative redirect read against it) stays as written.
func TestAsksForTheHostAsBrowsersDo(t *testing.T) {
	var mu sync.Mutex
	var hosts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hosts = append(hosts, r.Host)
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/old":
			http.Redirect(w, r, "/feed.xml?q=1", http.StatusMovedPermanently)
		default:
			w.Header().Set("Content-Type", "application/xml")
			w.Write([]byte("<rss>" + r.URL.RawQuery + "</rss>"))
		}
	}))
	defer srv.Close()
	port := strings.TrimPrefix(srv.URL, "http://127.0.0.1:")
	for _, h := range []string{"0x7f.1", "127.1", "2130706433", "0177.0.0.1"} {
		mu.Lock()
		hosts = nil
		mu.Unlock()
		c := &Client{Delay: -1, Retries: -1}
		for _, c2 := range []struct{ get, url, body string }{
			{"http://" + h + ":" + port + "/feed.xml?a=b", "http://" + h + ":" + port + "/feed.xml?a=b", "<rss>a=b</rss>"},
			{"http://" + h + ":" + port + "/old", "http://" + h + ":" + port + "/feed.xml?q=1", "<rss>q=1</rss>"},
		} {
			resp, err := c.Get(context.Background(), c2.get, Conditional{}, nil)
			if err != nil {
				t.Errorf("%s: %v", c2.get, err)
				continue
			}
			if resp.URL != c2.url || string(resp.Body) != c2.body {
				t.Errorf("%s: URL %s, body %q; want %s, %q", c2.get, resp.URL, resp.Body, c2.url, c2.body)
			}
		}
		mu.Lock()
		for _, got := range hosts {
			if got != "127.0.0.1:"+port {
				t.Errorf("%s: asked with Host %s, want 127.0.0.1:%s", h, got, port)
			}
		}
		mu.Unlock()
	}
}
