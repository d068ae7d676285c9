package archive

import (
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/folio-tui/folio/internal/termsafe"
)

//go:embed bundled
var bundledFiles embed.FS

// BundledName is the Archive.Name of the archive that ships inside folio.
const BundledName = "bundled"

// Bundled returns the archive that ships inside the binary: Raffaello
// Pantucci's 2017 counter-terrorism commentary and the interviews it mentions.
func Bundled() fs.FS {
	sub, err := fs.Sub(bundledFiles, "bundled")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}

// Archive is a loaded collection of articles.
type Archive struct {
	Name     string    // BundledName, or the folder's absolute path
	FS       fs.FS     // where the files are read from
	Articles []Article // newest first, then by ID (SortNewestFirst)
	byID     map[string]int
	byPath   map[string]int // Article.Path
	bySite   map[string]int // Article.SiteKeys
}

// Get returns the article with the given ID.
func (a *Archive) Get(id string) (Article, bool) {
	i, ok := a.byID[id]
	if !ok {
		return Article{}, false
	}
	return a.Articles[i], true
}

// Resolve returns the piece the first of candidates names (a link's,
// LinkCandidates) by its file's path or its id, else the piece the first
// names by one of its SiteKeys.
func (a *Archive) Resolve(candidates []string) (Article, bool) {
	// every candidate as a path or an id before any as a site path: a
	// piece's own path is the site's (a slug elsewhere named "about" does
	// not take /about/ from about.md)
	for _, c := range candidates {
		if IsPathCandidate(c) {
			if i, ok := a.byPath[c]; ok {
				return a.Articles[i], true
			}
			continue
		}
		if i, ok := a.byID[c]; ok {
			return a.Articles[i], true
		}
	}
	for _, c := range candidates {
		if IsPathCandidate(c) {
			continue
		}
		if i, ok := a.bySite[c]; ok {
			return a.Articles[i], true
		}
	}
	return Article{}, false
}

// Source names where an archive lives: the bundled archive for an empty dir,
// else the folder, its symbolic links resolved (an archive opened through a
// link and through its own path is one archive, with one index: the index
// records the name and is rebuilt for another). It does not read any
// article.
func Source(dir string) (name string, fsys fs.FS, err error) {
	if dir == "" {
		return BundledName, Bundled(), nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	given := abs
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", nil, fmt.Errorf("archive folder: %w", err)
	}
	if !st.IsDir() {
		// named as given, and where a link led (a helper's report: the
		// link's target alone was named, /dev/zero for x.md)
		if abs != given {
			return "", nil, fmt.Errorf("archive %s is not a folder (it leads to %s)", termsafe.Quote(dir), termsafe.Quote(abs))
		}
		return "", nil, fmt.Errorf("archive %s is not a folder", termsafe.Quote(dir))
	}
	return abs, newDirFS(abs), nil
}

// Open loads the archive in dir, or the bundled archive when dir is empty.
// The error is only for a folder that cannot be read at all; problems with
// single files are returned alongside the articles that did load.
func Open(dir string) (*Archive, []Problem, error) { return OpenKeeping(dir, nil) }

// OpenKeeping is Open where known, when not nil, gives the ids the files
// of the archive named name had before (LoadKeeping).
func OpenKeeping(dir string, known func(name string) map[string]string) (*Archive, []Problem, error) {
	name, fsys, err := Source(dir)
	if err != nil {
		return nil, nil, err
	}
	var had map[string]string
	if known != nil {
		had = known(name)
	}
	a, probs := LoadKeeping(fsys, had)
	a.Name = name
	return a, probs, nil
}

// FileInfo is what Scan learns of an article file without reading it.
type FileInfo struct {
	Path    string
	Size    int64
	ModTime time.Time
	// CTime is the file's change time (UnixNano), 0 when its file system
	// tells none: the kernel sets it to the current time at every change
	// to the file, and nothing can set it back, so a rewrite whose
	// modification time was set back (touch -r, cp -p, tar) still
	// changes it. An int, not a time.Time: a build holds one FileInfo a
	// file.
	CTime int64
}

// PathsOf are the paths of files, in their order.
func PathsOf(files []FileInfo) []string {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return paths
}

// IsArticlePath reports whether a file name is an article by its extension.
func IsArticlePath(name string) bool {
	return markdownExts[strings.ToLower(path.Ext(name))]
}

// markdownExts are the names Hugo and Jekyll read as Markdown.
var markdownExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true, ".mkdn": true, ".mkdown": true}

// Scan lists the article files of fsys: .md and .markdown files at any depth,
// and a Hugo site's section pages written in HTML (IsHTMLSectionName),
// hidden files and folders and Jekyll's _drafts skipped (but a site's that
// sets show_drafts: PassedIn). Symbolic links to folders are not
// followed (so loops cannot happen); links to files are. Unreadable folders
// are reported and skipped. Files come sorted by path.
//
// A real folder (from Source) is scanned by scanRoot, which on Unix reads
// and stats each folder through one open descriptor, several folders at a
// time: reopening an unchanged archive is mostly this scan.
func Scan(fsys fs.FS) ([]FileInfo, []Problem) {
	files, probs, _ := ScanSites(fsys)
	return files, probs
}

// ScanSites is Scan with the site configs the scan met (SiteConfigs: nil
// for a file system that is no folder's, or a scan that could not list
// a folder), which answer whether its files are in a site without asking
// the file system again.
func ScanSites(fsys fs.FS) ([]FileInfo, []Problem, SiteConfigs) {
	files, probs, configs := scanUnsorted(fsys)
	slices.SortFunc(files, byPath)
	SortProblems(probs)
	return files, probs, configs
}

// ScanUnsorted is Scan without the sorting, for when the order does not
// matter: sorting 10k paths takes 1.3 ms.
func ScanUnsorted(fsys fs.FS) ([]FileInfo, []Problem) {
	files, probs, _ := scanUnsorted(fsys)
	return files, probs
}

// scanUnsorted is ScanSites without the sorting.
func scanUnsorted(fsys fs.FS) ([]FileInfo, []Problem, SiteConfigs) {
	var lists []*[]FileInfo
	probs, _, configs := ScanEachMemo(fsys, func() FileFunc {
		l := new([]FileInfo)
		lists = append(lists, l)
		return func(p []byte, size int64, modTime time.Time, ctime int64) {
			*l = append(*l, FileInfo{Path: string(p), Size: size, ModTime: modTime, CTime: ctime})
		}
	}, nil, time.Time{})
	var files []FileInfo
	if len(lists) == 1 {
		files = *lists[0]
	} else {
		for _, l := range lists {
			files = append(files, *l...)
		}
	}
	return files, probs, configs
}

// FileFunc is told of each article file a scan finds: its path (valid only
// during the call), size, modification time and change time
// (FileInfo.CTime).
type FileFunc func(path []byte, size int64, modTime time.Time, ctime int64)

// ScanEach is ScanUnsorted for a caller that needs a sum over the files,
// not their list (checking that an index is current): the scan calls a
// FileFunc for every file, and makes no string a file. The scan runs on
// several goroutines, each calling its own FileFunc: newWorker is called
// once for each before the scan starts (on the caller's goroutine), so
// that a FileFunc needs no lock. The problems come unsorted.
func ScanEach(fsys fs.FS, newWorker func() FileFunc) []Problem {
	if r, ok := fsys.(interface{ Root() string }); ok {
		probs, _, configs := scanRoot(r.Root(), newWorker, nil, time.Time{})
		return append(probs, SiteConfigProblems(fsys, configs)...)
	}
	return scanFSEach(fsys, newWorker)
}

// ScanEachMemo is ScanEach that remembers each folder's entries, for a
// caller that scans the same archive again and again (every cached
// search): memo is what the previous scan returned (nil, or anything
// else, for none), and the scan takes from it the entries of every folder
// whose stamp has not changed instead of listing the folder; every file is
// still stated. What a stamp is, and why a folder with the same stamp has
// the same entries, is in memo.go. now is the time the scan starts
// (time.Now(); a test passes a later time, as if the archive's folders had
// not changed for a while). It returns the memo for the next scan, nil
// when memo needs no change, and the site configs it met (SiteConfigs:
// nil when it cannot tell them all, a folder could not be listed). Only a
// real folder on Unix has memos and tells site configs: elsewhere it is
// ScanEach. Its problems hold those of the site configs it met that
// cannot be read or decoded (SiteConfigProblems).
func ScanEachMemo(fsys fs.FS, newWorker func() FileFunc, memo []byte, now time.Time) ([]Problem, []byte, SiteConfigs) {
	if r, ok := fsys.(interface{ Root() string }); ok {
		probs, memo, configs := scanRoot(r.Root(), newWorker, memo, now)
		return append(probs, SiteConfigProblems(fsys, configs)...), memo, configs
	}
	return scanFSEach(fsys, newWorker), nil, nil
}

// scanFSEach is ScanEach by scanFS: one FileFunc.
func scanFSEach(fsys fs.FS, newWorker func() FileFunc) []Problem {
	files, probs := scanFS(fsys)
	each := newWorker()
	var p []byte
	for _, f := range files {
		p = append(p[:0], f.Path...)
		each(p, f.Size, f.ModTime, f.CTime)
	}
	return probs
}

func byPath(a, b FileInfo) int { return strings.Compare(a.Path, b.Path) }

// scanFS is Scan on any fs.FS: a walk, then the stats on several goroutines.
func scanFS(fsys fs.FS) ([]FileInfo, []Problem) {
	var paths, links []string
	var probs []Problem
	read := fsConfigs(fsys)    // each config decoded once (one asked for its contentDir too)
	roots := map[string]bool{} // folder -> whether a Hugo root (hugoRootFile)
	atHugoRoot := func(dir string) bool {
		v, ok := roots[dir]
		if !ok {
			v = hugoRoot("", existsInFS(fsys, read, dir))
			roots[dir] = v
		}
		return v
	}
	contentsOf := func(root string) []string { // hugoContentOf's, those it could tell when folio cannot
		c, _ := hugoContentOf(read, root)
		return c.contents
	}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() || p == "." {
				// (the root, which could not be stated, comes with no d)
				probs = append(probs, cannotReadFolder(p, err))
				if d == nil {
					return nil
				}
				return fs.SkipDir
			}
			if !goneSinceListed(fsys, p, err) { // not there (fileStat.file)
				probs = append(probs, cannotRead(p, err))
			}
			return nil
		}
		name := d.Name()
		if p != "." && PassedIn(path.Dir(p), name, existsInFS(fsys, read, path.Dir(p))) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		link := d.Type()&fs.ModeSymlink != 0
		switch {
		case d.IsDir():
			return nil
		case link && !IsArticlePath(name):
			links = append(links, p) // perhaps to a folder: said
			return nil
		case IsHTMLSectionName(name):
			if hugoHTMLSectionAt(path.Dir(p), atHugoRoot, contentsOf) {
				paths = append(paths, p)
			}
			return nil
		case !IsArticlePath(name):
			return nil
		case hugoRootFile(name) && atHugoRoot(path.Dir(p)):
			probs = append(probs, hugoRootPage(p)) // Hugo never reads it
			return nil
		case link:
			if in := inFS(fsys, p); in != "" {
				probs = append(probs, linkedInArchive(p, in))
				return nil
			}
		}
		paths = append(paths, p)
		return nil
	})
	for _, p := range links {
		if st, err := fs.Stat(fsys, p); err == nil && st.IsDir() {
			probs = append(probs, linkedFolder(p))
		}
	}
	infos := make([]fileStat, len(paths))
	const workers = 4 // stats wait on the kernel more than on a core
	chunk := (len(paths) + workers - 1) / workers
	var wg sync.WaitGroup
	for start := 0; start < len(paths); start += chunk {
		end := min(start+chunk, len(paths))
		wg.Go(func() {
			for i := start; i < end; i++ {
				infos[i] = statFS(fsys, paths[i])
			}
		})
	}
	wg.Wait()
	var files []FileInfo
	for i, info := range infos {
		if f, prob, ok := info.file(paths[i]); prob != nil {
			probs = append(probs, *prob)
		} else if ok {
			files = append(files, f)
		}
	}
	return files, probs
}

// fileStat is what Scan needs of a file's stat.
type fileStat struct {
	size    int64
	modTime time.Time
	ctime   int64 // UnixNano, 0 when unknown
	regular bool
	folder  bool   // a link to a folder (a folder itself is never stated as a file)
	special string // "a named pipe", "a device", "a socket"; "" for a file or a folder
	err     error
	gone    bool // err says the file went since it was listed (goneSinceListed)
	// the file's names and identity, where the scan knows them (scanRoot,
	// for hard links): nlink 0 when not known
	nlink, dev, ino uint64
}

// goneSinceListed reports whether the file at p, listed by its folder,
// whose stat failed with err, is gone: renamed or deleted as the scan
// ran. A link to nothing is there (a problem said, and kept: folio check
// lists it).
func goneSinceListed(fsys fs.FS, p string, err error) bool {
	if !Gone(err) {
		return false
	}
	_, lerr := fs.Lstat(fsys, p)
	return Gone(lerr)
}

// file is what Scan reports of the file at p: a FileInfo (ok) for a regular
// file, a problem for one that could not be stated or that is a named
// pipe, a device or a socket (never read: a read could block for ever or
// never end), nothing for a link to a folder, nor for a file listed and
// gone when stated (renamed or deleted as the scan ran: a helper's report
// found "3 file(s) skipped" that folio check could not list).
func (st fileStat) file(p string) (f FileInfo, prob *Problem, ok bool) {
	switch {
	case st.err != nil && st.gone:
		return f, nil, false
	case st.err != nil:
		prob := cannotRead(p, st.err)
		return f, &prob, false
	case st.folder:
		prob := linkedFolder(p)
		return f, &prob, false
	case st.regular:
		return FileInfo{Path: p, Size: st.size, ModTime: st.modTime, CTime: st.ctime}, nil, true
	case st.special != "":
		prob := specialFile(p, st.special)
		return f, &prob, false
	}
	return f, nil, false
}

// specialFile is the problem of an article's name on something that is
// not a file: never read.
func specialFile(p, what string) Problem {
	return Problem{Path: p, Msg: "not a regular file (" + what + "): not read", Fatal: true}
}

// linkedFolder is the note on a link to a folder, which the scan does not
// follow (a link may make a loop, or count a folder's pieces twice): a
// helper's report found them passed over with no word.
func linkedFolder(p string) Problem {
	return Problem{Path: p, Msg: "a link to a folder: not followed (move or copy the folder into the archive to read it)", Quiet: true, Link: true}
}

// specialKind names a mode that is neither a regular file nor a folder.
func specialKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return ""
}

// statFS stats p in fsys, following a link to a file.
func statFS(fsys fs.FS, p string) fileStat {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return fileStat{err: err, gone: goneSinceListed(fsys, p, err)}
	}
	return fileStat{size: info.Size(), modTime: info.ModTime(), ctime: changeTime(info), regular: info.Mode().IsRegular(), folder: info.IsDir(), special: specialKind(info.Mode())}
}

// inFS is the path in fsys of the article the link at p leads to, when
// its target is written relative and stays inside fsys, in no place the
// scan passes over ("" otherwise: a scan of a real folder on Unix
// resolves every link, inArchive).
func inFS(fsys fs.FS, p string) string {
	target, err := fs.ReadLink(fsys, p)
	if err != nil || target == "" || strings.HasPrefix(target, "/") {
		return ""
	}
	in := path.Join(path.Dir(p), target)
	if !fs.ValidPath(in) || in == "." || !IsArticlePath(in) {
		return ""
	}
	dir := "."
	for part := range strings.SplitSeq(in, "/") {
		if PassedIn(dir, part, existsInFS(fsys, nil, dir)) {
			return ""
		}
		dir = path.Join(dir, part)
	}
	if st, err := fs.Lstat(fsys, in); err != nil || !st.Mode().IsRegular() {
		return "" // gone, or a link again: read through this one
	}
	return in
}

// linkedInArchive is the note on a link to an article of the archive (in):
// the article is read there, not a second time.
func linkedInArchive(p, in string) Problem {
	return Problem{Path: p, Msg: "a link to " + in + ", which is in the archive: read there, not twice", Quiet: true, Link: true}
}

// statPath stats p under the folder root.
func statPath(root, p string) fileStat { return statFS(os.DirFS(root), p) }

// ReadFile reads an article file, refusing one over MaxFileSize before
// reading it all, and one that is not a regular file (a named pipe, a
// device: see OpenRegular, which a real folder's files are opened with).
func ReadFile(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: p, Err: ErrNotRegular}
	}
	return readLimited(f, MaxFileSize)
}

// ParseFile reads and parses one article file.
func ParseFile(fsys fs.FS, p string) (Article, []Problem) {
	return parseFileIn(fsys, NewSiteRoots(fsys), p)
}

// parseFileIn is ParseFile asking sites whether the file is in a site:
// a load shares one, so each folder is asked once (SiteRoots).
func parseFileIn(fsys fs.FS, sites *SiteRoots, p string) (Article, []Problem) {
	data, err := ReadFile(fsys, p)
	if err != nil {
		return Article{}, []Problem{{Path: p, Msg: errText(err), Fatal: true}}
	}
	return parse(p, data, false, func() bool { return sites.InJekyll(p) }, func() bool { return sites.InHugo(p) }, sites)
}

// Load reads every article of fsys. It never fails as a whole: each file's
// problems are collected and every good article loads. Files are parsed in
// parallel, a bounded number at a time, so memory stays bounded by the
// articles kept rather than the files read. Two files whose names slug
// alike are both pieces, with ids of their own (AssignIDs).
func Load(fsys fs.FS) (*Archive, []Problem) { return LoadKeeping(fsys, nil) }

// LoadKeeping is Load where the ids files had before (had: path → id, as
// the archive's index records them: index.KnownIDs) decide which of the
// files whose names slug alike keeps the bare id (AssignIDs), as they
// decide it in the index.
func LoadKeeping(fsys fs.FS, had map[string]string) (*Archive, []Problem) {
	files, probs := Scan(fsys)
	sites := NewSiteRoots(fsys) // one for all the files: each folder asked once
	paths := PathsOf(files)
	sites.KnowSections(paths)
	type parsed struct {
		a     Article
		probs []Problem
	}
	results := make([]parsed, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a, p := parseFileIn(fsys, sites, files[i].Path)
				results[i] = parsed{a, p}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	var hadID func(string) (string, bool)
	if had != nil {
		hadID = func(p string) (string, bool) { return had[p], false }
	}
	ids := AssignIDs(paths, hadID)
	arch := &Archive{FS: fsys, byID: map[string]int{}, byPath: map[string]int{}}
	for i, r := range results {
		probs = append(probs, r.probs...)
		if IsFatal(r.probs) {
			continue
		}
		r.a.ID = ids[i]
		arch.Articles = append(arch.Articles, r.a)
	}
	SortNewestFirst(arch.Articles)
	for i, a := range arch.Articles {
		arch.byID[a.ID] = i
		arch.byPath[a.Path] = i
		for _, k := range a.SiteKeys {
			// two pieces a site links by one path: the lesser id's, as the index's Resolve
			if j, ok := arch.bySite[k]; !ok || a.ID < arch.Articles[j].ID {
				if arch.bySite == nil {
					arch.bySite = map[string]int{}
				}
				arch.bySite[k] = i
			}
		}
	}
	SortProblems(probs)
	return arch, probs
}

// SortNewestFirst orders articles by date (the start of its period, newest
// first), then ID: the order of the index's newest first (folio search
// --sort newest, the reader's list), so that folio list agrees with them
// on pieces of one date (a helper's report: 2021-01-01 and a piece dated
// 2021 came in opposite orders; it broke ties by title).
func SortNewestFirst(as []Article) {
	slices.SortStableFunc(as, func(a, b Article) int {
		return cmp.Or(b.Date.Time.Compare(a.Date.Time), strings.Compare(a.ID, b.ID))
	})
}

// IDFromPath derives an article's ID from its path: lower-case, each path
// segment slugged, the extension dropped, and a page bundle's index.md named
// by its folder ("posts/raqqa/index.md" is "posts/raqqa"); a folder with
// no letter or digit is left out, and a name with none is runesID's,
// in a lettered folder too (notes/🎉.md is notes/u1f389: a helper's
// report, it was notes, notes.md's). It is the id a file claims: of
// several files that claim one, AssignIDs gives all but one a suffix.
func IDFromPath(p string) string {
	p = strings.TrimSuffix(p, path.Ext(p))
	segs := strings.Split(path.Clean("/" + filepath.ToSlash(p))[1:], "/")
	if n := len(segs); n > 1 && (segs[n-1] == "index" || segs[n-1] == "_index") {
		segs = segs[:n-1]
	}
	out := segs[:0]
	for i, s := range segs {
		name := i == len(segs)-1
		if s = Slug(s, 0); s == "" && name {
			s = runesID(segs[i])
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "/")
}

// runesID is the id of a name with no letter or digit (🎉.md, !!!.md),
// which has no slug: its characters' code points, u1f389 (at most
// maxRuneIDs of them), joined as a slug's words are. Such a name was
// refused before ("cannot derive an id from the path": a helper's report).
func runesID(name string) string {
	var words []string
	for _, r := range norm.NFC.String(name) {
		if len(words) == maxRuneIDs {
			break
		}
		words = append(words, fmt.Sprintf("u%x", r))
	}
	return strings.Join(words, "-")
}

// maxRuneIDs is how many characters runesID names.
const maxRuneIDs = 8

// Slug is the readable, file-name-safe form of s that IDs are made of:
// lower-case letters and digits, other runs as one dash. A max above 0 cuts
// it at the word boundary reached at max bytes.
//
// s is read in NFC, and the combining marks a word's letters carry are
// kept with them (at most maxMarks a letter): a name in NFD, as macOS's
// HFS+ stored names, has the ID of the same name in NFC (`cafe\u0301.md`
// was `cafe`, and took `cafe.md`'s ID), and a word of an Indic script
// keeps its vowel signs and viramas (`हिंदी` was `ह-द`). Joiners inside a
// word (ZWJ, ZWNJ) are dropped, not read as a word's end, and so are the
// marks that show as nothing (termsafe.Contextual's grapheme joiner and
// variation selectors): an id or a file name add and import write holds
// no invisible character (an attack: ann.md, ann\u034f.md, ann\ufe0f.md
// and ann\U000e0100.md were four ids that read ann; now one is ann and
// the others, claiming it too, have AssignIDs' suffix). The dot a
// capital İ leaves on a lower-case i is dropped (`i̇stanbul`).
func Slug(s string, max int) string { return slug(s, max, true) }

// PlainSlug is Slug as IDs were made before schema 41: letters and digits
// alone, every mark a word's end. The state files' names are made with it
// (state.FileName): they must not change, or a folder's marks are lost.
func PlainSlug(s string, max int) string { return slug(s, max, false) }

func slug(s string, max int, marks bool) string {
	s = strings.ToLower(s)
	if marks {
		s = norm.NFC.String(strings.ReplaceAll(s, "i\u0307", "i"))
	}
	var b strings.Builder
	dash := false
	inWord := false // the last character written was a word's
	run := 0        // the marks written after the last letter
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				if max > 0 && b.Len() >= max {
					return b.String()
				}
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash, inWord, run = false, true, 0
		case marks && inWord && (r == '\u200c' || r == '\u200d' || ignorable(r) && unicode.Is(unicode.M, r)):
			// a joiner inside a word, a grapheme joiner or a variation
			// selector: nothing
		case marks && inWord && unicode.Is(unicode.M, r):
			if run++; run <= maxMarks {
				b.WriteRune(r)
			}
		default:
			dash, inWord = true, false
		}
	}
	return b.String()
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
