package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Characters that show as nothing, or that a terminal reads its own way,
// are cleaned by one rule on every surface (a helper's report: folio show
// passed the line and paragraph separators, --json, cite, snippets and the
// reader dropped them): U+2028 and U+2029 are a line break, the controls
// (NEL among them) go, and the invisible format characters inside a word
// (U+FEFF, U+200B–U+200F, U+2060–U+2064, U+206A–U+206F, U+FFF9–U+FFFB,
// the tag characters) go where the text enters folio. None reaches show
// (plain, --raw, --json), cite or search; the words they stood between
// stay apart, or whole.
func TestFormatCharactersCleanedOnEverySurface(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	seps := []rune{0x2028, 0x2029, 0x85}
	inWord := []rune{0xfeff, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2064,
		0x206a, 0x206f, 0xfff9, 0xfffb, 0xe0001, 0xe0041, 0xe007f}
	var body strings.Builder
	for _, r := range seps {
		body.WriteString("apart" + string(r) + "zebra\n\n")
	}
	for _, r := range inWord {
		body.WriteString("whole" + string(r) + "word\n\n")
	}
	title := "Sep" + string(rune(0x2028)) + "arated" + string(rune(0x2029)) + "title"
	doc := "---\ntitle: \"" + title + "\"\ndate: 2020-01-01\nauthor: \"Ann" + string(rune(0x2028)) + "Lee\"\n" +
		"standfirst: \"First" + string(rune(0x2029)) + "second\"\n---\n" + body.String()
	if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := append(append([]rune{}, seps...), inWord...)
	check := func(surface, out string) {
		t.Helper()
		if i := strings.IndexFunc(out, func(r rune) bool { return strings.ContainsRune(string(bad), r) }); i >= 0 {
			r := []rune(out[i:])[0]
			t.Errorf("%s: %U passed: %q", surface, r, out[max(0, i-20):min(len(out), i+20)])
		}
		if strings.Contains(out, "apartzebra") {
			t.Errorf("%s: a separator joined two words: %q", surface, out)
		}
	}
	for _, args := range [][]string{{"show", "p"}, {"show", "p", "--raw"}, {"cite", "p"}, {"cite", "p", "--format", "markdown"},
		{"search", "zebra", "--wide"}, {"list", "--wide"}} {
		out, errOut, code := run(t, append([]string{"--archive", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		check(strings.Join(args, " "), out)
	}
	out, _, code := run(t, "--archive", dir, "show", "p", "--json")
	if code != 0 {
		t.Fatalf("show --json: exit %d", code)
	}
	var piece map[string]any
	if err := json.Unmarshal([]byte(out), &piece); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "body", "standfirst"} {
		s, _ := piece[k].(string)
		check("show --json "+k, s)
	}
	if b, _ := piece["body"].(string); !strings.Contains(b, "apart\nzebra") || !strings.Contains(b, "wholeword") {
		t.Errorf("show --json body: %q", b)
	}
}
