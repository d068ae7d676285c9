package ui

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// signalTimeout bounds the wait for a watch's signal: generous, since a
// busy machine delays the events; a test that passes never waits for it.
const signalTimeout = 20 * time.Second

// fastWatch is defaultWatch with short pauses, for the tests.
var fastWatch = watchConfig{debounce: 10 * time.Millisecond, poll: 10 * time.Millisecond, maxDirs: 1000}

func waitSignal(t *testing.T, w *archiveWatch, what string) {
	t.Helper()
	select {
	case <-w.changes:
	case <-time.After(signalTimeout):
		t.Fatalf("no signal after %s (%s)", what, w.mode())
	}
}

// startedWatch is startWatch, its first signal taken: the one it holds
// from the start for what changed before its watches were in place
// (TestWatchLooksOnceAfterItStarts).
func startedWatch(t *testing.T, dir string, cfg watchConfig) (*archiveWatch, error) {
	t.Helper()
	w, err := startWatch(context.Background(), dir, cfg)
	if err != nil {
		return nil, err
	}
	select {
	case <-w.changes:
	default:
		w.close()
		t.Fatalf("the watch (%s) holds no signal from its start", w.mode())
	}
	return w, nil
}

func writePiece(t *testing.T, path, title string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "---\ntitle: " + title + "\ndate: 2017-03-04\n---\nBody.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// drain empties a pending signal, so that the next wait is for a new one.
func drain(w *archiveWatch) {
	select {
	case <-w.changes:
	default:
	}
}

func TestWatchSeesAddedEditedRemovedFiles(t *testing.T) {
	for _, mode := range []string{"watching", "checking"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			writePiece(t, filepath.Join(dir, "one.md"), "One")
			cfg := fastWatch
			if mode == "checking" {
				cfg.maxDirs = 0 // every archive is too large to watch
			}
			w, err := startedWatch(t, dir, cfg)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(w.close)
			if !strings.HasPrefix(w.mode(), mode) {
				t.Fatalf("the watch is %q, want %s", w.mode(), mode)
			}

			writePiece(t, filepath.Join(dir, "two.md"), "Two")
			waitSignal(t, w, "a file added")
			drain(w)
			writePiece(t, filepath.Join(dir, "one.md"), "One, edited at more length")
			waitSignal(t, w, "a file edited")
			drain(w)
			if err := os.Remove(filepath.Join(dir, "two.md")); err != nil {
				t.Fatal(err)
			}
			waitSignal(t, w, "a file removed")
			drain(w)
			// A folder made while running, and a piece put in it after:
			// the new folder is watched too. (An empty folder changes no
			// piece: the periodic check does not see it.)
			if err := os.Mkdir(filepath.Join(dir, "2018"), 0o755); err != nil {
				t.Fatal(err)
			}
			if mode == "watching" {
				waitSignal(t, w, "a folder added")
				drain(w)
				// Its watch is in place once the signal came (it is added
				// before the signal's pause starts).
			}
			writePiece(t, filepath.Join(dir, "2018", "three.md"), "Three")
			waitSignal(t, w, "a file added in the new folder")
		})
	}
}

// A _drafts folder made while the reader runs is not watched, as the scan
// does not enter it: saving a draft there must not make the reader check
// the archive again.
func TestWatchLeavesNewDraftsFolderAlone(t *testing.T) {
	dir := t.TempDir()
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	if w.fw == nil {
		t.Fatalf("the watch is %q, want watching", w.mode())
	}
	for _, d := range []string{"_drafts/sub", ".hidden", "2018"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The folders' events are handled in turn, and a new folder is watched
	// before its change is signalled: after each signal, 2018 is watched
	// or a later signal will come once it is (then the others' events
	// have been handled).
	want := filepath.Join(dir, "2018")
	for !slices.Contains(w.fw.WatchList(), want) {
		waitSignal(t, w, "2018 made")
	}
	got := w.fw.WatchList()
	slices.Sort(got)
	if wantList := []string{dir, want}; !slices.Equal(got, wantList) {
		t.Errorf("watched %v, want %v (not _drafts, its folders, nor a hidden one)", got, wantList)
	}
}

// A folder whose watch cannot start (it is gone) is an error, said once.
func TestWatchOfAMissingFolder(t *testing.T) {
	if _, err := startWatch(context.Background(), filepath.Join(t.TempDir(), "gone"), fastWatch); err == nil {
		t.Error("no error for a missing folder")
	}
}

// The watch leaves hidden folders (.git) and Jekyll's _drafts alone, as the
// archive does.
func TestArchiveDirsSkipsHiddenFolders(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{".git/objects", "2017/10", "notes", "_drafts/old"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "2017", "a.md"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "notes"), filepath.Join(dir, "2017", "linked")); err != nil {
		t.Fatal(err)
	}
	dirs, err := archiveDirs(dir)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(dirs)
	want := []string{dir, filepath.Join(dir, "2017"), filepath.Join(dir, "2017", "10"), filepath.Join(dir, "notes")}
	if !slices.Equal(dirs, want) { // not .git, _drafts, a file, nor a link to a folder
		t.Errorf("watched folders %v, want %v", dirs, want)
	}
	// a _drafts folder too: a Jekyll site that sets show_drafts reads it
	for _, name := range []string{"a.md", "x/y.markdown", "2018", "content/sec/_index.html", "content/sec/_index.fr.html", "_drafts"} { // a Hugo section page in HTML (a language's too): its draft
		if !relevant(name) {
			t.Errorf("%s is not relevant", name)
		}
	}
	for _, name := range []string{".a.md.swp", "a.md~", "4913.tmp", ".git", "page.html", "_index.fr.HTML"} {
		if relevant(name) {
			t.Errorf("%s is relevant", name)
		}
	}
}

// The watch leaves alone the folders at a site's root the scan passes
// over (archive.PassedIn): Hugo's static/, a Jekyll site's vendor/bundle;
// a notes folder's static/ is watched.
func TestArchiveDirsSkipsSiteFolders(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"hugo/content", "hugo/static/img", "hugo/themes/t/archetypes", "jekyll/vendor/bundle/ruby", "jekyll/_posts", "jekyll/_drafts",
		"shown/_drafts/sub", "notes/static", "shown/x/_drafts", "shown/_notes/_drafts", "jekyll/x/_drafts"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// a Jekyll site whose config sets show_drafts: its _drafts/ is read,
	// and a category's (x/_drafts/), not one in a folder Jekyll passes
	// over (_notes/_drafts/)
	for f, text := range map[string]string{"hugo/hugo.toml": "x: 1\n", "jekyll/_config.yml": "x: 1\n", "shown/_config.yml": "show_drafts: true\n"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs, err := archiveDirs(dir)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(dirs)
	var want []string
	for _, d := range []string{"", "hugo", "hugo/content", "hugo/themes", "hugo/themes/t", "jekyll", "jekyll/_posts", "jekyll/vendor", "jekyll/x", "notes", "notes/static", "shown", "shown/_drafts", "shown/_drafts/sub", "shown/_notes", "shown/x", "shown/x/_drafts"} {
		want = append(want, filepath.Join(dir, d))
	}
	if !slices.Equal(dirs, want) {
		t.Errorf("watched folders %v, want %v", dirs, want)
	}
}

// New folders past the watch's cap turn it into the periodic check, said
// in its mode, and what is then added is still seen: before, every new
// folder was watched whatever their number, and a watch that could not
// be added (the user's inotify watches used up) left a folder unseen,
// silently.
func TestWatchPastItsCapOfNewFoldersChecks(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "2017", "one.md"), "One")
	cfg := fastWatch
	cfg.maxDirs = 3
	w, err := startedWatch(t, dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	if !strings.HasPrefix(w.mode(), "watching 2 folders") {
		t.Fatalf("the watch is %q, want watching 2 folders", w.mode())
	}
	// Made elsewhere and moved in at once: three folders more.
	tmp := t.TempDir()
	writePiece(t, filepath.Join(tmp, "2018", "a", "two.md"), "Two")
	writePiece(t, filepath.Join(tmp, "2018", "b", "three.md"), "Three")
	if err := os.Rename(filepath.Join(tmp, "2018"), filepath.Join(dir, "2018")); err != nil {
		t.Fatal(err)
	}
	for !strings.HasPrefix(w.mode(), "checking") {
		waitSignal(t, w, "three folders moved in")
	}
	if want := "checking every 10ms (5 folders: too many to watch)"; w.mode() != want {
		t.Errorf("the watch is %q, want %q", w.mode(), want)
	}
	drain(w)
	writePiece(t, filepath.Join(dir, "2018", "b", "four.md"), "Four")
	waitSignal(t, w, "a piece added in a folder past the cap")
}

// A folder renamed inside the archive stays watched: the files changed in
// it after the rename are seen (a helper's report: fsnotify dropped the
// watch of the new name in 6 runs of 8, when it handled the folder's own
// move after the new name was added; the reader showed the files as they
// were). Five renames in a row, each followed by a file written there.
func TestWatchFollowsARenamedFolder(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "sub0", "one.md"), "One")
	writePiece(t, filepath.Join(dir, "sub0", "q", "two.md"), "Two")
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	for i := range 5 {
		from, to := filepath.Join(dir, "sub"+strconv.Itoa(i)), filepath.Join(dir, "sub"+strconv.Itoa(i+1))
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
		waitSignal(t, w, "a folder renamed")
		drain(w)
		writePiece(t, filepath.Join(to, "new"+strconv.Itoa(i)+".md"), "New")
		waitSignal(t, w, "a file written in the renamed folder "+to)
		drain(w)
		// a folder made in a folder of the renamed one (a review: the
		// folders inside were watched under their old paths)
		r := filepath.Join(to, "q", "r"+strconv.Itoa(i))
		if err := os.Mkdir(r, 0o755); err != nil {
			t.Fatal(err)
		}
		waitSignal(t, w, "a folder made in "+filepath.Join(to, "q"))
		drain(w)
		writePiece(t, filepath.Join(r, "deep.md"), "Deep")
		waitSignal(t, w, "a file written in "+r)
		drain(w)
	}
}

// Two folders that swap names stay watched, their folders too: files
// written in them afterwards are seen (a second review: the folders'
// watches stayed crossed, and one side's files were missed).
func TestWatchFollowsSwappedFolders(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "s1", "d", "a.md"), "A")
	writePiece(t, filepath.Join(dir, "s2", "d", "b.md"), "B")
	writePiece(t, filepath.Join(dir, "v1.0", "d", "a.md"), "A")
	writePiece(t, filepath.Join(dir, "v2.0", "d", "b.md"), "B")
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	for i, mv := range [][2]string{{"s1", "tmp"}, {"s2", "s1"}, {"tmp", "s2"}, {"v1.0", "tmp.x"}, {"v2.0", "v1.0"}, {"tmp.x", "v2.0"}} {
		if err := os.Rename(filepath.Join(dir, mv[0]), filepath.Join(dir, mv[1])); err != nil {
			t.Fatal(err)
		}
		_ = i
	}
	waitSignal(t, w, "folders swapped")
	drain(w)
	for i, p := range []string{"s1/d/c.md", "s2/d/e.md", "s1/d/f.md", "s2/d/g.md", "v1.0/d/c.md", "v2.0/d/e.md"} {
		if i%2 == 0 {
			// a folder made in each, then a piece in it
			sub := filepath.Join(dir, filepath.Dir(p), "n"+strconv.Itoa(i))
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			waitSignal(t, w, "a folder made in "+filepath.Dir(p))
			drain(w)
			writePiece(t, filepath.Join(sub, "x.md"), "X")
			waitSignal(t, w, "a piece written in "+sub)
			drain(w)
		}
		writePiece(t, filepath.Join(dir, p), "P")
		waitSignal(t, w, "a piece written at "+p)
		drain(w)
	}
}

// A site's config removed while the reader runs: the folders it passed
// over (Hugo's static/) are read and watched from then on (a review: the
// removal was not seen, and a piece written in static/ neither, until R).
func TestWatchFollowsASiteConfig(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("title = 'S'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writePiece(t, filepath.Join(dir, "content", "a.md"), "A")
	writePiece(t, filepath.Join(dir, "static", "s.md"), "S")
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	if !strings.HasPrefix(w.mode(), "watching 2 folders") {
		t.Fatalf("the watch is %q, want watching 2 folders (the archive and content/)", w.mode())
	}
	if err := os.Remove(filepath.Join(dir, "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "the site's config removed") // signalled once the watch is made again
	drain(w)
	writePiece(t, filepath.Join(dir, "static", "s2.md"), "S2")
	waitSignal(t, w, "a piece written in static/")
}

// A Jekyll site's _config.yml made in a folder of the archive, or removed,
// is signalled: which of its pieces are drafts changes (an empty
// published:), and the reader's refresh reads them again.
func TestWatchSeesAJekyllConfig(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "blog", "about.md"), "About")
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	config := filepath.Join(dir, "blog", "_config.yml")
	if err := os.WriteFile(config, []byte("title: S\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "the site's _config.yml made")
	drain(w)
	if err := os.Remove(config); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "the site's _config.yml removed")
}

// A periodic check sees what an index's check sees: a site's config made
// or removed changes no piece's file but how pieces read (a Jekyll
// _config.yml makes an empty published: a draft), and the check signals
// it; folders it remembers (the memo) are not listed again, yet a piece
// added in one is seen.
func TestCheckSeesASiteConfigMade(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "site", "one.md"), "One")
	writePiece(t, filepath.Join(dir, "notes", "two.md"), "Two")
	cfg := fastWatch
	cfg.maxDirs = 0
	w, err := startedWatch(t, dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	if err := os.WriteFile(filepath.Join(dir, "site", "_config.yml"), []byte("title: S\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "a _config.yml made")
	drain(w)
	if err := os.Remove(filepath.Join(dir, "site", "_config.yml")); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "a _config.yml removed")
	drain(w)
	if err := os.MkdirAll(filepath.Join(dir, "hugo", "config", "_default"), 0o755); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "a Hugo config folder made")
}

// TestWatchableDirsIsAQuarterOfTheUsersWatches: on Linux the reader
// watches up to a quarter of the user's inotify watches; elsewhere, or
// without a readable limit, 1,000 folders.
func TestWatchableDirsIsAQuarterOfTheUsersWatches(t *testing.T) {
	dir, n := t.TempDir(), 0
	limit := func(text string) string {
		n++
		p := filepath.Join(dir, "limit"+strconv.Itoa(n))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		goos, file string
		want       int
	}{
		{"linux", limit("8192\n"), 2048},
		{"linux", limit("192546\n"), 48136},
		{"linux", limit("1000"), 250},
		{"linux", limit("many\n"), 1000},
		{"linux", limit("-5\n"), 1000},
		{"linux", filepath.Join(dir, "missing"), 1000},
		{"darwin", limit("8192\n"), 1000},
	} {
		if got := watchableDirs(c.goos, c.file); got != c.want {
			t.Errorf("%s, %s: %d folders watched, want %d", c.goos, c.file, got, c.want)
		}
	}
}

// TestWatchLooksOnceAfterItStarts: a watch holds one signal from its
// start, in both modes, so that what changed between the index's read
// and the watches in place is looked for (a helper's report: a piece made
// 0-0.5 s after the first screen at 40,000 folders was never seen).
func TestWatchLooksOnceAfterItStarts(t *testing.T) {
	for _, max := range []int{1000, 0} {
		dir := t.TempDir()
		writePiece(t, filepath.Join(dir, "a", "one.md"), "One")
		cfg := fastWatch
		cfg.maxDirs = max
		w, err := startWatch(context.Background(), dir, cfg)
		if err != nil {
			t.Fatal(err)
		}
		select {
		case <-w.changes:
		default:
			t.Errorf("%s: no signal from the start", w.mode())
		}
		w.close()
	}
}

// TestWatchLostEventsWatchesAgain: when events were lost (inotify's queue
// overflowed), the folders made among them have no watch; the whole
// watch is made again, and changes in them are seen (a helper's report:
// 2,588 of 10,000 folders of a tar went unwatched, their edits unseen).
func TestWatchLostEventsWatchesAgain(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "a", "one.md"), "One")
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	// b is made unseen, as a folder whose Create event was lost
	w.mu.Lock()
	fw := w.fw
	w.mu.Unlock()
	sub := filepath.Join(dir, "b")
	if err := fw.Remove(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	if err := fw.Remove(dir); err != nil {
		t.Fatal(err)
	}
	writePiece(t, filepath.Join(sub, "two.md"), "Two")
	if err := fw.Add(dir); err != nil {
		t.Fatal(err)
	}
	fw.Errors <- fsnotify.ErrEventOverflow
	waitSignal(t, w, "events lost")
	writePiece(t, filepath.Join(sub, "three.md"), "Three")
	waitSignal(t, w, "a piece added in a folder whose Create was lost")
	writePiece(t, filepath.Join(dir, "a", "four.md"), "Four")
	waitSignal(t, w, "a piece added in a folder whose watch was lost")
}

// TestWatchFailedNamesInotifysLimits: inotify's ENOSPC is the user's
// watches used up, not a full disk (a helper's report).
func TestWatchFailedNamesInotifysLimits(t *testing.T) {
	for err, want := range map[error]string{
		fmt.Errorf("add: %w", syscall.ENOSPC): "watching failed: the system's inotify watches are used up (fs.inotify.max_user_watches)",
		syscall.EMFILE:                        "watching failed: too many inotify instances (fs.inotify.max_user_instances)",
		os.ErrPermission:                      "watching failed: permission denied",
	} {
		if got := watchFailed(err); got != want {
			t.Errorf("%v: %q, want %q", err, got, want)
		}
	}
}

// TestWatchSeesASiteConfigWrittenOver: a Hugo config edited in place (a
// Write, no Create) is a change: its cascade is what pieces read (a
// review: unseen until R).
func TestWatchSeesASiteConfigWrittenOver(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "content", "posts", "a.md"), "A")
	cfg := filepath.Join(dir, "hugo.toml")
	if err := os.WriteFile(cfg, []byte("[[cascade]]\noutlet = \"Cfg\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	writeOver(t, cfg, "[[cascade]]\noutlet = \"InPlace\"\n")
	waitSignal(t, w, "the site's config written over")
}

// TestWatchSeesAHugoConfigFolderKeyFile: a file of a Hugo config folder
// named after a key (config/_default/cascade.toml, Hugo's cascade; the
// real program in tmux: one made with draft = true, or edited, went
// unseen until R, its name no site config's) made, written over or
// removed is a change, in config/production/ too.
func TestWatchSeesAHugoConfigFolderKeyFile(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "content", "posts", "a.md"), "A")
	folder := filepath.Join(dir, "config", "_default")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "hugo.toml"), []byte("title = 'S'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	key := filepath.Join(folder, "cascade.toml")
	if err := os.WriteFile(key, []byte("draft = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "config/_default/cascade.toml made")
	drain(w)
	writeOver(t, key, "draft = false\n")
	waitSignal(t, w, "config/_default/cascade.toml written over")
	drain(w)
	if err := os.Remove(key); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "config/_default/cascade.toml removed")
	drain(w)
	if err := os.MkdirAll(filepath.Join(dir, "config", "production"), 0o755); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "config/production/ made")
	drain(w)
	if err := os.WriteFile(filepath.Join(dir, "config", "production", "frontmatter.yaml"), []byte("date: [lastmod]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "config/production/frontmatter.yaml made")
}

// A Jekyll site's _config.yml written over to set show_drafts: its
// _drafts/ folders (the root's, a category's) are read from then on, and
// watched, and no longer when it is unset (a piece written in one was
// unseen until R: the config's Write signalled, and the scan found the
// drafts, but the watch was not made again).
func TestWatchFollowsShowDrafts(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "_config.yml")
	if err := os.WriteFile(config, []byte("title: S\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writePiece(t, filepath.Join(dir, "_posts", "2017-03-04-a.md"), "A")
	writePiece(t, filepath.Join(dir, "_drafts", "d.md"), "D")
	writePiece(t, filepath.Join(dir, "x", "_drafts", "e.md"), "E")
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	drafts := []string{filepath.Join(dir, "_drafts"), filepath.Join(dir, "x", "_drafts")}
	watching := func() []string {
		w.mu.Lock()
		defer w.mu.Unlock()
		var out []string
		for _, d := range drafts {
			if slices.Contains(w.fw.WatchList(), d) {
				out = append(out, d)
			}
		}
		return out
	}
	if got := watching(); len(got) != 0 {
		t.Fatalf("watching %v before show_drafts", got)
	}
	writeOver := func(text string) { writeOver(t, config, text) }
	// the watch is made again, then signals, at each burst of the
	// config's events: the truncation and the write may be two (a signal
	// of a watch made from the config emptied, under load), so the test
	// waits for the folders it wants watched, a signal at a time
	waitWatching := func(want []string, what string) {
		t.Helper()
		deadline := time.After(signalTimeout)
		for got := watching(); !slices.Equal(got, want); got = watching() {
			select {
			case <-w.changes:
			case <-deadline:
				t.Fatalf("watching %v of the drafts' folders after %s, want %v (%s)", got, what, want, w.mode())
			}
		}
	}
	writeOver("title: S\nshow_drafts: true\n")
	waitWatching(drafts, "show_drafts set")
	drain(w)
	writePiece(t, filepath.Join(dir, "x", "_drafts", "e2.md"), "E2")
	waitSignal(t, w, "a draft written in x/_drafts/")
	drain(w)
	writeOver("title: S\nshow_drafts: false\n")
	waitWatching(nil, "show_drafts unset")
}

// TestRewatchSeesAConfigWrittenWhileItLists: a site's config written
// while the watch is made again, after the folders were listed by its
// old reading, is an event of the new watch, so the watch is made again
// by its new reading (a review: the old watch's event was dropped with
// it, the new one listed from the config as it was, and a Jekyll site's
// drafts, show_drafts set, went unwatched until R).
func TestRewatchSeesAConfigWrittenWhileItLists(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "_config.yml")
	if err := os.WriteFile(config, []byte("title: S\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writePiece(t, filepath.Join(dir, "_posts", "2017-03-04-a.md"), "A")
	writePiece(t, filepath.Join(dir, "_drafts", "d.md"), "D")
	var once sync.Once
	rewatchListedHook = func() {
		once.Do(func() {
			if err := os.WriteFile(config, []byte("title: S\nshow_drafts: true\n"), 0o644); err != nil {
				t.Error(err)
			}
		})
	}
	t.Cleanup(func() { rewatchListedHook = nil })
	w, err := startedWatch(t, dir, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	drafts := filepath.Join(dir, "_drafts")
	watching := func() bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		return slices.Contains(w.fw.WatchList(), drafts)
	}
	// a folder renamed: the watch is made again, and the hook writes the
	// config while it is
	if err := os.Rename(filepath.Join(dir, "_posts"), filepath.Join(dir, "posts")); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(signalTimeout)
	for !watching() {
		select {
		case <-w.changes:
		case <-deadline:
			t.Fatalf("_drafts/ not watched after show_drafts was set while the watch was made again (%s)", w.mode())
		}
	}
}

// TestWatchCountsAgainBeforeItGivesUp: the watch counts its folders as
// it adds them, and fsnotify's list only at a signal; one removed in the
// same burst is still counted, so past the cap the list is counted again
// before the watch turns to checking (a review's point).
func TestWatchCountsAgainBeforeItGivesUp(t *testing.T) {
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "a", "one.md"), "One")
	cfg := fastWatch
	cfg.maxDirs = 3
	cfg.debounce = 2 * time.Second // one burst: no count at a signal between
	w, err := startedWatch(t, dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	if err := os.RemoveAll(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	writePiece(t, filepath.Join(dir, "b", "two.md"), "Two")
	writePiece(t, filepath.Join(dir, "c", "three.md"), "Three")
	waitSignal(t, w, "a folder removed, two made")
	if !strings.HasPrefix(w.mode(), "watching") {
		t.Errorf("the watch is %q: 3 folders are within its cap of 3", w.mode())
	}
}

// TestWatchAsksTheSystemsLimitAtItsStart: the reader's watch reads the
// system's limit when it starts (systemDirs), not when folio starts.
func TestWatchAsksTheSystemsLimitAtItsStart(t *testing.T) {
	if defaultWatch.maxDirs != systemDirs {
		t.Fatalf("defaultWatch.maxDirs = %d, want systemDirs (read at the watch's start)", defaultWatch.maxDirs)
	}
	dir := t.TempDir()
	writePiece(t, filepath.Join(dir, "a", "one.md"), "One")
	cfg := fastWatch
	cfg.maxDirs = systemDirs
	w, err := startedWatch(t, dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	if want := watchableDirs(runtime.GOOS, inotifyLimitFile) >= 2; want != strings.HasPrefix(w.mode(), "watching 2 folders") {
		t.Errorf("the watch is %q on a system that watches %d folders", w.mode(), watchableDirs(runtime.GOOS, inotifyLimitFile))
	}
}

// TestFileWatchOutlivesItsFolder: the watch of a file (the reading state)
// goes on when its folder is removed and made again: the removal is a
// signal, and so is each write to the file in the folder made again (a
// helper's report: the watch died with the folder, and the reader no
// longer saw other folios' marks). The folder's parent is watched only
// while the folder is missing.
func TestFileWatchOutlivesItsFolder(t *testing.T) {
	// waitWatching waits until the watch watches want alone. Its
	// goroutine changes the list on the folder's events, each change
	// followed by a signal (changed() after watchFolderOrParent): while
	// the list is not want, the next signal is the next state to look at.
	waitWatching := func(t *testing.T, w *archiveWatch, when, want string) {
		t.Helper()
		deadline := time.After(signalTimeout)
		for got := w.fw.WatchList(); !slices.Equal(got, []string{want}); got = w.fw.WatchList() {
			select {
			case <-w.changes:
			case <-deadline:
				t.Fatalf("%s: watching %q, want %s alone", when, got, want)
			}
		}
	}
	dir := filepath.Join(t.TempDir(), "state")
	path := filepath.Join(dir, "a.json")
	w, err := startFileWatch(context.Background(), path, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	// the folder there, it alone is watched: a program writing beside it
	// woke the reader (6 CPU ticks in 20 s at ten writes a second)
	waitWatching(t, w, "the start", dir)
	if err := os.WriteFile(path, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "the file written")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "the folder removed")
	waitWatching(t, w, "the folder removed", filepath.Dir(dir))
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, w, "the folder made again")
	waitWatching(t, w, "the folder made again", dir)
	for i := range 2 {
		if err := os.WriteFile(path, []byte(fmt.Sprintf(`{"n": %d}`, i)), 0o600); err != nil {
			t.Fatal(err)
		}
		waitSignal(t, w, "the file written in the folder made again")
	}
}

// TestFileWatchOutlivesAnOverflow: the watch of a file (the reading state,
// the quotes, the cache's CURRENT) goes on after inotify's queue
// overflowed: the events lost are a signal, and the file's next write is
// one too (a helper's report: a reader stopped while 24,000 events came in
// its state folder lost its three file watches, the archive's remaking run
// for them, and another folio's star went unseen until R). The overflow
// is real: the watch runs in a child process, stopped (SIGSTOP) while more
// events than the kernel queues (fs.inotify.max_queued_events) are made.
func TestFileWatchOutlivesAnOverflow(t *testing.T) {
	const env = "FOLIO_UI_TEST_OVERFLOW_FILE"
	if path := os.Getenv(env); path != "" {
		overflowChild(t, path)
		return
	}
	data, err := os.ReadFile("/proc/sys/fs/inotify/max_queued_events")
	if err != nil {
		t.Skip("no inotify queue limit to pass (Linux)")
	}
	queued, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || queued <= 0 || queued > 1<<20 {
		t.Skipf("inotify queue limit %q", data)
	}
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.json")
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGCONT)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	lines := make(chan string, 16)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	waitLine := func(want, what string) {
		t.Helper()
		deadline := time.After(signalTimeout)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("%s: the child ended before %q", what, want)
				}
				if strings.HasPrefix(l, want) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q after %s", want, what)
			}
		}
	}
	waitLine("ready", "the watch's start")
	if err := cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	// the kernel tells when the child has stopped (wait4's WUNTRACED; its
	// exit is still Wait's to collect)
	stopped := make(chan error, 1)
	go func() {
		var ws syscall.WaitStatus
		_, err := syscall.Wait4(cmd.Process.Pid, &ws, syscall.WUNTRACED, nil)
		if err == nil && !ws.Stopped() {
			err = fmt.Errorf("status %v", ws)
		}
		stopped <- err
	}()
	select {
	case err := <-stopped:
		if err != nil {
			t.Fatalf("the child not stopped: %v", err)
		}
	case <-time.After(signalTimeout):
		t.Fatal("the child not stopped")
	}
	// each file is two events (made, removed): twice the queue, and more
	for i := range queued + 100 {
		p := filepath.Join(dir, "zz"+strconv.Itoa(i))
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	waitLine("signal", "the overflow")
	for i := range 2 {
		if err := os.WriteFile(path, []byte(fmt.Sprintf(`{"n": %d}`, i)), 0o600); err != nil {
			t.Fatal(err)
		}
		waitLine("signal", "the file written after the overflow")
	}
}

// overflowChild is TestFileWatchOutlivesAnOverflow's child: it watches
// the file at path and prints "ready", then "signal" at each signal, with
// what it watches.
func overflowChild(t *testing.T, path string) {
	w, err := startFileWatch(context.Background(), path, fastWatch)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	fmt.Println("ready")
	for {
		select {
		case <-w.changes:
			w.mu.Lock()
			fw := w.fw
			w.mu.Unlock()
			fmt.Printf("signal (%s; watching %q)\n", w.mode(), fw.WatchList())
		case <-w.done:
			t.Fatalf("the watch ended (%s)", w.mode())
		}
	}
}

// writeOver writes text over the file at path in place, as an editor
// that truncates does: the same file, no rename.
func writeOver(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
