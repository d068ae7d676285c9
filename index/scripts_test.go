package index

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A superscript's number is not the number it follows: 10<sup>6</sup>,
// shown 10⁶, is indexed as 10 and 6, as 10^6 is, so a search for 10^6 or
// 10⁶ finds either and one for 106 the piece that says 106 alone (a
// helper's report, 42i: 10⁶ was 10 alone, its superscript left out, so
// 10^6 did not find it and 10⁶ found any 10). A subscript, or a
// superscript after a letter, is left out as before.
func TestSuperscriptIsNotPartOfItsNumber(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"sup.md":    "About 10<sup>6</sup> tonnes were shipped.",
		"caret.md":  "About 10^6 tonnes were shipped.",
		"plain.md":  "About 106 tonnes were shipped.",
		"ten.md":    "About 10 tonnes were shipped, and 6 more.",
		"minus.md":  "A dose of 10<sup>-3</sup> grams.",
		"sub.md":    "The CO<sub>2</sub> count rose.",
		"co2.md":    "The CO2 count rose.",
		"square.md": "A room of 50 m² was let.",
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
		{"10^6", []string{"caret", "sup"}},
		{"10⁶", []string{"caret", "sup"}},
		{`"10⁶ tonnes"`, []string{"caret", "sup"}},
		{`"10^6 tonnes"`, []string{"caret", "sup"}},
		{"10⁻³", []string{"minus"}},
		{"10^-3", []string{"minus"}},
		{"103", nil},
		{"10", []string{"caret", "minus", "sup", "ten"}},
		{"co2", []string{"co2"}},
		{"co", []string{"sub"}},
		{`"50 m was"`, []string{"square"}},
	} {
		if got := sortedIDs(run(t, ix, Query{Text: c.q})); !slices.Equal(got, c.want) {
			t.Errorf("%s: found %v, want %v", c.q, got, c.want)
		}
	}
}
