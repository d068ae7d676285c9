package index

import (
	"strconv"
	"strings"
	"unicode"
)

// Parentheses in a query. The index answers an AND of OR-groups of
// positive clauses minus excluded clauses (parsedQuery): a query with
// parentheses is read as a tree, brought to that form where it can be
// (ANDs of ORs, distributed: `slavery OR (communism tax)` is `(slavery OR
// communism) (slavery OR tax)`; an excluded group of words joined by OR,
// `-(a OR b)`, is `-a -b`), and searched as written. One that cannot (an
// excluded AND, `-(a b)`; an OR with an excluded word, `a OR -b`; more
// than maxTreeGroups groups once distributed) is searched without its
// parentheses, and a note says how it was read. Before, the parentheses
// were dropped as the words' punctuation: `-("slavery")` found the pieces
// with slavery (the - went with the "("), and `a OR (b c)` was `(a OR b)
// c`, with no note (a helper's report).
//
// A parenthesis groups when it opens a word (after a space, the query's
// start, a - or another parenthesis) or closes one (before a space, the
// end, or another), outside quotes, and every such parenthesis pairs up;
// others are a word's characters ("f(x)").

// item is a token of the query read as a tree.
type item struct {
	kind byte // clauseItem, orItem, notItem, openItem, closeItem
	c    int  // clauseItem: the clause's index
}

const (
	clauseItem byte = iota
	orItem
	notItem
	openItem
	closeItem
)

// maxTreeGroups bounds the groups a query's tree is distributed into.
const maxTreeGroups = 32

// groupingParens marks the parentheses of rs that group (nil for none,
// or when they do not all pair up).
func groupingParens(rs []rune) []bool {
	var marks []bool
	var open []int
	quoted := false
	for i, r := range rs {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '(' && (i == 0 || unicode.IsSpace(rs[i-1]) || rs[i-1] == '-' || rs[i-1] == '+' || rs[i-1] == '(' || marks != nil && marks[i-1]):
			if marks == nil {
				marks = make([]bool, len(rs))
			}
			marks[i] = true
			open = append(open, i)
		case r == ')' && (i == len(rs)-1 || unicode.IsSpace(rs[i+1]) || rs[i+1] == ')'):
			if len(open) == 0 {
				return nil
			}
			marks[i] = true
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return nil
	}
	return marks
}

// parenOpensWord reports whether rs has a "(" outside quotes that opens a
// word (groupingParens's rule) or follows NOT: one meant to group.
func parenOpensWord(rs []rune) bool {
	quoted := false
	for i, r := range rs {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && r == '(' && (i == 0 || unicode.IsSpace(rs[i-1]) || strings.ContainsRune("-+(", rs[i-1]) || i >= 3 && string(rs[i-3:i]) == "NOT"):
			return true
		}
	}
	return false
}

// qnode is a node of a query's tree: a clause, an AND, an OR or a NOT of
// its kids.
type qnode struct {
	op   byte // 'c', '&', '|', '!'
	c    int
	kids []qnode
}

// treeReader reads items into a tree: ORs bind closer than the ANDs
// between words, as in a query without parentheses.
type treeReader struct {
	items []item
	k     int
}

func (t *treeReader) peek() (byte, bool) {
	if t.k >= len(t.items) {
		return 0, false
	}
	return t.items[t.k].kind, true
}

// and reads words up to a group's end.
func (t *treeReader) and() qnode {
	n := qnode{op: '&'}
	for {
		k, ok := t.peek()
		if !ok || k == closeItem {
			return n
		}
		if x, ok := t.or(); ok {
			n.kids = append(n.kids, x)
		}
	}
}

func (t *treeReader) or() (qnode, bool) {
	first, ok := t.unary()
	n := qnode{op: '|'}
	if ok {
		n.kids = append(n.kids, first)
	}
	for {
		if k, more := t.peek(); !more || k != orItem {
			break
		}
		t.k++
		if x, ok := t.unary(); ok {
			n.kids = append(n.kids, x)
		}
	}
	switch len(n.kids) {
	case 0:
		return qnode{}, false
	case 1:
		return n.kids[0], true
	}
	return n, true
}

func (t *treeReader) unary() (qnode, bool) {
	k, ok := t.peek()
	if !ok {
		return qnode{}, false
	}
	switch k {
	case clauseItem:
		t.k++
		return qnode{op: 'c', c: t.items[t.k-1].c}, true
	case notItem:
		t.k++
		x, ok := t.unary()
		return qnode{op: '!', kids: []qnode{x}}, ok
	case openItem:
		t.k++
		x := t.and()
		if k, ok := t.peek(); ok && k == closeItem {
			t.k++
		}
		switch len(x.kids) {
		case 0:
			return qnode{}, false // "()"
		case 1:
			return x.kids[0], true
		}
		return x, true
	case orItem:
		t.k++ // an OR with no word before it (noted by the scanner when first)
		return t.unary()
	}
	t.k++ // a ")" out of place: not reached, the parentheses pair up
	return qnode{}, false
}

// lit is a clause, or its exclusion.
type lit struct {
	c   int
	neg bool
}

// cnf is n as an AND of ORs of lits (negated: of NOT n); false when it
// would be more than maxTreeGroups ORs.
func cnf(n qnode, neg bool, clauses []clause) ([][]lit, bool) {
	switch n.op {
	case 'c':
		return [][]lit{{{c: n.c, neg: neg != clauses[n.c].negate}}}, true
	case '!':
		return cnf(n.kids[0], !neg, clauses)
	}
	if (n.op == '&') != neg { // an AND, or NOT of an OR: its kids' ANDs
		var out [][]lit
		for _, k := range n.kids {
			x, ok := cnf(k, neg, clauses)
			if !ok || len(out)+len(x) > maxTreeGroups {
				return nil, false
			}
			out = append(out, x...)
		}
		return out, true
	}
	// an OR, or NOT of an AND: each of its kids' ORs with each of the others'
	out := [][]lit{nil}
	for _, k := range n.kids {
		x, ok := cnf(k, neg, clauses)
		if !ok || len(out)*len(x) > maxTreeGroups {
			return nil, false
		}
		var next [][]lit
		for _, a := range out {
			for _, b := range x {
				next = append(next, append(append([]lit(nil), a...), b...))
			}
		}
		out = next
	}
	return out, true
}

// fromTree sets pq from the query read as a tree (items of clauses),
// when it is an AND of groups of words joined by OR and excluded words;
// false otherwise (pq unchanged).
func (pq *parsedQuery) fromTree(clauses []clause, items []item) bool {
	t := treeReader{items: items}
	root := t.and()
	groups, ok := cnf(root, false, clauses)
	if !ok {
		return false
	}
	for _, g := range groups {
		if len(g) > 1 {
			for _, l := range g {
				if l.neg {
					return false // a OR -b
				}
			}
		}
	}
	partial := ""
	var out [][]clause
	var exclude []clause
	for _, g := range groups {
		var group []clause
		for _, l := range g {
			c := clauses[l.c]
			if c.partial && !c.phrase && c.field == qfText {
				partial = c.text // too short to search for yet (group)
				continue
			}
			c.negate = l.neg
			if c.negate {
				c.typing, c.open = c.open, false
				exclude = append(exclude, c)
				continue
			}
			group = append(group, c)
		}
		if len(group) > 0 {
			out = append(out, group)
		}
	}
	pq.groups, pq.exclude, pq.partial = out, exclude, partial
	return true
}

// String is the query pq searches, written in the query language: its
// groups, then the excluded clauses.
func (pq *parsedQuery) String() string {
	var parts []string
	for _, g := range pq.groups {
		var words []string
		for _, c := range g {
			words = append(words, c.String())
		}
		w := strings.Join(words, " OR ")
		if len(g) > 1 && len(pq.groups)+len(pq.exclude) > 1 {
			w = "(" + w + ")"
		}
		parts = append(parts, w)
	}
	for _, c := range pq.exclude {
		parts = append(parts, "-"+c.String())
	}
	return strings.Join(parts, " ")
}

// String is c in the query language.
func (c clause) String() string {
	s := c.text
	if c.phrase {
		s = `"` + s + `"`
	}
	if c.field != qfText {
		s = c.field + ":" + s
	}
	switch {
	case c.prefix:
		s += "*"
	case c.fuzzyAuto:
		s += "~"
	case c.fuzzy > 0:
		s += "~" + strconv.Itoa(c.fuzzy)
	}
	return s
}

// negateUnder excludes the clauses under an odd number of NOTs (items
// read as a tree), for a query searched without its parentheses:
// `-(a b)` is searched as `-a -b`, which the note says, not as `a b`.
func negateUnder(clauses []clause, items []item) {
	t := treeReader{items: items}
	var walk func(n qnode, neg bool)
	walk = func(n qnode, neg bool) {
		switch n.op {
		case 'c':
			if neg {
				clauses[n.c].negate = !clauses[n.c].negate
			}
		case '!':
			walk(n.kids[0], !neg)
		default:
			for _, k := range n.kids {
				walk(k, neg)
			}
		}
	}
	walk(t.and(), false)
}
