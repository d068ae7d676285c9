package index

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTypedWordCountsWhatWordOrPrefixCounts: the word being typed in the
// reader counts, at every letter, what the word and the prefix count on
// the command line, word OR word*: the same pieces. An attack found
// counterterr typed counting the pieces that hyphenate counter-terrorism
// (the bundled archive's 24, every one) while counterterr* counted the
// closed spelling alone (2), and SOTU's wellbei 61 against wellbei* 4;
// word* now finds the closed word of a hyphenated run as the typed word
// and the closed word do. A run's closed word is read from its first word
// (stateoft* finds state-of-the-art): a review found thea* and thea typed
// counting all-of-the-above by its part theabove (SOTU thea* 28 for 26).
func TestTypedWordCountsWhatWordOrPrefixCounts(t *testing.T) {
	dir := t.TempDir()
	pieces := map[string]string{
		"closed":   "The counterterrorism budget grew; their wellbeing too.",
		"u2010":    "Counter\u2010terrorism and well\u2010being.",
		"wrapped":  "Police doing counter-\n  terrorism work for our well-\n  being were thanked.",
		"chain":    "Counter-terrorism-related spending rose.",
		"policy":   "A policy was made.",
		"policies": "Policies were made.",
		"other":    "A counter offer and terrorism, apart; all is well, being here.",
		// a run's part that does not begin it is no word a prefix begins,
		// though the index holds theabove (of stop words alone, for
		// the-above): thea* found both, and the word typed did
		"art":   "A state-of-the-art plant opened.",
		"above": "An all-of-the-above plan.",
	}
	for i := range 5 {
		pieces[fmt.Sprintf("hyphen%d", i)] = "Britain's counter-terrorism budget grew; their well-being too."
	}
	writeBodies(t, dir, pieces)
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))

	var prefixes []string
	for _, w := range []string{"counterterrorism", "wellbeing", "stateoftheart", "theabove", "alloftheabove"} {
		for k := minOpenPrefix; k <= len(w); k++ {
			prefixes = append(prefixes, w[:k])
		}
	}
	prefixes = append(prefixes, "polici", "counterterrorismrel", "terrorismrel", "ofth", "ofthe")
	for _, pre := range prefixes {
		cli := run(t, ix, Query{Text: pre + " OR " + pre + "*"})
		for _, mode := range []Mode{ModeHits, ModeFacets} {
			typed := run(t, ix, Query{Text: pre, Typing: true, Mode: mode})
			if typed.Estimated {
				t.Fatalf("%s typed: estimated in an archive of 15 pieces", pre)
			}
			if typed.Total != cli.Total {
				t.Errorf("%s typed (mode %v) counts %d, %s OR %s* %d", pre, mode, typed.Total, pre, pre, cli.Total)
			}
			if mode == ModeHits && !slices.Equal(sortedIDs(typed), sortedIDs(cli)) {
				t.Errorf("%s typed finds %v, %s OR %s* %v", pre, sortedIDs(typed), pre, pre, sortedIDs(cli))
			}
		}
	}
	for _, c := range []struct {
		q    string
		want int
	}{
		// the closed word's pieces, however written
		{"counterterr*", 9}, {"counterterrorism", 9}, {"wellbei*", 8}, {"wellbeing", 8},
		{"counterterrorismrel*", 1},
		// as written: the closed spelling alone
		{`"counterterrorism"`, 1}, {`"wellbeing"`, 1},
		// the word as written, not the stem's other words
		{"polici*", 1}, {"polici", 2},
		// a run's closed word from its first word, not from the middle
		{"stateoft*", 1}, {"stateoftheart*", 1}, {"alloftheab*", 1},
		{"thea*", 0}, {"theab*", 0}, {"ofth*", 0}, {"terrorismrel*", 0},
		// the closed words the index holds for parts, as words
		{"ofthe", 2}, {"theabove", 1}, {"terrorismrelated", 1},
	} {
		if n := run(t, ix, Query{Text: c.q}).Total; n != c.want {
			t.Errorf("%s: %d pieces, want %d", c.q, n, c.want)
		}
	}
}

// TestPrefixMarksTheRunItFound: a prefix that found a piece by the closed
// word of a run of words joined by hyphens marks the run in the snippet,
// as the closed word does (counterterr* showed the piece's first lines,
// nothing marked); a run whose first word it begins marks that word.
func TestPrefixMarksTheRunItFound(t *testing.T) {
	dir := t.TempDir()
	filler := strings.Repeat("Harvests and rain fell on the hills for many weeks. ", 20)
	pieces := map[string]string{
		"hyphen": filler + "Britain's counter-terrorism budget grew.",
		"art":    filler + "A state-of-the-art plant opened.",
		"above":  filler + "An all-of-the-above plan.",
	}
	for name, body := range pieces {
		text := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	for _, c := range []struct {
		q      Query
		id     string
		marked string
	}{
		{Query{Text: "counterterr*"}, "hyphen", "counter-terrorism"},
		{Query{Text: "counterterr", Typing: true}, "hyphen", "counter-terrorism"},
		{Query{Text: "stateoft*"}, "art", "state-of-the-art"},
		{Query{Text: "alloftheab*"}, "above", "all-of-the-above"},
		{Query{Text: "stat*"}, "art", "state"},
	} {
		r := run(t, ix, c.q)
		if r.Total != 1 || r.Hits[0].ID != c.id {
			t.Errorf("%s (typing %v): %v, want %s", c.q.Text, c.q.Typing, sortedIDs(r), c.id)
			continue
		}
		joined := strings.Join(r.Hits[0].Snippets, " | ")
		if !strings.Contains(joined, MarkStart+c.marked+MarkEnd) {
			t.Errorf("%s (typing %v): %q not marked in %q", c.q.Text, c.q.Typing, c.marked, joined)
		}
	}
}
