package index

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A superscript's number is not the number it follows: 10<sup>6</sup> is
// indexed as 10 (the tokenizer reads no superscript digit as part of a
// number), so a search for 106 finds the piece that says 106, not 10⁶.
func TestSuperscriptIsNotPartOfItsNumber(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"sup.md":   "About 10<sup>6</sup> tonnes were shipped.",
		"plain.md": "About 106 tonnes were shipped.",
		"sub.md":   "The CO<sub>2</sub> count rose.",
		"co2.md":   "The CO2 count rose.",
	} {
		text := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"106", []string{"plain"}},
		{"10", []string{"sup"}},
		{"co2", []string{"co2"}},
		{"co", []string{"sub"}},
	} {
		if got := sortedIDs(run(t, ix, Query{Text: c.q})); !slices.Equal(got, c.want) {
			t.Errorf("%s: found %v, want %v", c.q, got, c.want)
		}
	}
}
