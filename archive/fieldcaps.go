package archive

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Caps on a piece's one-line fields, far past what a real archive holds
// (a title of a few hundred bytes, a name of a few dozen, a URL of a few
// hundred): a 3 MB title, a 2 MB author or a 1 MB tag was kept whole, and
// folio list printed 8 MB for one row (a helper's report). A name is
// kept past the 255 bytes the index keeps of a keyword value: list and
// stats print what the files say (TestListAndStatsOfCutPiecesAreTheFiles).
const (
	MaxTitleBytes = 2048
	MaxNameBytes  = 1024 // an author, an organization, an outlet, a tag, a kind
	MaxURLBytes   = 8192
)

// capFields cuts a's one-line fields to the caps above, each with a
// problem at the line of the key that gave it (line says it of the first
// of keys): a title at a word with "…", a name at a word, and a URL or a
// source over MaxURLBytes is ignored.
func capFields(path string, a *Article, line func(keys []string) int) []Problem {
	var probs []Problem
	note := func(keys []string, format string, args ...any) {
		probs = append(probs, Problem{Path: path, Line: line(keys), Msg: fmt.Sprintf(format, args...)})
	}
	if len(a.Title) > MaxTitleBytes {
		note(titleKeys, "title: %d bytes, over %d; cut", len(a.Title), MaxTitleBytes)
		a.Title = cutAtWord(a.Title, MaxTitleBytes, "…")
	}
	if len(a.Outlet) > MaxNameBytes {
		note(outletKeys, "outlet: %d bytes, over %d; cut", len(a.Outlet), MaxNameBytes)
		a.Outlet = cutAtWord(a.Outlet, MaxNameBytes, "")
	}
	if len(a.Kind) > MaxNameBytes {
		note(kindKeys, "kind: %d bytes, over %d; cut", len(a.Kind), MaxNameBytes)
		a.Kind = cutAtWord(a.Kind, MaxNameBytes, "")
	}
	cutNames := func(keys []string, what string, names []string) []string {
		over := false
		var out []string
		for _, n := range names {
			if len(n) > MaxNameBytes {
				over = true
				n = cutAtWord(n, MaxNameBytes, "")
			}
			if !containsFold(out, n) {
				out = append(out, n)
			}
		}
		if over {
			note(keys, "%s over %d bytes; cut", what, MaxNameBytes)
		}
		return out
	}
	a.Authors = cutNames(authorKeys, "an author", a.Authors)
	a.Organizations = cutNames(authorKeys, "an organization", a.Organizations)
	a.Tags = cutNames(tagKeys, "a tag", a.Tags)
	if len(a.URL) > MaxURLBytes {
		note(urlKeys, "url: %d bytes, over %d; ignored", len(a.URL), MaxURLBytes)
		a.URL = ""
	}
	if len(a.Source) > MaxURLBytes {
		note(sourceKeys, "source: %d bytes, over %d; ignored", len(a.Source), MaxURLBytes)
		a.Source = ""
	}
	return probs
}

// containsFold reports whether names holds n, ignoring case.
func containsFold(names []string, n string) bool {
	for _, m := range names {
		if strings.EqualFold(m, n) {
			return true
		}
	}
	return false
}

// cutAtWord cuts s to at most n bytes with tail, at a word's end when one
// is in the cut's second half, never inside a character.
func cutAtWord(s string, n int, tail string) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n-len(tail)]
	for len(cut) > 0 && !utf8.RuneStart(s[len(cut)]) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + tail
}
