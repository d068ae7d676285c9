// Package cite writes citations of archive pieces in the formats researchers
// paste into papers, notes or reference managers: a Chicago-style note as
// plain text (text) or Markdown (markdown), biblatex (bibtex), RIS and
// CSL-JSON.
//
// Every format honours the precision of a piece's date: a piece known only to
// the month is cited as "September 2017", @article{... date = {2017-09}},
// "DA  - 2017/09//" and "issued": {"date-parts": [[2017, 9]]}, never with an
// invented day. The access date (urldate, Y2, accessed) is passed in, so the
// output is a pure function of the pieces and that date; it is written only
// for pieces with a URL.
//
// Choices made where styles leave room:
//
//   - text is a Chicago notes-bibliography note, day-month-year as the
//     archive shows dates: Raffaello Pantucci, "Title," The Telegraph,
//     19 October 2017, URL. It has no marks at all; markdown is the same
//     note with the outlet in *italics* (what Chicago sets in italics) and
//     Markdown's own characters escaped, for Markdown, Pandoc or a notes
//     app. Titles are kept as written (no case changes).
//   - bibtex is biblatex (for biber): date, journaltitle and urldate rather
//     than BibTeX's year/month/journal, UTF-8 kept as is, LaTeX specials
//     escaped so that whatever a field holds its braces balance as BibTeX
//     counts them (see bibEscape, bibKeyword, bibURL); a title's words with
//     a capital inside (NATO, iPhone) in braces, and in a title in
//     sentence case every capitalised word after its first, so that a
//     style setting titles in sentence case keeps them (bibTitle).
//   - Authors are read as people write bylines (see Bylines): "Russ Cox,
//     for the Go team" is Russ Cox, "TOM KRISHER; AP Auto Writer" Tom
//     Krisher; an organisation (marked in the archive, or recognisable:
//     RUSI, Reuters, Editorial Board) is cited literally.
//   - A piece's kind decides its type (speech: CSL speech, RIS SLIDE with
//     M3 Speech, @misc with type Speech; report, blog post, podcast, video…:
//     see kindTypes). An article's type is guessed from its outlet's name
//     (see Classify), since the archive does not record whether an outlet
//     is a newspaper.
//   - A piece's language (archive.Article.Language, a BCP 47 tag) is
//     CSL-JSON's language, RIS's LA and biblatex's langid (babel's name:
//     german, british for en-GB; LangID), so that a style casing titles
//     cases English ones alone; biblatex's language, which styles print,
//     is not written.
//   - Citation keys (bibtex keys, CSL ids) belong to the archive: a piece's
//     key depends only on the piece and the archive, never on which pieces
//     are cited together (see Keyring for the rule).
package cite

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"
)

// Format is a citation format.
type Format string

const (
	Text     Format = "text"
	Markdown Format = "markdown"
	BibTeX   Format = "bibtex"
	RIS      Format = "ris"
	CSLJSON  Format = "csl-json"
)

// Formats lists the formats in the order help texts show them.
var Formats = []Format{Text, Markdown, BibTeX, RIS, CSLJSON}

// ParseFormat accepts a format name, case-insensitively, plus the common
// aliases biblatex, csl and json.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "chicago", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "bibtex", "biblatex", "bib":
		return BibTeX, nil
	case "ris":
		return RIS, nil
	case "csl-json", "csljson", "csl", "json":
		return CSLJSON, nil
	}
	return "", fmt.Errorf("unknown citation format %q (want text, markdown, bibtex, ris or csl-json)", s)
}

// Cite writes citations of arts in format f, in the order given, with the
// citation keys of keys: the keyring of their archive (see Keyring). A nil
// keyring stands for NewKeyring(arts), right when arts is the whole archive.
func Cite(arts []archive.Article, f Format, accessed time.Time, keys *Keyring) (string, error) {
	if keys == nil {
		keys = NewKeyring(arts)
	}
	switch f {
	case Text:
		return TextCitations(arts), nil
	case Markdown:
		return MarkdownCitations(arts), nil
	case BibTeX:
		return BibTeXEntries(arts, accessed, keys), nil
	case RIS:
		return RISRecords(arts, accessed), nil
	case CSLJSON:
		b, err := CSLJSONItems(arts, accessed, keys)
		return string(b), err
	}
	return "", fmt.Errorf("unknown citation format %q", f)
}

// Type is what kind of source a piece is, which decides the entry type in
// each format.
type Type int

const (
	Newspaper Type = iota // a newspaper article: @article with entrysubtype newspaper, NEWS, article-newspaper
	Magazine              // a magazine article: @article with entrysubtype magazine, MGZN, article-magazine
	Journal               // a scholarly journal article: @article, JOUR, article-journal
	Web                   // a page on a website (a think tank, a blog): @online, ELEC, webpage
	Other                 // none of the above and no URL: @misc, GEN, article
)

// Outlet name words that say what an outlet is. Matched against whole words
// of the lower-cased outlet name; the first list that matches wins, in the
// order broadcasters, journals, magazines, newspapers.
var (
	broadcasterWords = []string{"bbc", "sky", "itv", "abc", "cnn", "nbc", "cbs", "npr", "channel", "radio", "tv", "television", "jazeera", "cnbc", "pbs", "rte", "dw", "euronews", "france24"}
	journalWords     = []string{"journal of", "quarterly", "review of", "proceedings", "annals"}
	magazineWords    = []string{"magazine", "newsweek", "time", "economist", "atlantic", "spectator", "statesman", "politico", "foreign policy", "foreign affairs", "prospect", "new yorker", "weekly", "monthly", "wired", "national interest", "diplomat", "week"}
	newspaperWords   = []string{"times", "telegraph", "standard", "guardian", "post", "journal", "independent", "herald", "gazette", "tribune", "observer", "chronicle", "mail", "daily", "globe", "express", "mirror", "news", "sun", "star", "courier", "inquirer", "examiner", "le monde", "la repubblica", "corriere", "zeitung", "pais", "national"}
)

// Classify guesses what kind of source a piece is from its outlet's name and
// whether it has a URL. An unrecognised outlet with a URL is a web page (the
// safe choice: think tanks and blogs); without a URL it is Other.
func Classify(a archive.Article) Type {
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(a.Outlet), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	has := func(list []string) bool {
		return slices.ContainsFunc(list, func(w string) bool { return strings.Contains(words, " "+w+" ") })
	}
	switch {
	case a.Outlet == "":
	case has(broadcasterWords):
	case has(journalWords): // "Journal of …"; "The Wall Street Journal" is a newspaper below
		return Journal
	case has(magazineWords):
		return Magazine
	case has(newspaperWords):
		return Newspaper
	}
	if a.URL != "" {
		return Web
	}
	return Other
}

// creators are the names to cite a piece under: its authors (see Bylines),
// or its outlet as an organisation when it has none.
func creators(a archive.Article) []Name {
	ns := authors(a)
	if len(ns) == 0 && a.Outlet != "" {
		ns = append(ns, Name{Literal: a.Outlet})
	}
	return ns
}

// authors are the piece's bylines that name someone.
func authors(a archive.Article) []Name {
	var ns []Name
	for _, n := range Bylines(a) {
		if n.Family != "" || n.Literal != "" || n.Others && len(ns) > 0 {
			ns = append(ns, n)
		}
	}
	return ns
}

// stopwords are skipped when picking a citation key's title word.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor of on in at to for from by with into onto over under about after
	before between through during without within against among as is are was were be been being it its it's this that
	these those what why how when where who whom which whose we our us you your he him his she her they them their i me
	my do does did has have had will would should can could may might must shall not no than then there here so if
	like up out more most very just also interview`) {
		stopwords[w] = true
	}
}

// Key is a piece's citation key before disambiguation: the first creator's
// family name (or the outlet's first significant word), the year, and the
// first significant word of the title, all lower-case ASCII:
// pantucci2017isil for "It’s not Isil’s returning terrorists…". Names are
// read as Bylines reads them, but from the author strings alone: marking
// an author as an organisation changes how it is cited, not the key, so
// that a key can be made from what the index keeps of a piece. Names and
// titles come decoded (the archive reads their character references once:
// "Jos&eacute; Garc&iacute;a" is keyed garcia…, "AT&amp;T" att).
func Key(a archive.Article) string {
	var who string
	a.Organizations = nil
	if ns := creators(a); len(ns) > 0 {
		if ns[0].Literal != "" {
			who = firstSignificant(ns[0].Literal)
		} else {
			who = asciiWord(ns[0].Family)
		}
	}
	if len(who) > maxKeyWord { // a long family name, one of a script without spaces
		who = who[:maxKeyWord]
	}
	who = cmp.Or(who, "anon")
	year := "nd"
	if !a.Date.Time.IsZero() {
		year = strconv.Itoa(a.Date.Time.Year())
	}
	return who + year + firstSignificant(a.Title)
}

// maxKeyWord caps a key's title word and its name: a title in Chinese or
// Japanese is one "word", transliterated syllable by syllable; a family
// name of 120 letters made a key of 128 characters, which, pinned in a
// file, archive.ValidCiteKey refused (at most 100; a helper's report).
const maxKeyWord = 24

// firstSignificant is the first word of s that is not a stopword, folded to
// lower-case ASCII letters and digits; possessives ("Isil’s") lose their 's.
func firstSignificant(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '/' || r == '—' || r == '–' || r == ':'
	}) {
		w = strings.ToLower(strings.NewReplacer("’", "'", "‘", "'").Replace(w))
		w = strings.Trim(w, `"'“”«»()[].,;!?`)
		if stopwords[w] {
			continue
		}
		w = strings.TrimSuffix(w, "'s")
		if f := asciiWord(w); f != "" && !stopwords[f] {
			if len(f) > maxKeyWord { // a title in a script without spaces
				f = f[:maxKeyWord]
			}
			return f
		}
	}
	return ""
}

// asciiFold maps letters that do not decompose into ASCII plus a mark.
var asciiFold = strings.NewReplacer("ß", "ss", "ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d", "ð", "d", "þ", "th", "ı", "i")

// asciiWord folds s to lower-case ASCII letters and digits: accents are
// dropped ("Žižek" is zizek), a letter of another script is transliterated
// (github.com/gosimple/unidecode, a port of Text::Unidecode: "Путин" is
// putin, "习近平" xijinping, "Σωκράτης" sokrates), everything else removed.
// Letters are composed (NFKC) before they are transliterated one by one:
// decomposed, a kana's voicing mark was dropped ("トランプ" was toranhu,
// "ガザ" kasa; a helper's report), while a Latin letter's accent goes
// either way (unidecode reads "é" as e).
func asciiWord(s string) string {
	var b strings.Builder
	keep := func(r rune) {
		r = unicode.ToLower(r)
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	for _, r := range norm.NFKC.String(asciiFold.Replace(s)) {
		if r >= unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			for _, t := range unidecode.Unidecode(string(r)) {
				keep(t)
			}
			continue
		}
		keep(r)
	}
	return b.String()
}

// Keyring holds the citation key of every piece of an archive. A piece's
// key depends only on that piece, the archive and the keys handed out before
// (Given), never on which pieces are cited together, so `folio cite X`,
// `folio cite X Y`, `folio cite --all` and the reader's c and C give X the
// same key.
//
// The rule:
//
//  1. A piece whose front matter pins a key (Article.CiteKey) has that key
//     when Given does not record it for another piece; when Given records
//     it for one of the pinners, that one keeps it. Of pieces that pin
//     one key (keys that differ only in case are one) and none of which
//     Given records it for, the first by archive.PinOrder (date, then
//     title) has it. The others get generated keys instead, and Problems
//     names their files.
//  2. Any other piece keeps the key Given records for it: by ID and archive.Print
//     (the same file, unchanged), else by Print (a renamed or moved file,
//     its title, date, authors and outlet unchanged), even when folio's rules
//     would now make another key; a piece edited in place (by ID alone:
//     its title, date, authors or outlet changed) keeps it, whatever its
//     Key now is. A record follows its Print before its ID: when another
//     piece has the recorded Print (the file moved away and a new one took
//     its name, or a copy), the key goes with the title, date, authors and
//     outlet it was given for; of pieces alike, the first ID has it.
//  3. The rest, grouped by Key and each group put in order of date, then
//     title, then Print (then ID, for pieces alike in all of these), get
//     the first of Key, Key+a, Key+b, … that is free: no piece pins it or
//     holds it, Given does not record it for another piece (a key once
//     handed out is never given to another piece), and, for a suffixed
//     one, no other piece has it as its own Key.
//
// So with Given the keys already handed out, adding pieces never changes
// the key of a piece that had one, and renaming or moving a file, or
// editing it in place, does not either. Without Given (a first run), the keys are a function of the
// pieces' contents alone: the same archive gives everyone the same keys,
// whatever its files are called. Since the year is part of every generated
// key, a keyring of the pieces of some years plus every piece that pins a
// key gives those years' pieces the keys the whole archive gives them.
type Keyring struct {
	byID     map[string]string
	fresh    []KeyRecord
	problems []archive.Problem
	partial  bool // made of some of the archive's pieces (MarkPartial)
	unsure   bool // see Unsure
}

// MarkPartial says k was made of some of an archive's pieces (those of a
// few years, and the pinned), not all of them.
func (k *Keyring) MarkPartial() { k.partial = true }

// Partial reports whether k was made of some of an archive's pieces.
func (k *Keyring) Partial() bool { return k.partial }

// Unsure reports whether k gave a piece the key Given records for its
// file (ID) on the strength of no piece at hand having the title, date,
// authors and outlet (Print) the key was given for, the piece having
// been edited in place so that its key is no longer made from what it
// now holds (its Key, or its Key with a suffix). A keyring of the whole
// archive is sure of that; one of some years is not (the piece the key
// was given for, moved away with those, may be of a year it lacks), and
// should then be built of the whole archive.
func (k *Keyring) Unsure() bool { return k.unsure }

// KeyRecord is a key handed out to a piece: what a ledger of keys keeps
// (state.CiteKeys) so that later keyrings give the piece the same key.
type KeyRecord struct {
	Key   string `json:"key"`
	ID    string `json:"id"`
	Print string `json:"print"` // archive.Print of the piece
}

// NewKeyring assigns keys to the pieces of an archive (or to all the pieces
// of some of its years, with every piece that pins a key) as a first run
// would: NewKeyringWith(arts, nil).
func NewKeyring(arts []archive.Article) *Keyring { return NewKeyringWith(arts, nil) }

// NewKeyringWith assigns keys to the pieces of an archive, keeping the keys
// given records (see Keyring).
func NewKeyringWith(arts []archive.Article, given []KeyRecord) *Keyring {
	r := &Keyring{byID: make(map[string]string, len(arts))}
	var pieces []archive.Article
	seen := make(map[string]bool, len(arts))
	for _, a := range arts {
		if !seen[a.ID] { // IDs are unique in an archive; the first one counts
			seen[a.ID] = true
			pieces = append(pieces, a)
		}
	}

	recorded := map[string]KeyRecord{} // by key
	byID, byPrint := map[string][]KeyRecord{}, map[string][]KeyRecord{}
	for _, g := range given {
		if _, dup := recorded[fold(g.Key)]; dup || g.Key == "" {
			continue
		}
		recorded[fold(g.Key)] = g
		byID[g.ID] = append(byID[g.ID], g)
		byPrint[g.Print] = append(byPrint[g.Print], g)
	}
	type member struct {
		a      archive.Article
		key    string // Key(a)
		print  string
		legacy string // archive.LegacyPrint: what older ledgers record
	}
	members := make([]member, len(pieces))
	withPrint := map[string][]string{} // Print → the IDs of the pieces that have it
	for i, a := range pieces {
		members[i] = member{a, Key(a), archive.Print(a), archive.LegacyPrint(a)}
		withPrint[members[i].print] = append(withPrint[members[i].print], a.ID)
		withPrint[members[i].legacy] = append(withPrint[members[i].legacy], a.ID)
	}
	// rank says how surely g was made for m: 3 for its ID and Print (the
	// same file, unchanged), 2 for its Print (a file renamed or moved,
	// or a copy), 1 for its ID when no other piece has g's Print (a piece
	// edited in place; another piece with g's Print is that piece moved
	// away, or a copy of it: a key stays with its title, date and
	// authors), 0 for none. Pieces with one Print have one date, so a
	// keyring of some years sees them all.
	rank := func(m member, g KeyRecord) int {
		samePrint := g.Print == m.print || g.Print == m.legacy
		switch {
		case samePrint && g.ID == m.a.ID:
			return 3
		case samePrint:
			return 2
		case g.ID == m.a.ID && !slices.ContainsFunc(withPrint[g.Print], func(id string) bool { return id != m.a.ID }):
			return 1
		}
		return 0
	}
	// surest is the member of ms that g was most surely made for (the
	// first ID of those alike), or -1.
	surest := func(ms []member, g KeyRecord) int {
		best, at := 0, -1
		for i, m := range ms {
			if n := rank(m, g); n > best || n == best && n > 0 && m.a.ID < ms[at].a.ID {
				best, at = n, i
			}
		}
		return at
	}

	// give gives m the key k, and records it when the ledger does not
	// have it for m already (a pinned key too: so that a piece pinning
	// it later does not take it).
	held := map[string]bool{} // keys given in this keyring
	give := func(m member, k string) {
		r.byID[m.a.ID], held[fold(k)] = k, true
		if g, ok := recorded[fold(k)]; !ok || g.ID != m.a.ID || g.Print != m.print {
			r.fresh = append(r.fresh, KeyRecord{Key: k, ID: m.a.ID, Print: m.print})
		}
	}

	// 1. Pinned keys: a key the ledger records for a piece is that piece's
	// alone, whatever a piece added since pins (whether or not the piece
	// is among those at hand: a keyring of some years decides as the
	// whole archive's does).
	pinners := map[string][]member{}
	for _, m := range members {
		if archive.ValidCiteKey(m.a.CiteKey) {
			pinners[fold(m.a.CiteKey)] = append(pinners[fold(m.a.CiteKey)], m)
		}
	}
	for k, ms := range pinners {
		g, given := recorded[k]
		owner := -1
		if given {
			owner = surest(ms, g)
		}
		switch {
		case given:
			if owner >= 0 {
				give(ms[owner], ms[owner].a.CiteKey)
			}
			for i, m := range ms {
				if i != owner {
					r.problems = append(r.problems, archive.Problem{Path: cmp.Or(m.a.Path, m.a.ID), Line: m.a.CiteKeyLine,
						Msg: fmt.Sprintf("citekey %s was given to %s before (folio keeps a key with its piece); this piece is cited by a generated key", m.a.CiteKey, g.ID)})
				}
			}
		case len(ms) == 1:
			give(ms[0], ms[0].a.CiteKey)
		default:
			// the first by a rule of their contents has it, and keeps it
			// by the ledger (a helper's report: none did, and a piece
			// pinning nothing was given it, for good)
			slices.SortFunc(ms, func(x, y member) int { return archive.PinOrder(x.a, y.a) })
			give(ms[0], ms[0].a.CiteKey)
			var paths []string
			for _, m := range ms {
				paths = append(paths, cmp.Or(m.a.Path, m.a.ID))
			}
			note := archive.PinConflictNoter(paths, paths[0], "the first by date, then title")
			for i, m := range ms {
				// its key as its file writes it, at its line
				r.problems = append(r.problems, archive.Problem{Path: paths[i], Line: m.a.CiteKeyLine, Msg: note(m.a.CiteKey)})
			}
		}
	}
	slices.SortFunc(r.problems, func(x, y archive.Problem) int { return strings.Compare(x.Path+x.Msg, y.Path+y.Msg) })

	// 2. Keys given before: kept by the piece they were made for, even
	// when folio would now make another (its rules for names changed, or
	// the piece was edited in place: its title, date, authors or outlet).
	var rest []member
	own := map[string]bool{} // the Key of every piece without a pinned key
	for _, m := range members {
		if _, ok := r.byID[m.a.ID]; !ok {
			rest = append(rest, m)
			own[m.key] = true
		}
	}
	slices.SortFunc(rest, func(x, y member) int { return strings.Compare(x.a.ID, y.a.ID) })
	fits := func(m member, k string) bool {
		return k == m.key || strings.HasPrefix(k, m.key) && isSuffix(k[len(m.key):])
	}
	var unkeyed []member
	for _, m := range rest { // by ID first: the same file
		// its record for its contents as they are, else one for the
		// file edited since (a ledger may hold both: before an edit in
		// place kept its key, one had given it another)
		var g KeyRecord
		for _, c := range byID[m.a.ID] {
			if n := rank(m, c); !held[fold(c.Key)] && n > 0 && (g.Key == "" || n > rank(m, g)) {
				g = c
			}
		}
		if g.Key == "" {
			unkeyed = append(unkeyed, m)
			continue
		}
		if !fits(m, g.Key) && rank(m, g) == 1 {
			// the file's title, date, authors or outlet edited so that
			// its key is no longer made from them: no piece at hand
			// has them as recorded, which a keyring of some years
			// cannot be sure of (the piece it was given for, moved
			// away, may be of another year)
			r.unsure = true
		}
		give(m, g.Key)
	}
	rest, unkeyed = unkeyed, nil
	for _, m := range rest { // then by Print: a file renamed or moved
		k := ""
		candidates := byPrint[m.print]
		if len(byPrint[m.legacy]) == 1 && len(withPrint[m.legacy]) == 1 {
			// an older ledger's record, when it can be told whose: copies
			// in two outlets share a legacy Print, and moved at once
			// would swap keys (a review): then neither takes one by it
			candidates = append(slices.Clone(candidates), byPrint[m.legacy]...)
		}
		for _, g := range candidates {
			if !held[fold(g.Key)] {
				k = g.Key
				break
			}
		}
		if k != "" {
			give(m, k)
		} else {
			unkeyed = append(unkeyed, m)
		}
	}

	// 3. The rest, by content.
	groups := map[string][]member{}
	for _, m := range unkeyed {
		groups[m.key] = append(groups[m.key], m)
	}
	// in the order of their keys: a suffixed key of one group can be
	// another's ("lee2020" + "ba", "lee2020b" + "a")
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		ms := groups[k]
		slices.SortFunc(ms, func(x, y member) int {
			return cmp.Or(x.a.Date.Time.Compare(y.a.Date.Time), strings.Compare(x.a.Title, y.a.Title),
				strings.Compare(x.print, y.print), strings.Compare(x.a.ID, y.a.ID))
		})
		n := -1 // -1: the bare Key
		for _, m := range ms {
			for {
				cand := k
				if n >= 0 {
					cand += suffix(n)
				}
				n++
				if _, taken := recorded[fold(cand)]; !held[fold(cand)] && !taken && (cand == k || !own[cand]) {
					give(m, cand)
					break
				}
			}
		}
	}
	slices.SortFunc(r.fresh, func(x, y KeyRecord) int { return strings.Compare(x.Key, y.Key) })
	return r
}

// fold is what tells two keys apart: BibTeX takes keys that differ only in
// case for the same one (biber does not), so no two pieces get such keys.
func fold(k string) string { return strings.ToLower(k) }

// isSuffix says whether s is one of suffix's: a, b, …, aa, ….
func isSuffix(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") == ""
}

// Fresh are the keys this keyring handed out that its Given did not record
// (or recorded under another ID or Print), sorted by key: what to add to
// the ledger of keys.
func (r *Keyring) Fresh() []KeyRecord {
	if r == nil {
		return nil
	}
	return r.fresh
}

// Problems are the pinned keys the keyring could not use: one problem per
// file, naming the others that pin the same key.
func (r *Keyring) Problems() []archive.Problem {
	if r == nil {
		return nil
	}
	return r.problems
}

// Key is the citation key of a. A piece the keyring does not hold (by ID)
// gets its pinned key, else its plain Key.
func (r *Keyring) Key(a archive.Article) string {
	if r != nil {
		if k, ok := r.byID[a.ID]; ok {
			return k
		}
	}
	if archive.ValidCiteKey(a.CiteKey) {
		return a.CiteKey
	}
	return Key(a)
}

// Keys returns the citation keys of arts, treating arts as the whole
// archive (see Keyring).
func Keys(arts []archive.Article) []string {
	r := NewKeyring(arts)
	keys := make([]string, len(arts))
	for i, a := range arts {
		keys[i] = r.Key(a)
	}
	return keys
}

// suffix is a, b, …, z, aa, ab, … for n = 0, 1, ….
func suffix(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// ---- kinds ----

// kindType is how one kind of piece is typed in each format.
type kindType struct {
	label string // its name in a note, biblatex's type and RIS's M3: "Speech"
	csl   string // CSL type
	ris   string // RIS TY; "" types it by its outlet (see Classify)
	bib   string // biblatex entry type; "" types it by its outlet
	note  string // how a note cites it: "speech" (in parentheses), "report", "medium", "blog" or ""
}

// kindTypes maps a piece's kind (lower-case, "-" and "_" read as spaces) to
// its types. An article, and a kind not listed, is typed by its outlet
// (newspaper, magazine, journal, web page: see Classify). RIS has no type
// for a speech or an interview: a speech is SLIDE (what Zotero writes for a
// presentation) with M3 Speech; an interview is typed by its outlet with
// M3 Interview.
var kindTypes = map[string]kindType{
	"interview":     {"Interview", "interview", "", "misc", ""},
	"speech":        {"Speech", "speech", "SLIDE", "misc", "speech"},
	"address":       {"Speech", "speech", "SLIDE", "misc", "speech"},
	"lecture":       {"Lecture", "speech", "SLIDE", "misc", "speech"},
	"talk":          {"Talk", "speech", "SLIDE", "misc", "speech"},
	"presentation":  {"Presentation", "speech", "SLIDE", "misc", "speech"},
	"testimony":     {"Testimony", "hearing", "HEAR", "misc", "speech"},
	"report":        {"Report", "report", "RPRT", "report", "report"},
	"working paper": {"Working paper", "report", "RPRT", "report", "report"},
	"briefing":      {"Briefing paper", "report", "RPRT", "report", "report"},
	"policy brief":  {"Policy brief", "report", "RPRT", "report", "report"},
	"blog post":     {"Blog post", "post-weblog", "BLOG", "online", "blog"},
	"blog":          {"Blog post", "post-weblog", "BLOG", "online", "blog"},
	"post":          {"Blog post", "post-weblog", "BLOG", "online", "blog"},
	"podcast":       {"Podcast", "broadcast", "SOUND", "misc", "medium"},
	"radio":         {"Radio broadcast", "broadcast", "SOUND", "misc", "medium"},
	"broadcast":     {"Broadcast", "broadcast", "MPCT", "misc", "medium"},
	"video":         {"Video", "motion_picture", "VIDEO", "misc", "medium"},
	"book":          {"Book", "book", "BOOK", "book", "report"},
	"review":        {"Review", "review", "", "", ""},
}

// typeOf is the kind's types; ok is false for an article or an unknown
// kind, typed by its outlet.
func typeOf(a archive.Article) (kindType, bool) {
	k := strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(a.Kind))), " ")
	t, ok := kindTypes[k]
	return t, ok
}

// ---- text and Markdown (Chicago notes) ----

// TextCitations writes one Chicago-style note per piece, one per line, as
// plain text: no Markdown marks.
func TextCitations(arts []archive.Article) string {
	var b strings.Builder
	for _, a := range arts {
		b.WriteString(TextCitation(a))
		b.WriteByte('\n')
	}
	return b.String()
}

// MarkdownCitations writes one Chicago-style note per piece in Markdown,
// each a paragraph of its own (a blank line between them: notes one per
// line would run together into one paragraph where they are pasted): the
// outlet (or a report's title) in *italics*, Markdown's own characters in
// the text escaped.
func MarkdownCitations(arts []archive.Article) string {
	var b strings.Builder
	for i, a := range arts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(MarkdownCitation(a))
		b.WriteByte('\n')
	}
	return b.String()
}

// TextCitation is a Chicago notes-bibliography note for a piece, as plain
// text:
//
//	Raffaello Pantucci, "Title," The Telegraph, 19 October 2017, https://….
//
// A title ending in ? or ! takes no comma; double quotes inside the title
// become single ones; the date keeps its precision ("September 2017"). The
// kind of piece shapes the note as Chicago does: a speech is cited as
// "Title" (speech, venue, date); a report by its title (publisher, date);
// a podcast or video names its medium after the outlet; a blog post marks
// the outlet "(blog)".
func TextCitation(a archive.Article) string { return note(a, false) }

// MarkdownCitation is TextCitation in Markdown: *The Telegraph*. A note
// whose start Markdown would read as a block's mark ("- Ann Lee", "> ",
// "# ", "1. FC Köln") has the mark escaped, so that it stays a paragraph.
func MarkdownCitation(a archive.Article) string { return mdLineStart(note(a, true)) }

// mdLineStart escapes the mark a line of Markdown starts with, if any: a
// list's bullet, a quote, a heading, a setext underline, a table's pipe,
// or the full stop or parenthesis of an ordered list's number.
func mdLineStart(s string) string {
	s = strings.TrimLeft(s, " \t") // four spaces would make code
	if s != "" && strings.IndexByte("-+>#=|", s[0]) >= 0 {
		return `\` + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// mdEscape escapes the characters Markdown reads as marks, and & (an entity
// such as "&#27;" or "&#x202e;" would become a control character where the
// notes are rendered), ~ (GitHub's strikethrough), and what GitHub's
// Markdown makes a link of in plain text: "://", "www." and "@" (an
// e-mail address), so that a note links only to its piece's URL (a
// helper's report: a title "See www.evil.example/login" became a link),
// and Pandoc Markdown's $ (math) and ^ (superscript): "E=mc^2^ and
// $x+y$" rendered mc², and x+y as math (a helper's report).
func mdEscape(s string) string {
	s = mdMarks.Replace(s)
	return wwwDot().ReplaceAllString(s, `$1\.`)
}

var mdMarks = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "&", `\&`,
	"~", `\~`, "@", `\@`, "://", `\://`, "$", `\$`, "^", `\^`)

// wwwDot is the dot of "www." that GitHub's Markdown reads as the start of
// a link.
var wwwDot = lazyRegexp(`(?i)(www)\.`)

// mdURL is a URL in a Markdown note: as it is, unless it holds a character
// Markdown could read as a mark ("https://x.org/a[text](https://y.org)"
// would make a link to y.org reading "text"); such a URL is written as an
// autolink, <URL>, inside which Markdown reads nothing, with its own < and >
// percent-encoded. An archive's URLs have no spaces or controls
// (archive.ValidURL).
func mdURL(u string) string {
	if !strings.ContainsAny(u, "[]<>*`\\&") {
		return u
	}
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
}

func note(a archive.Article, md bool) string {
	esc := func(s string) string { return s }
	italic := esc
	if md {
		esc = mdEscape
		italic = func(s string) string { return "*" + mdEscape(s) + "*" }
		a.URL = mdURL(a.URL)
	}
	kt, _ := typeOf(a)
	var parts []string
	// Without an author a note starts with the title; the outlet follows it
	// anyway.
	if who := textCreators(authors(a)); who != "" {
		parts = append(parts, esc(who))
	}
	title := strings.NewReplacer(`"`, "'", "“", "‘", "”", "’").Replace(a.Title)
	title = esc(noteTitle(title))
	date := a.Date.Human()
	switch kt.note {
	case "speech", "report":
		// "Title" (speech, Venue, Date), URL. / *Title* (Publisher, Date), URL.
		inside := nonEmpty(esc(a.Outlet), date)
		if kt.note == "speech" {
			inside = append([]string{strings.ToLower(kt.label)}, inside...)
			title = `"` + title + `"`
		} else if md {
			title = "*" + title + "*"
		}
		if len(inside) > 0 {
			title += " (" + strings.Join(inside, ", ") + ")"
		}
		parts = append(parts, title)
		if a.URL != "" {
			parts = append(parts, a.URL)
		}
		return strings.Join(parts, ", ") + "."
	}
	var rest []string
	if a.Outlet != "" {
		o := italic(a.Outlet)
		if kt.note == "blog" {
			o += " (blog)"
		}
		rest = append(rest, o)
	}
	if kt.note == "medium" {
		medium := strings.ToLower(kt.label)
		if kt.label == "Podcast" {
			medium = "podcast audio" // Chicago's words
		}
		rest = append(rest, medium)
	}
	if date != "" {
		rest = append(rest, date)
	}
	if a.URL != "" {
		rest = append(rest, a.URL)
	}
	switch {
	case strings.HasSuffix(title, "?") || strings.HasSuffix(title, "!"):
		parts = append(parts, `"`+title+`"`)
	case len(rest) == 0:
		return strings.Join(append(parts, `"`+title+`."`), ", ")
	default:
		parts = append(parts, `"`+title+`,"`)
	}
	parts = append(parts, rest...)
	// The title's closing quote already carries the separator.
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(p)
		if i == len(parts)-1 {
			break
		}
		if strings.HasSuffix(p, `"`) {
			b.WriteByte(' ')
		} else {
			b.WriteString(", ")
		}
	}
	return b.String() + "."
}

// noteTitle is a title as a note quotes it: without the separator a note
// puts after it (a trailing comma, semicolon, colon or full stop), but
// with a full stop that belongs to it: an abbreviation's ("the E.U.") or
// an ellipsis ("Wait for it...", "9/11: ..."), which were cut.
func noteTitle(t string) string {
	t = strings.TrimRight(t, ",;: ")
	if !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "..") {
		return t
	}
	last := t[strings.LastIndexAny(t, " \t")+1:]
	if strings.Count(last, ".") > 1 {
		return t // an abbreviation: E.U., U.S.
	}
	return strings.TrimRight(strings.TrimSuffix(t, "."), ",;: ")
}

// textCreators joins names in reading order: "A", "A and B", "A, B, and C";
// four or more as "A et al." (Chicago's rule for notes), and so names
// followed by others ("A, B et al." is "A et al.").
func textCreators(ns []Name) string {
	if len(ns) > 0 && ns[len(ns)-1].Others {
		if ns = ns[:len(ns)-1]; len(ns) == 0 {
			return ""
		}
		return ns[0].Natural() + " et al."
	}
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.Natural()
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	case 3:
		return names[0] + ", " + names[1] + ", and " + names[2]
	}
	return names[0] + " et al."
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ---- biblatex ----

// BibTeXEntries writes a biblatex entry per piece, separated by blank
// lines, with the keys of keys (nil: NewKeyring(arts)).
func BibTeXEntries(arts []archive.Article, accessed time.Time, keys *Keyring) string {
	if keys == nil {
		keys = NewKeyring(arts)
	}
	var b strings.Builder
	for i, a := range arts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bibtexEntry(a, keys.Key(a), accessed))
	}
	return b.String()
}

// BibTeXAnnotated is a piece's biblatex entry as BibTeXEntries writes it,
// with an annote field (biblatex's field for annotations) holding annote,
// escaped: folio quotes puts there the passages kept from the piece.
func BibTeXAnnotated(a archive.Article, key string, accessed time.Time, annote string) string {
	return bibtexEntry(a, key, accessed, annote)
}

// EscapeMarkdown escapes the characters Markdown reads as marks, as the
// markdown notes do (\*, \_, \`, \[, \], \<, \\).
func EscapeMarkdown(s string) string { return mdEscape(s) }

func bibtexEntry(a archive.Article, key string, accessed time.Time, annote ...string) string {
	type field struct{ name, value string }
	var fields []field
	add := func(name, value string) {
		if value != "" {
			fields = append(fields, field{name, value})
		}
	}
	var authors []string
	for _, n := range creators(a) {
		authors = append(authors, bibtexName(n))
	}
	add("author", strings.Join(authors, " and "))
	add("title", bibTitle(a.Title))
	entry := "misc"
	kt, typed := typeOf(a)
	switch t := Classify(a); {
	case typed && kt.bib == "misc":
		// Being interviewed by a paper is not writing an article in it;
		// a speech, podcast or video is not one either.
		entry = "misc"
		add("howpublished", bibEscape(a.Outlet))
		add("type", kt.label)
	case typed && kt.bib == "report":
		entry = "report"
		add("institution", bibEscape(a.Outlet))
		add("type", kt.label)
	case typed && kt.bib == "book":
		entry = "book"
		add("publisher", bibEscape(a.Outlet))
	case typed && kt.bib == "online":
		entry = "online"
		add("organization", bibEscape(a.Outlet))
	case t == Newspaper || t == Magazine || t == Journal:
		entry = "article"
		add("journaltitle", bibEscape(a.Outlet))
		// biblatex's field for the kind of an @article: pandoc reads
		// newspaper and magazine as CSL's article-newspaper and
		// article-magazine (without it, article-journal: "The Guardian,
		// May.", the day lost), biblatex-chicago both as its magazine
		// (a newspaper's or magazine's article, not a journal's).
		add("entrysubtype", map[Type]string{Newspaper: "newspaper", Magazine: "magazine"}[t])
	case t == Web:
		entry = "online"
		add("organization", bibEscape(a.Outlet))
	default:
		add("howpublished", bibEscape(a.Outlet))
	}
	add("date", a.Date.String())
	if a.URL != "" {
		add("url", bibURL(a.URL))
		add("urldate", accessed.Format("2006-01-02"))
	}
	add("langid", LangID(a.Language))
	var tags []string
	for _, t := range a.Tags {
		if t = bibKeyword(t); t != "" {
			tags = append(tags, t)
		}
	}
	add("keywords", strings.Join(tags, ", "))
	for _, n := range annote {
		add("annote", bibEscape(n))
	}

	width := 0
	for _, f := range fields {
		width = max(width, len(f.name))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", entry, key)
	for _, f := range fields {
		fmt.Fprintf(&b, "  %-*s = {%s},\n", width, f.name, f.value)
	}
	b.WriteString("}\n")
	return b.String()
}

// bibtex is a name as biblatex reads it: "Family, Given", "von Family, Jr.,
// Given"; an organisation in braces so it is not split into parts; others,
// "others" (the list's "and others").
func bibtexName(n Name) string {
	if n.Others {
		return "others" // biblatex prints "et al."
	}
	if n.Literal != "" {
		return "{" + bibEscape(n.Literal) + "}"
	}
	family := bibPart(strings.Join(nonEmpty(n.Particle, n.Family), " "))
	if strings.Contains(n.Family, " ") {
		// "de la Cruz" splits itself; a two-word family name needs braces.
		family = strings.Join(nonEmpty(bibPart(n.Particle), "{"+bibEscape(n.Family)+"}"), " ")
	}
	parts := []string{family}
	if n.Suffix != "" {
		parts = append(parts, bibPart(n.Suffix))
	}
	if n.Given != "" {
		parts = append(parts, bibPart(n.Given))
	}
	return strings.Join(parts, ", ")
}

// bibPart is one part of a name, escaped, in braces when it holds what
// biblatex would split a name list or a name at: the word "and" (in any
// case: "Tom and Jerry" would be two authors and an empty one) or a comma
// (another part of the name).
func bibPart(s string) string {
	s = bibEscape(s)
	for _, w := range strings.Fields(s) {
		if strings.EqualFold(w, "and") || strings.Contains(w, ",") {
			return "{" + s + "}"
		}
	}
	return s
}

// bibEscape escapes the characters LaTeX treats specially, and breaks TeX's
// ligatures (breakLigatures). Other Unicode is kept: biber reads UTF-8.
//
// Braces are written as \textbraceleft{} and \textbraceright{}, not \{ and
// \}: BibTeX (and btparse, which biber uses) counts every brace to find
// where a field ends, escaped or not, so one unbalanced \{ made a runaway
// field that swallowed the next entry. The LaTeX kernel defines both
// commands, and biber leaves them as they are (its decoder excludes them)
// for LaTeX to print. Whatever s holds, the result's braces balance.
func bibEscape(s string) string { return breakLigatures(bibSpecials(s)) }

// breakLigatures puts an empty group, {}, between the two characters of
// each of TeX's ligatures of punctuation, which a T1 font prints as one
// other character: "--" and "---" (dashes), "<<" and ">>" (guillemets),
// ",,", two backquotes and two apostrophes (quotes), "!`" and "?`" (¡ and
// ¿). A title's "--" is printed as written (a helper's report: it printed
// as an en dash).
func breakLigatures(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if i+1 < len(s) && isLigature(s[i], s[i+1]) {
			b.WriteString("{}")
		}
	}
	return b.String()
}

// isLigature: x then y make one of TeX's ligatures of punctuation.
func isLigature(x, y byte) bool {
	switch x {
	case '-', '<', '>', ',', '`', '\'':
		return y == x
	case '!', '?':
		return y == '`'
	}
	return false
}

// bibSpecials escapes the characters LaTeX treats specially (bibEscape).
var bibSpecials = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	`{`, `\textbraceleft{}`, `}`, `\textbraceright{}`,
	`#`, `\#`, `$`, `\$`, `%`, `\%`, `&`, `\&`, `_`, `\_`,
	`~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
).Replace

// bibTitle is a title escaped (bibEscape), each word with a capital after
// its first letter in braces ("{NATO}", "{iPhone}", "{McCain}", "{U.S}."),
// as Better BibTeX writes them: biblatex and APA styles set titles in
// sentence case, and lower-cased NATO, EU and ISIS (a helper's report).
// A word with a capital and a digit is braced too ("{G20}", "{A380}").
// A capital letter standing alone after the first word is braced ("Plan
// {B}", "What {I} Saw"), and a hyphened word one of whose parts is a
// capital letter alone is braced whole ("{ISIS-K}", "{T-Mobile}",
// "{X-Ray}": its parts were cased apart, "isis-k", "t-mobile"); other
// hyphened words are cased part by part ("{AI}-Powered" is "AI-powered",
// "Non-{GMO}", "{UK}-{China}": a review found "AI-Powered" kept whole).
//
// A capitalised word that starts a sentence or a subtitle inside the
// title (after ". ", "? ", "! " or ": ") is braced: biblatex-apa printed
// "…has evolved. have our defences?". Other capitalised words ("London")
// are braced when the title is in sentence case (sentenceCase), words
// side by side in one group ("{New York Times}"): there a
// capital says the word is a proper noun, which Better BibTeX assumes of
// a title it exports (Zotero keeps titles in sentence case), and
// biblatex-apa printed "Interview with newsweek on israel's views on the
// war in syria". In a title in Title Case a capital says nothing, and
// such words are not braced: "Why Britain Gets Angry When America Is
// Casual With Secrets" is printed "Why britain gets angry…" by
// biblatex-apa, as it would be without folio. A title in capitals has
// every word braced (a capital inside each) and is printed as written.
func bibTitle(t string) string {
	var spans [][2]int // what to brace, in order
	brace := func(from, to int) {
		if n := len(spans); n > 0 && strings.Trim(t[spans[n-1][1]:from], " ") == "" {
			spans[n-1][1] = to // words side by side, one group: "{New York Times}"
			return
		}
		spans = append(spans, [2]int{from, to})
	}
	words := titleCompound().FindAllStringIndex(t, -1)
	sentence := sentenceCase(t, words)
	for i, w := range words {
		word := t[w[0]:w[1]]
		parts := titleWord().FindAllStringIndex(word, -1)
		if len(parts) > 1 && capitalInside(word) && slices.ContainsFunc(parts, func(p []int) bool {
			part := word[p[0]:p[1]]
			return oneCapital(part)
		}) {
			brace(w[0], w[1])
			continue
		}
		for j, p := range parts {
			part := word[p[0]:p[1]]
			first := i == 0 && j == 0 // the title's first letter: kept by sentence case
			if capitalInside(part) || capitalAndDigit(part) || w[0]+p[0] > 0 && oneCapital(part) ||
				!first && initialCapital(part) && (sentence || j == 0 && sentenceStart(t, words, i)) {
				brace(w[0]+p[0], w[0]+p[1])
			}
		}
	}
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(bibEscape(t[at:sp[0]]))
		b.WriteString("{" + bibEscape(t[sp[0]:sp[1]]) + "}")
		at = sp[1]
	}
	b.WriteString(bibEscape(t[at:]))
	return b.String()
}

// sentenceCase: title t, whose words (titleCompound) are words, is in
// sentence case rather than Title Case: a word after its first that
// starts no sentence or subtitle begins with a lower-case letter, and is
// none of the words Title Case leaves in lower case (minorWords: "the",
// "with", "after"…) nor a word with a capital inside ("iPhone"). One such
// word is enough ("Interview with Sky News on the Parsons Green attack",
// "It’s not Isil’s returning terrorists…"); a word of a hyphened word
// after its first part says nothing ("Counter-terrorism" is Title Case
// in some styles). A title that is Title Case by mistake but for one
// word is taken for sentence case, and its capitalised words kept as
// written: the other way round, proper nouns were lost.
func sentenceCase(t string, words [][]int) bool {
	for i, w := range words {
		if i == 0 || sentenceStart(t, words, i) {
			continue
		}
		p := titleWord().FindStringIndex(t[w[0]:w[1]])
		if p == nil {
			continue
		}
		part := t[w[0]+p[0] : w[0]+p[1]]
		r, _ := utf8.DecodeRuneInString(part)
		if unicode.IsLower(r) && !capitalInside(part) && !minorWords[strings.ToLower(strings.NewReplacer("’", "'").Replace(part))] {
			return true
		}
	}
	return false
}

// sentenceStart: the i-th of words (titleCompound) of t starts a sentence
// or a subtitle: it comes after ".", "?", "!" or ":" and a space ("…has
// evolved. Have our defences?", "Financial Times: How well…"), the word
// before not an abbreviation ("U.S. Policy", "J. Smith": a word with a
// dot inside, or one letter).
func sentenceStart(t string, words [][]int, i int) bool {
	if i == 0 {
		return false
	}
	prev, sep := t[words[i-1][0]:words[i-1][1]], t[words[i-1][1]:words[i][0]]
	end := strings.IndexAny(sep, ".?!:")
	if end < 0 || !strings.ContainsFunc(sep[end:], unicode.IsSpace) {
		return false
	}
	if sep[end] == '.' && (strings.Contains(prev, ".") || utf8.RuneCountInString(prev) == 1) {
		return false
	}
	return true
}

// initialCapital: w begins with a capital letter.
func initialCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// minorWords are the words Title Case leaves in lower case (articles,
// prepositions, coordinating conjunctions, "to", "as", and the particles
// of names: "al", "van", "de"), in any of the styles: a title that
// writes them in lower case may be in Title Case still.
var minorWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and but or nor for so yet as to
	at by in of off on per up via vs v from into onto over with within without about above across after against
	along amid amidst among around before behind below beneath beside besides between beyond despite down during
	except inside near outside past since than through throughout till toward towards under underneath unlike
	until upon versus like plus out
	al el de del della di da du des la le van von der den ten ter bin ibn y e et à aux o'`) {
		minorWords[w] = true
	}
}

// titleWord is a word of a title: letters and digits, joined by dots and
// apostrophes ("U.S", "O'Brien"); titleCompound, words joined by hyphens
// too ("ISIS-K", "U.S.-China").
var (
	titleWord     = lazyRegexp(`[\p{L}\p{M}\p{N}]+(?:[.'’][\p{L}\p{M}\p{N}]+)*`)
	titleCompound = lazyRegexp(`[\p{L}\p{M}\p{N}]+(?:(?:[.'’]|\.?[‐-])[\p{L}\p{M}\p{N}]+)*`)
)

// capitalAndDigit: w has a capital letter and a digit ("G20", "A380",
// "F1": a helper's report: biblatex-apa printed "the g20", "the a380";
// "5G" was braced, its capital being inside).
func capitalAndDigit(w string) bool {
	return strings.ContainsFunc(w, unicode.IsUpper) && strings.ContainsFunc(w, unicode.IsDigit)
}

// capitalInside: w has a capital letter after its first character.
func capitalInside(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// bibKeyword is a tag as one item of biblatex's keywords list. biber splits
// that list at every comma, braces or not (its xsvsep, \s*,\s*, applied after
// it has decoded LaTeX: {,} and \char44 split too), so a comma inside a tag
// is written \symbol{44}, which biber leaves alone and LaTeX prints as a
// comma: "a,b" stays one keyword.
func bibKeyword(t string) string {
	return strings.ReplaceAll(bibEscape(strings.TrimSpace(t)), ",", `\symbol{44}`)
}

// bibURL keeps a URL verbatim (biblatex reads url as verbatim) except for
// what would end the field or break it: braces (they count for the field's
// balance), backslashes and spaces are percent-encoded. An archive's URLs
// have no controls (archive.ValidURL); % and # are verbatim in url.
var bibURL = strings.NewReplacer(`{`, `%7B`, `}`, `%7D`, ` `, `%20`, `\`, `%5C`).Replace

// ---- RIS ----

// RISRecords writes an RIS record per piece. Tags are two letters, two
// spaces, a hyphen and a space; each record ends with "ER  - ".
func RISRecords(arts []archive.Article, accessed time.Time) string {
	var b strings.Builder
	for i, a := range arts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(risRecord(a, accessed))
	}
	return b.String()
}

func risRecord(a archive.Article, accessed time.Time) string {
	var b strings.Builder
	line := func(tag, value string) {
		// RIS is line-based: a newline inside a value would start a new tag.
		value = strings.Join(strings.Fields(value), " ")
		if value != "" || tag == "ER" {
			fmt.Fprintf(&b, "%s  - %s\n", tag, value)
		}
	}
	ty := map[Type]string{Newspaper: "NEWS", Magazine: "MGZN", Journal: "JOUR", Web: "ELEC", Other: "GEN"}[Classify(a)]
	kt, typed := typeOf(a)
	if typed && kt.ris != "" {
		ty = kt.ris
	}
	line("TY", ty)
	for _, n := range creators(a) {
		if !n.Others { // RIS has no "and others"
			line("AU", risName(n))
		}
	}
	line("TI", a.Title)
	// T2 is the outlet: Zotero reads it as the publication title
	// (newspapers, magazines, journals), website or blog title (ELEC,
	// BLOG), meeting name (SLIDE). JO would be read as a journal
	// abbreviation. A report's or a book's outlet is its publisher (PB).
	if ty == "RPRT" || ty == "BOOK" {
		line("PB", a.Outlet)
	} else {
		line("T2", a.Outlet)
	}
	if !a.Date.Time.IsZero() {
		line("PY", strconv.Itoa(a.Date.Time.Year()))
		line("DA", risDate(a.Date))
	}
	if typed && (kt.csl == "interview" || kt.note == "speech" || kt.note == "report" && ty == "RPRT") {
		line("M3", kt.label) // interview medium, presentation or report type
	}
	line("UR", a.URL)
	if a.URL != "" {
		line("Y2", accessed.Format("2006/01/02"))
	}
	line("LA", a.Language)
	for _, t := range a.Tags {
		line("KW", t)
	}
	line("ER", "")
	return b.String()
}

// risDate is YYYY/MM/DD/ with unknown parts left empty: 2017/09//, 2017///.
func risDate(d archive.Date) string {
	switch d.Precision {
	case archive.PrecisionYear:
		return d.Time.Format("2006") + "///"
	case archive.PrecisionMonth:
		return d.Time.Format("2006/01") + "//"
	}
	return d.Time.Format("2006/01/02") + "/"
}

func risName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	return strings.Join(nonEmpty(strings.Join(nonEmpty(n.Particle, n.Family), " "), n.Given, n.Suffix), ", ")
}

// ---- CSL-JSON ----

// CSLItem is one item of CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
// with the fields folio fills.
type CSLItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	Author         []CSLName `json:"author,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Issued         *CSLDate  `json:"issued,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Accessed       *CSLDate  `json:"accessed,omitempty"`
	Keyword        string    `json:"keyword,omitempty"`
	Genre          string    `json:"genre,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	EventTitle     string    `json:"event-title,omitempty"`
	Note           string    `json:"note,omitempty"`
	Language       string    `json:"language,omitempty"` // a BCP 47 tag: a processor title-cases an English piece's title alone
}

// CSLName is a CSL name: family/given parts, or a literal for an organisation.
type CSLName struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
	// StaticOrdering: a Korean or Chinese name in Latin letters, written
	// family name first ("Kim Jong Un"), is printed so
	StaticOrdering bool `json:"static-ordering,omitempty"`
}

// CSLDate is a CSL date: date-parts holding [year], [year, month] or
// [year, month, day], as precise as the date is known.
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSLJSONItems writes a CSL-JSON array of the pieces, indented, with the
// keys of keys as ids (nil: NewKeyring(arts)).
func CSLJSONItems(arts []archive.Article, accessed time.Time, keys *Keyring) ([]byte, error) {
	if keys == nil {
		keys = NewKeyring(arts)
	}
	items := make([]CSLItem, len(arts))
	for i, a := range arts {
		items[i] = cslItem(a, keys.Key(a), accessed)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(items); err != nil {
		return nil, err
	}
	// Indenting puts every number of a date on its own line; dates read
	// better as [[2017, 9]], the way the CSL documentation writes them.
	return dateArray().ReplaceAllFunc(buf.Bytes(), func(m []byte) []byte {
		_, parts, _ := bytes.Cut(m, []byte(":"))
		parts = bytes.Join(bytes.Fields(parts), nil)
		return append([]byte(`"date-parts": `), bytes.ReplaceAll(parts, []byte(","), []byte(", "))...)
	}), nil
}

// dateArray matches an indented date-parts value. Inside a JSON string the
// quotes would be escaped, so titles are never touched.
var dateArray = lazyRegexp(`"date-parts": \[\s*\[[\s\d,-]*\]\s*\]`)

func cslItem(a archive.Article, key string, accessed time.Time) CSLItem {
	it := CSLItem{ID: key, Title: a.Title, ContainerTitle: a.Outlet, URL: a.URL, Language: a.Language}
	it.Type = map[Type]string{Newspaper: "article-newspaper", Magazine: "article-magazine", Journal: "article-journal", Web: "webpage", Other: "article"}[Classify(a)]
	if kt, ok := typeOf(a); ok {
		it.Type = kt.csl
		switch {
		case kt.note == "speech":
			// The occasion, not a container: State of the Union.
			it.ContainerTitle, it.EventTitle, it.Genre = "", a.Outlet, kt.label
		case kt.csl == "report" || kt.csl == "book":
			it.ContainerTitle, it.Publisher = "", a.Outlet
			if kt.csl == "report" {
				it.Genre = kt.label
			}
		case kt.note == "medium":
			it.Genre = kt.label
		}
	}
	for _, n := range creators(a) {
		if n.Others {
			continue // CSL has no "and others": a style shortens a list itself
		}
		it.Author = append(it.Author, CSLName{Family: n.Family, Given: n.Given, NonDroppingParticle: n.Particle, Suffix: n.Suffix, Literal: n.Literal, StaticOrdering: n.RomanisedFamilyFirst()})
	}
	if !a.Date.Time.IsZero() {
		it.Issued = &CSLDate{DateParts: [][]int{dateParts(a.Date)}}
	}
	if a.URL != "" {
		it.Accessed = &CSLDate{DateParts: [][]int{{accessed.Year(), int(accessed.Month()), accessed.Day()}}}
	}
	it.Keyword = strings.Join(a.Tags, ", ")
	return it
}

func dateParts(d archive.Date) []int {
	t := d.Time
	switch d.Precision {
	case archive.PrecisionYear:
		return []int{t.Year()}
	case archive.PrecisionMonth:
		return []int{t.Year(), int(t.Month())}
	}
	return []int{t.Year(), int(t.Month()), t.Day()}
}

// lazyRegexp compiles expr at its first use: compiled at start, cite's
// patterns (Unicode classes) took 0.6 ms of every command's start,
// whether it cites or not (GODEBUG=inittrace=1).
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// oneCapital: s is one capital letter (the "A" of "Plan-A").
func oneCapital(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}

// Name is a name split for citation (see archive.Name).
type Name = archive.Name

// SplitName splits a name into its parts (see archive.SplitName).
func SplitName(s string) Name { return archive.SplitName(s) }

// Bylines reads a piece's author strings into the names to cite (see
// archive.Bylines).
func Bylines(a archive.Article) []Name { return archive.Bylines(a) }
