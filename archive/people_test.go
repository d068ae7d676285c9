package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// People reads bylines as cite does, into the people the author facet
// counts: one person however a byline writes them, two for a byline of
// two, no one for "et al." alone.
func TestPeople(t *testing.T) {
	for _, c := range []struct {
		authors []string
		outlet  string
		want    []string
	}{
		{[]string{"Ann Lee"}, "", []string{"Ann Lee"}},
		{[]string{"ANN LEE"}, "", []string{"Ann Lee"}},
		{[]string{"Lee, Ann"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Contributor"}, "", []string{"Ann Lee"}},
		{[]string{"By Ann Lee | Bloomberg"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Bloomberg"}, "", []string{"Ann Lee"}},
		{[]string{"Opinion by Ann Lee"}, "", []string{"Ann Lee"}},
		// an outlet's section after its name (a byline of two people
		// before: "Bloomberg Opinion" a person)
		{[]string{"Ann Lee, Bloomberg Opinion"}, "Bloomberg", []string{"Ann Lee"}},
		{[]string{"Ann Lee, CNN Business"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Bloomberg Lee"}, "", []string{"Ann Lee", "Bloomberg Lee"}},
		// an attack's: a plural role after several, an inverted name in
		// capitals, a web address
		{[]string{"Ann Lee and Bo Chan, Contributors"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Fellows"}, "", []string{"Ann Fellows"}},
		{[]string{"LEE, ANN"}, "", []string{"Ann Lee"}},
		{[]string{"CNN, BBC"}, "", []string{"CNN, BBC"}},
		{[]string{"https://x.com/ann"}, "", []string{"https://x.com/ann"}},
		{[]string{"Ann Lee, https://x.com/ann"}, "", []string{"Ann Lee"}},
		{[]string{"x.com/ann"}, "", []string{"x.com/ann"}},
		// a researcher's day: a role of two words after a name beside
		// another, a legislator's party and state, a full stop ending a
		// scraped byline
		{[]string{"Jane Doe, Deputy Editor, and John Roe, Senior Correspondent"}, "", []string{"Jane Doe", "John Roe"}},
		{[]string{"Rep. John Roe, R-Texas"}, "", []string{"John Roe"}},
		{[]string{"Jane Doe.", "Jane Doe"}, "", []string{"Jane Doe"}},
		{[]string{"Ann Lee Jr."}, "", []string{"Ann Lee Jr."}},
		{[]string{"Ann Wu.", "Ann Wu"}, "", []string{"Ann Wu"}},
		{[]string{"Acme Co."}, "", []string{"Acme Co."}},
		{[]string{"Ann Lee and Bo Chan"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"ANN LEE WITH BO CHAN"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee", "ann lee"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee et al."}, "", []string{"Ann Lee"}},
		{[]string{"et al."}, "", nil},
		{[]string{"Reuters"}, "", []string{"Reuters"}},
		{[]string{"The Editorial Board"}, "", []string{"The Editorial Board"}},
		{[]string{"山田 太郎"}, "", []string{"山田 太郎"}},
		{[]string{"Ann Lee and Bo Chan for Reuters"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee, Stanford and Bo Chan, Vox"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee and Bo Chan, Foreign Policy"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee and Bo Chan, Lawfare"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee, Bo Chan, Lawfare", "Cy Dee, Lawfare"}, "", []string{"Ann Lee", "Bo Chan", "Cy Dee"}},
		{[]string{"Ann Lee and Bo Chan, Kristin"}, "", []string{"Ann Lee", "Bo Chan", "Kristin"}},
		// several, each of its own (an attack: the person "Kristin,
		// Kristin Bo Chan")
		{[]string{"ANN LEE AND BO CHAN, KRISTIN, KRISTIN"}, "", []string{"Ann Lee", "Bo Chan", "Kristin"}},
		{[]string{"Ann Lee and Bo Chan, Kristin, Megan", "Ann Lee and Bo Chan, Kristin and Megan"}, "", []string{"Ann Lee", "Bo Chan", "Kristin", "Megan"}},
		// and after one full name, in capitals as in mixed case (a review:
		// the person Nicole Ann Lee)
		{[]string{"ANN LEE, NICOLE", "Ann Lee, Nicole"}, "", []string{"Ann Lee", "Nicole"}},
		{[]string{"DAVID SMITH, KRISTIN", "ANN LEE, MARIA", "ANN LEE, SARAH"}, "", []string{"David Smith", "Kristin", "Ann Lee", "Maria", "Sarah"}},
		{[]string{"Scott Thomas, Kristin", "SCOTT THOMAS, KRISTIN"}, "", []string{"Kristin Scott Thomas"}},
		{[]string{"Lee, Ann and Le Monde"}, "", []string{"Ann Lee", "Le Monde"}},
		{[]string{"Ann Lee, Foreign Policy and Bo Chan"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee, War on the Rocks and Bo Chan"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee, Bo Chan, Harvard Law"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"BMW AG"}, "", []string{"BMW AG"}},
		{[]string{"DOE, JANE, SIEMENS AG"}, "", []string{"Jane Doe"}},
		{[]string{"ANN LEE AND SIEMENS AG"}, "", []string{"Ann Lee", "SIEMENS AG"}},
		{[]string{"ANN LEE, SIEMENS AG AND BO CHAN"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"SIEMENS AG AND ANN LEE"}, "", []string{"SIEMENS AG", "Ann Lee"}},
		// so in a byline not in capitals, and in a script without them
		// (an attack: the people Siemens Ag and 東芝 AG read AG, 東芝)
		{[]string{"Ann Lee and SIEMENS AG"}, "", []string{"Ann Lee", "SIEMENS AG"}},
		{[]string{"東芝 AG and Ann Lee"}, "", []string{"東芝 AG", "Ann Lee"}},
		{[]string{"Robert Bosch GmbH and Philips N.V."}, "", []string{"Robert Bosch GmbH", "Philips N.V."}},
		{[]string{"Ann Lee and Robert Bosch GmbH"}, "", []string{"Ann Lee", "Robert Bosch GmbH"}},
		// a firm first, a comma, then people (an attack: Ann Lee lost)
		{[]string{"Robert Bosch GmbH, Ann Lee", "Siemens AG, Ann Lee, Bo Chan"}, "", []string{"Robert Bosch GmbH", "Ann Lee", "Siemens AG", "Bo Chan"}},
		// a firm named after its founder is one (a review: John Wiley and
		// Sons Inc.)
		{[]string{"John Wiley and Sons Inc.", "JOHN WILEY AND SONS INC"}, "", []string{"John Wiley and Sons Inc."}},
		{[]string{"William Grant & Sons Ltd", "William Grant and Sons Ltd"}, "", []string{"William Grant & Sons Ltd", "William Grant and Sons Ltd"}},
		{[]string{"John Smith and Sons Ltd", "John Lewis and Partners Ltd"}, "", []string{"John Smith and Sons Ltd", "John Lewis and Partners Ltd"}},
		{[]string{"Shell plc and BP plc"}, "", []string{"Shell plc", "BP plc"}},
		{[]string{"ANN LEE IN KYIV AND BO CHAN IN LONDON", "Ann Lee In Kyiv"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"ANN LEE IN KYIV AND IN LVIV", "Ann Lee in Kyiv & in Lviv and Bo Chan"}, "", []string{"Ann Lee", "Bo Chan"}},
		// a dateline place's words in lower case after it are the place's
		// (a review: the one author "region, Ann Lee")
		{[]string{"Ann Lee in Kyiv and in Kherson region", "Ann Lee in Beirut and in Tyre province", "Ann Lee in Kherson oblast, Bo Chan in Lviv region"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee In Kyiv And Bo Chan In London", "Procter And Gamble"}, "", []string{"Ann Lee", "Bo Chan", "Procter And Gamble"}},
		// "With" capitalised joins as "And" does (a review: the place cut,
		// "Ann Lee In Kyiv With Bo Chan" was one organisation {Ann Lee With
		// Bo Chan}, a name no byline wrote)
		{[]string{"Ann Lee In Kyiv With Bo Chan", "Ann Lee With Bo Chan In London"}, "", []string{"Ann Lee", "Bo Chan"}},
		// agencies alone after a comma are the affiliation, each of them
		// (a review: "Ann Lee, Reuters and AFP" was Ann Lee and AFP,
		// Reuters dropped)
		{[]string{"Ann Lee, Reuters and AFP"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Bo Chan, Reuters and AFP"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee, Bo Chan and Reuters"}, "", []string{"Ann Lee", "Bo Chan", "Reuters"}},
		{[]string{"Ann Lee, Bo Chan, and Reuters", "Ann Lee, Bo Chan, & Reuters"}, "", []string{"Ann Lee", "Bo Chan", "Reuters"}},
		{[]string{"CITIZENS FOR RESPONSIBILITY AND ETHICS IN WASHINGTON", "ANN LEE FOR REUTERS"}, "", []string{"CITIZENS FOR RESPONSIBILITY AND ETHICS IN WASHINGTON", "Ann Lee"}},
		{[]string{"Ann Lee, Bo Chan, Kristin", "ANN LEE, BO CHAN, KRISTIN"}, "", []string{"Ann Lee", "Bo Chan", "Kristin"}},
		{[]string{"Ann Lee, Bo Chan and Kristin", "Ann Lee, Bo Chan, and Kristin"}, "", []string{"Ann Lee", "Bo Chan", "Kristin"}},
		// an organisation after "for … and" and a town after an
		// affiliation are no authors (a review and an attack of 45a's
		// "for" rule and Florence, undone: World Vision, "Washington,
		// Ethics In", Villa I Tatti and Florence were authors)
		{[]string{"Ann Lee for UNICEF and World Vision", "ANN LEE FOR CITIZENS FOR RESPONSIBILITY AND ETHICS IN WASHINGTON"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Villa I Tatti, Florence", "ANN LEE, FLORENCE", "Ann Lee for Bloomberg and Ann Arbor"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Bo Chan, Florence Times", "Ann Lee and Bo Chan, Florence"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee and Reuters", "Ann Lee, Bo Chan and AP"}, "", []string{"Ann Lee", "Reuters", "Bo Chan", "AP"}},
		{[]string{"Lee, Ann and Reuters", "Chan, Bo and Robert Bosch GmbH"}, "", []string{"Ann Lee", "Reuters", "Bo Chan", "Robert Bosch GmbH"}},
		{[]string{"Lee, Ann, Bo Chan and Reuters", "Dee, Cy, Scott Thomas, Kristin"}, "", []string{"Ann Lee", "Bo Chan", "Reuters", "Cy Dee", "Scott Thomas", "Kristin"}},
		{[]string{"Siemens AG and Volvo AB"}, "", []string{"Siemens AG", "Volvo AB"}},
		{[]string{"SIEMENS AG AND BMW AG"}, "", []string{"SIEMENS AG", "BMW AG"}},
		{[]string{"Doe, Jane, Siemens AG"}, "", []string{"Jane Doe"}},
		{[]string{"Kim, Jong Un"}, "", []string{"Kim Jong Un"}},
		{[]string{"Kim, Jong-un"}, "", []string{"Kim Jong-un"}},
		{[]string{"Xi Jinping"}, "", []string{"Xi Jinping"}},
		// read given name first, a name is shown so, whatever its words
		// (a review: Chen Diane, and Lee Chan and Chan Lee one person)
		{[]string{"Diane Chen", "Anne Wang and Sean Li"}, "", []string{"Diane Chen", "Anne Wang", "Sean Li"}},
		{[]string{"Lee Chan", "Chan Lee"}, "", []string{"Lee Chan", "Chan Lee"}},
		{[]string{"Chen, Dana"}, "", []string{"Dana Chen"}},
		// inverted, a given name in pinyin no Western one is spelt like
		// is the same person as written family name first (an attack: two
		// people, Jinping Xi and Xi Jinping)
		{[]string{"Xi, Jinping", "Xi Jinping"}, "", []string{"Xi Jinping"}},
		{[]string{"DENG, XIAOPING"}, "", []string{"Deng Xiaoping"}},
		// Wen is such a family name (a task: Jiabao Wen and Wen Jiabao
		// two people, the second family name Jiabao)
		{[]string{"Wen, Jiabao", "Wen Jiabao", "WEN JIABAO"}, "", []string{"Wen Jiabao"}},
		{[]string{"Wen, Susan", "Ann Wen"}, "", []string{"Susan Wen", "Ann Wen"}},
		{[]string{"Hu, Jintao"}, "", []string{"Hu Jintao"}},
		{[]string{"Wang, Susan", "Zhang, Bianca", "Chen, Heidi"}, "", []string{"Susan Wang", "Bianca Zhang", "Heidi Chen"}},
		{[]string{"Li, Keqiang", "Jiang, Zemin", "Liu, Xiaobo"}, "", []string{"Li Keqiang", "Jiang Zemin", "Liu Xiaobo"}},
		// Western given names in pinyin's letters, marked syllables and
		// all, stay given name first (a review: "Chen, Juliana" was Chen
		// Juliana, another person than Juliana Chen)
		{[]string{"Chen, Juliana", "Juliana Chen"}, "", []string{"Juliana Chen"}},
		{[]string{"Wang, Juliane", "Li, Liana", "Zhang, Paola", "Chen, Zane", "Lin, Zina"}, "", []string{"Juliane Wang", "Liana Li", "Paola Zhang", "Zane Chen", "Zina Lin"}},
		{[]string{"Wang, Zena", "Chen, Henning", "Wang, Channing", "Li, Qiana", "Chen, Julia"}, "", []string{"Zena Wang", "Henning Chen", "Channing Wang", "Qiana Li", "Julia Chen"}},
		{[]string{"Ann Lee and Bo Chan, SIEMENS AG"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"ANN LEE, BO CHAN, SIEMENS AG"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Maria Lopez, John Smith, Luigi Di Maio"}, "", []string{"Maria Lopez", "John Smith", "Luigi Di Maio"}},
		{[]string{"Maria Lopez, Martin Luther King Jr."}, "", []string{"Maria Lopez", "Martin Luther King Jr."}},
		{[]string{"Ann Lee, Van Nuys"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Bo Chan, Del Mar"}, "", []string{"Ann Lee", "Bo Chan"}},
		{[]string{"Ann Lee, Charles Schwab, Dallas"}, "", []string{"Ann Lee"}},
		{[]string{"Ann Lee, Bo Chan, Cy Dee, Di Eve"}, "", []string{"Ann Lee", "Bo Chan", "Cy Dee", "Di Eve"}},
		{[]string{"SMITH, John and DOE, Jane"}, "", []string{"John Smith", "Jane Doe"}},
		{[]string{"SMITH, John/DOE, Jane", "SMITH, John, DOE, Jane"}, "", []string{"John Smith", "Jane Doe"}},
		{[]string{"NG, Andrew", "Andrew Ng"}, "", []string{"Andrew Ng"}},
		{[]string{"Covington & Burling LLP", "Siemens AG"}, "", []string{"Covington & Burling LLP", "Siemens AG"}},
		{[]string{"Banco Santander S.A.", "Philips N.V."}, "", []string{"Banco Santander S.A.", "Philips N.V."}},
		{[]string{"Nestlé S.A. and Philips N.V."}, "", []string{"Nestlé S.A.", "Philips N.V."}},
		{nil, "The Times", nil},
	} {
		a := Article{Authors: c.authors, Outlet: c.outlet}
		if got := People(a); !slices.Equal(got, c.want) {
			t.Errorf("People(%q) = %q, want %q", c.authors, got, c.want)
		}
		// the memo answers as the reading does, and its answer is the
		// caller's to change
		if got := People(a); !slices.Equal(got, c.want) {
			t.Errorf("People(%q) again = %q, want %q", c.authors, got, c.want)
		} else if len(got) > 0 {
			got[0] = "changed"
			if again := People(a); !slices.Equal(again, c.want) {
				t.Errorf("People(%q) after a caller changed its answer = %q", c.authors, again)
			}
		}
	}
}

// A filter's authors are people: a byline as written picks the person it
// names, one of several picks each piece by them, and a byline of several
// the pieces by all of them; ManyAuthors counts people too.
func TestFilterKeepsPeople(t *testing.T) {
	arts := []Article{
		{ID: "a", Authors: []string{"Ann Lee"}},
		{ID: "b", Authors: []string{"ANN LEE, Contributor"}},
		{ID: "c", Authors: []string{"Ann Lee and Bo Chan"}},
		{ID: "d", Authors: []string{"Bo Chan"}},
		{ID: "e", Authors: []string{"et al."}},
		{ID: "f"},
	}
	ids := func(as []Article) (out []string) {
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	for _, c := range []struct {
		authors []string
		want    []string
	}{
		{[]string{"Ann Lee"}, []string{"a", "b", "c"}},
		{[]string{"ann lee"}, []string{"a", "b", "c"}},
		{[]string{"Ann Lee, Contributor"}, []string{"a", "b", "c"}},
		{[]string{"Bo Chan"}, []string{"c", "d"}},
		{[]string{"Ann Lee and Bo Chan"}, []string{"c"}},
		{[]string{"Ann Lee & Zed Roe"}, nil},
		{[]string{"Lee"}, []string{"a", "b", "c"}},
		{[]string{NoAuthor}, []string{"e", "f"}},
		// a saved search's value from when the facet counted bylines:
		// the piece's outlet made Guardian an affiliation, and et al.
		// named no one
		{[]string{"Ann Lee, Guardian"}, []string{"a", "b", "c"}},
		{[]string{"Lee, Ann, Times"}, []string{"a", "b", "c"}},
		{[]string{"et al."}, []string{"e", "f"}},
		{[]string{"Zed Roe, Guardian"}, nil},
		// a person after the comma is no affiliation to leave out (a
		// review: Ann Lee's pieces)
		{[]string{"Ann Lee, Zed Roe"}, nil},
		{[]string{"Bo Chan, Ann Lee, Zed Roe"}, nil},
		{[]string{"Bo Chan", NoAuthor}, []string{"c", "d", "e", "f"}},
	} {
		if got := ids(Filter{Authors: c.authors}.Keep(arts)); !slices.Equal(got, c.want) {
			t.Errorf("--author %q keeps %v, want %v", c.authors, got, c.want)
		}
	}
	if ManyAuthors(arts[:2]) {
		t.Error("ManyAuthors: Ann Lee and ANN LEE, Contributor are one person")
	}
	if !ManyAuthors(arts[2:3]) {
		t.Error("ManyAuthors: Ann Lee and Bo Chan are two people")
	}
}

// People's work grows with the names a piece has, not their square (an
// attack: 200 bylines of 70 names each took 48.7 s, each name compared
// with every one kept, folded again each time): counted in allocations.
func TestPeopleOfManyNamesIsLinear(t *testing.T) {
	var authors []string
	for i := range 40 {
		var names []string
		for j := range 50 {
			names = append(names, fmt.Sprintf("Ann%s Lee%s", letters(i), letters(j)))
		}
		authors = append(authors, strings.Join(names, ", "))
	}
	a := Article{Authors: authors}
	if n := len(readPeople(a)); n != 2000 {
		t.Fatalf("%d people, want 2000", n)
	}
	// compared pairwise, 2,000 names were folded some 2 million times:
	// 12.1 million allocations, against 136 thousand read once each
	if allocs := testing.AllocsPerRun(1, func() { readPeople(a) }); allocs > 1_000_000 {
		t.Errorf("%.0f allocations for 2,000 names", allocs)
	}
}

// letters writes n in the letters a to z ("a", "b", ... "ba").
func letters(n int) string {
	s := string(rune('a' + n%26))
	for n /= 26; n > 0; n /= 26 {
		s = string(rune('a'+n%26)) + s
	}
	return s
}

// An inverted name is read as the person it names before its words are
// matched in a row (a review: "Lee, Ann" picked Lee Ann Womack).
func TestPickAuthorsReadsTheNameFirst(t *testing.T) {
	known := []string{"Ann Lee", "Lee Ann Womack", "Lee"}
	if got, _ := PickAuthors("Lee, Ann", known, nil); !slices.EqualFunc(got, [][]string{{"Ann Lee"}}, slices.Equal) {
		t.Errorf("Lee, Ann: %q", got)
	}
	if got, _ := PickAuthors("Lee, Zed", known, nil); got != nil {
		t.Errorf("Lee, Zed: %q, want nothing", got)
	}
	if got, _ := PickAuthors("lee", known, nil); !slices.EqualFunc(got, [][]string{{"Lee"}}, slices.Equal) {
		t.Errorf("lee: %q", got)
	}
}

// A byline of credits or affiliations is read in time linear in its
// length: dropCredits listed every credit again after stripping each
// ("Photos by " 2,000 times took 10.9 s, "Text: " 2,000 times 4.9 s: an
// attack), and dropOfAffiliation read the whole byline before and after
// each "of" and rebuilt it at each drop ("Ann Lee of counsel, " 1,000
// times 1.2 s). Counted by allocations: twice the parts, about twice the
// allocations (four times when quadratic).
// A byline's agency credits after "/" are read once each: the bytes
// allocated double with the byline, not quadruple (a review: each credit
// lowered the whole rest of the byline, 8,000 took 8.2 s).
func TestSlashCreditsReadInLinearTime(t *testing.T) {
	allocated := func(n int) uint64 {
		s := strings.Repeat("Ann Lee/AP x ", n) + "Bo Chan"
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		dropSlashCredits(s)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, big := allocated(1000), allocated(2000)
	t.Logf("%d bytes allocated for 1,000 credits, %d for 2,000", small, big)
	if big > 3*small {
		t.Errorf("quadratic: %d bytes for 1,000 credits, %d for 2,000", small, big)
	}
}

func TestCreditsReadInLinearTime(t *testing.T) {
	for _, credit := range []string{"Photos by ", "Text: ", "Reporting by Ann Lee; ", "Ann Lee of counsel, ", "Ann Lee of the Sierra Club and ", "Ann Lee for the Sierra Club and "} {
		allocs := func(n int) float64 {
			s := strings.Repeat(credit, n) + "Bo Chan"
			return testing.AllocsPerRun(1, func() { byline(s, "") })
		}
		small, big := allocs(400), allocs(800)
		t.Logf("%q: %v allocations for 400 credits, %v for 800", credit, small, big)
		if big > 3*small {
			t.Errorf("%q: quadratic", credit)
		}
	}
}

// A list row's byline: one, two, or the first and "et al."; an author
// "et al." or "and others" last is that "et al." (an attack: "Ann Lee and
// et al." in folio list).
func TestBylineOfARow(t *testing.T) {
	for _, c := range []struct {
		authors []string
		want    string
	}{
		{nil, ""},
		{[]string{"Ann Lee"}, "Ann Lee"},
		{[]string{"Ann Lee", "Bo Chan"}, "Ann Lee and Bo Chan"},
		{[]string{"Ann Lee", "Bo Chan", "Cy Dee"}, "Ann Lee et al."},
		{[]string{"Ann Lee", "et al."}, "Ann Lee et al."},
		{[]string{"Ann Lee", "Bo Chan", "and others"}, "Ann Lee et al."},
		{[]string{"Ann Lee", " Et Al "}, "Ann Lee et al."},
		{[]string{"et al."}, "et al."},
		{[]string{"Ann Lee", "Al Others"}, "Ann Lee and Al Others"},
	} {
		if got := Byline(c.authors); got != c.want {
			t.Errorf("%q: %q, want %q", c.authors, got, c.want)
		}
	}
}

// A byline written one name a line (a block scalar, TOML's multi-line
// string, a list's item, a {name:} map) names each (an attack: "Ann Lee
// Bo Chan" one person in folio stats), read from files as folio reads them.
func TestLineBreaksInABylineSeparateNames(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"block.md":  "---\ntitle: A\ndate: 2020-01-01\nauthor: |\n  Ann Lee\n  Bo Chan\n---\nText.\n",
		"folded.md": "---\ntitle: B\ndate: 2020-01-01\nauthor: >\n  Ann Lee\n  and Bo Chan\n---\nText.\n",
		"toml.md":   "+++\ntitle = \"C\"\ndate = 2020-01-01\nauthor = \"\"\"\nAnn Lee\nBo Chan\n\"\"\"\n+++\nText.\n",
		"list.md":   "---\ntitle: D\ndate: 2020-01-01\nauthors: [\"Ann Lee\\u2028Bo Chan\", Cy Dee]\n---\nText.\n",
		"map.md":    "---\ntitle: E\ndate: 2020-01-01\nauthors:\n  - name: \"Ann Lee\\nBo Chan\"\n---\nText.\n",
		// a line of one word joins its neighbours, as every line did
		// before: nothing lost (a review: "Ann Lee\nMadonna" was Ann Lee
		// alone, "Cher\nBono\nSting" lost Sting)
		"one.md":   "---\ntitle: F\ndate: 2020-01-01\nauthor: \"Ann Lee\\nMadonna\"\n---\nText.\n",
		"three.md": "---\ntitle: G\ndate: 2020-01-01\nauthor: \"Cher\\nBono\\nSting\"\n---\nText.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ar, probs, err := Open(dir)
	if err != nil || len(ar.Articles) != len(files) {
		t.Fatalf("Open: %v %v, %d pieces", err, probs, len(ar.Articles))
	}
	want := map[string][]string{
		"block.md":  {"Ann Lee", "Bo Chan"},
		"folded.md": {"Ann Lee", "Bo Chan"},
		"toml.md":   {"Ann Lee", "Bo Chan"},
		"list.md":   {"Ann Lee", "Bo Chan", "Cy Dee"},
		"map.md":    {"Ann Lee", "Bo Chan"},
		"one.md":    {"Ann Lee Madonna"},
		"three.md":  {"Cher Bono Sting"},
	}
	for _, a := range ar.Articles {
		if got := People(a); !slices.Equal(got, want[a.Path]) {
			t.Errorf("%s (authors %q): people %q, want %q", a.Path, a.Authors, got, want[a.Path])
		}
	}
}
