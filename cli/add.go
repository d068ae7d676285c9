package cli

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/importer"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// fetchClient is the fetcher the web commands use; tests shorten its
// timeouts and delays.
var fetchClient = func(timeout time.Duration) *fetch.Client {
	return &fetch.Client{Timeout: timeout}
}

func newAddCmd(env *Env) *cobra.Command {
	var opts importer.PageOptions
	var htmlFile, pageURL string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "add URL... [--into DIR]",
		Short: "Fetch web pages and add the pieces on them to an archive",
		Long: `Fetch each URL, extract the piece on the page (its main text as Markdown, with
title, authors, date, outlet, canonical URL, standfirst, tags and language) with
go-trafilatura, run by the helper program folio-extract (installed beside folio:
go install github.com/folio-tui/folio/cmd/folio-extract@latest), and write it into
DIR as an ordinary folio piece. DIR is --into, else the archive (--archive or
$FOLIO_ARCHIVE; the bundled archive is read-only). The file also
records source (the URL fetched), fetched (the day) and extracted (how).

A page already in DIR, or anywhere in the archive (--archive or $FOLIO_ARCHIVE)
when DIR is in it (the same canonical or fetched URL, or the same text), is
reported and nothing is written; --force rewrites its file, and --as-copy adds a
page of the same text beside it (the same piece run by another outlet). A page
added that is a republished copy of a piece in DIR (text 70% alike, or 40% with
the same title) says so: folio dups lists the copies, --collapse-copies counts
them once, and the reader says where else a piece ran. A page without a
publication date is refused unless --date gives one: folio never invents a date.
With --html FILE --url URL, a page saved from a browser is added without
fetching anything.

folio fetches politely: http and https only, a User-Agent naming folio, robots.txt
obeyed, one request at a time per host a second apart, 30 s per response and
three times that for a URL in all (its robots.txt, redirects, retries and their
waits), at most 10 MB and 5 redirects, non-HTML refused. One failed URL does not
stop the others.`,
		Example: `  folio add https://example.com/2024/05/a-piece --into ~/archive/web
  folio add --html saved.html --url https://example.com/paywalled --into ~/archive/web`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Into, err = intoOrArchive(opts.Into, env); err != nil {
				return err
			}
			opts.Archive = archiveAround(env.ArchiveDir, opts.Into)
			// the flags are checked before anything is fetched: --date
			// was refused only after a page without a date had been, and
			// ignored otherwise; a --timeout of 0 or less failed every URL
			if opts.Date != "" {
				if _, err := archive.ParseDate(opts.Date); err != nil {
					return fmt.Errorf("--date %s: %v", termsafe.Quote(opts.Date), err)
				}
			}
			if err := importer.Ready(); err != nil {
				return err // before any page is fetched or read
			}
			if htmlFile != "" {
				if len(args) > 0 || pageURL == "" {
					return errors.New("--html takes no URL arguments and needs --url, the page's address")
				}
				if err := fetch.CheckURL(pageURL); err != nil {
					return err
				}
				data, err := archive.ReadRegular(htmlFile, fetch.DefaultMaxBytes)
				if err != nil {
					return err
				}
				resp := &fetch.Response{Body: data, ContentType: "text/html"}
				rep, err := importer.AddPage(importer.Page{HTML: resp.UTF8(), URL: pageURL, Fetched: time.Now(), Saved: true}, opts)
				if err != nil {
					return err
				}
				if printAdded(env.Out, env.Err, pageURL, rep, opts.Into) {
					return exitCode(1)
				}
				return nil
			}
			if len(args) == 0 {
				return errors.New("no URL given (or --html FILE --url URL)")
			}
			if timeout <= 0 {
				return fmt.Errorf("--timeout %s: give a time over 0 (30s, 2m)", timeout)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			c := fetchClient(timeout)
			failed := false
			for _, u := range args {
				rep, err := addURL(ctx, c, u, opts)
				if err != nil {
					fmt.Fprintf(env.Err, "failed    %s\n", termsafe.EscapeLines(err.Error()))
					failed = true
					continue
				}
				failed = printAdded(env.Out, env.Err, u, rep, opts.Into) || failed
			}
			if failed {
				return exitCode(1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.Into, "into", "", "folder to write the pieces into, created if missing (default: the archive)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "rewrite a piece already in the archive, even one edited since")
	cmd.Flags().BoolVar(&opts.AsCopy, "as-copy", false, "add a page whose text the archive holds as a piece of its own (a republished copy, another outlet)")
	cmd.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "say what would be done, write nothing")
	cmd.Flags().StringVar(&opts.Date, "date", "", "publication date for a page that gives none (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&htmlFile, "html", "", "add a page saved from a browser instead of fetching (needs --url)")
	cmd.Flags().StringVar(&pageURL, "url", "", "the address of the page given with --html")
	cmd.Flags().DurationVar(&timeout, "timeout", fetch.DefaultTimeout, "longest wait for one response (a URL in all: three times this)")
	_ = cmd.MarkFlagDirname("into")
	return cmd
}

// intoOrArchive is the folder add, import and sync write into: into
// (--into), else the archive's folder (--archive or $FOLIO_ARCHIVE); the
// bundled archive, which is read-only, is none, and so is a Hugo or Zola
// site's root, which reads no page there. (add and import wanted
// --into always, sync not: "folio --archive A add URL" was refused.)
func intoOrArchive(into string, env *Env) (string, error) {
	if into == "" {
		into = env.ArchiveDir
	}
	if into == "" {
		return "", errors.New("no folder to write into: give --into DIR (or --archive DIR)")
	}
	if archive.SiteRootReadsNone(into) {
		// a Hugo or Zola site reads its pages from content/: "added"
		// was said of a file the archive never showed (a review, 48r)
		return "", fmt.Errorf("%s is a Hugo or Zola site's root, whose pages are read from its content folder, not the root: give --into a folder of it (--into %s)",
			termsafe.Quote(into), termsafe.Quote(filepath.Join(into, "content", "posts")))
	}
	return into, nil
}

// archiveAround is the archive folder dir when into is in it (then a piece
// anywhere in the archive counts as already there), else "".
func archiveAround(dir, into string) string {
	if dir == "" || into == "" {
		return ""
	}
	a, err1 := filepath.Abs(dir)
	i, err2 := filepath.Abs(into)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(a, i)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return a
}

// acceptHTML refuses what is not a web page.
func acceptHTML(mt string) error {
	switch mt {
	case "text/html", "application/xhtml+xml", "":
		return nil
	}
	return fmt.Errorf("not a web page (content type %s)", mt)
}

// maxBinaryShare is the share of a page's characters that may be NUL or
// other control characters than white space before the page is taken for
// binary data.
const maxBinaryShare = 0.01

// maxForeignShare is the share of bytes not UTF-8 past which a page is
// taken for binary data, not for text in a one-byte encoding (accented
// letters are a few in a hundred of a Latin-1 text's).
const maxForeignShare = 0.3

// pageText is a fetched page as UTF-8 (Response.UTF8), or an error naming
// the URL when it is no web page: one sent without a content type whose
// first bytes are not HTML (http.DetectContentType; an XHTML page's XML
// declaration is HTML's), or whose text is binary data (a helper's report:
// an image served as text/html, or with no content type, was written as a
// piece titled in mojibake). Bytes that are not the UTF-8 the page says
// it is, without controls, are text in another encoding, read as
// windows-1252 as the HTML standard reads an unlabelled page (a review:
// a Latin-1 page sent as UTF-8 was refused as binary data); a page
// hardly any of whose text is UTF-8 is read whole in the one-byte encoding
// fetch.Detect finds its words in (windows-1251, KOI8-R, windows-1253),
// when it finds one.
func pageText(resp *fetch.Response) ([]byte, error) {
	if resp.ContentType == "" {
		mt, _, _ := mime.ParseMediaType(http.DetectContentType(resp.Body))
		xhtml := (mt == "text/xml" || mt == "application/xml") && bytes.Contains(bytes.ToLower(resp.Body[:min(len(resp.Body), 2048)]), []byte("<html"))
		if mt != "text/html" && mt != "text/plain" && !xhtml {
			return nil, &fetch.Error{URL: resp.URL, Status: resp.Status, Msg: "not a web page (sent without a content type; its bytes look like " + mt + ")"}
		}
	}
	text := resp.UTF8()
	ctl, invalid, multi, all := 0, 0, 0, 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		i += n
		all++
		switch {
		case n > 1:
			multi++
		case r == utf8.RuneError && n == 1:
			invalid++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f':
			ctl++
		}
	}
	binary := ctl > 0 && float64(ctl) > maxBinaryShare*float64(all)
	if !binary && invalid > 0 && multi*fetch.Mislabelled < invalid {
		// hardly any of its text is the UTF-8 it says: a Russian page in
		// windows-1251 or KOI8-R, a Greek one in windows-1253, sent as
		// UTF-8, is read in the one-byte encoding its words are found in
		// (a review: it was refused as binary data). A few of its letters
		// may be UTF-8 by chance (KOI8-R's "тё" is U+0523).
		// (Detect keeps windows-1252 unless another reading's words are
		// the more plausible: a review found one accented word, read
		// whatever chardet said at confidence 20, made "à" "ŕ")
		if enc, name, _ := fetch.Detect(text); name != "windows-1252" && oneByte(enc) {
			if dec, err := enc.NewDecoder().Bytes(text); err == nil {
				return dec, nil
			}
		}
	}
	if !binary && invalid > 0 && fetch.MultiByte(text) {
		// a third review: a Shift_JIS page labelled UTF-8 was added as
		// mojibake, read a byte at a time as windows-1252; one mostly in
		// Shift_JIS was refused as binary data
		if encs := fetch.MultiByteReadings(text); len(encs) > 0 || float64(invalid) <= maxForeignShare*float64(all) {
			as := "as a multi-byte encoding's (Shift_JIS, GBK, EUC) do"
			if len(encs) > 0 {
				as = "and read whole as " + strings.Join(encs, " or ")
			}
			return nil, &fetch.Error{URL: resp.URL, Status: resp.Status, Msg: "not added: its text is not the UTF-8 it says, and its other bytes come in pairs, " + as + "; save the page in UTF-8 and add it with --html"}
		}
	}
	if binary || float64(invalid) > maxForeignShare*float64(all) {
		return nil, &fetch.Error{URL: resp.URL, Status: resp.Status, Msg: fmt.Sprintf("not a web page: binary data sent as %s (%d of its %d characters are NUL, control characters or not UTF-8)",
			cmp.Or(resp.ContentType, "no content type"), ctl+invalid, all)}
	}
	if invalid > 0 {
		return fetch.LatinRepaired(text), nil
	}
	return text, nil
}

// oneByte reports whether enc reads a byte a character (windows-1251,
// KOI8-R, ISO-8859-7), not an East Asian multi-byte encoding.
func oneByte(enc encoding.Encoding) bool {
	_, ok := enc.(*charmap.Charmap)
	return ok
}

// addURL fetches one page and adds it.
func addURL(ctx context.Context, c *fetch.Client, u string, opts importer.PageOptions) (*importer.Report, error) {
	resp, err := c.Get(ctx, u, fetch.Conditional{}, acceptHTML)
	if err != nil {
		return nil, err
	}
	text, err := pageText(resp)
	if err != nil {
		return nil, err
	}
	rep, err := importer.AddPage(importer.Page{HTML: text, URL: resp.URL, Fetched: time.Now()}, opts)
	if err != nil {
		// a write's error names its file alone (a full disk): with
		// several URLs, which one failed was not said
		err = fmt.Errorf("%s: %w", archive.WithoutUserinfo(u), err)
	}
	return rep, err
}

// printAdded prints what add did with one page and reports whether it
// failed.
func printAdded(out, errw io.Writer, u string, rep *importer.Report, into string) bool {
	failed := false
	for _, r := range rep.Results {
		switch r.Action {
		case importer.Ignored:
			fmt.Fprintf(errw, "failed    %s: %s\n", shownURL(u), termsafe.Escape(r.Reason))
			failed = true
		case importer.Present:
			again := "--force rewrites it"
			if r.Reason != "same URL" {
				again += "; --as-copy adds it beside it, as a republished copy"
			}
			fmt.Fprintf(out, "present   already in the archive as %s (%s); nothing written (%s)\n",
				termsafe.Quote(filepath.Join(into, r.Path)), termsafe.Escape(r.Reason), again)
		case importer.Skipped:
			fmt.Fprintf(out, "skipped   %s (%s)\n", termsafe.Quote(filepath.Join(into, r.Path)), termsafe.Escape(r.Reason))
		default:
			verb := string(r.Action)
			if rep.DryRun {
				verb = "would be " + verb
			}
			fmt.Fprintf(out, "%-9s %s: %s\n", verb, termsafe.Quote(filepath.Join(into, r.Path)), termsafe.Escape(strings.TrimSpace(r.Title)))
			if r.CopyOf != "" {
				fmt.Fprintf(out, "          a republished copy of %s, already in the archive (%s)\n",
					termsafe.Quote(filepath.Join(into, r.CopyOf)), termsafe.Escape(r.Reason))
			}
			if r.Cites != "" {
				fmt.Fprintf(out, "          %s, a file folio did not write, also has its URL\n", termsafe.Quote(filepath.Join(into, r.Cites)))
			}
		}
	}
	for _, p := range rep.Problems {
		p.Path = filepath.Join(into, p.Path)
		fmt.Fprintln(errw, p)
		failed = true
	}
	return failed
}

// readerAdd is the reader's a: it fetches the page at a URL, extracts its
// piece and writes it into the archive folder dir as folio add --into dir
// does (the reader's watch then indexes it), and says what it did in one
// line and whether it wrote a file, or why it could not, naming the URL.
// It runs in a tea.Cmd.
func readerAdd(dir string) func(ctx context.Context, u string) (ui.AddedURL, error) {
	return func(ctx context.Context, u string) (ui.AddedURL, error) {
		u = strings.TrimSpace(u)
		if err := fetch.CheckURL(u); err != nil {
			return ui.AddedURL{}, err // names the URL
		}
		rep, err := addURL(ctx, fetchClient(fetch.DefaultTimeout), u, importer.PageOptions{Options: importer.Options{Into: dir}})
		if err != nil {
			return ui.AddedURL{}, err // the fetcher's errors name the URL
		}
		for _, p := range rep.Problems {
			return ui.AddedURL{}, fmt.Errorf("%s: %s", shownURL(u), termsafe.Escape(p.Msg))
		}
		for _, r := range rep.Results {
			switch r.Action {
			case importer.Ignored, importer.Skipped:
				return ui.AddedURL{}, fmt.Errorf("%s: %s", shownURL(u), termsafe.Escape(r.Reason))
			case importer.Present:
				return ui.AddedURL{Text: fmt.Sprintf("already in the archive as %s (%s); nothing written", termsafe.Quote(r.Path), termsafe.Escape(r.Reason))}, nil
			default:
				msg := fmt.Sprintf("%s %s: %s", r.Action, termsafe.Quote(r.Path), termsafe.Escape(strings.TrimSpace(r.Title)))
				if r.CopyOf != "" {
					msg += fmt.Sprintf(" (a republished copy of %s)", termsafe.Quote(r.CopyOf))
				}
				// unchanged: the file holds the page as imported, not written again
				return ui.AddedURL{Text: msg, Written: r.Action == importer.Added || r.Action == importer.Updated}, nil
			}
		}
		return ui.AddedURL{}, fmt.Errorf("%s: nothing found to add", shownURL(u))
	}
}
