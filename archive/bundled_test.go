package archive

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The bundled archive is made by hand from the seed document (the blog page
// "Posts Tagged ‘counter-terrorism’" of raffaellopantucci.com). These tests read
// the files in bundled/ directly, independently of the package's own parser,
// so that they check the content itself.

const (
	btSeedPath = "../testdata/seed/000_45df975f800a4bc8.txt"
	btBlogPage = "https://raffaellopantucci.com/tag/counter-terrorism/"
	btAuthor   = "Raffaello Pantucci"
)

// btSeedChrome lists the only seed lines that are not part of any piece: the
// page heading, and the label WordPress prints over an advertising slot
// between two posts.
var btSeedChrome = map[string]string{
	"Posts Tagged ‘counter-terrorism’": "page heading",
	"Advertisements":                   "WordPress ad-slot label between posts",
}

// btSeedReformed maps the seed lines whose words the page ran together (the
// RUSI page's label and date, and its topic links) to the form the bundled
// archive keeps them in: the same information, separated.
var btSeedReformed = map[string]string{
	"Commentary31 May 2017": "RUSI Commentary, 31 May 2017",
	"UK Counter-terrorismTackling ExtremismSecuring BritainTerrorism": "Topics: UK Counter-terrorism · Tackling Extremism · Securing Britain · Terrorism",
}

type btFront struct {
	Title      string   `yaml:"title"`
	Date       string   `yaml:"date"`
	Authors    []string `yaml:"authors"`
	Outlet     string   `yaml:"outlet"`
	Kind       string   `yaml:"kind"`
	Tags       []string `yaml:"tags"`
	URL        string   `yaml:"url"`
	Source     string   `yaml:"source"`
	Standfirst string   `yaml:"standfirst"`
	Note       string   `yaml:"note"`
}

type btDoc struct {
	Path string // slash path inside bundled/
	btFront
	Body string
}

// btReadBundled reads and splits every Markdown file of bundled/. Unknown
// front-matter keys are an error, so a misspelt key cannot slip through.
func btReadBundled(t *testing.T) []btDoc {
	t.Helper()
	fsys := os.DirFS("bundled")
	var docs []btDoc
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		rest, ok := bytes.CutPrefix(data, []byte("---\n"))
		if !ok {
			t.Errorf("%s: does not start with a --- front-matter line", p)
			return nil
		}
		fm, body, ok := bytes.Cut(rest, []byte("\n---\n"))
		if !ok {
			t.Errorf("%s: front matter is not closed", p)
			return nil
		}
		doc := btDoc{Path: p, Body: string(body)}
		dec := yaml.NewDecoder(bytes.NewReader(fm))
		dec.KnownFields(true)
		if err := dec.Decode(&doc.btFront); err != nil {
			t.Errorf("%s: front matter: %v", p, err)
			return nil
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		t.Fatalf("walking bundled/: %v", err)
	}
	if len(docs) == 0 {
		t.Fatal("bundled/ holds no .md files")
	}
	return docs
}

var btBlankLine = regexp.MustCompile(`\n[ \t]*\n`)

// btParagraphs splits Markdown or a block scalar into paragraphs.
func btParagraphs(s string) []string {
	return btBlankLine.Split(strings.ReplaceAll(s, "\r\n", "\n"), -1)
}

// btNorm strips Markdown emphasis markers and collapses all whitespace
// (including the no-break spaces of the seed) to single spaces.
func btNorm(s string) string {
	s = strings.NewReplacer("*", "", "_", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// TestBundledFidelity proves that every paragraph of the seed (each non-empty
// line, whitespace-normalised) is present in the bundled archive: in a title,
// a standfirst, a note or a body, and within a single paragraph of it.
func TestBundledFidelity(t *testing.T) {
	seed, err := os.ReadFile(btSeedPath)
	if err != nil {
		t.Fatalf("reading the seed copy: %v", err)
	}
	var paras []string
	for _, d := range btReadBundled(t) {
		paras = append(paras, btNorm(d.Title), btNorm(d.Standfirst))
		for _, p := range btParagraphs(d.Note) {
			paras = append(paras, btNorm(p))
		}
		for _, p := range btParagraphs(d.Body) {
			paras = append(paras, btNorm(p))
		}
	}
	corpus := "\x00" + strings.Join(paras, "\x00") + "\x00"

	checked, chrome := 0, 0
	for i, line := range strings.Split(string(seed), "\n") {
		want := btNorm(line)
		if want == "" {
			continue
		}
		if _, ok := btSeedChrome[want]; ok {
			chrome++
			continue
		}
		checked++
		if reformed, ok := btSeedReformed[want]; ok {
			if !strings.Contains(corpus, "\x00"+reformed+"\x00") {
				t.Errorf("seed line %d should be in the bundled archive as %q", i+1, reformed)
			}
			if strings.Contains(corpus, want) {
				t.Errorf("seed line %d is still in the bundled archive with its words run together:\n%s", i+1, want)
			}
			continue
		}
		if !strings.Contains(corpus, want) {
			t.Errorf("seed line %d is missing from the bundled archive:\n%s", i+1, want)
		}
	}
	if chrome != len(btSeedChrome) {
		t.Errorf("found %d of the %d page-chrome lines in the seed; has the seed copy changed?", chrome, len(btSeedChrome))
	}
	if checked < 120 { // the seed has 128 non-empty lines
		t.Errorf("only %d seed paragraphs checked; is %s the full seed?", checked, btSeedPath)
	}
	t.Logf("%d seed paragraphs found in the bundled archive (%d page-chrome lines skipped)", checked, chrome)
}

var (
	btTagRe  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	btDateRe = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
)

// TestBundledShape checks the bundled archive against the facts in
// ../shared/seed/METADATA.md: seven articles with their titles, outlets, dates
// (month precision where the day is unknown) and original URLs, and the media
// interviews named in the blog notes, each filterable by its outlet.
func TestBundledShape(t *testing.T) {
	articles := []struct {
		file, title, date, outlet, url string
	}{
		{"2017-10-19-raqqa-terror-is-here-to-stay.md",
			"It’s not Isil’s returning terrorists we should worry about. It’s those who are already here",
			"2017-10-19", "The Telegraph", ""},
		{"2017-09-parsons-green-low-level-plots.md",
			"Low-level plots like Parsons Green need even more vigilance",
			"2017-09", "London Evening Standard", ""},
		{"2017-08-barcelona-vehicle-attacks-desperate-tactic.md",
			"Using vehicles in crowded streets is a desperate tactic by fanatics struggling to make a lasting impact",
			"2017-08", "London Evening Standard", ""},
		{"2017-07-twelve-years-on-from-7-7.md",
			"Twelve years on from the 7/7 atrocities, the terror threat has evolved. Have our defences?",
			"2017-07", "The Telegraph", ""},
		{"2017-06-07-intelligence-is-fragmented-by-nature.md",
			"Intelligence is fragmented by nature – sometimes terrorists will slip through",
			"2017-06-07", "The Telegraph",
			"https://www.telegraph.co.uk/news/2017/06/07/fact-terrorists-will-sometimes-slip-intelligence-net/"},
		{"2017-05-31-policy-changes-after-manchester.md",
			"What Policy Changes Are Needed after the Manchester Attack?",
			"2017-05-31", "RUSI",
			"https://rusi.org/explore-our-research/publications/commentary/what-policy-changes-are-needed-after-manchester-attack"},
		{"2017-05-26-britain-angry-america-casual-with-secrets.md",
			"Why Britain Gets Angry When America Is Casual With Secrets",
			"2017-05-26", "The New York Times", ""},
	}
	// Outlets of the interviews named in the blog notes, with how many each.
	interviewOutlets := map[string]int{
		"The Independent": 2, "The Wall Street Journal": 1, "Arab News": 1, "Financial Times": 2,
		"Sky News": 2, "Politico": 1, "The National": 1, "Newsweek": 1, "ABC": 1, "ITV": 1,
		"The New York Times": 1, "The Washington Post": 1, "The Guardian": 1, "The Globe and Mail": 1,
	}

	docs := btReadBundled(t)
	byPath := map[string]btDoc{}
	var topLevel []string
	gotOutlets := map[string]int{}
	for _, d := range docs {
		byPath[d.Path] = d

		// Every file.
		if d.Title == "" {
			t.Errorf("%s: no title", d.Path)
		}
		if !btDateRe.MatchString(d.Date) {
			t.Errorf("%s: date %q is not YYYY-MM-DD or YYYY-MM", d.Path, d.Date)
		}
		if !slices.Equal(d.Authors, []string{btAuthor}) {
			t.Errorf("%s: authors = %q, want [%s]", d.Path, d.Authors, btAuthor)
		}
		if d.Source != btBlogPage {
			t.Errorf("%s: source = %q, want %q", d.Path, d.Source, btBlogPage)
		}
		if !slices.Contains(d.Tags, "counter-terrorism") {
			t.Errorf("%s: tags %q lack counter-terrorism", d.Path, d.Tags)
		}
		seen := map[string]bool{}
		for _, tag := range d.Tags {
			if !btTagRe.MatchString(tag) {
				t.Errorf("%s: tag %q is not lower-case and hyphenated", d.Path, tag)
			}
			if seen[tag] {
				t.Errorf("%s: tag %q twice", d.Path, tag)
			}
			seen[tag] = true
		}
		if d.URL != "" && !strings.HasPrefix(d.URL, "https://") {
			t.Errorf("%s: url %q is not https", d.Path, d.URL)
		}
		if strings.TrimSpace(d.Body) == "" {
			t.Errorf("%s: empty body", d.Path)
		}
		for _, p := range btParagraphs(d.Body) {
			if btNorm(p) == btNorm(d.Title) || strings.HasPrefix(strings.TrimSpace(p), "# ") {
				t.Errorf("%s: the headline is repeated in the body: %q", d.Path, p)
			}
		}

		switch dir := path.Dir(d.Path); dir {
		case ".":
			topLevel = append(topLevel, d.Path)
			if d.Kind != KindArticle {
				t.Errorf("%s: kind = %q, want %q", d.Path, d.Kind, KindArticle)
			}
			if n := len(d.Tags); n < 4 || n > 8 {
				t.Errorf("%s: %d tags, want 4 to 8", d.Path, n)
			}
			if strings.TrimSpace(d.Note) == "" {
				t.Errorf("%s: no note (the blog's own note on the piece)", d.Path)
			}
		case "interviews":
			if d.Kind != KindInterview {
				t.Errorf("%s: kind = %q, want %q", d.Path, d.Kind, KindInterview)
			}
			if d.URL != "" {
				t.Errorf("%s: an interview has no known url, got %q", d.Path, d.URL)
			}
			if _, ok := interviewOutlets[d.Outlet]; !ok {
				t.Errorf("%s: outlet %q is not one of the interview outlets", d.Path, d.Outlet)
			}
			gotOutlets[d.Outlet]++
			// Interviews are dated by the blog post that names them (month
			// precision), except the FT report whose day is known.
			if d.Date != "2017-10-03" && len(d.Date) != len("2017-10") {
				t.Errorf("%s: date %q invents a day", d.Path, d.Date)
			}
		default:
			t.Errorf("%s: unexpected folder %q", d.Path, dir)
		}
	}

	var wantTop []string
	for _, a := range articles {
		wantTop = append(wantTop, a.file)
		d, ok := byPath[a.file]
		if !ok {
			t.Errorf("missing article %s", a.file)
			continue
		}
		if d.Title != a.title {
			t.Errorf("%s: title = %q, want %q", a.file, d.Title, a.title)
		}
		if d.Date != a.date {
			t.Errorf("%s: date = %q, want %q", a.file, d.Date, a.date)
		}
		if d.Outlet != a.outlet {
			t.Errorf("%s: outlet = %q, want %q", a.file, d.Outlet, a.outlet)
		}
		if d.URL != a.url {
			t.Errorf("%s: url = %q, want %q", a.file, d.URL, a.url)
		}
	}
	slices.Sort(wantTop)
	slices.Sort(topLevel)
	if !slices.Equal(topLevel, wantTop) {
		t.Errorf("top-level files = %q, want the seven articles %q", topLevel, wantTop)
	}

	for outlet, n := range interviewOutlets {
		if gotOutlets[outlet] != n {
			t.Errorf("%d interviews with outlet %q, want %d", gotOutlets[outlet], outlet, n)
		}
	}
	if gotOutlets["Financial Times"] == 0 {
		t.Error(`no interview has outlet "Financial Times"`)
	}
}
