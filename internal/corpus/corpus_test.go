package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-tui/folio/archive"
)

func TestGenerateIsDeterministicAndParses(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Generate(a, 50, 7); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, 50, 7); err != nil {
		t.Fatal(err)
	}
	arch, probs := archive.Load(os.DirFS(a))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if len(arch.Articles) != 50 {
		t.Fatalf("got %d articles", len(arch.Articles))
	}
	words := 0
	precisions := map[archive.Precision]int{}
	for _, art := range arch.Articles {
		words += len(bytes.Fields([]byte(art.Body)))
		precisions[art.Date.Precision]++
		if len(art.Tags) == 0 || art.Outlet == "" || len(art.Authors) == 0 {
			t.Errorf("%s: missing metadata", art.ID)
		}
	}
	if avg := words / 50; avg < 700 || avg > 1300 {
		t.Errorf("average length %d words, want about 1,000", avg)
	}
	if precisions[archive.PrecisionDay] == 0 || precisions[archive.PrecisionMonth] == 0 {
		t.Errorf("precisions: %v", precisions)
	}
	// same seed, same files
	_ = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs", rel)
		}
		return nil
	})
}
