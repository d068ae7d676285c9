package cite

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/bibcheck"
)

// nameLists are bylines that list several people, with the people a careful
// reader takes them for, and the names a note gives them.
var nameLists = []struct {
	byline string
	want   []Name
	note   string // the note's names; "" when not checked
}{
	// given names before a full name share its family name, wherever
	// they are in the list (a review: "Ann, Bo and Cy Lee" was BibTeX's
	// "Ann, Bo and Lee, Cy", two people, Bo Ann and Cy Lee; "Ann Lee, Bo
	// and Cy Dee" was "{Ann Lee}, Bo and Dee, Cy")
	{"Ann, Bo and Cy Lee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Lee"}, {Given: "Cy", Family: "Lee"}}, "Ann Lee, Bo Lee, and Cy Lee"},
	{"Ann, Bo, and Cy Lee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Lee"}, {Given: "Cy", Family: "Lee"}}, "Ann Lee, Bo Lee, and Cy Lee"},
	{"Ann Lee, Bo and Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Dee"}, {Given: "Cy", Family: "Dee"}}, "Ann Lee, Bo Dee, and Cy Dee"},
	{"Ann and Bo Lee and Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Lee"}, {Given: "Cy", Family: "Dee"}}, ""},
	{"Ann Lee and Bo and Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Dee"}, {Given: "Cy", Family: "Dee"}}, ""},
	{"Ann, Bo & Cy Lee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Lee"}, {Given: "Cy", Family: "Lee"}}, ""},
	{"Ann, Bo and Cy de la Cruz", []Name{{Given: "Ann", Particle: "de la", Family: "Cruz"}, {Given: "Bo", Particle: "de la", Family: "Cruz"}, {Given: "Cy", Particle: "de la", Family: "Cruz"}}, ""},
	// initials are given names (a review: "J. R. R. and Christopher
	// Tolkien" was "R., J. R.", family name R.)
	{"J. R. R. and Christopher Tolkien", []Name{{Given: "J. R. R.", Family: "Tolkien"}, {Given: "Christopher", Family: "Tolkien"}}, "J. R. R. Tolkien and Christopher Tolkien"},
	{"A. B. and C. D. Smith", []Name{{Given: "A. B.", Family: "Smith"}, {Given: "C. D.", Family: "Smith"}}, ""},
	{"Zoë, Åsa and Øyvind Ødegård", []Name{{Given: "Zoë", Family: "Ødegård"}, {Given: "Åsa", Family: "Ødegård"}, {Given: "Øyvind", Family: "Ødegård"}}, ""},
	{"Ann, Bo and Cy Van Buren", []Name{{Given: "Ann", Family: "Van Buren"}, {Given: "Bo", Family: "Van Buren"}, {Given: "Cy", Family: "Van Buren"}}, ""},
	// a title before a name is no part of it, nor a given name: "Dr.
	// Ann Lee" is Ann Lee (she was "Lee, Dr. Ann", initials D. A.); "Dr.
	// Lee and Dr. Chan" are Lee and Chan. A title and one word are a name
	// of their own, never given names taking the next name's family name
	// (a review: "Dr. Fauci and Francis Collins" was Collins, Fauci), so
	// "Dr. Ann and Bo Lee", which a rule cannot tell from it, is Ann and
	// Bo Lee
	{"Dr. Ann and Bo Lee", []Name{{Family: "Ann"}, {Given: "Bo", Family: "Lee"}}, "Ann and Bo Lee"},
	{"Dr Ann, Bo and Cy Lee", []Name{{Family: "Ann"}, {Given: "Bo", Family: "Lee"}, {Given: "Cy", Family: "Lee"}}, ""},
	{"Dr. Fauci and Francis Collins", []Name{{Family: "Fauci"}, {Given: "Francis", Family: "Collins"}}, "Fauci and Francis Collins"},
	{"Dr. Ann Lee", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Prof. Ann Lee and Dr. Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Dr. Lee and Dr. Chan", []Name{{Family: "Lee"}, {Family: "Chan"}}, "Lee and Chan"},
	{"Mrs. Smith", []Name{{Family: "Smith"}}, ""},
	{"Dr. and Mrs. Smith", []Name{{Literal: "Dr. and Mrs. Smith"}}, ""},
	// "Professor" is a title as "Prof" is, no given name (a read-through:
	// "Professor and Ann Lee" was two people, Lee and Ann Lee)
	{"Professor and Ann Lee", []Name{{Literal: "Professor and Ann Lee"}}, ""},
	{"Prof and Ann Lee", []Name{{Literal: "Prof and Ann Lee"}}, ""},
	// a suffix or a degree after a comma belongs to the name before it (a
	// review: "John Smith, Jr. and Mary Smith" was John Smith alone, Mary
	// Smith lost)
	{"John Smith, Jr. and Mary Smith", []Name{{Given: "John", Family: "Smith", Suffix: "Jr."}, {Given: "Mary", Family: "Smith"}}, "John Smith Jr. and Mary Smith"},
	{"John Smith, Jr., and Mary Smith", []Name{{Given: "John", Family: "Smith", Suffix: "Jr."}, {Given: "Mary", Family: "Smith"}}, ""},
	{"Ann Lee, Jr., Bo Chan and Cy Dee", []Name{{Given: "Ann", Family: "Lee", Suffix: "Jr."}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, "Ann Lee Jr., Bo Chan, and Cy Dee"},
	{"Ann and Bo Lee, III", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Lee", Suffix: "III"}}, ""},
	{"Jane Doe, PhD and John Roe, MD", []Name{{Given: "Jane", Family: "Doe"}, {Given: "John", Family: "Roe"}}, ""},
	{"Jane Doe, PhD, John Roe and Ann Lee", []Name{{Given: "Jane", Family: "Doe"}, {Given: "John", Family: "Roe"}, {Given: "Ann", Family: "Lee"}}, ""},
	// "and others", "et al.": authors not named, BibTeX's "and others",
	// which biblatex prints as "et al." (a review: "Ann Lee et al." was
	// "al., Ann Lee et", family name al., key al2020…; "Ann Lee and
	// others" one literal; "Ann Lee, Bo Chan et al." Ann Lee alone)
	{"Ann Lee et al.", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, "Ann Lee et al."},
	{"Ann Lee et al", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, ""},
	{"Ann Lee and others", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, "Ann Lee et al."},
	{"ANN LEE AND OTHERS", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, ""},
	{"Ann Lee, Bo Chan et al.", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Others: true}}, "Ann Lee et al."},
	{"Ann Lee, Bo Chan, et al.", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Others: true}}, ""},
	{"Lee, Ann et al.", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, ""},
	{"Lee, Ann and others", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, ""},
	{"Ann Lee et al., Reuters", []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}, ""},
	// "with" joins people as "and" does, and is never part of a name (a
	// review: "Ann Lee with Bo Chan" was one person, given names "Ann Lee
	// with Bo")
	{"Ann Lee with Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee, with Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee and Bo Chan with Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, ""},
	{"Partners with Purpose", []Name{{Literal: "Partners with Purpose"}}, ""},
	// BibTeX's list, every name inverted, stays BibTeX's; so does one
	// that cannot be read as written ("Lee" cannot share "Ann Marie":
	// no "and" between them)
	{"Lee, Ann and Chan, Bo", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Lee, Ann Marie and Bo Chan", []Name{{Given: "Ann Marie", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	// with a comma before "and", or "&" (a review: given name "Ann,";
	// one person, given names "Ann & Chan, Bo")
	{"Lee, Ann, and Chan, Bo", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Lee, Ann & Chan, Bo", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Lee, A., Chan, B., & Dee, C.", []Name{{Given: "A.", Family: "Lee"}, {Given: "B.", Family: "Chan"}, {Given: "C.", Family: "Dee"}}, "A. Lee, B. Chan, and C. Dee"},
	{"Lee, Ann, Chan, Bo, and Dee, Cy", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, ""},
	// a role or an affiliation after a name in a list is no one's given
	// name (a review: "Ann Lee, Editor, and Bo Chan" was three people, one
	// "Editor Chan"; "Senior Fellow and Bo Chan" was dropped with its role)
	{"Ann Lee, Editor, and Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee, Reporter, and Bo Chan, Editor", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee, Senior Fellow, and Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee, Senior Fellow and Bo Chan, Fellow", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee, Amnesty International, and Bo Chan, Reuters", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee, CNN, and Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee, Times, and Bo Chan, Times", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee, Director of Studies, Bo Chan and Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, ""},
	// full names separated by commas, or by ";", are co-authors (a review:
	// "Ann Lee, Bo Chan" and "Ann Lee; Bo Chan" were Ann Lee alone); an
	// outlet, a place, a role after a comma or a ";" is still no one
	{"Ann Lee, Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee, Bo Chan, Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, "Ann Lee, Bo Chan, and Cy Dee"},
	{"Ann Lee, Dr. Bo Chan, Troy L. Smith", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Troy L.", Family: "Smith"}}, ""},
	{"ANN LEE, BO CHAN", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee, Bo Chan, Reuters", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee; Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee; with Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee, Reuters; Bo Chan, AP", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee; Bo Chan and Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, ""},
	{"TOM KRISHER; AP Auto Writer", []Name{{Given: "Tom", Family: "Krisher"}}, ""},
	{"Ann Lee; Staff Writer", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, Foreign Policy", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, Los Angeles Times", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, New York", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, The Times", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, NBC Washington", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, Senior Editor", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Lee, Ann Marie", []Name{{Given: "Ann Marie", Family: "Lee"}}, ""},
	// a place after a name, in brackets or after "in", is no part of it
	// (a review: "Ann Lee (Kyiv) and Bo Chan (London)" was Ann Lee alone,
	// "Ann Lee in Kyiv and Bo Chan in London" family names Kyiv and London)
	{"Ann Lee (Kyiv) and Bo Chan (London)", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee (Reuters), Bo Chan (AP)", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Ann Lee in Kyiv and Bo Chan in London", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee in New York", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Kyiv, Bo Chan in London and Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dee"}}, ""},
	// so with "in" in capitals, as a byline in capitals or with every
	// word capitalised writes it (a task: the people Ann Lee In Kyiv and
	// Bo Chan In London, the list's AND read as a place's word)
	{"ANN LEE IN KYIV AND BO CHAN IN LONDON", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee In Kyiv and Bo Chan In London", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"ANN LEE IN NEW YORK WITH BO CHAN", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"ANN LEE IN TRINIDAD AND TOBAGO", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	// and another place joined to the one dropped by "and", "in" again:
	// the dateline's too (a task: the person Lviv, In)
	{"ANN LEE IN KYIV AND IN LVIV", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Kyiv and in Lviv", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Kyiv and in Lviv and Bo Chan in London", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	// and the words in lower case after a place, up to the next joining
	// word, a separator or the end, are the dateline's too (a review: the
	// one author "region, Ann Lee"; "Bo Chan region" a name)
	{"Ann Lee in Kyiv and in Kherson region", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Kyiv and in Lviv region", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Kyiv and in Kherson oblast", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Beirut and in Tyre province", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee in Kherson region", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Ann Lee and Bo Chan in Kyiv and in Kherson region", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee in Kherson region and Bo Chan in London", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee in Kherson region, Bo Chan in Lviv city", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	// and "And" capitalised, as a byline whose every word is writes it,
	// joins a list as "and" and "AND" do (a task: one organisation {Ann
	// Lee And Bo Chan}); a firm's name joined by it stays one, told as
	// "Procter and Gamble" is (asWritten: no family name after "And" for
	// "Procter" to share), and a place's ("In Trinidad And Tobago")
	{"Ann Lee In Kyiv And Bo Chan In London", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee And Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann, Bo And Cy Lee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Lee"}, {Given: "Cy", Family: "Lee"}}, ""},
	{"Lee, Ann And Chan, Bo", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Ann Lee And Reuters", []Name{{Given: "Ann", Family: "Lee"}, {Literal: "Reuters"}}, ""},
	{"Ann Lee In Trinidad And Tobago And Bo Chan In London", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, "Ann Lee and Bo Chan"},
	{"Procter And Gamble", []Name{{Literal: "Procter And Gamble"}}, ""},
	{"Barnes And Noble", []Name{{Literal: "Barnes And Noble"}}, ""},
	{"Harper And Row Publishers", []Name{{Literal: "Harper And Row Publishers"}}, ""},
	{"John Wiley And Sons Inc.", []Name{{Literal: "John Wiley And Sons Inc."}}, ""},
	{"Citizens For Responsibility And Ethics In Washington", []Name{{Literal: "Citizens For Responsibility And Ethics In Washington"}}, ""},
	{"Mr. And Mrs. Smith", []Name{{Literal: "Mr. And Mrs. Smith"}}, ""},
	{"Women in International Security", []Name{{Literal: "Women in International Security"}}, ""},
	{"WOMEN IN INTERNATIONAL SECURITY", []Name{{Literal: "WOMEN IN INTERNATIONAL SECURITY"}}, ""},
	// a place of two names joined by "and" is one place (a review: "John
	// Smith in Trinidad and Tobago" was cited "John Smith and Tobago")
	{"John Smith in Trinidad and Tobago", []Name{{Given: "John", Family: "Smith"}}, "John Smith"},
	{"Jane Doe in Antigua and Barbuda and Bo Chan", []Name{{Given: "Jane", Family: "Doe"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Jane Doe in Bosnia and Herzegovina, Bo Chan in London", []Name{{Given: "Jane", Family: "Doe"}, {Given: "Bo", Family: "Chan"}}, ""},
	// inverted names separated by ";" are a list (a review: only the
	// first was cited)
	{"Smith, John; Doe, Jane", []Name{{Given: "John", Family: "Smith"}, {Given: "Jane", Family: "Doe"}}, ""},
	{"Lee, Ann; Chan, Bo; Dow, Cy", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Given: "Cy", Family: "Dow"}}, ""},
	{"Smith, J.; Doe, J. R.", []Name{{Given: "J.", Family: "Smith"}, {Given: "J. R.", Family: "Doe"}}, ""},
	// roles, schools and outlets after a comma are no co-authors (a
	// review: "Chair, Emeritus", "School, Harvard Kennedy", "One, Defense")
	{"Anthony H. Cordesman, Emeritus Chair in Strategy", []Name{{Given: "Anthony H.", Family: "Cordesman"}}, ""},
	{"Jane Doe, Harvard Kennedy School", []Name{{Given: "Jane", Family: "Doe"}}, ""},
	{"Michael Kofman, Carnegie Endowment", []Name{{Given: "Michael", Family: "Kofman"}}, ""},
	{"Ann Lee, Defense One", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, Breaking Defense", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee, Visiting Scholar, and Bo Chan", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"by Jane Doe (Reuters", []Name{{Given: "Jane", Family: "Doe"}}, ""},
	// a credit's words are no name; those credited after the author, as
	// with additional reporting, are no authors (a review: a person
	// "additional reporting by Ann Lee"; given names "Edited by Ann")
	{"Bo Chan with additional reporting by Ann Lee", []Name{{Given: "Bo", Family: "Chan"}}, "Bo Chan"},
	{"Text and photos by Ann Lee", []Name{{Given: "Ann", Family: "Lee"}}, "Ann Lee"},
	{"Edited by Ann Lee", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Interview by Ann Lee", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Reporting by Ann Lee and Bo Chan; Editing by Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"Text by Ann Lee, photos by Bo Chan", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	{"Ann Lee and Bo Chan, with reporting by Cy Dee", []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}}, ""},
	{"By Ann Lee; Additional reporting by Bo Chan", []Name{{Given: "Ann", Family: "Lee"}}, ""},
	// not people sharing a name
	{"Penguin and Random House", []Name{{Literal: "Penguin and Random House"}}, ""},
	{"Mr. and Mrs. Smith", []Name{{Literal: "Mr. and Mrs. Smith"}}, ""},
	{"Barnes and Noble", []Name{{Literal: "Barnes and Noble"}}, ""},
	{"Ann, Bo and Cy", []Name{{Literal: "Ann, Bo and Cy"}}, ""},
}

// bibNames are the names BibTeX reads for ns as folio writes them.
func bibNames(ns []Name) []bibcheck.Name {
	var out []bibcheck.Name
	for _, n := range ns {
		if n.Literal != "" {
			out = append(out, bibcheck.Name{Last: "{" + n.Literal + "}"})
			continue
		}
		if n.Others {
			out = append(out, bibcheck.Name{Last: "others"})
			continue
		}
		last := n.Family
		if strings.Contains(last, " ") {
			last = "{" + last + "}"
		}
		out = append(out, bibcheck.Name{First: n.Given, Von: n.Particle, Last: last, Jr: n.Suffix})
	}
	return out
}

// TestNameLists: each byline is read into its people, and each format
// cites them: biblatex's author field, split by BibTeX (Text::BibTeX), is
// those people; a note names them; RIS and CSL-JSON have one name each.
func TestNameLists(t *testing.T) {
	var fields []string
	for _, c := range nameLists {
		a := archive.Article{ID: "x", Title: "Lists", Authors: []string{c.byline}, Outlet: "Times", Date: day("2020-01-02")}
		if got := Bylines(a); !slices.Equal(got, c.want) {
			t.Errorf("Bylines(%q) = %+v, want %+v", c.byline, got, c.want)
		}
		entries := checkEntries(t, []archive.Article{a}, BibTeXEntries([]archive.Article{a}, accessed, nil))
		author, _ := entries[0].Get("author")
		fields = append(fields, author)
		if len(c.want) > 0 && c.want[0].Family != "" {
			if k := Key(a); !strings.HasPrefix(k, asciiWord(c.want[0].Family)+"2020") {
				t.Errorf("%q: key %s", c.byline, k)
			}
		}
		if c.note != "" {
			if got := TextCitation(a); !strings.HasPrefix(got, c.note+`, "Lists,"`) {
				t.Errorf("%q: note %s, want %s", c.byline, got, c.note)
			}
			if got := MarkdownCitation(a); !strings.HasPrefix(got, c.note+`, "Lists,"`) {
				t.Errorf("%q: markdown %s, want %s", c.byline, got, c.note)
			}
		}
		// RIS and CSL-JSON have no "and others": the names named
		named := len(c.want)
		if named > 0 && c.want[named-1].Others {
			named--
		}
		if got := strings.Count(RISRecords([]archive.Article{a}, accessed), "\nAU  - "); got != named {
			t.Errorf("%q: %d RIS authors, want %d", c.byline, got, named)
		}
		var items []CSLItem
		b, _ := CSLJSONItems([]archive.Article{a}, accessed, nil)
		if err := json.Unmarshal(b, &items); err != nil || len(items[0].Author) != named {
			t.Errorf("%q: CSL authors %+v (%v), want %d", c.byline, items, err, named)
		}
	}
	for i, got := range bibcheck.PerlNames(t, fields...) {
		if want := bibNames(nameLists[i].want); !slices.Equal(got, want) {
			t.Errorf("%q: author = {%s}, which BibTeX reads as %+v, want %+v", nameLists[i].byline, fields[i], got, want)
		}
	}
}

// A piece whose key the ledger records keeps it when folio now reads its
// byline otherwise ("Ann, Bo and Cy Lee" was keyed by "Ann", now by Lee).
func TestLedgerKeepsKeyOfARereadByline(t *testing.T) {
	a := archive.Article{ID: "lists", Title: "Lists", Authors: []string{"Ann, Bo and Cy Lee"}, Outlet: "Times", Date: day("2020-01-02")}
	if k := Key(a); k != "lee2020lists" {
		t.Fatalf("Key = %s, want lee2020lists", k)
	}
	given := []KeyRecord{{Key: "ann2020lists", ID: a.ID, Print: archive.Print(a)}}
	k := NewKeyringWith([]archive.Article{a}, given)
	if got := k.Key(a); got != "ann2020lists" || len(k.Fresh()) != 0 {
		t.Errorf("ledger's key ann2020lists: cited as %s, fresh %+v", got, k.Fresh())
	}
}

// "others" as an author of a list is the list's "and others", once, after
// the names; alone, it names no one.
func TestOthersInAListOfAuthors(t *testing.T) {
	for _, c := range []struct {
		authors []string
		want    []Name
	}{
		{[]string{"Ann Lee", "others"}, []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}},
		{[]string{"Ann Lee", "et al.", "Bo Chan"}, []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Others: true}}},
		{[]string{"Ann Lee et al.", "Bo Chan and others"}, []Name{{Given: "Ann", Family: "Lee"}, {Given: "Bo", Family: "Chan"}, {Others: true}}},
		{[]string{"et al."}, nil},
		{[]string{"others", "Ann Lee"}, []Name{{Given: "Ann", Family: "Lee"}, {Others: true}}},
	} {
		if got := Bylines(archive.Article{Authors: c.authors}); !slices.Equal(got, c.want) {
			t.Errorf("Bylines(%q) = %+v, want %+v", c.authors, got, c.want)
		}
	}
	a := archive.Article{ID: "x", Title: "Lists", Authors: []string{"et al."}, Outlet: "Times", Date: day("2020-01-02")}
	if k, note := Key(a), TextCitation(a); k != "times2020lists" || !strings.HasPrefix(note, `"Lists," Times`) {
		t.Errorf("an author et al. alone: key %s, note %s", k, note)
	}
}
