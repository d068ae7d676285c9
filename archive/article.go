// Package archive owns folio's domain: the Article, the on-disk article format
// (Markdown with YAML, TOML or JSON front matter, and the layouts, drafts and
// bodies of Hugo, Jekyll and Zola sites read as the sites show them: shortcodes,
// Liquid, kramdown, HTML blocks and comments, footnotes), the paths a site
// links a piece by (SiteKeys, LinkCandidates), loading an archive from
// any fs.FS (with a memo of folder listings, ScanEachMemo), validation and
// sanitising of untrusted text, reading bylines into the people they name
// (names.go: Bylines, which cite cites, and People, which the author facet
// counts), what makes two pieces republished copies
// of one (dups.go: SimilarText, SimilarWithTitle, KeyOf), and the bundled
// archive that ships inside the binary.
package archive

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/folio-tui/folio/internal/termsafe"
)

// Precision says how much of an article's date is known. A piece known only
// to the month is never given an invented day.
type Precision string

const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// Date is a publication date with its precision. Time holds the first instant
// of the known period (the 1st of the month for month precision, 1 January for
// year precision) in UTC.
type Date struct {
	Time      time.Time
	Precision Precision
}

// String formats the date to its precision: 2017-10-19, 2017-09 or 1863.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.Format("2006")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	}
	return ""
}

// Human formats the date for reading: 19 October 2017, September 2017, 1863.
func (d Date) Human() string {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.Format("2006")
	case PrecisionMonth:
		return d.Time.Format("January 2006")
	case PrecisionDay:
		return d.Time.Format("2 January 2006")
	}
	return ""
}

// End returns the last instant of the period the date stands for, so that a
// range filter "to 2017-09-30" keeps a piece dated only "2017-09".
func (d Date) End() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.AddDate(1, 0, 0).Add(-time.Nanosecond)
	case PrecisionMonth:
		return d.Time.AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return d.Time.AddDate(0, 0, 1).Add(-time.Nanosecond)
}

// NoAuthor, NoOutlet and NoLanguage stand for no value where values are
// counted (folio stats) and, as filter values, keep the pieces without
// one.
const (
	NoAuthor   = "(no author)"
	NoOutlet   = "(no outlet)"
	NoLanguage = "(no language)"
)

// Kinds of piece. Any other string is accepted; these are the common ones.
const (
	KindArticle   = "article"
	KindInterview = "interview"
)

// Article is one piece of commentary. All text fields have been sanitised:
// they hold no terminal control sequences. Title, Authors, Organizations,
// Tags, Outlet, Standfirst and Note hold the text the front matter's values
// read as, their character references decoded ("Caf&eacute;" is "Café":
// DecodeReferences); Body is Markdown as written.
type Article struct {
	ID      string   // slug of the path, unique in an archive
	Path    string   // slash-separated path inside the archive's fs.FS
	Title   string   // required
	Authors []string // author/authors/by
	// Organizations are the Authors that are organisations, not people
	// ({name: RUSI, organization: true}): cited as written.
	Organizations []string
	Outlet        string   // where it was published
	Date          Date     // required
	Tags          []string // lower-case, de-duplicated
	URL           string   // original URL, http(s) only; empty when not known
	Source        string   // where the archive copy came from
	Kind          string   // article (default), interview, speech, ...
	Standfirst    string   // standfirst/summary/description
	Note          string   // the archive keeper's own comment on the piece
	// CiteKey is the citation key pinned in the front matter (citekey or
	// citation-key), "" when none is; always a ValidCiteKey.
	CiteKey string
	// CiteKeyLine is the file's line of the key that pins CiteKey (0 when
	// not known: none pinned, or the piece read from the index), for the
	// notes on a key several pieces pin.
	CiteKeyLine int
	// Language is the piece's language, a BCP 47 tag (en-GB, de), as its
	// front matter (language, lang) or its Hugo site (a translation's
	// name, x.de.md, or its language's contentDir) gives it: language.go;
	// "" when none does.
	Language string
	Body     string // Markdown
	// SiteKeys are the other ids the piece's site links it by, made as
	// IDs are (IDFromPath): its url, permalink or path (/about/ is
	// "about"), its aliases, its slug in its folder (posts/the-slug; a
	// Jekyll post's after its file name's date). A link's candidates
	// (LinkCandidates) are looked up among them after the pieces' ids
	// (Archive.Resolve; the index's Resolve).
	SiteKeys []string
	// SiteURLs are the base URLs of the site the piece is in (SiteURLs:
	// its config's baseURL), for its links to the site's own URL
	// (MarkLinksIn, LinksIn); set where a piece is read to be shown
	// (the index's Article), not stored in the index.
	SiteURLs []string
}

// Link is the URL to open for the piece: its original URL, else its source.
func (a Article) Link() string {
	if a.URL != "" {
		return a.URL
	}
	return a.Source
}

// Meta is the line under a piece's title, as its parts: its outlet, date,
// authors, language and kind (but an article's), each left out when the
// piece has none (an undated piece's line had an empty date between two
// dots in folio show). The outlet, when the piece has one, is the first.
func (a Article) Meta() []string {
	parts := []string{a.Outlet, a.Date.Human(), strings.Join(a.Authors, ", "), LanguageName(a.Language)}
	if a.Kind != KindArticle {
		parts = append(parts, a.Kind)
	}
	return slices.DeleteFunc(parts, func(s string) bool { return s == "" })
}

// Problem is one thing wrong with one file of an archive. It prints as
// path:line: message (line omitted when unknown), on one line and safe for a
// terminal: an odd path is quoted (termsafe.Quote) and control characters in
// the message (a front-matter value can hold any) are escaped (termsafe.Escape).
type Problem struct {
	Path  string
	Line  int
	Msg   string
	Fatal bool // the file was skipped; otherwise the article loaded with the problem noted
	// Quiet marks a file that is not a piece by design (a Hugo or Zola
	// section page): skipped and listed, but not a problem to report.
	Quiet bool
	// Unknown marks a folder the scan could not list, or a file it could
	// not stat, for a reason other than its being gone (permissions, an
	// I/O error, too many open files): what is there is unknown, not
	// absent, and an index keeps what it last read there.
	Unknown bool
	// Folder marks a problem of a folder (one the scan could not list),
	// not of a file: it counts in CountFolders, not in CountFiles.
	Folder bool
	// Link marks the note on a link the scan does not read (one to a
	// folder, or to a piece read where it is): Quiet too, as a link is no
	// piece by design, but folio check names it (a review: counted as a
	// piece "loaded with a note", it made check fail a folder of links).
	Link bool
}

func (p Problem) String() string {
	path, msg := termsafe.Quote(p.Path), termsafe.Escape(p.Msg)
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, p.Line, msg)
	}
	return fmt.Sprintf("%s: %s", path, msg)
}

func (p Problem) Error() string { return p.String() }

// SortProblems orders problems by path, then line, keeping the order of
// those on the same line.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
}

// CountProblems counts the problems that are problems: those not Quiet.
func CountProblems(ps []Problem) (problems, quiet int) {
	for _, p := range ps {
		if p.Quiet {
			quiet++
		} else {
			problems++
		}
	}
	return problems, quiet
}

// CountFiles counts the files behind problems, each once: skipped (a
// problem made the loader leave the file out) and noted (the piece was
// loaded, with a problem noted: a URL refused, a body cut). Quiet ones
// (section pages) and folders' (CountFolders) count in neither. A file
// with several problems is one file; one skipped is not also noted.
func CountFiles(ps []Problem) (skipped, noted int) {
	fatal := map[string]bool{}
	for _, p := range ps {
		if p.Fatal && !p.Quiet && !p.Folder {
			fatal[p.Path] = true
		}
	}
	seen := map[string]bool{}
	for _, p := range ps {
		if !p.Fatal && !p.Quiet && !p.Folder && !fatal[p.Path] && !seen[p.Path] {
			seen[p.Path] = true
		}
	}
	return len(fatal), len(seen)
}

// CountFolders counts the folders the scan could not list, each once
// (whether or not an index keeps pieces it last read there).
func CountFolders(ps []Problem) int {
	seen := map[string]bool{}
	for _, p := range ps {
		if p.Folder {
			seen[p.Path] = true
		}
	}
	return len(seen)
}

// cannotReadFolder is the problem of a folder the scan could not list or
// open (cannotRead's, marked Folder).
func cannotReadFolder(p string, err error) Problem {
	prob := cannotRead(p, err)
	prob.Folder = true
	return prob
}

// cannotRead is the problem of a file or folder the scan could not read:
// Unknown unless err says it is gone (Gone).
func cannotRead(p string, err error) Problem {
	return Problem{Path: p, Msg: "cannot read: " + errText(err), Fatal: true, Unknown: !Gone(err)}
}

// Gone reports whether a read's error says the file or folder is gone
// (removed, or a folder replaced by a file, since its folder was listed);
// any other error of the system (permission, I/O, too many files open)
// may pass while what was read stays as it was.
func Gone(err error) bool { return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) }

// Print is what identifies a piece apart from its file: a digest of its
// title, date, authors and outlet. A file renamed or moved with these
// unchanged has the same Print, so a citation key (cite.Keyring), the time
// a piece was first indexed and the reader's marks and quotes follow it.
// The outlet tells a piece from its copy republished elsewhere, which is
// cited apart: without it, two copies renamed at once swapped keys, and a
// copy took the key of a deleted one (a helper's report).
func Print(a Article) string {
	h := sha256.New()
	h.Write([]byte(a.Title + "\x00" + a.Date.String()))
	for _, n := range a.Authors {
		h.Write([]byte("\x00" + n))
	}
	h.Write([]byte("\x01" + a.Outlet))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// LegacyPrint is Print as folio made it before the outlet joined it (of
// the title, date and authors): what the citation-key ledgers written
// until then record, which a piece still matches (cite.Keyring) until its
// key is recorded again with its Print (a helper's report: without it,
// an upgrade changed the keys of pieces whose key folio now makes
// otherwise, and of files moved before the first new run).
func LegacyPrint(a Article) string {
	h := sha256.New()
	h.Write([]byte(a.Title + "\x00" + a.Date.String()))
	for _, n := range a.Authors {
		h.Write([]byte("\x00" + n))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// SignsNumber says whether a minus (a hyphen-minus or a dash) after prev
// and before rest signs a number: it starts a line (prev is '\n' or 0) or
// follows a space, a currency sign ("$-5") or punctuation that opens a
// value ("(", "[", "=", ...) or a mark of emphasis or code, and a digit
// or ".digit" follows it. A hyphen between letters or digits ("e-mail",
// "B-52", "COVID-19", "3-4") is no sign. The reader keeps such a minus
// with its number where a line wraps; folio quotes add asks a passage for
// it as the piece has it (one rule: a review, 41zb).
func SignsNumber(prev rune, rest string) bool {
	if !(prev == 0 || prev == '\n' || unicode.IsSpace(prev) || unicode.Is(unicode.Sc, prev) || strings.ContainsRune("([{=<>~≈±/:;,\"'“‘*_`", prev)) {
		return false
	}
	rest = strings.TrimPrefix(rest, ".")
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// ExponentSign says whether a minus after prev (the two characters before
// it, the nearer last) and before rest signs an exponent: after an 'e' or
// 'E' after a digit ("3.2e-12", "1E-5") or after a caret ("10^-3",
// "x^-1"), a digit after it. No sign to SignsNumber (it follows a letter
// or a caret): the reader keeps it with its number where a line wraps
// ("3.2e-" over "12"), and folio quotes add asks a passage for it as the
// piece has it ("3.2e12" is another number).
func ExponentSign(prev [2]rune, rest string) bool {
	if rest == "" || rest[0] < '0' || rest[0] > '9' {
		return false
	}
	return prev[1] == '^' || (prev[1] == 'e' || prev[1] == 'E') && '0' <= prev[0] && prev[0] <= '9'
}

// IsMinus: r writes a minus, SignsNumber's: the hyphen-minus, the minus
// sign (U+2212), a hyphen (isHyphen) or the figure and en dashes (U+2012,
// U+2013).
func IsMinus(r rune) bool { return isHyphen(r) || r == '\u2212' || r == '\u2012' || r == '\u2013' }
