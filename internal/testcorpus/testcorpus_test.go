package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	want := filepath.Join(root, "shared", "corpora", "sotu")
	deep := filepath.Join(root, "a", "b", "c")
	for _, d := range []string{want, deep} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(deep)
	if got, ok := Find("sotu"); !ok || got != want {
		t.Fatalf("Find(sotu) = %q, %v; want %q", got, ok, want)
	}
	if got, ok := Find("absent"); ok {
		t.Fatalf("Find(absent) = %q, true", got)
	}
}
