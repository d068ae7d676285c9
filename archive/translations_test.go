package archive

import (
	"strings"
	"testing"
)

// Links to the pages of a multilingual Hugo site name them: a
// translation's file is named with its language (index.fr.md,
// plain.fr.md), served at /fr/…, the default language's at /… (a
// helper's report against Hugo 0.111: all four named nothing); the
// pieces keep their ids.
func TestLinksToTranslations(t *testing.T) {
	piece := func(title, body string) string {
		return "---\ntitle: " + title + "\ndate: 2017-10-03\n---\n" + body + "\n"
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"hugo.toml":                              "title = 'S'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/interviews/ft-2017/index.en.md": piece("FT en", "Text."),
		"content/interviews/ft-2017/index.fr.md": piece("FT fr", "Texte."),
		"content/interviews/plain.fr.md":         piece("Plain fr", "Texte."),
		"content/notes/linker.md": piece("Linker", strings.Join([]string{
			"[en](/interviews/ft-2017/)", "[fr](/fr/interviews/ft-2017/)", "[fr plain](/fr/interviews/plain/)",
			`[ref fr]({{< ref path="/interviews/ft-2017" lang="fr" >}})`, "[none](/de/interviews/plain/)"}, "\n\n")),
	})
	a, probs := loadSite(t, dir)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	for id, title := range map[string]string{"content/interviews/ft-2017/index-en": "FT en", "content/interviews/ft-2017/index-fr": "FT fr", "content/interviews/plain-fr": "Plain fr"} {
		if x, ok := a.Get(id); !ok || x.Title != title {
			t.Errorf("id %s: %q %v, want %q", id, x.Title, ok, title)
		}
	}
	title := func(c []string) (string, bool) { p, ok := a.Resolve(c); return p.Title, ok }
	x, _ := a.Get("content/notes/linker")
	want := "en (→ “FT en”)\n\nfr (→ “FT fr”)\n\nfr plain (→ “Plain fr”)\n\nref fr (→ “FT fr”)\n\n[none](/de/interviews/plain/)"
	if got := MarkLinks(x.Body, x.Path, title); got != want {
		t.Errorf("links read\n%q, want\n%q", got, want)
	}
}
