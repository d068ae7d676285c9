package archive

import "strings"

// Byline is how a list row names a piece's authors: "A", "A and B" or
// "A et al."; empty when the piece names none. An author "et al." or
// "and others" last is the "et al." ("Ann Lee", "et al." is "Ann Lee et
// al.": an attack found "Ann Lee and et al." in folio list).
func Byline(authors []string) string {
	others := false
	if n := len(authors); n > 1 && othersAlone().MatchString(strings.TrimSpace(authors[n-1])) {
		authors, others = authors[:n-1], true
	}
	switch {
	case len(authors) == 0:
		return ""
	case len(authors) == 1 && !others:
		return authors[0]
	case len(authors) == 2 && !others:
		return authors[0] + " and " + authors[1]
	}
	return authors[0] + " et al."
}

// ManyAuthors reports whether arts name more than one author (person, see
// People) between them:
// then a list of them shows each piece's byline (in an archive of one
// writer's pieces it would say the same on every row).
func ManyAuthors(arts []Article) bool {
	first := ""
	for _, a := range arts {
		for _, au := range People(a) {
			switch {
			case first == "":
				first = au
			case !SamePerson(au, first):
				// one but for case is one author, as the index counts
				// them (a review: the files' path named authors the
				// index's did not)
				return true
			}
		}
	}
	return false
}
