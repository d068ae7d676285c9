package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Parentheses group: a query is read as written where the index can
// answer it (ANDs of words joined by OR, excluded groups of words joined
// by OR), and otherwise searched without them with a note saying how (a
// helper's report: -("slavery") found the 40 pieces with slavery, with
// no note, and `slavery OR (communism tax)` was `(slavery OR communism)
// tax`).
func TestParenthesesGroup(t *testing.T) {
	for _, c := range []struct{ q, read, hint string }{
		{`-("slavery")`, `-"slavery"`, ""},
		{`NOT ("slavery")`, `-"slavery"`, ""},
		{`-( slavery )`, `-slavery`, ""},
		{`tax -("slavery")`, `tax -"slavery"`, ""},
		{`-("communism" OR slavery)`, `-"communism" -slavery`, ""},
		{`slavery OR (communism tax)`, `(slavery OR communism) (slavery OR tax)`, ""},
		{`(isis OR daesh) -(iraq OR syria)`, `(isis OR daesh) -iraq -syria`, ""},
		{`NOT -(a OR b)`, `a OR b`, ""},
		{`((a))`, `a`, ""},
		{`f(x) y`, `f(x) y`, ""},
		{`(radical* OR extrem*) tax~`, `(radical* OR extrem*) tax~`, ""},
		{`-(a b)`, `-a -b`, "searched as -a -b"},
		{`a OR -b`, `a -b`, "OR next to an excluded word is read as AND: searched as a -b"},
		// a review's
		{`tax -slavery OR railroad`, `tax railroad -slavery`, "OR next to an excluded word is read as AND"},
		{`tax -("slavery"`, `tax -"slavery"`, "unbalanced parenthesis"},
		{`(slavery OR war)-tax`, `slavery OR war)-tax`, "parentheses are ignored"},
		{`NOT(slavery OR railroad)`, `railroad) -slavery`, "parentheses are ignored"},
		{`tax (-slavery`, `tax -slavery`, "unbalanced parenthesis"},
		{`tax (NOT slavery`, `tax -slavery`, "unbalanced parenthesis"},
		{`tax NOT(slavery)`, `tax -slavery)`, "parentheses are ignored"},
		{`(a OR b) OR`, `a OR b`, "OR needs a word on each side"},
		{`(a OR b`, `a OR b`, "unbalanced parenthesis"},
		{`title:(a OR b)`, `title:(a OR b)`, "title:( … ) does not group"},
	} {
		checkReading(t, c.q, c.read, c.hint)
	}

	// The pieces each finds, against what the query says.
	fsys := fstest.MapFS{}
	bodies := map[string]string{"st": "slavery tax", "ct": "communism tax", "t": "tax", "s": "slavery", "c": "communism", "n": "nothing", "sc": "slavery communism"}
	for id, body := range bodies {
		fsys[id+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: Piece " + id + "\ndate: 2020-01-01\n---\nA text about " + body + ".\n")}
	}
	ix, err := Open(context.Background(), "parens", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	has := func(id, w string) bool { return strings.Contains(bodies[id], w) }
	for q, want := range map[string]func(id string) bool{
		`-("slavery")`:                 func(id string) bool { return !has(id, "slavery") },
		`tax -("slavery")`:             func(id string) bool { return has(id, "tax") && !has(id, "slavery") },
		`-("communism" OR slavery)`:    func(id string) bool { return !has(id, "communism") && !has(id, "slavery") },
		`slavery OR (communism tax)`:   func(id string) bool { return has(id, "slavery") || has(id, "communism") && has(id, "tax") },
		`(slavery OR communism) tax`:   func(id string) bool { return (has(id, "slavery") || has(id, "communism")) && has(id, "tax") },
		`tax NOT (slavery OR nothing)`: func(id string) bool { return has(id, "tax") && !has(id, "slavery") },
	} {
		var wantIDs []string
		for id := range bodies {
			if want(id) {
				wantIDs = append(wantIDs, id)
			}
		}
		slices.Sort(wantIDs)
		got := ids(run(t, ix, Query{Text: q}))
		slices.Sort(got)
		if !slices.Equal(got, wantIDs) {
			t.Errorf("%s: found %v, want %v", q, got, wantIDs)
		}
	}
}

// What a phrase does not take is said, and || is OR as && is AND (a
// helper's report: `"slave"~`, `"united stat*"` dropped it unsaid, and
// `a || b` was `a b`).
func TestPhraseSuffixesAndOrOperator(t *testing.T) {
	for _, c := range []struct{ q, read, hint string }{
		{`"slave"~ tax`, `"slave" tax`, `a phrase takes no * or ~`},
		{`"slave"*`, `"slave"`, `a phrase takes no * or ~`},
		{`"united stat*"`, `"united stat*"`, `no prefix inside a phrase`},
		{`slavery || communism`, `slavery OR communism`, ""},
	} {
		checkReading(t, c.q, c.read, c.hint)
	}
}

// A tag asked for that no piece has as written, but one has with other
// accents or case, is said with that tag's count (a helper's report:
// tag:economie and --tag economie found 0, unsaid, beside économie).
func TestTagWithOtherAccentsIsSaid(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2020-01-01\ntags: [économie]\n---\nText.\n")},
		"b.md": &fstest.MapFile{Data: []byte("---\ntitle: B\ndate: 2020-01-01\ntags: [other]\n---\nText.\n")},
	}
	ix, err := Open(context.Background(), "tags", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []Query{{Text: "tag:economie"}, {Tags: []string{"Economie"}}} {
		r := run(t, ix, q)
		if r.Total != 0 || !strings.Contains(strings.Join(r.Notes, "; "), `"économie" has 1`) {
			t.Errorf("%+v: %d, notes %q", q, r.Total, r.Notes)
		}
	}
	if r := run(t, ix, Query{Text: "tag:nothing"}); len(r.Notes) != 0 {
		t.Errorf("a tag like none: notes %q", r.Notes)
	}
	if r := run(t, ix, Query{Text: "tag:économie"}); r.Total != 1 || len(r.Notes) != 0 {
		t.Errorf("the tag as written: %d, notes %q", r.Total, r.Notes)
	}
}

// checkReading: the query q is read as read (parsedQuery.String), with a
// note holding hint ("" for no note).
// A query's tree is distributed into at most maxTreeGroups (32) groups:
// x OR (w1 … w32) is read as the 32 groups (x OR w1) … (x OR w32), and x
// OR (w1 … w33), 33 of them, is searched without its parentheses, with a
// note (a helper's report: the bound could be moved without a test
// failing).
func TestTreeGroupsBound(t *testing.T) {
	query := func(n int) (q, groups, flat string) {
		var ws, gs []string
		for i := 1; i <= n; i++ {
			w := fmt.Sprintf("w%02d", i)
			ws, gs = append(ws, w), append(gs, "(x OR "+w+")")
		}
		return "x OR (" + strings.Join(ws, " ") + ")", strings.Join(gs, " "), "(x OR w01) " + strings.Join(ws[1:], " ")
	}
	q, groups, _ := query(32)
	checkReading(t, q, groups, "")
	q, _, flat := query(33)
	checkReading(t, q, flat, "parentheses can group words joined by OR, and - or NOT exclude such a group; not this: searched as "+flat)
}

func checkReading(t *testing.T, q, read, hint string) {
	t.Helper()
	pq := parseQuery(q, false)
	if got := pq.String(); got != read {
		t.Errorf("%s: read as %s, want %s", q, got, read)
	}
	hints := strings.Join(pq.hints, "; ")
	if hint == "" && hints != "" || hint != "" && !strings.Contains(hints, hint) {
		t.Errorf("%s: notes %q, want %q", q, hints, hint)
	}
}
