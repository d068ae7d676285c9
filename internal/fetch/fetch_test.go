package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetryAfterThenSuccess(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1}
	resp, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil)
	if err != nil || string(resp.Body) != "ok" || n.Load() != 2 {
		t.Fatalf("after a 429: %v %v, %d requests", resp, err, n.Load())
	}
}

func TestGivesUpAfterRetries(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			n.Add(1)
		}
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: 2}
	_, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil)
	if err == nil || !strings.Contains(err.Error(), srv.URL+"/x: the server answered 503") || n.Load() != 3 {
		t.Fatalf("err %v after %d requests, want 3 and a 503 message", err, n.Load())
	}
}

func TestConditionalGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, IgnoreRobots: true}
	first, err := c.Get(context.Background(), srv.URL, Conditional{}, nil)
	if err != nil || first.ETag != `"v1"` || first.NotModified {
		t.Fatalf("first: %+v %v", first, err)
	}
	second, err := c.Get(context.Background(), srv.URL, Conditional{ETag: first.ETag, LastModified: first.LastModified}, nil)
	if err != nil || !second.NotModified {
		t.Fatalf("second: %+v %v", second, err)
	}
}

func TestCharsetDecoded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<p>caf\xe9</p>"))
	}))
	defer srv.Close()
	resp, err := (&Client{Delay: -1, IgnoreRobots: true}).Get(context.Background(), srv.URL, Conditional{}, nil)
	if err != nil || string(resp.UTF8()) != "<p>café</p>" {
		t.Fatalf("%q %v", resp.UTF8(), err)
	}
}

// A page that declares no charset is read as UTF-8 when it is valid
// UTF-8 (a served corpus page's "—" became "â€”"), and as windows-1252 when
// it is not.
func TestUndeclaredCharset(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"<p>(<em>Reuters</em>) \u2014 caf\u00e9</p>", "<p>(<em>Reuters</em>) \u2014 caf\u00e9</p>"},
		{"<p>caf\xe9 \x97 ok</p>", "<p>caf\u00e9 \u2014 ok</p>"},
	} {
		// The first KB is ASCII, as a page's head is: charset's own
		// detection reads only that far.
		head := "<head>" + strings.Repeat(" ", 2000) + "</head>"
		r := &Response{Body: []byte(head + c.body), ContentType: "text/html"}
		if got := strings.TrimPrefix(string(r.UTF8()), head); got != c.want {
			t.Errorf("%q read as %q; want %q", c.body, got, c.want)
		}
	}
}

// TestOneRequestAtATimePerHost: concurrent fetches from one host are made
// one after another; the server sees at most one at a time.
func TestOneRequestAtATimePerHost(t *testing.T) {
	var now, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		defer now.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: time.Millisecond, IgnoreRobots: true}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), srv.URL, Conditional{}, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("the server saw %d requests at once", most.Load())
	}
}

// TestBackoffWithoutRetryAfter: a 503 without Retry-After is retried after
// the backoff (capped here so that the test does not wait).
func TestBackoffWithoutRetryAfter(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, IgnoreRobots: true, MaxRetryAfter: time.Millisecond}
	if resp, err := c.Get(context.Background(), srv.URL, Conditional{}, nil); err != nil || string(resp.Body) != "ok" || n.Load() != 3 {
		t.Fatalf("%v after %d requests", err, n.Load())
	}
}
