package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/index"
)

// TestFoldedTermsMarked: the reader marks what folds to a query's word
// as the index folds it (index.FoldWord), as the snippets do: cafe marks
// café, CAFÉ, cafè and café written with a combining accent, whole;
// aesthetic marks æsthetic. termsRegexp matched the letters as typed, so
// cafe marked none of them (an attack's finding, 2026-12-06).
func TestFoldedTermsMarked(t *testing.T) {
	text := "Le café, CAFÉ, cafe\u0301s, cafè; caféteria; æsthetic Æsthetic; straße; ﬁne; Ｃａｆｅ; cafés"
	for _, c := range []struct {
		terms []string
		want  []string
	}{
		{[]string{"cafe"}, []string{"café", "CAFÉ", "cafe\u0301s", "cafè", "Ｃａｆｅ", "cafés"}},
		{[]string{"café"}, []string{"café", "CAFÉ", "cafe\u0301s", "cafè", "Ｃａｆｅ", "cafés"}},
		{[]string{"aesthetic"}, []string{"æsthetic", "Æsthetic"}},
		{[]string{"strasse"}, []string{"straße"}},
		{[]string{"fine"}, []string{"ﬁne"}},
		{[]string{"caf"}, nil}, // a word whole, not a part of café
		{[]string{"le cafe"}, []string{"Le café"}},
	} {
		if got := termStrings(termsRegexp(c.terms), text); !slices.Equal(got, c.want) {
			t.Errorf("%q: marked %q, want %q", c.terms, got, c.want)
		}
	}
	// Greek as the index folds it: ς is σ, tonos and dialytika dropped (a
	// helper's report: καλημερα found no Καλημέρα)
	greek := "ΟΔΥΣΣΕΑΣ, Οδυσσέας; Καλημέρα, καλημερα; σίσυφος; ΑΘΗΝΑ; Αθηνά; προϊόν"
	for _, c := range []struct {
		terms []string
		want  []string
	}{
		{[]string{"οδυσσεας"}, []string{"ΟΔΥΣΣΕΑΣ", "Οδυσσέας"}},
		{[]string{"καλημερα"}, []string{"Καλημέρα", "καλημερα"}},
		{[]string{"σισυφος"}, []string{"σίσυφος"}},
		{[]string{"αθηνά"}, []string{"ΑΘΗΝΑ", "Αθηνά"}},
		{[]string{"προιον"}, []string{"προϊόν"}},
	} {
		if got := termStrings(termsRegexp(c.terms), greek); !slices.Equal(got, c.want) {
			t.Errorf("%q: marked %q, want %q", c.terms, got, c.want)
		}
	}
}

// TestReaderMarksAccentedForms: with a real index, the reader opened from
// a search of cafe marks café, written as itself and as caf&eacute;, as
// the list's snippet does.
func TestReaderMarksAccentedForms(t *testing.T) {
	arch := t.TempDir()
	body := "The old café was full.\n\nA second caf&eacute; opened nearby.\n"
	text := "---\ntitle: Coffee\ndate: 2019-03-04\noutlet: The Test\n---\n" + body
	if err := os.WriteFile(filepath.Join(arch, "coffee.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h := newHarness(t, ix, 60, 30)
	h.key("/")
	h.typeText("cafe")
	h.key("enter")
	h.requireScreen("Coffee")
	st := h.m.styles.Match
	if v := h.m.View().Content; !strings.Contains(v, st.Render("café")) {
		t.Errorf("the list's snippet does not mark café:\n%s", v)
	}
	h.key("enter")
	h.requireScreen("opened nearby")
	if v := h.m.View().Content; strings.Count(v, st.Render("café")) != 2 {
		t.Errorf("café marked %d times in the reader, want 2:\n%s", strings.Count(v, st.Render("café")), v)
	}
}
