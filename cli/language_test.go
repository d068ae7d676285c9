package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// languageArchive writes an archive of pieces in en, en-GB (one written
// en_gb), en-US, fr (one by its name, French) and none.
func languageArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, lang := range map[string]string{
		"en1": "en", "gb1": "en-GB", "gb2": "en_gb", "us": "en-US", "fr1": "fr", "fr2": "French", "none1": "", "none2": "",
	} {
		front := "---\ntitle: Piece " + name + "\ndate: 2020-01-02\nkind: article\n"
		if lang != "" {
			front += "language: " + lang + "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(front+"---\nSome words about policy.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLanguageFlagCountsAgree: --language keeps the same pieces in list
// (from the index and, with --collapse-copies, from the files), search and
// stats, by RFC 4647's basic filtering (en: en, en-GB, en-US; en-GB en-GB
// alone; a name its tag; "(no language)" the pieces without one); stats
// has a Language table whose every row counts what its filter keeps, and
// search's facets and --json carry the languages; a value that names no
// language is refused, named, as list, search and stats refuse a bad
// filter.
func TestLanguageFlagCountsAgree(t *testing.T) {
	dir := languageArchive(t)
	idx := t.TempDir()
	folio := func(args ...string) string {
		t.Helper()
		out, errOut, code := runIndexed(t, idx, append([]string{"--archive", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errOut)
		}
		return out
	}
	listIDs := func(args ...string) []string {
		t.Helper()
		var got []articleJSON
		if err := json.Unmarshal([]byte(folio(append([]string{"list", "--json"}, args...)...)), &got); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		slices.Sort(ids)
		return ids
	}
	statsOf := func(args ...string) archiveStats {
		t.Helper()
		var st archiveStats
		if err := json.Unmarshal([]byte(folio(append([]string{"stats", "--json"}, args...)...)), &st); err != nil {
			t.Fatal(err)
		}
		return st
	}
	searchTotal := func(args ...string) (int, map[string]int) {
		t.Helper()
		var res struct {
			Total  int                       `json:"total"`
			Facets map[string]map[string]int `json:"facets"`
		}
		if err := json.Unmarshal([]byte(folio(append([]string{"search", "policy", "--json"}, args...)...)), &res); err != nil {
			t.Fatal(err)
		}
		return res.Total, res.Facets["languages"]
	}
	for _, c := range []struct {
		values []string
		want   []string
	}{
		{[]string{"en"}, []string{"en1", "gb1", "gb2", "us"}},
		{[]string{"EN"}, []string{"en1", "gb1", "gb2", "us"}},
		{[]string{"English"}, []string{"en1", "gb1", "gb2", "us"}},
		{[]string{"en-GB"}, []string{"gb1", "gb2"}},
		{[]string{"en-gb", "french"}, []string{"fr1", "fr2", "gb1", "gb2"}},
		{[]string{"de"}, nil},
		{[]string{archive.NoLanguage}, []string{"none1", "none2"}},
	} {
		var args []string
		for _, v := range c.values {
			args = append(args, "--language", v)
		}
		if got := listIDs(args...); !slices.Equal(got, c.want) {
			t.Errorf("list %q: %v, want %v", args, got, c.want)
		}
		if got := listIDs(append(args, "--collapse-copies")...); !slices.Equal(got, c.want) {
			t.Errorf("list %q from the files: %v, want %v", args, got, c.want)
		}
		if n, _ := searchTotal(args...); n != len(c.want) {
			t.Errorf("search %q: %d pieces, want %d", args, n, len(c.want))
		}
		if st := statsOf(args...); st.Pieces != len(c.want) {
			t.Errorf("stats %q: %d pieces, want %d", args, st.Pieces, len(c.want))
		}
	}
	st := statsOf()
	want := map[string]int{"en": 4, "en-GB": 2, "en-US": 1, "fr": 2, archive.NoLanguage: 2}
	got := map[string]int{}
	for _, c := range st.Languages {
		got[c.Key] = c.Count
		if n := len(listIDs("--language", c.Key)); n != c.Count {
			t.Errorf("stats: %s %d, --language %s lists %d", c.Key, c.Count, c.Key, n)
		}
	}
	if !mapsEqual(got, want) {
		t.Errorf("stats languages %v, want %v", got, want)
	}
	if _, facets := searchTotal(); !mapsEqual(facets, want) {
		t.Errorf("search's language facets %v, want %v", facets, want)
	}
	if out := folio("stats"); !strings.Contains(out, "\nLanguage\n  en ") {
		t.Errorf("stats has no Language table:\n%s", out)
	}
	if out := folio("search", "policy"); !strings.Contains(out, "langs") || !strings.Contains(out, "en-GB (2)") {
		t.Errorf("search shows no languages:\n%s", out)
	}
	// one language: no table, nor when it is one tag and its prefix
	// (fr-FR counted under fr as well: archive.RepeatedLanguageRows)
	for _, lang := range []string{"fr", "fr-FR"} {
		one := t.TempDir()
		os.WriteFile(filepath.Join(one, "a.md"), []byte("---\ntitle: A\ndate: 2020-01-02\nlanguage: "+lang+"\n---\nMots.\n"), 0o644)
		if out, _, _ := runIndexed(t, t.TempDir(), "--archive", one, "stats"); !strings.Contains(out, ": 1 piece") || strings.Contains(out, "\nLanguage\n") {
			t.Errorf("stats of one language, %s, has a Language table:\n%s", lang, out)
		}
	}
	// refused, named, by each command alike
	for _, cmd := range [][]string{{"list"}, {"stats"}, {"search", "policy"}, {"trends", "policy"}} {
		_, errOut, code := runIndexed(t, idx, append(append([]string{"--archive", dir}, cmd...), "--language", "klingon")...)
		if code != 2 || !strings.Contains(errOut, `--language: "klingon" is no language`) {
			t.Errorf("%q --language klingon: exit %d, %q", cmd, code, errOut)
		}
	}
}

// TestSavedSearchKeepsLanguages: a saved search keeps its --language,
// lists it, runs as folio search with it, and a saved file's language
// that names none is refused, named.
func TestSavedSearchKeepsLanguages(t *testing.T) {
	e := newSavedEnv(t, languageArchive(t))
	path := filepath.Join(e.config, "folio", "saved.json")
	// the file's format: 1 while no search has languages (an older folio
	// reads it), 2 once one has (an older folio says a newer one wrote it,
	// where it refused the field as unknown)
	version := func() string {
		data, _ := os.ReadFile(path)
		return regexp.MustCompile(`"version": \d+`).FindString(string(data))
	}
	e.must("saved", "add", "plain", "policy")
	if v := version(); v != `"version": 1` {
		t.Errorf("saved.json without languages: %s, want format 1", v)
	}
	e.must("saved", "add", "british", "policy", "--language", "en-GB", "--language", "(no language)")
	if v := version(); v != `"version": 2` {
		t.Errorf("saved.json with languages: %s, want format 2", v)
	}
	l, ok := e.list()["british"]
	if !ok || l.Count != 4 {
		t.Fatalf("saved list: %+v", e.list())
	}
	if langs, _ := l.Filters["languages"].([]any); len(langs) != 2 || langs[0] != "en-GB" {
		t.Errorf("saved filters %v", l.Filters)
	}
	if out := e.must("saved", "list"); !strings.Contains(out, "--language en-GB --language '(no language)'") {
		t.Errorf("saved list:\n%s", out)
	}
	run := tookMS.ReplaceAllString(e.must("saved", "run", "british", "--json"), "")
	search := tookMS.ReplaceAllString(e.must("search", "--json", "policy", "--language", "en-GB", "--language", "(no language)"), "")
	if run != search {
		t.Errorf("run --json differs from search --json:\n%s\n---\n%s", run, search)
	}
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), `"en-GB"`, `"Klingon"`, 1)), 0o600)
	if _, _, err := e.folio("saved", "run", "british"); err == nil || !strings.Contains(err.Error(), `"Klingon" is no language`) {
		t.Errorf("a saved language that names none: %v", err)
	}
}

// TestChosenLanguageRowStays: a language row that only repeats a longer
// tag's (en over two en-GB pieces) is left out, but not the one
// --language chose, by its tag or its name, in stats as in search's
// facets (archive.RepeatedLanguageRows: stats --language en, and search
// --language English, left en out, where search --language en kept it).
func TestChosenLanguageRowStays(t *testing.T) {
	dir := t.TempDir()
	for name, lang := range map[string]string{"a": "en-GB", "b": "en-GB", "c": "fr"} {
		front := "---\ntitle: Piece " + name + "\ndate: 2020-01-02\nlanguage: " + lang + "\n---\nSome words about policy.\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(front), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := t.TempDir()
	folio := func(args ...string) string {
		t.Helper()
		out, errOut, code := runIndexed(t, idx, append([]string{"--archive", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errOut)
		}
		return out
	}
	rows := func(args ...string) (stats, search map[string]int) {
		t.Helper()
		var st archiveStats
		if err := json.Unmarshal([]byte(folio(append([]string{"stats", "--json"}, args...)...)), &st); err != nil {
			t.Fatal(err)
		}
		stats = map[string]int{}
		for _, c := range st.Languages {
			stats[c.Key] = c.Count
		}
		var res struct {
			Facets map[string]map[string]int `json:"facets"`
		}
		if err := json.Unmarshal([]byte(folio(append([]string{"search", "policy", "--json"}, args...)...)), &res); err != nil {
			t.Fatal(err)
		}
		return stats, res.Facets["languages"]
	}
	// (search's facets count a field's values without its own filter:
	// fr stays beside the English rows)
	for _, c := range []struct {
		args         []string
		stats, facet map[string]int
	}{
		{nil, map[string]int{"en-GB": 2, "fr": 1}, map[string]int{"en-GB": 2, "fr": 1}},
		{[]string{"--language", "en"}, map[string]int{"en": 2, "en-GB": 2}, map[string]int{"en": 2, "en-GB": 2, "fr": 1}},
		{[]string{"--language", "English"}, map[string]int{"en": 2, "en-GB": 2}, map[string]int{"en": 2, "en-GB": 2, "fr": 1}},
		{[]string{"--language", "EN"}, map[string]int{"en": 2, "en-GB": 2}, map[string]int{"en": 2, "en-GB": 2, "fr": 1}},
		{[]string{"--language", "en-gb"}, map[string]int{"en-GB": 2}, map[string]int{"en-GB": 2, "fr": 1}},
	} {
		stats, search := rows(c.args...)
		if !mapsEqual(stats, c.stats) {
			t.Errorf("stats %q: languages %v, want %v", c.args, stats, c.stats)
		}
		if !mapsEqual(search, c.facet) {
			t.Errorf("search %q: language facets %v, want %v", c.args, search, c.facet)
		}
	}
}
