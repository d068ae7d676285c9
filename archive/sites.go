package archive

import (
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// How static-site generators lay out their content, so that a site's
// folder opens as the site reads it.

// SectionPageMsg is the message of the Quiet problem of a section page.
const SectionPageMsg = "section page (a list of pieces, not a piece)"

// IsSectionPage reports whether p is a Hugo or Zola section page
// (_index.md): the page that lists a section's pieces, not a piece.
func IsSectionPage(p string) bool {
	base := path.Base(p)
	return IsArticlePath(base) && strings.EqualFold(strings.TrimSuffix(base, path.Ext(base)), "_index")
}

// Passed reports whether the archive's scan passes over a file or folder
// of that name (not a path), and all that is under it: a hidden one (a
// leading dot: .git, editors' swap files) and Jekyll's _drafts, the
// unpublished pieces the site does not show. The scan and the reader's
// watch both ask this, so that they agree on what the archive holds. It
// takes a folder entry's bytes as they are read, without a string for each.
func Passed[Name ~string | ~[]byte](name Name) bool {
	return len(name) > 0 && name[0] == '.' || string(name) == "_drafts"
}

// jekyllName is what Jekyll reads from a post's file name.
type jekyllName struct {
	date  Date
	title string // Pi Day, Jekyll's title when the front matter has none
}

// jekyllPost reads the date and title of a Jekyll post from its file name,
// _posts/2021-03-14-pi-day.md, as Jekyll does; false for any other file.
func jekyllPost(p string) (jekyllName, bool) {
	if !strings.HasPrefix(p, "_posts/") && !strings.Contains(p, "/_posts/") {
		return jekyllName{}, false
	}
	base := path.Base(p)
	base = strings.TrimSuffix(base, path.Ext(base))
	if len(base) < len("2006-01-02-x") || base[10] != '-' {
		return jekyllName{}, false
	}
	t, err := time.Parse("2006-01-02", base[:10])
	if err != nil {
		return jekyllName{}, false
	}
	slug := base[11:]
	return jekyllName{date: dayOf(t), title: titleizeSlug(slug)}, slug != ""
}

// titleizeSlug is Jekyll's Utils.titleize_slug: the slug's words, split
// on dashes, each with a capital.
func titleizeSlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return SanitizeLine(strings.Join(words, " "))
}
