package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// TestCompoundWithStopWord: two words joined by a hyphen are a compound
// when one is a stop word (well-being, to-day, follow-up, lock-down, over-
// all), found in either spelling, and the hyphenated query is the closed
// word or the words as written in a row, not the other word alone (before,
// wellbeing found the closed spelling alone and well-being every piece
// with well; the parts of a longer run still join only between words that
// are not stop words: state-of-the-art has no theart).
func TestCompoundWithStopWord(t *testing.T) {
	dir := t.TempDir()
	pieces := map[string]string{
		"wb-hyphen":  "Their well-being matters.",
		"wb-closed":  "Their wellbeing matters.",
		"wb-spaced":  "Their well being matters.",
		"well":       "All is well, and being here is good.",
		"day-hyphen": "We meet to-day at noon.",
		"day-closed": "We meet today at noon.",
		"day":        "A day to remember.",
		"fu-hyphen":  "A follow-up was sent.",
		"fu-closed":  "A followup was sent.",
		"follow":     "Follow the money, up to the end.",
		"ld-hyphen":  "The lock-down ended.",
		"ld-closed":  "The lockdown ended.",
		"lock":       "A lock was fitted and the blinds let down.",
		"oa-hyphen":  "The over-all cost rose.",
		"oa-closed":  "The overall cost rose.",
		"all":        "All of it rose.",
		"art":        "A state-of-the-art system was bought; the art was sold.",
	}
	for name, body := range pieces {
		text := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"wellbeing", []string{"wb-closed", "wb-hyphen"}},
		{"well-being", []string{"wb-closed", "wb-hyphen", "wb-spaced"}},
		{"today", []string{"day-closed", "day-hyphen"}},
		{"to-day", []string{"day-closed", "day-hyphen"}},
		{"followup", []string{"fu-closed", "fu-hyphen"}},
		{"follow-up", []string{"fu-closed", "fu-hyphen"}},
		{"lockdown", []string{"ld-closed", "ld-hyphen"}},
		{"lock-down", []string{"ld-closed", "ld-hyphen"}},
		{"overall", []string{"oa-closed", "oa-hyphen"}},
		{"over-all", []string{"oa-closed", "oa-hyphen"}},
		{"theart", nil},
		{"stateoftheart", []string{"art"}},
	} {
		got := sortedIDs(run(t, ix, Query{Text: c.q}))
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) && (len(got) > 0 || len(c.want) > 0) {
			t.Errorf("%s: found %v, want %v", c.q, got, c.want)
		}
		if n := run(t, ix, Query{Text: c.q, Mode: ModeFacets}).Total; n != len(got) {
			t.Errorf("%s: the facets count %d pieces, the hits %d", c.q, n, len(got))
		}
	}
}

// TestTermsCountACompoundAsSearchFinds: folio terms counts a closed word
// in the pieces read as the archive's count does, from the pieces that
// write it either way, and shows it in the spelling they use most
// (before, the pieces read counted counterterrorism where it was written
// closed alone, 5 of 25, and budget's results never listed it).
func TestTermsCountACompoundAsSearchFinds(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		text := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	filler := "paper stone market silver orange table apple garden river window cloud"
	for i := range 20 {
		write(fmt.Sprintf("h%d", i), filler+" the counter-terrorism budget "+filler)
	}
	for i := range 5 {
		write(fmt.Sprintf("c%d", i), filler+" the counterterrorism budget "+filler)
	}
	for i := range 40 {
		write(fmt.Sprintf("o%d", i), filler+" the other thing "+filler)
	}
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	r, err := ix.Terms(context.Background(), Query{Text: "budget"}, TermsOptions{N: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range r.Terms {
		got = append(got, fmt.Sprintf("%s %d/%d", st.Term, st.InResults, st.InArchive))
		if st.Key == "counterterror" {
			if st.InResults != 25 || st.InArchive != 25 || st.Term != "counter-terrorism" {
				t.Errorf("counterterrorism listed as %+v", st)
			}
			return
		}
	}
	t.Fatalf("counterterrorism not listed for budget: %v", got)
}
