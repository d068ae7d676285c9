package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestOneUnicodeForm: a word or a value written with a combining accent
// (NFD, as some editors and web pages write it) is the same as with the
// accented letter (NFC): café finds both pieces, and a tag spelt both
// ways, or with a zero-width space in it, is one tag.
func TestOneUnicodeForm(t *testing.T) {
	arch := t.TempDir()
	for name, text := range map[string]string{
		"nfc.md":  "---\ntitle: One\ndate: 2020-01-01\ntags: [café]\n---\nA café in Paris.\n",
		"nfd.md":  "---\ntitle: Two\ndate: 2020-01-02\ntags: [cafe\u0301]\n---\nA cafe\u0301 in Lyon.\n",
		"zw.md":   "---\ntitle: Three\ndate: 2020-01-03\ntags: [poli\u200btics, café]\n---\nNothing here.\n",
		"none.md": "---\ntitle: Four\ndate: 2020-01-04\ntags: [politics]\n---\nA cafeteria.\n",
	} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	found := func(q string) []string {
		var ids []string
		for _, h := range run(t, ix, Query{Text: q}).Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return ids
	}
	nfc, nfd := found("café"), found("cafe\u0301")
	if !slices.Equal(nfc, nfd) || !slices.Contains(nfc, "nfc") || !slices.Contains(nfc, "nfd") || slices.Contains(nfc, "none") {
		t.Errorf("café finds %v, cafe and a combining accent %v: want the same, with nfc and nfd", nfc, nfd)
	}
	if plain := found("cafe"); !slices.Contains(plain, "nfc") || !slices.Contains(plain, "nfd") {
		t.Errorf("cafe finds %v, want nfc and nfd among them", plain)
	}
	tags := map[string]int{}
	for _, fv := range ix.AllFacets().Tags {
		tags[fv.Value] = fv.Count
	}
	if len(tags) != 2 || tags["café"] != 3 || tags["politics"] != 2 {
		t.Errorf("tags %v, want café 3 and politics 2", tags)
	}
	for _, tag := range []string{"café", "cafe\u0301"} {
		if r := run(t, ix, Query{Tags: []string{tag}}); r.Total != 3 {
			t.Errorf("tag %q finds %d pieces, want 3: %v %v", tag, r.Total, r.Notes, r.Facets.Tags)
		}
	}
}
