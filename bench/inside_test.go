package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The steps of a typed key are read from folio's timeline: a key that
// started no search (enter), a search cancelled by the next key, and a key
// whose answer is handled are told apart; only the last one counts.
func TestInsideFolioReadsTheSteps(t *testing.T) {
	trace := `1000 key "enter"
1500 view 300
2000 key "a"
2100 search 3
2600 view 400
2900 write 77
3000 key "b"
3100 search 4
3200 found 3
9100 found 4
9300 results 4
9400 view 1200
10900 write 3400
11000 write 14
# 0 events not kept
`
	path := filepath.Join(t.TempDir(), "trace")
	if err := os.WriteFile(path, []byte(trace), 0o600); err != nil {
		t.Fatal(err)
	}
	fig := insideFolio(path)
	if fig.err != "" {
		t.Fatal(fig.err)
	}
	want := []float64{0.1, 6.0, 0.2, 0.1, 1.5, 7.9}
	for i, w := range want {
		if len(fig.steps[i]) != 1 || fig.steps[i][0] != w {
			t.Errorf("%s: %v, want [%v]", insideSteps[i], fig.steps[i], w)
		}
	}
	if bad := insideFolio(filepath.Join(t.TempDir(), "none")); bad.err == "" {
		t.Error("a missing trace gave no error")
	}
}
