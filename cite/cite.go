// Package cite writes citations of archive pieces in the formats researchers
// paste into papers or load into reference managers: a Chicago-style note
// (text), biblatex (bibtex), RIS and CSL-JSON.
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
//     archive shows dates: Raffaello Pantucci, "Title," *The Telegraph*,
//     19 October 2017, URL. The outlet is marked *like this* (Markdown
//     emphasis, what Chicago sets in italics), so pasting into Markdown,
//     Pandoc or a notes app keeps the italics; delete the asterisks for a
//     plain-text document. Titles are kept as written (no case changes).
//   - bibtex is biblatex (for biber): date, journaltitle and urldate rather
//     than BibTeX's year/month/journal, UTF-8 kept as is, LaTeX specials
//     escaped.
//   - The kind of source is guessed from the outlet's name (see Classify),
//     since the archive does not record whether an outlet is a newspaper.
//   - Citation keys (bibtex keys, CSL ids) belong to the archive: a piece's
//     key depends only on the piece and the archive, never on which pieces
//     are cited together (see Keyring for the rule).
package cite

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/folio-tui/folio/archive"
	"golang.org/x/text/unicode/norm"
)

// Format is a citation format.
type Format string

const (
	Text    Format = "text"
	BibTeX  Format = "bibtex"
	RIS     Format = "ris"
	CSLJSON Format = "csl-json"
)

// Formats lists the formats in the order help texts show them.
var Formats = []Format{Text, BibTeX, RIS, CSLJSON}

// ParseFormat accepts a format name, case-insensitively, plus the common
// aliases biblatex, csl and json.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "chicago":
		return Text, nil
	case "bibtex", "biblatex", "bib":
		return BibTeX, nil
	case "ris":
		return RIS, nil
	case "csl-json", "csljson", "csl", "json":
		return CSLJSON, nil
	}
	return "", fmt.Errorf("unknown citation format %q (want text, bibtex, ris or csl-json)", s)
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
	Newspaper Type = iota // a newspaper article: @article, NEWS, article-newspaper
	Magazine              // a magazine article: @article, MGZN, article-magazine
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

// Name is a person's name split for citation. A name that is an organisation
// (an outlet standing in for a missing author) has only Literal.
type Name struct {
	Given, Particle, Family, Suffix string
	Literal                         string
}

// particles are lower-case name prefixes that belong with the family name
// ("Ludwig van Beethoven" is van Beethoven, Ludwig).
var particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "das": true, "dos": true, "del": true, "della": true, "di": true, "du": true, "la": true, "le": true, "ter": true, "ten": true, "bin": true, "ibn": true, "al": true, "el": true, "zu": true}

var suffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// SplitName splits a name as written ("Raffaello Pantucci", "Joseph R. Biden
// Jr.", "Ludwig van Beethoven") or inverted ("Pantucci, Raffaello") into its
// parts. A single word is a family name.
func SplitName(s string) Name {
	s = strings.Join(strings.Fields(s), " ")
	if family, given, ok := strings.Cut(s, ","); ok && !suffixes[strings.ToLower(strings.TrimSpace(given))] {
		given = strings.TrimSpace(given)
		var suffix string
		if g, sfx, ok := strings.Cut(given, ","); ok && suffixes[strings.ToLower(strings.TrimSpace(sfx))] {
			given, suffix = strings.TrimSpace(g), strings.TrimSpace(sfx)
		}
		n := splitParticle(strings.TrimSpace(family))
		n.Given, n.Suffix = given, suffix
		return n
	}
	words := strings.Fields(s)
	var n Name
	if len(words) > 1 && suffixes[strings.ToLower(strings.TrimSuffix(words[len(words)-1], ","))] {
		n.Suffix = words[len(words)-1]
		words = words[:len(words)-1]
		words[len(words)-1] = strings.TrimSuffix(words[len(words)-1], ",")
	}
	if len(words) == 0 {
		return n
	}
	// The family name starts at the first lower-case particle after the
	// first word, else it is the last word.
	start := len(words) - 1
	for i := 1; i < len(words)-1; i++ {
		if particles[words[i]] {
			start = i
			break
		}
	}
	n.Given = strings.Join(words[:start], " ")
	f := splitParticle(strings.Join(words[start:], " "))
	n.Particle, n.Family = f.Particle, f.Family
	return n
}

func splitParticle(family string) Name {
	words := strings.Fields(family)
	i := 0
	for i < len(words)-1 && particles[words[i]] {
		i++
	}
	return Name{Particle: strings.Join(words[:i], " "), Family: strings.Join(words[i:], " ")}
}

// creators are the names to cite a piece under: its authors, or its outlet
// as an organisation when it has none.
func creators(a archive.Article) []Name {
	var ns []Name
	for _, au := range a.Authors {
		if n := SplitName(au); n.Family != "" {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 && a.Outlet != "" {
		ns = append(ns, Name{Literal: a.Outlet})
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
// pantucci2017isil for "It’s not Isil’s returning terrorists…".
func Key(a archive.Article) string {
	var who string
	if ns := creators(a); len(ns) > 0 {
		if ns[0].Literal != "" {
			who = firstSignificant(ns[0].Literal)
		} else {
			who = asciiWord(ns[0].Family)
		}
	}
	who = cmp.Or(who, "anon")
	year := "nd"
	if !a.Date.Time.IsZero() {
		year = strconv.Itoa(a.Date.Time.Year())
	}
	return who + year + firstSignificant(a.Title)
}

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
			return f
		}
	}
	return ""
}

// asciiFold maps letters that do not decompose into ASCII plus a mark.
var asciiFold = strings.NewReplacer("ß", "ss", "ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d", "ð", "d", "þ", "th", "ı", "i")

// asciiWord folds s to lower-case ASCII letters and digits: accents are
// dropped ("Žižek" is zizek), everything else removed.
func asciiWord(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(asciiFold.Replace(s)) {
		r = unicode.ToLower(r)
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Keyring holds the citation key of every piece of an archive. A piece's
// key depends only on that piece and the archive, never on which pieces are
// cited together, so `folio cite X`, `folio cite X Y`, `folio cite --all` and
// the reader's c and C give X the same key.
//
// The rule: every piece has its Key. Pieces of the archive that share a Key
// are put in order of date, then ID; the first keeps the Key and the others
// get a, b, c… appended in that order, skipping any key that another piece
// of the same year has as its own Key. Since the year is part of every key,
// the pieces of a piece's year are all the rule looks at: a keyring of the
// pieces of some years gives those pieces the keys the whole archive gives
// them.
type Keyring struct {
	byID map[string]string
}

// NewKeyring assigns keys to the pieces of an archive (or to all the pieces
// of some of its years).
func NewKeyring(arts []archive.Article) *Keyring {
	r := &Keyring{byID: make(map[string]string, len(arts))}
	type member struct {
		a   archive.Article
		key string
	}
	groups := map[string][]member{} // by Key
	taken := map[string]bool{}      // year + "|" + key
	for _, a := range arts {
		k := Key(a)
		if _, dup := r.byID[a.ID]; dup {
			continue // IDs are unique in an archive; the first one counts
		}
		r.byID[a.ID] = k
		groups[k] = append(groups[k], member{a, k})
		taken[yearOf(a)+"|"+k] = true
	}
	for k, ms := range groups {
		if len(ms) < 2 {
			continue
		}
		slices.SortFunc(ms, func(x, y member) int {
			return cmp.Or(x.a.Date.Time.Compare(y.a.Date.Time), strings.Compare(x.a.ID, y.a.ID))
		})
		n := 0
		for _, m := range ms[1:] {
			for {
				cand := k + suffix(n)
				n++
				if t := yearOf(m.a) + "|" + cand; !taken[t] {
					r.byID[m.a.ID], taken[t] = cand, true
					break
				}
			}
		}
	}
	return r
}

func yearOf(a archive.Article) string {
	if a.Date.Time.IsZero() {
		return "nd"
	}
	return strconv.Itoa(a.Date.Time.Year())
}

// Key is the citation key of a. A piece the keyring does not hold (by ID)
// gets its plain Key.
func (r *Keyring) Key(a archive.Article) string {
	if r != nil {
		if k, ok := r.byID[a.ID]; ok {
			return k
		}
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

// ---- text (Chicago note) ----

// TextCitations writes one Chicago-style note per piece, one per line.
func TextCitations(arts []archive.Article) string {
	var b strings.Builder
	for _, a := range arts {
		b.WriteString(TextCitation(a))
		b.WriteByte('\n')
	}
	return b.String()
}

// TextCitation is a Chicago notes-bibliography note for a piece:
//
//	Raffaello Pantucci, "Title," *The Telegraph*, 19 October 2017, https://….
//
// A title ending in ? or ! takes no comma; double quotes inside the title
// become single ones; the date keeps its precision ("September 2017").
func TextCitation(a archive.Article) string {
	var parts []string
	// Without an author a note starts with the title; the outlet follows it
	// anyway.
	var authors []Name
	for _, au := range a.Authors {
		if n := SplitName(au); n.Family != "" {
			authors = append(authors, n)
		}
	}
	if who := textCreators(authors); who != "" {
		parts = append(parts, who)
	}
	title := strings.NewReplacer(`"`, "'", "“", "‘", "”", "’").Replace(a.Title)
	title = strings.TrimRight(title, ".,;: ")
	var rest []string
	if a.Outlet != "" {
		rest = append(rest, "*"+a.Outlet+"*")
	}
	if d := a.Date.Human(); d != "" {
		rest = append(rest, d)
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

// textCreators joins names in reading order: "A", "A and B", "A, B, and C";
// four or more as "A et al." (Chicago's rule for notes).
func textCreators(ns []Name) string {
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.natural()
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

func (n Name) natural() string {
	if n.Literal != "" {
		return n.Literal
	}
	s := strings.Join(nonEmpty(n.Given, n.Particle, n.Family), " ")
	if n.Suffix != "" {
		s += " " + n.Suffix
	}
	return s
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

func bibtexEntry(a archive.Article, key string, accessed time.Time) string {
	type field struct{ name, value string }
	var fields []field
	add := func(name, value string) {
		if value != "" {
			fields = append(fields, field{name, value})
		}
	}
	var authors []string
	for _, n := range creators(a) {
		authors = append(authors, n.bibtex())
	}
	add("author", strings.Join(authors, " and "))
	add("title", bibEscape(a.Title))
	entry := "misc"
	switch t := Classify(a); {
	case a.Kind == archive.KindInterview:
		// Being interviewed by a paper is not writing an article in it.
		add("howpublished", bibEscape(a.Outlet))
	case t == Newspaper || t == Magazine || t == Journal:
		entry = "article"
		add("journaltitle", bibEscape(a.Outlet))
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
	if a.Kind == archive.KindInterview {
		add("note", "Interview")
	}
	var tags []string
	for _, t := range a.Tags {
		tags = append(tags, bibEscape(t))
	}
	add("keywords", strings.Join(tags, ", "))

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
// Given"; an organisation in braces so it is not split into parts.
func (n Name) bibtex() string {
	if n.Literal != "" {
		return "{" + bibEscape(n.Literal) + "}"
	}
	family := bibEscape(strings.Join(nonEmpty(n.Particle, n.Family), " "))
	if strings.Contains(n.Family, " ") {
		// "de la Cruz" splits itself; a two-word family name needs braces.
		family = strings.Join(nonEmpty(bibEscape(n.Particle), "{"+bibEscape(n.Family)+"}"), " ")
	}
	parts := []string{family}
	if n.Suffix != "" {
		parts = append(parts, bibEscape(n.Suffix))
	}
	if n.Given != "" {
		parts = append(parts, bibEscape(n.Given))
	}
	return strings.Join(parts, ", ")
}

// bibEscape escapes the characters LaTeX treats specially. Other Unicode is
// kept: biber reads UTF-8.
var bibEscape = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	`{`, `\{`, `}`, `\}`,
	`#`, `\#`, `$`, `\$`, `%`, `\%`, `&`, `\&`, `_`, `\_`,
	`~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
).Replace

// bibURL keeps a URL verbatim (biblatex reads url as verbatim) except for
// braces and spaces, which would end the field or break it, so they are
// percent-encoded.
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
	line("TY", ty)
	for _, n := range creators(a) {
		line("AU", n.ris())
	}
	line("TI", a.Title)
	// T2 is the outlet for every type: Zotero reads it as the publication
	// title (newspapers, magazines, journals) or website title (ELEC). JO
	// would be read as a journal abbreviation.
	line("T2", a.Outlet)
	if !a.Date.Time.IsZero() {
		line("PY", strconv.Itoa(a.Date.Time.Year()))
		line("DA", risDate(a.Date))
	}
	if a.Kind == archive.KindInterview {
		line("M3", "Interview")
	}
	line("UR", a.URL)
	if a.URL != "" {
		line("Y2", accessed.Format("2006/01/02"))
	}
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

func (n Name) ris() string {
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
	Note           string    `json:"note,omitempty"`
}

// CSLName is a CSL name: family/given parts, or a literal for an organisation.
type CSLName struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
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
	return dateArray.ReplaceAllFunc(buf.Bytes(), func(m []byte) []byte {
		_, parts, _ := bytes.Cut(m, []byte(":"))
		parts = bytes.Join(bytes.Fields(parts), nil)
		return append([]byte(`"date-parts": `), bytes.ReplaceAll(parts, []byte(","), []byte(", "))...)
	}), nil
}

// dateArray matches an indented date-parts value. Inside a JSON string the
// quotes would be escaped, so titles are never touched.
var dateArray = regexp.MustCompile(`"date-parts": \[\s*\[[\s\d,-]*\]\s*\]`)

func cslItem(a archive.Article, key string, accessed time.Time) CSLItem {
	it := CSLItem{ID: key, Title: a.Title, ContainerTitle: a.Outlet, URL: a.URL}
	it.Type = map[Type]string{Newspaper: "article-newspaper", Magazine: "article-magazine", Journal: "article-journal", Web: "webpage", Other: "article"}[Classify(a)]
	if a.Kind == archive.KindInterview {
		it.Type = "interview"
	}
	for _, n := range creators(a) {
		it.Author = append(it.Author, CSLName{Family: n.Family, Given: n.Given, NonDroppingParticle: n.Particle, Suffix: n.Suffix, Literal: n.Literal})
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
