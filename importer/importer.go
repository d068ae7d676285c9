// Package importer turns a feed file (RSS 2.0, Atom, or a WordPress export in
// WXR) into folio archive files: one Markdown file per published item, with
// front matter folio reads (title, date, authors, outlet, tags, url, source,
// standfirst) and the item's HTML converted to Markdown (archive.HTMLConverter:
// tables kept, images as "[image: alt] URL"), WordPress shortcodes first
// written as what they show.
//
// Imports are repeatable. Each file records the item it came from
// (import_id: the item's GUID, else its link), the feed (its source, and
// import_feed when the feed's own URL is not that; for a feed read from a
// file that names no rel="self" link, "feed:" and a hash of its title and
// site's link, fileFeedID) and a hash of what was
// written (import_hash). An item is its feed's and its GUID: two feeds that
// give one GUID (two sites numbering their posts 1, 2, …; a site's main feed
// and a category's) hold two items. Running the import again
//
//   - adds files for new items,
//   - rewrites the file of an item that changed in the feed (under the same
//     name, so the piece keeps its archive ID and reading state),
//   - leaves unchanged items alone (the file is not touched at all),
//   - leaves alone an item whose link a file in the folder already has
//     that another feed wrote, or folio add: Present, and
//   - never overwrites a file edited since it was imported (its content no
//     longer matches its import_hash): it is reported as skipped, unless
//     Force is set.
//
// Items removed from the feed keep their files. This package fetches
// nothing: feeds are read from disk or given by the caller, and AddPage
// (web.go) is given a page its caller fetched; it extracts the piece with
// Extract, by default the helper program folio-extract (extractor.go).
package importer

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
	"github.com/folio-tui/folio/internal/fetch"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

// MaxFeedSize caps the feed file read. WordPress exports of large blogs run to
// tens of megabytes; beyond this is not a feed. MaxFeedItems and
// MaxFeedElements cap what it holds (feedcount.go).
const MaxFeedSize = 256 << 20

// Action is what an import did with one item.
type Action string

const (
	Added     Action = "added"     // a new file was written
	Updated   Action = "updated"   // the item changed in the feed; its file was rewritten
	Unchanged Action = "unchanged" // the file already holds the item as imported
	Skipped   Action = "skipped"   // the file was edited since import and was left alone
	Ignored   Action = "ignored"   // not a published post (a page, draft, attachment, ...) or unusable
)

// Result is what happened to one item of the feed.
type Result struct {
	Action Action
	Path   string // the file, relative to the import folder; "" when Ignored
	Title  string
	Reason string // why it was skipped or ignored; for a web page added as a copy, how it matches CopyOf
	// CopyOf is the file (relative to the folder) of a piece that a web
	// page added is a republished copy of (AddPage).
	CopyOf string
	// Cites is the file (relative to the folder) of a note folio did not
	// write that has the URL of a web page added (AddPage).
	Cites string
	// PageErr is, for a new item of a full-text import, why its page
	// could not be had (Options.FullText's error; Reason says so too,
	// and that the feed's text was kept)
	PageErr error
}

// Report is the outcome of an import.
type Report struct {
	Format  string // "rss", "atom" or "wordpress"
	Feed    string // the feed's title
	Into    string // the import folder
	DryRun  bool
	Results []Result // in feed order
	// Left counts the new items not added, past Options.MaxNew: the
	// oldest, added by the next runs.
	Left int
	// Self is the feed's rel="self" link when the feed is known by it
	// (the identity its files name), "" when it gives none: what folio
	// sync records of a subscription, for Options.Claimed.
	Self string
	// Problems are what folio's own parser finds in the files written. An
	// import should produce none; they are reported rather than hidden.
	Problems []archive.Problem
}

// Count returns how many items met with the action.
func (r *Report) Count(a Action) int {
	n := 0
	for _, res := range r.Results {
		if res.Action == a {
			n++
		}
	}
	return n
}

// Options control an import.
type Options struct {
	Into   string // the folder to write into (created if missing); required
	Force  bool   // overwrite files edited since they were imported
	DryRun bool   // report what would happen, write nothing
	// FullText, when set, fetches the page of each new item that has a link;
	// the piece's body is then the text extracted from it (see AddPage).
	// Items already in the folder (by import_id, or by their link) are left
	// alone, not fetched again.
	FullText func(link string) (Page, error)
	// MaxNew caps the files one run adds (0: no cap): the newest items
	// are added, the others counted in Report.Left, for the next run (a
	// helper's report: a 1.3 MB feed of 8,000 items wrote 8,000 files).
	MaxNew int
	// Claimed, when set, says whose a feed's rel="self" link (else its
	// site's link: its source) is when it is not this feed's: another
	// feed subscribed to whose URL, redirect or recorded self link it
	// names ("" for none). A feed whose source is claimed is refused
	// whole, nothing written: a feed is known by its self link
	// (itemConverter.feed), and files without import_feed by their source
	// (wrote), so one giving another's and its GUIDs would write over that
	// feed's files (a review: "0 new, 2 updated", every sync flipping them).
	Claimed func(self string) string
}

// DefaultMaxNew is the cap on files one import or sync adds of one feed
// that folio's commands set (--max-new).
const DefaultMaxNew = 1000

// ImportFile imports the feed file at path. The error is for a feed that
// cannot be read or parsed at all, or a folder that cannot be written;
// trouble with single items is in the report. Only a regular file is read
// (see archive.OpenRegular): a named pipe or a device is refused at once.
func ImportFile(path string, opts Options) (*Report, error) {
	f, err := archive.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Import(f, filepath.Base(path), opts)
}

// staleTempAge is how old a temporary file of a piece's write must be for
// an import to remove it: a write takes well under a second, and another
// import may be writing into the same folder.
const staleTempAge = 10 * time.Minute

// Import imports a feed read from r. name is the feed file's name, used as
// the pieces' source when the feed gives no link of its own.
func Import(r io.Reader, name string, opts Options) (*Report, error) {
	if opts.Into == "" {
		return nil, errors.New("no folder to import into")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFeedSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFeedSize {
		return nil, fmt.Errorf("%s is over %d MB: not a feed", name, MaxFeedSize>>20)
	}
	data = fetch.UTF16Feed(data)
	if err := countFeed(data).tooBig(name); err != nil {
		return nil, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s is not an RSS, Atom or WordPress export file: %w", name, err)
	}

	wxr := isWXR(feed)
	c := converterFor(feed, name, wxr, kindsOf(feed, data))
	// the feed's source, its self link else its site's link, is what its
	// files name it by when they have no import_feed (wrote)
	if opts.Claimed != nil && c.source != "" {
		if by := opts.Claimed(c.source); by != "" {
			what := "site link"
			if c.source == c.self {
				what = `rel="self" link`
			}
			return nil, fmt.Errorf("%s gives as its %s %s, the feed subscribed to as %s: refused, nothing written (a feed may not write another's files; if the two are one feed, folio feeds rm one)", archive.SanitizeLine(name), what, c.source, by)
		}
	}
	rep := &Report{Format: feed.FeedType, Feed: c.outlet, Into: opts.Into, DryRun: opts.DryRun, Self: c.self}
	if wxr {
		rep.Format = "wordpress"
	}
	held, err := scanImported(opts.Into)
	if err != nil {
		return nil, err
	}
	// the files this feed wrote, by import_id: a file another feed or
	// folio add wrote under the same import_id is not this item's (a
	// helper's report: two feeds giving the GUIDs 1 and 2 wrote over each
	// other's files at every sync)
	existing := held.first(func(rel string) bool { return c.wrote(held, rel) })
	if !opts.DryRun {
		if err := os.MkdirAll(opts.Into, 0o755); err != nil {
			return nil, err
		}
		// the hidden temporary files of an import killed mid-write
		atomicfile.RemoveStale(opts.Into, staleTempAge, archive.IsArticlePath)
	}

	idOf := map[string]string{} // file to import_id
	for id, rel := range existing {
		idOf[rel] = id
	}
	feedIDs := map[string]bool{} // the import_ids the feed's items would have
	for _, item := range feed.Items {
		feedIDs[archive.WithoutUserinfo(archive.SanitizeLine(cmp.Or(item.GUID, item.Link)))] = true
	}
	leave := leftItems(feed.Items, existing, opts.MaxNew)
	claimed := map[string]bool{} // paths written or kept in this run
	seenIDs := map[string]bool{}
	for i, item := range feed.Items {
		p, why := c.piece(item)
		if why != "" {
			rep.Results = append(rep.Results, Result{Action: Ignored, Title: c.title(item), Reason: why})
			continue
		}
		if seenIDs[p.ImportID] {
			rep.Results = append(rep.Results, Result{Action: Ignored, Title: p.Title, Reason: "appears twice in the feed"})
			continue
		}
		seenIDs[p.ImportID] = true
		if _, ok := existing[p.ImportID]; !ok {
			rel, ok := held.urls[archive.CopyURLKey(p.URL)]
			switch {
			case !ok || p.URL == "":
			case !c.wrote(held, rel):
				// added by folio add, or from another feed: a second
				// copy would be written (a helper's report)
				claimed[rel] = true
				rep.Results = append(rep.Results, Result{Action: Present, Path: rel, Title: p.Title, Reason: held.sameURL(rel)})
				continue
			case idOf[rel] != "" && !claimed[rel] && !feedIDs[idOf[rel]]:
				// an item of this feed that the feed now gives another
				// GUID: its file is the item's (a helper's report: every
				// item was written again at each sync)
				existing[p.ImportID] = rel
			}
		}
		if _, ok := existing[p.ImportID]; !ok && leave[i] {
			rep.Left++
			continue
		}
		note := ""
		var pageErr error
		if opts.FullText != nil {
			// an item written before keeps its file, its page not fetched
			// again; but a file edited since is said skipped, as a plain
			// feed's is, and --force fetches its page and writes it over
			// (49r: sync --force said "1 unchanged" and kept the edit)
			if rel, ok := existing[p.ImportID]; ok {
				if r, held := heldFullText(opts, rel, p.Title); held {
					claimed[rel] = true
					rep.Results = append(rep.Results, r)
					continue
				}
			}
			note, pageErr = fullText(p, opts.FullText)
		}
		res, err := place(p, existing, claimed, opts, rep)
		res.Reason, res.PageErr = cmp.Or(res.Reason, note), pageErr
		if err != nil {
			return rep, err
		}
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

// heldFullText is what becomes of a full-text feed's item whose file rel
// an earlier import wrote: held (nothing fetched nor written) unchanged, or
// skipped when the file cannot be read or was edited since, unless
// opts.Force, which has the item's page fetched and the file written over.
func heldFullText(opts Options, rel, title string) (Result, bool) {
	old, err := archive.ReadRegular(filepath.Join(opts.Into, rel), archive.MaxFileSize)
	switch {
	case err != nil:
		return Result{Action: Skipped, Path: rel, Title: title, Reason: "cannot read the imported file: " + err.Error()}, true
	case writtenByImport(old):
		return Result{Action: Unchanged, Path: rel, Title: title}, true
	case opts.Force:
		return Result{}, false
	}
	return Result{Action: Skipped, Path: rel, Title: title, Reason: "edited since it was imported (--force overwrites)"}, true
}

// leftItems are the items that a run capped at max new files leaves: of
// the items no file holds yet (by import_id), all but the max newest (by
// their date; those without one are the oldest, then in feed order).
// nil when max is 0 or not past.
func leftItems(items []*gofeed.Item, existing map[string]string, max int) map[int]bool {
	if max <= 0 || len(items) <= max {
		return nil
	}
	var fresh []int
	for i, item := range items {
		if _, ok := existing[archive.WithoutUserinfo(archive.SanitizeLine(cmp.Or(item.GUID, item.Link)))]; !ok {
			fresh = append(fresh, i)
		}
	}
	if len(fresh) <= max {
		return nil
	}
	date := func(i int) time.Time {
		if d := cmp.Or(items[i].PublishedParsed, items[i].UpdatedParsed); d != nil {
			return *d
		}
		return time.Time{}
	}
	slices.SortStableFunc(fresh, func(a, b int) int { return date(b).Compare(date(a)) })
	leave := map[int]bool{}
	for _, i := range fresh[max:] {
		leave[i] = true
	}
	return leave
}

// Caps on a piece's front matter, kept before it is written (capFields).
const (
	maxTitleBytes  = 500
	maxOutletBytes = 200
	maxTagBytes    = 100
)

// capFields cuts what a page or a feed item says of itself to what folio
// writes: archive.MaxTags tags of at most maxTagBytes, a title of at most
// maxTitleBytes and an outlet of at most maxOutletBytes, cut at a word
// with "…" (a helper's report: a page of 1,500 keywords was written as a
// file folio check refuses, and a 1 MB <title> and a 5,000-character
// outlet were written whole).
func (p *piece) capFields() {
	p.Title = cutWords(p.Title, maxTitleBytes)
	p.Outlet = cutWords(p.Outlet, maxOutletBytes)
	var ts []string
	for _, t := range p.Tags {
		if t = strings.TrimRight(cutName(t, maxTagBytes), "-"); t != "" && !slices.Contains(ts, t) && len(ts) < archive.MaxTags {
			ts = append(ts, t)
		}
	}
	p.Tags = ts
}

// cutWords cuts s to at most n bytes, at a word's end when one is in its
// second half, ending it with "…".
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ellipsis = "…"
	cut := cutName(s, n-len(ellipsis))
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + ellipsis
}

// place writes (or not) one piece and says what happened.
func place(p *piece, existing map[string]string, claimed map[string]bool, opts Options, rep *Report) (Result, error) {
	p.capFields()
	res := Result{Title: p.Title}
	content, err := p.render()
	if err != nil {
		res.Action, res.Reason = Ignored, err.Error()
		return res, nil
	}
	if len(content) > archive.MaxFileSize {
		// the archive skips a file over its limit (a helper's report: an
		// 11.5 MB item was written and said added, then skipped by every
		// command); a file of the item written before is left as it is
		res.Action, res.Reason = Ignored, fmt.Sprintf("%.1f MB as a file, over the archive's %d MB limit: not written", float64(len(content))/(1<<20), archive.MaxFileSize>>20)
		return res, nil
	}
	rel, ok := existing[p.ImportID]
	if ok {
		res.Path = rel
		old, err := archive.ReadRegular(filepath.Join(opts.Into, rel), archive.MaxFileSize)
		switch {
		case err != nil:
			res.Action, res.Reason = Skipped, "cannot read the imported file: "+err.Error()
			return res, nil
		case bytes.Equal(old, content):
			res.Action = Unchanged
		case !writtenByImport(old) && !opts.Force:
			res.Action, res.Reason = Skipped, "edited since it was imported (--force overwrites)"
		default:
			res.Action = Updated
		}
	} else {
		var there bool
		rel, there, err = freeName(opts.Into, p.fileStem(), p.holds, claimed)
		if err != nil {
			res.Action, res.Reason = Ignored, err.Error()
			return res, nil
		}
		res.Path, res.Action = rel, Added
		if there {
			res.Action = Unchanged
		}
	}
	claimed[rel] = true
	if res.Action == Added || res.Action == Updated {
		if _, probs := archive.Parse(filepath.ToSlash(rel), content); len(probs) > 0 {
			rep.Problems = append(rep.Problems, probs...)
		}
		if !opts.DryRun {
			path := filepath.Join(opts.Into, rel)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return res, err
			}
			if res.Action == Updated {
				return res, atomicfile.WriteFile(path, content, 0o644)
			}
			return create(p, content, res, opts.Into, claimed)
		}
	}
	return res, nil
}

// create writes a new piece's file under the name res.Path, or, when
// another process has taken that name since freeName looked (two imports
// into one folder at once), under the next free one: a file is never
// written over. When the piece is found there (another import of the same
// feed wrote it), it is left as it is.
func create(p *piece, content []byte, res Result, dir string, claimed map[string]bool) (Result, error) {
	for {
		path := filepath.Join(dir, res.Path)
		err := atomicfile.CreateFile(path, content, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return res, err
		}
		if data, err := archive.ReadRegular(path, archive.MaxFileSize); err == nil && p.holds(data) {
			res.Action = Unchanged
			return res, nil
		}
		rel, there, err := freeName(dir, p.fileStem(), p.holds, claimed)
		if err != nil {
			return res, err
		}
		claimed[rel] = true
		res.Path = rel
		if there {
			res.Action = Unchanged
			return res, nil
		}
	}
}

// maxNameBytes is the longest name a piece's file gets: the usual file
// systems take 255 bytes in one name (ext4, XFS, Btrfs, APFS; NTFS counts
// 255 UTF-16 units, never fewer than the bytes), less the 16 that the
// temporary file of an atomic write adds (".name.tmp-" and 10 digits).
const maxNameBytes = 255 - 16

// maxNameTries bounds the search for a free name.
const maxNameTries = 10000

// freeName picks a file name for a new piece: stem.md, else stem-2.md, …,
// the stem cut (by bytes, on a character boundary) so that the name fits
// in maxNameBytes, or in less on a file system that says the name is too
// long (eCryptfs takes 143). A name is taken if a file has it or this run
// already used it. A file found under one of the names that holds the
// piece (holds: written by another import since this one looked at the
// folder) ends the search: that name is returned with there set. The
// search ends: a name that cannot be checked (the folder is a file, say)
// or maxNameTries names taken is an error.
func freeName(dir, stem string, holds func(data []byte) bool, claimed map[string]bool) (name string, there bool, err error) {
	limit := maxNameBytes
	for n := 1; n <= maxNameTries; n++ {
		suffix := ".md"
		if n > 1 {
			suffix = fmt.Sprintf("-%d.md", n)
		}
		name := cutName(stem, limit-len(suffix)) + suffix
		if claimed[name] {
			continue
		}
		_, err := os.Lstat(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return name, false, nil
		case errors.Is(err, syscall.ENAMETOOLONG) && limit > 64:
			limit -= limit / 4
			n-- // the same number, shorter
		case err != nil:
			return "", false, fmt.Errorf("no file name: %w", err)
		case holds != nil:
			if data, err := archive.ReadRegular(filepath.Join(dir, name), archive.MaxFileSize); err == nil && holds(data) {
				return name, true, nil
			}
		}
	}
	return "", false, fmt.Errorf("no free file name after %d tries", maxNameTries)
}

// cutName cuts s to at most n bytes, at the start of a character, without
// a dash left at the end.
func cutName(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], "-")
}

// ---- the file format ----

// frontMatter is what an imported file's front matter holds, in this order.
// It is marshalled with yaml.v3, so any title (quotes, colons, leading
// dashes) comes out as valid YAML.
type frontMatter struct {
	Title      string   `yaml:"title"`
	Date       string   `yaml:"date"`
	Authors    []string `yaml:"authors,omitempty,flow"`
	Outlet     string   `yaml:"outlet,omitempty"`
	Tags       []string `yaml:"tags,omitempty,flow"`
	URL        string   `yaml:"url,omitempty"`
	Source     string   `yaml:"source,omitempty"`
	Standfirst string   `yaml:"standfirst,omitempty"`
	Language   string   `yaml:"language,omitempty"`  // pages from the web (AddPage)
	Fetched    string   `yaml:"fetched,omitempty"`   // the day AddPage fetched the page, local as cite's access date
	Extracted  string   `yaml:"extracted,omitempty"` // how AddPage extracted the text
	// ImportFeed is the feed's own URL, written when it is not Source
	// (itemConverter.feed)
	ImportFeed string `yaml:"import_feed,omitempty"`
	ImportID   string `yaml:"import_id"`
	ImportHash string `yaml:"import_hash,omitempty"` // must stay last: see render
}

type piece struct {
	frontMatter
	slug string // preferred file name part (WordPress's own slug), may be ""
	Body string
}

// render is the file's bytes. import_hash is a hash of the file as it would
// be without the import_hash line, so the file can be checked for edits by
// removing that line and hashing the rest.
func (p *piece) render() ([]byte, error) {
	fm := p.frontMatter
	fm.Outlet = archive.MarkdownText(fm.Outlet) // read as Markdown (a Hugo Blox publication)
	// read as plain text with their references decoded: a title "AT&amp;T"
	// or "&copy; 2020", as the page's text, is written so that it reads so
	fm.Title, fm.Standfirst = archive.PlainText(fm.Title), archive.PlainText(fm.Standfirst)
	fm.Authors, fm.Tags = plainTexts(fm.Authors), plainTexts(fm.Tags)
	fm.ImportHash = ""
	without, err := renderFile(fm, p.Body)
	if err != nil {
		return nil, err
	}
	fm.ImportHash = hashOf(without)
	return renderFile(fm, p.Body)
}

// plainTexts is archive.PlainText of each of vs, vs itself when none
// changes.
func plainTexts(vs []string) []string {
	var out []string
	for i, v := range vs {
		if p := archive.PlainText(v); p != v && out == nil {
			out = slices.Clone(vs)
			out[i] = p
		} else if out != nil {
			out[i] = p
		}
	}
	if out == nil {
		return vs
	}
	return out
}

func renderFile(fm frontMatter, body string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fmt.Errorf("writing front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	if body != "" {
		b.WriteString("\n" + body + "\n")
	}
	return b.Bytes(), nil
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

var hashLine = regexp.MustCompile(`(?m)^import_hash: ([0-9a-f]{16})\n`)

// writtenByImport reports whether a file is exactly as the import wrote it.
func writtenByImport(content []byte) bool {
	m := hashLine.FindSubmatchIndex(content)
	if m == nil {
		return false
	}
	without := slices.Concat(content[:m[0]], content[m[1]:])
	return hashOf(without) == string(content[m[2]:m[3]])
}

// imported is what a folder holds of earlier imports (scanImported).
type imported struct {
	// order is the files with an import_id (relative to the folder), in
	// lexical order; ids maps each to its import_id
	order []string
	ids   map[string]string
	// urls maps the archive.CopyURLKey of a file's url to it: a feed item
	// whose link is there came by another way (folio add, another feed)
	// and is not written nor fetched again (Import). It is the key copies
	// are compared by: URLKey gave none for a link whose host the URL
	// standard refuses, and an item at http://1.2.3.09/p was written
	// again beside the file at that very URL, its copy to folio dups. A url two files have
	// (a podcast's items all linking its home page) names no one piece and
	// is left out; so is a file's source, which for a feed's items is the
	// feed's site (a review's report: both made new items "present").
	urls map[string]string
	// sources and feeds are the files' source and import_feed lines: a
	// file from the feed being imported is found by its import_id and
	// these (itemConverter.wrote), never by its url
	sources, feeds map[string]string
	// outlets are the files' outlet lines, naming a feed read from a file
	// (sameURL)
	outlets map[string]string
}

// sameURL is why an item whose link the file rel has is not written:
// "same URL", and the feed that wrote the file when it names one
// (import_feed: its URL, or the outlet of a feed read from a file).
func (h imported) sameURL(rel string) string {
	f := h.feeds[rel]
	if strings.HasPrefix(f, fileFeedPrefix) { // its name, never its hash
		o := h.outlets[rel]
		if o == "" {
			return "same URL, from a feed read from a file"
		}
		f = strconv.Quote(o)
	}
	if f == "" {
		return "same URL"
	}
	return "same URL, from feed " + f
}

// first maps each import_id to the first file in lexical order that has
// it, of the files keep keeps (all when keep is nil).
func (h imported) first(keep func(rel string) bool) map[string]string {
	found := map[string]string{}
	for _, rel := range h.order {
		if _, dup := found[h.ids[rel]]; !dup && (keep == nil || keep(rel)) {
			found[h.ids[rel]] = rel
		}
	}
	return found
}

// scanImported finds the files a previous import wrote into dir, including
// files the user has since moved into subfolders. Only the import_id, url
// and source lines are decoded, so a file whose front matter the user broke
// is still recognised (and then skipped, not duplicated).
func scanImported(dir string) (imported, error) {
	var order []string
	ids, urls, sources, feeds, outlets := map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	shared := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !archive.IsArticlePath(d.Name()) {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > archive.MaxFileSize {
			return nil
		}
		data, err := archive.ReadRegular(path, archive.MaxFileSize)
		if errors.Is(err, archive.ErrNotRegular) {
			return nil // swapped for a pipe or a device since it was listed
		}
		if err != nil {
			return err
		}
		fm := frontMatterOf(data)
		id := frontValue(fm, "import_id")
		if id == "" {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		order = append(order, rel) // WalkDir goes in lexical order
		ids[rel] = id
		if k := archive.CopyURLKey(frontValue(fm, "url")); k != "" {
			if _, dup := urls[k]; dup {
				shared[k] = true
			}
			urls[k] = rel
		}
		sources[rel], feeds[rel], outlets[rel] = frontValue(fm, "source"), frontValue(fm, "import_feed"), frontValue(fm, "outlet")
		return nil
	})
	if err != nil {
		return imported{}, fmt.Errorf("reading %s: %w", dir, err)
	}
	for k := range shared {
		delete(urls, k)
	}
	return imported{order: order, ids: ids, urls: urls, sources: sources, feeds: feeds, outlets: outlets}, nil
}

// Held is what a folder holds of earlier imports, read once (ReadHeld).
type Held struct{ h imported }

// ReadHeld reads the files earlier imports wrote into dir (none when dir
// is not there), as an import does.
func ReadHeld(dir string) (*Held, error) {
	h, err := scanImported(dir)
	if err != nil {
		return nil, err
	}
	return &Held{h: h}, nil
}

// OfFeed reports whether the folder holds a file an import of the feed
// fetched from one of urls wrote (itemConverter.wrote): its import_feed,
// or without one its source, is one of them but for the scheme, the
// host's case, www., a trailing slash and tracking parameters. A sync
// asks for the feed only if changed when so (a helper's report: a folder
// emptied since the last sync got "not modified" and never its items),
// passing the subscription's URL, where it led and the self link it
// recorded (Report.Self: the files of a feed whose self link is a
// proxy's or a stale one name that, and it was fetched whole at every
// sync).
func (h *Held) OfFeed(urls ...string) bool {
	for _, rel := range h.h.order {
		f := cmp.Or(h.h.feeds[rel], h.h.sources[rel])
		for _, u := range urls {
			if archive.SameURL(f, u) {
				return true
			}
		}
	}
	return false
}

// importIDOf is the import_id in a file's front matter ("" for none).
func importIDOf(data []byte) string { return frontValue(frontMatterOf(data), "import_id") }

// holds says whether a file holds the piece as an import of the same
// feed (or folio add of the same page) writes it: its import_id, source
// and import_feed. A file another feed wrote with the same import_id does
// not (a helper's report: a feed's item found under its file name with
// another feed's GUID 1 was "unchanged", not written).
func (p *piece) holds(data []byte) bool {
	fm := frontMatterOf(data)
	return frontValue(fm, "import_id") == p.ImportID && frontValue(fm, "source") == p.Source && frontValue(fm, "import_feed") == p.ImportFeed
}

// wrote says whether the file rel of the folder was written by this feed
// (for the item with its import_id): its import_feed is the feed's, or,
// without one (a feed whose own URL is its source, or a file written
// before import_feed was), its source is the feed's. A feed fetched from
// its URL that names no rel="self" link is also the one read from a file
// before with its title and site link (fileFeedID): its files are updated,
// gaining its URL (the other way, a file read after the feed's URL, its
// items are "already there"). A file folio add wrote has the page's URL
// as its source, another feed's another site's or its own import_feed.
func (c *itemConverter) wrote(h imported, rel string) bool {
	if f := h.feeds[rel]; f != "" {
		return f == c.feed || c.self == "" && f == fileFeedID(c.outlet, c.source)
	}
	return h.sources[rel] == c.source || h.sources[rel] == c.feed
}

// frontValue is the value of key in front matter fm, its line alone
// decoded, so that a file whose front matter the user broke elsewhere is
// still recognised ("" for none).
func frontValue(fm []byte, key string) string {
	for line := range bytes.Lines(fm) {
		if bytes.HasPrefix(line, []byte(key+": ")) {
			var v map[string]string
			if yaml.Unmarshal(line, &v) != nil {
				return ""
			}
			return v[key]
		}
	}
	return ""
}

// frontMatterOf is the YAML front matter block of a file, or nil.
func frontMatterOf(data []byte) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil
	}
	if i := bytes.Index(rest, []byte("\n---")); i >= 0 {
		return rest[:i+1]
	}
	return nil
}

// fileStem is date-slug: 2017-10-19-raqqa-has-fallen.
func (p *piece) fileStem() string {
	s := cmp.Or(archive.Slug(p.slug, 60), archive.Slug(p.Title, 60), "item-"+hashOf([]byte(p.ImportID))[:6])
	return p.Date + "-" + s
}

// ---- from feed items to pieces ----

// itemConverter holds what every item of one feed shares.
type itemConverter struct {
	wxr    bool
	outlet string
	source string
	// feed is the feed's own URL (its rel="self" link, else the URL it
	// was fetched from), else, for a feed read from a file, fileFeedID:
	// what tells it from the site's other feeds, which give the site's
	// link and the same GUIDs
	feed string
	// self is the feed's rel="self" link, when it is a URL (then feed)
	self    string
	base    *url.URL          // the site, for relative links
	authors []string          // the feed's own authors, for items without any
	logins  map[string]string // WordPress login -> display name
	// attachments are the URLs of a WordPress export's attachments by
	// post id, for [gallery ids=…]
	attachments map[string]string
	kinds       feedKinds // which fields are text, not HTML
}

// title is item's title as the archive keeps it.
func (c *itemConverter) title(item *gofeed.Item) string {
	return textLine(c.kinds.items[item].title.lineHTML(item.Title))
}

func converterFor(feed *gofeed.Feed, name string, wxr bool, kinds feedKinds) *itemConverter {
	title := feed.Title
	title = kinds.title.lineHTML(title)
	c := &itemConverter{wxr: wxr, outlet: textLine(title), logins: map[string]string{}, kinds: kinds}
	for _, link := range []string{feed.FeedLink, feed.Link} {
		if link := archive.WithoutUserinfo(link); archive.ValidURL(link) == nil {
			c.source = link
			break
		}
	}
	c.source = cmp.Or(c.source, archive.WithoutUserinfo(archive.SanitizeLine(name)))
	// a feed read from a file that names no rel="self" link: its title
	// and site's link (a helper's report: a site's main feed and a
	// category's, both giving the site's link, wrote over each other's
	// files, each import flipping a shared item's text, outlet and tags)
	c.feed = fileFeedID(c.outlet, c.source)
	for i, link := range []string{feed.FeedLink, name} {
		if link := archive.WithoutUserinfo(link); archive.ValidURL(link) == nil {
			c.feed = link
			if i == 0 {
				c.self = link
			}
			break
		}
	}
	if u, err := url.Parse(feed.Link); err == nil && archive.ValidURL(archive.WithoutUserinfo(feed.Link)) == nil {
		u.User = nil
		c.base = u
	}
	c.authors = c.personNames(feed.Authors)
	if wxr {
		c.attachments = map[string]string{}
		for _, it := range feed.Items {
			if id, u := wp(it, "post_id"), wp(it, "attachment_url"); id != "" && u != "" {
				c.attachments[id] = u
			}
		}
		for _, a := range feed.Extensions["wp"]["author"] {
			login, display := child(a, "author_login"), child(a, "author_display_name")
			if login, display = textLine(login), textLine(display); login != "" && display != "" {
				c.logins[login] = display
			}
		}
	}
	return c
}

// fileFeedPrefix starts the import_feed of a feed read from a file that
// names no rel="self" link (fileFeedID).
const fileFeedPrefix = "feed:"

// fileFeedID is what a feed read from a file that names no rel="self"
// link is known by: a hash of its title and source (its site's link),
// the same for each export or download of one feed wherever the file is,
// another for each of a site's feeds ("Site", "Site » Politics"). A feed
// whose title changes is another feed: its items already in the folder
// with their link are "already there".
func fileFeedID(title, source string) string {
	return fileFeedPrefix + hashOf([]byte(title+"\n"+source))
}

func isWXR(feed *gofeed.Feed) bool {
	if _, ok := feed.Extensions["wp"]; ok {
		return true
	}
	for _, it := range feed.Items {
		if _, ok := it.Extensions["wp"]; ok {
			return true
		}
	}
	return false
}

// wp is the value of a wp: element of a WordPress export item.
func wp(item *gofeed.Item, name string) string {
	if vs := item.Extensions["wp"][name]; len(vs) > 0 {
		return strings.TrimSpace(vs[0].Value)
	}
	return ""
}

func child(e ext.Extension, name string) string {
	if vs := e.Children[name]; len(vs) > 0 {
		return strings.TrimSpace(vs[0].Value)
	}
	return ""
}

// piece converts one item, or says why it is not imported.
func (c *itemConverter) piece(item *gofeed.Item) (*piece, string) {
	p := &piece{}
	if c.wxr {
		if t := cmp.Or(wp(item, "post_type"), "post"); t != "post" {
			return nil, "WordPress " + t + ", not a post"
		}
		if s := wp(item, "status"); s != "publish" {
			return nil, "WordPress " + cmp.Or(s, "unknown-status") + " post, not published"
		}
		if wp(item, "post_password") != "" {
			return nil, "password-protected post"
		}
		p.slug = wp(item, "post_name")
	}

	p.ImportID = archive.WithoutUserinfo(archive.SanitizeLine(cmp.Or(item.GUID, item.Link)))
	d, ok := c.date(item)
	if !ok {
		if t := cmp.Or(item.PublishedParsed, item.UpdatedParsed); t != nil {
			// a helper's report: an item of 1600 was said to have none
			return nil, fmt.Sprintf("publication date %s is outside the years folio can count (%d–%d)", t.Format("2006-01-02"), archive.MinYear, archive.MaxYear)
		}
		return nil, "no publication date"
	}
	p.Date = d.String()
	if p.ImportID == "" {
		p.ImportID = "sha256:" + hashOf([]byte(item.Title+"\n"+p.Date+"\n"+item.Content+item.Description))
	}

	k := c.kinds.items[item]
	content, desc := item.Content, item.Description
	if content == "" {
		content, desc, k.content = desc, "", k.summary
	}
	content, desc = k.content.html(content), k.summary.html(desc)
	content = c.wpShortcodes(content)
	if c.wxr {
		content = autop(content)
	}
	body, err := c.markdown(content)
	if err != nil {
		return nil, "body cannot be converted: " + err.Error()
	}
	p.Body = body

	p.Title = c.title(item)
	if p.Title == "" {
		p.Title = firstWords(htmlText(content), 10)
	}
	if p.Title == "" {
		return nil, "no title and no text"
	}
	p.Authors = c.itemAuthors(item)
	p.Outlet = c.outlet
	p.Tags = tags(item.Categories)
	p.URL = c.link(item.Link)
	p.Source = c.source
	if c.feed != c.source {
		p.ImportFeed = c.feed
	}
	p.Standfirst = c.standfirst(item, desc, content)
	return p, ""
}

// date is the item's publication date as its author saw it. WordPress's
// wp:post_date is the blog's local time; a feed's date string is parsed in
// its own zone (gofeed's parsed value is in UTC, which can move a late
// evening piece to the next day).
func (c *itemConverter) date(item *gofeed.Item) (archive.Date, bool) {
	if c.wxr {
		if d, err := archive.ParseDate(wp(item, "post_date")); err == nil && d.Time.Year() > 1 {
			return d, true
		}
	}
	for _, s := range []string{item.Published, item.Updated} {
		if d, err := archive.ParseDate(s); err == nil {
			return d, true
		}
	}
	for _, t := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if t == nil {
			continue
		}
		// a year folio cannot count (1601, 9999) is no date: the file
		// would be written, said added, and refused by the archive (a
		// review's report)
		d := archive.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
		if archive.CheckYears(d) == nil {
			return d, true
		}
	}
	return archive.Date{}, false
}

func (c *itemConverter) markdown(h string) (string, error) {
	// a reference to a control is one character, dropped alone before
	// the HTML is decoded (decoded first, "&#27;t" was the escape
	// sequence ESC t to the sanitising, and the t went with it); one to a
	// line's end is a new line, as in a front matter field (lineEnd)
	h = termsafe.DefuseKeepingLines(h, controlReference, lineEnd)
	if strings.Contains(h, "<a") || strings.Contains(h, "<A") {
		var err error
		if h, err = rewriteFragment(h, func(root *html.Node) { cleanAnchors(root, c.base) }); err != nil {
			return "", err
		}
	}
	return c.toMarkdown(h)
}

// toMarkdown is markdown of HTML whose links are clean already.
func (c *itemConverter) toMarkdown(h string) (string, error) {
	if strings.TrimSpace(h) == "" {
		return "", nil
	}
	var opts []converter.ConvertOptionFunc
	if c.base != nil {
		opts = append(opts, converter.WithDomain(c.base.String()))
	}
	md, err := archive.HTMLConverter().ConvertString(h, opts...)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(archive.Sanitize(md)), nil
}

// controlReference stands for a character reference to a control in HTML
// about to be decoded (termsafe.DefuseReferences): in text the sanitising
// drops it alone, as it drops folio's other private-use marks, and a link
// whose target holds one is kept as its text alone (safeLink), as one
// holding the control was, rather than as a link to another URL.
const controlReference = "\uE000"

// lineEnd stands for a character reference to a line's end (&#13;,
// &#x2028;, &#x2029;) in HTML about to be decoded
// (termsafe.DefuseKeepingLines, the rule of a front matter field's): the
// line separator itself, a new line to the sanitising, where the HTML
// parser and the Markdown converter make a new line (&#10;) a space; in a
// one-line field (SanitizeLine) a space. Dropped as a control, the
// reference joined the words around it ("Ann&#13;Lee" was AnnLee, a
// body's "line one&#x2028;line two" line oneline two: an attack's report).
const lineEnd = "\u2028"

// rewriteFragment parses the HTML fragment h (as in a <div>), lets edit
// change it, and renders it again.
func rewriteFragment(h string, edit func(root *html.Node)) (string, error) {
	nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return "", err
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	edit(root)
	var b strings.Builder
	for ch := root.FirstChild; ch != nil; ch = ch.NextSibling {
		if err := html.Render(&b, ch); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// itemAuthors are the item's authors by name: all Dublin Core creators, or
// the feed's item authors, WordPress logins turned into display names;
// e-mail addresses are not names. Without any, the feed's own authors.
func (c *itemConverter) itemAuthors(item *gofeed.Item) []string {
	var names []string
	if item.DublinCoreExt != nil && len(item.DublinCoreExt.Creator) > 0 {
		for _, n := range item.DublinCoreExt.Creator {
			names = append(names, textLine(n))
		}
	} else {
		names = c.personNames(item.Authors) // decoded once (an RSS author's "&amp;amp;" was twice)
	}
	var out []string
	for _, n := range names {
		if d, ok := c.logins[n]; ok {
			n = d
		}
		if n != "" && !strings.Contains(n, "@") && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return c.authors
	}
	return out
}

// personNames are the names of ps, as the archive keeps them.
func (c *itemConverter) personNames(ps []*gofeed.Person) []string {
	var out []string
	for _, p := range ps {
		if p != nil && p.Name != "" && !strings.Contains(p.Name, "@") {
			out = append(out, textLine(p.Name))
		}
	}
	return out
}

// tags are the item's categories in the archive's tag style (tagsOf).
// A category is read as its feed says, as every text field of RSS is: the
// XML decoded (gofeed), then the HTML it may hold once (htmlText), so
// "Cats &amp;amp; dogs" is the tag cats-&-dogs and "&amp;lt;b&amp;gt;" the
// tag <b> (one rule for the fields of a feed: an Atom category and a JSON
// Feed tag are read so too).
func tags(categories []string) []string {
	texts := make([]string, len(categories))
	for i, c := range categories {
		texts[i] = htmlText(c)
	}
	return tagsOf(texts)
}

// tagsOf are texts as tags (tagOf), each once, in order, without empty
// ones and WordPress's placeholder "Uncategorized". Each text is given
// decoded, as its source's format says, and is not decoded again: a
// keyword that reads "<b>" or "AT&T" is the tag <b> or at&t.
func tagsOf(texts []string) []string {
	var out []string
	for _, s := range texts {
		t := tagOf(s)
		if t != "" && t != "uncategorized" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// tagOf is the text of a tag, decoded, in the archive's tag style:
// sanitised (archive.SanitizeLine), lower case, its words joined by
// dashes.
func tagOf(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(archive.SanitizeLine(text))), "-")
}

// link is the item's URL made absolute against the site, if it is one folio
// would open; else "". An item without a link of its own has none: not the
// site's home page, which an empty reference resolves to (a helper's
// report: Atom entries with only an enclosure, replies or edit link, or
// none, were all written with the url of the home page, which dups took
// for copies of one piece and o and cite gave as the piece's). gofeed
// gives an Atom entry's rel="alternate" link alone, an RSS item's <link>.
func (c *itemConverter) link(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err == nil && !u.IsAbs() && c.base != nil {
		s = c.base.ResolveReference(u).String()
	}
	if s = archive.WithoutUserinfo(s); archive.ValidURL(s) != nil {
		return ""
	}
	return s
}

// standfirst is a short summary distinct from the body: WordPress's excerpt,
// or a feed's description/summary when the item also has full content and the
// description is not just its opening.
func (c *itemConverter) standfirst(item *gofeed.Item, desc, content string) string {
	var s string
	if c.wxr {
		if vs := item.Extensions["excerpt"]["encoded"]; len(vs) > 0 {
			s = vs[0].Value
		}
	} else {
		s = desc
	}
	s = strings.Join(strings.Fields(htmlText(s)), " ")
	if s == "" || len(s) > 600 {
		return ""
	}
	text := strings.Join(strings.Fields(htmlText(content)), " ")
	probe := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "[…]"), "…"), " .")
	if probe != "" && strings.HasPrefix(text, probe) {
		return ""
	}
	return archive.Sanitize(s)
}

// textLine is a one-line text field of a feed (its title, an item's
// title, author, category; a WordPress display name) as the archive keeps
// it: read as HTML, as RSS 2.0 allows a title to hold entity-encoded HTML
// ("&amp;lt;b&amp;gt;", "Tom &amp;amp; Jerry": the XML decoded once, then
// the HTML's entities once more; a field that is text, as Atom's of type
// text, is given escaped, see textkinds.go), then sanitised, so that whatever a
// decoding makes (&#27; is ESC) reaches no file. One rule for every field:
// an author was kept with its HTML entities as written (a helper's report:
// "Crea &#27;[31mtor" in the file, cut at its ";" by cite).
func textLine(s string) string { return archive.SanitizeLine(htmlText(s)) }

// htmlText is the text of an HTML fragment (tags dropped, entities decoded),
// via the HTML5 parser; text without markup is returned as it is.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	s = termsafe.DefuseKeepingLines(s, "", lineEnd) // as in markdown
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style"):
			return
		case n.Type == html.ElementNode && (blockTags[n.Data] || n.Data == "br"):
			b.WriteString(" ") // a line break parts words ("summary<br>of" ran together)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}

func firstWords(s string, n int) string {
	words := strings.Fields(archive.SanitizeLine(s))
	if len(words) > n {
		return strings.Join(words[:n], " ") + "…"
	}
	return strings.Join(words, " ")
}

// blockTags are HTML elements that start a block, for autop and htmlText.
var blockTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`address article aside blockquote caption dd details div dl dt figcaption figure footer
	form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul iframe script style
	br`) {
		blockTags[t] = true
	}
}

var blockLine = regexp.MustCompile(`^\s*</?([a-zA-Z][a-zA-Z0-9]*)`)

// autop does what WordPress does to a classic post when it shows it: the
// export holds text whose paragraphs are separated by blank lines and whose
// line breaks are meaningful, with HTML only for the rest. Each run of text
// lines becomes a <p>, its inner newlines <br>; lines that are block-level
// markup are left as they are. Block-editor posts (<!-- wp:… -->) already
// carry their <p>s and are returned unchanged.
func autop(s string) string {
	if strings.Contains(s, "<!-- wp:") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out strings.Builder
	var para []string
	flush := func() {
		if len(para) > 0 {
			out.WriteString("<p>" + strings.Join(para, "<br>\n") + "</p>\n")
			para = para[:0]
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if m := blockLine.FindStringSubmatch(line); m != nil && blockTags[strings.ToLower(m[1])] && strings.ToLower(m[1]) != "br" {
			flush()
			out.WriteString(line + "\n")
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		para = append(para, line)
	}
	flush()
	return out.String()
}
