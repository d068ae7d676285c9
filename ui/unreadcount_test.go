package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/corpus"
)

// On a real index, the Unread count countUnread gives is the count of the
// list the Unread filter shows, for typed queries whose words are checked
// within a budget (Results.Budgeted: no subtraction), typed queries that
// are not, queries as written, and collapsed copies.
func TestUnreadCountIsTheUnreadList(t *testing.T) {
	ctx := context.Background()
	check := func(t *testing.T, ix *index.Index, q index.Query, read []string) (budgeted bool) {
		t.Helper()
		count := func(q index.Query) (int, bool, error) {
			q.Offset, q.Limit, q.Mode = 0, 1, index.ModeCount
			r, err := ix.Search(ctx, q)
			return r.Total, r.Estimated, err
		}
		r, err := ix.Search(ctx, q) // the list's own search, as the reader makes it
		if err != nil {
			t.Fatal(err)
		}
		snap := &readingSnapshot{read: read}
		subtract := !q.Typing || !r.Budgeted // refreshCounts, once the answer is in
		got, _, err := countUnread(q, readingFilter{}, snap, subtract, count)
		if err != nil {
			t.Fatal(err)
		}
		list, _, err := count(applyReading(q, readingFilter{unread: true}, snap))
		if err != nil {
			t.Fatal(err)
		}
		if got != list {
			t.Errorf("%+v, %d read: Unread says %d, the Unread list counts %d", q, len(read), got, list)
		}
		return r.Budgeted
	}

	t.Run("typed", func(t *testing.T) {
		arch := t.TempDir()
		if err := corpus.Generate(arch, 400, 17); err != nil {
			t.Fatal(err)
		}
		ix, _ := realIndex(t, arch)
		sawBudget := false
		for _, text := range []string{"constitutio", "governme", "constitution", "governme constitutio"} {
			all, err := ix.Search(ctx, index.Query{Text: strings.Fields(text)[0] + "*", Limit: 400})
			if err != nil {
				t.Fatal(err)
			}
			var read []string
			for i, h := range all.Hits {
				if i%2 == 0 {
					read = append(read, h.ID)
				}
			}
			if len(read) < 10 {
				t.Fatalf("%q: %d pieces read, too few to tell", text, len(read))
			}
			for _, typing := range []bool{true, false} {
				if check(t, ix, index.Query{Text: text, Typing: typing, Limit: 50}, read) {
					sawBudget = sawBudget || typing
				}
			}
		}
		if !sawBudget {
			t.Error("no typed query was checked within a budget: the case is not tested")
		}
	})

	t.Run("collapsed copies", func(t *testing.T) {
		dir, name := bundledWithCopy(t)
		ix, _ := realIndex(t, dir)
		if g := ix.Copies("copy-" + strings.TrimSuffix(name, ".md")); len(g) != 2 {
			t.Fatalf("the copy is not grouped with its original: %+v", g)
		}
		// the original read, its copy not: collapsed, the group is one
		// unread result
		check(t, ix, index.Query{Text: "raqqa", CollapseCopies: true, Limit: 50}, []string{strings.TrimSuffix(name, ".md")})
	})
}
