package archive

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// A piece's language is read from its front matter (language, lang) as a
// BCP 47 tag in the standard's case, or a language's English name; what
// is no language is said, naming its line, and the piece loads without
// one (an attack with LaTeX and biber: biblatex-apa sentence-cased "Die
// Welt und das Ende", the piece having no language to cite).
func TestFrontMatterLanguage(t *testing.T) {
	for _, c := range []struct {
		matter, want, problem string
	}{
		{"language: de", "de", ""},
		{"language: en-gb", "en-GB", ""},
		{"lang: EN_us", "en-US", ""},
		{"lang: pt-br", "pt-BR", ""},
		{"language: zh-hans", "zh-Hans", ""},
		{"language: German", "de", ""},
		{`language: " fr "`, "fr", ""},
		{"language: \"\"", "", ""},
		{"language:", "", ""},
		{"language: de\nlang: fr", "de", ""},
		{"language: xx", "", `x.md:4: language: "xx" is no language`},
		{"language: english please", "", `x.md:4: language: "english please" is no language`},
		// lang: of a programming language, or a language not among the
		// common ones, is passed over, unsaid (a review: check failed on
		// lang: go; ts and sh are Tsonga's and Serbo-Croatian's tags)
		{"lang: und", "", ""},
		{"lang: x-klingon", "", ""},
		{"lang: go", "", ""},
		{"lang: bash", "", ""},
		{"lang: ts", "", ""},
		{"lang: sh", "", ""},
		{"lang: cpp", "", ""},
		{"lang: de-AT", "de-AT", ""},
		{"lang: nb", "nb", ""}, // Norwegian's written standards, a Norwegian Hugo site's
		// one language is one tag however it is written: ISO 639-2's
		// codes, bibliographic ones too (a library catalogue's or a
		// Zotero export's ger beside deu), deprecated tags and
		// suppressed scripts; CLDR's legacy readings are not made
		{"language: ger", "de", ""},
		{"language: GER-at", "de-AT", ""},
		{"language: deu", "de", ""},
		{"language: fre", "fr", ""},
		{"language: chi", "zh", ""},
		{"language: iw", "he", ""},
		{"language: in", "id", ""},
		{"language: mo", "ro", ""}, // the registry's, not CLDR's ro-MD
		{"language: mo-MD", "ro-MD", ""},
		{"language: en-Latn-GB", "en-GB", ""},
		{"language: tl", "tl", ""},
		{"language: german", "de", ""},
		{"lang: nn-NO", "nn-NO", ""},
		{"lang: Afrikaans", "af", ""},
		{"lang: sw", "", ""}, // a language, but not a common one
		{"language: sw", "sw", ""},
		{"language: [de, fr]", "", `x.md:4: language: "de, fr" is no language`},
		{"language: 12", "", `x.md:4: language: "12" is no language`},
		{"language: \"de\\u001b[31m\"", "", `x.md:4: language: "de\x1b[31m" is no language`},
	} {
		a, probs := Parse("x.md", []byte("---\ntitle: Die Welt und das Ende\ndate: 2020-05-01\n"+c.matter+"\n---\nText.\n"))
		if IsFatal(probs) {
			t.Errorf("%q: %v", c.matter, probs)
			continue
		}
		if a.Language != c.want {
			t.Errorf("%q: language %q, want %q", c.matter, a.Language, c.want)
		}
		switch {
		case c.problem == "" && len(probs) > 0:
			t.Errorf("%q: problems %v", c.matter, probs)
		case c.problem != "" && (len(probs) != 1 || !strings.HasPrefix(probs[0].String(), c.problem)):
			t.Errorf("%q: problems %v, want one starting %q", c.matter, probs, c.problem)
		}
	}
	// TOML and JSON front matter alike
	for _, doc := range []string{
		"+++\ntitle = \"Le monde\"\ndate = 2020-05-01\nlanguage = \"fr-FR\"\n+++\nTexte.\n",
		"{\n\"title\": \"Le monde\",\n\"date\": \"2020-05-01\",\n\"lang\": \"fr-fr\"\n}\nTexte.\n",
	} {
		if a, probs := Parse("x.md", []byte(doc)); len(probs) > 0 || a.Language != "fr-FR" {
			t.Errorf("%q: language %q, problems %v", doc, a.Language, probs)
		}
	}
}

// A language is read by its English name when folio knows it, with the
// tag after it when the tag says more (nb and nn too), else as its tag.
func TestLanguageName(t *testing.T) {
	for tag, want := range map[string]string{
		"de": "German", "en-GB": "English (en-GB)", "af": "Afrikaans", "no": "Norwegian",
		"nb": "Norwegian Bokmål", "nn-NO": "Norwegian Nynorsk (nn-NO)",
		"ko-KR": "Korean (ko-KR)", "sw-KE": "sw-KE", "sw": "sw", "gsw": "gsw", "": "",
	} {
		if got := LanguageName(tag); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", tag, got, want)
		}
	}
}

// A Hugo site's translations are in the language their names give when
// the site's config has it (x.de.md), or the language whose contentDir
// holds them; a page of a multilingual site without either, in its
// default language. A language's languageCode is its tag. A site
// without languages reads only its default language's name; a name's
// code the site does not have is part of the name. A Zola x.fr.md gives
// none (folio reads no Zola config). The front matter's language comes
// first.
func TestSiteLanguages(t *testing.T) {
	yaml := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-05-01\n---\nText.\n" }
	toml := func(title string) string { return "+++\ntitle = \"" + title + "\"\ndate = 2020-05-01\n+++\nText.\n" }
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"multi/hugo.toml": "title = 'S'\ndefaultContentLanguage = 'en'\n[languages.en]\nlanguageCode = 'en-gb'\nweight = 1\n" +
			"[languages.de]\nweight = 2\n[languages.fr]\ncontentDir = 'content/fr'\n[languages.pt-br]\nweight = 3\n",
		"multi/content/posts/a.md":            yaml("A"),
		"multi/content/posts/a.de.md":         yaml("A de"),
		"multi/content/posts/b.it.md":         yaml("B it"),
		"multi/content/posts/c/index.de.md":   yaml("C de"),
		"multi/content/posts/d.pt-br.md":      yaml("D pt"),
		"multi/content/fr/posts/e.md":         yaml("E fr"),
		"multi/content/posts/f.de.md":         "---\ntitle: F\ndate: 2020-05-01\nlanguage: de-AT\n---\nText.\n",
		"mono/config.toml":                    "title = 'M'\n",
		"mono/content/g.md":                   yaml("G"),
		"mono/content/g.en.md":                yaml("G en"),
		"mono/content/h.de.md":                yaml("H de"),
		"zola/x.fr.md":                        toml("X fr"),
		"zola/y.fr.md":                        yaml("Y fr"),
		"zola/z.old.md":                       toml("Z old"),
		"zola/elections.uk.md":                toml("Elections"),
		"zola/2020-05-01-post/index.pt-br.md": toml("P"),
	})
	a, probs := loadSite(t, dir)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	want := map[string]string{
		"multi/content/posts/a.md": "en-GB", "multi/content/posts/a.de.md": "de", "multi/content/posts/b.it.md": "en-GB",
		"multi/content/posts/c/index.de.md": "de", "multi/content/posts/d.pt-br.md": "pt-BR", "multi/content/fr/posts/e.md": "fr",
		"multi/content/posts/f.de.md": "de-AT",
		"mono/content/g.md":           "", "mono/content/g.en.md": "en", "mono/content/h.de.md": "",
		// a Zola name is not read: folio reads no Zola config, and
		// elections.uk.md or trip.to.md are no translations (a review)
		"zola/x.fr.md": "", "zola/y.fr.md": "", "zola/z.old.md": "", "zola/2020-05-01-post/index.pt-br.md": "", "zola/elections.uk.md": "",
	}
	languagesAre(t, a, want)
}

// A Hugo site without languages gives its pages its languageCode (Hugo's
// .Language.LanguageCode: the site's html lang), else the
// defaultContentLanguage its config names (.Language.Lang), else none,
// Hugo's default en unguessed (a review: languageCode = "de-de" gave its
// pages none); a site with one language takes the site's languageCode
// when the language has none of its own, one with two or more does not
// (Hugo 0.112.4 on). A page's front matter comes first.
func TestHugoSiteLanguageCode(t *testing.T) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-05-01\n---\nText.\n" }
	dir := t.TempDir()
	files := map[string]string{
		"code/hugo.toml":                "title = 'S'\nlanguageCode = \"de-de\"\n",
		"code/content/posts/fr.md":      "---\ntitle: F\ndate: 2020-05-01\nlanguage: fr\n---\nTexte.\n",
		"yaml/config.yaml":              "title: S\nlanguageCode: en-us\n",
		"named/config.toml":             "defaultContentLanguage = 'fr'\n",
		"both/hugo.toml":                "defaultContentLanguage = 'de'\nlanguageCode = 'de-at'\n",
		"one/hugo.toml":                 "languageCode = 'de-de'\ndefaultContentLanguage = 'de'\n[languages.de]\nweight = 1\n",
		"own/hugo.toml":                 "languageCode = 'de-de'\ndefaultContentLanguage = 'de'\n[languages.de]\nlanguageCode = 'de-ch'\n",
		"two/hugo.toml":                 "languageCode = 'de-de'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"dir/config/_default/hugo.toml": "languageCode = 'it-it'\n",
		"bare/hugo.toml":                "title = 'S'\n",
		"bad/hugo.toml":                 "languageCode = 'klingon'\n",
		"badnamed/hugo.toml":            "languageCode = 'klingon'\ndefaultContentLanguage = 'nl'\n",
	}
	want := map[string]string{
		"code/content/posts/x.md": "de-DE", "code/content/posts/fr.md": "fr", "yaml/content/x.md": "en-US",
		"named/content/x.md": "fr", "both/content/x.md": "de-AT", "one/content/x.md": "de-DE", "own/content/x.md": "de-CH",
		"two/content/x.md": "en", "two/content/x.fr.md": "fr", "dir/content/x.md": "it-IT", "bare/content/x.md": "",
		"bad/content/x.md": "", "badnamed/content/x.md": "nl",
	}
	for p := range want {
		if _, ok := files[p]; !ok {
			files[p] = page(p)
		}
	}
	writeFiles(t, dir, files)
	a, probs := loadSite(t, dir)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	languagesAre(t, a, want)
}

// A page under two languages' contentDirs, one inside the other, is in
// the nearer's language, every time (a review: map order gave
// content/fr/x.md en or fr from one run to the next). lang: nb, Norwegian
// Bokmål, counts.
func TestLanguageOfNestedContentDirs(t *testing.T) {
	l := hugoLanguages{tags: map[string]string{"en": "en", "fr": "fr"}, def: "en", multi: true,
		dirs: map[string]string{"content": "en", "content/fr": "fr"}}
	for range 200 {
		if got := l.pageLanguage("content/fr/x.md"); got != "fr" {
			t.Fatalf("content/fr/x.md: %q, want fr", got)
		}
		if got := l.pageLanguage("content/x.md"); got != "en" {
			t.Fatalf("content/x.md: %q, want en", got)
		}
	}
	a, _ := Parse("x.md", []byte("---\ntitle: T\ndate: 2020-01-01\nlang: nb\n---\nText.\n"))
	if a.Language != "nb" {
		t.Errorf("lang: nb gave %q", a.Language)
	}
}

// A content folder two languages share is Hugo's first's: the default
// language's, else the lightest's by weight (none, 0, last), else the
// first by key; a language without its own contentDir reads the site's.
// Each row as hugo 0.111.3 built it (an attack's report: folio gave the
// folder to the first language by key, de).
func TestHugoSharedContentDirIsTheFirstLanguages(t *testing.T) {
	rows := map[string]struct{ config, want string }{
		"default":        {"defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content'\nweight = 1\n[languages.de]\ncontentDir = 'content'\nweight = 2\n", "en"},
		"default-weighs": {"defaultContentLanguage = 'de'\n[languages.en]\ncontentDir = 'content'\nweight = 1\n[languages.de]\ncontentDir = 'content'\nweight = 2\n", "de"},
		"lighter":        {"[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content'\nweight = 2\n[languages.de]\ncontentDir = 'content'\nweight = 3\n", "fr"},
		"lighter-de":     {"[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content'\nweight = 3\n[languages.de]\ncontentDir = 'content'\nweight = 2\n", "de"},
		"unweighed-last": {"[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content'\nweight = 1\n[languages.de]\ncontentDir = 'content'\n", "fr"},
		"by-key":         {"[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content'\nweight = 1\n[languages.de]\ncontentDir = 'content'\nweight = 1\n", "de"},
		"default-own":    {"defaultContentLanguage = 'fr'\n[languages.en]\ncontentDir = 'content'\nweight = 1\n[languages.fr]\ncontentDir = 'content/fr'\nweight = 2\n[languages.de]\ncontentDir = 'content'\nweight = 3\n", "en"},
		"site-default":   {"[languages.en]\nweight = 2\n[languages.de]\ncontentDir = 'content'\nweight = 1\n", "en"},
		"site-lighter":   {"contentDir = 'content'\n[languages.en]\nweight = 3\ncontentDir = 'content/en'\n[languages.fr]\nweight = 1\n[languages.de]\ncontentDir = 'content'\nweight = 2\n", "fr"},
	}
	files := map[string]string{}
	for name, r := range rows {
		files[name+"/hugo.toml"] = "baseURL = 'https://e.org/'\n" + r.config
		files[name+"/content/x.md"] = "---\ntitle: X\ndate: 2020-02-03\n---\nx\n"
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	a, _ := loadSite(t, dir)
	for name, r := range rows {
		p := name + "/content/x.md"
		i := slices.IndexFunc(a.Articles, func(x Article) bool { return x.Path == p })
		if i < 0 {
			t.Errorf("%s: not loaded", p)
			continue
		}
		if got := a.Articles[i].Language; got != r.want {
			t.Errorf("%s: language %q, want %q", name, got, r.want)
		}
	}
}

// languagesAre checks the language of each piece of a that want names,
// and that every one of them was read.
func languagesAre(t *testing.T, a *Archive, want map[string]string) {
	t.Helper()
	seen := 0
	for _, x := range a.Articles {
		w, ok := want[x.Path]
		if !ok {
			continue
		}
		seen++
		if x.Language != w {
			t.Errorf("%s: language %q, want %q", x.Path, x.Language, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d pieces read", seen, len(want))
	}
}

// TestLanguageRanges: a filter value is read as a range (a tag in any
// case, a name), matched by RFC 4647's basic filtering, and a piece is
// counted under its tag and its prefixes.
func TestLanguageRanges(t *testing.T) {
	for _, c := range []struct {
		v, r string
		ok   bool
	}{{"en", "en", true}, {"EN-gb", "en-gb", true}, {"en_US", "en-us", true}, {"German", "de", true},
		{"ger", "de", true}, {"fre-CA", "fr-ca", true}, {"iw", "he", true}, {"gerx", "", false},
		{"klingon", "", false}, {"xx", "", false}, {NoLanguage, "", false}, {"", "", false}} {
		if r, ok := LanguageRange(c.v); r != c.r || ok != c.ok {
			t.Errorf("LanguageRange(%q) = %q, %v; want %q, %v", c.v, r, ok, c.r, c.ok)
		}
	}
	for _, c := range []struct {
		tag, r string
		want   bool
	}{{"en", "en", true}, {"en-GB", "en", true}, {"en-GB", "en-gb", true}, {"en", "en-gb", false},
		{"en-US", "en-gb", false}, {"eng", "en", false}, {"en", "e", false}, {"", "en", false}, {"zh-Hant-TW", "zh-hant", true}} {
		if got := LanguageMatches(c.tag, c.r); got != c.want {
			t.Errorf("LanguageMatches(%q, %q) = %v", c.tag, c.r, got)
		}
	}
	if got := LanguageValues("zh-Hant-TW"); !slices.Equal(got, []string{"zh-Hant-TW", "zh-Hant", "zh"}) {
		t.Errorf("LanguageValues(zh-Hant-TW) = %q", got)
	}
	if got := LanguageValues(""); !slices.Equal(got, []string{NoLanguage}) {
		t.Errorf("LanguageValues(\"\") = %q", got)
	}
}

func TestRepeatedLanguageRows(t *testing.T) {
	for _, c := range []struct {
		counts map[string]int
		want   []string
	}{
		{map[string]int{"en": 3, "en-GB": 3, "fr": 2, "fr-FR": 2, "de": 1}, []string{"en", "fr"}},
		{map[string]int{"en": 5, "en-GB": 3, "en-US": 2}, nil},                              // en over two tags
		{map[string]int{"en": 4, "en-GB": 3}, nil},                                          // one piece of plain en
		{map[string]int{"zh": 2, "zh-Hant": 2, "zh-Hant-TW": 2}, []string{"zh", "zh-Hant"}}, // every prefix
		{map[string]int{"en": 2, "EN-gb": 2}, []string{"en"}},                               // any case
		{map[string]int{"e": 2, "en": 2}, nil},                                              // no subtag boundary
		{map[string]int{NoLanguage: 2, "en": 2}, nil},
	} {
		got := slices.Sorted(maps.Keys(RepeatedLanguageRows(c.counts, nil)))
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: repeated %v, want %v", c.counts, got, c.want)
		}
	}
	// a row chosen stays: by its value in any case, or a value naming it
	counts := map[string]int{"en": 3, "en-GB": 3, "zh": 1, "zh-Hant": 1}
	for _, c := range []struct {
		chosen []string
		want   []string
	}{
		{[]string{"en"}, []string{"zh"}},
		{[]string{"EN", "zh"}, nil},
		{[]string{"English"}, []string{"zh"}},
		{[]string{"Chinese"}, []string{"en"}},
		{[]string{"en-GB"}, []string{"en", "zh"}},
		{[]string{"klingon"}, []string{"en", "zh"}},
	} {
		got := slices.Sorted(maps.Keys(RepeatedLanguageRows(counts, c.chosen)))
		if !slices.Equal(got, c.want) {
			t.Errorf("chosen %q: repeated %v, want %v", c.chosen, got, c.want)
		}
	}
}
