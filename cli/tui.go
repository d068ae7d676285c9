package cli

import (
	"context"
	"errors"
	"io"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
)

func init() { tuiCommand = runTUI }

// runTUI opens the reader. The index is opened inside the UI (after its
// first frame) and closed here when the UI returns.
func runTUI(env *Env, cmd *cobra.Command) error {
	name, _, err := env.source()
	if err != nil {
		return err
	}
	// Bleve's scorch logs through the standard logger (to stderr, which is
	// the screen here): a corrupt cache being repaired must not scribble on it.
	log.SetOutput(io.Discard)
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	var (
		mu sync.Mutex
		ix *index.Index
	)
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		if ix != nil {
			ix.Close()
		}
	}()
	open := func(ctx context.Context, progress func(done, total int)) (ui.Searcher, ui.Info, error) {
		opened, err := env.openIndex(ctx, progress)
		if err != nil {
			return nil, ui.Info{}, err
		}
		mu.Lock()
		ix = opened
		mu.Unlock()
		return opened, ui.Info{
			Count:    opened.Count(),
			Rebuilt:  opened.Stats.Indexed,
			Fallback: opened.Fallback,
			Problems: opened.Problems(),
		}, nil
	}
	// The reading state is opened by the UI, in a Cmd after its first frame;
	// a warning (a corrupt file set aside, no state folder) comes with a
	// usable store and is shown in the status line.
	openState := func() (ui.ReadingState, error) {
		st, warn := state.Open(name, "")
		return st, warn
	}
	err = ui.Run(ctx, ui.Options{OpenIndex: open, ArchiveName: name, OpenState: openState})
	if errors.Is(err, ui.ErrNoTerminal) {
		cmd.PrintErrln("folio:", err)
		return exitCode(2)
	}
	return err
}
