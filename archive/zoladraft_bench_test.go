package archive

import (
	"fmt"
	"os"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// BenchmarkZolaDraftSection: what the section pages above each page of a
// Zola site of three languages give it (SiteRoots.cascade, whose draft is
// zolaDraftSection's), 2,000 pages in 50 sections, every page's asked.
func BenchmarkZolaDraftSection(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{
		"zola/config.toml": "base_url = \"https://z.example.org\"\ndefault_language = \"en\"\n[languages.fr]\n[languages.de]\n",
	}
	var pages []string
	for sec := range 50 {
		files[fmt.Sprintf("zola/content/s%d/_index.md", sec)] = "+++\ntitle = \"S\"\n+++\n"
		for i := range 40 {
			p := fmt.Sprintf("zola/content/s%d/p%d.md", sec, i)
			files[p] = zolaPage("P", "")
			pages = append(pages, p)
		}
	}
	testcorpus.WriteTree(b, dir, files)
	s := NewSiteRoots(os.DirFS(dir))
	paths := append([]string{}, pages...)
	for p := range files {
		paths = append(paths, p)
	}
	s.KnowSections(paths)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, draft := s.cascade(p); draft {
				b.Fatal(p, "in a draft section")
			}
		}
	}
}
