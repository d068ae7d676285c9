package index

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestCompoundTypedFindsWhatTheWordFinds: the word being typed, one
// letter at a time, finds at every letter at least the pieces the whole
// word finds, whichever spelling they use, and the whole word typed finds
// them all: counterterrori, whose stem counterterror is shorter than it
// and is checked on the text, begins counter-terrorism as it begins
// counterterrorism (before, the check took counter-terrorism's words one
// at a time, and counterterrori found the closed spelling alone: the
// count fell from 24 to 7 and rose to 23 at the last letter).
func TestCompoundTypedFindsWhatTheWordFinds(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		text := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 9 {
		write(fmt.Sprintf("hyphen%d", i), "Britain's counter-terrorism budget grew again.")
		write(fmt.Sprintf("self%d", i), "Local self-government was restored.")
	}
	for i := range 3 {
		write(fmt.Sprintf("closed%d", i), "The counterterrorism budget grew again.")
		write(fmt.Sprintf("selfclosed%d", i), "Local selfgovernment was restored.")
	}
	write("wrapped", "Police doing counter-\n  terrorism work were thanked.")
	write("chain", "Counter-terrorism-related spending rose.")
	write("other", "A counter offer and terrorism, apart.")
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	for _, c := range []struct {
		word string
		want int
	}{{"counterterrorism", 14}, {"selfgovernment", 12}} {
		if n := run(t, ix, Query{Text: c.word}).Total; n != c.want {
			t.Fatalf("%s: %d pieces, want %d", c.word, n, c.want)
		}
		for k := minOpenPrefix; k <= len(c.word); k++ {
			pre := c.word[:k]
			for _, mode := range []Mode{ModeHits, ModeFacets} {
				r := run(t, ix, Query{Text: pre, Typing: true, Mode: mode})
				if r.Total < c.want {
					t.Errorf("%s typed (mode %v): %d pieces, the word finds %d", pre, mode, r.Total, c.want)
				}
				if k == len(c.word) && r.Total != c.want {
					t.Errorf("%s typed (mode %v): %d pieces, want %d", pre, mode, r.Total, c.want)
				}
			}
		}
	}
}
