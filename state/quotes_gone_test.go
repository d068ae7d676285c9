package state

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// quotePassages are the passages of qs, in order.
func quotePassages(qs []Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Exact)
	}
	return out
}

// readerWithQuotes is a reader's Quotes holding the passages given,
// saved, in a state folder of its own.
func readerWithQuotes(t *testing.T, dir string, passages ...string) *Quotes {
	t.Helper()
	reader := mustOpenQuotes(t, "bundled", dir)
	for _, p := range passages {
		if _, err := reader.Add(testQuote("piece-"+p, p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := reader.Save(); err != nil {
		t.Fatal(err)
	}
	return reader
}

// TestQuotesSetAsideWhileRunningAreWrittenAgainWhole: a reader's quotes
// file that another folio set aside as corrupt (folio quotes, opening
// it) is written again at the reader's next Reload (its watch's) with
// every quote the reader holds, as the reading state is (an attack: the
// Reload found the file gone, changed to 0 quotes, and the reader's next
// quote was written alone: the others survived only in the set-aside
// copy). The file later deleted by hand stays deleted: the copy the
// reader saw set aside is no sign of a new one.
func TestQuotesSetAsideWhileRunningAreWrittenAgainWhole(t *testing.T) {
	for _, pending := range []bool{false, true} {
		t.Run(fmt.Sprintf("pending %v", pending), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "state")
			reader := readerWithQuotes(t, dir, "a", "b", "c")
			garbage := []byte(`{"version": 1, "quotes": [ broken`)
			if err := os.WriteFile(reader.Path(), garbage, 0o600); err != nil {
				t.Fatal(err)
			}
			other, warn := OpenQuotes("bundled", dir) // as folio quotes does
			if warn == nil || len(other.All()) != 0 {
				t.Fatalf("the other folio: %v, %d quotes", warn, len(other.All()))
			}
			if _, err := os.Stat(reader.Path()); !os.IsNotExist(err) {
				t.Fatalf("the corrupt file was not set aside: %v", err)
			}
			want := []string{"a", "b", "c"}
			if pending {
				if _, err := reader.Add(testQuote("piece-d", "d")); err != nil {
					t.Fatal(err)
				}
				want = append(want, "d")
			}
			changed, err := reader.Reload()
			if err != nil || changed {
				t.Errorf("Reload: changed %v, %v; want unchanged", changed, err)
			}
			if got := quotePassages(reader.All()); !slices.Equal(got, want) {
				t.Errorf("the reader holds %v, want %v", got, want)
			}
			if got := quotePassages(mustOpenQuotes(t, "bundled", dir).All()); !slices.Equal(got, want) {
				t.Errorf("the file holds %v, want %v", got, want)
			}
			if _, err := other.Add(testQuote("piece-e", "e")); err != nil {
				t.Fatal(err)
			}
			if err := other.Save(); err != nil {
				t.Fatal(err)
			}
			want = append(want, "e")
			if got := quotePassages(mustOpenQuotes(t, "bundled", dir).All()); !slices.Equal(got, want) {
				t.Errorf("after the other folio's quote the file holds %v, want %v", got, want)
			}
			aside, _ := filepath.Glob(reader.Path() + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("set aside: %v", aside)
			}
			if data, _ := os.ReadFile(aside[0]); string(data) != string(garbage) {
				t.Errorf("the set-aside copy was changed: %q", data)
			}

			// Deleted by hand now: the set-aside copy is one the reader
			// has seen, so the file stays gone.
			if _, err := reader.Reload(); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(reader.Path()); err != nil {
				t.Fatal(err)
			}
			changed, err = reader.Reload()
			if err != nil || !changed || len(reader.All()) != 0 {
				t.Errorf("Reload after the file was deleted: changed %v, %v, quotes %v", changed, err, quotePassages(reader.All()))
			}
			if _, err := os.Stat(reader.Path()); !os.IsNotExist(err) {
				t.Errorf("the deleted file was written again: %v", err)
			}
		})
	}
}

// TestQuotesDeletedWhileRunningStayDeleted: a quotes file (or the state
// folder) the user deleted under a running reader stays deleted, and the
// reader keeps only the quotes it has not saved yet, as the reading state
// does (3da6712): only a copy set aside since the reader last read or
// wrote the file makes it write everything again. A copy set aside
// before the reader opened the file is no such sign.
func TestQuotesDeletedWhileRunningStayDeleted(t *testing.T) {
	for _, how := range []string{"file", "folder", "file, an older copy set aside"} {
		for _, pending := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, pending %v", how, pending), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "state")
				if how == "file, an older copy set aside" {
					if err := os.MkdirAll(dir, 0o700); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(dir, QuotesFileName("bundled")), []byte("{garbage"), 0o600); err != nil {
						t.Fatal(err)
					}
					if _, warn := OpenQuotes("bundled", dir); warn == nil {
						t.Fatal("the corrupt file was not set aside")
					}
				}
				reader := readerWithQuotes(t, dir, "a", "b", "c")
				gone := reader.Path()
				if how == "folder" {
					gone = dir
				}
				if err := os.RemoveAll(gone); err != nil {
					t.Fatal(err)
				}
				var want []string
				if pending {
					if _, err := reader.Add(testQuote("piece-d", "d")); err != nil {
						t.Fatal(err)
					}
					want = []string{"d"}
				}
				changed, err := reader.Reload()
				if err != nil || !changed {
					t.Fatalf("Reload: changed %v, %v", changed, err)
				}
				if got := quotePassages(reader.All()); !slices.Equal(got, want) {
					t.Errorf("the reader holds %v, want %v", got, want)
				}
				_, err = os.Stat(reader.Path())
				if pending != (err == nil) {
					t.Fatalf("the file after the Reload: %v", err)
				}
				if got := quotePassages(mustOpenQuotes(t, "bundled", dir).All()); !slices.Equal(got, want) {
					t.Errorf("the file holds %v, want %v", got, want)
				}
			})
		}
	}
}
