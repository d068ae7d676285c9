package cite

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/folio-tui/folio/archive"
	"golang.org/x/text/unicode/norm"
)

// SortBibliography orders pieces as a bibliography lists them: by the
// first author's family name (an organisation by its name, a piece with no
// author by its outlet, as it is cited), then given name, then the other
// authors' names, a piece of the first author alone before those written
// with others (as Chicago orders them; a helper's report: "Ann Lee and Bo Chan"
// came before "Ann Lee" by date), then date, then title, ignoring case and
// accents.
func SortBibliography(arts []archive.Article) {
	type sortKey struct{ who, given, others, title string }
	keys := make([]sortKey, len(arts))
	for i, a := range arts {
		k := &keys[i]
		if ns := creators(a); len(ns) > 0 {
			n := ns[0]
			k.who = foldForSort(n.Family + " " + n.Literal)
			if n.Literal != "" {
				k.who = foldForSort(strings.TrimPrefix(strings.TrimPrefix(n.Literal, "The "), "the "))
			}
			k.given = foldForSort(n.Given)
			var others []string
			for _, o := range ns[1:] {
				others = append(others, foldForSort(o.Family+" "+o.Given+" "+o.Literal))
			}
			k.others = strings.Join(others, "\x00")
		}
		k.title = foldForSort(a.Title)
	}
	// the positions are sorted, not the pieces: a stable sort moves its
	// elements n·log² n times, and a piece is some 300 bytes (a third of
	// folio cite --all at 100k went to moving them)
	order := make([]int, len(arts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		kx, ky := &keys[x], &keys[y]
		return cmp.Or(strings.Compare(kx.who, ky.who), strings.Compare(kx.given, ky.given), strings.Compare(kx.others, ky.others),
			arts[x].Date.Time.Compare(arts[y].Date.Time), strings.Compare(kx.title, ky.title), strings.Compare(arts[x].ID, arts[y].ID))
	})
	sorted := make([]archive.Article, len(arts))
	for i, o := range order {
		sorted[i] = arts[o]
	}
	copy(arts, sorted)
}

// foldForSort is s lower-cased without accents, for ordering names.
func foldForSort(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(asciiFold.Replace(strings.TrimSpace(s))) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
