package archive

import (
	"fmt"
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
		if len(g) != 2 || !want[[2]int{min(g[0].Index, g[1].Index), max(g[0].Index, g[1].Index)}] {
			t.Errorf("unexpected group %+v", g)
		}
		if g[0].Why != "" || g[1].Why == "" {
			t.Errorf("group %+v: the first piece has no reason, the others one", g)
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

// TestCopiesEarliestFirst: a group starts with its earliest piece, whatever
// the order the pieces come in, and CollapseCopies keeps of each group the
// earliest piece of the selection.
func TestCopiesEarliestFirst(t *testing.T) {
	arch, _ := Load(Bundled())
	var orig Article
	for _, a := range arch.Articles {
		if len(strings.Fields(a.Body)) > 300 && a.Date.Precision == PrecisionDay {
			orig = a
			break
		}
	}
	if orig.ID == "" {
		t.Fatal("no long piece dated to the day")
	}
	later := orig
	later.ID, later.Outlet = "later", "The Other Paper"
	later.Date.Time = orig.Date.Time.AddDate(0, 0, 7)
	later.Body += "\n\nReprinted with permission."
	for _, as := range [][]Article{{later, orig}, {orig, later}} {
		g := Republished(as)
		if len(g) != 1 || as[g[0][0].Index].ID != orig.ID || as[g[0][1].Index].ID != "later" {
			t.Errorf("groups %+v of %s, %s", g, as[0].ID, as[1].ID)
		}
	}
	all := append(slices.Clone(arch.Articles), later)
	if got := CollapseCopies(all, all); len(got) != len(arch.Articles) || slices.ContainsFunc(got, func(a Article) bool { return a.ID == "later" }) {
		t.Errorf("collapsed: %d of %d", len(got), len(all))
	}
	if got := CollapseCopies(all, []Article{later}); len(got) != 1 || got[0].ID != "later" {
		t.Errorf("the copy alone kept: %v", got)
	}
}

// TestCopiesSameDay: on one date, a copy that adds a line does not go
// before its original (the ID decides), but a full text goes before a
// summary of it with the same URL.
func TestCopiesSameDay(t *testing.T) {
	arch, _ := Load(Bundled())
	var orig Article
	for _, a := range arch.Articles {
		if len(strings.Fields(a.Body)) > 300 && a.URL != "" {
			orig = a
			break
		}
	}
	if orig.ID == "" {
		t.Fatal("no long piece with a URL")
	}
	copied := orig
	copied.ID, copied.Outlet = "zz-copy", "The Other Paper"
	copied.Body += "\n\nReprinted with permission. This article first ran elsewhere."
	stub := orig
	stub.ID, stub.Body = "aa-stub", "A summary of the piece, as a feed gave it."
	g := Republished([]Article{copied, stub, orig})
	if len(g) != 1 || len(g[0]) != 3 {
		t.Fatalf("groups %+v", g)
	}
	as := []Article{copied, stub, orig}
	var order []string
	for _, c := range g[0] {
		order = append(order, as[c.Index].ID)
	}
	if want := []string{orig.ID, "zz-copy", "aa-stub"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
}

// A piece run in more than 64 outlets is one group, its bylines aside
// (a helper's report: 70, 200 or 3,000 copies made no group; 60 made one).
func TestCopiesOfAWireStory(t *testing.T) {
	arch, _ := Load(Bundled())
	var orig Article
	for _, a := range arch.Articles {
		if len(strings.Fields(a.Body)) > 300 {
			orig = a
			break
		}
	}
	for _, n := range []int{3, 70, 300} {
		as := slices.Clone(arch.Articles)
		for i := range n {
			c := orig
			c.ID, c.Outlet, c.URL = fmt.Sprintf("wire-%d", i), fmt.Sprintf("Outlet %d", i), fmt.Sprintf("https://outlet%d.example/story", i)
			as = append(as, c)
		}
		var sizes []int
		for _, g := range Republished(as) {
			sizes = append(sizes, len(g))
		}
		if !slices.Equal(sizes, []int{n + 1}) {
			t.Errorf("%d copies: groups of %v, want one of %d", n, sizes, n+1)
		}
	}
}
