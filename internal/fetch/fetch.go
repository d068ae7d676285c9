// Package fetch is folio's polite HTTP client, used only by the commands
// that take something from the web (add, import of a feed URL, sync).
//
// It fetches http and https URLs only, with a User-Agent naming folio,
// a connect timeout and a whole-response timeout, at most MaxBytes of body
// and MaxRedirects redirects (each to http or https, each hop a request of
// its own: robots.txt asked, the host's delay kept). Requests to one host
// go one at a time, Delay apart; a 429 or 5xx answer is retried a few
// times after Retry-After or an exponential backoff (capped); a server
// asking to wait longer than the cap is not asked again, nor is one that
// gave no answer in time or refused the connection. A URL has
// PerURL in all (3 × Timeout): its robots.txt, redirects, retries and
// their waits; a wait that would pass it is not waited. robots.txt is
// read once per host (parseRobots: github.com/jimsmart/grobotstxt) and a
// disallowed path is not fetched; one the server cannot give (a 429 or
// 5xx, no answer) disallows everything (RFC 9309). Every error names the URL. Response.UTF8 reads a
// page in the charset it declares, or in the one its text is found in
// (Detect); MultiByteReadings names the East Asian encodings that read a
// text whole.
package fetch

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/urlnorm"
)

// UserAgent names folio to the sites it fetches from.
const UserAgent = "folio/1 (terminal reader of commentary; +https://github.com/folio-tui/folio)"

// Defaults for a Client's zero fields.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultConnect      = 10 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultDelay        = time.Second
	DefaultRetries      = 2
	maxRetryAfter       = 60 * time.Second
	// maxRobots is how much of a robots.txt is read: RFC 9309 asks a
	// crawler to parse at least 500 KiB, and a longer one is read that
	// far (a helper's report: one over MaxBytes could not be read, and
	// then nothing on its host could be fetched).
	maxRobots = 500 << 10
	// perURLTimes is how many times Timeout one URL may take in all
	// (Client.PerURL's default)
	perURLTimes = 3
)

// Client fetches web pages and feeds politely. The zero value is ready to
// use with the defaults above; a Client is safe for concurrent use.
type Client struct {
	Timeout      time.Duration // whole request, body included
	Connect      time.Duration // dialing and TLS
	MaxBytes     int64         // largest body read
	MaxRedirects int
	Delay        time.Duration // between two requests to one host; negative for none
	Retries      int           // after a 429 or 5xx; negative for none
	// MaxRetryAfter caps the backoff (60 s when 0); a Retry-After longer
	// than it ends the retries at once.
	MaxRetryAfter time.Duration
	// PerURL bounds one Get in all: its robots.txt, redirects, retries
	// and their waits (perURLTimes × Timeout when 0). Each request had
	// Timeout and nothing bounded their sum (an attack: a URL with 30 s
	// took 416 s, a tarpit answering 503 and Retry-After: 60 after 29 s,
	// twice, then redirecting to the next tarpit).
	PerURL time.Duration
	// IgnoreRobots skips robots.txt (tests, or a page the user saved).
	IgnoreRobots bool
	// Transport replaces the default transport (tests).
	Transport http.RoundTripper

	once   sync.Once
	http   *http.Client
	mu     sync.Mutex
	hosts  map[string]*host
	robots map[string]robotsAnswer
}

type host struct {
	sync.Mutex
	last time.Time
	// until is when the host asked to be asked again, when that was past
	// what folio waits (MaxRetryAfter) or past a URL's time in all
	// (PerURL: a later URL waits for it when it can), or, a hundred
	// years on, that it gave no answer in time or refused the connection
	// (unreachable); said says so
	until time.Time
	said  string
}

// Conditional carries the validators of an earlier response, for a
// conditional GET.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a successful fetch.
type Response struct {
	URL          string // after redirects, without a user name and password (archive.WithoutUserinfo)
	Status       int
	ContentType  string // media type, lower case, without parameters
	Charset      string // from the header, if any
	Body         []byte // as sent (see UTF8)
	ETag         string
	LastModified string
	NotModified  bool // 304 to a conditional GET: Body is empty

	location *url.URL // a redirect's target (once1), followed by Get
}

func (c *Client) init() {
	c.once.Do(func() {
		connect := cmp.Or(c.Connect, DefaultConnect)
		tr := c.Transport
		if tr == nil {
			tr = &http.Transport{
				Proxy:                 http.ProxyFromEnvironment,
				DialContext:           (&net.Dialer{Timeout: connect}).DialContext,
				TLSHandshakeTimeout:   connect,
				ResponseHeaderTimeout: cmp.Or(c.Timeout, DefaultTimeout),
				MaxIdleConnsPerHost:   1,
			}
		}
		// Redirects are followed by Get, one request at a time: each hop
		// asks robots.txt and keeps the host's delay (a helper's report:
		// http.Client's own following fetched a disallowed path and five
		// hops within one second).
		c.http = &http.Client{
			Transport:     tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
		c.hosts = map[string]*host{}
		c.robots = map[string]robotsAnswer{}
	})
}

// Error is a failed fetch: the URL (said without a user name and
// password: archive.WithoutUserinfo) and why, on one line.
type Error struct {
	URL    string
	Msg    string
	Status int // the HTTP status, when there was one
	// NotAsked: the URL's host was not asked, for it asked to wait,
	// gave no answer or refused the connection earlier in the run (a caller says so once for
	// many URLs); Held is that host (after a redirect, the host it led
	// to, not the URL's) and HeldWhy why, as Msg says it
	NotAsked      bool
	Held, HeldWhy string
}

func (e *Error) Error() string { return archive.WithoutUserinfo(e.URL) + ": " + e.Msg }

// CheckURL says whether s is a URL folio fetches: absolute http or https
// with a host. Its error names s without a user name and password
// (archive.WithoutUserinfo; a helper's report: folio feeds add
// 'ftp://ann:s3cret@h.example/f.xml' said "not an http or https URL"
// with the password).
func CheckURL(s string) error {
	u, err := url.Parse(s)
	shown := archive.WithoutUserinfo(s)
	if err != nil {
		return fmt.Errorf("not a URL: %q", shown)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("not an http or https URL: %q", shown)
	}
	if u.Host == "" {
		return fmt.Errorf("no host in %q", shown)
	}
	return nil
}

// Get fetches rawURL. accept, if not nil, is asked about the media type
// before the body is read; its error refuses the response. cond makes the
// request conditional.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional, accept func(mediaType string) error) (*Response, error) {
	c.init()
	if err := CheckURL(rawURL); err != nil {
		return nil, err
	}
	u, _ := url.Parse(rawURL)
	u.Fragment = ""
	rawURL = u.String()
	whole := c.perURL()
	ctx, cancel := context.WithTimeoutCause(ctx, whole, &wholeUp{whole: whole})
	defer cancel()
	maxRedir := cmp.Or(c.MaxRedirects, DefaultMaxRedirects)
	for hops := 0; ; hops++ {
		// an error after a redirect names the URL asked for, and where
		// it led
		named := func(err error) error {
			var fe *Error
			if hops > 0 && errors.As(err, &fe) && fe.URL == u.String() {
				return &Error{URL: rawURL, Status: fe.Status, NotAsked: fe.NotAsked, Held: fe.Held, HeldWhy: fe.HeldWhy,
					Msg: fe.Msg + " (redirected to " + archive.WithoutUserinfo(fe.URL) + ")"}
			}
			return err
		}
		if err := c.hostReady(ctx, u); err != nil {
			return nil, named(err)
		}
		if !c.IgnoreRobots {
			if ok, unread := c.allowed(ctx, u); !ok {
				msg := "robots.txt asks robots not to fetch it"
				if unread != "" {
					msg = "robots.txt could not be read (" + unread + "); not fetched, as the robots rules ask (RFC 9309): try again later"
				}
				return nil, named(&Error{URL: u.String(), Msg: msg})
			}
		}
		resp, err := c.retrying(ctx, u, cond, accept, 0)
		if err != nil {
			return nil, named(err)
		}
		if resp.location == nil {
			return resp, nil
		}
		if hops >= maxRedir {
			return nil, &Error{URL: rawURL, Msg: fmt.Sprintf("more than %d redirects", maxRedir)}
		}
		if err := CheckURL(resp.location.String()); err != nil {
			return nil, &Error{URL: rawURL, Msg: "redirected to " + err.Error()}
		}
		u = resp.location
		u.Fragment = ""
	}
}

// perURL is the most one Get may take (PerURL).
func (c *Client) perURL() time.Duration {
	return cmp.Or(c.PerURL, perURLTimes*cmp.Or(c.Timeout, DefaultTimeout))
}

// wholeUp is the cause of a Get's context ending at PerURL.
type wholeUp struct{ whole time.Duration }

func (w *wholeUp) Error() string {
	return fmt.Sprintf("no complete answer within %s in all (timed out: the most a URL may take, with its robots.txt, redirects, retries and their waits)", w.whole)
}

// hostReady waits until u's host may be asked again, when its server
// asked to be asked later (host.until) and that is within what folio
// waits and within ctx's deadline; otherwise it says why the host is
// not asked.
func (c *Client) hostReady(ctx context.Context, u *url.URL) error {
	h := c.host(u)
	h.Lock()
	until, said := h.until, h.said
	h.Unlock()
	wait := time.Until(until)
	if wait <= 0 {
		return nil
	}
	dl, ok := ctx.Deadline()
	if wait > cmp.Or(c.MaxRetryAfter, maxRetryAfter) || ok && time.Now().Add(wait).After(dl) {
		return &Error{URL: u.String(), Msg: "not asked: " + said, NotAsked: true, Held: u.Host, HeldWhy: said}
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return c.explain(ctx, u.String(), ctx.Err(), 0)
	case <-t.C:
		return nil
	}
}

// retrying is once1, tried again after a 429 or 5xx, while ctx's
// deadline (Get's PerURL) leaves time for the wait.
func (c *Client) retrying(ctx context.Context, u *url.URL, cond Conditional, accept func(string) error, prefix int64) (*Response, error) {
	rawURL := u.String()
	retries := c.Retries
	if retries == 0 {
		retries = DefaultRetries
	}
	for attempt := 0; ; attempt++ {
		resp, wait, err := c.once1(ctx, u, cond, accept, prefix)
		if err == nil || wait < 0 || attempt >= retries {
			return resp, err
		}
		limit := cmp.Or(c.MaxRetryAfter, maxRetryAfter)
		var fe *Error
		if wait != backoff && wait > limit && errors.As(err, &fe) {
			// a server asking for longer than folio waits is not asked
			// again at once (a helper's report: a Retry-After of an hour
			// was cut to a minute and the request repeated)
			msg := fmt.Sprintf("%s and asked to wait %s before trying again, longer than folio waits (%d seconds): try again later",
				fe.Msg, waitText(wait), int64(limit/time.Second))
			// and its other pages are not asked for meanwhile (a review:
			// three pages of one host were asked for a second apart)
			c.holdAsked(u, wait)
			return nil, &Error{URL: fe.URL, Status: fe.Status, Msg: msg}
		}
		asked := wait != backoff
		if !asked {
			wait = time.Duration(1<<attempt) * time.Second
		}
		wait = min(wait, limit)
		if dl, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(dl) && errors.As(err, &fe) {
			// a wait past the URL's time in all is not waited for (an
			// attack: a tarpit's Retry-After: 60 was waited twice)
			left := max(time.Until(dl), 0).Round(time.Second)
			if !asked {
				return nil, &Error{URL: fe.URL, Status: fe.Status, Msg: fmt.Sprintf("%s; not asked again: the next try, %s later, would be past the %s this URL may take in all (%s left)",
					fe.Msg, waitText(wait), c.perURL(), left)}
			}
			c.holdAsked(u, wait)
			return nil, &Error{URL: fe.URL, Status: fe.Status, Msg: fmt.Sprintf("%s and asked to wait %s before trying again, past the %s this URL may take in all (%s left): not waited for, try again later",
				fe.Msg, waitText(wait), c.perURL(), left)}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, c.explain(ctx, rawURL, ctx.Err(), 0)
		case <-t.C:
		}
	}
}

// waitText says a wait in seconds, or in hours or days when long (a
// Retry-After date in 2099 was "2299758571 seconds").
func waitText(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int64(d/(24*time.Hour)))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int64(d/time.Hour))
	}
	return fmt.Sprintf("%d seconds", int64((d+time.Second-1)/time.Second))
}

// backoff is the wait once1 returns for a 429 or 5xx without a readable
// Retry-After: the caller backs off exponentially.
const backoff = time.Duration(1<<63 - 1)

// once1 makes one request. wait >= 0 with an error means the error may pass
// (429, 5xx): try again after wait (backoff: the caller's backoff). prefix,
// when over 0, reads only that much of a longer body, to its last line
// end, instead of refusing it.
func (c *Client) once1(ctx context.Context, u *url.URL, cond Conditional, accept func(string) error, prefix int64) (*Response, time.Duration, error) {
	rawURL := u.String()
	h := c.host(u)
	h.Lock()
	defer h.Unlock()
	delay := cmp.Or(c.Delay, DefaultDelay)
	if d := delay - time.Since(h.last); delay > 0 && !h.last.IsZero() && d > 0 {
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, -1, c.explain(ctx, rawURL, ctx.Err(), 0)
		case <-t.C:
		}
	}
	defer func() { h.last = time.Now() }()

	timeout := cmp.Or(c.Timeout, DefaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, asked(u).String(), nil)
	if err != nil {
		return nil, -1, &Error{URL: rawURL, Msg: err.Error()}
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.unreachable(ctx, h, err, timeout)
		return nil, -1, c.explain(ctx, rawURL, err, timeout)
	}
	defer resp.Body.Close()
	// the URL as written, not as asked (asked): where it led is said,
	// and a relative redirect read, in the host's spelling given
	base := resp.Request.URL
	if base.String() == req.URL.String() {
		base = u
	}
	final := archive.WithoutUserinfo(base.String())
	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		where := resp.Header.Get("Location")
		loc, err := base.Parse(where)
		if where == "" || err != nil {
			return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Msg: "the server answered " + resp.Status + " with no place to go"}
		}
		return &Response{URL: final, Status: resp.StatusCode, location: loc}, 0, nil
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Response{URL: final, Status: resp.StatusCode, NotModified: true,
			ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, retryAfter(resp.Header.Get("Retry-After")), &Error{URL: rawURL, Status: resp.StatusCode, Msg: "the server answered " + resp.Status}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Msg: "the server answered " + resp.Status}
	}
	mt, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	mt = strings.ToLower(mt)
	if accept != nil {
		if err := accept(mt); err != nil {
			return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Msg: err.Error()}
		}
	}
	limit := cmp.Or(c.MaxBytes, DefaultMaxBytes)
	if prefix > 0 {
		body, err := io.ReadAll(io.LimitReader(resp.Body, prefix+1))
		if err != nil {
			c.unreachable(ctx, h, err, timeout)
			return nil, -1, c.explain(ctx, rawURL, err, timeout)
		}
		if int64(len(body)) > prefix {
			body = body[:bytes.LastIndexByte(body[:prefix], '\n')+1]
		}
		return &Response{URL: final, Status: resp.StatusCode, ContentType: mt, Charset: params["charset"], Body: body}, 0, nil
	}
	if resp.ContentLength > limit {
		return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Msg: fmt.Sprintf("the response is %d bytes, over the %s limit", resp.ContentLength, size(limit))}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		c.unreachable(ctx, h, err, timeout)
		return nil, -1, c.explain(ctx, rawURL, err, timeout)
	}
	if int64(len(body)) > limit {
		return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Msg: fmt.Sprintf("the response is over the %s limit", size(limit))}
	}
	return &Response{URL: final, Status: resp.StatusCode, ContentType: mt, Charset: params["charset"], Body: body,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, 0, nil
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d-byte", n)
}

// unreachable keeps the host h (locked) from being asked again this run
// when err, a request's, says its server gave no complete answer within a
// request's time or refused the connection (not when the URL's time in
// all ran out): a timeout set nothing, so each page of a
// full-text feed on a stalling host waited its 30 s (an attack: 5 items
// 156 s, 1,000 would be 8.6 hours). A request cancelled (the run ends)
// holds nothing.
func (c *Client) unreachable(ctx context.Context, h *host, err error, timeout time.Duration) {
	var up *wholeUp
	var ne net.Error
	why := ""
	switch {
	case ctx.Err() != nil && errors.As(context.Cause(ctx), &up):
		// the URL's time in all ran out (a chain of redirects, each
		// answered in time): the host answers, and is asked for the next
		// URL (a review: a host answering every request in 2.2 s was "not
		// asked" for the next pages after one URL's 4 redirects)
		return
	case errors.Is(context.Cause(ctx), context.Canceled), errors.Is(err, context.Canceled):
		return
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		why = fmt.Sprintf("gave no complete answer within %s (timed out)", timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		why = "refused the connection"
	default:
		return
	}
	h.until = time.Now().Add(longestWait)
	h.said = fmt.Sprintf("its server %s at %s: it is not asked again this run", why, time.Now().Format("15:04"))
}

// holdAsked keeps u's host from being asked for wait, as its server asked:
// its other URLs are not asked meanwhile, said so.
func (c *Client) holdAsked(u *url.URL, wait time.Duration) {
	h := c.host(u)
	h.Lock()
	defer h.Unlock()
	h.until = time.Now().Add(wait)
	h.said = fmt.Sprintf("its server asked to wait %s from %s: try again later", waitText(wait), time.Now().Format("15:04"))
}

// explain turns a transport error into a message naming the URL; ctx is
// the request's, whose end at Get's PerURL is said as such.
func (c *Client) explain(ctx context.Context, rawURL string, err error, timeout time.Duration) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	var up *wholeUp
	if ctx.Err() != nil && errors.As(context.Cause(ctx), &up) {
		return &Error{URL: rawURL, Msg: up.Error()}
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return &Error{URL: rawURL, Msg: fmt.Sprintf("no complete answer within %s (timed out)", timeout)}
	case errors.Is(err, context.Canceled):
		return &Error{URL: rawURL, Msg: "cancelled"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{URL: rawURL, Msg: "the connection closed before the whole answer came (unexpected EOF)"}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &Error{URL: rawURL, Msg: err.Error()}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date; backoff
// when absent or unreadable. A wait past longestWait is longestWait: a
// date past 2262 or seconds past 292 years overflowed into backoff or a
// negative wait, and the server was asked again within seconds (an
// attack: a date in 9999 was asked 3 times in 4 s).
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return backoff
	}
	if s, err := strconv.ParseUint(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if s > uint64(longestWait/time.Second) {
			return longestWait
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(time.Until(t), 0), longestWait)
	}
	return backoff
}

// hostKey is u's host and port as the Client tells hosts apart (one
// request at a time, Delay apart; a host held; a robots.txt read): the
// host as a browser asks for it (archive.BrowserHost: in lower case,
// punycode, an IP address in one form, without a trailing dot), the port
// as archive.PortKey says (without leading zeros, none when the scheme's
// default), as archive.URLKey reads them. Two spellings of one host were
// two hosts, each asked Delay apart from its own requests alone
// ("EXAMPLE.com", "example.com." and "example.com:443" over https,
// "127.1" and "127.0.0.1", "[0::1]" and "[::1]").
func hostKey(u *url.URL) string {
	h, _ := archive.BrowserHost(u)
	return h + archive.PortKey(u)
}

// asked is u as a request asks for it: its host as the WHATWG URL
// standard serialises it (archive.StandardHost: an IPv4 address in
// dotted decimal, an IPv6 address as the standard writes it, a name in
// lower case and punycode, as IDNA's lookup makes it), its port, path and
// query as written; u itself when the standard refuses its host. Go's
// resolver reads no other IPv4 form: http://0x7f.1:8080/ and
// http://127.1:8080/, 127.0.0.1 to a browser and to archive.SameURL
// (folio feeds add said "already subscribed"), failed "lookup 0x7f.1: no
// such host".
func asked(u *url.URL) *url.URL {
	h, ok := archive.StandardHost(u)
	if !ok {
		return u
	}
	if p := u.Port(); p != "" {
		h += ":" + p
	}
	if h == u.Host {
		return u
	}
	a := *u
	a.Host = h
	return &a
}

// longestWait is the longest wait a Retry-After is read as, a hundred
// years: past any session, short of backoff and of overflow.
const longestWait = 100 * 365 * 24 * time.Hour

// host is the state of u's host: one for each host and port as
// hostKey tells them apart.
func (c *Client) host(u *url.URL) *host {
	name := hostKey(u)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[name]
	if h == nil {
		h = &host{}
		c.hosts[name] = h
	}
	return h
}

// robotsAnswer is what a host's robots.txt said: its rules, or, when it
// could not be read (a 5xx after the retries, no answer), why.
type robotsAnswer struct {
	rd     *robotsGroup // nil: no rules (none there: everything allowed)
	unread string
	// literal: a rule names a path with // or a dot segment, which a
	// fetched path is also tested against as written (robotsRules)
	literal bool
}

// allowed reads the host's robots.txt (once a Client) and asks it about
// u's path. As RFC 9309 says, a robots.txt that is not there (a 4xx)
// allows everything, and one that cannot be read (a 429 or 5xx, retried
// as a page is, or no answer) allows nothing, unread saying why: it used to
// allow everything, so a server's passing error let every page of the
// host be fetched (a helper's report).
func (c *Client) allowed(ctx context.Context, u *url.URL) (ok bool, unread string) {
	key := u.Scheme + "://" + hostKey(u)
	c.mu.Lock()
	ans, known := c.robots[key]
	c.mu.Unlock()
	if !known {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		resp, err := c.retrying(ctx, ru, Conditional{}, nil, maxRobots)
		// robots.txt's own redirects are followed (http to https, a bare
		// domain to www: RFC 9309 asks for five): read as an answer of no
		// body, a 301 allowed everything (a review's report)
		for hops := 0; err == nil && resp.location != nil; hops++ {
			if hops >= DefaultMaxRedirects || CheckURL(resp.location.String()) != nil {
				resp, err = nil, &Error{URL: ru.String(), Status: http.StatusNotFound, Msg: "robots.txt redirected too far"}
				break
			}
			resp, err = c.retrying(ctx, resp.location, Conditional{}, nil, maxRobots)
		}
		var fe *Error
		switch {
		case err == nil:
			body, literal := robotsRules(resp.Body)
			ans.rd = parseRobots(body, robotsAgent)
			ans.literal = literal
		case ctx.Err() != nil:
			// not kept: the run ends, or this URL's time in all did
			// (Get's PerURL), which may have been spent before
			if errors.As(err, &fe) {
				return false, fe.Msg
			}
			return false, ctx.Err().Error()
		case errors.As(err, &fe) && fe.Status >= 400 && fe.Status < 500 && fe.Status != http.StatusTooManyRequests:
			// not there: everything allowed (ans.rd nil); a 429 is the
			// server asking to be left alone, as a 5xx (an attack: a
			// robots.txt answering 429 let every page be fetched)
		case errors.As(err, &fe):
			ans.unread = fe.Msg
			if fe.Status != 0 {
				ans.unread = fmt.Sprintf("HTTP %d", fe.Status)
			}
		default:
			ans.unread = err.Error()
		}
		c.mu.Lock()
		c.robots[key] = ans
		c.mu.Unlock()
	}
	if ans.unread != "" {
		return false, ans.unread
	}
	if ans.rd == nil {
		return true, ""
	}
	// the path as the server reads it (cleaned: //private/x is /private/x),
	// and, when a rule names such a path ("Disallow: //", "Disallow:
	// /x/./y"), as written too: disallowed when either is. Only then: a
	// sloppy //news/x link to a page "Allow: /news/" lets through was
	// refused by "Disallow: /" (a third review).
	clean := robotsPath(u.EscapedPath())
	raw := urlnorm.UnescapeUnreserved(u.EscapedPath())
	if raw == "" {
		raw = "/"
	}
	if u.RawQuery != "" {
		q := "?" + urlnorm.UnescapeUnreserved(u.RawQuery)
		raw, clean = raw+q, clean+q
	}
	if !ans.rd.allows(clean) {
		return false, ""
	}
	return !ans.literal || raw == clean || ans.rd.allows(raw), ""
}

// robotsPath is the path robots.txt's rules are matched against: as RFC
// 9309 asks, the percent-encoded octets of unreserved characters decoded,
// and, as servers read it, empty and dot segments removed (a helper's
// report: /%70rivate/x and //private/x were fetched past "Disallow:
// /private"). A trailing slash stays. (archive's URLKey, of the same
// unescaping, keeps the empty segments, which RFC 3986 makes another path.)
func robotsPath(escaped string) string {
	p := urlnorm.UnescapeUnreserved(escaped)
	dir := strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
	p = path.Clean("/" + p)
	if dir && p != "/" {
		p += "/"
	}
	return p
}

// robotsRules is a robots.txt with the escapes of unreserved characters
// in its Allow and Disallow rules decoded, as a fetched path's are: both
// sides of the match in one form, as RFC 9309 asks (a review: with the
// fetched path alone decoded, "Disallow: /%7Ejoe/" no longer matched
// /%7Ejoe/page). Its octets outside ASCII are percent-encoded, as a
// fetched path's are ("Disallow: /café" never matched /caf%C3%A9), every
// escape is in capitals (urlnorm.UnescapeUnreserved: "%2f" is "%2F"), and a key
// is written without the space RFC 9309 allows before its colon
// ("Disallow : /private" was not read). A rule is one whatever spelling
// of its key the matcher reads as Allow or Disallow (robotsRuleKey:
// "Dissallow", "Disalow", "Disallow /p" without its colon) and whatever
// ends its line, CR, LF or CRLF, as the matcher reads them (a review:
// misspelt keys and CR-ended lines reached it as written, "Dissallow:
// /%7Ejoe/" blocking neither /~joe/x nor /%7Ejoe/y). Rules are not cleaned of dot
// segments or double slashes: "Disallow: //" made "/" blocked the whole
// site (a second review); a fetched path is matched as written and cleaned
// (allowed).
func robotsRules(body []byte) (_ []byte, literal bool) {
	var out []byte
	for len(body) > 0 {
		// a line ends at CR, LF or CRLF, as the matcher reads it (RFC
		// 9309's EOL; a review: rules of a file ending its lines in CR
		// alone were not rewritten)
		n := bytes.IndexAny(body, "\r\n")
		if n < 0 {
			n = len(body)
		}
		line := string(body[:n])
		eol := n
		if eol < len(body) {
			eol++
			if body[n] == '\r' && eol < len(body) && body[eol] == '\n' {
				eol++
			}
		}
		rewritten, lit := robotsLine(line)
		literal = literal || lit
		out = append(append(out, rewritten...), body[n:eol]...)
		body = body[eol:]
	}
	return out, literal
}

// robotsLine is one line of a robots.txt as robotsRules writes it.
func robotsLine(line string) (_ string, literal bool) {
	kv, comment, hasComment := strings.Cut(line, "#")
	key, value, ok := strings.Cut(kv, ":")
	if !ok {
		// the matcher reads "Disallow /p", a key and a value apart,
		// as "Disallow: /p"
		f := strings.Fields(kv)
		if len(f) != 2 || !robotsRuleKey(f[0]) {
			return line, false
		}
		key, value = f[0], f[1]
	}
	k := strings.TrimSpace(key)
	if !robotsRuleKey(k) {
		if k != key && ok {
			return k + ":" + line[len(key)+1:], false
		}
		return line, false
	}
	rule := strings.TrimSpace(value)
	if rule == "" {
		if ok {
			return k + ":" + line[len(key)+1:], false
		}
		return line, false
	}
	rule = escapeNonASCII(urlnorm.UnescapeUnreserved(rule))
	if !strings.HasPrefix(rule, "/") && !strings.HasPrefix(rule, "*") {
		// "Disallow: tmp" names /tmp: a path is never without its
		// slash, and a rule that matched nothing would let it be
		// fetched
		rule = "/" + rule
	}
	// a rule naming such a path, in its path: "Disallow: /go?u=http://x"
	// names none (a review: it made every sloppy // path be matched
	// as written, refusing //news/a that "Allow: /news/" lets through)
	if rp, _, _ := strings.Cut(rule, "?"); strings.Contains(rp, "//") || strings.Contains(rp, "/./") || strings.Contains(rp, "/../") || strings.HasSuffix(rp, "/.") || strings.HasSuffix(rp, "/..") {
		literal = true
	}
	out := k + ": " + rule
	if hasComment {
		out += " #" + comment
	}
	return out, literal
}

// robotsRuleKey reports whether the matcher reads key as an Allow or a
// Disallow: one that begins with either, in any case, or with one of the
// misspellings of Disallow it accepts (grobotstxt's AllowFrequentTypos:
// "Dissallow: /%7Ejoe/" was matched unread by folio, blocking neither
// /~joe/x nor /%7Ejoe/y). A User-agent key is never one.
func robotsRuleKey(key string) bool {
	k := strings.ToLower(key)
	for _, p := range []string{"user-agent", "useragent", "user agent"} {
		if strings.HasPrefix(k, p) {
			return false
		}
	}
	for _, p := range []string{"allow", "disallow", "dissallow", "dissalow", "disalow", "diaslow", "diasllow", "disallaw"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// escapeNonASCII percent-encodes the octets of s outside ASCII, in
// capitals, as a URL's path holds them.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
