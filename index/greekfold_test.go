package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Greek text is folded as Latin is: its case with ς as σ, its marks
// dropped, in the text, the title, tag:, outlet: and author: alike, the
// query as the index (a helper's report: οδυσσεας found no ΟΔΥΣΣΕΑΣ,
// καλημερα no Καλημέρα; tag:λόγος found 1 of the 2 pieces the tag's facet
// row counts, outlet:καιρος 1 of 2).
func TestGreekFoldsAsLatin(t *testing.T) {
	src := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\ntitle: \"ΚΑΙΡΟΣ ΤΙΤΛΟΣ\"\ndate: 2020-01\ntags: [\"ΛΌΓΟΣ\"]\noutlet: \"ΚΑΙΡΟΣ\"\nauthor: \"ΟΔΥΣΣΕΑΣ ΕΛΥΤΗΣ\"\n---\nΟ ΛΌΓΟΣ ΤΟΥ ΠΡΩΘΥΠΟΥΡΓΟΥ. ΟΔΥΣΣΕΑΣ, Καλημέρα, ΑΘΗΝΑ.\n",
		"b.md": "---\ntitle: \"καιρος\"\ndate: 2020-02\ntags: [\"λόγος\"]\noutlet: \"καιρος\"\nauthor: \"Οδυσσέας Ελύτης\"\n---\nο λόγος του πρωθυπουργού. σίσυφος\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]int{
		"tag:λόγος": 2, "tag:ΛΌΓΟΣ": 2, "tag:λογος": 0, "outlet:καιρος": 2, "outlet:ΚΑΙΡΌΣ": 2,
		"author:οδυσσεας": 2, "title:καιρος": 2, "title:καιρός": 2,
		"οδυσσεας": 2, "οδυσσεασ": 2, "Οδυσσέας": 2, "καλημερα": 1, "σισυφος": 1, "σΊσυφοσ": 1,
		"αθηνά": 1, "λογος": 2, `"λογος"`: 2, `"ο λογος"`: 2, "πρωθυπουργου": 2, "καλημ*": 1,
	} {
		if res := run(t, ix, Query{Text: q}); res.Total != want {
			t.Errorf("%s: %d hits, want %d", q, res.Total, want)
		}
	}
	// marked where found, in the snippets
	for q, word := range map[string]string{"σισυφος": "σίσυφος", "καλημερα": "Καλημέρα", "οδυσσεας": "ΟΔΥΣΣΕΑΣ", "αθηνά": "ΑΘΗΝΑ"} {
		res := run(t, ix, Query{Text: q, Snippets: 10})
		if s := strings.Join(res.Hits[0].Snippets, " | "); !strings.Contains(s, MarkStart+word+MarkEnd) {
			t.Errorf("%s: snippets %q, want %s marked", q, s, word)
		}
	}
	if res := run(t, ix, Query{Text: "", Tags: []string{"λόγος"}}); res.Total != 2 {
		t.Errorf("--tag λόγος: %d hits, want 2", res.Total)
	}
}

// The folded letters are small letters, no mark among them: ι is ι, not
// the combining ypogegrammeni its case orbit begins with.
func TestGreekFoldIsSmallLetters(t *testing.T) {
	for w, want := range map[string]string{
		"σίσυφος": "σισυφοσ", "ΪΣΙΟΣ": "ισιοσ", "ϑεός": "θεοσ", "ᾠδή": "ωδη", "ΐ": "ι", "Café": "cafe",
	} {
		if got := FoldWord(w); got != want {
			t.Errorf("FoldWord(%q) = %q, want %q", w, got, want)
		}
	}
}

// The forms a widened word found name a Greek word in capitals in its
// lower case, ς at its end: λόγος once, not λόγος and λόγοσ.
func TestGreekFormsInLowerCase(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: A\ndate: 2020-01-01\n---\nΟ ΛΌΓΟΣ ΤΟΥ.\n",
		"---\ntitle: B\ndate: 2020-01-02\n---\nο λόγος του, οι λόγοι.\n")
	res := run(t, ix, Query{Text: "λογος", Snippets: 10})
	for _, f := range res.Forms {
		if strings.Contains(f, "λόγοσ") {
			t.Errorf("forms %q", res.Forms)
		}
	}
}

// A piece's tag counts in its related pieces whatever its case: the facet
// row of ΛΌΓΟΣ and λόγος shows λόγος, and tag: matches both (a review's
// report: the tag was looked up by its spelling, so ΛΌΓΟΣ counted 0 and
// was left out of the related pieces' query, which found none).
func TestRelatedByTagInAnyCase(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: Upper\ndate: 2020-01-01\ntags: [ΛΌΓΟΣ]\n---\nAardvark.\n",
		"---\ntitle: Lower\ndate: 2020-01-02\ntags: [λόγος]\n---\nBadger.\n",
		"---\ntitle: Lower again\ndate: 2020-01-03\ntags: [λόγος]\n---\nCoyote.\n",
		"---\ntitle: Other\ndate: 2020-01-04\ntags: [μύθος]\n---\nDingo.\n")
	if got := ix.AllFacets().Tags; len(got) == 0 || got[0] != (FacetValue{Value: "λόγος", Count: 3}) {
		t.Fatalf("tags %v, want λόγος 3 first", got)
	}
	for _, id := range []string{"p0", "p1"} {
		hits, err := ix.Related(id, 5)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		want := []string{"p1", "p2"}
		if id == "p1" {
			want = []string{"p0", "p2"}
		}
		if !slices.Equal(ids, want) {
			t.Errorf("related to %s: %v, want %v", id, ids, want)
		}
	}
}
