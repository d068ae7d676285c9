package fetch

import (
	"context"
	"io"
	"net/http"
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
