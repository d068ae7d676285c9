package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A definition list reads as a term and its definition (41f: plain text
// showed "Term\n: definition" as "Term\n* definition", a list item).
func TestDefinitionReadsAsOne(t *testing.T) {
	md := "Before.\n\nTerm\n: definition of it\n\nAfter.\n"
	lines, _, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(lines, "\n")
	if !strings.Contains(got, "  Term\n  : definition of it\n") || strings.Contains(got, "*") {
		t.Errorf("plain:\n%s", got)
	}
	lines, _, err = RenderMarkdown(md, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	if got := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(got, "  Term\n  🠶 definition of it") {
		t.Errorf("dark:\n%s", got)
	}
}
