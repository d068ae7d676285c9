package archive

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Filter is what folio list, folio search, folio stats and the reader's
// sidebar narrow an archive to. They all match the same way:
//
//   - Tags and Kinds pick the values equal to a filter value, ignoring case
//     (SameValue: "The Telegraph" and "the telegraph" are one value, which
//     the facets count once).
//   - Outlets pick the outlet a filter value names, ignoring case, the
//     full stops of initials and of the end and Latin letters' accents
//     (OutletKey: "The Guardian." is The Guardian); when it names none, every outlet whose name holds
//     the value's words in a row, ignoring case, accents and punctuation:
//     "telegraph" picks "The Telegraph" and "The Sunday Telegraph", "new
//     york" picks "The New York Times".
//   - Authors are the people a piece's bylines name (People), picked as
//     PickAuthors says: the person named, ignoring case, the full stops
//     of initials, a given name's hyphen and Latin letters' accents
//     (PersonKey: "George W. Bush" is George W Bush, "Jean Paul Sartre"
//     Jean-Paul Sartre, "Jose Garcia" José García); else the
//     value read as a byline ("Lee, Ann" is Ann Lee, "Ann Lee,
//     Contributor" Ann Lee, "Ann Lee and Bo Chan" the pieces by both);
//     else by words in a row, as outlets.
//   - Languages are language ranges, matched against a piece's language
//     (Article.Language) by RFC 4647's basic filtering (LanguageMatches):
//     "en" picks en, en-GB and en-US, "en-GB" en-GB alone, ignoring case;
//     a language's English name is its tag ("German" is de,
//     LanguageRange). NoLanguage picks the pieces without one; a value
//     that names no language picks nothing (the CLI refuses it).
//   - Several values of one field pick any of them; fields combine with AND.
//   - A piece is kept by From and To when its period (a day, a month or a
//     year, as precise as its date) overlaps [From, To]; a To at midnight
//     stands for the whole of that day. Zero times are open ends. With
//     Within, only when its period lies inside [From, To]: a piece dated
//     only to 2017 overlaps September 2017 but is not within it (the
//     reader's month chosen on a chart, counted by the month's facet).
type Filter struct {
	Tags, Outlets, Authors, Kinds []string
	Languages                     []string
	From, To                      time.Time
	Within                        bool // From and To hold a piece's whole period, not only part of it
}

// PickValues returns the values of known that the filter value v picks, by
// the rule of Filter: those of v's key (ValueKey for tags and kinds,
// OutletKey, PersonKey), else, byWords (outlets and authors), by words;
// nil when it picks none.
func PickValues(v string, known []string, key func(string) string, byWords bool) []string {
	var out []string
	want := key(v)
	for _, k := range known {
		if key(k) == want {
			out = append(out, k)
		}
	}
	if len(out) > 0 || !byWords {
		return out
	}
	words := nameWords(v)
	if len(words) == 0 {
		return nil
	}
	for _, k := range known {
		kw := nameWords(k)
		for i := 0; i+len(words) <= len(kw); i++ {
			if slices.Equal(kw[i:i+len(words)], words) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// SameValue tells whether two values of a facet field (tags, kinds; the
// outlets and authors fold more: OutletKey, PersonKey) are one, ignoring case: Unicode's simple folding or
// lower case ("İstanbul", which a tag stores as "istanbul", folds to
// nothing else).
// A value typed with combining accents is the one its file spells with
// accented letters (values are kept in NFC, see SanitizeLine).
func SameValue(a, b string) bool { return ValueKey(a) == ValueKey(b) }

// ValueKey is the key under which SameValue's values meet: in NFC, lower
// case, then each character the first of its Unicode case-folding orbit
// (Σ, σ and ς; K, k and the Kelvin sign): the facet rows merged under one
// key are exactly the values a filter of any of them picks. It is the key
// of tags and kinds; people and outlets have PersonKey and OutletKey,
// which fold more.
func ValueKey(s string) string {
	return strings.Map(foldRune, strings.ToLower(nfc(s)))
}

// foldRune is the least rune of r's simple case-folding orbit.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// FieldKey is the key under which the values of a field are one: one row
// of its facet and of folio stats, one value to its filter (PickValues,
// Keep), one chosen value in the reader's sidebar. field is the query
// language's name ("outlet", "author", "tag", "kind") or its plural:
// OutletKey for outlets, PersonKey for authors (people), ValueKey for
// tags, kinds and any other field (years, months).
func FieldKey(field string) func(string) string {
	switch field {
	case "outlet", "outlets":
		return OutletKey
	case "author", "authors":
		return PersonKey
	}
	return ValueKey
}

// nameWords are the lower-cased words of a name, their accents dropped:
// runs of letters and digits. --outlet cafe picks "Le Café", as
// outlet:cafe finds it (the index folds accents).
func nameWords(s string) []string {
	return strings.FieldsFunc(dropAccents(strings.ToLower(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// dropAccents takes the combining marks off s's letters (é is e).
func dropAccents(s string) string {
	for _, r := range s {
		if r >= 0x80 {
			return strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Mn, r) {
					return -1
				}
				return r
			}, norm.NFD.String(s))
		}
	}
	return s
}

// Keep returns the pieces of arts the filter keeps, in their order. The
// values a filter names are resolved against the values of arts.
func (f Filter) Keep(arts []Article) []Article {
	var tags, outlets, authors, kinds []string
	var people [][]string // each piece's People, when the filter names authors
	known := map[string]bool{}
	if len(f.Authors) > 0 {
		people = make([][]string, len(arts))
	}
	for i, a := range arts {
		if people != nil {
			people[i] = People(a)
			for _, au := range people[i] {
				if !known[au] { // (slices.Contains: 40k people took 1.9 s)
					known[au] = true
					authors = append(authors, au)
				}
			}
		}
		for _, t := range a.Tags {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
		if a.Outlet != "" && !slices.Contains(outlets, a.Outlet) {
			outlets = append(outlets, a.Outlet)
		}
		if k := kindOf(a); !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	pick := func(values, known []string, key func(string) string, byWords bool) map[string]bool {
		if len(values) == 0 {
			return nil
		}
		m := map[string]bool{}
		for _, v := range values {
			if v == NoAuthor || v == NoOutlet {
				m[""] = true // none (the field's own: f.Authors' or f.Outlets')
				continue
			}
			for _, k := range PickValues(v, known, key, byWords) {
				m[k] = true
			}
		}
		return m
	}
	wantTags, wantOutlets, wantKinds := pick(f.Tags, tags, FieldKey("tag"), false), pick(f.Outlets, outlets, FieldKey("outlet"), true), pick(f.Kinds, kinds, FieldKey("kind"), false)
	// an author is a person (People); a value naming several ("Ann Lee
	// and Bo Chan") wants a piece by each of them (PickAuthors)
	var noAuthor bool
	var wantAuthors [][]map[string]bool // any of: a piece by all of
	for _, v := range f.Authors {
		if v == NoAuthor {
			noAuthor = true
			continue
		}
		var all []map[string]bool
		picked, none := PickAuthors(v, authors, nil)
		noAuthor = noAuthor || none
		for _, alts := range picked {
			m := map[string]bool{}
			for _, p := range alts {
				m[p] = true
			}
			all = append(all, m)
		}
		wantAuthors = append(wantAuthors, all)
	}
	byAuthor := func(i int) bool {
		if len(people[i]) == 0 && noAuthor {
			return true
		}
		return slices.ContainsFunc(wantAuthors, func(all []map[string]bool) bool {
			return len(all) > 0 && !slices.ContainsFunc(all, func(alts map[string]bool) bool {
				return !slices.ContainsFunc(people[i], func(p string) bool { return alts[p] })
			})
		})
	}
	to := f.To
	if !to.IsZero() && to.Hour() == 0 && to.Minute() == 0 && to.Second() == 0 && to.Nanosecond() == 0 {
		to = to.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	pickLanguage := languagePicker(f.Languages)
	var out []Article
	for i, a := range arts {
		switch {
		case wantTags != nil && !slices.ContainsFunc(a.Tags, func(t string) bool { return wantTags[t] }),
			wantOutlets != nil && !wantOutlets[a.Outlet],
			people != nil && !byAuthor(i),
			wantKinds != nil && !wantKinds[kindOf(a)],
			len(f.Languages) > 0 && !pickLanguage(a.Language),
			!f.From.IsZero() && a.Date.End().Before(f.From),
			!to.IsZero() && a.Date.Time.After(to),
			f.Within && !f.From.IsZero() && a.Date.Time.Before(f.From),
			f.Within && !to.IsZero() && a.Date.End().After(to):
			continue
		}
		out = append(out, a)
	}
	return out
}

// languagePicker reports whether the filter values vs (Filter.Languages)
// pick a piece of the language t: NoLanguage one without a language, a
// value naming a language (LanguageRange) one it matches
// (LanguageMatches). Keep reads the values once, not for each piece
// (BenchmarkKeepLanguages).
func languagePicker(vs []string) func(t string) bool {
	none := false
	var ranges []string
	for _, v := range vs {
		if v == NoLanguage {
			none = true
		} else if r, ok := LanguageRange(v); ok {
			ranges = append(ranges, r)
		}
	}
	return func(t string) bool {
		if t == "" {
			return none
		}
		return slices.ContainsFunc(ranges, func(r string) bool { return LanguageMatches(t, r) })
	}
}

// kindOf is a piece's kind, KindArticle when it has none.
func kindOf(a Article) string {
	if a.Kind == "" {
		return KindArticle
	}
	return a.Kind
}
