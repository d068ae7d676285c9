package index

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestCapitalsFindTheTag: a word in capitals is that spelling in the text,
// but finds a piece by its tag in any case (tags are topics' names, lower
// case by custom): ISIS finds the piece tagged isis, as isis does; the
// text's isis and aids in lower case are not ISIS and AIDS.
func TestCapitalsFindTheTag(t *testing.T) {
	src := t.TempDir()
	for name, text := range map[string]string{
		"tagged.md": "---\ntitle: One\ndate: 2017-01-01\ntags: [isis]\n---\nA piece about the group in Raqqa.\n",
		"caps.md":   "---\ntitle: Two\ndate: 2017-01-02\n---\nThe ISIS group.\n",
		"lower.md":  "---\ntitle: Three\ndate: 2017-01-03\n---\nThe goddess isis, who aids the poor.\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, src, t.TempDir())
	defer ix.Close()
	for q, want := range map[string][]string{
		"ISIS": {"caps", "tagged"},
		"AIDS": nil,
		"isis": {"caps", "lower", "tagged"},
	} {
		r := run(t, ix, Query{Text: q, Limit: 10})
		got := ids(r)
		slices.Sort(got)
		if !slices.Equal(got, want) || r.Total != len(want) {
			t.Errorf("%s: %v (%d), want %v", q, got, r.Total, want)
		}
	}
}
