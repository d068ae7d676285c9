package index

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// The cache folder holds generations of the index (see doc.go):
//
//	lock           the writer's lock, held only while a change is made
//	CURRENT        the name of the live generation, replaced atomically
//	gen-000007/    manifest.gob, bleve/, bodies/, lengths and readers, the
//	               file every process with the generation open holds a
//	               shared lock on
const (
	currentName = "CURRENT"
	genPrefix   = "gen-"
	readersName = "readers"
	writerName  = "lock"
	trashPrefix = ".trash-"
)

var errNoGen = errors.New("no generation of the index")

func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

// genNumber is the number of a generation's name; false for another name.
func genNumber(name string) (int, bool) {
	s, ok := strings.CutPrefix(name, genPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0 && genName(n) == name
}

// readCurrent names the live generation of the cache in dir; "" when
// there is none, or CURRENT is damaged (currentOf).
func readCurrent(dir string) string {
	g, _ := currentOf(dir)
	return g
}

// maxCurrentSize bounds the read of CURRENT, a generation's name.
const maxCurrentSize = 64

// currentOf names the live generation of the cache in dir: "" and no
// error when there is none; "" and a damagedError naming the file when
// CURRENT is there and names none: not a regular file (a named pipe, which
// an open would wait on for ever, a link to a device), too large to be one
// (an attack: CURRENT a 2 GB sparse file made every command read it whole,
// 2.1 GB; a link to a zero device, 6.5 GB, until killed), or other text.
func currentOf(dir string) (string, error) {
	path := filepath.Join(dir, currentName)
	data, err := archive.ReadRegular(path, maxCurrentSize)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", damage(path, err)
	}
	g := strings.TrimSpace(string(data))
	if _, ok := genNumber(g); !ok {
		return "", damage(path, errors.New("names no generation of the index"))
	}
	return g, nil
}

// damagedError is the error of a file of the cache that is not what folio
// writes there: not a regular file, too large, or not to be decoded. The
// index is made again as for any damaged cache (or, for the writer's
// lock, which cannot be replaced safely, built in memory), and
// Stats.Damaged says which file and why.
type damagedError struct {
	path string
	err  error
}

func (e *damagedError) Error() string {
	if pe, ok := e.err.(*fs.PathError); ok && pe.Path == e.path {
		return e.path + ": " + pe.Err.Error()
	}
	return e.path + ": " + e.err.Error()
}

func (e *damagedError) Unwrap() error { return e.err }

func damage(path string, err error) error { return &damagedError{path: path, err: err} }

// damageNote is what Stats.Damaged says of err when a file of the cache
// was damaged (a damagedError in it); "" otherwise.
func damageNote(err error) string {
	var d *damagedError
	if !errors.As(err, &d) {
		return ""
	}
	return "the index cache's " + d.Error() + ": the index was built anew"
}

// genHold is this process's hold on a generation: a shared lock on its
// readers file, so that no writer removes it while it is open.
type genHold struct {
	name string
	dir  string // the generation's folder
	lock *fileLock
}

// same reports whether h and other hold one generation (neither nil).
func (h *genHold) same(other *genHold) bool {
	return h != nil && other != nil && h.name == other.name
}

func (h *genHold) release() {
	if h != nil {
		h.lock.unlock()
	}
}

// holdCurrent takes a hold on the live generation of the cache in dir. A
// writer removing a generation takes its lock exclusively and renames it
// away before letting go, so a hold taken on a name CURRENT no longer
// gives is seen (stillAt) and the name read again.
func holdCurrent(dir string, timeout time.Duration) (*genHold, error) {
	for range 20 {
		g, err := currentOf(dir)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errNoGen, err)
		}
		if g == "" {
			return nil, errNoGen
		}
		gdir := filepath.Join(dir, g)
		readers := filepath.Join(gdir, readersName)
		l, err := lockShared(readers, timeout)
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed since CURRENT was read
		}
		if err != nil {
			return nil, err
		}
		if !l.stillAt(readers) {
			l.unlock()
			continue
		}
		return &genHold{name: g, dir: gdir, lock: l}, nil
	}
	return nil, errNoGen
}

// newGen makes the next generation's folder in the cache dir, whose
// writer's lock the caller holds, with its readers file.
func newGen(dir string) (string, error) {
	next := 1
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n, ok := genNumber(e.Name()); ok && n >= next {
			next = n + 1
		}
	}
	g := genName(next)
	gdir := filepath.Join(dir, g)
	if err := os.Mkdir(gdir, 0o700); err != nil {
		return "", err
	}
	f, err := os.OpenFile(filepath.Join(gdir, readersName), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return "", err
	}
	return g, f.Close()
}

// copyIndex copies the bleve index in src to dst: scorch's segment files
// (*.zap) are immutable, so they are hard-linked where the file system
// allows, and only the small root.bolt and index_meta.json are copied.
func copyIndex(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o700)
		case !d.Type().IsRegular():
			return nil
		case strings.HasSuffix(p, ".zap"):
			if os.Link(p, to) == nil {
				return nil
			}
		}
		return copyFile(p, to)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncTree syncs every folder under root (and root), so that the entries
// of a new generation (hard links among them) are on disk before CURRENT
// names it. Some systems cannot sync a folder: their error is ignored.
func syncTree(root string) {
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if f, err := os.Open(p); err == nil {
				_ = f.Sync()
				f.Close()
			}
		}
		return nil
	})
}

// publish makes generation g the live one.
func publish(dir, g string) error {
	syncTree(filepath.Join(dir, g))
	return atomicfile.ReplaceFile(filepath.Join(dir, currentName), []byte(g+"\n"), 0o600)
}

// removeStale removes, from the cache dir whose writer's lock the caller
// holds, every generation but the live one that no process holds (a
// generation a killed writer left half made among them), what an
// interrupted removal left, and the temporary files of writes killed
// midway (an attack: a writer killed mid-publish left .CURRENT.tmp-* for
// good): CURRENT's, written under the lock, at once; the folder memo's,
// which processes without the lock write, when older than staleTempAge.
// (A generation's go with it.)
func removeStale(dir string) {
	live := readCurrent(dir)
	atomicfile.RemoveStale(dir, 0, func(name string) bool { return name == currentName })
	atomicfile.RemoveStale(dir, staleTempAge, func(name string) bool { return name == folderMemoName })
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, trashPrefix) {
			_ = os.RemoveAll(filepath.Join(dir, name))
			continue
		}
		if _, ok := genNumber(name); !ok || name == live {
			continue
		}
		gdir := filepath.Join(dir, name)
		readers := filepath.Join(gdir, readersName)
		var l *fileLock
		if st, err := os.Lstat(readers); err == nil && st.Mode().IsRegular() {
			if l = tryLockExclusive(readers); l == nil {
				continue // open in another folio
			}
		} // (none: a writer killed before making it; or no file a folio
		// holds: a named pipe, a link; a review found a generation without
		// one kept for good)
		trash := filepath.Join(dir, trashPrefix+name)
		err := os.Rename(gdir, trash)
		l.unlock()
		if err == nil {
			_ = os.RemoveAll(trash)
		}
	}
}

// staleTempAge is how old a temporary file of the folder memo's write,
// which a process without the writer's lock makes, must be for removeStale
// to take it: a write under way takes well under a second.
const staleTempAge = 10 * time.Minute

// migrate moves the index of a cache laid out before generations
// (manifest.gob and bleve/ in dir itself) into a first generation; the
// caller holds the writer's lock, which folios of that layout held for as
// long as they had the index open.
func migrate(dir string) {
	if readCurrent(dir) != "" {
		return
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); err != nil {
		return
	}
	g, err := newGen(dir)
	if err != nil {
		return
	}
	gdir := filepath.Join(dir, g)
	if os.Rename(filepath.Join(dir, bleveSubdir), filepath.Join(gdir, bleveSubdir)) != nil ||
		os.Rename(filepath.Join(dir, manifestName), filepath.Join(gdir, manifestName)) != nil {
		return // removeStale takes the half-made generation; the index is rebuilt
	}
	// that layout is older than the lengths file (its schema rebuilds it),
	// but a test lays out a current index so: moved when it is there
	_ = os.Rename(filepath.Join(dir, lengthsName), filepath.Join(gdir, lengthsName))
	_ = publish(dir, g)
}
