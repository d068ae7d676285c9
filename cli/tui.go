package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/buildgc"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
)

// The reader follows a piece a refresh moved off its loaded pages.
var _ ui.Ranker = (*index.Index)(nil)

// indexCloseWait bounds how long quitting waits for the index to close.
// Close waits for the searches and piece reads under way (an index build
// is cancelled when the interface returns); a read the kernel never
// finishes (a file on a dead network mount) must not keep folio running,
// its terminal waiting and its index locked. The operating system drops
// the lock when the process ends.
const indexCloseWait = 5 * time.Second

// closeWithin runs closeFn and returns when it has, or after d, leaving
// it running: the process is about to exit.
func closeWithin(closeFn func() error, d time.Duration) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = closeFn()
	}()
	select {
	case <-done:
	case <-time.After(d):
	}
}

// runTUI opens the reader. The index is opened inside the UI (after its
// first frame) and closed here when the UI returns.
func runTUI(env *Env, cmd *cobra.Command) error {
	name, fsys, err := env.source()
	if err != nil {
		return err
	}
	// Bleve's scorch logs through the standard logger (to stderr, which is
	// the screen here): a corrupt cache being repaired must not scribble on it.
	log.SetOutput(io.Discard)
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	r := &readerIndex{env: env, name: name, fsys: fsys}
	defer func() {
		// The interface is gone: from here a signal ends folio the
		// default way, and the index gets a bounded time to close.
		stop()
		if opened := r.current(); opened != nil {
			closeWithin(opened.Close, indexCloseWait)
		}
	}()
	// The reading state is opened by the UI, in a Cmd after its first frame;
	// a warning (a corrupt file set aside, no state folder) comes with a
	// usable store and is shown in the status line.
	openState := func() (ui.ReadingState, error) {
		st, warn := state.Open(name, "")
		return st, warn
	}
	openQuotes := func() (ui.QuoteBook, error) {
		qs, warn := state.OpenQuotes(name, "")
		return qs, warn
	}
	// The ledger of citation keys, read again by each c, C and v: the
	// keys folio cite gives.
	openCiteKeys := citeKeysOf(name)
	// The citation format c and C copy in, as chosen last time (F). A bad
	// config file leaves the default, and the reader says what is wrong
	// with it at the start (before, nothing was said, and C copied the
	// default format silently); saving a new choice says it again, rather
	// than overwriting it.
	cfgPath := configPath()
	format, configWarning := readerConfig(cfgPath)
	saveFormat := func(f cite.Format) error { return saveCitationFormat(cfgPath, f) }
	opts := ui.Options{OpenIndex: r.open, ArchiveName: name, OpenState: openState, OpenQuotes: openQuotes, Watch: true,
		CitationFormat: format, SaveCitationFormat: saveFormat, ConfigWarning: configWarning, OpenCiteKeys: openCiteKeys, TypingPause: typingPause(), Saved: newReaderSaved(name)}
	if name != archive.BundledName {
		// A folder archive is watched, and R and e re-index it; the
		// embedded one never changes.
		opts.ArchiveDir, opts.Reindex = name, r.reindex
		opts.AddURL = readerAdd(name) // a: fetch a page into the folder
	}
	// $FOLIO_TRACE: a file for the reader's timeline of keystrokes,
	// searches and frames, written when it ends (the bench reads it).
	// Opened now, so that a bad path is said at once; emptied only when
	// the timeline is written (a reader that does not start leaves it).
	if path := os.Getenv("FOLIO_TRACE"); path != "" {
		f, ferr := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
		if ferr != nil {
			return fmt.Errorf("FOLIO_TRACE: %w", ferr)
		}
		defer f.Close()
		opts.Trace = &traceFile{f: f}
	}
	err = ui.Run(ctx, opts)
	if errors.Is(err, ui.ErrNoTerminal) {
		cmd.PrintErrln("folio:", err)
		return exitCode(2)
	}
	return err
}

// readerIndex is the reader's index: opened inside the UI, after its first
// frame, and brought in line with the archive again as often as the UI
// asks.
type readerIndex struct {
	env  *Env
	name string // the archive's (archive.Source)
	fsys fs.FS

	mu sync.Mutex
	ix *index.Index // nil until open
}

func (r *readerIndex) current() *index.Index {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ix
}

func (r *readerIndex) set(ix *index.Index) {
	ix.KeepMappedUnder(readerMappedBound)
	r.mu.Lock()
	r.ix = ix
	r.mu.Unlock()
}

// open is ui.Options.OpenIndex. The index as last recorded lists at once
// (a large archive's check of every file takes a while) and is brought up
// to date after (firstRefresh). Else it is built, or brought up to date,
// here; then a folder archive is read again once the UI watches it: a
// piece added or edited during the build (a first build of 100k pieces
// takes minutes) was not seen by its scan, nor by a watch not yet started.
func (r *readerIndex) open(ctx context.Context, progress func(done, total int)) (ui.Searcher, ui.Info, error) {
	opts := index.Options{Dir: r.env.IndexDir, LargeBuild: buildgc.Relax}
	if cached, err := index.OpenCached(r.name, r.fsys, opts); err == nil {
		r.set(cached)
		// the renames a folio cut short left (its state file unreadable
		// then): followed at this open, as a command's would
		renamed := cached.LastRenamed()
		info := withUnfollowed(readerInfo(cached), followRenames(io.Discard, r.name, renamed), r.name, renamed)
		info.Refresh = firstRefresh(cached, r.reindex)
		return cached, info, nil
	}
	quiet := *r.env
	quiet.Err = io.Discard                                                                // the screen is the interface's: a warning of followRenames is said in the status line
	opened, warn, err := quiet.openIndexFollowing(ctx, index.Options{Progress: progress}) // warmed for the keystrokes
	if err != nil {
		return nil, ui.Info{}, err
	}
	r.set(opened)
	info := withUnfollowed(readerInfo(opened), warn, r.name, opened.LastRenamed())
	if r.name != archive.BundledName { // the embedded archive never changes
		info.Refresh = r.reindex
	}
	return opened, info, nil
}

// reindex brings the open index in line with the archive's files again
// (index.Refresh, which may run any number of times): the UI calls it at
// start (Info.Refresh), and, for a folder archive, on R and e and when its
// watch sees the folder change.
func (r *readerIndex) reindex(ctx context.Context, progress func(done, total int)) (ui.Info, bool, error) {
	cur := r.current()
	if cur == nil {
		return ui.Info{}, false, index.ErrNoIndex
	}
	changed, err := cur.Refresh(ctx, index.Options{Dir: r.env.IndexDir, LargeBuild: buildgc.Relax, Progress: progress})
	info := readerInfo(cur)
	if err == nil && changed {
		renamed := cur.LastRenamed() // this folio's update's, or another's it took in
		info = withUnfollowed(info, followRenames(io.Discard, r.name, renamed), r.name, renamed)
		for _, rn := range renamed {
			if info.Renamed == nil {
				info.Renamed = map[string]string{}
			}
			info.Renamed[rn.From] = rn.To
		}
	}
	// asked again a second later only when another folio held the
	// writer's role: a cache this folio cannot write (read-only, not its
	// user's, full) gives the same answer until it can be written, and a
	// retry every second scanned every folder and reopened the index (a
	// helper's report: 5 % of a core, idle, as nobody on a read-only
	// cache of 10k pieces). Its notice (Fallback) is said; the watch's
	// next signal, R, or another folio's update of the cache (the UI
	// watches Info.Published) tries again.
	info.Stale = cur.BehindOther()
	return info, changed, err
}

// withUnfollowed is info with warn, the warning of followRenames on
// renamed (the marks of renamed pieces did not follow them), as
// Info.Unfollowed, and Info.Followed set so that the reader drops it once
// the renames are followed (by another folio, or by the next open): their
// latest recorded as followed (state.FollowedThrough).
func withUnfollowed(info ui.Info, warn, name string, renamed []index.Rename) ui.Info {
	info.Unfollowed = warn
	newest := latestRename(renamed)
	if warn == "" || newest == 0 {
		return info
	}
	info.Followed = func() bool { return renamesFollowed(newest, state.FollowedThrough(name)) }
	return info
}

// readerInfo is what the reader is told of its index.
func readerInfo(ix *index.Index) ui.Info {
	copies := 0
	for _, g := range ix.CopyGroups() {
		copies += len(g) - 1
	}
	// a damaged cache file, the index built anew on disk, is a warning:
	// as a Fallback the reader took the index for one in memory and
	// refreshed at each publication of another folio's (a review)
	info := ui.Info{Count: ix.Count(), Rebuilt: ix.Stats().Indexed, Fallback: cmp.Or(ix.Fallback(), ix.Behind()), Problems: ix.Problems(), Copies: copies,
		Behind: ix.Behind() != "", Published: ix.Published(), Writer: ix.WriterLock()}
	if err := index.SynonymsError(); err != nil {
		info.Warning = termsafe.Escape(err.Error())
	}
	if d := ix.Stats().Damaged; d != "" {
		info.Damaged = termsafe.Escape(d)
	}
	return info
}

// refreshFunc brings the reader's index in line with the archive
// (ui.Info.Refresh, ui.Options.Reindex).
type refreshFunc = func(ctx context.Context, progress func(done, total int)) (ui.Info, bool, error)

// firstRefresh is the reader's refresh at start of an index OpenCached
// opened. The open began a check of every file (Verify); when it finds
// them as recorded, the index is current as of that scan and refresh, which
// would scan and plan every file again, is not called: at 1M files the
// reader's CPU in the 21 s after its first list fell from 12.9–14.5 s to
// 6.9–8.6, and a `gov` typed at once showed in 257–378 ms, not 436–524
// (tmux, four alternating runs each, with ui's folder listing below). A
// file changed after the check's scan read it and before the reader's
// watch began is seen at the next refresh (R, or the watch's next
// signal). refresh scanning at this point would narrow that window, not
// close it: the watch starts beside the first refresh.
func firstRefresh(cached *index.Index, refresh refreshFunc) refreshFunc {
	return func(ctx context.Context, progress func(done, total int)) (ui.Info, bool, error) {
		if cached.Verify() {
			return readerInfo(cached), false, nil
		}
		return refresh(ctx, progress)
	}
}

// typingPause reads $FOLIO_TYPING_PAUSE (a Go duration, "2s"): how long
// typing stops before the reader searches the query as written. Unset or
// invalid: the reader's default.
func typingPause() time.Duration {
	d, err := time.ParseDuration(os.Getenv("FOLIO_TYPING_PAUSE"))
	if err != nil || d < 0 {
		return 0
	}
	return d
}

// readerMappedBound bounds the index pages the reader keeps mapped
// (index.KeepMappedUnder, which raises it for an index of more than 2 GB
// of segments): past it, after a search, they are let go of and stay in
// the page cache.
const readerMappedBound = 128 << 20

// traceFile is the FOLIO_TRACE file, emptied when the first bytes of the
// timeline are written.
type traceFile struct {
	f       *os.File
	emptied bool
}

func (t *traceFile) Write(b []byte) (int, error) {
	if !t.emptied {
		if err := t.f.Truncate(0); err != nil {
			return 0, err
		}
		t.emptied = true
	}
	return t.f.Write(b)
}
