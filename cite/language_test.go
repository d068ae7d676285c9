package cite

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// languagePieces are pieces in several languages, with the langid
// biblatex is given for each: babel's name, by region for English,
// Brazilian Portuguese, Austrian German; none for a language babelNames
// has not (Quechua) or a piece without one.
func languagePieces() ([]archive.Article, []string) {
	mk := func(id, title, lang string) archive.Article {
		return archive.Article{ID: id, Title: title, Authors: []string{"Ann Lee"}, Outlet: "Die Zeit", Date: day("2020-05-01"),
			URL: "https://example.org/" + id, Language: lang}
	}
	return []archive.Article{
		mk("de", "Die Welt und das Ende", "de"),
		mk("fr", "Le monde et la fin", "fr"),
		mk("gb", "The World and the End", "en-GB"),
		mk("us", "The World and the End", "en-US"),
		mk("en", "The World and the End", "en"),
		mk("br", "O mundo e o fim", "pt-BR"),
		mk("at", "Die Welt und das Ende", "de-AT"),
		mk("qu", "Pachamanta", "qu"),
		mk("none", "The World and the End", ""),
	}, []string{"german", "french", "british", "american", "english", "brazilian", "austrian", "", ""}
}

// A piece's language is cited in each format that has a field for it:
// biblatex's langid (babel's name, which biblatex-apa reads to leave a
// German title's case alone: it printed "Die welt und das ende"), RIS's
// LA and CSL-JSON's language (the tag); the key does not change with it.
func TestLanguageInEachFormat(t *testing.T) {
	arts, langids := languagePieces()
	entries := checkEntries(t, arts, BibTeXEntries(arts, accessed, nil))
	for i, e := range entries {
		got, ok := e.Get("langid")
		if got != langids[i] || ok != (langids[i] != "") {
			t.Errorf("%s: langid %q (%v), want %q", arts[i].ID, got, ok, langids[i])
		}
		if _, ok := e.Get("language"); ok {
			t.Errorf("%s: a language field, which biblatex prints", arts[i].ID)
		}
	}

	var las []string
	for _, rec := range strings.Split(strings.TrimSuffix(RISRecords(arts, accessed), "\n"), "\n\n") {
		la := ""
		for _, l := range strings.Split(rec, "\n") {
			m := risLine.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("not an RIS line: %q", l)
			}
			if m[1] == "LA" {
				if la != "" {
					t.Errorf("two LA in %q", rec)
				}
				la = m[2]
			}
		}
		las = append(las, la)
	}
	out, err := CSLJSONItems(arts, accessed, nil)
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatal(err)
	}
	if len(las) != len(arts) || len(items) != len(arts) {
		t.Fatalf("%d RIS records, %d CSL items for %d pieces", len(las), len(items), len(arts))
	}
	for i, a := range arts {
		if las[i] != a.Language {
			t.Errorf("%s: RIS LA %q, want %q", a.ID, las[i], a.Language)
		}
		got, has := items[i]["language"]
		if a.Language == "" && has || a.Language != "" && got != a.Language {
			t.Errorf("%s: CSL language %v (%v), want %q", a.ID, got, has, a.Language)
		}
		plain := a
		plain.Language = ""
		if Key(a) != Key(plain) {
			t.Errorf("%s: key %s, %s without its language", a.ID, Key(a), Key(plain))
		}
	}
	for tag, want := range map[string]string{"de-DE": "german", "de-CH": "swissgerman", "EN-gb": "british", "zh-Hans": "chinese", "nb": "norsk", "xx": "", "": "", "und": ""} {
		if got := LangID(tag); got != want {
			t.Errorf("LangID(%q) = %q, want %q", tag, got, want)
		}
	}
}

// With pandoc (skipped without it): citeproc leaves a German piece's
// title as written where it title-cases an English one ("Die Welt Und Das
// Ende" without a language), and pandoc reads the biblatex langid back
// as the piece's language.
func TestLanguageThroughPandoc(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc not installed")
	}
	arts, _ := languagePieces()
	dir := t.TempDir()
	csl, err := CSLJSONItems(arts, accessed, nil)
	if err != nil {
		t.Fatal(err)
	}
	bib := filepath.Join(dir, "refs.json")
	if err := os.WriteFile(bib, csl, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pandoc", "--citeproc", "--bibliography", bib, "-t", "plain", "--wrap=none")
	cmd.Stdin = strings.NewReader("---\nnocite: '@*'\n---\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pandoc: %v\n%s", err, out)
	}
	for _, want := range []string{"“Die Welt und das Ende.”", "“Le monde et la fin.”", "“O mundo e o fim.”"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("citeproc's bibliography without %s:\n%s", want, out)
		}
	}

	bibtex := filepath.Join(dir, "refs.bib")
	if err := os.WriteFile(bibtex, []byte(BibTeXEntries(arts, accessed, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = exec.Command("pandoc", "-f", "biblatex", "-t", "csljson", bibtex).Output()
	if err != nil {
		t.Fatalf("pandoc: %v", err)
	}
	var items []struct{ Title, Language string }
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	keys := Keys(arts)
	byTitle := map[string]string{}
	for _, it := range items {
		byTitle[it.Title] = it.Language
	}
	if len(items) != len(arts) {
		t.Fatalf("%d items read back of %d (keys %v)", len(items), len(arts), keys)
	}
	for title, want := range map[string]string{"Die Welt und das Ende": "de", "Le monde et la fin": "fr", "O mundo e o fim": "pt-BR", "Pachamanta": ""} {
		if got := byTitle[title]; !strings.HasPrefix(got, want) || (want == "") != (got == "") {
			t.Errorf("%q read back in %q, want %q", title, got, want)
		}
	}
}
