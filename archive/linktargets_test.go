package archive

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A link whose target holds a character the archive drops from text names
// the file it names, by its target percent-encoded, or no piece: never
// the look-alike the target reads as once the character is gone (an
// attack: [to rlo](g\u202eood.md) read "to rlo (→ “Good one”)" in show
// and "Good one ← to rlo" in the reader's links).
func TestLinkTargetsKeepWhatSanitizeDrops(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.md":          "Good one",
		"g\u202eood.md":    "Evil one",
		"go\u200bod.md":    "Spaced one",
		"g\u2067ood.md":    "Isolated one",
		"g\u202dood.md":    "Overridden one",
		"linker.md":        "Linker",
		"maker.md":         "Maker",
		"go\u00adod.md":    "Soft one",
		"go\U000e0041d.md": "Tagged one",
	}
	body := strings.Join([]string{
		"[to rlo](g\u202eood.md)",
		"[to zw](go\u200bod.md)",
		"[to isolate](<g\u2067ood.md>)",
		"[to shy][shy]",
		"[to tag](go\U000e0041d.md \"a title\")",
		"[to good](good.md)",
		"and <a href=\"g\u202dood.md\">to html</a> too",
		"",
		"[shy]: go\u00adod.md",
	}, "\n")
	made := strings.Join([]string{
		// a target the cleaning made: the form feed, or the escape
		// sequence's space, ended it, the reference went later
		"[ff](go\fod.md) [csi](go\x1b[ qod.md) [ref](go&#x200b;od.md)",
		"[marks](good" + strings.Repeat("\u0301", 9) + ".md)",
		"",
		"[def]: go\fod.md",
		"",
		"[by def][def]",
	}, "\n")
	for name, title := range files {
		text := "---\ntitle: " + title + "\ndate: 2020-01-01\n---\n"
		switch name {
		case "linker.md":
			text += body + "\n"
		case "maker.md":
			text += made + "\n"
		default:
			text += "x\n"
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, _ := Load(os.DirFS(dir))
	linker, ok := arch.Resolve([]string{"linker.md"})
	if !ok {
		t.Fatal("no linker.md")
	}
	if strings.ContainsFunc(linker.Body, func(r rune) bool { return r != '\n' && (isUnsafe(r) || ignorable(r)) }) {
		t.Errorf("the body keeps a character Sanitize drops: %q", linker.Body)
	}
	maker, ok := arch.Resolve([]string{"maker.md"})
	if !ok {
		t.Fatal("no maker.md")
	}
	got := map[string]string{} // a link's text -> the title it names
	for _, a := range []Article{linker, maker} {
		for _, l := range Links(a.Body) {
			if to, ok := arch.Resolve(LinkCandidates(a.Path, l.Target)); ok {
				got[l.Text] = to.Title
			} else {
				got[l.Text] = "(" + l.Target + ")"
			}
		}
	}
	want := map[string]string{
		"to rlo":     "Evil one",
		"to zw":      "Spaced one",
		"to isolate": "Isolated one",
		"shy":        "Soft one", // the definition's label
		"to tag":     "Tagged one",
		"to good":    "Good one",
		"to html":    "Overridden one",
	}
	for text, title := range want {
		if got[text] != title {
			t.Errorf("%q names %q, want %q", text, got[text], title)
		}
	}
	for _, text := range []string{"ff", "csi", "ref", "marks", "def"} {
		if title, ok := got[text]; ok {
			t.Errorf("%q is a link, naming %q: want text", text, title)
		}
	}
	title := func(c []string) (string, bool) {
		a, ok := arch.Resolve(c)
		return a.Title, ok
	}
	marked := MarkLinks(linker.Body, linker.Path, title) + "\n" + MarkLinks(maker.Body, maker.Path, title)
	for _, s := range []string{"to rlo (→ “Evil one”)", "to good (→ “Good one”)", `[ff]\(good.md)`, `\[def]: good.md`} {
		if !strings.Contains(marked, s) {
			t.Errorf("shown:\n%s\nwant %q in it", marked, s)
		}
	}
	if n := strings.Count(marked, "Good one"); n != 1 {
		t.Errorf("shown:\n%s\nnames Good one %d times, want once (to good)", marked, n)
	}
}

// targetSpans, read by hand, finds each target mdLink and mdDef find
// (breakChangedLinks counts them in both texts): the forms links_test
// reads, and the bodies of testdata.
func TestTargetSpansFindWhatTheExpressionsFind(t *testing.T) {
	texts := []string{
		"[a](b(c)d) [e](<f g>) [h]( \n i ) [j](k(l) [m](n \"t\") x](y [\\[1\\]](z.md) [a\\](x) b](y.md)",
		"[q](<>) [r](<s\nt>) [u](()) [v](w(x)(y)z) [é](ü\u202e.md) [ff](go\fod.md)",
		"[d]: <q>\n  [d2]:\n r\n[d3]: s>\n    [d4]: no\n[^1]: note\n[" + strings.Repeat("l", 301) + "]: long\n[d5]: " + strings.Repeat("é", 1200),
	}
	filepath.WalkDir("../testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	n := 0
	for _, md := range texts {
		have := map[[2]int]bool{}
		for _, s := range targetSpans(md) {
			have[[2]int{s[0], s[1]}] = true
		}
		for _, m := range mdLink().FindAllStringSubmatchIndex(md, -1) {
			tg := m[4:6]
			if tg[0] < 0 {
				tg = m[6:8]
			}
			if n++; !have[[2]int{tg[0], tg[1]}] {
				t.Errorf("the link %q: its target not found", md[m[0]:m[1]])
			}
		}
		for _, m := range mdDef().FindAllStringSubmatchIndex(md, -1) {
			if n++; !have[[2]int{m[4], m[5]}] {
				t.Errorf("the definition %q: its target not found", md[m[0]:m[1]])
			}
		}
	}
	if n < 15 {
		t.Errorf("%d targets in %d texts: the texts are not read", n, len(texts))
	}
}

// A link the cleaning makes (a zero-width space between "]" and "(") is
// no link, even where the cleaning also takes one away, so that the
// piece's count of links is what it was (a review: targets paired by
// place left "[made]&#x200b;(q.md)" a live link, the ordinary one text).
func TestLinkMadeByTheCleaningIsText(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"p.md":     "---\ntitle: P\ndate: 2020-01-01\n---\nx\n",
		"q.md":     "---\ntitle: Q\ndate: 2020-01-01\n---\nx\n",
		"links.md": "---\ntitle: Links\ndate: 2020-01-01\n---\nSee [first](p.md) then [y](&#x200b;) then [second](q.md) and [made]&#x200b;(q.md) end.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, _ := Load(os.DirFS(dir))
	a, ok := arch.Resolve([]string{"links.md"})
	if !ok {
		t.Fatal("no links.md")
	}
	for _, l := range Links(a.Body) {
		if l.Text == "made" {
			t.Errorf("%q is a link to %q in %q", l.Text, l.Target, a.Body)
		}
	}
}

// A link's text and its target name one site when their hosts differ in
// a trailing full stop the IDNA lookup reads as one (hostOf: "example.com。"
// was example.com., another site than example.com, and its link text),
// as in any trailing dot; a text of another site still is one.
func TestLinkTextTrailingFullStop(t *testing.T) {
	for _, c := range []struct {
		text, target string
		elsewhere    bool
	}{
		{"https://example.com\u3002/x", "https://example.com/x", false},
		{"https://www\uff0eexample\uff0ecom\uff0e/x", "https://example.com/x", false},
		{"https://example.com./x", "https://example.com/x", false},
		{"https://example.net\u3002/x", "https://example.com/x", true},
	} {
		if got := LinkTextElsewhere(c.text, c.target); got != c.elsewhere {
			t.Errorf("LinkTextElsewhere(%q, %q) = %v, want %v", c.text, c.target, got, c.elsewhere)
		}
	}
}
