package cli

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/importer"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

// newSyncBar is folio sync's progress bar (schollz/progressbar), on w
// when visible (w a terminal); otherwise it writes nothing. It is drawn at
// every step, unthrottled: a step is a fetch.
func newSyncBar(w io.Writer, feeds int, visible bool) *progressbar.ProgressBar {
	return progressbar.NewOptions(feeds,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionSetDescription("syncing"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(24),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionClearOnFinish(),
	)
}

// hostOf is the host of a URL, or the URL.
func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return u
}

func newSyncCmd(env *Env) *cobra.Command {
	var into string
	var opts importer.Options
	cmd := &cobra.Command{
		Use:   "sync [--into DIR]",
		Short: "Fetch every subscribed feed and write its new and changed items",
		Long: `Fetch every feed of folio feeds list, politely (one request at a time per host,
a second apart; see folio add), with a conditional GET (ETag, Last-Modified), and
write new and changed items into DIR as folio import does (an edited file is never
overwritten: it is said skipped at each sync, the feed fetched whole; --force fetches
every feed whole and overwrites edited files, a full-text item's page fetched again).
A feed subscribed with --full-text has each new item's page fetched and its whole
piece kept. DIR is --into, else the archive (--archive or
$FOLIO_ARCHIVE). One failed feed does not stop the others; the exit status is then 1,
as it is when a full-text feed's page could not be had (its item keeps the feed's
text; a host that gave no answer in time, or refused the connection, is not asked again
in the run). A feed whose rel="self" link (else its site link) is another subscription's
URL or recorded self link is refused, nothing written (each sync records each feed's).
A feed subscribed twice (over http and https, by an older folio) is fetched once, for
its first entry, the other named.
On a terminal a progress bar on stderr follows the feeds (and the pages of a
full-text feed); a line per feed and a summary (new, updated, unchanged, skipped,
not modified, and each failed feed with why) go to stdout and stderr.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if opts.Into, err = intoOrArchive(into, env); err != nil {
				return err
			}
			dir, err := filepath.Abs(opts.Into)
			if err != nil {
				return err
			}
			_, fl, err := loadFeeds()
			if err != nil {
				return err
			}
			if len(fl.Feed) == 0 {
				fmt.Fprintln(env.Out, "no feeds: folio feeds add URL subscribes to one")
				return nil
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			c := fetchClient(fetch.DefaultTimeout)
			bar := newSyncBar(env.Err, len(fl.Feed), isTerminal(env.Err))
			// lines go out with the bar cleared, then it is drawn again
			say := func(w io.Writer, format string, a ...any) {
				_ = bar.Clear()
				fmt.Fprintf(w, format, a...)
				_ = bar.RenderBlank()
			}
			// the folder's files of earlier imports, read once, when a
			// feed's validators were got for it (feed.conditional)
			readHeld := sync.OnceValue(func() *importer.Held {
				h, _ := importer.ReadHeld(dir) // unreadable: nil, the whole feed, whose import says why
				return h
			})
			var added, updated, unchanged, skipped, notModified, present, left, pagesFailed int
			var failures, pageFailures []string
			selfRead := make([]bool, len(fl.Feed)) // the feeds whose Self this run read
			// the feeds subscribed twice, fetched once: the first that
			// answers (sameFeedBefore)
			twice := 0
			answered := make([]bool, len(fl.Feed))
			for i := range fl.Feed {
				f := &fl.Feed[i]
				if j := sameFeedBefore(fl.Feed, i, func(j int) bool { return answered[j] }); j >= 0 {
					twice++
					say(env.Out, "[%d/%d] %s: not fetched, %s\n", i+1, len(fl.Feed), shownURL(f.URL), twoSubscriptionsNote(fl.Feed, j, i))
					_ = bar.Add(1)
					continue
				}
				bar.Describe("syncing " + termsafe.Escape(hostOf(f.URL)))
				pages := 0
				onPage := func(string) {
					pages++
					bar.Describe(fmt.Sprintf("syncing %s: page %d", termsafe.Escape(hostOf(f.URL)), pages))
				}
				// the others' self links as recorded so far, this run's
				// too: one naming another's is refused
				opts.Claimed = claimedSelf(fl.Feed, f.URL)
				// --force asks the feed whole: an edited file is
				// overwritten with what the feed has now, even when the
				// feed did not change since the sync that skipped it
				cond := fetch.Conditional{}
				if !opts.Force {
					cond = f.conditional(dir, readHeld)
				}
				rep, resp, err := fetchFeed(ctx, c, f.URL, cond, opts, f.FullText, onPage)
				answered[i] = err == nil
				if rep != nil && !opts.DryRun {
					f.Self, selfRead[i] = rep.Self, true
				}
				head := fmt.Sprintf("[%d/%d] %s: ", i+1, len(fl.Feed), shownURL(f.URL))
				if err != nil {
					failures = append(failures, termsafe.EscapeLines(err.Error()))
					head += "failed; "
				}
				switch {
				case err != nil && (rep == nil || len(rep.Results) == 0):
					say(env.Out, "%s\n", strings.TrimSuffix(head, "; "))
					_ = bar.Add(1)
					continue
				case rep == nil:
					notModified++
					say(env.Out, "%snot modified\n", head)
				default:
					a, u, n, s := rep.Count(importer.Added), rep.Count(importer.Updated), rep.Count(importer.Unchanged), rep.Count(importer.Skipped)
					added, updated, unchanged, skipped = added+a, updated+u, unchanged+n, skipped+s
					var b strings.Builder
					present += rep.Count(importer.Present)
					fmt.Fprintf(&b, "%s%d new, %d updated, %d unchanged, %d skipped%s\n", head, a, u, n, s, presentCount(rep))
					if rep.Left > 0 {
						left += rep.Left
						fmt.Fprintf(&b, "  %s\n", leftNote(rep.Left))
					}
					// the pages of a host not asked (it gave no answer in
					// time earlier): said once, with a count (an attack:
					// each of a feed's pages waited its 30 s)
					notAsked := map[string]int{}
					var notAskedOrder []string
					feedPages := 0
					notes := newNoteLines()
					for _, r := range rep.Results {
						if r.PageErr != nil {
							feedPages++
						}
						var fe *fetch.Error
						if errors.As(r.PageErr, &fe) && fe.NotAsked {
							k := termsafe.Escape(fe.Held) + " not asked (the feed's text kept): " + termsafe.Escape(fe.HeldWhy)
							if notAsked[k] == 0 {
								notAskedOrder = append(notAskedOrder, k)
							}
							notAsked[k]++
							continue
						}
						if r.Reason != "" && r.Action != importer.Unchanged {
							name := termsafe.Quote(r.Path)
							if r.Path == "" {
								name = termsafe.Escape(r.Title)
							}
							notes.add(&b, r, name)
						}
					}
					notes.more(&b)
					for _, k := range notAskedOrder {
						fmt.Fprintf(&b, "  %d items' pages on %s\n", notAsked[k], k)
					}
					if feedPages > 0 {
						pagesFailed += feedPages
						pageFailures = append(pageFailures, fmt.Sprintf("%s: %d of its items' pages could not be had (the feed's text kept)", shownURL(f.URL), feedPages))
					}
					say(env.Out, "%s", b.String())
					for _, p := range rep.Problems {
						say(env.Err, "%s\n", p)
					}
				}
				// a feed with items left is fetched whole next time, and so
				// is one with items skipped (a file edited since import):
				// each sync says them again, until --force or the feed
				// drops them (a "not modified" said nothing of them)
				if !opts.DryRun && err == nil && !resp.NotModified && (rep == nil || rep.Left == 0 && rep.Count(importer.Skipped) == 0) {
					f.ETag, f.LastModified, f.Into, f.Final = resp.ETag, resp.LastModified, dir, ""
					if resp.URL != archive.WithoutUserinfo(f.URL) {
						f.Final = resp.URL
					}
				}
				_ = bar.Add(1)
			}
			_ = bar.Finish()
			if !opts.DryRun {
				// the validators got, into the list as it is now: a feed
				// added or removed while the sync ran stays so
				err := changeFeeds(func(now *feedList) error {
					// each entry by its URL as written, not by its feed
					// (archive.SameURL, sameFeedBefore): two entries of
					// one feed may differ in their user name and
					// password, and each keeps its own validators
					for i := range now.Feed {
						for j, f := range fl.Feed {
							if f.URL == now.Feed[i].URL && f.Into == dir {
								now.Feed[i].ETag, now.Feed[i].LastModified, now.Feed[i].Into, now.Feed[i].Final = f.ETag, f.LastModified, f.Into, f.Final
							}
							if f.URL == now.Feed[i].URL && selfRead[j] {
								now.Feed[i].Self = f.Self
							}
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			failed := len(failures)
			pages := ""
			if pagesFailed > 0 {
				pages = fmt.Sprintf("; %d full-text pages failed (the feed's text kept)", pagesFailed)
			}
			subscribedTwice := ""
			if twice > 0 {
				subscribedTwice = fmt.Sprintf(", %d a feed's second subscription, not fetched", twice)
			}
			fmt.Fprintf(env.Out, "%d feeds: %d not modified, %d failed%s; items: %d new, %d updated, %d unchanged, %d skipped%s%s\n",
				len(fl.Feed), notModified, failed, subscribedTwice, added, updated, unchanged, skipped, alreadyThere(present), pages)
			if left > 0 {
				fmt.Fprintf(env.Out, "%d items left past --max-new: sync again for the next\n", left)
			}
			for _, why := range append(failures, pageFailures...) {
				fmt.Fprintf(env.Err, "failed    %s\n", why)
			}
			if failed > 0 || pagesFailed > 0 {
				return exitCode(1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&into, "into", "", "folder to write into (default: the archive)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files edited since they were imported")
	cmd.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "say what would be done, write nothing")
	cmd.Flags().IntVar(&opts.MaxNew, "max-new", importer.DefaultMaxNew, "add at most this many files of a feed, the newest items (0: all)")
	_ = cmd.MarkFlagDirname("into")
	return cmd
}
