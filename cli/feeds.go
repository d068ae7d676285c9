package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/importer"
	"github.com/folio-tui/folio/internal/atomicfile"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/spf13/cobra"
)

// The subscriptions are kept in $XDG_CONFIG_HOME/folio/feeds.toml
// (os.UserConfigDir), with what sync needs for a conditional GET:
//
//	[[feed]]
//	url = "https://example.com/feed.xml"
//	full_text = true
//	etag = "\"abc\""
//	last_modified = "Tue, 01 Dec 2026 10:00:00 GMT"
//	into = "/home/me/archive"
//	final = "https://example.com/feed/"
//	self = "https://feeds.example.net/example"
//
// The validators are the folder's that sync wrote into (into), and are
// sent only while it holds files of the feed: a sync into another folder,
// into one since deleted, or into one emptied or made again, fetches the
// whole feed (helpers' reports: the new folder, and a folder deleted and
// made again, got "not modified" and none of the feed's items, for good).
// final is where the feed's URL redirected when they were got, which the
// files name as their feed. self is the feed's rel="self" link as the last
// sync that read it found it and took it for the feed's own (importer's
// Report.Self: its files name it, a feed proxy's or a stale one too): the
// conditional GET looks for files naming it as well, and another
// subscription giving it, or this one's URL or final, as its own self link
// is refused (claimedSelf). A feed first synced before self was kept has
// none until its next sync. A url may hold a user name and password,
// which sync sends and no message shows (shownURL).
type feed struct {
	URL          string `toml:"url"`
	FullText     bool   `toml:"full_text,omitempty"`
	ETag         string `toml:"etag,omitempty"`
	LastModified string `toml:"last_modified,omitempty"`
	Into         string `toml:"into,omitempty"`
	Final        string `toml:"final,omitempty"`
	Self         string `toml:"self,omitempty"`
}

// conditional is the conditional GET for a sync of f into the folder dir
// (absolute): f's validators if they were got for dir and held, read
// when first asked, says it holds files of the feed, else none.
func (f feed) conditional(dir string, held func() *importer.Held) fetch.Conditional {
	if f.Into != dir || f.ETag == "" && f.LastModified == "" {
		return fetch.Conditional{}
	}
	if h := held(); h == nil || !h.OfFeed(f.URL, f.Final, f.Self) {
		return fetch.Conditional{}
	}
	return fetch.Conditional{ETag: f.ETag, LastModified: f.LastModified}
}

// claimedSelf is importer.Options.Claimed for a fetch of the feed at u:
// a self link that is not u nor where u led, but another subscription's
// URL, final or recorded self (archive.SameURL: scheme, host's case,
// www., a default port, a trailing slash, tracking parameters aside, as
// archive.URLKey says) is that
// subscription's, named by its URL (without a user name and password:
// archive.WithoutUserinfo). Subscriptions are one feed by the
// same rule (feeds add and rm), which the files a sync writes know a
// feed by (importer's Held.OfFeed): a feed's URL over http and over
// https is one subscription (they were two, while a self link of either
// was the other's own here, and both were fetched at every sync).
func claimedSelf(feeds []feed, u string) func(self string) string {
	var own []string
	for _, f := range feeds {
		if archive.SameURL(f.URL, u) {
			own = append(own, f.URL, f.Final)
		}
	}
	own = append(own, u)
	return func(self string) string {
		if slices.ContainsFunc(own, func(o string) bool { return archive.SameURL(o, self) }) {
			return ""
		}
		for _, f := range feeds {
			if archive.SameURL(f.URL, u) {
				continue
			}
			for _, n := range []string{f.URL, f.Final, f.Self} {
				if archive.SameURL(n, self) {
					return archive.WithoutUserinfo(f.URL)
				}
			}
		}
		return ""
	}
}

type feedList struct {
	Feed []feed `toml:"feed"`
}

// sameFeedBefore is the first subscription before feeds[i] of the same
// feed (archive.SameURL) for which ok holds (nil: any), -1 for none.
// feeds.toml written before http and https were one subscription (feeds
// add refuses the second now) can hold a feed twice: sync fetches the
// first that answers alone, and says so of the others, as feeds list
// does (they were both fetched, the second silently; then, a review's
// report, a first that failed, its password missing, kept the second,
// which had it, from being fetched at all).
func sameFeedBefore(feeds []feed, i int, ok func(int) bool) int {
	for j, f := range feeds[:i] {
		if archive.SameURL(f.URL, feeds[i].URL) && (ok == nil || ok(j)) {
			return j
		}
	}
	return -1
}

// twoSubscriptionsNote is the note on feeds[i], a subscription of the
// feed of feeds[j], listed before it (sameFeedBefore). Two entries shown
// alike (they differ in the user name and password shownURL leaves out)
// are told apart by their place in feeds.toml.
func twoSubscriptionsNote(feeds []feed, j, i int) string {
	a, b := shownURL(feeds[j].URL), shownURL(feeds[i].URL)
	if a == b {
		return fmt.Sprintf("two subscriptions of one feed: %s, entries %d and %d of feeds.toml, which differ in their user name and password (sync fetches the first that answers; remove the other from the file)", a, j+1, i+1)
	}
	return fmt.Sprintf("two subscriptions of one feed: %s and %s (sync fetches the first that answers; folio feeds rm %s removes the other)", a, b, b)
}

// shownURL is a URL as every message of folio's fetching commands (add,
// feeds, sync) and feeds list say it: without the user name and password
// it may hold (archive.WithoutUserinfo), quoted for the terminal. feeds.toml keeps them, for
// sync sends them; a message or a list is read on a screen or pasted
// into a report (feeds add of a feed subscribed to as
// https://ann:s3cret@h.example/f.xml said "already subscribed to
// https://ann:s3cret@h.example/f.xml", and feeds list printed it).
func shownURL(u string) string { return termsafe.Quote(archive.WithoutUserinfo(u)) }

// userinfo is the user name and password the URL u holds, "" for none.
func userinfo(u string) string {
	if p, err := url.Parse(u); err == nil && p.User != nil {
		return p.User.String()
	}
	return ""
}

// unsubscribe removes the subscription u names from fl and says what it
// removed: the entry written as u alone, when there is one (every entry
// so written; written as feeds list writes it, without its user name and
// password, when none is written as u), telling of another of the same
// feed that stays, a feeds.toml of an older folio holding it over http
// and https; else the one entry of u's feed (archive.SameURL), named as
// it is written. Two such entries and none written as u are refused,
// each named: which one is meant is not known, and each has its own
// recorded state (feeds rm of http://x/a.xml removed https://x/a.xml
// beside it, silently, its validators and self link with it). So are
// two written as u but for their user names and passwords. Every URL is
// said as shownURL says it.
func unsubscribe(fl *feedList, u string) (string, error) {
	written := func(f feed) bool { return f.URL == u }
	exact := slices.ContainsFunc(fl.Feed, written)
	if !exact {
		written = func(f feed) bool { return archive.WithoutUserinfo(f.URL) == u }
		exact = slices.ContainsFunc(fl.Feed, written)
	}
	var gone, stay []string
	for _, f := range fl.Feed {
		switch {
		case written(f) || !exact && archive.SameURL(f.URL, u):
			if !slices.Contains(gone, f.URL) {
				gone = append(gone, f.URL)
			}
		case archive.SameURL(f.URL, u):
			stay = append(stay, f.URL)
		}
	}
	switch {
	case len(gone) == 0:
		return "", fmt.Errorf("not subscribed to %s", shownURL(u))
	case exact && len(gone) > 1:
		return "", fmt.Errorf("%s is %d subscriptions, each with a user name and password of its own: remove the one meant from %s", shownURL(u), len(gone), termsafe.Quote(mustFeedsPath()))
	case len(gone) > 1:
		named := make([]string, len(gone))
		for i, g := range gone {
			named[i] = shownURL(g)
		}
		return "", fmt.Errorf("%s is the feed of %d subscriptions, %s: give the one to remove as folio feeds list writes it", shownURL(u), len(gone), strings.Join(named, " and "))
	}
	fl.Feed = slices.DeleteFunc(fl.Feed, func(f feed) bool { return slices.Contains(gone, f.URL) })
	said := fmt.Sprintf("unsubscribed from %s", shownURL(gone[0]))
	if !exact && archive.WithoutUserinfo(gone[0]) != archive.WithoutUserinfo(u) {
		said += fmt.Sprintf(" (the feed of %s)", shownURL(u))
	}
	if len(stay) > 0 {
		// each named as feeds list shows it; one shown as the entry
		// removed is, differing in its user name and password alone, said
		// so (a review: "unsubscribed from X; X, … stays")
		named := make([]string, len(stay))
		for i, f := range stay {
			named[i] = shownURL(f)
			if named[i] == shownURL(gone[0]) {
				named[i] += " (with another user name and password)"
			}
		}
		what, verb, it := "a subscription", "stays", "it"
		if len(stay) > 1 {
			what, verb, it = "subscriptions", "stay", "each"
		}
		said += fmt.Sprintf("; %s, %s of the same feed, %s (folio feeds rm removes %s as written)", strings.Join(named, " and "), what, verb, it)
	}
	return said + "\n", nil
}

// mustFeedsPath is feedsPath for a message, "feeds.toml" when it has
// none.
func mustFeedsPath() string {
	if p, err := feedsPath(); err == nil {
		return p
	}
	return "feeds.toml"
}

func feedsPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "folio", "feeds.toml"), nil
}

func readFeeds(path string) (*feedList, error) {
	fl := &feedList{}
	if err := readTOML(path, fl); err != nil {
		return nil, err
	}
	return fl, nil
}

// loadFeeds reads the subscriptions from feedsPath, returning the path to
// write them back to.
func loadFeeds() (string, *feedList, error) {
	path, err := feedsPath()
	if err != nil {
		return "", nil, err
	}
	fl, err := readFeeds(path)
	return path, fl, err
}

// changeFeeds re-reads the subscriptions under the config folder's lock,
// lets edit change them and writes them back: two folios changing them at
// once (feeds add, rm, a sync's validators) both keep their change (a
// helper's report: a sync wrote back the list it read at its start,
// undoing a feeds add or rm made while it ran, and ten feeds add at once
// kept six). edit returning an error writes nothing.
func changeFeeds(edit func(*feedList) error) error {
	path, err := feedsPath()
	if err != nil {
		return err
	}
	unlock, err := state.LockFile(path, "config")
	if err != nil {
		return err
	}
	defer unlock()
	fl, err := readFeeds(path)
	if err != nil {
		return err
	}
	if err := edit(fl); err != nil {
		return err
	}
	return writeFeeds(path, fl)
}

func writeFeeds(path string, fl *feedList) error {
	var b bytes.Buffer
	b.WriteString("# folio's feed subscriptions: folio feeds add|list|rm, folio sync\n")
	if err := toml.NewEncoder(&b).Encode(fl); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, b.Bytes(), 0o644)
}

func newFeedsCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds add URL [--full-text] | list | rm URL",
		Short: "The feeds folio sync fetches",
		Long: `Subscribe to feeds by URL; folio sync fetches them all. The list is kept in
$XDG_CONFIG_HOME/folio/feeds.toml. With --full-text, sync fetches each new item's
page and keeps the whole piece extracted from it, not the feed's summary.`,
		Args: cobra.NoArgs,
	}
	var fullText bool
	add := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := fetch.CheckURL(args[0]); err != nil {
				return err
			}
			said := ""
			err := changeFeeds(func(fl *feedList) error {
				i := slices.IndexFunc(fl.Feed, func(f feed) bool { return archive.SameURL(f.URL, args[0]) })
				if i >= 0 {
					fl.Feed[i].FullText = fullText
					said = fmt.Sprintf("already subscribed to %s (full text: %v)", shownURL(fl.Feed[i].URL), fullText)
					if ui := userinfo(args[0]); ui != "" && ui != userinfo(fl.Feed[i].URL) {
						said += "; the user name and password given are not kept (folio feeds rm, then add, changes them)"
					}
				} else {
					fl.Feed = append(fl.Feed, feed{URL: args[0], FullText: fullText})
					said = fmt.Sprintf("subscribed to %s", shownURL(args[0]))
					if archive.WithoutUserinfo(args[0]) != args[0] {
						said += " (its user name and password kept in feeds.toml, not shown)"
					}
				}
				said += "\n"
				return nil
			})
			if err == nil {
				fmt.Fprint(env.Out, said)
			}
			return err
		},
	}
	add.Flags().BoolVar(&fullText, "full-text", false, "fetch each new item's page for the whole piece")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the subscribed feeds",
		Long: `List the subscribed feeds, one a line. A feed's user name and password are
not shown (sync sends them): feeds.toml, named on stderr, holds them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, fl, err := loadFeeds()
			if err != nil {
				return err
			}
			hidden := false
			for _, f := range fl.Feed {
				extra := ""
				if f.FullText {
					extra = " (full text)"
				}
				if archive.WithoutUserinfo(f.URL) != f.URL {
					extra += " (user name and password not shown)"
					hidden = true
				}
				fmt.Fprintf(env.Out, "%s%s\n", shownURL(f.URL), extra)
			}
			if hidden {
				fmt.Fprintf(env.Err, "note: user names and passwords are not shown; %s holds them\n", termsafe.Quote(path))
			}
			// a feed subscribed twice (an older folio's feeds.toml): on
			// stderr, the list staying one URL a line
			for i := range fl.Feed {
				if j := sameFeedBefore(fl.Feed, i, nil); j >= 0 {
					fmt.Fprintf(env.Err, "note: %s\n", twoSubscriptionsNote(fl.Feed, j, i))
				}
			}
			return nil
		},
	}
	rm := &cobra.Command{
		Use:   "rm URL",
		Short: "Unsubscribe from a feed (its pieces stay in the archive)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			said := ""
			err := changeFeeds(func(fl *feedList) (err error) {
				said, err = unsubscribe(fl, args[0])
				return err
			})
			if err == nil {
				fmt.Fprint(env.Out, said)
			}
			return err
		},
	}
	cmd.AddCommand(add, list, rm)
	return cmd
}

// acceptFeed refuses what cannot be a feed. A feed sent as a web page
// (text/html) is taken, and told from a page by its body (looksLikeFeed)
// once read.
func acceptFeed(mt string) error {
	if strings.HasPrefix(mt, "image/") || strings.HasPrefix(mt, "audio/") || strings.HasPrefix(mt, "video/") || mt == "application/pdf" {
		return fmt.Errorf("not a feed (content type %s)", mt)
	}
	return nil
}

// fetchFeed fetches a feed and imports it. A 304 to the conditional GET
// returns a nil report and the response.
func fetchFeed(ctx context.Context, c *fetch.Client, u string, cond fetch.Conditional, opts importer.Options, fullText bool, onPage func(link string)) (*importer.Report, *fetch.Response, error) {
	resp, err := c.Get(ctx, u, cond, acceptFeed)
	if err != nil {
		return nil, nil, err
	}
	if resp.NotModified {
		return nil, resp, nil
	}
	if (resp.ContentType == "text/html" || resp.ContentType == "application/xhtml+xml") && !looksLikeFeed(resp.Body) {
		return nil, nil, &fetch.Error{URL: resp.URL, Status: resp.Status, Msg: "a web page, not a feed (folio add adds a page)"}
	}
	if fullText {
		opts.FullText = func(link string) (importer.Page, error) {
			if onPage != nil {
				onPage(link)
			}
			pr, err := c.Get(ctx, link, fetch.Conditional{}, acceptHTML)
			if err != nil {
				return importer.Page{}, err
			}
			text, err := pageText(pr)
			if err != nil {
				return importer.Page{}, err
			}
			return importer.Page{HTML: text, URL: pr.URL, Fetched: time.Now()}, nil
		}
	}
	rep, err := importer.Import(bytes.NewReader(resp.XMLUTF8()), resp.URL, opts)
	if err != nil {
		if !strings.Contains(err.Error(), resp.URL) {
			err = fmt.Errorf("%s: %w", archive.WithoutUserinfo(u), err) // a write's error names its file alone
		}
		// with what was written before the failure (a full disk): the
		// caller lists it
		return rep, resp, err
	}
	return rep, resp, nil
}

// looksLikeFeed reports whether body starts as an RSS, Atom or RSS 1.0
// (RDF) feed does: after a byte-order mark, white space, an XML
// declaration, processing instructions and comments, its first element
// is <rss, <feed or <rdf:RDF (a helper's report: a feed a server sent as
// text/html was refused as a web page).
func looksLikeFeed(body []byte) bool {
	b := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		default:
			for _, root := range []string{"<rss", "<feed", "<rdf:RDF"} {
				if rest, ok := bytes.CutPrefix(b, []byte(root)); ok && len(rest) > 0 && strings.IndexByte(" \t\r\n>/", rest[0]) >= 0 {
					return true
				}
			}
			return false
		}
		i := bytes.Index(b, end)
		if i < 0 {
			return false
		}
		b = b[i+len(end):]
	}
}
