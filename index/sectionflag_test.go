package index

import (
	"context"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// TestSectionPageKnownByItsFlag: a section page reserves no id (holdsID)
// because its manifest entry says it is one (fileEntry.Section), not
// because of its problem's message: a Hugo site's _index.fr.md is still
// recognised with no problem recorded, and a broken piece whose problem
// reads as a section page's still keeps its id (holdsID matched the
// message: a problem saying those words was a section page's).
func TestSectionPageKnownByItsFlag(t *testing.T) {
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"site/hugo.toml":                 "baseURL = 'https://e.org/'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"site/content/blog/_index.fr.md": "---\ntitle: Blog\n---\n",
		"site/content/blog/b.md":         dupGood1,
		"broken.md":                      dupBroken,
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ix, err := Open(context.Background(), name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	known := KnownIDs(name, Options{Dir: dir})
	if _, ok := known["site/content/blog/_index.fr.md"]; ok || known["broken.md"] != "broken" || known["site/content/blog/b.md"] == "" {
		t.Errorf("KnownIDs: %v, want broken.md's and b.md's, no section page's", known)
	}
	m, err := readManifest(liveGen(t, dir))
	if err != nil || m.loadFiles() != nil {
		t.Fatal("manifest unreadable", err)
	}
	section, broken := m.Files["site/content/blog/_index.fr.md"], m.Files["broken.md"]
	if !section.Section || broken.Section || !broken.Fatal || section.ID == "" {
		t.Fatalf("section page's entry %+v, broken piece's %+v", section, broken)
	}
	section.Problems = nil
	if holdsID("site/content/blog/_index.fr.md", section) {
		t.Error("a section page without its problem holds its id")
	}
	broken.Problems = []archive.Problem{{Path: "broken.md", Msg: archive.SectionPageMsg, Fatal: true}}
	if !holdsID("broken.md", broken) {
		t.Error("a broken piece whose problem reads as a section page's holds no id")
	}
}
