package cite

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/bibcheck"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ (then check them by hand)")

var accessed = time.Date(2025, 11, 25, 15, 4, 5, 0, time.UTC)

func bundled(t *testing.T) *archive.Archive {
	t.Helper()
	a, probs := archive.Load(archive.Bundled())
	if archive.IsFatal(probs) {
		t.Fatalf("bundled archive: %v", probs)
	}
	return a
}

func piece(t *testing.T, arch *archive.Archive, id string) archive.Article {
	t.Helper()
	a, ok := arch.Get(id)
	if !ok {
		t.Fatalf("no bundled piece %s", id)
	}
	return a
}

const (
	raqqa     = "2017-10-19-raqqa-terror-is-here-to-stay"         // day precision, no URL, newspaper
	parsons   = "2017-09-parsons-green-low-level-plots"           // month precision
	rusi      = "2017-05-31-policy-changes-after-manchester"      // URL, think tank, title ends in ?
	fragments = "2017-06-07-intelligence-is-fragmented-by-nature" // URL, newspaper
	skyNews   = "interviews/2017-09-sky-news-parsons-green"       // interview, broadcaster
)

// TestHandChecked pins single citations written out by hand from the style
// guides, not generated: the goldens below are checked against these.
func TestHandChecked(t *testing.T) {
	arch := bundled(t)
	cases := []struct {
		id     string
		format Format
		want   string
	}{
		{raqqa, Text, `Raffaello Pantucci, "It’s not Isil’s returning terrorists we should worry about. It’s those who are already here," The Telegraph, 19 October 2017.` + "\n"},
		{raqqa, Markdown, `Raffaello Pantucci, "It’s not Isil’s returning terrorists we should worry about. It’s those who are already here," *The Telegraph*, 19 October 2017.` + "\n"},
		{parsons, Text, `Raffaello Pantucci, "Low-level plots like Parsons Green need even more vigilance," London Evening Standard, September 2017.` + "\n"},
		{rusi, Text, `Raffaello Pantucci, "What Policy Changes Are Needed after the Manchester Attack?" RUSI, 31 May 2017, https://rusi.org/explore-our-research/publications/commentary/what-policy-changes-are-needed-after-manchester-attack.` + "\n"},
		{rusi, Markdown, `Raffaello Pantucci, "What Policy Changes Are Needed after the Manchester Attack?" *RUSI*, 31 May 2017, https://rusi.org/explore-our-research/publications/commentary/what-policy-changes-are-needed-after-manchester-attack.` + "\n"},
		{parsons, BibTeX, `@article{pantucci2017lowlevel,
  author       = {Pantucci, Raffaello},
  title        = {Low-level plots like {Parsons Green} need even more vigilance},
  journaltitle = {London Evening Standard},
  entrysubtype = {newspaper},
  date         = {2017-09},
  keywords     = {counter-terrorism, parsons-green, isis, lone-actors, known-suspects, public-vigilance},
}
`},
		{rusi, BibTeX, `@online{pantucci2017policy,
  author       = {Pantucci, Raffaello},
  title        = {What Policy Changes Are Needed after the Manchester Attack?},
  organization = {RUSI},
  date         = {2017-05-31},
  url          = {https://rusi.org/explore-our-research/publications/commentary/what-policy-changes-are-needed-after-manchester-attack},
  urldate      = {2025-11-25},
  keywords     = {counter-terrorism, manchester-attack, prevent, intelligence, known-suspects, crowded-places, civil-liberties},
}
`},
		{skyNews, BibTeX, `@misc{pantucci2017sky,
  author       = {Pantucci, Raffaello},
  title        = {Interview with {Sky News} on the {Parsons Green} attack},
  howpublished = {Sky News},
  type         = {Interview},
  date         = {2017-09},
  keywords     = {counter-terrorism, parsons-green},
}
`},
		{parsons, RIS, `TY  - NEWS
AU  - Pantucci, Raffaello
TI  - Low-level plots like Parsons Green need even more vigilance
T2  - London Evening Standard
PY  - 2017
DA  - 2017/09//
KW  - counter-terrorism
KW  - parsons-green
KW  - isis
KW  - lone-actors
KW  - known-suspects
KW  - public-vigilance
ER  - 
`},
		{fragments, RIS, `TY  - NEWS
AU  - Pantucci, Raffaello
TI  - Intelligence is fragmented by nature – sometimes terrorists will slip through
T2  - The Telegraph
PY  - 2017
DA  - 2017/06/07/
UR  - https://www.telegraph.co.uk/news/2017/06/07/fact-terrorists-will-sometimes-slip-intelligence-net/
Y2  - 2025/11/25
KW  - counter-terrorism
KW  - london-bridge-attack
KW  - intelligence
KW  - known-suspects
KW  - civil-liberties
ER  - 
`},
		{parsons, CSLJSON, `[
  {
    "id": "pantucci2017lowlevel",
    "type": "article-newspaper",
    "title": "Low-level plots like Parsons Green need even more vigilance",
    "author": [
      {
        "family": "Pantucci",
        "given": "Raffaello"
      }
    ],
    "container-title": "London Evening Standard",
    "issued": {
      "date-parts": [[2017, 9]]
    },
    "keyword": "counter-terrorism, parsons-green, isis, lone-actors, known-suspects, public-vigilance"
  }
]
`},
	}
	for _, c := range cases {
		got, err := Cite([]archive.Article{piece(t, arch, c.id)}, c.format, accessed, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s as %s:\ngot:\n%s\nwant:\n%s", c.id, c.format, got, c.want)
		}
	}
}

// TestGoldens compares every bundled piece in every format against files in
// testdata/ (regenerate with -update, then read the diff).
func TestGoldens(t *testing.T) {
	arch := bundled(t)
	ext := map[Format]string{Text: "txt", Markdown: "md", BibTeX: "bib", RIS: "ris", CSLJSON: "json"}
	for _, f := range Formats {
		got, err := Cite(arch.Articles, f, accessed, nil)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "bundled."+ext[f])
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./cite -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; run go test ./cite -update and check the diff", f, path)
		}
	}
}

func TestPrecisionNeverInventsADay(t *testing.T) {
	arch := bundled(t)
	p := piece(t, arch, parsons)
	year := p
	year.Date = archive.Date{Time: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}
	for _, f := range Formats {
		got, _ := Cite([]archive.Article{p}, f, accessed, nil)
		for _, invented := range []string{"2017-09-01", "2017/09/01", "1 September", "[2017, 9, 1]"} {
			if strings.Contains(got, invented) {
				t.Errorf("%s invents a day (%q):\n%s", f, invented, got)
			}
		}
		got, _ = Cite([]archive.Article{year}, f, accessed, nil)
		want := map[Format]string{Text: ", 2017.", BibTeX: "date         = {2017}", RIS: "DA  - 2017///", CSLJSON: `"date-parts": [[2017]]`}[f]
		if !strings.Contains(got, want) {
			t.Errorf("%s of a year-precision piece lacks %q:\n%s", f, want, got)
		}
	}
}

var risLine = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)

// TestRISParsesBack reads the RIS of the whole bundled archive the way
// Zotero's importer does: tag, two spaces, "- ", value; records from TY to ER.
func TestRISParsesBack(t *testing.T) {
	arch := bundled(t)
	out := RISRecords(arch.Articles, accessed)
	type record map[string][]string
	var records []record
	var cur record
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			if cur != nil {
				t.Fatalf("line %d: blank line inside a record", i+1)
			}
			continue
		}
		m := risLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("line %d is not an RIS line: %q", i+1, l)
		}
		switch tag, val := m[1], m[2]; {
		case tag == "TY":
			if cur != nil {
				t.Fatalf("line %d: TY before ER", i+1)
			}
			cur = record{"TY": {val}}
		case cur == nil:
			t.Fatalf("line %d: %s outside a record", i+1, tag)
		case tag == "ER":
			records = append(records, cur)
			cur = nil
		default:
			cur[tag] = append(cur[tag], val)
		}
	}
	if cur != nil {
		t.Fatal("last record has no ER")
	}
	if len(records) != len(arch.Articles) {
		t.Fatalf("%d records for %d pieces", len(records), len(arch.Articles))
	}
	for i, r := range records {
		a := arch.Articles[i]
		if r["TI"][0] != a.Title || r["T2"][0] != a.Outlet || r["AU"][0] != "Pantucci, Raffaello" {
			t.Errorf("record %d: %v", i, r)
		}
		if !slices.Contains([]string{"NEWS", "MGZN", "ELEC", "GEN"}, r["TY"][0]) {
			t.Errorf("record %d: type %s", i, r["TY"][0])
		}
		wantDA := map[archive.Precision]string{archive.PrecisionDay: a.Date.Time.Format("2006/01/02/"), archive.PrecisionMonth: a.Date.Time.Format("2006/01//")}[a.Date.Precision]
		if r["DA"][0] != wantDA {
			t.Errorf("record %d: DA %q, want %q", i, r["DA"][0], wantDA)
		}
		if (a.URL != "") != (len(r["UR"]) == 1 && len(r["Y2"]) == 1) {
			t.Errorf("record %d: UR %v Y2 %v for URL %q", i, r["UR"], r["Y2"], a.URL)
		}
		if !slices.Equal(r["KW"], a.Tags) {
			t.Errorf("record %d: KW %v", i, r["KW"])
		}
	}
}

// TestCSLJSONParsesBack decodes the CSL-JSON of the bundled archive and checks
// it against the CSL data schema's rules for the fields folio writes.
func TestCSLJSONParsesBack(t *testing.T) {
	arch := bundled(t)
	out, err := CSLJSONItems(arch.Articles, accessed, nil)
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(items) != len(arch.Articles) {
		t.Fatalf("%d items for %d pieces", len(items), len(arch.Articles))
	}
	cslTypes := []string{"article", "article-journal", "article-magazine", "article-newspaper", "webpage", "interview"}
	seen := map[string]bool{}
	keys := Keys(arch.Articles)
	for i, it := range items {
		a := arch.Articles[i]
		id, _ := it["id"].(string)
		if id == "" || seen[id] || id != keys[i] {
			t.Errorf("item %d: id %q (want unique %q)", i, id, keys[i])
		}
		seen[id] = true
		if typ, _ := it["type"].(string); !slices.Contains(cslTypes, typ) {
			t.Errorf("item %d: type %q", i, typ)
		}
		if a.Kind == archive.KindInterview && it["type"] != "interview" {
			t.Errorf("item %d: an interview typed %v", i, it["type"])
		}
		if it["title"] != a.Title || it["container-title"] != a.Outlet {
			t.Errorf("item %d: title/container %v / %v", i, it["title"], it["container-title"])
		}
		authors, _ := it["author"].([]any)
		if len(authors) != 1 {
			t.Fatalf("item %d: author %v", i, it["author"])
		}
		au := authors[0].(map[string]any)
		if au["family"] != "Pantucci" || au["given"] != "Raffaello" {
			t.Errorf("item %d: author %v", i, au)
		}
		parts := it["issued"].(map[string]any)["date-parts"].([]any)
		if len(parts) != 1 {
			t.Fatalf("item %d: date-parts %v", i, parts)
		}
		want := map[archive.Precision]int{archive.PrecisionDay: 3, archive.PrecisionMonth: 2, archive.PrecisionYear: 1}[a.Date.Precision]
		if n := len(parts[0].([]any)); n != want {
			t.Errorf("item %d: %d date parts for %s precision", i, n, a.Date.Precision)
		}
		if _, has := it["accessed"]; has != (a.URL != "") {
			t.Errorf("item %d: accessed present=%v for URL %q", i, has, a.URL)
		}
		if a.URL != "" && it["URL"] != a.URL {
			t.Errorf("item %d: URL %v", i, it["URL"])
		}
	}
}

func TestKeys(t *testing.T) {
	arch := bundled(t)
	if got := Key(piece(t, arch, raqqa)); got != "pantucci2017isil" {
		t.Errorf("raqqa key %q", got)
	}
	// Two Sky News interviews share a key: the earlier keeps it.
	sky2 := piece(t, arch, "interviews/2017-10-sky-news-social-media-companies")
	sky1 := piece(t, arch, skyNews)
	for _, order := range [][]archive.Article{{sky1, sky2}, {sky2, sky1}} {
		keys := Keys(order)
		byID := map[string]string{order[0].ID: keys[0], order[1].ID: keys[1]}
		if byID[sky1.ID] != "pantucci2017sky" || byID[sky2.ID] != "pantucci2017skya" {
			t.Errorf("keys depend on order: %v", byID)
		}
	}
	all := Keys(arch.Articles)
	seen := map[string]bool{}
	valid := regexp.MustCompile(`^[a-z]+\d{4}[a-z0-9]*$`)
	for _, k := range all {
		if seen[k] || !valid.MatchString(k) {
			t.Errorf("key %q duplicate or unreadable", k)
		}
		seen[k] = true
	}

	d := archive.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}
	for _, c := range []struct {
		a    archive.Article
		want string
	}{
		{archive.Article{Title: "The Žižek Problem", Authors: []string{"Łukasz Żółć"}, Date: d}, "zolc2020zizek"},
		{archive.Article{Title: "Why “Europe’s” future?", Outlet: "The Economist", Date: d}, "economist2020europe"},
		{archive.Article{Title: "On the", Date: d}, "anon2020"},
		{archive.Article{Title: "Brexit", Authors: []string{"Ludwig van Beethoven"}, Date: d}, "beethoven2020brexit"},
		{archive.Article{Title: "Brexit", Authors: []string{"van der Berg"}, Date: d}, "berg2020brexit"},
		{archive.Article{Title: "Brexit", Authors: []string{"山田 太郎"}, Date: d}, "shantian2020brexit"},
	} {
		if got := Key(c.a); got != c.want {
			t.Errorf("Key(%q by %v) = %q, want %q", c.a.Title, c.a.Authors, got, c.want)
		}
	}
	if got := Keys([]archive.Article{{ID: "1", Title: "X", Date: d}, {ID: "2", Title: "X", Date: d}, {ID: "3", Title: "X", Date: d}}); !slices.Equal(got, []string{"anon2020x", "anon2020xa", "anon2020xb"}) {
		t.Errorf("three-way collision: %v", got)
	}
	if suffix(25) != "z" || suffix(26) != "aa" || suffix(27) != "ab" {
		t.Error("suffix sequence")
	}
}

func TestSplitName(t *testing.T) {
	for in, want := range map[string]Name{
		"Raffaello Pantucci":         {Given: "Raffaello", Family: "Pantucci"},
		"Joseph R. Biden":            {Given: "Joseph R.", Family: "Biden"},
		"Joseph R. Biden Jr.":        {Given: "Joseph R.", Family: "Biden", Suffix: "Jr."},
		"Martin Luther King, Jr.":    {Given: "Martin Luther", Family: "King", Suffix: "Jr."},
		"Pantucci, Raffaello":        {Given: "Raffaello", Family: "Pantucci"},
		"King, Martin Luther, Jr.":   {Given: "Martin Luther", Family: "King", Suffix: "Jr."},
		"King, Jr., Martin Luther":   {Given: "Martin Luther", Family: "King", Suffix: "Jr."},
		"Gates, III, Louis":          {Given: "Louis", Family: "Gates", Suffix: "III"},
		"Ludwig van Beethoven":       {Given: "Ludwig", Particle: "van", Family: "Beethoven"},
		"Charles de Gaulle":          {Given: "Charles", Particle: "de", Family: "Gaulle"},
		"García Márquez, Gabriel":    {Given: "Gabriel", Family: "García Márquez"},
		"Madonna":                    {Family: "Madonna"},
		"  Raffaello   Pantucci  ":   {Given: "Raffaello", Family: "Pantucci"},
		"Jean-Pierre Filiu":          {Given: "Jean-Pierre", Family: "Filiu"},
		"Ursula von der Leyen":       {Given: "Ursula", Particle: "von der", Family: "Leyen"},
		"":                           {},
		"Jr.":                        {Family: "Jr."},
		"Mary Ann Smith":             {Given: "Mary Ann", Family: "Smith"},
		"Abu Bakr al Baghdadi":       {Given: "Abu Bakr", Particle: "al", Family: "Baghdadi"},
		"Martin Van Buren":           {Given: "Martin", Family: "Van Buren"},
		"Van Buren, Martin":          {Given: "Martin", Family: "Van Buren"},
		"Van Morrison":               {Given: "Van", Family: "Morrison"},
		"Sir Winston Churchill":      {Given: "Sir Winston", Family: "Churchill"},
		"Raffaello Pantucci, Editor": {Given: "Editor", Family: "Raffaello Pantucci"},
		// a helper's report: a lower-case particle first is no given name,
		// and names in Han, Kana or Hangul are written family name first
		"van der Berg": {Particle: "van der", Family: "Berg"},
		"de la Cruz":   {Particle: "de la", Family: "Cruz"},
		"山田 太郎":        {Family: "山田", Given: "太郎"},
		"김 정은":         {Family: "김", Given: "정은"},
		"习 近平":         {Family: "习", Given: "近平"},
		"バラク オバマ":      {Given: "バラク", Family: "オバマ"},
	} {
		if got := SplitName(in); got != want {
			t.Errorf("SplitName(%q) = %+v, want %+v", in, got, want)
		}
	}
	// a note names a person as the name is written
	for _, in := range []string{"山田 太郎", "van der Berg", "Ludwig van Beethoven"} {
		if got := SplitName(in).Natural(); got != in {
			t.Errorf("%q in a note: %q", in, got)
		}
	}
}

func TestNamesInEachFormat(t *testing.T) {
	d := archive.Date{Time: time.Date(2021, 1, 20, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
	a := archive.Article{ID: "x", Title: "Inaugural", Authors: []string{"Joseph R. Biden Jr.", "Ursula von der Leyen", "García Márquez, Gabriel"}, Date: d}
	bib := BibTeXEntries([]archive.Article{a}, accessed, nil)
	if !strings.Contains(bib, "author = {Biden, Jr., Joseph R. and von der Leyen, Ursula and {García Márquez}, Gabriel}") {
		t.Errorf("bibtex names:\n%s", bib)
	}
	ris := RISRecords([]archive.Article{a}, accessed)
	if !strings.Contains(ris, "AU  - Biden, Joseph R., Jr.\nAU  - von der Leyen, Ursula\nAU  - García Márquez, Gabriel\n") {
		t.Errorf("ris names:\n%s", ris)
	}
	if got := TextCitation(a); !strings.HasPrefix(got, "Joseph R. Biden Jr., Ursula von der Leyen, and Gabriel García Márquez, ") {
		t.Errorf("text names: %s", got)
	}
	a.Authors = append(a.Authors, "Fourth Author")
	if got := TextCitation(a); !strings.HasPrefix(got, "Joseph R. Biden Jr. et al., ") {
		t.Errorf("four authors: %s", got)
	}
	a.Authors = a.Authors[:2]
	if got := TextCitation(a); !strings.HasPrefix(got, "Joseph R. Biden Jr. and Ursula von der Leyen, ") {
		t.Errorf("two authors: %s", got)
	}
	out, _ := CSLJSONItems([]archive.Article{a}, accessed, nil)
	var items []CSLItem
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatal(err)
	}
	if got := items[0].Author; len(got) != 2 || got[0] != (CSLName{Family: "Biden", Given: "Joseph R.", Suffix: "Jr."}) ||
		got[1] != (CSLName{Family: "Leyen", Given: "Ursula", NonDroppingParticle: "von der"}) {
		t.Errorf("csl names: %+v", got)
	}
}

func TestOutletAsAuthor(t *testing.T) {
	d := archive.Date{Time: time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionMonth}
	a := archive.Article{ID: "ed", Title: "The view: leave it", Outlet: "The Guardian", Date: d, URL: "https://example.com/a"}
	if got := TextCitation(a); got != `"The view: leave it," The Guardian, March 2019, https://example.com/a.` {
		t.Errorf("text without author: %s", got)
	}
	if got := BibTeXEntries([]archive.Article{a}, accessed, nil); !strings.Contains(got, "@article{guardian2019view,\n  author       = {{The Guardian}},") {
		t.Errorf("bibtex without author:\n%s", got)
	}
	out, _ := CSLJSONItems([]archive.Article{a}, accessed, nil)
	if !strings.Contains(string(out), `"literal": "The Guardian"`) {
		t.Errorf("csl without author:\n%s", out)
	}
	if got := RISRecords([]archive.Article{a}, accessed); !strings.Contains(got, "AU  - The Guardian\n") {
		t.Errorf("ris without author:\n%s", got)
	}
}

// A Hugo Academic publication written in Markdown is cited as the site
// shows it: `*Journal of Source Themes, 1*(1)` was BibTeX's journaltitle
// with its asterisks, and the text citation's (an oracle's report).
func TestMarkdownOutletIsCitedAsShown(t *testing.T) {
	a, probs := archive.Parse("publication/paper-one/index.md", []byte("---\ntitle: An example journal article\nauthors: [Ann Author]\ndate: 2015-09-01\npublication: \"*Journal of Source Themes, 1*(1)\"\n---\nx\n"))
	if archive.IsFatal(probs) {
		t.Fatal(probs)
	}
	if got := BibTeXEntries([]archive.Article{a}, accessed, nil); !strings.Contains(got, "journaltitle = {Journal of Source Themes, 1(1)},") {
		t.Errorf("bibtex:\n%s", got)
	}
	if got := TextCitation(a); !strings.Contains(got, "Journal of Source Themes, 1(1)") || strings.Contains(got, "*") {
		t.Errorf("text citation: %s", got)
	}
}

func TestBibTeXEscaping(t *testing.T) {
	d := archive.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}
	a := archive.Article{ID: "x", Title: `50% of #1 & $5 {x} ~ ^ _ \ end`, Authors: []string{"A_B Smith"}, Outlet: "Q&A Weekly", Date: d, URL: "https://example.com/a{b}?q=%20"}
	got := BibTeXEntries([]archive.Article{a}, accessed, nil)
	for _, want := range []string{
		`title        = {50\% of \#1 \& \$5 \textbraceleft{}x\textbraceright{} \textasciitilde{} \textasciicircum{} \_ \textbackslash{} end},`,
		`author       = {Smith, A\_B},`,
		`journaltitle = {Q\&A Weekly},`,
		`url          = {https://example.com/a%7Bb%7D?q=%20},`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	// Braces must balance, counted as BibTeX counts them (\{ too), or the
	// entry swallows the rest of the file.
	if !bibcheck.Balanced(got) {
		t.Errorf("unbalanced braces:\n%s", got)
	}
}

func TestTextTitles(t *testing.T) {
	d := archive.Date{Time: time.Date(2020, 5, 4, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
	for title, want := range map[string]string{
		`He said "no"`:   `"He said 'no'," Outlet, 4 May 2020.`,
		"Ends with.":     `"Ends with," Outlet, 4 May 2020.`,
		"Really!":        `"Really!" Outlet, 4 May 2020.`,
		"“Curly” quotes": `"‘Curly’ quotes," Outlet, 4 May 2020.`,
	} {
		if got := TextCitation(archive.Article{Title: title, Outlet: "Outlet", Date: d}); got != want {
			t.Errorf("%q: got %s, want %s", title, got, want)
		}
	}
}

func TestRISValuesStayOnOneLine(t *testing.T) {
	d := archive.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}
	got := RISRecords([]archive.Article{{Title: "Two\nlines\r\nER  - x", Date: d}}, accessed)
	for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if !risLine.MatchString(l) {
			t.Errorf("bad line %q in\n%s", l, got)
		}
	}
	if strings.Count(got, "ER  - ") != 1 || !strings.Contains(got, "TI  - Two lines ER - x") {
		t.Errorf("title broke the record:\n%s", got)
	}
}

func TestClassify(t *testing.T) {
	for outlet, want := range map[string]Type{
		"The Telegraph":                Newspaper,
		"London Evening Standard":      Newspaper,
		"The Wall Street Journal":      Newspaper,
		"Financial Times":              Newspaper,
		"Arab News":                    Newspaper,
		"Newsweek":                     Magazine,
		"The Economist":                Magazine,
		"Journal of Strategic Studies": Journal,
		"Sky News":                     Web,
		"BBC News":                     Web,
		"RUSI":                         Web,
		"":                             Web,
	} {
		if got := Classify(archive.Article{Outlet: outlet, URL: "https://example.com/"}); got != want {
			t.Errorf("Classify(%q) = %v, want %v", outlet, got, want)
		}
	}
	if got := Classify(archive.Article{Outlet: "RUSI"}); got != Other {
		t.Errorf("think tank without URL: %v", got)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "BibTeX": BibTeX, "biblatex": BibTeX, "ris": RIS, "csl-json": CSLJSON, "csl": CSLJSON} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("mla"); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Cite(nil, "mla", accessed, nil); err == nil {
		t.Error("Cite accepted an unknown format")
	}
}

func TestEmpty(t *testing.T) {
	for _, f := range Formats {
		got, err := Cite(nil, f, accessed, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f == CSLJSON && strings.TrimSpace(got) != "[]" || f != CSLJSON && got != "" {
			t.Errorf("%s of nothing: %q", f, got)
		}
	}
}

func TestZeroArticleDoesNotPanic(t *testing.T) {
	for _, f := range Formats {
		if _, err := Cite([]archive.Article{{}, {Authors: []string{"", " ", ","}}}, f, time.Time{}, nil); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestBibTeXSentenceCaseKeepsProperNouns: a title in sentence case tells
// its proper nouns by their capitals, and they are braced, so that
// biblatex-apa, which sets titles in sentence case, keeps them (it
// printed "Interview with newsweek on israel's views on the war in
// syria", "It's not isil's returning terrorists…"); a capital starting a
// sentence or subtitle inside a title is braced in any title (it printed
// "…has evolved. have our defences?"). A title in Title Case is left as
// it was: its capitals say nothing of proper nouns. The bundled
// archive's titles, as `folio cite --all -f bibtex` writes them.
func TestBibTeXSentenceCaseKeepsProperNouns(t *testing.T) {
	arch := bundled(t)
	bib := BibTeXEntries(arch.Articles, accessed, nil)
	for _, want := range []string{
		"title        = {Interview with {Newsweek} on {Israel’s} views on the war in {Syria}},",
		"title        = {It’s not {Isil’s} returning terrorists we should worry about. {It’s} those who are already here},",
		"title        = {Low-level plots like {Parsons Green} need even more vigilance},",
		"title        = {Interview with {Sky News} on the {Parsons Green} attack},",
		"title        = {Interview with the {New York Times} on the {Barcelona} attacks},",
		"title        = {Interview with {The Independent} on the fall of {Raqqa} and {MI5’s} warning},",
		"title        = {Interview with the {Financial Times} on the {PLA Navy’s} visit to the {UK} and {UK}-{China} military relations},",
		"title        = {Interview with {Politico} on al {Muhajiroun} after the {London Bridge} attack},",
		"title        = {Financial {Times}: {How} well prepared is {London} for terrorism?},",
		"title        = {Twelve years on from the 7/7 atrocities, the terror threat has evolved. {Have} our defences?},",
		// sentence case with nothing to keep
		"title        = {Intelligence is fragmented by nature – sometimes terrorists will slip through},",
		// Title Case: left as written, no proper noun told
		"title        = {Why Britain Gets Angry When America Is Casual With Secrets},",
		"title        = {What Policy Changes Are Needed after the Manchester Attack?},",
	} {
		if !strings.Contains(bib, "  "+want+"\n") {
			t.Errorf("no line\n  %s\nin\n%s", want, bib)
		}
	}
	entries, err := bibcheck.Parse(bib)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(arch.Articles) {
		t.Fatalf("%d entries for %d pieces", len(entries), len(arch.Articles))
	}

	for in, want := range map[string]string{
		// Title Case, a subtitle: its first word braced, no other
		"How Britain Votes? A Guide to the Polls": `How Britain Votes? {A} Guide to the Polls`,
		"Why Europe Waits. Then It Acts":          `Why Europe Waits. {Then} It Acts`,
		// an abbreviation's dot starts no sentence
		"U.S. Policy in Syria":              `{U.S}. Policy in Syria`,
		"What J. Smith Saw":                 `What {J}. Smith Saw`,
		"the U.S. policy in Syria is wrong": `the {U.S}. policy in {Syria} is wrong`,
		// all in capitals: every word braced, printed as written
		"ISIS CLAIMS THE ATTACK IN PARIS": `{ISIS CLAIMS THE ATTACK IN PARIS}`,
		// particles and minor words in Title Case say nothing
		"The Rise of Abu Bakr al Baghdadi": `The Rise of Abu Bakr al Baghdadi`,
		// a lower-case word in Title Case: taken for sentence case, kept as written
		"Why Britain is Angry": `Why {Britain} is {Angry}`,
	} {
		if got := bibTitle(in); got != want {
			t.Errorf("bibTitle(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestBibTeXEntrySubtype: a newspaper's or a magazine's article is an
// @article with entrysubtype newspaper or magazine, as folio's CSL-JSON
// types it article-newspaper or article-magazine: without it pandoc read
// an @article as a journal's and printed "The Guardian, May." (the day
// lost), and biblatex-chicago took it for a journal article. A journal's
// article has none; others are no @article.
func TestBibTeXEntrySubtype(t *testing.T) {
	mk := func(outlet string) archive.Article {
		return archive.Article{ID: outlet, Title: "A piece", Authors: []string{"Ann Lee"}, Outlet: outlet, Date: day("2017-05-26")}
	}
	arts := []archive.Article{mk("The Guardian"), mk("The Economist"), mk("Journal of Strategic Studies"), mk("RUSI")}
	arts[3].URL = "https://rusi.org/x"
	bib := BibTeXEntries(arts, accessed, nil)
	entries, err := bibcheck.Parse(bib)
	if err != nil || len(entries) != len(arts) {
		t.Fatalf("%v, %d entries:\n%s", err, len(entries), bib)
	}
	for i, subtype := range []string{"  entrysubtype = {newspaper},\n", "  entrysubtype = {magazine},\n", ""} {
		want := "@article{" + Key(arts[i]) + ",\n  author       = {Lee, Ann},\n  title        = {A piece},\n" +
			"  journaltitle = {" + arts[i].Outlet + "},\n" + subtype + "  date         = {2017-05-26},\n}\n"
		if got := BibTeXEntries(arts[i:i+1], accessed, nil); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", arts[i].Outlet, got, want)
		}
	}
	if _, ok := entries[3].Get("entrysubtype"); ok {
		t.Errorf("a web page has an entrysubtype:\n%s", bib)
	}
	// the bundled archive: every newspaper's article has it
	arch := bundled(t)
	for _, a := range arch.Articles {
		got := BibTeXEntries([]archive.Article{a}, accessed, nil)
		if has := strings.Contains(got, "  entrysubtype = {newspaper},\n"); has != (Classify(a) == Newspaper && strings.HasPrefix(got, "@article{")) {
			t.Errorf("%s (%s):\n%s", a.ID, a.Outlet, got)
		}
	}
	raqqaBib := BibTeXEntries([]archive.Article{piece(t, arch, raqqa)}, accessed, nil)
	if !strings.Contains(raqqaBib, "  journaltitle = {The Telegraph},\n  entrysubtype = {newspaper},\n  date         = {2017-10-19},\n") {
		t.Errorf("raqqa:\n%s", raqqaBib)
	}
}
