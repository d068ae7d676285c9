package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A piece's language, read from its front matter, is in list --json and
// show --json, and cited from the index: biblatex's langid, CSL-JSON's
// language, RIS's LA; a value that is no language is a problem naming
// its file and line (folio check), the piece listed without one.
func TestLanguageListedShownAndCited(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"welt.md":  "---\ntitle: Die Welt und das Ende\ndate: 2020-05-01\nauthor: Ann Lee\nlanguage: de\nurl: https://example.org/welt\n---\nText.\n",
		"monde.md": "---\ntitle: Le monde\ndate: 2020-05-02\nauthor: Bo Chan\nlang: fr-fr\n---\nTexte.\n",
		"world.md": "---\ntitle: The World\ndate: 2020-05-03\nauthor: Cy Dee\n---\nText.\n",
		"bad.md":   "---\ntitle: Bad\ndate: 2020-05-04\nauthor: Di Eve\n\nlanguage: klingon\n---\nText.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := t.TempDir()
	out, _, code := runIndexed(t, idx, "--archive", dir, "list", "--json")
	if code != 0 {
		t.Fatalf("list: exit %d", code)
	}
	var listed []map[string]any
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	langs := map[string]any{}
	for _, p := range listed {
		if l, ok := p["language"]; ok {
			langs[p["id"].(string)] = l
		}
	}
	if len(listed) != 4 || len(langs) != 2 || langs["welt"] != "de" || langs["monde"] != "fr-FR" {
		t.Errorf("languages listed %v of %d pieces:\n%s", langs, len(listed), out)
	}
	out, _, _ = runIndexed(t, idx, "--archive", dir, "show", "--json", "monde")
	if !strings.Contains(out, `"language": "fr-FR"`) {
		t.Errorf("show --json:\n%s", out)
	}
	for format, want := range map[string][]string{
		"bibtex":   {"= {german}", "= {french}"},
		"csl-json": {`"language": "de"`, `"language": "fr-FR"`},
		"ris":      {"LA  - de\n", "LA  - fr-FR\n"},
	} {
		out, _, code := runIndexed(t, idx, "--archive", dir, "cite", "--all", "--format", format, "--accessed", "2025-01-02")
		for _, w := range want {
			if code != 0 || strings.Count(out, w) != 1 {
				t.Errorf("cite --format %s (exit %d), want %q once:\n%s", format, code, w, out)
			}
		}
		if n := strings.Count(out, "lang"); format != "ris" && n != 2 {
			t.Errorf("cite --format %s: %d languages for 2 pieces with one:\n%s", format, n, out)
		}
	}
	out, errOut, _ := runIndexed(t, idx, "--archive", dir, "check")
	if !strings.Contains(out+errOut, `bad.md:6: language: "klingon" is no language`) {
		t.Errorf("check:\n%s%s", out, errOut)
	}
}

// search --json's hits carry their language as list --json's pieces do
// (a review: a JSON consumer could not tell a hit's), left out when it is
// not known.
func TestLanguageInSearchJSON(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"welt.md":  "---\ntitle: Die Welt\ndate: 2020-05-01\nlanguage: de-AT\n---\nEnde.\n",
		"world.md": "---\ntitle: The World\ndate: 2020-05-03\n---\nEnde.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runIndexed(t, t.TempDir(), "--archive", dir, "search", "--json", "ende")
	var res struct {
		Hits []map[string]any `json:"hits"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Hits) != 2 {
		t.Fatalf("search --json: exit %d\n%s%s", code, out, errOut)
	}
	for _, h := range res.Hits {
		l, has := h["language"]
		switch h["id"] {
		case "welt":
			if l != "de-AT" {
				t.Errorf("welt: language %v, want de-AT", l)
			}
		default:
			if has {
				t.Errorf("%v: language %v, want none (left out)", h["id"], l)
			}
		}
	}
}

// A Hugo site's languageCode gives its pages their language in the index
// (list and search --json), and an edited one is read at the next command.
func TestHugoLanguageCodeInTheIndex(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "title = 'S'\nlanguageCode = 'de-de'\n")
	write("content/posts/welt.md", "---\ntitle: Die Welt\ndate: 2020-05-01\n---\nEnde.\n")
	idx := t.TempDir()
	languageOf := func(want string) {
		t.Helper()
		out, errOut, code := runIndexed(t, idx, "--archive", dir, "list", "--json")
		var listed []map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &listed) != nil || len(listed) != 1 || listed[0]["language"] != want {
			t.Errorf("list --json: exit %d, want language %s:\n%s%s", code, want, out, errOut)
		}
		out, errOut, code = runIndexed(t, idx, "--archive", dir, "search", "--json", "ende")
		if code != 0 || !strings.Contains(out, `"language": "`+want+`"`) {
			t.Errorf("search --json: exit %d, want language %s:\n%s%s", code, want, out, errOut)
		}
	}
	languageOf("de-DE")
	write("hugo.toml", "title = 'S'\nlanguageCode = 'fr-fr'\n")
	languageOf("fr-FR")
}

// folio show names a piece's language in its header, plain and --raw, as
// the reader does; a piece of no known language says none.
func TestShowNamesTheLanguage(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"welt.md":  "---\ntitle: Die Welt\noutlet: Der Standard\ndate: 2020-05-01\nlanguage: de-AT\n---\nEnde.\n",
		"world.md": "---\ntitle: The World\noutlet: The Post\ndate: 2020-05-03\n---\nEnde.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := t.TempDir()
	for _, args := range [][]string{{"show", "welt"}, {"show", "--raw", "welt"}} {
		out, errOut, code := runIndexed(t, idx, append([]string{"--archive", dir}, args...)...)
		if code != 0 || !strings.Contains(out, "1 May 2020 · German (de-AT)") {
			t.Errorf("%v: exit %d, want the language after the date\n%s%s", args, code, out, errOut)
		}
	}
	out, _, _ := runIndexed(t, idx, "--archive", dir, "show", "world")
	if !strings.Contains(out, "The Post · 3 May 2020\n") {
		t.Errorf("show world: want no language\n%s", out)
	}
}
