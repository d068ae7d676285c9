package archive

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// People are the people and organisations a piece's bylines name, each
// once, as the author facet counts and filters them: Bylines' names
// written as in running text, so that "Ann Lee", "ANN LEE", "Lee, Ann",
// "Ann Lee, Contributor" and "By Ann Lee | Bloomberg" are one person,
// and "Ann Lee and Bo Chan" two; an organisation as written. "et al." and
// "and others" name no one. A piece's Authors stay as its file wrote
// them (the list's byline, the citation's reading): People is what is
// counted.
func People(a Article) []string {
	// an archive's bylines repeat (a writer's every piece): they are read
	// once (Bylines takes some 14 µs a byline), up to maxPeopleMemo of them
	key := strings.Join(a.Authors, "\x00") + "\x01" + a.Outlet + "\x01" + strings.Join(a.Organizations, "\x00")
	if len(key) > maxPeopleKey {
		return readPeople(a) // a rare byline of many names: not held
	}
	if v, ok := peopleMemo.Load(key); ok {
		return slices.Clone(v.([]string))
	}
	out := readPeople(a)
	if peopleMemoLen.Add(1) <= maxPeopleMemo {
		peopleMemo.Store(key, slices.Clone(out))
	}
	return out
}

// peopleMemo holds People's answers by a piece's authors, outlet and
// organisations; peopleMemoLen counts what was stored.
var (
	peopleMemo    sync.Map
	peopleMemoLen atomic.Int64
)

// maxPeopleMemo bounds the bylines held, maxPeopleKey the bytes of one.
const (
	maxPeopleMemo = 1 << 16
	maxPeopleKey  = 1 << 10
)

// readPeople is People without the memo.
func readPeople(a Article) []string {
	var out []string
	for _, n := range Bylines(a) { // each person once (by PersonKey)
		if s := n.Natural(); !n.Others && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// PickAuthors resolves an author filter's value v against the people known
// (the values of People, each cut by cut when not nil, as the index holds
// them): the people it names, each as the known values that stand for them,
// or none when v names no one ("et al.": the pieces without an author). In
// turn: the person v is, ignoring case, initials' full stops, a given
// name's hyphen and accents (PersonKey); the people v names read as a
// byline, whole ("Lee, Ann" is Ann Lee, not Lee Ann Womack; "Ann Lee,
// Contributor", a saved search's from before the facet counted people, Ann
// Lee; "Ann Lee and Bo Chan" both, a piece by each of them), each as
// PickValues picks it by words; the people whose names hold v's words in a
// row ("Lee": every Lee); and, when a one-word part after v's last comma is
// left out, what comes before it (a full name, or one with its own comma),
// its people known exactly ("Ann Lee, Guardian", whose outlet made Guardian
// an affiliation when it was counted; up to three such parts). Nil when it
// names someone not known ("Ann Lee, Zed Roe").
func PickAuthors(v string, known []string, cut func(string) string) (people [][]string, none bool) {
	if cut == nil {
		cut = func(s string) string { return s }
	}
	if got := PickValues(cut(v), known, PersonKey, false); len(got) > 0 {
		return [][]string{got}, false
	}
	// read without the memo: a filter's value is no piece's byline, and
	// one of many commas would fill it with its prefixes
	pick := func(s string, byWords bool) [][]string {
		var all [][]string
		for _, p := range readPeople(Article{Authors: []string{s}}) {
			got := PickValues(cut(p), known, PersonKey, byWords)
			if len(got) == 0 {
				return nil
			}
			all = append(all, got)
		}
		return all
	}
	if all := pick(v, true); len(all) > 0 {
		return all, false
	}
	if got := PickValues(cut(v), known, PersonKey, true); len(got) > 0 {
		return [][]string{got}, false
	}
	if othersAlone().MatchString(strings.TrimSpace(v)) {
		return nil, true
	}
	s := v
	for range 3 {
		i := strings.LastIndexByte(s, ',')
		if i < 0 || len(strings.Fields(s[i+1:])) != 1 {
			break
		}
		s = strings.TrimSpace(s[:i])
		if len(strings.Fields(s)) < 2 && !strings.Contains(s, ",") {
			break // "Lee, Zed" is no Lee and an affiliation
		}
		if all := pick(s, false); len(all) > 0 {
			return all, false
		}
	}
	return nil, false
}
