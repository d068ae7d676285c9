package archive

import (
	"slices"
	"testing"
)

// One person spelt as bylines spell them is one key; what names another
// person stays another (NOTES, Counts: "George W Bush" in SOTU and "George
// W. Bush" on the web were two rows, two counts and two filters).
func TestPersonAndOutletKeys(t *testing.T) {
	for _, c := range []struct {
		a, b   string
		person bool // PersonKey, else OutletKey
		same   bool
	}{
		{"George W Bush", "George W. Bush", true, true},
		{"George W Bush", "GEORGE W. BUSH", true, true},
		{"G.W. Bush", "G. W. Bush", true, true},
		{"G.W. Bush", "G W Bush", true, true},
		{"J.R.R. Tolkien", "J. R. R. Tolkien", true, true},
		{"Jean-Paul Sartre", "Jean Paul Sartre", true, true},
		{"Jean‐Paul Sartre", "Jean Paul Sartre", true, true}, // U+2010
		{"J.-P. Sartre", "J. P. Sartre", true, true},
		{"Mary-Kate de la Cruz", "Mary Kate de la Cruz", true, true},
		{"Martin Luther King Jr.", "Martin Luther King Jr", true, true},
		{"Ann Smith-Jones Jr.", "Ann Smith Jones Jr.", true, false}, // the family name before a suffix
		{"Jean-Luc de Saint-Exupéry", "Jean Luc de Saint-Exupéry", true, true},
		{"Jean-Luc de Saint-Exupéry", "Jean-Luc de Saint Exupéry", true, false},
		{"Jean-Luc Van Damme", "Jean-Luc Van-Damme", true, false},
		{"Ann Lee.", "Ann Lee", true, true},
		{"Émile Zola", "É. Zola", true, false},
		{"GW Bush", "G. W. Bush", true, false}, // letters without stops: a word
		{"George W Bush", "George Bush", true, false},
		{"George W Bush", "G. W. Bush", true, false},
		{"Ann Smith-Jones", "Ann Smith Jones", true, false}, // a family name keeps its hyphen
		{"Jean-Paul", "Jean Paul", true, false},             // one word: the family name
		{"José García", "Jose Garcia", true, true},
		{"JOSÉ GARCÍA", "jose garcia", true, true},
		{"Nguyễn Văn An", "Nguyen Van An", true, true},
		{"François Hollande", "Francois Hollande", true, true},
		{"Søren Kierkegaard", "Soren Kierkegaard", true, false}, // ø is no o with an accent
		{"Ayşe Işık", "Ayse Isik", true, false},                 // ı is no i with an accent
		{"ガザ", "カサ", true, false},                               // a kana's voicing mark makes another name
		{"ހާނީ", "ހަނާ", true, false},                           // Thaana's vowels too
		{"Condé Nast", "Conde Nast", false, true},
		{"Le Café", "Le Cafe", false, true},
		{"The Guardian.", "The Guardian", false, true},
		{"the guardian.", "The Guardian", false, true},
		{"U.S. News", "U. S. News", false, true},
		{"US News", "U. S. News", false, false},
		{"Al-Jazeera English", "Al Jazeera English", false, false}, // an outlet has no given name
		{"The Times", "The Times.", false, true},
		{"Yahoo! News", "Yahoo News", false, false},
	} {
		key := OutletKey
		if c.person {
			key = PersonKey
		}
		if got := key(c.a) == key(c.b); got != c.same {
			t.Errorf("person %v: %q (%q) and %q (%q): same %v, want %v", c.person, c.a, key(c.a), c.b, key(c.b), got, c.same)
		}
	}
	// a value without full stops or hyphens is its ValueKey, no more made
	for _, s := range []string{"George W Bush", "ΟΔΥΣΣΕΑΣ", "(no author)", ""} {
		if PersonKey(s) != ValueKey(s) || OutletKey(s) != ValueKey(s) {
			t.Errorf("%q: keys %q %q, ValueKey %q", s, PersonKey(s), OutletKey(s), ValueKey(s))
		}
	}
	value := testing.AllocsPerRun(100, func() { _ = ValueKey("George W Bush") })
	if n := testing.AllocsPerRun(100, func() { _ = PersonKey("George W Bush") }); n > value {
		t.Errorf("PersonKey of a name without stops: %v allocations, ValueKey %v", n, value)
	}
	// bad input: no panic, a key
	for _, s := range []string{".", "..", "-", " . ", "a.", "\u0301.", "-.-", "Jr.", "a.-b."} {
		_, _ = PersonKey(s), OutletKey(s)
	}
}

// A piece naming one person spelt two ways names them once (the facet
// counts a piece once under each person), and is cited by each byline as
// written: Bylines keeps the first spelling.
func TestBylinesNameOnePersonOnce(t *testing.T) {
	a := Article{Authors: []string{"George W. Bush", "George W Bush", "Jean Paul Sartre", "Jean-Paul Sartre"}}
	if got, want := People(a), []string{"George W. Bush", "Jean Paul Sartre"}; !slices.Equal(got, want) {
		t.Errorf("People: %q, want %q", got, want)
	}
	ns := Bylines(Article{Authors: []string{"G.W. Bush"}})
	if len(ns) != 1 || ns[0].Given != "G.W." || ns[0].Family != "Bush" {
		t.Errorf("Bylines(G.W. Bush): %+v", ns)
	}
	// a filter of either spelling picks the person
	known := []string{"George W Bush", "George W. Bush", "George Bush", "Jean-Paul Sartre"}
	for v, want := range map[string][]string{
		"george w. bush":   {"George W Bush", "George W. Bush"},
		"Bush, George W.":  {"George W Bush", "George W. Bush"},
		"Jean Paul Sartre": {"Jean-Paul Sartre"},
	} {
		people, _ := PickAuthors(v, known, nil)
		if len(people) != 1 || !slices.Equal(people[0], want) {
			t.Errorf("PickAuthors(%q): %q, want %q", v, people, want)
		}
	}
	f := Filter{Outlets: []string{"The Guardian"}}
	arts := []Article{{ID: "a", Outlet: "The Guardian."}, {ID: "b", Outlet: "The Guardian"}, {ID: "c", Outlet: "The Guardian Weekly"}}
	if got := f.Keep(arts); len(got) != 2 {
		t.Errorf("--outlet The Guardian kept %d pieces, want 2 (both spellings)", len(got))
	}
}
