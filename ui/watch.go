package ui

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/dirents"
	"github.com/folio-tui/folio/internal/termsafe"
)

// archiveWatch tells the reader when the files of a folder archive change:
// with fsnotify, one watch per folder (new folders are watched as they
// appear), or, where that is not available or the archive has too many
// folders, by scanning the archive's file list at an interval and comparing.
// A burst of changes (an editor saving, a copy of many files) is one signal:
// it is sent when no further change came for a short pause. The signals
// wait in a channel of one, so changes that come while the reader is busy
// re-indexing are one more signal, not many.
type archiveWatch struct {
	changes chan struct{}
	fw      *fsnotify.Watcher // the folders' watcher (nil: checking), made again after a folder's rename (set under mu); a file watch's, its folder or parent; its list is the tests'

	mu  sync.Mutex
	how string // what the watch does, for the status line (mu: it changes when a watch falls back to checking)

	stop     context.CancelFunc
	stopOnce sync.Once
	done     chan struct{} // closed when the goroutine has ended
}

// watchConfig are the watch's limits and pauses; tests shorten them.
type watchConfig struct {
	debounce time.Duration // quiet after the last event before the signal
	poll     time.Duration // interval of the periodic check
	maxDirs  int           // more folders than this are checked, not watched; systemDirs: watchableDirs, asked at the watch's start
}

// defaultWatch: a quarter second gathers an editor's save (write, rename,
// chmod) into one signal. Above maxDirs folders (watchableDirs) the archive
// is checked every 5 s instead of watched.
var defaultWatch = watchConfig{debounce: 250 * time.Millisecond, poll: 5 * time.Second, maxDirs: systemDirs}

// systemDirs is the maxDirs of the system's limit (watchableDirs), read
// when a watch starts, not when folio does (every command read it).
const systemDirs = -1

// inotifyLimitFile holds the user's inotify watches (Linux).
const inotifyLimitFile = "/proc/sys/fs/inotify/max_user_watches"

// watchableDirs is how many folders the reader watches before it checks
// instead. inotify (Linux) takes one watch per folder from a limit shared
// by all of the user's programs, read from limitFile: the reader takes up
// to a quarter of it (a rename's new watch is made before the old one is
// let go: half, for that moment), and never fewer than 1,000 folders unless
// the limit is under 4,000 (8,192 on many systems: 2,048 folders; 192,546
// on this 24 GiB machine: 48,136). kqueue (macOS, the BSDs) takes an open
// file descriptor per file: 1,000 folders there, as for an unreadable limit.
// Watching 10,003 folders took no CPU tick in an idle minute; checking
// them every 5 s took 136 (2.3 % of a CPU; README).
func watchableDirs(goos, limitFile string) int {
	const fallback = 1000
	if goos != "linux" {
		return fallback
	}
	data, err := os.ReadFile(limitFile)
	if err != nil {
		return fallback
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || n <= 0 {
		return fallback
	}
	return n / 4
}

// startWatch watches the archive in dir until ctx ends or stop is called.
// It falls back to the periodic check when watching cannot start. The
// watch it returns holds one signal already: what changed before its
// watches were in place is looked for once.
func startWatch(ctx context.Context, dir string, cfg watchConfig) (*archiveWatch, error) {
	if cfg.maxDirs == systemDirs {
		cfg.maxDirs = watchableDirs(runtime.GOOS, inotifyLimitFile)
	}
	dirs, err := archiveDirs(dir)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	w := &archiveWatch{changes: make(chan struct{}, 1), stop: cancel, done: make(chan struct{})}
	// The watch starts after the index read the archive, and its
	// watches (or its first list) take a while at 10,000 folders and more
	// (1.2-2.3 s at 40,000): a change made meanwhile has no event. One
	// signal, pending from the start, has the reader look again (a
	// helper's report: a piece made 0-0.5 s after the first screen at
	// 40,000 folders was never seen).
	w.signal()
	reason := fmt.Sprintf("%s: too many to watch", plural(len(dirs), "folder"))
	if len(dirs) <= cfg.maxDirs {
		fw, err := watchDirs(dirs)
		if err == nil {
			w.how = "watching " + plural(len(dirs), "folder")
			w.fw = fw
			go w.watch(ctx, fw, cfg, "", dir)
			return w, nil
		}
		reason = watchFailed(err)
	}
	w.how = checkingHow(cfg, reason)
	last, memo := fingerprint(dir, nil)
	go func() {
		defer close(w.done)
		w.check(ctx, dir, last, memo, cfg)
	}()
	return w, nil
}

func checkingHow(cfg watchConfig, reason string) string {
	return fmt.Sprintf("checking every %s (%s)", cfg.poll, reason)
}

// mode is what the watch does now, for the status line.
func (w *archiveWatch) mode() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.how
}

// close stops the watch and waits for its goroutine.
func (w *archiveWatch) close() {
	if w == nil {
		return
	}
	w.stopOnce.Do(w.stop)
	<-w.done
}

// signal notes a change; one pending signal is enough.
func (w *archiveWatch) signal() {
	select {
	case w.changes <- struct{}{}:
	default:
	}
}

// startFileWatch signals when the file at path is written or replaced
// (the reading state, which other folios on the archive save). It watches
// the file's folder, made if missing, since a file replaced by a rename is
// a new file. The folder removed or moved away is a signal (the file is
// gone), and from then its parent is watched, until the folder is made
// again: then it is watched again, alone (a helper's report: the watch
// died with a state folder deleted and made again, and other folios'
// marks went unseen; and, the parent watched throughout, a program
// writing beside the state folder ten times a second woke the reader for
// 6 CPU ticks in 20 s). Events lost (inotify's queue overflowed) are a
// signal too, and the folder (or its parent) is watched again.
func startFileWatch(ctx context.Context, path string, cfg watchConfig) (*archiveWatch, error) {
	path = filepath.Clean(path)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := watchFolderOrParent(fw, filepath.Dir(path)); err != nil {
		fw.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	w := &archiveWatch{changes: make(chan struct{}, 1), fw: fw, stop: cancel, done: make(chan struct{}), how: "watching " + path}
	go w.watch(ctx, fw, cfg, path, "")
	return w, nil
}

// watchFolderOrParent has fw watch the folder dir when it is there, and
// else its parent, for the folder's making (the folder's own events tell
// of its removal or move, after which its watch is gone). A folder made
// between its look and the parent's watch has no event: it is looked for
// again once the parent is watched. The error is the last watch's that
// could not be added.
func watchFolderOrParent(fw *fsnotify.Watcher, dir string) error {
	parent := filepath.Dir(dir)
	watchDir := func() error {
		st, err := os.Stat(dir)
		if err == nil && !st.IsDir() {
			err = fmt.Errorf("%s is not a folder", dir)
		}
		if err == nil {
			err = fw.Add(dir)
		}
		if err == nil && parent != dir {
			_ = fw.Remove(parent) // not watched: nothing to let go
		}
		return err
	}
	err := watchDir()
	if err == nil || parent == dir {
		return err
	}
	_ = fw.Remove(dir) // a watch left on the folder moved away
	if perr := fw.Add(parent); perr != nil {
		return perr
	}
	_ = watchDir() // failing, the parent is watched: the folder's making is an event
	return nil
}

// archiveDirs lists dir and its folders as the archive's scan sees them:
// hidden folders and Jekyll's _drafts (but a site's that sets
// show_drafts: archive.PassedIn) are left out and links to folders
// are not followed. The entries are read without a string for each
// (internal/dirents): at 1M files in 65 folders, filepath.WalkDir took
// 0.96–1.38 s of CPU at the reader's start, making and sorting the files'
// names, and this 0.20–0.38 s (both measured beside a build).
func archiveDirs(dir string) ([]string, error) {
	dirs := []string{dir}
	buf := make([]byte, 32<<10)
	for i := 0; i < len(dirs); i++ {
		err := subfolders(dirs[i], buf, func(sub string) { dirs = append(dirs, sub) })
		if err != nil && i == 0 {
			return nil, err // the archive's own folder (a subfolder's: the scan reports it)
		}
	}
	return dirs, nil
}

// subfolders calls add with each folder in p the archive's scan enters;
// buf is dirents.Read's.
func subfolders(p string, buf []byte, add func(sub string)) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	exists, slashed := archive.ExistsIn(p), filepath.ToSlash(p)
	return dirents.Read(f, buf, func(name []byte, typ dirents.Type) {
		if typ == dirents.Other || typ == dirents.Link || archive.PassedIn(slashed, name, exists) {
			return
		}
		sub := filepath.Join(p, string(name))
		if typ == dirents.Unknown {
			if st, err := os.Lstat(sub); err != nil || !st.IsDir() {
				return
			}
		}
		add(sub)
	})
}

func watchDirs(dirs []string) (*fsnotify.Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if err := fw.Add(d); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return fw, nil
}

// relevant reports whether an event can change the archive: an article
// file, a Hugo section page written in HTML (its draft and cascade), or a
// name without an extension (a folder, perhaps removed: a _drafts/ too,
// which a Jekyll site that sets show_drafts reads), that the scan does
// not pass over by its name (editors' hidden swap files).
func relevant(name string) bool {
	base := filepath.Base(name)
	if archive.Passed(base) {
		return false
	}
	return archive.IsArticlePath(base) || archive.IsHTMLSectionName(base) || filepath.Ext(base) == ""
}

// watch turns fsnotify's events into signals. With file set (a file
// watch, see startFileWatch), only events on that file count; else (the
// archive in dir, watched folders of it) events on pieces and folders, and
// new folders are watched too, up to cfg.maxDirs: past it, or when a new
// folder's watch cannot be added (the user's inotify watches are used up),
// the watch turns into the periodic check, with one signal for what the
// new folders hold.
func (w *archiveWatch) watch(ctx context.Context, fw *fsnotify.Watcher, cfg watchConfig, file, dir string) {
	defer close(w.done)
	defer func() {
		if fw != nil {
			fw.Close()
		}
	}()
	var quiet *time.Timer
	var fire <-chan time.Time
	// made are the folders made (or moved in) since the last signal,
	// watched again before it: a folder renamed inside the archive is a
	// new name for a watched inode, and fsnotify drops that watch when it
	// handles the folder's own move event, which may come after the new
	// name's Add (a helper's report: a renamed folder went unwatched in 6
	// runs of 8, and its files' changes unseen)
	var made []string
	// renamed: a folder was renamed or moved (a Rename event of a name
	// that is not an article's: v1.0 is a folder's name too, a third
	// review). fsnotify keeps the path a watch was
	// added under, so after two folders swap names the folders inside
	// them are named by each other's paths, and their events are missed
	// (a second review); the whole watch is made again before the signal.
	renamed := false
	watched := 0 // the folders watched: fsnotify's list, counted at each signal
	if file == "" {
		watched = len(fw.WatchList())
	}
	toChecking := func(reason string) {
		// Checking from here: the files' list is taken first, so
		// nothing put in the new folders after this signal is missed.
		last, memo := fingerprint(dir, nil)
		fw.Close()
		fw = nil
		w.mu.Lock()
		w.how = checkingHow(cfg, reason)
		w.mu.Unlock()
		w.signal()
		w.check(ctx, dir, last, memo, cfg)
	}
	changed := func() {
		if quiet == nil {
			quiet = time.NewTimer(cfg.debounce)
		} else {
			quiet.Reset(cfg.debounce)
		}
		fire = quiet.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-fw.Events:
			if !ok {
				return
			}
			if file != "" {
				switch name := filepath.Clean(ev.Name); name {
				case file:
					changed()
				case filepath.Dir(file):
					// the folder: removed or moved away (its watch
					// gone: the parent's from now), or made again,
					// watched again, alone, before the signal looks at
					// what it holds
					_ = watchFolderOrParent(fw, name) // failing, no event comes: R still reloads
					changed()
				}
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A new folder, and what was put in it before its watch.
				parent := filepath.Dir(ev.Name)
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() && !archive.PassedIn(filepath.ToSlash(parent), filepath.Base(ev.Name), archive.ExistsIn(parent)) {
					if reason := addDirs(fw, ev.Name, cfg.maxDirs, &watched); reason != "" {
						toChecking(reason)
						return
					}
					made = append(made, ev.Name)
					changed()
					continue
				}
			}
			if ev.Has(fsnotify.Rename) && !archive.IsArticlePath(ev.Name) && !archive.Passed(filepath.Base(ev.Name)) {
				renamed = true
			}
			if archive.IsSiteConfig(filepath.Base(ev.Name)) && (ev.Has(fsnotify.Create) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) {
				// a site's config made or removed: the folders it passes
				// over are read, or no longer (a review: static/ stayed
				// unwatched, and the reader did not look again until R)
				renamed = true
				changed()
			} else if archive.IsSiteConfig(filepath.Base(ev.Name)) && ev.Has(fsnotify.Write) {
				// a config written over: its cascade, baseURL or
				// collections are what pieces read (a review: a Hugo
				// config's [cascade] edited in place went unseen until R);
				// a config.toml's contentDir makes its folder a Hugo root
				// or no longer, and a Jekyll _config.yml's show_drafts
				// reads its _drafts/ folders or no longer, so the folders
				// it passes over change too (a helper's report: a draft
				// written after show_drafts was set went unseen until R)
				if base := filepath.Base(ev.Name); strings.HasPrefix(base, "config.") || strings.HasPrefix(base, "_config.") {
					renamed = true
				}
				changed()
			} else if archive.IsHugoConfigFolderFile(filepath.ToSlash(ev.Name)) && ev.Op&^fsnotify.Chmod != 0 {
				// a Hugo config folder's file named after a key
				// (config/_default/cascade.toml, frontmatter.yaml) made,
				// written over or removed: its keys are the site's as
				// hugo.toml's are (the real program: a cascade.toml made
				// with draft = true, or edited, went unseen until R). It
				// passes over no folder, so the watch stays as it is
				changed()
			}
			if relevant(ev.Name) {
				changed()
			}
		case _, ok := <-fw.Errors:
			if !ok {
				return
			}
			if file != "" {
				// A file watch's events were lost (inotify's queue
				// overflowed): the file may have been written, its
				// folder removed or made again, unseen. Its watch is
				// put back on the folder (or its parent), and the
				// signal reads the file again (a helper's report: the
				// archive's remaking below ran for a file watch, which
				// has no archive, fell back to checking nothing, and
				// the state's, quotes' and CURRENT's watches died: other
				// folios' marks unseen until R).
				_ = watchFolderOrParent(fw, filepath.Dir(file)) // failing, no event comes: R still reloads
				changed()
				continue
			}
			// Events were lost (inotify's queue overflowed: 16,384
			// events, a tar of 10,000 folders): the folders made among
			// them have no watch, nor any event of their own, and the
			// count of folders is unknown. The whole watch is made again
			// (past cfg.maxDirs, the check), then the signal (a helper's
			// report: 2,588 of 10,000 new folders went unwatched, their
			// edits never seen, and an archive grown past the cap stayed
			// watched).
			renamed = true
			changed()
		case <-fire:
			fire = nil
			if renamed {
				nfw, reason := rewatchAll(dir, cfg.maxDirs)
				if reason != "" {
					toChecking(reason)
					return
				}
				fw.Close()
				fw = nfw
				w.mu.Lock()
				w.fw = nfw
				w.mu.Unlock()
				renamed, made = false, made[:0]
			}
			for _, p := range made {
				if reason := rewatch(fw, p); reason != "" {
					toChecking(reason)
					return
				}
			}
			made = made[:0]
			if file == "" {
				watched = len(fw.WatchList()) // less the folders removed
			}
			w.signal()
		}
	}
}

// addDirs watches the folder made at p and the folders in it; it says why
// not when the folders watched would be more than max or a watch cannot
// be added (then the caller stops watching). The count is fsnotify's
// list, which drops a removed folder.
//
// watched is the count of folders watched, which addDirs adds to: the
// caller counts fsnotify's list once a signal (WatchList copies every
// path under the watcher's lock: asked at each new folder, 5,000 folders
// made beside 40,000 watched took 11.5 s of CPU, a review).
func addDirs(fw *fsnotify.Watcher, p string, max int, watched *int) string {
	dirs, err := archiveDirs(p)
	if err != nil {
		return "" // gone already: its removal is an event of its own
	}
	if *watched+len(dirs) > max {
		// counted again before it gives up: a folder met twice in a
		// burst (its parent's walk, its own event) was counted twice,
		// and one removed is counted until the signal
		*watched = len(fw.WatchList())
		if n := *watched + len(dirs); n > max {
			return plural(n, "folder") + ": too many to watch"
		}
	}
	for _, d := range dirs {
		if err := fw.Add(d); err != nil {
			if _, serr := os.Lstat(d); serr != nil {
				continue // removed meanwhile
			}
			return watchFailed(err)
		}
		*watched++
	}
	return ""
}

// rewatch watches anew the folder p and its folders, made (or moved in)
// a moment ago: a folder made in p between the listing of addDirs and
// the watch on p has no event of its own. It says why not when one cannot
// be added. (A folder renamed since is not its concern: any rename remakes
// the whole watch, rewatchAll, whose paths are the folders' own.)
func rewatch(fw *fsnotify.Watcher, p string) string {
	var uncounted int // the caller counts fsnotify's list after
	return addDirs(fw, p, math.MaxInt, &uncounted)
}

// rewatchAll is a new watch of the archive in dir, its folders under the
// paths they have now; it says why not when they are more than max or
// one cannot be watched. Each folder is watched before it is listed, as
// the events of the old watch, unread from the signal's start, are
// dropped with it: a change after a folder's listing is an event of the
// new watch (a review: a Jekyll site's config written between the
// listing and the new watch, show_drafts set, left its _drafts/ folders
// unwatched until R; a folder made then, unwatched). Past max it lists
// on without watching, to count them.
func rewatchAll(dir string, max int) (*fsnotify.Watcher, string) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchFailed(err)
	}
	dirs := []string{dir}
	buf := make([]byte, 32<<10)
	for i := 0; i < len(dirs); i++ {
		if fw != nil && len(dirs) > max {
			fw.Close()
			fw = nil
		}
		if fw != nil {
			if err := fw.Add(dirs[i]); err != nil {
				if _, serr := os.Lstat(dirs[i]); serr != nil && i > 0 {
					continue // removed meanwhile: its parent's event
				}
				fw.Close()
				return nil, watchFailed(err)
			}
		}
		if err := subfolders(dirs[i], buf, func(sub string) { dirs = append(dirs, sub) }); err != nil && i == 0 {
			if fw != nil {
				fw.Close()
			}
			return nil, watchFailed(err) // the archive's own folder (a subfolder's: the scan reports it)
		}
	}
	if fw == nil {
		return nil, plural(len(dirs), "folder") + ": too many to watch"
	}
	if rewatchListedHook != nil {
		rewatchListedHook()
	}
	return fw, ""
}

// rewatchListedHook, in tests, is called once rewatchAll has listed the
// archive's folders, before its watch is the one whose events are read.
var rewatchListedHook func()

// watchFailed says why a watch could not be added: inotify's ENOSPC is
// the user's watches used up, not a full disk, and EMFILE its instances
// (a helper's report: "watching failed: no space left on device").
func watchFailed(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "watching failed: the system's inotify watches are used up (fs.inotify.max_user_watches)"
	case errors.Is(err, syscall.EMFILE):
		return "watching failed: too many inotify instances (fs.inotify.max_user_instances)"
	}
	return "watching failed: " + termsafe.ErrText(err)
}

// check is the periodic check: the archive's file list (paths, sizes,
// modification and change times) is scanned at each interval and compared with the
// last (the first, last, is taken before the watch is returned).
func (w *archiveWatch) check(ctx context.Context, dir string, last uint64, memo []byte, cfg watchConfig) {
	tick := time.NewTicker(cfg.poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			var now uint64
			if now, memo = fingerprint(dir, memo); now != last {
				last = now
				w.signal()
			}
		}
	}
}

// fingerprint sums the archive as an index's check sees it
// (index.ArchiveSum: its files, its sites' configs, the scan's problems),
// with the folder memo of the previous call (nil for none), and returns
// the memo for the next: a folder whose stamp is unchanged is not listed
// again. At 10k page bundles (10,003 folders), a reader idle for 30 s
// took 1.9 % of a CPU summing the listed files' paths, and saw no site
// config made.
func fingerprint(dir string, memo []byte) (uint64, []byte) {
	_, fsys, err := archive.Source(dir)
	if err != nil {
		return 0, memo
	}
	return index.ArchiveSum(fsys, memo)
}
