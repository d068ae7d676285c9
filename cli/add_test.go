package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/importer"
	"github.com/folio-tui/folio/internal/extract"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/internal/webpage"
)

// The tests extract in-process, with the library the helper program
// folio-extract runs (cmd/folio-extract tests the program itself).
func init() { importer.Extract = extract.Page }

// quickFetch makes the web commands' fetcher fast for tests: no delay
// between requests, timeout as given by --timeout.
func quickFetch(t *testing.T) {
	old := fetchClient
	fetchClient = func(timeout time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: timeout, Delay: -1, Retries: -1}
	}
	t.Cleanup(func() { fetchClient = old })
}

const articleHTML = `<!doctype html><html lang="en"><head>
<title>%[1]s | The Daily Example</title>
<meta property="og:title" content="%[1]s">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="%[2]s">
<meta property="article:published_time" content="2019-11-06T10:00:00Z">
<meta property="article:tag" content="Foreign policy">
<meta name="description" content="A standfirst about the piece.">
<link rel="canonical" href="%[3]s">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>%[1]s</h1>
<p>The first paragraph of the piece says something worth keeping about the alliance and its future, at some length, so that an extractor sees a real body of text here.</p>
<p>A second paragraph goes on with the argument: treaties, budgets and the long view of the ministers who signed them, with <a href="javascript:alert(1)">a hostile link</a> and <a href="/related">a relative one</a>.</p>
<p>An interlude: the ministers met in a cold hall, the translators worked through the night, and the communiqué that came out of it all was shorter than anyone had expected, which told its own story.</p>
<p>A third paragraph closes the argument with a conclusion about what the next government should do, and why the reader ought to care about it this winter.</p>
</article>
<footer>Share this on social media. Cookie settings.</footer>
</body></html>`

func page(title, author, canonical string) string {
	return fmt.Sprintf(articleHTML, title, author, canonical)
}

func TestAddURL(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/2019/11/piece", "/2019/11/piece-again":
			if !strings.HasPrefix(r.UserAgent(), "folio/") {
				t.Errorf("User-Agent %q does not name folio", r.UserAgent())
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
		case "/private/x":
			t.Error("fetched a path robots.txt disallows")
		case "/doc.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	into := t.TempDir()

	out, errs, code := run(t, "add", srv.URL+"/2019/11/piece", srv.URL+"/doc.pdf", srv.URL+"/private/x", srv.URL+"/missing", "--into", into)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some URLs failed): %s %s", code, out, errs)
	}
	if !strings.Contains(out, "added") || !strings.Contains(out, "The alliance at seventy") {
		t.Errorf("want the added piece reported, got %q", out)
	}
	for _, want := range []string{"doc.pdf: not a web page (content type application/pdf)", "/private/x: robots.txt", "/missing: the server answered 404"} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in the errors, got %q", want, errs)
		}
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 || filepath.Base(files[0]) != "2019-11-06-the-alliance-at-seventy.md" {
		t.Fatalf("want one file named by date and title, got %v", files)
	}
	data, _ := os.ReadFile(files[0])
	a, probs := archive.Parse("x.md", data)
	if len(probs) > 0 {
		t.Fatalf("the written piece has problems: %v", probs)
	}
	if a.Title != "The alliance at seventy" || a.Outlet != "The Daily Example" || a.Date.String() != "2019-11-06" ||
		len(a.Authors) != 1 || a.Authors[0] != "Jane Doe" || a.URL != srv.URL+"/2019/11/piece" || a.Source != srv.URL+"/2019/11/piece" ||
		a.Standfirst != "A standfirst about the piece." {
		t.Errorf("metadata: %+v", a)
	}
	for _, want := range []string{"fetched: ", "extracted: go-trafilatura", "language: en", "tags: [foreign-policy]"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("want %q in the file:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "javascript:") || strings.Contains(string(data), "Cookie settings") {
		t.Errorf("hostile link or page furniture in the file:\n%s", data)
	}
	if !strings.Contains(string(data), "("+srv.URL+"/related)") {
		t.Errorf("want the relative link made absolute:\n%s", data)
	}

	// The same page again, by another URL with the same canonical: present.
	out, _, code = run(t, "add", srv.URL+"/2019/11/piece-again", "--into", into)
	if code != 0 || !strings.Contains(out, "present") || !strings.Contains(out, "same URL") {
		t.Errorf("re-adding: exit %d, %q", code, out)
	}
	// Edited by hand: even --force... rewrites (refresh), and says so.
	os.WriteFile(files[0], append(data, "\nMy note.\n"...), 0o644)
	out, _, code = run(t, "add", srv.URL+"/2019/11/piece", "--into", into, "--force")
	if code != 0 || !strings.Contains(out, "updated") {
		t.Errorf("--force: exit %d, %q", code, out)
	}
	if files2, _ := filepath.Glob(filepath.Join(into, "*.md")); len(files2) != 1 {
		t.Errorf("--force wrote a second file: %v", files2)
	}
}

func TestAddSameTextFromAnotherOutlet(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+r.URL.Path))
	}))
	defer srv.Close()
	into := t.TempDir()
	if out, errs, code := run(t, "add", srv.URL+"/a", "--into", into); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	out, _, code := run(t, "add", srv.URL+"/b", "--into", into)
	if code != 0 || !strings.Contains(out, "same text") || !strings.Contains(out, "already in the archive as") {
		t.Errorf("want the same text found, exit %d: %q", code, out)
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*.md")); len(files) != 1 {
		t.Errorf("present, yet written: %v", files)
	}
	// --as-copy adds it beside the first, saying whose copy it is
	out, _, code = run(t, "add", srv.URL+"/b", "--into", into, "--as-copy")
	if code != 0 || !strings.Contains(out, "added") || !strings.Contains(out, "a republished copy of") {
		t.Errorf("--as-copy: exit %d: %q", code, out)
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*.md")); len(files) != 2 {
		t.Errorf("--as-copy: %v", files)
	}
}

// TestAddNearCopy: a page with the same title whose last paragraph is
// another is added, and said to be a copy of the piece held.
func TestAddNearCopy(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		p := page("The alliance at seventy", "Jane Doe", srv.URL+r.URL.Path)
		if r.URL.Path == "/b" {
			p = strings.Replace(p, "A third paragraph closes the argument with a conclusion about what the next government should do, and why the reader ought to care about it this winter.",
				"This version ends differently: the editors of the other paper cut the conclusion and put a note of their own here, on the costs of the summit and its hotel bills.", 1)
		}
		fmt.Fprint(w, p)
	}))
	defer srv.Close()
	into := t.TempDir()
	if out, errs, code := run(t, "add", srv.URL+"/a", "--into", into); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	out, errs, code := run(t, "add", srv.URL+"/b", "--into", into)
	if code != 0 || !strings.Contains(out, "added") || !strings.Contains(out, "a republished copy of") || !strings.Contains(out, "(The Daily Example, 2019-11-06: same title, text ") {
		t.Errorf("near copy: exit %d: %q %q", code, out, errs)
	}
	t.Log(out)
}

func TestAddSlowHugeAndLooping(t *testing.T) {
	quickFetch(t)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			select { // answers only when the test ends
			case <-release:
			case <-r.Context().Done():
			}
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			chunk := strings.Repeat("<p>word word word word</p>\n", 4096)
			for i := 0; i < (fetch.DefaultMaxBytes/len(chunk))+2; i++ {
				if _, err := w.Write([]byte(chunk)); err != nil {
					return
				}
			}
		case "/loop":
			http.Redirect(w, r, "/loop2", http.StatusFound)
		case "/loop2":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(release)
	into := t.TempDir()
	// The slow page never answers: any timeout ends it. The others get a
	// timeout that is only a hang guard, so that reading 10 MB on a busy
	// machine is not cut short by the clock (under load it was: "no
	// complete answer within 300ms" instead of the size limit).
	_, slowErrs, code := run(t, "add", "--timeout", "300ms", srv.URL+"/slow", "--into", into)
	if code != 1 {
		t.Errorf("slow: exit %d, want 1", code)
	}
	_, errs, code := run(t, "add", "--timeout", "1m", srv.URL+"/huge", srv.URL+"/loop", srv.URL+"/ftp", "file:///etc/passwd", "--into", into)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	errs = slowErrs + errs
	for _, want := range []string{
		srv.URL + "/slow: no complete answer within 300ms (timed out)",
		srv.URL + "/huge: the response is over the 10 MB limit",
		srv.URL + "/loop: more than 5 redirects",
		srv.URL + "/ftp: redirected to not an http or https URL",
		`not an http or https URL: "file:///etc/passwd"`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*")); len(files) != 0 {
		t.Errorf("failed fetches wrote files: %v", files)
	}
}

func TestAddHostilePage(t *testing.T) {
	quickFetch(t)
	const evil = "\x1b]0;owned\x07Evil \x1b[2Jtitle\u202e\x9b31m"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page(evil+"&#27;[31m", "Mal\x1b[1mlory &#7;Author", "javascript:alert(1)"))
	}))
	defer srv.Close()
	into := t.TempDir()
	out, errs, code := run(t, "add", srv.URL+"/../../etc/x", "--into", into)
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if v := termsafe.Violation(out+errs, false); v != "" {
		t.Errorf("output holds %s: %q", v, out+errs)
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("want one file inside the folder, got %v", files)
	}
	data, _ := os.ReadFile(files[0])
	for i, r := range string(data) {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x202e {
			t.Fatalf("control %U at %d in the file:\n%q", r, i, data)
		}
	}
	if strings.Contains(string(data), "javascript:") {
		t.Errorf("javascript: URL in the file:\n%s", data)
	}
}

func TestAddSavedPage(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "saved.html")
	os.WriteFile(saved, []byte(page("Behind the paywall", "Ann Other", "https://example.com/2019/11/paywalled")), 0o644)
	into := filepath.Join(dir, "archive")
	out, errs, code := run(t, "add", "--html", saved, "--url", "https://example.com/2019/11/paywalled", "--into", into)
	if code != 0 || !strings.Contains(out, "Behind the paywall") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), "from a saved copy") || !strings.Contains(string(data), "source: https://example.com/2019/11/paywalled") {
		t.Errorf("file:\n%s", data)
	}
	if _, errs, code := run(t, "add", "--html", saved, "--into", into); code != 2 || !strings.Contains(errs, "--url") {
		t.Errorf("--html without --url: exit %d %q", code, errs)
	}
}

// TestReaderAdd: the reader's a writes the page into the archive folder
// and says so in a line; the same page again is present; a failure names
// the URL.
func TestReaderAdd(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/2019/11/piece" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+r.URL.Path))
	}))
	defer srv.Close()
	dir := t.TempDir()
	add := readerAdd(dir)
	msg, err := add(context.Background(), " "+srv.URL+"/2019/11/piece\n")
	if err != nil || !strings.HasPrefix(msg.Text, "added ") || !strings.Contains(msg.Text, "The alliance at seventy") || !msg.Written {
		t.Fatalf("add: %+v %v", msg, err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 1 {
		t.Errorf("files %v", files)
	}
	if msg, err := add(context.Background(), srv.URL+"/2019/11/piece"); err != nil || !strings.Contains(msg.Text, "already in the archive as") || msg.Written {
		t.Errorf("again: %+v %v", msg, err)
	}
	for _, u := range []string{srv.URL + "/missing", "ftp://example.org/x", "not a url"} {
		if _, err := add(context.Background(), u); err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("%s: error %v does not name it", u, err)
		}
	}
}

// TestAddLooksInTheWholeArchive: with --into a folder of the archive, a
// page the archive holds elsewhere is found there.
func TestAddLooksInTheWholeArchive(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
	}))
	defer srv.Close()
	arch := t.TempDir()
	if out, errs, code := run(t, "add", srv.URL+"/2019/11/piece", "--into", filepath.Join(arch, "2019")); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	web := filepath.Join(arch, "web")
	out, errs, code := run(t, "--archive", arch, "add", srv.URL+"/2019/11/piece", "--into", web)
	if code != 0 || !strings.Contains(out, "present") || !strings.Contains(out, filepath.Join(arch, "2019")) {
		t.Errorf("exit %d: %q %q", code, out, errs)
	}
	if _, err := os.Stat(web); err == nil {
		if files, _ := filepath.Glob(filepath.Join(web, "*.md")); len(files) != 0 {
			t.Errorf("written again: %v", files)
		}
	}
	// outside the archive, only the folder itself counts
	other := t.TempDir()
	if out, _, code := run(t, "--archive", arch, "add", srv.URL+"/2019/11/piece", "--into", other); code != 0 || !strings.Contains(out, "added") {
		t.Errorf("outside the archive: exit %d %q", code, out)
	}
}

// Without the helper that extracts pieces, folio add says so before it
// fetches anything (a helper's report: it fetched the page, then said "no
// article found on the page").
func TestAddWithoutTheHelperFetchesNothing(t *testing.T) {
	quickFetch(t)
	fetched := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fetched++ }))
	defer srv.Close()
	defer func(f func([]byte, string) (*webpage.Extraction, error)) { importer.Extract = f }(importer.Extract)
	importer.Extract = nil
	t.Setenv("FOLIO_EXTRACT", "")
	t.Setenv("PATH", t.TempDir())
	_, errOut, code := run(t, "add", srv.URL+"/2019/11/piece", "--into", t.TempDir())
	if code == 0 || !strings.Contains(errOut, "folio-extract, the helper that extracts pieces from web pages, is not installed") || strings.Contains(errOut, "no article found") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if fetched != 0 {
		t.Errorf("%d requests made", fetched)
	}
}

// FOLIO_EXTRACT naming no program is said before anything is fetched.
func TestAddWithAMissingFOLIOEXTRACT(t *testing.T) {
	defer func(f func([]byte, string) (*webpage.Extraction, error)) { importer.Extract = f }(importer.Extract)
	importer.Extract = nil
	t.Setenv("FOLIO_EXTRACT", filepath.Join(t.TempDir(), "nonexistent"))
	_, errOut, code := run(t, "add", "https://example.com/x", "--into", t.TempDir())
	if code == 0 || !strings.Contains(errOut, "is not installed: FOLIO_EXTRACT=") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// Binary data served as a web page, or without a content type, is
// refused, naming the URL; a page without a content type whose bytes are
// HTML is added (a helper's report: an image was written as a piece
// titled in mojibake).
func TestAddBinaryIsNoPage(t *testing.T) {
	quickFetch(t)
	binary := []byte("\x89PNG\r\n\x1a\n")
	for i := range 2048 {
		binary = append(binary, byte(i*7))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/png":
			w.Header()["Content-Type"] = nil
			w.Write(binary)
		case "/as-html":
			w.Header().Set("Content-Type", "text/html")
			w.Write(binary[8:])
		case "/as-utf8":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html><title>x</title>" + strings.Repeat("\xff\xfe\x80", 300)))
		case "/2019/11/untyped":
			w.Header()["Content-Type"] = nil
			fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", ""))
		case "/2019/11/xhtml": // a review: refused as XML
			w.Header()["Content-Type"] = nil
			fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?>`+"\n"+strings.ReplaceAll(page("An XHTML piece", "Jane Doe", ""), "<p>", "<p>Quite another text, on zebras and their stripes. "))
		case "/2019/11/mixed": // a second review: its UTF-8 garbled by a Latin-1 paragraph
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.ReplaceAll(page("Le café était animé", "Jane Doe", ""), "<p>", "<p>Un café très animé, didn\x92t it. "))
		case "/2019/11/sjis": // a third review: added as mojibake
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.ReplaceAll(page("Tokyo policy piece", "Jane Doe", ""), "<p>", "<p>\x93\x8c\x8b\x9e\x82\xcc\x8c\x6f\x8d\xcf\x90\xad\x8d\xf4\x82\xc9\x82\xc2\x82\xa2\x82\xc4\x81\x42 "))
		case "/2019/11/mostly-sjis": // refused as binary data
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<html><head><title>\x93\x8c\x8b\x9e</title></head><body><p>"+strings.Repeat("\x93\x8c\x8b\x9e\x82\xcc\x8c\x6f\x8d\xcf\x90\xad\x8d\xf4\x82\xc9\x82\xc2\x82\xa2\x82\xc4\x81\x42", 40)+"</p></body></html>")
		case "/2019/11/latin": // a review: a Latin-1 page sent as UTF-8 was refused as binary
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.ReplaceAll(page("Le th\xe9\xe2tre \xe0 Gen\xe8ve", "Jane Doe", ""), "<p>", "<p>Un th\xe9\xe2tre, l'\xe9t\xe9. "))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	into := t.TempDir()
	out, errs, code := run(t, "add", srv.URL+"/png", srv.URL+"/as-html", srv.URL+"/as-utf8", srv.URL+"/2019/11/untyped", srv.URL+"/2019/11/xhtml", srv.URL+"/2019/11/latin", srv.URL+"/2019/11/mixed", srv.URL+"/2019/11/sjis", srv.URL+"/2019/11/mostly-sjis", "--into", into, "--date", "2020")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		srv.URL + "/png: not a web page (sent without a content type; its bytes look like image/png)",
		srv.URL + "/as-html: not a web page: binary data sent as text/html",
		srv.URL + "/as-utf8: not a web page: binary data sent as text/html",
		srv.URL + "/2019/11/sjis: not added: its text is not the UTF-8 it says",
		srv.URL + "/2019/11/mostly-sjis: not added: its text is not the UTF-8 it says, and its other bytes come in pairs, and read whole as Shift_JIS or",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 4 || !strings.Contains(out, "The alliance at seventy") || !strings.Contains(out, "An XHTML piece") || !strings.Contains(out, "Le théâtre à Genève") {
		t.Errorf("want the untyped HTML page, the XHTML one, the Latin-1 one and the mixed one added, got %v\n%s\n%s", files, out, errs)
	}
	mixed, _ := filepath.Glob(filepath.Join(into, "*caf*.md"))
	if len(mixed) != 1 {
		t.Fatalf("mixed page: %v", mixed)
	}
	data, _ := os.ReadFile(mixed[0])
	if !strings.Contains(string(data), "Un café très animé, didn’t it.") || strings.Contains(string(data), "Ã") || strings.Contains(string(data), "\ufffd") {
		t.Errorf("mixed page's text:\n%s", data)
	}
}

// A user name and password in a URL are sent, and never written nor
// shown: not in url, source, import_id or the outlet of a page added,
// nor in a feed's items (a helper's report).
func TestAddURLWithCredentials(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/2019/11/piece":
			if u, p, ok := r.BasicAuth(); !ok || u != "alice" || p != "s3cret" {
				t.Errorf("no credentials sent: %q %q", u, p)
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, strings.Replace(page("The alliance at seventy", "Jane Doe", "piece"), `<meta property="og:site_name" content="The Daily Example">`, "", 1))
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			creds := strings.Replace(srv.URL, "://", "://bob:hunter2@", 1)
			fmt.Fprintf(w, strings.ReplaceAll(feedXML, "<guid>%[1]s/2019/11/piece</guid>", ""), creds)
		case "/missing":
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	creds := strings.Replace(srv.URL, "://", "://alice:s3cret@", 1)
	into := t.TempDir()
	out, errs, code := run(t, "add", creds+"/2019/11/piece", creds+"/missing", "--into", into)
	if code != 1 || !strings.Contains(out, "added") || !strings.Contains(errs, srv.URL+"/missing: the server answered 404") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
	into2 := t.TempDir()
	out2, errs2, code := run(t, "import", creds+"/feed.xml", "--into", into2)
	if code != 0 || !strings.Contains(out2, "1 added") {
		t.Errorf("import: exit %d\n%s\n%s", code, out2, errs2)
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	files2, _ := filepath.Glob(filepath.Join(into2, "*.md"))
	if len(files) != 1 || len(files2) != 1 {
		t.Fatalf("files %v %v", files, files2)
	}
	data, _ := os.ReadFile(files[0])
	data2, _ := os.ReadFile(files2[0])
	for _, s := range []string{out, errs, out2, errs2, string(data), string(data2)} {
		for _, secret := range []string{"s3cret", "alice", "hunter2", "bob"} {
			if strings.Contains(s, secret) {
				t.Errorf("%q in:\n%s", secret, s)
			}
		}
	}
	for _, want := range []string{"url: " + srv.URL + "/2019/11/piece", "source: " + srv.URL + "/2019/11/piece", "import_id: " + srv.URL + "/2019/11/piece"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("no %q in:\n%s", want, data)
		}
	}
	if !strings.Contains(string(data2), "url: "+srv.URL+"/2019/11/piece") {
		t.Errorf("feed item:\n%s", data2)
	}
}

// A note folio did not write (no import_id) is never the page, even with
// the page's url: the page is added beside it, the note named, and
// --force never writes over it (a helper's report: add said to use
// --force, and --force replaced the note).
func TestAddBesideANoteWithTheURL(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("The alliance at seventy", "Jane Doe", srv.URL+"/2019/11/piece"))
	}))
	defer srv.Close()
	into := t.TempDir()
	notePath := filepath.Join(into, "2019-11-06-the-alliance-at-seventy.md")
	note := "---\ntitle: My thoughts on the alliance\ndate: 2019-11-07\nurl: " + srv.URL + "/2019/11/piece\n---\n\nWhat I make of it, at length.\n"
	if err := os.WriteFile(notePath, []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, force := range []string{"--force", ""} {
		args := []string{"add", srv.URL + "/2019/11/piece", "--into", into}
		if force != "" {
			args = append(args, force)
		}
		out, errs, code := run(t, args...)
		if code != 0 {
			t.Errorf("%s: exit %d\n%s\n%s", force, code, out, errs)
		}
		if data, _ := os.ReadFile(notePath); string(data) != note {
			t.Fatalf("%s: the note was written over:\n%s", force, data)
		}
		if force != "" && (!strings.Contains(out, "added") || !strings.Contains(out, "2019-11-06-the-alliance-at-seventy.md, a file folio did not write, also has its URL")) {
			t.Errorf("first add: %s", out)
		}
		if force == "" && !strings.Contains(out, "present") {
			t.Errorf("second add: %s", out)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*.md")); len(files) != 2 {
		t.Errorf("files %v, want the note and the page", files)
	}
}

// A page's text is decoded once: its title (og:title), site name and
// description, which go-trafilatura decoded once more ("Write &amp;copy;
// for the sign", shown "Write &copy; for the sign", was "Write © for the
// sign"), and its body's "&copy;" as text, which the Markdown decoded.
func TestAddURLDecodesTextOnce(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/2019/11/signs" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		p := page("Write &amp;copy; for the sign", "Jane Doe", srv.URL+"/2019/11/signs")
		p = strings.Replace(p, `content="The Daily Example"`, `content="AT&amp;amp;T Daily"`, 1)
		p = strings.Replace(p, `content="A standfirst about the piece."`, `content="Use &amp;copy; to write &amp;amp;."`, 1)
		p = strings.Replace(p, `<p>An interlude:`, `<p>Use &amp;copy; to write &copy;, and &amp;lt;b&amp;gt;.</p><p>An interlude:`, 1)
		fmt.Fprint(w, p)
	}))
	defer srv.Close()
	into := t.TempDir()
	if out, errs, code := run(t, "add", srv.URL+"/2019/11/signs", "--into", into); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	a, probs := archive.Parse("x.md", data)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if a.Title != "Write &copy; for the sign" || a.Outlet != "AT&amp;T Daily" || a.Standfirst != "Use &copy; to write &amp;." {
		t.Errorf("title %q, outlet %q, standfirst %q", a.Title, a.Outlet, a.Standfirst)
	}
	if !strings.Contains(a.Body, "Use &amp;copy; to write ©, and &amp;lt;b&amp;gt;.") {
		t.Errorf("body:\n%s", a.Body)
	}
}

// A page's keywords are decoded once and cut only at their "," and ";":
// "tag &amp;amp; one, two &amp;copy;" gave the tags tag-& and one (cut at
// the ";" of the "&amp;" written for go-trafilatura, which splits after
// decoding) and two-© (decoded twice); an article:tag likewise.
func TestAddURLKeywordsDecodedOnce(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/2019/11/kw" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		p := page("Keywords", "Jane Doe", srv.URL+"/2019/11/kw")
		p = strings.Replace(p, `<meta property="article:tag" content="Foreign policy">`,
			`<meta name="keywords" content="tag &amp;amp; one, two &amp;copy;; three">`+
				`<meta property="article:tag" content="Fish &amp; chips &amp;amp; peas">`, 1)
		fmt.Fprint(w, p)
	}))
	defer srv.Close()
	into := t.TempDir()
	if out, errs, code := run(t, "add", srv.URL+"/2019/11/kw", "--into", into); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(into, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	a, probs := archive.Parse("x.md", data)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got := slices.Sorted(slices.Values(a.Tags))
	if want := []string{"fish-&-chips-&amp;-peas", "tag-&amp;-one", "three", "two-&copy;"}; !slices.Equal(got, want) {
		t.Errorf("tags %q, want %q", got, want)
	}
}

// A reference to a line's end (&#13;, &#x2028;, &#x2029;) in a web page
// or a feed parts the words around it, as in a front matter field: a space
// in a one-line field, a new line in the body (an attack's report: the
// importer dropped it as a control, "Web titleline", "AnnLee", the tags
// tagone and tagtwo, the outlet SiteName, a feed's "warpeace andmore" and
// body "line oneline two").
func TestImportsKeepLineEndReferences(t *testing.T) {
	quickFetch(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/2021/05/p1":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			p := page("Web &#x202e;title&#13;line", "Ann&#13;Lee", srv.URL+"/2021/05/p1")
			p = strings.Replace(p, `content="The Daily Example"`, `content="Site&#x2029;Name"`, 1)
			p = strings.Replace(p, `<meta property="article:tag" content="Foreign policy">`, `<meta name="keywords" content="tag&#13;one, tag&#x2028;two">`, 1)
			p = strings.Replace(p, `<p>An interlude:`, `<p>Its line one&#x2028;line two, three&#13;four.</p><p>An interlude:`, 1)
			fmt.Fprint(w, p)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed</title><link>%[1]s/</link><description>d</description>
<item><title>war&amp;#x2028;peace and&amp;#13;more</title><link>%[1]s/item1</link><dc:creator>Ann&amp;#13;Lee</dc:creator><category>x&amp;#13;y</category><pubDate>Tue, 04 May 2021 10:00:00 GMT</pubDate>
<description>Body line one&amp;#x2028;line two&lt;br&gt;- dash</description></item>
</channel></rss>`, srv.URL)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	read := func(into string) archive.Article {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(into, "*.md"))
		if len(files) != 1 {
			t.Fatalf("files %v", files)
		}
		data, _ := os.ReadFile(files[0])
		a, probs := archive.Parse("x.md", data)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		return a
	}
	into := t.TempDir()
	if out, errs, code := run(t, "add", srv.URL+"/2021/05/p1", "--into", into); code != 0 {
		t.Fatalf("add: exit %d: %s %s", code, out, errs)
	}
	a := read(into)
	if a.Title != "Web title line" || !slices.Equal(a.Authors, []string{"Ann Lee"}) || a.Outlet != "Site Name" ||
		!slices.Equal(slices.Sorted(slices.Values(a.Tags)), []string{"tag-one", "tag-two"}) {
		t.Errorf("page: title %q, authors %q, outlet %q, tags %q; want Web title line, Ann Lee, Site Name, tag-one and tag-two", a.Title, a.Authors, a.Outlet, a.Tags)
	}
	// a <br> to the extractor, which makes a new line a space
	if !strings.Contains(a.Body, "Its line one  \nline two, three  \nfour.") {
		t.Errorf("page: no line breaks in the body:\n%s", a.Body)
	}
	into = t.TempDir()
	if out, errs, code := run(t, "import", srv.URL+"/feed.xml", "--into", into); code != 0 {
		t.Fatalf("import: exit %d: %s %s", code, out, errs)
	}
	a = read(into)
	if a.Title != "war peace and more" || !slices.Equal(a.Authors, []string{"Ann Lee"}) || !slices.Equal(a.Tags, []string{"x-y"}) {
		t.Errorf("feed: title %q, authors %q, tags %q; want war peace and more, Ann Lee, x-y", a.Title, a.Authors, a.Tags)
	}
	if !strings.HasPrefix(a.Body, "Body line one\nline two") {
		t.Errorf("feed: body %q, want Body line one, a new line, line two", a.Body)
	}
}
