package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// The FOLIO_TRACE file keeps what it held until the timeline is written,
// then holds the timeline alone.
func TestTraceFileIsEmptiedWhenWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trace")
	if err := os.WriteFile(path, []byte("an older, longer timeline\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	tf := &traceFile{f: f}
	if b, _ := os.ReadFile(path); string(b) != "an older, longer timeline\n" {
		t.Fatalf("opened, it holds %q", b)
	}
	for _, s := range []string{"1 key \"a\"\n", "2 search 1\n"} {
		if _, err := tf.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "1 key \"a\"\n2 search 1\n" {
		t.Fatalf("written, it holds %q", b)
	}
}
