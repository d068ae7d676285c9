package archive

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// zolaTOMLSite is a Zola site's files with its config named name: a draft
// section, an ignored_content glob, a page dated by its name, a French
// translation, a section page, and a page linking to the site's own URLs.
func zolaTOMLSite(name string) map[string]string {
	return map[string]string{
		name:                                  "base_url = \"https://z.example.org/\"\nignored_content = [\"*.wip.md\"]\n[languages.fr]\n",
		"content/_index.md":                   "+++\ntitle = \"Home\"\n+++\n",
		"content/blog/_index.md":              "+++\ntitle = \"Blog\"\n+++\n",
		"content/blog/2021-05-05-hello.md":    zolaPage("Hello", ""),
		"content/blog/2021-05-05-hello.fr.md": zolaPage("Bonjour", ""),
		"content/blog/x.wip.md":               zolaPage("WIP", "date = 2021-01-02\n"),
		"content/drafts/_index.md":            "+++\ntitle = \"D\"\ndraft = true\n+++\n",
		"content/drafts/d.md":                 zolaPage("D", "date = 2021-01-03\n"),
		"content/links.md": "+++\ntitle = \"Links\"\ndate = 2021-01-04\n+++\n" +
			"[h](https://z.example.org/blog/hello/) [fr](https://z.example.org/fr/blog/hello/)\n",
		"README.md": "# The site\n",
	}
}

// Zola looks for zola.toml first, then for config.toml (getzola/zola
// src/main.rs, get_config_file_path), and `zola init` writes zola.toml: a
// site whose config is zola.toml is read as the same site named
// config.toml is, its pages, dates, languages and own URL alike. folio
// knew config.toml alone: the site was no site, its draft section's page
// and its ignored page pieces, its section pages pieces, its README a
// piece, no page dated by its name.
func TestZolaTOMLIsZolasConfig(t *testing.T) {
	type read struct {
		pieces []string
		dates  map[string]string
		langs  map[string]string
		marked string
	}
	readAs := func(name string) read {
		dir := t.TempDir()
		writeFiles(t, dir, zolaTOMLSite(name))
		a, probs := loadSite(t, dir)
		if n, _ := CountProblems(probs); n != 0 {
			t.Fatalf("%s: problems %v", name, probs)
		}
		r := read{pieces: piecePaths(a), dates: datesOf(a), langs: map[string]string{}}
		for _, x := range a.Articles {
			r.langs[x.Path] = x.Language
		}
		links, ok := a.Get("content/links")
		if !ok {
			t.Fatalf("%s: no content/links among %v", name, r.pieces)
		}
		bases := SiteURLs(a.FS, links.Path)
		title := func(c []string) (string, bool) { x, ok := a.Resolve(c); return x.Title, ok }
		r.marked = MarkLinksIn(links.Body, links.Path, bases, title)
		return r
	}
	old, now := readAs("config.toml"), readAs("zola.toml")
	sameLines(t, "pieces", now.pieces, []string{"content/blog/2021-05-05-hello.fr.md", "content/blog/2021-05-05-hello.md", "content/links.md"})
	sameLines(t, "pieces as with config.toml", now.pieces, old.pieces)
	if !maps.Equal(now.dates, old.dates) || now.dates["content/blog/2021-05-05-hello.md"] != "2021-05-05" {
		t.Errorf("dates %v, with config.toml %v", now.dates, old.dates)
	}
	if !maps.Equal(now.langs, old.langs) || now.langs["content/blog/2021-05-05-hello.fr.md"] != "fr" {
		t.Errorf("languages %v, with config.toml %v", now.langs, old.langs)
	}
	if want := "h (→ “Hello”) fr (→ “Bonjour”)"; now.marked != want || old.marked != want {
		t.Errorf("links read %q (config.toml: %q), want %q", now.marked, old.marked, want)
	}
}

// With both, Zola reads zola.toml and not config.toml (get_config_file_path
// finds zola.toml first): config.toml's ignored_content and languages are
// no site's.
func TestZolaTOMLWinsOverConfigTOML(t *testing.T) {
	dir := t.TempDir()
	files := zolaTOMLSite("zola.toml")
	files["config.toml"] = "base_url = \"https://other.example.org/\"\nignored_content = [\"links.md\"]\n"
	writeFiles(t, dir, files)
	a, probs := loadSite(t, dir)
	if n, _ := CountProblems(probs); n != 0 {
		t.Fatalf("problems %v", probs)
	}
	sameLines(t, "pieces", piecePaths(a), []string{"content/blog/2021-05-05-hello.fr.md", "content/blog/2021-05-05-hello.md", "content/links.md"})
	links, _ := a.Get("content/links")
	if got := SiteURLs(a.FS, links.Path); !slices.Equal(got, []string{"https://z.example.org/"}) {
		t.Errorf("SiteURLs %v, want zola.toml's base_url", got)
	}
}

// A zola.toml that cannot be decoded is said, at its line, as a broken
// Hugo or Jekyll config is: the site is read without it.
func TestZolaTOMLBrokenIsSaid(t *testing.T) {
	dir := t.TempDir()
	files := zolaTOMLSite("zola.toml")
	files["zola.toml"] = "base_url = \"https://z.example.org/\"\nignored_content = [\"*.wip.md\"\n"
	writeFiles(t, dir, files)
	_, probs := loadSite(t, dir)
	var said []string
	for _, p := range probs {
		if p.Path == "zola.toml" {
			said = append(said, p.Error())
		}
	}
	if len(said) != 1 || !strings.HasPrefix(said[0], "zola.toml:2: ") || !strings.HasSuffix(said[0], zolaUnreadMsg) {
		t.Errorf("problems of zola.toml %q, want one at line 2 (the array left open), naming Zola's keys; all: %v", said, probs)
	}
}

// A zola.toml is Zola's by its name, but where the site is Hugo's: a Hugo
// config.toml (baseURL, Hugo's keys) or hugo.toml beside it is Hugo's
// site, as Hugo reads it (its ignoreFiles applied: a review, 48r), and a
// zola.toml Hugo never reads is no problem of it, broken or not. A
// zola.toml without base_url is Zola's, said (Zola builds nothing of it);
// a broken config.toml beside a zola.toml, which Zola never reads, is
// not (48s).
func TestZolaTOMLBesideHugosConfig(t *testing.T) {
	page := zolaPage("P", "date = 2021-01-01\n")
	for _, c := range []struct {
		name   string
		files  map[string]string
		pieces []string
		said   []string
	}{
		{"hugo config.toml", map[string]string{
			"config.toml":           "baseURL = \"https://h.example.org/\"\nignoreFiles = [\"wip\"]\n[params]\nx = 1\n",
			"zola.toml":             "base_url = \"https://z.example.org/\"\n",
			"content/blog/hello.md": page, "content/blog/x-wip.md": page,
		}, []string{"content/blog/hello.md"}, nil},
		{"hugo.toml, zola.toml broken", map[string]string{
			"hugo.toml":             "baseURL = \"https://h.example.org/\"\n",
			"zola.toml":             "base_url = [\n",
			"content/blog/hello.md": page,
		}, []string{"content/blog/hello.md"}, nil},
		{"zola.toml without base_url", map[string]string{
			"zola.toml":             "title = \"x\"\nignored_content = [\"*wip*\"]\n",
			"content/blog/hello.md": page, "content/blog/x-wip.md": page,
		}, []string{"content/blog/hello.md"}, []string{"zola.toml: " + zolaNoBaseURLMsg}},
		{"config.toml broken beside zola.toml", map[string]string{
			"zola.toml":             "base_url = \"https://z.example.org/\"\n",
			"config.toml":           "base_url = [\n",
			"content/blog/hello.md": page,
		}, []string{"content/blog/hello.md"}, nil},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, c.files)
		a, probs := loadSite(t, dir)
		sameLines(t, c.name+": pieces", piecePaths(a), c.pieces)
		var said []string
		for _, p := range probs {
			if strings.HasSuffix(p.Path, ".toml") {
				said = append(said, p.Error())
			}
		}
		sameLines(t, c.name+": config problems", said, c.said)
	}
}
