package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
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
	srv, n := refusingServer(t, http.StatusServiceUnavailable, "0")
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

// A redirect is a request of its own: robots.txt is asked about where it
// leads, and the host's delay is kept between hops (a helper's report:
// http.Client's own following fetched a disallowed path, and five hops
// within one second). Too many hops, or one to another scheme, are refused
// naming the URL asked for; a Content-Length the body falls short of says
// so.
func TestRedirectsArePolite(t *testing.T) {
	var mu sync.Mutex
	var hops []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
		case r.URL.Path == "/to-private":
			http.Redirect(w, r, "/private/secret", http.StatusFound)
		case r.URL.Path == "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			mu.Lock()
			hops = append(hops, time.Now())
			mu.Unlock()
			n := strings.TrimPrefix(r.URL.Path, "/chain/")
			if n == "0" {
				w.Write([]byte("end"))
				return
			}
			http.Redirect(w, r, "/chain/"+string(rune(n[0]-1)), http.StatusMovedPermanently)
		case r.URL.Path == "/short":
			w.Header().Set("Content-Length", "100")
			w.Write([]byte("only this"))
		case strings.HasPrefix(r.URL.Path, "/private"):
			w.Write([]byte("secret"))
		}
	}))
	defer srv.Close()
	const delay = 30 * time.Millisecond
	c := &Client{Delay: delay, Retries: -1}
	ctx := context.Background()
	if resp, err := c.Get(ctx, srv.URL+"/to-private", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt") ||
		!strings.HasPrefix(err.Error(), srv.URL+"/to-private: ") || !strings.Contains(err.Error(), "/private/secret") {
		t.Errorf("a redirect to a disallowed path: %v, %v", resp, err)
	}
	resp, err := c.Get(ctx, srv.URL+"/chain/4", Conditional{}, nil)
	if err != nil || string(resp.Body) != "end" || resp.URL != srv.URL+"/chain/0" {
		t.Fatalf("four hops: %v %v", resp, err)
	}
	for i := 1; i < len(hops); i++ {
		if gap := hops[i].Sub(hops[i-1]); gap < delay {
			t.Errorf("hop %d came %v after the one before, within the host's delay %v", i, gap, delay)
		}
	}
	if _, err := c.Get(ctx, srv.URL+"/chain/6", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "more than 5 redirects") {
		t.Errorf("six hops: %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/to-file", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "redirected to not an http or https URL") {
		t.Errorf("a redirect to file: %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/short", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "closed before the whole answer") {
		t.Errorf("a body shorter than its Content-Length: %v", err)
	}
}

// A robots.txt that redirects (http to https, a bare domain to www) is
// read where it leads (a review's report: the 301 was read as an answer of
// no body, which allows everything).
func TestRobotsTxtThatRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.Redirect(w, r, "/real-robots.txt", http.StatusMovedPermanently)
		case "/real-robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
		default:
			w.Write([]byte("secret"))
		}
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	if _, err := c.Get(context.Background(), srv.URL+"/private/x", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Errorf("a disallowed path behind a redirected robots.txt: %v", err)
	}
	if resp, err := c.Get(context.Background(), srv.URL+"/public", Conditional{}, nil); err != nil || string(resp.Body) != "secret" {
		t.Errorf("an allowed path: %v %v", resp, err)
	}
}

// A robots.txt the server cannot give (a 5xx after the retries) allows
// nothing, as RFC 9309 asks, and says why; one that is not there (404)
// allows everything (a helper's report: a passing 503 let every page of
// the host be fetched).
func TestRobotsThatCannotBeReadAllowNothing(t *testing.T) {
	var pages, robots atomic.Int32
	status := atomic.Int32{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robots.Add(1)
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(int(status.Load()))
			return
		}
		pages.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()

	status.Store(http.StatusServiceUnavailable)
	c := &Client{Delay: -1, Retries: 1}
	for range 2 {
		_, err := c.Get(context.Background(), srv.URL+"/private/page", Conditional{}, nil)
		if err == nil || !strings.Contains(err.Error(), "robots.txt could not be read (HTTP 503)") {
			t.Fatalf("robots.txt answering 503: %v", err)
		}
	}
	if pages.Load() != 0 || robots.Load() != 2 {
		t.Errorf("%d pages fetched, robots.txt asked %d times (want 0, and 2: once and its retry, for the client)", pages.Load(), robots.Load())
	}

	status.Store(http.StatusNotFound)
	c = &Client{Delay: -1, Retries: 1}
	if resp, err := c.Get(context.Background(), srv.URL+"/private/page", Conditional{}, nil); err != nil || string(resp.Body) != "ok" {
		t.Errorf("robots.txt not there: %v %v", resp, err)
	}
}

// A Retry-After longer than the client waits ends the retries at once,
// saying how long the server asked for (a helper's report: an hour was
// cut to a minute and the request repeated).
func TestRetryAfterBeyondTheCapGivesUp(t *testing.T) {
	srv, n := refusingServer(t, http.StatusTooManyRequests, "3600")
	c := &Client{Delay: -1, Retries: 2}
	_, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil)
	if err == nil || !strings.Contains(err.Error(), "asked to wait 3600 seconds") || n.Load() != 1 {
		t.Fatalf("err %v after %d requests, want 1 and the wait asked for", err, n.Load())
	}
	// the host's other pages are not asked for meanwhile (a review: each
	// was asked a second after the last)
	_, err = c.Get(context.Background(), srv.URL+"/y", Conditional{}, nil)
	if err == nil || !strings.Contains(err.Error(), "not asked: its server asked to wait 3600 seconds") || n.Load() != 1 {
		t.Errorf("second page: err %v after %d requests, want none", err, n.Load())
	}
	if got := waitText(80 * 365 * 24 * time.Hour); got != "29200 days" {
		t.Errorf("a wait to 2099: %q", got)
	}
}

// A Retry-After too long for a Duration (a date past 2262, seconds past
// 292 years or past 64 bits) is the longest wait, said, and the server is
// asked once. Before, the date was read as no Retry-After (backoff: asked
// 3 times in 4 s) and 9223372036854775807 seconds wrapped negative (a bare
// "429 Too Many Requests").
func TestRetryAfterPastADurationGivesUp(t *testing.T) {
	for _, v := range []string{"Fri, 31 Dec 9999 23:59:59 GMT", "9223372036854775807", "99999999999999999999"} {
		srv, n := refusingServer(t, http.StatusTooManyRequests, v)
		c := &Client{Delay: -1, Retries: 2}
		_, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil)
		if err == nil || !strings.Contains(err.Error(), "asked to wait 36500 days") || n.Load() != 1 {
			t.Errorf("Retry-After %s: err %v after %d requests, want 1 and the wait asked for", v, err, n.Load())
		}
	}
}

// A disallowed path is not fetched by another spelling of it: escaped
// unreserved characters, empty or dot segments (a helper's report:
// /%70rivate/x and //private/x were fetched past "Disallow: /private").
func TestRobotsPathSpellings(t *testing.T) {
	var fetched atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
			return
		}
		fetched.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	for _, p := range []string{"/%70rivate/x", "/%70%72ivate", "//private/x", "/./private/x", "/public/../private/x", "/%2E/private"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if fetched.Load() != 0 {
		t.Errorf("%d disallowed pages fetched", fetched.Load())
	}
	for _, p := range []string{"/public/x", "/a%2Fprivate", "/", "/privat"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	for in, want := range map[string]string{"": "/", "/a/": "/a/", "/a//b/./c/..": "/a/b/", "/%7euser": "/~user", "/a%2fb": "/a%2Fb", "/caf%c3%a9": "/caf%C3%A9"} {
		if got := robotsPath(in); got != want {
			t.Errorf("robotsPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// A rule written with escapes or dot segments matches as the path it
// names, whichever spelling the page's URL has (a review: with the URL's
// path alone decoded, "Disallow: /%7Ejoe/" let /%7Ejoe/page be fetched);
// an empty Disallow still allows everything.
func TestRobotsRulesSpelledOtherwise(t *testing.T) {
	var fetched atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\r\nDisallow: /%7Ejoe/ # home pages\r\nDisallow: /x/./y\r\nDisallow: //\r\nDisallow: /search?q=%41\r\nDisallow:\r\n"))
			return
		}
		fetched.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	for _, p := range []string{"/%7Ejoe/page", "/~joe/page", "/x/./y", "//dup", "/search?q=%41", "/search?q=A"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if fetched.Load() != 0 {
		t.Errorf("%d disallowed pages fetched", fetched.Load())
	}
	// "Disallow: //" is the double-slash paths', not the site (a second
	// review: cleaned to "/", it blocked every page)
	for _, p := range []string{"/joe/page", "/x/z", "/articles/1"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// Rules written with a space before the colon, in raw UTF-8, or with an
// escape in lower case hex are kept to (RFC 9309: octets outside ASCII
// compared percent-encoded, escapes in either case): listed as open
// questions by a review, checked here.
func TestRobotsRulesOtherSpellings(t *testing.T) {
	var fetched atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow : /private\nDisallow: /café\nDisallow: /a%2fb\n"))
			return
		}
		fetched.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	for _, p := range []string{"/private/x", "/caf%C3%A9/menu", "/café/menu", "/a%2Fb", "/a%2fb/c"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if fetched.Load() != 0 {
		t.Errorf("%d disallowed pages fetched", fetched.Load())
	}
	for _, p := range []string{"/public", "/cafe/menu", "/a/b"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// A sloppy // link to a page a longer rule allows is fetched: the path is
// tested as written only when a rule names such a path (a third review:
// "Disallow: /" with "Allow: /news/" refused //news/item.html).
func TestRobotsAllowOfACleanedPath(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			// a // in a rule's query names no sloppy path (a review: it
			// made //news/item.html be matched as written, and refused)
			w.Write([]byte("User-agent: *\nDisallow: /\nAllow: /news/\nDisallow: /go?u=http://x\n"))
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	for _, p := range []string{"//news/item.html", "/news//item.html", "/x/../news/item.html"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := c.Get(context.Background(), srv.URL+"/other", Conditional{}, nil); err == nil {
		t.Error("/other fetched past Disallow: /")
	}
}

// A robots.txt longer than the client reads is read to its first 500 KiB
// (RFC 9309), not refused as unreadable (a helper's report: one over the
// 10 MB limit stopped every page of its host).
func TestLongRobotsTxtIsReadInPart(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
			for range 20_000 {
				w.Write([]byte("# a comment line, many times over, to make the file long\n"))
			}
			w.Write([]byte("Disallow: /public\n"))
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1, MaxBytes: 100 << 10}
	if resp, err := c.Get(context.Background(), srv.URL+"/public/x", Conditional{}, nil); err != nil || string(resp.Body) != "ok" {
		t.Errorf("an allowed page: %v %v", resp, err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/private/x", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt asks") {
		t.Errorf("a disallowed page: %v", err)
	}
}

// A Client whose Delay is zero keeps DefaultDelay between two requests to
// one host: a second, as the README says (a helper's report: a
// DefaultDelay of 0 survived every test, each setting its own Delay).
// The gap asserted is a lower bound, which a busy machine only widens.
func TestZeroClientKeepsTheDefaultDelay(t *testing.T) {
	if DefaultDelay != time.Second {
		t.Errorf("DefaultDelay %v; the README says a second", DefaultDelay)
	}
	var mu sync.Mutex
	var at []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		mu.Unlock()
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{IgnoreRobots: true}
	for _, p := range []string{"/a", "/b"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(at) != 2 || at[1].Sub(at[0]) < DefaultDelay {
		t.Errorf("requests at %v: want %v apart", at, DefaultDelay)
	}
}

// A Retry-After just over the 60 s the client waits at most (61 s) ends
// the retries at once, as one of an hour does (a helper's report: a cap
// of 600 s survived every test, which asked for an hour). The context's
// deadline ends a client that waits instead, failing the test quickly.
func TestRetryAfterJustOverTheCapGivesUp(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Retry-After", "61")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := &Client{Delay: -1, Retries: 2, IgnoreRobots: true}
	_, err := c.Get(ctx, srv.URL+"/x", Conditional{}, nil)
	if err == nil || !strings.Contains(err.Error(), "asked to wait 61 seconds before trying again, longer than folio waits (60 seconds)") || n.Load() != 1 {
		t.Errorf("err %v after %d requests, want 1 and the wait asked for", err, n.Load())
	}
}

// A page that declares no charset and is not UTF-8 is read in the
// encoding its text is found in, past a head of scripts longer than what
// the detector reads (a review: Russian and Greek pages were read as
// windows-1252); a page whose <meta> declares windows-1252 is read so,
// as a browser reads it.
func TestDetectedCharset(t *testing.T) {
	const ru = "Набоков объясняет каждую строфу, спорит с прежними переводчиками и приводит источники, которые Пушкин читал в молодости."
	const el = "Άλλοι σχολιαστές εξηγούσαν τις δύσκολες λέξεις, τη μυθολογία και τη γεωγραφία του έπους για τους αναγνώστες της εποχής τους."
	head := "<head><script>" + strings.Repeat("var x = 1; // the head of a page\n", 600) + "</script></head>"
	for _, c := range []struct {
		text, meta string
		enc        *charmap.Charmap
		want       string
	}{
		{ru, "", charmap.Windows1251, ru},
		{ru, "", charmap.KOI8R, ru},
		{strings.Repeat("A long English prefix. ", 1000) + ru, "", charmap.Windows1251, strings.Repeat("A long English prefix. ", 1000) + ru},
		{ru, "", charmap.ISO8859_5, ru},
		{el, "", charmap.Windows1253, el},
		{el, "", charmap.ISO8859_7, el},
		{"Un th\u00e9\u00e2tre \u00e0 Gen\u00e8ve, l'\u00e9t\u00e9 dernier, tr\u00e8s anim\u00e9.", "", charmap.Windows1252, "Un th\u00e9\u00e2tre \u00e0 Gen\u00e8ve, l'\u00e9t\u00e9 dernier, tr\u00e8s anim\u00e9."},
		{ru, `<meta charset="windows-1252">`, charmap.Windows1251, "\u041d\u0430\u0431\u043e\u043a\u043e\u0432"},
	} {
		body, err := c.enc.NewEncoder().Bytes([]byte("<html>" + c.meta + head + "<body><p>" + c.text + "</p></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		got := string((&Response{Body: body, ContentType: "text/html"}).UTF8())
		if c.meta != "" {
			// declared, obeyed: the Cyrillic is windows-1252's letters
			if strings.Contains(got, c.want) || !strings.Contains(got, "\u00cd\u00e0\u00e1\u00ee\u00ea\u00ee\u00e2") {
				t.Errorf("declared windows-1252 read as %q", got[len(got)-200:])
			}
			continue
		}
		if !strings.Contains(got, "<p>"+c.want+"</p>") {
			t.Errorf("%s read as %q", c.enc, got[len(got)-300:])
		}
	}
}

// A page that declares no charset is read as windows-1252 unless the
// words of its text outside ASCII are more plausible in another
// encoding: an English page's one French word stays French (a review:
// chardet, taken at any confidence on a few words, read "à la carte" as
// windows-1250's "ŕ la carte"), and a few Cyrillic, Greek or Polish
// words, or a short Russian feed, are read in their own (they were read
// as Latin-1); a paragraph of Czech, Polish or Turkish is read in its
// encoding, one of Western European languages in windows-1252.
func TestDetectedCharsetFewWords(t *testing.T) {
	en := strings.Repeat("Paragraph of an English commentary on European security policy, written plainly for readers. ", 20)
	for _, c := range []struct {
		name, text string
		enc        *charmap.Charmap
	}{
		{"one French word", en + "The menu was \u00e0 la carte. " + en + "Voil\u00e0 \u2014 done.", charmap.Windows1252},
		{"a café", en + "We met at a caf\u00e9. " + en, charmap.Windows1252},
		{"French", "Le gouvernement fran\u00e7ais a pr\u00e9sent\u00e9 mercredi un projet de loi qui pr\u00e9voit de r\u00e9former l'assurance ch\u00f4mage, d\u00e8s l'\u00e9t\u00e9 prochain.", charmap.Windows1252},
		{"German", "Kritiker bef\u00fcrchten, dass die \u00c4nderungen zu gr\u00f6\u00dferen L\u00fccken f\u00fchren, w\u00e4hrend die Gewerkschaften \u00fcber h\u00f6here L\u00f6hne verhandeln.", charmap.Windows1252},
		{"Danish", "Kritikere frygter, at \u00e6ndringerne vil f\u00f8re til st\u00f8rre forskelle, mens fagforeningerne kr\u00e6ver h\u00f8jere l\u00f8n til l\u00e6rere og l\u00e6ger p\u00e5 hospitalerne.", charmap.Windows1252},
		{"three Russian words", en + "The Kremlin (\u041a\u0440\u0435\u043c\u043b\u044c) said \u041f\u0443\u0442\u0438\u043d would meet \u0417\u0435\u043b\u0435\u043d\u0441\u043a\u0438\u0439. " + en, charmap.Windows1251},
		{"three Russian words in KOI8-R", en + "The Kremlin (\u041a\u0440\u0435\u043c\u043b\u044c) said \u041f\u0443\u0442\u0438\u043d would meet \u0417\u0435\u043b\u0435\u043d\u0441\u043a\u0438\u0439. " + en, charmap.KOI8R},
		{"one Greek word", en + "The word \u03bb\u03cc\u03b3\u03bf\u03c2 means reason. " + en, charmap.Windows1253},
		{"two Polish words", en + "In \u0141\u00f3d\u017a, the mayor said: dzi\u0119kuj\u0119. " + en, charmap.Windows1250},
		{"Polish", "Rz\u0105d przedstawi\u0142 w \u015brod\u0119 projekt ustawy, kt\u00f3ry ma zmieni\u0107 system emerytalny. Krytycy obawiaj\u0105 si\u0119, \u017ce zmiany doprowadz\u0105 do wi\u0119kszych r\u00f3\u017cnic mi\u0119dzy regionami.", charmap.Windows1250},
		{"Polish in ISO-8859-2", "Rz\u0105d przedstawi\u0142 w \u015brod\u0119 projekt ustawy, kt\u00f3ry ma zmieni\u0107 system emerytalny. Krytycy obawiaj\u0105 si\u0119, \u017ce zmiany doprowadz\u0105 do wi\u0119kszych r\u00f3\u017cnic mi\u0119dzy regionami.", charmap.ISO8859_2},
		{"Czech", "Vl\u00e1da ve st\u0159edu p\u0159edstavila n\u00e1vrh z\u00e1kona, kter\u00fd m\u00e1 zm\u011bnit d\u016fchodov\u00fd syst\u00e9m. Kritici se ob\u00e1vaj\u00ed, \u017ee zm\u011bny povedou k v\u011bt\u0161\u00edm rozd\u00edl\u016fm mezi regiony, zat\u00edmco odbory po\u017eaduj\u00ed vy\u0161\u0161\u00ed mzdy pro u\u010ditele a l\u00e9ka\u0159e v nemocnic\u00edch.", charmap.Windows1250},
		{"Turkish", "H\u00fck\u00fcmet \u00e7ar\u015famba g\u00fcn\u00fc emeklilik sistemini de\u011fi\u015ftirecek bir yasa tasar\u0131s\u0131 sundu. Ele\u015ftirmenler de\u011fi\u015fikliklerin b\u00f6lgeler aras\u0131nda daha b\u00fcy\u00fck farkl\u0131l\u0131klara yol a\u00e7aca\u011f\u0131ndan korkuyor, sendikalar ise \u00f6\u011fretmenler i\u00e7in daha y\u00fcksek \u00fccret talep ediyor.", charmap.Windows1254},
	} {
		body, err := c.enc.NewEncoder().Bytes([]byte("<html><body><p>" + c.text + "</p></body></html>"))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := string((&Response{Body: body, ContentType: "text/html"}).UTF8()); !strings.Contains(got, "<p>"+c.text+"</p>") {
			t.Errorf("%s (%s) read as %q", c.name, c.enc, got[max(0, len(got)-200):])
		}
	}
	// a short Russian feed, served without a charset, its XML
	// declaration without an encoding
	const feed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Новости</title><link>http://example.org/</link><description>Лента</description>
<item><title>Кремль заявил о переговорах</title><link>http://example.org/n0</link><description>Переговоры продолжатся на следующей неделе.</description></item>
<item><title>Новые санкции</title><link>http://example.org/n1</link><description>Евросоюз обсуждает новый пакет.</description></item>
</channel></rss>`
	body, err := charmap.Windows1251.NewEncoder().Bytes([]byte(feed))
	if err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>` + feed[len(`<?xml version="1.0"?>`):]
	if got := string((&Response{Body: body, ContentType: "application/xml"}).XMLUTF8()); got != want {
		t.Errorf("short Russian feed read as %q", got)
	}
}

// A page valid UTF-8 beyond ASCII is read as UTF-8 though its header says
// windows-1251 (a server's default; it was written as "РљРѕРјРјРµРЅС‚");
// ISO-2022-JP, ASCII alone, is read as declared.
func TestUTF8SentAsAnotherCharset(t *testing.T) {
	const ru = "<p>Комментарий Набокова</p>"
	if got := string((&Response{Body: []byte(ru), ContentType: "text/html", Charset: "windows-1251"}).UTF8()); got != ru {
		t.Errorf("read as %q", got)
	}
	jis := []byte("<p>\x1b$BEl5~\x1b(B</p>") // 東京
	if got := string((&Response{Body: jis, ContentType: "text/html", Charset: "iso-2022-jp"}).UTF8()); got != "<p>東京</p>" {
		t.Errorf("ISO-2022-JP read as %q", got)
	}
}

// robots.txt is matched as RFC 9309 says (a mutation pass found
// github.com/temoto/robotstxt did not): a pattern matches from the path's
// start, "$" ends it and "*" is any run; the longest matching rule
// decides, an Allow when as long as a Disallow; folio's group is the one
// naming its product token, not one whose name is a prefix of it; a rule
// before any user-agent is no rule, and the file is read all the same.
func TestRobotsRFC9309(t *testing.T) {
	for _, c := range []struct {
		name, robots string
		allowed      []string
		refused      []string
	}{
		{"anchored at the start", "User-agent: *\nDisallow: /private/\nAllow: /index.html$\nDisallow: /a$\nDisallow: /fish*.php\n",
			[]string{"/index.html", "/x/a", "/a/b", "/x/fish/a.php", "/fishy"},
			[]string{"/private/index.html", "/a", "/fish.php", "/fish/b.php?x=1"}},
		{"longest match, Allow on a tie", "User-agent: *\nDisallow: /page\nAllow: /page\nDisallow: /\nAllow: /news/\nDisallow: /news/old\nAllow: /*.css$\n",
			[]string{"/page", "/news/new", "/private/site.css"},
			[]string{"/other", "/news/old/1", "/site.css?v=2"}},
		{"the product token's group", "User-agent: fol\nDisallow: /\n\nUser-agent: *\nDisallow: /star\n",
			[]string{"/x"}, []string{"/star/1"}},
		{"folio's group, in any case, with a version", "User-agent: *\nDisallow: /\n\nUser-agent: Folio/1.0\nUser-agent: other\nDisallow: /mine\n\nuser-agent: FOLIO\nDisallow: /also\n",
			[]string{"/x", "/star"}, []string{"/mine/1", "/also"}},
		{"a rule before any user-agent", "Disallow: /nothing\nUser-agent: *\nDisallow: /private\n",
			[]string{"/nothing", "/public"}, []string{"/private/x"}},
		{"folio's group beside one whose name is a prefix of folio's", "User-agent: fol\nDisallow: /\n\nUser-agent: folio\nDisallow: /mine\n",
			[]string{"/x"}, []string{"/mine"}},
		{"folio's group without rules", "User-agent: folio\nDisallow:\n\nUser-agent: *\nDisallow: /\n",
			[]string{"/x"}, nil},
		{"a user-agent after rules starts a group", "User-agent: folio\nDisallow: /a\nUser-agent: other\nDisallow: /b\n",
			[]string{"/b"}, []string{"/a/1"}},
		{"a byte-order mark", "\xef\xbb\xbfUser-agent: *\nDisallow: /private\n",
			[]string{"/x"}, []string{"/private"}},
		{"a rule without its slash, wildcards within", "User-agent: *\nDisallow: tmp\nDisallow: /a*b*c\n",
			[]string{"/x/tmp", "/a-c-b"}, []string{"/tmp/x", "/a-b-c-b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var fetched []string
			var mu sync.Mutex
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.Write([]byte(c.robots))
					return
				}
				mu.Lock()
				fetched = append(fetched, r.URL.RequestURI())
				mu.Unlock()
				w.Write([]byte("ok"))
			}))
			defer srv.Close()
			cl := &Client{Delay: -1, Retries: -1}
			for _, p := range c.allowed {
				if _, err := cl.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
					t.Errorf("%s: %v", p, err)
				}
			}
			for _, p := range c.refused {
				if _, err := cl.Get(context.Background(), srv.URL+p, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt asks") {
					t.Errorf("%s: %v", p, err)
				}
			}
			if len(fetched) != len(c.allowed) {
				t.Errorf("fetched %q, want %q", fetched, c.allowed)
			}
		})
	}
}

// A rule is rewritten (unescaped, escaped, given its slash) whatever
// spelling of its key the matcher reads as Allow or Disallow, and
// whatever ends its lines, CR alone too (RFC 9309's EOL): a review found
// "Dissallow: /%7Ejoe/", "Disalow: private" and every rule of a file of
// CR-ended lines reached the matcher as written, blocking nothing.
func TestRobotsKeySpellingsAndLineEnds(t *testing.T) {
	for _, c := range []struct {
		name, robots string
		allowed      []string
		refused      []string
	}{
		{"Dissallow, escaped", "User-agent: *\nDissallow: /%7Ejoe/\n", []string{"/joe"}, []string{"/~joe/x", "/%7Ejoe/y", "/%7ejoe/z"}},
		{"Disalow, no slash", "User-agent: *\nDisalow: private\n", []string{"/public"}, []string{"/private", "/private/x"}},
		{"every misspelling", "User-agent: *\nDISSALOW: a\ndiaslow: b\nDiasllow: c\ndisallaw: /%64\nDisallowed: /caf\u00e9\n", []string{"/x"}, []string{"/a", "/b", "/c", "/d", "/caf%C3%A9"}},
		{"no colon", "User-agent: *\nDisalow /%7Ejoe/\nDisallow tmp\n", []string{"/x"}, []string{"/~joe/x", "/tmp"}},
		{"Allow misspelt by a suffix", "User-agent: *\nDisallow: /\nAllowed: /%7Ejoe/ # mine\n", []string{"/~joe/x"}, []string{"/x"}},
		{"CR alone", "User-agent: *\rDisallow: /%7Ejoe/\rDisallow: tmp\rDisallow: /caf\u00e9\r", []string{"/x"}, []string{"/~joe/x", "/%7Ejoe/y", "/tmp", "/caf%C3%A9"}},
		{"CRLF and CR mixed", "User-agent: *\r\nDisallow: /%7Ejoe/\r\rDisallow: tmp\nAllow: /tmp/ok\r", []string{"/x", "/tmp/ok"}, []string{"/~joe/x", "/tmp"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.Write([]byte(c.robots))
					return
				}
				w.Write([]byte("ok"))
			}))
			defer srv.Close()
			cl := &Client{Delay: -1, Retries: -1}
			for _, p := range c.allowed {
				if _, err := cl.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil {
					t.Errorf("%s refused: %v", p, err)
				}
			}
			for _, p := range c.refused {
				if _, err := cl.Get(context.Background(), srv.URL+p, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt asks") {
					t.Errorf("%s not refused: %v", p, err)
				}
			}
		})
	}
}

// A 500 is a passing error as a 503 is: a page is asked again, and a
// robots.txt answering it allows nothing (a mutation pass: only 503 was
// tried).
func TestStatus500(t *testing.T) {
	var pages atomic.Int32
	robots := atomic.Int32{}
	robots.Store(http.StatusNotFound)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(int(robots.Load()))
			return
		}
		if pages.Add(1) == 1 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: 1}
	if resp, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil); err != nil || string(resp.Body) != "ok" || pages.Load() != 2 {
		t.Errorf("a page answering 500 once: %v %v after %d requests", resp, err, pages.Load())
	}
	robots.Store(http.StatusInternalServerError)
	c = &Client{Delay: -1, Retries: 1}
	if _, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt could not be read (HTTP 500)") || pages.Load() != 2 {
		t.Errorf("robots.txt answering 500: %v, %d page requests", err, pages.Load())
	}
}

// robots.txt's redirects are followed as far as a page's (five): two hops
// lead to its rules.
func TestRobotsTxtTwoRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.Redirect(w, r, "/r1", http.StatusMovedPermanently)
		case "/r1":
			http.Redirect(w, r, "/r2", http.StatusFound)
		case "/r2":
			w.Write([]byte("User-agent: *\nDisallow: /private\n"))
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	if _, err := c.Get(context.Background(), srv.URL+"/private/x", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "robots.txt asks") {
		t.Errorf("a disallowed path behind two redirects of robots.txt: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/public", Conditional{}, nil); err != nil {
		t.Errorf("an allowed path: %v", err)
	}
}

// Of a robots.txt longer than 500 KiB, a line the limit cuts is left out,
// not read as the shorter rule it begins ("Disallow: /p" of "Disallow:
// /publicity" would refuse /public).
func TestLongRobotsTxtCutAtALine(t *testing.T) {
	head := "User-agent: *\nDisallow: /private\n"
	rule := "Disallow: /publicity\n"
	pad := maxRobots - len(head) - len("Disallow: /p")
	var body strings.Builder
	body.WriteString(head)
	for body.Len() < len(head)+pad-60 {
		body.WriteString("# a comment line, many times over, to make the file long\n")
	}
	body.WriteString("#" + strings.Repeat("x", len(head)+pad-body.Len()-2) + "\n")
	if body.Len() != maxRobots-len("Disallow: /p") {
		t.Fatalf("padding: %d", body.Len())
	}
	body.WriteString(rule)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte(body.String()))
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1}
	if _, err := c.Get(context.Background(), srv.URL+"/public/x", Conditional{}, nil); err != nil {
		t.Errorf("an allowed page: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/private/x", Conditional{}, nil); err == nil {
		t.Error("a disallowed page fetched")
	}
}

// A body of MaxBytes is read, with a Content-Length or without; one byte
// more is refused, saying the limit.
func TestSizeLimitBoundary(t *testing.T) {
	const limit = 1 << 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := limit
		if strings.HasPrefix(r.URL.Path, "/over") {
			n++
		}
		body := strings.Repeat("x", n)
		if strings.HasSuffix(r.URL.Path, "-chunked") {
			w.Write([]byte(body[:n/2]))
			w.(http.Flusher).Flush() // no Content-Length now
			w.Write([]byte(body[n/2:]))
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Write([]byte(body))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1, IgnoreRobots: true, MaxBytes: limit}
	for _, p := range []string{"/exact", "/exact-chunked"} {
		if resp, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err != nil || len(resp.Body) != limit {
			t.Errorf("%s: %v", p, err)
		}
	}
	for p, want := range map[string]string{"/over": "the response is 1048577 bytes, over the 1 MB limit", "/over-chunked": "the response is over the 1 MB limit"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", p, err, want)
		}
	}
}

// Timeout covers the body too: a server that sends its headers and then
// stalls is given up on, saying so.
func TestTimeoutCoversTheBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1, IgnoreRobots: true, Timeout: 200 * time.Millisecond}
	// a client that waits on is cancelled (not timed out) by the test
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer time.AfterFunc(20*time.Second, cancel).Stop()
	if _, err := c.Get(ctx, srv.URL, Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "no complete answer within 200ms (timed out)") {
		t.Errorf("a stalled body: %v", err)
	}
}

// Five redirects, as many as are followed, reach the page.
func TestFiveRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if n == 0 {
			w.Write([]byte("end"))
			return
		}
		http.Redirect(w, r, "/"+strconv.Itoa(n-1), http.StatusFound)
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1, IgnoreRobots: true}
	if resp, err := c.Get(context.Background(), srv.URL+"/5", Conditional{}, nil); err != nil || string(resp.Body) != "end" {
		t.Errorf("five redirects: %v %v", resp, err)
	}
}

// A conditional GET sends Last-Modified as If-Modified-Since (sync keeps
// only that of a feed that sends no ETag).
func TestConditionalGetByDate(t *testing.T) {
	const lm = "Tue, 01 Dec 2026 10:00:00 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lm)
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, IgnoreRobots: true}
	first, err := c.Get(context.Background(), srv.URL, Conditional{}, nil)
	if err != nil || first.LastModified != lm || first.NotModified {
		t.Fatalf("first: %+v %v", first, err)
	}
	second, err := c.Get(context.Background(), srv.URL, Conditional{LastModified: first.LastModified}, nil)
	if err != nil || !second.NotModified {
		t.Fatalf("second: %+v %v", second, err)
	}
}

// A response's URL, which add writes as the piece's source, has neither
// the fragment nor the user name and password of the URL asked for.
func TestResponseURLWithoutFragmentOrUser(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, IgnoreRobots: true}
	asked := strings.Replace(srv.URL, "http://", "http://alice:s3cret@", 1) + "/page#part-2"
	if resp, err := c.Get(context.Background(), asked, Conditional{}, nil); err != nil || resp.URL != srv.URL+"/page" {
		t.Errorf("%v %v", resp, err)
	}
}

// A 503 without Retry-After is asked again after a second (the backoff's
// first step), not at once: the lower bound, which a busy machine only
// widens.
func TestBackoffWaitsASecond(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		n := len(at)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{Delay: -1, IgnoreRobots: true}
	if _, err := c.Get(context.Background(), srv.URL, Conditional{}, nil); err != nil {
		t.Fatal(err)
	}
	if len(at) != 2 || at[1].Sub(at[0]) < time.Second {
		t.Errorf("requests at %v: want a second apart", at)
	}
	for d, want := range map[time.Duration]string{48 * time.Hour: "2 days", 2 * time.Hour: "2 hours", 119 * time.Minute: "7140 seconds"} {
		if got := waitText(d); got != want {
			t.Errorf("waitText(%v) = %q, want %q", d, got, want)
		}
	}
}

// refusingServer answers every page but robots.txt (none) with status
// and a Retry-After of retryAfter, counting the pages asked for (n).
func refusingServer(t *testing.T, status int, retryAfter string) (srv *httptest.Server, n *atomic.Int32) {
	n = new(atomic.Int32)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n.Add(1)
		w.Header().Set("Retry-After", retryAfter)
		w.WriteHeader(status)
	}))
	t.Cleanup(srv.Close)
	return srv, n
}

// A URL has PerURL in all, 3 × Timeout unless set: a Retry-After that
// would pass it is not waited for, and said, naming the URL, and the
// host's other pages are not asked before it (an attack: with 30 s a
// URL took 416 s, a tarpit answering 503 and Retry-After: 60 after 29 s,
// twice, then redirecting to the next tarpit); a robots.txt that never
// answers ends at PerURL too, though each request has longer.
func TestURLHasItsTimeInAll(t *testing.T) {
	srv, n := refusingServer(t, http.StatusServiceUnavailable, "1")
	c := &Client{Delay: -1, Retries: 2, Timeout: 300 * time.Millisecond}
	start := time.Now()
	_, err := c.Get(context.Background(), srv.URL+"/x", Conditional{}, nil)
	if took := time.Since(start); err == nil || n.Load() != 1 || took >= time.Second ||
		!strings.Contains(err.Error(), srv.URL+"/x: the server answered 503 Service Unavailable and asked to wait 1 seconds before trying again, past the 900ms this URL may take in all") {
		t.Errorf("a Retry-After past the URL's time: %v after %d requests in %s, want 1 request and no wait", err, n.Load(), took)
	}
	if _, err = c.Get(context.Background(), srv.URL+"/y", Conditional{}, nil); err == nil || n.Load() != 1 ||
		!strings.Contains(err.Error(), srv.URL+"/y: not asked: its server asked to wait 1 seconds") {
		t.Errorf("the host's next page: %v after %d requests, want none", err, n.Load())
	}

	stalled := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer stalled.Close()
	c = &Client{Delay: -1, Retries: -1, Timeout: time.Minute, PerURL: 300 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer time.AfterFunc(20*time.Second, cancel).Stop()
	_, err = c.Get(ctx, stalled.URL+"/page", Conditional{}, nil)
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), stalled.URL+"/page: robots.txt could not be read (no complete answer within 300ms in all (timed out") {
		t.Errorf("a robots.txt that never answers: %v", err)
	}
}

// A host that gave no complete answer in time, or refused the
// connection, is not asked again by the client (an attack: each page of a
// full-text feed on a stalling host waited its 30 s: 5 items 156 s, 1,000
// would be 8.6 hours), saying why; a request cancelled holds nothing.
func TestUnreachableHostNotAskedAgain(t *testing.T) {
	var pages atomic.Int32
	arrived := make(chan struct{}, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		pages.Add(1)
		arrived <- struct{}{}
		<-r.Context().Done()
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1, Timeout: 200 * time.Millisecond}

	// cancelled: the host is asked again
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	if _, err := c.Get(ctx, srv.URL+"/a", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "cancelled") {
		t.Fatalf("cancelled: %v", err)
	}
	_, err := c.Get(context.Background(), srv.URL+"/b", Conditional{}, nil)
	if err == nil || !strings.Contains(err.Error(), srv.URL+"/b: no complete answer within 200ms (timed out)") || pages.Load() != 2 {
		t.Fatalf("after a cancelled request: %v, %d pages asked (want 2)", err, pages.Load())
	}
	_, err = c.Get(context.Background(), srv.URL+"/c", Conditional{}, nil)
	var fe *Error
	if !errors.As(err, &fe) || !fe.NotAsked || pages.Load() != 2 ||
		!strings.Contains(err.Error(), srv.URL+"/c: not asked: its server gave no complete answer within 200ms (timed out) at ") ||
		!strings.Contains(err.Error(), "it is not asked again this run") {
		t.Errorf("after a timeout: %v (%+v), %d pages asked (want 2)", err, fe, pages.Load())
	}

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	c = &Client{Delay: -1, Retries: -1}
	if _, err := c.Get(context.Background(), closed.URL+"/a", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("refused: %v", err)
	}
	_, err = c.Get(context.Background(), closed.URL+"/b", Conditional{}, nil)
	if !errors.As(err, &fe) || !fe.NotAsked || !strings.Contains(err.Error(), closed.URL+"/b: not asked: its server refused the connection at ") {
		t.Errorf("after a refused connection: %v", err)
	}
}

// A URL whose time in all runs out (PerURL) while its host answers each
// request in time leaves the host to be asked for the next URL (a review:
// a host answering each of 4 redirects in 2.2 s was "not asked" for the
// next pages, said to have given no complete answer).
func TestURLOutOfTimeInAllLeavesItsHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/slow":
			<-r.Context().Done() // until the URL's time in all ends
		default:
			w.Write([]byte("<html><body><p>fine</p></body></html>"))
		}
	}))
	defer srv.Close()
	c := &Client{Delay: -1, Retries: -1, Timeout: time.Minute, PerURL: 300 * time.Millisecond}
	if _, err := c.Get(context.Background(), srv.URL+"/slow", Conditional{}, nil); err == nil || !strings.Contains(err.Error(), "in all") {
		t.Fatalf("slow: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/fast", Conditional{}, nil); err != nil {
		t.Errorf("the next URL on the host: %v", err)
	}
}

// A robots.txt answered 429, after its retries, allows nothing, as a 5xx
// does (RFC 9309; Google reads it so): it counted as "not there", and
// the site was fetched (an attack, with and without a Retry-After).
func TestRobotsTxtAnswered429AllowsNothing(t *testing.T) {
	for _, ra := range []string{"", "0"} {
		var pages, robots atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				robots.Add(1)
				if ra != "" {
					w.Header().Set("Retry-After", ra)
				}
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			pages.Add(1)
			w.Write([]byte("ok"))
		}))
		c := &Client{Delay: -1, Retries: 1}
		_, err := c.Get(context.Background(), srv.URL+"/page", Conditional{}, nil)
		if err == nil || !strings.Contains(err.Error(), srv.URL+"/page: robots.txt could not be read (HTTP 429)") || pages.Load() != 0 || robots.Load() != 2 {
			t.Errorf("Retry-After %q: %v; %d pages, robots.txt asked %d times (want 0, and 2: once and its retry)", ra, err, pages.Load(), robots.Load())
		}
		srv.Close()
	}
}

// A feed that says no encoding is UTF-8 (XML's default): mostly UTF-8
// with a stray Latin-1 byte, it keeps its UTF-8 letters and has the byte
// read as windows-1252, as a feed said to be UTF-8 does (a read of the
// change: detected as windows-1252 whole, "Café" was "CafÃ©").
func TestUnlabelledFeedMostlyUTF8(t *testing.T) {
	body := []byte("<?xml version=\"1.0\"?><rss><channel><title>Caf\xc3\xa9 na\xc3\xafve \xe2\x80\x94 one stray caf\xe9 here</title></channel></rss>")
	want := "<?xml version=\"1.0\"?><rss><channel><title>Café naïve — one stray café here</title></channel></rss>"
	if got := string((&Response{Body: body}).XMLUTF8()); got != want {
		t.Errorf("read as %q, want %q", got, want)
	}
}
