package archive

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// idsOf loads the archive in dir keeping had, and returns each piece's id
// by its path, and the problems.
func idsOf(t *testing.T, dir string, had map[string]string) (map[string]string, []Problem) {
	t.Helper()
	_, fsys, err := Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	arch, probs := LoadKeeping(fsys, had)
	ids := map[string]string{}
	for _, a := range arch.Articles {
		ids[a.Path] = a.ID
		if b, ok := arch.Get(a.ID); !ok || b.Path != a.Path {
			t.Errorf("Get(%q) = %q, want %q", a.ID, b.Path, a.Path)
		}
	}
	return ids, probs
}

// writePieces writes a piece titled after its name at each path of names.
func writePieces(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		text := "---\ntitle: Piece " + strings.ReplaceAll(n, ":", "") + "\ndate: 2020-01-01\n---\nText.\n"
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Files whose names slug alike, or have no letter, are all pieces, each
// with an id of its own, the same at every load (a helper's report: all
// but the first by path were skipped as duplicates, and 🎉.md was refused).
func TestNamesThatSlugAlikeAreAllPieces(t *testing.T) {
	dir := t.TempDir()
	names := []string{"my_note.md", "my-note.md", "My Note.md", "c/intro.md", "c++/intro.md", "c#/intro.md",
		"x.md", "🎉/x.md", "🎉.md", "!!!.md", "🎉/index.md"}
	writePieces(t, dir, names...)
	ids, probs := idsOf(t, dir, nil)
	for _, p := range probs {
		if p.Fatal {
			t.Errorf("problem: %s", p)
		}
	}
	if len(ids) != len(names) {
		t.Fatalf("%d pieces of %d files: %v", len(ids), len(names), ids)
	}
	seen := map[string]string{}
	for p, id := range ids {
		if o, ok := seen[id]; ok {
			t.Errorf("%s and %s both %q", p, o, id)
		}
		seen[id] = p
	}
	// the file whose path is the id has it bare; the others, suffixed
	for p, want := range map[string]string{"my-note.md": "my-note", "c/intro.md": "c/intro", "x.md": "x", "!!!.md": "u21-u21-u21"} {
		if ids[p] != want {
			t.Errorf("%s is %q, want %q", p, ids[p], want)
		}
	}
	for p, claim := range map[string]string{"my_note.md": "my-note", "My Note.md": "my-note", "c++/intro.md": "c/intro", "🎉/x.md": "x", "🎉/index.md": "u1f389"} {
		if !isSuffixOf(ids[p], claim, p) {
			t.Errorf("%s is %q, want %s-<hash of its path>", p, ids[p], claim)
		}
	}
	again, _ := idsOf(t, dir, nil)
	for p, id := range ids {
		if again[p] != id {
			t.Errorf("%s: %q, then %q", p, id, again[p])
		}
	}
}

// A file that had an id keeps it when a file arrives whose name slugs
// alike, even one whose path is the id (a helper's report: my-note.md
// took my_note.md's id, and its star); what had gives that the file's
// path cannot give is not taken.
func TestAnIDIsKeptFromANewcomer(t *testing.T) {
	dir := t.TempDir()
	writePieces(t, dir, "my_note.md")
	ids, _ := idsOf(t, dir, nil)
	if ids["my_note.md"] != "my-note" {
		t.Fatalf("alone: %v", ids)
	}
	writePieces(t, dir, "my-note.md")
	ids, _ = idsOf(t, dir, ids)
	if ids["my_note.md"] != "my-note" || !isSuffixOf(ids["my-note.md"], "my-note", "my-note.md") {
		t.Errorf("with a newcomer: %v", ids)
	}
	// the suffixed id is kept when the bare one is free again
	kept := maps.Clone(ids)
	os.Remove(filepath.Join(dir, "my_note.md"))
	ids, _ = idsOf(t, dir, kept)
	if ids["my-note.md"] != kept["my-note.md"] {
		t.Errorf("after the other went: %v, had %v", ids, kept)
	}
	// an id the path does not give is not kept
	ids, _ = idsOf(t, dir, map[string]string{"my-note.md": "elsewhere"})
	if ids["my-note.md"] != "my-note" {
		t.Errorf("had a foreign id: %v", ids)
	}
}

// A suffix is never another file's slug: it grows by a digit.
func TestASuffixIsNoOtherFilesSlug(t *testing.T) {
	h := pathHash("a_b.md")
	paths := []string{"a-b.md", "a_b.md", "a-b-" + h[:4] + ".md"}
	ids := AssignIDs(paths, nil)
	if ids[0] != "a-b" || ids[2] != "a-b-"+h[:4] || ids[1] != "a-b-"+h[:5] {
		t.Errorf("ids %v", ids)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 3 {
		t.Error("ids not distinct")
	}
}

// A name with no letter in a folder with letters is named by its
// characters under its folder, not by its folder (a helper's report:
// notes/🎉.md was notes-2386, beside notes.md's notes).
func TestALetterlessNameInALetteredFolder(t *testing.T) {
	for p, want := range map[string]string{"notes/🎉.md": "notes/u1f389", "notes/🎉/index.md": "notes/u1f389",
		"🎉/🎉.md": "u1f389", "🎉.md": "u1f389", "🎉/x.md": "x", "a/!!!/b.md": "a/b", "a/!!!.md": "a/u21-u21-u21"} {
		if got := IDFromPath(p); got != want {
			t.Errorf("IDFromPath(%s) = %q, want %q", p, got, want)
		}
	}
	dir := t.TempDir()
	writePieces(t, dir, "notes.md", "notes/🎉.md")
	if ids, _ := idsOf(t, dir, nil); ids["notes.md"] != "notes" || ids["notes/🎉.md"] != "notes/u1f389" {
		t.Errorf("ids %v", ids)
	}
}

// TestIsSuffixedIsWhatAssignIDsGives: every id AssignIDs gives a file
// whose slug is taken is its slug suffixed (IsSuffixed), and ids that
// merely start as the slug are not.
func TestIsSuffixedIsWhatAssignIDsGives(t *testing.T) {
	paths := []string{"my-note.md", "my_note.md", "my note.md", "a/b.md", "a_b.md"}
	ids := AssignIDs(paths, nil)
	suffixedSeen := 0
	for i, p := range paths {
		claim := IDFromPath(p)
		if ids[i] == claim {
			continue
		}
		suffixedSeen++
		if !IsSuffixed(ids[i], claim) {
			t.Errorf("%s: id %q is not %q suffixed", p, ids[i], claim)
		}
	}
	if suffixedSeen < 2 {
		t.Fatalf("ids %v: want at least two suffixed", ids)
	}
	h := pathHash("x.md")
	for id, want := range map[string]bool{
		"note-2f3a":                      true,
		"note-2f3a9c":                    true,
		"note-" + h:                      true,
		"note-" + h + "-2":               true,
		"note-2f3":                       false, // too short
		"note-2F3A":                      false, // not the hash's digits
		"note-2f3a-2":                    false, // a number only after the whole hash
		"note-" + h + "0":                false, // longer than a hash
		"note-" + h + "-x":               false,
		"note-taking":                    false,
		"notes-2f3a":                     false,
		"note":                           false,
		"note-":                          false,
		"note-" + strings.Repeat("a", 4): true,
	} {
		if got := IsSuffixed(id, "note"); got != want {
			t.Errorf("IsSuffixed(%q, note) = %v, want %v", id, got, want)
		}
	}
}
