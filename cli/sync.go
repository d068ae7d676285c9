package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/folio-tui/folio/importer"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/spf13/cobra"
)

func newSyncCmd(env *Env) *cobra.Command {
	var into string
	var opts importer.Options
	cmd := &cobra.Command{
		Use:   "sync [--into DIR]",
		Short: "Fetch every subscribed feed and write its new and changed items",
		Long: `Fetch every feed of folio feeds list, politely (one request at a time per host,
a second apart; see folio add), with a conditional GET (ETag, Last-Modified), and
write new and changed items into DIR as folio import does (an edited file is never
overwritten). A feed subscribed with --full-text has each new item's page fetched
and its whole piece kept. DIR is --into, else the archive (--archive or
$FOLIO_ARCHIVE). One failed feed does not stop the others; the exit status is then 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Into = into
			if opts.Into == "" {
				opts.Into = env.ArchiveDir
			}
			if opts.Into == "" {
				return errors.New("no folder to write into: give --into DIR (or --archive DIR)")
			}
			path, fl, err := loadFeeds()
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
			var added, updated, unchanged, skipped, failed, notModified int
			for i := range fl.Feed {
				f := &fl.Feed[i]
				fmt.Fprintf(env.Out, "[%d/%d] %s: ", i+1, len(fl.Feed), termsafe.Quote(f.URL))
				rep, resp, err := fetchFeed(ctx, c, f.URL, fetch.Conditional{ETag: f.ETag, LastModified: f.LastModified}, opts, f.FullText)
				switch {
				case err != nil:
					failed++
					fmt.Fprintln(env.Out, "failed")
					fmt.Fprintf(env.Err, "failed    %s\n", termsafe.EscapeLines(err.Error()))
					continue
				case rep == nil:
					notModified++
					fmt.Fprintln(env.Out, "not modified")
				default:
					a, u, n, s := rep.Count(importer.Added), rep.Count(importer.Updated), rep.Count(importer.Unchanged), rep.Count(importer.Skipped)
					added, updated, unchanged, skipped = added+a, updated+u, unchanged+n, skipped+s
					fmt.Fprintf(env.Out, "%d new, %d updated, %d unchanged, %d skipped\n", a, u, n, s)
					for _, r := range rep.Results {
						if r.Reason != "" && r.Action != importer.Unchanged {
							name := termsafe.Quote(r.Path)
							if r.Path == "" {
								name = termsafe.Escape(r.Title)
							}
							fmt.Fprintf(env.Out, "  %-9s %s (%s)\n", r.Action, name, termsafe.Escape(r.Reason))
						}
					}
					for _, p := range rep.Problems {
						fmt.Fprintln(env.Err, p)
					}
				}
				if !opts.DryRun && !resp.NotModified {
					f.ETag, f.LastModified = resp.ETag, resp.LastModified
				}
			}
			if !opts.DryRun {
				if err := writeFeeds(path, fl); err != nil {
					return err
				}
			}
			fmt.Fprintf(env.Out, "%d feeds: %d not modified, %d failed; items: %d new, %d updated, %d unchanged, %d skipped\n",
				len(fl.Feed), notModified, failed, added, updated, unchanged, skipped)
			if failed > 0 {
				return exitCode(1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&into, "into", "", "folder to write into (default: the archive)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files edited since they were imported")
	cmd.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "say what would be done, write nothing")
	_ = cmd.MarkFlagDirname("into")
	return cmd
}
