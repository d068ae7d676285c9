package archive

import (
	"github.com/folio-tui/folio/internal/testcorpus"
	"slices"
	"strings"
	"testing"
)

// TestRepublished: the bundled archive (pieces by one author on one topic,
// counter-terrorism) plus copies of two of its pieces with small edits, run
// by another outlet, and one copy found only by its URL. Each copy is
// grouped with its original; no two different pieces are.
func TestRepublished(t *testing.T) {
	arch, _ := Load(Bundled())
	as := arch.Articles
	n := len(as)
	if n < 5 {
		t.Fatalf("bundled archive has %d pieces", n)
	}
	var long []int // pieces long enough to edit
	for i, a := range as {
		if len(strings.Fields(a.Body)) > 300 {
			long = append(long, i)
		}
	}
	if len(long) < 2 {
		t.Fatalf("want two pieces of 300+ words, got %d", len(long))
	}
	copyOf := func(i int, edit func(string) string) Article {
		c := as[i]
		c.ID, c.Path, c.Outlet, c.URL = c.ID+"-copy", "copies/"+c.Path, "The Other Paper", "https://other.example/"+c.ID
		c.Title = "Republished: " + c.Title
		c.Body = edit(c.Body)
		return c
	}
	first, second := long[0], long[1]
	as = append(as,
		copyOf(first, func(b string) string {
			w := strings.Fields(b)
			w = append(w[:40], w[45:]...)                               // a sentence cut
			return strings.Join(w, " ") + " Reprinted with permission." // a line added
		}),
		copyOf(second, func(b string) string {
			return "Editor's note: this piece first ran elsewhere.\n\n" + strings.Replace(b, "the", "that", 3)
		}),
	)
	withURL := slices.IndexFunc(as[:n], func(a Article) bool { return a.URL != "" })
	if withURL < 0 {
		t.Fatal("no bundled piece has a URL")
	}
	stub := as[withURL]
	stub.ID, stub.Path, stub.Body = stub.ID+"-stub", "stub.md", "A short stub of the piece."
	stub.URL = strings.Replace(stub.URL, "https://www.", "http://", 1) + "#comments"
	as = append(as, stub)

	groups := Republished(as)
	want := map[[2]int]bool{{first, n}: true, {second, n + 1}: true, {withURL, n + 2}: true}
	if len(groups) != len(want) {
		t.Fatalf("got %d groups, want %d: %+v", len(groups), len(want), groups)
	}
	for _, g := range groups {
		if len(g) != 2 || !want[[2]int{g[0].Index, g[1].Index}] {
			t.Errorf("unexpected group %+v", g)
		}
		t.Logf("%s + %s: %s", as[g[0].Index].ID, as[g[1].Index].ID, g[1].Why)
	}
}

// TestRepublishedSOTU: 233 State of the Union addresses, two pairs of them
// with the same title (1953 and 1961, two presidents each), share no group.
func TestRepublishedSOTU(t *testing.T) {
	dir := testcorpus.Dir(t, "sotu")
	arch, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range Republished(arch.Articles) {
		var ids []string
		for _, c := range g {
			ids = append(ids, arch.Articles[c.Index].ID+" "+c.Why)
		}
		t.Errorf("grouped: %v", ids)
	}
}
