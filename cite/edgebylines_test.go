package cite

import (
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/bibcheck"
)

// edgeBylines are bylines a review found cited wrong, with the exact
// biblatex author field folio writes for them and the citation key of a
// piece titled "Lists" of 2020 (a researcher pastes both into LaTeX).
var edgeBylines = []struct {
	byline, author, key string
}{
	// " for " in an organisation's name is part of it (a review: cited
	// as "Center"); after a person's name it starts an affiliation
	{"Center for Strategic and International Studies", "{Center for Strategic and International Studies}", "center2020lists"},
	{"Institute for the Study of War", "{Institute for the Study of War}", "institute2020lists"},
	{"Physicians for Human Rights", "{Physicians for Human Rights}", "physicians2020lists"},
	{"Russ Cox, for the Go team", "Cox, Russ", "cox2020lists"},
	{"Jane Smith for Amnesty International", "Smith, Jane", "smith2020lists"},
	{"Ann Lee, Center for Strategic and International Studies", "Lee, Ann", "lee2020lists"},
	// a byline in capitals is read as the same in mixed case (a review:
	// one literal, keyed by its first word)
	{"ANN, BO AND CY LEE", "Lee, Ann and Lee, Bo and Lee, Cy", "lee2020lists"},
	{"Ann, Bo and Cy Lee", "Lee, Ann and Lee, Bo and Lee, Cy", "lee2020lists"},
	{"ANN LEE, BO CHAN AND CY DEE", "Lee, Ann and Chan, Bo and Dee, Cy", "lee2020lists"},
	{"BBC, REUTERS AND AP", "{BBC, REUTERS AND AP}", "bbc2020lists"},
	{"RUSI", "{RUSI}", "rusi2020lists"},
	// Vancouver's style: a family name, then initials (a review: family
	// name "A", given name "Lee", key a2020…)
	{"Lee A, Chan B", "Lee, A. and Chan, B.", "lee2020lists"},
	{"Lee AB, Chan B, Dee C", "Lee, A. B. and Chan, B. and Dee, C.", "lee2020lists"},
	{"Lee A", "Lee, A.", "lee2020lists"},
	{"van Dyke C, Lee A. B.", "van Dyke, C. and Lee, A. B.", "dyke2020lists"},
	{"Lee A, Chan B, et al.", "Lee, A. and Chan, B. and others", "lee2020lists"},
	{"JANIE HAR", "Har, Janie", "har2020lists"},
	{"Ann LEE", "LEE, Ann", "lee2020lists"},
	{"Lee JRR", "Lee, J. R. R.", "lee2020lists"},
	{"Rowling, JK", "Rowling, JK", "rowling2020lists"},
	// titles, honours and ranks before a name are dropped, several at
	// once, and so is a degree after a name in a list (a review: "Lee,
	// Dr. Ann", given names "Sir Ann", "Gen. Ann"; family name MD)
	{"Gen. Ann Lee", "Lee, Ann", "lee2020lists"},
	{"Sir Winston Churchill", "Churchill, Winston", "churchill2020lists"},
	{"Lord Ann Lee", "Lee, Ann", "lee2020lists"},
	{"Prof. Dr. Ann Lee", "Lee, Ann", "lee2020lists"},
	{"Lt. Col. Ann Lee and Dame Bo Chan", "Lee, Ann and Chan, Bo", "lee2020lists"},
	{"Gen Hoshino", "Hoshino, Gen", "hoshino2020lists"},
	{"Ann Lee MD", "Lee, Ann", "lee2020lists"},
	{"Ann Lee MD and Bo Chan", "Lee, Ann and Chan, Bo", "lee2020lists"},
	{"Ann Lee MD, Bo Chan", "Lee, Ann and Chan, Bo", "lee2020lists"},
	{"Mr. and Mrs. Smith", "{Mr. and Mrs. Smith}", "mr2020lists"},
	// a character reference is text, its ";" no separator (a review:
	// "{Ann \&\#27}", Lee lost)
	{"Ann &#27; Lee", `Lee, Ann \&\#27;`, "lee2020lists"},
	{"Ann&#27;Lee", `Ann\&\#27;Lee`, "ann27lee2020lists"},
	{"Ann Lee&#x202e;", `Lee\&\#x202e;, Ann`, "leex202e2020lists"},
	{"Lee, Ann; Chan, Bo", "Lee, Ann and Chan, Bo", "lee2020lists"},
}

// TestEdgeBylines: each byline's author field and key are exactly those
// expected, and BibTeX reads the field back whole (bibcheck.Parse).
func TestEdgeBylines(t *testing.T) {
	for _, c := range edgeBylines {
		a := archive.Article{ID: "x", Title: "Lists", Authors: []string{c.byline}, Outlet: "Times", Date: day("2020-01-02")}
		entries, err := bibcheck.Parse(BibTeXEntries([]archive.Article{a}, accessed, nil))
		if err != nil || len(entries) != 1 {
			t.Fatalf("%q: %v", c.byline, err)
		}
		if got, _ := entries[0].Get("author"); got != c.author {
			t.Errorf("%q: author = {%s}, want {%s}", c.byline, got, c.author)
		}
		if got := entries[0].Key; got != c.key {
			t.Errorf("%q: key %s, want %s", c.byline, got, c.key)
		}
	}
}
