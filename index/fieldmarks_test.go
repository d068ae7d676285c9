package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A word is marked where its clause searched: a title: word in the title
// alone, not in the snippets (which would say the texts matched); a word
// of the default field in both; an author: word in neither.
func TestMarksKeepToTheFieldsSearched(t *testing.T) {
	arch := t.TempDir()
	piece := `---
title: "Sanctions and the Kremlin"
date: 2020-05-01
authors: ["Ann Kremlin"]
outlet: "The Times"
---

The Kremlin answered the sanctions with silence, and then with more sanctions of its own.
`
	if err := os.WriteFile(filepath.Join(arch, "piece.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, arch, filepath.Join(t.TempDir(), "idx"))
	defer ix.Close()
	for _, c := range []struct {
		query             string
		title, inSnippets bool
	}{
		{"kremlin", true, true},
		{"title:kremlin", true, false},
		{"title:sanctions silence", true, true}, // silence: the default field
		{`author:kremlin sanctions`, true, true},
		{`author:kremlin`, false, false},
	} {
		r, err := ix.Search(context.Background(), Query{Text: c.query, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 {
			t.Fatalf("%s: %d hits", c.query, len(r.Hits))
		}
		h := r.Hits[0]
		if got := strings.Contains(h.TitleMarked, MarkStart); got != c.title {
			t.Errorf("%s: title marked %v (%q), want %v", c.query, got, h.TitleMarked, c.title)
		}
		if got := slices.ContainsFunc(h.Snippets, hasMark); got != c.inSnippets {
			t.Errorf("%s: snippets marked %v (%q), want %v", c.query, got, h.Snippets, c.inSnippets)
		}
		if len(h.Snippets) == 0 {
			t.Errorf("%s: no snippet at all (a lead is shown where nothing is marked)", c.query)
		}
		if c.query == "title:sanctions silence" {
			for _, s := range h.Snippets {
				if strings.Contains(strings.ToLower(s), MarkStart+"sanctions") {
					t.Errorf("%s: the title: word is marked in a snippet: %q", c.query, s)
				}
			}
		}
	}
}

// The words a rendered piece marks (Results.Terms) are the default field's
// and their aliases: a title: word matched the title alone, and is not
// marked in the text.
func TestTermsAreTheTextsWords(t *testing.T) {
	for _, c := range []struct {
		query string
		want  []string // among the terms
		not   []string
	}{
		{"title:isis", nil, []string{"isis", "Isil"}},
		{"isis title:kremlin", []string{"isis", "Isil"}, []string{"kremlin"}},
		{`title:"foo bar" silence`, []string{"silence"}, []string{"foo", "bar", "foo bar"}},
	} {
		p := buildPlan(parseQuery(c.query, false), DefaultSynonyms())
		terms := p.terms()
		if terms == nil {
			t.Fatalf("%s: nil terms (the reader would guess them from the text)", c.query)
		}
		for _, w := range c.want {
			if !slices.ContainsFunc(terms, func(s string) bool { return strings.EqualFold(s, w) }) {
				t.Errorf("%s: %q not among %q", c.query, w, terms)
			}
		}
		for _, w := range c.not {
			if slices.ContainsFunc(terms, func(s string) bool { return strings.EqualFold(s, w) }) {
				t.Errorf("%s: %q among %q", c.query, w, terms)
			}
		}
	}
}
