package cli

import (
	"fmt"
	"path/filepath"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/spf13/cobra"
)

func newCheckCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "check [DIR]",
		Short: "Validate an archive: print every problem as path:line: message",
		Long: `Validate an archive folder (default: --archive, else the bundled archive).
Every problem is printed as path:line: message. Exits 1 if there is any
problem, 0 with a one-line summary otherwise. Section pages (Hugo's and
Zola's _index.md), drafts (draft: true, Jekyll's published: false) and a
site's files it does not publish as pages (Jekyll's without front matter
or with a name starting with _, a Markdown file at a Hugo site's root) are
not pieces and not problems: the summary counts them. A folder in a Hugo site's
content folder is noted: open the site's root for Hugo's reading.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := env.ArchiveDir
			if len(args) == 1 {
				dir = args[0]
			}
			arch, probs, err := env.openArchiveAt(dir)
			if err != nil {
				return err
			}
			if dir != "" {
				if site := archive.HugoSiteAbove(dir); site != "" {
					// the scan asks no folder above the archive's: the
					// site's config is not seen
					fmt.Fprintf(env.Err, "folio: note: %s is in the content folder of the Hugo site %s: open the site's root (--archive %s) for Hugo's reading (a tags string one tag, a section's cascade)\n",
						termsafe.Quote(dir), termsafe.Quote(site), termsafe.Quote(site))
				}
			}
			// the pieces the index cannot take whole: their counts of
			// matches miss what lies past the cut
			probs = append(probs, index.CutProblems(arch.Articles)...)
			// a citation key pinned by several pieces is one of theirs
			// alone, and none the ledger of keys holds for another piece
			ledger, err := state.ReadCiteKeys(arch.Name, "") // read alone: a corrupt one stays where it is
			if err != nil {
				fmt.Fprintf(env.Err, "folio: warning: %s; pinned keys are checked without it\n", termsafe.Escape(err.Error()))
			}
			probs = append(probs, cite.NewKeyringWith(arch.Articles, ledger).Problems()...)
			// a site path two pieces claim: a link by it names one
			probs = append(probs, archive.SiteKeyConflicts(arch.Articles)...)
			archive.SortProblems(probs)
			links := 0
			for _, p := range probs {
				if p.Link {
					links++ // named, not a problem
				} else if p.Quiet {
					continue // a section page or a draft is not a problem
				}
				if dir != "" {
					p.Path = filepath.Join(dir, p.Path) // as the user named it, so editors can jump to it
				}
				fmt.Fprintln(env.Out, p)
			}
			skipped, _ := archive.CountFiles(probs)
			n, sections := archive.CountProblems(probs)
			also := ""
			if sections -= links; sections > 0 {
				also = fmt.Sprintf(" (%d section page(s), draft(s) or other file(s) the site does not publish as pages are not pieces)", sections)
			}
			if links > 0 {
				also += fmt.Sprintf(" (%d link(s) not read: above)", links)
			}
			folders := ""
			if k := archive.CountFolders(probs); k > 0 {
				folders = fmt.Sprintf(", %d folder(s) not read", k)
			}
			if n > 0 {
				fmt.Fprintf(env.Err, "%s: %d problem(s); %d file(s) skipped%s, %d piece(s) loaded%s\n",
					termsafe.Quote(arch.Name), n, skipped, folders, len(arch.Articles), also)
				return exitCode(1)
			}
			fmt.Fprintf(env.Out, "%s: %s, no problems%s\n", termsafe.Quote(arch.Name), pieces(len(arch.Articles)), also)
			return nil
		},
	}
}
