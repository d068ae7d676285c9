package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func plainArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "blog"), 0o755); err != nil {
		t.Fatal(err)
	}
	piece := `---
title: Fixing code with go fix
date: 2024-02-01
authors: [Russ Cox]
standfirst: What the go fix tool does, and why.
tags: [go fix, static analysis, counter-terrorism, modernisers, tooling, refactoring, analysis-passes, gopls]
---
## The problem

Code **rots** when the language *moves on*; ` + "`go fix`" + ` rewrites it.
`
	if err := os.WriteFile(filepath.Join(dir, "blog", "2024-go-fix.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// folio show, piped, is plain text: no Markdown marks, the standfirst
// shown, the tags broken only between tags.
func TestShowPipedIsPlainText(t *testing.T) {
	dir := plainArchive(t)
	out, errOut, code := run(t, "--archive", dir, "show", "blog/2024-go-fix", "--width", "40")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, mark := range []string{"**", "##", "`", "*rots", "*moves"} {
		if strings.Contains(out, mark) {
			t.Errorf("plain output holds %q:\n%s", mark, out)
		}
	}
	if !strings.Contains(out, "What the go fix tool does, and why.") {
		t.Errorf("no standfirst:\n%s", out)
	}
	if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, "The problem Code rots when the language moves on; go fix rewrites it.") {
		t.Errorf("the body is not plain text:\n%s", out)
	}
	// the tag lines: from "tags:" to the blank line
	var tagText []string
lines:
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "tags:"):
			tagText = append(tagText, l)
		case len(tagText) > 0 && l == "":
			break lines
		case len(tagText) > 0:
			tagText = append(tagText, l)
		}
	}
	joined := strings.Join(tagText, " ")
	for _, tag := range []string{"go fix,", "static analysis,", "counter-terrorism,", "analysis-passes,", "gopls"} {
		if !strings.Contains(joined, tag) {
			t.Errorf("tag %q broken or missing in %q", tag, tagText)
		}
	}
	for _, l := range tagText {
		if len(l) > 38 {
			t.Errorf("a tag line wider than the width: %q", l)
		}
	}
}

// show and cite take a file name or path as well as an id; an unknown id
// gets the nearest ids.
func TestShowByFileAndDidYouMean(t *testing.T) {
	dir := plainArchive(t)
	for _, arg := range []string{"blog/2024-go-fix", "2024-go-fix.md", "blog/2024-go-fix.md", filepath.Join(dir, "blog", "2024-go-fix.md")} {
		out, errOut, code := run(t, "--archive", dir, "show", arg)
		if code != 0 || !strings.Contains(out, "Fixing code with go fix") {
			t.Errorf("show %q: exit %d, %s", arg, code, errOut)
		}
		out, errOut, code = run(t, "--archive", dir, "cite", arg)
		if code != 0 || !strings.Contains(out, "Fixing Code with Go Fix") && !strings.Contains(out, "Fixing code with go fix") {
			t.Errorf("cite %q: exit %d, %s%s", arg, code, out, errOut)
		}
	}
	_, errOut, code := run(t, "--archive", dir, "show", "blog-2024-gofix")
	if code == 0 || !strings.Contains(errOut, `did you mean blog/2024-go-fix?`) {
		t.Errorf("a typo: exit %d, %q", code, errOut)
	}
	_, errOut, _ = run(t, "--archive", dir, "show", "nothing-like-it-at-all")
	if !strings.Contains(errOut, "folio list shows the ids") {
		t.Errorf("no near id: %q", errOut)
	}
}

// folio list on a folder with no pieces says so on stderr, with the files
// skipped.
func TestListEmptyFolderSaysSo(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: x\n---\nno date\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "list")
	if code != 0 || out != "" || !strings.Contains(errOut, "1 file(s) skipped") || !strings.Contains(errOut, "has no pieces") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// folio show prints a look-alike host as the browser asks for it.
func TestShowSpellsALookAlikeHost(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\ndate: 2020-01-01\nurl: https://ex\u0430mple.com/a\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "--archive", dir, "show", "a")
	if code != 0 || !strings.Contains(out, "url: https://ex\u0430mple.com/a (host xn--exmple-4nf.com: not plain ASCII)") {
		t.Errorf("exit %d %s:\n%s", code, errs, out)
	}
}

// folio show --raw prints the file's fields as written, and names a
// look-alike host on stderr (the url, and a source of another host).
func TestShowRawNamesALookAlikeHost(t *testing.T) {
	dir := t.TempDir()
	text := "---\ntitle: A\ndate: 2020-01-01\nurl: https://ex\u0430mple.com/a\nsource: https://n\u0435ws.example/b\n---\nText.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "--archive", dir, "show", "--raw", "a")
	if code != 0 || !strings.Contains(out, "https://ex\u0430mple.com/a") || strings.Contains(out, "xn--") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
	for _, want := range []string{"folio: url: (host xn--exmple-4nf.com: not plain ASCII)", "folio: source: (host xn--nws-rdd.example: not plain ASCII)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

// folio show lays out a Devanagari piece within --width under either way
// a terminal counts cells, every word kept (a helper's report: lines of
// 121–138 cells on a 100-column terminal).
func TestShowFitsDevanagari(t *testing.T) {
	dir := t.TempDir()
	ws := []string{"प्रधानमंत्री", "अर्थव्यवस्था", "क्षेत्र", "स्वास्थ्य"}
	var body strings.Builder
	for i := range 80 {
		fmt.Fprintf(&body, "%s%d ", ws[i%len(ws)], i)
	}
	if err := os.WriteFile(filepath.Join(dir, "hin.md"), []byte("---\ntitle: real\ndate: 2020-01-03\n---\n"+body.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "hin", "--width", "60")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidthWc(l) > 60 || ansi.StringWidth(l) > 60 {
			t.Errorf("a line of %d/%d cells: %q", ansi.StringWidth(l), ansi.StringWidthWc(l), l)
		}
	}
	for i := range 80 {
		if w := fmt.Sprintf("%s%d", ws[i%len(ws)], i); !strings.Contains(out, w) {
			t.Errorf("%s is missing", w)
		}
	}
}
